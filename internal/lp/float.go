package lp

import (
	"math"
	"math/big"
)

// The floating-point simplex is a guide, never an answer: it runs the same
// bounded composite simplex in float64, cheaply, to find a basis; the exact
// simplex then adopts that basis (refactorising it exactly) and goes on
// from there, so every result is still exact. See [Model.SolveGuided].

// Tolerances of the floating-point simplex.
const (
	floatFeasTol   = 1e-9  // a basic value this far outside a bound is infeasible
	floatCostTol   = 1e-12 // a reduced cost must exceed this to enter
	floatPivotTol  = 1e-11 // a column entry below this is taken as zero
	floatRefactor  = 2000  // pivots between refactorisations
	floatIterLimit = 100000
	floatAge       = 4 // solves a column stays active after it was last basic
	// devexRows is the number of rows above which the simplex prices by
	// Devex weights (Forrest and Goldfarb 1992) and keeps the reduced costs
	// up to date from the pivot row; below, the pivot row costs more than
	// the pivots it saves.
	devexRows = 200
)

// floatState is the state of the floating-point simplex.
type floatState struct {
	// lo, hi and obj are the columns' bounds (hi +Inf when none) and
	// objective coefficients as float64, refreshed at each solve; rows and
	// vals are the columns' coefficients, compact.
	lo, hi, obj []float64
	rows        [][]int32
	vals        [][]float64
	basis       []int
	pos         []int
	up          []bool
	binv        [][]float64 // B⁻¹, rows by basis position, columns by row
	xb          []float64
	since       int // pivots since the last refactorisation
	// seen holds, per column, the solve at which it was last basic or
	// added; solves counts the solves.
	seen   []int
	solves int
	// dw holds the Devex reference weights of the columns (large models
	// only, reset at each solve).
	dw []float64
}

// extend adds the logical column id of a row added after the first solve
// to the basis: B⁻¹ gains the row −σ·a_Bᵀ·B⁻¹ and the entry σ.
func (fs *floatState) extend(m *Model, id int) {
	n := len(fs.basis)
	sigma := m.cols[id].entries[0].f
	last := make([]float64, n+1)
	r := len(m.sense) - 1
	for p, k := range fs.basis {
		for _, e := range m.cols[k].entries {
			if e.row == r {
				for j := 0; j < n; j++ {
					last[j] -= sigma * e.f * fs.binv[p][j]
				}
			}
		}
	}
	last[n] = sigma
	for i := range fs.binv {
		fs.binv[i] = append(fs.binv[i], 0)
	}
	fs.binv = append(fs.binv, last)
	fs.basis = append(fs.basis, id)
	fs.pos[id] = n
	fs.xb = append(fs.xb, 0)
}

// ratF returns r as a float64.
func ratF(r *big.Rat) float64 {
	f, _ := r.Float64()
	return f
}

// floatSetup starts the floating-point simplex from the logical basis.
func (m *Model) floatSetup() {
	nr := len(m.sense)
	fs := &floatState{pos: make([]int, len(m.cols)), up: make([]bool, len(m.cols)), basis: make([]int, nr)}
	for k := range fs.pos {
		fs.pos[k] = -1
	}
	fs.binv = make([][]float64, nr)
	for i := 0; i < nr; i++ {
		id := m.logical[i]
		fs.basis[i] = id
		fs.pos[id] = i
		fs.binv[i] = make([]float64, nr)
		fs.binv[i][i] = m.cols[id].entries[0].f
	}
	fs.xb = make([]float64, nr)
	m.fl = fs
}

// floatValue returns nonbasic column k's value in the float basis.
func (m *Model) floatValue(k int) float64 {
	if m.fl.up[k] && !math.IsInf(m.fl.hi[k], 1) {
		return m.fl.hi[k]
	}
	return m.fl.lo[k]
}

// floatCache refreshes the float bounds and objective of every column.
func (m *Model) floatCache() {
	fs := m.fl
	n := len(m.cols)
	fs.lo, fs.hi, fs.obj = make([]float64, n), make([]float64, n), make([]float64, n)
	for k := range m.cols {
		c := &m.cols[k]
		fs.lo[k] = ratF(&c.lo)
		fs.hi[k] = math.Inf(1)
		if c.hi != nil {
			fs.hi[k] = ratF(c.hi)
		}
		fs.obj[k] = ratF(&c.obj)
	}
	for k := len(fs.rows); k < n; k++ {
		fs.rows, fs.vals = append(fs.rows, nil), append(fs.vals, nil)
	}
	for len(fs.seen) < n {
		fs.seen = append(fs.seen, fs.solves)
	}
	for k := range m.cols {
		c := &m.cols[k]
		if len(fs.rows[k]) == len(c.entries) {
			continue
		}
		fs.rows[k], fs.vals[k] = fs.rows[k][:0], fs.vals[k][:0]
		for _, e := range c.entries {
			fs.rows[k] = append(fs.rows[k], int32(e.row))
			fs.vals[k] = append(fs.vals[k], e.f)
		}
	}
}

// floatRestart replaces a float basis that has become numerically
// singular by the exact simplex's basis (never singular), or the logical
// basis before the first exact solve, and refactorises it.
func (m *Model) floatRestart() bool {
	fs := m.fl
	if !m.solved {
		old := fs
		m.floatSetup()
		m.fl.lo, m.fl.hi, m.fl.obj, m.fl.rows, m.fl.vals = old.lo, old.hi, old.obj, old.rows, old.vals
		m.fl.seen, m.fl.solves = old.seen, old.solves
		return true
	}
	for k := range fs.pos {
		fs.pos[k] = -1
	}
	copy(fs.basis, m.basis)
	for i, k := range fs.basis {
		fs.pos[k] = i
	}
	copy(fs.up, m.atUpper)
	return m.floatRefactorise()
}

// floatXB recomputes the float basic values.
func (m *Model) floatXB() {
	fs := m.fl
	nr := len(fs.basis)
	r := make([]float64, nr)
	for i := range r {
		r[i] = ratF(&m.rhs[i])
	}
	for k := range fs.pos {
		if fs.pos[k] >= 0 {
			continue
		}
		v := m.floatValue(k)
		if v == 0 {
			continue
		}
		for _, e := range m.cols[k].entries {
			r[e.row] -= e.f * v
		}
	}
	for i := 0; i < nr; i++ {
		s := 0.0
		for j, x := range fs.binv[i] {
			s += x * r[j]
		}
		fs.xb[i] = s
	}
}

// floatRefactorise recomputes B⁻¹ by Gauss–Jordan elimination with
// partial pivoting. It returns false for a basis it finds singular.
func (m *Model) floatRefactorise() bool {
	fs := m.fl
	n := len(fs.basis)
	a := make([][]float64, n)
	for i := range a {
		a[i] = make([]float64, 2*n)
		a[i][n+i] = 1
	}
	for p, k := range fs.basis {
		for _, e := range m.cols[k].entries {
			a[e.row][p] = e.f
		}
	}
	nz := make([]int, 0, 2*n)
	for col := 0; col < n; col++ {
		piv := -1
		best := 0.0
		for r := col; r < n; r++ {
			if v := math.Abs(a[r][col]); v > best {
				piv, best = r, v
			}
		}
		if piv < 0 || best < 1e-12 {
			return false
		}
		a[col], a[piv] = a[piv], a[col]
		inv := 1 / a[col][col]
		nz = nz[:0]
		for j := range a[col] {
			if a[col][j] != 0 {
				a[col][j] *= inv
				nz = append(nz, j)
			}
		}
		dense := 2*len(nz) > len(a[col])
		for r := 0; r < n; r++ {
			if r == col || a[r][col] == 0 {
				continue
			}
			f := a[r][col]
			row, prow := a[r], a[col]
			if dense {
				subScaled(row, prow, f)
				continue
			}
			for _, j := range nz {
				row[j] -= f * prow[j]
			}
		}
	}
	// a = [I | B⁻¹] with B's columns in basis order: B⁻¹'s rows are the
	// basis positions.
	for i := 0; i < n; i++ {
		copy(fs.binv[i], a[i][n:])
	}
	fs.since = 0
	return true
}

// SolveFloat runs the floating-point simplex from its own last basis (the
// logical basis the first time) and returns its outcome. Its solution is a
// guide only (see [Model.SolveGuided]); read its duals with FloatDuals.
func (m *Model) SolveFloat() (Status, error) {
	if m.fl == nil {
		m.floatSetup()
	}
	fs := m.fl
	nr := len(fs.basis)
	m.floatCache()
	m.floatXB()
	fs.solves++
	devex := len(m.sense) > devexRows
	rcv := make([]float64, len(m.cols)) // reduced costs, kept up to date when rcOK
	rcOK := false
	if devex {
		fs.dw = make([]float64, len(m.cols))
		for k := range fs.dw {
			fs.dw[k] = 1
		}
	}
	u := make([]float64, nr)
	y := make([]float64, nr)
	cb := make([]float64, nr)
	nz := make([]int, 0, nr)
	var cands []struct {
		i     int
		ratio float64
		atHi  bool
	}
	degenerate := 0
	for iter := 0; ; iter++ {
		if iter >= floatIterLimit {
			return 0, &FieldError{Field: "iterations", Value: "float limit reached", Err: ErrIterationLimit}
		}
		if fs.since >= floatRefactor {
			rcOK = false
			if !m.floatRefactorise() && !m.floatRestart() {
				return 0, &FieldError{Field: "basis", Value: "singular in floating point", Err: ErrIterationLimit}
			}
			m.floatXB()
		}
		phase1 := false
		for i, k := range fs.basis {
			cb[i] = 0
			lo, hi := fs.lo[k], fs.hi[k]
			if fs.xb[i] < lo-floatFeasTol*(1+math.Abs(lo)) {
				cb[i], phase1 = 1, true
			} else if fs.xb[i] > hi+floatFeasTol*(1+math.Abs(hi)) {
				cb[i], phase1 = -1, true
			}
		}
		if !phase1 {
			for i, k := range fs.basis {
				cb[i] = fs.obj[k]
			}
		} else {
			rcOK = false
		}
		for j := range y {
			y[j] = 0
		}
		for i, c := range cb {
			if c == 0 {
				continue
			}
			for j, x := range fs.binv[i] {
				y[j] += c * x
			}
		}
		bland := degenerate >= degenerateLimit
		// Pricing: over the active columns (those basic or added in the
		// last floatAge solves), the largest reduced cost (Dantzig's rule)
		// or, on a large model in phase 2, the largest squared reduced cost
		// over its Devex weight, from reduced costs kept up to date; over
		// every column, recomputed from y, when none of those can enter;
		// Bland's rule scans everything.
		enter := -1
		if !bland && devex && !phase1 {
			if !rcOK {
				m.floatReducedCosts(y, rcv)
				rcOK = true
			}
			best := 0.0
			for k := range fs.pos {
				if fs.pos[k] >= 0 || fs.hi[k] == fs.lo[k] || fs.solves-fs.seen[k] > floatAge {
					continue
				}
				if rc := rcv[k]; (rc > floatCostTol && !fs.up[k]) || (rc < -floatCostTol && fs.up[k]) {
					if a := rc * rc / fs.dw[k]; a > best {
						enter, best = k, a
					}
				}
			}
		} else if !bland {
			enter = m.floatPrice(y, phase1, true, false)
		}
		if enter < 0 {
			enter = m.floatPrice(y, phase1, false, bland)
		}
		if enter < 0 {
			if phase1 {
				return StatusInfeasible, nil
			}
			return StatusOptimal, nil
		}
		dir := 1.0
		if fs.up[enter] {
			dir = -1
		}
		ec := &m.cols[enter]
		erows, evals := fs.rows[enter], fs.vals[enter]
		for i := range u {
			s := 0.0
			bi := fs.binv[i]
			for t, r := range erows {
				s += bi[r] * evals[t]
			}
			u[i] = s
		}
		// Harris's ratio test: first the largest step that keeps every
		// basic variable within its bounds relaxed by the tolerance, then,
		// among the rows that block within that step, the largest pivot.
		type cand struct {
			i     int
			ratio float64
			atHi  bool
		}
		cands = cands[:0]
		relaxed := math.Inf(1)
		if ec.hi != nil {
			relaxed = fs.hi[enter] - fs.lo[enter]
		}
		for i, k := range fs.basis {
			if math.Abs(u[i]) < floatPivotTol {
				continue
			}
			lo, hi := fs.lo[k], fs.hi[k]
			hasHi := !math.IsInf(hi, 1)
			x := fs.xb[i]
			delta := -dir * u[i] // change of x per unit θ
			var limit float64
			atHi := false
			if delta < 0 {
				switch {
				case x > hi+floatFeasTol:
					limit, atHi = hi, true
				case x >= lo-floatFeasTol:
					limit = lo
				default:
					continue
				}
			} else {
				switch {
				case x < lo-floatFeasTol:
					limit = lo
				case hasHi && x <= hi+floatFeasTol:
					limit, atHi = hi, true
				default:
					continue
				}
			}
			ratio := math.Max(0, (limit-x)/delta)
			tol := floatFeasTol * (1 + math.Abs(limit))
			if r := (math.Abs(limit-x) + tol) / math.Abs(delta); r < relaxed {
				relaxed = r
			}
			cands = append(cands, cand{i, ratio, atHi})
		}
		theta := math.Inf(1)
		leave, toUpper := -1, false
		if ec.hi != nil && fs.hi[enter]-fs.lo[enter] <= relaxed {
			theta = fs.hi[enter] - fs.lo[enter]
		} else {
			for _, c := range cands {
				if c.ratio <= relaxed && (leave < 0 || math.Abs(u[c.i]) > math.Abs(u[leave])) {
					theta, leave, toUpper = c.ratio, c.i, c.atHi
				}
			}
		}
		if math.IsInf(theta, 1) {
			if phase1 {
				return StatusInfeasible, nil
			}
			return StatusUnbounded, nil
		}
		if theta <= 1e-12 {
			degenerate++
		} else {
			degenerate = 0
		}
		for i := range fs.xb {
			fs.xb[i] -= dir * theta * u[i]
		}
		if leave < 0 {
			fs.up[enter] = !fs.up[enter]
			continue
		}
		xq := m.floatValue(enter) + dir*theta
		out := fs.basis[leave]
		fs.seen[out], fs.seen[enter] = fs.solves, fs.solves
		if devex {
			rho := fs.binv[leave]
			ur := u[leave]
			// The entering column's reduced cost, fresh from y.
			rcq := fs.obj[enter]
			for t, r := range fs.rows[enter] {
				rcq -= y[r] * fs.vals[enter][t]
			}
			wq := fs.dw[enter]
			for k := range fs.pos {
				if fs.pos[k] >= 0 || k == enter || fs.hi[k] == fs.lo[k] || fs.solves-fs.seen[k] > floatAge {
					continue
				}
				a := 0.0
				vals := fs.vals[k]
				for t, r := range fs.rows[k] {
					a += rho[r] * vals[t]
				}
				if a != 0 {
					a /= ur
					if w := a * a * wq; w > fs.dw[k] {
						fs.dw[k] = w
					}
					rcv[k] -= rcq * a
				}
			}
			fs.dw[out] = max(wq/(ur*ur), 1)
			rcv[out], rcv[enter] = -rcq/ur, 0
		}
		fs.pos[out] = -1
		fs.up[out] = toUpper
		fs.up[enter] = false
		fs.basis[leave] = enter
		fs.pos[enter] = leave
		fs.xb[leave] = xq
		// B⁻¹ update: row r /= u_r; row i −= u_i·row r.
		rowR := fs.binv[leave]
		inv := 1 / u[leave]
		nz = nz[:0]
		for j := range rowR {
			if rowR[j] != 0 {
				rowR[j] *= inv
				nz = append(nz, j)
			}
		}
		dense := 4*len(nz) > 3*len(rowR)
		for i := range fs.binv {
			if i == leave || u[i] == 0 {
				continue
			}
			f := u[i]
			row := fs.binv[i]
			if dense {
				subScaled(row, rowR, f)
				continue
			}
			for _, j := range nz {
				row[j] -= f * rowR[j]
			}
		}
		fs.since++
	}
}

// subScaled sets dst −= f·src, entry by entry (len(src) ≥ len(dst)),
// unrolled by four: the inner loop of a dense pivot.
func subScaled(dst, src []float64, f float64) {
	src = src[:len(dst)]
	i := 0
	for ; i+4 <= len(dst); i += 4 {
		d := dst[i : i+4 : i+4]
		s := src[i : i+4 : i+4]
		d[0] -= f * s[0]
		d[1] -= f * s[1]
		d[2] -= f * s[2]
		d[3] -= f * s[3]
	}
	for ; i < len(dst); i++ {
		dst[i] -= f * src[i]
	}
}

// floatReducedCosts sets rc[k] to the reduced cost of every active
// nonbasic column k under the duals y (phase 2).
func (m *Model) floatReducedCosts(y, rc []float64) {
	fs := m.fl
	for k := range fs.pos {
		if fs.pos[k] >= 0 || fs.solves-fs.seen[k] > floatAge {
			continue
		}
		r := fs.obj[k]
		vals := fs.vals[k]
		for t, row := range fs.rows[k] {
			r -= y[row] * vals[t]
		}
		rc[k] = r
	}
}

// floatPrice returns the column to enter under the duals y (phase 1: no
// objective), or -1: among the active columns only when active is set;
// the first eligible column with bland, else the one with the largest
// reduced cost.
func (m *Model) floatPrice(y []float64, phase1, active, bland bool) int {
	devex := len(m.sense) > devexRows
	fs := m.fl
	enter, best := -1, 0.0
	for k := range fs.pos {
		if fs.pos[k] >= 0 || fs.hi[k] == fs.lo[k] || (active && fs.solves-fs.seen[k] > floatAge) {
			continue
		}
		rc := 0.0
		if !phase1 {
			rc = fs.obj[k]
		}
		vals := fs.vals[k]
		for t, r := range fs.rows[k] {
			rc -= y[r] * vals[t]
		}
		if (rc > floatCostTol && !fs.up[k]) || (rc < -floatCostTol && fs.up[k]) {
			if bland {
				return k
			}
			a := math.Abs(rc)
			if devex {
				a = rc * rc / fs.dw[k]
			}
			if a > best {
				enter, best = k, a
			}
		}
	}
	return enter
}

// FloatDuals returns the floating-point simplex's duals of every row.
func (m *Model) FloatDuals() []float64 {
	fs := m.fl
	y := make([]float64, len(fs.basis))
	for i, k := range fs.basis {
		c := ratF(&m.cols[k].obj)
		if c == 0 {
			continue
		}
		for j, x := range fs.binv[i] {
			y[j] += c * x
		}
	}
	return y
}

// SolveGuided solves the model exactly, guided by the floating-point
// simplex: the floating-point simplex runs first, the exact simplex adopts
// its final basis (an exact fraction-free refactorisation) when that basis
// is not singular, and then runs to its own exact outcome, which is the
// answer, as from [Model.Solve].
func (m *Model) SolveGuided() (Status, error) {
	st, err := m.SolveFloat()
	if err != nil {
		return m.Solve()
	}
	if st == StatusOptimal && m.verifyFloat() {
		return StatusOptimal, nil
	}
	if !m.solved {
		m.setup()
	}
	m.adopt()
	return m.Solve()
}

// adopt makes the floating-point basis the exact basis, refactorising it
// exactly; it keeps the exact basis when the other one is singular.
func (m *Model) adopt() {
	fs := m.fl
	n := len(fs.basis)
	same := true
	for i, k := range fs.basis {
		if m.basis[i] != k {
			same = false
		}
	}
	if same {
		copy(m.atUpper, fs.up)
		for _, k := range m.basis {
			m.atUpper[k] = false
		}
		return
	}
	// Logical columns first, so that the elimination starts cheap.
	order := make([]int, 0, n)
	for _, k := range fs.basis {
		if len(m.cols[k].entries) == 1 && m.isLogical(k) {
			order = append(order, k)
		}
	}
	for _, k := range fs.basis {
		if !(len(m.cols[k].entries) == 1 && m.isLogical(k)) {
			order = append(order, k)
		}
	}
	adj, det, ok := factor(m, order)
	if !ok {
		return
	}
	m.basis = order
	for k := range m.pos {
		m.pos[k] = -1
	}
	for i, k := range order {
		m.pos[k] = i
	}
	copy(m.atUpper, fs.up)
	for k := range m.atUpper {
		if m.pos[k] >= 0 {
			m.atUpper[k] = false
		}
	}
	m.adj, m.det = adj, *det
}

// isLogical reports whether internal id k is a row's logical column.
func (m *Model) isLogical(k int) bool {
	c := &m.cols[k]
	return len(c.entries) == 1 && k == m.logical[c.entries[0].row]
}

// factor returns adj and det (> 0) with B⁻¹ = adj/det for the basis whose
// columns are the internal ids order, by fraction-free Gauss–Jordan
// elimination, and false when the basis is singular.
func factor(m *Model, order []int) ([][]big.Int, *big.Int, bool) {
	n := len(order)
	// a = [B | I], n rows, 2n columns.
	a := make([][]big.Int, n)
	for i := range a {
		a[i] = make([]big.Int, 2*n)
		a[i][n+i].SetInt64(1)
	}
	for p, k := range order {
		for _, e := range m.cols[k].entries {
			a[e.row][p].Set(&e.coef)
		}
	}
	// Rows whose basic logical column is −1 are negated first (B′ = S·B,
	// S = diag(±1)), so that the logical pivots are all +1 and cost
	// nothing; then B⁻¹ = B′⁻¹·S, whose columns are negated back at the end.
	flip := make([]bool, n)
	for _, k := range order {
		if m.isLogical(k) {
			e := &m.cols[k].entries[0]
			if e.coef.Sign() < 0 {
				flip[e.row] = true
				for j := 0; j < n; j++ {
					a[e.row][j].Neg(&a[e.row][j])
				}
			}
		}
	}
	prev := big.NewInt(1)
	var t1, t2, rem big.Int
	for col := 0; col < n; col++ {
		piv := -1
		for r := col; r < n; r++ {
			if a[r][col].Sign() != 0 && (piv < 0 || a[r][col].BitLen() < a[piv][col].BitLen()) {
				piv = r
			}
		}
		if piv < 0 {
			return nil, nil, false
		}
		a[col], a[piv] = a[piv], a[col]
		pk := new(big.Int).Set(&a[col][col])
		same := pk.Cmp(prev) == 0
		for r := 0; r < n; r++ {
			if r == col {
				continue
			}
			row := a[r]
			f := new(big.Int).Set(&row[col])
			if f.Sign() == 0 && same {
				continue
			}
			for j := range row {
				if j == col {
					continue
				}
				x, y := &row[j], &a[col][j]
				if y.Sign() == 0 || f.Sign() == 0 {
					if x.Sign() == 0 || same {
						continue
					}
					t1.Mul(pk, x)
					x.QuoRem(&t1, prev, &rem)
					continue
				}
				t1.Mul(pk, x)
				t2.Mul(f, y)
				t1.Sub(&t1, &t2)
				x.QuoRem(&t1, prev, &rem)
			}
			row[col].SetInt64(0)
		}
		prev = pk
	}
	det := new(big.Int).Set(prev)
	adj := make([][]big.Int, n)
	for i := range adj {
		adj[i] = a[i][n:]
		for j := range adj[i] {
			if flip[j] {
				adj[i][j].Neg(&adj[i][j])
			}
		}
	}
	if det.Sign() < 0 {
		det.Neg(det)
		for i := range adj {
			for j := range adj[i] {
				adj[i][j].Neg(&adj[i][j])
			}
		}
	}
	return adj, det, true
}
