package budgeting

import (
	"math"
	"math/big"
)

// ival is a closed interval [lo, hi] of reals known to contain an exact
// rational that the rules would otherwise have to compute with math/big.
// Every operation rounds its bounds outward by one unit in the last place,
// so the true value always stays inside; a comparison whose intervals do
// not overlap is therefore decided exactly, and only the rare comparison
// whose intervals overlap (a true tie, or a near one) is redone with exact
// rationals. This is how the rules stay exact without paying for big
// rationals at every step: after a few rounds of the Method of Equal Shares
// the voters' budgets have denominators of hundreds of bits.
type ival struct{ lo, hi float64 }

// down returns the largest float64 below x, up the smallest above: one
// unit in the last place, found from the bits (math.Nextafter does the
// same with more checks). Infinities and NaN are returned unchanged; the
// rules never produce them.
func down(x float64) float64 {
	switch b := math.Float64bits(x); {
	case x > 0 && !math.IsInf(x, 1):
		return math.Float64frombits(b - 1)
	case x < 0 && !math.IsInf(x, -1):
		return math.Float64frombits(b + 1)
	case x == 0:
		return -0x1p-1074
	}
	return x
}

func up(x float64) float64 {
	switch b := math.Float64bits(x); {
	case x > 0 && !math.IsInf(x, 1):
		return math.Float64frombits(b + 1)
	case x < 0 && !math.IsInf(x, -1):
		return math.Float64frombits(b - 1)
	case x == 0:
		return 0x1p-1074
	}
	return x
}

// exactFloatLimit is 2^53: integers up to it convert to float64 exactly.
const exactFloatLimit = 1 << 53

// ivalInt returns the interval of an integer.
func ivalInt(x int64) ival {
	f := float64(x)
	if x <= exactFloatLimit && x >= -exactFloatLimit {
		return ival{f, f}
	}
	return ival{down(f), up(f)}
}

// ivalRat returns an interval around an exact rational.
func ivalRat(r *big.Rat) ival {
	f, exact := r.Float64()
	if exact {
		return ival{f, f}
	}
	return ival{down(f), up(f)}
}

// sub returns a - b.
func (a ival) sub(b ival) ival { return ival{down(a.lo - b.hi), up(a.hi - b.lo)} }

// add returns a + b.
func (a ival) add(b ival) ival { return ival{down(a.lo + b.lo), up(a.hi + b.hi)} }

// mulInt returns a·k for an integer k ≥ 0 below 2^53.
func (a ival) mulInt(k int64) ival {
	if k == 1 {
		return a
	}
	f := float64(k)
	return ival{down(a.lo * f), up(a.hi * f)}
}

// quoPos returns a/b for an interval b > 0.
func (a ival) quoPos(b ival) ival {
	lo := a.lo / b.hi
	if a.lo < 0 {
		lo = a.lo / b.lo
	}
	hi := a.hi / b.lo
	if a.hi < 0 {
		hi = a.hi / b.hi
	}
	return ival{down(lo), up(hi)}
}

// clampNonNeg raises a negative lower bound to 0, for a value known to be
// non-negative (a budget, a load) whose rounding reached below zero.
func (a ival) clampNonNeg() ival {
	if a.lo < 0 {
		a.lo = 0
	}
	if a.hi < 0 {
		a.hi = 0
	}
	return a
}

// cmp returns -1 or 1 when the intervals are disjoint, and 0 when they
// overlap and only exact arithmetic can tell.
func (a ival) cmp(b ival) int {
	switch {
	case a.hi < b.lo:
		return -1
	case a.lo > b.hi:
		return 1
	}
	return 0
}

// sumBound bounds the rounding error of a float64 sum of k non-negative
// products computed in round-to-nearest: the classic bound γ·Σ|x| with
// γ = k·u/(1-k·u), u = 2^-53 (Higham, Accuracy and Stability of Numerical
// Algorithms, 2002, §4.2). widenSum applies it, doubled for safety, to a
// sum of lower bounds and a sum of upper bounds.
func widenSum(lo, hi float64, k int) ival {
	g := float64(k+2) * 0x1p-52
	return ival{down(lo - g*math.Abs(lo)), up(hi + g*math.Abs(hi))}
}
