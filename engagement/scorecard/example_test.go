package scorecard_test

import (
	"fmt"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/metrics"
)

// The process scorecard holds each figure against its target: here two
// contributions, one answered after 14 days, against a commitment of 21.
func ExampleForProcess() {
	p := exampleProcess()
	contribute(p)
	_ = p.Respond(exIdea, engagement.Response{Kind: engagement.ResponseKindAccepted, Responder: exOfficer}, exDay(time.March, 31))

	sc, _ := scorecard.ForProcess(scorecard.Input{Process: p})
	for _, e := range sc.All() {
		fmt.Printf("%-29s %9s %-9s %-15s %s\n", e.Indicator().Name(), e.ValueText(), e.Basis(), e.Indicator().TargetText(), e.Verdict())
	}
	// Output:
	// Exposures                             0           at least 1      not_met
	// Visibility                    undefined           at least 50 %   undefined
	// Attendance rate               undefined 0 of 0    at least 60 %   undefined
	// Unique participants                   2           at least 2      met
	// Contributions                         2           at least 2      met
	// Closing-the-loop rate           50.00 % 1 of 2    at least 100 %  not_met
	// Median response time            14.00 d           at most 21 d    met
	// 90th percentile response time   14.00 d           at most 21 d    met
	// Influence rate                   0.00 % 0 of 2    at least 10 %   not_met
	// Representativeness            undefined           at least 0.8    undefined
	// Implementation progress       undefined           at least 0.00 % undefined
}

// Each role is judged by its own figures: the Public Outreach Coordinator by
// the exposures and visibility of its outreach.
func ExampleForRole() {
	p := exampleProcess()
	homes, _ := engagement.NewAudience("households within 500 m of the park")
	_ = p.AddCampaign(engagement.CampaignSpec{ID: exLeaflets, Name: "Leaflet drop", Medium: engagement.MediumDirectMail, Audience: homes}, exDay(time.March, 16))
	leaflets, _ := metrics.NewAudience(2100, 2400) // 2,100 people reached, 2,400 leaflets delivered
	_ = p.RecordReach(exLeaflets, leaflets, exDay(time.March, 20))
	_ = p.AddMention(exLeaflets, engagement.Clipping{Outlet: "Riverton Gazette", Mention: metrics.Mention{Reach: 18000, Tone: metrics.TonePositive}}, exDay(time.March, 21))

	in := scorecard.Input{Process: p, Options: scorecard.Options{TargetPopulation: 3000}}
	sc, _ := scorecard.ForRole(scorecard.RolePublicOutreachCoordinator, in)
	fmt.Println(sc.Title())
	for _, e := range sc.All() {
		fmt.Printf("%-14s %8s %-12s %-16s %s\n", e.Indicator().Name(), e.ValueText(), e.Basis(), e.Indicator().TargetText(), e.Verdict())
	}
	// Output:
	// Public Outreach Coordinator: Riverside Park redesign
	// Exposures          2100              at least 1500    met
	// Visibility      70.00 % 2100 of 3000 at least 50 %    met
	// Media mentions        1              at least 1       met
}
