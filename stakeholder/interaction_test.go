package stakeholder_test

import (
	"testing"
	"time"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func contact(n, who int, when time.Time, d stakeholder.Direction, sentiment int) stakeholder.Interaction {
	return stakeholder.Interaction{ID: id(n), Stakeholder: id(who), At: when, Channel: stakeholder.ChannelMeeting,
		Direction: d, Sentiment: sentiment}
}

func reply(n, who int, when time.Time, to int) stakeholder.Interaction {
	x := contact(n, who, when, stakeholder.DirectionOutbound, 0)
	x.InReplyTo = id(to)
	return x
}

func TestLog(t *testing.T) {
	m := mapOf(t, 2)
	inquiry := contact(101, 1, at(2), stakeholder.DirectionInbound, -1)
	inquiry.Topic = "flooding"
	require.NoError(t, m.Log(inquiry))
	outreach := contact(102, 1, at(3), stakeholder.DirectionOutbound, 0)
	outreach.FollowUpDue = at(10)
	require.NoError(t, m.Log(outreach))
	require.NoError(t, m.Log(contact(103, 2, at(3), stakeholder.DirectionTwoWay, 2)))
	// A time in another zone is stored in UTC.
	paris := time.FixedZone("CET", 3600)
	require.NoError(t, m.Log(reply(104, 1, at(4).In(paris), 101)))
	got := collect(m.InteractionsWith(id(1)))
	require.Len(t, got, 3)
	assert.Equal(t, time.UTC, got[2].At.Location())
	assert.True(t, got[2].At.Equal(at(4)))
	assert.Len(t, collect(m.Interactions()), 4)
	assert.Empty(t, collect(m.InteractionsWith(id(9))))
	for range m.Interactions() {
		break
	}
	before := snapshot(t, m)

	tests := []struct {
		name string
		edit func(*stakeholder.Interaction)
		want error
	}{
		{"nil ID", func(x *stakeholder.Interaction) { x.ID = uuid.Nil }, stakeholder.ErrInvalid},
		{"nil stakeholder", func(x *stakeholder.Interaction) { x.Stakeholder = uuid.Nil }, stakeholder.ErrInvalid},
		{"duplicate ID", func(x *stakeholder.Interaction) { x.ID = id(101) }, stakeholder.ErrDuplicate},
		{"unknown stakeholder", func(x *stakeholder.Interaction) { x.Stakeholder = id(9) }, stakeholder.ErrNotFound},
		{"zero time", func(x *stakeholder.Interaction) { x.At = time.Time{} }, stakeholder.ErrInvalid},
		{"year 10000", func(x *stakeholder.Interaction) { x.At = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }, stakeholder.ErrOutOfRange},
		{"channel 0", func(x *stakeholder.Interaction) { x.Channel = 0 }, stakeholder.ErrInvalid},
		{"direction 4", func(x *stakeholder.Interaction) { x.Direction = 4 }, stakeholder.ErrInvalid},
		{"sentiment -3", func(x *stakeholder.Interaction) { x.Sentiment = -3 }, stakeholder.ErrOutOfRange},
		{"sentiment 3", func(x *stakeholder.Interaction) { x.Sentiment = 3 }, stakeholder.ErrOutOfRange},
		{"topic with spaces", func(x *stakeholder.Interaction) { x.Topic = " park" }, stakeholder.ErrInvalid},
		{"follow-up before contact", func(x *stakeholder.Interaction) { x.FollowUpDue = at(4) }, stakeholder.ErrInvalid},
		{"follow-up in year 10000", func(x *stakeholder.Interaction) { x.FollowUpDue = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }, stakeholder.ErrOutOfRange},
		{"reply to nothing", func(x *stakeholder.Interaction) { x.InReplyTo = id(999) }, stakeholder.ErrNotFound},
		{"reply to another stakeholder", func(x *stakeholder.Interaction) { x.InReplyTo = id(103) }, stakeholder.ErrInvalid},
		{"reply not later", func(x *stakeholder.Interaction) { x.InReplyTo, x.At = id(101), at(2) }, stakeholder.ErrInvalid},
		{"inbound reply", func(x *stakeholder.Interaction) { x.InReplyTo, x.Direction = id(101), stakeholder.DirectionInbound }, stakeholder.ErrInvalid},
		{"reply to outreach without follow-up", func(x *stakeholder.Interaction) { x.InReplyTo = id(104) }, stakeholder.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := contact(200, 1, at(5), stakeholder.DirectionOutbound, 0)
			tt.edit(&x)
			err := m.Log(x)
			require.ErrorIs(t, err, tt.want)
			var e *stakeholder.FieldError
			require.ErrorAs(t, err, &e)
			assertNames(t, e, x.ID)
			assert.Equal(t, before, snapshot(t, m))
		})
	}
	// A reply that meets a follow-up on outreach is fine.
	require.NoError(t, m.Log(reply(105, 1, at(6), 102)))
}

// strengthMap logs, for stakeholder 1, with a 10-day half-life in mind:
//
//	March  1  two-way, +2: 3 × 5/3 = 5
//	March 11  inbound, −2: 2 × 1/3 = 2/3
//	March 20  outbound, 0: 1 × 3/3 = 1
//	March 25  two-way, 0 (after the times asked about)
//
// and one contact with stakeholder 2 on March 1: outbound, +1: 4/3.
func strengthMap(t *testing.T) *stakeholder.Map {
	m := mapOf(t, 2)
	for _, x := range []stakeholder.Interaction{
		contact(1, 1, at(1), stakeholder.DirectionTwoWay, 2),
		contact(2, 1, at(11), stakeholder.DirectionInbound, -2),
		contact(3, 1, at(20), stakeholder.DirectionOutbound, 0),
		contact(4, 1, at(25), stakeholder.DirectionTwoWay, 0),
		contact(5, 2, at(1), stakeholder.DirectionOutbound, 1),
	} {
		require.NoError(t, m.Log(x))
	}
	return m
}

func TestStrength(t *testing.T) {
	m := strengthMap(t)
	const halfLife = 10 * 24 * time.Hour
	tests := []struct {
		name string
		who  int
		when time.Time
		want string
	}{
		// On March 21: 5 aged 20 days (2 half-lives) = 5/4; 2/3 aged 10 days
		// (1) = 1/3; 1 aged 1 day (0) = 1. 1.25 + 0.3333… + 1 = 2.58333… → 2.5833.
		{"three contacts decayed", 1, at(21), "2.5833"},
		// On March 11: 5 aged 10 days = 2.5, plus 2/3 aged 0: 3.16666… → 3.1667.
		{"contact at the very time counts", 1, at(11), "3.1667"},
		// One day before a full half-life the step has not come: 5 + 0 aged 9 days.
		{"within the first half-life", 1, at(10), "5"},
		{"before any contact", 1, at(1).Add(-time.Nanosecond), "0"},
		// On March 1 + 160 days the first contact is 16 half-lives old: gone.
		{"past the horizon", 2, at(1).Add(16 * halfLife), "0"},
		// One nanosecond earlier it is 15 half-lives old: 4/3 / 2^15 = 0.0000406… → 0.
		{"at the edge of the horizon", 2, at(1).Add(16*halfLife - 1), "0"},
		// 4/3 aged 3 half-lives: 1/6 = 0.16666… → 0.1667.
		{"another stakeholder", 2, at(1).Add(3 * halfLife), "0.1667"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := m.Strength(id(tt.who), tt.when, halfLife)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
		})
	}
	_, err := m.Strength(id(9), at(21), halfLife)
	require.ErrorIs(t, err, stakeholder.ErrNotFound)
	_, err = m.Strength(id(1), at(21), 0)
	require.ErrorIs(t, err, stakeholder.ErrOutOfRange)
}

func TestGrowth(t *testing.T) {
	m := strengthMap(t)
	const halfLife = 10 * 24 * time.Hour
	// From 3.1667 on March 11 to 2.5833 on March 21 (see TestStrength).
	g, err := m.Growth(id(1), at(11), at(21), halfLife)
	require.NoError(t, err)
	assert.Equal(t, "3.1667", g.Before().String())
	assert.Equal(t, "2.5833", g.After().String())
	_, err = m.Growth(id(9), at(11), at(21), halfLife)
	require.ErrorIs(t, err, stakeholder.ErrNotFound)

	// The whole portfolio on March 21: stakeholder 1's exact 31/12 plus
	// stakeholder 2's 4/3 aged 2 half-lives = 1/3: 31/12 + 4/12 = 35/12 =
	// 2.91666… → 2.9167. On March 11: 19/6 + 4/3 aged 1 = 2/3: 23/6 = 3.8333….
	total, err := m.TotalGrowth(at(11), at(21), halfLife)
	require.NoError(t, err)
	assert.Equal(t, "3.8333", total.Before().String())
	assert.Equal(t, "2.9167", total.After().String())
	only2, err := m.TotalStrength(at(21), halfLife, func(s *stakeholder.Stakeholder) bool { return s.ID() == id(2) })
	require.NoError(t, err)
	assert.Equal(t, "0.3333", only2.String())
	_, err = m.TotalGrowth(at(11), at(21), -time.Hour)
	require.ErrorIs(t, err, stakeholder.ErrOutOfRange)
	_, err = m.TotalStrength(at(11), 0)
	require.ErrorIs(t, err, stakeholder.ErrOutOfRange)

	// Growth from nothing has no relative rate.
	g, err = m.Growth(id(1), at(1).Add(-time.Hour), at(1), halfLife)
	require.NoError(t, err)
	_, err = g.Relative()
	require.ErrorIs(t, err, metrics.ErrUndefined)
}

func TestResponsiveness(t *testing.T) {
	m := mapOf(t, 2)
	for _, x := range []stakeholder.Interaction{
		contact(1, 1, at(2), stakeholder.DirectionInbound, 0),  // answered after 2 days
		contact(2, 1, at(3), stakeholder.DirectionInbound, 0),  // answered after 7 days
		contact(3, 2, at(5), stakeholder.DirectionInbound, 0),  // never answered
		contact(4, 2, at(6), stakeholder.DirectionInbound, 0),  // answered after the period
		contact(5, 2, at(7), stakeholder.DirectionOutbound, 0), // not an inquiry
		contact(6, 1, at(31), stakeholder.DirectionInbound, 0), // after the period
		reply(11, 1, at(4), 1),
		reply(12, 1, at(6), 1), // a second reply does not change the time
		reply(13, 1, at(10), 2),
		reply(14, 2, at(31), 4),
	} {
		require.NoError(t, m.Log(x))
	}
	r, err := m.Responsiveness(at(1), at(31))
	require.NoError(t, err)
	// 4 inquiries in [March 1, March 31); 1 and 2 answered in time.
	assert.Equal(t, "2/4", r.Answered.String())
	assert.Equal(t, []time.Duration{48 * time.Hour, 7 * 24 * time.Hour}, r.TimesToAnswer)
	assert.Equal(t, "2/4", r.Within(7*24*time.Hour).String(), "exactly at the limit counts")
	assert.Equal(t, "1/4", r.Within(7*24*time.Hour-1).String())
	assert.Equal(t, "0/4", r.Within(0).String())
	med, ok := r.Median()
	require.True(t, ok)
	// (2 days + 7 days) / 2 = 4.5 days = 108 hours.
	assert.Equal(t, 108*time.Hour, med)

	// A period that includes the late reply counts inquiry 4 as answered
	// after 25 days.
	r, err = m.Responsiveness(at(1), at(31).Add(time.Nanosecond))
	require.NoError(t, err)
	assert.Equal(t, "3/5", r.Answered.String())
	med, _ = r.Median()
	assert.Equal(t, 7*24*time.Hour, med, "the middle of 2, 7 and 25 days")

	r, err = m.Responsiveness(at(20), at(25))
	require.NoError(t, err)
	assert.False(t, r.Answered.Defined(), "no inquiries: undefined, not zero")
	_, ok = r.Median()
	assert.False(t, ok)
	_, err = m.Responsiveness(at(5), at(5))
	require.ErrorIs(t, err, stakeholder.ErrInvalid)
}

func TestOverdue(t *testing.T) {
	m := mapOf(t, 2)
	a := contact(1, 1, at(5), stakeholder.DirectionTwoWay, 0)
	a.FollowUpDue = at(10)
	b := contact(2, 2, at(1), stakeholder.DirectionOutbound, 0)
	b.FollowUpDue = at(8)
	c := contact(3, 2, at(2), stakeholder.DirectionInbound, 0) // no follow-up due
	for _, x := range []stakeholder.Interaction{a, b, c, reply(4, 1, at(12), 1)} {
		require.NoError(t, m.Log(x))
	}
	ids := func(xs []stakeholder.Interaction) []uuid.UUID {
		var out []uuid.UUID
		for _, x := range xs {
			out = append(out, x.ID)
		}
		return out
	}
	assert.Empty(t, m.Overdue(at(8)), "due on March 8 is not yet overdue at that moment")
	assert.Equal(t, []uuid.UUID{id(2)}, ids(m.Overdue(at(9))))
	assert.Equal(t, []uuid.UUID{id(2)}, ids(m.Overdue(at(10))))
	assert.Equal(t, []uuid.UUID{id(2), id(1)}, ids(m.Overdue(at(11))), "earliest due first")
	assert.Equal(t, []uuid.UUID{id(2)}, ids(m.Overdue(at(12))), "met by the reply at that moment")
}
