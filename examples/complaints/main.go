// Command complaints follows a quarter of concerns and complaints around
// the Riverside park works, a fictional construction site, from first call
// to closed issue: it reads the community relations officer's complaints
// log (a spreadsheet, embedded), shows the rows the rules refused and why,
// carries the cases the log leaves open through their next steps (an
// appeal to the manager and the independent panel, a question to a
// complainant, an extension), groups recurring cases into issues with
// their actions, the engagement process they were raised with and the
// commitment that answered them, and prints the register's figures
// against their targets and the issues register.
//
// All data is built in, with fixed IDs and times, so every run prints the
// same. No complainant is named: the log's confidential complainant stays
// out of every line printed.
//
// Usage:
//
//	go run ./examples/complaints
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder/concerns"
)

// complaintsLog is the officer's log of the quarter, as the spreadsheet
// exports it (with a byte-order mark and its own column titles).
//
//go:embed complaints.csv
var complaintsLog string

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "complaints:", err)
		os.Exit(1)
	}
}

// Fixed IDs: cases 0…01nn, staff 0…09nn, issues 0…04nn, actions 0…05nn,
// the engagement process and its commitment 0…06nn.
func caseID(n int) uuid.UUID  { return fixed(100 + n) }
func issueID(n int) uuid.UUID { return fixed(400 + n) }

func fixed(n int) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("00000000-0000-4000-8000-%012d", n))
}

var (
	officer = fixed(901) // community relations officer
	manager = fixed(902) // community relations manager
	panel   = fixed(903) // independent review panel

	parkProcess      = fixed(601) // the park redesign consultation (engagement.Process)
	barrierPromise   = fixed(602) // its commitment to an acoustic barrier (engagement.Commitment)
	parkConsultation = concerns.Link{Kind: concerns.LinkKindProcess, ID: parkProcess}

	staff = map[uuid.UUID]string{officer: "officer", manager: "manager", panel: "independent panel"}

	nightWork = issueID(1)
	schoolWay = issueID(2)
	elmDust   = issueID(3)
)

// at reads a time of the quarter, "2025-04-02 09:10", in UTC.
func at(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

// quarter is the second quarter of 2025; the figures are as of 7 July.
var (
	quarter = metrics.Period{Start: at("2025-04-01 00:00"), End: at("2025-07-01 00:00")}
	asOf    = at("2025-07-07 09:00")
)

func run(w io.Writer) error {
	var b strings.Builder
	reg, err := concerns.NewRegister(concerns.DefaultRules())
	if err != nil {
		return err
	}
	fmt.Fprintf(&b, "Riverside park works: the community relations register, April to June 2025\n\n")
	rules := reg.Rules()
	fmt.Fprintf(&b, "Published rules: acknowledge within %d days, propose a resolution within %d days (extendable by up to %d, "+
		"the clock stopped while the complainant is asked for information), %d levels of review: officer, manager, independent panel.\n\n",
		rules.AcknowledgeWithinDays, rules.ProposeWithinDays, rules.MaxExtensionDays, rules.Levels)

	if err := importLog(&b, reg); err != nil {
		return err
	}
	if err := followUp(reg); err != nil {
		return err
	}
	if err := issues(reg); err != nil {
		return err
	}
	if err := story(&b, reg); err != nil {
		return err
	}
	if err := reg.WriteReport(&b, "Riverside park works", quarter, asOf); err != nil {
		return err
	}
	if err := roleCards(&b, reg); err != nil {
		return err
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// importLog reads the officer's spreadsheet and says what became of each
// row the rules did not take in full; the row refused for a missing reason
// is then completed by hand, as the officer would.
func importLog(b *strings.Builder, reg *concerns.Register) error {
	res, err := reg.ImportCSV(strings.NewReader(complaintsLog))
	if err != nil {
		return err
	}
	fmt.Fprintf(b, "1. The complaints log\n\nThe officer's spreadsheet: %s.\n", res)
	statusText := map[concerns.RowStatus]string{concerns.RowStatusPartial: "partly recorded", concerns.RowStatusRejected: "rejected"}
	for _, row := range res.Rows {
		if row.Err != nil {
			fmt.Fprintf(b, "- %s: %v\n", statusText[row.Status], row.Err)
		}
	}
	// One row stopped at its closure, which needs a reason when the
	// complainant did not accept: the case is kept as far as it went, and
	// the officer adds the reason.
	if err := reg.Close(caseID(24), "The complainant wants compensation for cleaning, outside the works' remit", officer, at("2025-06-23 12:00")); err != nil {
		return err
	}
	b.WriteString("The case of the row stopped at its closure is kept as far as it went; the officer closed it with the reason on 23 Jun 2025. " +
		"The row that could not be read recorded nothing and waits to be entered again.\n\n")
	return nil
}

// followUp carries the cases the log leaves open through their next steps.
func followUp(reg *concerns.Register) error {
	steps := []func() error{
		// Case 2 appealed the shorter hours: the manager offers a barrier.
		func() error {
			return reg.ProposeResolution(caseID(2), "Acoustic barrier on the east side by 15 May", manager, at("2025-04-20 10:00"))
		},
		func() error { return reg.Accept(caseID(2), manager, at("2025-04-22 09:00")) },
		func() error { return reg.Close(caseID(2), "Barrier built on 15 May", manager, at("2025-05-20 12:00")) },
		// Case 8: the officer asks which nights; the clock stops for 7 days.
		func() error {
			return reg.RequestInformation(caseID(8), "Which nights, and at what times?", officer, at("2025-05-07 10:00"))
		},
		func() error {
			return reg.ProvideInformation(caseID(8), "A noise log for three nights", officer, at("2025-05-14 10:00"))
		},
		func() error {
			return reg.ProposeResolution(caseID(8), "Pumps switched off at 19:00 with the machinery", officer, at("2025-05-22 15:00"))
		},
		func() error { return reg.Accept(caseID(8), officer, at("2025-05-23 09:00")) },
		func() error { return reg.Close(caseID(8), "Pumps off at night", officer, at("2025-06-10 12:00")) },
		// Case 20 climbs every level and ends unresolved.
		func() error { return reg.Link(caseID(20), parkConsultation, officer, at("2025-05-12 10:00")) },
		func() error {
			return reg.ProposeResolution(caseID(20), "Independent arborist survey; trees kept unless unsafe", manager, at("2025-05-26 10:00"))
		},
		func() error {
			return reg.Escalate(caseID(20), "Wants the independent panel", manager, at("2025-06-02 09:00"))
		},
		func() error {
			return reg.ProposeResolution(caseID(20), "Four trees kept; two unsafe trees felled and replaced by six", panel, at("2025-06-16 10:00"))
		},
		func() error {
			return reg.Close(caseID(20), "The complainant did not accept the panel's decision; the panel is the last level", panel, at("2025-06-30 12:00"))
		},
		// Case 15: the air quality results come late; the deadline is extended.
		func() error {
			return reg.Extend(caseID(15), 10, "Air quality monitor results due on 30 June", officer, at("2025-06-20 10:00"))
		},
	}
	return each(steps)
}

// issues groups the recurring cases and records what was done about them.
func issues(reg *concerns.Register) error {
	action := func(n int, text, due string) concerns.Action {
		a := concerns.Action{ID: fixed(500 + n), Text: text}
		if due != "" {
			a.Due = at(due)
		}
		return a
	}
	add := func(issue uuid.UUID, when string, cases ...int) func() error {
		return func() error {
			for _, c := range cases {
				if err := reg.AddToIssue(issue, caseID(c), manager, at(when)); err != nil {
					return err
				}
			}
			return nil
		}
	}
	steps := []func() error{
		// The school path: closed, reopened when the warden missed two mornings, closed again.
		func() error {
			return reg.OpenIssue(concerns.IssueDetails{ID: schoolWay, Title: "School path closed by the works", Topic: "path_closure", Area: "riverside"},
				manager, at("2025-04-09 10:00"))
		},
		add(schoolWay, "2025-04-09 10:00", 9, 10, 11),
		func() error {
			return reg.AddAction(schoolWay, action(1, "Temporary path via Elm Street", "2025-04-10 07:00"), manager, at("2025-04-09 10:00"))
		},
		func() error { return reg.CompleteAction(schoolWay, fixed(501), manager, at("2025-04-10 07:00")) },
		// Night work: raised with the park consultation, answered by its commitment.
		func() error {
			return reg.OpenIssue(concerns.IssueDetails{ID: nightWork, Title: "Night-time noise from the park works", Topic: "night_work", Area: "riverside"},
				manager, at("2025-04-12 09:00"))
		},
		add(nightWork, "2025-04-12 09:00", 1, 2, 3, 4, 5),
		func() error {
			return reg.AddAction(nightWork, action(2, "Machinery stops at 19:00", "2025-04-14 07:00"), manager, at("2025-04-12 09:00"))
		},
		func() error { return reg.RaiseWithProcess(nightWork, parkProcess, manager, at("2025-04-14 09:00")) },
		func() error { return reg.CompleteAction(nightWork, fixed(502), manager, at("2025-04-14 09:00")) },
		add(schoolWay, "2025-04-15 10:00", 12),
		add(nightWork, "2025-04-16 09:00", 6),
		func() error {
			return reg.AddAction(schoolWay, action(3, "Crossing warden at school times", "2025-04-22 08:00"), manager, at("2025-04-17 15:00"))
		},
		func() error {
			return reg.AddAction(nightWork, action(4, "Acoustic barrier on the east side", "2025-05-15 17:00"), manager, at("2025-04-20 10:00"))
		},
		func() error { return reg.CompleteAction(schoolWay, fixed(503), manager, at("2025-04-22 08:00")) },
		add(nightWork, "2025-04-23 09:00", 7),
		func() error {
			return reg.AnswerWithCommitment(nightWork, barrierPromise, manager, at("2025-05-01 12:00"))
		},
		func() error {
			return reg.CloseIssue(schoolWay, "Temporary path lit and signed; a warden at school times", manager, at("2025-05-02 15:00"))
		},
		add(nightWork, "2025-05-06 09:00", 8),
		func() error {
			return reg.ReopenIssue(schoolWay, "The warden was missing on two mornings", manager, at("2025-05-12 09:00"))
		},
		func() error {
			return reg.Reopen(caseID(12), "The warden was missing on two mornings", officer, at("2025-05-12 09:00"))
		},
		func() error {
			return reg.Assess(caseID(12), concerns.Assessment{Scope: concerns.ScopeIn}, officer, at("2025-05-12 10:00"))
		},
		func() error {
			return reg.ProposeResolution(caseID(12), "A warden rota with a stand-in", officer, at("2025-05-13 09:00"))
		},
		func() error { return reg.Accept(caseID(12), officer, at("2025-05-13 16:00")) },
		func() error { return reg.CompleteAction(nightWork, fixed(504), manager, at("2025-05-15 17:00")) },
		func() error {
			return reg.Close(caseID(12), "Stand-in warden on every school day", officer, at("2025-05-23 12:00"))
		},
		func() error {
			return reg.CloseIssue(schoolWay, "Warden rota kept for a week", manager, at("2025-05-26 09:00"))
		},
		add(nightWork, "2025-06-05 10:00", 22),
		func() error {
			return reg.CloseIssue(nightWork, "Hours kept and the barrier built; no night-work case since 5 June", manager, at("2025-06-12 09:00"))
		},
		// Dust on Elm Street: growing, still open.
		func() error {
			return reg.OpenIssue(concerns.IssueDetails{ID: elmDust, Title: "Dust on Elm Street", Topic: "elm_street", Area: "riverside"},
				manager, at("2025-06-11 11:00"))
		},
		add(elmDust, "2025-06-11 11:00", 13, 24, 14, 15),
		func() error {
			return reg.AddAction(elmDust, action(5, "Wheel wash at the site gate", "2025-06-30 17:00"), manager, at("2025-06-11 11:00"))
		},
		func() error { return reg.RaiseWithProcess(elmDust, parkProcess, manager, at("2025-06-12 09:00")) },
		add(elmDust, "2025-06-27 09:00", 16, 17, 18),
	}
	return each(steps)
}

// story tells one complaint from first call to closed issue.
func story(b *strings.Builder, reg *concerns.Register) error {
	c, err := reg.Case(caseID(2))
	if err != nil {
		return err
	}
	fmt.Fprintf(b, "2. From first call to closed issue\n\n%s\n", c)
	for _, e := range c.History() {
		writeStep(b, e.At, e.Event.String(), e.By, e.Text)
	}
	is, err := reg.Issue(nightWork)
	if err != nil {
		return err
	}
	fmt.Fprintf(b, "\nIts issue, %q:\n", is.Details().Title)
	for _, e := range is.History() {
		text := e.Text
		switch e.Event {
		case concerns.IssueEventCaseAdded:
			text = "case " + e.Case.String()
		case concerns.IssueEventProcessLinked:
			text = "the park redesign consultation"
		case concerns.IssueEventCommitmentLinked:
			text = "its commitment to an acoustic barrier"
		case concerns.IssueEventActionCompleted:
			text = actionText(is, e.Action)
		}
		writeStep(b, e.At, e.Event.String(), e.By, text)
	}
	b.WriteString("\n3. The register's figures and issues\n\n")
	return nil
}

// writeStep writes one dated, attributed step of a history.
func writeStep(b *strings.Builder, t time.Time, event string, by uuid.UUID, text string) {
	line := fmt.Sprintf("  %s  %-22s %-18s %s", t.Format("02 Jan 15:04"), strings.ReplaceAll(event, "_", " "), staff[by], text)
	b.WriteString(strings.TrimRight(line, " ") + "\n")
}

func actionText(is *concerns.Issue, id uuid.UUID) string {
	for _, a := range is.Actions() {
		if a.ID == id {
			return a.Text
		}
	}
	return ""
}

// roleCards prints the figures the community relations officer and manager
// are judged by: a proposal for their scorecards.
func roleCards(b *strings.Builder, reg *concerns.Register) error {
	fs, err := reg.Performance(quarter, asOf)
	if err != nil {
		return err
	}
	b.WriteString("\n4. The figures the community relations officer and manager are judged by\n")
	for _, card := range []struct {
		title string
		figs  []concerns.Figure
	}{
		{"Community Relations Officer: timely response, conflicts resolved", []concerns.Figure{concerns.FigureAcknowledgedOnTime,
			concerns.FigureProposedOnTime, concerns.FigureMedianDaysToClose, concerns.FigureResolvedShare}},
		{"Community Relations Manager: conflict resolution", []concerns.Figure{concerns.FigureAcceptedShare,
			concerns.FigureEscalationRate, concerns.FigureReopenRate, concerns.FigureRepeatComplainants, concerns.FigureIssuesTrendingUp}},
	} {
		sc, err := fs.Scorecard(card.title, card.figs...)
		if err != nil {
			return err
		}
		b.WriteString("\n" + sc.String())
	}
	return nil
}

// each runs the steps in order and returns the first error.
func each(steps []func() error) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
