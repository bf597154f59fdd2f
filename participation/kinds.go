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

// IsTerminal reports whether no event leaves s: answered, expired and
// withdrawn.
func (s State) IsTerminal() bool {
	return s == StateAnswered || s == StateExpired || s == StateWithdrawn
}

// SigningMethod is how a signature was collected.
//
// The zero value is invalid.
type SigningMethod int

// The signing methods.
const (
	// SigningMethodOnline: signed on a website or app.
	SigningMethodOnline SigningMethod = iota + 1
	// SigningMethodOffline: signed on paper (or in person) and entered later,
	// usually through [Initiative.Import].
	SigningMethodOffline
)

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

// Event is a lifecycle event of an initiative: what a [HistoryEntry]
// records. Its wire names are past participles ("opened", "qualified"); the
// method that records each is its verb ([Initiative.Open],
// [Initiative.Qualify]).
//
// The zero value is invalid.
type Event int

// The events. All but EventMilestone change the state.
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
