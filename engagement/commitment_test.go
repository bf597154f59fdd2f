package engagement_test

import (
	"slices"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCommitmentProgress(t *testing.T) {
	p := fixture.InState(t, engagement.StateDecided)
	c, ok := p.Commitment(fixture.CommitID)
	require.True(t, ok)
	assert.Equal(t, fixture.CommitID, c.ID())
	assert.Equal(t, "Build the play area", c.Action())
	assert.Equal(t, "Parks Department", c.Owner())
	assert.Equal(t, fixture.Date(time.October, 1), c.Due())
	assert.Equal(t, fixture.Decided.Add(time.Hour), c.AddedAt())
	assert.Equal(t, []uuid.UUID{fixture.ID(1000)}, c.ShapedBy())
	assert.Equal(t, engagement.CommitmentStatusPlanned, c.Status())
	assert.Equal(t, "0/4", c.Progress().String())
	assert.False(t, c.Overdue(fixture.Date(time.September, 30)))
	assert.True(t, c.Overdue(fixture.Date(time.October, 2)))
	_, ok = c.DoneAt()
	assert.False(t, ok)

	require.NoError(t, p.StartImplementation(fixture.Started))
	require.NoError(t, p.CompleteMilestone(fixture.CommitID, "Design", fixture.Started.Add(fixture.Week)))
	c, _ = p.Commitment(fixture.CommitID)
	// Design (weight 1) of Design + Build (1 + 3) done: 1/4 = 25.00 %.
	assert.Equal(t, engagement.CommitmentStatusInProgress, c.Status())
	assert.Equal(t, "25.00 %", c.Progress().PercentText())
	ms := c.Milestones()
	require.Len(t, ms, 2)
	assert.True(t, ms[0].Done())
	assert.Equal(t, fixture.Started.Add(fixture.Week), ms[0].DoneAt)
	assert.False(t, ms[1].Done())

	require.NoError(t, p.CompleteMilestone(fixture.CommitID, "Build", fixture.Started.Add(2*fixture.Week)))
	c, _ = p.Commitment(fixture.CommitID)
	assert.Equal(t, engagement.CommitmentStatusDone, c.Status())
	assert.Equal(t, "100.00 %", c.Progress().PercentText())
	done, ok := c.DoneAt()
	require.True(t, ok)
	assert.Equal(t, fixture.Started.Add(2*fixture.Week), done)
	assert.False(t, c.Overdue(fixture.Date(time.December, 1)), "a done commitment is never overdue")

	var zero engagement.Commitment
	assert.Zero(t, zero.Status())
	assert.False(t, zero.Progress().Defined())
	assert.Len(t, collect(p.Commitments()), 1)
	_, ok = p.Commitment(fixture.ID(99))
	assert.False(t, ok)
}

func TestDropCommitment(t *testing.T) {
	p := fixture.InState(t, engagement.StateDecided)
	require.NoError(t, p.AddCommitment(fixture.CommitmentSpec(fixture.Commit2ID), fixture.Decided.Add(2*time.Hour)))
	require.NoError(t, p.StartImplementation(fixture.Started))
	require.NoError(t, p.CompleteMilestone(fixture.Commit2ID, "Design", fixture.Started))
	require.NoError(t, p.DropCommitment(fixture.Commit2ID, "merged with the play area", fixture.Started.Add(engagement.Day)))
	c, _ := p.Commitment(fixture.Commit2ID)
	assert.Equal(t, engagement.CommitmentStatusDropped, c.Status())
	assert.Equal(t, "merged with the play area", c.DropReason())
	assert.Equal(t, fixture.Started.Add(engagement.Day), c.DroppedAt())
	assert.Equal(t, "1/4", c.Progress().String(), "a dropped commitment keeps its progress")
	assert.False(t, c.Overdue(fixture.Date(time.December, 1)))
}

func TestCommitmentRefused(t *testing.T) {
	valid := fixture.CommitmentSpec(fixture.Commit2ID)
	tests := []struct {
		name  string
		state engagement.State
		run   func(p *engagement.Process) error
		want  []error
	}{
		{"add before the decision", engagement.StateClosed, func(p *engagement.Process) error { return p.AddCommitment(valid, fixture.Decided) },
			[]error{engagement.ErrWrongState}},
		{"add a duplicate citing unknown and repeated input", engagement.StateDecided, func(p *engagement.Process) error {
			s := fixture.CommitmentSpec(fixture.CommitID)
			s.ShapedBy = []uuid.UUID{fixture.ID(99), fixture.ID(1000), fixture.ID(1000)}
			return p.AddCommitment(s, fixture.Decided.Add(time.Hour))
		}, []error{engagement.ErrDuplicate, engagement.ErrNotFound}},
		{"add without milestones", engagement.StateDecided, func(p *engagement.Process) error {
			s := valid
			s.Milestones = nil
			return p.AddCommitment(s, fixture.Decided.Add(time.Hour))
		}, []error{engagement.ErrInvalid}},
		{"add with too many milestones", engagement.StateDecided, func(p *engagement.Process) error {
			s := valid
			s.Milestones = make([]engagement.MilestoneSpec, engagement.MaxMilestones+1)
			return p.AddCommitment(s, fixture.Decided.Add(time.Hour))
		}, []error{engagement.ErrLimit}},
		{"add with bad milestones and fields", engagement.StateDecided, func(p *engagement.Process) error {
			s := engagement.CommitmentSpec{ID: uuid.Nil, Milestones: []engagement.MilestoneSpec{{Name: "a", Weight: 0}, {Name: "a", Weight: engagement.MaxMilestoneWeight + 1}, {Name: " ", Weight: 1}}}
			return p.AddCommitment(s, fixture.Decided.Add(time.Hour))
		}, []error{engagement.ErrInvalid, engagement.ErrDuplicate}},
		{"milestone while only decided", engagement.StateDecided, func(p *engagement.Process) error {
			return p.CompleteMilestone(fixture.CommitID, "Design", fixture.Decided.Add(time.Hour))
		}, []error{engagement.ErrWrongState}},
		{"milestone of an unknown commitment", engagement.StateImplementing, func(p *engagement.Process) error {
			return p.CompleteMilestone(fixture.ID(99), "Design", fixture.Completed)
		}, []error{engagement.ErrNotFound}},
		{"unknown milestone", engagement.StateImplementing, func(p *engagement.Process) error {
			return p.CompleteMilestone(fixture.CommitID, "Paint", fixture.Completed)
		}, []error{engagement.ErrNotFound}},
		{"milestone already done", engagement.StateImplementing, func(p *engagement.Process) error {
			return p.CompleteMilestone(fixture.CommitID, "Build", fixture.Completed)
		}, []error{engagement.ErrDuplicate}},
		{"drop a done commitment", engagement.StateImplementing, func(p *engagement.Process) error {
			return p.DropCommitment(fixture.CommitID, "no longer needed", fixture.Completed)
		}, []error{engagement.ErrCommitmentClosed}},
		{"drop without a reason", engagement.StateDecided, func(p *engagement.Process) error {
			return p.DropCommitment(fixture.CommitID, "", fixture.Decided.Add(time.Hour))
		}, []error{engagement.ErrReasonRequired}},
		{"drop an unknown commitment", engagement.StateDecided, func(p *engagement.Process) error {
			return p.DropCommitment(fixture.ID(99), "x", fixture.Decided.Add(time.Hour))
		}, []error{engagement.ErrNotFound}},
		{"milestone of a dropped commitment", engagement.StateDecided, func(p *engagement.Process) error {
			withDropped(t, p)
			return p.CompleteMilestone(fixture.Commit2ID, "Design", fixture.Started)
		}, []error{engagement.ErrCommitmentClosed}},
		{"drop a dropped commitment", engagement.StateDecided, func(p *engagement.Process) error {
			withDropped(t, p)
			return p.DropCommitment(fixture.Commit2ID, "again", fixture.Started)
		}, []error{engagement.ErrCommitmentClosed}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := fixture.InState(t, tt.state)
			err := tt.run(p)
			require.Error(t, err)
			for _, want := range tt.want {
				assert.ErrorIs(t, err, want)
			}
			var oe *engagement.OpError
			assert.ErrorAs(t, err, &oe)
		})
	}
}

// withDropped adds commitment 2 to a decided fixture process, drops it and
// starts implementing.
func withDropped(t *testing.T, p *engagement.Process) {
	t.Helper()
	require.NoError(t, p.AddCommitment(fixture.CommitmentSpec(fixture.Commit2ID), fixture.Decided.Add(time.Hour)))
	require.NoError(t, p.DropCommitment(fixture.Commit2ID, "x", fixture.Decided.Add(time.Hour)))
	require.NoError(t, p.StartImplementation(fixture.Started))
}

// TestTrace follows input both ways on the rich fixture: its decision cites
// contributions 1000, 1001 and 1003; the play area commitment cites 1000,
// the quiet area one 1003.
func TestTrace(t *testing.T) {
	p := fixture.RichProcess(t)
	tests := []struct {
		contribution uuid.UUID
		want         engagement.Trace
	}{
		{fixture.ID(1000), engagement.Trace{Contribution: fixture.ID(1000), Decision: true, Commitments: []uuid.UUID{fixture.CommitID}}},
		{fixture.ID(1001), engagement.Trace{Contribution: fixture.ID(1001), Decision: true}},
		{fixture.ID(1003), engagement.Trace{Contribution: fixture.ID(1003), Decision: true, Commitments: []uuid.UUID{fixture.Commit2ID}}},
		{fixture.ID(1002), engagement.Trace{Contribution: fixture.ID(1002)}},
	}
	for _, tt := range tests {
		t.Run(tt.contribution.String(), func(t *testing.T) {
			got, err := p.Trace(tt.contribution)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	_, err := p.Trace(fixture.ID(99))
	assert.ErrorIs(t, err, engagement.ErrNotFound)

	ids := func(seq func(func(engagement.Contribution) bool)) []uuid.UUID {
		var out []uuid.UUID
		for c := range seq {
			out = append(out, c.ID())
		}
		return out
	}
	assert.Equal(t, []uuid.UUID{fixture.ID(1000), fixture.ID(1001), fixture.ID(1003)}, ids(p.DecisionInputs()))
	assert.Equal(t, []uuid.UUID{fixture.ID(1003)}, ids(p.CommitmentInputs(fixture.Commit2ID)))
	assert.Empty(t, ids(p.CommitmentInputs(fixture.ID(99))))
	d, ok := p.Decision()
	require.True(t, ok)
	assert.True(t, slices.Equal([]uuid.UUID{fixture.ID(1000), fixture.ID(1001), fixture.ID(1003)}, d.ShapedBy))
	_, ok = fixture.NewProcess(t).Decision()
	assert.False(t, ok)
	assert.Empty(t, ids(fixture.NewProcess(t).DecisionInputs()))
}
