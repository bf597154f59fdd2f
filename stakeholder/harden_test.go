package stakeholder_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/stakeholder"
)

// TestProfileTextRule (issue 11, item 6): a profile category is kept as
// given, never trimmed or rewritten, so one that is padded or not valid
// UTF-8 (which encoding/json would rewrite) is refused, naming the field;
// an undeclared age band lists the accepted ones.
func TestProfileTextRule(t *testing.T) {
	for _, tt := range []struct {
		name  string
		p     stakeholder.Profile
		field string
	}{
		{"invalid UTF-8 sex", stakeholder.Profile{Sex: "f\xff"}, "profile.sex"},
		{"invalid UTF-8 area", stakeholder.Profile{Area: "\xc3("}, "profile.area"},
		{"padded area", stakeholder.Profile{Area: " north"}, "profile.area"},
		{"undeclared age band", stakeholder.Profile{AgeBand: 42}, "profile.age_band"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			require.ErrorIs(t, err, stakeholder.ErrInvalidProfile)
			var fe *stakeholder.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
		})
	}
	err := stakeholder.Profile{AgeBand: 42}.Validate()
	var fe *stakeholder.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Contains(t, fe.Value, "75_plus", "the accepted age bands are listed")
	require.NoError(t, stakeholder.Profile{Sex: "é", Area: "Saint-Étienne"}.Validate())
}
