package stakeholder

import (
	"encoding/json"
)

// mapJSON is the wire form of a Map: three arrays in map order.
type mapJSON struct {
	Stakeholders  []*Stakeholder `json:"stakeholders"`
	Relationships []Relationship `json:"relationships"`
	Interactions  []Interaction  `json:"interactions"`
}

// MarshalJSON writes the map as an object with three arrays, each in map
// order: "stakeholders" (see [Stakeholder.MarshalJSON]), "relationships"
// and "interactions". Times are RFC 3339 in UTC; enums are their text names.
// Decoding what it writes gives back an equal map, and encoding that again
// gives the same bytes.
func (m *Map) MarshalJSON() ([]byte, error) {
	w := mapJSON{
		Stakeholders:  m.people,
		Relationships: m.rels,
		Interactions:  m.log,
	}
	if w.Stakeholders == nil {
		w.Stakeholders = []*Stakeholder{}
	}
	if w.Relationships == nil {
		w.Relationships = []Relationship{}
	}
	if w.Interactions == nil {
		w.Interactions = []Interaction{}
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes into m, replacing its
// contents. It rebuilds the map through [New], [Map.Add],
// [Map.AddRelationship] and [Map.Log], in document order, so it accepts
// exactly what they accept: a Nil or repeated ID, a score off its scale, an
// edge to a stakeholder not in the document, a reply to an interaction not
// before it, an unknown field: each rejects the whole document with the
// error those methods return, and m is left unchanged.
func (m *Map) UnmarshalJSON(b []byte) error {
	var w mapJSON
	if err := decodeStrict(b, &w); err != nil {
		return err
	}
	fresh := &Map{}
	for _, s := range w.Stakeholders {
		if err := fresh.Add(s); err != nil {
			return err
		}
	}
	for _, r := range w.Relationships {
		if err := fresh.AddRelationship(r); err != nil {
			return err
		}
	}
	for _, x := range w.Interactions {
		if err := fresh.Log(x); err != nil {
			return err
		}
	}
	*m = *fresh
	return nil
}
