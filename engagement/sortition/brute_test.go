package sortition_test

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/sortition"
	"github.com/civitas-go/civitas/internal/lp"
)

// tinyInstance returns a random pool small enough to enumerate its panels,
// with random quotas (which may be infeasible).
func tinyInstance(rng *rand.Rand, n int) (*sortition.Pool, sortition.Spec) {
	nf := 1 + rng.IntN(3)
	names := make([]string, nf)
	nv := make([]int, nf)
	for f := range names {
		names[f] = fmt.Sprintf("f%d", f)
		nv[f] = 2 + rng.IntN(2)
	}
	rs := make([]sortition.Respondent, n)
	for i := range rs {
		rs[i].ID = fmt.Sprintf("r%02d", i)
		for f := range names {
			// Skewed: value 0 twice as likely.
			v := rng.IntN(nv[f] + 1)
			if v == nv[f] {
				v = 0
			}
			rs[i].Values = append(rs[i].Values, fmt.Sprintf("v%d", v))
		}
		if i > 0 && rng.IntN(5) == 0 {
			if rs[i-1].Household == "" {
				rs[i-1].Household = fmt.Sprintf("h%02d", i)
			}
			rs[i].Household = rs[i-1].Household
		}
	}
	pool, err := sortition.NewPool(names, rs)
	if err != nil {
		panic(err)
	}
	k := 2 + rng.IntN(3)
	spec := sortition.Spec{PanelSize: k}
	for f := range names {
		for v := range nv[f] {
			lo := rng.IntN(2)
			spec.Quotas = append(spec.Quotas, sortition.Quota{Feature: names[f], Value: fmt.Sprintf("v%d", v), Min: lo, Max: lo + rng.IntN(k)})
		}
	}
	return pool, spec
}

// panelOK reports whether members (pool positions) form a panel that
// meets spec: k distinct people, one per household, every quota met.
func panelOK(pool *sortition.Pool, spec sortition.Spec, members []int) error {
	if len(members) != spec.PanelSize {
		return fmt.Errorf("%d members for %d seats", len(members), spec.PanelSize)
	}
	seen, houses := map[int]bool{}, map[string]bool{}
	for _, i := range members {
		if seen[i] {
			return fmt.Errorf("respondent %d twice", i)
		}
		seen[i] = true
		if h := pool.Respondent(i).Household; h != "" {
			if houses[h] {
				return fmt.Errorf("household %s twice", h)
			}
			houses[h] = true
		}
	}
	for _, q := range spec.Quotas {
		c := 0
		for _, i := range members {
			if v, _ := pool.Value(i, q.Feature); v == q.Value {
				c++
			}
		}
		if c < q.Min || c > q.Max {
			return fmt.Errorf("quota %s=%s: %d not in [%d, %d]", q.Feature, q.Value, c, q.Min, q.Max)
		}
	}
	return nil
}

// allPanels enumerates every feasible panel of a tiny instance.
func allPanels(pool *sortition.Pool, spec sortition.Spec) [][]int {
	var out [][]int
	var cur []int
	var rec func(next int)
	rec = func(next int) {
		if len(cur) == spec.PanelSize {
			if panelOK(pool, spec, cur) == nil {
				out = append(out, append([]int(nil), cur...))
			}
			return
		}
		for i := next; i < pool.Len(); i++ {
			cur = append(cur, i)
			rec(i + 1)
			cur = cur[:len(cur)-1]
		}
	}
	rec(0)
	return out
}

// bruteLeximin computes the leximin probabilities over every panel by its
// definition: maximise the least open probability z; then every open
// person whose probability cannot exceed z while the others keep theirs
// is fixed at z; repeat. maximin returns after the first stage.
func bruteLeximin(t *testing.T, n int, panels [][]int, maximin bool) []*big.Rat {
	t.Helper()
	level := make([]*big.Rat, n)
	for {
		z := stageLP(t, n, panels, level, -1, nil)
		if maximin {
			return []*big.Rat{z}
		}
		fixed := 0
		for i := range n {
			if level[i] != nil {
				continue
			}
			if best := stageLP(t, n, panels, level, i, z); best.Cmp(z) == 0 {
				level[i] = z
				fixed++
			}
		}
		require.Positive(t, fixed)
		done := true
		for _, l := range level {
			done = done && l != nil
		}
		if done {
			return level
		}
	}
}

// stageLP solves, over every panel: with target < 0, max z such that
// every open person has at least z and every fixed one their level; with
// target ≥ 0, the most person target can have while every open person
// keeps at least z and every fixed one their level.
func stageLP(t *testing.T, n int, panels [][]int, level []*big.Rat, target int, z *big.Rat) *big.Rat {
	t.Helper()
	m := lp.NewModel()
	for range panels {
		_, err := m.AddVar(nil, nil, nil)
		require.NoError(t, err)
	}
	zv := -1
	if target < 0 {
		var err error
		zv, err = m.AddVar(big.NewRat(1, 1), nil, nil)
		require.NoError(t, err)
	} else {
		for p, panel := range panels {
			for _, i := range panel {
				if i == target {
					require.NoError(t, m.SetObjective(p, big.NewRat(1, 1)))
				}
			}
		}
	}
	for i := range n {
		var terms []lp.Term
		for p, panel := range panels {
			for _, j := range panel {
				if j == i {
					terms = append(terms, lp.Term{Index: p, Coef: 1})
				}
			}
		}
		rhs := level[i]
		if rhs == nil {
			if target < 0 {
				terms = append(terms, lp.Term{Index: zv, Coef: -1})
				rhs = new(big.Rat)
			} else {
				rhs = z
			}
		}
		_, err := m.AddRow(terms, lp.SenseGreaterEq, rhs)
		require.NoError(t, err)
	}
	all := make([]lp.Term, len(panels))
	for p := range panels {
		all[p] = lp.Term{Index: p, Coef: 1}
	}
	_, err := m.AddRow(all, lp.SenseEqual, big.NewRat(1, 1))
	require.NoError(t, err)
	st, err := m.Solve()
	require.NoError(t, err)
	require.Equal(t, lp.StatusOptimal, st)
	return m.Objective()
}

// TestLeximinMatchesBruteForce holds leximin and maximin against the exact
// optimum over every feasible panel of small random pools.
func TestLeximinMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	checked, layered := 0, 0
	defer func() {
		// Most instances have people at several levels, so later stages
		// are exercised too.
		assert.Greater(t, layered, 20)
	}()
	for trial := 0; checked < 40; trial++ {
		pool, spec := tinyInstance(rng, 6+rng.IntN(5))
		panels := allPanels(pool, spec)
		if len(panels) == 0 {
			continue
		}
		checked++
		t.Run(fmt.Sprint(trial), func(t *testing.T) {
			lex, err := sortition.Fair(pool, spec, sortition.AlgorithmLeximin)
			require.NoError(t, err)
			want := bruteLeximin(t, pool.Len(), panels, false)
			levels := map[string]bool{}
			for i, w := range want {
				assert.Equal(t, w.RatString(), lex.Probability(i).RatString(), "respondent %d", i)
				levels[w.RatString()] = true
			}
			if len(levels) > 1 {
				layered++
			}
			mm, err := sortition.Fair(pool, spec, sortition.AlgorithmMaximin)
			require.NoError(t, err)
			z := bruteLeximin(t, pool.Len(), panels, true)[0]
			assert.Equal(t, z.RatString(), mm.Min().RatString())
			assert.Equal(t, z.RatString(), lex.Min().RatString())
		})
	}
}

// TestRelaxationIsMinimal holds the relaxation of infeasible quotas
// against the least total violation over every k-set that keeps the
// household rule.
func TestRelaxationIsMinimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	checked := 0
	for trial := 0; checked < 30; trial++ {
		pool, spec := tinyInstance(rng, 6+rng.IntN(5))
		if len(allPanels(pool, spec)) > 0 {
			continue
		}
		free := sortition.Spec{PanelSize: spec.PanelSize}
		sets := allPanels(pool, free)
		if len(sets) == 0 {
			continue // fewer households than seats
		}
		checked++
		best := -1
		for _, s := range sets {
			total := 0
			for _, q := range spec.Quotas {
				c := 0
				for _, i := range s {
					if v, _ := pool.Value(i, q.Feature); v == q.Value {
						c++
					}
				}
				total += max(0, q.Min-c) + max(0, c-q.Max)
			}
			if best < 0 || total < best {
				best = total
			}
		}
		_, err := sortition.Fair(pool, spec, sortition.AlgorithmLeximin)
		require.ErrorIs(t, err, sortition.ErrInfeasible)
		var ie *sortition.InfeasibleError
		require.ErrorAs(t, err, &ie)
		assert.Equal(t, best, ie.Total(), "trial %d", trial)
		// The relaxed quotas are feasible.
		relaxed := spec
		relaxed.Quotas = append([]sortition.Quota(nil), spec.Quotas...)
		for _, c := range ie.Relaxation {
			for j, q := range relaxed.Quotas {
				if q.Feature == c.Feature && q.Value == c.Value {
					relaxed.Quotas[j].Min, relaxed.Quotas[j].Max = c.NewMin, c.NewMax
				}
			}
		}
		assert.NotEmpty(t, allPanels(pool, relaxed), "trial %d", trial)
	}
}
