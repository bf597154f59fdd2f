package budgeting_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// oneVoterMany returns an election with n projects of the given cost, all
// approved by one voter: every round of every rule ties across all of
// them, and the ties are settled with exact rationals.
func oneVoterMany(t *testing.T, n int, budget, cost string) *budgeting.Election {
	t.Helper()
	var b strings.Builder
	b.WriteString("META\nkey;value\nbudget;" + budget + "\nvote_type;approval\nPROJECTS\nproject_id;cost;votes\n")
	ids := make([]string, n)
	for i := range n {
		ids[i] = itoa(i)
		b.WriteString(ids[i] + ";" + cost + ";1\n")
	}
	b.WriteString("VOTES\nvoter_id;vote\nv;" + strings.Join(ids, ",") + "\n")
	e, err := budgeting.Parse([]byte(b.String()))
	require.NoError(t, err)
	return e
}

// stopAfter is a context whose Err reports Canceled from its n-th call on:
// it shows, without a clock, that a computation looks at its context while
// it runs and stops when told.
type stopAfter struct {
	context.Context
	calls atomic.Int64
	n     int64
}

func (c *stopAfter) Err() error {
	if c.calls.Add(1) >= c.n {
		return context.Canceled
	}
	return nil
}

func TestRunStopsInsideARun(t *testing.T) {
	// One voter, 3,000 projects: a single run has thousands of rounds.
	e := oneVoterMany(t, 3000, "3000", "3")
	for _, name := range []string{"greedy_cost", "greedy_card", "mes_cost", "mes_card", "mes_cost_add1", "mes_cost_exh1pct",
		"mes_cost_greedy", "phragmen", "greedy", "equalshares/add1"} {
		t.Run(name, func(t *testing.T) {
			r, err := budgeting.RuleByName(name)
			require.NoError(t, err)
			ctx := &stopAfter{Context: context.Background(), n: 3}
			_, err = r.Run(ctx, e)
			require.ErrorIs(t, err, context.Canceled)
			require.GreaterOrEqual(t, ctx.calls.Load(), int64(3), "stopped by a look inside the run")
		})
	}
}

func TestExplainStopsInsideTheReplay(t *testing.T) {
	e := oneVoterMany(t, 300, "300", "1")
	for _, name := range []string{"greedy_cost", "mes_cost", "phragmen", "equalshares/add1"} {
		t.Run(name, func(t *testing.T) {
			r, err := budgeting.RuleByName(name)
			require.NoError(t, err)
			res, err := r.Run(context.Background(), e)
			require.NoError(t, err)
			_, err = budgeting.ExplainContext(&stopAfter{Context: context.Background(), n: 3}, res)
			require.ErrorIs(t, err, context.Canceled)
		})
	}
	// Given time, ExplainContext explains as Explain does.
	small := oneVoterMany(t, 40, "40", "1")
	for _, name := range []string{"greedy_cost", "mes_cost", "phragmen", "equalshares/add1"} {
		t.Run(name+" to the end", func(t *testing.T) {
			r, err := budgeting.RuleByName(name)
			require.NoError(t, err)
			res, err := r.Run(context.Background(), small)
			require.NoError(t, err)
			want, err := budgeting.Explain(res)
			require.NoError(t, err)
			got, err := budgeting.ExplainContext(context.Background(), res)
			require.NoError(t, err)
			require.Equal(t, want, got)
		})
	}
}

func TestRunHonoursADeadline(t *testing.T) {
	// One voter and 100,000 projects once ran 21.5 s past a 200 ms
	// deadline: the context was looked at only between completion reruns.
	// The run must now end with the deadline's error (it would take
	// minutes to finish); how soon is not asserted.
	if testing.Short() {
		t.Skip("builds an election of 100,000 projects")
	}
	e := oneVoterMany(t, 100_000, "100000", "3")
	for _, name := range []string{"mes_cost", "phragmen"} {
		t.Run(name, func(t *testing.T) {
			r, err := budgeting.RuleByName(name)
			require.NoError(t, err)
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			_, err = r.Run(ctx, e)
			require.ErrorIs(t, err, context.DeadlineExceeded)
		})
	}
}
