package stakeholder

import (
	"iter"
	"slices"
	"sort"
	"time"

	"github.com/civitas-go/civitas/metrics"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// Channel is how an interaction took place. The zero value is invalid; the
// text form is the lowercase name with underscores, such as "site_visit".
type Channel int

// The channels.
const (
	ChannelMeeting        Channel = iota + 1 // a meeting in person or online
	ChannelPhone                             // a phone call
	ChannelEmail                             // an email
	ChannelLetter                            // a letter on paper
	ChannelSocialMedia                       // a post, comment or message on a social platform
	ChannelEvent                             // a public event, workshop or drop-in
	ChannelMediaInterview                    // an interview given to or taken by the media
	ChannelSiteVisit                         // a visit to the site concerned
)

// Direction is which way an interaction went, from the team's side. One-way
// outreach informs and raises awareness; two-way engagement is dialogue,
// where both sides speak and listen (the distinction of IAP2's "inform"
// against the levels above it). The zero value is invalid; the text forms
// are "outbound", "inbound" and "two_way".
type Direction int

// The directions.
const (
	DirectionOutbound Direction = iota + 1 // the team told the stakeholder: one-way outreach
	DirectionInbound                       // the stakeholder contacted the team: an inquiry, complaint or comment
	DirectionTwoWay                        // both spoke and listened: dialogue
)

// The sentiment scale of an [Interaction]: −2 hostile, −1 negative,
// 0 neutral, +1 positive, +2 warm.
const (
	MinSentiment = -2
	MaxSentiment = 2
)

// Interaction is one contact with a stakeholder: when, through which
// channel, which way, about what, in what mood, and whether the team owes a
// follow-up by a date. A later interaction with the same stakeholder can
// reply to it (InReplyTo): that is how an inbound inquiry is answered and a
// follow-up is met.
//
// Interaction is a plain value; [Map.Log] checks it and stores its times in
// UTC. The zero value is invalid.
type Interaction struct {
	// ID identifies the interaction; never uuid.Nil.
	ID uuid.UUID `json:"id"`
	// Stakeholder is the ID of the stakeholder in the map it was with.
	Stakeholder uuid.UUID `json:"stakeholder"`
	// At is when it took place.
	At time.Time `json:"at"`
	// Channel is how it took place.
	Channel Channel `json:"channel"`
	// Direction is which way it went.
	Direction Direction `json:"direction"`
	// Topic says what it was about, "" when not recorded.
	Topic string `json:"topic,omitempty"`
	// Sentiment is the mood of the contact, [MinSentiment] to [MaxSentiment].
	Sentiment int `json:"sentiment"`
	// FollowUpDue is when the team owes a follow-up by; the zero time when
	// none is owed. It is not before At.
	FollowUpDue time.Time `json:"follow_up_due,omitzero"`
	// InReplyTo is the ID of the earlier interaction with the same
	// stakeholder that this one answers or follows up, uuid.Nil when none. A
	// reply goes from the team (Outbound or TwoWay), comes strictly later,
	// and answers an Inbound interaction or one with a follow-up due.
	InReplyTo uuid.UUID `json:"in_reply_to,omitzero"`
}

// Log appends x to the map's interaction log, its times converted to UTC.
// It rejects an ID already logged ([ErrDuplicate]); a stakeholder or
// InReplyTo not in the map ([ErrNotFound]); a time outside years 1–9999 or
// a sentiment off the scale ([ErrOutOfRange]); and ([ErrInvalid]) a Nil ID
// or stakeholder, a zero time, an undeclared channel or direction, a
// follow-up due before At, a topic with control characters, surrounding
// spaces or invalid UTF-8, or a reply that breaks the rules of
// [Interaction.InReplyTo]. Each is an [*FieldError] whose Field names the
// interaction by its ID.
func (m *Map) Log(x Interaction) error {
	x.At, x.FollowUpDue = x.At.UTC(), x.FollowUpDue.UTC()
	if err := m.checkInteraction(x); err != nil {
		return err
	}
	if m.logIndex == nil {
		m.logIndex = make(map[uuid.UUID]int)
	}
	m.logIndex[x.ID] = len(m.log)
	m.log = append(m.log, x)
	return nil
}

func (m *Map) checkInteraction(x Interaction) error {
	id := x.ID
	xErr := func(name string, value any, err error) error { return recordErr("interaction", id, name, value, err) }
	switch {
	case id == uuid.Nil:
		return &FieldError{Field: "interaction id", Value: "(nil)", Err: ErrInvalid}
	case x.Stakeholder == uuid.Nil:
		return &FieldError{Field: field("interaction", id, "stakeholder"), Value: "(nil)", Err: ErrInvalid}
	}
	if _, dup := m.logIndex[id]; dup {
		return &FieldError{Field: field("interaction", id, ""), Err: ErrDuplicate}
	}
	if _, ok := m.index[x.Stakeholder]; !ok {
		return xErr("stakeholder", x.Stakeholder.String(), ErrNotFound)
	}
	if err := checkTime("interaction", id, "at", x.At); err != nil {
		return err
	}
	switch {
	case !x.Channel.IsValid():
		return xErr("channel", x.Channel.String(), ErrInvalid)
	case !x.Direction.IsValid():
		return xErr("direction", x.Direction.String(), ErrInvalid)
	case x.Sentiment < MinSentiment || x.Sentiment > MaxSentiment:
		return xErr("sentiment", x.Sentiment, ErrOutOfRange)
	}
	if err := checkText("interaction", id, "topic", x.Topic); err != nil {
		return err
	}
	if !x.FollowUpDue.IsZero() {
		if err := checkTime("interaction", id, "follow_up_due", x.FollowUpDue); err != nil {
			return err
		}
		if x.FollowUpDue.Before(x.At) {
			return xErr("follow_up_due", x.FollowUpDue.Format(time.RFC3339)+" (before at)", ErrInvalid)
		}
	}
	if x.InReplyTo == uuid.Nil {
		return nil
	}
	i, ok := m.logIndex[x.InReplyTo]
	if !ok {
		return xErr("in_reply_to", x.InReplyTo.String(), ErrNotFound)
	}
	orig := m.log[i]
	switch {
	case orig.Stakeholder != x.Stakeholder,
		!orig.At.Before(x.At),
		x.Direction == DirectionInbound,
		orig.Direction != DirectionInbound && orig.FollowUpDue.IsZero():
		return xErr("in_reply_to", x.InReplyTo.String(), ErrInvalid)
	}
	return nil
}

// checkTime rejects the zero time ([ErrInvalid]: not set) and years JSON
// cannot carry ([ErrOutOfRange]).
func checkTime(record string, id uuid.UUID, name string, t time.Time) error {
	switch {
	case t.IsZero():
		return recordErr(record, id, name, "(not set)", ErrInvalid)
	case t.Year() < 1 || t.Year() > 9999:
		return recordErr(record, id, name, t.String(), ErrOutOfRange)
	}
	return nil
}

// Interactions returns the whole log in the order it was written.
func (m *Map) Interactions() iter.Seq[Interaction] { return m.InteractionsWith(uuid.Nil) }

// InteractionsWith returns the interactions with one stakeholder in the order
// they were logged; uuid.Nil returns every interaction. An unknown ID yields
// nothing.
func (m *Map) InteractionsWith(id uuid.UUID) iter.Seq[Interaction] {
	return func(yield func(Interaction) bool) {
		for _, x := range m.log {
			if (id == uuid.Nil || x.Stakeholder == id) && !yield(x) {
				return
			}
		}
	}
}

// firstReplies returns, for every interaction that has a reply logged no
// later than by, the time of its earliest reply.
func (m *Map) firstReplies(by time.Time) map[uuid.UUID]time.Time {
	out := make(map[uuid.UUID]time.Time)
	for _, x := range m.log {
		if x.InReplyTo == uuid.Nil || x.At.After(by) {
			continue
		}
		if t, ok := out[x.InReplyTo]; !ok || x.At.Before(t) {
			out[x.InReplyTo] = x.At
		}
	}
	return out
}

// Relationship strength.
//
// The strength of the team's relationship with a stakeholder at time t sums
// every interaction with them at or before t:
//
//	strength(t) = Σ weight(direction) × (sentiment + 3)/3 × 2^−k
//
//	weight:    two-way 3, inbound 2, outbound 1
//	k:         ⌊(t − at) / half-life⌋, the whole half-lives the contact has aged
//	           (contacts of StrengthHorizon half-lives or more count 0)
//
// Dialogue counts three times a one-way message, and a stakeholder who comes
// to the team twice: relationships are built by talking with people, not at
// them. The sentiment factor runs from 1/3 (hostile) through 1 (neutral) to
// 5/3 (warm), so even a hostile meeting is a contact. The decay halves a
// contact's weight in whole steps, so the sum is an exact fraction with
// denominator 3·2^(StrengthHorizon−1), rounded once to [StrengthPlaces].
const (
	// StrengthPlaces is the number of decimal places of a strength, rounded
	// half away from zero.
	StrengthPlaces = 4
	// StrengthHorizon is the age, in half-lives, from which a contact no
	// longer counts: after 16 half-lives its weight would be under 1/65536.
	StrengthHorizon = 16
	// DefaultHalfLife is a common half-life: a quarter of a year (90 days).
	DefaultHalfLife = 90 * 24 * time.Hour
)

var directionWeight = [...]int64{DirectionOutbound: 1, DirectionInbound: 2, DirectionTwoWay: 3}

// strengthNumerator returns Σ weight·(sentiment+3)·2^(horizon−1−k) over the
// interactions with stakeholder id (every stakeholder when id is Nil) at or
// before t; the strength is this over 3·2^(horizon−1).
func (m *Map) strengthNumerator(id uuid.UUID, selected func(uuid.UUID) bool, t time.Time, halfLife time.Duration) int64 {
	var num int64
	for _, x := range m.log {
		if x.At.After(t) || (id != uuid.Nil && x.Stakeholder != id) || (selected != nil && !selected(x.Stakeholder)) {
			continue
		}
		age := t.Sub(x.At) // saturates at the largest Duration, which is fine: k is then past the horizon
		k := int64(age / halfLife)
		if k >= StrengthHorizon {
			continue
		}
		num += directionWeight[x.Direction] * int64(x.Sentiment+3) << (StrengthHorizon - 1 - k)
	}
	return num
}

func strengthValue(num int64) decimal.Decimal {
	return decimal.NewFromInt(num).DivRound(decimal.NewFromInt(3<<(StrengthHorizon-1)), StrengthPlaces)
}

func checkHalfLife(h time.Duration) error {
	if h <= 0 {
		return &FieldError{Field: "half-life", Value: h.String(), Err: ErrOutOfRange}
	}
	return nil
}

// Strength returns the strength of the relationship with stakeholder id at
// time t by the formula above, for a half-life such as [DefaultHalfLife]. An
// unknown id is an [ErrNotFound] error and a half-life not above zero an
// [ErrOutOfRange] one.
func (m *Map) Strength(id uuid.UUID, t time.Time, halfLife time.Duration) (decimal.Decimal, error) {
	if err := m.checkStrength(id, halfLife); err != nil {
		return decimal.Decimal{}, err
	}
	return strengthValue(m.strengthNumerator(id, nil, t, halfLife)), nil
}

// TotalStrength returns the summed strength at time t of the relationships
// with the stakeholders that pass every filter (everyone when none is given):
// the size of a community relations team's relationship portfolio. The sum
// is exact and rounded once. A half-life not above zero is an
// [ErrOutOfRange] error.
func (m *Map) TotalStrength(t time.Time, halfLife time.Duration, filters ...Filter) (decimal.Decimal, error) {
	if err := checkHalfLife(halfLife); err != nil {
		return decimal.Decimal{}, err
	}
	return strengthValue(m.strengthNumerator(uuid.Nil, m.selector(filters), t, halfLife)), nil
}

func (m *Map) checkStrength(id uuid.UUID, halfLife time.Duration) error {
	if _, ok := m.index[id]; !ok {
		return &FieldError{Field: "stakeholder", Value: id.String(), Err: ErrNotFound}
	}
	return checkHalfLife(halfLife)
}

// selector turns filters into a test on stakeholder IDs, nil for no filters.
func (m *Map) selector(filters []Filter) func(uuid.UUID) bool {
	if len(filters) == 0 {
		return nil
	}
	return func(id uuid.UUID) bool {
		s := m.people[m.index[id]]
		for _, f := range filters {
			if !f(s) {
				return false
			}
		}
		return true
	}
}

// Growth returns how the strength of the relationship with stakeholder id
// changed from time earlier to time later (see [Map.Strength]), as a
// [metrics.Change]: relationship growth, a success indicator of a Community
// Relations Manager. Errors as for Strength.
func (m *Map) Growth(id uuid.UUID, earlier, later time.Time, halfLife time.Duration) (metrics.Change, error) {
	if err := m.checkStrength(id, halfLife); err != nil {
		return metrics.Change{}, err
	}
	return metrics.NewChange(strengthValue(m.strengthNumerator(id, nil, earlier, halfLife)),
		strengthValue(m.strengthNumerator(id, nil, later, halfLife))), nil
}

// TotalGrowth returns the change of [Map.TotalStrength] from earlier to
// later over the stakeholders that pass every filter. Errors as for
// TotalStrength.
func (m *Map) TotalGrowth(earlier, later time.Time, halfLife time.Duration, filters ...Filter) (metrics.Change, error) {
	before, err := m.TotalStrength(earlier, halfLife, filters...)
	if err != nil {
		return metrics.Change{}, err
	}
	after, _ := m.TotalStrength(later, halfLife, filters...)
	return metrics.NewChange(before, after), nil
}

// Responsiveness is how well the team answered the inquiries it received in
// a period: a success indicator of a Community Relations Officer ("timely
// response to inquiries"). The zero value describes a period with no
// inquiries.
type Responsiveness struct {
	// Answered is the inquiries answered over the inquiries received.
	Answered metrics.Ratio
	// TimesToAnswer holds, for each answered inquiry, the time from the
	// inquiry to its first reply, shortest first.
	TimesToAnswer []time.Duration
}

// Responsiveness reports on the inbound interactions logged in [from, to):
// an inquiry is answered when a reply to it is logged before to, and its
// time to answer runs to the first such reply. A period whose end is not
// after its start is an [ErrInvalid] error.
func (m *Map) Responsiveness(from, to time.Time) (Responsiveness, error) {
	if !from.Before(to) {
		return Responsiveness{}, &FieldError{Field: "period", Value: from.String() + " – " + to.String(), Err: ErrInvalid}
	}
	replies := m.firstReplies(to.Add(-1))
	var received int64
	var times []time.Duration
	for _, x := range m.log {
		if x.Direction != DirectionInbound || x.At.Before(from) || !x.At.Before(to) {
			continue
		}
		received++
		if t, ok := replies[x.ID]; ok {
			times = append(times, t.Sub(x.At))
		}
	}
	slices.Sort(times)
	answered, err := metrics.NewProportion(int64(len(times)), received)
	if err != nil { // cannot happen: answered inquiries are a subset of those received
		return Responsiveness{}, err
	}
	return Responsiveness{Answered: answered, TimesToAnswer: times}, nil
}

// Within returns the share of all inquiries received that were answered
// within limit (a reply exactly at the limit counts), as a [metrics.Ratio]
// over every inquiry received, answered or not.
func (r Responsiveness) Within(limit time.Duration) metrics.Ratio {
	n := sort.Search(len(r.TimesToAnswer), func(i int) bool { return r.TimesToAnswer[i] > limit })
	out, _ := metrics.NewProportion(int64(n), r.Answered.Denominator())
	return out
}

// Median returns the median time to answer, and false when no inquiry was
// answered. With an even count it is the midpoint of the two middle times,
// rounded down to the nanosecond.
func (r Responsiveness) Median() (time.Duration, bool) {
	n := len(r.TimesToAnswer)
	if n == 0 {
		return 0, false
	}
	lo, hi := r.TimesToAnswer[(n-1)/2], r.TimesToAnswer[n/2]
	return lo + (hi-lo)/2, true
}

// Overdue returns the follow-ups that are overdue at time t: interactions
// whose FollowUpDue is before t and that have no reply logged at or before
// t. They come earliest due first, then in log order.
func (m *Map) Overdue(t time.Time) []Interaction {
	replies := m.firstReplies(t)
	var out []Interaction
	for _, x := range m.log {
		if x.FollowUpDue.IsZero() || !x.FollowUpDue.Before(t) {
			continue
		}
		if _, met := replies[x.ID]; !met {
			out = append(out, x)
		}
	}
	slices.SortStableFunc(out, func(a, b Interaction) int { return a.FollowUpDue.Compare(b.FollowUpDue) })
	return out
}
