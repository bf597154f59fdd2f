package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

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
