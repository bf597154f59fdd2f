//go:build unix

package budgeting_test

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user and system) this process has used,
// so that benchmarks can report their cost even on a machine other jobs
// keep busy, where wall-clock times are inflated.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
