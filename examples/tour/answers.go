package main

import (
	"fmt"

	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/internal/riverside"
	"github.com/civitas-go/civitas/metrics"
)

// An answer is a question one of the six roles in the field asks, and the
// figure in a section that answers it: a figure of the role's scorecard
// (or, for the process figures, of the process scorecard), or a figure the
// section computes (name and value given).
type answer struct {
	role     scorecard.Role
	question string
	figure   scorecard.Figure
	name     string // for a figure that is on no scorecard
	value    string
}

// answersHead are the columns of a section's table of answers.
var answersHead = []string{"Role", "Asks", "Figure", "Answer", "Target", "Verdict"}

// ask is an answer from a scorecard figure.
func ask(role scorecard.Role, question string, f scorecard.Figure) answer {
	return answer{role: role, question: question, figure: f}
}

// told is an answer from a figure the section computes.
func told(role scorecard.Role, question, name, value string) answer {
	return answer{role: role, question: question, name: name, value: value}
}

// answers adds the table that says which figure of the section answers
// which question of the role that owns it. Scorecard figures are read from
// the role's card, or else from the process card.
func (st *story) answers(s *section, list ...answer) error {
	t := riverside.Table{Caption: "Who reads this section, and what it answers", Head: answersHead}
	for _, a := range list {
		row := []string{a.role.Label(), a.question, a.name, a.value, "", ""}
		if a.figure != 0 {
			e, ok := st.evaluation(a.role, a.figure)
			if !ok {
				return fmt.Errorf("no scorecard holds %s", a.figure.Label())
			}
			r := riverside.Read(e)
			value := r.Value
			if r.Basis != "" {
				value += " (" + r.Basis + ")"
			}
			row = []string{a.role.Label(), a.question, r.Figure, value, r.Target, r.Verdict}
		}
		t.Rows = append(t.Rows, row)
	}
	s.table(t)
	return nil
}

// evaluation finds figure f on role's scorecard, or else on the process's.
func (st *story) evaluation(role scorecard.Role, f scorecard.Figure) (metrics.Evaluation, bool) {
	cards := st.records.Scorecards
	for i, r := range scorecard.Roles() {
		if r == role {
			if e, ok := riverside.Find(cards[i+1], f); ok {
				return e, true
			}
		}
	}
	return riverside.Find(cards[0], f)
}
