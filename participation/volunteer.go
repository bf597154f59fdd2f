package participation

import (
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/metrics"
)

// VolunteerActivity is a volunteer activity: a clean-up, a repair café, a food-share
// rota, with the time each volunteer gave. Time is kept in exact whole
// minutes, never as fractional hours, so totals add up exactly; hours are
// reported as exact ratios (minutes / 60).
//
// An VolunteerActivity is not safe for concurrent use. The zero value is not usable:
// create one with [NewActivity] or decode one from JSON.
type VolunteerActivity struct {
	id        uuid.UUID
	title     string
	organiser uuid.UUID
	shifts    []Shift
}

// Shift is time one volunteer gave to an activity. The zero value is not a
// valid shift.
type Shift struct {
	// Person is the volunteer's ID.
	Person uuid.UUID `json:"person"`
	// At is when the shift started, in UTC; it decides which period the
	// time counts in.
	At time.Time `json:"at"`
	// Minutes is the time given, in whole minutes, 1 to 1440.
	Minutes int64 `json:"minutes"`
}

// maxShiftMinutes bounds one shift to a day: a longer entry is a typing
// error more often than a volunteer's marathon.
const maxShiftMinutes = 24 * 60

// validate reports what is wrong with the shift.
func (s Shift) validate() error {
	if s.Person == uuid.Nil {
		return invalidf("volunteer ID is nil")
	}
	if err := checkTime("shift time", s.At); err != nil {
		return err
	}
	if s.Minutes < 1 || s.Minutes > maxShiftMinutes {
		return invalidf("shift of %d minutes outside 1..%d", s.Minutes, maxShiftMinutes)
	}
	return nil
}

// NewActivity returns an activity with no time logged yet. organiser is the
// group or person running it. It returns every problem, joined, each
// wrapping [ErrInvalid]: a nil ID or organiser, an empty or padded title.
func NewActivity(id uuid.UUID, title string, organiser uuid.UUID) (*VolunteerActivity, error) {
	errs := checkIdentity("activity", id, "title", title)
	if organiser == uuid.Nil {
		errs = append(errs, invalidf("organiser ID is nil"))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &VolunteerActivity{id: id, title: title, organiser: organiser}, nil
}

// ID returns the activity's ID.
func (a *VolunteerActivity) ID() uuid.UUID { return a.id }

// Title returns the activity's title.
func (a *VolunteerActivity) Title() string { return a.title }

// Organiser returns the group or person running the activity.
func (a *VolunteerActivity) Organiser() uuid.UUID { return a.organiser }

// Log records that person gave d of time starting at at. d must be a whole
// number of minutes from 1 minute to 24 hours; the same person may log
// several shifts. It returns [ErrInvalid] for a nil person, a zero or
// out-of-range time, or a bad duration, changing nothing.
func (a *VolunteerActivity) Log(person uuid.UUID, at time.Time, d time.Duration) error {
	if d%time.Minute != 0 {
		return invalidf("duration %s is not whole minutes", d)
	}
	s := Shift{Person: person, At: at.UTC(), Minutes: int64(d / time.Minute)}
	if err := s.validate(); err != nil {
		return err
	}
	a.shifts = append(a.shifts, s)
	return nil
}

// Shifts yields the shifts in the order logged.
func (a *VolunteerActivity) Shifts() iter.Seq[Shift] { return slices.Values(a.shifts) }

// Minutes returns the total minutes person gave to the activity.
func (a *VolunteerActivity) Minutes(person uuid.UUID) int64 {
	var n int64
	for _, s := range a.shifts {
		if s.Person == person {
			n += s.Minutes
		}
	}
	return n
}

type activityJSON struct {
	ID        uuid.UUID `json:"id"`
	Title     string    `json:"title"`
	Organiser uuid.UUID `json:"organiser"`
	Shifts    []Shift   `json:"shifts"`
}

// MarshalJSON writes the activity and its shifts in the order logged.
func (a *VolunteerActivity) MarshalJSON() ([]byte, error) {
	return json.Marshal(activityJSON{ID: a.id, Title: a.title, Organiser: a.organiser, Shifts: a.shifts})
}

// UnmarshalJSON reads what MarshalJSON writes, validating as
// [NewActivity] and [VolunteerActivity.Log] do. On error the activity is unchanged.
func (a *VolunteerActivity) UnmarshalJSON(data []byte) error {
	var w activityJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return decodeErr(err)
	}
	got, err := NewActivity(w.ID, w.Title, w.Organiser)
	if err != nil {
		return err
	}
	for i, s := range w.Shifts {
		if err := s.validate(); err != nil {
			return fmt.Errorf("shifts[%d]: %w", i, err)
		}
		s.At = s.At.UTC()
		got.shifts = append(got.shifts, s)
	}
	*a = *got
	return nil
}

// VolunteerFigures sums up volunteering in one period across activities:
// the indicators a civic engagement specialist is judged by. The zero
// value is the figures of no volunteering with undefined ratios.
type VolunteerFigures struct {
	// Period is the period summed up.
	Period metrics.Period
	// Volunteers is the number of distinct people who logged time in it.
	Volunteers int64
	// Minutes is the total time they gave, in minutes.
	Minutes int64
	// ParticipationRate is the volunteer participation rate:
	// volunteers / eligible people (metrics.Turnout), where eligible is
	// the population the activities draw on: the group's members, the
	// area's residents.
	ParticipationRate metrics.Ratio
	// HoursPerVolunteer is the mean time given, in hours, exactly:
	// minutes / (60 × volunteers); undefined with no volunteer.
	HoursPerVolunteer metrics.Ratio
}

// SummarizeVolunteering returns the volunteer figures of the shifts in
// period (the zero Period takes every shift) across activities, counting
// each person once however many shifts and activities they gave time to.
// It returns [ErrInvalid] for an invalid period or a nil activity, and
// the errors of metrics.Turnout ([metrics.ErrNegative],
// [metrics.ErrPartExceedsWhole] when there are more volunteers than
// eligible people) and [metrics.ErrOverflow] for a total beyond int64.
func SummarizeVolunteering(activities []*VolunteerActivity, period metrics.Period, eligible int64) (VolunteerFigures, error) {
	if err := checkActivities(activities, period); err != nil {
		return VolunteerFigures{}, err
	}
	var people metrics.DistinctCounter[uuid.UUID]
	var minutes int64
	for s := range shiftsIn(activities, period) {
		people.Add(s.Person)
		// Each shift is at most 1440 minutes, so this overflows only past
		// 6·10¹⁵ shifts: checked anyway, as counts must never wrap.
		if minutes > (1<<63-1)-s.Minutes {
			return VolunteerFigures{}, metrics.ErrOverflow
		}
		minutes += s.Minutes
	}
	n := people.Count()
	rate, err := metrics.Turnout(n, eligible)
	if err != nil {
		return VolunteerFigures{}, err
	}
	if n > (1<<63-1)/60 {
		return VolunteerFigures{}, metrics.ErrOverflow
	}
	// Both counts are non-negative: NewRatio cannot fail.
	hours, _ := metrics.NewRatio(minutes, 60*n)
	return VolunteerFigures{Period: period, Volunteers: n, Minutes: minutes, ParticipationRate: rate, HoursPerVolunteer: hours}, nil
}

// VolunteerRetention returns the share of the volunteers of the earlier
// period who gave time again in the later one (metrics.RetentionOf, the
// volunteer retention rate of the Corporation for National and Community
// Service), across activities: a person counts once per period. It is
// undefined when nobody volunteered in the earlier period. It returns
// [ErrInvalid] for an invalid period or a nil activity.
func VolunteerRetention(activities []*VolunteerActivity, earlier, later metrics.Period) (metrics.Ratio, error) {
	if err := checkActivities(activities, earlier); err != nil {
		return metrics.Ratio{}, err
	}
	if err := checkPeriod("later", later); err != nil {
		return metrics.Ratio{}, err
	}
	people := func(p metrics.Period) iter.Seq[uuid.UUID] {
		return func(yield func(uuid.UUID) bool) {
			for s := range shiftsIn(activities, p) {
				if !yield(s.Person) {
					return
				}
			}
		}
	}
	return metrics.RetentionOf(people(earlier), people(later)), nil
}

// checkActivities checks the inputs shared by the volunteer figures.
func checkActivities(activities []*VolunteerActivity, period metrics.Period) error {
	if slices.Contains(activities, nil) {
		return invalidf("nil activity")
	}
	return checkPeriod("period", period)
}

// shiftsIn yields the shifts of activities that start in period.
func shiftsIn(activities []*VolunteerActivity, period metrics.Period) iter.Seq[Shift] {
	return func(yield func(Shift) bool) {
		for _, a := range activities {
			for _, s := range a.shifts {
				if period.Contains(s.At) && !yield(s) {
					return
				}
			}
		}
	}
}
