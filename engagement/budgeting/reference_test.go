package budgeting_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// sharedDir holds the full set of Pabulib instances and reference outcomes
// beside the repository; testdata/ holds the instances under 100 KB.
const sharedDir = "../../../shared/pabulib"

// bigFile is the size above which an instance is skipped under the race
// detector (Łódź 2022, 3.7 MB, and Amsterdam 252, 1 MB): the detector slows
// the rules tenfold. They run in the normal tests and the benchmarks.
const bigFile = 500_000

// reference is one line of reference.jsonl: pabutools' outcome of a rule on
// an instance (the rules as the package documentation defines them).
type reference struct {
	File            string   `json:"file"`
	Rule            string   `json:"rule"`
	Kind            string   `json:"kind"`
	Voters          int      `json:"n_voters"`
	Projects        int      `json:"n_projects"`
	Budget          string   `json:"budget"`
	SelectedInOrder []string `json:"selected_in_order"`
	SelectedSorted  []string `json:"selected_sorted"`
	TotalCost       string   `json:"total_cost"`
	Seconds         float64  `json:"t_rule_s"`
}

// loadReferences reads a reference.jsonl file.
func loadReferences(t testing.TB, path string) []reference {
	t.Helper()
	return loadJSONL[reference](t, path)
}

// checkReferences runs every rule of refs on the instances in dir.
func checkReferences(t *testing.T, dir string, refs []reference) {
	elections := map[string]*budgeting.Election{}
	for _, ref := range refs {
		t.Run(ref.File+"/"+ref.Rule, func(t *testing.T) {
			path := filepath.Join(dir, ref.File)
			if raceEnabled {
				if st, err := os.Stat(path); err == nil && st.Size() > bigFile {
					t.Skipf("%s is %d bytes: too slow under the race detector; it runs without -race", ref.File, st.Size())
				}
			}
			e := elections[ref.File]
			if e == nil {
				var err error
				e, err = budgeting.ReadFile(path)
				require.NoError(t, err)
				elections[ref.File] = e
			}
			require.Equal(t, ref.Voters, e.Profile().Len())
			require.Equal(t, ref.Projects, e.Instance().Len())
			require.True(t, decimal.RequireFromString(ref.Budget).Equal(e.Instance().Budget()))
			res, err := mustRule(t, ref.Rule).Run(context.Background(), e)
			require.NoError(t, err)
			got := res.SelectedIDs()
			if ref.Rule == "phragmen" {
				// The reference lists Phragmén's outcome sorted, not in the
				// order of selection: compare sets.
				want := slices.Clone(ref.SelectedInOrder)
				slices.Sort(want)
				slices.Sort(got)
				assert.Equal(t, want, got)
			} else {
				assert.Equal(t, ref.SelectedInOrder, got)
			}
			assert.True(t, decimal.RequireFromString(ref.TotalCost).Equal(res.Cost()), "cost %s, want %s", res.Cost(), ref.TotalCost)
		})
	}
}

// TestReferenceOutcomes runs every rule on the small instances copied into
// testdata/ and compares with pabutools' outcomes.
func TestReferenceOutcomes(t *testing.T) {
	refs := loadReferences(t, "testdata/reference.jsonl")
	require.NotEmpty(t, refs)
	checkReferences(t, "testdata", refs)
}

// TestReferenceOutcomesShared does the same on every instance in
// ../shared/pabulib, the big ones included.
func TestReferenceOutcomesShared(t *testing.T) {
	path := filepath.Join(sharedDir, "reference.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s is absent (the shared Pabulib instances live beside the repository): %v", path, err)
	}
	checkReferences(t, sharedDir, loadReferences(t, path))
}

// TestOfficialOutcomes checks the outcomes cities published (PROJECTS'
// selected column) that pabutools reproduces: mes_cost_add1 for Assen
// 2024 (META rule equalshares/add1).
func TestOfficialOutcomes(t *testing.T) {
	e, err := budgeting.ReadFile("testdata/Netherlands_Assen_2024.pb")
	require.NoError(t, err)
	rule, ok := e.Instance().Meta("rule")
	require.True(t, ok)
	require.Equal(t, "equalshares/add1", rule)
	res, err := mustRule(t, "mes_cost_add1").Run(context.Background(), e)
	require.NoError(t, err)
	for i, p := range e.Instance().Projects() {
		sel, ok := p.Field("selected")
		require.True(t, ok)
		assert.Equal(t, sel == "1", res.Funded(i), "project %s", p.ID)
	}
}
