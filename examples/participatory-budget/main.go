// Command participatory-budget runs a district's participatory budget from
// the first proposal to the monitoring of the funded projects, on built-in
// data (internal/riverside's Elm Ward budget, which the tour tells too):
// Riverside City Council gives Elm Ward EUR 200,000; residents propose
// projects (one of them from a petition that gathered its signatures), the
// council reviews each for feasibility and says why it turns two down,
// residents vote online and on paper ballot sheets, verified against the
// census; one ballot is rejected for spending too little of the budget and
// one voter tries to vote twice. The council saves the whole budget as JSON
// at the close of voting and counts from the copy it restores. The Method
// of Equal Shares decides, each funded project becomes a commitment with
// milestones, and the promise audit and the scorecard follow its progress.
//
// Usage:
//
//	go run ./examples/participatory-budget
//
// The output is deterministic: fixed IDs and times, no clock, no
// randomness.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/internal/riverside"
	"github.com/civitas-go/civitas/metrics"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "participatory-budget:", err)
		os.Exit(1)
	}
}

// run tells the story to w.
func run(w io.Writer) error {
	s := &story{w: w}
	steps := []func() error{s.setUp, s.propose, s.review, s.vote, s.saveAndRestore, s.count, s.implement}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return s.err
}

// story holds the run and writes as it goes; the first write error stops
// the output and is returned.
type story struct {
	w   io.Writer
	err error
	wb  *riverside.WardBudget
}

// printf writes to the story's writer, keeping the first error.
func (s *story) printf(format string, args ...any) {
	if s.err == nil {
		_, s.err = fmt.Fprintf(s.w, format, args...)
	}
}

// setUp builds the budget, its process and the petition.
func (s *story) setUp() error {
	wb, err := riverside.NewWardBudget()
	if err != nil {
		return err
	}
	s.wb = wb
	p := wb.Budget.Process()
	s.printf("%s\n%s\n\n", p.Title(), strings.Repeat("=", len(p.Title())))
	s.printf("%s asks: %s\nPromise: %s. Residents of Elm Ward aged 16 or over vote; the census decides who they are.\n\n",
		p.Authority().Name(), p.Question(), p.Level().Text())
	for _, ph := range p.Phases() {
		s.printf("  %-20s %s to %s\n", ph.Label(), ph.Start.Format(time.DateOnly), ph.End.Format(time.DateOnly))
	}
	s.printf("\nThe petition %q gathered %d signatures and was taken up on %s.\n",
		wb.Petition.Title(), wb.Petition.Count(), wb.TakenUp.Format(time.DateOnly))
	return nil
}

// propose hands in the proposals.
func (s *story) propose() error {
	if err := s.wb.Propose(); err != nil {
		return err
	}
	s.printf("\n%d proposals came in during proposal collection.\n", s.wb.Budget.Process().ContributionCount())
	return nil
}

// review reviews every proposal.
func (s *story) review() error {
	if err := s.wb.Review(); err != nil {
		return err
	}
	s.printf("\nFeasibility review\n------------------\n")
	for rec := range s.wb.Budget.Proposals() {
		if rec.Review.Feasible {
			s.printf("  feasible      %-42s EUR %s (estimated %s), %s\n", rec.Proposal.Title, rec.Review.Cost, rec.Proposal.Cost, rec.Review.Owner)
		} else {
			s.printf("  not feasible  %-42s %s\n", rec.Proposal.Title, rec.Review.Reason)
		}
	}
	return nil
}

// vote opens the ballot, casts the online ballots and imports the paper
// sheets.
func (s *story) vote() error {
	if err := s.wb.Vote(); err != nil {
		return err
	}
	box := s.wb.Budget.Box()
	s.printf("\nVoting\n------\nThe ballot lists %d projects; a ballot must spend at least 70 %% of the budget and no more than all of it.\n",
		box.Rules().Instance().Len())
	for _, p := range box.Rules().Instance().Projects() {
		s.printf("  %s  %-42s EUR %s\n", p.ID, p.Name, p.Cost)
	}
	s.printf("\nPaper ballot sheets, imported row by row:\n")
	for _, r := range s.wb.Paper {
		switch {
		case !r.Received():
			s.printf("  line %d: not cast: %v\n", r.Line, r.Err)
		case r.Receipt.Reason != nil:
			s.printf("  line %d: ballot %d %s: %s\n", r.Line, r.Receipt.Seq, r.Receipt.Status.Text(), oneLine(r.Receipt.Reason))
		default:
			s.printf("  line %d: ballot %d %s\n", r.Line, r.Receipt.Seq, r.Receipt.Status.Text())
		}
	}
	s.printf("\nEvery ballot received stays in the box; those that do not count say why:\n")
	for r := range box.Rejected() {
		s.printf("  ballot %d (%s, %s): %s\n", r.Seq, r.Channel.Text(), r.At.Format(time.DateOnly), oneLine(r.Reason))
	}
	f := box.Figures()
	s.printf("\n%d ballots received: %d counted, %d rejected (%s).\n", f.Received, f.Counted, f.Rejected, share(f.RejectedShare))
	s.printf("Counted by channel:")
	for _, g := range f.ByChannel {
		s.printf(" %s %d;", g.Group, g.Count)
	}
	s.printf(" turnout %s of the %d residents on the census.\n", share(f.Turnout), s.wb.Census.Len())
	return nil
}

// saveAndRestore saves the budget as JSON at the close of voting and goes
// on with the budget decoded from it.
func (s *story) saveAndRestore() error {
	n, err := s.wb.SaveAndRestore()
	if err != nil {
		return err
	}
	s.printf("\nThe council saves the budget at the close of voting: %d bytes of JSON, with pseudonyms and no document "+
		"number or birth date. Restored with the census and the petition, it saves to the same bytes, and the count "+
		"goes on from the restored budget.\n", n)
	return nil
}

// oneLine writes the reasons of a rejection on one line.
func oneLine(err error) string { return strings.ReplaceAll(err.Error(), "\n", "; ") }

// share writes a ratio as a percentage with its denominator.
func share(r metrics.Ratio) string {
	return r.PercentText() + " " + r.String()
}

// count counts the votes and shows the outcome and its trace.
func (s *story) count() error {
	if err := s.wb.Count(); err != nil {
		return err
	}
	b := s.wb.Budget
	res := b.Result()
	s.printf("\nResults\n-------\nRule: %s. Spent EUR %s of %s.\n", res.Rule().Title(), res.Cost(), b.Election().Instance().Budget())
	for rec := range b.Proposals() {
		if rec.Project == "" {
			continue
		}
		mark := "not funded"
		if rec.Funded {
			mark = "FUNDED    "
		}
		voters := 0
		for range b.Votes(rec.Proposal.ID) {
			voters++
		}
		s.printf("  %s %s  %-42s %d votes (%d ballots traced)\n", mark, rec.Project, rec.Proposal.Title, rec.Votes, voters)
	}
	d, _ := b.Process().Decision()
	s.printf("\nDecision: %s\nWhy: %s\n", d.Outcome, d.Rationale)
	t, _ := b.Process().Initiative(s.wb.Petition.ID())
	s.printf("The petition is answered (%s): %s\n", t.Answer.Outcome.Text(), t.Answer.Text)

	var file bytes.Buffer
	if _, err := b.Election().WriteTo(&file); err != nil {
		return err
	}
	back, err := budgeting.Parse(file.Bytes())
	if err != nil {
		return err
	}
	s.printf("The election as a Pabulib file: %d lines, reads back equal: %t.\n",
		strings.Count(file.String(), "\n"), back.Equal(b.Election()))
	return nil
}

// implement carries the funded projects out, and monitors them.
func (s *story) implement() error {
	if err := s.wb.Implement(); err != nil {
		return err
	}
	b, at := s.wb.Budget, s.wb.Monitored
	title := "Implementation, on " + at.Format(time.DateOnly)
	s.printf("\n%s\n%s\n", title, strings.Repeat("-", len(title)))
	for c := range b.Process().Commitments() {
		p := c.Progress()
		s.printf("  %-42s %-17s %s done, %s\n", c.Action(), c.Owner(), p.PercentText(), c.Status().Text())
	}
	audit, err := b.Process().Audit(at)
	if err != nil {
		return err
	}
	s.printf("\nPromise audit:\n")
	for _, l := range audit.Lines() {
		s.printf("  %s\n", l)
	}
	sc, err := scorecard.ForProcess(scorecard.Input{Process: b.Process()})
	if err != nil {
		return err
	}
	for _, e := range sc.All() {
		if e.Indicator().Name() == "Implementation progress" {
			s.printf("\nScorecard: %s %s (target %s): %s\n", e.Indicator().Name(), e.ValueText(), e.Indicator().TargetText(), e.Verdict().Text())
		}
	}
	return nil
}
