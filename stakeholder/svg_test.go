package stakeholder_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civitas-go/civitas/stakeholder"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create it")
	assert.Equal(t, string(want), string(got))
}

// wellFormed fails t unless b is one well-formed XML document with an <svg>
// root.
func wellFormed(t *testing.T, b []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	root := ""
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
	assert.Equal(t, "svg", root)
}

// pictureMap is a small map whose pictures show every feature: all four
// quadrants, every attitude, a crowded cell, every relationship type, two
// relationships between one pair, and names that need escaping or clipping.
func pictureMap(t *testing.T) *stakeholder.Map {
	m := stakeholder.NewMap()
	people := []struct {
		name string
		p, i stakeholder.Score
		now  stakeholder.Attitude
	}{
		{"Riverside Residents' Association", 3, 5, stakeholder.AttitudeResistant},
		{"Council <Planning> & Parks", 5, 4, stakeholder.AttitudeLeading},
		{"Gazette", 4, 2, stakeholder.AttitudeNeutral},
		{"Cycling Club", 2, 4, stakeholder.AttitudeSupportive},
		{"Dog walkers", 1, 1, stakeholder.AttitudeUnaware},
		{`The "Quoted" Society`, 2, 2, stakeholder.AttitudeNeutral},
	}
	for i, p := range people {
		d := details(p.name, p.p, p.i, 3, 3)
		d.Attitude = p.now
		require.NoError(t, m.Add(mustNew(t, i+1, d)))
	}
	// Six more in one cell: five lines fit, so four show and "+2 more".
	for i := range 6 {
		require.NoError(t, m.Add(mustNew(t, 10+i, details(fmt.Sprintf("Crowd member %d", i+1), 1, 5, 1, 1))))
	}
	for i, rt := range stakeholder.RelationTypes() {
		require.NoError(t, m.AddRelationship(stakeholder.Relationship{From: id(1 + i%6), To: id(1 + (i+2)%6),
			Type: rt, Strength: stakeholder.Score(1 + i%5)}))
	}
	require.NoError(t, m.AddRelationship(stakeholder.Relationship{From: id(3), To: id(1), Type: stakeholder.RelationTypeFunds, Strength: 5}))
	return m
}

func TestGridSVG(t *testing.T) {
	m := pictureMap(t)
	var b bytes.Buffer
	require.NoError(t, m.WriteGridSVG(&b, stakeholder.Grid{}))
	wellFormed(t, b.Bytes())
	golden(t, "grid.svg", b.Bytes())
	s := b.String()
	assert.Contains(t, s, "Council &lt;Planning&gt; &amp; Parks")
	assert.Contains(t, s, "The &#34;Quoted&#34; Society")
	assert.Contains(t, s, "+2 more")
	assert.Contains(t, s, ">Riverside Residents&#39;</text>", "a long name wraps")
	assert.Contains(t, s, ">Association</text>", "and is whole")
	assert.NotContains(t, s, "…", "no name is cut")
	for _, shape := range []string{"<circle", "<rect", "<path"} {
		assert.Contains(t, s, shape, "each attitude has its shape")
	}
	for _, q := range stakeholder.Quadrants() {
		assert.Contains(t, s, ">"+q.Label()+"<")
	}
	// The same map gives the same bytes.
	var again bytes.Buffer
	require.NoError(t, m.WriteGridSVG(&again, stakeholder.Grid{}))
	assert.Equal(t, b.String(), again.String())

	// Another cut moves the dashed lines.
	strict, err := stakeholder.NewGrid(5, 5)
	require.NoError(t, err)
	var other bytes.Buffer
	require.NoError(t, m.WriteGridSVG(&other, strict))
	wellFormed(t, other.Bytes())
	assert.NotEqual(t, b.String(), other.String())
}

func TestNetworkSVG(t *testing.T) {
	m := pictureMap(t)
	var b bytes.Buffer
	require.NoError(t, m.WriteNetworkSVG(&b))
	wellFormed(t, b.Bytes())
	golden(t, "network.svg", b.Bytes())
	s := b.String()
	for _, rt := range stakeholder.RelationTypes() {
		assert.Equal(t, rt.Directed(), strings.Contains(s, `id="arrow-`+rt.String()+`"`), rt.String())
	}
	assert.Contains(t, s, "Council &lt;Planning&gt; &amp; Parks")
	assert.Contains(t, s, ">Coalition 1</text>")
	assert.NotContains(t, s, "…", "no name is cut")
}

// The brokers are ringed and named as such, and the legend explains it.
func TestNetworkSVGMarksBrokers(t *testing.T) {
	m := stakeholder.NewMap()
	for i, name := range []string{"Left", "Middle", "Right"} {
		require.NoError(t, m.Add(mustNew(t, i+1, details(name, 3, 3, 3, 3))))
	}
	require.NoError(t, m.AddRelationship(stakeholder.Relationship{From: id(1), To: id(2), Type: stakeholder.RelationTypeOpposes, Strength: 2}))
	require.NoError(t, m.AddRelationship(stakeholder.Relationship{From: id(3), To: id(2), Type: stakeholder.RelationTypeInfluences, Strength: 2}))
	var b bytes.Buffer
	require.NoError(t, m.WriteNetworkSVG(&b))
	wellFormed(t, b.Bytes())
	s := b.String()
	assert.Contains(t, s, "; broker, betweenness 1.00</title>", "Middle lies between the other two")
	assert.Equal(t, 1, strings.Count(s, ">broker</text>"))
	assert.Contains(t, s, "broker: one of the 3")
	assert.NotContains(t, s, "coalition: ", "no cooperative tie, no coalition")
}

func TestNetworkSVGLargeMapHidesNames(t *testing.T) {
	m := mapOf(t, 150)
	var b bytes.Buffer
	require.NoError(t, m.WriteNetworkSVG(&b))
	wellFormed(t, b.Bytes())
	assert.NotContains(t, b.String(), ">S150</text>", "names only on hover")
	assert.Contains(t, b.String(), "<title>S150 (community group)")
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestSVGWriteError(t *testing.T) {
	m := pictureMap(t)
	require.EqualError(t, m.WriteGridSVG(failingWriter{}, stakeholder.Grid{}), "disk full")
	require.EqualError(t, m.WriteNetworkSVG(failingWriter{}), "disk full")
}
