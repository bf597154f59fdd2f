package metrics_test

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/civitas-go/civitas/metrics"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGroupCounter(t *testing.T) {
	var g metrics.GroupCounter[string]
	assert.Equal(t, int64(0), g.Total(), "the zero value is empty")
	assert.False(t, g.Share("north").Defined(), "a share of nothing is undefined")
	assert.Nil(t, g.GroupCounts())

	for _, area := range []string{"north", "south", "north", "east", "north"} {
		g.Add(area)
	}
	// north 3, south 1, east 1; total 5.
	assert.Equal(t, int64(5), g.Total())
	assert.Equal(t, 3, g.Len())
	assert.Equal(t, int64(3), g.Count("north"))
	assert.Equal(t, int64(0), g.Count("west"))
	assert.Equal(t, mustRatio(t, 3, 5), g.Share("north"))
	assert.Equal(t, mustRatio(t, 0, 5), g.Share("west"))
	assert.Equal(t, []metrics.GroupCount{{Group: "east", Count: 1}, {Group: "north", Count: 3}, {Group: "south", Count: 1}},
		g.GroupCounts(), "sorted by group")

	var first []string
	for k := range g.All() {
		first = append(first, k)
		break
	}
	assert.Equal(t, []string{"east"}, first, "All stops when the loop does")
}

func TestGroupCounterIntegerKeys(t *testing.T) {
	var g metrics.GroupCounter[int]
	for _, band := range []int{10, 2, 10, -1} {
		g.Add(band)
	}
	// Sorted as integers (-1, 2, 10), not as text ("-1", "10", "2").
	assert.Equal(t, []metrics.GroupCount{{Group: "-1", Count: 1}, {Group: "2", Count: 1}, {Group: "10", Count: 2}}, g.GroupCounts())
}

func TestGroupCounterMerge(t *testing.T) {
	var a, b metrics.GroupCounter[string]
	a.Add("north")
	a.Add("south")
	b.Add("north")
	b.Add("east")

	require.NoError(t, a.Merge(&b))
	// north 1+1, south 1, east 1.
	assert.Equal(t, []metrics.GroupCount{{Group: "east", Count: 1}, {Group: "north", Count: 2}, {Group: "south", Count: 1}}, a.GroupCounts())
	assert.Equal(t, int64(4), a.Total())
	assert.Equal(t, int64(2), b.Total(), "Merge must not change its argument")

	require.NoError(t, a.Merge(nil))
	require.NoError(t, a.Merge(&metrics.GroupCounter[string]{}))
	assert.Equal(t, int64(4), a.Total())

	var empty metrics.GroupCounter[string]
	require.NoError(t, empty.Merge(&a))
	assert.Equal(t, a.GroupCounts(), empty.GroupCounts(), "merging into the zero value copies")

	t.Run("overflow changes nothing", func(t *testing.T) {
		var big metrics.GroupCounter[string]
		require.NoError(t, json.Unmarshal([]byte(`[["north",9223372036854775806]]`), &big))
		var one metrics.GroupCounter[string]
		one.Add("south")
		require.NoError(t, big.Merge(&one)) // MaxInt64 - 1 + 1 = MaxInt64 fits
		assert.Equal(t, int64(math.MaxInt64), big.Total())

		require.ErrorIs(t, big.Merge(&one), metrics.ErrOverflow)
		assert.Equal(t, int64(math.MaxInt64), big.Total())
		assert.Equal(t, int64(1), big.Count("south"))
	})
}

func TestGroupCounterJSON(t *testing.T) {
	var g metrics.GroupCounter[string]
	for _, area := range []string{"south", "north", "north"} {
		g.Add(area)
	}
	b, err := json.Marshal(g)
	require.NoError(t, err)
	assert.Equal(t, `[["north",2],["south",1]]`, string(b), "pairs sorted by group")

	var got metrics.GroupCounter[string]
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, g.GroupCounts(), got.GroupCounts())
	assert.Equal(t, g.Total(), got.Total())

	b, err = json.Marshal(metrics.GroupCounter[string]{})
	require.NoError(t, err)
	assert.Equal(t, `[]`, string(b))

	assertDecodeRejects(t, g, []jsonDecodeCase{
		{"not a pair", `[["north",1,2]]`, metrics.ErrInconsistent},
		{"repeated group", `[["north",1],["north",2]]`, metrics.ErrInconsistent},
		{"negative count", `[["north",-1]]`, metrics.ErrNegative},
		{"zero count", `[["north",0]]`, metrics.ErrOutOfRange},
		{"total overflows", `[["north",9223372036854775807],["south",1]]`, metrics.ErrOverflow},
	})
	t.Run("wrong types", func(t *testing.T) {
		var got metrics.GroupCounter[string]
		var typeErr *json.UnmarshalTypeError
		require.ErrorAs(t, json.Unmarshal([]byte(`[[1,1]]`), &got), &typeErr)
		require.ErrorAs(t, json.Unmarshal([]byte(`[["a","1"]]`), &got), &typeErr)
		require.ErrorAs(t, json.Unmarshal([]byte(`{"a":1}`), &got), &typeErr)
	})
	t.Run("a key JSON cannot write", func(t *testing.T) {
		var f metrics.GroupCounter[float64]
		f.Add(math.Inf(1))
		_, err := json.Marshal(f)
		require.Error(t, err)
	})
}

func TestDistinctCounter(t *testing.T) {
	var d metrics.DistinctCounter[string]
	assert.Equal(t, int64(0), d.Count())
	// Ann is reached three times, Bo once: two people.
	for _, who := range []string{"ann", "bo", "ann", "ann"} {
		d.Add(who)
	}
	assert.Equal(t, int64(2), d.Count())
	assert.True(t, d.Contains("ann"))
	assert.False(t, d.Contains("cy"))

	var e metrics.DistinctCounter[string]
	e.Add("bo")
	e.Add("cy")
	d.Merge(&e)
	// {ann, bo} ∪ {bo, cy} = {ann, bo, cy}.
	assert.Equal(t, int64(3), d.Count())
	assert.Equal(t, int64(2), e.Count(), "Merge must not change its argument")

	d.Merge(nil)
	var empty metrics.DistinctCounter[string]
	d.Merge(&empty)
	assert.Equal(t, int64(3), d.Count())
	empty.Merge(&d)
	assert.Equal(t, int64(3), empty.Count())
}

func TestDistinctCounterJSON(t *testing.T) {
	var d metrics.DistinctCounter[string]
	for _, who := range []string{"cy", "ann", "bo"} {
		d.Add(who)
	}
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Equal(t, `["ann","bo","cy"]`, string(b), "keys sorted by their JSON")

	var got metrics.DistinctCounter[string]
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, int64(3), got.Count())
	for _, who := range []string{"ann", "bo", "cy"} {
		assert.True(t, got.Contains(who))
	}

	t.Run("repeated key", func(t *testing.T) {
		got := d
		// "\u0061nn" is another spelling of "ann".
		require.ErrorIs(t, json.Unmarshal([]byte(`["ann","\u0061nn"]`), &got), metrics.ErrInconsistent)
		assert.Equal(t, int64(3), got.Count(), "a failed decode must not change the set")
	})
	t.Run("wrong type", func(t *testing.T) {
		var got metrics.DistinctCounter[int]
		var typeErr *json.UnmarshalTypeError
		require.ErrorAs(t, json.Unmarshal([]byte(`["ann"]`), &got), &typeErr)
	})
	t.Run("a key JSON cannot write", func(t *testing.T) {
		var f metrics.DistinctCounter[float64]
		f.Add(math.NaN())
		_, err := json.Marshal(f)
		require.Error(t, err)
	})
}

func TestResponseTimes(t *testing.T) {
	var rt metrics.ResponseTimes
	_, err := rt.Percentile(50)
	require.ErrorIs(t, err, metrics.ErrEmpty)
	_, err = rt.Summary()
	require.ErrorIs(t, err, metrics.ErrEmpty)
	assert.False(t, rt.ShareWithin(time.Hour).Defined())

	// 1 s … 10 s, the first as 1.9 s, which counts as 1 s (truncated).
	require.NoError(t, rt.Add(1900*time.Millisecond))
	for s := 2; s <= 10; s++ {
		require.NoError(t, rt.Add(time.Duration(s)*time.Second))
	}
	require.ErrorIs(t, rt.Add(-time.Second), metrics.ErrNegative)
	assert.Equal(t, int64(10), rt.Count(), "a rejected Add changes nothing")

	tests := []struct {
		p    int
		want time.Duration
	}{
		// Nearest rank ⌈p·n/100⌉ of n = 10 sorted values 1 … 10 s.
		{1, 1 * time.Second},   // ⌈0.1⌉ = 1: the 1.9 s response, truncated
		{20, 2 * time.Second},  // ⌈2⌉ = 2
		{50, 5 * time.Second},  // ⌈5⌉ = 5
		{51, 6 * time.Second},  // ⌈5.1⌉ = 6
		{90, 9 * time.Second},  // ⌈9⌉ = 9
		{91, 10 * time.Second}, // ⌈9.1⌉ = 10
		{100, 10 * time.Second},
	}
	for _, tt := range tests {
		got, err := rt.Percentile(tt.p)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "p%d", tt.p)
	}
	for _, p := range []int{0, 101, -50} {
		_, err := rt.Percentile(p)
		require.ErrorIs(t, err, metrics.ErrOutOfRange, "p%d", p)
	}

	s, err := rt.Summary()
	require.NoError(t, err)
	assert.Equal(t, metrics.ResponseTimeSummary{Count: 10, Median: 5 * time.Second, P90: 9 * time.Second}, s)

	// Within 3 s: 1, 2, 3 → 3 of 10. Within 3.9 s: still 3 (4 s > 3.9 s).
	// Within 0: none; a negative limit: none.
	assert.Equal(t, mustRatio(t, 3, 10), rt.ShareWithin(3*time.Second))
	assert.Equal(t, mustRatio(t, 3, 10), rt.ShareWithin(3900*time.Millisecond))
	assert.Equal(t, mustRatio(t, 0, 10), rt.ShareWithin(0))
	assert.Equal(t, mustRatio(t, 0, 10), rt.ShareWithin(-time.Second))
	assert.Equal(t, mustRatio(t, 10, 10), rt.ShareWithin(14*day))
}

// TestResponseTimesMatchesSlice checks the accumulator against
// NearestRankPercentile on the full slice of truncated durations.
func TestResponseTimesMatchesSlice(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for _, n := range []int{1, 2, 3, 99, 100, 101, 1000} {
		var rt metrics.ResponseTimes
		all := make([]time.Duration, n)
		for i := range all {
			d := time.Duration(rng.Int64N(int64(72 * time.Hour)))
			require.NoError(t, rt.Add(d))
			all[i] = d.Truncate(time.Second)
		}
		for _, p := range []int{1, 25, 50, 90, 99, 100} {
			want, err := metrics.NearestRankPercentile(all, p)
			require.NoError(t, err)
			got, err := rt.Percentile(p)
			require.NoError(t, err)
			assert.Equal(t, want, got, "n=%d p=%d", n, p)
		}
	}
}

func TestResponseTimesMerge(t *testing.T) {
	var a, b metrics.ResponseTimes
	require.NoError(t, a.Add(time.Second))
	require.NoError(t, b.Add(3*time.Second))
	require.NoError(t, b.Add(2*time.Second))
	require.NoError(t, a.Merge(&b))
	require.NoError(t, a.Merge(nil))
	// {1, 2, 3} s: median rank ⌈1.5⌉ = 2 → 2 s.
	assert.Equal(t, int64(3), a.Count())
	m, err := a.Percentile(50)
	require.NoError(t, err)
	assert.Equal(t, 2*time.Second, m)
	assert.Equal(t, int64(2), b.Count(), "Merge must not change its argument")
}

func TestResponseTimesJSON(t *testing.T) {
	var rt metrics.ResponseTimes
	for _, d := range []time.Duration{300 * time.Second, 120 * time.Second, 120500 * time.Millisecond} {
		require.NoError(t, rt.Add(d))
	}
	got, b := stableJSON(t, rt)
	// 120 s twice (120.5 s truncates), 300 s once.
	assert.Equal(t, `{"seconds":[[120,2],[300,1]]}`, string(b))
	assert.Equal(t, rt.Count(), got.Count())

	var empty metrics.ResponseTimes
	require.NoError(t, json.Unmarshal([]byte(`{}`), &empty))
	assert.Equal(t, int64(0), empty.Count())

	assertDecodeRejects(t, rt, []jsonDecodeCase{
		{"negative seconds", `{"seconds":[[-1,1]]}`, metrics.ErrNegative},
		{"beyond time.Duration", `{"seconds":[[9223372037,1]]}`, metrics.ErrOutOfRange},
		{"zero count", `{"seconds":[[5,0]]}`, metrics.ErrOutOfRange},
	})
	t.Run("largest seconds", func(t *testing.T) {
		// ⌊(2⁶³−1) ns / 1 s⌋ = 9223372036 s is the longest whole-second duration.
		var got metrics.ResponseTimes
		require.NoError(t, json.Unmarshal([]byte(`{"seconds":[[9223372036,1]]}`), &got))
		p, err := got.Percentile(100)
		require.NoError(t, err)
		assert.Equal(t, 9223372036*time.Second, p)
	})
	t.Run("not JSON", func(t *testing.T) {
		var got metrics.ResponseTimes
		var syntaxErr *json.SyntaxError
		require.ErrorAs(t, json.Unmarshal([]byte(`{"seconds":[`), &got), &syntaxErr)
	})
}

// TestMergeOrder checks on fixed data what FuzzMergeShards checks on random
// data: shards merged in any order equal one pass.
func TestMergeOrder(t *testing.T) {
	data := []byte("the quick brown fox jumps over the lazy dog, twice: the quick brown fox")
	one := accumulateAll(data)
	shards := []*accumulators{accumulateAll(data[:10]), accumulateAll(data[10:11]), accumulateAll(data[11:40]), accumulateAll(data[40:])}
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}} {
		var merged accumulators
		for _, i := range order {
			require.NoError(t, merged.merge(shards[i]))
		}
		assertSameAccumulators(t, one, &merged)
	}
}

// accumulators holds one of each accumulator, fed from bytes for the merge
// tests: each byte is a record whose group is b%7, participant b%23 and
// response time b·37 s + b ms.
type accumulators struct {
	groups metrics.GroupCounter[byte]
	people metrics.DistinctCounter[byte]
	times  metrics.ResponseTimes
}

func accumulateAll(data []byte) *accumulators {
	var a accumulators
	for _, b := range data {
		a.groups.Add(b % 7)
		a.people.Add(b % 23)
		if err := a.times.Add(time.Duration(b)*37*time.Second + time.Duration(b)*time.Millisecond); err != nil {
			panic(err) // never negative
		}
	}
	return &a
}

func (a *accumulators) merge(o *accumulators) error {
	if err := a.groups.Merge(&o.groups); err != nil {
		return err
	}
	a.people.Merge(&o.people)
	return a.times.Merge(&o.times)
}

// assertSameAccumulators compares two sets of accumulators by everything
// they can be read by, including their JSON bytes.
func assertSameAccumulators(t *testing.T, want, got *accumulators) {
	t.Helper()
	for _, pair := range [][2]any{{want.groups, got.groups}, {want.people, got.people}, {want.times, got.times}} {
		w, err := json.Marshal(pair[0])
		require.NoError(t, err)
		g, err := json.Marshal(pair[1])
		require.NoError(t, err)
		assert.Equal(t, string(w), string(g))
	}
	assert.Equal(t, want.groups.Total(), got.groups.Total())
	assert.Equal(t, want.people.Count(), got.people.Count())
	assert.Equal(t, want.times.Count(), got.times.Count())
	for _, p := range []int{1, 50, 90, 100} {
		w, werr := want.times.Percentile(p)
		g, gerr := got.times.Percentile(p)
		assert.Equal(t, werr == nil, gerr == nil)
		assert.Equal(t, w, g, "p%d", p)
	}
	assert.True(t, slices.Equal(want.groups.GroupCounts(), got.groups.GroupCounts()))
}
