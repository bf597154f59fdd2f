// Command city-consultation tells how Riverside City Council involved its
// residents in redesigning Riverside Park, with package engagement: the
// plan it derived from its stakeholder map and the stakeholders the plan
// shows it missed, its outreach, a design workshop, a survey and a town hall,
// the residents' input and the council's answers, a decision that names the
// input that shaped it, the commitments and their progress, and the
// residents' petition for a protected bike lane (package participation),
// which the consultation took up and answered. It ends with the promise
// audit (what the council promised against what its records show, and the
// rung of Arnstein's ladder the residents reached) and the scorecards of the
// process and of the six roles in the field.
//
// The records and the report live in internal/riverside, shared with the
// tour. Every ID and time is fixed, so the output is the same on every run.
//
// Usage:
//
//	go run ./examples/city-consultation
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/civitas-go/civitas/internal/riverside"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "city-consultation:", err)
		os.Exit(1)
	}
}

// run builds the scenario and writes the report to w.
func run(w io.Writer) error {
	c, err := riverside.BuildConsultation()
	if err != nil {
		return err
	}
	return c.WriteReport(w)
}
