package budgeting_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// FuzzParse checks that the reader never panics and that a file it accepts,
// written and read again, gives the same election, and the same bytes when
// written once more; and that it goes through JSON and back unchanged too.
func FuzzParse(f *testing.F) {
	for _, s := range []string{instanceA, instanceC, instanceI, instanceJ,
		"META\nkey;value\nbudget;1,5\nvote_type;choose-1\nPROJECTS\nproject_id;cost;name\n\"a;b\";1;\"x \"\"y\"\"\"\nVOTES\nvoter_id;vote;sex\n1;\"a;b\";none\n",
		"\ufeffmeta\r\nkey;value\r\nbudget;3\rvote_type;scoring\nPROJECTS\nproject_id;cost;categories\n1;1;a, b\nVOTES\nvoter_id;vote;points\nv;1;0.5\n",
		"META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\nnone;1\n\u00a02;0.5\nVOTES\nvoter_id;vote;sex\nNONE;\"none\", 2\u00a0;None\nnone;;\n",
		"META\nkey,value\nbudget,10\n",
		"META\nkey;value\nbudget;9200000000000000000\nvote_type;approval\nPROJECTS\nproject_id;cost\na;0.000000000000000001\nVOTES\nvoter_id;vote\n",
	} {
		f.Add([]byte(s))
	}
	files, _ := filepath.Glob("testdata/*.pb")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil && len(data) < 10_000 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := budgeting.Parse(data)
		if err != nil {
			return
		}
		var first bytes.Buffer
		if _, err := e.WriteTo(&first); err != nil {
			t.Fatalf("write: %v", err)
		}
		again, err := budgeting.Parse(first.Bytes())
		if err != nil {
			t.Fatalf("the written file does not read back: %v\n%s", err, first.String())
		}
		if !e.Equal(again) {
			t.Fatalf("the written file reads back differently:\n%s", first.String())
		}
		var second bytes.Buffer
		if _, err := again.WriteTo(&second); err != nil {
			t.Fatalf("write: %v", err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("writing is not stable:\n%s\n---\n%s", first.String(), second.String())
		}
		js, err := json.Marshal(e)
		if err != nil {
			t.Fatalf("JSON: %v", err)
		}
		var back budgeting.Election
		if err := json.Unmarshal(js, &back); err != nil {
			t.Fatalf("the JSON does not decode: %v\n%s", err, js)
		}
		if !e.Equal(&back) {
			t.Fatalf("the election reads back differently through JSON:\n%s", js)
		}
	})
}
