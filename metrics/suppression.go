package metrics

import (
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"strconv"
)

// ErrUnprotectable reports a suppressed cell that would stay recoverable
// from the published totals whatever else is suppressed: the only cell of a
// one-group breakdown, or a cell of a table with a single row or column
// (whose column or row totals are the cells themselves). Merge groups or
// publish without totals. Decoding a published table also returns it when a
// suppressed cell can be recovered from the totals.
var ErrUnprotectable = errors.New("metrics: suppressed cell recoverable from totals")

// MinCellSize is the threshold k of primary suppression: a count from 1 to
// k−1 is too small to publish, because it may single out people in a
// pseudonymous breakdown (a ward with two residents aged 16–17). The
// presets are the values agencies use; any k ≥ 1 is accepted.
type MinCellSize int64

// The usual thresholds. The rule of three is the minimum in business and
// official statistics (Hundepool et al., Statistical Disclosure Control,
// 2012); 5 is common in published health and survey tables; 10 and 11 are
// used for small-area health data (the US Centers for Medicare & Medicaid
// Services suppress counts of 1 to 10, i.e. k = 11).
const (
	MinCellSize3  MinCellSize = 3
	MinCellSize5  MinCellSize = 5
	MinCellSize10 MinCellSize = 10
	MinCellSize11 MinCellSize = 11
)

// SuppressionPolicy says which counts of a breakdown may be published.
// A count is suppressed when it is below MinCellSize; a zero is suppressed
// too unless ShowZeros is set, since a true zero ("no one in this group")
// may be publishable or may itself disclose something, depending on the
// table. It is a plain comparable value, written to JSON as
// {"min_cell_size":5,"show_zeros":true}.
//
// The zero value is the default policy of civitas: k = 5 ([MinCellSize5]),
// zeros suppressed. A MinCellSize of 0 always means 5, so that a forgotten
// policy protects instead of publishing everything; every package that
// takes a policy follows this one rule.
type SuppressionPolicy struct {
	// MinCellSize is the threshold k: 0 for the default, 5, or at least 1.
	MinCellSize MinCellSize `json:"min_cell_size"`
	// ShowZeros publishes zero counts instead of suppressing them.
	ShowZeros bool `json:"show_zeros"`
}

// DefaultMinCellSize is the threshold a policy with MinCellSize 0 applies.
const DefaultMinCellSize = MinCellSize5

// Threshold returns the threshold the policy applies: MinCellSize, or
// [DefaultMinCellSize] when it is 0.
func (p SuppressionPolicy) Threshold() MinCellSize {
	if p.MinCellSize == 0 {
		return DefaultMinCellSize
	}
	return p.MinCellSize
}

// Validate returns an [*FieldError] wrapping [ErrOutOfRange] when the
// threshold is negative; 0 stands for the default.
func (p SuppressionPolicy) Validate() error {
	if p.MinCellSize < 0 {
		return inputErr("policy.min_cell_size", int64(p.MinCellSize), ErrOutOfRange)
	}
	return nil
}

// Suppresses reports whether the policy withholds count on its own
// (primary suppression): 0 < count < k, or count = 0 without ShowZeros.
func (p SuppressionPolicy) Suppresses(count int64) bool {
	return count < int64(p.Threshold()) && (count != 0 || !p.ShowZeros)
}

// CellStatus says whether a published cell shows its count and, if not,
// why. The zero value is invalid.
type CellStatus int

// The cell statuses.
const (
	// CellStatusVisible is a published count.
	CellStatusVisible CellStatus = iota + 1
	// CellStatusPrimary is withheld because its count is below the threshold.
	CellStatusPrimary
	// CellStatusComplementary is withheld, although its count may be published on
	// its own, so that a primary cell cannot be worked out from the totals.
	CellStatusComplementary
)

// Cell is one published count: either visible, with its number, or
// suppressed, in which case the number is not kept at all, so no accessor
// or encoding can leak it. The zero value has an invalid status and is
// never returned by this package.
type Cell struct {
	count  int64
	status CellStatus
}

// Count returns the count and true when the cell is visible, and 0 and
// false when it is suppressed.
func (c Cell) Count() (int64, bool) { return c.count, c.status == CellStatusVisible }

// Status returns whether the cell is visible or why it is suppressed.
func (c Cell) Status() CellStatus { return c.status }

// Suppressed reports whether the count is withheld.
func (c Cell) Suppressed() bool {
	return c.status == CellStatusPrimary || c.status == CellStatusComplementary
}

// String returns the count in decimal, or "*" when it is suppressed.
func (c Cell) String() string {
	if c.Suppressed() {
		return "*"
	}
	return strconv.FormatInt(c.count, 10)
}

// cellJSON is the wire form of a Cell: {"count":12} or
// {"suppressed":"primary"}.
type cellJSON struct {
	Count      *int64      `json:"count,omitempty"`
	Suppressed *CellStatus `json:"suppressed,omitempty"`
}

func (c Cell) wire() cellJSON {
	if c.Suppressed() {
		st := c.status
		return cellJSON{Suppressed: &st}
	}
	n := c.count
	return cellJSON{Count: &n}
}

func (w cellJSON) cell(input string) (Cell, error) {
	switch {
	case w.Count != nil && w.Suppressed == nil:
		if err := nonNegative(input, *w.Count); err != nil {
			return Cell{}, err
		}
		return Cell{count: *w.Count, status: CellStatusVisible}, nil
	case w.Count == nil && w.Suppressed != nil && *w.Suppressed != CellStatusVisible:
		return Cell{status: *w.Suppressed}, nil
	}
	return Cell{}, &FieldError{Field: input, Value: "need exactly one of count or a suppressed status", Err: ErrInconsistent}
}

// MarshalJSON writes {"count":12} for a visible cell and
// {"suppressed":"primary"} or {"suppressed":"complementary"} for a
// suppressed one.
func (c Cell) MarshalJSON() ([]byte, error) { return json.Marshal(c.wire()) }

// UnmarshalJSON reads what MarshalJSON writes, rejecting a negative count
// ([ErrNegative]) and a cell with both or neither field ([ErrInconsistent]).
func (c *Cell) UnmarshalJSON(b []byte) error {
	var w cellJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	got, err := w.cell("cell")
	if err != nil {
		return err
	}
	*c = got
	return nil
}

// SuppressedGroups is a one-way breakdown (one count per group, and the
// total) ready to publish: every cell is visible or suppressed, the total
// stays visible, and no suppressed count can be worked out from the total
// and the visible counts. Build one with [SuppressGroups]. The zero value
// has no groups. It is immutable and safe for concurrent use.
type SuppressedGroups struct {
	policy SuppressionPolicy
	groups []string
	cells  []Cell
	total  int64
}

// SuppressGroups applies the policy to a one-way breakdown published with
// its total. Primary suppression withholds every count the policy
// [SuppressionPolicy.Suppresses]. Then, since the total minus the visible
// counts gives the sum of the suppressed ones, a lone suppressed count would
// be recovered exactly: if exactly one is suppressed, the smallest visible
// count (the first such group on a tie) is withheld as well
// (complementary suppression). Two or more suppressed counts share one
// equation, so none of them can be recovered.
//
// The guarantee is against exact recovery only: the remainder still bounds
// the suppressed counts (with a total of 12 and 10 visible, the two
// suppressed groups hold 2 between them). A total that is itself below the
// threshold discloses its groups' range; merge such breakdowns first.
//
// Groups must have distinct non-empty labels ([ErrMismatchedGroups]),
// counts of zero or more ([ErrNegative]) and a total within int64
// ([ErrOverflow]); it returns [ErrEmpty] for no groups, the policy's
// [ErrOutOfRange], and [ErrUnprotectable] for a single group whose count is
// suppressed (the total is that count).
func SuppressGroups(groups []GroupCount, policy SuppressionPolicy) (SuppressedGroups, error) {
	if err := policy.Validate(); err != nil {
		return SuppressedGroups{}, err
	}
	if len(groups) == 0 {
		return SuppressedGroups{}, &FieldError{Field: "groups", Value: "[]", Err: ErrEmpty}
	}
	return suppressGroupsForced(groups, policy, nil)
}

// suppressGroupsForced is SuppressGroups once the policy and the input's
// length are checked, with some cells suppressed whatever their count
// (forced, parallel to groups; nil for none).
func suppressGroupsForced(groups []GroupCount, policy SuppressionPolicy, forced []bool) (SuppressedGroups, error) {
	_, total, err := indexGroups("groups", groups)
	if err != nil {
		return SuppressedGroups{}, err
	}
	g := newGrid(1, len(groups), false)
	g.forced = forced
	labels := make([]string, len(groups))
	for i, gc := range groups {
		labels[i] = gc.Group
		g.counts[i] = gc.Count
	}
	g.totals[0] = total
	if err := g.protect(policy); err != nil {
		return SuppressedGroups{}, err
	}
	return SuppressedGroups{policy: policy, groups: labels, cells: g.cells(), total: total}, nil
}

// Policy returns the policy the breakdown was suppressed with.
func (s SuppressedGroups) Policy() SuppressionPolicy { return s.policy }

// Len returns the number of groups.
func (s SuppressedGroups) Len() int { return len(s.groups) }

// Group returns the label of the i-th group, in the input's order. It
// panics when i is out of range, like a slice index.
func (s SuppressedGroups) Group(i int) string { return s.groups[i] }

// Cell returns the i-th group's cell. It panics when i is out of range.
func (s SuppressedGroups) Cell(i int) Cell { return s.cells[i] }

// Lookup returns the named group's cell, and false when there is none.
func (s SuppressedGroups) Lookup(group string) (Cell, bool) {
	for i, g := range s.groups {
		if g == group {
			return s.cells[i], true
		}
	}
	return Cell{}, false
}

// All yields each group's label and cell, in the input's order.
func (s SuppressedGroups) All() iter.Seq2[string, Cell] {
	return func(yield func(string, Cell) bool) {
		for i, g := range s.groups {
			if !yield(g, s.cells[i]) {
				return
			}
		}
	}
}

// Total returns the total of all groups, always published.
func (s SuppressedGroups) Total() int64 { return s.total }

type groupCellJSON struct {
	Group string `json:"group"`
	cellJSON
}

type suppressedGroupsJSON struct {
	Policy SuppressionPolicy `json:"policy"`
	Groups []groupCellJSON   `json:"groups"`
	Total  int64             `json:"total"`
}

// MarshalJSON writes the policy, the groups in order as
// {"group":"18-24","count":12} or {"group":"16-17","suppressed":"primary"},
// and the total. Suppressed counts are not in the output.
func (s SuppressedGroups) MarshalJSON() ([]byte, error) {
	w := suppressedGroupsJSON{Policy: s.policy, Groups: make([]groupCellJSON, len(s.groups)), Total: s.total}
	for i, g := range s.groups {
		w.Groups[i] = groupCellJSON{Group: g, cellJSON: s.cells[i].wire()}
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes and checks it as
// [SuppressGroups] would have built it: a valid policy, distinct non-empty
// labels, no visible count the policy suppresses, visible counts that add
// up to the total when none is suppressed and to no more than it otherwise
// ([ErrInconsistent]), and not exactly one suppressed count
// ([ErrUnprotectable]).
func (s *SuppressedGroups) UnmarshalJSON(b []byte) error {
	var w suppressedGroupsJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	if len(w.Groups) == 0 {
		return &FieldError{Field: "groups", Value: "[]", Err: ErrEmpty}
	}
	g := newGrid(1, len(w.Groups), false)
	labels := make([]string, len(w.Groups))
	seen := make([]GroupCount, len(w.Groups)) // labels only, for indexGroups's checks
	for i, gc := range w.Groups {
		c, err := gc.cell(fmt.Sprintf("groups[%d]", i))
		if err != nil {
			return err
		}
		labels[i], seen[i] = gc.Group, GroupCount{Group: gc.Group}
		g.counts[i], g.status[i] = c.count, c.status
	}
	if _, _, err := indexGroups("groups", seen); err != nil {
		return err
	}
	g.totals[0] = w.Total
	if err := g.checkPublished(w.Policy); err != nil {
		return err
	}
	*s = SuppressedGroups{policy: w.Policy, groups: labels, cells: g.cells(), total: w.Total}
	return nil
}

// SuppressedTable is a two-way table (rows × columns of counts, with every
// row total, column total and the grand total) ready to publish: every cell
// is visible or suppressed, all totals stay visible, and no suppressed count
// can be worked out from them. Build one with [SuppressTable]. The zero
// value has no cells. It is immutable and safe for concurrent use.
type SuppressedTable struct {
	policy               SuppressionPolicy
	rows, cols           int
	cells                []Cell // row-major
	rowTotals, colTotals []int64
	total                int64
}

// SuppressTable applies the policy to a two-way table published with its
// row totals, column totals and grand total. counts[i][j] is the count in
// row i, column j.
//
// Primary suppression withholds every count the policy
// [SuppressionPolicy.Suppresses]. Complementary suppression then repeats,
// until nothing changes, two steps:
//
//  1. Every row or column with exactly one suppressed cell gets a second:
//     its smallest visible cell (the first on a tie), since its total minus
//     its visible cells would give the lone one away.
//  2. When no line has a lone suppressed cell, the table can still give a
//     cell away through a combination of lines. Read the suppressed cells as
//     the edges of a graph between rows and columns: a cell is recoverable
//     from the totals exactly when its edge lies on no cycle (adding and
//     subtracting the lines on one side of it isolates it). For the first
//     such cell, the smallest visible cell that closes a cycle through it
//     (its row on one side of the cut, its column on the other) is withheld.
//
// Each step withholds one more cell, so it ends; when it does, every
// suppressed cell lies on a cycle of suppressed cells, which is the exact
// condition for none of them to be determined by the row and column
// equations. Like the one-way case ([SuppressGroups]) this protects against
// exact recovery, not against the bounds that the totals and
// non-negativity put on a suppressed count, and it is a greedy heuristic:
// finding the fewest complementary cells is a hard optimisation problem
// (Hundepool et al., Statistical Disclosure Control, 2012).
//
// counts must be a non-empty rectangle ([ErrEmpty], ragged rows
// [ErrMismatchedGroups]) of counts of zero or more ([ErrNegative]) whose
// totals fit in int64 ([ErrOverflow]). It returns the policy's
// [ErrOutOfRange], and [ErrUnprotectable] when a table with a single row or
// column has a suppressed cell.
func SuppressTable(counts [][]int64, policy SuppressionPolicy) (SuppressedTable, error) {
	if err := policy.Validate(); err != nil {
		return SuppressedTable{}, err
	}
	if len(counts) == 0 || len(counts[0]) == 0 {
		return SuppressedTable{}, &FieldError{Field: "counts", Value: "no cells", Err: ErrEmpty}
	}
	rows, cols := len(counts), len(counts[0])
	g := newGrid(rows, cols, true)
	var total int64
	for i, row := range counts {
		if len(row) != cols {
			return SuppressedTable{}, &FieldError{
				Field: fmt.Sprintf("counts[%d]", i),
				Value: fmt.Sprintf("%d columns, row 0 has %d", len(row), cols),
				Err:   ErrMismatchedGroups,
			}
		}
		for j, x := range row {
			err := ErrNegative
			if x >= 0 {
				if g.totals[i], err = addChecked(g.totals[i], x); err == nil {
					if g.totals[rows+j], err = addChecked(g.totals[rows+j], x); err == nil {
						total, err = addChecked(total, x)
					}
				}
			}
			if err != nil {
				return SuppressedTable{}, inputErr(fmt.Sprintf("counts[%d][%d]", i, j), x, err)
			}
			g.counts[i*cols+j] = x
		}
	}
	if err := g.protect(policy); err != nil {
		return SuppressedTable{}, err
	}
	return SuppressedTable{
		policy: policy, rows: rows, cols: cols, cells: g.cells(),
		rowTotals: g.totals[:rows:rows], colTotals: g.totals[rows:], total: total,
	}, nil
}

// Policy returns the policy the table was suppressed with.
func (t SuppressedTable) Policy() SuppressionPolicy { return t.policy }

// Rows returns the number of rows.
func (t SuppressedTable) Rows() int { return t.rows }

// Cols returns the number of columns.
func (t SuppressedTable) Cols() int { return t.cols }

// Cell returns the cell in row i, column j. It panics when either is out
// of range, like a slice index.
func (t SuppressedTable) Cell(i, j int) Cell {
	if j < 0 || j >= t.cols {
		panic(fmt.Sprintf("metrics: column %d out of range [0,%d)", j, t.cols))
	}
	return t.cells[i*t.cols+j]
}

// RowTotal returns the total of row i. It panics when i is out of range.
func (t SuppressedTable) RowTotal(i int) int64 { return t.rowTotals[i] }

// ColTotal returns the total of column j. It panics when j is out of range.
func (t SuppressedTable) ColTotal(j int) int64 { return t.colTotals[j] }

// Total returns the grand total.
func (t SuppressedTable) Total() int64 { return t.total }

type suppressedTableJSON struct {
	Policy       SuppressionPolicy `json:"policy"`
	Cells        [][]cellJSON      `json:"cells"`
	RowTotals    []int64           `json:"row_totals"`
	ColumnTotals []int64           `json:"column_totals"`
	Total        int64             `json:"total"`
}

// MarshalJSON writes the policy, the cells row by row (each as
// {"count":12} or {"suppressed":"primary"}), the row totals, the column
// totals and the grand total. Suppressed counts are not in the output.
func (t SuppressedTable) MarshalJSON() ([]byte, error) {
	w := suppressedTableJSON{
		Policy: t.policy, Cells: make([][]cellJSON, t.rows),
		RowTotals: t.rowTotals, ColumnTotals: t.colTotals, Total: t.total,
	}
	for i := range t.rows {
		w.Cells[i] = make([]cellJSON, t.cols)
		for j := range t.cols {
			w.Cells[i][j] = t.cells[i*t.cols+j].wire()
		}
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes and checks it as
// [SuppressTable] would have built it: a valid policy, a non-empty
// rectangle with one total per row and column ([ErrMismatchedGroups]), no
// visible count the policy suppresses, totals that add up to the grand
// total, and visible counts that add up to their line's total when none is
// suppressed and to no more than it otherwise ([ErrInconsistent]), and no
// suppressed cell recoverable from the totals ([ErrUnprotectable]).
func (t *SuppressedTable) UnmarshalJSON(b []byte) error {
	var w suppressedTableJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	if len(w.Cells) == 0 || len(w.Cells[0]) == 0 {
		return &FieldError{Field: "cells", Value: "no cells", Err: ErrEmpty}
	}
	rows, cols := len(w.Cells), len(w.Cells[0])
	if len(w.RowTotals) != rows || len(w.ColumnTotals) != cols {
		return &FieldError{
			Field: "row_totals, column_totals",
			Value: fmt.Sprintf("%d and %d totals for %d×%d cells", len(w.RowTotals), len(w.ColumnTotals), rows, cols),
			Err:   ErrMismatchedGroups,
		}
	}
	g := newGrid(rows, cols, true)
	for i, row := range w.Cells {
		if len(row) != cols {
			return &FieldError{Field: fmt.Sprintf("cells[%d]", i), Value: fmt.Sprintf("%d columns, row 0 has %d", len(row), cols), Err: ErrMismatchedGroups}
		}
		for j, cw := range row {
			c, err := cw.cell(fmt.Sprintf("cells[%d][%d]", i, j))
			if err != nil {
				return err
			}
			g.counts[i*cols+j], g.status[i*cols+j] = c.count, c.status
		}
	}
	copy(g.totals, w.RowTotals)
	copy(g.totals[rows:], w.ColumnTotals)
	if err := sumsTo("row_totals", w.RowTotals, w.Total); err != nil {
		return err
	}
	if err := sumsTo("column_totals", w.ColumnTotals, w.Total); err != nil {
		return err
	}
	if err := g.checkPublished(w.Policy); err != nil {
		return err
	}
	*t = SuppressedTable{
		policy: w.Policy, rows: rows, cols: cols, cells: g.cells(),
		rowTotals: g.totals[:rows:rows], colTotals: g.totals[rows:], total: w.Total,
	}
	return nil
}

// sumsTo checks that totals are non-negative and add up to want.
func sumsTo(name string, totals []int64, want int64) error {
	var sum int64
	for i, x := range totals {
		item := fmt.Sprintf("%s[%d]", name, i)
		if err := nonNegative(item, x); err != nil {
			return err
		}
		var err error
		if sum, err = addChecked(sum, x); err != nil {
			return inputErr(item, x, err)
		}
	}
	if sum != want {
		return &FieldError{Field: name, Value: fmt.Sprintf("sum %d, total %d", sum, want), Err: ErrInconsistent}
	}
	return nil
}

// grid is the working form of a published table: rows × cols cells in
// row-major order and the totals of its lines. Lines 0..rows−1 are the
// rows; when margins is set (a two-way table) lines rows..rows+cols−1 are
// the columns. A one-way breakdown is one row without column totals.
type grid struct {
	rows, cols int
	margins    bool
	counts     []int64
	status     []CellStatus
	totals     []int64
	// forced marks cells suppressed whatever their count (a group
	// suppressed in an earlier release); nil for none.
	forced []bool
}

func newGrid(rows, cols int, margins bool) *grid {
	lines := rows
	if margins {
		lines += cols
	}
	return &grid{
		rows: rows, cols: cols, margins: margins,
		counts: make([]int64, rows*cols), status: make([]CellStatus, rows*cols), totals: make([]int64, lines),
	}
}

// line returns the first cell of line l, the step to the next and the
// number of cells.
func (g *grid) line(l int) (first, step, n int) {
	if l < g.rows {
		return l * g.cols, 1, g.cols
	}
	return l - g.rows, g.cols, g.rows
}

// inLine reports whether cell c lies on line l.
func (g *grid) inLine(l, c int) bool {
	if l < g.rows {
		return c/g.cols == l
	}
	return c%g.cols == l-g.rows
}

func (g *grid) lineName(l int) string {
	switch {
	case !g.margins:
		return "groups"
	case l < g.rows:
		return fmt.Sprintf("row %d", l)
	}
	return fmt.Sprintf("column %d", l-g.rows)
}

func (g *grid) suppressed(c int) bool { return g.status[c] != CellStatusVisible }

// protect runs primary and complementary suppression (see SuppressTable)
// and then forgets the suppressed counts.
func (g *grid) protect(p SuppressionPolicy) error {
	for c, x := range g.counts {
		g.status[c] = CellStatusVisible
		if p.Suppresses(x) || (g.forced != nil && g.forced[c]) {
			g.status[c] = CellStatusPrimary
		}
	}
	for {
		l, lone := g.loneLine()
		if lone {
			best := g.smallestVisible(func(c int) bool { return g.inLine(l, c) })
			if best < 0 {
				return &FieldError{Field: g.lineName(l), Value: "one cell, total " + strconv.FormatInt(g.totals[l], 10), Err: ErrUnprotectable}
			}
			g.status[best] = CellStatusComplementary
			continue
		}
		e, ok := g.firstBridge()
		if !ok {
			break
		}
		side := g.side(e)
		best := g.smallestVisible(func(c int) bool {
			r, col := side[c/g.cols], side[g.rows+c%g.cols]
			return r != 0 && col != 0 && r != col
		})
		// A bridge's ends each have another suppressed edge (no line has a
		// lone one), and the cell joining those two neighbours is visible,
		// or the bridge would lie on a cycle: best is always found.
		g.status[best] = CellStatusComplementary
	}
	for c := range g.counts {
		if g.suppressed(c) {
			g.counts[c] = 0
		}
	}
	return nil
}

// loneLine returns the first line with exactly one suppressed cell.
func (g *grid) loneLine() (int, bool) {
	for l := range g.totals {
		first, step, n := g.line(l)
		k := 0
		for i, c := 0, first; i < n; i, c = i+1, c+step {
			if g.suppressed(c) {
				k++
			}
		}
		if k == 1 {
			return l, true
		}
	}
	return 0, false
}

// smallestVisible returns the visible cell with the smallest count among
// those in, the first on a tie, or -1.
func (g *grid) smallestVisible(in func(c int) bool) int {
	best := -1
	for c, x := range g.counts {
		if !g.suppressed(c) && in(c) && (best < 0 || x < g.counts[best]) {
			best = c
		}
	}
	return best
}

// other returns the node at the other end of cell c's edge from node u:
// rows are nodes 0..rows−1, columns rows..rows+cols−1.
func (g *grid) other(c, u int) int {
	if i := c / g.cols; u != i {
		return i
	}
	return g.rows + c%g.cols
}

// adjacency returns, per node, the suppressed cells on it.
func (g *grid) adjacency() [][]int {
	adj := make([][]int, g.rows+g.cols)
	for c := range g.status {
		if g.suppressed(c) {
			adj[c/g.cols] = append(adj[c/g.cols], c)
			adj[g.rows+c%g.cols] = append(adj[g.rows+c%g.cols], c)
		}
	}
	return adj
}

// firstBridge returns the suppressed cell of lowest index whose edge lies
// on no cycle of the row–column graph (a bridge, found with Tarjan's
// low-link depth-first search), for a table with margins.
func (g *grid) firstBridge() (int, bool) {
	if !g.margins {
		return 0, false
	}
	adj := g.adjacency()
	disc := make([]int, len(adj)) // discovery time, 0 = not yet visited
	low := make([]int, len(adj))
	clock, best := 0, -1
	var visit func(u, via int)
	visit = func(u, via int) {
		clock++
		disc[u], low[u] = clock, clock
		for _, c := range adj[u] {
			if c == via {
				continue
			}
			v := g.other(c, u)
			if disc[v] == 0 {
				visit(v, c)
				low[u] = min(low[u], low[v])
				if low[v] > disc[u] && (best < 0 || c < best) {
					best = c
				}
			} else {
				low[u] = min(low[u], disc[v])
			}
		}
	}
	for u := range adj {
		if disc[u] == 0 {
			visit(u, -1)
		}
	}
	return best, best >= 0
}

// side splits the component of bridge e: 1 for the nodes reached from e's
// row without crossing e, 2 for those reached from its column, 0 for the
// rest.
func (g *grid) side(e int) []int8 {
	adj := g.adjacency()
	side := make([]int8, len(adj))
	for mark, start := range []int{e / g.cols, g.rows + e%g.cols} {
		side[start] = int8(mark + 1)
		queue := []int{start}
		for len(queue) > 0 {
			u := queue[0]
			queue = queue[1:]
			for _, c := range adj[u] {
				if v := g.other(c, u); c != e && side[v] == 0 {
					side[v] = int8(mark + 1)
					queue = append(queue, v)
				}
			}
		}
	}
	return side
}

// checkPublished checks a decoded table: the policy, no visible count it
// suppresses, line sums against totals, and no recoverable cell.
func (g *grid) checkPublished(p SuppressionPolicy) error {
	if err := p.Validate(); err != nil {
		return err
	}
	for c, x := range g.counts {
		if !g.suppressed(c) && p.Suppresses(x) {
			return &FieldError{Field: fmt.Sprintf("cell %d", c), Value: fmt.Sprintf("%d (visible, policy suppresses it)", x), Err: ErrInconsistent}
		}
	}
	for l, total := range g.totals {
		first, step, n := g.line(l)
		var sum int64
		hidden := false
		for i, c := 0, first; i < n; i, c = i+1, c+step {
			hidden = hidden || g.suppressed(c)
			var err error
			if sum, err = addChecked(sum, g.counts[c]); err != nil {
				return &FieldError{Field: g.lineName(l), Value: "visible sum", Err: err}
			}
		}
		if sum > total || (!hidden && sum != total) {
			return &FieldError{Field: g.lineName(l), Value: fmt.Sprintf("visible sum %d, total %d", sum, total), Err: ErrInconsistent}
		}
	}
	if l, lone := g.loneLine(); lone {
		return &FieldError{Field: g.lineName(l), Value: "one suppressed cell", Err: ErrUnprotectable}
	}
	if c, ok := g.firstBridge(); ok {
		return &FieldError{Field: fmt.Sprintf("cells[%d][%d]", c/g.cols, c%g.cols), Value: "suppressed on no cycle", Err: ErrUnprotectable}
	}
	return nil
}

// cells returns the published cells.
func (g *grid) cells() []Cell {
	out := make([]Cell, len(g.counts))
	for c, x := range g.counts {
		out[c] = Cell{count: x, status: g.status[c]}
	}
	return out
}
