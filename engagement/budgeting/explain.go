package budgeting

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Precision of explanations and analyses. Every figure is computed exactly,
// as a rational, and rounded once, half away from zero, only to be shown:
// 1896.115 becomes 1896.12 and −0.5 becomes −1 at 0 places.
const (
	// AmountPlaces is the fewest decimal places of an amount of money that
	// is not a whole number of the file's smallest unit (a share of the
	// budget, a payment, a load) in text: the cent. An election whose
	// amounts carry more places shows that many.
	AmountPlaces = 2
	// FigureDigits is the number of significant digits of a figure that
	// has no unit of money (ρ, a greedy score, a mean utility) in text,
	// with never fewer than 0 decimal places: ρ = 1/27002 shows as
	// 0.0000370343.
	FigureDigits = 6
	// FractionPlaces is the number of decimal places of the "decimal"
	// member of a [Fraction] in JSON, beside its exact value.
	FractionPlaces = 9
)

// smallFraction bounds the numerator and denominator of a fraction that
// text shows beside its decimal ("≈0.333333 (1/3)"): beyond it, the
// fraction says less to a reader than the decimal does.
const smallFraction = 1_000_000

// Fraction is an exact rational figure of an [Explanation] or an
// [Analysis]: a budget share, a payment, ρ, a load. Its JSON form holds the
// exact value as a reduced fraction and, for readers, the value rounded to
// [FractionPlaces]: {"exact":"17065/9","decimal":"1896.111111111"}.
//
// Fraction is an immutable value type, safe for concurrent use. The zero
// value is 0.
type Fraction struct {
	r *big.Rat // nil for 0
}

// NewFraction returns the fraction of r's value; nil gives 0. The fraction
// keeps its own copy.
func NewFraction(r *big.Rat) Fraction {
	if r == nil || r.Sign() == 0 {
		return Fraction{}
	}
	return Fraction{new(big.Rat).Set(r)}
}

// ParseFraction reads a fraction as [Fraction.String] writes it: an integer
// ("3", "-2") or a reduced fraction with a positive denominator ("17065/9").
// It returns an error wrapping [ErrInvalidNumber] for anything else,
// "2/4" and "1.5" included, so that each value has exactly one spelling.
func ParseFraction(s string) (Fraction, error) {
	r, ok := new(big.Rat).SetString(s)
	if !ok || r.RatString() != s {
		return Fraction{}, errorf(ErrInvalidNumber, "fraction %q", s)
	}
	return NewFraction(r), nil
}

// rat returns f's value without copying it; callers must not change it.
func (f Fraction) rat() *big.Rat {
	if f.r == nil {
		return new(big.Rat)
	}
	return f.r
}

// Rat returns f's exact value, a copy the caller may change.
func (f Fraction) Rat() *big.Rat { return new(big.Rat).Set(f.rat()) }

// Sign returns -1, 0 or +1 as f is negative, zero or positive.
func (f Fraction) Sign() int { return f.rat().Sign() }

// Cmp compares f and g exactly: -1 if f < g, 0 if equal, +1 if f > g.
func (f Fraction) Cmp(g Fraction) int { return f.rat().Cmp(g.rat()) }

// String returns f exactly: "3", "-2" or a reduced fraction "17065/9".
func (f Fraction) String() string { return f.rat().RatString() }

// Round returns f rounded half away from zero to places decimal places
// (a negative places rounds to tens, hundreds, …).
func (f Fraction) Round(places int32) decimal.Decimal { return roundRat(f.rat(), places) }

// Significant returns f rounded half away from zero to digits significant
// digits, but never to fewer than 0 decimal places: 1/3 to 3 digits is
// 0.333, 123456.7 to 3 digits is 123457. A digits below 1 counts as 1.
func (f Fraction) Significant(digits int) decimal.Decimal {
	r := f.rat()
	if r.Sign() == 0 {
		return decimal.Zero
	}
	a := new(big.Rat).Abs(r)
	// e = ⌊log10 a⌋: the digit counts give it to within one.
	e := len(a.Num().String()) - len(a.Denom().String())
	for a.Cmp(ratPow10(e)) < 0 {
		e--
	}
	for a.Cmp(ratPow10(e+1)) >= 0 {
		e++
	}
	return roundRat(r, int32(max(max(digits, 1)-1-e, 0)))
}

// isSmall reports whether f's numerator and denominator are both below
// smallFraction, and f is not a whole number.
func (f Fraction) isSmall() bool {
	r := f.rat()
	lim := big.NewInt(smallFraction)
	return !r.IsInt() && new(big.Int).Abs(r.Num()).Cmp(lim) < 0 && r.Denom().Cmp(lim) < 0
}

// fractionJSON is the JSON form of a Fraction.
type fractionJSON struct {
	Exact   string `json:"exact"`
	Decimal string `json:"decimal,omitempty"`
}

// MarshalJSON writes {"exact":"17065/9","decimal":"1896.111111111"}: the
// exact value and the value rounded to [FractionPlaces], both as strings so
// that no reader loses precision.
func (f Fraction) MarshalJSON() ([]byte, error) {
	return json.Marshal(fractionJSON{Exact: f.String(), Decimal: f.Round(FractionPlaces).StringFixed(FractionPlaces)})
}

// UnmarshalJSON reads what MarshalJSON writes. The exact value is required
// and read by [ParseFraction]; the decimal may be left out, and when given
// must be the exact value rounded to [FractionPlaces] ([ErrInvalid]).
// On error f is not changed.
func (f *Fraction) UnmarshalJSON(b []byte) error {
	var w fractionJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return errorf(ErrInvalid, "fraction: %v", err)
	}
	v, err := ParseFraction(w.Exact)
	if err != nil {
		return err
	}
	if want := v.Round(FractionPlaces).StringFixed(FractionPlaces); w.Decimal != "" && w.Decimal != want {
		return errorf(ErrInvalid, "fraction %s: decimal %q, want %q", w.Exact, w.Decimal, want)
	}
	*f = v
	return nil
}

// ratPow10 returns 10^e as a rational, for any integer e.
func ratPow10(e int) *big.Rat {
	if e >= 0 {
		return new(big.Rat).SetInt(tenPow(int32(e)))
	}
	return new(big.Rat).SetFrac(big.NewInt(1), tenPow(int32(-e)))
}

// tenPow returns 10^e for e ≥ 0.
func tenPow(e int32) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil)
}

// roundRat returns r rounded half away from zero to places decimal places.
func roundRat(r *big.Rat, places int32) decimal.Decimal {
	num, den := new(big.Int).Set(r.Num()), new(big.Int).Set(r.Denom())
	if places >= 0 {
		num.Mul(num, tenPow(places))
	} else {
		den.Mul(den, tenPow(-places))
	}
	q, m := num.QuoRem(num, den, new(big.Int)) // truncated toward zero
	if m.Abs(m).Lsh(m, 1).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(int64(r.Sign())))
	}
	return decimal.NewFromBigInt(q, -places)
}

// ReasonKind is why a rule did not fund a project, as a [Reason] gives it.
//
// The zero value is invalid.
type ReasonKind int

const (
	// ReasonKindNoSupport: no voter gains anything from the project under the rule's
	// utility (U(p) = 0), so the Method of Equal Shares never considers it.
	// Under cost utility an approved project that costs nothing is one.
	ReasonKindNoSupport ReasonKind = iota + 1
	// ReasonKindUnaffordable: under the Method of Equal Shares, the project's
	// supporters held less than its cost in all from the start.
	ReasonKindUnaffordable
	// ReasonKindOutbid: under the Method of Equal Shares, another project cost less
	// per unit of utility (a smaller ρ, or the same ρ and an ID first in
	// byte order) in the last round the project could still be paid for;
	// after that round its supporters held less than its cost.
	ReasonKindOutbid
	// ReasonKindDidNotFit: its cost exceeded what was left of the budget when the
	// rule came to it: greedy passed over it, or Phragmén stopped on it.
	ReasonKindDidNotFit
	// ReasonKindOverBudget: it costs more than the whole budget, so Phragmén removes
	// it before the first round.
	ReasonKindOverBudget
	// ReasonKindNotReached: the rule stopped, on another project that did not
	// fit (Phragmén; an official rule that stops at the first project that
	// does not fit), before the project's turn came.
	ReasonKindNotReached
	// ReasonKindBelowThreshold: under an official rule, its tally was under
	// META min_project_score_threshold, so it took no part.
	ReasonKindBelowThreshold
	// ReasonKindWithdrawn: under greedy-no-skip, its cost is 999999999, the
	// mark of a withdrawn project, so the walk passed over it.
	ReasonKindWithdrawn
	// ReasonKindComparison: under an official rule with comparison, the
	// outcome that would have funded it was not kept, because more voters
	// preferred the other one.
	ReasonKindComparison
)

var reasonKindNames = []string{"", "no-support", "unaffordable", "outbid", "did-not-fit", "over-budget", "not-reached",
	"below-threshold", "withdrawn", "comparison"}

// ParseReasonKind returns the reason kind named s ("no-support",
// "unaffordable", "outbid", "did-not-fit", "over-budget", "not-reached"),
// or an error wrapping [ErrInvalid].
func ParseReasonKind(s string) (ReasonKind, error) {
	return parseEnum[ReasonKind]("reason kind", reasonKindNames, s, ErrInvalid)
}

// IsValid reports whether k is one of the declared kinds.
func (k ReasonKind) IsValid() bool { return k > 0 && int(k) < len(reasonKindNames) }

// String returns the kind's name, such as "outbid"; an undeclared value
// prints as "ReasonKind(9)".
func (k ReasonKind) String() string { return enumName("ReasonKind", reasonKindNames, int(k)) }

// MarshalText returns the kind's name; it fails with [ErrInvalid] for
// an undeclared value.
func (k ReasonKind) MarshalText() ([]byte, error) {
	return enumText("reason kind", reasonKindNames, int(k))
}

// UnmarshalText parses a kind's name with [ParseReasonKind].
func (k *ReasonKind) UnmarshalText(b []byte) error {
	v, err := ParseReasonKind(string(b))
	if err == nil {
		*k = v
	}
	return err
}

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

// Explain explains res: for greedy, why each project was funded or skipped;
// for the Method of Equal Shares, each round's ρ and what each group of
// supporters paid and kept, and for each project not funded whether its
// supporters could not afford it or another project was cheaper per unit
// of utility when it was last considered; for Phragmén, each round's load.
//
// The figures are recomputed exactly from the election and the order in
// which res funded the projects, so res need not have been built
// [WithTrace]. It returns an error wrapping [ErrInvalid] for a nil or
// zero Result, and [ErrOverflow] for amounts the rules could not scale
// either.
func Explain(res *Result) (*Explanation, error) {
	if res == nil || res.election == nil || !res.rule.IsValid() {
		return nil, errorf(ErrInvalid, "no result to explain")
	}
	if res.rule.official != 0 {
		return explainOfficial(res)
	}
	e, r := res.election, res.rule
	pe, err := prepare(e, r.utility, true)
	if err != nil {
		return nil, err
	}
	if res.rank != nil {
		pe.setRank(res.rank) // the ties broken as the rule broke them
	}
	in := e.inst
	x := &Explanation{Rule: r, Budget: in.budget, Voters: e.prof.Len(), Projects: in.Len(), Runs: res.runs,
		Spent: res.spent, Rounds: []Round{}, Unfunded: []Unfunded{}}
	x.Currency, _ = in.Meta("currency")
	xp := &explainer{pe: pe, x: x, votes: ballotsListing(pe), reasons: make([][]Reason, in.Len())}
	switch r.method {
	case MethodGreedy:
		xp.greedy(res.steps)
	case MethodPhragmen:
		xp.phragmen(res.steps)
	default:
		vb := NewFraction(res.perVoter)
		x.VoterBudget = &vb
		n := 0
		for n < len(res.steps) && res.steps[n].method == MethodEqualShares {
			n++
		}
		xp.equalShares(res.steps[:n], vb.rat())
		xp.greedy(res.steps[n:])
	}
	return xp.unfunded(res)
}

// explainer builds an Explanation.
type explainer struct {
	pe      *prepared
	x       *Explanation
	votes   []int64    // ballots listing each project
	reasons [][]Reason // each project's reasons so far
}

// ballotsListing counts the ballots that list each project.
func ballotsListing(pe *prepared) []int64 {
	g := pe.groups
	votes := make([]int64, len(pe.cost))
	for i := 0; i < g.len(); i++ {
		its, _ := g.ballot(i)
		for _, p := range its {
			votes[p] += g.weight[i]
		}
	}
	return votes
}

// round returns the Round of step s, numbered after those already there.
func (xp *explainer) round(s Step) Round {
	pr := &xp.pe.e.inst.projects[s.project]
	rd := Round{Number: len(xp.x.Rounds) + 1, Method: s.method, Kind: s.kind, Project: pr.ID, Name: pr.Name,
		Cost: pr.Cost, Before: s.remaining, After: s.remaining, Votes: xp.votes[s.project]}
	if s.kind == StepKindFunded {
		rd.Before = s.remaining.Add(pr.Cost)
	}
	return rd
}

// money returns a scaled amount in currency units.
func (xp *explainer) money(x *big.Rat) *Fraction {
	f := NewFraction(xp.pe.currency(x))
	return &f
}

// greedy explains greedy's steps: every project it considered, with its
// score, and DidNotFit for those it skipped.
func (xp *explainer) greedy(steps []Step) {
	pe := xp.pe
	for _, s := range steps {
		rd := xp.round(s)
		p := s.project
		if u := pe.totalUtility(p); pe.cost[p] > 0 || u.Sign() == 0 {
			// U(p)/c(p) in currency units: U is scaled by 10^utilityPlaces,
			// c by 10^places; U = 0 scores 0 whatever the cost.
			num := new(big.Int).Mul(u, tenPow(pe.places))
			den := new(big.Int).Mul(big.NewInt(max(pe.cost[p], 1)), tenPow(pe.utilityPlaces()))
			f := NewFraction(new(big.Rat).SetFrac(num, den))
			rd.Score = &f
		}
		if s.kind == StepKindSkipped {
			before := rd.Before
			xp.reasons[p] = append(xp.reasons[p], Reason{Method: MethodGreedy, Kind: ReasonKindDidNotFit, Round: rd.Number, Remaining: &before})
		}
		xp.x.Rounds = append(xp.x.Rounds, rd)
	}
}

// equalShares explains the Method of Equal Shares' rounds by running them
// again, exactly, with every voter starting at b0 (currency units): each
// round's ρ and payments, and for every candidate not bought the round
// after which its supporters could no longer pay for it.
func (xp *explainer) equalShares(steps []Step, b0 *big.Rat) {
	pe := xp.pe
	m := newShareReplay(pe, new(big.Rat).Mul(b0, new(big.Rat).SetInt(tenPow(pe.places))))
	bought := make([]bool, len(pe.cost))
	for _, s := range steps {
		bought[s.project] = true
	}
	for p := range pe.cost {
		switch {
		case bought[p]:
		case pe.supOff[p+1] == pe.supOff[p]:
			xp.reasons[p] = append(xp.reasons[p], Reason{Method: MethodEqualShares, Kind: ReasonKindNoSupport})
		case pe.cost[p] > 0:
			if !m.enter(p) {
				xp.reasons[p] = append(xp.reasons[p], Reason{Method: MethodEqualShares, Kind: ReasonKindUnaffordable, Held: xp.money(m.held[p])})
			}
		}
	}
	for _, s := range steps {
		rd := xp.round(s)
		if pe.cost[s.project] > 0 {
			xp.buy(m, &rd)
		}
		xp.x.Rounds = append(xp.x.Rounds, rd)
	}
}

// buy explains the round that bought rd's project, recording Outbid for
// every candidate the round left unaffordable.
func (xp *explainer) buy(m *shareReplay, rd *Round) {
	pe := xp.pe
	p, _ := pe.e.inst.Index(rd.Project)
	terms := m.terms(p)
	q := m.price(terms, pe.cost[p])
	rd.Rho = xp.rho(q, p)
	for _, t := range terms {
		b, paid := m.val[t.cls], m.payment(t, q)
		rd.Supporters = append(rd.Supporters, SupporterGroup{Voters: t.w, Utility: xp.utility(t.u, p),
			Before: *xp.money(b), Paid: *xp.money(paid), After: *xp.money(new(big.Rat).Sub(b, paid))})
	}
	rd.Supporters = mergeGroups(rd.Supporters)
	for _, d := range m.pay(p, terms, q) {
		dq := m.price(d.terms, pe.cost[d.project])
		xp.reasons[d.project] = append(xp.reasons[d.project], Reason{Method: MethodEqualShares, Kind: ReasonKindOutbid,
			Round: rd.Number, Held: xp.money(m.held[d.project]), Rho: xp.rho(dq, d.project),
			Rival: rd.Project, RivalRho: rd.Rho})
	}
}

// rho returns the price q per unit of p's normalized utility (scaled
// money) as ρ in currency units per unit of utility.
func (xp *explainer) rho(q *big.Rat, p int) *Fraction {
	pe := xp.pe
	r := new(big.Rat).Quo(q, new(big.Rat).SetInt64(pe.scale[p]))
	r.Mul(r, new(big.Rat).SetFrac(tenPow(pe.utilityPlaces()), tenPow(pe.places)))
	f := NewFraction(r)
	return &f
}

// utility returns a normalized utility of p's supporters as u_i(p).
func (xp *explainer) utility(u int64, p int) Fraction {
	pe := xp.pe
	n := new(big.Int).Mul(big.NewInt(u), big.NewInt(pe.scale[p]))
	return NewFraction(new(big.Rat).SetFrac(n, tenPow(pe.utilityPlaces())))
}

// mergeGroups sorts supporter groups most money first (then most utility)
// and merges groups that held the same and gain the same, which paid the
// same too.
func mergeGroups(gs []SupporterGroup) []SupporterGroup {
	slices.SortStableFunc(gs, func(a, b SupporterGroup) int {
		return cmp.Or(b.Before.Cmp(a.Before), b.Utility.Cmp(a.Utility))
	})
	out := gs[:0]
	for _, g := range gs {
		if n := len(out); n > 0 && out[n-1].Before.Cmp(g.Before) == 0 && out[n-1].Utility.Cmp(g.Utility) == 0 {
			out[n-1].Voters += g.Voters
			continue
		}
		out = append(out, g)
	}
	return out
}

// shareReplay runs the Method of Equal Shares again with exact rationals,
// in the scaled units of prepared: voters' budgets are classes as in
// mesEngine (voter groups that have paid the same so far share one), and
// for each candidate still in the race it keeps what its supporters hold
// in all, so that it knows the round after which they could no longer pay.
type shareReplay struct {
	pe    *prepared
	val   []*big.Rat // budget of each class; class 0 holds nothing
	cls   []int32    // class of each voter group
	alive []bool     // candidate not bought and still affordable
	held  []*big.Rat // what each candidate's supporters hold in all
	acc   []int64    // scratch, per project
}

// shareTerm is one term of Σ w·min(b, q·u) = c: the supporters of a
// project in one budget class with one normalized utility.
type shareTerm struct {
	cls    int32
	u, w   int64
	capped bool    // pays all it holds
	groups []int32 // the voter groups in the term
}

// payment returns what each voter of t pays at price q: all she holds when
// t is capped, q·u otherwise. The caller must not change it.
func (m *shareReplay) payment(t shareTerm, q *big.Rat) *big.Rat {
	if t.capped {
		return m.val[t.cls]
	}
	return new(big.Rat).Mul(q, new(big.Rat).SetInt64(t.u))
}

// newShareReplay starts every voter at b0 (scaled).
func newShareReplay(pe *prepared, b0 *big.Rat) *shareReplay {
	m := &shareReplay{pe: pe, val: []*big.Rat{new(big.Rat), b0}, cls: make([]int32, pe.groups.len()),
		alive: make([]bool, len(pe.cost)), held: make([]*big.Rat, len(pe.cost)), acc: make([]int64, len(pe.cost))}
	for g := range m.cls {
		m.cls[g] = 1
	}
	return m
}

// enter puts candidate p in the race and reports whether its supporters
// hold its cost at the start.
func (m *shareReplay) enter(p int) bool {
	pe := m.pe
	var n int64
	for _, g := range pe.supG[pe.supOff[p]:pe.supOff[p+1]] {
		n += pe.groups.weight[g]
	}
	m.held[p] = new(big.Rat).Mul(m.val[1], new(big.Rat).SetInt64(n))
	m.alive[p] = m.held[p].Cmp(new(big.Rat).SetInt64(pe.cost[p])) >= 0
	return m.alive[p]
}

// terms returns p's supporters grouped by class and utility. Those who
// hold nothing (class 0) are terms too: they pay all they hold, nothing.
func (m *shareReplay) terms(p int) []shareTerm {
	pe := m.pe
	var terms []shareTerm
	index := map[[2]int64]int{}
	for k := pe.supOff[p]; k < pe.supOff[p+1]; k++ {
		g := pe.supG[k]
		c, w := m.cls[g], pe.groups.weight[g]
		key := [2]int64{int64(c), pe.uNorm(k)}
		j, ok := index[key]
		if !ok {
			j = len(terms)
			index[key] = j
			terms = append(terms, shareTerm{cls: c, u: key[1]})
		}
		terms[j].w += w
		terms[j].groups = append(terms[j].groups, g)
	}
	return terms
}

// price returns the smallest q with Σ w·min(b, q·u) = cost over terms and
// marks the terms that pay all they hold. The terms must hold at least
// cost between them.
//
// As in mesEngine.solve, supporters who cannot pay q·u are capped while q
// rises: every q computed from supporters certainly capped is at most the
// true one, so a supporter with b ≤ q·u is certainly capped too; a pass
// that caps nobody ends it.
func (m *shareReplay) price(terms []shareTerm, cost int64) *big.Rat {
	W := new(big.Int)
	for j, t := range terms {
		terms[j].capped = false
		W.Add(W, new(big.Int).Mul(big.NewInt(t.w), big.NewInt(t.u)))
	}
	rest := new(big.Rat).SetInt64(cost)
	for {
		q := new(big.Rat).Quo(rest, new(big.Rat).SetInt(W))
		more := false
		for j := range terms {
			t := &terms[j]
			if b := m.val[t.cls]; !t.capped && atMost(b, q, t.u) {
				t.capped, more = true, true
				rest.Sub(rest, new(big.Rat).Mul(b, new(big.Rat).SetInt64(t.w)))
				W.Sub(W, new(big.Int).Mul(big.NewInt(t.w), big.NewInt(t.u)))
			}
		}
		switch {
		case W.Sign() == 0: // everyone pays all: q is the largest b/u
			q.SetInt64(0)
			for _, t := range terms {
				if x := new(big.Rat).Quo(m.val[t.cls], new(big.Rat).SetInt64(t.u)); x.Cmp(q) > 0 {
					q = x
				}
			}
			return q
		case !more:
			return q
		}
	}
}

// atMost reports whether b ≤ q·u, by cross-multiplying the integers
// (normalizing big rationals costs a gcd every time).
func atMost(b, q *big.Rat, u int64) bool {
	x := new(big.Int).Mul(b.Num(), q.Denom())
	y := new(big.Int).Mul(q.Num(), b.Denom())
	return x.Cmp(y.Mul(y, big.NewInt(u))) <= 0
}

// outbid is a candidate that a round left unaffordable, with its terms
// as they stood in that round.
type outbid struct {
	project int
	terms   []shareTerm
}

// pay makes p's supporters pay at price q, updates what every other
// candidate's supporters hold, and returns the candidates that can no
// longer be paid for, with their terms before the payments.
func (m *shareReplay) pay(p int, terms []shareTerm, q *big.Rat) []outbid {
	pe := m.pe
	// Voters who paid the same amount are taken together: those who paid
	// q·u share one bucket per u, each capped term is one.
	type bucket struct {
		paid   *big.Rat
		groups []int32
	}
	var buckets []*bucket
	byU := map[int64]*bucket{}
	for _, t := range terms {
		switch {
		case t.cls == 0: // they pay nothing
		case t.capped:
			buckets = append(buckets, &bucket{paid: m.payment(t, q), groups: t.groups})
		case byU[t.u] == nil:
			byU[t.u] = &bucket{paid: m.payment(t, q), groups: slices.Clone(t.groups)}
			buckets = append(buckets, byU[t.u])
		default:
			byU[t.u].groups = append(byU[t.u].groups, t.groups...)
		}
	}
	var changed []int
	for _, bk := range buckets {
		var touched []int
		for _, g := range bk.groups {
			its, pts := pe.groups.ballot(int(g))
			for k, o := range its {
				if !m.alive[o] || (!pe.e.inst.voteType.approvalLike() && pe.utilityOf(k, len(its), pts) <= 0) {
					continue
				}
				if m.acc[o] == 0 {
					touched = append(touched, int(o))
				}
				m.acc[o] += pe.groups.weight[g]
			}
		}
		for _, o := range touched {
			m.held[o].Sub(m.held[o], new(big.Rat).Mul(bk.paid, new(big.Rat).SetInt64(m.acc[o])))
			m.acc[o] = 0
		}
		changed = append(changed, touched...)
	}
	slices.Sort(changed)
	changed = slices.Compact(changed)
	var out []outbid
	for _, o := range changed {
		if m.held[o].Cmp(new(big.Rat).SetInt64(pe.cost[o])) < 0 {
			m.alive[o] = false
			out = append(out, outbid{project: o, terms: m.terms(o)})
		}
	}
	for _, t := range terms {
		child := int32(0)
		if !t.capped {
			child = int32(len(m.val))
			m.val = append(m.val, new(big.Rat).Sub(m.val[t.cls], m.payment(t, q)))
		}
		for _, g := range t.groups {
			m.cls[g] = child
		}
	}
	return out
}

// phragmen explains sequential Phragmén's rounds by running them again
// with exact loads: each funded project's load, the project that stopped
// the rule, and why every other project was left out.
func (xp *explainer) phragmen(steps []Step) {
	pe := xp.pe
	m := &loadReplay{pe: pe, round: make([]int32, pe.groups.len()), load: []*big.Rat{new(big.Rat)}}
	stop := -1 // the round that stopped the rule, as an index in Rounds
	stopper := -1
	for _, s := range steps {
		rd := xp.round(s)
		ell := m.ell(s.project)
		if ell != nil {
			rd.Load = xp.money(ell)
		}
		if s.kind == StepKindFunded {
			m.fund(s.project, ell)
		} else {
			stop, stopper = len(xp.x.Rounds), s.project
		}
		xp.x.Rounds = append(xp.x.Rounds, rd)
	}
	funded := make([]bool, len(pe.cost))
	for _, s := range steps {
		funded[s.project] = s.kind == StepKindFunded
	}
	for p := range pe.cost {
		var r Reason
		switch {
		case funded[p]:
			continue
		case pe.cost[p] > pe.budget:
			r = Reason{Method: MethodPhragmen, Kind: ReasonKindOverBudget}
		case stop < 0:
			continue // cannot happen: Phragmén runs until a project does not fit
		case p == stopper:
			sr := xp.x.Rounds[stop]
			r = Reason{Method: MethodPhragmen, Kind: ReasonKindDidNotFit, Round: sr.Number, Remaining: &sr.Before, Load: sr.Load}
		default:
			sr := xp.x.Rounds[stop]
			r = Reason{Method: MethodPhragmen, Kind: ReasonKindNotReached, Round: sr.Number, Remaining: &sr.Before,
				Rival: sr.Project, RivalLoad: sr.Load}
			if ell := m.ell(p); ell != nil {
				r.Load = xp.money(ell)
			}
		}
		xp.reasons[p] = append(xp.reasons[p], r)
	}
}

// loadReplay holds Phragmén's loads exactly, in scaled money: a voter's
// load is that of the last round that bought a project she approves.
type loadReplay struct {
	pe    *prepared
	round []int32    // the round whose load each voter group carries; 0 for none
	load  []*big.Rat // each round's load; load[0] = 0
}

// ell returns ℓ(p) = (Σ loads of p's approvers + c(p)) / approvers, or nil
// when nobody approves p.
func (m *loadReplay) ell(p int) *big.Rat {
	pe := m.pe
	if pe.weightU[p] == 0 {
		return nil
	}
	counts := make([]int64, len(m.load))
	for _, g := range pe.supG[pe.supOff[p]:pe.supOff[p+1]] {
		counts[m.round[g]] += pe.groups.weight[g]
	}
	x := new(big.Rat).SetInt64(pe.cost[p])
	for r := 1; r < len(counts); r++ {
		if counts[r] != 0 {
			x.Add(x, new(big.Rat).Mul(m.load[r], new(big.Rat).SetInt64(counts[r])))
		}
	}
	return x.Quo(x, new(big.Rat).SetInt64(pe.weightU[p]))
}

// fund gives p's approvers the load ell.
func (m *loadReplay) fund(p int, ell *big.Rat) {
	if ell == nil {
		return
	}
	r := int32(len(m.load))
	m.load = append(m.load, ell)
	for _, g := range m.pe.supG[m.pe.supOff[p]:m.pe.supOff[p+1]] {
		m.round[g] = r
	}
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
	if err := json.Unmarshal(b, &v); err != nil {
		return errorf(ErrInvalid, "explanation: %w", err)
	}
	if err := (*Explanation)(&v).Validate(); err != nil {
		return err
	}
	*x = Explanation(v)
	return nil
}

// maxGroupRows is the most supporter groups a round's table shows in text;
// the rest are summed up in one line (the JSON form lists them all).
const maxGroupRows = 12

// nameRunes is the most runes of a project's name that text shows; a
// longer name ends in "…".
const nameRunes = 40

// WriteText writes x for a resident, in plain sentences and aligned
// tables: the rule and the budget, each round, and each project not funded
// with why. Amounts of money are shown to [AmountPlaces] decimal places
// (more when the file's amounts have more), other figures to
// [FigureDigits] significant digits, marked "≈" when rounded and followed
// by the exact fraction when its numerator and denominator are both
// below 1,000,000; all are rounded half away from zero. A round of the
// Method of Equal Shares lists at most 12 groups of supporters and sums up
// the others. It returns the first error of w.
func (x *Explanation) WriteText(w io.Writer) error {
	t := newTextOut(x)
	t.header()
	rounds := x.Rounds
	switch x.Rule.Method() {
	case MethodGreedy:
		t.greedyTable(rounds)
	case MethodPhragmen:
		t.phragmenRounds(rounds)
	default:
		n := 0
		for n < len(rounds) && rounds[n].Method == MethodEqualShares {
			t.shareRound(rounds[n])
			n++
		}
		if n < len(rounds) {
			t.line("")
			t.line("Then greedy funds, highest score first, whatever still fits in what is left of the budget:")
			t.greedyTable(rounds[n:])
		}
	}
	t.unfunded()
	_, err := io.WriteString(w, t.b.String())
	return err
}

// textOut renders an Explanation.
type textOut struct {
	x      *Explanation
	b      strings.Builder
	places int32             // decimal places of the election's amounts
	names  map[string]string // project ID → name
}

func newTextOut(x *Explanation) *textOut {
	t := &textOut{x: x, places: significantPlaces(x.Budget), names: map[string]string{}}
	for _, rd := range x.Rounds {
		t.places = max(t.places, significantPlaces(rd.Cost), significantPlaces(rd.Before), significantPlaces(rd.After))
		t.names[rd.Project] = rd.Name
	}
	for _, u := range x.Unfunded {
		t.places = max(t.places, significantPlaces(u.Cost))
		t.names[u.Project] = u.Name
	}
	return t
}

func (t *textOut) line(format string, args ...any) {
	fmt.Fprintf(&t.b, format, args...)
	t.b.WriteByte('\n')
}

// amount shows an amount of money of the election.
func (t *textOut) amount(d decimal.Decimal) string { return d.StringFixed(t.places) + t.unit() }

// money shows an exact amount of money, to the cent or finer.
func (t *textOut) money(f Fraction) string {
	p := max(AmountPlaces, t.places)
	return f.Round(p).StringFixed(p) + t.unit()
}

func (t *textOut) unit() string {
	if t.x.Currency == "" {
		return ""
	}
	return " " + t.x.Currency
}

// figure shows a figure without a unit, in a table: "0.0625",
// "≈0.0833333".
func figure(f Fraction) string {
	d := f.Significant(FigureDigits)
	if d.Rat().Cmp(f.rat()) != 0 {
		return "≈" + d.String()
	}
	return d.String()
}

// equals shows a figure without a unit after its name, in a sentence:
// "= 1/16 = 0.0625", "= 1/12 ≈ 0.0833333", "≈ 0.0000370339".
func equals(f Fraction) string {
	d := f.Significant(FigureDigits)
	op := "= "
	if d.Rat().Cmp(f.rat()) != 0 {
		op = "≈ "
	}
	if f.isSmall() {
		return "= " + f.String() + " " + op + d.String()
	}
	return op + d.String()
}

// project shows a project's ID and name: 427 “Akademia Szkraba”.
func (t *textOut) project(id string) string {
	if name := t.names[id]; name != "" {
		return id + " “" + shorten(name, nameRunes) + "”"
	}
	return id
}

// plural writes n and the noun, with an s unless n is 1.
func plural(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.FormatInt(n, 10) + " " + noun + "s"
}

// shorten cuts s to at most n runes, ending it with "…" when cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

var methodTitles = [...]string{MethodGreedy: "Greedy", MethodEqualShares: "Method of Equal Shares", MethodPhragmen: "Sequential Phragmén"}

// header writes the rule, the budget and how the rule works.
func (t *textOut) header() {
	x := t.x
	if t.officialHeader() {
		return
	}
	m := x.Rule.Method()
	t.line("%s, rule %s: budget %s, %d voters, %d projects; %s spent.", methodTitles[m], x.Rule,
		t.amount(x.Budget), x.Voters, x.Projects, t.amount(x.Spent))
	worth := "its cost if she approved it, the points she gave it, or its Borda score if she ranked it"
	score := "with approval ballots and cost utility, its number of votes"
	if x.Rule.Utility() == UtilityCardinality {
		worth = "1 for every project on her ballot"
		score = "with cardinality utility, its number of votes per unit of cost"
	}
	switch m {
	case MethodGreedy:
		t.line("Projects are considered one at a time, highest score first (ties by project ID), and each is funded "+
			"if its cost fits in what is left of the budget. A project's score is the total utility per unit of cost: "+
			"%s.", score)
		t.line("Scores are rounded to %d significant digits; ≈ marks a rounded figure.", FigureDigits)
		return
	case MethodPhragmen:
		t.line("Voters earn money at the same steady rate. A project is bought as soon as its approvers have earned " +
			"its cost between them, and each of them then carries the same load ℓ: all she has paid so far. So each " +
			"round funds the project with the smallest load (the loads of its approvers + its cost) / its approvers; " +
			"the rule stops when a project tied for the smallest load does not fit in what is left of the budget.")
	default:
		t.voterBudget()
		t.line("In each round the project that its supporters can buy at the lowest price ρ per unit of utility is "+
			"funded: each supporter pays ρ times what the project is worth to her (%s), or all she has left if that "+
			"is less. A project whose supporters hold less than its cost in all can no longer be funded.", worth)
	}
	t.line("Shares, payments and loads are rounded to %d decimal places, other figures to %d significant digits; "+
		"≈ marks a rounded figure.", max(AmountPlaces, t.places), FigureDigits)
}

// voterBudget writes what each voter started with under equal shares.
func (t *textOut) voterBudget() {
	x := t.x
	if x.Voters == 0 || x.VoterBudget == nil {
		t.line("Nobody voted, so nobody holds any of the budget.")
		return
	}
	share := NewFraction(new(big.Rat).Quo(x.Budget.Rat(), big.NewRat(int64(x.Voters), 1)))
	if x.VoterBudget.Cmp(share) == 0 {
		t.line("Every voter started with an equal share of the budget: %s / %d = %s.", t.amount(x.Budget), x.Voters, t.money(share))
		return
	}
	how := "one currency unit at a time by the add1 completion"
	if x.Rule.Completion() == CompletionExh1pct {
		how = "by the exh1pct completion, which raises the whole budget 1 % at a time,"
	}
	t.line("Every voter started with %s: the equal share of the budget, %s / %d = %s, raised %s until the "+
		"outcome left nothing that still fits, or the next raise would overspend (%d runs of the method).",
		t.money(*x.VoterBudget), t.amount(x.Budget), x.Voters, t.money(share), how, x.Runs)
}

// shareRound writes a round of the Method of Equal Shares.
func (t *textOut) shareRound(rd Round) {
	t.line("")
	if rd.Rho == nil {
		t.line("Round %d: %s funded at once: it costs %s and some voters gain from it.", rd.Number, t.project(rd.Project), t.amount(rd.Cost))
		return
	}
	t.line("Round %d: %s funded for %s at ρ %s.", rd.Number, t.project(rd.Project), t.amount(rd.Cost), equals(*rd.Rho))
	mixed := false
	for _, g := range rd.Supporters {
		mixed = mixed || g.Utility.Cmp(rd.Supporters[0].Utility) != 0
	}
	tb := &table{head: []string{"supporters", "had each", "paid each", "left each"}, right: []bool{true, true, true, true}}
	if mixed {
		tb.head = slices.Insert(tb.head, 1, "utility each")
		tb.right = append(tb.right, true)
	}
	for i, g := range rd.Supporters {
		if i == maxGroupRows-1 && len(rd.Supporters) > maxGroupRows {
			var voters int64
			paid := new(big.Rat)
			for _, h := range rd.Supporters[i:] {
				voters += h.Voters
				paid.Add(paid, new(big.Rat).Mul(h.Paid.rat(), big.NewRat(h.Voters, 1)))
			}
			t.lines(tb, "  ")
			t.line("  … and %d more groups: %d supporters, who paid %s in all.", len(rd.Supporters)-i, voters, t.money(NewFraction(paid)))
			t.line("  %s of the budget left.", t.amount(rd.After))
			return
		}
		row := []string{strconv.FormatInt(g.Voters, 10), t.money(g.Before), t.money(g.Paid), t.money(g.After)}
		if mixed {
			row = slices.Insert(row, 1, figure(g.Utility))
		}
		tb.rows = append(tb.rows, row)
	}
	t.lines(tb, "  ")
	t.line("  %s of the budget left.", t.amount(rd.After))
}

// greedyTable writes greedy's rounds as one table.
func (t *textOut) greedyTable(rounds []Round) {
	t.line("")
	tb := &table{head: []string{"round", "project", "votes", "score", "cost", "left before", "decision"},
		right: []bool{true, false, true, true, true, true, false}}
	for _, rd := range rounds {
		score, decision := "+∞", "funded"
		if rd.Score != nil {
			score = figure(*rd.Score)
		}
		switch rd.Kind {
		case StepKindSkipped:
			decision = "skipped: does not fit"
		case StepKindStopped:
			decision = "does not fit: the walk stops"
		}
		tb.rows = append(tb.rows, []string{strconv.Itoa(rd.Number), t.project(rd.Project), strconv.FormatInt(rd.Votes, 10),
			score, t.amount(rd.Cost), t.amount(rd.Before), decision})
	}
	t.lines(tb, "  ")
}

// phragmenRounds writes Phragmén's rounds as a table and the round that
// stopped it as a sentence.
func (t *textOut) phragmenRounds(rounds []Round) {
	t.line("")
	tb := &table{head: []string{"round", "project", "approvers", "load ℓ", "cost", "left after"},
		right: []bool{true, false, true, true, true, true}}
	var stop *Round
	for i, rd := range rounds {
		if rd.Kind != StepKindFunded {
			stop = &rounds[i]
			continue
		}
		tb.rows = append(tb.rows, []string{strconv.Itoa(rd.Number), t.project(rd.Project), strconv.FormatInt(rd.Votes, 10),
			t.load(rd.Load), t.amount(rd.Cost), t.amount(rd.After)})
	}
	t.lines(tb, "  ")
	if stop != nil {
		left := "only " + t.amount(stop.Before)
		if stop.Before.IsZero() {
			left = "nothing"
		}
		t.line("Round %d: %s came next, with load ℓ = %s, but it costs %s and %s was left: the rule stopped.",
			stop.Number, t.project(stop.Project), t.load(stop.Load), t.amount(stop.Cost), left)
	}
}

// load shows a Phragmén load; nil is +∞ (nobody approves the project).
func (t *textOut) load(f *Fraction) string {
	if f == nil {
		return "+∞"
	}
	return t.money(*f)
}

// unfunded writes each project not funded with why.
func (t *textOut) unfunded() {
	x := t.x
	t.line("")
	if len(x.Unfunded) == 0 {
		t.line("Every project was funded.")
		return
	}
	t.line("Not funded (%d of %d projects):", len(x.Unfunded), x.Projects)
	for _, u := range x.Unfunded {
		t.line("  %s, %s, %s:", t.project(u.Project), t.amount(u.Cost), plural(u.Votes, "vote"))
		for _, r := range u.Reasons {
			t.line("    %s: %s", t.by(r.Method), t.why(r))
		}
	}
}

// by names the method that gave a reason.
func (t *textOut) by(m Method) string {
	switch {
	case m == MethodGreedy && t.x.Rule.Method() == MethodEqualShares:
		return "Greedy completion"
	case m == MethodEqualShares:
		return "Equal shares"
	}
	return methodTitles[m]
}

// why says a reason in a sentence.
func (t *textOut) why(r Reason) string {
	if s, ok := t.officialWhy(r); ok {
		return s
	}
	remaining := func() string {
		if r.Remaining == nil || r.Remaining.IsZero() {
			return "nothing"
		}
		return "only " + t.amount(*r.Remaining)
	}
	held := func() string {
		if r.Held == nil {
			return t.money(Fraction{})
		}
		return t.money(*r.Held)
	}
	switch r.Kind {
	case ReasonKindNoSupport:
		return "no voter gains anything from it under this rule's utility, so it was never a candidate."
	case ReasonKindUnaffordable:
		return fmt.Sprintf("its supporters held only %s in all from the start, less than its cost.", held())
	case ReasonKindOutbid:
		var rho, rival Fraction
		if r.Rho != nil {
			rho = *r.Rho
		}
		if r.RivalRho != nil {
			rival = *r.RivalRho
		}
		s := fmt.Sprintf("in round %d, %s cost less per unit of utility (ρ %s, against ρ %s for this project)",
			r.Round, t.project(r.Rival), equals(rival), equals(rho))
		if rho.Cmp(rival) == 0 {
			s = fmt.Sprintf("in round %d, %s was just as cheap per unit of utility (ρ %s) and comes first by project ID",
				r.Round, t.project(r.Rival), equals(rho))
		}
		return s + fmt.Sprintf("; after that round its supporters held %s in all, less than its cost.", held())
	case ReasonKindDidNotFit:
		if r.Method == MethodPhragmen {
			return fmt.Sprintf("in round %d it came next, with load ℓ = %s, but %s was left, so the rule stopped.",
				r.Round, t.load(r.Load), remaining())
		}
		return fmt.Sprintf("in round %d it did not fit: %s was left.", r.Round, remaining())
	case ReasonKindOverBudget:
		return "it costs more than the whole budget, so the rule set it aside before the first round."
	case ReasonKindNotReached:
		return fmt.Sprintf("the rule stopped in round %d, when %s (load ℓ = %s) did not fit (%s was left), "+
			"before this project's turn (its load ℓ would have been %s).", r.Round, t.project(r.Rival), t.load(r.RivalLoad),
			remaining(), t.load(r.Load))
	}
	return r.Kind.String() + "."
}

// table is a text table whose columns are padded to the widest cell, in
// runes, and aligned left or right.
type table struct {
	head  []string
	right []bool
	rows  [][]string
}

// lines writes tb, each line starting with indent.
func (t *textOut) lines(tb *table, indent string) { writeTable(&t.b, tb, indent) }

// writeTable writes tb to b, each line starting with indent; the last
// column is not padded, so no line ends in spaces.
func writeTable(b *strings.Builder, tb *table, indent string) {
	width := make([]int, len(tb.head))
	for _, row := range append([][]string{tb.head}, tb.rows...) {
		for j, c := range row {
			width[j] = max(width[j], utf8.RuneCountInString(c))
		}
	}
	for _, row := range append([][]string{tb.head}, tb.rows...) {
		b.WriteString(indent)
		for j, c := range row {
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(c))
			switch {
			case tb.right[j]:
				b.WriteString(pad + c)
			case j < len(row)-1:
				b.WriteString(c + pad)
			default:
				b.WriteString(c)
			}
			if j < len(row)-1 {
				b.WriteString("  ")
			}
		}
		b.WriteByte('\n')
	}
}
