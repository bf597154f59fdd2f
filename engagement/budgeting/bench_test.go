package budgeting_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// The benchmarks of the issue: parse + rule on the two big Pabulib
// instances, with pabutools' time for the rule alone (reference.jsonl's
// t_rule_s, CPython on a 2-core machine like this one) reported beside as
// ref-s, and the speed-up over it as x-faster. Each also reports the CPU
// time it used per operation (cpu-ms/op, and cpu-MB/s for the reader) and
// the speed-up by CPU time (x-faster-cpu): on a machine that other jobs
// keep busy, wall-clock times are inflated and CPU time is the fairer
// figure. Run them with
//
//	go test -run='^$' -bench=. -benchtime=20x -cpu=1 ./engagement/budgeting/

// cpuMetrics reports the CPU time per operation since start, and the bytes
// per second of CPU time when bytes > 0. It returns the seconds of CPU time
// per operation, 0 when not measured.
func cpuMetrics(b *testing.B, start time.Duration, bytes int) float64 {
	used := processCPU() - start
	if used <= 0 || b.N == 0 {
		return 0
	}
	per := used.Seconds() / float64(b.N)
	b.ReportMetric(per*1e3, "cpu-ms/op")
	if bytes > 0 {
		b.ReportMetric(float64(bytes)/per/1e6, "cpu-MB/s")
	}
	return per
}

// benchFiles are the instances benchmarked; they live in ../shared.
var benchFiles = []string{"Poland_Lodz_2022.pb", "Netherlands_Amsterdam_252.pb"}

// readShared returns a shared instance's bytes, skipping when absent.
func readShared(b *testing.B, name string) []byte {
	b.Helper()
	data, err := os.ReadFile(filepath.Join(sharedDir, name))
	if err != nil {
		b.Skipf("%s is absent (the shared Pabulib instances live beside the repository): %v", name, err)
	}
	return data
}

// referenceSeconds returns pabutools' time for rule on file, or 0.
func referenceSeconds(b *testing.B, file, rule string) float64 {
	b.Helper()
	for _, r := range loadReferences(b, filepath.Join(sharedDir, "reference.jsonl")) {
		if r.File == file && r.Rule == rule {
			return r.Seconds
		}
	}
	return 0
}

// benchParse measures Parse on data, in MB/s.
func benchParse(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	start := processCPU()
	for b.Loop() {
		if _, err := budgeting.Parse(data); err != nil {
			b.Fatal(err)
		}
	}
	cpuMetrics(b, start, len(data))
}

func BenchmarkParse(b *testing.B) {
	for _, f := range benchFiles {
		b.Run(f, func(b *testing.B) { benchParse(b, readShared(b, f)) })
	}
}

// BenchmarkParseTestdata measures the reader on the biggest file that ships
// with the package, so that it always runs.
func BenchmarkParseTestdata(b *testing.B) {
	data, err := os.ReadFile("testdata/Poland_Wieliczka_2023_Green_Budget.pb")
	if err != nil {
		b.Fatal(err)
	}
	benchParse(b, data)
}

func BenchmarkParseAndRun(b *testing.B) {
	for _, f := range benchFiles {
		for _, name := range []string{"greedy_cost", "mes_cost", "mes_cost_add1", "phragmen"} {
			b.Run(f+"/"+name, func(b *testing.B) {
				data := readShared(b, f)
				rule, err := budgeting.RuleByName(name)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				start := processCPU()
				for b.Loop() {
					e, err := budgeting.Parse(data)
					if err != nil {
						b.Fatal(err)
					}
					if _, err := rule.Run(context.Background(), e); err != nil {
						b.Fatal(err)
					}
				}
				cpu := cpuMetrics(b, start, 0)
				if ref := referenceSeconds(b, f, name); ref > 0 && b.N > 0 {
					per := b.Elapsed().Seconds() / float64(b.N)
					b.ReportMetric(ref, "ref-s")
					b.ReportMetric(ref/per, "x-faster")
					if cpu > 0 {
						b.ReportMetric(ref/cpu, "x-faster-cpu")
					}
				}
			})
		}
	}
}

// BenchmarkRun measures the rules alone on a parsed election.
func BenchmarkRun(b *testing.B) {
	for _, f := range benchFiles {
		for _, name := range []string{"greedy_cost", "mes_cost", "mes_cost_add1", "phragmen"} {
			b.Run(f+"/"+name, func(b *testing.B) {
				e, err := budgeting.Parse(readShared(b, f))
				if err != nil {
					b.Fatal(err)
				}
				rule, err := budgeting.RuleByName(name)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := rule.Run(context.Background(), e); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
