package engagement_test

import (
	"errors"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fire sends event e to p with valid arguments and the fixture's time for
// the event.
func fire(p *engagement.Process, e engagement.Event) (time.Time, error) {
	switch e {
	case engagement.EventAnnounce:
		return fixture.Announced, p.Announce(fixture.Announced)
	case engagement.EventOpen:
		return fixture.Opened, p.Open(fixture.Opened)
	case engagement.EventClose:
		return fixture.Closed, p.Close(fixture.Closed)
	case engagement.EventDecide:
		return fixture.Decided, p.Decide(fixture.Decision(), fixture.Decided)
	case engagement.EventStartImplementation:
		return fixture.Started, p.StartImplementation(fixture.Started)
	case engagement.EventComplete:
		return fixture.Completed, p.Complete(fixture.Completed)
	case engagement.EventCancel:
		at := p.LastChange().Add(time.Hour)
		return at, p.Cancel("budget withdrawn", at)
	}
	panic("undeclared event")
}

// TestEveryStateEveryEvent sends every event to a process in every state.
// The expected outcomes are the transition table of Process: each forward
// event leaves exactly one state, cancel leaves every state but the two
// final ones, and everything else is refused with ErrInvalidTransition and
// leaves the process byte-identical.
func TestEveryStateEveryEvent(t *testing.T) {
	const refused = engagement.State(0)
	allowed := map[engagement.State]map[engagement.Event]engagement.State{
		engagement.StateDraft:        {engagement.EventAnnounce: engagement.StateAnnounced},
		engagement.StateAnnounced:    {engagement.EventOpen: engagement.StateOpen},
		engagement.StateOpen:         {engagement.EventClose: engagement.StateClosed},
		engagement.StateClosed:       {engagement.EventDecide: engagement.StateDecided},
		engagement.StateDecided:      {engagement.EventStartImplementation: engagement.StateImplementing},
		engagement.StateImplementing: {engagement.EventComplete: engagement.StateCompleted},
	}
	for _, s := range engagement.States() {
		for _, e := range engagement.Events() {
			want, ok := allowed[s][e]
			if !ok && e == engagement.EventCancel && !s.Final() {
				want = engagement.StateCancelled
			}
			t.Run(s.String()+"/"+e.String(), func(t *testing.T) {
				p := fixture.InState(t, s)
				before := marshal(t, p)
				historyLen := len(collect(p.History()))
				at, err := fire(p, e)

				next, tableOK := s.Next(e)
				if want == refused {
					require.Error(t, err)
					assert.ErrorIs(t, err, engagement.ErrInvalidTransition)
					var te *engagement.TransitionError
					require.ErrorAs(t, err, &te)
					assert.Equal(t, s, te.State)
					assert.Equal(t, e, te.Event)
					assert.False(t, tableOK)
					assert.Equal(t, string(before), string(marshal(t, p)), "a refused event changes nothing")
					return
				}
				require.NoError(t, err)
				assert.True(t, tableOK)
				assert.Equal(t, want, next)
				assert.Equal(t, want, p.State())
				h := collect(p.History())
				require.Len(t, h, historyLen+1)
				wantReason := ""
				if e == engagement.EventCancel {
					wantReason = "budget withdrawn"
				}
				assert.Equal(t, engagement.Transition{At: at, Event: e, From: s, To: want, Reason: wantReason}, h[len(h)-1])
				entered, ok := p.EnteredAt(want)
				require.True(t, ok)
				assert.Equal(t, at, entered)
				assert.Equal(t, at, p.LastChange())
			})
		}
	}
}

func collect[T any](seq func(func(T) bool)) []T {
	var out []T
	for v := range seq {
		out = append(out, v)
	}
	return out
}

// openWith returns an open fixture process with n contributions from n
// people, the first answered of them answered.
func openWith(t *testing.T, n, answered int) *engagement.Process {
	t.Helper()
	p := fixture.NewProcess(t)
	require.NoError(t, p.Announce(fixture.Announced))
	require.NoError(t, p.Open(fixture.Opened))
	for k := range n {
		sub := engagement.Submission{ID: fixture.ID(1000 + k), Participant: fixture.Person(k), Kind: engagement.ContributionKindComment, Text: "More trees"}
		require.NoError(t, p.Contribute(sub, fixture.Opened.Add(time.Duration(k+1)*time.Hour)))
	}
	for k := range answered {
		require.NoError(t, p.Respond(fixture.ID(1000+k), engagement.Response{Kind: engagement.ResponseKindNoted, Responder: fixture.OfficerID}, fixture.Opened.Add(fixture.Week)))
	}
	return p
}

// TestPreconditions checks each precondition of the lifecycle: the event is
// refused with its sentinel, wrapped in a TransitionError, and the process
// stays byte-identical.
func TestPreconditions(t *testing.T) {
	closedWith := func(n, answered int) func(t *testing.T) *engagement.Process {
		return func(t *testing.T) *engagement.Process {
			p := openWith(t, n, answered)
			require.NoError(t, p.Close(fixture.Closed))
			return p
		}
	}
	tests := []struct {
		name  string
		setup func(t *testing.T) *engagement.Process
		event func(p *engagement.Process) error
		want  []error
	}{
		{"open one day before the 14 days' notice has run", func(t *testing.T) *engagement.Process { return fixture.InState(t, engagement.StateAnnounced) },
			func(p *engagement.Process) error { return p.Open(fixture.Opened.Add(-engagement.Day)) },
			[]error{engagement.ErrNoticeNotElapsed}},
		{"decide with 1 of 2 contributions unanswered", closedWith(2, 1),
			func(p *engagement.Process) error { return p.Decide(fixture.Decision(), fixture.Decided) },
			[]error{engagement.ErrUnanswered}},
		{"decide with 1 contributor of the 2 required", closedWith(1, 1),
			func(p *engagement.Process) error { return p.Decide(fixture.Decision(), fixture.Decided) },
			[]error{engagement.ErrTooFewParticipants}},
		{"decide with nothing: too few and unanswered at once", closedWith(1, 0),
			func(p *engagement.Process) error { return p.Decide(fixture.Decision(), fixture.Decided) },
			[]error{engagement.ErrTooFewParticipants, engagement.ErrUnanswered}},
		{"decide with a blank rationale", closedWith(2, 2),
			func(p *engagement.Process) error {
				d := fixture.Decision()
				d.Rationale = " "
				return p.Decide(d, fixture.Decided)
			},
			[]error{engagement.ErrInvalid}},
		{"decide citing an unknown and a repeated contribution", closedWith(2, 2),
			func(p *engagement.Process) error {
				d := fixture.Decision()
				d.ShapedBy = []uuid.UUID{fixture.ID(1000), fixture.ID(999), fixture.ID(1000)}
				return p.Decide(d, fixture.Decided)
			},
			[]error{engagement.ErrNotFound, engagement.ErrDuplicate}},
		{"start implementing with no commitment", func(t *testing.T) *engagement.Process {
			p := closedWith(2, 2)(t)
			require.NoError(t, p.Decide(fixture.Decision(), fixture.Decided))
			return p
		}, func(p *engagement.Process) error { return p.StartImplementation(fixture.Started) },
			[]error{engagement.ErrNoCommitments}},
		{"start implementing with only a dropped commitment", func(t *testing.T) *engagement.Process {
			p := fixture.InState(t, engagement.StateDecided)
			require.NoError(t, p.DropCommitment(fixture.CommitID, "no budget", fixture.Decided.Add(2*time.Hour)))
			return p
		}, func(p *engagement.Process) error { return p.StartImplementation(fixture.Started) },
			[]error{engagement.ErrNoCommitments}},
		{"complete with a milestone outstanding", func(t *testing.T) *engagement.Process {
			p := fixture.InState(t, engagement.StateDecided)
			require.NoError(t, p.StartImplementation(fixture.Started))
			require.NoError(t, p.CompleteMilestone(fixture.CommitID, "Design", fixture.Started.Add(fixture.Week)))
			return p
		}, func(p *engagement.Process) error { return p.Complete(fixture.Completed) },
			[]error{engagement.ErrCommitmentsOutstanding}},
		{"cancel without a reason", func(t *testing.T) *engagement.Process { return fixture.InState(t, engagement.StateOpen) },
			func(p *engagement.Process) error { return p.Cancel("  ", fixture.Closed) },
			[]error{engagement.ErrReasonRequired}},
		{"cancel with a reason that is not UTF-8", func(t *testing.T) *engagement.Process { return fixture.InState(t, engagement.StateOpen) },
			func(p *engagement.Process) error { return p.Cancel("\xff", fixture.Closed) },
			[]error{engagement.ErrInvalid}},
		{"close before the latest change", func(t *testing.T) *engagement.Process { return fixture.InState(t, engagement.StateOpen) },
			func(p *engagement.Process) error { return p.Close(fixture.Opened) },
			[]error{engagement.ErrTimeOrder}},
		{"announce at the zero time", func(t *testing.T) *engagement.Process { return fixture.InState(t, engagement.StateDraft) },
			func(p *engagement.Process) error { return p.Announce(time.Time{}) },
			[]error{engagement.ErrInvalid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.setup(t)
			state := p.State()
			before := marshal(t, p)
			err := tt.event(p)
			require.Error(t, err)
			for _, want := range tt.want {
				assert.ErrorIs(t, err, want)
			}
			var te *engagement.TransitionError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, state, te.State)
			assert.NotErrorIs(t, err, engagement.ErrInvalidTransition)
			assert.Contains(t, err.Error(), "in state "+state.String())
			assert.Equal(t, string(before), string(marshal(t, p)), "a refused event changes nothing")
		})
	}
}

// TestOpenAtNotice: the notice runs 14 days from 2 March 09:00, so opening
// at 16 March 09:00 exactly is allowed.
func TestOpenAtNotice(t *testing.T) {
	p := fixture.InState(t, engagement.StateAnnounced)
	require.NoError(t, p.Open(fixture.Announced.Add(14*engagement.Day)))
	assert.Equal(t, engagement.StateOpen, p.State())
}

// TestDecideWithoutAnswerRule: with AnswerBeforeDeciding off, unanswered
// contributions do not block the decision.
func TestDecideWithoutAnswerRule(t *testing.T) {
	s := fixture.Spec(t)
	s.Rules.AnswerBeforeDeciding = false
	p, err := engagement.NewProcess(s, fixture.Created)
	require.NoError(t, err)
	require.NoError(t, p.Announce(fixture.Announced))
	require.NoError(t, p.Open(fixture.Opened))
	for k := range 2 {
		require.NoError(t, p.Contribute(engagement.Submission{ID: fixture.ID(1000 + k), Participant: fixture.Person(k), Kind: engagement.ContributionKindVote, Text: "option A"}, fixture.Opened))
	}
	require.NoError(t, p.Close(fixture.Closed))
	require.NoError(t, p.Decide(fixture.Decision(), fixture.Decided))
	assert.Equal(t, 0, p.AnsweredCount())
}

func TestCancelReason(t *testing.T) {
	p := fixture.InState(t, engagement.StateOpen)
	assert.Empty(t, p.CancelReason())
	require.NoError(t, p.Cancel("flood damage", fixture.Closed))
	assert.Equal(t, "flood damage", p.CancelReason())
	_, ok := p.EnteredAt(engagement.StateClosed)
	assert.False(t, ok)
	_, ok = p.EnteredAt(engagement.State(0))
	assert.False(t, ok)
}

func TestStateNext(t *testing.T) {
	_, ok := engagement.State(0).Next(engagement.EventCancel)
	assert.False(t, ok)
	_, ok = engagement.StateDraft.Next(engagement.Event(99))
	assert.False(t, ok)
}

func TestErrorMessages(t *testing.T) {
	err := fixture.InState(t, engagement.StateDraft).Close(fixture.Closed)
	assert.Equal(t, "engagement: cannot close in state draft: engagement: event not allowed in this state", err.Error())
	err = fixture.InState(t, engagement.StateClosed).StartImplementation(fixture.Decided)
	assert.Equal(t, "engagement: cannot start implementation in state closed: engagement: event not allowed in this state", err.Error(),
		"words for people, not wire names")
	err = fixture.InState(t, engagement.StateDraft).Publish(engagement.Publication{Kind: engagement.PublicationKindBackgroundInfo}, fixture.Created)
	var oe *engagement.OpError
	require.ErrorAs(t, err, &oe)
	assert.Equal(t, "publish", oe.Op)
	assert.Equal(t, `engagement: publish refused in state draft: engagement: invalid value: publication.title = ""`, err.Error())
	assert.True(t, errors.Is(err, engagement.ErrInvalid))

	// Error works on nil and zero receivers.
	var fe *engagement.FieldError
	var te *engagement.TransitionError
	var nilOp *engagement.OpError
	for _, e := range []error{fe, te, nilOp, &engagement.FieldError{}, &engagement.TransitionError{}, &engagement.OpError{}} {
		assert.NotPanics(t, func() { assert.NotEmpty(t, e.Error()) })
	}
	assert.Equal(t, "engagement: operation refused in state State(0): engagement: operation not allowed in this state", (&engagement.OpError{}).Error())
}
