package stakeholder

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Assessment is what a team judged about a stakeholder, each score on the
// five-point [Score] scale:
//
//   - Power and Interest place the stakeholder on Mendelow's power/interest
//     grid (Mendelow 1991; see [Grid]).
//   - Power, Legitimacy and Urgency decide the salience class of Mitchell,
//     Agle & Wood (1997; see [SalienceClass]); power is the same judgment in
//     both frameworks.
//   - Attitude and Desired are the current and the needed column of the
//     Stakeholder Engagement Assessment Matrix (PMBOK Guide; see [Attitude]).
//
// Assessment is a plain value; [New] checks it. The zero value is invalid:
// every field must be assessed.
type Assessment struct {
	// Power is the ability to impose one's will on the decision.
	Power Score `json:"power"`
	// Interest is how much the stakeholder cares about the outcome.
	Interest Score `json:"interest"`
	// Legitimacy is how proper others hold the stakeholder's claim to be.
	Legitimacy Score `json:"legitimacy"`
	// Urgency is how time-critical the claim is to its holder.
	Urgency Score `json:"urgency"`
	// Attitude is the stakeholder's current stance.
	Attitude Attitude `json:"attitude"`
	// Desired is the stance the team needs the stakeholder to take.
	Desired Attitude `json:"desired_attitude"`
}

// Validate reports every problem, joined, each an [*FieldError]: a score off
// its scale ([ErrOutOfRange]) or an undeclared attitude ([ErrInvalid]).
// [New] runs the same checks and names the stakeholder in each error.
func (a Assessment) Validate() error { return a.validate(uuid.Nil) }

func (a Assessment) validate(id uuid.UUID) error {
	var errs []error
	for _, f := range [...]struct {
		name  string
		score Score
	}{{"power", a.Power}, {"interest", a.Interest}, {"legitimacy", a.Legitimacy}, {"urgency", a.Urgency}} {
		if err := checkScore(id, f.name, f.score); err != nil {
			errs = append(errs, err)
		}
	}
	for _, f := range [...]struct {
		name string
		a    Attitude
	}{{"attitude", a.Attitude}, {"desired_attitude", a.Desired}} {
		if !f.a.IsValid() {
			errs = append(errs, fieldErr(id, f.name, f.a.String(), ErrInvalid))
		}
	}
	return errors.Join(errs...)
}

// Salience returns the salience class the scores give, each attribute present
// at [AttributeCut] or more.
func (a Assessment) Salience() SalienceClass { return SalienceOf(a.Power, a.Legitimacy, a.Urgency) }

// AttitudeGap returns Desired minus Attitude in steps of the matrix: +2 for a
// resistant stakeholder the team needs supportive, 0 when they are where
// they need to be, negative when they are further along than needed.
func (a Assessment) AttitudeGap() int { return int(a.Desired) - int(a.Attitude) }

// Details is everything a stakeholder holds but its ID: what [New] takes and
// [Stakeholder.Details] gives back, so a change is "read the details, edit
// them, build a new stakeholder, [Map.Update]".
//
// The zero value is invalid: a stakeholder needs a name, a kind and an
// assessment.
type Details struct {
	// Name is how the team refers to the stakeholder: an organisation's name,
	// or a pseudonym for a private person. Required.
	Name string `json:"name"`
	// Kind is what sort of party the stakeholder is.
	Kind Kind `json:"kind"`
	// KindLabel describes the kind when Kind is [KindOther] (required then)
	// and must be empty otherwise.
	KindLabel string `json:"kind_label,omitempty"`
	// Area is the district, ward or neighbourhood code, or "" when the
	// stakeholder is not tied to one.
	Area string `json:"area,omitempty"`
	// Tags are free labels such as "cycling" or "flood-risk". Each is
	// non-empty and unique; a stakeholder keeps them sorted.
	Tags []string `json:"tags,omitempty"`
	// Assessment holds the scores and attitudes.
	Assessment
}

// Stakeholder is a party that affects or is affected by a decision (Freeman
// 1984): a person, group or organisation, with an assessment of how much it
// matters and how it stands. The quadrant, salience class, attitude gap and
// priority are derived from the assessment each time, never stored, so they
// cannot drift from it.
//
// A Stakeholder is immutable: build one with [New], change one by building
// its replacement. It is safe for concurrent use. The zero value is not
// usable; a nil *Stakeholder is never returned with a nil error.
type Stakeholder struct {
	id         uuid.UUID
	name       string
	kind       Kind
	kindLabel  string
	area       string
	tags       []string // sorted, unique
	assessment Assessment
}

// New returns the stakeholder with the given ID and details. It checks
// everything and reports every problem, joined: a Nil ID, an empty name, a
// text with surrounding spaces, control characters or invalid UTF-8, an
// empty tag, a missing or superfluous kind label, an undeclared kind or
// attitude ([ErrInvalid]); a tag given twice ([ErrDuplicate]); a score off
// the scale ([ErrOutOfRange]). Each problem is an [*FieldError] whose Field
// names the stakeholder by its ID, such as
// "stakeholder 5a1c0e8e-0001-4000-8000-000000000001: power". The tags are
// copied and sorted.
func New(id uuid.UUID, d Details) (*Stakeholder, error) {
	var errs []error
	if id == uuid.Nil {
		errs = append(errs, &FieldError{Field: "stakeholder id", Value: "(nil)", Err: ErrInvalid})
	}
	if d.Name == "" {
		errs = append(errs, fieldErr(id, "name", "", ErrInvalid))
	}
	if !d.Kind.IsValid() {
		errs = append(errs, fieldErr(id, "kind", d.Kind.String(), ErrInvalid))
	}
	switch {
	case d.Kind == KindOther && d.KindLabel == "":
		errs = append(errs, fieldErr(id, "kind_label", "", ErrInvalid))
	case d.Kind != KindOther && d.KindLabel != "":
		errs = append(errs, fieldErr(id, "kind_label", d.KindLabel, ErrInvalid))
	}
	for _, f := range [...]struct{ name, value string }{{"name", d.Name}, {"kind_label", d.KindLabel}, {"area", d.Area}} {
		if err := checkText("stakeholder", id, f.name, f.value); err != nil {
			errs = append(errs, err)
		}
	}
	tags := slices.Clone(d.Tags)
	slices.Sort(tags)
	for i, t := range tags {
		switch {
		case t == "":
			errs = append(errs, fieldErr(id, "tags", t, ErrInvalid))
		case i > 0 && tags[i-1] == t:
			errs = append(errs, fieldErr(id, "tags", t, ErrDuplicate))
		default:
			if err := checkText("stakeholder", id, "tags", t); err != nil {
				errs = append(errs, err)
			}
		}
	}
	if err := d.Assessment.validate(id); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(tags) == 0 {
		tags = nil
	}
	return &Stakeholder{id: id, name: d.Name, kind: d.Kind, kindLabel: d.KindLabel, area: d.Area,
		tags: tags, assessment: d.Assessment}, nil
}

// checkText rejects text that would not survive JSON and SVG unchanged or
// that would split one group into two: invalid UTF-8, control characters,
// surrounding spaces.
func checkText(record string, id uuid.UUID, name, s string) error {
	if !utf8.ValidString(s) || strings.IndexFunc(s, unicode.IsControl) >= 0 || strings.TrimSpace(s) != s {
		return recordErr(record, id, name, s, ErrInvalid)
	}
	return nil
}

// ID returns the stakeholder's ID, never uuid.Nil.
func (s *Stakeholder) ID() uuid.UUID { return s.id }

// Name returns the stakeholder's name.
func (s *Stakeholder) Name() string { return s.name }

// Kind returns what sort of party the stakeholder is.
func (s *Stakeholder) Kind() Kind { return s.kind }

// KindLabel returns the label of an [KindOther] stakeholder, or the kind's
// name for people ("community activist") for every other kind.
func (s *Stakeholder) KindLabel() string {
	if s.kind == KindOther {
		return s.kindLabel
	}
	return kinds.Text(s.kind)
}

// Area returns the stakeholder's area, "" when none.
func (s *Stakeholder) Area() string { return s.area }

// Tags returns a copy of the stakeholder's tags, sorted.
func (s *Stakeholder) Tags() []string { return slices.Clone(s.tags) }

// HasTag reports whether the stakeholder carries tag.
func (s *Stakeholder) HasTag(tag string) bool {
	_, found := slices.BinarySearch(s.tags, tag)
	return found
}

// Assessment returns the stakeholder's scores and attitudes.
func (s *Stakeholder) Assessment() Assessment { return s.assessment }

// Salience returns the stakeholder's salience class (see [SalienceClass]).
func (s *Stakeholder) Salience() SalienceClass { return s.assessment.Salience() }

// AttitudeGap returns desired minus current attitude in steps (see
// [Assessment.AttitudeGap]).
func (s *Stakeholder) AttitudeGap() int { return s.assessment.AttitudeGap() }

// Details returns everything but the ID, with its own copy of the tags, for
// building a changed stakeholder with [New].
func (s *Stakeholder) Details() Details {
	return Details{Name: s.name, Kind: s.kind, KindLabel: s.kindLabel, Area: s.area,
		Tags: s.Tags(), Assessment: s.assessment}
}

// String returns the stakeholder's name.
func (s *Stakeholder) String() string { return s.name }

type stakeholderJSON struct {
	ID uuid.UUID `json:"id"`
	Details
}

// MarshalJSON writes the ID and the details as one flat object; the enums are
// their text names.
func (s *Stakeholder) MarshalJSON() ([]byte, error) {
	return json.Marshal(stakeholderJSON{ID: s.id, Details: s.Details()})
}

// UnmarshalJSON reads what MarshalJSON writes and checks it as [New] does;
// malformed JSON, a value of the wrong type and an unknown field are
// [ErrInvalid] too. On error s is unchanged.
func (s *Stakeholder) UnmarshalJSON(b []byte) error {
	var w stakeholderJSON
	if err := decodeStrict(b, &w); err != nil {
		return err
	}
	got, err := New(w.ID, w.Details)
	if err != nil {
		return err
	}
	*s = *got
	return nil
}

// decodeStrict decodes one JSON value and rejects unknown fields, so a
// misspelt field is an error rather than a silently missing value. Every
// error of encoding/json is wrapped in [ErrInvalid].
func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeErr(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return &FieldError{Field: "json", Value: "data after the JSON value", Err: ErrInvalid}
	}
	return nil
}
