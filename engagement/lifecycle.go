package engagement

import "time"

// State is where a process stands in its lifecycle (see [Process] for the
// transition table). The zero value is invalid. State's text form is its
// lowercase name.
type State int

// The states of a process, in lifecycle order.
const (
	// StateDraft: being prepared; the public knows nothing yet.
	StateDraft State = iota + 1
	// StateAnnounced: publicly announced; the notice period runs.
	StateAnnounced
	// StateOpen: open for contributions.
	StateOpen
	// StateClosed: closed for contributions; the body weighs the input.
	StateClosed
	// StateDecided: the decision is taken, with its rationale.
	StateDecided
	// StateImplementing: the body carries out its commitments.
	StateImplementing
	// StateCompleted: every commitment is done or dropped. Final.
	StateCompleted
	// StateCancelled: stopped before completion, with a reason. Final.
	StateCancelled
)

// Final reports whether s is completed or cancelled: a process in a final
// state accepts no change at all.
func (s State) Final() bool { return s == StateCompleted || s == StateCancelled }

// Event is a lifecycle event of a process; each has one method on [Process].
// The zero value is invalid. Event's text form is its lowercase name.
type Event int

// The lifecycle events, in lifecycle order.
const (
	// EventAnnounce: draft → announced ([Process.Announce]).
	EventAnnounce Event = iota + 1
	// EventOpen: announced → open ([Process.Open]).
	EventOpen
	// EventClose: open → closed ([Process.Close]).
	EventClose
	// EventDecide: closed → decided ([Process.Decide]).
	EventDecide
	// EventStartImplementation: decided → implementing
	// ([Process.StartImplementation]).
	EventStartImplementation
	// EventComplete: implementing → completed ([Process.Complete]).
	EventComplete
	// EventCancel: any state but completed and cancelled → cancelled
	// ([Process.Cancel]).
	EventCancel
)

// forward holds the source and target state of each event but EventCancel.
var forward = [...]struct{ from, to State }{
	EventAnnounce:            {StateDraft, StateAnnounced},
	EventOpen:                {StateAnnounced, StateOpen},
	EventClose:               {StateOpen, StateClosed},
	EventDecide:              {StateClosed, StateDecided},
	EventStartImplementation: {StateDecided, StateImplementing},
	EventComplete:            {StateImplementing, StateCompleted},
}

// Next returns the state that event e leads to from s, and false when the
// transition table does not allow e in s (or either is undeclared).
func (s State) Next(e Event) (State, bool) {
	switch {
	case !s.IsValid() || !e.IsValid():
		return 0, false
	case e == EventCancel:
		return StateCancelled, !s.Final()
	case forward[e].from == s:
		return forward[e].to, true
	}
	return 0, false
}

// Transition is one entry of a process's history: a lifecycle event, when it
// happened, and the states before and after. It is a record: the process
// builds it, and decoding checks that From and To follow the transition
// table.
type Transition struct {
	// At is when the event happened (UTC).
	At time.Time `json:"at"`
	// Event is the lifecycle event.
	Event Event `json:"event"`
	// From is the state before the event.
	From State `json:"from"`
	// To is the state after the event.
	To State `json:"to"`
	// Reason is the reason given for a cancellation, "" for other events.
	Reason string `json:"reason,omitempty"`
}
