package engagement

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/google/uuid"
)

// The wire form of a process. Times are written in UTC with nanoseconds
// (RFC 3339), enums by name, IDs as strings, records in the order the process
// holds them. Derived figures (counts, statuses, progress) are not written:
// they follow from the records.
//
// Every change carries "seq", its number in the order the process recorded
// the changes (1, 2, …; a response, an attendance, a milestone, a drop and an
// answer have their own). Decoding replays the changes in that order, so it
// never has to guess which of two changes at one instant came first.

// historyJSON is a lifecycle event with its change number.
type historyJSON struct {
	Transition
	Seq uint64 `json:"seq,omitempty"`
}

// milestoneJSON is a milestone with the number of the change that completed
// it.
type milestoneJSON struct {
	Milestone
	DoneSeq uint64 `json:"done_seq,omitempty"`
}

type processJSON struct {
	ID            uuid.UUID          `json:"id"`
	Title         string             `json:"title"`
	Question      string             `json:"question"`
	Authority     Authority          `json:"authority"`
	Level         Level              `json:"level"`
	Rules         Rules              `json:"rules"`
	Phases        []Phase            `json:"phases"`
	CreatedAt     time.Time          `json:"created_at"`
	State         State              `json:"state"`
	History       []historyJSON      `json:"history"`
	Activities    []activityJSON     `json:"activities"`
	Campaigns     []campaignJSON     `json:"campaigns"`
	Publications  []publicationJSON  `json:"publications"`
	Participants  []Participant      `json:"participants"`
	Contributions []contributionJSON `json:"contributions"`
	Decision      *Decision          `json:"decision,omitempty"`
	Commitments   []commitmentJSON   `json:"commitments"`
	Initiatives   []takenUpJSON      `json:"initiatives,omitempty"`
}

type activityJSON struct {
	ID                   uuid.UUID        `json:"id"`
	Title                string           `json:"title"`
	Method               Method           `json:"method"`
	Start                time.Time        `json:"start"`
	End                  time.Time        `json:"end"`
	Place                string           `json:"place,omitempty"`
	RegistrationRequired bool             `json:"registration_required"`
	Audience             Audience         `json:"audience"`
	AddedAt              time.Time        `json:"added_at"`
	Seq                  uint64           `json:"seq,omitempty"`
	Attendance           []attendanceJSON `json:"attendance"`
}

type attendanceJSON struct {
	Participant   uuid.UUID `json:"participant"`
	RegisteredAt  time.Time `json:"registered_at,omitzero"`
	AttendedAt    time.Time `json:"attended_at,omitzero"`
	RegisteredSeq uint64    `json:"registered_seq,omitempty"`
	AttendedSeq   uint64    `json:"attended_seq,omitempty"`
}

// campaignJSON is a campaign. Documents written before the medium was named
// so carry it as "channel"; decoding accepts either, not both.
type campaignJSON struct {
	ID       uuid.UUID     `json:"id"`
	Name     string        `json:"name"`
	Medium   Medium        `json:"medium"`
	Channel  Medium        `json:"channel,omitzero"`
	Audience Audience      `json:"audience"`
	AddedAt  time.Time     `json:"added_at"`
	Seq      uint64        `json:"seq,omitempty"`
	Figures  []figuresJSON `json:"figures"`
	Mentions []mentionJSON `json:"mentions"`
}

// figuresJSON is one reach report: a metrics.Audience, written as its two
// counts.
type figuresJSON struct {
	At          time.Time `json:"at"`
	Impressions int64     `json:"impressions"`
	Reach       int64     `json:"reach"`
	Seq         uint64    `json:"seq,omitempty"`
}

// mentionJSON is one clipping; reach is omitted when unknown (0), as in
// documents written before mentions recorded their audience.
type mentionJSON struct {
	At       time.Time    `json:"at"`
	Outlet   string       `json:"outlet"`
	Headline string       `json:"headline,omitempty"`
	Tone     metrics.Tone `json:"tone"`
	Reach    int64        `json:"reach,omitempty"`
	Seq      uint64       `json:"seq,omitempty"`
}

type publicationJSON struct {
	At time.Time `json:"at"`
	Publication
	Seq uint64 `json:"seq,omitempty"`
}

type contributionJSON struct {
	ID          uuid.UUID        `json:"id"`
	Participant uuid.UUID        `json:"participant"`
	Kind        ContributionKind `json:"kind"`
	Text        string           `json:"text"`
	Activity    *uuid.UUID       `json:"activity,omitempty"`
	At          time.Time        `json:"at"`
	Phase       *int             `json:"phase,omitempty"`
	Quality     *Quality         `json:"quality,omitempty"`
	Response    *responseJSON    `json:"response,omitempty"`
	Seq         uint64           `json:"seq,omitempty"`
}

type responseJSON struct {
	At time.Time `json:"at"`
	Response
	Seq uint64 `json:"seq,omitempty"`
}

type commitmentJSON struct {
	ID         uuid.UUID       `json:"id"`
	Action     string          `json:"action"`
	Owner      string          `json:"owner"`
	Due        time.Time       `json:"due"`
	AddedAt    time.Time       `json:"added_at"`
	Milestones []milestoneJSON `json:"milestones"`
	ShapedBy   []uuid.UUID     `json:"shaped_by"`
	DroppedAt  time.Time       `json:"dropped_at,omitzero"`
	DropReason string          `json:"drop_reason,omitempty"`
	Seq        uint64          `json:"seq,omitempty"`
	DropSeq    uint64          `json:"drop_seq,omitempty"`
}

// takenUpJSON is an initiative the process took up; the answer's process
// is the process itself and is not repeated.
type takenUpJSON struct {
	Initiative  uuid.UUID                `json:"initiative"`
	Title       string                   `json:"title"`
	Kind        participation.Kind       `json:"kind"`
	Supports    int                      `json:"supports"`
	SubmittedTo participation.PublicBody `json:"submitted_to"`
	SubmittedAt time.Time                `json:"submitted_at"`
	At          time.Time                `json:"at"`
	Seq         uint64                   `json:"seq,omitempty"`
	Answer      *answerJSON              `json:"answer,omitempty"`
}

type answerJSON struct {
	Outcome participation.AnswerOutcome `json:"outcome"`
	Text    string                      `json:"text"`
	At      time.Time                   `json:"at"`
	Seq     uint64                      `json:"seq,omitempty"`
}

// MarshalJSON writes the whole process: its spec, its state and history, and
// every record, and for readers the state and each contribution's phase
// (decoding checks that they agree). [Process.UnmarshalJSON] reads it back to
// an identical process, so encoding, decoding and encoding again gives the
// same bytes.
func (p *Process) MarshalJSON() ([]byte, error) {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	w := processJSON{
		ID: p.id, Title: p.title, Question: p.question, Authority: p.authority, Level: p.level,
		Rules: p.rules, Phases: nonNil(p.phases), CreatedAt: p.created, State: p.state,
		History:       make([]historyJSON, len(p.history)),
		Activities:    make([]activityJSON, len(p.activities)),
		Campaigns:     make([]campaignJSON, len(p.campaigns)),
		Publications:  make([]publicationJSON, len(p.publications)),
		Participants:  make([]Participant, len(p.participants)),
		Contributions: make([]contributionJSON, len(p.contributions)),
		Commitments:   make([]commitmentJSON, len(p.commitments)),
	}
	for i, t := range p.history {
		w.History[i] = historyJSON{Transition: t, Seq: p.historySeq[i]}
	}
	for i := range p.activities {
		w.Activities[i] = p.activityJSON(&p.activities[i])
	}
	for i, c := range p.campaigns {
		w.Campaigns[i] = campaignJSON{ID: c.spec.ID, Name: c.spec.Name, Medium: c.spec.Medium, Audience: c.spec.Audience, AddedAt: c.added, Seq: c.seq,
			Figures: make([]figuresJSON, len(c.figures)), Mentions: make([]mentionJSON, len(c.mentions))}
		for k, f := range c.figures {
			w.Campaigns[i].Figures[k] = figuresJSON{At: f.at, Impressions: f.v.Impressions(), Reach: f.v.Reach(), Seq: f.seq}
		}
		for k, m := range c.mentions {
			w.Campaigns[i].Mentions[k] = mentionJSON{At: m.at, Outlet: m.v.Outlet, Headline: m.v.Headline, Tone: m.v.Mention.Tone, Reach: m.v.Mention.Reach, Seq: m.seq}
		}
	}
	for i, pub := range p.publications {
		w.Publications[i] = publicationJSON{At: pub.at, Publication: pub.v, Seq: pub.seq}
	}
	for i := range p.participants {
		w.Participants[i] = p.participants[i].view()
	}
	for i := range p.contributions {
		w.Contributions[i] = p.contributionJSON(int32(i))
	}
	if d, ok := p.Decision(); ok {
		w.Decision = &d
	}
	for i := range p.commitments {
		cm := &p.commitments[i]
		c := p.commitmentView(cm)
		ms := make([]milestoneJSON, len(c.milestones))
		for k, m := range c.milestones {
			ms[k] = milestoneJSON{Milestone: m, DoneSeq: cm.doneSeq[k]}
		}
		w.Commitments[i] = commitmentJSON{ID: c.ID(), Action: c.Action(), Owner: c.Owner(), Due: c.Due(), AddedAt: c.added,
			Milestones: ms, ShapedBy: c.shapedBy, DroppedAt: c.dropped, DropReason: c.dropReason, Seq: cm.seq, DropSeq: cm.dropSeq}
	}
	for i, t := range p.initiatives {
		tj := takenUpJSON{Initiative: t.Initiative, Title: t.Title, Kind: t.Kind, Supports: t.Supports,
			SubmittedTo: t.SubmittedTo, SubmittedAt: t.SubmittedAt, At: t.At, Seq: p.initiativeSeq[i][0]}
		if t.Answered() {
			tj.Answer = &answerJSON{Outcome: t.Answer.Outcome, Text: t.Answer.Text, At: t.Answer.At, Seq: p.initiativeSeq[i][1]}
		}
		w.Initiatives = append(w.Initiatives, tj)
	}
	return json.Marshal(w)
}

// nonNil returns s, or an empty slice for nil, so that JSON shows [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// activityJSON returns the wire form of a.
func (p *Process) activityJSON(a *activity) activityJSON {
	s := a.spec
	w := activityJSON{ID: s.ID, Title: s.Title, Method: s.Method, Start: s.Start, End: s.End, Place: s.Place,
		RegistrationRequired: s.RegistrationRequired, Audience: s.Audience, AddedAt: a.added, Seq: a.seq,
		Attendance: make([]attendanceJSON, len(a.attendance))}
	for k := range a.attendance {
		v := p.attendanceView(&a.attendance[k])
		w.Attendance[k] = attendanceJSON{Participant: v.Participant.ID, RegisteredAt: v.RegisteredAt, AttendedAt: v.AttendedAt,
			RegisteredSeq: a.attendance[k].seq[registered], AttendedSeq: a.attendance[k].seq[attended]}
	}
	return w
}

// contributionJSON returns the wire form of contribution i.
func (p *Process) contributionJSON(i int32) contributionJSON {
	v := p.contributionView(i)
	w := contributionJSON{ID: v.id, Participant: v.participant.ID, Kind: v.kind, Text: v.text, At: v.at, Seq: p.contributions[i].seq}
	if v.activity != uuid.Nil {
		w.Activity = &v.activity
	}
	if ph, ok := v.Phase(); ok {
		w.Phase = &ph
	}
	if q, ok := v.Quality(); ok {
		w.Quality = &q
	}
	if r, ok := v.Response(); ok {
		w.Response = &responseJSON{At: v.respondedAt, Response: r, Seq: p.responses[i].seq}
	}
	return w
}

// UnmarshalJSON reads what [Process.MarshalJSON] writes and validates it
// exactly as the constructors and methods would have: it builds the process
// with [NewProcess] and replays every record and event through the same
// methods, in time order. A document that the methods could not have
// produced (a contribution while closed, a decision that breaks the rules, a
// record out of time order, an unknown reference, a participant nobody
// refers to) is rejected with the methods' error, wrapped with the record
// concerned; p is left unchanged on error.
//
// A document numbers its changes ("seq", see the wire form): they are
// replayed in that order, which must be exactly the order the process
// recorded them, 1, 2, … ([ErrInconsistent] otherwise). Documents written
// before the changes were numbered carry no "seq": for them the order is
// derived from the times, as before. Records that share an instant are then
// replayed in an order the methods accept:
// before each lifecycle event of that instant, the records the state allows
// (activities, campaigns, publications, figures, mentions, registrations and
// attendance record by record, contributions, responses, commitments,
// milestones, initiatives taken up and their answers, in that order);
// commitments are dropped just before a completion or a cancellation, or
// after the instant's other events.
func (p *Process) UnmarshalJSON(b []byte) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	var w processJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	q, err := decodeProcess(&w)
	if err != nil {
		return fmt.Errorf("engagement: decoding process: %w", err)
	}
	p.process = q.process
	return nil
}

// The kinds of replayed record, in the order they are replayed within one
// instant and state (but see compareSteps). A new kind of record joins the
// replay with a constant here, its entries in stepAllowed, stepPaths and
// stepTimeFields, a loop in collect and a case in apply.
const (
	stepActivity uint8 = iota
	stepCampaign
	stepPublish
	stepFigures
	stepMention
	stepRegister
	stepAttend
	stepContribute
	stepRespond
	stepCommit
	stepMilestone
	stepDrop
	stepTakeUp
	stepAnswer
	stepEvent // a lifecycle event of the history, in a document that numbers its changes
)

// stepAllowed is the set of states in which each kind of step may be made.
var stepAllowed = [...]stateSet{
	stepActivity: notFinal, stepCampaign: notFinal, stepPublish: notFinal, stepFigures: notFinal,
	stepMention: notFinal, stepRegister: notFinal, stepAttend: notFinal, stepContribute: whileOpen,
	stepRespond: whileAnswerable, stepCommit: onceDecided, stepMilestone: whileImplement, stepDrop: onceDecided,
	stepTakeUp: beforeDecision, stepAnswer: onceDecided,
}

// step is one record to replay: its time, kind, and where it is in the
// document (the list index and the index within that item).
type step struct {
	at   int64
	seq  uint64 // the change number the document states; 0 for none
	i, k int32
	kind uint8
}

// stepPaths and stepTimeFields name where each kind of step is in the
// document, for error messages; they are formatted only on error.
var (
	stepPaths = [...]string{
		stepActivity: "activities[%d]", stepCampaign: "campaigns[%d]", stepPublish: "publications[%d]",
		stepFigures: "campaigns[%d].figures[%d]", stepMention: "campaigns[%d].mentions[%d]",
		stepRegister: "activities[%d].attendance[%d]", stepAttend: "activities[%d].attendance[%d]",
		stepContribute: "contributions[%d]", stepRespond: "contributions[%d].response", stepCommit: "commitments[%d]",
		stepMilestone: "commitments[%d].milestones[%d]", stepDrop: "commitments[%d]",
		stepTakeUp: "initiatives[%d]", stepAnswer: "initiatives[%d].answer", stepEvent: "history[%d]",
	}
	stepTimeFields = [...]string{
		stepActivity: "added_at", stepCampaign: "added_at", stepPublish: "at", stepFigures: "at", stepMention: "at",
		stepRegister: "registered_at", stepAttend: "attended_at", stepContribute: "at", stepRespond: "at",
		stepCommit: "added_at", stepMilestone: "done_at", stepDrop: "dropped_at", stepTakeUp: "at", stepAnswer: "at",
		stepEvent: "at",
	}
)

// where returns the path of the step's record in the document, such as
// "activities[2].attendance[7]".
func (s step) where() string {
	path := stepPaths[s.kind]
	if strings.Count(path, "%d") == 2 {
		return fmt.Sprintf(path, s.i, s.k)
	}
	return fmt.Sprintf(path, s.i)
}

// compareSteps orders steps by time, then by kind, then by place in the
// document. Registrations and attendance rank as one kind, ordered by their
// record and, within a record, registration first: an activity's records are
// listed in the order they were created, and the replay must create them in
// that order, whichever step created each.
func compareSteps(a, b step) int {
	return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(stepRank(a.kind), stepRank(b.kind)),
		cmp.Compare(a.i, b.i), cmp.Compare(a.k, b.k), cmp.Compare(a.kind, b.kind))
}

// stepRank is the kind's rank in the replay order.
func stepRank(kind uint8) uint8 {
	if kind == stepAttend {
		return stepRegister
	}
	return kind
}

// decoder holds the document being replayed into a fresh process.
type decoder struct {
	w     *processJSON
	p     *Process
	steps []step
}

func decodeProcess(w *processJSON) (*Process, error) {
	spec := ProcessSpec{ID: w.ID, Title: w.Title, Question: w.Question, Authority: w.Authority, Level: w.Level, Rules: w.Rules, Phases: w.Phases}
	p, err := NewProcess(spec, w.CreatedAt)
	if err != nil {
		return nil, err
	}
	// The document says how much to hold: reserve it, so the replay does not
	// copy growing slices.
	n := len(w.Contributions)
	p.contributions = make([]contribution, 0, n)
	p.responses = make([]response, 0, n)
	p.contributionIndex = make(map[uuid.UUID]int32, n)
	p.participants = make([]participant, 0, len(w.Participants))
	p.participantIndex = make(map[uuid.UUID]int32, len(w.Participants))
	d := &decoder{w: w, p: p, steps: make([]step, 0, 2*n)}
	if err := d.participants(); err != nil {
		return nil, err
	}
	if err := d.collect(); err != nil {
		return nil, err
	}
	numbered, err := d.numbered()
	if err != nil {
		return nil, err
	}
	replay := d.replay
	if numbered {
		replay = d.replayNumbered
	}
	if err := replay(); err != nil {
		return nil, err
	}
	if err := d.finish(); err != nil {
		return nil, err
	}
	return p, nil
}

// participants fills the participant table in the document's order, so that
// the replay keeps it.
func (d *decoder) participants() error {
	for i, pt := range d.w.Participants {
		if err := pt.Validate(); err != nil {
			return fmt.Errorf("participants[%d]: %w", i, err)
		}
		if _, dup := d.p.participantIndex[pt.ID]; dup {
			return fieldErr(fmt.Sprintf("participants[%d]", i), pt.ID.String(), ErrDuplicate)
		}
		d.p.addParticipant(pt, -1)
	}
	return nil
}

// add queues a step at time t, which must be valid, with its change number
// seq (0 when the document states none); the records of each list must be
// in time order, as the methods keep them.
func (d *decoder) add(t, prev time.Time, kind uint8, i, k int, seq uint64) error {
	s := step{kind: kind, i: int32(i), k: int32(k), seq: seq}
	if err := checkTime(s.where()+"."+stepTimeFields[kind], t); err != nil {
		return err
	}
	if t.Before(prev) {
		return &TimeOrderError{Field: s.where() + "." + stepTimeFields[kind], At: t, Blocker: "the record it must follow", BlockerAt: prev, Err: ErrTimeOrder}
	}
	s.at = stamp(t)
	d.steps = append(d.steps, s)
	return nil
}

// collect queues every record of the document as a step.
func (d *decoder) collect() error {
	w := d.w
	var errs problems
	var prev time.Time
	for i, a := range w.Activities {
		errs.add(d.add(a.AddedAt, prev, stepActivity, i, 0, a.Seq))
		prev = a.AddedAt
		for k, r := range a.Attendance {
			if r.RegisteredAt.IsZero() && r.AttendedAt.IsZero() {
				errs.add(fieldErr(step{kind: stepRegister, i: int32(i), k: int32(k)}.where(), r.Participant.String(), ErrInvalid))
			}
			if !r.RegisteredAt.IsZero() {
				errs.add(d.add(r.RegisteredAt, time.Time{}, stepRegister, i, k, r.RegisteredSeq))
			}
			if !r.AttendedAt.IsZero() {
				errs.add(d.add(r.AttendedAt, time.Time{}, stepAttend, i, k, r.AttendedSeq))
			}
		}
	}
	prev = time.Time{}
	for i, c := range w.Campaigns {
		errs.add(d.add(c.AddedAt, prev, stepCampaign, i, 0, c.Seq))
		prev = c.AddedAt
		var last time.Time
		for k, f := range c.Figures {
			errs.add(d.add(f.At, last, stepFigures, i, k, f.Seq))
			last = f.At
		}
		last = time.Time{}
		for k, m := range c.Mentions {
			errs.add(d.add(m.At, last, stepMention, i, k, m.Seq))
			last = m.At
		}
	}
	prev = time.Time{}
	for i, pub := range w.Publications {
		errs.add(d.add(pub.At, prev, stepPublish, i, 0, pub.Seq))
		prev = pub.At
	}
	prev = time.Time{}
	for i, c := range w.Contributions {
		errs.add(d.add(c.At, prev, stepContribute, i, 0, c.Seq))
		prev = c.At
		if c.Response != nil {
			errs.add(d.add(c.Response.At, c.At, stepRespond, i, 0, c.Response.Seq))
		}
	}
	prev = time.Time{}
	for i, c := range w.Commitments {
		errs.add(d.add(c.AddedAt, prev, stepCommit, i, 0, c.Seq))
		prev = c.AddedAt
		for k, m := range c.Milestones {
			if !m.DoneAt.IsZero() {
				errs.add(d.add(m.DoneAt, c.AddedAt, stepMilestone, i, k, m.DoneSeq))
			}
		}
		if !c.DroppedAt.IsZero() {
			errs.add(d.add(c.DroppedAt, c.AddedAt, stepDrop, i, 0, c.DropSeq))
		}
	}
	prev = time.Time{}
	for i, t := range w.Initiatives {
		errs.add(d.add(t.At, prev, stepTakeUp, i, 0, t.Seq))
		prev = t.At
		if t.Answer != nil {
			errs.add(d.add(t.Answer.At, t.At, stepAnswer, i, 0, t.Answer.Seq))
		}
	}
	for i, t := range w.History {
		errs.add(checkTime(fmt.Sprintf("history[%d].at", i), t.At))
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	slices.SortFunc(d.steps, compareSteps)
	return nil
}

// numbered reports whether the document numbers its changes: every record
// and every lifecycle event has its "seq", as documents written since the
// numbers were introduced do. A document that numbers none is an older one,
// whose order is derived (see [Process.UnmarshalJSON]); one that numbers
// some and not others is refused with [ErrInvalid].
func (d *decoder) numbered() (bool, error) {
	var with, without int
	var first step
	for _, s := range d.steps {
		if s.seq > 0 {
			with++
		} else {
			if without == 0 {
				first = s
			}
			without++
		}
	}
	for i, e := range d.w.History {
		if e.Seq > 0 {
			with++
		} else {
			if without == 0 {
				first = step{kind: stepEvent, i: int32(i)}
			}
			without++
		}
	}
	if with > 0 && without > 0 {
		return false, fieldErr(first.where()+".seq", "0", ErrInvalid)
	}
	return with > 0, nil
}

// replayNumbered applies the steps and the lifecycle events in the order of
// their change numbers, which must be 1, 2, … with none missing or repeated:
// each applied change must receive the number the document gives it
// ([ErrInconsistent] otherwise).
func (d *decoder) replayNumbered() error {
	for i := range d.w.History {
		d.steps = append(d.steps, step{kind: stepEvent, i: int32(i), seq: d.w.History[i].Seq})
	}
	slices.SortFunc(d.steps, func(a, b step) int { return cmp.Compare(a.seq, b.seq) })
	for _, s := range d.steps {
		var err error
		if s.kind == stepEvent {
			err = d.fire(int(s.i))
		} else {
			err = d.apply(s)
		}
		if err != nil {
			return err
		}
		if d.p.seq != s.seq {
			return fieldErr(s.where()+".seq", strconv.FormatUint(s.seq, 10), ErrInconsistent)
		}
	}
	return nil
}

// replay applies the steps and the lifecycle events in time order (see
// [Process.UnmarshalJSON] for the order within an instant).
func (d *decoder) replay() error {
	events := d.w.History
	for i, e := 0, 0; i < len(d.steps) || e < len(events); {
		var t int64
		switch {
		case e == len(events):
			t = d.steps[i].at
		case i == len(d.steps):
			t = stamp(events[e].At)
		default:
			t = min(d.steps[i].at, stamp(events[e].At))
		}
		j := i
		for j < len(d.steps) && d.steps[j].at == t {
			j++
		}
		group := d.steps[i:j]
		var done []bool // only needed when events share the instant
		if e < len(events) && stamp(events[e].At) == t {
			done = make([]bool, len(group))
		}
		for ; e < len(events) && stamp(events[e].At) == t; e++ {
			next := events[e].Event
			if err := d.applyAllowed(group, done, next == EventComplete || next == EventCancel); err != nil {
				return err
			}
			if err := d.fire(e); err != nil {
				return err
			}
		}
		for k, s := range group {
			if done == nil || !done[k] {
				if err := d.apply(s); err != nil {
					return err
				}
			}
		}
		i = j
	}
	return nil
}

// applyAllowed applies the steps of group not yet done that the current
// state allows; drops only when lateOK (see UnmarshalJSON).
func (d *decoder) applyAllowed(group []step, done []bool, lateOK bool) error {
	for k, s := range group {
		if done[k] || !stepAllowed[s.kind].has(d.p.state) || (s.kind == stepDrop && !lateOK) {
			continue
		}
		if err := d.apply(s); err != nil {
			return err
		}
		done[k] = true
	}
	return nil
}

// fire replays history entry e.
func (d *decoder) fire(e int) error {
	t := d.w.History[e]
	p := d.p
	var err error
	switch t.Event {
	case EventAnnounce:
		err = p.Announce(t.At)
	case EventOpen:
		err = p.Open(t.At)
	case EventClose:
		err = p.Close(t.At)
	case EventDecide:
		if d.w.Decision == nil {
			err = fieldErr("decision", "", ErrInvalid)
		} else {
			err = p.Decide(*d.w.Decision, t.At)
		}
	case EventStartImplementation:
		err = p.StartImplementation(t.At)
	case EventComplete:
		err = p.Complete(t.At)
	case EventCancel:
		err = p.Cancel(t.Reason, t.At)
	default:
		err = fieldErr("event", t.Event.String(), ErrInvalid)
	}
	if err == nil {
		got := p.history[len(p.history)-1]
		if got.From != t.From || got.To != t.To || (t.Event != EventCancel && t.Reason != "") {
			err = fieldErr("states", t.From.String()+" → "+t.To.String(), ErrInvalid)
		}
	}
	if err != nil {
		return fmt.Errorf("history[%d]: %w", e, err)
	}
	return nil
}

// participant returns the participant with ID id from the table.
func (d *decoder) participant(id uuid.UUID) (Participant, error) {
	pt, ok := d.p.Participant(id)
	if !ok {
		return Participant{}, fieldErr("participant", id.String(), ErrNotFound)
	}
	return pt, nil
}

// apply replays one step through the process's methods.
func (d *decoder) apply(s step) error {
	w, p := d.w, d.p
	at := unstamp(s.at)
	var err error
	switch s.kind {
	case stepActivity:
		a := w.Activities[s.i]
		err = p.AddActivity(ActivitySpec{ID: a.ID, Title: a.Title, Method: a.Method, Start: a.Start, End: a.End,
			Place: a.Place, RegistrationRequired: a.RegistrationRequired, Audience: a.Audience}, at)
	case stepRegister, stepAttend:
		a := w.Activities[s.i]
		var who Participant
		if who, err = d.participant(a.Attendance[s.k].Participant); err == nil {
			if s.kind == stepRegister {
				err = p.Register(a.ID, who, at)
			} else {
				err = p.Attend(a.ID, who, at)
			}
		}
	case stepCampaign:
		c := w.Campaigns[s.i]
		medium := c.Medium
		switch {
		case medium == 0:
			medium = c.Channel
		case c.Channel != 0:
			err = fieldErr("channel", c.Channel.String(), ErrInvalid) // both the legacy and the new key
		}
		if err == nil {
			err = p.AddCampaign(CampaignSpec{ID: c.ID, Name: c.Name, Medium: medium, Audience: c.Audience}, at)
		}
	case stepFigures:
		f := w.Campaigns[s.i].Figures[s.k]
		var a metrics.Audience
		if a, err = metrics.NewAudience(f.Reach, f.Impressions); err != nil {
			err = fmt.Errorf("%w: %w", ErrInvalid, err)
		} else {
			err = p.RecordReach(w.Campaigns[s.i].ID, a, at)
		}
	case stepMention:
		m := w.Campaigns[s.i].Mentions[s.k]
		err = p.AddMention(w.Campaigns[s.i].ID, Clipping{Outlet: m.Outlet, Headline: m.Headline,
			Mention: metrics.Mention{Reach: m.Reach, Tone: m.Tone}}, at)
	case stepPublish:
		err = p.Publish(w.Publications[s.i].Publication, at)
	case stepContribute:
		c := w.Contributions[s.i]
		var who Participant
		if who, err = d.participant(c.Participant); err == nil {
			sub := Submission{ID: c.ID, Participant: who, Kind: c.Kind, Text: c.Text}
			if c.Activity != nil {
				if *c.Activity == uuid.Nil {
					err = fieldErr("activity", uuid.Nil.String(), ErrInvalid)
					break
				}
				sub.Activity = *c.Activity
			}
			err = p.Contribute(sub, at)
		}
	case stepRespond:
		c := w.Contributions[s.i]
		err = p.Respond(c.ID, c.Response.Response, at)
	case stepCommit:
		c := w.Commitments[s.i]
		ms := make([]MilestoneSpec, len(c.Milestones))
		for k, m := range c.Milestones {
			ms[k] = MilestoneSpec{Name: m.Name, Weight: m.Weight}
		}
		err = p.AddCommitment(CommitmentSpec{ID: c.ID, Action: c.Action, Owner: c.Owner, Due: c.Due, Milestones: ms, ShapedBy: c.ShapedBy}, at)
	case stepMilestone:
		c := w.Commitments[s.i]
		err = p.CompleteMilestone(c.ID, c.Milestones[s.k].Name, at)
	case stepDrop:
		c := w.Commitments[s.i]
		err = p.DropCommitment(c.ID, c.DropReason, at)
	case stepTakeUp:
		t := w.Initiatives[s.i]
		err = p.takeUp(TakenUp{Initiative: t.Initiative, Title: t.Title, Kind: t.Kind, Supports: t.Supports,
			SubmittedTo: t.SubmittedTo, SubmittedAt: t.SubmittedAt}, at)
	case stepAnswer:
		t := w.Initiatives[s.i]
		err = p.recordAnswer(t.Initiative, participation.Response{Outcome: t.Answer.Outcome, Text: t.Answer.Text}, at)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", s.where(), err)
	}
	return nil
}

// finish checks what the replay does not: the derived fields the document
// states, ratings, references that nothing replayed, and that nobody in the
// participant table is unaccounted for.
func (d *decoder) finish() error {
	w, p := d.w, d.p
	var errs problems
	if len(p.history) != len(w.History) {
		errs.add(fieldErr("history", fmt.Sprint(len(w.History)), ErrInvalid))
	}
	if w.State != p.state {
		errs.add(fieldErr("state", w.State.String(), ErrInvalid))
	}
	if w.Decision != nil && !p.decided {
		errs.add(fieldErr("decision", w.Decision.Outcome, ErrInvalid))
	}
	for i, c := range w.Contributions {
		v := p.contributionView(int32(i))
		if ph, ok := v.Phase(); ok != (c.Phase != nil) || (ok && ph != *c.Phase) {
			errs.add(fieldErr(fmt.Sprintf("contributions[%d].phase", i), fmt.Sprint(ph), ErrInvalid))
		}
		if c.Quality != nil {
			if err := p.Rate(c.ID, *c.Quality); err != nil {
				errs.add(fmt.Errorf("contributions[%d].quality: %w", i, err))
			}
		}
	}
	for i, c := range w.Commitments {
		if c.DroppedAt.IsZero() && c.DropReason != "" {
			errs.add(fieldErr(fmt.Sprintf("commitments[%d].drop_reason", i), c.DropReason, ErrInvalid))
		}
	}
	used := make([]bool, len(p.participants))
	for i := range p.activities {
		if n := len(w.Activities[i].Attendance); n != len(p.activities[i].attendance) {
			errs.add(fieldErr(fmt.Sprintf("activities[%d].attendance", i), fmt.Sprint(n), ErrDuplicate))
		}
		for _, r := range p.activities[i].attendance {
			used[r.participant] = true
		}
	}
	for i, pt := range p.participants {
		if !used[i] && pt.contributions == 0 {
			errs.add(fieldErr(fmt.Sprintf("participants[%d]", i), pt.id.String(), ErrInvalid))
		}
	}
	return errors.Join(errs...)
}
