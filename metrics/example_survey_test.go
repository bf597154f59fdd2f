package metrics_test

import (
	"fmt"

	"github.com/civitas-go/civitas/metrics"
)

// Ten participants answered "How likely are you to recommend taking part to a
// neighbour?" Promoters (9–10): 10, 9, 9, 10, 9 = 5. Passives (7–8): 8, 7 = 2.
// Detractors (0–6): 6, 5, 3 = 3. Score 100·(5 − 3)/10 = +20.
func ExampleScoreRecommendations() {
	s, err := metrics.ScoreRecommendations([]int{10, 9, 9, 8, 7, 6, 5, 10, 3, 9})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("promoters:", s.PromoterShare().PercentText())
	fmt.Println("detractors:", s.DetractorShare().PercentText())
	fmt.Println("score:", s)
	// Output:
	// promoters: 50.00 %
	// detractors: 30.00 %
	// score: +20.00
}

// "The council listened to what we said", on five points from 1 (strongly
// disagree) to 5 (strongly agree). Counts 1, 1, 1, 4, 3 of 10. Mean
// (1 + 2 + 3 + 16 + 15)/10 = 37/10 = 3.7. Top two box (4 and 5): 7/10.
func ExampleSummarizeLikert() {
	s, err := metrics.SummarizeLikert(5, []int{5, 4, 4, 3, 5, 2, 4, 1, 4, 5})
	if err != nil {
		fmt.Println(err)
		return
	}
	for point, share := range s.Distribution() {
		fmt.Printf("%d: %2d %8s\n", point, s.Count(point), share.PercentText())
	}
	fmt.Println("mean:", s.Mean(), "=", s.Mean().ValueText())
	fmt.Println("top two box:", s.TopTwoBox().PercentText())
	// Output:
	// 1:  1  10.00 %
	// 2:  1  10.00 %
	// 3:  1  10.00 %
	// 4:  4  40.00 %
	// 5:  3  30.00 %
	// mean: 37/10 = 3.700000
	// top two box: 70.00 %
}
