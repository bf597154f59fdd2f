package stakeholder_test

import (
	"testing"

	"github.com/civitas-go/civitas/stakeholder"
	"github.com/stretchr/testify/assert"
)

func TestSalience(t *testing.T) {
	// AttributeCut is 3: a score of 3 holds the attribute, 2 does not. Each
	// class is checked at the boundary (3 present, 2 absent) and at the ends
	// of the scale (5 present, 1 absent).
	tests := []struct {
		class      stakeholder.SalienceClass
		p, l, u    bool
		attributes int
		name       string
	}{
		{stakeholder.SalienceClassNonStakeholder, false, false, false, 0, "none"},
		{stakeholder.SalienceClassDormant, true, false, false, 1, "dormant"},
		{stakeholder.SalienceClassDiscretionary, false, true, false, 1, "discretionary"},
		{stakeholder.SalienceClassDemanding, false, false, true, 1, "demanding"},
		{stakeholder.SalienceClassDominant, true, true, false, 2, "dominant"},
		{stakeholder.SalienceClassDangerous, true, false, true, 2, "dangerous"},
		{stakeholder.SalienceClassDependent, false, true, true, 2, "dependent"},
		{stakeholder.SalienceClassDefinitive, true, true, true, 3, "definitive"},
	}
	score := func(present bool, high, low stakeholder.Score) stakeholder.Score {
		if present {
			return high
		}
		return low
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.class, stakeholder.Classify(tt.p, tt.l, tt.u))
			for _, ends := range [][2]stakeholder.Score{{3, 2}, {5, 1}} {
				p, l, u := score(tt.p, ends[0], ends[1]), score(tt.l, ends[0], ends[1]), score(tt.u, ends[0], ends[1])
				assert.Equal(t, tt.class, stakeholder.SalienceOf(p, l, u), "scores %d %d %d", p, l, u)
				s := mustNew(t, 1, details("A", p, 3, l, u))
				assert.Equal(t, tt.class, s.Salience())
			}
			assert.Equal(t, tt.p, tt.class.Power())
			assert.Equal(t, tt.l, tt.class.Legitimacy())
			assert.Equal(t, tt.u, tt.class.Urgency())
			assert.Equal(t, tt.attributes, tt.class.Attributes())
			assert.Equal(t, tt.name, tt.class.String())
		})
	}
	assert.Equal(t, -1, stakeholder.SalienceClass(0).Attributes())
	assert.False(t, stakeholder.SalienceClass(0).Power())
}
