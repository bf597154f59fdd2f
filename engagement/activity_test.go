package engagement_test

import (
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Two gatherings on 23 March: a workshop 09:00–12:00 that requires
// registration and an open public meeting 18:00–20:00.
var (
	meetingID    = fixture.ID(13)
	workshopSpec = engagement.ActivitySpec{ID: fixture.WorkshopID, Title: "Design workshop", Method: engagement.MethodWorkshop,
		Start: fixture.Date(time.March, 23), End: fixture.Date(time.March, 23).Add(3 * time.Hour), Place: "Riverside School", RegistrationRequired: true}
	meetingSpec = engagement.ActivitySpec{ID: meetingID, Title: "Public meeting", Method: engagement.MethodPublicMeeting,
		Start: fixture.Date(time.March, 23).Add(9 * time.Hour), End: fixture.Date(time.March, 23).Add(11 * time.Hour)}
)

func withGatherings(t *testing.T) *engagement.Process {
	t.Helper()
	p := fixture.InState(t, engagement.StateOpen)
	require.NoError(t, p.AddActivity(workshopSpec, p.LastChange()))
	require.NoError(t, p.AddActivity(meetingSpec, p.LastChange()))
	require.NoError(t, p.AddActivity(engagement.ActivitySpec{ID: fixture.SurveyID, Title: "Survey", Method: engagement.MethodSurvey, Start: fixture.Opened, End: fixture.Closed}, p.LastChange()))
	return p
}

func TestAttendance(t *testing.T) {
	p := withGatherings(t)
	day := fixture.Date(time.March, 23)
	require.NoError(t, p.Register(fixture.WorkshopID, fixture.Person(0), day.Add(-engagement.Day)))
	require.NoError(t, p.Register(fixture.WorkshopID, fixture.Person(5), day.Add(-engagement.Day)))
	require.NoError(t, p.Attend(fixture.WorkshopID, fixture.Person(0), day))
	require.NoError(t, p.Attend(meetingID, fixture.Person(6), day.Add(9*time.Hour)), "a walk-in at an open meeting")

	w, ok := p.Activity(fixture.WorkshopID)
	require.True(t, ok)
	assert.Equal(t, fixture.WorkshopID, w.ID())
	assert.Equal(t, "Design workshop", w.Title())
	assert.Equal(t, engagement.MethodWorkshop, w.Method())
	assert.Equal(t, workshopSpec.Start, w.Start())
	assert.Equal(t, workshopSpec.End, w.End())
	assert.Equal(t, "Riverside School", w.Place())
	assert.True(t, w.RegistrationRequired())
	assert.True(t, w.Audience().IsZero())
	assert.Equal(t, fixture.Opened.Add(3*time.Hour), w.AddedAt(), "added at the open fixture's latest change")
	assert.Equal(t, 2, w.Registered())
	assert.Equal(t, 1, w.Attended(), "2 registered, 1 came")

	recs := collect(p.Attendance(fixture.WorkshopID))
	require.Len(t, recs, 2)
	assert.Equal(t, fixture.Person(0), recs[0].Participant)
	assert.True(t, recs[0].Registered())
	assert.True(t, recs[0].Attended())
	assert.False(t, recs[0].WalkIn())
	assert.False(t, recs[1].Attended())

	walkIn := collect(p.Attendance(meetingID))
	require.Len(t, walkIn, 1)
	assert.True(t, walkIn[0].WalkIn())
	assert.Empty(t, collect(p.Attendance(fixture.ID(99))))

	// Persons 0 and 1 contributed in the fixture; 5 registered, 6 attended.
	assert.Equal(t, 4, p.ParticipantCount())
	assert.Equal(t, 2, p.ContributorCount(), "registering or attending is not contributing")
	assert.Len(t, collect(p.Activities()), 3)
	_, ok = p.Activity(fixture.ID(99))
	assert.False(t, ok)
}

func TestAttendanceRefused(t *testing.T) {
	day := fixture.Date(time.March, 23)
	moved := fixture.Person(0)
	moved.Profile.Area = "south"
	tests := []struct {
		name string
		run  func(p *engagement.Process) error
		want []error
	}{
		{"attend a workshop without registering", func(p *engagement.Process) error { return p.Attend(fixture.WorkshopID, fixture.Person(5), day) },
			[]error{engagement.ErrNotRegistered}},
		{"register twice", func(p *engagement.Process) error { return p.Register(fixture.WorkshopID, fixture.Person(2), day) },
			[]error{engagement.ErrDuplicate}},
		{"attend twice", func(p *engagement.Process) error {
			return p.Attend(fixture.WorkshopID, fixture.Person(2), day.Add(time.Hour))
		},
			[]error{engagement.ErrDuplicate}},
		{"register once the workshop has ended", func(p *engagement.Process) error {
			return p.Register(fixture.WorkshopID, fixture.Person(5), workshopSpec.End)
		},
			[]error{engagement.ErrTimeOrder}},
		{"attend before the meeting starts", func(p *engagement.Process) error { return p.Attend(meetingID, fixture.Person(5), day.Add(time.Hour)) },
			[]error{engagement.ErrTimeOrder}},
		{"register for a survey", func(p *engagement.Process) error { return p.Register(fixture.SurveyID, fixture.Person(5), day) },
			[]error{engagement.ErrMethodMismatch}},
		{"unknown activity", func(p *engagement.Process) error { return p.Attend(fixture.ID(99), fixture.Person(5), day) },
			[]error{engagement.ErrNotFound}},
		{"a profile that differs from the recorded one", func(p *engagement.Process) error { return p.Attend(meetingID, moved, day.Add(10*time.Hour)) },
			[]error{engagement.ErrProfileConflict}},
		{"an invalid participant", func(p *engagement.Process) error {
			return p.Attend(meetingID, engagement.Participant{}, day.Add(10*time.Hour))
		}, []error{engagement.ErrInvalid}},
		{"after cancellation", func(p *engagement.Process) error {
			if err := p.Cancel("flood", day.Add(9*time.Hour)); err != nil {
				return err
			}
			return p.Attend(meetingID, fixture.Person(5), day.Add(10*time.Hour))
		}, []error{engagement.ErrWrongState}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := withGatherings(t)
			require.NoError(t, p.Register(fixture.WorkshopID, fixture.Person(2), day.Add(-time.Hour)))
			require.NoError(t, p.Attend(fixture.WorkshopID, fixture.Person(2), day))
			err := tt.run(p)
			for _, want := range tt.want {
				assert.ErrorIs(t, err, want)
			}
			var oe *engagement.OpError
			assert.ErrorAs(t, err, &oe)
		})
	}
}

func TestAddActivityRefused(t *testing.T) {
	p := fixture.InState(t, engagement.StateOpen)
	require.NoError(t, p.AddActivity(workshopSpec, p.LastChange()))
	before := marshal(t, p)
	err := p.AddActivity(workshopSpec, p.LastChange())
	assert.ErrorIs(t, err, engagement.ErrDuplicate)
	bad := engagement.ActivitySpec{ID: uuid.Nil, Method: engagement.MethodSurvey, RegistrationRequired: true, Start: fixture.Closed, End: fixture.Opened, Place: "\xff"}
	err = p.AddActivity(bad, p.LastChange())
	assert.ErrorIs(t, err, engagement.ErrInvalid)
	assert.ErrorIs(t, err, engagement.ErrMethodMismatch)
	for _, f := range []string{"activity.id", "activity.title", "activity.end", "activity.place", "activity.registration_required"} {
		assert.ErrorContains(t, err, f+" ")
	}
	assert.ErrorIs(t, fixture.InState(t, engagement.StateCompleted).AddActivity(meetingSpec, fixture.Completed), engagement.ErrWrongState)
	assert.Equal(t, string(before), string(marshal(t, p)))
}
