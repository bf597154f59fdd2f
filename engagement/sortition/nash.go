package sortition

import (
	"math"
	"math/big"

	"github.com/civitas-go/civitas/internal/lp"
)

// The Nash welfare search (see the package doc).
const (
	// nashTolerance is the relative duality gap at which the search stops:
	// max over panels of Σ_i [i in P]/p_i at most n·(1 + nashTolerance).
	nashTolerance = 1e-4
	// nashRounds caps the Frank–Wolfe rounds.
	nashRounds = 400
	// nashEMSteps is the number of multiplicative (EM) steps per round.
	nashEMSteps = 25
	// nashScale is the resolution of the final weights: each is a whole
	// multiple of 2⁻⁴⁰ before normalisation.
	nashScale = 1 << 40
	// nashShift is the precision, in bits, of the weights of the pricing.
	nashShift = 40
)

// nash maximises Σ_o s_o·log p_o over the classes some panel can include,
// by Frank–Wolfe steps (the pricing search finds the panel of steepest
// ascent) alternated with multiplicative steps over the panels found
// (the EM update λ_c ← λ_c·g_c/n, g_c = Σ_o x_oc/p_o, which never lowers
// the welfare). The iterations run in floating point; the final weights
// are rounded to exact rationals, and every probability reported, and the
// bound on the gap, are computed exactly from them.
func nash(in *instance) (*Distribution, error) {
	if err := in.feasible(); err != nil {
		return nil, err
	}
	picks, selectable, err := in.cover()
	if err != nil {
		return nil, err
	}
	nc := len(in.classes)
	size := make([]float64, nc)
	var n float64
	for o, c := range in.classes {
		size[o] = float64(len(c.members))
		if selectable[o] {
			n += size[o]
		}
	}
	lam := make([]float64, len(picks))
	for c := range lam {
		lam[c] = 1 / float64(len(picks))
	}
	seen := map[string]bool{}
	for _, p := range picks {
		seen[countsKey(p)] = true
	}
	p := make([]float64, nc)
	probs := func() {
		clear(p)
		for c, pk := range picks {
			for o, x := range pk {
				if x != 0 {
					p[o] += lam[c] * float64(x)
				}
			}
		}
		for o := range p {
			p[o] /= size[o]
		}
	}
	w := make([]*big.Int, nc)
	for range nashRounds {
		probs()
		for range nashEMSteps {
			for c, pk := range picks {
				g := 0.0
				for o, x := range pk {
					if x != 0 {
						g += float64(x) / p[o]
					}
				}
				lam[c] *= g / n
			}
			probs()
		}
		pmin := math.Inf(1)
		for o := range p {
			if selectable[o] && p[o] < pmin {
				pmin = p[o]
			}
		}
		// A panel P with Σ_{i∈P} 1/p_i > n(1 + tolerance) is an ascent
		// direction; none means the search stops. The weights are pmin/p_o
		// in units of 2⁻⁴⁰.
		for o := range w {
			w[o] = new(big.Int)
			if selectable[o] {
				w[o].SetInt64(int64(math.Round(math.Ldexp(pmin/p[o], nashShift))))
			}
		}
		target := big.NewInt(int64(math.Floor(math.Ldexp(n*(1+nashTolerance)*pmin, nashShift))))
		found, err := in.sel.Improving(w, target, columnsPerRound)
		if err != nil {
			return nil, limitErr(err)
		}
		if len(found) == 0 {
			break
		}
		best := found[0]
		for _, f := range found[1:] {
			if f.Value(w).Cmp(best.Value(w)) > 0 {
				best = f
			}
		}
		key := countsKey(best)
		if seen[key] {
			continue // the multiplicative steps have not converged yet
		}
		seen[key] = true
		// Frank–Wolfe step towards the new panel, γ by bisection on the
		// derivative of the (concave) welfare along the segment.
		q := make([]float64, nc)
		for o, x := range best {
			q[o] = float64(x) / size[o]
		}
		lo, hi := 0.0, 1.0
		for range 60 {
			mid := (lo + hi) / 2
			d := 0.0
			for o := range p {
				if selectable[o] {
					d += size[o] * (q[o] - p[o]) / ((1-mid)*p[o] + mid*q[o])
				}
			}
			if d > 0 {
				lo = mid
			} else {
				hi = mid
			}
		}
		for c := range lam {
			lam[c] *= 1 - lo
		}
		picks = append(picks, best)
		lam = append(lam, lo)
	}
	return nashExact(in, picks, lam, selectable)
}

// nashExact rounds the weights to exact rationals (whole multiples of
// 2⁻⁴⁰, normalised), computes the distribution and bounds its gap.
func nashExact(in *instance, picks []lp.Pick, lam []float64, selectable []bool) (*Distribution, error) {
	build := func(floor int64) []composition {
		var comps []composition
		var total big.Int
		ints := make([]int64, len(lam))
		for c, l := range lam {
			ints[c] = max(floor, int64(math.Round(l*nashScale)))
			total.Add(&total, big.NewInt(ints[c]))
		}
		for c, x := range ints {
			if x > 0 {
				comp := composition{counts: picks[c]}
				comp.weight.SetFrac(big.NewInt(x), &total)
				comps = append(comps, comp)
			}
		}
		return comps
	}
	d := newDistribution(in, AlgorithmNash, build(0))
	for o := range d.probs {
		if selectable[o] && d.probs[o].Sign() == 0 {
			d = newDistribution(in, AlgorithmNash, build(1))
			break
		}
	}
	// The gap: f* − f(p) ≤ max_P Σ_{i in P} 1/p_i − n, bounded above
	// exactly with weights rounded up.
	pmin := new(big.Rat)
	var n int64
	for o, ok := range selectable {
		if ok {
			n += int64(len(in.classes[o].members))
			if pmin.Sign() == 0 || d.probs[o].Cmp(pmin) < 0 {
				pmin.Set(&d.probs[o])
			}
		}
	}
	// Prove max_P Σ_{i∈P} 1/p_i ≤ B for B = n(1 + 2^j·tolerance), j = 1, 2,
	// …, with the weights pmin/p_o rounded up to units of 2⁻⁴⁰: no panel
	// beats ⌊B·pmin·2⁴⁰⌋ in those weights, so the gap is at most
	// ⌊B·pmin·2⁴⁰⌋/(2⁴⁰·pmin) − n.
	w := make([]*big.Int, len(d.probs))
	scale := new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), nashShift))
	var t big.Rat
	for o, ok := range selectable {
		w[o] = new(big.Int)
		if !ok {
			continue
		}
		t.Quo(pmin, &d.probs[o])
		t.Mul(&t, scale)
		q, r := new(big.Int).QuoRem(t.Num(), t.Denom(), new(big.Int))
		if r.Sign() != 0 {
			q.Add(q, big.NewInt(1))
		}
		w[o] = q
	}
	var gap *big.Rat
	for j := 1; gap == nil; j++ {
		b := big.NewRat(int64(1)<<min(j, 62), 1)
		b.Mul(b, new(big.Rat).SetFloat64(nashTolerance))
		b.Add(b, big.NewRat(1, 1))
		b.Mul(b, big.NewRat(n, 1))
		b.Mul(b, pmin)
		b.Mul(b, scale)
		limit := new(big.Int).Quo(b.Num(), b.Denom())
		found, err := in.sel.Improving(w, limit, 1)
		if err != nil {
			return nil, limitErr(err)
		}
		if len(found) == 0 {
			gap = new(big.Rat).SetInt(limit)
			gap.Quo(gap, scale)
			gap.Quo(gap, pmin)
			gap.Sub(gap, big.NewRat(n, 1))
		}
	}
	d.nashGap = gap
	return d, nil
}
