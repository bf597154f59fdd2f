package engagement

import (
	"errors"
	"time"

	"github.com/google/uuid"
)

// ResponseKind is how the body answers a contribution: what it did with it.
// Answering every contribution is how a body closes the loop, and the kind
// is what tells a resident whether the input changed anything.
//
// The zero value is invalid. ResponseKind's text form is its lowercase name.
type ResponseKind int

// The kinds of response, from most to least uptake.
const (
	// ResponseKindAccepted: the contribution is taken up as it stands.
	ResponseKindAccepted ResponseKind = iota + 1
	// ResponseKindPartlyAccepted: part of it is taken up, or it is taken up changed.
	ResponseKindPartlyAccepted
	// ResponseKindNotAccepted: it is not taken up; the response must give the reason.
	ResponseKindNotAccepted
	// ResponseKindNoted: it is acknowledged and recorded without a decision on it (a
	// comment of support, an answered question).
	ResponseKindNoted
	// ResponseKindOutOfScope: it concerns something the process does not decide.
	ResponseKindOutOfScope
)

// Response is the body's official answer to one contribution: the input to
// [Process.Respond] and what [Contribution.Response] returns. It is plain
// data; its time is the time it was given.
type Response struct {
	// Kind is what the body did with the contribution.
	Kind ResponseKind `json:"kind"`
	// Text is the answer. It is required for NotAccepted, where it is the
	// reason, and optional otherwise.
	Text string `json:"text,omitempty"`
	// Responder is the pseudonymous ID of the official who answered; never
	// Nil.
	Responder uuid.UUID `json:"responder"`
}

// Validate reports an undeclared kind, a Nil responder and invalid text
// ([ErrInvalid]), and a NotAccepted response without a reason
// ([ErrReasonRequired]), joined.
func (r Response) Validate() error {
	text := checkOptionalText
	if r.Kind == ResponseKindNotAccepted {
		text = checkReason
	}
	return errors.Join(checkID("response.responder", r.Responder), checkEnum("response.kind", r.Kind), text("response.text", r.Text))
}

// response is the compact stored form of a response, in a slice parallel to
// the contributions; kind 0 means not answered.
type response struct {
	at        int64 // see stamp
	text      string
	responder int32 // index into Process.responders
	kind      uint8 // ResponseKind, 0 for none
	seq       uint64
}

// Respond records r, given at at, as the official response to the
// contribution with ID id.
//
// A response is final: one per contribution, and a second is refused with
// [ErrAlreadyAnswered]. An official answer is part of the public record and
// the start of the figures on response time; a body that wants to correct
// one says so in a publication or in its decision, not by rewriting it.
//
// Responses are allowed while the process is open, closed, decided or
// implementing. Respond refuses, with an [*OpError] and every reason joined:
// another state ([ErrWrongState]), a time before the latest change
// ([ErrTimeOrder]), an invalid response ([ErrInvalid], [ErrReasonRequired])
// and an unknown contribution ([ErrNotFound]).
func (p *Process) Respond(id uuid.UUID, r Response, at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	errs := p.precheck(whileAnswerable, at)
	errs.add(r.Validate())
	i, ok := p.contributionIndex[id]
	switch {
	case !ok:
		errs.add(fieldErr("contribution", id.String(), ErrNotFound))
	case p.responses[i].kind != 0:
		errs.add(fieldErr("contribution", id.String(), ErrAlreadyAnswered))
	}
	if err := p.refuse("respond", errs); err != nil {
		return err
	}
	p.setResponse(i, r, stamp(at))
	p.responses[i].seq = p.touch(at)
	return nil
}

// setResponse stores a checked response to contribution i.
func (p *Process) setResponse(i int32, r Response, at int64) {
	ri, ok := p.responderIndex[r.Responder]
	if !ok {
		ri = int32(len(p.responders))
		p.responders = append(p.responders, r.Responder)
		p.responderIndex[r.Responder] = ri
	}
	p.responses[i] = response{at: at, text: r.Text, responder: ri, kind: uint8(r.Kind)}
	p.answered++
}
