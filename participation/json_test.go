package participation_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
)

// roundTrip encodes in, decodes it and encodes again: the two encodings
// must be identical and the decoded initiative must answer like the first.
func roundTrip(t *testing.T, in *participation.Initiative) *participation.Initiative {
	t.Helper()
	back := jsonRoundTrip(t, in)
	assert.Equal(t, in.State(), back.State())
	assert.Equal(t, in.Count(), back.Count())
	assert.Equal(t, in.History(), back.History())
	assert.Equal(t, in.Milestone(), back.Milestone())
	assert.Equal(t, in.Requirements(), back.Requirements())
	return back
}

func TestJSONRoundTripEveryState(t *testing.T) {
	for _, f := range fixtures() {
		t.Run(f.name, func(t *testing.T) {
			roundTrip(t, f.build(t))
		})
	}
	t.Run("empty promoter list", func(t *testing.T) {
		s := spec()
		s.Committee.Promoters = []uuid.UUID{}
		in, err := participation.NewInitiative(s)
		require.NoError(t, err)
		roundTrip(t, in)
	})
	t.Run("strict rules, committee, odd labels", func(t *testing.T) {
		s := spec()
		s.Committee = participation.Committee{Promoters: []uuid.UUID{id(501), id(502)}, MinSize: 3}
		in, err := participation.NewInitiative(s)
		require.NoError(t, err)
		r := strictRules()
		r.Areas = append(r.Areas, `quote"<&>`)
		require.NoError(t, in.SetRules(r))
		require.NoError(t, in.Open(time.Date(2025, 5, 1, 12, 0, 0, 0, time.FixedZone("CEST", 2*3600))))
		odd := stakeholder.Profile{AgeBand: stakeholder.AgeBand45To54, Sex: "é\u2028x", Area: `quote"<&>`, Resident: true}
		require.NoError(t, in.Sign(id(1), odd, participation.SigningMethodOnline, at(5).Add(time.Nanosecond)))
		require.NoError(t, in.Sign(id(2), adult, participation.SigningMethodOnline, at(6)))
		back := roundTrip(t, in)
		s1, _ := in.Signed(id(1))
		s2, ok := back.Signed(id(1))
		require.True(t, ok)
		assert.Equal(t, s1, s2)
		c := back.Committee()
		assert.Equal(t, 3, c.MinSize)
		assert.Equal(t, 3, back.CommitteeSize())
	})
}

// TestSupportEncodingMatchesEncodingJSON: the hand-written encoding of the
// supports is exactly what encoding/json writes for a Support.
func TestSupportEncodingMatchesEncodingJSON(t *testing.T) {
	in := openInitiative(t, 0)
	profiles := []stakeholder.Profile{adult, {}, {AgeBand: stakeholder.AgeBand75Plus, Sex: "<x>", Resident: false}}
	for i, p := range profiles {
		require.NoError(t, in.Sign(id(uint64(i+1)), p, participation.SigningMethodOffline, at(2).Add(time.Duration(i)*time.Millisecond)))
	}
	data, err := json.Marshal(in)
	require.NoError(t, err)
	var w struct {
		Supports []json.RawMessage `json:"supports"`
	}
	require.NoError(t, json.Unmarshal(data, &w))
	require.Len(t, w.Supports, len(profiles))
	i := 0
	for s := range in.Supports() {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(w.Supports[i]))
		i++
	}
}

// TestJSONRoundTripLarge round-trips an initiative with 50,000 supports
// across areas, sexes, age bands and both channels.
func TestJSONRoundTripLarge(t *testing.T) {
	n := 50_000
	if testing.Short() {
		n = 5_000
	}
	in := newInitiative(t, 0)
	r := rules(n / 2)
	r.Window = metrics.Period{}
	r.AreaThresholds = []participation.AreaThreshold{{Area: "north", Threshold: 100}}
	require.NoError(t, in.SetRules(r))
	require.NoError(t, in.Open(at(1)))
	ids, profiles := benchSupporters(n)
	for i := range ids {
		ch := participation.SigningMethodOnline
		if i%3 == 0 {
			ch = participation.SigningMethodOffline
		}
		require.NoError(t, in.Sign(ids[i], profiles[i], ch, at(2).Add(time.Duration(i)*time.Second)))
	}
	require.NoError(t, in.Qualify(at(2).Add(time.Duration(n)*time.Second)))
	back := roundTrip(t, in)
	for i := 0; i < n; i += 997 {
		want, _ := in.Signed(ids[i])
		got, ok := back.Signed(ids[i])
		require.True(t, ok)
		assert.Equal(t, want, got)
	}
	assert.Equal(t, in.ChannelShares(), back.ChannelShares())
}

// validJSON returns the JSON of a submitted initiative with 4 supports as
// a generic map, to be broken one field at a time.
func validJSON(t *testing.T) map[string]any {
	t.Helper()
	data, err := json.Marshal(fixtures()[4].build(t))
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	return m
}

func TestJSONDecodingValidates(t *testing.T) {
	history := func(m map[string]any) []any { return m["history"].([]any) }
	event := func(m map[string]any, i int) map[string]any { return history(m)[i].(map[string]any) }
	supports := func(m map[string]any) []any { return m["supports"].([]any) }
	support := func(m map[string]any, i int) map[string]any { return supports(m)[i].(map[string]any) }
	tests := []struct {
		name string
		edit func(m map[string]any)
		want error
	}{
		{"nil ID", func(m map[string]any) { m["id"] = "00000000-0000-0000-0000-000000000000" }, participation.ErrInvalid},
		{"empty title", func(m map[string]any) { m["title"] = "" }, participation.ErrInvalid},
		{"unknown kind", func(m map[string]any) { m["kind"] = "referendum" }, participation.ErrInvalid},
		{"no initiators", func(m map[string]any) { m["initiators"] = []any{} }, participation.ErrInvalid},
		{"bad rules", func(m map[string]any) { m["rules"].(map[string]any)["threshold"] = 0 }, participation.ErrInvalid},
		{"state disagrees", func(m map[string]any) { m["state"] = "answered" }, participation.ErrInconsistent},
		{"no history", func(m map[string]any) { m["history"] = []any{} }, participation.ErrInconsistent},
		{"history not starting with creation", func(m map[string]any) { m["history"] = history(m)[1:] }, participation.ErrInconsistent},
		{"creation at another time", func(m map[string]any) { event(m, 0)["at"] = "2020-01-01T00:00:00Z" }, participation.ErrInconsistent},
		{"second creation", func(m map[string]any) {
			m["history"] = append([]any{event(m, 0)}, history(m)...)
		}, participation.ErrInconsistent},
		{"event out of order", func(m map[string]any) {
			h := history(m)
			h[len(h)-2], h[len(h)-1] = h[len(h)-1], h[len(h)-2]
		}, participation.ErrInvalidTransition},
		{"event back in time", func(m map[string]any) { event(m, 7)["at"] = "2025-05-01T09:30:00Z" }, participation.ErrTimeOrder},
		{"event with a foreign field", func(m map[string]any) { event(m, 1)["percent"] = 25 }, participation.ErrInvalid},
		{"milestone skipped", func(m map[string]any) {
			h := history(m)
			m["history"] = append(h[:2:2], h[3:]...)
		}, participation.ErrInconsistent},
		{"gathering ended before a milestone", func(m map[string]any) { event(m, 5)["at"] = "2025-05-01T19:30:00Z" }, participation.ErrTimeOrder},
		{"milestone outside the window", func(m map[string]any) { event(m, 2)["at"] = "2025-05-01T09:30:00Z" }, participation.ErrInconsistent},
		{"unrecorded milestone", func(m map[string]any) {
			// Drop the 100 % milestone, the qualification and what follows.
			m["history"] = history(m)[:5]
			m["state"] = "open"
		}, participation.ErrInconsistent},
		{"qualified below threshold", func(m map[string]any) {
			m["supports"] = supports(m)[:3]
		}, participation.ErrInconsistent},
		{"support after qualification", func(m map[string]any) { support(m, 0)["at"] = "2025-05-01T20:00:00Z" }, participation.ErrInconsistent},
		{"support before opening", func(m map[string]any) { support(m, 0)["at"] = "2025-05-01T09:30:00Z" }, participation.ErrOutsideWindow},
		{"support twice", func(m map[string]any) { m["supports"] = append(supports(m), support(m, 0)) }, participation.ErrAlreadySigned},
		{"ineligible support", func(m map[string]any) {
			support(m, 0)["profile"].(map[string]any)["age_band"] = "0-15"
		}, participation.ErrTooYoung},
		{"support with unknown channel", func(m map[string]any) { support(m, 0)["channel"] = "pigeon" }, participation.ErrInvalid},
		{"submitted nowhere", func(m map[string]any) { delete(event(m, 7), "to") }, participation.ErrInvalid},
		{"withdrawn by a stranger", func(m map[string]any) {
			m["history"] = append(history(m), map[string]any{"kind": "withdrawn", "at": "2025-05-02T00:00:00Z", "by": "00000000-0000-0000-0000-000000000063"})
			m["state"] = "withdrawn"
		}, participation.ErrNotInitiator},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := validJSON(t)
			tt.edit(m)
			data, err := json.Marshal(m)
			require.NoError(t, err)
			in := openInitiative(t, 0)
			before, err := json.Marshal(in)
			require.NoError(t, err)
			require.ErrorIs(t, json.Unmarshal(data, in), tt.want)
			after, err := json.Marshal(in)
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after), "a failed decoding changed the initiative")
		})
	}
}

func TestJSONDecodingMoreInconsistencies(t *testing.T) {
	decode := func(t *testing.T, in *participation.Initiative, edit func(m map[string]any)) error {
		data, err := json.Marshal(in)
		require.NoError(t, err)
		var m map[string]any
		require.NoError(t, json.Unmarshal(data, &m))
		edit(m)
		data, err = json.Marshal(m)
		require.NoError(t, err)
		return json.Unmarshal(data, new(participation.Initiative))
	}
	t.Run("supports on a draft", func(t *testing.T) {
		err := decode(t, newInitiative(t, 0), func(m map[string]any) {
			m["supports"] = []any{map[string]any{"person": id(1).String(), "profile": map[string]any{"age_band": "25-34", "resident": true}, "channel": "online", "at": at(2)}}
		})
		require.ErrorIs(t, err, participation.ErrInconsistent)
	})
	t.Run("expired with the threshold met", func(t *testing.T) {
		in := openInitiative(t, 4)
		signMany(t, in, 1, 2, 5)
		require.NoError(t, in.Expire(at(100)))
		err := decode(t, in, func(m map[string]any) {
			s := m["supports"].([]any)
			for i := range 2 {
				c := map[string]any{}
				for k, v := range s[0].(map[string]any) {
					c[k] = v
				}
				c["person"] = id(uint64(10 + i)).String()
				s = append(s, c)
			}
			m["supports"] = s
			// Record the milestones the supports now reach.
			h := m["history"].([]any)
			last := h[len(h)-1]
			h = h[:len(h)-1]
			for _, p := range []int{75, 100} {
				h = append(h, map[string]any{"kind": "milestone", "at": at(5), "percent": p})
			}
			m["history"] = append(h, last)
		})
		require.ErrorIs(t, err, participation.ErrInconsistent)
	})
	t.Run("expired before the window closed", func(t *testing.T) {
		in := openInitiative(t, 4)
		require.NoError(t, in.Expire(at(100)))
		err := decode(t, in, func(m map[string]any) {
			h := m["history"].([]any)
			h[len(h)-1].(map[string]any)["at"] = at(50)
		})
		require.ErrorIs(t, err, participation.ErrWindowNotClosed)
	})
	t.Run("opened after the window", func(t *testing.T) {
		in := openInitiative(t, 4)
		err := decode(t, in, func(m map[string]any) { m["history"].([]any)[1].(map[string]any)["at"] = at(100) })
		require.ErrorIs(t, err, participation.ErrWindowClosed)
	})
	t.Run("opened with a small committee", func(t *testing.T) {
		in := openInitiative(t, 4)
		err := decode(t, in, func(m map[string]any) { m["committee"] = map[string]any{"min_size": 2} })
		require.ErrorIs(t, err, participation.ErrCommitteeTooSmall)
	})
	t.Run("qualified without rules", func(t *testing.T) {
		in := fixtures()[3].build(t)
		err := decode(t, in, func(m map[string]any) {
			delete(m, "rules")
			h := m["history"].([]any)
			m["history"] = append(h[:2:2], h[6])
		})
		require.ErrorIs(t, err, participation.ErrNoThreshold)
	})
	t.Run("not JSON", func(t *testing.T) {
		var in participation.Initiative
		require.ErrorIs(t, in.UnmarshalJSON([]byte(`{"supports": [`)), participation.ErrInvalid)
		require.ErrorIs(t, in.UnmarshalJSON([]byte(`[]`)), participation.ErrInvalid)
		require.ErrorIs(t, in.UnmarshalJSON([]byte(`{"title": 7}`)), participation.ErrInvalid, "a value of the wrong type")
	})
	t.Run("supports not an array", func(t *testing.T) {
		in := openInitiative(t, 4)
		require.ErrorIs(t, decode(t, in, func(m map[string]any) { m["supports"] = map[string]any{} }), participation.ErrInvalid)
		require.ErrorIs(t, decode(t, in, func(m map[string]any) { m["supports"] = []any{1} }), participation.ErrInvalid)
	})
	t.Run("null supports", func(t *testing.T) {
		in := openInitiative(t, 4)
		require.NoError(t, decode(t, in, func(m map[string]any) { m["supports"] = nil }))
	})
}

// FuzzInitiativeJSON: decoding arbitrary bytes never panics, and whatever
// decodes re-encodes to JSON that decodes to the same bytes again.
func FuzzInitiativeJSON(f *testing.F) {
	for _, fx := range fixtures() {
		data, err := json.Marshal(fx.build(f))
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte(`{"supports":[{}]}`))
	f.Add([]byte(strings.Repeat("[", 100)))
	f.Fuzz(func(t *testing.T, data []byte) {
		var in participation.Initiative
		if json.Unmarshal(data, &in) != nil {
			return
		}
		out, err := json.Marshal(&in)
		require.NoError(t, err)
		var back participation.Initiative
		require.NoError(t, json.Unmarshal(out, &back))
		again, err := json.Marshal(&back)
		require.NoError(t, err)
		require.Equal(t, string(out), string(again))
	})
}
