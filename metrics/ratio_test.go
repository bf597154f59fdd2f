package metrics_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/civitas-go/civitas/metrics"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustRatio(t testing.TB, num, den int64) metrics.Ratio {
	t.Helper()
	r, err := metrics.NewRatio(num, den)
	require.NoError(t, err)
	return r
}

func TestRatioConstructors(t *testing.T) {
	tests := []struct {
		name      string
		make      func() (metrics.Ratio, error)
		num, den  int64 // the terms when the constructor succeeds
		defined   bool
		wantErr   error
		wantInput string // the InputError's input and value when it fails
		wantValue string
	}{
		{name: "share", make: func() (metrics.Ratio, error) { return metrics.NewRatio(5, 8) }, num: 5, den: 8, defined: true},
		{name: "negative numerator is a loss", make: func() (metrics.Ratio, error) { return metrics.NewRatio(-3, 4) }, num: -3, den: 4, defined: true},
		{name: "zero denominator is undefined", make: func() (metrics.Ratio, error) { return metrics.NewRatio(7, 0) }, num: 7},
		{name: "negative denominator", make: func() (metrics.Ratio, error) { return metrics.NewRatio(1, -2) },
			wantErr: metrics.ErrNegative, wantInput: "denominator", wantValue: "-2"},
		{name: "attended of registered", make: func() (metrics.Ratio, error) { return metrics.NewProportion(45, 60) }, num: 45, den: 60, defined: true},
		{name: "all", make: func() (metrics.Ratio, error) { return metrics.NewProportion(60, 60) }, num: 60, den: 60, defined: true},
		{name: "none of none is undefined", make: func() (metrics.Ratio, error) { return metrics.NewProportion(0, 0) }},
		{name: "negative part", make: func() (metrics.Ratio, error) { return metrics.NewProportion(-1, 60) },
			wantErr: metrics.ErrNegative, wantInput: "part", wantValue: "-1"},
		{name: "negative whole", make: func() (metrics.Ratio, error) { return metrics.NewProportion(0, -60) },
			wantErr: metrics.ErrNegative, wantInput: "whole", wantValue: "-60"},
		{name: "part exceeds whole", make: func() (metrics.Ratio, error) { return metrics.NewProportion(61, 60) },
			wantErr: metrics.ErrPartExceedsWhole, wantInput: "part", wantValue: "61"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.make()
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				var ie *metrics.FieldError
				require.ErrorAs(t, err, &ie)
				assert.Equal(t, tt.wantInput, ie.Field)
				assert.Equal(t, tt.wantValue, ie.Value)
				assert.Equal(t, metrics.Ratio{}, r)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.num, r.Numerator())
			assert.Equal(t, tt.den, r.Denominator())
			assert.Equal(t, tt.defined, r.Defined())
		})
	}
}

// TestRatioValues checks Value, Percent and their texts against quotients
// worked by hand, including the rounding boundaries: half away from zero.
func TestRatioValues(t *testing.T) {
	tests := []struct {
		name        string
		num, den    int64
		value       string // ValueText: ValuePlaces = 6
		percentText string // PercentText: PercentPlaces = 2
	}{
		// 5/8 = 0.625 exactly; 62.5 %.
		{"five eighths", 5, 8, "0.625000", "62.50 %"},
		// 2/3 = 0.6666666…: the 7th digit 6 rounds the 6th up; 66.666… % → 66.67.
		{"two thirds", 2, 3, "0.666667", "66.67 %"},
		{"minus two thirds", -2, 3, "-0.666667", "-66.67 %"},
		// 1/3 = 0.3333333…: rounds down; 33.333… % → 33.33.
		{"one third", 1, 3, "0.333333", "33.33 %"},
		// 1/2000000 = 0.0000005 exactly: the half rounds away from zero to
		// 0.000001, and -0.0000005 to -0.000001. In percent 0.00005 % → 0.00.
		{"value half up", 1, 2_000_000, "0.000001", "0.00 %"},
		{"value half down", -1, 2_000_000, "-0.000001", "0.00 %"},
		// 4999999/10^13 = 0.0000004999999, just under the half: 0.000000.
		{"just below half", 4_999_999, 10_000_000_000_000, "0.000000", "0.00 %"},
		// 5000001/10^13 = 0.0000005000001, just over the half: 0.000001.
		{"just above half", 5_000_001, 10_000_000_000_000, "0.000001", "0.00 %"},
		// 1/800 = 0.00125 = 0.125 %: the percent half rounds away from zero.
		{"percent half up", 1, 800, "0.001250", "0.13 %"},
		{"percent half down", -1, 800, "-0.001250", "-0.13 %"},
		// 1/1600 = 0.000625 = 0.0625 % → 0.06 (below the half).
		{"percent below half", 1, 1600, "0.000625", "0.06 %"},
		{"whole", 60, 60, "1.000000", "100.00 %"},
		{"zero", 0, 60, "0.000000", "0.00 %"},
		// A quotient above one: 320 impressions over 100 people.
		{"above one", 320, 100, "3.200000", "320.00 %"},
		// The extremes of int64 stay exact.
		{"max over max", math.MaxInt64, math.MaxInt64, "1.000000", "100.00 %"},
		{"min int64", math.MinInt64, 1, "-9223372036854775808.000000", "-922337203685477580800.00 %"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRatio(t, tt.num, tt.den)
			assert.Equal(t, tt.value, r.ValueText())
			assert.Equal(t, tt.percentText, r.PercentText())

			v, err := r.Value()
			require.NoError(t, err)
			assert.True(t, v.Equal(decimal.RequireFromString(tt.value)), "Value() = %s", v)
			p, err := r.Percent()
			require.NoError(t, err)
			want := decimal.RequireFromString(tt.percentText[:len(tt.percentText)-2])
			assert.True(t, p.Equal(want), "Percent() = %s", p)
		})
	}
}

func TestRatioRound(t *testing.T) {
	// 1/8 = 0.125: to 2 places the half goes away from zero, to 0.13 and -0.13.
	tests := []struct {
		num, den int64
		places   int32
		want     string
	}{
		{1, 8, 2, "0.13"},
		{-1, 8, 2, "-0.13"},
		{1, 8, 3, "0.125"},
		{1, 8, 0, "0"},
		// 7/2 = 3.5 → 4 at 0 places, -3.5 → -4.
		{7, 2, 0, "4"},
		{-7, 2, 0, "-4"},
	}
	for _, tt := range tests {
		t.Run(mustRatio(t, tt.num, tt.den).String(), func(t *testing.T) {
			got, err := mustRatio(t, tt.num, tt.den).Round(tt.places)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.StringFixed(tt.places))
		})
	}
}

func TestRatioUndefined(t *testing.T) {
	for _, r := range []metrics.Ratio{{}, mustRatio(t, 5, 0)} {
		t.Run(r.String(), func(t *testing.T) {
			assert.False(t, r.Defined())
			_, err := r.Value()
			require.ErrorIs(t, err, metrics.ErrUndefined)
			_, err = r.Percent()
			require.ErrorIs(t, err, metrics.ErrUndefined)
			_, err = r.Round(2)
			require.ErrorIs(t, err, metrics.ErrUndefined)
			assert.Equal(t, "undefined", r.ValueText())
			assert.Equal(t, "undefined", r.PercentText())
		})
	}
}

func TestRatioString(t *testing.T) {
	assert.Equal(t, "5/8", mustRatio(t, 5, 8).String())
	assert.Equal(t, "-3/4", mustRatio(t, -3, 4).String())
	assert.Equal(t, "0/0", metrics.Ratio{}.String())
}

func TestRatioCmp(t *testing.T) {
	const m = math.MaxInt64
	tests := []struct {
		name string
		r, s metrics.Ratio
		want int
	}{
		{"equal values, different terms", mustRatio(t, 1, 2), mustRatio(t, 2, 4), 0},
		{"less", mustRatio(t, 1, 3), mustRatio(t, 1, 2), -1},
		{"greater", mustRatio(t, 1, 2), mustRatio(t, 1, 3), 1},
		{"negative before positive", mustRatio(t, -1, 2), mustRatio(t, 1, 3), -1},
		{"undefined before defined", metrics.Ratio{}, mustRatio(t, -5, 1), -1},
		{"defined after undefined", mustRatio(t, 0, 1), mustRatio(t, 3, 0), 1},
		{"undefined equals undefined", metrics.Ratio{}, mustRatio(t, 3, 0), 0},
		// m/(m-1) < (m-1)/(m-2), since a/(a-1) = 1 + 1/(a-1) falls as a
		// grows; the cross products overflow int64, so this checks that
		// Cmp does not.
		{"cross products beyond int64", mustRatio(t, m, m-1), mustRatio(t, m-1, m-2), -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.r.Cmp(tt.s))
			assert.Equal(t, -tt.want, tt.s.Cmp(tt.r), "Cmp must be antisymmetric")
		})
	}
}

func TestRatioJSON(t *testing.T) {
	t.Run("wire form", func(t *testing.T) {
		b, err := json.Marshal(mustRatio(t, 45, 60))
		require.NoError(t, err)
		assert.JSONEq(t, `{"numerator":45,"denominator":60,"value":"0.750000","percent":"75.00 %"}`, string(b))

		b, err = json.Marshal(metrics.Ratio{})
		require.NoError(t, err)
		assert.JSONEq(t, `{"numerator":0,"denominator":0,"value":"undefined","percent":"undefined"}`, string(b))
	})

	t.Run("round trip", func(t *testing.T) {
		for _, r := range []metrics.Ratio{
			{}, mustRatio(t, 5, 0), mustRatio(t, 2, 3), mustRatio(t, -1, 800),
			mustRatio(t, math.MinInt64, math.MaxInt64),
		} {
			b, err := json.Marshal(r)
			require.NoError(t, err)
			var got metrics.Ratio
			require.NoError(t, json.Unmarshal(b, &got))
			assert.Equal(t, r, got, "%s", b)
		}
	})

	t.Run("derived fields are optional", func(t *testing.T) {
		var got metrics.Ratio
		require.NoError(t, json.Unmarshal([]byte(`{"numerator":3,"denominator":4}`), &got))
		assert.Equal(t, mustRatio(t, 3, 4), got)
	})

	assertDecodeRejects(t, mustRatio(t, 9, 10), []jsonDecodeCase{
		{"negative denominator", `{"numerator":1,"denominator":-2}`, metrics.ErrNegative},
		{"value disagrees", `{"numerator":1,"denominator":2,"value":"0.400000"}`, metrics.ErrInconsistent},
		// The value must be the rounded text, not merely an equal number.
		{"value not in fixed form", `{"numerator":1,"denominator":2,"value":"0.5"}`, metrics.ErrInconsistent},
		{"percent disagrees", `{"numerator":1,"denominator":2,"percent":"40.00 %"}`, metrics.ErrInconsistent},
		{"undefined claims a value", `{"numerator":1,"denominator":0,"value":"0.000000"}`, metrics.ErrInconsistent},
	})

	t.Run("not JSON of a ratio", func(t *testing.T) {
		var got metrics.Ratio
		var typeErr *json.UnmarshalTypeError
		require.ErrorAs(t, json.Unmarshal([]byte(`{"numerator":"1","denominator":2}`), &got), &typeErr)
		var syntaxErr *json.SyntaxError
		require.ErrorAs(t, json.Unmarshal([]byte(`{"numerator":1,`), &got), &syntaxErr)
	})
}

func TestRatioUnmarshalJSONRequiresBothIntegers(t *testing.T) {
	for _, doc := range []string{`{}`, `{"numerator":1}`, `{"denominator":2}`} {
		var r metrics.Ratio
		require.ErrorIs(t, json.Unmarshal([]byte(doc), &r), metrics.ErrEmpty, doc)
	}
	// null leaves the value alone, as encoding/json expects of Unmarshalers.
	r, err := metrics.NewRatio(3, 4)
	require.NoError(t, err)
	require.NoError(t, r.UnmarshalJSON([]byte("null")))
	assert.Equal(t, "3/4", r.String())
}
