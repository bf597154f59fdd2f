package metrics_test

import (
	"fmt"

	"github.com/civitas-go/civitas/metrics"
)

// Participants by ward, published with their total: the ward with 3 is
// withheld, and so is the smallest other ward, or 62 − 12 − 40 − 7 would
// give the 3 away.
func ExampleSuppressGroups() {
	wards := []metrics.GroupCount{{Group: "North", Count: 12}, {Group: "East", Count: 3}, {Group: "South", Count: 40}, {Group: "West", Count: 7}}
	published, err := metrics.SuppressGroups(wards, metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize5})
	if err != nil {
		fmt.Println(err)
		return
	}
	for ward, cell := range published.All() {
		fmt.Printf("%-5s %3s %s\n", ward, cell, cell.Status())
	}
	fmt.Printf("total %3d\n", published.Total())
	// Output:
	// North  12 visible
	// East    * primary
	// South  40 visible
	// West    * complementary
	// total  62
}

// Participants by ward (rows) and age band (columns), published with every
// margin. The 3 is below the threshold; the cells withheld with it form a
// rectangle, so that no row or column total gives any of them away.
func ExampleSuppressTable() {
	counts := [][]int64{
		{20, 3, 15},
		{12, 25, 8},
		{30, 14, 9},
	}
	t, err := metrics.SuppressTable(counts, metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize5})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range t.Rows() {
		for j := range t.Cols() {
			fmt.Printf("%4s", t.Cell(i, j))
		}
		fmt.Printf(" |%4d\n", t.RowTotal(i))
	}
	for j := range t.Cols() {
		fmt.Printf("%4d", t.ColTotal(j))
	}
	fmt.Printf(" |%4d\n", t.Total())
	// Output:
	//   20   *   * |  38
	//   12  25   8 |  45
	//   30   *   * |  53
	//   62  42  32 | 136
}
