package stakeholder_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fullMap has a stakeholder of every kind, every relationship type, and
// interactions with replies and follow-ups.
func fullMap(t testing.TB) *stakeholder.Map {
	t.Helper()
	m := stakeholder.NewMap()
	for i, k := range stakeholder.Kinds() {
		d := details("Stakeholder "+k.String(), stakeholder.Score(1+i%5), stakeholder.Score(1+(i+2)%5),
			stakeholder.Score(1+(i+1)%5), stakeholder.Score(1+(i+3)%5))
		d.Kind = k
		if k == stakeholder.KindOther {
			d.KindLabel = `a "quoted" <label> & more`
		}
		if i%2 == 0 {
			d.Area, d.Tags = "north", []string{"park", "élan"}
		}
		require.NoError(t, m.Add(mustNew(t, i+1, d)))
	}
	for i, rt := range stakeholder.RelationTypes() {
		require.NoError(t, m.AddRelationship(stakeholder.Relationship{From: id(i + 1), To: id(i + 2), Type: rt,
			Strength: stakeholder.Score(1 + i%5)}))
	}
	x := contact(101, 1, at(1), stakeholder.DirectionInbound, -2)
	x.Topic, x.Channel = "flooding", stakeholder.ChannelLetter
	y := contact(102, 2, at(2), stakeholder.DirectionOutbound, 1)
	y.FollowUpDue = at(9)
	for _, z := range []stakeholder.Interaction{x, y, reply(103, 1, at(3), 101), reply(104, 2, at(9), 102)} {
		require.NoError(t, m.Log(z))
	}
	return m
}

func TestMapJSONRoundTrip(t *testing.T) {
	for name, m := range map[string]*stakeholder.Map{"full": fullMap(t), "empty": stakeholder.NewMap()} {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(m)
			require.NoError(t, err)
			var back stakeholder.Map
			require.NoError(t, json.Unmarshal(b, &back))
			again, err := json.Marshal(&back)
			require.NoError(t, err)
			assert.Equal(t, string(b), string(again), "encoding the decoded map gives the same bytes")
			assert.Equal(t, collect(m.All()), collect(back.All()))
			assert.Equal(t, collect(m.Relationships()), collect(back.Relationships()))
			assert.Equal(t, collect(m.Interactions()), collect(back.Interactions()), "times come back identical, in UTC")
		})
	}
	b, err := json.Marshal(stakeholder.NewMap())
	require.NoError(t, err)
	assert.JSONEq(t, `{"stakeholders":[],"relationships":[],"interactions":[]}`, string(b))
}

func TestMapJSONRejects(t *testing.T) {
	good, err := json.Marshal(fullMap(t))
	require.NoError(t, err)
	doc := string(good)
	nilID := "00000000-0000-0000-0000-000000000000"
	tests := []struct {
		name string
		doc  string
		want error
	}{
		{"nil stakeholder ID", strings.Replace(doc, `"id":"`+id(3).String(), `"id":"`+nilID, 1), stakeholder.ErrInvalid},
		{"duplicate stakeholder", strings.Replace(doc, `"id":"`+id(3).String(), `"id":"`+id(2).String(), 1), stakeholder.ErrDuplicate},
		{"dangling edge", strings.Replace(doc, `"to":"`+id(2).String(), `"to":"`+id(99).String(), 1), stakeholder.ErrNotFound},
		{"nil edge end", strings.Replace(doc, `"to":"`+id(2).String(), `"to":"`+nilID, 1), stakeholder.ErrInvalid},
		{"score off the scale", strings.Replace(doc, `"power":1`, `"power":7`, 1), stakeholder.ErrOutOfRange},
		{"interaction with a stranger", strings.Replace(doc, `"stakeholder":"`+id(1).String(), `"stakeholder":"`+id(99).String(), 1), stakeholder.ErrNotFound},
		{"reply before its inquiry", strings.Replace(doc, `"at":"2025-03-03T09:00:00Z"`, `"at":"2025-02-03T09:00:00Z"`, 1), stakeholder.ErrInvalid},
		{"null stakeholder", `{"stakeholders":[null],"relationships":[],"interactions":[]}`, stakeholder.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NotEqual(t, doc, tt.doc, "the edit applied")
			m := mapOf(t, 1)
			before := snapshot(t, m)
			require.ErrorIs(t, json.Unmarshal([]byte(tt.doc), m), tt.want)
			assert.Equal(t, before, snapshot(t, m), "nothing half-loaded")
		})
	}
	for name, bad := range map[string]string{
		"unknown field": `{"stakeholders":[],"relationships":[],"interactions":[],"extra":1}`,
		"not an object": `[1,2]`,
		"bad enum":      strings.Replace(doc, `"type":"funds"`, `"type":"pays"`, 1),
	} {
		t.Run(name, func(t *testing.T) {
			var m stakeholder.Map
			require.Error(t, json.Unmarshal([]byte(bad), &m))
			assert.Zero(t, m.Len())
		})
	}
}

// checkInvariants fails t when m breaks any of the map's promises.
func checkInvariants(t *testing.T, m *stakeholder.Map) {
	seen := map[uuid.UUID]bool{}
	for s := range m.All() {
		require.NotEqual(t, uuid.Nil, s.ID())
		require.False(t, seen[s.ID()], "duplicate stakeholder")
		seen[s.ID()] = true
		got, ok := m.Get(s.ID())
		require.True(t, ok)
		require.Same(t, s, got)
		_, err := stakeholder.New(s.ID(), s.Details())
		require.NoError(t, err, "every stakeholder passes New")
	}
	require.Equal(t, len(seen), m.Len())
	type key struct {
		a, b uuid.UUID
		t    stakeholder.RelationType
	}
	rels := map[key]bool{}
	for r := range m.Relationships() {
		require.True(t, seen[r.From] && seen[r.To], "edge ends are in the map")
		require.NotEqual(t, r.From, r.To)
		require.True(t, r.Type.IsValid())
		require.True(t, r.Strength.IsValid())
		k := key{r.From, r.To, r.Type}
		if !r.Type.Directed() && r.From.String() > r.To.String() {
			k.a, k.b = r.To, r.From
		}
		require.False(t, rels[k], "duplicate relationship")
		rels[k] = true
	}
	logged := map[uuid.UUID]stakeholder.Interaction{}
	for x := range m.Interactions() {
		require.NotEqual(t, uuid.Nil, x.ID)
		require.True(t, seen[x.Stakeholder])
		_, dup := logged[x.ID]
		require.False(t, dup)
		require.True(t, x.Channel.IsValid() && x.Direction.IsValid())
		require.True(t, x.Sentiment >= stakeholder.MinSentiment && x.Sentiment <= stakeholder.MaxSentiment)
		if x.InReplyTo != uuid.Nil {
			orig, ok := logged[x.InReplyTo]
			require.True(t, ok, "a reply answers an earlier entry")
			require.Equal(t, orig.Stakeholder, x.Stakeholder)
			require.True(t, orig.At.Before(x.At))
		}
		logged[x.ID] = x
	}
	b, err := json.Marshal(m)
	require.NoError(t, err)
	var back stakeholder.Map
	require.NoError(t, json.Unmarshal(b, &back), "what it encodes decodes")
	again, err := json.Marshal(&back)
	require.NoError(t, err)
	require.Equal(t, string(b), string(again))
}

func FuzzMapJSON(f *testing.F) {
	full, err := json.Marshal(fullMap(f))
	require.NoError(f, err)
	f.Add(full)
	f.Add([]byte(`{"stakeholders":[],"relationships":[],"interactions":[]}`))
	f.Add([]byte(`{"stakeholders":[null]}`))
	f.Add([]byte(`{"stakeholders":[{"id":"00000000-0000-4000-8000-000000000001","name":"A","kind":"media","power":3,"interest":3,"legitimacy":3,"urgency":3,"attitude":"neutral","desired_attitude":"neutral"}],"relationships":[{"from":"00000000-0000-4000-8000-000000000001","to":"00000000-0000-4000-8000-000000000001","type":"funds","strength":1}]}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		var m stakeholder.Map
		if err := json.Unmarshal(doc, &m); err != nil {
			require.Zero(t, m.Len(), "a rejected document loads nothing")
			return
		}
		checkInvariants(t, &m)
	})
}
