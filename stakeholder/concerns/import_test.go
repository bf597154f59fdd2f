package concerns_test

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/stakeholder/concerns"
)

// logHeader is the header of the test log: a byte-order mark, letter case
// and spaces as a spreadsheet might write them, columns out of order.
var logHeader = []string{"Case", "Received At", "Officer", "KIND", "channel", "Category", "severity", "Disclosure",
	"complainant", "summary", "acknowledged_at", "assessed_at", "scope", "scope_reason", "referral", "investigating_at",
	"proposed_at", "proposal", "response", "response_note", "responded_at", "closed_at", "close_note"}

// logRow writes one row of the test log from the cells given by column.
func logRow(cells map[string]string) string {
	out := make([]string, len(logHeader))
	for i, h := range logHeader {
		out[i] = cells[h]
	}
	return strings.Join(out, ",")
}

// base returns the cells every row needs, for case n.
func base(n int) map[string]string {
	return map[string]string{"Case": id(n).String(), "Received At": "2025-01-06 09:00", "Officer": officer.String(),
		"KIND": "Complaint", "channel": "web form", "Category": "noise", "severity": "medium", "Disclosure": "anonymous"}
}

func with(m map[string]string, kv ...string) map[string]string {
	for i := 0; i < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

// TestImportCSV reads a log whose rows are recorded, partly recorded or
// rejected, and checks each row's number, status and reason.
func TestImportCSV(t *testing.T) {
	lines := []string{
		"\uFEFF" + strings.Join(logHeader, ","),
		// row 2: the whole story, recorded.
		logRow(with(base(1), "Disclosure", "named", "complainant", id(101).String(), "acknowledged_at", "2025-01-07",
			"assessed_at", "2025-01-07T10:00:00Z", "scope", "in", "investigating_at", "2025-01-08 09:00",
			"proposed_at", "2025-01-10 09:00", "proposal", "No work after 19:00", "response", "accepted",
			"responded_at", "2025-01-11 09:00", "closed_at", "2025-01-20 09:00")),
		// row 3: blank, as a spreadsheet shows it.
		"",
		// row 4: a summary over two lines, still one row.
		logRow(with(base(2), "summary", "\"Dust on the cars,\nevery day\"", "acknowledged_at", "2025-01-06 10:00")),
		// row 5: a bad ID: rejected, nothing recorded.
		logRow(with(base(3), "Case", "not-an-id")),
		// row 6: acknowledged before it was received: the case stays, partly recorded.
		logRow(with(base(4), "acknowledged_at", "2025-01-05 09:00")),
		// row 7: case 1 again: rejected.
		logRow(base(1)),
		// row 8: too few fields: rejected.
		"only,three,fields",
		// row 9: a bare quote: rejected.
		logRow(with(base(5), "summary", `say "no"`)),
		// row 10: out of scope, referred: recorded.
		logRow(with(base(6), "acknowledged_at", "2025-01-06 10:00", "assessed_at", "2025-01-06 11:00", "scope", "out",
			"scope_reason", "Water supply", "referral", "Water utility")),
		// row 11: appealed: recorded, escalated.
		logRow(with(base(7), "acknowledged_at", "2025-01-06 10:00", "assessed_at", "2025-01-06 11:00", "scope", "In",
			"proposed_at", "2025-01-09", "proposal", "An apology", "response", "escalated", "response_note", "Wants a barrier",
			"responded_at", "2025-01-10")),
		// row 12: assessed without a scope, an unknown severity: rejected with both reasons.
		logRow(with(base(8), "severity", "apocalyptic", "assessed_at", "2025-01-07")),
		// row 13: closed unresolved without a note: partly recorded.
		logRow(with(base(9), "acknowledged_at", "2025-01-06 10:00", "assessed_at", "2025-01-06 11:00", "scope", "in",
			"proposed_at", "2025-01-09", "proposal", "An apology", "response", "rejected", "closed_at", "2025-01-12")),
	}
	r := newRegister(t)
	res, err := r.ImportCSV(strings.NewReader(strings.Join(lines, "\r\n") + "\r\n"))
	require.NoError(t, err)

	type want struct {
		row    int
		status concerns.RowStatus
		steps  int
		errs   []error
	}
	wants := []want{
		{2, concerns.RowStatusRecorded, 7, nil},
		{4, concerns.RowStatusRecorded, 2, nil},
		{5, concerns.RowStatusRejected, 0, []error{concerns.ErrInvalid}},
		{6, concerns.RowStatusPartial, 1, []error{concerns.ErrTimeOrder}},
		{7, concerns.RowStatusRejected, 0, []error{concerns.ErrDuplicate}},
		{8, concerns.RowStatusRejected, 0, []error{concerns.ErrInvalid}},
		{9, concerns.RowStatusRejected, 0, []error{concerns.ErrInvalid}},
		{10, concerns.RowStatusRecorded, 3, nil},
		{11, concerns.RowStatusRecorded, 5, nil},
		{12, concerns.RowStatusRejected, 0, []error{concerns.ErrInvalid}},
		{13, concerns.RowStatusPartial, 4, []error{concerns.ErrReasonRequired}},
	}
	require.Len(t, res.Rows, len(wants), "every row read has a result")
	for i, w := range wants {
		got := res.Rows[i]
		assert.Equal(t, w.row, got.Row, "result %d", i)
		assert.Equal(t, w.status, got.Status, "row %d: %v", w.row, got.Err)
		assert.Equal(t, w.steps, got.Steps, "row %d", w.row)
		assert.NotEmpty(t, got.Fields, "row %d keeps its fields", w.row)
		if w.errs == nil {
			assert.NoError(t, got.Err, "row %d", w.row)
			continue
		}
		var re *concerns.RowError
		require.ErrorAs(t, got.Err, &re, "row %d", w.row)
		assert.Equal(t, w.row, re.Row)
		for _, e := range w.errs {
			require.ErrorIs(t, got.Err, e, "row %d", w.row)
		}
	}
	assert.Equal(t, "11 rows: 4 recorded, 2 partly recorded, 5 rejected", res.String())

	// What was recorded is in the register: 4 recorded and 2 partial cases.
	assert.Equal(t, 6, r.Len())
	c, err := r.Case(id(1))
	require.NoError(t, err)
	assert.Equal(t, concerns.OutcomeResolved, c.Outcome())
	c, err = r.Case(id(4))
	require.NoError(t, err)
	assert.Equal(t, concerns.StateReceived, c.State(), "the partial row's case stays as far as it went")
	c, err = r.Case(id(7))
	require.NoError(t, err)
	assert.Equal(t, concerns.StateEscalated, c.State())
	c, err = r.Case(id(2))
	require.NoError(t, err)
	assert.Equal(t, "Dust on the cars,\nevery day", c.Details().Summary)
}

// TestImportCSVHeader checks that a bad header records nothing.
func TestImportCSVHeader(t *testing.T) {
	required := strings.Join(concerns.LogColumns()[:8], ",")
	tests := map[string]string{
		"empty":           "",
		"missing column":  "case,received_at,officer,kind,channel,category,severity\n",
		"unknown column":  required + ",mood\n",
		"column twice":    required + ",Case\n",
		"malformed quote": "\"case,received_at\n",
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			r := newRegister(t)
			res, err := r.ImportCSV(strings.NewReader(in))
			require.ErrorIs(t, err, concerns.ErrHeader)
			require.ErrorIs(t, err, concerns.ErrInvalid)
			assert.Empty(t, res.Rows)
			assert.Equal(t, 0, r.Len())
		})
	}
	// Only the required columns: enough.
	r := newRegister(t)
	row := strings.Join([]string{id(1).String(), "2025-01-06", officer.String(), "concern", "phone", "access", "low", "anonymous"}, ",")
	res, err := r.ImportCSV(strings.NewReader(required + "\n" + row + "\n"))
	require.NoError(t, err)
	assert.Equal(t, 1, res.Count(concerns.RowStatusRecorded))
}

// TestImportCSVReadError checks that an error of the reader is returned.
func TestImportCSVReadError(t *testing.T) {
	boom := errors.New("disk gone")
	_, err := newRegister(t).ImportCSV(iotest.ErrReader(boom))
	require.ErrorIs(t, err, boom)
}
