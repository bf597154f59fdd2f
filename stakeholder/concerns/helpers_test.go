package concerns_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/stakeholder/concerns"
)

// id returns a fixed ID: no randomness in tests.
func id(n int) uuid.UUID { return uuid.UUID{0: 0xc0, 14: byte(n >> 8), 15: byte(n)} }

// officer records every step in the tests.
var officer = id(9000)

// t0 is the start of the tests' time: Monday 6 January 2025, 09:00 UTC.
var t0 = time.Date(2025, time.January, 6, 9, 0, 0, 0, time.UTC)

// hours returns t0 plus h hours; days returns t0 plus d days.
func hours(h int) time.Time { return t0.Add(time.Duration(h) * time.Hour) }
func days(d int) time.Time  { return t0.AddDate(0, 0, d) }

// newRegister returns an empty register under the default rules.
func newRegister(t testing.TB) *concerns.Register {
	t.Helper()
	r, err := concerns.NewRegister(concerns.DefaultRules())
	require.NoError(t, err)
	return r
}

// details returns valid details of case n from complainant who (0 for an
// anonymous one).
func details(n, who int) concerns.CaseDetails {
	c := concerns.Complainant{Disclosure: concerns.DisclosureAnonymous}
	if who != 0 {
		c = concerns.Complainant{Disclosure: concerns.DisclosurePseudonymous, ID: id(who)}
	}
	return concerns.CaseDetails{ID: id(n), Kind: concerns.CaseKindComplaint, Channel: concerns.IntakeChannelPhone,
		Category: "noise", Topics: []string{"night_work"}, Severity: concerns.SeverityMedium, Area: "north",
		Stakeholders: []uuid.UUID{id(5000)}, Complainant: c}
}

// snapshot returns the register's JSON, to check that a refusal changed
// nothing.
func snapshot(t testing.TB, r *concerns.Register) string {
	t.Helper()
	b, err := json.Marshal(r)
	require.NoError(t, err)
	return string(b)
}

// state returns case n's state.
func state(t testing.TB, r *concerns.Register, n int) concerns.State {
	t.Helper()
	c, err := r.Case(id(n))
	require.NoError(t, err)
	return c.State()
}
