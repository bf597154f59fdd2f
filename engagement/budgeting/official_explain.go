package budgeting

import (
	"context"
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"
)

// explainOfficial explains the outcome of an official rule in the form
// [Explain] gives the research rules: the walk by published tally (each
// project's tally is its Score), or the rounds of Equal Shares, and why each
// project not funded was not.
func explainOfficial(ctx context.Context, res *Result) (*Explanation, error) {
	e, r, o := res.election, res.rule, res.official
	if o == nil {
		return nil, errorf(ErrInvalid, "no result to explain")
	}
	src := e
	if r.official.equalShares() {
		src = floored(e)
	}
	pe, err := prepare(src, UtilityCost, true)
	if err != nil {
		return nil, err
	}
	pe.setRank(res.rank)
	pe.stop.ctx = ctx
	in := e.inst
	x := &Explanation{Rule: r, Budget: in.budget, Voters: e.prof.Len(), Projects: in.Len(), Runs: res.runs,
		Spent: res.spent, Rounds: []Round{}, Unfunded: []Unfunded{}}
	x.Currency, _ = in.Meta("currency")
	xp := &explainer{pe: pe, x: x, votes: ballotsListing(pe), reasons: make([][]Reason, in.Len())}
	if r.official.equalShares() {
		xp.officialShares(res)
	} else {
		xp.officialWalk(res)
	}
	return xp.unfunded(res)
}

// officialWalk explains a greedy official rule's walk.
func (xp *explainer) officialWalk(res *Result) {
	o := res.official
	tally := make([]int64, len(o.tallies))
	for p, t := range o.tallies {
		tally[p] = t.Published
		if o.column == "recount" {
			tally[p] = t.Recounted
		}
	}
	walked := make([]bool, len(tally))
	stopRound, stopper := 0, -1
	if o.stopped {
		stopRound, stopper = len(res.steps), res.steps[len(res.steps)-1].project
	}
	for _, s := range res.steps {
		rd := xp.round(s)
		f := NewFraction(new(big.Rat).SetInt64(tally[s.project]))
		rd.Score = &f
		walked[s.project] = true
		switch s.kind {
		case StepKindSkipped:
			before := rd.Before
			xp.reasons[s.project] = append(xp.reasons[s.project], Reason{Method: MethodGreedy, Kind: ReasonKindDidNotFit,
				Round: rd.Number, Remaining: &before})
		case StepKindStopped:
			before := rd.Before
			xp.reasons[s.project] = append(xp.reasons[s.project], Reason{Method: MethodGreedy, Kind: ReasonKindDidNotFit,
				Round: rd.Number, Remaining: &before})
		}
		xp.x.Rounds = append(xp.x.Rounds, rd)
	}
	in := xp.pe.e.inst
	last := in.budget
	if n := len(xp.x.Rounds); n > 0 {
		last = xp.x.Rounds[n-1].After
	}
	for p := range tally {
		if walked[p] || res.Funded(p) {
			continue
		}
		switch {
		case o.hasThreshold && tally[p] < o.threshold:
			xp.reasons[p] = append(xp.reasons[p], Reason{Method: MethodGreedy, Kind: ReasonKindBelowThreshold})
		case res.rule.official == OfficialRuleGreedyNoSkip && in.projects[p].Cost.Equal(decimal.NewFromInt(withdrawnCost)):
			xp.reasons[p] = append(xp.reasons[p], Reason{Method: MethodGreedy, Kind: ReasonKindWithdrawn})
		default:
			left := last
			rival := ""
			if stopper >= 0 {
				rival = in.projects[stopper].ID
			}
			xp.reasons[p] = append(xp.reasons[p], Reason{Method: MethodGreedy, Kind: ReasonKindNotReached,
				Round: stopRound, Remaining: &left, Rival: rival})
		}
	}
}

// officialShares explains an official Equal Shares rule: its rounds, in
// whole currency units, and the comparison with greedy when there is one.
func (xp *explainer) officialShares(res *Result) {
	o := res.official
	if o.greedyWins {
		for _, s := range res.steps {
			rd := xp.round(s)
			f := NewFraction(new(big.Rat).SetInt64(xp.votes[s.project]))
			rd.Score = &f
			if s.kind == StepKindSkipped {
				before := rd.Before
				xp.reasons[s.project] = append(xp.reasons[s.project], Reason{Method: MethodGreedy, Kind: ReasonKindDidNotFit,
					Round: rd.Number, Remaining: &before})
			}
			xp.x.Rounds = append(xp.x.Rounds, rd)
		}
		for _, p := range o.esSelected {
			if !res.Funded(p) {
				xp.reasons[p] = append(xp.reasons[p], Reason{Method: MethodEqualShares, Kind: ReasonKindComparison})
			}
		}
		return
	}
	vb := NewFraction(res.perVoter)
	xp.x.VoterBudget = &vb
	xp.equalShares(res.steps, vb.rat())
}

// officialHeader writes the header of an official rule's explanation and
// reports whether the rule is one.
func (t *textOut) officialHeader() bool {
	x := t.x
	o := x.Rule.Official()
	if o == 0 {
		return false
	}
	t.line("%s: budget %s, %s, %s; %s spent.", x.Rule.Title(),
		t.amount(x.Budget), plural(int64(x.Voters), "voter"), plural(int64(x.Projects), "project"), t.amount(x.Spent))
	switch {
	case o.equalShares() && x.VoterBudget == nil:
		t.line("The Method of Equal Shares was compared with greedy by number of supporters, and more voters " +
			"preferred greedy's outcome (more of the projects they approved funded), so greedy's outcome is kept. " +
			"Greedy takes the projects by number of supporters, most first, each if it fits in what is left of the budget.")
	case o.equalShares() && o.add1() && x.Runs > 1:
		t.line("Every voter started with %s: the equal share of the budget, %s / %d, rounded down to whole units "+
			"and raised one unit at a time while the outcome stayed within the budget (%d runs of the method).",
			t.money(*x.VoterBudget), t.amount(x.Budget), x.Voters, x.Runs)
		fallthrough
	case o.equalShares():
		if !o.add1() || x.Runs <= 1 {
			t.voterBudget()
		}
		t.line("Amounts are in whole currency units, as equalshares.net computes them. In each round the project " +
			"that its supporters can buy at the lowest price per unit of cost is funded (ties: the cheaper project, " +
			"then the one with more supporters): each supporter pays the same share, or all she has left if that " +
			"is less. A project whose supporters hold less than its cost in all can no longer be funded.")
	default:
		t.line("Projects are taken one at a time by their published tally (score), highest first, ties in the "+
			"order of the file, and each is funded if its cost fits in what is left of the budget. %s", t.officialVariant(o))
	}
	t.line("Figures are rounded to %d decimal places or %d significant digits; ≈ marks a rounded figure.",
		max(AmountPlaces, t.places), FigureDigits)
	return true
}

// officialVariant says how a greedy official rule differs from plain greedy.
func (t *textOut) officialVariant(o OfficialRule) string {
	switch o {
	case OfficialRuleGreedyThreshold:
		return "Only projects whose tally reaches the threshold take part."
	case OfficialRuleGreedyNoSkip:
		return "Projects under the threshold, if any, and withdrawn ones are passed over; the walk stops for good " +
			"at the first project that does not fit."
	case OfficialRuleGreedyCustom:
		return "In Poznań the walk stops at the first project that does not fit, which is funded all the same when " +
			"what is left covers at least 80 % of its cost; elsewhere the city's own rule is not in the file, and " +
			"this is plain greedy."
	case OfficialRuleGreedyExclusive:
		return "The city's rules on mutually exclusive projects are not in the file; this is plain greedy."
	}
	return ""
}

// officialWhy says a reason only official rules give, and reports whether r
// is one.
func (t *textOut) officialWhy(r Reason) (string, bool) {
	switch {
	case r.Kind == ReasonKindBelowThreshold:
		return "its tally was under the threshold, so it took no part.", true
	case r.Kind == ReasonKindWithdrawn:
		return "it was withdrawn (its cost is written 999999999), so the walk passed over it.", true
	case r.Kind == ReasonKindComparison:
		return "the Method of Equal Shares would have funded it, but more voters preferred greedy's outcome.", true
	case r.Kind == ReasonKindNotReached && r.Method == MethodGreedy:
		left := "nothing was left"
		switch {
		case r.Remaining == nil || r.Remaining.IsZero():
		case r.Remaining.IsNegative():
			left = "the 80 % step had overdrawn the budget by " + t.amount(r.Remaining.Neg())
		default:
			left = "only " + t.amount(*r.Remaining) + " was left"
		}
		if r.Rival == "" {
			return fmt.Sprintf("the walk stopped before its turn (%s).", left), true
		}
		return fmt.Sprintf("the walk stopped in round %d at %s, before this project's turn (%s).",
			r.Round, t.project(r.Rival), left), true
	}
	return "", false
}
