package concerns

import (
	"errors"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// State is where a case stands in its lifecycle; the transition table is on
// [Case]. The zero value is invalid.
type State int

// The states of a case.
const (
	// StateReceived is a case recorded and not yet acknowledged.
	StateReceived State = iota + 1
	// StateAcknowledged is a case whose receipt the complainant was told of,
	// not yet assessed.
	StateAcknowledged
	// StateAssessed is a case found in scope, not yet investigated or
	// answered.
	StateAssessed
	// StateAwaitingInformation is a case waiting for information asked of
	// the complainant.
	StateAwaitingInformation
	// StateInvestigating is a case being looked into.
	StateInvestigating
	// StateResolutionProposed is a case whose proposed resolution awaits
	// the complainant's answer.
	StateResolutionProposed
	// StateAccepted is a case whose resolution the complainant accepted,
	// being carried out before it is closed.
	StateAccepted
	// StateEscalated is a case appealed or referred to the next level of
	// review, which is to propose a resolution of its own.
	StateEscalated
	// StateClosed is a case closed with an [Outcome]; it may be reopened.
	StateClosed
)

// Event is a lifecycle event of a case, as recorded in its history; each
// has one [Register] method (the table is on [Case]). The zero value is
// invalid.
type Event int

// The events of a case.
const (
	// EventReceived records the case ([Register.Receive]).
	EventReceived Event = iota + 1
	// EventAcknowledged records that the complainant was told the case was
	// received ([Register.Acknowledge]).
	EventAcknowledged
	// EventAssessed records whether the case is in scope ([Register.Assess]).
	EventAssessed
	// EventInformationRequested records a question put to the complainant
	// ([Register.RequestInformation]).
	EventInformationRequested
	// EventInformationProvided records the complainant's answer
	// ([Register.ProvideInformation]).
	EventInformationProvided
	// EventExtended records an extension of the resolution deadline
	// ([Register.Extend]).
	EventExtended
	// EventInvestigationStarted records the start of an investigation
	// ([Register.Investigate]).
	EventInvestigationStarted
	// EventResolutionProposed records a proposed resolution
	// ([Register.ProposeResolution]).
	EventResolutionProposed
	// EventAccepted records the complainant's acceptance of the proposal
	// ([Register.Accept]).
	EventAccepted
	// EventEscalated records an appeal or referral to the next level
	// ([Register.Escalate]).
	EventEscalated
	// EventClosed records the closure, resolved or not ([Register.Close]).
	EventClosed
	// EventWithdrawn records the complainant's withdrawal
	// ([Register.Withdraw]).
	EventWithdrawn
	// EventReopened records a closed case reopened ([Register.Reopen]).
	EventReopened
	// EventLinked records a link added to the case ([Register.Link]).
	EventLinked
)

// eventVerbs names each event as the method that records it, for messages.
var eventVerbs = [...]string{"", "receive", "acknowledge", "assess", "request information on", "provide information on",
	"extend", "investigate", "propose a resolution to", "accept", "escalate", "close", "withdraw", "reopen", "link"}

// verb returns the event as a verb, or its String for an undeclared event.
func (e Event) verb() string {
	if !e.IsValid() {
		return e.String()
	}
	return eventVerbs[e]
}

// Outcome is how a case closed. The zero value is invalid.
type Outcome int

// The outcomes.
const (
	// OutcomeResolved is a case closed after the complainant accepted the
	// resolution and it was carried out.
	OutcomeResolved Outcome = iota + 1
	// OutcomeUnresolved is a case closed without an accepted resolution:
	// the complainant rejected the last proposal and did not appeal, the
	// last level upheld the refusal, or information never came.
	OutcomeUnresolved
	// OutcomeWithdrawn is a case the complainant withdrew.
	OutcomeWithdrawn
	// OutcomeReferred is a case assessed out of scope and referred to
	// whoever can deal with it.
	OutcomeReferred
)

// Scope is an assessment's finding. The zero value is invalid.
type Scope int

// The scopes.
const (
	// ScopeIn is a case the mechanism deals with.
	ScopeIn Scope = iota + 1
	// ScopeOut is a case outside the mechanism (another body's
	// responsibility, a matter for the courts), closed with a reason and a
	// referral.
	ScopeOut
)

// Assessment is the finding of [Register.Assess]. The zero value is
// invalid.
type Assessment struct {
	// Scope says whether the case is in scope.
	Scope Scope
	// Reason explains the finding: optional in scope, required out of
	// scope ([ErrReasonRequired]).
	Reason string
	// Referral says where an out-of-scope case was referred, such as "the
	// water utility's customer service": required out of scope
	// ([ErrReasonRequired]), empty in scope.
	Referral string
}

// HistoryEntry is one recorded step of a case's history: which event, when,
// recorded by whom, and the details the event carries. Fields that do not
// belong to the event are zero. The zero value is not a valid entry.
type HistoryEntry struct {
	// Case is the case's ID.
	Case uuid.UUID `json:"case"`
	// Event is what happened.
	Event Event `json:"event"`
	// At is when it happened, in UTC.
	At time.Time `json:"at"`
	// By is the member of staff who recorded it. Not uuid.Nil.
	By uuid.UUID `json:"by"`
	// Details is what was received, for EventReceived only.
	Details *CaseDetails `json:"details,omitempty"`
	// Text is the event's words: the assessment's reason, the question, the
	// information given, the extension's reason, the proposal, the appeal's
	// reason, the closing note, the withdrawal's or reopening's reason.
	Text string `json:"text,omitempty"`
	// Scope is the finding, for EventAssessed.
	Scope Scope `json:"scope,omitempty"`
	// Referral is where an out-of-scope case was referred, for
	// EventAssessed.
	Referral string `json:"referral,omitempty"`
	// Days is the length of an extension, for EventExtended.
	Days int `json:"days,omitempty"`
	// Link is the link added, for EventLinked.
	Link Link `json:"link,omitzero"`
}

// textRule says whether an event carries a text: never, optionally, or
// always; a required reason is checked with the state's preconditions.
type textRule uint8

const (
	textNone textRule = iota
	textOptional
	textRequired // a required statement (question, proposal): ErrInvalid when missing
	textReason   // a required reason: ErrReasonRequired when missing
)

var eventText = [...]textRule{
	EventAssessed:             textOptional, // required out of scope: see precondition
	EventInformationRequested: textRequired,
	EventInformationProvided:  textOptional,
	EventExtended:             textReason,
	EventResolutionProposed:   textRequired,
	EventEscalated:            textReason,
	EventClosed:               textOptional, // required unless resolved: see precondition
	EventWithdrawn:            textOptional,
	EventReopened:             textReason,
	EventLinked:               textNone,
}

// Validate reports every problem with the entry on its own, joined: an
// undeclared event, a Nil case or recorder, a time not set, a detail that is
// missing or does not belong to the event ([ErrInvalid]), a required reason
// missing ([ErrReasonRequired]). Whether the entry may follow the ones
// before it is checked when it is recorded or decoded.
func (e HistoryEntry) Validate() error {
	if !e.Event.IsValid() {
		return &FieldError{Field: "event", Value: e.Event.String(), Err: ErrInvalid}
	}
	ev := e.Event.String()
	errs := []error{checkID("case", e.Case), checkID(ev+".by", e.By), checkTime(ev+".at", e.At)}
	notHere := func(field string, set bool) {
		if set {
			errs = append(errs, &FieldError{Field: ev + "." + field, Value: "(set; does not belong to " + ev + ")", Err: ErrInvalid})
		}
	}
	notHere("details", e.Event != EventReceived && e.Details != nil)
	notHere("scope", e.Event != EventAssessed && e.Scope != 0)
	notHere("referral", e.Event != EventAssessed && e.Referral != "")
	notHere("days", e.Event != EventExtended && e.Days != 0)
	notHere("link", e.Event != EventLinked && e.Link != (Link{}))
	rule := textNone
	if int(e.Event) < len(eventText) {
		rule = eventText[e.Event]
	}
	switch {
	case rule == textNone:
		notHere("text", e.Text != "")
	case rule == textRequired:
		errs = append(errs, checkText(ev+".text", e.Text))
	case rule == textReason && e.Text == "":
		errs = append(errs, &FieldError{Field: ev + ".text", Value: `""`, Err: ErrReasonRequired})
	default:
		errs = append(errs, checkOptionalText(ev+".text", e.Text))
	}
	switch e.Event {
	case EventReceived:
		if e.Details == nil {
			errs = append(errs, &FieldError{Field: ev + ".details", Value: "(missing)", Err: ErrInvalid})
		} else if err := e.Details.Validate(); err != nil {
			errs = append(errs, err)
		} else if e.Details.ID != e.Case {
			errs = append(errs, &FieldError{Field: ev + ".details.id", Value: e.Details.ID.String() + " (not the entry's case)", Err: ErrInconsistent})
		}
	case EventAssessed:
		errs = append(errs, checkAssessment(Assessment{Scope: e.Scope, Reason: e.Text, Referral: e.Referral}))
	case EventExtended:
		if e.Days < 1 || e.Days > maxDays {
			errs = append(errs, &FieldError{Field: ev + ".days", Value: strconv.Itoa(e.Days) + " (want 1 to 365)", Err: ErrOutOfRange})
		}
	case EventLinked:
		errs = append(errs, e.Link.Validate())
	}
	return errors.Join(errs...)
}

// checkAssessment checks an assessment on its own: a declared scope, and
// out of scope a reason and a referral.
func checkAssessment(a Assessment) error {
	switch {
	case !a.Scope.IsValid():
		return &FieldError{Field: "assessed.scope", Value: a.Scope.String(), Err: ErrInvalid}
	case a.Scope == ScopeOut && (a.Reason == "" || a.Referral == ""):
		return &FieldError{Field: "assessed", Value: "out of scope without a reason and a referral", Err: ErrReasonRequired}
	case a.Scope == ScopeIn && a.Referral != "":
		return &FieldError{Field: "assessed.referral", Value: quote(a.Referral) + " (in scope)", Err: ErrInvalid}
	}
	return errors.Join(checkOptionalText("assessed.text", a.Reason), checkOptionalText("assessed.referral", a.Referral))
}

// clone returns a copy of e that shares no slice with it.
func (e HistoryEntry) clone() HistoryEntry {
	if e.Details != nil {
		d := e.Details.clone()
		e.Details = &d
	}
	return e
}
