package participation_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/participation"
)

func TestGathering(t *testing.T) {
	g, err := participation.NewGathering(id(600), "Street party", id(300), at(48), "north")
	require.NoError(t, err)
	assert.Equal(t, id(600), g.ID())
	assert.Equal(t, "Street party", g.Title())
	assert.Equal(t, id(300), g.Organiser())
	assert.Equal(t, at(48), g.At())
	assert.Equal(t, "north", g.Area())
	assert.False(t, g.AttendanceRate().Defined(), "nobody registered")
	for _, p := range []uuid.UUID{id(1), id(2), id(3), id(1)} {
		_, err := g.Register(p)
		require.NoError(t, err)
	}
	for _, p := range []uuid.UUID{id(1), id(2), id(4), id(4)} {
		_, err := g.Attend(p)
		require.NoError(t, err)
	}
	added, err := g.Attend(id(1))
	require.NoError(t, err)
	assert.False(t, added, "attending twice changes nothing")
	_, err = g.Register(uuid.Nil)
	require.ErrorIs(t, err, participation.ErrInvalid)

	// Registered 1, 2, 3; attended 1, 2 and walk-in 4: 2 of 3 registered
	// came, 66.67 %.
	assert.Equal(t, 3, g.Registered())
	assert.Equal(t, 3, g.Attendance())
	assert.Equal(t, 1, g.WalkIns())
	assert.Equal(t, "66.67 %", g.AttendanceRate().PercentText())

	back := jsonRoundTrip(t, g)
	assert.Equal(t, 1, back.WalkIns())

	requireDecodeRejects(t, back, map[string]string{
		"registered twice": `{"id":"00000000-0000-0000-0000-000000000001","title":"P","organiser":"00000000-0000-0000-0000-000000000002","at":"2025-05-01T00:00:00Z","registered":["00000000-0000-0000-0000-000000000003","00000000-0000-0000-0000-000000000003"],"attended":[]}`,
		"nil attendee":     `{"id":"00000000-0000-0000-0000-000000000001","title":"P","organiser":"00000000-0000-0000-0000-000000000002","at":"2025-05-01T00:00:00Z","registered":[],"attended":["00000000-0000-0000-0000-000000000000"]}`,
		"no time":          `{"id":"00000000-0000-0000-0000-000000000001","title":"P","organiser":"00000000-0000-0000-0000-000000000002","registered":[],"attended":[]}`,
		"not JSON":         `nope`,
	})
	_, err = participation.NewGathering(uuid.Nil, " ", uuid.Nil, time.Time{}, " x")
	require.ErrorIs(t, err, participation.ErrInvalid)
}
