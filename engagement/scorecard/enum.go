package scorecard

import "github.com/civitas-go/civitas/internal/enum"

// The enums of this package, each backed by the one table implementation of
// internal/enum, their names read from the package's own tables.

var figureNames = enum.New[Figure]("Figure", invalid, figureWireNames()...)

// Figures returns every declared Figure, in declaration order.
func Figures() []Figure { return figureNames.Values() }

// ParseFigure returns the Figure named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseFigure(s string) (Figure, error) { return figureNames.Parse(s) }

// IsValid reports whether f is a declared Figure.
func (f Figure) IsValid() bool { return figureNames.Valid(f) }

// String returns the wire name, such as "closing_the_loop", or "Figure(n)" for an
// undeclared value.
func (f Figure) String() string { return figureNames.String(f) }

// MarshalText returns the wire name; an undeclared value is an error.
func (f Figure) MarshalText() ([]byte, error) { return figureNames.Marshal(f) }

// UnmarshalText parses a name as [ParseFigure] does, leaving f unchanged on error.
func (f *Figure) UnmarshalText(b []byte) error { return figureNames.Unmarshal(f, b) }

var roleNames = enum.New[Role]("Role", invalid, roleWireNames()...)

// Roles returns every declared Role, in declaration order.
func Roles() []Role { return roleNames.Values() }

// ParseRole returns the Role named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseRole(s string) (Role, error) { return roleNames.Parse(s) }

// IsValid reports whether r is a declared Role.
func (r Role) IsValid() bool { return roleNames.Valid(r) }

// String returns the wire name, such as "public_outreach_coordinator", or "Role(n)" for an
// undeclared value.
func (r Role) String() string { return roleNames.String(r) }

// MarshalText returns the wire name; an undeclared value is an error.
func (r Role) MarshalText() ([]byte, error) { return roleNames.Marshal(r) }

// UnmarshalText parses a name as [ParseRole] does, leaving r unchanged on error.
func (r *Role) UnmarshalText(b []byte) error { return roleNames.Unmarshal(r, b) }
