package budgeting_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// readAll returns the bytes of every .pb file in dirs, skipping when none
// is there.
func readAll(b *testing.B, dirs ...string) [][]byte {
	b.Helper()
	var out [][]byte
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.pb"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			out = append(out, data)
		}
	}
	if len(out) == 0 {
		b.Skipf("no .pb files in %v (the shared Pabulib files live beside the repository)", dirs)
	}
	return out
}

// benchCheck measures Check (reading, the official rule, validation) over
// files, in MB/s.
func benchCheck(b *testing.B, files [][]byte) {
	size := 0
	for _, f := range files {
		size += len(f)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	start := processCPU()
	for b.Loop() {
		for _, f := range files {
			if r := budgeting.Check(f); r.Election() == nil {
				b.Fatal("a sample does not read")
			}
		}
	}
	cpuMetrics(b, start, size)
}

// BenchmarkCheckAll reads, runs the official rule on and validates every
// Pabulib file of ../shared/pabulib and ../shared/pabulib/official: 56
// files (12 and 44; Łódź 2022 is in both), 13,210,205 bytes, of which
// Łódź 2022 (twice) and Łódź 2020 are 9,788,744 and the Equal Shares files
// with add-one completion (Assen and Wieliczka, each twice) 200,960:
//
//	go test -run='^$' -bench=CheckAll -benchmem -cpu=1 ./engagement/budgeting/
//
// Read cpu-MB/s and cpu-ms/op (the process's CPU time) on a shared machine.
func BenchmarkCheckAll(b *testing.B) { benchCheck(b, readAll(b, sharedDir, officialDir)) }

// BenchmarkCheckTestdata does the same on the files that ship with the
// package, so that it always runs.
func BenchmarkCheckTestdata(b *testing.B) { benchCheck(b, readAll(b, "testdata", "testdata/official")) }
