package sortition

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/civitas-go/civitas/internal/errs"
)

// Sentinel errors. Every error this package returns matches one of them
// with [errors.Is]; most arrive in a [*FieldError] naming the input.
var (
	// ErrInvalid reports an input outside its documented values: an empty
	// or padded ID, feature or value, a respondent without a value for
	// every feature, a quota for a feature the pool does not have, an
	// undeclared algorithm, malformed CSV.
	ErrInvalid = errors.New("sortition: invalid value")

	// ErrOutOfRange reports a number outside its documented scale: a panel
	// size of zero, a quota with min > max or a negative bound, a lottery
	// of no panels.
	ErrOutOfRange = errors.New("sortition: out of range")

	// ErrDuplicate reports something given twice: a respondent ID, a
	// feature, a quota for the same feature and value.
	ErrDuplicate = errors.New("sortition: given twice")

	// ErrNotFound reports an activity or a respondent that names nothing
	// held.
	ErrNotFound = errors.New("sortition: not found")

	// ErrPoolTooSmall reports a pool with fewer households than seats:
	// no relaxation of the quotas can fill the panel.
	ErrPoolTooSmall = errors.New("sortition: fewer households than seats")

	// ErrInfeasible reports quotas that no panel of the pool meets. It
	// arrives in an [*InfeasibleError] carrying the smallest relaxation
	// that makes them feasible.
	ErrInfeasible = errors.New("sortition: the quotas cannot be met")

	// ErrInconsistent reports decoded data whose parts disagree: weights
	// that do not sum to 1, a composition that breaks the quotas, panels
	// that are not the rounding of their distribution.
	ErrInconsistent = errors.New("sortition: inconsistent data")

	// ErrLimit reports a computation stopped by its limit (iterations,
	// search nodes, attempts of the legacy draw).
	ErrLimit = errors.New("sortition: limit reached")
)

// FieldError describes one bad input: which field or argument, its value as
// text (quoted and clipped) and the sentinel of this package it breaks,
// which it wraps. It is the one bad-input error of civitas, the same type in
// every package (see internal/DESIGN.md).
type FieldError = errs.FieldError

// fieldErr builds a *FieldError with the value clipped.
func fieldErr(field, value string, err error) error {
	return &FieldError{Field: field, Value: strconv.Quote(errs.Clip(value)), Err: err}
}

// QuotaChange is one quota of the smallest relaxation: its bounds as given
// and as relaxed. Only one of the bounds moves.
type QuotaChange struct {
	// Feature and Value name the quota.
	Feature, Value string
	// Min and Max are the bounds as given.
	Min, Max int
	// NewMin and NewMax are the relaxed bounds.
	NewMin, NewMax int
}

// By returns how far the quota moves: Min − NewMin plus NewMax − Max.
func (c QuotaChange) By() int { return c.Min - c.NewMin + c.NewMax - c.Max }

// InfeasibleError reports quotas that no panel meets, with the smallest
// relaxation that makes them feasible: the changes minimise the total
// number of seats by which quotas move (an exact integer program), and
// among relaxations of that size it is the one the solver found first. It
// wraps [ErrInfeasible].
type InfeasibleError struct {
	// Relaxation lists the quotas that must move, in the order of the
	// quotas.
	Relaxation []QuotaChange
}

// Total returns the total number of seats by which the quotas move.
func (e *InfeasibleError) Total() int {
	if e == nil {
		return 0
	}
	t := 0
	for _, c := range e.Relaxation {
		t += c.By()
	}
	return t
}

// Error names the quotas to relax and by how much.
func (e *InfeasibleError) Error() string {
	if e == nil {
		return ErrInfeasible.Error()
	}
	var b strings.Builder
	b.WriteString(ErrInfeasible.Error())
	fmt.Fprintf(&b, "; the smallest relaxation moves %d in all:", e.Total())
	for i, c := range e.Relaxation {
		if i > 0 {
			b.WriteString(",")
		}
		if c.NewMin < c.Min {
			fmt.Fprintf(&b, " %s=%s min %d to %d", c.Feature, c.Value, c.Min, c.NewMin)
		} else {
			fmt.Fprintf(&b, " %s=%s max %d to %d", c.Feature, c.Value, c.Max, c.NewMax)
		}
	}
	return b.String()
}

// Unwrap returns [ErrInfeasible].
func (e *InfeasibleError) Unwrap() error { return ErrInfeasible }
