// Package civitas models how a public body and its community work together,
// and keeps apart two things practitioners too often blur: community
// engagement and community participation.
//
// # Engagement and participation
//
// Engagement is top-down. A public body (a city, a town, an agency) starts a
// formal process under rules it sets and must keep, and owes residents a
// two-way dialogue: information they can access, consultation, discussion
// with elected representatives, a say in the decision and a way to monitor
// what gets done. One-way outreach (informing, raising awareness) is its
// weakest form. The IAP2 Spectrum of Public Participation names the levels a
// body can promise: inform, consult, involve, collaborate, empower.
//
// Participation is bottom-up. Residents start it themselves, informally:
// petitions, proposals, volunteering, self-organised events. It needs no
// official rules, and it gathers support until the body must answer.
// Arnstein's ladder of citizen participation (1969) names how much power the
// community actually holds, from manipulation to citizen control.
//
// Both serve better public services and policies, and they meet: an
// initiative with enough support is taken up by the body and answered
// through a formal process, and a participatory budget is a formal process
// whose proposals and votes come from residents.
//
// # Where each idea lives
//
// The packages import in one direction only, each from those above it:
//
//	metrics               exact indicator math, the one definition of every figure:
//	                      rates, reach, turnout, funnels, percentiles, periods,
//	                      published representativeness, Gini, suppression,
//	                      scorecards, accumulators for millions of records
//	stakeholder           who is involved: stakeholders, pseudonymous profiles,
//	                      Mendelow's grid, Mitchell-Agle-Wood salience,
//	                      relationships and interactions
//	stakeholder/concerns  the community relations register: concerns and
//	                      complaints, their lifecycle, the issues they form
//	participation         bottom-up initiatives, supporters, thresholds, groups,
//	                      volunteering; Arnstein's ladder
//	engagement            top-down processes: authority, IAP2 level and promise,
//	                      rules, phases, activities, outreach, contributions,
//	                      responses, decisions, commitments, the promise audit
//	engagement/budgeting  participatory budgeting: Pabulib files, official and
//	                      research rules, the validator, ballots and the ballot
//	                      box, the budget run as an engagement process
//	engagement/sortition  selecting citizens' assemblies: quotas, fair
//	                      distributions, verifiable draws
//	engagement/scorecard  the process's and the six roles' scorecards
//
// The rules every package follows (one vocabulary of errors and enums, one
// home per concept, one definition per figure) are in internal/DESIGN.md.
//
// The programs under examples/ show each part; go run ./examples/tour tells
// the whole story on built-in data.
//
// # Rules that hold everywhere
//
// Counts are integers and every reported ratio, rate and amount is an exact
// [github.com/shopspring/decimal.Decimal] with a stated precision and
// rounding. Time and IDs come in as arguments: nothing reads the clock or a
// random source behind the caller's back. Every state change checks all its
// preconditions first and changes nothing when it fails, with an error that
// errors.Is can match. Every aggregate round-trips through encoding/json.
// Personal data is pseudonymous, and published breakdowns suppress small cells.
package civitas
