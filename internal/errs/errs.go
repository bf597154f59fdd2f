// Package errs holds the one bad-input error of civitas. Every package
// declares its own sentinels (engagement.ErrInvalid, metrics.ErrNegative …)
// and exports this type under the name FieldError (a type alias), so that a
// bad input is described the same way everywhere: which field, its value,
// and the sentinel it breaks. See internal/DESIGN.md.
package errs

import (
	"errors"
	"fmt"
	"strings"
)

// FieldError describes one bad input: which field or argument, its value as
// text (quoted when it is text, clipped when long), and the sentinel it
// breaks, which it wraps, so that errors.Is(err, pkg.ErrInvalid) holds for
// a FieldError whose Err is pkg.ErrInvalid, and errors.As finds the field.
// Error works on a nil or zero receiver.
type FieldError struct {
	// Field names the input, such as "title", "phases[2].end" or
	// "stakeholder 5a1c…0001: power".
	Field string
	// Value is the offending value as text ("" when it is missing).
	Value string
	// Err is the sentinel error the value breaks.
	Err error
}

// Error returns "SENTINEL: FIELD = VALUE", leaving out what is empty.
func (e *FieldError) Error() string {
	msg := "invalid value"
	if e == nil {
		return msg
	}
	if e.Err != nil {
		msg = e.Err.Error()
	}
	switch {
	case e.Field != "" && e.Value != "":
		msg += ": " + e.Field + " = " + e.Value
	case e.Field != "":
		msg += ": " + e.Field
	case e.Value != "":
		msg += ": " + e.Value
	}
	return msg
}

// Unwrap returns the sentinel, for errors.Is; nil for a nil receiver.
func (e *FieldError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// Clip shortens s to at most 64 bytes, on a rune boundary, marking the cut
// with "…", so that an error never quotes a whole hostile input.
func Clip(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// Decode returns err, met while decoding JSON or text into a type of one
// package, as that package reports it: unchanged when it already belongs to
// the package (it matches invalid, the package's ErrInvalid, or a
// FieldError in its chain wraps a sentinel of the package, whose message
// starts with the same "pkg:" as invalid's), and otherwise wrapped in
// invalid, with err kept in the chain for errors.As. nil stays nil.
func Decode(err, invalid error) error {
	if err == nil || errors.Is(err, invalid) {
		return err
	}
	var fe *FieldError
	if errors.As(err, &fe) && fe.Err != nil && samePackage(fe.Err, invalid) {
		return err
	}
	return fmt.Errorf("%w: %w", invalid, err)
}

// samePackage reports whether two sentinels' messages start with the same
// "pkg:" prefix, the house style of every sentinel.
func samePackage(a, b error) bool {
	pa, _, okA := strings.Cut(a.Error(), ":")
	pb, _, okB := strings.Cut(b.Error(), ":")
	return okA && okB && pa == pb
}
