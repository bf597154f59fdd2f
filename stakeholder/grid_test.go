package stakeholder_test

import (
	"slices"
	"testing"

	"github.com/civitas-go/civitas/stakeholder"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGridPlace(t *testing.T) {
	custom, err := stakeholder.NewGrid(4, 2)
	require.NoError(t, err)
	tests := []struct {
		name            string
		grid            stakeholder.Grid
		power, interest stakeholder.Score
		want            stakeholder.Quadrant
	}{
		// The zero grid cuts at 3: 3 is high, 2 is low.
		{"default top corner", stakeholder.Grid{}, 5, 5, stakeholder.QuadrantManageClosely},
		{"default both at cut", stakeholder.Grid{}, 3, 3, stakeholder.QuadrantManageClosely},
		{"default interest just below", stakeholder.Grid{}, 3, 2, stakeholder.QuadrantKeepSatisfied},
		{"default power just below", stakeholder.Grid{}, 2, 3, stakeholder.QuadrantKeepInformed},
		{"default both just below", stakeholder.Grid{}, 2, 2, stakeholder.QuadrantMonitor},
		{"default high power, lowest interest", stakeholder.Grid{}, 5, 1, stakeholder.QuadrantKeepSatisfied},
		{"default lowest power, high interest", stakeholder.Grid{}, 1, 5, stakeholder.QuadrantKeepInformed},
		{"default bottom corner", stakeholder.Grid{}, 1, 1, stakeholder.QuadrantMonitor},
		// Power cut 4, interest cut 2.
		{"custom both at cut", custom, 4, 2, stakeholder.QuadrantManageClosely},
		{"custom power 3 is low", custom, 3, 2, stakeholder.QuadrantKeepInformed},
		{"custom interest 1 is low", custom, 4, 1, stakeholder.QuadrantKeepSatisfied},
		{"custom both below", custom, 3, 1, stakeholder.QuadrantMonitor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.grid.Place(tt.power, tt.interest))
			s := mustNew(t, 1, details("A", tt.power, tt.interest, 3, 3))
			assert.Equal(t, tt.want, tt.grid.Quadrant(s))
			assert.Equal(t, tt.power >= tt.grid.PowerCut(), tt.want.HighPower())
			assert.Equal(t, tt.interest >= tt.grid.InterestCut(), tt.want.HighInterest())
		})
	}
}

func TestNewGrid(t *testing.T) {
	var zero stakeholder.Grid
	assert.Equal(t, stakeholder.DefaultCut, zero.PowerCut())
	assert.Equal(t, stakeholder.DefaultCut, zero.InterestCut())
	explicit, err := stakeholder.NewGrid(3, 3)
	require.NoError(t, err)
	assert.Equal(t, zero.Place(2, 4), explicit.Place(2, 4))
	for _, cut := range []stakeholder.Score{2, 5} {
		g, err := stakeholder.NewGrid(cut, cut)
		require.NoError(t, err)
		assert.Equal(t, cut, g.PowerCut())
		assert.Equal(t, cut, g.InterestCut())
	}
	for _, c := range [][2]stakeholder.Score{{1, 3}, {3, 1}, {6, 3}, {3, 6}, {0, 0}} {
		_, err := stakeholder.NewGrid(c[0], c[1])
		require.ErrorIs(t, err, stakeholder.ErrOutOfRange, c)
	}
}

func TestComparePriority(t *testing.T) {
	withGap := func(d stakeholder.Details, now, want stakeholder.Attitude) stakeholder.Details {
		d.Attitude, d.Desired = now, want
		return d
	}
	// Each stakeholder is placed so that exactly one rule puts it after the
	// one before.
	list := []*stakeholder.Stakeholder{
		// 1. Definitive (3 attributes) before everyone else, even Monitor-ish scores.
		mustNew(t, 1, details("Definitive", 3, 1, 3, 3)),
		// 2. Two attributes, manage closely, gap leading → resistant = −3:
		// the size counts, not the sign.
		mustNew(t, 2, withGap(details("Dominant gap -3", 3, 3, 3, 1), stakeholder.AttitudeLeading, stakeholder.AttitudeResistant)),
		// 3. Same, gap resistant → supportive = 2 < 3.
		mustNew(t, 3, withGap(details("Dominant gap 2", 3, 3, 3, 1), stakeholder.AttitudeResistant, stakeholder.AttitudeSupportive)),
		// 4. Gap 1 (neutral → supportive) like 5 and 6, but power+interest
		// 4+3 = 7 beats their 3+3 = 6.
		mustNew(t, 4, details("Dominant big", 4, 3, 3, 1)),
		mustNew(t, 5, details("Dominant a", 3, 3, 3, 1)),
		// 6. Same scores as 5, name "Dominant b" after "Dominant a".
		mustNew(t, 6, details("Dominant b", 3, 3, 3, 1)),
		// 7. Two attributes but keep informed comes after manage closely.
		mustNew(t, 7, details("Dependent", 1, 3, 3, 3)),
		// 8. One attribute.
		mustNew(t, 8, details("Dormant", 5, 5, 1, 1)),
		// 9. None.
		mustNew(t, 9, details("None", 1, 5, 1, 1)),
	}
	m := stakeholder.NewMap()
	for _, i := range []int{8, 3, 0, 6, 5, 2, 7, 4, 1} {
		require.NoError(t, m.Add(list[i]))
	}
	var g stakeholder.Grid
	assert.Equal(t, namesOf(list), namesOf(m.Prioritised(g)))
	// Ties on every rule fall back to the ID.
	a, b := mustNew(t, 10, details("Same", 3, 3, 3, 3)), mustNew(t, 11, details("Same", 3, 3, 3, 3))
	assert.Negative(t, g.ComparePriority(a, b))
	assert.Positive(t, g.ComparePriority(b, a))
	assert.Zero(t, g.ComparePriority(a, a))
	sorted := []*stakeholder.Stakeholder{b, a}
	slices.SortFunc(sorted, g.ComparePriority)
	assert.Equal(t, a, sorted[0])
}
