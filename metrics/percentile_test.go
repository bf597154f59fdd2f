package metrics_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
)

func TestNearestRank(t *testing.T) {
	for _, tt := range []struct {
		n    int64
		p    int
		want int64
	}{
		{1, 50, 1}, {10, 50, 5}, {10, 90, 9}, {11, 50, 6}, {11, 90, 10}, {100, 1, 1}, {7, 100, 7},
		{math.MaxInt64, 100, math.MaxInt64}, {math.MaxInt64, 50, math.MaxInt64/2 + 1},
		{0, 50, 0}, {10, 0, 0}, {10, 101, 0},
	} {
		assert.Equal(t, tt.want, metrics.NearestRank(tt.n, tt.p), "n=%d p=%d", tt.n, tt.p)
	}
}

// TestSelectPercentilesAgreesWithSort checks the selection against the
// definition applied to a sorted copy, on values with many ties.
func TestSelectPercentilesAgreesWithSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 3, 16, 17, 100, 1001, 20000} {
		values := make([]int64, n)
		for i := range values {
			values[i] = r.Int64N(int64(n/3 + 1))
		}
		sorted := slices.Sorted(slices.Values(values))
		got, err := metrics.SelectPercentiles(slices.Clone(values), 1, 50, 90, 100)
		require.NoError(t, err)
		for k, p := range []int{1, 50, 90, 100} {
			assert.Equal(t, sorted[metrics.NearestRank(int64(n), p)-1], got[k], "n=%d p=%d", n, p)
		}
	}
}

func TestSelectPercentilesErrors(t *testing.T) {
	_, err := metrics.SelectPercentiles([]float64{})
	require.ErrorIs(t, err, metrics.ErrEmpty)
	for _, ps := range [][]int{{0}, {101}, {90, 50}, {50, 50}} {
		_, err = metrics.SelectPercentiles([]int{1, 2}, ps...)
		require.ErrorIs(t, err, metrics.ErrOutOfRange, "%v", ps)
	}
}

// TestOnePercentileDefinition holds the three doors to a percentile (a
// slice of durations, the accumulator and the selection) to the same
// answer on the same response times.
func TestOnePercentileDefinition(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	durations := make([]time.Duration, 999)
	var acc metrics.ResponseTimes
	for i := range durations {
		durations[i] = time.Duration(r.Int64N(30*24*3600)) * time.Second
		require.NoError(t, acc.Add(durations[i]))
	}
	for _, p := range []int{1, 50, 90, 99, 100} {
		a, err := metrics.NearestRankPercentile(durations, p)
		require.NoError(t, err)
		b, err := acc.Percentile(p)
		require.NoError(t, err)
		c, err := metrics.SelectPercentiles(slices.Clone(durations), p)
		require.NoError(t, err)
		assert.Equal(t, a, b, "p=%d", p)
		assert.Equal(t, a, c[0], "p=%d", p)
	}
}
