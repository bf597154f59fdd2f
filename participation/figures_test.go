package participation_test

import (
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
	in := openInitiative(t, 100)
	n := uint64(1)
	for area, count := range map[string]int{"north": 14, "south": 4, "east": 2} {
		p := adult
		p.Area = area
		for range count {
			require.NoError(t, in.Sign(id(n), p, participation.SigningMethodOnline, at(2)))
			n++
		}
	}
	return in
}

func TestSupporterCounts(t *testing.T) {
	in := representativeInitiative(t)
	got, err := in.SupporterCounts(stakeholder.DimensionArea)
	require.NoError(t, err)
	assert.Equal(t, []metrics.GroupCount{{Group: "east", Count: 2}, {Group: "north", Count: 14}, {Group: "south", Count: 4}}, got)
	got, err = in.SupporterCounts(stakeholder.DimensionResidency)
	require.NoError(t, err)
	assert.Equal(t, []metrics.GroupCount{{Group: "resident", Count: 20}}, got)
	_, err = in.SupporterCounts(stakeholder.Dimension(99))
	require.ErrorIs(t, err, participation.ErrInvalidValue)
}

func TestRepresentativeness(t *testing.T) {
	in := representativeInitiative(t)
	population := []metrics.GroupCount{{Group: "north", Count: 600}, {Group: "south", Count: 300}, {Group: "east", Count: 100}}
	rep, err := in.Representativeness(stakeholder.DimensionArea, population, metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize3})
	require.NoError(t, err)
	assert.Equal(t, stakeholder.DimensionArea, rep.Dimension)

	// p = (14, 4, 2)/20 = (0.7, 0.2, 0.1); q = (0.6, 0.3, 0.1):
	// dissimilarity ½(0.1 + 0.1 + 0) = 0.1.
	d, err := rep.Comparison.Dissimilarity()
	require.NoError(t, err)
	assert.Equal(t, "0.100000", d.StringFixed(6))

	require.Len(t, rep.Published, 3)
	north, south, east := rep.Published[0], rep.Published[1], rep.Published[2]
	// North: 14 visible; 70.00 % of supporters, 60.00 % of the population;
	// ratio 0.7/0.6 = 7/6 = 1.166667.
	assert.Equal(t, "north", north.Group)
	assert.Equal(t, "14", north.Supporters.String())
	assert.Equal(t, "70.00 %", north.SupporterShare.PercentText())
	assert.Equal(t, "60.00 %", north.PopulationShare.PercentText())
	require.True(t, north.RatioDefined)
	assert.Equal(t, "1.166667", north.Ratio.StringFixed(6))
	// East: 2 < 3, suppressed; south (4, the smallest visible) withheld too,
	// or 20 − 14 would give east away. Neither publishes a share or ratio.
	assert.Equal(t, metrics.CellStatusPrimary, east.Supporters.Status())
	assert.Equal(t, metrics.CellStatusComplementary, south.Supporters.Status())
	for _, row := range []participation.PublishedGroup{south, east} {
		assert.False(t, row.SupporterShare.Defined())
		assert.False(t, row.RatioDefined)
		assert.True(t, row.PopulationShare.Defined(), "the population share is public")
	}

	t.Run("a supporter group the population lacks", func(t *testing.T) {
		_, err := in.Representativeness(stakeholder.DimensionArea, population[:2], metrics.SuppressionPolicy{MinCellSize: 3})
		require.ErrorIs(t, err, metrics.ErrMismatchedGroups)
	})
	t.Run("bad policy", func(t *testing.T) {
		_, err := in.Representativeness(stakeholder.DimensionArea, population, metrics.SuppressionPolicy{})
		require.ErrorIs(t, err, metrics.ErrOutOfRange)
	})
	t.Run("bad dimension", func(t *testing.T) {
		_, err := in.Representativeness(0, population, metrics.SuppressionPolicy{MinCellSize: 3})
		require.ErrorIs(t, err, participation.ErrInvalidValue)
	})
}
