package engagement_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewAuthority(t *testing.T) {
	a := fixture.Authority(t)
	assert.Equal(t, fixture.AuthorityID, a.ID())
	assert.Equal(t, "City of Riverton", a.Name())
	assert.Equal(t, fixture.CityID, a.Stakeholder())
	assert.True(t, a.IsValid())
	assert.Equal(t, "City of Riverton", a.String())
	assert.False(t, engagement.Authority{}.IsValid())

	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"00000000-0000-4000-8000-000000000002","name":"City of Riverton","stakeholder":"00000000-0000-4000-8000-000000000003"}`, string(b))
	var back engagement.Authority
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, a, back)
	assert.Error(t, json.Unmarshal([]byte(`{"id":1}`), &back))
	assert.Equal(t, a, back, "a failed decode leaves the value unchanged")

	_, err = engagement.NewAuthority(uuid.Nil, " ", uuid.Nil)
	require.ErrorIs(t, err, engagement.ErrInvalid)
	for _, field := range []string{"authority.id", "authority.name", "authority.stakeholder"} {
		assert.ErrorContains(t, err, field, "every problem is reported")
	}
	err = json.Unmarshal([]byte(`{"id":"00000000-0000-4000-8000-000000000002","name":"x","stakeholder":"00000000-0000-0000-0000-000000000000"}`), &back)
	assert.ErrorIs(t, err, engagement.ErrInvalid)
}

func TestNewAudience(t *testing.T) {
	a, err := engagement.NewAudience("cyclists", fixture.ID(9), fixture.ID(3), fixture.ID(5))
	require.NoError(t, err)
	assert.Equal(t, []uuid.UUID{fixture.ID(3), fixture.ID(5), fixture.ID(9)}, collect(a.Stakeholders()), "IDs come back in byte order")
	assert.Equal(t, 3, a.Len())
	assert.Equal(t, "cyclists", a.Segment())
	assert.True(t, a.Reaches(fixture.ID(5)))
	assert.False(t, a.Reaches(fixture.ID(4)))
	assert.False(t, a.IsZero())
	assert.Equal(t, `"cyclists" + 3 stakeholders`, a.String())
	for range a.Stakeholders() {
		break // stopping early is allowed
	}

	b, err := json.Marshal(a)
	require.NoError(t, err)
	var back engagement.Audience
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, a, back)

	zero, err := engagement.NewAudience("")
	require.NoError(t, err)
	assert.True(t, zero.IsZero())
	b, err = json.Marshal(zero)
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(b))

	_, err = engagement.NewAudience(" ", fixture.ID(1), fixture.ID(1), uuid.Nil)
	require.ErrorIs(t, err, engagement.ErrInvalid)
	assert.ErrorIs(t, err, engagement.ErrDuplicate)
	assert.Error(t, json.Unmarshal([]byte(`{"stakeholders":["00000000-0000-0000-0000-000000000000"]}`), &back))
	assert.Error(t, json.Unmarshal([]byte(`[]`), &back))
	assert.Equal(t, a, back)
}

func TestEligibility(t *testing.T) {
	e := fixture.Spec(t).Rules.Eligibility // 16+, north or south, residents
	ok := stakeholder.Profile{AgeBand: stakeholder.AgeBand16To17, Area: "south", Resident: true}
	require.NoError(t, e.Admits(ok))
	tests := []struct {
		name   string
		change func(*stakeholder.Profile)
		fields []string
	}{
		{"under 16", func(p *stakeholder.Profile) { p.AgeBand = stakeholder.AgeBandUnder16 }, []string{"age_band"}},
		{"age unknown: may be too young", func(p *stakeholder.Profile) { p.AgeBand = stakeholder.AgeBand(0) }, []string{"age_band"}},
		{"another area", func(p *stakeholder.Profile) { p.Area = "east" }, []string{"area"}},
		{"area unknown", func(p *stakeholder.Profile) { p.Area = "" }, []string{"area"}},
		{"not resident", func(p *stakeholder.Profile) { p.Resident = false }, []string{"resident"}},
		{"all three", func(p *stakeholder.Profile) { *p = stakeholder.Profile{} }, []string{"age_band", "area", "resident"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ok
			tt.change(&p)
			err := e.Admits(p)
			require.ErrorIs(t, err, engagement.ErrNotEligible)
			for _, f := range tt.fields {
				assert.ErrorContains(t, err, "profile."+f)
			}
		})
	}
	assert.NoError(t, engagement.Eligibility{}.Admits(stakeholder.Profile{}), "the zero value admits everyone")
}

func TestRules(t *testing.T) {
	r := fixture.Spec(t).Rules
	require.NoError(t, r.Validate())
	assert.Equal(t, 14*24*time.Hour, r.Notice())
	// 21 days after 16 March 10:00 is 6 April 10:00.
	due, ok := r.ResponseDeadline(fixture.Opened.Add(time.Hour))
	require.True(t, ok)
	assert.Equal(t, fixture.Date(time.April, 6).Add(time.Hour), due)
	_, ok = engagement.Rules{}.ResponseDeadline(fixture.Opened)
	assert.False(t, ok, "no commitment, no deadline")

	bad := engagement.Rules{
		Eligibility: engagement.Eligibility{MinAge: 121, Areas: []string{"north", "north", ""}},
		NoticeDays:  -1, ResponseDays: 3661, MinParticipants: -1,
	}
	err := bad.Validate()
	require.ErrorIs(t, err, engagement.ErrInvalid)
	assert.ErrorIs(t, err, engagement.ErrDuplicate)
	for _, f := range []string{"min_age", "areas[1]", "areas[2]", "notice_days", "response_days", "min_participants"} {
		assert.ErrorContains(t, err, f)
	}
}

func TestProcessSpecValidate(t *testing.T) {
	s := fixture.Spec(t)
	s.ID = uuid.Nil
	s.Title = ""
	s.Question = "\xff"
	s.Authority = engagement.Authority{}
	s.Level = 0
	s.Rules.NoticeDays = -1
	s.Phases = []engagement.Phase{
		{Kind: engagement.PhaseKindCustom, Start: fixture.Opened, End: fixture.Closed},                   // custom without a name
		{Kind: engagement.PhaseKindDecision, Start: fixture.Closed.Add(-time.Hour), End: fixture.Closed}, // overlaps
		{Kind: 0, Start: fixture.Decided, End: fixture.Decided},                                          // no kind, empty span
		{Kind: engagement.PhaseKindDecision, Name: " ", Start: time.Time{}, End: fixture.Started},
	}
	_, err := engagement.NewProcess(s, time.Time{})
	require.ErrorIs(t, err, engagement.ErrInvalid)
	assert.ErrorIs(t, err, engagement.ErrTimeOrder)
	for _, f := range []string{"id", "title", "question", "authority", "level", "rules.notice_days",
		"phases[0].name", "phases[1].start", "phases[2].kind", "phases[2].end", "phases[3].name", "phases[3].start", "at"} {
		assert.ErrorContains(t, err, f+" ")
	}
	s = fixture.Spec(t)
	s.Phases = make([]engagement.Phase, engagement.MaxPhases+1)
	_, err = engagement.NewProcess(s, fixture.Created)
	assert.ErrorIs(t, err, engagement.ErrLimit)
}

func TestPhase(t *testing.T) {
	ph := engagement.Phase{Kind: engagement.PhaseKindDeliberation, Start: fixture.Opened, End: fixture.Closed}
	require.NoError(t, ph.Validate())
	assert.Equal(t, "deliberation", ph.Label())
	ph.Name = "Design workshops"
	assert.Equal(t, "Design workshops", ph.Label())
	assert.True(t, ph.Active(fixture.Opened), "start is inclusive")
	assert.False(t, ph.Active(fixture.Closed), "end is exclusive")
	assert.False(t, ph.Active(fixture.Announced))
	assert.ErrorIs(t, engagement.Phase{Kind: engagement.PhaseKindCustom, Start: fixture.Opened, End: fixture.Closed}.Validate(), engagement.ErrInvalid)
}

func TestProcessAccessors(t *testing.T) {
	p := fixture.NewProcess(t)
	s := fixture.Spec(t)
	assert.Equal(t, fixture.ProcessID, p.ID())
	assert.Equal(t, s.Title, p.Title())
	assert.Equal(t, s.Question, p.Question())
	assert.Equal(t, s.Authority, p.Authority())
	assert.Equal(t, engagement.LevelConsult, p.Level())
	assert.Equal(t, s.Rules, p.Rules())
	assert.Equal(t, s.Phases, p.Phases())
	assert.Equal(t, engagement.StateDraft, p.State())
	assert.Equal(t, fixture.Created, p.CreatedAt())
	assert.Equal(t, fixture.Created, p.LastChange())
	at, ok := p.EnteredAt(engagement.StateDraft)
	require.True(t, ok)
	assert.Equal(t, fixture.Created, at)

	p.Rules().Eligibility.Areas[0] = "changed"
	p.Phases()[0].Name = "changed"
	assert.Equal(t, s.Rules, p.Rules(), "Rules returns a copy")
	assert.Equal(t, s.Phases, p.Phases(), "Phases returns a copy")

	i, ok := p.ActivePhase(fixture.Opened)
	assert.True(t, ok)
	assert.Equal(t, 1, i)
	_, ok = p.ActivePhase(fixture.Created)
	assert.False(t, ok)
}

// TestTimesAreUTC: times given in another zone are kept and written in UTC,
// as the same instant.
func TestTimesAreUTC(t *testing.T) {
	paris := time.FixedZone("CET", 3600)
	p := fixture.NewProcess(t)
	require.NoError(t, p.Announce(fixture.Announced.In(paris)))
	at, _ := p.EnteredAt(engagement.StateAnnounced)
	assert.Equal(t, time.UTC, at.Location())
	assert.True(t, at.Equal(fixture.Announced))
}
