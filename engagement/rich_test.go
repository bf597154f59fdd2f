package engagement_test

import (
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// richProcess returns a completed fixture process with at least one record
// of every kind: activities with registrations, attendance and a walk-in,
// a campaign with figures and mentions, publications, contributions through
// activities and directly, ratings, every kind of response, a decision,
// and two commitments, one done and one dropped.
func richProcess(t testing.TB) *engagement.Process {
	t.Helper()
	p := newProcess(t)
	must := func(err error) {
		t.Helper()
		require.NoError(t, err)
	}
	audience, err := engagement.NewAudience("households within 500 m of the park", id(500), id(501))
	must(err)
	must(p.AddCampaign(engagement.CampaignSpec{ID: campaignID, Name: "Leaflet drop", Medium: engagement.MediumDirectMail, Audience: audience}, created.Add(time.Hour)))
	must(p.AddActivity(engagement.ActivitySpec{ID: leafletID, Title: "Park fact sheet", Method: engagement.MethodFactSheet,
		Start: created, End: completed, Place: "https://riverton.example/park"}, created.Add(time.Hour)))
	must(p.Announce(announced))
	must(p.Publish(engagement.Publication{Kind: engagement.PublicationKindPublicNotice, Title: "Consultation on Riverside Park", Link: "https://riverton.example/park"}, announced))
	must(p.Publish(engagement.Publication{Kind: engagement.PublicationKindBackgroundInfo, Title: "Options report"}, announced.Add(time.Hour)))
	must(p.RecordReach(campaignID, audienceOf(3100, 4000), announced.Add(2*time.Hour)))
	must(p.AddActivity(engagement.ActivitySpec{ID: workshopID, Title: "Design workshop", Method: engagement.MethodWorkshop,
		Start: opened.Add(Week), End: opened.Add(Week + 3*time.Hour), Place: "Riverside School", RegistrationRequired: true,
		Audience: audience}, announced.Add(3*time.Hour)))
	must(p.AddActivity(engagement.ActivitySpec{ID: surveyID, Title: "Park survey", Method: engagement.MethodSurvey,
		Start: opened, End: closed}, announced.Add(3*time.Hour)))
	must(p.Register(workshopID, person(0), announced.Add(4*time.Hour)))
	must(p.Register(workshopID, person(1), announced.Add(5*time.Hour)))
	must(p.AddMention(campaignID, engagement.Clipping{Outlet: "Riverton Gazette", Headline: "Have your say on the park", Mention: metrics.Mention{Reach: 12000, Tone: metrics.TonePositive}}, announced.Add(Week)))
	must(p.Open(opened))
	must(p.RecordReach(campaignID, audienceOf(5200, 9000), opened))
	subs := []engagement.Submission{
		{ID: id(1000), Participant: person(0), Kind: engagement.ContributionKindIdea, Text: "Replace the car park with a play area", Activity: surveyID},
		{ID: id(1001), Participant: person(1), Kind: engagement.ContributionKindObjection, Text: "Keep the car park: the elderly need it"},
		{ID: id(1002), Participant: person(2), Kind: engagement.ContributionKindQuestion, Text: "Will the trees stay?"},
		{ID: id(1003), Participant: person(0), Kind: engagement.ContributionKindComment, Text: "A quiet zone by the water", Activity: surveyID},
		{ID: id(1004), Participant: person(3), Kind: engagement.ContributionKindSurveyResponse, Text: "Q1 yes; Q2 play area", Activity: surveyID},
	}
	for k, s := range subs {
		must(p.Contribute(s, opened.Add(time.Duration(k+1)*time.Hour)))
	}
	must(p.Attend(workshopID, person(0), opened.Add(Week)))
	must(p.Attend(workshopID, person(1), opened.Add(Week+time.Minute)))
	must(p.Contribute(engagement.Submission{ID: id(1005), Participant: person(1), Kind: engagement.ContributionKindIdea, Text: "Shade sails over the play area", Activity: workshopID}, opened.Add(Week+2*time.Hour)))
	must(p.AddMention(campaignID, engagement.Clipping{Outlet: "Radio Riverton", Mention: metrics.Mention{Reach: 3000, Tone: metrics.ToneNegative}}, opened.Add(Week+3*time.Hour)))
	responses := []engagement.Response{
		{Kind: engagement.ResponseKindAccepted, Text: "The play area replaces the car park.", Responder: officerID},
		{Kind: engagement.ResponseKindNotAccepted, Text: "Disabled bays stay; the rest goes.", Responder: officerID},
		{Kind: engagement.ResponseKindNoted, Text: "All healthy trees stay.", Responder: id(31)},
		{Kind: engagement.ResponseKindPartlyAccepted, Text: "A quiet area, not a zone.", Responder: officerID},
		{Kind: engagement.ResponseKindNoted, Responder: id(31)},
		{Kind: engagement.ResponseKindOutOfScope, Text: "Shade is part of next year's budget.", Responder: officerID},
	}
	for k, r := range responses {
		must(p.Respond(id(1000+k), r, opened.Add(2*Week+time.Duration(k)*time.Hour)))
	}
	must(p.Rate(id(1000), engagement.Quality{Substantive: true, Score: 3}))
	must(p.Rate(id(1001), engagement.Quality{Substantive: true, Score: 2}))
	must(p.Rate(id(1002), engagement.Quality{}))
	must(p.Publish(engagement.Publication{Kind: engagement.PublicationKindInputSummary, Title: "What we heard"}, closed.Add(-engagement.Day)))
	must(p.Close(closed))
	must(p.Decide(engagement.Decision{
		Outcome:   "Play area where the car park is; a quiet area by the water",
		Rationale: "Most input asked for a play area (1000); disabled bays stay after the objection (1001).",
		ShapedBy:  []uuid.UUID{id(1000), id(1001), id(1003)},
	}, decided))
	must(p.Publish(engagement.Publication{Kind: engagement.PublicationKindDecisionNotice, Title: "Decision on Riverside Park"}, decided))
	must(p.AddCommitment(commitmentSpec(commitID), decided.Add(time.Hour)))
	c2 := engagement.CommitmentSpec{ID: commit2ID, Action: "Plant a quiet area", Owner: "Parks Department", Due: date(time.June, 1),
		Milestones: []engagement.MilestoneSpec{{Name: "Planting", Weight: 5}}, ShapedBy: []uuid.UUID{id(1003)}}
	must(p.AddCommitment(c2, decided.Add(2*time.Hour)))
	must(p.StartImplementation(started))
	must(p.CompleteMilestone(commitID, "Design", started.Add(Week)))
	must(p.Publish(engagement.Publication{Kind: engagement.PublicationKindProgressReport, Title: "Park works: design done"}, started.Add(Week)))
	must(p.DropCommitment(commit2ID, "The river authority refused planting on the bank", started.Add(2*Week)))
	must(p.CompleteMilestone(commitID, "Build", date(time.June, 20)))
	must(p.Complete(completed))
	return p
}

// sameInstant returns a completed process in which everything happens at one
// instant, with no notice: the hardest case for decoding, which must find an
// order in which the methods accept every record.
func sameInstant(t testing.TB) *engagement.Process {
	t.Helper()
	at := created
	p := looseProcess(t)
	who := engagement.Participant{ID: id(100), Profile: stakeholder.Profile{AgeBand: stakeholder.AgeBand(0)}}
	for _, f := range []func() error{
		func() error { return p.Announce(at) },
		func() error { return p.Open(at) },
		func() error {
			return p.AddActivity(engagement.ActivitySpec{ID: workshopID, Title: "Walk", Method: engagement.MethodOpenHouse, Start: at, End: at.Add(time.Hour)}, at)
		},
		func() error { return p.Attend(workshopID, who, at) },
		func() error { return p.Register(workshopID, person(1), at) }, // created after who's record
		func() error {
			return p.Contribute(engagement.Submission{ID: id(1000), Participant: who, Kind: engagement.ContributionKindComment, Text: "Benches", Activity: workshopID}, at)
		},
		func() error {
			return p.Respond(id(1000), engagement.Response{Kind: engagement.ResponseKindAccepted, Responder: officerID}, at)
		},
		func() error { return p.Close(at) },
		func() error { return p.Decide(decision(), at) },
		func() error { return p.AddCommitment(commitmentSpec(commitID), at) },
		func() error { return p.AddCommitment(commitmentSpec(commit2ID), at) },
		func() error { return p.StartImplementation(at) },
		func() error { return p.DropCommitment(commitID, "merged into the other", at) },
		func() error { return p.CompleteMilestone(commit2ID, "Design", at) },
		func() error { return p.CompleteMilestone(commit2ID, "Build", at) },
		func() error { return p.Complete(at) },
	} {
		require.NoError(t, f())
	}
	return p
}

// TestIteratorsStopEarly stops every iterator of the rich fixture after its
// first element: each must stop yielding (Go panics if one goes on) and must
// have yielded exactly one.
func TestIteratorsStopEarly(t *testing.T) {
	p := richProcess(t)
	c, ok := p.Campaign(campaignID)
	require.True(t, ok)
	aud := c.Audience()
	first := func(seq func(func() bool)) int {
		n := 0
		seq(func() bool { n++; return false })
		return n
	}
	seqs := map[string]func(func() bool){
		"History":          func(y func() bool) { p.History()(func(engagement.Transition) bool { return y() }) },
		"Participants":     func(y func() bool) { p.Participants()(func(engagement.Participant) bool { return y() }) },
		"Contributions":    func(y func() bool) { p.Contributions()(func(engagement.Contribution) bool { return y() }) },
		"DecisionInputs":   func(y func() bool) { p.DecisionInputs()(func(engagement.Contribution) bool { return y() }) },
		"CommitmentInputs": func(y func() bool) { p.CommitmentInputs(commitID)(func(engagement.Contribution) bool { return y() }) },
		"Activities":       func(y func() bool) { p.Activities()(func(engagement.Activity) bool { return y() }) },
		"Attendance":       func(y func() bool) { p.Attendance(workshopID)(func(engagement.Attendance) bool { return y() }) },
		"Campaigns":        func(y func() bool) { p.Campaigns()(func(engagement.Campaign) bool { return y() }) },
		"Commitments":      func(y func() bool) { p.Commitments()(func(engagement.Commitment) bool { return y() }) },
		"Publications":     func(y func() bool) { p.Publications()(func(time.Time, engagement.Publication) bool { return y() }) },
		"Mentions":         func(y func() bool) { c.Mentions()(func(time.Time, engagement.Clipping) bool { return y() }) },
		"ReachReports":     func(y func() bool) { c.ReachReports()(func(time.Time, metrics.Audience) bool { return y() }) },
		"Stakeholders":     func(y func() bool) { aud.Stakeholders()(func(uuid.UUID) bool { return y() }) },
	}
	for name, seq := range seqs {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, 1, first(seq))
		})
	}
}
