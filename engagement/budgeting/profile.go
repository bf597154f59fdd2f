package budgeting

import (
	"iter"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// BallotProfile is the set of ballots cast in an election, one per voter, with
// whatever the file records about each voter (age, sex, voting method,
// neighbourhood, …) for checking how representative the voters were. It is
// immutable once built and safe for concurrent use.
//
// Ballots are stored compactly: project positions (indexes into the
// [Instance]) carved from one backing array, points scaled to integers.
// Read them through [BallotProfile.Ballot] and [BallotProfile.Voter].
//
// The zero value has no ballots; profiles come from [Parse] and
// [NewElection].
type BallotProfile struct {
	voteType  VoteType
	columns   []string // VOTES header, voter ID column first
	roles     []int
	attrCols  []string // columns other than ID, vote, points, in order
	text      string   // the file read; voter IDs and attributes point into it
	extra     []string // strings that are not in text (unescaped, built in Go)
	ids       []strRef
	offsets   []int32 // ballot i is items[offsets[i]:offsets[i+1]]
	items     []int32
	points    []int64 // parallel to items for cumulative and scoring
	places    int32   // points are scaled by 10^places
	attrs     []strRef
	nProjects int

	groupsOnce sync.Once
	groups     *voterGroups
}

// strRef locates a voter ID or attribute value without a string header of
// its own: an offset and a length in the profile's text, or (high bit set)
// an index in its extra strings. Tens of thousands of voters' IDs and
// attributes then take 8 bytes each and nothing for the garbage collector
// to scan.
type strRef uint64

const (
	refExtra   = 1 << 63
	refLenBits = 24
	refMaxLen  = 1<<refLenBits - 1
	refMaxOff  = 1<<(63-refLenBits) - 1
)

// own stores s among the extra strings and returns its reference.
func (p *BallotProfile) own(s string) strRef {
	if s == "" {
		return 0
	}
	p.extra = append(p.extra, s)
	return strRef(refExtra | uint64(len(p.extra)-1))
}

// str returns the string r refers to.
func (p *BallotProfile) str(r strRef) string {
	if r&refExtra != 0 {
		return p.extra[r&^refExtra]
	}
	off := int(r >> refLenBits)
	return p.text[off : off+int(r&refMaxLen)]
}

// strsEqual reports whether two lists of references name the same strings.
func strsEqual(p *BallotProfile, a []strRef, o *BallotProfile, b []strRef) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if p.str(a[i]) != o.str(b[i]) {
			return false
		}
	}
	return true
}

// Column roles in VOTES.
const (
	vcolID = iota
	vcolVote
	vcolPoints
	vcolAttr
)

// voteColumnRole returns the role of a VOTES column other than the first
// for ballots of type t.
func voteColumnRole(name string, t VoteType) int {
	switch strings.ToLower(name) {
	case "vote":
		return vcolVote
	case "points":
		if t.hasPoints() {
			return vcolPoints
		}
	}
	return vcolAttr
}

// Len returns the number of ballots (voters), empty ballots included.
func (p *BallotProfile) Len() int { return len(p.ids) }

// Ballot returns voter i's ballot (0 ≤ i < Len, in file order); it panics
// for an index out of range, like a slice.
func (p *BallotProfile) Ballot(i int) Ballot {
	lo, hi := p.offsets[i], p.offsets[i+1]
	b := Ballot{projects: p.items[lo:hi:hi], places: p.places}
	if p.points != nil {
		b.points = p.points[lo:hi:hi]
	}
	return b
}

// Voter returns voter i (0 ≤ i < Len); it panics for an index out of range.
func (p *BallotProfile) Voter(i int) Voter {
	_ = p.ids[i]
	return Voter{p: p, i: i}
}

// Voters yields each voter's position and the voter, in file order.
func (p *BallotProfile) Voters() iter.Seq2[int, Voter] {
	return func(yield func(int, Voter) bool) {
		for i := range p.ids {
			if !yield(i, Voter{p: p, i: i}) {
				return
			}
		}
	}
}

// Columns returns a copy of the VOTES header: the voter ID column first,
// then vote, points and the attribute columns in file order.
func (p *BallotProfile) Columns() []string { return slices.Clone(p.columns) }

// AttributeColumns returns a copy of the names of the columns that describe
// voters rather than their votes (age, sex, voting_method, …), in order.
func (p *BallotProfile) AttributeColumns() []string { return slices.Clone(p.attrCols) }

// HasAttribute reports whether the profile has the attribute column key.
func (p *BallotProfile) HasAttribute(key string) bool { return slices.Contains(p.attrCols, key) }

// Equal reports whether p and o hold the same voters, ballots, points and
// attributes in the same order, with the same columns.
func (p *BallotProfile) Equal(o *BallotProfile) bool {
	if p == nil || o == nil {
		return p == o
	}
	if p.voteType != o.voteType || !slices.Equal(p.columns, o.columns) ||
		!strsEqual(p, p.ids, o, o.ids) || !slices.Equal(p.offsets, o.offsets) ||
		!slices.Equal(p.items, o.items) || !strsEqual(p, p.attrs, o, o.attrs) {
		return false
	}
	if (p.points == nil) != (o.points == nil) {
		return false
	}
	for k := range p.points {
		if unscaled(p.points[k], p.places).Cmp(unscaled(o.points[k], o.places)) != 0 {
			return false
		}
	}
	return true
}

// Ballot is one voter's vote: the projects listed (in rank order for an
// ordinal ballot) and, for cumulative and scoring ballots, the points given
// to each. It is a read-only view into its [BallotProfile].
//
// The zero value is an empty ballot.
type Ballot struct {
	projects []int32
	points   []int64
	places   int32
}

// Len returns the number of projects the ballot lists.
func (b Ballot) Len() int { return len(b.projects) }

// Project returns the position in the [Instance] of the k-th project listed
// (0 ≤ k < Len); it panics for k out of range.
func (b Ballot) Project(k int) int { return int(b.projects[k]) }

// Points returns the points the ballot gives its k-th project: the points
// column for cumulative and scoring ballots, 1 for approval and ordinal
// ballots, which carry no points. It panics for k out of range.
func (b Ballot) Points(k int) decimal.Decimal {
	if b.points == nil {
		_ = b.projects[k]
		return decimal.NewFromInt(1)
	}
	return unscaled(b.points[k], b.places)
}

// Projects yields each listed project's rank k (0 for the first) and its
// position in the [Instance].
func (b Ballot) Projects() iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for k, p := range b.projects {
			if !yield(k, int(p)) {
				return
			}
		}
	}
}

// Contains reports whether the ballot lists project (a position in the
// [Instance]).
func (b Ballot) Contains(project int) bool {
	return slices.Contains(b.projects, int32(project))
}

// Voter is one voter of a [Profile]: an ID, a ballot and the file's other
// columns about the voter. It is a read-only view.
//
// The zero value is not a voter: its ID is "", its ballot is empty and it
// has no attributes. Get voters from [BallotProfile.Voter].
type Voter struct {
	p *BallotProfile
	i int
}

// ID returns the voter's ID as the file gives it.
func (v Voter) ID() string {
	if v.p == nil {
		return ""
	}
	return v.p.str(v.p.ids[v.i])
}

// Ballot returns the voter's ballot.
func (v Voter) Ballot() Ballot {
	if v.p == nil {
		return Ballot{}
	}
	return v.p.Ballot(v.i)
}

// Attribute returns the value of the attribute column key ("age", "sex",
// "voting_method", "neighborhood", …) and whether the profile has that
// column; a voter with no value returns ("", true).
func (v Voter) Attribute(key string) (string, bool) {
	if v.p == nil {
		return "", false
	}
	k := len(v.p.attrCols)
	for j, c := range v.p.attrCols {
		if c == key {
			return v.p.str(v.p.attrs[v.i*k+j]), true
		}
	}
	return "", false
}

// Attributes returns the voter's attribute columns in order, "" where the
// voter has no value.
func (v Voter) Attributes() []Field {
	if v.p == nil {
		return nil
	}
	k := len(v.p.attrCols)
	out := make([]Field, k)
	for j, c := range v.p.attrCols {
		out[j] = Field{Key: c, Value: v.p.str(v.p.attrs[v.i*k+j])}
	}
	return out
}

// Age returns the voter's age in whole years from the "age" column, and
// false when the file has no such column, no value, or not a whole number
// from 0 to 150.
func (v Voter) Age() (int, bool) {
	s, _ := v.Attribute("age")
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 150 {
		return 0, false
	}
	return n, true
}

// Sex returns the "sex" column as the file gives it ("F", "M", …), or ""
// when absent.
func (v Voter) Sex() string {
	s, _ := v.Attribute("sex")
	return s
}

// VotingMethod returns the "voting_method" column ("internet", "paper", …),
// or "" when absent.
func (v Voter) VotingMethod() string {
	s, _ := v.Attribute("voting_method")
	return s
}

// Area returns where the voter lives from the first of the columns area,
// district, neighborhood, neighbourhood and subunit that the file has (the
// names Pabulib files use, in order of preference), or "" when none.
func (v Voter) Area() string {
	for _, c := range [...]string{"area", "district", "neighborhood", "neighbourhood", "subunit"} {
		if s, ok := v.Attribute(c); ok {
			return s
		}
	}
	return ""
}

// Vote is one voter's ballot as [NewElection] takes it.
type Vote struct {
	// VoterID identifies the voter: unique, non-empty, without surrounding
	// spaces or line breaks.
	VoterID string `json:"voter_id"`
	// Projects lists the IDs of the projects voted for, most preferred first
	// for an ordinal ballot.
	Projects []string `json:"vote"`
	// Points gives the points for each project of Projects, in the same
	// order, for cumulative and scoring ballots; nil otherwise.
	Points []decimal.Decimal `json:"points,omitempty"`
	// Attributes are the other columns about the voter (age, sex,
	// voting_method, …).
	Attributes []Field `json:"attributes,omitempty"`
}
