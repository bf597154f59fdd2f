// Command assembly selects a citizens' assembly from a pool of volunteers
// by stratified sortition (package engagement/sortition), with a draw
// anyone can check:
//
//	go run ./examples/assembly [-k N] [-algorithm leximin|maximin|nash|legacy]
//	    [-seed TEXT] [-lottery M] [-format text|ids|json] [POOL.csv QUOTAS.csv]
//
// POOL.csv has the columns id,household and one per feature; QUOTAS.csv the
// columns feature,value,min,max. With no files it runs on a built-in
// sample: 200 volunteers described by sex, age, area and education, more
// of them older, female and with a degree than the population, and quotas
// around the population's shares for a panel of 20.
//
// -algorithm picks the distribution (leximin, the default; maximin; nash)
// or the legacy greedy draw. -seed is the public randomness named in
// advance (the digits of a published lottery draw); -lottery the number of
// panels of the lottery the draw picks from (default 1000). -format ids
// prints the selected IDs, one per line; text (the default) prints the
// draw, the panel, the quota table and every volunteer's probability; json
// prints the same as one JSON document.
//
// Bad flags or arguments exit with status 2, input that cannot be read or
// quotas no panel can meet with status 1; the reason goes to standard
// error.
package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/civitas-go/civitas/engagement/sortition"
	"github.com/civitas-go/civitas/internal/riverside"
)

// The built-in sample is the river-front assembly the tour tells
// (internal/riverside): the same pool, quotas and public randomness.
var (
	samplePool   = riverside.AssemblyPool
	sampleQuotas = riverside.AssemblyQuotas
)

// legacyRuns is the number of legacy draws the probabilities of the legacy
// algorithm are estimated from.
const legacyRuns = 1000

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// options are the command line, checked.
type options struct {
	k          int
	algorithm  sortition.Algorithm
	seed       string
	lottery    int
	format     string
	pool, quot string
}

// errUsage marks a bad command line the flag package has reported.
var errUsage = errors.New("usage")

// run runs the command with args and returns its exit status.
func run(args []string, stdout, stderr io.Writer) int {
	o, err := parseArgs(args, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case err != nil:
		fmt.Fprintln(stderr, "assembly:", err)
		return 2
	}
	if err := assemble(o, stdout); err != nil {
		fmt.Fprintln(stderr, "assembly:", err)
		return 1
	}
	return 0
}

// parseArgs reads the command line.
func parseArgs(args []string, stderr io.Writer) (*options, error) {
	fs := flag.NewFlagSet("assembly", flag.ContinueOnError)
	fs.SetOutput(stderr)
	k := fs.Int("k", riverside.AssemblySeats, "the number of seats")
	alg := fs.String("algorithm", "leximin", "leximin, maximin, nash or legacy")
	seed := fs.String("seed", riverside.AssemblyRandomness, "the public randomness, named in advance")
	lottery := fs.Int("lottery", sortition.DefaultLotterySize, "the number of panels of the lottery")
	format := fs.String("format", "text", "the output: text, ids or json")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: assembly [-k N] [-algorithm leximin|maximin|nash|legacy] [-seed TEXT] [-lottery M]\n"+
			"                [-format text|ids|json] [POOL.csv QUOTAS.csv]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, errUsage
	}
	o := &options{k: *k, seed: *seed, lottery: *lottery, format: *format}
	var err error
	if o.algorithm, err = sortition.ParseAlgorithm(*alg); err != nil {
		return nil, fmt.Errorf("-algorithm %q: want leximin, maximin, nash or legacy", *alg)
	}
	if o.k < 1 {
		return nil, fmt.Errorf("-k %d: want at least 1", o.k)
	}
	if o.lottery < 1 {
		return nil, fmt.Errorf("-lottery %d: want at least 1", o.lottery)
	}
	if o.seed == "" {
		return nil, errors.New("-seed: want the public randomness, not nothing")
	}
	if !slices.Contains([]string{"text", "ids", "json"}, o.format) {
		return nil, fmt.Errorf("-format %q: want text, ids or json", o.format)
	}
	switch fs.NArg() {
	case 0:
	case 2:
		o.pool, o.quot = fs.Arg(0), fs.Arg(1)
	default:
		return nil, fmt.Errorf("want a pool file and a quotas file, or neither; got %d arguments", fs.NArg())
	}
	return o, nil
}

// read returns the named file, or the sample with name "".
func read(name string, sample []byte) ([]byte, error) {
	if name == "" {
		return sample, nil
	}
	return os.ReadFile(name)
}

// person is one volunteer's line of the report.
type person struct {
	ID       string   `json:"id"`
	Values   []string `json:"values"`
	Exact    string   `json:"probability"`
	Decimal  string   `json:"probability_decimal"`
	Lottery  string   `json:"lottery_probability,omitempty"`
	Selected bool     `json:"selected"`
}

// quotaRow is one line of the quota table.
type quotaRow struct {
	sortition.Quota
	Pool     int    `json:"pool"`
	Panel    int    `json:"panel"`
	Expected string `json:"expected_seats"`
}

// report is the JSON document, and what the text report prints.
type report struct {
	Algorithm  sortition.Algorithm `json:"algorithm"`
	Seats      int                 `json:"seats"`
	Volunteers int                 `json:"volunteers"`
	Draw       sortition.Draw      `json:"draw"`
	Estimated  int                 `json:"estimated_from_runs,omitempty"`
	Least      string              `json:"least_probability"`
	Fair       string              `json:"k_over_n"`
	Shortfall  string              `json:"shortfall"`
	Deviation  string              `json:"lottery_max_deviation,omitempty"`
	Quotas     []quotaRow          `json:"quotas"`
	People     []person            `json:"people"`
	features   []string
}

// assemble selects the panel and writes the report.
func assemble(o *options, w io.Writer) error {
	poolData, err := read(o.pool, samplePool)
	if err != nil {
		return err
	}
	quotaData, err := read(o.quot, sampleQuotas)
	if err != nil {
		return err
	}
	pool, err := sortition.ReadPool(bytes.NewReader(poolData))
	if err != nil {
		return fmt.Errorf("pool: %w", err)
	}
	quotas, err := sortition.ReadQuotas(bytes.NewReader(quotaData))
	if err != nil {
		return fmt.Errorf("quotas: %w", err)
	}
	spec := sortition.Spec{PanelSize: o.k, Quotas: quotas}
	rep := &report{Algorithm: o.algorithm, Seats: o.k, Volunteers: pool.Len(), features: pool.Features()}
	probs := make([]*big.Rat, pool.Len())
	var lotteryProbs []*big.Rat
	if o.algorithm == sortition.AlgorithmLegacy {
		if rep.Draw, err = sortition.LegacyDraw(pool, spec, o.seed); err != nil {
			return err
		}
		if o.format != "ids" {
			key := [32]byte{}
			copy(key[:], []byte(rep.Draw.Seed))
			if probs, err = sortition.EstimateLegacy(pool, spec, legacyRuns, rand.New(rand.NewChaCha8(key))); err != nil {
				return err
			}
			rep.Estimated = legacyRuns
		}
	} else {
		d, err := sortition.Fair(pool, spec, o.algorithm)
		if err != nil {
			return err
		}
		l, err := d.Round(o.lottery)
		if err != nil {
			return err
		}
		if rep.Draw, err = l.Draw(o.seed); err != nil {
			return err
		}
		probs = d.Probabilities()
		for i := range pool.Len() {
			lotteryProbs = append(lotteryProbs, l.Probability(i))
		}
		rep.Deviation = l.MaxDeviation().FloatString(4)
	}
	if o.format == "ids" {
		for _, id := range rep.Draw.Panel {
			if _, err := fmt.Fprintln(w, id); err != nil {
				return err
			}
		}
		return nil
	}
	rep.fill(pool, spec, probs, lotteryProbs)
	if o.format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return rep.text(w)
}

// fill computes the report's tables.
func (rep *report) fill(pool *sortition.Pool, spec sortition.Spec, probs, lotteryProbs []*big.Rat) {
	selected := map[string]bool{}
	for _, id := range rep.Draw.Panel {
		selected[id] = true
	}
	least := new(big.Rat)
	for i, p := range probs {
		r := pool.Respondent(i)
		pe := person{ID: r.ID, Values: r.Values, Exact: p.RatString(), Decimal: p.FloatString(4), Selected: selected[r.ID]}
		if lotteryProbs != nil {
			pe.Lottery = lotteryProbs[i].FloatString(4)
		}
		rep.People = append(rep.People, pe)
		if i == 0 || p.Cmp(least) < 0 {
			least.Set(p)
		}
	}
	fair := big.NewRat(int64(spec.PanelSize), int64(pool.Len()))
	rep.Least = least.RatString()
	rep.Fair = fair.RatString()
	rep.Shortfall = new(big.Rat).Sub(fair, least).RatString()
	for _, q := range spec.Quotas {
		row := quotaRow{Quota: q}
		expected := new(big.Rat)
		for i := range pool.Len() {
			if v, _ := pool.Value(i, q.Feature); v == q.Value {
				row.Pool++
				expected.Add(expected, probs[i])
				if selected[pool.Respondent(i).ID] {
					row.Panel++
				}
			}
		}
		row.Expected = expected.FloatString(2)
		rep.Quotas = append(rep.Quotas, row)
	}
}

// ratText writes an exact fraction with its decimal value.
func ratText(s string) string {
	r, _ := new(big.Rat).SetString(s)
	return fmt.Sprintf("%s (%s)", s, r.FloatString(4))
}

// text writes the report for people.
func (rep *report) text(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Citizens' assembly: %d seats from %d volunteers, algorithm %s\n\n", rep.Seats, rep.Volunteers, rep.Algorithm)
	d := rep.Draw
	fmt.Fprintf(&b, "Public randomness  %q\nInputs hash        %s\nSeed               %s\n", d.Randomness, d.InputsHash, d.Seed)
	if d.Ticket > 0 {
		fmt.Fprintf(&b, "Ticket             %d of %d panels\n", d.Ticket, d.LotterySize)
	}
	b.WriteString("\nPanel\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, p := range rep.People {
		if p.Selected {
			fmt.Fprintf(tw, "  %s\t%s\n", p.ID, strings.Join(p.Values, "\t"))
		}
	}
	tw.Flush()
	b.WriteString("\nQuotas\n")
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "feature\tvalue\tmin\tmax\tpanel\texpected\tvolunteers\t")
	for _, q := range rep.Quotas {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\t%d\t\n", q.Feature, q.Value, q.Min, q.Max, q.Panel, q.Expected, q.Pool)
	}
	tw.Flush()
	b.WriteString("\nSelection probabilities\n")
	if rep.Estimated > 0 {
		fmt.Fprintf(&b, "  estimated from %d legacy draws (not exact)\n", rep.Estimated)
	}
	fmt.Fprintf(&b, "  least      %s\n  k/n        %s\n  shortfall  %s\n", ratText(rep.Least), ratText(rep.Fair), ratText(rep.Shortfall))
	if rep.Deviation != "" {
		fmt.Fprintf(&b, "  largest difference between the lottery and the exact distribution: %s\n", rep.Deviation)
	}
	b.WriteString("\n")
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	header := "  id\t" + strings.Join(rep.features, "\t") + "\tprobability\t\t"
	if rep.Deviation != "" {
		header += "lottery\t"
	}
	fmt.Fprintln(tw, header)
	for _, p := range rep.People {
		line := fmt.Sprintf("  %s\t%s\t%s\t%s\t", p.ID, strings.Join(p.Values, "\t"), p.Exact, p.Decimal)
		if p.Lottery != "" {
			line += p.Lottery + "\t"
		}
		fmt.Fprintln(tw, line)
	}
	tw.Flush()
	_, err := io.WriteString(w, b.String())
	return err
}
