package engagement_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRoundTrip encodes a process, decodes it and encodes it again: the bytes
// must be identical, in every state and for the rich and same-instant
// fixtures.
func TestRoundTrip(t *testing.T) {
	cases := map[string]func(testing.TB) *engagement.Process{
		"rich":         fixture.RichProcess,
		"same instant": sameInstant,
	}
	for _, s := range engagement.States() {
		cases[s.String()] = func(t testing.TB) *engagement.Process { return fixture.InState(t, s) }
	}
	for name, build := range cases {
		t.Run(name, func(t *testing.T) {
			p := build(t)
			b := marshal(t, p)
			q, err := unmarshal(b)
			require.NoError(t, err)
			assert.Equal(t, string(b), string(marshal(t, q)))
			assert.Equal(t, p.State(), q.State())
			assert.Equal(t, p.LastChange(), q.LastChange())
			assert.Equal(t, p.ContributorCount(), q.ContributorCount())
			assert.Equal(t, p.AnsweredCount(), q.AnsweredCount())
			assert.Equal(t, collect(p.Activities()), collect(q.Activities()))
			assert.Equal(t, collect(p.Commitments()), collect(q.Commitments()))
		})
	}
}

// TestDecodeRejects changes one thing in the rich process's JSON and checks
// that decoding refuses it with the sentinel the methods would have used.
//
// Each change is made to the document as written before changes were
// numbered, whose order decoding derives, and to the numbered document,
// which is refused too: with the same sentinel, or as inconsistent when the
// change leaves a change number out.
func TestDecodeRejects(t *testing.T) {
	numbered := string(marshal(t, fixture.RichProcess(t)))
	good := string(legacy([]byte(numbered)))
	tests := []struct {
		name     string
		old, new string
		want     error
	}{
		{"a contribution before the process opened",
			`"kind":"idea","text":"Replace the car park with a play area","activity":"00000000-0000-4000-8000-000000000011","at":"2025-03-16T10:00:00Z"`,
			`"kind":"idea","text":"Replace the car park with a play area","activity":"00000000-0000-4000-8000-000000000011","at":"2025-03-15T10:00:00Z"`,
			engagement.ErrWrongState},
		{"a state that the history does not reach", `"state":"completed"`, `"state":"implementing"`, engagement.ErrInvalid},
		{"a history entry with the wrong target state", `"event":"close","from":"open","to":"closed"`, `"event":"close","from":"open","to":"decided"`, engagement.ErrInvalid},
		{"a reason on an event other than cancel", `"event":"close","from":"open","to":"closed"`, `"event":"close","from":"open","to":"closed","reason":"x"`, engagement.ErrInvalid},
		{"an unknown event", `"event":"close"`, `"event":"reopen"`, engagement.ErrInvalid},
		{"a phase that is not the one active", `"at":"2025-03-16T10:00:00Z","phase":1`, `"at":"2025-03-16T10:00:00Z","phase":0`, engagement.ErrInvalid},
		{"an unknown participant", `"participant":"00000000-0000-4000-8000-000000000103"`, `"participant":"00000000-0000-4000-8000-000000000999"`, engagement.ErrNotFound},
		{"a participant nobody refers to", `"participants":[`, `"participants":[{"id":"00000000-0000-4000-8000-000000000777","profile":{"age_band":"unknown","resident":false}},`, engagement.ErrInvalid},
		{"a repeated participant", `"participants":[`, `"participants":[{"id":"00000000-0000-4000-8000-000000000100","profile":{"age_band":"35-44","sex":"f","area":"north","resident":true}},`, engagement.ErrDuplicate},
		{"an unknown activity reference", `"activity":"00000000-0000-4000-8000-000000000011"`, `"activity":"00000000-0000-4000-8000-000000000099"`, engagement.ErrNotFound},
		{"a Nil activity reference", `"activity":"00000000-0000-4000-8000-000000000011"`, `"activity":"00000000-0000-0000-0000-000000000000"`, engagement.ErrInvalid},
		{"a response before its contribution", `"response":{"at":"2025-03-30T09:00:00Z"`, `"response":{"at":"2025-03-16T09:30:00Z"`, engagement.ErrTimeOrder},
		{"a not-accepted response without a reason", `"kind":"not_accepted","text":"Disabled bays stay; the rest goes."`, `"kind":"not_accepted"`, engagement.ErrReasonRequired},
		{"a time no int64 of nanoseconds holds", `"created_at":"2025-03-01T09:00:00Z"`, `"created_at":"2300-03-01T09:00:00Z"`, engagement.ErrInvalid},
		{"publications out of time order", `"at":"2025-03-02T10:00:00Z","kind":"background_info"`, `"at":"2025-03-01T08:00:00Z","kind":"background_info"`, engagement.ErrTimeOrder},
		{"an attendance record with neither step", `"registered_at":"2025-03-02T14:00:00Z","attended_at":"2025-03-23T09:01:00Z"`, `"x":0`, engagement.ErrInvalid},
		{"attendance of an unregistered person", `"registered_at":"2025-03-02T13:00:00Z",`, ``, engagement.ErrNotRegistered},
		{"a drop reason on a commitment not dropped", `"shaped_by":["00000000-0000-4000-8000-000000001000"]}`, `"shaped_by":["00000000-0000-4000-8000-000000001000"],"drop_reason":"x"}`, engagement.ErrInvalid},
		{"an invalid quality score", `"score":3`, `"score":4`, engagement.ErrInvalid},
		{"reach above impressions", `"impressions":4000,"reach":3100`, `"impressions":4000,"reach":4100`, engagement.ErrInvalid},
		{"an invalid level", `"level":"consult"`, `"level":"advise"`, engagement.ErrInvalid},
		{"a Nil authority ID", `"authority":{"id":"00000000-0000-4000-8000-000000000002"`, `"authority":{"id":"00000000-0000-0000-0000-000000000000"`, engagement.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, good, tt.old, "the fixture must contain the text to change")
			_, err := unmarshal([]byte(strings.Replace(good, tt.old, tt.new, 1)))
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.want)
			if strings.Contains(numbered, tt.old) {
				_, err := unmarshal([]byte(strings.Replace(numbered, tt.old, tt.new, 1)))
				require.Error(t, err)
				// A time moved in a numbered document leaves its change
				// where its number puts it: before a later change.
				assert.True(t, errors.Is(err, tt.want) || errors.Is(err, engagement.ErrInconsistent) ||
					errors.Is(err, engagement.ErrTimeOrder), err.Error())
			}
		})
	}
}

// TestDecodeDecisionWithoutEvent: a closed process with a decision but no
// decide event in its history.
func TestDecodeDecisionWithoutEvent(t *testing.T) {
	b := string(marshal(t, fixture.InState(t, engagement.StateClosed)))
	d, err := json.Marshal(fixture.Decision())
	require.NoError(t, err)
	_, err = unmarshal([]byte(strings.Replace(b, `"commitments":`, `"decision":`+string(d)+`,"commitments":`, 1)))
	require.ErrorIs(t, err, engagement.ErrInvalid)
}

// TestDecodeDuplicateAttendance: one person in two attendance records of one
// activity cannot come from the methods, which keep one record per person.
func TestDecodeDuplicateAttendance(t *testing.T) {
	p := fixture.InState(t, engagement.StateDraft)
	require.NoError(t, p.AddActivity(engagement.ActivitySpec{ID: fixture.WorkshopID, Title: "Meeting", Method: engagement.MethodPublicMeeting, Start: fixture.Announced, End: fixture.Opened}, fixture.Created))
	require.NoError(t, p.Attend(fixture.WorkshopID, fixture.Person(0), fixture.Announced))
	require.NoError(t, p.Register(fixture.WorkshopID, fixture.Person(0), fixture.Announced.Add(fixture.Week)))
	b := string(legacy(marshal(t, p)))
	rec := `{"participant":"00000000-0000-4000-8000-000000000100","registered_at":"2025-03-09T09:00:00Z","attended_at":"2025-03-02T09:00:00Z"}`
	require.Contains(t, b, rec)
	split := `{"participant":"00000000-0000-4000-8000-000000000100","attended_at":"2025-03-02T09:00:00Z"},{"participant":"00000000-0000-4000-8000-000000000100","registered_at":"2025-03-09T09:00:00Z"}`
	_, err := unmarshal([]byte(strings.Replace(b, rec, split, 1)))
	require.ErrorIs(t, err, engagement.ErrDuplicate)
}

func TestDecodeMalformed(t *testing.T) {
	for _, doc := range []string{`{`, `[]`, `{"id":3}`, `{}`, `{"level":"bogus"}`, `{"campaigns":[{"mentions":[{"tone":7}]}]}`} {
		t.Run(doc, func(t *testing.T) {
			// Called directly: encoding/json checks the syntax of a whole
			// document itself before it calls UnmarshalJSON.
			var p engagement.Process
			require.ErrorIs(t, p.UnmarshalJSON([]byte(doc)), engagement.ErrInvalid, "every decoding error matches ErrInvalid")
		})
	}
	var syntax *json.SyntaxError
	var p engagement.Process
	err := p.UnmarshalJSON([]byte(`{`))
	require.ErrorAs(t, err, &syntax, "the encoding/json error stays in the chain")
	_, err = unmarshal([]byte(`null`))
	assert.Error(t, err)
}

// TestDecodeLeavesTargetOnError decodes a bad document into a valid process,
// which must keep its state.
func TestDecodeLeavesTargetOnError(t *testing.T) {
	p := fixture.InState(t, engagement.StateOpen)
	before := marshal(t, p)
	require.Error(t, json.Unmarshal([]byte(`{"id":"x"}`), p))
	require.Error(t, json.Unmarshal([]byte(strings.Replace(string(before), `"state":"open"`, `"state":"closed"`, 1)), p))
	assert.Equal(t, string(before), string(marshal(t, p)))
}

// TestDecodeNumbered: a document states the order of its changes, so that
// decoding replays changes made at one instant in the order they were made,
// and refuses numbers that skip, repeat or are missing. A document written
// before changes were numbered still decodes, in the derived order, to the
// same process, and is written back with its numbers.
func TestDecodeNumbered(t *testing.T) {
	for name, build := range map[string]func(testing.TB) *engagement.Process{"rich": fixture.RichProcess, "same instant": sameInstant} {
		t.Run(name, func(t *testing.T) {
			b := marshal(t, build(t))
			q, err := unmarshal(legacy(b))
			require.NoError(t, err, "an older document decodes")
			again := marshal(t, q)
			assert.Equal(t, string(legacy(b)), string(legacy(again)), "to the same records")
			assert.NotEqual(t, string(legacy(b)), string(again), "written back with numbers, in the derived order")
			r, err := unmarshal(again)
			require.NoError(t, err)
			assert.Equal(t, string(again), string(marshal(t, r)), "which then round-trip exactly")
		})
	}
	b := string(marshal(t, fixture.RichProcess(t)))
	require.Contains(t, b, `"seq":3}`)
	for name, tc := range map[string]struct {
		old, new string
		want     error
	}{
		"a repeated number":     {`"seq":3}`, `"seq":2}`, engagement.ErrInconsistent},
		"a skipped number":      {`"seq":3}`, `"seq":99}`, engagement.ErrInconsistent},
		"a missing number":      {`,"seq":3}`, `}`, engagement.ErrInvalid},
		"a number out of order": {`"seq":3}`, `"seq":5}`, nil},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := unmarshal([]byte(strings.Replace(b, tc.old, tc.new, 1)))
			require.Error(t, err)
			if tc.want != nil {
				assert.ErrorIs(t, err, tc.want)
			}
		})
	}
}

// TestDecodeKeepsOrderAtOneInstant: two publications and an activity made at
// one instant, in an order the derived order would not choose (the
// publications first), come back in the order they were made.
func TestDecodeKeepsOrderAtOneInstant(t *testing.T) {
	p := fixture.LooseProcess(t)
	require.NoError(t, p.Publish(engagement.Publication{Kind: engagement.PublicationKindPublicNotice, Title: "Notice"}, fixture.Created))
	require.NoError(t, p.AddActivity(engagement.ActivitySpec{ID: fixture.LeafletID, Title: "Fact sheet", Method: engagement.MethodFactSheet,
		Start: fixture.Created, End: fixture.Completed}, fixture.Created))
	b := marshal(t, p)
	assert.Contains(t, string(b), `"title":"Notice","seq":1`)
	assert.Contains(t, string(b), `"added_at":"2025-03-01T09:00:00Z","seq":2`)
	q, err := unmarshal(b)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(marshal(t, q)), "the publication stays the first change")
	old, err := unmarshal(legacy(b))
	require.NoError(t, err)
	assert.Contains(t, string(marshal(t, old)), `"added_at":"2025-03-01T09:00:00Z","seq":1`,
		"an older document's order is derived: activities before publications at one instant")
}
