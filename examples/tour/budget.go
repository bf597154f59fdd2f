package main

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"strings"

	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/internal/riverside"
)

// assen is a real participatory budget: Assen's Top Idee 2024 (the
// Netherlands), in which young people aged 12 to 27 chose among 14 projects
// for EUR 100,000, and the city used the Method of Equal Shares. The file is
// from Pabulib (pabulib.org; Faliszewski et al. 2023), published for
// research and reuse.
//
//go:embed data/Netherlands_Assen_2024.pb
var assen []byte

// budgetRecords is what -json writes of the participatory budget: the
// instance and, per rule, the analysis of its outcome.
type budgetRecords struct {
	Instance string                `json:"instance"`
	Outcomes []*budgeting.Analysis `json:"outcomes"`
}

// budgetRules are the two rules the tour compares, by the names
// budgeting.RuleByName reads: funding greedily by votes, as most cities
// do, and the Method of Equal Shares with the completion Assen used.
func budgetRules() []string { return []string{"greedy_cost", "mes_cost_add1"} }

// budget tells a participatory budget on a real instance under two rules.
func (st *story) budget() error {
	s, answers := st.section("A participatory budget: greedy versus equal shares, on real votes",
		"A participatory budget is where engagement and participation meet: the body runs a formal "+
			"process and sets the budget, residents propose the projects and vote. Which rule turns votes into "+
			"funded projects matters. Here are the real votes of Assen's 2024 youth budget (Pabulib), under "+
			"greedy-by-votes and under the Method of Equal Shares (Peters & Skowron), computed exactly.")
	e, err := budgeting.Parse(assen)
	if err != nil {
		return err
	}
	st.records.Budget.Instance = "Netherlands_Assen_2024.pb"
	var results []*budgeting.Result
	for _, name := range budgetRules() {
		rule, err := budgeting.RuleByName(name)
		if err != nil {
			return err
		}
		res, err := rule.Run(context.Background(), e)
		if err != nil {
			return fmt.Errorf("%s: %w", rule.Title(), err)
		}
		a, err := budgeting.Analyze(res)
		if err != nil {
			return fmt.Errorf("%s: %w", rule.Title(), err)
		}
		results = append(results, res)
		st.records.Budget.Outcomes = append(st.records.Budget.Outcomes, a)
	}
	outcomes := st.records.Budget.Outcomes
	s.table(budgetTable(outcomes))
	s.table(projectTable(e.Instance(), results))
	g, m := outcomes[0], outcomes[1]
	s.say("Greedy funds projects in order of votes while they fit; equal shares gives every "+
		"voter the same share of the budget to spend on the projects she supports, so a large group cannot "+
		"take it all. On these votes equal shares funds %d projects to greedy's %d and spends %s of the budget "+
		"to greedy's %s; %s of the voters see a project they voted for funded under equal shares, %s under greedy.",
		len(m.Funded), len(g.Funded), m.BudgetSpent.PercentText(), g.BudgetSpent.PercentText(),
		riverside.Share(m.Satisfied), riverside.Share(g.Satisfied))
	if err := s.picture("budget.svg", "Assen 2024: funded projects against the budget, and voters who got something, under each rule",
		func(w io.Writer) error { return budgeting.CompareSVG(w, results[0], results[1]) }); err != nil {
		return err
	}
	return answers(
		told(scorecard.RoleCivicEngagementSpecialist, "How many voters see a project they voted for funded?", "Voters with a funded project",
			fmt.Sprintf("%s under %s; %s under %s", riverside.Share(m.Satisfied), m.Rule.Title(), riverside.Share(g.Satisfied), g.Rule.Title())),
		told(scorecard.RoleCommunityEngagementOfficer, "Is the budget shared fairly among the voters?", "Gini of voter satisfaction (0 is equal)",
			fmt.Sprintf("%s under %s; %s under %s", gini(m), m.Rule.Title(), gini(g), g.Rule.Title())),
	)
}

// gini writes the Gini coefficient of an outcome's voter satisfaction.
func gini(a *budgeting.Analysis) string {
	if a.Gini == nil {
		return "undefined"
	}
	return a.Gini.Round(2).StringFixed(2)
}

// budgetTable is the analysis of each rule's outcome side by side.
func budgetTable(outcomes []*budgeting.Analysis) riverside.Table {
	t := riverside.Table{Caption: "What each rule funds", Head: []string{"Rule"}}
	for _, a := range outcomes {
		t.Head = append(t.Head, a.Rule.Title())
	}
	row := func(name string, cell func(a *budgeting.Analysis) string) {
		r := []string{name}
		for _, a := range outcomes {
			r = append(r, cell(a))
		}
		t.Rows = append(t.Rows, r)
	}
	row("Projects funded", func(a *budgeting.Analysis) string { return fmt.Sprintf("%d of %d", len(a.Funded), a.Projects) })
	row("Budget spent", func(a *budgeting.Analysis) string {
		return fmt.Sprintf("%s of %s %s (%s)", a.Spent.StringFixed(0), a.Budget.StringFixed(0), a.Currency, a.BudgetSpent.PercentText())
	})
	row("Voters with a funded project", func(a *budgeting.Analysis) string { return riverside.Share(a.Satisfied) })
	row("Gini of voter satisfaction (0 is equal)", gini)
	return t
}

// projectTable lists every project with its cost and, per rule, whether
// and in what order the rule funds it.
func projectTable(in *budgeting.Instance, results []*budgeting.Result) riverside.Table {
	t := riverside.Table{Caption: "Every project, and the order in which each rule funds it", Head: []string{"Project", "Cost"},
		Figures: []bool{false, true}}
	for _, r := range results {
		t.Head = append(t.Head, r.Rule().Title())
	}
	cur, _ := in.Meta("currency")
	for i, p := range in.Projects() {
		row := []string{fmt.Sprintf("%s (number %s)", p.Name, p.ID), strings.TrimSpace(p.Cost.StringFixed(0) + " " + cur)}
		for _, r := range results {
			cell := "not funded"
			for k, sel := range r.Selected() {
				if sel == i {
					cell = fmt.Sprintf("funded %s", ordinal(k+1))
				}
			}
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// ordinal writes 1 as "1st", 2 as "2nd" and so on.
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
