package engagement

import (
	"encoding/json"
	"errors"

	"github.com/google/uuid"
)

// Authority is the public body that runs a process and owes it its promise: a
// city, a town, an agency. It is tied to the stakeholder that stands for the
// body on a stakeholder map, so that plans and reports can place it among the
// others.
//
// The zero value is not a valid authority (see [Authority.IsValid]); build one
// with [NewAuthority]. Authority is a comparable value type.
type Authority struct {
	id          uuid.UUID
	name        string
	stakeholder uuid.UUID
}

// NewAuthority returns the authority with the given ID and name, tied to the
// stakeholder with ID stakeholderID (which may equal id). It rejects a Nil ID
// and a blank name with errors wrapping [ErrInvalid], joined.
func NewAuthority(id uuid.UUID, name string, stakeholderID uuid.UUID) (Authority, error) {
	if err := errors.Join(
		checkID("authority.id", id),
		checkText("authority.name", name),
		checkID("authority.stakeholder", stakeholderID),
	); err != nil {
		return Authority{}, err
	}
	return Authority{id: id, name: name, stakeholder: stakeholderID}, nil
}

// ID returns the authority's ID.
func (a Authority) ID() uuid.UUID { return a.id }

// Name returns the authority's name, such as "City of Riverton".
func (a Authority) Name() string { return a.name }

// Stakeholder returns the ID of the stakeholder that stands for the authority.
func (a Authority) Stakeholder() uuid.UUID { return a.stakeholder }

// IsValid reports whether a was built by [NewAuthority] (or decoded), that is
// whether it is not the zero value.
func (a Authority) IsValid() bool { return a.id != uuid.Nil }

// String returns the authority's name.
func (a Authority) String() string { return a.name }

type authorityJSON struct {
	ID          uuid.UUID `json:"id"`
	Name        string    `json:"name"`
	Stakeholder uuid.UUID `json:"stakeholder"`
}

// MarshalJSON writes the ID, the name and the stakeholder ID.
func (a Authority) MarshalJSON() ([]byte, error) {
	return json.Marshal(authorityJSON{ID: a.id, Name: a.name, Stakeholder: a.stakeholder})
}

// UnmarshalJSON reads what MarshalJSON writes and validates it like
// [NewAuthority], leaving a unchanged on error.
func (a *Authority) UnmarshalJSON(b []byte) error {
	var w authorityJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	v, err := NewAuthority(w.ID, w.Name, w.Stakeholder)
	if err != nil {
		return err
	}
	*a = v
	return nil
}
