package budgeting

import (
	"context"
	"math/big"
	"slices"
)

// prepared is an election turned into the integers the rules compute with:
// costs and budget scaled by 10^places, voters merged into weighted groups,
// and each project's supporters with their utilities.
//
// Utilities are kept normalized: project p's supporters have utilities
// scale[p]·uNorm with uNorm small integers (1 for approval ballots), so that
// sums of utilities stay in 63 bits; ρ for p is then q/scale[p], where q is
// the price per unit of normalized utility.
type prepared struct {
	stop    stopper // the context of the run, checked in the inner loops
	e       *Election
	places  int32   // amounts are scaled by 10^places
	budget  int64   // B, scaled
	cost    []int64 // c(p), scaled
	rank    []int32 // position of each project when sorted by ID in byte order
	byRank  []int32 // projects sorted by ID in byte order
	groups  *voterGroups
	voters  int64 // n, empty ballots included
	utility Utility
	ties    *tieLog // where ties broken by rank are recorded; nil: nowhere

	// Supporters in CSR form: project p's supporters are
	// supG[supOff[p]:supOff[p+1]], groups with u_i(p) > 0.
	supOff  []int32
	supG    []int32
	supU    []int64 // normalized utility of each supporter entry; nil when all are 1
	scale   []int64 // scale[p]: u_i(p) = scale[p]·supU
	uniform []bool  // every supporter of p has normalized utility 1
	weightU []int64 // Σ weight·uNorm over p's supporters
}

// stopEvery is how many iterations of an inner loop pass between two looks
// at the context: at most a few dozen exact comparisons, well under a
// millisecond on the largest Pabulib files.
const stopEvery = 32

// stopper lets the inner loops of a long computation (a rule's rounds, a
// completion's reruns, an explanation's replay) honour a context at a
// bounded cost: done looks at the context every [stopEvery] calls and,
// once it is done, reports true from then on. The zero value never stops.
type stopper struct {
	ctx context.Context
	n   uint32
	err error // the context's error, once seen
}

// done reports whether the computation should stop.
func (s *stopper) done() bool {
	if s.err != nil {
		return true
	}
	if s.ctx == nil {
		return false
	}
	if s.n++; s.n%stopEvery != 0 {
		return false
	}
	s.err = s.ctx.Err()
	return s.err != nil
}

// maxUtility bounds normalized utilities so that weight·utility sums fit in
// 63 bits for up to 2^31 voters.
const maxUtility = 1<<31 - 1

// prepare scales amounts and computes utilities for u (0 for Phragmén,
// which counts approvals); with csr it also lists each project's
// supporters, which the sequential rules need and greedy does not.
func prepare(e *Election, u Utility, csr bool) (*prepared, error) {
	in, pr := e.inst, e.prof
	pe := &prepared{e: e, utility: u, voters: int64(pr.Len())}
	a, _, err := scaleAmounts(in.budget, in.projects)
	if err != nil {
		return nil, err
	}
	pe.places, pe.budget, pe.cost = a.places, a.budget, a.cost
	pe.byRank = make([]int32, len(in.projects))
	for i := range pe.byRank {
		pe.byRank[i] = int32(i)
	}
	slices.SortFunc(pe.byRank, func(a, b int32) int {
		return compareIDs(in.projects[a].ID, in.projects[b].ID)
	})
	pe.rank = make([]int32, len(in.projects))
	for r, p := range pe.byRank {
		pe.rank[p] = int32(r)
	}
	pe.groups = pr.voterGroups()
	if in.voteType.approvalLike() {
		pe.approvalSupporters(csr)
		return pe, nil
	}
	if err := pe.buildSupporters(); err != nil {
		return nil, err
	}
	return pe, nil
}

// compareIDs orders project IDs as strings in byte order ("10" < "9").
func compareIDs(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// utilityOf returns u_i(p) for the k-th entry of a group's point or
// ordinal ballot: see [UtilityCost] and [UtilityCardinality].
func (pe *prepared) utilityOf(k, length int, points []int64) int64 {
	switch {
	case pe.utility != UtilityCost:
		return 1
	case points != nil:
		return points[k]
	}
	return int64(length - k - 1) // Borda
}

// approvalSupporters sets the utilities of approval ballots, where every
// supporter of p has the same utility: c(p) in the cost family (so a
// project costing 0 has no supporters), 1 otherwise. With csr it lists the
// supporters too.
func (pe *prepared) approvalSupporters(csr bool) {
	g := pe.groups
	nP := len(pe.cost)
	counts := make([]int32, nP+1)
	pe.weightU = make([]int64, nP)
	for i := 0; i < g.len(); i++ {
		w := g.weight[i]
		for _, p := range g.items[g.offsets[i]:g.offsets[i+1]] {
			counts[p+1]++
			pe.weightU[p] += w
		}
	}
	pe.scale = make([]int64, nP)
	pe.uniform = make([]bool, nP)
	for p := range pe.scale {
		pe.scale[p], pe.uniform[p] = 1, true
		if pe.utility == UtilityCost {
			pe.scale[p] = max(pe.cost[p], 1)
			if pe.cost[p] == 0 {
				pe.weightU[p], counts[p+1] = 0, 0
			}
		}
	}
	if !csr {
		return
	}
	pe.supOff = make([]int32, nP+1)
	for p := 0; p < nP; p++ {
		pe.supOff[p+1] = pe.supOff[p] + counts[p+1]
	}
	pe.supG = make([]int32, pe.supOff[nP])
	fill := slices.Clone(pe.supOff[:nP])
	for i := 0; i < g.len(); i++ {
		for _, p := range g.items[g.offsets[i]:g.offsets[i+1]] {
			if counts[p+1] > 0 {
				pe.supG[fill[p]] = int32(i)
				fill[p]++
			}
		}
	}
}

// buildSupporters fills the CSR arrays and normalizes utilities for point
// and ordinal ballots.
func (pe *prepared) buildSupporters() error {
	g := pe.groups
	nP := len(pe.cost)
	counts := make([]int32, nP+1)
	for i := 0; i < g.len(); i++ {
		its, pts := g.ballot(i)
		for k, p := range its {
			if pe.utilityOf(k, len(its), pts) > 0 {
				counts[p+1]++
			}
		}
	}
	pe.supOff = make([]int32, nP+1)
	for p := 0; p < nP; p++ {
		pe.supOff[p+1] = pe.supOff[p] + counts[p+1]
	}
	n := pe.supOff[nP]
	pe.supG = make([]int32, n)
	raw := make([]int64, n)
	fill := slices.Clone(pe.supOff[:nP])
	for i := 0; i < g.len(); i++ {
		its, pts := g.ballot(i)
		for k, p := range its {
			if u := pe.utilityOf(k, len(its), pts); u > 0 {
				pe.supG[fill[p]] = int32(i)
				raw[fill[p]] = u
				fill[p]++
			}
		}
	}
	pe.scale = make([]int64, nP)
	pe.uniform = make([]bool, nP)
	pe.weightU = make([]int64, nP)
	allOne := true
	for p := 0; p < nP; p++ {
		lo, hi := pe.supOff[p], pe.supOff[p+1]
		var s int64
		for _, u := range raw[lo:hi] {
			s = gcd(s, u)
		}
		if s == 0 {
			s = 1
		}
		pe.scale[p] = s
		uniform := true
		var w int64
		for k := lo; k < hi; k++ {
			raw[k] /= s
			if raw[k] > maxUtility {
				return errorf(ErrOverflow, "utility %d", raw[k])
			}
			uniform = uniform && raw[k] == 1
			w += pe.groups.weight[pe.supG[k]] * raw[k]
		}
		pe.uniform[p] = uniform
		pe.weightU[p] = w
		allOne = allOne && uniform
	}
	if !allOne {
		pe.supU = raw
	}
	return nil
}

// gcd returns the greatest common divisor of a ≥ 0 and b ≥ 0.
func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// uNorm returns the normalized utility of supporter entry k.
func (pe *prepared) uNorm(k int32) int64 {
	if pe.supU == nil {
		return 1
	}
	return pe.supU[k]
}

// totalUtility returns U(p) = Σ_i u_i(p) exactly.
func (pe *prepared) totalUtility(p int) *big.Int {
	u := big.NewInt(pe.weightU[p])
	return u.Mul(u, big.NewInt(pe.scale[p]))
}

// spent returns the scaled cost of a selection.
func (pe *prepared) spent(sel []int) int64 {
	var s int64
	for _, p := range sel {
		s += pe.cost[p]
	}
	return s
}

// currency converts a scaled amount, given as an exact rational, to
// currency units.
func (pe *prepared) currency(x *big.Rat) *big.Rat {
	return ratOfScaled(new(big.Rat).Set(x), pe.places)
}
