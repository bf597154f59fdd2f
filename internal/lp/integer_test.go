package lp_test

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/internal/lp"
)

func TestKnapsack(t *testing.T) {
	// max 8a + 11b + 6c + 4d, 5a + 7b + 4c + 3d ≤ 14, binary: 21 (b, c, d).
	one := n(1)
	m := build(t, []*big.Rat{n(8), n(11), n(6), n(4)}, [][2]*big.Rat{{n(0), one}, {n(0), one}, {n(0), one}, {n(0), one}},
		[]row{{[]int64{5, 7, 4, 3}, lp.SenseLessEq, n(14)}})
	st, err := m.SolveInteger([]int{0, 1, 2, 3}, 0)
	require.NoError(t, err)
	require.Equal(t, lp.StatusOptimal, st)
	assert.Equal(t, "21", m.Objective().RatString())
	assert.Nil(t, m.Dual(0))
	lo, hi := m.Bounds(1)
	assert.Equal(t, "0", lo.RatString())
	assert.Equal(t, "1", hi.RatString(), "bounds restored")

	// No integer point: 2x = 1.
	m = build(t, []*big.Rat{n(1)}, [][2]*big.Rat{{n(0), n(5)}}, []row{{[]int64{2}, lp.SenseEqual, n(1)}})
	st, err = m.SolveInteger([]int{0}, 0)
	require.NoError(t, err)
	assert.Equal(t, lp.StatusInfeasible, st)

	// A node limit.
	m = build(t, []*big.Rat{n(1)}, [][2]*big.Rat{{n(0), n(5)}}, []row{{[]int64{2}, lp.SenseEqual, n(1)}})
	_, err = m.SolveInteger([]int{0}, 1)
	require.ErrorIs(t, err, lp.ErrIterationLimit)
}

// TestIntegerBruteForce compares branch and bound with enumeration on
// random bounded programs.
func TestIntegerBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 150 {
		nv, nr := 1+rng.IntN(4), 1+rng.IntN(4)
		obj := make([]*big.Rat, nv)
		bounds := make([][2]*big.Rat, nv)
		his := make([]int64, nv)
		for j := range obj {
			obj[j] = n(int64(rng.IntN(21) - 10))
			his[j] = int64(rng.IntN(4))
			bounds[j] = [2]*big.Rat{n(0), n(his[j])}
		}
		var rows []row
		for range nr {
			coefs := make([]int64, nv)
			for j := range coefs {
				coefs[j] = int64(rng.IntN(9) - 4)
			}
			rows = append(rows, row{coefs, lp.Senses()[rng.IntN(3)], n(int64(rng.IntN(9) - 2))})
		}
		// Enumerate.
		var best *int64
		x := make([]int64, nv)
		var rec func(j int)
		rec = func(j int) {
			if j == nv {
				for _, rw := range rows {
					var s int64
					for k, c := range rw.coefs {
						s += c * x[k]
					}
					rhs := rw.rhs.Num().Int64()
					if (rw.sense == lp.SenseLessEq && s > rhs) || (rw.sense == lp.SenseGreaterEq && s < rhs) || (rw.sense == lp.SenseEqual && s != rhs) {
						return
					}
				}
				var v int64
				for k := range x {
					v += obj[k].Num().Int64() * x[k]
				}
				if best == nil || v > *best {
					best = &v
				}
				return
			}
			for x[j] = 0; x[j] <= his[j]; x[j]++ {
				rec(j + 1)
			}
		}
		rec(0)
		m := build(t, obj, bounds, rows)
		all := make([]int, nv)
		for j := range all {
			all[j] = j
		}
		st, err := m.SolveInteger(all, 0)
		require.NoError(t, err)
		if best == nil {
			assert.Equal(t, lp.StatusInfeasible, st, "trial %d", trial)
			continue
		}
		require.Equal(t, lp.StatusOptimal, st, "trial %d", trial)
		assert.Equal(t, n(*best).RatString(), m.Objective().RatString(), "trial %d", trial)
	}
}
