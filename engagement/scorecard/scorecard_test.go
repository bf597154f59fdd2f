package scorecard_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cardRow is one row of a scorecard as a reader sees it.
type cardRow struct {
	value, basis, target string
	verdict              metrics.Verdict
}

// card returns the rows of a scorecard by indicator name, and their names
// in order.
func card(t testing.TB, sc metrics.Scorecard) (map[string]cardRow, []string) {
	t.Helper()
	rows := map[string]cardRow{}
	var names []string
	for _, e := range sc.All() {
		name := e.Indicator().Name()
		rows[name] = cardRow{e.ValueText(), e.Basis(), e.Indicator().TargetText(), e.Verdict()}
		names = append(names, name)
	}
	return rows, names
}

var (
	met       = metrics.VerdictMet
	notMet    = metrics.VerdictNotMet
	undefined = metrics.VerdictUndefined
)

// TestProcessScorecard works the scorecard of the rich fixture out by hand.
func TestProcessScorecard(t *testing.T) {
	p := fixture.RichProcess(t)
	sc, err := scorecard.ForProcess(scorecard.Input{Process: p, Options: scorecard.Options{TargetPopulation: 8000}})
	require.NoError(t, err)
	assert.Equal(t, "Process scorecard: Riverside Park redesign", sc.Title())
	rows, names := card(t, sc)
	var labels []string
	for _, f := range scorecard.ProcessFigures() {
		labels = append(labels, f.Label())
	}
	assert.Equal(t, labels, names, "the process figures, in order")

	want := map[string]cardRow{
		// The leaflet drop's latest report: 5,200 reached; the default
		// target is half of the 8,000 people the process is for.
		"Exposures": {"5200", "", "at least 4000", met},
		// 5,200 of 8,000.
		"Visibility": {"65.00 %", "5200 of 8000", "at least 50 %", met},
		// Both people registered for the workshop came.
		"Attendance rate": {"100.00 %", "2 of 2", "at least 60 %", met},
		// Four people contributed; the rules ask for at least 2.
		"Unique participants": {"4", "", "at least 2", met},
		"Contributions":       {"6", "", "at least 2", met},
		// All six answered.
		"Closing-the-loop rate": {"100.00 %", "6 of 6", "at least 100 %", met},
		// Five answers took 335 h (13.96 d) and one 171 h: the 3rd and the
		// 6th of the six sorted times are both 335 h. The rules commit to
		// 21 days.
		"Median response time":          {"13.96 d", "", "at most 21 d", met},
		"90th percentile response time": {"13.96 d", "", "at most 21 d", met},
		// The decision cites 1000, 1001 and 1003, the commitments 1000 and
		// 1003: three of six.
		"Influence rate": {"50.00 %", "3 of 6", "at least 10 %", met},
		// No population profile.
		"Representativeness": {"undefined", "", "at least 0.8", undefined},
		// The play area is done; the quiet area was dropped and does not
		// count. The straight-line schedule at 1 July 09:00, from 20 April
		// 10:00 to 1 October 09:00, is 1727 h of 3935 h: 43.888…, rounded
		// down to 43.88 %.
		"Implementation progress": {"100.00 %", "", "at least 43.88 %", met},
	}
	assert.Equal(t, want, rows)
}

// TestScorecardTargets replaces default targets; a target that rewards the
// worse direction is refused.
func TestScorecardTargets(t *testing.T) {
	p := fixture.RichProcess(t)
	o := scorecard.Options{Targets: map[scorecard.Figure]metrics.Target{
		scorecard.FigureInfluenceRate:      metrics.TargetAtLeast(decimal.NewFromInt(60)),
		scorecard.FigureMedianResponseTime: metrics.TargetAtMost(decimal.NewFromInt(7)),
	}}
	sc, err := scorecard.ForProcess(scorecard.Input{Process: p, Options: o})
	require.NoError(t, err)
	rows, _ := card(t, sc)
	assert.Equal(t, cardRow{"50.00 %", "3 of 6", "at least 60 %", notMet}, rows["Influence rate"])
	assert.Equal(t, cardRow{"13.96 d", "", "at most 7 d", notMet}, rows["Median response time"])
	assert.Equal(t, undefined, rows["Visibility"].verdict, "no target population")
	assert.Equal(t, cardRow{"5200", "", "at least 1", met}, rows["Exposures"])

	o.Targets[scorecard.FigureExposures] = metrics.TargetAtMost(decimal.NewFromInt(10))
	_, err = scorecard.ForProcess(scorecard.Input{Process: p, Options: o})
	require.ErrorIs(t, err, scorecard.ErrInvalid)
	require.ErrorIs(t, err, metrics.ErrInconsistent)
}

// TestScorecardRefuses checks each invalid input.
func TestScorecardRefuses(t *testing.T) {
	p := fixture.RichProcess(t)
	cases := map[string]struct {
		in      scorecard.Input
		figures []scorecard.Figure
	}{
		"no process":           {scorecard.Input{}, []scorecard.Figure{scorecard.FigureExposures}},
		"no figure":            {scorecard.Input{Process: p}, nil},
		"undeclared figure":    {scorecard.Input{Process: p}, []scorecard.Figure{99}},
		"negative population":  {scorecard.Input{Process: p, Options: scorecard.Options{TargetPopulation: -1}}, scorecard.ProcessFigures()},
		"negative eligible":    {scorecard.Input{Process: p, Eligible: -1}, scorecard.ProcessFigures()},
		"zero target":          {scorecard.Input{Process: p, Options: scorecard.Options{Targets: map[scorecard.Figure]metrics.Target{scorecard.FigureExposures: {}}}}, scorecard.ProcessFigures()},
		"undeclared target":    {scorecard.Input{Process: p, Options: scorecard.Options{Targets: map[scorecard.Figure]metrics.Target{0: metrics.TargetAtLeast(decimal.Zero)}}}, scorecard.ProcessFigures()},
		"unrepresentable time": {scorecard.Input{Process: p, Options: scorecard.Options{At: time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)}}, scorecard.ProcessFigures()},
		"backwards period":     {scorecard.Input{Process: p, Period: metrics.Period{Start: fixture.Closed, End: fixture.Opened}}, scorecard.ProcessFigures()},
		"half an earlier":      {scorecard.Input{Process: p, Earlier: metrics.Period{Start: fixture.Opened}}, scorecard.ProcessFigures()},
		"negative half-life":   {scorecard.Input{Process: p, HalfLife: -time.Hour}, scorecard.ProcessFigures()},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := scorecard.New("Card", tc.in, tc.figures...)
			require.ErrorIs(t, err, scorecard.ErrInvalid)
		})
	}
}

// TestScorecardRefusesRepresentativeness: the representativeness inputs are
// checked where they are used, by engagement and metrics, and their errors
// arrive wrapped with the figure.
func TestScorecardRefusesRepresentativeness(t *testing.T) {
	p := fixture.RichProcess(t)
	north := []metrics.GroupCount{{Group: "north", Count: 1}}
	_, err := scorecard.ForProcess(scorecard.Input{Process: p, Options: scorecard.Options{
		Representativeness: metrics.RepresentativenessSpec{Population: north}}})
	require.ErrorIs(t, err, engagement.ErrInvalid, "no dimension")
	_, err = scorecard.ForProcess(scorecard.Input{Process: p, Options: scorecard.Options{Dimension: stakeholder.DimensionArea,
		Representativeness: metrics.RepresentativenessSpec{Population: north, Policy: metrics.SuppressionPolicy{MinCellSize: -1}}}})
	require.ErrorIs(t, err, metrics.ErrOutOfRange, "bad suppression")
	require.ErrorContains(t, err, "representativeness")
}

// TestScorecardTitle: a title that a scorecard cannot show is made
// printable instead of refused.
func TestScorecardTitle(t *testing.T) {
	sc, err := scorecard.New("Park\nredesign\x00", scorecard.Input{Process: fixture.RichProcess(t)}, scorecard.FigureContributions)
	require.NoError(t, err)
	assert.Equal(t, "Park redesign ", sc.Title())
	_, err = scorecard.New("\n\t", scorecard.Input{Process: fixture.RichProcess(t)}, scorecard.FigureContributions)
	require.ErrorIs(t, err, scorecard.ErrInvalid)
}

// peopleIn returns a looser fixture process, open, in which people from the
// given areas contributed once each.
func peopleIn(t *testing.T, areas map[string]int) *engagement.Process {
	p := fixture.LooseProcess(t)
	require.NoError(t, p.Announce(fixture.Created))
	require.NoError(t, p.Open(fixture.Created))
	n := 0
	for _, area := range slices.Sorted(func(yield func(string) bool) {
		for a := range areas {
			if !yield(a) {
				return
			}
		}
	}) {
		for range areas[area] {
			who := engagement.Participant{ID: fixture.ID(100 + n), Profile: stakeholder.Profile{AgeBand: stakeholder.AgeBand35To44, Area: area, Resident: true}}
			require.NoError(t, p.Contribute(engagement.Submission{ID: fixture.ID(1000 + n), Participant: who, Kind: engagement.ContributionKindComment, Text: "x"}, fixture.Created))
			n++
		}
	}
	return p
}

// TestRepresentativeness works the score out by hand, with small cells
// suppressed and merged.
func TestRepresentativeness(t *testing.T) {
	population := []metrics.GroupCount{{Group: "north", Count: 1000}, {Group: "south", Count: 1000}, {Group: "east", Count: 500}, {Group: "west", Count: 500}}
	cases := []struct {
		name       string
		areas      map[string]int
		population []metrics.GroupCount
		policy     metrics.SuppressionPolicy
		want       string
		verdict    metrics.Verdict
	}{
		// East (2) and west (0) are suppressed and merged: 2 of 1,000.
		// Rates: north 10/1000, south 6/1000, merged 2/1000; the score is
		// 0.002 / 0.010 = 0.2.
		{"two small cells merged", map[string]int{"north": 10, "south": 6, "east": 2}, population, metrics.SuppressionPolicy{}, "0.200000", notMet},
		// Only east (2) is small; south (6), the smallest visible count, is
		// suppressed with it so that east cannot be worked out: merged 8 of
		// 1,500 against north 10 of 1,000. Score (8/1500) / (10/1000) =
		// 0.533333.
		{"complementary cell", map[string]int{"north": 10, "south": 6, "east": 2}, population[:3], metrics.SuppressionPolicy{}, "0.533333", notMet},
		// With k = 2, every count is visible: north 10/1000 and south
		// 9/1000 give 0.9.
		{"every cell visible", map[string]int{"north": 10, "south": 9}, population[:2], metrics.SuppressionPolicy{MinCellSize: 2}, "0.900000", met},
		// Everything suppressed leaves one merged group: nothing to compare.
		{"all suppressed", map[string]int{"north": 1, "south": 1}, population[:2], metrics.SuppressionPolicy{}, "undefined", undefined},
		{"one group", map[string]int{"north": 10}, population[:1], metrics.SuppressionPolicy{}, "undefined", undefined},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := peopleIn(t, tc.areas)
			sc, err := scorecard.New("Card", scorecard.Input{Process: p, Options: scorecard.Options{
				Dimension: stakeholder.DimensionArea, Representativeness: metrics.RepresentativenessSpec{Population: tc.population, Policy: tc.policy}}}, scorecard.FigureRepresentativeness)
			require.NoError(t, err)
			rows, _ := card(t, sc)
			assert.Equal(t, tc.want, rows["Representativeness"].value)
			assert.Equal(t, tc.verdict, rows["Representativeness"].verdict)
		})
	}
	t.Run("group missing from the population", func(t *testing.T) {
		p := peopleIn(t, map[string]int{"north": 10, "harbour": 3})
		_, err := scorecard.New("Card", scorecard.Input{Process: p, Options: scorecard.Options{
			Dimension: stakeholder.DimensionArea, Representativeness: metrics.RepresentativenessSpec{Population: population}}}, scorecard.FigureRepresentativeness)
		require.ErrorIs(t, err, metrics.ErrMismatchedGroups)
		require.ErrorContains(t, err, `"harbour"`)
	})
	t.Run("no participants", func(t *testing.T) {
		p := fixture.LooseProcess(t)
		sc, err := scorecard.New("Card", scorecard.Input{Process: p, Options: scorecard.Options{
			Dimension: stakeholder.DimensionArea, Representativeness: metrics.RepresentativenessSpec{Population: population, Policy: metrics.SuppressionPolicy{MinCellSize: 1, ShowZeros: true}}}},
			scorecard.FigureRepresentativeness)
		require.NoError(t, err)
		rows, _ := card(t, sc)
		assert.Equal(t, undefined, rows["Representativeness"].verdict)
	})
	t.Run("label clash", func(t *testing.T) {
		// A population group called "(suppressed)" does not clash with the
		// merged group: north 10/1000, "(suppressed)" 10/1000, merged
		// east and west 2/1000: 0.2.
		pop := []metrics.GroupCount{{Group: "north", Count: 1000}, {Group: "(suppressed)", Count: 1000}, {Group: "east", Count: 500}, {Group: "west", Count: 500}}
		p := peopleIn(t, map[string]int{"north": 10, "(suppressed)": 10, "east": 1, "west": 1})
		sc, err := scorecard.New("Card", scorecard.Input{Process: p, Options: scorecard.Options{
			Dimension: stakeholder.DimensionArea, Representativeness: metrics.RepresentativenessSpec{Population: pop}}}, scorecard.FigureRepresentativeness)
		require.NoError(t, err)
		rows, _ := card(t, sc)
		assert.Equal(t, "0.200000", rows["Representativeness"].value)
	})
}

// TestScorecardEmptyProcess: a process with no records has undefined rates
// and missed counts, never an error.
func TestScorecardEmptyProcess(t *testing.T) {
	sc, err := scorecard.ForProcess(scorecard.Input{Process: fixture.NewProcess(t), Options: scorecard.Options{TargetPopulation: 10}})
	require.NoError(t, err)
	rows, _ := card(t, sc)
	assert.Equal(t, cardRow{"0", "", "at least 5", notMet}, rows["Exposures"])
	assert.Equal(t, cardRow{"0.00 %", "0 of 10", "at least 50 %", notMet}, rows["Visibility"])
	for _, name := range []string{"Attendance rate", "Closing-the-loop rate", "Median response time", "Influence rate", "Implementation progress"} {
		assert.Equal(t, undefined, rows[name].verdict, name)
	}
	assert.Equal(t, "at most 21 d", rows["90th percentile response time"].target)
}

// TestScorecardDefaultResponseDays holds answers to two weeks when the rules
// make no commitment, and reads the schedule at the options' time.
func TestScorecardDefaultResponseDays(t *testing.T) {
	p := fixture.InState(t, engagement.StateImplementing)
	s := fixture.Spec(t)
	s.Rules.ResponseDays = 0
	q, err := engagement.NewProcess(s, fixture.Created)
	require.NoError(t, err)
	sc, err := scorecard.ForProcess(scorecard.Input{Process: q, Options: scorecard.Options{}})
	require.NoError(t, err)
	rows, _ := card(t, sc)
	assert.Equal(t, "at most 14 d", rows["Median response time"].target)

	// Made on 20 April 10:00, due 1 October 09:00: on 1 October the
	// schedule asks for 100 %; the commitment is done.
	sc, err = scorecard.ForProcess(scorecard.Input{Process: p, Options: scorecard.Options{At: fixture.Date(time.October, 1)}})
	require.NoError(t, err)
	rows, _ = card(t, sc)
	assert.Equal(t, cardRow{"100.00 %", "", "at least 100.00 %", met}, rows["Implementation progress"])
	// Before it was made, the schedule asks for nothing.
	sc, err = scorecard.ForProcess(scorecard.Input{Process: p, Options: scorecard.Options{At: fixture.Created}})
	require.NoError(t, err)
	rows, _ = card(t, sc)
	assert.Equal(t, "at least 0.00 %", rows["Implementation progress"].target)
}

// TestImplementationProgressMean: each commitment counts once, whatever its
// weights. Commitment A is 1 of 4 done (25 %), B 2 of 2 (100 %): the mean
// is 62.5 %, not the pooled 3 of 6 (50 %).
func TestImplementationProgressMean(t *testing.T) {
	p := fixture.InState(t, engagement.StateDecided)
	a := engagement.CommitmentSpec{ID: fixture.ID(45), Action: "A", Owner: "Parks", Due: fixture.Date(time.October, 1),
		Milestones: []engagement.MilestoneSpec{{Name: "one", Weight: 1}, {Name: "rest", Weight: 3}}}
	b := engagement.CommitmentSpec{ID: fixture.ID(46), Action: "B", Owner: "Parks", Due: fixture.Date(time.October, 1),
		Milestones: []engagement.MilestoneSpec{{Name: "all", Weight: 2}}}
	require.NoError(t, p.AddCommitment(a, fixture.Decided.Add(time.Hour)))
	require.NoError(t, p.AddCommitment(b, fixture.Decided.Add(time.Hour)))
	require.NoError(t, p.StartImplementation(fixture.Started))
	require.NoError(t, p.CompleteMilestone(fixture.CommitID, "Design", fixture.Started))
	require.NoError(t, p.CompleteMilestone(fixture.CommitID, "Build", fixture.Started))
	require.NoError(t, p.CompleteMilestone(fixture.ID(45), "one", fixture.Started))
	require.NoError(t, p.CompleteMilestone(fixture.ID(46), "all", fixture.Started))
	// The fixture's commitment is done too: (1 + 0.25 + 1) / 3 = 0.75.
	sc, err := scorecard.New("Card", scorecard.Input{Process: p}, scorecard.FigureImplementationProgress)
	require.NoError(t, err)
	rows, _ := card(t, sc)
	assert.Equal(t, "75.00 %", rows["Implementation progress"].value)
}

// TestResponseTimePercentiles holds the scorecard's percentiles against
// metrics.SummarizeResponseTimes on the same answers.
func TestResponseTimePercentiles(t *testing.T) {
	p := fixture.InState(t, engagement.StateOpen)
	at := p.LastChange()
	const n = 2000
	for i := range n {
		require.NoError(t, p.Contribute(engagement.Submission{ID: fixture.SeqID(uint64(i)), Participant: fixture.Person(i % 3), Kind: engagement.ContributionKindIdea, Text: "x"}, at.Add(time.Duration(i)*time.Second)))
	}
	r := rand.New(rand.NewPCG(1, 2))
	start := at.Add(n * time.Second)
	for j := range n {
		i := r.IntN(n)
		c, _ := p.Contribution(fixture.SeqID(uint64(i)))
		if _, done := c.Response(); done {
			continue
		}
		require.NoError(t, p.Respond(fixture.SeqID(uint64(i)), engagement.Response{Kind: engagement.ResponseKindNoted, Responder: fixture.OfficerID}, start.Add(time.Duration(j)*time.Minute)))
	}
	var times []time.Duration // the fixture's two answers included
	for c := range p.Contributions() {
		if d, ok := c.ResponseTime(); ok {
			times = append(times, d)
		}
	}
	want, err := metrics.SummarizeResponseTimes(times)
	require.NoError(t, err)
	sc, err := scorecard.New("Card", scorecard.Input{Process: p}, scorecard.FigureMedianResponseTime, scorecard.FigureP90ResponseTime)
	require.NoError(t, err)
	var got []time.Duration
	for _, e := range sc.All() {
		d, ok := e.Measurement().Duration()
		require.True(t, ok)
		got = append(got, d)
	}
	assert.Equal(t, []time.Duration{want.Median, want.P90}, got)
}
