// Package engagement models community engagement: the formal, top-down
// processes a public body (a city, a town, an agency) runs to involve the
// public in a decision, and the records that show whether it kept its
// promise.
//
// # The promise
//
// A body starts a [Process] and says, with an IAP2 [Level], how much
// influence the public will have: inform, consult, involve, collaborate or
// empower (IAP2 Spectrum of Public Participation, IAP2 International
// Federation 2018; the goals and promises returned by [Level.Goal] and
// [Level.Promise] are paraphrased, as IAP2 holds the copyright of its
// wording). The commonest failure of engagement is tokenism: a body that
// promises to consult and never says what the input changed. The records
// kept here are the evidence either way.
//
// # A process
//
// A process has an [Authority] (the body, tied to its stakeholder), the
// decision at stake, formal [Rules] (who may contribute, the notice before
// opening, the response commitment, whether every contribution is answered
// before deciding, the minimum number of participants) and its [Phase]s in
// order. Its lifecycle runs draft → announced → open → closed → decided →
// implementing → completed, or to cancelled with a reason; each event is a
// method that checks every precondition and changes nothing when it refuses
// (the transition table is in the doc of [Process]).
//
// While it runs, the process records:
//
//   - activities ([ActivitySpec], [Activity]): a [Method] such as a workshop
//     or a survey, each one-way outreach or two-way (its [Communication]) and
//     serving a lowest IAP2 level, with a schedule, a place, an [Audience],
//     registrations and attendance;
//   - outreach campaigns ([CampaignSpec], [Campaign]): one-way messages on a
//     [Medium] to an audience, with their reach (a metrics.Audience:
//     distinct people and impressions) and the media coverage they earned
//     ([Clipping]: a metrics.Mention with its audience and tone);
//   - publications ([Publication]): what was made public and when;
//   - contributions ([Submission], [Contribution]): comments, ideas,
//     objections, questions, survey responses and votes from participants
//     with a pseudonymous profile, each in the phase it fell in, optionally
//     rated for [Quality];
//   - responses ([Response]): the body's official answer to each
//     contribution, with its responder and time;
//   - the [Decision]: its outcome, its rationale and the contributions that
//     shaped it;
//   - commitments ([CommitmentSpec], [Commitment]): actions with an owner, a
//     due date and weighted milestones, whose progress residents can
//     monitor.
//
// [Process.Trace] follows a contribution to the decision and commitments it
// shaped; [Process.DecisionInputs] and [Process.CommitmentInputs] go back.
//
// # Initiatives, plans, audits and tallies
//
// Engagement and participation meet when a bottom-up initiative that
// gathered enough support is submitted to the body: a process takes it up
// ([Process.TakeUp]) and answers it when it decides
// ([Process.AnswerInitiative]), through the initiative's own Answer, so that
// each side keeps the link ([TakenUp]).
//
// [Process.Plan] reads a stakeholder map and recommends for each
// stakeholder an IAP2 level and methods from its Mendelow quadrant and its
// salience ([RecommendLevel], [RecommendMethods]); its [Coverage] report
// names the key players and definitive stakeholders that no activity
// reaches. [Process.Audit] holds the process's promise against its records,
// element by element ([PromiseElement]), each kept, broken or pending with
// its evidence, and names the rung of Arnstein's ladder the public reached.
//
// [Process.Tallies] is a read-only snapshot of what the records add up to
// (counts, answers and their timeliness, participants' profiles,
// attendance, outreach exposures), which the audit reads and package
// engagement/scorecard turns into the figures of the process's scorecard and
// of the six roles in the field. [Process.Exposures] sums the campaigns'
// reach and so counts a person two campaigns reached twice; distinct people
// are a campaign's own [Campaign.Reach], [Tallies.Attendees] and
// [Process.ParticipantCount]. [Process.Representativeness] publishes who
// took part against a population through metrics.PublishRepresentativeness.
//
// # Engagement is not participation
//
// Bottom-up initiatives that residents start themselves live in package
// participation; this package is the body's side. One-way outreach is the
// weakest form of engagement: a process made only of outreach informs, it
// does not consult.
//
// # Conventions
//
// Times and IDs are arguments: nothing reads the clock or a random source.
// Every change takes the time it happens as its last argument, and a
// process's record runs forward in time. Errors match the sentinels of this
// package with [errors.Is] and arrive in a [*TransitionError], an [*OpError]
// or a [*FieldError]. Enum names on the wire are lowercase words joined by
// underscores; text for people (audit text, errors) uses each enum's Text.
// A process round-trips through encoding/json exactly; its document numbers
// every change, and decoding replays the changes in that order through the
// same methods, so it accepts exactly what the methods could have produced.
package engagement
