package concerns

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/civitas-go/civitas/internal/errs"
)

// Sentinel errors. Every error this package returns matches one of them with
// [errors.Is]; most arrive wrapped in a [*FieldError] (which input), a
// [*TransitionError] (which lifecycle event a case's state refused) or a
// [*RowError] (which row of a complaints log). Each sentinel means what
// internal/DESIGN.md says it means in every package of civitas.
var (
	// ErrInvalid reports an input outside its documented values: a Nil ID,
	// an empty or padded required text, an undeclared enum value or unknown
	// name, a time not set, malformed JSON or CSV, or a value of the wrong
	// JSON type.
	ErrInvalid = errors.New("concerns: invalid value")

	// ErrOutOfRange reports a number outside its documented scale: a
	// deadline of 0 days, an extension beyond the published maximum.
	ErrOutOfRange = errors.New("concerns: value out of range")

	// ErrInvalidTransition reports a lifecycle event the case's current
	// state does not allow, such as accepting a resolution that was never
	// proposed. It arrives in a [*TransitionError].
	ErrInvalidTransition = errors.New("concerns: event not allowed in this state")

	// ErrWrongState reports an operation that is not a case's lifecycle
	// event refused in the current state: adding a case to a closed issue,
	// reopening a case whose issue is closed, completing an action twice.
	ErrWrongState = errors.New("concerns: not allowed in this state")

	// ErrTimeOrder reports a change dated before the latest change of the
	// same case or issue, or before a time it must follow.
	ErrTimeOrder = errors.New("concerns: time before the latest recorded change")

	// ErrDuplicate reports something recorded twice: a case or issue ID in
	// use, a link given twice, a case added to a second issue.
	ErrDuplicate = errors.New("concerns: duplicate")

	// ErrNotFound reports an ID that names no case, issue or action held.
	ErrNotFound = errors.New("concerns: not found")

	// ErrInconsistent reports decoded data whose parts disagree, or a
	// history no sequence of calls can produce.
	ErrInconsistent = errors.New("concerns: inconsistent data")

	// ErrReasonRequired reports a step the rules require a reason for,
	// given without one: ruling a case out of scope (with its referral),
	// extending a deadline, escalating, closing unresolved, reopening.
	ErrReasonRequired = errors.New("concerns: reason required")

	// ErrNoFurtherLevel reports an escalation from the last level of review
	// the published rules provide.
	ErrNoFurtherLevel = errors.New("concerns: no further level of review")

	// ErrDeadlinePassed reports an extension asked for after the deadline
	// it would extend has passed: the rules allow extending a deadline, not
	// excusing a missed one.
	ErrDeadlinePassed = errors.New("concerns: deadline already passed")

	// ErrHeader reports a complaints log whose header row lacks a required
	// column, names an unknown one or names one twice. It wraps
	// [ErrInvalid].
	ErrHeader = fmt.Errorf("%w: complaints log header", ErrInvalid)
)

// FieldError describes one bad input: which field, its value (quoted and
// clipped) and the sentinel of this package it breaks, which it wraps. It is
// the one bad-input error of civitas, the same type in every package (see
// internal/DESIGN.md).
type FieldError = errs.FieldError

// TransitionError reports a lifecycle event a case refused: the state it
// was in, the event, and why. Err is [ErrInvalidTransition] when the state
// does not allow the event, or the failed preconditions, joined, when it
// does but the event's details or timing are wrong.
type TransitionError struct {
	// State is the case's state when the event was refused.
	State State
	// Event is the refused event.
	Event Event
	// Err holds the reasons.
	Err error
}

// Error returns "concerns: cannot EVENT in state STATE: REASONS".
func (e *TransitionError) Error() string {
	if e == nil {
		return "concerns: <nil TransitionError>"
	}
	return fmt.Sprintf("concerns: cannot %s a case in state %s: %v", e.Event.verb(), states.Text(e.State), e.Err)
}

// Unwrap returns the reasons, for errors.Is and errors.As.
func (e *TransitionError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// RowError is the reason a row of a complaints log was refused, in whole or
// from one step on: the row's number as a spreadsheet shows it (the header
// is row 1) and the reason, which it wraps.
type RowError struct {
	// Row is the row's number: 1 is the header, 2 the first data row. A
	// quoted field that spans lines still makes one row, as in a
	// spreadsheet.
	Row int
	// Err is the reason.
	Err error
}

// Error returns "row N: reason".
func (e *RowError) Error() string {
	if e == nil {
		return "concerns: <nil RowError>"
	}
	return fmt.Sprintf("concerns: row %d: %v", e.Row, e.Err)
}

// Unwrap returns the reason.
func (e *RowError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// invalidName builds the error of an undeclared enum value or unknown name.
func invalidName(field, value string) error {
	return &FieldError{Field: field, Value: value, Err: ErrInvalid}
}

// fieldErr builds a *FieldError quoting value (clipped).
func fieldErr(field, value string, err error) error {
	return &FieldError{Field: field, Value: quote(value), Err: err}
}

// decodeErr wraps an error of encoding/json or encoding/csv in [ErrInvalid],
// keeping it in the chain for errors.As; errors of this package pass
// through.
func decodeErr(err error) error {
	var te *TransitionError
	if errors.As(err, &te) {
		return err
	}
	return errs.Decode(err, ErrInvalid)
}

// quote returns s quoted for an error message, clipped to 64 bytes on a
// rune boundary so that an error never repeats a whole hostile input.
func quote(s string) string { return strconv.Quote(errs.Clip(s)) }

// plural writes n with its noun in the right number: "1 case", "2 cases".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// joinWords joins words as running text: "a", "a and b", "a, b and c".
func joinWords(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
