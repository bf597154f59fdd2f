package metrics

import (
	"encoding/json"
	"math"
	"math/big"
	"strconv"

	"github.com/shopspring/decimal"
)

// MinExpectedCount is the smallest expected count per group for which the
// chi-square approximation is trusted here: 5, the rule of thumb from
// Cochran (1954). Cochran allows up to a fifth of the cells between 1 and 5;
// this package applies the stricter form that every expected count be at
// least 5, the one most practitioners quote.
const MinExpectedCount = 5

// ChiSquare is the result of Pearson's (1900) chi-square goodness-of-fit
// test of the participants' breakdown against the population shares:
//
//	χ² = Σ_k (O_k − E_k)² / E_k,  O_k = a_k,  E_k = A·b_k / B
//
// over the groups with a population, with k − 1 degrees of freedom (k the
// number of those groups). A small p-value says the participants are
// unlikely to be a random draw from the population: some groups took part
// more than others.
//
// The statistic is exact (a sum of fractions of integers, rounded once to
// [ValuePlaces] places). The p-value is the one figure of this package that
// cannot be exact: it is the upper tail of the chi-square distribution,
// Q(df/2, χ²/2), the regularized upper incomplete gamma function, computed
// in float64 by its series or continued fraction (Press et al., Numerical
// Recipes, §6.2) from the exact statistic; the tests hold it to the closed
// forms within 1e-11 relative.
//
// The zero value has no degrees of freedom, a zero statistic and a p-value
// of 0; it is not the result of any test.
type ChiSquare struct {
	statistic decimal.Decimal
	df        int
	pValue    float64
	valid     bool
}

// ChiSquare runs the goodness-of-fit test described at [ChiSquare]. Groups
// with no population (and so no participants) are left out. It returns
// [ErrUndefined] when there are no participants or fewer than two groups
// have a population (there is then nothing to test).
func (r Representation) ChiSquare() (ChiSquare, error) {
	if r.participants == 0 {
		return ChiSquare{}, ErrUndefined
	}
	// (O − E)²/E = (a·B − A·b)² / (A·B·b). Keep 1/(A·B) outside and add
	// the fractions d²/b as num/den without reducing them: a gcd per step
	// would cost more than the growing products.
	num, den := new(big.Int), big.NewInt(1)
	var d, y big.Int
	k := 0
	valid := true
	for _, g := range r.groups {
		if g.b == 0 {
			continue
		}
		k++
		mulBig(&d, g.a, r.population)
		mulBig(&y, r.participants, g.b)
		d.Sub(&d, &y)
		d.Mul(&d, &d)
		// num/den + d²/b = (num·b + d²·den) / (den·b)
		y.SetInt64(g.b)
		num.Mul(num, &y).Add(num, d.Mul(&d, den))
		den.Mul(den, &y)
		// E < 5  ⇔  A·b < 5·B.
		if cmpProducts(r.participants, g.b, MinExpectedCount, r.population) < 0 {
			valid = false
		}
	}
	if k < 2 {
		return ChiSquare{}, ErrUndefined
	}
	den.Mul(den, mulBig(&y, r.participants, r.population))
	x, _ := new(big.Rat).SetFrac(num, den).Float64()
	df := k - 1
	return ChiSquare{
		statistic: quoRound(num, den, ValuePlaces),
		df:        df,
		pValue:    chiSquareUpperTail(x, df),
		valid:     valid,
	}, nil
}

// Statistic returns χ², exact to [ValuePlaces] places.
func (c ChiSquare) Statistic() decimal.Decimal { return c.statistic }

// DegreesOfFreedom returns k − 1, k the number of groups with a population.
func (c ChiSquare) DegreesOfFreedom() int { return c.df }

// PValue returns P(X ≥ χ²) for X chi-square distributed with
// [ChiSquare.DegreesOfFreedom] degrees of freedom, in float64 (see
// [ChiSquare] for why it is not exact).
func (c ChiSquare) PValue() float64 { return c.pValue }

// Valid reports whether every expected count is at least
// [MinExpectedCount], so that the p-value can be trusted. When it is false,
// merge small groups or report the figures without the test.
func (c ChiSquare) Valid() bool { return c.valid }

// chiSquareUpperTail returns P(X ≥ x) for X ~ χ²(df): Q(df/2, x/2).
func chiSquareUpperTail(x float64, df int) float64 {
	return upperGammaQ(float64(df)/2, x/2)
}

const (
	gammaEps     = 1e-15   // relative accuracy at which the iterations stop
	gammaTiny    = 1e-300  // guards the continued fraction against division by 0
	gammaMaxIter = 100_000 // far above the ~√a·10 terms needed for any df here
)

// upperGammaQ returns the regularized upper incomplete gamma function
// Q(a, x) = Γ(a, x)/Γ(a) for a > 0, x ≥ 0: by the series for P(a, x) when
// x < a+1 (where it converges fast) and Q = 1 − P, otherwise by the
// continued fraction for Q evaluated with the modified Lentz method
// (Numerical Recipes, §6.2, gser and gcf).
func upperGammaQ(a, x float64) float64 {
	switch {
	case x <= 0:
		return 1
	case x < a+1:
		return 1 - gammaSeries(a, x)
	default:
		return gammaContinuedFraction(a, x)
	}
}

// gammaPrefactor returns e^(−x)·x^a / Γ(a), computed in logarithms.
func gammaPrefactor(a, x float64) float64 {
	lg, _ := math.Lgamma(a)
	return math.Exp(-x + a*math.Log(x) - lg)
}

// gammaSeries returns P(a, x) = e^(−x) x^a / Γ(a) · Σ_n x^n / (a(a+1)…(a+n)).
func gammaSeries(a, x float64) float64 {
	ap, del := a, 1/a
	sum := del
	for range gammaMaxIter {
		ap++
		del *= x / ap
		sum += del
		if math.Abs(del) < math.Abs(sum)*gammaEps {
			break
		}
	}
	return sum * gammaPrefactor(a, x)
}

// gammaContinuedFraction returns Q(a, x) from the continued fraction
// e^(−x) x^a / Γ(a) · 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …))).
func gammaContinuedFraction(a, x float64) float64 {
	b := x + 1 - a
	c := 1 / gammaTiny
	d := 1 / b
	h := d
	for i := 1; i <= gammaMaxIter; i++ {
		an := -float64(i) * (float64(i) - a)
		b += 2
		d = an*d + b
		if math.Abs(d) < gammaTiny {
			d = gammaTiny
		}
		c = b + an/c
		if math.Abs(c) < gammaTiny {
			c = gammaTiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < gammaEps {
			break
		}
	}
	return h * gammaPrefactor(a, x)
}

type chiSquareJSON struct {
	Statistic        string  `json:"statistic"`
	DegreesOfFreedom int     `json:"degrees_of_freedom"`
	PValue           float64 `json:"p_value"`
	Valid            bool    `json:"valid"`
}

// MarshalJSON writes {"statistic":"4.000000","degrees_of_freedom":2,
// "p_value":0.1353352832366127,"valid":true}: the statistic as a decimal
// string with [ValuePlaces] places, the p-value as a JSON number (the
// shortest form that reads back to the same float64).
func (c ChiSquare) MarshalJSON() ([]byte, error) {
	return json.Marshal(chiSquareJSON{
		Statistic: c.statistic.StringFixed(ValuePlaces), DegreesOfFreedom: c.df, PValue: c.pValue, Valid: c.valid,
	})
}

// UnmarshalJSON reads what MarshalJSON writes. It rejects a statistic that
// is not a decimal or is negative, fewer than one degree of freedom and a
// p-value outside [0, 1] with [ErrOutOfRange]. It cannot check the p-value
// against the statistic (the statistic is rounded); decode a whole
// [Representation] for that.
func (c *ChiSquare) UnmarshalJSON(b []byte) error {
	var w chiSquareJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	stat, err := decimal.NewFromString(w.Statistic)
	switch {
	case err != nil || stat.IsNegative():
		return &FieldError{Field: "statistic", Value: strconv.Quote(w.Statistic), Err: ErrOutOfRange}
	case w.DegreesOfFreedom < 1:
		return inputErr("degrees_of_freedom", int64(w.DegreesOfFreedom), ErrOutOfRange)
	case !(w.PValue >= 0 && w.PValue <= 1):
		return &FieldError{Field: "p_value", Value: strconv.FormatFloat(w.PValue, 'g', -1, 64), Err: ErrOutOfRange}
	}
	*c = ChiSquare{statistic: stat, df: w.DegreesOfFreedom, pValue: w.PValue, valid: w.Valid}
	return nil
}

// agrees reports whether two results of the same test agree: the exact
// parts equal, the p-values within a relative 1e-9, which allows for
// floating-point differences between machines (fused multiply-add).
func (c ChiSquare) agrees(d ChiSquare) bool {
	return c.statistic.Equal(d.statistic) && c.df == d.df && c.valid == d.valid &&
		math.Abs(c.pValue-d.pValue) <= 1e-9*math.Max(c.pValue, d.pValue)
}
