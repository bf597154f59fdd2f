package crosscheck_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
)

// people is one data set: 40 residents by area, one of them with no area
// given. East (4) and west (3) are below the default threshold of 5, and
// the one unclassified resident too, so the published table suppresses
// them and every figure that would reveal them.
var people = func() []string {
	var areas []string
	for area, n := range map[string]int{"north": 20, "south": 12, "east": 4, "west": 3, "": 1} {
		for range n {
			areas = append(areas, area)
		}
	}
	// A fixed order, whatever the map's.
	order := map[string]int{"north": 0, "south": 1, "east": 2, "west": 3, "": 4}
	for i := 1; i < len(areas); i++ {
		for j := i; j > 0 && order[areas[j]] < order[areas[j-1]]; j-- {
			areas[j], areas[j-1] = areas[j-1], areas[j]
		}
	}
	return areas
}()

// The census labels its areas with capitals: matched by metrics.GroupKey.
var spec = metrics.RepresentativenessSpec{Population: []metrics.GroupCount{
	{Group: "North", Count: 4000}, {Group: "South", Count: 3000}, {Group: "East", Count: 2000}, {Group: "West", Count: 1000},
}}

func id(n int) uuid.UUID { return uuid.UUID{0: 0xcc, 14: byte(n >> 8), 15: byte(n)} }

var start = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

func throughInitiative(t *testing.T, people []string) metrics.Representativeness {
	in, err := participation.NewInitiative(participation.InitiativeSpec{
		ID: id(1000), Title: "More benches", Kind: participation.KindPetition,
		Initiators: []uuid.UUID{id(0)}, Created: start,
	})
	require.NoError(t, err)
	require.NoError(t, in.SetRules(participation.SupportRules{Threshold: 10}))
	require.NoError(t, in.Open(start))
	for i, area := range people {
		p := stakeholder.Profile{Area: area, Resident: true}
		require.NoError(t, in.Sign(id(i+1), p, participation.SigningMethodOnline, start.Add(time.Duration(i+1)*time.Hour)))
	}
	r, err := in.Representativeness(stakeholder.DimensionArea, spec)
	require.NoError(t, err)
	return r
}

func throughProcess(t *testing.T, people []string) metrics.Representativeness {
	council, err := engagement.NewAuthority(id(2000), "Council", id(2001))
	require.NoError(t, err)
	p, err := engagement.NewProcess(engagement.ProcessSpec{ID: id(2002), Title: "Benches",
		Question: "Where should benches go?", Authority: council, Level: engagement.LevelConsult}, start)
	require.NoError(t, err)
	require.NoError(t, p.Announce(start.Add(time.Hour)))
	require.NoError(t, p.Open(start.Add(2*time.Hour)))
	for i, area := range people {
		who := engagement.Participant{ID: id(i + 1), Profile: stakeholder.Profile{Area: area, Resident: true}}
		require.NoError(t, p.Contribute(engagement.Submission{ID: id(3000 + i), Participant: who,
			Kind: engagement.ContributionKindIdea, Text: "By the river"}, start.Add(time.Duration(3+i)*time.Hour)))
	}
	r, err := p.Representativeness(stakeholder.DimensionArea, spec)
	require.NoError(t, err)
	return r
}

func throughBudget(t *testing.T, people []string) metrics.Representativeness {
	var b strings.Builder
	fmt.Fprintf(&b, "META\nkey;value\ndescription;benches\nnum_projects;2\nnum_votes;%d\nbudget;100\nvote_type;approval\n", len(people))
	b.WriteString("PROJECTS\nproject_id;cost\n1;60\n2;40\nVOTES\nvoter_id;vote;area\n")
	for i, area := range people {
		fmt.Fprintf(&b, "%d;1;%s\n", i+1, area)
	}
	e, err := budgeting.Parse([]byte(b.String()))
	require.NoError(t, err)
	rule, err := budgeting.RuleByName("greedy_cost")
	require.NoError(t, err)
	res, err := rule.Run(context.Background(), e)
	require.NoError(t, err)
	a, err := budgeting.Analyze(res, budgeting.WithPopulation(budgeting.VoterAttributeArea, spec))
	require.NoError(t, err)
	require.NotNil(t, a.Representation)
	return *a.Representation
}

// TestOneRepresentativeness feeds one data set through the three doors and
// gets the same published table, the same suppressed cells and the same
// figures (or the same reason they are withheld) from each.
func TestOneRepresentativeness(t *testing.T) {
	doors := throughEveryDoor(t, people)
	want := doors["initiative"]
	wantJSON, err := json.Marshal(want)
	require.NoError(t, err)
	for name, got := range doors {
		assert.Equal(t, []string{"East", "West"}, got.SuppressedGroups(), name)
		assert.Equal(t, int64(40), got.Total(), name)
		assert.True(t, got.Unclassified().Suppressed(), name)
		assert.Equal(t, want.String(), got.String(), name)
		gotJSON, err := json.Marshal(got)
		require.NoError(t, err)
		assert.JSONEq(t, string(wantJSON), string(gotJSON), name)
		// One unclassified resident: the classified total would give it
		// away, so the figures are withheld, with the reason.
		_, err = got.Dissimilarity()
		require.ErrorIs(t, err, metrics.ErrWithheld, name)
	}
	// Nothing of a suppressed cell is published: east's 4, west's 3 and the
	// one unclassified resident appear in no output of any door.
	for name, got := range doors {
		b, _ := json.Marshal(got)
		for _, out := range []string{got.String(), string(b)} {
			for _, secret := range []string{`"count":4`, `"count":3`, `"count":1}`, "4/2000", "3/1000", "/39"} {
				assert.NotContains(t, out, secret, name)
			}
		}
	}
}

func throughEveryDoor(t *testing.T, people []string) map[string]metrics.Representativeness {
	return map[string]metrics.Representativeness{
		"initiative": throughInitiative(t, people),
		"process":    throughProcess(t, people),
		"budget":     throughBudget(t, people),
	}
}

// TestOneRepresentativenessPublished is the same data set with every
// resident's area given: the figures are published, computed on the
// published grouping (east and west merged), and equal through every door.
func TestOneRepresentativenessPublished(t *testing.T) {
	classified := people[:len(people)-1] // drop the resident with no area
	doors := throughEveryDoor(t, classified)
	for name, got := range doors {
		assert.Equal(t, []string{"East", "West"}, got.SuppressedGroups(), name)
		// Published grouping: north 20/4000, south 12/3000, east+west 7/3000.
		// Dissimilarity ½(|20/39 − 0.4| + |12/39 − 0.3| + |7/39 − 0.3|)
		//   = ½(4.4 + 0.3 + 4.7)/39 = 4.7/39 = 0.120513 (to 6 places).
		d, err := got.Dissimilarity()
		require.NoError(t, err, name)
		assert.Equal(t, "0.120513", d.StringFixed(6), name)
		// Score: rates 0.005, 0.004, 0.002333…; min/max = 0.466667.
		s, err := got.Score()
		require.NoError(t, err, name)
		assert.Equal(t, "0.466667", s.StringFixed(6), name)
		assert.Equal(t, doors["initiative"].String(), got.String(), name)
	}
}
