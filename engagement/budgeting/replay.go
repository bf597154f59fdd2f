package budgeting

// This file replays a [Result] exactly to explain it. The replay of the
// Method of Equal Shares (shareReplay) and of Phragmén's loads
// (loadReplay) is on purpose a second implementation, independent of the
// rules' engines (mes.go, phragmen.go): plain big rationals, no float64
// intervals, no heap, no lazy classes. It takes only the order of the steps
// from the Result and recomputes every ρ, payment, budget and load from the
// definitions, so an Explanation is also a check of the engines (the tests
// hold every traced figure of the engines against it). What is not a check
// is shared with the rules: the scaled amounts and utilities (prepared),
// greedy's score (prepared.greedyScore) and the conversion of a price to ρ
// (prepared.rho).

import (
	"cmp"
	"context"
	"math/big"
	"slices"
)

// Explain explains res: for greedy, why each project was funded or skipped;
// for the Method of Equal Shares, each round's ρ and what each group of
// supporters paid and kept, and for each project not funded whether its
// supporters could not afford it or another project was cheaper per unit
// of utility when it was last considered; for Phragmén, each round's load.
//
// The figures are recomputed exactly from the election and the order in
// which res funded the projects, so res need not have been built
// [WithTrace]. The replay is a second implementation of equal shares and
// of Phragmén's loads, in plain exact rationals and independent of the
// engines that ran the rule, so the figures it gives also check theirs. It
// returns an error wrapping [ErrInvalid] for a nil or zero Result, and [ErrOverflow] for amounts the rules could not scale
// either.
//
// Explain does not stop before it is done; [ExplainContext] does.
func Explain(res *Result) (*Explanation, error) {
	return ExplainContext(context.Background(), res)
}

// ExplainContext explains res as [Explain] does, and returns ctx's error
// when ctx is done before the explanation is complete: the replay looks at
// ctx every few dozen iterations of its loops, so a deadline stops even an
// explanation whose single round is long.
func ExplainContext(ctx context.Context, res *Result) (*Explanation, error) {
	if res == nil || res.election == nil || !res.rule.IsValid() {
		return nil, errorf(ErrInvalid, "no result to explain")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if res.rule.official != 0 {
		return explainOfficial(ctx, res)
	}
	e, r := res.election, res.rule
	pe, err := prepare(e, r.utility, true)
	if err != nil {
		return nil, err
	}
	pe.stop.ctx = ctx
	if res.rank != nil {
		pe.setRank(res.rank) // the ties broken as the rule broke them
	}
	in := e.inst
	x := &Explanation{Rule: r, Budget: in.budget, Voters: e.prof.Len(), Projects: in.Len(), Runs: res.runs,
		Spent: res.spent, Rounds: []Round{}, Unfunded: []Unfunded{}}
	x.Currency, _ = in.Meta("currency")
	xp := &explainer{pe: pe, x: x, votes: ballotsListing(pe), reasons: make([][]Reason, in.Len())}
	switch r.method {
	case MethodGreedy:
		xp.greedy(res.steps)
	case MethodPhragmen:
		xp.phragmen(res.steps)
	default:
		vb := NewFraction(res.perVoter)
		x.VoterBudget = &vb
		n := 0
		for n < len(res.steps) && res.steps[n].method == MethodEqualShares {
			n++
		}
		xp.equalShares(res.steps[:n], vb.rat())
		xp.greedy(res.steps[n:])
	}
	return xp.unfunded(res)
}

// unfunded lists every project res did not fund, in file order (the
// election's, not the explainer's: Equal Shares rounds costs down), with
// the reasons found, and returns the explanation.
func (xp *explainer) unfunded(res *Result) (*Explanation, error) {
	if xp.pe.stop.err != nil {
		return nil, xp.pe.stop.err
	}
	funded := make([]bool, len(xp.reasons))
	for _, p := range res.selected {
		funded[p] = true
	}
	for p, pr := range res.election.inst.projects {
		if funded[p] {
			continue
		}
		if len(xp.reasons[p]) == 0 {
			return nil, errorf(ErrInvalid, "project %q: the result cannot be explained", pr.ID)
		}
		xp.x.Unfunded = append(xp.x.Unfunded, Unfunded{Project: pr.ID, Name: pr.Name, Cost: pr.Cost, Votes: xp.votes[p],
			Reasons: xp.reasons[p]})
	}
	return xp.x, nil
}

// explainer builds an Explanation.
type explainer struct {
	pe      *prepared
	x       *Explanation
	votes   []int64    // ballots listing each project
	reasons [][]Reason // each project's reasons so far
}

// ballotsListing counts the ballots that list each project.
func ballotsListing(pe *prepared) []int64 {
	g := pe.groups
	votes := make([]int64, len(pe.cost))
	for i := 0; i < g.len(); i++ {
		its, _ := g.ballot(i)
		for _, p := range its {
			votes[p] += g.weight[i]
		}
	}
	return votes
}

// round returns the Round of step s, numbered after those already there.
func (xp *explainer) round(s Step) Round {
	pr := &xp.pe.e.inst.projects[s.project]
	rd := Round{Number: len(xp.x.Rounds) + 1, Method: s.method, Kind: s.kind, Project: pr.ID, Name: pr.Name,
		Cost: pr.Cost, Before: s.remaining, After: s.remaining, Votes: xp.votes[s.project]}
	if s.kind == StepKindFunded {
		rd.Before = s.remaining.Add(pr.Cost)
	}
	return rd
}

// money returns a scaled amount in currency units.
func (xp *explainer) money(x *big.Rat) *Fraction {
	f := NewFraction(xp.pe.currency(x))
	return &f
}

// greedy explains greedy's steps: every project it considered, with its
// score, and DidNotFit for those it skipped.
func (xp *explainer) greedy(steps []Step) {
	pe := xp.pe
	for _, s := range steps {
		if pe.stop.done() {
			return
		}
		rd := xp.round(s)
		p := s.project
		if u, c, inf := pe.greedyScore(p); !inf {
			// U(p)/c(p) in currency units: U is scaled by 10^utilityPlaces,
			// c by 10^places.
			num := new(big.Int).Mul(u, tenPow(pe.places))
			den := new(big.Int).Mul(big.NewInt(c), tenPow(pe.utilityPlaces()))
			f := NewFraction(new(big.Rat).SetFrac(num, den))
			rd.Score = &f
		}
		if s.kind == StepKindSkipped {
			before := rd.Before
			xp.reasons[p] = append(xp.reasons[p], Reason{Method: MethodGreedy, Kind: ReasonKindDidNotFit, Round: rd.Number, Remaining: &before})
		}
		xp.x.Rounds = append(xp.x.Rounds, rd)
	}
}

// equalShares explains the Method of Equal Shares' rounds by running them
// again, exactly, with every voter starting at b0 (currency units): each
// round's ρ and payments, and for every candidate not bought the round
// after which its supporters could no longer pay for it.
func (xp *explainer) equalShares(steps []Step, b0 *big.Rat) {
	pe := xp.pe
	m := newShareReplay(pe, new(big.Rat).Mul(b0, new(big.Rat).SetInt(tenPow(pe.places))))
	bought := make([]bool, len(pe.cost))
	for _, s := range steps {
		bought[s.project] = true
	}
	for p := range pe.cost {
		if pe.stop.done() {
			return
		}
		switch {
		case bought[p]:
		case pe.supOff[p+1] == pe.supOff[p]:
			xp.reasons[p] = append(xp.reasons[p], Reason{Method: MethodEqualShares, Kind: ReasonKindNoSupport})
		case pe.cost[p] > 0:
			if !m.enter(p) {
				xp.reasons[p] = append(xp.reasons[p], Reason{Method: MethodEqualShares, Kind: ReasonKindUnaffordable, Held: xp.money(m.held[p])})
			}
		}
	}
	for _, s := range steps {
		if pe.stop.done() {
			return
		}
		rd := xp.round(s)
		if pe.cost[s.project] > 0 {
			xp.buy(m, &rd)
		}
		xp.x.Rounds = append(xp.x.Rounds, rd)
	}
}

// buy explains the round that bought rd's project, recording Outbid for
// every candidate the round left unaffordable.
func (xp *explainer) buy(m *shareReplay, rd *Round) {
	pe := xp.pe
	p, _ := pe.e.inst.Index(rd.Project)
	terms := m.terms(p)
	q := m.price(terms, pe.cost[p])
	rd.Rho = xp.rho(q, p)
	for _, t := range terms {
		b, paid := m.val[t.cls], m.payment(t, q)
		rd.Supporters = append(rd.Supporters, SupporterGroup{Voters: t.w, Utility: xp.utility(t.u, p),
			Before: *xp.money(b), Paid: *xp.money(paid), After: *xp.money(new(big.Rat).Sub(b, paid))})
	}
	rd.Supporters = mergeGroups(rd.Supporters)
	for _, d := range m.pay(p, terms, q) {
		if pe.stop.done() {
			return
		}
		dq := m.price(d.terms, pe.cost[d.project])
		xp.reasons[d.project] = append(xp.reasons[d.project], Reason{Method: MethodEqualShares, Kind: ReasonKindOutbid,
			Round: rd.Number, Held: xp.money(m.held[d.project]), Rho: xp.rho(dq, d.project),
			Rival: rd.Project, RivalRho: rd.Rho})
	}
}

// rho returns the price q per unit of p's normalized utility as ρ, a
// Fraction.
func (xp *explainer) rho(q *big.Rat, p int) *Fraction {
	f := NewFraction(xp.pe.rho(q, p))
	return &f
}

// utility returns a normalized utility of p's supporters as u_i(p).
func (xp *explainer) utility(u int64, p int) Fraction {
	pe := xp.pe
	n := new(big.Int).Mul(big.NewInt(u), big.NewInt(pe.scale[p]))
	return NewFraction(new(big.Rat).SetFrac(n, tenPow(pe.utilityPlaces())))
}

// mergeGroups sorts supporter groups most money first (then most utility)
// and merges groups that held the same and gain the same, which paid the
// same too.
func mergeGroups(gs []SupporterGroup) []SupporterGroup {
	slices.SortStableFunc(gs, func(a, b SupporterGroup) int {
		return cmp.Or(b.Before.Cmp(a.Before), b.Utility.Cmp(a.Utility))
	})
	out := gs[:0]
	for _, g := range gs {
		if n := len(out); n > 0 && out[n-1].Before.Cmp(g.Before) == 0 && out[n-1].Utility.Cmp(g.Utility) == 0 {
			out[n-1].Voters += g.Voters
			continue
		}
		out = append(out, g)
	}
	return out
}

// shareReplay runs the Method of Equal Shares again with exact rationals,
// in the scaled units of prepared: voters' budgets are classes as in
// mesEngine (voter groups that have paid the same so far share one), and
// for each candidate still in the race it keeps what its supporters hold
// in all, so that it knows the round after which they could no longer pay.
type shareReplay struct {
	pe    *prepared
	val   []*big.Rat // budget of each class; class 0 holds nothing
	cls   []int32    // class of each voter group
	alive []bool     // candidate not bought and still affordable
	held  []*big.Rat // what each candidate's supporters hold in all
	acc   []int64    // scratch, per project
}

// shareTerm is one term of Σ w·min(b, q·u) = c: the supporters of a
// project in one budget class with one normalized utility.
type shareTerm struct {
	cls    int32
	u, w   int64
	capped bool    // pays all it holds
	groups []int32 // the voter groups in the term
}

// payment returns what each voter of t pays at price q: all she holds when
// t is capped, q·u otherwise. The caller must not change it.
func (m *shareReplay) payment(t shareTerm, q *big.Rat) *big.Rat {
	if t.capped {
		return m.val[t.cls]
	}
	return new(big.Rat).Mul(q, new(big.Rat).SetInt64(t.u))
}

// newShareReplay starts every voter at b0 (scaled).
func newShareReplay(pe *prepared, b0 *big.Rat) *shareReplay {
	m := &shareReplay{pe: pe, val: []*big.Rat{new(big.Rat), b0}, cls: make([]int32, pe.groups.len()),
		alive: make([]bool, len(pe.cost)), held: make([]*big.Rat, len(pe.cost)), acc: make([]int64, len(pe.cost))}
	for g := range m.cls {
		m.cls[g] = 1
	}
	return m
}

// enter puts candidate p in the race and reports whether its supporters
// hold its cost at the start.
func (m *shareReplay) enter(p int) bool {
	pe := m.pe
	var n int64
	for _, g := range pe.supG[pe.supOff[p]:pe.supOff[p+1]] {
		n += pe.groups.weight[g]
	}
	m.held[p] = new(big.Rat).Mul(m.val[1], new(big.Rat).SetInt64(n))
	m.alive[p] = m.held[p].Cmp(new(big.Rat).SetInt64(pe.cost[p])) >= 0
	return m.alive[p]
}

// terms returns p's supporters grouped by class and utility. Those who
// hold nothing (class 0) are terms too: they pay all they hold, nothing.
func (m *shareReplay) terms(p int) []shareTerm {
	pe := m.pe
	var terms []shareTerm
	index := map[[2]int64]int{}
	for k := pe.supOff[p]; k < pe.supOff[p+1]; k++ {
		g := pe.supG[k]
		c, w := m.cls[g], pe.groups.weight[g]
		key := [2]int64{int64(c), pe.uNorm(k)}
		j, ok := index[key]
		if !ok {
			j = len(terms)
			index[key] = j
			terms = append(terms, shareTerm{cls: c, u: key[1]})
		}
		terms[j].w += w
		terms[j].groups = append(terms[j].groups, g)
	}
	return terms
}

// price returns the smallest q with Σ w·min(b, q·u) = cost over terms and
// marks the terms that pay all they hold. The terms must hold at least
// cost between them.
//
// As in mesEngine.solve, supporters who cannot pay q·u are capped while q
// rises: every q computed from supporters certainly capped is at most the
// true one, so a supporter with b ≤ q·u is certainly capped too; a pass
// that caps nobody ends it.
func (m *shareReplay) price(terms []shareTerm, cost int64) *big.Rat {
	W := new(big.Int)
	for j, t := range terms {
		terms[j].capped = false
		W.Add(W, new(big.Int).Mul(big.NewInt(t.w), big.NewInt(t.u)))
	}
	rest := new(big.Rat).SetInt64(cost)
	for {
		q := new(big.Rat).Quo(rest, new(big.Rat).SetInt(W))
		more := false
		for j := range terms {
			t := &terms[j]
			if b := m.val[t.cls]; !t.capped && atMost(b, q, t.u) {
				t.capped, more = true, true
				rest.Sub(rest, new(big.Rat).Mul(b, new(big.Rat).SetInt64(t.w)))
				W.Sub(W, new(big.Int).Mul(big.NewInt(t.w), big.NewInt(t.u)))
			}
		}
		switch {
		case W.Sign() == 0: // everyone pays all: q is the largest b/u
			q.SetInt64(0)
			for _, t := range terms {
				if x := new(big.Rat).Quo(m.val[t.cls], new(big.Rat).SetInt64(t.u)); x.Cmp(q) > 0 {
					q = x
				}
			}
			return q
		case !more:
			return q
		}
	}
}

// atMost reports whether b ≤ q·u, by cross-multiplying the integers
// (normalizing big rationals costs a gcd every time).
func atMost(b, q *big.Rat, u int64) bool {
	x := new(big.Int).Mul(b.Num(), q.Denom())
	y := new(big.Int).Mul(q.Num(), b.Denom())
	return x.Cmp(y.Mul(y, big.NewInt(u))) <= 0
}

// outbid is a candidate that a round left unaffordable, with its terms
// as they stood in that round.
type outbid struct {
	project int
	terms   []shareTerm
}

// pay makes p's supporters pay at price q, updates what every other
// candidate's supporters hold, and returns the candidates that can no
// longer be paid for, with their terms before the payments.
func (m *shareReplay) pay(p int, terms []shareTerm, q *big.Rat) []outbid {
	pe := m.pe
	// Voters who paid the same amount are taken together: those who paid
	// q·u share one bucket per u, each capped term is one.
	type bucket struct {
		paid   *big.Rat
		groups []int32
	}
	var buckets []*bucket
	byU := map[int64]*bucket{}
	for _, t := range terms {
		switch {
		case t.cls == 0: // they pay nothing
		case t.capped:
			buckets = append(buckets, &bucket{paid: m.payment(t, q), groups: t.groups})
		case byU[t.u] == nil:
			byU[t.u] = &bucket{paid: m.payment(t, q), groups: slices.Clone(t.groups)}
			buckets = append(buckets, byU[t.u])
		default:
			byU[t.u].groups = append(byU[t.u].groups, t.groups...)
		}
	}
	var changed []int
	for _, bk := range buckets {
		var touched []int
		for _, g := range bk.groups {
			its, pts := pe.groups.ballot(int(g))
			for k, o := range its {
				if !m.alive[o] || (!pe.e.inst.voteType.approvalLike() && pe.utilityOf(k, len(its), pts) <= 0) {
					continue
				}
				if m.acc[o] == 0 {
					touched = append(touched, int(o))
				}
				m.acc[o] += pe.groups.weight[g]
			}
		}
		for _, o := range touched {
			if pe.stop.done() {
				return nil
			}
			m.held[o].Sub(m.held[o], new(big.Rat).Mul(bk.paid, new(big.Rat).SetInt64(m.acc[o])))
			m.acc[o] = 0
		}
		changed = append(changed, touched...)
	}
	slices.Sort(changed)
	changed = slices.Compact(changed)
	var out []outbid
	for _, o := range changed {
		if pe.stop.done() {
			return nil
		}
		if m.held[o].Cmp(new(big.Rat).SetInt64(pe.cost[o])) < 0 {
			m.alive[o] = false
			out = append(out, outbid{project: o, terms: m.terms(o)})
		}
	}
	for _, t := range terms {
		child := int32(0)
		if !t.capped {
			child = int32(len(m.val))
			m.val = append(m.val, new(big.Rat).Sub(m.val[t.cls], m.payment(t, q)))
		}
		for _, g := range t.groups {
			m.cls[g] = child
		}
	}
	return out
}

// phragmen explains sequential Phragmén's rounds by running them again
// with exact loads: each funded project's load, the project that stopped
// the rule, and why every other project was left out.
func (xp *explainer) phragmen(steps []Step) {
	pe := xp.pe
	m := &loadReplay{pe: pe, round: make([]int32, pe.groups.len()), load: []*big.Rat{new(big.Rat)}}
	stop := -1 // the round that stopped the rule, as an index in Rounds
	stopper := -1
	for _, s := range steps {
		if pe.stop.done() {
			return
		}
		rd := xp.round(s)
		ell := m.ell(s.project)
		if ell != nil {
			rd.Load = xp.money(ell)
		}
		if s.kind == StepKindFunded {
			m.fund(s.project, ell)
		} else {
			stop, stopper = len(xp.x.Rounds), s.project
		}
		xp.x.Rounds = append(xp.x.Rounds, rd)
	}
	funded := make([]bool, len(pe.cost))
	for _, s := range steps {
		funded[s.project] = s.kind == StepKindFunded
	}
	for p := range pe.cost {
		if pe.stop.done() {
			return
		}
		var r Reason
		switch {
		case funded[p]:
			continue
		case pe.cost[p] > pe.budget:
			r = Reason{Method: MethodPhragmen, Kind: ReasonKindOverBudget}
		case stop < 0:
			continue // cannot happen: Phragmén runs until a project does not fit
		case p == stopper:
			sr := xp.x.Rounds[stop]
			r = Reason{Method: MethodPhragmen, Kind: ReasonKindDidNotFit, Round: sr.Number, Remaining: &sr.Before, Load: sr.Load}
		default:
			sr := xp.x.Rounds[stop]
			r = Reason{Method: MethodPhragmen, Kind: ReasonKindNotReached, Round: sr.Number, Remaining: &sr.Before,
				Rival: sr.Project, RivalLoad: sr.Load}
			if ell := m.ell(p); ell != nil {
				r.Load = xp.money(ell)
			}
		}
		xp.reasons[p] = append(xp.reasons[p], r)
	}
}

// loadReplay holds Phragmén's loads exactly, in scaled money: a voter's
// load is that of the last round that bought a project she approves.
type loadReplay struct {
	pe    *prepared
	round []int32    // the round whose load each voter group carries; 0 for none
	load  []*big.Rat // each round's load; load[0] = 0
}

// ell returns ℓ(p) = (Σ loads of p's approvers + c(p)) / approvers, or nil
// when nobody approves p.
func (m *loadReplay) ell(p int) *big.Rat {
	pe := m.pe
	if pe.weightU[p] == 0 {
		return nil
	}
	counts := make([]int64, len(m.load))
	for _, g := range pe.supG[pe.supOff[p]:pe.supOff[p+1]] {
		counts[m.round[g]] += pe.groups.weight[g]
	}
	x := new(big.Rat).SetInt64(pe.cost[p])
	for r := 1; r < len(counts); r++ {
		if counts[r] != 0 {
			x.Add(x, new(big.Rat).Mul(m.load[r], new(big.Rat).SetInt64(counts[r])))
		}
	}
	return x.Quo(x, new(big.Rat).SetInt64(pe.weightU[p]))
}

// fund gives p's approvers the load ell.
func (m *loadReplay) fund(p int, ell *big.Rat) {
	if ell == nil {
		return
	}
	r := int32(len(m.load))
	m.load = append(m.load, ell)
	for _, g := range m.pe.supG[m.pe.supOff[p]:m.pe.supOff[p+1]] {
		m.round[g] = r
	}
}
