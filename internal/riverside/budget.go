package riverside

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// wardCensus is Elm Ward's extract of the population register: what the
// council verifies voters against. The run keeps none of it but
// pseudonyms.
//
//go:embed ward_census.csv
var wardCensus string

// wardPaper are the paper ballots collected at the ward office.
//
//go:embed ward_paper.csv
var wardPaper string

// wardSecret is the council's pseudonymization key. A real one is kept out
// of the code.
var wardSecret = []byte("riverside-elm-ward-budget-2025-key")

// wardID returns a fixed ID of the ward budget.
func wardID(n byte) uuid.UUID { return uuid.UUID{0: 0xe1, 15: n} }

// wardDay returns an instant of 2025 in UTC.
func wardDay(month time.Month, d, hour int) time.Time {
	return time.Date(2025, month, d, hour, 0, 0, 0, time.UTC)
}

// wardResident is the profile of an Elm Ward resident of 35 to 44.
var wardResident = stakeholder.Profile{AgeBand: stakeholder.AgeBand35To44, Area: "elm", Resident: true}

// wardProposal is one of the proposals and its review.
type wardProposal struct {
	n        byte
	title    string
	estimate string
	fromPeti bool
	cost     string // reviewed cost; "" when not feasible
	owner    string
	reason   string
}

var wardProposals = []wardProposal{
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

// wardOnline are the ballots cast on the platform: document, birth date,
// the projects' numbers, and the day of May.
var wardOnline = []struct {
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

// WardMilestones are the steps every funded project of the ward budget is
// monitored by.
var WardMilestones = []engagement.MilestoneSpec{{Name: "Design", Weight: 1}, {Name: "Tender awarded", Weight: 1},
	{Name: "Works done", Weight: 3}, {Name: "Opened to the public", Weight: 1}}

// WardBudget is Elm Ward's participatory budget of 2025, run as an
// engagement process one step at a time, on built-in data: the council
// gives the ward EUR 200,000; residents propose seven projects (one from a
// petition that gathered its signatures), the council reviews each and
// says why it turns two down, residents vote online and on paper ballot
// sheets, verified against the census (one ballot is rejected for spending
// too little of the budget, one voter tries to vote twice, one lives in
// another ward); the Method of Equal Shares decides, and each funded
// project becomes a commitment monitored by [WardMilestones]. The example
// participatory-budget and the tour tell it, each in its own words.
//
// Build it with [NewWardBudget] and run the steps in order: Propose,
// Review, Vote, Count, Implement.
type WardBudget struct {
	// Budget is the participatory budget and, through it, its process
	// and its ballot box.
	Budget *budgeting.Budget
	// Census verifies the voters.
	Census *budgeting.Census
	// Petition is the residents' petition the budget took up.
	Petition *participation.Initiative
	// TakenUp is when the budget took the petition up.
	TakenUp time.Time
	// Paper is what became of each paper ballot sheet, once Vote ran.
	Paper []budgeting.PaperRow
	// Monitored is the date of the progress report, once Implement ran.
	Monitored time.Time
}

// NewWardBudget builds the budget, its census and the petition, announces
// the budget, takes the petition up and opens the process for proposals.
func NewWardBudget() (*WardBudget, error) {
	authority, err := engagement.NewAuthority(CouncilID(), CouncilName, CouncilID())
	if err != nil {
		return nil, err
	}
	c, err := budgeting.ReadCensus(strings.NewReader(wardCensus), wardSecret, wardDay(time.May, 1, 0))
	if err != nil {
		return nil, err
	}
	rule, err := budgeting.RuleByName("mes_cost_add1")
	if err != nil {
		return nil, err
	}
	cal := budgeting.Calendar{Proposals: wardDay(time.March, 1, 0), Review: wardDay(time.April, 1, 0), Voting: wardDay(time.May, 1, 0),
		Results: wardDay(time.May, 22, 0), Implementation: wardDay(time.June, 1, 0), Due: wardDay(time.December, 31, 0)}
	b, err := budgeting.NewBudget(budgeting.BudgetSpec{
		Process: engagement.ProcessSpec{ID: wardID(10), Title: "Elm Ward participatory budget 2025",
			Question: "Which projects should Elm Ward's EUR 200,000 fund?", Authority: authority, Level: engagement.LevelEmpower,
			Rules: engagement.Rules{Eligibility: engagement.Eligibility{MinAge: 16, Areas: []string{"elm"}, ResidentsOnly: true},
				NoticeDays: 14, ResponseDays: 30, AnswerBeforeDeciding: true}},
		Calendar: cal, Amount: decimal.NewFromInt(200000), VoteType: budgeting.VoteTypeApproval,
		Meta: []budgeting.Field{{Key: "description", Value: "Elm Ward participatory budget 2025"}, {Key: "currency", Value: "EUR"}},
		Form: budgeting.BallotForm{MinBudgetShare: decimal.NewFromInt(70), Knapsack: true},
		Rule: rule, Revote: budgeting.RevotePolicyFirstCounts, Verifier: c, Electorate: c.Len(),
		Milestones: WardMilestones,
	}, wardDay(time.February, 10, 9))
	if err != nil {
		return nil, err
	}
	peti, err := wardPetition()
	if err != nil {
		return nil, err
	}
	w := &WardBudget{Budget: b, Census: c, Petition: peti, TakenUp: wardDay(time.February, 20, 9)}
	return w, run(
		func() error { return b.Announce(wardDay(time.February, 15, 9)) },
		func() error {
			return b.Publish(engagement.Publication{Kind: engagement.PublicationKindPublicNotice, Title: "Elm Ward budget: propose a project"}, wardDay(time.February, 15, 9))
		},
		func() error { return b.TakeUp(peti, w.TakenUp) },
		func() error {
			return b.Publish(engagement.Publication{Kind: engagement.PublicationKindBackgroundInfo, Title: "What a ward budget can fund"}, wardDay(time.February, 20, 10))
		},
		func() error { return b.Open(wardDay(time.March, 1, 9)) },
	)
}

// run runs steps in order, stopping at the first error.
func run(steps ...func() error) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// wardPetition is the residents' petition for a safe crossing, submitted
// to the council.
func wardPetition() (*participation.Initiative, error) {
	start := wardDay(time.January, 5, 9)
	in, err := participation.NewInitiative(participation.InitiativeSpec{ID: wardID(20), Title: "A safe crossing at Elm School",
		Kind: participation.KindPetition, Initiators: []uuid.UUID{wardID(4)}, Area: "elm", Created: start})
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
			return in.Sign(wardID(30+i), wardResident, participation.SigningMethodOnline, start.AddDate(0, 0, int(i)+1))
		})
	}
	steps = append(steps,
		func() error { return in.Qualify(start.AddDate(0, 0, 10)) },
		func() error {
			return in.Submit(participation.PublicBody{ID: CouncilID(), Name: CouncilName}, start.AddDate(0, 0, 12))
		})
	return in, run(steps...)
}

// Propose hands in the proposals, during proposal collection.
func (w *WardBudget) Propose() error {
	for i, p := range wardProposals {
		pr := budgeting.Proposal{ID: wardID(p.n), Author: engagement.Participant{ID: wardID(40 + byte(i)), Profile: wardResident},
			Title: p.title, Cost: decimal.RequireFromString(p.estimate)}
		if p.fromPeti {
			pr.Initiative = w.Petition.ID()
		}
		if err := w.Budget.Propose(pr, wardDay(time.March, 3+2*i, 10)); err != nil {
			return err
		}
	}
	return nil
}

// Review reviews every proposal and publishes the feasibility report.
func (w *WardBudget) Review() error {
	for i, p := range wardProposals {
		r := budgeting.Review{Feasible: p.cost != "", Owner: p.owner, Reason: p.reason, Reviewer: wardID(3)}
		if r.Feasible {
			r.Cost = decimal.RequireFromString(p.cost)
		}
		if err := w.Budget.Review(wardID(p.n), r, wardDay(time.April, 1, 10+i)); err != nil {
			return err
		}
	}
	return w.Budget.Publish(engagement.Publication{Kind: engagement.PublicationKindFeedbackReport,
		Title: "Feasibility review: what goes on the ballot, and why two proposals do not"}, wardDay(time.April, 2, 9))
}

// Vote opens the ballot, casts the online ballots and imports the paper
// sheets.
func (w *WardBudget) Vote() error {
	if err := w.Budget.OpenVoting(wardDay(time.May, 1, 8)); err != nil {
		return err
	}
	box := w.Budget.Box()
	for i, o := range wardOnline {
		if _, err := box.Cast(budgeting.Cast{Claim: budgeting.Claim{Document: o.doc, BirthDate: o.birth},
			Channel: budgeting.BallotChannelOnline, At: wardDay(time.May, o.d, 12).Add(time.Duration(i) * time.Minute), Projects: o.vote}); err != nil {
			return err
		}
	}
	rows, err := box.ImportPaper(strings.NewReader(wardPaper), wardDay(time.May, 20, 18))
	w.Paper = rows
	return err
}

// SaveAndRestore saves the budget as JSON, as a council would between two
// days of counting, and goes on with the budget decoded from it: the
// document holds pseudonyms, never a document number, a birth date or the
// secret, so decoding takes the census (the verifier) and the petition
// back as arguments. It returns the size of the document, and an error if
// a voter's document number or birth date is in it or the restored budget
// saves to other bytes.
func (w *WardBudget) SaveAndRestore() (int, error) {
	saved, err := json.Marshal(w.Budget)
	if err != nil {
		return 0, err
	}
	restored, err := budgeting.DecodeBudget(saved, w.Census, []*participation.Initiative{w.Petition})
	if err != nil {
		return 0, err
	}
	again, err := json.Marshal(restored)
	if err != nil {
		return 0, err
	}
	for _, o := range wardOnline {
		if strings.Contains(string(saved), o.doc) || strings.Contains(string(saved), o.birth) {
			return 0, fmt.Errorf("the saved budget holds the document %s or its birth date", o.doc)
		}
	}
	if string(saved) != string(again) {
		return 0, fmt.Errorf("the restored budget saves to other bytes")
	}
	w.Budget = restored
	return len(saved), nil
}

// Count counts the votes and publishes the decision.
func (w *WardBudget) Count() error {
	if err := w.Budget.Count(context.Background(), wardDay(time.May, 22, 10)); err != nil {
		return err
	}
	return w.Budget.Publish(engagement.Publication{Kind: engagement.PublicationKindDecisionNotice, Title: "The Elm Ward budget results"}, wardDay(time.May, 22, 12))
}

// Implement carries the funded projects out, the first furthest along,
// and publishes a progress report on 1 September (Monitored).
func (w *WardBudget) Implement() error {
	b := w.Budget
	if err := b.StartImplementation(wardDay(time.June, 2, 9)); err != nil {
		return err
	}
	done := []string{"Design", "Tender awarded", "Works done"}
	k := 0
	for rec := range b.Proposals() {
		if !rec.Funded {
			continue
		}
		for _, m := range done[:max(0, len(done)-k)] {
			if err := b.CompleteMilestone(rec.Proposal.ID, m, wardDay(time.July, 1+5*k, 9)); err != nil {
				return err
			}
		}
		k++
	}
	w.Monitored = wardDay(time.September, 1, 9)
	return b.Publish(engagement.Publication{Kind: engagement.PublicationKindProgressReport, Title: "Elm Ward budget: where the projects stand"}, w.Monitored)
}
