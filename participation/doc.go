// Package participation models community participation: what residents
// start themselves, bottom-up and informally, as opposed to the engagement
// a public body runs (package engagement).
//
// Participation needs no official rules and cannot by itself carry a large
// formal decision. What it can do is gather support until a public body
// must answer. Platforms model pieces of this: Decidim (initiatives with
// signature thresholds per territory), CONSUL (proposals that need the
// support of 1 % of the census), Go Vocal (reaction thresholds with
// expiry). This package models the whole and hands a qualified initiative
// to the engagement side.
//
// # Initiatives and their support
//
// An [Initiative] (a petition, proposal, campaign, volunteer project,
// community event or mutual aid) has initiators, an optional promoter
// committee with a minimum size, and optional [SupportRules]: a threshold,
// a signature window, eligibility (minimum age, areas, residency) checked
// against each supporter's stakeholder.Profile, the accepted channels, and
// per-area thresholds that must all be met. Supporters sign once
// ([Initiative.Sign]: a second signature is refused with
// [ErrAlreadySigned]); offline sheets are entered in batches
// ([Initiative.Import], [Initiative.ImportCSV]) where every row is either
// accepted or returned with its number and reason.
//
// Its lifecycle runs draft → open → qualified → submitted → answered, or
// ends expired or withdrawn, one method per event; each checks every
// precondition first and changes nothing when it refuses. The history
// records each event with its time, and progress milestones at 25, 50, 75
// and 100 % so that an application can notify supporters. The transition
// table and the milestone rule with per-area thresholds are on
// [Initiative].
//
// A qualified initiative is submitted to a named [PublicBody]
// ([Initiative.Submit]); the body's engagement process answers it
// ([Initiative.Answer]) with a [Response]: an [AnswerOutcome], a text, a
// time and the process's ID, so that each side keeps the link.
//
// Supports are stored compactly, 32 bytes each plus an 8-byte slot of a
// hash index kept at most three quarters full, with no per-support heap
// object: a million supports take about 50 MB and sign in well under a
// microsecond each (see the benchmarks).
// An Initiative is not safe for concurrent use; serialise calls with a
// mutex.
//
// # Groups, volunteering and gatherings
//
// A [Group] is an informal grassroots group or coalition with members in
// roles (initiator, organiser, member, volunteer); joining and leaving are
// idempotent. An [VolunteerActivity] records volunteers' time in exact minutes;
// [SummarizeVolunteering] and [VolunteerRetention] give the volunteer
// participation rate, hours per volunteer and retention between periods.
// A [Gathering] is a self-organised event with registration and
// attendance.
//
// # Arnstein's ladder
//
// [Rung] is a rung of Arnstein's ladder of citizen participation (1969),
// in three groups: nonparticipation, tokenism and citizen power. [Assess]
// places what became of an initiative ([Outcome]: ignored, acknowledged,
// partly adopted, adopted with the community, run by the community) on the
// ladder, with the mapping and its justification documented there.
//
// # Figures
//
// An initiative's figures come through package metrics, exact:
// [Initiative.SupportsPerDay], [Initiative.TimeToThreshold],
// [Initiative.ChannelShares], and [Initiative.Representativeness], which
// compares supporters with a population profile through
// metrics.PublishRepresentativeness, the one publication path of civitas:
// small cells are suppressed before any figure is derived, and supporters
// with no value on the dimension are counted as unclassified. The
// unsuppressed comparison, [Initiative.CompareSupportersUnsuppressed], is
// for the initiators' own analysis and never for publication.
//
// Time spans are metrics.Period values, checked to fit the Unix
// nanoseconds the support store keeps.
//
// Every aggregate round-trips through encoding/json exactly, and decoding
// validates as the constructors and events do. Times are kept in UTC.
package participation
