package metrics

import (
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"math/big"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// GroupCount is the number of people in one group of a breakdown: an age
// band, an area, a tenure. It is a plain value; the functions that take a
// slice of them check the labels and counts (see [CompareToPopulation]).
// The zero value is an unnamed group of nobody, which those functions reject
// for its empty label.
type GroupCount struct {
	// Group is the group's label, such as "18-24" or "North ward". Labels
	// are matched by [GroupKey]: "F" and "f", "North  ward" and "north
	// ward" name one group.
	Group string
	// Count is the number of people in the group, zero or more.
	Count int64
}

// Representation compares who took part with who lives there: the
// participants of a process or the supporters of an initiative, broken down
// by one characteristic, against the population profile over the same
// groups. It answers the question every engagement report is asked ("did we
// hear from everyone?") with the usual figures of the field:
//
//   - per group k, the participant share p_k = a_k / A, the population share
//     q_k = b_k / B, the representation ratio p_k / q_k (1 is proportional,
//     below 1 under-represented) and the participation rate r_k = a_k / b_k,
//     where a_k and b_k are the group's participants and population and A, B
//     their totals ([GroupRepresentation]);
//   - the index of dissimilarity ½ Σ |p_k − q_k| (Duncan & Duncan 1955): the
//     share of participants who would have to come from another group for
//     the two profiles to match; 0 is a perfect match, 1 no overlap;
//   - the representation score min_k r_k / max_k r_k: the participation rate
//     of the least heard group relative to the most heard; 1 is even (the
//     construction of the impact ratio behind the four-fifths rule of the
//     US Uniform Guidelines on Employee Selection Procedures, 1978);
//   - Pearson's chi-square goodness of fit of the participants to the
//     population shares ([ChiSquare]).
//
// Groups with a population of zero (a band no one in the area falls in)
// are allowed as long as no participant is in them: they count in the
// totals and in the dissimilarity with p_k = q_k = 0, and they are left out
// of the representation score and the chi-square test (their expected
// count is zero, their rate 0/0), whose degrees of freedom count only the
// groups with people in them.
//
// The population need not be a superset of the participants: it may be a
// census estimate or a scaled profile, so a rate r_k above 1 is accepted.
//
// All figures are computed exactly from the integer counts (products are
// taken in 128-bit or arbitrary-precision integers, never rounded on the
// way) and rounded once, half away from zero, to [ValuePlaces] decimal
// places; only the chi-square p-value is a float64. Every figure is
// undefined ([ErrUndefined]) when there are no participants.
//
// The zero value has no groups and every figure is undefined. A
// Representation is immutable and safe for concurrent use.
type Representation struct {
	groups                   []GroupRepresentation
	participants, population int64
}

// GroupRepresentation is one group's row of a [Representation]: its counts,
// its two shares and how they compare. The zero value is an unnamed group
// with no one in it and undefined shares.
type GroupRepresentation struct {
	group string
	// a, b: the group's participants and population; ta, tb: the totals.
	a, b, ta, tb int64
}

// CompareToPopulation compares the participants with the population, group
// by group. Both slices must name exactly the same groups: no empty label,
// no label twice in one slice, and every label in one slice also in the
// other ([ErrMismatchedGroups]); the order may differ, and the rows follow
// the population's order. Counts must be zero or more ([ErrNegative]) and
// each slice's total must fit in an int64 ([ErrOverflow]). A group with
// participants but no population is rejected with [ErrPartExceedsWhole]: its
// representation would be infinite. An empty population is rejected with
// [ErrEmpty]. Every error is an [*FieldError] naming the offending entry.
func CompareToPopulation(participants, population []GroupCount) (Representation, error) {
	if len(population) == 0 {
		return Representation{}, &FieldError{Field: "population", Value: "[]", Err: ErrEmpty}
	}
	index, tb, err := indexGroups("population", population)
	if err != nil {
		return Representation{}, err
	}
	if len(participants) != len(population) {
		return Representation{}, &FieldError{
			Field: "participants",
			Value: fmt.Sprintf("%d groups, population has %d", len(participants), len(population)),
			Err:   ErrMismatchedGroups,
		}
	}
	_, ta, err := indexGroups("participants", participants)
	if err != nil {
		return Representation{}, err
	}
	rows := make([]GroupRepresentation, len(population))
	for i, g := range population {
		rows[i] = GroupRepresentation{group: g.Group, b: g.Count, ta: ta, tb: tb}
	}
	// Same length, no duplicates on either side: every participant label
	// found in the population means the two sets are equal.
	for j, p := range participants {
		i, ok := index[GroupKey(p.Group)]
		if !ok {
			return Representation{}, &FieldError{
				Field: fmt.Sprintf("participants[%d].group", j),
				Value: fmt.Sprintf("%q (not in population)", p.Group),
				Err:   ErrMismatchedGroups,
			}
		}
		if p.Count > 0 && rows[i].b == 0 {
			return Representation{}, &FieldError{
				Field: fmt.Sprintf("participants[%d].count", j),
				Value: fmt.Sprintf("%d (group %q has no population)", p.Count, p.Group),
				Err:   ErrPartExceedsWhole,
			}
		}
		rows[i].a = p.Count
	}
	return Representation{groups: rows, participants: ta, population: tb}, nil
}

// GroupKey returns the form in which civitas matches group labels, the one
// rule every breakdown follows: surrounding space removed, every run of
// inner space made one space, and letters folded to lower case. So a
// Pabulib file's "F" matches a census's "f", and "North  Ward" matches
// "north ward"; "18-24" and "18–24" stay different labels. A label whose key
// is empty names no group.
func GroupKey(label string) string {
	if isKey(label) {
		return label // already in key form: no allocation
	}
	return strings.ToLower(strings.Join(strings.Fields(label), " "))
}

// isKey reports whether s is already its own GroupKey: ASCII with no upper
// case letter, no space at either end and no run of spaces or other white
// space inside. Other labels take the general path.
func isKey(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80, c >= 'A' && c <= 'Z', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}

// indexGroups checks one breakdown (labels present and unique, counts
// non-negative, total within int64) and returns label → position and the
// total.
func indexGroups(name string, groups []GroupCount) (map[string]int, int64, error) {
	index := make(map[string]int, len(groups))
	var total int64
	for i, g := range groups {
		key := GroupKey(g.Group)
		if key == "" {
			return nil, 0, &FieldError{Field: fmt.Sprintf("%s[%d].group", name, i), Value: `""`, Err: ErrMismatchedGroups}
		}
		if j, dup := index[key]; dup {
			return nil, 0, &FieldError{
				Field: fmt.Sprintf("%s[%d].group", name, i),
				Value: fmt.Sprintf("%q (also %s[%d])", g.Group, name, j),
				Err:   ErrMismatchedGroups,
			}
		}
		index[key] = i
		err := ErrNegative
		if g.Count >= 0 {
			total, err = addChecked(total, g.Count)
		}
		if err != nil {
			return nil, 0, inputErr(fmt.Sprintf("%s[%d].count", name, i), g.Count, err)
		}
	}
	return index, total, nil
}

// Len returns the number of groups.
func (r Representation) Len() int { return len(r.groups) }

// All yields the groups' rows in the population's order.
func (r Representation) All() iter.Seq[GroupRepresentation] { return slices.Values(r.groups) }

// Lookup returns the row of the named group, and false when there is none.
func (r Representation) Lookup(group string) (GroupRepresentation, bool) {
	for _, g := range r.groups {
		if g.group == group {
			return g, true
		}
	}
	return GroupRepresentation{}, false
}

// Participants returns the total number of participants, A.
func (r Representation) Participants() int64 { return r.participants }

// Population returns the total population, B.
func (r Representation) Population() int64 { return r.population }

// Dissimilarity returns the index of dissimilarity (Duncan & Duncan 1955)
//
//	D = ½ Σ_k |p_k − q_k| = Σ_k |a_k·B − b_k·A| / (2·A·B)
//
// computed exactly by the right-hand form and rounded once to
// [ValuePlaces] places. It runs from 0 (the participants mirror the
// population) to 1 (no participant from any group that has population). It
// returns [ErrUndefined] when there are no participants.
func (r Representation) Dissimilarity() (decimal.Decimal, error) {
	if r.participants == 0 {
		return decimal.Decimal{}, ErrUndefined
	}
	sum := new(big.Int)
	var x, y big.Int
	for _, g := range r.groups {
		mulBig(&x, g.a, r.population)
		mulBig(&y, g.b, r.participants)
		x.Sub(&x, &y)
		sum.Add(sum, x.Abs(&x))
	}
	mulBig(&y, r.participants, r.population)
	return quoRound(sum, y.Lsh(&y, 1), ValuePlaces), nil
}

// Score returns the representation score
//
//	S = min_k r_k / max_k r_k, r_k = a_k / b_k
//
// over the groups with a population: the participation rate of the least
// heard group relative to that of the most heard, from 0 (some group
// unheard) to 1 (every group took part at the same rate). It is exact to
// [ValuePlaces] places (rounded once) and returns [ErrUndefined] when there
// are no participants.
func (r Representation) Score() (decimal.Decimal, error) {
	if r.participants == 0 {
		return decimal.Decimal{}, ErrUndefined
	}
	lo, hi := -1, -1
	for i, g := range r.groups {
		if g.b == 0 {
			continue
		}
		// r_i < r_lo  ⇔  a_i·b_lo < a_lo·b_i (denominators positive).
		if lo < 0 || cmpProducts(g.a, r.groups[lo].b, r.groups[lo].a, g.b) < 0 {
			lo = i
		}
		if hi < 0 || cmpProducts(g.a, r.groups[hi].b, r.groups[hi].a, g.b) > 0 {
			hi = i
		}
	}
	// Participants > 0 guarantees a group with participants, hence with
	// population, so lo and hi are set and a_hi > 0.
	l, h := r.groups[lo], r.groups[hi]
	var num, den big.Int
	mulBig(&num, l.a, h.b)
	mulBig(&den, l.b, h.a)
	return quoRound(&num, &den, ValuePlaces), nil
}

// Group returns the group's label.
func (g GroupRepresentation) Group() string { return g.group }

// Participants returns the group's participants, a_k.
func (g GroupRepresentation) Participants() int64 { return g.a }

// Population returns the group's population, b_k.
func (g GroupRepresentation) Population() int64 { return g.b }

// ParticipantShare returns p_k = a_k / A, the group's share of all
// participants; undefined when there are no participants.
func (g GroupRepresentation) ParticipantShare() Ratio { return Ratio{num: g.a, den: g.ta} }

// PopulationShare returns q_k = b_k / B, the group's share of the
// population; undefined when the population is zero.
func (g GroupRepresentation) PopulationShare() Ratio { return Ratio{num: g.b, den: g.tb} }

// ParticipationRate returns r_k = a_k / b_k, the share of the group that
// took part (it may exceed 1 when the population is an estimate);
// undefined when the group has no population.
func (g GroupRepresentation) ParticipationRate() Ratio { return Ratio{num: g.a, den: g.b} }

// RepresentationRatio returns p_k / q_k = a_k·B / (A·b_k) rounded once to
// [ValuePlaces] places: 1 means the group is represented in proportion to
// its size, 0.5 half as much, 2 twice as much. It returns [ErrUndefined]
// when there are no participants or the group has no population.
func (g GroupRepresentation) RepresentationRatio() (decimal.Decimal, error) {
	if g.ta == 0 || g.b == 0 {
		return decimal.Decimal{}, ErrUndefined
	}
	var num, den big.Int
	mulBig(&num, g.a, g.tb)
	mulBig(&den, g.ta, g.b)
	return quoRound(&num, &den, ValuePlaces), nil
}

// Gap returns p_k − q_k = (a_k·B − b_k·A) / (A·B) rounded once to
// [ValuePlaces] places: positive when the group is over-represented. It
// returns [ErrUndefined] when there are no participants.
func (g GroupRepresentation) Gap() (decimal.Decimal, error) {
	if g.ta == 0 {
		return decimal.Decimal{}, ErrUndefined
	}
	var num, y, den big.Int
	mulBig(&num, g.a, g.tb)
	mulBig(&y, g.b, g.ta)
	num.Sub(&num, &y)
	mulBig(&den, g.ta, g.tb)
	return quoRound(&num, &den, ValuePlaces), nil
}

// ShareCmp compares the group's participant share p_k with its population
// share q_k exactly, by cross-multiplication (a_k·B against b_k·A, in 128
// bits, with no rounding): -1 when the group is under-represented, 0 when
// it is represented exactly in proportion, +1 when it is over-represented.
// It agrees with g.ParticipantShare().Cmp(g.PopulationShare()), so with no
// participants (p_k undefined) it returns -1, or 0 when q_k is undefined
// too.
func (g GroupRepresentation) ShareCmp() int {
	switch {
	case g.ta == 0 && g.tb == 0:
		return 0
	case g.ta == 0:
		return -1
	}
	return cmpProducts(g.a, g.tb, g.b, g.ta)
}

// cmpProducts compares a·b with c·d exactly for non-negative int64 factors,
// in 128 bits.
func cmpProducts(a, b, c, d int64) int {
	h1, l1 := bits.Mul64(uint64(a), uint64(b))
	h2, l2 := bits.Mul64(uint64(c), uint64(d))
	switch {
	case h1 < h2 || (h1 == h2 && l1 < l2):
		return -1
	case h1 > h2 || l1 > l2:
		return 1
	}
	return 0
}

// mulBig sets z = a·b exactly and returns z.
func mulBig(z *big.Int, a, b int64) *big.Int {
	var y big.Int
	return z.Mul(z.SetInt64(a), y.SetInt64(b))
}

// quoRound returns num/den rounded half away from zero to places decimal
// places; den must be positive.
func quoRound(num, den *big.Int, places int32) decimal.Decimal {
	return decimal.NewFromBigInt(num, 0).DivRound(decimal.NewFromBigInt(den, 0), places)
}

// undefinedText is how the JSON form writes an undefined figure, as
// [Ratio.ValueText] does.
const undefinedText = "undefined"

// figureText writes a figure with exactly [ValuePlaces] decimals, or
// "undefined".
func figureText(d decimal.Decimal, err error) string {
	if err != nil {
		return undefinedText
	}
	return d.StringFixed(ValuePlaces)
}

type groupRepresentationJSON struct {
	Group               string `json:"group"`
	Participants        int64  `json:"participants"`
	Population          int64  `json:"population"`
	ParticipantShare    string `json:"participant_share,omitempty"`
	PopulationShare     string `json:"population_share,omitempty"`
	RepresentationRatio string `json:"representation_ratio,omitempty"`
	ParticipationRate   string `json:"participation_rate,omitempty"`
}

type representationJSON struct {
	Groups        []groupRepresentationJSON `json:"groups"`
	Participants  *int64                    `json:"participants,omitempty"`
	Population    *int64                    `json:"population,omitempty"`
	Dissimilarity string                    `json:"dissimilarity,omitempty"`
	Score         string                    `json:"score,omitempty"`
	ChiSquare     *ChiSquare                `json:"chi_square,omitempty"`
}

// wire returns the JSON form with every derived figure filled in.
func (r Representation) wire() representationJSON {
	w := representationJSON{
		Groups:        make([]groupRepresentationJSON, len(r.groups)),
		Participants:  &r.participants,
		Population:    &r.population,
		Dissimilarity: figureText(r.Dissimilarity()),
		Score:         figureText(r.Score()),
	}
	for i, g := range r.groups {
		w.Groups[i] = groupRepresentationJSON{
			Group: g.group, Participants: g.a, Population: g.b,
			ParticipantShare:    g.ParticipantShare().ValueText(),
			PopulationShare:     g.PopulationShare().ValueText(),
			RepresentationRatio: figureText(g.RepresentationRatio()),
			ParticipationRate:   g.ParticipationRate().ValueText(),
		}
	}
	if c, err := r.ChiSquare(); err == nil {
		w.ChiSquare = &c
	}
	return w
}

// MarshalJSON writes each group's counts with, for readers, its shares,
// representation ratio and participation rate (decimal strings with
// [ValuePlaces] places, or "undefined"); the totals; the dissimilarity and
// score; and the chi-square test, left out when it is undefined.
func (r Representation) MarshalJSON() ([]byte, error) { return json.Marshal(r.wire()) }

// UnmarshalJSON reads what MarshalJSON writes. The groups' counts are
// checked and the figures recomputed as by [CompareToPopulation], with its
// errors; every derived field present must agree with the recomputed
// figure ([ErrInconsistent]), so a hand-written document may give the
// counts alone.
func (r *Representation) UnmarshalJSON(b []byte) error {
	var w representationJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	participants := make([]GroupCount, len(w.Groups))
	population := make([]GroupCount, len(w.Groups))
	for i, g := range w.Groups {
		participants[i] = GroupCount{Group: g.Group, Count: g.Participants}
		population[i] = GroupCount{Group: g.Group, Count: g.Population}
	}
	got, err := CompareToPopulation(participants, population)
	if err != nil {
		return err
	}
	want := got.wire()
	check := func(input, have, want string) error {
		if have != "" && have != want {
			return &FieldError{Field: input, Value: have + " (computed " + want + ")", Err: ErrInconsistent}
		}
		return nil
	}
	errs := []error{
		check("dissimilarity", w.Dissimilarity, want.Dissimilarity),
		check("score", w.Score, want.Score),
	}
	if w.Participants != nil {
		errs = append(errs, check("participants", strconv.FormatInt(*w.Participants, 10), strconv.FormatInt(got.participants, 10)))
	}
	if w.Population != nil {
		errs = append(errs, check("population", strconv.FormatInt(*w.Population, 10), strconv.FormatInt(got.population, 10)))
	}
	for i, g := range w.Groups {
		wg := want.Groups[i]
		prefix := fmt.Sprintf("groups[%d].", i)
		errs = append(errs,
			check(prefix+"participant_share", g.ParticipantShare, wg.ParticipantShare),
			check(prefix+"population_share", g.PopulationShare, wg.PopulationShare),
			check(prefix+"representation_ratio", g.RepresentationRatio, wg.RepresentationRatio),
			check(prefix+"participation_rate", g.ParticipationRate, wg.ParticipationRate),
		)
	}
	if w.ChiSquare != nil && (want.ChiSquare == nil || !w.ChiSquare.agrees(*want.ChiSquare)) {
		errs = append(errs, &FieldError{Field: "chi_square", Value: "disagrees with the counts", Err: ErrInconsistent})
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	*r = got
	return nil
}
