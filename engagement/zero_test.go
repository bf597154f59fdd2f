package engagement_test

import (
	"testing"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/internal/zerocheck"
)

// TestZeroValues calls every method of the zero value of every exported
// type: each works or returns an error, none panics, and every error's
// Error works on a nil receiver.
func TestZeroValues(t *testing.T) {
	zerocheck.Methods(t,
		engagement.ActivitySpec{}, engagement.Attendance{}, engagement.Activity{}, engagement.Audience{},
		engagement.PromiseElement(0), engagement.PromiseStatus(0), engagement.Finding{}, engagement.Audit{},
		engagement.Authority{}, engagement.MilestoneSpec{}, engagement.CommitmentSpec{}, engagement.Milestone{},
		engagement.CommitmentStatus(0), engagement.Commitment{}, engagement.ContributionKind(0),
		engagement.Submission{}, engagement.Quality{}, engagement.Contribution{}, engagement.Decision{},
		engagement.Trace{}, engagement.FieldError{}, engagement.TimeOrderError{}, engagement.TransitionError{},
		engagement.OpError{}, engagement.TakenUp{}, engagement.Level(0), engagement.State(0), engagement.Event(0),
		engagement.Transition{}, engagement.Communication(0), engagement.Method(0), engagement.Medium(0),
		engagement.CampaignSpec{}, engagement.Clipping{}, engagement.Campaign{}, engagement.PhaseKind(0),
		engagement.Phase{}, engagement.Recommendation{}, engagement.Plan{}, engagement.Coverage{},
		engagement.ProcessSpec{}, engagement.Process{}, engagement.PublicationKind(0), engagement.Publication{},
		engagement.ResponseKind(0), engagement.Response{}, engagement.Participant{}, engagement.Eligibility{},
		engagement.Rules{}, engagement.Tallies{},
	)
	zerocheck.NilErrors(t, (*engagement.FieldError)(nil), (*engagement.TimeOrderError)(nil),
		(*engagement.TransitionError)(nil), (*engagement.OpError)(nil))
}
