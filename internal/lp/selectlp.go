package lp

import (
	"fmt"
	"math/big"
)

// searchBudget is how many nodes the combinatorial search of
// [Selection.Improving] may explore, finding nothing, before the search
// over linear relaxations takes over. A search that has found nothing
// after a thousand nodes is usually proving that nothing exists, which the
// relaxations do faster (sortition's 1,000-volunteer benchmarks, CPU:
// leximin 22–23 s with 1,000 against 29 s with 20,000, Nash 6.4 s against
// 8.6 s, maximin 2.9 s against 2.4 s; the effect is not monotone, 300
// gave 40 s, as the columns found change the path of column generation).
const searchBudget = 1000

// relaxed is the linear relaxation of a Selection: one variable per kind,
// 0 ≤ x_k ≤ Cap, Σ x = K, each quota's range as rows (only the bounds that
// bind: Min > 0, Max < K), each group's capacity. It is kept between
// searches so that each starts from the basis the last one ended with.
type relaxed struct {
	m    *Model
	vars []int
}

// relaxation returns s's relaxation, built at the first call.
func (s *Selection) relaxation() (*relaxed, error) {
	if s.lp != nil {
		return s.lp, nil
	}
	r := &relaxed{m: NewModel(), vars: make([]int, len(s.Kinds))}
	for k, kind := range s.Kinds {
		v, err := r.m.AddVar(nil, nil, big.NewRat(int64(kind.Cap), 1))
		if err != nil {
			return nil, err
		}
		r.vars[k] = v
	}
	all := make([]Term, len(s.Kinds))
	for k := range s.Kinds {
		all[k] = Term{Index: r.vars[k], Coef: 1}
	}
	if _, err := r.m.AddRow(all, SenseEqual, big.NewRat(int64(s.K), 1)); err != nil {
		return nil, err
	}
	for f, qs := range s.Quotas {
		for c, q := range qs {
			var terms []Term
			for k, kind := range s.Kinds {
				if kind.Cats[f] == c {
					terms = append(terms, Term{Index: r.vars[k], Coef: 1})
				}
			}
			if q.Min > 0 {
				if _, err := r.m.AddRow(terms, SenseGreaterEq, big.NewRat(int64(q.Min), 1)); err != nil {
					return nil, err
				}
			}
			if q.Max < s.K {
				if _, err := r.m.AddRow(terms, SenseLessEq, big.NewRat(int64(q.Max), 1)); err != nil {
					return nil, err
				}
			}
		}
	}
	for g, capacity := range s.Groups {
		var terms []Term
		for k, kind := range s.Kinds {
			if kind.Group == g {
				terms = append(terms, Term{Index: r.vars[k], Coef: 1})
			}
		}
		if _, err := r.m.AddRow(terms, SenseLessEq, big.NewRat(int64(capacity), 1)); err != nil {
			return nil, err
		}
	}
	s.lp = r
	return r, nil
}

// lpSearch is a branch and bound over the relaxations, exact: the
// relaxation's objective is the exact weights, so its optimum bounds every
// selection of the subtree exactly.
type lpSearch struct {
	s      *Selection
	r      *relaxed
	thr    big.Rat
	exact  []*big.Int
	found  []Pick
	stopAt int
	nodes  int
	first  int
}

// improvingLP is Improving by branch and bound over the relaxations.
func (s *Selection) improvingLP(weights []*big.Int, threshold *big.Int, most int) ([]Pick, error) {
	r, err := s.relaxation()
	if err != nil {
		return nil, err
	}
	obj := make([]*big.Rat, len(weights))
	for k, w := range weights {
		obj[k] = new(big.Rat).SetInt(w)
	}
	if err := r.m.SetObjectives(obj); err != nil {
		return nil, err
	}
	ls := &lpSearch{s: s, r: r, exact: weights, stopAt: most}
	ls.thr.SetInt(threshold)
	if err := ls.node(); err != nil && err != errStop {
		return nil, err
	}
	return ls.found, nil
}

// node solves the relaxation under the current bounds and explores its
// subtree.
func (ls *lpSearch) node() error {
	ls.nodes++
	if ls.s.NodeLimit > 0 && ls.nodes > ls.s.NodeLimit {
		return &FieldError{Field: "nodes", Value: fmt.Sprint(ls.s.NodeLimit), Err: ErrIterationLimit}
	}
	if ls.stopAt > 0 && len(ls.found) > 0 && (len(ls.found) >= ls.stopAt || ls.nodes-ls.first > improvingBudget) {
		return errStop
	}
	m := ls.r.m
	st, err := m.SolveGuided()
	if err != nil {
		return err
	}
	if st != StatusOptimal || m.obj.Cmp(&ls.thr) <= 0 {
		return nil
	}
	// The fractional variable nearest to one half.
	frac := -1
	var best big.Rat
	half := big.NewRat(1, 2)
	for k, v := range ls.r.vars {
		x := &m.values[v]
		if x.IsInt() {
			continue
		}
		var f big.Rat
		fl := new(big.Int).Div(x.Num(), x.Denom())
		f.Sub(x, new(big.Rat).SetInt(fl))
		f.Sub(&f, half)
		f.Abs(&f)
		if frac < 0 || f.Cmp(&best) < 0 {
			frac, best = k, f
		}
	}
	if frac < 0 {
		p := make(Pick, len(ls.r.vars))
		for k, v := range ls.r.vars {
			p[k] = int(m.values[v].Num().Int64())
		}
		if len(ls.found) == 0 {
			ls.first = ls.nodes
		}
		ls.found = append(ls.found, p)
		if ls.stopAt == 0 {
			ls.thr.Set(&m.obj)
		}
		return nil
	}
	v := ls.r.vars[frac]
	x := new(big.Rat).Set(&m.values[v])
	fl := new(big.Int).Div(x.Num(), x.Denom())
	down := new(big.Rat).SetInt(fl)
	up := new(big.Rat).SetInt(new(big.Int).Add(fl, bigOne))
	lo, hi := m.Bounds(v)
	// The side the relaxation leans to first.
	var f big.Rat
	f.Sub(x, down)
	order := []bool{true, false} // up first
	if f.Cmp(half) < 0 {
		order = []bool{false, true}
	}
	for _, goUp := range order {
		var err error
		if goUp {
			err = m.SetBounds(v, up, hi)
		} else {
			err = m.SetBounds(v, lo, down)
		}
		if err != nil {
			return err
		}
		err = ls.node()
		if rerr := m.SetBounds(v, lo, hi); rerr != nil {
			return rerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}
