package engagement

import (
	"errors"
	"iter"
	"strconv"
	"time"

	"github.com/civitas-go/civitas/participation"
	"github.com/google/uuid"
)

// TakenUp is a bottom-up initiative (package participation) that a process
// took up: a snapshot of what was submitted, when the process took it up,
// and the body's answer once given. It is where engagement and participation
// meet: residents gathered enough support for a petition or a proposal, the
// body handles it through a formal process, and answers it when the process
// decides. The initiative keeps the other end of the link: its
// participation.Response names the process's ID.
//
// TakenUp is plain data, returned as a copy by [Process.Initiative] and
// [Process.Initiatives]. The zero value has a Nil initiative ID.
type TakenUp struct {
	// Initiative is the initiative's ID.
	Initiative uuid.UUID
	// Title is the initiative's title when it was taken up.
	Title string
	// Kind is what kind of initiative it is (a petition, a proposal, …).
	Kind participation.Kind
	// Supports is the number of supports it was submitted with.
	Supports int
	// SubmittedTo is the public body it was submitted to: the process's
	// authority.
	SubmittedTo participation.PublicBody
	// SubmittedAt is when it was submitted (UTC).
	SubmittedAt time.Time
	// At is when the process took it up (UTC).
	At time.Time
	// Answer is the body's answer, the zero Response until it is given; its
	// Process field is the process's ID.
	Answer participation.Response
}

// Answered reports whether the body has answered the initiative.
func (t TakenUp) Answered() bool { return !t.Answer.At.IsZero() }

// beforeDecision is the set of states in which a process may take up an
// initiative: while the decision it is to be answered with is still to come.
const beforeDecision stateSet = 1<<StateDraft | 1<<StateAnnounced | 1<<StateOpen | 1<<StateClosed

// TakeUp records that the process took up the initiative in, at at. The
// initiative must have been submitted (participation.StateSubmitted, which it
// reaches only after it qualified) to the process's authority: its public
// body's ID must be the authority's ID or the ID of the authority's
// stakeholder (participation.PublicBody.ID is a stakeholder ID). Names are
// not compared: a body goes by several.
//
// Taking up is allowed before the process decides (draft, announced, open or
// closed): the decision is what the initiative will be answered with (see
// [Process.AnswerInitiative]). TakeUp does not change the initiative.
//
// It refuses, with an [*OpError] and every reason joined: a process that has
// decided or ended ([ErrWrongState]); a time before the latest change or
// before the submission ([ErrTimeOrder]); a nil initiative, or one whose
// title or body cannot be kept exactly ([ErrInvalid]); an initiative that is
// not submitted ([ErrNotSubmitted]); one submitted to another body
// ([ErrWrongAuthority]); and one the process already took up
// ([ErrDuplicate]).
func (p *Process) TakeUp(in *participation.Initiative, at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	var errs problems
	switch {
	case in == nil:
		errs.add(fieldErr("initiative", "nil", ErrInvalid))
	case in.State() != participation.StateSubmitted:
		errs.add(fieldErr("initiative.state", in.State().String(), ErrNotSubmitted))
	default:
		sub, _ := in.Submission()
		return p.takeUp(TakenUp{Initiative: in.ID(), Title: in.Title(), Kind: in.Kind(), Supports: in.Count(),
			SubmittedTo: sub.To, SubmittedAt: sub.At}, at)
	}
	// Without a submission there is no body or time to check: the
	// initiative's state is the reason.
	return p.refuse("take up", append(p.precheck(beforeDecision, at), errs...))
}

// takeUp checks the link t, made at at, against the process and records it.
// It is what [Process.TakeUp] and decoding share.
func (p *Process) takeUp(t TakenUp, at time.Time) error {
	errs := p.precheck(beforeDecision, at)
	errs.add(checkID("initiative.id", t.Initiative), checkText("initiative.title", t.Title),
		checkTime("initiative.submitted_at", t.SubmittedAt))
	if !t.Kind.IsValid() {
		errs.add(fieldErr("initiative.kind", t.Kind.String(), ErrInvalid))
	}
	if t.Supports < 0 {
		errs.add(fieldErr("initiative.supports", strconv.Itoa(t.Supports), ErrInvalid))
	}
	if err := errors.Join(checkID("initiative.submitted_to.id", t.SubmittedTo.ID),
		checkText("initiative.submitted_to.name", t.SubmittedTo.Name)); err != nil {
		errs.add(err)
	} else if t.SubmittedTo.ID != p.authority.id && t.SubmittedTo.ID != p.authority.stakeholder {
		errs.add(fieldErr("initiative.submitted_to", t.SubmittedTo.Name, ErrWrongAuthority))
	}
	if at.Before(t.SubmittedAt) {
		errs.add(&TimeOrderError{Field: "at", At: at, Blocker: "the initiative's submission", BlockerAt: t.SubmittedAt, Err: ErrTimeOrder})
	}
	if p.initiativeOf(t.Initiative) >= 0 {
		errs.add(fieldErr("initiative.id", t.Initiative.String(), ErrDuplicate))
	}
	if err := p.refuse("take up", errs); err != nil {
		return err
	}
	t.SubmittedAt, t.At, t.Answer = utc(t.SubmittedAt), utc(at), participation.Response{}
	p.initiativeIndex[t.Initiative] = int32(len(p.initiatives))
	p.initiatives = append(p.initiatives, t)
	p.initiativeSeq = append(p.initiativeSeq, [2]uint64{p.touch(at)})
	return nil
}

// AnswerInitiative answers, at at, the initiative the process took up, with
// the given outcome and text, through Initiative.Answer with the process's
// ID, so that both sides keep the link; an empty text stands for the
// decision's outcome. It is allowed once the process has decided (decided or
// implementing): the answer is the decision as it bears on the initiative,
// and the outcome says how (accepted, rejected or adopted). Both sides change
// or neither: the process checks everything first, then the initiative
// records the answer, and only then does the process.
//
// It refuses, with an [*OpError] and every reason joined: a process that has
// not decided or has ended ([ErrWrongState]); a time before the latest
// change ([ErrTimeOrder]); a nil initiative, an undeclared outcome, or a text
// with surrounding spaces or invalid UTF-8 ([ErrInvalid]); an initiative the
// process did not take up ([ErrNotFound]) or already answered
// ([ErrDuplicate]); and an initiative that is no longer submitted
// ([ErrNotSubmitted]), such as one its initiators withdrew. An error from
// Initiative.Answer itself is wrapped as it is, with the participation
// sentinel it matches.
func (p *Process) AnswerInitiative(in *participation.Initiative, outcome participation.AnswerOutcome, text string, at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	var errs problems
	var iid uuid.UUID
	if in == nil {
		errs.add(fieldErr("initiative", "nil", ErrInvalid))
	} else {
		iid = in.ID()
		if in.State() != participation.StateSubmitted {
			errs.add(fieldErr("initiative.state", in.State().String(), ErrNotSubmitted))
		}
	}
	if text == "" && p.decided {
		text = p.decision.outcome
	}
	r := participation.Response{Outcome: outcome, Text: text, At: utc(at), Process: p.id}
	i, errs := p.checkAnswer(iid, r, at, errs)
	if err := p.refuse("answer initiative", errs); err != nil {
		return err
	}
	if err := in.Answer(r); err != nil {
		return p.refuse("answer initiative", problems{err})
	}
	p.setAnswer(i, r, at)
	return nil
}

// checkAnswer checks the answer r, given at at, to the initiative with ID
// id, adding what it finds to errs; it returns the initiative's index.
func (p *Process) checkAnswer(id uuid.UUID, r participation.Response, at time.Time, errs problems) (int, problems) {
	errs = append(errs, p.precheck(onceDecided, at)...)
	if !r.Outcome.IsValid() {
		errs.add(fieldErr("answer.outcome", r.Outcome.String(), ErrInvalid))
	}
	errs.add(checkText("answer.text", r.Text))
	i := p.initiativeOf(id)
	switch {
	case id == uuid.Nil:
	case i < 0:
		errs.add(fieldErr("initiative", id.String(), ErrNotFound))
	case p.initiatives[i].Answered():
		errs.add(fieldErr("initiative", id.String(), ErrDuplicate))
	}
	return i, errs
}

// recordAnswer checks the answer r, given at at, to the initiative with ID
// id and records it, without the initiative: what decoding replays.
func (p *Process) recordAnswer(id uuid.UUID, r participation.Response, at time.Time) error {
	i, errs := p.checkAnswer(id, r, at, nil)
	if err := p.refuse("answer initiative", errs); err != nil {
		return err
	}
	p.setAnswer(i, r, at)
	return nil
}

// setAnswer records the checked answer r to initiative i.
func (p *Process) setAnswer(i int, r participation.Response, at time.Time) {
	r.At, r.Process = utc(at), p.id
	p.initiatives[i].Answer = r
	p.initiativeSeq[i][1] = p.touch(at)
}

// initiativeOf returns the index of the initiative with ID id, or -1.
func (p *process) initiativeOf(id uuid.UUID) int {
	if i, ok := p.initiativeIndex[id]; ok {
		return int(i)
	}
	return -1
}

// Initiative returns the initiative with ID id that the process took up, and
// false when it took up none with that ID.
func (p *Process) Initiative(id uuid.UUID) (TakenUp, bool) {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	i := p.initiativeOf(id)
	if i < 0 {
		return TakenUp{}, false
	}
	return p.initiatives[i], true
}

// Initiatives yields the initiatives the process took up, in the order it
// took them up.
func (p *Process) Initiatives() iter.Seq[TakenUp] {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return guardSeq(&p.use, seqOf(p.initiatives))
}
