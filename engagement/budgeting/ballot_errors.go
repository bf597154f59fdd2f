package budgeting

import (
	"errors"
	"strings"
)

// Sentinels of the ballot rules: one per [BallotLimit], each matched by
// errors.Is on the [*BallotError] that names the rule and the values. Where
// a rule is a case of a condition the .pb reader already reports, its
// sentinel wraps that one: errors.Is(err, ErrBallotTooLong) holds for
// [ErrMaxLength], [ErrMaxProjects] and [ErrChooseOne].
var (
	// ErrMinLength: the ballot lists fewer projects than META min_length.
	ErrMinLength error = &caseOf{msg: "budgeting: ballot under min_length", of: ErrBallotTooShort}
	// ErrMaxLength: the ballot lists more projects than META max_length.
	ErrMaxLength error = &caseOf{msg: "budgeting: ballot over max_length", of: ErrBallotTooLong}
	// ErrMinSumCost: the ballot's projects cost less than META min_sum_cost.
	ErrMinSumCost error = &caseOf{msg: "budgeting: ballot under min_sum_cost", of: ErrBallotTooShort}
	// ErrMaxSumCost: the ballot's projects cost more than META max_sum_cost.
	ErrMaxSumCost = errors.New("budgeting: ballot over max_sum_cost")
	// ErrMinSumPoints: the ballot gives fewer points than META
	// min_sum_points.
	ErrMinSumPoints error = &caseOf{msg: "budgeting: ballot under min_sum_points", of: ErrBallotTooShort}
	// ErrMaxSumPoints: the ballot gives more points than META
	// max_sum_points.
	ErrMaxSumPoints error = &caseOf{msg: "budgeting: ballot over max_sum_points", of: ErrTooManyPoints}
	// ErrMinPoints: the ballot gives a project fewer points than META
	// min_points.
	ErrMinPoints error = &caseOf{msg: "budgeting: ballot under min_points", of: ErrBallotTooShort}
	// ErrMaxPoints: the ballot gives a project more points than META
	// max_points.
	ErrMaxPoints error = &caseOf{msg: "budgeting: ballot over max_points", of: ErrTooManyPoints}
	// ErrChooseOne: a choose-1 ballot lists more than one project.
	ErrChooseOne error = &caseOf{msg: "budgeting: choose-1 ballot lists several projects", of: ErrBallotTooLong}
	// ErrMinProjects: the ballot lists fewer projects than the form's
	// minimum.
	ErrMinProjects error = &caseOf{msg: "budgeting: ballot under the minimum number of projects", of: ErrBallotTooShort}
	// ErrMaxProjects: the ballot lists more projects than the form's
	// maximum.
	ErrMaxProjects error = &caseOf{msg: "budgeting: ballot over the maximum number of projects", of: ErrBallotTooLong}
	// ErrMinBudgetShare: the ballot's projects cost less than the form's
	// minimum share of the budget.
	ErrMinBudgetShare error = &caseOf{msg: "budgeting: ballot spends too little of the budget", of: ErrBallotTooShort}
	// ErrOverBudget: the ballot's projects cost more than the budget on a
	// knapsack ballot.
	ErrOverBudget = errors.New("budgeting: ballot over the budget")
	// ErrOneDistrict: the ballot mixes projects of several districts.
	ErrOneDistrict = errors.New("budgeting: ballot mixes districts")
	// ErrOwnDistrict: the ballot's projects are of a district other than
	// the voter's. It is a case of [ErrNotEligible].
	ErrOwnDistrict error = &caseOf{msg: "budgeting: ballot for another district than the voter's", of: ErrNotEligible}
)

// Sentinels of casting, verification and the budget process. Their names
// mean what they mean in every package of civitas (internal/DESIGN.md).
var (
	// ErrNotEligible reports a person the eligibility rules exclude: too
	// young, of another area, not a resident.
	ErrNotEligible = errors.New("budgeting: voter not eligible")
	// ErrNotVerified reports a claim the verifier could not match to a
	// person: unknown document, wrong birth date, no birth date where the
	// census requires one.
	ErrNotVerified = errors.New("budgeting: voter not verified")
	// ErrAlreadyVoted reports a second ballot by a person whose first counts
	// ([RevotePolicyFirstCounts]). It is a case of [ErrDuplicate].
	ErrAlreadyVoted error = &caseOf{msg: "budgeting: person has already voted", of: ErrDuplicate}
	// ErrWrongState reports an operation the box or the budget does not
	// allow in its current state: a ballot for a closed box, a proposal
	// after proposals closed.
	ErrWrongState = errors.New("budgeting: operation not allowed in this state")
	// ErrTimeOrder reports a change dated before the latest recorded one.
	ErrTimeOrder = errors.New("budgeting: time before the latest recorded change")
	// ErrNotFound reports an ID that names nothing held.
	ErrNotFound = errors.New("budgeting: unknown ID")
	// ErrReasonRequired reports a rejection without the reason the rules
	// require, such as a proposal found not feasible.
	ErrReasonRequired = errors.New("budgeting: reason required")
	// ErrInconsistent reports parts that disagree, such as a budget whose
	// process refused a step the budget had checked.
	ErrInconsistent = errors.New("budgeting: inconsistent data")
)

// BallotError reports one broken ballot rule: which rule, the rule's value
// and the ballot's. It wraps the rule's sentinel, such as [ErrMaxLength].
type BallotError struct {
	// Limit is the rule broken.
	Limit BallotLimit
	// Bound is the rule's value, as text: "5", "70", "north".
	Bound string
	// Got is the ballot's value, as text: "6", "41.25", "north, south".
	Got string
	// Err is the rule's sentinel.
	Err error
}

// limitPhrases describe each rule's values for people: the ballot's value,
// then the rule's.
var limitPhrases = [...]struct{ got, bound string }{
	BallotLimitMinLength:      {"%s projects", "at least %s"},
	BallotLimitMaxLength:      {"%s projects", "at most %s"},
	BallotLimitMinSumCost:     {"costs %s", "at least %s"},
	BallotLimitMaxSumCost:     {"costs %s", "at most %s"},
	BallotLimitMinSumPoints:   {"%s points", "at least %s"},
	BallotLimitMaxSumPoints:   {"%s points", "at most %s"},
	BallotLimitMinPoints:      {"%s points to one project", "at least %s"},
	BallotLimitMaxPoints:      {"%s points to one project", "at most %s"},
	BallotLimitChooseOne:      {"%s projects", "at most %s"},
	BallotLimitMinProjects:    {"%s projects", "at least %s"},
	BallotLimitMaxProjects:    {"%s projects", "at most %s"},
	BallotLimitMinBudgetShare: {"spends %s %% of the budget", "at least %s %%"},
	BallotLimitKnapsack:       {"costs %s", "a budget of %s"},
	BallotLimitOneDistrict:    {"districts %s", "at most %s"},
	BallotLimitOwnDistrict:    {"district %s", "the voter's district %s"},
}

// Error returns the sentinel's text with the values, such as "budgeting:
// ballot over max_length (6 projects, at most 5)". It works on a nil or zero
// receiver.
func (e *BallotError) Error() string {
	if e == nil || e.Err == nil {
		return "budgeting: ballot breaks a rule"
	}
	if !e.Limit.IsValid() {
		return e.Err.Error()
	}
	ph := limitPhrases[e.Limit]
	var b strings.Builder
	b.WriteString(e.Err.Error())
	b.WriteString(" (")
	b.WriteString(strings.Replace(strings.Replace(ph.got, "%s", e.Got, 1), "%%", "%", 1))
	b.WriteString(", ")
	b.WriteString(strings.Replace(strings.Replace(ph.bound, "%s", e.Bound, 1), "%%", "%", 1))
	b.WriteString(")")
	return b.String()
}

// Unwrap returns the rule's sentinel; nil for a nil BallotError.
func (e *BallotError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}
