package metrics_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/civitas-go/civitas/metrics"
)

// BenchmarkRepresentation50Groups compares 50 groups (say, wards) and reads
// every figure: the dissimilarity, the score and the chi-square test.
func BenchmarkRepresentation50Groups(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	participants := make([]metrics.GroupCount, 50)
	population := make([]metrics.GroupCount, 50)
	for i := range population {
		name := fmt.Sprint("ward-", i)
		population[i] = metrics.GroupCount{Group: name, Count: 1000 + rng.Int64N(50_000)}
		participants[i] = metrics.GroupCount{Group: name, Count: 10 + rng.Int64N(500)}
	}
	b.ReportAllocs()
	for b.Loop() {
		r, err := metrics.CompareToPopulation(participants, population)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := r.Dissimilarity(); err != nil {
			b.Fatal(err)
		}
		if _, err := r.Score(); err != nil {
			b.Fatal(err)
		}
		if _, err := r.ChiSquare(); err != nil {
			b.Fatal(err)
		}
	}
}

// benchValues returns n contribution counts with a long tail, as real
// participation data has.
func benchValues(n int) []int64 {
	rng := rand.New(rand.NewPCG(5, 6))
	values := make([]int64, n)
	for i := range values {
		values[i] = int64(rng.ExpFloat64() * 20)
	}
	return values
}

// BenchmarkGini1M computes the Gini coefficient of one million values.
func BenchmarkGini1M(b *testing.B) {
	values := benchValues(1_000_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := metrics.Gini(values); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTopShare1M computes the top 10 % share of one million values.
func BenchmarkTopShare1M(b *testing.B) {
	values := benchValues(1_000_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := metrics.TopShare(values, 10); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSuppressTable20x20 suppresses a 20×20 table with about one
// small cell in five.
func BenchmarkSuppressTable20x20(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 8))
	counts := make([][]int64, 20)
	for i := range counts {
		counts[i] = make([]int64, 20)
		for j := range counts[i] {
			counts[i][j] = rng.Int64N(25)
		}
	}
	policy := metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize5}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := metrics.SuppressTable(counts, policy); err != nil {
			b.Fatal(err)
		}
	}
}
