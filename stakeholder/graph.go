package stakeholder

import (
	"math/big"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/shopspring/decimal"
)

// BetweennessPlaces is the number of decimal places of a reported
// betweenness. The value is computed exactly, as a fraction, and rounded
// once, half away from zero.
const BetweennessPlaces = 6

// Centrality is one stakeholder's betweenness centrality in the
// relationship network (Freeman 1977): over every pair of other stakeholders
// that are connected, the share of the pair's shortest paths that run
// through this one, summed. A stakeholder with high betweenness is a broker:
// it joins parts of the network that would otherwise be far apart or cut off
// (Burt's structural holes), so it can carry or block information between
// them.
//
// The zero value has a nil Stakeholder.
type Centrality struct {
	// Stakeholder is the stakeholder measured.
	Stakeholder *Stakeholder
	// Betweenness is the sum over unordered pairs {s, t} of other
	// stakeholders of σ_st(v)/σ_st, rounded to [BetweennessPlaces].
	Betweenness decimal.Decimal

	exact *big.Rat
}

// Betweenness returns every stakeholder's betweenness centrality, in map
// order, computed with Brandes' algorithm (Brandes 2001, "A faster algorithm
// for betweenness centrality") in O(V·E) time.
//
// The network is taken as undirected and unweighted: any relationship, of
// any type and either direction, is one step between its ends, and several
// relationships between the same two stakeholders are one step. Brokerage is
// about who can reach whom through whom, and word travels both ways along a
// tie. A pair is counted once, not once per direction, so the figure is half
// of what a directed count would give.
//
// The arithmetic is exact: path counts are integers and the sums are kept
// as integers over a common denominator (the least common multiple of all
// path counts), in as many machine words as they need, so the result does
// not depend on summation order and equal brokers tie exactly. The sources
// are shared among runtime.GOMAXPROCS goroutines; exact sums make the result
// the same whatever the split. A network with more than 2^64 shortest paths
// between two stakeholders falls back to [math/big] rationals throughout:
// slower, equally exact.
func (m *Map) Betweenness() []Centrality {
	g := m.network()
	exact := g.betweenness()
	out := make([]Centrality, len(m.people))
	for i, s := range m.people {
		r := exact[i]
		v := decimal.NewFromBigInt(r.Num(), 0).DivRound(decimal.NewFromBigInt(r.Denom(), 0), BetweennessPlaces)
		out[i] = Centrality{Stakeholder: s, Betweenness: v, exact: r}
	}
	return out
}

// Brokers returns the n stakeholders with the highest betweenness, highest
// first, leaving out those whose betweenness is zero (they broker nothing).
// Ties are broken exactly on the unrounded value, then by map order. n <= 0
// returns every stakeholder with a positive betweenness.
func (m *Map) Brokers(n int) []Centrality {
	all := m.Betweenness()
	all = slices.DeleteFunc(all, func(c Centrality) bool { return c.exact.Sign() == 0 })
	slices.SortStableFunc(all, func(a, b Centrality) int { return b.exact.Cmp(a.exact) })
	if n > 0 && n < len(all) {
		all = all[:n]
	}
	return all
}

// Components returns the connected components of the network formed by the
// relationships of the given types (all types when none is given), taken as
// undirected: each component is a set of stakeholders any two of which are
// joined by a chain of such relationships. Every stakeholder is in exactly
// one component, a stakeholder with no such relationship alone in its own.
// Members are in map order, components in the map order of their first
// member.
func (m *Map) Components(types ...RelationType) [][]*Stakeholder {
	parent := make([]int32, len(m.people))
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, r := range m.rels {
		if len(types) > 0 && !slices.Contains(types, r.Type) {
			continue
		}
		a, b := find(int32(m.index[r.From])), find(int32(m.index[r.To]))
		if a != b {
			parent[max(a, b)] = min(a, b) // the root is always the earliest member
		}
	}
	var out [][]*Stakeholder
	slot := make(map[int32]int)
	for i, s := range m.people {
		root := find(int32(i))
		j, ok := slot[root]
		if !ok {
			j = len(out)
			slot[root] = j
			out = append(out, nil)
		}
		out[j] = append(out[j], s)
	}
	return out
}

// Coalitions returns the groups of two or more stakeholders joined by ties
// of cooperation: the components of the network of [MemberOf], [PartnerOf],
// [Funds] and [Represents] relationships, in the order [Map.Components]
// gives. Influence and media coverage reach across camps and opposition
// links adversaries, so none of them joins a coalition.
func (m *Map) Coalitions() [][]*Stakeholder {
	return slices.DeleteFunc(m.Components(MemberOf, PartnerOf, Funds, Represents),
		func(c []*Stakeholder) bool { return len(c) < 2 })
}

// network is the undirected simple graph of the map in compressed sparse
// row form: the neighbours of node v are adj[off[v]:off[v+1]], sorted and
// without repeats. Node numbers are map positions.
type network struct {
	off []int32
	adj []int32
}

func (m *Map) network() network {
	n := len(m.people)
	deg := make([]int32, n+1)
	for _, r := range m.rels {
		deg[m.index[r.From]+1]++
		deg[m.index[r.To]+1]++
	}
	for i := 1; i <= n; i++ {
		deg[i] += deg[i-1]
	}
	adj := make([]int32, deg[n])
	fill := slices.Clone(deg[:n])
	for _, r := range m.rels {
		a, b := int32(m.index[r.From]), int32(m.index[r.To])
		adj[fill[a]] = b
		fill[a]++
		adj[fill[b]] = a
		fill[b]++
	}
	// Sort and drop repeated neighbours in place, compacting the rows.
	off := make([]int32, n+1)
	w := int32(0)
	for v := range n {
		row := adj[deg[v]:deg[v+1]]
		slices.Sort(row)
		off[v] = w
		for i, x := range row {
			if i == 0 || x != row[i-1] {
				adj[w] = x
				w++
			}
		}
	}
	off[n] = w
	return network{off: off, adj: adj[:w:w]}
}

func (g network) nodes() int { return len(g.off) - 1 }

// bfs fills dist (-1 unreached), sigma (shortest-path counts from s) and
// order (the nodes in BFS order) for source s. It reports false when a path
// count overflows 64 bits. dist must be all -1 on entry; bfs leaves it set
// for the nodes in order, which the caller resets.
func (g network) bfs(s int32, dist []int32, sigma []uint64, order []int32) ([]int32, bool) {
	order = append(order[:0], s)
	dist[s], sigma[s] = 0, 1
	for i := 0; i < len(order); i++ {
		v := order[i]
		dv, sv := dist[v], sigma[v]
		for _, w := range g.adj[g.off[v]:g.off[v+1]] {
			switch dist[w] {
			case -1:
				dist[w] = dv + 1
				sigma[w] = sv
				order = append(order, w)
			case dv + 1:
				var carry uint64
				sigma[w], carry = bits.Add64(sigma[w], sv, 0)
				if carry != 0 {
					return order, false
				}
			}
		}
	}
	return order, true
}

// parallel runs work(worker, source) for every source on up to GOMAXPROCS
// goroutines; each worker index is used by one goroutine at a time.
func parallel(n int, workers int, work func(worker int, s int32)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				s := next.Add(1) - 1
				if s >= int64(n) {
					return
				}
				work(w, int32(s))
			}
		}()
	}
	wg.Wait()
}

func workerCount(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n)) }

// bfsScratch is one worker's reusable BFS state.
type bfsScratch struct {
	dist  []int32
	sigma []uint64
	order []int32
	d     []uint64 // D values, words per node
	tmp   []uint64 // one multiword scratch value
}

func newScratch(n int) *bfsScratch {
	s := &bfsScratch{dist: make([]int32, n), sigma: make([]uint64, n), order: make([]int32, 0, n)}
	for i := range s.dist {
		s.dist[i] = -1
	}
	return s
}

func (s *bfsScratch) reset() {
	for _, v := range s.order {
		s.dist[v] = -1
	}
}

// sigmaSet is a set of path counts: a bitmap for the small ones, which are
// nearly all of them, and a map for the rest.
type sigmaSet struct {
	small [1 << 16 / 64]uint64
	large map[uint64]struct{}
}

const smallSigma = 1 << 16

func (z *sigmaSet) add(x uint64) {
	if x < smallSigma {
		z.small[x/64] |= 1 << (x % 64)
		return
	}
	if z.large == nil {
		z.large = make(map[uint64]struct{})
	}
	z.large[x] = struct{}{}
}

func (z *sigmaSet) union(o *sigmaSet) {
	for i, w := range o.small {
		z.small[i] |= w
	}
	for x := range o.large {
		z.add(x)
	}
}

// values returns the members in increasing order.
func (z *sigmaSet) values() []uint64 {
	var out []uint64
	for i, w := range z.small {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			out = append(out, uint64(i*64+b))
			w &= w - 1
		}
	}
	for x := range z.large {
		out = append(out, x)
	}
	slices.Sort(out)
	return out
}

// betweenness returns each node's exact betweenness (pairs counted once).
//
// Brandes' dependency of source s on v is δ(v) = Σ_{w: v ∈ pred(w)}
// σ_v/σ_w·(1+δ(w)). With Δ(v) = (1+δ(v))/σ_v this becomes
// Δ(v) = 1/σ_v + Σ Δ(w) over v's successors w, a sum with no products, and
// δ(v) = σ_v·Δ(v) − 1. Every Δ is a multiple of 1/L where L is the least
// common multiple of all path counts, so D = L·Δ is an integer and the
// whole computation is integer additions plus one multiplication per node
// and source. Bounds, with n nodes: δ(v) ≤ n, so D ≤ n·L, σ_v·D ≤ n·L, and
// the sum over n sources is below n²·L; that fixes the word count.
func (g network) betweenness() []*big.Rat {
	n := g.nodes()
	workers := workerCount(n)
	// Phase 1: every distinct path count, to fix L.
	sets := make([]sigmaSet, workers)
	scratch := make([]*bfsScratch, workers)
	for w := range workers {
		scratch[w] = newScratch(n)
	}
	var overflow atomic.Bool
	parallel(n, workers, func(w int, s int32) {
		sc := scratch[w]
		if overflow.Load() {
			return
		}
		var ok bool
		sc.order, ok = g.bfs(s, sc.dist, sc.sigma, sc.order)
		sc.reset()
		if !ok {
			overflow.Store(true)
			return
		}
		for _, v := range sc.order {
			sets[w].add(sc.sigma[v])
		}
	})
	if overflow.Load() {
		return g.betweennessBig()
	}
	for w := 1; w < workers; w++ {
		sets[0].union(&sets[w])
	}
	distinct := sets[0].values()
	lcm := big.NewInt(1)
	var gcd, x big.Int
	for _, v := range distinct {
		x.SetUint64(v)
		gcd.GCD(nil, nil, lcm, &x)
		lcm.Mul(lcm, x.Quo(&x, &gcd))
	}
	nbits := bits.Len(uint(n))
	words := (lcm.BitLen() + 2*nbits + 1 + 63) / 64
	t := newQuotients(lcm, distinct, words)

	// Phase 2: the dependencies, accumulated per worker.
	acc := make([][]uint64, workers)
	for w := range acc {
		acc[w] = make([]uint64, n*words)
	}
	parallel(n, workers, func(w int, s int32) { g.accumulate(s, scratch[w], t, acc[w]) })
	total := acc[0]
	for w := 1; w < workers; w++ {
		for v := range n {
			addWords(total[v*words:(v+1)*words], acc[w][v*words:(v+1)*words])
		}
	}
	den := new(big.Int).Lsh(lcm, 1) // /2: each pair was counted from both ends
	out := make([]*big.Rat, n)
	for v := range n {
		num := wordsToInt(total[v*words : (v+1)*words])
		out[v] = new(big.Rat).SetFrac(num, den)
	}
	return out
}

// quotients holds L/σ for every distinct path count σ, and L itself, each in
// a fixed number of little-endian words.
type quotients struct {
	words int
	lcm   []uint64
	q     []uint64 // q[i*words:(i+1)*words] is L/σ for slot i
	small []int32  // slot of a small σ
	large map[uint64]int32
}

func newQuotients(lcm *big.Int, distinct []uint64, words int) *quotients {
	t := &quotients{words: words, lcm: intToWords(lcm, words), q: make([]uint64, 0, len(distinct)*words),
		small: make([]int32, smallSigma)}
	var x, q big.Int
	for i, v := range distinct {
		q.Quo(lcm, x.SetUint64(v))
		t.q = append(t.q, intToWords(&q, words)...)
		if v < smallSigma {
			t.small[v] = int32(i)
		} else {
			if t.large == nil {
				t.large = make(map[uint64]int32)
			}
			t.large[v] = int32(i)
		}
	}
	return t
}

func (t *quotients) of(sigma uint64) []uint64 {
	var i int32
	if sigma < smallSigma {
		i = t.small[sigma]
	} else {
		i = t.large[sigma]
	}
	return t.q[int(i)*t.words : int(i+1)*t.words]
}

// accumulate adds L·δ_s(v) to acc for every node v ≠ s reached from s.
func (g network) accumulate(s int32, sc *bfsScratch, t *quotients, acc []uint64) {
	sc.order, _ = g.bfs(s, sc.dist, sc.sigma, sc.order)
	W := t.words
	order, dist, sigma := sc.order, sc.dist, sc.sigma
	if cap(sc.d) < len(dist)*W {
		sc.d = make([]uint64, len(dist)*W)
		sc.tmp = make([]uint64, W)
	}
	d := sc.d
	for _, v := range order {
		clear(d[int(v)*W : int(v+1)*W])
	}
	for i := len(order) - 1; i > 0; i-- {
		w := order[i]
		dw := d[int(w)*W : int(w+1)*W]
		addWords(dw, t.of(sigma[w]))
		// acc[w] += σ_w·D(w) − L, which is L·δ(w) ≥ 0.
		mulWords(sc.tmp, dw, sigma[w])
		subWords(sc.tmp, t.lcm)
		addWords(acc[int(w)*W:int(w+1)*W], sc.tmp)
		pd := dist[w] - 1
		for _, v := range g.adj[g.off[w]:g.off[w+1]] {
			if dist[v] == pd {
				addWords(d[int(v)*W:int(v+1)*W], dw)
			}
		}
	}
	sc.reset()
}

// addWords sets a += b for little-endian words of equal length; the bounds
// above guarantee no carry out of the top word.
func addWords(a, b []uint64) {
	if len(a) == 1 {
		a[0] += b[0]
		return
	}
	var c uint64
	for i := range a {
		a[i], c = bits.Add64(a[i], b[i], c)
	}
}

// subWords sets a -= b; the callers guarantee a ≥ b.
func subWords(a, b []uint64) {
	var c uint64
	for i := range a {
		a[i], c = bits.Sub64(a[i], b[i], c)
	}
}

// mulWords sets dst = a·x; the callers guarantee the product fits.
func mulWords(dst, a []uint64, x uint64) {
	var carry uint64
	for i := range a {
		hi, lo := bits.Mul64(a[i], x)
		var c uint64
		dst[i], c = bits.Add64(lo, carry, 0)
		carry = hi + c
	}
}

func intToWords(x *big.Int, words int) []uint64 {
	out := make([]uint64, words)
	for i, w := range x.Bits() {
		out[i] = uint64(w)
	}
	return out
}

func wordsToInt(ws []uint64) *big.Int {
	bs := make([]big.Word, len(ws))
	for i, w := range ws {
		bs[i] = big.Word(w)
	}
	return new(big.Int).SetBits(bs)
}

// betweennessBig is Brandes' algorithm in math/big throughout, for networks
// whose path counts overflow 64 bits. It is also the reference the fast
// path is tested against.
func (g network) betweennessBig() []*big.Rat {
	n := g.nodes()
	out := make([]*big.Rat, n)
	for i := range out {
		out[i] = new(big.Rat)
	}
	dist := make([]int32, n)
	sigma := make([]big.Int, n)
	delta := make([]big.Rat, n)
	var term big.Rat
	for s := range int32(n) {
		for i := range dist {
			dist[i] = -1
			sigma[i].SetInt64(0)
			delta[i].SetInt64(0)
		}
		order := []int32{s}
		dist[s] = 0
		sigma[s].SetInt64(1)
		for i := 0; i < len(order); i++ {
			v := order[i]
			for _, w := range g.adj[g.off[v]:g.off[v+1]] {
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					order = append(order, w)
				}
				if dist[w] == dist[v]+1 {
					sigma[w].Add(&sigma[w], &sigma[v])
				}
			}
		}
		for i := len(order) - 1; i > 0; i-- {
			w := order[i]
			for _, v := range g.adj[g.off[w]:g.off[w+1]] {
				if dist[v] == dist[w]-1 {
					// δ(v) += σ_v/σ_w · (1 + δ(w))
					term.SetFrac(&sigma[v], &sigma[w])
					one := new(big.Rat).SetInt64(1)
					term.Mul(&term, one.Add(one, &delta[w]))
					delta[v].Add(&delta[v], &term)
				}
			}
			out[w].Add(out[w], &delta[w])
		}
	}
	half := big.NewRat(1, 2)
	for _, r := range out {
		r.Mul(r, half)
	}
	return out
}
