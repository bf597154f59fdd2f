// Package sortition selects citizens' assemblies and panels by stratified
// sortition: from a pool of volunteers, a panel of k people that meets
// quotas on several features at once (age band, sex, area, education,
// attitude…), drawn so that every volunteer's chance of selection is as
// equal as the quotas allow, by a draw anyone can check. The panel then
// fills a citizens' assembly activity of an engagement process
// ([Register]), and its representativeness is published through metrics
// ([Representativeness]).
//
// # Inputs
//
// A [Pool] holds the respondents: a pseudonymous ID, a household (or
// address) key, and one value per feature. A [Spec] gives the panel size k
// and the [Quota] of each feature value, Min ≤ count ≤ Max. At most one
// person per household is ever selected. [ReadPool] and [ReadQuotas] read
// both from CSV.
//
// # Algorithms
//
// [Fair] computes a probability distribution over the panels that meet the
// quotas, with every respondent's exact probability (a math/big.Rat):
//
//   - [AlgorithmLeximin] (Flanigan, Gölz, Gupta, Hennig, Procaccia, "Fair
//     algorithms for selecting citizens' assemblies", Nature 596, 2021):
//     maximise the least probability, then, holding it, the second least,
//     and so on. The distribution used by the Sortition Foundation.
//   - [AlgorithmMaximin]: maximise the least probability only (an optimum
//     of the first stage of leximin).
//   - [AlgorithmNash]: maximise the product of the probabilities (Nash
//     welfare), to a stated tolerance.
//
// [Legacy] is the greedy stratified draw used before (it fills the most
// urgent quota first); its probabilities can only be estimated
// ([EstimateLegacy]). It is there for comparison.
//
// Leximin and maximin are solved by column generation, exactly. The
// respondents fall into classes of interchangeable people (same value of
// every feature, households of the same make-up); exchanging two members
// of a class maps feasible panels to feasible panels, so the leximin
// optimum, which is unique, gives them the same probability, and the
// programs are written over classes: a composition says how many seats
// each class fills. The linear program of a stage maximises the level d_t
// by which the open classes' probability rises, over the compositions
// found so far, with the levels of the earlier stages fixed. Its duals
// price a new composition: the search of internal/lp finds compositions
// of larger dual value than the program's, meeting the quotas and the
// household rule, or proves there is none. A floating-point simplex leads
// the column generation (it solves and prices, one composition a round,
// until it finds nothing); then internal/lp proves its basis optimal in
// rational arithmetic, nothing rounded (the basic values and the duals
// solved exactly by iterative refinement, every bound and reduced cost
// checked exactly; where that proof fails, the exact simplex adopts the
// basis and solves on), and prices with the exact duals, and the stage
// ends only when the exact pricing proves that no composition improves. The classes whose row has a non-zero dual
// are then fixed at the stage's level (complementary slackness holds them
// there in every optimum) and the next stage starts from the same basis,
// until every class is fixed. Classes that no feasible panel can include
// get probability 0 and take no part in the maximisation.
//
// Nash welfare is not linear. [Fair] maximises Σ_i log p_i by Frank–Wolfe
// steps, each adding the panel the pricing search finds for the weights
// 1/p_i, alternated with multiplicative (EM) steps over the panels found,
// in floating point, until the search proves max_P Σ_{i∈P} 1/p_i ≤
// n·(1 + 10⁻⁴) (in weights rounded to 2⁻⁴⁰) or 400 rounds have run. The
// final weights are then rounded to exact rationals, and every probability
// is the exact probability of that final distribution. Since the welfare
// is concave, its distance to the optimum is at most
// max_P Σ_{i∈P} 1/p_i − n; [Distribution.NashGap] reports an exact upper
// bound on it: the search proves, with the weights rounded up, that no
// panel exceeds n·(1 + 2^j·10⁻⁴) for the least j = 1, 2, … it can.
//
// # From distribution to lottery
//
// [Distribution.Round] rounds a distribution to a uniform lottery over m
// panels ([DefaultLotterySize] = 1,000, as in Flanigan et al., "Fair
// sortition made transparent", NeurIPS 2021), reporting each person's
// probability under the lottery (panels that include them, over m) and the
// largest deviation from the distribution.
//
// What the rounding guarantees, and what it does not: each composition c
// of weight λ_c gets ⌊m·λ_c⌋ or ⌈m·λ_c⌉ panels (largest remainders first,
// then a local search that only moves a panel from a composition rounded
// up to one rounded down, while the squared deviation of the classes'
// expected seats falls), so the lottery is as close to the distribution as
// whole tickets allow composition by composition. It gives no worst-case
// bound on a person's deviation: the roundings of many compositions that
// include the same person can add up. The dependent (pipage) rounding and
// the integer program of the NeurIPS paper bound or minimise that
// deviation; this package does neither, and reports the deviation it
// reached exactly instead ([Lottery.MaxDeviation]), so that it can be
// published beside the lottery.
//
// # The verifiable draw
//
// [Lottery.Draw] picks one panel of the lottery with public randomness
// named in advance: a text such as the winning numbers of a published
// national lottery draw, fixed before they are known. Anyone with the same
// inputs can redo it:
//
//  1. Compute the lottery from the pool, the quotas, k, the algorithm and
//     m (every step above is deterministic), and write the inputs
//     document ([Lottery.Inputs]): UTF-8 text, each line ending in "\n",
//     the first line "civitas sortition v1", every other line one record
//     of RFC 4180 CSV (comma-separated, a field quoted only when it holds a
//     comma, a quote or a line break), in this order:
//     "algorithm,NAME" (leximin, maximin, nash or legacy);
//     "panel_size,K"; "lottery_size,M"; "features,F1,F2,…";
//     one "quota,FEATURE,VALUE,MIN,MAX" per quota, in the order given;
//     one "respondent,ID,HOUSEHOLD,V1,V2,…" per respondent, in pool order;
//     one "panel,T,ID1,ID2,…" per panel of the lottery, T from 1 to M,
//     the IDs in pool order.
//  2. The inputs hash is the SHA-256 of those bytes.
//  3. The seed is the SHA-256 of the 32 bytes of the inputs hash followed
//     by the bytes of the public randomness, exactly as published (UTF-8,
//     no trimming, no line ending added).
//  4. Read the seed as an unsigned big-endian integer N (256 bits). The
//     ticket is (N mod M) + 1, and the panel is the ticket's "panel" line.
//     (The modulo leaves a bias below M/2²⁵⁶, nothing in practice.)
//
// The [Draw] record holds the randomness, the inputs hash, the seed, the
// ticket and the panel. [LegacyDraw] hashes the same document without the
// "lottery_size" and "panel" lines, and uses the seed as the 32-byte key of
// math/rand/v2's ChaCha8 generator, which makes every random choice of
// the legacy draw, in the order [Legacy] describes.
//
// # Infeasible quotas
//
// When no panel meets the quotas, [Fair] and the draws return an
// [*InfeasibleError] (it wraps [ErrInfeasible]) carrying the smallest
// relaxation: which quotas move, and by how much, minimising the total
// number of seats moved, found by an exact integer program. A pool with
// fewer households than seats is [ErrPoolTooSmall], which no relaxation
// fixes.
package sortition
