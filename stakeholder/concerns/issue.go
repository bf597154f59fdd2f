package concerns

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/metrics"
)

// IssueState is whether an issue is being dealt with. The zero value is
// invalid.
type IssueState int

// The states of an issue.
const (
	// IssueStateOpen is an issue being dealt with: cases may be added,
	// actions taken.
	IssueStateOpen IssueState = iota + 1
	// IssueStateClosed is an issue dealt with: every case closed, every
	// action done. It may be reopened.
	IssueStateClosed
)

// IssueEvent is a recorded change of an issue. The zero value is invalid.
type IssueEvent int

// The events of an issue.
const (
	// IssueEventOpened records the issue ([Register.OpenIssue]).
	IssueEventOpened IssueEvent = iota + 1
	// IssueEventCaseAdded records a case grouped into it
	// ([Register.AddToIssue]).
	IssueEventCaseAdded
	// IssueEventProcessLinked records that the issue was raised with an
	// engagement process ([Register.RaiseWithProcess]).
	IssueEventProcessLinked
	// IssueEventCommitmentLinked records a commitment that answers it
	// ([Register.AnswerWithCommitment]).
	IssueEventCommitmentLinked
	// IssueEventActionAdded records an action to take
	// ([Register.AddAction]).
	IssueEventActionAdded
	// IssueEventActionCompleted records an action done
	// ([Register.CompleteAction]).
	IssueEventActionCompleted
	// IssueEventClosed records the issue dealt with ([Register.CloseIssue]).
	IssueEventClosed
	// IssueEventReopened records the issue reopened
	// ([Register.ReopenIssue]).
	IssueEventReopened
)

// Trend is which way an issue's number of cases moved from one period to
// the next. The zero value is invalid.
type Trend int

// The trends.
const (
	// TrendDown is fewer cases than in the period before.
	TrendDown Trend = iota + 1
	// TrendFlat is as many cases as in the period before.
	TrendFlat
	// TrendUp is more cases than in the period before.
	TrendUp
)

// IssueDetails describes a new issue for [Register.OpenIssue].
type IssueDetails struct {
	// ID identifies the issue. Not uuid.Nil; unique in the register.
	ID uuid.UUID `json:"id"`
	// Title names it for people, such as "Night-time noise from the park
	// works". Not empty, no surrounding space.
	Title string `json:"title"`
	// Topic is the topic code the issue's cases share, such as
	// "night_work".
	Topic string `json:"topic"`
	// Area is the code of the area concerned, "" for none in particular.
	Area string `json:"area,omitempty"`
}

// Validate reports every problem, joined: a Nil ID, an empty or padded
// title, a bad topic or area code ([ErrInvalid]).
func (d IssueDetails) Validate() error {
	errs := []error{checkID("issue.id", d.ID), checkText("issue.title", d.Title), checkCode("issue.topic", d.Topic)}
	if d.Area != "" {
		errs = append(errs, checkCode("issue.area", d.Area))
	}
	return errors.Join(errs...)
}

// Action is one thing the organisation does about an issue: a noise
// barrier, a changed working hour, a letter to every household. The zero
// value is not a valid action.
type Action struct {
	// ID identifies the action within its issue.
	ID uuid.UUID `json:"id"`
	// Text says what will be done.
	Text string `json:"text"`
	// Due is when it should be done; zero for no date.
	Due time.Time `json:"due,omitzero"`
	// Done is when it was done; zero while it is open.
	Done time.Time `json:"done,omitzero"`
}

// IssueEntry is one recorded step of an issue's history. Fields that do not
// belong to the event are zero. The zero value is not a valid entry.
type IssueEntry struct {
	// Issue is the issue's ID.
	Issue uuid.UUID `json:"issue"`
	// Event is what happened.
	Event IssueEvent `json:"event"`
	// At is when, in UTC.
	At time.Time `json:"at"`
	// By is the member of staff who recorded it. Not uuid.Nil.
	By uuid.UUID `json:"by"`
	// Details describe the issue, for IssueEventOpened.
	Details *IssueDetails `json:"details,omitempty"`
	// Case is the case added, for IssueEventCaseAdded.
	Case uuid.UUID `json:"case,omitzero"`
	// Process is the engagement process, for IssueEventProcessLinked.
	Process uuid.UUID `json:"process,omitzero"`
	// Commitment is the commitment, for IssueEventCommitmentLinked.
	Commitment uuid.UUID `json:"commitment,omitzero"`
	// Action is the action's ID, for IssueEventActionAdded and
	// IssueEventActionCompleted.
	Action uuid.UUID `json:"action,omitzero"`
	// Text is the action's text, the closing note or the reopening reason.
	Text string `json:"text,omitempty"`
	// Due is the action's due date, for IssueEventActionAdded; optional.
	Due time.Time `json:"due,omitzero"`
}

// Validate reports every problem with the entry on its own, joined: an
// undeclared event, a Nil issue or recorder, a time not set, a detail
// missing or not belonging to the event ([ErrInvalid]), a reopening without
// a reason ([ErrReasonRequired]).
func (e IssueEntry) Validate() error {
	if !e.Event.IsValid() {
		return &FieldError{Field: "event", Value: e.Event.String(), Err: ErrInvalid}
	}
	ev := "issue " + e.Event.String()
	errs := []error{checkID("issue", e.Issue), checkID(ev+".by", e.By), checkTime(ev+".at", e.At)}
	need := func(field string, want, set bool) {
		switch {
		case want && !set:
			errs = append(errs, &FieldError{Field: ev + "." + field, Value: "(missing)", Err: ErrInvalid})
		case !want && set:
			errs = append(errs, &FieldError{Field: ev + "." + field, Value: "(set; does not belong to " + e.Event.String() + ")", Err: ErrInvalid})
		}
	}
	need("details", e.Event == IssueEventOpened, e.Details != nil)
	need("case", e.Event == IssueEventCaseAdded, e.Case != uuid.Nil)
	need("process", e.Event == IssueEventProcessLinked, e.Process != uuid.Nil)
	need("commitment", e.Event == IssueEventCommitmentLinked, e.Commitment != uuid.Nil)
	need("action", e.Event == IssueEventActionAdded || e.Event == IssueEventActionCompleted, e.Action != uuid.Nil)
	if e.Event != IssueEventActionAdded && !e.Due.IsZero() {
		need("due", false, true)
	}
	switch e.Event {
	case IssueEventOpened:
		if e.Details != nil {
			errs = append(errs, e.Details.Validate())
			if e.Details.ID != e.Issue {
				errs = append(errs, &FieldError{Field: ev + ".details.id", Value: e.Details.ID.String() + " (not the entry's issue)", Err: ErrInconsistent})
			}
		}
	case IssueEventActionAdded:
		errs = append(errs, checkText(ev+".text", e.Text))
		if !e.Due.IsZero() {
			errs = append(errs, checkTime(ev+".due", e.Due))
		}
	case IssueEventClosed:
		errs = append(errs, checkText(ev+".text", e.Text))
	case IssueEventReopened:
		if e.Text == "" {
			errs = append(errs, &FieldError{Field: ev + ".text", Value: `""`, Err: ErrReasonRequired})
		}
		errs = append(errs, checkOptionalText(ev+".text", e.Text))
	default:
		need("text", false, e.Text != "")
	}
	return errors.Join(errs...)
}

// Issue is a recurring concern: cases about one topic, often in one area,
// grouped so that the organisation answers the cause rather than each call.
// An issue counts its cases and the stakeholders and complainants behind
// them, follows their trend from period to period, holds the actions taken
// and links to the engagement process it was raised with and the
// commitments that answer it (by ID).
//
// An issue is open until [Register.CloseIssue], which needs every case
// closed and every action done; it may be reopened with a reason. Every
// change is dated no earlier than the issue's latest one ([ErrTimeOrder]).
// Read it through its methods; change it through the register.
type Issue struct {
	reg         *Register
	id          uuid.UUID
	details     IssueDetails
	state       IssueState
	cases       []*Case
	processes   []uuid.UUID
	commitments []uuid.UUID
	actions     []Action
	history     []IssueEntry
}

// ID returns the issue's ID.
func (is *Issue) ID() uuid.UUID { return is.id }

// Details returns the issue's description.
func (is *Issue) Details() IssueDetails { return is.details }

// State returns whether the issue is open or closed.
func (is *Issue) State() IssueState { return is.state }

// Cases returns the IDs of its cases, in the order added.
func (is *Issue) Cases() []uuid.UUID {
	out := make([]uuid.UUID, len(is.cases))
	for i, c := range is.cases {
		out[i] = c.details.ID
	}
	return out
}

// Processes returns the IDs of the engagement processes it was raised with.
func (is *Issue) Processes() []uuid.UUID { return slices.Clone(is.processes) }

// Commitments returns the IDs of the commitments that answer it.
func (is *Issue) Commitments() []uuid.UUID { return slices.Clone(is.commitments) }

// Actions returns its actions, in the order added.
func (is *Issue) Actions() []Action { return slices.Clone(is.actions) }

// History returns a copy of its history, oldest first.
func (is *Issue) History() []IssueEntry {
	out := slices.Clone(is.history)
	for i := range out {
		if d := out[i].Details; d != nil {
			cp := *d
			out[i].Details = &cp
		}
	}
	return out
}

// IssueSummary is an issue's line in the issues register: how many cases
// and people, the trend over a period, what is still to do. It holds
// counts only, never a complainant.
type IssueSummary struct {
	// ID, Title, Topic and Area describe the issue.
	ID    uuid.UUID `json:"id"`
	Title string    `json:"title"`
	Topic string    `json:"topic"`
	Area  string    `json:"area,omitempty"`
	// State is whether it is open.
	State IssueState `json:"state"`
	// Cases is the number of its cases; OpenCases of those not closed.
	Cases     int `json:"cases"`
	OpenCases int `json:"open_cases"`
	// Stakeholders is the number of distinct stakeholders its cases
	// concern; Complainants the number of distinct identified
	// complainants (anonymous ones cannot be told apart).
	Stakeholders int `json:"stakeholders"`
	Complainants int `json:"complainants"`
	// InPeriod and InPrevious are the numbers of its cases received in the
	// period and in the period of the same length before it; Trend compares
	// them.
	InPeriod   int   `json:"in_period"`
	InPrevious int   `json:"in_previous"`
	Trend      Trend `json:"trend"`
	// OpenActions is the number of actions not yet done.
	OpenActions int `json:"open_actions"`
	// Processes and Commitments count its links.
	Processes   int `json:"processes"`
	Commitments int `json:"commitments"`
}

// Summary returns the issue's line for period p (the trend compares p
// with [metrics.Period.Previous]; for the zero period both counts are every
// case and the trend is flat).
func (is *Issue) Summary(p metrics.Period) IssueSummary {
	s := IssueSummary{ID: is.id, Title: is.details.Title, Topic: is.details.Topic, Area: is.details.Area, State: is.state,
		Cases: len(is.cases), Processes: len(is.processes), Commitments: len(is.commitments)}
	stakeholders := map[uuid.UUID]bool{}
	complainants := map[uuid.UUID]bool{}
	prev := p.Previous()
	for _, c := range is.cases {
		if c.state != StateClosed {
			s.OpenCases++
		}
		for _, id := range c.details.Stakeholders {
			stakeholders[id] = true
		}
		if c.details.Complainant.Identified() {
			complainants[c.details.Complainant.ID] = true
		}
		at := c.Received()
		if p.Contains(at) {
			s.InPeriod++
		}
		if prev.Contains(at) {
			s.InPrevious++
		}
	}
	s.Stakeholders, s.Complainants = len(stakeholders), len(complainants)
	s.Trend = trendOf(s.InPeriod, s.InPrevious)
	for _, a := range is.actions {
		if a.Done.IsZero() {
			s.OpenActions++
		}
	}
	return s
}

// trendOf compares a period's count with the one before.
func trendOf(now, before int) Trend {
	switch {
	case now > before:
		return TrendUp
	case now < before:
		return TrendDown
	}
	return TrendFlat
}

// OpenIssue opens an issue. It returns the problems of
// [IssueDetails.Validate], a [*FieldError] wrapping [ErrInvalid] for a Nil
// by or a time not set, and [ErrDuplicate] for an ID in use.
func (r *Register) OpenIssue(d IssueDetails, by uuid.UUID, at time.Time) error {
	return r.commitIssue(IssueEntry{Issue: d.ID, Event: IssueEventOpened, At: at, By: by, Details: &d})
}

// AddToIssue groups case caseID into the open issue. The case must exist
// ([ErrNotFound]), belong to no issue yet ([ErrDuplicate]) and have been
// received by at ([ErrTimeOrder]). Every issue method returns
// [ErrNotFound] for an unknown issue, [ErrWrongState] for a closed one (but
// ReopenIssue), [ErrInvalid] for a Nil by or a time not set, and
// [ErrTimeOrder] before the issue's latest change.
func (r *Register) AddToIssue(issueID, caseID, by uuid.UUID, at time.Time) error {
	return r.commitIssue(IssueEntry{Issue: issueID, Event: IssueEventCaseAdded, At: at, By: by, Case: caseID})
}

// RaiseWithProcess records that the issue was raised with an engagement
// process (engagement.Process, by ID); a process linked twice is
// [ErrDuplicate].
func (r *Register) RaiseWithProcess(issueID, processID, by uuid.UUID, at time.Time) error {
	return r.commitIssue(IssueEntry{Issue: issueID, Event: IssueEventProcessLinked, At: at, By: by, Process: processID})
}

// AnswerWithCommitment records a commitment (engagement.Commitment, by ID)
// that answers the issue; a commitment linked twice is [ErrDuplicate].
func (r *Register) AnswerWithCommitment(issueID, commitmentID, by uuid.UUID, at time.Time) error {
	return r.commitIssue(IssueEntry{Issue: issueID, Event: IssueEventCommitmentLinked, At: at, By: by, Commitment: commitmentID})
}

// AddAction adds an open action to the issue: its ID (unique within the
// issue, [ErrDuplicate]), what will be done (required, [ErrInvalid]) and an
// optional due date (zero for none).
func (r *Register) AddAction(issueID uuid.UUID, a Action, by uuid.UUID, at time.Time) error {
	if !a.Done.IsZero() {
		return &FieldError{Field: "action.done", Value: "(set on a new action)", Err: ErrInvalid}
	}
	return r.commitIssue(IssueEntry{Issue: issueID, Event: IssueEventActionAdded, At: at, By: by, Action: a.ID, Text: a.Text, Due: a.Due})
}

// CompleteAction records the action done at at: an unknown action is
// [ErrNotFound], one already done [ErrWrongState].
func (r *Register) CompleteAction(issueID, actionID, by uuid.UUID, at time.Time) error {
	return r.commitIssue(IssueEntry{Issue: issueID, Event: IssueEventActionCompleted, At: at, By: by, Action: actionID})
}

// CloseIssue closes the issue with a note on how it was dealt with
// (required, [ErrInvalid]). Every action must be done and every case
// closed ([ErrWrongState]), and at must not precede any case's latest
// event ([ErrTimeOrder]).
func (r *Register) CloseIssue(issueID uuid.UUID, note string, by uuid.UUID, at time.Time) error {
	return r.commitIssue(IssueEntry{Issue: issueID, Event: IssueEventClosed, At: at, By: by, Text: note})
}

// ReopenIssue reopens a closed issue for a reason ([ErrReasonRequired]); an
// open issue is [ErrWrongState].
func (r *Register) ReopenIssue(issueID uuid.UUID, reason string, by uuid.UUID, at time.Time) error {
	return r.commitIssue(IssueEntry{Issue: issueID, Event: IssueEventReopened, At: at, By: by, Text: reason})
}

// commitIssue checks e against the register and records it: the one path
// of every issue change, whether called or decoded.
func (r *Register) commitIssue(e IssueEntry) error {
	e.At, e.Due = e.At.UTC(), e.Due.UTC()
	if e.Due.Equal(time.Time{}) {
		e.Due = time.Time{}
	}
	if err := e.Validate(); err != nil {
		return err
	}
	if e.Event == IssueEventOpened {
		if _, dup := r.issueByID[e.Issue]; dup {
			return &FieldError{Field: "issue.id", Value: e.Issue.String(), Err: ErrDuplicate}
		}
		d := *e.Details
		e.Details = &d
		is := &Issue{reg: r, id: e.Issue, details: d, state: IssueStateOpen, history: []IssueEntry{e}}
		r.issues = append(r.issues, is)
		r.issueByID[is.id] = is
		r.log(journalRef{i: is}, e.At)
		return nil
	}
	is, ok := r.issueByID[e.Issue]
	if !ok {
		return &FieldError{Field: "issue", Value: e.Issue.String(), Err: ErrNotFound}
	}
	if err := is.precondition(e); err != nil {
		return fmt.Errorf("issue %s: %w", is.id, err)
	}
	is.record(e)
	r.log(journalRef{i: is, n: len(is.history) - 1}, e.At)
	return nil
}

// precondition checks what e needs of the issue and the register.
func (is *Issue) precondition(e IssueEntry) error {
	var errs []error
	if last := is.history[len(is.history)-1].At; e.At.Before(last) {
		errs = append(errs, fmt.Errorf("%w: %s at %s, latest change at %s", ErrTimeOrder, e.Event, e.At.Format(time.RFC3339Nano), last.Format(time.RFC3339Nano)))
	}
	wantOpen := e.Event != IssueEventReopened
	if (is.state == IssueStateOpen) != wantOpen {
		errs = append(errs, &FieldError{Field: "issue", Value: "(" + issueStates.Text(is.state) + ")", Err: ErrWrongState})
	}
	switch e.Event {
	case IssueEventCaseAdded:
		c, ok := is.reg.caseByID[e.Case]
		switch {
		case !ok:
			errs = append(errs, &FieldError{Field: "case", Value: e.Case.String(), Err: ErrNotFound})
		case c.issue != nil:
			errs = append(errs, &FieldError{Field: "case", Value: e.Case.String() + " (already in issue " + c.issue.id.String() + ")", Err: ErrDuplicate})
		case e.At.UnixNano() < c.received:
			errs = append(errs, fmt.Errorf("%w: case %s received after %s", ErrTimeOrder, c.details.ID, e.At.Format(time.RFC3339Nano)))
		}
	case IssueEventProcessLinked:
		if slices.Contains(is.processes, e.Process) {
			errs = append(errs, &FieldError{Field: "process", Value: e.Process.String(), Err: ErrDuplicate})
		}
	case IssueEventCommitmentLinked:
		if slices.Contains(is.commitments, e.Commitment) {
			errs = append(errs, &FieldError{Field: "commitment", Value: e.Commitment.String(), Err: ErrDuplicate})
		}
	case IssueEventActionAdded:
		if is.action(e.Action) >= 0 {
			errs = append(errs, &FieldError{Field: "action", Value: e.Action.String(), Err: ErrDuplicate})
		}
	case IssueEventActionCompleted:
		switch i := is.action(e.Action); {
		case i < 0:
			errs = append(errs, &FieldError{Field: "action", Value: e.Action.String(), Err: ErrNotFound})
		case !is.actions[i].Done.IsZero():
			errs = append(errs, &FieldError{Field: "action", Value: e.Action.String() + " (already done)", Err: ErrWrongState})
		}
	case IssueEventClosed:
		for _, a := range is.actions {
			if a.Done.IsZero() {
				errs = append(errs, &FieldError{Field: "action", Value: a.ID.String() + " (not done)", Err: ErrWrongState})
			}
		}
		for _, c := range is.cases {
			if c.state != StateClosed {
				errs = append(errs, &FieldError{Field: "case", Value: c.details.ID.String() + " (" + states.Text(c.state) + ")", Err: ErrWrongState})
			} else if last := c.history[len(c.history)-1].At; e.At.Before(last) {
				errs = append(errs, fmt.Errorf("%w: case %s closed after %s", ErrTimeOrder, c.details.ID, e.At.Format(time.RFC3339Nano)))
			}
		}
	}
	return errors.Join(errs...)
}

// action returns the index of the action with ID id, or -1.
func (is *Issue) action(id uuid.UUID) int {
	return slices.IndexFunc(is.actions, func(a Action) bool { return a.ID == id })
}

// record appends e to the history and applies its effect.
func (is *Issue) record(e IssueEntry) {
	is.history = append(is.history, e)
	switch e.Event {
	case IssueEventCaseAdded:
		c := is.reg.caseByID[e.Case]
		c.issue = is
		is.cases = append(is.cases, c)
	case IssueEventProcessLinked:
		is.processes = append(is.processes, e.Process)
	case IssueEventCommitmentLinked:
		is.commitments = append(is.commitments, e.Commitment)
	case IssueEventActionAdded:
		is.actions = append(is.actions, Action{ID: e.Action, Text: e.Text, Due: e.Due})
	case IssueEventActionCompleted:
		is.actions[is.action(e.Action)].Done = e.At
	case IssueEventClosed:
		is.state = IssueStateClosed
	case IssueEventReopened:
		is.state = IssueStateOpen
	}
}
