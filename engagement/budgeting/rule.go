package budgeting

import (
	"context"
	"math/big"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Rule is an allocation rule with its options: a [Method], the [Utility]
// family it assumes, and for the Method of Equal Shares a [Completion] and
// whether greedy funds what remains afterwards. Build one with [NewRule] or
// [RuleByName]; run it with [Rule.Run].
//
// Rule is a comparable value type, safe for concurrent use. The zero value
// is invalid: Run rejects it with [ErrInvalidRule].
type Rule struct {
	method     Method
	utility    Utility
	completion Completion
	greedy     bool
	trace      bool
	ties       tieOrder     // explicit tie-breaks; zero: the rule's default
	official   OfficialRule // a rule cities use; 0 for a research rule
	recount    bool         // an official rule ranks by the recount
}

// Option sets one option of a [Rule] for [NewRule].
type Option func(*Rule)

// WithUtility sets the utility family (default [UtilityCost]). Phragmén
// takes none: it is defined for approval ballots only.
func WithUtility(u Utility) Option { return func(r *Rule) { r.utility = u } }

// WithCompletion sets how the Method of Equal Shares is completed (default
// [CompletionNone]).
func WithCompletion(c Completion) Option { return func(r *Rule) { r.completion = c } }

// WithGreedyCompletion makes the Method of Equal Shares fund, after its
// outcome, whatever still fits by greedy with the same utility, as
// mes_cost_greedy does.
func WithGreedyCompletion() Option { return func(r *Rule) { r.greedy = true } }

// WithTrace makes [Rule.Run] record the exact figures behind each step: ρ
// and every payment for the Method of Equal Shares, and what each voter
// held at the end ([Result.Remaining]); the load for Phragmén. They cost
// exact rational arithmetic, so they are off by default; the sequence of
// steps is always recorded.
func WithTrace() Option { return func(r *Rule) { r.trace = true } }

// NewRule returns the rule of method m with the given options. It returns an
// error wrapping [ErrInvalidRule] for an undeclared method, utility or
// completion, a completion or greedy completion on a method other than
// [MethodEqualShares], or a utility on [MethodPhragmen].
func NewRule(m Method, opts ...Option) (Rule, error) {
	r := Rule{method: m}
	for _, o := range opts {
		o(&r)
	}
	if m == MethodPhragmen && r.utility != 0 {
		return Rule{}, errorf(ErrInvalidRule, "phragmen takes no utility")
	}
	if r.utility == 0 && m != MethodPhragmen {
		r.utility = UtilityCost
	}
	if r.completion == 0 {
		r.completion = CompletionNone
	}
	if err := r.validate(); err != nil {
		return Rule{}, err
	}
	return r, nil
}

// validate checks the combination of options.
func (r Rule) validate() error {
	switch {
	case !r.method.IsValid():
		return errorf(ErrInvalidRule, "method %d", int(r.method))
	case !r.completion.IsValid():
		return errorf(ErrInvalidRule, "completion %d", int(r.completion))
	case r.method != MethodPhragmen && !r.utility.IsValid():
		return errorf(ErrInvalidRule, "utility %d", int(r.utility))
	case r.method != MethodEqualShares && (r.completion != CompletionNone || r.greedy):
		return errorf(ErrInvalidRule, "%s takes no completion", r.method)
	}
	if err := r.ties.validate(); err != nil {
		return err
	}
	return r.validateOfficial()
}

// RuleByName returns the rule with the given name, as Faliszewski et al.
// (2023) and the Pabulib reference outcomes name them: greedy_cost,
// greedy_card, mes_cost, mes_card, mes_cost_greedy, mes_cost_add1,
// mes_cost_add1_greedy, mes_cost_exh1pct, phragmen; and in general
// greedy_U, mes_U[_add1|_exh1pct][_greedy] with U cost or card. It returns
// an error wrapping [ErrInvalidRule] for any other name.
//
// It also reads the official rules by the names Pabulib files give them in
// META rule ([OfficialRule.PabulibName]: greedy, greedy-threshold,
// equalshares/add1, …), and a suffix naming tie-breaks ([WithTieBreak]),
// as in "mes_cost@lower_cost,more_supporters".
func RuleByName(name string) (Rule, error) {
	var extra []Option
	if base, ties, ok := strings.Cut(name, "@"); ok {
		o, err := parseTieSuffix(ties)
		if err != nil {
			return Rule{}, err
		}
		extra = append(extra, o)
		name = base
	}
	if o, ok := officialByPabulibName(name); ok {
		return NewOfficialRule(o, extra...)
	}
	r, err := researchRuleByName(name)
	if err != nil || len(extra) == 0 {
		return r, err
	}
	extra[0](&r)
	if err := r.validate(); err != nil {
		return Rule{}, err
	}
	return r, nil
}

// researchRuleByName reads the name of a research rule.
func researchRuleByName(name string) (Rule, error) {
	parts := strings.Split(name, "_")
	m, err := ParseMethod(parts[0])
	if err != nil {
		return Rule{}, errorf(ErrInvalidRule, "rule %q", name)
	}
	var opts []Option
	rest := parts[1:]
	if m != MethodPhragmen {
		if len(rest) == 0 {
			return Rule{}, errorf(ErrInvalidRule, "rule %q names no utility", name)
		}
		u, err := ParseUtility(rest[0])
		if err != nil {
			return Rule{}, errorf(ErrInvalidRule, "rule %q", name)
		}
		opts = append(opts, WithUtility(u))
		rest = rest[1:]
	}
	if len(rest) > 0 && m == MethodEqualShares && rest[0] != "greedy" {
		c, err := ParseCompletion(rest[0])
		if err != nil || c == CompletionNone {
			return Rule{}, errorf(ErrInvalidRule, "rule %q", name)
		}
		opts = append(opts, WithCompletion(c))
		rest = rest[1:]
	}
	if len(rest) > 0 && rest[0] == "greedy" {
		opts = append(opts, WithGreedyCompletion())
		rest = rest[1:]
	}
	if len(rest) > 0 {
		return Rule{}, errorf(ErrInvalidRule, "rule %q", name)
	}
	r, err := NewRule(m, opts...)
	if err != nil {
		return Rule{}, errorf(ErrInvalidRule, "rule %q", name)
	}
	return r, nil
}

// ReferenceRules returns the names of the nine rules the package
// documentation defines and the Pabulib reference outcomes (computed by
// pabutools) cover, in that order.
func ReferenceRules() []string {
	return []string{"greedy_cost", "greedy_card", "mes_cost", "mes_card", "mes_cost_greedy",
		"mes_cost_add1", "mes_cost_add1_greedy", "mes_cost_exh1pct", "phragmen"}
}

// Name returns the rule's name as [RuleByName] reads it, such as
// "mes_cost_add1_greedy"; "invalid" for a rule that is not valid.
func (r Rule) Name() string {
	if r.validate() != nil {
		return "invalid"
	}
	if r.official != 0 {
		return r.official.PabulibName() + r.ties.name()
	}
	if r.method == MethodPhragmen {
		return "phragmen" + r.ties.name()
	}
	s := r.method.String() + "_" + r.utility.String()
	if r.completion != CompletionNone {
		s += "_" + r.completion.String()
	}
	if r.greedy {
		s += "_greedy"
	}
	return s + r.ties.name()
}

// Title returns the rule's name as people read it, for text meant for
// them: "Greedy", "Method of Equal Shares with add-one completion",
// "Method of Equal Shares with cardinality utility and one-percent
// completion, then greedy", "Sequential Phragmén". The cost family is the
// default and goes unsaid. An official rule reads "Official rule
// greedy-no-skip", under the name its Pabulib file gives it, and a rule
// built [WithTieBreak] ends with how it breaks ties: "Greedy (ties broken
// by lower cost, then row order)". It returns "Invalid rule" for a rule
// that is not valid. [Rule.Name] is the name for programs.
func (r Rule) Title() string {
	if r.validate() != nil {
		return "Invalid rule"
	}
	return r.title() + r.ties.text()
}

// title is [Rule.Title] without the tie-breaks.
func (r Rule) title() string {
	if r.official != 0 {
		return "Official rule " + r.official.PabulibName()
	}
	var with []string
	if r.utility == UtilityCardinality {
		with = append(with, "cardinality utility")
	}
	switch {
	case r.completion != CompletionNone && r.greedy:
		with = append(with, r.completion.Text()+", then greedy")
	case r.completion != CompletionNone:
		with = append(with, r.completion.Text())
	case r.greedy:
		with = append(with, "greedy completion")
	}
	if len(with) == 0 {
		return r.method.Title()
	}
	return r.method.Title() + " with " + strings.Join(with, " and ")
}

// String returns [Rule.Name].
func (r Rule) String() string { return r.Name() }

// IsValid reports whether r is a valid rule; the zero value is not.
func (r Rule) IsValid() bool { return r.validate() == nil }

// MarshalText returns the rule's name; it fails with [ErrInvalidRule] for an
// invalid rule. Whether the rule traces is not part of its name.
func (r Rule) MarshalText() ([]byte, error) {
	if err := r.validate(); err != nil {
		return nil, err
	}
	return []byte(r.Name()), nil
}

// UnmarshalText parses a rule's name with [RuleByName].
func (r *Rule) UnmarshalText(b []byte) error {
	v, err := RuleByName(string(b))
	if err == nil {
		*r = v
	}
	return err
}

// Method returns the rule's method.
func (r Rule) Method() Method { return r.method }

// Utility returns the rule's utility family; 0 for Phragmén, which has none.
func (r Rule) Utility() Utility { return r.utility }

// Completion returns how the rule completes the Method of Equal Shares.
func (r Rule) Completion() Completion { return r.completion }

// GreedyCompletion reports whether greedy funds what remains after the
// Method of Equal Shares.
func (r Rule) GreedyCompletion() bool { return r.greedy }

// Traced reports whether the rule records exact figures ([WithTrace]).
func (r Rule) Traced() bool { return r.trace }

// Run computes the rule's outcome on e, exactly: amounts are scaled to
// integers and every comparison that decides the outcome (ρ against ρ, a
// load against a load, what voters hold against a cost) is made on exact
// rationals, with ties broken by project ID in byte order. See the package
// documentation for each rule's definition.
//
// It returns an error wrapping [ErrInvalidRule] for an invalid rule,
// [ErrUnsupported] for Phragmén on ballots other than approval,
// [ErrOverflow] for amounts that do not fit the arithmetic, or ctx's error
// when ctx is done before the outcome is known. The context is honoured
// inside every long loop (each round, each comparison of tied candidates,
// each completion rerun), looked at every few dozen iterations, so a
// deadline stops even a run whose single round is long.
func (r Rule) Run(ctx context.Context, e *Election) (*Result, error) {
	if err := r.validate(); err != nil {
		return nil, err
	}
	if e == nil || e.inst == nil || e.prof == nil {
		return nil, errorf(ErrInvalid, "no election")
	}
	return r.run(ctx, e, nil, nil)
}

// run computes the outcome with ties broken by rank (nil: the rule's
// tie-breaks), recording in log the ties broken.
func (r Rule) run(ctx context.Context, e *Election, rank []int32, log *tieLog) (*Result, error) {
	if r.official != 0 {
		return runOfficial(ctx, r, e, rank, log)
	}
	if r.method == MethodPhragmen && !e.inst.voteType.approvalLike() {
		return nil, errorf(ErrUnsupported, "phragmen on %s ballots", e.inst.voteType)
	}
	pe, err := prepare(e, r.utility, r.method != MethodGreedy)
	if err != nil {
		return nil, err
	}
	pe.stop.ctx = ctx
	pe.order(r, rank, log)
	res := &Result{rule: r, election: e, rank: pe.rank}
	switch r.method {
	case MethodGreedy:
		runGreedy(pe, res, nil, pe.budget)
	case MethodPhragmen:
		runPhragmen(pe, res, r.trace)
	default:
		if err := runEqualShares(ctx, pe, res, r); err != nil {
			return nil, err
		}
	}
	if pe.stop.err != nil {
		return nil, pe.stop.err
	}
	res.spent = unscaled(pe.spent(res.selected), pe.places)
	return res, nil
}

// Result is the outcome of a [Rule] on an [Election]: the projects funded,
// in the order the rule funded them, and the steps that led there.
//
// The zero value is an empty result of no rule.
type Result struct {
	rule     Rule
	election *Election
	selected []int
	spent    decimal.Decimal
	steps    []Step
	runs     int
	perVoter *big.Rat
	left     []*big.Rat // traced MES: each voter group's budget at the end
	member   []int32    // the group of each voter
	rank     []int32    // the order that broke ties
	official *officialRun
}

// Rule returns the rule that produced the result.
func (r *Result) Rule() Rule { return r.rule }

// Election returns the election the rule ran on.
func (r *Result) Election() *Election { return r.election }

// Selected returns the positions of the funded projects in the order the
// rule funded them (by ID for projects funded at once, such as the
// Method of Equal Shares' free projects).
func (r *Result) Selected() []int { return slices.Clone(r.selected) }

// SelectedIDs returns the IDs of the funded projects in the order funded.
func (r *Result) SelectedIDs() []string {
	out := make([]string, len(r.selected))
	for i, p := range r.selected {
		out[i] = r.election.inst.projects[p].ID
	}
	return out
}

// Funded reports whether project (a position in the instance) was funded.
func (r *Result) Funded(project int) bool { return slices.Contains(r.selected, project) }

// Cost returns the total cost of the funded projects.
func (r *Result) Cost() decimal.Decimal { return r.spent }

// Steps returns a copy of the steps of the run that produced the outcome:
// for the Method of Equal Shares one per round of the run whose outcome was
// kept, then greedy's steps if it completed the outcome.
func (r *Result) Steps() []Step { return slices.Clone(r.steps) }

// Runs returns how many times the Method of Equal Shares ran: 1 without a
// completion, more when a completion raised the budget; 0 for other
// methods.
func (r *Result) Runs() int { return r.runs }

// VoterBudget returns the budget each voter started with in the run of the
// Method of Equal Shares whose outcome was kept, in currency units, exactly
// (B/n without a completion); nil for other methods or without voters.
func (r *Result) VoterBudget() *big.Rat {
	if r.perVoter == nil {
		return nil
	}
	return new(big.Rat).Set(r.perVoter)
}

// Remaining returns what voter (a position in the profile) still held at
// the end of the Method of Equal Shares run whose outcome was kept, exactly,
// in currency units: with it, an explanation can say of a project that was
// not funded whether its supporters could still afford it. Nil unless the
// rule was built [WithTrace] and is a Method of Equal Shares rule.
func (r *Result) Remaining(voter int) *big.Rat {
	if r.left == nil {
		return nil
	}
	return new(big.Rat).Set(r.left[r.member[voter]])
}

// Step is one decision of a rule: a project funded or skipped, or the
// reason the rule stopped.
//
// The zero value is not a step.
type Step struct {
	kind      StepKind
	project   int
	method    Method
	remaining decimal.Decimal
	rho       *big.Rat
	load      *big.Rat
	payments  []Payment
}

// Kind returns what happened at the step.
func (s Step) Kind() StepKind { return s.kind }

// Project returns the position of the project the step concerns.
func (s Step) Project() int { return s.project }

// Method returns the method that took the step: [MethodGreedy] for a greedy
// completion after the Method of Equal Shares.
func (s Step) Method() Method { return s.method }

// Remaining returns what was left of the budget after the step.
func (s Step) Remaining() decimal.Decimal { return s.remaining }

// Rho returns, for a project the Method of Equal Shares funded, the exact ρ
// at which it was bought: each supporter i paid min(b_i, ρ·u_i). Nil unless
// the rule was built [WithTrace], or for other steps.
func (s Step) Rho() *big.Rat {
	if s.rho == nil {
		return nil
	}
	return new(big.Rat).Set(s.rho)
}

// Load returns, for a project Phragmén funded, the exact load ℓ its
// approvers carried afterwards. Nil unless the rule was built [WithTrace],
// or for other steps.
func (s Step) Load() *big.Rat {
	if s.load == nil {
		return nil
	}
	return new(big.Rat).Set(s.load)
}

// Payments returns, for a project the Method of Equal Shares funded, what
// each group of its supporters paid, one [Payment] per group of voters who
// held the same budget and gained the same utility. Nil unless the rule was
// built [WithTrace]. The amounts are copies the caller may change.
func (s Step) Payments() []Payment {
	if s.payments == nil {
		return nil
	}
	out := make([]Payment, len(s.payments))
	for i, p := range s.payments {
		out[i] = Payment{Voters: p.Voters, Before: new(big.Rat).Set(p.Before),
			Paid: new(big.Rat).Set(p.Paid), After: new(big.Rat).Set(p.After)}
	}
	return out
}

// Payment is what a group of supporters paid for a project under the Method
// of Equal Shares. Amounts are exact, in currency units.
type Payment struct {
	// Voters is the number of voters in the group.
	Voters int64
	// Before is what each of them held before paying.
	Before *big.Rat
	// Paid is what each of them paid: min(Before, ρ·utility).
	Paid *big.Rat
	// After is what each of them held afterwards.
	After *big.Rat
}
