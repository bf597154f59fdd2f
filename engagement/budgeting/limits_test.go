package budgeting_test

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

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
