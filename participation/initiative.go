package participation

import (
	"errors"
	"iter"
	"slices"
	"time"

	"github.com/civitas-go/civitas/internal/inuse"
	"github.com/google/uuid"
)

// InitiativeSpec describes a new initiative for [NewInitiative]: what
// residents propose, who started it and when. It holds no rules: an
// initiative can be created, and even opened, without any (see
// [SupportRules]). The zero value is not valid.
type InitiativeSpec struct {
	// ID identifies the initiative. Not uuid.Nil.
	ID uuid.UUID
	// Title is a short name. Not empty, no surrounding spaces.
	Title string
	// Summary says what the initiative asks or does; may be empty.
	Summary string
	// Kind is what kind of initiative it is.
	Kind Kind
	// Initiators are the people (or groups) who started it: stakeholder or
	// person IDs, at least one, none nil, none twice. They may withdraw it.
	Initiators []uuid.UUID
	// Committee is the optional promoter committee; its zero value is none.
	Committee Committee
	// Area is the code of the area the initiative concerns, compared exactly
	// with profiles' areas; "" for the whole territory. No surrounding
	// spaces.
	Area string
	// Created is when the initiative was created, the time of its first
	// history event. Not zero; representable as Unix nanoseconds.
	Created time.Time
}

// Committee is an initiative's promoter committee: the people who sponsor
// it beside its initiators, as Decidim's promoting committee and the
// European Citizens' Initiative's group of organisers. The committee is the
// initiators together with the promoters; when MinSize is above zero the
// initiative cannot open until the committee has that many members.
//
// The zero value is no committee requirement and no promoter.
type Committee struct {
	// Promoters are the members besides the initiators: none nil, none
	// twice, none an initiator.
	Promoters []uuid.UUID `json:"promoters,omitempty"`
	// MinSize is the number of members (initiators included) needed to
	// open; 0 for no requirement.
	MinSize int `json:"min_size,omitempty"`
}

// PublicBody names the public body an initiative is submitted to: a city
// council, a municipality, an agency. The zero value is not valid.
type PublicBody struct {
	// ID is the body's stakeholder ID. Not uuid.Nil.
	ID uuid.UUID `json:"id"`
	// Name is the body's name, such as "City of Riverton". Not empty.
	Name string `json:"name"`
}

// Validate reports an error wrapping [ErrInvalid] for a nil ID or an empty
// or padded name.
func (b PublicBody) Validate() error {
	return errors.Join(checkIdentity("public body", b.ID, "name", b.Name)...)
}

// Submission records that an initiative was handed to a public body. The
// zero value is no submission.
type Submission struct {
	// To is the public body.
	To PublicBody
	// At is when it was submitted.
	At time.Time
}

// Response is a public body's answer to a submitted initiative, given to
// [Initiative.Answer] and returned by [Initiative.Response]. The zero value
// is no answer.
type Response struct {
	// Outcome is what the body answered.
	Outcome AnswerOutcome
	// Text is the body's answer in its own words. Not empty, no
	// surrounding spaces.
	Text string
	// At is when the body answered.
	At time.Time
	// Process optionally links the answer to the body's own record of it:
	// the ID of the engagement process (or its decision) that took the
	// initiative up and answered, so that each side can find the other.
	// uuid.Nil when the body answered outside a process.
	Process uuid.UUID
}

// Initiative is a bottom-up initiative: residents propose something (a
// petition, a proposal, a campaign, a volunteer project, a community event,
// mutual aid) and gather support until a public body must answer. It keeps
// its supports, its lifecycle and a history of events with their times.
//
// # Lifecycle
//
// Each event is one method. It checks every precondition before it changes
// anything, and on failure returns an error and leaves the initiative as it
// was. An event the state does not allow returns a [*TransitionError]
// wrapping [ErrInvalidTransition]; an allowed event whose preconditions fail
// (a committee too small, a threshold not met) returns a [*TransitionError]
// wrapping every failed precondition. The table shows the state each
// allowed event leads to ("·" is refused):
//
//	state \ event  Open    Qualify    Submit     Answer    Expire   Withdraw
//	draft          open    ·          ·          ·         ·        withdrawn
//	open           ·       qualified  ·          ·         expired  withdrawn
//	qualified      ·       ·          submitted  ·         ·        withdrawn
//	submitted      ·       ·          ·          answered  ·        withdrawn
//	answered       ·       ·          ·          ·         ·        ·
//	expired        ·       ·          ·          ·         ·        ·
//	withdrawn      ·       ·          ·          ·         ·        ·
//
// Besides: [Initiative.SetRules] and [Initiative.AddPromoter] are allowed
// only in draft; [Initiative.Sign], [Initiative.Import] and
// [Initiative.WithdrawSupport] only while open. These are not lifecycle
// events: in another state they are refused with [ErrWrongState]. Gathering ends when the
// initiative qualifies: the count is then fixed and is what is submitted.
// An initiative may be withdrawn even after submission, before the answer,
// as a Swiss popular initiative's committee may withdraw it in favour of a
// counter-proposal. Every event is dated no earlier than the last one
// ([ErrTimeOrder]).
//
// # Milestones
//
// Progress toward qualification is that of the least advanced requirement:
// the overall threshold and each per-area threshold. When progress first
// reaches 25, 50, 75 and 100 % the signature that reached it records a
// milestone event, so that an application can notify supporters. A
// milestone is dated with the latest signing time among the signatures
// recorded when it was reached (withdrawn ones included): the earliest time
// by which every signature it counts had been given. So an offline
// signature entered late and dated weeks back does not date a milestone
// before the one it follows: milestones are dated in the order they were
// reached, 25 % no later than 50 %, and no later than the event that ends
// the gathering. Milestones are counted in recording order, never
// recomputed: a back-dated signature does not move one already recorded. With per-area thresholds the 50 % milestone therefore
// waits until the overall count and every area's count are at half their
// thresholds, and 100 % means the initiative can qualify. Each milestone is
// recorded once: withdrawals that take progress back below it do not erase
// it, and regaining it does not repeat it.
//
// # Concurrency
//
// An Initiative is not safe for concurrent use: its methods read and write
// shared state without locking, so that signing stays cheap. Callers that
// use one initiative from many goroutines (an HTTP handler per request)
// hold one sync.Mutex around every call on it, as the package's tests do.
// Forgetting the mutex fails loudly and at once: every method sets an
// in-use guard (one atomic operation on entry and one on exit), and a
// change made while any other call is in progress, or any call made while a
// change is, panics with a message that names the missing mutex, rather
// than corrupt the supports. Calls that only read may overlap. The guard is
// a safety net, not a lock: calls that happen not to overlap pass, so only
// the mutex makes sharing correct. Values the methods return (supports,
// events, rules) are copies; the iterators [Initiative.Supports] and
// [Initiative.Events] hold the guard as readers until the loop ends, so a
// change inside the loop panics too.
//
// The zero value is not usable as an initiative (it has no state, so every
// event and signature is refused), but every method works on it or returns
// an error: create one with [NewInitiative] or decode one from JSON.
type Initiative struct {
	use        inuse.Guard // see Concurrency
	initiative             // the data, replaced as a whole by UnmarshalJSON
}

// misuse is the panic message of an Initiative used without its mutex.
const misuse = "participation: Initiative used by two goroutines at once; hold one sync.Mutex around every call on a shared Initiative"

// initiative is the data of an [Initiative].
type initiative struct {
	id         uuid.UUID
	title      string
	summary    string
	kind       Kind
	initiators []uuid.UUID
	committee  Committee
	area       string
	created    time.Time

	rules   *SupportRules
	gate    gate // the rules compiled for signing
	state   State
	history []HistoryEntry
	lastAt  time.Time // time of the last event that changed the state
	opened  time.Time
	// latest is the latest signing time ever accepted (or that a decoded
	// milestone was dated with), zero before the first: milestones are
	// dated with it, and gathering cannot end before it.
	latest   time.Time
	quarters int // milestones recorded: 0 to 4 quarters
	sub      Submission
	resp     Response
	supports store
}

// NewInitiative returns a draft initiative as spec describes, with a history
// of one "created" event. It copies the spec's slices. It returns every
// problem with the spec, joined, each wrapping [ErrInvalid] (an
// undeclared kind included).
func NewInitiative(spec InitiativeSpec) (*Initiative, error) {
	if err := spec.validate(); err != nil {
		return nil, err
	}
	var promoters []uuid.UUID // nil when empty: an empty list and none encode alike
	if len(spec.Committee.Promoters) > 0 {
		promoters = slices.Clone(spec.Committee.Promoters)
	}
	in := &Initiative{initiative: initiative{
		id:         spec.ID,
		title:      spec.Title,
		summary:    spec.Summary,
		kind:       spec.Kind,
		initiators: slices.Clone(spec.Initiators),
		committee:  Committee{Promoters: promoters, MinSize: spec.Committee.MinSize},
		area:       spec.Area,
		created:    spec.Created.UTC(),
		gate:       openGate(),
	}}
	in.record(HistoryEntry{Kind: EventCreated, At: in.created})
	return in, nil
}

// validate reports every problem with the spec, joined.
func (spec InitiativeSpec) validate() error {
	errs := checkIdentity("initiative", spec.ID, "title", spec.Title)
	if !spec.Kind.IsValid() {
		errs = append(errs, undeclared("kind", spec.Kind))
	}
	if len(spec.Initiators) == 0 {
		errs = append(errs, invalidf("no initiator"))
	}
	errs = append(errs, checkIDs("initiators", spec.Initiators, nil)...)
	errs = append(errs, checkIDs("promoters", spec.Committee.Promoters, spec.Initiators)...)
	if spec.Committee.MinSize < 0 {
		errs = append(errs, invalidf("committee minimum size %d below 0", spec.Committee.MinSize))
	}
	if err := checkTrimmed("area", spec.Area); err != nil {
		errs = append(errs, err)
	}
	if err := checkTime("created", spec.Created); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// checkIDs reports nil and repeated IDs in ids, and IDs also in others
// (the initiators, when checking promoters).
func checkIDs(name string, ids, others []uuid.UUID) []error {
	var errs []error
	other := make(map[uuid.UUID]bool, len(others))
	for _, id := range others {
		other[id] = true
	}
	seen := make(map[uuid.UUID]bool, len(ids))
	for i, id := range ids {
		switch {
		case id == uuid.Nil:
			errs = append(errs, invalidf("%s[%d] is nil", name, i))
		case other[id]:
			errs = append(errs, invalidf("%s[%d] %s is already an initiator", name, i, id))
		case seen[id]:
			errs = append(errs, invalidf("%s[%d] %s listed twice", name, i, id))
		}
		seen[id] = true
	}
	return errs
}

// ID returns the initiative's ID.
func (in *Initiative) ID() uuid.UUID {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return in.id
}

// Title returns the title.
func (in *Initiative) Title() string {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return in.title
}

// Summary returns the summary, possibly empty.
func (in *Initiative) Summary() string {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return in.summary
}

// Kind returns the kind of initiative.
func (in *Initiative) Kind() Kind {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return in.kind
}

// Initiators returns a copy of the initiators, in the order given.
func (in *Initiative) Initiators() []uuid.UUID {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return slices.Clone(in.initiators)
}

// IsInitiator reports whether id is one of the initiators.
func (in *Initiative) IsInitiator(id uuid.UUID) bool {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return in.isInitiator(id)
}

// isInitiator reports whether id is one of the initiators.
func (in *initiative) isInitiator(id uuid.UUID) bool { return slices.Contains(in.initiators, id) }

// Committee returns a copy of the promoter committee.
func (in *Initiative) Committee() Committee {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return Committee{Promoters: slices.Clone(in.committee.Promoters), MinSize: in.committee.MinSize}
}

// CommitteeSize returns the number of committee members: initiators plus
// promoters.
func (in *Initiative) CommitteeSize() int {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return in.committeeSize()
}

// committeeSize returns the number of committee members.
func (in *initiative) committeeSize() int { return len(in.initiators) + len(in.committee.Promoters) }

// Area returns the area code the initiative concerns, "" for the whole
// territory.
func (in *Initiative) Area() string {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return in.area
}

// Created returns when the initiative was created, in UTC.
func (in *Initiative) Created() time.Time {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return in.created
}

// Rules returns a copy of the support rules and true, or the zero value and
// false when the initiative has none.
func (in *Initiative) Rules() (SupportRules, bool) {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	if in.rules == nil {
		return SupportRules{}, false
	}
	return in.rules.clone(), true
}

// State returns the current state.
func (in *Initiative) State() State {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return in.state
}

// History returns a copy of the history, oldest first: the events in the
// order they were recorded, which is also time order: milestones are dated
// as the Milestones section of [Initiative] says.
func (in *Initiative) History() []HistoryEntry {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return slices.Clone(in.history)
}

// Events yields the history like [Initiative.History], without copying it.
// The initiative must not change during the iteration: a change panics
// (see Concurrency on [Initiative]).
func (in *Initiative) Events() iter.Seq[HistoryEntry] {
	return func(yield func(HistoryEntry) bool) {
		in.use.BeginRead(misuse)
		defer in.use.EndRead()
		for _, e := range in.history {
			if !yield(e) {
				return
			}
		}
	}
}

// Submission returns where and when the initiative was submitted, and
// false if it never was.
func (in *Initiative) Submission() (Submission, bool) {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return in.sub, !in.sub.At.IsZero()
}

// Response returns the public body's answer, and false if there is none.
func (in *Initiative) Response() (Response, bool) {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return in.resp, in.resp.Outcome.IsValid()
}

// SetRules sets the support rules, replacing any set before. It is allowed
// only in draft ([ErrWrongState]) and returns the problems
// [SupportRules.Validate] finds, leaving the rules unchanged.
func (in *Initiative) SetRules(r SupportRules) error {
	in.use.BeginWrite(misuse)
	defer in.use.EndWrite()
	if in.state != StateDraft {
		return wrongState("set the rules", in.state)
	}
	if err := r.Validate(); err != nil {
		return err
	}
	c := r.clone()
	in.rules = &c
	in.gate = compile(&c, &in.supports)
	return nil
}

// AddPromoter adds a member to the promoter committee and reports whether
// it was added: adding a promoter or initiator again changes nothing and
// returns false. It is allowed only in draft ([ErrWrongState]) and rejects
// uuid.Nil ([ErrInvalid]).
func (in *Initiative) AddPromoter(person uuid.UUID) (bool, error) {
	in.use.BeginWrite(misuse)
	defer in.use.EndWrite()
	if in.state != StateDraft {
		return false, wrongState("add a promoter", in.state)
	}
	if person == uuid.Nil {
		return false, invalidf("promoter ID is nil")
	}
	if in.isInitiator(person) || slices.Contains(in.committee.Promoters, person) {
		return false, nil
	}
	in.committee.Promoters = append(in.committee.Promoters, person)
	return true, nil
}
