package budgeting

import "github.com/civitas-go/civitas/internal/enum"

// The enums of this package, each backed by the one table implementation of
// internal/enum: wire names are lowercase words joined by underscores, and
// parsing ignores case and surrounding space and takes '_', '-' or ' '
// between words. Pabulib's own spellings (vote_type "choose-1") belong to
// the .pb format and are mapped there (see pabulibVoteTypes); rule names
// ("mes_cost_add1") are pabutools' and are built from the wire names of
// [Method], [Utility] and [Completion].

// invalidName builds the error of an undeclared enum value or unknown name:
// it wraps [ErrInvalid].
func invalidName(field, value string) error { return errorf(ErrInvalid, "%s %s", field, value) }

// invalidRule builds the error of an undeclared or unknown part of a rule:
// it wraps [ErrInvalidRule] (itself a case of [ErrInvalid]).
func invalidRule(field, value string) error { return errorf(ErrInvalidRule, "%s %s", field, value) }

// VoteType is the kind of ballot an election used, as META's vote_type
// names it (Faliszewski et al., "Pabulib: A Participatory Budgeting Library",
// 2023). Its wire names are "approval", "choose_1", "cumulative", "scoring"
// and "ordinal"; a .pb file spells the second "choose-1", as Pabulib does.
//
// The zero value is invalid.
type VoteType int

const (
	// VoteTypeApproval ballots list the projects a voter approves of.
	VoteTypeApproval VoteType = iota + 1
	// VoteTypeChooseOne ballots approve of at most one project (Pabulib's
	// "choose-1").
	VoteTypeChooseOne
	// VoteTypeCumulative ballots spread a number of points over projects;
	// META's max_sum_points bounds the total.
	VoteTypeCumulative
	// VoteTypeScoring ballots give each listed project a score.
	VoteTypeScoring
	// VoteTypeOrdinal ballots rank projects, most preferred first.
	VoteTypeOrdinal
)

var voteTypes = enum.New[VoteType]("VoteType", invalidName, "approval", "choose_1", "cumulative", "scoring", "ordinal")

// VoteTypes returns every declared VoteType, in declaration order.
func VoteTypes() []VoteType { return voteTypes.Values() }

// ParseVoteType returns the VoteType named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names, wrapping [ErrInvalid].
func ParseVoteType(s string) (VoteType, error) { return voteTypes.Parse(s) }

// IsValid reports whether v is a declared VoteType.
func (v VoteType) IsValid() bool { return voteTypes.Valid(v) }

// String returns the wire name, such as "approval", or "VoteType(n)" for an
// undeclared value.
func (v VoteType) String() string { return voteTypes.String(v) }

// MarshalText returns the wire name; an undeclared value is an error.
func (v VoteType) MarshalText() ([]byte, error) { return voteTypes.Marshal(v) }

// UnmarshalText parses a name as [ParseVoteType] does, leaving v unchanged on error.
func (v *VoteType) UnmarshalText(b []byte) error { return voteTypes.Unmarshal(v, b) }

// approvalLike reports whether ballots of type t are sets of approved
// projects without points or order.
func (t VoteType) approvalLike() bool { return t == VoteTypeApproval || t == VoteTypeChooseOne }

// hasPoints reports whether ballots of type t carry a points column.
func (t VoteType) hasPoints() bool { return t == VoteTypeCumulative || t == VoteTypeScoring }

// Utility is the family of utility functions a rule assumes: what a voter
// gains when a project is funded (Peters & Skowron, "Proportional
// Participatory Budgeting with Additive Utilities", NeurIPS 2021; Faliszewski
// et al. 2023 use the same two families on Pabulib). The package
// documentation defines both.
//
// The zero value is invalid.
type Utility int

const (
	// UtilityCost values a funded project at its cost for an approval
	// ballot, at the points given for a cumulative or scoring ballot, and at
	// its Borda score (ballot length - position - 1) for an ordinal ballot.
	UtilityCost Utility = iota + 1
	// UtilityCardinality values every funded project the voter's ballot
	// lists at 1. Its wire name is "card", as in the rule names.
	UtilityCardinality
)

var utilities = enum.New[Utility]("Utility", invalidRule, "cost", "card")

// Utilities returns every declared Utility, in declaration order.
func Utilities() []Utility { return utilities.Values() }

// ParseUtility returns the Utility named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names, wrapping [ErrInvalidRule].
func ParseUtility(s string) (Utility, error) { return utilities.Parse(s) }

// IsValid reports whether u is a declared Utility.
func (u Utility) IsValid() bool { return utilities.Valid(u) }

// String returns the wire name, such as "cost", or "Utility(n)" for an
// undeclared value.
func (u Utility) String() string { return utilities.String(u) }

// MarshalText returns the wire name; an undeclared value is an error.
func (u Utility) MarshalText() ([]byte, error) { return utilities.Marshal(u) }

// UnmarshalText parses a name as [ParseUtility] does, leaving u unchanged on error.
func (u *Utility) UnmarshalText(b []byte) error { return utilities.Unmarshal(u, b) }

// Method is the allocation method at the heart of a [Rule]. The package
// documentation defines each.
//
// The zero value is invalid.
type Method int

const (
	// MethodGreedy funds projects by utility per unit of cost, skipping
	// those that no longer fit: the usual "most votes first" rule of city
	// budgets.
	MethodGreedy Method = iota + 1
	// MethodEqualShares is the Method of Equal Shares (Peters & Skowron 2021;
	// Peters, Pierczyński & Skowron 2021): every voter holds an equal share
	// of the budget and pays for the projects she supports. Its wire name
	// is "mes", as in the rule names.
	MethodEqualShares
	// MethodPhragmen is sequential Phragmén (Phragmén 1894; Los, Christoff &
	// Grossi 2022 for budgets): voters earn money continuously and a project
	// is bought as soon as its supporters can afford it.
	MethodPhragmen
)

var methods = enum.New[Method]("Method", invalidRule, "greedy", "mes", "phragmen")

// Methods returns every declared Method, in declaration order.
func Methods() []Method { return methods.Values() }

// ParseMethod returns the Method named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names, wrapping [ErrInvalidRule].
func ParseMethod(s string) (Method, error) { return methods.Parse(s) }

// IsValid reports whether m is a declared Method.
func (m Method) IsValid() bool { return methods.Valid(m) }

// String returns the wire name, such as "greedy", or "Method(n)" for an
// undeclared value.
func (m Method) String() string { return methods.String(m) }

// MarshalText returns the wire name; an undeclared value is an error.
func (m Method) MarshalText() ([]byte, error) { return methods.Marshal(m) }

// UnmarshalText parses a name as [ParseMethod] does, leaving m unchanged on error.
func (m *Method) UnmarshalText(b []byte) error { return methods.Unmarshal(m, b) }

// methodTitles are the methods' names as people read them.
var methodTitles = [...]string{MethodGreedy: "Greedy", MethodEqualShares: "Method of Equal Shares", MethodPhragmen: "Sequential Phragmén"}

// Title returns the method's name as people read it: "Greedy", "Method of
// Equal Shares" or "Sequential Phragmén"; "Method(n)" for an undeclared
// value.
func (m Method) Title() string {
	if !m.IsValid() {
		return m.String()
	}
	return methodTitles[m]
}

// Completion says how the Method of Equal Shares is completed when it leaves
// budget unspent (Faliszewski et al. 2023, section 4; equalshares.net). The
// package documentation defines each.
//
// The zero value is invalid.
type Completion int

const (
	// CompletionNone returns the outcome of a single run.
	CompletionNone Completion = iota + 1
	// CompletionAdd1 reruns the method with each voter's budget raised one
	// currency unit at a time, until the outcome is exhaustive or the next
	// one would overspend ("add1", the variant Assen and Świecie used).
	CompletionAdd1
	// CompletionExh1pct reruns the method with the whole budget raised in
	// steps of 1 % until the outcome is exhaustive or the next one would
	// overspend ("exh1pct").
	CompletionExh1pct
)

var completions = enum.New[Completion]("Completion", invalidRule, "none", "add1", "exh1pct")

// Completions returns every declared Completion, in declaration order.
func Completions() []Completion { return completions.Values() }

// ParseCompletion returns the Completion named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names, wrapping [ErrInvalidRule].
func ParseCompletion(s string) (Completion, error) { return completions.Parse(s) }

// IsValid reports whether c is a declared Completion.
func (c Completion) IsValid() bool { return completions.Valid(c) }

// String returns the wire name, such as "none", or "Completion(n)" for an
// undeclared value.
func (c Completion) String() string { return completions.String(c) }

// MarshalText returns the wire name; an undeclared value is an error.
func (c Completion) MarshalText() ([]byte, error) { return completions.Marshal(c) }

// UnmarshalText parses a name as [ParseCompletion] does, leaving c unchanged on error.
func (c *Completion) UnmarshalText(b []byte) error { return completions.Unmarshal(c, b) }

// completionTitles are the completions' names as people read them.
var completionTitles = [...]string{CompletionNone: "no completion", CompletionAdd1: "add-one completion", CompletionExh1pct: "one-percent completion"}

// Text returns the completion's name as people read it in a sentence:
// "no completion", "add-one completion" or "one-percent completion";
// "Completion(n)" for an undeclared value.
func (c Completion) Text() string {
	if !c.IsValid() {
		return c.String()
	}
	return completionTitles[c]
}

// StepKind is what a rule did at one [Step] of its run.
//
// The zero value is invalid.
type StepKind int

const (
	// StepKindFunded: the project was selected.
	StepKindFunded StepKind = iota + 1
	// StepKindSkipped: greedy passed over the project because its cost
	// exceeded what remained of the budget.
	StepKindSkipped
	// StepKindStopped: Phragmén stopped because a project tied for the
	// lowest load did not fit in what remained of the budget.
	StepKindStopped
)

var stepKinds = enum.New[StepKind]("StepKind", invalidName, "funded", "skipped", "stopped")

// StepKinds returns every declared StepKind, in declaration order.
func StepKinds() []StepKind { return stepKinds.Values() }

// ParseStepKind returns the StepKind named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names, wrapping [ErrInvalid].
func ParseStepKind(s string) (StepKind, error) { return stepKinds.Parse(s) }

// IsValid reports whether s is a declared StepKind.
func (s StepKind) IsValid() bool { return stepKinds.Valid(s) }

// String returns the wire name, such as "funded", or "StepKind(n)" for an
// undeclared value.
func (s StepKind) String() string { return stepKinds.String(s) }

// MarshalText returns the wire name; an undeclared value is an error.
func (s StepKind) MarshalText() ([]byte, error) { return stepKinds.Marshal(s) }

// UnmarshalText parses a name as [ParseStepKind] does, leaving s unchanged on error.
func (s *StepKind) UnmarshalText(b []byte) error { return stepKinds.Unmarshal(s, b) }

// ReasonKind is why a rule did not fund a project, as a [Reason] gives it.
//
// The zero value is invalid.
type ReasonKind int

const (
	// ReasonKindNoSupport: no voter gains anything from the project under
	// the rule's utility (U(p) = 0), so the Method of Equal Shares never
	// considers it. Under cost utility an approved project that costs
	// nothing is one.
	ReasonKindNoSupport ReasonKind = iota + 1
	// ReasonKindUnaffordable: under the Method of Equal Shares, the
	// project's supporters held less than its cost in all from the start.
	ReasonKindUnaffordable
	// ReasonKindOutbid: under the Method of Equal Shares, another project
	// cost less per unit of utility (a smaller ρ, or the same ρ and an ID
	// first in byte order) in the last round the project could still be
	// paid for; after that round its supporters held less than its cost.
	ReasonKindOutbid
	// ReasonKindDidNotFit: its cost exceeded what was left of the budget
	// when the rule came to it: greedy passed over it, or Phragmén stopped
	// on it.
	ReasonKindDidNotFit
	// ReasonKindOverBudget: it costs more than the whole budget, so
	// Phragmén removes it before the first round.
	ReasonKindOverBudget
	// ReasonKindNotReached: the rule stopped, on another project that did
	// not fit (Phragmén; an official rule that stops at the first project
	// that does not fit), before the project's turn came.
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

var reasonKinds = enum.New[ReasonKind]("ReasonKind", invalidName, "no_support", "unaffordable", "outbid", "did_not_fit",
	"over_budget", "not_reached", "below_threshold", "withdrawn", "comparison")

// ReasonKinds returns every declared ReasonKind, in declaration order.
func ReasonKinds() []ReasonKind { return reasonKinds.Values() }

// ParseReasonKind returns the ReasonKind named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names, wrapping [ErrInvalid].
func ParseReasonKind(s string) (ReasonKind, error) { return reasonKinds.Parse(s) }

// IsValid reports whether r is a declared ReasonKind.
func (r ReasonKind) IsValid() bool { return reasonKinds.Valid(r) }

// String returns the wire name, such as "no_support", or "ReasonKind(n)" for an
// undeclared value.
func (r ReasonKind) String() string { return reasonKinds.String(r) }

// MarshalText returns the wire name; an undeclared value is an error.
func (r ReasonKind) MarshalText() ([]byte, error) { return reasonKinds.Marshal(r) }

// UnmarshalText parses a name as [ParseReasonKind] does, leaving r unchanged on error.
func (r *ReasonKind) UnmarshalText(b []byte) error { return reasonKinds.Unmarshal(r, b) }

// Text returns the kind's name for people, in running text, such as
// "did not fit"; "ReasonKind(n)" for an undeclared value.
func (r ReasonKind) Text() string { return reasonKinds.Text(r) }

// VoterAttribute is a characteristic by which voters are compared with the
// population: the breakdowns Pabulib files record about voters.
//
// The zero value is invalid.
type VoterAttribute int

const (
	// VoterAttributeAge groups voters into age bands from the "age" column.
	VoterAttributeAge VoterAttribute = iota + 1
	// VoterAttributeSex groups voters by the "sex" column.
	VoterAttributeSex
	// VoterAttributeArea groups voters by where they live: the first of the
	// columns area, district, neighborhood, neighbourhood and subunit the
	// file has ([Voter.Area]).
	VoterAttributeArea
	// VoterAttributeVotingMethod groups voters by the "voting_method" column
	// ("internet", "paper", …).
	VoterAttributeVotingMethod
)

var voterAttributes = enum.New[VoterAttribute]("VoterAttribute", invalidName, "age", "sex", "area", "voting_method")

// VoterAttributes returns every declared VoterAttribute, in declaration order.
func VoterAttributes() []VoterAttribute { return voterAttributes.Values() }

// ParseVoterAttribute returns the VoterAttribute named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names, wrapping [ErrInvalid].
func ParseVoterAttribute(s string) (VoterAttribute, error) { return voterAttributes.Parse(s) }

// IsValid reports whether v is a declared VoterAttribute.
func (v VoterAttribute) IsValid() bool { return voterAttributes.Valid(v) }

// String returns the wire name, such as "age", or "VoterAttribute(n)" for an
// undeclared value.
func (v VoterAttribute) String() string { return voterAttributes.String(v) }

// MarshalText returns the wire name; an undeclared value is an error.
func (v VoterAttribute) MarshalText() ([]byte, error) { return voterAttributes.Marshal(v) }

// UnmarshalText parses a name as [ParseVoterAttribute] does, leaving v unchanged on error.
func (v *VoterAttribute) UnmarshalText(b []byte) error { return voterAttributes.Unmarshal(v, b) }

// Text returns the attribute's name for people, in running text: "age",
// "sex", "area" or "voting method"; "VoterAttribute(n)" for an undeclared
// value.
func (v VoterAttribute) Text() string { return voterAttributes.Text(v) }
