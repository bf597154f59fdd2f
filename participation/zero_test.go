package participation_test

import (
	"testing"

	"github.com/civitas-go/civitas/internal/zerocheck"
	"github.com/civitas-go/civitas/participation"
)

// TestZeroValues calls every method of the zero value of every exported
// type: each works or returns an error, none panics, and every error's
// Error works on a nil receiver.
func TestZeroValues(t *testing.T) {
	zerocheck.Methods(t,
		participation.FieldError{}, participation.TimeOrderError{}, participation.TransitionError{},
		participation.SupportError{}, participation.RowError{}, participation.DayCount{},
		participation.ChannelShares{}, participation.Gathering{}, participation.GroupKind(0),
		participation.MemberRole(0), participation.Member{}, participation.Group{},
		participation.OfflineSignature{}, participation.ImportReport{}, participation.InitiativeSpec{},
		participation.Committee{}, participation.PublicBody{}, participation.Submission{},
		participation.Response{}, participation.Initiative{}, participation.Kind(0), participation.State(0),
		participation.SigningMethod(0), participation.AnswerOutcome(0), participation.Event(0),
		participation.Rung(0), participation.RungGroup(0), participation.Outcome(0),
		participation.HistoryEntry{}, participation.SupportRules{}, participation.AreaThreshold{},
		participation.Support{}, participation.Requirement{}, participation.VolunteerActivity{},
		participation.Shift{}, participation.VolunteerFigures{},
	)
	zerocheck.NilErrors(t, (*participation.FieldError)(nil), (*participation.TimeOrderError)(nil),
		(*participation.TransitionError)(nil), (*participation.SupportError)(nil), (*participation.RowError)(nil))
}
