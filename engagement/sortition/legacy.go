package sortition

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
)

// legacyAttempts is how many times the legacy draw starts over after a
// dead end before it gives up.
const legacyAttempts = 1000

// LegacyDraw selects a panel with the legacy greedy stratified draw,
// seeded verifiably: the inputs document (without lottery lines, see the
// package doc) is hashed, the seed is SHA-256(inputs hash ‖ randomness),
// and the seed keys the ChaCha8 generator of math/rand/v2 that makes every
// random choice of [Legacy]. It returns the spec's errors, [ErrInvalid]
// for empty or non-UTF-8 randomness, [ErrPoolTooSmall], the
// [*InfeasibleError] of infeasible quotas, and [ErrLimit] when every
// attempt ended in a dead end.
func LegacyDraw(pool *Pool, spec Spec, randomness string) (Draw, error) {
	in, err := newInstance(pool, spec)
	if err != nil {
		return Draw{}, err
	}
	var b bytes.Buffer
	w := writeHead(&b, in, AlgorithmLegacy, 0)
	w.Flush()
	hash, s, err := seed(b.Bytes(), randomness)
	if err != nil {
		return Draw{}, err
	}
	panel, err := legacy(in, rand.New(rand.NewChaCha8(s)))
	if err != nil {
		return Draw{}, err
	}
	ids := make([]string, len(panel))
	for j, i := range panel {
		ids[j] = pool.respondents[i].ID
	}
	return Draw{Algorithm: AlgorithmLegacy, Randomness: randomness,
		InputsHash: hex.EncodeToString(hash[:]), Seed: hex.EncodeToString(s[:]), Panel: ids}, nil
}

// Legacy selects one panel with the greedy stratified draw that
// selection services used before the fair algorithms, with the random
// choices made by rng, and returns the members' pool positions, ascending.
//
// The procedure: while seats remain, for every quota whose minimum is not
// yet met, compute its urgency, the seats it still needs over the
// respondents still available in it; take the quota with the highest
// urgency (the first in the spec's order on a tie), or every available
// respondent when all minimums are met, and select one of its available
// respondents uniformly at random. A selected respondent's household
// leaves the pool, and so does every respondent of a value whose maximum
// is reached. A dead end (a needed quota with nobody available, or too few
// people for the seats) starts the draw over, up to 1,000 times.
//
// It returns the errors of [LegacyDraw] (other than the randomness's).
func Legacy(pool *Pool, spec Spec, rng *rand.Rand) ([]int, error) {
	in, err := newInstance(pool, spec)
	if err != nil {
		return nil, err
	}
	return legacy(in, rng)
}

// legacy runs the greedy draw on in.
func legacy(in *instance, rng *rand.Rand) ([]int, error) {
	if err := in.feasible(); err != nil {
		return nil, err
	}
	return legacyPanel(in, rng)
}

// legacyPanel makes up to legacyAttempts attempts.
func legacyPanel(in *instance, rng *rand.Rand) ([]int, error) {
	for range legacyAttempts {
		if panel, ok := legacyAttempt(in, rng); ok {
			return panel, nil
		}
	}
	return nil, fieldErr("legacy", fmt.Sprintf("%d attempts ended in a dead end", legacyAttempts), ErrLimit)
}

// legacyAttempt makes one attempt of the greedy draw.
func legacyAttempt(in *instance, rng *rand.Rand) ([]int, bool) {
	pool := in.pool
	n := len(pool.respondents)
	k := in.spec.PanelSize
	available := make([]bool, n)
	for i := range available {
		available[i] = true
	}
	count := make([][]int, len(in.quotas)) // selected per feature and category
	for f := range count {
		count[f] = make([]int, len(in.quotas[f]))
	}
	households := map[string][]int{}
	for i, r := range pool.respondents {
		if r.Household != "" {
			households[r.Household] = append(households[r.Household], i)
		}
	}
	var panel []int
	candidates := make([]int, 0, n)
	for len(panel) < k {
		// The most urgent quota.
		bestF, bestC := -1, -1
		var best big.Rat
		for _, q := range in.spec.Quotas {
			f := slices.Index(pool.features, q.Feature)
			c := slices.Index(in.cats[f], q.Value)
			need := q.Min - count[f][c]
			if need <= 0 {
				continue
			}
			avail := 0
			for i := range available {
				if available[i] && in.catOf[i][f] == c {
					avail++
				}
			}
			if avail == 0 {
				return nil, false
			}
			u := big.NewRat(int64(need), int64(avail))
			if bestF < 0 || u.Cmp(&best) > 0 {
				bestF, bestC = f, c
				best.Set(u)
			}
		}
		candidates = candidates[:0]
		for i := range available {
			if available[i] && (bestF < 0 || in.catOf[i][bestF] == bestC) {
				candidates = append(candidates, i)
			}
		}
		if len(candidates) == 0 {
			return nil, false
		}
		i := candidates[rng.IntN(len(candidates))]
		panel = append(panel, i)
		available[i] = false
		for _, j := range households[pool.respondents[i].Household] {
			available[j] = false
		}
		for f, c := range in.catOf[i] {
			count[f][c]++
			if count[f][c] >= in.quotas[f][c].Max {
				for j := range available {
					if in.catOf[j][f] == c {
						available[j] = false
					}
				}
			}
		}
	}
	for f, qs := range in.quotas {
		for c, q := range qs {
			if count[f][c] < q.Min {
				return nil, false
			}
		}
	}
	slices.Sort(panel)
	return panel, true
}

// EstimateLegacy estimates each respondent's probability of selection by
// the legacy draw from runs draws made with rng: the number of draws that
// selected them, over runs. Unlike the fair algorithms' probabilities,
// these are estimates (the legacy draw's exact probabilities are not
// computable in general); with r runs the standard error of a probability
// p is √(p(1−p)/r). It returns the errors of [Legacy] and
// [ErrOutOfRange] for runs < 1.
func EstimateLegacy(pool *Pool, spec Spec, runs int, rng *rand.Rand) ([]*big.Rat, error) {
	if runs < 1 {
		return nil, fieldErr("runs", fmt.Sprint(runs), ErrOutOfRange)
	}
	in, err := newInstance(pool, spec)
	if err != nil {
		return nil, err
	}
	if err := in.feasible(); err != nil {
		return nil, err
	}
	counts := make([]int64, len(pool.respondents))
	for range runs {
		panel, err := legacyPanel(in, rng)
		if err != nil {
			return nil, err
		}
		for _, i := range panel {
			counts[i]++
		}
	}
	out := make([]*big.Rat, len(counts))
	for i, c := range counts {
		out[i] = big.NewRat(c, int64(runs))
	}
	return out, nil
}
