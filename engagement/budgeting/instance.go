package budgeting

import (
	"errors"
	"iter"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Field is one key and its value: a META row, or a cell of a column that
// civitas does not interpret (a project's "votes" or "district", a voter's
// "age"). A Value of "" means the cell has no value (Pabulib writes "none").
type Field struct {
	// Key is the META key or the column name, as the file spells it.
	Key string `json:"key"`
	// Value is the text of the cell, trimmed; "" for no value.
	Value string `json:"value"`
}

// Project is one proposal of a participatory budget, as [NewInstance] takes
// it and [Instance.Project] returns it. The instance keeps its own copy, so
// changing a Project afterwards changes nothing.
type Project struct {
	// ID identifies the project in ballots: unique, non-empty, without
	// surrounding spaces, commas or line breaks.
	ID string `json:"id"`
	// Cost is what funding the project costs, in the election's currency;
	// zero or more. Its exponent is kept, so "400000.0" is written back as
	// "400000.0".
	Cost decimal.Decimal `json:"cost"`
	// Name is the project's title; "" when the file has none.
	Name string `json:"name,omitempty"`
	// Categories are the areas the project belongs to ("education",
	// "environmental protection"); nil when none.
	Categories []string `json:"categories,omitempty"`
	// Targets are the groups the project is meant for ("seniors",
	// "children"); nil when none.
	Targets []string `json:"targets,omitempty"`
	// Extra holds every other column of the PROJECTS row in column order
	// (votes, score, selected, district, latitude, …). Within an instance
	// every project has one entry per extra column, "" where a cell has no
	// value.
	Extra []Field `json:"extra,omitempty"`
}

// Field returns the value of the extra column key and whether the project
// has that column. A column with no value in this row returns ("", true).
func (p Project) Field(key string) (string, bool) {
	for _, f := range p.Extra {
		if f.Key == key {
			return f.Value, true
		}
	}
	return "", false
}

// clone returns a deep copy of p.
func (p Project) clone() Project {
	p.Categories = slices.Clone(p.Categories)
	p.Targets = slices.Clone(p.Targets)
	p.Extra = slices.Clone(p.Extra)
	return p
}

// equal reports whether p and q hold the same data, comparing costs by
// value and exponent (so "400000.0" and "400000" differ: the text would).
func (p Project) equal(q Project) bool {
	return p.ID == q.ID && p.Cost.Equal(q.Cost) && p.Cost.Exponent() == q.Cost.Exponent() &&
		p.Name == q.Name && slices.Equal(p.Categories, q.Categories) &&
		slices.Equal(p.Targets, q.Targets) && slices.Equal(p.Extra, q.Extra)
}

// Column roles in PROJECTS.
const (
	colID = iota
	colCost
	colName
	colCategory
	colTarget
	colExtra
)

// projectColumnRole returns the role of a PROJECTS column other than the
// first. Names match case-insensitively; Pabulib writes both "category" and
// "categories", "target" and "targets".
func projectColumnRole(name string) int {
	switch strings.ToLower(name) {
	case "cost":
		return colCost
	case "name":
		return colName
	case "category", "categories":
		return colCategory
	case "target", "targets":
		return colTarget
	}
	return colExtra
}

// Instance is what a participatory budget offers: the budget, the projects
// with their costs, the kind of ballot, and every other META key of the
// Pabulib file, in order (description, country, unit, currency, rule, …).
// It is immutable once built and safe for concurrent use.
//
// The zero value has no projects and no vote type; build instances with
// [NewInstance] or read them with [Parse].
type Instance struct {
	budget   decimal.Decimal
	voteType VoteType
	meta     []Field // every META row in order, budget and vote_type included
	columns  []string
	roles    []int
	projects []Project
	index    map[string]int
	limits   limits
}

// limits are the ballot constraints META may set; -1 where absent.
type limits struct {
	minLength, maxLength int64
	// the points limits, each with a flag saying whether META sets it
	minSum, maxSum, minPoints, maxPoints decimal.Decimal
	hasMinSum, hasMaxSum                 bool
	hasMinPoints, hasMaxPoints           bool
}

// NewInstance builds an instance from its budget, its vote type, its
// projects in order and, optionally, further META rows in order.
//
// meta may contain the keys "budget" and "vote_type" to fix where they are
// written; their values must then agree with budget and voteType. Otherwise
// they are written first. The keys min_length, max_length, min_sum_points,
// max_sum_points, min_points and max_points, when present, must be numbers:
// [NewElection] and [Parse] check ballots against them.
//
// The PROJECTS columns are project_id and cost, then name, category and
// target when some project has one, then the keys of the projects' Extra
// fields in the order they first appear; a project without one of them gets
// it with no value.
//
// It returns an error wrapping [ErrNegativeCost] for a negative budget or
// cost, [ErrInvalid] for an undeclared vote type, an empty or padded ID
// or text that cannot be written back, [ErrDuplicate] for a repeated
// project ID or META key, and [ErrInvalidNumber] for a ballot limit that is
// not a number. Problems are joined, one per offending value.
func NewInstance(budget decimal.Decimal, voteType VoteType, projects []Project, meta ...Field) (*Instance, error) {
	b := instanceBuilder{}
	hasBudget, hasType := metaIndex(meta, "budget") >= 0, metaIndex(meta, "vote_type") >= 0
	full := make([]Field, 0, len(meta)+2)
	if !hasBudget {
		full = append(full, Field{Key: "budget", Value: decimalText(budget)})
	}
	if !hasType && voteType.IsValid() {
		full = append(full, Field{Key: "vote_type", Value: pabulibVoteTypes[voteType]})
	}
	full = append(full, meta...)
	for i := range full {
		if full[i].Key == "budget" && hasBudget {
			d, ok := parseDecimal(full[i].Value)
			if !ok || !d.Equal(budget) {
				b.fail(0, errorf(ErrInvalid, "META budget %q disagrees with budget %s", full[i].Value, budget))
			}
			full[i].Value = decimalText(budget)
		}
		if full[i].Key == "vote_type" && hasType {
			if t, err := parsePabulibVoteType(full[i].Value); err != nil || t != voteType {
				b.fail(0, errorf(ErrInvalid, "META vote_type %q disagrees with %s", full[i].Value, voteType))
			}
		}
	}
	b.setMetaLines(full, nil)
	if !voteType.IsValid() {
		b.fail(0, errorf(ErrInvalid, "vote type %d", int(voteType)))
	}
	b.inst.budget = budget
	b.inst.voteType = voteType
	b.deriveColumns(projects)
	for _, p := range projects {
		b.addProject(p.clone(), 0)
	}
	return b.finish()
}

// instanceBuilder assembles an Instance for both NewInstance and the reader,
// so both check the same things.
type instanceBuilder struct {
	problems
	inst       Instance
	budgetLine int   // the line of META's budget, 0 when not read from a file
	metaLine   int   // the line of META's header row, 0 when not read from a file
	lines      []int // each project's line, 0 when built in Go
}

// setMetaLines stores the META rows and interprets the ballot limits. lines
// holds each row's line, or is nil for rows built in Go.
func (b *instanceBuilder) setMetaLines(meta []Field, lines []int) {
	b.inst.meta = meta
	b.inst.limits = limits{minLength: -1, maxLength: -1}
	seen := make(map[string]bool, len(meta))
	for i, f := range meta {
		at := 0
		if lines != nil {
			at = lines[i]
		}
		if err := checkText("META key", f.Key, false); err != nil {
			b.fail(at, err)
		}
		if err := checkText("META value", f.Value, true); err != nil {
			b.fail(at, err)
		}
		if seen[f.Key] {
			b.fail(at, errorf(ErrDuplicate, "META key %q", f.Key))
		}
		seen[f.Key] = true
		b.interpretLimit(f, at)
	}
}

// readMeta stores META rows as a file gives them and reads the budget and
// vote type from them, returning the first problem. lines holds each row's
// line, or is nil for rows not read from a file.
func (b *instanceBuilder) readMeta(meta []Field, lines []int) error {
	b.setMetaLines(meta, lines)
	if len(b.errs) > 0 {
		return b.errs[0]
	}
	line := func(i int) int {
		if lines == nil {
			return 0
		}
		return lines[i]
	}
	budgetAt, typeAt := metaIndex(meta, "budget"), metaIndex(meta, "vote_type")
	for i, f := range meta {
		// "budget,400000" or "budget\t400000": a row whose cells are not
		// separated by ";" (a spreadsheet export, most often).
		if k := strings.IndexAny(f.Key, ",\t"); (budgetAt < 0 || typeAt < 0) && k > 0 && f.Value == "" &&
			(f.Key[:k] == "budget" || f.Key[:k] == "vote_type") {
			return &ParseError{Line: line(i), Column: 1, Err: errorf(ErrSyntax,
				"the META row %q is one cell: its key and value are separated by %q, and a .pb file separates them by \";\"", clip(f.Key), f.Key[k:k+1])}
		}
	}
	if budgetAt < 0 {
		return &ParseError{Line: b.metaLine, Err: errorf(ErrMissingField, "META has no budget")}
	}
	if typeAt < 0 {
		return &ParseError{Line: b.metaLine, Err: errorf(ErrMissingField, "META has no vote_type")}
	}
	b.budgetLine = line(budgetAt)
	d, ok := parseDecimal(meta[budgetAt].Value)
	if !ok {
		return &ParseError{Line: line(budgetAt), Err: numberError("budget", meta[budgetAt].Value)}
	}
	if d.Sign() < 0 {
		return &ParseError{Line: line(budgetAt), Err: errorf(ErrNegativeCost, "budget %s", meta[budgetAt].Value)}
	}
	meta[budgetAt].Value = decimalText(d)
	t, err := parsePabulibVoteType(meta[typeAt].Value)
	if err != nil {
		return &ParseError{Line: line(typeAt), Err: err}
	}
	b.inst.budget, b.inst.voteType = d, t
	return nil
}

// pabulibVoteTypes are the words of META's vote_type as Pabulib writes
// them. They are the .pb format's, not the library's wire names: Pabulib
// writes "choose-1" where the wire name of [VoteTypeChooseOne] is
// "choose_1".
var pabulibVoteTypes = [...]string{VoteTypeApproval: "approval", VoteTypeChooseOne: "choose-1",
	VoteTypeCumulative: "cumulative", VoteTypeScoring: "scoring", VoteTypeOrdinal: "ordinal"}

// parsePabulibVoteType returns the vote type META's vote_type names, in any
// case, or an error wrapping [ErrInvalid] that lists Pabulib's words.
func parsePabulibVoteType(s string) (VoteType, error) {
	for t, word := range pabulibVoteTypes {
		if word != "" && strings.EqualFold(word, s) {
			return VoteType(t), nil
		}
	}
	return 0, errorf(ErrInvalid, "vote_type %q (want one of %s)", s, strings.Join(pabulibVoteTypes[1:], ", "))
}

// interpretLimit reads one ballot limit from META.
func (b *instanceBuilder) interpretLimit(f Field, at int) {
	l := &b.inst.limits
	switch f.Key {
	case "min_length", "max_length":
		d, ok := parseDecimal(f.Value)
		if !ok || !d.IsInteger() || d.Sign() < 0 || !d.BigInt().IsInt64() {
			b.fail(at, numberError(f.Key, f.Value))
			return
		}
		if f.Key == "min_length" {
			l.minLength = d.IntPart()
		} else {
			l.maxLength = d.IntPart()
		}
	case "min_sum_points", "max_sum_points", "min_points", "max_points":
		d, ok := parseDecimal(f.Value)
		if !ok {
			b.fail(at, numberError(f.Key, f.Value))
			return
		}
		switch f.Key {
		case "min_sum_points":
			l.minSum, l.hasMinSum = d, true
		case "max_sum_points":
			l.maxSum, l.hasMaxSum = d, true
		case "min_points":
			l.minPoints, l.hasMinPoints = d, true
		default:
			l.maxPoints, l.hasMaxPoints = d, true
		}
	}
}

// deriveColumns sets the PROJECTS columns for projects built in Go.
func (b *instanceBuilder) deriveColumns(projects []Project) {
	cols := []string{"project_id", "cost"}
	var name, cat, tgt bool
	var extra []string
	seen := map[string]bool{}
	for _, p := range projects {
		name = name || p.Name != ""
		cat = cat || len(p.Categories) > 0
		tgt = tgt || len(p.Targets) > 0
		for _, f := range p.Extra {
			if !seen[f.Key] {
				seen[f.Key] = true
				extra = append(extra, f.Key)
			}
		}
	}
	if name {
		cols = append(cols, "name")
	}
	if cat {
		cols = append(cols, "category")
	}
	if tgt {
		cols = append(cols, "target")
	}
	b.setColumns(append(cols, extra...), 0)
}

// setColumns stores the PROJECTS header and each column's role.
func (b *instanceBuilder) setColumns(cols []string, line int) {
	b.inst.columns = cols
	b.inst.roles = make([]int, len(cols))
	b.checkColumns("PROJECTS", cols, line)
	hasCost := false
	for i, c := range cols {
		if i == 0 {
			b.inst.roles[i] = colID
			continue
		}
		r := projectColumnRole(c)
		for j := 1; j < i && r != colExtra; j++ {
			if b.inst.roles[j] == r { // "category" and "categories" both given
				r = colExtra
			}
		}
		b.inst.roles[i] = r
		hasCost = hasCost || r == colCost
	}
	if !hasCost {
		b.fail(line, errorf(ErrMissingField, "PROJECTS has no cost column"))
	}
}

// addProject checks p and appends it, completing its Extra fields to the
// extra columns in order. line is 0 for projects built in Go.
func (b *instanceBuilder) addProject(p Project, line int) {
	in := &b.inst
	if in.index == nil {
		in.index = map[string]int{}
	}
	if err := checkID("project", p.ID); err != nil {
		b.fail(line, err)
	} else if strings.IndexByte(p.ID, ',') >= 0 {
		b.fail(line, errorf(ErrInvalid, "project ID %q has a comma", p.ID))
	}
	if _, dup := in.index[p.ID]; dup {
		b.fail(line, errorf(ErrDuplicate, "project %q", p.ID))
	}
	if p.Cost.Sign() < 0 {
		b.fail(line, errorf(ErrNegativeCost, "project %q costs %s", p.ID, p.Cost))
	}
	if err := checkText("project name", p.Name, true); err != nil {
		b.fail(line, err)
	}
	for _, list := range [][]string{p.Categories, p.Targets} {
		if err := checkList(list); err != nil {
			b.fail(line, err)
		}
	}
	extra := make([]Field, 0, len(in.columns))
	for i, c := range in.columns {
		if in.roles[i] != colExtra {
			continue
		}
		v, _ := p.Field(c)
		if err := checkText("value of "+c, v, true); err != nil {
			b.fail(line, err)
		}
		extra = append(extra, Field{Key: c, Value: v})
	}
	for i, f := range p.Extra {
		if projectColumnRoleIn(in, f.Key) != colExtra {
			b.fail(line, errorf(ErrInvalid, "project %q: extra field %q is not an extra column", p.ID, f.Key))
		}
		for _, g := range p.Extra[:i] {
			if g.Key == f.Key {
				b.fail(line, errorf(ErrDuplicate, "project %q: extra field %q", p.ID, f.Key))
			}
		}
	}
	if len(extra) == 0 {
		extra = nil
	}
	p.Extra = extra
	in.index[p.ID] = len(in.projects)
	in.projects = append(in.projects, p)
	b.lines = append(b.lines, line)
}

// projectColumnRoleIn returns the role of column name in the instance.
func projectColumnRoleIn(in *Instance, name string) int {
	for i, c := range in.columns {
		if c == name {
			return in.roles[i]
		}
	}
	return -1
}

// finish returns the instance, or every problem found joined.
func (b *instanceBuilder) finish() (*Instance, error) {
	if b.inst.budget.Sign() < 0 {
		b.fail(0, errorf(ErrNegativeCost, "budget %s", b.inst.budget))
	}
	if len(b.errs) == 0 {
		// Refuse now what the rules could not compute with.
		if _, at, err := scaleAmounts(b.inst.budget, b.inst.projects); err != nil {
			line := b.budgetLine
			if at >= 0 {
				line = b.lines[at]
			}
			b.fail(line, err)
		}
	}
	if err := errors.Join(b.errs...); err != nil {
		return nil, err
	}
	in := b.inst
	if in.index == nil {
		in.index = map[string]int{}
	}
	return &in, nil
}

// checkID rejects an ID that is empty, padded with spaces or holds a line
// break: it would not read back the same.
func checkID(kind, id string) error {
	if id == "" || strings.TrimSpace(id) != id || strings.ContainsAny(id, "\r\n") || !utf8.ValidString(id) {
		return errorf(ErrInvalid, "%s ID %q", kind, id)
	}
	return nil
}

// checkText rejects text that would not read back the same: a line break,
// surrounding white space, bytes that are not UTF-8, or (when empty is
// false) no text at all.
func checkText(what, s string, empty bool) error {
	if (!empty && s == "") || strings.TrimSpace(s) != s || strings.ContainsAny(s, "\r\n") || !utf8.ValidString(s) {
		return errorf(ErrInvalid, "%s %q", what, s)
	}
	return nil
}

// checkList rejects a list element that is empty, padded, or holds a comma
// or a line break: lists are written comma-separated in one cell.
func checkList(list []string) error {
	for _, s := range list {
		if err := checkText("list element", s, false); err != nil {
			return err
		}
		if strings.IndexByte(s, ',') >= 0 {
			return errorf(ErrInvalid, "list element %q has a comma", s)
		}
	}
	return nil
}

// Budget returns the amount the instance may spend.
func (in *Instance) Budget() decimal.Decimal { return in.budget }

// VoteType returns the kind of ballot the election used.
func (in *Instance) VoteType() VoteType { return in.voteType }

// Len returns the number of projects.
func (in *Instance) Len() int { return len(in.projects) }

// Project returns a copy of project i (0 ≤ i < Len, in file order); it
// panics for an index out of range, like a slice.
func (in *Instance) Project(i int) Project { return in.projects[i].clone() }

// ProjectID returns the ID of project i without copying the project.
func (in *Instance) ProjectID(i int) string { return in.projects[i].ID }

// Cost returns the cost of project i without copying the project.
func (in *Instance) Cost(i int) decimal.Decimal { return in.projects[i].Cost }

// Index returns the position of the project with the given ID, and false
// when there is none.
func (in *Instance) Index(id string) (int, bool) {
	i, ok := in.index[id]
	return i, ok
}

// Projects yields each project's position and a copy of it, in file order.
func (in *Instance) Projects() iter.Seq2[int, Project] {
	return func(yield func(int, Project) bool) {
		for i, p := range in.projects {
			if !yield(i, p.clone()) {
				return
			}
		}
	}
}

// Meta returns the value of META key and whether the file has it.
func (in *Instance) Meta(key string) (string, bool) {
	if i := metaIndex(in.meta, key); i >= 0 {
		return in.meta[i].Value, true
	}
	return "", false
}

// MetaFields returns a copy of every META row in order, budget and
// vote_type included.
func (in *Instance) MetaFields() []Field { return slices.Clone(in.meta) }

// Columns returns a copy of the PROJECTS header: the ID column first, then
// cost, name, category, target and the extra columns in file order.
func (in *Instance) Columns() []string { return slices.Clone(in.columns) }

// Equal reports whether in and o hold the same META rows, columns and
// projects in the same order. Decimals compare by value and exponent, since
// the text written back depends on both.
func (in *Instance) Equal(o *Instance) bool {
	if in == nil || o == nil {
		return in == o
	}
	return in.voteType == o.voteType && in.budget.Equal(o.budget) &&
		slices.Equal(in.meta, o.meta) && slices.Equal(in.columns, o.columns) &&
		slices.EqualFunc(in.projects, o.projects, Project.equal)
}
