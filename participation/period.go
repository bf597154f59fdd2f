package participation

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/civitas-go/civitas/internal/errs"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/metrics"
)

// checkPeriod reports the problems of a period the package stores, joined,
// each wrapping [ErrInvalid]: those of [metrics.Period.Validate] (a time
// not set, an end not after the start; they keep [metrics.ErrInvalid] in
// the chain too) and, since the compact support store keeps times as Unix
// nanoseconds, a time outside years 1678 to 2262. The zero period
// (unbounded) passes.
func checkPeriod(name string, p metrics.Period) error {
	if p.IsZero() {
		return nil
	}
	if err := p.Validate(); err != nil {
		return fmt.Errorf("%w: %s: %w", ErrInvalid, name, err)
	}
	var errs []error
	for _, f := range [...]struct {
		name string
		t    time.Time
	}{{"start", p.Start}, {"end", p.End}} {
		if err := checkTime(name+" "+f.name, f.t); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// utcPeriod returns p with both times in UTC and no monotonic clock
// reading, the form the package stores.
func utcPeriod(p metrics.Period) metrics.Period {
	if p.IsZero() {
		return p
	}
	return metrics.Period{Start: p.Start.UTC(), End: p.End.UTC()}
}

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

// window describes the initiative's signature window for an error, such as
// "(window 2025-05-01T00:00:00Z to 2025-06-01T00:00:00Z)", or "(no window)".
func (in *initiative) window() string {
	if in.rules == nil || in.rules.Window.IsZero() {
		return "(no window)"
	}
	w := in.rules.Window
	return "(window " + w.Start.Format(time.RFC3339Nano) + " to " + w.End.Format(time.RFC3339Nano) + ")"
}

// oneOf describes the accepted values for an error: "(want one of "north",
// "south")" (see errs.OneOf).
func oneOf[T any](accepted []T) string { return "(want " + errs.OneOf(accepted) + ")" }
