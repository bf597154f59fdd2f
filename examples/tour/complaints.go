package main

import (
	"fmt"
	"strconv"

	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/internal/riverside"
	"github.com/civitas-go/civitas/stakeholder/concerns"
)

// complaints tells the community relations register: a quarter of concerns
// and complaints around the park works, from first call to closed issue.
func (st *story) complaints() error {
	q, err := riverside.Complaints()
	if err != nil {
		return err
	}
	st.records.Complaints = q.Register
	rules := q.Register.Rules()
	s, answers := st.section("Concerns and complaints: the community relations register",
		fmt.Sprintf("While the park is rebuilt, residents call, write and stop the officer on site. Each concern or complaint is "+
			"received, acknowledged, assessed, investigated, answered, escalated if the complainant appeals, and closed, every step "+
			"dated and signed, under deadlines the council publishes: acknowledge within %d days, propose a resolution within %d "+
			"(IFC Performance Standard 1's grievance mechanism, ISO 10002's complaints handling). Recurring cases become issues, "+
			"raised with the park consultation and answered by its commitments. No complainant is named anywhere, and confidential "+
			"ones appear in no output.", rules.AcknowledgeWithinDays, rules.ProposeWithinDays))
	s.say("The officer's spreadsheet for April to June: %s. A row the rules refused stays in the result with its reason; nothing is lost.", q.Log)

	perf, err := q.Register.Performance(q.Quarter, q.AsOf)
	if err != nil {
		return err
	}
	card, err := perf.Scorecard("The register's figures, April to June 2025")
	if err != nil {
		return err
	}
	t := riverside.Table{Caption: "The register's figures, April to June 2025, as of 7 July",
		Head: []string{"Figure", "Value", "Target", "Verdict"}, Figures: []bool{false, true, false, false}}
	byFigure := map[string]riverside.Reading{}
	for _, e := range card.All() {
		r := riverside.Read(e)
		value := r.Value
		if r.Basis != "" {
			value += " (" + r.Basis + ")"
		}
		t.Rows = append(t.Rows, []string{r.Figure, value, r.Target, r.Verdict})
		byFigure[r.Figure] = riverside.Reading{Figure: r.Figure, Value: value}
	}
	s.table(t)

	it := riverside.Table{Caption: "The issues register: recurring concerns",
		Head:    []string{"Issue", "State", "Cases", "Open", "Trend", "Raised with", "Answered by"},
		Figures: []bool{false, false, true, true, false, false, false}}
	for is := range q.Register.Issues() {
		sum := is.Summary(q.Quarter)
		raised, answered := "", ""
		if sum.Processes > 0 {
			raised = "the park consultation"
		}
		if sum.Commitments > 0 {
			answered = "a commitment of the consultation"
		}
		it.Rows = append(it.Rows, []string{sum.Title, sum.State.Text(), strconv.Itoa(sum.Cases), strconv.Itoa(sum.OpenCases),
			sum.Trend.Text(), raised, answered})
	}
	s.table(it)
	value := func(f concerns.Figure) string { return byFigure[f.Label()].Value }
	return answers(
		told(scorecard.RoleCommunityRelationsOfficer, "Do we answer complaints in time?",
			concerns.FigureAcknowledgedOnTime.Label(), value(concerns.FigureAcknowledgedOnTime)),
		told(scorecard.RoleCommunityRelationsOfficer, "Are conflicts resolved?",
			concerns.FigureResolvedShare.Label(), value(concerns.FigureResolvedShare)),
		told(scorecard.RoleCommunityRelationsManager, "Do complainants accept what we propose?",
			concerns.FigureAcceptedShare.Label(), value(concerns.FigureAcceptedShare)),
		told(scorecard.RoleCommunityRelationsManager, "Are conflicts escalating?",
			concerns.FigureEscalationRate.Label(), value(concerns.FigureEscalationRate)),
	)
}
