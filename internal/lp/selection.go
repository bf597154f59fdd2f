package lp

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
)

// Range is a closed interval of whole numbers, Min ≤ n ≤ Max.
type Range struct {
	// Min and Max bound the count.
	Min, Max int
}

// Kind is one kind of unit of a [Selection]: interchangeable units (people
// with the same features, in the same position in equivalent households).
type Kind struct {
	// Cats is the category of the kind for each feature.
	Cats []int
	// Cap is how many units of the kind exist.
	Cap int
	// Group is the exclusive group the kind belongs to, or -1.
	Group int
}

// Selection is the problem of picking K units of given kinds: for each
// feature f and category c, the number of units picked with category c
// lies in Quotas[f][c]; for each group g, at most Groups[g] units come from
// kinds of group g; at most Kind.Cap units of each kind. The zero value
// picks nothing from nothing. A Selection keeps its linear relaxation
// between searches and is not safe for concurrent use; its fields must not
// change once it has been searched.
type Selection struct {
	// K is the number of units to pick.
	K int
	// Quotas holds, per feature, the range of each category.
	Quotas [][]Range
	// Kinds lists the kinds of units.
	Kinds []Kind
	// Groups holds each group's capacity.
	Groups []int
	// NodeLimit caps the nodes of one search; 0 means no limit.
	NodeLimit int

	lp *relaxed // the relaxation, built by the first search that needs it
}

// Validate reports a kind whose categories do not match the features, a
// negative capacity or an unknown group, and a range with Min > Max or a
// negative bound ([ErrInvalid]).
func (s *Selection) Validate() error {
	if s.K < 0 {
		return &FieldError{Field: "k", Value: fmt.Sprint(s.K), Err: ErrInvalid}
	}
	for f, qs := range s.Quotas {
		for c, q := range qs {
			if q.Min < 0 || q.Max < q.Min {
				return &FieldError{Field: fmt.Sprintf("quotas[%d][%d]", f, c), Value: fmt.Sprint(q), Err: ErrInvalid}
			}
		}
	}
	for i, k := range s.Kinds {
		if len(k.Cats) != len(s.Quotas) || k.Cap < 0 || k.Group < -1 || k.Group >= len(s.Groups) {
			return &FieldError{Field: fmt.Sprintf("kinds[%d]", i), Value: fmt.Sprint(k), Err: ErrInvalid}
		}
		for f, c := range k.Cats {
			if c < 0 || c >= len(s.Quotas[f]) {
				return &FieldError{Field: fmt.Sprintf("kinds[%d].cats[%d]", i, f), Value: fmt.Sprint(c), Err: ErrInvalid}
			}
		}
	}
	for g, c := range s.Groups {
		if c < 0 {
			return &FieldError{Field: fmt.Sprintf("groups[%d]", g), Value: fmt.Sprint(c), Err: ErrInvalid}
		}
	}
	return nil
}

// Pick is one selection: how many units of each kind.
type Pick []int

// Value returns Σ weights[k]·p[k].
func (p Pick) Value(weights []*big.Int) *big.Int {
	s := new(big.Int)
	var t big.Int
	for k, x := range p {
		if x != 0 && weights[k].Sign() != 0 {
			t.Mul(weights[k], big.NewInt(int64(x)))
			s.Add(s, &t)
		}
	}
	return s
}

// Feasible reports whether p meets every constraint of s.
func (s *Selection) Feasible(p Pick) bool {
	if len(p) != len(s.Kinds) {
		return false
	}
	total := 0
	used := make([][]int, len(s.Quotas))
	for f := range used {
		used[f] = make([]int, len(s.Quotas[f]))
	}
	groups := make([]int, len(s.Groups))
	for k, x := range p {
		kind := s.Kinds[k]
		if x < 0 || x > kind.Cap {
			return false
		}
		total += x
		for f, c := range kind.Cats {
			used[f][c] += x
		}
		if kind.Group >= 0 {
			groups[kind.Group] += x
		}
	}
	if total != s.K {
		return false
	}
	for f, qs := range s.Quotas {
		for c, q := range qs {
			if used[f][c] < q.Min || used[f][c] > q.Max {
				return false
			}
		}
	}
	for g, c := range s.Groups {
		if groups[g] > c {
			return false
		}
	}
	return true
}

// Improving returns selections whose exact value Σ weights[k]·x_k exceeds
// threshold; none when no selection exceeds threshold, which is then
// proved. With max = 0 they are a chain of ever better selections ending
// with a best one. With max > 0 they are the first found, at most max of
// them, and the search stops early: after max of them, or [improvingBudget]
// nodes after the first. Weights must
// be zero or more. The search is exact: its bounds are computed in 64-bit
// integers from the weights rounded up, and any node the rounding cannot
// settle is settled with the exact weights.
func (s *Selection) Improving(weights []*big.Int, threshold *big.Int, max int) ([]Pick, error) {
	if len(weights) != len(s.Kinds) {
		return nil, &FieldError{Field: "weights", Value: fmt.Sprintf("%d for %d kinds", len(weights), len(s.Kinds)), Err: ErrInvalid}
	}
	var wmax big.Int
	for k, w := range weights {
		if w.Sign() < 0 {
			return nil, &FieldError{Field: fmt.Sprintf("weights[%d]", k), Value: w.String(), Err: ErrInvalid}
		}
		if w.Cmp(&wmax) > 0 {
			wmax.Set(w)
		}
	}
	shift := uint(61 - bitsOf(s.K+1))
	w64 := make([]int64, len(weights))
	var thr int64
	if wmax.Sign() > 0 {
		var t, q, rem big.Int
		for k, w := range weights {
			t.Lsh(w, shift)
			q.QuoRem(&t, &wmax, &rem)
			if rem.Sign() != 0 {
				q.Add(&q, bigOne)
			}
			w64[k] = q.Int64()
		}
		t.Lsh(threshold, shift)
		q.Div(&t, &wmax) // floor for a positive divisor
		switch {
		case q.IsInt64():
			thr = q.Int64()
		case q.Sign() > 0:
			return nil, nil // above any value: nothing improves
		default:
			thr = -1
		}
	} else {
		if threshold.Sign() >= 0 {
			return nil, nil // every value is 0
		}
		thr = -1
	}
	sr := s.newSearch(w64, weights, threshold, thr)
	sr.stopAt = max
	sr.budget = searchBudget
	if err := sr.run(); err != nil {
		if err == errBudget {
			return s.improvingLP(weights, threshold, max)
		}
		return nil, err
	}
	if max > 0 && len(sr.found) > max {
		sr.found = sr.found[len(sr.found)-max:]
	}
	return sr.found, nil
}

// Max returns a selection maximising Σ weights[k]·x_k over 64-bit weights
// (zero or more, with K times the largest fitting in an int64) and its
// value, or nil when no selection is feasible.
func (s *Selection) Max(weights []int64) (Pick, int64, error) {
	if len(weights) != len(s.Kinds) {
		return nil, 0, &FieldError{Field: "weights", Value: fmt.Sprintf("%d for %d kinds", len(weights), len(s.Kinds)), Err: ErrInvalid}
	}
	sr := s.newSearch(weights, nil, nil, -1)
	if err := sr.run(); err != nil {
		return nil, 0, err
	}
	if len(sr.found) == 0 {
		return nil, 0, nil
	}
	best := sr.found[len(sr.found)-1]
	var v int64
	for k, x := range best {
		v += weights[k] * int64(x)
	}
	return best, v, nil
}

func bitsOf(n int) int {
	b := 0
	for n > 0 {
		b++
		n >>= 1
	}
	return b
}

// search is one branch and bound over a Selection.
type search struct {
	s       *Selection
	w       []int64    // weights rounded up (or exact 64-bit weights)
	exact   []*big.Int // exact weights, or nil
	thrBig  *big.Int   // exact threshold, while exact is in force
	thr     int64      // the value to beat in w
	order   []int      // kinds by weight, heaviest first
	x       []int      // the current counts
	used    [][]int    // per feature and category
	groups  []int      // used per group
	total   int
	value   int64
	found   []Pick
	nodes   int
	stopAt  int // stop after this many found (0: never)
	firstAt int // nodes when the first was found
	budget  int // give up (errBudget) after this many nodes with nothing found; 0: never
	// Scratch for the bounds.
	needLeft, fillLeft []int
	roomBuf, roomGen   []int
	gen                int
}

func (s *Selection) newSearch(w []int64, exact []*big.Int, thrBig *big.Int, thr int64) *search {
	sr := &search{s: s, w: w, exact: exact, thrBig: thrBig, thr: thr, x: make([]int, len(s.Kinds)), groups: make([]int, len(s.Groups))}
	sr.used = make([][]int, len(s.Quotas))
	most := 0
	for f := range sr.used {
		sr.used[f] = make([]int, len(s.Quotas[f]))
		most = max(most, len(s.Quotas[f]))
	}
	sr.needLeft, sr.fillLeft = make([]int, most), make([]int, most)
	sr.roomBuf, sr.roomGen = make([]int, len(s.Kinds)), make([]int, len(s.Kinds))
	sr.order = make([]int, len(s.Kinds))
	for k := range sr.order {
		sr.order[k] = k
	}
	slices.SortStableFunc(sr.order, func(a, b int) int {
		if exact != nil {
			if c := exact[b].Cmp(exact[a]); c != 0 {
				return c
			}
		}
		switch {
		case w[a] > w[b]:
			return -1
		case w[a] < w[b]:
			return 1
		}
		return 0
	})
	return sr
}

// improvingBudget is how many more nodes a search with a limit on the
// selections it returns explores once it has found one.
const improvingBudget = 2000

// errStop ends a search early; run swallows it.
var errStop = errors.New("lp: search stopped")

// errBudget ends a combinatorial search that exceeded its budget.
var errBudget = errors.New("lp: search budget exhausted")

func (sr *search) run() error {
	if err := sr.node(0); err != nil && err != errStop {
		return err
	}
	return nil
}

// room returns how many more units of kind k the constraints already
// bound by the current counts allow.
func (sr *search) room(k int) int {
	kind := &sr.s.Kinds[k]
	r := kind.Cap - sr.x[k]
	if kind.Group >= 0 {
		r = min(r, sr.s.Groups[kind.Group]-sr.groups[kind.Group])
	}
	for f, c := range kind.Cats {
		r = min(r, sr.s.Quotas[f][c].Max-sr.used[f][c])
	}
	return r
}

// node explores the subtree where the kinds before position i are decided.
func (sr *search) node(i int) error {
	sr.nodes++
	if sr.s.NodeLimit > 0 && sr.nodes > sr.s.NodeLimit {
		return &FieldError{Field: "nodes", Value: fmt.Sprint(sr.s.NodeLimit), Err: ErrIterationLimit}
	}
	if sr.stopAt > 0 && len(sr.found) > 0 && (len(sr.found) >= sr.stopAt || sr.nodes-sr.firstAt > improvingBudget) {
		return errStop
	}
	if sr.budget > 0 && len(sr.found) == 0 && sr.nodes > sr.budget {
		return errBudget
	}
	r := sr.s.K - sr.total
	if r == 0 {
		sr.leaf()
		return nil
	}
	if i == len(sr.order) {
		return nil
	}
	bound, ok := sr.bound(i, r, nil)
	if !ok || bound <= sr.thr {
		return nil
	}
	if sr.thrBig != nil && bound <= sr.thr+int64(sr.s.K)+1 {
		var exact big.Int
		sr.bound(i, r, &exact)
		if exact.Cmp(sr.thrBig) <= 0 {
			return nil
		}
	}
	k := sr.order[i]
	kind := &sr.s.Kinds[k]
	ub := min(sr.room(k), r)
	for x := ub; x >= 0; x-- {
		sr.apply(k, kind, x)
		err := sr.node(i + 1)
		sr.apply(k, kind, -x)
		if err != nil {
			return err
		}
	}
	return nil
}

// apply adds x units of kind k (x may be negative to undo).
func (sr *search) apply(k int, kind *Kind, x int) {
	if x == 0 {
		return
	}
	sr.x[k] += x
	sr.total += x
	sr.value += sr.w[k] * int64(x)
	for f, c := range kind.Cats {
		sr.used[f][c] += x
	}
	if kind.Group >= 0 {
		sr.groups[kind.Group] += x
	}
}

// leaf records the current counts when they meet every minimum and beat
// the threshold.
func (sr *search) leaf() {
	for f, qs := range sr.s.Quotas {
		for c, q := range qs {
			if sr.used[f][c] < q.Min {
				return
			}
		}
	}
	if sr.value <= sr.thr {
		return
	}
	if sr.thrBig != nil {
		if Pick(sr.x).Value(sr.exact).Cmp(sr.thrBig) <= 0 {
			return
		}
		if sr.stopAt == 0 {
			sr.thrBig = nil // from now on, beat the incumbent in the rounded weights
		}
	}
	if len(sr.found) == 0 {
		sr.firstAt = sr.nodes
	}
	sr.found = append(sr.found, slices.Clone(sr.x))
	if sr.stopAt == 0 {
		sr.thr = sr.value
	}
}

// bound returns an upper bound on the value of any completion of the
// current counts with r more units from positions i onwards, and false
// when no completion meets the quotas. The bound is the least, over the
// features, of the best completion that respects that feature's ranges
// alone. With exact non-nil it also sets *exact to the same bound in the
// exact weights.
func (sr *search) bound(i, r int, exact *big.Int) (int64, bool) {
	// The rooms of the remaining kinds, computed once for every feature.
	sr.gen++
	room := func(k int) int {
		if sr.roomGen[k] != sr.gen {
			sr.roomGen[k] = sr.gen
			sr.roomBuf[k] = sr.room(k)
		}
		return sr.roomBuf[k]
	}
	best := int64(-1)
	var sum big.Int
	var t big.Int
	for f, qs := range sr.s.Quotas {
		need := 0
		open := 0
		for c, q := range qs {
			nl := max(0, q.Min-sr.used[f][c])
			sr.needLeft[c] = nl
			sr.fillLeft[c] = q.Max - sr.used[f][c] - nl
			need += nl
			if nl > 0 {
				open++
			}
		}
		if need > r {
			return 0, false
		}
		fill := r - need
		var v int64
		if exact != nil {
			sum.SetInt64(0)
		}
		for _, k := range sr.order[i:] {
			if fill == 0 && open == 0 {
				break
			}
			c := sr.s.Kinds[k].Cats[f]
			if sr.needLeft[c] == 0 && (fill == 0 || sr.fillLeft[c] <= 0) {
				continue
			}
			avail := room(k)
			if avail <= 0 {
				continue
			}
			m := min(avail, sr.needLeft[c])
			if m > 0 {
				sr.needLeft[c] -= m
				if sr.needLeft[c] == 0 {
					open--
				}
			}
			e := min(avail-m, sr.fillLeft[c], fill)
			if e > 0 {
				sr.fillLeft[c] -= e
				fill -= e
			}
			v += sr.w[k] * int64(m+e)
			if exact != nil && m+e > 0 {
				t.Mul(sr.exact[k], big.NewInt(int64(m+e)))
				sum.Add(&sum, &t)
			}
		}
		if open > 0 || fill > 0 {
			return 0, false
		}
		if best < 0 || v < best {
			best = v
		}
		// The least exact bound may belong to another feature than the
		// least rounded one.
		if exact != nil && (f == 0 || sum.Cmp(exact) < 0) {
			exact.Set(&sum)
		}
	}
	if len(sr.s.Quotas) == 0 {
		// No feature: the r heaviest units that fit.
		fill := r
		var v int64
		for _, k := range sr.order[i:] {
			if fill == 0 {
				break
			}
			e := min(room(k), fill)
			if e <= 0 {
				continue
			}
			fill -= e
			v += sr.w[k] * int64(e)
			if exact != nil {
				t.Mul(sr.exact[k], big.NewInt(int64(e)))
				sum.Add(&sum, &t)
			}
		}
		if fill > 0 {
			return 0, false
		}
		best = v
		if exact != nil {
			exact.Set(&sum)
		}
	}
	if exact != nil {
		var cur big.Int
		cur.Set(Pick(sr.x).Value(sr.exact))
		exact.Add(exact, &cur)
	}
	return sr.value + best, true
}
