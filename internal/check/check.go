// Package check holds the checks the example programs' tests share:
// golden files under testdata/, rewritten when the tests run with -update so
// that a change of output shows up as a diff a reviewer must accept, and
// well-formed XML for the pictures and pages they write. It is for tests
// only.
package check

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

// update is the -update flag of every test binary that imports check.
var update = flag.Bool("update", false, "rewrite the golden files under testdata/ with the current output")

// Golden reports a test failure unless got equals the golden file at path
// (relative to the test's package folder). With -update it first writes got
// to path.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run the test with -update to create %s", path)
	assert.Equal(t, string(want), string(got), "output differs from %s (rerun with -update to accept it)", path)
}

// WellFormedXML reports a test failure unless doc (an SVG picture, an XHTML
// page) parses as XML from start to end; name says which file it is.
func WellFormedXML(t testing.TB, name string, doc []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		require.NoError(t, err, "%s is not well-formed XML", name)
	}
}

// Report checks a program whose whole output is what run writes: the output
// equals the golden file at path, a second run writes the same (nothing
// depends on the clock or chance), and a writer that fails makes run return
// its error rather than lose it.
func Report(t *testing.T, path string, run func(io.Writer) error) {
	t.Helper()
	var out, again bytes.Buffer
	require.NoError(t, run(&out))
	Golden(t, path, out.Bytes())
	require.NoError(t, run(&again))
	assert.Equal(t, out.String(), again.String(), "a second run wrote something else")
	require.ErrorIs(t, run(failingWriter{}), os.ErrClosed)
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }
