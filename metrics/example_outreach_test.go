package metrics_test

import (
	"fmt"
	"slices"

	"github.com/civitas-go/civitas/metrics"
)

// A mailing about a street redesign: the log holds one pseudonymous resident
// key per delivered message. r1 got it three times, r2 twice, r3 and r4 once:
// 7 impressions, 4 people, 7/4 = 1.75 each. The street has 16 residents, so
// 4/16 = 25 % of them were reached.
func ExampleCountAudience() {
	log := []string{"r1", "r2", "r3", "r1", "r4", "r2", "r1"}
	a := metrics.CountAudience(slices.Values(log))
	fmt.Println("impressions:", a.Impressions())
	fmt.Println("reach:", a.Reach())
	fmt.Println("frequency:", a.Frequency().ValueText())

	v, err := a.Visibility(16)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("visibility:", v, "=", v.PercentText())
	// Output:
	// impressions: 7
	// reach: 4
	// frequency: 1.750000
	// visibility: 4/16 = 25.00 %
}

// A week of coverage of the redesign. Net tone-weighted reach:
// (12 000 − 8 000 + 500) / (12 000 + 30 000 + 8 000 + 500) = 4 500 / 50 500
// = 0.0891089… → 8.91 %: slightly favourable, mostly neutral. Of the 180
// mentions of any council in the region that week, 45 were of ours: 25 %.
func ExampleCoverageQuality() {
	quality, err := metrics.CoverageQuality([]metrics.Mention{
		{Reach: 12_000, Tone: metrics.TonePositive}, // local paper
		{Reach: 30_000, Tone: metrics.ToneNeutral},  // regional radio
		{Reach: 8_000, Tone: metrics.ToneNegative},  // national news site
		{Reach: 500, Tone: metrics.TonePositive},    // neighbourhood blog
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("coverage quality:", quality, "=", quality.ValueText())

	share, err := metrics.ShareOfVoice(45, 180)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("share of voice:", share.PercentText())
	// Output:
	// coverage quality: 4500/50500 = 0.089109
	// share of voice: 25.00 %
}
