package engagement_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The petition of the initiative tests: two supports qualify it.
var (
	petitionID  = fixture.ID(900)
	initiatorID = fixture.ID(901)
	cityBody    = participation.PublicBody{ID: fixture.CityID, Name: "City of Riverton"}
)

// petition returns an initiative created on 1 February that qualified with
// two supports on 10 February and, unless submit is the zero time, was
// submitted to body at submit.
func petition(t testing.TB, iid uuid.UUID, body participation.PublicBody, submit time.Time) *participation.Initiative {
	t.Helper()
	in, err := participation.NewInitiative(participation.InitiativeSpec{
		ID: iid, Title: "Keep the river path open", Kind: participation.KindPetition,
		Initiators: []uuid.UUID{initiatorID}, Created: fixture.Date(time.February, 1),
	})
	require.NoError(t, err)
	require.NoError(t, in.SetRules(participation.SupportRules{Threshold: 2}))
	require.NoError(t, in.Open(fixture.Date(time.February, 2)))
	for n := range 2 {
		require.NoError(t, in.Sign(fixture.ID(950+n), stakeholder.Profile{Resident: true}, participation.SigningMethodOnline, fixture.Date(time.February, 3+n)))
	}
	require.NoError(t, in.Qualify(fixture.Date(time.February, 10)))
	if !submit.IsZero() {
		require.NoError(t, in.Submit(body, submit))
	}
	return in
}

// submitted returns the petition submitted to the city on 11 February.
func submitted(t testing.TB) *participation.Initiative {
	return petition(t, petitionID, cityBody, fixture.Date(time.February, 11))
}

// TestTakeUpAndAnswer follows a petition from its submission to the answer
// the process gives when it decides: both sides keep the link, and the link
// survives the JSON round trip.
func TestTakeUpAndAnswer(t *testing.T) {
	in := submitted(t)
	p := fixture.InState(t, engagement.StateClosed)
	at := fixture.Closed.Add(time.Hour)
	require.NoError(t, p.TakeUp(in, at))

	got, ok := p.Initiative(petitionID)
	require.True(t, ok)
	assert.Equal(t, engagement.TakenUp{Initiative: petitionID, Title: "Keep the river path open", Kind: participation.KindPetition,
		Supports: 2, SubmittedTo: cityBody, SubmittedAt: fixture.Date(time.February, 11), At: at}, got)
	assert.False(t, got.Answered())
	assert.Equal(t, participation.StateSubmitted, in.State(), "taking up does not change the initiative")

	require.NoError(t, p.Decide(fixture.Decision(), fixture.Decided))
	require.NoError(t, p.AnswerInitiative(in, participation.AnswerOutcomeAccepted, "", fixture.Decided))

	// A blank text is the decision's outcome.
	want := participation.Response{Outcome: participation.AnswerOutcomeAccepted, Text: fixture.Decision().Outcome, At: fixture.Decided, Process: fixture.ProcessID}
	r, ok := in.Response()
	require.True(t, ok)
	assert.Equal(t, want, r, "the initiative names the process")
	got, _ = p.Initiative(petitionID)
	assert.True(t, got.Answered())
	assert.Equal(t, want, got.Answer, "the process keeps the answer")
	assert.Equal(t, participation.StateAnswered, in.State())

	b := marshal(t, p)
	q, err := unmarshal(b)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(marshal(t, q)))
	back, ok := q.Initiative(petitionID)
	require.True(t, ok)
	assert.Equal(t, got, back)
	var all []engagement.TakenUp
	for x := range q.Initiatives() {
		all = append(all, x)
	}
	assert.Equal(t, []engagement.TakenUp{got}, all)
}

// TestTakeUpByAuthorityID accepts a submission addressed to the authority's
// own ID as well as to its stakeholder's.
func TestTakeUpByAuthorityID(t *testing.T) {
	in := petition(t, petitionID, participation.PublicBody{ID: fixture.AuthorityID, Name: "Riverton Council"}, fixture.Date(time.February, 11))
	p := fixture.NewProcess(t)
	require.NoError(t, p.TakeUp(in, fixture.Created))
	_, ok := p.Initiative(petitionID)
	assert.True(t, ok)
}

// TestTakeUpRefuses checks every reason to refuse, and that a refusal
// leaves the process unchanged.
func TestTakeUpRefuses(t *testing.T) {
	late := petition(t, petitionID, cityBody, fixture.Date(time.March, 5))
	cases := []struct {
		name    string
		process func(t testing.TB) *engagement.Process
		in      func(t testing.TB) *participation.Initiative
		at      time.Time
		want    error
	}{
		{"process decided", func(t testing.TB) *engagement.Process { return fixture.InState(t, engagement.StateDecided) }, submitted, fixture.Decided.Add(time.Hour), engagement.ErrWrongState},
		{"process cancelled", func(t testing.TB) *engagement.Process { return fixture.InState(t, engagement.StateCancelled) }, submitted, fixture.Completed, engagement.ErrWrongState},
		{"nil initiative", fixture.NewProcess, func(testing.TB) *participation.Initiative { return nil }, fixture.Created, engagement.ErrInvalid},
		{"still qualified", fixture.NewProcess, func(t testing.TB) *participation.Initiative {
			return petition(t, petitionID, cityBody, time.Time{})
		}, fixture.Created, engagement.ErrNotSubmitted},
		{"another body", fixture.NewProcess, func(t testing.TB) *participation.Initiative {
			return petition(t, petitionID, participation.PublicBody{ID: fixture.ID(77), Name: "County"}, fixture.Date(time.February, 11))
		}, fixture.Created, engagement.ErrWrongAuthority},
		{"before the submission", fixture.NewProcess, func(testing.TB) *participation.Initiative { return late }, fixture.Date(time.March, 4), engagement.ErrTimeOrder},
		{"before the latest change", func(t testing.TB) *engagement.Process { return fixture.InState(t, engagement.StateOpen) }, submitted, fixture.Announced, engagement.ErrTimeOrder},
		{"zero time", fixture.NewProcess, submitted, time.Time{}, engagement.ErrInvalid},
		{"taken up twice", func(t testing.TB) *engagement.Process {
			p := fixture.NewProcess(t)
			require.NoError(t, p.TakeUp(submitted(t), fixture.Created))
			return p
		}, submitted, fixture.Created, engagement.ErrDuplicate},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.process(t)
			before := marshal(t, p)
			err := p.TakeUp(tc.in(t), tc.at)
			require.ErrorIs(t, err, tc.want)
			var op *engagement.OpError
			require.ErrorAs(t, err, &op)
			assert.Equal(t, "take up", op.Op)
			assert.Equal(t, string(before), string(marshal(t, p)), "a refusal changes nothing")
		})
	}
}

// TestAnswerInitiativeRefuses checks every reason to refuse an answer, and
// that neither side changes when it is refused.
func TestAnswerInitiativeRefuses(t *testing.T) {
	// takenUp returns a closed process that took up a fresh petition, and
	// decides it when decide is set.
	takenUp := func(t *testing.T, decide bool) (*engagement.Process, *participation.Initiative) {
		in := submitted(t)
		p := fixture.InState(t, engagement.StateClosed)
		require.NoError(t, p.TakeUp(in, fixture.Closed))
		if decide {
			require.NoError(t, p.Decide(fixture.Decision(), fixture.Decided))
		}
		return p, in
	}
	cases := []struct {
		name    string
		setup   func(t *testing.T) (*engagement.Process, *participation.Initiative)
		outcome participation.AnswerOutcome
		text    string
		want    error
	}{
		{"not decided", func(t *testing.T) (*engagement.Process, *participation.Initiative) { return takenUp(t, false) },
			participation.AnswerOutcomeAccepted, "", engagement.ErrWrongState},
		{"never taken up", func(t *testing.T) (*engagement.Process, *participation.Initiative) {
			p, _ := takenUp(t, true)
			return p, petition(t, fixture.ID(902), cityBody, fixture.Date(time.February, 11))
		}, participation.AnswerOutcomeAccepted, "Yes", engagement.ErrNotFound},
		{"undeclared outcome", func(t *testing.T) (*engagement.Process, *participation.Initiative) { return takenUp(t, true) },
			0, "Yes", engagement.ErrInvalid},
		{"padded text", func(t *testing.T) (*engagement.Process, *participation.Initiative) { return takenUp(t, true) },
			participation.AnswerOutcomeRejected, " No ", engagement.ErrInvalid},
		{"nil initiative", func(t *testing.T) (*engagement.Process, *participation.Initiative) {
			p, _ := takenUp(t, true)
			return p, nil
		}, participation.AnswerOutcomeAccepted, "Yes", engagement.ErrInvalid},
		{"withdrawn after take-up", func(t *testing.T) (*engagement.Process, *participation.Initiative) {
			p, in := takenUp(t, true)
			require.NoError(t, in.Withdraw(initiatorID, "", fixture.Decided))
			return p, in
		}, participation.AnswerOutcomeAccepted, "Yes", engagement.ErrNotSubmitted},
		{"answered twice", func(t *testing.T) (*engagement.Process, *participation.Initiative) {
			p, in := takenUp(t, true)
			require.NoError(t, p.AnswerInitiative(in, participation.AnswerOutcomeAdopted, "Adopted", fixture.Decided))
			// Another initiative object with the same ID, still submitted.
			return p, submitted(t)
		}, participation.AnswerOutcomeAccepted, "Yes", engagement.ErrDuplicate},
		{"refused by the initiative", func(t *testing.T) (*engagement.Process, *participation.Initiative) {
			p, _ := takenUp(t, true)
			// The same ID, submitted after the answer's date: the
			// initiative refuses an answer before its submission.
			return p, petition(t, petitionID, cityBody, fixture.Decided.Add(fixture.Week))
		}, participation.AnswerOutcomeAccepted, "Yes", participation.ErrTimeOrder},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, in := tc.setup(t)
			before := marshal(t, p)
			var state participation.State
			if in != nil {
				state = in.State()
			}
			err := p.AnswerInitiative(in, tc.outcome, tc.text, fixture.Decided.Add(time.Hour))
			require.ErrorIs(t, err, tc.want)
			var op *engagement.OpError
			require.ErrorAs(t, err, &op)
			assert.Equal(t, string(before), string(marshal(t, p)), "the process is unchanged")
			if in != nil {
				assert.Equal(t, state, in.State(), "the initiative is unchanged")
			}
		})
	}
}

// TestInitiativeAtOneInstant takes up, decides and answers at one instant:
// the decoder must replay the take-up before the decision and the answer
// after it.
func TestInitiativeAtOneInstant(t *testing.T) {
	in := submitted(t)
	p := fixture.LooseProcess(t)
	at := fixture.Created
	require.NoError(t, p.Announce(at))
	require.NoError(t, p.Open(at))
	require.NoError(t, p.Contribute(engagement.Submission{ID: fixture.ID(1000), Participant: fixture.Person(0), Kind: engagement.ContributionKindIdea, Text: "Lights"}, at))
	require.NoError(t, p.Respond(fixture.ID(1000), engagement.Response{Kind: engagement.ResponseKindAccepted, Responder: fixture.OfficerID}, at))
	require.NoError(t, p.Close(at))
	require.NoError(t, p.TakeUp(in, at))
	require.NoError(t, p.Decide(fixture.Decision(), at))
	require.NoError(t, p.AnswerInitiative(in, participation.AnswerOutcomeAdopted, "Adopted as proposed", at))
	require.NoError(t, p.AddCommitment(fixture.CommitmentSpec(fixture.CommitID), at))
	require.NoError(t, p.StartImplementation(at))
	require.NoError(t, p.Cancel("merged into the city plan", at))

	b := marshal(t, p)
	q, err := unmarshal(b)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(marshal(t, q)))
}

// TestDecodeInitiativeRejects edits a valid document into ones the methods
// could not have produced: each is refused with the methods' error. The
// document is the one written before changes were numbered, whose order is
// derived from the times, so that moving a time moves the change; a
// numbered document replays its changes in their stated order (see
// TestDecodeNumbered).
func TestDecodeInitiativeRejects(t *testing.T) {
	in := submitted(t)
	p := fixture.InState(t, engagement.StateClosed)
	require.NoError(t, p.TakeUp(in, fixture.Closed.Add(time.Hour)))
	require.NoError(t, p.Decide(fixture.Decision(), fixture.Decided))
	require.NoError(t, p.AnswerInitiative(in, participation.AnswerOutcomeRejected, "The path stays closed for safety.", fixture.Decided.Add(time.Hour)))
	good := legacy(marshal(t, p))

	edit := func(t *testing.T, change func(x map[string]any)) []byte {
		var doc map[string]any
		require.NoError(t, json.Unmarshal(good, &doc))
		change(doc["initiatives"].([]any)[0].(map[string]any))
		b, err := json.Marshal(doc)
		require.NoError(t, err)
		return b
	}
	stamp := func(t time.Time) string { return t.Format(time.RFC3339Nano) }
	cases := []struct {
		name   string
		change func(x map[string]any)
		want   error
	}{
		{"another body", func(x map[string]any) {
			x["submitted_to"] = map[string]any{"id": fixture.ID(77).String(), "name": "County"}
		}, engagement.ErrWrongAuthority},
		{"blank body name", func(x map[string]any) { x["submitted_to"] = map[string]any{"id": fixture.CityID.String(), "name": " "} }, engagement.ErrInvalid},
		{"padded title", func(x map[string]any) { x["title"] = " Keep it " }, engagement.ErrInvalid},
		{"nil ID", func(x map[string]any) { x["initiative"] = uuid.Nil.String() }, engagement.ErrInvalid},
		{"negative supports", func(x map[string]any) { x["supports"] = -1 }, engagement.ErrInvalid},
		{"submitted after taken up", func(x map[string]any) { x["submitted_at"] = stamp(fixture.Closed.Add(2 * time.Hour)) }, engagement.ErrTimeOrder},
		{"taken up after the decision", func(x map[string]any) {
			x["at"] = stamp(fixture.Decided.Add(time.Minute))
		}, engagement.ErrWrongState},
		{"answered before the decision", func(x map[string]any) {
			x["answer"].(map[string]any)["at"] = stamp(fixture.Closed.Add(2 * time.Hour))
		}, engagement.ErrWrongState},
		{"answered before taken up", func(x map[string]any) {
			x["answer"].(map[string]any)["at"] = stamp(fixture.Closed)
		}, engagement.ErrTimeOrder},
		{"blank answer", func(x map[string]any) { x["answer"].(map[string]any)["text"] = "" }, engagement.ErrInvalid},
		{"zero answer time", func(x map[string]any) { x["answer"].(map[string]any)["at"] = stamp(time.Time{}) }, engagement.ErrInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := unmarshal(edit(t, tc.change))
			require.ErrorIs(t, err, tc.want)
		})
	}
	t.Run("twice", func(t *testing.T) {
		var doc map[string]any
		require.NoError(t, json.Unmarshal(good, &doc))
		list := doc["initiatives"].([]any)
		doc["initiatives"] = append(list, list[0])
		b, err := json.Marshal(doc)
		require.NoError(t, err)
		_, err = unmarshal(b)
		require.ErrorIs(t, err, engagement.ErrDuplicate)
	})
	t.Run("undeclared kind", func(t *testing.T) {
		_, err := unmarshal(edit(t, func(x map[string]any) { x["kind"] = "referendum" }))
		require.ErrorIs(t, err, participation.ErrInvalid)
	})
}

// TestNoInitiativesKeepsDocuments checks that a process that took up no
// initiative writes no "initiatives" field, so that documents written before
// initiatives existed are written the same.
func TestNoInitiativesKeepsDocuments(t *testing.T) {
	var doc map[string]any
	require.NoError(t, json.Unmarshal(marshal(t, fixture.RichProcess(t)), &doc))
	_, ok := doc["initiatives"]
	assert.False(t, ok)
	_, ok = fixture.NewProcess(t).Initiative(petitionID)
	assert.False(t, ok)
}
