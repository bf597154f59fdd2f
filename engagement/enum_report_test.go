package engagement_test

import (
	"testing"

	"github.com/civitas-go/civitas/engagement"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReportEnums checks the enumerations of the audit and the scorecards
// with the shared table test of enum_test.go.
func TestReportEnums(t *testing.T) {
	cases := []enumCase{
		enumOf[engagement.PromiseElement]("PromiseElement", engagement.ParsePromiseElement, "informed_before_opening",
			"decision_published", "progress_reported", "input_gathered", "input_answered", "answered_on_time",
			"feedback_published", "decision_cites_input", "dialogue_held", "input_reflected", "deliberation_held",
			"recommendations_incorporated", "public_choice_followed", "choice_implemented", "initiatives_answered"),
		enumOf[engagement.PromiseStatus]("PromiseStatus", engagement.ParsePromiseStatus, "kept", "broken", "pending"),
	}
	for _, c := range cases {
		t.Run(c.typ, func(t *testing.T) {
			for i, name := range c.names {
				v, err := c.parse(name)
				require.NoError(t, err)
				assert.Equal(t, c.value(i+1), v)
				b, err := c.text(i + 1).MarshalText()
				require.NoError(t, err)
				assert.Equal(t, name, string(b))
				v, err = c.unmarshal(name)
				require.NoError(t, err)
				assert.Equal(t, c.value(i+1), v)
				assert.True(t, c.valid(i+1))
			}
			for _, n := range []int{0, len(c.names) + 1} {
				assert.False(t, c.valid(n))
				_, err := c.text(n).MarshalText()
				assert.ErrorIs(t, err, engagement.ErrInvalid)
			}
			_, err := c.parse("Bogus")
			assert.ErrorIs(t, err, engagement.ErrInvalid)
			v, err := c.unmarshal("")
			assert.ErrorIs(t, err, engagement.ErrInvalid)
			assert.Equal(t, c.value(1), v, "a failed UnmarshalText leaves the value unchanged")
		})
	}
}
