package engagement

import (
	"math/bits"
	"slices"
)

// nearestRanks returns the p-th percentiles of a by the nearest-rank method
// (the value at rank ⌈p/100 · n⌉ of the n sorted values, as
// metrics.NearestRankPercentile defines it) for each p of ps, which must be
// in increasing order within 1..100. a must not be empty; it is reordered.
//
// It selects instead of sorting: quickselect narrows each rank in place,
// and each later rank is selected among the values above the one before,
// so two percentiles of a million values cost a few linear passes.
func nearestRanks(a []int64, ps ...int) []int64 {
	out := make([]int64, len(ps))
	lo := 0
	for k, p := range ps {
		rank := (p*len(a) + 99) / 100 // ⌈p·n/100⌉, from 1
		i := max(rank-1, lo)
		selectNth(a[lo:], i-lo)
		out[k] = a[i]
		lo = i
	}
	return out
}

// selectNth reorders a so that a[n] is the value a sorted a would hold
// there, with no larger value before it and no smaller one after it.
// It is Hoare's quickselect with a median-of-three pivot, and falls back to
// sorting what is left after 2·log₂(len(a)) rounds, so that no input makes
// it quadratic (introselect, Musser 1997).
func selectNth(a []int64, n int) {
	budget := 2 * bits.Len(uint(len(a)))
	for len(a) > 16 {
		if budget == 0 {
			slices.Sort(a)
			return
		}
		budget--
		lt, gt := partition3(a, medianOfThree(a))
		switch {
		case n < lt:
			a = a[:lt]
		case n >= gt:
			a, n = a[gt:], n-gt
		default:
			return // a[n] equals the pivot, and so do its neighbours in [lt, gt)
		}
	}
	slices.Sort(a)
}

// medianOfThree returns the median of the first, middle and last values.
func medianOfThree(a []int64) int64 {
	x, y, z := a[0], a[len(a)/2], a[len(a)-1]
	if x > y {
		x, y = y, x
	}
	if y > z {
		y = z
	}
	return max(x, y)
}

// partition3 reorders a into the values below the pivot, those equal to it
// and those above (Dijkstra's Dutch national flag), and returns where the
// equal ones start and end. Runs of equal values, common among response
// times, then cost one pass.
func partition3(a []int64, pivot int64) (lt, gt int) {
	lt, i, gt := 0, 0, len(a)
	for i < gt {
		switch v := a[i]; {
		case v < pivot:
			a[lt], a[i] = v, a[lt]
			lt++
			i++
		case v > pivot:
			gt--
			a[gt], a[i] = v, a[gt]
		default:
			i++
		}
	}
	return lt, gt
}
