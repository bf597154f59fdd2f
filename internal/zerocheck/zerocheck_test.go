package zerocheck_test

import (
	"errors"
	"fmt"
	"iter"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/civitas-go/civitas/internal/zerocheck"
)

// recorder collects the failures a check reports.
type recorder struct{ failures []string }

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

type counter struct{ n *int }

func (c counter) Fine() int { return 1 }

func (c *counter) Deref() int { return *c.n } // panics on the zero value

func (c counter) Seq() iter.Seq[int] {
	return func(yield func(int) bool) { _ = *c.n } // panics when iterated
}

type badErr struct{ msg *string }

func (e *badErr) Error() string { return *e.msg }

func TestMethodsFindsPanics(t *testing.T) {
	var r recorder
	zerocheck.Methods(&r, counter{})
	assert.Len(t, r.failures, 3, "Deref, and the iterator of Seq on the value and the pointer; not Fine: %v", r.failures)

	r = recorder{}
	zerocheck.NilErrors(&r, (*badErr)(nil), errors.New("fine"))
	assert.Len(t, r.failures, 1)
}
