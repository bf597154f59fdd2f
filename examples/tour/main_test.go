package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civitas-go/civitas/internal/check"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runTour runs the tour as a user would, in a fresh folder, and returns what
// it printed and the folder it wrote to.
func runTour(t *testing.T) (string, string) {
	t.Helper()
	t.Chdir(t.TempDir())
	var out bytes.Buffer
	require.NoError(t, run(&out, "civitas-tour", true))
	dir, err := filepath.Abs("civitas-tour")
	require.NoError(t, err)
	return out.String(), dir
}

// TestTourGolden compares the terminal report with the golden file, so any
// change in a figure shows up as a diff that a reviewer must accept.
func TestTourGolden(t *testing.T) {
	golden, err := filepath.Abs(filepath.Join("testdata", "tour.golden"))
	require.NoError(t, err)
	out, _ := runTour(t)
	check.Golden(t, golden, []byte(out))
}

// TestTourFiles checks that report.html and every picture are well-formed
// XML, that the HTML embeds every picture, and that report.md links them.
func TestTourFiles(t *testing.T) {
	_, dir := runTour(t)
	st, err := tell()
	require.NoError(t, err)
	pictures := st.report.pictures()
	require.NotEmpty(t, pictures)
	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	require.NoError(t, err)
	check.WellFormedXML(t, "report.html", page)
	md, err := os.ReadFile(filepath.Join(dir, "report.md"))
	require.NoError(t, err)
	for _, p := range pictures {
		svg, err := os.ReadFile(filepath.Join(dir, p.name))
		require.NoError(t, err)
		check.WellFormedXML(t, p.name, svg)
		assert.Contains(t, string(page), stripXMLDecl(svg), "report.html embeds %s", p.name)
		assert.Contains(t, string(md), "]("+p.name+")", "report.md links %s", p.name)
	}
}

// TestTourReadable is the guard of issue 17: the report a city official
// reads is a document, not a console log. report.html has no <pre> block
// outside code samples, and nothing a person reads in it, its pictures
// included (their text and tooltips), nor in report.md or on the terminal,
// holds a snake_case identifier, a truncated name, a figure with more than
// two decimals, an ID or a Go slice. Every table is a real table, and every
// section says whom it answers.
func TestTourReadable(t *testing.T) {
	out, dir := runTour(t)
	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	require.NoError(t, err)
	check.Readable(t, "report.html", page)
	assert.NotContains(t, string(page), "<pre")
	st, err := tell()
	require.NoError(t, err)
	for _, p := range st.report.pictures() {
		check.Readable(t, p.name, p.svg)
		assert.Contains(t, string(p.svg), "<title>", "%s has tooltips", p.name)
		assert.Contains(t, string(p.svg), `font-family="DejaVu Sans, Verdana, Arial, sans-serif"`, "%s has the one font", p.name)
	}
	md, err := os.ReadFile(filepath.Join(dir, "report.md"))
	require.NoError(t, err)
	for name, text := range map[string]string{"report.md": string(md), "the terminal report": out} {
		assert.Empty(t, check.ProseProblems(text), name)
	}
	for _, s := range st.report.sections[1:] {
		last := s.blocks[len(s.blocks)-1]
		require.NotNil(t, last.table, "section %q ends with its answers", s.title)
		assert.Equal(t, answersHead, last.table.Head, "section %q ends with its answers", s.title)
	}
	assert.Equal(t, strings.Count(string(page), "<table"), strings.Count(string(page), "<caption>"), "every table says what it shows")
}

// TestTourJSON checks that tour.json decodes back into the same records:
// decoding validates, and encoding the decoded records again gives the same
// bytes.
func TestTourJSON(t *testing.T) {
	_, dir := runTour(t)
	b, err := os.ReadFile(filepath.Join(dir, "tour.json"))
	require.NoError(t, err)
	var back records
	require.NoError(t, json.Unmarshal(b, &back))
	again, err := json.MarshalIndent(back, "", "  ")
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(again))
	assert.Equal(t, string(bytes.TrimSpace(b)), string(again))
}

// TestTourDeterministic runs the tour twice: nothing may depend on the clock,
// map order or randomness.
func TestTourDeterministic(t *testing.T) {
	a, dirA := runTour(t)
	b, dirB := runTour(t)
	assert.Equal(t, a, b)
	for _, name := range []string{"report.md", "report.html", "tour.json"} {
		x, err := os.ReadFile(filepath.Join(dirA, name))
		require.NoError(t, err)
		y, err := os.ReadFile(filepath.Join(dirB, name))
		require.NoError(t, err)
		assert.Equal(t, string(x), string(y), name)
	}
}
