package engagement

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/civitas-go/civitas/internal/errs"
)

// Sentinel errors. Every error this package returns matches one of them with
// [errors.Is]. They arrive wrapped: a lifecycle event's error in a
// [*TransitionError] that names the state and the event, any other
// operation's in an [*OpError], and a bad input in a [*FieldError] that
// quotes the value. When an operation fails for several reasons at once, the
// reasons are joined with [errors.Join], so each can be matched.
var (
	// ErrInvalid reports an input outside its documented values: a Nil ID,
	// an empty title, an undeclared enum value, a zero or unrepresentable time.
	ErrInvalid = errors.New("engagement: invalid value")

	// ErrInvalidTransition reports a lifecycle event the process's state
	// does not allow, such as closing a process that was never opened.
	ErrInvalidTransition = errors.New("engagement: event not allowed in this state")

	// ErrNoticeNotElapsed reports an attempt to open a process before the
	// notice period of its rules has run since it was announced.
	ErrNoticeNotElapsed = errors.New("engagement: notice period has not elapsed")

	// ErrUnanswered reports a decision attempted while contributions are
	// still unanswered, when the rules say every one must be answered first.
	ErrUnanswered = errors.New("engagement: contributions are unanswered")

	// ErrTooFewParticipants reports a decision attempted with fewer
	// contributors than the rules' minimum for the decision to stand.
	ErrTooFewParticipants = errors.New("engagement: too few participants")

	// ErrTimeOrder reports a change dated before the process's latest
	// recorded change, or before a time it must follow (a response before
	// its contribution). A process's record runs forward in time. It
	// arrives in a [*TimeOrderError] that says which recorded time blocks
	// the change.
	ErrTimeOrder = errors.New("engagement: time before the latest recorded change")

	// ErrNoCommitments reports an attempt to start implementing a decision
	// with no commitment that is not dropped.
	ErrNoCommitments = errors.New("engagement: no commitments to implement")

	// ErrCommitmentsOutstanding reports an attempt to complete a process
	// while a commitment is neither done nor dropped.
	ErrCommitmentsOutstanding = errors.New("engagement: commitments outstanding")

	// ErrCommitmentClosed reports a change to a commitment that is already
	// done or dropped.
	ErrCommitmentClosed = errors.New("engagement: commitment is done or dropped")

	// ErrReasonRequired reports a cancellation, a dropped commitment or a
	// "not accepted" response given without a reason.
	ErrReasonRequired = errors.New("engagement: reason required")

	// ErrWrongState reports an operation (not a lifecycle event) that the
	// process's state does not allow, such as a contribution to a process
	// that is not open.
	ErrWrongState = errors.New("engagement: operation not allowed in this state")

	// ErrDuplicate reports something recorded twice: an ID already in use, a
	// second registration or attendance of one person at one activity, a
	// milestone already done.
	ErrDuplicate = errors.New("engagement: already recorded")

	// ErrInconsistent reports decoded data whose parts disagree, such as
	// change numbers that skip or repeat a number, or a state no sequence of
	// calls can produce.
	ErrInconsistent = errors.New("engagement: inconsistent data")

	// ErrNotFound reports an ID that names nothing in the process.
	ErrNotFound = errors.New("engagement: unknown ID")

	// ErrNotEligible reports a participant whose profile does not meet the
	// process's eligibility rules.
	ErrNotEligible = errors.New("engagement: participant not eligible")

	// ErrNoActivePhase reports a contribution at a time no phase of the
	// process covers.
	ErrNoActivePhase = errors.New("engagement: no phase active at this time")

	// ErrProfileConflict reports a participant recorded with a profile that
	// differs from the one the process already holds for the same ID.
	ErrProfileConflict = errors.New("engagement: participant profile differs from the recorded one")

	// ErrAlreadyAnswered reports a second response to one contribution.
	// Responses are final (see [Process.Respond]).
	ErrAlreadyAnswered = errors.New("engagement: contribution already answered")

	// ErrNotRegistered reports attendance of an unregistered person at an
	// activity that requires registration.
	ErrNotRegistered = errors.New("engagement: not registered")

	// ErrMethodMismatch reports an operation the activity's method does not
	// support: a contribution through one-way outreach, a registration for
	// a method nobody attends.
	ErrMethodMismatch = errors.New("engagement: not supported by the activity's method")

	// ErrLimit reports a record that would exceed a documented capacity of
	// the process, such as more than [MaxPhases] phases.
	ErrLimit = errors.New("engagement: capacity limit reached")

	// ErrNotSubmitted reports an initiative that a process cannot take up or
	// answer because it is not (or no longer) submitted to a public body:
	// still gathering support, expired, withdrawn or already answered.
	ErrNotSubmitted = errors.New("engagement: initiative not submitted")

	// ErrWrongAuthority reports an initiative submitted to another public
	// body than the authority of the process that would take it up.
	ErrWrongAuthority = errors.New("engagement: initiative submitted to another body")
)

// FieldError describes one bad input: which field, its value as text and
// the sentinel of this package it breaks, which it wraps. It is the one
// bad-input error of civitas, the same type in every package (see
// internal/DESIGN.md).
type FieldError = errs.FieldError

// TimeOrderError describes a change refused for its time: the time given
// and the recorded time that blocks it (the latest recorded change, the
// start or end of an activity, an initiative's submission). It wraps
// [ErrTimeOrder], and is the same type in every package (see
// internal/DESIGN.md).
type TimeOrderError = errs.TimeOrderError

// TransitionError reports a lifecycle event that the process refused. It
// names the state the process was (and still is) in and the event, and wraps
// the reasons: [ErrInvalidTransition] when the state does not allow the
// event, or the preconditions that failed (several joined).
type TransitionError struct {
	// State is the state of the process when the event was refused.
	State State
	// Event is the refused event.
	Event Event
	// Err holds the reasons.
	Err error
}

// Error returns a message naming the event, the state and the reasons, such
// as "engagement: cannot start implementation in state closed: …", in the
// words people read (the enums' Text, not their wire names).
func (e *TransitionError) Error() string {
	if e == nil {
		return "engagement: event not allowed in this state (nil *TransitionError)"
	}
	return fmt.Sprintf("engagement: cannot %s in state %s: %s", events.Text(e.Event), states.Text(e.State), reason(e.Err, ErrInvalidTransition))
}

// Unwrap returns the reasons, for errors.Is and errors.As; nil for a nil
// receiver.
func (e *TransitionError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// OpError reports an operation other than a lifecycle event (a contribution,
// a response, a registration) that the process refused. It names the
// operation and the state of the process and wraps the reasons.
type OpError struct {
	// Op names the operation, such as "contribute" or "respond".
	Op string
	// State is the state of the process when the operation was refused.
	State State
	// Err holds the reasons.
	Err error
}

// Error returns a message naming the operation, the state and the reasons.
func (e *OpError) Error() string {
	if e == nil {
		return "engagement: operation refused (nil *OpError)"
	}
	op := e.Op
	if op == "" {
		op = "operation"
	}
	return fmt.Sprintf("engagement: %s refused in state %s: %s", op, states.Text(e.State), reason(e.Err, ErrWrongState))
}

// Unwrap returns the reasons, for errors.Is and errors.As; nil for a nil
// receiver.
func (e *OpError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// reason returns err's message, or the sentinel's when err is nil (a zero
// error value).
func reason(err, sentinel error) string {
	if err == nil {
		return sentinel.Error()
	}
	return err.Error()
}

// fieldErr builds a *FieldError whose value is quoted and clipped.
func fieldErr(field, value string, err error) error {
	return &FieldError{Field: field, Value: strconv.Quote(errs.Clip(value)), Err: err}
}

// fieldErrWant builds a *FieldError whose value is quoted and clipped and
// followed by what is accepted, such as `"east" (want one of "north",
// "south")`.
func fieldErrWant(field, value, want string, err error) error {
	return &FieldError{Field: field, Value: strconv.Quote(errs.Clip(value)) + " (want " + want + ")", Err: err}
}

// decodeErr wraps an error of encoding/json (malformed JSON, a value of the
// wrong type) in [ErrInvalid], keeping it in the chain for errors.As, so
// that every error of a decoder matches a sentinel of this package. An
// error that already matches one of this package's sentinels (from a nested
// decoder) is returned as it is.
func decodeErr(err error) error { return errs.Decode(err, ErrInvalid) }
