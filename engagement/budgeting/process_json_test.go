package budgeting_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// votingBudget returns the test budget with its proposals reviewed, voting
// open, and the first ballots cast: one counted, one rejected for spending
// too little.
func votingBudget(t testing.TB) *budgeting.Budget {
	t.Helper()
	b := openBudget(t)
	proposeAndReview(t, b)
	require.NoError(t, b.OpenVoting(pday(time.May, 1)))
	castInto(t, b.Box(), 0, "A-1", "1", "2")
	castInto(t, b.Box(), 1, "A-2", "2") // 30 % of the budget
	return b
}

// castInto casts a ballot of doc into box h hours into 2 May.
func castInto(t testing.TB, box *budgeting.Box, h int, doc string, projects ...string) {
	t.Helper()
	_, err := box.Cast(castAt(ballot(doc, budgeting.BallotChannelOnline, 0, projects...)).withAt(pday(time.May, 2).Add(time.Duration(h) * time.Hour)))
	require.NoError(t, err)
}

// decodeBudget decodes doc with the test census.
func decodeBudget(t testing.TB, doc []byte) (*budgeting.Budget, error) {
	return budgeting.DecodeBudget(doc, census(t, people...), nil)
}

func TestBudgetJSONRoundTripAtEveryStage(t *testing.T) {
	b := openBudget(t)
	stages := []struct {
		name string
		step func()
	}{
		{"open for proposals", func() {}},
		{"reviewed", func() { proposeAndReview(t, b) }},
		{"voting", func() {
			require.NoError(t, b.OpenVoting(pday(time.May, 1)))
			castInto(t, b.Box(), 0, "A-1", "1", "2")
			castInto(t, b.Box(), 1, "A-2", "2")
		}},
		{"counted", func() { require.NoError(t, b.Count(context.Background(), pday(time.May, 21))) }},
		{"implementing", func() {
			require.NoError(t, b.StartImplementation(pday(time.June, 2)))
			require.NoError(t, b.CompleteMilestone(pid(11), "Built", pday(time.June, 3)))
		}},
	}
	for _, st := range stages {
		st.step()
		doc := encode(t, b)
		d, err := decodeBudget(t, doc)
		require.NoError(t, err, st.name)
		assert.Equal(t, string(doc), string(encode(t, d)), "%s: encode, decode, encode: the same bytes", st.name)
	}
}

// A budget decoded during the vote goes on exactly as the one that never
// stopped: more ballots, the count, the commitments.
func TestDecodedBudgetContinues(t *testing.T) {
	b := votingBudget(t)
	d, err := decodeBudget(t, encode(t, b))
	require.NoError(t, err)
	for _, x := range []*budgeting.Budget{b, d} {
		castInto(t, x.Box(), 2, "A-3", "1")
		castInto(t, x.Box(), 3, "A 1", "1") // votes again: first counts
		require.NoError(t, x.Count(context.Background(), pday(time.May, 21)))
		require.NoError(t, x.StartImplementation(pday(time.June, 2)))
	}
	assert.Equal(t, string(encode(t, b)), string(encode(t, d)))
	assert.Equal(t, b.Result().Selected(), d.Result().Selected())
}

func TestDecodeBudgetRefuses(t *testing.T) {
	b := votingBudget(t)
	require.NoError(t, b.Count(context.Background(), pday(time.May, 21)))
	doc := string(encode(t, b))
	cases := []struct {
		name     string
		old, new string
		want     error
	}{
		{"malformed", `{"version"`, `{"version":[`, budgeting.ErrInvalid},
		{"another version", `{"version":1,"process"`, `{"version":7,"process"`, budgeting.ErrInvalid},
		{"a title that is not the contribution's", `"title":"Trees"`, `"title":"Tall trees"`, budgeting.ErrInconsistent},
		{"a review that is not the response", `"reason":"Parking is set`, `"reason":"Parking was set`, budgeting.ErrInconsistent},
		{"a reviewed cost the box does not have", `"cost":"40000","owner":"Parks"`, `"cost":"45000","owner":"Parks"`, budgeting.ErrInconsistent},
		{"votes the box does not hold", `"votes":1,`, `"votes":2,`, budgeting.ErrInconsistent},
		{"a project not funded", `"funded":true,`, ``, budgeting.ErrInconsistent},
		{"another rule", `"rule":"greedy_cost"`, `"rule":"mes_cost"`, budgeting.ErrInconsistent},
		{"a calendar that is not the phases", `"calendar":{"proposals":"2025-03-01T10:00:00Z"`, `"calendar":{"proposals":"2025-03-02T10:00:00Z"`, budgeting.ErrInconsistent},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Contains(t, doc, c.old)
			_, err := decodeBudget(t, []byte(strings.Replace(doc, c.old, c.new, 1)))
			require.ErrorIs(t, err, c.want)
		})
	}
	_, err := (&budgeting.Budget{}).MarshalJSON()
	require.ErrorIs(t, err, budgeting.ErrInvalid)
}

// FuzzDecodeBudget: no document makes decoding panic, and a document it
// accepts encodes to one that decodes and encodes to the same bytes.
func FuzzDecodeBudget(f *testing.F) {
	b := votingBudget(f)
	f.Add(encode(f, b))
	require.NoError(f, b.Count(context.Background(), pday(time.May, 21)))
	f.Add(encode(f, b))
	f.Add([]byte(`{"version":1}`))
	f.Add([]byte(`{"version":1,"process":null}`))
	c := census(f, people...)
	f.Fuzz(func(t *testing.T, data []byte) {
		requireStableJSON(t, data, func(d []byte) (*budgeting.Budget, error) { return budgeting.DecodeBudget(d, c, nil) })
	})
}
