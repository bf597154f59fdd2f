package engagement

import (
	"errors"
	"fmt"
	"time"
)

// PhaseKind names what happens in a phase of a process. The five named kinds
// are the usual stages of a formal procedure; PhaseCustom covers any other stage,
// which then carries its own name.
//
// The zero value is invalid. PhaseKind's text form is its lowercase name.
type PhaseKind int

// The kinds of phase, in their usual order.
const (
	// PhaseKindInformation: the body explains the decision at stake and the options.
	PhaseKindInformation PhaseKind = iota + 1
	// PhaseKindConsultation: the public gives its views and ideas.
	PhaseKindConsultation
	// PhaseKindDeliberation: the public and the body weigh options together.
	PhaseKindDeliberation
	// PhaseKindDecision: the body (or, when empowered, the public) decides.
	PhaseKindDecision
	// PhaseKindImplementation: the body carries out its commitments.
	PhaseKindImplementation
	// PhaseKindCustom: any other stage, named by [Phase.Name].
	PhaseKindCustom
)

// MaxPhases is the largest number of phases a process may have.
const MaxPhases = 64

// Phase is one stage of a process, planned from Start (inclusive) to End
// (exclusive). The phases of a process are in order and do not overlap, so
// at most one is active at any instant; a contribution belongs to the phase
// active when it is received.
//
// Phase is plain data; [NewProcess] validates it. The zero value is invalid.
type Phase struct {
	// Kind says what happens in the phase.
	Kind PhaseKind `json:"kind"`
	// Name is the phase's own name: required for a PhaseCustom phase, optional
	// otherwise ("Design workshops" for a PhaseDeliberation phase).
	Name string `json:"name,omitempty"`
	// Start is when the phase begins.
	Start time.Time `json:"start"`
	// End is when the phase ends; it must be after Start.
	End time.Time `json:"end"`
}

// Label returns the phase's name, or its kind's name when it has none.
func (ph Phase) Label() string {
	if ph.Name != "" {
		return ph.Name
	}
	return ph.Kind.String()
}

// Active reports whether the phase is active at t: Start ≤ t < End.
func (ph Phase) Active(t time.Time) bool {
	return !t.Before(ph.Start) && t.Before(ph.End)
}

// Validate reports an undeclared kind, a PhaseCustom phase without a name, an
// invalid name, a zero or unrepresentable time and an End not after Start,
// joined; each wraps [ErrInvalid].
func (ph Phase) Validate() error {
	return ph.validate("phase")
}

func (ph Phase) validate(field string) error {
	var errs problems
	errs.add(checkEnum(field+".kind", ph.Kind))
	if ph.Kind == PhaseKindCustom {
		errs.add(checkText(field+".name", ph.Name))
	} else {
		errs.add(checkOptionalText(field+".name", ph.Name))
	}
	errs.add(checkSpan(field, ph.Start, ph.End))
	return errors.Join(errs...)
}

// validatePhases checks each phase and that each starts no earlier than the
// previous one ends.
func validatePhases(phases []Phase) error {
	if len(phases) > MaxPhases {
		return fieldErr("phases", fmt.Sprint(len(phases)), ErrLimit)
	}
	var errs problems
	for i, ph := range phases {
		field := fmt.Sprintf("phases[%d]", i)
		errs.add(ph.validate(field))
		if i > 0 && ph.Start.Before(phases[i-1].End) {
			errs.add(&TimeOrderError{Field: field + ".start", At: ph.Start, Blocker: fmt.Sprintf("the end of phases[%d]", i-1), BlockerAt: phases[i-1].End, Err: ErrTimeOrder})
		}
	}
	return errors.Join(errs...)
}

// phaseAt returns the index of the phase active at t, or -1.
func phaseAt(phases []Phase, t time.Time) int {
	for i, ph := range phases {
		if ph.Active(t) {
			return i
		}
	}
	return -1
}
