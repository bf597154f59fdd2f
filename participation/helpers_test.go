package participation_test

import (
	"encoding/binary"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
)

// id returns a fixed, readable UUID: id(1) is 00000000-0000-0000-0000-000000000001.
func id(n uint64) uuid.UUID {
	var u uuid.UUID
	binary.BigEndian.PutUint64(u[8:], n)
	return u
}

// day0 is the fixed start of every test timeline.
var day0 = time.Date(2025, time.May, 1, 9, 0, 0, 0, time.UTC)

// at returns day0 plus h hours.
func at(h int) time.Time { return day0.Add(time.Duration(h) * time.Hour) }

// adult is an eligible resident of "north".
var adult = stakeholder.Profile{AgeBand: stakeholder.AgeBand25To34, Sex: "f", Area: "north", Resident: true}

// initiator is the initiators' ID in every test initiative.
var initiator = id(1000)

// city is the public body initiatives are submitted to.
var city = participation.PublicBody{ID: id(2000), Name: "City of Riverton"}

// spec returns a valid petition created at day0.
func spec() participation.InitiativeSpec {
	return participation.InitiativeSpec{
		ID:         id(1),
		Title:      "Protected bike lane on Elm Street",
		Summary:    "Separate the bike lane from traffic with kerbs.",
		Kind:       participation.KindPetition,
		Initiators: []uuid.UUID{initiator},
		Area:       "north",
		Created:    day0,
	}
}

// rules returns rules with a threshold of n and a window from hour 1 to
// hour 100.
func rules(n int) participation.SupportRules {
	return participation.SupportRules{
		Threshold:       n,
		Window:          metrics.Period{Start: at(1), End: at(100)},
		MinAge:          16,
		AllowWithdrawal: true,
	}
}

// newInitiative returns a draft with rules(n), or without rules for n = 0.
func newInitiative(t testing.TB, n int) *participation.Initiative {
	t.Helper()
	in, err := participation.NewInitiative(spec())
	require.NoError(t, err)
	if n > 0 {
		require.NoError(t, in.SetRules(rules(n)))
	}
	return in
}

// openInitiative returns newInitiative(t, n) opened at hour 1.
func openInitiative(t testing.TB, n int) *participation.Initiative {
	t.Helper()
	in := newInitiative(t, n)
	require.NoError(t, in.Open(at(1)))
	return in
}

// signMany signs people first..first+n-1 as adults at hour h.
func signMany(t testing.TB, in *participation.Initiative, first uint64, n int, h int) {
	t.Helper()
	for i := range uint64(n) {
		require.NoError(t, in.Sign(id(first+i), adult, participation.SigningMethodOnline, at(h)))
	}
}

// jsonRoundTrip encodes v, decodes the bytes into a new value and encodes
// that again; both encodings must be identical. It returns the decoded
// value.
func jsonRoundTrip[T any, P interface {
	*T
	json.Marshaler
	json.Unmarshaler
}](t testing.TB, v P) P {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	back := P(new(T))
	require.NoError(t, json.Unmarshal(data, back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	require.Equal(t, string(data), string(again))
	return back
}

// requireDecodeRejects decodes each named document into v, requiring an
// error and v unchanged (the same encoding before and after).
func requireDecodeRejects(t *testing.T, v interface {
	json.Marshaler
	json.Unmarshaler
}, docs map[string]string) {
	t.Helper()
	before, err := json.Marshal(v)
	require.NoError(t, err)
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			// Called directly, so that malformed JSON reaches the decoder:
			// every rejection matches ErrInvalid.
			require.ErrorIs(t, v.UnmarshalJSON([]byte(doc)), participation.ErrInvalid)
			after, err := json.Marshal(v)
			require.NoError(t, err)
			require.Equal(t, string(before), string(after), "a failed decoding changed the value")
		})
	}
}
