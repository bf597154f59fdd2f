package sortition_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/sortition"
)

// jsonLottery returns a leximin distribution of a small generated pool and
// its lottery of 50 panels, encoded.
func jsonLottery(t *testing.T) (*sortition.Distribution, *sortition.Lottery, []byte, []byte) {
	t.Helper()
	pool, spec := genPool(3, 60, 3, 8)
	d, err := sortition.Fair(pool, spec, sortition.AlgorithmLeximin)
	require.NoError(t, err)
	l, err := d.Round(50)
	require.NoError(t, err)
	db, err := json.Marshal(d)
	require.NoError(t, err)
	lb, err := json.Marshal(l)
	require.NoError(t, err)
	return d, l, db, lb
}

func TestDistributionJSONRoundTrip(t *testing.T) {
	d, l, db, lb := jsonLottery(t)
	var got sortition.Distribution
	require.NoError(t, json.Unmarshal(db, &got))
	again, err := json.Marshal(&got)
	require.NoError(t, err)
	assert.Equal(t, string(db), string(again))
	assert.Equal(t, d.Algorithm(), got.Algorithm())
	assert.Equal(t, d.Spec(), got.Spec())
	assert.Equal(t, d.Support(), got.Support())
	for i, p := range d.Probabilities() {
		assert.Equal(t, p.RatString(), got.Probability(i).RatString(), "respondent %d", i)
	}

	var gl sortition.Lottery
	require.NoError(t, json.Unmarshal(lb, &gl))
	assert.Equal(t, l.Inputs(), gl.Inputs(), "the same inputs document, so the same draws")
	assert.Equal(t, l.MaxDeviation().RatString(), gl.MaxDeviation().RatString())

	// Nash carries its gap.
	pool, spec := genPool(3, 60, 3, 8)
	nd, err := sortition.Fair(pool, spec, sortition.AlgorithmNash)
	require.NoError(t, err)
	nb, err := json.Marshal(nd)
	require.NoError(t, err)
	var gn sortition.Distribution
	require.NoError(t, json.Unmarshal(nb, &gn))
	want, _ := nd.NashGap()
	gap, ok := gn.NashGap()
	require.True(t, ok)
	assert.Equal(t, want.RatString(), gap.RatString())
}

func TestDistributionJSONRefused(t *testing.T) {
	_, _, db, lb := jsonLottery(t)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(db, &doc))
	comps := doc["compositions"].([]any)
	first := comps[0].(map[string]any)
	counts := first["counts"].([]any)
	edit := func(f func(map[string]any)) []byte {
		var m map[string]any
		require.NoError(t, json.Unmarshal(db, &m))
		f(m)
		b, err := json.Marshal(m)
		require.NoError(t, err)
		return b
	}
	cases := []struct {
		name string
		doc  []byte
		want error
	}{
		{"malformed", []byte(`{"algorithm": "leximin",`), sortition.ErrInvalid},
		{"wrong type", []byte(`{"panel_size": "forty"}`), sortition.ErrInvalid},
		{"unknown algorithm", bytes.Replace(db, []byte(`"leximin"`), []byte(`"lottery"`), 1), sortition.ErrInvalid},
		{"legacy", bytes.Replace(db, []byte(`"leximin"`), []byte(`"legacy"`), 1), sortition.ErrInvalid},
		{"weights off", edit(func(m map[string]any) {
			m["compositions"].([]any)[0].(map[string]any)["weight"] = "2"
		}), sortition.ErrInconsistent},
		{"not a rational", edit(func(m map[string]any) {
			m["compositions"].([]any)[0].(map[string]any)["weight"] = "0.5"
		}), sortition.ErrInvalid},
		{"a seat too many", edit(func(m map[string]any) {
			c := m["compositions"].([]any)[0].(map[string]any)["counts"].([]any)
			c[0] = c[0].(float64) + 1
		}), sortition.ErrInconsistent},
		{"counts for other classes", edit(func(m map[string]any) {
			m["compositions"].([]any)[0].(map[string]any)["counts"] = counts[1:]
		}), sortition.ErrInvalid},
		{"a composition twice", edit(func(m map[string]any) {
			m["compositions"] = append(m["compositions"].([]any), first)
		}), sortition.ErrDuplicate},
		{"gap without nash", edit(func(m map[string]any) { m["nash_gap"] = "1/100" }), sortition.ErrInconsistent},
		{"duplicate respondent", edit(func(m map[string]any) {
			rs := m["respondents"].([]any)
			m["respondents"] = append(rs, rs[0])
		}), sortition.ErrDuplicate},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var d sortition.Distribution
			err := d.UnmarshalJSON(c.doc)
			require.ErrorIs(t, err, c.want)
			assert.Zero(t, d.Support(), "unchanged on error")
		})
	}

	// A lottery whose panels are not the distribution's rounding.
	var ld map[string]any
	require.NoError(t, json.Unmarshal(lb, &ld))
	panels := ld["panels"].([]any)
	panels[0], panels[1] = panels[1], panels[0]
	if panels[0].([]any)[0] == panels[1].([]any)[0] {
		panels[0] = panels[2]
	}
	bad, err := json.Marshal(ld)
	require.NoError(t, err)
	var l sortition.Lottery
	require.ErrorIs(t, l.UnmarshalJSON(bad), sortition.ErrInconsistent)
	assert.Zero(t, l.Len(), "unchanged on error")
	ld["panels"] = []any{}
	bad, err = json.Marshal(ld)
	require.NoError(t, err)
	require.ErrorIs(t, l.UnmarshalJSON(bad), sortition.ErrOutOfRange)
	require.ErrorIs(t, l.UnmarshalJSON([]byte(`{"panels": [["P0001"]]}`)), sortition.ErrInvalid)
}

// FuzzDistributionJSON: any document either is refused or decodes to a
// distribution that encodes back to a document that decodes the same.
func FuzzDistributionJSON(f *testing.F) {
	pool, spec := genPool(5, 12, 2, 3)
	d, err := sortition.Fair(pool, spec, sortition.AlgorithmMaximin)
	if err != nil {
		f.Fatal(err)
	}
	b, err := json.Marshal(d)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(strings.Replace(string(b), `"maximin"`, `"nash"`, 1)))
	f.Fuzz(func(t *testing.T, doc []byte) {
		var d sortition.Distribution
		if err := json.Unmarshal(doc, &d); err != nil {
			return
		}
		again, err := json.Marshal(&d)
		require.NoError(t, err)
		var d2 sortition.Distribution
		require.NoError(t, json.Unmarshal(again, &d2))
		third, err := json.Marshal(&d2)
		require.NoError(t, err)
		assert.Equal(t, string(again), string(third))
	})
}
