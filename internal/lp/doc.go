// Package lp is the exact linear and integer programming behind
// engagement/sortition: a simplex method over rational numbers, a branch
// and bound over its relaxations, and a specialised exact search for the
// selection problem the sortition algorithms price panels with. It is not
// API: the types here change with the one package that uses them.
//
// # The simplex method
//
// A [Model] maximises c·x subject to rows Σ a_ij x_j (≤, =, ≥) b_i and
// bounds lo_j ≤ x_j ≤ hi_j (lo finite, hi finite or +∞). Constraint
// coefficients are integers (int64); objective coefficients, right-hand
// sides and bounds are rationals (math/big). Every row gets a logical
// column (a slack), so the logical columns form the first basis.
//
// The method is the revised simplex with bounded variables. The inverse of
// the basis B is kept exactly as an integer matrix and a positive integer
// d with B⁻¹ = adj/d, updated at each pivot by the fraction-free rule of
// Bareiss (1968): adj′_i = (U_r·adj_i − U_i·adj_r)/d, an exact integer
// division, where U = adj·a_q is the entering column and r the leaving row;
// the new d is |U_r|. Nothing is ever rounded, so the optimum, the primal
// values and the duals are exact.
//
// Phase 1 is the composite method: from any basis, it minimises the sum of
// the basic variables' infeasibilities, letting an infeasible variable go
// no further than the bound it violates. So a model can be changed between
// two solves (a column added, an objective or a bound changed) and solved
// again from the basis it had, which column generation and branch and
// bound rely on.
//
// The entering column is the one with the largest reduced cost (Dantzig's
// rule); after [degenerateLimit] pivots in a row that do not move the
// solution, the method switches to Bland's rule (smallest index entering,
// smallest index leaving among ties) until one does, which rules out
// cycling.
//
// # Guided by floating point
//
// An exact pivot costs m² operations on integers of hundreds of bits, so
// [Model.SolveGuided] lets a floating-point twin of the same simplex
// ([Model.SolveFloat], float64, tolerances 10⁻⁹ on bounds and 10⁻¹² on
// reduced costs, refactorised every 2,000 pivots, Dantzig's rule, or Devex
// weights on models of more than 200 rows, over the columns that were
// basic or added in the last few solves, and over every column before it
// declares an optimum) find the basis, then proves that
// basis optimal exactly without inverting it: the basic values (B·x_B =
// b − N·x_N) and the duals (yᵀ·B = c_B) are each solved exactly by
// iterative refinement (the floating-point inverse gives a correction, the
// residual is recomputed in integers and scaled up, until the solution is
// known to enough bits to read its rationals back by continued fractions),
// checked by multiplying B out exactly, and then every bound and every
// reduced cost's sign is checked exactly. Only when that proof fails does
// the exact simplex adopt the basis (one fraction-free Gauss–Jordan
// elimination of [B | I] gives adj and d) and run on from there, so a
// wrong guess costs time, never a wrong answer. Column generation prices
// with the floating-point duals ([Model.FloatDuals]) while they find
// something, and with the exact duals to prove that nothing is left.
//
// # Integer programs
//
// [Model.SolveInteger] runs a depth-first branch and bound over the
// relaxations, branching on the first integer variable with a fractional
// value, and re-solving each node from its parent's basis.
//
// # Selection
//
// [Selection] is the pricing problem of sortition in its own terms: units
// of kinds, each kind with a weight and a capacity, grouped into exclusive
// groups (a household sends at most so many), and categories with ranged
// quotas (every kind belongs to one category of each feature); pick k units
// maximising the total weight. [Selection.Improving] finds selections
// whose exact weight beats a threshold, or proves there is none, by a
// depth-first search over the kinds, heaviest first, bounded by the best
// completion that respects each feature's quotas alone (computed in 64-bit
// integers from the weights rounded up, and settled with the exact weights
// when the rounding cannot decide); when that search exhausts its budget,
// a branch and bound over the exact linear relaxation takes over.
// [Selection.Max] maximises 64-bit weights.
package lp
