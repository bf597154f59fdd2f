package participation

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/metrics"
)

// Gathering is a self-organised gathering: a street party, a neighbourhood
// meeting, a community clean-up day, organised by residents or a group,
// not by the public body. It records who registered and who attended;
// people may attend without registering (walk-ins), as they do.
//
// A Gathering is not safe for concurrent use. The zero value is not
// usable: create one with [NewGathering] or decode one from JSON.
type Gathering struct {
	id         uuid.UUID
	title      string
	organiser  uuid.UUID
	at         time.Time
	area       string
	registered map[uuid.UUID]bool
	attended   map[uuid.UUID]bool
}

// NewGathering returns a gathering organised by organiser (a group or a
// person) at time at in area ("" for none). It returns every problem,
// joined, each wrapping [ErrInvalid]: a nil ID or organiser, an empty or
// padded title, a padded area, a zero or out-of-range time.
func NewGathering(id uuid.UUID, title string, organiser uuid.UUID, at time.Time, area string) (*Gathering, error) {
	errs := checkIdentity("gathering", id, "title", title)
	if organiser == uuid.Nil {
		errs = append(errs, invalidf("organiser ID is nil"))
	}
	if err := checkTime("gathering time", at); err != nil {
		errs = append(errs, err)
	}
	if err := checkTrimmed("gathering area", area); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &Gathering{id: id, title: title, organiser: organiser, at: at.UTC(), area: area,
		registered: make(map[uuid.UUID]bool), attended: make(map[uuid.UUID]bool)}, nil
}

// ID returns the gathering's ID.
func (g *Gathering) ID() uuid.UUID { return g.id }

// Title returns the gathering's title.
func (g *Gathering) Title() string { return g.title }

// Organiser returns the group or person organising it.
func (g *Gathering) Organiser() uuid.UUID { return g.organiser }

// At returns when the gathering takes place, in UTC.
func (g *Gathering) At() time.Time { return g.at }

// Area returns the area code where it takes place, or "".
func (g *Gathering) Area() string { return g.area }

// Register records that person registered and reports whether they were
// new; registering again changes nothing. It returns [ErrInvalid] for a nil
// person.
func (g *Gathering) Register(person uuid.UUID) (bool, error) { return addOnce(g.registered, person) }

// Attend records that person attended and reports whether they were new;
// attending again changes nothing. A person need not have registered. It
// returns [ErrInvalid] for a nil person.
func (g *Gathering) Attend(person uuid.UUID) (bool, error) { return addOnce(g.attended, person) }

// addOnce adds person to set and reports whether they were new.
func addOnce(set map[uuid.UUID]bool, person uuid.UUID) (bool, error) {
	if person == uuid.Nil {
		return false, invalidf("person ID is nil")
	}
	if set[person] {
		return false, nil
	}
	set[person] = true
	return true, nil
}

// Registered returns the number of people who registered.
func (g *Gathering) Registered() int { return len(g.registered) }

// Attendance returns the number of people who attended, walk-ins included.
func (g *Gathering) Attendance() int { return len(g.attended) }

// WalkIns returns the number who attended without registering.
func (g *Gathering) WalkIns() int {
	n := 0
	for p := range g.attended {
		if !g.registered[p] {
			n++
		}
	}
	return n
}

// AttendanceRate returns the share of registered people who attended
// (metrics.AttendanceRate: walk-ins count in neither number), undefined
// when nobody registered.
func (g *Gathering) AttendanceRate() metrics.Ratio {
	shown := int64(g.Attendance() - g.WalkIns())
	// Registered attendees are a subset of the registered: it cannot fail.
	r, _ := metrics.AttendanceRate(shown, int64(g.Registered()))
	return r
}

type gatheringJSON struct {
	ID         uuid.UUID   `json:"id"`
	Title      string      `json:"title"`
	Organiser  uuid.UUID   `json:"organiser"`
	At         time.Time   `json:"at"`
	Area       string      `json:"area,omitempty"`
	Registered []uuid.UUID `json:"registered"`
	Attended   []uuid.UUID `json:"attended"`
}

// sortedIDs returns the set's IDs in increasing order, so the same
// gathering always encodes to the same bytes.
func sortedIDs(set map[uuid.UUID]bool) []uuid.UUID {
	return slices.SortedFunc(maps.Keys(set), func(a, b uuid.UUID) int { return slices.Compare(a[:], b[:]) })
}

// MarshalJSON writes the gathering with its registered and attending
// people, each list in increasing order of ID.
func (g *Gathering) MarshalJSON() ([]byte, error) {
	return json.Marshal(gatheringJSON{ID: g.id, Title: g.title, Organiser: g.organiser, At: g.at, Area: g.area,
		Registered: sortedIDs(g.registered), Attended: sortedIDs(g.attended)})
}

// UnmarshalJSON reads what MarshalJSON writes, validating as
// [NewGathering] does and rejecting a nil or repeated person ([ErrInvalid]).
// On error the gathering is unchanged.
func (g *Gathering) UnmarshalJSON(data []byte) error {
	var w gatheringJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return decodeErr(err)
	}
	got, err := NewGathering(w.ID, w.Title, w.Organiser, w.At, w.Area)
	if err != nil {
		return err
	}
	for _, list := range [...]struct {
		name string
		ids  []uuid.UUID
		set  map[uuid.UUID]bool
	}{{"registered", w.Registered, got.registered}, {"attended", w.Attended, got.attended}} {
		for i, id := range list.ids {
			added, err := addOnce(list.set, id)
			if err != nil {
				return fmt.Errorf("%s[%d]: %w", list.name, i, err)
			}
			if !added {
				return invalidf("%s[%d] %s listed twice", list.name, i, id)
			}
		}
	}
	*g = *got
	return nil
}
