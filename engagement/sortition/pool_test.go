package sortition_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/sortition"
)

func TestNewPoolErrors(t *testing.T) {
	_, err := sortition.NewPool([]string{"sex", "sex", " age"}, []sortition.Respondent{
		{ID: "", Values: []string{"f", "m", "x"}},
		{ID: "a", Household: " h", Values: []string{"f"}},
		{ID: "a", Values: []string{"f", "", "x"}},
	})
	require.ErrorIs(t, err, sortition.ErrDuplicate)
	require.ErrorIs(t, err, sortition.ErrInvalid)
	var fe *sortition.FieldError
	require.ErrorAs(t, err, &fe)
	for _, want := range []string{"features[1]", "features[2]", "respondents[0].id", "respondents[1].household",
		"respondents[1].values", "respondents[2].id", "respondents[2].values[1]"} {
		assert.Contains(t, err.Error(), want)
	}
	var nilErr *sortition.FieldError
	assert.Equal(t, "invalid value", nilErr.Error())
	assert.Nil(t, nilErr.Unwrap())
}

func TestPoolAccessors(t *testing.T) {
	pool, _ := smallPool(t)
	assert.Equal(t, []string{"sex", "area"}, pool.Features())
	assert.Equal(t, 8, pool.Len())
	r := pool.Respondent(0)
	r.Values[0] = "changed"
	assert.Equal(t, "f", pool.Respondent(0).Values[0], "a copy")
	i, ok := pool.Lookup("c")
	require.True(t, ok)
	assert.Equal(t, 2, i)
	_, ok = pool.Lookup("zz")
	assert.False(t, ok)
	v, ok := pool.Value(2, "area")
	assert.True(t, ok)
	assert.Equal(t, "south", v)
	_, ok = pool.Value(2, "age")
	assert.False(t, ok)
}

func TestSpecErrors(t *testing.T) {
	pool, _ := smallPool(t)
	cases := []struct {
		name string
		spec sortition.Spec
		want error
	}{
		{"no seat", sortition.Spec{}, sortition.ErrOutOfRange},
		{"unknown feature", sortition.Spec{PanelSize: 2, Quotas: []sortition.Quota{{Feature: "age", Value: "x", Max: 1}}}, sortition.ErrInvalid},
		{"empty value", sortition.Spec{PanelSize: 2, Quotas: []sortition.Quota{{Feature: "sex", Value: "", Max: 1}}}, sortition.ErrInvalid},
		{"min above max", sortition.Spec{PanelSize: 2, Quotas: []sortition.Quota{{Feature: "sex", Value: "f", Min: 2, Max: 1}}}, sortition.ErrOutOfRange},
		{"negative", sortition.Spec{PanelSize: 2, Quotas: []sortition.Quota{{Feature: "sex", Value: "f", Min: -1, Max: 1}}}, sortition.ErrOutOfRange},
		{"twice", sortition.Spec{PanelSize: 2, Quotas: []sortition.Quota{{Feature: "sex", Value: "f", Max: 1}, {Feature: "sex", Value: "f", Max: 2}}}, sortition.ErrDuplicate},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.ErrorIs(t, c.spec.Validate(pool), c.want)
			_, err := sortition.Fair(pool, c.spec, sortition.AlgorithmLeximin)
			require.ErrorIs(t, err, c.want)
			_, err = sortition.LegacyDraw(pool, c.spec, "x")
			require.ErrorIs(t, err, c.want)
		})
	}
	_, err := sortition.Fair(nil, sortition.Spec{PanelSize: 1}, sortition.AlgorithmLeximin)
	require.ErrorIs(t, err, sortition.ErrInvalid)
	_, err = sortition.Fair(pool, sortition.Spec{PanelSize: 1}, sortition.AlgorithmLegacy)
	require.ErrorIs(t, err, sortition.ErrInvalid, "legacy has no distribution")
	// Six households for seven seats.
	_, err = sortition.Fair(pool, sortition.Spec{PanelSize: 7}, sortition.AlgorithmLeximin)
	require.ErrorIs(t, err, sortition.ErrPoolTooSmall)
	_, err = sortition.LegacyDraw(pool, sortition.Spec{PanelSize: 7}, "x")
	require.ErrorIs(t, err, sortition.ErrPoolTooSmall)
}

func TestInfeasibleError(t *testing.T) {
	pool, spec := smallPool(t)
	// Three south seats wanted; only three southerners, two of them... c,
	// d and e: feasible with max 3? The area quota is 1..1; ask for 3..3
	// with women at most 0: e and c are women, so only d.
	spec.Quotas = []sortition.Quota{
		{Feature: "area", Value: "south", Min: 3, Max: 3},
		{Feature: "sex", Value: "f", Min: 0, Max: 0},
	}
	for _, alg := range []sortition.Algorithm{sortition.AlgorithmLeximin, sortition.AlgorithmMaximin, sortition.AlgorithmNash} {
		_, err := sortition.Fair(pool, spec, alg)
		require.ErrorIs(t, err, sortition.ErrInfeasible)
		var ie *sortition.InfeasibleError
		require.True(t, errors.As(err, &ie))
		assert.Equal(t, 2, ie.Total())
		assert.Contains(t, err.Error(), "moves 2 in all")
	}
	_, err := sortition.LegacyDraw(pool, spec, "x")
	require.ErrorIs(t, err, sortition.ErrInfeasible)
	var nilErr *sortition.InfeasibleError
	assert.Equal(t, sortition.ErrInfeasible.Error(), nilErr.Error())
	assert.Zero(t, nilErr.Total())
	c := sortition.QuotaChange{Min: 3, Max: 3, NewMin: 1, NewMax: 3}
	assert.Equal(t, 2, c.By())
}

func TestReadPoolAndQuotas(t *testing.T) {
	pool, err := sortition.ReadPool(strings.NewReader("id,household,sex,age\nP1,H1,f,18-24\nP2,,m,75+\n\"P,3\",H1,f,75+\n"))
	require.NoError(t, err)
	assert.Equal(t, []string{"sex", "age"}, pool.Features())
	assert.Equal(t, "P,3", pool.Respondent(2).ID)
	assert.Equal(t, "H1", pool.Respondent(2).Household)
	qs, err := sortition.ReadQuotas(strings.NewReader("feature,value,min,max\nsex,f,1,2\nage,75+,0,1\n"))
	require.NoError(t, err)
	assert.Equal(t, []sortition.Quota{{Feature: "sex", Value: "f", Min: 1, Max: 2}, {Feature: "age", Value: "75+", Min: 0, Max: 1}}, qs)

	for name, in := range map[string]string{
		"empty":       "",
		"header":      "ID,household,sex\n",
		"field count": "id,household,sex\nP1,,f,extra\n",
		"quote":       "id,household,sex\n\"P1,,f\n",
		"padded":      "id,household,sex\n P1,,f\n",
		"duplicate":   "id,household,sex\nP1,,f\nP1,,m\n",
	} {
		_, err := sortition.ReadPool(strings.NewReader(in))
		assert.Error(t, err, name)
		assert.True(t, errors.Is(err, sortition.ErrInvalid) || errors.Is(err, sortition.ErrDuplicate), name)
	}
	for name, in := range map[string]string{
		"empty":  "",
		"header": "feature,value,lo,hi\n",
		"min":    "feature,value,min,max\nsex,f,one,2\n",
		"max":    "feature,value,min,max\nsex,f,1,2.5\n",
		"fields": "feature,value,min,max\nsex,f,1\n",
	} {
		_, err := sortition.ReadQuotas(strings.NewReader(in))
		require.ErrorIs(t, err, sortition.ErrInvalid, name)
	}
}

func FuzzReadPool(f *testing.F) {
	f.Add("id,household,sex,age\nP1,H1,f,18-24\nP2,,m,75+\n")
	f.Add("id,household\n")
	f.Add("id,household,a\n\"x\"\"y\",,1\n")
	f.Fuzz(func(t *testing.T, in string) {
		pool, err := sortition.ReadPool(strings.NewReader(in))
		if err != nil {
			if !errors.Is(err, sortition.ErrInvalid) && !errors.Is(err, sortition.ErrDuplicate) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		// A pool read is a pool NewPool accepts, and every ID is found.
		for i := range pool.Len() {
			j, ok := pool.Lookup(pool.Respondent(i).ID)
			if !ok || j != i {
				t.Fatalf("respondent %d not found", i)
			}
		}
	})
}

func FuzzReadQuotas(f *testing.F) {
	f.Add("feature,value,min,max\nsex,f,1,2\n")
	f.Add("feature,value,min,max\n")
	f.Add("feature,value,min,max\na,b,-1,99999999999999999999\n")
	f.Fuzz(func(t *testing.T, in string) {
		qs, err := sortition.ReadQuotas(strings.NewReader(in))
		if err != nil {
			if !errors.Is(err, sortition.ErrInvalid) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		for _, q := range qs {
			_ = q.Min + q.Max
		}
	})
}

func TestAlgorithms(t *testing.T) {
	names := []string{"leximin", "maximin", "nash", "legacy"}
	for i, a := range sortition.Algorithms() {
		assert.True(t, a.IsValid())
		assert.Equal(t, names[i], a.String())
		b, err := a.MarshalText()
		require.NoError(t, err)
		var back sortition.Algorithm
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, a, back)
		p, err := sortition.ParseAlgorithm(strings.ToUpper(names[i]))
		require.NoError(t, err)
		assert.Equal(t, a, p)
	}
	bad := sortition.Algorithm(9)
	assert.False(t, bad.IsValid())
	assert.Equal(t, "Algorithm(9)", bad.String())
	_, err := bad.MarshalText()
	require.ErrorIs(t, err, sortition.ErrInvalid)
	_, err = sortition.ParseAlgorithm("fairest")
	require.ErrorIs(t, err, sortition.ErrInvalid)
}
