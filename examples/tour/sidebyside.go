package main

import (
	"fmt"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/internal/riverside"
	"github.com/civitas-go/civitas/metrics"
)

// sideBySide closes the tour with engagement and participation compared on
// the same rows, every cell computed from this run's records.
func (st *story) sideBySide() error {
	s, answers := st.section("Engagement versus participation, side by side",
		"The same city, the same months, the same park: engagement is the consultation the council "+
			"started, participation the petition its residents started. Every cell is computed from the records above.")
	rows, err := st.compare()
	if err != nil {
		return err
	}
	s.table(riverside.Table{Caption: "Engagement and participation compared", Head: []string{"", "Engagement", "Participation"}, Rows: rows})
	rung, err := st.c.Petition.Assess(riverside.PetitionOutcome)
	if err != nil {
		return err
	}
	return answers(
		told(scorecard.RoleCommunityEngagementOfficer, "How much power did residents hold in the end?", "Rung of Arnstein's ladder",
			fmt.Sprintf("%s through the consultation, %s through the petition", st.records.Audit.Rung.Text(), rung.Text())),
	)
}

// compare computes the rows of the side-by-side table.
func (st *story) compare() ([][]string, error) {
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
	rung, err := in.Assess(riverside.PetitionOutcome)
	if err != nil {
		return nil, err
	}
	shares := in.ChannelShares()
	exposures := st.records.Funnel[0].Count
	count := riverside.Count
	return [][]string{
		{"Who started it",
			p.Authority().Name() + " (top-down)",
			fmt.Sprintf("%s, with a committee of %d (bottom-up)", count(int64(len(in.Initiators())), "resident", "residents"), in.CommitteeSize())},
		{"Formality",
			fmt.Sprintf("Rules it must keep: %d days' notice, answers within %d days, at least %d contributors", rules.NoticeDays, rules.ResponseDays, rules.MinParticipants),
			fmt.Sprintf("Rules its initiators chose: %d supports within %d days", support.Threshold, int(support.Window.End.Sub(support.Window.Start)/(24*time.Hour)))},
		{"Direction",
			fmt.Sprintf("%d of %d activities two-way, and %s one-way", twoWay, activities, count(int64(campaigns), "campaign", "campaigns")),
			"From residents to the council"},
		{"Reach",
			fmt.Sprintf("%d exposures to the outreach (at most as many people)", exposures),
			fmt.Sprintf("%d supporters: %s online, %s on paper", in.Count(), riverside.Share(shares.Online), riverside.Share(shares.Offline))},
		{"Power reached",
			fmt.Sprintf("IAP2 level %s promised; %s reached on Arnstein's ladder", p.Level().Text(), st.records.Audit.Rung.Text()),
			fmt.Sprintf("%s on Arnstein's ladder: the petition was %s", riverside.Sentence(rung.Text()), riverside.PetitionOutcome.Text())},
		{"Influence on the decision",
			fmt.Sprintf("%d of %d contributions cited (%s)", influence.Numerator(), influence.Denominator(), influence.PercentText()),
			fmt.Sprintf("The council answered %s on %s, and builds the lane on its own terms", taken.Answer.Outcome.Text(), riverside.Day(taken.Answer.At))},
		{"People involved",
			fmt.Sprintf("%d took part, %d contributed", p.ParticipantCount(), p.ContributorCount()),
			fmt.Sprintf("%d supporters", in.Count())},
		{"Cost to the public body",
			fmt.Sprintf("%d activities, %s, %d answers written", activities, count(int64(campaigns), "campaign", "campaigns"), p.AnsweredCount()),
			"1 answer, given through the consultation"},
	}, nil
}
