package stakeholder

import (
	"context"
	"encoding/binary"
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
//
// Betweenness cannot be stopped; on a large map use
// [Map.BetweennessContext].
func (m *Map) Betweenness() []Centrality {
	out, _ := m.BetweennessContext(context.Background()) // never canceled
	return out
}

// BetweennessContext is [Map.Betweenness] that stops when ctx is done: it
// checks ctx before each source (one breadth-first search, O(E) work) and
// returns ctx's error, and nothing else, once it is canceled or its deadline
// passes.
func (m *Map) BetweennessContext(ctx context.Context) ([]Centrality, error) {
	g := m.network()
	exact, err := g.betweenness(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Centrality, len(m.people))
	for i, s := range m.people {
		r := exact[i]
		v := decimal.NewFromBigInt(r.Num(), 0).DivRound(decimal.NewFromBigInt(r.Denom(), 0), BetweennessPlaces)
		out[i] = Centrality{Stakeholder: s, Betweenness: v, exact: r}
	}
	return out, nil
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
// of cooperation: the components of the network of [RelationTypeMemberOf], [RelationTypePartnerOf],
// [RelationTypeFunds] and [RelationTypeRepresents] relationships, in the order [Map.Components]
// gives. Influence and media coverage reach across camps and opposition
// links adversaries, so none of them joins a coalition.
func (m *Map) Coalitions() [][]*Stakeholder {
	return slices.DeleteFunc(m.Components(RelationTypeMemberOf, RelationTypePartnerOf, RelationTypeFunds, RelationTypeRepresents),
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
// order (the nodes in BFS order) for source s, and lists the successors of
// the i-th node of order (the neighbours one step further from s) in
// succ[succOff[i]:succOff[i+1]]. It reports false when a path count
// overflows 64 bits. dist must be all -1 on entry; bfs leaves it set for the
// nodes in order, which the caller resets.
func (g network) bfs(s int32, dist []int32, sigma []uint64, order, succ, succOff []int32) ([]int32, []int32, bool) {
	order = append(order[:0], s)
	succ = succ[:0]
	dist[s], sigma[s] = 0, 1
	for i := 0; i < len(order); i++ {
		v := order[i]
		succOff[i] = int32(len(succ))
		dv, sv := dist[v], sigma[v]
		for _, w := range g.adj[g.off[v]:g.off[v+1]] {
			switch dist[w] {
			case -1:
				dist[w] = dv + 1
				sigma[w] = sv
				order = append(order, w)
				succ = append(succ, w)
			case dv + 1:
				var carry uint64
				sigma[w], carry = bits.Add64(sigma[w], sv, 0)
				if carry != 0 {
					return order, succ, false
				}
				succ = append(succ, w)
			}
		}
	}
	succOff[len(order)] = int32(len(succ))
	return order, succ, true
}

// parallel runs work(worker, source) for every source on up to GOMAXPROCS
// goroutines; each worker index is used by one goroutine at a time.
//
// It stops handing out sources once ctx is done and returns ctx's error.
func parallel(ctx context.Context, n int, workers int, work func(worker int, s int32)) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				s := next.Add(1) - 1
				if s >= int64(n) || ctx.Err() != nil {
					return
				}
				work(w, int32(s))
			}
		}()
	}
	wg.Wait()
	return ctx.Err()
}

func workerCount(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n)) }

// betweenness returns each node's exact betweenness (pairs counted once).
//
// Brandes' dependency of source s on v is δ(v) = Σ_{w: v ∈ pred(w)}
// σ_v/σ_w·(1+δ(w)). With Δ(v) = (1+δ(v))/σ_v this becomes
// Δ(v) = 1/σ_v + Σ Δ(w) over v's successors w, a sum with no products, and
// δ(v) = σ_v·Δ(v) − 1. Every Δ is a multiple of 1/L for L a common multiple
// of all path counts, so D = L·Δ is an integer and the whole computation is
// integer additions plus one multiplication per node and source.
//
// Each worker keeps its own L, the least common multiple of the path counts
// it has met so far; a new path count that does not divide it multiplies L,
// the quotients L/σ and the sums by the missing factor. That happens once
// per prime power not met before, so almost only in the first sources. The
// workers' sums are brought to one L at the end.
//
// Bounds, with n nodes: δ(v) ≤ n, so D ≤ n·L, σ_v·D ≤ n·L, and the sum over
// n sources is below n²·L; that fixes the number of words.
func (g network) betweenness(ctx context.Context) ([]*big.Rat, error) {
	n := g.nodes()
	workers := workerCount(n)
	ws := make([]*brandes, workers)
	for w := range ws {
		ws[w] = newBrandes(g)
	}
	var overflow atomic.Bool
	err := parallel(ctx, n, workers, func(w int, s int32) {
		if !overflow.Load() && !ws[w].source(s) {
			overflow.Store(true)
		}
	})
	if err != nil {
		return nil, err
	}
	if overflow.Load() {
		return g.betweennessBig(ctx)
	}
	lcm := big.NewInt(1)
	var gcd big.Int
	for _, w := range ws {
		gcd.GCD(nil, nil, lcm, &w.lcm)
		lcm.Mul(lcm, new(big.Int).Quo(&w.lcm, &gcd))
	}
	totals := make([]big.Int, n)
	var f, x big.Int
	for _, w := range ws {
		f.Quo(lcm, &w.lcm)
		for v := range totals {
			wordsToBig(&x, w.acc[v*w.words:(v+1)*w.words])
			totals[v].Add(&totals[v], x.Mul(&x, &f))
		}
	}
	den := new(big.Int).Lsh(lcm, 1) // /2: each pair was counted from both ends
	out := make([]*big.Rat, n)
	for v := range out {
		out[v] = new(big.Rat).SetFrac(&totals[v], den)
	}
	return out, nil
}

// brandes is one worker's state: BFS scratch, its L with the quotients L/σ
// for every path count met so far, and its sums L·Σ_s δ_s(v), each number in
// a fixed count of little-endian words.
type brandes struct {
	g        network
	headroom int // bits above L that the sums need: 2·bits(n) + 1

	dist  []int32
	sigma []uint64
	order []int32
	slots []int32  // the slot of each node's path count
	d     []uint64 // D per node
	tmp   []uint64 // one scratch number

	succ     []int32 // the BFS's successor lists, see bfs
	succOff  []int32
	dlo, dhi []uint64 // D_s per node in two words, for sourceSmall
	factor   []uint64 // L/L_s, for sourceSmall
	stamp    []int32  // stamp[x] = s+1 once path count x is in source s's L_s
	quot     []uint64 // quot[x] = L_s/x for the stamped small path counts x
	seen     []uint32 // the small path counts stamped for the current source

	lcm   big.Int
	words int
	lcmW  []uint64         // L
	q     []uint64         // q[i*words:(i+1)*words] = L/σ for slot i
	small []int32          // slot of a path count below smallSigma, -1 for none
	large map[uint64]int32 // slot of a larger path count
	acc   []uint64         // per node
}

// smallSigma bounds the path counts looked up in an array rather than a map:
// nearly all of them in a network of stakeholders.
const smallSigma = 1 << 16

func newBrandes(g network) *brandes {
	n := g.nodes()
	b := &brandes{g: g, headroom: 2*bits.Len(uint(n)) + 1, dist: make([]int32, n), sigma: make([]uint64, n),
		order: make([]int32, 0, n), slots: make([]int32, n), small: make([]int32, smallSigma),
		succ: make([]int32, 0, len(g.adj)), succOff: make([]int32, n+1),
		dlo: make([]uint64, n), dhi: make([]uint64, n), stamp: make([]int32, smallSigma), quot: make([]uint64, smallSigma)}
	for i := range b.dist {
		b.dist[i] = -1
	}
	for i := range b.small {
		b.small[i] = -1
	}
	b.lcm.SetInt64(1)
	b.resize()
	return b
}

// resize makes every number as wide as L and the headroom need, keeping the
// values.
func (b *brandes) resize() {
	words := (b.lcm.BitLen() + b.headroom + 63) / 64
	if words == b.words {
		return
	}
	widen := func(old []uint64, count int) []uint64 {
		out := make([]uint64, count*words)
		for i := range count {
			if b.words > 0 {
				copy(out[i*words:], old[i*b.words:(i+1)*b.words])
			}
		}
		return out
	}
	n := len(b.dist)
	b.q = widen(b.q, len(b.q)/max(b.words, 1))
	b.acc = widen(b.acc, n)
	b.d = make([]uint64, n*words)
	b.tmp = make([]uint64, words)
	b.words = words
	b.lcmW = make([]uint64, words)
	bigToWords(b.lcmW, &b.lcm)
}

// slot returns the slot of path count x, adding it (and growing L) when new.
func (b *brandes) slot(x uint64) int32 {
	if x < smallSigma {
		if i := b.small[x]; i >= 0 {
			return i
		}
	} else if i, ok := b.large[x]; ok {
		return i
	}
	b.divisibleBy(x)
	var r, bx big.Int
	bx.SetUint64(x)
	i := int32(len(b.q) / b.words)
	r.Quo(&b.lcm, &bx)
	q := make([]uint64, b.words)
	bigToWords(q, &r)
	b.q = append(b.q, q...)
	if x < smallSigma {
		b.small[x] = i
	} else {
		if b.large == nil {
			b.large = make(map[uint64]int32)
		}
		b.large[x] = i
	}
	return i
}

// divisibleBy grows L, when x does not divide it, to L·x/gcd(L, x),
// multiplying every stored quotient and sum by the same factor.
func (b *brandes) divisibleBy(x uint64) {
	var r, bx big.Int
	bx.SetUint64(x)
	r.Mod(&b.lcm, &bx)
	if r.Sign() == 0 {
		return
	}
	// gcd(L, x) = gcd(x, L mod x).
	f := x / new(big.Int).GCD(nil, nil, &bx, &r).Uint64()
	b.lcm.Mul(&b.lcm, new(big.Int).SetUint64(f))
	b.resize()
	for i := 0; i < len(b.q); i += b.words {
		mulWords(b.q[i:i+b.words], b.q[i:i+b.words], f)
	}
	for i := 0; i < len(b.acc); i += b.words {
		mulWords(b.acc[i:i+b.words], b.acc[i:i+b.words], f)
	}
	bigToWords(b.lcmW, &b.lcm)
}

// sourceLcm returns L_s, the least common multiple of the path counts of
// the nodes in order, and false when it does not fit 64 bits. It also
// records L_s/σ for each distinct small path count in quot, stamped with
// the source, so that sourceSmall divides once per distinct count rather
// than once per node.
func (b *brandes) sourceLcm(s int32) (uint64, bool) {
	stamp := s + 1
	ls := uint64(1)
	for _, v := range b.order {
		x := b.sigma[v]
		if x < smallSigma && b.stamp[x] == stamp {
			continue
		}
		if ls%x != 0 {
			hi, lo := bits.Mul64(ls, x/gcd64(ls, x))
			if hi != 0 {
				return 0, false
			}
			ls = lo
		}
		if x < smallSigma {
			b.stamp[x] = stamp
			b.seen = append(b.seen, uint32(x))
		}
	}
	for _, x := range b.seen {
		b.quot[x] = ls / uint64(x)
	}
	b.seen = b.seen[:0]
	return ls, true
}

func gcd64(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// sourceSmall is source's path when the source's own L_s (the lcm of its
// path counts) fits 64 bits, as it nearly always does: it runs Brandes'
// recursion on D_s = L_s·Δ in two machine words (D ≤ (n+1)·L_s < 2¹²⁸), so
// the inner loop over the edges adds two words instead of the many that the
// worker's L needs, and only the per-node results L_s·δ_s(v) are scaled by
// L/L_s into the sums, once per node.
func (b *brandes) sourceSmall(ls uint64) {
	b.divisibleBy(ls)
	var f big.Int
	f.Quo(&b.lcm, new(big.Int).SetUint64(ls))
	W := b.words
	bigToWords(b.tmp, &f)
	factor := append(b.factor[:0], b.tmp...)
	b.factor = factor
	dlo, dhi := b.dlo, b.dhi
	// Pull, in reverse BFS order: D(v) = L_s/σ_v + Σ D(w) over v's
	// successors w, which the BFS listed and which are all done by then.
	for i := len(b.order) - 1; i > 0; i-- {
		v := b.order[i]
		sv := b.sigma[v]
		lo, hi := ls/sv, uint64(0)
		if sv < smallSigma {
			lo = b.quot[sv]
		}
		for _, w := range b.succ[b.succOff[i]:b.succOff[i+1]] {
			var c uint64
			lo, c = bits.Add64(lo, dlo[w], 0)
			hi += dhi[w] + c
		}
		dlo[v], dhi[v] = lo, hi
		// x = σ_v·D(v) − L_s = L_s·δ_s(v), below (n+1)·L_s: σ_v·hi fits.
		ph, pl := bits.Mul64(sv, lo)
		ph += sv * hi
		xl, bw := bits.Sub64(pl, ls, 0)
		xh := ph - bw
		if xl|xh != 0 { // a node no shortest path runs through adds nothing
			mulAdd128(b.acc[int(v)*W:int(v+1)*W], factor, xl, xh)
		}
	}
}

// mulAdd128 sets acc += (hi·2⁶⁴ + lo)·f for little-endian words; the bounds
// of the sums guarantee no carry out of acc's top word.
func mulAdd128(acc, f []uint64, lo, hi uint64) {
	mulAddWord(acc, f, lo)
	if hi != 0 {
		mulAddWord(acc[1:], f[:len(f)-1], hi)
	}
}

// mulAddWord sets acc += f·x, acc at least as long as f.
func mulAddWord(acc, f []uint64, x uint64) {
	var carry uint64
	for i, fw := range f {
		h, l := bits.Mul64(fw, x)
		var c1, c2 uint64
		l, c1 = bits.Add64(l, carry, 0)
		acc[i], c2 = bits.Add64(acc[i], l, 0)
		carry = h + c1 + c2
	}
	for i := len(f); carry != 0 && i < len(acc); i++ {
		acc[i], carry = bits.Add64(acc[i], carry, 0)
	}
}

// source adds L·δ_s(v) to the sums for every node v ≠ s reached from s. It
// reports false, having added nothing, when a path count overflows 64 bits.
func (b *brandes) source(s int32) bool {
	var ok bool
	b.order, b.succ, ok = b.g.bfs(s, b.dist, b.sigma, b.order, b.succ, b.succOff)
	defer func() {
		for _, v := range b.order {
			b.dist[v] = -1
		}
	}()
	if !ok {
		return false
	}
	if ls, ok := b.sourceLcm(s); ok {
		b.sourceSmall(ls)
		return true
	}
	// Every path count of this source must divide L before any sum uses it;
	// slot grows L, and with it every stored number, when one does not.
	for _, v := range b.order {
		b.slots[v] = b.slot(b.sigma[v])
	}
	W, d, g := b.words, b.d, b.g
	for _, v := range b.order {
		clear(d[int(v)*W : int(v+1)*W])
	}
	for i := len(b.order) - 1; i > 0; i-- {
		w := b.order[i]
		dw := d[int(w)*W : int(w+1)*W]
		k := int(b.slots[w])
		addWords(dw, b.q[k*W:(k+1)*W])
		// acc[w] += σ_w·D(w) − L, which is L·δ(w) ≥ 0.
		mulWords(b.tmp, dw, b.sigma[w])
		subWords(b.tmp, b.lcmW)
		addWords(b.acc[int(w)*W:int(w+1)*W], b.tmp)
		pd := b.dist[w] - 1
		for _, v := range g.adj[g.off[w]:g.off[w+1]] {
			if b.dist[v] == pd {
				addWords(d[int(v)*W:int(v+1)*W], dw)
			}
		}
	}
	return true
}

// addWords sets a += b for little-endian words of equal length; the bounds
// above guarantee no carry out of the top word.
func addWords(a, b []uint64) {
	if len(a) == 1 {
		a[0] += b[0]
		return
	}
	b = b[:len(a)] // one bounds check instead of one per word
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

// bigToWords writes x, which must fit, into little-endian 64-bit words.
// It goes through bytes because big.Word is 32 bits on some platforms.
func bigToWords(dst []uint64, x *big.Int) {
	clear(dst)
	be := x.Bytes()
	for i := range be {
		dst[i/8] |= uint64(be[len(be)-1-i]) << (8 * (i % 8))
	}
}

// wordsToBig sets dst to the number in little-endian 64-bit words.
func wordsToBig(dst *big.Int, ws []uint64) {
	be := make([]byte, 8*len(ws))
	for i, w := range ws {
		binary.BigEndian.PutUint64(be[8*(len(ws)-1-i):], w)
	}
	dst.SetBytes(be)
}

// betweennessBig is Brandes' algorithm in math/big throughout, for networks
// whose path counts overflow 64 bits. It is also the reference the fast
// path is tested against.
func (g network) betweennessBig(ctx context.Context) ([]*big.Rat, error) {
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
		if err := ctx.Err(); err != nil {
			return nil, err
		}
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
	return out, nil
}
