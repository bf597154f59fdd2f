package scorecard_test

import (
	"encoding/binary"
	"fmt"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// id returns a fixed, readable ID: id(7) is 00000000-0000-4000-8000-000000000007.
func id(n int) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("00000000-0000-4000-8000-%012d", n))
}

// date returns 09:00 UTC on the given day of 2025.
func date(month time.Month, day int) time.Time {
	return time.Date(2025, month, day, 9, 0, 0, 0, time.UTC)
}

// The fixture's timeline. The process is created on 1 March, announced on
// 2 March; with 14 days' notice it may open on 16 March, when the
// consultation phase starts.
var (
	created   = date(time.March, 1)
	announced = date(time.March, 2)
	opened    = date(time.March, 16)
	closed    = date(time.April, 13)
	decided   = date(time.April, 20)
	started   = date(time.May, 1)
	completed = date(time.July, 1)
)

// IDs used across the tests.
var (
	processID   = id(1)
	authorityID = id(2)
	cityID      = id(3) // the city's stakeholder
	workshopID  = id(10)
	surveyID    = id(11)
	leafletID   = id(12) // a fact sheet
	campaignID  = id(20)
	officerID   = id(30) // the responding official
	commitID    = id(40)
	commit2ID   = id(41)
)

// person returns participant n (IDs from 100) with an eligible profile.
func person(n int) engagement.Participant {
	return engagement.Participant{ID: id(100 + n), Profile: stakeholder.Profile{
		AgeBand: stakeholder.AgeBand35To44, Sex: "f", Area: "north", Resident: true,
	}}
}

func authority(t testing.TB) engagement.Authority {
	t.Helper()
	a, err := engagement.NewAuthority(authorityID, "City of Riverton", cityID)
	require.NoError(t, err)
	return a
}

// spec returns the fixture's process spec: consult level, 14 days' notice,
// answers within 21 days and before deciding, at least 2 contributors aged
// 16 or over living in the north or south.
func spec(t testing.TB) engagement.ProcessSpec {
	return engagement.ProcessSpec{
		ID:        processID,
		Title:     "Riverside Park redesign",
		Question:  "How should Riverside Park be redesigned?",
		Authority: authority(t),
		Level:     engagement.LevelConsult,
		Rules: engagement.Rules{
			Eligibility:          engagement.Eligibility{MinAge: 16, Areas: []string{"north", "south"}, ResidentsOnly: true},
			NoticeDays:           14,
			ResponseDays:         21,
			AnswerBeforeDeciding: true,
			MinParticipants:      2,
		},
		Phases: []engagement.Phase{
			{Kind: engagement.PhaseKindInformation, Start: announced, End: opened},
			{Kind: engagement.PhaseKindConsultation, Start: opened, End: closed},
			{Kind: engagement.PhaseKindDecision, Start: closed, End: started},
			{Kind: engagement.PhaseKindImplementation, Start: started, End: date(time.December, 31)},
		},
	}
}

func newProcess(t testing.TB) *engagement.Process {
	t.Helper()
	p, err := engagement.NewProcess(spec(t), created)
	require.NoError(t, err)
	return p
}

// looseProcess returns a fixture process created on 1 March with no phases
// and loose rules: no notice, no eligibility, one contributor is enough;
// every contribution must still be answered before deciding.
func looseProcess(t testing.TB) *engagement.Process {
	t.Helper()
	s := spec(t)
	s.Rules = engagement.Rules{AnswerBeforeDeciding: true, MinParticipants: 1}
	s.Phases = nil
	p, err := engagement.NewProcess(s, created)
	require.NoError(t, err)
	return p
}

// decision cites the first contribution of the fixture.
func decision() engagement.Decision {
	return engagement.Decision{
		Outcome:   "Redesign with a play area and a quiet zone",
		Rationale: "Residents asked for both; the play area replaces the car park as contribution 1 proposed.",
		ShapedBy:  []uuid.UUID{id(1000)},
	}
}

func commitmentSpec(cid uuid.UUID) engagement.CommitmentSpec {
	return engagement.CommitmentSpec{
		ID: cid, Action: "Build the play area", Owner: "Parks Department", Due: date(time.October, 1),
		Milestones: []engagement.MilestoneSpec{{Name: "Design", Weight: 1}, {Name: "Build", Weight: 3}},
		ShapedBy:   []uuid.UUID{id(1000)},
	}
}

// inState returns a fixture process driven to state s with the fewest
// records that let every event from s succeed: two answered contributions,
// a commitment whose milestones are all done once implementing.
func inState(t testing.TB, s engagement.State) *engagement.Process {
	t.Helper()
	p := newProcess(t)
	steps := []struct {
		to  engagement.State
		run func() error
	}{
		{engagement.StateAnnounced, func() error { return p.Announce(announced) }},
		{engagement.StateOpen, func() error {
			if err := p.Open(opened); err != nil {
				return err
			}
			for n := range 2 {
				at := opened.Add(time.Duration(n+1) * time.Hour)
				sub := engagement.Submission{ID: id(1000 + n), Participant: person(n), Kind: engagement.ContributionKindIdea, Text: "A play area instead of the car park"}
				if err := p.Contribute(sub, at); err != nil {
					return err
				}
				if err := p.Respond(sub.ID, engagement.Response{Kind: engagement.ResponseKindAccepted, Responder: officerID}, at.Add(time.Hour)); err != nil {
					return err
				}
			}
			return nil
		}},
		{engagement.StateClosed, func() error { return p.Close(closed) }},
		{engagement.StateDecided, func() error {
			if err := p.Decide(decision(), decided); err != nil {
				return err
			}
			return p.AddCommitment(commitmentSpec(commitID), decided.Add(time.Hour))
		}},
		{engagement.StateImplementing, func() error {
			if err := p.StartImplementation(started); err != nil {
				return err
			}
			for k, m := range []string{"Design", "Build"} {
				if err := p.CompleteMilestone(commitID, m, started.Add(time.Duration(k+1)*Week)); err != nil {
					return err
				}
			}
			return nil
		}},
		{engagement.StateCompleted, func() error { return p.Complete(completed) }},
	}
	if s == engagement.StateCancelled {
		require.NoError(t, p.Cancel("budget withdrawn", created.Add(time.Hour)))
		return p
	}
	for _, st := range steps {
		if p.State() == s {
			break
		}
		require.NoError(t, st.run(), "reaching %s", st.to)
	}
	require.Equal(t, s, p.State())
	return p
}

// audienceOf returns the audience of reach distinct people and impressions
// exposures; it panics on counts metrics.NewAudience refuses.
func audienceOf(reach, impressions int64) metrics.Audience {
	a, err := metrics.NewAudience(reach, impressions)
	if err != nil {
		panic(err)
	}
	return a
}

// Week is seven days.
const Week = 7 * engagement.Day

// richProcess returns a completed fixture process with at least one record
// of every kind: activities with registrations, attendance and a walk-in,
// a campaign with figures and mentions, publications, contributions through
// activities and directly, ratings, every kind of response, a decision,
// and two commitments, one done and one dropped.
func richProcess(t testing.TB) *engagement.Process {
	t.Helper()
	p := newProcess(t)
	must := func(err error) {
		t.Helper()
		require.NoError(t, err)
	}
	audience, err := engagement.NewAudience("households within 500 m of the park", id(500), id(501))
	must(err)
	must(p.AddCampaign(engagement.CampaignSpec{ID: campaignID, Name: "Leaflet drop", Medium: engagement.MediumDirectMail, Audience: audience}, created.Add(time.Hour)))
	must(p.AddActivity(engagement.ActivitySpec{ID: leafletID, Title: "Park fact sheet", Method: engagement.MethodFactSheet,
		Start: created, End: completed, Place: "https://riverton.example/park"}, created.Add(time.Hour)))
	must(p.Announce(announced))
	must(p.Publish(engagement.Publication{Kind: engagement.PublicationKindPublicNotice, Title: "Consultation on Riverside Park", Link: "https://riverton.example/park"}, announced))
	must(p.Publish(engagement.Publication{Kind: engagement.PublicationKindBackgroundInfo, Title: "Options report"}, announced.Add(time.Hour)))
	must(p.RecordReach(campaignID, audienceOf(3100, 4000), announced.Add(2*time.Hour)))
	must(p.AddActivity(engagement.ActivitySpec{ID: workshopID, Title: "Design workshop", Method: engagement.MethodWorkshop,
		Start: opened.Add(Week), End: opened.Add(Week + 3*time.Hour), Place: "Riverside School", RegistrationRequired: true,
		Audience: audience}, announced.Add(3*time.Hour)))
	must(p.AddActivity(engagement.ActivitySpec{ID: surveyID, Title: "Park survey", Method: engagement.MethodSurvey,
		Start: opened, End: closed}, announced.Add(3*time.Hour)))
	must(p.Register(workshopID, person(0), announced.Add(4*time.Hour)))
	must(p.Register(workshopID, person(1), announced.Add(5*time.Hour)))
	must(p.AddMention(campaignID, engagement.Clipping{Outlet: "Riverton Gazette", Headline: "Have your say on the park", Mention: metrics.Mention{Reach: 12000, Tone: metrics.TonePositive}}, announced.Add(Week)))
	must(p.Open(opened))
	must(p.RecordReach(campaignID, audienceOf(5200, 9000), opened))
	subs := []engagement.Submission{
		{ID: id(1000), Participant: person(0), Kind: engagement.ContributionKindIdea, Text: "Replace the car park with a play area", Activity: surveyID},
		{ID: id(1001), Participant: person(1), Kind: engagement.ContributionKindObjection, Text: "Keep the car park: the elderly need it"},
		{ID: id(1002), Participant: person(2), Kind: engagement.ContributionKindQuestion, Text: "Will the trees stay?"},
		{ID: id(1003), Participant: person(0), Kind: engagement.ContributionKindComment, Text: "A quiet zone by the water", Activity: surveyID},
		{ID: id(1004), Participant: person(3), Kind: engagement.ContributionKindSurveyResponse, Text: "Q1 yes; Q2 play area", Activity: surveyID},
	}
	for k, s := range subs {
		must(p.Contribute(s, opened.Add(time.Duration(k+1)*time.Hour)))
	}
	must(p.Attend(workshopID, person(0), opened.Add(Week)))
	must(p.Attend(workshopID, person(1), opened.Add(Week+time.Minute)))
	must(p.Contribute(engagement.Submission{ID: id(1005), Participant: person(1), Kind: engagement.ContributionKindIdea, Text: "Shade sails over the play area", Activity: workshopID}, opened.Add(Week+2*time.Hour)))
	must(p.AddMention(campaignID, engagement.Clipping{Outlet: "Radio Riverton", Mention: metrics.Mention{Reach: 3000, Tone: metrics.ToneNegative}}, opened.Add(Week+3*time.Hour)))
	responses := []engagement.Response{
		{Kind: engagement.ResponseKindAccepted, Text: "The play area replaces the car park.", Responder: officerID},
		{Kind: engagement.ResponseKindNotAccepted, Text: "Disabled bays stay; the rest goes.", Responder: officerID},
		{Kind: engagement.ResponseKindNoted, Text: "All healthy trees stay.", Responder: id(31)},
		{Kind: engagement.ResponseKindPartlyAccepted, Text: "A quiet area, not a zone.", Responder: officerID},
		{Kind: engagement.ResponseKindNoted, Responder: id(31)},
		{Kind: engagement.ResponseKindOutOfScope, Text: "Shade is part of next year's budget.", Responder: officerID},
	}
	for k, r := range responses {
		must(p.Respond(id(1000+k), r, opened.Add(2*Week+time.Duration(k)*time.Hour)))
	}
	must(p.Rate(id(1000), engagement.Quality{Substantive: true, Score: 3}))
	must(p.Rate(id(1001), engagement.Quality{Substantive: true, Score: 2}))
	must(p.Rate(id(1002), engagement.Quality{}))
	must(p.Publish(engagement.Publication{Kind: engagement.PublicationKindInputSummary, Title: "What we heard"}, closed.Add(-engagement.Day)))
	must(p.Close(closed))
	must(p.Decide(engagement.Decision{
		Outcome:   "Play area where the car park is; a quiet area by the water",
		Rationale: "Most input asked for a play area (1000); disabled bays stay after the objection (1001).",
		ShapedBy:  []uuid.UUID{id(1000), id(1001), id(1003)},
	}, decided))
	must(p.Publish(engagement.Publication{Kind: engagement.PublicationKindDecisionNotice, Title: "Decision on Riverside Park"}, decided))
	must(p.AddCommitment(commitmentSpec(commitID), decided.Add(time.Hour)))
	c2 := engagement.CommitmentSpec{ID: commit2ID, Action: "Plant a quiet area", Owner: "Parks Department", Due: date(time.June, 1),
		Milestones: []engagement.MilestoneSpec{{Name: "Planting", Weight: 5}}, ShapedBy: []uuid.UUID{id(1003)}}
	must(p.AddCommitment(c2, decided.Add(2*time.Hour)))
	must(p.StartImplementation(started))
	must(p.CompleteMilestone(commitID, "Design", started.Add(Week)))
	must(p.Publish(engagement.Publication{Kind: engagement.PublicationKindProgressReport, Title: "Park works: design done"}, started.Add(Week)))
	must(p.DropCommitment(commit2ID, "The river authority refused planting on the bank", started.Add(2*Week)))
	must(p.CompleteMilestone(commitID, "Build", date(time.June, 20)))
	must(p.Complete(completed))
	return p
}

// seqID returns a distinct ID for each n, cheaply.
func seqID(n uint64) uuid.UUID {
	var u uuid.UUID
	binary.BigEndian.PutUint64(u[8:], n)
	u[0] = 0xbe
	return u
}

// benchPeople returns n eligible participants with varied profiles.
func benchPeople(n int) []engagement.Participant {
	bands := []stakeholder.AgeBand{stakeholder.AgeBand18To24, stakeholder.AgeBand25To34, stakeholder.AgeBand35To44, stakeholder.AgeBand65To74}
	areas := []string{"north", "south"}
	out := make([]engagement.Participant, n)
	for i := range out {
		out[i] = engagement.Participant{ID: seqID(1<<40 + uint64(i)), Profile: stakeholder.Profile{
			AgeBand: bands[i%len(bands)], Area: areas[i%len(areas)], Resident: true}}
	}
	return out
}

// addStakeholder adds a stakeholder with the given scores (power, interest,
// legitimacy, urgency) to m.
func addStakeholder(t testing.TB, m *stakeholder.Map, sid uuid.UUID, name string, kind stakeholder.Kind, scores ...stakeholder.Score) {
	t.Helper()
	s, err := stakeholder.New(sid, stakeholder.Details{Name: name, Kind: kind, Assessment: stakeholder.Assessment{
		Power: scores[0], Interest: scores[1], Legitimacy: scores[2], Urgency: scores[3],
		Attitude: stakeholder.AttitudeNeutral, Desired: stakeholder.AttitudeSupportive,
	}})
	require.NoError(t, err)
	require.NoError(t, m.Add(s))
}

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

// The examples' fixed IDs.
var (
	exProcess  = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000001")
	exCity     = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000002")
	exOfficer  = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000003")
	exAda      = uuid.MustParse("6f1c0a52-0000-4000-8000-0000000000a1")
	exBen      = uuid.MustParse("6f1c0a52-0000-4000-8000-0000000000b1")
	exIdea     = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000c01")
	exQuestion = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000c02")
	exLeaflets = uuid.MustParse("6f1c0a52-0000-4000-8000-000000000e01")
)
