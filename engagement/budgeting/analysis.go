package budgeting

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"slices"
	"strconv"
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
// u_i(p), under the utility family of RULES.md and [Utility] (the cost
// family for Phragmén, which has none): with approval ballots and cost
// utility, the cost of the funded projects she approved, counted in the
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
	// rule's, or [CostUtility] for Phragmén.
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
	// Representation holds the voters against a population profile; nil
	// unless [Analyze] was given one ([WithPopulation]).
	Representation *Representativeness `json:"representation,omitempty"`
}

// AnalysisOption sets one option of [Analyze].
type AnalysisOption func(*analysisOptions)

type analysisOptions struct {
	compare    bool // WithPopulation was given
	by         VoterAttribute
	population []metrics.GroupCount
	policy     metrics.SuppressionPolicy
}

// WithPopulation makes [Analyze] hold the voters against the population
// the budget was for, broken down by one [Dimension]: population gives
// each group's size, with labels as the file writes the voters' values
// ("F", "M"; "internet", "paper"; an area's name) or, for [VoterAttributeAge], age
// bands "18-24" and "65+" (whole years, both ends included; bands must
// not overlap). Labels are compared exactly. The voters' counts are
// published under policy, which suppresses small cells
// ([metrics.SuppressGroups]).
func WithPopulation(by VoterAttribute, population []metrics.GroupCount, policy metrics.SuppressionPolicy) AnalysisOption {
	return func(o *analysisOptions) {
		o.compare, o.by, o.population, o.policy = true, by, slices.Clone(population), policy
	}
}

// Analyze computes the figures of [Analysis] for res.
//
// It returns an error wrapping [ErrInvalid] for a nil or zero Result,
// an undeclared dimension, an age label that is not a band or bands that
// overlap, or a population or policy package metrics rejects (the error
// wraps metrics' too: [metrics.ErrMismatchedGroups], [metrics.ErrNegative],
// [metrics.ErrPartExceedsWhole] for voters in a group with no population,
// …); [ErrMissingField] when the file gives no voter's value of the
// dimension (it has no such column, or the column is empty); and
// [ErrOverflow] when a voter's satisfaction, or their sum, does not fit in
// 63 bits.
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
		if a.Representation, err = represent(e.prof, o); err != nil {
			return nil, err
		}
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
	if a.Representation != nil {
		errs = append(errs, a.Representation.Validate())
	}
	return errors.Join(errs...)
}

// UnmarshalJSON reads what encoding/json writes for an Analysis and checks
// it with [Analysis.Validate]; on error a is not changed.
func (a *Analysis) UnmarshalJSON(b []byte) error {
	type plain Analysis // without this method
	var v plain
	if err := json.Unmarshal(b, &v); err != nil {
		return errorf(ErrInvalid, "analysis: %w", err)
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
	fmt.Fprintf(&b, "Outcome of %s: %d of %d projects funded, %s of %s%s spent (%s).\n", a.Rule, len(a.Funded), a.Projects,
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
		a.Representation.writeText(&b)
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

// VoterAttribute is a characteristic by which voters are compared with the
// population: the breakdowns Pabulib files record about voters.
//
// The zero value is invalid.
type VoterAttribute int

const (
	// VoterAttributeAge groups voters into age bands from the "age" column.
	VoterAttributeAge VoterAttribute = iota + 1
	// VoterAttributeSex groups voters by the "sex" column.
	VoterAttributeSex
	// VoterAttributeArea groups voters by where they live: the first of the columns
	// area, district, neighborhood, neighbourhood and subunit the file has
	// ([Voter.Area]).
	VoterAttributeArea
	// VoterAttributeVotingMethod groups voters by the "voting_method" column
	// ("internet", "paper", …).
	VoterAttributeVotingMethod
)

var dimensionNames = []string{"", "age", "sex", "area", "voting_method"}

// ParseDimension returns the dimension named s ("age", "sex", "area",
// "voting_method"), or an error wrapping [ErrInvalid].
func ParseDimension(s string) (VoterAttribute, error) {
	return parseEnum[VoterAttribute]("dimension", dimensionNames, s, ErrInvalid)
}

// IsValid reports whether d is one of the declared dimensions.
func (d VoterAttribute) IsValid() bool { return d > 0 && int(d) < len(dimensionNames) }

// String returns the dimension's name, such as "age"; an undeclared value
// prints as "Dimension(7)".
func (d VoterAttribute) String() string { return enumName("Dimension", dimensionNames, int(d)) }

// MarshalText returns the dimension's name; it fails with
// [ErrInvalid] for an undeclared value.
func (d VoterAttribute) MarshalText() ([]byte, error) {
	return enumText("dimension", dimensionNames, int(d))
}

// UnmarshalText parses a dimension's name with [ParseDimension].
func (d *VoterAttribute) UnmarshalText(b []byte) error {
	v, err := ParseDimension(string(b))
	if err == nil {
		*d = v
	}
	return err
}

// Representativeness holds who voted against who lives there, by one
// [VoterAttribute], in figures that may be published: the voters' counts per
// group with small cells suppressed, the population's, and the index of
// dissimilarity (Duncan & Duncan 1955) and representation score of
// [metrics.Representation], computed from the exact counts. Only voters
// whose value names a group take part; the others are counted as
// Unclassified.
//
// It is a report: a plain record whose fields may be read freely. The
// zero value has no dimension and does not validate.
type Representativeness struct {
	// Dimension is the characteristic compared.
	Dimension VoterAttribute
	// Voters are the classified voters per group, in the population's
	// order, small counts suppressed; Voters.Total() is their number, A.
	Voters metrics.SuppressedGroups
	// Population is each group's size, b_k, in order.
	Population []metrics.GroupCount
	// Unclassified is the number of voters with no value, or a value that
	// names no group (such as an age outside every band).
	Unclassified int64
	// Dissimilarity is ½ Σ_k |a_k/A − b_k/B| and Score min_k r_k / max_k
	// r_k with r_k = a_k/b_k, each to [metrics.ValuePlaces] places. Both are
	// nil when undefined (no voter classified), and withheld (nil) when a
	// count is suppressed: with the visible counts and the totals, either
	// figure would give the suppressed counts away.
	Dissimilarity *decimal.Decimal
	Score         *decimal.Decimal
}

// represent builds the Representativeness of the voters of prof.
func represent(prof *BallotProfile, o analysisOptions) (*Representativeness, error) {
	if !o.by.IsValid() {
		return nil, errorf(ErrInvalid, "dimension %d", int(o.by))
	}
	value := dimensionValue(o.by)
	classify := func(s string) (string, bool) { return s, true }
	var err error
	if o.by == VoterAttributeAge {
		if classify, err = ageBands(o.population); err != nil {
			return nil, err
		}
	}
	index := make(map[string]int, len(o.population))
	counts := make([]metrics.GroupCount, len(o.population))
	for i, g := range o.population {
		index[g.Group] = i
		counts[i].Group = g.Group
	}
	r := &Representativeness{Dimension: o.by, Population: slices.Clone(o.population)}
	known := false
	for _, v := range prof.Voters() {
		s := value(v)
		if s == "" {
			r.Unclassified++
			continue
		}
		known = true
		if group, ok := classify(s); ok {
			if i, ok := index[group]; ok {
				counts[i].Count++
				continue
			}
		}
		r.Unclassified++
	}
	if !known {
		return nil, errorf(ErrMissingField, "the file gives no voter's %s", o.by)
	}
	rep, err := metrics.CompareToPopulation(counts, o.population)
	if err != nil {
		return nil, errorf(ErrInvalid, "population: %w", err)
	}
	if r.Voters, err = metrics.SuppressGroups(counts, o.policy); err != nil {
		return nil, errorf(ErrInvalid, "voters by %s: %w", o.by, err)
	}
	if r.suppressed() {
		return r, nil // the figures would give the suppressed counts away
	}
	if d, err := rep.Dissimilarity(); err == nil {
		r.Dissimilarity = &d
	}
	if s, err := rep.Score(); err == nil {
		r.Score = &s
	}
	return r, nil
}

// dimensionValue returns the function that reads a voter's value of d: ""
// when the voter has none.
func dimensionValue(d VoterAttribute) func(Voter) string {
	switch d {
	case VoterAttributeAge:
		return func(v Voter) string {
			if n, ok := v.Age(); ok {
				return strconv.Itoa(n)
			}
			return ""
		}
	case VoterAttributeSex:
		return Voter.Sex
	case VoterAttributeArea:
		return Voter.Area
	}
	return Voter.VotingMethod
}

// ageBands returns the function that names the band of an age, given as
// text, from labels "18-24" and "65+" (an en dash works too), or an error
// wrapping ErrInvalidValue for a label that is not a band or bands that
// overlap.
func ageBands(groups []metrics.GroupCount) (func(string) (string, bool), error) {
	type band struct {
		lo, hi int
		label  string
	}
	bands := make([]band, 0, len(groups))
	for _, g := range groups {
		lo, hi, ok := parseBand(g.Group)
		if !ok {
			return nil, errorf(ErrInvalid, "age band %q: want \"18-24\" or \"65+\"", g.Group)
		}
		bands = append(bands, band{lo, hi, g.Group})
	}
	slices.SortFunc(bands, func(a, b band) int { return a.lo - b.lo })
	for i := 1; i < len(bands); i++ {
		if bands[i].lo <= bands[i-1].hi {
			return nil, errorf(ErrInvalid, "age bands %q and %q overlap", bands[i-1].label, bands[i].label)
		}
	}
	return func(s string) (string, bool) {
		age, err := strconv.Atoi(s)
		if err != nil {
			return "", false
		}
		for _, b := range bands {
			if b.lo <= age && age <= b.hi {
				return b.label, true
			}
		}
		return "", false
	}, nil
}

// parseBand reads "18-24", "18–24" or "65+" as whole years, both ends
// included.
func parseBand(s string) (lo, hi int, ok bool) {
	if rest, open := strings.CutSuffix(s, "+"); open {
		lo, err := strconv.Atoi(rest)
		return lo, math.MaxInt, err == nil && lo >= 0 && rest == strconv.Itoa(lo)
	}
	a, b, found := strings.Cut(s, "-")
	if !found {
		a, b, found = strings.Cut(s, "–")
	}
	lo, err1 := strconv.Atoi(a)
	hi, err2 := strconv.Atoi(b)
	return lo, hi, found && err1 == nil && err2 == nil && lo >= 0 && lo <= hi &&
		a == strconv.Itoa(lo) && b == strconv.Itoa(hi)
}

// VoterShare returns group i's share of the classified voters, a_k / A,
// and false when its count is suppressed. It panics when i is out of
// range.
func (r *Representativeness) VoterShare(i int) (metrics.Ratio, bool) {
	n, ok := r.Voters.Cell(i).Count()
	if !ok {
		return metrics.Ratio{}, false
	}
	share, _ := metrics.NewProportion(n, r.Voters.Total()) // 0 ≤ n ≤ total
	return share, true
}

// PopulationShare returns group i's share of the population, b_k / B.
// It panics when i is out of range.
func (r *Representativeness) PopulationShare(i int) metrics.Ratio {
	share, _ := metrics.NewProportion(r.Population[i].Count, r.populationTotal())
	return share
}

// RepresentationRatio returns (a_k/A) / (b_k/B) for group i, rounded half
// away from zero to [metrics.ValuePlaces] places: 1 when the group voted in
// proportion to its size, below 1 when it was under-represented. It
// returns false when the count is suppressed or the ratio undefined (no
// voter classified, or nobody in the group). It panics when i is out of
// range.
func (r *Representativeness) RepresentationRatio(i int) (decimal.Decimal, bool) {
	a, ok := r.Voters.Cell(i).Count()
	A, b, B := r.Voters.Total(), r.Population[i].Count, r.populationTotal()
	if !ok || A == 0 || b == 0 {
		return decimal.Decimal{}, false
	}
	num := new(big.Int).Mul(big.NewInt(a), big.NewInt(B))
	den := new(big.Int).Mul(big.NewInt(A), big.NewInt(b))
	return decimal.NewFromBigInt(num, 0).DivRound(decimal.NewFromBigInt(den, 0), metrics.ValuePlaces), true
}

// suppressed reports whether some voters' count is withheld.
func (r *Representativeness) suppressed() bool {
	for _, c := range r.Voters.All() {
		if c.Suppressed() {
			return true
		}
	}
	return false
}

func (r *Representativeness) populationTotal() int64 {
	var t int64
	for _, g := range r.Population {
		t += g.Count
	}
	return t
}

// Validate checks that r could have come from [Analyze]: a declared
// dimension; a population of at least one group, distinct non-empty labels with counts of 0 or
// more and a total within int64; voters over the same groups in the same
// order, with no voter in a group of nobody; no negative count; and
// figures from 0 to 1. It returns every problem joined, each wrapping
// [ErrInvalid].
func (r *Representativeness) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, errorf(ErrInvalid, format, args...)) }
	if !r.Dimension.IsValid() {
		bad("dimension %d", int(r.Dimension))
	}
	if len(r.Population) == 0 {
		bad("no population groups")
	}
	if r.Voters.Len() != len(r.Population) || r.Unclassified < 0 {
		bad("%d groups of voters for %d of population, %d unclassified", r.Voters.Len(), len(r.Population), r.Unclassified)
	}
	seen := map[string]bool{}
	var total int64
	for i, g := range r.Population {
		if g.Group == "" || seen[g.Group] || g.Count < 0 || total > math.MaxInt64-g.Count {
			bad("population group %q of %d", g.Group, g.Count)
		}
		seen[g.Group] = true
		total += g.Count
		if i >= r.Voters.Len() {
			continue
		}
		n, visible := r.Voters.Cell(i).Count()
		if r.Voters.Group(i) != g.Group || (visible && n > 0 && g.Count == 0) {
			bad("voters' group %q against population group %q of %d", r.Voters.Group(i), g.Group, g.Count)
		}
	}
	one := decimal.NewFromInt(1)
	for _, d := range []*decimal.Decimal{r.Dissimilarity, r.Score} {
		if d != nil && (d.IsNegative() || d.GreaterThan(one) || r.suppressed()) {
			bad("figure %s out of [0, 1], or beside suppressed counts", d)
		}
	}
	return errors.Join(errs...)
}

// representativenessJSON is the JSON form of a Representativeness.
type representativenessJSON struct {
	Dimension     VoterAttribute           `json:"dimension"`
	Voters        metrics.SuppressedGroups `json:"voters"`
	Population    []groupCountJSON         `json:"population"`
	Unclassified  int64                    `json:"unclassified"`
	Dissimilarity *decimal.Decimal         `json:"dissimilarity,omitempty"`
	Score         *decimal.Decimal         `json:"score,omitempty"`
}

type groupCountJSON struct {
	Group string `json:"group"`
	Count int64  `json:"count"`
}

// MarshalJSON writes the dimension, the voters as
// [metrics.SuppressedGroups] writes them (suppressed counts left out), the
// population as [{"group":"F","count":520},…], the unclassified voters and
// the two figures as decimal strings, left out when undefined.
func (r Representativeness) MarshalJSON() ([]byte, error) {
	w := representativenessJSON{Dimension: r.Dimension, Voters: r.Voters, Unclassified: r.Unclassified,
		Dissimilarity: r.Dissimilarity, Score: r.Score, Population: make([]groupCountJSON, len(r.Population))}
	for i, g := range r.Population {
		w.Population[i] = groupCountJSON(g)
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes and checks it with
// [Representativeness.Validate] (the voters' cells are checked by
// [metrics.SuppressedGroups]' own decoding); on error r is not changed.
func (r *Representativeness) UnmarshalJSON(b []byte) error {
	var w representativenessJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return errorf(ErrInvalid, "representativeness: %w", err)
	}
	v := Representativeness{Dimension: w.Dimension, Voters: w.Voters, Unclassified: w.Unclassified,
		Dissimilarity: w.Dissimilarity, Score: w.Score, Population: make([]metrics.GroupCount, len(w.Population))}
	for i, g := range w.Population {
		v.Population[i] = metrics.GroupCount(g)
	}
	if err := v.Validate(); err != nil {
		return err
	}
	*r = v
	return nil
}

// writeText writes r as a table, suppressed counts shown as "*".
func (r *Representativeness) writeText(b *strings.Builder) {
	fmt.Fprintf(b, "Voters by %s against the population (counts under %d not shown: *):\n", r.Dimension, r.Voters.Policy().MinCellSize)
	tb := &table{head: []string{"group", "voters", "share", "population", "share", "ratio"},
		right: []bool{false, true, true, true, true, true}}
	for i, g := range r.Population {
		row := []string{g.Group, r.Voters.Cell(i).String(), "*", strconv.FormatInt(g.Count, 10),
			r.PopulationShare(i).PercentText(), "*"}
		if share, ok := r.VoterShare(i); ok {
			row[2] = share.PercentText()
			row[5] = "undefined"
		}
		if ratio, ok := r.RepresentationRatio(i); ok {
			row[5] = ratio.StringFixed(metrics.ValuePlaces)
		}
		tb.rows = append(tb.rows, row)
	}
	writeTable(b, tb, "  ")
	text := func(d *decimal.Decimal) string {
		switch {
		case r.suppressed():
			return "withheld"
		case d == nil:
			return "undefined"
		}
		return d.StringFixed(metrics.ValuePlaces)
	}
	fmt.Fprintf(b, "  %d voters classified, %d not (no value, or one that names no group).\n", r.Voters.Total(), r.Unclassified)
	fmt.Fprintf(b, "  Index of dissimilarity %s (0: the voters mirror the population); representation score %s "+
		"(1: every group voted at the same rate).\n", text(r.Dissimilarity), text(r.Score))
	if r.suppressed() {
		b.WriteString("  The two figures are withheld: with the totals they would give the counts not shown away.\n")
	}
}
