package engagement_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/civitas-go/civitas/participation"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scenario says what the body does in an audited process; the zero value
// does the least the lifecycle allows.
type scenario struct {
	level        engagement.Level
	inform       bool // a notice before opening, a decision notice, a progress report
	input        bool // three contributions: an idea, an objection, a question
	answer       bool // answer all three within 21 days (else none)
	lateQuestion bool // answer the question on day 30 instead
	feedback     bool // publish "what we heard"
	cite         bool // the decision cites the idea and the objection
	accept       bool // accept the idea and partly accept the objection (else decline both with reasons)
	dialogue     bool // a workshop with one attendee, through which the idea comes
	deliberate   bool // an advisory committee with one attendee, through which the objection comes
	publicChoice bool // the decision follows the public's choice
	drop         bool // drop the commitment instead of doing it
}

// The audited process's timeline: created 1 March, announced 2 March, open
// from 16 March (14 days' notice), closed 13 April, decided 20 April,
// implementing from 1 May, completed 1 July.
func auditedProcess(t *testing.T, sc scenario) *engagement.Process {
	t.Helper()
	s := fixture.Spec(t)
	s.Level = sc.level
	s.Rules = engagement.Rules{NoticeDays: 14, ResponseDays: 21}
	s.Phases = nil
	p, err := engagement.NewProcess(s, fixture.Created)
	require.NoError(t, err)
	must := func(err error) {
		t.Helper()
		require.NoError(t, err)
	}
	must(p.Announce(fixture.Announced))
	if sc.inform {
		must(p.Publish(engagement.Publication{Kind: engagement.PublicationKindPublicNotice, Title: "Have your say on the park"}, fixture.Announced))
	}
	workshop := engagement.ActivitySpec{ID: fixture.WorkshopID, Title: "Design workshop", Method: engagement.MethodWorkshop, Start: fixture.Opened, End: fixture.Opened.Add(3 * time.Hour)}
	committee := engagement.ActivitySpec{ID: fixture.ID(13), Title: "Park advisory committee", Method: engagement.MethodAdvisoryCommittee, Start: fixture.Opened, End: fixture.Opened.Add(3 * time.Hour)}
	if sc.dialogue {
		must(p.AddActivity(workshop, fixture.Announced))
	}
	if sc.deliberate {
		must(p.AddActivity(committee, fixture.Announced))
	}
	must(p.Open(fixture.Opened))
	if sc.dialogue {
		must(p.Attend(fixture.WorkshopID, fixture.Person(0), fixture.Opened))
	}
	if sc.deliberate {
		must(p.Attend(committee.ID, fixture.Person(1), fixture.Opened))
	}
	if sc.input {
		subs := []engagement.Submission{
			{ID: fixture.ID(1000), Participant: fixture.Person(0), Kind: engagement.ContributionKindIdea, Text: "A play area"},
			{ID: fixture.ID(1001), Participant: fixture.Person(1), Kind: engagement.ContributionKindObjection, Text: "Keep the car park"},
			{ID: fixture.ID(1002), Participant: fixture.Person(2), Kind: engagement.ContributionKindQuestion, Text: "Will the oaks stay?"},
		}
		if sc.dialogue {
			subs[0].Activity = fixture.WorkshopID
		}
		if sc.deliberate {
			subs[1].Activity = committee.ID
		}
		for k, sub := range subs {
			must(p.Contribute(sub, fixture.Opened.Add(time.Duration(k+1)*time.Hour)))
		}
	}
	if sc.input && sc.answer {
		idea, objection := engagement.Response{Kind: engagement.ResponseKindNotAccepted, Text: "No budget", Responder: fixture.OfficerID}, engagement.Response{Kind: engagement.ResponseKindNotAccepted, Text: "Parking moves", Responder: fixture.OfficerID}
		if sc.accept {
			idea, objection = engagement.Response{Kind: engagement.ResponseKindAccepted, Responder: fixture.OfficerID}, engagement.Response{Kind: engagement.ResponseKindPartlyAccepted, Text: "Disabled bays stay", Responder: fixture.OfficerID}
		}
		must(p.Respond(fixture.ID(1000), idea, fixture.Opened.Add(fixture.Week)))
		must(p.Respond(fixture.ID(1001), objection, fixture.Opened.Add(fixture.Week)))
		if !sc.lateQuestion {
			must(p.Respond(fixture.ID(1002), engagement.Response{Kind: engagement.ResponseKindNoted, Text: "Yes", Responder: fixture.OfficerID}, fixture.Opened.Add(fixture.Week)))
		}
	}
	if sc.feedback {
		must(p.Publish(engagement.Publication{Kind: engagement.PublicationKindInputSummary, Title: "What we heard"}, fixture.Closed.Add(-engagement.Day)))
	}
	must(p.Close(fixture.Closed))
	if sc.input && sc.answer && sc.lateQuestion {
		must(p.Respond(fixture.ID(1002), engagement.Response{Kind: engagement.ResponseKindNoted, Text: "Yes", Responder: fixture.OfficerID}, fixture.Opened.Add(30*engagement.Day)))
	}
	d := engagement.Decision{Outcome: "A play area and a quiet area", Rationale: "As residents asked.", FollowsPublicChoice: sc.publicChoice}
	if sc.cite {
		d.ShapedBy = []uuid.UUID{fixture.ID(1000), fixture.ID(1001)}
	}
	must(p.Decide(d, fixture.Decided))
	if sc.inform {
		must(p.Publish(engagement.Publication{Kind: engagement.PublicationKindDecisionNotice, Title: "The decision"}, fixture.Decided))
	}
	c := fixture.CommitmentSpec(fixture.CommitID)
	c.ShapedBy = nil
	if sc.cite {
		c.ShapedBy = []uuid.UUID{fixture.ID(1000)}
	}
	must(p.AddCommitment(c, fixture.Decided.Add(time.Hour)))
	must(p.StartImplementation(fixture.Started))
	if sc.inform {
		must(p.Publish(engagement.Publication{Kind: engagement.PublicationKindProgressReport, Title: "Works begin"}, fixture.Started))
	}
	if sc.drop {
		must(p.DropCommitment(fixture.CommitID, "No contractor", fixture.Started.Add(fixture.Week)))
	} else {
		must(p.CompleteMilestone(fixture.CommitID, "Design", fixture.Started.Add(fixture.Week)))
		must(p.CompleteMilestone(fixture.CommitID, "Build", fixture.Started.Add(2*fixture.Week)))
	}
	must(p.Complete(fixture.Completed))
	return p
}

// statuses returns the audit's findings as "element=status" strings.
func statuses(a engagement.Audit) []string {
	var out []string
	for _, f := range a.Findings {
		out = append(out, f.Element.String()+"="+f.Status.String())
	}
	return out
}

// kept returns "element=kept" for each element.
func kept(es ...engagement.PromiseElement) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.String()+"=kept")
	}
	return out
}

// The elements of each level's promise, for processes with a response
// commitment and no initiative.
var (
	informElements  = []engagement.PromiseElement{engagement.PromiseElementInformedBeforeOpening, engagement.PromiseElementDecisionPublished, engagement.PromiseElementProgressReported}
	consultElements = append(informElements[:3:3], engagement.PromiseElementInputGathered, engagement.PromiseElementInputAnswered, engagement.PromiseElementAnsweredOnTime,
		engagement.PromiseElementFeedbackPublished, engagement.PromiseElementDecisionCitesInput)
	involveElements     = append(consultElements[:8:8], engagement.PromiseElementDialogueHeld, engagement.PromiseElementInputReflected)
	collaborateElements = append(involveElements[:10:10], engagement.PromiseElementDeliberationHeld, engagement.PromiseElementRecommendationsIncorporated)
	empowerElements     = append(collaborateElements[:12:12], engagement.PromiseElementPublicChoiceFollowed, engagement.PromiseElementChoiceImplemented)
)

// TestAuditKept runs, for each level, a process that keeps every element of
// its promise: every finding is kept, and the rung reached is the one the
// level corresponds to.
func TestAuditKept(t *testing.T) {
	good := scenario{inform: true, input: true, answer: true, feedback: true, cite: true, dialogue: true, deliberate: true, accept: true}
	cases := []struct {
		level engagement.Level
		sc    scenario
		want  []engagement.PromiseElement
		rung  participation.Rung
	}{
		// Told, never asked: informing.
		{engagement.LevelInform, scenario{inform: true}, informElements, participation.RungInforming},
		// Asked, answered, cited, nothing accepted: consultation.
		{engagement.LevelConsult, scenario{inform: true, input: true, answer: true, feedback: true, cite: true}, consultElements, participation.RungConsultation},
		// Some input accepted and cited, the body judging what to take: placation.
		{engagement.LevelInvolve, scenario{inform: true, input: true, answer: true, feedback: true, cite: true, dialogue: true, accept: true}, involveElements, participation.RungPlacation},
		// The committee's recommendation accepted and cited: partnership.
		{engagement.LevelCollaborate, good, collaborateElements, participation.RungPartnership},
		// The public's own choice, carried out: delegated power.
		{engagement.LevelEmpower, func() scenario { s := good; s.publicChoice = true; return s }(), empowerElements, participation.RungDelegatedPower},
	}
	for _, tc := range cases {
		t.Run(tc.level.String(), func(t *testing.T) {
			tc.sc.level = tc.level
			p := auditedProcess(t, tc.sc)
			a, err := p.Audit(fixture.Completed.Add(engagement.Day))
			require.NoError(t, err)
			assert.Equal(t, kept(tc.want...), statuses(a))
			assert.True(t, a.Kept())
			assert.Equal(t, tc.rung, a.Rung)
			assert.Equal(t, engagement.ExpectedRung(tc.level), a.Expected)
			assert.False(t, a.FellShort())
			assert.Equal(t, fixture.ProcessID, a.Process)
			assert.Equal(t, engagement.StateCompleted, a.State)
		})
	}
}

// TestAuditBroken runs, for each level, a process that breaks its promise
// in the way that level is most often broken.
func TestAuditBroken(t *testing.T) {
	cases := []struct {
		name   string
		sc     scenario
		broken []engagement.PromiseElement
		rung   participation.Rung
	}{
		// Nothing published: the public was never told.
		{"inform", scenario{level: engagement.LevelInform}, informElements, participation.RungInforming},
		// Input gathered and answered by nobody, nothing cited: the
		// consultation was tokenism, the public only informed.
		{"consult", scenario{level: engagement.LevelConsult, inform: true, input: true},
			[]engagement.PromiseElement{engagement.PromiseElementInputAnswered, engagement.PromiseElementAnsweredOnTime, engagement.PromiseElementFeedbackPublished, engagement.PromiseElementDecisionCitesInput},
			participation.RungInforming},
		// Everyone answered and the input cited, but no dialogue and
		// nothing taken up: consultation, short of placation.
		{"involve", scenario{level: engagement.LevelInvolve, inform: true, input: true, answer: true, feedback: true, cite: true},
			[]engagement.PromiseElement{engagement.PromiseElementDialogueHeld, engagement.PromiseElementInputReflected}, participation.RungConsultation},
		// The committee met, but its recommendation was declined: placation
		// at best, here consultation as nothing cited was accepted.
		{"collaborate", scenario{level: engagement.LevelCollaborate, inform: true, input: true, answer: true, feedback: true, cite: true, dialogue: true, deliberate: true},
			[]engagement.PromiseElement{engagement.PromiseElementInputReflected, engagement.PromiseElementRecommendationsIncorporated}, participation.RungConsultation},
		// The body decided otherwise and dropped the commitment.
		{"empower", scenario{level: engagement.LevelEmpower, inform: true, input: true, answer: true, feedback: true, cite: true, dialogue: true, deliberate: true, accept: true, drop: true},
			[]engagement.PromiseElement{engagement.PromiseElementPublicChoiceFollowed, engagement.PromiseElementChoiceImplemented}, participation.RungPartnership},
		// A late answer breaks the response commitment only.
		{"consult, late", scenario{level: engagement.LevelConsult, inform: true, input: true, answer: true, lateQuestion: true, feedback: true, cite: true},
			[]engagement.PromiseElement{engagement.PromiseElementAnsweredOnTime}, participation.RungConsultation},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := auditedProcess(t, tc.sc)
			a, err := p.Audit(fixture.Completed.Add(engagement.Day))
			require.NoError(t, err)
			var broken []engagement.PromiseElement
			for _, f := range a.Findings {
				require.NotEqual(t, engagement.PromiseStatusPending, f.Status, "a completed process has nothing pending")
				if f.Status == engagement.PromiseStatusBroken {
					broken = append(broken, f.Element)
				}
			}
			assert.Equal(t, tc.broken, broken)
			assert.False(t, a.Kept())
			assert.Equal(t, tc.rung, a.Rung)
			assert.Equal(t, tc.rung < engagement.ExpectedRung(tc.sc.level), a.FellShort())
		})
	}
}

// TestAuditEvidence checks the counts, IDs and dates of findings worked out
// by hand.
func TestAuditEvidence(t *testing.T) {
	p := auditedProcess(t, scenario{level: engagement.LevelInvolve, inform: true, input: true, answer: true, lateQuestion: true,
		feedback: true, cite: true, dialogue: true})
	a, err := p.Audit(fixture.Completed)
	require.NoError(t, err)
	find := func(e engagement.PromiseElement) engagement.Finding {
		f, ok := a.Finding(e)
		require.True(t, ok, e)
		return f
	}
	// One notice before the opening, on 2 March.
	f := find(engagement.PromiseElementInformedBeforeOpening)
	assert.Equal(t, int64(1), f.Count)
	assert.Equal(t, fixture.Announced, f.At)
	assert.Equal(t, "1 publication before the opening, the first on 2025-03-02", f.Detail)
	// The question (1002) took 30 days against a commitment of 21.
	f = find(engagement.PromiseElementAnsweredOnTime)
	assert.Equal(t, engagement.PromiseStatusBroken, f.Status)
	assert.Equal(t, []int64{2, 3}, []int64{f.Count, f.Of})
	assert.Equal(t, []uuid.UUID{fixture.ID(1002)}, f.IDs)
	assert.Equal(t, "2 of 3 inputs answered within 21 days; 1 answered late, 0 overdue", f.Detail)
	// The decision cites the idea and the objection: 2 of 3.
	f = find(engagement.PromiseElementDecisionCitesInput)
	assert.Equal(t, []uuid.UUID{fixture.ID(1000), fixture.ID(1001)}, f.IDs)
	assert.Equal(t, fixture.Decided, f.At)
	assert.Equal(t, "kept: decision cites input: the decision cites 2 of 3 contributions", f.String(), "words, not wire names")
	// Both cited were declined: nothing reflected.
	f = find(engagement.PromiseElementInputReflected)
	assert.Equal(t, engagement.PromiseStatusBroken, f.Status)
	assert.Equal(t, []int64{0, 2}, []int64{f.Count, f.Of})
	// The workshop was held.
	f = find(engagement.PromiseElementDialogueHeld)
	assert.Equal(t, []uuid.UUID{fixture.WorkshopID}, f.IDs)
	_, ok := a.Finding(engagement.PromiseElementDeliberationHeld)
	assert.False(t, ok, "not part of the involve promise")

	lines := a.Lines()
	assert.Equal(t, "promised involve (placation); reached consultation (tokenism)", lines[0])
	assert.Len(t, lines, 1+len(a.Findings))
	assert.Equal(t, strings.Join(lines, "\n"), a.String())
	assert.Equal(t, 2, a.Count(engagement.PromiseStatusBroken))
	assert.True(t, a.FellShort())
}

// TestAuditPending audits a consultation while it is open: what is not yet
// due is pending, and an unanswered input turns from pending to broken once
// its 21 days have passed.
func TestAuditPending(t *testing.T) {
	s := fixture.Spec(t)
	s.Rules.AnswerBeforeDeciding = false
	p, err := engagement.NewProcess(s, fixture.Created)
	require.NoError(t, err)
	a, err := p.Audit(fixture.Created)
	require.NoError(t, err)
	for _, f := range a.Findings {
		assert.Equal(t, engagement.PromiseStatusPending, f.Status, f.Element)
	}
	assert.Equal(t, participation.RungInforming, a.Rung)

	require.NoError(t, p.Announce(fixture.Announced))
	require.NoError(t, p.Publish(engagement.Publication{Kind: engagement.PublicationKindBackgroundInfo, Title: "Options"}, fixture.Announced))
	require.NoError(t, p.Open(fixture.Opened))
	require.NoError(t, p.Contribute(engagement.Submission{ID: fixture.ID(1000), Participant: fixture.Person(0), Kind: engagement.ContributionKindComment, Text: "More benches"}, fixture.Opened))

	a, err = p.Audit(fixture.Opened.Add(fixture.Week))
	require.NoError(t, err)
	want := []string{"informed_before_opening=kept", "decision_published=pending", "progress_reported=pending",
		"input_gathered=kept", "input_answered=pending", "answered_on_time=pending", "feedback_published=pending",
		"decision_cites_input=pending"}
	assert.Equal(t, want, statuses(a))

	a, err = p.Audit(fixture.Opened.Add(22 * engagement.Day))
	require.NoError(t, err)
	f, _ := a.Finding(engagement.PromiseElementInputAnswered)
	assert.Equal(t, engagement.PromiseStatusBroken, f.Status, "past its deadline")
	assert.Equal(t, []uuid.UUID{fixture.ID(1000)}, f.IDs)
	f, _ = a.Finding(engagement.PromiseElementAnsweredOnTime)
	assert.Equal(t, engagement.PromiseStatusBroken, f.Status)
	assert.Equal(t, "0 of 1 input answered within 21 days; 0 answered late, 1 overdue", f.Detail, "one input, in the singular")
}

// TestAuditCancelled: a cancelled process can keep nothing more, so what
// was pending is broken, and the detail says why.
func TestAuditCancelled(t *testing.T) {
	p := fixture.InState(t, engagement.StateOpen)
	require.NoError(t, p.Cancel("budget withdrawn", fixture.Closed))
	a, err := p.Audit(fixture.Closed)
	require.NoError(t, err)
	f, ok := a.Finding(engagement.PromiseElementDecisionCitesInput)
	require.True(t, ok)
	assert.Equal(t, engagement.PromiseStatusBroken, f.Status)
	assert.Equal(t, "not decided yet; the process cancelled on 2025-04-13", f.Detail)
	assert.Zero(t, a.Count(engagement.PromiseStatusPending))
}

// TestAuditInitiatives adds the initiatives element to any level's promise
// once an initiative is taken up.
func TestAuditInitiatives(t *testing.T) {
	in := submitted(t)
	p := fixture.InState(t, engagement.StateClosed)
	require.NoError(t, p.TakeUp(in, fixture.Closed))
	require.NoError(t, p.Decide(fixture.Decision(), fixture.Decided))
	a, err := p.Audit(fixture.Decided)
	require.NoError(t, err)
	f, ok := a.Finding(engagement.PromiseElementInitiativesAnswered)
	require.True(t, ok)
	assert.Equal(t, engagement.PromiseStatusPending, f.Status)
	assert.Equal(t, []uuid.UUID{petitionID}, f.IDs)

	require.NoError(t, p.AnswerInitiative(in, participation.AnswerOutcomeAccepted, "", fixture.Decided))
	a, err = p.Audit(fixture.Decided)
	require.NoError(t, err)
	f, _ = a.Finding(engagement.PromiseElementInitiativesAnswered)
	assert.Equal(t, engagement.PromiseStatusKept, f.Status)
	assert.Equal(t, "1 of 1 initiative taken up answered", f.Detail)
}

// TestAuditEvidenceIsCapped lists at most MaxEvidenceIDs records, while the
// counts cover them all.
func TestAuditEvidenceIsCapped(t *testing.T) {
	p := fixture.LooseProcess(t)
	require.NoError(t, p.Announce(fixture.Created))
	require.NoError(t, p.Open(fixture.Created))
	for n := range 15 {
		require.NoError(t, p.Contribute(engagement.Submission{ID: fixture.ID(1000 + n), Participant: fixture.Person(n % 4), Kind: engagement.ContributionKindComment, Text: "x"}, fixture.Created))
	}
	require.NoError(t, p.Cancel("stop", fixture.Created))
	a, err := p.Audit(fixture.Created)
	require.NoError(t, err)
	f, _ := a.Finding(engagement.PromiseElementInputAnswered)
	assert.Equal(t, []int64{0, 15}, []int64{f.Count, f.Of})
	assert.Len(t, f.IDs, engagement.MaxEvidenceIDs)
	_, ok := a.Finding(engagement.PromiseElementAnsweredOnTime)
	assert.False(t, ok, "no response commitment, no element")
}

// TestAuditVotesNeedNoAnswer: in an empowered budget vote, votes are
// counted, not answered one by one.
func TestAuditVotesNeedNoAnswer(t *testing.T) {
	s := fixture.Spec(t)
	s.Level, s.Rules, s.Phases = engagement.LevelEmpower, engagement.Rules{}, nil
	p, err := engagement.NewProcess(s, fixture.Created)
	require.NoError(t, err)
	require.NoError(t, p.Announce(fixture.Created))
	require.NoError(t, p.Open(fixture.Created))
	for n := range 3 {
		require.NoError(t, p.Contribute(engagement.Submission{ID: fixture.ID(1000 + n), Participant: fixture.Person(n), Kind: engagement.ContributionKindVote, Text: "Play area"}, fixture.Created))
	}
	require.NoError(t, p.Close(fixture.Closed))
	require.NoError(t, p.Decide(engagement.Decision{Outcome: "Play area", Rationale: "Won the vote", FollowsPublicChoice: true}, fixture.Decided))
	a, err := p.Audit(fixture.Decided)
	require.NoError(t, err)
	f, _ := a.Finding(engagement.PromiseElementInputAnswered)
	assert.Equal(t, engagement.PromiseStatusKept, f.Status)
	assert.Equal(t, "0 of 0 inputs answered", f.Detail)
	assert.Equal(t, participation.RungDelegatedPower, a.Rung)
}

func TestAuditRefusesTimes(t *testing.T) {
	p := fixture.InState(t, engagement.StateOpen)
	_, err := p.Audit(time.Time{})
	require.ErrorIs(t, err, engagement.ErrInvalid)
	_, err = p.Audit(fixture.Created)
	require.ErrorIs(t, err, engagement.ErrTimeOrder)
}

func TestExpectedRung(t *testing.T) {
	want := map[engagement.Level]participation.Rung{
		engagement.LevelInform: participation.RungInforming, engagement.LevelConsult: participation.RungConsultation,
		engagement.LevelInvolve: participation.RungPlacation, engagement.LevelCollaborate: participation.RungPartnership,
		engagement.LevelEmpower: participation.RungDelegatedPower, 0: 0,
	}
	for l, r := range want {
		assert.Equal(t, r, engagement.ExpectedRung(l), l)
	}
}

func TestPromiseElementLevels(t *testing.T) {
	want := map[engagement.PromiseElement]engagement.Level{}
	for _, e := range informElements {
		want[e] = engagement.LevelInform
	}
	for _, e := range consultElements[3:] {
		want[e] = engagement.LevelConsult
	}
	for _, e := range involveElements[8:] {
		want[e] = engagement.LevelInvolve
	}
	for _, e := range collaborateElements[10:] {
		want[e] = engagement.LevelCollaborate
	}
	for _, e := range empowerElements[12:] {
		want[e] = engagement.LevelEmpower
	}
	want[engagement.PromiseElementInitiativesAnswered] = engagement.LevelInform
	require.Len(t, want, len(engagement.PromiseElements()))
	for e, l := range want {
		assert.Equal(t, l, e.Level(), e)
	}
	assert.Zero(t, engagement.PromiseElement(0).Level())
	for _, m := range engagement.Methods() {
		want := m == engagement.MethodCitizensPanel || m == engagement.MethodCitizensAssembly || m == engagement.MethodAdvisoryCommittee
		assert.Equal(t, want, m.Deliberative(), m)
	}
	assert.Equal(t, fmt.Sprint(engagement.PromiseStatusKept), "kept")
}

// TestAuditOneWayActivitiesInform counts a fact sheet available before the
// opening as information, holds dialogue before a decision exists against
// the audit's time, and breaks InputReflected when a cited contribution's
// answer does not say how it was reflected.
func TestAuditOneWayActivitiesInform(t *testing.T) {
	s := fixture.Spec(t)
	s.Level, s.Phases = engagement.LevelInvolve, nil
	s.Rules = engagement.Rules{NoticeDays: 14, ResponseDays: 21}
	p, err := engagement.NewProcess(s, fixture.Created)
	require.NoError(t, err)
	// Recorded on 1 March, available from 28 February: it informs from
	// when it was recorded.
	require.NoError(t, p.AddActivity(engagement.ActivitySpec{ID: fixture.LeafletID, Title: "Fact sheet", Method: engagement.MethodFactSheet,
		Start: fixture.Created.Add(-engagement.Day), End: fixture.Completed}, fixture.Created))
	require.NoError(t, p.AddActivity(engagement.ActivitySpec{ID: fixture.WorkshopID, Title: "Walk", Method: engagement.MethodOpenHouse,
		Start: fixture.Opened, End: fixture.Opened.Add(time.Hour)}, fixture.Created))
	require.NoError(t, p.Announce(fixture.Announced))
	require.NoError(t, p.Open(fixture.Opened))
	require.NoError(t, p.Attend(fixture.WorkshopID, fixture.Person(0), fixture.Opened))
	require.NoError(t, p.Contribute(engagement.Submission{ID: fixture.ID(1000), Participant: fixture.Person(0), Kind: engagement.ContributionKindComment, Text: "Keep it wild"}, fixture.Opened))

	a, err := p.Audit(fixture.Opened.Add(time.Hour))
	require.NoError(t, err)
	f, _ := a.Finding(engagement.PromiseElementInformedBeforeOpening)
	assert.Equal(t, engagement.PromiseStatusKept, f.Status)
	assert.Equal(t, []uuid.UUID{fixture.LeafletID}, f.IDs)
	assert.Equal(t, fixture.Created, f.At)
	f, _ = a.Finding(engagement.PromiseElementDialogueHeld)
	assert.Equal(t, engagement.PromiseStatusKept, f.Status, "the open house has been held")
	f, _ = a.Finding(engagement.PromiseElementInputReflected)
	assert.Equal(t, engagement.PromiseStatusPending, f.Status)
	assert.Equal(t, "not decided yet", f.Detail)

	require.NoError(t, p.Respond(fixture.ID(1000), engagement.Response{Kind: engagement.ResponseKindNoted, Responder: fixture.OfficerID}, fixture.Opened.Add(time.Hour)))
	require.NoError(t, p.Close(fixture.Closed))
	require.NoError(t, p.Decide(engagement.Decision{Outcome: "Keep it wild", Rationale: "Asked for", ShapedBy: []uuid.UUID{fixture.ID(1000)}}, fixture.Decided))
	a, err = p.Audit(fixture.Decided)
	require.NoError(t, err)
	f, _ = a.Finding(engagement.PromiseElementInputReflected)
	assert.Equal(t, engagement.PromiseStatusBroken, f.Status)
	assert.Equal(t, []uuid.UUID{fixture.ID(1000)}, f.IDs, "cited, but only noted")
	assert.Equal(t, participation.RungConsultation, a.Rung)
}
