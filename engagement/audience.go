package engagement

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"

	"github.com/google/uuid"
)

// Audience is whom an activity or an outreach campaign is meant to reach: a
// set of stakeholders named by their IDs on a stakeholder map, a segment
// described in words ("households within 500 m of the park"), or both. The
// IDs let a plan show which key stakeholders no activity reaches; the segment
// says what the IDs cannot.
//
// The zero value is an unspecified audience that names nobody. Audience is an
// immutable value type: the methods never expose its storage.
type Audience struct {
	segment string
	ids     []uuid.UUID // sorted by bytes, no duplicates
}

// NewAudience returns the audience of the given segment and stakeholders.
// The segment may be "" when the IDs say it all, and the IDs may be none when
// the segment does. It rejects a Nil or repeated ID and a blank or invalid
// UTF-8 segment, with the errors joined; with no segment and no IDs it
// returns the zero Audience.
func NewAudience(segment string, stakeholders ...uuid.UUID) (Audience, error) {
	var errs problems
	if err := checkOptionalText("audience.segment", segment); err != nil {
		errs.add(err)
	}
	ids := slices.Clone(stakeholders)
	slices.SortFunc(ids, compareIDs)
	for i, id := range ids {
		if err := checkID("audience.stakeholders", id); err != nil {
			errs.add(err)
		} else if i > 0 && ids[i-1] == id {
			errs.add(fieldErr("audience.stakeholders", id.String(), ErrDuplicate))
		}
	}
	if len(errs) > 0 {
		return Audience{}, errors.Join(errs...)
	}
	if len(ids) == 0 {
		ids = nil
	}
	return Audience{segment: segment, ids: ids}, nil
}

func compareIDs(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) }

// Segment returns the described segment, or "".
func (a Audience) Segment() string { return a.segment }

// Len returns the number of named stakeholders.
func (a Audience) Len() int { return len(a.ids) }

// IsZero reports whether the audience is unspecified: no segment and no IDs.
func (a Audience) IsZero() bool { return a.segment == "" && len(a.ids) == 0 }

// Stakeholders yields the named stakeholders' IDs in byte order.
func (a Audience) Stakeholders() iter.Seq[uuid.UUID] {
	return func(yield func(uuid.UUID) bool) {
		for _, id := range a.ids {
			if !yield(id) {
				return
			}
		}
	}
}

// Reaches reports whether the audience names the stakeholder with ID id. A
// segment alone reaches no named stakeholder: only an ID is evidence.
func (a Audience) Reaches(id uuid.UUID) bool {
	_, ok := slices.BinarySearchFunc(a.ids, id, compareIDs)
	return ok
}

// String returns the segment and the number of named stakeholders, such as
// `"cyclists" + 3 stakeholders`.
func (a Audience) String() string {
	return fmt.Sprintf("%q + %d stakeholders", a.segment, len(a.ids))
}

type audienceJSON struct {
	Segment      string      `json:"segment,omitempty"`
	Stakeholders []uuid.UUID `json:"stakeholders,omitempty"`
}

// MarshalJSON writes the segment and the IDs in byte order, omitting what is
// empty; the zero Audience is {}.
func (a Audience) MarshalJSON() ([]byte, error) {
	return json.Marshal(audienceJSON{Segment: a.segment, Stakeholders: a.ids})
}

// UnmarshalJSON reads what MarshalJSON writes and validates it like
// [NewAudience], leaving a unchanged on error.
func (a *Audience) UnmarshalJSON(b []byte) error {
	var w audienceJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	v, err := NewAudience(w.Segment, w.Stakeholders...)
	if err != nil {
		return err
	}
	*a = v
	return nil
}
