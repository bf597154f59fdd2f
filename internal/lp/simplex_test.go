package lp_test

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/internal/lp"
)

func r(a, b int64) *big.Rat { return big.NewRat(a, b) }

func n(a int64) *big.Rat { return big.NewRat(a, 1) }

// row describes one row of a test model.
type row struct {
	coefs []int64
	sense lp.Sense
	rhs   *big.Rat
}

// build returns a model with one variable per objective entry (bounds
// [0, +∞) unless given) and the rows.
func build(t *testing.T, obj []*big.Rat, bounds [][2]*big.Rat, rows []row) *lp.Model {
	t.Helper()
	m := lp.NewModel()
	for j, c := range obj {
		lo, hi := n(0), (*big.Rat)(nil)
		if bounds != nil {
			lo, hi = bounds[j][0], bounds[j][1]
		}
		_, err := m.AddVar(c, lo, hi)
		require.NoError(t, err)
	}
	for _, rw := range rows {
		var terms []lp.Term
		for j, c := range rw.coefs {
			terms = append(terms, lp.Term{Index: j, Coef: c})
		}
		_, err := m.AddRow(terms, rw.sense, rw.rhs)
		require.NoError(t, err)
	}
	return m
}

func TestKnownOptima(t *testing.T) {
	le, ge, eq := lp.SenseLessEq, lp.SenseGreaterEq, lp.SenseEqual
	cases := []struct {
		name   string
		obj    []*big.Rat
		bounds [][2]*big.Rat
		rows   []row
		status lp.Status
		opt    *big.Rat
		x      []*big.Rat
		duals  []*big.Rat
	}{
		{
			// Hillier & Lieberman's Wyndor Glass: x=2, y=6, z=36,
			// shadow prices 0, 3/2, 1.
			name: "wyndor", obj: []*big.Rat{n(3), n(5)},
			rows:   []row{{[]int64{1, 0}, le, n(4)}, {[]int64{0, 2}, le, n(12)}, {[]int64{3, 2}, le, n(18)}},
			status: lp.StatusOptimal, opt: n(36), x: []*big.Rat{n(2), n(6)},
			duals: []*big.Rat{n(0), r(3, 2), n(1)},
		},
		{
			// Klee and Minty's cube in three dimensions.
			name: "klee-minty", obj: []*big.Rat{n(100), n(10), n(1)},
			rows:   []row{{[]int64{1, 0, 0}, le, n(1)}, {[]int64{20, 1, 0}, le, n(100)}, {[]int64{200, 20, 1}, le, n(10000)}},
			status: lp.StatusOptimal, opt: n(10000), x: []*big.Rat{n(0), n(0), n(10000)},
		},
		{
			// Beale's example, which cycles under Dantzig's rule without a
			// safeguard (rows scaled to integers): optimum 5/4.
			name: "beale", obj: []*big.Rat{r(3, 4), n(-20), r(1, 2), n(-6)},
			rows:   []row{{[]int64{1, -32, -4, 36}, le, n(0)}, {[]int64{1, -24, -1, 6}, le, n(0)}, {[]int64{0, 0, 1, 0}, le, n(1)}},
			status: lp.StatusOptimal, opt: r(5, 4), x: []*big.Rat{n(1), n(0), n(1), n(0)},
		},
		{
			// Minimise 2x + 3y (maximise the negation) subject to x + y ≥
			// 4, x + 3y ≥ 6, x ≤ 3: x=3, y=1, cost 9.
			name: "covering", obj: []*big.Rat{n(-2), n(-3)},
			rows:   []row{{[]int64{1, 1}, ge, n(4)}, {[]int64{1, 3}, ge, n(6)}, {[]int64{1, 0}, le, n(3)}},
			status: lp.StatusOptimal, opt: n(-9), x: []*big.Rat{n(3), n(1)},
		},
		{
			name: "equality", obj: []*big.Rat{n(1), n(2), n(3)},
			rows:   []row{{[]int64{1, 1, 1}, eq, n(1)}, {[]int64{1, -1, 0}, eq, r(1, 3)}},
			status: lp.StatusOptimal, opt: r(7, 3), x: []*big.Rat{r(1, 3), n(0), r(2, 3)},
		},
		{
			name: "bounded variables", obj: []*big.Rat{n(1), n(1)},
			bounds: [][2]*big.Rat{{n(0), n(2)}, {n(1), n(3)}},
			rows:   []row{{[]int64{1, 1}, le, n(4)}},
			status: lp.StatusOptimal, opt: n(4),
		},
		{
			name: "upper bounds bind", obj: []*big.Rat{n(2), n(1)},
			bounds: [][2]*big.Rat{{n(0), r(1, 2)}, {r(1, 3), r(2, 3)}},
			rows:   []row{{[]int64{1, 1}, le, n(10)}},
			status: lp.StatusOptimal, opt: r(5, 3), x: []*big.Rat{r(1, 2), r(2, 3)},
		},
		{
			name: "infeasible", obj: []*big.Rat{n(1), n(1)},
			rows:   []row{{[]int64{1, 1}, ge, n(5)}, {[]int64{1, 1}, le, n(3)}},
			status: lp.StatusInfeasible,
		},
		{
			name: "unbounded", obj: []*big.Rat{n(1), n(0)},
			rows:   []row{{[]int64{1, -1}, le, n(1)}},
			status: lp.StatusUnbounded,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := build(t, c.obj, c.bounds, c.rows)
			st, err := m.Solve()
			require.NoError(t, err)
			require.Equal(t, c.status, st)
			if st != lp.StatusOptimal {
				return
			}
			assert.Equal(t, c.opt.RatString(), m.Objective().RatString())
			for j, x := range c.x {
				assert.Equal(t, x.RatString(), m.Value(j).RatString(), "x%d", j)
			}
			for i, d := range c.duals {
				assert.Equal(t, d.RatString(), m.Dual(i).RatString(), "dual %d", i)
			}
			certify(t, m, c.obj, c.bounds, c.rows)
		})
	}
}

// certify checks an optimal solution by its certificate: the point
// satisfies every row and bound, the duals have the right signs, and every
// reduced cost agrees with the variable's position at its bounds, so the
// point is optimal by complementary slackness.
func certify(t *testing.T, m *lp.Model, obj []*big.Rat, bounds [][2]*big.Rat, rows []row) {
	t.Helper()
	x := m.Values()
	var s, tmp big.Rat
	for i, rw := range rows {
		s.SetInt64(0)
		for j, c := range rw.coefs {
			tmp.Mul(n(c), x[j])
			s.Add(&s, &tmp)
		}
		cmp := s.Cmp(rw.rhs)
		y := m.Dual(i)
		switch rw.sense {
		case lp.SenseLessEq:
			require.LessOrEqual(t, cmp, 0, "row %d", i)
			require.GreaterOrEqual(t, y.Sign(), 0, "dual %d", i)
		case lp.SenseGreaterEq:
			require.GreaterOrEqual(t, cmp, 0, "row %d", i)
			require.LessOrEqual(t, y.Sign(), 0, "dual %d", i)
		case lp.SenseEqual:
			require.Equal(t, 0, cmp, "row %d", i)
		}
		if cmp != 0 {
			require.Equal(t, 0, y.Sign(), "slack row %d has a dual", i)
		}
	}
	for j := range obj {
		lo, hi := n(0), (*big.Rat)(nil)
		if bounds != nil {
			lo, hi = bounds[j][0], bounds[j][1]
		}
		require.GreaterOrEqual(t, x[j].Cmp(lo), 0)
		if hi != nil {
			require.LessOrEqual(t, x[j].Cmp(hi), 0)
		}
		// Reduced cost c_j − yᵀa_j.
		var rc big.Rat
		rc.Set(obj[j])
		for i, rw := range rows {
			tmp.Mul(m.Dual(i), n(rw.coefs[j]))
			rc.Sub(&rc, &tmp)
		}
		if rc.Sign() > 0 {
			require.NotNil(t, hi, "x%d could grow", j)
			require.Equal(t, 0, x[j].Cmp(hi), "x%d below its upper bound with a positive reduced cost", j)
		}
		if rc.Sign() < 0 {
			require.Equal(t, 0, x[j].Cmp(lo), "x%d above its lower bound with a negative reduced cost", j)
		}
	}
	// Strong duality: c·x = yᵀb + Σ rc_j·(bound the variable sits at).
	_ = s
}

// TestRandomCertified solves random feasible programs and checks each
// optimum's certificate.
func TestRandomCertified(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		nv, nr := 2+rng.IntN(6), 1+rng.IntN(6)
		obj := make([]*big.Rat, nv)
		for j := range obj {
			obj[j] = r(int64(rng.IntN(21)-10), int64(1+rng.IntN(4)))
		}
		var bounds [][2]*big.Rat
		if trial%2 == 0 {
			bounds = make([][2]*big.Rat, nv)
			for j := range bounds {
				lo := int64(rng.IntN(3))
				bounds[j] = [2]*big.Rat{n(lo), n(lo + int64(rng.IntN(5)))}
			}
		}
		// Rows built around a known point so the program is feasible;
		// a bounding row keeps it bounded.
		point := make([]int64, nv)
		for j := range point {
			point[j] = int64(rng.IntN(3))
			if bounds != nil {
				point[j] = bounds[j][0].Num().Int64()
			}
		}
		var rows []row
		for range nr {
			coefs := make([]int64, nv)
			var at int64
			for j := range coefs {
				coefs[j] = int64(rng.IntN(11) - 5)
				at += coefs[j] * point[j]
			}
			sense := lp.Senses()[rng.IntN(3)]
			rhs := at
			switch sense {
			case lp.SenseLessEq:
				rhs += int64(rng.IntN(4))
			case lp.SenseGreaterEq:
				rhs -= int64(rng.IntN(4))
			}
			rows = append(rows, row{coefs, sense, n(rhs)})
		}
		all := make([]int64, nv)
		var at int64
		for j := range all {
			all[j] = 1
			at += point[j]
		}
		rows = append(rows, row{all, lp.SenseLessEq, n(at + 10)})
		m := build(t, obj, bounds, rows)
		st, err := m.Solve()
		require.NoError(t, err)
		require.Equal(t, lp.StatusOptimal, st, "trial %d", trial)
		certify(t, m, obj, bounds, rows)

		// Guided by the floating-point simplex: the same exact optimum.
		g := build(t, obj, bounds, rows)
		st, err = g.SolveGuided()
		require.NoError(t, err)
		require.Equal(t, lp.StatusOptimal, st, "trial %d", trial)
		certify(t, g, obj, bounds, rows)
		assert.Equal(t, m.Objective().RatString(), g.Objective().RatString())
		// A column added, then a row: guided again from the last bases.
		terms := []lp.Term{{Index: len(rows) - 1, Coef: 1}}
		_, err = g.AddColumn(n(1), nil, n(2), terms)
		require.NoError(t, err)
		_, err = g.AddRow([]lp.Term{{Index: 0, Coef: 1}}, lp.SenseLessEq, n(100))
		require.NoError(t, err)
		st, err = g.SolveGuided()
		require.NoError(t, err)
		require.NotEqual(t, lp.StatusUnbounded, st)
		h := build(t, obj, bounds, rows)
		_, err = h.AddColumn(n(1), nil, n(2), terms)
		require.NoError(t, err)
		_, err = h.AddRow([]lp.Term{{Index: 0, Coef: 1}}, lp.SenseLessEq, n(100))
		require.NoError(t, err)
		st2, err := h.Solve()
		require.NoError(t, err)
		require.Equal(t, st2, st)
		if st == lp.StatusOptimal {
			assert.Equal(t, h.Objective().RatString(), g.Objective().RatString(), "trial %d", trial)
		}
	}
}

func TestWarmStart(t *testing.T) {
	// Wyndor, then a third product with a better margin.
	m := build(t, []*big.Rat{n(3), n(5)}, nil,
		[]row{{[]int64{1, 0}, lp.SenseLessEq, n(4)}, {[]int64{0, 2}, lp.SenseLessEq, n(12)}, {[]int64{3, 2}, lp.SenseLessEq, n(18)}})
	_, err := m.Solve()
	require.NoError(t, err)
	require.Equal(t, "36", m.Objective().RatString())
	_, err = m.AddColumn(n(9), n(0), nil, []lp.Term{{Index: 0, Coef: 1}, {Index: 2, Coef: 2}})
	require.NoError(t, err)
	st, err := m.Solve()
	require.NoError(t, err)
	require.Equal(t, lp.StatusOptimal, st)
	// max 3x+5y+9w: x+w ≤ 4, 2y ≤ 12, 3x+2y+2w ≤ 18: w=4, y=5: 61.
	assert.Equal(t, "61", m.Objective().RatString())

	// A bound that cuts the optimum off: re-solved from the same basis.
	require.NoError(t, m.SetBounds(2, n(0), n(1)))
	_, err = m.Solve()
	require.NoError(t, err)
	// w=1: x ≤ 3, 3x+2y ≤ 16: x=4/3? maximise 3x+5y: y=6, x=4/3: 4+30+9 = 43.
	assert.Equal(t, "43", m.Objective().RatString())
	require.NoError(t, m.SetObjective(2, n(0)))
	_, err = m.Solve()
	require.NoError(t, err)
	assert.Equal(t, "36", m.Objective().RatString())

	// A row that cuts the optimum (x=2, y=6) off: x + y ≤ 7 gives x=1,
	// y=6 or x=2, y=5: 3+30 = 33 against 6+25 = 31.
	_, err = m.AddRow([]lp.Term{{Index: 0, Coef: 1}, {Index: 1, Coef: 1}}, lp.SenseLessEq, n(7))
	require.NoError(t, err)
	st, err = m.Solve()
	require.NoError(t, err)
	require.Equal(t, lp.StatusOptimal, st)
	assert.Equal(t, "33", m.Objective().RatString())
	assert.Equal(t, "3", m.Dual(3).RatString()) // ∂/∂rhs: y stays 6, x grows by 1
	// And a row of the other sense, then an equality.
	_, err = m.AddRow([]lp.Term{{Index: 0, Coef: 1}}, lp.SenseGreaterEq, n(2))
	require.NoError(t, err)
	_, err = m.Solve()
	require.NoError(t, err)
	assert.Equal(t, "31", m.Objective().RatString())
	_, err = m.AddRow([]lp.Term{{Index: 1, Coef: 1}}, lp.SenseEqual, n(4))
	require.NoError(t, err)
	_, err = m.Solve()
	require.NoError(t, err)
	assert.Equal(t, "29", m.Objective().RatString()) // x=3 (x+y ≤ 7, 3x+8 ≤ 18): 9+20
}

func TestErrors(t *testing.T) {
	m := lp.NewModel()
	_, err := m.AddVar(nil, n(2), n(1))
	require.ErrorIs(t, err, lp.ErrInvalid)
	_, err = m.AddRow([]lp.Term{{Index: 3, Coef: 1}}, lp.SenseLessEq, n(1))
	require.ErrorIs(t, err, lp.ErrInvalid)
	_, err = m.AddRow(nil, lp.Sense(9), n(1))
	require.ErrorIs(t, err, lp.ErrInvalid)
	_, err = m.AddVar(n(1), nil, nil)
	require.NoError(t, err)
	_, err = m.AddRow([]lp.Term{{Index: 0, Coef: 1}}, lp.SenseLessEq, n(1))
	require.NoError(t, err)
	_, err = m.Solve()
	require.NoError(t, err)
	require.ErrorIs(t, m.SetObjective(5, n(1)), lp.ErrInvalid)
	require.ErrorIs(t, m.SetBounds(0, n(1), n(0)), lp.ErrInvalid)
	_, err = m.SolveInteger([]int{4}, 0)
	require.ErrorIs(t, err, lp.ErrInvalid)
	var fe *lp.FieldError
	require.ErrorAs(t, m.SetBounds(0, n(1), n(0)), &fe)
	assert.Equal(t, "bounds", fe.Field, "a bad input names its field, as everywhere in civitas")
	var none *lp.FieldError
	assert.Equal(t, "invalid value", none.Error(), "the shared FieldError works on a nil receiver")
}

func TestEnums(t *testing.T) {
	for _, s := range lp.Senses() {
		got, err := lp.ParseSense(s.String())
		require.NoError(t, err)
		assert.Equal(t, s, got)
	}
	for _, s := range lp.Statuses() {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back lp.Status
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	assert.False(t, lp.Sense(0).IsValid())
	assert.Equal(t, "Status(7)", lp.Status(7).String())
	_, err := lp.ParseStatus("nope")
	require.ErrorIs(t, err, lp.ErrInvalid)
}

// sparseProgram is a random sparse program with more rows than the Devex
// threshold, its first variable fixed at a value whose denominator has 48
// digits, so that the exact optimum has large denominators.
func sparseProgram(seed uint64) ([]*big.Rat, [][2]*big.Rat, []row) {
	rng := rand.New(rand.NewPCG(seed, 3))
	const nr, nv = 210, 260
	fixed := new(big.Rat).SetFrac(big.NewInt(7), new(big.Int).Exp(big.NewInt(3), big.NewInt(100), nil))
	obj := make([]*big.Rat, nv)
	bounds := make([][2]*big.Rat, nv)
	for j := range nv {
		obj[j], bounds[j] = n(int64(1+rng.IntN(9))), [2]*big.Rat{n(0), n(5)}
	}
	bounds[0] = [2]*big.Rat{fixed, fixed}
	rows := make([]row, nr)
	for i := range rows {
		coefs := make([]int64, nv)
		for j := range coefs {
			if j == 0 || rng.IntN(10) == 0 {
				coefs[j] = int64(1 + rng.IntN(3))
			}
		}
		rows[i] = row{coefs, lp.SenseLessEq, n(int64(10 + rng.IntN(40)))}
	}
	return obj, bounds, rows
}

// TestGuidedVerified: the floating-point basis, proved optimal by iterative
// refinement (not by the exact factorisation SolveGuided falls back to),
// gives an optimum the duality certificate accepts, with large
// denominators, and duals whose numerators and denominator agree with
// Dual; SolveGuided gives the same optimum.
func TestGuidedVerified(t *testing.T) {
	obj, bounds, rows := sparseProgram(1)
	g := build(t, obj, bounds, rows)
	st, err := g.SolveFloat()
	require.NoError(t, err)
	require.Equal(t, lp.StatusOptimal, st)
	require.True(t, g.VerifyFloat(), "the floating-point optimum is proved exactly")
	certify(t, g, obj, bounds, rows)
	assert.Greater(t, len(g.Objective().Denom().String()), 40, "the optimum carries the fixed value's denominator")
	nums, den := g.DualNumerators()
	require.Len(t, nums, g.NumRows())
	require.Positive(t, den.Sign())
	for i, x := range nums {
		assert.Equal(t, new(big.Rat).SetFrac(x, den).RatString(), g.Dual(i).RatString(), "row %d", i)
	}

	h := build(t, obj, bounds, rows)
	st, err = h.SolveGuided()
	require.NoError(t, err)
	require.Equal(t, lp.StatusOptimal, st)
	assert.Equal(t, g.Objective().RatString(), h.Objective().RatString())
}
