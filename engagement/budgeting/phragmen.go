package budgeting

import (
	"math/big"
)

// phragmenEngine runs sequential Phragmén for budgets as the package
// documentation defines it. A voter's load is always the load ℓ_r of the last round r that bought
// a project she approves (or 0), so the loads are kept as counts: cnt[r][p]
// voters approving p carry load ℓ_r. Then ℓ(p) = (Σ_r cnt[r][p]·ℓ_r + c(p))
// / A(p) takes one pass over the rounds, in float64 intervals; the exact
// ℓ_r are computed only when intervals cannot order two projects. ℓ(p) only
// grows, so projects sit in a heap keyed by a lower bound, as in
// mesEngine.
type phragmenEngine struct {
	pe     *prepared
	ld     []int32   // round whose load each group carries; 0 for none
	cnt    [][]int64 // cnt[r][p]
	load   []ival    // ℓ_r; load[0] = 0
	loadEx []*big.Rat
	snap   [][]int64 // counts of the round's project over earlier rounds
	proj   []int32   // project bought in each round (index 0 unused)

	heap  projHeap
	fresh []int64
	ell   []ival
	ellEx []*big.Rat
	exAt  []int64
	stamp int64
}

// runPhragmen fills res with sequential Phragmén's outcome.
func runPhragmen(pe *prepared, res *Result, trace bool) {
	nP := len(pe.cost)
	m := &phragmenEngine{
		pe:     pe,
		ld:     make([]int32, pe.groups.len()),
		cnt:    [][]int64{make([]int64, nP)},
		load:   []ival{{}},
		loadEx: []*big.Rat{new(big.Rat)},
		snap:   [][]int64{nil},
		proj:   []int32{-1},
		fresh:  make([]int64, nP),
		ell:    make([]ival, nP),
		ellEx:  make([]*big.Rat, nP),
		exAt:   make([]int64, nP),
		stamp:  1,
	}
	var unapproved []int32 // A(p) = 0: ℓ = +∞
	m.heap.init(nP, pe.rank)
	for _, p := range pe.byRank {
		m.cnt[0][p] = pe.weightU[p]
		if pe.cost[p] > pe.budget {
			continue
		}
		if pe.weightU[p] == 0 {
			unapproved = append(unapproved, p)
			continue
		}
		m.recompute(p)
		m.heap.push(p)
	}
	remaining := pe.budget
	for len(m.heap.items) > 0 {
		best, tied := m.minimum()
		if best < 0 {
			return
		}
		for _, p := range tied {
			if pe.cost[p] > remaining {
				res.steps = append(res.steps, Step{kind: StepKindStopped, project: int(p), method: MethodPhragmen, remaining: unscaled(remaining, pe.places)})
				return
			}
		}
		remaining -= pe.cost[best]
		m.fund(best)
		s := Step{kind: StepKindFunded, project: int(best), method: MethodPhragmen, remaining: unscaled(remaining, pe.places)}
		if trace {
			s.load = pe.currency(m.exactLoad(int32(len(m.load) - 1)))
		}
		res.steps = append(res.steps, s)
		res.selected = append(res.selected, int(best))
		m.stamp++
	}
	// Only unapproved projects remain; they all tie at +∞.
	for len(unapproved) > 0 {
		if pe.stop.done() {
			return
		}
		for _, p := range unapproved {
			if pe.cost[p] > remaining {
				res.steps = append(res.steps, Step{kind: StepKindStopped, project: int(p), method: MethodPhragmen, remaining: unscaled(remaining, pe.places)})
				return
			}
		}
		p := unapproved[0]
		unapproved = unapproved[1:]
		remaining -= pe.cost[p]
		res.selected = append(res.selected, int(p))
		res.steps = append(res.steps, Step{kind: StepKindFunded, project: int(p), method: MethodPhragmen, remaining: unscaled(remaining, pe.places)})
	}
}

// recompute updates ℓ(p) for the current loads.
func (m *phragmenEngine) recompute(p int32) {
	var lo, hi float64
	terms := 0
	for r := 1; r < len(m.cnt); r++ {
		if c := m.cnt[r][p]; c != 0 {
			f := float64(c)
			lo += f * m.load[r].lo
			hi += f * m.load[r].hi
			terms++
		}
	}
	s := widenSum(lo, hi, terms).add(ivalInt(m.pe.cost[p]))
	m.ell[p] = s.quoPos(ivalInt(m.pe.weightU[p]))
	m.heap.key[p] = m.ell[p].lo
	m.fresh[p] = m.stamp
	if m.heap.has(p) {
		m.heap.fix(p)
	}
}

// exactEll returns ℓ(p) exactly for the current loads.
func (m *phragmenEngine) exactEll(p int32) *big.Rat {
	if m.exAt[p] == m.stamp {
		return m.ellEx[p]
	}
	counts := make([]int64, len(m.cnt))
	for r := range m.cnt {
		counts[r] = m.cnt[r][p]
	}
	x := m.ellOf(p, counts)
	m.ellEx[p], m.exAt[p] = x, m.stamp
	return x
}

// ellOf returns (Σ_r counts[r]·ℓ_r + c(p)) / A(p) exactly.
func (m *phragmenEngine) ellOf(p int32, counts []int64) *big.Rat {
	x := new(big.Rat).SetInt64(m.pe.cost[p])
	t := new(big.Rat)
	for r := 1; r < len(counts); r++ {
		if counts[r] != 0 {
			x.Add(x, t.Mul(m.exactLoad(int32(r)), big.NewRat(counts[r], 1)))
		}
	}
	return x.Quo(x, big.NewRat(m.pe.weightU[p], 1))
}

// exactLoad returns ℓ_r exactly.
func (m *phragmenEngine) exactLoad(r int32) *big.Rat {
	if x := m.loadEx[r]; x != nil {
		return x
	}
	x := m.ellOf(m.proj[r], m.snap[r])
	m.loadEx[r] = x
	return x
}

// cmp orders a and b by ℓ exactly: -1, 0 (tie) or 1.
func (m *phragmenEngine) cmp(a, b int32) int {
	if c := m.ell[a].cmp(m.ell[b]); c != 0 {
		return c
	}
	return m.exactEll(a).Cmp(m.exactEll(b))
}

// minimum returns the project with the smallest ℓ (first by ID among ties)
// and every project tied with it.
func (m *phragmenEngine) minimum() (int32, []int32) {
	for {
		if m.pe.stop.done() {
			return -1, nil
		}
		top := m.heap.items[0]
		if m.fresh[top] != m.stamp {
			m.recompute(top)
			continue
		}
		cands := m.heap.collect(nil, m.ell[top].hi)
		stale := false
		for _, p := range cands {
			if m.pe.stop.done() {
				return -1, nil
			}
			if m.fresh[p] != m.stamp {
				m.recompute(p)
				stale = true
			}
		}
		if stale {
			continue
		}
		best := cands[0]
		for _, p := range cands[1:] {
			if m.pe.stop.done() {
				return -1, nil
			}
			if c := m.cmp(p, best); c < 0 || (c == 0 && m.pe.tieLess(p, best)) {
				best = p
			}
		}
		tied := []int32{best}
		for _, p := range cands {
			if m.pe.stop.done() {
				return -1, nil
			}
			if p != best && m.cmp(p, best) == 0 {
				tied = append(tied, p)
			}
		}
		return best, tied
	}
}

// fund buys p: its approvers' load becomes ℓ(p).
func (m *phragmenEngine) fund(p int32) {
	pe := m.pe
	r := int32(len(m.load))
	snap := make([]int64, r)
	for i := range snap {
		snap[i] = m.cnt[i][p]
	}
	m.snap = append(m.snap, snap)
	m.proj = append(m.proj, p)
	m.load = append(m.load, m.ell[p])
	ex := (*big.Rat)(nil)
	if m.exAt[p] == m.stamp {
		ex = m.ellEx[p]
	}
	m.loadEx = append(m.loadEx, ex)
	col := make([]int64, len(pe.cost))
	m.cnt = append(m.cnt, col)
	w := pe.groups.weight
	for _, g := range pe.supG[pe.supOff[p]:pe.supOff[p+1]] {
		old := m.ld[g]
		its, _ := pe.groups.ballot(int(g))
		for _, q := range its {
			m.cnt[old][q] -= w[g]
			col[q] += w[g]
		}
		m.ld[g] = r
	}
	m.heap.remove(p)
}
