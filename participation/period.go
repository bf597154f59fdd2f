package participation

import (
	"errors"
	"math"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Period is a half-open span of time [Start, End): it contains Start and
// every instant before End. A signature window, a volunteering year and a
// reporting month are periods. Half-open periods tile without overlap: the
// month of May ends where June starts.
//
// The zero value (both times zero) is the unbounded period, which contains
// every instant: an initiative without a signature window. Period is a
// comparable value type.
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

// Validate reports an error wrapping [ErrInvalid] unless p is the zero
// period or both its times are set, representable as Unix nanoseconds
// (years 1678 to 2262) and End is after Start.
func (p Period) Validate() error {
	if p.IsZero() {
		return nil
	}
	var errs []error
	for _, f := range [...]struct {
		name string
		t    time.Time
	}{{"start", p.Start}, {"end", p.End}} {
		if err := checkTime("period "+f.name, f.t); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) == 0 && !p.End.After(p.Start) {
		errs = append(errs, invalidf("period end %s not after start %s", p.End.Format(time.RFC3339Nano), p.Start.Format(time.RFC3339Nano)))
	}
	return errors.Join(errs...)
}

// utc returns p with both times in UTC and no monotonic clock reading, the
// form the package stores.
func (p Period) utc() Period { return Period{Start: p.Start.UTC(), End: p.End.UTC()} }

// inNanoRange reports whether t lies in the range an int64 of nanoseconds
// since 1970 can hold (years 1678 to 2262): the compact support store keeps
// times as Unix nanoseconds.
func inNanoRange(t time.Time) bool {
	return !t.Before(time.Unix(0, math.MinInt64)) && !t.After(time.Unix(0, math.MaxInt64))
}

// checkTime reports an error wrapping ErrInvalid when t is zero or outside
// the range of Unix nanoseconds.
func checkTime(name string, t time.Time) error {
	if t.IsZero() {
		return invalidf("%s is not set", name)
	}
	if !inNanoRange(t) {
		return invalidf("%s %s outside years 1678-2262", name, t.Format(time.RFC3339Nano))
	}
	return nil
}

// checkIdentity reports a nil ID and an empty or padded name: what every
// entity of the package needs, named in messages as what (such as
// "group") and its name field (such as "name" or "title").
func checkIdentity(what string, id uuid.UUID, field, name string) []error {
	var errs []error
	if id == uuid.Nil {
		errs = append(errs, invalidf("%s ID is nil", what))
	}
	if err := checkLabel(what+" "+field, name); err != nil {
		errs = append(errs, err)
	}
	return errs
}

// checkLabel reports an error wrapping ErrInvalid when a label is empty or
// has surrounding spaces (which would split one group into two).
func checkLabel(name, s string) error {
	if s == "" {
		return invalidf("%s is empty", name)
	}
	return checkTrimmed(name, s)
}

// checkTrimmed reports an error wrapping ErrInvalid when s has surrounding
// spaces; the empty string passes.
func checkTrimmed(name, s string) error {
	if strings.TrimSpace(s) != s {
		return invalidf("%s %q has surrounding spaces", name, s)
	}
	return nil
}
