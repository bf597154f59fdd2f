package participation

import (
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// HistoryEntry is one entry in an initiative's history: what happened and when,
// with the details its kind carries. Fields that do not belong to the kind
// are zero. The zero value is not a valid event.
type HistoryEntry struct {
	// Kind is what happened.
	Kind Event `json:"kind"`
	// At is when it happened, in UTC.
	At time.Time `json:"at"`
	// Percent is the milestone reached (25, 50, 75 or 100), for
	// EventMilestone.
	Percent int `json:"percent,omitempty"`
	// To is the public body, for EventSubmitted.
	To PublicBody `json:"to,omitzero"`
	// Outcome is the body's answer, for EventAnswered.
	Outcome AnswerOutcome `json:"outcome,omitempty"`
	// Text is the answer's text for EventAnswered, or the optional reason
	// for EventWithdrawn.
	Text string `json:"text,omitempty"`
	// Process is the optional engagement process that answered, for
	// EventAnswered.
	Process uuid.UUID `json:"process,omitzero"`
	// By is the initiator who withdrew the initiative, for EventWithdrawn.
	By uuid.UUID `json:"by,omitzero"`
}

// Validate reports every problem with the event on its own, joined: an
// undeclared kind, a time not set or out of range, and a detail that is
// missing or does not belong to the kind, each wrapping [ErrInvalid].
// Whether the event may follow the ones before it is checked when an
// initiative is decoded.
func (e HistoryEntry) Validate() error {
	if !e.Kind.IsValid() {
		return undeclared("kind", e.Kind)
	}
	var errs []error
	if err := checkTime(e.Kind.String()+" time", e.At); err != nil {
		errs = append(errs, err)
	}
	milestone, submitted, answered, withdrawn := e.Kind == EventMilestone, e.Kind == EventSubmitted, e.Kind == EventAnswered, e.Kind == EventWithdrawn
	switch {
	case milestone && (e.Percent < 25 || e.Percent > 100 || e.Percent%25 != 0):
		errs = append(errs, invalidf("milestone percent %d not 25, 50, 75 or 100", e.Percent))
	case !milestone && e.Percent != 0:
		errs = append(errs, invalidf("%s event with percent %d", e.Kind, e.Percent))
	}
	if submitted {
		if err := e.To.Validate(); err != nil {
			errs = append(errs, err)
		}
	} else if e.To != (PublicBody{}) {
		errs = append(errs, invalidf("%s event with a public body", e.Kind))
	}
	switch {
	case answered && !e.Outcome.IsValid():
		errs = append(errs, undeclared("outcome", e.Outcome))
	case !answered && e.Outcome != 0:
		errs = append(errs, invalidf("%s event with an answer outcome", e.Kind))
	}
	switch {
	case answered:
		if err := checkLabel("answer text", e.Text); err != nil {
			errs = append(errs, err)
		}
	case withdrawn:
		if err := checkTrimmed("withdrawal reason", e.Text); err != nil {
			errs = append(errs, err)
		}
	case e.Text != "":
		errs = append(errs, invalidf("%s event with text", e.Kind))
	}
	if !answered && e.Process != uuid.Nil {
		errs = append(errs, invalidf("%s event with a process", e.Kind))
	}
	switch {
	case withdrawn && e.By == uuid.Nil:
		errs = append(errs, invalidf("withdrawn event without an initiator"))
	case !withdrawn && e.By != uuid.Nil:
		errs = append(errs, invalidf("%s event with an initiator", e.Kind))
	}
	return errors.Join(errs...)
}

// transitions gives, for each event that changes the state, the states it
// may leave and the state it leads to: the table on [Initiative].
var transitions = [...]struct {
	from []State
	to   State
}{
	EventCreated:   {nil, StateDraft},
	EventOpened:    {[]State{StateDraft}, StateOpen},
	EventQualified: {[]State{StateOpen}, StateQualified},
	EventSubmitted: {[]State{StateQualified}, StateSubmitted},
	EventAnswered:  {[]State{StateSubmitted}, StateAnswered},
	EventExpired:   {[]State{StateOpen}, StateExpired},
	EventWithdrawn: {[]State{StateDraft, StateOpen, StateQualified, StateSubmitted}, StateWithdrawn},
}

// eventVerbs names each event for people as the verb of the method that
// records it, for TransitionError.
var eventVerbs = [...]string{
	EventCreated:   "create",
	EventOpened:    "open",
	EventMilestone: "milestone",
	EventQualified: "qualify",
	EventSubmitted: "submit",
	EventAnswered:  "answer",
	EventExpired:   "expire",
	EventWithdrawn: "withdraw",
}

// verb returns the event as the verb of the method that records it
// ("open", "qualify"), or String's fallback for an undeclared event.
func (k Event) verb() string {
	if !k.IsValid() {
		return k.String()
	}
	return eventVerbs[k]
}

// allowed reports whether an event of kind k may follow the current state;
// a milestone may only be reached while open.
func (in *Initiative) allowed(k Event) error {
	from := []State{StateOpen}
	if k != EventMilestone {
		from = transitions[k].from
	}
	for _, s := range from {
		if in.state == s {
			return nil
		}
	}
	return &TransitionError{State: in.state, Event: k, Err: ErrInvalidTransition}
}

// record appends e to the history and applies its effect; the caller has
// checked every precondition.
func (in *Initiative) record(e HistoryEntry) {
	in.history = append(in.history, e)
	switch e.Kind {
	case EventMilestone:
		in.quarters = e.Percent / 25
		in.latest = latestOf(in.latest, e.At)
		return
	case EventOpened:
		in.opened = e.At
	case EventSubmitted:
		in.sub = Submission{To: e.To, At: e.At}
	case EventAnswered:
		in.resp = Response{Outcome: e.Outcome, Text: e.Text, At: e.At, Process: e.Process}
	}
	in.state = transitions[e.Kind].to
	in.lastAt = e.At
}

// begin checks what every state-changing event needs: the state allows it,
// at is set, in range and not before the last event, and, for an event
// that ends support gathering (every event allowed while open), not before
// the latest signature it counts.
func (in *Initiative) begin(k Event, at time.Time) error {
	if err := in.allowed(k); err != nil {
		return err
	}
	if err := checkTime(k.String()+" time", at); err != nil {
		return err
	}
	if at.Before(in.lastAt) {
		return &TimeOrderError{Field: "at", At: at, Blocker: "the last event (" + events.Text(in.lastKind()) + ")", BlockerAt: in.lastAt, Err: ErrTimeOrder}
	}
	if in.state == StateOpen && at.Before(in.latest) {
		return &TimeOrderError{Field: "at", At: at, Blocker: "the latest signature", BlockerAt: in.latest, Err: ErrTimeOrder}
	}
	return nil
}

// commit records e after checking every precondition: those of
// [Initiative.begin], the event's own fields ([HistoryEntry.Validate]), those
// that depend on the rules and committee ([Initiative.precondition]) and
// those that depend on the supports ([Initiative.supported]). Decoding
// checks the first three the same way as the history is replayed.
func (in *Initiative) commit(e HistoryEntry) error {
	if err := in.begin(e.Kind, e.At); err != nil {
		return err
	}
	e.At = e.At.UTC()
	if err := e.Validate(); err != nil {
		return err
	}
	if err := errors.Join(in.precondition(e), in.supported(e)); err != nil {
		return &TransitionError{State: in.state, Event: e.Kind, Err: err}
	}
	in.record(e)
	return nil
}

// precondition checks what e needs of the initiative's description and
// rules: a full committee and an unclosed window to open, rules to
// qualify, a closed window to expire, an initiator to withdraw. It returns
// every failed precondition, joined.
func (in *Initiative) precondition(e HistoryEntry) error {
	switch e.Kind {
	case EventOpened:
		var errs []error
		if n := in.committeeSize(); n < in.committee.MinSize {
			errs = append(errs, fmt.Errorf("%w: %d members, %d needed", ErrCommitteeTooSmall, n, in.committee.MinSize))
		}
		if in.gate.closedBy(e.At) {
			errs = append(errs, fmt.Errorf("%w: window ended %s", ErrWindowClosed, in.rules.Window.End.Format(time.RFC3339Nano)))
		}
		return errors.Join(errs...)
	case EventQualified:
		if in.rules == nil {
			return ErrNoThreshold
		}
	case EventExpired:
		if !in.gate.closedBy(e.At) {
			return ErrWindowNotClosed
		}
	case EventWithdrawn:
		if !in.isInitiator(e.By) {
			return fmt.Errorf("%w: %s", ErrNotInitiator, e.By)
		}
	}
	return nil
}

// supported checks what e needs of the supports: every threshold met to
// qualify, one unmet to expire.
func (in *Initiative) supported(e HistoryEntry) error {
	if in.rules == nil {
		return nil // no threshold: precondition reports it
	}
	switch {
	case e.Kind == EventQualified && !in.meets(4):
		return fmt.Errorf("%w: %d of %d supports, per-area thresholds %v", ErrThresholdNotMet, in.supports.len(), in.rules.Threshold, in.requirements()[1:])
	case e.Kind == EventExpired && in.meets(4):
		return ErrThresholdMet
	}
	return nil
}

// Open starts gathering support at time at: draft → open. It returns
// [ErrInvalidTransition] (in a [*TransitionError]) unless the initiative is a
// draft; [ErrInvalid] for a zero or out-of-range time; [ErrTimeOrder]
// before creation; [ErrCommitteeTooSmall] when the promoter committee is
// smaller than its minimum; and [ErrWindowClosed] at or after the end of
// the signature window. An initiative may open before its window does:
// signatures are refused until the window opens.
func (in *Initiative) Open(at time.Time) error {
	in.use.BeginWrite(misuse)
	defer in.use.EndWrite()
	return in.commit(HistoryEntry{Kind: EventOpened, At: at})
}

// Qualify records that the initiative met its thresholds: open → qualified.
// Support gathering ends; the count is what will be submitted. Since only
// signatures inside the window are accepted, a count that meets every
// threshold met it inside the window, so Qualify may be called after the
// window closed. It returns [ErrInvalidTransition] (in a [*TransitionError])
// unless the initiative is open; [ErrInvalid] for a zero or out-of-range
// time; [ErrTimeOrder] before the last event or the latest signature;
// [ErrNoThreshold] without rules; and [ErrThresholdNotMet] when a threshold
// (overall or per area) is not met.
func (in *Initiative) Qualify(at time.Time) error {
	in.use.BeginWrite(misuse)
	defer in.use.EndWrite()
	return in.commit(HistoryEntry{Kind: EventQualified, At: at})
}

// Submit hands the qualified initiative to a named public body: qualified
// → submitted. The body's engagement side may then take it up in a formal
// process and answer it with [Initiative.Answer]. It returns
// [ErrInvalidTransition] (in a [*TransitionError]) unless the initiative is
// qualified; [ErrInvalid] for an invalid body or a zero or out-of-range
// time; and [ErrTimeOrder] before the last event.
func (in *Initiative) Submit(to PublicBody, at time.Time) error {
	in.use.BeginWrite(misuse)
	defer in.use.EndWrite()
	return in.commit(HistoryEntry{Kind: EventSubmitted, At: at, To: to})
}

// Answer records the public body's answer r, dated r.At: submitted →
// answered. The engagement process that took the initiative up calls it
// when it decides, with its own ID in r.Process. It returns
// [ErrInvalidTransition] (in a [*TransitionError]) unless the initiative is
// submitted; [ErrInvalid] for an undeclared outcome, an empty or padded text or a zero or out-of-range time; and
// [ErrTimeOrder] before the submission.
func (in *Initiative) Answer(r Response) error {
	in.use.BeginWrite(misuse)
	defer in.use.EndWrite()
	return in.commit(HistoryEntry{Kind: EventAnswered, At: r.At, Outcome: r.Outcome, Text: r.Text, Process: r.Process})
}

// Expire records that the signature window closed short of a threshold:
// open → expired. It returns [ErrInvalidTransition] (in a [*TransitionError])
// unless the initiative is open; [ErrInvalid] for a zero or out-of-range
// time; [ErrTimeOrder] before the last event or the latest signature;
// [ErrWindowNotClosed] before the window's end or when there is no window;
// and [ErrThresholdMet] when every threshold is met (it qualifies instead).
func (in *Initiative) Expire(at time.Time) error {
	in.use.BeginWrite(misuse)
	defer in.use.EndWrite()
	return in.commit(HistoryEntry{Kind: EventExpired, At: at})
}

// Withdraw records that initiator by withdrew the initiative, with an
// optional reason: draft, open, qualified or submitted → withdrawn. It
// returns [ErrInvalidTransition] (in a [*TransitionError]) from any other state;
// [ErrInvalid] for a zero or out-of-range time, a nil by or a padded
// reason; [ErrTimeOrder] before the last event or, while open, the latest
// signature; and [ErrNotInitiator] when by is not an initiator.
func (in *Initiative) Withdraw(by uuid.UUID, reason string, at time.Time) error {
	in.use.BeginWrite(misuse)
	defer in.use.EndWrite()
	return in.commit(HistoryEntry{Kind: EventWithdrawn, At: at, Text: reason, By: by})
}

// lastKind returns the kind of the last event that changed the state, 0
// for none.
func (in *initiative) lastKind() Event {
	for i := len(in.history) - 1; i >= 0; i-- {
		if k := in.history[i].Kind; k != EventMilestone {
			return k
		}
	}
	return 0
}
