package metrics_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
)

// gc builds a breakdown from alternating labels and counts.
func repGroups(pairs ...any) []metrics.GroupCount {
	out := make([]metrics.GroupCount, 0, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, metrics.GroupCount{Group: pairs[i].(string), Count: int64(pairs[i+1].(int))})
	}
	return out
}

func repDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// assertDec compares decimals by value, so "0.1" equals "0.100000".
func repAssertDec(t *testing.T, want string, got decimal.Decimal, msg ...any) {
	t.Helper()
	assert.True(t, repDec(want).Equal(got), "want %s, got %s %v", want, got, fmt.Sprint(msg...))
}

func TestCompareToPopulationKnownAnswers(t *testing.T) {
	type row struct {
		group       string
		ratio, gap  string // "" when undefined
		cmp         int
		rate, share string // Ratio.String() of r_k and p_k
	}
	tests := []struct {
		name                     string
		participants, population []metrics.GroupCount
		dissimilarity, score     string
		chi                      string
		df                       int
		pValue                   float64
		valid                    bool
		rows                     []row
	}{
		{
			// Identical distributions: p_k = q_k = 1/6, 2/6, 3/6, so
			// D = 0, every r_k = 0.1 so S = 1, and χ² = 0 with p = 1.
			name:          "identical",
			participants:  repGroups("a", 10, "b", 20, "c", 30),
			population:    repGroups("a", 100, "b", 200, "c", 300),
			dissimilarity: "0", score: "1", chi: "0", df: 2, pValue: 1, valid: true,
			rows: []row{
				{"a", "1", "0", 0, "10/100", "10/60"},
				{"b", "1", "0", 0, "20/200", "20/60"},
				{"c", "1", "0", 0, "30/300", "30/60"},
			},
		},
		{
			// A = 100, B = 4000; p = .6 .2 .2, q = .5 .25 .25.
			// D = ½(.1 + .05 + .05) = .1.
			// r = 60/2000 = .03, 20/1000 = .02, .02: S = .02/.03 = 2/3.
			// E = 50, 25, 25: χ² = 10²/50 + 5²/25 + 5²/25 = 2 + 1 + 1 = 4,
			// df = 2, p = e^(−4/2) = e^(−2) = 0.1353352832366127.
			name:          "worked by hand, three groups",
			participants:  repGroups("a", 60, "b", 20, "c", 20),
			population:    repGroups("a", 2000, "b", 1000, "c", 1000),
			dissimilarity: "0.1", score: "0.666667", chi: "4", df: 2, pValue: 0.1353352832366127, valid: true,
			rows: []row{
				{"a", "1.2", "0.1", 1, "60/2000", "60/100"},
				{"b", "0.8", "-0.05", -1, "20/1000", "20/100"},
				{"c", "0.8", "-0.05", -1, "20/1000", "20/100"},
			},
		},
		{
			// Two halves, 60 and 40 of 100: E = 50, 50,
			// χ² = 10²/50 + 10²/50 = 4, df = 1; the table value of
			// P(χ²₁ ≥ 4) is 0.0455003 (= erfc(√2)).
			name:          "worked by hand, two groups",
			participants:  repGroups("young", 60, "old", 40),
			population:    repGroups("young", 500, "old", 500),
			dissimilarity: "0.1", score: "0.666667", chi: "4", df: 1, pValue: 0.0455002638963584, valid: true,
			rows: []row{
				{"young", "1.2", "0.1", 1, "60/500", "60/100"},
				{"old", "0.8", "-0.1", -1, "40/500", "40/100"},
			},
		},
		{
			// A zero-population group with no participants: it counts in
			// D with p = q = 0 and is left out of S and χ².
			// A = 20, B = 200: D = ½(|5/20 − 1/2| + 0 + |15/20 − 1/2|) = .25.
			// r = .05, −, .15: S = 1/3. E = 10, 10: χ² = 25/10 + 25/10 = 5,
			// df = 2 − 1 = 1, p = erfc(√2.5) = 0.025347318677468.
			name:          "zero-population group",
			participants:  repGroups("a", 5, "b", 0, "c", 15),
			population:    repGroups("a", 100, "b", 0, "c", 100),
			dissimilarity: "0.25", score: "0.333333", chi: "5", df: 1, pValue: 0.025347318677468264, valid: true,
			rows: []row{
				{"a", "0.5", "-0.25", -1, "5/100", "5/20"},
				{"b", "", "0", 0, "0/0", "0/20"},
				{"c", "1.5", "0.25", 1, "15/100", "15/20"},
			},
		},
		{
			// One participant of three equal groups: D = ½(2/3 + 1/3 + 1/3)
			// = 2/3 = 0.666667; r = 1, 0, 0 so S = 0. E = 1/3 each:
			// χ² = (2/3)²·3 + 2·(1/3)²·3 = 4/3 + 2/3 = 2, df = 2,
			// p = e^(−1); every E < 5, so the test is not valid.
			name:          "rounding and an invalid test",
			participants:  repGroups("a", 1, "b", 0, "c", 0),
			population:    repGroups("a", 1, "b", 1, "c", 1),
			dissimilarity: "0.666667", score: "0", chi: "2", df: 2, pValue: 0.36787944117144233, valid: false,
			rows: []row{
				{"a", "3", "0.666667", 1, "1/1", "1/1"},
				{"b", "0", "-0.333333", -1, "0/1", "0/1"},
				{"c", "0", "-0.333333", -1, "0/1", "0/1"},
			},
		},
		{
			// E = 8·5/10 = 4 < 5 in each group: not valid.
			// χ² = 1²/4 + 1²/4 = 0.5, p = 0.4795001221869535.
			name:          "expected count just below five",
			participants:  repGroups("a", 3, "b", 5),
			population:    repGroups("a", 5, "b", 5),
			dissimilarity: "0.125", score: "0.6", chi: "0.5", df: 1, pValue: 0.4795001221869535, valid: false,
			rows: []row{
				{"a", "0.75", "-0.125", -1, "3/5", "3/8"},
				{"b", "1.25", "0.125", 1, "5/5", "5/8"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := metrics.CompareToPopulation(tt.participants, tt.population)
			require.NoError(t, err)

			d, err := r.Dissimilarity()
			require.NoError(t, err)
			repAssertDec(t, tt.dissimilarity, d, "dissimilarity")
			s, err := r.Score()
			require.NoError(t, err)
			repAssertDec(t, tt.score, s, "score")
			c, err := r.ChiSquare()
			require.NoError(t, err)
			repAssertDec(t, tt.chi, c.Statistic(), "chi-square")
			assert.Equal(t, tt.df, c.DegreesOfFreedom())
			assert.InDelta(t, tt.pValue, c.PValue(), 1e-12)
			assert.Equal(t, tt.valid, c.Valid())

			require.Equal(t, len(tt.rows), r.Len())
			i := 0
			for g := range r.All() {
				want := tt.rows[i]
				i++
				assert.Equal(t, want.group, g.Group())
				ratio, err := g.RepresentationRatio()
				if want.ratio == "" {
					require.ErrorIs(t, err, metrics.ErrUndefined)
				} else {
					require.NoError(t, err)
					repAssertDec(t, want.ratio, ratio, g.Group(), " ratio")
				}
				gap, err := g.Gap()
				require.NoError(t, err)
				repAssertDec(t, want.gap, gap, g.Group(), " gap")
				assert.Equal(t, want.cmp, g.ShareCmp(), g.Group())
				assert.Equal(t, want.rate, g.ParticipationRate().String())
				assert.Equal(t, want.share, g.ParticipantShare().String())
				assert.Equal(t, g.Participants(), g.ParticipantShare().Numerator())
				assert.Equal(t, g.Population(), g.PopulationShare().Numerator())
				assert.Equal(t, r.Population(), g.PopulationShare().Denominator())
				assert.Equal(t, r.Participants(), g.ParticipantShare().Denominator())
			}
		})
	}
}

func TestChiSquareTableValue(t *testing.T) {
	// 60 of 100 participants from one half of the population: χ² = 4 on
	// one degree of freedom, whose upper tail the χ² table gives as
	// 0.0455003 (to seven places).
	r, err := metrics.CompareToPopulation(repGroups("a", 60, "b", 40), repGroups("a", 1, "b", 1))
	require.NoError(t, err)
	c, err := r.ChiSquare()
	require.NoError(t, err)
	assert.InDelta(t, 0.0455003, c.PValue(), 1e-6)
}

func TestCompareToPopulationOrderAndLookup(t *testing.T) {
	r, err := metrics.CompareToPopulation(repGroups("c", 30, "a", 10, "b", 20), repGroups("a", 100, "b", 200, "c", 300))
	require.NoError(t, err)
	var order []string
	for g := range r.All() {
		order = append(order, g.Group())
		if g.Group() == "b" {
			break
		}
	}
	assert.Equal(t, []string{"a", "b"}, order, "rows follow the population; iteration stops early")
	g, ok := r.Lookup("c")
	require.True(t, ok)
	assert.Equal(t, int64(30), g.Participants())
	assert.Equal(t, int64(300), g.Population())
	_, ok = r.Lookup("z")
	assert.False(t, ok)
	assert.Equal(t, int64(60), r.Participants())
	assert.Equal(t, int64(600), r.Population())
}

func TestCompareToPopulationErrors(t *testing.T) {
	tests := []struct {
		name                     string
		participants, population []metrics.GroupCount
		want                     error
	}{
		{"no population", repGroups(), repGroups(), metrics.ErrEmpty},
		{"fewer participant groups", repGroups("a", 1), repGroups("a", 1, "b", 1), metrics.ErrMismatchedGroups},
		{"no participant groups", nil, repGroups("a", 1), metrics.ErrMismatchedGroups},
		{"label not in population", repGroups("a", 1, "x", 1), repGroups("a", 1, "b", 1), metrics.ErrMismatchedGroups},
		{"duplicate participant label", repGroups("a", 1, "a", 1), repGroups("a", 1, "b", 1), metrics.ErrMismatchedGroups},
		{"duplicate population label", repGroups("a", 1, "b", 1), repGroups("a", 1, "a", 1), metrics.ErrMismatchedGroups},
		{"empty label", repGroups("", 1), repGroups("", 1), metrics.ErrMismatchedGroups},
		{"negative participants", repGroups("a", -1), repGroups("a", 1), metrics.ErrNegative},
		{"negative population", repGroups("a", 1), repGroups("a", -1), metrics.ErrNegative},
		{"population overflows", repGroups("a", 1, "b", 1), repGroups("a", math.MaxInt64, "b", 1), metrics.ErrOverflow},
		{"participants overflow", repGroups("a", math.MaxInt64, "b", 1), repGroups("a", 1, "b", 1), metrics.ErrOverflow},
		{"participants in an empty group", repGroups("a", 1, "b", 1), repGroups("a", 10, "b", 0), metrics.ErrPartExceedsWhole},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := metrics.CompareToPopulation(tt.participants, tt.population)
			require.ErrorIs(t, err, tt.want)
			var ie *metrics.FieldError
			require.ErrorAs(t, err, &ie)
			assert.NotEmpty(t, ie.Field)
		})
	}
}

func TestRepresentationUndefined(t *testing.T) {
	nobody, err := metrics.CompareToPopulation(repGroups("a", 0, "b", 0), repGroups("a", 10, "b", 30))
	require.NoError(t, err)
	for name, r := range map[string]metrics.Representation{"no participants": nobody, "zero value": {}} {
		t.Run(name, func(t *testing.T) {
			_, err := r.Dissimilarity()
			require.ErrorIs(t, err, metrics.ErrUndefined)
			_, err = r.Score()
			require.ErrorIs(t, err, metrics.ErrUndefined)
			_, err = r.ChiSquare()
			require.ErrorIs(t, err, metrics.ErrUndefined)
			for g := range r.All() {
				_, err := g.RepresentationRatio()
				require.ErrorIs(t, err, metrics.ErrUndefined)
				_, err = g.Gap()
				require.ErrorIs(t, err, metrics.ErrUndefined)
				assert.False(t, g.ParticipantShare().Defined())
				assert.True(t, g.PopulationShare().Defined())
				assert.Equal(t, -1, g.ShareCmp(), "no participants: under-represented against a positive share")
			}
		})
	}
	t.Run("one populated group", func(t *testing.T) {
		// Nothing to test with one group: D = 0, S = 1, χ² undefined.
		r, err := metrics.CompareToPopulation(repGroups("a", 4, "b", 0), repGroups("a", 10, "b", 0))
		require.NoError(t, err)
		_, err = r.ChiSquare()
		require.ErrorIs(t, err, metrics.ErrUndefined)
		d, err := r.Dissimilarity()
		require.NoError(t, err)
		assert.True(t, d.IsZero())
		s, err := r.Score()
		require.NoError(t, err)
		repAssertDec(t, "1", s)
	})
}

func TestRepresentationExactBeyondFloat(t *testing.T) {
	// a = 10^18 of A = 2·10^18 − 1 participants against b = 10^18 + 1 of
	// B = 2·10^18 + 1: a·B − b·A = 10^18(2·10^18 + 1) − (10^18 + 1)(2·10^18 − 1)
	// = 1 > 0. The gap p − q is about 2.5·10^−37: no float64 sees it,
	// the cross-multiplication does.
	const e18 = 1_000_000_000_000_000_000
	r, err := metrics.CompareToPopulation(
		[]metrics.GroupCount{{"a", e18}, {"b", e18 - 1}},
		[]metrics.GroupCount{{"a", e18 + 1}, {"b", e18}},
	)
	require.NoError(t, err)
	a, _ := r.Lookup("a")
	b, _ := r.Lookup("b")
	assert.Equal(t, 1, a.ShareCmp())
	assert.Equal(t, -1, b.ShareCmp())
	gap, err := a.Gap()
	require.NoError(t, err)
	assert.True(t, gap.IsZero(), "rounded to six places the gap is 0")
	ratio, err := a.RepresentationRatio()
	require.NoError(t, err)
	repAssertDec(t, "1", ratio)
	c, err := r.ChiSquare()
	require.NoError(t, err)
	assert.True(t, c.Valid())
	assert.InDelta(t, 1, c.PValue(), 1e-12)
}

// chiSquareTail is the test's own P(χ²_df ≥ x), from the closed forms of
// the regularized upper incomplete gamma function at integer and
// half-integer a = df/2:
//
//	even df = 2m:   Q = e^(−y) Σ_{i<m} y^i / i!              (y = x/2)
//	odd df = 2m+1:  Q = erfc(√y) + e^(−y) Σ_{i=1..m} y^(i−½) / Γ(i+½)
func repChiSquareTail(x float64, df int) float64 {
	y := x / 2
	if df%2 == 0 {
		sum, term := 0.0, 1.0
		for i := 0; i < df/2; i++ {
			if i > 0 {
				term *= y / float64(i)
			}
			sum += term
		}
		return math.Exp(-y) * sum
	}
	sum := math.Erfc(math.Sqrt(y))
	term := math.Sqrt(y) / math.Gamma(1.5) // y^(1/2) / Γ(3/2)
	for i := 1; i <= df/2; i++ {
		if i > 1 {
			term *= y / (float64(i) - 0.5)
		}
		sum += math.Exp(-y) * term
	}
	return sum
}

func TestChiSquareTailReference(t *testing.T) {
	// The reference itself against published 5 % critical values.
	for _, tt := range []struct {
		x  float64
		df int
	}{{3.841459, 1}, {5.991465, 2}, {7.814728, 3}, {9.487729, 4}, {11.0705, 5}, {66.33865, 49}} {
		assert.InDelta(t, 0.05, repChiSquareTail(tt.x, tt.df), 1e-6, "df %d", tt.df)
	}
}

func TestChiSquarePValueAgainstClosedForms(t *testing.T) {
	// Sweep the participants of k equal-sized groups over many splits and
	// compare the statistic with the test's own exact sum and the p-value
	// with the closed forms; this covers both the series (χ²/2 < df/2 + 1)
	// and the continued fraction branches.
	for _, k := range []int{2, 3, 4, 5, 11, 50} {
		population := make([]metrics.GroupCount, k)
		for i := range population {
			population[i] = metrics.GroupCount{Group: fmt.Sprint("g", i), Count: 1000}
		}
		for step := 0; step < 40; step++ {
			participants := make([]metrics.GroupCount, k)
			var total int64
			for i := range participants {
				n := int64(20 + (i*step*7)%(30+step))
				participants[i] = metrics.GroupCount{Group: fmt.Sprint("g", i), Count: n}
				total += n
			}
			r, err := metrics.CompareToPopulation(participants, population)
			require.NoError(t, err)
			c, err := r.ChiSquare()
			require.NoError(t, err)
			// Equal groups: E = total/k each; χ² = Σ (O − E)² / E.
			want := new(big.Rat)
			e := big.NewRat(total, int64(k))
			for _, p := range participants {
				d := new(big.Rat).Sub(new(big.Rat).SetInt64(p.Count), e)
				want.Add(want, new(big.Rat).Quo(d.Mul(d, d), e))
			}
			repAssertDec(t, want.FloatString(6), c.Statistic(), "k=", k, " step=", step)
			x, _ := want.Float64()
			ref := repChiSquareTail(x, k-1)
			assert.InDelta(t, ref, c.PValue(), 1e-13+1e-11*ref, "k=%d step=%d χ²=%v", k, step, x)
		}
	}
}

func TestRepresentationZeroValueRow(t *testing.T) {
	var g metrics.GroupRepresentation
	assert.Empty(t, g.Group())
	assert.Equal(t, 0, g.ShareCmp())
	_, err := g.RepresentationRatio()
	require.ErrorIs(t, err, metrics.ErrUndefined)
	var c metrics.ChiSquare
	assert.Zero(t, c.DegreesOfFreedom())
	assert.False(t, c.Valid())
	assert.True(t, c.Statistic().IsZero())
}

func TestRepresentationJSON(t *testing.T) {
	r, err := metrics.CompareToPopulation(repGroups("a", 60, "b", 20, "c", 20), repGroups("a", 2000, "b", 1000, "c", 1000))
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	// The figures of the "worked by hand, three groups" case; the p-value
	// e^(−2) is compared apart, to a tolerance.
	b = withoutPValue(t, b, 0.1353352832366127)
	assert.JSONEq(t, `{
		"groups": [
			{"group": "a", "participants": 60, "population": 2000, "participant_share": "0.600000",
			 "population_share": "0.500000", "representation_ratio": "1.200000", "participation_rate": "0.030000"},
			{"group": "b", "participants": 20, "population": 1000, "participant_share": "0.200000",
			 "population_share": "0.250000", "representation_ratio": "0.800000", "participation_rate": "0.020000"},
			{"group": "c", "participants": 20, "population": 1000, "participant_share": "0.200000",
			 "population_share": "0.250000", "representation_ratio": "0.800000", "participation_rate": "0.020000"}
		],
		"participants": 100,
		"population": 4000,
		"dissimilarity": "0.100000",
		"score": "0.666667",
		"chi_square": {"statistic": "4.000000", "degrees_of_freedom": 2, "valid": true}
	}`, string(b))
	b, err = json.Marshal(r)
	require.NoError(t, err)
	var back metrics.Representation
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, r, back)

	t.Run("counts alone", func(t *testing.T) {
		var got metrics.Representation
		require.NoError(t, json.Unmarshal([]byte(`{"groups":[
			{"group":"a","participants":60,"population":2000},
			{"group":"b","participants":20,"population":1000},
			{"group":"c","participants":20,"population":1000}]}`), &got))
		assert.Equal(t, r, got)
	})
	t.Run("undefined figures", func(t *testing.T) {
		nobody, err := metrics.CompareToPopulation(repGroups("a", 0, "b", 0), repGroups("a", 1, "b", 0))
		require.NoError(t, err)
		b, err := json.Marshal(nobody)
		require.NoError(t, err)
		assert.JSONEq(t, `{
			"groups": [
				{"group": "a", "participants": 0, "population": 1, "participant_share": "undefined",
				 "population_share": "1.000000", "representation_ratio": "undefined", "participation_rate": "0.000000"},
				{"group": "b", "participants": 0, "population": 0, "participant_share": "undefined",
				 "population_share": "0.000000", "representation_ratio": "undefined", "participation_rate": "undefined"}
			],
			"participants": 0, "population": 1, "dissimilarity": "undefined", "score": "undefined"
		}`, string(b))
		var back metrics.Representation
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, nobody, back)
	})
}

func TestRepresentationJSONRejects(t *testing.T) {
	const groups = `"groups":[{"group":"a","participants":60,"population":2000},{"group":"b","participants":40,"population":2000}]`
	tests := []jsonDecodeCase{
		{"no groups", `{"groups":[]}`, metrics.ErrEmpty},
		{"empty label", `{"groups":[{"group":"","participants":1,"population":1}]}`, metrics.ErrMismatchedGroups},
		{"negative", `{"groups":[{"group":"a","participants":-1,"population":1}]}`, metrics.ErrNegative},
		{"wrong total", `{` + groups + `,"participants":99}`, metrics.ErrInconsistent},
		{"wrong population", `{` + groups + `,"population":1}`, metrics.ErrInconsistent},
		{"wrong dissimilarity", `{` + groups + `,"dissimilarity":"0.2"}`, metrics.ErrInconsistent},
		{"wrong score", `{` + groups + `,"score":"1.000000"}`, metrics.ErrInconsistent},
		{"wrong share", `{"groups":[{"group":"a","participants":1,"population":1,"participant_share":"0.5"}]}`, metrics.ErrInconsistent},
		{"wrong population share", `{"groups":[{"group":"a","participants":1,"population":1,"population_share":"0.5"}]}`, metrics.ErrInconsistent},
		{"wrong ratio", `{"groups":[{"group":"a","participants":1,"population":1,"representation_ratio":"2"}]}`, metrics.ErrInconsistent},
		{"wrong rate", `{"groups":[{"group":"a","participants":1,"population":1,"participation_rate":"2"}]}`, metrics.ErrInconsistent},
		{"wrong chi-square", `{` + groups + `,"chi_square":{"statistic":"5","degrees_of_freedom":1,"p_value":0.5,"valid":true}}`, metrics.ErrInconsistent},
		{"chi-square of nothing", `{"groups":[{"group":"a","participants":1,"population":1}],"chi_square":{"statistic":"0","degrees_of_freedom":1,"p_value":1,"valid":true}}`, metrics.ErrInconsistent},
		{"bad chi-square", `{` + groups + `,"chi_square":{"statistic":"4","degrees_of_freedom":0,"p_value":0.5,"valid":true}}`, metrics.ErrOutOfRange},
	}
	assertDecodeRejects(t, metrics.Representation{}, tests)
	var r metrics.Representation
	require.Error(t, json.Unmarshal([]byte(`[]`), &r))
}

func TestChiSquareJSON(t *testing.T) {
	// Two halves, 60 and 40: χ² = 4 on one degree of freedom.
	r, err := metrics.CompareToPopulation(repGroups("a", 60, "b", 40), repGroups("a", 1, "b", 1))
	require.NoError(t, err)
	c, err := r.ChiSquare()
	require.NoError(t, err)
	b, err := json.Marshal(c)
	require.NoError(t, err)
	// erfc(√2) = 0.0455002638963584.
	assert.JSONEq(t, `{"statistic":"4.000000","degrees_of_freedom":1,"valid":true}`, string(withoutPValue(t, b, 0.0455002638963584)))
	var back metrics.ChiSquare
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, c, back)
	for name, in := range map[string]string{
		"negative statistic": `{"statistic":"-1","degrees_of_freedom":1,"p_value":0.5}`,
		"not a number":       `{"statistic":"four","degrees_of_freedom":1,"p_value":0.5}`,
		"no freedom":         `{"statistic":"1","degrees_of_freedom":0,"p_value":0.5}`,
		"p above one":        `{"statistic":"1","degrees_of_freedom":1,"p_value":1.5}`,
		"p below zero":       `{"statistic":"1","degrees_of_freedom":1,"p_value":-0.1}`,
	} {
		t.Run(name, func(t *testing.T) {
			var got metrics.ChiSquare
			require.ErrorIs(t, json.Unmarshal([]byte(in), &got), metrics.ErrOutOfRange)
			assert.Zero(t, got.DegreesOfFreedom())
		})
	}
	require.Error(t, json.Unmarshal([]byte(`{"statistic":true}`), &back))
}

// TestShareCmpAgreesWithRatioCmp checks ShareCmp against the Ratio
// comparison of the two shares on seeded random breakdowns, zeros included.
func TestShareCmpAgreesWithRatioCmp(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 300 {
		k := 1 + rng.IntN(6)
		participants := make([]metrics.GroupCount, k)
		population := make([]metrics.GroupCount, k)
		for i := range k {
			name := fmt.Sprint("g", i)
			b := rng.Int64N(4)
			a := int64(0)
			if b > 0 {
				a = rng.Int64N(4)
			}
			participants[i] = metrics.GroupCount{Group: name, Count: a}
			population[i] = metrics.GroupCount{Group: name, Count: b}
		}
		r, err := metrics.CompareToPopulation(participants, population)
		require.NoError(t, err)
		for g := range r.All() {
			assert.Equal(t, g.ParticipantShare().Cmp(g.PopulationShare()), g.ShareCmp(), "%v / %v", participants, population)
		}
	}
}

// withoutPValue checks the "p_value" of a JSON object, at the top level or
// in its "chi_square" member, against want to 1e-12, and returns the
// object without it: the last digits of a float64 may differ between
// machines, the other fields may not.
func withoutPValue(t *testing.T, b []byte, want float64) []byte {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	obj := m
	if c, ok := m["chi_square"].(map[string]any); ok {
		obj = c
	}
	p, ok := obj["p_value"].(float64)
	require.True(t, ok, "p_value is a number")
	assert.InDelta(t, want, p, 1e-12)
	delete(obj, "p_value")
	out, err := json.Marshal(m)
	require.NoError(t, err)
	return out
}

// FuzzRepresentationJSON feeds arbitrary documents to the decoder: what it
// accepts must re-encode and decode to the same value, and its figures must
// be those of CompareToPopulation on the decoded counts.
func FuzzRepresentationJSON(f *testing.F) {
	f.Add([]byte(`{"groups":[{"group":"a","participants":60,"population":2000},{"group":"b","participants":20,"population":1000}]}`))
	f.Add([]byte(`{"groups":[{"group":"a","participants":0,"population":0}],"dissimilarity":"undefined"}`))
	f.Add([]byte(`{"groups":[{"group":"a","participants":1,"population":1},{"group":"b","participants":1,"population":3}],"chi_square":{"statistic":"0.500000","degrees_of_freedom":1,"p_value":0.48,"valid":false}}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		var r metrics.Representation
		if json.Unmarshal(doc, &r) != nil {
			return
		}
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back metrics.Representation
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, r, back)
		var participants, population []metrics.GroupCount
		for g := range r.All() {
			participants = append(participants, metrics.GroupCount{Group: g.Group(), Count: g.Participants()})
			population = append(population, metrics.GroupCount{Group: g.Group(), Count: g.Population()})
		}
		again, err := metrics.CompareToPopulation(participants, population)
		require.NoError(t, err)
		require.Equal(t, again, r)
	})
}
