package sortition

import (
	"fmt"
	"math/big"

	"github.com/civitas-go/civitas/internal/lp"
)

// relaxationNodeLimit caps the branch and bound of the relaxation.
const relaxationNodeLimit = 200000

// relaxation returns the [*InfeasibleError] carrying the smallest
// relaxation of the quotas: the integer program
//
//	minimise Σ_q (l_q + u_q)
//	subject to Σ_o x_o = k,
//	           Min_q − l_q ≤ Σ_{o in q} x_o ≤ Max_q + u_q for every quota q,
//	           Σ_{o in g} x_o ≤ |g| for every group g of equivalent households,
//	           0 ≤ x_o ≤ cap_o, x, l, u whole,
//
// solved exactly by branch and bound over the class counts x_o.
func (in *instance) relaxation() error {
	m := lp.NewModel()
	var ints []int
	xs := make([]int, len(in.classes))
	for o, c := range in.classes {
		v, err := m.AddVar(nil, nil, big.NewRat(int64(c.kind.Cap), 1))
		if err != nil {
			return err
		}
		xs[o] = v
		ints = append(ints, v)
	}
	all := make([]lp.Term, len(xs))
	for o, v := range xs {
		all[o] = lp.Term{Index: v, Coef: 1}
	}
	if _, err := m.AddRow(all, lp.SenseEqual, big.NewRat(int64(in.spec.PanelSize), 1)); err != nil {
		return err
	}
	for g, capacity := range in.groups {
		var terms []lp.Term
		for o, c := range in.classes {
			if c.kind.Group == g {
				terms = append(terms, lp.Term{Index: xs[o], Coef: 1})
			}
		}
		if _, err := m.AddRow(terms, lp.SenseLessEq, big.NewRat(int64(capacity), 1)); err != nil {
			return err
		}
	}
	minus1 := big.NewRat(-1, 1)
	type slack struct{ q, lo, up int }
	var slacks []slack
	for f, qs := range in.quotaOf {
		for c, q := range qs {
			if q < 0 {
				continue
			}
			quota := in.spec.Quotas[q]
			var terms []lp.Term
			for o, cl := range in.classes {
				if cl.kind.Cats[f] == c {
					terms = append(terms, lp.Term{Index: xs[o], Coef: 1})
				}
			}
			lo, err := m.AddVar(minus1, nil, big.NewRat(int64(quota.Min), 1))
			if err != nil {
				return err
			}
			up, err := m.AddVar(minus1, nil, nil)
			if err != nil {
				return err
			}
			ints = append(ints, lo, up)
			slacks = append(slacks, slack{q, lo, up})
			if _, err := m.AddRow(append(terms, lp.Term{Index: lo, Coef: 1}), lp.SenseGreaterEq, big.NewRat(int64(quota.Min), 1)); err != nil {
				return err
			}
			if _, err := m.AddRow(append(terms, lp.Term{Index: up, Coef: -1}), lp.SenseLessEq, big.NewRat(int64(quota.Max), 1)); err != nil {
				return err
			}
		}
	}
	st, err := m.SolveInteger(ints, relaxationNodeLimit)
	if err != nil {
		return limitErr(err)
	}
	if st != lp.StatusOptimal {
		return fmt.Errorf("sortition: internal error: relaxation program %v", st)
	}
	e := &InfeasibleError{}
	byQuota := map[int]QuotaChange{}
	for _, s := range slacks {
		l := int(m.Value(s.lo).Num().Int64())
		u := int(m.Value(s.up).Num().Int64())
		if l == 0 && u == 0 {
			continue
		}
		q := in.spec.Quotas[s.q]
		byQuota[s.q] = QuotaChange{Feature: q.Feature, Value: q.Value, Min: q.Min, Max: q.Max, NewMin: q.Min - l, NewMax: q.Max + u}
	}
	for q := range in.spec.Quotas {
		if c, ok := byQuota[q]; ok {
			e.Relaxation = append(e.Relaxation, c)
		}
	}
	return e
}
