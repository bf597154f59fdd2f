package stakeholder

import (
	"bytes"
	"iter"
	"slices"

	"github.com/google/uuid"
)

// Map is a stakeholder map: the stakeholders of one project or programme,
// the relationships between them and the log of interactions with them. It
// is the aggregate that keeps them consistent: every stakeholder has a
// unique, non-Nil ID; every relationship joins two stakeholders in the map;
// every interaction concerns one, and every reply answers an earlier
// interaction with the same stakeholder.
//
// Each method that changes the map checks all its preconditions first and,
// when one fails, returns an error and leaves the map exactly as it was.
//
// Iteration follows the order in which records were added (an update keeps
// the stakeholder's place), so it is deterministic, and JSON keeps it.
//
// The zero value is an empty map ready to use. A Map is not safe for
// concurrent use while it is being changed; any number of goroutines may
// read it at once.
type Map struct {
	people   []*Stakeholder
	index    map[uuid.UUID]int // ID → position in people
	rels     []Relationship
	relIndex map[relKey]int // → position in rels
	log      []Interaction
	logIndex map[uuid.UUID]int // interaction ID → position in log
}

// NewMap returns an empty map.
func NewMap() *Map { return &Map{} }

// Len returns the number of stakeholders.
func (m *Map) Len() int { return len(m.people) }

// Get returns the stakeholder with the given ID, or false when there is none.
func (m *Map) Get(id uuid.UUID) (*Stakeholder, bool) {
	i, ok := m.index[id]
	if !ok {
		return nil, false
	}
	return m.people[i], true
}

// All returns the stakeholders in the order they were added.
func (m *Map) All() iter.Seq[*Stakeholder] { return m.Select() }

// Add puts s in the map. A nil s is an [ErrInvalid] error and an ID already
// in the map an [ErrDuplicate] one, each an [*FieldError] naming the stakeholder.
func (m *Map) Add(s *Stakeholder) error {
	if s == nil {
		return &FieldError{Field: "stakeholder", Value: "nil", Err: ErrInvalid}
	}
	if _, dup := m.index[s.id]; dup {
		return &FieldError{Field: field("stakeholder", s.id, ""), Err: ErrDuplicate}
	}
	if m.index == nil {
		m.index = make(map[uuid.UUID]int)
	}
	m.index[s.id] = len(m.people)
	m.people = append(m.people, s)
	return nil
}

// Update replaces the stakeholder that has s's ID with s, in the same place;
// its relationships and interactions stay. A nil s is an [ErrInvalid] error,
// an ID not in the map an [ErrNotFound] one.
func (m *Map) Update(s *Stakeholder) error {
	if s == nil {
		return &FieldError{Field: "stakeholder", Value: "nil", Err: ErrInvalid}
	}
	i, ok := m.index[s.id]
	if !ok {
		return &FieldError{Field: field("stakeholder", s.id, ""), Err: ErrNotFound}
	}
	m.people[i] = s
	return nil
}

// Remove takes the stakeholder out of the map together with every
// relationship it is part of and every interaction logged with it, so no
// record is left pointing at nothing (and a person's data goes when they
// do). An ID not in the map is an [ErrNotFound] error.
func (m *Map) Remove(id uuid.UUID) error {
	i, ok := m.index[id]
	if !ok {
		return &FieldError{Field: "stakeholder", Value: id.String(), Err: ErrNotFound}
	}
	m.people = slices.Delete(m.people, i, i+1)
	delete(m.index, id)
	for j := i; j < len(m.people); j++ {
		m.index[m.people[j].id] = j
	}
	m.rels = slices.DeleteFunc(m.rels, func(r Relationship) bool { return r.From == id || r.To == id })
	m.log = slices.DeleteFunc(m.log, func(x Interaction) bool { return x.Stakeholder == id })
	m.reindex()
	return nil
}

// reindex rebuilds the relationship and interaction indexes after a removal.
func (m *Map) reindex() {
	m.relIndex = make(map[relKey]int, len(m.rels))
	for i, r := range m.rels {
		m.relIndex[r.key()] = i
	}
	m.logIndex = make(map[uuid.UUID]int, len(m.log))
	for i, x := range m.log {
		m.logIndex[x.ID] = i
	}
}

// Filter selects stakeholders: it reports whether s is wanted. The
// constructors below build the usual ones; any func of this type works.
type Filter func(s *Stakeholder) bool

// OfKind selects the stakeholders of kind k.
func OfKind(k Kind) Filter { return func(s *Stakeholder) bool { return s.kind == k } }

// InQuadrant selects the stakeholders that g places in quadrant q.
func InQuadrant(g Grid, q Quadrant) Filter {
	return func(s *Stakeholder) bool { return g.Quadrant(s) == q }
}

// InClass selects the stakeholders of salience class c.
func InClass(c SalienceClass) Filter {
	return func(s *Stakeholder) bool { return s.Salience() == c }
}

// InArea selects the stakeholders of area a ("" selects those with no area).
func InArea(a string) Filter { return func(s *Stakeholder) bool { return s.area == a } }

// Tagged selects the stakeholders that carry tag.
func Tagged(tag string) Filter { return func(s *Stakeholder) bool { return s.HasTag(tag) } }

// GapAtLeast selects the stakeholders whose attitude gap is n or more:
// GapAtLeast(1) is everyone the team still has to move towards support.
func GapAtLeast(n int) Filter { return func(s *Stakeholder) bool { return s.AttitudeGap() >= n } }

// Select returns the stakeholders that pass every filter, in map order. With
// no filters it returns them all.
func (m *Map) Select(filters ...Filter) iter.Seq[*Stakeholder] {
	return func(yield func(*Stakeholder) bool) {
	next:
		for _, s := range m.people {
			for _, f := range filters {
				if !f(s) {
					continue next
				}
			}
			if !yield(s) {
				return
			}
		}
	}
}

// QuadrantCounts returns how many stakeholders g places in each quadrant;
// every quadrant has an entry, zero included.
func (m *Map) QuadrantCounts(g Grid) map[Quadrant]int {
	var n [5]int
	for _, s := range m.people {
		n[g.Quadrant(s)]++
	}
	out := make(map[Quadrant]int, 4)
	for _, q := range Quadrants() {
		out[q] = n[q]
	}
	return out
}

// SalienceCounts returns how many stakeholders fall in each salience class;
// every class has an entry, zero included.
func (m *Map) SalienceCounts() map[SalienceClass]int {
	var n [9]int
	for _, s := range m.people {
		n[s.Salience()]++
	}
	out := make(map[SalienceClass]int, 8)
	for _, c := range SalienceClasses() {
		out[c] = n[c]
	}
	return out
}

// Prioritised returns the stakeholders sorted by [Grid.ComparePriority]:
// the ones that need the most attention first.
func (m *Map) Prioritised(g Grid) []*Stakeholder {
	out := slices.Clone(m.people)
	slices.SortFunc(out, g.ComparePriority)
	return out
}

func compareIDs(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) }
