package lp_test

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/civitas-go/civitas/internal/lp"
)

// benchModel is a dense random program with 40 rows and 60 variables,
// bounded and feasible at the origin.
func benchModel(b *testing.B) *lp.Model {
	b.Helper()
	rng := rand.New(rand.NewPCG(7, 8))
	m := lp.NewModel()
	for range 60 {
		if _, err := m.AddVar(big.NewRat(int64(rng.IntN(20)), 1), nil, big.NewRat(5, 1)); err != nil {
			b.Fatal(err)
		}
	}
	for range 40 {
		terms := make([]lp.Term, 60)
		for j := range terms {
			terms[j] = lp.Term{Index: j, Coef: int64(rng.IntN(9))}
		}
		if _, err := m.AddRow(terms, lp.SenseLessEq, big.NewRat(int64(50+rng.IntN(50)), 1)); err != nil {
			b.Fatal(err)
		}
	}
	return m
}

// BenchmarkSolve solves the program exactly from the logical basis.
func BenchmarkSolve(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := benchModel(b).Solve(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSolveGuided solves the same program guided by floating point.
func BenchmarkSolveGuided(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := benchModel(b).SolveGuided(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImproving proves that no selection of 40 from 300 kinds under
// five features' quotas beats the best one.
func BenchmarkImproving(b *testing.B) {
	rng := rand.New(rand.NewPCG(9, 10))
	s := &lp.Selection{K: 40}
	sizes := []int{2, 5, 4, 3, 3}
	for _, n := range sizes {
		qs := make([]lp.Range, n)
		for c := range qs {
			share := 40 / n
			qs[c] = lp.Range{Min: share - 3, Max: share + 3}
		}
		s.Quotas = append(s.Quotas, qs)
	}
	weights := make([]*big.Int, 300)
	for k := range weights {
		kind := lp.Kind{Cap: 1 + rng.IntN(5), Group: -1}
		for _, n := range sizes {
			kind.Cats = append(kind.Cats, rng.IntN(n))
		}
		s.Kinds = append(s.Kinds, kind)
		weights[k] = big.NewInt(int64(rng.IntN(1000)))
	}
	best, err := s.Improving(weights, big.NewInt(-1), 0)
	if err != nil || len(best) == 0 {
		b.Fatal(err)
	}
	top := best[len(best)-1].Value(weights)
	b.ReportAllocs()
	for b.Loop() {
		if found, err := s.Improving(weights, top, 8); err != nil || len(found) != 0 {
			b.Fatal(err, len(found))
		}
	}
}
