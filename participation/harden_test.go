package participation_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
)

// Regression tests for issue 11: no input crashes a server, every refusal
// says where, nothing is silently changed.

// TestValidateLargeRulesIsLinear (item 1): 60,000 areas (1,000 of them
// repeated) and 60,000 channels validate in linear time, where a nested
// scan makes about 1.8·10⁹ comparisons (seconds); the test's own duration
// shows it.
func TestValidateLargeRulesIsLinear(t *testing.T) {
	const n, repeats = 60_000, 1_000
	r := participation.SupportRules{Threshold: 1}
	for i := range n {
		r.Areas = append(r.Areas, fmt.Sprintf("area-%d", i%(n-repeats)))
		r.Channels = append(r.Channels, participation.SigningMethodOffline)
	}
	err := r.Validate()
	require.ErrorIs(t, err, participation.ErrInvalid)
	var joined interface{ Unwrap() []error }
	require.ErrorAs(t, err, &joined)
	assert.Len(t, joined.Unwrap(), repeats+n-1, "each repeated area and channel")

	r.Areas, r.Channels = r.Areas[:n-repeats], nil
	require.NoError(t, r.Validate())
	in := newInitiative(t, 0)
	require.NoError(t, in.SetRules(r))
}

// TestServerPattern (item 2): many goroutines share one Initiative, each
// call under the caller's one sync.Mutex, as an HTTP server does: signing,
// withdrawing, reading and encoding interleave, and the race detector (go
// test -race) finds nothing.
func TestServerPattern(t *testing.T) {
	const goroutines, each = 8, 200
	in := openInitiative(t, goroutines*each)
	var mu sync.Mutex
	locked := func(f func()) {
		mu.Lock()
		defer mu.Unlock()
		f()
	}
	var wg sync.WaitGroup
	errs := make([]error, goroutines)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				p := id(uint64(g*each + i + 1))
				locked(func() {
					if err := in.Sign(p, adult, participation.SigningMethodOnline, at(2)); err != nil {
						errs[g] = err
					}
				})
				locked(func() { _, _ = in.Signed(p); _ = in.Count(); _ = in.Requirements() })
				if i%10 == 0 {
					locked(func() {
						if err := in.WithdrawSupport(p, at(3)); err != nil {
							errs[g] = err
						}
					})
					locked(func() {
						for range in.Supports() {
						}
						_, err := json.Marshal(in)
						errs[g] = errors.Join(errs[g], err)
					})
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
	assert.Equal(t, goroutines*(each-each/10), in.Count())
	jsonRoundTrip(t, in)
}

// TestMisuseWithoutMutexPanics (item 2): a call that overlaps a change,
// which only happens when the mutex is forgotten, panics at once with a
// message naming the missing sync.Mutex, instead of corrupting the store.
// The overlap is made deterministic by holding the guard through a test
// hook, or by changing the initiative inside a loop over its supports.
func TestMisuseWithoutMutexPanics(t *testing.T) {
	in := openInitiative(t, 10)
	signMany(t, in, 1, 3, 2)
	release := participation.HoldWrite(in)
	for name, call := range map[string]func(){
		"Sign":    func() { _ = in.Sign(id(9), adult, participation.SigningMethodOnline, at(2)) },
		"Count":   func() { _ = in.Count() },
		"Signed":  func() { _, _ = in.Signed(id(1)) },
		"Qualify": func() { _ = in.Qualify(at(3)) },
		"Marshal": func() { _, _ = in.MarshalJSON() },
		"Supports": func() {
			for range in.Supports() {
			}
		},
	} {
		assert.PanicsWithValue(t, participation.Misuse, call, name)
	}
	release()
	assert.Equal(t, 3, in.Count(), "nothing changed, and the guard is free again")

	assert.PanicsWithValue(t, participation.Misuse, func() {
		for range in.Supports() {
			_ = in.Sign(id(9), adult, participation.SigningMethodOnline, at(2))
		}
	}, "a change inside a loop over the supports")
	assert.Equal(t, 3, in.Count())
	require.NoError(t, in.Sign(id(9), adult, participation.SigningMethodOnline, at(2)), "the guard was released by the panic")

	// Readers may overlap one another.
	for range in.Supports() {
		for range in.Events() {
			_ = in.Count()
		}
	}
}

// TestDecodeRefusesImpossibleSupports (item 4): a tampered document whose
// history is created → withdrawn (never opened) but which carries supports,
// one dated 2030, is refused; so are supports before the opening, outside
// the window, or after the gathering ended.
func TestDecodeRefusesImpossibleSupports(t *testing.T) {
	support := func(n int, at string) map[string]any {
		return map[string]any{"person": id(uint64(n)).String(), "profile": map[string]any{"age_band": "25_34", "resident": true},
			"channel": "online", "at": at}
	}
	draft := newInitiative(t, 4)
	require.NoError(t, draft.Withdraw(initiator, "", at(1)))
	qualified := openInitiative(t, 2)
	signMany(t, qualified, 1, 2, 5)
	require.NoError(t, qualified.Qualify(at(6)))
	for _, tt := range []struct {
		name string
		in   *participation.Initiative
		add  []map[string]any
		want error
	}{
		{"withdrawn draft with supports", draft, []map[string]any{support(1, "2025-05-01T12:00:00Z"), support(2, "2030-01-01T00:00:00Z")}, participation.ErrInconsistent},
		{"support before the opening", openInitiative(t, 4), []map[string]any{support(1, "2025-05-01T09:30:00Z")}, participation.ErrOutsideWindow},
		{"support after the window", openInitiative(t, 4), []map[string]any{support(1, "2030-01-01T00:00:00Z")}, participation.ErrOutsideWindow},
		{"support after qualification", qualified, []map[string]any{support(3, "2025-05-01T16:00:00Z")}, participation.ErrInconsistent},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := asMap(t, tt.in)
			supports, _ := m["supports"].([]any)
			for _, s := range tt.add {
				supports = append(supports, s)
			}
			m["supports"] = supports
			doc, err := json.Marshal(m)
			require.NoError(t, err)
			var back participation.Initiative
			require.ErrorIs(t, json.Unmarshal(doc, &back), tt.want)
		})
	}
}

// asMap encodes v and decodes it as a generic JSON object.
func asMap(t *testing.T, v any) map[string]any {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	return m
}

// milestones returns the milestones of in's history.
func milestones(in *participation.Initiative) []participation.HistoryEntry {
	var out []participation.HistoryEntry
	for e := range in.Events() {
		if e.Kind == participation.EventMilestone {
			out = append(out, e)
		}
	}
	return out
}

// TestMilestonesDatedInOrder (item 5): a milestone is dated with the
// latest signing time recorded when it was reached, so back-dated offline
// signatures never date 50 % before 25 %; the history stays in time order,
// round-trips, and a document whose milestones go back in time is refused.
func TestMilestonesDatedInOrder(t *testing.T) {
	in := openInitiative(t, 4)
	require.NoError(t, in.Sign(id(1), adult, participation.SigningMethodOnline, at(10))) // 25 %
	rep := in.Import([]participation.OfflineSignature{
		{Person: id(2), Profile: adult, At: at(3)}, // 50 %, signed on paper before the online one
		{Person: id(3), Profile: adult, At: at(2)}, // 75 %
	})
	require.Equal(t, 2, rep.Accepted)
	require.NoError(t, in.Sign(id(4), adult, participation.SigningMethodOnline, at(11))) // 100 %

	ms := milestones(in)
	require.Len(t, ms, 4)
	for i, want := range []time.Time{at(10), at(10), at(10), at(11)} {
		assert.Equal(t, 25*(i+1), ms[i].Percent)
		assert.Equal(t, want, ms[i].At, "milestone %d %%", ms[i].Percent)
	}
	history := in.History()
	for i := 1; i < len(history); i++ {
		assert.False(t, history[i].At.Before(history[i-1].At), "history[%d] goes back in time", i)
	}
	back := jsonRoundTrip(t, in)
	assert.Equal(t, ms, milestones(back))

	err := in.Qualify(at(10))
	var toe *participation.TimeOrderError
	require.ErrorAs(t, err, &toe, "gathering cannot end before the last milestone")
	assert.Equal(t, at(11), toe.BlockerAt)

	m := asMap(t, in)
	m["history"].([]any)[3].(map[string]any)["at"] = at(5).Format(time.RFC3339) // 50 % before 25 %
	doc, err := json.Marshal(m)
	require.NoError(t, err)
	require.ErrorIs(t, json.Unmarshal(doc, new(participation.Initiative)), participation.ErrInconsistent)
}

// TestMilestoneDateSurvivesWithdrawal (item 5): the latest signing time
// that dated a milestone is kept when that signature is withdrawn, also
// across a JSON round trip, so the next milestone is not dated before it.
func TestMilestoneDateSurvivesWithdrawal(t *testing.T) {
	in := openInitiative(t, 4)
	require.NoError(t, in.Sign(id(1), adult, participation.SigningMethodOnline, at(20))) // 25 % at hour 20
	require.NoError(t, in.WithdrawSupport(id(1), at(21)))
	in = jsonRoundTrip(t, in)
	signMany(t, in, 2, 2, 5) // 25 % again (not repeated), then 50 %
	ms := milestones(in)
	require.Len(t, ms, 2)
	assert.Equal(t, at(20), ms[1].At, "not hour 5: the 25 %% milestone was dated hour 20")
}

// TestSignRefusesRewrittenText (item 6): a profile category that is not
// valid UTF-8, which the JSON round trip would rewrite, is refused, as is
// one with surrounding spaces: nothing is trimmed or rewritten.
func TestSignRefusesRewrittenText(t *testing.T) {
	in := openInitiative(t, 4)
	for name, p := range map[string]stakeholder.Profile{
		"invalid UTF-8 sex":  {AgeBand: stakeholder.AgeBand25To34, Sex: "f\xff", Resident: true},
		"invalid UTF-8 area": {AgeBand: stakeholder.AgeBand25To34, Area: "\xc3", Resident: true},
		"padded area":        {AgeBand: stakeholder.AgeBand25To34, Area: "north ", Resident: true},
	} {
		err := in.Sign(id(1), p, participation.SigningMethodOnline, at(2))
		require.ErrorIs(t, err, stakeholder.ErrInvalidProfile, name)
		var fe *participation.FieldError
		require.ErrorAs(t, err, &fe, name)
		assert.True(t, strings.HasPrefix(fe.Field, "profile."), name)
	}
	assert.Zero(t, in.Count())

	sheet := sheetHeader + "00000000-0000-0000-0000-000000000001,2025-05-01T12:00:00Z,25-34,f\xff,north,true\n"
	rep, err := in.ImportCSV(strings.NewReader(sheet))
	require.NoError(t, err)
	require.Len(t, rep.Rejected, 1)
	require.ErrorIs(t, rep.Rejected[0], stakeholder.ErrInvalidProfile)
}

// TestImportCSVAsSpreadsheetsWriteIt (item 7): a byte-order mark, a header
// in another case, blank lines and a multi-line record are read as a
// spreadsheet program writes them, with its row numbers; a date-only time
// is refused asking for RFC 3339; an empty age band is not "too young";
// errors name the column and list the accepted values.
func TestImportCSVAsSpreadsheetsWriteIt(t *testing.T) {
	in := openInitiative(t, 10)
	sheet := "\uFEFFPerson,Signed At,AGE_BAND,sex,Area,Resident\r\n" + // row 1
		"00000000-0000-0000-0000-000000000001,2025-05-01T12:00:00Z,25-34,f,north,true\r\n" + // row 2: accepted
		"\r\n" + // row 3: blank
		"00000000-0000-0000-0000-000000000002,2025-05-01,25-34,f,north,true\r\n" + // row 4: date only
		"00000000-0000-0000-0000-000000000003,2025-05-01T12:00:00Z,,f,north,true\r\n" + // row 5: no age band
		"00000000-0000-0000-0000-000000000004,2025-05-01T12:00:00Z,25-34,\"f\r\nsecond line\",north,true\r\n" + // row 6, two lines
		"00000000-0000-0000-0000-000000000005,2025-05-01T12:00:00Z,twenty,f,north,true\r\n" + // row 7: bad band
		"00000000-0000-0000-0000-000000000006,2025-05-01T12:00:00Z,25-34,f,north,yes\r\n" + // row 8: bad residency
		"\r\n\r\n" + // rows 9 and 10: blank
		"00000000-0000-0000-0000-000000000007,2025-05-01T12:00:00Z,25-34,f,north,\"x\"y\r\n" + // row 11: bad quote
		"00000000-0000-0000-0000-000000000008,2025-05-01T12:00:00Z,25-34,f,north,true\r\n" // row 12: accepted
	rep, err := in.ImportCSV(strings.NewReader(sheet))
	require.NoError(t, err)
	assert.Equal(t, 8, rep.Rows, "records; blank lines are not rows of data")
	assert.Equal(t, 3, rep.Accepted, "rows 2, 6 and 12")
	type want struct {
		row          int
		err          error
		field, value string
	}
	wants := []want{
		{4, participation.ErrMalformedRow, "signed_at", "RFC 3339"},
		{5, participation.ErrAgeUnknown, "profile.age_band", "at or above 16"},
		{7, participation.ErrMalformedRow, "age_band", `"16-17"`},
		{8, participation.ErrMalformedRow, "resident", "true or false"},
		{11, participation.ErrMalformedRow, "", ""},
	}
	require.Len(t, rep.Rejected, len(wants))
	for i, w := range wants {
		got := rep.Rejected[i]
		assert.Equal(t, w.row, got.Row)
		require.ErrorIs(t, got, w.err, "row %d", w.row)
		if w.err == participation.ErrAgeUnknown {
			assert.NotErrorIs(t, got, participation.ErrTooYoung, "an empty age band is not below the minimum age")
		}
		if w.field == "" {
			continue
		}
		var fe *participation.FieldError
		require.ErrorAs(t, got, &fe, "row %d", w.row)
		assert.Equal(t, w.field, fe.Field)
		assert.Contains(t, fe.Value, w.value, "row %d lists what is accepted", w.row)
	}
	s, ok := in.Signed(id(4))
	require.True(t, ok)
	assert.Equal(t, "f\nsecond line", s.Profile.Sex)

	_, err = in.ImportCSV(strings.NewReader("person,signed_at,age,sex,area,resident\n"))
	require.ErrorIs(t, err, participation.ErrHeader)
}

// TestTimeOrderErrorsNameTheBlocker (item 8): each time-order refusal is a
// *TimeOrderError carrying the recorded time that blocks the change.
func TestTimeOrderErrorsNameTheBlocker(t *testing.T) {
	in := openInitiative(t, 2)
	signMany(t, in, 1, 2, 7)
	tests := []struct {
		name    string
		call    func() error
		blocker time.Time
		want    error
	}{
		{"qualify before the latest signature", func() error { return in.Qualify(at(6)) }, at(7), participation.ErrTimeOrder},
		{"withdraw a support before it was given", func() error { return in.WithdrawSupport(id(1), at(6)) }, at(7), participation.ErrTimeOrder},
		{"sign before the opening", func() error { return in.Sign(id(9), adult, participation.SigningMethodOnline, day0) }, at(1), participation.ErrOutsideWindow},
		{"withdraw before the opening", func() error { return in.Withdraw(initiator, "", day0) }, at(1), participation.ErrTimeOrder},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.ErrorIs(t, err, tt.want)
			var toe *participation.TimeOrderError
			require.ErrorAs(t, err, &toe)
			assert.Equal(t, tt.blocker, toe.BlockerAt)
			assert.NotEmpty(t, toe.Blocker)
		})
	}
}

// TestRefusalsNameFieldAndAccepted (item 9): refusals name the field and,
// where there is a set of accepted values, list it.
func TestRefusalsNameFieldAndAccepted(t *testing.T) {
	in := newInitiative(t, 0)
	r := rules(4)
	r.Areas = []string{"north", "south"}
	r.Channels = []participation.SigningMethod{participation.SigningMethodOffline}
	require.NoError(t, in.SetRules(r))
	require.NoError(t, in.Open(at(1)))
	east := adult
	east.Area = "east"
	tests := []struct {
		name          string
		err           error
		want          error
		field, listed string
	}{
		{"channel", in.Sign(id(1), adult, participation.SigningMethodOnline, at(2)), participation.ErrChannelNotAccepted, "channel", "offline"},
		{"undeclared channel", in.Sign(id(1), adult, participation.SigningMethod(9), at(2)), participation.ErrInvalid, "channel", "online, offline"},
		{"area", in.Import([]participation.OfflineSignature{{Person: id(1), Profile: east, At: at(2)}}).Rejected[0], participation.ErrOutsideArea, "profile.area", `"north", "south"`},
		{"window", in.Import([]participation.OfflineSignature{{Person: id(1), Profile: adult, At: at(200)}}).Rejected[0], participation.ErrOutsideWindow, "at", "window"},
		{"undeclared kind", func() error { s := spec(); s.Kind = 0; _, err := participation.NewInitiative(s); return err }(), participation.ErrInvalid, "kind", "petition"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.ErrorIs(t, tt.err, tt.want)
			var fe *participation.FieldError
			require.ErrorAs(t, tt.err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.Contains(t, fe.Value, tt.listed)
		})
	}
}

// TestGroupMisuseWithoutMutexPanics (items 2 and 3): a Group keeps its
// members in a map, so a forgotten mutex used to be a fatal concurrent map
// write; now an overlapping call panics with the message. Joining the zero
// Group is refused instead of writing to a nil map.
func TestGroupMisuseWithoutMutexPanics(t *testing.T) {
	g, err := participation.NewGroup(id(1), "Friends of Elm Park", participation.GroupKindGrassroots, "north", []uuid.UUID{id(2)}, day0)
	require.NoError(t, err)
	release := participation.HoldGroup(g)
	assert.PanicsWithValue(t, participation.MisuseGroup, func() { _, _ = g.Join(id(3), participation.MemberRoleMember, at(1)) })
	assert.PanicsWithValue(t, participation.MisuseGroup, func() { _ = g.Len() })
	release()
	assert.Equal(t, 1, g.Len())

	var zero participation.Group
	_, err = zero.Join(id(3), participation.MemberRoleMember, at(1))
	require.ErrorIs(t, err, participation.ErrInvalid)
}
