package budgeting

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/civitas-go/civitas/metrics"
)

// Analysis is what an outcome gave the voters, in the figures of
// package metrics: how many got a project they voted for, how much of the
// budget was spent, the mean utility per voter and how evenly satisfaction
// was spread (Gini 1912), and, given a population profile, how well the
// voters represented the people the budget was for. [Analyze] builds it;
// [Analysis.WriteText] renders it; it round-trips through encoding/json,
// and decoding checks it with [Analysis.Validate].
//
// A voter's satisfaction is her utility for the outcome, u_i(W) = Σ_{p ∈ W}
// u_i(p), under the rule's utility family ([Utility], defined in the
// package documentation; the cost family for Phragmén, which has none):
// with approval ballots and cost utility, the cost of the funded projects she approved, counted in the
// file's smallest unit of money (10^−d, d the most decimal places of its
// costs and budget); with cumulative or scoring ballots, the points she
// gave them; with ordinal ballots, their Borda scores; with cardinality
// utility, their number. These are the integer values the Gini
// coefficient is computed on.
//
// It is a report: a plain record whose fields may be read freely. It is
// safe for concurrent reads. The zero value describes no outcome and does
// not validate (it has no rule).
type Analysis struct {
	// Rule is the rule whose outcome is analysed.
	Rule Rule `json:"rule"`
	// Utility is the utility family satisfaction is measured in: the
	// rule's, or [UtilityCost] for Phragmén.
	Utility Utility `json:"utility"`
	// VoteType is the kind of ballot the election used.
	VoteType VoteType `json:"vote_type"`
	// Voters is the number of voters n, empty ballots included.
	Voters int64 `json:"voters"`
	// Projects is the number of projects.
	Projects int `json:"projects"`
	// Budget is the budget B, Spent the cost of the funded projects, and
	// Currency META's currency ("" when the file has none).
	Budget   decimal.Decimal `json:"budget"`
	Spent    decimal.Decimal `json:"spent"`
	Currency string          `json:"currency,omitempty"`
	// Funded lists the IDs of the funded projects in the order funded.
	Funded []string `json:"funded"`
	// BudgetSpent is Spent / Budget, both in the file's smallest unit of
	// money: undefined for a budget of 0.
	BudgetSpent metrics.Ratio `json:"budget_spent"`
	// Satisfied is the share of voters whose ballot lists (approves, gives
	// points to, or ranks) at least one funded project: voters with such a
	// ballot / Voters, undefined without voters.
	Satisfied metrics.Ratio `json:"satisfied"`
	// MeanUtility is the mean satisfaction per voter, Σ_i u_i(W) / n,
	// exactly, in the utility's own unit (money, points, Borda points or
	// projects). Nil without voters.
	MeanUtility *Fraction `json:"mean_utility,omitempty"`
	// Gini is the Gini coefficient of the voters' satisfaction
	// ([metrics.Gini], population form, [metrics.ValuePlaces] places): 0
	// when everyone got as much, towards 1 when a few got everything. Nil
	// when undefined: no voters, or nobody got anything.
	Gini *decimal.Decimal `json:"gini,omitempty"`
	// RepresentationBy is the characteristic by which Representation
	// breaks the voters down; 0 without a Representation.
	RepresentationBy VoterAttribute `json:"representation_by,omitempty"`
	// Representation holds the voters against a population profile, as
	// [metrics.PublishRepresentativeness] publishes it (small cells
	// suppressed); nil unless [Analyze] was given one ([WithPopulation]).
	Representation *metrics.Representativeness `json:"representation,omitempty"`
}

// Analyze computes the figures of [Analysis] for res.
//
// It returns an error wrapping [ErrInvalid] for a nil or zero Result, an
// undeclared [VoterAttribute], an age label that is not a band or bands
// that overlap, a voter's value that names no group of the population (the
// error names it and wraps [metrics.ErrMismatchedGroups]), or a spec
// package metrics rejects (the error wraps metrics' too: [metrics.ErrEmpty],
// [metrics.ErrPartExceedsWhole] for voters in a group with no population,
// [metrics.ErrOutOfRange] for a bad policy, …); [ErrMissingField] when the
// file gives no voter's value of the attribute (it has no such column, or
// the column is empty); and [ErrOverflow] when a voter's satisfaction, or
// their sum, does not fit in 63 bits.
func Analyze(res *Result, opts ...AnalysisOption) (*Analysis, error) {
	if res == nil || res.election == nil || !res.rule.IsValid() {
		return nil, errorf(ErrInvalid, "no result to analyse")
	}
	var o analysisOptions
	for _, opt := range opts {
		opt(&o)
	}
	e := res.election
	u := res.rule.utility
	if u == 0 {
		u = UtilityCost
	}
	pe, err := prepare(e, u, true)
	if err != nil {
		return nil, err
	}
	in := e.inst
	a := &Analysis{Rule: res.rule, Utility: u, VoteType: in.voteType, Voters: pe.voters, Projects: in.Len(),
		Budget: in.budget, Spent: res.spent, Funded: res.SelectedIDs()}
	a.Currency, _ = in.Meta("currency")
	a.BudgetSpent, err = metrics.NewProportion(pe.spent(res.selected), pe.budget)
	if err != nil { // cannot happen: a rule never overspends
		return nil, errorf(ErrInvalid, "budget spent: %w", err)
	}
	if err := a.satisfaction(pe, res.selected); err != nil {
		return nil, err
	}
	if o.compare {
		if a.Representation, err = represent(e.prof, o.by, o.spec); err != nil {
			return nil, err
		}
		a.RepresentationBy = o.by
	}
	return a, nil
}

// satisfaction sets Satisfied, MeanUtility and Gini.
func (a *Analysis) satisfaction(pe *prepared, selected []int) error {
	g := pe.groups
	funded := make([]bool, len(pe.cost))
	for _, p := range selected {
		funded[p] = true
	}
	// Each group's satisfaction, from the funded projects' supporters.
	sat := make([]int64, g.len())
	for _, p := range selected {
		for k := pe.supOff[p]; k < pe.supOff[p+1]; k++ {
			gi := pe.supG[k]
			u := pe.uNorm(k) // u_i(p) = scale·u, both ≥ 1
			if pe.scale[p] > math.MaxInt64/u || sat[gi] > math.MaxInt64-pe.scale[p]*u {
				return errorf(ErrOverflow, "a voter's satisfaction")
			}
			sat[gi] += pe.scale[p] * u
		}
	}
	var satisfied int64
	total := new(big.Int)
	values := make([]int64, 0, pe.voters)
	for i := 0; i < g.len(); i++ {
		its, _ := g.ballot(i)
		if slices.ContainsFunc(its, func(p int32) bool { return funded[p] }) {
			satisfied += g.weight[i]
		}
		total.Add(total, new(big.Int).Mul(big.NewInt(sat[i]), big.NewInt(g.weight[i])))
		for range g.weight[i] {
			values = append(values, sat[i])
		}
	}
	a.Satisfied, _ = metrics.NewProportion(satisfied, pe.voters) // satisfied ≤ voters, both ≥ 0
	if pe.voters == 0 {
		return nil
	}
	mean := NewFraction(new(big.Rat).SetFrac(total, new(big.Int).Mul(big.NewInt(pe.voters), tenPow(pe.utilityPlaces()))))
	a.MeanUtility = &mean
	gini, err := metrics.Gini(values)
	switch {
	case errors.Is(err, metrics.ErrUndefined):
	case err != nil:
		return errorf(ErrOverflow, "satisfaction: %w", err)
	default:
		a.Gini = &gini
	}
	return nil
}

// Validate checks that a could have come from [Analyze]: a valid rule,
// utility and vote type; no negative count or amount; Spent at most
// Budget; funded IDs non-empty and distinct; BudgetSpent equal to Spent /
// Budget; Satisfied a share of Voters; MeanUtility not negative; Gini from
// 0 to 1; and a representation that validates. It returns every problem
// joined, each wrapping [ErrInvalid].
func (a *Analysis) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, errorf(ErrInvalid, format, args...)) }
	if !a.Rule.IsValid() || !a.Utility.IsValid() || !a.VoteType.IsValid() {
		bad("rule %s, utility %d, vote type %d", a.Rule, int(a.Utility), int(a.VoteType))
	}
	if a.Voters < 0 || a.Projects < 0 || a.Budget.IsNegative() || a.Spent.IsNegative() || a.Spent.GreaterThan(a.Budget) {
		bad("%d voters, %d projects, %s of %s spent", a.Voters, a.Projects, a.Spent, a.Budget)
	}
	if len(a.Funded) > a.Projects || slices.Contains(a.Funded, "") || len(slices.Compact(slices.Sorted(slices.Values(a.Funded)))) != len(a.Funded) {
		bad("funded %q", a.Funded)
	}
	places := max(significantPlaces(a.Budget), significantPlaces(a.Spent))
	spent, okS := scaled(a.Spent, places)
	budget, okB := scaled(a.Budget, places)
	if want, err := metrics.NewProportion(spent, budget); !okS || !okB || err != nil || want.Cmp(a.BudgetSpent) != 0 ||
		(want.Defined() != a.BudgetSpent.Defined()) {
		bad("budget spent %s for %s of %s", a.BudgetSpent, a.Spent, a.Budget)
	}
	if a.Satisfied.Denominator() != a.Voters || a.Satisfied.Numerator() < 0 || a.Satisfied.Numerator() > a.Voters {
		bad("satisfied %s of %d voters", a.Satisfied, a.Voters)
	}
	if (a.MeanUtility != nil && a.MeanUtility.Sign() < 0) || (a.MeanUtility == nil) != (a.Voters == 0) {
		bad("mean utility %v for %d voters", a.MeanUtility, a.Voters)
	}
	if a.Gini != nil && (a.Gini.IsNegative() || a.Gini.GreaterThan(decimal.NewFromInt(1))) {
		bad("Gini %s", a.Gini)
	}
	switch {
	case (a.Representation == nil) != (a.RepresentationBy == 0):
		bad("representation by %s: both or neither", a.RepresentationBy)
	case a.Representation != nil && (!a.RepresentationBy.IsValid() || a.Representation.Total() != a.Voters):
		bad("representation by %s of %d voters, for %d voters", a.RepresentationBy, a.Representation.Total(), a.Voters)
	}
	return errors.Join(errs...)
}

// UnmarshalJSON reads what encoding/json writes for an Analysis and checks
// it with [Analysis.Validate]; on error a is not changed.
func (a *Analysis) UnmarshalJSON(b []byte) error {
	type plain Analysis // without this method
	var v plain
	if err := decodeJSON("analysis", b, &v); err != nil {
		return err
	}
	if err := (*Analysis)(&v).Validate(); err != nil {
		return err
	}
	*a = Analysis(v)
	return nil
}

// WriteText writes a as a short report for residents: the projects funded
// and the budget spent, the share of voters who got a project they voted
// for, the mean utility per voter (money to [AmountPlaces] places, other
// units to [FigureDigits] significant digits, rounded half away from
// zero), the Gini coefficient, and the voters against the population
// with small counts shown as "*". It returns the first error of w.
func (a *Analysis) WriteText(w io.Writer) error {
	var b strings.Builder
	places := max(significantPlaces(a.Budget), significantPlaces(a.Spent))
	unit := ""
	if a.Currency != "" {
		unit = " " + a.Currency
	}
	fmt.Fprintf(&b, "%s: %d of %s funded, %s of %s%s spent (%s).\n", a.Rule.Title(), len(a.Funded),
		plural(int64(a.Projects), "project"),
		a.Spent.StringFixed(places), a.Budget.StringFixed(places), unit, a.BudgetSpent.PercentText())
	tb := &table{head: []string{"figure", "value", "meaning"}, right: []bool{false, true, false}}
	tb.rows = append(tb.rows, []string{"voters with a funded project", fmt.Sprintf("%d of %d, %s", a.Satisfied.Numerator(),
		a.Voters, a.Satisfied.PercentText()), "their ballot lists at least one funded project"})
	mean, gini := "undefined", "undefined"
	if a.MeanUtility != nil {
		mean = figure(*a.MeanUtility)
		if a.Utility == UtilityCost && a.VoteType.approvalLike() {
			p := max(AmountPlaces, places)
			mean = a.MeanUtility.Round(p).StringFixed(p) + unit
		}
	}
	if a.Gini != nil {
		gini = a.Gini.StringFixed(metrics.ValuePlaces)
	}
	tb.rows = append(tb.rows, []string{"mean utility per voter", mean, a.utilityMeaning()},
		[]string{"Gini of voter satisfaction", gini, "0: everyone got as much; towards 1: a few got everything"})
	writeTable(&b, tb, "  ")
	if a.Representation != nil {
		writeRepresentation(&b, a.RepresentationBy, a.Representation)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// utilityMeaning says what a voter's utility counts.
func (a *Analysis) utilityMeaning() string {
	switch {
	case a.Utility == UtilityCardinality:
		return "funded projects on her ballot"
	case a.VoteType.approvalLike():
		return "cost of the funded projects she approved"
	case a.VoteType == VoteTypeOrdinal:
		return "Borda points of the funded projects she ranked"
	}
	return "points she gave the funded projects"
}
