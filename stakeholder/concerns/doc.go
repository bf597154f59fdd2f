// Package concerns is the community relations register: the standing place
// where a concern or a complaint is received, acknowledged, assessed,
// investigated, answered, escalated and closed, the issues recurring cases
// form, and the figures that say whether the organisation keeps its word to
// complainants.
//
// A community relations officer is often the first point of contact for
// complaints; by listening to local concerns and addressing them they keep
// conflicts from escalating, and community relations managers are judged on
// how conflicts are resolved. This package gives both a record to work
// from and figures to be judged by.
//
// # What it follows
//
// The grievance mechanism an organisation owes the communities its work
// affects, in the terms of IFC Performance Standard 1 (Assessment and
// Management of Environmental and Social Risks and Impacts, 2012, §35 and
// Guidance Note 1): a mechanism that receives and facilitates the
// resolution of concerns and grievances, scaled to the risks and adverse
// impacts of the project, that is understandable, transparent, culturally
// appropriate and readily accessible, at no cost and without retaliation to
// the party who raised it, and that does not impede access to judicial or
// administrative remedies. And the guiding principles of complaints
// handling in ISO 10002:2018 (Quality management — Customer satisfaction —
// Guidelines for complaints handling in organizations): visibility,
// accessibility, responsiveness, objectivity, charges (none), openness,
// confidentiality, a customer-focused approach, accountability,
// improvement, competence and timeliness, with continual improvement from
// the complaints' data.
//
// Here that means: several intake routes ([IntakeChannel]), anonymous and
// pseudonymous complaints accepted ([Disclosure]), confidential
// complainants never revealed in any output ([Complainant]), published
// rules with deadlines and levels of review ([Rules]), a reason required for
// every decision that goes against the complainant, referral of what is out
// of scope rather than silence, a dated and attributed history of every
// step, and figures ([Figure]) drawn from the record rather than reported
// by hand.
//
// # The register
//
// A [Register] holds the [Case]s and [Issue]s and the rules they are
// handled by. Each case records its kind (concern or complaint), intake
// channel, category and topics, severity, the stakeholders and area
// concerned, who raised it, and links by ID to the interactions,
// engagement processes and commitments it relates to (this package sits
// below the engagement package and links to it by ID only). Each change is
// one method of the register that checks every precondition first and
// changes nothing when it refuses; the lifecycle's transition table, the
// deadlines and the pause and extension rules are documented on [Case].
//
// Recurring concerns are grouped into issues ([Register.OpenIssue],
// [Register.AddToIssue]): one topic, often one area, with its cases and the
// stakeholders behind them, its trend from period to period
// ([Issue.Summary]), the actions taken, the engagement process it was raised
// with and the commitments that answer it.
//
// A complaints log kept in a spreadsheet is read with [Register.ImportCSV]:
// every row is accounted for, recorded, partly recorded or rejected, with
// its number as the spreadsheet shows it and the reason.
//
// # Figures
//
// [Register.Performance] computes the figures of a period through package
// metrics: exact ratios with their denominators (metrics.Ratio), nearest-rank
// percentiles (metrics.SelectPercentiles), periods (metrics.Period), and
// indicators with default targets ([Performance.Scorecard] builds a
// metrics.Scorecard). Each figure is defined once, in the table on
// [Figure]. [Register.WriteReport] writes the figures, the open backlog by
// age and the issues register for people.
//
// # Encoding
//
// A register round-trips through encoding/json exactly: its form is its
// rules and its journal of changes, replayed on decoding through the same
// checks as the methods, so a history no sequence of calls can produce is
// rejected. That JSON is the organisation's own record and holds
// complainants' IDs; [Performance] and the report hold counts only.
//
// A Register is not safe for concurrent use; serialise changes with a
// mutex.
package concerns
