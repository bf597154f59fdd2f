package engagement_test

import (
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openWithActivities returns an open fixture process with a one-way fact
// sheet and a survey that starts a week after opening.
func openWithActivities(t *testing.T) *engagement.Process {
	t.Helper()
	p := fixture.InState(t, engagement.StateOpen)
	require.NoError(t, p.AddActivity(engagement.ActivitySpec{ID: fixture.LeafletID, Title: "Fact sheet", Method: engagement.MethodFactSheet, Start: fixture.Opened, End: fixture.Closed}, p.LastChange()))
	require.NoError(t, p.AddActivity(engagement.ActivitySpec{ID: fixture.SurveyID, Title: "Survey", Method: engagement.MethodSurvey, Start: fixture.Opened.Add(fixture.Week), End: fixture.Closed}, p.LastChange()))
	return p
}

func TestContribute(t *testing.T) {
	p := openWithActivities(t)
	at := fixture.Opened.Add(fixture.Week + time.Hour)
	sub := engagement.Submission{ID: fixture.ID(2000), Participant: fixture.Person(7), Kind: engagement.ContributionKindSurveyResponse, Text: "Q1: yes", Activity: fixture.SurveyID}
	require.NoError(t, p.Contribute(sub, at))

	c, ok := p.Contribution(fixture.ID(2000))
	require.True(t, ok)
	assert.Equal(t, fixture.ID(2000), c.ID())
	assert.Equal(t, fixture.Person(7), c.Participant())
	assert.Equal(t, engagement.ContributionKindSurveyResponse, c.Kind())
	assert.Equal(t, "Q1: yes", c.Text())
	assert.Equal(t, fixture.SurveyID, c.Activity())
	assert.Equal(t, at, c.At())
	ph, ok := c.Phase()
	assert.True(t, ok)
	assert.Equal(t, 1, ph, "16 March to 13 April is phase 1, consultation")
	_, rated := c.Quality()
	assert.False(t, rated)
	_, answered := c.Response()
	assert.False(t, answered)
	assert.True(t, c.RespondedAt().IsZero())
	_, ok = c.ResponseTime()
	assert.False(t, ok)

	// inState(open) holds two contributions from persons 0 and 1: three now.
	assert.Equal(t, 3, p.ContributionCount())
	assert.Equal(t, 3, p.ContributorCount())
	assert.Equal(t, 3, p.ParticipantCount())
	got, ok := p.Participant(fixture.Person(7).ID)
	require.True(t, ok)
	assert.Equal(t, fixture.Person(7), got)
	_, ok = p.Participant(fixture.ID(99))
	assert.False(t, ok)
	assert.Len(t, collect(p.Participants()), 3)
	assert.Len(t, collect(p.Contributions()), 3)
	_, ok = p.Contribution(fixture.ID(99))
	assert.False(t, ok)

	// A second contribution by the same person adds no contributor.
	require.NoError(t, p.Contribute(engagement.Submission{ID: fixture.ID(2001), Participant: fixture.Person(7), Kind: engagement.ContributionKindComment, Text: "Also benches"}, at))
	assert.Equal(t, 3, p.ContributorCount())
}

func TestContributeRefused(t *testing.T) {
	young := fixture.Person(5)
	young.Profile.AgeBand = stakeholder.AgeBandUnder16
	moved := fixture.Person(0)
	moved.Profile.Area = "south"
	badProfile := fixture.Person(5)
	badProfile.Profile.Area = " north"
	notUTF8 := fixture.Person(5)
	notUTF8.Profile.Sex = "\xff"
	valid := func() engagement.Submission {
		return engagement.Submission{ID: fixture.ID(2000), Participant: fixture.Person(5), Kind: engagement.ContributionKindComment, Text: "More bins"}
	}
	at := fixture.Opened.Add(fixture.Week + time.Hour)
	tests := []struct {
		name   string
		state  engagement.State
		change func(*engagement.Submission)
		at     time.Time
		want   []error
	}{
		{"process not open", engagement.StateClosed, nil, fixture.Closed, []error{engagement.ErrWrongState}},
		{"before the latest change", engagement.StateOpen, nil, fixture.Opened, []error{engagement.ErrTimeOrder}},
		{"Nil ID, blank text, no kind", engagement.StateOpen, func(s *engagement.Submission) { s.ID, s.Text, s.Kind = uuid.Nil, "", 0 }, at, []error{engagement.ErrInvalid}},
		{"invalid profile", engagement.StateOpen, func(s *engagement.Submission) { s.Participant = badProfile }, at, []error{stakeholder.ErrInvalidProfile}},
		{"profile not in UTF-8 (JSON would change it)", engagement.StateOpen, func(s *engagement.Submission) { s.Participant = notUTF8 }, at, []error{engagement.ErrInvalid}},
		{"ID in use", engagement.StateOpen, func(s *engagement.Submission) { s.ID = fixture.ID(1000) }, at, []error{engagement.ErrDuplicate}},
		{"under 16", engagement.StateOpen, func(s *engagement.Submission) { s.Participant = young }, at, []error{engagement.ErrNotEligible}},
		{"profile differs from the recorded one", engagement.StateOpen, func(s *engagement.Submission) { s.Participant = moved }, at, []error{engagement.ErrProfileConflict}},
		{"no phase on 5 January 2026", engagement.StateOpen, nil, time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC), []error{engagement.ErrNoActivePhase}},
		{"unknown activity", engagement.StateOpen, func(s *engagement.Submission) { s.Activity = fixture.ID(99) }, at, []error{engagement.ErrNotFound}},
		{"through a one-way fact sheet", engagement.StateOpen, func(s *engagement.Submission) { s.Activity = fixture.LeafletID }, at, []error{engagement.ErrMethodMismatch}},
		{"before the survey starts", engagement.StateOpen, func(s *engagement.Submission) { s.Activity = fixture.SurveyID }, fixture.Opened.Add(time.Hour * 5), []error{engagement.ErrTimeOrder}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p *engagement.Process
			if tt.state == engagement.StateOpen {
				p = openWithActivities(t)
			} else {
				p = fixture.InState(t, tt.state)
			}
			s := valid()
			if tt.change != nil {
				tt.change(&s)
			}
			before := marshal(t, p)
			err := p.Contribute(s, tt.at)
			for _, want := range tt.want {
				assert.ErrorIs(t, err, want)
			}
			var oe *engagement.OpError
			require.ErrorAs(t, err, &oe)
			assert.Equal(t, "contribute", oe.Op)
			assert.Equal(t, tt.state, oe.State)
			assert.Equal(t, string(before), string(marshal(t, p)))
		})
	}
}

func TestContributeWithoutPhases(t *testing.T) {
	s := fixture.Spec(t)
	s.Phases = nil
	p, err := engagement.NewProcess(s, fixture.Created)
	require.NoError(t, err)
	require.NoError(t, p.Announce(fixture.Announced))
	require.NoError(t, p.Open(fixture.Opened))
	require.NoError(t, p.Contribute(engagement.Submission{ID: fixture.ID(2000), Participant: fixture.Person(0), Kind: engagement.ContributionKindVote, Text: "B"}, fixture.Date(time.December, 30)))
	c, _ := p.Contribution(fixture.ID(2000))
	ph, ok := c.Phase()
	assert.False(t, ok)
	assert.Equal(t, -1, ph)
	assert.Equal(t, uuid.Nil, c.Activity())
}

func TestRate(t *testing.T) {
	p := fixture.InState(t, engagement.StateCompleted)
	require.NoError(t, p.Rate(fixture.ID(1000), engagement.Quality{Substantive: true, Score: 2}), "ratings are allowed after the process ends")
	require.NoError(t, p.Rate(fixture.ID(1000), engagement.Quality{Substantive: true, Score: 3}), "a rating may be revised")
	c, _ := p.Contribution(fixture.ID(1000))
	q, ok := c.Quality()
	require.True(t, ok)
	assert.Equal(t, engagement.Quality{Substantive: true, Score: 3}, q)

	before := marshal(t, p)
	err := p.Rate(fixture.ID(99), engagement.Quality{Score: engagement.MaxQualityScore + 1})
	assert.ErrorIs(t, err, engagement.ErrNotFound)
	assert.ErrorIs(t, err, engagement.ErrInvalid)
	assert.ErrorIs(t, p.Rate(fixture.ID(1000), engagement.Quality{Score: -1}), engagement.ErrInvalid)
	assert.Equal(t, string(before), string(marshal(t, p)))
}

func TestRespond(t *testing.T) {
	p := openWith(t, 2, 0)
	at := fixture.Opened.Add(3 * engagement.Day)
	r := engagement.Response{Kind: engagement.ResponseKindNotAccepted, Text: "The budget does not allow it.", Responder: fixture.OfficerID}
	require.NoError(t, p.Respond(fixture.ID(1000), r, at))
	c, _ := p.Contribution(fixture.ID(1000))
	got, ok := c.Response()
	require.True(t, ok)
	assert.Equal(t, r, got)
	assert.Equal(t, at, c.RespondedAt())
	// Received 16 March 10:00, answered 19 March 09:00: 71 hours.
	d, ok := c.ResponseTime()
	require.True(t, ok)
	assert.Equal(t, 71*time.Hour, d)
	assert.Equal(t, 1, p.AnsweredCount())
	// A second responder.
	require.NoError(t, p.Respond(fixture.ID(1001), engagement.Response{Kind: engagement.ResponseKindNoted, Responder: fixture.ID(31)}, at))
	c, _ = p.Contribution(fixture.ID(1001))
	got, _ = c.Response()
	assert.Equal(t, fixture.ID(31), got.Responder)
}

func TestRespondRefused(t *testing.T) {
	ok := engagement.Response{Kind: engagement.ResponseKindAccepted, Responder: fixture.OfficerID}
	tests := []struct {
		name  string
		state engagement.State
		id    uuid.UUID
		r     engagement.Response
		want  []error
	}{
		{"already answered (responses are final)", engagement.StateOpen, fixture.ID(1000), ok, []error{engagement.ErrAlreadyAnswered}},
		{"after completion", engagement.StateCompleted, fixture.ID(1000), ok, []error{engagement.ErrWrongState, engagement.ErrAlreadyAnswered}},
		{"unknown contribution", engagement.StateOpen, fixture.ID(99), ok, []error{engagement.ErrNotFound}},
		{"not accepted without a reason", engagement.StateOpen, fixture.ID(1000), engagement.Response{Kind: engagement.ResponseKindNotAccepted, Text: " ", Responder: fixture.OfficerID}, []error{engagement.ErrReasonRequired}},
		{"no kind, no responder, bad text", engagement.StateOpen, fixture.ID(1000), engagement.Response{Text: "\xff"}, []error{engagement.ErrInvalid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := fixture.InState(t, tt.state)
			before := marshal(t, p)
			err := p.Respond(tt.id, tt.r, p.LastChange())
			for _, want := range tt.want {
				assert.ErrorIs(t, err, want)
			}
			var oe *engagement.OpError
			require.ErrorAs(t, err, &oe)
			assert.Equal(t, "respond", oe.Op)
			assert.Equal(t, string(before), string(marshal(t, p)))
		})
	}
}
