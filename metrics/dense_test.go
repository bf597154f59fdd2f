package metrics_test

import (
	"encoding/json"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
)

func TestIDIndex(t *testing.T) {
	var x metrics.IDIndex
	_, ok := x.Lookup(uuid.UUID{1})
	assert.False(t, ok, "the zero index is empty")
	for i := range 1000 { // grows through several doublings
		id := uuid.UUID{0: byte(i), 1: byte(i >> 8), 15: 7}
		n, err := x.Number(id)
		require.NoError(t, err)
		assert.Equal(t, uint32(i), n)
	}
	for i := range 1000 {
		id := uuid.UUID{0: byte(i), 1: byte(i >> 8), 15: 7}
		n, err := x.Number(id)
		require.NoError(t, err)
		assert.Equal(t, uint32(i), n, "an ID seen again gets its number back")
		got, ok := x.Lookup(id)
		require.True(t, ok)
		assert.Equal(t, n, got)
		assert.Equal(t, id, x.ID(n))
	}
	assert.Equal(t, 1000, x.Len())
	_, ok = x.Lookup(uuid.UUID{15: 8})
	assert.False(t, ok)
}

func TestDistinctIDsEqualsDistinctCounter(t *testing.T) {
	var dense metrics.DistinctIDs
	var ref metrics.DistinctCounter[uint32]
	ns := []uint32{5, 70000, 5, 0, 63, 64, 128, 70000, 1 << 20}
	dense.AddAll(ns[:4])
	for _, n := range ns[4:] {
		dense.Add(n)
	}
	for _, n := range ns {
		ref.Add(n)
	}
	assert.Equal(t, ref.Count(), dense.Count())
	for _, n := range ns {
		assert.True(t, dense.Contains(n))
	}
	assert.False(t, dense.Contains(6))
	assert.False(t, dense.Contains(1<<30), "beyond the bitmap")
	assert.Equal(t, []uint32{0, 5, 63, 64, 128, 70000, 1 << 20}, slices.Collect(dense.All()))

	var other metrics.DistinctIDs
	other.Grow(10)
	other.AddAll([]uint32{1, 5, 1 << 21})
	dense.Merge(&other)
	dense.Merge(nil)
	assert.Equal(t, int64(9), dense.Count(), "a union: 5 was in both")

	b, err := json.Marshal(dense)
	require.NoError(t, err)
	var back metrics.DistinctIDs
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, slices.Collect(dense.All()), slices.Collect(back.All()))
	assert.Equal(t, dense.Count(), back.Count())
	require.ErrorIs(t, json.Unmarshal([]byte(`[1,2,1]`), &back), metrics.ErrInconsistent)
	require.ErrorIs(t, back.UnmarshalJSON([]byte(`{`)), metrics.ErrInvalid)
	assert.Equal(t, dense.Count(), back.Count(), "a failed decode changes nothing")
}

func TestIndexCounter(t *testing.T) {
	var c metrics.IndexCounter
	c.AddAll([]uint32{0, 2, 2, 5})
	c.Add(2)
	assert.Equal(t, int64(5), c.Total())
	assert.Equal(t, int64(3), c.Count(2))
	assert.Equal(t, int64(0), c.Count(99))
	var o metrics.IndexCounter
	o.Add(7)
	require.NoError(t, c.Merge(&o))
	require.NoError(t, c.Merge(nil))
	assert.Equal(t, int64(6), c.Total())

	groups, err := c.GroupCounts([]string{"a", "b", "c", "d", "e", "f", "g", "h"})
	require.NoError(t, err)
	assert.Equal(t, metrics.GroupCount{Group: "c", Count: 3}, groups[2])
	assert.Equal(t, metrics.GroupCount{Group: "h", Count: 1}, groups[7])
	_, err = c.GroupCounts([]string{"a", "b"})
	require.ErrorIs(t, err, metrics.ErrMismatchedGroups, "records in a group with no label")
}

// TestResponseTimesCarries counts past 255 responses in one second (the
// byte array's carry) and beyond the dense range, and holds the figures to
// the definition on the same durations.
func TestResponseTimesCarries(t *testing.T) {
	var rt metrics.ResponseTimes
	var all []time.Duration
	add := func(secs int64, n int) {
		for range n {
			require.NoError(t, rt.AddSeconds(secs))
			all = append(all, time.Duration(secs)*time.Second)
		}
	}
	add(3, 700)                              // carries twice
	add(90, 256)                             // exactly one carry
	add(metrics.DenseResponseSeconds+5, 300) // the sparse map
	require.NoError(t, rt.AddAllSeconds([]int32{7, 7}))
	all = append(all, 7*time.Second, 7*time.Second)
	assert.Equal(t, int64(len(all)), rt.Count())
	for _, p := range []int{1, 50, 60, 75, 90, 100} {
		want, err := metrics.NearestRankPercentile(all, p)
		require.NoError(t, err)
		got, err := rt.Percentile(p)
		require.NoError(t, err)
		assert.Equal(t, want, got, "p=%d", p)
	}
	assert.Equal(t, "702/1258", rt.ShareWithin(10*time.Second).String())

	var merged metrics.ResponseTimes
	require.NoError(t, merged.Merge(&rt))
	require.NoError(t, merged.Merge(&rt))
	p50, _ := merged.Percentile(50)
	want, _ := rt.Percentile(50)
	assert.Equal(t, want, p50, "two copies have the same median")
	assert.Equal(t, 2*rt.Count(), merged.Count())

	b, err := json.Marshal(rt)
	require.NoError(t, err)
	var back metrics.ResponseTimes
	require.NoError(t, json.Unmarshal(b, &back))
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
	assert.Equal(t, rt.Count(), back.Count())

	require.ErrorIs(t, rt.AddSeconds(-1), metrics.ErrNegative)
	require.ErrorIs(t, rt.AddSeconds(math.MaxInt64), metrics.ErrOutOfRange)
	require.ErrorIs(t, rt.AddAllSeconds([]int32{1, -2}), metrics.ErrNegative)
}
