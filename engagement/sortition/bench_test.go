package sortition_test

import (
	"math/rand/v2"
	"testing"

	"github.com/civitas-go/civitas/engagement/sortition"
)

// The goal workloads: a pool of 1,000 volunteers described by five skewed
// features (sex, five age bands, four areas, education, attitude), one in
// twenty sharing a household, and a panel of 40 with quotas of ±4 around
// the population's shares (see genPool).

func benchFair(b *testing.B, alg sortition.Algorithm, n, k int) {
	pool, spec := genPool(1, n, 5, k)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sortition.Fair(pool, spec, alg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLeximin1000(b *testing.B) { benchFair(b, sortition.AlgorithmLeximin, 1000, 40) }

func BenchmarkMaximin1000(b *testing.B) { benchFair(b, sortition.AlgorithmMaximin, 1000, 40) }

func BenchmarkNash1000(b *testing.B) { benchFair(b, sortition.AlgorithmNash, 1000, 40) }

func BenchmarkLeximin200(b *testing.B) { benchFair(b, sortition.AlgorithmLeximin, 200, 20) }

// BenchmarkRound rounds the leximin distribution of the 1,000-volunteer
// pool to a lottery of 1,000 panels and draws from it.
func BenchmarkRound(b *testing.B) {
	pool, spec := genPool(1, 1000, 5, 40)
	d, err := sortition.Fair(pool, spec, sortition.AlgorithmMaximin)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		l, err := d.Round(sortition.DefaultLotterySize)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := l.Draw("04 17 23 38 45"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLegacy is one legacy draw from the 1,000-volunteer pool.
func BenchmarkLegacy(b *testing.B) {
	pool, spec := genPool(1, 1000, 5, 40)
	rng := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sortition.Legacy(pool, spec, rng); err != nil {
			b.Fatal(err)
		}
	}
}
