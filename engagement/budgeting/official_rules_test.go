package budgeting_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// pbText builds a small .pb file: META rows, the PROJECTS header and rows,
// and the VOTES rows of voter_id;vote.
func pbText(meta, projects string, votes ...string) string {
	return "META\nkey;value\n" + meta + "PROJECTS\n" + projects + "VOTES\nvoter_id;vote\n" + strings.Join(votes, "")
}

// runOfficial reads text and runs the rule META names, or the named one.
func runOfficial(t *testing.T, text, name string) *budgeting.Result {
	t.Helper()
	e := mustParse(t, text)
	var r budgeting.Rule
	var err error
	if name == "" {
		r, err = budgeting.RuleFromMeta(e.Instance())
	} else {
		r, err = budgeting.RuleByName(name)
	}
	require.NoError(t, err)
	res, err := r.Run(context.Background(), e)
	require.NoError(t, err)
	x, err := budgeting.Explain(res)
	require.NoError(t, err)
	require.NoError(t, x.Validate())
	var b strings.Builder
	require.NoError(t, x.WriteText(&b))
	return res
}

func TestOfficialGreedyRules(t *testing.T) {
	// a, b and c tie on 5 votes; row order decides, not ID or cost.
	projects := "project_id;cost;votes\nz;40;9\nc;30;5\nb;20;5\na;10;5\nw;999999999;0\nd;10;1\n"
	votes := []string{"1;z\n"}
	cases := []struct {
		name, meta, rule string
		want             []string
	}{
		{"greedy: row order on ties", "budget;80\nrule;greedy\nvote_type;approval\n", "", []string{"z", "c", "a"}},
		{"greedy ignores a threshold", "budget;90\nrule;greedy\nvote_type;approval\nmin_project_score_threshold;6\n", "", []string{"z", "c", "b"}},
		{"threshold is inclusive", "budget;80\nrule;greedy-threshold\nvote_type;approval\nmin_project_score_threshold;5\n", "", []string{"z", "c", "a"}},
		{"threshold excludes", "budget;80\nrule;greedy-threshold\nvote_type;approval\nmin_project_score_threshold;6\n", "", []string{"z"}},
		{"no-skip stops at b", "budget;80\nrule;greedy-no-skip\nvote_type;approval\n", "", []string{"z", "c"}},
		{"exclusive is greedy with its threshold", "budget;80\nrule;greedy-exclusive\nvote_type;approval\nmin_project_score_threshold;5\n", "", []string{"z", "c", "a"}},
		{"custom outside Poznań", "budget;90\nrule;greedy-custom\nvote_type;approval\nunit;Łódź\n", "", []string{"z", "c", "b"}},
		{"Poznań: 80 % step", "budget;86\nrule;greedy-custom\nvote_type;approval\nunit;Poznań\n", "", []string{"z", "c", "b"}},
		{"Poznań: stop", "budget;85\nrule;greedy-custom\nvote_type;approval\nunit;Poznań\n", "", []string{"z", "c"}},
		{"by name, ties by lower cost", "budget;80\nrule;unknown\nvote_type;approval\n", "greedy@lower_cost", []string{"z", "a", "b", "d"}},
		{"by name, ties by ID", "budget;80\nrule;unknown\nvote_type;approval\n", "greedy@project_id", []string{"z", "a", "b", "d"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := runOfficial(t, pbText(c.meta, projects, votes...), c.rule)
			assert.Equal(t, c.want, res.SelectedIDs())
		})
	}
}

func TestOfficialGreedyWithdrawnAndScore(t *testing.T) {
	// The score column ranks when present; a withdrawn project is passed
	// over by no-skip without stopping the walk.
	text := "META\nkey;value\nbudget;50\nvote_type;cumulative\nrule;greedy-no-skip\nPROJECTS\nproject_id;cost;votes;score\n" +
		"w;999999999;1;9\na;30;1;2\nb;30;2;1\nVOTES\nvoter_id;vote;points\n1;w,a;9,2\n2;b;1\n3;b;0\n"
	res := runOfficial(t, text, "")
	assert.Equal(t, []string{"a"}, res.SelectedIDs())
	assert.Equal(t, "score", res.TallyColumn())
	assert.Empty(t, res.Disagreements())
}

func TestOfficialRecount(t *testing.T) {
	// The file says b has 3 votes; the ballots give it 1.
	text := pbText("budget;10\nvote_type;approval\nrule;greedy\n", "project_id;cost;votes\na;10;2\nb;10;3\n",
		"1;a\n2;a,b\n")
	res := runOfficial(t, text, "")
	assert.Equal(t, []string{"b"}, res.SelectedIDs())
	assert.Equal(t, []budgeting.Tally{{Project: "b", Published: 3, Recounted: 1}}, res.Disagreements())
	r, err := budgeting.RuleByName("greedy")
	require.NoError(t, err)
	r, err = budgeting.NewOfficialRule(r.Official(), budgeting.WithRecount())
	require.NoError(t, err)
	res, err = r.Run(context.Background(), mustParse(t, text))
	require.NoError(t, err)
	assert.Equal(t, []string{"a"}, res.SelectedIDs())
	assert.Equal(t, "recount", res.TallyColumn())
}

func TestOfficialEqualShares(t *testing.T) {
	// Four voters hold 10 each. a (cost 20, 2 supporters) and b (cost 20, 2
	// supporters) tie in ρ and cost and supporters: row order; c costs 10
	// with 1 supporter.
	meta := "budget;40.9\nvote_type;approval\nrule;%s\n"
	projects := "project_id;cost;votes\nb;20;2\na;20;2\nc;10.5;1\nd;48;4\n"
	votes := []string{"1;a,d\n", "2;a,d\n", "3;b,d\n", "4;b,c,d\n"}
	res := runOfficial(t, pbText(strings.Replace(meta, "%s", "equalshares", 1), projects, votes...), "")
	assert.Equal(t, []string{"b", "a"}, res.SelectedIDs())
	assert.True(t, res.UnbrokenTie())
	res = runOfficial(t, pbText(strings.Replace(meta, "%s", "equalshares/add1", 1), projects, votes...), "")
	assert.ElementsMatch(t, []string{"a", "b"}, res.SelectedIDs())
	// greedy by supporters passes over d (48 > 40) and funds b and a:
	// the same outcome, no voter prefers either, so Equal Shares stays.
	res = runOfficial(t, pbText(strings.Replace(meta, "%s", "equalshares-comparison", 1), projects, votes...), "")
	g, s, kept, ok := res.Comparison()
	require.True(t, ok)
	assert.False(t, kept)
	assert.Equal(t, int64(0), g)
	assert.Equal(t, int64(0), s)
	assert.Equal(t, []string{"b", "a"}, res.SelectedIDs())
	// With d cheaper, Equal Shares funds d alone (a and b become
	// affordable, together, only when the outcome overspends); greedy funds
	// d and b, which voters 3 and 4 prefer.
	projects2 := "project_id;cost;votes\nb;20;2\na;20;2\nc;10;1\nd;20;4\n"
	res = runOfficial(t, pbText(strings.Replace(meta, "%s", "equalshares/add1-comparison", 1), projects2, votes...), "")
	_, _, kept, _ = res.Comparison()
	assert.True(t, kept)
	assert.Equal(t, []string{"d", "b"}, res.SelectedIDs())

	_, err := budgeting.RuleFromMeta(mustParse(t, "META\nkey;value\nbudget;1\nvote_type;cumulative\nrule;equalshares\n"+
		"PROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote;points\n1;a;1\n").Instance())
	require.NoError(t, err)
}

func TestOfficialEqualSharesUnsupported(t *testing.T) {
	e := mustParse(t, "META\nkey;value\nbudget;1\nvote_type;cumulative\nrule;equalshares\n"+
		"PROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote;points\n1;a;1\n")
	r, err := budgeting.RuleFromMeta(e.Instance())
	require.NoError(t, err)
	_, err = r.Run(context.Background(), e)
	require.ErrorIs(t, err, budgeting.ErrUnsupported)
}

func TestRuleFromMetaErrors(t *testing.T) {
	base := "budget;10\nvote_type;approval\n"
	projects := "project_id;cost;votes\na;1;1\n"
	for _, c := range []struct {
		meta string
		want error
	}{
		{base, budgeting.ErrMissingField},
		{base + "rule;unknown\n", budgeting.ErrUnsupported},
		{base + "rule;majority\n", budgeting.ErrInvalidRule},
	} {
		_, err := budgeting.RuleFromMeta(mustParse(t, pbText(c.meta, projects, "1;a\n")).Instance())
		require.ErrorIs(t, err, c.want)
	}
	_, err := budgeting.RuleFromMeta(nil)
	require.ErrorIs(t, err, budgeting.ErrInvalid)

	e := mustParse(t, pbText(base+"rule;greedy-threshold\n", projects, "1;a\n"))
	r, err := budgeting.RuleFromMeta(e.Instance())
	require.NoError(t, err)
	_, err = r.Run(context.Background(), e)
	require.ErrorIs(t, err, budgeting.ErrMissingField)

	e = mustParse(t, pbText(base+"rule;greedy\n", "project_id;cost;votes\na;1;1.5\n", "1;a\n"))
	_, err = mustRule(t, "greedy").Run(context.Background(), e)
	require.ErrorIs(t, err, budgeting.ErrInvalidNumber)
	e = mustParse(t, pbText(base+"rule;greedy\n", "project_id;cost\na;1\n", "1;a\n"))
	_, err = mustRule(t, "greedy").Run(context.Background(), e)
	require.ErrorIs(t, err, budgeting.ErrMissingField)
}

func TestOfficialRuleNames(t *testing.T) {
	for _, o := range budgeting.OfficialRules() {
		r, err := budgeting.NewOfficialRule(o)
		require.NoError(t, err)
		assert.Equal(t, o.PabulibName(), r.Name())
		back, err := budgeting.RuleByName(r.Name())
		require.NoError(t, err)
		assert.Equal(t, r, back)
		p, err := budgeting.ParseOfficialRule(o.PabulibName())
		require.NoError(t, err)
		assert.Equal(t, o, p)
		p, err = budgeting.ParseOfficialRule(o.String())
		require.NoError(t, err)
		assert.Equal(t, o, p)
		b, err := o.MarshalText()
		require.NoError(t, err)
		require.NoError(t, p.UnmarshalText(b))
		assert.Equal(t, o, p)
		assert.NotEmpty(t, o.Text())
	}
	bad := budgeting.OfficialRule(99)
	assert.False(t, bad.IsValid())
	assert.Equal(t, "OfficialRule(99)", bad.String())
	assert.Equal(t, "", bad.PabulibName())
	_, err := bad.MarshalText()
	require.ErrorIs(t, err, budgeting.ErrInvalid)
	_, err = budgeting.ParseOfficialRule("majority")
	require.ErrorIs(t, err, budgeting.ErrInvalid)
	_, err = budgeting.NewOfficialRule(bad)
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)
	_, err = budgeting.NewOfficialRule(budgeting.OfficialRuleGreedy, budgeting.WithCompletion(budgeting.CompletionAdd1))
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)
	_, err = budgeting.NewRule(budgeting.MethodGreedy, budgeting.WithRecount())
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)

	r, err := budgeting.RuleByName("equalshares/add1@more_supporters")
	require.NoError(t, err)
	assert.Equal(t, []budgeting.TieBreak{budgeting.TieBreakMoreSupporters, budgeting.TieBreakRowOrder}, r.TieBreaks())
	assert.Equal(t, "equalshares/add1@more_supporters", r.Name())
	r, err = budgeting.RuleByName("equalshares")
	require.NoError(t, err)
	assert.Equal(t, []budgeting.TieBreak{budgeting.TieBreakLowerCost, budgeting.TieBreakMoreSupporters, budgeting.TieBreakRowOrder}, r.TieBreaks())
	assert.Equal(t, budgeting.OfficialRuleEqualShares, r.Official())
}
