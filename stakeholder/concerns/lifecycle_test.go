package concerns_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/stakeholder/concerns"
)

// step records one event on case 1 at at, with valid arguments.
type step func(r *concerns.Register, at time.Time) error

var c1 = id(1)

var eventSteps = map[concerns.Event]step{
	concerns.EventAcknowledged: func(r *concerns.Register, at time.Time) error { return r.Acknowledge(c1, officer, at) },
	concerns.EventAssessed: func(r *concerns.Register, at time.Time) error {
		return r.Assess(c1, concerns.Assessment{Scope: concerns.ScopeIn}, officer, at)
	},
	concerns.EventInformationRequested: func(r *concerns.Register, at time.Time) error {
		return r.RequestInformation(c1, "Which nights?", officer, at)
	},
	concerns.EventInformationProvided: func(r *concerns.Register, at time.Time) error {
		return r.ProvideInformation(c1, "", officer, at)
	},
	concerns.EventExtended: func(r *concerns.Register, at time.Time) error {
		return r.Extend(c1, 5, "Noise survey needed", officer, at)
	},
	concerns.EventInvestigationStarted: func(r *concerns.Register, at time.Time) error { return r.Investigate(c1, officer, at) },
	concerns.EventResolutionProposed: func(r *concerns.Register, at time.Time) error {
		return r.ProposeResolution(c1, "No work after 19:00", officer, at)
	},
	concerns.EventAccepted: func(r *concerns.Register, at time.Time) error { return r.Accept(c1, officer, at) },
	concerns.EventEscalated: func(r *concerns.Register, at time.Time) error {
		return r.Escalate(c1, "The complainant wants a noise barrier", officer, at)
	},
	concerns.EventClosed:    func(r *concerns.Register, at time.Time) error { return r.Close(c1, "Done", officer, at) },
	concerns.EventWithdrawn: func(r *concerns.Register, at time.Time) error { return r.Withdraw(c1, "", officer, at) },
	concerns.EventReopened: func(r *concerns.Register, at time.Time) error {
		return r.Reopen(c1, "The noise is back", officer, at)
	},
	concerns.EventLinked: func(r *concerns.Register, at time.Time) error {
		return r.Link(c1, concerns.Link{Kind: concerns.LinkKindInteraction, ID: id(7777)}, officer, at)
	},
}

// paths drive case 1 from receipt to each state.
var paths = map[concerns.State][]concerns.Event{
	concerns.StateReceived:            nil,
	concerns.StateAcknowledged:        {concerns.EventAcknowledged},
	concerns.StateAssessed:            {concerns.EventAcknowledged, concerns.EventAssessed},
	concerns.StateAwaitingInformation: {concerns.EventAcknowledged, concerns.EventInformationRequested},
	concerns.StateInvestigating:       {concerns.EventAcknowledged, concerns.EventAssessed, concerns.EventInvestigationStarted},
	concerns.StateResolutionProposed: {concerns.EventAcknowledged, concerns.EventAssessed, concerns.EventInvestigationStarted,
		concerns.EventResolutionProposed},
	concerns.StateAccepted: {concerns.EventAcknowledged, concerns.EventAssessed, concerns.EventInvestigationStarted,
		concerns.EventResolutionProposed, concerns.EventAccepted},
	concerns.StateEscalated: {concerns.EventAcknowledged, concerns.EventAssessed, concerns.EventInvestigationStarted,
		concerns.EventResolutionProposed, concerns.EventEscalated},
	concerns.StateClosed: {concerns.EventAcknowledged, concerns.EventAssessed, concerns.EventInvestigationStarted,
		concerns.EventResolutionProposed, concerns.EventAccepted, concerns.EventClosed},
}

// caseIn returns a register whose case 1 is in state s, the time of its
// latest event being hours(len(path)).
func caseIn(t *testing.T, s concerns.State) *concerns.Register {
	t.Helper()
	r := newRegister(t)
	require.NoError(t, r.Receive(details(1, 100), officer, hours(0)))
	for i, e := range paths[s] {
		require.NoError(t, eventSteps[e](r, hours(i+1)), "path to %s: %s", s, e)
	}
	require.Equal(t, s, state(t, r, 1))
	return r
}

// TestEveryStateEventPair applies every event in every state: the allowed
// ones lead where the table on Case says, the others are refused with a
// TransitionError that names the state and event and change nothing.
func TestEveryStateEventPair(t *testing.T) {
	const (
		R  = concerns.StateReceived
		Ak = concerns.StateAcknowledged
		As = concerns.StateAssessed
		W  = concerns.StateAwaitingInformation
		I  = concerns.StateInvestigating
		P  = concerns.StateResolutionProposed
		Ac = concerns.StateAccepted
		E  = concerns.StateEscalated
		C  = concerns.StateClosed
		no = concerns.State(0)
	)
	// want[state][event] is the state the event leads to; no is refused.
	// The columns follow the table on Case:
	// Acknowledge, Assess, RequestInformation, ProvideInformation, Extend, Investigate,
	// ProposeResolution, Accept, Escalate, Close, Withdraw, Reopen, Link.
	events := []concerns.Event{concerns.EventAcknowledged, concerns.EventAssessed, concerns.EventInformationRequested,
		concerns.EventInformationProvided, concerns.EventExtended, concerns.EventInvestigationStarted,
		concerns.EventResolutionProposed, concerns.EventAccepted, concerns.EventEscalated, concerns.EventClosed,
		concerns.EventWithdrawn, concerns.EventReopened, concerns.EventLinked}
	want := map[concerns.State][]concerns.State{
		R:  {Ak, no, no, no, no, no, no, no, no, no, C, no, R},
		Ak: {no, As, W, no, Ak, no, no, no, no, no, C, no, Ak},
		As: {no, no, no, no, As, I, P, no, no, no, C, no, As},
		W:  {no, no, no, Ak, no, no, no, no, no, C, C, no, W},
		I:  {no, no, W, no, I, no, P, no, no, no, C, no, I},
		P:  {no, no, no, no, no, no, no, Ac, E, C, C, no, P},
		Ac: {no, no, no, no, no, no, no, no, no, C, no, no, Ac},
		E:  {no, no, no, no, no, no, P, no, no, C, C, no, E},
		C:  {no, no, no, no, no, no, no, no, no, no, no, Ak, C},
	}
	require.Len(t, want, len(concerns.States()), "one row per state")
	require.Len(t, eventSteps, len(events), "one column per event but receipt")
	for _, s := range concerns.States() {
		for j, e := range events {
			t.Run(s.String()+"/"+e.String(), func(t *testing.T) {
				r := caseIn(t, s)
				before := snapshot(t, r)
				err := eventSteps[e](r, hours(20))
				if to := want[s][j]; to != no {
					require.NoError(t, err)
					assert.Equal(t, to, state(t, r, 1))
					return
				}
				require.ErrorIs(t, err, concerns.ErrInvalidTransition)
				var te *concerns.TransitionError
				require.ErrorAs(t, err, &te)
				assert.Equal(t, s, te.State)
				assert.Equal(t, e, te.Event)
				assert.Equal(t, before, snapshot(t, r), "a refused event changed the register")
			})
		}
	}
}

// TestInformationResumesWhereAsked checks that provided information returns
// the case to the state the request was made in.
func TestInformationResumesWhereAsked(t *testing.T) {
	r := caseIn(t, concerns.StateInvestigating)
	require.NoError(t, r.RequestInformation(c1, "Photos?", officer, hours(10)))
	require.NoError(t, r.ProvideInformation(c1, "Three photos", officer, hours(11)))
	assert.Equal(t, concerns.StateInvestigating, state(t, r, 1))
}

// TestOutcomes checks the outcome each way of closing gives.
func TestOutcomes(t *testing.T) {
	tests := []struct {
		name string
		from concerns.State
		do   step
		want concerns.Outcome
	}{
		{"accepted then closed", concerns.StateAccepted, eventSteps[concerns.EventClosed], concerns.OutcomeResolved},
		{"rejected, not appealed", concerns.StateResolutionProposed, eventSteps[concerns.EventClosed], concerns.OutcomeUnresolved},
		{"last level upheld", concerns.StateEscalated, eventSteps[concerns.EventClosed], concerns.OutcomeUnresolved},
		{"no information", concerns.StateAwaitingInformation, eventSteps[concerns.EventClosed], concerns.OutcomeUnresolved},
		{"withdrawn", concerns.StateInvestigating, eventSteps[concerns.EventWithdrawn], concerns.OutcomeWithdrawn},
		{"out of scope", concerns.StateAcknowledged, func(r *concerns.Register, at time.Time) error {
			return r.Assess(c1, concerns.Assessment{Scope: concerns.ScopeOut, Reason: "Water supply", Referral: "Water utility"}, officer, at)
		}, concerns.OutcomeReferred},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := caseIn(t, tt.from)
			require.NoError(t, tt.do(r, hours(20)))
			c, err := r.Case(c1)
			require.NoError(t, err)
			assert.Equal(t, concerns.StateClosed, c.State())
			assert.Equal(t, tt.want, c.Outcome())
		})
	}
}

// TestPreconditions checks the refusals of allowed events whose details,
// timing or rules are wrong: each arrives in a TransitionError wrapping its
// reason, and changes nothing.
func TestPreconditions(t *testing.T) {
	tests := []struct {
		name string
		from concerns.State
		do   step
		want error
	}{
		{"out of scope without referral", concerns.StateAcknowledged, func(r *concerns.Register, at time.Time) error {
			return r.Assess(c1, concerns.Assessment{Scope: concerns.ScopeOut, Reason: "Not ours"}, officer, at)
		}, concerns.ErrReasonRequired},
		{"in scope with a referral", concerns.StateAcknowledged, func(r *concerns.Register, at time.Time) error {
			return r.Assess(c1, concerns.Assessment{Scope: concerns.ScopeIn, Referral: "Elsewhere"}, officer, at)
		}, concerns.ErrInvalid},
		{"no scope", concerns.StateAcknowledged, func(r *concerns.Register, at time.Time) error {
			return r.Assess(c1, concerns.Assessment{}, officer, at)
		}, concerns.ErrInvalid},
		{"no question", concerns.StateAcknowledged, func(r *concerns.Register, at time.Time) error {
			return r.RequestInformation(c1, "", officer, at)
		}, concerns.ErrInvalid},
		{"extension without reason", concerns.StateAssessed, func(r *concerns.Register, at time.Time) error {
			return r.Extend(c1, 3, "", officer, at)
		}, concerns.ErrReasonRequired},
		{"extension beyond the rules", concerns.StateAssessed, func(r *concerns.Register, at time.Time) error {
			return r.Extend(c1, 16, "Long", officer, at)
		}, concerns.ErrOutOfRange},
		{"extension of zero days", concerns.StateAssessed, func(r *concerns.Register, at time.Time) error {
			return r.Extend(c1, 0, "None", officer, at)
		}, concerns.ErrOutOfRange},
		{"extension after the deadline", concerns.StateAssessed, func(r *concerns.Register, _ time.Time) error {
			return r.Extend(c1, 3, "Late", officer, days(16))
		}, concerns.ErrDeadlinePassed},
		{"empty proposal", concerns.StateInvestigating, func(r *concerns.Register, at time.Time) error {
			return r.ProposeResolution(c1, "", officer, at)
		}, concerns.ErrInvalid},
		{"escalation without reason", concerns.StateResolutionProposed, func(r *concerns.Register, at time.Time) error {
			return r.Escalate(c1, "", officer, at)
		}, concerns.ErrReasonRequired},
		{"closing unresolved without reason", concerns.StateResolutionProposed, func(r *concerns.Register, at time.Time) error {
			return r.Close(c1, "", officer, at)
		}, concerns.ErrReasonRequired},
		{"reopening without reason", concerns.StateClosed, func(r *concerns.Register, at time.Time) error {
			return r.Reopen(c1, "", officer, at)
		}, concerns.ErrReasonRequired},
		{"before the latest event", concerns.StateReceived, func(r *concerns.Register, _ time.Time) error {
			return r.Acknowledge(c1, officer, t0.Add(-time.Minute))
		}, concerns.ErrTimeOrder},
		{"time not set", concerns.StateReceived, func(r *concerns.Register, _ time.Time) error {
			return r.Acknowledge(c1, officer, time.Time{})
		}, concerns.ErrInvalid},
		{"nobody recorded it", concerns.StateReceived, func(r *concerns.Register, at time.Time) error {
			return r.Acknowledge(c1, uuid.Nil, at)
		}, concerns.ErrInvalid},
		{"link twice", concerns.StateReceived, func(r *concerns.Register, at time.Time) error {
			l := concerns.Link{Kind: concerns.LinkKindProcess, ID: id(42)}
			if err := r.Link(c1, l, officer, at); err != nil {
				return err
			}
			return r.Link(c1, l, officer, at)
		}, concerns.ErrDuplicate},
		{"bad link", concerns.StateReceived, func(r *concerns.Register, at time.Time) error {
			return r.Link(c1, concerns.Link{Kind: concerns.LinkKindProcess}, officer, at)
		}, concerns.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := caseIn(t, tt.from)
			err := tt.do(r, hours(20))
			require.ErrorIs(t, err, tt.want)
			var te *concerns.TransitionError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, tt.from, state(t, r, 1))
		})
	}
}

// TestEscalationLevels checks that a case climbs one level per escalation
// and cannot pass the last level the rules provide.
func TestEscalationLevels(t *testing.T) {
	r := caseIn(t, concerns.StateResolutionProposed) // level 1 of 3
	at := 10
	for level := 2; level <= 3; level++ {
		require.NoError(t, r.Escalate(c1, "Appeal", officer, hours(at)))
		require.NoError(t, r.ProposeResolution(c1, "Another offer", officer, hours(at+1)))
		at += 2
		c, _ := r.Case(c1)
		assert.Equal(t, level, c.Level())
	}
	before := snapshot(t, r)
	err := r.Escalate(c1, "Appeal again", officer, hours(at))
	require.ErrorIs(t, err, concerns.ErrNoFurtherLevel)
	assert.Equal(t, before, snapshot(t, r))
}

// TestReopenRefusedWhileIssueClosed checks that a case of a closed issue
// is reopened only after its issue.
func TestReopenRefusedWhileIssueClosed(t *testing.T) {
	r := caseIn(t, concerns.StateClosed)
	issue := id(300)
	require.NoError(t, r.OpenIssue(concerns.IssueDetails{ID: issue, Title: "Night work", Topic: "night_work"}, officer, hours(10)))
	require.NoError(t, r.AddToIssue(issue, c1, officer, hours(10)))
	require.NoError(t, r.CloseIssue(issue, "Hours changed", officer, hours(11)))
	require.ErrorIs(t, r.Reopen(c1, "Back again", officer, hours(12)), concerns.ErrWrongState)
	require.NoError(t, r.ReopenIssue(issue, "Noise is back", officer, hours(12)))
	require.NoError(t, r.Reopen(c1, "Back again", officer, hours(12)))
	assert.Equal(t, concerns.StateAcknowledged, state(t, r, 1))
}

// TestUnknownCase checks that every event on an unknown case is
// ErrNotFound.
func TestUnknownCase(t *testing.T) {
	r := newRegister(t)
	for e, do := range eventSteps {
		require.ErrorIs(t, do(r, hours(1)), concerns.ErrNotFound, e.String())
	}
}
