package budgeting_test

import (
	"math/big"
	"slices"
	"sort"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// This file holds a second implementation of every rule, written straight
// from the package documentation's definitions with big.Rat everywhere, one voter at a time, no grouping,
// no intervals, no heap. It is slow and obviously right; the property tests
// hold the package's fast rules to it on thousands of small random
// elections full of ties.

// oracle is an election in exact rationals.
type oracle struct {
	ids    []string
	cost   []*big.Rat
	budget *big.Rat
	ballot [][]int      // projects listed by each voter, in ballot order
	points [][]*big.Rat // points, or nil
	kind   budgeting.VoteType
}

func newOracle(e *budgeting.Election) *oracle {
	in, pr := e.Instance(), e.Profile()
	o := &oracle{budget: in.Budget().Rat(), kind: in.VoteType()}
	for i := 0; i < in.Len(); i++ {
		o.ids = append(o.ids, in.ProjectID(i))
		o.cost = append(o.cost, in.Cost(i).Rat())
	}
	for v := 0; v < pr.Len(); v++ {
		b := pr.Ballot(v)
		var ps []int
		var pts []*big.Rat
		for k := 0; k < b.Len(); k++ {
			ps = append(ps, b.Project(k))
			pts = append(pts, b.Points(k).Rat())
		}
		o.ballot = append(o.ballot, ps)
		if in.VoteType() == budgeting.VoteTypeCumulative || in.VoteType() == budgeting.VoteTypeScoring {
			o.points = append(o.points, pts)
		}
	}
	return o
}

// util returns u_i(p) as the package documentation defines it.
func (o *oracle) util(i, p int, card bool) *big.Rat {
	for k, q := range o.ballot[i] {
		if q != p {
			continue
		}
		switch {
		case card:
			return big.NewRat(1, 1)
		case o.points != nil:
			return o.points[i][k]
		case o.kind == budgeting.VoteTypeOrdinal:
			return big.NewRat(int64(len(o.ballot[i])-k-1), 1)
		}
		return o.cost[p]
	}
	return new(big.Rat)
}

func (o *oracle) total(p int, card bool) *big.Rat {
	t := new(big.Rat)
	for i := range o.ballot {
		t.Add(t, o.util(i, p, card))
	}
	return t
}

func (o *oracle) spent(sel []int) *big.Rat {
	s := new(big.Rat)
	for _, p := range sel {
		s.Add(s, o.cost[p])
	}
	return s
}

// greedy funds, after sel, each project in greedy order that still fits.
func (o *oracle) greedy(sel []int, card bool) []int {
	type key struct {
		p     int
		inf   bool
		ratio *big.Rat
	}
	var keys []key
	for p := range o.cost {
		if slices.Contains(sel, p) {
			continue
		}
		u := o.total(p, card)
		k := key{p: p, ratio: new(big.Rat)}
		switch {
		case u.Sign() == 0:
		case o.cost[p].Sign() == 0:
			k.inf = true
		default:
			k.ratio.Quo(u, o.cost[p])
		}
		keys = append(keys, k)
	}
	sort.SliceStable(keys, func(a, b int) bool {
		ka, kb := keys[a], keys[b]
		if ka.inf != kb.inf {
			return ka.inf
		}
		if c := ka.ratio.Cmp(kb.ratio); c != 0 && !ka.inf {
			return c > 0
		}
		return o.ids[ka.p] < o.ids[kb.p]
	})
	out := slices.Clone(sel)
	left := new(big.Rat).Sub(o.budget, o.spent(sel))
	for _, k := range keys {
		if o.cost[k.p].Cmp(left) <= 0 {
			out = append(out, k.p)
			left.Sub(left, o.cost[k.p])
		}
	}
	return out
}

// candidates returns the MES candidates and the free projects, by ID.
func (o *oracle) candidates(card bool) (cands, free []int) {
	for p := range o.cost {
		if o.total(p, card).Sign() > 0 {
			if o.cost[p].Sign() == 0 {
				free = append(free, p)
			} else {
				cands = append(cands, p)
			}
		}
	}
	byID := func(a, b int) int {
		switch {
		case o.ids[a] < o.ids[b]:
			return -1
		case o.ids[a] > o.ids[b]:
			return 1
		}
		return 0
	}
	slices.SortFunc(cands, byID)
	slices.SortFunc(free, byID)
	return cands, free
}

// mes runs the Method of Equal Shares with every voter starting at b0.
func (o *oracle) mes(b0 *big.Rat, card bool) []int {
	n := len(o.ballot)
	b := make([]*big.Rat, n)
	for i := range b {
		b[i] = new(big.Rat).Set(b0)
	}
	cands, sel := o.candidates(card)
	for {
		var best int = -1
		var bestRho *big.Rat
		var kept []int
		for _, p := range cands {
			var sup []int
			have := new(big.Rat)
			for i := 0; i < n; i++ {
				if o.util(i, p, card).Sign() > 0 {
					sup = append(sup, i)
					have.Add(have, b[i])
				}
			}
			if have.Cmp(o.cost[p]) < 0 {
				continue // dropped for good
			}
			kept = append(kept, p)
			sort.SliceStable(sup, func(x, y int) bool {
				rx := new(big.Rat).Quo(b[sup[x]], o.util(sup[x], p, card))
				ry := new(big.Rat).Quo(b[sup[y]], o.util(sup[y], p, card))
				return rx.Cmp(ry) < 0
			})
			r := new(big.Rat).Set(o.cost[p])
			w := new(big.Rat)
			for _, i := range sup {
				w.Add(w, o.util(i, p, card))
			}
			var rho *big.Rat
			for _, i := range sup {
				u := o.util(i, p, card)
				cand := new(big.Rat).Quo(r, w)
				if new(big.Rat).Mul(cand, u).Cmp(b[i]) <= 0 {
					rho = cand
					break
				}
				r.Sub(r, b[i])
				w.Sub(w, u)
			}
			if bestRho == nil || rho.Cmp(bestRho) < 0 {
				best, bestRho = p, rho
			}
		}
		cands = kept
		if best < 0 {
			return sel
		}
		for i := 0; i < n; i++ {
			pay := new(big.Rat).Mul(bestRho, o.util(i, best, card))
			if pay.Cmp(b[i]) > 0 {
				pay.Set(b[i])
			}
			b[i].Sub(b[i], pay)
		}
		sel = append(sel, best)
		cands = slices.DeleteFunc(cands, func(p int) bool { return p == best })
	}
}

// exhaustive reports whether no project of among outside sel fits.
func (o *oracle) exhaustive(sel, among []int) bool {
	left := new(big.Rat).Sub(o.budget, o.spent(sel))
	for _, p := range among {
		if !slices.Contains(sel, p) && o.cost[p].Cmp(left) <= 0 {
			return false
		}
	}
	return true
}

func (o *oracle) all() []int {
	a := make([]int, len(o.cost))
	for i := range a {
		a[i] = i
	}
	return a
}

func (o *oracle) perVoter(total *big.Rat) *big.Rat {
	if len(o.ballot) == 0 {
		return new(big.Rat)
	}
	return new(big.Rat).Quo(total, big.NewRat(int64(len(o.ballot)), 1))
}

// run computes the rule named name (see budgeting.RuleByName).
func (o *oracle) run(r budgeting.Rule) []int {
	card := r.Utility() == budgeting.UtilityCardinality
	switch r.Method() {
	case budgeting.MethodGreedy:
		return o.greedy(nil, card)
	case budgeting.MethodPhragmen:
		return o.phragmen()
	}
	var sel []int
	switch r.Completion() {
	case budgeting.CompletionNone:
		sel = o.mes(o.perVoter(o.budget), card)
	case budgeting.CompletionAdd1:
		cands, _ := o.candidates(card)
		b := o.perVoter(o.budget)
		for {
			out := o.mes(b, card)
			if o.spent(out).Cmp(o.budget) > 0 {
				break
			}
			sel = out
			if o.exhaustive(out, cands) {
				break
			}
			b = new(big.Rat).Add(b, big.NewRat(1, 1))
		}
	case budgeting.CompletionExh1pct:
		n := int64(len(o.ballot))
		for j := int64(0); j <= 100*n || j == 0; j++ {
			total := new(big.Rat).Mul(o.budget, big.NewRat(100+j, 100))
			out := o.mes(o.perVoter(total), card)
			if o.spent(out).Cmp(o.budget) > 0 {
				break
			}
			sel = out
			if o.exhaustive(out, o.all()) {
				break
			}
		}
	}
	if r.GreedyCompletion() && !o.exhaustive(sel, o.all()) {
		sel = o.greedy(sel, card)
	}
	return sel
}

// phragmen runs sequential Phragmén.
func (o *oracle) phragmen() []int {
	n := len(o.ballot)
	load := make([]*big.Rat, n)
	for i := range load {
		load[i] = new(big.Rat)
	}
	var rest []int
	for p := range o.cost {
		if o.cost[p].Cmp(o.budget) <= 0 {
			rest = append(rest, p)
		}
	}
	var sel []int
	spent := new(big.Rat)
	for len(rest) > 0 {
		var tied []int
		var min *big.Rat // nil: +∞
		for _, p := range rest {
			var ell *big.Rat
			approvers := int64(0)
			s := new(big.Rat).Set(o.cost[p])
			for i := 0; i < n; i++ {
				if slices.Contains(o.ballot[i], p) {
					approvers++
					s.Add(s, load[i])
				}
			}
			if approvers > 0 {
				ell = s.Quo(s, big.NewRat(approvers, 1))
			}
			switch {
			case len(tied) == 0:
				min, tied = ell, []int{p}
			case ell == nil && min == nil:
				tied = append(tied, p)
			case ell == nil:
			case min == nil || ell.Cmp(min) < 0:
				min, tied = ell, []int{p}
			case ell.Cmp(min) == 0:
				tied = append(tied, p)
			}
		}
		for _, p := range tied {
			if new(big.Rat).Add(spent, o.cost[p]).Cmp(o.budget) > 0 {
				return sel
			}
		}
		slices.SortFunc(tied, func(a, b int) int {
			if o.ids[a] < o.ids[b] {
				return -1
			}
			return 1
		})
		p := tied[0]
		for i := 0; i < n; i++ {
			if min != nil && slices.Contains(o.ballot[i], p) {
				load[i] = new(big.Rat).Set(min)
			}
		}
		spent.Add(spent, o.cost[p])
		sel = append(sel, p)
		rest = slices.DeleteFunc(rest, func(q int) bool { return q == p })
	}
	return sel
}
