package concerns

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
)

// move is one allowed transition: from a state to the state it leads to.
// A zero to is decided when the event is recorded: an out-of-scope
// assessment closes the case, provided information resumes where the
// request was made, a link keeps the state.
type move struct{ from, to State }

// transitions is the table on [Case], one list of moves per event.
var transitions = [...][]move{
	EventAcknowledged:         {{StateReceived, StateAcknowledged}},
	EventAssessed:             {{StateAcknowledged, 0}},
	EventInformationRequested: {{StateAcknowledged, StateAwaitingInformation}, {StateInvestigating, StateAwaitingInformation}},
	EventInformationProvided:  {{StateAwaitingInformation, 0}},
	EventExtended:             {{StateAcknowledged, StateAcknowledged}, {StateAssessed, StateAssessed}, {StateInvestigating, StateInvestigating}},
	EventInvestigationStarted: {{StateAssessed, StateInvestigating}},
	EventResolutionProposed:   {{StateAssessed, StateResolutionProposed}, {StateInvestigating, StateResolutionProposed}, {StateEscalated, StateResolutionProposed}},
	EventAccepted:             {{StateResolutionProposed, StateAccepted}},
	EventEscalated:            {{StateResolutionProposed, StateEscalated}},
	EventClosed:               {{StateAwaitingInformation, StateClosed}, {StateResolutionProposed, StateClosed}, {StateAccepted, StateClosed}, {StateEscalated, StateClosed}},
	EventWithdrawn: {{StateReceived, StateClosed}, {StateAcknowledged, StateClosed}, {StateAssessed, StateClosed},
		{StateAwaitingInformation, StateClosed}, {StateInvestigating, StateClosed}, {StateResolutionProposed, StateClosed}, {StateEscalated, StateClosed}},
	EventReopened: {{StateClosed, StateAcknowledged}},
	EventLinked:   nil, // every state; see allows
}

// allows reports whether state s allows event e.
func allows(s State, e Event) bool {
	if e == EventLinked {
		return s.IsValid()
	}
	if !e.IsValid() || int(e) >= len(transitions) {
		return false
	}
	return slices.ContainsFunc(transitions[e], func(m move) bool { return m.from == s })
}

// Receive records a new case, received at at and recorded by by, in state
// received. It returns the problems of [CaseDetails.Validate], a
// [*FieldError] wrapping [ErrInvalid] for a Nil by or a time not set, and
// [ErrDuplicate] for an ID already in the register.
func (r *Register) Receive(d CaseDetails, by uuid.UUID, at time.Time) error {
	d = d.clone()
	return r.commitCase(HistoryEntry{Case: d.ID, Event: EventReceived, At: at, By: by, Details: &d})
}

// Acknowledge records that the complainant was told the case was received:
// received → acknowledged. Refusals arrive in a [*TransitionError]:
// [ErrInvalidTransition] from any other state, [ErrInvalid] for a Nil by or
// a time not set, [ErrTimeOrder] before the case's latest event. An
// unknown id is [ErrNotFound]. The other event methods return the same
// errors, and those they list.
func (r *Register) Acknowledge(id, by uuid.UUID, at time.Time) error {
	return r.commitCase(HistoryEntry{Case: id, Event: EventAcknowledged, At: at, By: by})
}

// Assess records whether the acknowledged case is in scope: acknowledged →
// assessed, or closed as [OutcomeReferred] when out of scope. Out of scope
// needs a reason and a referral ([ErrReasonRequired]); in scope takes no
// referral ([ErrInvalid]).
func (r *Register) Assess(id uuid.UUID, a Assessment, by uuid.UUID, at time.Time) error {
	return r.commitCase(HistoryEntry{Case: id, Event: EventAssessed, At: at, By: by, Scope: a.Scope, Text: a.Reason, Referral: a.Referral})
}

// RequestInformation records a question put to the complainant:
// acknowledged or investigating → awaiting information. The question is
// required ([ErrInvalid]). Under [Rules.PauseStopsClock] the resolution
// deadline stops until the information is provided.
func (r *Register) RequestInformation(id uuid.UUID, question string, by uuid.UUID, at time.Time) error {
	return r.commitCase(HistoryEntry{Case: id, Event: EventInformationRequested, At: at, By: by, Text: question})
}

// ProvideInformation records the complainant's answer, with an optional
// note: awaiting information → the state the request was made in.
func (r *Register) ProvideInformation(id uuid.UUID, note string, by uuid.UUID, at time.Time) error {
	return r.commitCase(HistoryEntry{Case: id, Event: EventInformationProvided, At: at, By: by, Text: note})
}

// Extend extends the resolution deadline by n days, with a reason, in state
// acknowledged, assessed or investigating (the state is kept). It needs a
// reason ([ErrReasonRequired]), n of at least 1 and extensions of at most
// [Rules.MaxExtensionDays] in all ([ErrOutOfRange]), and the deadline not
// yet passed at at ([ErrDeadlinePassed]).
func (r *Register) Extend(id uuid.UUID, n int, reason string, by uuid.UUID, at time.Time) error {
	return r.commitCase(HistoryEntry{Case: id, Event: EventExtended, At: at, By: by, Days: n, Text: reason})
}

// Investigate records the start of an investigation: assessed →
// investigating.
func (r *Register) Investigate(id, by uuid.UUID, at time.Time) error {
	return r.commitCase(HistoryEntry{Case: id, Event: EventInvestigationStarted, At: at, By: by})
}

// ProposeResolution records a resolution proposed to the complainant, in
// words: assessed, investigating or escalated → resolution proposed. The
// text is required ([ErrInvalid]).
func (r *Register) ProposeResolution(id uuid.UUID, proposal string, by uuid.UUID, at time.Time) error {
	return r.commitCase(HistoryEntry{Case: id, Event: EventResolutionProposed, At: at, By: by, Text: proposal})
}

// Accept records that the complainant accepted the proposed resolution:
// resolution proposed → accepted.
func (r *Register) Accept(id, by uuid.UUID, at time.Time) error {
	return r.commitCase(HistoryEntry{Case: id, Event: EventAccepted, At: at, By: by})
}

// Escalate records that the complainant appealed the proposal, or the
// handler referred it up: resolution proposed → escalated, one level up.
// It needs a reason ([ErrReasonRequired]) and a level below
// [Rules.Levels] ([ErrNoFurtherLevel]).
func (r *Register) Escalate(id uuid.UUID, reason string, by uuid.UUID, at time.Time) error {
	return r.commitCase(HistoryEntry{Case: id, Event: EventEscalated, At: at, By: by, Text: reason})
}

// Close closes the case: from accepted as [OutcomeResolved], once the
// resolution is carried out, with an optional note; from awaiting
// information, resolution proposed or escalated as [OutcomeUnresolved],
// with the reason required ([ErrReasonRequired]).
func (r *Register) Close(id uuid.UUID, note string, by uuid.UUID, at time.Time) error {
	return r.commitCase(HistoryEntry{Case: id, Event: EventClosed, At: at, By: by, Text: note})
}

// Withdraw records that the complainant withdrew the case, with an optional
// reason: any open state but accepted → closed as [OutcomeWithdrawn].
func (r *Register) Withdraw(id uuid.UUID, reason string, by uuid.UUID, at time.Time) error {
	return r.commitCase(HistoryEntry{Case: id, Event: EventWithdrawn, At: at, By: by, Text: reason})
}

// Reopen reopens a closed case for a reason: closed → acknowledged, to be
// assessed again. It needs a reason ([ErrReasonRequired]) and is refused
// while the case's issue is closed ([ErrWrongState]: reopen the issue
// first).
func (r *Register) Reopen(id uuid.UUID, reason string, by uuid.UUID, at time.Time) error {
	return r.commitCase(HistoryEntry{Case: id, Event: EventReopened, At: at, By: by, Text: reason})
}

// Link adds a link to an interaction, process or commitment, in any state
// (the state is kept). A link already on the case is [ErrDuplicate].
func (r *Register) Link(id uuid.UUID, l Link, by uuid.UUID, at time.Time) error {
	return r.commitCase(HistoryEntry{Case: id, Event: EventLinked, At: at, By: by, Link: l})
}

// commitCase checks e against the register and records it: the one path of
// every case event, whether called or decoded.
func (r *Register) commitCase(e HistoryEntry) error {
	e.At = e.At.UTC()
	if e.Event == EventReceived {
		return r.receive(e)
	}
	c, ok := r.caseByID[e.Case]
	if !ok {
		if !e.Event.IsValid() {
			return e.Validate()
		}
		return &FieldError{Field: "case", Value: e.Case.String(), Err: ErrNotFound}
	}
	if !allows(c.state, e.Event) {
		return &TransitionError{State: c.state, Event: e.Event, Err: ErrInvalidTransition}
	}
	if err := errors.Join(e.Validate(), c.precondition(e)); err != nil {
		return &TransitionError{State: c.state, Event: e.Event, Err: err}
	}
	c.record(e)
	r.log(journalRef{c: c, n: len(c.history) - 1}, e.At)
	return nil
}

// receive checks and records a received entry.
func (r *Register) receive(e HistoryEntry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	if _, dup := r.caseByID[e.Case]; dup {
		return &FieldError{Field: "id", Value: e.Case.String(), Err: ErrDuplicate}
	}
	d := e.Details.clone()
	c := &Case{reg: r, details: d, received: e.At.UnixNano(), level: 1}
	c.record(e)
	r.cases = append(r.cases, c)
	r.caseByID[c.details.ID] = c
	r.log(journalRef{c: c}, e.At)
	return nil
}

// precondition checks what e needs of the case beyond its state and its
// own fields: time order, and each event's rules.
func (c *Case) precondition(e HistoryEntry) error {
	var errs []error
	if last := c.history[len(c.history)-1].At; e.At.Before(last) {
		errs = append(errs, fmt.Errorf("%w: %s at %s, latest event at %s", ErrTimeOrder, e.Event, e.At.Format(time.RFC3339Nano), last.Format(time.RFC3339Nano)))
	}
	rules := c.reg.rules
	switch e.Event {
	case EventExtended:
		if c.extended+e.Days > rules.MaxExtensionDays {
			errs = append(errs, &FieldError{Field: "extended.days", Value: fmt.Sprintf("%d more after %d (the rules allow %d in all)", e.Days, c.extended, rules.MaxExtensionDays), Err: ErrOutOfRange})
		}
		if due := c.proposeDue(e.At.UnixNano()); e.At.UnixNano() > due {
			errs = append(errs, fmt.Errorf("%w: the resolution was due %s", ErrDeadlinePassed, time.Unix(0, due).UTC().Format(time.RFC3339)))
		}
	case EventEscalated:
		if c.level >= rules.Levels {
			errs = append(errs, fmt.Errorf("%w: level %d of %d", ErrNoFurtherLevel, c.level, rules.Levels))
		}
	case EventClosed:
		if c.state != StateAccepted && e.Text == "" {
			errs = append(errs, &FieldError{Field: "closed.text", Value: "(closing unresolved)", Err: ErrReasonRequired})
		}
	case EventReopened:
		if c.issue != nil && c.issue.state == IssueStateClosed {
			errs = append(errs, &FieldError{Field: "issue", Value: c.issue.id.String() + " (closed; reopen it first)", Err: ErrWrongState})
		}
	case EventLinked:
		if slices.Contains(c.details.Links, e.Link) {
			errs = append(errs, &FieldError{Field: "link", Value: e.Link.Kind.String() + " " + e.Link.ID.String(), Err: ErrDuplicate})
		}
	}
	return errors.Join(errs...)
}

// record appends e to the history and applies its effect; the caller has
// checked every precondition.
func (c *Case) record(e HistoryEntry) {
	c.history = append(c.history, e)
	c.marks = append(c.marks, mark{at: e.At.UnixNano(), days: int32(e.Days), event: uint8(e.Event), scopeOut: e.Scope == ScopeOut})
	switch e.Event {
	case EventReceived:
		c.state = StateReceived
	case EventAssessed:
		if e.Scope == ScopeOut {
			c.state, c.outcome = StateClosed, OutcomeReferred
			return
		}
		c.state = StateAssessed
	case EventInformationRequested:
		c.resume, c.state = c.state, StateAwaitingInformation
	case EventInformationProvided:
		c.state, c.resume = c.resume, 0
	case EventExtended:
		c.extended += e.Days
	case EventEscalated:
		c.level++
		c.state = StateEscalated
	case EventClosed:
		c.outcome = OutcomeUnresolved
		if c.state == StateAccepted {
			c.outcome = OutcomeResolved
		}
		c.state, c.resume = StateClosed, 0
	case EventWithdrawn:
		c.state, c.outcome, c.resume = StateClosed, OutcomeWithdrawn, 0
	case EventReopened:
		c.state, c.outcome = StateAcknowledged, 0
	case EventLinked:
		c.details.Links = append(c.details.Links, e.Link)
	default:
		for _, m := range transitions[e.Event] {
			if m.from == c.state {
				c.state = m.to
				return
			}
		}
	}
}

// proposeDue returns, in Unix ns, when a resolution is due as the history
// stands up to now (Unix ns): see [Case.ProposeDue]. The history is walked
// in order, so a pause adds its length only if it began before the
// deadline as extended until then.
func (c *Case) proposeDue(now int64) int64 {
	rules := &c.reg.rules
	due := c.received + days(rules.ProposeWithinDays)
	var pausedAt int64 = -1
	for _, m := range c.marks {
		if m.at > now {
			break
		}
		switch Event(m.event) {
		case EventExtended:
			due += days(int(m.days))
		case EventInformationRequested:
			if rules.PauseStopsClock && m.at <= due {
				pausedAt = m.at
			}
		case EventInformationProvided, EventClosed, EventWithdrawn:
			if pausedAt >= 0 {
				due += m.at - pausedAt
				pausedAt = -1
			}
		}
	}
	if pausedAt >= 0 && now > pausedAt {
		due += now - pausedAt
	}
	return due
}
