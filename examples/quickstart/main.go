// Command quickstart is the README's quick start: a council promises to
// consult, hears one idea, and the promise audit says what it still owes.
package main

import (
	"fmt"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
)

func main() {
	day := func(d int) time.Time { return time.Date(2025, time.March, d, 9, 0, 0, 0, time.UTC) }
	id := func(n byte) uuid.UUID { return uuid.UUID{0: 0xc1, 15: n} } // fixed IDs, no randomness
	council, err := engagement.NewAuthority(id(1), "Riverside City Council", id(2))
	check(err)
	p, err := engagement.NewProcess(engagement.ProcessSpec{ID: id(3), Title: "Park redesign",
		Question: "How should the park change?", Authority: council, Level: engagement.LevelConsult}, day(1))
	check(err)
	check(p.Announce(day(2)))
	check(p.Open(day(3)))
	ada := engagement.Participant{ID: id(4), Profile: stakeholder.Profile{Area: "north", Resident: true}}
	check(p.Contribute(engagement.Submission{ID: id(5), Participant: ada, Kind: engagement.ContributionKindIdea,
		Text: "A play area where the car park is"}, day(4)))
	audit, err := p.Audit(day(20)) // what the consult promise owes, kept or not, and the rung reached
	check(err)
	fmt.Print(audit)
}

func check(err error) {
	if err != nil {
		panic(err)
	}
}
