package participation_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
)

// fixture builds an initiative in one state. With rules(4): "open, met" has
// 4 supports (threshold met), "open, short" has 2.
type fixture struct {
	name  string
	state participation.State
	build func(t testing.TB) *participation.Initiative
}

func fixtures() []fixture {
	open := func(t testing.TB, n int) *participation.Initiative {
		in := openInitiative(t, 4)
		signMany(t, in, 1, n, 5)
		return in
	}
	qualified := func(t testing.TB) *participation.Initiative {
		in := open(t, 4)
		require.NoError(t, in.Qualify(at(10)))
		return in
	}
	submitted := func(t testing.TB) *participation.Initiative {
		in := qualified(t)
		require.NoError(t, in.Submit(city, at(11)))
		return in
	}
	return []fixture{
		{"draft", participation.StateDraft, func(t testing.TB) *participation.Initiative { return newInitiative(t, 4) }},
		{"open, met", participation.StateOpen, func(t testing.TB) *participation.Initiative { return open(t, 4) }},
		{"open, short", participation.StateOpen, func(t testing.TB) *participation.Initiative { return open(t, 2) }},
		{"qualified", participation.StateQualified, qualified},
		{"submitted", participation.StateSubmitted, submitted},
		{"answered", participation.StateAnswered, func(t testing.TB) *participation.Initiative {
			in := submitted(t)
			require.NoError(t, in.Answer(participation.Response{Outcome: participation.AnswerOutcomeAdopted, Text: "The lane will be built in 2026.", At: at(12), Process: id(700)}))
			return in
		}},
		{"expired", participation.StateExpired, func(t testing.TB) *participation.Initiative {
			in := open(t, 2)
			require.NoError(t, in.Expire(at(100)))
			return in
		}},
		{"withdrawn", participation.StateWithdrawn, func(t testing.TB) *participation.Initiative {
			in := open(t, 2)
			require.NoError(t, in.Withdraw(initiator, "merged with another petition", at(6)))
			return in
		}},
	}
}

// events are every method that depends on the state, each called with
// arguments that succeed when the state allows it (times after every
// fixture's last event, supporter 1 signed at hour 5 in the open fixtures).
var events = []struct {
	name string
	call func(in *participation.Initiative) error
}{
	{"set rules", func(in *participation.Initiative) error { return in.SetRules(rules(3)) }},
	{"add promoter", func(in *participation.Initiative) error { _, err := in.AddPromoter(id(500)); return err }},
	{"open", func(in *participation.Initiative) error { return in.Open(at(1)) }},
	{"sign", func(in *participation.Initiative) error {
		return in.Sign(id(99), adult, participation.SigningMethodOnline, at(50))
	}},
	{"import", func(in *participation.Initiative) error {
		rep := in.Import([]participation.OfflineSignature{{Person: id(98), Profile: adult, At: at(50)}})
		if len(rep.Rejected) > 0 {
			return rep.Rejected[0]
		}
		return nil
	}},
	{"withdraw support", func(in *participation.Initiative) error { return in.WithdrawSupport(id(1), at(50)) }},
	{"qualify", func(in *participation.Initiative) error { return in.Qualify(at(150)) }},
	{"submit", func(in *participation.Initiative) error { return in.Submit(city, at(150)) }},
	{"answer", func(in *participation.Initiative) error {
		return in.Answer(participation.Response{Outcome: participation.AnswerOutcomeRejected, Text: "Not this year.", At: at(150)})
	}},
	{"expire", func(in *participation.Initiative) error { return in.Expire(at(150)) }},
	{"withdraw", func(in *participation.Initiative) error { return in.Withdraw(initiator, "", at(150)) }},
}

// transitionEvent is the history event recorded on entering each state.
var transitionEvent = map[participation.State]participation.Event{
	participation.StateOpen:      participation.EventOpened,
	participation.StateQualified: participation.EventQualified,
	participation.StateSubmitted: participation.EventSubmitted,
	participation.StateAnswered:  participation.EventAnswered,
	participation.StateExpired:   participation.EventExpired,
	participation.StateWithdrawn: participation.EventWithdrawn,
}

// lifecycleEvent is the Event of each operation that is a lifecycle event;
// the others (set rules, add promoter, sign, import, withdraw support) are
// refused in the wrong state with ErrWrongState instead.
var lifecycleEvent = map[string]participation.Event{
	"open": participation.EventOpened, "qualify": participation.EventQualified, "submit": participation.EventSubmitted,
	"answer": participation.EventAnswered, "expire": participation.EventExpired, "withdraw": participation.EventWithdrawn,
}

// TestLifecycleEveryStateAndEvent calls every event in every state. The
// expected outcome is the state reached, or the error; a refused event
// must leave the initiative byte-for-byte unchanged.
func TestLifecycleEveryStateAndEvent(t *testing.T) {
	const (
		draft     = participation.StateDraft
		open      = participation.StateOpen
		qualified = participation.StateQualified
		submitted = participation.StateSubmitted
		answered  = participation.StateAnswered
		expired   = participation.StateExpired
		withdrawn = participation.StateWithdrawn
	)
	wrong := participation.ErrInvalidTransition
	// want[fixture][event]: a State on success, an error otherwise.
	want := map[string]map[string]any{
		"draft": {
			"set rules": draft, "add promoter": draft, "open": open, "sign": wrong, "import": wrong,
			"withdraw support": wrong, "qualify": wrong, "submit": wrong, "answer": wrong, "expire": wrong, "withdraw": withdrawn,
		},
		"open, met": {
			"set rules": wrong, "add promoter": wrong, "open": wrong, "sign": open, "import": open,
			"withdraw support": open, "qualify": qualified, "submit": wrong, "answer": wrong,
			"expire": participation.ErrThresholdMet, "withdraw": withdrawn,
		},
		"open, short": {
			"set rules": wrong, "add promoter": wrong, "open": wrong, "sign": open, "import": open,
			"withdraw support": open, "qualify": participation.ErrThresholdNotMet, "submit": wrong, "answer": wrong,
			"expire": expired, "withdraw": withdrawn,
		},
		"qualified": {
			"set rules": wrong, "add promoter": wrong, "open": wrong, "sign": wrong, "import": wrong,
			"withdraw support": wrong, "qualify": wrong, "submit": submitted, "answer": wrong, "expire": wrong, "withdraw": withdrawn,
		},
		"submitted": {
			"set rules": wrong, "add promoter": wrong, "open": wrong, "sign": wrong, "import": wrong,
			"withdraw support": wrong, "qualify": wrong, "submit": wrong, "answer": answered, "expire": wrong, "withdraw": withdrawn,
		},
	}
	for _, terminal := range []string{"answered", "expired", "withdrawn"} {
		want[terminal] = map[string]any{}
		for _, e := range events {
			want[terminal][e.name] = wrong
		}
	}
	for _, f := range fixtures() {
		for _, e := range events {
			t.Run(f.name+"/"+e.name, func(t *testing.T) {
				in := f.build(t)
				require.Equal(t, f.state, in.State())
				before, err := json.Marshal(in)
				require.NoError(t, err)
				historyLen := len(in.History())

				err = e.call(in)

				switch w := want[f.name][e.name].(type) {
				case participation.State:
					require.NoError(t, err)
					assert.Equal(t, w, in.State())
					if w != f.state { // a transition adds exactly one event
						assert.Len(t, in.History(), historyLen+1)
						assert.Equal(t, transitionEvent[w], in.History()[historyLen].Kind)
					}
				case error:
					ev, lifecycle := lifecycleEvent[e.name]
					if !lifecycle && errors.Is(w, participation.ErrInvalidTransition) {
						// Not a lifecycle event: refused by the state,
						// without a TransitionError.
						require.ErrorIs(t, err, participation.ErrWrongState)
						assert.NotErrorIs(t, err, participation.ErrInvalidTransition)
					} else {
						require.ErrorIs(t, err, w)
					}
					var te *participation.TransitionError
					if lifecycle {
						require.ErrorAs(t, err, &te, "a refused lifecycle event, for its state or a precondition")
						assert.Equal(t, f.state, te.State)
						assert.Equal(t, ev, te.Event)
					}
					after, err := json.Marshal(in)
					require.NoError(t, err)
					assert.JSONEq(t, string(before), string(after), "a refused event changed the initiative")
				default:
					t.Fatalf("no expectation for %s/%s", f.name, e.name)
				}
			})
		}
	}
}

func TestStateIsTerminal(t *testing.T) {
	for _, s := range participation.States() {
		want := s == participation.StateAnswered || s == participation.StateExpired || s == participation.StateWithdrawn
		assert.Equal(t, want, s.IsTerminal(), s.String())
	}
}

// TestEventPreconditions covers the preconditions other than the state,
// one refusal each, and checks the initiative is unchanged.
func TestEventPreconditions(t *testing.T) {
	tests := []struct {
		name  string
		build func(t testing.TB) *participation.Initiative
		call  func(in *participation.Initiative) error
		want  error
	}{
		{"open before creation", func(t testing.TB) *participation.Initiative { return newInitiative(t, 4) },
			func(in *participation.Initiative) error { return in.Open(day0.Add(-time.Second)) }, participation.ErrTimeOrder},
		{"open with zero time", func(t testing.TB) *participation.Initiative { return newInitiative(t, 4) },
			func(in *participation.Initiative) error { return in.Open(time.Time{}) }, participation.ErrInvalid},
		{"open after the window", func(t testing.TB) *participation.Initiative { return newInitiative(t, 4) },
			func(in *participation.Initiative) error { return in.Open(at(100)) }, participation.ErrWindowClosed},
		{"open with a small committee", func(t testing.TB) *participation.Initiative {
			s := spec()
			s.Committee = participation.Committee{Promoters: []uuid.UUID{id(501)}, MinSize: 3}
			in, err := participation.NewInitiative(s)
			require.NoError(t, err)
			return in
		}, func(in *participation.Initiative) error { return in.Open(at(1)) }, participation.ErrCommitteeTooSmall},
		{"qualify without rules", func(t testing.TB) *participation.Initiative { return openInitiative(t, 0) },
			func(in *participation.Initiative) error { return in.Qualify(at(2)) }, participation.ErrNoThreshold},
		{"qualify before the latest signature", func(t testing.TB) *participation.Initiative {
			in := openInitiative(t, 1)
			signMany(t, in, 1, 1, 20)
			return in
		}, func(in *participation.Initiative) error { return in.Qualify(at(19)) }, participation.ErrTimeOrder},
		{"expire before the window closes", func(t testing.TB) *participation.Initiative { return openInitiative(t, 4) },
			func(in *participation.Initiative) error { return in.Expire(at(99)) }, participation.ErrWindowNotClosed},
		{"expire with no window", func(t testing.TB) *participation.Initiative { return openInitiative(t, 0) },
			func(in *participation.Initiative) error { return in.Expire(at(1000)) }, participation.ErrWindowNotClosed},
		{"expire before the latest signature", func(t testing.TB) *participation.Initiative {
			in := newInitiative(t, 0)
			r := rules(4)
			r.Window = metrics.Period{Start: at(1), End: at(2)}
			require.NoError(t, in.SetRules(r))
			require.NoError(t, in.Open(at(1)))
			require.NoError(t, in.Sign(id(1), adult, participation.SigningMethodOnline, at(1).Add(30*time.Minute)))
			return in
		}, func(in *participation.Initiative) error { return in.Expire(at(1)) }, participation.ErrTimeOrder},
		{"submit to a nameless body", fixtures()[3].build,
			func(in *participation.Initiative) error {
				return in.Submit(participation.PublicBody{ID: id(1)}, at(11))
			}, participation.ErrInvalid},
		{"submit before qualifying", fixtures()[3].build,
			func(in *participation.Initiative) error { return in.Submit(city, at(9)) }, participation.ErrTimeOrder},
		{"answer with an invalid outcome", fixtures()[4].build,
			func(in *participation.Initiative) error {
				return in.Answer(participation.Response{Text: "text", At: at(12)})
			}, participation.ErrInvalid},
		{"answer without text", fixtures()[4].build,
			func(in *participation.Initiative) error {
				return in.Answer(participation.Response{Outcome: participation.AnswerOutcomeAccepted, At: at(12)})
			}, participation.ErrInvalid},
		{"withdraw by a stranger", fixtures()[3].build,
			func(in *participation.Initiative) error { return in.Withdraw(id(77), "", at(12)) }, participation.ErrNotInitiator},
		{"withdraw with a padded reason", fixtures()[3].build,
			func(in *participation.Initiative) error { return in.Withdraw(initiator, " why", at(12)) }, participation.ErrInvalid},
		{"withdraw before the latest signature", fixtures()[2].build,
			func(in *participation.Initiative) error { return in.Withdraw(initiator, "", at(4)) }, participation.ErrTimeOrder},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.build(t)
			before, err := json.Marshal(in)
			require.NoError(t, err)
			require.ErrorIs(t, tt.call(in), tt.want)
			after, err := json.Marshal(in)
			require.NoError(t, err)
			assert.JSONEq(t, string(before), string(after))
		})
	}
}

// TestFullLifecycle walks the happy path and checks the history, the
// submission and the response.
func TestFullLifecycle(t *testing.T) {
	in := openInitiative(t, 4)
	signMany(t, in, 1, 4, 5)
	require.True(t, in.ThresholdMet())
	require.NoError(t, in.Qualify(at(10)))
	_, ok := in.Submission()
	require.False(t, ok)
	require.NoError(t, in.Submit(city, at(11)))
	_, ok = in.Response()
	require.False(t, ok)
	answer := participation.Response{Outcome: participation.AnswerOutcomeAccepted, Text: "Taken up in the mobility plan.", At: at(12), Process: id(700)}
	require.NoError(t, in.Answer(answer))

	sub, ok := in.Submission()
	require.True(t, ok)
	assert.Equal(t, participation.Submission{To: city, At: at(11)}, sub)
	resp, ok := in.Response()
	require.True(t, ok)
	assert.Equal(t, answer, resp)
	assert.Equal(t, id(700), in.History()[8].Process)

	var kinds []string
	var times []time.Time
	for e := range in.Events() {
		kinds = append(kinds, e.Kind.String())
		times = append(times, e.At)
	}
	// 4 supports of a threshold of 4: each signature is a quarter, so the
	// four milestones are reached one per signature, all at hour 5.
	assert.Equal(t, []string{"created", "opened", "milestone", "milestone", "milestone", "milestone", "qualified", "submitted", "answered"}, kinds)
	assert.Equal(t, []time.Time{day0, at(1), at(5), at(5), at(5), at(5), at(10), at(11), at(12)}, times)
	assert.Equal(t, 100, in.History()[5].Percent)
	assert.Equal(t, city, in.History()[7].To)
}

// TestEventValidate checks details that do not belong to an event's kind.
func TestEventValidate(t *testing.T) {
	ok := []participation.HistoryEntry{
		{Kind: participation.EventCreated, At: day0},
		{Kind: participation.EventMilestone, At: day0, Percent: 75},
		{Kind: participation.EventSubmitted, At: day0, To: city},
		{Kind: participation.EventAnswered, At: day0, Outcome: participation.AnswerOutcomeRejected, Text: "No."},
		{Kind: participation.EventWithdrawn, At: day0, By: initiator},
		{Kind: participation.EventWithdrawn, At: day0, By: initiator, Text: "done"},
	}
	for _, e := range ok {
		assert.NoError(t, e.Validate(), e.Kind.String())
	}
	bad := []struct {
		name string
		e    participation.HistoryEntry
		want error
	}{
		{"undeclared kind", participation.HistoryEntry{Kind: 42, At: day0}, participation.ErrInvalid},
		{"no time", participation.HistoryEntry{Kind: participation.EventOpened}, participation.ErrInvalid},
		{"milestone of 30 %", participation.HistoryEntry{Kind: participation.EventMilestone, At: day0, Percent: 30}, participation.ErrInvalid},
		{"percent on an opening", participation.HistoryEntry{Kind: participation.EventOpened, At: day0, Percent: 25}, participation.ErrInvalid},
		{"submitted nowhere", participation.HistoryEntry{Kind: participation.EventSubmitted, At: day0}, participation.ErrInvalid},
		{"body on an opening", participation.HistoryEntry{Kind: participation.EventOpened, At: day0, To: city}, participation.ErrInvalid},
		{"answer without outcome", participation.HistoryEntry{Kind: participation.EventAnswered, At: day0, Text: "x"}, participation.ErrInvalid},
		{"outcome on an opening", participation.HistoryEntry{Kind: participation.EventOpened, At: day0, Outcome: participation.AnswerOutcomeAdopted}, participation.ErrInvalid},
		{"answer without text", participation.HistoryEntry{Kind: participation.EventAnswered, At: day0, Outcome: participation.AnswerOutcomeAdopted}, participation.ErrInvalid},
		{"text on an opening", participation.HistoryEntry{Kind: participation.EventOpened, At: day0, Text: "x"}, participation.ErrInvalid},
		{"withdrawn by nobody", participation.HistoryEntry{Kind: participation.EventWithdrawn, At: day0}, participation.ErrInvalid},
		{"initiator on an opening", participation.HistoryEntry{Kind: participation.EventOpened, At: day0, By: initiator}, participation.ErrInvalid},
		{"process on a submission", participation.HistoryEntry{Kind: participation.EventSubmitted, At: day0, To: city, Process: id(700)}, participation.ErrInvalid},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			require.ErrorIs(t, tt.e.Validate(), tt.want)
		})
	}
}

// TestOpenBeforeWindow: an initiative may open before its window; signatures
// wait for the window.
func TestOpenBeforeWindow(t *testing.T) {
	in := newInitiative(t, 4)
	require.NoError(t, in.Open(day0))
	err := in.Sign(id(1), adult, participation.SigningMethodOnline, day0.Add(time.Minute))
	require.ErrorIs(t, err, participation.ErrOutsideWindow)
	require.NoError(t, in.Sign(id(1), adult, participation.SigningMethodOnline, at(1)))
	assert.Equal(t, 1, in.Count())
}
