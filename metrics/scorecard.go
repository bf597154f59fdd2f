package metrics

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Scorecard is a titled, ordered list of evaluated indicators: the page on
// which a process or a role is judged against its targets, in the manner of
// a balanced scorecard (Kaplan & Norton 1992) reduced to its table. It
// renders for a terminal ([Scorecard.WriteText]), for a document
// ([Scorecard.WriteMarkdown]), for a spreadsheet ([Scorecard.WriteCSV]) and
// for a program (MarshalJSON).
//
// The zero value has no title and no rows; NewScorecard never returns it.
// Scorecard is an immutable value, safe for concurrent use.
type Scorecard struct {
	title string
	rows  []Evaluation
}

// NewScorecard returns a scorecard of rows in the order given. The title
// must be one non-empty line of printable text ([ErrEmpty],
// [ErrOutOfRange]); there must be at least one row ([ErrEmpty]), and no row
// may be the zero Evaluation ([ErrOutOfRange]). All problems are reported
// at once with errors.Join.
func NewScorecard(title string, rows ...Evaluation) (Scorecard, error) {
	errs := []error{checkLabel("title", title)}
	if len(rows) == 0 {
		errs = append(errs, &FieldError{Field: "rows", Value: "none", Err: ErrEmpty})
	}
	for i, r := range rows {
		if !r.verdict.IsValid() {
			errs = append(errs, &FieldError{Field: fmt.Sprintf("rows[%d]", i), Value: "zero Evaluation", Err: ErrOutOfRange})
		}
	}
	if err := errors.Join(errs...); err != nil {
		return Scorecard{}, err
	}
	return Scorecard{title: title, rows: append([]Evaluation(nil), rows...)}, nil
}

// Title returns the title.
func (s Scorecard) Title() string { return s.title }

// Len returns the number of rows.
func (s Scorecard) Len() int { return len(s.rows) }

// All yields each row's index and evaluation, in order.
func (s Scorecard) All() iter.Seq2[int, Evaluation] {
	return func(yield func(int, Evaluation) bool) {
		for i, r := range s.rows {
			if !yield(i, r) {
				return
			}
		}
	}
}

// Count returns how many rows have verdict v.
func (s Scorecard) Count(v Verdict) int {
	n := 0
	for _, r := range s.rows {
		if r.verdict == v {
			n++
		}
	}
	return n
}

// summary is the line under the table: "2 met, 1 not met, 1 undefined".
func (s Scorecard) summary() string {
	return fmt.Sprintf("%d met, %d not met, %d undefined", s.Count(VerdictMet), s.Count(VerdictNotMet), s.Count(VerdictUndefined))
}

// tableHeader and tableRow are the columns of the text and Markdown tables.
var tableHeader = []string{"Indicator", "Value", "Basis", "Target", "Verdict"}

// rightAligned marks the numeric columns of tableHeader.
var rightAligned = []bool{false, true, true, false, false}

func tableRow(e Evaluation) []string {
	return []string{e.indicator.name, e.ValueText(), e.Basis(), e.indicator.TargetText(), verdicts.Text(e.verdict)}
}

// WriteText writes the scorecard for a terminal: the title, a table with
// aligned columns (numbers right-aligned), a summary line, and each
// indicator's definition:
//
//	Riverside park consultation
//
//	Indicator                  Value        Basis  Target         Verdict
//	---------------------  ---------  -----------  -------------  ---------
//	Attendance rate          75.00 %     45 of 60  at least 60 %  met
//	Closing-the-loop rate  undefined       0 of 0  at least 90 %  undefined
//	Median response time      3.50 d               at most 14 d   met
//
//	2 met, 0 not met, 1 undefined
//
//	Definitions:
//	- Attendance rate: people who attended / people who registered
//	…
//
// The Basis column holds a ratio's numerator and denominator
// ([Evaluation.Basis]) and is empty for other values.
// Columns are padded by rune count, so text in any script aligns in a
// monospaced font whose characters are all one cell wide. It returns the
// first error of w.
func (s Scorecard) WriteText(w io.Writer) error {
	rows := [][]string{tableHeader, nil}
	for _, r := range s.rows {
		rows = append(rows, tableRow(r))
	}
	widths := make([]int, len(tableHeader))
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	rule := make([]string, len(widths))
	for i, n := range widths {
		rule[i] = strings.Repeat("-", n)
	}
	rows[1] = rule

	var b strings.Builder
	b.WriteString(s.title + "\n\n")
	for _, row := range rows {
		line := make([]string, len(row))
		for i, cell := range row {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
			if rightAligned[i] {
				line[i] = pad + cell
			} else {
				line[i] = cell + pad
			}
		}
		b.WriteString(strings.TrimRight(strings.Join(line, "  "), " ") + "\n")
	}
	b.WriteString("\n" + s.summary() + "\n\nDefinitions:\n")
	for _, r := range s.rows {
		b.WriteString("- " + r.indicator.name + ": " + r.indicator.definition + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// String returns the scorecard as [Scorecard.WriteText] writes it.
func (s Scorecard) String() string {
	var b strings.Builder
	_ = s.WriteText(&b) // a strings.Builder never fails
	return b.String()
}

// markdownEscaper escapes the characters that would end a table cell or
// start emphasis, a link or HTML in CommonMark.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`",
	"[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
)

// WriteMarkdown writes the scorecard as CommonMark with a GitHub-flavoured
// table: the title as a level-2 heading, the table (numbers right-aligned),
// the summary line, and the definitions as a list. Text from names and
// definitions is escaped, so a "|" in a name cannot break the table. It
// returns the first error of w.
func (s Scorecard) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("## " + markdownEscaper.Replace(s.title) + "\n\n")
	writeRow := func(cells []string) {
		for _, c := range cells {
			b.WriteString("| " + markdownEscaper.Replace(c) + " ")
		}
		b.WriteString("|\n")
	}
	writeRow(tableHeader)
	for _, right := range rightAligned {
		if right {
			b.WriteString("| ---: ")
		} else {
			b.WriteString("| --- ")
		}
	}
	b.WriteString("|\n")
	for _, r := range s.rows {
		writeRow(tableRow(r))
	}
	b.WriteString("\n" + s.summary() + "\n\n**Definitions**\n\n")
	for _, r := range s.rows {
		b.WriteString("- **" + markdownEscaper.Replace(r.indicator.name) + "**: " + markdownEscaper.Replace(r.indicator.definition) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// CSVHeader returns the header row [Scorecard.WriteCSV] writes, a new slice
// on every call. One row per indicator follows, in order; the title is not
// written. The columns:
//
//	indicator    the indicator's name
//	definition   its written definition
//	unit         "percent", "number", "count", "seconds", "minutes", "hours", "days"
//	direction    "higher-is-better" or "lower-is-better"
//	comparison   "at-least", "at-most" or "between"
//	min, max     the target's bounds, exact; empty where the comparison has none
//	value        the value in the unit, rounded as shown (see [Unit]), without
//	             its symbol; empty when undefined
//	numerator,   the ratio's integers, exact; empty when the value is not a ratio
//	denominator
//	verdict      "met", "not-met" or "undefined"
func CSVHeader() []string {
	return []string{"indicator", "definition", "unit", "direction", "comparison", "min", "max", "value", "numerator", "denominator", "verdict"}
}

// WriteCSV writes [CSVHeader] and one row per indicator with encoding/csv
// (RFC 4180 quoting, "\n" line ends). It returns the first error of w.
func (s Scorecard) WriteCSV(w io.Writer) error {
	records := [][]string{CSVHeader()}
	for _, r := range s.rows {
		ind := r.indicator
		var lo, hi, value, num, den string
		if d, ok := ind.target.Min(); ok {
			lo = exactText(d)
		}
		if d, ok := ind.target.Max(); ok {
			hi = exactText(d)
		}
		if r.value.Defined() {
			value = r.value.number(ind.unit)
		}
		if ratio, ok := r.value.Ratio(); ok {
			num, den = strconv.FormatInt(ratio.num, 10), strconv.FormatInt(ratio.den, 10)
		}
		records = append(records, []string{ind.name, ind.definition, ind.unit.String(), ind.better.String(),
			ind.target.cmp.String(), lo, hi, value, num, den, r.verdict.String()})
	}
	return csv.NewWriter(w).WriteAll(records)
}

// scorecardJSON is the wire form of a Scorecard.
type scorecardJSON struct {
	Title string       `json:"title"`
	Rows  []Evaluation `json:"rows"`
}

// MarshalJSON writes {"title": "...", "rows": [...]}, each row as
// [Evaluation.MarshalJSON] writes it.
func (s Scorecard) MarshalJSON() ([]byte, error) {
	return json.Marshal(scorecardJSON{Title: s.title, Rows: s.rows})
}

// UnmarshalJSON reads what MarshalJSON writes and validates it as
// [NewScorecard] does; each row is validated by [Evaluation.UnmarshalJSON].
func (s *Scorecard) UnmarshalJSON(b []byte) error {
	var w scorecardJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	got, err := NewScorecard(w.Title, w.Rows...)
	if err != nil {
		return err
	}
	*s = got
	return nil
}
