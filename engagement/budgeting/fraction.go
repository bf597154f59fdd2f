package budgeting

import (
	"encoding/json"
	"math/big"

	"github.com/shopspring/decimal"
)

// FractionPlaces is the number of decimal places of the "decimal" member
// of a [Fraction] in JSON, beside its exact value.
const FractionPlaces = 9

// smallFraction bounds the numerator and denominator of a fraction that
// text shows beside its decimal ("≈0.333333 (1/3)"): beyond it, the
// fraction says less to a reader than the decimal does.
const smallFraction = 1_000_000

// Fraction is an exact rational figure of an [Explanation] or an
// [Analysis]: a budget share, a payment, ρ, a load. Its JSON form holds the
// exact value as a reduced fraction and, for readers, the value rounded to
// [FractionPlaces]: {"exact":"17065/9","decimal":"1896.111111111"}.
//
// Fraction is an immutable value type, safe for concurrent use. The zero
// value is 0.
type Fraction struct {
	r *big.Rat // nil for 0
}

// NewFraction returns the fraction of r's value; nil gives 0. The fraction
// keeps its own copy.
func NewFraction(r *big.Rat) Fraction {
	if r == nil || r.Sign() == 0 {
		return Fraction{}
	}
	return Fraction{new(big.Rat).Set(r)}
}

// ParseFraction reads a fraction as [Fraction.String] writes it: an integer
// ("3", "-2") or a reduced fraction with a positive denominator ("17065/9").
// It returns an error wrapping [ErrInvalidNumber] for anything else,
// "2/4" and "1.5" included, so that each value has exactly one spelling.
func ParseFraction(s string) (Fraction, error) {
	r, ok := new(big.Rat).SetString(s)
	if !ok || r.RatString() != s {
		return Fraction{}, errorf(ErrInvalidNumber, "fraction %q", s)
	}
	return NewFraction(r), nil
}

// rat returns f's value without copying it; callers must not change it.
func (f Fraction) rat() *big.Rat {
	if f.r == nil {
		return new(big.Rat)
	}
	return f.r
}

// Rat returns f's exact value, a copy the caller may change.
func (f Fraction) Rat() *big.Rat { return new(big.Rat).Set(f.rat()) }

// Sign returns -1, 0 or +1 as f is negative, zero or positive.
func (f Fraction) Sign() int { return f.rat().Sign() }

// Cmp compares f and g exactly: -1 if f < g, 0 if equal, +1 if f > g.
func (f Fraction) Cmp(g Fraction) int { return f.rat().Cmp(g.rat()) }

// String returns f exactly: "3", "-2" or a reduced fraction "17065/9".
func (f Fraction) String() string { return f.rat().RatString() }

// Round returns f rounded half away from zero to places decimal places
// (a negative places rounds to tens, hundreds, …).
func (f Fraction) Round(places int32) decimal.Decimal { return roundRat(f.rat(), places) }

// Significant returns f rounded half away from zero to digits significant
// digits, but never to fewer than 0 decimal places: 1/3 to 3 digits is
// 0.333, 123456.7 to 3 digits is 123457. A digits below 1 counts as 1.
func (f Fraction) Significant(digits int) decimal.Decimal {
	r := f.rat()
	if r.Sign() == 0 {
		return decimal.Zero
	}
	a := new(big.Rat).Abs(r)
	// e = ⌊log10 a⌋: the digit counts give it to within one.
	e := len(a.Num().String()) - len(a.Denom().String())
	for a.Cmp(ratPow10(e)) < 0 {
		e--
	}
	for a.Cmp(ratPow10(e+1)) >= 0 {
		e++
	}
	return roundRat(r, int32(max(max(digits, 1)-1-e, 0)))
}

// isSmall reports whether f's numerator and denominator are both below
// smallFraction, and f is not a whole number.
func (f Fraction) isSmall() bool {
	r := f.rat()
	lim := big.NewInt(smallFraction)
	return !r.IsInt() && new(big.Int).Abs(r.Num()).Cmp(lim) < 0 && r.Denom().Cmp(lim) < 0
}

// fractionJSON is the JSON form of a Fraction.
type fractionJSON struct {
	Exact   string `json:"exact"`
	Decimal string `json:"decimal,omitempty"`
}

// MarshalJSON writes {"exact":"17065/9","decimal":"1896.111111111"}: the
// exact value and the value rounded to [FractionPlaces], both as strings so
// that no reader loses precision.
func (f Fraction) MarshalJSON() ([]byte, error) {
	return json.Marshal(fractionJSON{Exact: f.String(), Decimal: f.Round(FractionPlaces).StringFixed(FractionPlaces)})
}

// UnmarshalJSON reads what MarshalJSON writes. The exact value is required
// and read by [ParseFraction]; the decimal may be left out, and when given
// must be the exact value rounded to [FractionPlaces] ([ErrInvalid]).
// On error f is not changed.
func (f *Fraction) UnmarshalJSON(b []byte) error {
	var w fractionJSON
	if err := decodeJSON("fraction", b, &w); err != nil {
		return err
	}
	v, err := ParseFraction(w.Exact)
	if err != nil {
		return err
	}
	if want := v.Round(FractionPlaces).StringFixed(FractionPlaces); w.Decimal != "" && w.Decimal != want {
		return errorf(ErrInvalid, "fraction %s: decimal %q, want %q", w.Exact, w.Decimal, want)
	}
	*f = v
	return nil
}

// ratPow10 returns 10^e as a rational, for any integer e.
func ratPow10(e int) *big.Rat {
	if e >= 0 {
		return new(big.Rat).SetInt(tenPow(int32(e)))
	}
	return new(big.Rat).SetFrac(big.NewInt(1), tenPow(int32(-e)))
}

// tenPow returns 10^e for e ≥ 0.
func tenPow(e int32) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil)
}

// roundRat returns r rounded half away from zero to places decimal places.
func roundRat(r *big.Rat, places int32) decimal.Decimal {
	num, den := new(big.Int).Set(r.Num()), new(big.Int).Set(r.Denom())
	if places >= 0 {
		num.Mul(num, tenPow(places))
	} else {
		den.Mul(den, tenPow(-places))
	}
	q, m := num.QuoRem(num, den, new(big.Int)) // truncated toward zero
	if m.Abs(m).Lsh(m, 1).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(int64(r.Sign())))
	}
	return decimal.NewFromBigInt(q, -places)
}
