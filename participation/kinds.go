package participation

// Kind is what an initiative asks of its supporters and of the public body.
// The kinds follow the tools of bottom-up participation named in the
// literature and in the platforms that host it (Decidim initiatives, CONSUL
// proposals, Go Vocal reactions): a petition or proposal asks the body to
// act; a campaign, a volunteer project, a community event or mutual aid is
// something residents do themselves and may never need an answer.
//
// The zero value is invalid.
type Kind int

// The kinds of initiative.
const (
	// KindPetition asks the public body to do or stop something, backed by
	// signatures.
	KindPetition Kind = iota + 1
	// KindProposal puts forward a worked-out idea for the body to adopt,
	// backed by supports (CONSUL's citizen proposals).
	KindProposal
	// KindCampaign is an organised effort to change an opinion or a policy.
	KindCampaign
	// KindVolunteerProject is work residents do themselves for the
	// community: a clean-up, a repair café, a community garden.
	KindVolunteerProject
	// KindCommunityEvent is a gathering residents organise: a street party,
	// a neighbourhood meeting.
	KindCommunityEvent
	// KindMutualAid is residents organising to meet each other's needs: a
	// food share, a tool library, a shopping rota.
	KindMutualAid
)

var kindNames = []string{
	KindPetition:         "petition",
	KindProposal:         "proposal",
	KindCampaign:         "campaign",
	KindVolunteerProject: "volunteer_project",
	KindCommunityEvent:   "community_event",
	KindMutualAid:        "mutual_aid",
}

// Kinds returns every kind in declaration order.
func Kinds() []Kind { return enumValues[Kind](kindNames) }

// IsValid reports whether k is a declared kind.
func (k Kind) IsValid() bool { return enumValid(k, kindNames) }

// String returns the kind's lowercase name, such as "volunteer_project", or
// "Kind(9)" for an undeclared value.
func (k Kind) String() string { return enumString(k, "Kind", kindNames) }

// MarshalText returns the kind's name; an undeclared value is an error
// wrapping [ErrInvalidValue].
func (k Kind) MarshalText() ([]byte, error) { return enumMarshal(k, "Kind", kindNames) }

// UnmarshalText parses a name as [ParseKind] does, leaving k unchanged on
// error.
func (k *Kind) UnmarshalText(text []byte) error { return enumUnmarshal(k, text, "Kind", kindNames) }

// ParseKind returns the kind named s, as String prints it. Any other text is
// an error wrapping [ErrInvalidValue] that quotes s.
func ParseKind(s string) (Kind, error) { return enumParse[Kind](s, "Kind", kindNames) }

// State is where an initiative stands in its lifecycle. The transitions are
// documented on [Initiative].
//
// The zero value is invalid.
type State int

// The states of an initiative.
const (
	// StateDraft: being written; the initiators may still set its rules
	// and gather a promoter committee. No support is accepted.
	StateDraft State = iota + 1
	// StateOpen: gathering support.
	StateOpen
	// StateQualified: every threshold was met inside the window; support
	// gathering has ended and the initiative can be submitted.
	StateQualified
	// StateSubmitted: handed to a named public body, awaiting its answer.
	StateSubmitted
	// StateAnswered: the public body answered (terminal).
	StateAnswered
	// StateExpired: the window closed short of the threshold (terminal).
	StateExpired
	// StateWithdrawn: withdrawn by one of its initiators (terminal).
	StateWithdrawn
)

var stateNames = []string{
	StateDraft:     "draft",
	StateOpen:      "open",
	StateQualified: "qualified",
	StateSubmitted: "submitted",
	StateAnswered:  "answered",
	StateExpired:   "expired",
	StateWithdrawn: "withdrawn",
}

// States returns every state in lifecycle order.
func States() []State { return enumValues[State](stateNames) }

// IsValid reports whether s is a declared state.
func (s State) IsValid() bool { return enumValid(s, stateNames) }

// IsTerminal reports whether no event leaves s: answered, expired and
// withdrawn.
func (s State) IsTerminal() bool {
	return s == StateAnswered || s == StateExpired || s == StateWithdrawn
}

// String returns the state's lowercase name, such as "qualified", or
// "State(9)" for an undeclared value.
func (s State) String() string { return enumString(s, "State", stateNames) }

// MarshalText returns the state's name; an undeclared value is an error
// wrapping [ErrInvalidValue].
func (s State) MarshalText() ([]byte, error) { return enumMarshal(s, "State", stateNames) }

// UnmarshalText parses a name as [ParseState] does, leaving s unchanged on
// error.
func (s *State) UnmarshalText(text []byte) error {
	return enumUnmarshal(s, text, "State", stateNames)
}

// ParseState returns the state named s, as String prints it. Any other text
// is an error wrapping [ErrInvalidValue] that quotes s.
func ParseState(s string) (State, error) { return enumParse[State](s, "State", stateNames) }

// SigningMethod is how a signature was collected.
//
// The zero value is invalid.
type SigningMethod int

// The channels of support.
const (
	// SigningMethodOnline: signed on a website or app.
	SigningMethodOnline SigningMethod = iota + 1
	// SigningMethodOffline: signed on paper (or in person) and entered later,
	// usually through [Initiative.Import].
	SigningMethodOffline
)

var channelNames = []string{
	SigningMethodOnline:  "online",
	SigningMethodOffline: "offline",
}

// Channels returns every channel in declaration order.
func Channels() []SigningMethod { return enumValues[SigningMethod](channelNames) }

// IsValid reports whether c is a declared channel.
func (c SigningMethod) IsValid() bool { return enumValid(c, channelNames) }

// String returns "online" or "offline", or "Channel(9)" for an undeclared
// value.
func (c SigningMethod) String() string { return enumString(c, "Channel", channelNames) }

// MarshalText returns the channel's name; an undeclared value is an error
// wrapping [ErrInvalidValue].
func (c SigningMethod) MarshalText() ([]byte, error) { return enumMarshal(c, "Channel", channelNames) }

// UnmarshalText parses a name as [ParseChannel] does, leaving c unchanged on
// error.
func (c *SigningMethod) UnmarshalText(text []byte) error {
	return enumUnmarshal(c, text, "Channel", channelNames)
}

// ParseChannel returns the channel named s, as String prints it. Any other
// text is an error wrapping [ErrInvalidValue] that quotes s.
func ParseChannel(s string) (SigningMethod, error) { return enumParse[SigningMethod](s, "Channel", channelNames) }

// AnswerOutcome is what the public body answered to a submitted initiative.
//
// The zero value is invalid.
type AnswerOutcome int

// The outcomes of an answer.
const (
	// AnswerOutcomeAccepted: the body agrees with the initiative and commits to act
	// on it, typically by taking it up in a formal process of its own.
	AnswerOutcomeAccepted AnswerOutcome = iota + 1
	// AnswerOutcomeRejected: the body declines to act on it.
	AnswerOutcomeRejected
	// AnswerOutcomeAdopted: the body adopts the initiative as its own decision, as
	// proposed.
	AnswerOutcomeAdopted
)

var answerNames = []string{
	AnswerOutcomeAccepted: "accepted",
	AnswerOutcomeRejected: "rejected",
	AnswerOutcomeAdopted:  "adopted",
}

// AnswerOutcomes returns every outcome in declaration order.
func AnswerOutcomes() []AnswerOutcome { return enumValues[AnswerOutcome](answerNames) }

// IsValid reports whether o is a declared outcome.
func (o AnswerOutcome) IsValid() bool { return enumValid(o, answerNames) }

// String returns the outcome's lowercase name, such as "adopted", or
// "AnswerOutcome(9)" for an undeclared value.
func (o AnswerOutcome) String() string { return enumString(o, "AnswerOutcome", answerNames) }

// MarshalText returns the outcome's name; an undeclared value is an error
// wrapping [ErrInvalidValue].
func (o AnswerOutcome) MarshalText() ([]byte, error) {
	return enumMarshal(o, "AnswerOutcome", answerNames)
}

// UnmarshalText parses a name as [ParseAnswerOutcome] does, leaving o
// unchanged on error.
func (o *AnswerOutcome) UnmarshalText(text []byte) error {
	return enumUnmarshal(o, text, "AnswerOutcome", answerNames)
}

// ParseAnswerOutcome returns the outcome named s, as String prints it. Any
// other text is an error wrapping [ErrInvalidValue] that quotes s.
func ParseAnswerOutcome(s string) (AnswerOutcome, error) {
	return enumParse[AnswerOutcome](s, "AnswerOutcome", answerNames)
}

// Event is the kind of an entry in an initiative's history.
//
// The zero value is invalid.
type Event int

// The kinds of history event. All but EventMilestone change the state.
const (
	// EventCreated: the initiative was created, in draft.
	EventCreated Event = iota + 1
	// EventOpened: support gathering began.
	EventOpened
	// EventMilestone: progress toward the thresholds first reached a
	// milestone (25, 50, 75 or 100 %); see [Initiative.Milestone].
	EventMilestone
	// EventQualified: every threshold was met and the initiative qualified.
	EventQualified
	// EventSubmitted: the initiative was handed to a public body.
	EventSubmitted
	// EventAnswered: the public body answered, possibly through an
	// engagement process.
	EventAnswered
	// EventExpired: the window closed short of a threshold.
	EventExpired
	// EventWithdrawn: an initiator withdrew the initiative.
	EventWithdrawn
)

var eventNames = []string{
	EventCreated:   "created",
	EventOpened:    "opened",
	EventMilestone: "milestone",
	EventQualified: "qualified",
	EventSubmitted: "submitted",
	EventAnswered:  "answered",
	EventExpired:   "expired",
	EventWithdrawn: "withdrawn",
}

// EventKinds returns every event kind in declaration order.
func EventKinds() []Event { return enumValues[Event](eventNames) }

// IsValid reports whether k is a declared event kind.
func (k Event) IsValid() bool { return enumValid(k, eventNames) }

// String returns the event kind's lowercase name, such as "milestone", or
// "EventKind(9)" for an undeclared value.
func (k Event) String() string { return enumString(k, "EventKind", eventNames) }

// MarshalText returns the event kind's name; an undeclared value is an error
// wrapping [ErrInvalidValue].
func (k Event) MarshalText() ([]byte, error) { return enumMarshal(k, "EventKind", eventNames) }

// UnmarshalText parses a name as [ParseEventKind] does, leaving k unchanged
// on error.
func (k *Event) UnmarshalText(text []byte) error {
	return enumUnmarshal(k, text, "EventKind", eventNames)
}

// ParseEventKind returns the event kind named s, as String prints it. Any
// other text is an error wrapping [ErrInvalidValue] that quotes s.
func ParseEventKind(s string) (Event, error) {
	return enumParse[Event](s, "EventKind", eventNames)
}
