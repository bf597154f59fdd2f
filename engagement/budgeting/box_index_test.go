package budgeting_test

import (
	"strconv"
	"testing"

	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBoxFindsEveryVoterAsItGrows casts, into a box given no electorate (so
// that its index of voters starts small and grows many times), a ballot by
// each of 5,000 voters whose pseudonyms follow a pattern (sequential, from
// manyAreas), then a second ballot by each: every second ballot replaces
// the first of the same person and no other.
func TestBoxFindsEveryVoterAsItGrows(t *testing.T) {
	rules, err := budgeting.NewBallotRules(districtInstance(t, budgeting.VoteTypeApproval), budgeting.BallotForm{})
	require.NoError(t, err)
	box, err := budgeting.NewBox(budgeting.BoxSpec{Rules: rules, Verifier: manyAreas{}, Opens: opens, Revote: budgeting.RevotePolicyLastCounts})
	require.NoError(t, err)
	const n = 5000
	ids := make([]uuid.UUID, n)
	for round := range 2 {
		for i := range n {
			r, err := box.Cast(budgeting.Cast{Claim: budgeting.Claim{Document: strconv.Itoa(i)}, Channel: budgeting.BallotChannelOnline, At: opens, Projects: []string{"n1"}})
			require.NoError(t, err)
			require.Equal(t, budgeting.BallotStatusCounted, r.Status)
			if round == 0 {
				ids[i] = r.Voter
				require.Zero(t, r.Replaced, "voter %d is new", i)
			} else {
				require.Equal(t, i+1, r.Replaced, "voter %d replaces their own ballot", i)
			}
		}
	}
	assert.Equal(t, n, box.Counted())
	for i, id := range ids {
		seq, ok := box.CountedBallot(id)
		require.True(t, ok)
		require.Equal(t, n+i+1, seq)
	}
	_, ok := box.CountedBallot(uuid.UUID{0: 0xcd})
	assert.False(t, ok, "a pseudonym that never voted")
}

// TestNewBoxRefusesTooManyProjects: the box keeps a ballot's projects as
// 16-bit positions, so an instance of more than MaxBoxProjects projects is
// refused when the box is made, not truncated when ballots come.
func TestNewBoxRefusesTooManyProjects(t *testing.T) {
	projects := make([]budgeting.Project, budgeting.MaxBoxProjects+1)
	for i := range projects {
		projects[i] = budgeting.Project{ID: strconv.Itoa(i + 1), Cost: decimal.NewFromInt(1)}
	}
	inst, err := budgeting.NewInstance(decimal.NewFromInt(10), budgeting.VoteTypeApproval, projects)
	require.NoError(t, err)
	rules, err := budgeting.NewBallotRules(inst, budgeting.BallotForm{})
	require.NoError(t, err)
	spec := budgeting.BoxSpec{Rules: rules, Verifier: manyAreas{}, Opens: opens, Revote: budgeting.RevotePolicyLastCounts}
	_, err = budgeting.NewBox(spec)
	require.ErrorIs(t, err, budgeting.ErrOverflow)

	inst, err = budgeting.NewInstance(decimal.NewFromInt(10), budgeting.VoteTypeApproval, projects[:budgeting.MaxBoxProjects])
	require.NoError(t, err)
	spec.Rules, err = budgeting.NewBallotRules(inst, budgeting.BallotForm{})
	require.NoError(t, err)
	box, err := budgeting.NewBox(spec)
	require.NoError(t, err, "exactly MaxBoxProjects projects fit")
	last := strconv.Itoa(budgeting.MaxBoxProjects)
	_, err = box.Cast(budgeting.Cast{Claim: budgeting.Claim{Document: "1"}, Channel: budgeting.BallotChannelOnline, At: opens, Projects: []string{last}})
	require.NoError(t, err)
	rec, ok := box.Record(1)
	require.True(t, ok)
	assert.Equal(t, []string{last}, rec.Projects, "the last position reads back")
}
