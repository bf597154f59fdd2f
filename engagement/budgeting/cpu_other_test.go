//go:build !unix

package budgeting_test

import "time"

// processCPU is not measured on this system; benchmarks then report wall
// time only.
func processCPU() time.Duration { return 0 }
