package stakeholder

import (
	"iter"
	"strconv"

	"github.com/google/uuid"
)

// RelationType is the kind of tie between two stakeholders. All types but
// PartnerOf are directed: the relationship reads "From <type> To", as in
// "the cycling club is a member of the active-travel alliance". PartnerOf is
// mutual, so From and To may come in either order and name the same tie.
// To record mutual opposition, add Opposes in both directions.
//
// The zero value is invalid. The text form is the lowercase name with
// underscores, such as "covers_as_media".
type RelationType int

// The relationship types.
const (
	RelationTypeMemberOf      RelationType = iota + 1 // From belongs to the group or body To
	RelationTypePartnerOf                             // From and To work together (mutual)
	RelationTypeFunds                                 // From pays for To or its work
	RelationTypeInfluences                            // From sways To's position
	RelationTypeOpposes                               // From works against To
	RelationTypeRepresents                            // From speaks for To
	RelationTypeCoversAsMedia                         // the media outlet From reports on To
)

// Directed reports whether the type reads one way (every type but PartnerOf).
func (t RelationType) Directed() bool { return t.IsValid() && t != RelationTypePartnerOf }

// Label returns the type's name for people, such as "Covers as media".
func (t RelationType) Label() string { return relationTypes.Title(t) }

// Relationship is a typed tie between two stakeholders of a [Map], with the
// team's judgment of its strength on the [Score] scale (1 a passing
// acquaintance, 5 a close and lasting tie). Between two stakeholders there
// is at most one relationship of each type (for PartnerOf, in either order).
//
// Relationship is a plain value; [Map.AddRelationship] checks it. The zero
// value is invalid.
type Relationship struct {
	// From is the stakeholder the relationship reads from.
	From uuid.UUID `json:"from"`
	// To is the stakeholder the relationship reads to.
	To uuid.UUID `json:"to"`
	// Type is the kind of tie.
	Type RelationType `json:"type"`
	// Strength is how strong the tie is, 1 to 5.
	Strength Score `json:"strength"`
}

// relKey identifies a relationship: its type and ends, with the ends of a
// mutual type in ID order so both orders give the same key.
type relKey struct {
	from, to uuid.UUID
	typ      RelationType
}

func (r Relationship) key() relKey {
	k := relKey{from: r.From, to: r.To, typ: r.Type}
	if !r.Type.Directed() && compareIDs(k.from, k.to) > 0 {
		k.from, k.to = k.to, k.from
	}
	return k
}

// check reports what is wrong with r on its own and against the map's
// stakeholders, but not whether it duplicates one.
func (m *Map) checkRelationship(r Relationship) error {
	for _, end := range [...]struct {
		name string
		id   uuid.UUID
	}{{"from", r.From}, {"to", r.To}} {
		if end.id == uuid.Nil {
			return &FieldError{Field: "relationship " + end.name, Value: "(nil)", Err: ErrInvalid}
		}
		if _, ok := m.index[end.id]; !ok {
			return &FieldError{Field: "relationship " + end.name, Value: end.id.String(), Err: ErrNotFound}
		}
	}
	switch {
	case r.From == r.To:
		return relErr(r, "to", "itself", ErrInvalid)
	case !r.Type.IsValid():
		return relErr(r, "type", r.Type.String(), ErrInvalid)
	case !r.Strength.IsValid():
		return relErr(r, "strength", strconv.Itoa(int(r.Strength)), ErrOutOfRange)
	}
	return nil
}

// relErr builds the error of a relationship's field, naming the
// relationship by its ends.
func relErr(r Relationship, name, value string, err error) *FieldError {
	return &FieldError{Field: "relationship " + r.From.String() + " → " + r.To.String() + ": " + name, Value: value, Err: err}
}

// AddRelationship adds r to the map. It rejects a Nil end, a tie from a
// stakeholder to itself or an undeclared type ([ErrInvalid]), an end not in
// the map ([ErrNotFound]), a strength off the scale ([ErrOutOfRange]) and a
// second relationship of the same type between the same ends
// ([ErrDuplicate]), each as an [*FieldError] that names the relationship.
func (m *Map) AddRelationship(r Relationship) error {
	if err := m.checkRelationship(r); err != nil {
		return err
	}
	k := r.key()
	if _, dup := m.relIndex[k]; dup {
		return relErr(r, "type", r.Type.String(), ErrDuplicate)
	}
	if m.relIndex == nil {
		m.relIndex = make(map[relKey]int)
	}
	m.relIndex[k] = len(m.rels)
	m.rels = append(m.rels, r)
	return nil
}

// UpdateRelationship replaces the strength of the relationship with r's type
// and ends. It checks r as AddRelationship does and returns [ErrNotFound]
// when there is no such relationship.
func (m *Map) UpdateRelationship(r Relationship) error {
	if err := m.checkRelationship(r); err != nil {
		return err
	}
	i, ok := m.relIndex[r.key()]
	if !ok {
		return relErr(r, "type", r.Type.String(), ErrNotFound)
	}
	m.rels[i].Strength = r.Strength
	return nil
}

// RemoveRelationship removes the relationship of type t from one stakeholder
// to another (for PartnerOf, in either order). It returns [ErrNotFound] when
// there is none.
func (m *Map) RemoveRelationship(from, to uuid.UUID, t RelationType) error {
	k := Relationship{From: from, To: to, Type: t}.key()
	i, ok := m.relIndex[k]
	if !ok {
		return relErr(Relationship{From: from, To: to}, "type", t.String(), ErrNotFound)
	}
	delete(m.relIndex, k)
	for j := i + 1; j < len(m.rels); j++ {
		m.relIndex[m.rels[j].key()] = j - 1
	}
	m.rels = append(m.rels[:i], m.rels[i+1:]...)
	return nil
}

// Relationships returns every relationship in the order they were added.
func (m *Map) Relationships() iter.Seq[Relationship] {
	return func(yield func(Relationship) bool) {
		for _, r := range m.rels {
			if !yield(r) {
				return
			}
		}
	}
}

// RelationshipsOf returns the relationships that id is an end of, either
// way round, in the order they were added. An unknown id yields nothing.
func (m *Map) RelationshipsOf(id uuid.UUID) iter.Seq[Relationship] {
	return func(yield func(Relationship) bool) {
		for _, r := range m.rels {
			if (r.From == id || r.To == id) && !yield(r) {
				return
			}
		}
	}
}

// Degree returns how many relationships id is an end of, of any type and
// either direction. An unknown id is an [ErrNotFound] error.
func (m *Map) Degree(id uuid.UUID) (int, error) {
	if _, ok := m.index[id]; !ok {
		return 0, &FieldError{Field: "stakeholder", Value: id.String(), Err: ErrNotFound}
	}
	n := 0
	for range m.RelationshipsOf(id) {
		n++
	}
	return n, nil
}

// Neighbours returns the stakeholders tied to id by at least one
// relationship, either way round, each once, in map order. An unknown id is
// an [ErrNotFound] error.
func (m *Map) Neighbours(id uuid.UUID) ([]*Stakeholder, error) {
	if _, ok := m.index[id]; !ok {
		return nil, &FieldError{Field: "stakeholder", Value: id.String(), Err: ErrNotFound}
	}
	seen := make(map[int]bool)
	for r := range m.RelationshipsOf(id) {
		other := r.To
		if other == id {
			other = r.From
		}
		seen[m.index[other]] = true
	}
	var out []*Stakeholder
	for i, s := range m.people {
		if seen[i] {
			out = append(out, s)
		}
	}
	return out, nil
}
