package main

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/internal/check"
)

// TestRun checks what the program prints against testdata/output.txt
// (rerun with -update to accept a change), that a second run prints the
// same, and that a failing writer's error is returned.
func TestRun(t *testing.T) {
	check.Report(t, "testdata/output.txt", run)
}

// TestNoComplainantPrinted checks that no complainant's ID appears in the
// output: the log's complainants are 0…0201 to 0…0217, and 0…0203 asked for
// confidentiality.
func TestNoComplainantPrinted(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))
	for n := 201; n <= 217; n++ {
		assert.NotContains(t, out.String(), fmt.Sprintf("00000000-0000-4000-8000-%012d", n))
	}
}
