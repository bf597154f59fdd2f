package stakeholder_test

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
)

// The benchmark map: 10,000 stakeholders with scores, attitudes and tags
// drawn from a fixed seed, and 100,000 relationships of random types between
// random pairs. It is built once and shared, read-only.
const (
	benchStakeholders  = 10_000
	benchRelationships = 100_000
)

var benchMap = sync.OnceValue(func() *stakeholder.Map {
	r := rand.New(rand.NewPCG(2025, 3))
	m := stakeholder.NewMap()
	score := func() stakeholder.Score { return stakeholder.Score(1 + r.IntN(5)) }
	attitude := func() stakeholder.Attitude { return stakeholder.Attitude(1 + r.IntN(5)) }
	tags := []string{"park", "cycling", "flood-risk", "heritage", "economy"}
	for i := range benchStakeholders {
		d := stakeholder.Details{
			Name: fmt.Sprintf("Stakeholder %05d", i), Kind: stakeholder.Kind(1 + r.IntN(10)),
			Area: fmt.Sprintf("ward-%02d", r.IntN(20)), Tags: []string{tags[r.IntN(len(tags))]},
			Assessment: stakeholder.Assessment{Power: score(), Interest: score(), Legitimacy: score(),
				Urgency: score(), Attitude: attitude(), Desired: attitude()},
		}
		s, err := stakeholder.New(uuid.UUID{0: 0xbe, 1: 0x4c, 14: byte(i >> 8), 15: byte(i)}, d)
		if err != nil {
			panic(err)
		}
		if err := m.Add(s); err != nil {
			panic(err)
		}
	}
	ids := make([]uuid.UUID, 0, benchStakeholders)
	for s := range m.All() {
		ids = append(ids, s.ID())
	}
	for added := 0; added < benchRelationships; {
		err := m.AddRelationship(stakeholder.Relationship{From: ids[r.IntN(len(ids))], To: ids[r.IntN(len(ids))],
			Type: stakeholder.RelationType(1 + r.IntN(7)), Strength: score()})
		switch {
		case err == nil:
			added++
		case errors.Is(err, stakeholder.ErrDuplicate), errors.Is(err, stakeholder.ErrInvalid):
		default:
			panic(err)
		}
	}
	return m
})

func BenchmarkSelect(b *testing.B) {
	m := benchMap()
	var g stakeholder.Grid
	filters := []stakeholder.Filter{stakeholder.InQuadrant(g, stakeholder.QuadrantManageClosely),
		stakeholder.GapAtLeast(1), stakeholder.Tagged("park")}
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for range m.Select(filters...) {
			n++
		}
		if n == 0 {
			b.Fatal("nobody selected")
		}
	}
}

func BenchmarkCounts(b *testing.B) {
	m := benchMap()
	b.ReportAllocs()
	for b.Loop() {
		m.QuadrantCounts(stakeholder.Grid{})
		m.SalienceCounts()
	}
}

func BenchmarkPrioritised(b *testing.B) {
	m := benchMap()
	b.ReportAllocs()
	for b.Loop() {
		m.Prioritised(stakeholder.Grid{})
	}
}

func BenchmarkWriteGridSVG(b *testing.B) {
	m := benchMap()
	b.ReportAllocs()
	for b.Loop() {
		if err := m.WriteGridSVG(io.Discard, stakeholder.Grid{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteNetworkSVG(b *testing.B) {
	m := benchMap()
	b.ReportAllocs()
	for b.Loop() {
		if err := m.WriteNetworkSVG(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBetweenness is Brandes on 10,000 nodes and 100,000 edges, about
// 10^9 edge visits per run: run it with -benchtime=1x.
func BenchmarkBetweenness(b *testing.B) {
	m := benchMap()
	b.ReportAllocs()
	for b.Loop() {
		if len(m.Betweenness()) != benchStakeholders {
			b.Fatal("wrong length")
		}
	}
}

// BenchmarkBetweennessSmall is the same on a tenth of the map: the first
// 1,000 stakeholders with 10,000 random relationships among them (the same
// average degree, 20), for quick runs.
func BenchmarkBetweennessSmall(b *testing.B) {
	r := rand.New(rand.NewPCG(2025, 4))
	m := stakeholder.NewMap()
	var ids []uuid.UUID
	for s := range benchMap().All() {
		if len(ids) == 1000 {
			break
		}
		if err := m.Add(s); err != nil {
			b.Fatal(err)
		}
		ids = append(ids, s.ID())
	}
	for added := 0; added < 10_000; {
		err := m.AddRelationship(stakeholder.Relationship{From: ids[r.IntN(len(ids))], To: ids[r.IntN(len(ids))],
			Type: stakeholder.RelationType(1 + r.IntN(7)), Strength: 3})
		if err == nil {
			added++
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		m.Betweenness()
	}
}
