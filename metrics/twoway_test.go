package metrics_test

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
)

// The five part-of-whole rates of two-way engagement share one shape; each
// is tested with the same cases under its own input names.
func TestPartOfWholeRates(t *testing.T) {
	rates := []struct {
		name            string
		rate            func(part, whole int64) (metrics.Ratio, error)
		partName, whole string
	}{
		{"AttendanceRate", metrics.AttendanceRate, "attended", "registered"},
		{"Turnout", metrics.Turnout, "participants", "eligible"},
		{"Retention", metrics.Retention, "retained", "earlier"},
		{"ClosingTheLoopRate", metrics.ClosingTheLoopRate, "answered", "inputs"},
		{"InfluenceRate", metrics.InfluenceRate, "shaped", "inputs"},
	}
	known := []struct {
		name        string
		part, whole int64
		percent     string
	}{
		{"45 of 60 = 75 %", 45, 60, "75.00 %"},
		{"1234 of 10000 = 12.34 %", 1234, 10_000, "12.34 %"},
		{"7 of 8 = 87.5 %", 7, 8, "87.50 %"},
		{"3 of 40 = 7.5 %", 3, 40, "7.50 %"},
		{"2 of 3 = 66.666… % rounds up", 2, 3, "66.67 %"},
		{"none of 5", 0, 5, "0.00 %"},
		{"all", 5, 5, "100.00 %"},
		{"zero whole", 0, 0, "undefined"},
	}
	bad := []struct {
		name        string
		part, whole int64
		want        error
		partInput   bool // whether the error names the part (else the whole)
	}{
		{"negative part", -1, 5, metrics.ErrNegative, true},
		{"negative whole", 0, -5, metrics.ErrNegative, false},
		{"part above whole", 6, 5, metrics.ErrPartExceedsWhole, true},
	}
	for _, r := range rates {
		t.Run(r.name, func(t *testing.T) {
			for _, tc := range known {
				t.Run(tc.name, func(t *testing.T) {
					got, err := r.rate(tc.part, tc.whole)
					require.NoError(t, err)
					assertRatioIs(t, got, tc.part, tc.whole, tc.percent)
				})
			}
			for _, tc := range bad {
				t.Run(tc.name, func(t *testing.T) {
					got, err := r.rate(tc.part, tc.whole)
					input := r.whole
					if tc.partInput {
						input = r.partName
					}
					requireInputErr(t, err, tc.want, input)
					assert.Equal(t, metrics.Ratio{}, got)
				})
			}
		})
	}
}

func TestConversionFunnel(t *testing.T) {
	t.Run("five stages", func(t *testing.T) {
		steps, err := metrics.ConversionFunnel(
			metrics.FunnelStage{Name: "invited", Count: 1200},
			metrics.FunnelStage{Name: "opened", Count: 600},
			metrics.FunnelStage{Name: "registered", Count: 150},
			metrics.FunnelStage{Name: "attended", Count: 90},
			metrics.FunnelStage{Name: "submitted", Count: 45},
		)
		require.NoError(t, err)
		want := []struct {
			name                      string
			count                     int64
			fromPrevious, fromFirst   string
			previousCount, firstCount int64
		}{
			{"invited", 1200, "100.00 %", "100.00 %", 1200, 1200}, // its own base
			{"opened", 600, "50.00 %", "50.00 %", 1200, 1200},     // 600/1200
			{"registered", 150, "25.00 %", "12.50 %", 600, 1200},  // 150/600, 150/1200
			{"attended", 90, "60.00 %", "7.50 %", 150, 1200},      // 90/150, 90/1200
			{"submitted", 45, "50.00 %", "3.75 %", 90, 1200},      // 45/90, 45/1200
		}
		require.Len(t, steps, len(want))
		for i, w := range want {
			assert.Equal(t, w.name, steps[i].Name)
			assert.Equal(t, w.count, steps[i].Count)
			assertRatioIs(t, steps[i].FromPrevious, w.count, w.previousCount, w.fromPrevious)
			assertRatioIs(t, steps[i].FromFirst, w.count, w.firstCount, w.fromFirst)
		}
	})

	t.Run("one stage", func(t *testing.T) {
		steps, err := metrics.ConversionFunnel(metrics.FunnelStage{Name: "visited", Count: 3})
		require.NoError(t, err)
		require.Len(t, steps, 1)
		assertRatioIs(t, steps[0].FromPrevious, 3, 3, "100.00 %")
		assertRatioIs(t, steps[0].FromFirst, 3, 3, "100.00 %")
	})

	t.Run("nobody entered", func(t *testing.T) {
		steps, err := metrics.ConversionFunnel(
			metrics.FunnelStage{Name: "invited", Count: 0},
			metrics.FunnelStage{Name: "came", Count: 0},
		)
		require.NoError(t, err)
		for _, s := range steps {
			assert.False(t, s.FromPrevious.Defined())
			assert.False(t, s.FromFirst.Defined())
		}
	})

	t.Run("after a stage nobody reached", func(t *testing.T) {
		steps, err := metrics.ConversionFunnel(
			metrics.FunnelStage{Name: "invited", Count: 10},
			metrics.FunnelStage{Name: "registered", Count: 0},
			metrics.FunnelStage{Name: "attended", Count: 0},
		)
		require.NoError(t, err)
		assertRatioIs(t, steps[1].FromPrevious, 0, 10, "0.00 %")
		assertRatioIs(t, steps[2].FromPrevious, 0, 0, "undefined")
		assertRatioIs(t, steps[2].FromFirst, 0, 10, "0.00 %")
	})

	t.Run("JSON", func(t *testing.T) {
		steps, err := metrics.ConversionFunnel(
			metrics.FunnelStage{Name: "invited", Count: 4},
			metrics.FunnelStage{Name: "came", Count: 1},
		)
		require.NoError(t, err)
		assertJSONRoundTrip(t, steps)
	})
}

func TestConversionFunnelErrors(t *testing.T) {
	tests := []struct {
		name   string
		stages []metrics.FunnelStage
		want   error
		input  string
	}{
		{"no stages", nil, metrics.ErrEmpty, "stages"},
		{"unnamed stage", []metrics.FunnelStage{{"a", 5}, {"", 3}}, metrics.ErrEmpty, "stages[1].name"},
		{"negative first", []metrics.FunnelStage{{"a", -1}}, metrics.ErrNegative, "stages[0].count"},
		{"negative later", []metrics.FunnelStage{{"a", 5}, {"b", -1}}, metrics.ErrNegative, "stages[1].count"},
		{"grows", []metrics.FunnelStage{{"a", 5}, {"b", 3}, {"c", 4}}, metrics.ErrPartExceedsWhole, "stages[2].count"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			steps, err := metrics.ConversionFunnel(tc.stages...)
			requireInputErr(t, err, tc.want, tc.input)
			assert.Nil(t, steps)
		})
	}
}

func TestRetentionOf(t *testing.T) {
	tests := []struct {
		name          string
		earlier       []string
		later         []string
		retained, den int64
	}{
		{"nobody earlier", nil, []string{"a"}, 0, 0},
		{"nobody later", []string{"a", "b"}, nil, 0, 2},
		// Earlier a, b, c, d (a twice counts once); later b, d, e (b twice):
		// b and d came back, 2 of 4.
		{"repeats count once", []string{"a", "b", "c", "d", "a"}, []string{"b", "d", "e", "b"}, 2, 4},
		{"all back", []string{"a", "b"}, []string{"b", "a", "c"}, 2, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := metrics.RetentionOf(slices.Values(tc.earlier), slices.Values(tc.later))
			assert.Equal(t, tc.retained, got.Numerator())
			assert.Equal(t, tc.den, got.Denominator())
			want, err := metrics.Retention(tc.retained, tc.den)
			require.NoError(t, err)
			assert.Equal(t, want, got, "same as Retention of the counts")
		})
	}
}

func TestSummarizeResponseTimes(t *testing.T) {
	m := func(n int) time.Duration { return time.Duration(n) * time.Minute }
	tests := []struct {
		name        string
		durations   []time.Duration
		median, p90 time.Duration
	}{
		{"one", []time.Duration{m(7)}, m(7), m(7)},
		{"zero is allowed", []time.Duration{0, 0}, 0, 0},
		// n = 5, sorted 1..5: median rank ⌈2.5⌉ = 3, p90 rank ⌈4.5⌉ = 5.
		{"five unsorted", []time.Duration{m(5), m(1), m(3), m(2), m(4)}, m(3), m(5)},
		// n = 4: median rank ⌈2⌉ = 2 (the lower middle), p90 rank ⌈3.6⌉ = 4.
		{"four", []time.Duration{40 * time.Second, 10 * time.Second, 30 * time.Second, 20 * time.Second}, 20 * time.Second, 40 * time.Second},
		// n = 10, 1..10 min: median rank 5, p90 rank 9.
		{"ten", []time.Duration{m(10), m(9), m(8), m(7), m(6), m(5), m(4), m(3), m(2), m(1)}, m(5), m(9)},
		// n = 11, 1..11 min: median rank ⌈5.5⌉ = 6, p90 rank ⌈9.9⌉ = 10.
		{"eleven", []time.Duration{m(1), m(2), m(3), m(4), m(5), m(6), m(7), m(8), m(9), m(10), m(11)}, m(6), m(10)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := slices.Clone(tc.durations)
			got, err := metrics.SummarizeResponseTimes(tc.durations)
			require.NoError(t, err)
			assert.Equal(t, metrics.ResponseTimeSummary{Count: len(tc.durations), Median: tc.median, P90: tc.p90}, got)
			assert.Equal(t, before, tc.durations, "input left unsorted")
		})
	}

	_, err := metrics.SummarizeResponseTimes(nil)
	requireInputErr(t, err, metrics.ErrEmpty, "durations")
	_, err = metrics.SummarizeResponseTimes([]time.Duration{time.Hour, -time.Second})
	requireInputErr(t, err, metrics.ErrNegative, "durations[1]")
}

func TestNearestRankPercentile(t *testing.T) {
	// 1..10 seconds: the p-th percentile is the value at rank ⌈p·10/100⌉.
	ds := make([]time.Duration, 10)
	for i := range ds {
		ds[i] = time.Duration(10-i) * time.Second
	}
	tests := []struct {
		p    int
		want time.Duration
	}{
		{1, 1 * time.Second},    // ⌈0.1⌉ = 1
		{10, 1 * time.Second},   // ⌈1⌉ = 1
		{11, 2 * time.Second},   // ⌈1.1⌉ = 2
		{25, 3 * time.Second},   // ⌈2.5⌉ = 3
		{50, 5 * time.Second},   // ⌈5⌉ = 5
		{95, 10 * time.Second},  // ⌈9.5⌉ = 10
		{100, 10 * time.Second}, // the maximum
	}
	for _, tc := range tests {
		got, err := metrics.NearestRankPercentile(ds, tc.p)
		require.NoError(t, err)
		assert.Equal(t, tc.want, got, "p%d", tc.p)
	}

	for _, p := range []int{0, -5, 101} {
		_, err := metrics.NearestRankPercentile(ds, p)
		requireInputErr(t, err, metrics.ErrOutOfRange, "p")
	}
	_, err := metrics.NearestRankPercentile(nil, 50)
	requireInputErr(t, err, metrics.ErrEmpty, "durations")
	_, err = metrics.NearestRankPercentile([]time.Duration{-1}, 50)
	requireInputErr(t, err, metrics.ErrNegative, "durations[0]")
}

func TestRubric(t *testing.T) {
	j := metrics.JustificationRubric()
	assert.True(t, j.IsValid())
	assert.Equal(t, 0, j.Lowest())
	assert.Equal(t, 3, j.Highest())
	assert.Equal(t, 2, j.SubstantiveFrom())
	assert.Equal(t, "0..3, substantive from 2", j.String())
	assert.False(t, metrics.Rubric{}.IsValid())

	r, err := metrics.NewRubric(1, 5, 5)
	require.NoError(t, err)
	assert.Equal(t, "1..5, substantive from 5", r.String())

	tests := []struct {
		name                         string
		lowest, highest, substantive int
		input                        string
	}{
		{"one point", 3, 3, 3, "highest"},
		{"upside down", 5, 1, 3, "highest"},
		{"threshold below", 1, 5, 0, "substantiveFrom"},
		{"threshold above", 1, 5, 6, "substantiveFrom"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := metrics.NewRubric(tc.lowest, tc.highest, tc.substantive)
			requireInputErr(t, err, metrics.ErrOutOfRange, tc.input)
			assert.Equal(t, metrics.Rubric{}, got)
		})
	}
}

func TestRubricJSON(t *testing.T) {
	b, err := json.Marshal(metrics.JustificationRubric())
	require.NoError(t, err)
	assert.JSONEq(t, `{"lowest":0,"highest":3,"substantive_from":2}`, string(b))
	assertJSONRoundTrip(t, metrics.JustificationRubric())
	assertJSONRoundTrip(t, mustRubric(t, -2, 2, 1))

	assertDecodeRejects(t, metrics.JustificationRubric(), []jsonDecodeCase{
		{"upside down", `{"lowest":2,"highest":1,"substantive_from":2}`, metrics.ErrOutOfRange},
		{"zero", `{}`, metrics.ErrOutOfRange},
	})
	var back metrics.Rubric
	var typ *json.UnmarshalTypeError
	require.ErrorAs(t, back.UnmarshalJSON([]byte(`{"lowest":"0"}`)), &typ)
}

func TestAssessFeedback(t *testing.T) {
	tests := []struct {
		name                 string
		rubric               metrics.Rubric
		scores               []int
		substantive, sum, n  int64
		substantivePct, mean string
	}{
		{"none", metrics.JustificationRubric(), nil, 0, 0, 0, "undefined", "undefined"},
		// ≥ 2: 2, 3, 2, 2, 3 = 5 of 8; sum 0+1+2+3+2+2+1+3 = 14; 14/8 = 1.75.
		{"justification", metrics.JustificationRubric(), []int{0, 1, 2, 3, 2, 2, 1, 3}, 5, 14, 8, "62.50 %", "1.750000"},
		{"nothing substantive", metrics.JustificationRubric(), []int{0, 1, 1}, 0, 2, 3, "0.00 %", "0.666667"},
		// A −2..+2 rubric, substantive from 1: 1 and 2 are substantive (2 of 4);
		// sum −2 + 0 + 1 + 2 = 1; 1/4 = 0.25.
		{"negative scores", mustRubric(t, -2, 2, 1), []int{-2, 0, 1, 2}, 2, 1, 4, "50.00 %", "0.250000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := metrics.AssessFeedback(tc.rubric, tc.scores)
			require.NoError(t, err)
			assertRatioIs(t, got.Substantive, tc.substantive, tc.n, tc.substantivePct)
			assert.Equal(t, tc.sum, got.MeanScore.Numerator())
			assert.Equal(t, tc.n, got.MeanScore.Denominator())
			assert.Equal(t, tc.mean, got.MeanScore.ValueText())
		})
	}
}

func TestAssessFeedbackErrors(t *testing.T) {
	huge := mustRubric(t, 0, math.MaxInt, 1)
	tests := []struct {
		name   string
		rubric metrics.Rubric
		scores []int
		want   error
		input  string
	}{
		{"zero rubric", metrics.Rubric{}, []int{0}, metrics.ErrOutOfRange, "rubric"},
		{"above the scale", metrics.JustificationRubric(), []int{3, 4}, metrics.ErrOutOfRange, "scores[1]"},
		{"below the scale", metrics.JustificationRubric(), []int{-1}, metrics.ErrOutOfRange, "scores[0]"},
		{"sum overflows", huge, []int{math.MaxInt, 1}, metrics.ErrOverflow, "scores[1]"},
	}
	for _, tc := range tests {
		if tc.want == metrics.ErrOverflow && strconv.IntSize < 64 {
			continue // an int score cannot overflow an int64 sum here
		}
		t.Run(tc.name, func(t *testing.T) {
			got, err := metrics.AssessFeedback(tc.rubric, tc.scores)
			requireInputErr(t, err, tc.want, tc.input)
			assert.Equal(t, metrics.FeedbackQuality{}, got)
		})
	}
}

func mustRubric(t *testing.T, lowest, highest, substantive int) metrics.Rubric {
	t.Helper()
	r, err := metrics.NewRubric(lowest, highest, substantive)
	require.NoError(t, err)
	return r
}

func BenchmarkSummarizeResponseTimes(b *testing.B) {
	// 10 000 response times in reverse order.
	ds := make([]time.Duration, 10_000)
	for i := range ds {
		ds[i] = time.Duration(len(ds)-i) * time.Minute
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := metrics.SummarizeResponseTimes(ds); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRetentionOf(b *testing.B) {
	// 10 000 people earlier, the even half of them and 5 000 newcomers later.
	earlier := make([]int, 10_000)
	later := make([]int, 10_000)
	for i := range earlier {
		earlier[i] = i
		later[i] = 2 * i
	}
	b.ReportAllocs()
	for b.Loop() {
		if r := metrics.RetentionOf(slices.Values(earlier), slices.Values(later)); r.Numerator() != 5_000 {
			b.Fatal(r)
		}
	}
}
