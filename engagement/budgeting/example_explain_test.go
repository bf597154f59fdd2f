package budgeting_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/civitas-go/civitas/metrics"
)

// street is a small approval election: budget 10, five voters who each
// hold 10/5 = 2 under equal shares.
const street = `META
key;value
description;Our street
budget;10
vote_type;approval
currency;EUR
PROJECTS
project_id;cost;name
pool;6;Swimming pool
library;4;Library corner
lights;4;Street lights
trees;3;Trees
VOTES
voter_id;vote;sex
anna;pool,library;F
ben;pool,library;M
chen;pool,lights;M
dara;lights,trees;F
eli;trees;F
`

// Explain why equal shares funds the pool and the trees. In round 1 the
// pool is cheapest per unit of utility: its three supporters pay 2 each,
// ρ = 2/6 = 1/3, against 1/2 for the others; then the library's
// supporters have nothing left and the lights' only 2, less than 4. In
// round 2 dara and eli pay 3/2 each for the trees.
func ExampleExplain() {
	e, err := budgeting.Parse([]byte(street))
	if err != nil {
		log.Fatal(err)
	}
	rule, err := budgeting.RuleByName("mes_cost")
	if err != nil {
		log.Fatal(err)
	}
	res, err := rule.Run(context.Background(), e)
	if err != nil {
		log.Fatal(err)
	}
	x, err := budgeting.Explain(res)
	if err != nil {
		log.Fatal(err)
	}
	for _, rd := range x.Rounds {
		fmt.Printf("round %d: %s at ρ = %s, %s left\n", rd.Number, rd.Project, rd.Rho, rd.After)
	}
	for _, u := range x.Unfunded {
		r := u.Reasons[0]
		fmt.Printf("%s: %s by %s in round %d (ρ %s against %s); its supporters then held %s\n",
			u.Project, r.Kind, r.Rival, r.Round, r.Rho, r.RivalRho, r.Held)
	}
	// Output:
	// round 1: pool at ρ = 1/3, 4 left
	// round 2: trees at ρ = 1/2, 1 left
	// library: outbid by pool in round 1 (ρ 1/2 against 1/3); its supporters then held 0
	// lights: outbid by pool in round 1 (ρ 1/2 against 1/3); its supporters then held 2
}

// The same explanation, written for residents.
func ExampleExplanation_WriteText() {
	e, err := budgeting.Parse([]byte(street))
	if err != nil {
		log.Fatal(err)
	}
	rule, err := budgeting.RuleByName("greedy_cost")
	if err != nil {
		log.Fatal(err)
	}
	res, err := rule.Run(context.Background(), e)
	if err != nil {
		log.Fatal(err)
	}
	x, err := budgeting.Explain(res)
	if err != nil {
		log.Fatal(err)
	}
	if err := x.WriteText(os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// Greedy, rule greedy_cost: budget 10 EUR, 5 voters, 4 projects; 10 EUR spent.
	// Projects are considered one at a time, highest score first (ties by project ID), and each is funded if its cost fits in what is left of the budget. A project's score is the total utility per unit of cost: with approval ballots and cost utility, its number of votes.
	// Scores are rounded to 6 significant digits; ≈ marks a rounded figure.
	//
	//   round  project                   votes  score   cost  left before  decision
	//       1  pool “Swimming pool”          3      3  6 EUR       10 EUR  funded
	//       2  library “Library corner”      2      2  4 EUR        4 EUR  funded
	//       3  lights “Street lights”        2      2  4 EUR        0 EUR  skipped: does not fit
	//       4  trees “Trees”                 2      2  3 EUR        0 EUR  skipped: does not fit
	//
	// Not funded (2 of 4 projects):
	//   lights “Street lights”, 4 EUR, 2 votes:
	//     Greedy: in round 3 it did not fit: nothing was left.
	//   trees “Trees”, 3 EUR, 2 votes:
	//     Greedy: in round 4 it did not fit: nothing was left.
}

// Analyse what equal shares gave the voters of the street. It funds the
// pool (6) and the trees (3): every voter's ballot lists one of them.
// Satisfaction is the cost of the funded projects a voter approved: anna,
// ben and chen 6, dara and eli 3; mean 24/5 = 4.80 EUR. Gini of 3, 3, 6, 6,
// 6 (Σ 24, Σ i·x_(i) = 3 + 6 + 18 + 24 + 30 = 81): 2·81/(5·24) − 6/5 =
// 0.15. Against a street of 50 women and 50 men (3 and 2 voted), counts
// under 3 are suppressed, so the 3 is withheld too.
func ExampleAnalyze() {
	e, err := budgeting.Parse([]byte(street))
	if err != nil {
		log.Fatal(err)
	}
	rule, err := budgeting.RuleByName("mes_cost")
	if err != nil {
		log.Fatal(err)
	}
	res, err := rule.Run(context.Background(), e)
	if err != nil {
		log.Fatal(err)
	}
	a, err := budgeting.Analyze(res, budgeting.WithPopulation(budgeting.BySex,
		[]metrics.GroupCount{{Group: "F", Count: 50}, {Group: "M", Count: 50}},
		metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize3}))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("satisfied:", a.Satisfied, a.Satisfied.PercentText())
	fmt.Println("budget spent:", a.BudgetSpent.PercentText())
	fmt.Println("mean utility:", a.MeanUtility, "=", a.MeanUtility.Round(2))
	fmt.Println("Gini:", a.Gini)
	for group, cell := range a.Representation.Voters.All() {
		fmt.Println(group, cell)
	}
	// Output:
	// satisfied: 5/5 100.00 %
	// budget spent: 90.00 %
	// mean utility: 24/5 = 4.8
	// Gini: 0.15
	// F *
	// M *
}
