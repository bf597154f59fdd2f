package participation

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/civitas-go/civitas/internal/errs"

	"github.com/google/uuid"
)

// Sentinel errors. Every error this package returns matches one of them with
// [errors.Is]; most arrive wrapped with context: in a [*FieldError] (which
// field, which value), a [*TransitionError] (which state refused which
// event, and why), a [*SupportError] (whose signature) or a [*RowError]
// (which row of an offline batch). Profile problems wrap
// [github.com/civitas-go/civitas/stakeholder.ErrInvalidProfile] instead. The
// sentinels mean what they mean in every package of civitas (see
// internal/DESIGN.md).
var (
	// ErrInvalid reports an input outside its documented values: a nil ID,
	// an empty or padded title, a negative threshold, a period that ends
	// before it starts, an undeclared enum value such as Kind(9), an unknown
	// name such as "referendum", malformed JSON or a value of the wrong JSON
	// type.
	ErrInvalid = errors.New("participation: invalid value")

	// ErrInvalidTransition reports a lifecycle event the initiative's
	// current state does not allow, such as submitting an initiative that
	// has not qualified. It arrives in a [*TransitionError].
	ErrInvalidTransition = errors.New("participation: event not allowed in this state")

	// ErrWrongState reports an operation that is not a lifecycle event
	// (signing, withdrawing a support, importing a sheet, setting the rules,
	// adding a promoter, assessing the outcome) refused in the initiative's
	// current state.
	ErrWrongState = errors.New("participation: not allowed in this state")

	// ErrTimeOrder reports a change dated before a time already recorded
	// that it must follow: an event before the last event or the latest
	// signature, a withdrawal before its signature. A history only moves
	// forward. It arrives in a [*TimeOrderError] that says which recorded
	// time blocks the change.
	ErrTimeOrder = errors.New("participation: time before the last event")

	// ErrCommitteeTooSmall reports opening an initiative whose promoter
	// committee has fewer members than its rules require.
	ErrCommitteeTooSmall = errors.New("participation: promoter committee too small")

	// ErrNoThreshold reports qualifying an initiative that has no support
	// rules, hence no threshold to meet.
	ErrNoThreshold = errors.New("participation: no support threshold")

	// ErrThresholdNotMet reports qualifying an initiative whose supports do
	// not yet meet every threshold.
	ErrThresholdNotMet = errors.New("participation: threshold not met")

	// ErrThresholdMet reports expiring an initiative whose supports meet every
	// threshold: it qualifies instead.
	ErrThresholdMet = errors.New("participation: threshold met")

	// ErrWindowNotClosed reports expiring an initiative whose signature
	// window has not closed (or that has no window, which never closes).
	ErrWindowNotClosed = errors.New("participation: signature window not closed")

	// ErrWindowClosed reports opening an initiative after its signature
	// window has closed.
	ErrWindowClosed = errors.New("participation: signature window closed")

	// ErrNotInitiator reports a withdrawal asked for by someone who is not
	// one of the initiative's initiators.
	ErrNotInitiator = errors.New("participation: not an initiator")

	// ErrAlreadySigned reports a second signature by the same person: the
	// first one stands and the count does not move.
	ErrAlreadySigned = errors.New("participation: already signed")

	// ErrNotSigned reports withdrawing a support that was never given (or
	// was already withdrawn).
	ErrNotSigned = errors.New("participation: not signed")

	// ErrWithdrawalNotAllowed reports withdrawing a support under rules that
	// do not allow it.
	ErrWithdrawalNotAllowed = errors.New("participation: support withdrawal not allowed")

	// ErrOutsideWindow reports a signature dated outside the signature window
	// or before the initiative opened.
	ErrOutsideWindow = errors.New("participation: signature outside the window")

	// ErrChannelNotAccepted reports a signature through a channel the rules
	// do not accept, such as an online signature for a paper-only petition.
	ErrChannelNotAccepted = errors.New("participation: channel not accepted")

	// ErrNotEligible reports a supporter the rules' eligibility excludes.
	// Each reason below wraps it, so errors.Is(err, ErrNotEligible) holds for
	// all three.
	ErrNotEligible = errors.New("participation: supporter not eligible")

	// ErrTooYoung reports a supporter whose age band is not entirely at or
	// above the minimum age.
	ErrTooYoung = fmt.Errorf("%w: below the minimum age", ErrNotEligible)

	// ErrAgeUnknown reports a supporter whose age band is not given, under
	// rules with a minimum age: eligibility cannot be shown. It is not
	// [ErrTooYoung]: nothing says the supporter is too young.
	ErrAgeUnknown = fmt.Errorf("%w: age band not given, and a minimum age applies", ErrNotEligible)

	// ErrOutsideArea reports a supporter from an area the rules do not list.
	ErrOutsideArea = fmt.Errorf("%w: outside the eligible areas", ErrNotEligible)

	// ErrNotResident reports a non-resident supporter under rules that
	// require residency.
	ErrNotResident = fmt.Errorf("%w: not a resident", ErrNotEligible)

	// ErrTooManyCategories reports a signature that would bring the number
	// of distinct areas beyond 65,535 or of distinct sex categories beyond
	// 255: the compact support store indexes them in 16 and 8 bits.
	ErrTooManyCategories = errors.New("participation: too many distinct categories")

	// ErrMalformedRow reports a row of an offline sheet that cannot be read:
	// a wrong number of fields, a bad ID, time, age band or residency.
	ErrMalformedRow = errors.New("participation: malformed row")

	// ErrHeader reports an offline sheet whose first row is not the expected
	// header.
	ErrHeader = errors.New("participation: unexpected header")

	// ErrInconsistent reports decoded data whose parts disagree: a state
	// that its history does not lead to, a qualified initiative whose
	// supports do not meet its threshold, an assessment that contradicts the
	// public body's answer.
	ErrInconsistent = errors.New("participation: inconsistent data")
)

// FieldError describes one bad input: which field, its value as text and
// the sentinel of this package it breaks, which it wraps. It is the one
// bad-input error of civitas, the same type in every package (see
// internal/DESIGN.md).
type FieldError = errs.FieldError

// TimeOrderError describes a change refused because it is dated before a
// recorded time it must follow: the time given and the recorded time that
// blocks it (the last event, the latest signature, the opening). It wraps
// [ErrTimeOrder], or [ErrOutsideWindow] for a signature dated before the
// opening. It is the same type in every package (see internal/DESIGN.md).
type TimeOrderError = errs.TimeOrderError

// TransitionError reports a lifecycle event that the initiative refused:
// its state, the event, and why. Err is [ErrInvalidTransition] when the
// state does not allow the event, or the preconditions that failed, joined
// (such as [ErrCommitteeTooSmall] or [ErrThresholdNotMet]); errors.Is
// matches each of them.
type TransitionError struct {
	// State is the state the initiative was in.
	State State
	// Event is the refused event.
	Event Event
	// Err is ErrInvalidTransition or the failed preconditions.
	Err error
}

// Error returns "participation: cannot EVENT in state STATE: REASONS", the
// event as the verb of the method that records it ("open", "qualify"). It
// works on a nil or zero receiver.
func (e *TransitionError) Error() string {
	if e == nil {
		return ErrInvalidTransition.Error()
	}
	reasons := "event not allowed in this state"
	if e.Err != nil {
		parts := strings.Split(e.Err.Error(), "\n")
		for i, p := range parts {
			parts[i] = strings.TrimPrefix(p, "participation: ")
		}
		reasons = strings.Join(parts, "; ")
	}
	return fmt.Sprintf("participation: cannot %s in state %s: %s", e.Event.verb(), states.Text(e.State), reasons)
}

// Unwrap returns Err, for errors.Is.
func (e *TransitionError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// wrongState returns the error of an operation, named for people (such as
// "sign"), that the state s does not allow: it wraps [ErrWrongState].
func wrongState(op string, s State) error {
	return fmt.Errorf("%w: cannot %s in state %s", ErrWrongState, op, states.Text(s))
}

// SupportError reports a refused signature or withdrawal and whose it was.
// It wraps the reason, such as [ErrAlreadySigned] or [ErrTooYoung].
type SupportError struct {
	// Person is the supporter's ID.
	Person uuid.UUID
	// Err is the reason.
	Err error
}

// Error returns a message naming the person and the reason. It works on a
// nil or zero receiver.
func (e *SupportError) Error() string {
	if e == nil {
		return "participation: refused support"
	}
	return fmt.Sprintf("supporter %s: %v", e.Person, e.Err)
}

// Unwrap returns the reason.
func (e *SupportError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// RowError is one rejected row of an offline batch: its number and the
// reason. It wraps the reason, such as [ErrMalformedRow] or
// [ErrAlreadySigned].
type RowError struct {
	// Row is the row's number: for [Initiative.Import] its 1-based place in
	// the slice; for [Initiative.ImportCSV] the row number a spreadsheet
	// program shows, the header being row 1 and the first data row row 2
	// (a blank line counts as a row; a record whose quoted field spans
	// lines is one row).
	Row int
	// Person is the supporter's ID, or uuid.Nil when the row could not be
	// read far enough to know it.
	Person uuid.UUID
	// Err is the reason.
	Err error
}

// Error returns a message naming the row and the reason. It works on a nil
// or zero receiver.
func (e *RowError) Error() string {
	if e == nil {
		return "participation: rejected row"
	}
	return fmt.Sprintf("row %d: %v", e.Row, e.Err)
}

// Unwrap returns the reason.
func (e *RowError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// invalidf returns an error wrapping ErrInvalid with a formatted context.
func invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)
}

// undeclared returns the error of an undeclared enum value in field, its
// value followed by the accepted names, as the enum's MarshalText says them
// ("9 (not a declared SigningMethod; want one of online, offline)").
func undeclared(field string, v interface {
	fmt.Stringer
	MarshalText() ([]byte, error)
}) error {
	value := v.String()
	var fe *FieldError
	if _, err := v.MarshalText(); errors.As(err, &fe) {
		value = fe.Value
	}
	return &FieldError{Field: field, Value: value, Err: ErrInvalid}
}

// quote quotes s for an error, clipped.
func quote(s string) string { return strconv.Quote(errs.Clip(s)) }

// decodeErr wraps an error of encoding/json (malformed JSON, a value of the
// wrong type) in [ErrInvalid], keeping it in the chain for errors.As, so
// that every error of a decoder matches a sentinel of this package; an
// error that already does passes unchanged.
func decodeErr(err error) error { return errs.Decode(err, ErrInvalid) }
