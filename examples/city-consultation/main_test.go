package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/civitas-go/civitas/engagement"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/output.txt from the program's output")

// TestRun runs the program and compares its output with the golden file, so
// the example cannot rot. Run with -update after an intended change and
// review the diff.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))
	golden := filepath.Join("testdata", "output.txt")
	if *update {
		require.NoError(t, os.WriteFile(golden, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), out.String())

	// A second run prints the same: nothing depends on the clock or chance.
	var again bytes.Buffer
	require.NoError(t, run(&again))
	assert.Equal(t, out.String(), again.String())
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestRunReportsWriteErrors(t *testing.T) {
	require.ErrorIs(t, run(failingWriter{}), os.ErrClosed)
}

// TestScenarioKeepsItsStory checks the facts the report's text relies on,
// so that a change to the scenario that breaks the story fails here and not
// only in the golden diff.
func TestScenarioKeepsItsStory(t *testing.T) {
	c, err := buildConsultation()
	require.NoError(t, err)
	a, err := c.process.Audit(reportDate())
	require.NoError(t, err)
	assert.False(t, a.FellShort(), "the council reached the placation its involve level corresponds to")
	assert.Equal(t, 1, a.Count(engagement.Broken), "one broken element: three answers came late")
	tu, ok := c.process.Initiative(c.petition.ID())
	require.True(t, ok)
	assert.True(t, tu.Answered())
	r, ok := c.petition.Response()
	require.True(t, ok)
	assert.Equal(t, processID, r.Process, "the petition names the process that answered it")

	// The process, its link to the petition included, survives JSON.
	b, err := json.Marshal(c.process)
	require.NoError(t, err)
	var back engagement.Process
	require.NoError(t, json.Unmarshal(b, &back))
	again, err := json.Marshal(&back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(again))
	got, ok := back.Initiative(c.petition.ID())
	require.True(t, ok)
	assert.Equal(t, tu, got)
}
