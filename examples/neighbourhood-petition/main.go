// Command neighbourhood-petition tells the story of a bottom-up initiative
// with package participation: residents of the Elm Street neighbourhood
// petition their city for a protected bike lane. They set the rules for
// gathering support (40 supports from residents aged 16 or over of three
// districts, at least 15 of them from Elm, during May 2025), gather
// signatures online and on paper at a street stall (some refused: before or
// after the window, too young, not a resident, from outside the
// neighbourhood, signed twice, unreadable), qualify and submit the petition
// to the city. It prints the progress milestones, the figures of the
// campaign and the supporters' representativeness against the
// neighbourhood's population as it may be published: small cells
// suppressed, and the index of dissimilarity and representation score
// computed on the published grouping, never on a suppressed count.
//
// The petition's records and steps are in internal/riverside/petition.go,
// shared with the tour, which goes on to show the council taking it up.
// Every ID and time is fixed, so the output is the same on every run.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/civitas-go/civitas/internal/riverside"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "neighbourhood-petition:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	_, err := riverside.Petition(w)
	return err
}
