package engagement

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/civitas-go/civitas/participation"
	"github.com/google/uuid"
)

// PromiseElement is one element of the promise a process makes with its IAP2
// level: something the records show the body did or did not do. Each
// element belongs to the promise of its [PromiseElement.Level] and of every
// level above it, since the IAP2 promises build on one another: a body that
// consults also informs. The elements paraphrase the IAP2 Spectrum's
// promises (IAP2 International Federation 2018) as checks on records; the
// check of each is on its constant.
//
// The zero value is invalid. PromiseElement's text form is its lowercase
// name.
type PromiseElement int

// The elements, by the level whose promise first holds them.
const (
	// PromiseElementInformedBeforeOpening (inform: "we will keep you informed"): the body
	// made information public before it asked for input: a public notice
	// or background information published, or a one-way activity (a fact
	// sheet, a web page) available, no later than the opening. Pending
	// until the process opens.
	PromiseElementInformedBeforeOpening PromiseElement = iota + 1
	// PromiseElementDecisionPublished (inform): a decision notice published once the
	// process decided. Pending while decided; broken once implementation
	// starts without one.
	PromiseElementDecisionPublished
	// PromiseElementProgressReported (inform): a progress report published once
	// implementation started. Pending until the process ends.
	PromiseElementProgressReported
	// PromiseElementInputGathered (consult: "we will listen"): at least one contribution.
	// Pending until the process closes.
	PromiseElementInputGathered
	// PromiseElementInputAnswered (consult: "acknowledge concerns and aspirations"):
	// every input (every contribution but votes) answered. Broken when an
	// input is unanswered once the process decided or past its response
	// deadline; pending otherwise.
	PromiseElementInputAnswered
	// PromiseElementAnsweredOnTime (consult, only when the rules set a response
	// commitment): every input answered within it. Broken by an answer
	// after its deadline or an input unanswered past it at the time of
	// the audit.
	PromiseElementAnsweredOnTime
	// PromiseElementFeedbackPublished (consult: "provide feedback on how public input
	// influenced the decision"): an input summary ("what we heard") or a
	// feedback report published after the opening. Pending while decided;
	// broken once implementation starts without one.
	PromiseElementFeedbackPublished
	// PromiseElementDecisionCitesInput (consult): the decision names the contributions
	// that shaped it. Pending until the process decides.
	PromiseElementDecisionCitesInput
	// PromiseElementDialogueHeld (involve: "work with you"): at least one attended two-way
	// activity (an open house, a meeting, a workshop, a panel) that started
	// before the decision and that someone attended. Pending until the
	// process decides.
	PromiseElementDialogueHeld
	// PromiseElementInputReflected (involve: "your concerns and aspirations are directly
	// reflected"): the decision cites input, every cited contribution's
	// answer says how it was reflected (accepted, partly accepted, or not
	// accepted with its reason), and at least one of them was accepted or
	// partly accepted. Pending until the process decides.
	PromiseElementInputReflected
	// PromiseElementDeliberationHeld (collaborate: "look to you for advice and
	// innovation"): at least one deliberative activity (see
	// [Method.Deliberative]) that started before the decision and that
	// someone attended. Pending until the process decides.
	PromiseElementDeliberationHeld
	// PromiseElementRecommendationsIncorporated (collaborate: "incorporate your advice
	// and recommendations into the decisions to the maximum extent
	// possible"). The recommendations are the inputs made through
	// deliberative activities. As a measurable proxy for "the maximum
	// extent possible" this package requires that there is at least one,
	// that every one is answered, that at least half are accepted or partly
	// accepted (a partner whose advice is mostly declined is not a
	// partner), and that every accepted or partly accepted one is cited by
	// the decision or a commitment. Pending until the process decides.
	PromiseElementRecommendationsIncorporated
	// PromiseElementPublicChoiceFollowed (empower: "we will implement what you decide"):
	// the decision follows the public's own choice
	// ([Decision.FollowsPublicChoice]). Pending until the process decides.
	PromiseElementPublicChoiceFollowed
	// PromiseElementChoiceImplemented (empower): the commitments carry the choice out: at
	// least one commitment, none dropped, every one done. Broken by a
	// dropped commitment; pending while some are in progress.
	PromiseElementChoiceImplemented
	// PromiseElementInitiativesAnswered (every level, when the process took up an
	// initiative): every initiative taken up was answered. Pending until the
	// process ends.
	PromiseElementInitiativesAnswered
)

// promiseElementLevels is the level whose promise first holds each element.
var promiseElementLevels = [...]Level{0, LevelInform, LevelInform, LevelInform, LevelConsult, LevelConsult, LevelConsult, LevelConsult, LevelConsult,
	LevelInvolve, LevelInvolve, LevelCollaborate, LevelCollaborate, LevelEmpower, LevelEmpower, LevelInform}

// Level returns the lowest level whose promise holds the element, or 0 for
// an undeclared element.
func (e PromiseElement) Level() Level {
	if !e.IsValid() {
		return 0
	}
	return promiseElementLevels[e]
}

// PromiseStatus is what the records say of one element of a promise.
//
// The zero value is invalid. PromiseStatus's text form is its lowercase
// name.
type PromiseStatus int

// The statuses.
const (
	// PromiseStatusKept: the records show the element done.
	PromiseStatusKept PromiseStatus = iota + 1
	// PromiseStatusBroken: the records show it not done when it was due.
	PromiseStatusBroken
	// PromiseStatusPending: not yet due, and not yet done. A process in a final state has
	// nothing pending: what it did not do by then, it broke.
	PromiseStatusPending
)

// Deliberative reports whether the method convenes residents as a body that
// deliberates and recommends, the advice the IAP2 collaborate level
// promises to build into the decision: citizens' panels, citizens'
// assemblies and advisory committees (OECD 2020, Innovative Citizen
// Participation and New Democratic Institutions: Catching the Deliberative
// Wave). A workshop deliberates too, but the body keeps the design of the
// options (IAP2 lists it under involve), and a deliberative poll measures
// informed opinion without recommending as a body: both count as dialogue,
// not as deliberation here.
func (m Method) Deliberative() bool {
	switch m {
	case MethodCitizensPanel, MethodCitizensAssembly, MethodAdvisoryCommittee:
		return true
	}
	return false
}

// Finding is the audit's verdict on one element of the promise, with its
// evidence: how many records kept it out of how many (Count of Of), the IDs
// of the records that broke it or bear it out (at most [MaxEvidenceIDs]),
// the date that matters, and a sentence that says it. It is plain data.
type Finding struct {
	// Element is the element of the promise.
	Element PromiseElement `json:"element"`
	// Status is kept, broken or pending.
	Status PromiseStatus `json:"status"`
	// Count is how many records bear the element out: publications,
	// answered inputs, dialogue activities, accepted recommendations.
	Count int64 `json:"count"`
	// Of is the whole Count is out of (inputs, cited contributions), or 0
	// when the element counts no whole.
	Of int64 `json:"of"`
	// IDs name the records that bear the finding out: those that broke the
	// element (unanswered or late inputs, dropped commitments), or those
	// that kept it (cited contributions, activities held, one-way
	// activities that informed).
	IDs []uuid.UUID `json:"ids,omitempty"`
	// At is the date that matters: the first publication, the decision;
	// the zero time when none does.
	At time.Time `json:"at,omitzero"`
	// Detail says what was found, in words.
	Detail string `json:"detail"`
}

// String returns the finding on one line, in words for people, such as
// "kept: input answered: 5 of 5 inputs answered".
func (f Finding) String() string {
	return fmt.Sprintf("%s: %s: %s", f.Status.Text(), f.Element.Text(), f.Detail)
}

// Audit is a promise audit of a process: each element of the promise of its
// IAP2 level checked against the records, and the rung of Arnstein's ladder
// the process reached in practice. It is plain data; the zero value audits
// nothing.
type Audit struct {
	// Process is the audited process's ID.
	Process uuid.UUID `json:"process"`
	// Level is the level the process promised.
	Level Level `json:"level"`
	// State is the process's state when audited.
	State State `json:"state"`
	// At is when the audit was made; deadlines are judged at this time.
	At time.Time `json:"at"`
	// Findings holds one finding per element of the promise, in the order
	// of [PromiseElements].
	Findings []Finding `json:"findings"`
	// Rung is the rung of Arnstein's ladder the records show the public
	// reached (see [Process.Audit] for the mapping).
	Rung participation.Rung `json:"rung"`
	// Expected is the rung the promised level corresponds to (see
	// [ExpectedRung]).
	Expected participation.Rung `json:"expected"`
}

// Count returns the number of findings with status s.
func (a Audit) Count(s PromiseStatus) int {
	n := 0
	for _, f := range a.Findings {
		if f.Status == s {
			n++
		}
	}
	return n
}

// Kept reports whether every element of the promise is kept (and there is
// at least one).
func (a Audit) Kept() bool {
	return len(a.Findings) > 0 && a.Count(PromiseStatusKept) == len(a.Findings)
}

// Finding returns the finding on element e, and false when e is not part of
// the audited promise.
func (a Audit) Finding(e PromiseElement) (Finding, bool) {
	i := slices.IndexFunc(a.Findings, func(f Finding) bool { return f.Element == e })
	if i < 0 {
		return Finding{}, false
	}
	return a.Findings[i], true
}

// FellShort reports whether the process reached a lower rung than its
// promised level corresponds to: the mark of tokenism, a body that promised
// more influence than the public had.
func (a Audit) FellShort() bool { return a.Rung < a.Expected }

// ExpectedRung returns the rung of Arnstein's ladder (1969) that an IAP2
// level corresponds to when the promise is kept, the usual alignment of the
// two scales: inform with informing, consult with consultation, involve with
// placation (the public advises, the body decides what to take), collaborate
// with partnership (planning and decisions shared), empower with delegated
// power (the public holds the decision). An undeclared level returns 0.
func ExpectedRung(l Level) participation.Rung {
	switch l {
	case LevelInform:
		return participation.RungInforming
	case LevelConsult:
		return participation.RungConsultation
	case LevelInvolve:
		return participation.RungPlacation
	case LevelCollaborate:
		return participation.RungPartnership
	case LevelEmpower:
		return participation.RungDelegatedPower
	}
	return 0
}

// Audit holds the process's promise against its records as they stand at
// at, the time of the audit, which must be valid ([ErrInvalid]) and no
// earlier than the latest change ([ErrTimeOrder]): an audit reads every
// record it is dated after. Each element of the promise of the process's
// level (see [PromiseElement] for the checks) is kept, broken or pending;
// [PromiseElementAnsweredOnTime] is part of it only when the rules set a response
// commitment, and [PromiseElementInitiativesAnswered] only when the process took up an
// initiative.
//
// The rung of Arnstein's ladder the process reached in practice is read
// from the records, whatever the level promised; the first line that holds,
// from the top, gives it:
//
//	rung             when
//	delegated power  the decision follows the public's own choice, input was
//	                 gathered, every input answered, no commitment dropped
//	partnership      as placation, and a deliberative activity was held and
//	                 its recommendations incorporated (see
//	                 RecommendationsIncorporated)
//	placation        as consultation, and the decision cites input of which
//	                 some was accepted or partly accepted: the public had some
//	                 influence, but the body judged alone what to take
//	consultation     input was gathered and every input answered: the public
//	                 was heard and told, with no sign it changed anything
//	informing        anything less: the public was told, or asked and not
//	                 answered, one way, "with no channel for feedback"
//
// So a consult-level process that answered nobody reached informing, below
// the consultation it promised: tokenism. Manipulation and therapy are never
// assigned: they need evidence of intent the records do not carry, as
// participation.Assess explains; nor is citizen control, since a process the
// body runs and decides is not one the community governs.
func (p *Process) Audit(at time.Time) (Audit, error) {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	if err := p.checkAt(at); err != nil {
		return Audit{}, err
	}
	a := Audit{Process: p.id, Level: p.level, State: p.state, At: utc(at), Expected: ExpectedRung(p.level)}
	au := p.newAuditor(at)
	for _, e := range PromiseElements() {
		if e.Level() > p.level || (e == PromiseElementAnsweredOnTime && p.rules.ResponseDays == 0) ||
			(e == PromiseElementInitiativesAnswered && len(p.initiatives) == 0) {
			continue
		}
		f := au.check(e)
		f.Element = e
		if f.Status == PromiseStatusPending && p.state.Final() {
			f.Status = PromiseStatusBroken
			f.Detail += "; the process " + p.state.Text() + " on " + day(p.last)
		}
		a.Findings = append(a.Findings, f)
	}
	a.Rung = au.rung()
	return a, nil
}

// auditor holds what the checks share: the tally and the times of the
// lifecycle.
type auditor struct {
	p       *Process
	t       Tallies
	at      time.Time
	opened  time.Time // zero if never opened
	decided time.Time // zero if never decided
	implAt  time.Time // zero if implementation never started
}

func (p *Process) newAuditor(at time.Time) *auditor {
	au := &auditor{p: p, t: p.Tallies(at), at: at}
	au.opened, _ = p.EnteredAt(StateOpen)
	au.implAt, _ = p.EnteredAt(StateImplementing)
	if p.decided {
		au.decided, _ = p.EnteredAt(StateDecided)
	}
	return au
}

// status returns Kept when ok, and otherwise Broken when due, else Pending.
func status(ok, due bool) PromiseStatus {
	switch {
	case ok:
		return PromiseStatusKept
	case due:
		return PromiseStatusBroken
	}
	return PromiseStatusPending
}

// day formats a time as its UTC date.
func day(t time.Time) string { return t.UTC().Format(time.DateOnly) }

// check returns the finding on element e (without the element).
func (au *auditor) check(e PromiseElement) Finding {
	p, t := au.p, &au.t
	switch e {
	case PromiseElementInformedBeforeOpening:
		return au.publishedBy(func(k PublicationKind) bool {
			return k == PublicationKindPublicNotice || k == PublicationKindBackgroundInfo
		},
			au.opened, true, !au.opened.IsZero(), "before the opening")
	case PromiseElementDecisionPublished:
		return au.publishedBy(func(k PublicationKind) bool { return k == PublicationKindDecisionNotice },
			au.decided, false, !au.implAt.IsZero(), "after the decision")
	case PromiseElementProgressReported:
		return au.publishedBy(func(k PublicationKind) bool { return k == PublicationKindProgressReport },
			au.implAt, false, false, "once implementation started")
	case PromiseElementInputGathered:
		closed := p.state > StateOpen
		return Finding{Status: status(t.contributions > 0, closed), Count: t.contributions,
			Detail: count(t.contributions, "contribution", "contributions") + " from " + count(int64(p.contributors), "person", "people")}
	case PromiseElementInputAnswered:
		f := Finding{Status: status(t.answered == t.inputs && au.settled(), p.decided || t.overdue > 0), Count: t.answered, Of: t.inputs,
			Detail: fmt.Sprintf("%d of %s answered", t.answered, count(t.inputs, "input", "inputs"))}
		if f.Status != PromiseStatusKept {
			f.IDs = p.idsOf(t.unanswered)
		}
		return f
	case PromiseElementAnsweredOnTime:
		late := t.lateAnswered + t.overdue
		f := Finding{Status: status(t.onTime == t.inputs && au.settled(), late > 0), Count: t.onTime, Of: t.inputs,
			Detail: fmt.Sprintf("%d of %s answered within %s; %d answered late, %d overdue",
				t.onTime, count(t.inputs, "input", "inputs"), count(int64(p.rules.ResponseDays), "day", "days"), t.lateAnswered, t.overdue)}
		if f.Status == PromiseStatusBroken {
			f.IDs = p.idsOf(t.late)
		}
		return f
	case PromiseElementFeedbackPublished:
		return au.publishedBy(func(k PublicationKind) bool {
			return k == PublicationKindInputSummary || k == PublicationKindFeedbackReport
		},
			au.opened, false, !au.implAt.IsZero(), "after the opening")
	case PromiseElementDecisionCitesInput:
		n := int64(len(p.decision.shaped))
		f := Finding{Status: status(n > 0, p.decided), Count: n, Of: t.contributions, At: au.decided,
			Detail: fmt.Sprintf("the decision cites %d of %s", n, count(t.contributions, "contribution", "contributions"))}
		if !p.decided {
			f.Detail = "not decided yet"
		}
		f.IDs = p.idsOf(p.decision.shaped[:min(len(p.decision.shaped), MaxEvidenceIDs)])
		return f
	case PromiseElementDialogueHeld:
		return au.held(func(m Method) bool { return m.Direction() == CommunicationTwoWay && m.Attended() }, [2]string{"attended two-way activity", "attended two-way activities"})
	case PromiseElementDeliberationHeld:
		return au.held(Method.Deliberative, [2]string{"deliberative activity", "deliberative activities"})
	case PromiseElementInputReflected:
		return au.reflected()
	case PromiseElementRecommendationsIncorporated:
		ok := t.recommendations > 0 && t.recAnswered == t.recommendations && 2*t.recAccepted >= t.recommendations &&
			t.recIncorporated == t.recAccepted
		f := Finding{Status: status(ok, p.decided), Count: t.recIncorporated, Of: t.recommendations,
			Detail: fmt.Sprintf("%s from deliberation: %d answered, %d accepted or partly, %d of those cited",
				count(t.recommendations, "recommendation", "recommendations"), t.recAnswered, t.recAccepted, t.recIncorporated)}
		if !ok {
			f.IDs = p.idsOf(t.recNotIncorporated)
		}
		return f
	case PromiseElementPublicChoiceFollowed:
		f := Finding{Status: status(p.decision.publicChoice, p.decided), At: au.decided, Detail: "not decided yet"}
		if p.decided {
			f.Detail = "the decision follows the public's own choice"
			if !p.decision.publicChoice {
				f.Detail = "the decision does not follow the public's own choice"
			}
		}
		return f
	case PromiseElementChoiceImplemented:
		return au.implemented()
	case PromiseElementInitiativesAnswered:
		var answered int64
		var open []uuid.UUID
		for _, in := range p.initiatives {
			if in.Answered() {
				answered++
			} else if len(open) < MaxEvidenceIDs {
				open = append(open, in.Initiative)
			}
		}
		n := int64(len(p.initiatives))
		return Finding{Status: status(answered == n, false), Count: answered, Of: n, IDs: open,
			Detail: fmt.Sprintf("%d of %s taken up answered", answered, count(n, "initiative", "initiatives"))}
	}
	return Finding{}
}

// settled reports whether there is input to judge answers by, or no more
// can come: with no input, "every input answered" holds only once the
// process has closed.
func (au *auditor) settled() bool { return au.t.inputs > 0 || au.p.state > StateOpen }

// publishedBy finds publications of the kinds that match published before
// (when before) or after the reference time ref, which is zero while the
// reference event has not happened; the element is due when due holds.
func (au *auditor) publishedBy(match func(PublicationKind) bool, ref time.Time, before, due bool, when string) Finding {
	var f Finding
	if !before && ref.IsZero() {
		f.Status, f.Detail = PromiseStatusPending, "not due yet"
		return f
	}
	for _, pub := range au.p.publications {
		if !match(pub.v.Kind) || (before && !ref.IsZero() && pub.at.After(ref)) || (!before && pub.at.Before(ref)) {
			continue
		}
		if f.Count == 0 {
			f.At = pub.at
		}
		f.Count++
	}
	if before {
		// One-way activities, such as a fact sheet, inform as publications do.
		for i := range au.p.activities {
			a := &au.p.activities[i].spec
			// Available from its start, or from when it was recorded if
			// that is later: the record cannot be backdated.
			avail := a.Start
			if added := au.p.activities[i].added; added.After(avail) {
				avail = added
			}
			if a.Method.Direction() == CommunicationOneWay && (ref.IsZero() || !avail.After(ref)) {
				if f.Count == 0 || avail.Before(f.At) {
					f.At = avail
				}
				f.Count++
				f.IDs = append(f.IDs, a.ID)
			}
		}
		f.IDs = f.IDs[:min(len(f.IDs), MaxEvidenceIDs)]
	}
	f.Status = status(f.Count > 0, due)
	f.Detail = count(f.Count, "publication", "publications") + " " + when
	if f.Count > 0 {
		f.Detail += ", the first on " + day(f.At)
	}
	return f
}

// held finds the activities with a matching method that started before the
// decision (or, before it, by the audit time) and that someone attended.
func (au *auditor) held(match func(Method) bool, what [2]string) Finding {
	ref := au.decided
	if ref.IsZero() {
		ref = au.at
	}
	var f Finding
	for i := range au.p.activities {
		a := &au.p.activities[i]
		if match(a.spec.Method) && a.spec.Start.Before(ref) && a.count[attended] > 0 {
			f.Count++
			if len(f.IDs) < MaxEvidenceIDs {
				f.IDs = append(f.IDs, a.spec.ID)
			}
		}
	}
	f.Status = status(f.Count > 0, au.p.decided)
	f.Detail = fmt.Sprintf("%s held before the decision", count(f.Count, what[0], what[1]))
	return f
}

// reflected checks InputReflected: the answers to the cited contributions.
func (au *auditor) reflected() Finding {
	p := au.p
	var f Finding
	f.Of = int64(len(p.decision.shaped))
	var silent []int32 // cited, but the answer does not say how it was reflected
	for _, i := range p.decision.shaped {
		switch ResponseKind(p.responses[i].kind) {
		case ResponseKindAccepted, ResponseKindPartlyAccepted:
			f.Count++
		case ResponseKindNotAccepted:
		default:
			silent = appendEvidence(silent, i)
		}
	}
	ok := f.Of > 0 && f.Count > 0 && len(silent) == 0
	f.Status = status(ok, p.decided)
	f.IDs = p.idsOf(silent)
	f.Detail = fmt.Sprintf("%d of %s accepted or partly accepted; %d cited without an answer that says how",
		f.Count, count(f.Of, "cited contribution", "cited contributions"), len(silent))
	if !p.decided {
		f.Detail = "not decided yet"
	}
	return f
}

// implemented checks ChoiceImplemented: the commitments.
func (au *auditor) implemented() Finding {
	p := au.p
	var f Finding
	var dropped []uuid.UUID
	for k := range p.commitments {
		c := &p.commitments[k]
		f.Of++
		switch {
		case !c.dropped.IsZero():
			if len(dropped) < MaxEvidenceIDs {
				dropped = append(dropped, c.spec.ID)
			}
		case c.closed():
			f.Count++
		}
	}
	switch {
	case len(dropped) > 0:
		f.Status, f.IDs = PromiseStatusBroken, dropped
	case f.Of > 0 && f.Count == f.Of:
		f.Status = PromiseStatusKept
	default:
		f.Status = PromiseStatusPending
	}
	f.Detail = fmt.Sprintf("%d of %s done, %d dropped", f.Count, count(f.Of, "commitment", "commitments"), len(dropped))
	return f
}

// rung reads the rung of Arnstein's ladder from the records (see
// [Process.Audit]).
func (au *auditor) rung() participation.Rung {
	p, t := au.p, &au.t
	loopClosed := t.contributions > 0 && t.answered == t.inputs
	dropped := slices.ContainsFunc(p.commitments, func(c commitment) bool { return !c.dropped.IsZero() })
	switch {
	case p.decided && p.decision.publicChoice && loopClosed && !dropped:
		return participation.RungDelegatedPower
	case !loopClosed:
		return participation.RungInforming
	case au.reflectedSome() && au.check(PromiseElementDeliberationHeld).Status == PromiseStatusKept && au.check(PromiseElementRecommendationsIncorporated).Status == PromiseStatusKept:
		return participation.RungPartnership
	case au.reflectedSome():
		return participation.RungPlacation
	}
	return participation.RungConsultation
}

// reflectedSome reports whether the decision cites input of which some was
// accepted or partly accepted.
func (au *auditor) reflectedSome() bool {
	p := au.p
	return slices.ContainsFunc(p.decision.shaped, func(i int32) bool {
		k := ResponseKind(p.responses[i].kind)
		return k == ResponseKindAccepted || k == ResponseKindPartlyAccepted
	})
}

// Lines returns the audit as lines of text for a report: the level and the
// rung, then one line per finding.
func (a Audit) Lines() []string {
	out := []string{fmt.Sprintf("promised %s (%s); reached %s (%s)", a.Level.Text(), a.Expected.Text(), a.Rung.Text(), a.Rung.Group().Text())}
	for _, f := range a.Findings {
		out = append(out, f.String())
	}
	return out
}

// count writes n with its noun in the right number: "1 contribution",
// "2 contributions".
func count(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.FormatInt(n, 10) + " " + many
}

// String returns the audit as [Audit.Lines] joined by newlines.
func (a Audit) String() string { return strings.Join(a.Lines(), "\n") }
