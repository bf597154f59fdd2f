package metrics

import (
	"errors"
	"fmt"

	"github.com/civitas-go/civitas/internal/errs"
)

// Sentinel errors. Every error returned by this package matches one of them,
// or [ErrUnitMismatch] or [ErrUnprotectable], with [errors.Is]; most arrive
// wrapped in an [*FieldError] that names the offending input.
var (
	// ErrUndefined reports a figure whose denominator is zero: an attendance
	// rate with nobody registered, a frequency with no reach. It is a state
	// of the data, not a bug: callers usually show "undefined".
	ErrUndefined = errors.New("metrics: undefined (zero denominator)")

	// ErrNegative reports a negative count or amount where only zero or more
	// makes sense.
	ErrNegative = errors.New("metrics: negative count")

	// ErrPartExceedsWhole reports a part larger than its whole, such as more
	// attendees than registrations.
	ErrPartExceedsWhole = errors.New("metrics: part exceeds whole")

	// ErrMismatchedGroups reports two breakdowns that do not have the same
	// groups, or slices that should pair up but differ in length.
	ErrMismatchedGroups = errors.New("metrics: mismatched groups")

	// ErrEmpty reports empty input where a figure needs at least one value.
	ErrEmpty = errors.New("metrics: empty input")

	// ErrOutOfRange reports a value outside its documented scale, such as a
	// survey score of 11 on a 0–10 scale.
	ErrOutOfRange = errors.New("metrics: value out of range")

	// ErrInconsistent reports a decoded record whose derived fields disagree
	// with the fields they derive from, such as a ratio whose "value" is not
	// its numerator over its denominator.
	ErrInconsistent = errors.New("metrics: inconsistent fields")

	// ErrInvalid reports a value outside its declared set: an undeclared
	// enum value, or a name that names none (see [ParsePolarity]).
	ErrInvalid = errors.New("metrics: invalid value")

	// ErrOverflow reports a sum that does not fit in an int64.
	ErrOverflow = errors.New("metrics: integer overflow")
)

// FieldError describes one bad input: which field, its value as text and
// the sentinel of this package it breaks, which it wraps. It is the one
// bad-input error of civitas, the same type in every package (see
// internal/DESIGN.md).
type FieldError = errs.FieldError

// inputErr builds an *InputError for an integer input.
func inputErr(input string, value int64, err error) error {
	return &FieldError{Field: input, Value: fmt.Sprint(value), Err: err}
}

// nonNegative returns an *InputError wrapping ErrNegative when v < 0.
func nonNegative(input string, v int64) error {
	if v < 0 {
		return inputErr(input, v, ErrNegative)
	}
	return nil
}

// addChecked returns a+b or ErrOverflow.
func addChecked(a, b int64) (int64, error) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, ErrOverflow
	}
	return s, nil
}

// decodeErr wraps an error of encoding/json (malformed JSON, a value of the
// wrong type) in [ErrInvalid], keeping it in the chain for errors.As, so
// that every error of a decoder matches a sentinel of this package.
func decodeErr(err error) error { return errs.Decode(err, ErrInvalid) }
