package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/civitas-go/civitas/internal/check"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// budgetingData is the folder of the Pabulib files the library tests on.
const budgetingData = "../../engagement/budgeting/testdata"

// pb runs the command with args and returns what it wrote and its status.
func pb(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), code
}

// TestBuiltIn runs the command on the built-in instance and holds what it
// prints against testdata/*.golden (-update rewrites them).
func TestBuiltIn(t *testing.T) {
	cases := map[string][]string{
		"text":     nil,
		"explain":  {"-explain"},
		"ids":      {"-format", "ids"},
		"json":     {"-format", "json", "-explain", "-by", "sex", "-population", "F=12000,M=11000", "-min-cell", "3"},
		"phragmen": {"-rule", "phragmen", "-explain", "-by", "age", "-population", "0-17=3000, 18-39=6000, 40-64=7000, 65+=4000"},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			out, errOut, code := pb(t, args...)
			require.Equal(t, 0, code, errOut)
			assert.Empty(t, errOut)
			path := filepath.Join("testdata", name+".golden")
			check.Golden(t, path, []byte(out))
		})
	}
}

// The built-in instance under mes_cost funds 427, 915 and 1623 (see
// ExampleRuleByName in package budgeting); the JSON document says so too.
func TestBuiltInJSON(t *testing.T) {
	out, _, code := pb(t, "-format", "json")
	require.Equal(t, 0, code)
	var doc struct {
		Rule   string
		Funded []struct{ ID string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Equal(t, "mes_cost", doc.Rule)
	var ids []string
	for _, f := range doc.Funded {
		ids = append(ids, f.ID)
	}
	assert.Equal(t, []string{"427", "915", "1623"}, ids)
}

// reference is one line of the Pabulib reference outcomes.
type reference struct {
	File     string   `json:"file"`
	Rule     string   `json:"rule"`
	InOrder  []string `json:"selected_in_order"`
	SortedID []string `json:"selected_sorted"`
}

// TestIDsMatchReference checks -format ids against pabutools' outcomes on
// three files of the library's testdata, for every rule the reference
// lists (all nine for Wieliczka and Toulouse; greedy_cost, mes_cost and
// mes_cost_add1 for Gdańsk's cumulative ballots): the funded IDs in the
// order of selection (as a set for Phragmén, which the reference lists
// sorted by ID).
func TestIDsMatchReference(t *testing.T) {
	f, err := os.Open(filepath.Join(budgetingData, "reference.jsonl"))
	require.NoError(t, err)
	defer f.Close()
	files := []string{"Poland_Wieliczka_2023_Green_Budget.pb", "Poland_Gdansk_2020_Rudniki.pb",
		"France_Toulouse_2022_17_-_Mirail-Universite_Reynerie_Bellefontaine.pb"}
	checked := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var ref reference
		require.NoError(t, json.Unmarshal(sc.Bytes(), &ref))
		if !slices.Contains(files, ref.File) {
			continue
		}
		t.Run(ref.File+"/"+ref.Rule, func(t *testing.T) {
			out, errOut, code := pb(t, "-format", "ids", "-rule", ref.Rule, filepath.Join(budgetingData, ref.File))
			require.Equal(t, 0, code, errOut)
			got := strings.Fields(out)
			if ref.Rule == "phragmen" {
				slices.Sort(got)
				want := slices.Clone(ref.SortedID)
				slices.Sort(want)
				assert.Equal(t, want, got)
				return
			}
			assert.Equal(t, ref.InOrder, got)
			assert.Equal(t, strings.Join(ref.InOrder, "\n")+"\n", out, "the IDs and nothing else")
		})
		checked++
	}
	require.NoError(t, sc.Err())
	assert.Equal(t, 9+3+9, checked)
}

func TestCompare(t *testing.T) {
	dir := t.TempDir()
	svg := filepath.Join(dir, "out.svg")
	out, errOut, code := pb(t, "-compare", "greedy_cost", "-svg", svg)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Wrote "+svg+": Method of Equal Shares and Greedy, side by side.")
	b, err := os.ReadFile(svg)
	require.NoError(t, err)
	check.WellFormedXML(t, svg, b)

	// With -format ids the picture is still written, and stdout holds only
	// the IDs.
	svg2 := filepath.Join(dir, "again.svg")
	out, _, code = pb(t, "-format", "ids", "-compare", "greedy_cost", "-svg", svg2)
	require.Equal(t, 0, code)
	assert.Equal(t, "427\n915\n1623\n", out)
	b2, err := os.ReadFile(svg2)
	require.NoError(t, err)
	assert.Equal(t, b, b2, "the same picture")
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.pb")
	require.NoError(t, os.WriteFile(bad, []byte("META\nkey;value\nbudget;5\nvote_type;approval\n"+
		"PROJECTS\nproject_id;cost\na;3\nVOTES\nvoter_id;vote\nv1;b\n"), 0o644))
	// One voter approving 100,000 projects: equal shares would take
	// minutes; -timeout stops it.
	slow := filepath.Join(dir, "slow.pb")
	var sb strings.Builder
	sb.WriteString("META\nkey;value\nbudget;100000\nvote_type;approval\nPROJECTS\nproject_id;cost\n")
	ids := make([]string, 100_000)
	for i := range ids {
		ids[i] = "p" + strconv.Itoa(i)
		sb.WriteString(ids[i] + ";3\n")
	}
	sb.WriteString("VOTES\nvoter_id;vote\nv;" + strings.Join(ids, ",") + "\n")
	require.NoError(t, os.WriteFile(slow, []byte(sb.String()), 0o644))
	ordinal := filepath.Join(budgetingData, "US_Stanford_Dataset_PB_Chicago_35th_Ward_2021_vote_rankings.pb")
	toulouse := filepath.Join(budgetingData, "France_Toulouse_2022_17_-_Mirail-Universite_Reynerie_Bellefontaine.pb")
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown flag", []string{"-nope"}, 2, "flag provided but not defined"},
		{"unknown rule", []string{"-rule", "best"}, 2, "invalid rule"},
		{"unknown second rule", []string{"-compare", "best"}, 2, "invalid rule"},
		{"format", []string{"-format", "xml"}, 2, `-format "xml"`},
		{"by alone", []string{"-by", "sex"}, 2, "go together"},
		{"attribute", []string{"-by", "height", "-population", "a=1"}, 2, `"height"`},
		{"population", []string{"-by", "sex", "-population", "F"}, 2, `"F" is not GROUP=COUNT`},
		{"min cell", []string{"-by", "sex", "-population", "F=1", "-min-cell", "-1"}, 2, "-min-cell -1"},
		{"voters in no group", []string{"-by", "sex", "-population", "F=1"}, 1, `sex "M" names no group`},
		{"two files", []string{"a.pb", "b.pb"}, 2, "one file at most"},
		{"negative timeout", []string{"-timeout", "-1s"}, 2, "-timeout -1s"},
		{"timeout", []string{"-timeout", "200ms", slow}, 1, context.DeadlineExceeded.Error()},
		{"missing file", []string{filepath.Join(dir, "missing.pb")}, 1, "no such file"},
		{"bad file", []string{bad}, 1, "bad.pb: line 10, column 2: budgeting: unknown project"},
		{"rule not defined", []string{"-rule", "phragmen", ordinal}, 1, "not defined"},
		{"no ages", []string{"-by", "age", "-population", "18-39=1", toulouse}, 1, "no voter's age"},
		{"unwritable picture", []string{"-compare", "greedy_cost", "-svg", filepath.Join(dir, "no", "x.svg")}, 1, "no such file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := pb(t, c.args...)
			assert.Equal(t, c.code, code)
			assert.Contains(t, errOut, c.stderr)
			assert.Empty(t, out)
		})
	}
}

func TestHelpAndWarnings(t *testing.T) {
	out, errOut, code := pb(t, "-h")
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "usage: pbvote")

	// A file whose num_votes disagrees with its ballots: a warning on
	// stderr, and the outcome all the same.
	file := filepath.Join(t.TempDir(), "w.pb")
	require.NoError(t, os.WriteFile(file, []byte("META\nkey;value\nbudget;5\nvote_type;approval\nnum_votes;3\n"+
		"PROJECTS\nproject_id;cost\na;3\nVOTES\nvoter_id;vote\nv1;a\n"), 0o644))
	out, errOut, code = pb(t, "-format", "ids", file)
	assert.Equal(t, 0, code)
	assert.Equal(t, "a\n", out)
	assert.Contains(t, errOut, "pbvote: warning:")
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("write failed") }

func TestWriteError(t *testing.T) {
	var errOut bytes.Buffer
	assert.Equal(t, 1, run(context.Background(), nil, failWriter{}, &errOut))
	assert.Contains(t, errOut.String(), "write failed")
}

// officialData holds official-outcome samples of package budgeting.
const officialData = budgetingData + "/official"

// TestOfficialRule prints the official selection, one ID per line.
func TestOfficialRule(t *testing.T) {
	out, errOut, code := pb(t, "-rule", "official", "-format", "ids")
	require.Equal(t, 0, code, errOut)
	got := strings.Fields(out)
	slices.Sort(got)
	assert.Equal(t, []string{"1623", "2567", "427", "915"}, got)

	out, errOut, code = pb(t, "-rule", "official", "-format", "ids", filepath.Join(officialData, "Poland_Gdynia_2020_Babie_Doly__small.pb"))
	require.Equal(t, 0, code, errOut)
	got = strings.Fields(out)
	slices.Sort(got)
	assert.Equal(t, []string{"1", "2", "4"}, got)

	out, _, code = pb(t, "-rule", "official", "-explain", filepath.Join(officialData, "Poland_Gdynia_2020_Babie_Doly__small.pb"))
	require.Equal(t, 0, code)
	assert.Contains(t, out, "Official rule greedy-no-skip")

	_, errOut, code = pb(t, "-rule", "official", filepath.Join(officialData, "Hungary_Budapest_2022_VIII_Jozsefvaros.pb"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "unknown")
}

// TestCheck exits 0 for a file without errors and 1 for one with.
func TestCheck(t *testing.T) {
	out, _, code := pb(t, "-check")
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
	out, _, code = pb(t, "-check", filepath.Join(officialData, "Worldwide_Mechanical_Turk_Utilities_3.pb"))
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "error: whitespace around list separator")
	assert.Contains(t, out, "warning: missing selected field in projects")
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		assert.Regexp(t, `^(line \d+: )?(error|warning): `, line)
	}
	_, errOut, code := pb(t, "-check", "no-such-file.pb")
	assert.Equal(t, 1, code)
	assert.NotEmpty(t, errOut)
}

// TestAllTies prints both outcomes of a tie, and a tie-break suffix picks one.
func TestAllTies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tie.pb")
	require.NoError(t, os.WriteFile(path, []byte("META\nkey;value\nbudget;10\nvote_type;approval\nrule;greedy\n"+
		"PROJECTS\nproject_id;cost;votes\nb;10;1\na;10;1\nVOTES\nvoter_id;vote\n1;a,b\n"), 0o644))
	out, errOut, code := pb(t, "-rule", "official", "-all-ties", "-format", "ids", path)
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "b\na\n", out)
	out, _, code = pb(t, "-rule", "greedy@project_id", "-format", "ids", path)
	require.Equal(t, 0, code)
	assert.Equal(t, "a\n", out)
	out, _, code = pb(t, "-rule", "greedy", "-all-ties", path)
	require.Equal(t, 0, code)
	assert.Contains(t, out, "Outcome 2 of 2")
}
