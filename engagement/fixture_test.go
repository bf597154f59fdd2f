package engagement_test

import (
	"encoding/json"
	"fmt"
	"regexp"
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

// marshal returns the process's JSON.
func marshal(t testing.TB, p *engagement.Process) []byte {
	t.Helper()
	b, err := json.Marshal(p)
	require.NoError(t, err)
	return b
}

// seqField matches a change number of the wire form and the comma before
// it.
var seqField = regexp.MustCompile(`,"(seq|registered_seq|attended_seq|done_seq|drop_seq)":\d+`)

// legacy returns the document as written before changes were numbered:
// without any "seq".
func legacy(b []byte) []byte { return seqField.ReplaceAll(b, nil) }

// unmarshal decodes a process.
func unmarshal(b []byte) (*engagement.Process, error) {
	var p engagement.Process
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, err
	}
	return &p, nil
}
