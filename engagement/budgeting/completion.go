package budgeting

import (
	"context"
	"math/big"
	"slices"
)

// runEqualShares runs the Method of Equal Shares with r's completion and
// greedy completion, filling res.
func runEqualShares(ctx context.Context, pe *prepared, res *Result, r Rule) error {
	n := pe.voters
	perVoter := func(total *big.Rat) *big.Rat { // total/n, or 0 without voters
		if n == 0 {
			return new(big.Rat)
		}
		return new(big.Rat).Quo(total, big.NewRat(n, 1))
	}
	budget := new(big.Rat).SetInt64(pe.budget)
	var kept *mesEngine
	var b0 *big.Rat
	var err error
	switch r.completion {
	case CompletionNone:
		kept, b0 = newMESEngine(pe), perVoter(budget)
		kept.run(b0)
		if pe.stop.err != nil {
			return pe.stop.err
		}
		res.runs = 1
	case CompletionAdd1:
		// b = B/n + k currency units, k = 0, 1, …: the first outcome that is
		// exhaustive among the candidates.
		unit := big.NewRat(pow10(pe.places), 1)
		kept, b0, err = raiseBudget(ctx, pe, res,
			func(k int64) (*big.Rat, bool) {
				return new(big.Rat).Add(perVoter(budget), new(big.Rat).Mul(unit, big.NewRat(k, 1))), true
			},
			func(m *mesEngine) bool { return exhaustiveAmong(pe, m.selected, m.cand, pe.budget) }, false)
	case CompletionExh1pct:
		// B' = B·(100+j)/100, j = 0, 1, … while B' ≤ B·(n+1): the first
		// outcome exhaustive over all projects with respect to B.
		kept, b0, err = raiseBudget(ctx, pe, res,
			func(j int64) (*big.Rat, bool) {
				return perVoter(new(big.Rat).Mul(budget, big.NewRat(100+j, 100))), j <= 100*n || j == 0
			},
			func(m *mesEngine) bool { return exhaustive(pe, m.selected, pe.budget) }, false)
	}
	if err != nil {
		return err
	}
	res.selected = slices.Clone(kept.selected)
	res.perVoter = pe.currency(b0)
	kept.steps(res, r.trace)
	if r.trace {
		kept.leftovers(res)
	}
	if r.greedy && !exhaustive(pe, res.selected, pe.budget) {
		runGreedy(pe, res, res.selected, pe.budget)
	}
	return pe.stop.err
}

// raiseBudget reruns the method with each voter starting at perVoter(k),
// k = 0, 1, … while perVoter says so, and returns the engine holding the
// first outcome done accepts, or the last one before an outcome that costs
// more than B (or before perVoter stops), with its per-voter budget. It
// keeps two engines and swaps them, so each rerun reuses the buffers of the
// one before last.
//
// With cut, done must accept only outcomes that select as many projects as
// there are candidates, and nothing but the outcomes may depend on the runs
// (no tie a rerun breaks is recorded where anyone reads it): each run then
// stops once it is sure to select another number and what it spends is
// decided, and the outcome returned is computed again, to its end, when its
// run stopped early.
func raiseBudget(ctx context.Context, pe *prepared, res *Result,
	perVoter func(k int64) (*big.Rat, bool), done func(*mesEngine) bool, cut bool) (*mesEngine, *big.Rat, error) {
	cur, spare := newMESEngine(pe), newMESEngine(pe)
	if cut {
		cur.cut, spare.cut = &runCut{budget: pe.budget}, &runCut{budget: pe.budget}
	}
	var kept *mesEngine
	var keptB0 *big.Rat
	keptFull := true
	finish := func() (*mesEngine, *big.Rat, error) {
		if !keptFull {
			c := kept.cut
			kept.cut = nil
			kept.run(keptB0)
			kept.cut = c
			if pe.stop.err != nil {
				return nil, nil, pe.stop.err
			}
		}
		return kept, keptB0, nil
	}
	for k := int64(0); ; k++ {
		b0, ok := perVoter(k)
		if !ok {
			return finish()
		}
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		if cur.cut != nil {
			// The first run cannot overspend: the voters hold B in all.
			cur.cut.checkSpend = k > 0
		}
		cur.run(b0)
		if pe.stop.err != nil {
			return nil, nil, pe.stop.err
		}
		res.runs++
		full := cur.cut == nil || cur.cut.result == runFull
		if k > 0 && (!full && cur.cut.result == runStoppedOver || full && pe.spent(cur.selected) > pe.budget) {
			return finish()
		}
		kept, keptB0, keptFull = cur, b0, full
		if full && done(cur) { // a run stopped early is not done, by its cut
			return finish()
		}
		cur, spare = spare, cur
	}
}

// steps appends one Funded step per project the engine's last run bought,
// with exact ρ and payments when trace is set.
func (m *mesEngine) steps(res *Result, trace bool) {
	pe := m.pe
	spent := int64(0)
	rounds := 0
	for _, p := range m.selected {
		spent += pe.cost[p]
		s := Step{kind: StepKindFunded, project: p, method: MethodEqualShares, remaining: unscaled(pe.budget-spent, pe.places)}
		if rounds < len(m.rounds) && int(m.rounds[rounds].project) == p {
			if trace {
				m.traceRound(&s, int32(rounds))
			}
			rounds++
		}
		res.steps = append(res.steps, s)
	}
}

// leftovers records, for each group of voters, what it held at the end of
// the engine's last run, in currency units.
func (m *mesEngine) leftovers(res *Result) {
	byClass := map[int32]*big.Rat{}
	res.left = make([]*big.Rat, len(m.cls))
	for g, c := range m.cls {
		x, ok := byClass[c]
		if !ok {
			x = m.pe.currency(m.exact(c))
			byClass[c] = x
		}
		res.left[g] = x
	}
	res.member = m.pe.groups.member
}

// traceRound fills s with round r's exact ρ and payments, in currency units.
func (m *mesEngine) traceRound(s *Step, r int32) {
	pe := m.pe
	rd := &m.rounds[r]
	q := m.roundQ(r)
	s.rho = pe.rho(q, int(rd.project))
	for _, c := range rd.capped {
		b := pe.currency(m.exact(c.cls))
		s.payments = append(s.payments, Payment{Voters: c.w, Before: b, Paid: new(big.Rat).Set(b), After: new(big.Rat)})
	}
	for _, py := range rd.payers {
		before := pe.currency(m.exact(py.parent))
		after := pe.currency(m.exact(py.child))
		s.payments = append(s.payments, Payment{Voters: py.w, Before: before, Paid: new(big.Rat).Sub(before, after), After: after})
	}
}

// rho returns ρ for project p, in currency units per unit of utility, from
// q, the price per unit of p's normalized utility in scaled money: ρ·u_i(p)
// is the payment, u_i(p) = scale[p]·u, and amounts are scaled by
// 10^places and utilities by 10^utilityPlaces.
func (pe *prepared) rho(q *big.Rat, p int) *big.Rat {
	r := new(big.Rat).Quo(q, big.NewRat(pe.scale[p], 1))
	return r.Mul(r, new(big.Rat).SetFrac(tenPow(pe.utilityPlaces()), tenPow(pe.places)))
}

// utilityPlaces returns the decimal places by which utilities are scaled
// internally: costs for approval ballots under CostUtility, points for
// point ballots under CostUtility, none otherwise.
func (pe *prepared) utilityPlaces() int32 {
	if pe.utility != UtilityCost {
		return 0
	}
	switch {
	case pe.e.inst.voteType.approvalLike():
		return pe.places
	case pe.e.inst.voteType.hasPoints():
		return pe.e.prof.places
	}
	return 0
}
