package metrics

import (
	"errors"
	"time"
)

// Period is a half-open span of time [Start, End): it contains Start and
// every instant before End. A reporting month, a signature window and a
// volunteering year are periods; every package of civitas uses this one
// type. Half-open periods tile without overlap: May ends where June starts.
//
// The zero value (both times zero) is the unbounded period, which contains
// every instant. Period is a comparable value type; its JSON form is
// {"start": RFC 3339, "end": RFC 3339}, both omitted for the zero period.
type Period struct {
	// Start is the first instant in the period.
	Start time.Time `json:"start,omitzero"`
	// End is the first instant after the period.
	End time.Time `json:"end,omitzero"`
}

// IsZero reports whether p is the unbounded zero period.
func (p Period) IsZero() bool { return p.Start.IsZero() && p.End.IsZero() }

// Contains reports whether t is in p: Start ≤ t < End, or always for the
// zero period.
func (p Period) Contains(t time.Time) bool {
	return p.IsZero() || (!t.Before(p.Start) && t.Before(p.End))
}

// Duration returns End − Start, or 0 for the zero period.
func (p Period) Duration() time.Duration {
	if p.IsZero() {
		return 0
	}
	return p.End.Sub(p.Start)
}

// Previous returns the period of the same length that ends where p starts:
// the comparison period of a trend. The zero period's previous period is
// the zero period.
func (p Period) Previous() Period {
	if p.IsZero() {
		return p
	}
	return Period{Start: p.Start.Add(-p.Duration()), End: p.Start}
}

// Validate returns nil for the zero period or a period whose two times are
// set with End after Start, and otherwise a [*FieldError] wrapping
// [ErrInvalid] for each problem, joined.
func (p Period) Validate() error {
	if p.IsZero() {
		return nil
	}
	var errs []error
	if p.Start.IsZero() {
		errs = append(errs, &FieldError{Field: "period.start", Value: "(not set)", Err: ErrInvalid})
	}
	if p.End.IsZero() {
		errs = append(errs, &FieldError{Field: "period.end", Value: "(not set)", Err: ErrInvalid})
	}
	if len(errs) == 0 && !p.End.After(p.Start) {
		errs = append(errs, &FieldError{Field: "period.end",
			Value: p.End.Format(time.RFC3339Nano) + " (not after start " + p.Start.Format(time.RFC3339Nano) + ")", Err: ErrInvalid})
	}
	return errors.Join(errs...)
}
