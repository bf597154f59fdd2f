package budgeting_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

func TestTieBreakEnum(t *testing.T) {
	checkEnum(t, map[budgeting.TieBreak]string{budgeting.TieBreakRowOrder: "row_order", budgeting.TieBreakProjectID: "project_id",
		budgeting.TieBreakLowerCost: "lower_cost", budgeting.TieBreakMoreSupporters: "more_supporters"},
		budgeting.TieBreak(5), "TieBreak(5)", "coin")
	for _, tb := range budgeting.TieBreaks() {
		p, err := budgeting.ParseTieBreak(tb.Text())
		require.NoError(t, err)
		assert.Equal(t, tb, p)
	}
	bad := budgeting.TieBreak(0)
	_, err := budgeting.ParseTieBreak("coin")
	require.ErrorIs(t, err, budgeting.ErrInvalid)
	_, err = budgeting.NewRule(budgeting.MethodGreedy, budgeting.WithTieBreak(budgeting.TieBreakLowerCost, budgeting.TieBreakLowerCost))
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)
	_, err = budgeting.NewRule(budgeting.MethodGreedy, budgeting.WithTieBreak(bad))
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)
	_, err = budgeting.NewRule(budgeting.MethodGreedy, budgeting.WithTieBreak(1, 2, 3, 4, 1))
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)
	_, err = budgeting.RuleByName("greedy_cost@coin")
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)
}

// tiedText has two projects that every rule ranks equal, b listed first,
// and a budget for one of them.
const tiedText = "META\nkey;value\nbudget;10\nvote_type;approval\nrule;greedy\nPROJECTS\nproject_id;cost;votes\n" +
	"b;10;2\na;10;2\nc;11;1\nVOTES\nvoter_id;vote\n1;a,b\n2;a,b,c\n"

func TestTieBreakSelectsTheWinner(t *testing.T) {
	e := mustParse(t, tiedText)
	for _, c := range []struct {
		rule string
		want []string
	}{
		{"greedy_cost", []string{"a"}},
		{"greedy_cost@row_order", []string{"b"}},
		{"mes_cost", []string{"a"}},
		{"mes_cost@row_order", []string{"b"}},
		{"phragmen", []string{"a"}},
		{"phragmen@row_order", []string{"b"}},
		{"greedy", []string{"b"}},
		{"greedy@project_id", []string{"a"}},
		{"greedy@more_supporters", []string{"b"}},
	} {
		t.Run(c.rule, func(t *testing.T) {
			r := mustRule(t, c.rule)
			assert.Equal(t, c.rule, r.Name())
			res, err := r.Run(context.Background(), e)
			require.NoError(t, err)
			assert.Equal(t, c.want, res.SelectedIDs()[:1])
			_, err = budgeting.Explain(res)
			require.NoError(t, err)
		})
	}
}

func TestTiedOutcomes(t *testing.T) {
	e := mustParse(t, tiedText)
	for _, name := range []string{"greedy_cost", "mes_cost", "phragmen", "greedy", "greedy-no-skip", "equalshares"} {
		t.Run(name, func(t *testing.T) {
			outs, err := mustRule(t, name).TiedOutcomes(context.Background(), e, 0)
			require.NoError(t, err)
			var got [][]string
			for _, o := range outs {
				got = append(got, o.SelectedIDs()[:1])
			}
			assert.ElementsMatch(t, [][]string{{"a"}, {"b"}}, got)
		})
	}
	// Without ties there is one outcome.
	outs, err := mustRule(t, "greedy_cost").TiedOutcomes(context.Background(),
		mustParse(t, "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\na;10\nb;10\nVOTES\nvoter_id;vote\n1;a\n2;a,b\n"), 0)
	require.NoError(t, err)
	assert.Len(t, outs, 1)
	// The limit is reported.
	_, err = mustRule(t, "greedy").TiedOutcomes(context.Background(), e, 1)
	require.ErrorIs(t, err, budgeting.ErrTooManyTies)
	_, err = budgeting.Rule{}.TiedOutcomes(context.Background(), e, 0)
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)
	_, err = mustRule(t, "greedy").TiedOutcomes(context.Background(), nil, 0)
	require.ErrorIs(t, err, budgeting.ErrInvalid)
}
