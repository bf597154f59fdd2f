package budgeting_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/civitas-go/civitas/metrics"
)

// analyzeNamed runs the named rule on e and analyses its result.
func analyzeNamed(t testing.TB, e *budgeting.Election, name string, opts ...budgeting.AnalysisOption) *budgeting.Analysis {
	t.Helper()
	a, err := budgeting.Analyze(runNamed(t, e, name, false), opts...)
	require.NoError(t, err)
	return a
}

// assertRatio checks a ratio's numerator and denominator.
func assertRatio(t *testing.T, num, den int64, r metrics.Ratio, msg string) {
	t.Helper()
	assert.Equal(t, [2]int64{num, den}, [2]int64{r.Numerator(), r.Denominator()}, msg)
}

func TestAnalyzeGreedy(t *testing.T) {
	// Instance G under greedy_cost funds a (6) and b (4). Each voter's
	// satisfaction is the cost of the funded projects she approved:
	// v1 (a, b) 10, v2 (a, c) 6, v3 (a, d) 6, v4 (b, c) 4, v5 (c) 0.
	// Satisfied: v1–v4, 4 of 5. Mean: 26/5. Gini of 0, 4, 6, 6, 10 (n = 5,
	// Σ = 26, Σ i·x_(i) = 0 + 8 + 18 + 24 + 50 = 100): 2·100/(5·26) − 6/5 =
	// 40/26 − 6/5 = 0.3384615… → 0.338462.
	a := analyzeNamed(t, readPB(t, instanceGreedy), "greedy_cost")
	require.NoError(t, a.Validate())
	assert.Equal(t, []string{"a", "b"}, a.Funded)
	assert.Equal(t, int64(5), a.Voters)
	assert.Equal(t, budgeting.UtilityCost, a.Utility)
	assert.Equal(t, budgeting.VoteTypeApproval, a.VoteType)
	assertRatio(t, 10, 10, a.BudgetSpent, "budget spent")
	assertRatio(t, 4, 5, a.Satisfied, "satisfied")
	assertFrac(t, "26/5", a.MeanUtility, "mean utility")
	require.NotNil(t, a.Gini)
	assert.Equal(t, "0.338462", a.Gini.StringFixed(6))
	assert.Nil(t, a.Representation)

	// greedy_card funds c and b: under cardinality utility satisfaction
	// counts them: v1 1 (b), v2 1 (c), v3 0, v4 2 (b, c), v5 1 (c); mean
	// 5/5 = 1; Gini of 0, 1, 1, 1, 2 (Σ = 5, Σ i·x_(i) = 0 + 2 + 3 + 4 + 10 =
	// 19): 2·19/25 − 6/5 = 38/25 − 30/25 = 8/25 = 0.32.
	a = analyzeNamed(t, readPB(t, instanceGreedy), "greedy_card")
	assert.Equal(t, budgeting.UtilityCardinality, a.Utility)
	assertRatio(t, 9, 10, a.BudgetSpent, "c 5 + b 4 of 10")
	assertRatio(t, 4, 5, a.Satisfied, "all but v3")
	assertFrac(t, "1", a.MeanUtility, "mean")
	assert.Equal(t, "0.320000", a.Gini.StringFixed(6))
}

func TestAnalyzeUtilities(t *testing.T) {
	// Phragmén has no utility: satisfaction is measured in cost. On
	// instance P it funds a (4, v1 v2) and b (6, v3): v1 4, v2 4, v3 6; mean
	// 14/3.
	a := analyzeNamed(t, readPB(t, instancePhragmen), "phragmen")
	assert.Equal(t, budgeting.UtilityCost, a.Utility)
	assertFrac(t, "14/3", a.MeanUtility, "mean")
	assertRatio(t, 3, 3, a.Satisfied, "everyone")

	// Points: cumulative ballots, where a voter's utility is her points.
	e := readPB(t, `META
key;value
budget;10
vote_type;cumulative
PROJECTS
project_id;cost
a;6
b;4
VOTES
voter_id;vote;points
v1;a,b;2,1.5
v2;b;3
v3;a;0.5
`)
	// greedy_cost scores a (2 + 0.5)/6, b (1.5 + 3)/4: both fit anyway.
	// Satisfaction in points scaled by 10: v1 35, v2 30, v3 5; mean 70/30 =
	// 7/3 points. Gini of 5, 30, 35 (Σ 70, Σ i·x = 5 + 60 + 105 = 170):
	// 2·170/(3·70) − 4/3 = 34/21 − 28/21 = 6/21 = 0.285714….
	a = analyzeNamed(t, e, "greedy_cost")
	assertFrac(t, "7/3", a.MeanUtility, "mean points")
	assert.Equal(t, "0.285714", a.Gini.StringFixed(6))
	var b bytes.Buffer
	require.NoError(t, a.WriteText(&b))
	assert.Contains(t, b.String(), "points she gave the funded projects")

	// Ordinal ballots: Borda utility, the last-ranked project worth 0.
	e = readPB(t, `META
key;value
budget;10
vote_type;ordinal
PROJECTS
project_id;cost
a;6
b;4
VOTES
voter_id;vote
v1;a,b
v2;b
`)
	// v1 ranks a first (worth 1) and b last (0); v2 ranks b alone (0). Both
	// funded: satisfaction 1 and 0, mean 1/2; v2's ballot lists b, so both
	// count as satisfied.
	a = analyzeNamed(t, e, "greedy_cost")
	assertFrac(t, "1/2", a.MeanUtility, "mean Borda")
	assertRatio(t, 2, 2, a.Satisfied, "satisfied")
	b.Reset()
	require.NoError(t, a.WriteText(&b))
	assert.Contains(t, b.String(), "Borda points")
}

func TestAnalyzeNobody(t *testing.T) {
	// No voters: shares undefined, no mean, no Gini. Nobody gains from a,
	// so equal shares funds nothing and the budget share is 0 of 5.
	e := readPB(t, "META\nkey;value\nbudget;5\nvote_type;approval\nPROJECTS\nproject_id;cost\na;3\nVOTES\nvoter_id;vote\n")
	a := analyzeNamed(t, e, "mes_cost")
	require.NoError(t, a.Validate())
	assert.False(t, a.Satisfied.Defined())
	assertRatio(t, 0, 5, a.BudgetSpent, "nothing spent")
	assert.Nil(t, a.MeanUtility)
	assert.Nil(t, a.Gini)
	var b bytes.Buffer
	require.NoError(t, a.WriteText(&b))
	assert.Regexp(t, `mean utility per voter +undefined`, b.String())

	// Voters who all got nothing: the Gini coefficient is undefined (μ = 0).
	a = analyzeNamed(t, readPB(t, instanceReasons), "mes_card")
	require.NotNil(t, a.Gini)
	a = analyzeNamed(t, readPB(t, `META
key;value
budget;1
vote_type;approval
PROJECTS
project_id;cost
a;3
VOTES
voter_id;vote
v1;a
`), "greedy_cost")
	assert.Nil(t, a.Gini)
	assertFrac(t, "0", a.MeanUtility, "mean")
}

// warszawaSex is a made-up population for Warszawa-Wesoła by sex: 12,000
// women and 11,000 men.
var warszawaSex = []metrics.GroupCount{{Group: "F", Count: 12000}, {Group: "M", Count: 11000}}

func TestAnalyzeRepresentation(t *testing.T) {
	e, err := budgeting.ReadFile("testdata/Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb")
	require.NoError(t, err)
	// 19 women and 8 men voted. Against 12,000 and 11,000 (B = 23,000):
	// ratio F = 19·23000/(27·12000) = 1.3487654… → 1.348765; M =
	// 8·23000/(27·11000) = 0.6195286… → 0.619529. Dissimilarity =
	// |19/27 − 12/23| = 113/621 = 0.1819645… → 0.181965. Score = (8/11000) /
	// (19/12000) = 96/209 = 0.4593301… → 0.459330.
	a := analyzeNamed(t, e, "mes_cost", budgeting.WithPopulation(budgeting.VoterAttributeSex, warszawaSex,
		metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize5}))
	require.NoError(t, a.Validate())
	r := a.Representation
	require.NotNil(t, r)
	assert.Equal(t, budgeting.VoterAttributeSex, r.Dimension)
	assert.Equal(t, int64(27), r.Voters.Total())
	assert.Zero(t, r.Unclassified)
	for i, w := range []struct {
		voters      int64
		ratio       string
		share, popn string
	}{{19, "1.348765", "70.37 %", "52.17 %"}, {8, "0.619529", "29.63 %", "47.83 %"}} {
		n, ok := r.Voters.Cell(i).Count()
		require.True(t, ok)
		assert.Equal(t, w.voters, n)
		ratio, ok := r.RepresentationRatio(i)
		require.True(t, ok)
		assert.Equal(t, w.ratio, ratio.StringFixed(6))
		share, ok := r.VoterShare(i)
		require.True(t, ok)
		assert.Equal(t, w.share, share.PercentText())
		assert.Equal(t, w.popn, r.PopulationShare(i).PercentText())
	}
	require.NotNil(t, r.Dissimilarity)
	require.NotNil(t, r.Score)
	assert.Equal(t, "0.181965", r.Dissimilarity.StringFixed(6))
	assert.Equal(t, "0.459330", r.Score.StringFixed(6))
}

func TestAnalyzeAgeBands(t *testing.T) {
	e, err := budgeting.ReadFile("testdata/Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb")
	require.NoError(t, err)
	// Ages: 10 and 14 fall in no band (unclassified); 18–39: 20, 24, 26,
	// 28, 29, 29, 30, 33, 33, 33, 34, 36, 36, 37, 38 (15); 40–64: 52, 52,
	// 53, 54, 63, 64 (6); 65+: 65, 67, 68, 69 (4). Under a threshold of 5
	// the 4 is withheld, and with it the smallest visible count, 6: a lone
	// suppressed count would follow from the total. With counts withheld
	// the two figures are withheld too.
	pop := []metrics.GroupCount{{Group: "18-39", Count: 6000}, {Group: "40–64", Count: 7000}, {Group: "65+", Count: 4000}}
	a := analyzeNamed(t, e, "greedy_cost", budgeting.WithPopulation(budgeting.VoterAttributeAge, pop,
		metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize5}))
	r := a.Representation
	require.NotNil(t, r)
	assert.Equal(t, int64(2), r.Unclassified)
	assert.Equal(t, int64(25), r.Voters.Total())
	n, ok := r.Voters.Cell(0).Count()
	assert.True(t, ok)
	assert.Equal(t, int64(15), n)
	assert.True(t, r.Voters.Cell(1).Suppressed())
	assert.True(t, r.Voters.Cell(2).Suppressed())
	_, ok = r.RepresentationRatio(2)
	assert.False(t, ok)
	_, ok = r.VoterShare(2)
	assert.False(t, ok)
	assert.Nil(t, r.Dissimilarity)
	assert.Nil(t, r.Score)
	require.NoError(t, a.Validate())

	var b bytes.Buffer
	require.NoError(t, a.WriteText(&b))
	assert.Contains(t, b.String(), "withheld")
	assert.NotContains(t, b.String(), " 6 ", "the complementary cell is not shown")
}

func TestAnalyzeOtherDimensions(t *testing.T) {
	// Zurich's voters give their district preference but no area column:
	// areas come from Voter.Area, which reads area, district, … columns.
	e, err := budgeting.ReadFile("testdata/Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb")
	require.NoError(t, err)
	// Voting method: 23 internet, 4 paper (both shown at a threshold of 3);
	// ratio internet = (23/27)/(1/2) = 46/27 = 1.7037037… → 1.703704.
	a := analyzeNamed(t, e, "mes_cost", budgeting.WithPopulation(budgeting.VoterAttributeVotingMethod,
		[]metrics.GroupCount{{Group: "internet", Count: 100}, {Group: "paper", Count: 100}},
		metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize3}))
	ratio, ok := a.Representation.RepresentationRatio(0)
	require.True(t, ok)
	assert.Equal(t, "1.703704", ratio.StringFixed(6))

	// Area: a voter whose district is not in the population is
	// unclassified, one with none too.
	e = readPB(t, `META
key;value
budget;10
vote_type;approval
PROJECTS
project_id;cost
a;6
VOTES
voter_id;vote;district
v1;a;North
v2;a;North
v3;a;South
v4;a;West
v5;a;none
`)
	a = analyzeNamed(t, e, "greedy_cost", budgeting.WithPopulation(budgeting.VoterAttributeArea,
		[]metrics.GroupCount{{Group: "North", Count: 10}, {Group: "South", Count: 10}},
		metrics.SuppressionPolicy{MinCellSize: 1, ShowZeros: true}))
	r := a.Representation
	assert.Equal(t, int64(2), r.Unclassified, "West and none")
	assert.Equal(t, int64(3), r.Voters.Total())
	require.NotNil(t, r.Dissimilarity)
	// |2/3 − 1/2| = 1/6.
	assert.Equal(t, "0.166667", r.Dissimilarity.StringFixed(6))
}

func TestAnalyzeErrors(t *testing.T) {
	warszawa, err := budgeting.ReadFile("testdata/Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb")
	require.NoError(t, err)
	toulouse, err := budgeting.ReadFile("testdata/France_Toulouse_2022_17_-_Mirail-Universite_Reynerie_Bellefontaine.pb")
	require.NoError(t, err)
	policy := metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize5}
	for _, res := range []*budgeting.Result{nil, {}} {
		_, err := budgeting.Analyze(res)
		require.ErrorIs(t, err, budgeting.ErrInvalid)
	}
	cases := []struct {
		name  string
		e     *budgeting.Election
		opt   budgeting.AnalysisOption
		wants []error
	}{
		{"dimension", warszawa, budgeting.WithPopulation(0, warszawaSex, policy), []error{budgeting.ErrInvalid}},
		{"nothing", warszawa, budgeting.WithPopulation(0, nil, policy), []error{budgeting.ErrInvalid}},
		{"no such column", toulouse, budgeting.WithPopulation(budgeting.VoterAttributeSex, warszawaSex, policy), []error{budgeting.ErrMissingField}},
		{"age label", warszawa, budgeting.WithPopulation(budgeting.VoterAttributeAge, []metrics.GroupCount{{Group: "young", Count: 3}}, policy),
			[]error{budgeting.ErrInvalid}},
		{"age bands overlap", warszawa, budgeting.WithPopulation(budgeting.VoterAttributeAge,
			[]metrics.GroupCount{{Group: "18-40", Count: 3}, {Group: "40+", Count: 3}}, policy), []error{budgeting.ErrInvalid}},
		{"backwards band", warszawa, budgeting.WithPopulation(budgeting.VoterAttributeAge, []metrics.GroupCount{{Group: "40-18", Count: 3}}, policy),
			[]error{budgeting.ErrInvalid}},
		{"empty population", warszawa, budgeting.WithPopulation(budgeting.VoterAttributeSex, nil, policy),
			[]error{budgeting.ErrInvalid, metrics.ErrEmpty}},
		{"voters in a group of nobody", warszawa, budgeting.WithPopulation(budgeting.VoterAttributeSex,
			[]metrics.GroupCount{{Group: "F", Count: 0}, {Group: "M", Count: 10}}, policy),
			[]error{budgeting.ErrInvalid, metrics.ErrPartExceedsWhole}},
		{"group twice", warszawa, budgeting.WithPopulation(budgeting.VoterAttributeSex,
			[]metrics.GroupCount{{Group: "F", Count: 3}, {Group: "F", Count: 3}}, policy),
			[]error{budgeting.ErrInvalid, metrics.ErrMismatchedGroups}},
		{"policy", warszawa, budgeting.WithPopulation(budgeting.VoterAttributeSex, warszawaSex, metrics.SuppressionPolicy{MinCellSize: -1}),
			[]error{budgeting.ErrInvalid, metrics.ErrOutOfRange}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := budgeting.Analyze(runNamed(t, c.e, "greedy_cost", false), c.opt)
			for _, want := range c.wants {
				require.ErrorIs(t, err, want)
			}
		})
	}
}

func TestAnalysisJSONRoundTrip(t *testing.T) {
	files, err := filepath.Glob("testdata/*.pb")
	require.NoError(t, err)
	for _, f := range files {
		e, err := budgeting.ReadFile(f)
		require.NoError(t, err)
		for _, name := range []string{"greedy_cost", "mes_card"} {
			roundTrip(t, analyzeNamed(t, e, name), f+" "+name)
		}
	}
	e, err := budgeting.ReadFile("testdata/Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb")
	require.NoError(t, err)
	for _, policy := range []metrics.SuppressionPolicy{{MinCellSize: 3}, {MinCellSize: 10}} {
		a := analyzeNamed(t, e, "mes_cost", budgeting.WithPopulation(budgeting.VoterAttributeSex, warszawaSex, policy))
		roundTrip(t, a, "by sex")
		b, err := json.Marshal(a)
		require.NoError(t, err)
		if policy.MinCellSize > 8 {
			assert.NotContains(t, string(b), `"count":8`, "no suppressed count is written")
		}
	}
}

func TestAnalysisJSONErrors(t *testing.T) {
	e, err := budgeting.ReadFile("testdata/Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb")
	require.NoError(t, err)
	a := analyzeNamed(t, e, "mes_cost", budgeting.WithPopulation(budgeting.VoterAttributeSex, warszawaSex,
		metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize3}))
	good, err := json.Marshal(a)
	require.NoError(t, err)
	badJSON(t, good, a, map[string][2]string{
		"rule":           {`"rule":"mes_cost"`, `"rule":"best"`},
		"overspent":      {`"spent":"24720"`, `"spent":"60000"`},
		"budget spent":   {`"numerator":24720`, `"numerator":24721`},
		"satisfied":      {`"denominator":27`, `"denominator":28`},
		"funded twice":   {`"funded":["427","915"`, `"funded":["427","427"`},
		"mean":           {`"mean_utility":{"exact":"351970/27"`, `"mean_utility":{"exact":"-351970/27"`},
		"gini":           {`"gini":"0.352526"`, `"gini":"1.5"`},
		"dimension":      {`"dimension":"sex"`, `"dimension":"height"`},
		"population":     {`"population":[{"group":"F","count":12000}`, `"population":[{"group":"F","count":-1}`},
		"groups":         {`{"group":"M","count":11000}`, `{"group":"X","count":11000}`},
		"figure":         {`"score":"0.45933"`, `"score":"2"`},
		"voters of none": {`{"group":"F","count":12000}`, `{"group":"F","count":0}`},
		"unclassified":   {`"unclassified":0`, `"unclassified":-2`},
	})
	var r budgeting.Representativeness
	require.ErrorIs(t, r.UnmarshalJSON([]byte(`[]`)), budgeting.ErrInvalid)
	require.ErrorIs(t, a.UnmarshalJSON([]byte(`[]`)), budgeting.ErrInvalid)
}

// TestAnalysisText holds the text of an analysis against a golden file:
// run with -update to rewrite it after checking the change.
func TestAnalysisText(t *testing.T) {
	e, err := budgeting.ReadFile("testdata/Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb")
	require.NoError(t, err)
	var b bytes.Buffer
	for _, policy := range []metrics.SuppressionPolicy{{MinCellSize: 3}, {MinCellSize: 10}} {
		a := analyzeNamed(t, e, "mes_cost", budgeting.WithPopulation(budgeting.VoterAttributeSex, warszawaSex, policy))
		require.NoError(t, a.WriteText(&b))
	}
	require.NoError(t, analyzeNamed(t, readPB(t, instanceGreedy), "greedy_card").WriteText(&b))
	golden(t, "testdata/analysis.golden", b.Bytes())
	require.ErrorIs(t, analyzeNamed(t, e, "mes_cost").WriteText(failWriter{}), errWriteFailed)
}

func TestDimension(t *testing.T) {
	checkEnum(t, map[budgeting.VoterAttribute]string{budgeting.VoterAttributeAge: "age", budgeting.VoterAttributeSex: "sex",
		budgeting.VoterAttributeArea: "area", budgeting.VoterAttributeVotingMethod: "voting_method"}, 5, "Dimension(5)", "height")
}

func TestAnalysisValidate(t *testing.T) {
	breakers := map[string]func(a *budgeting.Analysis){
		"utility":      func(a *budgeting.Analysis) { a.Utility = 0 },
		"voters":       func(a *budgeting.Analysis) { a.Voters = -1 },
		"funded empty": func(a *budgeting.Analysis) { a.Funded = append(a.Funded, "") },
		"budget spent": func(a *budgeting.Analysis) { a.BudgetSpent = metrics.Ratio{} },
		"mean missing": func(a *budgeting.Analysis) { a.MeanUtility = nil },
		"gini":         func(a *budgeting.Analysis) { g := decimal.NewFromInt(-1); a.Gini = &g },
		"population":   func(a *budgeting.Analysis) { a.Representation.Population[0].Group = "" },
		"figures beside suppressed counts": func(a *budgeting.Analysis) {
			a.Representation.Voters, _ = metrics.SuppressGroups([]metrics.GroupCount{{Group: "F", Count: 1},
				{Group: "M", Count: 1}}, metrics.SuppressionPolicy{MinCellSize: 5})
		},
	}
	e, err := budgeting.ReadFile("testdata/Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb")
	require.NoError(t, err)
	for name, br := range breakers {
		t.Run(name, func(t *testing.T) {
			a := analyzeNamed(t, e, "mes_cost", budgeting.WithPopulation(budgeting.VoterAttributeSex, warszawaSex,
				metrics.SuppressionPolicy{MinCellSize: 3}))
			require.NoError(t, a.Validate())
			br(a)
			require.ErrorIs(t, a.Validate(), budgeting.ErrInvalid)
		})
	}
}
