package riverside

import (
	"fmt"
	"strings"
	"time"
)

// Doc is a part of a report written for people, as blocks a program renders
// in its own form: a terminal aligns the tables, Markdown and HTML make them
// real tables. Every figure in it is already written as a person reads it
// (dates as "5 May 2025", percentages with their denominators, names rather
// than IDs, at most two decimals).
type Doc struct {
	Blocks []Block
}

// Block is one block of a [Doc]: a paragraph (Text), a table (Table) or a
// list (Items, with an optional lead-in in Text). Exactly one of Table and
// Items is set, or neither for a paragraph.
type Block struct {
	Text  string
	Table *Table
	Items []string
}

// Table is a table of text cells: a caption that says what it shows, the
// column heads, the rows (each as long as Head), and the columns of figures
// (Figures[i] true), which are aligned right.
type Table struct {
	Caption string
	Head    []string
	Rows    [][]string
	Figures []bool
}

// Figure reports whether column i holds figures.
func (t *Table) Figure(i int) bool { return i < len(t.Figures) && t.Figures[i] }

// Say adds a paragraph.
func (d *Doc) Say(format string, args ...any) {
	d.Blocks = append(d.Blocks, Block{Text: fmt.Sprintf(format, args...)})
}

// List adds a list of items after a lead-in sentence (which may be "").
func (d *Doc) List(lead string, items ...string) {
	if len(items) > 0 {
		d.Blocks = append(d.Blocks, Block{Text: lead, Items: items})
	}
}

// Add adds a table; a table with no rows is left out.
func (d *Doc) Add(t Table) {
	if len(t.Rows) > 0 {
		d.Blocks = append(d.Blocks, Block{Table: &t})
	}
}

// Append adds every block of other.
func (d *Doc) Append(other Doc) { d.Blocks = append(d.Blocks, other.Blocks...) }

// Day writes a time as the date a person reads: "5 May 2025".
func Day(t time.Time) string { return t.Format("2 January 2006") }

// DayTime writes a time as a date and a time of day: "5 May 2025, 18:00".
func DayTime(t time.Time) string { return t.Format("2 January 2006, 15:04") }

// Count writes n with its noun in the right number: "1 person", "2 people".
func Count(n int64, one, many string) string { return plural(n, one, many) }

// Or joins words as a person lists alternatives: "a", "a or b", "a, b or c".
func Or(words []string) string { return join(words, " or ") }

// And joins words as a person lists them: "a", "a and b", "a, b and c".
func And(words []string) string { return join(words, " and ") }

func join(words []string, last string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + last + words[len(words)-1]
}

// Sentence starts s with a capital letter.
func Sentence(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
