package stakeholder_test

import (
	"encoding/json"
	"testing"

	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snapshot is the whole map as JSON, to check that a failed change left it
// exactly as it was.
func snapshot(t *testing.T, m *stakeholder.Map) string {
	t.Helper()
	b, err := json.Marshal(m)
	require.NoError(t, err)
	return string(b)
}

func TestMapAddGetRemove(t *testing.T) {
	var m stakeholder.Map // the zero value is ready to use
	a, b, c := mustNew(t, 1, details("A", 3, 3, 3, 3)), mustNew(t, 2, details("B", 3, 3, 3, 3)), mustNew(t, 3, details("C", 3, 3, 3, 3))
	for _, s := range []*stakeholder.Stakeholder{b, a, c} {
		require.NoError(t, m.Add(s))
	}
	assert.Equal(t, 3, m.Len())
	got, ok := m.Get(id(1))
	require.True(t, ok)
	assert.Equal(t, a, got)
	_, ok = m.Get(id(9))
	assert.False(t, ok)
	assert.Equal(t, []string{"B", "A", "C"}, namesOf(collect(m.All())), "insertion order")

	require.NoError(t, m.AddRelationship(stakeholder.Relationship{From: id(1), To: id(2), Type: stakeholder.RelationTypeMemberOf, Strength: 3}))
	require.NoError(t, m.AddRelationship(stakeholder.Relationship{From: id(2), To: id(3), Type: stakeholder.RelationTypePartnerOf, Strength: 3}))
	require.NoError(t, m.Log(stakeholder.Interaction{ID: id(101), Stakeholder: id(1), At: at(1),
		Channel: stakeholder.ChannelEmail, Direction: stakeholder.DirectionInbound}))
	require.NoError(t, m.Log(stakeholder.Interaction{ID: id(102), Stakeholder: id(2), At: at(1),
		Channel: stakeholder.ChannelEmail, Direction: stakeholder.DirectionInbound}))

	require.NoError(t, m.Remove(id(1)))
	assert.Equal(t, []string{"B", "C"}, namesOf(collect(m.All())))
	_, ok = m.Get(id(1))
	assert.False(t, ok)
	got, ok = m.Get(id(3))
	require.True(t, ok, "the index follows the shifted positions")
	assert.Equal(t, c, got)
	rels := collect(m.Relationships())
	require.Len(t, rels, 1, "A's relationship went with it")
	assert.Equal(t, id(3), rels[0].To)
	log := collect(m.Interactions())
	require.Len(t, log, 1, "A's interactions went with it")
	assert.Equal(t, id(102), log[0].ID)
	// The freed interaction ID and relationship can be used again.
	require.NoError(t, m.Add(a))
	require.NoError(t, m.AddRelationship(stakeholder.Relationship{From: id(1), To: id(2), Type: stakeholder.RelationTypeMemberOf, Strength: 3}))
	require.NoError(t, m.Log(stakeholder.Interaction{ID: id(101), Stakeholder: id(1), At: at(1),
		Channel: stakeholder.ChannelEmail, Direction: stakeholder.DirectionInbound}))
	require.NoError(t, m.RemoveRelationship(id(2), id(3), stakeholder.RelationTypePartnerOf))
	require.NoError(t, m.Remove(id(2)))
	assert.Empty(t, collect(m.Relationships()))
	require.NoError(t, m.Log(stakeholder.Interaction{ID: id(102), Stakeholder: id(1), At: at(1),
		Channel: stakeholder.ChannelEmail, Direction: stakeholder.DirectionInbound}), "the index was rebuilt after the removal")
}

func TestMapRejectsLeaveItUnchanged(t *testing.T) {
	m := mapOf(t, 2)
	require.NoError(t, m.AddRelationship(stakeholder.Relationship{From: id(1), To: id(2), Type: stakeholder.RelationTypeFunds, Strength: 2}))
	before := snapshot(t, m)
	tests := []struct {
		name   string
		change func() error
		want   error
		id     uuid.UUID
	}{
		{"add nil", func() error { return m.Add(nil) }, stakeholder.ErrInvalid, uuid.Nil},
		{"add duplicate", func() error { return m.Add(mustNew(t, 1, details("Other", 1, 1, 1, 1))) }, stakeholder.ErrDuplicate, id(1)},
		{"update nil", func() error { return m.Update(nil) }, stakeholder.ErrInvalid, uuid.Nil},
		{"update unknown", func() error { return m.Update(mustNew(t, 9, details("X", 1, 1, 1, 1))) }, stakeholder.ErrNotFound, id(9)},
		{"remove unknown", func() error { return m.Remove(id(9)) }, stakeholder.ErrNotFound, id(9)},
		{"remove nil", func() error { return m.Remove(uuid.Nil) }, stakeholder.ErrNotFound, uuid.Nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.change()
			require.ErrorIs(t, err, tt.want)
			var e *stakeholder.FieldError
			require.ErrorAs(t, err, &e)
			assertNames(t, e, tt.id)
			assert.Equal(t, before, snapshot(t, m))
		})
	}
}

func TestMapUpdate(t *testing.T) {
	m := mapOf(t, 3)
	s, _ := m.Get(id(2))
	d := s.Details()
	d.Name, d.Attitude = "Renamed", stakeholder.AttitudeSupportive
	changed, err := stakeholder.New(s.ID(), d)
	require.NoError(t, err)
	require.NoError(t, m.Update(changed))
	got, _ := m.Get(id(2))
	assert.Equal(t, "Renamed", got.Name())
	assert.Equal(t, []string{"S1", "Renamed", "S3"}, namesOf(collect(m.All())), "an update keeps the place")
	assert.Equal(t, "S2", s.Name(), "the old value is untouched")
}

func TestMapFilters(t *testing.T) {
	m := stakeholder.NewMap()
	add := func(n int, name string, k stakeholder.Kind, area string, tags []string, p, i, l, u stakeholder.Score, now, want stakeholder.Attitude) {
		require.NoError(t, m.Add(mustNew(t, n, stakeholder.Details{Name: name, Kind: k, Area: area, Tags: tags,
			Assessment: stakeholder.Assessment{Power: p, Interest: i, Legitimacy: l, Urgency: u, Attitude: now, Desired: want}})))
	}
	// name            kind         area   tags        P I L U  quadrant        class       gap
	// Council         government   -      -           5 2 5 1  keep satisfied  dominant     0
	// Residents       group        north  park        3 5 5 4  manage closely  definitive  +2
	// Cyclists        group        north  park,bike   2 4 3 3  keep informed   dependent   +1
	// Gazette         media        -      -           4 3 3 2  manage closely  dominant    +1
	// Dog walkers     resident     south  park        1 1 2 2  monitor         none        +2
	add(1, "Council", stakeholder.KindGovernmentBody, "", nil, 5, 2, 5, 1, stakeholder.AttitudeNeutral, stakeholder.AttitudeNeutral)
	add(2, "Residents", stakeholder.KindCommunityGroup, "north", []string{"park"}, 3, 5, 5, 4, stakeholder.AttitudeResistant, stakeholder.AttitudeSupportive)
	add(3, "Cyclists", stakeholder.KindCommunityGroup, "north", []string{"park", "bike"}, 2, 4, 3, 3, stakeholder.AttitudeSupportive, stakeholder.AttitudeLeading)
	add(4, "Gazette", stakeholder.KindMedia, "", nil, 4, 3, 3, 2, stakeholder.AttitudeNeutral, stakeholder.AttitudeSupportive)
	add(5, "Dog walkers", stakeholder.KindResident, "south", []string{"park"}, 1, 1, 2, 2, stakeholder.AttitudeUnaware, stakeholder.AttitudeNeutral)
	var g stakeholder.Grid
	tests := []struct {
		name    string
		filters []stakeholder.Filter
		want    []string
	}{
		{"none", nil, []string{"Council", "Residents", "Cyclists", "Gazette", "Dog walkers"}},
		{"kind", []stakeholder.Filter{stakeholder.OfKind(stakeholder.KindCommunityGroup)}, []string{"Residents", "Cyclists"}},
		{"manage closely", []stakeholder.Filter{stakeholder.InQuadrant(g, stakeholder.QuadrantManageClosely)}, []string{"Residents", "Gazette"}},
		{"keep satisfied", []stakeholder.Filter{stakeholder.InQuadrant(g, stakeholder.QuadrantKeepSatisfied)}, []string{"Council"}},
		{"keep informed", []stakeholder.Filter{stakeholder.InQuadrant(g, stakeholder.QuadrantKeepInformed)}, []string{"Cyclists"}},
		{"monitor", []stakeholder.Filter{stakeholder.InQuadrant(g, stakeholder.QuadrantMonitor)}, []string{"Dog walkers"}},
		{"dominant", []stakeholder.Filter{stakeholder.InClass(stakeholder.SalienceClassDominant)}, []string{"Council", "Gazette"}},
		{"no area", []stakeholder.Filter{stakeholder.InArea("")}, []string{"Council", "Gazette"}},
		{"north", []stakeholder.Filter{stakeholder.InArea("north")}, []string{"Residents", "Cyclists"}},
		{"tag", []stakeholder.Filter{stakeholder.Tagged("bike")}, []string{"Cyclists"}},
		{"gap 2", []stakeholder.Filter{stakeholder.GapAtLeast(2)}, []string{"Residents", "Dog walkers"}},
		{"gap 1 and park", []stakeholder.Filter{stakeholder.GapAtLeast(1), stakeholder.Tagged("park")}, []string{"Residents", "Cyclists", "Dog walkers"}},
		{"nobody", []stakeholder.Filter{stakeholder.OfKind(stakeholder.KindVoter)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := namesOf(collect(m.Select(tt.filters...)))
			if tt.want == nil {
				assert.Empty(t, got)
				return
			}
			assert.Equal(t, tt.want, got)
		})
	}
	// A loop that stops early stops the iteration.
	n := 0
	for range m.All() {
		n++
		break
	}
	assert.Equal(t, 1, n)

	assert.Equal(t, map[stakeholder.Quadrant]int{stakeholder.QuadrantManageClosely: 2, stakeholder.QuadrantKeepSatisfied: 1,
		stakeholder.QuadrantKeepInformed: 1, stakeholder.QuadrantMonitor: 1}, m.QuadrantCounts(g))
	assert.Equal(t, map[stakeholder.SalienceClass]int{stakeholder.SalienceClassDormant: 0, stakeholder.SalienceClassDiscretionary: 0,
		stakeholder.SalienceClassDemanding: 0, stakeholder.SalienceClassDominant: 2, stakeholder.SalienceClassDangerous: 0, stakeholder.SalienceClassDependent: 1,
		stakeholder.SalienceClassDefinitive: 1, stakeholder.SalienceClassNonStakeholder: 1}, m.SalienceCounts())
	strict, err := stakeholder.NewGrid(5, 5)
	require.NoError(t, err)
	// Only the Council has power 5, and its interest is 2: keep satisfied.
	assert.Equal(t, map[stakeholder.Quadrant]int{stakeholder.QuadrantManageClosely: 0, stakeholder.QuadrantKeepSatisfied: 1,
		stakeholder.QuadrantKeepInformed: 1, stakeholder.QuadrantMonitor: 3}, m.QuadrantCounts(strict))
}
