package concerns_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/stakeholder/concerns"
)

// sentinels are the errors every refusal must match one of.
var sentinels = []error{concerns.ErrInvalid, concerns.ErrOutOfRange, concerns.ErrInvalidTransition, concerns.ErrWrongState,
	concerns.ErrTimeOrder, concerns.ErrDuplicate, concerns.ErrNotFound, concerns.ErrInconsistent, concerns.ErrReasonRequired,
	concerns.ErrNoFurtherLevel, concerns.ErrDeadlinePassed}

func matchesSentinel(err error) bool {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// FuzzRegisterJSON decodes arbitrary bytes: every refusal matches a
// sentinel and leaves the register as it was, and every register accepted
// encodes to bytes that decode to the same register.
func FuzzRegisterJSON(f *testing.F) {
	b, err := json.Marshal(quarter(f))
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{"rules":{"acknowledge_within_days":1,"propose_within_days":1,"levels":1},"journal":[],"cases":[],"issues":[]}`))
	f.Add([]byte(`{"rules":{},"journal":[{"case_event":{}}]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := newRegister(t)
		before := snapshot(t, r)
		if err := r.UnmarshalJSON(data); err != nil {
			require.True(t, matchesSentinel(err), "%v", err)
			assert.Equal(t, before, snapshot(t, r))
			return
		}
		out, err := json.Marshal(r)
		require.NoError(t, err)
		var again concerns.Register
		require.NoError(t, again.UnmarshalJSON(out))
		out2, err := json.Marshal(&again)
		require.NoError(t, err)
		require.Equal(t, string(out), string(out2))
	})
}

// FuzzPerformanceJSON decodes arbitrary published figures: accepted ones
// encode and decode again to the same value.
func FuzzPerformanceJSON(f *testing.F) {
	fs, err := quarter(f).Performance(q1, asOf)
	require.NoError(f, err)
	b, err := json.Marshal(fs)
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var p concerns.Performance
		if err := p.UnmarshalJSON(data); err != nil {
			require.True(t, matchesSentinel(err), "%v", err)
			return
		}
		out, err := json.Marshal(p)
		require.NoError(t, err)
		var again concerns.Performance
		require.NoError(t, again.UnmarshalJSON(out))
		require.Equal(t, p, again)
	})
}

// FuzzImportCSV reads arbitrary logs: nothing panics, every row read is
// accounted for with a valid status, only recorded and partial rows leave a
// case, and the register still round-trips.
func FuzzImportCSV(f *testing.F) {
	header := strings.Join(concerns.LogColumns(), ",")
	f.Add(header + "\n")
	f.Add("\uFEFF" + strings.Join(logHeader, ",") + "\n" + logRow(base(1)) + "\n\n" + logRow(with(base(2), "acknowledged_at", "2025-01-07")) + "\n")
	f.Add(strings.Join(logHeader, ",") + "\n\"unterminated\n")
	f.Fuzz(func(t *testing.T, in string) {
		r := newRegister(t)
		res, err := r.ImportCSV(strings.NewReader(in))
		if err != nil {
			require.True(t, matchesSentinel(err), "%v", err)
			require.Empty(t, res.Rows)
			require.Equal(t, 0, r.Len())
			return
		}
		last := 1
		for _, row := range res.Rows {
			require.Greater(t, row.Row, last)
			last = row.Row
			require.True(t, row.Status.IsValid())
			require.Equal(t, row.Status == concerns.RowStatusRecorded, row.Err == nil)
			if row.Err != nil {
				require.True(t, matchesSentinel(row.Err), "%v", row.Err)
			}
		}
		require.Equal(t, res.Count(concerns.RowStatusRecorded)+res.Count(concerns.RowStatusPartial), r.Len())
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var again concerns.Register
		require.NoError(t, again.UnmarshalJSON(b))
	})
}
