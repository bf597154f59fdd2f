package metrics

import (
	"encoding/json"

	"github.com/shopspring/decimal"
)

// Change is the difference in one figure between an earlier and a later
// period: relationship growth, a reputation trend, participants this year
// against last. It keeps both values so a report can show "40 → 52".
//
//	absolute change = after − before
//	relative change = (after − before) / |before|
//
// The relative change is undefined when before is zero (growth from nothing
// has no rate). Dividing by |before| keeps the sign of the relative change
// equal to the sign of the absolute change when before is negative, as it
// can be for a sentiment balance.
//
// The zero value is a change from 0 to 0. Change is a value type.
type Change struct {
	before, after decimal.Decimal
}

// NewChange returns the change from before to after. Both are exact decimals
// (counts convert with decimal.NewFromInt).
func NewChange(before, after decimal.Decimal) Change {
	return Change{before: before, after: after}
}

// NewCountChange returns the change between two counts, rejecting a negative
// count with [ErrNegative].
func NewCountChange(before, after int64) (Change, error) {
	if err := nonNegative("before", before); err != nil {
		return Change{}, err
	}
	if err := nonNegative("after", after); err != nil {
		return Change{}, err
	}
	return NewChange(decimal.NewFromInt(before), decimal.NewFromInt(after)), nil
}

// Before returns the earlier value.
func (c Change) Before() decimal.Decimal { return c.before }

// After returns the later value.
func (c Change) After() decimal.Decimal { return c.after }

// Absolute returns after − before, exact.
func (c Change) Absolute() decimal.Decimal { return c.after.Sub(c.before) }

// Relative returns (after − before) / |before| rounded half away from zero to
// [ValuePlaces] decimal places, or [ErrUndefined] when before is zero.
func (c Change) Relative() (decimal.Decimal, error) {
	return c.relative(ValuePlaces)
}

// RelativePercent returns the relative change in percent rounded to
// [PercentPlaces] decimal places, or [ErrUndefined] when before is zero.
func (c Change) RelativePercent() (decimal.Decimal, error) {
	p, err := c.relative(PercentPlaces + 2)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return p.Shift(2), nil
}

func (c Change) relative(places int32) (decimal.Decimal, error) {
	if c.before.IsZero() {
		return decimal.Decimal{}, ErrUndefined
	}
	return c.Absolute().DivRound(c.before.Abs(), places), nil
}

type changeJSON struct {
	Before decimal.Decimal `json:"before"`
	After  decimal.Decimal `json:"after"`
}

// MarshalJSON writes before and after as decimal strings.
func (c Change) MarshalJSON() ([]byte, error) {
	return json.Marshal(changeJSON{Before: c.before, After: c.after})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (c *Change) UnmarshalJSON(b []byte) error {
	var w changeJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	*c = Change{before: w.Before, after: w.After}
	return nil
}
