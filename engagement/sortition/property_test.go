package sortition_test

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/sortition"
)

// sum returns the sum of rs.
func sum(rs []*big.Rat) *big.Rat {
	s := new(big.Rat)
	for _, r := range rs {
		s.Add(s, r)
	}
	return s
}

// TestPanelsMeetQuotas draws from every algorithm on random pools: every
// panel of every lottery, and every legacy draw, meets every quota and the
// household rule; the probabilities sum to k, exactly, in the
// distribution and in the lottery.
func TestPanelsMeetQuotas(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for trial := range 12 {
		n := 20 + rng.IntN(30)
		pool, spec := genPool(uint64(100+trial), n, 2+rng.IntN(3), 4+rng.IntN(4))
		k := big.NewRat(int64(spec.PanelSize), 1)
		for _, alg := range []sortition.Algorithm{sortition.AlgorithmLeximin, sortition.AlgorithmMaximin, sortition.AlgorithmNash} {
			t.Run(fmt.Sprintf("%d/%v", trial, alg), func(t *testing.T) {
				d, err := sortition.Fair(pool, spec, alg)
				require.NoError(t, err)
				assert.Equal(t, k.RatString(), sum(d.Probabilities()).RatString())
				for _, p := range d.Probabilities() {
					assert.True(t, p.Sign() >= 0 && p.Cmp(big.NewRat(1, 1)) <= 0)
				}
				l, err := d.Round(200)
				require.NoError(t, err)
				require.Equal(t, 200, l.Len())
				var lsum big.Rat
				for i := range pool.Len() {
					lsum.Add(&lsum, l.Probability(i))
				}
				assert.Equal(t, k.RatString(), lsum.RatString())
				for tk := range l.Len() {
					require.NoError(t, panelOK(pool, spec, l.Members(tk)), "panel %d", tk)
				}
				dr, err := l.Draw(fmt.Sprintf("draw %d", trial))
				require.NoError(t, err)
				assert.Len(t, dr.Panel, spec.PanelSize)
			})
		}
		t.Run(fmt.Sprintf("%d/legacy", trial), func(t *testing.T) {
			for r := range 20 {
				panel, err := sortition.Legacy(pool, spec, rand.New(rand.NewPCG(uint64(r), 7)))
				require.NoError(t, err)
				require.NoError(t, panelOK(pool, spec, panel))
			}
			est, err := sortition.EstimateLegacy(pool, spec, 50, rand.New(rand.NewPCG(1, 2)))
			require.NoError(t, err)
			assert.Equal(t, k.RatString(), sum(est).RatString())
		})
	}
}

// TestLeximinFairerThanLegacy: the leximin minimum is at least the least
// estimated legacy probability on a skewed pool, and leximin is at least
// maximin's minimum.
func TestLeximinFairerThanLegacy(t *testing.T) {
	pool, spec := genPool(5, 60, 3, 8)
	lex, err := sortition.Fair(pool, spec, sortition.AlgorithmLeximin)
	require.NoError(t, err)
	mm, err := sortition.Fair(pool, spec, sortition.AlgorithmMaximin)
	require.NoError(t, err)
	assert.Equal(t, mm.Min().RatString(), lex.Min().RatString())
	est, err := sortition.EstimateLegacy(pool, spec, 400, rand.New(rand.NewPCG(3, 4)))
	require.NoError(t, err)
	least := est[0]
	for _, p := range est {
		if p.Cmp(least) < 0 {
			least = p
		}
	}
	assert.GreaterOrEqual(t, lex.Min().Cmp(least), 0, "leximin min %s, legacy min %s", lex.Min().FloatString(4), least.FloatString(4))
	assert.Equal(t, new(big.Rat).Sub(big.NewRat(8, 60), lex.Min()).RatString(), lex.Shortfall().RatString())
}

func TestNash(t *testing.T) {
	pool, spec := genPool(9, 40, 3, 6)
	d, err := sortition.Fair(pool, spec, sortition.AlgorithmNash)
	require.NoError(t, err)
	gap, ok := d.NashGap()
	require.True(t, ok)
	// The bound on the gap: at most the tolerance (10⁻⁴ of n) plus the
	// rounding of the weights and of the pricing.
	assert.True(t, gap.Sign() >= 0)
	assert.Negative(t, gap.Cmp(big.NewRat(int64(pool.Len()), 1000)), "gap %s", gap.FloatString(6))
	assert.Positive(t, d.Min().Sign())
	lex, err := sortition.Fair(pool, spec, sortition.AlgorithmLeximin)
	require.NoError(t, err)
	_, ok = lex.NashGap()
	assert.False(t, ok)
	// Nash's least probability is no more than leximin's.
	assert.LessOrEqual(t, d.Min().Cmp(lex.Min()), 0)
}
