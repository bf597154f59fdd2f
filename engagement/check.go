package engagement

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Shared input checks. Each returns nil or a *FieldError wrapping ErrInvalid
// that names the field, so that a constructor, a method and the JSON decoder
// reject the same inputs with the same error.

// checkID rejects uuid.Nil: every ID in a process must name something.
func checkID(field string, id uuid.UUID) error {
	if id == uuid.Nil {
		return fieldErr(field, id.String(), ErrInvalid)
	}
	return nil
}

// checkText requires a non-empty, valid UTF-8 text without surrounding
// white space: the one text rule of civitas (see [Process]). Nothing is
// trimmed or rewritten: invalid UTF-8 is rejected because encoding/json
// would replace it, and surrounding space because it would be kept
// invisibly, or make one label two.
func checkText(field, s string) error {
	if strings.TrimSpace(s) != s || s == "" || !utf8.ValidString(s) {
		return fieldErr(field, s, ErrInvalid)
	}
	return nil
}

// checkOptionalText accepts "" or what checkText accepts.
func checkOptionalText(field, s string) error {
	if s == "" {
		return nil
	}
	return checkText(field, s)
}

// checkTime requires a non-zero time that int64 nanoseconds since the Unix
// epoch can hold (years 1678 to 2262): the process stores its bulk records'
// times that way, and zero times mark what has not happened.
func checkTime(field string, t time.Time) error {
	if t.IsZero() || !time.Unix(0, t.UnixNano()).Equal(t) {
		return fieldErr(field, t.String(), ErrInvalid)
	}
	return nil
}

// checkSpan requires valid start and end times, the end after the start;
// the fields are named field.start and field.end.
func checkSpan(field string, start, end time.Time) error {
	if err := errors.Join(checkTime(field+".start", start), checkTime(field+".end", end)); err != nil {
		return err
	}
	if !end.After(start) {
		return fieldErr(field+".end", end.String(), ErrInvalid)
	}
	return nil
}

// checkCount rejects a negative count.
func checkCount(field string, n int64) error {
	if n < 0 {
		return fieldErr(field, strconv.FormatInt(n, 10), ErrInvalid)
	}
	return nil
}

// stamp returns t as nanoseconds since the Unix epoch; t must have passed
// checkTime.
func stamp(t time.Time) int64 { return t.UnixNano() }

// unstamp returns the UTC time of a stamp.
func unstamp(n int64) time.Time { return time.Unix(0, n).UTC() }

// utc returns t in UTC without a monotonic clock reading, the form in which
// the process keeps and writes every time.
func utc(t time.Time) time.Time { return t.UTC().Round(0) }

// checkReason requires a reason that is not blank ([ErrReasonRequired])
// and that checkText accepts ([ErrInvalid]).
func checkReason(field, reason string) error {
	if strings.TrimSpace(reason) == "" {
		return fieldErr(field, reason, ErrReasonRequired)
	}
	return checkText(field, reason)
}

// checkIndexLimit refuses a record that would not fit the int32 indexes of
// the compact records: a process holds at most math.MaxInt32-1 of each.
func checkIndexLimit(field string, n int) error {
	if n >= math.MaxInt32-1 {
		return fieldErr(field, strconv.Itoa(n), ErrLimit)
	}
	return nil
}

// problems collects the errors a check finds. add skips nils, so a check
// that finds nothing allocates nothing: the hot paths (a million
// contributions) stay allocation-free when the input is good.
type problems []error

// add appends the non-nil errors.
func (ps *problems) add(errs ...error) {
	for _, e := range errs {
		if e != nil {
			*ps = append(*ps, e)
		}
	}
}

// checkEnum rejects an undeclared value of one of the package's enums.
func checkEnum(field string, v interface {
	IsValid() bool
	String() string
}) error {
	if !v.IsValid() {
		return fieldErr(field, v.String(), ErrInvalid)
	}
	return nil
}
