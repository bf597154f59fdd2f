package errs

import "time"

// TimeOrderError describes a change refused because of its time: dated
// before a time already recorded that it must follow (or, rarely, at or
// after one it must precede, such as a registration after the activity
// ended): which time was given, and which recorded time blocks it, so that
// whoever entered it can see what to correct. It wraps the package's ErrTimeOrder (Err), so that errors.Is
// matches it, and every package exports it under the name TimeOrderError
// (a type alias). Error works on a nil or zero receiver.
type TimeOrderError struct {
	// Field names the refused time, such as "at" or "history[3].at".
	Field string
	// At is the refused time.
	At time.Time
	// Blocker names the recorded time that blocks it, for people, as a
	// noun phrase that says how: "the latest recorded change", "the
	// opening", "the end of the activity".
	Blocker string
	// BlockerAt is that recorded time.
	BlockerAt time.Time
	// Err is the package's ErrTimeOrder.
	Err error
}

// Error returns "SENTINEL: FIELD = AT, blocked by BLOCKER at BLOCKER_AT",
// with times in RFC 3339, leaving out what is empty.
func (e *TimeOrderError) Error() string {
	msg := "time before a recorded time"
	if e == nil {
		return msg
	}
	if e.Err != nil {
		msg = e.Err.Error()
	}
	field := e.Field
	if field == "" {
		field = "time"
	}
	msg += ": " + field
	if !e.At.IsZero() {
		msg += " = " + e.At.UTC().Format(time.RFC3339Nano)
	}
	if e.Blocker != "" || !e.BlockerAt.IsZero() {
		msg += ", blocked by"
		if e.Blocker != "" {
			msg += " " + e.Blocker
		}
		if !e.BlockerAt.IsZero() {
			msg += " at " + e.BlockerAt.UTC().Format(time.RFC3339Nano)
		}
	}
	return msg
}

// Unwrap returns the sentinel, for errors.Is; nil for a nil receiver.
func (e *TimeOrderError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}
