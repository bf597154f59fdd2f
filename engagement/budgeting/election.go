package budgeting

import (
	"errors"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"
)

// Election is a participatory budgeting election as a Pabulib file holds it:
// an [Instance] (budget, projects, META) and the [BallotProfile] of ballots cast
// on it, with the warnings found while checking the ballots. It is
// immutable and safe for concurrent use.
//
// The zero value is not an election; build one with [NewElection] or read
// one with [Parse], [Read] or [ReadFile].
type Election struct {
	inst     *Instance
	prof     *BallotProfile
	warnings []Warning
	repeats  []rawBallot // ballots read with a project named twice, as written
}

// Instance returns the election's instance.
func (e *Election) Instance() *Instance { return e.inst }

// Profile returns the election's ballots.
func (e *Election) Profile() *BallotProfile { return e.prof }

// Warnings returns a copy of what checking the election found that the
// format tolerates: META's num_votes or num_projects disagreeing with the
// rows given ([ErrCountMismatch]), ballots under min_length or
// min_sum_points ([ErrBallotTooShort]), rows shorter than their header
// ([ErrShortRow]). Nil when there is nothing to report.
func (e *Election) Warnings() []Warning { return slices.Clone(e.warnings) }

// Equal reports whether e and o have equal instances and profiles
// ([Instance.Equal], [BallotProfile.Equal]); warnings are not compared.
func (e *Election) Equal(o *Election) bool {
	if e == nil || o == nil {
		return e == o
	}
	return e.inst.Equal(o.inst) && e.prof.Equal(o.prof)
}

// NewElection builds an election from an instance and one [Vote] per voter,
// in order. The VOTES columns are voter_id, vote, points (for cumulative and
// scoring ballots) and then the voters' attribute keys in the order they
// first appear; a voter without one of them gets it with no value.
//
// It checks every ballot against the instance as [Parse] does and returns
// every problem joined: [ErrInvalid] for a missing instance, an empty
// or padded voter ID or a negative number of points, [ErrDuplicate] for a
// repeated voter ID or attribute key, [ErrUnknownProject],
// [ErrRepeatedProject], [ErrPointsMismatch], [ErrBallotTooLong],
// [ErrTooManyPoints] and [ErrInvalidNumber] for points with more than 18
// decimal places. Ballots under META's minimums and a num_votes that
// disagrees are reported by [Election.Warnings].
func NewElection(inst *Instance, votes []Vote) (*Election, error) {
	if inst == nil || !inst.voteType.IsValid() {
		return nil, errorf(ErrInvalid, "election without an instance")
	}
	cols := []string{"voter_id", "vote"}
	if inst.voteType.hasPoints() {
		cols = append(cols, "points")
	}
	seen := map[string]bool{}
	for _, v := range votes {
		for _, f := range v.Attributes {
			if !seen[f.Key] {
				seen[f.Key] = true
				cols = append(cols, f.Key)
			}
		}
	}
	return newElection(inst, cols, votes)
}

// newElection builds an election with the VOTES columns cols.
func newElection(inst *Instance, cols []string, votes []Vote) (*Election, error) {
	b := newProfileBuilder(inst, len(votes))
	b.setColumns(cols, 0)
	for _, v := range votes {
		b.beginBallot()
		for k, id := range v.Projects {
			j, ok := inst.index[id]
			if !ok {
				b.fail(0, errorf(ErrUnknownProject, "voter %q votes for %q", v.VoterID, id))
				continue
			}
			if b.addProject(int32(j), 0) && inst.voteType.hasPoints() && k < len(v.Points) {
				b.addPointsDecimal(v.Points[k], 0)
			}
		}
		if inst.voteType.hasPoints() && len(v.Points) != len(v.Projects) {
			b.fail(0, errorf(ErrPointsMismatch, "voter %q: %d projects, %d points", v.VoterID, len(v.Projects), len(v.Points)))
		} else if !inst.voteType.hasPoints() && v.Points != nil {
			b.fail(0, errorf(ErrPointsMismatch, "voter %q: points on a %s ballot", v.VoterID, inst.voteType))
		}
		for j, f := range v.Attributes {
			for _, g := range v.Attributes[:j] {
				if g.Key == f.Key {
					b.fail(0, errorf(ErrDuplicate, "voter %q: attribute %q", v.VoterID, f.Key))
				}
			}
			if !slices.Contains(b.prof.attrCols, f.Key) {
				b.fail(0, errorf(ErrInvalid, "voter %q: attribute %q is not an attribute column", v.VoterID, f.Key))
			}
		}
		for _, c := range b.prof.attrCols {
			val := ""
			for _, f := range v.Attributes {
				if f.Key == c {
					val = f.Value
				}
			}
			if err := checkText("value of "+c, val, true); err != nil {
				b.fail(0, err)
			}
			b.prof.attrs = append(b.prof.attrs, b.prof.own(val))
		}
		b.endBallot(v.VoterID, b.prof.own(v.VoterID), 0)
	}
	return b.finish()
}

// profileBuilder assembles a Profile for both NewElection and the reader, so
// both check ballots the same way. The reader stops at the first error;
// NewElection collects them all.
type profileBuilder struct {
	problems
	inst      *Instance
	prof      *BallotProfile
	ws        warnings
	stamp     []int32 // stamp[p] = number of the ballot that last listed p
	repeats   []rawBallot
	lines     []int32 // line of each point ballot, for errors found at the end
	ids       idSet   // voter IDs, once they are not in increasing order
	idsSorted bool    // every voter ID so far is greater than the one before
	start     int32   // offset of the ballot being built
}

func newProfileBuilder(inst *Instance, capacity int) *profileBuilder {
	b := &profileBuilder{
		inst:  inst,
		prof:  &BallotProfile{voteType: inst.voteType, nProjects: len(inst.projects)},
		stamp: make([]int32, len(inst.projects)),
	}
	b.prof.ids = make([]strRef, 0, capacity)
	b.prof.offsets = make([]int32, 1, capacity+1)
	if inst.voteType.hasPoints() {
		b.lines = make([]int32, 0, capacity)
	}
	b.idsSorted = true
	if inst.voteType.hasPoints() {
		b.prof.points = []int64{}
	}
	return b
}

// setColumns stores the VOTES header and each column's role.
func (b *profileBuilder) setColumns(cols []string, line int) {
	p := b.prof
	p.columns = cols
	p.roles = make([]int, len(cols))
	b.checkColumns("VOTES", cols, line)
	hasVote, hasPoints := false, false
	for i, c := range cols {
		r := vcolID
		if i > 0 {
			r = voteColumnRole(c, p.voteType)
			if (r == vcolVote && hasVote) || (r == vcolPoints && hasPoints) {
				r = vcolAttr
			}
		}
		hasVote = hasVote || r == vcolVote
		hasPoints = hasPoints || r == vcolPoints
		if r == vcolAttr {
			p.attrCols = append(p.attrCols, c)
		}
		p.roles[i] = r
	}
	if !hasVote {
		b.fail(line, errorf(ErrMissingField, "VOTES has no vote column"))
	}
	if p.voteType.hasPoints() && !hasPoints {
		b.fail(line, errorf(ErrMissingField, "VOTES has no points column for %s ballots", p.voteType))
	}
}

// beginBallot starts a new ballot.
func (b *profileBuilder) beginBallot() { b.start = int32(len(b.prof.items)) }

// addProject appends project j to the ballot being built; it reports false,
// recording an error, for a project the ballot already lists.
func (b *profileBuilder) addProject(j int32, line int) bool {
	mark := int32(len(b.prof.ids) + 1)
	if b.stamp[j] == mark {
		b.fail(line, errorf(ErrRepeatedProject, "project %q", b.inst.projects[j].ID))
		return false
	}
	b.stamp[j] = mark
	b.prof.items = append(b.prof.items, j)
	return true
}

// addPointsDecimal appends the points of the project just added.
func (b *profileBuilder) addPointsDecimal(d decimal.Decimal, line int) {
	if d.Sign() < 0 {
		b.fail(line, errorf(ErrInvalid, "negative points %s", d))
		d = decimal.Zero
	}
	places := significantPlaces(d)
	if places > maxPlaces {
		b.fail(line, errorf(ErrInvalidNumber, "points %s", d))
		return
	}
	b.rescalePoints(places, line)
	v, ok := scaled(d, b.prof.places)
	if !ok {
		b.fail(line, errorf(ErrOverflow, "points %s", d))
		return
	}
	b.prof.points = append(b.prof.points, v)
}

// addPoints appends points given as an integer v with places decimal places.
func (b *profileBuilder) addPoints(v int64, places int32, line int) {
	if v, ok := b.scalePoints(v, places, line); ok {
		b.prof.points = append(b.prof.points, v)
	}
}

// scalePoints returns points given as an integer v with places decimal
// places on the profile's scale, raising the scale when needed; ok is false,
// and an error recorded, when they do not fit.
func (b *profileBuilder) scalePoints(v int64, places int32, line int) (int64, bool) {
	if places > b.prof.places {
		b.rescalePoints(places, line)
	}
	for ; places < b.prof.places; places++ {
		if v > (1<<63-1)/10 {
			b.fail(line, errorf(ErrOverflow, "points"))
			return 0, false
		}
		v *= 10
	}
	return v, true
}

// rescalePoints raises the profile's points scale to places decimal places.
func (b *profileBuilder) rescalePoints(places int32, line int) {
	p := b.prof
	for ; p.places < places; p.places++ {
		for k, v := range p.points {
			if v > (1<<63-1)/10 {
				b.fail(line, errorf(ErrOverflow, "points"))
				return
			}
			p.points[k] = v * 10
		}
	}
}

// endBallot closes the ballot being built, whose voter has ID voterID
// (stored at ref), and checks its length.
func (b *profileBuilder) endBallot(voterID string, ref strRef, line int) {
	p := b.prof
	if line == 0 || voterID == "" { // the reader has trimmed the ID already
		if err := checkID("voter", voterID); err != nil {
			b.fail(line, err)
		}
	}
	if voterID != "" && !b.newVoterID(voterID) {
		b.fail(line, errorf(ErrDuplicate, "voter %q", voterID))
	}
	n := int64(int32(len(p.items)) - b.start)
	l := b.inst.limits
	if b.inst.voteType == VoteTypeChooseOne && n > 1 {
		b.fail(line, errorf(ErrBallotTooLong, "voter %q lists %d projects on a choose-1 ballot", voterID, n))
	} else if l.maxLength >= 0 && n > l.maxLength {
		b.fail(line, errorf(ErrBallotTooLong, "voter %q lists %d projects, max_length is %d", voterID, n, l.maxLength))
	}
	if n < l.minLength {
		b.ws.add("min_length", line, ErrBallotTooShort, "voter %q lists %d projects, min_length is %d", voterID, n, l.minLength)
	}
	if p.points != nil && len(p.points) != len(p.items) {
		// a problem with the points was already reported; keep the arrays
		// aligned so that checking can go on
		p.points = append(p.points[:min(len(p.points), len(p.items))], make([]int64, max(0, len(p.items)-len(p.points)))...)
	}
	p.ids = append(p.ids, ref)
	p.offsets = append(p.offsets, int32(len(p.items)))
	if b.lines != nil {
		b.lines = append(b.lines, int32(line))
	}
}

// newVoterID reports whether id differs from every voter ID so far. Most
// files list voters in increasing ID order; while they do, comparing with
// the previous ID is proof enough and no hash set is built.
func (b *profileBuilder) newVoterID(id string) bool {
	if b.idsSorted {
		ids := b.prof.ids
		if len(ids) == 0 {
			return true
		}
		last := b.prof.str(ids[len(ids)-1])
		if len(id) > len(last) || (len(id) == len(last) && id > last) {
			return true
		}
		b.idsSorted = false
		b.ids.init(cap(ids)) // the ballots expected; grows as needed
		for _, x := range ids {
			b.ids.add(b.prof.str(x))
		}
	}
	return b.ids.add(id)
}

// checkPoints checks every ballot's points against META's limits, once the
// points scale is final.
func (b *profileBuilder) checkPoints() {
	p, l := b.prof, b.inst.limits
	if p.points == nil || !(l.hasMaxSum || l.hasMinSum || l.hasMaxPoints || l.hasMinPoints) {
		return
	}
	// Compare in the profile's scaled integers; a limit that does not scale
	// to one is compared as a decimal.
	lim := func(has bool, d decimal.Decimal) (int64, bool) {
		if !has {
			return 0, false
		}
		v, ok := scaled(d, p.places)
		return v, ok
	}
	maxP, okMaxP := lim(l.hasMaxPoints, l.maxPoints)
	minP, okMinP := lim(l.hasMinPoints, l.minPoints)
	maxS, okMaxS := lim(l.hasMaxSum, l.maxSum)
	minS, okMinS := lim(l.hasMinSum, l.minSum)
	for i := range p.ids {
		line := int(b.lines[i])
		var sum int64
		overflow := false
		for k := p.offsets[i]; k < p.offsets[i+1]; k++ {
			v := p.points[k]
			if sum += v; sum < 0 {
				overflow = true
			}
			if l.hasMaxPoints && (okMaxP && v > maxP || !okMaxP && unscaled(v, p.places).GreaterThan(l.maxPoints)) {
				b.fail(line, errorf(ErrTooManyPoints, "voter %q gives %s points, max_points is %s", p.str(p.ids[i]), unscaled(v, p.places), l.maxPoints))
			}
			if l.hasMinPoints && (okMinP && v < minP || !okMinP && unscaled(v, p.places).LessThan(l.minPoints)) {
				b.ws.add("min_points", line, ErrBallotTooShort, "voter %q gives %s points, min_points is %s", p.str(p.ids[i]), unscaled(v, p.places), l.minPoints)
			}
		}
		var total decimal.Decimal // the exact sum, built only when needed
		if overflow || !okMaxS && l.hasMaxSum || !okMinS && l.hasMinSum {
			total = decimal.Zero
			for k := p.offsets[i]; k < p.offsets[i+1]; k++ {
				total = total.Add(unscaled(p.points[k], p.places))
			}
			overflow = true
		}
		above := l.hasMaxSum && (!overflow && sum > maxS || overflow && total.GreaterThan(l.maxSum))
		below := l.hasMinSum && (!overflow && sum < minS || overflow && total.LessThan(l.minSum))
		if (above || below) && !overflow {
			total = unscaled(sum, p.places)
		}
		if above {
			b.fail(line, errorf(ErrTooManyPoints, "voter %q gives %s points, max_sum_points is %s", p.str(p.ids[i]), total, l.maxSum))
		}
		if below {
			b.ws.add("min_sum_points", line, ErrBallotTooShort, "voter %q gives %s points, min_sum_points is %s", p.str(p.ids[i]), total, l.minSum)
		}
		if len(b.errs) > 0 && line > 0 {
			return
		}
	}
}

// countWarnings compares META's num_votes and num_projects with the rows.
func (b *profileBuilder) countWarnings() {
	for _, c := range [...]struct {
		key string
		n   int
	}{{"num_projects", len(b.inst.projects)}, {"num_votes", len(b.prof.ids)}} {
		v, ok := b.inst.Meta(c.key)
		if !ok {
			continue
		}
		if m, err := strconv.Atoi(v); err != nil || m != c.n {
			b.ws.add(c.key, 0, ErrCountMismatch, "META %s is %q, the file has %d", c.key, v, c.n)
		}
	}
}

// finish runs the checks that need every ballot and returns the election,
// or the problems found.
func (b *profileBuilder) finish() (*Election, error) {
	b.checkPoints()
	if err := errors.Join(b.errs...); err != nil {
		return nil, err
	}
	b.countWarnings()
	return &Election{inst: b.inst, prof: b.prof, warnings: b.ws.list, repeats: b.repeats}, nil
}
