package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/sortition"
	"github.com/civitas-go/civitas/internal/check"
)

// assembly runs the command with args and returns what it wrote and its
// status.
func assembly(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

// TestDefaultRun holds the default run (the built-in sample, leximin,
// text) against testdata/default.golden (-update rewrites it), checks that
// it does not depend on anything but its inputs, and that -format ids and
// json name the same panel.
func TestDefaultRun(t *testing.T) {
	text, errOut, code := assembly(t)
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, errOut)
	check.Golden(t, filepath.Join("testdata", "default.golden"), []byte(text))

	ids, _, code := assembly(t, "-format", "ids")
	require.Equal(t, 0, code)
	panel := strings.Fields(ids)
	require.Len(t, panel, 20)
	for _, id := range panel {
		assert.Regexp(t, `^  `+id+`  `, lineWith(text, "  "+id+"  "))
	}

	out, _, code := assembly(t, "-format", "json")
	require.Equal(t, 0, code)
	var doc struct {
		Draw   sortition.Draw
		People []struct {
			ID          string
			Probability string
			Selected    bool
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Equal(t, panel, doc.Draw.Panel)
	assert.Len(t, doc.People, 200)
	selected := 0
	for _, p := range doc.People {
		if p.Selected {
			selected++
		}
	}
	assert.Equal(t, 20, selected)
}

// lineWith returns the first line of text that contains s.
func lineWith(text, s string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// TestFilesAndAlgorithms runs the other algorithms on files: a small pool
// where every algorithm is quick.
func TestFilesAndAlgorithms(t *testing.T) {
	dir := t.TempDir()
	pool := filepath.Join(dir, "pool.csv")
	quotas := filepath.Join(dir, "quotas.csv")
	var b strings.Builder
	b.WriteString("id,household,sex,area\n")
	for i, row := range []string{"f,north", "f,north", "f,south", "m,north", "m,south", "f,north", "m,north", "f,south", "m,north", "f,north"} {
		house := ""
		if i == 1 || i == 3 {
			house = "H1"
		}
		b.WriteString("R" + string(rune('A'+i)) + "," + house + "," + row + "\n")
	}
	require.NoError(t, os.WriteFile(pool, []byte(b.String()), 0o644))
	require.NoError(t, os.WriteFile(quotas, []byte("feature,value,min,max\nsex,f,2,2\nsex,m,2,2\narea,south,1,2\n"), 0o644))
	for _, alg := range []string{"leximin", "maximin", "nash", "legacy"} {
		t.Run(alg, func(t *testing.T) {
			out, errOut, code := assembly(t, "-k", "4", "-algorithm", alg, "-seed", "7 7 7", "-format", "ids", pool, quotas)
			require.Equal(t, 0, code, errOut)
			assert.Len(t, strings.Fields(out), 4)
			text, _, code := assembly(t, "-k", "4", "-algorithm", alg, "-seed", "7 7 7", "-lottery", "50", pool, quotas)
			require.Equal(t, 0, code)
			assert.Contains(t, text, "algorithm "+alg)
			if alg == "legacy" {
				assert.Contains(t, text, "estimated from 1000 legacy draws")
			} else {
				assert.Contains(t, text, "of 50 panels")
			}
		})
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte("name,household\nx,\n"), 0o644))
	pool := filepath.Join(dir, "pool.csv")
	require.NoError(t, os.WriteFile(pool, []byte("id,household,sex\nA,,f\nB,,f\nC,,m\n"), 0o644))
	quotas := filepath.Join(dir, "quotas.csv")
	require.NoError(t, os.WriteFile(quotas, []byte("feature,value,min,max\nsex,m,2,2\n"), 0o644))
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown flag", []string{"-nope"}, 2, "flag provided but not defined"},
		{"algorithm", []string{"-algorithm", "best"}, 2, `-algorithm "best"`},
		{"format", []string{"-format", "xml"}, 2, `-format "xml"`},
		{"k", []string{"-k", "0"}, 2, "-k 0"},
		{"lottery", []string{"-lottery", "0"}, 2, "-lottery 0"},
		{"seed", []string{"-seed", ""}, 2, "-seed"},
		{"one file", []string{pool}, 2, "got 1 arguments"},
		{"missing file", []string{filepath.Join(dir, "none.csv"), quotas}, 1, "no such file"},
		{"bad pool", []string{bad, quotas}, 1, "pool: sortition: invalid value"},
		{"bad quotas", []string{pool, bad}, 1, "quotas: sortition: invalid value"},
		{"infeasible", []string{"-k", "3", pool, quotas}, 1, "sex=m min 2 to 1"},
		{"too few", []string{"-k", "4", pool, quotas}, 1, "fewer households than seats"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := assembly(t, c.args...)
			assert.Equal(t, c.code, code)
			assert.Contains(t, errOut, c.stderr)
			assert.Empty(t, out)
		})
	}
	out, errOut, code := assembly(t, "-h")
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "usage: assembly")
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("write failed") }

func TestWriteError(t *testing.T) {
	dir := t.TempDir()
	pool := filepath.Join(dir, "pool.csv")
	require.NoError(t, os.WriteFile(pool, []byte("id,household,sex\nA,,f\nB,,f\nC,,m\n"), 0o644))
	quotas := filepath.Join(dir, "quotas.csv")
	require.NoError(t, os.WriteFile(quotas, []byte("feature,value,min,max\nsex,m,1,1\n"), 0o644))
	for _, format := range []string{"text", "ids", "json"} {
		var errOut bytes.Buffer
		assert.Equal(t, 1, run([]string{"-k", "2", "-format", format, pool, quotas}, failWriter{}, &errOut), format)
		assert.Contains(t, errOut.String(), "write failed", format)
	}
}
