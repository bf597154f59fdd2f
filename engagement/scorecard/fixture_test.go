package scorecard_test

import (
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

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
