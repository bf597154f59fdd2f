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

var stateNames = [...]string{"", "draft", "announced", "open", "closed", "decided", "implementing", "completed", "cancelled"}

// States returns every state in lifecycle order.
func States() []State {
	return []State{StateDraft, StateAnnounced, StateOpen, StateClosed, StateDecided, StateImplementing, StateCompleted, StateCancelled}
}

// IsValid reports whether s is a declared state.
func (s State) IsValid() bool { return enumValid(s, stateNames[:]) }

// Final reports whether s is completed or cancelled: a process in a final
// state accepts no change at all.
func (s State) Final() bool { return s == StateCompleted || s == StateCancelled }

// String returns the state's lowercase name, such as "open", or "State(9)"
// for an undeclared value.
func (s State) String() string { return enumString(s, stateNames[:], "State") }

// MarshalText returns the state's name; an undeclared state is an error
// wrapping [ErrInvalid].
func (s State) MarshalText() ([]byte, error) { return enumMarshal(s, stateNames[:], "State") }

// UnmarshalText parses a state's name with [ParseState], leaving s unchanged
// on error.
func (s *State) UnmarshalText(text []byte) error {
	return enumUnmarshal(s, text, stateNames[:], "State")
}

// ParseState returns the state named s. Any other text is an error wrapping
// [ErrInvalid] that quotes s.
func ParseState(s string) (State, error) { return enumParse[State](s, stateNames[:], "State") }

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

var eventNames = [...]string{"", "announce", "open", "close", "decide", "start_implementation", "complete", "cancel"}

// Events returns every event in lifecycle order.
func Events() []Event {
	return []Event{EventAnnounce, EventOpen, EventClose, EventDecide, EventStartImplementation, EventComplete, EventCancel}
}

// IsValid reports whether e is a declared event.
func (e Event) IsValid() bool { return enumValid(e, eventNames[:]) }

// String returns the event's lowercase name, such as "start_implementation",
// or "Event(9)" for an undeclared value.
func (e Event) String() string { return enumString(e, eventNames[:], "Event") }

// MarshalText returns the event's name; an undeclared event is an error
// wrapping [ErrInvalid].
func (e Event) MarshalText() ([]byte, error) { return enumMarshal(e, eventNames[:], "Event") }

// UnmarshalText parses an event's name with [ParseEvent], leaving e
// unchanged on error.
func (e *Event) UnmarshalText(text []byte) error {
	return enumUnmarshal(e, text, eventNames[:], "Event")
}

// ParseEvent returns the event named s. Any other text is an error wrapping
// [ErrInvalid] that quotes s.
func ParseEvent(s string) (Event, error) { return enumParse[Event](s, eventNames[:], "Event") }

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
