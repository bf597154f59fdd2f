package concerns_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/stakeholder/concerns"
)

// TestRegisterRoundTrip checks that a register decodes to one that encodes
// to the same bytes and gives the same figures.
func TestRegisterRoundTrip(t *testing.T) {
	r := quarter(t)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var got concerns.Register
	require.NoError(t, json.Unmarshal(b, &got))
	again, err := json.Marshal(&got)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(again))
	assert.Equal(t, string(b), string(again))

	want, err := r.Performance(q1, asOf)
	require.NoError(t, err)
	have, err := got.Performance(q1, asOf)
	require.NoError(t, err)
	assert.Equal(t, want, have)

	// The decoded register keeps working: its cases answer to events.
	require.NoError(t, got.Acknowledge(id(8), officer, asOf))
}

// tamper decodes the quarter's JSON into plain values, lets edit change
// them, and encodes them again.
func tamper(t *testing.T, edit func(w map[string]any)) []byte {
	t.Helper()
	b, err := json.Marshal(quarter(t))
	require.NoError(t, err)
	var w map[string]any
	require.NoError(t, json.Unmarshal(b, &w))
	edit(w)
	out, err := json.Marshal(w)
	require.NoError(t, err)
	return out
}

func journal(w map[string]any) []any { return w["journal"].([]any) }

// caseEvent returns the i-th journal entry's case event.
func caseEvent(w map[string]any, i int) map[string]any {
	return journal(w)[i].(map[string]any)["case_event"].(map[string]any)
}

// TestRegisterDecodeRejects checks that decoding refuses what no sequence
// of calls produces, and leaves the register unchanged.
func TestRegisterDecodeRejects(t *testing.T) {
	tests := []struct {
		name string
		data func(t *testing.T) []byte
		want []error
	}{
		{"malformed", func(*testing.T) []byte { return []byte(`{"rules":`) }, []error{concerns.ErrInvalid}},
		{"wrong type", func(*testing.T) []byte { return []byte(`{"rules":[]}`) }, []error{concerns.ErrInvalid}},
		{"bad rules", func(t *testing.T) []byte {
			return tamper(t, func(w map[string]any) { w["rules"].(map[string]any)["levels"] = 0 })
		}, []error{concerns.ErrOutOfRange}},
		{"state listed wrong", func(t *testing.T) []byte {
			return tamper(t, func(w map[string]any) { w["cases"].([]any)[0].(map[string]any)["state"] = "received" })
		}, []error{concerns.ErrInconsistent}},
		{"a case left out of the list", func(t *testing.T) []byte {
			return tamper(t, func(w map[string]any) { w["cases"] = w["cases"].([]any)[1:] })
		}, []error{concerns.ErrInconsistent}},
		{"issue state listed wrong", func(t *testing.T) []byte {
			return tamper(t, func(w map[string]any) { w["issues"].([]any)[0].(map[string]any)["state"] = "closed" })
		}, []error{concerns.ErrInconsistent}},
		{"an event the state does not allow", func(t *testing.T) []byte {
			// journal[1] acknowledges case 9; make it an acceptance.
			return tamper(t, func(w map[string]any) { caseEvent(w, 1)["event"] = "accepted" })
		}, []error{concerns.ErrInconsistent, concerns.ErrInvalidTransition}},
		{"an event before the one before", func(t *testing.T) []byte {
			return tamper(t, func(w map[string]any) { caseEvent(w, 1)["at"] = "2024-01-01T00:00:00Z" })
		}, []error{concerns.ErrInconsistent, concerns.ErrTimeOrder}},
		{"the same case received twice", func(t *testing.T) []byte {
			return tamper(t, func(w map[string]any) { w["journal"] = append(journal(w), journal(w)[0]) })
		}, []error{concerns.ErrInconsistent, concerns.ErrDuplicate}},
		{"an event of a case never received", func(t *testing.T) []byte {
			return tamper(t, func(w map[string]any) { w["journal"] = journal(w)[1:] })
		}, []error{concerns.ErrInconsistent, concerns.ErrNotFound}},
		{"a detail that does not belong", func(t *testing.T) []byte {
			return tamper(t, func(w map[string]any) { caseEvent(w, 1)["days"] = 3 })
		}, []error{concerns.ErrInconsistent, concerns.ErrInvalid}},
		{"both kinds of entry", func(t *testing.T) []byte {
			return tamper(t, func(w map[string]any) {
				journal(w)[0].(map[string]any)["issue_event"] = map[string]any{"issue": id(1).String()}
			})
		}, []error{concerns.ErrInconsistent, concerns.ErrInvalid}},
		{"closed twice", func(t *testing.T) []byte {
			return tamper(t, func(w map[string]any) {
				// journal[5] closes case 9: repeat it.
				j := journal(w)
				w["journal"] = append(j[:6:6], append([]any{j[5]}, j[6:]...)...)
			})
		}, []error{concerns.ErrInconsistent, concerns.ErrInvalidTransition}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRegister(t)
			require.NoError(t, r.Receive(details(1, 0), officer, t0))
			before := snapshot(t, r)
			err := r.UnmarshalJSON(tt.data(t)) // directly: encoding/json checks syntax before calling it
			for _, want := range tt.want {
				require.ErrorIs(t, err, want)
			}
			assert.Equal(t, before, snapshot(t, r), "a refused decoding changed the register")
		})
	}
}

// TestPerformanceJSON checks that published figures round-trip and that
// decoding refuses figures that disagree with one another.
func TestPerformanceJSON(t *testing.T) {
	fs, err := quarter(t).Performance(q1, asOf)
	require.NoError(t, err)
	b, err := json.Marshal(fs)
	require.NoError(t, err)
	var got concerns.Performance
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, fs, got)

	edits := map[string]func(w map[string]any){
		"more open in the bands": func(w map[string]any) { w["open"] = 6 },
		"resolved over other cases": func(w map[string]any) {
			w["closed"] = 3
		},
		"part above whole": func(w map[string]any) {
			w["acknowledged_on_time"] = map[string]any{"numerator": 9, "denominator": 8, "value": "1.125000", "percent": "112.50 %"}
		},
		"median above the 90th": func(w map[string]any) { w["median_to_close"] = map[string]any{"seconds": "99999999"} },
		"a band missing":        func(w map[string]any) { w["backlog"] = w["backlog"].([]any)[1:] },
		"trend for all time": func(w map[string]any) {
			delete(w, "period")
		},
		"bad rules": func(w map[string]any) { w["rules"].(map[string]any)["levels"] = 12 },
	}
	for name, edit := range edits {
		t.Run(name, func(t *testing.T) {
			var w map[string]any
			require.NoError(t, json.Unmarshal(b, &w))
			edit(w)
			bad, err := json.Marshal(w)
			require.NoError(t, err)
			var got concerns.Performance
			err = json.Unmarshal(bad, &got)
			require.Error(t, err)
			assert.Zero(t, got)
		})
	}
	var p concerns.Performance
	require.ErrorIs(t, p.UnmarshalJSON([]byte(`{"open":"x"}`)), concerns.ErrInvalid)
	require.ErrorIs(t, p.UnmarshalJSON([]byte(`{"open":`)), concerns.ErrInvalid)
}
