package budgeting_test

import (
	"context"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// mustParse reads an election from .pb text.
func mustParse(t testing.TB, text string) *budgeting.Election {
	t.Helper()
	e, err := budgeting.Parse([]byte(text))
	require.NoError(t, err)
	return e
}

// mustRule returns the rule with the given name.
func mustRule(t testing.TB, name string, opts ...budgeting.Option) budgeting.Rule {
	t.Helper()
	r, err := budgeting.RuleByName(name)
	require.NoError(t, err)
	if len(opts) > 0 {
		r, err = budgeting.NewRule(r.Method(), append(ruleOptions(r), opts...)...)
		require.NoError(t, err)
	}
	return r
}

// ruleOptions returns the options that rebuild r.
func ruleOptions(r budgeting.Rule) []budgeting.Option {
	var opts []budgeting.Option
	if r.Method() != budgeting.MethodPhragmen {
		opts = append(opts, budgeting.WithUtility(r.Utility()), budgeting.WithCompletion(r.Completion()))
	}
	if r.GreedyCompletion() {
		opts = append(opts, budgeting.WithGreedyCompletion())
	}
	return opts
}

// run applies the named rule and returns the funded IDs in order.
func run(t testing.TB, e *budgeting.Election, name string) []string {
	t.Helper()
	res, err := mustRule(t, name).Run(context.Background(), e)
	require.NoError(t, err)
	return res.SelectedIDs()
}

// Instance A: approval ballots with ties everywhere. Budget 10, five
// voters, so each starts with 2 under equal shares.
//
//	a costs 6, approved by v1 v2 v3 (3 approvals)
//	b costs 4, approved by v1 v2    (2)
//	c costs 4, approved by v3 v4    (2)
//	d costs 3, approved by v4 v5    (2)
const instanceA = `META
key;value
budget;10
vote_type;approval
PROJECTS
project_id;cost
a;6
b;4
c;4
d;3
VOTES
voter_id;vote
v1;a,b
v2;a,b
v3;a,c
v4;c,d
v5;d
`

// Instance C: equal shares leaves money unspent. Budget 10, two voters
// (5 each).
//
//	p costs 6, approved by v1
//	q costs 6, approved by v2
//	r costs 2, approved by v1
const instanceC = `META
key;value
budget;10
vote_type;approval
PROJECTS
project_id;cost
p;6
q;6
r;2
VOTES
voter_id;vote
v1;p,r
v2;q
`

// Instance F: Phragmén stops on a tie it cannot afford. Budget 10.
//
//	a costs 4, approved by v1          ℓ = 4/1
//	b costs 8, approved by v2 v3       ℓ = 8/2
//	c costs 6, approved by v4 v5 v6    ℓ = 6/3
const instanceF = `META
key;value
budget;10
vote_type;approval
PROJECTS
project_id;cost
a;4
b;8
c;6
VOTES
voter_id;vote
v1;a
v2;b
v3;b
v4;c
v5;c
v6;c
`

// Instance G: projects nobody approves. Budget 10.
//
//	a costs 2, approved by v1
//	b costs 9, approved by nobody
//	c costs 3, approved by nobody
const instanceG = `META
key;value
budget;10
vote_type;approval
PROJECTS
project_id;cost
a;2
b;9
c;3
VOTES
voter_id;vote
v1;a
`

// Instance H: a free project. Budget 4, two voters (2 each).
//
//	z costs 0, approved by v1
//	y costs 4, approved by v1 v2
const instanceH = `META
key;value
budget;4
vote_type;approval
PROJECTS
project_id;cost
y;4
z;0
VOTES
voter_id;vote
v1;y,z
v2;y
`

// Instance I: cumulative ballots. Budget 6, two voters (3 each).
//
//	v1 gives a 3 points and b 1; v2 gives b 2.
const instanceI = `META
key;value
budget;6
vote_type;cumulative
PROJECTS
project_id;cost
a;4
b;4
VOTES
voter_id;vote;points
v1;a,b;3,1
v2;b;2
`

// Instance J: ordinal ballots, Borda utilities (length − position − 1).
// Budget 5, three voters (5/3 each).
//
//	v1 ranks a > b > c: a 2, b 1, c 0
//	v2 ranks b > a:     b 1, a 0
//	v3 ranks c:         c 0
const instanceJ = `META
key;value
budget;5
vote_type;ordinal
PROJECTS
project_id;cost
a;3
b;3
c;2
VOTES
voter_id;vote
v1;a,b,c
v2;b,a
v3;c
`

func TestKnownAnswers(t *testing.T) {
	tests := []struct {
		name, instance, rule string
		want                 []string
	}{
		// greedy_cost on A orders by approvals: a (3), then b, c, d (2 each,
		// by ID). a fits (left 4), b fits (left 0), c and d do not.
		{"A greedy_cost", instanceA, "greedy_cost", []string{"a", "b"}},
		// greedy_card on A orders by approvals per cost: d 2/3, then a 3/6,
		// b 2/4, c 2/4 tied at 1/2 (by ID). d (left 7), a (left 1), b and c
		// do not fit.
		{"A greedy_card", instanceA, "greedy_card", []string{"d", "a"}},
		// mes_cost on A: ρ(a) = 2/6 (three supporters pay 2 each), ρ(b) =
		// ρ(c) = 2/4, ρ(d) = 1.5/3. a first; v1–v3 are then broke, so b
		// (v1 v2: 0) and c (v3 0 + v4 2 < 4) are dropped; d is bought by v4
		// and v5 at 1.5 each.
		{"A mes_cost", instanceA, "mes_cost", []string{"a", "d"}},
		// mes_card on A: ρ is the price per supporter: a 6/3 = 2, b 4/2 = 2,
		// c 2, d 3/2. d first (v4 v5 keep 0.5). Then a and b tie at 2: a by
		// ID; v1–v3 are broke, b is dropped, c (2 + 0.5 < 4) too.
		{"A mes_card", instanceA, "mes_card", []string{"d", "a"}},
		// mes_cost_greedy on A: the MES outcome (cost 9) is exhaustive: b and
		// c (4) do not fit in 1.
		{"A mes_cost_greedy", instanceA, "mes_cost_greedy", []string{"a", "d"}},
		// phragmen on A: ℓ = c/approvals: a 2, b 2, c 2, d 1.5. d first (v4
		// v5 load 1.5). Then a (0+0+0+6)/3 = 2 and b (0+0+4)/2 = 2 tie, c
		// (0+1.5+4)/2 = 2.75; a and b both fit in 7: a by ID (v1–v3 load 2,
		// left 1). Then b (2+2+4)/2 = 4, c (2+1.5+4)/2 = 3.75: c does not
		// fit in 1, stop.
		{"A phragmen", instanceA, "phragmen", []string{"d", "a"}},

		// mes_cost on C: p and q need 6 from one voter holding 5: dropped.
		// r: v1 pays 2 (ρ = 2/2). 8 of 10 unspent.
		{"C mes_cost", instanceC, "mes_cost", []string{"r"}},
		// mes_cost_greedy on C: greedy from what remains (8): p and q tie at
		// 1 approval, p by ID fits (left 2), q does not.
		{"C mes_cost_greedy", instanceC, "mes_cost_greedy", []string{"r", "p"}},
		// mes_cost_add1 on C: with 5 each the outcome {r} is not exhaustive
		// (p fits in 8). With 6 each p, q and r all have ρ = 1: p, then q
		// (v2 6), r dropped (v1 broke): {p, q} costs 12 > 10, so the
		// previous outcome {r} stands.
		{"C mes_cost_add1", instanceC, "mes_cost_add1", []string{"r"}},
		// mes_cost_add1_greedy on C: {r}, then greedy adds p.
		{"C mes_cost_add1_greedy", instanceC, "mes_cost_add1_greedy", []string{"r", "p"}},
		// mes_cost_exh1pct on C: the budget grows 1 % a step; while each
		// voter holds less than 6 the outcome is {r}; at B' = 12 (6 each) it
		// is {p, q}, which overspends: {r} stands.
		{"C mes_cost_exh1pct", instanceC, "mes_cost_exh1pct", []string{"r"}},
		// phragmen on C: ℓ: p 6, q 6, r 2. r (v1 load 2); then p (2+6)/1 =
		// 8, q 6: q fits in 8 (left 2); then p costs 6 > 2: stop.
		{"C phragmen", instanceC, "phragmen", []string{"r", "q"}},

		// phragmen on F: c (ℓ 2) first, left 4; then a and b tie at 4 and b
		// (8) does not fit: stop, although a would.
		{"F phragmen", instanceF, "phragmen", []string{"c"}},
		// greedy_cost on F: c (3 approvals, left 4), b (8) skipped, a (4)
		// fits.
		{"F greedy_cost", instanceF, "greedy_cost", []string{"c", "a"}},

		// phragmen on G: a (ℓ 2, left 8); then b and c tie at +∞ and b (9)
		// does not fit: stop.
		{"G phragmen", instanceG, "phragmen", []string{"a"}},
		// greedy_cost on G: a (1 approval), then b and c at 0 by ID: b (9)
		// skipped, c fits.
		{"G greedy_cost", instanceG, "greedy_cost", []string{"a", "c"}},

		// mes_card on H: z has U = 1 and costs 0: funded at once. y: each
		// pays 2 (ρ = 2).
		{"H mes_card", instanceH, "mes_card", []string{"z", "y"}},
		// mes_cost on H: under the cost family z's utility is its cost, 0:
		// U(z) = 0, not a candidate.
		{"H mes_cost", instanceH, "mes_cost", []string{"y"}},
		// greedy_card on H: z is +∞ (U > 0, cost 0), then y.
		{"H greedy_card", instanceH, "greedy_card", []string{"z", "y"}},
		// greedy_cost on H: y (2 approvals), then z at U = 0, which fits.
		{"H greedy_cost", instanceH, "greedy_cost", []string{"y", "z"}},

		// mes_cost on I: a's only supporter holds 3 < 4: dropped. b: the
		// smallest ρ with min(3, ρ·1) + min(3, ρ·2) = 4 is 4/3 (v2 pays 8/3
		// ≤ 3). Then a is still unaffordable.
		{"I mes_cost", instanceI, "mes_cost", []string{"b"}},
		// greedy_cost on I: U(a) = 3, U(b) = 1 + 2 = 3, both cost 4: a by ID
		// (left 2), b does not fit.
		{"I greedy_cost", instanceI, "greedy_cost", []string{"a"}},
		// greedy_card on I: U(a)/c = 1/4, U(b)/c = 2/4: b, then a does not
		// fit.
		{"I greedy_card", instanceI, "greedy_card", []string{"b"}},

		// mes_cost on J: supporters have u > 0: a only v1 (2), b v1 and v2
		// (1 each), c nobody. a: v1 holds 5/3 < 3, dropped. b: each pays 3/2
		// ≤ 5/3.
		{"J mes_cost", instanceJ, "mes_cost", []string{"b"}},
		// greedy_cost on J: U(a) = 2 + 0, U(b) = 1 + 1, both /3; U(c) = 0. a
		// (left 2), b skipped, c (0 but a candidate) fits.
		{"J greedy_cost", instanceJ, "greedy_cost", []string{"a", "c"}},
		// greedy_card on J: every listed project counts 1: a 2/3, b 2/3,
		// c 2/2. c (left 3), a (left 0), b skipped.
		{"J greedy_card", instanceJ, "greedy_card", []string{"c", "a"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, run(t, mustParse(t, tc.instance), tc.rule))
		})
	}
}

func TestCompletionRuns(t *testing.T) {
	e := mustParse(t, instanceC)
	tests := []struct {
		rule string
		runs int
		// per-voter budget of the kept run, in currency units
		perVoter *big.Rat
	}{
		// B/n = 5, one run.
		{"mes_cost", 1, big.NewRat(5, 1)},
		// 5 (kept), then 6 (overspends).
		{"mes_cost_add1", 2, big.NewRat(5, 1)},
		// B' = 10, 10.1, …, 11.9 (kept, 5.95 each), 12 (overspends): 21 runs.
		{"mes_cost_exh1pct", 21, big.NewRat(119, 20)},
	}
	for _, tc := range tests {
		t.Run(tc.rule, func(t *testing.T) {
			res, err := mustRule(t, tc.rule).Run(context.Background(), e)
			require.NoError(t, err)
			assert.Equal(t, tc.runs, res.Runs())
			assert.Equal(t, 0, tc.perVoter.Cmp(res.VoterBudget()), "voter budget %s", res.VoterBudget())
		})
	}
}

func TestTraceEqualShares(t *testing.T) {
	// Instance I under mes_cost: b is bought at ρ = 4/3. v1 (utility 1)
	// pays 4/3 of her 3 and keeps 5/3; v2 (utility 2) pays 8/3 and keeps
	// 1/3.
	res, err := mustRule(t, "mes_cost", budgeting.WithTrace()).Run(context.Background(), mustParse(t, instanceI))
	require.NoError(t, err)
	steps := res.Steps()
	require.Len(t, steps, 1)
	s := steps[0]
	assert.Equal(t, budgeting.StepKindFunded, s.Kind())
	assert.Equal(t, budgeting.MethodEqualShares, s.Method())
	assert.Equal(t, 1, s.Project())
	assert.Equal(t, "2", s.Remaining().String())
	assert.Equal(t, "4/3", s.Rho().RatString())
	pays := s.Payments()
	require.Len(t, pays, 2)
	got := [][4]string{}
	for _, p := range pays {
		got = append(got, [4]string{big.NewRat(p.Voters, 1).RatString(), p.Before.RatString(), p.Paid.RatString(), p.After.RatString()})
	}
	assert.Equal(t, [][4]string{{"1", "3", "4/3", "5/3"}, {"1", "3", "8/3", "1/3"}}, got)
	// At the end v1 holds 5/3 and v2 1/3: a (cost 4) is out of v1's reach.
	assert.Equal(t, "5/3", res.Remaining(0).RatString())
	assert.Equal(t, "1/3", res.Remaining(1).RatString())
}

func TestTraceEqualSharesCapped(t *testing.T) {
	// Instance A under mes_card: d first at ρ = 3/2 (v4, v5 pay 1.5 of 2).
	// Round 2 buys a at ρ = 2: v1 v2 (one group) and v3 pay all they hold.
	res, err := mustRule(t, "mes_card", budgeting.WithTrace()).Run(context.Background(), mustParse(t, instanceA))
	require.NoError(t, err)
	steps := res.Steps()
	require.Len(t, steps, 2)
	assert.Equal(t, "3/2", steps[0].Rho().RatString())
	assert.Equal(t, "2", steps[1].Rho().RatString())
	var voters int64
	for _, p := range steps[1].Payments() {
		voters += p.Voters
		assert.Equal(t, "2", p.Paid.RatString())
		assert.Equal(t, "0", p.After.RatString())
	}
	assert.Equal(t, int64(3), voters)
	// Without WithTrace the figures are not computed.
	plain, err := mustRule(t, "mes_card").Run(context.Background(), mustParse(t, instanceA))
	require.NoError(t, err)
	assert.Nil(t, plain.Steps()[0].Rho())
	assert.Nil(t, plain.Steps()[0].Payments())
	assert.Nil(t, plain.Remaining(0))
	// Traced: v1–v3 spent all on a, v4 and v5 keep 0.5 each.
	for v, want := range []string{"0", "0", "0", "1/2", "1/2"} {
		assert.Equal(t, want, res.Remaining(v).RatString(), "voter %d", v)
	}
}

func TestTracePhragmen(t *testing.T) {
	// Instance C: r at load 2, q at load 6, then p (6) does not fit in 2.
	res, err := mustRule(t, "phragmen", budgeting.WithTrace()).Run(context.Background(), mustParse(t, instanceC))
	require.NoError(t, err)
	steps := res.Steps()
	require.Len(t, steps, 3)
	assert.Equal(t, "2", steps[0].Load().RatString())
	assert.Equal(t, "6", steps[1].Load().RatString())
	assert.Equal(t, budgeting.StepKindStopped, steps[2].Kind())
	assert.Equal(t, 0, steps[2].Project()) // p
	assert.Nil(t, steps[2].Load())
	assert.Equal(t, "2", steps[2].Remaining().String())
}

func TestGreedySteps(t *testing.T) {
	// greedy_cost on F: c funded (left 4), b skipped, a funded (left 0).
	res, err := mustRule(t, "greedy_cost").Run(context.Background(), mustParse(t, instanceF))
	require.NoError(t, err)
	var got []string
	for _, s := range res.Steps() {
		got = append(got, s.Kind().String()+" "+res.Election().Instance().ProjectID(s.Project())+" "+s.Remaining().String())
	}
	assert.Equal(t, []string{"funded c 4", "skipped b 4", "funded a 0"}, got)
	assert.Equal(t, "10", res.Cost().String())
	assert.True(t, res.Funded(0))
	assert.False(t, res.Funded(1))
	assert.Equal(t, []int{2, 0}, res.Selected())
	assert.Equal(t, 0, res.Runs())
	assert.Nil(t, res.VoterBudget())
}
