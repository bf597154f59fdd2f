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
// [Model.AddRow], then [Model.Solve]; columns, objective coefficients and
// bounds may change between solves, rows may not once it has been solved.
// The zero value is an empty model, ready to use. A Model is not safe for
// concurrent use.
type Model struct {
	sense []Sense
	rhs   []big.Rat
	// rowTerms holds the rows' structural coefficients until the first
	// solve moves them into the columns.
	rowTerms [][]Term
	vars     []column // structural columns, in the order added
	logical  []column // one per row, built at the first solve

	// Solver state; valid once solved is true.
	solved  bool
	basis   []int  // internal column id per basis position
	pos     []int  // basis position per internal id, -1 when nonbasic
	atUpper []bool // per internal id: nonbasic at its upper bound
	adj     [][]big.Int
	det     big.Int
	xB      []big.Rat
	cInt    []big.Int // objective × cDen, per internal id
	cDen    big.Int

	// Solution of the latest solve.
	status Status
	values []big.Rat
	duals  []big.Rat
	obj    big.Rat

	// IterationLimit caps the pivots of one solve; 0 means no limit.
	IterationLimit int
	// Iterations counts every pivot and bound flip since the model was built.
	Iterations int
}

// NewModel returns an empty model.
func NewModel() *Model { return &Model{} }

// NumRows returns the number of rows.
func (m *Model) NumRows() int { return len(m.sense) }

// NumVars returns the number of structural variables.
func (m *Model) NumVars() int { return len(m.vars) }

// AddVar adds a variable with objective coefficient obj and bounds lo ≤ x
// ≤ hi (hi nil for +∞; lo must be finite), with no coefficient in any row
// yet, and returns its index. A nil obj or lo is zero.
func (m *Model) AddVar(obj, lo, hi *big.Rat) (int, error) {
	return m.AddColumn(obj, lo, hi, nil)
}

// AddColumn adds a variable as AddVar does, with the coefficients terms in
// existing rows (Term.Index is the row). After a solve, the new variable
// starts nonbasic at its lower bound and the next solve starts from the
// current basis.
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
		e := entry{row: t.Index}
		e.coef.SetInt64(t.Coef)
		c.entries = append(c.entries, e)
	}
	j := len(m.vars)
	if !m.solved {
		// Keep the terms in the rows' lists until the first solve.
		for _, t := range terms {
			if t.Coef != 0 {
				m.rowTerms[t.Index] = append(m.rowTerms[t.Index], Term{Index: j, Coef: t.Coef})
			}
		}
		c.entries = nil
		m.vars = append(m.vars, c)
		return j, nil
	}
	m.vars = append(m.vars, c)
	id := len(m.logical) + j
	m.pos = append(m.pos, -1)
	m.atUpper = append(m.atUpper, false)
	m.cInt = append(m.cInt, big.Int{})
	m.scaleObjective()
	_ = id
	return j, nil
}

// AddRow adds the row Σ terms (Term.Index is the variable) sense rhs and
// returns its index. Rows can only be added before the first solve.
func (m *Model) AddRow(terms []Term, sense Sense, rhs *big.Rat) (int, error) {
	if m.solved {
		return 0, &FieldError{Field: "row", Value: "added after the first solve", Err: ErrInvalid}
	}
	if !sense.IsValid() {
		return 0, &FieldError{Field: "sense", Value: sense.String(), Err: ErrInvalid}
	}
	seen := map[int]bool{}
	for _, t := range terms {
		if t.Index < 0 || t.Index >= len(m.vars) || seen[t.Index] {
			return 0, &FieldError{Field: "row.column", Value: fmt.Sprint(t.Index), Err: ErrInvalid}
		}
		seen[t.Index] = true
	}
	var b big.Rat
	if rhs != nil {
		b.Set(rhs)
	}
	m.sense = append(m.sense, sense)
	m.rhs = append(m.rhs, b)
	kept := make([]Term, 0, len(terms))
	for _, t := range terms {
		if t.Coef != 0 {
			kept = append(kept, t)
		}
	}
	m.rowTerms = append(m.rowTerms, kept)
	return len(m.sense) - 1, nil
}

// SetObjective sets variable j's objective coefficient.
func (m *Model) SetObjective(j int, c *big.Rat) error {
	if j < 0 || j >= len(m.vars) {
		return &FieldError{Field: "column", Value: fmt.Sprint(j), Err: ErrInvalid}
	}
	m.vars[j].obj.Set(c)
	if m.solved {
		m.scaleObjective()
	}
	return nil
}

// Bounds returns variable j's bounds (hi nil for +∞); copies.
func (m *Model) Bounds(j int) (lo, hi *big.Rat) {
	c := &m.vars[j]
	lo = new(big.Rat).Set(&c.lo)
	if c.hi != nil {
		hi = new(big.Rat).Set(c.hi)
	}
	return lo, hi
}

// SetBounds sets variable j's bounds (hi nil for +∞).
func (m *Model) SetBounds(j int, lo, hi *big.Rat) error {
	if j < 0 || j >= len(m.vars) || lo == nil || (hi != nil && hi.Cmp(lo) < 0) {
		return &FieldError{Field: "bounds", Value: fmt.Sprint(j), Err: ErrInvalid}
	}
	c := &m.vars[j]
	c.lo.Set(lo)
	if hi == nil {
		c.hi = nil
	} else {
		c.hi = new(big.Rat).Set(hi)
	}
	if m.solved {
		id := len(m.logical) + j
		if m.atUpper[id] && c.hi == nil {
			m.atUpper[id] = false
		}
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
func (m *Model) DualNumerators() ([]*big.Int, *big.Int) {
	p := m.pricing(m.phase2Costs())
	den := new(big.Int).Mul(&m.det, &m.cDen)
	out := make([]*big.Int, len(p))
	for i := range p {
		out[i] = new(big.Int).Set(&p[i])
	}
	return out, den
}

// scaleObjective recomputes cDen (the lcm of the objective's denominators)
// and cInt.
func (m *Model) scaleObjective() {
	m.cDen.SetInt64(1)
	var g big.Int
	for j := range m.vars {
		d := m.vars[j].obj.Denom()
		g.GCD(nil, nil, &m.cDen, d)
		m.cDen.Mul(&m.cDen, d)
		m.cDen.Quo(&m.cDen, &g)
	}
	nl := len(m.logical)
	for j := range m.vars {
		o := &m.vars[j].obj
		x := &m.cInt[nl+j]
		x.Mul(o.Num(), &m.cDen)
		x.Quo(x, o.Denom())
	}
	for i := 0; i < nl; i++ {
		m.cInt[i].SetInt64(0)
	}
}

// col returns the column with internal id k.
func (m *Model) col(k int) *column {
	if k < len(m.logical) {
		return &m.logical[k]
	}
	return &m.vars[k-len(m.logical)]
}

// setup builds the logical columns, moves the rows' terms into the columns
// and starts from the basis of the logical columns.
func (m *Model) setup() {
	nr := len(m.sense)
	for j := range m.vars {
		m.vars[j].entries = nil
	}
	for i, terms := range m.rowTerms {
		for _, t := range terms {
			e := entry{row: i}
			e.coef.SetInt64(t.Coef)
			m.vars[t.Index].entries = append(m.vars[t.Index].entries, e)
		}
	}
	m.rowTerms = nil
	m.logical = make([]column, nr)
	for i, s := range m.sense {
		e := entry{row: i}
		e.coef.SetInt64(1)
		lc := column{entries: []entry{e}}
		switch s {
		case SenseGreaterEq:
			e.coef.SetInt64(-1)
			lc.entries[0] = e
		case SenseEqual:
			lc.hi = new(big.Rat)
		}
		m.logical[i] = lc
	}
	total := nr + len(m.vars)
	m.pos = make([]int, total)
	m.atUpper = make([]bool, total)
	m.cInt = make([]big.Int, total)
	for k := range m.pos {
		m.pos[k] = -1
	}
	m.basis = make([]int, nr)
	m.adj = make([][]big.Int, nr)
	for i := 0; i < nr; i++ {
		m.basis[i] = i
		m.pos[i] = i
		m.adj[i] = make([]big.Int, nr)
		m.adj[i][i].Set(&m.logical[i].entries[0].coef) // (±1)⁻¹ = ±1
	}
	m.det.SetInt64(1)
	m.xB = make([]big.Rat, nr)
	m.solved = true
	m.scaleObjective()
}

// value returns the current value of nonbasic column k.
func (m *Model) nonbasicValue(k int) *big.Rat {
	c := m.col(k)
	if m.atUpper[k] {
		return c.hi
	}
	return &c.lo
}

// computeXB recomputes the basic values: x_B = B⁻¹(b − N·x_N).
func (m *Model) computeXB() {
	nr := len(m.sense)
	r := make([]big.Rat, nr)
	for i := range r {
		r[i].Set(&m.rhs[i])
	}
	var t big.Rat
	for k := range m.pos {
		if m.pos[k] >= 0 {
			continue
		}
		v := m.nonbasicValue(k)
		if v.Sign() == 0 {
			continue
		}
		for _, e := range m.col(k).entries {
			t.SetInt(&e.coef)
			t.Mul(&t, v)
			r[e.row].Sub(&r[e.row], &t)
		}
	}
	// Common denominator of r.
	rd := big.NewInt(1)
	var g big.Int
	for i := range r {
		d := r[i].Denom()
		g.GCD(nil, nil, rd, d)
		rd.Mul(rd, d)
		rd.Quo(rd, &g)
	}
	R := make([]big.Int, nr)
	for i := range r {
		R[i].Mul(r[i].Num(), rd)
		R[i].Quo(&R[i], r[i].Denom())
	}
	den := new(big.Int).Mul(&m.det, rd)
	var s, p big.Int
	for i := 0; i < nr; i++ {
		s.SetInt64(0)
		for k := 0; k < nr; k++ {
			if R[k].Sign() == 0 || m.adj[i][k].Sign() == 0 {
				continue
			}
			p.Mul(&m.adj[i][k], &R[k])
			s.Add(&s, &p)
		}
		m.xB[i].SetFrac(&s, den)
	}
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
