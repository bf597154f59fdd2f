package budgeting

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

// Sentinel errors. Every error this package returns matches one of them with
// [errors.Is]. Errors found while reading a .pb file arrive wrapped in a
// [*ParseError] that names the line; problems the format tolerates arrive as
// a [Warning] wrapping one of the warning sentinels instead.
var (
	// ErrSyntax reports text that is not a well-formed .pb file: a cell
	// whose quotes do not close, a row with more cells than its header, a
	// META row that is not a key and a value.
	ErrSyntax = errors.New("budgeting: malformed .pb file")

	// ErrMissingSection reports a file without one of its three sections,
	// META, PROJECTS and VOTES, or with a section that has no header row.
	ErrMissingSection = errors.New("budgeting: missing section")

	// ErrSectionOrder reports a section out of the order META, PROJECTS,
	// VOTES, a section given twice, or a row before the first section.
	ErrSectionOrder = errors.New("budgeting: section out of order")

	// ErrMissingField reports a required META key (budget, vote_type) or a
	// required column (cost in PROJECTS; vote, and points for cumulative and
	// scoring ballots, in VOTES) that is absent.
	ErrMissingField = errors.New("budgeting: missing field")

	// ErrInvalidNumber reports a budget, cost, number of points or ballot
	// limit that is not a plain decimal number ("400000", "400000.0",
	// "2532645,83"), or that does not fit the arithmetic of the rules.
	ErrInvalidNumber = errors.New("budgeting: invalid number")

	// ErrNegativeCost reports a negative project cost or budget.
	ErrNegativeCost = errors.New("budgeting: negative cost")

	// ErrInvalid reports a value that cannot be stored or written back:
	// an empty or padded ID, a vote type Pabulib does not define, text with a
	// line break, a list element with a comma, a negative number of points.
	ErrInvalid = errors.New("budgeting: invalid value")

	// ErrDuplicate reports a project ID or voter ID given twice, or a META
	// key or column name given twice.
	ErrDuplicate = errors.New("budgeting: duplicate ID")

	// ErrUnknownProject reports a ballot that names a project the PROJECTS
	// section does not list.
	ErrUnknownProject = errors.New("budgeting: unknown project")

	// ErrRepeatedProject reports a ballot that names the same project twice.
	ErrRepeatedProject = errors.New("budgeting: project repeated in a ballot")

	// ErrPointsMismatch reports a cumulative or scoring ballot whose list of
	// points does not have one entry per project.
	ErrPointsMismatch = errors.New("budgeting: points do not match the vote")

	// ErrBallotTooLong reports a ballot with more projects than META's
	// max_length allows (or more than one for vote_type choose-1).
	ErrBallotTooLong = errors.New("budgeting: ballot longer than max_length")

	// ErrTooManyPoints reports a ballot that gives more points in total than
	// META's max_sum_points, or more to one project than max_points.
	ErrTooManyPoints = errors.New("budgeting: ballot over its points limit")

	// ErrInvalidRule reports a rule name or a combination of rule options
	// that does not define a rule, such as a completion for greedy. It is a
	// case of [ErrInvalid]: errors.Is(err, ErrInvalid) holds for it too.
	ErrInvalidRule error = &caseOf{msg: "budgeting: invalid rule", of: ErrInvalid}

	// ErrUnsupported reports a rule that is not defined for the election's
	// ballots, such as Phragmén on ordinal ballots.
	ErrUnsupported = errors.New("budgeting: rule not defined for these ballots")

	// ErrTooManyTies reports that [Rule.TiedOutcomes] reached its limit of
	// runs before it had broken every tie every way that mattered.
	ErrTooManyTies = errors.New("budgeting: too many ways to break ties")

	// ErrOverflow reports an election whose amounts, once scaled to whole
	// numbers of one unit, do not fit in 63 bits, alone or added up (the
	// budget and every cost), or whose points do not fit in 31 bits. The
	// reader, [NewInstance] and the JSON decoder refuse such amounts, saying
	// which overflowed, so that a rule never meets them.
	ErrOverflow = errors.New("budgeting: amount too large")

	// ErrTooLarge reports an input over a size limit: more bytes than
	// [MaxBytes] allows, a number with more digits than [MaxDigits], or rows
	// so much shorter than their header that reading them would take far
	// more memory than the file's size.
	ErrTooLarge = errors.New("budgeting: input too large")
)

// Warning sentinels: conditions a .pb file may have without being wrong
// enough to reject. Each [Warning] wraps one of them.
var (
	// ErrCountMismatch warns that META's num_votes or num_projects disagrees
	// with the number of rows actually given.
	ErrCountMismatch = errors.New("budgeting: count disagrees with META")

	// ErrBallotTooShort warns that ballots list fewer projects than
	// min_length, or give fewer points than min_sum_points or min_points.
	ErrBallotTooShort = errors.New("budgeting: ballot under its minimum")

	// ErrShortRow warns that rows have fewer cells than their header; the
	// missing cells are read as having no value.
	ErrShortRow = errors.New("budgeting: row shorter than its header")

	// ErrIrregularText warns of text that real Pabulib files hold and the
	// reference tools read leniently (spaces around a cell or a list
	// separator, a stray double quote, text after a closing quote, blank
	// lines, a byte-order mark, mixed line ends); with [Strict] it is an
	// error.
	ErrIrregularText = errors.New("budgeting: irregular text")
)

// ParseError reports a problem at one line of a .pb file. It wraps one of the
// sentinel errors, so errors.Is(err, ErrUnknownProject) holds for a
// *ParseError whose Err wraps ErrUnknownProject.
type ParseError struct {
	// File is the name of the file read, set by [ReadFile]; "" otherwise.
	File string
	// Line is the 1-based line number; 0 when the problem concerns the
	// whole file, such as a missing section.
	Line int
	// Column is the 1-based number of the cell in its row (counting cells
	// separated by ";") when the problem is in one cell; 0 otherwise.
	Column int
	// Err is the problem, wrapping a sentinel error with the offending value.
	Err error
}

// Error returns "FILE: line N, column C: problem", leaving out what is
// unknown. A nil or zero ParseError reads "budgeting: malformed .pb file".
func (e *ParseError) Error() string {
	if e == nil {
		return ErrSyntax.Error()
	}
	s := ErrSyntax.Error()
	if e.Err != nil {
		s = e.Err.Error()
	}
	pos := ""
	if e.Line > 0 {
		pos = "line " + strconv.Itoa(e.Line)
		if e.Column > 0 {
			pos += ", column " + strconv.Itoa(e.Column)
		}
	}
	if e.File != "" {
		if pos != "" {
			pos = e.File + ": " + pos
		} else {
			pos = e.File
		}
	}
	if pos == "" {
		return s
	}
	return pos + ": " + s
}

// Unwrap returns the problem, for errors.Is and errors.As; nil for a nil
// ParseError.
func (e *ParseError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// Warning reports something a .pb file may do that a reader should know
// about: META's num_votes disagreeing with the ballots counted, ballots under
// min_length. Occurrences of one kind are counted in a single Warning rather
// than repeated for each of tens of thousands of ballots.
type Warning struct {
	// Line is the 1-based line of the first occurrence; 0 when the warning
	// concerns the whole file.
	Line int
	// Count is the number of occurrences (at least 1).
	Count int
	// Err describes the first occurrence and wraps a warning sentinel such as
	// [ErrCountMismatch].
	Err error

	kind string // what the warning is about, for the validator
}

// Error returns the warning as text, with its line and its count when more
// than one. A zero Warning reads "budgeting: warning".
func (w Warning) Error() string {
	s := "budgeting: warning"
	if w.Err != nil {
		s = w.Err.Error()
	}
	if w.Line > 0 {
		s = "line " + strconv.Itoa(w.Line) + ": " + s
	}
	if w.Count > 1 {
		s += " (" + strconv.Itoa(w.Count) + " times)"
	}
	return s
}

// Unwrap returns the warning's description, for errors.Is.
func (w Warning) Unwrap() error { return w.Err }

// caseOf is a sentinel error that is a case of a more general one, which
// it wraps.
type caseOf struct {
	msg string
	of  error
}

func (e *caseOf) Error() string { return e.msg }
func (e *caseOf) Unwrap() error { return e.of }

// decodeJSON decodes b into v as encoding/json does. Every decoder of the
// package reads through it, so that malformed JSON, or a value of the wrong
// JSON type, is [ErrInvalid] with json's error kept in the chain (for
// errors.As); an error that already matches ErrInvalid, from a nested
// decoder of this package, is returned as it is.
func decodeJSON(what string, b []byte, v any) error {
	err := json.Unmarshal(b, v)
	if err == nil || errors.Is(err, ErrInvalid) {
		return err
	}
	return errorf(ErrInvalid, "%s: %w", what, err)
}

// errorf wraps a sentinel with a formatted description.
func errorf(sentinel error, format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...)
}

// lineErr returns a *ParseError at line wrapping sentinel with a description.
func lineErr(line int, sentinel error, format string, args ...any) error {
	return &ParseError{Line: line, Err: errorf(sentinel, format, args...)}
}

// problems collects the errors a builder finds; the reader stops at the
// first, NewInstance and NewElection report them all.
type problems struct {
	errs []error
}

// fail records err at line, as a *ParseError when line > 0 (0: built in
// Go).
func (ps *problems) fail(line int, err error) {
	if line > 0 {
		err = &ParseError{Line: line, Err: err}
	}
	ps.errs = append(ps.errs, err)
}

// checkColumns reports a header's empty or padded column names and names
// given twice, at line.
func (ps *problems) checkColumns(section string, cols []string, line int) {
	seen := make(map[string]bool, len(cols))
	for _, c := range cols {
		if err := checkText("column name", c, false); err != nil {
			ps.fail(line, err)
		}
		if seen[c] {
			ps.fail(line, errorf(ErrDuplicate, "%s column %q", section, c))
		}
		seen[c] = true
	}
}

// metaIndex returns the position of key among meta, or -1.
func metaIndex(meta []Field, key string) int {
	for i, f := range meta {
		if f.Key == key {
			return i
		}
	}
	return -1
}

// warnings collects [Warning] values, one per (sentinel, key) kind, counting
// repeats.
type warnings struct {
	list  []Warning
	index map[string]int
}

// add records one occurrence of a warning kind; the first occurrence's line
// and description are kept.
func (ws *warnings) add(kind string, line int, sentinel error, format string, args ...any) {
	if i, ok := ws.index[kind]; ok {
		ws.list[i].Count++
		return
	}
	if ws.index == nil {
		ws.index = map[string]int{}
	}
	ws.index[kind] = len(ws.list)
	ws.list = append(ws.list, Warning{Line: line, Count: 1, Err: errorf(sentinel, format, args...), kind: kind})
}
