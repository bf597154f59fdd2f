package budgeting

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// maxPlaces bounds the decimal places of an amount or a number of points.
// Pabulib amounts have at most 2; the bound keeps 10^places in an int64.
const maxPlaces = 18

// MaxDigits bounds the digits of a number in a .pb file (a budget, a cost,
// points, a ballot limit), leading and trailing zeros included. The rules
// compute with amounts of at most 19 significant digits (63 bits once
// scaled to whole units), so the bound refuses nothing they could use; it
// keeps a number's text from costing more to read than its length. A longer
// number is refused with [ErrTooLarge].
const MaxDigits = 40

// parseDecimal reads a plain decimal number exactly: an optional sign,
// digits, and optionally a decimal point or comma followed by digits
// ("400000", "400000.0", "2532645,83", "-5", ".5"). It returns the value
// with the exponent the text implies, so "400000.0" keeps one decimal
// place, and ok=false for anything else (exponents, spaces, thousands
// separators, more than [maxPlaces] decimal places, more than [MaxDigits]
// digits).
func parseDecimal(s string) (d decimal.Decimal, ok bool) {
	if len(s) > MaxDigits+2 { // a sign and a decimal point
		return decimal.Decimal{}, false
	}
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	var mant uint64
	digits, places := 0, 0
	small := true // mant holds the digits read so far
	point := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if digits++; digits > MaxDigits {
				return decimal.Decimal{}, false
			}
			if point {
				places++
			}
			if small {
				if mant > (1<<63-1-9)/10 {
					small = false
				} else {
					mant = mant*10 + uint64(c-'0')
				}
			}
		case (c == '.' || c == ',') && !point:
			point = true
		default:
			return decimal.Decimal{}, false
		}
	}
	if digits == 0 || places > maxPlaces {
		return decimal.Decimal{}, false
	}
	if small {
		v := int64(mant)
		if neg {
			v = -v
		}
		return decimal.New(v, int32(-places)), true
	}
	text := strings.Replace(s, ",", "", 1)
	text = strings.Replace(text, ".", "", 1)
	z, _ := new(big.Int).SetString(text, 10) // only digits remain
	if neg {
		z.Neg(z)
	}
	return decimal.NewFromBigInt(z, int32(-places)), true
}

// numberError returns the error for a number text that parseDecimal
// refused: [ErrTooLarge] for more than [MaxDigits] digits, else
// [ErrInvalidNumber]. what names the number; the text is clipped.
func numberError(what, text string) error {
	digits := 0
	for i := 0; i < len(text) && digits <= MaxDigits; i++ {
		if text[i] >= '0' && text[i] <= '9' {
			digits++
		}
	}
	if digits > MaxDigits {
		return errorf(ErrTooLarge, "%s %q has %d bytes, more than the %d digits a number may have", what, clip(text), len(text), MaxDigits)
	}
	return errorf(ErrInvalidNumber, "%s %q", what, clip(text))
}

// amounts are the budget and the costs of an election scaled to whole
// numbers of one unit, 10^-places.
type amounts struct {
	places int32
	budget int64
	cost   []int64
}

// scaleAmounts scales the budget and the costs to one unit, the smallest
// any of them needs, and checks that each, and the budget and the costs
// added up, fit in 63 bits, as the rules need. An error wraps [ErrOverflow]
// and says which amount overflowed; at is the index of the project
// concerned, -1 for the budget.
func scaleAmounts(budget decimal.Decimal, projects []Project) (a amounts, at int, err error) {
	places := significantPlaces(budget)
	by := -1 // the project whose cost needs the most places
	for i, p := range projects {
		if q := significantPlaces(p.Cost); q > places {
			places, by = q, i
		}
	}
	unit := "whole units"
	if places > 0 {
		unit = "units of 10^-" + itoa(int(places))
		if by >= 0 {
			unit += fmt.Sprintf(" (project %q's cost %s has %d decimal places)", clip(projects[by].ID), clip(projects[by].Cost.String()), places)
		} else {
			unit += fmt.Sprintf(" (the budget has %d decimal places)", places)
		}
	}
	if places > maxPlaces {
		return amounts{}, by, errorf(ErrOverflow, "amounts with %d decimal places: more than %d", places, maxPlaces)
	}
	a.places = places
	var ok bool
	if a.budget, ok = scaled(budget, places); !ok {
		return amounts{}, -1, errorf(ErrOverflow, "the budget %s is more than 2^63-1 %s", clip(budget.String()), unit)
	}
	total := a.budget
	a.cost = make([]int64, len(projects))
	for i, p := range projects {
		if a.cost[i], ok = scaled(p.Cost, places); !ok {
			return amounts{}, i, errorf(ErrOverflow, "project %q's cost %s is more than 2^63-1 %s", clip(p.ID), clip(p.Cost.String()), unit)
		}
		if total += a.cost[i]; total < 0 {
			return amounts{}, i, errorf(ErrOverflow, "the budget %s and the costs up to project %q's (%s) add up to more than 2^63-1 %s, which the rules compute with", clip(budget.String()), clip(p.ID), clip(p.Cost.String()), unit)
		}
	}
	return a, -1, nil
}

// itoa formats i in base 10.
func itoa(i int) string { return strconv.Itoa(i) }

// decimalText returns d with as many decimal places as its exponent says:
// "400000.0" stays "400000.0", so a file read and written again keeps its
// numbers as they were typed (a decimal comma becomes a point).
func decimalText(d decimal.Decimal) string {
	places := int32(0)
	if e := d.Exponent(); e < 0 {
		places = -e
	}
	return d.StringFixed(places)
}

// significantPlaces returns the number of decimal places d needs once
// trailing zeros are dropped: 2 for 2532645.83, 0 for 400000.0.
func significantPlaces(d decimal.Decimal) int32 {
	n := d.Normalize()
	if e := n.Exponent(); e < 0 {
		return -e
	}
	return 0
}

// pow10 returns 10^n for 0 ≤ n ≤ [maxPlaces].
func pow10(n int32) int64 {
	p := int64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// scaled returns d·10^places as an int64, or ok=false when it is not a whole
// number or does not fit in 63 bits.
func scaled(d decimal.Decimal, places int32) (int64, bool) {
	s := d.Shift(places)
	if !s.IsInteger() {
		return 0, false
	}
	bi := s.BigInt()
	if !bi.IsInt64() {
		return 0, false
	}
	return bi.Int64(), true
}

// unscaled returns v/10^places as a decimal with exactly places places.
func unscaled(v int64, places int32) decimal.Decimal { return decimal.New(v, -places) }

// ratOfScaled returns num/10^places exactly: a currency amount from an
// amount scaled to whole numbers.
func ratOfScaled(num *big.Rat, places int32) *big.Rat {
	if places == 0 {
		return num
	}
	return new(big.Rat).Quo(num, new(big.Rat).SetInt64(pow10(places)))
}

// isNone reports whether an unquoted cell means "no value": empty, or none
// in any case (Pabulib writes "None" and "none").
func isNone(s string) bool {
	return s == "" || (len(s) == 4 && (s[0]|0x20) == 'n' && (s[1]|0x20) == 'o' && (s[2]|0x20) == 'n' && (s[3]|0x20) == 'e')
}
