package stakeholder_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNew(t *testing.T) {
	valid := details("Riverside Residents", 3, 5, 5, 4)
	valid.Area = "riverside"
	valid.Tags = []string{"park", "housing"}
	s, err := stakeholder.New(id(1), valid)
	require.NoError(t, err)
	assert.Equal(t, id(1), s.ID())
	assert.Equal(t, "Riverside Residents", s.Name())
	assert.Equal(t, "Riverside Residents", s.String())
	assert.Equal(t, stakeholder.KindCommunityGroup, s.Kind())
	assert.Equal(t, "community group", s.KindLabel())
	assert.Equal(t, "riverside", s.Area())
	assert.Equal(t, []string{"housing", "park"}, s.Tags(), "tags are kept sorted")
	assert.True(t, s.HasTag("park"))
	assert.False(t, s.HasTag("cycling"))
	assert.Equal(t, valid.Assessment, s.Assessment())
	// neutral (3) → supportive (4): one step to go.
	assert.Equal(t, 1, s.AttitudeGap())

	// The stakeholder keeps its own copy of the tags.
	valid.Tags[0] = "changed"
	assert.Equal(t, []string{"housing", "park"}, s.Tags())
	tags := s.Tags()
	tags[0] = "changed"
	assert.True(t, s.HasTag("housing"))

	d := s.Details()
	assert.Equal(t, "Riverside Residents", d.Name)
	again, err := stakeholder.New(s.ID(), d)
	require.NoError(t, err)
	assert.Equal(t, s, again)
}

func TestNewOtherKind(t *testing.T) {
	d := details("Dog walkers", 1, 3, 2, 2)
	d.Kind, d.KindLabel = stakeholder.KindOther, "online group"
	s, err := stakeholder.New(id(1), d)
	require.NoError(t, err)
	assert.Equal(t, "online group", s.KindLabel())
}

func TestNewRejects(t *testing.T) {
	tests := []struct {
		name string
		id   uuid.UUID
		edit func(*stakeholder.Details)
		want error
	}{
		{"nil ID", uuid.Nil, func(*stakeholder.Details) {}, stakeholder.ErrInvalid},
		{"empty name", id(1), func(d *stakeholder.Details) { d.Name = "" }, stakeholder.ErrInvalid},
		{"name with spaces", id(1), func(d *stakeholder.Details) { d.Name = " Bob" }, stakeholder.ErrInvalid},
		{"name with control character", id(1), func(d *stakeholder.Details) { d.Name = "Bo\x00b" }, stakeholder.ErrInvalid},
		{"invalid UTF-8", id(1), func(d *stakeholder.Details) { d.Name = "Bo\xffb" }, stakeholder.ErrInvalid},
		{"area with spaces", id(1), func(d *stakeholder.Details) { d.Area = "north " }, stakeholder.ErrInvalid},
		{"kind 0", id(1), func(d *stakeholder.Details) { d.Kind = 0 }, stakeholder.ErrInvalid},
		{"kind 12", id(1), func(d *stakeholder.Details) { d.Kind = 12 }, stakeholder.ErrInvalid},
		{"other without label", id(1), func(d *stakeholder.Details) { d.Kind = stakeholder.KindOther }, stakeholder.ErrInvalid},
		{"label without other", id(1), func(d *stakeholder.Details) { d.KindLabel = "club" }, stakeholder.ErrInvalid},
		{"empty tag", id(1), func(d *stakeholder.Details) { d.Tags = []string{""} }, stakeholder.ErrInvalid},
		{"tag with spaces", id(1), func(d *stakeholder.Details) { d.Tags = []string{"park "} }, stakeholder.ErrInvalid},
		{"duplicate tag", id(1), func(d *stakeholder.Details) { d.Tags = []string{"park", "x", "park"} }, stakeholder.ErrDuplicate},
		{"power 0", id(1), func(d *stakeholder.Details) { d.Power = 0 }, stakeholder.ErrOutOfRange},
		{"interest 6", id(1), func(d *stakeholder.Details) { d.Interest = 6 }, stakeholder.ErrOutOfRange},
		{"legitimacy -1", id(1), func(d *stakeholder.Details) { d.Legitimacy = -1 }, stakeholder.ErrOutOfRange},
		{"urgency 0", id(1), func(d *stakeholder.Details) { d.Urgency = 0 }, stakeholder.ErrOutOfRange},
		{"attitude 0", id(1), func(d *stakeholder.Details) { d.Attitude = 0 }, stakeholder.ErrInvalid},
		{"desired 6", id(1), func(d *stakeholder.Details) { d.Desired = 6 }, stakeholder.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := details("Bob", 3, 3, 3, 3)
			tt.edit(&d)
			s, err := stakeholder.New(tt.id, d)
			require.ErrorIs(t, err, tt.want)
			assert.Nil(t, s)
			var e *stakeholder.FieldError
			require.ErrorAs(t, err, &e)
			assertNames(t, e, tt.id)
		})
	}
}

func TestNewReportsEveryProblem(t *testing.T) {
	_, err := stakeholder.New(uuid.Nil, stakeholder.Details{})
	require.ErrorIs(t, err, stakeholder.ErrInvalid)
	require.ErrorIs(t, err, stakeholder.ErrOutOfRange)
	var e *stakeholder.FieldError
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "stakeholder id", e.Field, "the Nil ID comes first")
	// Nil ID, empty name, kind, four scores and two attitudes.
	assert.Len(t, flatten(err), 9)
}

// flatten returns the leaves of a tree of joined errors.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

func TestErrorMessage(t *testing.T) {
	e := &stakeholder.FieldError{Field: "stakeholder 00000000-0000-4000-8000-000000000007: power", Value: "9", Err: stakeholder.ErrOutOfRange}
	assert.Equal(t, "stakeholder: value out of range: stakeholder 00000000-0000-4000-8000-000000000007: power = 9", e.Error())
	assert.True(t, errors.Is(e, stakeholder.ErrOutOfRange))
	e = &stakeholder.FieldError{Value: "nil stakeholder", Err: stakeholder.ErrInvalid}
	assert.Equal(t, "stakeholder: invalid: nil stakeholder", e.Error())
	e = &stakeholder.FieldError{Field: "name", Err: stakeholder.ErrInvalid}
	assert.Equal(t, "stakeholder: invalid: name", e.Error())
	var nilErr *stakeholder.FieldError
	assert.Equal(t, "invalid value", nilErr.Error(), "a nil receiver: the shared FieldError knows no package")
	assert.Equal(t, "invalid value", (&stakeholder.FieldError{}).Error(), "a zero receiver")
	assert.NoError(t, nilErr.Unwrap())
	_, err := stakeholder.New(id(7), details("Bob", 9, 3, 3, 3))
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "stakeholder 00000000-0000-4000-8000-000000000007: power", e.Field, "the ID is folded into Field")
}

func TestStakeholderJSON(t *testing.T) {
	d := details("Dog walkers", 1, 3, 2, 2)
	d.Kind, d.KindLabel, d.Tags, d.Area = stakeholder.KindOther, "online group", []string{"dogs"}, "riverside"
	s := mustNew(t, 1, d)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"00000000-0000-4000-8000-000000000001","name":"Dog walkers","kind":"other",
		"kind_label":"online group","area":"riverside","tags":["dogs"],"power":1,"interest":3,"legitimacy":2,
		"urgency":2,"attitude":"neutral","desired_attitude":"supportive"}`, string(b))
	var back stakeholder.Stakeholder
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, *s, back)

	bad := []struct {
		name, doc string
		want      error
	}{
		{"power off the scale", `{"id":"00000000-0000-4000-8000-000000000001","name":"A","kind":"media","power":9,"interest":3,"legitimacy":3,"urgency":3,"attitude":"neutral","desired_attitude":"neutral"}`, stakeholder.ErrOutOfRange},
		{"nil ID", `{"id":"00000000-0000-0000-0000-000000000000","name":"A","kind":"media","power":3,"interest":3,"legitimacy":3,"urgency":3,"attitude":"neutral","desired_attitude":"neutral"}`, stakeholder.ErrInvalid},
		{"unknown kind", `{"id":"00000000-0000-4000-8000-000000000001","name":"A","kind":"press"}`, stakeholder.ErrInvalid},
		{"malformed", `{"id":`, stakeholder.ErrInvalid},
		{"wrong type", `{"id":"00000000-0000-4000-8000-000000000001","name":7}`, stakeholder.ErrInvalid},
		{"unknown field", `{"id":"00000000-0000-4000-8000-000000000001","nmae":"A"}`, stakeholder.ErrInvalid},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			kept := back
			require.ErrorIs(t, back.UnmarshalJSON([]byte(tt.doc)), tt.want)
			assert.Equal(t, kept, back, "a failed decode leaves the value alone")
		})
	}
}

func TestAssessmentValidate(t *testing.T) {
	good := details("A", 1, 5, 3, 2).Assessment
	require.NoError(t, good.Validate())
	bad := good
	bad.Power, bad.Desired = 6, 0
	err := bad.Validate()
	require.ErrorIs(t, err, stakeholder.ErrOutOfRange)
	assert.Len(t, flatten(err), 2, "power and desired attitude")
}
