package budgeting_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// zeroArg returns an argument of type t for a call on a zero value: a
// usable value for the interfaces a caller always has (a writer, a reader,
// a context), a pointer to a zero value, or the zero value.
func zeroArg(t reflect.Type) reflect.Value {
	switch t {
	case reflect.TypeFor[io.Writer]():
		return reflect.ValueOf(io.Discard)
	case reflect.TypeFor[io.Reader]():
		return reflect.ValueOf(strings.NewReader(""))
	case reflect.TypeFor[context.Context]():
		return reflect.ValueOf(context.Background())
	}
	if t.Kind() == reflect.Pointer {
		return reflect.New(t.Elem())
	}
	return reflect.Zero(t)
}

// indexed are the methods that take a position and are documented to panic
// for one out of range, as a slice does: on a zero value, which holds
// nothing, every position is out of range. Each is checked to panic with
// a runtime error and nothing else.
var indexed = map[string]bool{
	"Ballot.Project": true, "Ballot.Points": true, "BallotProfile.Ballot": true, "BallotProfile.Voter": true,
	"Instance.Project": true, "Instance.ProjectID": true, "Instance.Cost": true,
}

// callAll calls every method of v with zeroArg arguments and returns the
// methods that panicked.
func callAll(v reflect.Value) (panicked []string) {
	for i := range v.NumMethod() {
		m, name := v.Method(i), v.Type().Method(i).Name
		if _, isRuntime := recoverRuntime(m, v.Type().Elem().Name()+"."+name); isRuntime {
			continue
		}
		mt := m.Type()
		args := make([]reflect.Value, 0, mt.NumIn())
		for j := range mt.NumIn() {
			in := mt.In(j)
			if mt.IsVariadic() && j == mt.NumIn()-1 {
				break
			}
			args = append(args, zeroArg(in))
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					panicked = append(panicked, fmt.Sprintf("%s: %v", name, r))
				}
			}()
			out := m.Call(args)
			// An iterator is a method too: run it to its end.
			for _, o := range out {
				if o.Kind() == reflect.Func && o.Type().NumIn() == 1 && o.Type().In(0).Kind() == reflect.Func && !o.IsNil() {
					yield := reflect.MakeFunc(o.Type().In(0), func(a []reflect.Value) []reflect.Value {
						return []reflect.Value{reflect.ValueOf(true)}
					})
					o.Call([]reflect.Value{yield})
				}
			}
		}()
	}
	return panicked
}

// recoverRuntime reports, for a method listed in indexed, whether calling
// it with position 0 panics with a runtime error (an index out of range).
func recoverRuntime(m reflect.Value, name string) (called, isRuntime bool) {
	if !indexed[name] {
		return false, false
	}
	defer func() {
		_, isRuntime = recover().(runtime.Error)
	}()
	m.Call([]reflect.Value{reflect.ValueOf(0)})
	return true, false
}

func TestZeroValuesDoNotPanic(t *testing.T) {
	// Every method of every exported type works on the zero value or
	// returns an error; none panics. Pointer receivers are called on a
	// pointer to a zero value.
	values := []any{
		budgeting.Analysis{}, budgeting.Ballot{}, budgeting.BallotError{}, budgeting.BallotForm{},
		budgeting.BallotLimit(0), budgeting.BallotProfile{}, budgeting.BallotRecord{}, budgeting.BallotRules{},
		budgeting.BallotStatus(0), budgeting.Box{}, budgeting.BoxFigures{}, budgeting.BoxSpec{}, budgeting.Budget{},
		budgeting.BudgetSpec{}, budgeting.Calendar{}, budgeting.Cast{}, budgeting.Category(0), budgeting.Census{},
		budgeting.CensusRecord{}, budgeting.BallotChannel(0), budgeting.Claim{}, budgeting.Completion(0), budgeting.Election{},
		budgeting.Explanation{}, budgeting.Field{}, budgeting.Finding{}, budgeting.FindingLevel(0), budgeting.Fraction{},
		budgeting.Identity{}, budgeting.Instance{}, budgeting.Method(0), budgeting.OfficialRule(0), budgeting.PaperRow{},
		budgeting.ParseError{}, budgeting.Payment{}, budgeting.Project{}, budgeting.Proposal{}, budgeting.ProposalRecord{},
		budgeting.Pseudonymizer{}, budgeting.Reason{}, budgeting.ReasonKind(0), budgeting.Receipt{}, budgeting.Report{},
		budgeting.Result{}, budgeting.Review{}, budgeting.RevotePolicy(0), budgeting.Round{}, budgeting.Rule{},
		budgeting.Step{}, budgeting.StepKind(0), budgeting.SupporterGroup{}, budgeting.Tally{}, budgeting.TieBreak(0),
		budgeting.Unfunded{}, budgeting.Utility(0), budgeting.Vote{}, budgeting.VoteType(0), budgeting.Voter{},
		budgeting.VoterAttribute(0), budgeting.Warning{},
	}
	for _, v := range values {
		typ := reflect.TypeOf(v)
		t.Run(typ.Name(), func(t *testing.T) {
			p := reflect.New(typ) // a pointer to a zero value: every method, both receivers
			assert.Empty(t, callAll(p), "methods of a zero %s that panic", typ.Name())
		})
	}
}

func TestZeroValuesReturnErrors(t *testing.T) {
	// The zero values documented as not usable say so with an error.
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name     string
		call     func() error
		sentinel error
	}{
		{"Election.WriteTo", func() error { _, err := (&budgeting.Election{}).WriteTo(io.Discard); return err }, budgeting.ErrInvalid},
		{"Election.MarshalJSON", func() error { _, err := (&budgeting.Election{}).MarshalJSON(); return err }, budgeting.ErrInvalid},
		{"json.Marshal of an Election", func() error { _, err := json.Marshal(&budgeting.Election{}); return err }, budgeting.ErrInvalid},
		{"Box.Election", func() error { _, err := (&budgeting.Box{}).Election(); return err }, budgeting.ErrInvalid},
		{"Budget.Announce", func() error { return (&budgeting.Budget{}).Announce(at) }, budgeting.ErrInvalid},
		{"Budget.OpenVoting", func() error { return (&budgeting.Budget{}).OpenVoting(at) }, budgeting.ErrInvalid},
		{"Census.Verify", func() error { _, err := (&budgeting.Census{}).Verify(budgeting.Claim{Document: "x"}); return err }, budgeting.ErrNotVerified},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorIs(t, tc.call(), tc.sentinel)
		})
	}
	assert.Equal(t, uuid.Nil, (&budgeting.Pseudonymizer{}).ID("AB123"))
	assert.NotEmpty(t, (&budgeting.ParseError{}).Error())
	assert.NotEmpty(t, budgeting.Warning{}.Error())
	var v budgeting.Voter
	assert.Empty(t, v.ID())
	assert.Zero(t, v.Ballot().Len())
}
