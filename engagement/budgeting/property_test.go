package budgeting_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// randomElection builds a small election designed to be full of ties:
// few distinct costs, few voters, IDs that sort differently as strings and
// as numbers ("10" < "9").
func randomElection(t testing.TB, rng *rand.Rand) *budgeting.Election {
	t.Helper()
	pool := []string{"1", "2", "9", "10", "a", "B", "b", "x1"}
	rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	costs := []string{"0", "1", "2", "2", "3", "4", "4", "5", "6", "10", "2.5"}
	nP := 1 + rng.IntN(6)
	projects := make([]budgeting.Project, nP)
	for i := range projects {
		projects[i] = budgeting.Project{ID: pool[i], Cost: decimal.RequireFromString(costs[rng.IntN(len(costs))])}
	}
	types := []budgeting.VoteType{budgeting.VoteTypeApproval, budgeting.VoteTypeApproval, budgeting.VoteTypeChooseOne,
		budgeting.VoteTypeCumulative, budgeting.VoteTypeScoring, budgeting.VoteTypeOrdinal}
	vt := types[rng.IntN(len(types))]
	inst, err := budgeting.NewInstance(decimal.NewFromInt(int64(rng.IntN(21))), vt, projects)
	require.NoError(t, err)
	nV := rng.IntN(8)
	votes := make([]budgeting.Vote, nV)
	for v := range votes {
		votes[v].VoterID = fmt.Sprint("v", v)
		for _, i := range rng.Perm(nP)[:rng.IntN(nP+1)] {
			if vt == budgeting.VoteTypeChooseOne && len(votes[v].Projects) == 1 {
				break
			}
			votes[v].Projects = append(votes[v].Projects, projects[i].ID)
			if vt == budgeting.VoteTypeCumulative || vt == budgeting.VoteTypeScoring {
				votes[v].Points = append(votes[v].Points, decimal.NewFromInt(int64(rng.IntN(4))))
			}
		}
		if (vt == budgeting.VoteTypeCumulative || vt == budgeting.VoteTypeScoring) && votes[v].Points == nil {
			votes[v].Points = []decimal.Decimal{}
		}
	}
	e, err := budgeting.NewElection(inst, votes)
	require.NoError(t, err)
	if vt != budgeting.VoteTypeOrdinal && nP < len(pool) && rng.IntN(2) == 0 {
		e = withTwin(t, e, rng.IntN(nP), pool[nP])
	}
	return e
}

// withTwin adds a copy of project i under the ID twin: same cost, and every
// ballot that lists i lists the twin too, with the same points. The two
// then tie in every round of every rule, after any history of payments,
// which forces the exact comparisons.
func withTwin(t testing.TB, e *budgeting.Election, i int, twin string) *budgeting.Election {
	t.Helper()
	in, pr := e.Instance(), e.Profile()
	var projects []budgeting.Project
	for _, p := range in.Projects() {
		projects = append(projects, p)
	}
	orig := projects[i]
	projects = append(projects, budgeting.Project{ID: twin, Cost: orig.Cost})
	inst, err := budgeting.NewInstance(in.Budget(), in.VoteType(), projects)
	require.NoError(t, err)
	votes := make([]budgeting.Vote, pr.Len())
	for v, voter := range pr.Voters() {
		votes[v].VoterID = voter.ID()
		b := voter.Ballot()
		for k, p := range b.Projects() {
			votes[v].Projects = append(votes[v].Projects, in.ProjectID(p))
			if in.VoteType() == budgeting.VoteTypeCumulative || in.VoteType() == budgeting.VoteTypeScoring {
				votes[v].Points = append(votes[v].Points, b.Points(k))
			}
			if p == i && in.VoteType() != budgeting.VoteTypeChooseOne {
				votes[v].Projects = append(votes[v].Projects, twin)
				if in.VoteType() == budgeting.VoteTypeCumulative || in.VoteType() == budgeting.VoteTypeScoring {
					votes[v].Points = append(votes[v].Points, b.Points(k))
				}
			}
		}
		if (in.VoteType() == budgeting.VoteTypeCumulative || in.VoteType() == budgeting.VoteTypeScoring) && votes[v].Points == nil {
			votes[v].Points = []decimal.Decimal{}
		}
	}
	twinned, err := budgeting.NewElection(inst, votes)
	require.NoError(t, err)
	return twinned
}

// TestRulesAgreeWithOracle holds every rule to the straightforward exact
// implementation of oracle_test.go on random small elections.
func TestRulesAgreeWithOracle(t *testing.T) {
	names := append(budgeting.ReferenceRules(), "mes_card_greedy", "mes_card_add1", "mes_card_exh1pct_greedy", "mes_cost_exh1pct_greedy")
	rng := rand.New(rand.NewPCG(1, 2))
	// 3,000 elections agree too (about 40 s); a few hundred keep the
	// package's tests fast.
	elections := 400
	if testing.Short() || raceEnabled {
		elections = 100
	}
	for range elections {
		e := randomElection(t, rng)
		o := newOracle(e)
		for _, name := range names {
			r, err := budgeting.RuleByName(name)
			require.NoError(t, err)
			res, err := r.Run(context.Background(), e)
			if r.Method() == budgeting.MethodPhragmen && e.Instance().VoteType() != budgeting.VoteTypeApproval && e.Instance().VoteType() != budgeting.VoteTypeChooseOne {
				require.ErrorIs(t, err, budgeting.ErrUnsupported)
				continue
			}
			require.NoError(t, err)
			want := o.run(r)
			if !assert.Equal(t, want, res.Selected(), "%s on\n%s", name, dump(t, e)) {
				return
			}
		}
	}
}

// dump returns the election as a .pb file, for failure messages.
func dump(t testing.TB, e *budgeting.Election) string {
	t.Helper()
	var sb strings.Builder
	_, err := e.WriteTo(&sb)
	require.NoError(t, err)
	return sb.String()
}
