package engagement

import (
	"fmt"
	"iter"
	"slices"

	"github.com/google/uuid"
)

// Decision is what the body decided and why: the input to [Process.Decide]
// and what [Process.Decision] returns. Its rationale and the contributions it
// cites are how the body "tells the public how their input affected the
// decision", the part of the IAP2 promise from consult upwards that tokenism
// leaves out. It is plain data.
type Decision struct {
	// Outcome is what was decided. Never blank.
	Outcome string `json:"outcome"`
	// Rationale says why, in words a resident can follow. Never blank.
	Rationale string `json:"rationale"`
	// ShapedBy lists the IDs of the contributions that shaped the decision,
	// each once; each must be a contribution of the process. Order is kept.
	ShapedBy []uuid.UUID `json:"shaped_by"`
	// FollowsPublicChoice reports that the outcome is the choice the public
	// made itself (a budget vote's result, an assembly's recommendation
	// adopted unchanged): what the empower level promises.
	FollowsPublicChoice bool `json:"follows_public_choice"`
}

// decision is the stored form: cited contributions as indexes.
type decision struct {
	outcome, rationale string
	shaped             []int32
	publicChoice       bool
}

// checkDecision validates d against the process, adding what it finds to
// errs, and returns the indexes of the contributions it cites.
func (p *Process) checkDecision(d Decision, errs *problems) []int32 {
	errs.add(checkText("decision.outcome", d.Outcome), checkText("decision.rationale", d.Rationale))
	return p.resolve("decision.shaped_by", d.ShapedBy, errs)
}

// resolve returns the indexes of the contributions with the given IDs,
// adding to errs an unknown ([ErrNotFound]) or repeated ([ErrDuplicate])
// one.
func (p *Process) resolve(field string, ids []uuid.UUID, errs *problems) []int32 {
	out := make([]int32, 0, len(ids))
	seen := make(map[int32]struct{}, len(ids))
	for k, id := range ids {
		i, ok := p.contributionIndex[id]
		_, dup := seen[i]
		switch {
		case !ok:
			errs.add(fieldErr(fmt.Sprintf("%s[%d]", field, k), id.String(), ErrNotFound))
		case dup:
			errs.add(fieldErr(fmt.Sprintf("%s[%d]", field, k), id.String(), ErrDuplicate))
		default:
			seen[i] = struct{}{}
			out = append(out, i)
		}
	}
	return out
}

// ids returns the IDs of the contributions at the given indexes.
func (p *Process) ids(idx []int32) []uuid.UUID {
	out := make([]uuid.UUID, len(idx))
	for k, i := range idx {
		out[k] = p.contributions[i].id
	}
	return out
}

// Decision returns the decision, and false before the process is decided.
// The returned value is a copy.
func (p *Process) Decision() (Decision, bool) {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	if !p.decided {
		return Decision{}, false
	}
	d := p.decision
	return Decision{Outcome: d.outcome, Rationale: d.rationale, ShapedBy: p.ids(d.shaped), FollowsPublicChoice: d.publicChoice}, true
}

// DecisionInputs yields the contributions the decision cites, in the
// decision's order; nothing before the process is decided.
func (p *Process) DecisionInputs() iter.Seq[Contribution] {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return guardSeq(&p.use, p.contributionsAt(p.decision.shaped))
}

// contributionsAt yields the contributions at the given indexes.
func (p *Process) contributionsAt(idx []int32) iter.Seq[Contribution] {
	return seqMap(idx, func(i *int32) Contribution { return p.contributionView(*i) })
}

// Trace is where a contribution went: whether the decision cites it and
// which commitments do. It is the resident's view of "what happened to my
// input"; the other direction is [Process.DecisionInputs] and
// [Process.CommitmentInputs].
type Trace struct {
	// Contribution is the traced contribution's ID.
	Contribution uuid.UUID
	// Decision reports whether the decision cites it.
	Decision bool
	// Commitments lists the IDs of the commitments that cite it, in the
	// order they were made.
	Commitments []uuid.UUID
}

// Trace returns where the contribution with ID id went. It returns an error
// wrapping [ErrNotFound] when the process holds no such contribution.
func (p *Process) Trace(id uuid.UUID) (Trace, error) {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	i, ok := p.contributionIndex[id]
	if !ok {
		return Trace{}, fieldErr("contribution", id.String(), ErrNotFound)
	}
	t := Trace{Contribution: id, Decision: slices.Contains(p.decision.shaped, i)}
	for k := range p.commitments {
		if c := &p.commitments[k]; slices.Contains(c.shaped, i) {
			t.Commitments = append(t.Commitments, c.spec.ID)
		}
	}
	return t, nil
}
