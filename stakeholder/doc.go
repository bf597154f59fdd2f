// Package stakeholder models who is involved in a public decision and how:
// the stakeholders of a project, how much each matters, where each stands,
// how they are tied to one another, and how the team's relationship with
// each is going. It also holds [Profile], the pseudonymous participant
// profile (age band, sex, area, residency) that eligibility rules and
// representativeness figures in the participation and engagement packages
// are checked against.
//
// # Stakeholders and their assessment
//
// A [Stakeholder] is a person, group or organisation that affects or is
// affected by the decision (Freeman 1984), with a [Kind] (resident, voter,
// community activist, community group, nonprofit, business, media,
// government body, elected official, partner organisation, or other with a
// label), an area and tags. [New] builds one and checks everything; a
// stakeholder never changes afterwards, so a change is a new stakeholder
// passed to [Map.Update].
//
// Its [Assessment] scores four attributes on a five-point [Score] scale
// (1 very low to 5 very high) and records two attitudes:
//
//   - power and interest place it on Mendelow's power/interest grid
//     (Mendelow 1991). A [Grid] holds the cut above which a score counts as
//     high (3 unless set with [NewGrid]) and gives the [Quadrant] with its
//     strategy: manage closely, keep satisfied, keep informed, monitor.
//   - power, legitimacy and urgency give the salience class of Mitchell,
//     Agle & Wood (1997): each attribute is present at [AttributeCut] (3) or
//     more, and the eight combinations are the [SalienceClass]es dormant,
//     discretionary, demanding, dominant, dangerous, dependent, definitive
//     and none.
//   - the current and the desired [Attitude] (unaware, resistant, neutral,
//     supportive, leading) are the two columns of the Stakeholder Engagement
//     Assessment Matrix of the PMBOK Guide; the attitude gap is the number of
//     steps between them.
//
// Quadrant, salience and gap are derived every time, never stored, so they
// cannot disagree with the scores. [Grid.ComparePriority] orders
// stakeholders by the attention they need: more salience attributes first,
// then quadrant, then the size of the attitude gap.
//
// # The map
//
// A [Map] holds the stakeholders, the [Relationship]s between them and the
// log of [Interaction]s with them, and keeps them consistent: IDs are unique
// and never Nil, every edge joins two stakeholders of the map, every reply
// answers an earlier interaction with the same stakeholder. A change that
// would break this is refused with an error that [errors.Is] matches
// ([ErrInvalid], [ErrDuplicate], [ErrNotFound], [ErrOutOfRange]),
// wrapped in an [*FieldError] that names the record, and the map stays as it was.
// Removing a stakeholder removes its relationships and interactions too.
//
// [Map.Select] iterates over the stakeholders that pass a set of [Filter]s
// ([OfKind], [InQuadrant], [InClass], [InArea], [Tagged], [GapAtLeast]) in
// the order they were added; [Map.QuadrantCounts] and [Map.SalienceCounts]
// count them.
//
// # Relationships and brokers
//
// Relationships are typed: member of, partner of (the one mutual type),
// funds, influences, opposes, represents, covers as media, each with a
// strength on the [Score] scale. [Map.Neighbours] and [Map.Degree] describe
// one stakeholder's ties; [Map.Betweenness] computes every stakeholder's
// betweenness centrality exactly with Brandes' algorithm, and [Map.Brokers]
// names those who join parts of the network that would otherwise be apart.
// [Map.Components] and [Map.Coalitions] give the groups joined by ties.
//
// # Interactions and relationship strength
//
// [Map.Log] records each contact: when, through which [Channel], which
// [Direction] (outbound one-way outreach, inbound, or two-way dialogue),
// about what, with what sentiment (−2 to +2) and whether a follow-up is due.
// From the log come the figures a community relations team is judged by:
// [Map.Strength] and [Map.Growth] (relationship strength, in which dialogue
// counts more than one-way messages and old contacts fade by a half-life),
// [Map.Responsiveness] (inquiries answered and time to answer) and
// [Map.Overdue] (follow-ups not met in time).
//
// # Pictures and storage
//
// [Map.WriteGridSVG] draws the power/interest grid and [Map.WriteNetworkSVG]
// the relationship network, as SVG with the same bytes for the same map. A
// Map round-trips through encoding/json exactly, and decoding checks the
// document as the constructors do: a document with a dangling edge or a Nil
// ID is rejected whole.
//
// Stakeholders are immutable and safe for concurrent use; a Map is safe for
// concurrent reads but must not be read while it is being changed.
package stakeholder
