package budgeting

import (
	"strconv"
	"strings"
)

// enumName returns names[i], or typ(i) for a value outside the table. Every
// enum here keeps its names in a table whose entry 0 is empty, so that the
// zero value has no name and is invalid.
func enumName(typ string, names []string, i int) string {
	if i > 0 && i < len(names) {
		return names[i]
	}
	return typ + "(" + strconv.Itoa(i) + ")"
}

// enumText is MarshalText for an enum table: it rejects the zero value and
// values outside the table with [ErrInvalid].
func enumText(typ string, names []string, i int) ([]byte, error) {
	if i <= 0 || i >= len(names) {
		return nil, errorf(ErrInvalid, "%s %d", typ, i)
	}
	return []byte(names[i]), nil
}

// parseEnum returns the index of s in names, matched case-insensitively, or
// an error wrapping sentinel that quotes s.
func parseEnum[T ~int](typ string, names []string, s string, sentinel error) (T, error) {
	for i := 1; i < len(names); i++ {
		if strings.EqualFold(names[i], s) {
			return T(i), nil
		}
	}
	return 0, errorf(sentinel, "%s %q", typ, s)
}

// VoteType is the kind of ballot an election used, as META's vote_type
// names it (Faliszewski et al., "Pabulib: A Participatory Budgeting Library",
// 2023).
//
// The zero value is invalid.
type VoteType int

const (
	// VoteTypeApproval ballots list the projects a voter approves of ("approval").
	VoteTypeApproval VoteType = iota + 1
	// VoteTypeChooseOne ballots approve of at most one project ("choose-1").
	VoteTypeChooseOne
	// VoteTypeCumulative ballots spread a number of points over projects
	// ("cumulative"); META's max_sum_points bounds the total.
	VoteTypeCumulative
	// VoteTypeScoring ballots give each listed project a score ("scoring").
	VoteTypeScoring
	// VoteTypeOrdinal ballots rank projects, most preferred first ("ordinal").
	VoteTypeOrdinal
)

var voteTypeNames = []string{"", "approval", "choose-1", "cumulative", "scoring", "ordinal"}

// ParseVoteType returns the vote type named s, as META's vote_type writes it
// ("approval", "choose-1", "cumulative", "scoring", "ordinal"; case does not
// matter), or an error wrapping [ErrInvalid].
func ParseVoteType(s string) (VoteType, error) {
	return parseEnum[VoteType]("vote type", voteTypeNames, s, ErrInvalid)
}

// IsValid reports whether t is one of the declared vote types.
func (t VoteType) IsValid() bool { return t > 0 && int(t) < len(voteTypeNames) }

// String returns the Pabulib name, such as "approval"; an undeclared value
// prints as "VoteType(9)".
func (t VoteType) String() string { return enumName("VoteType", voteTypeNames, int(t)) }

// MarshalText returns the Pabulib name; it fails with [ErrInvalid] for an
// undeclared value.
func (t VoteType) MarshalText() ([]byte, error) { return enumText("vote type", voteTypeNames, int(t)) }

// UnmarshalText parses a Pabulib name with [ParseVoteType].
func (t *VoteType) UnmarshalText(b []byte) error {
	v, err := ParseVoteType(string(b))
	if err == nil {
		*t = v
	}
	return err
}

// approvalLike reports whether ballots of type t are sets of approved
// projects without points or order.
func (t VoteType) approvalLike() bool { return t == VoteTypeApproval || t == VoteTypeChooseOne }

// hasPoints reports whether ballots of type t carry a points column.
func (t VoteType) hasPoints() bool { return t == VoteTypeCumulative || t == VoteTypeScoring }

// Utility is the family of utility functions a rule assumes: what a voter
// gains when a project is funded (Peters & Skowron, "Proportional
// Participatory Budgeting with Additive Utilities", NeurIPS 2021; Faliszewski
// et al. 2023 use the same two families on Pabulib).
//
// The zero value is invalid.
type Utility int

const (
	// UtilityCost values a funded project at its cost for an approval
	// ballot, at the points given for a cumulative or scoring ballot, and at
	// its Borda score (ballot length - position - 1) for an ordinal ballot.
	UtilityCost Utility = iota + 1
	// UtilityCardinality values every funded project the voter's ballot
	// lists at 1.
	UtilityCardinality
)

var utilityNames = []string{"", "cost", "card"}

// ParseUtility returns the utility family named s ("cost" or "card"), or an
// error wrapping [ErrInvalidRule].
func ParseUtility(s string) (Utility, error) {
	return parseEnum[Utility]("utility", utilityNames, s, ErrInvalidRule)
}

// IsValid reports whether u is one of the declared families.
func (u Utility) IsValid() bool { return u > 0 && int(u) < len(utilityNames) }

// String returns "cost" or "card"; an undeclared value prints as
// "Utility(7)".
func (u Utility) String() string { return enumName("Utility", utilityNames, int(u)) }

// MarshalText returns the family's name; it fails with [ErrInvalid] for
// an undeclared value.
func (u Utility) MarshalText() ([]byte, error) { return enumText("utility", utilityNames, int(u)) }

// UnmarshalText parses a family's name with [ParseUtility].
func (u *Utility) UnmarshalText(b []byte) error {
	v, err := ParseUtility(string(b))
	if err == nil {
		*u = v
	}
	return err
}

// Method is the allocation method at the heart of a [Rule].
//
// The zero value is invalid.
type Method int

const (
	// MethodGreedy funds projects by utility per unit of cost, skipping those that
	// no longer fit: the usual "most votes first" rule of city budgets.
	MethodGreedy Method = iota + 1
	// MethodEqualShares is the Method of Equal Shares (Peters & Skowron 2021;
	// Peters, Pierczyński & Skowron 2021): every voter holds an equal share
	// of the budget and pays for the projects she supports.
	MethodEqualShares
	// MethodPhragmen is sequential Phragmén (Phragmén 1894; Los, Christoff &
	// Grossi 2022 for budgets): voters earn money continuously and a project
	// is bought as soon as its supporters can afford it.
	MethodPhragmen
)

var methodNames = []string{"", "greedy", "mes", "phragmen"}

// ParseMethod returns the method named s ("greedy", "mes", "phragmen"), or
// an error wrapping [ErrInvalidRule].
func ParseMethod(s string) (Method, error) {
	return parseEnum[Method]("method", methodNames, s, ErrInvalidRule)
}

// IsValid reports whether m is one of the declared methods.
func (m Method) IsValid() bool { return m > 0 && int(m) < len(methodNames) }

// String returns "greedy", "mes" or "phragmen"; an undeclared value prints
// as "Method(5)".
func (m Method) String() string { return enumName("Method", methodNames, int(m)) }

// MarshalText returns the method's name; it fails with [ErrInvalid] for
// an undeclared value.
func (m Method) MarshalText() ([]byte, error) { return enumText("method", methodNames, int(m)) }

// UnmarshalText parses a method's name with [ParseMethod].
func (m *Method) UnmarshalText(b []byte) error {
	v, err := ParseMethod(string(b))
	if err == nil {
		*m = v
	}
	return err
}

// Completion says how the Method of Equal Shares is completed when it leaves
// budget unspent (Faliszewski et al. 2023, section 4; equalshares.net).
//
// The zero value is invalid.
type Completion int

const (
	// CompletionNone returns the outcome of a single run.
	CompletionNone Completion = iota + 1
	// CompletionAdd1 reruns the method with each voter's budget raised one currency
	// unit at a time, until the outcome is exhaustive or the next one would
	// overspend ("add1", the variant Assen and Świecie used).
	CompletionAdd1
	// CompletionExh1pct reruns the method with the whole budget raised in steps of
	// 1 % until the outcome is exhaustive or the next one would overspend
	// ("exh1pct").
	CompletionExh1pct
)

var completionNames = []string{"", "none", "add1", "exh1pct"}

// ParseCompletion returns the completion named s ("none", "add1",
// "exh1pct"), or an error wrapping [ErrInvalidRule].
func ParseCompletion(s string) (Completion, error) {
	return parseEnum[Completion]("completion", completionNames, s, ErrInvalidRule)
}

// IsValid reports whether c is one of the declared completions.
func (c Completion) IsValid() bool { return c > 0 && int(c) < len(completionNames) }

// String returns "none", "add1" or "exh1pct"; an undeclared value prints as
// "Completion(4)".
func (c Completion) String() string { return enumName("Completion", completionNames, int(c)) }

// MarshalText returns the completion's name; it fails with [ErrInvalid]
// for an undeclared value.
func (c Completion) MarshalText() ([]byte, error) {
	return enumText("completion", completionNames, int(c))
}

// UnmarshalText parses a completion's name with [ParseCompletion].
func (c *Completion) UnmarshalText(b []byte) error {
	v, err := ParseCompletion(string(b))
	if err == nil {
		*c = v
	}
	return err
}

// StepKind is what a rule did at one [Step] of its run.
//
// The zero value is invalid.
type StepKind int

const (
	// StepKindFunded: the project was selected.
	StepKindFunded StepKind = iota + 1
	// StepKindSkipped: greedy passed over the project because its cost exceeded what
	// remained of the budget.
	StepKindSkipped
	// StepKindStopped: Phragmén stopped because a project tied for the lowest load
	// did not fit in what remained of the budget.
	StepKindStopped
)

var stepKindNames = []string{"", "funded", "skipped", "stopped"}

// ParseStepKind returns the step kind named s ("funded", "skipped",
// "stopped"), or an error wrapping [ErrInvalid].
func ParseStepKind(s string) (StepKind, error) {
	return parseEnum[StepKind]("step kind", stepKindNames, s, ErrInvalid)
}

// IsValid reports whether k is one of the declared kinds.
func (k StepKind) IsValid() bool { return k > 0 && int(k) < len(stepKindNames) }

// String returns "funded", "skipped" or "stopped"; an undeclared value
// prints as "StepKind(6)".
func (k StepKind) String() string { return enumName("StepKind", stepKindNames, int(k)) }

// MarshalText returns the kind's name; it fails with [ErrInvalid] for an
// undeclared value.
func (k StepKind) MarshalText() ([]byte, error) { return enumText("step kind", stepKindNames, int(k)) }

// UnmarshalText parses a kind's name with [ParseStepKind].
func (k *StepKind) UnmarshalText(b []byte) error {
	v, err := ParseStepKind(string(b))
	if err == nil {
		*k = v
	}
	return err
}
