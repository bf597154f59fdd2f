package budgeting_test

import (
	"encoding/json"
	"strings"
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

// jsonBallots are the first ballots of the round-trip box: counted,
// superseded, rejected for each kind of reason, through every channel.
func jsonBallots() []budgeting.Cast {
	return []budgeting.Cast{
		ballot("A-1", budgeting.BallotChannelOnline, 1, "n1", "n2"),
		ballot("Z-9", budgeting.BallotChannelOnline, 2, "n1", "n2"),        // not on the census
		ballot("K-1", budgeting.BallotChannelPaper, 3, "n1", "n2"),         // too young
		ballot("A-3", budgeting.BallotChannelOnline, 4, "s2"),              // spends too little
		ballot("B-1", budgeting.BallotChannelBooth, 5, "s1", "zz", "\xff"), // unknown projects
		ballot("a 1", budgeting.BallotChannelPaper, 6, "n2", "n3", "c1"),   // A-1 again: replaces ballot 1
	}
}

// moreBallots are cast after the box was encoded and decoded.
func moreBallots() []budgeting.Cast {
	return []budgeting.Cast{
		ballot("A-1", budgeting.BallotChannelBooth, 7, "n1", "n2", "n3"), // A-1 a third time
		ballot("B-1", budgeting.BallotChannelOnline, 8, "s1", "s2", "c1"),
		ballot("A-2", budgeting.BallotChannelOnline, 9, "n1"), // spends too little
	}
}

// jsonBox returns a box with the first ballots cast.
func jsonBox(t testing.TB) *budgeting.Box {
	t.Helper()
	box := newBox(t, budgeting.BallotForm{MinBudgetShare: decimal.NewFromInt(50)}, budgeting.RevotePolicyLastCounts)
	for _, c := range jsonBallots() {
		_, err := box.Cast(c)
		require.NoError(t, err)
	}
	return box
}

func encode(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

func TestBoxJSONRoundTripAndContinue(t *testing.T) {
	box := jsonBox(t)
	doc := encode(t, box)
	for _, want := range []string{`"status":"superseded"`, `"superseded_by":6`, `"channel":"booth"`, `"unverified":"budgeting: `} {
		assert.Contains(t, string(doc), want)
	}
	assert.NotContains(t, string(doc), "A-1", "no document number is written")
	decoded, err := budgeting.DecodeBox(doc, census(t, people...))
	require.NoError(t, err)
	assert.Equal(t, string(doc), string(encode(t, decoded)), "encode, decode, encode: the same bytes")
	assert.Equal(t, box.Figures(), decoded.Figures())

	// The decoded box goes on exactly as the box that never stopped.
	for _, c := range moreBallots() {
		want, err := box.Cast(c)
		require.NoError(t, err)
		got, err := decoded.Cast(c)
		require.NoError(t, err)
		assert.Equal(t, want.Seq, got.Seq)
		assert.Equal(t, want.Status, got.Status)
		assert.Equal(t, want.Replaced, got.Replaced)
	}
	require.NoError(t, box.Close(opens.Add(time.Hour)))
	require.NoError(t, decoded.Close(opens.Add(time.Hour)))
	assert.Equal(t, string(encode(t, box)), string(encode(t, decoded)))
	assert.Equal(t, box.Figures(), decoded.Figures())
	e1, err := box.Election()
	require.NoError(t, err)
	e2, err := decoded.Election()
	require.NoError(t, err)
	assert.Equal(t, string(encode(t, e1)), string(encode(t, e2)))

	closed := encode(t, box)
	again, err := budgeting.DecodeBox(closed, census(t, people...))
	require.NoError(t, err)
	_, err = again.Cast(ballot("A-3", budgeting.BallotChannelOnline, 90, "n1", "n2"))
	require.ErrorIs(t, err, budgeting.ErrWrongState, "a closed box decodes closed")
}

func TestDecodeBoxRefuses(t *testing.T) {
	doc := string(encode(t, jsonBox(t)))
	cases := []struct {
		name     string
		old, new string
		want     error
	}{
		{"malformed", `{"version"`, `{"version":`, budgeting.ErrInvalid},
		{"another version", `"version":1`, `"version":2`, budgeting.ErrInvalid},
		{"a status the rules do not give", `"status":"counted"`, `"status":"rejected"`, budgeting.ErrInconsistent},
		{"a reason changed", `spends 20.00 %`, `spends 2.00 %`, budgeting.ErrInconsistent},
		{"numbered out of order", `"seq":2`, `"seq":3`, budgeting.ErrInconsistent},
		{"out of time order", `"at":"2025-05-01T08:02:00Z"`, `"at":"2025-05-01T07:02:00Z"`, budgeting.ErrTimeOrder},
		{"an undeclared channel", `"channel":"booth"`, `"channel":"fax"`, budgeting.ErrInvalid},
		{"a replacement that did not happen", `"superseded_by":6`, `"superseded_by":5`, budgeting.ErrInconsistent},
		{"a counted ballot that breaks a rule", `"projects":["n2","n3","c1"],"status":"counted"`, `"projects":["n2","n2"],"status":"counted"`, budgeting.ErrInconsistent},
		{"an invalid spec", `"revote":"last_counts"`, `"revote":"never"`, budgeting.ErrInvalid},
		{"no opening", `"opens":"2025-05-01T08:00:00Z"`, `"opens":"0001-01-01T00:00:00Z"`, budgeting.ErrInvalid},
		{"an unverified voter without a why", `"unverified":"budgeting: voter not verified",`, ``, budgeting.ErrInconsistent},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Contains(t, doc, c.old)
			_, err := budgeting.DecodeBox([]byte(strings.Replace(doc, c.old, c.new, 1)), census(t, people...))
			require.ErrorIs(t, err, c.want)
		})
	}
	var w map[string]any
	require.NoError(t, json.Unmarshal([]byte(doc), &w))
	voters := w["voters"].([]any)
	w["voters"] = append(voters, voters[0])
	_, err := budgeting.DecodeBox(encode(t, w), census(t, people...))
	require.ErrorIs(t, err, budgeting.ErrDuplicate, "a person listed twice")
	w["voters"] = voters[1:]
	_, err = budgeting.DecodeBox(encode(t, w), census(t, people...))
	require.ErrorIs(t, err, budgeting.ErrInconsistent, "a ballot of an unlisted voter")
	w["voters"] = voters
	w["ballots"] = w["ballots"].([]any)[:1]
	_, err = budgeting.DecodeBox(encode(t, w), census(t, people...))
	require.ErrorIs(t, err, budgeting.ErrInconsistent, "a voter with no ballot")
	_, err = (&budgeting.Box{}).MarshalJSON()
	require.ErrorIs(t, err, budgeting.ErrInvalid)
}

// FuzzDecodeBox: no document makes decoding panic, and a document it
// accepts encodes to one that decodes and encodes to the same bytes.
func FuzzDecodeBox(f *testing.F) {
	box := jsonBox(f)
	doc := encode(f, box)
	f.Add(doc)
	f.Add([]byte(strings.Replace(string(doc), `"status":"counted"`, `"status":"rejected"`, 1)))
	f.Add([]byte(`{"version":1}`))
	f.Add([]byte(`null`))
	c := census(f, people...)
	f.Fuzz(func(t *testing.T, data []byte) {
		requireStableJSON(t, data, func(d []byte) (*budgeting.Box, error) { return budgeting.DecodeBox(d, c) })
	})
}

// requireStableJSON decodes data, and when decode accepts it, requires
// that its encoding decode and encode to the same bytes.
func requireStableJSON[T any](t *testing.T, data []byte, decode func([]byte) (T, error)) {
	v, err := decode(data)
	if err != nil {
		return
	}
	once := encode(t, v)
	v2, err := decode(once)
	require.NoError(t, err)
	require.Equal(t, string(once), string(encode(t, v2)))
}

// movingVoter is a verifier whose one voter moves house between ballots:
// the register says "north" first and "south" after.
type movingVoter struct{ calls *int }

func (m movingVoter) Verify(budgeting.Claim) (budgeting.Identity, error) {
	*m.calls++
	area := "north"
	if *m.calls > 1 {
		area = "south"
	}
	return budgeting.Identity{ID: uuid.UUID{0: 0x42, 6: 0x80, 8: 0x80}, Profile: stakeholder.Profile{Area: area, Resident: true}}, nil
}

// A person is held to the profile the box kept from their first ballot, so
// that the ballots replay to the same box however the register changed.
func TestBoxKeepsTheFirstProfile(t *testing.T) {
	rules, err := budgeting.NewBallotRules(districtInstance(t, budgeting.VoteTypeApproval),
		budgeting.BallotForm{DistrictColumn: "district", OwnDistrict: true})
	require.NoError(t, err)
	calls := 0
	box, err := budgeting.NewBox(budgeting.BoxSpec{Rules: rules, Verifier: movingVoter{&calls}, Opens: opens,
		Revote: budgeting.RevotePolicyLastCounts, Eligibility: engagement.Eligibility{Areas: []string{"north"}}})
	require.NoError(t, err)
	for m, project := range []string{"n1", "n2"} {
		r, err := box.Cast(budgeting.Cast{Claim: budgeting.Claim{Document: "x"}, Channel: budgeting.BallotChannelOnline,
			At: opens.Add(time.Duration(m) * time.Minute), Projects: []string{project}})
		require.NoError(t, err)
		require.Equal(t, budgeting.BallotStatusCounted, r.Status, "ballot %d: a north ballot of a north voter", m+1)
	}
	d, err := budgeting.DecodeBox(encode(t, box), movingVoter{&calls})
	require.NoError(t, err)
	assert.Equal(t, string(encode(t, box)), string(encode(t, d)))
}
