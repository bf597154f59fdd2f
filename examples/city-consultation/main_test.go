package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/civitas-go/civitas/internal/check"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRun runs the program and compares its output with the golden file, so
// the example cannot rot. Run with -update after an intended change and
// review the diff.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))
	check.Golden(t, filepath.Join("testdata", "output.txt"), out.Bytes())

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
