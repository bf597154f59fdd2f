// Command stakeholder-map maps the stakeholders of a riverside park
// redevelopment: who they are, where they sit on Mendelow's power/interest
// grid, their Mitchell-Agle-Wood salience, who brokers between them, how far
// their attitudes are from where the project needs them, and how the
// council's relationships with them are going.
//
// It prints a report and writes grid.svg and network.svg into the current
// directory, or into the directory given with -out. All data is built in,
// with fixed IDs and times, so every run prints and writes the same.
//
// Usage:
//
//	go run ./examples/stakeholder-map [-out DIR]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"

	"github.com/civitas-go/civitas/internal/riverside"
	"github.com/civitas-go/civitas/stakeholder"
)

func main() {
	out := flag.String("out", ".", "directory to write grid.svg and network.svg into")
	flag.Parse()
	if err := run(os.Stdout, *out); err != nil {
		fmt.Fprintln(os.Stderr, "stakeholder-map:", err)
		os.Exit(1)
	}
}

func run(stdout io.Writer, outDir string) error {
	m, err := riverside.Stakeholders()
	if err != nil {
		return err
	}
	var grid stakeholder.Grid // the default cut: 3 or more is high
	fmt.Fprintf(stdout, "Riverside park redevelopment: %d stakeholders, %d relationships\n\n", m.Len(), countOf(m.Relationships()))
	if err := riverside.WriteStakeholderTables(stdout, m, grid); err != nil {
		return err
	}
	fmt.Fprintln(stdout)
	if err := riverside.WriteRelationshipFigures(stdout, m); err != nil {
		return err
	}

	var gridSVG, netSVG bytes.Buffer
	if err := m.WriteGridSVG(&gridSVG, grid); err != nil {
		return err
	}
	if err := m.WriteNetworkSVG(&netSVG); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		svg  []byte
	}{{"grid.svg", gridSVG.Bytes()}, {"network.svg", netSVG.Bytes()}} {
		if err := os.WriteFile(filepath.Join(outDir, f.name), f.svg, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "\nwrote grid.svg and network.svg to %s\n", outDir)
	return nil
}

func countOf[T any](seq iter.Seq[T]) int {
	n := 0
	for range seq {
		n++
	}
	return n
}
