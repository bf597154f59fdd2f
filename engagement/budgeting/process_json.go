package budgeting

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/participation"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// budgetVersion is the version of the budget document.
const budgetVersion = 1

// budgetJSON is the JSON form of a Budget: its engagement process as the
// process writes itself, the rest of its spec, its proposals with their
// reviews and what became of them, and its ballot box once voting opened.
// The verifier and the initiatives taken up are not written: they are
// other aggregates, which [DecodeBudget] takes.
type budgetJSON struct {
	Version    int                 `json:"version"`
	Process    *engagement.Process `json:"process"`
	Calendar   calendarJSON        `json:"calendar"`
	Amount     plainDecimal        `json:"amount"`
	Meta       []Field             `json:"meta"`
	VoteType   VoteType            `json:"vote_type"`
	Form       formJSON            `json:"form"`
	Rule       Rule                `json:"rule"`
	Revote     RevotePolicy        `json:"revote"`
	Electorate int                 `json:"electorate"`
	Milestones []milestoneJSON     `json:"milestones"`
	Proposals  []proposalJSON      `json:"proposals"`
	Box        *boxJSON            `json:"box,omitempty"`
}

// calendarJSON is the JSON form of a Calendar, which converts to it.
type calendarJSON struct {
	Proposals      time.Time `json:"proposals"`
	Review         time.Time `json:"review"`
	Voting         time.Time `json:"voting"`
	Results        time.Time `json:"results"`
	Implementation time.Time `json:"implementation"`
	Due            time.Time `json:"due"`
}

// milestoneJSON is the JSON form of an engagement.MilestoneSpec, which
// converts to it.
type milestoneJSON struct {
	Name   string `json:"name"`
	Weight int    `json:"weight"`
}

// proposalJSON is a proposal and what became of it. The author is written
// as the participant's ID: the process holds the participant.
type proposalJSON struct {
	ID         uuid.UUID    `json:"id"`
	Author     uuid.UUID    `json:"author"`
	Title      string       `json:"title"`
	Cost       plainDecimal `json:"cost"`
	District   string       `json:"district,omitempty"`
	Initiative uuid.UUID    `json:"initiative,omitzero"`
	At         time.Time    `json:"at"`
	Review     *reviewJSON  `json:"review,omitempty"`
	Project    string       `json:"project,omitempty"`
	Votes      int64        `json:"votes,omitempty"`
	Funded     bool         `json:"funded,omitempty"`
	Commitment uuid.UUID    `json:"commitment,omitzero"`
}

// reviewJSON is a review and when it was made.
type reviewJSON struct {
	Feasible bool         `json:"feasible"`
	Cost     plainDecimal `json:"cost"`
	Owner    string       `json:"owner,omitempty"`
	Reason   string       `json:"reason,omitempty"`
	Reviewer uuid.UUID    `json:"reviewer"`
	At       time.Time    `json:"at"`
}

// MarshalJSON encodes the budget: its process (as
// [engagement.Process.MarshalJSON] writes it), calendar, amount, META rows,
// vote type, form, rule, revote policy, electorate and milestones; every
// proposal with its review, its project on the ballot, its votes, whether
// it was funded and its commitment; and the ballot box once voting opened
// ([Box.MarshalJSON]). A zero Budget is an error wrapping [ErrInvalid].
func (b *Budget) MarshalJSON() ([]byte, error) {
	if err := b.usable(); err != nil {
		return nil, err
	}
	return json.Marshal(b.document())
}

// document returns the budget's JSON form.
func (b *Budget) document() *budgetJSON {
	w := &budgetJSON{Version: budgetVersion, Process: b.p, Calendar: calendarJSON(b.cal), Amount: plainDecimal(b.amount),
		Meta: nonNil(b.meta), VoteType: b.voteType, Form: formToJSON(b.form), Rule: b.rule, Revote: b.revote,
		Electorate: b.electorate, Milestones: make([]milestoneJSON, len(b.milestones)), Proposals: make([]proposalJSON, len(b.proposals))}
	for i, m := range b.milestones {
		w.Milestones[i] = milestoneJSON(m)
	}
	for i := range b.proposals {
		r := &b.proposals[i]
		pj := proposalJSON{ID: r.prop.ID, Author: r.prop.Author.ID, Title: r.prop.Title, Cost: plainDecimal(r.prop.Cost), District: r.prop.District,
			Initiative: r.prop.Initiative, At: r.at, Project: r.project, Votes: r.votes, Funded: r.funded, Commitment: r.commitment}
		if r.reviewed {
			v := r.review
			pj.Review = &reviewJSON{Feasible: v.Feasible, Cost: plainDecimal(v.Cost), Owner: v.Owner, Reason: v.Reason, Reviewer: v.Reviewer, At: r.reviewedAt}
		}
		w.Proposals[i] = pj
	}
	if b.box != nil {
		w.Box = b.box.document()
	}
	return w
}

// nonNil returns s, or an empty list for nil, so that JSON shows [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// DecodeBudget decodes what [Budget.MarshalJSON] encodes, with the
// verifier the budget's voters are verified with and the initiatives it
// took up (the document holds neither: they are other aggregates; those
// it took up must all be given until the count answers them, and others
// may not be). The decoded budget goes on exactly where the encoded one
// stopped.
//
// It checks every invariant the budget's steps keep: the process decodes
// as [engagement.Process.UnmarshalJSON] checks it, the spec as [NewBudget]
// checks it and must set the process's phases; each proposal is checked as
// [Budget.Propose] checks it and must be the process's contribution of the
// same ID, author, title and time, in order; each review as
// [Budget.Review] checks it and must be the process's response to it; the
// box decodes as [DecodeBox] checks it and must be the box
// [Budget.OpenVoting] opens; and once the process has decided, the count
// is made again, and the decision, the commitments and the answers to the
// initiatives must be the ones [Budget.Count] records. It returns the
// error of the check that fails, wrapping [ErrInvalid] for malformed JSON
// (the encoding/json error kept in the chain) or another version,
// [ErrNotFound] for an initiative missing or not taken up, and
// [ErrInconsistent] for a budget, process and box that disagree.
func DecodeBudget(data []byte, verifier Verifier, initiatives []*participation.Initiative) (*Budget, error) {
	var w budgetJSON
	if err := decodeJSON("budget", data, &w); err != nil {
		return nil, err
	}
	b, err := w.rebuild(verifier, initiatives)
	if err != nil {
		return nil, fmt.Errorf("decoding budget: %w", err)
	}
	return b, nil
}

// rebuild builds the budget w describes.
func (w *budgetJSON) rebuild(verifier Verifier, initiatives []*participation.Initiative) (*Budget, error) {
	if w.Version != budgetVersion || w.Process == nil {
		return nil, errorf(ErrInvalid, "version %d (want %d), or no process", w.Version, budgetVersion)
	}
	p := w.Process
	milestones := make([]engagement.MilestoneSpec, len(w.Milestones))
	for i, m := range w.Milestones {
		milestones[i] = engagement.MilestoneSpec(m)
	}
	spec := BudgetSpec{Process: engagement.ProcessSpec{ID: p.ID(), Title: p.Title(), Question: p.Question(), Authority: p.Authority(),
		Level: p.Level(), Rules: p.Rules()}, Calendar: Calendar(w.Calendar), Amount: decimal.Decimal(w.Amount), Meta: w.Meta, VoteType: w.VoteType,
		Form: w.Form.form(), Rule: w.Rule, Revote: w.Revote, Verifier: verifier, Electorate: w.Electorate, Milestones: milestones}
	b, err := NewBudget(spec, p.CreatedAt())
	if err != nil {
		return nil, err
	}
	if !sameJSON(b.p.Phases(), p.Phases()) {
		return nil, errorf(ErrInconsistent, "the process's phases are not the calendar's")
	}
	b.p = p
	if err := b.rebuildProposals(w.Proposals); err != nil {
		return nil, err
	}
	if w.Box != nil {
		if err := b.rebuildBox(w.Box); err != nil {
			return nil, fmt.Errorf("box: %w", err)
		}
	}
	if err := b.rebuildCount(); err != nil {
		return nil, err
	}
	if err := b.rebuildInitiatives(initiatives); err != nil {
		return nil, err
	}
	// What the checks above did not compare field by field (votes,
	// projects, funding, the order of what the budget derives) must be
	// what the budget holds now: the document must be the one it writes.
	if !sameJSON(w, b.document()) {
		return nil, errorf(ErrInconsistent, "the proposals' projects, votes or funding are not those the budget makes")
	}
	return b, nil
}

// sameJSON reports whether a and b encode to the same JSON; false when
// either does not encode.
func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

// rebuildProposals checks each proposal and its review against the
// process's contributions and responses, and records them.
func (b *Budget) rebuildProposals(ps []proposalJSON) error {
	contribs := slices.Collect(b.p.Contributions())
	if len(contribs) != len(ps) {
		return errorf(ErrInconsistent, "%d proposals, %d contributions to the process", len(ps), len(contribs))
	}
	for i, pj := range ps {
		c := contribs[i]
		pr := Proposal{ID: pj.ID, Author: c.Participant(), Title: pj.Title, Cost: decimal.Decimal(pj.Cost), District: pj.District, Initiative: pj.Initiative}
		errs := b.checkProposal(pr, pj.At)
		if c.ID() != pj.ID || c.Kind() != engagement.ContributionKindIdea || c.Text() != pj.Title ||
			c.Participant().ID != pj.Author || !c.At().Equal(pj.At) {
			errs = append(errs, errorf(ErrInconsistent, "not the process's contribution %d", i))
		}
		resp, responded := c.Response()
		var r Review
		if pj.Review != nil {
			r = Review{Feasible: pj.Review.Feasible, Cost: decimal.Decimal(pj.Review.Cost), Owner: pj.Review.Owner, Reason: pj.Review.Reason, Reviewer: pj.Review.Reviewer}
			want, rerrs := reviewResponse(r)
			errs = append(errs, rerrs...)
			if !responded || want != resp || !c.RespondedAt().Equal(pj.Review.At) {
				errs = append(errs, errorf(ErrInconsistent, "the review is not the process's response"))
			}
		} else if responded {
			errs = append(errs, errorf(ErrInconsistent, "the process answered a proposal not reviewed"))
		}
		if err := errors.Join(errs...); err != nil {
			return fmt.Errorf("proposals[%d]: %w", i, err)
		}
		b.addProposal(pr, pj.At)
		if pj.Review != nil {
			rec := &b.proposals[i]
			rec.reviewed, rec.review, rec.reviewedAt = true, r, pj.Review.At.UTC()
		}
	}
	return nil
}

// rebuildBox decodes the box and checks that it is the one OpenVoting
// opens: same instance, rules, eligibility, policy and electorate, opened
// in the voting phase once every proposal was reviewed and the process had
// closed for proposals, and no review after.
func (b *Budget) rebuildBox(bw *boxJSON) error {
	box, err := bw.replay(b.verifier)
	if err != nil {
		return err
	}
	opened, number, err := b.newBallotBox(bw.Opens)
	if err != nil {
		return err
	}
	if closedAt, ok := b.p.EnteredAt(engagement.StateClosed); !ok || closedAt.After(box.opens) {
		return errorf(ErrInconsistent, "voting opened while the process was open for proposals")
	}
	if !sameJSON(opened.document().spec(), box.document().spec()) {
		return errorf(ErrInconsistent, "not the box the proposals and the budget's rules make")
	}
	for i := range b.proposals {
		if b.proposals[i].reviewedAt.After(box.opens) {
			return errorf(ErrInconsistent, "proposal %d reviewed after voting opened", i+1)
		}
		b.proposals[i].project = number[i]
	}
	b.inst, b.box = box.rules.inst, box
	return nil
}

// spec returns the document with its spec only: no voters, ballots or
// closing time.
func (w *boxJSON) spec() *boxJSON {
	s := *w
	s.Voters, s.Ballots, s.ClosedAt = nil, nil, time.Time{}
	return &s
}

// rebuildCount, once the process has decided, counts the box again and
// checks that the decision and the commitments are those Count records.
func (b *Budget) rebuildCount() error {
	d, decided := b.p.Decision()
	if !decided {
		return nil
	}
	if b.box == nil {
		return errorf(ErrInconsistent, "the process decided without a vote")
	}
	decidedAt, _ := b.p.EnteredAt(engagement.StateDecided)
	if at, closed := b.box.Closed(); !closed || at.After(decidedAt) {
		return errorf(ErrInconsistent, "the box did not close by the count")
	}
	c, err := b.count(context.Background())
	if err != nil {
		return err
	}
	var specs []engagement.CommitmentSpec
	for cm := range b.p.Commitments() {
		ms := cm.Milestones()
		spec := engagement.CommitmentSpec{ID: cm.ID(), Action: cm.Action(), Owner: cm.Owner(), Due: cm.Due(), ShapedBy: cm.ShapedBy(),
			Milestones: make([]engagement.MilestoneSpec, len(ms))}
		for k, m := range ms {
			spec.Milestones[k] = engagement.MilestoneSpec{Name: m.Name, Weight: m.Weight}
		}
		specs = append(specs, spec)
	}
	if !sameJSON(d, c.decision) || !sameJSON(specs, nonNil(c.specs)) {
		return errorf(ErrInconsistent, "the decision or the commitments are not those the count makes")
	}
	b.record(c)
	return nil
}

// rebuildInitiatives matches the initiatives given to those the process
// took up, and checks the answers the count gave.
func (b *Budget) rebuildInitiatives(given []*participation.Initiative) error {
	byID := map[uuid.UUID]*participation.Initiative{}
	for _, in := range given {
		if in == nil {
			return errorf(ErrInvalid, "a nil initiative")
		}
		if _, ok := b.p.Initiative(in.ID()); !ok {
			return errorf(ErrNotFound, "initiative %s was not taken up", in.ID())
		}
		byID[in.ID()] = in
	}
	for t := range b.p.Initiatives() {
		if t.Answered() {
			if outcome, text := b.answerFor(t.Initiative); b.result == nil || t.Answer.Outcome != outcome || t.Answer.Text != text {
				return errorf(ErrInconsistent, "initiative %s was not answered as the count answers it", t.Initiative)
			}
		}
		in, ok := byID[t.Initiative]
		if !ok && b.result == nil {
			return errorf(ErrNotFound, "initiative %s was taken up: the count needs it", t.Initiative)
		}
		if ok {
			b.initiatives = append(b.initiatives, in)
		}
	}
	return nil
}
