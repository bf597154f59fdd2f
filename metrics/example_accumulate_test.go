package metrics_test

import (
	"fmt"
	"sync"
	"time"

	"github.com/civitas-go/civitas/metrics"
)

// Large data is counted in shards, each on its own goroutine with its own
// accumulators (they are not safe for concurrent use), and the shards are
// merged at the end: in whatever order they finish, the result is exactly
// that of one pass. This is the shape of an Apache Beam CombineFn.
func ExampleGroupCounter_Merge() {
	type input struct {
		resident string
		area     string
	}
	inputs := []input{
		{"r1", "north"}, {"r2", "south"}, {"r1", "north"}, {"r3", "north"},
		{"r4", "harbour"}, {"r2", "south"}, {"r5", "south"}, {"r1", "north"},
	}

	type shard struct {
		byArea    metrics.GroupCounter[string]
		residents metrics.DistinctCounter[string]
	}
	const shards = 3
	results := make([]shard, shards)
	var wg sync.WaitGroup
	for s := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := s; i < len(inputs); i += shards { // every third input
				results[s].byArea.Add(inputs[i].area)
				results[s].residents.Add(inputs[i].resident)
			}
		}()
	}
	wg.Wait()

	var total shard
	for i := range results {
		if err := total.byArea.Merge(&results[i].byArea); err != nil {
			panic(err)
		}
		total.residents.Merge(&results[i].residents)
	}
	for _, g := range total.byArea.GroupCounts() {
		fmt.Printf("%s: %d inputs, %s of all\n", g.Group, g.Count, total.byArea.Share(g.Group).PercentText())
	}
	fmt.Println("residents:", total.residents.Count())
	// Output:
	// harbour: 1 inputs, 12.50 % of all
	// north: 4 inputs, 50.00 % of all
	// south: 3 inputs, 37.50 % of all
	// residents: 5
}

// ResponseTimes keeps the exact distribution of response times at one
// second's resolution, so its median and 90th percentile (nearest rank)
// and the share answered within a commitment are exact.
func ExampleResponseTimes() {
	var rt metrics.ResponseTimes
	for _, days := range []int{1, 2, 2, 3, 5, 8, 13, 21, 3, 4} {
		if err := rt.Add(time.Duration(days) * 24 * time.Hour); err != nil {
			panic(err)
		}
	}
	s, err := rt.Summary()
	if err != nil {
		panic(err)
	}
	// Sorted: 1 2 2 3 3 4 5 8 13 21 days. Median: rank ⌈0.5·10⌉ = 5 → 3 d;
	// P90: rank ⌈0.9·10⌉ = 9 → 13 d. Within 14 days: 9 of 10.
	fmt.Println(s.Count, s.Median, s.P90)
	fmt.Println(rt.ShareWithin(14 * 24 * time.Hour).PercentText())
	// Output:
	// 10 72h0m0s 312h0m0s
	// 90.00 %
}
