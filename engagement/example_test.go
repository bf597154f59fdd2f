package engagement_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
)

// The examples share a consultation on Riverside Park with fixed IDs and
// dates, so that their output is reproducible.
var (
	exProcess  = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000001")
	exCity     = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000002")
	exOfficer  = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000003")
	exAda      = uuid.MustParse("6f1c0a52-0000-4000-8000-0000000000a1")
	exBen      = uuid.MustParse("6f1c0a52-0000-4000-8000-0000000000b1")
	exCara     = uuid.MustParse("6f1c0a52-0000-4000-8000-0000000000c1")
	exIdea     = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000c01")
	exQuestion = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000c02")
	exWorkshop = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000d01")
	exLeaflets = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000e01")
	exPlay     = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000f01")
)

func exDay(month time.Month, day int) time.Time {
	return time.Date(2025, month, day, 9, 0, 0, 0, time.UTC)
}

func resident(id uuid.UUID) engagement.Participant {
	return engagement.Participant{ID: id, Profile: stakeholder.Profile{AgeBand: stakeholder.AgeBand25To34, Area: "north", Resident: true}}
}

// exampleProcess returns the consultation, created on 1 March, announced on
// 2 March and, after 14 days' notice, open from 16 March.
func exampleProcess() *engagement.Process {
	city, err := engagement.NewAuthority(exCity, "City of Riverton", exCity)
	if err != nil {
		panic(err)
	}
	p, err := engagement.NewProcess(engagement.ProcessSpec{
		ID:        exProcess,
		Title:     "Riverside Park redesign",
		Question:  "How should Riverside Park be redesigned?",
		Authority: city,
		Level:     engagement.LevelConsult,
		Rules:     engagement.Rules{NoticeDays: 14, ResponseDays: 21, AnswerBeforeDeciding: true, MinParticipants: 2},
	}, exDay(time.March, 1))
	if err != nil {
		panic(err)
	}
	for _, err := range []error{p.Announce(exDay(time.March, 2)), p.Open(exDay(time.March, 16))} {
		if err != nil {
			panic(err)
		}
	}
	return p
}

// contribute records Ada's idea and Ben's question, on 17 and 18 March.
func contribute(p *engagement.Process) {
	for _, err := range []error{
		p.Contribute(engagement.Submission{ID: exIdea, Participant: resident(exAda), Kind: engagement.ContributionKindIdea,
			Text: "Turn the car park into a play area"}, exDay(time.March, 17)),
		p.Contribute(engagement.Submission{ID: exQuestion, Participant: resident(exBen), Kind: engagement.ContributionKindQuestion,
			Text: "Will the old oaks stay?"}, exDay(time.March, 18)),
	} {
		if err != nil {
			panic(err)
		}
	}
}

// Each IAP2 level promises the public more influence than the one before.
func ExampleLevel() {
	for _, l := range engagement.Levels() {
		fmt.Printf("%s: %s\n", l, l.Promise())
	}
	// Output:
	// inform: We will keep you up to date.
	// consult: We will keep you up to date, hear and acknowledge your concerns and ideas, and tell you how your input affected the decision.
	// involve: We will work with you so that your concerns and hopes show directly in the options we develop, and tell you how your input affected the decision.
	// collaborate: We will look to you for advice and new ideas in shaping solutions, and build your advice and recommendations into the decision as far as we can.
	// empower: We will carry out what you decide.
}

// A method serves its lowest level and every level above: a survey is enough
// to consult, a workshop is more than consulting needs, and a fact sheet
// alone never consults, though it may serve a consultation.
func ExampleMethod() {
	for _, m := range []engagement.Method{engagement.MethodFactSheet, engagement.MethodSurvey, engagement.MethodWorkshop, engagement.MethodBudgetVote} {
		fmt.Printf("%-11s %s, from %s; serves consult: %v\n", m, m.Direction(), m.MinLevel(), m.Serves(engagement.LevelConsult))
	}
	// Output:
	// fact_sheet  one_way, from inform; serves consult: true
	// survey      two_way, from consult; serves consult: true
	// workshop    two_way, from involve; serves consult: false
	// budget_vote two_way, from empower; serves consult: false
}

// The lifecycle refuses what the rules forbid and changes nothing when it
// does: the process cannot open before 14 days' notice have run, and cannot
// decide while a contribution is unanswered.
func ExampleProcess() {
	city, _ := engagement.NewAuthority(exCity, "City of Riverton", exCity)
	p, _ := engagement.NewProcess(engagement.ProcessSpec{
		ID: exProcess, Title: "Riverside Park redesign", Question: "How should Riverside Park be redesigned?",
		Authority: city, Level: engagement.LevelConsult,
		Rules: engagement.Rules{NoticeDays: 14, AnswerBeforeDeciding: true},
	}, exDay(time.March, 1))
	_ = p.Announce(exDay(time.March, 2))

	err := p.Open(exDay(time.March, 10)) // 8 days after the announcement
	fmt.Println(errors.Is(err, engagement.ErrNoticeNotElapsed), p.State())

	_ = p.Open(exDay(time.March, 16))
	_ = p.Contribute(engagement.Submission{ID: exIdea, Participant: resident(exAda), Kind: engagement.ContributionKindIdea, Text: "A play area"}, exDay(time.March, 17))
	_ = p.Close(exDay(time.April, 13))
	d := engagement.Decision{Outcome: "Build a play area", Rationale: "Residents asked for it.", ShapedBy: []uuid.UUID{exIdea}}
	err = p.Decide(d, exDay(time.April, 20))
	fmt.Println(errors.Is(err, engagement.ErrUnanswered), p.State())

	_ = p.Respond(exIdea, engagement.Response{Kind: engagement.ResponseKindAccepted, Responder: exOfficer}, exDay(time.April, 14))
	fmt.Println(p.Decide(d, exDay(time.April, 20)), p.State())
	for t := range p.History() {
		fmt.Println(t.At.Format(time.DateOnly), t.Event, t.From, "→", t.To)
	}
	// Output:
	// true announced
	// true closed
	// <nil> decided
	// 2025-03-02 announce draft → announced
	// 2025-03-16 open announced → open
	// 2025-04-13 close open → closed
	// 2025-04-20 decide closed → decided
}

// The body answers each contribution; the response time is measured against
// the rules' commitment of 21 days.
func ExampleProcess_Respond() {
	p := exampleProcess()
	contribute(p)
	_ = p.Respond(exIdea, engagement.Response{Kind: engagement.ResponseKindPartlyAccepted, Text: "A play area on half of the car park.", Responder: exOfficer}, exDay(time.March, 31))
	_ = p.Respond(exQuestion, engagement.Response{Kind: engagement.ResponseKindNoted, Text: "Yes: every healthy tree stays.", Responder: exOfficer}, exDay(time.April, 15))

	for c := range p.Contributions() {
		r, _ := c.Response()
		took, _ := c.ResponseTime()
		due, _ := p.Rules().ResponseDeadline(c.At())
		fmt.Printf("%s: %s after %.0f days, on time: %v\n", c.Kind(), r.Kind, took.Hours()/24, !c.RespondedAt().After(due))
	}
	// Output:
	// idea: partly_accepted after 14 days, on time: true
	// question: noted after 28 days, on time: false
}

// The decision names the input that shaped it, and a resident can follow
// their own contribution to the decision and the commitments it shaped.
func ExampleProcess_Trace() {
	p := exampleProcess()
	contribute(p)
	_ = p.Respond(exIdea, engagement.Response{Kind: engagement.ResponseKindAccepted, Responder: exOfficer}, exDay(time.March, 20))
	_ = p.Respond(exQuestion, engagement.Response{Kind: engagement.ResponseKindNoted, Text: "Yes.", Responder: exOfficer}, exDay(time.March, 20))
	_ = p.Close(exDay(time.April, 13))
	err := p.Decide(engagement.Decision{
		Outcome:   "Replace the car park with a play area",
		Rationale: "The most supported idea; parking moves to the school at weekends.",
		ShapedBy:  []uuid.UUID{exIdea},
	}, exDay(time.April, 20))
	fmt.Println(err)
	_ = p.AddCommitment(engagement.CommitmentSpec{
		ID: exPlay, Action: "Build the play area", Owner: "Parks Department", Due: exDay(time.October, 1),
		Milestones: []engagement.MilestoneSpec{{Name: "Design", Weight: 1}, {Name: "Build", Weight: 3}},
		ShapedBy:   []uuid.UUID{exIdea},
	}, exDay(time.April, 21))

	for _, id := range []uuid.UUID{exIdea, exQuestion} {
		tr, _ := p.Trace(id)
		c, _ := p.Contribution(id)
		fmt.Printf("%q: shaped the decision: %v, commitments: %d\n", c.Text(), tr.Decision, len(tr.Commitments))
	}
	for c := range p.DecisionInputs() {
		fmt.Println("the decision cites:", c.Text())
	}
	// Output:
	// <nil>
	// "Turn the car park into a play area": shaped the decision: true, commitments: 1
	// "Will the old oaks stay?": shaped the decision: false, commitments: 0
	// the decision cites: Turn the car park into a play area
}

// Residents monitor a commitment's progress: the weight of the done
// milestones over the total weight.
func ExampleProcess_CompleteMilestone() {
	p := exampleProcess()
	contribute(p)
	for _, id := range []uuid.UUID{exIdea, exQuestion} {
		_ = p.Respond(id, engagement.Response{Kind: engagement.ResponseKindNoted, Responder: exOfficer}, exDay(time.March, 20))
	}
	_ = p.Close(exDay(time.April, 13))
	_ = p.Decide(engagement.Decision{Outcome: "A play area", Rationale: "Asked for.", ShapedBy: []uuid.UUID{exIdea}}, exDay(time.April, 20))
	_ = p.AddCommitment(engagement.CommitmentSpec{
		ID: exPlay, Action: "Build the play area", Owner: "Parks Department", Due: exDay(time.October, 1),
		Milestones: []engagement.MilestoneSpec{{Name: "Design", Weight: 1}, {Name: "Tender", Weight: 1}, {Name: "Build", Weight: 3}},
	}, exDay(time.April, 21))
	_ = p.StartImplementation(exDay(time.May, 1))
	_ = p.CompleteMilestone(exPlay, "Design", exDay(time.May, 20))
	_ = p.CompleteMilestone(exPlay, "Tender", exDay(time.June, 30))

	c, _ := p.Commitment(exPlay)
	// Design and Tender weigh 1 + 1 of 1 + 1 + 3: 2/5 = 40 %.
	fmt.Println(c.Status(), c.Progress(), c.Progress().PercentText())
	fmt.Println("overdue on 2 October:", c.Overdue(exDay(time.October, 2)))
	// Output:
	// in_progress 2/5 40.00 %
	// overdue on 2 October: true
}

// A workshop that requires registration admits only those registered; an
// open meeting would also admit walk-ins.
func ExampleProcess_Attend() {
	p := exampleProcess()
	_ = p.AddActivity(engagement.ActivitySpec{
		ID: exWorkshop, Title: "Design workshop", Method: engagement.MethodWorkshop,
		Start: exDay(time.March, 22), End: exDay(time.March, 22).Add(3 * time.Hour),
		Place: "Riverside School", RegistrationRequired: true,
	}, exDay(time.March, 16))
	_ = p.Register(exWorkshop, resident(exAda), exDay(time.March, 18))
	_ = p.Register(exWorkshop, resident(exBen), exDay(time.March, 19))
	_ = p.Attend(exWorkshop, resident(exAda), exDay(time.March, 22))
	err := p.Attend(exWorkshop, resident(exCara), exDay(time.March, 22).Add(time.Minute))
	fmt.Println(errors.Is(err, engagement.ErrNotRegistered))

	a, _ := p.Activity(exWorkshop)
	fmt.Printf("%s: %d registered, %d attended\n", a.Title(), a.Registered(), a.Attended())
	// Output:
	// true
	// Design workshop: 2 registered, 1 attended
}

// Outreach is one-way: it is measured by reach and visibility, and its
// reach is a cumulative report from the medium: distinct people within the
// campaign (metrics.Audience), which cannot exceed the impressions.
func ExampleProcess_RecordReach() {
	p := exampleProcess()
	homes, _ := engagement.NewAudience("households within 500 m of the park")
	_ = p.AddCampaign(engagement.CampaignSpec{ID: exLeaflets, Name: "Leaflet drop", Medium: engagement.MediumDirectMail, Audience: homes}, exDay(time.March, 16))
	leaflets, _ := metrics.NewAudience(2100, 2400)
	_ = p.RecordReach(exLeaflets, leaflets, exDay(time.March, 20))
	_ = p.AddMention(exLeaflets, engagement.Clipping{Outlet: "Riverton Gazette", Headline: "Park plans: have your say",
		Mention: metrics.Mention{Reach: 18000, Tone: metrics.TonePositive}}, exDay(time.March, 21))
	_, err := metrics.NewAudience(200, 100)
	fmt.Println(errors.Is(err, metrics.ErrPartExceedsWhole), "(reach cannot exceed impressions)")

	c, _ := p.Campaign(exLeaflets)
	f, _, _ := c.Reach()
	fmt.Printf("%s on %s: %d impressions, %d people reached, %d mention\n", c.Name(), c.Medium().Text(), f.Impressions(), f.Reach(), c.MentionCount())
	// Output:
	// true (reach cannot exceed impressions)
	// Leaflet drop on direct mail: 2400 impressions, 2100 people reached, 1 mention
}

// A process round-trips through JSON exactly; decoding replays the records
// through the same methods, so a document the methods could not have
// produced is refused.
func ExampleProcess_MarshalJSON() {
	p := exampleProcess()
	contribute(p)
	b, _ := json.Marshal(p)

	var q engagement.Process
	fmt.Println(json.Unmarshal(b, &q), q.State(), q.ContributionCount())
	b2, _ := json.Marshal(&q)
	fmt.Println(string(b) == string(b2))
	// Output:
	// <nil> open 2
	// true
}
