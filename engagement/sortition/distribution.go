package sortition

import (
	"math/big"
	"slices"
)

// Distribution is a probability distribution over the feasible panels of
// a pool under a [Spec], computed by [Fair], with every respondent's exact
// probability of selection.
//
// It is held over compositions: a composition says how many seats each
// class of interchangeable respondents fills (a class is the respondents
// with the same value of every feature, in households of the same
// make-up), and stands for every panel with those counts, each equally
// likely. So members of one class always have the same probability, which
// the fair algorithms give them anyway (their optimum is unique up to such
// exchanges, and symmetric), and the programs are solved over classes
// rather than people. [Distribution.Round] turns it into a uniform lottery
// over concrete panels.
//
// A Distribution is immutable and safe for concurrent use.
type Distribution struct {
	in        *instance
	algorithm Algorithm
	comps     []composition
	probs     []big.Rat // per class
	nashGap   *big.Rat
}

// newDistribution computes the classes' probabilities of comps.
func newDistribution(in *instance, alg Algorithm, comps []composition) *Distribution {
	d := &Distribution{in: in, algorithm: alg, comps: comps, probs: make([]big.Rat, len(in.classes))}
	var t big.Rat
	for _, c := range comps {
		for o, x := range c.counts {
			if x == 0 {
				continue
			}
			t.SetInt64(int64(x))
			t.Mul(&t, &c.weight)
			d.probs[o].Add(&d.probs[o], &t)
		}
	}
	for o := range d.probs {
		d.probs[o].Quo(&d.probs[o], t.SetInt64(int64(len(in.classes[o].members))))
	}
	return d
}

// Fair computes the distribution over the panels of pool that meet spec
// chosen by algorithm: [AlgorithmLeximin], [AlgorithmMaximin] or
// [AlgorithmNash] (see the package doc for each). It returns the spec's
// errors (see [Spec.Validate]), [ErrInvalid] for another algorithm,
// [ErrPoolTooSmall] when the pool has fewer households than seats, an
// [*InfeasibleError] (wrapping [ErrInfeasible]) with the smallest
// relaxation when no panel meets the quotas, and [ErrLimit] when a search
// exceeds its limit.
func Fair(pool *Pool, spec Spec, algorithm Algorithm) (*Distribution, error) {
	in, err := newInstance(pool, spec)
	if err != nil {
		return nil, err
	}
	switch algorithm {
	case AlgorithmLeximin, AlgorithmMaximin:
		mr, err := newMaster(in)
		if err != nil {
			return nil, err
		}
		if err := mr.run(algorithm == AlgorithmLeximin); err != nil {
			return nil, err
		}
		return newDistribution(in, algorithm, mr.compositions()), nil
	case AlgorithmNash:
		return nash(in)
	}
	return nil, fieldErr("algorithm", algorithm.String(), ErrInvalid)
}

// Algorithm returns the algorithm that computed the distribution.
func (d *Distribution) Algorithm() Algorithm { return d.algorithm }

// Pool returns the pool.
func (d *Distribution) Pool() *Pool { return d.in.pool }

// Spec returns the spec, with its quotas copied.
func (d *Distribution) Spec() Spec {
	s := d.in.spec
	s.Quotas = slices.Clone(s.Quotas)
	return s
}

// Probability returns respondent i's exact probability of selection.
func (d *Distribution) Probability(i int) *big.Rat {
	return new(big.Rat).Set(&d.probs[d.in.classOf[i]])
}

// Probabilities returns every respondent's probability, in pool order.
// They sum to the panel size.
func (d *Distribution) Probabilities() []*big.Rat {
	out := make([]*big.Rat, len(d.in.classOf))
	for i := range out {
		out[i] = d.Probability(i)
	}
	return out
}

// Min returns the least probability of any respondent.
func (d *Distribution) Min() *big.Rat { return minProb(d.probs) }

// Shortfall returns k/n − [Distribution.Min]: how far the least
// probability falls below the probability every respondent would have if
// all were equal (k seats, n respondents).
func (d *Distribution) Shortfall() *big.Rat {
	return shortfall(d.in, d.Min())
}

// Support returns the number of compositions with a positive probability
// (see [Distribution]).
func (d *Distribution) Support() int { return len(d.comps) }

// NashGap returns, for [AlgorithmNash], an upper bound on how far the
// distribution's Nash welfare (Σ log p_i over the respondents who can be
// selected at all) falls below the optimum, and true; for the other
// algorithms nil and false. See the package doc.
func (d *Distribution) NashGap() (*big.Rat, bool) {
	if d.nashGap == nil {
		return nil, false
	}
	return new(big.Rat).Set(d.nashGap), true
}

// minProb returns the least of probs (0 with none).
func minProb(probs []big.Rat) *big.Rat {
	m := new(big.Rat)
	for o := range probs {
		if o == 0 || probs[o].Cmp(m) < 0 {
			m.Set(&probs[o])
		}
	}
	return m
}

// shortfall returns k/n − least.
func shortfall(in *instance, least *big.Rat) *big.Rat {
	if len(in.pool.respondents) == 0 {
		return new(big.Rat)
	}
	s := big.NewRat(int64(in.spec.PanelSize), int64(len(in.pool.respondents)))
	return s.Sub(s, least)
}
