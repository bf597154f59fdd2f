// Package enum is the one implementation behind every enumeration of civitas.
//
// Every enum of the library is a typed int that starts at 1, so that its zero
// value is invalid (as time.Month does), with a [Table] of names behind it.
// The table gives each enum the same behaviour:
//
//   - String returns the wire name, or "Type(n)" for an undeclared value.
//   - MarshalText writes the wire name and refuses an undeclared value.
//   - Parse and UnmarshalText accept the wire name under one rule: surrounding
//     space is ignored, letters match in any case, and '_', '-' and ' '
//     separate words interchangeably, so "Manage closely", "manage-closely" and
//     "MANAGE_CLOSELY" all name the same value. Anything else is an error
//     that quotes the input and lists the accepted names.
//   - Values lists every declared value in order.
//
// Wire names are lowercase words joined by underscores ("manage_closely",
// "higher_is_better"): the one wire style of the library. The rules for naming
// enum types and constants are in internal/DESIGN.md.
package enum

import (
	"fmt"
	"strings"

	"github.com/civitas-go/civitas/internal/errs"
)

// Table is the name table of one enum type E: the wire name of each declared
// value, 1 to n. A Table is built once, at package initialisation, and never
// changed; it is safe for concurrent use. The zero Table declares no value.
type Table[E ~int] struct {
	typ    string
	names  []string // index 0 unused
	index  map[string]E
	newErr func(field, value string) error
}

// New returns the table of enum type typ (its Go name, used in String's
// fallback "Type(n)") whose values 1, 2, … are named names, in order. Each
// name must already be in wire style (lowercase words joined by
// underscores) and unique; New panics otherwise, at package initialisation,
// since the table is a constant of the program. newErr builds the error
// returned for an undeclared value or unknown name: the package's own error
// type, wrapping its sentinel; field is the type's name in lowercase and
// value the offending input, quoted for text, with the accepted names
// appended.
func New[E ~int](typ string, newErr func(field, value string) error, names ...string) Table[E] {
	t := Table[E]{typ: typ, names: append([]string{""}, names...), index: make(map[string]E, len(names)), newErr: newErr}
	for i, n := range names {
		if n == "" || Key(n) != n {
			panic(fmt.Sprintf("enum: %s name %q is not in wire style", typ, n))
		}
		if _, dup := t.index[n]; dup {
			panic(fmt.Sprintf("enum: %s name %q declared twice", typ, n))
		}
		t.index[n] = E(i + 1)
	}
	return t
}

// Key returns s in the form names are compared in: surrounding space
// removed, lowercase, and every run of '-', '_' or ' ' turned into one '_'.
func Key(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	b.Grow(len(s))
	sep := false
	for _, r := range s {
		switch r {
		case '-', '_', ' ', '\t':
			sep = true
			continue
		}
		if sep && b.Len() > 0 {
			b.WriteByte('_')
		}
		sep = false
		b.WriteString(strings.ToLower(string(r)))
	}
	return b.String()
}

// Valid reports whether v is a declared value.
func (t Table[E]) Valid(v E) bool { return v > 0 && int(v) < len(t.names) }

// String returns v's wire name, or "Type(n)" for an undeclared value.
func (t Table[E]) String(v E) string {
	if !t.Valid(v) {
		return fmt.Sprintf("%s(%d)", t.typ, int(v))
	}
	return t.names[v]
}

// Marshal returns v's wire name, or the package's error for an undeclared
// value.
func (t Table[E]) Marshal(v E) ([]byte, error) {
	if !t.Valid(v) {
		return nil, t.newErr(t.field(), fmt.Sprintf("%d (not a declared %s; %s)", int(v), t.typ, t.accepted()))
	}
	return []byte(t.names[v]), nil
}

// Parse returns the value named s under the package's matching rule, or the
// package's error quoting s and listing the accepted names.
func (t Table[E]) Parse(s string) (E, error) {
	if v, ok := t.index[Key(s)]; ok {
		return v, nil
	}
	return 0, t.newErr(t.field(), fmt.Sprintf("%q (%s)", errs.Clip(s), t.accepted()))
}

// Unmarshal parses text into *v as Parse does, leaving *v unchanged on error.
func (t Table[E]) Unmarshal(v *E, text []byte) error {
	x, err := t.Parse(string(text))
	if err != nil {
		return err
	}
	*v = x
	return nil
}

// Values returns every declared value, in declaration order.
func (t Table[E]) Values() []E {
	out := make([]E, 0, len(t.names)-1)
	for i := 1; i < len(t.names); i++ {
		out = append(out, E(i))
	}
	return out
}

// Names returns every wire name, in declaration order.
func (t Table[E]) Names() []string { return append([]string(nil), t.names[1:]...) }

// Text returns v's wire name written for people in running text: words
// separated by spaces, lowercase ("manage closely"); "Type(n)" for an
// undeclared value.
func (t Table[E]) Text(v E) string {
	if !t.Valid(v) {
		return t.String(v)
	}
	return strings.ReplaceAll(t.names[v], "_", " ")
}

// Title returns v's wire name written for people: words separated by
// spaces, first letter capitalised ("Manage closely"); "Type(n)" for an
// undeclared value.
func (t Table[E]) Title(v E) string {
	if !t.Valid(v) {
		return t.String(v)
	}
	s := t.Text(v)
	return strings.ToUpper(s[:1]) + s[1:]
}

func (t Table[E]) field() string { return strings.ToLower(t.typ[:1]) + t.typ[1:] }

func (t Table[E]) accepted() string {
	return "want one of " + strings.Join(t.names[1:], ", ")
}
