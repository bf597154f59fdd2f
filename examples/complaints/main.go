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
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/internal/riverside"
	"github.com/civitas-go/civitas/stakeholder/concerns"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "complaints:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	q, err := riverside.Complaints()
	if err != nil {
		return err
	}
	reg := q.Register
	var b strings.Builder
	fmt.Fprintf(&b, "Riverside park works: the community relations register, April to June 2025\n\n")
	rules := reg.Rules()
	fmt.Fprintf(&b, "Published rules: acknowledge within %d days, propose a resolution within %d days (extendable by up to %d, "+
		"the clock stopped while the complainant is asked for information), %d levels of review: officer, manager, independent panel.\n\n",
		rules.AcknowledgeWithinDays, rules.ProposeWithinDays, rules.MaxExtensionDays, rules.Levels)
	writeLog(&b, q.Log)
	if err := story(&b, reg); err != nil {
		return err
	}
	if err := reg.WriteReport(&b, "Riverside park works", q.Quarter, q.AsOf); err != nil {
		return err
	}
	if err := roleCards(&b, q); err != nil {
		return err
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// writeLog says what became of each row of the officer's spreadsheet that
// the rules did not take in full.
func writeLog(b *strings.Builder, res concerns.ImportResult) {
	fmt.Fprintf(b, "1. The complaints log\n\nThe officer's spreadsheet: %s.\n", res)
	statusText := map[concerns.RowStatus]string{concerns.RowStatusPartial: "partly recorded", concerns.RowStatusRejected: "rejected"}
	for _, row := range res.Rows {
		if row.Err != nil {
			fmt.Fprintf(b, "- %s: %v\n", statusText[row.Status], row.Err)
		}
	}
	b.WriteString("The case of the row stopped at its closure is kept as far as it went; the officer closed it with the reason on 23 Jun 2025. " +
		"The row that could not be read recorded nothing and waits to be entered again.\n\n")
}

// story tells one complaint from first call to closed issue.
func story(b *strings.Builder, reg *concerns.Register) error {
	c, err := reg.Case(riverside.ComplaintCase(2))
	if err != nil {
		return err
	}
	fmt.Fprintf(b, "2. From first call to closed issue\n\n%s\n", c)
	for _, e := range c.History() {
		writeStep(b, e.At, e.Event.String(), e.By, e.Text)
	}
	is, err := reg.Issue(riverside.NightWorkIssue)
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
	line := fmt.Sprintf("  %s  %-22s %-18s %s", t.Format("02 Jan 15:04"), strings.ReplaceAll(event, "_", " "), riverside.StaffName(by), text)
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

// roleCards prints the register's figures the community relations officer
// and manager are judged by: the rows their scorecards gain from it
// (scorecard.Role.ComplaintFigures), each against its target.
func roleCards(b *strings.Builder, q *riverside.ComplaintsQuarter) error {
	fs, err := q.Register.Performance(q.Quarter, q.AsOf)
	if err != nil {
		return err
	}
	b.WriteString("\n4. The figures the community relations officer and manager are judged by\n")
	for _, card := range []struct {
		title string
		role  scorecard.Role
	}{
		{"Community Relations Officer: timely response, conflicts resolved", scorecard.RoleCommunityRelationsOfficer},
		{"Community Relations Manager: conflict resolution", scorecard.RoleCommunityRelationsManager},
	} {
		sc, err := fs.Scorecard(card.title, card.role.ComplaintFigures()...)
		if err != nil {
			return err
		}
		b.WriteString("\n" + sc.String())
	}
	return nil
}
