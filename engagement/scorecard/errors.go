package scorecard

import (
	"errors"

	"github.com/civitas-go/civitas/internal/errs"
)

// ErrInvalid reports an input outside its documented values: no process, an
// undeclared figure or role, a negative count, an invalid period or target.
// Errors of the packages a figure reads (engagement, metrics, participation,
// stakeholder) arrive wrapped with the figure's name and keep their own
// sentinels.
var ErrInvalid = errors.New("scorecard: invalid value")

// FieldError describes one bad input: which field, its value as text and
// the sentinel of this package it breaks, which it wraps. It is the one
// bad-input error of civitas, the same type in every package (see
// internal/DESIGN.md).
type FieldError = errs.FieldError

// invalid builds a *FieldError wrapping ErrInvalid.
func invalid(field, value string) error {
	return &FieldError{Field: field, Value: value, Err: ErrInvalid}
}
