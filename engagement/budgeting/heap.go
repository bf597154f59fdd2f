package budgeting

// projHeap is a binary min-heap of projects ordered by key, ties by rank
// (the project's position when sorted by ID). Both sequential rules keep
// their candidates in one, keyed by a lower bound of the quantity they
// minimize (ρ, the load), which can only grow from round to round.
type projHeap struct {
	items []int32
	pos   []int32 // position of each project in items, -1 when absent
	key   []float64
	rank  []int32
}

// init prepares an empty heap for n projects ranked by rank.
func (h *projHeap) init(n int, rank []int32) {
	h.items = h.items[:0]
	if len(h.pos) != n {
		h.pos = make([]int32, n)
		h.key = make([]float64, n)
	}
	for i := range h.pos {
		h.pos[i] = -1
	}
	h.rank = rank
}

func (h *projHeap) less(a, b int32) bool {
	ka, kb := h.key[a], h.key[b]
	return ka < kb || (ka == kb && h.rank[a] < h.rank[b])
}

// has reports whether p is in the heap.
func (h *projHeap) has(p int32) bool { return h.pos[p] >= 0 }

// push adds p with its current key.
func (h *projHeap) push(p int32) {
	h.pos[p] = int32(len(h.items))
	h.items = append(h.items, p)
	h.up(len(h.items) - 1)
}

// remove takes p out of the heap.
func (h *projHeap) remove(p int32) {
	i := int(h.pos[p])
	last := len(h.items) - 1
	if i != last {
		h.swap(i, last)
	}
	h.items = h.items[:last]
	h.pos[p] = -1
	if i != last {
		h.down(i)
		h.up(i)
	}
}

// fix restores the order after p's key changed.
func (h *projHeap) fix(p int32) {
	i := int(h.pos[p])
	h.down(i)
	h.up(i)
}

// collect appends the projects whose key is at most limit.
func (h *projHeap) collect(dst []int32, limit float64) []int32 {
	return h.collectAt(dst, 0, limit)
}

func (h *projHeap) collectAt(dst []int32, i int, limit float64) []int32 {
	if i >= len(h.items) || h.key[h.items[i]] > limit {
		return dst
	}
	dst = append(dst, h.items[i])
	dst = h.collectAt(dst, 2*i+1, limit)
	return h.collectAt(dst, 2*i+2, limit)
}

func (h *projHeap) swap(i, j int) {
	it := h.items
	it[i], it[j] = it[j], it[i]
	h.pos[it[i]] = int32(i)
	h.pos[it[j]] = int32(j)
}

func (h *projHeap) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !h.less(h.items[i], h.items[parent]) {
			return
		}
		h.swap(i, parent)
		i = parent
	}
}

func (h *projHeap) down(i int) {
	n := len(h.items)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		s := l
		if r := l + 1; r < n && h.less(h.items[r], h.items[l]) {
			s = r
		}
		if !h.less(h.items[s], h.items[i]) {
			return
		}
		h.swap(i, s)
		i = s
	}
}
