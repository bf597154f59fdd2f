package scorecard_test

import (
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// largeProcess returns a decided process with n contributions from people
// participants, received a second apart and all answered in a scrambled
// order a second apart, so that response times spread from minutes to
// weeks; a campaign, a workshop with 200 registrations, a decision citing
// one contribution in a thousand, and a commitment.
func largeProcess(tb testing.TB, n, people int) *engagement.Process {
	p := fixture.InState(tb, engagement.StateOpen)
	who := fixture.BenchPeople(people)
	t0 := p.LastChange()
	aud, err := engagement.NewAudience("every household")
	require.NoError(tb, err)
	require.NoError(tb, p.AddCampaign(engagement.CampaignSpec{ID: fixture.CampaignID, Name: "Leaflets", Medium: engagement.MediumDirectMail, Audience: aud}, t0))
	require.NoError(tb, p.RecordReach(fixture.CampaignID, fixture.AudienceOf(180_000, 300_000), t0))
	require.NoError(tb, p.AddActivity(engagement.ActivitySpec{ID: fixture.WorkshopID, Title: "Workshop", Method: engagement.MethodWorkshop,
		Start: t0.Add(time.Hour), End: t0.Add(4 * time.Hour), RegistrationRequired: true}, t0))
	for i := range 200 {
		require.NoError(tb, p.Register(fixture.WorkshopID, who[i], t0))
	}
	for i := range 150 {
		require.NoError(tb, p.Attend(fixture.WorkshopID, who[i], t0.Add(time.Hour)))
	}
	start := t0.Add(time.Hour)
	for i := range n {
		s := engagement.Submission{ID: fixture.SeqID(uint64(i)), Participant: who[i%people], Kind: engagement.ContributionKindIdea, Text: "Benches"}
		require.NoError(tb, p.Contribute(s, start.Add(time.Duration(i)*time.Second)))
	}
	// 7919 is prime and divides no power of ten: j·7919 mod n visits every
	// contribution once for the sizes used here.
	answerFrom := start.Add(time.Duration(n) * time.Second)
	for j := range n {
		i := uint64(j) * 7919 % uint64(n)
		require.NoError(tb, p.Respond(fixture.SeqID(i), engagement.Response{Kind: engagement.ResponseKindNoted, Responder: fixture.OfficerID}, answerFrom.Add(time.Duration(j)*time.Second)))
	}
	require.NoError(tb, p.Close(fixture.Closed))
	cited := make([]uuid.UUID, 0, n/1000)
	for i := 0; i < n; i += 1000 {
		cited = append(cited, fixture.SeqID(uint64(i)))
	}
	require.NoError(tb, p.Decide(engagement.Decision{Outcome: "Benches", Rationale: "Asked for", ShapedBy: cited}, fixture.Decided))
	require.NoError(tb, p.AddCommitment(fixture.CommitmentSpec(fixture.CommitID), fixture.Decided))
	return p
}

// largeOptions compares the participants by age band with a population of
// 200,000 people.
func largeOptions() scorecard.Options {
	return scorecard.Options{TargetPopulation: 200_000, Dimension: stakeholder.DimensionAgeBand, Representativeness: metrics.RepresentativenessSpec{
		Population: []metrics.GroupCount{{Group: "18-24", Count: 40_000}, {Group: "25-34", Count: 60_000}, {Group: "35-44", Count: 50_000}, {Group: "65-74", Count: 50_000}}}}
}

// BenchmarkScorecard computes the full process scorecard, and the promise
// audit, of a process with 1,000,000 contributions from 100,000
// participants (the fixture is built once, outside the timed loops). Run
// it with
//
//	go test -run=^$ -bench=Scorecard -benchmem -benchtime=3x ./engagement/
func BenchmarkScorecard(b *testing.B) {
	p := largeProcess(b, 1_000_000, 100_000)
	o := largeOptions()
	b.Run("process", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := scorecard.ForProcess(scorecard.Input{Process: p, Options: o}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("audit", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := p.Audit(fixture.Completed); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestLargeProcessScorecard runs the benchmark's scorecard on a smaller
// fixture and checks it: every contribution answered, one in a thousand
// cited, and percentiles equal to metrics' on the same times.
func TestLargeProcessScorecard(t *testing.T) {
	const n = 20_000
	p := largeProcess(t, n, 2_000)
	sc, err := scorecard.ForProcess(scorecard.Input{Process: p, Options: largeOptions()})
	require.NoError(t, err)
	rows, _ := card(t, sc)
	// The fixture's two contributions and n more, all answered.
	require.Equal(t, "20002 of 20002", rows["Closing-the-loop rate"].basis)
	// The decision cites 20; the commitment cites the fixture's first
	// contribution: 21 of 20,002.
	require.Equal(t, "21 of 20002", rows["Influence rate"].basis)
	require.Equal(t, "150 of 200", rows["Attendance rate"].basis)
	var times []time.Duration
	for c := range p.Contributions() {
		d, _ := c.ResponseTime()
		times = append(times, d)
	}
	want, err := metrics.SummarizeResponseTimes(times)
	require.NoError(t, err)
	for _, e := range sc.All() {
		if d, ok := e.Measurement().Duration(); ok {
			require.Contains(t, []time.Duration{want.Median, want.P90}, d)
		}
	}
	require.NotEqual(t, want.Median, want.P90)
}
