package scorecard

import (
	"errors"
	"fmt"
)

// ErrInvalid reports an input outside its documented values: no process, an
// undeclared figure or role, a negative count, an invalid period or target.
// Errors of the packages a figure reads (engagement, metrics, participation,
// stakeholder) arrive wrapped with the figure's name and keep their own
// sentinels.
var ErrInvalid = errors.New("scorecard: invalid value")

// FieldError describes one bad input: which field, its value as text, and
// the sentinel it breaks, which it wraps. The zero value and a nil
// *FieldError still print a message.
type FieldError struct {
	// Field names the input, such as "options.target_population".
	Field string
	// Value is the offending value as text (quoted when it is text).
	Value string
	// Err is the sentinel the value breaks, such as [ErrInvalid].
	Err error
}

// Error returns a message that names the field and its value.
func (e *FieldError) Error() string {
	if e == nil {
		return "scorecard: invalid value (nil *FieldError)"
	}
	err := e.Err
	if err == nil {
		err = ErrInvalid
	}
	field := e.Field
	if field == "" {
		field = "(unnamed field)"
	}
	return fmt.Sprintf("%v: %s = %s", err, field, e.Value)
}

// Unwrap returns the sentinel, for errors.Is; nil for a nil receiver.
func (e *FieldError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// invalid builds a *FieldError wrapping ErrInvalid.
func invalid(field, value string) error {
	return &FieldError{Field: field, Value: value, Err: ErrInvalid}
}
