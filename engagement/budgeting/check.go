package budgeting

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// This file holds the validator: what Pabulib's checker (pabulib/checker)
// reports on a .pb file, category by category; each category's doc comment
// ([Category]) says what it covers.

// Finding is one thing [Check] found in a file: its [FindingLevel], its [Category]
// (the category Pabulib's checker reports it under), the line, and a
// message for people.
type Finding struct {
	// Level says whether the finding makes the file invalid.
	Level FindingLevel `json:"level"`
	// Category is what kind of problem it is.
	Category Category `json:"category"`
	// Line is the 1-based line of the first occurrence; 0 for the whole
	// file.
	Line int `json:"line,omitempty"`
	// Count is the number of occurrences the finding stands for, at least
	// 1: past [MaxFindings] of one category, further ones are counted in the
	// last.
	Count int `json:"count"`
	// Rule is, for [CategoryRuleNotFollowed], the Pabulib name of the rule
	// not followed ("greedy-threshold").
	Rule string `json:"rule,omitempty"`
	// Message says what was found, with the values involved.
	Message string `json:"message"`
}

// MaxFindings is how many findings of one category [Check] lists; further
// occurrences are counted in the last one's Count.
const MaxFindings = 20

// Name returns the name Pabulib's checker reports the finding under, such
// as "comma in float!" or "greedy-threshold rule not followed".
func (f Finding) Name() string {
	if f.Category == CategoryRuleNotFollowed && f.Rule != "" {
		return f.Rule + " rule not followed"
	}
	return f.Category.CheckerName()
}

// String returns the finding on one line for people:
// "line 12: error: file structure error: …".
func (f Finding) String() string {
	var b strings.Builder
	if f.Line > 0 {
		b.WriteString("line " + strconv.Itoa(f.Line) + ": ")
	}
	b.WriteString(findingLevels.Text(f.Level) + ": " + f.Name() + ": " + f.Message)
	if f.Count > 1 {
		b.WriteString(" (" + strconv.Itoa(f.Count) + " times)")
	}
	return b.String()
}

// Report is what [Check] found in a file, with the election as read and its
// official outcome when there is one. It is immutable and safe for
// concurrent use.
type Report struct {
	findings []Finding
	election *Election
	outcome  *Result
}

// Findings returns a copy of the findings, by line (whole-file findings
// first).
func (r *Report) Findings() []Finding { return slices.Clone(r.findings) }

// Valid reports whether the file has no finding of [FindingLevelError].
func (r *Report) Valid() bool {
	for _, f := range r.findings {
		if f.Level == FindingLevelError {
			return false
		}
	}
	return true
}

// Names returns the distinct names ([Finding.Name]) of the findings of
// level, sorted: what the checker lists as a file's error or warning
// categories.
func (r *Report) Names(level FindingLevel) []string {
	var out []string
	for _, f := range r.findings {
		if f.Level == level && !slices.Contains(out, f.Name()) {
			out = append(out, f.Name())
		}
	}
	slices.Sort(out)
	return out
}

// Election returns the election as [Parse] reads the file, or nil when it
// cannot be read.
func (r *Report) Election() *Election { return r.election }

// Outcome returns the outcome of the rule META names ([RuleFromMeta]), nil
// when the file cannot be read, names no rule it knows, or the rule cannot
// run on it.
func (r *Report) Outcome() *Result { return r.outcome }

// WriteText writes the findings one per line ([Finding.String]) and returns
// the first error of w.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, f := range r.findings {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// CheckOption changes what [Check] checks.
type CheckOption func(*checkConfig)

type checkConfig struct {
	duplicates bool
}

// WithDuplicateCheck makes [Check] report ballots that name a project twice
// ([CategoryVoteWithDuplicatedProjects]), a check Pabulib's checker defines
// but does not run.
func WithDuplicateCheck() CheckOption { return func(c *checkConfig) { c.duplicates = true } }

// Check validates a Pabulib .pb file as Pabulib's checker does, reporting
// every category of the checker ([Category]) under the checker's names:
// the structure, META, the projects, the ballots, and whether the selected
// projects are what the file's rule gives. A file is valid when no
// finding is an error ([Report.Valid]).
//
// It reads the file once, as [Parse] does, and also returns the election
// and its official outcome. A file the reader refuses is reported by the
// checks that do not need ballots and one finding for the reader's error.
func Check(data []byte, opts ...CheckOption) *Report {
	c := &checker{text: string(data)}
	for _, o := range opts {
		o(&c.cfg)
	}
	c.scanHead()
	c.checkVoteColumns()
	e, err := parse(c.text, config(nil))
	if err != nil {
		c.readError(err)
	} else {
		c.e = e
		c.checkVotes()
	}
	c.checkMeta()
	c.checkProjects()
	c.checkRule()
	slices.SortStableFunc(c.findings, func(a, b Finding) int { return cmp.Compare(a.Line, b.Line) })
	return &Report{findings: c.findings, election: c.e, outcome: c.outcome}
}

// checker holds what Check has read and found.
type checker struct {
	cfg      checkConfig
	text     string
	findings []Finding
	listed   [len(checkerNames)]int // findings listed per category
	last     [len(checkerNames)]int // index of the last one listed
	e        *Election
	outcome  *Result

	meta     []metaRow
	pcols    []string
	pline    int
	prows    []projRow
	pindex   map[string]int
	vcols    []string
	vline    int
	sections int // sections whose title was seen, in order
	headOK   bool
}

// metaRow is a META row as written.
type metaRow struct {
	key, value string
	line       int
}

// projRow is a PROJECTS row: its cells by column, as written.
type projRow struct {
	cells []string
	line  int
}

// add records a finding of cat at its default level.
func (c *checker) add(cat Category, line int, format string, args ...any) {
	c.addLevel(cat, defaultLevels[cat], line, "", format, args...)
}

// addLevel records a finding of cat at level; rule names the rule of a
// rule finding.
func (c *checker) addLevel(cat Category, level FindingLevel, line int, rule, format string, args ...any) {
	if c.listed[cat] >= MaxFindings {
		c.findings[c.last[cat]].Count++
		return
	}
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	c.listed[cat]++
	c.last[cat] = len(c.findings)
	c.findings = append(c.findings, Finding{Level: level, Category: cat, Line: line, Count: 1, Rule: rule, Message: msg})
}

// readError reports what stopped the reader, unless a check already found
// it.
func (c *checker) readError(err error) {
	line := 0
	var pe *ParseError
	if errors.As(err, &pe) {
		line = pe.Line
	}
	cat := CategoryFileStructureError
	switch {
	case errors.Is(err, ErrUnknownProject):
		cat = CategoryVoteForNonExistentProject
	case errors.Is(err, ErrBallotTooLong) && strings.Contains(err.Error(), "choose-1"):
		cat = CategoryInvalidChoose1VoteLength
	case errors.Is(err, ErrBallotTooLong):
		cat = CategoryVoteLengthExceeded
	case errors.Is(err, ErrPointsMismatch):
		cat = CategoryVotePointsLengthMismatch
	case errors.Is(err, ErrTooManyPoints) && strings.Contains(err.Error(), "max_sum_points"):
		cat = CategoryPointsSumAboveMaximum
	case errors.Is(err, ErrTooManyPoints):
		cat = CategoryPointsAboveMaximum
	case errors.Is(err, ErrInvalidNumber) && line > c.vline && c.vline > 0:
		cat = CategoryInvalidPointsValue
		if c.negativePoints(line) {
			cat = CategoryNegativeCumulativePoints
		}
	case errors.Is(err, ErrMissingField) && c.vline > 0 && line >= c.vline:
		cat = CategoryMissingVotesFieldValue
	}
	for _, f := range c.findings {
		if f.Level == FindingLevelError && (f.Line == line || line == 0) {
			return // the checks above found it already
		}
	}
	level := defaultLevels[cat]
	if cat == CategoryPointsSumAboveMaximum {
		level = FindingLevelError // the file cannot be read: its ballots go unchecked
	}
	c.addLevel(cat, level, line, "", "the file cannot be read: %v", err)
}

// negativePoints reports whether the points cell of the VOTES row at line
// holds a negative number.
func (c *checker) negativePoints(line int) bool {
	k := slices.Index(c.vcols, "points")
	if k < 0 {
		return false
	}
	text := c.text
	for n := 1; n < line && text != ""; n++ {
		i := strings.IndexAny(text, "\r\n")
		if i < 0 {
			return false
		}
		if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			i++
		}
		text = text[i+1:]
	}
	if i := strings.IndexAny(text, "\r\n"); i >= 0 {
		text = text[:i]
	}
	cells := rawCells(text)
	return k < len(cells) && strings.Contains(cells[k], "-")
}
