package budgeting

import (
	"cmp"
	"context"
	"errors"
	"math/big"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/civitas-go/civitas/internal/enum"
)

// This file holds the rules cities use, as Pabulib files name them in META
// rule and as Pabulib's checker (pabulib/checker) recomputes them: greedy
// by the published tally, with a threshold, without skipping, Poznań's
// 80 % rule, and equalshares.net's Method of Equal Shares with whole-unit
// add1 completion and its comparison with greedy.

// OfficialRule is a rule a city used to decide its participatory budget,
// as a Pabulib file names it in META rule. Unlike the research rules
// (greedy_cost, mes_cost, …), the greedy rules rank projects by the tally
// the file publishes (PROJECTS score, else votes), not by a utility, and
// break ties by PROJECTS row order.
//
// The zero value is invalid.
type OfficialRule int

const (
	// OfficialRuleGreedy ("greedy") walks the projects by tally, highest
	// first, and funds each that fits in what is left of the budget.
	OfficialRuleGreedy OfficialRule = iota + 1
	// OfficialRuleGreedyThreshold ("greedy-threshold") is greedy among the
	// projects whose tally reaches META min_project_score_threshold.
	OfficialRuleGreedyThreshold
	// OfficialRuleGreedyNoSkip ("greedy-no-skip") walks like greedy, passing
	// over projects under the threshold (if any) and withdrawn ones (cost
	// 999999999), and stops for good at the first that does not fit.
	OfficialRuleGreedyNoSkip
	// OfficialRuleGreedyExclusive ("greedy-exclusive") is greedy with rules
	// on mutually exclusive projects that the file does not hold: computed
	// as greedy (with the threshold when META has one), the stand-in
	// Pabulib's checker compares with.
	OfficialRuleGreedyExclusive
	// OfficialRuleGreedyCustom ("greedy-custom") is a city's own variant:
	// in Poznań (META unit "Poznań"), greedy that stops at the first project
	// that does not fit, funding it when what is left covers at least 80 %
	// of its cost; elsewhere computed as [OfficialRuleGreedyExclusive] is.
	OfficialRuleGreedyCustom
	// OfficialRuleEqualShares ("equalshares") is the Method of Equal Shares
	// of equalshares.net on approval ballots, in whole currency units.
	OfficialRuleEqualShares
	// OfficialRuleEqualSharesAdd1 ("equalshares/add1") completes it by
	// raising every voter's budget one whole unit at a time while the
	// outcome stays within the budget.
	OfficialRuleEqualSharesAdd1
	// OfficialRuleEqualSharesComparison ("equalshares-comparison") keeps
	// greedy by number of supporters instead when strictly more voters
	// prefer its outcome.
	OfficialRuleEqualSharesComparison
	// OfficialRuleEqualSharesAdd1Comparison ("equalshares/add1-comparison")
	// is add1, then the comparison.
	OfficialRuleEqualSharesAdd1Comparison
)

var officialRules = enum.New[OfficialRule]("OfficialRule", invalidName, "greedy", "greedy_threshold", "greedy_no_skip", "greedy_exclusive", "greedy_custom", "equalshares", "equalshares_add1", "equalshares_comparison", "equalshares_add1_comparison")

// OfficialRules returns every declared OfficialRule, in declaration order.
func OfficialRules() []OfficialRule { return officialRules.Values() }

// ParseOfficialRule returns the OfficialRule named s. Names match in any case, with '_', '-'
// or ' ' between words, and the names of META rule ("equalshares/add1")
// are accepted too; any other text is an error that quotes it and lists
// the accepted names, wrapping [ErrInvalid].
func ParseOfficialRule(s string) (OfficialRule, error) {
	if o, ok := officialByPabulibName(strings.TrimSpace(s)); ok {
		return o, nil
	}
	return officialRules.Parse(s)
}

// IsValid reports whether o is a declared OfficialRule.
func (o OfficialRule) IsValid() bool { return officialRules.Valid(o) }

// String returns the wire name, such as "greedy", or "OfficialRule(n)" for an
// undeclared value.
func (o OfficialRule) String() string { return officialRules.String(o) }

// Text returns the name for people, such as "greedy no skip".
func (o OfficialRule) Text() string { return officialRules.Text(o) }

// MarshalText returns the wire name; an undeclared value is an error.
func (o OfficialRule) MarshalText() ([]byte, error) { return officialRules.Marshal(o) }

// UnmarshalText parses a name as [ParseOfficialRule] does, leaving o unchanged on error.
func (o *OfficialRule) UnmarshalText(b []byte) error {
	v, err := ParseOfficialRule(string(b))
	if err != nil {
		return err
	}
	*o = v
	return nil
}

// pabulibRuleNames are the names META rule gives the official rules.
var pabulibRuleNames = [...]string{"", "greedy", "greedy-threshold", "greedy-no-skip", "greedy-exclusive",
	"greedy-custom", "equalshares", "equalshares/add1", "equalshares-comparison", "equalshares/add1-comparison"}

// PabulibName returns the name a Pabulib file gives the rule in META rule,
// such as "greedy-no-skip" or "equalshares/add1"; "" for an undeclared
// value.
func (o OfficialRule) PabulibName() string {
	if !o.IsValid() {
		return ""
	}
	return pabulibRuleNames[o]
}

// officialByPabulibName returns the official rule META rule names s.
func officialByPabulibName(s string) (OfficialRule, bool) {
	for i := 1; i < len(pabulibRuleNames); i++ {
		if pabulibRuleNames[i] == s {
			return OfficialRule(i), true
		}
	}
	return 0, false
}

// equalShares reports whether o is one of the Equal Shares rules.
func (o OfficialRule) equalShares() bool { return o >= OfficialRuleEqualShares }

// comparison reports whether o compares Equal Shares with greedy.
func (o OfficialRule) comparison() bool {
	return o == OfficialRuleEqualSharesComparison || o == OfficialRuleEqualSharesAdd1Comparison
}

// add1 reports whether o completes Equal Shares with add1.
func (o OfficialRule) add1() bool {
	return o == OfficialRuleEqualSharesAdd1 || o == OfficialRuleEqualSharesAdd1Comparison
}

// NewOfficialRule returns the official rule o as a [Rule]. It takes the
// options [WithTieBreak] (by default, row order; for Equal Shares, the lower
// cost, then more supporters, then row order), [WithTrace] and
// [WithRecount]. It returns an error wrapping [ErrInvalidRule] for an
// undeclared rule or any other option.
func NewOfficialRule(o OfficialRule, opts ...Option) (Rule, error) {
	r := Rule{official: o, method: MethodGreedy, utility: UtilityCost, completion: CompletionNone}
	if o.equalShares() {
		r.method = MethodEqualShares
	}
	for _, opt := range opts {
		opt(&r)
	}
	if err := r.validate(); err != nil {
		return Rule{}, err
	}
	return r, nil
}

// WithRecount makes an official rule rank projects by their tallies
// recounted from the ballots, as Pabulib's checker counts them ([Tally]),
// instead of by the tallies the file publishes.
func WithRecount() Option { return func(r *Rule) { r.recount = true } }

// validateOfficial checks the options of an official rule.
func (r Rule) validateOfficial() error {
	if r.official == 0 {
		if r.recount {
			return errorf(ErrInvalidRule, "only an official rule recounts")
		}
		return nil
	}
	want := MethodGreedy
	if r.official.equalShares() {
		want = MethodEqualShares
	}
	if !r.official.IsValid() || r.method != want || r.utility != UtilityCost || r.completion != CompletionNone || r.greedy {
		return errorf(ErrInvalidRule, "official rule %s with research options", r.official)
	}
	return nil
}

// Official returns the official rule r is, or 0 for a research rule.
func (r Rule) Official() OfficialRule { return r.official }

// RuleFromMeta returns the official rule META rule names in, with the
// options opts ([NewOfficialRule]). It returns an error wrapping
// [ErrMissingField] when META has no rule, [ErrUnsupported] when it says
// unknown (the city's rule is not known), and [ErrInvalidRule] for a name
// that is not an official rule.
func RuleFromMeta(in *Instance, opts ...Option) (Rule, error) {
	if in == nil {
		return Rule{}, errorf(ErrInvalid, "no instance")
	}
	name, ok := in.Meta("rule")
	switch {
	case !ok || name == "":
		return Rule{}, errorf(ErrMissingField, "META has no rule")
	case name == "unknown":
		return Rule{}, errorf(ErrUnsupported, "META rule is unknown: the file does not say how its outcome was decided")
	}
	o, ok := officialByPabulibName(name)
	if !ok {
		return Rule{}, errorf(ErrInvalidRule, "META rule %q", clip(name))
	}
	return NewOfficialRule(o, opts...)
}

// withdrawnCost is the cost Pabulib files give a withdrawn project.
const withdrawnCost = 999999999

// poznanUnit is META unit of Poznań, whose greedy-custom rule is known.
const poznanUnit = "Poznań"

// Tally is a project's support: what the file publishes in PROJECTS and what
// the ballots give when counted as Pabulib's checker counts them. The
// column is score when PROJECTS has one, else votes; a vote counts once per
// mention (a ballot naming a project twice counts twice), a score sums the
// points, and an ordinal ballot of length n gives n, n−1, …, 1 points in
// order.
type Tally struct {
	// Project is the project's ID.
	Project string `json:"project"`
	// Published is the PROJECTS cell, 0 when empty.
	Published int64 `json:"published"`
	// Recounted is the count from the ballots, in whole points.
	Recounted int64 `json:"recounted"`
}

// officialRun is what an official rule computed beside its outcome.
type officialRun struct {
	column       string // the tally column ranked by: score, votes, or recount
	tallies      []Tally
	threshold    int64
	hasThreshold bool
	poznan       bool
	stopped      bool    // the walk stopped at its last step
	order        []int32 // the walk: projects by tally, ties by rank
	// Equal Shares
	esSelected    []int // Equal Shares' outcome, before the comparison
	greedyWins    bool  // the comparison chose greedy
	preferGreedy  int64 // voters who prefer greedy's outcome
	preferShares  int64 // voters who prefer Equal Shares'
	unbrokenTie   bool  // a tie in cost and supporters that the checker cannot break
	flooredBudget decimal.Decimal
}

// Tallies returns, for a result of an official rule, each project's
// published and recounted tally, in file order; nil for a research rule.
func (r *Result) Tallies() []Tally {
	if r.official == nil {
		return nil
	}
	return slices.Clone(r.official.tallies)
}

// TallyColumn returns the tally an official rule ranked by: "score" or
// "votes" (the PROJECTS column), or "recount" ([WithRecount]); "" for a
// research rule or an Equal Shares rule.
func (r *Result) TallyColumn() string {
	if r.official == nil {
		return ""
	}
	return r.official.column
}

// Disagreements returns the tallies of an official rule's result whose
// published and recounted values differ: a file whose PROJECTS section does
// not say what its ballots say. Nil when they agree.
func (r *Result) Disagreements() []Tally {
	if r.official == nil {
		return nil
	}
	var out []Tally
	for _, t := range r.official.tallies {
		if t.Published != t.Recounted {
			out = append(out, t)
		}
	}
	return out
}

// Threshold returns the minimum tally an official rule required
// (min_project_score_threshold) and whether it applied one.
func (r *Result) Threshold() (int64, bool) {
	if r.official == nil {
		return 0, false
	}
	return r.official.threshold, r.official.hasThreshold
}

// Comparison returns, for an official Equal Shares rule with comparison,
// how many voters prefer greedy's outcome (more of their approved projects
// funded) and how many prefer Equal Shares', and whether greedy's was kept
// (strictly more voters prefer it); ok is false for other rules.
func (r *Result) Comparison() (preferGreedy, preferShares int64, greedyKept, ok bool) {
	if r.official == nil || !r.rule.official.comparison() {
		return 0, 0, false, false
	}
	o := r.official
	return o.preferGreedy, o.preferShares, o.greedyWins, true
}

// UnbrokenTie reports whether an official Equal Shares rule met a tie its
// own tie-breaks (lower cost, more supporters) could not break: Pabulib's
// checker stops there, and the rule broke it by row order.
func (r *Result) UnbrokenTie() bool { return r.official != nil && r.official.unbrokenTie }

// publishedTallies reads the tally column of in: score when PROJECTS has
// one, else votes; "" when neither.
func publishedTallies(in *Instance) (col string, tallies []int64, err error) {
	for _, c := range [...]string{"score", "votes"} {
		if projectColumnRoleIn(in, c) == colExtra {
			col = c
			break
		}
	}
	if col == "" {
		return "", nil, errorf(ErrMissingField, "PROJECTS has neither a score nor a votes column")
	}
	tallies = make([]int64, len(in.projects))
	for i, p := range in.projects {
		v, _ := p.Field(col)
		n, ok := parseTally(v)
		if !ok {
			return "", nil, errorf(ErrInvalidNumber, "project %q: %s %q is not a whole number", p.ID, col, v)
		}
		tallies[i] = n
	}
	return col, tallies, nil
}

// parseTally reads a whole number of votes or points; "" is 0.
func parseTally(v string) (int64, bool) {
	if v == "" {
		return 0, true
	}
	d, ok := parseDecimal(v)
	if !ok || !d.IsInteger() || !d.BigInt().IsInt64() {
		return 0, false
	}
	return d.IntPart(), true
}

// Recount returns each project's tally recounted from e's ballots as
// Pabulib's checker counts them (see [Tally]), beside the tally PROJECTS
// publishes (score, else votes; 0 when neither column exists), in file
// order.
func Recount(e *Election) []Tally {
	in := e.inst
	col := "votes"
	if projectColumnRoleIn(in, "score") == colExtra {
		col = "score"
	}
	counts := recount(e, col == "score")
	out := make([]Tally, len(in.projects))
	for i, p := range in.projects {
		v, _ := p.Field(col)
		pub, _ := parseTally(v)
		out[i] = Tally{Project: p.ID, Published: pub, Recounted: counts[i]}
	}
	return out
}

// recount counts votes (or, with score, points) per project as the checker
// does, from the ballots, and from the text of those that named a project
// twice.
func recount(e *Election, score bool) []int64 {
	in, pr := e.inst, e.prof
	sums := make([]int64, len(in.projects)) // scaled by 10^pr.places for points
	unit := pow10(pr.places)
	ordinal := score && pr.points == nil && in.voteType == VoteTypeOrdinal
	// count adds the ballots of voters from to to-1.
	count := func(from, to int) {
		if from >= to {
			return
		}
		lo, hi := pr.offsets[from], pr.offsets[to]
		switch {
		case score && pr.points != nil:
			for k, p := range pr.items[lo:hi] {
				sums[p] += pr.points[int(lo)+k]
			}
		case ordinal:
			for i := from; i < to; i++ {
				a, b := pr.offsets[i], pr.offsets[i+1]
				for k, p := range pr.items[a:b] {
					sums[p] += int64(int(b-a)-k) * unit
				}
			}
		default:
			for _, p := range pr.items[lo:hi] {
				sums[p] += unit
			}
		}
	}
	from := 0
	for _, b := range e.repeats {
		count(from, int(b.voter))
		recountRaw(e, b, score, sums)
		from = int(b.voter) + 1
	}
	count(from, pr.Len())
	for p := range sums {
		sums[p] /= unit
	}
	return sums
}

// recountRaw counts one ballot as written, every mention.
func recountRaw(e *Election, b rawBallot, score bool, sums []int64) {
	pr := e.prof
	ids := strings.Split(b.vote, ",")
	var pts []string
	if b.points != "" {
		pts = strings.Split(b.points, ",")
	}
	for k, id := range ids {
		p, ok := e.inst.index[strings.TrimSpace(id)]
		if !ok {
			continue
		}
		switch {
		case !score:
			sums[p] += pow10(pr.places)
		case pr.points != nil && k < len(pts):
			if v, places, ok := parsePoints(strings.TrimSpace(pts[k])); ok && places <= pr.places {
				sums[p] += v * pow10(pr.places-places)
			}
		case e.inst.voteType == VoteTypeOrdinal:
			sums[p] += int64(len(ids)-k) * pow10(pr.places)
		default:
			sums[p] += pow10(pr.places)
		}
	}
}

// runOfficial computes an official rule's outcome on e.
func runOfficial(ctx context.Context, r Rule, e *Election, rank []int32, log *tieLog) (*Result, error) {
	if rank == nil {
		rank = tieRank(e, r.TieBreaks())
	}
	res := &Result{rule: r, election: e, rank: rank, official: &officialRun{}}
	if r.official.equalShares() {
		if err := runOfficialShares(ctx, r, e, res, rank, log); err != nil {
			return nil, err
		}
		return res, nil
	}
	if err := runOfficialGreedy(ctx, r, e, res, rank, log); err != nil {
		return nil, err
	}
	return res, nil
}

// metaThreshold reads META min_project_score_threshold.
func metaThreshold(in *Instance) (t int64, ok bool, err error) {
	v, ok := in.Meta("min_project_score_threshold")
	if !ok {
		return 0, false, nil
	}
	t, valid := parseTally(v)
	if !valid || v == "" {
		return 0, true, errorf(ErrInvalidNumber, "min_project_score_threshold %q is not a whole number", v)
	}
	return t, true, nil
}

// runOfficialGreedy walks the projects by published tally.
func runOfficialGreedy(ctx context.Context, r Rule, e *Election, res *Result, rank []int32, log *tieLog) error {
	in := e.inst
	o := res.official
	col, published, err := publishedTallies(in)
	if err != nil && (!r.recount || !errors.Is(err, ErrMissingField)) {
		return err
	}
	counted := recount(e, col == "score")
	o.tallies = make([]Tally, len(in.projects))
	for i, p := range in.projects {
		o.tallies[i] = Tally{Project: p.ID, Recounted: counted[i]}
		if published != nil {
			o.tallies[i].Published = published[i]
		}
	}
	tally := published
	o.column = col
	if r.recount {
		tally, o.column = counted, "recount"
	}
	t, hasT, err := metaThreshold(in)
	if err != nil {
		return err
	}
	unit, _ := in.Meta("unit")
	kind := r.official
	if kind == OfficialRuleGreedyCustom && unit == poznanUnit {
		o.poznan = true
	}
	switch {
	case kind == OfficialRuleGreedyThreshold && !hasT:
		return errorf(ErrMissingField, "greedy-threshold without META min_project_score_threshold")
	case kind == OfficialRuleGreedy || o.poznan:
		hasT = false
	}
	o.threshold, o.hasThreshold = t, hasT

	a, _, err := scaleAmounts(in.budget, in.projects)
	if err != nil {
		return err
	}
	budget, cost, places := a.budget, a.cost, a.places
	order := mostFirst(tally, rank)
	o.order = order
	left := budget
	withdrawn := decimal.NewFromInt(withdrawnCost)
	st := stopper{ctx: ctx}
	for i, p := range order {
		if st.done() {
			return st.err
		}
		if hasT && tally[p] < t {
			continue
		}
		if kind == OfficialRuleGreedyNoSkip && in.projects[p].Cost.Equal(withdrawn) {
			continue
		}
		s := Step{project: int(p), method: MethodGreedy}
		stop := false
		switch {
		case cost[p] <= left:
			left -= cost[p]
			s.kind = StepKindFunded
		case o.poznan && 10*left >= 8*cost[p]:
			left -= cost[p]
			s.kind, stop = StepKindFunded, true
		case o.poznan || kind == OfficialRuleGreedyNoSkip:
			s.kind, stop = StepKindStopped, true
		default:
			s.kind = StepKindSkipped
		}
		if s.kind == StepKindFunded {
			res.selected = append(res.selected, int(p))
		}
		s.remaining = unscaled(left, places)
		res.steps = append(res.steps, s)
		if log != nil {
			// ties that decided: equal tallies, different decisions
			logWalkTie(log, res.steps, tally)
		}
		if stop {
			o.stopped = true
			// the next project with the same tally might have fitted
			for _, q := range order[i+1:] {
				if tally[q] == tally[p] && log != nil {
					log.add(p, q)
				}
			}
			break
		}
	}
	res.spent = unscaled(budget-left, places)
	return nil
}

// logWalkTie records the tie between the last two projects walked when
// their tallies are equal and the walk decided differently on them.
func logWalkTie(log *tieLog, steps []Step, tally []int64) {
	if len(steps) < 2 {
		return
	}
	a, b := steps[len(steps)-2], steps[len(steps)-1]
	if tally[a.project] == tally[b.project] && a.kind != b.kind {
		log.add(int32(a.project), int32(b.project))
	}
}

// floored returns e with the budget and every cost rounded down to whole
// units, as equalshares.net computes.
func floored(e *Election) *Election {
	in := *e.inst
	in.budget = in.budget.Floor()
	in.projects = slices.Clone(in.projects)
	for i := range in.projects {
		in.projects[i].Cost = in.projects[i].Cost.Floor()
	}
	return &Election{inst: &in, prof: e.prof, repeats: e.repeats}
}

// runOfficialShares computes the Equal Shares rules of equalshares.net.
func runOfficialShares(ctx context.Context, r Rule, e *Election, res *Result, rank []int32, log *tieLog) error {
	if !e.inst.voteType.approvalLike() {
		return errorf(ErrUnsupported, "%s on %s ballots", r.official.PabulibName(), e.inst.voteType)
	}
	fe := floored(e)
	pe, err := prepare(fe, UtilityCost, true)
	if err != nil {
		return err
	}
	pe.stop.ctx = ctx
	own := &tieLog{}
	pe.ties = own
	pe.setRank(rank)
	o := res.official
	o.flooredBudget = fe.inst.budget
	n := pe.voters
	perVoter := func(total *big.Rat) *big.Rat {
		if n == 0 {
			return new(big.Rat)
		}
		return new(big.Rat).Quo(total, big.NewRat(n, 1))
	}
	b0 := perVoter(new(big.Rat).SetInt64(pe.budget))
	supporters := ballotsPerProject(e)
	var kept *mesEngine
	if r.official.add1() && n > 0 {
		whole := pe.budget / n
		kept, b0, err = raiseBudget(ctx, pe, res,
			func(k int64) (*big.Rat, bool) {
				if k == 0 {
					return perVoter(new(big.Rat).SetInt64(pe.budget)), true
				}
				return big.NewRat(whole+k, 1), true
			},
			func(m *mesEngine) bool { return len(m.selected) == len(m.cand) },
			log == nil && !tiesCanShow(pe, supporters))
		if err != nil {
			return err
		}
	} else {
		kept = newMESEngine(pe)
		kept.run(b0)
		if pe.stop.err != nil {
			return pe.stop.err
		}
		res.runs = 1
	}
	res.selected = slices.Clone(kept.selected)
	res.perVoter = pe.currency(b0)
	o.esSelected = slices.Clone(res.selected)
	kept.steps(res, r.trace)
	if r.trace {
		kept.leftovers(res)
	}
	for _, pr := range own.pairs {
		a, b := pr[0], pr[1]
		if pe.cost[a] == pe.cost[b] && supporters[a] == supporters[b] {
			o.unbrokenTie = true
		}
		log.add(a, b)
	}
	if r.official.comparison() {
		compareWithGreedy(pe, res, supporters, rank)
	}
	res.spent = unscaled(pe.spent(res.selected), pe.places)
	return pe.stop.err
}

// tiesCanShow reports whether a tie broken by rank could show in the
// outcome: whether two projects have the same cost and the same number of
// supporters, which is what makes a tie unbroken.
func tiesCanShow(pe *prepared, supporters []int64) bool {
	type key struct{ cost, supporters int64 }
	seen := make(map[key]bool, len(pe.cost))
	for p, c := range pe.cost {
		if c == 0 || supporters[p] == 0 {
			continue // never compared: funded at once, or never a candidate
		}
		k := key{c, supporters[p]}
		if seen[k] {
			return true
		}
		seen[k] = true
	}
	return false
}

// compareWithGreedy computes greedy by number of supporters and keeps it
// when strictly more voters prefer it to Equal Shares' outcome.
func compareWithGreedy(pe *prepared, res *Result, supporters []int64, rank []int32) {
	o := res.official
	order := mostFirst(supporters, rank)
	var greedy []int
	var steps []Step
	left := pe.budget
	for _, p := range order {
		s := Step{project: int(p), method: MethodGreedy, kind: StepKindSkipped}
		if pe.cost[p] <= left {
			left -= pe.cost[p]
			greedy = append(greedy, int(p))
			s.kind = StepKindFunded
		}
		s.remaining = unscaled(left, pe.places)
		steps = append(steps, s)
	}
	inG := make([]bool, len(pe.cost))
	inS := make([]bool, len(pe.cost))
	for _, p := range greedy {
		inG[p] = true
	}
	for _, p := range res.selected {
		inS[p] = true
	}
	pr := pe.e.prof
	for i := 0; i < pr.Len(); i++ {
		var g, s int
		for _, p := range pr.items[pr.offsets[i]:pr.offsets[i+1]] {
			if inG[p] {
				g++
			}
			if inS[p] {
				s++
			}
		}
		switch {
		case g > s:
			o.preferGreedy++
		case s > g:
			o.preferShares++
		}
	}
	if o.preferGreedy > o.preferShares {
		o.greedyWins = true
		res.selected = greedy
		res.steps = steps
		res.perVoter = nil
	}
}

// mostFirst returns the projects ordered by value, highest first, ties by
// rank.
func mostFirst(value []int64, rank []int32) []int32 {
	order := make([]int32, len(value))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := cmp.Compare(value[b], value[a]); c != 0 {
			return c
		}
		return cmp.Compare(rank[a], rank[b])
	})
	return order
}
