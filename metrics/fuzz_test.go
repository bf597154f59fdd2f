package metrics_test

import (
	"encoding/json"
	"github.com/civitas-go/civitas/internal/enum"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/civitas-go/civitas/metrics"
	"github.com/stretchr/testify/require"
)

// FuzzParseEnums checks every ParseX: it accepts exactly the names String
// writes, and rejects everything else with ErrOutOfRange.
func FuzzParseEnums(f *testing.F) {
	for _, s := range []string{"met", "not_met", "undefined", "at_least", "between", "percent", "days",
		"higher_is_better", "lower_is_better", "", "Met", "percent ", "\xff"} {
		f.Add(s)
	}
	parsers := []func(string) (textEnum, error){
		parseAs(metrics.ParsePolarity), parseAs(metrics.ParseComparison),
		parseAs(metrics.ParseVerdict), parseAs(metrics.ParseUnit),
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, parse := range parsers {
			v, err := parse(s)
			if err != nil {
				require.ErrorIs(t, err, metrics.ErrInvalid)
				continue
			}
			require.True(t, v.IsValid())
			// The one matching rule: the wire name up to case, surrounding
			// space and the word separator.
			require.Equal(t, enum.Key(s), v.String())
			b, err := v.MarshalText()
			require.NoError(t, err)
			require.Equal(t, v.String(), string(b))
		}
	})
}

// stableJSON encodes v, decodes the bytes into a new T and encodes that
// again; it checks that both encodings are the same bytes and returns the
// decoded value and the bytes.
func stableJSON[T any](t *testing.T, v T) (T, []byte) {
	t.Helper()
	once, err := json.Marshal(v)
	require.NoError(t, err)
	var back T
	require.NoError(t, json.Unmarshal(once, &back), "%s", once)
	twice, err := json.Marshal(back)
	require.NoError(t, err)
	require.Equal(t, string(once), string(twice), "a second round trip must give the same bytes")
	return back, once
}

// roundTrip decodes b into a new T; when that succeeds, it checks that the
// value round-trips exactly, so decoding accepts only what encoding can
// write back.
func roundTrip[T any](t *testing.T, b []byte) {
	var v T
	if json.Unmarshal(b, &v) == nil {
		stableJSON(t, v)
	}
}

// FuzzScorecardJSON checks that decoding a scorecard, or any of its parts,
// never panics, and that whatever decodes round-trips exactly.
func FuzzScorecardJSON(f *testing.F) {
	sc, err := json.Marshal(sampleScorecard(f))
	require.NoError(f, err)
	f.Add(sc)
	for _, s := range []string{
		`{"title":"t","rows":[]}`,
		`{"ratio":{"numerator":1,"denominator":3}}`, `{"count":3}`, `{"decimal":"3.80"}`, `{"seconds":"1.5"}`, `{}`,
		`{"comparison":"between","min":"1e3","max":"1e4"}`,
		`{"numerator":9223372036854775807,"denominator":1,"value":"9223372036854775807.000000"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		roundTrip[metrics.Scorecard](t, b)
		roundTrip[metrics.Evaluation](t, b)
		roundTrip[metrics.Indicator](t, b)
		roundTrip[metrics.Target](t, b)
		roundTrip[metrics.Measurement](t, b)
		roundTrip[metrics.Ratio](t, b)
	})
}

// FuzzAccumulatorJSON checks that decoding an accumulator never panics and
// that whatever decodes round-trips exactly.
func FuzzAccumulatorJSON(f *testing.F) {
	for _, s := range []string{`[["north",2],["south",1]]`, `[[1,2]]`, `["a","b"]`, `[1,2,3]`,
		`{"seconds":[[120,2],[300,1]]}`, `{"seconds":[[-1,1]]}`, `[]`, `null`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		roundTrip[metrics.GroupCounter[string]](t, b)
		roundTrip[metrics.GroupCounter[int64]](t, b)
		roundTrip[metrics.DistinctCounter[string]](t, b)
		roundTrip[metrics.DistinctCounter[int]](t, b)
		roundTrip[metrics.ResponseTimes](t, b)
	})
}

// FuzzMergeShards checks the property that makes the accumulators
// shardable: data split into shards at fuzz-chosen points, each shard
// counted on its own and sent through JSON (as between machines), then
// merged in a fuzz-chosen order, gives exactly the one-pass result.
func FuzzMergeShards(f *testing.F) {
	f.Add([]byte("the quick brown fox jumps over the lazy dog"), []byte{3, 200, 17}, uint64(1))
	f.Add([]byte{}, []byte{}, uint64(0))
	f.Add([]byte{0, 0, 0, 255, 255}, []byte{0, 0, 5}, uint64(42))
	f.Fuzz(func(t *testing.T, data, cuts []byte, order uint64) {
		one := accumulateAll(data)

		points := []int{0, len(data)}
		for _, c := range cuts {
			points = append(points, int(c)%(len(data)+1))
		}
		sort.Ints(points)
		var shards []*accumulators
		for i := 1; i < len(points); i++ {
			shards = append(shards, viaJSON(t, accumulateAll(data[points[i-1]:points[i]])))
		}
		rng := rand.New(rand.NewPCG(order, order>>32))
		rng.Shuffle(len(shards), func(i, j int) { shards[i], shards[j] = shards[j], shards[i] })

		// Merge as a tree in the shuffled order half the time, as a chain
		// the other half: grouping must not matter either.
		for len(shards) > 1 {
			if order%2 == 0 {
				require.NoError(t, shards[0].merge(shards[1]))
				shards = slices.Delete(shards, 1, 2)
				continue
			}
			var next []*accumulators
			for i := 0; i < len(shards); i += 2 {
				if i+1 < len(shards) {
					require.NoError(t, shards[i].merge(shards[i+1]))
				}
				next = append(next, shards[i])
			}
			shards = next
		}
		assertSameAccumulators(t, one, shards[0])
	})
}

// viaJSON returns a copy of a made by encoding it to JSON and decoding it.
func viaJSON(t *testing.T, a *accumulators) *accumulators {
	t.Helper()
	var out accumulators
	for _, pair := range [][2]any{{&a.groups, &out.groups}, {&a.people, &out.people}, {&a.times, &out.times}} {
		b, err := json.Marshal(pair[0])
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(b, pair[1]))
	}
	return &out
}
