package budgeting

import (
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
)

// maxPlaces bounds the decimal places of an amount or a number of points.
// Pabulib amounts have at most 2; the bound keeps 10^places in an int64.
const maxPlaces = 18

// parseDecimal reads a plain decimal number exactly: an optional sign,
// digits, and optionally a decimal point or comma followed by digits
// ("400000", "400000.0", "2532645,83", "-5", ".5"). It returns the value
// with the exponent the text implies, so "400000.0" keeps one decimal
// place, and ok=false for anything else (exponents, spaces, thousands
// separators, more than [maxPlaces] decimal places).
func parseDecimal(s string) (d decimal.Decimal, ok bool) {
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
			digits++
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
