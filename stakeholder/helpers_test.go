package stakeholder_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// id returns a fixed, readable ID for test record n.
func id(n int) uuid.UUID { return uuid.MustParse(fmt.Sprintf("00000000-0000-4000-8000-%012d", n)) }

// details returns valid details with the given scores and a neutral to
// supportive attitude.
func details(name string, power, interest, legitimacy, urgency stakeholder.Score) stakeholder.Details {
	return stakeholder.Details{Name: name, Kind: stakeholder.KindCommunityGroup, Assessment: stakeholder.Assessment{
		Power: power, Interest: interest, Legitimacy: legitimacy, Urgency: urgency,
		Attitude: stakeholder.AttitudeNeutral, Desired: stakeholder.AttitudeSupportive}}
}

func mustNew(t testing.TB, n int, d stakeholder.Details) *stakeholder.Stakeholder {
	t.Helper()
	s, err := stakeholder.New(id(n), d)
	require.NoError(t, err)
	return s
}

// mapOf returns a map of stakeholders 1..n named "S1".."Sn", all scored 3.
func mapOf(t testing.TB, n int) *stakeholder.Map {
	t.Helper()
	m := stakeholder.NewMap()
	for i := 1; i <= n; i++ {
		require.NoError(t, m.Add(mustNew(t, i, details(fmt.Sprintf("S%d", i), 3, 3, 3, 3))))
	}
	return m
}

// at returns 09:00 UTC on day d of March 2025.
func at(d int) time.Time { return time.Date(2025, time.March, d, 9, 0, 0, 0, time.UTC) }

func collect[T any](seq func(func(T) bool)) []T {
	var out []T
	for v := range seq {
		out = append(out, v)
	}
	return out
}

func namesOf(list []*stakeholder.Stakeholder) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = s.Name()
	}
	return out
}

// assertNames checks that e names the record with the given ID (in its
// Field or its Value); a Nil ID names nothing and is not checked.
func assertNames(t *testing.T, e *stakeholder.FieldError, id uuid.UUID) {
	t.Helper()
	if id != uuid.Nil {
		assert.Contains(t, e.Field+" "+e.Value, id.String(), "the error names the record")
	}
}
