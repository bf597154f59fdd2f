package main

import (
	"path/filepath"
	"testing"

	"github.com/civitas-go/civitas/internal/check"
)

// TestRun runs the program and compares its output with the golden file, so
// the example cannot rot (go test -update rewrites it after an intended
// change; review the diff). It also runs it twice and into a failing writer.
func TestRun(t *testing.T) {
	check.Report(t, filepath.Join("testdata", "output.txt"), run)
}
