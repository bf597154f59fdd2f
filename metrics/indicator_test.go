package metrics_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/civitas-go/civitas/metrics"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decOf parses a decimal literal of a test.
func decOf(s string) decimal.Decimal { return decimal.RequireFromString(s) }

const day = 24 * time.Hour

func mustIndicator(t testing.TB, name string, unit metrics.Unit, better metrics.Polarity, target metrics.Target) metrics.Indicator {
	t.Helper()
	ind, err := metrics.NewIndicator(name, "definition of "+name, unit, better, target)
	require.NoError(t, err)
	return ind
}

func mustBetween(t testing.TB, lo, hi string) metrics.Target {
	t.Helper()
	tg, err := metrics.TargetBetween(decOf(lo), decOf(hi))
	require.NoError(t, err)
	return tg
}

func mustCount(t testing.TB, n int64) metrics.Measurement {
	t.Helper()
	m, err := metrics.FromCount(n)
	require.NoError(t, err)
	return m
}

func mustDuration(t testing.TB, d time.Duration) metrics.Measurement {
	t.Helper()
	m, err := metrics.FromDuration(d)
	require.NoError(t, err)
	return m
}

func TestEnums(t *testing.T) {
	tests := []struct {
		value textEnum
		name  string
		parse func(string) (textEnum, error)
	}{
		{metrics.PolarityHigherIsBetter, "higher_is_better", parseAs(metrics.ParsePolarity)},
		{metrics.PolarityLowerIsBetter, "lower_is_better", parseAs(metrics.ParsePolarity)},
		{metrics.ComparisonAtLeast, "at_least", parseAs(metrics.ParseComparison)},
		{metrics.ComparisonAtMost, "at_most", parseAs(metrics.ParseComparison)},
		{metrics.ComparisonBetween, "between", parseAs(metrics.ParseComparison)},
		{metrics.VerdictMet, "met", parseAs(metrics.ParseVerdict)},
		{metrics.VerdictNotMet, "not_met", parseAs(metrics.ParseVerdict)},
		{metrics.VerdictUndefined, "undefined", parseAs(metrics.ParseVerdict)},
		{metrics.UnitPercent, "percent", parseAs(metrics.ParseUnit)},
		{metrics.UnitNumber, "number", parseAs(metrics.ParseUnit)},
		{metrics.UnitCount, "count", parseAs(metrics.ParseUnit)},
		{metrics.UnitSeconds, "seconds", parseAs(metrics.ParseUnit)},
		{metrics.UnitMinutes, "minutes", parseAs(metrics.ParseUnit)},
		{metrics.UnitHours, "hours", parseAs(metrics.ParseUnit)},
		{metrics.UnitDays, "days", parseAs(metrics.ParseUnit)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.True(t, tt.value.IsValid())
			assert.Equal(t, tt.name, tt.value.String())
			b, err := tt.value.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.name, string(b))
			got, err := tt.parse(tt.name)
			require.NoError(t, err)
			assert.Equal(t, tt.value, got)

			// One matching rule: any case, space or hyphen for underscore.
			got, err = tt.parse(" " + strings.ToUpper(strings.ReplaceAll(tt.name, "_", "-")))
			require.NoError(t, err)
			assert.Equal(t, tt.value, got)
			_, err = tt.parse(tt.name + "x")
			require.ErrorIs(t, err, metrics.ErrInvalid)
		})
	}
}

// textEnum is what every enum of the package implements.
type textEnum interface {
	String() string
	IsValid() bool
	MarshalText() ([]byte, error)
}

// parseAs adapts a ParseX function to return a textEnum.
func parseAs[T textEnum](parse func(string) (T, error)) func(string) (textEnum, error) {
	return func(s string) (textEnum, error) { return parse(s) }
}

func TestEnumsOutOfRange(t *testing.T) {
	tests := []struct {
		value textEnum
		name  string
	}{
		{metrics.Polarity(0), "Polarity(0)"},
		{metrics.Polarity(3), "Polarity(3)"},
		{metrics.Comparison(4), "Comparison(4)"},
		{metrics.Verdict(-1), "Verdict(-1)"},
		{metrics.Unit(8), "Unit(8)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.False(t, tt.value.IsValid())
			assert.Equal(t, tt.name, tt.value.String())
			_, err := tt.value.MarshalText()
			require.ErrorIs(t, err, metrics.ErrInvalid)
		})
	}
}

func TestEnumsUnmarshalText(t *testing.T) {
	var d metrics.Polarity
	require.NoError(t, d.UnmarshalText([]byte("lower_is_better")))
	assert.Equal(t, metrics.PolarityLowerIsBetter, d)
	require.ErrorIs(t, d.UnmarshalText([]byte("lower")), metrics.ErrInvalid)
	assert.Equal(t, metrics.PolarityLowerIsBetter, d, "a failed parse must not change the value")

	var c metrics.Comparison
	require.NoError(t, c.UnmarshalText([]byte("between")))
	assert.Equal(t, metrics.ComparisonBetween, c)
	require.ErrorIs(t, c.UnmarshalText([]byte("")), metrics.ErrInvalid)
	assert.Equal(t, metrics.ComparisonBetween, c)

	var v metrics.Verdict
	require.NoError(t, v.UnmarshalText([]byte("not_met")))
	assert.Equal(t, metrics.VerdictNotMet, v)
	require.ErrorIs(t, v.UnmarshalText([]byte("meet")), metrics.ErrInvalid)
	assert.Equal(t, metrics.VerdictNotMet, v)

	var u metrics.Unit
	require.NoError(t, u.UnmarshalText([]byte("hours")))
	assert.Equal(t, metrics.UnitHours, u)
	require.ErrorIs(t, u.UnmarshalText([]byte("%")), metrics.ErrInvalid)
	assert.Equal(t, metrics.UnitHours, u)

	var ie *metrics.FieldError
	_, err := metrics.ParseUnit("weeks")
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "unit", ie.Field)
	assert.Contains(t, ie.Value, `"weeks"`)
}

func TestUnitSymbol(t *testing.T) {
	want := map[metrics.Unit]string{
		metrics.UnitPercent: "%", metrics.UnitNumber: "", metrics.UnitCount: "",
		metrics.UnitSeconds: "s", metrics.UnitMinutes: "min", metrics.UnitHours: "h", metrics.UnitDays: "d",
		metrics.Unit(0): "", metrics.Unit(99): "",
	}
	for u, sym := range want {
		assert.Equal(t, sym, u.Symbol(), "%v", u)
	}
}

func TestTarget(t *testing.T) {
	tests := []struct {
		name     string
		target   metrics.Target
		cmp      metrics.Comparison
		min, max string // "" where the target has no such bound
		text     string
	}{
		{"at least", metrics.TargetAtLeast(decOf("60")), metrics.ComparisonAtLeast, "60", "", "at least 60"},
		{"at most keeps places", metrics.TargetAtMost(decOf("14.50")), metrics.ComparisonAtMost, "", "14.50", "at most 14.50"},
		{"between", mustBetween(t, "40", "60"), metrics.ComparisonBetween, "40", "60", "between 40 and 60"},
		{"between one point", mustBetween(t, "50", "50"), metrics.ComparisonBetween, "50", "50", "between 50 and 50"},
		{"zero value", metrics.Target{}, 0, "", "", "no target"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.cmp, tt.target.Comparison())
			assert.Equal(t, tt.cmp != 0, tt.target.IsValid())
			assert.Equal(t, tt.text, tt.target.String())
			lo, ok := tt.target.Min()
			require.Equal(t, tt.min != "", ok)
			if ok {
				assert.True(t, lo.Equal(decOf(tt.min)))
			}
			hi, ok := tt.target.Max()
			require.Equal(t, tt.max != "", ok)
			if ok {
				assert.True(t, hi.Equal(decOf(tt.max)))
			}
		})
	}

	t.Run("between rejects min above max", func(t *testing.T) {
		_, err := metrics.TargetBetween(decOf("60.01"), decOf("60"))
		require.ErrorIs(t, err, metrics.ErrOutOfRange)
	})
}

func TestTargetJSON(t *testing.T) {
	t.Run("round trip", func(t *testing.T) {
		for _, tg := range []metrics.Target{
			metrics.TargetAtLeast(decOf("60")), metrics.TargetAtMost(decOf("0.250")),
			mustBetween(t, "-1.5", "2"),
		} {
			b, err := json.Marshal(tg)
			require.NoError(t, err)
			var got metrics.Target
			require.NoError(t, json.Unmarshal(b, &got))
			assert.Equal(t, tg.String(), got.String(), "%s", b)
			assert.Equal(t, tg.Comparison(), got.Comparison())
		}
	})

	t.Run("wire form", func(t *testing.T) {
		b, err := json.Marshal(mustBetween(t, "40", "60.0"))
		require.NoError(t, err)
		assert.JSONEq(t, `{"comparison":"between","min":"40","max":"60.0"}`, string(b))
	})

	t.Run("zero value does not encode", func(t *testing.T) {
		_, err := json.Marshal(metrics.Target{})
		require.ErrorIs(t, err, metrics.ErrInvalid)
	})

	assertDecodeRejects(t, metrics.TargetAtLeast(decOf("7")), []jsonDecodeCase{
		{"no comparison", `{"min":"1"}`, metrics.ErrOutOfRange},
		{"unknown comparison", `{"comparison":"above","min":"1"}`, metrics.ErrInvalid},
		{"at least without min", `{"comparison":"at_least"}`, metrics.ErrInconsistent},
		{"at least with a max", `{"comparison":"at_least","min":"1","max":"2"}`, metrics.ErrInconsistent},
		{"at most with a min", `{"comparison":"at_most","min":"1","max":"2"}`, metrics.ErrInconsistent},
		{"between without max", `{"comparison":"between","min":"1"}`, metrics.ErrInconsistent},
		{"min not a number", `{"comparison":"at_least","min":"sixty"}`, metrics.ErrOutOfRange},
		{"max not a number", `{"comparison":"at_most","max":""}`, metrics.ErrOutOfRange},
		{"between reversed", `{"comparison":"between","min":"2","max":"1"}`, metrics.ErrOutOfRange},
	})
}

func TestMeasurement(t *testing.T) {
	tests := []struct {
		name    string
		m       metrics.Measurement
		defined bool
		text    string
	}{
		{"ratio", metrics.FromRatio(mustRatio(t, 45, 60)), true, "45/60"},
		{"undefined ratio", metrics.FromRatio(metrics.Ratio{}), false, "0/0"},
		{"count", mustCount(t, 120), true, "120"},
		{"zero count", mustCount(t, 0), true, "0"},
		{"decimal keeps its places", metrics.FromDecimal(decOf("3.80")), true, "3.80"},
		{"duration", mustDuration(t, 3*day), true, "72h0m0s"},
		{"zero value", metrics.Measurement{}, false, "undefined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.defined, tt.m.Defined())
			assert.Equal(t, tt.text, tt.m.String())
		})
	}

	t.Run("accessors return what was stored and nothing else", func(t *testing.T) {
		r := metrics.FromRatio(mustRatio(t, 45, 60))
		got, ok := r.Ratio()
		require.True(t, ok)
		assert.Equal(t, mustRatio(t, 45, 60), got)
		_, ok = r.Count()
		assert.False(t, ok)
		_, ok = r.Decimal()
		assert.False(t, ok)
		_, ok = r.Duration()
		assert.False(t, ok)

		n, ok := mustCount(t, 7).Count()
		require.True(t, ok)
		assert.Equal(t, int64(7), n)
		_, ok = mustCount(t, 7).Ratio()
		assert.False(t, ok)

		d, ok := metrics.FromDecimal(decOf("0.35")).Decimal()
		require.True(t, ok)
		assert.True(t, d.Equal(decOf("0.35")))

		dur, ok := mustDuration(t, 90*time.Minute).Duration()
		require.True(t, ok)
		assert.Equal(t, 90*time.Minute, dur)
	})

	t.Run("constructors reject negatives", func(t *testing.T) {
		_, err := metrics.FromCount(-1)
		require.ErrorIs(t, err, metrics.ErrNegative)
		_, err = metrics.FromDuration(-time.Nanosecond)
		require.ErrorIs(t, err, metrics.ErrNegative)
	})
}

func TestMeasurementJSON(t *testing.T) {
	tests := []struct {
		name string
		m    metrics.Measurement
		wire string
	}{
		{"ratio", metrics.FromRatio(mustRatio(t, 2, 3)),
			`{"ratio":{"numerator":2,"denominator":3,"value":"0.666667","percent":"66.67 %"}}`},
		{"count", mustCount(t, 120), `{"count":120}`},
		{"zero count", mustCount(t, 0), `{"count":0}`},
		{"decimal keeps trailing zeros", metrics.FromDecimal(decOf("3.80")), `{"decimal":"3.80"}`},
		{"negative decimal", metrics.FromDecimal(decOf("-12.5")), `{"decimal":"-12.5"}`},
		// 1.5 s; one nanosecond is 10⁻⁹ s.
		{"duration", mustDuration(t, 1500*time.Millisecond), `{"seconds":"1.5"}`},
		{"nanosecond", mustDuration(t, time.Nanosecond), `{"seconds":"0.000000001"}`},
		{"longest duration", mustDuration(t, time.Duration(1<<63-1)), `{"seconds":"9223372036.854775807"}`},
		{"zero value", metrics.Measurement{}, `{}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, b := stableJSON(t, tt.m)
			assert.JSONEq(t, tt.wire, string(b))
			assert.Equal(t, tt.m.String(), got.String())
			assert.Equal(t, tt.m.Defined(), got.Defined())
		})
	}

	assertDecodeRejects(t, mustCount(t, 5), []jsonDecodeCase{
		{"two values", `{"count":1,"decimal":"1"}`, metrics.ErrInconsistent},
		{"negative count", `{"count":-1}`, metrics.ErrNegative},
		{"bad ratio", `{"ratio":{"numerator":1,"denominator":-1}}`, metrics.ErrNegative},
		{"decimal not a number", `{"decimal":"1,5"}`, metrics.ErrOutOfRange},
		{"seconds not a number", `{"seconds":"1s"}`, metrics.ErrOutOfRange},
		{"finer than a nanosecond", `{"seconds":"0.0000000001"}`, metrics.ErrOutOfRange},
		{"beyond time.Duration", `{"seconds":"9223372036.854775808"}`, metrics.ErrOutOfRange},
		{"negative seconds", `{"seconds":"-1"}`, metrics.ErrNegative},
		{"far below time.Duration", `{"seconds":"-1e30"}`, metrics.ErrNegative},
	})

	t.Run("not JSON", func(t *testing.T) {
		var got metrics.Measurement
		var syntaxErr *json.SyntaxError
		require.ErrorAs(t, json.Unmarshal([]byte(`{"count":`), &got), &syntaxErr)
	})
}

func TestNewIndicator(t *testing.T) {
	atLeast := metrics.TargetAtLeast(decOf("60"))
	t.Run("valid", func(t *testing.T) {
		ind, err := metrics.NewIndicator("Attendance rate", "attended / registered",
			metrics.UnitPercent, metrics.PolarityHigherIsBetter, atLeast)
		require.NoError(t, err)
		assert.Equal(t, "Attendance rate", ind.Name())
		assert.Equal(t, "attended / registered", ind.Definition())
		assert.Equal(t, metrics.UnitPercent, ind.Unit())
		assert.Equal(t, metrics.PolarityHigherIsBetter, ind.Direction())
		assert.Equal(t, "at least 60", ind.Target().String())
		assert.Equal(t, "at least 60 %", ind.TargetText())
	})

	t.Run("between suits both directions", func(t *testing.T) {
		for _, d := range []metrics.Polarity{metrics.PolarityHigherIsBetter, metrics.PolarityLowerIsBetter} {
			_, err := metrics.NewIndicator("n", "d", metrics.UnitNumber, d, mustBetween(t, "1", "2"))
			require.NoError(t, err, "%v", d)
		}
	})

	tests := []struct {
		name       string
		indName    string
		definition string
		unit       metrics.Unit
		better     metrics.Polarity
		target     metrics.Target
		want       []error
	}{
		{"empty name", "", "d", metrics.UnitPercent, metrics.PolarityHigherIsBetter, atLeast, []error{metrics.ErrEmpty}},
		{"blank name", " \t", "d", metrics.UnitPercent, metrics.PolarityHigherIsBetter, atLeast, []error{metrics.ErrEmpty}},
		{"name on two lines", "a\nb", "d", metrics.UnitPercent, metrics.PolarityHigherIsBetter, atLeast, []error{metrics.ErrOutOfRange}},
		{"name not UTF-8", "a\xffb", "d", metrics.UnitPercent, metrics.PolarityHigherIsBetter, atLeast, []error{metrics.ErrOutOfRange}},
		{"empty definition", "n", "", metrics.UnitPercent, metrics.PolarityHigherIsBetter, atLeast, []error{metrics.ErrEmpty}},
		{"no unit", "n", "d", 0, metrics.PolarityHigherIsBetter, atLeast, []error{metrics.ErrOutOfRange}},
		{"no direction", "n", "d", metrics.UnitPercent, 0, atLeast, []error{metrics.ErrOutOfRange}},
		{"no target", "n", "d", metrics.UnitPercent, metrics.PolarityHigherIsBetter, metrics.Target{}, []error{metrics.ErrOutOfRange}},
		{"floor where lower is better", "n", "d", metrics.UnitDays, metrics.PolarityLowerIsBetter, atLeast, []error{metrics.ErrInconsistent}},
		{"ceiling where higher is better", "n", "d", metrics.UnitPercent, metrics.PolarityHigherIsBetter,
			metrics.TargetAtMost(decOf("5")), []error{metrics.ErrInconsistent}},
		{"every problem at once", "", "x\x00", 0, 0, metrics.Target{},
			[]error{metrics.ErrEmpty, metrics.ErrOutOfRange}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind, err := metrics.NewIndicator(tt.indName, tt.definition, tt.unit, tt.better, tt.target)
			for _, want := range tt.want {
				require.ErrorIs(t, err, want)
			}
			assert.Equal(t, metrics.Indicator{}, ind)
		})
	}

	t.Run("every problem is reported", func(t *testing.T) {
		_, err := metrics.NewIndicator("", "x\x00", 0, 0, metrics.Target{})
		var joined interface{ Unwrap() []error }
		require.ErrorAs(t, err, &joined)
		assert.Len(t, joined.Unwrap(), 5) // name, definition, unit, direction, target
	})
}

// TestEvaluate holds measurements against targets; each expected value text
// and verdict is worked by hand in the comment on its row.
func TestEvaluate(t *testing.T) {
	pct := func(target metrics.Target, better metrics.Polarity) metrics.Indicator {
		return mustIndicator(t, "rate", metrics.UnitPercent, better, target)
	}
	atLeast60 := pct(metrics.TargetAtLeast(decOf("60")), metrics.PolarityHigherIsBetter)
	band := pct(mustBetween(t, "40", "60"), metrics.PolarityHigherIsBetter)
	days14 := mustIndicator(t, "response", metrics.UnitDays, metrics.PolarityLowerIsBetter, metrics.TargetAtMost(decOf("14")))
	reach := mustIndicator(t, "reach", metrics.UnitCount, metrics.PolarityHigherIsBetter, metrics.TargetAtLeast(decOf("100")))
	gini := mustIndicator(t, "gini", metrics.UnitNumber, metrics.PolarityLowerIsBetter, metrics.TargetAtMost(decOf("0.4")))

	tests := []struct {
		name    string
		ind     metrics.Indicator
		m       metrics.Measurement
		value   string
		basis   string
		verdict metrics.Verdict
	}{
		// 45/60 = 0.75 = 75 % ≥ 60 %.
		{"rate met", atLeast60, metrics.FromRatio(mustRatio(t, 45, 60)), "75.00 %", "45 of 60", metrics.VerdictMet},
		// 3/5 = 60 % exactly: the bound is inclusive.
		{"rate on the bound", atLeast60, metrics.FromRatio(mustRatio(t, 3, 5)), "60.00 %", "3 of 5", metrics.VerdictMet},
		// 2999/5000 = 59.98 % < 60 %.
		{"rate just short", atLeast60, metrics.FromRatio(mustRatio(t, 2999, 5000)), "59.98 %", "2999 of 5000", metrics.VerdictNotMet},
		// 0/0: nobody registered, so no rate and no verdict.
		{"rate undefined", atLeast60, metrics.FromRatio(metrics.Ratio{}), "undefined", "0 of 0", metrics.VerdictUndefined},
		{"nothing measured", atLeast60, metrics.Measurement{}, "undefined", "", metrics.VerdictUndefined},
		// 0.35 as a fraction is 35 %, below 60 %.
		{"decimal read as percent", atLeast60, metrics.FromDecimal(decOf("0.35")), "35.00 %", "", metrics.VerdictNotMet},
		// 1/2 = 50 %, inside 40..60.
		{"inside a band", band, metrics.FromRatio(mustRatio(t, 1, 2)), "50.00 %", "1 of 2", metrics.VerdictMet},
		// 3999/10000 = 39.99 % < 40 %.
		{"below a band", band, metrics.FromRatio(mustRatio(t, 3999, 10000)), "39.99 %", "3999 of 10000", metrics.VerdictNotMet},
		// 6001/10000 = 60.01 % > 60 %.
		{"above a band", band, metrics.FromRatio(mustRatio(t, 6001, 10000)), "60.01 %", "6001 of 10000", metrics.VerdictNotMet},
		// 84 h = 3.5 d ≤ 14 d.
		{"duration met", days14, mustDuration(t, 84*time.Hour), "3.50 d", "", metrics.VerdictMet},
		{"duration on the bound", days14, mustDuration(t, 14*day), "14.00 d", "", metrics.VerdictMet},
		// One nanosecond past 14 days is shown as 14.00 d but is late.
		{"duration just late", days14, mustDuration(t, 14*day+time.Nanosecond), "14.00 d", "", metrics.VerdictNotMet},
		// 1 d 7 min 12 s = 1 + 432/86400 d = 1.005 d: the half rounds away from zero.
		{"duration rounding", days14, mustDuration(t, day+7*time.Minute+12*time.Second), "1.01 d", "", metrics.VerdictMet},
		{"count met", reach, mustCount(t, 120), "120", "", metrics.VerdictMet},
		{"count short", reach, mustCount(t, 99), "99", "", metrics.VerdictNotMet},
		// A decimal is shown exactly as given: 0.35 ≤ 0.4.
		{"decimal met", gini, metrics.FromDecimal(decOf("0.35")), "0.35", "", metrics.VerdictMet},
		{"decimal missed", gini, metrics.FromDecimal(decOf("0.400001")), "0.400001", "", metrics.VerdictNotMet},
		// A ratio read as a number: 2/5 = 0.4 ≤ 0.4.
		{"ratio as number", gini, metrics.FromRatio(mustRatio(t, 2, 5)), "0.400000", "2 of 5", metrics.VerdictMet},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := tt.ind.Evaluate(tt.m)
			require.NoError(t, err)
			assert.Equal(t, tt.value, e.ValueText())
			assert.Equal(t, tt.basis, e.Basis())
			assert.Equal(t, tt.verdict, e.Verdict())
			assert.Equal(t, tt.ind, e.Indicator())
			assert.Equal(t, tt.m.String(), e.Measurement().String())
		})
	}
}

// TestEvaluateExact shows that the verdict uses the exact quotient, not the
// rounded text: 2/3 = 66.666… % is shown as "66.67 %" yet misses "at least
// 66.67" and meets "at least 66.66".
func TestEvaluateExact(t *testing.T) {
	twoThirds := metrics.FromRatio(mustRatio(t, 2, 3))
	for _, tt := range []struct {
		threshold string
		want      metrics.Verdict
	}{
		{"66.67", metrics.VerdictNotMet},
		{"66.66", metrics.VerdictMet},
		// 200/3 exactly cannot be written as a decimal; 66.6666666667 is above it.
		{"66.6666666667", metrics.VerdictNotMet},
		{"66.6666666666", metrics.VerdictMet},
	} {
		t.Run(tt.threshold, func(t *testing.T) {
			ind := mustIndicator(t, "rate", metrics.UnitPercent, metrics.PolarityHigherIsBetter, metrics.TargetAtLeast(decOf(tt.threshold)))
			e, err := ind.Evaluate(twoThirds)
			require.NoError(t, err)
			assert.Equal(t, "66.67 %", e.ValueText())
			assert.Equal(t, tt.want, e.Verdict())
		})
	}
}

func TestEvaluateDurationUnits(t *testing.T) {
	// 90 min = 5400 s = 1.5 h = 0.0625 d (→ 0.06 d, below the half).
	m := mustDuration(t, 90*time.Minute)
	for unit, want := range map[metrics.Unit]string{
		metrics.UnitSeconds: "5400.00 s",
		metrics.UnitMinutes: "90.00 min",
		metrics.UnitHours:   "1.50 h",
		metrics.UnitDays:    "0.06 d",
	} {
		t.Run(unit.String(), func(t *testing.T) {
			ind := mustIndicator(t, "response", unit, metrics.PolarityLowerIsBetter, metrics.TargetAtMost(decOf("2")))
			e, err := ind.Evaluate(m)
			require.NoError(t, err)
			assert.Equal(t, want, e.ValueText())
			// 5400 s > 2 s and 90 min > 2 min; 1.5 h ≤ 2 h and 0.0625 d ≤ 2 d.
			wantVerdict := metrics.VerdictMet
			if unit == metrics.UnitSeconds || unit == metrics.UnitMinutes {
				wantVerdict = metrics.VerdictNotMet
			}
			assert.Equal(t, wantVerdict, e.Verdict())
		})
	}
}

func TestEvaluateUnitMismatch(t *testing.T) {
	at := metrics.TargetAtLeast(decOf("1"))
	percent := mustIndicator(t, "p", metrics.UnitPercent, metrics.PolarityHigherIsBetter, at)
	count := mustIndicator(t, "c", metrics.UnitCount, metrics.PolarityHigherIsBetter, at)
	days := mustIndicator(t, "d", metrics.UnitDays, metrics.PolarityHigherIsBetter, at)
	number := mustIndicator(t, "n", metrics.UnitNumber, metrics.PolarityHigherIsBetter, at)
	tests := []struct {
		name string
		ind  metrics.Indicator
		m    metrics.Measurement
	}{
		{"duration in percent", percent, mustDuration(t, time.Hour)},
		{"count in percent", percent, mustCount(t, 3)},
		{"ratio as a count", count, metrics.FromRatio(mustRatio(t, 1, 2))},
		{"undefined ratio as a count", count, metrics.FromRatio(metrics.Ratio{})},
		{"decimal in days", days, metrics.FromDecimal(decOf("3"))},
		{"count as a number", number, mustCount(t, 3)},
		{"duration as a number", number, mustDuration(t, time.Second)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.ind.Evaluate(tt.m)
			require.ErrorIs(t, err, metrics.ErrUnitMismatch)
		})
	}

	t.Run("zero indicator", func(t *testing.T) {
		_, err := metrics.Indicator{}.Evaluate(mustCount(t, 1))
		require.ErrorIs(t, err, metrics.ErrOutOfRange)
	})

	t.Run("nothing measured fits every unit", func(t *testing.T) {
		for _, ind := range []metrics.Indicator{percent, count, days, number} {
			e, err := ind.Evaluate(metrics.Measurement{})
			require.NoError(t, err)
			assert.Equal(t, metrics.VerdictUndefined, e.Verdict())
		}
	})
}

func TestIndicatorJSON(t *testing.T) {
	ind, err := metrics.NewIndicator("Closing the loop", "inputs answered / inputs received",
		metrics.UnitPercent, metrics.PolarityHigherIsBetter, mustBetween(t, "80", "100.0"))
	require.NoError(t, err)
	got, b := stableJSON(t, ind)
	assert.JSONEq(t, `{"name":"Closing the loop","definition":"inputs answered / inputs received",
		"unit":"percent","direction":"higher_is_better",
		"target":{"comparison":"between","min":"80","max":"100.0"}}`, string(b))
	assert.Equal(t, ind, got)

	assertDecodeRejects(t, metrics.Indicator{}, []jsonDecodeCase{
		{"unknown unit", `{"name":"n","definition":"d","unit":"weeks","direction":"higher_is_better","target":{"comparison":"at_least","min":"1"}}`, metrics.ErrInvalid},
		{"missing name", `{"definition":"d","unit":"count","direction":"higher_is_better","target":{"comparison":"at_least","min":"1"}}`, metrics.ErrEmpty},
		{"missing target", `{"name":"n","definition":"d","unit":"count","direction":"higher_is_better"}`, metrics.ErrOutOfRange},
		{"direction against target", `{"name":"n","definition":"d","unit":"count","direction":"lower_is_better","target":{"comparison":"at_least","min":"1"}}`, metrics.ErrInconsistent},
	})
	t.Run("not JSON", func(t *testing.T) {
		var got metrics.Indicator
		var syntaxErr *json.SyntaxError
		require.ErrorAs(t, json.Unmarshal([]byte(`{`), &got), &syntaxErr)
	})
}

func TestEvaluationJSON(t *testing.T) {
	ind := mustIndicator(t, "Attendance rate", metrics.UnitPercent, metrics.PolarityHigherIsBetter, metrics.TargetAtLeast(decOf("60")))
	e, err := ind.Evaluate(metrics.FromRatio(mustRatio(t, 45, 60)))
	require.NoError(t, err)
	b, err := json.Marshal(e)
	require.NoError(t, err)

	var got metrics.Evaluation
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, e, got)

	tamper := func(t *testing.T, field string, value any) string {
		t.Helper()
		var m map[string]any
		require.NoError(t, json.Unmarshal(b, &m))
		m[field] = value
		out, err := json.Marshal(m)
		require.NoError(t, err)
		return string(out)
	}
	assertDecodeRejects(t, metrics.Evaluation{}, []jsonDecodeCase{
		{"verdict disagrees", tamper(t, "verdict", "not_met"), metrics.ErrInconsistent},
		{"value disagrees", tamper(t, "value", "80.00 %"), metrics.ErrInconsistent},
		{"unknown verdict", tamper(t, "verdict", "passed"), metrics.ErrInvalid},
		{"measurement in the wrong unit", tamper(t, "measurement", map[string]any{"count": 3}), metrics.ErrUnitMismatch},
		{"no indicator", tamper(t, "indicator", nil), metrics.ErrOutOfRange},
		{"bad indicator", tamper(t, "indicator", map[string]any{"name": ""}), metrics.ErrEmpty},
	})
	t.Run("not JSON", func(t *testing.T) {
		var got metrics.Evaluation
		require.Error(t, json.Unmarshal([]byte(`[]`), &got))
		var typeErr *json.UnmarshalTypeError
		assert.True(t, errors.As(json.Unmarshal([]byte(`[]`), &got), &typeErr))
	})
}
