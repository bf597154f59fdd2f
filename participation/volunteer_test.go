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

func TestActivityAndVolunteerFigures(t *testing.T) {
	may := metrics.Period{Start: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)}
	june := metrics.Period{Start: may.End, End: time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)}
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

	activities := []*participation.VolunteerActivity{cleanUp, repair}
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
	all, err := participation.SummarizeVolunteering(activities, metrics.Period{}, 3)
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
	_, err = participation.SummarizeVolunteering([]*participation.VolunteerActivity{nil}, may, 2)
	require.ErrorIs(t, err, participation.ErrInvalid)
	_, err = participation.VolunteerRetention(activities, may, metrics.Period{Start: june.End, End: june.Start})
	require.ErrorIs(t, err, participation.ErrInvalid)
	_, err = participation.VolunteerRetention(nil, metrics.Period{Start: june.End, End: june.Start}, may)
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
