package concerns

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/internal/enum"
)

// RowStatus is what became of one row of a complaints log. The zero value
// is invalid.
type RowStatus int

// The row statuses.
const (
	// RowStatusRecorded is a row recorded in full: the case and every step
	// the row gives.
	RowStatusRecorded RowStatus = iota + 1
	// RowStatusPartial is a row whose case was recorded, and its steps up
	// to one the rules refused: the case stays in the register as far as it
	// went, and the row's error says which step was refused and why.
	RowStatusPartial
	// RowStatusRejected is a row that recorded nothing: it could not be
	// read, or its case could not be received.
	RowStatusRejected
)

// The columns of a complaints log; see [LogColumns].
var logColumns = []string{
	"case", "received_at", "officer", "kind", "channel", "category", "severity", "disclosure",
	"topics", "area", "stakeholders", "complainant", "confidential", "summary",
	"acknowledged_at", "assessed_at", "scope", "scope_reason", "referral", "investigating_at",
	"proposed_at", "proposal", "response", "response_note", "responded_at",
	"closed_at", "close_note", "withdrawn_at", "withdraw_reason",
}

// requiredColumns is how many of logColumns, from the first, are required.
const requiredColumns = 8

// LogColumns returns the columns of a complaints log that
// [Register.ImportCSV] reads, a new slice on every call. The first eight are
// required; the others may be left out of the header, and any cell may be
// empty where the column is optional:
//
//	case              the case's ID (a UUID)
//	received_at       when it was received
//	officer           the member of staff who recorded the row's steps (a UUID)
//	kind              concern or complaint
//	channel           an IntakeChannel name: phone, email, letter, web form, …
//	category          a category code, such as noise
//	severity          low, medium, high or critical
//	disclosure        named, pseudonymous or anonymous
//	topics            topic codes separated by ';'
//	area              an area code
//	stakeholders      stakeholder IDs separated by ';'
//	complainant       the complainant's ID; empty for an anonymous one
//	confidential      true or false (empty is false)
//	summary           what was raised
//	acknowledged_at   when the case was acknowledged
//	assessed_at       when it was assessed; then scope is required
//	scope             in or out
//	scope_reason      the assessment's reason (required out of scope)
//	referral          where an out-of-scope case was referred
//	investigating_at  when an investigation started
//	proposed_at       when a resolution was proposed; then proposal is required
//	proposal          the proposed resolution
//	response          the complainant's answer: accepted, escalated or rejected
//	response_note     the reason of an escalation
//	responded_at      when the complainant answered (required with accepted or escalated)
//	closed_at         when the case was closed
//	close_note        the closing note (required unless accepted)
//	withdrawn_at      when the complainant withdrew
//	withdraw_reason   the reason given, if any
//
// Times are RFC 3339 ("2025-01-06T09:15:00Z"), or "2025-01-06 09:15",
// "2025-01-06T09:15" or "2025-01-06" read in UTC. Enum names match as
// everywhere in civitas: any case, with '_', '-' or ' ' between words.
func LogColumns() []string { return append([]string(nil), logColumns...) }

// RowResult is what became of one row of a complaints log. Nothing is lost:
// every row read has a result, with its fields as read.
type RowResult struct {
	// Row is the row's number as a spreadsheet shows it: the header is row
	// 1, and blank lines count as rows.
	Row int `json:"row"`
	// Case is the case's ID, or uuid.Nil when it could not be read.
	Case uuid.UUID `json:"case,omitzero"`
	// Status is what became of the row.
	Status RowStatus `json:"status"`
	// Steps is the number of the row's steps recorded, receipt included.
	Steps int `json:"steps"`
	// Fields is the row as read. It is for the person importing the log,
	// not for publication: it holds the complainant's ID.
	Fields []string `json:"fields"`
	// Err is why the row was rejected or stopped: a [*RowError] wrapping
	// the reason. nil for a row recorded in full.
	Err error `json:"-"`
}

// ImportResult accounts for every row of a complaints log, in order.
type ImportResult struct {
	// Rows holds one result per data row read.
	Rows []RowResult
}

// Count returns the number of rows with status s.
func (ir ImportResult) Count(s RowStatus) int {
	n := 0
	for _, r := range ir.Rows {
		if r.Status == s {
			n++
		}
	}
	return n
}

// String sums the result up for people: "12 rows: 10 recorded, 1 partly
// recorded, 1 rejected".
func (ir ImportResult) String() string {
	return fmt.Sprintf("%s: %d recorded, %d partly recorded, %d rejected", plural(len(ir.Rows), "row", "rows"),
		ir.Count(RowStatusRecorded), ir.Count(RowStatusPartial), ir.Count(RowStatusRejected))
}

// ImportCSV reads a complaints log (see [LogColumns]) and records each row
// as a case with its steps, in row order, through the same methods a
// caller would use, each step checked as they check it. The header's
// columns may come in any order and match in any letter case (with '_',
// '-' or ' ' between words); a UTF-8 byte-order mark is skipped.
//
// A row that cannot be read (a CSV quoting error, a wrong number of fields,
// a bad ID, time, name or flag, a step whose companion cell is missing) is
// rejected and records nothing; a row whose case the register refuses (a
// duplicate ID, bad details) is rejected too. A row whose case is received
// but one of whose later steps the rules refuse is partly recorded: the
// case stays in the register as far as it went, and the result says which
// step was refused and why. Reading goes on with the next row.
//
// It returns an error wrapping [ErrHeader], and records nothing, when the
// header is missing, lacks a required column, names an unknown one or names
// one twice. An error of r stops reading and is returned with the results
// of the rows read so far.
func (r *Register) ImportCSV(rd io.Reader) (ImportResult, error) {
	data, err := io.ReadAll(rd)
	if err != nil {
		return ImportResult{}, err
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return ImportResult{}, fmt.Errorf("%w: %w", ErrHeader, err)
	}
	cols, err := headerColumns(header)
	if err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	row := 1 + leadingBlankLines(data[:cr.InputOffset()])
	for {
		before := cr.InputOffset()
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return res, nil
		}
		row += 1 + leadingBlankLines(data[before:cr.InputOffset()])
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe):
			res.Rows = append(res.Rows, RowResult{Row: row, Status: RowStatusRejected, Fields: fields,
				Err: &RowError{Row: row, Err: fmt.Errorf("%w: %w", ErrInvalid, pe.Err)}})
			if cr.InputOffset() == before {
				return res, nil // no progress: nothing more can be read
			}
			continue
		case err != nil:
			return res, err
		}
		res.Rows = append(res.Rows, r.importRow(row, cols, fields))
	}
}

// leadingBlankLines counts the empty lines encoding/csv skipped at the
// start of b.
func leadingBlankLines(b []byte) int {
	n := 0
	for {
		switch {
		case bytes.HasPrefix(b, []byte("\n")):
			b = b[1:]
		case bytes.HasPrefix(b, []byte("\r\n")):
			b = b[2:]
		default:
			return n
		}
		n++
	}
}

// headerColumns maps each known column to its index in the header, -1 when
// absent.
func headerColumns(header []string) (map[string]int, error) {
	cols := make(map[string]int, len(logColumns))
	for _, c := range logColumns {
		cols[c] = -1
	}
	var errs []error
	for i, h := range header {
		k := enum.Key(h)
		j, ok := cols[k]
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("%w: unknown column %s", ErrHeader, quote(h)))
		case j >= 0:
			errs = append(errs, fmt.Errorf("%w: column %s twice", ErrHeader, quote(h)))
		default:
			cols[k] = i
		}
	}
	for _, c := range logColumns[:requiredColumns] {
		if cols[c] < 0 {
			errs = append(errs, fmt.Errorf("%w: missing column %q", ErrHeader, c))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	cols["#"] = len(header)
	return cols, nil
}

// step is one step of a row: the event it records and how.
type step struct {
	event Event
	do    func() error
}

// importRow reads and records one data row.
func (r *Register) importRow(row int, cols map[string]int, fields []string) RowResult {
	res := RowResult{Row: row, Fields: fields, Status: RowStatusRejected}
	fail := func(err error) RowResult {
		res.Err = &RowError{Row: row, Err: err}
		return res
	}
	if len(fields) != cols["#"] {
		return fail(fmt.Errorf("%w: %d fields, the header has %d", ErrInvalid, len(fields), cols["#"]))
	}
	p := rowParser{cols: cols, fields: fields}
	id := p.id("case", true)
	res.Case = id
	steps := r.rowSteps(&p, id)
	if err := errors.Join(p.errs...); err != nil {
		return fail(err)
	}
	for i, s := range steps {
		if err := s.do(); err != nil {
			if i > 0 {
				res.Status = RowStatusPartial
			}
			return fail(fmt.Errorf("step %d (%s): %w", i+1, s.event.verb(), err))
		}
		res.Steps++
	}
	res.Status = RowStatusRecorded
	return res
}

// rowParser reads the cells of one row, collecting every problem.
type rowParser struct {
	cols   map[string]int
	fields []string
	errs   []error
}

// cell returns the trimmed cell of column name, "" when the column is
// absent.
func (p *rowParser) cell(name string) string {
	i := p.cols[name]
	if i < 0 {
		return ""
	}
	return strings.TrimSpace(p.fields[i])
}

func (p *rowParser) fail(name, value string, err error) {
	p.errs = append(p.errs, &FieldError{Field: name, Value: quote(value), Err: err})
}

func (p *rowParser) id(name string, required bool) uuid.UUID {
	s := p.cell(name)
	if s == "" {
		if required {
			p.fail(name, s, ErrInvalid)
		}
		return uuid.Nil
	}
	id, err := uuid.Parse(s)
	if err != nil || id == uuid.Nil {
		p.fail(name, s, ErrInvalid)
		return uuid.Nil
	}
	return id
}

func (p *rowParser) ids(name string) []uuid.UUID {
	var out []uuid.UUID
	for _, s := range p.list(name) {
		id, err := uuid.Parse(s)
		if err != nil || id == uuid.Nil {
			p.fail(name, s, ErrInvalid)
			continue
		}
		out = append(out, id)
	}
	return out
}

func (p *rowParser) list(name string) []string {
	s := p.cell(name)
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ";")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// timeLayouts are the forms a time may take in a log, the last three read
// in UTC.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02"}

func (p *rowParser) time(name string) (time.Time, bool) {
	s := p.cell(name)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	p.fail(name, s, ErrInvalid)
	return time.Time{}, false
}

// enumCell parses a required or optional enum cell with parse.
func enumCell[E ~int](p *rowParser, name string, required bool, parse func(string) (E, error)) E {
	s := p.cell(name)
	if s == "" {
		if required {
			p.fail(name, s, ErrInvalid)
		}
		return 0
	}
	v, err := parse(s)
	if err != nil {
		p.errs = append(p.errs, err)
	}
	return v
}

// rowSteps reads the row's details and returns its steps in order, each
// a call of the register's own method.
func (r *Register) rowSteps(p *rowParser, id uuid.UUID) []step {
	received, ok := p.time("received_at")
	if !ok && p.cell("received_at") == "" {
		p.fail("received_at", "", ErrInvalid)
	}
	by := p.id("officer", true)
	confidential := false
	if s := p.cell("confidential"); s != "" {
		var err error
		if confidential, err = strconv.ParseBool(s); err != nil {
			p.fail("confidential", s, ErrInvalid)
		}
	}
	d := CaseDetails{
		ID:           id,
		Kind:         enumCell(p, "kind", true, ParseCaseKind),
		Channel:      enumCell(p, "channel", true, ParseIntakeChannel),
		Category:     p.cell("category"),
		Topics:       p.list("topics"),
		Severity:     enumCell(p, "severity", true, ParseSeverity),
		Area:         p.cell("area"),
		Stakeholders: p.ids("stakeholders"),
		Complainant: Complainant{Disclosure: enumCell(p, "disclosure", true, ParseDisclosure),
			ID: p.id("complainant", false), Confidential: confidential},
		Summary: p.cell("summary"),
	}
	steps := []step{{EventReceived, func() error { return r.Receive(d, by, received) }}}
	add := func(e Event, column string, do func(at time.Time) error) {
		if at, ok := p.time(column); ok {
			steps = append(steps, step{e, func() error { return do(at) }})
		}
	}
	add(EventAcknowledged, "acknowledged_at", func(at time.Time) error { return r.Acknowledge(id, by, at) })
	if _, ok := p.time("assessed_at"); ok && p.cell("scope") == "" {
		p.fail("scope", "", ErrInvalid)
	}
	a := Assessment{Scope: enumCell(p, "scope", false, ParseScope), Reason: p.cell("scope_reason"), Referral: p.cell("referral")}
	add(EventAssessed, "assessed_at", func(at time.Time) error { return r.Assess(id, a, by, at) })
	add(EventInvestigationStarted, "investigating_at", func(at time.Time) error { return r.Investigate(id, by, at) })
	proposal := p.cell("proposal")
	add(EventResolutionProposed, "proposed_at", func(at time.Time) error { return r.ProposeResolution(id, proposal, by, at) })
	switch resp := enum.Key(p.cell("response")); resp {
	case "":
	case "accepted", "escalated":
		if _, ok := p.time("responded_at"); !ok && p.cell("responded_at") == "" {
			p.fail("responded_at", "", ErrInvalid)
		}
		note, ev := p.cell("response_note"), EventAccepted
		if resp == "escalated" {
			ev = EventEscalated
		}
		add(ev, "responded_at", func(at time.Time) error {
			if ev == EventEscalated {
				return r.Escalate(id, note, by, at)
			}
			return r.Accept(id, by, at)
		})
	case "rejected": // the closure records it, unresolved
	default:
		p.fail("response", p.cell("response"), ErrInvalid)
	}
	note := p.cell("close_note")
	add(EventClosed, "closed_at", func(at time.Time) error { return r.Close(id, note, by, at) })
	reason := p.cell("withdraw_reason")
	add(EventWithdrawn, "withdrawn_at", func(at time.Time) error { return r.Withdraw(id, reason, by, at) })
	return steps
}
