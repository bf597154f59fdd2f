package stakeholder

import (
	"errors"
	"fmt"

	"github.com/google/uuid"
)

// Sentinel errors. Every error this package returns matches one of them with
// [errors.Is]; most arrive wrapped in an [*FieldError] that names the record and
// the field at fault.
var (
	// ErrNilID reports a stakeholder, relationship end or interaction whose
	// ID is uuid.Nil: an ID is required and Nil would make two records equal.
	ErrNilID = errors.New("stakeholder: nil ID")

	// ErrDuplicate reports a second record under an ID already in use, or a
	// second relationship of the same type between the same stakeholders.
	ErrDuplicate = errors.New("stakeholder: duplicate")

	// ErrNotFound reports an ID that names no stakeholder, relationship or
	// interaction in the map.
	ErrNotFound = errors.New("stakeholder: not found")

	// ErrOutOfRange reports a score, sentiment or cut outside its documented
	// scale, or an enum value that is not declared.
	ErrOutOfRange = errors.New("stakeholder: value out of range")

	// ErrInvalid reports any other bad input: an empty name, a tag with
	// surrounding spaces, a relationship from a stakeholder to itself, a
	// reply that precedes what it answers.
	ErrInvalid = errors.New("stakeholder: invalid")
)

// FieldError describes one rejected input: which record, which field, its value
// and the sentinel it breaks. It wraps Err, so errors.Is(err, ErrNotFound)
// holds for an *FieldError whose Err is ErrNotFound.
type FieldError struct {
	// ID is the stakeholder or interaction the error concerns, or uuid.Nil
	// when the record has no usable ID.
	ID uuid.UUID
	// Field names the field at fault, such as "power" or "to"; "" when the
	// whole record is at fault.
	Field string
	// Value is the offending value as text, "" when there is none to show.
	Value string
	// Err is the sentinel error the input breaks.
	Err error
}

// Error returns a message that names the record, the field and the value.
func (e *FieldError) Error() string {
	msg := e.Err.Error()
	if e.ID != uuid.Nil {
		msg += " (" + e.ID.String() + ")"
	}
	if e.Field != "" {
		msg += ": " + e.Field
		if e.Value != "" {
			msg += " = " + e.Value
		}
	} else if e.Value != "" {
		msg += ": " + e.Value
	}
	return msg
}

// Unwrap returns the sentinel error, for errors.Is.
func (e *FieldError) Unwrap() error { return e.Err }

// fieldErr builds an *Error; value is formatted with %v (strings are quoted).
func fieldErr(id uuid.UUID, field string, value any, err error) *FieldError {
	var v string
	switch x := value.(type) {
	case nil:
	case string:
		v = fmt.Sprintf("%q", x)
	default:
		v = fmt.Sprint(x)
	}
	return &FieldError{ID: id, Field: field, Value: v, Err: err}
}
