package metrics

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"
)

// Precision of reported figures. Every quotient in this package is computed
// exactly from integers and rounded once, at the end, to one of these numbers
// of decimal places with [decimal.Decimal.DivRound]: half away from zero
// (0.0000005 becomes 0.000001, -0.0000005 becomes -0.000001). Percentages are
// rounded from the exact quotient, never from an already rounded value, so no
// figure is rounded twice.
const (
	// ValuePlaces is the number of decimal places of a ratio's value.
	ValuePlaces = 6
	// PercentPlaces is the number of decimal places of a percentage.
	PercentPlaces = 2
)

// Ratio is an exact quotient of two integers: the primitive every rate,
// share and mean in this package is built on. Keeping the numerator and the
// denominator (not only the value) lets a report say "45 of 60" beside
// "75.00 %", and lets two ratios be added up exactly.
//
// The denominator is never negative. A Ratio with a zero denominator is
// undefined: [Ratio.Value] returns [ErrUndefined] and [Ratio.PercentText]
// prints "undefined". The zero value is 0/0, undefined.
//
// Ratio is a comparable value type, safe for concurrent use.
type Ratio struct {
	num, den int64
}

// NewRatio returns num/den. The numerator may be negative (a change can be a
// loss); a negative denominator is rejected with [ErrNegative]. A zero
// denominator is allowed and yields an undefined Ratio.
func NewRatio(num, den int64) (Ratio, error) {
	if err := nonNegative("denominator", den); err != nil {
		return Ratio{}, err
	}
	return Ratio{num: num, den: den}, nil
}

// NewProportion returns part/whole for two counts where the part is a subset
// of the whole (attended of registered, answered of received). It rejects a
// negative count with [ErrNegative] and a part larger than its whole with
// [ErrPartExceedsWhole]. A zero whole yields an undefined Ratio.
func NewProportion(part, whole int64) (Ratio, error) {
	return namedProportion("part", part, "whole", whole)
}

// namedProportion is [NewProportion] with errors that name the caller's
// inputs ("attended = 12" rather than "part = 12").
func namedProportion(partName string, part int64, wholeName string, whole int64) (Ratio, error) {
	if err := nonNegative(partName, part); err != nil {
		return Ratio{}, err
	}
	if err := nonNegative(wholeName, whole); err != nil {
		return Ratio{}, err
	}
	if part > whole {
		return Ratio{}, inputErr(partName, part, ErrPartExceedsWhole)
	}
	return Ratio{num: part, den: whole}, nil
}

// Numerator returns the numerator.
func (r Ratio) Numerator() int64 { return r.num }

// Denominator returns the denominator, which is never negative.
func (r Ratio) Denominator() int64 { return r.den }

// Defined reports whether the denominator is not zero.
func (r Ratio) Defined() bool { return r.den != 0 }

// Value returns num/den rounded to [ValuePlaces] decimal places, or
// [ErrUndefined] when the denominator is zero.
func (r Ratio) Value() (decimal.Decimal, error) {
	return r.Round(ValuePlaces)
}

// Round returns num/den rounded half away from zero to places decimal
// places, or [ErrUndefined] when the denominator is zero.
func (r Ratio) Round(places int32) (decimal.Decimal, error) {
	if r.den == 0 {
		return decimal.Decimal{}, ErrUndefined
	}
	return decimal.New(r.num, 0).DivRound(decimal.New(r.den, 0), places), nil
}

// Percent returns 100·num/den rounded to [PercentPlaces] decimal places, or
// [ErrUndefined] when the denominator is zero.
func (r Ratio) Percent() (decimal.Decimal, error) {
	if r.den == 0 {
		return decimal.Decimal{}, ErrUndefined
	}
	return decimal.New(r.num, 2).DivRound(decimal.New(r.den, 0), PercentPlaces), nil
}

// PercentText returns the percentage with exactly [PercentPlaces] decimals
// and a percent sign, such as "62.50 %", or "undefined".
func (r Ratio) PercentText() string {
	p, err := r.Percent()
	if err != nil {
		return "undefined"
	}
	return p.StringFixed(PercentPlaces) + " %"
}

// ValueText returns the value with exactly [ValuePlaces] decimals, such as
// "0.625000", or "undefined".
func (r Ratio) ValueText() string {
	v, err := r.Value()
	if err != nil {
		return "undefined"
	}
	return v.StringFixed(ValuePlaces)
}

// String returns "num/den", such as "5/8".
func (r Ratio) String() string { return fmt.Sprintf("%d/%d", r.num, r.den) }

// Cmp compares two ratios exactly by cross-multiplication: -1 if r < s, 0 if
// equal, +1 if r > s. Equal values need not be equal Ratios: 1/2 and 2/4
// compare 0 with Cmp but differ with ==, because a Ratio keeps its counts. An undefined ratio sorts before every defined one and
// equals another undefined one.
func (r Ratio) Cmp(s Ratio) int {
	switch {
	case r.den == 0 && s.den == 0:
		return 0
	case r.den == 0:
		return -1
	case s.den == 0:
		return 1
	}
	return decimal.New(r.num, 0).Mul(decimal.New(s.den, 0)).Cmp(decimal.New(s.num, 0).Mul(decimal.New(r.den, 0)))
}

// ratioJSON is the wire form of a Ratio. Value and Percent are derived and
// written for readers; decoding reads the integers and checks the derived
// fields agree when present. The integers are JSON numbers: a ratio's counts
// stay far below 2^53, where JavaScript readers would lose precision.
type ratioJSON struct {
	Numerator   int64  `json:"numerator"`
	Denominator int64  `json:"denominator"`
	Value       string `json:"value"`
	Percent     string `json:"percent"`
}

// MarshalJSON writes the numerator, the denominator and, for readers, the
// value and percentage as strings ("undefined" when the denominator is 0).
func (r Ratio) MarshalJSON() ([]byte, error) {
	return json.Marshal(ratioJSON{
		Numerator:   r.num,
		Denominator: r.den,
		Value:       r.ValueText(),
		Percent:     r.PercentText(),
	})
}

// UnmarshalJSON reads what MarshalJSON writes. Both integers are required
// (a missing one is [ErrEmpty]); it rejects a negative denominator, and a
// value or percent field that disagrees with the integers
// ([ErrInconsistent]). A JSON null leaves r unchanged, as encoding/json
// expects.
func (r *Ratio) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	var w struct {
		Numerator   *int64 `json:"numerator"`
		Denominator *int64 `json:"denominator"`
		Value       string `json:"value"`
		Percent     string `json:"percent"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	if w.Numerator == nil || w.Denominator == nil {
		return &FieldError{Field: "ratio", Value: string(b), Err: ErrEmpty}
	}
	got, err := NewRatio(*w.Numerator, *w.Denominator)
	if err != nil {
		return err
	}
	if err := derivedAgrees("value", w.Value, got.ValueText()); err != nil {
		return err
	}
	if err := derivedAgrees("percent", w.Percent, got.PercentText()); err != nil {
		return err
	}
	*r = got
	return nil
}
