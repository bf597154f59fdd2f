package engagement

import (
	"errors"
	"iter"
	"slices"
	"strconv"
	"time"

	"github.com/civitas-go/civitas/internal/inuse"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
)

// ProcessSpec is what a public body sets down when it prepares a process:
// plain data that [NewProcess] validates.
type ProcessSpec struct {
	// ID identifies the process; never Nil.
	ID uuid.UUID
	// Title names the process, such as "Riverside Park redesign".
	Title string
	// Question is the decision at stake, phrased as the question the process
	// helps answer: "How should Riverside Park be redesigned?".
	Question string
	// Authority is the public body that runs the process and decides.
	Authority Authority
	// Level is the IAP2 level the body promises.
	Level Level
	// Rules are the formal rules of the process.
	Rules Rules
	// Phases are the planned stages in order, at most [MaxPhases]; none is
	// allowed (contributions then belong to no phase).
	Phases []Phase
}

// Validate reports every problem with the spec, joined: a Nil ID, a blank
// title or question, an invalid authority or level, invalid rules, and
// phases that are invalid, overlap or are out of order. The errors wrap
// [ErrInvalid], [ErrDuplicate], [ErrTimeOrder] or [ErrLimit].
func (s ProcessSpec) Validate() error {
	var errs problems
	errs.add(checkID("id", s.ID), checkText("title", s.Title), checkText("question", s.Question))
	if !s.Authority.IsValid() {
		errs.add(fieldErr("authority", "", ErrInvalid))
	}
	errs.add(checkEnum("level", s.Level))
	errs.add(s.Rules.Validate(), validatePhases(s.Phases))
	return errors.Join(errs...)
}

// Process is a formal engagement process run by a public body: a decision at
// stake, the IAP2 level the body promises, the rules it must keep, its phases,
// and the records of what happened: activities and outreach, contributions
// and the body's responses, the decision with its rationale, and the
// commitments residents can monitor.
//
// # Lifecycle
//
// A process moves through its states by one method per event. Each method
// checks every precondition before it changes anything, and when it refuses
// it leaves the process exactly as it was and returns a [*TransitionError]
// naming the state and the event that wraps the reasons. The transition table:
//
//	state \ event  announce   open       close   decide   start_impl.   complete   cancel
//	draft          announced  -          -       -        -             -          cancelled
//	announced      -          open (1)   -       -        -             -          cancelled
//	open           -          -          closed  -        -             -          cancelled
//	closed         -          -          -       decided  -             -          cancelled
//	                                             (2)(3)(4)
//	decided        -          -          -       -        implementing  -          cancelled
//	                                                      (5)
//	implementing   -          -          -       -        -             completed  cancelled
//	                                                                    (6)        (7)
//	completed      -          -          -       -        -             -          -
//	cancelled      -          -          -       -        -             -          -
//
// A "-" is refused with [ErrInvalidTransition]. The preconditions:
//
//  1. the notice period of the rules has run since the announcement
//     ([ErrNoticeNotElapsed]);
//  2. the decision is valid and cites only contributions of the process
//     ([ErrInvalid], [ErrNotFound], [ErrDuplicate]);
//  3. at least the rules' minimum of distinct contributors
//     ([ErrTooFewParticipants]);
//  4. when the rules require it, every contribution is answered
//     ([ErrUnanswered]);
//  5. at least one commitment that is not dropped ([ErrNoCommitments]);
//  6. every commitment is done or dropped ([ErrCommitmentsOutstanding]);
//  7. cancelling needs a reason ([ErrReasonRequired]); cancelling is
//     allowed from every state before completed.
//
// Every event, like every other change, must be dated no earlier than the
// process's latest change ([ErrTimeOrder]): the record runs forward in time.
// The application that feeds a process stamps each change as it happens.
//
// # Records and the history
//
// [Process.History] is the audit trail of the lifecycle: every event with its
// time, its states before and after, and the reason of a cancellation. Every
// other change is a record that carries its own time and, where there is
// one, its author: activities and campaigns with the time they were added,
// registrations, attendance, campaign figures, media mentions, publications,
// contributions, responses (with their responder), commitments, milestones
// and drops. Together they date every change; repeating the records in the
// history would double the storage of a process with a million
// contributions and add nothing. Quality ratings are the body's own
// assessment of the input, not part of the public record, and carry no time.
//
// What each state allows besides its events: contributions while open;
// responses while open, closed, decided or implementing; commitments once
// decided; milestones while implementing; initiatives taken up before the
// decision (draft to closed) and answered once decided (decided or
// implementing); activities, registrations,
// attendance, campaigns, figures, mentions and publications in every state
// but the final ones; ratings always. A final state accepts nothing but
// ratings.
//
// # Storage
//
// Contributions are kept compactly for processes with millions of them: a
// slice of small fixed-size records (the participant as an index into the
// participant table, times as nanoseconds), the responses in a parallel slice
// addressed by the same index, and one map from ID to index. Views such as
// [Contribution] are built on demand.
//
// # Text
//
// One rule holds for every text a process keeps (titles, questions, texts,
// reasons, names): it is kept byte for byte, never trimmed or rewritten, so
// it must be valid UTF-8 (encoding/json would rewrite it otherwise) and
// have no surrounding white space ([ErrInvalid]); a required text must not
// be empty. Package participation and package stakeholder keep the same
// rule.
//
// # Concurrency
//
// A Process is not safe for concurrent use. A server that shares one among
// goroutines holds one sync.Mutex around every call on it, and stamps each
// change inside the lock so that times stay in order. Forgetting the mutex
// fails loudly and at once: every method sets an in-use guard (one atomic
// operation on entry and one on exit), and a change made while any other
// call is in progress, or any call made while a change is, panics with a
// message that names the missing mutex, instead of corrupting the process
// (or crashing the program with a concurrent map write). Calls that only
// read may overlap: reading from several goroutines with no writer is safe.
// The guard is a safety net, not a lock: calls that happen not to overlap
// pass, so only the mutex makes sharing correct. The iterators hold the
// guard as readers until their loop ends, so a change inside the loop
// panics too.
//
// The zero value is not usable as a process (it has no state, so every
// event and record is refused), but every method works on it or returns an
// error; build a process with [NewProcess] or decode one from JSON.
type Process struct {
	use     inuse.Guard // see Concurrency
	process             // the data, replaced as a whole by UnmarshalJSON
}

// misuse is the panic message of a Process used without its mutex.
const misuse = "engagement: Process used by two goroutines at once; hold one sync.Mutex around every call on a shared Process"

// process is the data of a [Process].
type process struct {
	id        uuid.UUID
	title     string
	question  string
	authority Authority
	level     Level
	rules     Rules
	phases    []Phase

	created time.Time
	state   State
	history []Transition
	// seq numbers the changes: each record keeps the number of the change
	// that made it, so that its JSON states the order of the changes.
	seq        uint64
	historySeq []uint64                      // parallel to history
	entered    [StateCancelled + 1]time.Time // when each state was entered; zero if never
	last       time.Time                     // the latest time of any change

	activities    []activity
	activityIndex map[uuid.UUID]int32

	campaigns     []campaign
	campaignIndex map[uuid.UUID]int32

	publications []dated[Publication]

	participants     []participant
	participantIndex map[uuid.UUID]int32
	contributors     int // participants with at least one contribution

	contributions     []contribution
	responses         []response // parallel to contributions
	contributionIndex map[uuid.UUID]int32
	answered          int // responses with a kind
	responders        []uuid.UUID
	responderIndex    map[uuid.UUID]int32

	decided     bool
	decision    decision
	commitments []commitment
	commitIndex map[uuid.UUID]int32

	initiatives     []TakenUp   // initiatives taken up, in order
	initiativeSeq   [][2]uint64 // parallel: the changes that took each up and answered it
	initiativeIndex map[uuid.UUID]int32

	eligibleAreas map[string]struct{} // the rules' eligible areas, as a set
}

// participant is one row of the participant table.
type participant struct {
	id            uuid.UUID
	profile       stakeholder.Profile
	contributions int32
}

// NewProcess returns a draft process built from spec, created at at. It
// rejects an invalid spec (see [ProcessSpec.Validate]) and a zero or
// unrepresentable time, with every problem joined, each wrapping
// [ErrInvalid] or the sentinel named there.
func NewProcess(spec ProcessSpec, at time.Time) (*Process, error) {
	if err := errors.Join(spec.Validate(), checkTime("at", at)); err != nil {
		return nil, err
	}
	return newProcess(spec, at), nil
}

// newProcess builds a draft process from a validated spec.
func newProcess(spec ProcessSpec, at time.Time) *Process {
	at = utc(at)
	phases := make([]Phase, len(spec.Phases))
	for i, ph := range spec.Phases {
		ph.Start, ph.End = utc(ph.Start), utc(ph.End)
		phases[i] = ph
	}
	rules := spec.Rules.clone()
	areas := make(map[string]struct{}, len(rules.Eligibility.Areas))
	for _, a := range rules.Eligibility.Areas {
		areas[a] = struct{}{}
	}
	p := &Process{process: process{
		id:                spec.ID,
		title:             spec.Title,
		question:          spec.Question,
		authority:         spec.Authority,
		level:             spec.Level,
		rules:             rules,
		phases:            phases,
		created:           at,
		state:             StateDraft,
		last:              at,
		activityIndex:     map[uuid.UUID]int32{},
		campaignIndex:     map[uuid.UUID]int32{},
		participantIndex:  map[uuid.UUID]int32{},
		contributionIndex: map[uuid.UUID]int32{},
		responderIndex:    map[uuid.UUID]int32{},
		commitIndex:       map[uuid.UUID]int32{},
		initiativeIndex:   map[uuid.UUID]int32{},
		eligibleAreas:     areas,
	}}
	p.entered[StateDraft] = at
	return p
}

// ID returns the process's ID.
func (p *Process) ID() uuid.UUID {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return p.id
}

// Title returns the process's title.
func (p *Process) Title() string {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return p.title
}

// Question returns the decision at stake.
func (p *Process) Question() string {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return p.question
}

// Authority returns the public body that runs the process.
func (p *Process) Authority() Authority {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return p.authority
}

// Level returns the IAP2 level the body promises.
func (p *Process) Level() Level {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return p.level
}

// Rules returns a copy of the process's rules.
func (p *Process) Rules() Rules {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return p.rules.clone()
}

// Phases returns a copy of the planned phases, in order.
func (p *Process) Phases() []Phase {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return slices.Clone(p.phases)
}

// ActivePhase returns the index in [Process.Phases] of the phase active at
// t, and false when no phase is.
func (p *Process) ActivePhase(t time.Time) (int, bool) {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	i := phaseAt(p.phases, t)
	return i, i >= 0
}

// State returns the process's current state.
func (p *Process) State() State {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return p.state
}

// CreatedAt returns when the process was created.
func (p *Process) CreatedAt() time.Time {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return p.created
}

// EnteredAt returns when the process entered state s, and false when it
// never did. Draft is entered at creation.
func (p *Process) EnteredAt(s State) (time.Time, bool) {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	if !s.IsValid() || p.entered[s].IsZero() {
		return time.Time{}, false
	}
	return p.entered[s], true
}

// LastChange returns the time of the process's latest change: no change may
// be dated earlier.
func (p *Process) LastChange() time.Time {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return p.last
}

// History yields the lifecycle events in the order they happened.
func (p *Process) History() iter.Seq[Transition] {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return guardSeq(&p.use, seqOf(p.history))
}

// CancelReason returns the reason the process was cancelled, or "".
func (p *Process) CancelReason() string {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	if p.state != StateCancelled {
		return ""
	}
	return p.history[len(p.history)-1].Reason
}

// Participant returns the participant with ID id as the process holds it,
// and false when nobody with that ID took part.
func (p *Process) Participant(id uuid.UUID) (Participant, bool) {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return lookup(p.participantIndex, p.participants, id, (*participant).view)
}

// Participants yields everyone who took part (contributed, registered or
// attended), in the order they first appeared.
func (p *Process) Participants() iter.Seq[Participant] {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return guardSeq(&p.use, seqMap(p.participants, (*participant).view))
}

func (pt *participant) view() Participant { return Participant{ID: pt.id, Profile: pt.profile} }

// ParticipantCount returns the number of distinct people who took part:
// contributed, registered or attended.
func (p *Process) ParticipantCount() int {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return len(p.participants)
}

// ContributorCount returns the number of distinct people who contributed:
// the count that [Rules.MinParticipants] is checked against.
func (p *Process) ContributorCount() int {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return p.contributors
}

// seqOf yields the elements of a slice.
func seqOf[T any](s []T) iter.Seq[T] {
	return seqMap(s, func(v *T) T { return *v })
}

// lookup returns the view of the element of s that index maps id to, and
// false when it maps id to nothing.
func lookup[T, V any](index map[uuid.UUID]int32, s []T, id uuid.UUID, view func(*T) V) (V, bool) {
	i, ok := index[id]
	if !ok {
		var zero V
		return zero, false
	}
	return view(&s[i]), true
}

// seqMap yields view(&s[i]) for each element of s, in order.
func seqMap[T, V any](s []T, view func(*T) V) iter.Seq[V] {
	return func(yield func(V) bool) {
		for i := range s {
			if !yield(view(&s[i])) {
				return
			}
		}
	}
}

// checkAt checks that at is a valid time no earlier than the latest change.
func (p *Process) checkAt(at time.Time) error {
	if err := checkTime("at", at); err != nil {
		return err
	}
	if at.Before(p.last) {
		return &TimeOrderError{Field: "at", At: at, Blocker: "the latest recorded change", BlockerAt: p.last, Err: ErrTimeOrder}
	}
	return nil
}

// touch records a change made at at: at is the latest change, and the
// change's number is returned for its record.
func (p *Process) touch(at time.Time) uint64 {
	p.last = utc(at)
	p.seq++
	return p.seq
}

// stateSet is a set of states, one bit per state.
type stateSet uint16

func (s stateSet) has(st State) bool { return st.IsValid() && s&(1<<st) != 0 }

// What each operation other than the events allows (see the Process doc).
const (
	notFinal stateSet = 1<<StateDraft | 1<<StateAnnounced | 1<<StateOpen | 1<<StateClosed |
		1<<StateDecided | 1<<StateImplementing
	whileOpen       stateSet = 1 << StateOpen
	whileAnswerable stateSet = 1<<StateOpen | 1<<StateClosed | 1<<StateDecided | 1<<StateImplementing
	onceDecided     stateSet = 1<<StateDecided | 1<<StateImplementing
	whileImplement  stateSet = 1 << StateImplementing
)

// precheck runs the checks every operation shares: the state allows it and
// at is valid and in order. It returns the errors found, to be joined with
// the operation's own.
func (p *Process) precheck(allowed stateSet, at time.Time) problems {
	var errs problems
	if !allowed.has(p.state) {
		errs.add(ErrWrongState)
	}
	errs.add(p.checkAt(at))
	return errs
}

// refuse wraps the joined errors of operation op in an *OpError, or returns
// nil when there are none.
func (p *Process) refuse(op string, errs problems) error {
	if err := errors.Join(errs...); err != nil {
		return &OpError{Op: op, State: p.state, Err: err}
	}
	return nil
}

// checkParticipant checks who against the participant table: valid, and
// with the same profile as before if already known. It returns the index
// (or -1 for a newcomer).
func (p *Process) checkParticipant(who Participant) (int32, error) {
	if err := who.Validate(); err != nil {
		return -1, err
	}
	i, ok := p.participantIndex[who.ID]
	if !ok {
		return -1, nil
	}
	if p.participants[i].profile != who.Profile {
		return i, fieldErr("participant.profile", who.ID.String(), ErrProfileConflict)
	}
	return i, nil
}

// addParticipant returns the index of who, adding a checked newcomer.
func (p *Process) addParticipant(who Participant, i int32) int32 {
	if i >= 0 {
		return i
	}
	i = int32(len(p.participants))
	p.participants = append(p.participants, participant{id: who.ID, profile: who.Profile})
	p.participantIndex[who.ID] = i
	return i
}

// fire runs lifecycle event e at at: it checks that the state allows e,
// that at is in order and the guard's preconditions, and only when all hold
// applies the change and records the transition.
func (p *Process) fire(e Event, at time.Time, reason string, guard func() []error, apply func()) error {
	to, ok := p.state.Next(e)
	if !ok {
		return &TransitionError{State: p.state, Event: e, Err: ErrInvalidTransition}
	}
	var errs problems
	errs.add(p.checkAt(at))
	if guard != nil {
		errs.add(guard()...)
	}
	if err := errors.Join(errs...); err != nil {
		return &TransitionError{State: p.state, Event: e, Err: err}
	}
	if apply != nil {
		apply()
	}
	at = utc(at)
	p.history = append(p.history, Transition{At: at, Event: e, From: p.state, To: to, Reason: reason})
	p.state = to
	p.entered[to] = at
	p.historySeq = append(p.historySeq, p.touch(at))
	return nil
}

// Announce makes the draft process public at at; the notice period starts.
// See [Process] for the transition table and the errors.
func (p *Process) Announce(at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	return p.fire(EventAnnounce, at, "", nil, nil)
}

// Open opens the announced process for contributions at at, once the notice
// period has run ([ErrNoticeNotElapsed]). See [Process] for the transition
// table and the other errors.
func (p *Process) Open(at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	return p.fire(EventOpen, at, "", func() []error {
		return []error{p.noticeGuard(at, p.entered[StateAnnounced])}
	}, nil)
}

// noticeGuard checks that the notice has run from announced to at.
func (p *Process) noticeGuard(at, announced time.Time) error {
	if at.Before(announced.Add(p.rules.Notice())) {
		return fieldErr("at", at.UTC().String(), ErrNoticeNotElapsed)
	}
	return nil
}

// Close closes the open process for contributions at at. See [Process] for
// the transition table and the errors.
func (p *Process) Close(at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	return p.fire(EventClose, at, "", nil, nil)
}

// Decide records the decision d at at and moves the closed process to
// decided. It refuses an invalid decision or one that cites contributions
// the process does not hold, fewer contributors than the rules' minimum
// ([ErrTooFewParticipants]), and unanswered contributions when the rules
// require every one answered first ([ErrUnanswered]); see [Process] for the
// transition table. The decision's rationale and citations are what a
// resident reads to learn what the input changed.
func (p *Process) Decide(d Decision, at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	var shaped []int32
	return p.fire(EventDecide, at, "", func() []error {
		var errs problems
		shaped = p.checkDecision(d, &errs)
		errs.add(p.decideGuard(p.answered))
		return errs
	}, func() {
		p.decided = true
		p.decision = decision{outcome: d.Outcome, rationale: d.Rationale, shaped: shaped, publicChoice: d.FollowsPublicChoice}
	})
}

// decideGuard checks the rules' conditions for a decision to stand, given
// the number of contributions answered.
func (p *Process) decideGuard(answered int) error {
	var errs problems
	if p.contributors < p.rules.MinParticipants {
		errs.add(fieldErr("contributors", strconv.Itoa(p.contributors), ErrTooFewParticipants))
	}
	if p.rules.AnswerBeforeDeciding && answered < len(p.contributions) {
		errs.add(fieldErr("unanswered", strconv.Itoa(len(p.contributions)-answered), ErrUnanswered))
	}
	return errors.Join(errs...)
}

// StartImplementation moves the decided process to implementing at at; it
// needs at least one commitment that is not dropped ([ErrNoCommitments]).
// See [Process] for the transition table and the other errors.
func (p *Process) StartImplementation(at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	return p.fire(EventStartImplementation, at, "", func() []error {
		for i := range p.commitments {
			if p.commitments[i].dropped.IsZero() {
				return nil
			}
		}
		return []error{ErrNoCommitments}
	}, nil)
}

// Complete moves the implementing process to completed at at; every
// commitment must be done or dropped ([ErrCommitmentsOutstanding]). See
// [Process] for the transition table and the other errors.
func (p *Process) Complete(at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	return p.fire(EventComplete, at, "", func() []error {
		var errs problems
		for i := range p.commitments {
			if c := &p.commitments[i]; !c.closed() {
				errs.add(fieldErr("commitment", c.spec.ID.String(), ErrCommitmentsOutstanding))
			}
		}
		return errs
	}, nil)
}

// Cancel stops the process at at for the given reason, from any state before
// completed. A blank reason is refused with [ErrReasonRequired]. See
// [Process] for the transition table and the other errors.
func (p *Process) Cancel(reason string, at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	return p.fire(EventCancel, at, reason, func() []error {
		return []error{checkReason("reason", reason)}
	}, nil)
}

// eligibleArea reports whether the rules' eligibility lists area.
func (p *process) eligibleArea(area string) bool {
	_, ok := p.eligibleAreas[area]
	return ok
}

// guardSeq returns seq holding g as a reader while it runs, so that a
// change during the loop panics (see Concurrency on [Process]).
func guardSeq[V any](g *inuse.Guard, seq iter.Seq[V]) iter.Seq[V] {
	return func(yield func(V) bool) {
		g.BeginRead(misuse)
		defer g.EndRead()
		seq(yield)
	}
}

// guardSeq2 is guardSeq for an iter.Seq2.
func guardSeq2[K, V any](g *inuse.Guard, seq iter.Seq2[K, V]) iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		g.BeginRead(misuse)
		defer g.EndRead()
		seq(yield)
	}
}
