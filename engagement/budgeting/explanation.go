package budgeting

import (
	"errors"
	"math/big"

	"github.com/shopspring/decimal"
)

// Explanation says, in figures a resident can check by hand, why a rule
// funded the projects it funded, round by round, and why it left out each
// of the others. [Explain] builds it from a [Result]; [Explanation.WriteText]
// renders it as plain sentences and aligned tables; it round-trips through
// encoding/json, and decoding checks it with [Explanation.Validate].
//
// It is a report: a plain record whose fields may be read freely. It is
// safe for concurrent reads. The zero value explains nothing and does not
// validate (it has no rule).
type Explanation struct {
	// Rule is the rule explained.
	Rule Rule `json:"rule"`
	// Budget is the election's budget B.
	Budget decimal.Decimal `json:"budget"`
	// Currency is META's currency ("PLN", "EUR"); "" when the file has none.
	Currency string `json:"currency,omitempty"`
	// Voters is the number of voters n, empty ballots included.
	Voters int `json:"voters"`
	// Projects is the number of projects.
	Projects int `json:"projects"`
	// VoterBudget is, for the Method of Equal Shares, what each voter
	// started with in the run whose outcome was kept: B/n, or more when a
	// completion raised it. Nil for other methods.
	VoterBudget *Fraction `json:"voter_budget,omitempty"`
	// Runs is how many times the Method of Equal Shares ran (more than 1
	// when a completion reran it); 0 for other methods.
	Runs int `json:"runs,omitempty"`
	// Spent is the cost of the funded projects.
	Spent decimal.Decimal `json:"spent"`
	// Rounds are the rule's decisions in order: every project the Method of
	// Equal Shares or Phragmén funded and the project that stopped
	// Phragmén, every project greedy considered.
	Rounds []Round `json:"rounds"`
	// Unfunded lists every project not funded, in file order, with why.
	Unfunded []Unfunded `json:"unfunded"`
}

// Round is one decision of a rule, explained: the project, its cost, what
// was left of the budget before and after, and the figures that decided.
type Round struct {
	// Number counts the rounds from 1.
	Number int `json:"number"`
	// Method is the method that decided: [Greedy] for a greedy completion
	// after the Method of Equal Shares.
	Method Method `json:"method"`
	// Kind is what happened: the project was funded, greedy skipped it, or
	// Phragmén stopped on it.
	Kind StepKind `json:"kind"`
	// Project is the project's ID and Name its name ("" when none).
	Project string `json:"project"`
	Name    string `json:"name,omitempty"`
	// Cost is the project's cost.
	Cost decimal.Decimal `json:"cost"`
	// Before and After are what was left of the budget before and after
	// the round: After = Before − Cost when the project was funded, After =
	// Before otherwise.
	Before decimal.Decimal `json:"before"`
	After  decimal.Decimal `json:"after"`
	// Votes is the number of ballots that list the project (approve it,
	// give it points, or rank it).
	Votes int64 `json:"votes"`
	// Score is greedy's key, the total utility per unit of cost U(p)/c(p)
	// (with approval ballots and cost utility, the number of votes). Nil
	// for other methods, and for a project that costs nothing and that
	// some voter gains from, whose score is +∞.
	Score *Fraction `json:"score,omitempty"`
	// Rho is, for a project the Method of Equal Shares bought, the price ρ
	// per unit of utility: each supporter i paid min(b_i, ρ·u_i(p)). Nil
	// otherwise, and for a project that cost nothing.
	Rho *Fraction `json:"rho,omitempty"`
	// Supporters are, for a project the Method of Equal Shares bought,
	// its supporters in groups that held the same budget and gain the same
	// utility, most money first; a group that had nothing left is listed
	// last, paying nothing.
	Supporters []SupporterGroup `json:"supporters,omitempty"`
	// Load is, under Phragmén, the load ℓ (in money) that each approver of
	// the project carries once it is bought: what she has paid in all,
	// (Σ loads of its approvers + c(p)) / approvers. Nil when nobody
	// approves the project (ℓ is then +∞) and for other methods.
	Load *Fraction `json:"load,omitempty"`
}

// SupporterGroup is a group of a project's supporters under the Method of
// Equal Shares who held the same budget and gain the same utility, and so
// paid the same: min(Before, ρ·Utility) each.
type SupporterGroup struct {
	// Voters is the number of voters in the group, at least 1.
	Voters int64 `json:"voters"`
	// Utility is what each of them gains from the project, u_i(p).
	Utility Fraction `json:"utility"`
	// Before is what each held before paying, Paid what each paid and
	// After what each had left: After = Before − Paid.
	Before Fraction `json:"before"`
	Paid   Fraction `json:"paid"`
	After  Fraction `json:"after"`
}

// Unfunded is a project the rule did not fund, with why.
type Unfunded struct {
	// Project is the project's ID and Name its name ("" when none).
	Project string `json:"project"`
	Name    string `json:"name,omitempty"`
	// Cost is the project's cost.
	Cost decimal.Decimal `json:"cost"`
	// Votes is the number of ballots that list the project.
	Votes int64 `json:"votes"`
	// Reasons are why each method that considered the project passed it
	// over, in order: the Method of Equal Shares' reason, then greedy's
	// when it completed the outcome. At least one.
	Reasons []Reason `json:"reasons"`
}

// Reason is why one method passed over a project. Which fields are set
// depends on Kind; the others are zero.
type Reason struct {
	// Method is the method that passed over the project.
	Method Method `json:"method"`
	// Kind is why.
	Kind ReasonKind `json:"kind"`
	// Round is the number of the round in which the method last considered
	// the project; 0 for a project it never considered (NoSupport,
	// Unaffordable, OverBudget).
	Round int `json:"round"`
	// Remaining is, for DidNotFit and NotReached, what was left of the
	// budget in that round.
	Remaining *decimal.Decimal `json:"remaining,omitempty"`
	// Held is, for Unaffordable and Outbid, what the project's supporters
	// held in all afterwards: less than its cost.
	Held *Fraction `json:"held,omitempty"`
	// Rho is, for Outbid, the project's own ρ in its last round.
	Rho *Fraction `json:"rho,omitempty"`
	// Rival is, for Outbid, the project bought instead in that round; for
	// NotReached, the project that did not fit and stopped Phragmén.
	Rival string `json:"rival,omitempty"`
	// RivalRho is, for Outbid, the rival's ρ: at most Rho.
	RivalRho *Fraction `json:"rival_rho,omitempty"`
	// Load is, under Phragmén, the load ℓ the project would have given its
	// approvers when the rule stopped (nil when nobody approved it: +∞);
	// RivalLoad, for NotReached, that of the project that stopped the rule.
	Load      *Fraction `json:"load,omitempty"`
	RivalLoad *Fraction `json:"rival_load,omitempty"`
}

// Validate checks that x could have come from [Explain]: a valid rule;
// no negative count or amount; rounds numbered from 1 in order, each with
// a declared method and kind, a project ID, and Before − Cost = After for
// a funded project (Before = After otherwise); supporter groups of at
// least one voter that paid Before − After; and every unfunded project
// named once, not among the funded, with at least one reason of a declared
// kind and method that names a round that exists. It returns every problem
// joined, each wrapping [ErrInvalid].
func (x *Explanation) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, errorf(ErrInvalid, format, args...)) }
	if !x.Rule.IsValid() {
		bad("explanation without a valid rule")
	}
	if x.Voters < 0 || x.Projects < 0 || x.Runs < 0 || x.Budget.IsNegative() || x.Spent.IsNegative() {
		bad("negative count or amount")
	}
	if x.VoterBudget != nil && x.VoterBudget.Sign() < 0 {
		bad("negative voter budget")
	}
	funded := map[string]bool{}
	for i, rd := range x.Rounds {
		at := func(format string, args ...any) { bad("round %d: "+format, append([]any{i + 1}, args...)...) }
		if rd.Number != i+1 {
			at("numbered %d", rd.Number)
		}
		if !rd.Method.IsValid() || !rd.Kind.IsValid() || rd.Project == "" {
			at("method %d, kind %d, project %q", int(rd.Method), int(rd.Kind), rd.Project)
		}
		spent := decimal.Zero
		if rd.Kind == StepKindFunded {
			spent = rd.Cost
			funded[rd.Project] = true
		}
		overdraft := rd.After.IsNegative() && x.Rule.Official() != OfficialRuleGreedyCustom // Poznań's 80 % step
		if rd.Cost.IsNegative() || overdraft || !rd.Before.Sub(spent).Equal(rd.After) {
			at("cost %s, before %s, after %s", rd.Cost, rd.Before, rd.After)
		}
		if rd.Votes < 0 {
			at("%d votes", rd.Votes)
		}
		for _, g := range rd.Supporters {
			after := new(big.Rat).Sub(g.Before.rat(), g.Paid.rat())
			if g.Voters < 1 || g.Paid.Sign() < 0 || g.After.Sign() < 0 || after.Cmp(g.After.rat()) != 0 {
				at("supporters: %d voters held %s, paid %s, kept %s", g.Voters, g.Before, g.Paid, g.After)
			}
		}
	}
	seen := map[string]bool{}
	for _, u := range x.Unfunded {
		if u.Project == "" || seen[u.Project] || funded[u.Project] || len(u.Reasons) == 0 || u.Cost.IsNegative() || u.Votes < 0 {
			bad("unfunded project %q listed twice, funded, or without reasons", u.Project)
		}
		seen[u.Project] = true
		for _, r := range u.Reasons {
			if !r.Method.IsValid() || !r.Kind.IsValid() || r.Round < 0 || r.Round > len(x.Rounds) {
				bad("unfunded project %q: reason %s by %s in round %d", u.Project, r.Kind, r.Method, r.Round)
			}
		}
	}
	return errors.Join(errs...)
}

// UnmarshalJSON reads what encoding/json writes for an Explanation and
// checks it with [Explanation.Validate]; on error x is not changed.
func (x *Explanation) UnmarshalJSON(b []byte) error {
	type plain Explanation // without this method
	var v plain
	if err := decodeJSON("explanation", b, &v); err != nil {
		return err
	}
	if err := (*Explanation)(&v).Validate(); err != nil {
		return err
	}
	*x = Explanation(v)
	return nil
}

// maxGroupRows is the most supporter groups a round's table shows in text;
// the rest are summed up in one line (the JSON form lists them all).
