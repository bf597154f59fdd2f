package metrics_test

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
)

// The analyst's workload (issue 16): a city's contribution log of 10 M
// records from 1,000,000 distinct participants, 8 age bands, 50 areas,
// response times up to 30 days in seconds, answered and influenced flags.
// One pass gives distinct participants per age band and overall, records
// per area, the closing-the-loop and influence rates, the nearest-rank
// median and 90th percentile response time, and the age bands' published
// representativeness (ratios and dissimilarity) against the population.
//
// BenchmarkWorkload times that pass on records generated once, outside
// the timed region. metrics/testdata/workload_pandas.py does the same with
// pandas on the same records: write them with
//
//	CIVITAS_WORKLOAD_OUT=/tmp/workload.bin go test ./metrics -run TestWriteWorkload -v
//
// (which also prints civitas's figures), then run
//
//	python3 metrics/testdata/workload_pandas.py /tmp/workload.bin
const (
	workloadRecords      = 10_000_000
	workloadParticipants = 1_000_000
	workloadBands        = 8
	workloadAreas        = 50
)

// workloadRecord is one contribution as an analyst's table holds it:
// participant number, age band and area indexes, response time in seconds
// (−1 when unanswered) and whether it influenced the decision.
type workloadRecord struct {
	participant uint32
	band, area  uint8
	influenced  bool
	response    int32
}

var workloadBandLabels = []string{"16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85+"}

// workloadPopulation is the city's population by age band (the census).
var workloadPopulation = []metrics.GroupCount{
	{"16-24", 41_000}, {"25-34", 58_000}, {"35-44", 52_000}, {"45-54", 49_000},
	{"55-64", 45_000}, {"65-74", 37_000}, {"75-84", 21_000}, {"85+", 7_000},
}

// makeWorkload generates n records deterministically. Every participant
// 0..participants−1 appears at least once (the first records walk them in a
// scrambled order), the rest are drawn with a skew (a few people contribute
// a lot); each participant has one age band and one area, skewed as a
// city's are; 85 % of records are answered, after a time skewed towards the
// first days and capped at 30 days; 20 % of answered records influenced the
// decision.
func makeWorkload(n, participants int) []workloadRecord {
	rng := rand.New(rand.NewPCG(16, 2026))
	bandWeights := []int{9, 13, 15, 16, 17, 14, 11, 5} // participants skew older than the census
	band := make([]uint8, participants)
	area := make([]uint8, participants)
	for p := range participants {
		x := rng.IntN(100)
		for b, w := range bandWeights {
			if x -= w; x < 0 {
				band[p] = uint8(b)
				break
			}
		}
		area[p] = uint8(min(rng.IntN(workloadAreas)*rng.IntN(workloadAreas)/workloadAreas+rng.IntN(3), workloadAreas-1))
	}
	recs := make([]workloadRecord, n)
	const month = 30 * 24 * 3600
	for i := range recs {
		var p uint32
		if i < participants {
			p = uint32((uint64(i) * 7_919) % uint64(participants)) // a permutation: 7,919 is prime to 10⁶
		} else {
			p = uint32(rng.IntN(participants) * rng.IntN(participants) / participants)
		}
		r := workloadRecord{participant: p, band: band[p], area: area[p], response: -1}
		if rng.IntN(100) < 85 {
			r.response = int32(min(rng.Int64N(month)*rng.Int64N(month)/month+rng.Int64N(3600), month))
			r.influenced = rng.IntN(100) < 20
		}
		recs[i] = r
	}
	return recs
}

// workloadFigures is what the analyst reports.
type workloadFigures struct {
	records, distinct    int64
	perBand              []metrics.GroupCount
	perArea              []int64
	closingLoop          metrics.Ratio
	influence            metrics.Ratio
	median, p90          time.Duration
	representativeness   metrics.Representativeness
	dissimilarity, score string
}

// aggregate is the one-pass program: dense accumulators, no allocation
// per record once they have grown.
func aggregate(recs []workloadRecord) (workloadFigures, error) {
	var all metrics.DistinctIDs
	all.Grow(workloadParticipants)
	bands := make([]metrics.DistinctIDs, workloadBands)
	for i := range bands {
		bands[i].Grow(workloadParticipants)
	}
	var areas metrics.IndexCounter
	var rt metrics.ResponseTimes
	var answered, influenced int64
	for _, r := range recs {
		all.Add(r.participant)
		bands[r.band].Add(r.participant)
		areas.Add(uint32(r.area))
		if r.response >= 0 {
			answered++
			if err := rt.AddSeconds(int64(r.response)); err != nil {
				return workloadFigures{}, err
			}
		}
		if r.influenced {
			influenced++
		}
	}
	f := workloadFigures{records: int64(len(recs)), distinct: all.Count()}
	for i, b := range bands {
		f.perBand = append(f.perBand, metrics.GroupCount{Group: workloadBandLabels[i], Count: b.Count()})
	}
	for i := range workloadAreas {
		f.perArea = append(f.perArea, areas.Count(uint32(i)))
	}
	return f.finish(answered, influenced, &rt)
}

// finish derives the rates, percentiles and representativeness from the
// counts, as both aggregations do.
func (f workloadFigures) finish(answered, influenced int64, rt *metrics.ResponseTimes) (workloadFigures, error) {
	var err error
	if f.closingLoop, err = metrics.NewProportion(answered, f.records); err != nil {
		return f, err
	}
	if f.influence, err = metrics.NewProportion(influenced, f.records); err != nil {
		return f, err
	}
	if f.median, err = rt.Percentile(50); err != nil {
		return f, err
	}
	if f.p90, err = rt.Percentile(90); err != nil {
		return f, err
	}
	if f.representativeness, err = metrics.PublishRepresentativeness(f.perBand, 0, metrics.RepresentativenessSpec{Population: workloadPopulation}); err != nil {
		return f, err
	}
	d, err := f.representativeness.Dissimilarity()
	if err != nil {
		return f, err
	}
	s, _ := f.representativeness.Score()
	f.dissimilarity, f.score = d.StringFixed(6), s.StringFixed(6)
	return f, nil
}

// aggregateWithMaps is the same pass with the general map-based
// accumulators: the reference the dense ones must equal.
func aggregateWithMaps(recs []workloadRecord) (workloadFigures, error) {
	var all metrics.DistinctCounter[uint32]
	bands := make([]metrics.DistinctCounter[uint32], workloadBands)
	var areas metrics.GroupCounter[uint8]
	var times []time.Duration
	var answered, influenced int64
	for _, r := range recs {
		all.Add(r.participant)
		bands[r.band].Add(r.participant)
		areas.Add(r.area)
		if r.response >= 0 {
			answered++
			times = append(times, time.Duration(r.response)*time.Second)
		}
		if r.influenced {
			influenced++
		}
	}
	f := workloadFigures{records: int64(len(recs)), distinct: all.Count()}
	for i, b := range bands {
		f.perBand = append(f.perBand, metrics.GroupCount{Group: workloadBandLabels[i], Count: b.Count()})
	}
	for i := range workloadAreas {
		f.perArea = append(f.perArea, areas.Count(uint8(i)))
	}
	var rt metrics.ResponseTimes
	for _, d := range times {
		if err := rt.Add(d); err != nil {
			return f, err
		}
	}
	g, err := f.finish(answered, influenced, &rt)
	if err != nil {
		return g, err
	}
	// The percentiles once more from the slice, by the definition.
	if g.median, err = metrics.NearestRankPercentile(times, 50); err != nil {
		return g, err
	}
	g.p90, err = metrics.NearestRankPercentile(times, 90)
	return g, err
}

// TestWorkloadDenseEqualsMaps holds the dense accumulators to the figures
// of the map-based ones on 300,000 records of the workload's shape.
func TestWorkloadDenseEqualsMaps(t *testing.T) {
	recs := makeWorkload(300_000, 40_000)
	dense, err := aggregate(recs)
	require.NoError(t, err)
	maps, err := aggregateWithMaps(recs)
	require.NoError(t, err)
	assert.Equal(t, maps.distinct, dense.distinct)
	assert.Equal(t, maps.perBand, dense.perBand)
	assert.Equal(t, maps.perArea, dense.perArea)
	assert.Equal(t, maps.closingLoop, dense.closingLoop)
	assert.Equal(t, maps.influence, dense.influence)
	assert.Equal(t, maps.median, dense.median)
	assert.Equal(t, maps.p90, dense.p90)
	assert.Equal(t, maps.dissimilarity, dense.dissimilarity)
	assert.Equal(t, maps.representativeness.String(), dense.representativeness.String())
}

// BenchmarkWorkload times the one-pass aggregation of the analyst's
// workload: 10 M records, 1,000,000 distinct participants (not cache
// resident: the participant bitmaps take 1.1 MiB and the response-time
// array 20 MiB), 8 age bands, 50 areas. Records are generated once,
// before the timed loop.
func BenchmarkWorkload(b *testing.B) {
	recs := makeWorkload(workloadRecords, workloadParticipants)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := aggregate(recs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)*workloadRecords/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(0, "ns/op")
}

// TestWriteWorkload writes the workload's records for the pandas script
// and prints civitas's figures for them, when CIVITAS_WORKLOAD_OUT names a
// file. Each record is 12 bytes, little endian: participant uint32, band
// uint8, area uint8, influenced uint8, one byte of padding, response int32.
func TestWriteWorkload(t *testing.T) {
	out := os.Getenv("CIVITAS_WORKLOAD_OUT")
	if out == "" {
		t.Skip("set CIVITAS_WORKLOAD_OUT=FILE to write the workload for metrics/testdata/workload_pandas.py")
	}
	recs := makeWorkload(workloadRecords, workloadParticipants)
	buf := make([]byte, 0, 12*len(recs))
	for _, r := range recs {
		buf = binary.LittleEndian.AppendUint32(buf, r.participant)
		buf = append(buf, r.band, r.area, b2u(r.influenced), 0)
		buf = binary.LittleEndian.AppendUint32(buf, uint32(r.response))
	}
	require.NoError(t, os.WriteFile(out, buf, 0o644))
	start := time.Now()
	f, err := aggregate(recs)
	elapsed := time.Since(start)
	require.NoError(t, err)
	fmt.Printf("civitas: %d records in %.3f s = %.1f M records/s\n", f.records, elapsed.Seconds(), float64(f.records)/elapsed.Seconds()/1e6)
	fmt.Printf("distinct participants %d\n", f.distinct)
	for _, g := range f.perBand {
		fmt.Printf("  band %-6s %d\n", g.Group, g.Count)
	}
	fmt.Printf("records per area: first %v, last %v\n", f.perArea[:3], f.perArea[len(f.perArea)-3:])
	fmt.Printf("closing the loop %s, influence %s\n", f.closingLoop.ValueText(), f.influence.ValueText())
	fmt.Printf("median response %d s, p90 %d s\n", int64(f.median/time.Second), int64(f.p90/time.Second))
	fmt.Printf("dissimilarity %s, representation score %s\n", f.dissimilarity, f.score)
	for g := range f.representativeness.All() {
		r, _ := g.RepresentationRatio()
		fmt.Printf("  ratio %-6s %s\n", g.Group(), r.StringFixed(6))
	}
	_ = slices.Clone(f.perArea)
}

func b2u(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}
