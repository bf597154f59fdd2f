package concerns

import (
	"iter"
	"time"

	"github.com/google/uuid"
)

// Register is an organisation's register of concerns and complaints: every
// [Case] with its history, the [Issue]s recurring cases are grouped into,
// and the published [Rules] they are handled by. It is the standing place
// where a case is received, acknowledged, assessed, investigated, answered,
// escalated and closed, and from which the figures are drawn
// ([Register.Figures]).
//
// The register keeps one journal of every change, cases' and issues' alike,
// in the order they were made; its JSON form is that journal, and decoding
// replays it through the same checks, so that a history no sequence of
// calls can produce is rejected.
//
// A Register is not safe for concurrent use: serialise changes with a
// mutex. The zero value is not usable: create one with [NewRegister] or
// decode one from JSON.
type Register struct {
	rules     Rules
	cases     []*Case
	caseByID  map[uuid.UUID]*Case
	issues    []*Issue
	issueByID map[uuid.UUID]*Issue
	journal   []journalRef
	last      time.Time // the latest time of any change
}

// journalRef is one journal entry: the n-th history entry of a case or of
// an issue.
type journalRef struct {
	c *Case
	i *Issue
	n int
}

// NewRegister returns an empty register handled by rules, or the problems
// of [Rules.Validate].
func NewRegister(rules Rules) (*Register, error) {
	if err := rules.Validate(); err != nil {
		return nil, err
	}
	return &Register{rules: rules, caseByID: map[uuid.UUID]*Case{}, issueByID: map[uuid.UUID]*Issue{}}, nil
}

// Rules returns the published rules the register is handled by.
func (r *Register) Rules() Rules { return r.rules }

// Len returns the number of cases.
func (r *Register) Len() int { return len(r.cases) }

// Case returns the case with ID id, or a [*FieldError] wrapping
// [ErrNotFound].
func (r *Register) Case(id uuid.UUID) (*Case, error) {
	c, ok := r.caseByID[id]
	if !ok {
		return nil, &FieldError{Field: "case", Value: id.String(), Err: ErrNotFound}
	}
	return c, nil
}

// Cases yields every case in the order received into the register.
func (r *Register) Cases() iter.Seq[*Case] {
	return func(yield func(*Case) bool) {
		for _, c := range r.cases {
			if !yield(c) {
				return
			}
		}
	}
}

// Issue returns the issue with ID id, or a [*FieldError] wrapping
// [ErrNotFound].
func (r *Register) Issue(id uuid.UUID) (*Issue, error) {
	is, ok := r.issueByID[id]
	if !ok {
		return nil, &FieldError{Field: "issue", Value: id.String(), Err: ErrNotFound}
	}
	return is, nil
}

// Issues yields every issue in the order opened.
func (r *Register) Issues() iter.Seq[*Issue] {
	return func(yield func(*Issue) bool) {
		for _, is := range r.issues {
			if !yield(is) {
				return
			}
		}
	}
}

// log appends a change made at at to the journal.
func (r *Register) log(ref journalRef, at time.Time) {
	r.journal = append(r.journal, ref)
	if at.After(r.last) {
		r.last = at
	}
}

// latest returns the time of the latest change, or the zero time.
func (r *Register) latest() time.Time { return r.last }
