package main

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/civitas-go/civitas/engagement/budgeting"
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

// budgetRules are the two rules the tour compares: funding greedily by votes,
// as most cities do, and the Method of Equal Shares with the completion
// Assen used.
func budgetRules() []string { return []string{"greedy_cost", "mes_cost_add1"} }

// budget tells a participatory budget on a real instance under two rules.
func (st *story) budget() error {
	s := st.report.section("A participatory budget: greedy versus equal shares, on real votes")
	s.say("A participatory budget is where engagement and participation meet: the body runs a formal " +
		"process and sets the budget, residents propose the projects and vote. Which rule turns votes into " +
		"funded projects matters. Here are the real votes of Assen's 2024 youth budget (Pabulib), under " +
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
			return fmt.Errorf("%s: %w", name, err)
		}
		a, err := budgeting.Analyze(res)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		results = append(results, res)
		st.records.Budget.Outcomes = append(st.records.Budget.Outcomes, a)
	}
	if err := s.tableFrom(func(w io.Writer) error { return writeBudgetTable(w, st.records.Budget.Outcomes) }); err != nil {
		return err
	}
	g, m := st.records.Budget.Outcomes[0], st.records.Budget.Outcomes[1]
	s.say("Greedy funds projects in order of votes while they fit; equal shares gives every "+
		"voter the same share of the budget to spend on the projects she supports, so a large group cannot "+
		"take it all. On these votes equal shares funds %d projects to greedy's %d and spends %s of the budget "+
		"to greedy's %s; %s of the voters see a project they voted for funded under equal shares, %s under greedy.",
		len(m.Funded), len(g.Funded), m.BudgetSpent.PercentText(), g.BudgetSpent.PercentText(),
		m.Satisfied.PercentText(), g.Satisfied.PercentText())
	return s.picture("budget.svg", "Assen 2024: funded projects against the budget, and voters who got something, under each rule",
		func(w io.Writer) error { return budgeting.CompareSVG(w, results[0], results[1]) })
}

// writeBudgetTable writes the analysis of each rule's outcome side by side.
func writeBudgetTable(w io.Writer, outcomes []*budgeting.Analysis) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, "\t")
	for _, a := range outcomes {
		fmt.Fprintf(tw, "%s\t", a.Rule)
	}
	fmt.Fprintln(tw)
	row := func(name string, cell func(a *budgeting.Analysis) string) {
		fmt.Fprintf(tw, "%s\t", name)
		for _, a := range outcomes {
			fmt.Fprintf(tw, "%s\t", cell(a))
		}
		fmt.Fprintln(tw)
	}
	row("projects funded", func(a *budgeting.Analysis) string { return fmt.Sprintf("%d of %d", len(a.Funded), a.Projects) })
	row("budget spent", func(a *budgeting.Analysis) string {
		return fmt.Sprintf("%s of %s %s (%s)", a.Spent.StringFixed(0), a.Budget.StringFixed(0), a.Currency, a.BudgetSpent.PercentText())
	})
	row("voters with a funded project", func(a *budgeting.Analysis) string {
		return fmt.Sprintf("%d of %d (%s)", a.Satisfied.Numerator(), a.Satisfied.Denominator(), a.Satisfied.PercentText())
	})
	row("Gini of voter satisfaction", func(a *budgeting.Analysis) string {
		if a.Gini == nil {
			return "undefined"
		}
		return a.Gini.StringFixed(3)
	})
	row("funded, in order", func(a *budgeting.Analysis) string { return fmt.Sprint(a.Funded) })
	return tw.Flush()
}
