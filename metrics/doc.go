// Package metrics computes the figures by which engagement and participation
// are judged, each with one written definition, its denominator and an exact
// value.
//
// Every figure is built on [Ratio], an exact quotient of two integers that
// keeps its numerator and denominator. Values are [decimal.Decimal] rounded
// once, half away from zero, to [ValuePlaces] (or [PercentPlaces] for
// percentages). A zero denominator is not a panic but an undefined figure
// ([ErrUndefined]); bad input is rejected with a sentinel error such as
// [ErrNegative] or [ErrPartExceedsWhole] that errors.Is matches.
//
// The package imports nothing else of civitas, so any program can use it on
// its own records.
package metrics
