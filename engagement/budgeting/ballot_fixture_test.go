package budgeting_test

import (
	"strings"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// secret is the test organisation's pseudonymization key.
var secret = []byte("0123456789abcdef0123456789abcdef")

// opens is when the test boxes open.
var opens = time.Date(2025, 5, 1, 8, 0, 0, 0, time.UTC)

// districtInstance is a budget of 100,000 with six projects, three in the
// north, two in the south and one city-wide, with the given vote type and
// further META rows.
func districtInstance(t testing.TB, vt budgeting.VoteType, meta ...budgeting.Field) *budgeting.Instance {
	t.Helper()
	p := func(id, cost, district string) budgeting.Project {
		return budgeting.Project{ID: id, Cost: decimal.RequireFromString(cost), Name: "Project " + id,
			Extra: []budgeting.Field{{Key: "district", Value: district}}}
	}
	inst, err := budgeting.NewInstance(decimal.NewFromInt(100000), vt, []budgeting.Project{
		p("n1", "30000", "north"), p("n2", "40000", "north"), p("n3", "25000.50", "north"),
		p("s1", "35000", "south"), p("s2", "20000", "south"), p("c1", "50000", ""),
	}, meta...)
	require.NoError(t, err)
	return inst
}

// census is a census of people "D1"… with birth dates and areas.
func census(t testing.TB, lines ...string) *budgeting.Census {
	t.Helper()
	c, err := budgeting.ReadCensus(strings.NewReader("document,birth_date,sex,area\n"+strings.Join(lines, "\n")), secret, opens)
	require.NoError(t, err)
	return c
}
