package lp

import (
	"fmt"
	"math/big"
)

// Term is one coefficient of a row or a column: the index of the column
// (in a row) or of the row (in a column) and its integer coefficient.
type Term struct {
	// Index is the column's or the row's index.
	Index int
	// Coef is the coefficient.
	Coef int64
}

// entry is one stored coefficient of a column.
type entry struct {
	row  int
	coef big.Int
	f    float64 // coef as a float64, for the floating-point simplex
}

// column is one stored column: a logical one (a row's slack) or a
// structural one (a variable of the model).
type column struct {
	entries []entry
	obj     big.Rat
	lo      big.Rat
	hi      *big.Rat // nil: +∞
}

// Model is a linear program: maximise c·x subject to rows and bounds (see
// the package doc). Build it with [NewModel], [Model.AddVar] and
// [Model.AddRow], then [Model.Solve]; columns, rows, objective
// coefficients and bounds may change between solves, and the next solve
// starts from the basis the last one ended with. The zero value is an
// empty model, ready to use. A Model is not safe for concurrent use.
type Model struct {
	sense   []Sense
	rhs     []big.Rat
	cols    []column // every column, logical and structural, by internal id
	varID   []int    // structural index → internal id
	logical []int    // row → internal id of its logical column

	// Solver state; valid once solved is true.
	solved  bool
	basis   []int  // internal id per basis position
	pos     []int  // basis position per internal id, -1 when nonbasic
	atUpper []bool // per internal id: nonbasic at its upper bound
	adj     [][]big.Int
	det     big.Int // > 0; B⁻¹ = adj/det
	// The basic values are X/(det·rd): X = adj·R, where R = rd·(b − N·x_N)
	// is the effective right-hand side scaled to integers.
	X    []big.Int
	R    []big.Int
	rd   big.Int
	cInt []big.Int // objective × cDen, per internal id
	cDen big.Int

	// fl is the floating-point simplex's state, once it has run.
	fl *floatState

	// Solution of the latest solve.
	status Status
	values []big.Rat
	duals  []big.Rat
	// The duals as integer numerators over one positive denominator.
	dualNum []big.Int
	dualDen big.Int
	obj     big.Rat

	// IterationLimit caps the pivots of one solve; 0 means no limit.
	IterationLimit int
	// Iterations counts every pivot and bound flip since the model was built.
	Iterations int
	// Degenerate counts the pivots that did not move the solution.
	Degenerate int
}

// NewModel returns an empty model.
func NewModel() *Model { return &Model{} }

// NumRows returns the number of rows.
func (m *Model) NumRows() int { return len(m.sense) }

// NumVars returns the number of structural variables.
func (m *Model) NumVars() int { return len(m.varID) }

// AddVar adds a variable with objective coefficient obj and bounds lo ≤ x
// ≤ hi (hi nil for +∞; a nil obj or lo is zero), with no coefficient in
// any row yet, and returns its index.
func (m *Model) AddVar(obj, lo, hi *big.Rat) (int, error) {
	return m.AddColumn(obj, lo, hi, nil)
}

// AddColumn adds a variable as AddVar does, with the coefficients terms in
// existing rows (Term.Index is the row). After a solve, the new variable
// starts nonbasic at its lower bound.
func (m *Model) AddColumn(obj, lo, hi *big.Rat, terms []Term) (int, error) {
	var c column
	if obj != nil {
		c.obj.Set(obj)
	}
	if lo != nil {
		c.lo.Set(lo)
	}
	if hi != nil {
		if hi.Cmp(&c.lo) < 0 {
			return 0, &FieldError{Field: "bounds", Value: fmt.Sprintf("[%s, %s]", c.lo.RatString(), hi.RatString()), Err: ErrInvalid}
		}
		c.hi = new(big.Rat).Set(hi)
	}
	seen := map[int]bool{}
	for _, t := range terms {
		if t.Index < 0 || t.Index >= len(m.sense) || seen[t.Index] {
			return 0, &FieldError{Field: "column.row", Value: fmt.Sprint(t.Index), Err: ErrInvalid}
		}
		seen[t.Index] = true
		if t.Coef == 0 {
			continue
		}
		e := entry{row: t.Index, f: float64(t.Coef)}
		e.coef.SetInt64(t.Coef)
		c.entries = append(c.entries, e)
	}
	id := m.newColumn(c)
	m.varID = append(m.varID, id)
	if m.solved {
		var g big.Int
		if d := c.obj.Denom(); g.Quo(&m.cDen, g.GCD(nil, nil, &m.cDen, d)).Sign() != 0 && new(big.Int).Rem(&m.cDen, d).Sign() == 0 {
			// The common denominator already covers the new coefficient.
			x := &m.cInt[id]
			x.Mul(c.obj.Num(), &m.cDen)
			x.Quo(x, d)
		} else {
			m.scaleObjective()
		}
	}
	return len(m.varID) - 1, nil
}

// newColumn stores c and returns its internal id.
func (m *Model) newColumn(c column) int {
	m.cols = append(m.cols, c)
	if m.solved {
		m.pos = append(m.pos, -1)
		m.atUpper = append(m.atUpper, false)
		m.cInt = append(m.cInt, big.Int{})
	}
	if m.fl != nil {
		m.fl.pos = append(m.fl.pos, -1)
		m.fl.up = append(m.fl.up, false)
	}
	return len(m.cols) - 1
}

// AddRow adds the row Σ terms (Term.Index is the variable) sense rhs and
// returns its index. After a solve, the row's logical column joins the
// basis, and the next solve starts from there even when the row cuts the
// current solution off.
func (m *Model) AddRow(terms []Term, sense Sense, rhs *big.Rat) (int, error) {
	if !sense.IsValid() {
		return 0, &FieldError{Field: "sense", Value: sense.String(), Err: ErrInvalid}
	}
	seen := map[int]bool{}
	for _, t := range terms {
		if t.Index < 0 || t.Index >= len(m.varID) || seen[t.Index] {
			return 0, &FieldError{Field: "row.column", Value: fmt.Sprint(t.Index), Err: ErrInvalid}
		}
		seen[t.Index] = true
	}
	var b big.Rat
	if rhs != nil {
		b.Set(rhs)
	}
	i := len(m.sense)
	m.sense = append(m.sense, sense)
	m.rhs = append(m.rhs, b)
	for _, t := range terms {
		if t.Coef != 0 {
			e := entry{row: i, f: float64(t.Coef)}
			e.coef.SetInt64(t.Coef)
			c := &m.cols[m.varID[t.Index]]
			c.entries = append(c.entries, e)
		}
	}
	lc := column{entries: []entry{{row: i, f: 1}}}
	lc.entries[0].coef.SetInt64(1)
	switch sense {
	case SenseGreaterEq:
		lc.entries[0].coef.SetInt64(-1)
		lc.entries[0].f = -1
	case SenseEqual:
		lc.hi = new(big.Rat)
	}
	id := m.newColumn(lc)
	m.logical = append(m.logical, id)
	if m.solved {
		m.extendBasis(id, terms)
	}
	if m.fl != nil {
		m.fl.extend(m, id)
	}
	return i, nil
}

// extendBasis adds the new row's logical column (internal id id, row
// terms) to the basis: with σ its coefficient and a_B the row's
// coefficients on the basic columns, adj′ = [[adj, 0], [−σ·a_Bᵀ·adj, σ·det]]
// over the same det (σ = ±1).
func (m *Model) extendBasis(id int, terms []Term) {
	n := len(m.basis)
	sigma := m.cols[id].entries[0].coef.Int64()
	coef := map[int]int64{} // basis position → coefficient in the new row
	for _, t := range terms {
		if p := m.pos[m.varID[t.Index]]; p >= 0 && t.Coef != 0 {
			coef[p] = t.Coef
		}
	}
	last := make([]big.Int, n+1)
	var t big.Int
	for p, a := range coef {
		t.SetInt64(-sigma * a)
		for k := 0; k < n; k++ {
			if m.adj[p][k].Sign() != 0 {
				var x big.Int
				x.Mul(&t, &m.adj[p][k])
				last[k].Add(&last[k], &x)
			}
		}
	}
	last[n].Mul(&m.det, big.NewInt(sigma))
	for i := 0; i < n; i++ {
		m.adj[i] = append(m.adj[i], big.Int{})
	}
	m.adj = append(m.adj, last)
	m.basis = append(m.basis, id)
	m.pos[id] = n
	m.X = append(m.X, big.Int{})
	m.R = append(m.R, big.Int{})
}

// SetObjective sets variable j's objective coefficient.
func (m *Model) SetObjective(j int, c *big.Rat) error {
	if j < 0 || j >= len(m.varID) {
		return &FieldError{Field: "column", Value: fmt.Sprint(j), Err: ErrInvalid}
	}
	m.cols[m.varID[j]].obj.Set(c)
	if m.solved {
		m.scaleObjective()
	}
	return nil
}

// SetObjectives sets every variable's objective coefficient, obj[j] for
// variable j.
func (m *Model) SetObjectives(obj []*big.Rat) error {
	if len(obj) != len(m.varID) {
		return &FieldError{Field: "objective", Value: fmt.Sprintf("%d coefficients for %d variables", len(obj), len(m.varID)), Err: ErrInvalid}
	}
	for j, c := range obj {
		m.cols[m.varID[j]].obj.Set(c)
	}
	if m.solved {
		m.scaleObjective()
	}
	return nil
}

// Bounds returns variable j's bounds (hi nil for +∞); copies.
func (m *Model) Bounds(j int) (lo, hi *big.Rat) {
	c := &m.cols[m.varID[j]]
	lo = new(big.Rat).Set(&c.lo)
	if c.hi != nil {
		hi = new(big.Rat).Set(c.hi)
	}
	return lo, hi
}

// SetBounds sets variable j's bounds (hi nil for +∞).
func (m *Model) SetBounds(j int, lo, hi *big.Rat) error {
	if j < 0 || j >= len(m.varID) || lo == nil || (hi != nil && hi.Cmp(lo) < 0) {
		return &FieldError{Field: "bounds", Value: fmt.Sprint(j), Err: ErrInvalid}
	}
	id := m.varID[j]
	c := &m.cols[id]
	c.lo.Set(lo)
	if hi == nil {
		c.hi = nil
	} else {
		c.hi = new(big.Rat).Set(hi)
	}
	if m.solved && m.atUpper[id] && c.hi == nil {
		m.atUpper[id] = false
	}
	if m.fl != nil && m.fl.up[id] && c.hi == nil {
		m.fl.up[id] = false
	}
	return nil
}

// Status returns the outcome of the latest solve.
func (m *Model) Status() Status { return m.status }

// Value returns variable j's value in the latest solution.
func (m *Model) Value(j int) *big.Rat { return new(big.Rat).Set(&m.values[j]) }

// Values returns every variable's value in the latest solution.
func (m *Model) Values() []*big.Rat {
	out := make([]*big.Rat, len(m.values))
	for j := range m.values {
		out[j] = new(big.Rat).Set(&m.values[j])
	}
	return out
}

// Objective returns the objective's value in the latest solution.
func (m *Model) Objective() *big.Rat { return new(big.Rat).Set(&m.obj) }

// Dual returns row i's dual value in the latest optimal solution of the
// relaxation: the rate at which the optimum grows with the row's
// right-hand side. It is nil after [Model.SolveInteger].
func (m *Model) Dual(i int) *big.Rat {
	if m.duals == nil {
		return nil
	}
	return new(big.Rat).Set(&m.duals[i])
}

// DualNumerators returns the duals of every row as integer numerators over
// one positive common denominator, which it also returns: the form in which
// the simplex holds them.
// It returns nil when the latest solve ended without an optimum of the
// relaxation.
func (m *Model) DualNumerators() ([]*big.Int, *big.Int) {
	if m.duals == nil {
		return nil, nil
	}
	out := make([]*big.Int, len(m.dualNum))
	for i := range m.dualNum {
		out[i] = new(big.Int).Set(&m.dualNum[i])
	}
	return out, new(big.Int).Set(&m.dualDen)
}

// scaleObjective recomputes cDen (the lcm of the objective's denominators)
// and cInt.
func (m *Model) scaleObjective() {
	m.cDen.SetInt64(1)
	var g big.Int
	for k := range m.cols {
		d := m.cols[k].obj.Denom()
		g.GCD(nil, nil, &m.cDen, d)
		m.cDen.Mul(&m.cDen, d)
		m.cDen.Quo(&m.cDen, &g)
	}
	for k := range m.cols {
		o := &m.cols[k].obj
		x := &m.cInt[k]
		x.Mul(o.Num(), &m.cDen)
		x.Quo(x, o.Denom())
	}
}

// setup starts from the basis of the logical columns.
func (m *Model) setup() {
	nr := len(m.sense)
	total := len(m.cols)
	m.pos = make([]int, total)
	m.atUpper = make([]bool, total)
	m.cInt = make([]big.Int, total)
	for k := range m.pos {
		m.pos[k] = -1
	}
	m.basis = make([]int, nr)
	m.adj = make([][]big.Int, nr)
	for i := 0; i < nr; i++ {
		id := m.logical[i]
		m.basis[i] = id
		m.pos[id] = i
		m.adj[i] = make([]big.Int, nr)
		m.adj[i][i].Set(&m.cols[id].entries[0].coef) // (±1)⁻¹ = ±1
	}
	m.det.SetInt64(1)
	m.X = make([]big.Int, nr)
	m.R = make([]big.Int, nr)
	m.solved = true
	m.scaleObjective()
}

// nonbasicValue returns the current value of nonbasic column k.
func (m *Model) nonbasicValue(k int) *big.Rat {
	c := &m.cols[k]
	if m.atUpper[k] {
		return c.hi
	}
	return &c.lo
}

// computeXB recomputes R and rd from the nonbasic values, and X = adj·R.
func (m *Model) computeXB() {
	nr := len(m.sense)
	m.rd.Set(m.scaledRHS(m.pos, m.nonbasicValue, m.R))
	var p big.Int
	for i := 0; i < nr; i++ {
		x := &m.X[i]
		x.SetInt64(0)
		for k := 0; k < nr; k++ {
			if m.R[k].Sign() == 0 || m.adj[i][k].Sign() == 0 {
				continue
			}
			p.Mul(&m.adj[i][k], &m.R[k])
			x.Add(x, &p)
		}
	}
}

// scaledRHS sets R = rd·(b − N·x_N), the right-hand side less the
// nonbasic columns (pos[k] < 0) at their values value(k), scaled to
// integers by rd, the least common multiple of its denominators, which it
// returns.
func (m *Model) scaledRHS(pos []int, value func(k int) *big.Rat, R []big.Int) *big.Int {
	r := make([]big.Rat, len(m.sense))
	for i := range r {
		r[i].Set(&m.rhs[i])
	}
	var t big.Rat
	for k := range pos {
		if pos[k] >= 0 {
			continue
		}
		v := value(k)
		if v.Sign() == 0 {
			continue
		}
		for _, e := range m.cols[k].entries {
			t.SetInt(&e.coef)
			t.Mul(&t, v)
			r[e.row].Sub(&r[e.row], &t)
		}
	}
	rd := lcmDenoms(r)
	for i := range r {
		R[i].Mul(r[i].Num(), rd)
		R[i].Quo(&R[i], r[i].Denom())
	}
	return rd
}

// basicValue returns the value of basis position i as a rational.
func (m *Model) basicValue(i int) *big.Rat {
	den := new(big.Int).Mul(&m.det, &m.rd)
	return new(big.Rat).SetFrac(&m.X[i], den)
}

// phase2Costs returns the basic columns' scaled objective coefficients.
func (m *Model) phase2Costs() []*big.Int {
	cb := make([]*big.Int, len(m.basis))
	for i, k := range m.basis {
		cb[i] = &m.cInt[k]
	}
	return cb
}

// pricing returns P = c_Bᵀ·adj, so that the duals are P/(det·scale).
func (m *Model) pricing(cb []*big.Int) []big.Int {
	nr := len(m.basis)
	p := make([]big.Int, nr)
	var t big.Int
	for i := 0; i < nr; i++ {
		c := cb[i]
		if c == nil || c.Sign() == 0 {
			continue
		}
		row := m.adj[i]
		for k := 0; k < nr; k++ {
			if row[k].Sign() == 0 {
				continue
			}
			t.Mul(c, &row[k])
			p[k].Add(&p[k], &t)
		}
	}
	return p
}
