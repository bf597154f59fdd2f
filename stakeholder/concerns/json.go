package concerns

import (
	"encoding/json"
	"fmt"

	"github.com/google/uuid"
)

// registerJSON is the wire form of a Register: its rules and its journal,
// with each case's and issue's resulting state written for readers
// (decoding checks they agree).
type registerJSON struct {
	Rules   Rules         `json:"rules"`
	Journal []journalJSON `json:"journal"`
	Cases   []caseJSON    `json:"cases"`
	Issues  []issueJSON   `json:"issues"`
}

// journalJSON is one journal entry: a case's or an issue's, never both.
type journalJSON struct {
	Case  *HistoryEntry `json:"case_event,omitempty"`
	Issue *IssueEntry   `json:"issue_event,omitempty"`
}

type caseJSON struct {
	ID      uuid.UUID `json:"id"`
	State   State     `json:"state"`
	Outcome Outcome   `json:"outcome,omitempty"`
	Level   int       `json:"level"`
}

type issueJSON struct {
	ID    uuid.UUID  `json:"id"`
	State IssueState `json:"state"`
}

// MarshalJSON writes the register as
//
//	{"rules": {…}, "journal": [{"case_event": {…}} or {"issue_event": {…}}, …],
//	 "cases": [{"id", "state", "outcome", "level"}, …], "issues": [{"id", "state"}, …]}
//
// The journal holds every change in the order it was made, each a
// [HistoryEntry] or an [IssueEntry] in its encoding/json form; cases and
// issues give the state each one reached, for readers. Times are in UTC
// with as many fractional digits as they need, so decoding gives back the
// same register and encoding it again the same bytes.
//
// This is the organisation's own record: it holds every complainant's ID,
// confidential ones included, and must be stored under the
// organisation's access rules. Publish [Performance] and reports instead.
func (r *Register) MarshalJSON() ([]byte, error) {
	w := registerJSON{Rules: r.rules, Journal: make([]journalJSON, len(r.journal)),
		Cases: make([]caseJSON, len(r.cases)), Issues: make([]issueJSON, len(r.issues))}
	for i, ref := range r.journal {
		if ref.c != nil {
			w.Journal[i].Case = &ref.c.history[ref.n]
		} else {
			w.Journal[i].Issue = &ref.i.history[ref.n]
		}
	}
	for i, c := range r.cases {
		w.Cases[i] = caseJSON{ID: c.details.ID, State: c.state, Outcome: c.Outcome(), Level: c.level}
	}
	for i, is := range r.issues {
		w.Issues[i] = issueJSON{ID: is.id, State: is.state}
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes. It validates the rules as
// [NewRegister] does and replays the journal, in order, through the checks
// of the methods that made it, so that a history no sequence of calls can
// produce is rejected: an entry refused is an error wrapping
// [ErrInconsistent] and the reason the method would have given (such as
// [ErrInvalidTransition] in a [*TransitionError], or [ErrTimeOrder]).
// Then it checks that the cases and issues listed are those the journal
// leads to, in the same states ([ErrInconsistent]). Errors of
// encoding/json are wrapped in [ErrInvalid]. On error the register is
// unchanged.
func (r *Register) UnmarshalJSON(data []byte) error {
	var w registerJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return decodeErr(err)
	}
	got, err := NewRegister(w.Rules)
	if err != nil {
		return err
	}
	for i, item := range w.Journal {
		switch {
		case (item.Case == nil) == (item.Issue == nil):
			err = &FieldError{Field: fmt.Sprintf("journal[%d]", i), Value: "(want one of case_event and issue_event)", Err: ErrInvalid}
		case item.Case != nil:
			err = got.commitCase(*item.Case)
		default:
			err = got.commitIssue(*item.Issue)
		}
		if err != nil {
			return fmt.Errorf("%w: journal[%d]: %w", ErrInconsistent, i, err)
		}
	}
	if err := got.checkStates(w.Cases, w.Issues); err != nil {
		return err
	}
	*r = *got
	for _, c := range r.cases {
		c.reg = r
	}
	for _, is := range r.issues {
		is.reg = r
	}
	return nil
}

// checkStates checks the decoded states against those the journal led to.
func (r *Register) checkStates(cases []caseJSON, issues []issueJSON) error {
	if len(cases) != len(r.cases) || len(issues) != len(r.issues) {
		return fmt.Errorf("%w: %d cases and %d issues listed, the journal records %d and %d",
			ErrInconsistent, len(cases), len(issues), len(r.cases), len(r.issues))
	}
	for i, c := range r.cases {
		if want := (caseJSON{ID: c.details.ID, State: c.state, Outcome: c.Outcome(), Level: c.level}); cases[i] != want {
			return fmt.Errorf("%w: cases[%d] is %v, the journal leads to %v", ErrInconsistent, i, cases[i], want)
		}
	}
	for i, is := range r.issues {
		if want := (issueJSON{ID: is.id, State: is.state}); issues[i] != want {
			return fmt.Errorf("%w: issues[%d] is %v, the journal leads to %v", ErrInconsistent, i, issues[i], want)
		}
	}
	return nil
}
