package concerns_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder/concerns"
)

// The quarter of the figures tests: Q1 2025, [1 Jan, 1 Apr), as of 10 April
// 09:00 (day 94 after t0, Monday 6 January 09:00). Rules: the defaults
// (acknowledge within 2 days, propose within 15, extensions up to 15, 3
// levels, the clock paused while waiting for information).
var (
	q1    = metrics.Period{Start: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)}
	asOf  = days(94)
	named = func(n int, confidential bool) concerns.Complainant {
		return concerns.Complainant{Disclosure: concerns.DisclosureNamed, ID: id(n), Confidential: confidential}
	}
)

// Complainants: A = 101 (named), B = 102 (pseudonymous), C = 103 (named,
// confidential), D = 104, E = 105 (pseudonymous); case 4 is anonymous.
const confidentialComplainant = 103

// quarter builds the register of the figures tests. Each case's story is
// told in days after t0 (d0 = 6 Jan; d84 = 31 Mar; d94 = 10 Apr).
func quarter(t testing.TB) *concerns.Register {
	t.Helper()
	r := newRegister(t)
	must := func(err error) {
		t.Helper()
		require.NoError(t, err)
	}
	in := concerns.Assessment{Scope: concerns.ScopeIn}
	receive := func(n int, c concerns.Complainant, at time.Time) {
		d := details(n, 0)
		d.Complainant = c
		must(r.Receive(d, officer, at))
	}
	// Case 9, before the quarter: received d-27 (10 Dec), closed resolved d2.
	receive(9, concerns.Complainant{Disclosure: concerns.DisclosurePseudonymous, ID: id(105)}, days(-27))
	must(r.Acknowledge(id(9), officer, days(-26)))
	must(r.Assess(id(9), in, officer, days(-26)))
	must(r.ProposeResolution(id(9), "Quieter generator", officer, days(-15)))
	must(r.Accept(id(9), officer, days(-10)))
	must(r.Close(id(9), "", officer, days(2)))
	// Case 1 (A): on time throughout, resolved d20.
	receive(1, named(101, false), days(0))
	must(r.Acknowledge(id(1), officer, days(1)))
	must(r.Assess(id(1), in, officer, days(2)))
	must(r.Investigate(id(1), officer, days(3)))
	must(r.ProposeResolution(id(1), "No work after 19:00", officer, days(10)))
	must(r.Accept(id(1), officer, days(12)))
	must(r.Close(id(1), "Hours changed", officer, days(20)))
	// Case 2 (A): acknowledged late (d8 > d7), proposal late (d25 > d20),
	// appealed d27, second proposal accepted d31, resolved d40.
	receive(2, named(101, false), days(5))
	must(r.Acknowledge(id(2), officer, days(8)))
	must(r.Assess(id(2), in, officer, days(8)))
	must(r.ProposeResolution(id(2), "An apology", officer, days(25)))
	must(r.Escalate(id(2), "Wants a barrier", officer, days(27)))
	must(r.ProposeResolution(id(2), "A noise barrier", officer, days(30)))
	must(r.Accept(id(2), officer, days(31)))
	must(r.Close(id(2), "Barrier built", officer, days(40)))
	// Case 3 (B): paused d13 to d23, so the deadline d25 moves to d35; the
	// proposal d33 is on time; rejected, closed unresolved d34.
	receive(3, concerns.Complainant{Disclosure: concerns.DisclosurePseudonymous, ID: id(102)}, days(10))
	must(r.Acknowledge(id(3), officer, days(11)))
	must(r.Assess(id(3), in, officer, days(11)))
	must(r.Investigate(id(3), officer, days(12)))
	must(r.RequestInformation(id(3), "Which nights?", officer, days(13)))
	must(r.ProvideInformation(id(3), "", officer, days(23)))
	must(r.ProposeResolution(id(3), "Monitoring for a month", officer, days(33)))
	must(r.Close(id(3), "Rejected; no appeal", officer, days(34)))
	// Case 4 (anonymous): referred out of scope d22.
	receive(4, concerns.Complainant{Disclosure: concerns.DisclosureAnonymous}, days(20))
	must(r.Acknowledge(id(4), officer, days(21)))
	must(r.Assess(id(4), concerns.Assessment{Scope: concerns.ScopeOut, Reason: "Water supply", Referral: "Water utility"}, officer, days(22)))
	// Case 5 (B): withdrawn d31, before its acknowledgement fell due (d32).
	receive(5, concerns.Complainant{Disclosure: concerns.DisclosurePseudonymous, ID: id(102)}, days(30))
	must(r.Withdraw(id(5), "", officer, days(31)))
	// Case 6 (C, confidential): extended 10 days d50 (deadline d55 → d65),
	// proposal d60 on time, resolved d62, reopened d70, open since.
	receive(6, named(confidentialComplainant, true), days(40))
	must(r.Acknowledge(id(6), officer, days(41)))
	must(r.Assess(id(6), in, officer, days(41)))
	must(r.Extend(id(6), 10, "Survey", officer, days(50)))
	must(r.Investigate(id(6), officer, days(51)))
	must(r.ProposeResolution(id(6), "Repair the wall", officer, days(60)))
	must(r.Accept(id(6), officer, days(61)))
	must(r.Close(id(6), "", officer, days(62)))
	must(r.Reopen(id(6), "Crack again", officer, days(70)))
	// Case 11 (E): no proposal by its deadline d75; open.
	receive(11, concerns.Complainant{Disclosure: concerns.DisclosurePseudonymous, ID: id(105)}, days(60))
	must(r.Acknowledge(id(11), officer, days(61)))
	must(r.Assess(id(11), in, officer, days(61)))
	must(r.Investigate(id(11), officer, days(62)))
	// Case 7 (C, confidential): acknowledged late d85 (due d82); open.
	receive(7, named(confidentialComplainant, true), days(80))
	must(r.Acknowledge(id(7), officer, days(85)))
	// Case 8 (D): never acknowledged, due d85; open.
	receive(8, concerns.Complainant{Disclosure: concerns.DisclosurePseudonymous, ID: id(104)}, days(83))
	// Case 10: received after the quarter, d90; open.
	receive(10, concerns.Complainant{Disclosure: concerns.DisclosurePseudonymous, ID: id(104)}, days(90))
	// Issue X: cases 1, 2, 3 (3 in Q1, 0 before: up). Issue Y: cases 9 and
	// 11 (1 and 1: flat). Issue Z: case 10 (0 and 0: flat).
	for _, is := range []struct {
		n     int
		cases []int
	}{{301, []int{1, 2, 3}}, {302, []int{9, 11}}, {303, []int{10}}} {
		must(r.OpenIssue(concerns.IssueDetails{ID: id(is.n), Title: "Issue " + string(rune('X'+is.n-301)), Topic: "night_work", Area: "north"}, officer, days(91)))
		for _, c := range is.cases {
			must(r.AddToIssue(id(is.n), id(c), officer, days(91)))
		}
	}
	return r
}

// TestPerformanceByHand checks every figure of the quarter against the
// answer worked out by hand in the comments.
func TestPerformanceByHand(t *testing.T) {
	r := quarter(t)
	fs, err := r.Performance(q1, asOf)
	require.NoError(t, err)

	// Received in Q1: cases 1-8 and 11 (9 before, 10 after) = 9.
	assert.Equal(t, 9, fs.Received)
	ratio := func(name string, got metrics.Ratio, num, den int64) {
		t.Helper()
		assert.Equal(t, [2]int64{num, den}, [2]int64{got.Numerator(), got.Denominator()}, name)
	}
	// Acknowledged on time: 1 ✓, 2 ✗ (d8 > d7), 3 ✓, 4 ✓, 5 left out
	// (withdrawn d31 before due d32), 6 ✓, 7 ✗ (d85 > d82), 8 ✗ (none, due
	// d85 < d94), 11 ✓: 5 of 8 = 62.50 %.
	ratio("acknowledged on time", fs.AcknowledgedOnTime, 5, 8)
	assert.Equal(t, "62.50 %", fs.AcknowledgedOnTime.PercentText())
	// Proposed on time: 1 ✓ (d10 ≤ d15), 2 ✗ (d25 > d20), 3 ✓ (d33 ≤ d35
	// after a 10-day pause), 4 referred: out, 5 closed before due: out, 6 ✓
	// (d60 ≤ d65 after a 10-day extension), 7 and 8 not yet due (d95, d98 >
	// d94): out, 11 ✗ (none, due d75). 1, 3 and 6 on time, 2 and 11 late:
	// 3 of 5 = 60.00 %.
	ratio("proposed on time", fs.ProposedOnTime, 3, 5)
	// Closed resolved or unresolved in Q1: 9 (29 d), 1 (20 d), 3 (24 d,
	// unresolved), 2 (35 d); 4 referred, 5 withdrawn and 6 reopened are out.
	// Sorted 20, 24, 29, 35: median rank ⌈0.5·4⌉ = 2 → 24 d; 90th ⌈0.9·4⌉
	// = 4 → 35 d. Resolved 3 of 4 = 75.00 %.
	assert.Equal(t, 4, fs.Closed)
	med, ok := fs.MedianToClose.Duration()
	require.True(t, ok)
	assert.Equal(t, 24*24*time.Hour, med)
	p90, ok := fs.P90ToClose.Duration()
	require.True(t, ok)
	assert.Equal(t, 35*24*time.Hour, p90)
	ratio("resolved", fs.Resolved, 3, 4)
	// Proposals answered in Q1: 1 accepted d12; 2 escalated d27 and
	// accepted d31; 3 closed unresolved d34; 6 accepted d61; 9's answer
	// (d-10) is before Q1. Accepted 3 of 5, escalated 1 of 5.
	ratio("accepted", fs.Accepted, 3, 5)
	ratio("escalated", fs.Escalated, 1, 5)
	// Closures in Q1: 9, 1, 2, 3, 4, 5, 6 = 7; reopened since: 6. 1 of 7.
	ratio("reopened", fs.Reopened, 1, 7)
	assert.Equal(t, "14.29 %", fs.Reopened.PercentText())
	// Open at d94: 6 (received d40, 54 days), 11 (d60, 34), 7 (d80, 14),
	// 8 (d83, 11), 10 (d90, 4). Bands: 1, 2, 2, 0; over 30 days 2 of 5.
	assert.Equal(t, 5, fs.Open)
	assert.Equal(t, []concerns.BacklogCount{{Band: concerns.BacklogBandUpTo7Days, Count: 1}, {Band: concerns.BacklogBand8To30Days, Count: 2},
		{Band: concerns.BacklogBand31To90Days, Count: 2}, {Band: concerns.BacklogBandOver90Days, Count: 0}}, fs.Backlog)
	ratio("aged backlog", fs.AgedBacklog, 2, 5)
	// Identified complainants of Q1's cases: A (1, 2), B (3, 5), C (6, 7),
	// E (11), D (8); case 4 is anonymous. Repeat: A, B, C = 3 of 5.
	ratio("repeat complainants", fs.RepeatComplainants, 3, 5)
	// Issues trending up: X (3 against 0). Y is 1 against 1 (case 9 was
	// received in the quarter before), Z 0 against 0.
	n, ok := fs.IssuesTrendingUp.Count()
	require.True(t, ok)
	assert.Equal(t, int64(1), n)
}

// TestPerformanceVerdicts holds the quarter against the default targets.
func TestPerformanceVerdicts(t *testing.T) {
	fs, err := quarter(t).Performance(q1, asOf)
	require.NoError(t, err)
	want := map[concerns.Figure]metrics.Verdict{
		concerns.FigureAcknowledgedOnTime: metrics.VerdictNotMet, // 62.50 % < 95 %
		concerns.FigureProposedOnTime:     metrics.VerdictNotMet, // 60 % < 90 %
		concerns.FigureMedianDaysToClose:  metrics.VerdictNotMet, // 24 d > 15 d
		concerns.FigureP90DaysToClose:     metrics.VerdictNotMet, // 35 d > 30 d
		concerns.FigureResolvedShare:      metrics.VerdictNotMet, // 75 % < 80 %
		concerns.FigureAcceptedShare:      metrics.VerdictNotMet, // 60 % < 75 %
		concerns.FigureEscalationRate:     metrics.VerdictNotMet, // 20 % > 15 %
		concerns.FigureReopenRate:         metrics.VerdictNotMet, // 14.29 % > 5 %
		concerns.FigureAgedBacklog:        metrics.VerdictNotMet, // 40 % > 10 %
		concerns.FigureRepeatComplainants: metrics.VerdictNotMet, // 60 % > 20 %
		concerns.FigureIssuesTrendingUp:   metrics.VerdictNotMet, // 1 > 0
	}
	require.Len(t, want, len(concerns.Figures()))
	for f, v := range want {
		e, err := fs.Evaluate(f)
		require.NoError(t, err)
		assert.Equal(t, v, e.Verdict(), f.String())
	}
	card, err := fs.Scorecard("Q1")
	require.NoError(t, err)
	assert.Equal(t, len(concerns.Figures()), card.Len())
}

// TestPerformanceEmpty checks that an empty register gives undefined
// figures, not errors, and that the zero period leaves the trend undefined.
func TestPerformanceEmpty(t *testing.T) {
	fs, err := newRegister(t).Performance(metrics.Period{}, t0)
	require.NoError(t, err)
	for _, f := range concerns.Figures() {
		assert.False(t, fs.Measurement(f).Defined(), f.String())
		e, err := fs.Evaluate(f)
		require.NoError(t, err)
		assert.Equal(t, metrics.VerdictUndefined, e.Verdict(), f.String())
	}
}

// TestPerformanceRefusals checks the inputs Performance refuses.
func TestPerformanceRefusals(t *testing.T) {
	r := quarter(t)
	_, err := r.Performance(q1, days(50))
	require.ErrorIs(t, err, concerns.ErrTimeOrder, "figures before the latest change")
	_, err = r.Performance(metrics.Period{Start: q1.End, End: q1.Start}, asOf)
	require.ErrorIs(t, err, concerns.ErrInvalid)
	_, err = r.Performance(q1, time.Time{})
	require.ErrorIs(t, err, concerns.ErrInvalid)
	_, err = concerns.Figure(0).Indicator(concerns.DefaultRules())
	require.ErrorIs(t, err, concerns.ErrInvalid)
}

// TestFigureTable checks that every figure has its definition, unit,
// polarity and a target that suits it.
func TestFigureTable(t *testing.T) {
	for _, f := range concerns.Figures() {
		assert.NotEmpty(t, f.Label())
		assert.NotEmpty(t, f.Definition())
		assert.NotEmpty(t, f.HowMeasured())
		_, err := f.Indicator(concerns.DefaultRules())
		require.NoError(t, err, f.String())
	}
	assert.Empty(t, concerns.Figure(99).Definition())
	assert.Equal(t, metrics.Unit(0), concerns.Figure(99).Unit())
}

// TestIssueSummary checks an issue's line: counts, trend, actions, links.
func TestIssueSummary(t *testing.T) {
	r := quarter(t)
	is, err := r.Issue(id(301))
	require.NoError(t, err)
	require.NoError(t, r.AddAction(id(301), concerns.Action{ID: id(401), Text: "Noise barrier"}, officer, days(92)))
	require.NoError(t, r.RaiseWithProcess(id(301), id(501), officer, days(92)))
	require.NoError(t, r.AnswerWithCommitment(id(301), id(601), officer, days(92)))
	s := is.Summary(q1)
	// Cases 1, 2, 3: all closed; stakeholders: id(5000) in each; identified
	// complainants A and B.
	assert.Equal(t, concerns.IssueSummary{ID: id(301), Title: "Issue X", Topic: "night_work", Area: "north",
		State: concerns.IssueStateOpen, Cases: 3, OpenCases: 0, Stakeholders: 1, Complainants: 2, InPeriod: 3, InPrevious: 0,
		Trend: concerns.TrendUp, OpenActions: 1, Processes: 1, Commitments: 1}, s)
	assert.Equal(t, []uuid.UUID{id(1), id(2), id(3)}, is.Cases())
}
