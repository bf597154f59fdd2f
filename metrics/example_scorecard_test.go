package metrics_test

import (
	"fmt"
	"os"
	"time"

	"github.com/civitas-go/civitas/metrics"
	"github.com/shopspring/decimal"
)

// An indicator says what is measured and what counts as success; Evaluate
// holds a measurement against it. The comparison is exact: 2/3 is shown as
// 66.67 % but is below a target of 66.67 %.
func ExampleIndicator_Evaluate() {
	rate, err := metrics.NewIndicator("Closing-the-loop rate", "inputs answered / inputs received",
		metrics.UnitPercent, metrics.PolarityHigherIsBetter, metrics.TargetAtLeast(decimal.RequireFromString("66.67")))
	if err != nil {
		panic(err)
	}
	answered, _ := metrics.NewProportion(2, 3)
	e, err := rate.Evaluate(metrics.FromRatio(answered))
	if err != nil {
		panic(err)
	}
	fmt.Println(e.ValueText(), "|", e.Basis(), "|", rate.TargetText(), "|", e.Verdict())

	// A response time against a commitment in days.
	respond, _ := metrics.NewIndicator("Median response time", "median days from inquiry to answer",
		metrics.UnitDays, metrics.PolarityLowerIsBetter, metrics.TargetAtMost(decimal.NewFromInt(14)))
	median, _ := metrics.FromDuration(84 * time.Hour)
	e, _ = respond.Evaluate(median)
	fmt.Println(e.ValueText(), "|", respond.TargetText(), "|", e.Verdict())
	// Output:
	// 66.67 % | 2 of 3 | at least 66.67 % | not_met
	// 3.50 d | at most 14 d | met
}

// A scorecard lists evaluated indicators in order and renders them for a
// terminal, a document, a spreadsheet or a program.
func ExampleScorecard() {
	attendance, _ := metrics.NewIndicator("Attendance rate", "people who attended / people who registered",
		metrics.UnitPercent, metrics.PolarityHigherIsBetter, metrics.TargetAtLeast(decimal.NewFromInt(60)))
	reach, _ := metrics.NewIndicator("Reach", "distinct people who saw at least one item",
		metrics.UnitCount, metrics.PolarityHigherIsBetter, metrics.TargetAtLeast(decimal.NewFromInt(1000)))
	turnout, _ := metrics.NewIndicator("Turnout", "residents who voted / residents eligible",
		metrics.UnitPercent, metrics.PolarityHigherIsBetter, metrics.TargetAtLeast(decimal.NewFromInt(10)))

	attended, _ := metrics.NewProportion(45, 60) // 75 % ≥ 60 %: met
	people, _ := metrics.FromCount(850)          // 850 < 1000: not met
	var rows []metrics.Evaluation
	for _, r := range []struct {
		ind metrics.Indicator
		m   metrics.Measurement
	}{
		{attendance, metrics.FromRatio(attended)},
		{reach, people},
		{turnout, metrics.Measurement{}}, // the vote has not closed: undefined
	} {
		e, err := r.ind.Evaluate(r.m)
		if err != nil {
			panic(err)
		}
		rows = append(rows, e)
	}
	sc, err := metrics.NewScorecard("Library consultation", rows...)
	if err != nil {
		panic(err)
	}
	if err := sc.WriteText(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// Library consultation
	//
	// Indicator            Value     Basis  Target         Verdict
	// ---------------  ---------  --------  -------------  ---------
	// Attendance rate    75.00 %  45 of 60  at least 60 %  met
	// Reach                  850            at least 1000  not met
	// Turnout          undefined            at least 10 %  undefined
	//
	// 1 met, 1 not met, 1 undefined
	//
	// Definitions:
	// - Attendance rate: people who attended / people who registered
	// - Reach: distinct people who saw at least one item
	// - Turnout: residents who voted / residents eligible
}
