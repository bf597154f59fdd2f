package sortition

import (
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strconv"

	"github.com/civitas-go/civitas/internal/errs"
	"github.com/civitas-go/civitas/internal/lp"
)

// The JSON forms of [Distribution] and [Lottery] carry everything they
// were computed from (the features, the respondents, the panel size and
// the quotas), so that a decoded value stands alone; every rational is a
// string "p/q" (or "p"), exact.

// respondentJSON is a respondent on the wire.
type respondentJSON struct {
	ID        string   `json:"id"`
	Household string   `json:"household,omitempty"`
	Values    []string `json:"values"`
}

// quotaJSON is a quota on the wire.
type quotaJSON struct {
	Feature string `json:"feature"`
	Value   string `json:"value"`
	Min     int    `json:"min"`
	Max     int    `json:"max"`
}

// compositionJSON is a composition on the wire: the seats of each class
// (classes in the order of their first member in the pool) and its
// probability.
type compositionJSON struct {
	Counts []int  `json:"counts"`
	Weight string `json:"weight"`
}

// distributionJSON is a distribution on the wire.
type distributionJSON struct {
	Algorithm    Algorithm         `json:"algorithm"`
	Features     []string          `json:"features"`
	Respondents  []respondentJSON  `json:"respondents"`
	PanelSize    int               `json:"panel_size"`
	Quotas       []quotaJSON       `json:"quotas"`
	Compositions []compositionJSON `json:"compositions"`
	NashGap      string            `json:"nash_gap,omitempty"`
}

// lotteryJSON is a lottery on the wire: its distribution and its panels,
// each the IDs of its members in pool order.
type lotteryJSON struct {
	Distribution *Distribution `json:"distribution"`
	Panels       [][]string    `json:"panels"`
}

// MarshalJSON encodes the distribution with its pool and spec.
func (d *Distribution) MarshalJSON() ([]byte, error) {
	in := d.in
	w := distributionJSON{Algorithm: d.algorithm, Features: in.pool.features, PanelSize: in.spec.PanelSize, Quotas: make([]quotaJSON, len(in.spec.Quotas))}
	for q, quota := range in.spec.Quotas {
		w.Quotas[q] = quotaJSON(quota)
	}
	w.Respondents = make([]respondentJSON, len(in.pool.respondents))
	for i, r := range in.pool.respondents {
		w.Respondents[i] = respondentJSON(r)
	}
	w.Compositions = make([]compositionJSON, len(d.comps))
	for c, comp := range d.comps {
		w.Compositions[c] = compositionJSON{Counts: comp.counts, Weight: comp.weight.RatString()}
	}
	if d.nashGap != nil {
		w.NashGap = d.nashGap.RatString()
	}
	return json.Marshal(w)
}

// UnmarshalJSON decodes a distribution and re-checks it: a valid pool and
// spec, a declared algorithm other than legacy, one count per class for
// each composition, each a panel that meets the quotas and the household
// rule, positive weights that sum to 1 ([ErrInconsistent] when they do
// not), no composition twice ([ErrDuplicate]), and a Nash gap, non-negative,
// for Nash only. It cannot re-check optimality. Malformed JSON is
// [ErrInvalid]; on error d is unchanged.
func (d *Distribution) UnmarshalJSON(b []byte) error {
	var w distributionJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return errs.Decode(err, ErrInvalid)
	}
	got, err := w.distribution()
	if err != nil {
		return errs.Decode(err, ErrInvalid)
	}
	*d = *got
	return nil
}

// distribution builds and checks the decoded distribution.
func (w *distributionJSON) distribution() (*Distribution, error) {
	if w.Algorithm == AlgorithmLegacy || !w.Algorithm.IsValid() {
		return nil, fieldErr("algorithm", w.Algorithm.String(), ErrInvalid)
	}
	rs := make([]Respondent, len(w.Respondents))
	for i, r := range w.Respondents {
		rs[i] = Respondent(r)
	}
	pool, err := NewPool(w.Features, rs)
	if err != nil {
		return nil, err
	}
	spec := Spec{PanelSize: w.PanelSize, Quotas: make([]Quota, len(w.Quotas))}
	for q, quota := range w.Quotas {
		spec.Quotas[q] = Quota(quota)
	}
	in, err := newInstance(pool, spec)
	if err != nil {
		return nil, err
	}
	comps := make([]composition, len(w.Compositions))
	seen := map[string]bool{}
	total := new(big.Rat)
	for c, cj := range w.Compositions {
		field := fmt.Sprintf("compositions[%d]", c)
		if len(cj.Counts) != len(in.classes) {
			return nil, fieldErr(field+".counts", fmt.Sprintf("%d counts for %d classes", len(cj.Counts), len(in.classes)), ErrInvalid)
		}
		pick := lp.Pick(slices.Clone(cj.Counts))
		if !in.sel.Feasible(pick) {
			return nil, fieldErr(field+".counts", fmt.Sprint(cj.Counts), ErrInconsistent)
		}
		key := countsKey(pick)
		if seen[key] {
			return nil, fieldErr(field+".counts", fmt.Sprint(cj.Counts), ErrDuplicate)
		}
		seen[key] = true
		weight, err := parseRat(field+".weight", cj.Weight)
		if err != nil {
			return nil, err
		}
		if weight.Sign() <= 0 {
			return nil, fieldErr(field+".weight", cj.Weight, ErrOutOfRange)
		}
		comps[c] = composition{counts: pick}
		comps[c].weight.Set(weight)
		total.Add(total, weight)
	}
	if total.Cmp(big.NewRat(1, 1)) != 0 {
		return nil, fieldErr("compositions", "weights sum to "+total.RatString(), ErrInconsistent)
	}
	d := newDistribution(in, w.Algorithm, comps)
	if w.NashGap != "" {
		if w.Algorithm != AlgorithmNash {
			return nil, fieldErr("nash_gap", w.NashGap, ErrInconsistent)
		}
		gap, err := parseRat("nash_gap", w.NashGap)
		if err != nil {
			return nil, err
		}
		if gap.Sign() < 0 {
			return nil, fieldErr("nash_gap", w.NashGap, ErrOutOfRange)
		}
		d.nashGap = gap
	} else if w.Algorithm == AlgorithmNash {
		return nil, fieldErr("nash_gap", "", ErrInconsistent)
	}
	return d, nil
}

// parseRat parses an exact rational "p/q" or "p".
func parseRat(field, s string) (*big.Rat, error) {
	r, ok := new(big.Rat).SetString(s)
	if !ok || s != r.RatString() && s != r.String() {
		return nil, fieldErr(field, s, ErrInvalid)
	}
	return r, nil
}

// MarshalJSON encodes the lottery with its distribution.
func (l *Lottery) MarshalJSON() ([]byte, error) {
	w := lotteryJSON{Distribution: l.d, Panels: make([][]string, len(l.panels))}
	for t := range l.panels {
		w.Panels[t] = l.Panel(t)
	}
	return json.Marshal(w)
}

// UnmarshalJSON decodes a lottery and re-checks it: its distribution (see
// [Distribution.UnmarshalJSON]), at least one panel, and panels that are
// exactly the rounding of the distribution to that many panels
// ([Distribution.Round] is deterministic), else [ErrInconsistent].
// Malformed JSON is [ErrInvalid]; on error l is unchanged.
func (l *Lottery) UnmarshalJSON(b []byte) error {
	var w lotteryJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return errs.Decode(err, ErrInvalid)
	}
	if w.Distribution == nil {
		return fieldErr("distribution", "null", ErrInvalid)
	}
	got, err := w.Distribution.Round(len(w.Panels))
	if err != nil {
		return err
	}
	for t := range got.panels {
		if !slices.Equal(got.Panel(t), w.Panels[t]) {
			return fieldErr("panels["+strconv.Itoa(t)+"]", fmt.Sprint(w.Panels[t]), ErrInconsistent)
		}
	}
	*l = *got
	return nil
}
