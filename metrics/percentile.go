package metrics

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"
)

// NearestRank returns the rank of the p-th percentile of n values by the
// nearest-rank method (Hyndman & Fan 1996, definition 1, the inverse of the
// empirical distribution function):
//
//	rank = ⌈p/100 · n⌉   (ranks count from 1)
//
// so that at least p % of the values are no larger than the value at that
// rank. It is the one definition of a percentile in civitas: every median
// and 90th percentile the library reports is the value at this rank. It
// requires 1 ≤ p ≤ 100 and n ≥ 1 (it returns 0 otherwise) and never
// overflows, whatever n.
func NearestRank(n int64, p int) int64 {
	if p < 1 || p > 100 || n < 1 {
		return 0
	}
	q, r := n/100, n%100 // ⌈p·n/100⌉ without forming p·n
	return int64(p)*q + (int64(p)*r+99)/100
}

// SelectPercentiles returns the p-th percentile of values for each p of ps,
// by the nearest-rank method ([NearestRank]). It reorders values in place
// and allocates only the result: it selects instead of sorting
// (introselect: Hoare's quickselect with a median-of-three pivot, falling
// back to a sort after 2·log₂ n rounds, Musser 1997), and each later rank is
// selected among the values above the one before, so a median and a 90th
// percentile of a million values cost a few linear passes.
//
// ps must be in increasing order within 1..100 ([ErrOutOfRange] otherwise)
// and values must not be empty ([ErrEmpty]). Callers that must keep their
// order pass a copy.
func SelectPercentiles[T cmp.Ordered](values []T, ps ...int) ([]T, error) {
	if len(values) == 0 {
		return nil, &FieldError{Field: "values", Value: "[]", Err: ErrEmpty}
	}
	for i, p := range ps {
		if p < 1 || p > 100 || (i > 0 && p <= ps[i-1]) {
			return nil, &FieldError{Field: fmt.Sprintf("ps[%d]", i), Value: fmt.Sprint(p) + " (want increasing, 1 to 100)", Err: ErrOutOfRange}
		}
	}
	out := make([]T, len(ps))
	lo := 0
	for k, p := range ps {
		i := max(int(NearestRank(int64(len(values)), p))-1, lo)
		selectNth(values[lo:], i-lo)
		out[k] = values[i]
		lo = i
	}
	return out, nil
}

// selectNth reorders a so that a[n] is the value a sorted a would hold
// there, with no larger value before it and no smaller one after it.
func selectNth[T cmp.Ordered](a []T, n int) {
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
func medianOfThree[T cmp.Ordered](a []T) T {
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
func partition3[T cmp.Ordered](a []T, pivot T) (lt, gt int) {
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
