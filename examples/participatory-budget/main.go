// Command participatory-budget runs a district's participatory budget from
// the first proposal to the monitoring of the funded projects, on built-in
// data: the City of Riverton gives Elm Ward EUR 200,000; residents propose
// projects (one of them from a petition that gathered its signatures), the
// city reviews each for feasibility and says why it turns two down,
// residents vote online and on paper ballot sheets, verified against the
// census; one ballot is rejected for spending too little of the budget and
// one voter tries to vote twice. The city saves the whole budget as JSON at
// the close of voting and counts from the copy it restores. The Method of
// Equal Shares decides, each
// funded project becomes a commitment with milestones, and the promise
// audit and the scorecard follow its progress.
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
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// census is Elm Ward's extract of the population register: what the city
// verifies voters against. The program keeps none of it but pseudonyms.
//
//go:embed data/census.csv
var census string

// paperSheets are the paper ballots collected at the ward office.
//
//go:embed data/paper.csv
var paperSheets string

// secret is the city's pseudonymization key. A real one is kept out of the
// code.
var secret = []byte("riverton-participatory-budget-2025-key")

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "participatory-budget:", err)
		os.Exit(1)
	}
}

// id returns a fixed ID of the story.
func id(n byte) uuid.UUID { return uuid.UUID{0: 0xe1, 15: n} }

// day returns an instant of 2025 in UTC.
func day(month time.Month, d, hour int) time.Time {
	return time.Date(2025, month, d, hour, 0, 0, 0, time.UTC)
}

// The people and bodies of the story.
var (
	cityID      = id(1)
	reviewerID  = id(3)
	initiatorID = id(4)
)

// resident is the profile of an Elm Ward resident of 35 to 44.
var resident = stakeholder.Profile{AgeBand: stakeholder.AgeBand35To44, Area: "elm", Resident: true}

// proposal is one of the built-in proposals and its review.
type proposal struct {
	n        byte
	title    string
	estimate string
	fromPeti bool
	cost     string // reviewed cost; "" when not feasible
	owner    string
	reason   string
}

var proposals = []proposal{
	{n: 11, title: "Shade trees on Elm Square", estimate: "40000", cost: "45000", owner: "Parks department"},
	{n: 12, title: "Safe crossing at Elm School", estimate: "30000", fromPeti: true, cost: "35000", owner: "Roads department"},
	{n: 13, title: "Skate park behind the library", estimate: "90000", cost: "90000", owner: "Parks department"},
	{n: 14, title: "Free parking on Market Street", estimate: "0",
		reason: "Parking rules are set by the city-wide traffic plan, not by a ward budget."},
	{n: 15, title: "Community garden at the old depot", estimate: "25000", cost: "25000", owner: "Parks department"},
	{n: 16, title: "Benches and a water fountain by the river", estimate: "20000", cost: "20000", owner: "Parks department"},
	{n: 17, title: "Repaint the town hall", estimate: "60000",
		reason: "The town hall is kept up from the buildings budget, and its repainting is already planned for 2026."},
}

// online are the ballots cast on the platform: document, birth date, the
// projects' numbers, and the day of May.
var online = []struct {
	doc, birth string
	vote       []string
	d          int
}{
	{"D-001", "1980-04-02", []string{"3", "2", "6"}, 2},
	{"D-002", "1975-09-13", []string{"3", "2", "6"}, 2},
	{"D-003", "1990-01-30", []string{"3", "1", "6"}, 3},
	{"D-004", "1962-11-05", []string{"3", "1", "6"}, 4},
	{"D-005", "2001-07-21", []string{"3", "2", "5"}, 5},
	{"D-006", "1958-02-17", []string{"1", "3", "5"}, 6},
	{"D-007", "1984-12-01", []string{"6"}, 7},           // spends 10 % of the budget: rejected
	{"D-007", "1984-12-01", []string{"3", "1", "5"}, 7}, // the second try counts: the first never did
	{"D-008", "1999-03-03", []string{"3", "5", "6", "2"}, 8},
	{"X-900", "1970-01-01", []string{"3", "2", "6"}, 9}, // lives in another ward
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
	w      io.Writer
	err    error
	budget *budgeting.Budget
	peti   *participation.Initiative
	census *budgeting.Census
}

// printf writes to the story's writer, keeping the first error.
func (s *story) printf(format string, args ...any) {
	if s.err == nil {
		_, s.err = fmt.Fprintf(s.w, format, args...)
	}
}

// setUp builds the budget, its process and the petition.
func (s *story) setUp() error {
	authority, err := engagement.NewAuthority(cityID, "City of Riverton", cityID)
	if err != nil {
		return err
	}
	c, err := budgeting.ReadCensus(strings.NewReader(census), secret, day(time.May, 1, 0))
	if err != nil {
		return err
	}
	s.census = c
	rule, err := budgeting.RuleByName("mes_cost_add1")
	if err != nil {
		return err
	}
	cal := budgeting.Calendar{Proposals: day(time.March, 1, 0), Review: day(time.April, 1, 0), Voting: day(time.May, 1, 0),
		Results: day(time.May, 22, 0), Implementation: day(time.June, 1, 0), Due: day(time.December, 31, 0)}
	s.budget, err = budgeting.NewBudget(budgeting.BudgetSpec{
		Process: engagement.ProcessSpec{ID: id(10), Title: "Elm Ward participatory budget 2025",
			Question: "Which projects should Elm Ward's EUR 200,000 fund?", Authority: authority, Level: engagement.LevelEmpower,
			Rules: engagement.Rules{Eligibility: engagement.Eligibility{MinAge: 16, Areas: []string{"elm"}, ResidentsOnly: true},
				NoticeDays: 14, ResponseDays: 30, AnswerBeforeDeciding: true}},
		Calendar: cal, Amount: decimal.NewFromInt(200000), VoteType: budgeting.VoteTypeApproval,
		Meta: []budgeting.Field{{Key: "description", Value: "Elm Ward participatory budget 2025"}, {Key: "currency", Value: "EUR"}},
		Form: budgeting.BallotForm{MinBudgetShare: decimal.NewFromInt(70), Knapsack: true},
		Rule: rule, Revote: budgeting.RevotePolicyFirstCounts, Verifier: c, Electorate: c.Len(),
		Milestones: []engagement.MilestoneSpec{{Name: "Design", Weight: 1}, {Name: "Tender awarded", Weight: 1},
			{Name: "Works done", Weight: 3}, {Name: "Opened to the public", Weight: 1}},
	}, day(time.February, 10, 9))
	if err != nil {
		return err
	}
	s.peti, err = petition()
	if err != nil {
		return err
	}
	b := s.budget
	for _, step := range []func() error{
		func() error { return b.Announce(day(time.February, 15, 9)) },
		func() error {
			return b.Publish(engagement.Publication{Kind: engagement.PublicationKindPublicNotice, Title: "Elm Ward budget: propose a project"}, day(time.February, 15, 9))
		},
		func() error { return b.TakeUp(s.peti, day(time.February, 20, 9)) },
		func() error {
			return b.Publish(engagement.Publication{Kind: engagement.PublicationKindBackgroundInfo, Title: "What a ward budget can fund"}, day(time.February, 20, 10))
		},
		func() error { return b.Open(day(time.March, 1, 9)) },
	} {
		if err := step(); err != nil {
			return err
		}
	}
	p := b.Process()
	s.printf("%s\n%s\n\n", p.Title(), strings.Repeat("=", len(p.Title())))
	s.printf("%s asks: %s\nPromise: %s. Residents of Elm Ward aged 16 or over vote; the census decides who they are.\n\n",
		p.Authority().Name(), p.Question(), p.Level().Text())
	for _, ph := range p.Phases() {
		s.printf("  %-20s %s to %s\n", ph.Label(), ph.Start.Format(time.DateOnly), ph.End.Format(time.DateOnly))
	}
	s.printf("\nThe petition %q gathered %d signatures and was taken up on %s.\n",
		s.peti.Title(), s.peti.Count(), day(time.February, 20, 9).Format(time.DateOnly))
	return nil
}

// petition is the residents' petition for a safe crossing, submitted to
// the city.
func petition() (*participation.Initiative, error) {
	start := day(time.January, 5, 9)
	in, err := participation.NewInitiative(participation.InitiativeSpec{ID: id(20), Title: "A safe crossing at Elm School",
		Kind: participation.KindPetition, Initiators: []uuid.UUID{initiatorID}, Area: "elm", Created: start})
	if err != nil {
		return nil, err
	}
	steps := []func() error{
		func() error {
			return in.SetRules(participation.SupportRules{Threshold: 3, Window: metrics.Period{Start: start, End: start.AddDate(0, 1, 0)}})
		},
		func() error { return in.Open(start) },
	}
	for i := range byte(4) {
		steps = append(steps, func() error {
			return in.Sign(id(30+i), resident, participation.SigningMethodOnline, start.AddDate(0, 0, int(i)+1))
		})
	}
	steps = append(steps,
		func() error { return in.Qualify(start.AddDate(0, 0, 10)) },
		func() error {
			return in.Submit(participation.PublicBody{ID: cityID, Name: "City of Riverton"}, start.AddDate(0, 0, 12))
		})
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return in, nil
}

// propose hands in the proposals.
func (s *story) propose() error {
	for i, p := range proposals {
		pr := budgeting.Proposal{ID: id(p.n), Author: engagement.Participant{ID: id(40 + byte(i)), Profile: resident},
			Title: p.title, Cost: decimal.RequireFromString(p.estimate)}
		if p.fromPeti {
			pr.Initiative = s.peti.ID()
		}
		if err := s.budget.Propose(pr, day(time.March, 3+2*i, 10)); err != nil {
			return err
		}
	}
	s.printf("\n%d proposals came in during proposal collection.\n", len(proposals))
	return nil
}

// review reviews every proposal.
func (s *story) review() error {
	for i, p := range proposals {
		r := budgeting.Review{Feasible: p.cost != "", Owner: p.owner, Reason: p.reason, Reviewer: reviewerID}
		if r.Feasible {
			r.Cost = decimal.RequireFromString(p.cost)
		}
		if err := s.budget.Review(id(p.n), r, day(time.April, 1, 10+i)); err != nil {
			return err
		}
	}
	if err := s.budget.Publish(engagement.Publication{Kind: engagement.PublicationKindFeedbackReport,
		Title: "Feasibility review: what goes on the ballot, and why two proposals do not"}, day(time.April, 2, 9)); err != nil {
		return err
	}
	s.printf("\nFeasibility review\n------------------\n")
	for rec := range s.budget.Proposals() {
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
	if err := s.budget.OpenVoting(day(time.May, 1, 8)); err != nil {
		return err
	}
	box := s.budget.Box()
	s.printf("\nVoting\n------\nThe ballot lists %d projects; a ballot must spend at least 70 %% of the budget and no more than all of it.\n",
		box.Rules().Instance().Len())
	for _, p := range box.Rules().Instance().Projects() {
		s.printf("  %s  %-42s EUR %s\n", p.ID, p.Name, p.Cost)
	}
	for i, o := range online {
		if _, err := box.Cast(budgeting.Cast{Claim: budgeting.Claim{Document: o.doc, BirthDate: o.birth},
			Channel: budgeting.BallotChannelOnline, At: day(time.May, o.d, 12).Add(time.Duration(i) * time.Minute), Projects: o.vote}); err != nil {
			return err
		}
	}
	rows, err := box.ImportPaper(strings.NewReader(paperSheets), day(time.May, 20, 18))
	if err != nil {
		return err
	}
	s.printf("\nPaper ballot sheets, imported row by row:\n")
	for _, r := range rows {
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
	s.printf(" turnout %s of the %d residents on the census.\n", share(f.Turnout), s.census.Len())
	return nil
}

// saveAndRestore saves the budget as JSON at the close of voting, as a
// city would between two days of counting, and goes on with the budget
// decoded from it: the document holds pseudonyms, never a document number,
// a birth date or the secret, so decoding takes the census (the verifier)
// and the petition taken up back as arguments.
func (s *story) saveAndRestore() error {
	saved, err := json.Marshal(s.budget)
	if err != nil {
		return err
	}
	restored, err := budgeting.DecodeBudget(saved, s.census, []*participation.Initiative{s.peti})
	if err != nil {
		return err
	}
	again, err := json.Marshal(restored)
	if err != nil {
		return err
	}
	for _, o := range online {
		if bytes.Contains(saved, []byte(o.doc)) || bytes.Contains(saved, []byte(o.birth)) {
			return fmt.Errorf("the saved budget holds the document %s or its birth date", o.doc)
		}
	}
	if !bytes.Equal(saved, again) {
		return fmt.Errorf("the restored budget saves to other bytes")
	}
	s.printf("\nThe city saves the budget at the close of voting: %d bytes of JSON, with pseudonyms and no document "+
		"number or birth date. Restored with the census and the petition, it saves to the same bytes, and the count "+
		"goes on from the restored budget.\n", len(saved))
	s.budget = restored
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
	if err := s.budget.Count(context.Background(), day(time.May, 22, 10)); err != nil {
		return err
	}
	b := s.budget
	if err := b.Publish(engagement.Publication{Kind: engagement.PublicationKindDecisionNotice, Title: "The Elm Ward budget results"}, day(time.May, 22, 12)); err != nil {
		return err
	}
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
	t, _ := b.Process().Initiative(s.peti.ID())
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
	b := s.budget
	if err := b.StartImplementation(day(time.June, 2, 9)); err != nil {
		return err
	}
	done := []string{"Design", "Tender awarded", "Works done"}
	k := 0
	for rec := range b.Proposals() {
		if !rec.Funded {
			continue
		}
		for _, m := range done[:max(0, len(done)-k)] {
			if err := b.CompleteMilestone(rec.Proposal.ID, m, day(time.July, 1+5*k, 9)); err != nil {
				return err
			}
		}
		k++
	}
	at := day(time.September, 1, 9)
	if err := b.Publish(engagement.Publication{Kind: engagement.PublicationKindProgressReport, Title: "Elm Ward budget: where the projects stand"}, at); err != nil {
		return err
	}
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
