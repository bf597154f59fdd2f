package concerns_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/stakeholder/concerns"
)

// TestReceiveRefuses checks every way details can be wrong: the case is
// refused with the sentinel named, and nothing is recorded.
func TestReceiveRefuses(t *testing.T) {
	tests := []struct {
		name string
		edit func(d *concerns.CaseDetails)
		want error
	}{
		{"nil ID", func(d *concerns.CaseDetails) { d.ID = uuid.Nil }, concerns.ErrInvalid},
		{"no kind", func(d *concerns.CaseDetails) { d.Kind = 0 }, concerns.ErrInvalid},
		{"no channel", func(d *concerns.CaseDetails) { d.Channel = 0 }, concerns.ErrInvalid},
		{"no severity", func(d *concerns.CaseDetails) { d.Severity = 9 }, concerns.ErrInvalid},
		{"category not a code", func(d *concerns.CaseDetails) { d.Category = "Noise " }, concerns.ErrInvalid},
		{"empty category", func(d *concerns.CaseDetails) { d.Category = "" }, concerns.ErrInvalid},
		{"topic twice", func(d *concerns.CaseDetails) { d.Topics = []string{"a", "a"} }, concerns.ErrDuplicate},
		{"bad area", func(d *concerns.CaseDetails) { d.Area = strings.Repeat("a", 65) }, concerns.ErrInvalid},
		{"nil stakeholder", func(d *concerns.CaseDetails) { d.Stakeholders = []uuid.UUID{uuid.Nil} }, concerns.ErrInvalid},
		{"stakeholder twice", func(d *concerns.CaseDetails) { d.Stakeholders = []uuid.UUID{id(1), id(1)} }, concerns.ErrDuplicate},
		{"anonymous with an ID", func(d *concerns.CaseDetails) { d.Complainant.ID = id(5) }, concerns.ErrInvalid},
		{"named without an ID", func(d *concerns.CaseDetails) {
			d.Complainant = concerns.Complainant{Disclosure: concerns.DisclosureNamed}
		}, concerns.ErrInvalid},
		{"no disclosure", func(d *concerns.CaseDetails) { d.Complainant = concerns.Complainant{} }, concerns.ErrInvalid},
		{"padded summary", func(d *concerns.CaseDetails) { d.Summary = " dust" }, concerns.ErrInvalid},
		{"control character", func(d *concerns.CaseDetails) { d.Summary = "dust\x00" }, concerns.ErrInvalid},
		{"bad link", func(d *concerns.CaseDetails) { d.Links = []concerns.Link{{Kind: 9, ID: id(1)}} }, concerns.ErrInvalid},
		{"link twice", func(d *concerns.CaseDetails) {
			l := concerns.Link{Kind: concerns.LinkKindCommitment, ID: id(1)}
			d.Links = []concerns.Link{l, l}
		}, concerns.ErrDuplicate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRegister(t)
			d := details(1, 0)
			tt.edit(&d)
			require.ErrorIs(t, r.Receive(d, officer, t0), tt.want)
			assert.Equal(t, 0, r.Len())
		})
	}
	r := newRegister(t)
	require.NoError(t, r.Receive(details(1, 0), officer, t0))
	require.ErrorIs(t, r.Receive(details(1, 0), officer, t0), concerns.ErrDuplicate)
	require.ErrorIs(t, r.Receive(details(2, 0), uuid.Nil, t0), concerns.ErrInvalid)
	require.ErrorIs(t, r.Receive(details(2, 0), officer, time.Time{}), concerns.ErrInvalid)
	assert.Equal(t, 1, r.Len())
	_, err := r.Case(id(99))
	require.ErrorIs(t, err, concerns.ErrNotFound)
}

// TestReceiveCopiesDetails checks that the caller's slices are not shared.
func TestReceiveCopiesDetails(t *testing.T) {
	r := newRegister(t)
	d := details(1, 0)
	require.NoError(t, r.Receive(d, officer, t0))
	d.Topics[0] = "changed"
	c, err := r.Case(id(1))
	require.NoError(t, err)
	assert.Equal(t, []string{"night_work"}, c.Details().Topics)
	c.Details().Topics[0] = "changed"
	c.History()[0].Details.Topics[0] = "changed"
	assert.Equal(t, []string{"night_work"}, c.Details().Topics)
}

// TestRules checks the rules' ranges.
func TestRules(t *testing.T) {
	require.NoError(t, concerns.DefaultRules().Validate())
	bad := []concerns.Rules{
		{AcknowledgeWithinDays: 0, ProposeWithinDays: 15, Levels: 1},
		{AcknowledgeWithinDays: 5, ProposeWithinDays: 4, Levels: 1},
		{AcknowledgeWithinDays: 1, ProposeWithinDays: 400, Levels: 1},
		{AcknowledgeWithinDays: 1, ProposeWithinDays: 10, MaxExtensionDays: -1, Levels: 1},
		{AcknowledgeWithinDays: 1, ProposeWithinDays: 10, Levels: 0},
		{AcknowledgeWithinDays: 1, ProposeWithinDays: 10, Levels: 10},
	}
	for i, r := range bad {
		_, err := concerns.NewRegister(r)
		require.ErrorIs(t, err, concerns.ErrOutOfRange, "rules %d", i)
	}
}

// TestDeadlines checks the due dates: extensions add days, a pause under
// PauseStopsClock adds its length (up to now while it lasts), and a pause
// is not counted without it.
func TestDeadlines(t *testing.T) {
	for _, stops := range []bool{true, false} {
		rules := concerns.DefaultRules()
		rules.PauseStopsClock = stops
		r, err := concerns.NewRegister(rules)
		require.NoError(t, err)
		require.NoError(t, r.Receive(details(1, 0), officer, t0))
		c, _ := r.Case(id(1))
		assert.Equal(t, days(2), c.AcknowledgeDue())
		assert.Equal(t, days(15), c.ProposeDue(days(1)))
		require.NoError(t, r.Acknowledge(id(1), officer, days(1)))
		require.NoError(t, r.Extend(id(1), 5, "Survey", officer, days(1)))
		assert.Equal(t, days(20), c.ProposeDue(days(1)))
		require.NoError(t, r.RequestInformation(id(1), "Photos?", officer, days(2)))
		paused := map[bool]time.Time{true: days(23), false: days(20)}
		assert.Equal(t, paused[stops], c.ProposeDue(days(5)), "pause stops clock: %v, 3 days into a pause", stops)
		require.NoError(t, r.ProvideInformation(id(1), "", officer, days(6)))
		paused = map[bool]time.Time{true: days(24), false: days(20)}
		assert.Equal(t, paused[stops], c.ProposeDue(days(30)))
	}
}

// TestIssueRefusals checks the issue operations' refusals.
func TestIssueRefusals(t *testing.T) {
	r := caseIn(t, concerns.StateInvestigating)
	is := id(300)
	require.ErrorIs(t, r.OpenIssue(concerns.IssueDetails{ID: is, Title: " Padded", Topic: "noise"}, officer, t0), concerns.ErrInvalid)
	require.NoError(t, r.OpenIssue(concerns.IssueDetails{ID: is, Title: "Noise", Topic: "noise"}, officer, hours(5)))
	require.ErrorIs(t, r.OpenIssue(concerns.IssueDetails{ID: is, Title: "Noise", Topic: "noise"}, officer, hours(5)), concerns.ErrDuplicate)
	require.ErrorIs(t, r.AddToIssue(id(301), c1, officer, hours(5)), concerns.ErrNotFound)
	require.ErrorIs(t, r.AddToIssue(is, id(2), officer, hours(5)), concerns.ErrNotFound)
	require.ErrorIs(t, r.AddToIssue(is, c1, officer, hours(4)), concerns.ErrTimeOrder)
	require.NoError(t, r.AddToIssue(is, c1, officer, hours(5)))
	require.ErrorIs(t, r.AddToIssue(is, c1, officer, hours(5)), concerns.ErrDuplicate)
	require.NoError(t, r.RaiseWithProcess(is, id(500), officer, hours(5)))
	require.ErrorIs(t, r.RaiseWithProcess(is, id(500), officer, hours(5)), concerns.ErrDuplicate)
	require.NoError(t, r.AnswerWithCommitment(is, id(600), officer, hours(5)))
	require.ErrorIs(t, r.AnswerWithCommitment(is, id(600), officer, hours(5)), concerns.ErrDuplicate)
	require.ErrorIs(t, r.AddAction(is, concerns.Action{ID: id(700)}, officer, hours(5)), concerns.ErrInvalid)
	require.ErrorIs(t, r.AddAction(is, concerns.Action{ID: id(700), Text: "Barrier", Done: hours(5)}, officer, hours(5)), concerns.ErrInvalid)
	require.NoError(t, r.AddAction(is, concerns.Action{ID: id(700), Text: "Barrier", Due: days(30)}, officer, hours(5)))
	require.ErrorIs(t, r.AddAction(is, concerns.Action{ID: id(700), Text: "Barrier"}, officer, hours(5)), concerns.ErrDuplicate)
	require.ErrorIs(t, r.CompleteAction(is, id(701), officer, hours(6)), concerns.ErrNotFound)
	require.ErrorIs(t, r.CloseIssue(is, "Done", officer, hours(6)), concerns.ErrWrongState, "an action and a case open")
	require.NoError(t, r.CompleteAction(is, id(700), officer, hours(6)))
	require.ErrorIs(t, r.CompleteAction(is, id(700), officer, hours(6)), concerns.ErrWrongState)
	require.ErrorIs(t, r.CloseIssue(is, "Done", officer, hours(6)), concerns.ErrWrongState, "a case open")
	require.NoError(t, r.Withdraw(c1, "", officer, hours(9)))
	require.ErrorIs(t, r.CloseIssue(is, "Done", officer, hours(7)), concerns.ErrTimeOrder, "before the case closed")
	require.ErrorIs(t, r.CloseIssue(is, "", officer, hours(9)), concerns.ErrInvalid)
	require.ErrorIs(t, r.ReopenIssue(is, "Why", officer, hours(9)), concerns.ErrWrongState)
	require.NoError(t, r.CloseIssue(is, "Done", officer, hours(9)))
	require.ErrorIs(t, r.AddAction(is, concerns.Action{ID: id(701), Text: "More"}, officer, hours(9)), concerns.ErrWrongState)
	require.ErrorIs(t, r.ReopenIssue(is, "", officer, hours(9)), concerns.ErrReasonRequired)
	require.ErrorIs(t, r.CloseIssue(is, "Again", officer, hours(3)), concerns.ErrTimeOrder)
	issue, err := r.Issue(is)
	require.NoError(t, err)
	assert.Equal(t, concerns.IssueStateClosed, issue.State())
	assert.Len(t, issue.History(), 7)
	assert.Equal(t, []uuid.UUID{id(500)}, issue.Processes())
	assert.Equal(t, []uuid.UUID{id(600)}, issue.Commitments())
	assert.Equal(t, hours(6), issue.Actions()[0].Done)
	_, err = r.Issue(id(999))
	require.ErrorIs(t, err, concerns.ErrNotFound)
}

// TestErrorsOnNil checks that the error types print on a nil receiver and
// quote their parts otherwise.
func TestErrorsOnNil(t *testing.T) {
	var fe *concerns.FieldError
	var te *concerns.TransitionError
	var re *concerns.RowError
	for _, e := range []error{fe, te, re} {
		assert.NotEmpty(t, e.Error())
		assert.Nil(t, e.(interface{ Unwrap() error }).Unwrap())
	}
	assert.Equal(t, "invalid value", (&concerns.FieldError{}).Error())
	assert.Equal(t, "concerns: row 3: concerns: invalid value", (&concerns.RowError{Row: 3, Err: concerns.ErrInvalid}).Error())
}
