package budgeting

import (
	"math/bits"
	"slices"
	"sort"
)

// voterGroups merges identical ballots into weighted groups: every rule here
// treats voters with the same ballot alike, so a rule works on groups and
// multiplies by their weights (pabutools does the same before its timings).
// Lodz 2022 has 90,494 ballots in fewer distinct ones.
type voterGroups struct {
	weight  []int64 // voters in each group
	offsets []int32 // group g lists items[offsets[g]:offsets[g+1]]
	items   []int32 // project positions; sorted, except ordinal ballots keep rank order
	values  []int64 // points for cumulative and scoring ballots; nil otherwise
	member  []int32 // the group of each voter
}

// len returns the number of groups.
func (g *voterGroups) len() int { return len(g.weight) }

// ballot returns group i's projects and, for point ballots, their points.
func (g *voterGroups) ballot(i int) ([]int32, []int64) {
	lo, hi := g.offsets[i], g.offsets[i+1]
	if g.values == nil {
		return g.items[lo:hi], nil
	}
	return g.items[lo:hi], g.values[lo:hi]
}

// voterGroups returns the profile's groups, computing them once.
func (p *BallotProfile) voterGroups() *voterGroups {
	p.groupsOnce.Do(func() { p.groups = buildGroups(p) })
	return p.groups
}

// maxSetWords bounds the bitset by which approval ballots are compared: 8
// words, 512 projects; beyond, they are compared as sorted lists.
const maxSetWords = 8

// buildGroups merges identical ballots. Approval ballots are compared as
// sets, point ballots as sets of (project, points), ordinal ballots as
// sequences. Each ballot is turned into a key of 64-bit words: its bitset
// for an approval ballot over at most 512 projects (setting a bit per
// approval and comparing a few words is cheaper than sorting the ballot,
// and reading the bits back in order gives the sorted ballot), otherwise
// its canonical list of projects, each followed by its points.
func buildGroups(p *BallotProfile) *voterGroups {
	n := len(p.ids)
	g := &voterGroups{
		weight:  make([]int64, 0, n/2+1),
		offsets: make([]int32, 1, n/2+2),
		items:   make([]int32, 0, len(p.items)),
		member:  make([]int32, n),
	}
	if p.points != nil {
		g.values = make([]int64, 0, len(p.points))
	}
	words := (p.nProjects + 63) / 64
	sets := p.voteType.approvalLike() && words <= maxSetWords
	t := newKeyTable(n)
	var key []uint64
	var its []int32
	var vals []int64
	var pairs pointPairs
	for v := 0; v < n; v++ {
		lo, hi := p.offsets[v], p.offsets[v+1]
		key = key[:0]
		if sets {
			key = append(key, make([]uint64, words)...)
			for _, it := range p.items[lo:hi] {
				key[it>>6] |= 1 << (it & 63)
			}
		} else {
			its = append(its[:0], p.items[lo:hi]...)
			vals = vals[:0]
			switch {
			case p.points != nil:
				vals = append(vals, p.points[lo:hi]...)
				pairs.items, pairs.values = its, vals
				sort.Sort(pairs)
			case p.voteType != VoteTypeOrdinal:
				slices.Sort(its)
			}
			for k, it := range its {
				key = append(key, uint64(it))
				if vals != nil {
					key = append(key, uint64(vals[k]))
				}
			}
		}
		gi, isNew := t.find(key)
		g.member[v] = gi
		if !isNew {
			g.weight[gi]++
			continue
		}
		g.weight = append(g.weight, 1)
		if sets {
			for wi, w := range key {
				for ; w != 0; w &= w - 1 {
					g.items = append(g.items, int32(wi*64+bits.TrailingZeros64(w)))
				}
			}
		} else {
			g.items = append(g.items, its...)
			if g.values != nil {
				g.values = append(g.values, vals...)
			}
		}
		g.offsets = append(g.offsets, int32(len(g.items)))
	}
	return g
}

// keyTable is an open-addressing hash table of word keys, numbering each
// distinct key in order of first appearance.
type keyTable struct {
	slots []int32 // key number + 1; 0 = empty
	mask  uint64
	keys  []uint64 // key i is keys[offs[i]:offs[i+1]]
	offs  []int
}

// newKeyTable returns a table for up to n keys.
func newKeyTable(n int) *keyTable {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return &keyTable{slots: make([]int32, size), mask: uint64(size - 1), offs: []int{0}}
}

// find returns key's number, adding it when new (isNew).
func (t *keyTable) find(key []uint64) (num int32, isNew bool) {
	h := uint64(len(key)) * 0x9e3779b97f4a7c15
	for _, w := range key {
		h = (h ^ w) * 0xff51afd7ed558ccd
		h ^= h >> 32
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			t.keys = append(t.keys, key...)
			t.offs = append(t.offs, len(t.keys))
			num = int32(len(t.offs) - 2)
			t.slots[i] = num + 1
			return num, true
		}
		if slices.Equal(t.keys[t.offs[s-1]:t.offs[s]], key) {
			return s - 1, false
		}
	}
}

// pointPairs sorts a point ballot by project, keeping points alongside.
type pointPairs struct {
	items  []int32
	values []int64
}

func (s pointPairs) Len() int           { return len(s.items) }
func (s pointPairs) Less(i, j int) bool { return s.items[i] < s.items[j] }
func (s pointPairs) Swap(i, j int) {
	s.items[i], s.items[j] = s.items[j], s.items[i]
	s.values[i], s.values[j] = s.values[j], s.values[i]
}
