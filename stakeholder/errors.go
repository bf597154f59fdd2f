package stakeholder

import (
	"errors"
	"fmt"

	"github.com/civitas-go/civitas/internal/errs"

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

// FieldError describes one bad input: which field, its value as text and
// the sentinel of this package it breaks, which it wraps. It is the one
// bad-input error of civitas, the same type in every package (see
// internal/DESIGN.md).
type FieldError = errs.FieldError

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
func decodeErr(err error) error { return errs.Decode(err, ErrInvalid) }
