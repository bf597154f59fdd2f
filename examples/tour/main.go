// Command tour tells the civitas story in one run, on built-in data:
// Riverside, a fictional city, maps who matters to its riverside park, runs a
// consultation, meets a residents' petition for a bike lane, and splits a
// participatory budget; every figure comes from the records by the library.
//
// Usage:
//
//	go run ./examples/tour [-out DIR] [-json]
//
// It prints a report to the terminal and writes report.md, report.html and
// the pictures (SVG) to DIR (default ./civitas-tour). With -json it also
// writes the whole run's records to DIR/tour.json. The output is
// deterministic: fixed IDs and times, no clock, no randomness.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	out := flag.String("out", "civitas-tour", "folder to write report.md, report.html and the pictures to")
	asJSON := flag.Bool("json", false, "also write the whole run as JSON to the -out folder (tour.json)")
	flag.Parse()
	if err := run(os.Stdout, *out, *asJSON); err != nil {
		fmt.Fprintln(os.Stderr, "tour:", err)
		os.Exit(1)
	}
}

// run builds the story, prints it to w and writes the files into outDir.
func run(w io.Writer, outDir string, asJSON bool) error {
	st, err := tell()
	if err != nil {
		return err
	}
	if err := st.report.writeText(w, outDir); err != nil {
		return err
	}
	if err := st.report.writeFiles(outDir); err != nil {
		return err
	}
	written := "report.md, report.html and the pictures"
	if asJSON {
		if err := st.writeJSON(outDir); err != nil {
			return err
		}
		written += ", and tour.json"
	}
	_, err = fmt.Fprintf(w, "\nWrote %s to %s\n", written, outDir)
	return err
}
