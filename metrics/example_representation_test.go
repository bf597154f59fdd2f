package metrics_test

import (
	"fmt"

	"github.com/civitas-go/civitas/metrics"
)

// A consultation heard 100 residents; the area's adults number 4,000. Were
// the age bands heard in proportion? By hand: p = .2 .5 .3 against
// q = .3 .5 .2, so D = ½(.1 + 0 + .1) = .1; the rates 20/1200, 50/2000 and
// 30/800 give S = (1/60)/(3/80) = 4/9; expected counts 30, 50, 20 give
// χ² = 10²/30 + 0 + 10²/20 = 8.333333 on 2 degrees of freedom, whose upper
// tail is e^(−8.333333/2) = 0.0155.
func ExampleCompareToPopulation() {
	participants := []metrics.GroupCount{{Group: "18-34", Count: 20}, {Group: "35-64", Count: 50}, {Group: "65+", Count: 30}}
	population := []metrics.GroupCount{{Group: "18-34", Count: 1200}, {Group: "35-64", Count: 2000}, {Group: "65+", Count: 800}}
	r, err := metrics.CompareToPopulation(participants, population)
	if err != nil {
		fmt.Println(err)
		return
	}
	for g := range r.All() {
		ratio, _ := g.RepresentationRatio()
		fmt.Printf("%-5s heard %s of population %s: ratio %s, rate %s\n",
			g.Group(), g.ParticipantShare().PercentText(), g.PopulationShare().PercentText(),
			ratio.StringFixed(2), g.ParticipationRate().PercentText())
	}
	d, _ := r.Dissimilarity()
	s, _ := r.Score()
	fmt.Println("dissimilarity", d.StringFixed(3), "score", s.StringFixed(3))
	c, _ := r.ChiSquare()
	fmt.Printf("chi-square %s, df %d, p = %.4f, valid %t\n", c.Statistic(), c.DegreesOfFreedom(), c.PValue(), c.Valid())
	// Output:
	// 18-34 heard 20.00 % of population 30.00 %: ratio 0.67, rate 1.67 %
	// 35-64 heard 50.00 % of population 50.00 %: ratio 1.00, rate 2.50 %
	// 65+   heard 30.00 % of population 20.00 %: ratio 1.50, rate 3.75 %
	// dissimilarity 0.100 score 0.444
	// chi-square 8.333333, df 2, p = 0.0155, valid true
}
