package participation

import (
	"errors"
	"fmt"

	"github.com/google/uuid"
)

// Sentinel errors. Every error this package returns matches one of them with
// [errors.Is]; most arrive wrapped with context: in a [*TransitionError]
// (which state refused which event), a [*SupportError] (whose signature) or
// a [*RowError] (which row of an offline batch), or by fmt.Errorf naming the
// offending field and quoting its value. Profile problems wrap
// [github.com/civitas-go/civitas/stakeholder.ErrInvalidProfile] instead.
var (
	// ErrInvalid reports a missing or malformed field: a nil ID, an empty
	// title, a negative threshold, a period that ends before it starts.
	ErrInvalid = errors.New("participation: invalid field")

	// ErrInvalidValue reports an enum value or name outside the declared
	// ones, such as Kind(9) or the text "referendum".
	ErrInvalidValue = errors.New("participation: invalid value")

	// ErrInvalidTransition reports an event the initiative's current state does not
	// allow, such as submitting an initiative that has not qualified. It
	// arrives in a [*TransitionError].
	ErrInvalidTransition = errors.New("participation: event not allowed in this state")

	// ErrTimeOrder reports an event dated before the last event already
	// recorded: a history only moves forward.
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
	// above the minimum age (an unknown age band included).
	ErrTooYoung = fmt.Errorf("%w: below the minimum age", ErrNotEligible)

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

// TransitionError reports an event that the initiative's state does not
// allow. It wraps [ErrInvalidTransition].
type TransitionError struct {
	// State is the state the initiative was in.
	State State
	// Event names the refused event, such as "submit" or "sign".
	Event string
}

// Error returns a message naming the event and the state.
func (e *TransitionError) Error() string {
	return fmt.Sprintf("%v: %s while %s", ErrInvalidTransition, e.Event, e.State)
}

// Unwrap returns [ErrInvalidTransition].
func (e *TransitionError) Unwrap() error { return ErrInvalidTransition }

// SupportError reports a refused signature or withdrawal and whose it was.
// It wraps the reason, such as [ErrAlreadySigned] or [ErrTooYoung].
type SupportError struct {
	// Person is the supporter's ID.
	Person uuid.UUID
	// Err is the reason.
	Err error
}

// Error returns a message naming the person and the reason.
func (e *SupportError) Error() string { return fmt.Sprintf("supporter %s: %v", e.Person, e.Err) }

// Unwrap returns the reason.
func (e *SupportError) Unwrap() error { return e.Err }

// RowError is one rejected row of an offline batch: its number and the
// reason. It wraps the reason, such as [ErrMalformedRow] or
// [ErrAlreadySigned].
type RowError struct {
	// Row is the row's 1-based number among the data rows (a sheet's header
	// is not counted).
	Row int
	// Person is the supporter's ID, or uuid.Nil when the row could not be
	// read far enough to know it.
	Person uuid.UUID
	// Err is the reason.
	Err error
}

// Error returns a message naming the row and the reason.
func (e *RowError) Error() string { return fmt.Sprintf("row %d: %v", e.Row, e.Err) }

// Unwrap returns the reason.
func (e *RowError) Unwrap() error { return e.Err }

// invalidf returns an error wrapping ErrInvalid with a formatted context.
func invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)
}
