package budgeting_test

import (
	"testing"

	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// meta is a shorthand for META rows: key, value, key, value, …
func meta(kv ...string) []budgeting.Field {
	var out []budgeting.Field
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, budgeting.Field{Key: kv[i], Value: kv[i+1]})
	}
	return out
}

// pts is a shorthand for points.
func pts(s ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(s))
	for i, v := range s {
		out[i] = decimal.RequireFromString(v)
	}
	return out
}

// Costs: n1 30000, n2 40000, n3 25000.50, s1 35000, s2 20000, c1 50000;
// budget 100000. Each rule is tested on both sides of its boundary.
func TestBallotRules(t *testing.T) {
	approval, cumulative, chooseOne := budgeting.VoteTypeApproval, budgeting.VoteTypeCumulative, budgeting.VoteTypeChooseOne
	points := meta("min_sum_points", "2", "max_sum_points", "10", "min_points", "1", "max_points", "6")
	cases := []struct {
		name     string
		vt       budgeting.VoteType
		meta     []budgeting.Field
		form     budgeting.BallotForm
		projects []string
		points   []decimal.Decimal
		area     string
		want     error // nil: the ballot keeps every rule
		limit    budgeting.BallotLimit
	}{
		{"min_length met", approval, meta("min_length", "2"), budgeting.BallotForm{}, []string{"n1", "n2"}, nil, "", nil, 0},
		{"min_length broken", approval, meta("min_length", "2"), budgeting.BallotForm{}, []string{"n1"}, nil, "", budgeting.ErrMinLength, budgeting.BallotLimitMinLength},
		{"max_length met", approval, meta("max_length", "2"), budgeting.BallotForm{}, []string{"n1", "n2"}, nil, "", nil, 0},
		{"max_length broken", approval, meta("max_length", "2"), budgeting.BallotForm{}, []string{"n1", "n2", "s2"}, nil, "", budgeting.ErrMaxLength, budgeting.BallotLimitMaxLength},
		{"min_sum_cost met", approval, meta("min_sum_cost", "50000"), budgeting.BallotForm{}, []string{"n1", "s2"}, nil, "", nil, 0},
		{"min_sum_cost broken", approval, meta("min_sum_cost", "45000.51"), budgeting.BallotForm{}, []string{"n3", "s2"}, nil, "", budgeting.ErrMinSumCost, budgeting.BallotLimitMinSumCost},
		{"max_sum_cost met", approval, meta("max_sum_cost", "45000.50"), budgeting.BallotForm{}, []string{"n3", "s2"}, nil, "", nil, 0},
		{"max_sum_cost broken", approval, meta("max_sum_cost", "45000.49"), budgeting.BallotForm{}, []string{"n3", "s2"}, nil, "", budgeting.ErrMaxSumCost, budgeting.BallotLimitMaxSumCost},
		{"min_sum_points met", cumulative, points, budgeting.BallotForm{}, []string{"n1", "n2"}, pts("1", "1"), "", nil, 0},
		{"min_sum_points broken", cumulative, points, budgeting.BallotForm{}, []string{"n1"}, pts("1.9"), "", budgeting.ErrMinSumPoints, budgeting.BallotLimitMinSumPoints},
		{"max_sum_points met", cumulative, points, budgeting.BallotForm{}, []string{"n1", "n2"}, pts("4", "6"), "", nil, 0},
		{"max_sum_points broken", cumulative, points, budgeting.BallotForm{}, []string{"n1", "n2"}, pts("4.01", "6"), "", budgeting.ErrMaxSumPoints, budgeting.BallotLimitMaxSumPoints},
		{"min_points broken", cumulative, points, budgeting.BallotForm{}, []string{"n1", "n2"}, pts("0.99", "2"), "", budgeting.ErrMinPoints, budgeting.BallotLimitMinPoints},
		{"max_points met", cumulative, points, budgeting.BallotForm{}, []string{"n1"}, pts("6"), "", nil, 0},
		{"max_points broken", cumulative, points, budgeting.BallotForm{}, []string{"n1"}, pts("6.5"), "", budgeting.ErrMaxPoints, budgeting.BallotLimitMaxPoints},
		{"choose-1 met", chooseOne, nil, budgeting.BallotForm{}, []string{"n1"}, nil, "", nil, 0},
		{"choose-1 broken", chooseOne, nil, budgeting.BallotForm{}, []string{"n1", "n2"}, nil, "", budgeting.ErrChooseOne, budgeting.BallotLimitChooseOne},
		{"min projects met", approval, nil, budgeting.BallotForm{MinProjects: 2}, []string{"n1", "n2"}, nil, "", nil, 0},
		{"min projects broken", approval, nil, budgeting.BallotForm{MinProjects: 2}, []string{"n1"}, nil, "", budgeting.ErrMinProjects, budgeting.BallotLimitMinProjects},
		{"max projects met", approval, nil, budgeting.BallotForm{MaxProjects: 2}, []string{"n1", "n2"}, nil, "", nil, 0},
		{"max projects broken", approval, nil, budgeting.BallotForm{MaxProjects: 2}, []string{"n1", "n2", "s2"}, nil, "", budgeting.ErrMaxProjects, budgeting.BallotLimitMaxProjects},
		{"budget share met exactly", approval, nil, budgeting.BallotForm{MinBudgetShare: decimal.RequireFromString("45.0005")}, []string{"n3", "s2"}, nil, "", nil, 0},
		{"budget share missed by a cent", approval, nil, budgeting.BallotForm{MinBudgetShare: decimal.RequireFromString("45.00051")}, []string{"n3", "s2"}, nil, "", budgeting.ErrMinBudgetShare, budgeting.BallotLimitMinBudgetShare},
		{"budget share of 70 %", approval, nil, budgeting.BallotForm{MinBudgetShare: decimal.NewFromInt(70)}, []string{"n1", "n2"}, nil, "", nil, 0},
		{"empty ballot under a share", approval, nil, budgeting.BallotForm{MinBudgetShare: decimal.NewFromInt(1)}, nil, nil, "", budgeting.ErrMinBudgetShare, budgeting.BallotLimitMinBudgetShare},
		{"knapsack full", approval, nil, budgeting.BallotForm{Knapsack: true}, []string{"c1", "n1", "s2"}, nil, "", nil, 0},
		{"knapsack over", approval, nil, budgeting.BallotForm{Knapsack: true}, []string{"c1", "n1", "n3"}, nil, "", budgeting.ErrOverBudget, budgeting.BallotLimitKnapsack},
		{"one district", approval, nil, budgeting.BallotForm{DistrictColumn: "district"}, []string{"n1", "n2"}, nil, "", nil, 0},
		{"two districts", approval, nil, budgeting.BallotForm{DistrictColumn: "district"}, []string{"n1", "s1"}, nil, "", budgeting.ErrOneDistrict, budgeting.BallotLimitOneDistrict},
		{"a district and city-wide", approval, nil, budgeting.BallotForm{DistrictColumn: "district"}, []string{"n1", "c1"}, nil, "", budgeting.ErrOneDistrict, budgeting.BallotLimitOneDistrict},
		{"own district", approval, nil, budgeting.BallotForm{DistrictColumn: "district", OwnDistrict: true}, []string{"n1"}, nil, "north", nil, 0},
		{"city-wide from any district", approval, nil, budgeting.BallotForm{DistrictColumn: "district", OwnDistrict: true}, []string{"c1"}, nil, "south", nil, 0},
		{"another district", approval, nil, budgeting.BallotForm{DistrictColumn: "district", OwnDistrict: true}, []string{"s1"}, nil, "north", budgeting.ErrOwnDistrict, budgeting.BallotLimitOwnDistrict},
		{"unknown project", approval, nil, budgeting.BallotForm{}, []string{"zz"}, nil, "", budgeting.ErrUnknownProject, 0},
		{"repeated project", approval, nil, budgeting.BallotForm{}, []string{"n1", "n1"}, nil, "", budgeting.ErrRepeatedProject, 0},
		{"points on approval", approval, nil, budgeting.BallotForm{}, []string{"n1"}, pts("1"), "", budgeting.ErrPointsMismatch, 0},
		{"points missing", cumulative, nil, budgeting.BallotForm{}, []string{"n1"}, nil, "", budgeting.ErrPointsMismatch, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rules, err := budgeting.NewBallotRules(districtInstance(t, c.vt, c.meta...), c.form)
			require.NoError(t, err)
			err = rules.Check(c.projects, c.points, c.area)
			if c.want == nil {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, c.want)
			if c.limit != 0 {
				var be *budgeting.BallotError
				require.ErrorAs(t, err, &be)
				assert.Equal(t, c.limit, be.Limit)
				assert.Contains(t, rules.Limits(), c.limit)
				assert.NotEmpty(t, be.Got)
				assert.NotEmpty(t, be.Bound)
			}
		})
	}
}

// The rules of the .pb reader are the cases of the ballot rules: code that
// branches on ErrBallotTooLong sees max_length, max projects and choose-1.
func TestBallotSentinelsAreCases(t *testing.T) {
	for _, e := range []error{budgeting.ErrMaxLength, budgeting.ErrMaxProjects, budgeting.ErrChooseOne} {
		assert.ErrorIs(t, e, budgeting.ErrBallotTooLong)
	}
	for _, e := range []error{budgeting.ErrMinLength, budgeting.ErrMinProjects, budgeting.ErrMinBudgetShare, budgeting.ErrMinSumCost, budgeting.ErrMinSumPoints, budgeting.ErrMinPoints} {
		assert.ErrorIs(t, e, budgeting.ErrBallotTooShort)
	}
	assert.ErrorIs(t, budgeting.ErrMaxSumPoints, budgeting.ErrTooManyPoints)
	assert.ErrorIs(t, budgeting.ErrOwnDistrict, budgeting.ErrNotEligible)
	assert.ErrorIs(t, budgeting.ErrAlreadyVoted, budgeting.ErrDuplicate)
}

func TestBallotErrorText(t *testing.T) {
	e := &budgeting.BallotError{Limit: budgeting.BallotLimitMinBudgetShare, Bound: "70", Got: "10.00", Err: budgeting.ErrMinBudgetShare}
	assert.Equal(t, "budgeting: ballot spends too little of the budget (spends 10.00 % of the budget, at least 70 %)", e.Error())
	var nilErr *budgeting.BallotError
	assert.Equal(t, "budgeting: ballot breaks a rule", nilErr.Error())
	assert.NoError(t, nilErr.Unwrap())
}

func TestNewBallotRulesRefuses(t *testing.T) {
	inst := districtInstance(t, budgeting.VoteTypeApproval)
	cases := map[string]struct {
		inst *budgeting.Instance
		form budgeting.BallotForm
		want error
	}{
		"no instance":        {nil, budgeting.BallotForm{}, budgeting.ErrInvalid},
		"negative projects":  {inst, budgeting.BallotForm{MinProjects: -1}, budgeting.ErrInvalid},
		"max under min":      {inst, budgeting.BallotForm{MinProjects: 3, MaxProjects: 2}, budgeting.ErrInvalid},
		"share over 100":     {inst, budgeting.BallotForm{MinBudgetShare: decimal.NewFromInt(101)}, budgeting.ErrInvalid},
		"own without column": {inst, budgeting.BallotForm{OwnDistrict: true}, budgeting.ErrInvalid},
		"unknown column":     {inst, budgeting.BallotForm{DistrictColumn: "ward"}, budgeting.ErrInvalid},
		"bad min_sum_cost":   {districtInstance(t, budgeting.VoteTypeApproval, meta("min_sum_cost", "a lot")...), budgeting.BallotForm{}, budgeting.ErrInvalidNumber},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := budgeting.NewBallotRules(c.inst, c.form)
			require.ErrorIs(t, err, c.want)
		})
	}
	var zero budgeting.BallotRules
	assert.NoError(t, zero.Check([]string{"anything"}, nil, ""), "the zero value checks nothing")
	assert.Nil(t, zero.Limits())
}

func TestBallotEnums(t *testing.T) {
	for _, l := range budgeting.BallotLimits() {
		b, err := l.MarshalText()
		require.NoError(t, err)
		var back budgeting.BallotLimit
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, l, back)
	}
	assert.Equal(t, "min budget share", budgeting.BallotLimitMinBudgetShare.Text())
	for _, c := range budgeting.BallotChannels() {
		got, err := budgeting.ParseBallotChannel(c.String())
		require.NoError(t, err)
		assert.Equal(t, c, got)
	}
	for _, r := range budgeting.RevotePolicies() {
		got, err := budgeting.ParseRevotePolicy(r.Text())
		require.NoError(t, err)
		assert.Equal(t, r, got)
	}
	for _, s := range budgeting.BallotStatuses() {
		assert.True(t, s.IsValid())
	}
	_, err := budgeting.ParseBallotChannel("pigeon")
	require.ErrorIs(t, err, budgeting.ErrInvalid)
	assert.False(t, budgeting.BallotChannel(9).IsValid())
	assert.Equal(t, "BallotStatus(9)", budgeting.BallotStatus(9).String())
}
