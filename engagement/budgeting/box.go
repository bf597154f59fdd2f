package budgeting

import (
	"errors"
	"iter"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// BoxSpec is what a ballot box needs: the rules ballots must keep, who may
// vote and how voters prove who they are, which ballot counts when a person
// votes twice, and when voting opens. It is plain data; [NewBox] validates
// it.
type BoxSpec struct {
	// Rules are the ballot rules, and through them the instance voted on.
	Rules BallotRules
	// Verifier checks each voter's claim; a [*Census] for a population
	// register.
	Verifier Verifier
	// Eligibility says who may vote, checked against the profile the
	// verifier returns (never against what voters say of themselves). The
	// zero value admits everyone verified.
	Eligibility engagement.Eligibility
	// Revote says which ballot counts when a person casts several.
	Revote RevotePolicy
	// Opens is when voting opens; no ballot may be dated earlier.
	Opens time.Time
	// Electorate is the number of people entitled to vote, for turnout
	// (a census's [Census.Len]); 0 when unknown. It also sizes the box,
	// up to a million people (more grow it as they vote).
	Electorate int
}

// Box is a ballot box: it takes one ballot at a time, from a voter a
// [Verifier] has verified, through a [BallotChannel] at a time, checks it against
// the [BallotRules] and the eligibility rules, and keeps one counted ballot
// per person across every channel under its [RevotePolicy]. Nothing is
// lost: a ballot that breaks a rule, comes from someone not verified or not
// eligible, or repeats a person's vote under first-counts is kept as
// rejected with its reason, and a ballot replaced under last-counts is kept
// as superseded. [Box.Election] yields the counted ballots as an [Election]
// that writes a valid .pb file.
//
// # States
//
//	state \ call  Cast             Close
//	open          open (recorded)  closed
//	closed        -                -
//
// A "-" is refused with [ErrWrongState]. Every call also refuses a time
// before the latest recorded ballot or before the box opened
// ([ErrTimeOrder]). A refused call records nothing: it is not a ballot the
// box received but a call the box could not take (a box closed, a clock out
// of order). A received ballot is always recorded, counted or not.
//
// Ballots are kept compactly (a fixed 24-byte record, project positions as
// 16-bit numbers in one array, one 28-byte entry per person found through
// an index of 8 to 16 bytes), so a box holds a million ballots of five
// projects in well under a hundred megabytes.
//
// A Box is not safe for concurrent use: guard it with a mutex, and stamp
// each ballot inside the lock so that times stay in order. The zero value
// is not usable; build a box with [NewBox].
type Box struct {
	rules    BallotRules
	verifier Verifier
	elig     engagement.Eligibility
	revote   RevotePolicy
	opens    time.Time
	elect    int

	closed   bool
	closedAt time.Time
	last     int64 // UnixNano of the latest ballot or event

	records    []castRecord
	items      []uint16          // project positions; NewBox refuses instances of more projects
	points     []decimal.Decimal // parallel to items for cumulative and scoring ballots
	voters     []voterRec
	voterIndex idIndex // of voters, by pseudonym
	rejected   []rejection
	labels     []string // sexes and areas of voters, interned
	labelIndex map[string]uint16

	counted    int64
	superseded int64
	byChannel  [BallotChannelBooth + 1]int64
	byArea     []int64 // counted ballots per area label
	scratch    []int32
}

// castRecord is one ballot as the box keeps it.
type castRecord struct {
	at      int64 // UnixNano
	voter   int32 // index into voters, -1 when not verified
	lo      int32 // first item; the ballot ends where the next record's starts
	aux     int32 // rejected: index into rejected; superseded: seq of the replacing ballot
	status  uint8
	channel uint8
}

// voterRec is one person who cast a ballot.
type voterRec struct {
	id        uuid.UUID
	counted   int32 // record of the counted ballot, -1 when none
	sex, area uint16
	band      uint8
	resident  bool
}

// key returns the voter's pseudonym, for the box's index.
func (v voterRec) key() uuid.UUID { return v.id }

// rejection keeps what a rejected ballot said, as given, and why it was
// rejected.
type rejection struct {
	projects []string
	points   []decimal.Decimal
	reason   error
}

// NewBox returns an open box. It returns an error wrapping [ErrInvalid] for
// rules without an instance, a nil verifier, an undeclared revote policy,
// invalid eligibility rules, a zero or unrepresentable opening time, or a
// negative electorate; and [ErrOverflow] for an instance of more than
// [MaxBoxProjects] projects. Problems are joined.
func NewBox(spec BoxSpec) (*Box, error) {
	if err := spec.validate(); err != nil {
		return nil, err
	}
	return newBox(spec, min(spec.Electorate, maxPresize)), nil
}

// validate returns what NewBox refuses in spec.
func (spec BoxSpec) validate() error {
	var errs []error
	if spec.Rules.inst == nil {
		errs = append(errs, errorf(ErrInvalid, "box without ballot rules"))
	}
	if spec.Verifier == nil {
		errs = append(errs, errorf(ErrInvalid, "box without a verifier"))
	}
	if !spec.Revote.IsValid() {
		errs = append(errs, errorf(ErrInvalid, "revote policy %s", spec.Revote))
	}
	if err := spec.Eligibility.Validate(); err != nil {
		errs = append(errs, errorf(ErrInvalid, "eligibility: %w", err))
	}
	if !representable(spec.Opens) {
		errs = append(errs, errorf(ErrInvalid, "opening time %s", spec.Opens))
	}
	if spec.Electorate < 0 {
		errs = append(errs, errorf(ErrInvalid, "electorate %d", spec.Electorate))
	}
	if spec.Rules.inst != nil && len(spec.Rules.inst.projects) > MaxBoxProjects {
		errs = append(errs, errorf(ErrOverflow, "%d projects, a box takes at most %d", len(spec.Rules.inst.projects), MaxBoxProjects))
	}
	return errors.Join(errs...)
}

// newBox returns an open box of a valid spec with room for n people.
func newBox(spec BoxSpec, n int) *Box {
	b := &Box{
		rules: spec.Rules, verifier: spec.Verifier, elig: spec.Eligibility, revote: spec.Revote,
		opens: spec.Opens.UTC(), elect: spec.Electorate, last: spec.Opens.UnixNano(),
		records:    make([]castRecord, 0, n),
		voters:     make([]voterRec, 0, n),
		voterIndex: newIDIndex(n),
		labels:     []string{""},
		labelIndex: map[string]uint16{"": 0},
		byArea:     []int64{0},
	}
	return b
}

// MaxBoxProjects is the most projects the instance of a [Box] may have:
// the box keeps each project a ballot lists as a 16-bit number.
const MaxBoxProjects = 1 << 16

// maxPresize is the most people a new box makes room for before they
// vote: the electorate may be a figure from a document.
const maxPresize = 1 << 20

// representable reports whether t is set and fits Unix nanoseconds.
func representable(t time.Time) bool {
	return !t.IsZero() && t.Year() >= 1678 && t.Year() <= 2261
}

// Cast is one ballot handed to a box: who claims to cast it, through which
// channel, when, and what it says.
type Cast struct {
	// Claim is what the voter presented; the box verifies it and keeps
	// only the pseudonym.
	Claim Claim
	// Channel is how the ballot came in.
	Channel BallotChannel
	// At is when it was cast.
	At time.Time
	// Projects lists the IDs of the projects voted for, most preferred
	// first for an ordinal ballot.
	Projects []string
	// Points gives each project's points on a cumulative or scoring
	// ballot; nil otherwise.
	Points []decimal.Decimal
}

// Receipt says what became of a ballot the box received.
type Receipt struct {
	// Seq is the ballot's number in the box, from 1.
	Seq int
	// Voter is the voter's pseudonym; uuid.Nil when the claim was not
	// verified.
	Voter uuid.UUID
	// Status is what became of the ballot.
	Status BallotStatus
	// Reason says why the ballot was rejected: every problem joined (a
	// [*BallotError] per broken rule, [ErrNotVerified], [ErrNotEligible],
	// [ErrAlreadyVoted], [ErrUnknownProject], …); nil otherwise.
	Reason error
	// Replaced is the number of the ballot this one superseded, 0 when
	// none.
	Replaced int
}

// Cast receives one ballot at c.At. It verifies the claim, checks the
// voter's eligibility against the verified profile, the ballot against the
// rules, and whether the person has voted before, and records the ballot:
// counted, or rejected with its reason. Under [RevotePolicyLastCounts] a
// person's new valid ballot supersedes the counted one; under
// [RevotePolicyFirstCounts] it is rejected with [ErrAlreadyVoted]. A
// rejected ballot never supersedes a counted one. A person who voted before
// is held to the profile the box kept from their first ballot (the one the
// figures and the election show), and a claim the verifier refuses says
// nothing of the voter.
//
// It refuses the call, recording nothing, with an error wrapping
// [ErrWrongState] for a closed box, [ErrInvalid] for an undeclared channel,
// and [ErrTimeOrder] for a time before the opening or the latest ballot (or
// a zero one).
func (b *Box) Cast(c Cast) (Receipt, error) {
	at, err := b.precheck(c.At)
	if !c.Channel.IsValid() {
		err = errors.Join(err, errorf(ErrInvalid, "channel %s", c.Channel))
	}
	if err != nil {
		return Receipt{}, err
	}
	who, verr := b.verifier.Verify(c.Claim)
	return b.record(c, at, who, verr)
}

// record records a ballot cast at at (Unix nanoseconds, checked by
// precheck) by who, or by someone the verifier refused with verr. It is
// what Cast and decoding share. A failed verification says nothing of the
// voter; a person who voted before is checked against the profile the box
// keeps from their first ballot, the one their counted ballot is counted
// with.
func (b *Box) record(c Cast, at int64, who Identity, verr error) (Receipt, error) {
	c.Projects = validUTF8(c.Projects)
	var reasons []error
	vi, known := int32(-1), false
	if verr != nil {
		who = Identity{}
	} else if k, ok := find(&b.voterIndex, b.voters, who.ID); ok {
		vi, known = k, true
		who.Profile = b.profile(&b.voters[vi])
	}
	if verr == nil && !b.hasRoomFor(who.Profile.Sex, who.Profile.Area) {
		// Refused before anything is recorded: the box indexes sexes and
		// areas in 16 bits, and merging labels would change voters' data.
		return Receipt{}, errorf(ErrOverflow, "more than %d distinct sexes and areas", math.MaxUint16+1)
	}
	if verr != nil {
		if !errors.Is(verr, ErrNotVerified) {
			verr = errors.Join(ErrNotVerified, verr)
		}
		reasons = append(reasons, verr)
	} else if eerr := b.elig.Admits(who.Profile); eerr != nil {
		reasons = append(reasons, errors.Join(ErrNotEligible, eerr))
	}
	idx, rerr := b.rules.resolve(c.Projects, b.scratch[:0])
	b.scratch = idx[:0]
	if rerr == nil {
		rerr = b.rules.check(idx, c.Points, who.Profile.Area)
	}
	if rerr != nil {
		reasons = append(reasons, rerr)
	}
	if verr == nil {
		if known && b.revote == RevotePolicyFirstCounts && b.voters[vi].counted >= 0 {
			first := b.voters[vi].counted + 1
			reasons = append(reasons, errorf(ErrAlreadyVoted, "ballot %d counts", first))
		}
		if !known {
			vi = b.addVoter(who)
		}
	}
	seq := int32(len(b.records))
	rec := castRecord{at: at, voter: vi, lo: int32(len(b.items)), aux: -1, channel: uint8(c.Channel)}
	r := Receipt{Seq: int(seq) + 1, Voter: who.ID}
	if len(reasons) > 0 {
		rec.status = uint8(BallotStatusRejected)
		rec.aux = int32(len(b.rejected))
		r.Status, r.Reason = BallotStatusRejected, errors.Join(reasons...)
		b.rejected = append(b.rejected, rejection{projects: nilIfEmpty(slices.Clone(c.Projects)), points: nilIfEmpty(slices.Clone(c.Points)), reason: r.Reason})
	} else {
		rec.status = uint8(BallotStatusCounted)
		r.Status = BallotStatusCounted
		v := &b.voters[vi]
		if old := v.counted; old >= 0 {
			o := &b.records[old]
			o.status, o.aux = uint8(BallotStatusSuperseded), seq+1
			b.byChannel[o.channel]--
			b.byArea[v.area]--
			b.counted--
			b.superseded++
			r.Replaced = int(old) + 1
		}
		v.counted = seq
		for _, j := range idx {
			b.items = append(b.items, uint16(j))
		}
		if b.rules.inst.voteType.hasPoints() {
			b.points = append(b.points, c.Points...)
		}
		b.byChannel[c.Channel]++
		b.byArea[v.area]++
		b.counted++
	}
	b.records = append(b.records, rec)
	b.last = at
	return r, nil
}

// validUTF8 returns the projects of a ballot with bytes that are not UTF-8
// (which no project ID has) made U+FFFD, as JSON would write them, so that
// the ballot, and the reason it is rejected for, read back the same; the
// projects themselves when every ID is UTF-8.
func validUTF8(projects []string) []string {
	for i, s := range projects {
		if !utf8.ValidString(s) {
			out := slices.Clone(projects)
			for k := i; k < len(out); k++ {
				out[k] = strings.ToValidUTF8(out[k], "\uFFFD")
			}
			return out
		}
	}
	return projects
}

// nilIfEmpty returns s, nil when it is empty.
func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// precheck checks that the box is open and at is in order, returning at
// in Unix nanoseconds.
func (b *Box) precheck(at time.Time) (int64, error) {
	var errs []error
	if b.closed {
		errs = append(errs, errorf(ErrWrongState, "the box closed at %s", b.closedAt.Format(time.RFC3339)))
	}
	if !representable(at) {
		return 0, errors.Join(append(errs, errorf(ErrTimeOrder, "time %s", at))...)
	}
	ns := at.UnixNano()
	if ns < b.last {
		errs = append(errs, errorf(ErrTimeOrder, "%s is before the latest ballot or the opening", at.UTC().Format(time.RFC3339Nano)))
	}
	return ns, errors.Join(errs...)
}

// addVoter adds a verified person.
func (b *Box) addVoter(who Identity) int32 {
	vi := int32(len(b.voters))
	b.voters = append(b.voters, voterRec{id: who.ID, counted: -1, sex: b.label(who.Profile.Sex),
		area: b.label(who.Profile.Area), band: uint8(who.Profile.AgeBand), resident: who.Profile.Resident})
	add(&b.voterIndex, b.voters, vi)
	return vi
}

// profile returns what the box keeps of a voter's profile.
func (b *Box) profile(v *voterRec) stakeholder.Profile {
	return stakeholder.Profile{AgeBand: stakeholder.AgeBand(v.band), Sex: b.labels[v.sex], Area: b.labels[v.area], Resident: v.resident}
}

// hasRoomFor reports whether the label table can take a voter's sex and
// area: at most 65,536 distinct labels, indexed in 16 bits.
func (b *Box) hasRoomFor(sex, area string) bool {
	need := 0
	for _, s := range []string{sex, area} {
		if _, ok := b.labelIndex[s]; !ok {
			need++
		}
	}
	if sex == area && need == 2 {
		need = 1
	}
	return len(b.labels)+need <= math.MaxUint16+1
}

// label interns a sex or area; Cast has checked with hasRoomFor that it
// fits in 16 bits.
func (b *Box) label(s string) uint16 {
	if k, ok := b.labelIndex[s]; ok {
		return k
	}
	k := uint16(len(b.labels))
	b.labels = append(b.labels, s)
	b.labelIndex[s] = k
	b.byArea = append(b.byArea, 0)
	return k
}

// Close closes the box at at: it takes no more ballots. It refuses, with an
// error wrapping [ErrWrongState], a box already closed, and with
// [ErrTimeOrder] a time before the latest ballot.
func (b *Box) Close(at time.Time) error {
	ns, err := b.precheck(at)
	if err != nil {
		return err
	}
	b.closed, b.closedAt, b.last = true, at.UTC(), ns
	return nil
}

// Closed reports whether the box is closed, and when it closed.
func (b *Box) Closed() (time.Time, bool) { return b.closedAt, b.closed }

// Rules returns the box's ballot rules.
func (b *Box) Rules() BallotRules { return b.rules }

// Revote returns the box's revote policy.
func (b *Box) Revote() RevotePolicy { return b.revote }

// Len returns the number of ballots received: counted, superseded and
// rejected.
func (b *Box) Len() int { return len(b.records) }

// Counted returns the number of ballots that count: one per person who
// voted validly.
func (b *Box) Counted() int { return int(b.counted) }

// BallotRecord is one ballot the box received, as it keeps it: a snapshot
// built on demand.
type BallotRecord struct {
	// Seq is the ballot's number, from 1.
	Seq int
	// Voter is the voter's pseudonym; uuid.Nil when not verified.
	Voter uuid.UUID
	// Channel is how the ballot came in.
	Channel BallotChannel
	// At is when it was cast (UTC).
	At time.Time
	// Projects lists the projects voted for: as given for a rejected
	// ballot, as counted otherwise.
	Projects []string
	// Points are the points of a cumulative or scoring ballot.
	Points []decimal.Decimal
	// Status is what became of the ballot.
	Status BallotStatus
	// Reason says why a rejected ballot was rejected.
	Reason error
	// SupersededBy is the number of the ballot that replaced a superseded
	// one, 0 otherwise.
	SupersededBy int
}

// Record returns ballot seq (1 to Len), and false when there is none.
func (b *Box) Record(seq int) (BallotRecord, bool) {
	if seq < 1 || seq > len(b.records) {
		return BallotRecord{}, false
	}
	return b.view(int32(seq - 1)), true
}

// Records yields every ballot received, in the order received.
func (b *Box) Records() iter.Seq[BallotRecord] {
	return func(yield func(BallotRecord) bool) {
		for i := range b.records {
			if !yield(b.view(int32(i))) {
				return
			}
		}
	}
}

// Rejected yields the rejected ballots, in the order received.
func (b *Box) Rejected() iter.Seq[BallotRecord] {
	return func(yield func(BallotRecord) bool) {
		for i := range b.records {
			if b.records[i].status == uint8(BallotStatusRejected) && !yield(b.view(int32(i))) {
				return
			}
		}
	}
}

// CountedBallot returns the number of the ballot that counts for the person
// with pseudonym voter, and false when none does.
func (b *Box) CountedBallot(voter uuid.UUID) (int, bool) {
	vi, ok := find(&b.voterIndex, b.voters, voter)
	if !ok || b.voters[vi].counted < 0 {
		return 0, false
	}
	return int(b.voters[vi].counted) + 1, true
}

// itemRange returns the items of record i.
func (b *Box) itemRange(i int32) (int32, int32) {
	hi := int32(len(b.items))
	if int(i)+1 < len(b.records) {
		hi = b.records[i+1].lo
	}
	return b.records[i].lo, hi
}

// view builds the snapshot of record i.
func (b *Box) view(i int32) BallotRecord {
	r := &b.records[i]
	v := BallotRecord{Seq: int(i) + 1, Channel: BallotChannel(r.channel), At: time.Unix(0, r.at).UTC(), Status: BallotStatus(r.status)}
	if r.voter >= 0 {
		v.Voter = b.voters[r.voter].id
	}
	switch BallotStatus(r.status) {
	case BallotStatusRejected:
		rj := b.rejected[r.aux]
		v.Projects, v.Points, v.Reason = slices.Clone(rj.projects), slices.Clone(rj.points), rj.reason
		return v
	case BallotStatusSuperseded:
		v.SupersededBy = int(r.aux)
	}
	lo, hi := b.itemRange(i)
	for _, j := range b.items[lo:hi] {
		v.Projects = append(v.Projects, b.rules.inst.projects[j].ID)
	}
	if b.points != nil {
		v.Points = slices.Clone(b.points[lo:hi])
	}
	return v
}
