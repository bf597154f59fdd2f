package budgeting

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode/utf8"
)

// Parse reads a Pabulib .pb file held in data. See the package
// documentation for the format and what is checked. The election keeps a
// copy of data: voter IDs and attributes are slices of it.
//
// It stops at the first problem and returns a [*ParseError] naming its line
// and wrapping a sentinel such as [ErrUnknownProject], [ErrDuplicate],
// [ErrNegativeCost], [ErrBallotTooLong], [ErrMissingSection],
// [ErrSectionOrder], [ErrMissingField], [ErrInvalidNumber],
// [ErrInvalid], [ErrRepeatedProject], [ErrPointsMismatch],
// [ErrTooManyPoints], [ErrOverflow] (amounts the rules cannot compute
// with), [ErrTooLarge] (a number of more than [MaxDigits] digits) or
// [ErrSyntax]. What the format tolerates is reported by
// [Election.Warnings]; so are the irregularities real Pabulib files have
// ([ErrIrregularText], [ErrRepeatedProject]: see [Strict]), which are read
// as pabutools reads them, unless opts include [Strict].
//
// Parse reads data whatever its length: the limit of [MaxBytes] applies to
// [Read] and [ReadFile], which hold nothing in memory before they read.
func Parse(data []byte, opts ...ReadOption) (*Election, error) {
	return parse(string(data), config(opts))
}

// Read reads a Pabulib .pb file from r, as [Parse] does; it also returns any
// error from r. It reads at most [DefaultMaxBytes] bytes, or the limit
// [MaxBytes] sets: a longer input is refused with [ErrTooLarge] once the
// limit is passed, without reading the rest.
func Read(r io.Reader, opts ...ReadOption) (*Election, error) {
	c := config(opts)
	s, err := readAll(r, c.maxBytes, 0)
	if err != nil {
		return nil, err
	}
	return parse(s, c)
}

// ReadFile reads the Pabulib .pb file name, as [Read] does, with the same
// size limit; it also returns any error from opening or reading the file. A
// [*ParseError] it returns names the file.
func ReadFile(name string, opts ...ReadOption) (*Election, error) {
	c := config(opts)
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	hint := int64(0)
	if st, err := f.Stat(); err == nil {
		hint = st.Size()
	}
	s, err := readAll(f, c.maxBytes, hint)
	if err != nil {
		return nil, err
	}
	c.file = name
	return parse(s, c)
}

// readAll reads r to its end, refusing more than limit bytes (limit ≤ 0: no
// limit). hint, the size the source says it has, sizes the buffer, but never
// beyond the limit.
func readAll(r io.Reader, limit, hint int64) (string, error) {
	var sb strings.Builder
	if limit > 0 {
		hint = min(hint, limit)
	}
	if hint > 0 && hint < 1<<40 {
		sb.Grow(int(hint))
	}
	src := r
	if limit > 0 {
		src = io.LimitReader(r, limit+1)
	}
	n, err := io.Copy(&sb, src)
	if err != nil {
		return "", err
	}
	if limit > 0 && n > limit {
		return "", &ParseError{Err: errorf(ErrTooLarge, "the input is longer than the limit of %d bytes", limit)}
	}
	return sb.String(), nil
}

// Sections of a .pb file, in the order they must come.
const (
	secNone = iota
	secMeta
	secProjects
	secVotes
)

var sectionNames = [...]string{secMeta: "META", secProjects: "PROJECTS", secVotes: "VOTES"}

// parser reads a .pb file held in one string; every value it keeps is a
// substring of that string, or a reference into it, so reading allocates
// little beyond the ballot arrays.
type parser struct {
	s      string
	pos    int
	line   int    // number of the line last returned by next
	cur    string // the line last returned by next
	curOff int    // offset of cur in s
	esc    []string
	ws     warnings
	strict bool // irregular text is an error, not a warning
	// lineErr is an error found while splitting lines (strict mode only)
	lineErr error
	crlf    int8 // line ends seen: 1 CRLF, 2 LF, 3 both (reported once)
	quotes  bool // the current line holds a double quote
	// crAt and quoteAt are the offsets of the next CR and double quote at
	// or after the line next read (len(s) when none), valid while ≥ pos.
	crAt, quoteAt int
	// inVotes is set once the VOTES header is read: warnings of the VOTES
	// section are kept apart from the others'.
	inVotes bool
	voteCol int // the 1-based column of VOTES' vote cells
}

// next advances to the next line, treating "\n", "\r\n" and a lone "\r" as
// line ends; it reports false at the end of the input.
func (p *parser) next() bool {
	if p.pos >= len(p.s) {
		return false
	}
	rest := p.s[p.pos:]
	end := strings.IndexByte(rest, '\n')
	adv := end + 1
	if end < 0 {
		end, adv = len(rest), len(rest)
	}
	kind := int8(2)
	if end > 0 && rest[end-1] == '\r' {
		end--
		kind = 1
	}
	// The next CR and double quote are found once for many lines: most
	// files have neither.
	if p.crAt < p.pos {
		p.crAt = p.pos + indexOrLen(rest, '\r')
	}
	if p.crAt < p.pos+end { // a lone CR ends the line
		end = p.crAt - p.pos
		adv = end + 1
		kind = 1
	}
	if p.quoteAt < p.pos {
		p.quoteAt = p.pos + indexOrLen(rest, '"')
	}
	p.cur = rest[:end]
	p.quotes = p.quoteAt < p.pos+end
	p.curOff = p.pos
	p.pos += adv
	p.line++
	if adv > end && p.crlf != kind && p.crlf != 3 {
		p.lineEnds(kind)
	}
	return true
}

// indexOrLen returns the index of the first b in s, or len(s).
func indexOrLen(s string, b byte) int {
	if i := strings.IndexByte(s, b); i >= 0 {
		return i
	}
	return len(s)
}

// skipBlank reports whether the current line is blank, reporting it as
// irregular: the reference tools drop blank lines too.
func (p *parser) skipBlank() (bool, error) {
	if !blank(p.cur) {
		return false, nil
	}
	if p.pos >= len(p.s) && strings.TrimSpace(p.cur) == "" { // a final blank line is no line
		return true, nil
	}
	if err := p.irregular("blank line", "a blank line"); err != nil {
		return true, &ParseError{Line: p.line, Err: err}
	}
	return true, nil
}

// blank reports whether line has only spaces and semicolons (empty cells).
func blank(line string) bool {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case ' ', '\t', ';':
		default:
			return false
		}
	}
	return true
}

// sectionOf returns the section a title line names, or secNone. A title is
// a single cell, META, PROJECTS or VOTES in any case, possibly followed by
// empty cells.
func sectionOf(line string) int {
	i, j := 0, len(line)
	for i < j && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	for j > i && (line[j-1] == ' ' || line[j-1] == '\t' || line[j-1] == ';') {
		j--
	}
	t := line[i:j]
	if len(t) < 4 || len(t) > 8 {
		return secNone
	}
	for s := secMeta; s <= secVotes; s++ {
		if strings.EqualFold(t, sectionNames[s]) {
			return s
		}
	}
	return secNone
}

// span is one cell of a line: its value is line[lo:hi], trimmed and
// without quotes, unless the cell held an escaped quote ("" for "): then
// the value is the parser's esc[lo].
type span struct {
	lo, hi  int32
	quoted  bool
	escaped bool
}

// text returns the cell's value.
func (p *parser) text(c span) string {
	if c.escaped {
		return p.esc[c.lo]
	}
	return p.cur[c.lo:c.hi]
}

// value returns the cell's value, "" for an unquoted none.
func (p *parser) value(c span) string {
	if !c.quoted && isNone(p.cur[c.lo:c.hi]) {
		return ""
	}
	return p.text(c)
}

// mayTrim reports, with one comparison, whether b at the edge of a cell
// may have to be trimmed: a control character, a space or a byte of a
// multibyte UTF-8 character, at which trimming must look closer.
func mayTrim(b byte) bool { return b-0x21 >= 0x5f }

// isSpace reports whether b is an ASCII space the reader trims around
// cells.
func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\v' || b == '\f' }

// nextCell reads the cell of p.cur starting at i. It returns the cell and
// the index where the next cell starts; next > len(p.cur) when this was the
// last cell.
func (p *parser) nextCell(i int) (c span, next int, err error) {
	line := p.cur
	j := i
	for j < len(line) && isSpace(line[j]) {
		j++
	}
	if j < len(line) && line[j] == '"' {
		if j > i {
			if err := p.irregular("padded cell", "space before a quoted cell"); err != nil {
				return span{}, 0, err
			}
		}
		return p.quotedCell(j)
	}
	// Cells are short: a byte loop beats IndexByte's setup here.
	e := j
	for e < len(line) && line[e] != ';' {
		e++
	}
	next = e + 1
	end := e
	for e > j && isSpace(line[e-1]) {
		e--
	}
	if j < e && (line[j] >= 0x80 || line[e-1] >= 0x80) {
		j, e = trimUnicode(line, j, e)
	}
	if (j > i || e < end) && j < e {
		if err := p.irregular("padded cell", "space around the cell %q", clip(line[j:e])); err != nil {
			return span{}, 0, err
		}
	}
	if p.quotes && strings.IndexByte(line[j:e], '"') >= 0 {
		if err := p.irregular("bare quote", "a double quote inside the unquoted cell %q", clip(line[j:e])); err != nil {
			return span{}, 0, err
		}
	}
	return span{lo: int32(j), hi: int32(e)}, next, nil
}

// extraCells reports a row with more cells than its header: an error in
// strict mode, else a warning, the extra cells ignored as the reference
// tools ignore them.
func (p *parser) extraCells(format string, args ...any) error {
	if p.strict {
		return lineErr(p.line, ErrSyntax, format, args...)
	}
	kind := "extra cells"
	if p.inVotes {
		kind += " in VOTES"
	}
	p.ws.add(kind, p.line, ErrIrregularText, format, args...)
	return nil
}

// irregular reports text that real Pabulib files have and the reference
// tools read leniently: a warning of the given kind, or in strict mode an
// error at the current line.
func (p *parser) irregular(kind, format string, args ...any) error {
	if p.strict {
		return errorf(ErrIrregularText, format, args...)
	}
	if p.inVotes {
		kind += " in VOTES"
	}
	p.ws.add(kind, p.line, ErrIrregularText, format, args...)
	return nil
}

// lineEnds records a line end of kind (1 CRLF or CR, 2 LF); a file that mixes
// them is irregular.
func (p *parser) lineEnds(kind int8) {
	if p.crlf == 0 {
		p.crlf = kind
		return
	}
	p.crlf = 3
	if err := p.irregular("mixed line ends", "lines end in both CRLF and LF"); err != nil && p.lineErr == nil {
		p.lineErr = &ParseError{Line: p.line, Err: err}
	}
}

// trimUnicode trims Unicode spaces (a no-break space, say) from
// line[lo:hi], as strings.TrimSpace does.
func trimUnicode(line string, lo, hi int) (int, int) {
	t := strings.TrimSpace(line[lo:hi])
	if t == "" {
		return lo, lo
	}
	start := lo + strings.Index(line[lo:hi], t)
	return start, start + len(t)
}

// quotedCell reads a cell that opens with a double quote at p.cur[j].
func (p *parser) quotedCell(j int) (span, int, error) {
	line := p.cur
	var buf []byte // only when the cell holds an escaped quote
	k := j + 1
	for {
		q := strings.IndexByte(line[k:], '"')
		if q < 0 {
			return span{}, 0, errorf(ErrSyntax, "quoted cell does not close on its line")
		}
		q += k
		if q+1 < len(line) && line[q+1] == '"' {
			buf = append(buf, line[k:q+1]...)
			k = q + 2
			continue
		}
		a := q + 1
		for a < len(line) && isSpace(line[a]) {
			a++
		}
		if a < len(line) && line[a] != ';' {
			// "Odkupmy" i my: pabutools and the checker read the quoted
			// text followed by the rest of the cell, Odkupmy i my.
			e := a
			for e < len(line) && line[e] != ';' {
				e++
			}
			if err := p.irregular("text after a quote", "text after the closing quote of %q", clip(line[j:e])); err != nil {
				return span{}, 0, err
			}
			buf = append(append(buf, line[k:q]...), line[q+1:e]...)
			p.esc = append(p.esc, strings.TrimSpace(string(buf)))
			return span{quoted: true, escaped: true, lo: int32(len(p.esc) - 1)}, e + 1, nil
		}
		c := span{quoted: true}
		if buf != nil {
			p.esc = append(p.esc, strings.TrimSpace(string(append(buf, line[k:q]...))))
			c.escaped, c.lo = true, int32(len(p.esc)-1)
		} else {
			lo, hi := trimUnicode(line, j+1, q)
			c.lo, c.hi = int32(lo), int32(hi)
		}
		return c, a + 1, nil
	}
}

// cell is a parsed cell of a META, PROJECTS or header row.
type cell struct {
	val    string
	quoted bool
}

// value returns the cell's value, "" for an unquoted none.
func (c cell) value() string {
	if !c.quoted && isNone(c.val) {
		return ""
	}
	return c.val
}

// cells splits p.cur into cells, dropping trailing empty cells beyond want
// (want < 0 keeps them all).
func (p *parser) cells(dst []cell, want int) ([]cell, error) {
	dst = dst[:0]
	p.esc = p.esc[:0]
	for i := 0; i <= len(p.cur); {
		c, next, err := p.nextCell(i)
		if err != nil {
			return nil, &ParseError{Line: p.line, Err: err}
		}
		dst = append(dst, cell{p.text(c), c.quoted})
		i = next
	}
	for want >= 0 && len(dst) > want && dst[len(dst)-1].val == "" && !dst[len(dst)-1].quoted {
		dst = dst[:len(dst)-1]
	}
	return dst, nil
}

// expectTitle skips blank lines and checks that the next line is the title
// of section want.
func (p *parser) expectTitle(want int) error {
	for p.next() {
		if skip, err := p.skipBlank(); skip || err != nil {
			if err != nil {
				return err
			}
			continue
		}
		if s := sectionOf(p.cur); s == want {
			return nil
		}
		return lineErr(p.line, ErrSectionOrder, "want %s, found %q", sectionNames[want], clip(p.cur))
	}
	return &ParseError{Err: errorf(ErrMissingSection, "no %s section", sectionNames[want])}
}

// row advances to the next row of the current section, skipping blank
// lines; it reports false on the title of section next, which must follow.
func (p *parser) row(next int) (bool, error) {
	for p.next() {
		if skip, err := p.skipBlank(); skip || err != nil {
			if err != nil {
				return false, err
			}
			continue
		}
		switch s := sectionOf(p.cur); s {
		case secNone:
			return true, nil
		case next:
			return false, nil
		default:
			return false, lineErr(p.line, ErrSectionOrder, "want %s, found %s", sectionNames[next], sectionNames[s])
		}
	}
	return false, &ParseError{Err: errorf(ErrMissingSection, "no %s section", sectionNames[next])}
}

// header reads the header row that follows a section title.
func (p *parser) header(sec int) ([]string, int, error) {
	for p.next() {
		if skip, err := p.skipBlank(); skip || err != nil {
			if err != nil {
				return nil, 0, err
			}
			continue
		}
		if sectionOf(p.cur) != secNone {
			break
		}
		cs, err := p.cells(nil, 1)
		if err != nil {
			return nil, 0, err
		}
		if err := p.wrongSeparator(sec, cs); err != nil {
			return nil, 0, err
		}
		names := make([]string, len(cs))
		for i, c := range cs {
			names[i] = c.val
		}
		return names, p.line, nil
	}
	return nil, 0, lineErr(p.line, ErrMissingSection, "%s has no header row", sectionNames[sec])
}

// wrongSeparator reports a section's header row that is one cell holding
// a tab or a comma ("key,value", "project_id\tcost"): a file exported from
// a spreadsheet with the wrong separator, which would otherwise read as
// one column and fail later, far from the cause.
func (p *parser) wrongSeparator(sec int, cs []cell) error {
	if len(cs) != 1 || cs[0].quoted {
		return nil
	}
	for _, sep := range [...]struct {
		b    byte
		name string
	}{{'\t', "tabs"}, {',', "commas"}} {
		if strings.IndexByte(cs[0].val, sep.b) >= 0 {
			return &ParseError{Line: p.line, Column: 1, Err: errorf(ErrSyntax,
				"the %s header %q is one cell: its cells are separated by %s, and a .pb file separates them by \";\" (was it exported from a spreadsheet?)",
				sectionNames[sec], clip(cs[0].val), sep.name)}
		}
	}
	return nil
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// invalidUTF8 returns the error for s, which is not valid UTF-8: a
// *ParseError at the line and cell of the first invalid byte. Text is kept
// as it is read, and JSON could not carry it, so it is refused rather than
// changed.
func invalidUTF8(s string) error {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		i += n
	}
	start := strings.LastIndexAny(s[:i], "\r\n") + 1
	line := 1 + strings.Count(s[:start], "\n") + strings.Count(s[:start], "\r") - strings.Count(s[:start], "\r\n")
	col := 1 + strings.Count(s[start:i], ";")
	return &ParseError{Line: line, Column: col, Err: errorf(ErrInvalid, "byte %#x is not UTF-8 in %q", s[i], clip(s[start:min(len(s), i+8)]))}
}

// config applies opts to the default configuration.
func config(opts []ReadOption) readConfig {
	c := readConfig{maxBytes: DefaultMaxBytes}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// parse reads a whole file; an error names c.file when there is one.
func parse(s string, c readConfig) (*Election, error) {
	e, err := parseText(s, c)
	if err != nil && c.file != "" {
		var pe *ParseError
		if errors.As(err, &pe) && pe.File == "" {
			pe.File = c.file
		}
	}
	return e, err
}

// parseText reads a whole file held in s.
func parseText(s string, c readConfig) (*Election, error) {
	if !utf8.ValidString(s) {
		return nil, invalidUTF8(s)
	}
	p := &parser{s: s, strict: c.strict, crAt: -1, quoteAt: -1}
	if strings.HasPrefix(s, "\ufeff") {
		p.s = s[len("\ufeff"):]
		p.line = 1
		err := p.irregular("byte-order mark", "the file starts with a byte-order mark")
		p.line = 0
		if err != nil {
			return nil, &ParseError{Line: 1, Err: err}
		}
	}
	inst, err := p.readInstance()
	if err == nil && p.lineErr != nil {
		err = p.lineErr
	}
	if err != nil {
		return nil, err
	}
	e, err := p.readVotes(inst)
	if err == nil && p.lineErr != nil {
		err = p.lineErr
	}
	return e, err
}

// readInstance reads META and PROJECTS, leaving the parser on the VOTES
// title.
func (p *parser) readInstance() (*Instance, error) {
	if err := p.expectTitle(secMeta); err != nil {
		return nil, err
	}
	_, metaLine, err := p.header(secMeta)
	if err != nil {
		return nil, err
	}
	var meta []Field
	var metaLines []int
	var cs []cell
	for {
		more, err := p.row(secProjects)
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
		if cs, err = p.cells(cs, 2); err != nil {
			return nil, err
		}
		if len(cs) > 2 {
			if err := p.extraCells("META row %q has more than a key and a value", clip(p.cur)); err != nil {
				return nil, err
			}
			cs = cs[:2]
		}
		f := Field{Key: cs[0].val}
		if len(cs) == 2 {
			f.Value = cs[1].val
		}
		meta = append(meta, f)
		metaLines = append(metaLines, p.line)
	}
	b := instanceBuilder{metaLine: metaLine}
	if err := b.readMeta(meta, metaLines); err != nil {
		return nil, err
	}
	cols, hline, err := p.header(secProjects)
	if err != nil {
		return nil, err
	}
	b.setColumns(cols, hline)
	if len(b.errs) > 0 {
		return nil, b.errs[0]
	}
	for {
		more, err := p.row(secVotes)
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
		if cs, err = p.cells(cs, len(cols)); err != nil {
			return nil, err
		}
		pr, err := p.projectRow(cs, b.inst.columns, b.inst.roles)
		if err != nil {
			return nil, err
		}
		b.addProject(pr, p.line)
		if len(b.errs) > 0 {
			return nil, b.errs[0]
		}
	}
	return b.finish()
}

// projectRow builds a Project from a PROJECTS row.
func (p *parser) projectRow(cs []cell, cols []string, roles []int) (Project, error) {
	if len(cs) > len(cols) {
		if err := p.extraCells("row has %d cells, the header %d", len(cs), len(cols)); err != nil {
			return Project{}, err
		}
		cs = cs[:len(cols)]
	}
	if len(cs) < len(cols) {
		p.ws.add("short PROJECTS row", p.line, ErrShortRow, "PROJECTS row has %d cells, the header %d", len(cs), len(cols))
	}
	var pr Project
	hasCost := false
	for i, role := range roles {
		var c cell
		if i < len(cs) {
			c = cs[i]
		}
		v := c.value()
		switch role {
		case colID:
			pr.ID = c.val
		case colCost:
			d, ok := parseDecimal(v)
			if !ok {
				return Project{}, &ParseError{Line: p.line, Column: i + 1, Err: numberError(fmt.Sprintf("project %q's cost", clip(pr.ID)), c.val)}
			}
			pr.Cost, hasCost = d, true
		case colName:
			pr.Name = v
		case colCategory, colTarget:
			list, padded := splitList(v)
			if padded {
				if err := p.irregular("padded list", "space around a list separator in %q", clip(v)); err != nil {
					return Project{}, &ParseError{Line: p.line, Err: err}
				}
			}
			if role == colCategory {
				pr.Categories = list
			} else {
				pr.Targets = list
			}
		default:
			pr.Extra = append(pr.Extra, Field{Key: cols[i], Value: v})
		}
	}
	if !hasCost {
		return Project{}, lineErr(p.line, ErrInvalidNumber, "project %q has no cost", pr.ID)
	}
	return pr, nil
}

// splitList splits a comma-separated cell into trimmed elements; nil for no
// value. padded reports whether trimming changed an element.
func splitList(v string) (list []string, padded bool) {
	if v == "" {
		return nil, false
	}
	parts := strings.Split(v, ",")
	for i := range parts {
		t := strings.TrimSpace(parts[i])
		padded = padded || len(t) != len(parts[i])
		parts[i] = t
	}
	return parts, padded
}

// readVotes reads the VOTES section.
// readVotes reads the VOTES section.
func (p *parser) readVotes(inst *Instance) (*Election, error) {
	cols, hline, err := p.header(secVotes)
	if err != nil {
		return nil, err
	}
	p.inVotes = true
	// Size the arrays once: one ballot per line, at most one project per
	// comma or line. Every estimate is bounded by the bytes left to read
	// (a line, a comma, a semicolon is at least a byte), never by a product
	// with the header's width.
	rest := p.s[p.pos:]
	estimate := strings.Count(rest, "\n") + 1
	if estimate == 1 {
		estimate = strings.Count(rest, "\r") + 1
	}
	itemsEstimate := estimate + strings.Count(rest, ",")
	b := newProfileBuilder(inst, estimate)
	b.setColumns(cols, hline)
	if len(b.errs) > 0 {
		return nil, b.errs[0]
	}
	prof := b.prof
	prof.text = p.s
	prof.items = make([]int32, 0, itemsEstimate)
	if prof.points != nil { // points come with the items, one each
		prof.points = make([]int64, 0, itemsEstimate)
	}
	nAttr := len(prof.attrCols)
	// At most one attribute per semicolon read; a short row's missing
	// cells are padded, within padLimit.
	if nAttr > 0 {
		prof.attrs = make([]strRef, 0, min(estimate*nAttr, strings.Count(rest, ";")))
	}
	padLimit := 2*len(rest) + 1<<18
	ids := make([]string, len(inst.projects))
	for i, pr := range inst.projects {
		ids[i] = pr.ID
	}
	table := newIDTable(ids)
	roles := prof.roles
	for i, r := range roles {
		if r == vcolVote {
			p.voteCol = i + 1
		}
	}
	for p.next() {
		line := p.cur
		// A row that starts with a digit is neither blank nor a title.
		if line == "" || line[0] < '0' || line[0] > '9' {
			if skip, err := p.skipBlank(); skip || err != nil {
				if err != nil {
					return nil, err
				}
				continue
			}
			if s := sectionOf(line); s != secNone {
				return nil, lineErr(p.line, ErrSectionOrder, "%s after VOTES", sectionNames[s])
			}
		}
		var row voteRow
		attrStart := len(prof.attrs)
		col := len(roles)
		if p.quotes || !p.plainRow(prof, roles, &row) {
			if col, err = p.anyRow(prof, roles, &row); err != nil {
				return nil, err
			}
		}
		if col < len(roles) {
			p.ws.add("short VOTES row", p.line, ErrShortRow, "VOTES row has %d cells, the header %d", col, len(roles))
			pad := nAttr - (len(prof.attrs) - attrStart)
			if pad > padLimit {
				return nil, lineErr(p.line, ErrTooLarge, "VOTES rows are far shorter than the header's %d columns: padding them would take far more memory than the file's size", len(roles))
			}
			padLimit -= max(pad, 0)
			for len(prof.attrs)-attrStart < nAttr {
				prof.attrs = append(prof.attrs, 0)
			}
		}
		b.beginBallot()
		voteAt := -1 // where the vote is in p.s, when it is
		if vote := row[vcolVote]; !vote.escaped {
			voteAt = p.curOff + int(vote.lo)
		}
		if err := p.ballot(b, table, p.value(row[vcolVote]), voteAt, p.value(row[vcolPoints])); err != nil {
			return nil, err
		}
		b.endBallot(p.text(row[vcolID]), p.idRef(prof, row[vcolID]), p.line)
		if len(b.errs) > 0 {
			return nil, b.errs[0]
		}
	}
	e, err := b.finish()
	if err != nil {
		return nil, err
	}
	e.warnings = append(p.ws.list, e.warnings...)
	return e, nil
}

// voteRow holds the cells of a VOTES row that are not attributes, by role
// (vcolID, vcolVote, vcolPoints).
type voteRow [vcolAttr]span

// store keeps cell c of a VOTES row, whose column has role: in row, or
// among prof's attributes.
func (p *parser) store(prof *BallotProfile, role int, c span, row *voteRow) {
	if role < vcolAttr {
		row[role] = c
		return
	}
	prof.attrs = append(prof.attrs, p.ref(prof, c))
}

// plainRow splits the current VOTES row the quick way when it can: it
// holds no double quote (checked by the caller), has exactly one cell per
// column, and no cell needs trimming. It then stores the cells ([store])
// and reports true; else it leaves everything as it was and reports false,
// for anyRow.
func (p *parser) plainRow(prof *BallotProfile, roles []int, row *voteRow) bool {
	line := p.cur
	attrStart := len(prof.attrs)
	col := 0
	for i := 0; ; col++ {
		// Most cells end within a word: look there before calling indexFrom.
		e := len(line)
		if at := p.curOff + i; at+8 <= len(p.s) {
			if f := firstEqual(word(p.s, at), semis); f < 8 {
				e = min(i+f, e)
			} else if i+8 < e {
				e = indexFrom(p.s, at+8, p.curOff+e, semis) - p.curOff
			}
		} else {
			e = indexFrom(p.s, at, p.curOff+e, semis) - p.curOff
		}
		if col >= len(roles) {
			if e == i && e < len(line) {
				i = e + 1
				continue // an empty extra cell, as anyRow ignores it
			}
			if e > i {
				break
			}
			return true
		}
		if e > i && (mayTrim(line[i]) || mayTrim(line[e-1])) {
			a, z := line[i], line[e-1]
			if isSpace(a) || isSpace(z) {
				break
			}
			if a >= 0x80 || z >= 0x80 {
				if lo, hi := trimUnicode(line, i, e); lo != i || hi != e {
					break
				}
			}
		}
		if r, n := roles[col], e-i; r < vcolAttr {
			row[r] = span{lo: int32(i), hi: int32(e)}
		} else if n > 0 && n != 4 && n <= refMaxLen && p.curOff+i <= refMaxOff {
			// what store does with an attribute that cannot be none
			prof.attrs = append(prof.attrs, strRef(uint64(p.curOff+i)<<refLenBits|uint64(n)))
		} else {
			p.store(prof, roles[col], span{lo: int32(i), hi: int32(e)}, row)
		}
		if e >= len(line) {
			if col+1 == len(roles) {
				return true
			}
			break
		}
		i = e + 1
	}
	prof.attrs = prof.attrs[:attrStart]
	*row = voteRow{}
	return false
}

// anyRow splits the current VOTES row cell by cell, reporting irregular
// text, stores the cells ([store]) and returns their number.
func (p *parser) anyRow(prof *BallotProfile, roles []int, row *voteRow) (int, error) {
	line := p.cur
	p.esc = p.esc[:0]
	col := 0
	for i := 0; i <= len(line); col++ {
		c, next, err := p.nextCell(i)
		if err != nil {
			return 0, &ParseError{Line: p.line, Err: err}
		}
		i = next
		if col >= len(roles) {
			if c.quoted || c.hi > c.lo {
				if err := p.extraCells("row has more cells than the header's %d", len(roles)); err != nil {
					return 0, err
				}
			}
			continue
		}
		p.store(prof, roles[col], c, row)
	}
	return col, nil
}

// ref returns a reference to cell c of the current line: into the file's
// text when the value is there, else a copy among the profile's extra
// strings. An unquoted none refers to "".
func (p *parser) ref(prof *BallotProfile, c span) strRef {
	if !c.escaped && c.hi-c.lo == 4 && !c.quoted && isNone(p.cur[c.lo:c.hi]) {
		return 0
	}
	return p.idRef(prof, c)
}

// idRef is ref for a voter ID, which always has a value: an ID none (in
// any case) is the ID "none", as a project ID is, never "".
func (p *parser) idRef(prof *BallotProfile, c span) strRef {
	n := int(c.hi - c.lo)
	switch {
	case c.escaped:
		return prof.own(p.esc[c.lo])
	case n == 0:
		return 0
	case n <= refMaxLen && p.curOff+int(c.lo) <= refMaxOff:
		return strRef(uint64(p.curOff+int(c.lo))<<refLenBits | uint64(n))
	}
	return prof.own(p.cur[c.lo:c.hi])
}

// ballot parses the vote and points cells of one row into b.
func (p *parser) ballot(b *profileBuilder, table *idTable, vote string, voteAt int, points string) error {
	n := 0
	var repeats []int32 // mentions that repeat a project listed before
	for k := 0; k < len(vote); {
		// Find the ID's end and pack its first 8 bytes as idTable does.
		var e int
		var w uint64
		if voteAt >= 0 && voteAt+k+8 <= len(p.s) {
			w = word(p.s, voteAt+k)
			if f := firstEqual(w, commas); f < 8 {
				e = min(k+f, len(vote))
			} else {
				e = indexFrom(p.s, voteAt+k+8, voteAt+len(vote), commas) - voteAt
			}
			if e-k < 8 {
				w &= 1<<(8*(e-k)) - 1
			}
		} else {
			e = k
			for e < len(vote) && vote[e] != ',' {
				w |= uint64(vote[e]) << (8 * ((e - k) & 7))
				e++
			}
		}
		id := vote[k:e]
		var j int32
		if n := len(id); n > 0 && n <= 8 && !mayTrim(id[0]) && !mayTrim(id[n-1]) {
			j = table.lookupWord(w, n)
		} else {
			// Trimmed as every cell is: white space as Unicode defines it.
			if id != "" && (isSpace(id[0]) || isSpace(id[len(id)-1]) || id[0] >= 0x80 || id[len(id)-1] >= 0x80) &&
				strings.TrimSpace(id) != id {
				id = strings.TrimSpace(id)
				if err := p.irregular("padded vote", "space around a project in the vote %q", clip(vote)); err != nil {
					return &ParseError{Line: p.line, Err: err}
				}
			}
			j = table.lookup(id)
		}
		if j < 0 {
			return &ParseError{Line: p.line, Column: p.voteCol, Err: errorf(ErrUnknownProject, "%q", clip(id))}
		}
		if !b.addProject(j, p.line) {
			if p.strict {
				return b.errs[0]
			}
			b.repeated(j, p.line, vote, points)
			repeats = append(repeats, int32(n))
		}
		n++
		k = e + 1
		if e == len(vote)-1 { // a trailing comma names an empty project
			return &ParseError{Line: p.line, Column: p.voteCol, Err: errorf(ErrUnknownProject, "%q", "")}
		}
	}
	if b.prof.points == nil {
		return nil
	}
	m := 0
	for k := 0; k < len(points); {
		e := strings.IndexByte(points[k:], ',')
		if e < 0 {
			e = len(points)
		} else {
			e += k
		}
		v, places, ok := parsePoints(strings.TrimSpace(points[k:e]))
		if !ok {
			return &ParseError{Line: p.line, Err: numberError("points", points)}
		}
		if m < n {
			if len(repeats) > 0 && slices.Contains(repeats, int32(m)) {
				// a repeated project keeps its last points, as in pabutools
				b.setPoints(mentionProject(vote, m, table), v, places, p.line)
			} else {
				b.addPoints(v, places, p.line)
			}
			if len(b.errs) > 0 {
				return b.errs[0]
			}
		}
		m++
		k = e + 1
		if e == len(points)-1 {
			return &ParseError{Line: p.line, Err: numberError("points", points)}
		}
	}
	if m != n {
		return lineErr(p.line, ErrPointsMismatch, "%d projects, %d points", n, m)
	}
	return nil
}

// mentionProject returns the project the m-th element of a vote names.
func mentionProject(vote string, m int, table *idTable) int32 {
	parts := strings.Split(vote, ",")
	return table.lookup(strings.TrimSpace(parts[m]))
}

// parsePoints reads a non-negative number of points, returning it as an
// integer v with places decimal places (trailing zeros dropped).
func parsePoints(s string) (v int64, places int32, ok bool) {
	if len(s) > 0 && len(s) <= 18 {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c < '0' || c > '9' {
				goto general
			}
			v = v*10 + int64(c-'0')
		}
		return v, 0, true
	}
general:
	d, ok := parseDecimal(s)
	if !ok || d.Sign() < 0 {
		return 0, 0, false
	}
	places = significantPlaces(d)
	v, ok = scaled(d, places)
	return v, places, ok
}

// ReadOption changes how [Parse], [Read] and [ReadFile] read a file.
type ReadOption func(*readConfig)

// readConfig holds the read options.
type readConfig struct {
	strict   bool
	maxBytes int64  // Read and ReadFile refuse longer inputs; ≤ 0: no limit
	file     string // the file's name, for errors
}

// DefaultMaxBytes is the size limit [Read] and [ReadFile] apply unless
// [MaxBytes] sets another: 256 MiB, some fifty times the largest Pabulib
// file (Warsaw's and Łódź's are a few megabytes).
const DefaultMaxBytes = 256 << 20

// MaxBytes sets the number of bytes [Read] and [ReadFile] read at most
// before they refuse the input with [ErrTooLarge] (in a [*ParseError] with
// no line); n ≤ 0 removes the limit. The default is [DefaultMaxBytes].
// [Parse], given bytes already in memory, ignores it. Whatever the limit,
// reading allocates in proportion to the bytes and rows read, never to a
// count a file declares.
func MaxBytes(n int64) ReadOption { return func(c *readConfig) { c.maxBytes = n } }

// Strict makes the reader refuse what real Pabulib files sometimes hold and
// the reference tools (pabutools, Pabulib's checker) read leniently, which
// it otherwise reads as they do and reports by [Election.Warnings]: a
// ballot that names a project twice ([ErrRepeatedProject]; read as naming
// it once, an ordinal ballot keeping its first position and a cumulative
// or scoring ballot its last points), and irregular text
// ([ErrIrregularText]): spaces around a cell or a list separator, a double
// quote inside an unquoted cell, text after a closing quote (read as part
// of the cell), blank lines, a byte-order mark, line ends that mix CRLF and
// LF. Use it for files a platform writes itself.
func Strict() ReadOption { return func(c *readConfig) { c.strict = true } }
