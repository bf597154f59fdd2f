package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/output.txt")

// TestRun runs the program in a temporary directory, as a user would, and
// checks what it prints against testdata/output.txt and that both pictures
// are well-formed SVG.
func TestRun(t *testing.T) {
	golden, err := filepath.Abs(filepath.Join("testdata", "output.txt"))
	require.NoError(t, err)
	t.Chdir(t.TempDir())
	var out bytes.Buffer
	require.NoError(t, run(&out, "."))
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
		require.NoError(t, os.WriteFile(golden, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), out.String())

	for _, name := range []string{"grid.svg", "network.svg"} {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			require.NoError(t, err, name)
		}
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
