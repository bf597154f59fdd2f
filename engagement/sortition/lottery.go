package sortition

import (
	"math/big"
	"slices"
	"sort"
	"strconv"
)

// DefaultLotterySize is the number of panels of a lottery when none is
// given (Flanigan et al. 2021b use 1,000).
const DefaultLotterySize = 1000

// roundingPasses caps the improvement passes of the rounding.
const roundingPasses = 50

// Lottery is a uniform lottery over m concrete panels, rounded from a
// [Distribution] (Flanigan, Gölz, Gupta, Hennig, Procaccia, "Fair
// sortition made transparent", NeurIPS 2021): the panels can be published
// before the draw, and the draw picks one of them, each with probability
// 1/m. A respondent's probability under the lottery is the number of its
// panels that include them, over m; it differs from the distribution's by
// the rounding, which [Lottery.MaxDeviation] reports exactly.
//
// A Lottery is immutable and safe for concurrent use.
type Lottery struct {
	d      *Distribution
	panels [][]int // respondent positions, ascending
	counts []int   // per respondent: panels that include them
}

// Round rounds the distribution to a uniform lottery over m panels (m ≥ 1;
// [DefaultLotterySize] is the usual choice), and returns [ErrOutOfRange]
// for m < 1.
//
// The rounding: each composition c of weight λ_c gets ⌊m·λ_c⌋ panels, and
// the panels left over go to the largest remainders (ties to the earlier
// composition); then, while it lowers the sum over the classes of the
// squared deviation of their expected seats (each term divided by the
// class's size, so that it is the sum over people), one panel moves from a
// composition that was rounded up to one that was rounded down. Last, each
// panel is filled with concrete people: the seats of each class go round
// its members in pool order, each panel taking the next ones whose
// household is not yet on the panel, so that members of a class differ by
// at most about one panel. The search for good moves compares deviations
// in floating point; every probability reported is exact.
func (d *Distribution) Round(m int) (*Lottery, error) {
	if m < 1 {
		return nil, fieldErr("lottery size", strconv.Itoa(m), ErrOutOfRange)
	}
	in := d.in
	nc := len(d.comps)
	tickets := make([]int, nc)
	type rem struct {
		c int
		r big.Rat
	}
	rems := make([]rem, nc)
	left := m
	var t big.Rat
	for c := range d.comps {
		t.SetInt64(int64(m))
		t.Mul(&t, &d.comps[c].weight)
		fl := new(big.Int).Quo(t.Num(), t.Denom())
		tickets[c] = int(fl.Int64())
		left -= tickets[c]
		rems[c].c = c
		rems[c].r.Sub(&t, new(big.Rat).SetInt(fl))
	}
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].r.Cmp(&rems[b].r) > 0 })
	up := make([]bool, nc)
	for i := 0; i < left; i++ {
		tickets[rems[i].c]++
		up[rems[i].c] = true
	}
	canUp := make([]bool, nc)
	for _, r := range rems {
		canUp[r.c] = r.r.Sign() > 0 && !up[r.c]
	}
	improveRounding(d, m, tickets, up, canUp)

	l := &Lottery{d: d, counts: make([]int, len(in.pool.respondents))}
	next := make([]int, len(in.classes)) // per class: next member to seat
	houseKey := func(i int) string {
		if h := in.pool.respondents[i].Household; h != "" {
			return "h" + h
		}
		return "r" + strconv.Itoa(i)
	}
	for c, comp := range d.comps {
		for range tickets[c] {
			used := map[string]bool{}
			var panel []int
			for o, x := range comp.counts {
				members := in.classes[o].members
				for taken, step := 0, 0; taken < x && step < len(members); step++ {
					i := members[next[o]]
					next[o] = (next[o] + 1) % len(members)
					if used[houseKey(i)] {
						continue
					}
					used[houseKey(i)] = true
					panel = append(panel, i)
					taken++
				}
			}
			slices.Sort(panel)
			for _, i := range panel {
				l.counts[i]++
			}
			l.panels = append(l.panels, panel)
		}
	}
	return l, nil
}

// improveRounding moves panels from compositions rounded up to ones
// rounded down while the squared deviation falls (see Round).
func improveRounding(d *Distribution, m int, tickets []int, up, canUp []bool) {
	in := d.in
	nc := len(in.classes)
	// dev[o]: expected seats of class o under the tickets, minus under the
	// distribution, times m.
	dev := make([]float64, nc)
	size := make([]float64, nc)
	for o := range dev {
		size[o] = float64(len(in.classes[o].members))
		target, _ := new(big.Rat).Mul(&d.probs[o], big.NewRat(int64(m)*int64(len(in.classes[o].members)), 1)).Float64()
		dev[o] = -target
	}
	for c, comp := range d.comps {
		for o, x := range comp.counts {
			dev[o] += float64(tickets[c] * x)
		}
	}
	// Change of Σ dev²/size when a panel moves from a to b.
	gain := func(a, b int) float64 {
		var g float64
		ca, cb := d.comps[a].counts, d.comps[b].counts
		for o := range ca {
			delta := float64(cb[o] - ca[o])
			if delta != 0 {
				g += (2*dev[o]*delta + delta*delta) / size[o]
			}
		}
		return g
	}
	for range roundingPasses {
		moved := false
		for a := range up {
			if !up[a] {
				continue
			}
			bestB, bestG := -1, -1e-9
			for b := range canUp {
				if !canUp[b] {
					continue
				}
				if g := gain(a, b); g < bestG {
					bestB, bestG = b, g
				}
			}
			if bestB < 0 {
				continue
			}
			b := bestB
			for o := range dev {
				dev[o] += float64(d.comps[b].counts[o] - d.comps[a].counts[o])
			}
			tickets[a]--
			tickets[b]++
			up[a], canUp[a] = false, true
			up[b], canUp[b] = true, false
			moved = true
		}
		if !moved {
			return
		}
	}
}

// Distribution returns the distribution the lottery was rounded from.
func (l *Lottery) Distribution() *Distribution { return l.d }

// Len returns the number of panels, m.
func (l *Lottery) Len() int { return len(l.panels) }

// Panel returns the IDs of the t-th panel (0-based), in pool order.
func (l *Lottery) Panel(t int) []string {
	ids := make([]string, len(l.panels[t]))
	for j, i := range l.panels[t] {
		ids[j] = l.d.in.pool.respondents[i].ID
	}
	return ids
}

// Members returns the pool positions of the t-th panel's members,
// ascending.
func (l *Lottery) Members(t int) []int { return slices.Clone(l.panels[t]) }

// Probability returns respondent i's probability under the lottery: the
// number of panels that include them, over m.
func (l *Lottery) Probability(i int) *big.Rat {
	return big.NewRat(int64(l.counts[i]), int64(len(l.panels)))
}

// Min returns the least probability under the lottery.
func (l *Lottery) Min() *big.Rat {
	least := l.counts[0]
	for _, c := range l.counts {
		least = min(least, c)
	}
	return big.NewRat(int64(least), int64(len(l.panels)))
}

// MaxDeviation returns the largest difference, over the respondents,
// between the probability under the lottery and under the distribution.
func (l *Lottery) MaxDeviation() *big.Rat {
	most := new(big.Rat)
	var t big.Rat
	for i := range l.counts {
		t.Sub(l.Probability(i), l.d.Probability(i))
		t.Abs(&t)
		if t.Cmp(most) > 0 {
			most.Set(&t)
		}
	}
	return most
}
