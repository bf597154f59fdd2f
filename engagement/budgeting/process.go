package budgeting

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/participation"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// ErrUnreviewed reports that voting cannot open while a proposal awaits its
// feasibility review.
var ErrUnreviewed = errors.New("budgeting: proposals await review")

// Calendar is the plan of a participatory budget: the instants at which
// each of its five phases starts, and when implementation is due. Each
// phase runs from its start to the next one's.
type Calendar struct {
	// Proposals is when residents start proposing projects.
	Proposals time.Time
	// Review is when the feasibility review starts and proposing ends.
	Review time.Time
	// Voting is when voting opens.
	Voting time.Time
	// Results is when voting closes and the results are counted.
	Results time.Time
	// Implementation is when the funded projects start being carried out.
	Implementation time.Time
	// Due is when every funded project is to be done.
	Due time.Time
}

// The phases of a participatory budget, as [Budget.Process] lists them.
const (
	// BudgetPhaseProposals is the index of the proposal collection phase.
	BudgetPhaseProposals = iota
	// BudgetPhaseReview is the index of the feasibility review phase.
	BudgetPhaseReview
	// BudgetPhaseVoting is the index of the voting phase.
	BudgetPhaseVoting
	// BudgetPhaseResults is the index of the results phase.
	BudgetPhaseResults
	// BudgetPhaseImplementation is the index of the implementation phase.
	BudgetPhaseImplementation
)

// phases returns the five phases of the calendar.
func (c Calendar) phases() []engagement.Phase {
	return []engagement.Phase{
		{Kind: engagement.PhaseKindConsultation, Name: "Proposal collection", Start: c.Proposals, End: c.Review},
		{Kind: engagement.PhaseKindCustom, Name: "Feasibility review", Start: c.Review, End: c.Voting},
		{Kind: engagement.PhaseKindDecision, Name: "Voting", Start: c.Voting, End: c.Results},
		{Kind: engagement.PhaseKindCustom, Name: "Results", Start: c.Results, End: c.Implementation},
		{Kind: engagement.PhaseKindImplementation, Name: "Implementation", Start: c.Implementation, End: c.Due},
	}
}

// BudgetSpec is what a public body sets down for a participatory budget:
// the process (its ID, title, question, authority, IAP2 level and rules:
// the rules' eligibility says who may propose and who may vote), the
// calendar, the amount, the ballot and the rule that turns votes into
// funded projects, how voters are verified, and the milestones every funded
// project is monitored by. It is plain data; [NewBudget] validates it.
type BudgetSpec struct {
	// Process is the engagement process; its Phases must be empty: the
	// calendar sets them.
	Process engagement.ProcessSpec
	// Calendar plans the phases.
	Calendar Calendar
	// Amount is the budget to spend.
	Amount decimal.Decimal
	// Meta are further META rows of the election (description, currency,
	// unit, …), and the ballot limits (max_length, min_sum_cost, …).
	Meta []Field
	// VoteType is the kind of ballot.
	VoteType VoteType
	// Form holds the voting form's rules.
	Form BallotForm
	// Rule decides which projects are funded.
	Rule Rule
	// Revote says which ballot counts when a person votes twice.
	Revote RevotePolicy
	// Verifier checks voters' claims.
	Verifier Verifier
	// Electorate is the number of people entitled to vote, 0 when unknown.
	Electorate int
	// Milestones are the steps every funded project's commitment is
	// monitored by.
	Milestones []engagement.MilestoneSpec
}

// Proposal is a project a resident proposes: the input to [Budget.Propose].
// It becomes a contribution of kind idea of the budget's process, with the
// same ID, so the process's records and figures see it.
type Proposal struct {
	// ID identifies the proposal; never Nil.
	ID uuid.UUID
	// Author is who proposes it.
	Author engagement.Participant
	// Title names the project; no surrounding spaces, line breaks, ";" or
	// quotes problems: it must be writable to a .pb file.
	Title string
	// Cost is the author's estimate; zero or more.
	Cost decimal.Decimal
	// District is the district the project is for, "" for city-wide.
	District string
	// Initiative is the ID of a participation initiative the budget took
	// up ([Budget.TakeUp]) that the proposal comes from; uuid.Nil when it
	// comes from no initiative.
	Initiative uuid.UUID
}

// Review is the feasibility review of a proposal: the input to
// [Budget.Review]. A feasible proposal goes on the ballot at the reviewed
// cost; one that is not keeps its reason for everyone to read.
type Review struct {
	// Feasible reports whether the project can go on the ballot.
	Feasible bool
	// Cost is the reviewed cost of a feasible project; zero or more.
	Cost decimal.Decimal
	// Owner is the department that would carry a feasible project out.
	Owner string
	// Reason says why a proposal is not feasible; required then.
	Reason string
	// Reviewer is the official who reviewed it; never Nil.
	Reviewer uuid.UUID
}

// Budget is a participatory budget run as an engagement process: residents
// propose projects (some of them from participation initiatives the body
// took up), the body reviews each for feasibility and gives a reason for
// every one it turns down, residents vote in a [Box], a [Rule] computes the
// outcome, and each funded project becomes a commitment of the process
// with milestones, whose progress the promise audit and the scorecards of
// the process see. Every funded project traces back to its proposal and
// the ballots that supported it ([Budget.Proposal], [Budget.Votes]).
//
// # Steps
//
//	Announce, Open          the process is announced and opens (proposal phase)
//	TakeUp, Propose         proposals come in, during the proposal phase
//	Review                  each proposal reviewed, before voting opens
//	OpenVoting              every proposal reviewed; the process closes for
//	                        contributions; the ballot opens (voting phase)
//	Box().Cast, ImportPaper the votes
//	Count                   the box closes, the rule runs, the process decides,
//	                        each funded project becomes a commitment, and each
//	                        initiative taken up is answered (results phase)
//	StartImplementation,    the commitments are carried out and monitored
//	CompleteMilestone,
//	Complete
//
// Each step checks every precondition before it changes anything, in the
// budget, its process and its box, and leaves all three as they were when
// it refuses. The process (read it through [Budget.Process]) is changed
// only through the budget.
//
// A Budget is not safe for concurrent use. The zero value is not usable
// (its methods return an error wrapping [ErrInvalid] or report nothing);
// build one with [NewBudget].
type Budget struct {
	p           *engagement.Process
	cal         Calendar
	amount      decimal.Decimal
	meta        []Field
	voteType    VoteType
	form        BallotForm
	rule        Rule
	revote      RevotePolicy
	verifier    Verifier
	electorate  int
	milestones  []engagement.MilestoneSpec
	proposals   []proposalRec
	index       map[uuid.UUID]int
	initiatives []*participation.Initiative

	box      *Box
	inst     *Instance
	election *Election
	result   *Result
}

// proposalRec is a proposal and what became of it.
type proposalRec struct {
	prop       Proposal
	at         time.Time
	reviewed   bool
	review     Review
	reviewedAt time.Time
	project    string // ID on the ballot, "" when not feasible
	votes      int64
	funded     bool
	commitment uuid.UUID
}

// NewBudget returns a draft participatory budget created at at, with its
// engagement process. It returns every problem joined: those of the
// process spec ([engagement.ProcessSpec.Validate]; spec.Process.Phases must
// be empty, [ErrInvalid]); a calendar out of order; a negative amount
// ([ErrNegativeCost]); an undeclared vote type or revote policy, an invalid
// rule ([ErrInvalidRule]), a nil verifier, a negative electorate, no
// milestones or invalid ones ([ErrInvalid]).
func NewBudget(spec BudgetSpec, at time.Time) (*Budget, error) {
	var errs []error
	if len(spec.Process.Phases) > 0 {
		errs = append(errs, errorf(ErrInvalid, "the calendar sets the phases"))
	}
	ps := spec.Process
	ps.Phases = spec.Calendar.phases()
	p, err := engagement.NewProcess(ps, at)
	if err != nil {
		errs = append(errs, err)
	}
	if spec.Amount.Sign() < 0 {
		errs = append(errs, errorf(ErrNegativeCost, "budget %s", spec.Amount))
	}
	if !spec.VoteType.IsValid() {
		errs = append(errs, errorf(ErrInvalid, "vote type %s", spec.VoteType))
	}
	if !spec.Revote.IsValid() {
		errs = append(errs, errorf(ErrInvalid, "revote policy %s", spec.Revote))
	}
	if !spec.Rule.IsValid() {
		errs = append(errs, errorf(ErrInvalidRule, "rule %s", spec.Rule))
	}
	if spec.Verifier == nil {
		errs = append(errs, errorf(ErrInvalid, "budget without a verifier"))
	}
	if spec.Electorate < 0 {
		errs = append(errs, errorf(ErrInvalid, "electorate %d", spec.Electorate))
	}
	probe := engagement.CommitmentSpec{ID: ps.ID, Action: "probe", Owner: "probe", Due: spec.Calendar.Due, Milestones: spec.Milestones}
	if err := probe.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &Budget{
		p: p, cal: spec.Calendar, amount: spec.Amount, meta: slices.Clone(spec.Meta), voteType: spec.VoteType,
		form: spec.Form, rule: spec.Rule, revote: spec.Revote, verifier: spec.Verifier, electorate: spec.Electorate,
		milestones: slices.Clone(spec.Milestones), index: map[uuid.UUID]int{},
	}, nil
}

// Process returns the budget's engagement process, for reading: its
// records, its [engagement.Process.Audit], its scorecards. Change it only
// through the budget.
func (b *Budget) Process() *engagement.Process { return b.p }

// Box returns the ballot box, nil before voting opens.
func (b *Budget) Box() *Box { return b.box }

// Election returns the counted election, nil before the count.
func (b *Budget) Election() *Election { return b.election }

// Result returns the rule's outcome, nil before the count.
func (b *Budget) Result() *Result { return b.result }

// Announce announces the process at at ([engagement.Process.Announce]).
func (b *Budget) Announce(at time.Time) error {
	if err := b.usable(); err != nil {
		return err
	}
	return b.p.Announce(at)
}

// Open opens the process for proposals at at ([engagement.Process.Open]).
func (b *Budget) Open(at time.Time) error {
	if err := b.usable(); err != nil {
		return err
	}
	return b.p.Open(at)
}

// Publish records that pub was published at at: the notice, the
// background, the feedback on the proposals, the decision, the progress
// reports the promise audit looks for ([engagement.Process.Publish]).
func (b *Budget) Publish(pub engagement.Publication, at time.Time) error {
	if err := b.usable(); err != nil {
		return err
	}
	return b.p.Publish(pub, at)
}

// TakeUp takes up a participation initiative at at, so that proposals may
// come from it; the count answers it ([engagement.Process.TakeUp] says what
// it refuses).
func (b *Budget) TakeUp(in *participation.Initiative, at time.Time) error {
	if err := b.usable(); err != nil {
		return err
	}
	if err := b.p.TakeUp(in, at); err != nil {
		return err
	}
	b.initiatives = append(b.initiatives, in)
	return nil
}

// usable returns an error wrapping [ErrInvalid] for a zero Budget, which
// has no process to change.
func (b *Budget) usable() error {
	if b == nil || b.p == nil {
		return errorf(ErrInvalid, "a zero Budget: build one with NewBudget")
	}
	return nil
}

// inPhase checks that at falls in phase k of the calendar.
func (b *Budget) inPhase(k int, at time.Time) error {
	ph := b.p.Phases()[k]
	if !ph.Active(at) {
		return errorf(ErrWrongState, "%s runs from %s to %s, not at %s", strings.ToLower(ph.Name),
			ph.Start.UTC().Format(time.DateOnly), ph.End.UTC().Format(time.DateOnly), at.UTC().Format(time.RFC3339))
	}
	return nil
}

// Propose records proposal pr at at, as a contribution of kind idea of the
// process. It refuses, changing nothing, with every reason joined: a time
// outside the proposal phase ([ErrWrongState]); a title that cannot be a
// project's name or a district that cannot be a cell ([ErrInvalid]); a
// negative cost ([ErrNegativeCost]); an initiative the budget did not take
// up ([ErrNotFound]); a proposal ID in use ([ErrDuplicate]); and whatever
// [engagement.Process.Contribute] refuses (a closed process, an author the
// eligibility rules exclude, a time out of order).
func (b *Budget) Propose(pr Proposal, at time.Time) error {
	if err := b.usable(); err != nil {
		return err
	}
	if err := errors.Join(b.checkProposal(pr, at)...); err != nil {
		return err
	}
	if err := b.p.Contribute(engagement.Submission{ID: pr.ID, Participant: pr.Author,
		Kind: engagement.ContributionKindIdea, Text: pr.Title}, at); err != nil {
		return err
	}
	b.addProposal(pr, at)
	return nil
}

// addProposal records a proposal made at at.
func (b *Budget) addProposal(pr Proposal, at time.Time) {
	b.index[pr.ID] = len(b.proposals)
	b.proposals = append(b.proposals, proposalRec{prop: pr, at: at.UTC()})
}

// checkProposal returns what is wrong with proposal pr made at at, for the
// budget (the process checks the rest): what Propose and decoding check.
func (b *Budget) checkProposal(pr Proposal, at time.Time) []error {
	var errs []error
	errs = append(errs, b.inPhase(BudgetPhaseProposals, at))
	errs = append(errs, checkText("proposal title", pr.Title, false), checkText("proposal district", pr.District, true))
	if strings.ContainsAny(pr.Title, ";\"") {
		errs = append(errs, errorf(ErrInvalid, "proposal title %q has a ';' or a quote", clip(pr.Title)))
	}
	if pr.Cost.Sign() < 0 {
		errs = append(errs, errorf(ErrNegativeCost, "proposal %q costs %s", clip(pr.Title), pr.Cost))
	}
	if pr.Initiative != uuid.Nil {
		if _, ok := b.p.Initiative(pr.Initiative); !ok {
			errs = append(errs, errorf(ErrNotFound, "initiative %s was not taken up", pr.Initiative))
		}
	}
	if _, dup := b.index[pr.ID]; dup {
		errs = append(errs, errorf(ErrDuplicate, "proposal %s", pr.ID))
	}
	return errs
}

// Review records at at the feasibility review of the proposal with ID id,
// as the process's response to it: accepted for a feasible proposal (with
// the reviewed cost), not accepted with the reason otherwise. Reviews are
// allowed until voting opens. It refuses, changing nothing: an unknown
// proposal ([ErrNotFound]); one reviewed already ([ErrDuplicate]); a
// review once voting has opened ([ErrWrongState]); a feasible review
// without an owner or with a negative cost ([ErrInvalid],
// [ErrNegativeCost]); one not feasible without a reason
// ([ErrReasonRequired]); and whatever [engagement.Process.Respond] refuses.
func (b *Budget) Review(id uuid.UUID, r Review, at time.Time) error {
	var errs []error
	i, ok := b.index[id]
	switch {
	case !ok:
		errs = append(errs, errorf(ErrNotFound, "proposal %s", id))
	case b.proposals[i].reviewed:
		errs = append(errs, errorf(ErrDuplicate, "proposal %s is reviewed already", id))
	}
	if b.box != nil {
		errs = append(errs, errorf(ErrWrongState, "voting has opened"))
	}
	resp, rerrs := reviewResponse(r)
	if err := errors.Join(append(errs, rerrs...)...); err != nil {
		return err
	}
	if err := b.p.Respond(id, resp, at); err != nil {
		return err
	}
	rec := &b.proposals[i]
	rec.reviewed, rec.review, rec.reviewedAt = true, r, at.UTC()
	return nil
}

// reviewResponse returns the process's response a review makes, and what
// is wrong with the review.
func reviewResponse(r Review) (engagement.Response, []error) {
	var errs []error
	resp := engagement.Response{Responder: r.Reviewer}
	if r.Feasible {
		errs = append(errs, checkText("review owner", r.Owner, false))
		if r.Cost.Sign() < 0 {
			errs = append(errs, errorf(ErrNegativeCost, "reviewed cost %s", r.Cost))
		}
		resp.Kind, resp.Text = engagement.ResponseKindAccepted, "Feasible, at a cost of "+decimalText(r.Cost)+"; "+r.Owner+" would carry it out."
	} else {
		if strings.TrimSpace(r.Reason) == "" {
			errs = append(errs, errorf(ErrReasonRequired, "a proposal found not feasible needs the reason"))
		}
		resp.Kind, resp.Text = engagement.ResponseKindNotAccepted, r.Reason
	}
	return resp, errs
}

// OpenVoting opens the ballot at at: it closes the process for proposals,
// builds the instance from the feasible proposals (each a project numbered
// in the order proposed, at its reviewed cost, with its district and its
// proposal's ID), and opens the box. It refuses, changing nothing: a time
// outside the voting phase or a second call ([ErrWrongState]); a proposal
// not reviewed ([ErrUnreviewed]); no feasible proposal ([ErrWrongState]);
// ballot limits in Meta that do not hold ([ErrInvalid], …); and what
// [engagement.Process.Close] refuses.
func (b *Budget) OpenVoting(at time.Time) error {
	if err := b.usable(); err != nil {
		return err
	}
	var errs []error
	if b.box != nil {
		errs = append(errs, errorf(ErrWrongState, "voting is open already"))
	} else if st := b.p.State(); st != engagement.StateOpen && st != engagement.StateClosed {
		errs = append(errs, errorf(ErrWrongState, "the process is %s", st.Text()))
	}
	box, number, err := b.newBallotBox(at)
	if err := errors.Join(append(errs, err)...); err != nil {
		return err
	}
	if b.p.State() == engagement.StateOpen {
		if err := b.p.Close(at); err != nil {
			return err
		}
	}
	for i, n := range number {
		b.proposals[i].project = n
	}
	b.inst, b.box = box.rules.inst, box
	return nil
}

// newBallotBox returns the box OpenVoting opens at at, and the project ID
// of each feasible proposal by its index: what OpenVoting and decoding
// build.
func (b *Budget) newBallotBox(at time.Time) (*Box, map[int]string, error) {
	var errs []error
	errs = append(errs, b.inPhase(BudgetPhaseVoting, at))
	var projects []Project
	number := map[int]string{}
	for i, rec := range b.proposals {
		switch {
		case !rec.reviewed:
			errs = append(errs, errorf(ErrUnreviewed, "proposal %q", clip(rec.prop.Title)))
		case rec.review.Feasible:
			number[i] = strconv.Itoa(i + 1)
			projects = append(projects, Project{ID: number[i], Cost: rec.review.Cost, Name: rec.prop.Title,
				Extra: []Field{{Key: "district", Value: rec.prop.District}, {Key: "proposal", Value: rec.prop.ID.String()}}})
		}
	}
	if len(projects) == 0 && len(b.proposals) > 0 {
		errs = append(errs, errorf(ErrWrongState, "no proposal is feasible"))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	inst, err := NewInstance(b.amount, b.voteType, projects, b.meta...)
	if err != nil {
		return nil, nil, err
	}
	rules, err := NewBallotRules(inst, b.form)
	if err != nil {
		return nil, nil, err
	}
	box, err := NewBox(BoxSpec{Rules: rules, Verifier: b.verifier, Eligibility: b.p.Rules().Eligibility,
		Revote: b.revote, Opens: at, Electorate: b.electorate})
	if err != nil {
		return nil, nil, err
	}
	return box, number, nil
}

// Count closes the box at at, counts the ballots and runs the rule, and
// records the outcome: the process decides (the outcome follows the
// public's choice, and cites the funded proposals), each funded project
// becomes a commitment with the budget's milestones, owned by the
// department its review named and due at the end of the calendar, and each
// initiative the budget took up and that is still submitted is answered:
// accepted when a project from it is funded, rejected otherwise. Commitment
// IDs are derived from the process's and the proposal's IDs (a name-based
// UUID), so that a replay gives the same records.
//
// It refuses, changing nothing: a time before the results phase, before
// voting opened or a second count ([ErrWrongState]); a time before the
// latest ballot ([ErrTimeOrder]); an error of the rule (ctx's included);
// and what [engagement.Process.Decide] refuses (too few contributors, say).
func (b *Budget) Count(ctx context.Context, at time.Time) error {
	var errs []error
	if at.Before(b.cal.Results) {
		errs = append(errs, errorf(ErrWrongState, "results are counted from %s", b.cal.Results.UTC().Format(time.DateOnly)))
	}
	if b.box == nil {
		errs = append(errs, errorf(ErrWrongState, "voting has not opened"))
	} else if b.result != nil {
		errs = append(errs, errorf(ErrWrongState, "the votes are counted already"))
	} else if !b.box.closed && representable(at) && at.UnixNano() < b.box.last {
		errs = append(errs, errorf(ErrTimeOrder, "%s is before the latest ballot", at.UTC().Format(time.RFC3339)))
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	c, err := b.count(ctx)
	if err != nil {
		return err
	}
	if err := b.p.Decide(c.decision, at); err != nil {
		return err
	}
	// From here on every step was checked: the process decided, and the
	// commitments and answers cannot be refused.
	if !b.box.closed {
		if err := b.box.Close(at); err != nil {
			return errorf(ErrInconsistent, "closing the box: %w", err)
		}
	}
	for k, i := range c.funded {
		if err := b.p.AddCommitment(c.specs[k], at); err != nil {
			return errorf(ErrInconsistent, "commitment for %q: %w", b.proposals[i].prop.Title, err)
		}
	}
	b.record(c)
	for _, in := range b.initiatives {
		if in.State() != participation.StateSubmitted {
			continue
		}
		outcome, text := b.answerFor(in.ID())
		if err := b.p.AnswerInitiative(in, outcome, text, at); err != nil {
			return errorf(ErrInconsistent, "answering initiative %q: %w", in.Title(), err)
		}
	}
	return nil
}

// counted is the outcome of a count: the election, the rule's result, the
// indexes of the funded proposals in the order funded, the commitment of
// each, and the decision.
type counted struct {
	e        *Election
	res      *Result
	funded   []int
	specs    []engagement.CommitmentSpec
	decision engagement.Decision
}

// count counts the box's ballots and runs the rule: what Count records and
// decoding checks the process against.
func (b *Budget) count(ctx context.Context) (*counted, error) {
	e, err := b.box.Election()
	if err != nil {
		return nil, err
	}
	res, err := b.rule.Run(ctx, e)
	if err != nil {
		return nil, err
	}
	c := &counted{e: e, res: res, funded: make([]int, 0, len(res.selected))}
	for _, j := range res.selected {
		c.funded = append(c.funded, b.proposalOf(e.inst.projects[j].ID))
	}
	c.specs = make([]engagement.CommitmentSpec, len(c.funded))
	shaped := make([]uuid.UUID, len(c.funded))
	for k, i := range c.funded {
		rec := &b.proposals[i]
		shaped[k] = rec.prop.ID
		c.specs[k] = engagement.CommitmentSpec{ID: uuid.NewSHA1(b.p.ID(), []byte("commitment/"+rec.prop.ID.String())),
			Action: rec.prop.Title, Owner: rec.review.Owner, Due: b.cal.Due, Milestones: b.milestones, ShapedBy: []uuid.UUID{rec.prop.ID}}
		if err := c.specs[k].Validate(); err != nil {
			return nil, err
		}
	}
	c.decision = engagement.Decision{Outcome: b.outcomeText(res, c.funded), Rationale: b.rationaleText(e, res),
		ShapedBy: shaped, FollowsPublicChoice: true}
	return c, nil
}

// record records a count's outcome in the budget's proposals.
func (b *Budget) record(c *counted) {
	for k, i := range c.funded {
		b.proposals[i].funded, b.proposals[i].commitment = true, c.specs[k].ID
	}
	b.countVotes(c.e)
	b.election, b.result = c.e, c.res
}

// proposalOf returns the index of the proposal whose project has ID id.
func (b *Budget) proposalOf(id string) int {
	n, _ := strconv.Atoi(id)
	return n - 1
}

// countVotes records each project's counted ballots.
func (b *Budget) countVotes(e *Election) {
	counts := make([]int64, e.inst.Len())
	for i := range e.prof.ids {
		for _, j := range e.prof.items[e.prof.offsets[i]:e.prof.offsets[i+1]] {
			counts[j]++
		}
	}
	for j, n := range counts {
		b.proposals[b.proposalOf(e.inst.projects[j].ID)].votes = n
	}
}

// answerFor returns the answer to an initiative: accepted when a project
// proposed from it is funded, rejected otherwise, with the projects named.
func (b *Budget) answerFor(id uuid.UUID) (participation.AnswerOutcome, string) {
	var funded, other []string
	for _, rec := range b.proposals {
		if rec.prop.Initiative != id {
			continue
		}
		if rec.funded {
			funded = append(funded, strconv.Quote(rec.prop.Title))
		} else {
			other = append(other, strconv.Quote(rec.prop.Title))
		}
	}
	switch {
	case len(funded) > 0:
		return participation.AnswerOutcomeAccepted, "Funded by the participatory budget: " + strings.Join(funded, ", ") + "."
	case len(other) > 0:
		return participation.AnswerOutcomeRejected, "Not funded by the participatory budget: " + strings.Join(other, ", ") + "."
	}
	return participation.AnswerOutcomeRejected, "No project was proposed from this initiative."
}

// outcomeText says what was funded.
func (b *Budget) outcomeText(res *Result, funded []int) string {
	titles := make([]string, len(funded))
	for k, i := range funded {
		titles[k] = b.proposals[i].prop.Title
	}
	if len(titles) == 0 {
		return "No project is funded."
	}
	return fmt.Sprintf("Fund %s for %s of %s: %s.", plural(int64(len(funded)), "project"),
		decimalText(res.spent), decimalText(b.amount), strings.Join(titles, "; "))
}

// rationaleText says how the outcome was reached.
func (b *Budget) rationaleText(e *Election, res *Result) string {
	return fmt.Sprintf("The residents decided by their votes: %s counted, turned into funded projects by the %s.",
		plural(int64(e.prof.Len()), "ballot"), res.rule.Title())
}

// StartImplementation starts carrying out the commitments at at
// ([engagement.Process.StartImplementation]).
func (b *Budget) StartImplementation(at time.Time) error {
	if err := b.usable(); err != nil {
		return err
	}
	return b.p.StartImplementation(at)
}

// CompleteMilestone records that the named milestone of the funded project
// proposed as proposal was done at at. It refuses a proposal that was not
// funded ([ErrNotFound]) and what [engagement.Process.CompleteMilestone]
// refuses.
func (b *Budget) CompleteMilestone(proposal uuid.UUID, milestone string, at time.Time) error {
	i, ok := b.index[proposal]
	if !ok || !b.proposals[i].funded {
		return errorf(ErrNotFound, "no funded project of proposal %s", proposal)
	}
	return b.p.CompleteMilestone(b.proposals[i].commitment, milestone, at)
}

// Complete completes the process at at ([engagement.Process.Complete]).
func (b *Budget) Complete(at time.Time) error {
	if err := b.usable(); err != nil {
		return err
	}
	return b.p.Complete(at)
}

// ProposalRecord is a proposal and what became of it: its review, its
// place on the ballot, its votes, whether it was funded and the commitment
// that carries it out. It is a snapshot.
type ProposalRecord struct {
	// Proposal is the proposal as made.
	Proposal Proposal
	// At is when it was made (UTC).
	At time.Time
	// Reviewed reports whether it has been reviewed.
	Reviewed bool
	// Review is its review; the zero Review before.
	Review Review
	// ReviewedAt is when it was reviewed (UTC).
	ReviewedAt time.Time
	// Project is its project ID on the ballot; "" when not feasible or
	// before voting opens.
	Project string
	// Votes is the number of counted ballots that list it; 0 before the
	// count.
	Votes int64
	// Funded reports whether the rule funded it.
	Funded bool
	// Commitment is the ID of the commitment that carries it out; uuid.Nil
	// when not funded.
	Commitment uuid.UUID
}

// Proposal returns the proposal with ID id and what became of it, and false
// when the budget has none.
func (b *Budget) Proposal(id uuid.UUID) (ProposalRecord, bool) {
	i, ok := b.index[id]
	if !ok {
		return ProposalRecord{}, false
	}
	return b.proposals[i].view(), true
}

// Proposals yields every proposal, rejected ones included, in the order
// proposed.
func (b *Budget) Proposals() iter.Seq[ProposalRecord] {
	return func(yield func(ProposalRecord) bool) {
		for i := range b.proposals {
			if !yield(b.proposals[i].view()) {
				return
			}
		}
	}
}

func (r *proposalRec) view() ProposalRecord {
	return ProposalRecord{Proposal: r.prop, At: r.at, Reviewed: r.reviewed, Review: r.review, ReviewedAt: r.reviewedAt,
		Project: r.project, Votes: r.votes, Funded: r.funded, Commitment: r.commitment}
}

// Votes yields the counted ballots that list the project of the proposal
// with ID id, in the order cast: the votes a funded project traces back
// to. It yields nothing for an unknown proposal or one not on the ballot.
func (b *Budget) Votes(id uuid.UUID) iter.Seq[BallotRecord] {
	return func(yield func(BallotRecord) bool) {
		i, ok := b.index[id]
		if !ok || b.box == nil || b.proposals[i].project == "" {
			return
		}
		j := uint16(b.inst.index[b.proposals[i].project])
		for k := range b.box.records {
			if b.box.records[k].status != uint8(BallotStatusCounted) {
				continue
			}
			lo, hi := b.box.itemRange(int32(k))
			if slices.Contains(b.box.items[lo:hi], j) && !yield(b.box.view(int32(k))) {
				return
			}
		}
	}
}
