package budgeting_test

import (
	"context"
	"fmt"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// Instance K: ties that only exact arithmetic settles, after a round in
// which a supporter pays all she has. Budget 39, thirteen voters with 3
// each, card utility (ρ is the price per supporter).
//
//	p1 costs 2,    supported by v1                 ρ = 2
//	p2 costs 6,    supported by v1 v2 v3           ρ = 6/3 = 2
//	t1 costs 15.5, supported by v2 and w1 … w5     ρ = 15.5/6 ≈ 2.58
//	t2 costs 15.5, supported by v3 and x1 … x5     ρ ≈ 2.58
//
// Round 1: p1 and p2 tie at 2, p1 by ID; v1 keeps 1. Round 2: p2 needs 6
// from v1 (1), v2 (3), v3 (3): 2 each is more than v1 has, so v1 pays her 1
// and v2, v3 pay 2.5 (ρ = 2.5), keeping 0.5. Round 3: t1's supporters hold
// 0.5 + 5·3 = 15.5, exactly its cost, so v2 pays 0.5 and the others 3
// (ρ = 3); t2 is the same: a tie, t1 by ID. Round 4: t2 at ρ = 3.
// Everything is spent.
const instanceK = `META
key;value
budget;39
vote_type;approval
PROJECTS
project_id;cost
p1;2
p2;6
t1;15.5
t2;15.5
VOTES
voter_id;vote
v1;p1,p2
v2;p2,t1
v3;p2,t2
w1;t1
w2;t1
w3;t1
w4;t1
w5;t1
x1;t2
x2;t2
x3;t2
x4;t2
x5;t2
`

func TestExactTiesAfterCapping(t *testing.T) {
	res, err := mustRule(t, "mes_card", budgeting.WithTrace()).Run(context.Background(), mustParse(t, instanceK))
	require.NoError(t, err)
	assert.Equal(t, []string{"p1", "p2", "t1", "t2"}, res.SelectedIDs())
	assert.Equal(t, "39", res.Cost().String())
	steps := res.Steps()
	require.Len(t, steps, 4)
	var rhos []string
	for _, s := range steps {
		rhos = append(rhos, s.Rho().RatString())
	}
	assert.Equal(t, []string{"2", "5/2", "3", "3"}, rhos)
	// Round 2: v1 pays all she holds; v2 and v3, one budget class, pay 2.5.
	var pays []string
	for _, p := range steps[1].Payments() {
		pays = append(pays, fmt.Sprintf("%d×(%s−%s=%s)", p.Voters, p.Before.RatString(), p.Paid.RatString(), p.After.RatString()))
	}
	assert.Equal(t, []string{"1×(1−1=0)", "2×(3−5/2=1/2)"}, pays)
}

// Instance L: two values of ρ one part in 10^16 apart, closer than float64
// can tell. mes_card on four voters with 2^53 + 1 each.
//
//	a costs 3·2^53 + 1, supported by v1 v2 v3   ρ = 2^53 + 1/3
//	b costs 2^53,       supported by v4         ρ = 2^53
//
// b has the smaller ρ although a comes first by ID; then a is still
// affordable (3·2^53 + 3 ≥ 3·2^53 + 1).
var instanceL = fmt.Sprintf(`META
key;value
budget;%d
vote_type;approval
PROJECTS
project_id;cost
a;%d
b;%d
VOTES
voter_id;vote
v1;a
v2;a
v3;a
v4;b
`, 4*(1<<53+1), 3*(1<<53)+1, 1<<53)

func TestExactNearTie(t *testing.T) {
	e := mustParse(t, instanceL)
	assert.Equal(t, []string{"b", "a"}, run(t, e, "mes_card"))
	// Phragmén's loads are the same figures: ℓ(a) = (3·2^53 + 1)/3 > ℓ(b).
	assert.Equal(t, []string{"b", "a"}, run(t, e, "phragmen"))
	res, err := mustRule(t, "phragmen", budgeting.WithTrace()).Run(context.Background(), e)
	require.NoError(t, err)
	assert.Equal(t, big.NewRat(1<<53, 1).RatString(), res.Steps()[0].Load().RatString())
}

// Instance M: supporters who hold a third of a currency unit less than the
// cost, at magnitudes where float64 cannot see a third. Three voters with
// (3·2^53 + 1)/3 = 2^53 + 1/3 each; z costs 2^53 + 1 and only v1 supports
// it: unaffordable under equal shares, funded by greedy.
var instanceM = fmt.Sprintf(`META
key;value
budget;%d
vote_type;approval
PROJECTS
project_id;cost
z;%d
VOTES
voter_id;vote
v1;z
v2;
v3;
`, 3*(1<<53)+1, 1<<53+1)

func TestExactUnaffordable(t *testing.T) {
	e := mustParse(t, instanceM)
	assert.Empty(t, run(t, e, "mes_card"))
	assert.Empty(t, run(t, e, "mes_cost"))
	assert.Equal(t, []string{"z"}, run(t, e, "greedy_cost"))
}

func TestGreedyHugeUtilities(t *testing.T) {
	// Under the cost family U(p) = c(p)·approvals: 2^62·4 does not fit in
	// 64 bits and is compared exactly all the same. big (ratio 4) comes
	// first but does not fit in 1; small (ratio 1) does.
	e := mustParse(t, fmt.Sprintf("META\nkey;value\nbudget;1\nvote_type;approval\nPROJECTS\nproject_id;cost\n"+
		"small;1\nbig;%d\nVOTES\nvoter_id;vote\n1;big\n2;big\n3;big\n4;big,small\n", 1<<62))
	res, err := mustRule(t, "greedy_cost").Run(context.Background(), e)
	require.NoError(t, err)
	assert.Equal(t, []string{"small"}, res.SelectedIDs())
	steps := res.Steps()
	require.Len(t, steps, 2)
	assert.Equal(t, budgeting.StepKindSkipped, steps[0].Kind())
	assert.Equal(t, "big", e.Instance().ProjectID(steps[0].Project()))
}

func TestTraceUnits(t *testing.T) {
	// ρ is reported in the units of the package documentation: payment = ρ·u_i(p), payments
	// in currency, utilities in the file's units.
	tests := []struct {
		name, instance, rule string
		rho                  []string
	}{
		// Instance A, cost utility: a is bought by three voters paying 2 of
		// its 6: ρ = 2/6; d by two paying 1.5 of its 3.
		{"approval cost", instanceA, "mes_cost", []string{"1/3", "1/2"}},
		// Instance J, Borda utility: b is bought by v1 and v2, each with
		// utility 1 paying 3/2.
		{"ordinal cost", instanceJ, "mes_cost", []string{"3/2"}},
		// Decimal costs (scaled by 10 inside): x costs 2.5, two supporters
		// pay 1.25 each: ρ = 1.25/2.5 under cost, 1.25 under card.
		{"decimal cost", "META\nkey;value\nbudget;5\nvote_type;approval\nPROJECTS\nproject_id;cost\nx;2.5\nVOTES\nvoter_id;vote\n1;x\n2;x\n", "mes_cost", []string{"1/2"}},
		{"decimal card", "META\nkey;value\nbudget;5\nvote_type;approval\nPROJECTS\nproject_id;cost\nx;2.5\nVOTES\nvoter_id;vote\n1;x\n2;x\n", "mes_card", []string{"5/4"}},
		// Decimal points: v1 gives 0.5 and v2 1.5 to x (cost 2, 2 each):
		// min(2, ρ·0.5) + min(2, ρ·1.5) = 2 at ρ = 1.
		{"decimal points", "META\nkey;value\nbudget;4\nvote_type;scoring\nPROJECTS\nproject_id;cost\nx;2\nVOTES\nvoter_id;vote;points\n1;x;0.5\n2;x;1.5\n", "mes_cost", []string{"1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := mustRule(t, tc.rule, budgeting.WithTrace()).Run(context.Background(), mustParse(t, tc.instance))
			require.NoError(t, err)
			var got []string
			for _, s := range res.Steps() {
				got = append(got, s.Rho().RatString())
			}
			assert.Equal(t, tc.rho, got)
			assert.True(t, res.Rule().Traced())
		})
	}
}
