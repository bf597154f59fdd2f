package sortition_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/civitas-go/civitas/engagement/sortition"
)

// feature is one feature of a generated pool: its values, their weights
// among the volunteers (skewed, as volunteer pools are: older, more
// educated, more concerned) and in the population the quotas follow.
type feature struct {
	name       string
	values     []string
	weights    []int // among volunteers
	population []int // in the population, percent
}

// benchFeatures are five features with realistic skews.
var benchFeatures = []feature{
	{"sex", []string{"female", "male"}, []int{55, 45}, []int{51, 49}},
	{"age", []string{"16-29", "30-44", "45-59", "60-74", "75+"}, []int{10, 18, 27, 32, 13}, []int{22, 25, 25, 18, 10}},
	{"area", []string{"centre", "north", "south", "rural"}, []int{40, 25, 20, 15}, []int{30, 25, 25, 20}},
	{"education", []string{"school", "vocational", "degree"}, []int{20, 32, 48}, []int{35, 35, 30}},
	{"attitude", []string{"concerned", "neutral", "sceptical"}, []int{60, 28, 12}, []int{40, 35, 25}},
}

// genPool returns a pool of n respondents over the first nf features,
// drawn with the PCG seeded by seed from the volunteers' skewed weights, a
// few sharing households, and quotas around the population's shares (±10%
// of k, at least ±1).
func genPool(seed uint64, n, nf, k int) (*sortition.Pool, sortition.Spec) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	feats := benchFeatures[:nf]
	names := make([]string, nf)
	for f, ft := range feats {
		names[f] = ft.name
	}
	pick := func(ft feature, bias int) int {
		total := 0
		for i, w := range ft.weights {
			if i == bias {
				w *= 2
			}
			total += w
		}
		x := rng.IntN(total)
		for i, w := range ft.weights {
			if i == bias {
				w *= 2
			}
			if x < w {
				return i
			}
			x -= w
		}
		return len(ft.weights) - 1
	}
	rs := make([]sortition.Respondent, n)
	for i := range rs {
		r := sortition.Respondent{ID: fmt.Sprintf("P%04d", i+1)}
		// Volunteers skew: degree holders and the concerned volunteer more;
		// education correlates with age.
		prev := -1
		for _, ft := range feats {
			bias := -1
			if ft.name == "education" && prev >= 3 {
				bias = 0
			}
			v := pick(ft, bias)
			if ft.name == "age" {
				prev = v
			}
			r.Values = append(r.Values, ft.values[v])
		}
		if i > 0 && rng.IntN(20) == 0 {
			// Lives with the previous respondent.
			if rs[i-1].Household == "" {
				rs[i-1].Household = fmt.Sprintf("H%04d", i)
			}
			r.Household = rs[i-1].Household
		}
		rs[i] = r
	}
	pool, err := sortition.NewPool(names, rs)
	if err != nil {
		panic(err)
	}
	spec := sortition.Spec{PanelSize: k}
	for _, ft := range feats {
		for i, v := range ft.values {
			share := k * ft.population[i] / 100
			slack := max(1, k/10)
			spec.Quotas = append(spec.Quotas, sortition.Quota{Feature: ft.name, Value: v, Min: max(0, share-slack), Max: share + slack})
		}
	}
	return pool, spec
}
