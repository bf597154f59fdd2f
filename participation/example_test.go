package participation_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
)

// person returns a fixed example ID.
func person(n byte) uuid.UUID { return uuid.UUID{15: n} }

// The whole life of a petition: created without rules, given rules while a
// draft, opened, signed past its threshold, qualified, submitted to the
// city and answered.
func ExampleInitiative() {
	start := time.Date(2025, 5, 1, 9, 0, 0, 0, time.UTC)
	in, err := participation.NewInitiative(participation.InitiativeSpec{
		ID:         person(100),
		Title:      "Protected bike lane on Elm Street",
		Kind:       participation.KindPetition,
		Initiators: []uuid.UUID{person(1)},
		Created:    start,
	})
	if err != nil {
		panic(err)
	}
	err = in.SetRules(participation.SupportRules{
		Threshold: 4,
		Window:    metrics.Period{Start: start, End: start.AddDate(0, 1, 0)},
		MinAge:    16,
	})
	if err != nil {
		panic(err)
	}
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(in.Open(start))
	resident := stakeholder.Profile{AgeBand: stakeholder.AgeBand35To44, Area: "north", Resident: true}
	for i := range byte(4) {
		must(in.Sign(person(10+i), resident, participation.SigningMethodOnline, start.Add(time.Duration(i+1)*24*time.Hour)))
	}
	fmt.Println("threshold met:", in.ThresholdMet())
	must(in.Qualify(start.AddDate(0, 0, 5)))
	must(in.Submit(participation.PublicBody{ID: person(200), Name: "City of Riverton"}, start.AddDate(0, 0, 6)))
	must(in.Answer(participation.Response{
		Outcome: participation.AnswerOutcomeAdopted,
		Text:    "The lane is in next year's budget.",
		At:      start.AddDate(0, 1, 0),
		Process: person(201), // the city's consultation that took it up
	}))

	for _, e := range in.History() {
		switch e.Kind {
		case participation.EventMilestone:
			fmt.Printf("%s %s %d %%\n", e.At.Format(time.DateOnly), e.Kind, e.Percent)
		case participation.EventSubmitted:
			fmt.Printf("%s %s to %s\n", e.At.Format(time.DateOnly), e.Kind, e.To.Name)
		case participation.EventAnswered:
			fmt.Printf("%s %s: %s, %q\n", e.At.Format(time.DateOnly), e.Kind, e.Outcome, e.Text)
			fmt.Println("  through process", e.Process)
		default:
			fmt.Println(e.At.Format(time.DateOnly), e.Kind)
		}
	}
	// Output:
	// threshold met: true
	// 2025-05-01 created
	// 2025-05-01 opened
	// 2025-05-02 milestone 25 %
	// 2025-05-03 milestone 50 %
	// 2025-05-04 milestone 75 %
	// 2025-05-05 milestone 100 %
	// 2025-05-06 qualified
	// 2025-05-07 submitted to City of Riverton
	// 2025-06-01 answered: adopted, "The lane is in next year's budget."
	//   through process 00000000-0000-0000-0000-0000000000c9
}

// Signing is idempotent per person, and each refusal says why.
func ExampleInitiative_Sign() {
	start := time.Date(2025, 5, 1, 9, 0, 0, 0, time.UTC)
	in, _ := participation.NewInitiative(participation.InitiativeSpec{
		ID: person(100), Title: "Bike lane", Kind: participation.KindPetition,
		Initiators: []uuid.UUID{person(1)}, Created: start,
	})
	_ = in.SetRules(participation.SupportRules{
		Threshold: 100, MinAge: 18, Areas: []string{"north"}, ResidentsOnly: true,
		Window: metrics.Period{Start: start, End: start.AddDate(0, 0, 30)},
	})
	_ = in.Open(start)

	adult := stakeholder.Profile{AgeBand: stakeholder.AgeBand25To34, Area: "north", Resident: true}
	teen := stakeholder.Profile{AgeBand: stakeholder.AgeBand16To17, Area: "north", Resident: true}
	visitor := stakeholder.Profile{AgeBand: stakeholder.AgeBand45To54, Area: "south"}
	for _, try := range []struct {
		who     byte
		profile stakeholder.Profile
		when    time.Time
	}{
		{1, adult, start.Add(time.Hour)},
		{1, adult, start.Add(2 * time.Hour)}, // again
		{2, teen, start.Add(time.Hour)},
		{3, visitor, start.Add(time.Hour)},
		{4, adult, start.AddDate(0, 0, 31)},
	} {
		err := in.Sign(person(try.who), try.profile, participation.SigningMethodOnline, try.when)
		if err != nil {
			// The *SupportError names the person; its reason is the sentinel.
			fmt.Printf("person %d: %v\n", try.who, errors.Unwrap(err))
			continue
		}
		fmt.Printf("person %d: signed\n", try.who)
	}
	fmt.Println("supports:", in.Count())
	// Output:
	// person 1: signed
	// person 1: participation: already signed
	// person 2: participation: supporter not eligible: below the minimum age: profile.age_band = "16-17" (want an age band entirely at or above 18)
	// person 3: participation: supporter not eligible: outside the eligible areas: profile.area = "south" (want one of "north")
	// person 4: participation: signature outside the window: at = 2025-06-01T09:00:00Z (window 2025-05-01T09:00:00Z to 2025-05-31T09:00:00Z)
	// supports: 1
}

// Paper signatures come in as a CSV sheet; every row is accepted or
// returned with its number and reason.
func ExampleInitiative_ImportCSV() {
	start := time.Date(2025, 5, 1, 9, 0, 0, 0, time.UTC)
	in, _ := participation.NewInitiative(participation.InitiativeSpec{
		ID: person(100), Title: "Bike lane", Kind: participation.KindPetition,
		Initiators: []uuid.UUID{person(1)}, Created: start,
	})
	_ = in.SetRules(participation.SupportRules{Threshold: 100, MinAge: 16})
	_ = in.Open(start)

	sheet := `person,signed_at,age_band,sex,area,resident
00000000-0000-0000-0000-000000000001,2025-05-02T10:00:00Z,25-34,f,north,true
00000000-0000-0000-0000-000000000002,2025-05-02T10:05:00Z,0-15,m,north,true
00000000-0000-0000-0000-000000000001,2025-05-02T10:10:00Z,25-34,f,north,true
00000000-0000-0000-0000-000000000003,the second of May,35-44,,north,true
00000000-0000-0000-0000-000000000004,2025-05-02T10:20:00Z,65-74,x,south,false
`
	rep, err := in.ImportCSV(strings.NewReader(sheet))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d rows: %d accepted, %d rejected\n", rep.Rows, rep.Accepted, len(rep.Rejected))
	for _, r := range rep.Rejected {
		switch {
		case errors.Is(r, participation.ErrAlreadySigned):
			fmt.Printf("row %d: duplicate\n", r.Row)
		case errors.Is(r, participation.ErrTooYoung):
			fmt.Printf("row %d: too young\n", r.Row)
		case errors.Is(r, participation.ErrMalformedRow):
			fmt.Printf("row %d: unreadable\n", r.Row)
		}
	}
	// Output:
	// 5 rows: 2 accepted, 3 rejected
	// row 3: too young
	// row 4: duplicate
	// row 5: unreadable
}

// An Initiative is not safe for concurrent use: goroutines that sign share
// a mutex.
func ExampleInitiative_concurrent() {
	start := time.Date(2025, 5, 1, 9, 0, 0, 0, time.UTC)
	in, _ := participation.NewInitiative(participation.InitiativeSpec{
		ID: person(100), Title: "Bike lane", Kind: participation.KindPetition,
		Initiators: []uuid.UUID{person(1)}, Created: start,
	})
	_ = in.Open(start)

	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range byte(50) { // the same 50 people from every goroutine
				mu.Lock()
				_ = in.Sign(person(n+1), stakeholder.Profile{}, participation.SigningMethodOnline, start)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("supports:", in.Count())
	// Output:
	// supports: 50
}

// Who supported the initiative, against who lives there, with small cells
// suppressed before publication.
func ExampleInitiative_Representativeness() {
	start := time.Date(2025, 5, 1, 9, 0, 0, 0, time.UTC)
	in, _ := participation.NewInitiative(participation.InitiativeSpec{
		ID: person(100), Title: "Bike lane", Kind: participation.KindPetition,
		Initiators: []uuid.UUID{person(1)}, Created: start,
	})
	_ = in.Open(start)
	n := byte(1)
	for _, g := range []struct {
		band  stakeholder.AgeBand
		count int
	}{{stakeholder.AgeBand18To24, 6}, {stakeholder.AgeBand25To34, 12}, {stakeholder.AgeBand65To74, 2}} {
		for range g.count {
			_ = in.Sign(person(n), stakeholder.Profile{AgeBand: g.band}, participation.SigningMethodOnline, start)
			n++
		}
	}
	population := []metrics.GroupCount{{Group: "18-24", Count: 1000}, {Group: "25-34", Count: 2000}, {Group: "65-74", Count: 2000}}
	rep, err := in.Representativeness(stakeholder.DimensionAgeBand, metrics.RepresentativenessSpec{
		Population: population, Policy: metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize3}})
	if err != nil {
		panic(err)
	}
	for row := range rep.All() {
		ratio := "withheld"
		if r, ok := row.RepresentationRatio(); ok {
			ratio = r.StringFixed(2)
		}
		fmt.Printf("%-6s supporters %-2s population %s ratio %s\n", row.Group(), row.Participants(), row.PopulationShare().PercentText(), ratio)
	}
	// The index of dissimilarity is computed on the published grouping:
	// 25-34, and the two suppressed groups merged.
	if d, err := rep.Dissimilarity(); err == nil {
		fmt.Println("index of dissimilarity", d.StringFixed(2))
	}
	// Output:
	// 18-24  supporters *  population 20.00 % ratio withheld
	// 25-34  supporters 12 population 40.00 % ratio 1.50
	// 65-74  supporters *  population 40.00 % ratio withheld
	// index of dissimilarity 0.20
}

// Placing what became of initiatives on Arnstein's ladder.
func ExampleAssess() {
	for _, o := range participation.Outcomes() {
		r, _ := participation.Assess(o)
		fmt.Printf("%-22s %-15s %s\n", o.Text(), r.Text(), r.Group().Text())
	}
	// Output:
	// ignored                informing       tokenism
	// acknowledged           consultation    tokenism
	// partly adopted         placation       tokenism
	// adopted with community partnership     citizen power
	// community run          citizen control citizen power
}

// Joining and leaving a grassroots group are idempotent.
func ExampleGroup_Join() {
	founded := time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)
	g, _ := participation.NewGroup(person(50), "Friends of Elm Street", participation.GroupKindGrassroots, "north", []uuid.UUID{person(1)}, founded)
	changed, _ := g.Join(person(2), participation.MemberRoleVolunteer, founded.AddDate(0, 1, 0))
	fmt.Println("joined:", changed)
	changed, _ = g.Join(person(2), participation.MemberRoleVolunteer, founded.AddDate(0, 2, 0))
	fmt.Println("joined again:", changed)
	changed, _ = g.Join(person(2), participation.MemberRoleOrganiser, founded.AddDate(0, 3, 0))
	fmt.Println("new role:", changed)
	left, _ := g.Leave(person(1))
	fmt.Println("left:", left)
	left, _ = g.Leave(person(1))
	fmt.Println("left again:", left)
	for m := range g.Members() {
		fmt.Println(m.ID.String()[24:], m.Role, m.Since.Format(time.DateOnly))
	}
	// Output:
	// joined: true
	// joined again: false
	// new role: true
	// left: true
	// left again: false
	// 000000000002 organiser 2025-02-10
}

// Volunteer figures for a month and retention into the next.
func ExampleSummarizeVolunteering() {
	may := metrics.Period{Start: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)}
	june := metrics.Period{Start: may.End, End: time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)}
	cafe, _ := participation.NewActivity(person(60), "Repair café", person(50))
	_ = cafe.Log(person(1), may.Start.AddDate(0, 0, 3), 150*time.Minute)
	_ = cafe.Log(person(2), may.Start.AddDate(0, 0, 3), 90*time.Minute)
	_ = cafe.Log(person(3), may.Start.AddDate(0, 0, 17), 45*time.Minute)
	_ = cafe.Log(person(1), june.Start.AddDate(0, 0, 7), 2*time.Hour)

	f, err := participation.SummarizeVolunteering([]*participation.VolunteerActivity{cafe}, may, 40)
	if err != nil {
		panic(err)
	}
	hours, _ := f.HoursPerVolunteer.Round(2)
	fmt.Printf("May: %d volunteers of 40 (%s), %d minutes, %s hours each\n",
		f.Volunteers, f.ParticipationRate.PercentText(), f.Minutes, hours.StringFixed(2))
	r, _ := participation.VolunteerRetention([]*participation.VolunteerActivity{cafe}, may, june)
	fmt.Printf("retained into June: %s (%s)\n", r, r.PercentText())
	// Output:
	// May: 3 volunteers of 40 (7.50 %), 285 minutes, 1.58 hours each
	// retained into June: 1/3 (33.33 %)
}

// A self-organised street party: registrations, attendance and walk-ins.
func ExampleGathering() {
	g, _ := participation.NewGathering(person(70), "Elm Street party", person(50), time.Date(2025, 6, 21, 15, 0, 0, 0, time.UTC), "north")
	for n := range byte(4) {
		_, _ = g.Register(person(n + 1))
	}
	for _, n := range []byte{1, 2, 3, 9} {
		_, _ = g.Attend(person(n))
	}
	fmt.Printf("registered %d, attended %d (walk-ins %d), show-up rate %s\n",
		g.Registered(), g.Attendance(), g.WalkIns(), g.AttendanceRate().PercentText())
	// Output:
	// registered 4, attended 4 (walk-ins 1), show-up rate 75.00 %
}
