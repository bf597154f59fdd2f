package stakeholder_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
)

// exampleMap builds the map the examples share: a park redevelopment with
// five stakeholders and the ties between them.
func exampleMap() *stakeholder.Map {
	m := stakeholder.NewMap()
	add := func(n int, name string, k stakeholder.Kind, a stakeholder.Assessment) {
		s, err := stakeholder.New(uuid.UUID{15: byte(n)}, stakeholder.Details{Name: name, Kind: k, Assessment: a})
		if err != nil {
			panic(err)
		}
		if err := m.Add(s); err != nil {
			panic(err)
		}
	}
	add(1, "Residents' Association", stakeholder.KindCommunityGroup, stakeholder.Assessment{
		Power: 3, Interest: 5, Legitimacy: 5, Urgency: 4, Attitude: stakeholder.AttitudeResistant, Desired: stakeholder.AttitudeSupportive})
	add(2, "Cllr Okafor", stakeholder.KindElectedOfficial, stakeholder.Assessment{
		Power: 5, Interest: 4, Legitimacy: 5, Urgency: 2, Attitude: stakeholder.AttitudeSupportive, Desired: stakeholder.AttitudeLeading})
	add(3, "Cycling Club", stakeholder.KindCommunityGroup, stakeholder.Assessment{
		Power: 2, Interest: 4, Legitimacy: 3, Urgency: 3, Attitude: stakeholder.AttitudeSupportive, Desired: stakeholder.AttitudeSupportive})
	add(4, "Rivergate Water", stakeholder.KindGovernmentBody, stakeholder.Assessment{
		Power: 5, Interest: 2, Legitimacy: 4, Urgency: 1, Attitude: stakeholder.AttitudeUnaware, Desired: stakeholder.AttitudeNeutral})
	add(5, "Gazette", stakeholder.KindMedia, stakeholder.Assessment{
		Power: 2, Interest: 2, Legitimacy: 2, Urgency: 1, Attitude: stakeholder.AttitudeNeutral, Desired: stakeholder.AttitudeNeutral})
	for _, r := range []stakeholder.Relationship{
		{From: uuid.UUID{15: 1}, To: uuid.UUID{15: 2}, Type: stakeholder.RelationTypeInfluences, Strength: 4},
		{From: uuid.UUID{15: 3}, To: uuid.UUID{15: 2}, Type: stakeholder.RelationTypeInfluences, Strength: 2},
		{From: uuid.UUID{15: 4}, To: uuid.UUID{15: 2}, Type: stakeholder.RelationTypePartnerOf, Strength: 3},
		{From: uuid.UUID{15: 5}, To: uuid.UUID{15: 1}, Type: stakeholder.RelationTypeCoversAsMedia, Strength: 3},
	} {
		if err := m.AddRelationship(r); err != nil {
			panic(err)
		}
	}
	return m
}

// Place stakeholders on Mendelow's grid and read each quadrant's strategy.
func ExampleGrid() {
	m := exampleMap()
	var g stakeholder.Grid // the default cut: a score of 3 or more is high
	for _, q := range stakeholder.Quadrants() {
		var names []string
		for s := range m.Select(stakeholder.InQuadrant(g, q)) {
			names = append(names, s.Name())
		}
		fmt.Printf("%s: %s\n", q.Label(), strings.Join(names, ", "))
	}
	fmt.Println(stakeholder.QuadrantKeepSatisfied.Strategy())
	// Output:
	// Manage closely: Residents' Association, Cllr Okafor
	// Keep satisfied: Rivergate Water
	// Keep informed: Cycling Club
	// Monitor: Gazette
	// Keep satisfied: meet their needs and consult on what touches them, without overloading them.
}

// Classify stakeholders by power, legitimacy and urgency.
func ExampleSalienceOf() {
	// Power 5 and legitimacy 4 reach the cut of 3; urgency 1 does not.
	fmt.Println(stakeholder.SalienceOf(5, 4, 1))
	fmt.Println(stakeholder.SalienceOf(3, 5, 4))
	fmt.Println(stakeholder.SalienceOf(2, 2, 1))
	// Output:
	// dominant
	// definitive
	// none
}

// Count the map by salience class and list who the team must still move.
func ExampleMap_Select() {
	m := exampleMap()
	counts := m.SalienceCounts()
	for _, c := range stakeholder.SalienceClasses() {
		if counts[c] > 0 {
			fmt.Printf("%s %d\n", c, counts[c])
		}
	}
	for s := range m.Select(stakeholder.GapAtLeast(1)) {
		a := s.Assessment()
		fmt.Printf("%s: %s → %s\n", s.Name(), a.Attitude, a.Desired)
	}
	// Output:
	// dominant 2
	// dependent 1
	// definitive 1
	// none 1
	// Residents' Association: resistant → supportive
	// Cllr Okafor: supportive → leading
	// Rivergate Water: unaware → neutral
}

// Rank stakeholders by the attention they need.
func ExampleMap_Prioritised() {
	m := exampleMap()
	for i, s := range m.Prioritised(stakeholder.Grid{}) {
		fmt.Println(i+1, s.Name(), s.Salience())
	}
	// Output:
	// 1 Residents' Association definitive
	// 2 Cllr Okafor dominant
	// 3 Rivergate Water dominant
	// 4 Cycling Club dependent
	// 5 Gazette none
}

// Find the brokers of the relationship network.
func ExampleMap_Brokers() {
	m := exampleMap()
	// Cllr Okafor joins the residents, the club and the utility: the pairs
	// {1,3}, {1,4}, {3,4}, {5,3}, {5,4} all run through the councillor (5).
	// The residents stand between the Gazette and the three others (3).
	for _, b := range m.Brokers(0) {
		fmt.Println(b.Stakeholder.Name(), b.Betweenness)
	}
	// Output:
	// Cllr Okafor 5
	// Residents' Association 3
}

// Log contacts and measure the relationship and the response to inquiries.
func ExampleMap_Strength() {
	m := exampleMap()
	residents := uuid.UUID{15: 1}
	day := func(d int) time.Time { return time.Date(2025, time.March, d, 9, 0, 0, 0, time.UTC) }
	for _, x := range []stakeholder.Interaction{
		{ID: uuid.UUID{0: 1, 15: 1}, Stakeholder: residents, At: day(3), Channel: stakeholder.ChannelEmail,
			Direction: stakeholder.DirectionInbound, Topic: "lawn", Sentiment: -2},
		{ID: uuid.UUID{0: 1, 15: 2}, Stakeholder: residents, At: day(5), Channel: stakeholder.ChannelMeeting,
			Direction: stakeholder.DirectionTwoWay, Topic: "lawn", Sentiment: 1, InReplyTo: uuid.UUID{0: 1, 15: 1}},
	} {
		if err := m.Log(x); err != nil {
			panic(err)
		}
	}
	// On March 31, with a 90-day half-life neither contact has aged a full
	// half-life: inbound at −2 is 2 × 1/3, two-way at +1 is 3 × 4/3 = 4.
	s, _ := m.Strength(residents, day(31), stakeholder.DefaultHalfLife)
	fmt.Println("strength", s)
	g, _ := m.Growth(residents, day(4), day(31), stakeholder.DefaultHalfLife)
	fmt.Println("growth", g.Before(), "→", g.After())
	r, _ := m.Responsiveness(day(1), day(31))
	median, _ := r.Median()
	fmt.Println("answered", r.Answered.PercentText(), "in", median)
	// Output:
	// strength 4.6667
	// growth 0.6667 → 4.6667
	// answered 100.00 % in 48h0m0s
}

// Draw the power/interest grid as SVG.
func ExampleMap_WriteGridSVG() {
	m := exampleMap()
	var b bytes.Buffer
	if err := m.WriteGridSVG(&b, stakeholder.Grid{}); err != nil {
		panic(err)
	}
	fmt.Println(strings.HasPrefix(b.String(), "<?xml"), strings.Contains(b.String(), "Manage closely"))
	// Output: true true
}

// Save a map as JSON and load it back; loading checks everything again.
func ExampleMap_UnmarshalJSON() {
	b, _ := json.Marshal(exampleMap())
	var back stakeholder.Map
	if err := json.Unmarshal(b, &back); err != nil {
		panic(err)
	}
	fmt.Println(back.Len(), "stakeholders")

	dangling := strings.Replace(string(b), `"to":"00000000-0000-0000-0000-000000000002"`,
		`"to":"00000000-0000-0000-0000-000000000063"`, 1)
	err := json.Unmarshal([]byte(dangling), &back)
	fmt.Println(err)
	// Output:
	// 5 stakeholders
	// stakeholder: not found: relationship to = 00000000-0000-0000-0000-000000000063
}
