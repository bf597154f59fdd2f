package budgeting_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// wellFormed checks that b is well-formed XML.
func wellFormed(t *testing.T, b []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		require.NoError(t, err)
	}
}

// TestCompareSVG draws greedy against equal shares on Warszawa 2017 and
// holds the picture against testdata/compare.svg (-update rewrites it,
// after looking at it: rsvg-convert testdata/compare.svg -o /tmp/c.png).
// Greedy funds all four projects, 44720 of 51195 PLN (87.35 %), and every
// voter's ballot lists one of them; equal shares funds 427, 915 and 1623,
// 24720 PLN (48.29 %), and the three voters who approved only 2567 get
// nothing: 24 of 27, 88.89 %.
func TestCompareSVG(t *testing.T) {
	e, err := budgeting.ReadFile("testdata/Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb")
	require.NoError(t, err)
	greedy, mes := runNamed(t, e, "greedy_cost", false), runNamed(t, e, "mes_cost", false)
	var b bytes.Buffer
	require.NoError(t, budgeting.CompareSVG(&b, greedy, mes))
	wellFormed(t, b.Bytes())
	golden(t, "testdata/compare.svg", b.Bytes())
	s := b.String()
	for _, want := range []string{"87.35 % of the budget", "48.29 % of the budget", "100.00 % (27 of 27)", "88.89 % (24 of 27)",
		"unspent: 26475 PLN", `font-weight="bold">2567 Aktywny senior - gimnastyka · 20000 PLN<`,
		">Greedy</text>", ">Method of Equal Shares</text>", "1623 Życzliwość wobec kobiet w ciąży dla mieszkanek Wesołej. · 2900 PLN"} {
		assert.Contains(t, s, want)
	}
	assert.NotContains(t, s, "…", "no name is cut")
	assert.NotContains(t, s, "mes_cost", "rules go by their titles")

	var again bytes.Buffer
	require.NoError(t, budgeting.CompareSVG(&again, greedy, mes))
	assert.Equal(t, b.Bytes(), again.Bytes(), "the same results give the same bytes")

	// The same election read twice is the same election.
	e2, err := budgeting.ReadFile("testdata/Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb")
	require.NoError(t, err)
	again.Reset()
	require.NoError(t, budgeting.CompareSVG(&again, greedy, runNamed(t, e2, "mes_cost", false)))
	assert.Equal(t, b.Bytes(), again.Bytes())
}

// A file's text goes into the picture escaped, and long names are whole:
// the picture widens to hold them.
func TestCompareSVGEscapes(t *testing.T) {
	e := readPB(t, `META
key;value
description;Parks & <Gardens> "2025"
budget;100
vote_type;approval
PROJECTS
project_id;cost;name
p<1>;60;A very long name for a project that goes on & on and on & on beyond any label
q&2;0;"Say ""hi"""
r;50;Rest
VOTES
voter_id;vote
v1;p<1>,q&2
v2;r
`)
	var b bytes.Buffer
	require.NoError(t, budgeting.CompareSVG(&b, runNamed(t, e, "greedy_cost", false), runNamed(t, e, "phragmen", false)))
	wellFormed(t, b.Bytes())
	s := b.String()
	assert.Contains(t, s, "Parks &amp; &lt;Gardens&gt; &#34;2025&#34;")
	assert.Contains(t, s, "p&lt;1&gt; A very long name for a project that goes on &amp; on and on &amp; on beyond any label · 60")
	assert.Contains(t, s, "q&amp;2 Say &#34;hi&#34; · 0")
	assert.NotContains(t, s, "…", "no label is cut")
}

func TestCompareSVGErrors(t *testing.T) {
	e := readPB(t, instanceGreedy)
	a := runNamed(t, e, "greedy_cost", false)
	other := runNamed(t, readPB(t, street), "greedy_cost", false)
	for name, pair := range map[string][2]*budgeting.Result{
		"nil":                 {nil, a},
		"zero":                {a, {}},
		"different elections": {a, other},
	} {
		err := budgeting.CompareSVG(io.Discard, pair[0], pair[1])
		require.ErrorIs(t, err, budgeting.ErrInvalid, name)
	}
	require.ErrorIs(t, budgeting.CompareSVG(failWriter{}, a, a), errWriteFailed)
}

// Many funded projects make the columns taller, and the labels never
// overlap: in each column, baselines are at least 15 px apart.
func TestCompareSVGManyProjects(t *testing.T) {
	e, err := budgeting.ReadFile("testdata/Poland_Wieliczka_2023_Green_Budget.pb")
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, budgeting.CompareSVG(&b, runNamed(t, e, "greedy_cost", false), runNamed(t, e, "mes_cost", false)))
	wellFormed(t, b.Bytes())
	ys := map[string][]float64{} // baselines of the labels, by x
	dec := xml.NewDecoder(&b)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		el, ok := tok.(xml.StartElement)
		if !ok || el.Name.Local != "text" {
			continue
		}
		attr := map[string]string{}
		for _, a := range el.Attr {
			attr[a.Name.Local] = a.Value
		}
		if attr["font-size"] == "11" && attr["x"] != "20" { // 20: the note under the picture
			y, err := strconv.ParseFloat(attr["y"], 64)
			require.NoError(t, err)
			ys[attr["x"]] = append(ys[attr["x"]], y)
		}
	}
	require.Len(t, ys, 2, "a column of labels beside each bar")
	for x, list := range ys {
		assert.Greater(t, len(list), 20)
		slices.Sort(list)
		for i := 1; i < len(list); i++ {
			assert.GreaterOrEqual(t, list[i]-list[i-1], 14.9, "labels at x=%s: %v", x, list)
		}
	}
}
