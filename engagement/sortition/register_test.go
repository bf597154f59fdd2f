package sortition_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/sortition"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
)

var (
	regProcess  = uuid.MustParse("5a7e0000-0000-4000-8000-000000000001")
	regCity     = uuid.MustParse("5a7e0000-0000-4000-8000-000000000002")
	regAssembly = uuid.MustParse("5a7e0000-0000-4000-8000-000000000a01")
	regSurvey   = uuid.MustParse("5a7e0000-0000-4000-8000-000000000a02")
	regPanel    = uuid.MustParse("5a7e0000-0000-4000-8000-000000000a03")
	regSpace    = uuid.MustParse("5a7e0000-0000-4000-8000-00000000ffff")
)

func regDay(day int) time.Time { return time.Date(2026, time.February, day, 9, 0, 0, 0, time.UTC) }

// assemblyProcess returns a draft process with a citizens' assembly from
// 20 to 21 February and a survey.
func assemblyProcess(t *testing.T) *engagement.Process {
	t.Helper()
	city, err := engagement.NewAuthority(regCity, "City of Riverton", regCity)
	require.NoError(t, err)
	p, err := engagement.NewProcess(engagement.ProcessSpec{
		ID: regProcess, Title: "Climate assembly", Question: "How should Riverton reach net zero?",
		Authority: city, Level: engagement.LevelCollaborate,
	}, regDay(1))
	require.NoError(t, err)
	require.NoError(t, p.AddActivity(engagement.ActivitySpec{ID: regAssembly, Title: "Citizens' assembly",
		Method: engagement.MethodCitizensAssembly, Start: regDay(20), End: regDay(21), RegistrationRequired: true}, regDay(2)))
	require.NoError(t, p.AddActivity(engagement.ActivitySpec{ID: regPanel, Title: "Citizens' panel",
		Method: engagement.MethodCitizensPanel, Start: regDay(24), End: regDay(25)}, regDay(2)))
	require.NoError(t, p.AddActivity(engagement.ActivitySpec{ID: regSurvey, Title: "Survey",
		Method: engagement.MethodSurvey, Start: regDay(3), End: regDay(19)}, regDay(2)))
	return p
}

func agePool(t *testing.T) *sortition.Pool {
	t.Helper()
	pool, err := sortition.NewPool([]string{"age", "sex", "area"}, []sortition.Respondent{
		{ID: "p1", Values: []string{"25-34", "f", "north"}},
		{ID: "p2", Values: []string{"65-74", "m", "south"}},
		{ID: "p3", Values: []string{"25-34", "m", "south"}},
		{ID: "p4", Values: []string{"old", "f", "north"}},
	})
	require.NoError(t, err)
	return pool
}

func TestRegister(t *testing.T) {
	pool := agePool(t)
	m := sortition.ParticipantMap{Namespace: regSpace, AgeBand: "age", Sex: "sex", Area: "area", Resident: true}
	p := assemblyProcess(t)
	require.NoError(t, sortition.Register(p, regAssembly, pool, []string{"p1", "p2"}, m, regDay(5)))
	var got []engagement.Participant
	for rec := range p.Attendance(regAssembly) {
		assert.True(t, rec.Registered())
		got = append(got, rec.Participant)
	}
	require.Len(t, got, 2)
	assert.Equal(t, uuid.NewSHA1(regSpace, []byte("p1")), got[0].ID)
	assert.Equal(t, stakeholder.Profile{AgeBand: stakeholder.AgeBand25To34, Sex: "f", Area: "north", Resident: true}, got[0].Profile)

	cases := []struct {
		name     string
		activity uuid.UUID
		panel    []string
		m        sortition.ParticipantMap
		at       time.Time
		want     error
	}{
		{"unknown activity", regCity, []string{"p3"}, m, regDay(6), sortition.ErrNotFound},
		{"not an assembly", regSurvey, []string{"p3"}, m, regDay(6), sortition.ErrInvalid},
		{"unknown respondent", regAssembly, []string{"p3", "zz"}, m, regDay(6), sortition.ErrNotFound},
		{"twice in the panel", regAssembly, []string{"p3", "p3"}, m, regDay(6), sortition.ErrDuplicate},
		{"already registered", regAssembly, []string{"p3", "p1"}, m, regDay(6), sortition.ErrDuplicate},
		{"not an age band", regAssembly, []string{"p3", "p4"}, m, regDay(6), stakeholder.ErrInvalid},
		{"nil namespace", regAssembly, []string{"p3"}, sortition.ParticipantMap{}, regDay(6), sortition.ErrInvalid},
		{"unknown feature", regAssembly, []string{"p3"}, sortition.ParticipantMap{Namespace: regSpace, Area: "ward"}, regDay(6), sortition.ErrInvalid},
		{"after the assembly", regAssembly, []string{"p3"}, m, regDay(22), engagement.ErrTimeOrder},
		{"before the latest change", regAssembly, []string{"p3"}, m, regDay(4), engagement.ErrTimeOrder},
	}
	registered := func() int {
		n := 0
		for rec := range p.Attendance(regAssembly) {
			if rec.Registered() {
				n++
			}
		}
		return n
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, regs := p.ParticipantCount(), registered()
			err := sortition.Register(p, c.activity, pool, c.panel, c.m, c.at)
			require.ErrorIs(t, err, c.want)
			assert.Equal(t, before, p.ParticipantCount(), "nothing changed")
			assert.Equal(t, regs, registered(), "no one registered")
		})
	}
	// The process knows p3 with another profile: refused, at the panel.
	require.NoError(t, p.Register(regAssembly, engagement.Participant{ID: uuid.NewSHA1(regSpace, []byte("p3")),
		Profile: stakeholder.Profile{Area: "elsewhere"}}, regDay(7)))
	err := sortition.Register(p, regPanel, pool, []string{"p3"}, m, regDay(8))
	require.ErrorIs(t, err, sortition.ErrInvalid)
	// p1 and p2 join the panel too, with the profiles already known.
	require.NoError(t, sortition.Register(p, regPanel, pool, []string{"p1", "p2"}, m, regDay(8)))
}

func TestRepresentativeness(t *testing.T) {
	pool, spec := genPool(4, 120, 3, 12)
	d, err := sortition.Fair(pool, spec, sortition.AlgorithmLeximin)
	require.NoError(t, err)
	l, err := d.Round(100)
	require.NoError(t, err)
	draw, err := l.Draw("1 2 3")
	require.NoError(t, err)
	counts, err := sortition.Breakdown(pool, draw.Panel, "sex")
	require.NoError(t, err)
	var total int64
	for _, c := range counts {
		total += c.Count
	}
	assert.Equal(t, int64(12), total)
	population := []metrics.GroupCount{{Group: "female", Count: 52000}, {Group: "male", Count: 48000}}
	rep, err := sortition.Representativeness(pool, draw.Panel, "sex", metrics.RepresentativenessSpec{Population: population, Policy: metrics.SuppressionPolicy{MinCellSize: 1}})
	require.NoError(t, err)
	assert.Equal(t, int64(12), rep.Total())
	full, err := metrics.CompareToPopulation(fill(counts, population), population)
	require.NoError(t, err)
	assert.Equal(t, 2, full.Len())
	_, err = sortition.Breakdown(pool, draw.Panel, "height")
	require.ErrorIs(t, err, sortition.ErrInvalid)
	_, err = sortition.Breakdown(pool, []string{"nobody"}, "sex")
	require.ErrorIs(t, err, sortition.ErrNotFound)
}

// fill returns counts with a zero for every population group it lacks.
func fill(counts, population []metrics.GroupCount) []metrics.GroupCount {
	out := make([]metrics.GroupCount, len(population))
	for i, g := range population {
		out[i].Group = g.Group
		for _, c := range counts {
			if c.Group == g.Group {
				out[i].Count = c.Count
			}
		}
	}
	return out
}
