package budgeting

import (
	"errors"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// BallotForm holds the rules a platform's voting form adds to the limits of
// the Pabulib META: what Decidim, CONSUL Democracy and Go Vocal let a city
// set. Every field's zero value sets no rule.
type BallotForm struct {
	// MinProjects is the fewest projects a ballot must list (Decidim's
	// "minimum number of projects"); 0 for no minimum.
	MinProjects int
	// MaxProjects is the most projects a ballot may list (Decidim's
	// "maximum number of projects", Go Vocal's "multiple" voting); 0 for no
	// maximum.
	MaxProjects int
	// MinBudgetShare is the percentage of the budget, 0 to 100, that the
	// projects of a ballot must cost at least (Decidim's "minimum
	// percentage of the budget", 70 by default there); zero for no
	// minimum. Compared exactly: a ballot spending 69.99 % of the budget
	// breaks a 70 % rule.
	MinBudgetShare decimal.Decimal
	// Knapsack limits the projects of a ballot to the budget in total
	// (CONSUL Democracy's knapsack ballot, Go Vocal's "budgeting" voting).
	Knapsack bool
	// DistrictColumn names the PROJECTS column that gives each project's
	// district (Pabulib files call it "district" when they have one); ""
	// for no district rule. With it, a ballot lists projects of one
	// district only, a project with no value counting as a district of its
	// own (city-wide), as CONSUL Democracy's ballots are per heading.
	DistrictColumn string
	// OwnDistrict requires, with DistrictColumn, that a ballot's district
	// be the voter's own area (from the verifier, not from the voter) or
	// city-wide.
	OwnDistrict bool
}

// BallotRules are the rules every ballot of an election must keep: the
// limits of the instance's META and the rules of a [BallotForm]. Build them
// with [NewBallotRules]; [BallotRules.Check] checks one ballot against all
// of them. Costs are scaled to integers once, so checking a ballot costs a
// few integer additions.
//
// BallotRules is immutable and safe for concurrent use. The zero value has
// no instance and checks nothing: every ballot passes.
type BallotRules struct {
	inst      *Instance
	places    int32   // costs are scaled by 10^places
	cost      []int64 // scaled cost of each project
	districts []int32 // district of each project (index into districtNames), nil without the rule
	names     []string
	form      BallotForm

	minLength, maxLength   int64 // -1 where absent
	minSumCost, maxSumCost int64 // scaled; -1 where absent
	minShareCost           int64 // scaled; smallest cost meeting MinBudgetShare, -1 where absent
	budget                 int64 // scaled

	minSumPoints, maxSumPoints, minPoints, maxPoints *decimal.Decimal
}

// NewBallotRules returns the ballot rules of inst, with the form's rules
// added. It reads META min_length, max_length, min_sum_cost, max_sum_cost,
// min_sum_points, max_sum_points, min_points and max_points, and vote_type
// choose-1.
//
// It returns an error wrapping [ErrInvalid] for a nil instance, a negative
// MinProjects or MaxProjects, a MaxProjects under MinProjects, a
// MinBudgetShare outside 0–100, OwnDistrict without DistrictColumn, or a
// DistrictColumn the instance does not have; [ErrInvalidNumber] for a
// min_sum_cost or max_sum_cost that is not a number; and [ErrOverflow] for
// costs that do not fit the arithmetic once scaled. Problems are joined.
func NewBallotRules(inst *Instance, form BallotForm) (BallotRules, error) {
	if inst == nil || !inst.voteType.IsValid() {
		return BallotRules{}, errorf(ErrInvalid, "ballot rules without an instance")
	}
	var errs []error
	r := BallotRules{inst: inst, form: form, minLength: -1, maxLength: -1, minSumCost: -1, maxSumCost: -1, minShareCost: -1}
	if form.MinProjects < 0 || form.MaxProjects < 0 || (form.MaxProjects > 0 && form.MaxProjects < form.MinProjects) {
		errs = append(errs, errorf(ErrInvalid, "projects per ballot %d to %d", form.MinProjects, form.MaxProjects))
	}
	if form.MinBudgetShare.Sign() < 0 || form.MinBudgetShare.GreaterThan(decimal.NewFromInt(100)) {
		errs = append(errs, errorf(ErrInvalid, "minimum budget share %s %%", form.MinBudgetShare))
	}
	if form.OwnDistrict && form.DistrictColumn == "" {
		errs = append(errs, errorf(ErrInvalid, "own district without a district column"))
	}
	if form.DistrictColumn != "" && projectColumnRoleIn(inst, form.DistrictColumn) != colExtra {
		errs = append(errs, errorf(ErrInvalid, "district column %q is not a column of the projects", form.DistrictColumn))
	}

	// Scale every cost, the budget and the cost limits to one integer scale.
	amounts := map[string]decimal.Decimal{}
	for _, key := range [...]string{"min_sum_cost", "max_sum_cost"} {
		if v, ok := inst.Meta(key); ok && v != "" {
			d, ok := parseDecimal(v)
			if !ok {
				errs = append(errs, errorf(ErrInvalidNumber, "%s %q", key, v))
				continue
			}
			amounts[key] = d
		}
	}
	places := significantPlaces(inst.budget)
	for _, p := range inst.projects {
		places = max(places, significantPlaces(p.Cost))
	}
	for _, d := range amounts {
		places = max(places, significantPlaces(d))
	}
	var ok bool
	if r.budget, ok = scaled(inst.budget, places); !ok {
		errs = append(errs, errorf(ErrOverflow, "budget %s", inst.budget))
	}
	r.places = places
	r.cost = make([]int64, len(inst.projects))
	var total int64
	for i, p := range inst.projects {
		if r.cost[i], ok = scaled(p.Cost, places); !ok || r.cost[i] > (1<<62)-total {
			errs = append(errs, errorf(ErrOverflow, "project %q costs %s", p.ID, p.Cost))
			continue
		}
		total += r.cost[i]
	}
	if d, has := amounts["min_sum_cost"]; has {
		r.minSumCost, _ = scaled(d, places)
	}
	if d, has := amounts["max_sum_cost"]; has {
		r.maxSumCost, _ = scaled(d, places)
	}
	if form.MinBudgetShare.Sign() > 0 && r.budget >= 0 {
		// the smallest scaled cost c with c ≥ share/100 · budget
		need := new(big.Rat).Mul(form.MinBudgetShare.Rat(), new(big.Rat).SetInt64(r.budget))
		need.Quo(need, big.NewRat(100, 1))
		c := new(big.Int).Quo(need.Num(), need.Denom())
		if new(big.Rat).SetInt(c).Cmp(need) < 0 {
			c.Add(c, big.NewInt(1))
		}
		r.minShareCost = c.Int64()
	}

	l := inst.limits
	r.minLength, r.maxLength = l.minLength, l.maxLength
	if l.hasMinSum {
		r.minSumPoints = &l.minSum
	}
	if l.hasMaxSum {
		r.maxSumPoints = &l.maxSum
	}
	if l.hasMinPoints {
		r.minPoints = &l.minPoints
	}
	if l.hasMaxPoints {
		r.maxPoints = &l.maxPoints
	}

	if form.DistrictColumn != "" {
		r.districts = make([]int32, len(inst.projects))
		for i, p := range inst.projects {
			v, _ := p.Field(form.DistrictColumn)
			k := slices.Index(r.names, v)
			if k < 0 {
				k = len(r.names)
				r.names = append(r.names, v)
			}
			r.districts[i] = int32(k)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return BallotRules{}, err
	}
	return r, nil
}

// Instance returns the instance the rules are of; nil for the zero value.
func (r BallotRules) Instance() *Instance { return r.inst }

// Form returns the form's rules.
func (r BallotRules) Form() BallotForm { return r.form }

// Limits returns the rules that apply to ballots, in the order of
// [BallotLimits]: those META or the form sets.
func (r BallotRules) Limits() []BallotLimit {
	if r.inst == nil {
		return nil
	}
	set := [...]bool{
		BallotLimitMinLength:      r.minLength > 0,
		BallotLimitMaxLength:      r.maxLength >= 0,
		BallotLimitMinSumCost:     r.minSumCost >= 0,
		BallotLimitMaxSumCost:     r.maxSumCost >= 0,
		BallotLimitMinSumPoints:   r.minSumPoints != nil,
		BallotLimitMaxSumPoints:   r.maxSumPoints != nil,
		BallotLimitMinPoints:      r.minPoints != nil,
		BallotLimitMaxPoints:      r.maxPoints != nil,
		BallotLimitChooseOne:      r.inst.voteType == VoteTypeChooseOne,
		BallotLimitMinProjects:    r.form.MinProjects > 0,
		BallotLimitMaxProjects:    r.form.MaxProjects > 0,
		BallotLimitMinBudgetShare: r.minShareCost >= 0,
		BallotLimitKnapsack:       r.form.Knapsack,
		BallotLimitOneDistrict:    r.districts != nil,
		BallotLimitOwnDistrict:    r.form.OwnDistrict,
	}
	var out []BallotLimit
	for _, l := range BallotLimits() {
		if set[l] {
			out = append(out, l)
		}
	}
	return out
}

// Check checks a ballot given as project IDs (and, for cumulative and
// scoring ballots, the points of each) against every rule, for a voter
// living in area voterArea (used by OwnDistrict only). It returns nil for a
// ballot that keeps every rule, and otherwise every problem joined: a
// [*BallotError] for each rule broken, and errors wrapping
// [ErrUnknownProject], [ErrRepeatedProject], [ErrPointsMismatch] or
// [ErrInvalid] (negative points) for a ballot that is not well formed.
func (r BallotRules) Check(projects []string, points []decimal.Decimal, voterArea string) error {
	if r.inst == nil {
		return nil
	}
	idx, err := r.resolve(projects, nil)
	if err != nil {
		return err
	}
	return r.check(idx, points, voterArea)
}

// resolve turns project IDs into positions, appended to buf.
func (r BallotRules) resolve(projects []string, buf []int32) ([]int32, error) {
	var errs []error
	for k, id := range projects {
		j, ok := r.inst.index[id]
		if !ok {
			errs = append(errs, errorf(ErrUnknownProject, "%q", clip(id)))
			continue
		}
		if slices.Contains(buf, int32(j)) {
			errs = append(errs, errorf(ErrRepeatedProject, "%q at place %d", id, k+1))
			continue
		}
		buf = append(buf, int32(j))
	}
	return buf, errors.Join(errs...)
}

// check checks a ballot of project positions.
func (r BallotRules) check(idx []int32, points []decimal.Decimal, voterArea string) error {
	var errs []error
	broke := func(l BallotLimit, sentinel error, bound, got string) {
		errs = append(errs, &BallotError{Limit: l, Bound: bound, Got: got, Err: sentinel})
	}
	n := int64(len(idx))
	itoa := func(v int64) string { return strconv.FormatInt(v, 10) }
	if r.minLength >= 0 && n < r.minLength {
		broke(BallotLimitMinLength, ErrMinLength, itoa(r.minLength), itoa(n))
	}
	if r.maxLength >= 0 && n > r.maxLength {
		broke(BallotLimitMaxLength, ErrMaxLength, itoa(r.maxLength), itoa(n))
	}
	if r.inst.voteType == VoteTypeChooseOne && n > 1 {
		broke(BallotLimitChooseOne, ErrChooseOne, "1", itoa(n))
	}
	if m := int64(r.form.MinProjects); m > 0 && n < m {
		broke(BallotLimitMinProjects, ErrMinProjects, itoa(m), itoa(n))
	}
	if m := int64(r.form.MaxProjects); m > 0 && n > m {
		broke(BallotLimitMaxProjects, ErrMaxProjects, itoa(m), itoa(n))
	}
	var sum int64
	for _, j := range idx {
		sum += r.cost[j] // costs total under 2^62: no overflow
	}
	money := func(v int64) string { return decimalText(unscaled(v, r.places)) }
	if r.minSumCost >= 0 && sum < r.minSumCost {
		broke(BallotLimitMinSumCost, ErrMinSumCost, money(r.minSumCost), money(sum))
	}
	if r.maxSumCost >= 0 && sum > r.maxSumCost {
		broke(BallotLimitMaxSumCost, ErrMaxSumCost, money(r.maxSumCost), money(sum))
	}
	if r.minShareCost >= 0 && sum < r.minShareCost {
		got := "0"
		if r.budget > 0 {
			got = decimal.NewFromInt(sum).Mul(decimal.NewFromInt(100)).DivRound(decimal.NewFromInt(r.budget), 2).StringFixed(2)
		}
		broke(BallotLimitMinBudgetShare, ErrMinBudgetShare, r.form.MinBudgetShare.String(), got)
	}
	if r.form.Knapsack && sum > r.budget {
		broke(BallotLimitKnapsack, ErrOverBudget, money(r.budget), money(sum))
	}
	if r.districts != nil && len(idx) > 0 {
		d := r.districts[idx[0]]
		var mixed []string
		for _, j := range idx[1:] {
			if r.districts[j] != d {
				mixed = r.districtsOf(idx)
				break
			}
		}
		if mixed != nil {
			broke(BallotLimitOneDistrict, ErrOneDistrict, "1", strings.Join(mixed, ", "))
		} else if name := r.names[d]; r.form.OwnDistrict && name != "" && name != voterArea {
			broke(BallotLimitOwnDistrict, ErrOwnDistrict, quoteArea(voterArea), quoteArea(name))
		}
	}
	errs = append(errs, r.checkPoints(idx, points, broke)...)
	return errors.Join(errs...)
}

// districtsOf lists the districts of a ballot's projects, each once, in
// ballot order; "city-wide" for projects without one.
func (r BallotRules) districtsOf(idx []int32) []string {
	var out []string
	for _, j := range idx {
		if s := quoteArea(r.names[r.districts[j]]); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// quoteArea returns an area for a message: "city-wide" for none.
func quoteArea(a string) string {
	if a == "" {
		return "city-wide"
	}
	return strconv.Quote(a)
}

// checkPoints checks the points of a cumulative or scoring ballot, and that
// other ballots carry none (nil and an empty list are both none).
func (r BallotRules) checkPoints(idx []int32, points []decimal.Decimal, broke func(BallotLimit, error, string, string)) []error {
	if !r.inst.voteType.hasPoints() {
		if len(points) > 0 {
			return []error{errorf(ErrPointsMismatch, "points on a %s ballot", r.inst.voteType)}
		}
		return nil
	}
	if len(points) != len(idx) {
		return []error{errorf(ErrPointsMismatch, "%d projects, %d points", len(idx), len(points))}
	}
	var errs []error
	sum := decimal.Zero
	for _, p := range points {
		if p.Sign() < 0 {
			errs = append(errs, errorf(ErrInvalid, "negative points %s", p))
		}
		sum = sum.Add(p)
		if r.minPoints != nil && p.LessThan(*r.minPoints) {
			broke(BallotLimitMinPoints, ErrMinPoints, r.minPoints.String(), p.String())
		}
		if r.maxPoints != nil && p.GreaterThan(*r.maxPoints) {
			broke(BallotLimitMaxPoints, ErrMaxPoints, r.maxPoints.String(), p.String())
		}
	}
	if r.minSumPoints != nil && sum.LessThan(*r.minSumPoints) {
		broke(BallotLimitMinSumPoints, ErrMinSumPoints, r.minSumPoints.String(), sum.String())
	}
	if r.maxSumPoints != nil && sum.GreaterThan(*r.maxSumPoints) {
		broke(BallotLimitMaxSumPoints, ErrMaxSumPoints, r.maxSumPoints.String(), sum.String())
	}
	return errs
}
