package engagement

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/civitas-go/civitas/internal/errs"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
)

// Participant is a person who takes part in a process: a pseudonymous ID and
// the profile an eligibility rule is checked against and representativeness
// is measured on (see [stakeholder.Profile]). When the person is also on the
// stakeholder map, use the stakeholder's ID, so that a plan can see whom the
// process actually reached.
//
// A process holds one profile per participant ID: the first record of a
// person (a contribution, a registration or an attendance) fixes it, and a
// later record with a different profile is refused with
// [ErrProfileConflict], so that a person is never counted in two groups.
//
// The zero value has a Nil ID and is invalid.
type Participant struct {
	// ID is the person's pseudonymous ID; never Nil.
	ID uuid.UUID `json:"id"`
	// Profile is what is known of the person: age band, sex, area, residency.
	Profile stakeholder.Profile `json:"profile"`
}

// Validate reports a Nil ID, every problem with the profile, and a profile
// category that is not valid UTF-8 (encoding/json would replace it, and the
// JSON round trip would not be exact), joined; they wrap [ErrInvalid] and
// [stakeholder.ErrInvalidProfile].
func (p Participant) Validate() error {
	return errors.Join(checkID("participant.id", p.ID), p.Profile.Validate(),
		checkOptionalText("participant.profile.sex", p.Profile.Sex), checkOptionalText("participant.profile.area", p.Profile.Area))
}

// Eligibility says who may contribute to a process, checked against each
// contributor's profile. Every condition that is set must hold. The zero
// value admits everyone.
//
// Eligibility is checked on contributions only: anyone may register for or
// attend an activity (a public meeting is public), but only an eligible
// person's input counts.
type Eligibility struct {
	// MinAge is the youngest age admitted, 0 for no limit. A profile is
	// admitted only when its whole age band is at least MinAge (see
	// [stakeholder.AgeBand.AtLeast]): an unknown age band, or one that
	// straddles the limit, is refused, since the person may be too young.
	MinAge int `json:"min_age,omitempty"`
	// Areas lists the area codes admitted; empty admits every area. A
	// profile with an unknown area is refused when the list is not empty.
	Areas []string `json:"areas,omitempty"`
	// ResidentsOnly admits only residents of the authority's territory.
	ResidentsOnly bool `json:"residents_only,omitempty"`
}

// maxAge bounds MinAge: no age band starts above it, and a limit beyond it is
// a typo that would exclude everyone.
const maxAge = 120

// Validate reports a MinAge outside 0–120 and a blank, invalid or repeated
// area, joined; each wraps [ErrInvalid] or [ErrDuplicate].
func (e Eligibility) Validate() error {
	var errs problems
	if e.MinAge < 0 || e.MinAge > maxAge {
		errs.add(fieldErr("eligibility.min_age", strconv.Itoa(e.MinAge)+" (want 0 to "+strconv.Itoa(maxAge)+")", ErrInvalid))
	}
	seen := make(map[string]int, len(e.Areas))
	for i, a := range e.Areas {
		field := fmt.Sprintf("eligibility.areas[%d]", i)
		if err := checkText(field, a); err != nil {
			errs.add(err)
		} else if first, dup := seen[a]; dup {
			errs.add(fieldErr(field, a, fmt.Errorf("%w: also eligibility.areas[%d]", ErrDuplicate, first)))
		} else {
			seen[a] = i
		}
	}
	return errors.Join(errs...)
}

// Admits returns nil when the profile meets every condition, and otherwise
// one error per unmet condition, joined, each a [*FieldError] wrapping
// [ErrNotEligible] that names the profile field. It scans Areas; a process
// checks its contributors against a set built once.
func (e Eligibility) Admits(p stakeholder.Profile) error {
	return e.admits(p, func(area string) bool { return slices.Contains(e.Areas, area) })
}

// admits is Admits with the test of an area's eligibility given.
func (e Eligibility) admits(p stakeholder.Profile, listed func(string) bool) error {
	var found problems
	if e.MinAge > 0 && !p.AgeBand.AtLeast(e.MinAge) {
		found.add(fieldErrWant("profile.age_band", p.AgeBand.Label(), fmt.Sprintf("an age band entirely at or above %d", e.MinAge), ErrNotEligible))
	}
	if len(e.Areas) > 0 && !listed(p.Area) {
		found.add(fieldErrWant("profile.area", p.Area, errs.OneOf(e.Areas), ErrNotEligible))
	}
	if e.ResidentsOnly && !p.Resident {
		found.add(fieldErr("profile.resident", "false", ErrNotEligible))
	}
	return errors.Join(found...)
}

func (e Eligibility) clone() Eligibility {
	e.Areas = slices.Clone(e.Areas)
	return e
}

// Day is the length of a day in the rules' day counts. Days are counted as
// 24-hour periods from the instant that starts them, with no calendar of
// working days or holidays: a 14-day commitment from 10:00 on 3 March runs
// to 10:00 on 17 March (UTC).
const Day = 24 * time.Hour

// maxDays bounds the day counts of [Rules]: ten years, far beyond any
// procedure, and small enough that no deadline overflows.
const maxDays = 3660

// Rules are the formal rules a public body sets for a process and must keep.
// They are plain data: [NewProcess] validates them and the process keeps its
// own copy. The zero value is a valid, permissive set of rules: everyone may
// contribute, no notice, no response commitment, no minimum.
type Rules struct {
	// Eligibility says who may contribute.
	Eligibility Eligibility `json:"eligibility"`
	// NoticeDays is the notice the public gets: the process may open only
	// once this many days have passed since it was announced.
	NoticeDays int `json:"notice_days"`
	// ResponseDays is the response commitment: every contribution is to be
	// answered within this many days of its receipt. 0 means the body makes
	// no such commitment. The process records answers and their times; a
	// late answer is not refused (an answer late is better than none) but
	// shows in the figures.
	ResponseDays int `json:"response_days"`
	// AnswerBeforeDeciding requires every contribution to be answered
	// before the decision is taken.
	AnswerBeforeDeciding bool `json:"answer_before_deciding"`
	// MinParticipants is the number of distinct contributors below which a
	// decision may not be taken, 0 for none.
	MinParticipants int `json:"min_participants"`
}

// Validate reports day counts outside 0–3660 and a negative minimum, and
// every problem with the eligibility rules, joined; each wraps [ErrInvalid]
// or [ErrDuplicate].
func (r Rules) Validate() error {
	var errs problems
	for _, f := range [...]struct {
		name string
		n    int
	}{{"rules.notice_days", r.NoticeDays}, {"rules.response_days", r.ResponseDays}} {
		if f.n < 0 || f.n > maxDays {
			errs.add(fieldErr(f.name, strconv.Itoa(f.n), ErrInvalid))
		}
	}
	if r.MinParticipants < 0 {
		errs.add(fieldErr("rules.min_participants", strconv.Itoa(r.MinParticipants), ErrInvalid))
	}
	errs.add(r.Eligibility.Validate())
	return errors.Join(errs...)
}

// Notice returns the notice period as a duration.
func (r Rules) Notice() time.Duration { return time.Duration(r.NoticeDays) * Day }

// ResponseDeadline returns when an answer to a contribution received at
// received is due, and false when the rules make no response commitment.
func (r Rules) ResponseDeadline(received time.Time) (time.Time, bool) {
	if r.ResponseDays == 0 {
		return time.Time{}, false
	}
	return received.Add(time.Duration(r.ResponseDays) * Day), true
}

func (r Rules) clone() Rules {
	r.Eligibility = r.Eligibility.clone()
	return r
}
