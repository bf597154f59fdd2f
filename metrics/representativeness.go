package metrics

import (
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// ErrWithheld reports a figure that is not published because it would give
// a suppressed count away. It arrives in a [*WithheldError] that says why.
var ErrWithheld = errors.New("metrics: withheld to protect suppressed counts")

// WithheldError says which published figure is withheld and why. It wraps
// [ErrWithheld].
type WithheldError struct {
	// Figure names the figure, such as "dissimilarity" or
	// "groups[2].participant_share".
	Figure string
	// Reason says, for a reader, what the figure would reveal.
	Reason string
}

// Error returns a message naming the figure and the reason.
func (e *WithheldError) Error() string {
	if e == nil {
		return ErrWithheld.Error()
	}
	return fmt.Sprintf("%v: %s: %s", ErrWithheld, e.Figure, e.Reason)
}

// Unwrap returns [ErrWithheld].
func (e *WithheldError) Unwrap() error { return ErrWithheld }

// RepresentativenessSpec is what a published comparison is held against and
// how it is released: the population profile, the small-cell policy and the
// groups an earlier release suppressed. Every package that publishes
// representativeness (initiatives, processes, participatory budgets) takes
// one. It is plain data; the zero value has no population and is rejected.
type RepresentativenessSpec struct {
	// Population is the population profile: one count per group. Its order
	// and labels are the result's; participants' labels are matched to it
	// by [GroupKey].
	Population []GroupCount
	// Policy is the small-cell policy; the zero value is the default
	// (see [SuppressionPolicy]).
	Policy SuppressionPolicy
	// KeepSuppressed names groups (matched by [GroupKey]) that an earlier
	// release of the same breakdown suppressed: they stay suppressed,
	// whatever their count now. Pass the previous result's
	// [Representativeness.SuppressedGroups] to every new release, so that
	// a cell cannot be recovered by subtracting one release from the next.
	KeepSuppressed []string
}

// Representativeness is the publishable answer to "did we hear from
// everyone?": the participants of a process, the supporters of an
// initiative or the voters of a participatory budget, broken down by one
// characteristic and compared with the population. It is the one path from
// counts to a published figure in civitas; participation, engagement and
// budgeting all return it. Build one with [PublishRepresentativeness].
//
// What is published, and why:
//
//   - Each group's participant count as a [Cell], after small-cell
//     suppression ([SuppressGroups], complementary cells included) over
//     the groups and the unclassified participants together, and the
//     group's population, which is public.
//   - The number of unclassified participants as a cell: shown, counted,
//     and suppressed like any other small count. A zero is always shown (it
//     says only that everyone was classified).
//   - The total number of participants, always.
//   - Per group, the participant share a_k/A, the participation rate
//     a_k/b_k and the representation ratio (a_k/A)/(b_k/B) (see
//     [Representation]), only when the group's count is visible; the shares
//     also need the classified total A, published only when the
//     unclassified count is visible (A = total − unclassified).
//   - The index of dissimilarity and the representation score, computed on
//     the published grouping: the visible groups as they are and every
//     suppressed group merged into one. The merged group's count is the
//     classified total less the visible counts, which anyone can work out
//     from the table, so these figures reveal nothing the table hides. They
//     are withheld ([ErrWithheld]) when the unclassified count is
//     suppressed (A would reveal it) or fewer than two groups remain.
//
// No method, field or JSON of a Representativeness carries a suppressed
// count or a figure derived from one; the unsuppressed comparison is
// [CompareToPopulation], for the owner's own analysis only.
//
// Suppression protects one release. Two releases of the same breakdown
// (week 1, then week 2 with one more participant) can be subtracted: a
// group suppressed in week 1 and visible in week 2 gives its week-1 count
// away. [RepresentativenessSpec.KeepSuppressed] closes that door: a group
// once suppressed stays suppressed in every later release. Publishing at a
// coarser grouping, or only when every group has crossed the threshold, are
// the other remedies.
//
// The zero value has no groups, and every figure is undefined. A
// Representativeness is immutable and safe for concurrent use.
type Representativeness struct {
	policy        SuppressionPolicy
	rows          []RepresentedGroup
	unclassified  Cell
	total         int64
	classified    int64 // A; published only when unclassified is visible
	population    int64 // B
	dissim, score decimal.Decimal
	figuresErr    error // why dissimilarity and score are not published
	suppressed    []string
}

// RepresentedGroup is one group's published row of a [Representativeness].
// The zero value is an unnamed suppressed row.
type RepresentedGroup struct {
	group        string
	participants Cell
	population   int64
	// a, ta, tb: the group's count and the totals A and B, for the shares;
	// a and ta are zero unless published.
	a, ta, tb int64
	shares    bool // participant share and ratio published
}

// PublishRepresentativeness compares the participants, counted by group,
// with spec's population and applies small-cell suppression before any
// figure is derived (see [Representativeness]). A group missing from
// participants has none; a group the population lacks is an error that
// names it. unclassified counts the participants who fall in no group on
// this dimension (no age band given, an age outside every band): they are
// counted and shown, never dropped and never an error. It returns [ErrEmpty] for no population,
// [ErrMismatchedGroups] for a participant group the population does not
// have (naming it) or a label given twice, [ErrNegative] for a negative
// count, [ErrPartExceedsWhole] for participants in a group with no
// population, [ErrOverflow], the policy's [ErrOutOfRange], and
// [ErrUnprotectable] when the suppressed counts cannot be protected (a
// single group and no unclassified participants). Every error is a
// [*FieldError] naming the entry.
func PublishRepresentativeness(participants []GroupCount, unclassified int64, spec RepresentativenessSpec) (Representativeness, error) {
	if err := spec.Policy.Validate(); err != nil {
		return Representativeness{}, err
	}
	if unclassified < 0 {
		return Representativeness{}, inputErr("unclassified", unclassified, ErrNegative)
	}
	if len(spec.Population) == 0 {
		return Representativeness{}, &FieldError{Field: "population", Value: "[]", Err: ErrEmpty}
	}
	index, _, err := indexGroups("population", spec.Population)
	if err != nil {
		return Representativeness{}, err
	}
	// Align the participants with the population's groups.
	aligned := make([]GroupCount, len(spec.Population))
	for i, g := range spec.Population {
		aligned[i].Group = g.Group
	}
	if _, _, err := indexGroups("participants", participants); err != nil {
		return Representativeness{}, err
	}
	for j, p := range participants {
		i, ok := index[GroupKey(p.Group)]
		if !ok {
			return Representativeness{}, &FieldError{
				Field: fmt.Sprintf("participants[%d].group", j),
				Value: fmt.Sprintf("%q (not a group of the population: %s)", p.Group, groupList(spec.Population)),
				Err:   ErrMismatchedGroups,
			}
		}
		aligned[i].Count = p.Count
	}
	full, err := CompareToPopulation(aligned, spec.Population) // checks counts, zero populations
	if err != nil {
		return Representativeness{}, err
	}
	total, err := addChecked(full.participants, unclassified)
	if err != nil {
		return Representativeness{}, inputErr("unclassified", unclassified, err)
	}

	// Suppress over the groups and the unclassified together, under
	// labels of our own so that no population label can collide.
	n := len(aligned)
	cells := make([]GroupCount, n, n+1)
	forced := make([]bool, n, n+1)
	keep := make(map[string]bool, len(spec.KeepSuppressed))
	for _, g := range spec.KeepSuppressed {
		keep[GroupKey(g)] = true
	}
	for i, g := range aligned {
		cells[i] = GroupCount{Group: "g" + strconv.Itoa(i), Count: g.Count}
		forced[i] = keep[GroupKey(g.Group)]
	}
	if unclassified > 0 {
		cells = append(cells, GroupCount{Group: "unclassified", Count: unclassified})
		forced = append(forced, false)
	}
	sup, err := suppressGroupsForced(cells, spec.Policy, forced)
	if err != nil {
		return Representativeness{}, err
	}

	r := Representativeness{
		policy: spec.Policy, total: total, population: full.population,
		unclassified: Cell{count: unclassified, status: CellStatusVisible},
	}
	if unclassified > 0 {
		r.unclassified = sup.Cell(n)
	}
	classifiedPublished := !r.unclassified.Suppressed()
	if classifiedPublished {
		r.classified = full.participants
	}
	var mergedA, mergedB []GroupCount
	var hiddenA, hiddenB int64
	for i, g := range full.groups {
		row := RepresentedGroup{group: g.group, participants: sup.Cell(i), population: g.b, tb: g.tb}
		if row.participants.Suppressed() {
			r.suppressed = append(r.suppressed, g.group)
			hiddenA += g.a
			hiddenB += g.b
		} else {
			row.a = g.a
			row.shares = classifiedPublished
			if classifiedPublished {
				row.ta = g.ta
			}
			mergedA = append(mergedA, GroupCount{Group: "g" + strconv.Itoa(i), Count: g.a})
			mergedB = append(mergedB, GroupCount{Group: "g" + strconv.Itoa(i), Count: g.b})
		}
		r.rows = append(r.rows, row)
	}
	if hiddenA > 0 || hiddenB > 0 {
		mergedA = append(mergedA, GroupCount{Group: "merged", Count: hiddenA})
		mergedB = append(mergedB, GroupCount{Group: "merged", Count: hiddenB})
	}
	if err := r.deriveFigures(mergedA, mergedB, classifiedPublished); err != nil {
		return Representativeness{}, err
	}
	return r, nil
}

// deriveFigures sets the dissimilarity and the score from the published
// grouping (the visible groups, then the suppressed ones merged), or the
// reason they are withheld. It returns only the errors of
// CompareToPopulation for a grouping that fails its checks.
func (r *Representativeness) deriveFigures(mergedA, mergedB []GroupCount, classifiedPublished bool) error {
	switch {
	case !classifiedPublished:
		r.figuresErr = &WithheldError{Figure: "dissimilarity and score",
			Reason: "the unclassified count is suppressed, and the classified total would reveal it"}
	case len(mergedA) < 2:
		r.figuresErr = &WithheldError{Figure: "dissimilarity and score",
			Reason: "fewer than two groups remain once suppressed groups are merged"}
	default:
		published, err := CompareToPopulation(mergedA, mergedB)
		if err != nil {
			return err
		}
		if r.dissim, err = published.Dissimilarity(); err == nil {
			r.score, err = published.Score()
		}
		r.figuresErr = err // ErrUndefined with no classified participant
	}
	return nil
}

// groupList names a population's groups for an error message, at most ten.
func groupList(groups []GroupCount) string {
	var b strings.Builder
	for i, g := range groups {
		if i == 10 {
			fmt.Fprintf(&b, ", … (%d in all)", len(groups))
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(g.Group))
	}
	return b.String()
}

// Policy returns the small-cell policy the result was published under.
func (r Representativeness) Policy() SuppressionPolicy { return r.policy }

// Len returns the number of groups.
func (r Representativeness) Len() int { return len(r.rows) }

// All yields the groups' rows in the population's order.
func (r Representativeness) All() iter.Seq[RepresentedGroup] { return slices.Values(r.rows) }

// Lookup returns the row of the group whose label matches group by
// [GroupKey], and false when there is none.
func (r Representativeness) Lookup(group string) (RepresentedGroup, bool) {
	key := GroupKey(group)
	for _, g := range r.rows {
		if GroupKey(g.group) == key {
			return g, true
		}
	}
	return RepresentedGroup{}, false
}

// Total returns the number of participants, classified or not: always
// published.
func (r Representativeness) Total() int64 { return r.total }

// Unclassified returns the cell of participants who fall in no group.
func (r Representativeness) Unclassified() Cell { return r.unclassified }

// Classified returns A, the number of participants in some group, and true;
// or 0 and false when it is withheld because the unclassified count is
// suppressed.
func (r Representativeness) Classified() (int64, bool) {
	return r.classified, !r.unclassified.Suppressed()
}

// Population returns B, the population's total.
func (r Representativeness) Population() int64 { return r.population }

// SuppressedGroups returns the labels of the groups whose count is
// suppressed, in the population's order: pass them as
// [RepresentativenessSpec.KeepSuppressed] to the next release.
func (r Representativeness) SuppressedGroups() []string { return slices.Clone(r.suppressed) }

// Dissimilarity returns the index of dissimilarity ½ Σ |p_k − q_k| (Duncan &
// Duncan 1955) over the published grouping, rounded to [ValuePlaces]. It
// returns a [*WithheldError] when it would reveal a suppressed count and
// [ErrUndefined] when no participant is classified.
func (r Representativeness) Dissimilarity() (decimal.Decimal, error) {
	if r.rows == nil {
		return decimal.Decimal{}, ErrUndefined
	}
	return r.dissim, r.figuresErr
}

// Score returns the representation score min_k r_k / max_k r_k over the
// published grouping (see [Representation.Score]), rounded to
// [ValuePlaces]. Its errors are those of [Representativeness.Dissimilarity].
func (r Representativeness) Score() (decimal.Decimal, error) {
	if r.rows == nil {
		return decimal.Decimal{}, ErrUndefined
	}
	return r.score, r.figuresErr
}

// Group returns the group's label, as the population gives it.
func (g RepresentedGroup) Group() string { return g.group }

// Participants returns the group's participant count, or a suppressed cell.
func (g RepresentedGroup) Participants() Cell { return g.participants }

// Population returns the group's population, b_k.
func (g RepresentedGroup) Population() int64 { return g.population }

// PopulationShare returns q_k = b_k / B.
func (g RepresentedGroup) PopulationShare() Ratio { return Ratio{num: g.population, den: g.tb} }

// ParticipationRate returns r_k = a_k / b_k, and false when the count is
// suppressed.
func (g RepresentedGroup) ParticipationRate() (Ratio, bool) {
	if g.participants.Suppressed() {
		return Ratio{}, false
	}
	return Ratio{num: g.a, den: g.population}, true
}

// ParticipantShare returns p_k = a_k / A, and false when it is withheld:
// the count is suppressed, or A is (see [Representativeness.Classified]).
func (g RepresentedGroup) ParticipantShare() (Ratio, bool) {
	if !g.shares {
		return Ratio{}, false
	}
	return Ratio{num: g.a, den: g.ta}, true
}

// RepresentationRatio returns p_k / q_k rounded to [ValuePlaces] (1 is
// proportional, below 1 under-represented), and false when it is withheld
// (see [RepresentedGroup.ParticipantShare]) or undefined (no participant
// classified, or no population in the group).
func (g RepresentedGroup) RepresentationRatio() (decimal.Decimal, bool) {
	if !g.shares {
		return decimal.Decimal{}, false
	}
	d, err := (GroupRepresentation{group: g.group, a: g.a, b: g.population, ta: g.ta, tb: g.tb}).RepresentationRatio()
	return d, err == nil
}

// String returns the published table in plain text, one group per line:
// label, participants (or "*"), population, representation ratio (or
// "–"), then the unclassified count, the total and the two figures, or why
// they are withheld.
func (r Representativeness) String() string {
	var b strings.Builder
	width := len("unclassified")
	for _, g := range r.rows {
		width = max(width, len([]rune(g.group)))
	}
	fmt.Fprintf(&b, "%-*s  %12s  %10s  %6s\n", width, "group", "participants", "population", "ratio")
	for _, g := range r.rows {
		ratio := "–"
		if d, ok := g.RepresentationRatio(); ok {
			ratio = d.StringFixed(2)
		}
		fmt.Fprintf(&b, "%-*s  %12s  %10d  %6s\n", width+len(g.group)-len([]rune(g.group)), g.group, g.participants, g.population, ratio)
	}
	fmt.Fprintf(&b, "%-*s  %12s\n", width, "unclassified", r.unclassified)
	fmt.Fprintf(&b, "%-*s  %12d  %10d\n", width, "total", r.total, r.population)
	if d, err := r.Dissimilarity(); err == nil {
		s, _ := r.Score()
		fmt.Fprintf(&b, "dissimilarity %s, representation score %s (suppressed groups merged)\n", d.StringFixed(2), s.StringFixed(2))
	} else {
		fmt.Fprintf(&b, "dissimilarity and representation score not published: %s\n", withheldReason(err))
	}
	return b.String()
}

// withheldReason returns the reason of a withheld figure, or "undefined".
func withheldReason(err error) string {
	var w *WithheldError
	if errors.As(err, &w) {
		return w.Reason
	}
	return "undefined (no participant is classified)"
}

type representedGroupJSON struct {
	Group               string `json:"group"`
	Participants        Cell   `json:"participants"`
	Population          int64  `json:"population"`
	ParticipantShare    string `json:"participant_share,omitempty"`
	PopulationShare     string `json:"population_share"`
	ParticipationRate   string `json:"participation_rate,omitempty"`
	RepresentationRatio string `json:"representation_ratio,omitempty"`
}

type representativenessJSON struct {
	Policy        SuppressionPolicy      `json:"policy"`
	Groups        []representedGroupJSON `json:"groups"`
	Unclassified  Cell                   `json:"unclassified"`
	Total         int64                  `json:"total"`
	Classified    *int64                 `json:"classified,omitempty"`
	Dissimilarity string                 `json:"dissimilarity,omitempty"`
	Score         string                 `json:"score,omitempty"`
	Withheld      string                 `json:"withheld,omitempty"`
}

func (r Representativeness) wire() representativenessJSON {
	w := representativenessJSON{Policy: r.policy, Unclassified: r.unclassified, Total: r.total,
		Groups: make([]representedGroupJSON, len(r.rows))}
	if a, ok := r.Classified(); ok {
		w.Classified = &a
	}
	if d, err := r.Dissimilarity(); err == nil {
		s, _ := r.Score()
		w.Dissimilarity, w.Score = d.StringFixed(ValuePlaces), s.StringFixed(ValuePlaces)
	} else {
		w.Withheld = withheldReason(err)
	}
	for i, g := range r.rows {
		row := representedGroupJSON{Group: g.group, Participants: g.participants, Population: g.population,
			PopulationShare: g.PopulationShare().ValueText()}
		if s, ok := g.ParticipantShare(); ok {
			row.ParticipantShare = s.ValueText()
		}
		if rate, ok := g.ParticipationRate(); ok {
			row.ParticipationRate = rate.ValueText()
		}
		if d, ok := g.RepresentationRatio(); ok {
			row.RepresentationRatio = d.StringFixed(ValuePlaces)
		}
		w.Groups[i] = row
	}
	return w
}

// MarshalJSON writes the published table: the policy, each group's cell
// ({"count":n} or {"suppressed":"primary"|"complementary"}), population and
// published figures (decimal strings with [ValuePlaces] places), the
// unclassified cell, the total, the classified total when published, and
// the dissimilarity and score or the reason they are withheld. Nothing
// suppressed is written.
func (r Representativeness) MarshalJSON() ([]byte, error) { return json.Marshal(r.wire()) }

// UnmarshalJSON reads what MarshalJSON writes, checking what a reader can
// check: labels and counts as [PublishRepresentativeness] does, that the
// visible counts and the unclassified cell agree with the totals, that the
// suppressed cells cannot be recovered from them ([ErrUnprotectable]), and
// that every published figure equals the one recomputed from the published
// counts ([ErrInconsistent]). Malformed JSON is [ErrInvalid].
func (r *Representativeness) UnmarshalJSON(b []byte) error {
	var w representativenessJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	if err := w.Policy.Validate(); err != nil {
		return err
	}
	if len(w.Groups) == 0 {
		return &FieldError{Field: "groups", Value: "[]", Err: ErrEmpty}
	}
	got := Representativeness{policy: w.Policy, total: w.Total, unclassified: w.Unclassified}
	pop := make([]GroupCount, len(w.Groups))
	var visible, hiddenB int64
	var nHidden int
	for i, g := range w.Groups {
		pop[i] = GroupCount{Group: g.Group, Count: g.Population}
		if n, ok := g.Participants.Count(); ok {
			visible += n
		} else {
			nHidden++
			hiddenB += g.Population
			got.suppressed = append(got.suppressed, g.Group)
		}
	}
	if _, tb, err := indexGroups("groups", pop); err != nil {
		return err
	} else {
		got.population = tb
	}
	unclassified, unclassifiedVisible := w.Unclassified.Count()
	if !unclassifiedVisible {
		nHidden++
	}
	hidden := w.Total - visible
	if unclassifiedVisible {
		hidden -= unclassified
	}
	switch {
	case w.Total < 0 || hidden < 0:
		return &FieldError{Field: "total", Value: strconv.FormatInt(w.Total, 10) + " (less than the visible counts)", Err: ErrInconsistent}
	case nHidden == 0 && hidden != 0:
		return &FieldError{Field: "total", Value: strconv.FormatInt(w.Total, 10) + " (not the sum of the counts)", Err: ErrInconsistent}
	case nHidden == 1:
		return &FieldError{Field: "groups", Value: "one suppressed cell", Err: ErrUnprotectable}
	}
	if unclassifiedVisible {
		got.classified = w.Total - unclassified
		if (w.Classified != nil && *w.Classified != got.classified) || (w.Classified == nil && len(w.Groups) > 0) {
			return &FieldError{Field: "classified", Value: "does not match total − unclassified", Err: ErrInconsistent}
		}
	} else if w.Classified != nil {
		return &FieldError{Field: "classified", Value: "published with a suppressed unclassified count", Err: ErrInconsistent}
	}
	var mergedA, mergedB []GroupCount
	for i, g := range w.Groups {
		row := RepresentedGroup{group: g.Group, participants: g.Participants, population: g.Population, tb: got.population}
		if n, ok := g.Participants.Count(); ok {
			if n > 0 && g.Population == 0 {
				return &FieldError{Field: fmt.Sprintf("groups[%d].participants", i), Value: strconv.FormatInt(n, 10) + " (no population)", Err: ErrPartExceedsWhole}
			}
			row.a, row.shares = n, unclassifiedVisible
			if unclassifiedVisible {
				row.ta = got.classified
			}
			mergedA = append(mergedA, GroupCount{Group: "g" + strconv.Itoa(i), Count: n})
			mergedB = append(mergedB, GroupCount{Group: "g" + strconv.Itoa(i), Count: g.Population})
		}
		got.rows = append(got.rows, row)
	}
	if unclassifiedVisible {
		if h := got.classified - visible; h > 0 || hiddenB > 0 {
			mergedA = append(mergedA, GroupCount{Group: "merged", Count: h})
			mergedB = append(mergedB, GroupCount{Group: "merged", Count: hiddenB})
		}
	}
	if err := got.deriveFigures(mergedA, mergedB, unclassifiedVisible); err != nil {
		return err
	}
	want := got.wire()
	have := w
	have.Policy, want.Policy = SuppressionPolicy{}, SuppressionPolicy{}
	hb, _ := json.Marshal(have)
	wb, _ := json.Marshal(want)
	if string(hb) != string(wb) {
		return &FieldError{Field: "figures", Value: "disagree with the published counts", Err: ErrInconsistent}
	}
	*r = got
	return nil
}
