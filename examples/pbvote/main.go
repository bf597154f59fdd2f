// Command pbvote computes the outcome of a participatory budget from a
// Pabulib .pb file (pabulib.org) under one of the rules of package
// budgeting, and says what it gave the voters and, with -explain, why:
//
//	go run ./examples/pbvote [-rule NAME|official] [-format text|ids|json] [-explain] [-all-ties] [-timeout D]
//	    [-compare NAME [-svg FILE]] [-by ATTRIBUTE -population GROUP=N,… [-min-cell K]] [FILE.pb]
//	go run ./examples/pbvote -check [FILE.pb]
//
// With no FILE it runs on a built-in instance: the 2017 vote on Plac Wojska
// Polskiego in Warszawa-Wesoła (27 voters, 4 projects, budget 51,195 PLN),
// a real Pabulib file embedded in the program.
//
// -rule names the rule as budgeting.RuleByName reads it (greedy_cost,
// mes_cost, mes_cost_add1, phragmen, …; default mes_cost), a rule cities
// use as META rule names it (greedy-threshold, equalshares/add1, …), or
// official: the rule the file names, which gives the file's official
// outcome. A suffix picks how ties are broken: greedy_cost@lower_cost,row_order.
// -all-ties prints every outcome the rule gives under some way of breaking
// its ties, one per line (IDs separated by spaces with -format ids). -format ids
// prints the funded project IDs, one per line, in the order the rule
// funded them, and nothing else; text (the default) prints the outcome and
// its analysis, and the explanation with -explain; json prints the same as
// one JSON document. -compare NAME runs a second rule and writes both
// outcomes side by side as an SVG picture to -svg (default compare.svg).
// -by (age, sex, area or voting_method) and -population ("F=12000,M=11000",
// or age bands "18-39=6000,40-64=7000,65+=4000") hold the voters against a
// population profile, with counts under -min-cell (default 5) suppressed.
//
// -timeout (a duration such as 30s or 2m; default 0, no limit) bounds the
// time the rules, the tie search and the explanation may take: past it,
// pbvote stops and exits with status 1.
//
// -check validates the file as Pabulib's checker does (budgeting.Check) and
// prints its findings one per line; the exit status is 0 when the file has
// no error and 1 when it has one.
//
// Bad flags exit with status 2, a file that cannot be read or a rule that
// cannot run on it with status 1; the reason goes to standard error, and
// so do the file's warnings.
package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/civitas-go/civitas/metrics"
)

// builtin is Pabulib's Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb.
//
//go:embed warszawa-2017.pb
var builtin []byte

const builtinName = "built-in Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb"

func main() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) }

// options are the command line, checked.
type options struct {
	rule, compare budgeting.Rule
	format        string
	explain       bool
	svg           string
	population    []budgeting.AnalysisOption
	file          string
	official      bool // -rule official: the rule the file names
	check         bool
	allTies       bool
	timeout       time.Duration // 0: no limit
}

// errUsage marks a bad command line, which exits with status 2.
var errUsage = errors.New("usage")

// run runs the command with args and returns its exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	o, err := parseArgs(args, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case err != nil:
		fmt.Fprintln(stderr, "pbvote:", err)
		return 2
	}
	if o.check {
		return checkFile(o, stdout, stderr)
	}
	if err := pbvote(ctx, o, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "pbvote:", err)
		return 1
	}
	return 0
}

// parseArgs reads the command line. It returns errUsage when the flag
// package has already said what is wrong.
func parseArgs(args []string, stderr io.Writer) (*options, error) {
	fs := flag.NewFlagSet("pbvote", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rule := fs.String("rule", "mes_cost", "the `rule`: greedy_cost, mes_cost, mes_cost_add1, phragmen, greedy-threshold, …, or official")
	checkFlag := fs.Bool("check", false, "validate the file as Pabulib's checker does; exit 1 when it has an error")
	allTies := fs.Bool("all-ties", false, "print every outcome the rule gives under some way of breaking ties")
	format := fs.String("format", "text", "the output: text, ids or json")
	explain := fs.Bool("explain", false, "explain why each project was funded or not")
	compare := fs.String("compare", "", "a second `rule` to draw side by side with the first")
	svg := fs.String("svg", "compare.svg", "the `file` -compare writes")
	by := fs.String("by", "", "compare the voters with the population by `attribute`: age, sex, area or voting_method")
	population := fs.String("population", "", "the population by group, such as F=12000,M=11000")
	minCell := fs.Int64("min-cell", 5, "suppress counts of voters under `k`")
	timeout := fs.Duration("timeout", 0, "stop computing after `duration` (such as 30s); 0 for no limit")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: pbvote [-rule NAME|official] [-format text|ids|json] [-explain] [-all-ties] [-timeout D]\n"+
			"              [-compare NAME [-svg FILE]] [-by ATTRIBUTE -population GROUP=N,... [-min-cell K]] [FILE.pb]\n"+
			"       pbvote -check [FILE.pb]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, errUsage
	}
	o := &options{format: *format, explain: *explain, svg: *svg, check: *checkFlag, allTies: *allTies, timeout: *timeout}
	if *timeout < 0 {
		return nil, fmt.Errorf("-timeout %s: want a duration of 0 or more", *timeout)
	}
	var err error
	if *rule == "official" {
		o.official = true
	} else if o.rule, err = budgeting.RuleByName(*rule); err != nil {
		return nil, err
	}
	if *compare != "" {
		if o.compare, err = budgeting.RuleByName(*compare); err != nil {
			return nil, err
		}
	}
	if *format != "text" && *format != "ids" && *format != "json" {
		return nil, fmt.Errorf("-format %q: want text, ids or json", *format)
	}
	if (*by == "") != (*population == "") {
		return nil, errors.New("-by and -population go together")
	}
	if *by != "" {
		d, err := budgeting.ParseVoterAttribute(*by)
		if err != nil {
			return nil, err
		}
		groups, err := parsePopulation(*population)
		if err != nil {
			return nil, err
		}
		policy := metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize(*minCell)}
		if err := policy.Validate(); err != nil {
			return nil, fmt.Errorf("-min-cell %d: %w", *minCell, err)
		}
		spec := metrics.RepresentativenessSpec{Population: groups, Policy: policy}
		o.population = []budgeting.AnalysisOption{budgeting.WithPopulation(d, spec)}
	}
	switch fs.NArg() {
	case 0:
	case 1:
		o.file = fs.Arg(0)
	default:
		return nil, fmt.Errorf("one file at most, not %d", fs.NArg())
	}
	return o, nil
}

// parsePopulation reads "F=12000,M=11000".
func parsePopulation(s string) ([]metrics.GroupCount, error) {
	var groups []metrics.GroupCount
	for _, part := range strings.Split(s, ",") {
		group, count, ok := strings.Cut(part, "=")
		n, err := strconv.ParseInt(strings.TrimSpace(count), 10, 64)
		if !ok || err != nil || strings.TrimSpace(group) == "" {
			return nil, fmt.Errorf("-population: %q is not GROUP=COUNT", part)
		}
		groups = append(groups, metrics.GroupCount{Group: strings.TrimSpace(group), Count: n})
	}
	return groups, nil
}

// funded is one funded project in the JSON output.
type funded struct {
	ID   string          `json:"id"`
	Name string          `json:"name,omitempty"`
	Cost decimal.Decimal `json:"cost"`
}

// report is the JSON output.
type report struct {
	File        string                 `json:"file"`
	Description string                 `json:"description,omitempty"`
	Rule        budgeting.Rule         `json:"rule"`
	Funded      []funded               `json:"funded"`
	Analysis    *budgeting.Analysis    `json:"analysis"`
	Explanation *budgeting.Explanation `json:"explanation,omitempty"`
}

// pbvote reads the election, runs the rule and writes what o asks for.
func pbvote(ctx context.Context, o *options, stdout, stderr io.Writer) error {
	if o.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.timeout)
		defer cancel()
	}
	e, name, err := load(o.file)
	if err != nil {
		return err
	}
	for _, w := range e.Warnings() {
		fmt.Fprintln(stderr, "pbvote: warning:", w)
	}
	if o.official {
		if o.rule, err = budgeting.RuleFromMeta(e.Instance()); err != nil {
			return err
		}
	}
	if o.allTies {
		return writeTies(ctx, o, e, stdout)
	}
	res, err := o.rule.Run(ctx, e)
	if err != nil {
		return err
	}
	for _, d := range res.Disagreements() {
		fmt.Fprintf(stderr, "pbvote: warning: project %s: the file publishes %d, the ballots give %d\n", d.Project, d.Published, d.Recounted)
	}
	a, err := budgeting.Analyze(res, o.population...)
	if err != nil {
		return err
	}
	var x *budgeting.Explanation
	if o.explain {
		if x, err = budgeting.ExplainContext(ctx, res); err != nil {
			return err
		}
	}
	if o.compare.IsValid() {
		if err := writeCompare(ctx, o, e, res); err != nil {
			return err
		}
	}
	in := e.Instance()
	var out bytes.Buffer
	switch o.format {
	case "ids":
		for _, id := range res.SelectedIDs() {
			fmt.Fprintln(&out, id)
		}
	case "json":
		r := report{File: name, Rule: o.rule, Funded: []funded{}, Analysis: a, Explanation: x}
		r.Description, _ = in.Meta("description")
		for _, p := range res.Selected() {
			pr := in.Project(p)
			r.Funded = append(r.Funded, funded{ID: pr.ID, Name: pr.Name, Cost: pr.Cost})
		}
		enc := json.NewEncoder(&out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return err
		}
	default:
		writeText(&out, name, e, res, a, x)
		if o.compare.IsValid() {
			fmt.Fprintf(&out, "\nWrote %s: %s and %s, side by side.\n", o.svg, o.rule.Title(), o.compare.Title())
		}
	}
	_, err = stdout.Write(out.Bytes())
	return err
}

// load reads the named file, or the built-in instance when name is "".
func load(name string) (*budgeting.Election, string, error) {
	if name == "" {
		e, err := budgeting.Parse(builtin)
		return e, builtinName, err
	}
	e, err := budgeting.ReadFile(name)
	return e, name, err
}

// writeCompare runs the -compare rule and writes the picture.
func writeCompare(ctx context.Context, o *options, e *budgeting.Election, res *budgeting.Result) error {
	other, err := o.compare.Run(ctx, e)
	if err != nil {
		return err
	}
	var svg bytes.Buffer
	if err := budgeting.CompareSVG(&svg, res, other); err != nil {
		return err
	}
	return os.WriteFile(o.svg, svg.Bytes(), 0o644)
}

// writeText writes the outcome, its analysis and the explanation.
func writeText(w io.Writer, name string, e *budgeting.Election, res *budgeting.Result, a *budgeting.Analysis, x *budgeting.Explanation) {
	in := e.Instance()
	if d, ok := in.Meta("description"); ok && d != "" {
		fmt.Fprintln(w, d)
	}
	fmt.Fprintf(w, "File: %s\n\n", name)
	cur, _ := in.Meta("currency")
	fmt.Fprintf(w, "%s funded, in this order:\n", res.Rule().Title())
	rows := [][3]string{}
	width := [3]int{}
	for i, p := range res.Selected() {
		pr := in.Project(p)
		label := pr.ID
		if pr.Name != "" {
			label += " " + pr.Name
		}
		row := [3]string{strconv.Itoa(i + 1), label, strings.TrimSpace(pr.Cost.String() + " " + cur)}
		for j, c := range row {
			width[j] = max(width[j], utf8.RuneCountInString(c))
		}
		rows = append(rows, row)
	}
	for _, r := range rows {
		fmt.Fprintf(w, "  %*s  %s%s  %*s\n", width[0], r[0], r[1], strings.Repeat(" ", width[1]-utf8.RuneCountInString(r[1])),
			width[2], r[2])
	}
	if len(rows) == 0 {
		fmt.Fprintln(w, "  nothing")
	}
	fmt.Fprintln(w)
	_ = a.WriteText(w) // w is a bytes.Buffer
	if x != nil {
		fmt.Fprintln(w)
		_ = x.WriteText(w)
	}
}

// checkFile validates the file and prints its findings; it returns the exit
// status: 0 without errors, 1 with.
func checkFile(o *options, stdout, stderr io.Writer) int {
	data := builtin
	if o.file != "" {
		var err error
		if data, err = os.ReadFile(o.file); err != nil {
			fmt.Fprintln(stderr, "pbvote:", err)
			return 1
		}
	}
	r := budgeting.Check(data)
	var out bytes.Buffer
	_ = r.WriteText(&out) // a bytes.Buffer does not fail
	if _, err := stdout.Write(out.Bytes()); err != nil {
		fmt.Fprintln(stderr, "pbvote:", err)
		return 1
	}
	if !r.Valid() {
		return 1
	}
	return 0
}

// writeTies prints every tied outcome of the rule, one per line.
func writeTies(ctx context.Context, o *options, e *budgeting.Election, stdout io.Writer) error {
	outs, err := o.rule.TiedOutcomes(ctx, e, 0)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	for i, res := range outs {
		ids := strings.Join(res.SelectedIDs(), " ")
		if o.format == "ids" {
			fmt.Fprintln(&out, ids)
			continue
		}
		fmt.Fprintf(&out, "Outcome %d of %d, %s: %s\n", i+1, len(outs), o.rule.Title(), ids)
	}
	_, err = stdout.Write(out.Bytes())
	return err
}
