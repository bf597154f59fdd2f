package main

import (
	"fmt"
	"strings"

	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/internal/riverside"
	"github.com/civitas-go/civitas/metrics"
)

// wardBudget tells Elm Ward's participatory budget as the process it is:
// proposals, review, ballots in online and on paper, the outcome, and the
// commitments the council then keeps, monitored.
func (st *story) wardBudget() error {
	s, answers := st.section("A participatory budget run as a process: Elm Ward",
		"The council gives Elm Ward EUR 200,000 and lets its residents decide. civitas runs the whole budget as an engagement "+
			"process: residents propose projects, the council reviews each and gives a reason for every one it turns down, residents "+
			"vote online and on paper, verified against the census, a rule turns the ballots into funded projects, and each funded "+
			"project becomes a commitment whose progress the promise audit follows.")
	wb, err := riverside.NewWardBudget()
	if err != nil {
		return err
	}
	steps := []func() error{wb.Propose, wb.Review, wb.Vote}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	saved, err := wb.SaveAndRestore()
	if err != nil {
		return err
	}
	f := wb.Budget.Box().Figures()
	if err := wb.Count(); err != nil {
		return err
	}
	if err := wb.Implement(); err != nil {
		return err
	}
	b := wb.Budget
	p := b.Process()

	t := riverside.Table{Caption: "Every proposal, its review, its votes and what became of it",
		Head: []string{"Proposal", "Review", "Votes", "Outcome"}, Figures: []bool{false, false, true, false}}
	answered, proposals := int64(0), int64(0)
	for rec := range b.Proposals() {
		proposals++
		if rec.Reviewed {
			answered++
		}
		review, votes, outcome := "not feasible: "+rec.Review.Reason, "", "not on the ballot"
		if rec.Review.Feasible {
			review = fmt.Sprintf("feasible at EUR %s, %s", rec.Review.Cost.StringFixed(0), strings.ToLower(rec.Review.Owner))
			votes, outcome = fmt.Sprint(rec.Votes), "not funded"
			if rec.Funded {
				outcome = "funded"
			}
		}
		t.Rows = append(t.Rows, []string{rec.Proposal.Title, review, votes, outcome})
	}
	s.say("%s came in, %s from the petition %q, which %s signed. The council reviewed every one before voting opened.",
		riverside.Count(proposals, "proposal", "proposals"), "one", wb.Petition.Title(), riverside.Count(int64(wb.Petition.Count()), "resident", "residents"))
	s.table(t)

	var reasons []string
	for _, g := range f.RejectedByReason {
		why, ok := reasonWords[g.Group]
		if !ok {
			why = "broke the rule on " + g.Group
		}
		reasons = append(reasons, fmt.Sprintf("%s %s", riverside.Count(g.Count, "ballot", "ballots"), why))
	}
	var channels []string
	for _, g := range f.ByChannel {
		if g.Count > 0 {
			channels = append(channels, fmt.Sprintf("%d %s", g.Count, g.Group))
		}
	}
	s.say("The ballot box received %s, online and on paper sheets imported row by row, and kept every one: %s counted (%s), "+
		"one per person, and %s rejected, each with its reason: %s. Nothing is lost: a rejected ballot stays in the box, and a "+
		"voter whose first ballot was rejected may vote again.",
		riverside.Count(f.Received, "ballot", "ballots"), riverside.Count(f.Counted, "ballot", "ballots"), riverside.And(channels),
		riverside.Count(f.Rejected, "ballot", "ballots"), riverside.And(reasons))
	s.say("At the close of voting the council saved the whole budget, its process and its ballot box as %s bytes of JSON that hold "+
		"pseudonyms, never a document number or a birth date, and counted from the copy it restored, which saves to the same bytes.", riverside.Grouped(int64(saved)))

	d, _ := p.Decision()
	s.say("The decision, as the process records it: %s %s", d.Outcome, d.Rationale)
	t2, _ := p.Initiative(wb.Petition.ID())
	s.say("The petition is answered (%s): %s", t2.Answer.Outcome.Text(), t2.Answer.Text)

	progress := riverside.Table{Caption: "The funded projects, monitored on " + riverside.Day(wb.Monitored),
		Head: []string{"Commitment", "Owner", "Work done, by milestone weight", "Status"}, Figures: []bool{false, false, true, false}}
	var funded int64
	for c := range p.Commitments() {
		progress.Rows = append(progress.Rows, []string{c.Action(), c.Owner(), riverside.Share(c.Progress()), c.Status().Text()})
		funded++
	}
	s.table(progress)

	turnout := riverside.Share(f.Turnout)
	all, _ := metrics.NewProportion(answered, proposals)
	return answers(
		told(scorecard.RoleCivicEngagementSpecialist, "How many residents on the census voted?", "Turnout", turnout),
		told(scorecard.RolePublicEngagementCoordinator, "Did every proposal get an answer?", "Proposals reviewed, with a reason for each turned down", riverside.Share(all)),
		told(scorecard.RoleCommunityEngagementOfficer, "Did the residents' votes decide?", "Decision follows the public's choice",
			fmt.Sprintf("yes: %s funded by the votes", riverside.Count(funded, "project", "projects"))),
	)
}

// reasonWords say, after a count of ballots, why they were rejected: one
// entry per reason a box's figures name.
var reasonWords = map[string]string{
	"min budget share": "spent too little of the budget",
	"already voted":    "came from someone who had voted already",
	"not verified":     "came from someone the census does not know",
	"not eligible":     "came from someone not entitled to vote",
}
