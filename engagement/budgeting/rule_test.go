package budgeting_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

func TestRuleByName(t *testing.T) {
	tests := []struct {
		name       string
		method     budgeting.Method
		utility    budgeting.Utility
		completion budgeting.Completion
		greedy     bool
	}{
		{"greedy_cost", budgeting.MethodGreedy, budgeting.UtilityCost, budgeting.CompletionNone, false},
		{"greedy_card", budgeting.MethodGreedy, budgeting.UtilityCardinality, budgeting.CompletionNone, false},
		{"mes_cost", budgeting.MethodEqualShares, budgeting.UtilityCost, budgeting.CompletionNone, false},
		{"mes_card", budgeting.MethodEqualShares, budgeting.UtilityCardinality, budgeting.CompletionNone, false},
		{"mes_cost_greedy", budgeting.MethodEqualShares, budgeting.UtilityCost, budgeting.CompletionNone, true},
		{"mes_cost_add1", budgeting.MethodEqualShares, budgeting.UtilityCost, budgeting.CompletionAdd1, false},
		{"mes_cost_add1_greedy", budgeting.MethodEqualShares, budgeting.UtilityCost, budgeting.CompletionAdd1, true},
		{"mes_cost_exh1pct", budgeting.MethodEqualShares, budgeting.UtilityCost, budgeting.CompletionExh1pct, false},
		{"mes_card_exh1pct_greedy", budgeting.MethodEqualShares, budgeting.UtilityCardinality, budgeting.CompletionExh1pct, true},
		{"phragmen", budgeting.MethodPhragmen, 0, budgeting.CompletionNone, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := budgeting.RuleByName(tc.name)
			require.NoError(t, err)
			assert.True(t, r.IsValid())
			assert.Equal(t, tc.method, r.Method())
			assert.Equal(t, tc.utility, r.Utility())
			assert.Equal(t, tc.completion, r.Completion())
			assert.Equal(t, tc.greedy, r.GreedyCompletion())
			assert.False(t, r.Traced())
			assert.Equal(t, tc.name, r.Name())
			assert.Equal(t, tc.name, r.String())
			b, err := r.MarshalText()
			require.NoError(t, err)
			var back budgeting.Rule
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, r, back)
			js, err := json.Marshal(r)
			require.NoError(t, err)
			assert.Equal(t, `"`+tc.name+`"`, string(js))
		})
	}
	assert.Len(t, budgeting.ReferenceRules(), 9)
	for _, name := range budgeting.ReferenceRules() {
		_, err := budgeting.RuleByName(name)
		require.NoError(t, err, name)
	}
}

func TestRuleByNameErrors(t *testing.T) {
	// "greedy" alone is the official rule of that name.
	for _, name := range []string{"", "greedy_votes", "greedy-threshold_cost", "equalshares/add2", "mes", "mes_cost_none", "mes_cost_add2",
		"greedy_cost_add1", "greedy_cost_greedy", "phragmen_cost", "phragmen_greedy", "mes_cost_greedy_add1",
		"borda_cost", "mes_cost_add1_exh1pct"} {
		t.Run(name, func(t *testing.T) {
			_, err := budgeting.RuleByName(name)
			require.ErrorIs(t, err, budgeting.ErrInvalidRule)
		})
	}
	var r budgeting.Rule
	require.ErrorIs(t, r.UnmarshalText([]byte("nope")), budgeting.ErrInvalidRule)
}

func TestNewRule(t *testing.T) {
	r, err := budgeting.NewRule(budgeting.MethodEqualShares)
	require.NoError(t, err)
	assert.Equal(t, "mes_cost", r.Name(), "cost utility and no completion by default")
	r, err = budgeting.NewRule(budgeting.MethodEqualShares, budgeting.WithUtility(budgeting.UtilityCardinality),
		budgeting.WithCompletion(budgeting.CompletionAdd1), budgeting.WithGreedyCompletion(), budgeting.WithTrace())
	require.NoError(t, err)
	assert.Equal(t, "mes_card_add1_greedy", r.Name())
	assert.True(t, r.Traced())

	for _, tc := range []struct {
		name string
		m    budgeting.Method
		opts []budgeting.Option
	}{
		{"no method", 0, nil},
		{"bad utility", budgeting.MethodGreedy, []budgeting.Option{budgeting.WithUtility(7)}},
		{"bad completion", budgeting.MethodEqualShares, []budgeting.Option{budgeting.WithCompletion(9)}},
		{"greedy with a completion", budgeting.MethodGreedy, []budgeting.Option{budgeting.WithCompletion(budgeting.CompletionAdd1)}},
		{"greedy with greedy", budgeting.MethodGreedy, []budgeting.Option{budgeting.WithGreedyCompletion()}},
		{"phragmen with a utility", budgeting.MethodPhragmen, []budgeting.Option{budgeting.WithUtility(budgeting.UtilityCost)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := budgeting.NewRule(tc.m, tc.opts...)
			require.ErrorIs(t, err, budgeting.ErrInvalidRule)
		})
	}

	var zero budgeting.Rule
	assert.False(t, zero.IsValid())
	assert.Equal(t, "invalid", zero.Name())
	_, err = zero.MarshalText()
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)
	_, err = zero.Run(context.Background(), mustParse(t, instanceA))
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)
}

func TestRunErrors(t *testing.T) {
	ctx := context.Background()
	_, err := mustRule(t, "greedy_cost").Run(ctx, nil)
	require.ErrorIs(t, err, budgeting.ErrInvalid)

	_, err = mustRule(t, "phragmen").Run(ctx, mustParse(t, instanceJ))
	require.ErrorIs(t, err, budgeting.ErrUnsupported)

	// A completion honours its context: at 5 per voter instance C needs a
	// second run, which a cancelled context stops.
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	for _, name := range []string{"mes_cost_add1", "mes_cost_exh1pct"} {
		_, err = mustRule(t, name).Run(cancelled, mustParse(t, instanceC))
		require.ErrorIs(t, err, context.Canceled, name)
	}

	// Amounts that do not fit in 63 bits once scaled to integers are
	// refused by the reader (TestAmountOverflowAtParse), so Run never meets
	// them in a file read.
	// Points must fit in 31 bits.
	_, err = mustRule(t, "mes_cost").Run(ctx, mustParse(t, "META\nkey;value\nbudget;10\nvote_type;scoring\n"+
		"PROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote;points\nv1;a;4294967296\nv2;a;1\n"))
	require.ErrorIs(t, err, budgeting.ErrOverflow)
}

func TestRulesWithoutVoters(t *testing.T) {
	// No ballots: every utility is 0. Greedy still funds by ID what fits;
	// equal shares has no candidates; Phragmén funds the unapproved
	// projects by ID while all of them fit.
	e := mustParse(t, "META\nkey;value\nbudget;5\nvote_type;approval\nPROJECTS\nproject_id;cost\nb;2\na;3\nc;1\nVOTES\nvoter_id;vote\n")
	assert.Equal(t, []string{"a", "b"}, run(t, e, "greedy_cost"))
	assert.Empty(t, run(t, e, "mes_cost"))
	assert.Empty(t, run(t, e, "mes_cost_add1"))
	assert.Empty(t, run(t, e, "mes_cost_exh1pct"))
	assert.Equal(t, []string{"a", "b"}, run(t, e, "mes_cost_greedy"))
	// a (3) and b (2) fit in 5 one by one; then c (1) does not fit in 0.
	assert.Equal(t, []string{"a", "b"}, run(t, e, "phragmen"))
}

func TestZeroBudget(t *testing.T) {
	// B = 0: only free projects can be funded; exh1pct stops at once since
	// raising 0 by 1 % changes nothing.
	e := mustParse(t, "META\nkey;value\nbudget;0\nvote_type;approval\nPROJECTS\nproject_id;cost\na;0\nb;1\nVOTES\nvoter_id;vote\nv;a,b\n")
	assert.Equal(t, []string{"a"}, run(t, e, "mes_card_exh1pct"))
	assert.Equal(t, []string{"a"}, run(t, e, "greedy_card"))
	assert.Equal(t, []string{"a"}, run(t, e, "phragmen"))
}

// TestRuleTitle: the names people read, beside the names programs read.
func TestRuleTitle(t *testing.T) {
	for name, title := range map[string]string{
		"greedy_cost":                      "Greedy",
		"greedy_card":                      "Greedy with cardinality utility",
		"mes_cost":                         "Method of Equal Shares",
		"mes_card":                         "Method of Equal Shares with cardinality utility",
		"mes_cost_greedy":                  "Method of Equal Shares with greedy completion",
		"mes_cost_add1":                    "Method of Equal Shares with add-one completion",
		"mes_cost_add1_greedy":             "Method of Equal Shares with add-one completion, then greedy",
		"mes_card_exh1pct":                 "Method of Equal Shares with cardinality utility and one-percent completion",
		"phragmen":                         "Sequential Phragmén",
		"greedy_cost@lower_cost,row_order": "Greedy (ties broken by lower cost, then row order)",
		"greedy-no-skip":                   "Official rule greedy-no-skip",
		"equalshares/add1@more_supporters": "Official rule equalshares/add1 (ties broken by more supporters)",
	} {
		r, err := budgeting.RuleByName(name)
		require.NoError(t, err)
		assert.Equal(t, title, r.Title(), name)
		assert.Equal(t, name, r.Name())
	}
	assert.Equal(t, "Invalid rule", budgeting.Rule{}.Title())
	assert.Equal(t, "Method(0)", budgeting.Method(0).Title())
}
