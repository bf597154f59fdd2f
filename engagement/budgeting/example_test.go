package budgeting_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// Read a Pabulib file and look at what it holds.
func ExampleParse() {
	const file = `META
key;value
description;Our street
budget;10
vote_type;approval
num_votes;2
PROJECTS
project_id;cost;name
p;6;Playground
r;2,50;Bench
VOTES
voter_id;vote;age
v1;p,r;34
v2;r;none
`
	e, err := budgeting.Parse([]byte(file))
	if err != nil {
		log.Fatal(err)
	}
	in := e.Instance()
	fmt.Println("budget:", in.Budget(), in.VoteType())
	for _, p := range in.Projects() {
		fmt.Printf("%s %q costs %s\n", p.ID, p.Name, p.Cost)
	}
	for _, v := range e.Profile().Voters() {
		age, known := v.Age()
		fmt.Println(v.ID(), "voted for", v.Ballot().Len(), "projects; age known:", known, age)
	}
	fmt.Println("warnings:", len(e.Warnings()))
	// Output:
	// budget: 10 approval
	// p "Playground" costs 6
	// r "Bench" costs 2.5
	// v1 voted for 2 projects; age known: true 34
	// v2 voted for 1 projects; age known: false 0
	// warnings: 0
}

// Compare greedy with the Method of Equal Shares on the Warszawa 2017 vote
// for Plac Wojska Polskiego (27 voters, 4 projects, budget 51,195 PLN).
func ExampleRuleByName() {
	e, err := budgeting.ReadFile("testdata/Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb")
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range []string{"greedy_cost", "mes_cost", "mes_cost_add1"} {
		rule, err := budgeting.RuleByName(name)
		if err != nil {
			log.Fatal(err)
		}
		res, err := rule.Run(context.Background(), e)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-13s %-20s %s PLN\n", name, strings.Join(res.SelectedIDs(), " "), res.Cost())
	}
	// Output:
	// greedy_cost   427 915 2567 1623    44720 PLN
	// mes_cost      427 915 1623         24720 PLN
	// mes_cost_add1 427 915 2567 1623    44720 PLN
}

// Build a rule with options and see why each project was bought: under the
// Method of Equal Shares each of the 5 voters starts with 10/5 = 2. The
// pool (cost 6) is bought first, by three voters paying 2 each (ρ = 2/6);
// then the trees (cost 3) by two voters paying 1.5 each (ρ = 1.5/3). The
// library and the lights are then out of their supporters' reach.
func ExampleNewRule() {
	e, err := budgeting.Parse([]byte(`META
key;value
budget;10
vote_type;approval
PROJECTS
project_id;cost;name
pool;6;Swimming pool
library;4;Library corner
lights;4;Street lights
trees;3;Trees
VOTES
voter_id;vote
anna;pool,library
ben;pool,library
chen;pool,lights
dara;lights,trees
eli;trees
`))
	if err != nil {
		log.Fatal(err)
	}
	rule, err := budgeting.NewRule(budgeting.MethodEqualShares,
		budgeting.WithUtility(budgeting.UtilityCost), budgeting.WithTrace())
	if err != nil {
		log.Fatal(err)
	}
	res, err := rule.Run(context.Background(), e)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range res.Steps() {
		fmt.Printf("%s: ρ = %s, %s left\n", e.Instance().ProjectID(s.Project()), s.Rho().RatString(), s.Remaining())
		for _, p := range s.Payments() {
			fmt.Printf("  %d voters paid %s of %s\n", p.Voters, p.Paid.RatString(), p.Before.RatString())
		}
	}
	// Output:
	// pool: ρ = 1/3, 4 left
	//   3 voters paid 2 of 2
	// trees: ρ = 1/2, 1 left
	//   2 voters paid 3/2 of 2
}
