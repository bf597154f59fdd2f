package riverside

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
)

// This file builds the scenario: every function returns records and prints
// nothing, so that another program (the tour) can take them as they are.

// Consultation is everything the consultation scenario builds: the
// stakeholder map, the process with its records up to the report date, the
// petition it took up, and the residents' volunteering.
type Consultation struct {
	Stakeholders *stakeholder.Map
	Process      *engagement.Process
	Petition     *participation.Initiative
	Volunteering []*participation.VolunteerActivity
	// PetitionStory is the petition's story as [Petition] tells it, from
	// its draft to its submission.
	PetitionStory string
	// Signing is the petition's signing log: what its records do not keep.
	Signing *SigningLog
}

// fixedID returns the fixed ID of record n of a group: 1 activities and
// campaigns, 2 residents, 3 contributions, 4 commitments, 5 officials, 6
// volunteer activities, 7 the process and the council.
func fixedID(group, n int) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("c17c0000-%04d-4000-8000-%012d", group, n))
}

// at returns the given time of 2025, in UTC.
func at(month time.Month, day, hour, minute int) time.Time {
	return time.Date(2025, month, day, hour, minute, 0, 0, time.UTC)
}

// The records the scenario refers to by name.
func processID() uuid.UUID   { return fixedID(7, 1) }
func councilAuth() uuid.UUID { return fixedID(7, 2) }
func officer() uuid.UUID     { return fixedID(5, 1) } // the parks officer who answers
func factSheet() uuid.UUID   { return fixedID(1, 1) }
func workshop() uuid.UUID    { return fixedID(1, 2) }
func survey() uuid.UUID      { return fixedID(1, 3) }
func townHall() uuid.UUID    { return fixedID(1, 4) }
func leaflets() uuid.UUID    { return fixedID(1, 11) }
func press() uuid.UUID       { return fixedID(1, 12) }

// reportDate is when the audit and the scorecards are drawn up.
func reportDate() time.Time { return at(time.September, 30, 12, 0) }

// quarter is the reporting period of the role scorecards: the second
// quarter of 2025, when the consultation ran.
func quarter() metrics.Period {
	return metrics.Period{Start: at(time.April, 1, 0, 0), End: at(time.July, 1, 0, 0)}
}

// BuildConsultation builds the council's consultation on the park's redesign: the stakeholder map, the
// process with its records up to the report date, the petition it took up,
// and the residents' volunteering.
func BuildConsultation() (*Consultation, error) {
	m, err := Stakeholders()
	if err != nil {
		return nil, err
	}
	var story strings.Builder
	in, signing, err := petition(&story)
	if err != nil {
		return nil, err
	}
	p, err := newProcess()
	if err != nil {
		return nil, err
	}
	if err := apply(p, agenda(p, in)); err != nil {
		return nil, err
	}
	vol, err := volunteering()
	if err != nil {
		return nil, err
	}
	return &Consultation{Stakeholders: m, Process: p, Petition: in, Volunteering: vol, PetitionStory: story.String(), Signing: signing}, nil
}

// newProcess returns the draft process: the council involves residents in
// redesigning the park (IAP2 involve), with 14 days' notice, answers within
// 21 days and before deciding, at least 30 contributors aged 16 or over
// living in Riverside, and five phases.
func newProcess() (*engagement.Process, error) {
	council, err := engagement.NewAuthority(councilAuth(), CouncilName, CouncilID())
	if err != nil {
		return nil, err
	}
	return engagement.NewProcess(engagement.ProcessSpec{
		ID:        processID(),
		Title:     "Riverside Park redesign",
		Question:  "How should Riverside Park be redesigned?",
		Authority: council,
		Level:     engagement.LevelInvolve,
		Rules: engagement.Rules{
			Eligibility:          engagement.Eligibility{MinAge: 16, ResidentsOnly: true},
			NoticeDays:           14,
			ResponseDays:         21,
			AnswerBeforeDeciding: true,
			MinParticipants:      30,
		},
		Phases: []engagement.Phase{
			{Kind: engagement.PhaseKindInformation, Start: at(time.May, 5, 9, 0), End: at(time.May, 19, 9, 0)},
			{Kind: engagement.PhaseKindConsultation, Name: "Survey, workshop and town hall", Start: at(time.May, 19, 9, 0), End: at(time.June, 16, 9, 0)},
			{Kind: engagement.PhaseKindDecision, Start: at(time.June, 16, 9, 0), End: at(time.July, 7, 9, 0)},
			{Kind: engagement.PhaseKindImplementation, Start: at(time.July, 7, 9, 0), End: at(time.December, 31, 0, 0)},
		},
	}, at(time.April, 28, 9, 0))
}

// step is one dated change to the process.
type step struct {
	at time.Time
	do func(at time.Time) error
}

// apply applies the steps in time order (those at one time in the order
// given): a process's record runs forward in time.
func apply(p *engagement.Process, steps []step) error {
	slices.SortStableFunc(steps, func(a, b step) int { return a.at.Compare(b.at) })
	for _, s := range steps {
		if err := s.do(s.at); err != nil {
			return fmt.Errorf("%s: %w", s.at.Format(time.DateTime), err)
		}
	}
	return nil
}

// resident returns resident n with a pseudonymous profile: five in eight
// from Elm, two from Oak, one from Birch, of every age from 16.
func resident(n int) engagement.Participant {
	bands := []stakeholder.AgeBand{stakeholder.AgeBand18To24, stakeholder.AgeBand25To34, stakeholder.AgeBand35To44,
		stakeholder.AgeBand45To54, stakeholder.AgeBand55To64, stakeholder.AgeBand65To74, stakeholder.AgeBand75Plus, stakeholder.AgeBand16To17}
	area := []string{"elm", "elm", "elm", "elm", "elm", "oak", "oak", "birch"}[n%8]
	return engagement.Participant{ID: fixedID(2, n), Profile: stakeholder.Profile{
		AgeBand: bands[n%len(bands)], Sex: []string{"f", "m", "f", "m", "x"}[n%5], Area: area, Resident: true}}
}

// contribution is one piece of input with its answer and the body's rating.
type contribution struct {
	n       int // the contribution's number, its fixed ID
	who     int // the resident
	via     uuid.UUID
	kind    engagement.ContributionKind
	text    string
	at      time.Time
	answer  engagement.ResponseKind
	reply   string
	replyAt time.Time
	rating  *engagement.Quality
}

// rated returns a quality rating.
func rated(substantive bool, score int) *engagement.Quality {
	return &engagement.Quality{Substantive: substantive, Score: score}
}

// The contributions the decision and the commitments cite.
const (
	playArea         = 101
	garden           = 102
	bays             = 103
	lights           = 104
	cycleLane        = 105
	keepCars         = 201
	towpathObjection = 202
)

// contributions returns the input: 44 survey responses, six ideas from the
// workshop, four pieces of input sent in directly and three questions at the
// town hall, each with its answer.
func contributions() []contribution {
	var out []contribution
	surveyTexts := []string{
		"Play area: yes; car park: replace; lighting: more",
		"Play area: yes; car park: keep half; lighting: enough",
		"Play area: no; car park: keep; lighting: more",
		"Play area: yes; car park: replace; lighting: more; more benches",
	}
	for n := range 44 {
		received := at(time.May, 19, 12, 0).Add(time.Duration(n) * 14 * time.Hour)
		wait := time.Duration(3+n%12) * engagement.Day
		if n%20 == 7 { // two answers slipped past the 21 days
			wait = 22 * engagement.Day
		}
		out = append(out, contribution{n: n + 1, who: 10 + n, via: survey(), kind: engagement.ContributionKindSurveyResponse,
			text: surveyTexts[n%len(surveyTexts)], at: received, answer: engagement.ResponseKindNoted,
			reply: "Thank you: your answers are counted in the summary.", replyAt: received.Add(wait)})
	}
	workshopDay := at(time.May, 31, 10, 30)
	answered := at(time.June, 9, 14, 0)
	for k, c := range []contribution{
		{n: playArea, who: 0, kind: engagement.ContributionKindIdea, text: "Replace the car park with a play area",
			answer: engagement.ResponseKindAccepted, reply: "The car park becomes a play area.", rating: rated(true, 3)},
		{n: garden, who: 1, kind: engagement.ContributionKindIdea, text: "A quiet garden by the water, with a pond and benches",
			answer: engagement.ResponseKindPartlyAccepted, reply: "A quiet garden with benches; a pond would flood.", rating: rated(true, 2)},
		{n: bays, who: 2, kind: engagement.ContributionKindIdea, text: "Keep disabled parking next to the cafe",
			answer: engagement.ResponseKindAccepted, reply: "Twelve disabled bays stay by the cafe.", rating: rated(true, 3)},
		{n: lights, who: 3, kind: engagement.ContributionKindIdea, text: "Solar lights along the river path",
			answer: engagement.ResponseKindAccepted, reply: "Solar lamps will light the river path.", rating: rated(true, 2)},
		{n: cycleLane, who: 6, kind: engagement.ContributionKindIdea, text: "A cycle lane away from the towpath",
			answer: engagement.ResponseKindPartlyAccepted, reply: "A protected lane on Elm Street, not through the park.", rating: rated(true, 3)},
		{n: 106, who: 7, kind: engagement.ContributionKindIdea, text: "A pontoon for the rowing club",
			answer: engagement.ResponseKindNotAccepted, reply: "Beyond the park's budget; the heritage fund may help the club.", rating: rated(true, 1)},
	} {
		c.via, c.at, c.replyAt = workshop(), workshopDay.Add(time.Duration(k)*10*time.Minute), answered
		out = append(out, c)
	}
	out = append(out,
		contribution{n: keepCars, who: 54, kind: engagement.ContributionKindObjection, text: "Keep the car park: older visitors need it",
			at: at(time.May, 24, 20, 15), answer: engagement.ResponseKindPartlyAccepted, reply: "Twelve disabled bays stay; the rest becomes the play area.",
			replyAt: at(time.June, 12, 10, 0), rating: rated(true, 2)},
		contribution{n: towpathObjection, who: 55, kind: engagement.ContributionKindObjection, text: "No cyclists on the towpath",
			at: at(time.May, 27, 8, 40), answer: engagement.ResponseKindAccepted, reply: "Cyclists get a lane on Elm Street instead.",
			replyAt: at(time.June, 12, 10, 0), rating: rated(true, 2)},
		contribution{n: 203, who: 56, kind: engagement.ContributionKindComment, text: "The old boathouse must stay",
			at: at(time.June, 2, 19, 5), answer: engagement.ResponseKindOutOfScope, reply: "The boathouse is outside the redesign and stays.",
			replyAt: at(time.June, 14, 11, 0), rating: rated(false, 1)},
		contribution{n: 204, who: 57, kind: engagement.ContributionKindIdea, text: "A dog-free zone around the play area",
			at: at(time.June, 6, 7, 50), answer: engagement.ResponseKindNotAccepted, reply: "The play area is fenced; dogs stay welcome on leads.",
			replyAt: at(time.June, 20, 15, 0), rating: rated(true, 1)},
	)
	for k, q := range []struct {
		who         int
		text, reply string
		replyAt     time.Time
	}{
		{30, "Who pays for the upkeep?", "The parks budget: see the background report.", at(time.June, 6, 16, 0)},
		{31, "Will the old willows stay?", "Yes: every healthy tree stays.", at(time.June, 6, 16, 0)},
		{32, "When will the works start?", "In July, once the decision is taken.", at(time.June, 28, 10, 0)},
	} {
		out = append(out, contribution{n: 301 + k, who: q.who, via: townHall(), kind: engagement.ContributionKindQuestion, text: q.text,
			at: at(time.June, 4, 18, 30).Add(time.Duration(k) * 15 * time.Minute), answer: engagement.ResponseKindNoted, reply: q.reply, replyAt: q.replyAt})
	}
	return out
}

// contributionID returns the fixed ID of contribution n.
func contributionID(n int) uuid.UUID { return fixedID(3, n) }

// commitments returns what the council commits to after its decision, each
// with its milestones and the input that shaped it.
func commitments() []engagement.CommitmentSpec {
	ms := func(names ...any) []engagement.MilestoneSpec {
		var out []engagement.MilestoneSpec
		for i := 0; i < len(names); i += 2 {
			out = append(out, engagement.MilestoneSpec{Name: names[i].(string), Weight: names[i+1].(int)})
		}
		return out
	}
	ids := func(ns ...int) []uuid.UUID {
		out := make([]uuid.UUID, len(ns))
		for i, n := range ns {
			out[i] = contributionID(n)
		}
		return out
	}
	return []engagement.CommitmentSpec{
		{ID: fixedID(4, 1), Action: "Build a play area where the car park is", Owner: "Parks Department", Due: at(time.December, 1, 17, 0),
			Milestones: ms("Design", 1, "Tender", 1, "Build", 4), ShapedBy: ids(playArea)},
		{ID: fixedID(4, 2), Action: "Plant a quiet riverside garden with benches", Owner: "Parks Department", Due: at(time.October, 15, 17, 0),
			Milestones: ms("Planting", 3, "Benches", 1), ShapedBy: ids(garden)},
		{ID: fixedID(4, 3), Action: "Build a protected cycle lane on Elm Street", Owner: "Transport Department", Due: at(time.November, 15, 17, 0),
			Milestones: ms("Design", 1, "Build", 3), ShapedBy: ids(cycleLane, towpathObjection)},
		{ID: fixedID(4, 4), Action: "Keep and mark twelve disabled bays by the cafe", Owner: "Parks Department", Due: at(time.August, 1, 17, 0),
			Milestones: ms("Mark the bays", 1), ShapedBy: ids(bays, keepCars)},
		{ID: fixedID(4, 5), Action: "Light the river path with solar lamps", Owner: "Parks Department", Due: at(time.September, 15, 17, 0),
			Milestones: ms("Order", 1, "Install", 2), ShapedBy: ids(lights)},
	}
}

// decision returns the council's decision: what it decided, why, and the
// input it names.
func decision() engagement.Decision {
	shaped := []uuid.UUID{}
	for _, n := range []int{playArea, garden, bays, lights, cycleLane, keepCars, towpathObjection} {
		shaped = append(shaped, contributionID(n))
	}
	return engagement.Decision{
		Outcome: "A play area where the car park is, a quiet riverside garden, twelve disabled bays, " +
			"solar lights on the river path and a protected cycle lane on Elm Street",
		Rationale: "The workshop asked for the play area, the garden, the bays and the lights; the objection to " +
			"cyclists on the towpath and the residents' petition moved the cycle route to Elm Street; older " +
			"visitors' need for parking keeps twelve disabled bays.",
		ShapedBy: shaped,
	}
}

// agenda returns every dated change the council makes to the process, from
// its announcement to the report date. run sorts them by time.
func agenda(p *engagement.Process, petition *participation.Initiative) []step {
	var s []step
	add := func(t time.Time, do func(time.Time) error) { s = append(s, step{t, do}) }
	publish := func(t time.Time, k engagement.PublicationKind, title string) {
		add(t, func(t time.Time) error { return p.Publish(engagement.Publication{Kind: k, Title: title}, t) })
	}
	announce := at(time.May, 5, 9, 0)
	add(announce, p.Announce)
	publish(announce, engagement.PublicationKindPublicNotice, "Riverside Park: have your say")
	publish(announce, engagement.PublicationKindBackgroundInfo, "Options, costs and constraints")
	for _, a := range activities() {
		add(announce, func(t time.Time) error { return p.AddActivity(a, t) })
	}
	s = append(s, outreach(p)...)
	add(at(time.May, 19, 9, 0), p.Open)
	for n := range 24 { // registrations for the workshop; one in six stays home
		add(at(time.May, 20, 9, 0).Add(time.Duration(n)*9*time.Hour), func(t time.Time) error { return p.Register(workshop(), resident(n), t) })
		if n%6 != 5 {
			add(at(time.May, 31, 10, 0).Add(time.Duration(n)*time.Minute), func(t time.Time) error { return p.Attend(workshop(), resident(n), t) })
		}
	}
	for n := 30; n < 42; n++ { // the town hall admits whoever comes
		add(at(time.June, 4, 18, 0).Add(time.Duration(n-30)*time.Minute), func(t time.Time) error { return p.Attend(townHall(), resident(n), t) })
	}
	for _, c := range contributions() {
		id := contributionID(c.n)
		add(c.at, func(t time.Time) error {
			return p.Contribute(engagement.Submission{ID: id, Participant: resident(c.who), Kind: c.kind, Text: c.text, Activity: c.via}, t)
		})
		add(c.replyAt, func(t time.Time) error {
			return p.Respond(id, engagement.Response{Kind: c.answer, Text: c.reply, Responder: officer()}, t)
		})
		if c.rating != nil {
			add(c.replyAt, func(time.Time) error { return p.Rate(id, *c.rating) })
		}
	}
	add(at(time.June, 5, 11, 0), func(t time.Time) error { return p.TakeUp(petition, t) })
	add(at(time.June, 16, 9, 0), p.Close)
	publish(at(time.June, 20, 9, 0), engagement.PublicationKindInputSummary, "What we heard")
	decided := at(time.June, 30, 18, 0)
	add(decided, func(t time.Time) error { return p.Decide(decision(), t) })
	publish(decided, engagement.PublicationKindDecisionNotice, "The council's decision on Riverside Park")
	add(decided, func(t time.Time) error {
		return p.AnswerInitiative(petition, participation.AnswerOutcomeAccepted,
			"Accepted: a protected cycle lane on Elm Street is part of the park's redesign, with a commitment to build it by November.", t)
	})
	for _, c := range commitments() {
		add(at(time.July, 1, 10, 0), func(t time.Time) error { return p.AddCommitment(c, t) })
	}
	add(at(time.July, 7, 9, 0), p.StartImplementation)
	for _, m := range []struct {
		n    int
		name string
		at   time.Time
	}{
		{1, "Design", at(time.July, 20, 12, 0)}, {4, "Mark the bays", at(time.July, 25, 12, 0)},
		{5, "Order", at(time.August, 1, 12, 0)}, {3, "Design", at(time.August, 10, 12, 0)},
		{1, "Tender", at(time.August, 25, 12, 0)}, {5, "Install", at(time.September, 10, 12, 0)},
		{2, "Planting", at(time.September, 12, 12, 0)},
	} {
		add(m.at, func(t time.Time) error { return p.CompleteMilestone(fixedID(4, m.n), m.name, t) })
	}
	publish(at(time.September, 1, 9, 0), engagement.PublicationKindProgressReport, "Riverside Park: works under way")
	return s
}

// activities returns the activities, each with the stakeholders of the map
// it is meant for: a fact sheet for every household, the design workshop,
// the online survey and a town hall with the councillors.
func activities() []engagement.ActivitySpec {
	aud := audience // a short name for the table below
	return []engagement.ActivitySpec{
		{ID: factSheet(), Title: "Park options fact sheet", Method: engagement.MethodFactSheet, Start: at(time.May, 5, 9, 0),
			End: at(time.June, 16, 9, 0), Place: "https://riverside.example/park", Audience: aud("every household in the three districts", 2, 10, 11, 13)},
		{ID: workshop(), Title: "Design workshop", Method: engagement.MethodWorkshop, Start: at(time.May, 31, 10, 0), End: at(time.May, 31, 13, 0),
			Place: "Riverside Primary School", RegistrationRequired: true, Audience: aud("", 1, 2, 4, 10, 14)},
		{ID: survey(), Title: "Park survey", Method: engagement.MethodSurvey, Start: at(time.May, 19, 9, 0), End: at(time.June, 16, 9, 0),
			Place: "https://riverside.example/park/survey", Audience: aud("residents aged 16 and over", 11, 13)},
		{ID: townHall(), Title: "Town hall with the ward councillors", Method: engagement.MethodTownHall, Start: at(time.June, 4, 18, 0),
			End: at(time.June, 4, 20, 0), Place: "Riverside Library", Audience: aud("", 3, 7, 8)},
	}
}

// audience returns the audience of a segment and the stakeholders of the
// map with the given numbers (see riverside.StakeholderID).
func audience(segment string, stakeholders ...int) engagement.Audience {
	ids := make([]uuid.UUID, len(stakeholders))
	for i, n := range stakeholders {
		ids[i] = StakeholderID(n)
	}
	a, err := engagement.NewAudience(segment, ids...)
	if err != nil {
		panic(err) // the numbers are fixed and distinct: a bug, not an input error
	}
	return a
}

// outreach returns the campaigns with their reach and media mentions: a
// leaflet drop to the households near the park and a press briefing.
func outreach(p *engagement.Process) []step {
	homes, media := audience("households within 1 km of the park", 2), audience("local media", 6)
	var s []step
	add := func(t time.Time, do func(time.Time) error) { s = append(s, step{t, do}) }
	add(at(time.May, 5, 9, 0), func(t time.Time) error {
		return p.AddCampaign(engagement.CampaignSpec{ID: leaflets(), Name: "Leaflet drop", Medium: engagement.MediumDirectMail, Audience: homes}, t)
	})
	add(at(time.May, 5, 9, 0), func(t time.Time) error {
		return p.AddCampaign(engagement.CampaignSpec{ID: press(), Name: "Press briefing", Medium: engagement.MediumPress, Audience: media}, t)
	})
	for _, r := range []struct {
		at                 time.Time
		campaign           uuid.UUID
		reach, impressions int64
	}{
		{at(time.May, 12, 9, 0), leaflets(), 4300, 4800},
		{at(time.May, 16, 9, 0), press(), 1900, 5200},
	} {
		add(r.at, func(t time.Time) error {
			a, err := metrics.NewAudience(r.reach, r.impressions)
			if err != nil {
				return err
			}
			return p.RecordReach(r.campaign, a, t)
		})
	}
	// Each mention with the audience the media monitoring reports: the
	// Gazette's print and online readers, the radio's listeners.
	for _, m := range []struct {
		at time.Time
		m  engagement.Clipping
	}{
		{at(time.May, 14, 7, 0), engagement.Clipping{Outlet: "The Riverside Gazette", Headline: "Have your say on Riverside Park",
			Mention: metrics.Mention{Reach: 6500, Tone: metrics.TonePositive}}},
		{at(time.May, 22, 8, 0), engagement.Clipping{Outlet: "Radio Riverside", Headline: "Park survey opens",
			Mention: metrics.Mention{Reach: 2400, Tone: metrics.ToneNeutral}}},
		{at(time.June, 10, 7, 0), engagement.Clipping{Outlet: "The Riverside Gazette", Headline: "Towpath row over cyclists",
			Mention: metrics.Mention{Reach: 6500, Tone: metrics.ToneNegative}}},
	} {
		add(m.at, func(t time.Time) error { return p.AddMention(press(), m.m, t) })
	}
	return s
}

// volunteering returns the residents' own volunteer activities in the
// quarter, organised by the Residents' Association: a bulb planting in April
// (14 volunteers) and a river clean-up in June (18, eight of whom planted
// bulbs too).
func volunteering() ([]*participation.VolunteerActivity, error) {
	organiser := StakeholderID(1)
	plant, err := participation.NewActivity(fixedID(6, 1), "Bulb planting", organiser)
	if err != nil {
		return nil, err
	}
	clean, err := participation.NewActivity(fixedID(6, 2), "River clean-up", organiser)
	if err != nil {
		return nil, err
	}
	for n := range 14 {
		if err := plant.Log(fixedID(2, 100+n), at(time.April, 12, 10, 0), 2*time.Hour); err != nil {
			return nil, err
		}
	}
	for n := 6; n < 24; n++ {
		if err := clean.Log(fixedID(2, 100+n), at(time.June, 14, 9, 0), 3*time.Hour); err != nil {
			return nil, err
		}
	}
	return []*participation.VolunteerActivity{plant, clean}, nil
}

// targetPopulation is the residents aged 16 and over of the three
// districts, whom the consultation is for.
const targetPopulation = 8000

// volunteersEligible is the Residents' Association's membership: the people
// its volunteering draws on.
const volunteersEligible = 120

// scorecardInput returns the input of every scorecard: the process, the
// population it is for, the stakeholder map, the quarter and the
// volunteering.
func (c *Consultation) scorecardInput() scorecard.Input {
	return scorecard.Input{
		Process: c.Process,
		Options: scorecard.Options{At: reportDate(), TargetPopulation: targetPopulation, Dimension: stakeholder.DimensionArea,
			Representativeness: metrics.RepresentativenessSpec{Population: population(stakeholder.DimensionArea)}},
		Map: c.Stakeholders, Period: quarter(), Volunteering: c.Volunteering, Eligible: volunteersEligible,
	}
}
