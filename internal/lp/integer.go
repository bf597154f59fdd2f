package lp

import (
	"fmt"
	"math/big"
)

// SolveInteger solves the model with the variables listed in integer
// restricted to whole values, by depth-first branch and bound over the
// relaxations (see the package doc), and returns the outcome. The best
// solution is read with [Model.Value] and [Model.Objective]; [Model.Dual]
// is nil. nodeLimit caps the nodes explored (0: no limit) and exceeding it
// returns [ErrIterationLimit]. The variables' bounds are restored before
// it returns.
func (m *Model) SolveInteger(integer []int, nodeLimit int) (Status, error) {
	for _, j := range integer {
		if j < 0 || j >= len(m.varID) {
			return 0, &FieldError{Field: "integer", Value: fmt.Sprint(j), Err: ErrInvalid}
		}
	}
	b := &branch{m: m, integer: integer, limit: nodeLimit}
	if err := b.explore(); err != nil {
		return 0, err
	}
	if b.unbounded {
		m.status = StatusUnbounded
		return StatusUnbounded, nil
	}
	if b.best == nil {
		m.status = StatusInfeasible
		return StatusInfeasible, nil
	}
	m.status = StatusOptimal
	m.values = b.best
	m.obj.Set(&b.bestObj)
	m.duals = nil
	return StatusOptimal, nil
}

// branch is the state of one branch and bound.
type branch struct {
	m         *Model
	integer   []int
	limit     int
	nodes     int
	best      []big.Rat
	bestObj   big.Rat
	unbounded bool
}

// explore solves the current node and its subtree.
func (b *branch) explore() error {
	b.nodes++
	if b.limit > 0 && b.nodes > b.limit {
		return &FieldError{Field: "nodes", Value: fmt.Sprint(b.limit), Err: ErrIterationLimit}
	}
	st, err := b.m.Solve()
	if err != nil {
		return err
	}
	switch st {
	case StatusInfeasible:
		return nil
	case StatusUnbounded:
		b.unbounded = true
		return nil
	}
	if b.best != nil && b.m.obj.Cmp(&b.bestObj) <= 0 {
		return nil
	}
	// The first integer variable with a fractional value.
	frac := -1
	for _, j := range b.integer {
		if !b.m.values[j].IsInt() {
			frac = j
			break
		}
	}
	if frac < 0 {
		b.best = append([]big.Rat(nil), b.m.values...)
		for i := range b.best {
			b.best[i].Set(&b.m.values[i])
		}
		b.bestObj.Set(&b.m.obj)
		return nil
	}
	v := new(big.Rat).Set(&b.m.values[frac])
	floor := new(big.Int).Div(v.Num(), v.Denom()) // rounds towards −∞ for a positive denominator
	down := new(big.Rat).SetInt(floor)
	up := new(big.Rat).SetInt(new(big.Int).Add(floor, big.NewInt(1)))
	lo, hi := b.m.Bounds(frac)
	// Down branch: x ≤ ⌊v⌋.
	if down.Cmp(lo) >= 0 {
		if err := b.m.SetBounds(frac, lo, down); err != nil {
			return err
		}
		if err := b.explore(); err != nil {
			return err
		}
	}
	// Up branch: x ≥ ⌈v⌉.
	if hi == nil || hi.Cmp(up) >= 0 {
		if err := b.m.SetBounds(frac, up, hi); err != nil {
			return err
		}
		if err := b.explore(); err != nil {
			return err
		}
	}
	return b.m.SetBounds(frac, lo, hi)
}
