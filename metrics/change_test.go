package metrics_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
)

func TestChange(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		name          string
		before, after decimal.Decimal
		absolute      string // after − before
		relative      string // (after − before)/|before| to 6 places, or "undefined"
		percent       string // the same in percent to 2 places
	}{
		// 52 − 40 = 12; 12/40 = 0.3.
		{"growth", d("40"), d("52"), "12", "0.300000", "30.00"},
		// 2 − 3 = −1; −1/3 = −0.333…
		{"loss", d("3"), d("2"), "-1", "-0.333333", "-33.33"},
		// 4 − 3 = 1; 1/3 = 0.333…
		{"a third", d("3"), d("4"), "1", "0.333333", "33.33"},
		{"no change", d("7"), d("7"), "0", "0.000000", "0.00"},
		{"to nothing", d("7"), d("0"), "-7", "-1.000000", "-100.00"},
		// 1/32 = 0.03125: exact at 6 places; 3.125 % rounds half away from zero.
		{"half up in percent", d("32"), d("33"), "1", "0.031250", "3.13"},
		{"half down in percent", d("32"), d("31"), "-1", "-0.031250", "-3.13"},
		// 1/128 = 0.0078125 rounds half away from zero to 0.007813.
		{"half in value", d("128"), d("129"), "1", "0.007813", "0.78"},
		{"half in value, negative", d("128"), d("127"), "-1", "-0.007813", "-0.78"},
		// A sentiment balance from −0.2 to 0.1: 0.3 over |−0.2| = 1.5.
		{"from a negative balance, up", d("-0.2"), d("0.1"), "0.3", "1.500000", "150.00"},
		// From −0.2 to −0.4: −0.2 over 0.2 = −1; the sign follows the absolute change.
		{"from a negative balance, down", d("-0.2"), d("-0.4"), "-0.2", "-1.000000", "-100.00"},
		{"growth from nothing", d("0"), d("5"), "5", "undefined", "undefined"},
		{"nothing to nothing", d("0"), d("0"), "0", "undefined", "undefined"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := metrics.NewChange(tc.before, tc.after)
			assert.True(t, tc.before.Equal(c.Before()))
			assert.True(t, tc.after.Equal(c.After()))
			assert.True(t, d(tc.absolute).Equal(c.Absolute()), "absolute %s", c.Absolute())

			rel, err := c.Relative()
			pct, pctErr := c.RelativePercent()
			if tc.relative == "undefined" {
				require.ErrorIs(t, err, metrics.ErrUndefined)
				require.ErrorIs(t, pctErr, metrics.ErrUndefined)
				return
			}
			require.NoError(t, err)
			require.NoError(t, pctErr)
			assert.Equal(t, tc.relative, rel.StringFixed(metrics.ValuePlaces))
			assert.True(t, d(tc.relative).Equal(rel), "relative %s", rel)
			assert.Equal(t, tc.percent, pct.StringFixed(metrics.PercentPlaces))
			assert.True(t, d(tc.percent).Equal(pct), "percent %s", pct)
		})
	}
}

func TestChangeZeroValue(t *testing.T) {
	var c metrics.Change
	assert.True(t, c.Before().IsZero())
	assert.True(t, c.After().IsZero())
	assert.True(t, c.Absolute().IsZero())
	_, err := c.Relative()
	require.ErrorIs(t, err, metrics.ErrUndefined)
}

func TestNewCountChange(t *testing.T) {
	c, err := metrics.NewCountChange(40, 52)
	require.NoError(t, err)
	assert.Equal(t, metrics.NewChange(decimal.NewFromInt(40), decimal.NewFromInt(52)), c)
	assert.Equal(t, "12", c.Absolute().String())

	tests := []struct {
		name          string
		before, after int64
		input         string
	}{
		{"negative before", -1, 5, "before"},
		{"negative after", 5, -1, "after"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := metrics.NewCountChange(tc.before, tc.after)
			requireInputErr(t, err, metrics.ErrNegative, tc.input)
			assert.Equal(t, metrics.Change{}, got)
		})
	}
}

func TestChangeJSON(t *testing.T) {
	c := metrics.NewChange(decimal.RequireFromString("-0.25"), decimal.RequireFromString("1.5"))
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, `{"before":"-0.25","after":"1.5"}`, string(b))

	var back metrics.Change
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, c.Before().Equal(back.Before()))
	assert.True(t, c.After().Equal(back.After()))

	zero, err := json.Marshal(metrics.Change{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"before":"0","after":"0"}`, string(zero))

	// Trailing zeros are not kept (decimal's JSON drops them), but the value is.
	c = metrics.NewChange(decimal.RequireFromString("1.50"), decimal.RequireFromString("2.00"))
	b, err = json.Marshal(c)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, c.Before().Equal(back.Before()))
	assert.True(t, c.After().Equal(back.After()))

	require.Error(t, json.Unmarshal([]byte(`{"before":"many"}`), &back))
	require.Error(t, back.UnmarshalJSON([]byte(`[1, 2]`)))
}

// Example: relationship growth, the number of organisations the body has a
// working relationship with, from one year to the next.
func ExampleChange() {
	c, err := metrics.NewCountChange(40, 52)
	if err != nil {
		fmt.Println(err)
		return
	}
	pct, err := c.RelativePercent()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s → %s: %s (%s %%)\n", c.Before(), c.After(), c.Absolute(), pct.StringFixed(metrics.PercentPlaces))

	// A reputation balance (share favourable minus share unfavourable) that
	// moved from −0.20 to +0.10: the relative change is divided by |−0.20|,
	// so an improvement shows as positive.
	trend := metrics.NewChange(decimal.RequireFromString("-0.20"), decimal.RequireFromString("0.10"))
	rel, _ := trend.Relative()
	fmt.Println("reputation:", trend.Absolute().StringFixed(2), "absolute,", rel.StringFixed(metrics.ValuePlaces), "relative")

	_, err = metrics.NewChange(decimal.Zero, decimal.NewFromInt(9)).Relative()
	fmt.Println("from nothing:", err)
	// Output:
	// 40 → 52: 12 (30.00 %)
	// reputation: 0.30 absolute, 1.500000 relative
	// from nothing: metrics: undefined (zero denominator)
}
