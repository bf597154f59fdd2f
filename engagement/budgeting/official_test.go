package budgeting_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// officialDir holds the official-outcome samples beside the repository.
const officialDir = sharedDir + "/official"

// expectation is one line of expected.jsonl: a file's official selection
// and the verdict of Pabulib's checker.
type expectation struct {
	File           string   `json:"file"`
	Rule           string   `json:"rule"`
	Selected       []string `json:"selected"`
	CheckerValid   bool     `json:"checker_valid"`
	CheckerErrors  []string `json:"checker_errors"`
	CheckerWarning []string `json:"checker_warnings"`
}

// loadJSONL reads a file of one JSON object per line.
func loadJSONL[T any](t testing.TB, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var x T
		require.NoError(t, json.Unmarshal(sc.Bytes(), &x))
		out = append(out, x)
	}
	require.NoError(t, sc.Err())
	return out
}

// officialSelection runs the rule META names; nil when it is unknown.
func officialSelection(t *testing.T, e *budgeting.Election) []string {
	t.Helper()
	r, err := budgeting.RuleFromMeta(e.Instance())
	if err != nil {
		require.ErrorIs(t, err, budgeting.ErrUnsupported)
		return nil
	}
	res, err := r.Run(context.Background(), e)
	require.NoError(t, err)
	assert.Empty(t, res.Disagreements(), "the published tallies are the ballots'")
	x, err := budgeting.Explain(res)
	require.NoError(t, err)
	require.NoError(t, x.Validate())
	ids := res.SelectedIDs()
	slices.Sort(ids)
	return ids
}

// checkOfficial compares every file of an expected.jsonl with the official
// selection its rule gives.
func checkOfficial(t *testing.T, dir string) {
	exps := loadJSONL[expectation](t, filepath.Join(dir, "expected.jsonl"))
	require.NotEmpty(t, exps)
	for _, x := range exps {
		t.Run(x.File, func(t *testing.T) {
			path := filepath.Join(dir, x.File)
			if raceEnabled {
				if st, err := os.Stat(path); err == nil && st.Size() > bigFile {
					t.Skipf("%s is %d bytes: too slow under the race detector", x.File, st.Size())
				}
			}
			e, err := budgeting.ReadFile(path)
			require.NoError(t, err)
			got := officialSelection(t, e)
			assert.Equal(t, x.Selected, got)

			data, err := os.ReadFile(path)
			require.NoError(t, err)
			rep := budgeting.Check(data)
			assert.Equal(t, x.CheckerValid, rep.Valid(), "verdict")
			assert.Equal(t, sorted(x.CheckerErrors), sorted(rep.Names(budgeting.FindingLevelError)), "error categories")
			assert.Equal(t, sorted(x.CheckerWarning), sorted(rep.Names(budgeting.FindingLevelWarning)), "warning categories")
			require.NotNil(t, rep.Election())
			if x.Selected != nil {
				require.NotNil(t, rep.Outcome())
				ids := rep.Outcome().SelectedIDs()
				assert.Equal(t, x.Selected, sorted(ids))
			}
		})
	}
}

// sorted returns a sorted copy of s, empty rather than nil.
func sorted(s []string) []string {
	out := append([]string{}, s...)
	slices.Sort(out)
	return out
}

// TestOfficialSamples checks the official selection of the small samples
// copied into testdata/official.
func TestOfficialSamples(t *testing.T) { checkOfficial(t, "testdata/official") }

// TestOfficialShared checks every sample of ../shared/pabulib/official.
func TestOfficialShared(t *testing.T) {
	if _, err := os.Stat(filepath.Join(officialDir, "expected.jsonl")); err != nil {
		t.Skipf("%s is absent (the shared Pabulib samples live beside the repository): %v", officialDir, err)
	}
	checkOfficial(t, officialDir)
}

// TestOfficialAdd1RunsCut checks that the add-one completion of the
// official Equal Shares rules, whose reruns stop as soon as they are known
// to buy less than every candidate within the budget, gives what full
// reruns give: [budgeting.Rule.TiedOutcomes] records ties, so its first
// outcome comes from reruns that each go to their end.
func TestOfficialAdd1RunsCut(t *testing.T) {
	for _, c := range []struct {
		file      string
		runs      int
		perVoter  string
		selection []string
	}{
		{"testdata/Netherlands_Assen_2024.pb", 845, "2033", []string{"3", "9", "2", "11", "13", "14", "5", "6", "12"}},
		{"testdata/Poland_Wieliczka_2023_Green_Budget.pb", 166, "315", []string{"24", "41", "40", "74", "19", "6", "58", "32",
			"25", "20", "60", "43", "29", "39", "17", "42", "26", "70", "34", "71", "62", "88", "9", "61", "7", "36", "46", "33", "56", "69"}},
	} {
		t.Run(filepath.Base(c.file), func(t *testing.T) {
			data, err := os.ReadFile(c.file)
			require.NoError(t, err)
			report := budgeting.Check(data)
			got := report.Outcome()
			require.NotNil(t, got)
			rule, err := budgeting.RuleFromMeta(report.Election().Instance())
			require.NoError(t, err)
			full, err := rule.TiedOutcomes(context.Background(), report.Election(), 1)
			if err != nil {
				require.ErrorIs(t, err, budgeting.ErrTooManyTies)
			}
			require.NotEmpty(t, full)
			for _, res := range []*budgeting.Result{got, full[0]} {
				x, err := budgeting.Explain(res)
				require.NoError(t, err)
				assert.Equal(t, c.runs, x.Runs)
				assert.Equal(t, c.perVoter, x.VoterBudget.String())
				assert.Equal(t, c.selection, res.SelectedIDs())
			}
			assert.Equal(t, full[0].Steps(), got.Steps())
			assert.Equal(t, full[0].UnbrokenTie(), got.UnbrokenTie())
		})
	}
}
