package sortition

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/civitas-go/civitas/internal/lp"
)

// Respondent is one volunteer of the pool: a pseudonymous ID, the
// household (or address) key that excludes two people living together,
// and one value per feature of the pool. It is plain data; [NewPool]
// checks it.
type Respondent struct {
	// ID is the respondent's pseudonymous ID, such as "P0042": not
	// empty, no surrounding space, unique in the pool.
	ID string
	// Household is the household or address key; respondents with the
	// same key are never selected together. "" means a household of
	// one.
	Household string
	// Values holds the respondent's value of each feature, in the pool's
	// order of features: not empty, no surrounding space.
	Values []string
}

// Pool is the set of respondents a panel is drawn from, with the names of
// the features they are described by (such as "sex", "age", "area"). It is
// immutable and safe for concurrent use; build one with [NewPool]. The
// zero value is an empty pool with no feature.
type Pool struct {
	features    []string
	respondents []Respondent
	index       map[string]int
}

// NewPool returns the pool of respondents described by features. It
// refuses, with every problem joined: an empty, padded or repeated feature
// name; an empty or padded ID, an ID given twice ([ErrDuplicate]); a
// padded household key; a respondent whose values do not match the
// features in number, or with an empty or padded value ([ErrInvalid]).
func NewPool(features []string, respondents []Respondent) (*Pool, error) {
	var errs []error
	seen := map[string]bool{}
	for i, f := range features {
		if err := checkText(fmt.Sprintf("features[%d]", i), f); err != nil {
			errs = append(errs, err)
		} else if seen[f] {
			errs = append(errs, fieldErr(fmt.Sprintf("features[%d]", i), f, ErrDuplicate))
		}
		seen[f] = true
	}
	p := &Pool{features: slices.Clone(features), respondents: make([]Respondent, len(respondents)), index: make(map[string]int, len(respondents))}
	for i, r := range respondents {
		field := fmt.Sprintf("respondents[%d]", i)
		if err := checkText(field+".id", r.ID); err != nil {
			errs = append(errs, err)
		} else if _, dup := p.index[r.ID]; dup {
			errs = append(errs, fieldErr(field+".id", r.ID, ErrDuplicate))
		}
		if r.Household != strings.TrimSpace(r.Household) {
			errs = append(errs, fieldErr(field+".household", r.Household, ErrInvalid))
		}
		if len(r.Values) != len(features) {
			errs = append(errs, fieldErr(field+".values", fmt.Sprintf("%d values for %d features", len(r.Values), len(features)), ErrInvalid))
		} else {
			for f, v := range r.Values {
				if err := checkText(fmt.Sprintf("%s.values[%d]", field, f), v); err != nil {
					errs = append(errs, err)
				}
			}
		}
		p.index[r.ID] = i
		p.respondents[i] = Respondent{ID: r.ID, Household: r.Household, Values: slices.Clone(r.Values)}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return p, nil
}

// checkText reports an empty text or one with surrounding space.
func checkText(field, s string) error {
	if s == "" || s != strings.TrimSpace(s) {
		return fieldErr(field, s, ErrInvalid)
	}
	return nil
}

// Features returns the feature names, in order.
func (p *Pool) Features() []string { return slices.Clone(p.features) }

// Len returns the number of respondents.
func (p *Pool) Len() int { return len(p.respondents) }

// Respondent returns the i-th respondent (0-based, in the order given).
func (p *Pool) Respondent(i int) Respondent {
	r := p.respondents[i]
	r.Values = slices.Clone(r.Values)
	return r
}

// Lookup returns the position of the respondent with ID id, and false
// when there is none.
func (p *Pool) Lookup(id string) (int, bool) {
	i, ok := p.index[id]
	return i, ok
}

// Value returns respondent i's value of the named feature, and false when
// the pool has no such feature.
func (p *Pool) Value(i int, feature string) (string, bool) {
	f := slices.Index(p.features, feature)
	if f < 0 {
		return "", false
	}
	return p.respondents[i].Values[f], true
}

// Quota bounds the number of panel members with one value of one feature:
// Min ≤ count ≤ Max. It is plain data; [Spec.Validate] checks it.
type Quota struct {
	// Feature names the feature, Value its value.
	Feature, Value string
	// Min and Max bound the count of panel members, 0 ≤ Min ≤ Max.
	Min, Max int
}

// Spec is what a panel must be: its size and its quotas. A feature value
// of the pool that no quota names is unconstrained (0 to PanelSize); a
// quota may name a value no respondent has. At most one person per
// household is selected, always. The zero value is invalid (no seat).
type Spec struct {
	// PanelSize is the number of seats, k ≥ 1.
	PanelSize int
	// Quotas lists the quotas, each (feature, value) at most once.
	Quotas []Quota
}

// Validate checks the spec against pool: a panel size of at least 1, and
// for each quota a feature of the pool, a non-empty value without
// surrounding space ([ErrInvalid]), 0 ≤ Min ≤ Max ([ErrOutOfRange]), and no
// (feature, value) twice ([ErrDuplicate]); every problem joined.
func (s Spec) Validate(pool *Pool) error {
	var errs []error
	if s.PanelSize < 1 {
		errs = append(errs, fieldErr("panel_size", strconv.Itoa(s.PanelSize), ErrOutOfRange))
	}
	seen := map[[2]string]bool{}
	for i, q := range s.Quotas {
		field := fmt.Sprintf("quotas[%d]", i)
		if !slices.Contains(pool.features, q.Feature) {
			errs = append(errs, fieldErr(field+".feature", q.Feature, ErrInvalid))
		}
		if err := checkText(field+".value", q.Value); err != nil {
			errs = append(errs, err)
		}
		if q.Min < 0 || q.Max < q.Min {
			errs = append(errs, fieldErr(field, fmt.Sprintf("min %d, max %d", q.Min, q.Max), ErrOutOfRange))
		}
		key := [2]string{q.Feature, q.Value}
		if seen[key] {
			errs = append(errs, fieldErr(field, q.Feature+"="+q.Value, ErrDuplicate))
		}
		seen[key] = true
	}
	return errors.Join(errs...)
}

// class is a set of interchangeable respondents: the same value of every
// feature, in households of the same make-up. Any permutation within a
// class maps feasible panels to feasible panels, so the fair
// distributions give every member of a class the same probability, and
// the programs are solved over classes.
type class struct {
	members []int // respondent positions, in pool order
	kind    lp.Kind
}

// instance is a validated pool and spec in the form the algorithms use.
type instance struct {
	pool    *Pool
	spec    Spec
	cats    [][]string // per feature, the category values in order
	catOf   [][]int    // per respondent, per feature, the category
	quotas  [][]lp.Range
	quotaOf [][]int // per feature and category, the index in spec.Quotas or -1
	classes []class
	classOf []int // per respondent
	sel     *lp.Selection
	houses  int   // number of households
	groups  []int // capacity of each group of equivalent households
}

// newInstance validates spec against pool and builds the instance.
func newInstance(pool *Pool, spec Spec) (*instance, error) {
	if pool == nil {
		return nil, fieldErr("pool", "nil", ErrInvalid)
	}
	if err := spec.Validate(pool); err != nil {
		return nil, err
	}
	in := &instance{pool: pool, spec: spec}
	nf := len(pool.features)
	in.cats = make([][]string, nf)
	catIndex := make([]map[string]int, nf)
	for f := range nf {
		catIndex[f] = map[string]int{}
	}
	add := func(f int, v string) int {
		c, ok := catIndex[f][v]
		if !ok {
			c = len(in.cats[f])
			catIndex[f][v] = c
			in.cats[f] = append(in.cats[f], v)
		}
		return c
	}
	// Categories: values in the order of the quotas, then of the pool.
	for _, q := range spec.Quotas {
		add(slices.Index(pool.features, q.Feature), q.Value)
	}
	in.catOf = make([][]int, len(pool.respondents))
	for i, r := range pool.respondents {
		in.catOf[i] = make([]int, nf)
		for f, v := range r.Values {
			in.catOf[i][f] = add(f, v)
		}
	}
	in.quotas = make([][]lp.Range, nf)
	in.quotaOf = make([][]int, nf)
	for f := range nf {
		in.quotas[f] = make([]lp.Range, len(in.cats[f]))
		in.quotaOf[f] = make([]int, len(in.cats[f]))
		for c := range in.quotas[f] {
			in.quotas[f][c] = lp.Range{Min: 0, Max: spec.PanelSize}
			in.quotaOf[f][c] = -1
		}
	}
	for i, q := range spec.Quotas {
		f := slices.Index(pool.features, q.Feature)
		c := catIndex[f][q.Value]
		in.quotas[f][c] = lp.Range{Min: q.Min, Max: q.Max}
		in.quotaOf[f][c] = i
	}
	in.buildClasses()
	in.sel = &lp.Selection{K: spec.PanelSize, Quotas: in.quotas, Groups: in.groups}
	for _, c := range in.classes {
		in.sel.Kinds = append(in.sel.Kinds, c.kind)
	}
	return in, nil
}

// buildClasses groups the respondents into classes of interchangeable
// members (see class) and sets the selection's groups.
func (in *instance) buildClasses() {
	pool := in.pool
	// Households, in order of first appearance.
	var houses [][]int
	houseOf := map[string]int{}
	for i, r := range pool.respondents {
		if r.Household == "" {
			houses = append(houses, []int{i})
			continue
		}
		h, ok := houseOf[r.Household]
		if !ok {
			h = len(houses)
			houseOf[r.Household] = h
			houses = append(houses, nil)
		}
		houses[h] = append(houses[h], i)
	}
	in.houses = len(houses)
	// A respondent's profile key; a household's make-up is the sorted list
	// of its members' keys.
	key := func(i int) string {
		var b strings.Builder
		for f, c := range in.catOf[i] {
			if f > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(c))
		}
		return b.String()
	}
	type makeup struct {
		houses [][]int
		keys   []string // distinct member keys, sorted
	}
	var makeups []*makeup
	makeupOf := map[string]*makeup{}
	for _, h := range houses {
		keys := make([]string, len(h))
		for j, i := range h {
			keys[j] = key(i)
		}
		slices.Sort(keys)
		sig := strings.Join(keys, ";")
		mk, ok := makeupOf[sig]
		if !ok {
			mk = &makeup{keys: slices.Compact(slices.Clone(keys))}
			makeupOf[sig] = mk
			makeups = append(makeups, mk)
		}
		mk.houses = append(mk.houses, h)
	}
	in.classOf = make([]int, len(pool.respondents))
	for _, mk := range makeups {
		group := -1
		if len(mk.houses[0]) > 1 {
			group = len(in.groups)
			in.groups = append(in.groups, len(mk.houses))
		}
		for _, k := range mk.keys {
			c := class{kind: lp.Kind{Cap: len(mk.houses), Group: group}}
			for _, h := range mk.houses {
				for _, i := range h {
					if key(i) == k {
						c.members = append(c.members, i)
					}
				}
			}
			slices.Sort(c.members)
			c.kind.Cats = slices.Clone(in.catOf[c.members[0]])
			if group < 0 {
				c.kind.Cap = len(c.members)
			}
			for _, i := range c.members {
				in.classOf[i] = len(in.classes)
			}
			in.classes = append(in.classes, c)
		}
	}
	// Classes in the order of their first member, so that results read in
	// pool order.
	order := make([]int, len(in.classes))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return in.classes[a].members[0] - in.classes[b].members[0] })
	sorted := make([]class, len(in.classes))
	renum := make([]int, len(in.classes))
	for newI, old := range order {
		sorted[newI] = in.classes[old]
		renum[old] = newI
	}
	in.classes = sorted
	for i := range in.classOf {
		in.classOf[i] = renum[in.classOf[i]]
	}
}
