package budgeting_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pid returns a fixed ID of the process tests.
func pid(n byte) uuid.UUID { return uuid.UUID{0: 0xb0, 15: n} }

// pday returns a day of 2025 at 10:00 UTC.
func pday(m time.Month, d int) time.Time { return time.Date(2025, m, d, 10, 0, 0, 0, time.UTC) }

// calendar is the test budget's plan.
var calendar = budgeting.Calendar{Proposals: pday(time.March, 1), Review: pday(time.April, 1), Voting: pday(time.May, 1),
	Results: pday(time.May, 20), Implementation: pday(time.June, 1), Due: pday(time.December, 1)}

// openBudget returns a budget of 100,000 open for proposals on 1 March,
// verified against the test census, with a 40 % minimum share.
func openBudget(t testing.TB) *budgeting.Budget {
	t.Helper()
	authority, err := engagement.NewAuthority(pid(1), "City of Riverton", pid(1))
	require.NoError(t, err)
	rule, err := budgeting.RuleByName("greedy_cost")
	require.NoError(t, err)
	b, err := budgeting.NewBudget(budgeting.BudgetSpec{
		Process: engagement.ProcessSpec{ID: pid(2), Title: "Ward budget", Question: "What should the ward fund?",
			Authority: authority, Level: engagement.LevelEmpower, Rules: engagement.Rules{Eligibility: engagement.Eligibility{MinAge: 16}}},
		Calendar: calendar, Amount: decimal.NewFromInt(100000), VoteType: budgeting.VoteTypeApproval,
		Form: budgeting.BallotForm{MinBudgetShare: decimal.NewFromInt(40), Knapsack: true},
		Rule: rule, Revote: budgeting.RevotePolicyFirstCounts, Verifier: census(t, people...),
		Milestones: []engagement.MilestoneSpec{{Name: "Built", Weight: 1}},
	}, pday(time.February, 1))
	require.NoError(t, err)
	require.NoError(t, b.Announce(pday(time.February, 2)))
	require.NoError(t, b.Open(pday(time.March, 1)))
	return b
}

// author is a resident who proposes.
func author(n byte) engagement.Participant {
	return engagement.Participant{ID: pid(100 + n), Profile: stakeholder.Profile{AgeBand: stakeholder.AgeBand35To44, Area: "north", Resident: true}}
}

// propose adds three proposals (IDs 11, 12, 13) and reviews them: 13 is not
// feasible.
func proposeAndReview(t testing.TB, b *budgeting.Budget) {
	t.Helper()
	for i, title := range []string{"Trees", "Crossing", "Parking"} {
		require.NoError(t, b.Propose(budgeting.Proposal{ID: pid(11 + byte(i)), Author: author(byte(i)), Title: title,
			Cost: decimal.NewFromInt(30000)}, pday(time.March, 2+i)))
	}
	require.NoError(t, b.Review(pid(11), budgeting.Review{Feasible: true, Cost: decimal.NewFromInt(40000), Owner: "Parks", Reviewer: pid(3)}, pday(time.April, 2)))
	require.NoError(t, b.Review(pid(12), budgeting.Review{Feasible: true, Cost: decimal.NewFromInt(30000), Owner: "Roads", Reviewer: pid(3)}, pday(time.April, 2)))
	require.NoError(t, b.Review(pid(13), budgeting.Review{Reason: "Parking is set by the city-wide plan.", Reviewer: pid(3)}, pday(time.April, 3)))
}

// A proposal rejected at review, a ballot rejected at casting, and a
// second ballot by the same person all remain visible with their reasons,
// and every funded project traces back to its proposal and its votes.
func TestBudgetKeepsEveryRefusalVisible(t *testing.T) {
	b := openBudget(t)
	proposeAndReview(t, b)
	require.NoError(t, b.OpenVoting(pday(time.May, 1)))
	box := b.Box()
	cast := func(doc string, h int, projects ...string) budgeting.Receipt {
		r, err := box.Cast(castAt(ballot(doc, budgeting.BallotChannelOnline, 0, projects...)).withAt(pday(time.May, 2).Add(time.Duration(h) * time.Hour)))
		require.NoError(t, err)
		return r
	}
	assert.Equal(t, budgeting.BallotStatusCounted, cast("A-1", 1, "1", "2").Status)
	tooLittle := cast("A-2", 2, "2") // 30 % of the budget
	assert.Equal(t, budgeting.BallotStatusCounted, cast("A-3", 3, "1").Status)
	again := cast("A 1", 4, "1")
	require.NoError(t, b.Count(context.Background(), pday(time.May, 21)))

	// the proposal turned down at review
	rec, ok := b.Proposal(pid(13))
	require.True(t, ok)
	assert.False(t, rec.Review.Feasible)
	assert.Equal(t, "Parking is set by the city-wide plan.", rec.Review.Reason)
	assert.Empty(t, rec.Project)
	c, ok := b.Process().Contribution(pid(13))
	require.True(t, ok)
	resp, _ := c.Response()
	assert.Equal(t, engagement.ResponseKindNotAccepted, resp.Kind)
	assert.Equal(t, rec.Review.Reason, resp.Text)

	// the ballot rejected at casting, and the second ballot
	for _, r := range []struct {
		seq  int
		want error
	}{{tooLittle.Seq, budgeting.ErrMinBudgetShare}, {again.Seq, budgeting.ErrAlreadyVoted}} {
		got, ok := box.Record(r.seq)
		require.True(t, ok)
		assert.Equal(t, budgeting.BallotStatusRejected, got.Status)
		require.ErrorIs(t, got.Reason, r.want)
	}
	assert.Len(t, slices.Collect(box.Rejected()), 2)
	assert.Equal(t, 4, box.Len())

	// the funded projects, traced
	funded := 0
	for rec := range b.Proposals() {
		if !rec.Funded {
			continue
		}
		funded++
		cm, ok := b.Process().Commitment(rec.Commitment)
		require.True(t, ok)
		assert.Equal(t, []uuid.UUID{rec.Proposal.ID}, cm.ShapedBy())
		assert.Equal(t, rec.Review.Owner, cm.Owner())
		votes := slices.Collect(b.Votes(rec.Proposal.ID))
		assert.Equal(t, rec.Votes, int64(len(votes)))
		assert.NotZero(t, rec.Votes)
	}
	assert.Equal(t, 2, funded)
	d, ok := b.Process().Decision()
	require.True(t, ok)
	assert.True(t, d.FollowsPublicChoice)
	assert.ElementsMatch(t, []uuid.UUID{pid(11), pid(12)}, d.ShapedBy)

	// implementation, seen by the process
	require.NoError(t, b.StartImplementation(pday(time.June, 2)))
	require.ErrorIs(t, b.CompleteMilestone(pid(13), "Built", pday(time.June, 3)), budgeting.ErrNotFound)
	require.NoError(t, b.CompleteMilestone(pid(11), "Built", pday(time.June, 3)))
	require.NoError(t, b.CompleteMilestone(pid(12), "Built", pday(time.June, 4)))
	require.NoError(t, b.Complete(pday(time.June, 5)))
	assert.Equal(t, engagement.StateCompleted, b.Process().State())
}

// castAt is a cast whose time a test sets.
type castAt budgeting.Cast

// withAt returns the cast at another time.
func (c castAt) withAt(at time.Time) budgeting.Cast { c.At = at; return budgeting.Cast(c) }

// Each step refuses what its preconditions rule out, and changes nothing.
func TestBudgetPreconditions(t *testing.T) {
	b := openBudget(t)
	err := b.Propose(budgeting.Proposal{ID: pid(11), Author: author(1), Title: "Late", Cost: decimal.NewFromInt(1)}, pday(time.April, 2))
	require.ErrorIs(t, err, budgeting.ErrWrongState)
	require.ErrorIs(t, b.Propose(budgeting.Proposal{ID: pid(11), Author: author(1), Title: "Bad; title", Cost: decimal.NewFromInt(-1)},
		pday(time.March, 2)), budgeting.ErrNegativeCost)
	require.ErrorIs(t, b.Propose(budgeting.Proposal{ID: pid(11), Author: author(1), Title: "From nowhere", Initiative: pid(99)},
		pday(time.March, 2)), budgeting.ErrNotFound)
	assert.Zero(t, b.Process().ContributionCount())

	require.NoError(t, b.Propose(budgeting.Proposal{ID: pid(11), Author: author(1), Title: "Trees", Cost: decimal.NewFromInt(1)}, pday(time.March, 2)))
	require.ErrorIs(t, b.Propose(budgeting.Proposal{ID: pid(11), Author: author(1), Title: "Trees", Cost: decimal.NewFromInt(1)}, pday(time.March, 3)), budgeting.ErrDuplicate)
	require.ErrorIs(t, b.Review(pid(11), budgeting.Review{Reviewer: pid(3)}, pday(time.April, 2)), budgeting.ErrReasonRequired)
	require.ErrorIs(t, b.Review(pid(11), budgeting.Review{Feasible: true, Reviewer: pid(3)}, pday(time.April, 2)), budgeting.ErrInvalid)
	require.ErrorIs(t, b.Review(pid(12), budgeting.Review{Reason: "x", Reviewer: pid(3)}, pday(time.April, 2)), budgeting.ErrNotFound)
	assert.Zero(t, b.Process().AnsweredCount())

	require.ErrorIs(t, b.OpenVoting(pday(time.May, 2)), budgeting.ErrUnreviewed)
	require.ErrorIs(t, b.OpenVoting(pday(time.April, 20)), budgeting.ErrWrongState)
	assert.Nil(t, b.Box())
	assert.Equal(t, engagement.StateOpen, b.Process().State())
	require.ErrorIs(t, b.Count(context.Background(), pday(time.May, 21)), budgeting.ErrWrongState)

	require.NoError(t, b.Review(pid(11), budgeting.Review{Feasible: true, Cost: decimal.NewFromInt(60000), Owner: "Parks", Reviewer: pid(3)}, pday(time.April, 2)))
	require.ErrorIs(t, b.Review(pid(11), budgeting.Review{Reason: "x", Reviewer: pid(3)}, pday(time.April, 3)), budgeting.ErrDuplicate)
	require.NoError(t, b.OpenVoting(pday(time.May, 2)))
	require.ErrorIs(t, b.OpenVoting(pday(time.May, 3)), budgeting.ErrWrongState)
	assert.Equal(t, engagement.StateClosed, b.Process().State())
	require.ErrorIs(t, b.Count(context.Background(), pday(time.May, 10)), budgeting.ErrWrongState, "before the results phase")
	assert.Nil(t, b.Result())
	assert.Equal(t, engagement.StateClosed, b.Process().State())
}

func TestNewBudgetRefuses(t *testing.T) {
	_, err := budgeting.NewBudget(budgeting.BudgetSpec{Amount: decimal.NewFromInt(-1), Electorate: -1,
		Process: engagement.ProcessSpec{Phases: []engagement.Phase{{}}}}, pday(time.January, 1))
	require.ErrorIs(t, err, budgeting.ErrInvalid)
	require.ErrorIs(t, err, budgeting.ErrNegativeCost)
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)
	require.ErrorIs(t, err, engagement.ErrInvalid)
}
