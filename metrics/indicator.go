package metrics

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// DurationPlaces is the number of decimal places of a duration shown in its
// indicator's unit ("3.50 d"), rounded half away from zero. Verdicts compare
// the exact duration, never this rounded text.
const DurationPlaces = 2

// ErrUnitMismatch reports a measurement that cannot be read in an
// indicator's unit, such as a duration for an indicator in percent or a
// ratio for one in days.
var ErrUnitMismatch = errors.New("metrics: measurement does not fit the unit")

// Polarity says which way an indicator improves (what performance
// management calls its polarity). It decides which targets make sense: a
// floor ([ComparisonAtLeast]) for a figure where more is better, a ceiling ([ComparisonAtMost])
// for one where less is better.
//
// The zero value is invalid.
type Polarity int

const (
	// PolarityHigherIsBetter marks a figure that improves as it grows: turnout,
	// attendance, closing-the-loop rate.
	PolarityHigherIsBetter Polarity = iota + 1
	// PolarityLowerIsBetter marks a figure that improves as it falls: response
	// time, dissimilarity from the population, inequality of contribution.
	PolarityLowerIsBetter
)

// Comparison is how a [Target] holds a value against its threshold(s).
// Every bound is inclusive: reaching the threshold meets the target.
//
// The zero value is invalid.
type Comparison int

const (
	// ComparisonAtLeast is met by a value ≥ the target's minimum.
	ComparisonAtLeast Comparison = iota + 1
	// ComparisonAtMost is met by a value ≤ the target's maximum.
	ComparisonAtMost
	// ComparisonBetween is met by a value with minimum ≤ value ≤ maximum.
	ComparisonBetween
)

// Verdict is the outcome of holding a measurement against its target.
//
// The zero value is invalid.
type Verdict int

const (
	// VerdictMet means the value meets the target.
	VerdictMet Verdict = iota + 1
	// VerdictNotMet means the value misses the target.
	VerdictNotMet
	// VerdictUndefined means there is no value to judge: its denominator is
	// zero (nobody registered, so no attendance rate) or it was never
	// measured. It is neither a success nor a failure.
	VerdictUndefined
)

// Unit is what an indicator's value and its target's thresholds are
// expressed in. It decides which measurements the indicator accepts, how the
// value is compared with the thresholds and how it is shown:
//
//	unit          accepts            compared as                      shown as
//	UnitPercent   ratio, decimal     100·value, exact                 "62.50 %"   (PercentPlaces)
//	UnitNumber    ratio, decimal     value, exact                     "0.625000"  (a ratio: ValuePlaces;
//	                                                                              a decimal: as given)
//	UnitCount     count              the integer                      "120"
//	UnitSeconds,  duration           the duration, exact to the       "3.50 d"    (DurationPlaces)
//	UnitMinutes,                     nanosecond
//	UnitHours,
//	UnitDays
//
// So a target "at least 60" on a UnitPercent indicator means 60 %, and "at
// most 14" on a UnitDays indicator means 14 days. An undefined measurement
// fits every unit.
//
// The zero value is invalid.
type Unit int

const (
	// UnitPercent reads a ratio or a decimal fraction as a percentage: 100
	// times the value, so 45/60 is 75 %.
	UnitPercent Unit = iota + 1
	// UnitNumber reads a ratio or a decimal as the plain number it is: a
	// frequency (impressions per person), a mean score, a Gini coefficient.
	UnitNumber
	// UnitCount reads a count of people or things: reach, attendees.
	UnitCount
	// UnitSeconds reads a duration in seconds.
	UnitSeconds
	// UnitMinutes reads a duration in minutes.
	UnitMinutes
	// UnitHours reads a duration in hours.
	UnitHours
	// UnitDays reads a duration in days of 24 hours: a commitment to answer
	// an inquiry within 14 days.
	UnitDays
)

// unitInfo is the table behind Unit: its name, the symbol shown after a
// value, and the length of one unit for the duration units.
var unitInfo = []struct {
	name, symbol string
	length       time.Duration
}{
	{},
	UnitPercent: {"percent", "%", 0},
	UnitNumber:  {"number", "", 0},
	UnitCount:   {"count", "", 0},
	UnitSeconds: {"seconds", "s", time.Second},
	UnitMinutes: {"minutes", "min", time.Minute},
	UnitHours:   {"hours", "h", time.Hour},
	UnitDays:    {"days", "d", 24 * time.Hour},
}

// Symbol returns what follows a value in this unit: "%", "s", "min", "h",
// "d", or "" for numbers, counts and invalid units.
func (u Unit) Symbol() string {
	if !u.IsValid() {
		return ""
	}
	return unitInfo[u].symbol
}

// withSymbol appends the unit's symbol to a number, as in "75.00 %".
func (u Unit) withSymbol(number string) string {
	if s := u.Symbol(); s != "" {
		return number + " " + s
	}
	return number
}

// measureKind is what a Measurement holds.
type measureKind uint8

const (
	kindNone measureKind = iota
	kindRatio
	kindCount
	kindDecimal
	kindDuration
)

// Measurement is the value of one indicator, held exactly: a [Ratio] (a
// rate, with its numerator and denominator), a count, a decimal (a mean
// score, a Gini coefficient, already rounded by the figure that produced
// it) or a duration (a response time). Build it with [FromRatio],
// [FromCount], [FromDecimal] or [FromDuration].
//
// A Measurement is undefined when it holds an undefined ratio (zero
// denominator) or nothing at all. The zero value holds nothing: use it for
// a figure that could not be computed, such as the median response time of
// no responses.
//
// Measurement is an immutable value, safe for concurrent use.
type Measurement struct {
	kind  measureKind
	ratio Ratio           // kindRatio
	n     int64           // kindCount: the count; kindDuration: nanoseconds
	dec   decimal.Decimal // kindDecimal
}

// FromRatio returns a measurement holding r; it is undefined when r is.
func FromRatio(r Ratio) Measurement { return Measurement{kind: kindRatio, ratio: r} }

// FromCount returns a measurement holding the count n. A negative count is
// rejected with [ErrNegative].
func FromCount(n int64) (Measurement, error) {
	if err := nonNegative("count", n); err != nil {
		return Measurement{}, err
	}
	return Measurement{kind: kindCount, n: n}, nil
}

// FromDecimal returns a measurement holding d exactly, with the number of
// decimal places it has: 3.80 stays 3.80 and is shown so.
func FromDecimal(d decimal.Decimal) Measurement { return Measurement{kind: kindDecimal, dec: d} }

// FromDuration returns a measurement holding the duration d. A negative
// duration is rejected with [ErrNegative].
func FromDuration(d time.Duration) (Measurement, error) {
	if err := nonNegative("duration", int64(d)); err != nil {
		return Measurement{}, err
	}
	return Measurement{kind: kindDuration, n: int64(d)}, nil
}

// Defined reports whether m holds a value: it is false for the zero
// Measurement and for a ratio with a zero denominator.
func (m Measurement) Defined() bool {
	return m.kind != kindNone && (m.kind != kindRatio || m.ratio.Defined())
}

// Ratio returns the ratio m holds, and whether it holds one.
func (m Measurement) Ratio() (Ratio, bool) { return m.ratio, m.kind == kindRatio }

// Count returns the count m holds, and whether it holds one.
func (m Measurement) Count() (int64, bool) {
	if m.kind != kindCount {
		return 0, false
	}
	return m.n, true
}

// Decimal returns the decimal m holds, and whether it holds one. It does
// not convert: a measurement holding a ratio returns false.
func (m Measurement) Decimal() (decimal.Decimal, bool) { return m.dec, m.kind == kindDecimal }

// Duration returns the duration m holds, and whether it holds one.
func (m Measurement) Duration() (time.Duration, bool) {
	if m.kind != kindDuration {
		return 0, false
	}
	return time.Duration(m.n), true
}

// String returns the value in its own terms: "45/60" for a ratio, "120"
// for a count, "3.80" for a decimal, "72h0m0s" for a duration, and
// "undefined" for the zero Measurement.
func (m Measurement) String() string {
	switch m.kind {
	case kindRatio:
		return m.ratio.String()
	case kindCount:
		return strconv.FormatInt(m.n, 10)
	case kindDecimal:
		return exactText(m.dec)
	case kindDuration:
		return time.Duration(m.n).String()
	}
	return "undefined"
}

// fits reports whether m can be read in unit u (see the table on [Unit]).
func (m Measurement) fits(u Unit) bool {
	switch m.kind {
	case kindNone:
		return u.IsValid()
	case kindRatio, kindDecimal:
		return u == UnitPercent || u == UnitNumber
	case kindCount:
		return u == UnitCount
	}
	return u.IsValid() && unitInfo[u].length > 0
}

// quotient returns m read in unit u as an exact fraction num/den with
// den > 0. m must be defined and fit u.
func (m Measurement) quotient(u Unit) (num, den decimal.Decimal) {
	num, den = decimal.New(m.n, 0), decimal.New(1, 0)
	switch m.kind {
	case kindRatio:
		num, den = decimal.New(m.ratio.num, 0), decimal.New(m.ratio.den, 0)
	case kindDecimal:
		num = m.dec
	case kindDuration:
		den = decimal.New(int64(unitInfo[u].length), 0)
	}
	if u == UnitPercent {
		num = num.Shift(2)
	}
	return num, den
}

// cmp compares m read in unit u with the threshold t exactly: num/den
// against t is num against t·den, as den > 0. m must be defined and fit u.
func (m Measurement) cmp(u Unit, t decimal.Decimal) int {
	num, den := m.quotient(u)
	return num.Cmp(t.Mul(den))
}

// number returns m read in unit u as text without its symbol, rounded as
// the table on [Unit] says. m must be defined and fit u.
func (m Measurement) number(u Unit) string {
	num, den := m.quotient(u)
	var places int32
	switch {
	case u == UnitPercent:
		places = PercentPlaces
	case m.kind == kindDuration:
		places = DurationPlaces
	case m.kind == kindRatio:
		places = ValuePlaces
	default: // a count, or a decimal read as a number: exact as given
		return m.String()
	}
	return num.DivRound(den, places).StringFixed(places)
}

// exactText writes d with exactly the decimal places its exponent gives it
// ("3.80", not "3.8" as d.String does), so that the text parses back to the
// same number of places.
func exactText(d decimal.Decimal) string {
	return d.StringFixed(max(0, -d.Exponent()))
}

// parseDecimal parses the exact text of a decimal for a decoder, naming the
// field in the error.
func parseDecimal(input, s string) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, &FieldError{Field: input, Value: strconv.Quote(s), Err: ErrOutOfRange}
	}
	return d, nil
}

// measurementJSON is the wire form of a Measurement: at most one field is
// present, and none for the zero Measurement.
type measurementJSON struct {
	Ratio   *Ratio  `json:"ratio,omitempty"`
	Count   *int64  `json:"count,omitempty"`
	Decimal *string `json:"decimal,omitempty"`
	Seconds *string `json:"seconds,omitempty"`
}

// MarshalJSON writes one field named after what m holds: {"ratio": {...}}
// (as [Ratio.MarshalJSON] writes it), {"count": 120}, {"decimal": "3.80"}
// (a string, exact) or {"seconds": "259200.5"} (a duration as a decimal
// string of seconds, exact to the nanosecond); {} for the zero Measurement.
func (m Measurement) MarshalJSON() ([]byte, error) {
	var w measurementJSON
	switch m.kind {
	case kindRatio:
		w.Ratio = &m.ratio
	case kindCount:
		w.Count = &m.n
	case kindDecimal:
		s := exactText(m.dec)
		w.Decimal = &s
	case kindDuration:
		s := decimal.New(m.n, -9).String() // no trailing zeros: "1.5", "259200"
		w.Seconds = &s
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes and validates it as the
// constructors do. More than one field is rejected with [ErrInconsistent],
// a negative count or duration with [ErrNegative], a duration finer than a
// nanosecond or beyond the range of [time.Duration] with [ErrOutOfRange].
func (m *Measurement) UnmarshalJSON(b []byte) error {
	var w measurementJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	present := 0
	for _, set := range []bool{w.Ratio != nil, w.Count != nil, w.Decimal != nil, w.Seconds != nil} {
		if set {
			present++
		}
	}
	if present > 1 {
		return &FieldError{Field: "measurement", Value: string(b), Err: ErrInconsistent}
	}
	var got Measurement
	var err error
	switch {
	case w.Ratio != nil:
		got = FromRatio(*w.Ratio)
	case w.Count != nil:
		got, err = FromCount(*w.Count)
	case w.Decimal != nil:
		var d decimal.Decimal
		d, err = parseDecimal("decimal", *w.Decimal)
		got = FromDecimal(d)
	case w.Seconds != nil:
		got, err = durationFromSeconds(*w.Seconds)
	}
	if err != nil {
		return err
	}
	*m = got
	return nil
}

// durationFromSeconds parses a decimal number of seconds into a duration
// measurement, exact to the nanosecond.
func durationFromSeconds(s string) (Measurement, error) {
	secs, err := parseDecimal("seconds", s)
	if err != nil {
		return Measurement{}, err
	}
	ns := secs.Shift(9)
	switch {
	case !ns.IsInteger() || ns.Cmp(decimal.NewFromInt(math.MaxInt64)) > 0:
		return Measurement{}, &FieldError{Field: "seconds", Value: strconv.Quote(s), Err: ErrOutOfRange}
	case ns.Sign() < 0:
		return Measurement{}, &FieldError{Field: "seconds", Value: strconv.Quote(s), Err: ErrNegative}
	}
	return Measurement{kind: kindDuration, n: ns.IntPart()}, nil
}

// Target is what an indicator should reach: a floor ([ComparisonAtLeast]), a ceiling
// ([ComparisonAtMost]) or a band ([ComparisonBetween]), with thresholds in the indicator's
// [Unit]. Bounds are inclusive. Build one with [TargetAtLeast],
// [TargetAtMost] or [TargetBetween].
//
// The zero value has no comparison and is invalid. Target is an immutable
// value, safe for concurrent use.
type Target struct {
	cmp      Comparison
	min, max decimal.Decimal
}

// TargetAtLeast returns the target "value ≥ min".
func TargetAtLeast(min decimal.Decimal) Target { return Target{cmp: ComparisonAtLeast, min: min} }

// TargetAtMost returns the target "value ≤ max".
func TargetAtMost(max decimal.Decimal) Target { return Target{cmp: ComparisonAtMost, max: max} }

// TargetBetween returns the target "min ≤ value ≤ max". It rejects
// min > max with [ErrOutOfRange].
func TargetBetween(min, max decimal.Decimal) (Target, error) {
	if min.Cmp(max) > 0 {
		return Target{}, &FieldError{Field: "min", Value: exactText(min) + " > max " + exactText(max), Err: ErrOutOfRange}
	}
	return Target{cmp: ComparisonBetween, min: min, max: max}, nil
}

// Comparison returns how the target compares; 0 for the zero Target.
func (t Target) Comparison() Comparison { return t.cmp }

// Min returns the lower bound and whether there is one (for [ComparisonAtLeast] and
// [ComparisonBetween]).
func (t Target) Min() (decimal.Decimal, bool) {
	return t.min, t.cmp == ComparisonAtLeast || t.cmp == ComparisonBetween
}

// Max returns the upper bound and whether there is one (for [ComparisonAtMost] and
// [ComparisonBetween]).
func (t Target) Max() (decimal.Decimal, bool) {
	return t.max, t.cmp == ComparisonAtMost || t.cmp == ComparisonBetween
}

// IsValid reports whether t was built by one of the constructors.
func (t Target) IsValid() bool { return t.cmp.IsValid() }

// String returns the target in words with exact thresholds: "at least 60",
// "at most 14", "between 40 and 60", or "no target" for the zero Target.
func (t Target) String() string {
	switch t.cmp {
	case ComparisonAtLeast:
		return "at least " + exactText(t.min)
	case ComparisonAtMost:
		return "at most " + exactText(t.max)
	case ComparisonBetween:
		return "between " + exactText(t.min) + " and " + exactText(t.max)
	}
	return "no target"
}

// met reports whether the defined measurement m, read in unit u, meets t.
func (t Target) met(m Measurement, u Unit) bool {
	if lo, ok := t.Min(); ok && m.cmp(u, lo) < 0 {
		return false
	}
	if hi, ok := t.Max(); ok && m.cmp(u, hi) > 0 {
		return false
	}
	return true
}

// targetJSON is the wire form of a Target; min and max are exact decimal
// strings, present only where the comparison has them.
type targetJSON struct {
	Comparison Comparison `json:"comparison"`
	Min        *string    `json:"min,omitempty"`
	Max        *string    `json:"max,omitempty"`
}

// MarshalJSON writes {"comparison": "at-least", "min": "60"}, with "min"
// and "max" as exact decimal strings where the comparison has them. The
// zero Target fails with [ErrOutOfRange].
func (t Target) MarshalJSON() ([]byte, error) {
	w := targetJSON{Comparison: t.cmp}
	if lo, ok := t.Min(); ok {
		s := exactText(lo)
		w.Min = &s
	}
	if hi, ok := t.Max(); ok {
		s := exactText(hi)
		w.Max = &s
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes. A bound the comparison needs
// but lacks, or has but does not use, is rejected with [ErrInconsistent];
// min > max with [ErrOutOfRange].
func (t *Target) UnmarshalJSON(b []byte) error {
	var w targetJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	wantMin := w.Comparison == ComparisonAtLeast || w.Comparison == ComparisonBetween
	wantMax := w.Comparison == ComparisonAtMost || w.Comparison == ComparisonBetween
	if !w.Comparison.IsValid() {
		return &FieldError{Field: "comparison", Value: w.Comparison.String(), Err: ErrOutOfRange}
	}
	if wantMin != (w.Min != nil) || wantMax != (w.Max != nil) {
		return &FieldError{Field: "target", Value: string(b), Err: ErrInconsistent}
	}
	var lo, hi decimal.Decimal
	var err error
	if wantMin {
		if lo, err = parseDecimal("min", *w.Min); err != nil {
			return err
		}
	}
	if wantMax {
		if hi, err = parseDecimal("max", *w.Max); err != nil {
			return err
		}
	}
	got := Target{cmp: w.Comparison, min: lo, max: hi}
	if w.Comparison == ComparisonBetween {
		if got, err = TargetBetween(lo, hi); err != nil {
			return err
		}
	}
	*t = got
	return nil
}

// Indicator is one success indicator: a named figure with a written
// definition, the unit it is read in, the direction in which it improves,
// and the target it is held against. It follows the anatomy of an indicator
// in results-based monitoring (Kusek & Rist 2004, Ten Steps to a
// Results-Based Monitoring and Evaluation System; OECD DAC, Glossary of Key
// Terms in Evaluation and Results Based Management, 2002: "a quantitative
// or qualitative factor or variable that provides a simple and reliable
// means to measure achievement"): what is measured, how, and against what.
//
// The zero value has no name and is invalid. Indicator is an immutable
// value, safe for concurrent use.
type Indicator struct {
	name, definition string
	unit             Unit
	better           Polarity
	target           Target
}

// NewIndicator returns an indicator after checking every argument, and
// reports all problems at once with [errors.Join]:
//
//   - name and definition must be non-empty ([ErrEmpty]) and one line of
//     printable text ([ErrOutOfRange]), so that every rendering of a
//     [Scorecard] can show them;
//   - unit, better and target must be valid ([ErrOutOfRange]);
//   - the target must not reward the worse direction ([ErrInconsistent]):
//     an [ComparisonAtLeast] target for a LowerIsBetter indicator, or an [ComparisonAtMost]
//     target for a HigherIsBetter one. A [ComparisonBetween] target suits both.
func NewIndicator(name, definition string, unit Unit, better Polarity, target Target) (Indicator, error) {
	var errs []error
	errs = append(errs, checkLabel("name", name), checkLabel("definition", definition))
	if !unit.IsValid() {
		errs = append(errs, inputErr("unit", int64(unit), ErrOutOfRange))
	}
	if !better.IsValid() {
		errs = append(errs, inputErr("direction", int64(better), ErrOutOfRange))
	}
	switch {
	case !target.IsValid():
		errs = append(errs, &FieldError{Field: "target", Value: target.String(), Err: ErrOutOfRange})
	case better == PolarityHigherIsBetter && target.cmp == ComparisonAtMost, better == PolarityLowerIsBetter && target.cmp == ComparisonAtLeast:
		errs = append(errs, &FieldError{Field: "target", Value: target.String() + " for " + better.String(), Err: ErrInconsistent})
	}
	if err := errors.Join(errs...); err != nil {
		return Indicator{}, err
	}
	return Indicator{name: name, definition: definition, unit: unit, better: better, target: target}, nil
}

// checkLabel checks that s is one non-empty line of printable UTF-8 text:
// no control characters (a newline would break a text table's rows), and
// valid UTF-8 (JSON would replace a bad byte, so the text would not
// round-trip).
func checkLabel(input, s string) error {
	if strings.TrimSpace(s) == "" {
		return &FieldError{Field: input, Value: strconv.Quote(s), Err: ErrEmpty}
	}
	if !utf8.ValidString(s) || strings.IndexFunc(s, func(r rune) bool { return !unicode.IsGraphic(r) }) >= 0 {
		return &FieldError{Field: input, Value: strconv.Quote(s), Err: ErrOutOfRange}
	}
	return nil
}

// Name returns the indicator's name, such as "Attendance rate".
func (ind Indicator) Name() string { return ind.name }

// Definition returns the written definition, such as "people who attended
// / people who registered".
func (ind Indicator) Definition() string { return ind.definition }

// Unit returns the unit of the value and of the target's thresholds.
func (ind Indicator) Unit() Unit { return ind.unit }

// Direction returns the direction in which the indicator improves.
func (ind Indicator) Direction() Polarity { return ind.better }

// Target returns the target the indicator is held against.
func (ind Indicator) Target() Target { return ind.target }

// TargetText returns the target with the unit's symbol, such as "at least
// 60 %" or "at most 14 d".
func (ind Indicator) TargetText() string { return ind.unit.withSymbol(ind.target.String()) }

// Evaluate holds m against the indicator's target and returns the
// evaluation. The comparison is exact: 2/3 read in percent is 66.666…, so
// it does not meet "at least 66.67" even though it is shown as "66.67 %".
// An undefined m gives [VerdictUndefined]. A measurement that does not fit
// the indicator's unit (see [Unit]) is rejected with [ErrUnitMismatch], and
// the zero Indicator with [ErrOutOfRange].
func (ind Indicator) Evaluate(m Measurement) (Evaluation, error) {
	if !ind.unit.IsValid() {
		return Evaluation{}, &FieldError{Field: "indicator", Value: strconv.Quote(ind.name), Err: ErrOutOfRange}
	}
	if !m.fits(ind.unit) {
		return Evaluation{}, &FieldError{Field: "measurement", Value: m.String() + " in " + ind.unit.String(), Err: ErrUnitMismatch}
	}
	v := VerdictUndefined
	if m.Defined() {
		v = VerdictNotMet
		if ind.target.met(m, ind.unit) {
			v = VerdictMet
		}
	}
	return Evaluation{indicator: ind, value: m, verdict: v}, nil
}

// indicatorJSON is the wire form of an Indicator.
type indicatorJSON struct {
	Name       string   `json:"name"`
	Definition string   `json:"definition"`
	Unit       Unit     `json:"unit"`
	Direction  Polarity `json:"direction"`
	Target     Target   `json:"target"`
}

// MarshalJSON writes {"name", "definition", "unit", "direction",
// "target"}, the enums by name and the target as [Target.MarshalJSON]
// writes it.
func (ind Indicator) MarshalJSON() ([]byte, error) {
	return json.Marshal(indicatorJSON{ind.name, ind.definition, ind.unit, ind.better, ind.target})
}

// UnmarshalJSON reads what MarshalJSON writes and validates it with
// [NewIndicator], returning its errors.
func (ind *Indicator) UnmarshalJSON(b []byte) error {
	var w indicatorJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	got, err := NewIndicator(w.Name, w.Definition, w.Unit, w.Direction, w.Target)
	if err != nil {
		return err
	}
	*ind = got
	return nil
}

// Evaluation is an indicator with its measured value and the verdict
// against its target. Get one from [Indicator.Evaluate]; the zero value
// has no indicator and is invalid.
//
// Evaluation is an immutable value, safe for concurrent use.
type Evaluation struct {
	indicator Indicator
	value     Measurement
	verdict   Verdict
}

// Indicator returns the indicator evaluated.
func (e Evaluation) Indicator() Indicator { return e.indicator }

// Measurement returns the value measured.
func (e Evaluation) Measurement() Measurement { return e.value }

// Verdict returns the outcome: met, not met, or undefined.
func (e Evaluation) Verdict() Verdict { return e.verdict }

// ValueText returns the value in the indicator's unit with its symbol,
// rounded for display as the table on [Unit] says: "75.00 %", "3.50 d",
// "120", or "undefined".
func (e Evaluation) ValueText() string {
	if !e.value.Defined() {
		return "undefined"
	}
	return e.indicator.unit.withSymbol(e.value.number(e.indicator.unit))
}

// Basis returns the numerator and denominator of a ratio, such as "45 of
// 60", so that a reader sees how many people a rate stands for; "" for a
// value that is not a ratio.
func (e Evaluation) Basis() string {
	r, ok := e.value.Ratio()
	if !ok {
		return ""
	}
	return fmt.Sprintf("%d of %d", r.num, r.den)
}

// evaluationJSON is the wire form of an Evaluation. Value is derived and
// written for readers.
type evaluationJSON struct {
	Indicator   Indicator   `json:"indicator"`
	Measurement Measurement `json:"measurement"`
	Value       string      `json:"value"`
	Verdict     Verdict     `json:"verdict"`
}

// MarshalJSON writes {"indicator", "measurement", "value", "verdict"}:
// the indicator and measurement as their MarshalJSON write them, the value
// as [Evaluation.ValueText] shows it, and the verdict by name.
func (e Evaluation) MarshalJSON() ([]byte, error) {
	return json.Marshal(evaluationJSON{e.indicator, e.value, e.ValueText(), e.verdict})
}

// UnmarshalJSON reads what MarshalJSON writes. It evaluates the measurement
// again with [Indicator.Evaluate] and rejects a verdict or value text that
// disagrees with the result with [ErrInconsistent].
func (e *Evaluation) UnmarshalJSON(b []byte) error {
	var w evaluationJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	got, err := w.Indicator.Evaluate(w.Measurement)
	if err != nil {
		return err
	}
	if w.Verdict != got.verdict {
		return &FieldError{Field: "verdict", Value: w.Verdict.String(), Err: ErrInconsistent}
	}
	if w.Value != got.ValueText() {
		return &FieldError{Field: "value", Value: strconv.Quote(w.Value), Err: ErrInconsistent}
	}
	*e = got
	return nil
}
