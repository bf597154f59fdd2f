package budgeting

import (
	"math/big"
	"math/bits"
	"slices"
)

// greedyKey is a project's utility per unit of cost, U(p)/c(p), for greedy
// ordering: +∞ when U(p) > 0 and c(p) = 0, 0 when U(p) = 0.
type greedyKey struct {
	p     int
	inf   bool
	small bool     // num fits in 64 bits
	num   uint64   // U(p) when small
	big   *big.Int // U(p) otherwise
	den   uint64   // c(p)
}

// greedyScore returns greedy's key for p, U(p)/c(p), as u/c in the scaled
// units of prepared: inf when U(p) > 0 and c(p) = 0 (+∞), and u = 0, c = 1
// when U(p) = 0, which scores 0 whatever the cost. It is the one definition
// of the score, for ordering and for explaining.
func (pe *prepared) greedyScore(p int) (u *big.Int, c int64, inf bool) {
	u = pe.totalUtility(p)
	switch {
	case u.Sign() == 0:
		return u, 1, false
	case pe.cost[p] == 0:
		return u, 0, true
	}
	return u, pe.cost[p], false
}

// greedyOrder returns every project not in skip, most utility per unit of
// cost first, ties by ID in byte order.
func greedyOrder(pe *prepared, skip []int) []greedyKey {
	keys := make([]greedyKey, 0, len(pe.cost))
	for p := range pe.cost {
		if slices.Contains(skip, p) {
			continue
		}
		u, c, inf := pe.greedyScore(p)
		k := greedyKey{p: p, den: uint64(c), inf: inf}
		switch {
		case inf:
		case u.IsUint64():
			k.small, k.num = true, u.Uint64()
		default:
			k.big = u
		}
		keys = append(keys, k)
	}
	slices.SortStableFunc(keys, func(a, b greedyKey) int {
		if c := b.cmp(a); c != 0 {
			return c
		}
		return int(pe.rank[a.p] - pe.rank[b.p])
	})
	return keys
}

// cmp compares a's ratio with b's exactly.
func (a greedyKey) cmp(b greedyKey) int {
	switch {
	case a.inf || b.inf:
		return boolCmp(a.inf, b.inf)
	case a.small && b.small:
		ah, al := bits.Mul64(a.num, b.den)
		bh, bl := bits.Mul64(b.num, a.den)
		if ah != bh {
			return boolCmp(ah > bh, ah < bh)
		}
		return boolCmp(al > bl, al < bl)
	}
	x := new(big.Int).Mul(a.bigNum(), new(big.Int).SetUint64(b.den))
	y := new(big.Int).Mul(b.bigNum(), new(big.Int).SetUint64(a.den))
	return x.Cmp(y)
}

func (a greedyKey) bigNum() *big.Int {
	if a.big != nil {
		return a.big
	}
	return new(big.Int).SetUint64(a.num)
}

// boolCmp returns 1 if gt, -1 if lt, else 0.
func boolCmp(gt, lt bool) int {
	switch {
	case gt && !lt:
		return 1
	case lt && !gt:
		return -1
	}
	return 0
}

// runGreedy walks the projects not already in res.selected in greedy order
// and funds each that fits in what remains of budget, recording a step for
// each.
func runGreedy(pe *prepared, res *Result, done []int, budget int64) {
	remaining := budget - pe.spent(done)
	res.selected = append(res.selected[:0], done...)
	order := greedyOrder(pe, done)
	first := len(res.steps)
	for _, k := range order {
		if pe.stop.done() {
			return
		}
		s := Step{project: k.p, method: MethodGreedy}
		if pe.cost[k.p] <= remaining {
			remaining -= pe.cost[k.p]
			res.selected = append(res.selected, k.p)
			s.kind = StepKindFunded
		} else {
			s.kind = StepKindSkipped
		}
		s.remaining = unscaled(remaining, pe.places)
		res.steps = append(res.steps, s)
	}
	if pe.ties != nil {
		steps := res.steps[first:]
		for i := 1; i < len(order); i++ {
			if order[i-1].cmp(order[i]) == 0 && steps[i-1].kind != steps[i].kind {
				pe.ties.add(int32(order[i-1].p), int32(order[i].p))
			}
		}
	}
}

// exhaustive reports whether no project outside sel fits in budget minus
// sel's cost.
func exhaustive(pe *prepared, sel []int, budget int64) bool {
	left := budget - pe.spent(sel)
	for p, c := range pe.cost {
		if c <= left && !slices.Contains(sel, p) {
			return false
		}
	}
	return true
}

// exhaustiveAmong reports whether no project of candidates outside sel fits
// in budget minus sel's cost.
func exhaustiveAmong(pe *prepared, sel []int, candidates []int32, budget int64) bool {
	left := budget - pe.spent(sel)
	for _, p := range candidates {
		if pe.cost[p] <= left && !slices.Contains(sel, int(p)) {
			return false
		}
	}
	return true
}
