package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/civitas-go/civitas/internal/check"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRun runs the program in a temporary directory, as a user would, and
// checks what it prints against testdata/output.txt and that both pictures
// are well-formed SVG.
func TestRun(t *testing.T) {
	golden, err := filepath.Abs(filepath.Join("testdata", "output.txt"))
	require.NoError(t, err)
	t.Chdir(t.TempDir())
	var out bytes.Buffer
	require.NoError(t, run(&out, "."))
	check.Golden(t, golden, out.Bytes())

	for _, name := range []string{"grid.svg", "network.svg"} {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		check.WellFormedXML(t, name, b)
	}

	// A second run into another directory writes the same bytes.
	other := t.TempDir()
	require.NoError(t, run(io.Discard, other))
	for _, name := range []string{"grid.svg", "network.svg"} {
		a, err := os.ReadFile(name)
		require.NoError(t, err)
		b, err := os.ReadFile(filepath.Join(other, name))
		require.NoError(t, err)
		assert.Equal(t, a, b, name)
	}
}

func TestRunReportsAnUnwritableDirectory(t *testing.T) {
	require.Error(t, run(io.Discard, filepath.Join(t.TempDir(), "missing")))
}
