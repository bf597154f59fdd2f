package metrics_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
)

// supFuzzPolicy turns two fuzzed bytes into a policy: k from 1 to 12 (so the
// presets 3, 5, 10 and 11 all occur) and zeros shown or not.
func supFuzzPolicy(k uint8, showZeros bool) metrics.SuppressionPolicy {
	return metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize(1 + k%12), ShowZeros: showZeros}
}

// FuzzSuppressGroups checks that a one-way breakdown never leaves a visible
// count the policy suppresses nor a lone suppressed count (which the total
// would give away), that it keeps every visible count and the total, and
// that it survives a JSON round trip. Counts are bytes, small enough that
// most inputs have something to hide.
func FuzzSuppressGroups(f *testing.F) {
	f.Add([]byte{12, 3, 40, 7}, uint8(4), false)
	f.Add([]byte{0, 12, 3, 20}, uint8(4), true)
	f.Add([]byte{3}, uint8(4), false)
	f.Add([]byte{9, 9, 9}, uint8(10), false)
	f.Fuzz(func(t *testing.T, data []byte, k uint8, showZeros bool) {
		if len(data) == 0 || len(data) > 64 {
			return
		}
		policy := supFuzzPolicy(k, showZeros)
		in := make([]metrics.GroupCount, len(data))
		for i, b := range data {
			in[i] = metrics.GroupCount{Group: fmt.Sprint("g", i), Count: int64(b % 32)}
		}
		got, err := metrics.SuppressGroups(in, policy)
		if errors.Is(err, metrics.ErrUnprotectable) {
			// Only a single group whose count is suppressed cannot be hidden.
			require.Len(t, in, 1)
			require.True(t, policy.Suppresses(in[0].Count))
			return
		}
		require.NoError(t, err)
		var total int64
		for _, g := range in {
			total += g.Count
		}
		require.Equal(t, total, got.Total())
		supAssertGroups(t, in, got)
		assertJSONRoundTrip(t, got)
	})
}

// FuzzSuppressTable checks the two-way property on tables of up to 6×6: no
// visible count the policy suppresses, every total kept, no row or column
// with a lone suppressed cell, and no suppressed cell determined by the
// row and column totals (by exact linear algebra, see supDeterminable); and
// that the result survives a JSON round trip, whose decoder checks the same
// properties again.
func FuzzSuppressTable(f *testing.F) {
	f.Add(uint8(3), uint8(3), []byte{20, 3, 15, 12, 25, 8, 30, 14, 9}, uint8(4), false)
	f.Add(uint8(4), uint8(4), []byte{1, 2, 3, 50, 4, 1, 40, 60, 30, 20, 2, 3, 70, 80, 4, 1}, uint8(4), false)
	f.Add(uint8(2), uint8(3), []byte{2, 1, 30, 0, 0, 20}, uint8(2), true)
	f.Add(uint8(1), uint8(3), []byte{10, 3, 20}, uint8(4), false)
	f.Add(uint8(6), uint8(6), make([]byte, 36), uint8(10), false)
	f.Fuzz(func(t *testing.T, r, c uint8, data []byte, k uint8, showZeros bool) {
		rows, cols := 1+int(r%6), 1+int(c%6)
		policy := supFuzzPolicy(k, showZeros)
		counts := make([][]int64, rows)
		for i := range counts {
			counts[i] = make([]int64, cols)
			for j := range counts[i] {
				if n := i*cols + j; n < len(data) {
					counts[i][j] = int64(data[n] % 32)
				}
			}
		}
		got, err := metrics.SuppressTable(counts, policy)
		if errors.Is(err, metrics.ErrUnprotectable) {
			// Only a table with one row or one column, whose other totals
			// are its cells, can fail, and only if something is suppressed.
			require.True(t, rows == 1 || cols == 1, "%d×%d", rows, cols)
			any := false
			for _, row := range counts {
				for _, x := range row {
					any = any || policy.Suppresses(x)
				}
			}
			require.True(t, any)
			return
		}
		require.NoError(t, err)
		supAssertTable(t, counts, got)
		assertJSONRoundTrip(t, got)
	})
}

// FuzzSuppressedJSON feeds arbitrary documents to the two decoders. Whatever
// they accept must be publishable: re-encoding and decoding gives the same
// value, no visible count is one the policy suppresses, and no suppressed
// cell is recoverable from the totals.
func FuzzSuppressedJSON(f *testing.F) {
	f.Add([]byte(`{"policy":{"min_cell_size":5},"groups":[{"group":"a","count":12},{"group":"b","suppressed":"primary"},{"group":"c","suppressed":"complementary"}],"total":20}`))
	f.Add([]byte(`{"policy":{"min_cell_size":5},"cells":[[{"count":20},{"suppressed":"primary"},{"suppressed":"complementary"}],[{"count":12},{"count":25},{"count":8}],[{"count":30},{"suppressed":"complementary"},{"suppressed":"complementary"}]],"row_totals":[38,45,53],"column_totals":[62,42,32],"total":136}`))
	f.Add([]byte(`{"policy":{"min_cell_size":3,"show_zeros":true},"cells":[[{"count":0}]],"row_totals":[0],"column_totals":[0],"total":0}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		var groups metrics.SuppressedGroups
		if json.Unmarshal(doc, &groups) == nil {
			assertJSONRoundTrip(t, groups)
			hidden := 0
			for _, c := range groups.All() {
				n, visible := c.Count()
				if visible {
					require.False(t, groups.Policy().Suppresses(n), "visible %d", n)
				} else {
					hidden++
				}
			}
			require.NotEqual(t, 1, hidden)
		}
		var table metrics.SuppressedTable
		if json.Unmarshal(doc, &table) == nil {
			assertJSONRoundTrip(t, table)
			hidden := make([][]bool, table.Rows())
			for i := range hidden {
				hidden[i] = make([]bool, table.Cols())
				for j := range hidden[i] {
					c := table.Cell(i, j)
					n, visible := c.Count()
					require.False(t, visible && table.Policy().Suppresses(n), "visible %d", n)
					hidden[i][j] = !visible
				}
			}
			require.Empty(t, supDeterminable(hidden))
		}
	})
}
