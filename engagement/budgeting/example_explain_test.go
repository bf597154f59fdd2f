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

// Explain why equal shares funds the pool and the trees, for residents. In
// round 1 the pool is cheapest per unit of utility: its three supporters
// pay 2 each, ρ = 2/6 = 1/3, against 1/2 for the others; then the
// library's supporters have nothing left and the lights' only 2, less than
// 4. In round 2 dara and eli pay 3/2 each for the trees. The same figures
// are in the fields of the Explanation, and in its JSON form.
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
	if err := x.WriteText(os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// Method of Equal Shares: budget 10 EUR, 5 voters, 4 projects; 9 EUR spent.
	// Every voter started with an equal share of the budget: 10 EUR / 5 = 2.00 EUR.
	// In each round the project that its supporters can buy at the lowest price ρ per unit of utility is funded: each supporter pays ρ times what the project is worth to her (its cost if she approved it, the points she gave it, or its Borda score if she ranked it), or all she has left if that is less. A project whose supporters hold less than its cost in all can no longer be funded.
	// Shares, payments and loads are rounded to 2 decimal places, other figures to 6 significant digits; ≈ marks a rounded figure.
	//
	// Round 1: pool “Swimming pool” funded for 6 EUR at ρ = 1/3 ≈ 0.333333.
	//   supporters  had each  paid each  left each
	//            3  2.00 EUR   2.00 EUR   0.00 EUR
	//   4 EUR of the budget left.
	//
	// Round 2: trees “Trees” funded for 3 EUR at ρ = 1/2 = 0.5.
	//   supporters  had each  paid each  left each
	//            2  2.00 EUR   1.50 EUR   0.50 EUR
	//   1 EUR of the budget left.
	//
	// Not funded (2 of 4 projects):
	//   library “Library corner”, 4 EUR, 2 votes:
	//     Equal shares: in round 1, pool “Swimming pool” cost less per unit of utility (ρ = 1/3 ≈ 0.333333, against ρ = 1/2 = 0.5 for this project); after that round its supporters held 0.00 EUR in all, less than its cost.
	//   lights “Street lights”, 4 EUR, 2 votes:
	//     Equal shares: in round 1, pool “Swimming pool” cost less per unit of utility (ρ = 1/3 ≈ 0.333333, against ρ = 1/2 = 0.5 for this project); after that round its supporters held 2.00 EUR in all, less than its cost.
}

// Compare what greedy and equal shares give the voters of the street.
// Greedy funds the pool (6) and the library (4): dara and eli get nothing,
// 3 of 5 satisfied; satisfaction is the cost of the funded projects a
// voter approved, anna and ben 10, chen 6, dara and eli 0, mean 26/5, Gini
// 2·108/(5·26) − 6/5 = 0.461538 for 0, 0, 6, 10, 10 (Σ i·x_(i) = 108). Equal
// shares funds the pool and the trees (3): everyone gets something;
// anna, ben and chen 6, dara and eli 3, mean 24/5, and a Gini coefficient
// of 2·81/(5·24) − 6/5 = 0.15 for 3, 3, 6, 6, 6 (Σ i·x_(i) = 81). Against a
// street of 50 women and 50 men (3 and 2 voted), counts under 3 are not
// published, so the 3 is withheld too.
func ExampleAnalyze() {
	e, err := budgeting.Parse([]byte(street))
	if err != nil {
		log.Fatal(err)
	}
	population := budgeting.WithPopulation(budgeting.VoterAttributeSex, metrics.RepresentativenessSpec{Population: []metrics.GroupCount{{Group: "F", Count: 50}, {Group: "M", Count: 50}}, Policy: metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize3}})
	for _, name := range []string{"greedy_cost", "mes_cost"} {
		rule, err := budgeting.RuleByName(name)
		if err != nil {
			log.Fatal(err)
		}
		res, err := rule.Run(context.Background(), e)
		if err != nil {
			log.Fatal(err)
		}
		a, err := budgeting.Analyze(res, population)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-11s funded %v, spent %s; satisfied %s (%s); mean utility %s = %s; Gini %s\n", name, a.Funded,
			a.BudgetSpent.PercentText(), a.Satisfied, a.Satisfied.PercentText(), a.MeanUtility, a.MeanUtility.Round(2), a.Gini)
		for g := range a.Representation.All() {
			fmt.Printf("  voters of sex %s: %s\n", g.Group(), g.Participants())
		}
	}
	// Output:
	// greedy_cost funded [pool library], spent 100.00 %; satisfied 3/5 (60.00 %); mean utility 26/5 = 5.2; Gini 0.461538
	//   voters of sex F: *
	//   voters of sex M: *
	// mes_cost    funded [pool trees], spent 90.00 %; satisfied 5/5 (100.00 %); mean utility 24/5 = 4.8; Gini 0.15
	//   voters of sex F: *
	//   voters of sex M: *
}
