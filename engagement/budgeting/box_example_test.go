package budgeting_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/shopspring/decimal"
)

// A ballot box on a small budget: the census verifies voters, a ballot
// that spends too little of the budget is rejected with its reason, and a
// person's second ballot, on paper, is rejected under first-counts; every
// ballot stays in the box.
func ExampleBox() {
	inst, _ := budgeting.NewInstance(decimal.NewFromInt(100), budgeting.VoteTypeApproval, []budgeting.Project{
		{ID: "park", Cost: decimal.NewFromInt(60)}, {ID: "bench", Cost: decimal.NewFromInt(10)}, {ID: "lamp", Cost: decimal.NewFromInt(30)},
	})
	rules, _ := budgeting.NewBallotRules(inst, budgeting.BallotForm{MinBudgetShare: decimal.NewFromInt(70), Knapsack: true})
	census, _ := budgeting.ReadCensus(strings.NewReader("document,birth_date,area\nA-1,1980-01-02,north\nB-2,1990-03-04,south\n"),
		[]byte("an organisation's secret of 32+ bytes"), time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC))
	opens := time.Date(2025, 5, 1, 8, 0, 0, 0, time.UTC)
	box, _ := budgeting.NewBox(budgeting.BoxSpec{Rules: rules, Verifier: census, Revote: budgeting.RevotePolicyFirstCounts, Opens: opens})

	cast := func(doc, birth string, ch budgeting.BallotChannel, h int, projects ...string) {
		r, err := box.Cast(budgeting.Cast{Claim: budgeting.Claim{Document: doc, BirthDate: birth}, Channel: ch,
			At: opens.Add(time.Duration(h) * time.Hour), Projects: projects})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("ballot %d: %s", r.Seq, r.Status.Text())
		if r.Reason != nil {
			fmt.Printf(" (%v)", r.Reason)
		}
		fmt.Println()
	}
	cast("A-1", "1980-01-02", budgeting.BallotChannelOnline, 1, "park", "bench")
	cast("B-2", "1990-03-04", budgeting.BallotChannelOnline, 2, "lamp")
	cast("b 2", "1990-03-04", budgeting.BallotChannelPaper, 3, "park", "lamp")
	cast("a1", "1980-01-02", budgeting.BallotChannelPaper, 4, "lamp", "park")
	f := box.Figures()
	fmt.Printf("%d received, %d counted, %d rejected\n", f.Received, f.Counted, f.Rejected)
	// Output:
	// ballot 1: counted
	// ballot 2: rejected (budgeting: ballot spends too little of the budget (spends 30.00 % of the budget, at least 70 %))
	// ballot 3: counted
	// ballot 4: rejected (budgeting: person has already voted: ballot 1 counts)
	// 4 received, 2 counted, 2 rejected
}
