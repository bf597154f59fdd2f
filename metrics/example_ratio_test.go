package metrics_test

import (
	"errors"
	"fmt"

	"github.com/civitas-go/civitas/metrics"
)

// A proportion keeps its numerator and denominator beside its value, so a
// report can say how many people a percentage stands for.
func ExampleNewProportion() {
	attended, err := metrics.NewProportion(45, 60)
	if err != nil {
		panic(err)
	}
	fmt.Println(attended, "=", attended.ValueText(), "=", attended.PercentText())

	// 2/3 = 0.666666… rounds half away from zero, once, from the exact quotient.
	twoThirds, _ := metrics.NewProportion(2, 3)
	fmt.Println(twoThirds, "=", twoThirds.ValueText(), "=", twoThirds.PercentText())

	// More attendees than registrations is a data error, not a rate.
	_, err = metrics.NewProportion(61, 60)
	fmt.Println(errors.Is(err, metrics.ErrPartExceedsWhole), err)
	// Output:
	// 45/60 = 0.750000 = 75.00 %
	// 2/3 = 0.666667 = 66.67 %
	// true metrics: part exceeds whole: part = 61
}

// With nobody registered there is no attendance rate: the ratio is
// undefined, not zero, and says so instead of panicking.
func ExampleRatio_Value() {
	none, _ := metrics.NewProportion(0, 0)
	_, err := none.Value()
	fmt.Println(none.Defined(), errors.Is(err, metrics.ErrUndefined), none.PercentText())
	// Output: false true undefined
}

// Cmp compares exactly by cross-multiplication, so 2/3 equals 40/60 and
// is above 0.666666; an undefined ratio sorts first.
func ExampleRatio_Cmp() {
	a, _ := metrics.NewRatio(2, 3)
	b, _ := metrics.NewRatio(40, 60)
	c, _ := metrics.NewRatio(666_666, 1_000_000)
	fmt.Println(a.Cmp(b), a.Cmp(c), metrics.Ratio{}.Cmp(c))
	// Output: 0 1 -1
}
