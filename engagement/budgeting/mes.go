package budgeting

import (
	"cmp"
	"math/big"
	"math/bits"
)

// This file holds the Method of Equal Shares (Peters & Skowron 2021) as the
// package documentation defines it, computed exactly but mostly in float64
// intervals.
//
// Budgets. Voters with identical ballots form groups (prepared.groups).
// Every group's budget is a "class": voters start in class 1 (b = B/n); when
// a project is bought, every paying class c splits off a child class
// c − q·u, and voters who paid all they had move to class 0 (b = 0). Class
// values are exact rationals, but only an interval around each is kept as
// the method runs; the exact value is computed, from the class's parent and
// the round that created it, only when a comparison of intervals cannot
// decide. In real elections that is rare, so the big rationals that exact
// MES needs (hundreds of bits after a few rounds) are almost never built.
//
// Rounds. ρ for a project can only grow from round to round, since budgets
// only shrink; the projects sit in a heap keyed by a lower bound of their
// ρ, and a round recomputes only the projects that reach the top of the
// heap (the lazy evaluation pabutools also uses). A project whose
// supporters hold less than its cost is dropped when it is recomputed: it
// could never become affordable again.

// entry is one term of the equation Σ min(b, q·u)·w = c for a project: a
// budget class, the normalized utility of its supporters, and how many
// voters it stands for (the weight).
type entry struct {
	cls    int32
	u      int64
	w      int64
	capped bool
}

// mesRound records how a round bought its project, enough to recompute the
// exact price q = (c − Σ capped w·b)/W and every payment afterwards.
type mesRound struct {
	project int32
	w       int64      // Σ w·u over the supporters who paid q·u
	capped  []capEntry // supporters who paid all they had
	payers  []payEntry // supporters who paid q·u, by class
	qExact  *big.Rat   // computed when first needed
}

// capEntry is a class whose voters paid all they held.
type capEntry struct {
	cls int32
	w   int64
}

// payEntry is a class whose voters paid q·u and moved to class child.
type payEntry struct {
	parent, child int32
	w             int64
}

// solvedEntries is a project's equation and its solution with intervals
// in round at: the entries with those paying all they have marked.
type solvedEntries struct {
	at   int64
	ents []entry
	st   solveStatus
	q    ival
}

// solveStatus is the outcome of solving for q with intervals.
type solveStatus int

const (
	solvedOK solveStatus = iota + 1
	solvedUnaffordable
	solvedAmbiguous
)

// mesEngine runs the Method of Equal Shares on a prepared election. Its
// buffers are reused across the reruns of a completion.
type mesEngine struct {
	pe *prepared

	// classes of budgets
	cVal    []ival
	cParent []int32
	cRound  []int32
	cU      []int64
	cExact  []*big.Rat

	cls    []int32 // class of each group
	rounds []mesRound

	selected []int
	spent    int64   // the cost of selected
	cut      *runCut // nil: runs go to their end

	heap  projHeap // candidates, keyed by a lower bound of ρ
	fresh []int64  // stamp of the round each project's ρ was computed in
	rho   []ival
	// solved keeps, for each project whose supporters all have utility 1,
	// its entries and interval solution as last computed: the winner's are
	// needed again, in the same round, to fund it.
	solved []solvedEntries
	// plainW is, for a project whose ρ was last computed with no supporter
	// capped, Σ w·u over its supporters (then q = c/W exactly); 0 otherwise.
	plainW []int64
	qEx    []*big.Rat // exact q when computed in round qExAt
	qExAt  []int64
	stamp  int64 // increases every round of every run

	// scratch
	acc     []int64
	touched []int32
	ents    []entry
	childOf []int32
	childAt []int64
	cands   []int32
	cand    []int32 // candidate projects: U(p) > 0 and c(p) > 0
	free    []int   // projects funded at once: U(p) > 0 and c(p) = 0
}

// newMESEngine prepares the engine's buffers for pe.
func newMESEngine(pe *prepared) *mesEngine {
	nP := len(pe.cost)
	m := &mesEngine{
		pe:     pe,
		cls:    make([]int32, pe.groups.len()),
		fresh:  make([]int64, nP),
		rho:    make([]ival, nP),
		plainW: make([]int64, nP),
		solved: make([]solvedEntries, nP),
		qEx:    make([]*big.Rat, nP),
		qExAt:  make([]int64, nP),
	}
	for _, p := range pe.byRank {
		if pe.supOff[p+1] == pe.supOff[p] {
			continue
		}
		if pe.cost[p] == 0 {
			m.free = append(m.free, int(p))
		} else {
			m.cand = append(m.cand, p)
		}
	}
	return m
}

// run computes MES with every voter starting at b0 (scaled currency). With
// a cut set, it stops as soon as the cut's questions have their answers,
// recording which in cut.result.
func (m *mesEngine) run(b0 *big.Rat) {
	m.reset(b0)
	m.selected = append(m.selected, m.free...)
	m.spent = 0
	if m.cut != nil {
		m.cut.result = runFull
	}
	for {
		w := m.nextWinner()
		if w < 0 || m.pe.stop.done() {
			return
		}
		m.fund(w)
		m.stamp++
		if m.cut != nil && m.cut.decided(m) {
			return
		}
	}
}

// runCut lets a completion stop a run of the method early when all it
// asks of the run is whether the run ends with as many projects selected
// as there are candidates (it stops once the run cannot) and whether the
// run spends more than budget (it stops once that is decided either way).
type runCut struct {
	budget     int64
	checkSpend bool // whether overspending is asked about
	result     int8 // runFull, runStoppedWithin, runStoppedOver
}

// What a run with a cut did.
const (
	runFull          = iota // it ran to its end
	runStoppedWithin        // it stopped: it selects fewer or more projects than there are candidates, within budget
	runStoppedOver          // it stopped: it spends more than budget
)

// decided reports whether the run so far answers the cut's questions: the
// final selection is the current one plus some of the projects still in
// the heap, and spending only grows.
func (c *runCut) decided(m *mesEngine) bool {
	if c.checkSpend && m.spent > c.budget {
		c.result = runStoppedOver
		return true
	}
	now, most := len(m.selected), len(m.selected)+len(m.heap.items)
	if most >= len(m.cand) && now <= len(m.cand) {
		return false // it might still buy every candidate
	}
	if c.checkSpend {
		room := c.budget - m.spent
		for _, p := range m.heap.items {
			if room -= m.pe.cost[p]; room < 0 {
				return false // it might still overspend
			}
		}
	}
	c.result = runStoppedWithin
	return true
}

// reset puts every voter back at b0 and every candidate in the heap.
func (m *mesEngine) reset(b0 *big.Rat) {
	m.cVal = append(m.cVal[:0], ival{}, ivalRat(b0))
	m.cParent = append(m.cParent[:0], -1, -1)
	m.cRound = append(m.cRound[:0], -1, -1)
	m.cU = append(m.cU[:0], 0, 0)
	m.cExact = append(m.cExact[:0], new(big.Rat), b0)
	for g := range m.cls {
		m.cls[g] = 1
	}
	for i := range m.rounds {
		m.rounds[i] = mesRound{capped: m.rounds[i].capped[:0], payers: m.rounds[i].payers[:0]}
	}
	m.rounds = m.rounds[:0]
	m.selected = m.selected[:0]
	m.heap.init(len(m.pe.cost), m.pe.rank)
	m.stamp++
	for _, p := range m.cand {
		st := m.initialRho(p)
		if st == solvedUnaffordable {
			continue
		}
		m.heap.push(p)
	}
}

// initialRho computes p's ρ while every voter holds b0, without visiting
// its supporters when they all have utility 1.
func (m *mesEngine) initialRho(p int32) solveStatus {
	pe := m.pe
	if !pe.uniform[p] {
		return m.recompute(p)
	}
	m.ents = append(m.ents[:0], entry{cls: 1, u: 1, w: pe.weightU[p]})
	return m.settle(p, m.ents)
}

// entries builds the terms of p's equation from the current classes. For a
// project whose supporters all have utility 1, supporters of one class are
// merged into one entry.
func (m *mesEngine) entries(p int32) []entry {
	pe := m.pe
	lo, hi := pe.supOff[p], pe.supOff[p+1]
	ents := m.ents[:0]
	w := pe.groups.weight
	if pe.uniform[p] {
		if len(m.acc) < len(m.cVal) {
			m.acc = make([]int64, len(m.cVal)+len(m.cVal)/2)
		}
		touched := m.touched[:0]
		for _, g := range pe.supG[lo:hi] {
			c := m.cls[g]
			if c == 0 {
				continue
			}
			if m.acc[c] == 0 {
				touched = append(touched, c)
			}
			m.acc[c] += w[g]
		}
		for _, c := range touched {
			ents = append(ents, entry{cls: c, u: 1, w: m.acc[c]})
			m.acc[c] = 0
		}
		m.touched = touched
	} else {
		for k := lo; k < hi; k++ {
			g := pe.supG[k]
			if c := m.cls[g]; c != 0 {
				ents = append(ents, entry{cls: c, u: pe.uNorm(k), w: w[g]})
			}
		}
	}
	m.ents = ents
	return ents
}

// recompute solves p's equation in the current state and updates its key,
// dropping p from the heap when its supporters cannot afford it.
func (m *mesEngine) recompute(p int32) solveStatus {
	return m.settle(p, m.entries(p))
}

// settle solves p's equation on ents, exactly when intervals cannot decide,
// and records ρ and the heap key.
func (m *mesEngine) settle(p int32, ents []entry) solveStatus {
	pe := m.pe
	st, q, plain := m.solve(ents, pe.cost[p])
	m.plainW[p] = plain
	if pe.uniform[p] {
		sv := &m.solved[p]
		sv.at, sv.st, sv.q = m.stamp, st, q
		sv.ents = append(sv.ents[:0], ents...)
	}
	if st == solvedAmbiguous {
		qe := m.solveExact(ents, pe.cost[p])
		if qe == nil {
			st = solvedUnaffordable
		} else {
			st = solvedOK
			m.qEx[p], m.qExAt[p] = qe, m.stamp
			q = ivalRat(qe)
		}
	}
	m.fresh[p] = m.stamp
	if st == solvedUnaffordable {
		if m.heap.has(p) {
			m.heap.remove(p)
		}
		return st
	}
	m.rho[p] = q.quoPos(ivalInt(pe.scale[p]))
	m.heap.key[p] = m.rho[p].lo
	if m.heap.has(p) {
		m.heap.fix(p)
	}
	return st
}

// solve finds, with intervals, the smallest q with Σ min(b, q·u)·w = c over
// ents, marking the entries that pay all they have. It reports
// solvedAmbiguous when an interval comparison cannot decide. plain is
// W = Σ w·u when it solved with no entry capped, so that q = c/W exactly,
// and 0 otherwise.
func (m *mesEngine) solve(ents []entry, cost int64) (st solveStatus, q ival, plain int64) {
	var tlo, thi float64
	var W int64
	for i := range ents {
		e := &ents[i]
		e.capped = false
		b := m.cVal[e.cls]
		f := float64(e.w)
		tlo += f * b.lo
		thi += f * b.hi
		W += e.w * e.u
	}
	t := widenSum(tlo, thi, len(ents))
	c := ivalInt(cost)
	switch t.cmp(c) {
	case -1:
		return solvedUnaffordable, ival{}, 0
	case 0:
		return solvedAmbiguous, ival{}, 0
	}
	// Cap the supporters who cannot pay q·u, raising q as they are found:
	// every q computed from supporters certainly capped is at most the true
	// one, so a supporter below it is certainly capped too. Stop after a
	// pass that caps nobody.
	r := c
	q = r.quoPos(ivalInt(W))
	for pass := 0; ; pass++ {
		if pass > 64 {
			return solvedAmbiguous, ival{}, 0
		}
		newCaps, ambiguous := false, false
		for i := range ents {
			e := &ents[i]
			if e.capped {
				continue
			}
			b, qu := m.cVal[e.cls], q.mulInt(e.u)
			switch {
			case b.hi < qu.lo:
				e.capped, newCaps = true, true
				r = r.sub(b.mulInt(e.w))
				if W -= e.w * e.u; W <= 0 {
					return solvedAmbiguous, ival{}, 0
				}
				q = r.clampNonNeg().quoPos(ivalInt(W))
			case b.lo < qu.hi:
				ambiguous = true
			}
		}
		if !newCaps {
			if ambiguous {
				return solvedAmbiguous, ival{}, 0
			}
			if pass == 0 {
				plain = W
			}
			return solvedOK, q, plain
		}
	}
}

// solveExact finds the smallest q with Σ min(b, q·u)·w = c over ents with
// exact rationals, marking the entries that pay all they have; nil when
// the supporters hold less than c.
func (m *mesEngine) solveExact(ents []entry, cost int64) *big.Rat {
	r := new(big.Rat).SetInt64(cost)
	var W int64
	for i := range ents {
		ents[i].capped = false
		W += ents[i].w * ents[i].u
	}
	q := new(big.Rat)
	qu := new(big.Rat)
	for {
		if W <= 0 {
			return nil
		}
		q.SetFrac64(1, W)
		q.Mul(q, r)
		qi := ivalRat(q)
		newCaps := false
		for i := range ents {
			e := &ents[i]
			if e.capped {
				continue
			}
			b := m.cVal[e.cls]
			quI := qi.mulInt(e.u)
			var less bool
			switch b.cmp(quI) {
			case -1:
				less = true
			case 1:
				less = false
			default:
				qu.SetInt64(e.u)
				qu.Mul(qu, q)
				less = m.exact(e.cls).Cmp(qu) < 0
			}
			if less {
				e.capped, newCaps = true, true
				r.Sub(r, new(big.Rat).Mul(m.exact(e.cls), big.NewRat(e.w, 1)))
				W -= e.w * e.u
			}
		}
		if !newCaps {
			return q
		}
	}
}

// exact returns class c's exact budget, computing it from its parent and
// the round that created it when first asked.
func (m *mesEngine) exact(c int32) *big.Rat {
	if x := m.cExact[c]; x != nil {
		return x
	}
	q := m.roundQ(m.cRound[c])
	x := new(big.Rat).Mul(q, big.NewRat(m.cU[c], 1))
	x.Sub(m.exact(m.cParent[c]), x)
	m.cExact[c] = x
	return x
}

// roundQ returns round r's exact price per unit of normalized utility.
func (m *mesEngine) roundQ(r int32) *big.Rat {
	rd := &m.rounds[r]
	if rd.qExact != nil {
		return rd.qExact
	}
	num := new(big.Rat).SetInt64(m.pe.cost[rd.project])
	t := new(big.Rat)
	for _, ce := range rd.capped {
		t.Mul(m.exact(ce.cls), big.NewRat(ce.w, 1))
		num.Sub(num, t)
	}
	rd.qExact = num.Quo(num, big.NewRat(rd.w, 1))
	return rd.qExact
}

// exactQ returns p's exact price in the current round.
func (m *mesEngine) exactQ(p int32) *big.Rat {
	if m.qEx[p] != nil && m.qExAt[p] == m.stamp {
		return m.qEx[p]
	}
	q := m.solveExact(m.entries(p), m.pe.cost[p])
	m.qEx[p], m.qExAt[p] = q, m.stamp
	return q
}

// less reports whether a comes before b: smaller ρ, ties by ID.
func (m *mesEngine) less(a, b int32) bool {
	if c := m.rho[a].cmp(m.rho[b]); c != 0 {
		return c < 0
	}
	pe := m.pe
	if wa, wb := m.plainW[a], m.plainW[b]; wa > 0 && wb > 0 {
		// q = c/W for both: compare c_a·scale_b·W_b with c_b·scale_a·W_a
		// in integers rather than rationals.
		if c := cmpProducts(pe.cost[a], pe.scale[b], wb, pe.cost[b], pe.scale[a], wa); c != 0 {
			return c < 0
		}
		return pe.tieLess(a, b)
	}
	x := new(big.Rat).Mul(m.exactQ(a), big.NewRat(pe.scale[b], 1))
	y := new(big.Rat).Mul(m.exactQ(b), big.NewRat(pe.scale[a], 1))
	if c := x.Cmp(y); c != 0 {
		return c < 0
	}
	return pe.tieLess(a, b)
}

// nextWinner returns the project bought this round, or -1 when no
// candidate is affordable.
func (m *mesEngine) nextWinner() int32 {
	for len(m.heap.items) > 0 {
		if m.pe.stop.done() {
			return -1
		}
		top := m.heap.items[0]
		if m.fresh[top] != m.stamp {
			m.recompute(top)
			continue
		}
		// Every other project's true ρ is at least its key. Those whose key
		// is below top's upper bound might beat top: bring them up to date.
		m.cands = m.heap.collect(m.cands[:0], m.rho[top].hi)
		stale := false
		for _, p := range m.cands {
			if m.pe.stop.done() {
				return -1
			}
			if m.fresh[p] != m.stamp {
				m.recompute(p)
				stale = true
			}
		}
		if stale {
			continue
		}
		best := m.cands[0]
		for _, p := range m.cands[1:] {
			if m.pe.stop.done() {
				return -1
			}
			if m.less(p, best) {
				best = p
			}
		}
		return best
	}
	return -1
}

// fund buys p: every supporter pays min(b, q·u) and moves to a new class.
func (m *mesEngine) fund(p int32) {
	pe := m.pe
	// Solve as recompute did: exactly if intervals could not decide (then
	// qEx holds this round's q), else with intervals, whose outcome
	// recompute kept when it solved this round.
	var ents []entry
	var st solveStatus
	var q ival
	if sv := &m.solved[p]; sv.at == m.stamp && pe.uniform[p] {
		ents = append(m.ents[:0], sv.ents...)
		m.ents = ents
		st, q = sv.st, sv.q
	} else {
		ents = m.entries(p)
		st, q, _ = m.solve(ents, pe.cost[p])
	}
	var qExact *big.Rat
	if st != solvedOK || (m.qEx[p] != nil && m.qExAt[p] == m.stamp) {
		qExact = m.solveExact(ents, pe.cost[p])
		q = ivalRat(qExact)
	}
	r := int32(len(m.rounds))
	if cap(m.rounds) > len(m.rounds) {
		m.rounds = m.rounds[:r+1]
	} else {
		m.rounds = append(m.rounds, mesRound{})
	}
	rd := &m.rounds[r]
	rd.project, rd.qExact = p, qExact
	rd.capped, rd.payers = rd.capped[:0], rd.payers[:0]
	var W int64
	for _, e := range ents {
		if e.capped {
			rd.capped = append(rd.capped, capEntry{e.cls, e.w})
		} else {
			W += e.w * e.u
		}
	}
	rd.w = W
	m.moveSupporters(p, r, ents, q)
	m.heap.remove(p)
	m.selected = append(m.selected, int(p))
	m.spent += pe.cost[p]
}

// moveSupporters moves p's supporters to their classes after round r.
func (m *mesEngine) moveSupporters(p, r int32, ents []entry, q ival) {
	pe := m.pe
	lo, hi := pe.supOff[p], pe.supOff[p+1]
	w := pe.groups.weight
	rd := &m.rounds[r]
	if len(m.childOf) < len(m.cVal) {
		n := len(m.cVal) + len(m.cVal)/2 + 16
		m.childOf = append(m.childOf, make([]int32, n-len(m.childOf))...)
		m.childAt = append(m.childAt, make([]int64, n-len(m.childAt))...)
	}
	if pe.uniform[p] {
		// One entry per class: mark capped classes, then move groups.
		nClasses := int32(len(m.cVal))
		for _, e := range ents {
			m.childAt[e.cls] = m.stamp
			if e.capped {
				m.childOf[e.cls] = 0
				continue
			}
			m.childOf[e.cls] = m.newClass(e.cls, r, 1, q)
			rd.payers = append(rd.payers, payEntry{e.cls, m.childOf[e.cls], e.w})
		}
		for _, g := range pe.supG[lo:hi] {
			if c := m.cls[g]; c != 0 && c < nClasses && m.childAt[c] == m.stamp {
				m.cls[g] = m.childOf[c]
			}
		}
		return
	}
	// One entry per supporter group, in supporter order; children are
	// shared by groups of the same class and utility.
	type key struct {
		cls int32
		u   int64
	}
	payer := map[key]int{} // index in rd.payers
	i := 0
	for k := lo; k < hi; k++ {
		g := pe.supG[k]
		if m.cls[g] == 0 {
			continue
		}
		e := ents[i]
		i++
		if e.capped {
			m.cls[g] = 0
			continue
		}
		kk := key{e.cls, e.u}
		j, ok := payer[kk]
		if !ok {
			j = len(rd.payers)
			payer[kk] = j
			rd.payers = append(rd.payers, payEntry{e.cls, m.newClass(e.cls, r, e.u, q), 0})
		}
		rd.payers[j].w += w[g]
		m.cls[g] = rd.payers[j].child
	}
}

// newClass creates the class of voters of class parent who paid q·u in
// round r.
func (m *mesEngine) newClass(parent, r int32, u int64, q ival) int32 {
	v := m.cVal[parent].sub(q.mulInt(u)).clampNonNeg()
	m.cVal = append(m.cVal, v)
	m.cParent = append(m.cParent, parent)
	m.cRound = append(m.cRound, r)
	m.cU = append(m.cU, u)
	m.cExact = append(m.cExact, nil)
	return int32(len(m.cVal) - 1)
}

// cmpProducts compares a1·a2·a3 with b1·b2·b3, all non-negative, exactly in
// 192-bit integers.
func cmpProducts(a1, a2, a3, b1, b2, b3 int64) int {
	x2, x1, x0 := mul3(uint64(a1), uint64(a2), uint64(a3))
	y2, y1, y0 := mul3(uint64(b1), uint64(b2), uint64(b3))
	switch {
	case x2 != y2:
		return cmp.Compare(x2, y2)
	case x1 != y1:
		return cmp.Compare(x1, y1)
	}
	return cmp.Compare(x0, y0)
}

// mul3 returns a·b·c as three 64-bit words, most significant first.
func mul3(a, b, c uint64) (w2, w1, w0 uint64) {
	h, l := bits.Mul64(a, b)
	h1, w0 := bits.Mul64(l, c)
	h2, l2 := bits.Mul64(h, c)
	w1, carry := bits.Add64(h1, l2, 0)
	return h2 + carry, w1, w0
}
