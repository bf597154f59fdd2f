package metrics_test

import (
	"fmt"

	"github.com/civitas-go/civitas/metrics"
)

// Comments per participant in an online consultation: a few voices
// dominate. Sorted, the ten counts give Σ i·x_(i) = 508 and Σ x = 60, so
// G = 2·508/(10·60) − 11/10 = 356/600 = 0.593; the top 10 % is ⌈10/10⌉ = 1
// participant, who wrote 30 of the 60 comments.
func ExampleGini() {
	comments := []int64{1, 1, 1, 2, 2, 3, 4, 6, 10, 30}
	g, err := metrics.Gini(comments)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("Gini", g.StringFixed(3))
	top, _ := metrics.TopShare(comments, 10)
	fmt.Println("top 10 % of participants wrote", top, "=", top.PercentText())
	// Output:
	// Gini 0.593
	// top 10 % of participants wrote 30/60 = 50.00 %
}
