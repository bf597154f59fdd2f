package budgeting_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// wideVotes returns a file whose VOTES header has cols columns, followed by
// rows rows, row(i) each.
func wideVotes(cols, rows int, row func(i int) string) []byte {
	var b bytes.Buffer
	b.WriteString("META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;1\nVOTES\nvoter_id;vote")
	for i := 2; i < cols; i++ {
		b.WriteString(";c")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteByte(byte('a' + i%26))
		b.WriteString(itoa(i))
	}
	b.WriteByte('\n')
	for i := range rows {
		b.WriteString(row(i))
	}
	return b.Bytes()
}

func itoa(i int) string {
	var buf [20]byte
	n := len(buf)
	for {
		n--
		buf[n] = byte('0' + i%10)
		i /= 10
		if i == 0 {
			return string(buf[n:])
		}
	}
}

// heapGrowth returns how much the live heap and the total allocated grew
// while f ran.
func heapGrowth(f func()) (live, total uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.GC()
	runtime.ReadMemStats(&after)
	if after.HeapAlloc > before.HeapAlloc {
		live = after.HeapAlloc - before.HeapAlloc
	}
	return live, after.TotalAlloc - before.TotalAlloc
}

func TestReadBoundedByBytes(t *testing.T) {
	// Files that once made the reader reserve a block sized by the header's
	// width times the number of lines left: 160 GB for 1.1 MB of input.
	// Reading must allocate in proportion to the bytes read; the bound is
	// 64 bytes per input byte plus 16 MB, allocated in total (peaks
	// included), and the same for what stays live.
	cases := []struct {
		name  string
		data  []byte
		fails bool
	}{
		{"20,000 columns, a million empty lines", wideVotes(20_000, 1_000_000, func(int) string { return "\n" }), false},
		{"20,000 columns, 1,000 blank lines", wideVotes(20_000, 1_000, func(int) string { return "\n" }), false},
		{"20,000 columns, 60,000 one-cell rows", wideVotes(20_000, 60_000, func(i int) string { return itoa(i) + "\n" }), true},
		{"100 columns, 2,000 short rows", wideVotes(100, 2_000, func(i int) string { return itoa(i) + ";1\n" }), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			bound := uint64(64*len(tc.data) + 16<<20)
			var err error
			live, total := heapGrowth(func() {
				var e *budgeting.Election
				e, err = budgeting.Read(bytes.NewReader(tc.data))
				runtime.KeepAlive(e)
			})
			if tc.fails {
				require.ErrorIs(t, err, budgeting.ErrTooLarge)
				var pe *budgeting.ParseError
				require.ErrorAs(t, err, &pe)
				assert.Positive(t, pe.Line)
			} else {
				require.NoError(t, err)
			}
			assert.LessOrEqual(t, total, bound, "allocated in total for %d bytes", len(tc.data))
			assert.LessOrEqual(t, live, bound, "live after reading %d bytes", len(tc.data))
		})
	}
}

func TestMaxBytes(t *testing.T) {
	data := []byte(instanceA)
	cases := []struct {
		name string
		opts []budgeting.ReadOption
		ok   bool
	}{
		{"default", nil, true},
		{"exactly the size", []budgeting.ReadOption{budgeting.MaxBytes(int64(len(data)))}, true},
		{"one byte short", []budgeting.ReadOption{budgeting.MaxBytes(int64(len(data) - 1))}, false},
		{"no limit", []budgeting.ReadOption{budgeting.MaxBytes(0)}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := budgeting.Read(bytes.NewReader(data), tc.opts...)
			if tc.ok {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, budgeting.ErrTooLarge)
		})
	}
	t.Run("Parse ignores it", func(t *testing.T) {
		_, err := budgeting.Parse(data, budgeting.MaxBytes(1))
		require.NoError(t, err)
	})
}

func TestNumberLimits(t *testing.T) {
	// A number's digits are bounded before it is converted, so a cost of a
	// million digits is refused at once, and the message quotes it clipped.
	file := func(budget, cost, points string) []byte {
		return []byte("META\nkey;value\nbudget;" + budget + "\nvote_type;cumulative\nPROJECTS\nproject_id;cost\na;" + cost +
			"\nb;1\nVOTES\nvoter_id;vote;points\nv;a;" + points + "\n")
	}
	long := strings.Repeat("9", 1_000_000)
	cases := []struct {
		name      string
		data      []byte
		sentinel  error
		line, col int
	}{
		{"a cost of a million digits", file("10", long, "1"), budgeting.ErrTooLarge, 7, 2},
		{"a cost of 41 digits", file("10", strings.Repeat("1", 41), "1"), budgeting.ErrTooLarge, 7, 2},
		{"a budget of a million digits", file(long, "1", "1"), budgeting.ErrTooLarge, 3, 0},
		{"points of a million digits", file("10", "1", long), budgeting.ErrTooLarge, 11, 0},
		{"a 40-digit cost", file("10", strings.Repeat("1", 40), "1"), budgeting.ErrOverflow, 7, 0},
		{"a 20-digit budget", file("99999999999999999999", "1", "1"), budgeting.ErrOverflow, 3, 0},
		{"a cost of 19 nines", file("10", "9223372036854775800", "1"), budgeting.ErrOverflow, 7, 0},
		{"a cost with 18 decimals and a budget of 10", file("10", "0.000000000000000001", "1"), budgeting.ErrOverflow, 3, 0},
		{"a 40-digit number of leading zeros is a number", file("10", strings.Repeat("0", 39)+"1", "1"), nil, 0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			done := make(chan error, 1)
			go func() {
				_, err := budgeting.Parse(tc.data)
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-ctx.Done():
				require.NoError(t, ctx.Err(), "parsing took more than 10 s")
			}
			if tc.sentinel == nil {
				require.NoError(t, err)
				return
			}
			requireAt(t, err, tc.sentinel, tc.line, tc.col)
			assert.Less(t, len(err.Error()), 400, "the message quotes the number clipped")
		})
	}
}

func TestAmountOverflowAtParse(t *testing.T) {
	// An overflow says what overflowed: the sum, a cost, or the budget at
	// the scale a cost's decimals set.
	cases := []struct {
		name    string
		budget  string
		cost    string
		mention []string // the message's words
	}{
		{"budget plus a cost", "9200000000000000000", "100000000000000000", []string{"add up", "9200000000000000000", `project "a"`}},
		{"a cost's decimals scale the budget", "100", "0.000000000000000001", []string{"the budget 100", "18 decimal places", `project "a"`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := budgeting.Parse([]byte("META\nkey;value\nbudget;" + tc.budget + "\nvote_type;approval\nPROJECTS\nproject_id;cost\na;" + tc.cost + "\nVOTES\nvoter_id;vote\nv;a\n"))
			require.ErrorIs(t, err, budgeting.ErrOverflow)
			for _, w := range tc.mention {
				assert.Contains(t, err.Error(), w) // the text for people, checked once here
			}
		})
	}
}

func TestNothingSilentlyRewritten(t *testing.T) {
	head := "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost;name\n"
	cases := []struct {
		name      string
		text      string
		sentinel  error // nil: accepted, and equal once written and read back
		line, col int
		voters    []string
		ballot0   []string
	}{
		{"voter IDs none, in any case, are IDs", head + "1;1;a\n2;1;b\nVOTES\nvoter_id;vote\nnone;1\nNONE;2\nNone;1\n",
			nil, 0, 0, []string{"none", "NONE", "None"}, []string{"1"}},
		{"a voter ID none given twice", head + "1;1;a\nVOTES\nvoter_id;vote\nnone;1\nnone;1\n", budgeting.ErrDuplicate, 11, 0, nil, nil},
		{"a project ID none", head + "none;1;a\nVOTES\nvoter_id;vote\nv;\"none\"\n", nil, 0, 0, []string{"v"}, []string{"none"}},
		{"invalid UTF-8 in a project ID", head + "a\xff;1;x\nVOTES\nvoter_id;vote\nv;1\n", budgeting.ErrInvalid, 7, 1, nil, nil},
		{"invalid UTF-8 in a name", head + "1;1;x\xc3\nVOTES\nvoter_id;vote\nv;1\n", budgeting.ErrInvalid, 7, 3, nil, nil},
		{"invalid UTF-8 in a voter ID", head + "1;1;x\nVOTES\nvoter_id;vote\nv\xfe;1\n", budgeting.ErrInvalid, 10, 1, nil, nil},
		{"a no-break space around an ID in a vote list", head + "3;1;x\n4;1;y\nVOTES\nvoter_id;vote\nv;\u00a03\u00a0,4\u2003\n",
			nil, 0, 0, []string{"v"}, []string{"3", "4"}},
		{"a no-break space around an ID in PROJECTS", head + "\u00a03\u00a0;1;x\nVOTES\nvoter_id;vote\nv;3\n",
			nil, 0, 0, []string{"v"}, []string{"3"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e, err := budgeting.Parse([]byte(tc.text))
			if tc.sentinel != nil {
				requireAt(t, err, tc.sentinel, tc.line, tc.col)
				return
			}
			require.NoError(t, err)
			var ids []string
			for _, v := range e.Profile().Voters() {
				ids = append(ids, v.ID())
			}
			assert.Equal(t, tc.voters, ids)
			assert.Equal(t, tc.ballot0, ballotIDs(e, 0))
			electionRoundTrip(t, e)
		})
	}
}

// electionRoundTrip checks that e, written as a .pb file and read again, and
// encoded as JSON and decoded again, is the same election.
func electionRoundTrip(t *testing.T, e *budgeting.Election) {
	t.Helper()
	var buf bytes.Buffer
	_, err := e.WriteTo(&buf)
	require.NoError(t, err)
	again, err := budgeting.Parse(buf.Bytes())
	require.NoError(t, err, buf.String())
	assert.True(t, e.Equal(again), "written and read back:\n%s", buf.String())
	js, err := json.Marshal(e)
	require.NoError(t, err)
	var back budgeting.Election
	require.NoError(t, json.Unmarshal(js, &back), string(js))
	assert.True(t, e.Equal(&back), "through JSON:\n%s", js)
}

// requireAt checks that err is a *ParseError wrapping sentinel at line and,
// when col > 0, at column col.
func requireAt(t *testing.T, err, sentinel error, line, col int) {
	t.Helper()
	require.ErrorIs(t, err, sentinel)
	var pe *budgeting.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, line, pe.Line, "line")
	if col > 0 {
		assert.Equal(t, col, pe.Column, "column")
	}
}

func TestWrongSeparator(t *testing.T) {
	// A spreadsheet export separates cells by commas or tabs: the reader
	// says so, at the line, instead of "META has no budget".
	semi := "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;1\nVOTES\nvoter_id;vote\nv;1\n"
	cases := []struct {
		name      string
		text      string
		sentinel  error
		line, col int
	}{
		{"commas everywhere", strings.ReplaceAll(semi, ";", ","), budgeting.ErrSyntax, 2, 1},
		{"tabs everywhere", strings.ReplaceAll(semi, ";", "\t"), budgeting.ErrSyntax, 2, 1},
		{"a comma in the budget row", strings.Replace(semi, "budget;10", "budget,10", 1), budgeting.ErrSyntax, 3, 1},
		{"a tab in the PROJECTS header", strings.Replace(semi, "project_id;cost", "project_id\tcost", 1), budgeting.ErrSyntax, 6, 1},
		{"no budget at all", strings.Replace(semi, "budget;10\n", "", 1), budgeting.ErrMissingField, 2, 0},
		{"an unknown project has its column", strings.Replace(semi, "v;1", "v;2", 1), budgeting.ErrUnknownProject, 10, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := budgeting.Parse([]byte(tc.text))
			requireAt(t, err, tc.sentinel, tc.line, tc.col)
		})
	}
}

func TestReadFileNamesTheFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "export.pb")
	require.NoError(t, os.WriteFile(name, []byte("META\nkey,value\nbudget,10\n"), 0o644))
	_, err := budgeting.ReadFile(name)
	var pe *budgeting.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, name, pe.File)
	assert.Equal(t, 2, pe.Line)
	assert.Equal(t, 1, pe.Column)
	assert.Equal(t, 0, strings.Index(pe.Error(), name+": line 2, column 1: "), "the text for people leads with the place")
}
