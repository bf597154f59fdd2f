package participation_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
)

func TestNewInitiative(t *testing.T) {
	in, err := participation.NewInitiative(spec())
	require.NoError(t, err)
	assert.Equal(t, id(1), in.ID())
	assert.Equal(t, "Protected bike lane on Elm Street", in.Title())
	assert.Equal(t, "Separate the bike lane from traffic with kerbs.", in.Summary())
	assert.Equal(t, participation.KindPetition, in.Kind())
	assert.Equal(t, []uuid.UUID{initiator}, in.Initiators())
	assert.True(t, in.IsInitiator(initiator))
	assert.False(t, in.IsInitiator(id(5)))
	assert.Equal(t, "north", in.Area())
	assert.Equal(t, day0, in.Created())
	assert.Equal(t, participation.StateDraft, in.State())
	assert.Equal(t, []participation.HistoryEntry{{Kind: participation.EventCreated, At: day0}}, in.History())
	assert.Equal(t, 0, in.Count())
	assert.Equal(t, participation.Committee{}, in.Committee())
	assert.Equal(t, 1, in.CommitteeSize())

	// Accessors return copies.
	in.Initiators()[0] = id(9)
	in.History()[0].Kind = participation.EventExpired
	assert.Equal(t, initiator, in.Initiators()[0])
	assert.Equal(t, participation.EventCreated, in.History()[0].Kind)

	// The spec's slices are copied too.
	s := spec()
	in, err = participation.NewInitiative(s)
	require.NoError(t, err)
	s.Initiators[0] = id(9)
	assert.Equal(t, initiator, in.Initiators()[0])

	// Created is kept in UTC.
	s = spec()
	s.Created = time.Date(2025, 5, 1, 11, 0, 0, 0, time.FixedZone("CEST", 2*3600))
	in, err = participation.NewInitiative(s)
	require.NoError(t, err)
	assert.Equal(t, day0, in.Created())
}

func TestNewInitiativeRejects(t *testing.T) {
	tests := []struct {
		name string
		edit func(s *participation.InitiativeSpec)
		want error
	}{
		{"nil ID", func(s *participation.InitiativeSpec) { s.ID = uuid.Nil }, participation.ErrInvalid},
		{"empty title", func(s *participation.InitiativeSpec) { s.Title = "" }, participation.ErrInvalid},
		{"padded title", func(s *participation.InitiativeSpec) { s.Title = "Bike lane " }, participation.ErrInvalid},
		{"undeclared kind", func(s *participation.InitiativeSpec) { s.Kind = 0 }, participation.ErrInvalid},
		{"no initiator", func(s *participation.InitiativeSpec) { s.Initiators = nil }, participation.ErrInvalid},
		{"nil initiator", func(s *participation.InitiativeSpec) { s.Initiators = []uuid.UUID{uuid.Nil} }, participation.ErrInvalid},
		{"initiator twice", func(s *participation.InitiativeSpec) { s.Initiators = []uuid.UUID{id(1), id(1)} }, participation.ErrInvalid},
		{"promoter who initiated", func(s *participation.InitiativeSpec) {
			s.Committee.Promoters = []uuid.UUID{initiator}
		}, participation.ErrInvalid},
		{"negative committee size", func(s *participation.InitiativeSpec) { s.Committee.MinSize = -1 }, participation.ErrInvalid},
		{"padded area", func(s *participation.InitiativeSpec) { s.Area = "north " }, participation.ErrInvalid},
		{"no creation time", func(s *participation.InitiativeSpec) { s.Created = time.Time{} }, participation.ErrInvalid},
		{"creation beyond 2262", func(s *participation.InitiativeSpec) { s.Created = time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC) }, participation.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := spec()
			tt.edit(&s)
			in, err := participation.NewInitiative(s)
			require.ErrorIs(t, err, tt.want)
			assert.Nil(t, in)
		})
	}
	t.Run("every problem at once", func(t *testing.T) {
		_, err := participation.NewInitiative(participation.InitiativeSpec{})
		// nil ID, empty title, kind, no initiator, no time: five lines.
		assert.Len(t, strings.Split(err.Error(), "\n"), 5)
	})
}

func TestAddPromoter(t *testing.T) {
	s := spec()
	s.Committee.MinSize = 3
	in, err := participation.NewInitiative(s)
	require.NoError(t, err)
	require.ErrorIs(t, in.Open(at(1)), participation.ErrCommitteeTooSmall)

	added, err := in.AddPromoter(id(501))
	require.NoError(t, err)
	assert.True(t, added)
	added, err = in.AddPromoter(id(501))
	require.NoError(t, err)
	assert.False(t, added, "adding twice changes nothing")
	added, err = in.AddPromoter(initiator)
	require.NoError(t, err)
	assert.False(t, added, "an initiator is already on the committee")
	_, err = in.AddPromoter(uuid.Nil)
	require.ErrorIs(t, err, participation.ErrInvalid)
	assert.Equal(t, 2, in.CommitteeSize())

	added, err = in.AddPromoter(id(502))
	require.NoError(t, err)
	require.True(t, added)
	assert.Equal(t, participation.Committee{Promoters: []uuid.UUID{id(501), id(502)}, MinSize: 3}, in.Committee())
	require.NoError(t, in.Open(at(1)))
}

func TestSetRules(t *testing.T) {
	in := newInitiative(t, 0)
	r := strictRules()
	require.NoError(t, in.SetRules(r))
	r.Areas[0] = "changed" // the initiative keeps its own copy
	got, ok := in.Rules()
	require.True(t, ok)
	assert.Equal(t, strictRules(), got)
	got.Areas[0] = "changed"
	again, _ := in.Rules()
	assert.Equal(t, "north", again.Areas[0])

	// Rules may be replaced while a draft.
	require.NoError(t, in.SetRules(rules(3)))
	got, _ = in.Rules()
	assert.Equal(t, rules(3), got)
	assert.True(t, got.Accepts(participation.SigningMethodOffline))
	assert.False(t, strictRules().Accepts(participation.SigningMethodOffline))
	assert.False(t, got.Accepts(0))
}

func TestSupportRulesValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(r *participation.SupportRules)
		want error
	}{
		{"threshold 0", func(r *participation.SupportRules) { r.Threshold = 0 }, participation.ErrInvalid},
		{"window backwards", func(r *participation.SupportRules) { r.Window.End = r.Window.Start }, participation.ErrInvalid},
		{"window half set", func(r *participation.SupportRules) { r.Window.Start = time.Time{} }, participation.ErrInvalid},
		{"negative age", func(r *participation.SupportRules) { r.MinAge = -1 }, participation.ErrInvalid},
		{"age 131", func(r *participation.SupportRules) { r.MinAge = 131 }, participation.ErrInvalid},
		{"empty area", func(r *participation.SupportRules) { r.Areas = []string{""} }, participation.ErrInvalid},
		{"area twice", func(r *participation.SupportRules) { r.Areas = []string{"north", "north"} }, participation.ErrInvalid},
		{"undeclared channel", func(r *participation.SupportRules) { r.Channels = []participation.SigningMethod{9} }, participation.ErrInvalid},
		{"channel twice", func(r *participation.SupportRules) {
			r.Channels = []participation.SigningMethod{participation.SigningMethodOnline, participation.SigningMethodOnline}
		}, participation.ErrInvalid},
		{"area threshold 0", func(r *participation.SupportRules) { r.AreaThresholds[0].Threshold = 0 }, participation.ErrInvalid},
		{"area threshold unnamed", func(r *participation.SupportRules) { r.AreaThresholds[0].Area = "" }, participation.ErrInvalid},
		{"area threshold twice", func(r *participation.SupportRules) {
			r.AreaThresholds = append(r.AreaThresholds, r.AreaThresholds[0])
		}, participation.ErrInvalid},
		{"area threshold outside the areas", func(r *participation.SupportRules) { r.AreaThresholds[0].Area = "east" }, participation.ErrInvalid},
		{"too many areas", func(r *participation.SupportRules) {
			r.Areas = make([]string, math.MaxUint16+1)
			for i := range r.Areas {
				r.Areas[i] = "a" + strings.Repeat("x", i%7) + string(rune('0'+i%10)) + uuid.UUID(id(uint64(i))).String()
			}
			r.AreaThresholds = nil
		}, participation.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := strictRules()
			tt.edit(&r)
			require.ErrorIs(t, r.Validate(), tt.want)
			in := newInitiative(t, 0)
			require.ErrorIs(t, in.SetRules(r), tt.want)
			_, ok := in.Rules()
			assert.False(t, ok, "a refused SetRules leaves no rules")
		})
	}
	require.NoError(t, strictRules().Validate())
}

func TestPeriod(t *testing.T) {
	p := metrics.Period{Start: at(1), End: at(3)}
	assert.False(t, p.Contains(at(0)))
	assert.True(t, p.Contains(at(1)), "the start is inside")
	assert.True(t, p.Contains(at(3).Add(-time.Nanosecond)))
	assert.False(t, p.Contains(at(3)), "the end is outside")
	assert.Equal(t, 2*time.Hour, p.Duration())
	require.NoError(t, p.Validate())

	var zero metrics.Period
	assert.True(t, zero.IsZero())
	assert.True(t, zero.Contains(time.Time{}))
	assert.Zero(t, zero.Duration())
	require.NoError(t, zero.Validate())

	// Rules check their window with metrics.Period's rule and the range of
	// Unix nanoseconds the support store keeps.
	rules := func(w metrics.Period) participation.SupportRules {
		return participation.SupportRules{Threshold: 1, Window: w}
	}
	require.NoError(t, rules(p).Validate())
	require.NoError(t, rules(zero).Validate())
	err := rules(metrics.Period{Start: at(3), End: at(1)}).Validate()
	require.ErrorIs(t, err, participation.ErrInvalid)
	require.ErrorIs(t, err, metrics.ErrInvalid, "metrics' rule, kept in the chain")
	require.ErrorIs(t, rules(metrics.Period{Start: time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC), End: at(1)}).Validate(), participation.ErrInvalid)
	require.ErrorIs(t, rules(metrics.Period{End: at(1)}).Validate(), participation.ErrInvalid)
}

func TestPublicBodyValidate(t *testing.T) {
	require.NoError(t, city.Validate())
	require.ErrorIs(t, participation.PublicBody{Name: "City"}.Validate(), participation.ErrInvalid)
	require.ErrorIs(t, participation.PublicBody{ID: id(1)}.Validate(), participation.ErrInvalid)
}

func TestErrorMessages(t *testing.T) {
	in := newInitiative(t, 4)
	err := in.Sign(id(1), adult, participation.SigningMethodOnline, at(2))
	assert.EqualError(t, err, "participation: not allowed in this state: cannot sign in state draft")
	require.NoError(t, in.Open(at(1)))
	err = in.Sign(id(1), adult, participation.SigningMethodOnline, at(200))
	assert.EqualError(t, err, "supporter 00000000-0000-0000-0000-000000000001: participation: signature outside the window: at = 2025-05-09T17:00:00Z (window 2025-05-01T10:00:00Z to 2025-05-05T13:00:00Z)")
	err = in.Qualify(at(2))
	assert.EqualError(t, err, "participation: cannot qualify in state open: threshold not met: 0 of 4 supports, per-area thresholds []")
	err = in.Submit(city, at(2))
	assert.EqualError(t, err, "participation: cannot submit in state open: event not allowed in this state")

	// Every error type works on a nil or zero receiver.
	for _, e := range []error{(*participation.FieldError)(nil), &participation.FieldError{},
		(*participation.TransitionError)(nil), &participation.TransitionError{},
		(*participation.SupportError)(nil), &participation.SupportError{},
		(*participation.RowError)(nil), &participation.RowError{}} {
		assert.NotPanics(t, func() { assert.NotEmpty(t, e.Error()) }, "%T", e)
	}
	assert.EqualError(t, &participation.TransitionError{}, "participation: cannot Event(0) in state State(0): event not allowed in this state")
}
