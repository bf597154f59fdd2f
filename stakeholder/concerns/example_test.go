package concerns_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder/concerns"
)

// A complaint from first call to closure, and the figures it makes.
func ExampleRegister() {
	day := func(d int) time.Time { return time.Date(2025, time.March, d, 9, 0, 0, 0, time.UTC) }
	officer := uuid.UUID{0: 0xc1, 15: 1}
	complaint := uuid.UUID{0: 0xc1, 15: 2}
	r, err := concerns.NewRegister(concerns.DefaultRules()) // acknowledge in 2 days, propose in 15
	if err != nil {
		panic(err)
	}
	check := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	check(r.Receive(concerns.CaseDetails{ID: complaint, Kind: concerns.CaseKindComplaint, Channel: concerns.IntakeChannelPhone,
		Category: "noise", Topics: []string{"night_work"}, Severity: concerns.SeverityMedium, Area: "riverside",
		Complainant: concerns.Complainant{Disclosure: concerns.DisclosureNamed, ID: uuid.UUID{0: 0xc1, 15: 3}, Confidential: true}},
		officer, day(3)))
	check(r.Acknowledge(complaint, officer, day(4)))
	check(r.Assess(complaint, concerns.Assessment{Scope: concerns.ScopeIn}, officer, day(4)))
	check(r.Investigate(complaint, officer, day(5)))
	check(r.ProposeResolution(complaint, "No machinery after 19:00", officer, day(12)))
	// Accepting a proposal twice is refused, and changes nothing.
	check(r.Accept(complaint, officer, day(13)))
	fmt.Println(r.Accept(complaint, officer, day(13)))
	check(r.Close(complaint, "Working hours changed", officer, day(20)))

	c, _ := r.Case(complaint)
	fmt.Println(c)
	march := metrics.Period{Start: day(1), End: time.Date(2025, time.April, 1, 0, 0, 0, 0, time.UTC)}
	fs, err := r.Performance(march, day(31))
	check(err)
	for _, f := range []concerns.Figure{concerns.FigureAcknowledgedOnTime, concerns.FigureMedianDaysToClose, concerns.FigureResolvedShare} {
		e, err := fs.Evaluate(f)
		check(err)
		if basis := e.Basis(); basis != "" {
			fmt.Printf("%s: %s (%s), %s\n", f.Label(), e.ValueText(), basis, e.Verdict())
		} else {
			fmt.Printf("%s: %s, %s\n", f.Label(), e.ValueText(), e.Verdict())
		}
	}
	// Output:
	// concerns: cannot accept a case in state accepted: concerns: event not allowed in this state
	// complaint c1000000-0000-0000-0000-000000000002, noise (night work), medium severity, area riverside, received 3 Mar 2025 by phone from a confidential complainant: closed resolved
	// Complaints acknowledged on time: 100.00 % (1 of 1), met
	// Median days to close a complaint: 17.00 d, not_met
	// Complaints resolved: 100.00 % (1 of 1), met
}

// A complaints log kept in a spreadsheet, read row by row: the second row
// is acknowledged before it was received, so its case is kept as far as
// it went and the row says why it stopped.
func ExampleRegister_ImportCSV() {
	r, _ := concerns.NewRegister(concerns.DefaultRules())
	log := "Case,Received at,Officer,Kind,Channel,Category,Severity,Disclosure,Acknowledged at\n" +
		"c1000000-0000-0000-0000-000000000001,2025-03-03 09:00,c1000000-0000-0000-0000-0000000000ff,complaint,phone,dust,low,anonymous,2025-03-04 09:00\n" +
		"c1000000-0000-0000-0000-000000000002,2025-03-05 09:00,c1000000-0000-0000-0000-0000000000ff,concern,web form,access,high,anonymous,2025-03-04 09:00\n"
	res, err := r.ImportCSV(strings.NewReader(log))
	if err != nil {
		panic(err)
	}
	fmt.Println(res)
	for _, row := range res.Rows {
		if row.Err != nil {
			fmt.Fprintln(os.Stdout, row.Status, row.Err)
		}
	}
	// Output:
	// 2 rows: 1 recorded, 1 partly recorded, 0 rejected
	// partial concerns: row 3: step 2 (acknowledge): concerns: cannot acknowledge a case in state received: concerns: time before the latest recorded change: acknowledged at 2025-03-04T09:00:00Z, latest event at 2025-03-05T09:00:00Z
}
