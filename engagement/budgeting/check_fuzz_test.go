package budgeting_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// normalizedByWriting are the warnings a file loses when written again:
// the writer drops blank lines and cells beyond the header.
var normalizedByWriting = []string{"empty lines removed", "file structure warning"}

// FuzzCheck checks that the validator never panics, and that a valid file,
// written and checked again, stays valid with the same findings (but those
// the writer normalizes away).
func FuzzCheck(f *testing.F) {
	for _, s := range []string{checkBase, checkCumulative, featuresText,
		checkBase[:len(checkBase)/2], "META\nkey;value\n", "",
		"META\nkey;value\nbudget;1\nvote_type;approval\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote\n1;a,a\n"} {
		f.Add([]byte(s))
	}
	files, _ := filepath.Glob("testdata/official/*.pb")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil && len(data) < 10_000 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := budgeting.Check(data)
		for _, x := range r.Findings() {
			if !x.Level.IsValid() || !x.Category.IsValid() || x.Count < 1 || x.Name() == "" {
				t.Fatalf("malformed finding %+v", x)
			}
		}
		if !r.Valid() || r.Election() == nil {
			return
		}
		var b bytes.Buffer
		if _, err := r.Election().WriteTo(&b); err != nil {
			t.Fatalf("write: %v", err)
		}
		again := budgeting.Check(b.Bytes())
		if !again.Valid() {
			t.Fatalf("a valid file is invalid once written:\n%s\n---\n%s", findingsText(again), b.String())
		}
		if !slices.Equal(r.Names(budgeting.FindingLevelError), again.Names(budgeting.FindingLevelError)) {
			t.Fatalf("errors %v, written: %v", r.Names(budgeting.FindingLevelError), again.Names(budgeting.FindingLevelError))
		}
		keep := func(names []string) []string {
			return slices.DeleteFunc(names, func(s string) bool { return slices.Contains(normalizedByWriting, s) })
		}
		w1, w2 := keep(r.Names(budgeting.FindingLevelWarning)), keep(again.Names(budgeting.FindingLevelWarning))
		if !slices.Equal(w1, w2) {
			t.Fatalf("warnings %v, written: %v\n%s\n---\n%s", w1, w2, data, b.String())
		}
	})
}
