// Package budgeting reads participatory budgeting elections in the Pabulib
// format and computes their outcomes under the rules cities use or study,
// exactly and fast.
//
// A participatory budget is a formal process run by a public body whose
// proposals and votes come from residents: the body sets a budget, residents
// propose projects and vote, and a rule decides which projects are funded.
// Which rule matters. Most cities fund greedily by votes; the Method of
// Equal Shares (Peters & Skowron, "Proportional Participatory Budgeting with
// Additive Utilities", NeurIPS 2021; Peters, Pierczyński & Skowron 2021),
// used in Wieliczka, Aarau, Assen and Amsterdam, gives every voter an equal
// share of the budget to spend on the projects she supports, so that
// minorities get their share too.
//
// # The Pabulib format
//
// Pabulib (pabulib.org; Faliszewski et al., "Pabulib: A Participatory
// Budgeting Library", 2023) publishes real elections as .pb files with three
// sections, in this order:
//
//	META
//	key;value
//	budget;400000.0
//	vote_type;approval
//	max_length;3
//	PROJECTS
//	project_id;cost;votes;name;category
//	180;75000.0;20;Garden;Nature en ville
//	VOTES
//	voter_id;vote;age;sex
//	17-37;180,185;34;F
//
// META holds key;value rows; budget and vote_type (approval, choose-1 for
// an approval ballot of at most one project, cumulative, scoring, ordinal:
// Pabulib's own words, which [VoteType]'s wire names follow except that
// choose-1 is "choose_1") are required, and min_length, max_length,
// min_sum_points, max_sum_points, min_points and max_points bound the
// ballots. PROJECTS has a header row and one row per project; the first
// column is the project ID, cost is required, and name, category (or
// categories) and target (or targets) are interpreted. VOTES has a header
// row and one row per voter; the first column is the voter ID, vote lists
// project IDs (most preferred first for ordinal ballots), and points gives
// the points of cumulative and scoring ballots.
//
// Cells are separated by ";" and may be quoted as in CSV ("a;b", "" for a
// quote inside); lists inside a cell are separated by ",". One trimming
// rule holds for every cell and every list element of every section: white
// space as Unicode defines it (spaces, tabs, no-break spaces: what
// strings.TrimSpace removes) is trimmed around it, and reported as
// irregular text. An unquoted cell "none" (in any case) or an empty cell
// means no value, except in an ID column: a project or voter ID none is
// the ID "none". A file must be UTF-8: text is kept as it is read, so a
// byte that is not UTF-8 is refused, with its line and cell, rather than
// changed. Files may start with a byte-order mark and end lines with
// "\r\n", "\n" or "\r"; section titles match in any case. Numbers are read
// exactly as decimals: "400000.0", "2532645.83" and the decimal comma
// "2532645,83" all work, and nothing goes through float64.
//
// [Parse], [Read] and [ReadFile] return an [Election]: an [Instance] (the
// budget, the projects, every META row) and a [BallotProfile] (the ballots and
// whatever the file says about each voter: age, sex, voting method,
// neighbourhood, for checking how representative the voters were). Every
// META key and every column is kept, in order, so [Election.WriteTo] writes
// back a file that reads as the same election; an election also
// round-trips through encoding/json, checked on the way in as a file is. A file that cannot be right
// (a vote for an unknown project, a duplicate ID, a negative cost, a ballot
// over max_length, a missing section) is rejected with a [*ParseError]
// naming the line; what the format tolerates (num_votes disagreeing with
// the ballots counted, ballots under min_length) is reported by
// [Election.Warnings]. Nothing is dropped silently.
//
// Reading is safe on uploads: [Read] and [ReadFile] refuse more than
// [DefaultMaxBytes] (or [MaxBytes]) with [ErrTooLarge]; reading allocates
// in proportion to the bytes and rows read, never to a count or a width a
// file declares; a number of more than [MaxDigits] digits is refused before
// it is converted; and amounts the rules cannot compute with are refused
// when read, with their line, rather than when a rule runs. [Rule.Run] and
// [ExplainContext] honour their context inside every long loop.
//
// Reading is fast: project IDs are interned to indexes, ballots are int32
// slices carved from one backing array, and voter IDs and attributes are
// references into the file's text rather than strings of their own, so
// reading the 90,494 ballots of Łódź 2022 (3.7 MB) takes a few tens of
// milliseconds.
//
// # Rules
//
// A [Rule] is a [Method] with options; [RuleByName] reads the names of
// Faliszewski et al. (2023) and pabutools, the reference implementation
// (greedy_cost, mes_cost_add1, …), and [Rule.Title] gives the name people
// read ("Method of Equal Shares with add-one completion"). The nine rules
// of [ReferenceRules] are defined below; the package reproduces pabutools'
// outcome of each, exactly, on every Pabulib instance it is tested on.
//
// Notation: n voters (every ballot, empty ones included), budget B, and
// projects p with costs c(p) ≥ 0. All arithmetic is exact.
//
// Utilities: what voter i gains when p is funded, u_i(p).
//
//   - Cost family ([UtilityCost], "cost" in rule names): with an approval
//     (or choose-1) ballot, c(p) if i approves p; with a cumulative or
//     scoring ballot, the points i gave p; with an ordinal ballot, p's
//     Borda score, ballot length − position − 1 with positions counted from
//     0, so the last-ranked project is worth 0. A project not on the ballot
//     is worth 0.
//   - Cardinality family ([UtilityCardinality], "card"): 1 for every
//     project on i's ballot, whatever the ballot type; 0 otherwise.
//
// U(p) = Σ_i u_i(p) is p's total utility; p's supporters are the voters with
// u_i(p) > 0.
//
// Ties are broken by project ID compared as a string, in byte order ("10"
// comes before "9"), as pabutools does, unless the rule is built
// [WithTieBreak] (row order, project ID, lower cost, more supporters);
// [Rule.TiedOutcomes] gives every outcome a rule's ties allow.
//
// The rules:
//
//   - greedy_cost, greedy_card ([MethodGreedy]): order all projects by
//     U(p)/c(p), highest first (U(p) > 0 with c(p) = 0 counts as +∞; U(p) = 0
//     counts as 0 and the project stays in the list); walk the list once and
//     fund each project that fits in what remains of B. With approval
//     ballots and the cost family, U(p)/c(p) is the number of approvals:
//     the classic "most votes first".
//   - mes_cost, mes_card ([MethodEqualShares], the Method of Equal Shares of
//     Peters & Skowron): every voter starts with b_i = B/n. Projects with
//     U(p) > 0 and c(p) = 0 are funded at once; the candidates are the
//     projects with U(p) > 0 and c(p) > 0. In each round, a candidate whose
//     supporters hold less than c(p) between them is dropped (it can never
//     become affordable again); for each other candidate, ρ(p) is the
//     smallest ρ with Σ_i min(b_i, ρ·u_i(p)) = c(p), the price per unit of
//     utility at which its supporters can buy it; the candidate with the
//     smallest ρ is funded, and each of its supporters pays
//     min(b_i, ρ·u_i(p)). The method stops when no candidate is left, and
//     may leave part of the budget unspent; the completions below spend
//     more of it.
//   - mes_cost_greedy ([WithGreedyCompletion]): mes_cost, then, if some
//     project still fits, greedy (with the same utility) funds from what
//     remains of B, starting from the outcome of equal shares.
//   - mes_cost_add1 ([CompletionAdd1], the add-one completion): run the
//     method with b = B/n. If the outcome is exhaustive among the
//     candidates (no candidate outside it fits in B minus its cost), keep
//     it. Otherwise rerun the method from scratch with every voter starting
//     at b + 1, b + 2, … currency units, and keep the first exhaustive
//     outcome or, as soon as an outcome costs more than B, the one before
//     it. mes_cost_add1_greedy then completes the outcome greedily.
//   - mes_cost_exh1pct ([CompletionExh1pct], the one-percent completion):
//     run the method with a budget B' = B, then B + B/100, B + 2B/100, …
//     (each voter starting at B'/n), and keep the first outcome that is
//     exhaustive with respect to the real B over all projects or, as soon
//     as an outcome costs more than B, the one before it; stop raising at
//     B' > B·(n + 1).
//   - phragmen ([MethodPhragmen], sequential Phragmén), approval ballots
//     only: projects costing more than B are set aside first. Every voter's
//     load starts at 0. In each round, for each remaining project with A(p)
//     approvers, ℓ(p) = (Σ loads of its approvers + c(p)) / A(p), +∞ when
//     nobody approves it. Take the smallest ℓ: if any project tied at that ℓ
//     does not fit in what remains of B, stop; otherwise fund the first
//     tied project by ID and set each of its approvers' load to ℓ. When only
//     unapproved projects remain they all tie at +∞, and are funded one by
//     one, by ID, while every one of them still fits. (pabutools lists
//     Phragmén's outcome sorted by ID; [Result.Selected] keeps the order of
//     selection.)
//
// [Rule.Run] returns a [Result]: the projects funded in the order funded and
// a [Step] for each decision, with the exact ρ and every group's payment,
// or Phragmén's loads, when the rule is built [WithTrace].
//
// # Exact and fast
//
// The rules never use floating point to decide anything: a tie or an
// affordability comparison decided in float64 would differ from the
// reference outcomes. Amounts are scaled to integers (by 10^d, d the
// largest number of decimal places among the costs and the budget);
// identical ballots are merged into weighted groups; and the sequential
// rules keep their candidates in a heap keyed by a lower bound of ρ (or of
// the load), which can only grow, so a round recomputes only the projects
// that reach the top. The voters' budgets under the Method of Equal Shares
// are exact rationals whose denominators reach hundreds of bits after a few
// rounds; they are carried as float64 intervals that are rounded outward
// at every step and so always contain the exact value, and the exact
// rational is computed (with math/big) only for a comparison whose
// intervals overlap, which in real elections is rare. The outcomes match
// pabutools, the reference implementation, on every Pabulib instance
// shipped for the tests, 200 to several thousand times faster.
//
// # Explained outcomes
//
// A resident should be able to check why a project was or was not funded.
// [Explain] rebuilds any [Result] exactly into an [Explanation]: for greedy
// rules, each project funded or skipped because it did not fit in what
// remained; for equal shares, each round's project, its ρ, what each group of
// supporters paid and kept; for Phragmén, the loads; and for every project
// not funded, a [Reason] (no support, its supporters could not afford it, or
// another project was cheaper per unit of utility). It renders as text
// ([Explanation.WriteText]) and as JSON.
//
// [Analyze] measures an outcome through package metrics: the share of the
// budget spent, the share of voters with at least one funded project they
// supported, the mean utility per voter, the Gini coefficient of voter
// satisfaction, and, given a population profile ([WithPopulation]), how
// representative the voters were, published through
// [metrics.PublishRepresentativeness] with small cells suppressed. [CompareSVG]
// draws two rules' outcomes on the same election side by side.
//
// # Official outcomes and the validator
//
// Cities do not use the research rules. A Pabulib file names its city's rule
// in META rule and records what was funded in PROJECTS selected;
// [RuleFromMeta] returns that rule as an [OfficialRule]: greedy by the
// published tally (score, else votes; ties by row order), greedy-threshold,
// greedy-no-skip, greedy-exclusive, Poznań's greedy-custom with its 80 %
// step, and equalshares.net's Method of Equal Shares in whole units with add1
// completion and the comparison with greedy. Its [Result] holds the
// published tallies beside a recount from the ballots
// ([Result.Disagreements]), and [Explain] explains it as it explains the
// research rules.
//
// Real files have irregularities (a ballot naming a project twice, text
// after a closing quote, padded cells): the reader reads them as pabutools
// does and reports each as a [Warning] with its line; [Strict] refuses them.
// [Check] validates a file as Pabulib's checker does and reports its
// [Finding]s under the checker's categories ([Category]); a file is valid
// when none is an error.
//
// # Running a participatory budget
//
// A participatory budget is where residents' participation becomes a formal
// process, and this package runs it as one. [Budget] wraps an
// engagement.Process through its phases ([Calendar]): residents propose
// projects (a proposal may come from a participation initiative the budget
// takes up); the body reviews each for feasibility and must give the reason
// for every rejection; the feasible proposals become the projects of the
// vote; the outcome is computed by a rule of this package; each funded
// project becomes an engagement commitment with milestones, which the promise
// audit and the scorecards see. [Budget.Proposal] traces every funded project
// back to its proposal and its votes.
//
// Votes come in through a [Box]: one ballot at a time, with a channel
// (online, paper, booth) and a time, from a voter verified by a [Verifier] (a
// [Census] is the first: the voter's document number becomes a pseudonym with
// the organisation's secret, [Pseudonymizer], and eligibility is checked
// against what the census says, not what the voter says). [BallotRules] hold
// each ballot to the META limits of the election and the platform's form
// ([BallotForm]: minimum share of the budget spent, minimum and maximum
// projects, one district per ballot); each broken rule is its own sentinel in
// a [*BallotError]. One ballot counts per person across channels, under a
// stated [RevotePolicy]; every rejected or superseded ballot is kept with its
// reason, and paper sheets import in bulk with a result per row
// ([Box.ImportPaper]). [Box.Election] yields an [Election] that writes a valid
// .pb file.
//
// A [Box], a [Budget] and a [Census] round-trip through JSON. Their documents
// hold pseudonyms, never a document number, a birth date or the secret, so
// [DecodeBox], [DecodeBudget] and [DecodeCensus] take the verifier (and the
// initiatives taken up) or the secret back as arguments; they replay every
// ballot through the box's checks and hold the rest to what the methods
// would have recorded, so a decoded box or budget goes on where it stopped.
//
// # Concurrency
//
// Instances, profiles, elections, rules and results are immutable and safe
// for concurrent use. A [Box] and a [Budget] are not: guard each with a mutex.
package budgeting
