package participation_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
)

func newGroup(t *testing.T) *participation.Group {
	t.Helper()
	g, err := participation.NewGroup(id(300), "Friends of Elm Street", participation.GroupGrassroots, "north", []uuid.UUID{id(1), id(2)}, day0)
	require.NoError(t, err)
	return g
}

func TestGroupJoinLeave(t *testing.T) {
	g := newGroup(t)
	assert.Equal(t, id(300), g.ID())
	assert.Equal(t, "Friends of Elm Street", g.Name())
	assert.Equal(t, participation.GroupGrassroots, g.Kind())
	assert.Equal(t, "north", g.Area())
	assert.Equal(t, day0, g.Founded())
	assert.Equal(t, 2, g.CountByRole(participation.RoleInitiator))

	changed, err := g.Join(id(3), participation.RoleVolunteer, at(1))
	require.NoError(t, err)
	assert.True(t, changed)
	changed, err = g.Join(id(3), participation.RoleVolunteer, at(2))
	require.NoError(t, err)
	assert.False(t, changed, "joining twice in the same role changes nothing")
	changed, err = g.Join(id(3), participation.RoleOrganiser, at(3))
	require.NoError(t, err)
	assert.True(t, changed, "a new role is a change")
	m, ok := g.Member(id(3))
	require.True(t, ok)
	assert.Equal(t, participation.Member{ID: id(3), Role: participation.RoleOrganiser, Since: at(1)}, m, "the join date stays")

	left, err := g.Leave(id(3))
	require.NoError(t, err)
	assert.True(t, left)
	left, err = g.Leave(id(3))
	require.NoError(t, err)
	assert.False(t, left, "leaving twice changes nothing")
	_, ok = g.Member(id(3))
	assert.False(t, ok)
	assert.Equal(t, 2, g.Len())
}

func TestGroupRejects(t *testing.T) {
	g := newGroup(t)
	tests := []struct {
		name string
		call func() error
		want error
	}{
		{"join nil", func() error { _, err := g.Join(uuid.Nil, participation.RoleMember, at(1)); return err }, participation.ErrInvalid},
		{"join undeclared role", func() error { _, err := g.Join(id(5), 0, at(1)); return err }, participation.ErrInvalidValue},
		{"join zero time", func() error { _, err := g.Join(id(5), participation.RoleMember, time.Time{}); return err }, participation.ErrInvalid},
		{"join before founding", func() error { _, err := g.Join(id(5), participation.RoleMember, at(-1)); return err }, participation.ErrInvalid},
		{"leave nil", func() error { _, err := g.Leave(uuid.Nil); return err }, participation.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.ErrorIs(t, tt.call(), tt.want)
			assert.Equal(t, 2, g.Len())
		})
	}
	for name, call := range map[string]func() (*participation.Group, error){
		"nil ID": func() (*participation.Group, error) {
			return participation.NewGroup(uuid.Nil, "G", participation.GroupCoalition, "", []uuid.UUID{id(1)}, day0)
		},
		"no name": func() (*participation.Group, error) {
			return participation.NewGroup(id(1), "", participation.GroupCoalition, "", []uuid.UUID{id(1)}, day0)
		},
		"bad kind": func() (*participation.Group, error) {
			return participation.NewGroup(id(1), "G", 0, "", []uuid.UUID{id(1)}, day0)
		},
		"padded area": func() (*participation.Group, error) {
			return participation.NewGroup(id(1), "G", participation.GroupCoalition, " n", []uuid.UUID{id(1)}, day0)
		},
		"no founder": func() (*participation.Group, error) {
			return participation.NewGroup(id(1), "G", participation.GroupCoalition, "", nil, day0)
		},
		"founder twice": func() (*participation.Group, error) {
			return participation.NewGroup(id(1), "G", participation.GroupCoalition, "", []uuid.UUID{id(2), id(2)}, day0)
		},
		"no time": func() (*participation.Group, error) {
			return participation.NewGroup(id(1), "G", participation.GroupCoalition, "", []uuid.UUID{id(2)}, time.Time{})
		},
	} {
		t.Run(name, func(t *testing.T) {
			g, err := call()
			require.Error(t, err)
			assert.Nil(t, g)
		})
	}
}

func TestGroupMembersOrder(t *testing.T) {
	g := newGroup(t)
	_, err := g.Join(id(9), participation.RoleMember, at(2))
	require.NoError(t, err)
	_, err = g.Join(id(8), participation.RoleVolunteer, at(1))
	require.NoError(t, err)
	var order []uuid.UUID
	for m := range g.Members() {
		order = append(order, m.ID)
	}
	// Founders at day0 by ID, then 8 (hour 1), then 9 (hour 2).
	assert.Equal(t, []uuid.UUID{id(1), id(2), id(8), id(9)}, order)
}

func TestGroupJSON(t *testing.T) {
	g := newGroup(t)
	_, err := g.Join(id(3), participation.RoleVolunteer, at(1))
	require.NoError(t, err)
	_, err = g.Leave(id(1)) // a founder may leave
	require.NoError(t, err)
	back := jsonRoundTrip(t, g)
	assert.Equal(t, slices.Collect(g.Members()), slices.Collect(back.Members()))

	requireDecodeRejects(t, newGroup(t), map[string]string{
		"member twice":  `{"id":"00000000-0000-0000-0000-000000000001","name":"G","kind":"coalition","founded":"2025-05-01T09:00:00Z","members":[{"id":"00000000-0000-0000-0000-000000000002","role":"member","since":"2025-05-01T09:00:00Z"},{"id":"00000000-0000-0000-0000-000000000002","role":"member","since":"2025-05-01T09:00:00Z"}]}`,
		"member before": `{"id":"00000000-0000-0000-0000-000000000001","name":"G","kind":"coalition","founded":"2025-05-01T09:00:00Z","members":[{"id":"00000000-0000-0000-0000-000000000002","role":"member","since":"2025-04-01T09:00:00Z"}]}`,
		"unknown role":  `{"id":"00000000-0000-0000-0000-000000000001","name":"G","kind":"coalition","founded":"2025-05-01T09:00:00Z","members":[{"id":"00000000-0000-0000-0000-000000000002","role":"boss","since":"2025-05-01T09:00:00Z"}]}`,
		"no name":       `{"id":"00000000-0000-0000-0000-000000000001","name":"","kind":"coalition","founded":"2025-05-01T09:00:00Z","members":[]}`,
		"not an object": `[]`,
	})
}

func TestActivityAndVolunteerFigures(t *testing.T) {
	may := participation.Period{Start: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)}
	june := participation.Period{Start: may.End, End: time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)}
	cleanUp, err := participation.NewActivity(id(400), "Park clean-up", id(300))
	require.NoError(t, err)
	repair, err := participation.NewActivity(id(401), "Repair café", id(300))
	require.NoError(t, err)
	assert.Equal(t, "Park clean-up", cleanUp.Title())
	assert.Equal(t, id(400), cleanUp.ID())
	assert.Equal(t, id(300), cleanUp.Organiser())
	require.NoError(t, cleanUp.Log(id(1), may.Start.Add(10*time.Hour), 90*time.Minute))
	require.NoError(t, cleanUp.Log(id(2), may.Start.Add(10*time.Hour), time.Hour))
	require.NoError(t, cleanUp.Log(id(1), june.Start, 30*time.Minute))
	require.NoError(t, repair.Log(id(3), may.Start.AddDate(0, 0, 14), 2*time.Hour))
	require.NoError(t, repair.Log(id(2), june.Start.AddDate(0, 0, 9), 45*time.Minute))
	assert.Equal(t, int64(120), cleanUp.Minutes(id(1)))

	activities := []*participation.Activity{cleanUp, repair}
	// May: people 1 (90 min), 2 (60), 3 (120): 3 volunteers, 270 minutes,
	// 270 / (60 × 3) = 1.5 hours each; 3 of 10 eligible = 30.00 %.
	got, err := participation.SummarizeVolunteering(activities, may, 10)
	require.NoError(t, err)
	assert.Equal(t, int64(3), got.Volunteers)
	assert.Equal(t, int64(270), got.Minutes)
	assert.Equal(t, "30.00 %", got.ParticipationRate.PercentText())
	assert.Equal(t, "1.500000", got.HoursPerVolunteer.ValueText())
	assert.Equal(t, may, got.Period)

	// All time: 4 shifts of person 1 and 2 and 3: 345 minutes, 3 people.
	all, err := participation.SummarizeVolunteering(activities, participation.Period{}, 3)
	require.NoError(t, err)
	assert.Equal(t, int64(345), all.Minutes)
	assert.Equal(t, "100.00 %", all.ParticipationRate.PercentText())

	// May → June: 1 and 2 came back, 3 did not: 2/3 = 66.67 %.
	ret, err := participation.VolunteerRetention(activities, may, june)
	require.NoError(t, err)
	assert.Equal(t, "2/3", ret.String())
	assert.Equal(t, "66.67 %", ret.PercentText())

	_, err = participation.SummarizeVolunteering(activities, may, 2)
	require.ErrorIs(t, err, metrics.ErrPartExceedsWhole, "3 volunteers of 2 eligible")
	_, err = participation.SummarizeVolunteering([]*participation.Activity{nil}, may, 2)
	require.ErrorIs(t, err, participation.ErrInvalid)
	_, err = participation.VolunteerRetention(activities, may, participation.Period{Start: june.End, End: june.Start})
	require.ErrorIs(t, err, participation.ErrInvalid)
	_, err = participation.VolunteerRetention(nil, participation.Period{Start: june.End, End: june.Start}, may)
	require.ErrorIs(t, err, participation.ErrInvalid)

	none, err := participation.SummarizeVolunteering(nil, may, 10)
	require.NoError(t, err)
	assert.False(t, none.HoursPerVolunteer.Defined(), "no volunteer: undefined, not zero")
}

func TestActivityRejects(t *testing.T) {
	a, err := participation.NewActivity(id(400), "Clean-up", id(300))
	require.NoError(t, err)
	for name, call := range map[string]func() error{
		"nil person":      func() error { return a.Log(uuid.Nil, day0, time.Hour) },
		"no time":         func() error { return a.Log(id(1), time.Time{}, time.Hour) },
		"seconds":         func() error { return a.Log(id(1), day0, 90*time.Second) },
		"zero":            func() error { return a.Log(id(1), day0, 0) },
		"more than a day": func() error { return a.Log(id(1), day0, 25*time.Hour) },
	} {
		t.Run(name, func(t *testing.T) {
			require.ErrorIs(t, call(), participation.ErrInvalid)
			assert.Empty(t, slices.Collect(a.Shifts()))
		})
	}
	_, err = participation.NewActivity(uuid.Nil, "", uuid.Nil)
	require.ErrorIs(t, err, participation.ErrInvalid)
}

func TestActivityJSON(t *testing.T) {
	a, err := participation.NewActivity(id(400), "Clean-up", id(300))
	require.NoError(t, err)
	require.NoError(t, a.Log(id(1), time.Date(2025, 5, 1, 10, 0, 0, 0, time.FixedZone("CEST", 7200)), 75*time.Minute))
	back := jsonRoundTrip(t, a)
	assert.Equal(t, slices.Collect(a.Shifts()), slices.Collect(back.Shifts()))

	requireDecodeRejects(t, back, map[string]string{
		"bad shift": `{"id":"00000000-0000-0000-0000-000000000001","title":"A","organiser":"00000000-0000-0000-0000-000000000002","shifts":[{"person":"00000000-0000-0000-0000-000000000003","at":"2025-05-01T00:00:00Z","minutes":0}]}`,
		"no title":  `{"id":"00000000-0000-0000-0000-000000000001","title":"","organiser":"00000000-0000-0000-0000-000000000002","shifts":[]}`,
		"not JSON":  `{`,
	})
}

func TestGathering(t *testing.T) {
	g, err := participation.NewGathering(id(600), "Street party", id(300), at(48), "north")
	require.NoError(t, err)
	assert.Equal(t, id(600), g.ID())
	assert.Equal(t, "Street party", g.Title())
	assert.Equal(t, id(300), g.Organiser())
	assert.Equal(t, at(48), g.At())
	assert.Equal(t, "north", g.Area())
	assert.False(t, g.AttendanceRate().Defined(), "nobody registered")
	for _, p := range []uuid.UUID{id(1), id(2), id(3), id(1)} {
		_, err := g.Register(p)
		require.NoError(t, err)
	}
	for _, p := range []uuid.UUID{id(1), id(2), id(4), id(4)} {
		_, err := g.Attend(p)
		require.NoError(t, err)
	}
	added, err := g.Attend(id(1))
	require.NoError(t, err)
	assert.False(t, added, "attending twice changes nothing")
	_, err = g.Register(uuid.Nil)
	require.ErrorIs(t, err, participation.ErrInvalid)

	// Registered 1, 2, 3; attended 1, 2 and walk-in 4: 2 of 3 registered
	// came, 66.67 %.
	assert.Equal(t, 3, g.Registered())
	assert.Equal(t, 3, g.Attendance())
	assert.Equal(t, 1, g.WalkIns())
	assert.Equal(t, "66.67 %", g.AttendanceRate().PercentText())

	back := jsonRoundTrip(t, g)
	assert.Equal(t, 1, back.WalkIns())

	requireDecodeRejects(t, back, map[string]string{
		"registered twice": `{"id":"00000000-0000-0000-0000-000000000001","title":"P","organiser":"00000000-0000-0000-0000-000000000002","at":"2025-05-01T00:00:00Z","registered":["00000000-0000-0000-0000-000000000003","00000000-0000-0000-0000-000000000003"],"attended":[]}`,
		"nil attendee":     `{"id":"00000000-0000-0000-0000-000000000001","title":"P","organiser":"00000000-0000-0000-0000-000000000002","at":"2025-05-01T00:00:00Z","registered":[],"attended":["00000000-0000-0000-0000-000000000000"]}`,
		"no time":          `{"id":"00000000-0000-0000-0000-000000000001","title":"P","organiser":"00000000-0000-0000-0000-000000000002","registered":[],"attended":[]}`,
		"not JSON":         `nope`,
	})
	_, err = participation.NewGathering(uuid.Nil, " ", uuid.Nil, time.Time{}, " x")
	require.ErrorIs(t, err, participation.ErrInvalid)
}
