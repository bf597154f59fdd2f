package stakeholder

import (
	"cmp"
	"strconv"
)

// Quadrant is a cell of Mendelow's power/interest grid (Mendelow 1991; the
// strategy names follow the common PMBOK and Johnson & Scholes usage), named
// by the strategy it calls for:
//
//	                 low interest        high interest
//	high power       KeepSatisfied       ManageClosely
//	low power        Monitor             KeepInformed
//
// A [Grid] decides which quadrant a stakeholder falls in. The zero value is
// invalid. The text form is the lowercase name with underscores, such as
// "manage_closely".
type Quadrant int

// The quadrants, in priority order: the first needs the most attention.
const (
	QuadrantManageClosely Quadrant = iota + 1 // high power, high interest: key players
	QuadrantKeepSatisfied                     // high power, low interest: context setters
	QuadrantKeepInformed                      // low power, high interest: subjects
	QuadrantMonitor                           // low power, low interest: the crowd
)

var quadrantStrategies = []string{"",
	"Manage closely: engage fully, involve in decisions and consult often.",
	"Keep satisfied: meet their needs and consult on what touches them, without overloading them.",
	"Keep informed: keep them up to date and listen; they can be useful allies.",
	"Monitor: watch for changes in their power or interest; inform with minimal effort.",
}

// Label returns the quadrant's name for people, such as "Manage closely", or
// String's fallback for an undeclared value.
func (q Quadrant) Label() string { return quadrants.Title(q) }

// Strategy returns one sentence that says what the quadrant calls for, such
// as "Keep informed: keep them up to date and listen; they can be useful
// allies.", or "" for an undeclared value.
func (q Quadrant) Strategy() string {
	if !q.IsValid() {
		return ""
	}
	return quadrantStrategies[q]
}

// HighPower reports whether the quadrant is in the high-power half of the grid.
func (q Quadrant) HighPower() bool { return q == QuadrantManageClosely || q == QuadrantKeepSatisfied }

// HighInterest reports whether the quadrant is in the high-interest half.
func (q Quadrant) HighInterest() bool { return q == QuadrantManageClosely || q == QuadrantKeepInformed }

// DefaultCut is the cut a zero [Grid] uses on both axes: a score of 3
// (moderate) or more counts as high. Putting the borderline "moderate" on
// the high side errs towards attention: a stakeholder wrongly kept close
// costs a meeting, one wrongly left to monitor can stop a project.
const DefaultCut Score = 3

// Grid is Mendelow's power/interest grid with its two cuts: a stakeholder's
// power is high when it is at least PowerCut, its interest high when it is at
// least InterestCut. Each cut lies between 2 and 5 ([MinScore]+1 to
// [MaxScore]) so that both halves of each axis can hold a score.
//
// The zero value is the grid with [DefaultCut] on both axes. Grid is a
// comparable value type, safe for concurrent use.
type Grid struct {
	powerCut, interestCut Score // 0 means DefaultCut
}

// NewGrid returns a grid with the given cuts. A cut outside 2..5 is an
// [*FieldError] wrapping [ErrOutOfRange].
func NewGrid(powerCut, interestCut Score) (Grid, error) {
	for _, c := range [...]struct {
		name string
		cut  Score
	}{{"power cut", powerCut}, {"interest cut", interestCut}} {
		if c.cut <= MinScore || c.cut > MaxScore {
			return Grid{}, &FieldError{Field: c.name, Value: strconv.Itoa(int(c.cut)), Err: ErrOutOfRange}
		}
	}
	return Grid{powerCut: powerCut, interestCut: interestCut}, nil
}

// PowerCut returns the lowest power score that counts as high.
func (g Grid) PowerCut() Score { return cmp.Or(g.powerCut, DefaultCut) }

// InterestCut returns the lowest interest score that counts as high.
func (g Grid) InterestCut() Score { return cmp.Or(g.interestCut, DefaultCut) }

// Place returns the quadrant of a power and an interest score. Scores off
// the scale are compared as they are; a [Stakeholder] never holds one.
func (g Grid) Place(power, interest Score) Quadrant {
	hp, hi := power >= g.PowerCut(), interest >= g.InterestCut()
	switch {
	case hp && hi:
		return QuadrantManageClosely
	case hp:
		return QuadrantKeepSatisfied
	case hi:
		return QuadrantKeepInformed
	}
	return QuadrantMonitor
}

// Quadrant returns the stakeholder's quadrant on this grid.
func (g Grid) Quadrant(s *Stakeholder) Quadrant {
	return g.Place(s.assessment.Power, s.assessment.Interest)
}

// ComparePriority orders two stakeholders by the attention they need, for
// [slices.SortFunc]: it returns a negative number when a comes first. The
// order is, each step breaking the ties of the one before:
//
//  1. more salience attributes first (Mitchell, Agle & Wood 1997: salience
//     grows with the number of attributes), so definitive stakeholders lead
//     and non-stakeholders trail;
//  2. quadrant in the order manage closely, keep satisfied, keep informed,
//     monitor;
//  3. larger attitude gap first, by its absolute size: a stakeholder far
//     from where the team needs them needs more work;
//  4. higher power plus interest first;
//  5. name, then ID, so the order is total and deterministic.
func (g Grid) ComparePriority(a, b *Stakeholder) int {
	if c := cmp.Compare(b.Salience().Attributes(), a.Salience().Attributes()); c != 0 {
		return c
	}
	if c := cmp.Compare(g.Quadrant(a), g.Quadrant(b)); c != 0 {
		return c
	}
	if c := cmp.Compare(abs(b.AttitudeGap()), abs(a.AttitudeGap())); c != 0 {
		return c
	}
	pa, pb := a.assessment.Power+a.assessment.Interest, b.assessment.Power+b.assessment.Interest
	if c := cmp.Compare(pb, pa); c != 0 {
		return c
	}
	return compareByName(a, b)
}

func compareByName(a, b *Stakeholder) int {
	if c := cmp.Compare(a.name, b.name); c != 0 {
		return c
	}
	return compareIDs(a.id, b.id)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
