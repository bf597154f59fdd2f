package metrics_test

import (
	"fmt"
	"time"

	"github.com/civitas-go/civitas/metrics"
)

// A public meeting: 45 of the 60 who registered came (75 %); of the 10 000
// residents eligible to vote on the plan, 1 234 voted (12.34 %).
func ExampleAttendanceRate() {
	attendance, err := metrics.AttendanceRate(45, 60)
	if err != nil {
		fmt.Println(err)
		return
	}
	turnout, err := metrics.Turnout(1234, 10_000)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("attendance:", attendance, "=", attendance.PercentText())
	fmt.Println("turnout:", turnout, "=", turnout.PercentText())

	_, err = metrics.AttendanceRate(61, 60)
	fmt.Println(err)
	// Output:
	// attendance: 45/60 = 75.00 %
	// turnout: 1234/10000 = 12.34 %
	// metrics: part exceeds whole: attended = 61
}

// From invitation to written input. From the previous stage: 640/2000 = 32 %,
// 160/640 = 25 %, 120/160 = 75 %, 48/120 = 40 %. From the first: 32 %,
// 160/2000 = 8 %, 120/2000 = 6 %, 48/2000 = 2.4 %.
func ExampleConversionFunnel() {
	steps, err := metrics.ConversionFunnel(
		metrics.FunnelStage{Name: "invited", Count: 2000},
		metrics.FunnelStage{Name: "visited", Count: 640},
		metrics.FunnelStage{Name: "registered", Count: 160},
		metrics.FunnelStage{Name: "attended", Count: 120},
		metrics.FunnelStage{Name: "submitted", Count: 48},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range steps {
		fmt.Printf("%-10s %5d %9s %9s\n", s.Name, s.Count, s.FromPrevious.PercentText(), s.FromFirst.PercentText())
	}
	// Output:
	// invited     2000  100.00 %  100.00 %
	// visited      640   32.00 %   32.00 %
	// registered   160   25.00 %    8.00 %
	// attended     120   75.00 %    6.00 %
	// submitted     48   40.00 %    2.40 %
}

// Ten inquiries answered after these times. Sorted: 1, 2, 3, 4, 5, 8, 26, 30,
// 49, 72 hours. Median: rank ⌈0.5·10⌉ = 5, 5 h. 90th percentile: rank
// ⌈0.9·10⌉ = 9, 49 h.
func ExampleSummarizeResponseTimes() {
	h := time.Hour
	s, err := metrics.SummarizeResponseTimes([]time.Duration{
		2 * h, 26 * h, 5 * h, 49 * h, 3 * h, 8 * h, 30 * h, 1 * h, 4 * h, 72 * h,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("responses:", s.Count)
	fmt.Println("median:", s.Median)
	fmt.Println("90th percentile:", s.P90)
	// Output:
	// responses: 10
	// median: 5h0m0s
	// 90th percentile: 49h0m0s
}

// Ten comments scored on the Discourse Quality Index's level of
// justification (0–3). Substantive (2 or more): 2, 3, 2, 2, 3, 2, six of ten.
// Sum 2+0+3+1+2+2+3+0+1+2 = 16, mean 16/10 = 1.6.
func ExampleAssessFeedback() {
	q, err := metrics.AssessFeedback(metrics.JustificationRubric(), []int{2, 0, 3, 1, 2, 2, 3, 0, 1, 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("substantive:", q.Substantive, "=", q.Substantive.PercentText())
	fmt.Println("mean score:", q.MeanScore, "=", q.MeanScore.ValueText())
	// Output:
	// substantive: 6/10 = 60.00 %
	// mean score: 16/10 = 1.600000
}
