package stakeholder

import (
	"errors"
	"fmt"

	"github.com/google/uuid"
)

// Sentinel errors. Every error this package returns matches one of them with
// [errors.Is]; most arrive wrapped in an [*FieldError] that names the record and
// the field at fault. The sentinels mean what they mean in every package of
// civitas (see internal/DESIGN.md).
var (
	// ErrInvalid reports an input outside its documented values: a Nil ID,
	// an empty name, a text with surrounding spaces, an undeclared enum
	// value or an unknown name, a relationship from a stakeholder to
	// itself, a reply that precedes what it answers, malformed JSON.
	ErrInvalid = errors.New("stakeholder: invalid")

	// ErrInvalidProfile reports a [Profile] field outside its documented
	// values. It is a case of [ErrInvalid]: errors.Is matches both.
	ErrInvalidProfile = fmt.Errorf("%w profile", ErrInvalid)

	// ErrOutOfRange reports a number outside its documented scale: a score
	// off 1–5, a sentiment off −2…+2, a grid cut, a half-life not above
	// zero, a time outside the years JSON can carry.
	ErrOutOfRange = errors.New("stakeholder: value out of range")

	// ErrDuplicate reports a second record under an ID already in use, or a
	// second relationship of the same type between the same stakeholders.
	ErrDuplicate = errors.New("stakeholder: duplicate")

	// ErrNotFound reports an ID that names no stakeholder, relationship or
	// interaction in the map.
	ErrNotFound = errors.New("stakeholder: not found")
)

// FieldError describes one rejected input: which field (of which record),
// its value and the sentinel it breaks. It wraps Err, so
// errors.Is(err, ErrNotFound) holds for an *FieldError whose Err is
// ErrNotFound.
type FieldError struct {
	// Field names the field at fault, prefixed with the record it belongs
	// to when the record has an ID, such as
	// "stakeholder 5a1c0e8e-0001-4000-8000-000000000001: power" or
	// "interaction 1e7e0000-…: channel" (IDs are written in full).
	Field string
	// Value is the offending value as text, "" when there is none to show.
	Value string
	// Err is the sentinel error the input breaks.
	Err error
}

// Error returns a message that names the field and the value. It works on
// a nil or zero receiver.
func (e *FieldError) Error() string {
	if e == nil {
		return ErrInvalid.Error()
	}
	msg := ErrInvalid.Error()
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

// Unwrap returns the sentinel error, for errors.Is.
func (e *FieldError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// field names a field of the record of the given kind ("stakeholder",
// "interaction") and ID; a Nil ID leaves the record out.
func field(record string, id uuid.UUID, name string) string {
	switch {
	case id == uuid.Nil:
		return name
	case name == "":
		return record + " " + id.String()
	}
	return record + " " + id.String() + ": " + name
}

// fieldErr builds an *FieldError for a field of a stakeholder; value is
// formatted with %v (strings are quoted).
func fieldErr(id uuid.UUID, name string, value any, err error) *FieldError {
	return recordErr("stakeholder", id, name, value, err)
}

// recordErr builds an *FieldError for a field of any record; value is
// formatted with %v (strings are quoted, nil shows nothing).
func recordErr(record string, id uuid.UUID, name string, value any, err error) *FieldError {
	var v string
	switch x := value.(type) {
	case nil:
	case string:
		v = fmt.Sprintf("%q", x)
	default:
		v = fmt.Sprint(x)
	}
	return &FieldError{Field: field(record, id, name), Value: v, Err: err}
}

// invalidName builds the error of an undeclared enum value or unknown name,
// for the enum tables.
func invalidName(name, value string) error {
	return &FieldError{Field: name, Value: value, Err: ErrInvalid}
}

// decodeErr wraps an error of encoding/json (malformed JSON, a value of the
// wrong type, an unknown field) in [ErrInvalid], keeping it in the chain for
// errors.As; an error of this package passes unchanged.
func decodeErr(err error) error {
	var fe *FieldError
	if err == nil || errors.As(err, &fe) {
		return err
	}
	return fmt.Errorf("%w: %w", ErrInvalid, err)
}
