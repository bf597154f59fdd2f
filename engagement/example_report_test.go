package engagement_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
)

// More fixed IDs for the examples of plans, audits, scorecards and
// initiatives.
var (
	exPetition = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000a01")
	exFriends  = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000b01")
	exCafes    = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000b02")
	exRiver    = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000b03")
)

// A petition that gathered enough support is submitted to the city; the
// city's consultation takes it up and answers it when it decides. Each side
// keeps the link: the process holds the petition and its answer, the
// petition names the process.
func ExampleProcess_TakeUp() {
	in, _ := participation.NewInitiative(participation.InitiativeSpec{ID: exPetition, Title: "Save the old oaks",
		Kind: participation.KindPetition, Initiators: []uuid.UUID{exCara}, Created: exDay(time.February, 1)})
	_ = in.SetRules(participation.SupportRules{Threshold: 2})
	_ = in.Open(exDay(time.February, 2))
	_ = in.Sign(exAda, stakeholder.Profile{Resident: true}, participation.SigningMethodOnline, exDay(time.February, 3))
	_ = in.Sign(exBen, stakeholder.Profile{Resident: true}, participation.SigningMethodOffline, exDay(time.February, 4))
	_ = in.Qualify(exDay(time.February, 10))

	p := exampleProcess()
	err := p.TakeUp(in, exDay(time.March, 16))
	fmt.Println("before it is submitted:", errors.Is(err, engagement.ErrNotSubmitted))

	_ = in.Submit(participation.PublicBody{ID: exCity, Name: "City of Riverton"}, exDay(time.March, 10))
	fmt.Println("taken up:", p.TakeUp(in, exDay(time.March, 16)))

	contribute(p)
	for _, id := range []uuid.UUID{exIdea, exQuestion} {
		_ = p.Respond(id, engagement.Response{Kind: engagement.ResponseKindNoted, Responder: exOfficer}, exDay(time.March, 25))
	}
	_ = p.Close(exDay(time.April, 13))
	_ = p.Decide(engagement.Decision{Outcome: "Keep every oak; a play area by the car park",
		Rationale: "The petition and the survey agree.", ShapedBy: []uuid.UUID{exIdea}}, exDay(time.April, 20))
	fmt.Println("answered:", p.AnswerInitiative(in, participation.AnswerOutcomeAdopted, "", exDay(time.April, 20)))

	r, _ := in.Response()
	fmt.Printf("the petition: %s, %q, by process %v\n", r.Outcome, r.Text, r.Process == p.ID())
	t, _ := p.Initiative(exPetition)
	fmt.Printf("the process: %q with %d supports, answered on %s\n", t.Title, t.Supports, t.Answer.At.Format(time.DateOnly))
	// Output:
	// before it is submitted: true
	// taken up: <nil>
	// answered: <nil>
	// the petition: adopted, "Keep every oak; a play area by the car park", by process true
	// the process: "Save the old oaks" with 2 supports, answered on 2025-04-20
}

// The plan reads each stakeholder's place on the power/interest grid and its
// salience, and recommends a level and methods; the coverage report names
// the key stakeholders that nothing reaches, or reaches only below their
// level.
func ExampleProcess_Plan() {
	m := stakeholder.NewMap()
	for _, s := range []struct {
		id   uuid.UUID
		name string
		kind stakeholder.Kind
		p, i stakeholder.Score // power, interest
		l, u stakeholder.Score // legitimacy, urgency
	}{
		{exFriends, "Friends of the Park", stakeholder.KindCommunityGroup, 4, 5, 5, 5}, // manage closely, definitive
		{exCafes, "Cafe owners", stakeholder.KindBusiness, 4, 4, 4, 1},                 // manage closely, dominant
		{exRiver, "Anglers", stakeholder.KindCommunityGroup, 2, 4, 2, 2},               // keep informed, no attribute
	} {
		st, _ := stakeholder.New(s.id, stakeholder.Details{Name: s.name, Kind: s.kind, Assessment: stakeholder.Assessment{
			Power: s.p, Interest: s.i, Legitimacy: s.l, Urgency: s.u, Attitude: stakeholder.AttitudeNeutral, Desired: stakeholder.AttitudeSupportive}})
		_ = m.Add(st)
	}
	p := exampleProcess()
	cafes, _ := engagement.NewAudience("promenade businesses", exCafes)
	_ = p.AddCampaign(engagement.CampaignSpec{ID: exLeaflets, Name: "Leaflets", Medium: engagement.MediumPrint, Audience: cafes}, exDay(time.March, 16))

	plan, _ := p.Plan(m, stakeholder.Grid{})
	for _, r := range plan.Recommendations {
		fmt.Printf("%-19s %-14s %-10s → %-11s %v\n", r.Name, r.Quadrant, r.Salience, r.Level, r.Methods)
	}
	c := plan.Coverage()
	fmt.Println("key stakeholders reached:", c.Reached)
	for _, r := range c.Unreached {
		fmt.Println("unreached:", r.Name)
	}
	for _, r := range c.Shallow {
		fmt.Printf("reached only at %s: %s\n", r.Deepest, r.Name)
	}
	// Output:
	// Friends of the Park manage_closely definitive → collaborate [advisory_committee]
	// Cafe owners         manage_closely dominant   → collaborate [advisory_committee]
	// Anglers             keep_informed  none       → inform      [fact_sheet website newsletter press_release social_media open_house]
	// key stakeholders reached: 1/2
	// unreached: Friends of the Park
	// reached only at inform: Cafe owners
}

// The audit holds a consultation to its promise. This one opened with
// nothing published and left a question unanswered past its 21 days: the
// public was told, not consulted, whatever the label said.
func ExampleProcess_Audit() {
	p := exampleProcess()
	contribute(p) // an idea on 17 March, a question on 18 March
	_ = p.Respond(exIdea, engagement.Response{Kind: engagement.ResponseKindAccepted, Responder: exOfficer}, exDay(time.March, 31))
	_ = p.Close(exDay(time.April, 13))

	a, _ := p.Audit(exDay(time.April, 14))
	for _, line := range a.Lines() {
		fmt.Println(line)
	}
	fmt.Println("fell short:", a.FellShort())
	// Output:
	// promised consult (consultation); reached informing (tokenism)
	// broken: informed before opening: 0 publications before the opening
	// pending: decision published: not due yet
	// pending: progress reported: not due yet
	// kept: input gathered: 2 contributions from 2 people
	// broken: input answered: 1 of 2 inputs answered
	// broken: answered on time: 1 of 2 inputs answered within 21 days; 0 answered late, 1 overdue
	// pending: feedback published: 0 publications after the opening
	// pending: decision cites input: not decided yet
	// fell short: true
}
