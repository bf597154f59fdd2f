package sortition

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/civitas-go/civitas/internal/lp"
)

// columnsPerRound is how many improving panels one pricing round with
// exact duals may add.
const columnsPerRound = 8

// floatColumnsPerRound is how many improving panels one pricing round with
// the floating-point duals adds: one, the first the search finds. More per
// round means fewer rounds but a master three to four times as wide, whose
// re-solves cost more than the rounds saved (leximin of the 1,000-volunteer
// benchmark: 28 s with one, 37–41 s with eight).
const floatColumnsPerRound = 1

// composition is a panel up to the order of interchangeable members: how
// many seats each class fills. It stands for every panel with those
// counts, each equally likely (see [Distribution]).
type composition struct {
	counts lp.Pick
	weight big.Rat
}

// key returns a map key for counts.
func countsKey(p lp.Pick) string {
	var b strings.Builder
	for _, x := range p {
		b.WriteString(strconv.Itoa(x))
		b.WriteByte(',')
	}
	return b.String()
}

// master is the column generation of maximin and leximin: an exact linear
// program over the compositions found so far, and the pricing search that
// finds the composition to add.
//
// Rows: one per class o, Σ_c x_oc·λ_c − s_o·Σ_{t ≤ stage(o)} d_t ≥ 0 (the
// class's expected seats are at least its size times its level), and
// Σ_c λ_c = 1. Columns: λ_c ≥ 0 per composition; d_t per stage, the
// increase of the least probability at stage t. Stage t maximises d_t
// with d_1 … d_{t−1} fixed at their optimal values; a class leaves the
// open set (is fixed) at the stage whose row has a non-zero dual, which
// by complementary slackness holds its probability at that stage's level
// in every optimum.
type master struct {
	in              *instance
	m               *lp.Model
	conv            int // row of Σλ = 1
	picks           []lp.Pick
	pickVar         []int
	seen            map[string]bool
	dvars           []int
	stage           []int // per class: stage it was fixed at, 0 open, -1 never selectable
	rounds          int   // exact pricing rounds
	floatRoundsDone int
}

// newMaster finds a feasible composition and one covering each class,
// and builds the program of the first stage. It returns the
// [*InfeasibleError] of the smallest relaxation when no panel meets the
// quotas.
func newMaster(in *instance) (*master, error) {
	if err := in.feasible(); err != nil {
		return nil, err
	}
	mr := &master{in: in, m: lp.NewModel(), seen: map[string]bool{}, stage: make([]int, len(in.classes))}
	picks, selectable, err := in.cover()
	if err != nil {
		return nil, err
	}
	for o, ok := range selectable {
		if !ok {
			mr.stage[o] = -1 // in no feasible panel
		}
	}
	for _, p := range picks {
		v, err := mr.m.AddVar(nil, nil, nil)
		if err != nil {
			return nil, err
		}
		mr.seen[countsKey(p)] = true
		mr.picks = append(mr.picks, p)
		mr.pickVar = append(mr.pickVar, v)
	}
	d, err := mr.m.AddVar(big.NewRat(1, 1), nil, nil)
	if err != nil {
		return nil, err
	}
	mr.dvars = []int{d}
	for o, c := range in.classes {
		var terms []lp.Term
		for j, p := range mr.picks {
			if p[o] != 0 {
				terms = append(terms, lp.Term{Index: mr.pickVar[j], Coef: int64(p[o])})
			}
		}
		if mr.stage[o] == 0 {
			terms = append(terms, lp.Term{Index: d, Coef: -int64(len(c.members))})
		}
		if _, err := mr.m.AddRow(terms, lp.SenseGreaterEq, nil); err != nil {
			return nil, err
		}
	}
	terms := make([]lp.Term, len(mr.pickVar))
	for j, v := range mr.pickVar {
		terms[j] = lp.Term{Index: v, Coef: 1}
	}
	if mr.conv, err = mr.m.AddRow(terms, lp.SenseEqual, big.NewRat(1, 1)); err != nil {
		return nil, err
	}
	return mr, nil
}

// limitErr turns the solver's iteration limit into ErrLimit.
func limitErr(err error) error {
	return fmt.Errorf("%w: %w", ErrLimit, err)
}

// addPick adds composition p as a column, unless it is already one.
func (mr *master) addPick(p lp.Pick) (bool, error) {
	k := countsKey(p)
	if mr.seen[k] {
		return false, nil
	}
	mr.seen[k] = true
	terms := make([]lp.Term, 0, len(p)+1)
	for o, x := range p {
		if x != 0 {
			terms = append(terms, lp.Term{Index: o, Coef: int64(x)})
		}
	}
	terms = append(terms, lp.Term{Index: mr.conv, Coef: 1})
	v, err := mr.m.AddColumn(nil, nil, nil, terms)
	if err != nil {
		return false, err
	}
	mr.picks = append(mr.picks, p)
	mr.pickVar = append(mr.pickVar, v)
	return true, nil
}

// solveStage runs column generation until no composition improves the
// current stage, and returns the duals of the class rows (numerators over
// a positive common denominator). The floating-point simplex of internal/lp
// leads: it solves the program and prices with its duals until that finds
// nothing; then its basis is proved optimal exactly (lp.Model.SolveGuided)
// and the exact duals price, and only when the exact pricing proves that
// no composition improves does the stage end.
func (mr *master) solveStage() ([]*big.Int, error) {
	nc := len(mr.in.classes)
	w := make([]*big.Int, nc)
	for {
		if err := mr.floatRounds(); err != nil {
			return nil, err
		}
		st, err := mr.m.SolveGuided()
		if err != nil {
			return nil, limitErr(err)
		}
		if st != lp.StatusOptimal {
			return nil, fmt.Errorf("sortition: internal error: master program %v", st)
		}
		nums, _ := mr.m.DualNumerators()
		for o := range nc {
			w[o] = new(big.Int).Neg(nums[o])
			if w[o].Sign() < 0 {
				return nil, fmt.Errorf("sortition: internal error: negative price for class %d", o)
			}
		}
		mr.rounds++
		found, err := mr.in.sel.Improving(w, nums[mr.conv], columnsPerRound)
		if err != nil {
			return nil, limitErr(err)
		}
		added, err := mr.addPicks(found)
		if err != nil {
			return nil, err
		}
		if !added {
			return nums[:nc], nil
		}
	}
}

// floatRounds runs column generation in floating point: solve, price with
// the duals scaled to 50-bit integers, add what improves by more than a
// tolerance, until nothing does. It only finds columns; it proves nothing.
func (mr *master) floatRounds() error {
	nc := len(mr.in.classes)
	for {
		st, err := mr.m.SolveFloat()
		if err != nil || st != lp.StatusOptimal {
			return nil // the exact simplex takes over
		}
		y := mr.m.FloatDuals()
		wmax := 0.0
		for o := range nc {
			wmax = max(wmax, -y[o])
		}
		if wmax <= 0 {
			return nil
		}
		scale := math.Ldexp(1, 50) / wmax
		w := make([]*big.Int, nc)
		for o := range nc {
			w[o], _ = big.NewFloat(math.Round(max(0, -y[o]) * scale)).Int(nil)
		}
		thr, _ := big.NewFloat(math.Floor((y[mr.conv] + 1e-11*wmax) * scale)).Int(nil)
		found, err := mr.in.sel.Improving(w, thr, floatColumnsPerRound)
		if err != nil {
			return limitErr(err)
		}
		added, err := mr.addPicks(found)
		if err != nil {
			return err
		}
		mr.floatRoundsDone++
		if !added {
			return nil
		}
	}
}

// addPicks adds the compositions that are not columns yet, and reports
// whether it added any.
func (mr *master) addPicks(found []lp.Pick) (bool, error) {
	added := false
	for i := len(found) - 1; i >= 0; i-- {
		ok, err := mr.addPick(found[i])
		if err != nil {
			return false, err
		}
		added = added || ok
	}
	return added, nil
}

// run solves the first stage (maximin) or every stage (leximin).
func (mr *master) run(leximin bool) error {
	for t := 1; ; t++ {
		duals, err := mr.solveStage()
		if err != nil {
			return err
		}
		if !leximin {
			return nil
		}
		fixed, open := 0, 0
		for o, y := range duals {
			if mr.stage[o] != 0 {
				continue
			}
			if y.Sign() != 0 {
				mr.stage[o] = t
				fixed++
			} else {
				open++
			}
		}
		if fixed == 0 {
			return fmt.Errorf("sortition: internal error: stage %d fixed no class", t)
		}
		if open == 0 {
			return nil
		}
		d := mr.dvars[len(mr.dvars)-1]
		v := mr.m.Value(d)
		if err := mr.m.SetBounds(d, v, v); err != nil {
			return err
		}
		if err := mr.m.SetObjective(d, new(big.Rat)); err != nil {
			return err
		}
		var terms []lp.Term
		for o, c := range mr.in.classes {
			if mr.stage[o] == 0 {
				terms = append(terms, lp.Term{Index: o, Coef: -int64(len(c.members))})
			}
		}
		nd, err := mr.m.AddColumn(big.NewRat(1, 1), nil, nil, terms)
		if err != nil {
			return err
		}
		mr.dvars = append(mr.dvars, nd)
	}
}

// compositions returns the compositions with a positive weight in the
// latest solution.
func (mr *master) compositions() []composition {
	var out []composition
	for j, p := range mr.picks {
		v := mr.m.Value(mr.pickVar[j])
		if v.Sign() > 0 {
			c := composition{counts: p}
			c.weight.Set(v)
			out = append(out, c)
		}
	}
	return out
}

// cover returns compositions that together give every class a seat it
// can have, and which classes some feasible panel includes: it prices with
// weight 1 on every class not yet covered, adds what it finds, and stops
// when nothing has a positive value, which proves that no panel includes
// the classes left.
func (in *instance) cover() ([]lp.Pick, []bool, error) {
	nc := len(in.classes)
	w := make([]*big.Int, nc)
	selectable := make([]bool, nc)
	var picks []lp.Pick
	for {
		for o := range w {
			w[o] = big.NewInt(0)
			if !selectable[o] {
				w[o].SetInt64(1)
			}
		}
		found, err := in.sel.Improving(w, big.NewInt(0), columnsPerRound)
		if err != nil {
			return nil, nil, limitErr(err)
		}
		if len(found) == 0 {
			return picks, selectable, nil
		}
		for _, p := range found {
			for o, x := range p {
				if x > 0 {
					selectable[o] = true
				}
			}
			picks = append(picks, p)
		}
	}
}

// feasible returns nil when some panel meets the quotas, ErrPoolTooSmall
// when the pool has fewer households than seats, and the
// [*InfeasibleError] of the smallest relaxation otherwise.
func (in *instance) feasible() error {
	if in.houses < in.spec.PanelSize {
		return fieldErr("panel_size", fmt.Sprintf("%d seats, %d households", in.spec.PanelSize, in.houses), ErrPoolTooSmall)
	}
	zero := make([]*big.Int, len(in.classes))
	for o := range zero {
		zero[o] = new(big.Int)
	}
	found, err := in.sel.Improving(zero, big.NewInt(-1), 1)
	if err != nil {
		return limitErr(err)
	}
	if len(found) > 0 {
		return nil
	}
	return in.relaxation()
}
