package engagement_test

import (
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sameInstant returns a completed process in which everything happens at one
// instant, with no notice: the hardest case for decoding, which must find an
// order in which the methods accept every record.
func sameInstant(t testing.TB) *engagement.Process {
	t.Helper()
	at := fixture.Created
	p := fixture.LooseProcess(t)
	who := engagement.Participant{ID: fixture.ID(100), Profile: stakeholder.Profile{AgeBand: stakeholder.AgeBand(0)}}
	for _, f := range []func() error{
		func() error { return p.Announce(at) },
		func() error { return p.Open(at) },
		func() error {
			return p.AddActivity(engagement.ActivitySpec{ID: fixture.WorkshopID, Title: "Walk", Method: engagement.MethodOpenHouse, Start: at, End: at.Add(time.Hour)}, at)
		},
		func() error { return p.Attend(fixture.WorkshopID, who, at) },
		func() error { return p.Register(fixture.WorkshopID, fixture.Person(1), at) }, // created after who's record
		func() error {
			return p.Contribute(engagement.Submission{ID: fixture.ID(1000), Participant: who, Kind: engagement.ContributionKindComment, Text: "Benches", Activity: fixture.WorkshopID}, at)
		},
		func() error {
			return p.Respond(fixture.ID(1000), engagement.Response{Kind: engagement.ResponseKindAccepted, Responder: fixture.OfficerID}, at)
		},
		func() error { return p.Close(at) },
		func() error { return p.Decide(fixture.Decision(), at) },
		func() error { return p.AddCommitment(fixture.CommitmentSpec(fixture.CommitID), at) },
		func() error { return p.AddCommitment(fixture.CommitmentSpec(fixture.Commit2ID), at) },
		func() error { return p.StartImplementation(at) },
		func() error { return p.DropCommitment(fixture.CommitID, "merged into the other", at) },
		func() error { return p.CompleteMilestone(fixture.Commit2ID, "Design", at) },
		func() error { return p.CompleteMilestone(fixture.Commit2ID, "Build", at) },
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
	p := fixture.RichProcess(t)
	c, ok := p.Campaign(fixture.CampaignID)
	require.True(t, ok)
	aud := c.Audience()
	first := func(seq func(func() bool)) int {
		n := 0
		seq(func() bool { n++; return false })
		return n
	}
	seqs := map[string]func(func() bool){
		"History":        func(y func() bool) { p.History()(func(engagement.Transition) bool { return y() }) },
		"Participants":   func(y func() bool) { p.Participants()(func(engagement.Participant) bool { return y() }) },
		"Contributions":  func(y func() bool) { p.Contributions()(func(engagement.Contribution) bool { return y() }) },
		"DecisionInputs": func(y func() bool) { p.DecisionInputs()(func(engagement.Contribution) bool { return y() }) },
		"CommitmentInputs": func(y func() bool) {
			p.CommitmentInputs(fixture.CommitID)(func(engagement.Contribution) bool { return y() })
		},
		"Activities":   func(y func() bool) { p.Activities()(func(engagement.Activity) bool { return y() }) },
		"Attendance":   func(y func() bool) { p.Attendance(fixture.WorkshopID)(func(engagement.Attendance) bool { return y() }) },
		"Campaigns":    func(y func() bool) { p.Campaigns()(func(engagement.Campaign) bool { return y() }) },
		"Commitments":  func(y func() bool) { p.Commitments()(func(engagement.Commitment) bool { return y() }) },
		"Publications": func(y func() bool) { p.Publications()(func(time.Time, engagement.Publication) bool { return y() }) },
		"Mentions":     func(y func() bool) { c.Mentions()(func(time.Time, engagement.Clipping) bool { return y() }) },
		"ReachReports": func(y func() bool) { c.ReachReports()(func(time.Time, metrics.Audience) bool { return y() }) },
		"Stakeholders": func(y func() bool) { aud.Stakeholders()(func(uuid.UUID) bool { return y() }) },
	}
	for name, seq := range seqs {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, 1, first(seq))
		})
	}
}
