package metrics

import "github.com/civitas-go/civitas/internal/enum"

// The enums of this package, each backed by the one table implementation of
// internal/enum (see its doc for the naming and parsing rules).

// invalidName builds the error of an undeclared enum value or name.
func invalidName(field, value string) error {
	return &FieldError{Field: field, Value: value, Err: ErrInvalid}
}

var polarities = enum.New[Polarity]("Polarity", invalidName, "higher_is_better", "lower_is_better")

// Polarities returns every declared Polarity, in declaration order.
func Polarities() []Polarity { return polarities.Values() }

// ParsePolarity returns the Polarity named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParsePolarity(s string) (Polarity, error) { return polarities.Parse(s) }

// IsValid reports whether p is a declared Polarity.
func (p Polarity) IsValid() bool { return polarities.Valid(p) }

// String returns the wire name, such as "higher_is_better", or "Polarity(n)" for an
// undeclared value.
func (p Polarity) String() string { return polarities.String(p) }

// Text returns the name written for people, in words (as String, with spaces for
// underscores); see String for the wire name.
func (p Polarity) Text() string { return polarities.Text(p) }

// MarshalText returns the wire name; an undeclared value is an error.
func (p Polarity) MarshalText() ([]byte, error) { return polarities.Marshal(p) }

// UnmarshalText parses a name as [ParsePolarity] does, leaving p unchanged on error.
func (p *Polarity) UnmarshalText(b []byte) error { return polarities.Unmarshal(p, b) }

var comparisons = enum.New[Comparison]("Comparison", invalidName, "at_least", "at_most", "between")

// Comparisons returns every declared Comparison, in declaration order.
func Comparisons() []Comparison { return comparisons.Values() }

// ParseComparison returns the Comparison named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseComparison(s string) (Comparison, error) { return comparisons.Parse(s) }

// IsValid reports whether c is a declared Comparison.
func (c Comparison) IsValid() bool { return comparisons.Valid(c) }

// String returns the wire name, such as "at_least", or "Comparison(n)" for an
// undeclared value.
func (c Comparison) String() string { return comparisons.String(c) }

// Text returns the name written for people, in words (as String, with spaces for
// underscores); see String for the wire name.
func (c Comparison) Text() string { return comparisons.Text(c) }

// MarshalText returns the wire name; an undeclared value is an error.
func (c Comparison) MarshalText() ([]byte, error) { return comparisons.Marshal(c) }

// UnmarshalText parses a name as [ParseComparison] does, leaving c unchanged on error.
func (c *Comparison) UnmarshalText(b []byte) error { return comparisons.Unmarshal(c, b) }

var verdicts = enum.New[Verdict]("Verdict", invalidName, "met", "not_met", "undefined")

// Verdicts returns every declared Verdict, in declaration order.
func Verdicts() []Verdict { return verdicts.Values() }

// ParseVerdict returns the Verdict named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseVerdict(s string) (Verdict, error) { return verdicts.Parse(s) }

// IsValid reports whether v is a declared Verdict.
func (v Verdict) IsValid() bool { return verdicts.Valid(v) }

// String returns the wire name, such as "met", or "Verdict(n)" for an
// undeclared value.
func (v Verdict) String() string { return verdicts.String(v) }

// Text returns the name written for people, in words (as String, with spaces for
// underscores); see String for the wire name.
func (v Verdict) Text() string { return verdicts.Text(v) }

// MarshalText returns the wire name; an undeclared value is an error.
func (v Verdict) MarshalText() ([]byte, error) { return verdicts.Marshal(v) }

// UnmarshalText parses a name as [ParseVerdict] does, leaving v unchanged on error.
func (v *Verdict) UnmarshalText(b []byte) error { return verdicts.Unmarshal(v, b) }

var units = enum.New[Unit]("Unit", invalidName, "percent", "number", "count", "seconds", "minutes", "hours", "days")

// Units returns every declared Unit, in declaration order.
func Units() []Unit { return units.Values() }

// ParseUnit returns the Unit named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseUnit(s string) (Unit, error) { return units.Parse(s) }

// IsValid reports whether u is a declared Unit.
func (u Unit) IsValid() bool { return units.Valid(u) }

// String returns the wire name, such as "percent", or "Unit(n)" for an
// undeclared value.
func (u Unit) String() string { return units.String(u) }

// Text returns the name written for people, in words (as String, with spaces for
// underscores); see String for the wire name.
func (u Unit) Text() string { return units.Text(u) }

// MarshalText returns the wire name; an undeclared value is an error.
func (u Unit) MarshalText() ([]byte, error) { return units.Marshal(u) }

// UnmarshalText parses a name as [ParseUnit] does, leaving u unchanged on error.
func (u *Unit) UnmarshalText(b []byte) error { return units.Unmarshal(u, b) }

var cellStatuses = enum.New[CellStatus]("CellStatus", invalidName, "visible", "primary", "complementary")

// CellStatuses returns every declared CellStatus, in declaration order.
func CellStatuses() []CellStatus { return cellStatuses.Values() }

// ParseCellStatus returns the CellStatus named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseCellStatus(s string) (CellStatus, error) { return cellStatuses.Parse(s) }

// IsValid reports whether c is a declared CellStatus.
func (c CellStatus) IsValid() bool { return cellStatuses.Valid(c) }

// String returns the wire name, such as "visible", or "CellStatus(n)" for an
// undeclared value.
func (c CellStatus) String() string { return cellStatuses.String(c) }

// Text returns the name written for people, in words (as String, with spaces for
// underscores); see String for the wire name.
func (c CellStatus) Text() string { return cellStatuses.Text(c) }

// MarshalText returns the wire name; an undeclared value is an error.
func (c CellStatus) MarshalText() ([]byte, error) { return cellStatuses.Marshal(c) }

// UnmarshalText parses a name as [ParseCellStatus] does, leaving c unchanged on error.
func (c *CellStatus) UnmarshalText(b []byte) error { return cellStatuses.Unmarshal(c, b) }

var tones = enum.New[Tone]("Tone", invalidName, "negative", "neutral", "positive")

// Tones returns every declared Tone, in declaration order.
func Tones() []Tone { return tones.Values() }

// ParseTone returns the Tone named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseTone(s string) (Tone, error) { return tones.Parse(s) }

// IsValid reports whether t is a declared Tone.
func (t Tone) IsValid() bool { return tones.Valid(t) }

// String returns the wire name, such as "negative", or "Tone(n)" for an
// undeclared value.
func (t Tone) String() string { return tones.String(t) }

// Text returns the name written for people, in words (as String, with spaces for
// underscores); see String for the wire name.
func (t Tone) Text() string { return tones.Text(t) }

// MarshalText returns the wire name; an undeclared value is an error.
func (t Tone) MarshalText() ([]byte, error) { return tones.Marshal(t) }

// UnmarshalText parses a name as [ParseTone] does, leaving t unchanged on error.
func (t *Tone) UnmarshalText(b []byte) error { return tones.Unmarshal(t, b) }
