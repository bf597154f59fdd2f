package budgeting

import (
	"errors"
	"slices"
	"strconv"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
)

// votingMethods are the words of the VOTES column voting_method that each
// channel is written as: Pabulib's own ("internet", "paper"), and "booth".
var votingMethods = [...]string{BallotChannelOnline: "internet", BallotChannelPaper: "paper", BallotChannelBooth: "booth"}

// Election returns the counted ballots as an election on the box's
// instance, one voter per person in the order their counted ballots were
// cast: the voter ID is the pseudonym, and the VOTES columns are voter_id,
// vote, points (cumulative and scoring ballots), then voting_method
// ("internet", "paper" or "booth", as Pabulib files write it), district,
// sex and age_band ("25-34"), from the verifier, "" where unknown. META
// num_votes is set to the number of ballots counted (added when the
// instance has none). The election writes a .pb file that reads back equal
// ([Election.WriteTo], [Parse]).
//
// It may be called while the box is open, for a provisional count. It
// returns an error only if the ballots do not make an election, which the
// box's checks rule out ([ErrInconsistent] wraps what [NewElection] found),
// and an error wrapping [ErrInvalid] for a zero Box.
func (b *Box) Election() (*Election, error) {
	if b == nil || b.rules.inst == nil {
		return nil, errorf(ErrInvalid, "a zero Box: build one with NewBox")
	}
	inst := b.withNumVotes()
	votes := make([]Vote, 0, b.counted)
	for i := range b.records {
		r := &b.records[i]
		if r.status != uint8(BallotStatusCounted) {
			continue
		}
		lo, hi := b.itemRange(int32(i))
		ids := make([]string, hi-lo)
		for k, j := range b.items[lo:hi] {
			ids[k] = inst.projects[j].ID
		}
		v := &b.voters[r.voter]
		vote := Vote{VoterID: v.id.String(), Projects: ids, Attributes: []Field{
			{Key: "voting_method", Value: votingMethods[r.channel]},
			{Key: "district", Value: b.labels[v.area]},
			{Key: "sex", Value: b.labels[v.sex]},
			{Key: "age_band", Value: stakeholder.AgeBand(v.band).Label()},
		}}
		if b.points != nil {
			vote.Points = slices.Clone(b.points[lo:hi])
		}
		votes = append(votes, vote)
	}
	cols := []string{"voter_id", "vote"}
	if inst.voteType.hasPoints() {
		cols = append(cols, "points")
	}
	cols = append(cols, "voting_method", "district", "sex", "age_band")
	e, err := newElection(inst, cols, votes)
	if err != nil {
		return nil, errorf(ErrInconsistent, "the counted ballots: %w", err)
	}
	return e, nil
}

// withNumVotes returns the box's instance with META num_votes set to the
// ballots counted.
func (b *Box) withNumVotes() *Instance {
	in := *b.rules.inst
	in.meta = slices.Clone(in.meta)
	n := strconv.FormatInt(b.counted, 10)
	if i := metaIndex(in.meta, "num_votes"); i >= 0 {
		in.meta[i].Value = n
	} else {
		in.meta = append(in.meta, Field{Key: "num_votes", Value: n})
	}
	return &in
}

// BoxFigures are the figures of a ballot box: how many ballots came in,
// counted, superseded and rejected, the counted ballots by channel and by
// the voters' district, the rejected ones by reason, and turnout. Counts
// are exact integers; the ratios are [metrics.Ratio] values with their
// denominators.
//
// The breakdowns are the owner's: they are not suppressed. Publish a
// breakdown by district through [metrics.SuppressionPolicy] when some
// districts are small.
type BoxFigures struct {
	// Received is every ballot the box received.
	Received int64 `json:"received"`
	// Counted is the ballots that count: one per person who voted validly.
	Counted int64 `json:"counted"`
	// Superseded is the ballots replaced by a later ballot of the same
	// person.
	Superseded int64 `json:"superseded"`
	// Rejected is the ballots that never counted.
	Rejected int64 `json:"rejected"`
	// ByChannel is the counted ballots per channel ("online", "paper",
	// "booth"), every channel listed.
	ByChannel []metrics.GroupCount `json:"by_channel"`
	// ByDistrict is the counted ballots per voter's district, by district
	// name ("unknown" for voters the verifier knows no district of), in
	// increasing order of the name; districts without a counted ballot are
	// left out.
	ByDistrict []metrics.GroupCount `json:"by_district"`
	// RejectedByReason is the rejected ballots per reason (the first
	// reason of each): a rule's name in words ("min budget share"), "not
	// verified", "not eligible", "already voted" or "malformed".
	RejectedByReason []metrics.GroupCount `json:"rejected_by_reason"`
	// RejectedShare is rejected over received.
	RejectedShare metrics.Ratio `json:"rejected_share"`
	// Turnout is counted over the electorate; undefined when the box was
	// given no electorate.
	Turnout metrics.Ratio `json:"turnout"`
}

// Figures returns the box's figures now.
func (b *Box) Figures() BoxFigures {
	f := BoxFigures{Received: int64(len(b.records)), Counted: b.counted, Superseded: b.superseded, Rejected: int64(len(b.rejected))}
	for _, c := range BallotChannels() {
		f.ByChannel = append(f.ByChannel, metrics.GroupCount{Group: c.Text(), Count: b.byChannel[c]})
	}
	for k, n := range b.byArea {
		if n > 0 {
			name := b.labels[k]
			if name == "" {
				name = "unknown"
			}
			f.ByDistrict = append(f.ByDistrict, metrics.GroupCount{Group: name, Count: n})
		}
	}
	slices.SortFunc(f.ByDistrict, func(x, y metrics.GroupCount) int { return compareIDs(x.Group, y.Group) })
	var reasons metrics.GroupCounter[string]
	for _, rj := range b.rejected {
		reasons.Add(reasonKey(rj.reason))
	}
	f.RejectedByReason = reasons.GroupCounts()
	f.RejectedShare, _ = metrics.NewProportion(f.Rejected, f.Received)
	if b.elect > 0 {
		f.Turnout, _ = metrics.NewProportion(min(f.Counted, int64(b.elect)), int64(b.elect))
	} else {
		f.Turnout, _ = metrics.NewProportion(0, 0)
	}
	return f
}

// reasonKey names the first reason of a rejection, for people.
func reasonKey(err error) string {
	for _, e := range flatten(err, nil) {
		var be *BallotError
		switch {
		case errors.As(e, &be):
			return be.Limit.Text()
		case errors.Is(e, ErrNotVerified):
			return "not verified"
		case errors.Is(e, ErrNotEligible):
			return "not eligible"
		case errors.Is(e, ErrAlreadyVoted):
			return "already voted"
		}
	}
	return "malformed"
}

// flatten appends the errors joined in err, recursively, to out.
func flatten(err error, out []error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = flatten(e, out)
		}
		return out
	}
	if err != nil {
		out = append(out, err)
	}
	return out
}
