package engagement

import (
	"errors"
	"iter"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// ContributionKind is what a participant hands in.
//
// The zero value is invalid. ContributionKind's text form is its lowercase
// name.
type ContributionKind int

// The kinds of contribution.
const (
	// ContributionKindComment: a view on the decision at stake.
	ContributionKindComment ContributionKind = iota + 1
	// ContributionKindIdea: a proposal of something to do.
	ContributionKindIdea
	// ContributionKindObjection: a formal objection to a plan or an option.
	ContributionKindObjection
	// ContributionKindQuestion: a question the body is to answer.
	ContributionKindQuestion
	// ContributionKindSurveyResponse: one person's completed questionnaire.
	ContributionKindSurveyResponse
	// ContributionKindVote: a choice among options.
	ContributionKindVote
)

// Submission is what a participant hands in: the input to
// [Process.Contribute]. It is plain data.
type Submission struct {
	// ID identifies the contribution; never Nil, unique in the process.
	ID uuid.UUID
	// Participant is who hands it in.
	Participant Participant
	// Kind is what it is.
	Kind ContributionKind
	// Text is its content: the comment, the idea, the question, a summary
	// of the survey answers, the option voted for. Never blank.
	Text string
	// Activity is the ID of the two-way activity through which it came (the
	// workshop, the survey), or uuid.Nil when it came in directly.
	Activity uuid.UUID
}

// Validate reports a Nil ID, an invalid participant, an undeclared kind and
// a blank text, joined; each wraps [ErrInvalid] (or
// stakeholder.ErrInvalidProfile). It does not check the process's rules:
// [Process.Contribute] does.
func (s Submission) Validate() error {
	return errors.Join(checkID("id", s.ID), s.Participant.Validate(), checkText("text", s.Text), checkEnum("kind", s.Kind))
}

// MaxQualityScore is the top of the quality rubric's scale (see [Quality]).
const MaxQualityScore = 3

// Quality is the body's rating of a contribution's quality. It follows the
// "level of justification" of the Discourse Quality Index (Steenbergen,
// Bächtiger, Spörndli & Steiner 2003, "Measuring political deliberation: a
// discourse quality index", Comparative European Politics 1(1): 21–48),
// which practitioners use to judge feedback quality:
//
//	0  no justification: a bare position ("no to the car park")
//	1  inferior: a reason that does not connect to the position
//	2  qualified: one complete reason for the position
//	3  sophisticated: several complete reasons, or one with evidence or
//	   local knowledge the body did not have
//
// Substantive says whether the contribution addresses the decision at stake
// at all; an off-topic contribution is not substantive whatever its score.
// The two are independent judgements so that a report can show both.
//
// The zero value is a valid rating: not substantive, score 0.
type Quality struct {
	// Substantive reports whether the contribution addresses the decision
	// at stake.
	Substantive bool `json:"substantive"`
	// Score is the level of justification, 0 to [MaxQualityScore].
	Score int `json:"score"`
}

// Validate reports a score outside 0–[MaxQualityScore], wrapping
// [ErrInvalid].
func (q Quality) Validate() error {
	if q.Score < 0 || q.Score > MaxQualityScore {
		return fieldErr("quality.score", strconv.Itoa(q.Score), ErrInvalid)
	}
	return nil
}

// contribution is the compact stored form of a contribution: 56 bytes with
// one pointer (the text), so a million of them are a 56 MB slice with no
// per-record allocation but their texts.
type contribution struct {
	id          uuid.UUID
	text        string
	at          int64 // nanoseconds since the Unix epoch (see stamp)
	participant int32 // index into Process.participants
	activity    int32 // index into Process.activities, -1 for none
	phase       int16 // index into Process.phases, -1 for none
	kind        uint8 // ContributionKind
	rated       bool
	substantive bool
	score       uint8
	seq         uint64 // the change that recorded it
}

// noIndex marks an absent activity or phase in a contribution.
const noIndex = -1

// Contribute records the submission s, received at at, in the open process.
// It refuses, with an [*OpError] and every reason joined: a process that is
// not open ([ErrWrongState]); a time before the latest change
// ([ErrTimeOrder]); an invalid submission ([ErrInvalid]); an ID already in
// use ([ErrDuplicate]); a participant the eligibility rules exclude
// ([ErrNotEligible]) or whose profile differs from the recorded one
// ([ErrProfileConflict]); a time no phase covers when the process has
// phases ([ErrNoActivePhase]); an unknown activity ([ErrNotFound]), a
// one-way one ([ErrMethodMismatch]) or one that has not started
// ([ErrTimeOrder]).
func (p *Process) Contribute(s Submission, at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	errs := p.precheck(whileOpen, at)
	c, pi := p.checkSubmission(s, at, &errs)
	errs.add(checkIndexLimit("contributions", len(p.contributions)))
	if err := p.refuse("contribute", errs); err != nil {
		return err
	}
	c.participant = p.addParticipant(s.Participant, pi)
	c.seq = p.touch(at)
	p.appendContribution(c)
	return nil
}

// checkSubmission checks s, received at at, against the process's rules and
// records, adding what it finds to errs. It returns the stored form (without
// the participant index) and the participant's index (-1 for a newcomer).
func (p *Process) checkSubmission(s Submission, at time.Time, errs *problems) (contribution, int32) {
	c := contribution{id: s.ID, text: s.Text, at: stamp(at), activity: noIndex, phase: noIndex, kind: uint8(s.Kind)}
	errs.add(s.Validate(), p.rules.Eligibility.admits(s.Participant.Profile, p.eligibleArea))
	if _, dup := p.contributionIndex[s.ID]; dup && s.ID != uuid.Nil {
		errs.add(fieldErr("id", s.ID.String(), ErrDuplicate))
	}
	pi, err := p.checkParticipant(s.Participant)
	errs.add(err)
	if len(p.phases) > 0 {
		ph := phaseAt(p.phases, at)
		if ph < 0 {
			errs.add(fieldErr("at", at.UTC().String(), ErrNoActivePhase))
		}
		c.phase = int16(ph)
	}
	if s.Activity != uuid.Nil {
		ai, ok := p.activityIndex[s.Activity]
		switch {
		case !ok:
			errs.add(fieldErr("activity", s.Activity.String(), ErrNotFound))
		case p.activities[ai].spec.Method.Direction() != CommunicationTwoWay:
			errs.add(fieldErr("activity", s.Activity.String(), ErrMethodMismatch))
		case at.Before(p.activities[ai].spec.Start):
			errs.add(&TimeOrderError{Field: "at", At: at, Blocker: "the start of the activity", BlockerAt: p.activities[ai].spec.Start, Err: ErrTimeOrder})
		}
		c.activity = ai
	}
	return c, pi
}

// appendContribution stores a checked contribution with an empty response.
func (p *Process) appendContribution(c contribution) {
	i := int32(len(p.contributions))
	p.contributions = append(p.contributions, c)
	p.responses = append(p.responses, response{})
	p.contributionIndex[c.id] = i
	pt := &p.participants[c.participant]
	if pt.contributions == 0 {
		p.contributors++
	}
	pt.contributions++
}

// Rate records the body's quality rating of the contribution with ID id,
// replacing any earlier rating: ratings are the body's own assessment, may be
// revised by a second reader, and are allowed in every state (an evaluation
// often comes after the process ends). It refuses an unknown ID
// ([ErrNotFound]) and an invalid rating ([ErrInvalid]) with an [*OpError].
func (p *Process) Rate(id uuid.UUID, q Quality) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	i, ok := p.contributionIndex[id]
	var errs problems
	errs.add(q.Validate())
	if !ok {
		errs.add(fieldErr("contribution", id.String(), ErrNotFound))
	}
	if err := p.refuse("rate", errs); err != nil {
		return err
	}
	c := &p.contributions[i]
	c.rated, c.substantive, c.score = true, q.Substantive, uint8(q.Score)
	return nil
}

// ContributionCount returns the number of contributions.
func (p *Process) ContributionCount() int {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return len(p.contributions)
}

// AnsweredCount returns the number of contributions with a response.
func (p *Process) AnsweredCount() int {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return p.answered
}

// Contribution returns the contribution with ID id, and false when the
// process holds none.
func (p *Process) Contribution(id uuid.UUID) (Contribution, bool) {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	i, ok := p.contributionIndex[id]
	if !ok {
		return Contribution{}, false
	}
	return p.contributionView(i), true
}

// Contributions yields every contribution in the order received.
func (p *Process) Contributions() iter.Seq[Contribution] {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return guardSeq(&p.use, func(yield func(Contribution) bool) {
		for i := range int32(len(p.contributions)) {
			if !yield(p.contributionView(i)) {
				return
			}
		}
	})
}

// contributionView builds the view of contribution i.
func (p *Process) contributionView(i int32) Contribution {
	c := &p.contributions[i]
	v := Contribution{
		id:          c.id,
		participant: p.participants[c.participant].view(),
		kind:        ContributionKind(c.kind),
		text:        c.text,
		at:          unstamp(c.at),
		phase:       int(c.phase) + 1,
		rated:       c.rated,
		quality:     Quality{Substantive: c.substantive, Score: int(c.score)},
	}
	if c.activity != noIndex {
		v.activity = p.activities[c.activity].spec.ID
	}
	if r := &p.responses[i]; r.kind != 0 {
		v.response = Response{Kind: ResponseKind(r.kind), Text: r.text, Responder: p.responders[r.responder]}
		v.respondedAt = unstamp(r.at)
	}
	return v
}

// Contribution is a contribution as the process holds it: what was
// submitted, when it was received, the phase it fell in, the body's quality
// rating and its official response. It is a snapshot: later changes to the
// process do not show in it.
//
// The zero value is an empty view with a Nil ID.
type Contribution struct {
	id          uuid.UUID
	participant Participant
	kind        ContributionKind
	text        string
	activity    uuid.UUID
	at          time.Time
	phase       int // index + 1; 0 for none
	rated       bool
	quality     Quality
	response    Response
	respondedAt time.Time
}

// ID returns the contribution's ID.
func (c Contribution) ID() uuid.UUID { return c.id }

// Participant returns who handed it in, with their profile.
func (c Contribution) Participant() Participant { return c.participant }

// Kind returns what it is.
func (c Contribution) Kind() ContributionKind { return c.kind }

// Text returns its content.
func (c Contribution) Text() string { return c.text }

// Activity returns the ID of the activity it came through, or uuid.Nil.
func (c Contribution) Activity() uuid.UUID { return c.activity }

// At returns when the body received it (UTC): the start of the response
// commitment.
func (c Contribution) At() time.Time { return c.at }

// Phase returns the index in [Process.Phases] of the phase it fell in, and
// -1 and false when the process has no phases.
func (c Contribution) Phase() (int, bool) { return c.phase - 1, c.phase > 0 }

// Quality returns the body's rating, and false when it is not rated.
func (c Contribution) Quality() (Quality, bool) { return c.quality, c.rated }

// Response returns the body's official response, and false when the
// contribution is unanswered.
func (c Contribution) Response() (Response, bool) { return c.response, !c.respondedAt.IsZero() }

// RespondedAt returns when the body responded (UTC), or the zero time when
// it has not.
func (c Contribution) RespondedAt() time.Time { return c.respondedAt }

// ResponseTime returns how long the body took to respond, and false when it
// has not.
func (c Contribution) ResponseTime() (time.Duration, bool) {
	if c.respondedAt.IsZero() {
		return 0, false
	}
	return c.respondedAt.Sub(c.at), true
}
