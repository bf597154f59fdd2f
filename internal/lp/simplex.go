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
	nl := len(m.logical)
	m.values = make([]big.Rat, len(m.vars))
	for j := range m.vars {
		k := nl + j
		if p := m.pos[k]; p >= 0 {
			m.values[j].Set(&m.xB[p])
		} else {
			m.values[j].Set(m.nonbasicValue(k))
		}
	}
	m.obj.SetInt64(0)
	var t big.Rat
	for j := range m.vars {
		t.Mul(&m.vars[j].obj, &m.values[j])
		m.obj.Add(&m.obj, &t)
	}
	m.duals = nil
	if optimal {
		p := m.pricing(m.phase2Costs())
		den := new(big.Int).Mul(&m.det, &m.cDen)
		m.duals = make([]big.Rat, len(p))
		for i := range p {
			m.duals[i].SetFrac(&p[i], den)
		}
	}
}

// infeasibility returns the phase-1 cost of basis position i: +1 below
// its lower bound, −1 above its upper bound, 0 within.
func (m *Model) infeasibility(i int) int {
	c := m.col(m.basis[i])
	if m.xB[i].Cmp(&c.lo) < 0 {
		return 1
	}
	if c.hi != nil && m.xB[i].Cmp(c.hi) > 0 {
		return -1
	}
	return 0
}

var (
	bigOne    = big.NewInt(1)
	bigMinus1 = big.NewInt(-1)
)

// iterate runs the composite simplex to an outcome.
func (m *Model) iterate() (Status, error) {
	nr := len(m.basis)
	degenerate := 0
	iters := 0
	U := make([]big.Int, nr)
	var rc, t, best big.Int
	var theta, ratio, step big.Rat
	for {
		if m.IterationLimit > 0 && iters >= m.IterationLimit {
			return 0, &FieldError{Field: "iterations", Value: "limit reached", Err: ErrIterationLimit}
		}
		// Costs: phase 1 while a basic variable is out of its bounds.
		phase1 := false
		cb := make([]*big.Int, nr)
		for i := 0; i < nr; i++ {
			switch m.infeasibility(i) {
			case 1:
				cb[i], phase1 = bigOne, true
			case -1:
				cb[i], phase1 = bigMinus1, true
			}
		}
		if !phase1 {
			cb = m.phase2Costs()
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
			c := m.col(k)
			if c.hi != nil && c.hi.Cmp(&c.lo) == 0 {
				continue // fixed
			}
			// rc = c_k·det − P·a_k (phase 1: c_k = 0).
			rc.SetInt64(0)
			if !phase1 && m.cInt[k].Sign() != 0 {
				rc.Mul(&m.cInt[k], &m.det)
			}
			for _, e := range c.entries {
				if p[e.row].Sign() == 0 {
					continue
				}
				t.Mul(&p[e.row], &e.coef)
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
		ec := m.col(enter)
		// U = adj·a_q; basic i changes by −dir·U_i/det per unit of θ.
		for i := 0; i < nr; i++ {
			U[i].SetInt64(0)
			for _, e := range ec.entries {
				a := &m.adj[i][e.row]
				if a.Sign() == 0 {
					continue
				}
				t.Mul(a, &e.coef)
				U[i].Add(&U[i], &t)
			}
		}
		// Ratio test.
		leave := -1 // basis position; -1 with bounded: a bound flip
		bounded := false
		toUpper := false // the leaving variable leaves at its upper bound
		if ec.hi != nil {
			theta.Sub(ec.hi, &ec.lo)
			bounded = true
		}
		var den big.Rat
		for i := 0; i < nr; i++ {
			if U[i].Sign() == 0 {
				continue
			}
			k := m.basis[i]
			c := m.col(k)
			// δ = −dir·U_i/det: the sign of the change of x_i.
			decreasing := (U[i].Sign() > 0) == (dir > 0)
			var limit *big.Rat
			atHi := false
			x := &m.xB[i]
			if decreasing {
				switch {
				case c.hi != nil && x.Cmp(c.hi) > 0:
					limit, atHi = c.hi, true
				case x.Cmp(&c.lo) >= 0:
					limit = &c.lo
				}
			} else {
				switch {
				case x.Cmp(&c.lo) < 0:
					limit = &c.lo
				case c.hi != nil && x.Cmp(c.hi) <= 0:
					limit, atHi = c.hi, true
				}
			}
			if limit == nil {
				continue
			}
			// ratio = |x − limit|·det/|U_i|
			ratio.Sub(x, limit)
			ratio.Abs(&ratio)
			den.SetFrac(new(big.Int).Abs(&U[i]), &m.det)
			ratio.Quo(&ratio, &den)
			cmp := -1
			if bounded {
				cmp = ratio.Cmp(&theta)
			}
			if cmp < 0 || (cmp == 0 && leave >= 0 && k < m.basis[leave]) {
				theta.Set(&ratio)
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
		if theta.Sign() == 0 {
			degenerate++
		} else {
			degenerate = 0
		}
		// Update the basic values.
		if theta.Sign() != 0 {
			for i := 0; i < nr; i++ {
				if U[i].Sign() == 0 {
					continue
				}
				step.SetFrac(&U[i], &m.det)
				step.Mul(&step, &theta)
				if dir > 0 {
					m.xB[i].Sub(&m.xB[i], &step)
				} else {
					m.xB[i].Add(&m.xB[i], &step)
				}
			}
		}
		if leave < 0 {
			m.atUpper[enter] = !m.atUpper[enter]
			continue
		}
		// The entering variable's new value.
		var xq big.Rat
		xq.Set(m.nonbasicValue(enter))
		if dir > 0 {
			xq.Add(&xq, &theta)
		} else {
			xq.Sub(&xq, &theta)
		}
		out := m.basis[leave]
		m.pos[out] = -1
		m.atUpper[out] = toUpper
		m.atUpper[enter] = false
		m.basis[leave] = enter
		m.pos[enter] = leave
		m.xB[leave].Set(&xq)
		m.pivot(U, leave)
	}
}

// pivot updates adj and det for the basis whose position r now holds the
// column with U = adj·a_q (fraction-free, Bareiss).
func (m *Model) pivot(U []big.Int, r int) {
	nr := len(m.basis)
	ur := &U[r]
	rowR := m.adj[r]
	var t1, t2 big.Int
	same := ur.Cmp(&m.det) == 0
	for i := 0; i < nr; i++ {
		if i == r {
			continue
		}
		row := m.adj[i]
		ui := &U[i]
		if ui.Sign() == 0 {
			if same {
				continue
			}
			for k := 0; k < nr; k++ {
				if row[k].Sign() == 0 {
					continue
				}
				row[k].Mul(&row[k], ur)
				row[k].Quo(&row[k], &m.det)
			}
			continue
		}
		for k := 0; k < nr; k++ {
			a, b := &row[k], &rowR[k]
			if b.Sign() == 0 {
				if a.Sign() == 0 || same {
					continue
				}
				a.Mul(a, ur)
				a.Quo(a, &m.det)
				continue
			}
			t2.Mul(ui, b)
			if a.Sign() == 0 {
				a.Neg(&t2)
			} else {
				t1.Mul(ur, a)
				a.Sub(&t1, &t2)
			}
			a.Quo(a, &m.det)
		}
	}
	m.det.Set(ur)
	if m.det.Sign() < 0 {
		m.det.Neg(&m.det)
		for i := 0; i < nr; i++ {
			for k := 0; k < nr; k++ {
				m.adj[i][k].Neg(&m.adj[i][k])
			}
		}
	}
}
