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
func (p *Profile) voterGroups() *voterGroups {
	p.groupsOnce.Do(func() { p.groups = buildGroups(p) })
	return p.groups
}

// maxSetWords bounds the bitset of an approval ballot that buildSets
// compares: 8 words, 512 projects.
const maxSetWords = 8

// buildGroups merges identical ballots. Approval ballots are compared as
// sets, point ballots as sets of (project, points), ordinal ballots as
// sequences.
func buildGroups(p *Profile) *voterGroups {
	if words := (p.nProjects + 63) / 64; p.voteType.approvalLike() && words <= maxSetWords {
		return buildSets(p, words)
	}
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
	size := 16
	for size < 2*n {
		size <<= 1
	}
	slots := make([]int32, size) // group+1
	mask := uint64(size - 1)
	var its []int32
	var vals []int64
	var pairs pointPairs
	for v := 0; v < n; v++ {
		lo, hi := p.offsets[v], p.offsets[v+1]
		its = append(its[:0], p.items[lo:hi]...)
		vals = vals[:0]
		switch {
		case p.points != nil:
			vals = append(vals, p.points[lo:hi]...)
			pairs.items, pairs.values = its, vals
			sort.Sort(pairs)
		case p.voteType != Ordinal:
			slices.Sort(its)
		}
		h := uint64(14695981039346656037)
		for k, it := range its {
			h = (h ^ uint64(it)) * 1099511628211
			if vals != nil && len(vals) > k {
				h = (h ^ uint64(vals[k])) * 1099511628211
			}
		}
		h ^= uint64(len(its))
		h ^= h >> 29
		i := h & mask
		for {
			s := slots[i]
			if s == 0 {
				gi := int32(len(g.weight))
				slots[i] = gi + 1
				g.weight = append(g.weight, 1)
				g.items = append(g.items, its...)
				if g.values != nil {
					g.values = append(g.values, vals...)
				}
				g.offsets = append(g.offsets, int32(len(g.items)))
				g.member[v] = gi
				break
			}
			gi := s - 1
			gits, gvals := g.ballot(int(gi))
			if slices.Equal(gits, its) && (g.values == nil || slices.Equal(gvals, vals)) {
				g.weight[gi]++
				g.member[v] = gi
				break
			}
			i = (i + 1) & mask
		}
	}
	return g
}

// buildSets merges identical approval ballots by their bitsets of words
// 64-bit words: setting a bit per approval and comparing a few words is
// cheaper than sorting each ballot, and reading the bits back in order
// gives the sorted ballot.
func buildSets(p *Profile, words int) *voterGroups {
	n := len(p.ids)
	g := &voterGroups{
		weight:  make([]int64, 0, n/2+1),
		offsets: make([]int32, 1, n/2+2),
		items:   make([]int32, 0, len(p.items)),
		member:  make([]int32, n),
	}
	size := 16
	for size < 2*n {
		size <<= 1
	}
	slots := make([]int32, size) // group+1
	mask := uint64(size - 1)
	sets := make([]uint64, 0, (n/2+1)*words)
	set := make([]uint64, words)
	for v := 0; v < n; v++ {
		clear(set)
		for _, it := range p.items[p.offsets[v]:p.offsets[v+1]] {
			set[it>>6] |= 1 << (it & 63)
		}
		h := uint64(len(set))
		for _, w := range set {
			h = (h ^ w) * 0xff51afd7ed558ccd
			h ^= h >> 32
		}
		i := h & mask
		for {
			s := slots[i]
			if s == 0 {
				gi := int32(len(g.weight))
				slots[i] = gi + 1
				sets = append(sets, set...)
				g.weight = append(g.weight, 1)
				for wi, w := range set {
					for ; w != 0; w &= w - 1 {
						g.items = append(g.items, int32(wi*64+bits.TrailingZeros64(w)))
					}
				}
				g.offsets = append(g.offsets, int32(len(g.items)))
				g.member[v] = gi
				break
			}
			gi := s - 1
			if slices.Equal(sets[int(gi)*words:int(gi+1)*words], set) {
				g.weight[gi]++
				g.member[v] = gi
				break
			}
			i = (i + 1) & mask
		}
	}
	return g
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
