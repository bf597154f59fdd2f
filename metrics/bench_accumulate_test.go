package metrics_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/civitas-go/civitas/metrics"
)

// accumulateRecords is how many records each benchmark iteration adds.
const accumulateRecords = 10_000_000

// benchRecord is one engagement record as the accumulators see it: who
// (a pseudonymous participant number), where (an area), and how long the
// body took to answer.
type benchRecord struct {
	participant uint64
	area        string
	response    time.Duration
}

// benchRecords returns a pool of 1<<16 records, cycled to make 10 M: 50 000
// participants, 12 areas, response times up to 30 days in whole minutes
// (43 200 distinct values). The seed is fixed, so every run sees the same data.
func benchRecords() []benchRecord {
	areas := []string{"north", "south", "east", "west", "centre", "harbour",
		"old town", "riverside", "hillside", "market", "station", "university"}
	rng := rand.New(rand.NewPCG(1, 2))
	recs := make([]benchRecord, 1<<16)
	for i := range recs {
		recs[i] = benchRecord{
			participant: rng.Uint64N(50_000),
			area:        areas[rng.IntN(len(areas))],
			response:    time.Duration(rng.Int64N(30*24*60)) * time.Minute,
		}
	}
	return recs
}

// The benchmarks below repeat their loop rather than share one that takes
// a func: a call through a func value per record would hide Add from the
// inliner and measure the call, not the accumulator. Each first adds every
// record of the pool once, so that every key has been seen (the steady
// state), then adds 10 M records per iteration.

// reportRecords reports the throughput in records per second.
func reportRecords(b *testing.B) {
	b.ReportMetric(float64(b.N)*accumulateRecords/b.Elapsed().Seconds(), "records/s")
}

func BenchmarkAccumulateGroups(b *testing.B) {
	recs := benchRecords()
	var g metrics.GroupCounter[string]
	for _, r := range recs {
		g.Add(r.area)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range accumulateRecords {
			g.Add(recs[i&(len(recs)-1)].area)
		}
	}
	reportRecords(b)
}

func BenchmarkAccumulateDistinct(b *testing.B) {
	recs := benchRecords()
	var d metrics.DistinctCounter[uint64]
	for _, r := range recs {
		d.Add(r.participant)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range accumulateRecords {
			d.Add(recs[i&(len(recs)-1)].participant)
		}
	}
	reportRecords(b)
}

func BenchmarkAccumulateResponseTimes(b *testing.B) {
	recs := benchRecords()
	var rt metrics.ResponseTimes
	for _, r := range recs {
		_ = rt.Add(r.response) // never negative
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range accumulateRecords {
			if err := rt.Add(recs[i&(len(recs)-1)].response); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportRecords(b)
}

// BenchmarkAccumulateAll feeds every record to all three accumulators, as a
// one-pass report would: three map updates per record.
func BenchmarkAccumulateAll(b *testing.B) {
	recs := benchRecords()
	var (
		g  metrics.GroupCounter[string]
		d  metrics.DistinctCounter[uint64]
		rt metrics.ResponseTimes
	)
	for _, r := range recs {
		g.Add(r.area)
		d.Add(r.participant)
		_ = rt.Add(r.response) // never negative
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range accumulateRecords {
			r := &recs[i&(len(recs)-1)]
			g.Add(r.area)
			d.Add(r.participant)
			if err := rt.Add(r.response); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportRecords(b)
}
