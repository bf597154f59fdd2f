package metrics_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
)

func TestScoreRecommendations(t *testing.T) {
	tests := []struct {
		name                            string
		answers                         []int
		promoters, passives, detractors int64
		score                           string // 100·(P − D)/N to two places
	}{
		// Promoters 10, 9, 9, 10, 9 = 5; passives 8, 7 = 2; detractors 6, 5, 3 = 3;
		// 100·(5 − 3)/10 = 20.
		{"ten responses", []int{10, 9, 9, 8, 7, 6, 5, 10, 3, 9}, 5, 2, 3, "+20.00"},
		{"all detractors", []int{0, 6, 3}, 0, 0, 3, "-100.00"},
		{"all promoters", []int{9, 10}, 2, 0, 0, "+100.00"},
		{"all passives", []int{7, 8}, 0, 2, 0, "0.00"},
		// 100·(1 − 1)/3 = 0.
		{"balanced", []int{10, 0, 8}, 1, 1, 1, "0.00"},
		// 100·2/3 = 66.666… → 66.67.
		{"two thirds", []int{9, 9, 7}, 2, 1, 0, "+66.67"},
		// 100·(0 − 1)/3 = −33.333… → −33.33.
		{"minus one third", []int{0, 7, 8}, 0, 2, 1, "-33.33"},
		{"no answers", nil, 0, 0, 0, "undefined"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := metrics.ScoreRecommendations(tc.answers)
			require.NoError(t, err)
			assert.Equal(t, tc.promoters, got.Promoters())
			assert.Equal(t, tc.passives, got.Passives())
			assert.Equal(t, tc.detractors, got.Detractors())
			assert.Equal(t, int64(len(tc.answers)), got.Responses())
			assert.Equal(t, tc.score, got.String())

			want, err := metrics.NewRecommendationScore(tc.promoters, tc.passives, tc.detractors)
			require.NoError(t, err)
			assert.Equal(t, want, got, "same as from counts")
		})
	}

	for _, bad := range []int{-1, 11} {
		_, err := metrics.ScoreRecommendations([]int{9, bad})
		requireInputErr(t, err, metrics.ErrOutOfRange, "answers[1]")
	}
}

func TestRecommendationScoreFigures(t *testing.T) {
	// 5 promoters, 2 passives, 3 detractors of 10.
	s, err := metrics.NewRecommendationScore(5, 2, 3)
	require.NoError(t, err)
	assertRatioIs(t, s.PromoterShare(), 5, 10, "50.00 %")
	assertRatioIs(t, s.DetractorShare(), 3, 10, "30.00 %")
	assertRatioIs(t, s.Net(), 2, 10, "20.00 %")
	score, err := s.Score()
	require.NoError(t, err)
	assert.True(t, decimal.NewFromInt(20).Equal(score), "got %s", score)

	_, err = metrics.RecommendationScore{}.Score()
	require.ErrorIs(t, err, metrics.ErrUndefined)
	assert.False(t, metrics.RecommendationScore{}.Net().Defined())
}

func TestRecommendationScoreRounding(t *testing.T) {
	// 100·1/800 = 0.125 exactly: half away from zero gives 0.13 and −0.13.
	tests := []struct {
		promoters, passives, detractors int64
		want                            string
	}{
		{1, 799, 0, "+0.13"},
		{0, 799, 1, "-0.13"},
		// 100·1/1600 = 0.0625 → 0.06.
		{1, 1599, 0, "+0.06"},
	}
	for _, tc := range tests {
		s, err := metrics.NewRecommendationScore(tc.promoters, tc.passives, tc.detractors)
		require.NoError(t, err)
		assert.Equal(t, tc.want, s.String())
	}
}

func TestNewRecommendationScoreErrors(t *testing.T) {
	tests := []struct {
		name                            string
		promoters, passives, detractors int64
		want                            error
		input                           string
	}{
		{"negative promoters", -1, 0, 0, metrics.ErrNegative, "promoters"},
		{"negative passives", 0, -1, 0, metrics.ErrNegative, "passives"},
		{"negative detractors", 0, 0, -1, metrics.ErrNegative, "detractors"},
		{"total overflows", math.MaxInt64, 0, 1, metrics.ErrOverflow, "detractors"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := metrics.NewRecommendationScore(tc.promoters, tc.passives, tc.detractors)
			requireInputErr(t, err, tc.want, tc.input)
			assert.Equal(t, metrics.RecommendationScore{}, got)
		})
	}
}

func TestRecommendationScoreJSON(t *testing.T) {
	s, err := metrics.NewRecommendationScore(5, 2, 3)
	require.NoError(t, err)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"promoters":5,"passives":2,"detractors":3,"responses":10,"score":"+20.00"}`, string(b))

	assertJSONRoundTrip(t, metrics.RecommendationScore{})
	assertJSONRoundTrip(t, s)

	var back metrics.RecommendationScore
	require.NoError(t, json.Unmarshal([]byte(`{"promoters":1}`), &back), "derived fields are optional")
	assert.Equal(t, int64(1), back.Promoters())

	assertDecodeRejects(t, s, []jsonDecodeCase{
		{"negative", `{"promoters":-1}`, metrics.ErrNegative},
		{"overflow", `{"promoters":9223372036854775807,"passives":1}`, metrics.ErrOverflow},
		{"wrong responses", `{"promoters":1,"responses":2}`, metrics.ErrInconsistent},
		{"wrong score", `{"promoters":1,"score":"+50.00"}`, metrics.ErrInconsistent},
	})
	var typ *json.UnmarshalTypeError
	require.ErrorAs(t, back.UnmarshalJSON([]byte(`{"promoters":"1"}`)), &typ)
}

func TestSummarizeLikert(t *testing.T) {
	// Answers 5,4,4,3,5,2,4,1,4,5 on five points: counts 1,1,1,4,3 (n = 10).
	s, err := metrics.SummarizeLikert(5, []int{5, 4, 4, 3, 5, 2, 4, 1, 4, 5})
	require.NoError(t, err)
	assert.Equal(t, 5, s.Points())
	assert.Equal(t, int64(10), s.Responses())

	wantCounts := []int64{1, 1, 1, 4, 3}
	wantShares := []string{"10.00 %", "10.00 %", "10.00 %", "40.00 %", "30.00 %"}
	for point := 1; point <= 5; point++ {
		assert.Equal(t, wantCounts[point-1], s.Count(point), "point %d", point)
		assertRatioIs(t, s.Share(point), wantCounts[point-1], 10, wantShares[point-1])
	}
	// Mean 1·1 + 2·1 + 3·1 + 4·4 + 5·3 = 37 over 10 = 3.7.
	assertRatioIs(t, s.Mean(), 37, 10, "370.00 %")
	assert.Equal(t, "3.700000", s.Mean().ValueText())
	// Top two (4, 5): 4 + 3 = 7 of 10; bottom two (1, 2): 2 of 10.
	assertRatioIs(t, s.TopTwoBox(), 7, 10, "70.00 %")
	assertRatioIs(t, s.BottomTwoBox(), 2, 10, "20.00 %")

	fromCounts, err := metrics.NewLikertSummary(wantCounts)
	require.NoError(t, err)
	assert.Equal(t, s, fromCounts, "same as from counts")
}

func TestNewLikertSummary(t *testing.T) {
	tests := []struct {
		name                    string
		counts                  []int64
		n, weighted             int64
		mean, topTwo, bottomTwo string
	}{
		// Seven points, counts 2,0,0,1,0,0,3: n = 6; Σ i·cᵢ = 2 + 4 + 21 = 27;
		// mean 27/6 = 4.5; top two (6, 7) = 3/6; bottom two (1, 2) = 2/6.
		{"seven points", []int64{2, 0, 0, 1, 0, 0, 3}, 6, 27, "4.500000", "50.00 %", "33.33 %"},
		// Three points, counts 1,1,1: mean 6/3 = 2; top two (2, 3) = 2/3.
		{"three points", []int64{1, 1, 1}, 3, 6, "2.000000", "66.67 %", "66.67 %"},
		// Eleven points, one answer at 11: mean 11; top two 100 %; bottom two 0 %.
		{"eleven points", []int64{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 1, 11, "11.000000", "100.00 %", "0.00 %"},
		{"no answers", []int64{0, 0, 0, 0, 0}, 0, 0, "undefined", "undefined", "undefined"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := metrics.NewLikertSummary(tc.counts)
			require.NoError(t, err)
			assert.Equal(t, len(tc.counts), s.Points())
			assert.Equal(t, tc.n, s.Responses())
			assert.Equal(t, tc.weighted, s.Mean().Numerator())
			assert.Equal(t, tc.mean, s.Mean().ValueText())
			assert.Equal(t, tc.topTwo, s.TopTwoBox().PercentText())
			assert.Equal(t, tc.bottomTwo, s.BottomTwoBox().PercentText())
		})
	}

	t.Run("keeps no reference to its input", func(t *testing.T) {
		counts := []int64{1, 2, 3}
		s, err := metrics.NewLikertSummary(counts)
		require.NoError(t, err)
		counts[0] = 100
		assert.Equal(t, int64(1), s.Count(1))
	})

	t.Run("points outside the scale", func(t *testing.T) {
		s, err := metrics.NewLikertSummary([]int64{1, 2, 3})
		require.NoError(t, err)
		for _, point := range []int{0, 4, -1} {
			assert.Equal(t, int64(0), s.Count(point))
			assertRatioIs(t, s.Share(point), 0, 6, "0.00 %")
		}
	})

	t.Run("zero value", func(t *testing.T) {
		var s metrics.LikertSummary
		assert.Equal(t, 0, s.Points())
		assert.False(t, s.Mean().Defined())
		assert.False(t, s.TopTwoBox().Defined())
		for range s.Distribution() {
			t.Fatal("the zero value has no points")
		}
	})
}

func TestLikertDistribution(t *testing.T) {
	s, err := metrics.NewLikertSummary([]int64{1, 0, 3})
	require.NoError(t, err)
	var points []int
	var shares []string
	for point, share := range s.Distribution() {
		points = append(points, point)
		shares = append(shares, share.PercentText())
	}
	assert.Equal(t, []int{1, 2, 3}, points)
	// 1/4, 0/4, 3/4.
	assert.Equal(t, []string{"25.00 %", "0.00 %", "75.00 %"}, shares)

	var first []int
	for point := range s.Distribution() {
		first = append(first, point)
		break
	}
	assert.Equal(t, []int{1}, first, "stops when the loop does")
}

func TestLikertErrors(t *testing.T) {
	tests := []struct {
		name   string
		counts []int64
		want   error
		input  string
	}{
		{"two points", []int64{1, 1}, metrics.ErrOutOfRange, "points"},
		{"twelve points", make([]int64, 12), metrics.ErrOutOfRange, "points"},
		{"no points", nil, metrics.ErrOutOfRange, "points"},
		{"negative count", []int64{1, -1, 0}, metrics.ErrNegative, "counts[1]"},
		// 2·c overflows for c > MaxInt64/2.
		{"point times count overflows", []int64{0, math.MaxInt64/2 + 1, 0}, metrics.ErrOverflow, "counts[1]"},
		// 2·(MaxInt64/2) = MaxInt64 − 1; adding 3·1 overflows.
		{"weighted sum overflows", []int64{0, math.MaxInt64 / 2, 1}, metrics.ErrOverflow, "counts[2]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := metrics.NewLikertSummary(tc.counts)
			requireInputErr(t, err, tc.want, tc.input)
			assert.Equal(t, 0, got.Points())
		})
	}

	answerTests := []struct {
		name    string
		points  int
		answers []int
		input   string
	}{
		{"two points", 2, []int{1}, "points"},
		{"twelve points", 12, []int{1}, "points"},
		{"answer zero", 5, []int{1, 0}, "answers[1]"},
		{"answer above the scale", 5, []int{6}, "answers[0]"},
	}
	for _, tc := range answerTests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := metrics.SummarizeLikert(tc.points, tc.answers)
			requireInputErr(t, err, metrics.ErrOutOfRange, tc.input)
		})
	}
}

func TestLikertSummaryJSON(t *testing.T) {
	s, err := metrics.NewLikertSummary([]int64{1, 1, 1, 4, 3})
	require.NoError(t, err)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"counts":[1,1,1,4,3],"mean":"3.700000","top_two_box":"70.00 %"}`, string(b))

	zero, err := json.Marshal(metrics.LikertSummary{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"counts":[],"mean":"undefined","top_two_box":"undefined"}`, string(zero))

	for _, in := range [][]byte{b, zero} {
		var back metrics.LikertSummary
		require.NoError(t, json.Unmarshal(in, &back))
		again, err := json.Marshal(back)
		require.NoError(t, err)
		assert.JSONEq(t, string(in), string(again))
	}
	assertJSONRoundTrip(t, s)

	assertDecodeRejects(t, s, []jsonDecodeCase{
		{"two points", `{"counts":[1,1]}`, metrics.ErrOutOfRange},
		{"negative", `{"counts":[1,-1,1]}`, metrics.ErrNegative},
		{"wrong mean", `{"counts":[1,1,1],"mean":"3.000000"}`, metrics.ErrInconsistent},
		{"wrong top two", `{"counts":[1,1,1],"top_two_box":"50.00 %"}`, metrics.ErrInconsistent},
	})
	var back metrics.LikertSummary
	var typ *json.UnmarshalTypeError
	require.ErrorAs(t, back.UnmarshalJSON([]byte(`{"counts":"1"}`)), &typ)
}

func BenchmarkScoreRecommendations(b *testing.B) {
	answers := make([]int, 100_000)
	for i := range answers {
		answers[i] = i % 11
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := metrics.ScoreRecommendations(answers); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSummarizeLikert(b *testing.B) {
	answers := make([]int, 100_000)
	for i := range answers {
		answers[i] = i%5 + 1
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := metrics.SummarizeLikert(5, answers); err != nil {
			b.Fatal(err)
		}
	}
}
