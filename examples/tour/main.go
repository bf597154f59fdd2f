// Command tour tells the civitas story on built-in data: a fictional riverside
// city consults its residents and is judged by exact figures.
//
// Usage:
//
//	go run ./examples/tour
//
// The output is deterministic: every record is built in, with fixed IDs and
// times, and every figure is computed from those records by the library.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "tour:", err)
		os.Exit(1)
	}
}

// run writes the whole tour to w.
func run(w io.Writer) error {
	fmt.Fprintln(w, "civitas tour: Riverside, a fictional city, and its park consultation")
	fmt.Fprintln(w)
	card, err := consultationScorecard(sampleConsultation())
	if err != nil {
		return err
	}
	return card.WriteText(w)
}
