package sortition

import "github.com/civitas-go/civitas/internal/enum"

// invalidName builds the error of an undeclared enum value or name.
func invalidName(field, value string) error {
	return &FieldError{Field: field, Value: value, Err: ErrInvalid}
}

// Algorithm is how a panel is selected.
type Algorithm int

// The selection algorithms (see the package doc).
const (
	// AlgorithmLeximin maximises the least selection probability, then the
	// second least, and so on (Flanigan et al. 2021): the fairest
	// distribution, and the default.
	AlgorithmLeximin Algorithm = iota + 1
	// AlgorithmMaximin maximises the least selection probability only.
	AlgorithmMaximin
	// AlgorithmNash maximises the product of the selection probabilities
	// (Nash welfare), to a stated tolerance.
	AlgorithmNash
	// AlgorithmLegacy is the greedy stratified draw used before these
	// algorithms, for comparison: it fills the most urgent quota first.
	AlgorithmLegacy
)

var algorithms = enum.New[Algorithm]("Algorithm", invalidName, "leximin", "maximin", "nash", "legacy")

// Algorithms returns every declared Algorithm, in declaration order.
func Algorithms() []Algorithm { return algorithms.Values() }

// ParseAlgorithm returns the Algorithm named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseAlgorithm(s string) (Algorithm, error) { return algorithms.Parse(s) }

// IsValid reports whether a is a declared Algorithm.
func (a Algorithm) IsValid() bool { return algorithms.Valid(a) }

// String returns the wire name, such as "leximin", or "Algorithm(n)" for an
// undeclared value.
func (a Algorithm) String() string { return algorithms.String(a) }

// MarshalText returns the wire name; an undeclared value is an error.
func (a Algorithm) MarshalText() ([]byte, error) { return algorithms.Marshal(a) }

// UnmarshalText parses a name as [ParseAlgorithm] does, leaving a unchanged on error.
func (a *Algorithm) UnmarshalText(b []byte) error { return algorithms.Unmarshal(a, b) }
