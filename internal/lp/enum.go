package lp

import (
	"errors"

	"github.com/civitas-go/civitas/internal/enum"
	"github.com/civitas-go/civitas/internal/errs"
)

// Sentinel errors of the package.
var (
	// ErrInvalid reports an input outside its documented values: an index
	// that names no row or column, a bound pair with lo > hi, an infinite
	// lower bound, a row added after the first solve.
	ErrInvalid = errors.New("lp: invalid input")

	// ErrIterationLimit reports a solve that did not finish within its
	// iteration or node limit.
	ErrIterationLimit = errors.New("lp: iteration limit reached")
)

// FieldError describes one bad input: which argument, its value, and the
// sentinel it breaks. It is the one bad-input error of civitas
// (internal/errs), as in every package (see internal/DESIGN.md).
type FieldError = errs.FieldError

// invalidName builds the error of an undeclared enum value or name.
func invalidName(field, value string) error {
	return &FieldError{Field: field, Value: value, Err: ErrInvalid}
}

// Sense is the relation of a row: Σ a_j x_j ≤, = or ≥ b.
type Sense int

// The senses of a row.
const (
	// SenseLessEq is Σ a_j x_j ≤ b.
	SenseLessEq Sense = iota + 1
	// SenseEqual is Σ a_j x_j = b.
	SenseEqual
	// SenseGreaterEq is Σ a_j x_j ≥ b.
	SenseGreaterEq
)

// Status is the outcome of a solve.
type Status int

// The outcomes of a solve.
const (
	// StatusOptimal: an optimal solution was found.
	StatusOptimal Status = iota + 1
	// StatusInfeasible: no point satisfies the rows and bounds (for an
	// integer program: no integer point).
	StatusInfeasible
	// StatusUnbounded: the objective grows without limit.
	StatusUnbounded
)

var senses = enum.New[Sense]("Sense", invalidName, "less_eq", "equal", "greater_eq")

// Senses returns every declared Sense, in declaration order.
func Senses() []Sense { return senses.Values() }

// ParseSense returns the Sense named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseSense(s string) (Sense, error) { return senses.Parse(s) }

// IsValid reports whether s is a declared Sense.
func (s Sense) IsValid() bool { return senses.Valid(s) }

// String returns the wire name, such as "less_eq", or "Sense(n)" for an
// undeclared value.
func (s Sense) String() string { return senses.String(s) }

// MarshalText returns the wire name; an undeclared value is an error.
func (s Sense) MarshalText() ([]byte, error) { return senses.Marshal(s) }

// UnmarshalText parses a name as [ParseSense] does, leaving s unchanged on error.
func (s *Sense) UnmarshalText(b []byte) error { return senses.Unmarshal(s, b) }

var statuses = enum.New[Status]("Status", invalidName, "optimal", "infeasible", "unbounded")

// Statuses returns every declared Status, in declaration order.
func Statuses() []Status { return statuses.Values() }

// ParseStatus returns the Status named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseStatus(s string) (Status, error) { return statuses.Parse(s) }

// IsValid reports whether s is a declared Status.
func (s Status) IsValid() bool { return statuses.Valid(s) }

// String returns the wire name, such as "optimal", or "Status(n)" for an
// undeclared value.
func (s Status) String() string { return statuses.String(s) }

// MarshalText returns the wire name; an undeclared value is an error.
func (s Status) MarshalText() ([]byte, error) { return statuses.Marshal(s) }

// UnmarshalText parses a name as [ParseStatus] does, leaving s unchanged on error.
func (s *Status) UnmarshalText(b []byte) error { return statuses.Unmarshal(s, b) }
