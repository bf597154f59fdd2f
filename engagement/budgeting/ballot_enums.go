package budgeting

import "github.com/civitas-go/civitas/internal/enum"

// The enums of ballots and the ballot box, backed by internal/enum like the
// package's other enums (see enums.go).

// BallotLimit names one rule a ballot must keep: the limits a Pabulib file's
// META sets (min_length, max_length, min_sum_cost, max_sum_cost,
// min_sum_points, max_sum_points, min_points, max_points, and vote_type
// choose-1) and the ones participatory budgeting platforms add on their
// voting forms (Decidim's minimum and maximum number of projects and
// minimum share of the budget spent; CONSUL Democracy's knapsack ballot
// within the budget and one district heading per ballot, in the voter's
// own district). Its wire names are the META keys where there is one
// ("max_length", "choose_1"), and "min_projects", "max_projects",
// "min_budget_share", "knapsack", "one_district" and "own_district".
//
// The zero value is invalid.
type BallotLimit int

const (
	// BallotLimitMinLength: META min_length, the fewest projects a ballot
	// lists.
	BallotLimitMinLength BallotLimit = iota + 1
	// BallotLimitMaxLength: META max_length, the most projects a ballot
	// lists.
	BallotLimitMaxLength
	// BallotLimitMinSumCost: META min_sum_cost, the least the projects of a
	// ballot cost together.
	BallotLimitMinSumCost
	// BallotLimitMaxSumCost: META max_sum_cost, the most the projects of a
	// ballot cost together.
	BallotLimitMaxSumCost
	// BallotLimitMinSumPoints: META min_sum_points, the fewest points a
	// cumulative or scoring ballot gives in total.
	BallotLimitMinSumPoints
	// BallotLimitMaxSumPoints: META max_sum_points, the most points a
	// cumulative or scoring ballot gives in total.
	BallotLimitMaxSumPoints
	// BallotLimitMinPoints: META min_points, the fewest points a ballot gives
	// one project.
	BallotLimitMinPoints
	// BallotLimitMaxPoints: META max_points, the most points a ballot gives
	// one project.
	BallotLimitMaxPoints
	// BallotLimitChooseOne: vote_type choose-1, at most one project.
	BallotLimitChooseOne
	// BallotLimitMinProjects: the form's minimum number of projects.
	BallotLimitMinProjects
	// BallotLimitMaxProjects: the form's maximum number of projects.
	BallotLimitMaxProjects
	// BallotLimitMinBudgetShare: the form's minimum share of the budget the
	// projects of a ballot must cost together (Decidim: 70 % by default).
	BallotLimitMinBudgetShare
	// BallotLimitKnapsack: the projects of a ballot cost no more than the
	// budget together.
	BallotLimitKnapsack
	// BallotLimitOneDistrict: every project of a ballot is of one district.
	BallotLimitOneDistrict
	// BallotLimitOwnDistrict: the district of a ballot's projects is the
	// voter's own, or the projects are city-wide.
	BallotLimitOwnDistrict
)

// BallotChannel is how a ballot reached the box: online, on a paper ballot sheet,
// or at a polling booth. The zero value is invalid.
type BallotChannel int

const (
	// BallotChannelOnline: cast on the platform by a voter signed in.
	BallotChannelOnline BallotChannel = iota + 1
	// BallotChannelPaper: a paper ballot sheet, imported in bulk.
	BallotChannelPaper
	// BallotChannelBooth: cast at a polling booth, the voter checked in person.
	BallotChannelBooth
)

// RevotePolicy says which of a person's ballots counts when the person
// casts more than one, through any channel. The zero value is invalid.
type RevotePolicy int

const (
	// RevotePolicyLastCounts: a later valid ballot replaces the earlier
	// one, which is kept as superseded (Decidim and CONSUL Democracy let a
	// voter change an online vote until voting closes).
	RevotePolicyLastCounts RevotePolicy = iota + 1
	// RevotePolicyFirstCounts: the first valid ballot counts; later ones
	// are rejected with [ErrAlreadyVoted] and kept.
	RevotePolicyFirstCounts
)

// BallotStatus is what became of a ballot cast in a box. The zero value is
// invalid.
type BallotStatus int

const (
	// BallotStatusCounted: the ballot counts.
	BallotStatusCounted BallotStatus = iota + 1
	// BallotStatusSuperseded: the ballot counted until a later ballot of
	// the same person replaced it.
	BallotStatusSuperseded
	// BallotStatusRejected: the ballot never counted; its reason is kept.
	BallotStatusRejected
)

var ballotLimits = enum.New[BallotLimit]("BallotLimit", invalidName, "min_length", "max_length", "min_sum_cost", "max_sum_cost", "min_sum_points", "max_sum_points", "min_points", "max_points", "choose_1", "min_projects", "max_projects", "min_budget_share", "knapsack", "one_district", "own_district")

// BallotLimits returns every declared BallotLimit, in declaration order.
func BallotLimits() []BallotLimit { return ballotLimits.Values() }

// ParseBallotLimit returns the BallotLimit named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseBallotLimit(s string) (BallotLimit, error) { return ballotLimits.Parse(s) }

// IsValid reports whether l is a declared BallotLimit.
func (l BallotLimit) IsValid() bool { return ballotLimits.Valid(l) }

// String returns the wire name, such as "min_length", or "BallotLimit(n)" for an
// undeclared value.
func (l BallotLimit) String() string { return ballotLimits.String(l) }

// MarshalText returns the wire name; an undeclared value is an error.
func (l BallotLimit) MarshalText() ([]byte, error) { return ballotLimits.Marshal(l) }

// UnmarshalText parses a name as [ParseBallotLimit] does, leaving l unchanged on error.
func (l *BallotLimit) UnmarshalText(b []byte) error { return ballotLimits.Unmarshal(l, b) }

var channels = enum.New[BallotChannel]("BallotChannel", invalidName, "online", "paper", "booth")

// BallotChannels returns every declared BallotChannel, in declaration order.
func BallotChannels() []BallotChannel { return channels.Values() }

// ParseBallotChannel returns the BallotChannel named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseBallotChannel(s string) (BallotChannel, error) { return channels.Parse(s) }

// IsValid reports whether c is a declared BallotChannel.
func (c BallotChannel) IsValid() bool { return channels.Valid(c) }

// String returns the wire name, such as "online", or "BallotChannel(n)" for an
// undeclared value.
func (c BallotChannel) String() string { return channels.String(c) }

// MarshalText returns the wire name; an undeclared value is an error.
func (c BallotChannel) MarshalText() ([]byte, error) { return channels.Marshal(c) }

// UnmarshalText parses a name as [ParseBallotChannel] does, leaving c unchanged on error.
func (c *BallotChannel) UnmarshalText(b []byte) error { return channels.Unmarshal(c, b) }

var revotePolicies = enum.New[RevotePolicy]("RevotePolicy", invalidName, "last_counts", "first_counts")

// RevotePolicies returns every declared RevotePolicy, in declaration order.
func RevotePolicies() []RevotePolicy { return revotePolicies.Values() }

// ParseRevotePolicy returns the RevotePolicy named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseRevotePolicy(s string) (RevotePolicy, error) { return revotePolicies.Parse(s) }

// IsValid reports whether r is a declared RevotePolicy.
func (r RevotePolicy) IsValid() bool { return revotePolicies.Valid(r) }

// String returns the wire name, such as "last_counts", or "RevotePolicy(n)" for an
// undeclared value.
func (r RevotePolicy) String() string { return revotePolicies.String(r) }

// MarshalText returns the wire name; an undeclared value is an error.
func (r RevotePolicy) MarshalText() ([]byte, error) { return revotePolicies.Marshal(r) }

// UnmarshalText parses a name as [ParseRevotePolicy] does, leaving r unchanged on error.
func (r *RevotePolicy) UnmarshalText(b []byte) error { return revotePolicies.Unmarshal(r, b) }

var ballotStatuses = enum.New[BallotStatus]("BallotStatus", invalidName, "counted", "superseded", "rejected")

// BallotStatuses returns every declared BallotStatus, in declaration order.
func BallotStatuses() []BallotStatus { return ballotStatuses.Values() }

// ParseBallotStatus returns the BallotStatus named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseBallotStatus(s string) (BallotStatus, error) { return ballotStatuses.Parse(s) }

// IsValid reports whether s is a declared BallotStatus.
func (s BallotStatus) IsValid() bool { return ballotStatuses.Valid(s) }

// String returns the wire name, such as "counted", or "BallotStatus(n)" for an
// undeclared value.
func (s BallotStatus) String() string { return ballotStatuses.String(s) }

// MarshalText returns the wire name; an undeclared value is an error.
func (s BallotStatus) MarshalText() ([]byte, error) { return ballotStatuses.Marshal(s) }

// UnmarshalText parses a name as [ParseBallotStatus] does, leaving s unchanged on error.
func (s *BallotStatus) UnmarshalText(b []byte) error { return ballotStatuses.Unmarshal(s, b) }

// Text returns the name written for people, in words (String with spaces
// for underscores, such as "min budget share"); see String for the wire name.
func (l BallotLimit) Text() string { return ballotLimits.Text(l) }

// Text returns the name written for people, in words (String with spaces
// for underscores, such as "min budget share"); see String for the wire name.
func (c BallotChannel) Text() string { return channels.Text(c) }

// Text returns the name written for people, in words (String with spaces
// for underscores, such as "min budget share"); see String for the wire name.
func (r RevotePolicy) Text() string { return revotePolicies.Text(r) }

// Text returns the name written for people, in words (String with spaces
// for underscores, such as "min budget share"); see String for the wire name.
func (s BallotStatus) Text() string { return ballotStatuses.Text(s) }
