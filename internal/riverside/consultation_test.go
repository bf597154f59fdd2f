package riverside

import (
	"encoding/json"
	"testing"

	"github.com/civitas-go/civitas/engagement"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestScenarioKeepsItsStory checks the facts the report's text relies on,
// so that a change to the scenario that breaks the story fails here and not
// only in the golden diff.
func TestScenarioKeepsItsStory(t *testing.T) {
	c, err := BuildConsultation()
	require.NoError(t, err)
	a, err := c.Process.Audit(reportDate())
	require.NoError(t, err)
	assert.False(t, a.FellShort(), "the council reached the placation its involve level corresponds to")
	assert.Equal(t, 1, a.Count(engagement.PromiseStatusBroken), "one broken element: three answers came late")
	tu, ok := c.Process.Initiative(c.Petition.ID())
	require.True(t, ok)
	assert.True(t, tu.Answered())
	r, ok := c.Petition.Response()
	require.True(t, ok)
	assert.Equal(t, processID(), r.Process, "the petition names the process that answered it")

	// The process, its link to the petition included, survives JSON.
	b, err := json.Marshal(c.Process)
	require.NoError(t, err)
	var back engagement.Process
	require.NoError(t, json.Unmarshal(b, &back))
	again, err := json.Marshal(&back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(again))
	got, ok := back.Initiative(c.Petition.ID())
	require.True(t, ok)
	assert.Equal(t, tu, got)
}
