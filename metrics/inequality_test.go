package metrics_test

import (
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
)

func TestGiniKnownAnswers(t *testing.T) {
	tests := []struct {
		name      string
		values    []int64
		gini      string
		corrected string // "" when undefined
	}{
		// All equal: every |x_i − x_j| is 0, so G = 0.
		{"all equal", []int64{7, 7, 7, 7}, "0", "0"},
		// 1, 2, 3, 4: Σ_i Σ_j |x_i − x_j| = 2·(1+2+3+1+2+1) = 20,
		// 2·n²·μ = 2·16·2.5 = 80, G = 20/80 = 0.25. By the sorted form:
		// 2·(1·1 + 2·2 + 3·3 + 4·4)/(4·10) − 5/4 = 60/40 − 1.25 = 0.25.
		// Corrected: 0.25·4/3 = 1/3.
		{"1 2 3 4", []int64{1, 2, 3, 4}, "0.25", "0.333333"},
		// Order does not matter.
		{"4 1 3 2", []int64{4, 1, 3, 2}, "0.25", "0.333333"},
		// One holds everything: G = (n−1)/n = 3/4; corrected, 1.
		{"one holds all", []int64{0, 0, 0, 10}, "0.75", "1"},
		// 1, 1, 2: Σ|x_i − x_j| = 2·(0+1+1) = 4, 2·9·(4/3) = 24, G = 1/6.
		// Corrected: 1/6·3/2 = 1/4.
		{"1 1 2", []int64{1, 1, 2}, "0.166667", "0.25"},
		// One value: no spread, G = 0; the correction divides by n−1 = 0.
		{"single", []int64{5}, "0", ""},
		// Two values near the int64 limit: T = MaxInt64, Σ i·x_(i) needs
		// 128 bits. G = (2·(1 + 2(M−1)) − 3M)/(2M) = (M − 2)/(2M) ≈ 0.5.
		{"near int64 limit", []int64{math.MaxInt64 - 1, 1}, "0.5", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.values)
			g, err := metrics.Gini(in)
			require.NoError(t, err)
			assert.True(t, decimal.RequireFromString(tt.gini).Equal(g), "Gini: want %s, got %s", tt.gini, g)
			assert.Equal(t, tt.values, in, "the caller's slice is untouched")
			c, err := metrics.GiniCorrected(in)
			if tt.corrected == "" {
				require.ErrorIs(t, err, metrics.ErrUndefined)
				return
			}
			require.NoError(t, err)
			assert.True(t, decimal.RequireFromString(tt.corrected).Equal(c), "corrected: want %s, got %s", tt.corrected, c)
		})
	}
}

func TestGiniErrors(t *testing.T) {
	tests := []struct {
		name   string
		values []int64
		want   error
	}{
		{"empty", nil, metrics.ErrEmpty},
		{"negative", []int64{3, -1}, metrics.ErrNegative},
		{"all zero", []int64{0, 0, 0}, metrics.ErrUndefined},
		{"sum overflows", []int64{math.MaxInt64, 1}, metrics.ErrOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := metrics.Gini(tt.values)
			require.ErrorIs(t, err, tt.want)
			_, err = metrics.GiniCorrected(tt.values)
			require.ErrorIs(t, err, tt.want)
		})
	}
}

// TestGiniMatchesMeanDifference checks the sorted formula against the
// definition G = Σ_i Σ_j |x_i − x_j| / (2 n² μ), computed exactly with
// rationals, on seeded random inputs, and TopShare against a sort.
func TestGiniMatchesMeanDifference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		n := 1 + rng.IntN(30)
		values := make([]int64, n)
		var sum int64
		for i := range values {
			// Magnitudes from 2^4 to 2^40, so the radix sort runs one to
			// five byte passes.
			values[i] = rng.Int64N(1 << (4 + rng.IntN(37)))
			sum += values[i]
		}
		if sum == 0 {
			continue
		}
		var diff int64
		for _, x := range values {
			for _, y := range values {
				diff += max(x-y, y-x)
			}
		}
		// 2 n² μ = 2 n Σx.
		want := new(big.Rat).SetFrac64(diff, 2*int64(n)*sum)
		g, err := metrics.Gini(values)
		require.NoError(t, err)
		assert.Equal(t, want.FloatString(metrics.ValuePlaces), g.StringFixed(metrics.ValuePlaces), "%v", values)
		sorted := slices.Clone(values)
		slices.Sort(sorted)
		top, err := metrics.TopShare(values, 50)
		require.NoError(t, err)
		var topSum int64
		for _, x := range sorted[n-(n+1)/2:] {
			topSum += x
		}
		assert.Equal(t, topSum, top.Numerator(), "%v", values)
	}
}

func TestTopShare(t *testing.T) {
	oneToTen := []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	tests := []struct {
		name    string
		values  []int64
		percent int
		want    string // Ratio.String()
	}{
		// ⌈10·10/100⌉ = 1: the top contributor gave 10 of 55.
		{"top 10 % of ten", oneToTen, 10, "10/55"},
		// ⌈10·25/100⌉ = ⌈2.5⌉ = 3: 10 + 9 + 8 = 27 of 55.
		{"top 25 % rounds up", oneToTen, 25, "27/55"},
		// ⌈11·10/100⌉ = ⌈1.1⌉ = 2: 100 + 10 of 155.
		{"top 10 % of eleven", append(slices.Clone(oneToTen), 100), 10, "110/155"},
		// At least one contributor even when n·p/100 < 1.
		{"tiny group", []int64{3, 9}, 1, "9/12"},
		// Everyone: the whole.
		{"top 100 %", oneToTen, 100, "55/55"},
		// Ties at the cut: any of the 5s gives the same sum.
		{"ties", []int64{5, 5, 5, 5}, 50, "10/20"},
		// Nothing contributed: 0/0, undefined.
		{"all zero", []int64{0, 0}, 10, "0/0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.values)
			got, err := metrics.TopShare(in, tt.percent)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
			assert.Equal(t, tt.values, in, "the caller's slice is untouched")
		})
	}
	t.Run("25 contributors: top 10 % is 3", func(t *testing.T) {
		values := make([]int64, 25)
		for i := range values {
			values[i] = 1
		}
		got, err := metrics.TopShare(values, 10)
		require.NoError(t, err)
		assert.Equal(t, "3/25", got.String())
		assert.Equal(t, "12.00 %", got.PercentText())
	})
}

func TestTopShareErrors(t *testing.T) {
	tests := []struct {
		name    string
		values  []int64
		percent int
		want    error
	}{
		{"percent zero", []int64{1}, 0, metrics.ErrOutOfRange},
		{"percent above 100", []int64{1}, 101, metrics.ErrOutOfRange},
		{"empty", nil, 10, metrics.ErrEmpty},
		{"negative", []int64{1, -2}, 10, metrics.ErrNegative},
		{"overflow", []int64{math.MaxInt64, math.MaxInt64}, 10, metrics.ErrOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := metrics.TopShare(tt.values, tt.percent)
			require.ErrorIs(t, err, tt.want)
			var ie *metrics.FieldError
			require.ErrorAs(t, err, &ie)
		})
	}
}
