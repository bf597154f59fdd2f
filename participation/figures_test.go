package participation_test

import (
	"encoding/json"
	"regexp"
	"strconv"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin for the daylight-saving test, on any machine

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
)

func TestSupportsPerDay(t *testing.T) {
	in := openInitiative(t, 10)
	assert.Nil(t, in.SupportsPerDay(nil), "no support, no days")
	// Hours after 1 May 09:00 UTC: 2 → 1 May 11:00; 50 → 3 May 11:00;
	// 60 → 3 May 21:00 (4 May 02:00 at UTC+5).
	for i, h := range []int{2, 50, 60} {
		require.NoError(t, in.Sign(id(uint64(i+1)), adult, participation.SigningMethodOnline, at(h)))
	}
	day := func(d int, loc *time.Location) time.Time { return time.Date(2025, 5, d, 0, 0, 0, 0, loc) }
	assert.Equal(t, []participation.DayCount{
		{Day: day(1, time.UTC), Count: 1},
		{Day: day(2, time.UTC), Count: 0},
		{Day: day(3, time.UTC), Count: 2},
	}, in.SupportsPerDay(nil))
	plus5 := time.FixedZone("UTC+5", 5*3600)
	assert.Equal(t, []participation.DayCount{
		{Day: day(1, plus5), Count: 1},
		{Day: day(2, plus5), Count: 0},
		{Day: day(3, plus5), Count: 1},
		{Day: day(4, plus5), Count: 1},
	}, in.SupportsPerDay(plus5))
}

// TestSupportsPerDayAcrossDST: Berlin moved its clocks forward on 30 March
// 2025, a 23-hour day; the days still run midnight to midnight.
func TestSupportsPerDayAcrossDST(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	require.NoError(t, err)
	s := spec()
	s.Created = time.Date(2025, 3, 29, 0, 0, 0, 0, time.UTC)
	in, err := participation.NewInitiative(s)
	require.NoError(t, err)
	require.NoError(t, in.Open(s.Created))
	for i, when := range []time.Time{
		time.Date(2025, 3, 29, 23, 30, 0, 0, berlin),
		time.Date(2025, 3, 31, 0, 30, 0, 0, berlin),
	} {
		require.NoError(t, in.Sign(id(uint64(i+1)), adult, participation.SigningMethodOnline, when))
	}
	got := in.SupportsPerDay(berlin)
	require.Len(t, got, 3)
	for i, d := range []int{29, 30, 31} {
		assert.Equal(t, time.Date(2025, 3, d, 0, 0, 0, 0, berlin), got[i].Day)
	}
	assert.Equal(t, []int{1, 0, 1}, []int{got[0].Count, got[1].Count, got[2].Count})
}

func TestTimeToThreshold(t *testing.T) {
	t.Run("in signing order", func(t *testing.T) {
		in := openInitiative(t, 4)
		_, ok := in.TimeToThreshold()
		assert.False(t, ok)
		// Signed at hours 5, 3 (a late paper signature), 7, 9: the fourth in
		// signing order is at hour 9, 8 hours after opening at hour 1.
		for i, h := range []int{5, 3, 7, 9} {
			require.NoError(t, in.Sign(id(uint64(i+1)), adult, participation.SigningMethodOnline, at(h)))
		}
		d, ok := in.TimeToThreshold()
		require.True(t, ok)
		assert.Equal(t, 8*time.Hour, d)
	})
	t.Run("per-area threshold last", func(t *testing.T) {
		in := newInitiative(t, 0)
		r := rules(3)
		r.AreaThresholds = []participation.AreaThreshold{{Area: "south", Threshold: 1}}
		require.NoError(t, in.SetRules(r))
		require.NoError(t, in.Open(day0)) // before the window, which starts at hour 1
		signMany(t, in, 1, 3, 2)
		south := adult
		south.Area = "south"
		require.NoError(t, in.Sign(id(9), south, participation.SigningMethodOnline, at(10)))
		// Counted from the window's start (hour 1) to the south signature.
		d, ok := in.TimeToThreshold()
		require.True(t, ok)
		assert.Equal(t, 9*time.Hour, d)
	})
	t.Run("no rules", func(t *testing.T) {
		in := openInitiative(t, 0)
		signMany(t, in, 1, 3, 2)
		_, ok := in.TimeToThreshold()
		assert.False(t, ok)
	})
}

func TestChannelShares(t *testing.T) {
	in := openInitiative(t, 10)
	shares := in.ChannelShares()
	assert.False(t, shares.Online.Defined())
	signMany(t, in, 1, 3, 2)
	require.NoError(t, in.Sign(id(4), adult, participation.SigningMethodOffline, at(2)))
	shares = in.ChannelShares()
	// 3 online and 1 offline of 4.
	assert.Equal(t, "75.00 %", shares.Online.PercentText())
	assert.Equal(t, "25.00 %", shares.Offline.PercentText())
}

// representativeInitiative has 14 supporters from north, 4 from south and
// 2 from east.
func representativeInitiative(t *testing.T) *participation.Initiative {
	return initiativeByArea(t, map[string]int{"north": 14, "south": 4, "east": 2})
}

// initiativeByArea returns an open initiative with the given number of
// adult supporters from each area.
func initiativeByArea(t *testing.T, counts map[string]int) *participation.Initiative {
	in := openInitiative(t, 100)
	n := uint64(1)
	for area, count := range counts {
		p := adult
		p.Area = area
		for range count {
			require.NoError(t, in.Sign(id(n), p, participation.SigningMethodOnline, at(2)))
			n++
		}
	}
	return in
}

func TestCompareSupportersUnsuppressed(t *testing.T) {
	in := representativeInitiative(t)
	population := []metrics.GroupCount{{Group: "North", Count: 600}, {Group: "south", Count: 300}, {Group: "east", Count: 100}}
	cmp, err := in.CompareSupportersUnsuppressed(stakeholder.DimensionArea, population)
	require.NoError(t, err)
	// p = (14, 4, 2)/20 = (0.7, 0.2, 0.1); q = (0.6, 0.3, 0.1):
	// dissimilarity ½(0.1 + 0.1 + 0) = 0.1. Labels match by GroupKey.
	d, err := cmp.Dissimilarity()
	require.NoError(t, err)
	assert.Equal(t, "0.100000", d.StringFixed(6))
	east, ok := cmp.Lookup("east")
	require.True(t, ok)
	assert.Equal(t, int64(2), east.Participants(), "every count, small ones included")

	residency, err := in.CompareSupportersUnsuppressed(stakeholder.DimensionResidency,
		[]metrics.GroupCount{{Group: "resident", Count: 900}, {Group: "non-resident", Count: 100}})
	require.NoError(t, err)
	assert.Equal(t, int64(20), residency.Participants())

	_, err = in.CompareSupportersUnsuppressed(stakeholder.DimensionArea, population[:2])
	require.ErrorIs(t, err, metrics.ErrMismatchedGroups, "a supporter group the population lacks")
	_, err = in.CompareSupportersUnsuppressed(stakeholder.Dimension(99), population)
	require.ErrorIs(t, err, participation.ErrInvalid)
}

func TestRepresentativeness(t *testing.T) {
	in := representativeInitiative(t)
	population := []metrics.GroupCount{{Group: "north", Count: 600}, {Group: "south", Count: 300}, {Group: "east", Count: 100}}
	spec := metrics.RepresentativenessSpec{Population: population, Policy: metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize3}}
	rep, err := in.Representativeness(stakeholder.DimensionArea, spec)
	require.NoError(t, err)
	assert.Equal(t, int64(20), rep.Total())
	assert.Equal(t, "0", rep.Unclassified().String(), "every supporter gave an area")

	require.Equal(t, 3, rep.Len())
	north, _ := rep.Lookup("north")
	south, _ := rep.Lookup("south")
	east, _ := rep.Lookup("east")
	// North: 14 visible; 70.00 % of supporters, 60.00 % of the population;
	// ratio 0.7/0.6 = 7/6 = 1.166667.
	assert.Equal(t, "14", north.Participants().String())
	share, ok := north.ParticipantShare()
	require.True(t, ok)
	assert.Equal(t, "70.00 %", share.PercentText())
	assert.Equal(t, "60.00 %", north.PopulationShare().PercentText())
	ratio, ok := north.RepresentationRatio()
	require.True(t, ok)
	assert.Equal(t, "1.166667", ratio.StringFixed(6))
	// East: 2 < 3, suppressed; south (4, the smallest visible) withheld too,
	// or 20 − 14 would give east away. Neither publishes a share or ratio.
	assert.Equal(t, metrics.CellStatusPrimary, east.Participants().Status())
	assert.Equal(t, metrics.CellStatusComplementary, south.Participants().Status())
	for _, row := range []metrics.RepresentedGroup{south, east} {
		_, ok := row.ParticipantShare()
		assert.False(t, ok)
		_, ok = row.RepresentationRatio()
		assert.False(t, ok)
		assert.True(t, row.PopulationShare().Defined(), "the population share is public")
	}
	// The figures are computed on the published grouping: north, and south
	// and east merged: p = (0.7, 0.3), q = (0.6, 0.4), dissimilarity 0.1.
	d, err := rep.Dissimilarity()
	require.NoError(t, err)
	assert.Equal(t, "0.100000", d.StringFixed(6))
	assert.Equal(t, []string{"south", "east"}, rep.SuppressedGroups())

	t.Run("a supporter group the population lacks", func(t *testing.T) {
		spec := spec
		spec.Population = population[:2]
		_, err := in.Representativeness(stakeholder.DimensionArea, spec)
		require.ErrorIs(t, err, metrics.ErrMismatchedGroups)
	})
	t.Run("bad policy", func(t *testing.T) {
		spec := spec
		spec.Policy = metrics.SuppressionPolicy{MinCellSize: -1}
		_, err := in.Representativeness(stakeholder.DimensionArea, spec)
		require.ErrorIs(t, err, metrics.ErrOutOfRange)
	})
	t.Run("bad dimension", func(t *testing.T) {
		_, err := in.Representativeness(0, spec)
		require.ErrorIs(t, err, participation.ErrInvalid)
	})
}

// A supporter with no value on the dimension is counted as unclassified,
// never dropped and never an error.
func TestRepresentativenessUnclassified(t *testing.T) {
	in := representativeInitiative(t)
	for i := range uint64(6) {
		p := adult
		p.Area = ""
		require.NoError(t, in.Sign(id(100+i), p, participation.SigningMethodOnline, at(3)))
	}
	spec := metrics.RepresentativenessSpec{Population: []metrics.GroupCount{{Group: "north", Count: 600}, {Group: "south", Count: 300}, {Group: "east", Count: 100}}}
	rep, err := in.Representativeness(stakeholder.DimensionArea, spec)
	require.NoError(t, err)
	assert.Equal(t, int64(26), rep.Total())
	assert.Equal(t, "6", rep.Unclassified().String())
	a, ok := rep.Classified()
	require.True(t, ok)
	assert.Equal(t, int64(20), a)
}

// The published representativeness of an initiative, as text and as JSON,
// carries no suppressed supporter count and no figure derived from one:
// not the count, not the group's share, rate or ratio, and not the
// dissimilarity or score of the unsuppressed comparison.
func TestPublishedRepresentativenessHidesSuppressedCounts(t *testing.T) {
	// 31 from north, 17 from south and 3 from east: the 3 is suppressed
	// (k = 5) and 17, the smallest other count, with it.
	in := initiativeByArea(t, map[string]int{"north": 31, "south": 17, "east": 3})
	// South is over-represented and east under-represented, so the
	// unsuppressed figures differ from those of the published grouping.
	population := []metrics.GroupCount{{Group: "north", Count: 500}, {Group: "south", Count: 200}, {Group: "east", Count: 300}}
	rep, err := in.Representativeness(stakeholder.DimensionArea, metrics.RepresentativenessSpec{Population: population})
	require.NoError(t, err)
	full, err := in.CompareSupportersUnsuppressed(stakeholder.DimensionArea, population)
	require.NoError(t, err)

	text := rep.String()
	raw, err := json.Marshal(rep)
	require.NoError(t, err)
	js := string(raw)

	var forbidden []string
	for _, g := range []string{"south", "east"} {
		row, ok := rep.Lookup(g)
		require.True(t, ok)
		require.True(t, row.Participants().Suppressed(), g)
		u, ok := full.Lookup(g)
		require.True(t, ok)
		share, rate := u.ParticipantShare(), u.ParticipationRate()
		ratio, err := u.RepresentationRatio()
		require.NoError(t, err)
		forbidden = append(forbidden, strconv.FormatInt(u.Participants(), 10),
			share.ValueText(), share.PercentText(), rate.ValueText(), ratio.StringFixed(2), ratio.StringFixed(metrics.ValuePlaces))
	}
	d, err := full.Dissimilarity()
	require.NoError(t, err)
	s, err := full.Score()
	require.NoError(t, err)
	forbidden = append(forbidden, d.StringFixed(2), d.StringFixed(metrics.ValuePlaces), s.StringFixed(2), s.StringFixed(metrics.ValuePlaces))
	pd, err := rep.Dissimilarity()
	require.NoError(t, err, "published on the merged grouping")
	require.NotEqual(t, d.StringFixed(2), pd.StringFixed(2), "the test tells the two apart")
	for _, f := range forbidden {
		assert.NotRegexp(t, `(^|[^0-9.])`+regexp.QuoteMeta(f)+`($|[^0-9])`, text, "String gives %s away", f)
		assert.NotRegexp(t, `(^|[^0-9.])`+regexp.QuoteMeta(f)+`($|[^0-9])`, js, "JSON gives %s away", f)
	}
	// What is published is there: north's 31 and the total.
	assert.Contains(t, js, `"count":31`)
	assert.Contains(t, js, `"total":51`)

	var back metrics.Representativeness
	require.NoError(t, json.Unmarshal(raw, &back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, js, string(again), "the published form round-trips")
}
