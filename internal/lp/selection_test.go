package lp_test

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/internal/lp"
)

// randomSelection returns a small random selection problem.
func randomSelection(rng *rand.Rand) *lp.Selection {
	nf := rng.IntN(4)
	s := &lp.Selection{K: 1 + rng.IntN(5)}
	for range nf {
		nc := 1 + rng.IntN(3)
		qs := make([]lp.Range, nc)
		for c := range qs {
			lo := rng.IntN(2)
			qs[c] = lp.Range{Min: lo, Max: lo + rng.IntN(4)}
		}
		s.Quotas = append(s.Quotas, qs)
	}
	ng := rng.IntN(3)
	for range ng {
		s.Groups = append(s.Groups, 1+rng.IntN(2))
	}
	nk := 1 + rng.IntN(6)
	for range nk {
		k := lp.Kind{Cap: 1 + rng.IntN(3), Group: rng.IntN(ng+1) - 1}
		for f := range nf {
			k.Cats = append(k.Cats, rng.IntN(len(s.Quotas[f])))
		}
		s.Kinds = append(s.Kinds, k)
	}
	return s
}

// enumerate returns every feasible pick of s.
func enumerate(s *lp.Selection) []lp.Pick {
	var out []lp.Pick
	x := make(lp.Pick, len(s.Kinds))
	var rec func(k int)
	rec = func(k int) {
		if k == len(x) {
			if s.Feasible(x) {
				out = append(out, append(lp.Pick(nil), x...))
			}
			return
		}
		for x[k] = 0; x[k] <= s.Kinds[k].Cap; x[k]++ {
			rec(k + 1)
		}
		x[k] = 0
	}
	rec(0)
	return out
}

func TestSelectionAgainstEnumeration(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 400 {
		s := randomSelection(rng)
		require.NoError(t, s.Validate())
		all := enumerate(s)
		weights := make([]*big.Int, len(s.Kinds))
		w64 := make([]int64, len(s.Kinds))
		for k := range weights {
			// Many ties: weights from a small set, some huge.
			v := int64(rng.IntN(4))
			weights[k] = new(big.Int).Mul(big.NewInt(v), new(big.Int).Lsh(big.NewInt(1), 100))
			if rng.IntN(3) == 0 {
				weights[k].Add(weights[k], big.NewInt(1))
			}
			w64[k] = v
		}
		var best *big.Int
		for _, p := range all {
			if v := p.Value(weights); best == nil || v.Cmp(best) > 0 {
				best = v
			}
		}
		// Nothing beats the best; something beats anything less.
		got, err := s.Improving(weights, big.NewInt(-1), 0)
		require.NoError(t, err)
		if best == nil {
			assert.Empty(t, got, "trial %d", trial)
			continue
		}
		require.NotEmpty(t, got, "trial %d", trial)
		last := got[len(got)-1]
		require.True(t, s.Feasible(last))
		assert.Equal(t, best.String(), last.Value(weights).String(), "trial %d: the best found last", trial)
		none, err := s.Improving(weights, best, 0)
		require.NoError(t, err)
		assert.Empty(t, none, "trial %d", trial)
		below := new(big.Int).Sub(best, big.NewInt(1))
		some, err := s.Improving(weights, below, 1)
		require.NoError(t, err)
		require.Len(t, some, 1, "trial %d", trial)
		assert.Positive(t, some[0].Value(weights).Cmp(below))

		// The search over relaxations agrees.
		got, err = s.ImprovingLP(weights, big.NewInt(-1), 0)
		require.NoError(t, err)
		require.NotEmpty(t, got, "trial %d", trial)
		assert.Equal(t, best.String(), got[len(got)-1].Value(weights).String(), "trial %d: relaxations", trial)
		none, err = s.ImprovingLP(weights, best, 0)
		require.NoError(t, err)
		assert.Empty(t, none, "trial %d", trial)

		pick, v, err := s.Max(w64)
		require.NoError(t, err)
		require.True(t, s.Feasible(pick))
		var want int64
		for _, p := range all {
			var pv int64
			for k, x := range p {
				pv += w64[k] * int64(x)
			}
			want = max(want, pv)
		}
		assert.Equal(t, want, v, "trial %d", trial)
	}
}

func TestSelectionErrors(t *testing.T) {
	s := &lp.Selection{K: 1, Quotas: [][]lp.Range{{{Min: 2, Max: 1}}}}
	require.ErrorIs(t, s.Validate(), lp.ErrInvalid)
	s = &lp.Selection{K: 1, Quotas: [][]lp.Range{{{Min: 0, Max: 1}}}, Kinds: []lp.Kind{{Cats: []int{3}, Cap: 1, Group: -1}}}
	require.ErrorIs(t, s.Validate(), lp.ErrInvalid)
	s = &lp.Selection{K: -1}
	require.ErrorIs(t, s.Validate(), lp.ErrInvalid)
	s = &lp.Selection{K: 1, Kinds: []lp.Kind{{Cap: 1, Group: -1}}}
	_, err := s.Improving(nil, big.NewInt(0), 0)
	require.ErrorIs(t, err, lp.ErrInvalid)
	_, err = s.Improving([]*big.Int{big.NewInt(-1)}, big.NewInt(0), 0)
	require.ErrorIs(t, err, lp.ErrInvalid)
	_, _, err = s.Max(nil)
	require.ErrorIs(t, err, lp.ErrInvalid)
	s.NodeLimit = 1
	s.Kinds = append(s.Kinds, lp.Kind{Cap: 1, Group: -1})
	s.K = 2
	_, _, err = s.Max([]int64{1, 1})
	require.ErrorIs(t, err, lp.ErrIterationLimit)
}
