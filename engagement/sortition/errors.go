package sortition

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Sentinel errors. Every error this package returns matches one of them
// with [errors.Is]; most arrive in a [*FieldError] naming the input.
var (
	// ErrInvalid reports an input outside its documented values: an empty
	// or padded ID, feature or value, a respondent without a value for
	// every feature, a quota for a feature the pool does not have, an
	// undeclared algorithm, malformed CSV.
	ErrInvalid = errors.New("sortition: invalid value")

	// ErrOutOfRange reports a number outside its documented scale: a panel
	// size of zero, a quota with min > max or a negative bound, a lottery
	// of no panels.
	ErrOutOfRange = errors.New("sortition: out of range")

	// ErrDuplicate reports something given twice: a respondent ID, a
	// feature, a quota for the same feature and value.
	ErrDuplicate = errors.New("sortition: given twice")

	// ErrNotFound reports an activity or a respondent that names nothing
	// held.
	ErrNotFound = errors.New("sortition: not found")

	// ErrPoolTooSmall reports a pool with fewer households than seats:
	// no relaxation of the quotas can fill the panel.
	ErrPoolTooSmall = errors.New("sortition: fewer households than seats")

	// ErrInfeasible reports quotas that no panel of the pool meets. It
	// arrives in an [*InfeasibleError] carrying the smallest relaxation
	// that makes them feasible.
	ErrInfeasible = errors.New("sortition: the quotas cannot be met")

	// ErrLimit reports a computation stopped by its limit (iterations,
	// search nodes, attempts of the legacy draw).
	ErrLimit = errors.New("sortition: limit reached")
)

// FieldError describes one bad input: which field or argument, its value as
// text (clipped), and the sentinel it breaks, which it wraps.
type FieldError struct {
	// Field names the input, such as "quotas[3].min" or "pool line 12".
	Field string
	// Value is the offending value as text.
	Value string
	// Err is the sentinel error the value breaks.
	Err error
}

// Error returns a message that names the field and quotes its value; it
// works on a nil or zero receiver.
func (e *FieldError) Error() string {
	if e == nil {
		return "<nil>"
	}
	if e.Err == nil {
		return fmt.Sprintf("sortition: %s %q", e.Field, e.Value)
	}
	return fmt.Sprintf("%v: %s %q", e.Err, e.Field, e.Value)
}

// Unwrap returns the sentinel, for errors.Is.
func (e *FieldError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// fieldErr builds a *FieldError with the value clipped.
func fieldErr(field, value string, err error) error {
	return &FieldError{Field: field, Value: clip(value), Err: err}
}

// clip shortens s to at most 64 bytes on a rune boundary.
func clip(s string) string {
	const most = 64
	if len(s) <= most {
		return s
	}
	cut := most
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// QuotaChange is one quota of the smallest relaxation: its bounds as given
// and as relaxed. Only one of the bounds moves.
type QuotaChange struct {
	// Feature and Value name the quota.
	Feature, Value string
	// Min and Max are the bounds as given.
	Min, Max int
	// NewMin and NewMax are the relaxed bounds.
	NewMin, NewMax int
}

// By returns how far the quota moves: Min − NewMin plus NewMax − Max.
func (c QuotaChange) By() int { return c.Min - c.NewMin + c.NewMax - c.Max }

// InfeasibleError reports quotas that no panel meets, with the smallest
// relaxation that makes them feasible: the changes minimise the total
// number of seats by which quotas move (an exact integer program), and
// among relaxations of that size it is the one the solver found first. It
// wraps [ErrInfeasible].
type InfeasibleError struct {
	// Relaxation lists the quotas that must move, in the order of the
	// quotas.
	Relaxation []QuotaChange
}

// Total returns the total number of seats by which the quotas move.
func (e *InfeasibleError) Total() int {
	if e == nil {
		return 0
	}
	t := 0
	for _, c := range e.Relaxation {
		t += c.By()
	}
	return t
}

// Error names the quotas to relax and by how much.
func (e *InfeasibleError) Error() string {
	if e == nil {
		return ErrInfeasible.Error()
	}
	var b strings.Builder
	b.WriteString(ErrInfeasible.Error())
	fmt.Fprintf(&b, "; the smallest relaxation moves %d in all:", e.Total())
	for i, c := range e.Relaxation {
		if i > 0 {
			b.WriteString(",")
		}
		if c.NewMin < c.Min {
			fmt.Fprintf(&b, " %s=%s min %d to %d", c.Feature, c.Value, c.Min, c.NewMin)
		} else {
			fmt.Fprintf(&b, " %s=%s max %d to %d", c.Feature, c.Value, c.Max, c.NewMax)
		}
	}
	return b.String()
}

// Unwrap returns [ErrInfeasible].
func (e *InfeasibleError) Unwrap() error { return ErrInfeasible }
