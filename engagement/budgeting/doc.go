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
// META holds key;value rows; budget and vote_type (approval, choose-1,
// cumulative, scoring, ordinal) are required, and min_length, max_length,
// min_sum_points, max_sum_points, min_points and max_points bound the
// ballots. PROJECTS has a header row and one row per project; the first
// column is the project ID, cost is required, and name, category (or
// categories) and target (or targets) are interpreted. VOTES has a header
// row and one row per voter; the first column is the voter ID, vote lists
// project IDs (most preferred first for ordinal ballots), and points gives
// the points of cumulative and scoring ballots.
//
// Cells are separated by ";" and may be quoted as in CSV ("a;b", "" for a
// quote inside); spaces around cells are trimmed; lists inside a cell are
// separated by ","; an unquoted cell "none" (in any case) or an empty cell
// means no value. Files may start with a byte-order mark and end lines with
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
// Reading is fast: project IDs are interned to indexes, ballots are int32
// slices carved from one backing array, and voter IDs and attributes are
// references into the file's text rather than strings of their own, so
// reading the 90,494 ballots of Łódź 2022 (3.7 MB) takes a few tens of
// milliseconds.
//
// # Rules
//
// A [Rule] is a [Method] with options; [RuleByName] knows the names of
// Faliszewski et al. (2023) and the Pabulib reference outcomes. With n
// voters (empty ballots included), budget B and project costs c(p), a
// voter's utility for a funded project is, in the cost family
// ([UtilityCost]), its cost for an approval ballot, the points given for a
// cumulative or scoring ballot, and its Borda score (ballot length −
// position − 1, positions from 0) for an ordinal ballot; in the
// cardinality family ([UtilityCardinality]) it is 1 for every project the
// ballot lists. U(p) is the sum over voters. Ties are broken by project ID
// as a string in byte order ("10" < "9"), as pabutools does, unless the rule
// is built [WithTieBreak] (row order, project ID, lower cost, more
// supporters); [Rule.TiedOutcomes] gives every outcome a rule's ties allow.
//
//   - greedy_cost, greedy_card ([MethodGreedy]): order projects by U(p)/c(p),
//     highest first (U(p) > 0 with c(p) = 0 first of all; U(p) = 0 counts as
//     0), and fund each project that fits in what remains of B. With approval
//     ballots and the cost family this is "most votes first".
//   - mes_cost, mes_card ([MethodEqualShares]): every voter starts with B/n.
//     Projects with U(p) > 0 and c(p) = 0 are funded at once. Each round,
//     for each project p whose supporters still hold c(p) between them,
//     find the smallest ρ with Σ_i min(b_i, ρ·u_i(p)) = c(p); fund the
//     project with the smallest ρ, each supporter paying min(b_i, ρ·u_i(p)).
//     The method may leave money unspent, hence its completions:
//   - mes_cost_greedy ([WithGreedyCompletion]): then greedy funds what still
//     fits.
//   - mes_cost_add1 ([CompletionAdd1]): rerun with each voter's budget raised by one
//     currency unit at a time until the outcome is exhaustive among the
//     candidates, or return the last outcome before one that overspends B.
//   - mes_cost_exh1pct ([CompletionExh1pct]): rerun with B raised by 1 % at a time
//     until the outcome is exhaustive over all projects, likewise.
//   - phragmen ([MethodPhragmen]), approval ballots only: voters' loads start at
//     0; each round the project minimizing (Σ loads of its approvers +
//     c(p)) / approvers is funded and its approvers' loads set to that
//     value, until a project tied for the minimum does not fit.
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
// representative the voters were, with small cells suppressed. [CompareSVG]
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
// # Concurrency
//
// Instances, profiles, elections, rules and results are immutable and safe
// for concurrent use.
package budgeting
