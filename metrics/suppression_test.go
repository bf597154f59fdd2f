package metrics_test

import (
	"encoding/json"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
)

var supK5 = metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize5}

func TestSuppressionPolicy(t *testing.T) {
	assert.Equal(t, metrics.MinCellSize(3), metrics.MinCellSize3)
	assert.Equal(t, metrics.MinCellSize(5), metrics.MinCellSize5)
	assert.Equal(t, metrics.MinCellSize(10), metrics.MinCellSize10)
	assert.Equal(t, metrics.MinCellSize(11), metrics.MinCellSize11)

	tests := []struct {
		name   string
		policy metrics.SuppressionPolicy
		count  int64
		want   bool
	}{
		{"zero hidden by default", supK5, 0, true},
		{"zero shown when asked", metrics.SuppressionPolicy{MinCellSize: 5, ShowZeros: true}, 0, false},
		{"one below k", supK5, 1, true},
		{"k-1", supK5, 4, true},
		{"k itself is publishable", supK5, 5, false},
		{"k=11 hides 10", metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize11}, 10, true},
		{"k=11 shows 11", metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize11}, 11, false},
		{"k=1 hides only zero", metrics.SuppressionPolicy{MinCellSize: 1}, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, tt.policy.Validate())
			assert.Equal(t, tt.want, tt.policy.Suppresses(tt.count))
		})
	}
	t.Run("zero value is the default k=5", func(t *testing.T) {
		var zero metrics.SuppressionPolicy
		require.NoError(t, zero.Validate())
		assert.Equal(t, metrics.MinCellSize5, zero.Threshold())
		assert.True(t, zero.Suppresses(4))
		assert.False(t, zero.Suppresses(5))
		assert.True(t, zero.Suppresses(0))
		assert.False(t, metrics.SuppressionPolicy{ShowZeros: true}.Suppresses(0))
		g, err := metrics.SuppressGroups([]metrics.GroupCount{{"a", 4}, {"b", 3}, {"c", 9}}, zero)
		require.NoError(t, err)
		assert.True(t, g.Cell(0).Suppressed())
		assert.True(t, g.Cell(1).Suppressed())
		_, err = metrics.SuppressTable([][]int64{{1}}, metrics.SuppressionPolicy{MinCellSize: -3})
		require.ErrorIs(t, err, metrics.ErrOutOfRange)
	})
}

func TestCellStatus(t *testing.T) {
	for _, tt := range []struct {
		s    metrics.CellStatus
		name string
	}{
		{metrics.CellStatusVisible, "visible"},
		{metrics.CellStatusPrimary, "primary"},
		{metrics.CellStatusComplementary, "complementary"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.True(t, tt.s.IsValid())
			assert.Equal(t, tt.name, tt.s.String())
			b, err := tt.s.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.name, string(b))
			var got metrics.CellStatus
			require.NoError(t, got.UnmarshalText(b))
			assert.Equal(t, tt.s, got)
			parsed, err := metrics.ParseCellStatus(tt.name)
			require.NoError(t, err)
			assert.Equal(t, tt.s, parsed)
		})
	}
	t.Run("out of range", func(t *testing.T) {
		for _, s := range []metrics.CellStatus{0, 4, -1} {
			assert.False(t, s.IsValid())
			assert.Contains(t, s.String(), "CellStatus(")
			_, err := s.MarshalText()
			require.ErrorIs(t, err, metrics.ErrInvalid)
		}
		_, err := metrics.ParseCellStatus("invisible")
		require.ErrorIs(t, err, metrics.ErrInvalid)
		var s metrics.CellStatus
		require.ErrorIs(t, s.UnmarshalText([]byte("hidden")), metrics.ErrInvalid)
		assert.Equal(t, metrics.CellStatus(0), s, "a failed decode changes nothing")
	})
}

// statuses renders a one-way result as "12 * 40 *" for compact assertions,
// with P and C marking primary and complementary suppression.
func supStatuses(cells func(int) metrics.Cell, n int) string {
	out := make([]string, n)
	for i := range n {
		c := cells(i)
		switch c.Status() {
		case metrics.CellStatusPrimary:
			out[i] = "P"
		case metrics.CellStatusComplementary:
			out[i] = "C"
		default:
			out[i] = c.String()
		}
	}
	return strings.Join(out, " ")
}

func supGroups(counts ...int64) []metrics.GroupCount {
	out := make([]metrics.GroupCount, len(counts))
	for i, c := range counts {
		out[i] = metrics.GroupCount{Group: string(rune('a' + i)), Count: c}
	}
	return out
}

func TestSuppressGroups(t *testing.T) {
	showZeros := metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize5, ShowZeros: true}
	tests := []struct {
		name   string
		counts []int64
		policy metrics.SuppressionPolicy
		want   string
	}{
		// Nothing below 5: all visible.
		{"nothing to hide", []int64{12, 5, 40}, supK5, "12 5 40"},
		// 3 < 5 is primary; alone, the total 62 − (12+40+7) would give it
		// away, so the smallest visible count, 7, is withheld too.
		{"lone cell gets a partner", []int64{12, 3, 40, 7}, supK5, "12 P 40 C"},
		// Two primaries protect each other: 57 − 50 = 7 = 3 + 4, no more.
		{"two primaries suffice", []int64{50, 3, 4}, supK5, "50 P P"},
		// Zeros hidden by default: the 0 and the 3 protect each other.
		{"zero hidden", []int64{0, 12, 3, 20}, supK5, "P 12 P 20"},
		// Zeros shown: the 0 is visible, the 3 is alone, and the smallest
		// visible count is that 0, which is withheld as its partner.
		{"zero shown, then taken as partner", []int64{0, 12, 3, 20}, showZeros, "C 12 P 20"},
		// Ties for the partner go to the first group.
		{"tie goes to first", []int64{9, 2, 9}, supK5, "C P 9"},
		// A single group above the threshold is publishable.
		{"single visible group", []int64{7}, supK5, "7"},
		// k=11: 10 is hidden, 11 is not; 10 alone takes 11 as partner.
		{"k=11", []int64{10, 11, 50}, metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize11}, "P C 50"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := supGroups(tt.counts...)
			got, err := metrics.SuppressGroups(in, tt.policy)
			require.NoError(t, err)
			require.Equal(t, len(in), got.Len())
			assert.Equal(t, tt.want, supStatuses(got.Cell, got.Len()))
			var total int64
			for _, c := range tt.counts {
				total += c
			}
			assert.Equal(t, total, got.Total())
			assert.Equal(t, tt.policy, got.Policy())
			for i, g := range in {
				assert.Equal(t, g.Group, got.Group(i))
				c, ok := got.Lookup(g.Group)
				require.True(t, ok)
				assert.Equal(t, got.Cell(i), c)
				n, visible := c.Count()
				if visible {
					assert.Equal(t, g.Count, n)
				} else {
					assert.Zero(t, n, "a suppressed cell keeps no count")
				}
			}
			supAssertGroups(t, in, got)
		})
	}
}

func TestSuppressGroupsIteration(t *testing.T) {
	got, err := metrics.SuppressGroups(supGroups(12, 3, 40, 7), supK5)
	require.NoError(t, err)
	var names []string
	for g, c := range got.All() {
		names = append(names, g+"="+c.String())
		if g == "c" {
			break
		}
	}
	assert.Equal(t, []string{"a=12", "b=*", "c=40"}, names)
	_, ok := got.Lookup("z")
	assert.False(t, ok)
}

func TestSuppressGroupsErrors(t *testing.T) {
	tests := []struct {
		name   string
		groups []metrics.GroupCount
		want   error
	}{
		{"empty", nil, metrics.ErrEmpty},
		{"negative", supGroups(5, -1), metrics.ErrNegative},
		{"duplicate label", []metrics.GroupCount{{"a", 5}, {"a", 6}}, metrics.ErrMismatchedGroups},
		{"empty label", []metrics.GroupCount{{"", 5}}, metrics.ErrMismatchedGroups},
		{"overflow", supGroups(math.MaxInt64, 1), metrics.ErrOverflow},
		// One group of 3: the total is 3, so nothing can hide it.
		{"single suppressed group", supGroups(3), metrics.ErrUnprotectable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := metrics.SuppressGroups(tt.groups, supK5)
			require.ErrorIs(t, err, tt.want)
			var ie *metrics.FieldError
			require.ErrorAs(t, err, &ie)
		})
	}
}

// assertGroupsProtected checks the one-way properties: visible counts are
// the inputs and publishable, the policy's cells are all primary, and the
// number of suppressed cells is never exactly one.
func supAssertGroups(t *testing.T, in []metrics.GroupCount, got metrics.SuppressedGroups) {
	t.Helper()
	p := got.Policy()
	hidden := 0
	for i, g := range in {
		c := got.Cell(i)
		switch {
		case p.Suppresses(g.Count):
			assert.Equal(t, metrics.CellStatusPrimary, c.Status(), "group %d count %d", i, g.Count)
		case c.Suppressed():
			assert.Equal(t, metrics.CellStatusComplementary, c.Status(), "group %d", i)
		default:
			n, ok := c.Count()
			assert.True(t, ok)
			assert.Equal(t, g.Count, n)
		}
		if c.Suppressed() {
			hidden++
		}
	}
	assert.NotEqual(t, 1, hidden, "a lone suppressed count equals the total minus the visible ones")
}

// table renders a two-way result row by row, P and C marking suppression.
func supTable(got metrics.SuppressedTable) []string {
	out := make([]string, got.Rows())
	for i := range got.Rows() {
		out[i] = supStatuses(func(j int) metrics.Cell { return got.Cell(i, j) }, got.Cols())
	}
	return out
}

func TestSuppressTable(t *testing.T) {
	tests := []struct {
		name   string
		counts [][]int64
		policy metrics.SuppressionPolicy
		want   []string
	}{
		{
			name:   "nothing to hide",
			counts: [][]int64{{10, 20}, {30, 40}},
			policy: supK5,
			want:   []string{"10 20", "30 40"},
		},
		{
			// Worked by hand. Primary: (0,1)=3. Row 0 has it alone: its
			// smallest visible cell is (0,2)=15. Column 1 then has (0,1)
			// alone: smallest visible (2,1)=14. Column 2 has (0,2) alone …
			// but lines are scanned rows first, and row 2 now has (2,1)
			// alone: smallest visible (2,2)=9. That closes the rectangle
			// rows {0,2} × columns {1,2}: every line has 0 or 2.
			name:   "rectangle",
			counts: [][]int64{{20, 3, 15}, {12, 25, 8}, {30, 14, 9}},
			policy: supK5,
			want:   []string{"20 P C", "12 25 8", "30 C C"},
		},
		{
			// Worked by hand. The primaries form two 2×2 blocks, rows
			// {0,1} × columns {0,1} and rows {2,3} × columns {2,3}, joined
			// by (0,2)=3: every line holds 0, 2 or 3 suppressed cells, yet
			// (0,2) = (hidden part of rows 0 and 1) − (hidden part of
			// columns 0 and 1). It is a bridge: the visible cells that put
			// it on a cycle join rows {0,1} to columns {2,3} or rows {2,3}
			// to columns {0,1}: 50, 40, 60, 30, 20, 70, 80. The smallest,
			// (2,1)=20, closes r0–c2–r2–c1–r0.
			name: "bridge",
			counts: [][]int64{
				{1, 2, 3, 50},
				{4, 1, 40, 60},
				{30, 20, 2, 3},
				{70, 80, 4, 1},
			},
			policy: supK5,
			want:   []string{"P P P 50", "P P 40 60", "30 C P P", "70 80 P P"},
		},
		{
			// A 1×n table whose cells are all publishable is fine.
			name:   "single row, nothing hidden",
			counts: [][]int64{{10, 20}},
			policy: supK5,
			want:   []string{"10 20"},
		},
		{
			// Zeros shown: only the 2 and the 1 are primary; they share row
			// 0 but the 2 sits alone in column 0, whose smallest visible
			// cell is the zero below it; row 1 then has that zero alone
			// and takes its other zero, which also pairs column 1.
			name:   "zeros shown",
			counts: [][]int64{{2, 1, 30}, {0, 0, 20}},
			policy: metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize3, ShowZeros: true},
			want:   []string{"P P 30", "C C 20"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := metrics.SuppressTable(tt.counts, tt.policy)
			require.NoError(t, err)
			assert.Equal(t, tt.want, supTable(got))
			supAssertTable(t, tt.counts, got)
		})
	}
}

func TestSuppressTableTotals(t *testing.T) {
	// Row totals 38, 45, 53; column totals 62, 42, 32; grand total 136.
	got, err := metrics.SuppressTable([][]int64{{20, 3, 15}, {12, 25, 8}, {30, 14, 9}}, supK5)
	require.NoError(t, err)
	assert.Equal(t, 3, got.Rows())
	assert.Equal(t, 3, got.Cols())
	assert.Equal(t, []int64{38, 45, 53}, []int64{got.RowTotal(0), got.RowTotal(1), got.RowTotal(2)})
	assert.Equal(t, []int64{62, 42, 32}, []int64{got.ColTotal(0), got.ColTotal(1), got.ColTotal(2)})
	assert.Equal(t, int64(136), got.Total())
	assert.Equal(t, supK5, got.Policy())
	assert.Panics(t, func() { got.Cell(0, 3) })
	assert.Panics(t, func() { got.Cell(3, 0) })
}

func TestSuppressTableErrors(t *testing.T) {
	tests := []struct {
		name   string
		counts [][]int64
		want   error
	}{
		{"no rows", nil, metrics.ErrEmpty},
		{"no columns", [][]int64{{}}, metrics.ErrEmpty},
		{"ragged", [][]int64{{1, 2}, {3}}, metrics.ErrMismatchedGroups},
		{"negative", [][]int64{{1, 2}, {3, -4}}, metrics.ErrNegative},
		{"row total overflows", [][]int64{{math.MaxInt64, 1}, {0, 0}}, metrics.ErrOverflow},
		{"column total overflows", [][]int64{{math.MaxInt64, 0}, {1, 0}}, metrics.ErrOverflow},
		{"grand total overflows", [][]int64{{math.MaxInt64, 0}, {0, 1}}, metrics.ErrOverflow},
		// Each column total of a single-row table is its one cell.
		{"single row with a small cell", [][]int64{{10, 3, 20}}, metrics.ErrUnprotectable},
		{"single column with a small cell", [][]int64{{10}, {3}, {20}}, metrics.ErrUnprotectable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := metrics.SuppressTable(tt.counts, supK5)
			require.ErrorIs(t, err, tt.want)
			var ie *metrics.FieldError
			require.ErrorAs(t, err, &ie)
		})
	}
}

// assertTableProtected checks the two-way properties: totals are the
// input's; visible counts are the inputs and publishable; the policy's cells
// are all primary; no row or column has exactly one suppressed cell; and no
// suppressed cell is determined by the row and column equations (checked
// by linear algebra, independently of how the package finds cycles).
func supAssertTable(t *testing.T, counts [][]int64, got metrics.SuppressedTable) {
	t.Helper()
	rows, cols := len(counts), len(counts[0])
	require.Equal(t, rows, got.Rows())
	require.Equal(t, cols, got.Cols())
	p := got.Policy()
	hidden := make([][]bool, rows)
	var total int64
	colTotals := make([]int64, cols)
	for i := range rows {
		hidden[i] = make([]bool, cols)
		var rowTotal int64
		for j := range cols {
			x := counts[i][j]
			rowTotal += x
			colTotals[j] += x
			c := got.Cell(i, j)
			hidden[i][j] = c.Suppressed()
			switch {
			case p.Suppresses(x):
				assert.Equal(t, metrics.CellStatusPrimary, c.Status(), "(%d,%d) = %d", i, j, x)
			case c.Suppressed():
				assert.Equal(t, metrics.CellStatusComplementary, c.Status(), "(%d,%d)", i, j)
			default:
				n, ok := c.Count()
				assert.True(t, ok)
				assert.Equal(t, x, n, "(%d,%d)", i, j)
			}
		}
		assert.Equal(t, rowTotal, got.RowTotal(i), "row %d total", i)
		total += rowTotal
	}
	for j := range cols {
		assert.Equal(t, colTotals[j], got.ColTotal(j), "column %d total", j)
	}
	assert.Equal(t, total, got.Total())
	for i := range rows {
		assert.NotEqual(t, 1, supCountTrue(hidden[i]), "row %d has a lone suppressed cell", i)
	}
	for j := range cols {
		col := make([]bool, rows)
		for i := range rows {
			col[i] = hidden[i][j]
		}
		assert.NotEqual(t, 1, supCountTrue(col), "column %d has a lone suppressed cell", j)
	}
	for _, cell := range supDeterminable(hidden) {
		assert.Failf(t, "recoverable", "cell (%d,%d) is determined by the totals", cell[0], cell[1])
	}
}

func supCountTrue(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// determinable returns the suppressed cells whose value follows from the
// published row and column totals. The unknowns are the suppressed cells;
// each row and column gives one equation (the sum of its unknowns = its
// total minus its visible cells). A cell x is determined exactly when the
// unit vector of x lies in the span of the equations, i.e. when adding it
// as an equation does not raise the rank. Ranks are computed exactly over
// the rationals.
func supDeterminable(hidden [][]bool) [][2]int {
	rows, cols := len(hidden), len(hidden[0])
	var vars [][2]int
	index := map[[2]int]int{}
	for i := range rows {
		for j := range cols {
			if hidden[i][j] {
				index[[2]int{i, j}] = len(vars)
				vars = append(vars, [2]int{i, j})
			}
		}
	}
	var eqs [][]int64
	line := func(n int, cell func(k int) [2]int) {
		eq := make([]int64, len(vars))
		for k := range n {
			if v, ok := index[cell(k)]; ok {
				eq[v] = 1
			}
		}
		eqs = append(eqs, eq)
	}
	for i := range rows {
		line(cols, func(j int) [2]int { return [2]int{i, j} })
	}
	for j := range cols {
		line(rows, func(i int) [2]int { return [2]int{i, j} })
	}
	base := supRank(eqs)
	var out [][2]int
	for v, cell := range vars {
		unit := make([]int64, len(vars))
		unit[v] = 1
		if supRank(append(eqs[:len(eqs):len(eqs)], unit)) == base {
			out = append(out, cell)
		}
	}
	return out
}

// rank returns the rank of an integer matrix, by Gaussian elimination over
// the rationals.
func supRank(m [][]int64) int {
	if len(m) == 0 || len(m[0]) == 0 {
		return 0
	}
	a := make([][]*big.Rat, len(m))
	for i, row := range m {
		a[i] = make([]*big.Rat, len(row))
		for j, x := range row {
			a[i][j] = new(big.Rat).SetInt64(x)
		}
	}
	r := 0
	for c := 0; c < len(a[0]) && r < len(a); c++ {
		pivot := -1
		for i := r; i < len(a); i++ {
			if a[i][c].Sign() != 0 {
				pivot = i
				break
			}
		}
		if pivot < 0 {
			continue
		}
		a[r], a[pivot] = a[pivot], a[r]
		for i := range a {
			if i == r || a[i][c].Sign() == 0 {
				continue
			}
			f := new(big.Rat).Quo(a[i][c], a[r][c])
			for j := c; j < len(a[i]); j++ {
				a[i][j].Sub(a[i][j], new(big.Rat).Mul(f, a[r][j]))
			}
		}
		r++
	}
	return r
}

func TestDeterminableFindsBridge(t *testing.T) {
	// The test's own checker must see what the package guards against:
	// with only the primaries of the "bridge" case suppressed, no line has
	// a lone cell, yet (0,2) is determined.
	hidden := [][]bool{
		{true, true, true, false},
		{true, true, false, false},
		{false, false, true, true},
		{false, false, true, true},
	}
	assert.Equal(t, [][2]int{{0, 2}}, supDeterminable(hidden))
	// A lone cell in a line is determined, of course.
	assert.Equal(t, [][2]int{{0, 0}}, supDeterminable([][]bool{{true, false}, {false, false}}))
	// A rectangle is not.
	assert.Empty(t, supDeterminable([][]bool{{true, true}, {true, true}}))
}

func TestSuppressedJSON(t *testing.T) {
	t.Run("groups round trip", func(t *testing.T) {
		got, err := metrics.SuppressGroups(supGroups(12, 3, 40, 7), supK5)
		require.NoError(t, err)
		b, err := json.Marshal(got)
		require.NoError(t, err)
		assert.JSONEq(t, `{
			"policy": {"min_cell_size": 5, "show_zeros": false},
			"groups": [
				{"group": "a", "count": 12},
				{"group": "b", "suppressed": "primary"},
				{"group": "c", "count": 40},
				{"group": "d", "suppressed": "complementary"}
			],
			"total": 62
		}`, string(b))
		assertJSONRoundTrip(t, got)
	})
	t.Run("table round trip", func(t *testing.T) {
		got, err := metrics.SuppressTable([][]int64{{20, 3, 15}, {12, 25, 8}, {30, 14, 9}}, supK5)
		require.NoError(t, err)
		b, err := json.Marshal(got)
		require.NoError(t, err)
		assert.JSONEq(t, `{
			"policy": {"min_cell_size": 5, "show_zeros": false},
			"cells": [
				[{"count": 20}, {"suppressed": "primary"}, {"suppressed": "complementary"}],
				[{"count": 12}, {"count": 25}, {"count": 8}],
				[{"count": 30}, {"suppressed": "complementary"}, {"suppressed": "complementary"}]
			],
			"row_totals": [38, 45, 53],
			"column_totals": [62, 42, 32],
			"total": 136
		}`, string(b))
		assertJSONRoundTrip(t, got)
	})
	t.Run("cell", func(t *testing.T) {
		var c metrics.Cell
		require.NoError(t, json.Unmarshal([]byte(`{"count":0}`), &c))
		n, ok := c.Count()
		assert.True(t, ok)
		assert.Zero(t, n)
		b, err := json.Marshal(c)
		require.NoError(t, err)
		assert.JSONEq(t, `{"count":0}`, string(b))
		require.NoError(t, json.Unmarshal([]byte(`{"suppressed":"primary"}`), &c))
		assert.Equal(t, metrics.CellStatusPrimary, c.Status())
		for _, bad := range []string{`{}`, `{"count":1,"suppressed":"primary"}`, `{"suppressed":"visible"}`} {
			require.ErrorIs(t, json.Unmarshal([]byte(bad), &c), metrics.ErrInconsistent, bad)
		}
		require.ErrorIs(t, json.Unmarshal([]byte(`{"count":-1}`), &c), metrics.ErrNegative)
		require.ErrorIs(t, json.Unmarshal([]byte(`{"suppressed":"secret"}`), &c), metrics.ErrInvalid)
		require.Error(t, json.Unmarshal([]byte(`[]`), &c))
	})
}

func TestSuppressedGroupsDecodeRejects(t *testing.T) {
	const policy = `"policy":{"min_cell_size":5}`
	tests := []jsonDecodeCase{
		{"no groups", `{` + policy + `,"groups":[],"total":0}`, metrics.ErrEmpty},
		{"bad policy", `{"policy":{"min_cell_size":-1},"groups":[{"group":"a","count":7}],"total":7}`, metrics.ErrOutOfRange},
		{"bad cell", `{` + policy + `,"groups":[{"group":"a"}],"total":7}`, metrics.ErrInconsistent},
		{"duplicate label", `{` + policy + `,"groups":[{"group":"a","count":7},{"group":"a","count":8}],"total":15}`, metrics.ErrMismatchedGroups},
		{"visible small count", `{` + policy + `,"groups":[{"group":"a","count":3},{"group":"b","count":8}],"total":11}`, metrics.ErrInconsistent},
		{"sum differs", `{` + policy + `,"groups":[{"group":"a","count":7},{"group":"b","count":8}],"total":16}`, metrics.ErrInconsistent},
		{"visible exceed total", `{` + policy + `,"groups":[{"group":"a","count":7},{"group":"b","suppressed":"primary"},{"group":"c","suppressed":"primary"}],"total":6}`, metrics.ErrInconsistent},
		{"lone suppressed", `{` + policy + `,"groups":[{"group":"a","count":7},{"group":"b","suppressed":"primary"}],"total":9}`, metrics.ErrUnprotectable},
		{"visible sum overflows", `{` + policy + `,"groups":[{"group":"a","count":9223372036854775807},{"group":"b","count":8}],"total":7}`, metrics.ErrOverflow},
	}
	assertDecodeRejects(t, metrics.SuppressedGroups{}, tests)
	var s metrics.SuppressedGroups
	require.Error(t, json.Unmarshal([]byte(`{"groups":3}`), &s))
}

func TestSuppressedTableDecodeRejects(t *testing.T) {
	const policy = `"policy":{"min_cell_size":5}`
	v := func(n int) string { return `{"count":` + string(rune('0'+n)) + `}` }
	const p = `{"suppressed":"primary"}`
	tests := []jsonDecodeCase{
		{"no cells", `{` + policy + `,"cells":[],"row_totals":[],"column_totals":[],"total":0}`, metrics.ErrEmpty},
		{"totals mismatch shape", `{` + policy + `,"cells":[[` + v(7) + `]],"row_totals":[],"column_totals":[7],"total":7}`, metrics.ErrMismatchedGroups},
		{"ragged", `{` + policy + `,"cells":[[` + v(7) + `,` + v(8) + `],[` + v(9) + `]],"row_totals":[15,9],"column_totals":[16,8],"total":24}`, metrics.ErrMismatchedGroups},
		{"bad cell", `{` + policy + `,"cells":[[{}]],"row_totals":[7],"column_totals":[7],"total":7}`, metrics.ErrInconsistent},
		{"negative total", `{` + policy + `,"cells":[[` + v(7) + `]],"row_totals":[-7],"column_totals":[7],"total":7}`, metrics.ErrNegative},
		{"row totals overflow", `{` + policy + `,"cells":[[` + v(7) + `],[` + v(7) + `]],"row_totals":[9223372036854775807,1],"column_totals":[7],"total":7}`, metrics.ErrOverflow},
		{"row totals disagree", `{` + policy + `,"cells":[[` + v(7) + `]],"row_totals":[8],"column_totals":[7],"total":7}`, metrics.ErrInconsistent},
		{"column totals disagree", `{` + policy + `,"cells":[[` + v(7) + `]],"row_totals":[7],"column_totals":[8],"total":7}`, metrics.ErrInconsistent},
		{"line sum disagrees", `{` + policy + `,"cells":[[` + v(7) + `,` + v(8) + `],[` + v(9) + `,` + v(6) + `]],"row_totals":[15,16],"column_totals":[15,16],"total":31}`, metrics.ErrInconsistent},
		{"lone suppressed in a column", `{` + policy + `,"cells":[[` + p + `,` + p + `],[` + v(9) + `,` + v(6) + `]],"row_totals":[5,15],"column_totals":[11,9],"total":20}`, metrics.ErrUnprotectable},
		{
			"bridge",
			`{` + policy + `,"cells":[` +
				`[` + p + `,` + p + `,` + p + `,` + v(9) + `],` +
				`[` + p + `,` + p + `,` + v(9) + `,` + v(9) + `],` +
				`[` + v(9) + `,` + v(9) + `,` + p + `,` + p + `],` +
				`[` + v(9) + `,` + v(9) + `,` + p + `,` + p + `]],` +
				`"row_totals":[20,20,20,20],"column_totals":[20,20,20,20],"total":80}`,
			metrics.ErrUnprotectable,
		},
	}
	assertDecodeRejects(t, metrics.SuppressedTable{}, tests)
	var s metrics.SuppressedTable
	require.Error(t, json.Unmarshal([]byte(`{"cells":3}`), &s))
}
