package concerns

import (
	"errors"
	"strconv"
)

// Rules are the organisation's published rules for handling concerns and
// complaints: how fast it acknowledges and answers, how far it may extend,
// whether waiting for the complainant stops the clock, and how many levels
// of review a complainant may appeal through. A grievance mechanism's
// rules are public so that complainants know what to expect and can hold
// the organisation to it (IFC Performance Standard 1 "transparent", ISO
// 10002 "visibility" and "responsiveness").
//
// The rules are fixed for the life of a [Register]; publishing new rules
// starts a new register. All periods are whole days of 24 hours. The zero
// value is invalid; [DefaultRules] is a common choice.
type Rules struct {
	// AcknowledgeWithinDays is the deadline to acknowledge a case, in days
	// after it was received: 1 to 365.
	AcknowledgeWithinDays int `json:"acknowledge_within_days"`
	// ProposeWithinDays is the deadline to propose a resolution, in days
	// after the case was received: from AcknowledgeWithinDays to 365.
	ProposeWithinDays int `json:"propose_within_days"`
	// MaxExtensionDays is how many days in all the resolution deadline may
	// be extended by, with a reason: 0 (no extension) to 365.
	MaxExtensionDays int `json:"max_extension_days"`
	// Levels is the number of levels of review, 1 to 9: the first handler
	// (an officer), then each level a complainant may appeal to (a manager,
	// an independent panel). A case may be escalated while its level is
	// below Levels.
	Levels int `json:"levels"`
	// PauseStopsClock adds the time a case waits for information from the
	// complainant to its resolution deadline.
	PauseStopsClock bool `json:"pause_stops_clock"`
}

// DefaultRules returns rules many public bodies and projects publish:
// acknowledge within 2 days, propose a resolution within 15 days (10
// working days), extendable by 15 days, three levels of review (officer,
// manager, independent panel), and the clock stopped while the
// complainant is asked for information.
func DefaultRules() Rules {
	return Rules{AcknowledgeWithinDays: 2, ProposeWithinDays: 15, MaxExtensionDays: 15, Levels: 3, PauseStopsClock: true}
}

// maxDays is the longest period the rules may set.
const maxDays = 365

// Validate returns nil for valid rules and otherwise a [*FieldError]
// wrapping [ErrOutOfRange] for each number outside its range, joined.
func (r Rules) Validate() error {
	var errs []error
	check := func(field string, v, lo, hi int) {
		if v < lo || v > hi {
			errs = append(errs, &FieldError{Field: field, Value: strconv.Itoa(v) + " (want " + strconv.Itoa(lo) + " to " + strconv.Itoa(hi) + ")", Err: ErrOutOfRange})
		}
	}
	check("rules.acknowledge_within_days", r.AcknowledgeWithinDays, 1, maxDays)
	check("rules.propose_within_days", r.ProposeWithinDays, max(1, r.AcknowledgeWithinDays), maxDays)
	check("rules.max_extension_days", r.MaxExtensionDays, 0, maxDays)
	check("rules.levels", r.Levels, 1, 9)
	return errors.Join(errs...)
}
