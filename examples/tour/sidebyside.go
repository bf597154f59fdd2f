package main

import (
	"fmt"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
)

// petitionOutcome is the assessor's judgement of what became of the
// petition: the council adopted the lane, but on its own terms (it set the
// route and the date, and builds it itself), with no decisions shared with
// the petitioners. Arnstein's ladder places that at placation.
const petitionOutcome = participation.OutcomePartlyAdopted

// sideBySide closes the tour with engagement and participation compared on
// the same rows, every cell computed from this run's records.
func (st *story) sideBySide() error {
	s := st.report.section("Engagement versus participation, side by side")
	s.say("The same city, the same months, the same park: engagement is the consultation the council " +
		"started, participation the petition its residents started. Every cell is computed from the records above.")
	rows, err := st.compare()
	if err != nil {
		return err
	}
	table := make([][]string, len(rows))
	for i, r := range rows {
		table[i] = r[:]
	}
	s.grid([]string{"", "engagement", "participation"}, table)
	return nil
}

// compare computes the rows of the side-by-side table.
func (st *story) compare() ([][3]string, error) {
	p, in := st.c.Process, st.c.Petition
	rules := p.Rules()
	support, ok := in.Rules()
	if !ok {
		return nil, fmt.Errorf("the petition has no support rules")
	}
	var twoWay, activities, campaigns int
	for a := range p.Activities() {
		activities++
		if a.Method().Direction() == engagement.CommunicationTwoWay {
			twoWay++
		}
	}
	for range p.Campaigns() {
		campaigns++
	}
	var cited int64
	for range p.DecisionInputs() {
		cited++
	}
	influence, err := metrics.InfluenceRate(cited, int64(p.ContributionCount()))
	if err != nil {
		return nil, err
	}
	taken, ok := p.Initiative(in.ID())
	if !ok {
		return nil, fmt.Errorf("the consultation did not take up the petition")
	}
	rung, err := participation.Assess(petitionOutcome)
	if err != nil {
		return nil, err
	}
	shares := in.ChannelShares()
	reached := st.records.Funnel[0].Count
	return [][3]string{
		{"who started it",
			p.Authority().Name() + " (top-down)",
			fmt.Sprintf("%d residents, %d on its committee (bottom-up)", len(in.Initiators()), in.CommitteeSize())},
		{"formality",
			fmt.Sprintf("rules it must keep: %d days' notice, answers in %d days, %d+ contributors", rules.NoticeDays, rules.ResponseDays, rules.MinParticipants),
			fmt.Sprintf("rules its initiators chose: %d supports in %d days", support.Threshold, int(support.Window.End.Sub(support.Window.Start)/(24*time.Hour)))},
		{"direction",
			fmt.Sprintf("%d of %d activities two-way, plus %d one-way campaigns", twoWay, activities, campaigns),
			"residents to the council"},
		{"reach",
			fmt.Sprintf("%d people reached by outreach", reached),
			fmt.Sprintf("%d supporters (%s online, %s on paper)", in.Count(), shares.Online.PercentText(), shares.Offline.PercentText())},
		{"engagement level",
			fmt.Sprintf("IAP2 %s promised; Arnstein rung reached: %s", p.Level(), st.records.Audit.Rung),
			fmt.Sprintf("Arnstein rung of its outcome: %s (%s)", rung, petitionOutcome)},
		{"influence on the decision",
			fmt.Sprintf("%d of %d contributions cited (%s)", influence.Numerator(), influence.Denominator(), influence.PercentText()),
			fmt.Sprintf("answered %s: %s", taken.Answer.At.Format("2 January"), taken.Answer.Outcome)},
		{"people involved",
			fmt.Sprintf("%d took part, %d contributed", p.ParticipantCount(), p.ContributorCount()),
			fmt.Sprintf("%d supporters", in.Count())},
		{"cost to the public body",
			fmt.Sprintf("%d activities, %d campaigns, %d answers written", activities, campaigns, p.AnsweredCount()),
			"1 answer, given through the consultation"},
	}, nil
}
