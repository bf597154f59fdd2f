package participation_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/participation"
)

func newGroup(t *testing.T) *participation.Group {
	t.Helper()
	g, err := participation.NewGroup(id(300), "Friends of Elm Street", participation.GroupKindGrassroots, "north", []uuid.UUID{id(1), id(2)}, day0)
	require.NoError(t, err)
	return g
}

func TestGroupJoinLeave(t *testing.T) {
	g := newGroup(t)
	assert.Equal(t, id(300), g.ID())
	assert.Equal(t, "Friends of Elm Street", g.Name())
	assert.Equal(t, participation.GroupKindGrassroots, g.Kind())
	assert.Equal(t, "north", g.Area())
	assert.Equal(t, day0, g.Founded())
	assert.Equal(t, 2, g.CountByRole(participation.MemberRoleInitiator))

	changed, err := g.Join(id(3), participation.MemberRoleVolunteer, at(1))
	require.NoError(t, err)
	assert.True(t, changed)
	changed, err = g.Join(id(3), participation.MemberRoleVolunteer, at(2))
	require.NoError(t, err)
	assert.False(t, changed, "joining twice in the same role changes nothing")
	changed, err = g.Join(id(3), participation.MemberRoleOrganiser, at(3))
	require.NoError(t, err)
	assert.True(t, changed, "a new role is a change")
	m, ok := g.Member(id(3))
	require.True(t, ok)
	assert.Equal(t, participation.Member{ID: id(3), Role: participation.MemberRoleOrganiser, Since: at(1)}, m, "the join date stays")

	left, err := g.Leave(id(3))
	require.NoError(t, err)
	assert.True(t, left)
	left, err = g.Leave(id(3))
	require.NoError(t, err)
	assert.False(t, left, "leaving twice changes nothing")
	_, ok = g.Member(id(3))
	assert.False(t, ok)
	assert.Equal(t, 2, g.Len())
}

func TestGroupRejects(t *testing.T) {
	g := newGroup(t)
	tests := []struct {
		name string
		call func() error
		want error
	}{
		{"join nil", func() error { _, err := g.Join(uuid.Nil, participation.MemberRoleMember, at(1)); return err }, participation.ErrInvalid},
		{"join undeclared role", func() error { _, err := g.Join(id(5), 0, at(1)); return err }, participation.ErrInvalid},
		{"join zero time", func() error { _, err := g.Join(id(5), participation.MemberRoleMember, time.Time{}); return err }, participation.ErrInvalid},
		{"join before founding", func() error { _, err := g.Join(id(5), participation.MemberRoleMember, at(-1)); return err }, participation.ErrInvalid},
		{"leave nil", func() error { _, err := g.Leave(uuid.Nil); return err }, participation.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.ErrorIs(t, tt.call(), tt.want)
			assert.Equal(t, 2, g.Len())
		})
	}
	for name, call := range map[string]func() (*participation.Group, error){
		"nil ID": func() (*participation.Group, error) {
			return participation.NewGroup(uuid.Nil, "G", participation.GroupKindCoalition, "", []uuid.UUID{id(1)}, day0)
		},
		"no name": func() (*participation.Group, error) {
			return participation.NewGroup(id(1), "", participation.GroupKindCoalition, "", []uuid.UUID{id(1)}, day0)
		},
		"bad kind": func() (*participation.Group, error) {
			return participation.NewGroup(id(1), "G", 0, "", []uuid.UUID{id(1)}, day0)
		},
		"padded area": func() (*participation.Group, error) {
			return participation.NewGroup(id(1), "G", participation.GroupKindCoalition, " n", []uuid.UUID{id(1)}, day0)
		},
		"no founder": func() (*participation.Group, error) {
			return participation.NewGroup(id(1), "G", participation.GroupKindCoalition, "", nil, day0)
		},
		"founder twice": func() (*participation.Group, error) {
			return participation.NewGroup(id(1), "G", participation.GroupKindCoalition, "", []uuid.UUID{id(2), id(2)}, day0)
		},
		"no time": func() (*participation.Group, error) {
			return participation.NewGroup(id(1), "G", participation.GroupKindCoalition, "", []uuid.UUID{id(2)}, time.Time{})
		},
	} {
		t.Run(name, func(t *testing.T) {
			g, err := call()
			require.Error(t, err)
			assert.Nil(t, g)
		})
	}
}

func TestGroupMembersOrder(t *testing.T) {
	g := newGroup(t)
	_, err := g.Join(id(9), participation.MemberRoleMember, at(2))
	require.NoError(t, err)
	_, err = g.Join(id(8), participation.MemberRoleVolunteer, at(1))
	require.NoError(t, err)
	var order []uuid.UUID
	for m := range g.Members() {
		order = append(order, m.ID)
	}
	// Founders at day0 by ID, then 8 (hour 1), then 9 (hour 2).
	assert.Equal(t, []uuid.UUID{id(1), id(2), id(8), id(9)}, order)
}

func TestGroupJSON(t *testing.T) {
	g := newGroup(t)
	_, err := g.Join(id(3), participation.MemberRoleVolunteer, at(1))
	require.NoError(t, err)
	_, err = g.Leave(id(1)) // a founder may leave
	require.NoError(t, err)
	back := jsonRoundTrip(t, g)
	assert.Equal(t, slices.Collect(g.Members()), slices.Collect(back.Members()))

	requireDecodeRejects(t, newGroup(t), map[string]string{
		"member twice":  `{"id":"00000000-0000-0000-0000-000000000001","name":"G","kind":"coalition","founded":"2025-05-01T09:00:00Z","members":[{"id":"00000000-0000-0000-0000-000000000002","role":"member","since":"2025-05-01T09:00:00Z"},{"id":"00000000-0000-0000-0000-000000000002","role":"member","since":"2025-05-01T09:00:00Z"}]}`,
		"member before": `{"id":"00000000-0000-0000-0000-000000000001","name":"G","kind":"coalition","founded":"2025-05-01T09:00:00Z","members":[{"id":"00000000-0000-0000-0000-000000000002","role":"member","since":"2025-04-01T09:00:00Z"}]}`,
		"unknown role":  `{"id":"00000000-0000-0000-0000-000000000001","name":"G","kind":"coalition","founded":"2025-05-01T09:00:00Z","members":[{"id":"00000000-0000-0000-0000-000000000002","role":"boss","since":"2025-05-01T09:00:00Z"}]}`,
		"no name":       `{"id":"00000000-0000-0000-0000-000000000001","name":"","kind":"coalition","founded":"2025-05-01T09:00:00Z","members":[]}`,
		"not an object": `[]`,
	})
}
