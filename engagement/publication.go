package engagement

import (
	"errors"
	"iter"
	"time"
)

// PublicationKind is what a body publishes about a process. Publishing is
// how it keeps the public informed, the first element of every IAP2 promise,
// and how it reports back what the input changed.
//
// The zero value is invalid. PublicationKind's text form is its lowercase
// name.
type PublicationKind int

// The kinds of publication, in the order a process usually needs them.
const (
	// PublicationKindPublicNotice: the announcement of the process, its rules and dates.
	PublicationKindPublicNotice PublicationKind = iota + 1
	// PublicationKindBackgroundInfo: the facts, the options and the constraints.
	PublicationKindBackgroundInfo
	// PublicationKindInputSummary: what the body heard ("what we heard" report).
	PublicationKindInputSummary
	// PublicationKindFeedbackReport: the responses to the input and what it changed.
	PublicationKindFeedbackReport
	// PublicationKindDecisionNotice: the decision and its rationale.
	PublicationKindDecisionNotice
	// PublicationKindProgressReport: the progress of the commitments.
	PublicationKindProgressReport
)

// Publication is something the body made public about the process: the
// input to [Process.Publish]. It is plain data; its time is the time it was
// published.
type Publication struct {
	// Kind is what it is.
	Kind PublicationKind `json:"kind"`
	// Title names it. Never blank.
	Title string `json:"title"`
	// Link is where the public finds it (a URL or a place), or "".
	Link string `json:"link,omitempty"`
}

// Validate reports an undeclared kind, a blank title and an invalid link,
// joined; each wraps [ErrInvalid].
func (pub Publication) Validate() error {
	return errors.Join(checkText("publication.title", pub.Title), checkOptionalText("publication.link", pub.Link),
		checkEnum("publication.kind", pub.Kind))
}

// Publish records that pub was published at at. It is allowed in every
// state but the final ones, and refuses, with an [*OpError] and every reason
// joined: a final state ([ErrWrongState]), a time before the latest change
// ([ErrTimeOrder]) and an invalid publication ([ErrInvalid]).
func (p *Process) Publish(pub Publication, at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	errs := p.precheck(notFinal, at)
	errs.add(pub.Validate())
	if err := p.refuse("publish", errs); err != nil {
		return err
	}
	p.publications = append(p.publications, dated[Publication]{pub, utc(at), p.touch(at)})
	return nil
}

// Publications yields what was published and when (UTC), in order.
func (p *Process) Publications() iter.Seq2[time.Time, Publication] {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return guardSeq2(&p.use, seqDated(p.publications))
}
