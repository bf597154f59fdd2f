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

// TestGrouped checks the thousands grouping of counts people read, at the
// boundaries of each group and for negative numbers.
func TestGrouped(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 14416: "14,416", 100000: "100,000",
		1234567: "1,234,567", -1000: "-1,000", -999: "-999"} {
		assert.Equal(t, want, Grouped(n), "%d", n)
	}
	assert.Equal(t, "1 ballot", plural(1, "ballot", "ballots"))
	assert.Equal(t, "12,000 ballots", plural(12000, "ballot", "ballots"))
}
