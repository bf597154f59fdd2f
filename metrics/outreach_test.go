package metrics_test

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
)

// assertRatioIs checks a Ratio's numerator, denominator and percentage text
// ("undefined" for a zero denominator).
func assertRatioIs(t *testing.T, got metrics.Ratio, num, den int64, percent string) {
	t.Helper()
	assert.Equal(t, num, got.Numerator(), "numerator of %v", got)
	assert.Equal(t, den, got.Denominator(), "denominator of %v", got)
	assert.Equal(t, percent, got.PercentText(), "percent of %v", got)
}

// requireInputErr checks that err matches sentinel and is an *InputError
// naming input.
func requireInputErr(t *testing.T, err, sentinel error, input string) {
	t.Helper()
	require.ErrorIs(t, err, sentinel)
	var ie *metrics.FieldError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, input, ie.Field)
}

func TestNewAudience(t *testing.T) {
	tests := []struct {
		name               string
		reach, impressions int64
		frequency          string // impressions / reach, worked by hand
	}{
		{"nobody", 0, 0, "undefined"},
		{"each once", 7, 7, "1.000000"},
		{"10 exposures over 4 people: 10/4", 4, 10, "2.500000"},
		{"5 over 3: 1.6666… rounds up", 3, 5, "1.666667"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := metrics.NewAudience(tc.reach, tc.impressions)
			require.NoError(t, err)
			assert.Equal(t, tc.reach, a.Reach())
			assert.Equal(t, tc.impressions, a.Impressions())
			f := a.Frequency()
			assert.Equal(t, tc.impressions, f.Numerator())
			assert.Equal(t, tc.reach, f.Denominator())
			assert.Equal(t, tc.frequency, f.ValueText())
		})
	}
}

func TestNewAudienceErrors(t *testing.T) {
	tests := []struct {
		name               string
		reach, impressions int64
		want               error
		input              string
	}{
		{"negative reach", -1, 3, metrics.ErrNegative, "reach"},
		{"negative impressions", 0, -1, metrics.ErrNegative, "impressions"},
		{"reach above impressions", 5, 4, metrics.ErrPartExceedsWhole, "reach"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := metrics.NewAudience(tc.reach, tc.impressions)
			requireInputErr(t, err, tc.want, tc.input)
			assert.Equal(t, metrics.Audience{}, a)
		})
	}
}

func TestCountAudience(t *testing.T) {
	tests := []struct {
		name               string
		log                []string
		reach, impressions int64
	}{
		{"empty log", nil, 0, 0},
		{"one person thrice", []string{"p1", "p1", "p1"}, 1, 3},
		// a three times, b and c once: 5 exposures, 3 people.
		{"repeats", []string{"a", "b", "a", "c", "a"}, 3, 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := metrics.CountAudience(slices.Values(tc.log))
			assert.Equal(t, tc.reach, a.Reach())
			assert.Equal(t, tc.impressions, a.Impressions())
			want, err := metrics.NewAudience(tc.reach, tc.impressions)
			require.NoError(t, err)
			assert.Equal(t, want, a)
		})
	}
}

func TestAudienceVisibility(t *testing.T) {
	tests := []struct {
		name          string
		reach, target int64
		percent       string
	}{
		{"4 of 20 = 20 %", 4, 20, "20.00 %"},
		{"everybody", 20, 20, "100.00 %"},
		{"1 of 3 = 33.333… %", 1, 3, "33.33 %"},
		{"no target population", 0, 0, "undefined"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := metrics.NewAudience(tc.reach, tc.reach)
			require.NoError(t, err)
			v, err := a.Visibility(tc.target)
			require.NoError(t, err)
			assertRatioIs(t, v, tc.reach, tc.target, tc.percent)
		})
	}

	a, err := metrics.NewAudience(4, 9)
	require.NoError(t, err)
	_, err = a.Visibility(-1)
	requireInputErr(t, err, metrics.ErrNegative, "target")
	_, err = a.Visibility(3)
	requireInputErr(t, err, metrics.ErrPartExceedsWhole, "reach")
}

func TestAudienceJSON(t *testing.T) {
	assertJSONRoundTrip(t, metrics.Audience{})
	assertJSONRoundTrip(t, mustAudience(t, 4, 10))

	b, err := json.Marshal(mustAudience(t, 4, 10))
	require.NoError(t, err)
	assert.JSONEq(t, `{"reach":4,"impressions":10,"frequency":"2.500000"}`, string(b))

	var a metrics.Audience
	require.NoError(t, json.Unmarshal([]byte(`{"reach":2,"impressions":3}`), &a), "frequency is optional")
	assert.Equal(t, mustAudience(t, 2, 3), a)

	assertDecodeRejects(t, mustAudience(t, 1, 1), []jsonDecodeCase{
		{"negative", `{"reach":-1,"impressions":3}`, metrics.ErrNegative},
		{"reach above impressions", `{"reach":4,"impressions":3}`, metrics.ErrPartExceedsWhole},
		{"wrong frequency", `{"reach":2,"impressions":3,"frequency":"2.000000"}`, metrics.ErrInconsistent},
	})
	var syntax *json.SyntaxError
	require.ErrorAs(t, json.Unmarshal([]byte(`{"reach":`), &a), &syntax)
	var typ *json.UnmarshalTypeError
	require.ErrorAs(t, a.UnmarshalJSON([]byte(`{"reach":"4"}`)), &typ)
}

// jsonDecodeCase is a JSON input that decoding must reject with want.
type jsonDecodeCase struct {
	name, in string
	want     error
}

// assertDecodeRejects decodes each case into a copy of v and checks it fails
// with the case's sentinel and leaves the copy as it was.
func assertDecodeRejects[T any](t *testing.T, v T, cases []jsonDecodeCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := v
			require.ErrorIs(t, json.Unmarshal([]byte(tc.in), &got), tc.want)
			assert.Equal(t, v, got, "a failed decode changes nothing")
		})
	}
}

// assertJSONRoundTrip checks that v decodes from its own encoding unchanged.
func assertJSONRoundTrip[T any](t *testing.T, v T) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var back T
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, v, back, "%s", b)
}

func mustAudience(t *testing.T, reach, impressions int64) metrics.Audience {
	t.Helper()
	a, err := metrics.NewAudience(reach, impressions)
	require.NoError(t, err)
	return a
}

func TestShareOfVoice(t *testing.T) {
	tests := []struct {
		name       string
		ours, all  int64
		percent    string
		want       error
		wrongInput string
	}{
		{name: "30 of 120 = 25 %", ours: 30, all: 120, percent: "25.00 %"},
		{name: "the whole conversation", ours: 8, all: 8, percent: "100.00 %"},
		{name: "silence", ours: 0, all: 0, percent: "undefined"},
		{name: "negative ours", ours: -1, all: 5, want: metrics.ErrNegative, wrongInput: "ours"},
		{name: "negative all", ours: 0, all: -5, want: metrics.ErrNegative, wrongInput: "all"},
		{name: "ours above all", ours: 6, all: 5, want: metrics.ErrPartExceedsWhole, wrongInput: "ours"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := metrics.ShareOfVoice(tc.ours, tc.all)
			if tc.want != nil {
				requireInputErr(t, err, tc.want, tc.wrongInput)
				return
			}
			require.NoError(t, err)
			assertRatioIs(t, got, tc.ours, tc.all, tc.percent)
		})
	}
}

func TestTone(t *testing.T) {
	tests := []struct {
		tone   metrics.Tone
		name   string
		weight int64
	}{
		{metrics.ToneNegative, "negative", -1},
		{metrics.ToneNeutral, "neutral", 0},
		{metrics.TonePositive, "positive", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.True(t, tc.tone.IsValid())
			assert.Equal(t, tc.name, tc.tone.String())
			assert.Equal(t, tc.weight, tc.tone.Weight())

			text, err := tc.tone.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tc.name, string(text))

			parsed, err := metrics.ParseTone(tc.name)
			require.NoError(t, err)
			assert.Equal(t, tc.tone, parsed)

			var back metrics.Tone
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, tc.tone, back)
		})
	}

	for _, bad := range []metrics.Tone{0, metrics.TonePositive + 1, -1} {
		assert.False(t, bad.IsValid(), "%d", int(bad))
		assert.Equal(t, int64(0), bad.Weight())
		_, err := bad.MarshalText()
		requireInputErr(t, err, metrics.ErrInvalid, "tone")
	}
	assert.Equal(t, "Tone(0)", metrics.Tone(0).String())
	assert.Equal(t, "Tone(4)", metrics.Tone(4).String())

	for _, bad := range []string{"", "favourable", "neutral!"} {
		_, err := metrics.ParseTone(bad)
		requireInputErr(t, err, metrics.ErrInvalid, "tone")
		tone := metrics.ToneNeutral
		require.Error(t, tone.UnmarshalText([]byte(bad)))
		assert.Equal(t, metrics.ToneNeutral, tone, "a failed decode changes nothing")
	}

	b, err := json.Marshal(map[string]metrics.Tone{"tone": metrics.ToneNegative})
	require.NoError(t, err)
	assert.JSONEq(t, `{"tone":"negative"}`, string(b))
}

func TestCoverageQuality(t *testing.T) {
	pos, neu, neg := metrics.TonePositive, metrics.ToneNeutral, metrics.ToneNegative
	tests := []struct {
		name     string
		mentions []metrics.Mention
		num, den int64
		value    string
	}{
		{"no mentions", nil, 0, 0, "undefined"},
		{"mentions that reached nobody", []metrics.Mention{{0, pos}, {0, neg}}, 0, 0, "undefined"},
		{"all positive", []metrics.Mention{{100, pos}, {50, pos}}, 150, 150, "1.000000"},
		{"all negative", []metrics.Mention{{100, neg}}, -100, 100, "-1.000000"},
		{"all neutral", []metrics.Mention{{300, neu}}, 0, 300, "0.000000"},
		// net = 1000 − 500 + 0 + 250 = 750; total = 1000 + 500 + 250 + 250 = 2000;
		// 750/2000 = 0.375.
		{"mixed", []metrics.Mention{{1000, pos}, {500, neg}, {250, neu}, {250, pos}}, 750, 2000, "0.375000"},
		// One big hostile story outweighs three small friendly ones:
		// net = 3·10 − 90 = −60; total = 120; −60/120 = −0.5.
		{"reach matters more than count", []metrics.Mention{{10, pos}, {10, pos}, {10, pos}, {90, neg}}, -60, 120, "-0.500000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := metrics.CoverageQuality(tc.mentions)
			require.NoError(t, err)
			assert.Equal(t, tc.num, got.Numerator())
			assert.Equal(t, tc.den, got.Denominator())
			assert.Equal(t, tc.value, got.ValueText())
		})
	}
}

func TestCoverageQualityErrors(t *testing.T) {
	tests := []struct {
		name     string
		mentions []metrics.Mention
		want     error
		input    string
	}{
		{"negative reach", []metrics.Mention{{5, metrics.TonePositive}, {-1, metrics.ToneNeutral}}, metrics.ErrNegative, "mentions[1].reach"},
		{"no tone", []metrics.Mention{{5, 0}}, metrics.ErrOutOfRange, "mentions[0].tone"},
		{"total reach overflows", []metrics.Mention{{math.MaxInt64, metrics.ToneNegative}, {1, metrics.ToneNegative}}, metrics.ErrOverflow, "mentions[1].reach"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := metrics.CoverageQuality(tc.mentions)
			requireInputErr(t, err, tc.want, tc.input)
		})
	}
}

func TestInputErrorMessageNamesTheInput(t *testing.T) {
	_, err := metrics.CoverageQuality([]metrics.Mention{{-3, metrics.ToneNeutral}})
	require.Error(t, err)
	assert.Equal(t, "metrics: negative count: mentions[0].reach = -3", err.Error())
	assert.False(t, errors.Is(err, metrics.ErrOutOfRange))
}

func BenchmarkCountAudience(b *testing.B) {
	// 100 000 exposures of 10 000 people, ten each.
	log := make([]int, 100_000)
	for i := range log {
		log[i] = i % 10_000
	}
	b.ReportAllocs()
	for b.Loop() {
		if a := metrics.CountAudience(slices.Values(log)); a.Reach() != 10_000 {
			b.Fatal(a.Reach())
		}
	}
}

func BenchmarkCoverageQuality(b *testing.B) {
	mentions := make([]metrics.Mention, 10_000)
	for i := range mentions {
		mentions[i] = metrics.Mention{Reach: int64(i), Tone: metrics.Tone(i%3 + 1)}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := metrics.CoverageQuality(mentions); err != nil {
			b.Fatal(err)
		}
	}
}
