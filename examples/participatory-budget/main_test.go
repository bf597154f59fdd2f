package main

import (
	"path/filepath"
	"testing"

	"github.com/civitas-go/civitas/internal/check"
)

// TestGolden runs the program as a user would and holds its output against
// testdata/participatory-budget.golden (-update rewrites it); a second run
// must print the same, and a failing writer must stop it with its error.
func TestGolden(t *testing.T) {
	check.Report(t, filepath.Join("testdata", "participatory-budget.golden"), run)
}
