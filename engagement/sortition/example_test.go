package sortition_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/civitas-go/civitas/engagement/sortition"
)

// examplePool is twelve volunteers: more women than men and more people
// from the north than the south, two of them sharing a household.
const examplePool = `id,household,sex,area
V01,,f,north
V02,,f,north
V03,,f,north
V04,,f,north
V05,,f,south
V06,H1,f,north
V07,H1,m,north
V08,,m,north
V09,,m,south
V10,,m,south
V11,,f,north
V12,,f,south
`

// The quotas ask for a panel of four with two of each sex and one or two
// from the south. The four men share two seats and the eight women two,
// so no distribution can give a woman more than 1/4; leximin gives every
// woman exactly that, whichever area she lives in, and still meets the
// south quota in every panel.
func ExampleFair() {
	pool, err := sortition.ReadPool(strings.NewReader(examplePool))
	if err != nil {
		panic(err)
	}
	quotas, err := sortition.ReadQuotas(strings.NewReader("feature,value,min,max\nsex,f,2,2\nsex,m,2,2\narea,south,1,2\n"))
	if err != nil {
		panic(err)
	}
	d, err := sortition.Fair(pool, sortition.Spec{PanelSize: 4, Quotas: quotas}, sortition.AlgorithmLeximin)
	if err != nil {
		panic(err)
	}
	for i := range pool.Len() {
		r := pool.Respondent(i)
		fmt.Printf("%s %s %-5s %s\n", r.ID, r.Values[0], r.Values[1], d.Probability(i).RatString())
	}
	fmt.Println("least:", d.Min().RatString(), "below k/n by", d.Shortfall().RatString())
	// Output:
	// V01 f north 1/4
	// V02 f north 1/4
	// V03 f north 1/4
	// V04 f north 1/4
	// V05 f south 1/4
	// V06 f north 1/4
	// V07 m north 1/2
	// V08 m north 1/2
	// V09 m south 1/2
	// V10 m south 1/2
	// V11 f north 1/4
	// V12 f south 1/4
	// least: 1/4 below k/n by 1/12
}

// A lottery of ten panels, and the draw: the seed comes from the inputs'
// hash and public randomness named in advance, so anyone can check which
// panel it picks.
func ExampleLottery_Draw() {
	pool, err := sortition.ReadPool(strings.NewReader(examplePool))
	if err != nil {
		panic(err)
	}
	spec := sortition.Spec{PanelSize: 4, Quotas: []sortition.Quota{
		{Feature: "sex", Value: "f", Min: 2, Max: 2}, {Feature: "sex", Value: "m", Min: 2, Max: 2},
	}}
	d, err := sortition.Fair(pool, spec, sortition.AlgorithmLeximin)
	if err != nil {
		panic(err)
	}
	l, err := d.Round(10)
	if err != nil {
		panic(err)
	}
	draw, err := l.Draw("Lotto 2026-03-07: 5 12 19 28 33 41")
	if err != nil {
		panic(err)
	}
	fmt.Println("ticket", draw.Ticket, "of", draw.LotterySize, "panel", draw.Panel)
	fmt.Println("V07 under the lottery:", l.Probability(6).RatString(), "exactly:", d.Probability(6).RatString())
	// Output:
	// ticket 9 of 10 panel [V03 V06 V08 V10]
	// V07 under the lottery: 1/2 exactly: 1/2
}

// Quotas no panel can meet come back with the smallest relaxation.
func ExampleInfeasibleError() {
	pool, err := sortition.ReadPool(strings.NewReader(examplePool))
	if err != nil {
		panic(err)
	}
	spec := sortition.Spec{PanelSize: 4, Quotas: []sortition.Quota{
		{Feature: "sex", Value: "m", Min: 3, Max: 4},
		{Feature: "area", Value: "south", Min: 4, Max: 4},
	}}
	_, err = sortition.Fair(pool, spec, sortition.AlgorithmLeximin)
	var ie *sortition.InfeasibleError
	if errors.As(err, &ie) {
		for _, c := range ie.Relaxation {
			fmt.Printf("%s=%s: min %d → %d, max %d → %d\n", c.Feature, c.Value, c.Min, c.NewMin, c.Max, c.NewMax)
		}
	}
	// Output:
	// sex=m: min 3 → 2, max 4 → 4
}
