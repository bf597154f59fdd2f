package concerns

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/civitas-go/civitas/metrics"
)

// WriteReport writes the register's report for people, for period p as of
// now: what was received and what became of it, the scorecard of every
// [Figure] against its default target (with each definition), the open
// backlog by age band, and the issues register. It names no complainant and
// quotes no case's words, so it may be published. It returns the errors of
// [Register.Performance] and the first error of w.
//
//	Riverside park works
//	Period: 1 Apr 2025 to 30 Jun 2025; figures as of 7 Jul 2025 09:00 UTC
//
//	23 cases received in the period: 18 complaints and 5 concerns. Of these, 18 are closed
//	(12 resolved, 4 unresolved, 1 withdrawn and 1 referred out of scope) and 5 are open.
//
//	Riverside park works: figures
//	Indicator                          Value     Basis  Target         Verdict
//	…
//	Open backlog by age (5 open cases): up to 7 days 0, 8 to 30 days 4, 31 to 90 days 1, over 90 days 0.
//
//	Issues (3 issues)
//	- Dust on Elm Street (topic elm street, area riverside): open. 7 cases, 5 open, …
func (r *Register) WriteReport(w io.Writer, title string, p metrics.Period, now time.Time) error {
	fs, err := r.Performance(p, now)
	if err != nil {
		return err
	}
	card, err := fs.Scorecard(title + ": figures")
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\nPeriod: %s; figures as of %s\n\n", title, periodText(p), fs.AsOf.Format("2 Jan 2006 15:04 MST"))
	b.WriteString(r.intake(p) + "\n\n")
	b.WriteString(card.String())
	fmt.Fprintf(&b, "\nOpen backlog by age (%s): ", plural(fs.Open, "open case", "open cases"))
	bands := make([]string, len(fs.Backlog))
	for i, c := range fs.Backlog {
		bands[i] = fmt.Sprintf("%s %d", backlogBands.Text(c.Band), c.Count)
	}
	b.WriteString(strings.Join(bands, ", ") + ".\n")
	fmt.Fprintf(&b, "\nIssues (%s)\n", plural(len(r.issues), "issue", "issues"))
	for _, is := range r.issues {
		b.WriteString("- " + issueLine(is.Summary(p), !p.IsZero()) + "\n")
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// intake describes the cases received in p and what became of them.
func (r *Register) intake(p metrics.Period) string {
	var kinds [3]int
	var outcomesN [5]int
	received, open := 0, 0
	for _, c := range r.cases {
		if !p.Contains(c.Received()) {
			continue
		}
		received++
		kinds[c.details.Kind]++
		if c.state == StateClosed {
			outcomesN[c.outcome]++
		} else {
			open++
		}
	}
	s := fmt.Sprintf("%s received in the period: %s and %s.", plural(received, "case", "cases"),
		plural(kinds[CaseKindComplaint], "complaint", "complaints"), plural(kinds[CaseKindConcern], "concern", "concerns"))
	if received == 0 {
		return s
	}
	closed := received - open
	parts := make([]string, 0, 4)
	for _, o := range Outcomes() {
		if outcomesN[o] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", outcomesN[o], outcomeWords[o]))
		}
	}
	s += fmt.Sprintf(" Of these, %d %s closed", closed, isAre(closed))
	if len(parts) > 0 {
		s += " (" + joinWords(parts) + ")"
	}
	return s + fmt.Sprintf(" and %d %s open.", open, isAre(open))
}

// outcomeWords writes each outcome for the intake sentence.
var outcomeWords = [...]string{"", "resolved", "unresolved", "withdrawn", "referred out of scope"}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// issueLine writes one issue's summary for people.
func issueLine(s IssueSummary, bounded bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (topic %s", s.Title, codeText(s.Topic))
	if s.Area != "" {
		fmt.Fprintf(&b, ", area %s", s.Area)
	}
	fmt.Fprintf(&b, "): %s. %s, %d open, from %s; %s concerned.", issueStates.Text(s.State),
		plural(s.Cases, "case", "cases"), s.OpenCases, plural(s.Complainants, "identified complainant", "identified complainants"),
		plural(s.Stakeholders, "stakeholder", "stakeholders"))
	if bounded {
		fmt.Fprintf(&b, " %d in the period, %d in the period before: %s.", s.InPeriod, s.InPrevious, trendWords[s.Trend])
	}
	fmt.Fprintf(&b, " %s open.", plural(s.OpenActions, "action", "actions"))
	if s.Processes > 0 {
		fmt.Fprintf(&b, " Raised with %s.", plural(s.Processes, "engagement process", "engagement processes"))
	}
	if s.Commitments > 0 {
		fmt.Fprintf(&b, " Answered by %s.", plural(s.Commitments, "commitment", "commitments"))
	}
	return b.String()
}

var trendWords = [...]string{"", "trending down", "flat", "trending up"}

// periodText writes a period for people, with its last day: "1 Jan 2025
// to 31 Mar 2025", or "all time" for the zero period.
func periodText(p metrics.Period) string {
	if p.IsZero() {
		return "all time"
	}
	const day = "2 Jan 2006"
	last := p.End.Add(-time.Nanosecond)
	if p.Start.Hour() != 0 || p.Start.Minute() != 0 || p.End.Hour() != 0 || p.End.Minute() != 0 {
		const minute = "2 Jan 2006 15:04 MST"
		return p.Start.Format(minute) + " to " + p.End.Format(minute) + " (end excluded)"
	}
	return p.Start.Format(day) + " to " + last.Format(day)
}
