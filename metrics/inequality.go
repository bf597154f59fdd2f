package metrics

import (
	"fmt"
	"math/big"
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"
)

// Gini returns the Gini coefficient of non-negative values, such as the
// contributions per participant or the satisfaction score per voter
// (Gini 1912; the mean-difference form as in Sen 1973):
//
//	G = Σ_i Σ_j |x_i − x_j| / (2·n²·μ)
//
// which, with the values sorted ascending x_(1) ≤ … ≤ x_(n), equals
//
//	G = 2·Σ_i i·x_(i) / (n·Σ_i x_i) − (n+1)/n
//
// G is 0 when everyone contributes the same and (n−1)/n when one person
// contributes everything. It is the population form, NOT corrected for
// sample size: for a sample, [GiniCorrected] multiplies by n/(n−1).
//
// The sums are exact integers (the weighted sum in 128 bits) and the
// quotient is rounded once, half away from zero, to [ValuePlaces] places.
// It sorts a copy of values (the caller's slice is untouched) with a radix
// sort, so it runs in O(n) time with two allocations of n values.
//
// It returns [ErrEmpty] for no values, [ErrNegative] for a negative value,
// [ErrOverflow] when the values' sum does not fit in an int64, and
// [ErrUndefined] when every value is zero (μ = 0).
func Gini(values []int64) (decimal.Decimal, error) {
	return gini(values, false)
}

// GiniCorrected returns the Gini coefficient corrected for sample size,
// G·n/(n−1) with G from [Gini]: an unbiased estimate of the population's
// coefficient from a sample of n values, which reaches 1 when one value holds
// everything. It returns the errors of [Gini], and [ErrUndefined] for a
// single value.
func GiniCorrected(values []int64) (decimal.Decimal, error) {
	return gini(values, true)
}

func gini(values []int64, corrected bool) (decimal.Decimal, error) {
	sorted, total, err := sortedCopy(values)
	if err != nil {
		return decimal.Decimal{}, err
	}
	n := int64(len(sorted))
	if total == 0 || (corrected && n == 1) {
		return decimal.Decimal{}, ErrUndefined
	}
	// S = Σ i·x_(i) in 128 bits: it is at most n·total < 2^126.
	var hi, lo uint64
	for i, x := range sorted {
		h, l := bits.Mul64(uint64(i+1), uint64(x))
		var carry uint64
		lo, carry = bits.Add64(lo, l, 0)
		hi += h + carry
	}
	// G = (2S − (n+1)·T) / (n·T); corrected: / ((n−1)·T).
	var num, y, den big.Int
	num.SetUint64(hi).Lsh(&num, 64).Or(&num, y.SetUint64(lo)).Lsh(&num, 1)
	num.Sub(&num, mulBig(&y, n+1, total))
	m := n
	if corrected {
		m = n - 1
	}
	mulBig(&den, m, total)
	return quoRound(&num, &den, ValuePlaces), nil
}

// TopShare returns the share of the total held by the top percent of
// contributors: the sum of the m largest values over the sum of all, with
// m = ⌈n·percent/100⌉ (so the top 10 % of 25 contributors is 3 of them, and
// there is always at least one). TopShare(values, 10) is the usual "share of
// contributions by the top 10 % of contributors"; with ties at the cut any
// choice gives the same sum. The caller's slice is untouched.
//
// It returns [ErrOutOfRange] unless 1 ≤ percent ≤ 100, [ErrEmpty] for no
// values, [ErrNegative] for a negative value and [ErrOverflow] when the sum
// does not fit in an int64. When every value is zero the Ratio is 0/0,
// undefined.
func TopShare(values []int64, percent int) (Ratio, error) {
	if percent < 1 || percent > 100 {
		return Ratio{}, inputErr("percent", int64(percent), ErrOutOfRange)
	}
	sorted, total, err := sortedCopy(values)
	if err != nil {
		return Ratio{}, err
	}
	n := len(sorted)
	m := (n*percent + 99) / 100
	var top int64
	for _, x := range sorted[n-m:] {
		top += x // a part of total, which fits
	}
	return Ratio{num: top, den: total}, nil
}

// sortedCopy checks values (at least one, none negative, sum within int64)
// and returns an ascending copy and the sum.
func sortedCopy(values []int64) ([]int64, int64, error) {
	if len(values) == 0 {
		return nil, 0, &FieldError{Field: "values", Value: "[]", Err: ErrEmpty}
	}
	var total, maxValue int64
	for i, x := range values {
		// Names are formatted only on failure: this loop runs per value.
		if x < 0 {
			return nil, 0, inputErr(fmt.Sprintf("values[%d]", i), x, ErrNegative)
		}
		var err error
		if total, err = addChecked(total, x); err != nil {
			return nil, 0, inputErr(fmt.Sprintf("values[%d]", i), x, err)
		}
		maxValue = max(maxValue, x)
	}
	return radixSort(values, maxValue), total, nil
}

// radixSort returns an ascending copy of non-negative values whose
// largest is maxValue: a least significant digit radix sort on bytes, over
// only as many byte positions as maxValue has (two or three for counts),
// in O(n) time. On a million counts it is several times faster than a
// comparison sort.
func radixSort(values []int64, maxValue int64) []int64 {
	src := slices.Clone(values)
	dst := make([]int64, len(values))
	for shift := 0; shift < bits.Len64(uint64(maxValue)); shift += 8 {
		var offsets [256]int
		for _, x := range src {
			offsets[byte(x>>shift)]++
		}
		sum := 0
		for b, n := range offsets {
			offsets[b] = sum
			sum += n
		}
		for _, x := range src {
			b := byte(x >> shift)
			dst[offsets[b]] = x
			offsets[b]++
		}
		src, dst = dst, src
	}
	return src
}
