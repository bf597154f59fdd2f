package budgeting_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/civitas-go/civitas/metrics"
)

// readPB parses .pb text that the test knows to be valid.
func readPB(t testing.TB, text string) *budgeting.Election {
	t.Helper()
	e, err := budgeting.Parse([]byte(text))
	require.NoError(t, err)
	return e
}

// runNamed runs the rule of the given name on e, with the trace when
// traced is set.
func runNamed(t testing.TB, e *budgeting.Election, name string, traced bool) *budgeting.Result {
	t.Helper()
	r, err := budgeting.RuleByName(name)
	require.NoError(t, err)
	if traced {
		opts := []budgeting.Option{budgeting.WithTrace()}
		if r.Method() != budgeting.MethodPhragmen {
			opts = append(opts, budgeting.WithUtility(r.Utility()), budgeting.WithCompletion(r.Completion()))
		}
		if r.GreedyCompletion() {
			opts = append(opts, budgeting.WithGreedyCompletion())
		}
		r, err = budgeting.NewRule(r.Method(), opts...)
		require.NoError(t, err)
	}
	res, err := r.Run(context.Background(), e)
	require.NoError(t, err)
	return res
}

// explainNamed runs the named rule on e and explains its result.
func explainNamed(t testing.TB, e *budgeting.Election, name string) *budgeting.Explanation {
	t.Helper()
	x, err := budgeting.Explain(runNamed(t, e, name, false))
	require.NoError(t, err)
	return x
}

// frac returns the fraction s ("1/3"), which the test knows to be valid.
func frac(t testing.TB, s string) *budgeting.Fraction {
	t.Helper()
	f, err := budgeting.ParseFraction(s)
	require.NoError(t, err)
	return &f
}

// assertFrac checks that f is the fraction want ("" for nil).
func assertFrac(t *testing.T, want string, f *budgeting.Fraction, msg string) {
	t.Helper()
	if want == "" {
		assert.Nil(t, f, msg)
		return
	}
	if assert.NotNil(t, f, msg) {
		assert.Equal(t, want, f.String(), msg)
	}
}

// Instance G: greedy skips. Budget 10, five voters.
//
//	a costs 6, approved by v1 v2 v3 (3 votes)
//	b costs 4, approved by v1 v4    (2)
//	c costs 5, approved by v2 v4 v5 (3)
//	d costs 3, approved by v3       (1)
const instanceGreedy = `META
key;value
budget;10
vote_type;approval
currency;EUR
PROJECTS
project_id;cost;name
a;6;Playground
b;4;Bench
c;5;Trees
d;3;Fountain
VOTES
voter_id;vote
v1;a,b
v2;a,c
v3;a,d
v4;b,c
v5;c
`

func TestExplainGreedy(t *testing.T) {
	// greedy_cost orders by votes: a (3) and c (3), a first by ID; then b
	// (2), d (1). a fits 6 ≤ 10 (4 left); c 5 > 4 is skipped; b 4 ≤ 4 fits
	// (0 left); d 3 > 0 is skipped.
	x := explainNamed(t, readPB(t, instanceGreedy), "greedy_cost")
	require.NoError(t, x.Validate())
	want := []struct {
		project, before, after string
		kind                   budgeting.StepKind
		votes                  int64
	}{
		{"a", "10", "4", budgeting.StepKindFunded, 3},
		{"c", "4", "4", budgeting.StepKindSkipped, 3},
		{"b", "4", "0", budgeting.StepKindFunded, 2},
		{"d", "0", "0", budgeting.StepKindSkipped, 1},
	}
	require.Len(t, x.Rounds, len(want))
	for i, w := range want {
		rd := x.Rounds[i]
		assert.Equal(t, i+1, rd.Number)
		assert.Equal(t, budgeting.MethodGreedy, rd.Method)
		assert.Equal(t, w.project, rd.Project)
		assert.Equal(t, w.kind, rd.Kind, w.project)
		assert.True(t, rd.Before.Equal(decimalOf(w.before)), "%s before %s", w.project, rd.Before)
		assert.True(t, rd.After.Equal(decimalOf(w.after)), "%s after %s", w.project, rd.After)
		assert.Equal(t, w.votes, rd.Votes)
		// With approval ballots and cost utility the score is the votes.
		assertFrac(t, decimal.NewFromInt(w.votes).String(), rd.Score, w.project)
		assert.Nil(t, rd.Rho)
		assert.Nil(t, rd.Load)
	}
	require.Len(t, x.Unfunded, 2)
	for i, w := range []struct {
		project, remaining string
		round              int
	}{{"c", "4", 2}, {"d", "0", 4}} {
		u := x.Unfunded[i]
		assert.Equal(t, w.project, u.Project)
		require.Len(t, u.Reasons, 1)
		r := u.Reasons[0]
		assert.Equal(t, budgeting.ReasonKindDidNotFit, r.Kind)
		assert.Equal(t, budgeting.MethodGreedy, r.Method)
		assert.Equal(t, w.round, r.Round)
		require.NotNil(t, r.Remaining)
		assert.True(t, r.Remaining.Equal(decimalOf(w.remaining)))
	}
	assert.Equal(t, "EUR", x.Currency)
	assert.True(t, x.Spent.Equal(decimalOf("10")))
	assert.Nil(t, x.VoterBudget)

	// greedy_card: the score is votes per unit of cost: a 3/6 = 1/2,
	// b 2/4 = 1/2, c 3/5, d 1/3. Order c, a, b, d: c fits (5 left), a 6 > 5
	// is skipped, b fits (1 left), d 3 > 1 is skipped.
	x = explainNamed(t, readPB(t, instanceGreedy), "greedy_card")
	var order, scores []string
	for _, rd := range x.Rounds {
		order = append(order, rd.Project+" "+rd.Kind.String())
		scores = append(scores, rd.Score.String())
	}
	assert.Equal(t, []string{"c funded", "a skipped", "b funded", "d skipped"}, order)
	assert.Equal(t, []string{"3/5", "1/2", "1/2", "1/3"}, scores)
}

func TestExplainEqualShares(t *testing.T) {
	// The street of example_explain_test.go, as in ExampleNewRule: budget
	// 10, five voters. Round 1, every voter holds 2. ρ of each candidate, with u = cost:
	// pool 6 / 3 supporters = 2 each = ρ·6, ρ = 1/3; library 4 / 2 = 2 =
	// ρ·4, ρ = 1/2; lights likewise 1/2; trees 3 / 2 = 3/2 = ρ·3, ρ = 1/2.
	// Pool wins; anna, ben and chen pay 2 and keep 0. Then library's
	// supporters hold 0 < 4 and lights' 0 + 2 = 2 < 4: both were outbid by
	// pool in round 1. Round 2: trees at ρ = 1/2, dara and eli paying 3/2
	// of their 2 and keeping 1/2; 10 − 6 − 3 = 1 is left.
	x := explainNamed(t, readPB(t, street), "mes_cost")
	require.NoError(t, x.Validate())
	assertFrac(t, "2", x.VoterBudget, "voter budget")
	assert.Equal(t, 1, x.Runs)
	require.Len(t, x.Rounds, 2)

	pool := x.Rounds[0]
	assert.Equal(t, "pool", pool.Project)
	assert.Equal(t, budgeting.MethodEqualShares, pool.Method)
	assertFrac(t, "1/3", pool.Rho, "pool ρ")
	assert.True(t, pool.Before.Equal(decimalOf("10")) && pool.After.Equal(decimalOf("4")))
	require.Len(t, pool.Supporters, 1)
	g := pool.Supporters[0]
	assert.Equal(t, int64(3), g.Voters)
	assert.Equal(t, []string{"6", "2", "2", "0"}, []string{g.Utility.String(), g.Before.String(), g.Paid.String(), g.After.String()})

	trees := x.Rounds[1]
	assert.Equal(t, "trees", trees.Project)
	assertFrac(t, "1/2", trees.Rho, "trees ρ")
	require.Len(t, trees.Supporters, 1)
	g = trees.Supporters[0]
	assert.Equal(t, int64(2), g.Voters)
	assert.Equal(t, []string{"3", "2", "3/2", "1/2"}, []string{g.Utility.String(), g.Before.String(), g.Paid.String(), g.After.String()})
	assert.True(t, trees.After.Equal(decimalOf("1")))

	require.Len(t, x.Unfunded, 2)
	for i, w := range []struct{ project, held string }{{"library", "0"}, {"lights", "2"}} {
		u := x.Unfunded[i]
		assert.Equal(t, w.project, u.Project)
		require.Len(t, u.Reasons, 1)
		r := u.Reasons[0]
		assert.Equal(t, budgeting.ReasonKindOutbid, r.Kind)
		assert.Equal(t, budgeting.MethodEqualShares, r.Method)
		assert.Equal(t, 1, r.Round)
		assert.Equal(t, "pool", r.Rival)
		assertFrac(t, "1/3", r.RivalRho, "rival ρ")
		assertFrac(t, "1/2", r.Rho, "own ρ")
		assertFrac(t, w.held, r.Held, "held")
	}
}

// Instance M: every reason the Method of Equal Shares gives. Budget 9,
// three voters, so each starts with 3.
//
//	x costs 10, approved by all: they hold 9 < 10 from the start
//	y costs 0, approved by v1: worth nothing under cost utility
//	z costs 3, approved by v2: bought at ρ = 1 (v2 pays 3 = ρ·3)
//	w costs 2, approved by nobody
const instanceReasons = `META
key;value
budget;9
vote_type;approval
PROJECTS
project_id;cost
x;10
y;0
z;3
w;2
VOTES
voter_id;vote
v1;x,y
v2;x,z
v3;x
`

func TestExplainEqualSharesReasons(t *testing.T) {
	e := readPB(t, instanceReasons)
	x := explainNamed(t, e, "mes_cost")
	require.Len(t, x.Rounds, 1)
	assert.Equal(t, "z", x.Rounds[0].Project)
	assertFrac(t, "1", x.Rounds[0].Rho, "z ρ")
	kinds := map[string]budgeting.Reason{}
	for _, u := range x.Unfunded {
		require.Len(t, u.Reasons, 1, u.Project)
		kinds[u.Project] = u.Reasons[0]
	}
	assert.Equal(t, budgeting.ReasonKindUnaffordable, kinds["x"].Kind)
	assert.Equal(t, 0, kinds["x"].Round)
	assertFrac(t, "9", kinds["x"].Held, "x held")
	assert.Equal(t, budgeting.ReasonKindNoSupport, kinds["y"].Kind)
	assert.Equal(t, budgeting.ReasonKindNoSupport, kinds["w"].Kind)

	// Under cardinality utility y is worth 1 to v1 and costs nothing: it is
	// funded at once, with no ρ; then z at ρ = 3 (v2 pays 3 = ρ·1).
	x = explainNamed(t, e, "mes_card")
	require.Len(t, x.Rounds, 2)
	assert.Equal(t, "y", x.Rounds[0].Project)
	assert.Nil(t, x.Rounds[0].Rho)
	assert.Empty(t, x.Rounds[0].Supporters)
	assertFrac(t, "3", x.Rounds[1].Rho, "z ρ under card")

	// mes_cost_greedy: after z, 6 is left and w (2) and y (0) still fit, so
	// greedy completes: x (score 30/10 = 3) 10 > 6 is skipped in round 2,
	// then w and y (score 0, w first by ID) are funded.
	x = explainNamed(t, e, "mes_cost_greedy")
	require.NoError(t, x.Validate())
	var order []string
	for _, rd := range x.Rounds {
		order = append(order, rd.Method.String()+" "+rd.Project+" "+rd.Kind.String())
	}
	assert.Equal(t, []string{"mes z funded", "greedy x skipped", "greedy w funded", "greedy y funded"}, order)
	require.Len(t, x.Unfunded, 1)
	u := x.Unfunded[0]
	assert.Equal(t, "x", u.Project)
	require.Len(t, u.Reasons, 2)
	assert.Equal(t, budgeting.ReasonKindUnaffordable, u.Reasons[0].Kind)
	assert.Equal(t, budgeting.ReasonKindDidNotFit, u.Reasons[1].Kind)
	assert.Equal(t, budgeting.MethodGreedy, u.Reasons[1].Method)
	assert.Equal(t, 2, u.Reasons[1].Round)
	assert.True(t, u.Reasons[1].Remaining.Equal(decimalOf("6")))
}

// Instance T: a tie in ρ decided by ID. Budget 3, two voters holding 3/2
// each; a and b cost 2 and both voters approve both: ρ·2 = 1 each, ρ =
// 1/2 for both; a comes first by ID. Afterwards each holds 1/2, 1 in all,
// less than b's 2.
const instanceTie = `META
key;value
budget;3
vote_type;approval
PROJECTS
project_id;cost
b;2
a;2
VOTES
voter_id;vote
v1;a,b
v2;b,a
`

func TestExplainEqualSharesTie(t *testing.T) {
	x := explainNamed(t, readPB(t, instanceTie), "mes_cost")
	require.Len(t, x.Rounds, 1)
	assert.Equal(t, "a", x.Rounds[0].Project)
	require.Len(t, x.Unfunded, 1)
	r := x.Unfunded[0].Reasons[0]
	assert.Equal(t, budgeting.ReasonKindOutbid, r.Kind)
	assert.Equal(t, "a", r.Rival)
	assertFrac(t, "1/2", r.Rho, "b's ρ")
	assertFrac(t, "1/2", r.RivalRho, "a's ρ")
	assertFrac(t, "1", r.Held, "held")

	var b bytes.Buffer
	require.NoError(t, x.WriteText(&b))
	assert.Contains(t, b.String(), "was just as cheap per unit of utility (ρ = 1/2 = 0.5) and comes first by project ID")
}

// Instance P: sequential Phragmén's reasons. Budget 10.
//
//	a costs 4, approved by v1 v2: ℓ = 4/2 = 2
//	b costs 6, approved by v3:    ℓ = 6/1 = 6
//	c costs 12 > 10: set aside before the first round
//	d costs 3, approved by nobody: ℓ = +∞
//	e costs 5, approved by v1:    ℓ = 5, then (2 + 5)/1 = 7 once v1 carries 2
//
// Round 1 funds a (ℓ 2; 6 left); round 2 b (ℓ 6 < 7; 0 left); in round 3
// e is next with ℓ = 7 but 5 > 0: the rule stops, before d.
const instancePhragmen = `META
key;value
budget;10
vote_type;approval
PROJECTS
project_id;cost
a;4
b;6
c;12
d;3
e;5
VOTES
voter_id;vote
v1;a,c,e
v2;a
v3;b
`

func TestExplainPhragmen(t *testing.T) {
	x := explainNamed(t, readPB(t, instancePhragmen), "phragmen")
	require.NoError(t, x.Validate())
	require.Len(t, x.Rounds, 3)
	for i, w := range []struct {
		project, load, after string
		kind                 budgeting.StepKind
	}{{"a", "2", "6", budgeting.StepKindFunded}, {"b", "6", "0", budgeting.StepKindFunded}, {"e", "7", "0", budgeting.StepKindStopped}} {
		rd := x.Rounds[i]
		assert.Equal(t, w.project, rd.Project)
		assert.Equal(t, w.kind, rd.Kind)
		assertFrac(t, w.load, rd.Load, w.project)
		assert.True(t, rd.After.Equal(decimalOf(w.after)), w.project)
	}
	reasons := map[string]budgeting.Reason{}
	for _, u := range x.Unfunded {
		reasons[u.Project] = u.Reasons[0]
	}
	require.Len(t, reasons, 3)
	assert.Equal(t, budgeting.ReasonKindOverBudget, reasons["c"].Kind)
	d := reasons["d"]
	assert.Equal(t, budgeting.ReasonKindNotReached, d.Kind)
	assert.Equal(t, 3, d.Round)
	assert.Equal(t, "e", d.Rival)
	assert.Nil(t, d.Load, "nobody approves d")
	assertFrac(t, "7", d.RivalLoad, "e's load")
	e := reasons["e"]
	assert.Equal(t, budgeting.ReasonKindDidNotFit, e.Kind)
	assertFrac(t, "7", e.Load, "e's load")
	assert.True(t, e.Remaining.Equal(decimalOf("0")))
}

func TestExplainErrors(t *testing.T) {
	for name, res := range map[string]*budgeting.Result{"nil": nil, "zero": {}} {
		_, err := budgeting.Explain(res)
		require.ErrorIs(t, err, budgeting.ErrInvalid, name)
	}
}

// TestExplainAgreesWithTrace explains every rule on every file in
// testdata and holds the figures against the engine's own trace: each ρ,
// each load, and what each round's supporters paid in all. Every project
// outbid had a ρ at least its rival's (equal only when the rival's ID comes
// first), and every reason about money held names less than the cost.
func TestExplainAgreesWithTrace(t *testing.T) {
	files, err := filepath.Glob("testdata/*.pb")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		e, err := budgeting.ReadFile(f)
		require.NoError(t, err)
		for _, name := range budgeting.ReferenceRules() {
			if name == "phragmen" && e.Instance().VoteType() != budgeting.VoteTypeApproval && e.Instance().VoteType() != budgeting.VoteTypeChooseOne {
				continue
			}
			t.Run(filepath.Base(f)+"/"+name, func(t *testing.T) {
				res := runNamed(t, e, name, true)
				x, err := budgeting.Explain(res)
				require.NoError(t, err)
				require.NoError(t, x.Validate())
				steps := res.Steps()
				require.Len(t, x.Rounds, len(steps))
				for i, s := range steps {
					rd := x.Rounds[i]
					assert.Equal(t, e.Instance().ProjectID(s.Project()), rd.Project)
					assert.Equal(t, s.Kind(), rd.Kind)
					if rho := s.Rho(); rho != nil {
						require.NotNil(t, rd.Rho, "round %d", i+1)
						assert.Zero(t, rho.Cmp(rd.Rho.Rat()), "round %d: ρ %s, want %s", i+1, rd.Rho, rho.RatString())
						paid, want := new(big.Rat), new(big.Rat)
						for _, p := range s.Payments() {
							want.Add(want, new(big.Rat).Mul(p.Paid, big.NewRat(p.Voters, 1)))
						}
						for _, g := range rd.Supporters {
							paid.Add(paid, new(big.Rat).Mul(g.Paid.Rat(), big.NewRat(g.Voters, 1)))
						}
						assert.Zero(t, want.Cmp(paid), "round %d paid", i+1)
						assert.Zero(t, want.Cmp(rd.Cost.Rat()), "round %d: the supporters pay the cost", i+1)
					}
					if load := s.Load(); load != nil {
						require.NotNil(t, rd.Load)
						assert.Zero(t, load.Cmp(rd.Load.Rat()), "round %d load", i+1)
					}
				}
				for _, u := range x.Unfunded {
					for _, r := range u.Reasons {
						if r.Held != nil {
							assert.Negative(t, r.Held.Rat().Cmp(u.Cost.Rat()), "%s: held %s of %s", u.Project, r.Held, u.Cost)
						}
						if r.Kind == budgeting.ReasonKindOutbid {
							c := r.Rho.Cmp(*r.RivalRho)
							assert.True(t, c > 0 || (c == 0 && r.Rival < u.Project), "%s outbid by %s", u.Project, r.Rival)
						}
					}
				}
			})
		}
	}
}

func TestExplanationJSONRoundTrip(t *testing.T) {
	files, err := filepath.Glob("testdata/*.pb")
	require.NoError(t, err)
	for _, f := range files {
		e, err := budgeting.ReadFile(f)
		require.NoError(t, err)
		for _, name := range []string{"greedy_cost", "mes_cost_greedy", "mes_card", "phragmen"} {
			if name == "phragmen" && e.Instance().VoteType() != budgeting.VoteTypeApproval {
				continue
			}
			roundTrip(t, explainNamed(t, e, name), f+" "+name)
		}
	}
}

func TestExplanationJSONErrors(t *testing.T) {
	x := explainNamed(t, readPB(t, street), "mes_cost_greedy")
	good, err := json.Marshal(x)
	require.NoError(t, err)
	var probe budgeting.Explanation
	require.NoError(t, json.Unmarshal(good, &probe))

	require.ErrorIs(t, probe.UnmarshalJSON([]byte(`[]`)), budgeting.ErrInvalid)
	badJSON(t, good, &probe, map[string][2]string{
		"rule":           {`"rule":"mes_cost_greedy"`, `"rule":"mes_nothing"`},
		"numbered":       {`"number":2`, `"number":7`},
		"funded cost":    {`"before":"10","after":"4"`, `"before":"10","after":"5"`},
		"method":         {`"method":"mes"`, `"method":"vote"`},
		"kind":           {`"kind":"funded"`, `"kind":"won"`},
		"paid":           {`"paid":{"exact":"2"`, `"paid":{"exact":"1"`},
		"fraction":       {`"exact":"1/3"`, `"exact":"2/6"`},
		"decimal":        {`"decimal":"0.333333333"`, `"decimal":"0.3"`},
		"reason kind":    {`"kind":"outbid"`, `"kind":"unlucky"`},
		"reason round":   {`"round":1`, `"round":9`},
		"negative votes": {`"votes":3`, `"votes":-3`},
	})
}

// roundTrip checks that v encodes to JSON, decodes into a new T and
// encodes again to the same bytes.
func roundTrip[T any](t *testing.T, v *T, msg string) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var back T
	require.NoError(t, json.Unmarshal(b, &back), msg)
	again, err := json.Marshal(&back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(again), msg)
}

// badJSON checks that each case, a replacement in the good JSON of v,
// fails to decode with ErrInvalidValue and leaves v as it was.
func badJSON[T any](t *testing.T, good []byte, v *T, cases map[string][2]string) {
	t.Helper()
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			bad := strings.Replace(string(good), c[0], c[1], 1)
			require.NotEqual(t, string(good), bad, "the case changes nothing")
			before, err := json.Marshal(v)
			require.NoError(t, err)
			require.ErrorIs(t, json.Unmarshal([]byte(bad), v), budgeting.ErrInvalid)
			after, err := json.Marshal(v)
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after), "a failed decoding changes nothing")
		})
	}
}

func TestExplanationValidate(t *testing.T) {
	x := explainNamed(t, readPB(t, instanceReasons), "mes_cost_greedy")
	require.NoError(t, x.Validate())
	breakers := map[string]func(x *budgeting.Explanation){
		"no rule":           func(x *budgeting.Explanation) { x.Rule = budgeting.Rule{} },
		"negative voters":   func(x *budgeting.Explanation) { x.Voters = -1 },
		"negative share":    func(x *budgeting.Explanation) { x.VoterBudget = frac(t, "-1") },
		"no project":        func(x *budgeting.Explanation) { x.Rounds[0].Project = "" },
		"supporters":        func(x *budgeting.Explanation) { x.Rounds[0].Supporters[0].Voters = 0 },
		"unfunded twice":    func(x *budgeting.Explanation) { x.Unfunded = append(x.Unfunded, x.Unfunded[0]) },
		"unfunded funded":   func(x *budgeting.Explanation) { x.Unfunded[0].Project = "z" },
		"no reasons":        func(x *budgeting.Explanation) { x.Unfunded[0].Reasons = nil },
		"reason method":     func(x *budgeting.Explanation) { x.Unfunded[0].Reasons[0].Method = 0 },
		"negative votes":    func(x *budgeting.Explanation) { x.Rounds[1].Votes = -1 },
		"skipped, but paid": func(x *budgeting.Explanation) { x.Rounds[1].After = x.Rounds[1].After.Sub(decimalOf("1")) },
	}
	for name, br := range breakers {
		t.Run(name, func(t *testing.T) {
			y := explainNamed(t, readPB(t, instanceReasons), "mes_cost_greedy")
			br(y)
			require.ErrorIs(t, y.Validate(), budgeting.ErrInvalid)
		})
	}
}

func TestFraction(t *testing.T) {
	tests := []struct {
		text        string
		places      int32
		round       string
		digits      int
		significant string
		sign        int
	}{
		{"1/8", 2, "0.13", 2, "0.13", 1},            // 0.125: half away from zero
		{"-1/8", 2, "-0.13", 2, "-0.13", -1},        // likewise below zero
		{"1/3", 2, "0.33", 6, "0.333333", 1},        // 0.3333…
		{"1/27002", 4, "0", 6, "0.0000370343", 1},   // 0.00003703429…
		{"1234567/10", 0, "123457", 3, "123457", 1}, // never fewer than 0 places
		{"9999999/10000000", 3, "1", 6, "1", 1},     // 0.9999999 rounds up to 1.00000
		{"0", 2, "0", 6, "0", 0},
		{"5", -1, "10", 1, "5", 1}, // to tens: 5 rounds away from zero
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			f, err := budgeting.ParseFraction(tc.text)
			require.NoError(t, err)
			assert.Equal(t, tc.text, f.String())
			assert.True(t, f.Round(tc.places).Equal(decimalOf(tc.round)), "Round: %s", f.Round(tc.places))
			assert.True(t, f.Significant(tc.digits).Equal(decimalOf(tc.significant)), "Significant: %s", f.Significant(tc.digits))
			assert.Equal(t, tc.sign, f.Sign())
			r := f.Rat()
			r.Neg(r)
			assert.Equal(t, tc.text, f.String(), "Rat is a copy")
		})
	}
	for _, s := range []string{"", "2/4", "1.5", "1e3", "x", "1/0", "+1", "0/5"} {
		_, err := budgeting.ParseFraction(s)
		require.ErrorIs(t, err, budgeting.ErrInvalidNumber, s)
	}
	var zero budgeting.Fraction
	assert.Equal(t, "0", zero.String())
	assert.Zero(t, zero.Cmp(budgeting.NewFraction(nil)))
	assert.Zero(t, zero.Cmp(budgeting.NewFraction(new(big.Rat))))
	assert.Equal(t, -1, zero.Cmp(*frac(t, "1/3")))
	assert.True(t, zero.Significant(0).IsZero())

	r := big.NewRat(2, 3)
	f := budgeting.NewFraction(r)
	r.SetInt64(5)
	assert.Equal(t, "2/3", f.String(), "NewFraction copies")
}

func TestFractionJSON(t *testing.T) {
	b, err := json.Marshal(frac(t, "17065/9"))
	require.NoError(t, err)
	assert.JSONEq(t, `{"exact":"17065/9","decimal":"1896.111111111"}`, string(b))
	var f budgeting.Fraction
	require.NoError(t, json.Unmarshal(b, &f))
	assert.Equal(t, "17065/9", f.String())
	require.NoError(t, json.Unmarshal([]byte(`{"exact":"-3"}`), &f), "the decimal may be left out")
	assert.Equal(t, "-3", f.String())
	for _, bad := range []string{`{"exact":"1/3","decimal":"0.33"}`, `{"exact":"2/6"}`, `{}`, `"1/3"`, `{"exact":3}`} {
		err := json.Unmarshal([]byte(bad), &f)
		require.Error(t, err, bad)
		assert.True(t, errors.Is(err, budgeting.ErrInvalid) || errors.Is(err, budgeting.ErrInvalidNumber), bad)
		assert.Equal(t, "-3", f.String(), "a failed decoding changes nothing")
	}
}

// textEnum is an enum of this package: a declared set of values with
// names, backed by internal/enum.
type textEnum interface {
	comparable
	IsValid() bool
	String() string
	MarshalText() ([]byte, error)
}

// checkEnum checks an enum's names both ways (any case parses), its
// invalid values (out is the first beyond the table, printed as
// "Type(out)"), and that a bad name leaves the target unchanged.
func checkEnum[T textEnum, P interface {
	*T
	UnmarshalText([]byte) error
}](t *testing.T, names map[T]string, out T, outText, bad string) {
	t.Helper()
	for v, name := range names {
		assert.True(t, v.IsValid())
		assert.Equal(t, name, v.String())
		b, err := v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, name, string(b))
		var back T
		require.NoError(t, P(&back).UnmarshalText([]byte(strings.ToUpper(name))))
		assert.Equal(t, v, back)
		// The one parsing rule: '-' or ' ' between words work as '_' does.
		back = *new(T)
		require.NoError(t, P(&back).UnmarshalText([]byte(" "+strings.ReplaceAll(name, "_", "-")+" ")))
		assert.Equal(t, v, back)
		back = *new(T)
		require.NoError(t, P(&back).UnmarshalText([]byte(strings.ReplaceAll(name, "_", " "))))
		assert.Equal(t, v, back)
	}
	var zero T
	for _, v := range []T{zero, out} {
		assert.False(t, v.IsValid())
		_, err := v.MarshalText()
		require.ErrorIs(t, err, budgeting.ErrInvalid)
	}
	assert.Equal(t, outText, out.String())
	var v T
	require.ErrorIs(t, P(&v).UnmarshalText([]byte(bad)), budgeting.ErrInvalid)
	assert.Equal(t, zero, v)
}

func TestReasonKind(t *testing.T) {
	checkEnum(t, map[budgeting.ReasonKind]string{budgeting.ReasonKindNoSupport: "no_support", budgeting.ReasonKindUnaffordable: "unaffordable",
		budgeting.ReasonKindOutbid: "outbid", budgeting.ReasonKindDidNotFit: "did_not_fit", budgeting.ReasonKindOverBudget: "over_budget",
		budgeting.ReasonKindNotReached: "not_reached", budgeting.ReasonKindBelowThreshold: "below_threshold",
		budgeting.ReasonKindWithdrawn: "withdrawn", budgeting.ReasonKindComparison: "comparison"}, 10, "ReasonKind(10)", "lost")
}

// TestExplainText holds the text of a few explanations against golden
// files: run with -update to rewrite them after checking the change.
func TestExplainText(t *testing.T) {
	warszawa, err := budgeting.ReadFile("testdata/Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb")
	require.NoError(t, err)
	zurich, err := budgeting.ReadFile("testdata/Switzerland_Zurich_D5.pb")
	require.NoError(t, err)
	cases := []struct {
		golden string
		e      *budgeting.Election
		rule   string
	}{
		{"explain_greedy.golden", readPB(t, instanceGreedy), "greedy_cost"},
		{"explain_mes.golden", warszawa, "mes_cost"},
		{"explain_mes_add1.golden", warszawa, "mes_cost_add1"},
		{"explain_mes_exh1pct.golden", warszawa, "mes_cost_exh1pct"},
		{"explain_mes_greedy.golden", readPB(t, instanceReasons), "mes_cost_greedy"},
		{"explain_mes_card.golden", readPB(t, instanceReasons), "mes_card"},
		{"explain_mes_points.golden", zurich, "mes_cost"},
		{"explain_phragmen.golden", readPB(t, instancePhragmen), "phragmen"},
		{"explain_phragmen_all.golden", warszawa, "phragmen"},
	}
	for _, c := range cases {
		t.Run(c.golden, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, explainNamed(t, c.e, c.rule).WriteText(&b))
			golden(t, filepath.Join("testdata", c.golden), b.Bytes())
			for _, line := range strings.Split(b.String(), "\n") {
				assert.Equal(t, strings.TrimRight(line, " "), line, "no line ends in spaces")
			}
		})
	}
	t.Run("no voters", func(t *testing.T) {
		e := readPB(t, "META\nkey;value\nbudget;5\nvote_type;approval\nPROJECTS\nproject_id;cost\na;3\nVOTES\nvoter_id;vote\n")
		var b bytes.Buffer
		require.NoError(t, explainNamed(t, e, "mes_cost").WriteText(&b))
		assert.Contains(t, b.String(), "Nobody voted, so nobody holds any of the budget.")
		assert.Contains(t, b.String(), "no voter gains anything from it")
	})
	t.Run("write error", func(t *testing.T) {
		err := explainNamed(t, warszawa, "mes_cost").WriteText(failWriter{})
		require.ErrorIs(t, err, errWriteFailed)
	})
}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}

// errWriteFailed is what failWriter returns.
var errWriteFailed = errors.New("write failed")

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errWriteFailed }

// decimalOf returns the decimal s, which the test knows to be valid.
func decimalOf(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// FuzzParseFraction: the parser never panics, and what it accepts it
// writes back as it read it.
func FuzzParseFraction(f *testing.F) {
	for _, s := range []string{"0", "3", "-2", "17065/9", "2/4", "1.5", "1/0", "", "-0", "+1", "1e9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := budgeting.ParseFraction(s)
		if err != nil {
			require.ErrorIs(t, err, budgeting.ErrInvalidNumber)
			return
		}
		assert.Equal(t, s, v.String())
	})
}

// FuzzExplanationJSON: decoding never panics, and a document it accepts
// encodes to one that decodes to the same encoding.
func FuzzExplanationJSON(f *testing.F) {
	for _, name := range []string{"greedy_cost", "mes_cost_greedy", "phragmen"} {
		b, err := json.Marshal(explainNamed(f, readPB(f, instanceReasons), name))
		require.NoError(f, err)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var x budgeting.Explanation
		if json.Unmarshal(b, &x) != nil {
			return
		}
		roundTrip(t, &x, string(b))
	})
}

// FuzzAnalysisJSON: likewise for an analysis.
func FuzzAnalysisJSON(f *testing.F) {
	e, err := budgeting.ReadFile("testdata/Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb")
	require.NoError(f, err)
	for _, min := range []metrics.MinCellSize{3, 10} {
		a, err := budgeting.Analyze(runNamed(f, e, "mes_cost", false), budgeting.WithPopulation(budgeting.VoterAttributeSex, metrics.RepresentativenessSpec{Population: []metrics.GroupCount{{Group: "F", Count: 12000}, {Group: "M", Count: 11000}}, Policy: metrics.SuppressionPolicy{MinCellSize: min}}))
		require.NoError(f, err)
		b, err := json.Marshal(a)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var a budgeting.Analysis
		if json.Unmarshal(b, &a) != nil {
			return
		}
		roundTrip(t, &a, string(b))
	})
}
