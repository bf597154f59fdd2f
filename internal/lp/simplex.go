package lp

import (
	"math/big"
)

// degenerateLimit is the number of pivots in a row that leave the solution
// where it was after which the simplex switches from Dantzig's rule to
// Bland's rule, until a pivot moves the solution again.
const degenerateLimit = 30

// Solve solves the model from its current basis (the logical columns at
// the first solve) and returns the outcome; the solution is read with
// [Model.Value], [Model.Objective] and [Model.Dual]. It returns
// [ErrIterationLimit] when [Model.IterationLimit] pivots did not suffice.
func (m *Model) Solve() (Status, error) {
	if !m.solved {
		m.setup()
	}
	m.computeXB()
	st, err := m.iterate()
	if err != nil {
		return 0, err
	}
	m.status = st
	m.record(st == StatusOptimal)
	return st, nil
}

// record stores the solution of the current basis.
func (m *Model) record(optimal bool) {
	m.recordValues(m.pos, m.basicValue, m.nonbasicValue)
	m.duals = nil
	m.dualNum = nil
	if optimal {
		m.dualNum = m.pricing(m.phase2Costs())
		m.dualDen.Mul(&m.det, &m.cDen)
		m.duals = make([]big.Rat, len(m.dualNum))
		for i := range m.dualNum {
			m.duals[i].SetFrac(&m.dualNum[i], &m.dualDen)
		}
	}
}

// recordValues stores every variable's value, basic(pos[k]) for a basic
// column k and nonbasic(k) for the others, and the objective's value.
func (m *Model) recordValues(pos []int, basic func(p int) *big.Rat, nonbasic func(k int) *big.Rat) {
	m.values = make([]big.Rat, len(m.varID))
	for j, k := range m.varID {
		if p := pos[k]; p >= 0 {
			m.values[j].Set(basic(p))
		} else {
			m.values[j].Set(nonbasic(k))
		}
	}
	m.obj.SetInt64(0)
	var t big.Rat
	for j, k := range m.varID {
		t.Mul(&m.cols[k].obj, &m.values[j])
		m.obj.Add(&m.obj, &t)
	}
}

// cmpBound compares basis position i's value X_i/D with the rational b.
func (m *Model) cmpBound(i int, b *big.Rat, D *big.Int, t1, t2 *big.Int) int {
	t1.Mul(&m.X[i], b.Denom())
	t2.Mul(b.Num(), D)
	return t1.Cmp(t2)
}

// infeasibility returns the phase-1 cost of basis position i: +1 below
// its lower bound, −1 above its upper bound, 0 within.
func (m *Model) infeasibility(i int, D, t1, t2 *big.Int) int {
	c := &m.cols[m.basis[i]]
	if m.cmpBound(i, &c.lo, D, t1, t2) < 0 {
		return 1
	}
	if c.hi != nil && m.cmpBound(i, c.hi, D, t1, t2) > 0 {
		return -1
	}
	return 0
}

var (
	bigOne    = big.NewInt(1)
	bigMinus1 = big.NewInt(-1)
)

// frac is a non-negative fraction num/den with den > 0, for the ratio
// test.
type frac struct{ num, den big.Int }

// cmp compares f with g.
func (f *frac) cmp(g *frac, t1, t2 *big.Int) int {
	t1.Mul(&f.num, &g.den)
	t2.Mul(&g.num, &f.den)
	return t1.Cmp(t2)
}

// iterate runs the composite simplex to an outcome.
func (m *Model) iterate() (Status, error) {
	nr := len(m.basis)
	degenerate := 0
	iters := 0
	U := make([]big.Int, nr)
	var rc, t, t1, t2, best, D big.Int
	var theta, ratio frac
	cb := make([]*big.Int, nr)
	for {
		if m.IterationLimit > 0 && iters >= m.IterationLimit {
			return 0, &FieldError{Field: "iterations", Value: "limit reached", Err: ErrIterationLimit}
		}
		D.Mul(&m.det, &m.rd)
		// Costs: phase 1 while a basic variable is out of its bounds.
		phase1 := false
		for i := 0; i < nr; i++ {
			cb[i] = nil
			switch m.infeasibility(i, &D, &t1, &t2) {
			case 1:
				cb[i], phase1 = bigOne, true
			case -1:
				cb[i], phase1 = bigMinus1, true
			}
		}
		if !phase1 {
			for i, k := range m.basis {
				cb[i] = &m.cInt[k]
			}
		}
		p := m.pricing(cb)
		bland := degenerate >= degenerateLimit

		// Entering column.
		enter := -1
		best.SetInt64(0)
		for k := range m.pos {
			if m.pos[k] >= 0 {
				continue
			}
			c := &m.cols[k]
			if c.hi != nil && c.hi.Cmp(&c.lo) == 0 {
				continue // fixed
			}
			// rc = c_k·det − P·a_k (phase 1: c_k = 0).
			rc.SetInt64(0)
			if !phase1 && m.cInt[k].Sign() != 0 {
				rc.Mul(&m.cInt[k], &m.det)
			}
			for e := range c.entries {
				en := &c.entries[e]
				if p[en.row].Sign() == 0 {
					continue
				}
				t.Mul(&p[en.row], &en.coef)
				rc.Sub(&rc, &t)
			}
			s := rc.Sign()
			if (s > 0 && !m.atUpper[k]) || (s < 0 && m.atUpper[k]) {
				if bland {
					enter = k
					break
				}
				if enter < 0 || rc.CmpAbs(&best) > 0 {
					enter = k
					best.Abs(&rc)
				}
			}
		}
		if enter < 0 {
			if phase1 {
				return StatusInfeasible, nil
			}
			return StatusOptimal, nil
		}
		dir := 1
		if m.atUpper[enter] {
			dir = -1
		}
		ec := &m.cols[enter]
		// U = adj·a_q; basic i changes by −dir·U_i/det per unit of θ.
		for i := 0; i < nr; i++ {
			U[i].SetInt64(0)
			for e := range ec.entries {
				en := &ec.entries[e]
				a := &m.adj[i][en.row]
				if a.Sign() == 0 {
					continue
				}
				t.Mul(a, &en.coef)
				U[i].Add(&U[i], &t)
			}
		}
		// Ratio test.
		leave := -1 // basis position; -1 with bounded: a bound flip
		bounded := false
		toUpper := false // the leaving variable leaves at its upper bound
		if ec.hi != nil {
			var rng big.Rat
			rng.Sub(ec.hi, &ec.lo)
			theta.num.Set(rng.Num())
			theta.den.Set(rng.Denom())
			bounded = true
		}
		for i := 0; i < nr; i++ {
			if U[i].Sign() == 0 {
				continue
			}
			k := m.basis[i]
			c := &m.cols[k]
			decreasing := (U[i].Sign() > 0) == (dir > 0)
			var limit *big.Rat
			atHi := false
			if decreasing {
				switch {
				case c.hi != nil && m.cmpBound(i, c.hi, &D, &t1, &t2) > 0:
					limit, atHi = c.hi, true
				case m.cmpBound(i, &c.lo, &D, &t1, &t2) >= 0:
					limit = &c.lo
				}
			} else {
				switch {
				case m.cmpBound(i, &c.lo, &D, &t1, &t2) < 0:
					limit = &c.lo
				case c.hi != nil && m.cmpBound(i, c.hi, &D, &t1, &t2) <= 0:
					limit, atHi = c.hi, true
				}
			}
			if limit == nil {
				continue
			}
			// ratio = |X_i·b.den − b.num·D| / (b.den·rd·|U_i|)
			ratio.num.Mul(&m.X[i], limit.Denom())
			t1.Mul(limit.Num(), &D)
			ratio.num.Sub(&ratio.num, &t1)
			ratio.num.Abs(&ratio.num)
			ratio.den.Abs(&U[i])
			ratio.den.Mul(&ratio.den, &m.rd)
			ratio.den.Mul(&ratio.den, limit.Denom())
			cmp := -1
			if bounded {
				cmp = ratio.cmp(&theta, &t1, &t2)
			}
			if cmp < 0 || (cmp == 0 && leave >= 0 && k < m.basis[leave]) {
				theta.num.Set(&ratio.num)
				theta.den.Set(&ratio.den)
				bounded = true
				leave, toUpper = i, atHi
			}
		}
		if !bounded {
			if phase1 {
				// Cannot happen: an improving phase-1 direction moves an
				// infeasible variable towards the bound it violates.
				return StatusInfeasible, nil
			}
			return StatusUnbounded, nil
		}
		iters++
		m.Iterations++
		if theta.num.Sign() == 0 {
			m.Degenerate++
			degenerate++
		} else {
			degenerate = 0
		}
		if leave < 0 {
			m.atUpper[enter] = !m.atUpper[enter]
			m.computeXB()
			continue
		}
		out := m.basis[leave]
		oc := &m.cols[out]
		zeroMove := m.nonbasicValue(enter).Sign() == 0 &&
			((toUpper && oc.hi.Sign() == 0) || (!toUpper && oc.lo.Sign() == 0))
		m.pos[out] = -1
		m.atUpper[out] = toUpper
		m.atUpper[enter] = false
		m.basis[leave] = enter
		m.pos[enter] = leave
		m.pivot(U, leave, zeroMove)
		if !zeroMove {
			m.computeXB()
		}
	}
}

// pivot updates adj, det and (with x, when the right-hand side R is
// unchanged) X for the basis whose position r now holds the column with
// U = adj·a_q, by the fraction-free rule of Bareiss.
func (m *Model) pivot(U []big.Int, r int, x bool) {
	nr := len(m.basis)
	ur := &U[r]
	rowR := m.adj[r]
	var t1, t2, rem big.Int
	same := ur.Cmp(&m.det) == 0
	det := &m.det
	update := func(a, b, ui *big.Int) {
		if b.Sign() == 0 {
			if a.Sign() == 0 || same {
				return
			}
			t1.Mul(a, ur)
			a.QuoRem(&t1, det, &rem)
			return
		}
		t2.Mul(ui, b)
		if a.Sign() == 0 {
			t2.Neg(&t2)
			a.QuoRem(&t2, det, &rem)
			return
		}
		t1.Mul(ur, a)
		t1.Sub(&t1, &t2)
		a.QuoRem(&t1, det, &rem)
	}
	for i := 0; i < nr; i++ {
		if i == r {
			continue
		}
		row := m.adj[i]
		ui := &U[i]
		if ui.Sign() == 0 && same {
			continue
		}
		for k := 0; k < nr; k++ {
			update(&row[k], &rowR[k], ui)
		}
		if x {
			update(&m.X[i], &m.X[r], ui)
		}
	}
	m.det.Set(ur)
	if m.det.Sign() < 0 {
		m.det.Neg(&m.det)
		for i := 0; i < nr; i++ {
			for k := 0; k < nr; k++ {
				m.adj[i][k].Neg(&m.adj[i][k])
			}
			m.X[i].Neg(&m.X[i])
		}
	}
}
