package engagement

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"time"

	"github.com/civitas-go/civitas/metrics"
	"github.com/google/uuid"
)

// Limits of a commitment's milestones: enough for any real plan, small
// enough that weighted sums never overflow.
const (
	// MaxMilestones is the largest number of milestones of one commitment.
	MaxMilestones = 1000
	// MaxMilestoneWeight is the largest weight of one milestone.
	MaxMilestoneWeight = 1_000_000
)

// MilestoneSpec is one planned step of a commitment: a name unique within
// the commitment and a weight, its share of the work.
type MilestoneSpec struct {
	// Name names the step, such as "Tender awarded". Never blank.
	Name string
	// Weight is the step's share of the commitment's work, 1 to
	// [MaxMilestoneWeight]; progress is the done weight over the total.
	Weight int
}

// CommitmentSpec is an action the body commits to after its decision: the
// input to [Process.AddCommitment]. It is plain data.
type CommitmentSpec struct {
	// ID identifies the commitment; never Nil, unique in the process.
	ID uuid.UUID
	// Action says what will be done, such as "Build a play area by the
	// river".
	Action string
	// Owner names who answers for it: a department or an office.
	Owner string
	// Due is when it is to be done.
	Due time.Time
	// Milestones are its steps, 1 to [MaxMilestones], names unique.
	Milestones []MilestoneSpec
	// ShapedBy lists the IDs of the contributions that shaped it, each once.
	ShapedBy []uuid.UUID
}

// Validate reports every problem with the spec that does not need the
// process, joined: a Nil ID, a blank action or owner, an invalid due time,
// no or too many milestones, and a milestone with a blank or repeated name
// or a weight outside 1–[MaxMilestoneWeight]. The errors wrap [ErrInvalid],
// [ErrDuplicate] or [ErrLimit].
func (s CommitmentSpec) Validate() error {
	var errs problems
	errs.add(
		checkID("commitment.id", s.ID),
		checkText("commitment.action", s.Action),
		checkText("commitment.owner", s.Owner),
		checkTime("commitment.due", s.Due),
	)
	switch n := len(s.Milestones); {
	case n == 0:
		errs.add(fieldErr("commitment.milestones", "0", ErrInvalid))
	case n > MaxMilestones:
		errs.add(fieldErr("commitment.milestones", strconv.Itoa(n), ErrLimit))
	}
	names := make(map[string]struct{}, len(s.Milestones))
	for i, m := range s.Milestones {
		f := fmt.Sprintf("commitment.milestones[%d]", i)
		_, dup := names[m.Name]
		if err := checkText(f+".name", m.Name); err != nil {
			errs.add(err)
		} else if dup {
			errs.add(fieldErr(f+".name", m.Name, ErrDuplicate))
		}
		names[m.Name] = struct{}{}
		if m.Weight < 1 || m.Weight > MaxMilestoneWeight {
			errs.add(fieldErr(f+".weight", strconv.Itoa(m.Weight), ErrInvalid))
		}
	}
	return errors.Join(errs...)
}

// Milestone is a step of a commitment as the process holds it.
type Milestone struct {
	// Name names the step.
	Name string `json:"name"`
	// Weight is its share of the commitment's work.
	Weight int `json:"weight"`
	// DoneAt is when it was done (UTC), or the zero time.
	DoneAt time.Time `json:"done_at,omitzero"`
}

// Done reports whether the step is done.
func (m Milestone) Done() bool { return !m.DoneAt.IsZero() }

// CommitmentStatus is where a commitment stands, derived from its milestones
// and whether it was dropped.
//
// The zero value is invalid. CommitmentStatus's text form is its lowercase
// name.
type CommitmentStatus int

// The statuses of a commitment.
const (
	// CommitmentStatusPlanned: no milestone is done yet.
	CommitmentStatusPlanned CommitmentStatus = iota + 1
	// CommitmentStatusInProgress: some milestones are done.
	CommitmentStatusInProgress
	// CommitmentStatusDone: every milestone is done.
	CommitmentStatusDone
	// CommitmentStatusDropped: abandoned, with a reason.
	CommitmentStatusDropped
)

// commitment is the stored form of a commitment.
type commitment struct {
	spec       CommitmentSpec // ShapedBy and Milestones are not kept here
	milestones []Milestone
	shaped     []int32
	added      time.Time
	dropped    time.Time // zero unless dropped
	dropReason string
	seq        uint64   // the change that added it
	doneSeq    []uint64 // parallel to milestones: the changes that completed them
	dropSeq    uint64
}

// closed reports whether the commitment is done or dropped.
func (c *commitment) closed() bool {
	return !c.dropped.IsZero() || !slices.ContainsFunc(c.milestones, func(m Milestone) bool { return !m.Done() })
}

// AddCommitment records the commitment described by spec, made at at, once
// the process is decided (or implementing). It refuses, with an [*OpError]
// and every reason joined: another state ([ErrWrongState]), a time before
// the latest change ([ErrTimeOrder]), an invalid spec (see
// [CommitmentSpec.Validate]), an ID already in use ([ErrDuplicate]) and a
// cited contribution the process does not hold ([ErrNotFound]).
func (p *Process) AddCommitment(spec CommitmentSpec, at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	errs := p.precheck(onceDecided, at)
	c := p.checkCommitment(spec, &errs)
	if err := p.refuse("add commitment", errs); err != nil {
		return err
	}
	c.added = utc(at)
	c.seq = p.touch(at)
	p.appendCommitment(c)
	return nil
}

// checkCommitment validates spec against the process, adding what it finds
// to errs, and returns its stored form (without its time).
func (p *Process) checkCommitment(spec CommitmentSpec, errs *problems) commitment {
	errs.add(spec.Validate())
	if _, dup := p.commitIndex[spec.ID]; dup {
		errs.add(fieldErr("commitment.id", spec.ID.String(), ErrDuplicate))
	}
	shaped := p.resolve("commitment.shaped_by", spec.ShapedBy, errs)
	ms := make([]Milestone, len(spec.Milestones))
	for i, m := range spec.Milestones {
		ms[i] = Milestone{Name: m.Name, Weight: m.Weight}
	}
	spec.Due = utc(spec.Due)
	spec.Milestones, spec.ShapedBy = nil, nil
	return commitment{spec: spec, milestones: ms, shaped: shaped, doneSeq: make([]uint64, len(ms))}
}

func (p *Process) appendCommitment(c commitment) {
	p.commitIndex[c.spec.ID] = int32(len(p.commitments))
	p.commitments = append(p.commitments, c)
}

// CompleteMilestone records that the named milestone of the commitment with
// ID id was done at at, while the process is implementing. It refuses, with
// an [*OpError] and every reason joined: another state ([ErrWrongState]), a
// time before the latest change ([ErrTimeOrder]), an unknown commitment or
// milestone ([ErrNotFound]), a dropped commitment ([ErrCommitmentClosed])
// and a milestone already done ([ErrDuplicate]).
func (p *Process) CompleteMilestone(id uuid.UUID, milestone string, at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	errs := p.precheck(whileImplement, at)
	c, err := p.openCommitment(id)
	errs.add(err)
	k := -1
	if c != nil {
		k = slices.IndexFunc(c.milestones, func(m Milestone) bool { return m.Name == milestone })
		switch {
		case k < 0:
			errs.add(fieldErr("milestone", milestone, ErrNotFound))
		case c.milestones[k].Done():
			errs.add(fieldErr("milestone", milestone, ErrDuplicate))
		}
	}
	if err := p.refuse("complete milestone", errs); err != nil {
		return err
	}
	c.milestones[k].DoneAt = utc(at)
	c.doneSeq[k] = p.touch(at)
	return nil
}

// openCommitment returns the commitment with ID id, with an error when it is
// unknown or dropped. A done commitment is returned without error: whether
// that is a problem is the caller's to say.
func (p *Process) openCommitment(id uuid.UUID) (*commitment, error) {
	i, ok := p.commitIndex[id]
	if !ok {
		return nil, fieldErr("commitment", id.String(), ErrNotFound)
	}
	c := &p.commitments[i]
	if !c.dropped.IsZero() {
		return c, fieldErr("commitment", id.String(), ErrCommitmentClosed)
	}
	return c, nil
}

// DropCommitment records at at that the commitment with ID id is abandoned,
// for the given reason, once the process is decided (or implementing). It
// refuses, with an [*OpError] and every reason joined: another state
// ([ErrWrongState]), a time before the latest change ([ErrTimeOrder]), an
// unknown commitment ([ErrNotFound]), one already done or dropped
// ([ErrCommitmentClosed]) and a blank reason ([ErrReasonRequired]).
func (p *Process) DropCommitment(id uuid.UUID, reason string, at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	errs := p.precheck(onceDecided, at)
	errs.add(checkReason("reason", reason))
	c, err := p.openCommitment(id)
	if err == nil && c.closed() {
		err = fieldErr("commitment", id.String(), ErrCommitmentClosed)
	}
	errs.add(err)
	if err := p.refuse("drop commitment", errs); err != nil {
		return err
	}
	c.dropped, c.dropReason = utc(at), reason
	c.dropSeq = p.touch(at)
	return nil
}

// Commitment returns the commitment with ID id, and false when the process
// holds none.
func (p *Process) Commitment(id uuid.UUID) (Commitment, bool) {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return lookup(p.commitIndex, p.commitments, id, p.commitmentView)
}

// Commitments yields the commitments in the order they were made.
func (p *Process) Commitments() iter.Seq[Commitment] {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return guardSeq(&p.use, seqMap(p.commitments, p.commitmentView))
}

// CommitmentInputs yields the contributions the commitment with ID id cites;
// nothing when there is no such commitment.
func (p *Process) CommitmentInputs(id uuid.UUID) iter.Seq[Contribution] {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	var idx []int32
	if i, ok := p.commitIndex[id]; ok {
		idx = p.commitments[i].shaped
	}
	return guardSeq(&p.use, p.contributionsAt(idx))
}

func (p *Process) commitmentView(c *commitment) Commitment {
	return Commitment{
		spec:       c.spec,
		milestones: slices.Clone(c.milestones),
		shapedBy:   p.ids(c.shaped),
		added:      c.added,
		dropped:    c.dropped,
		dropReason: c.dropReason,
	}
}

// Commitment is a commitment as the process holds it: the action, its owner
// and due date, its milestones and their progress, the contributions that
// shaped it, and whether it was dropped. It is what residents monitor. It is
// a snapshot: later changes to the process do not show in it.
//
// The zero value is an empty view with a Nil ID.
type Commitment struct {
	spec       CommitmentSpec
	milestones []Milestone
	shapedBy   []uuid.UUID
	added      time.Time
	dropped    time.Time
	dropReason string
}

// ID returns the commitment's ID.
func (c Commitment) ID() uuid.UUID { return c.spec.ID }

// Action returns what will be done.
func (c Commitment) Action() string { return c.spec.Action }

// Owner returns who answers for it.
func (c Commitment) Owner() string { return c.spec.Owner }

// Due returns when it is to be done (UTC).
func (c Commitment) Due() time.Time { return c.spec.Due }

// AddedAt returns when it was made (UTC).
func (c Commitment) AddedAt() time.Time { return c.added }

// Milestones returns a copy of its milestones, in plan order.
func (c Commitment) Milestones() []Milestone { return slices.Clone(c.milestones) }

// ShapedBy returns the IDs of the contributions that shaped it.
func (c Commitment) ShapedBy() []uuid.UUID { return slices.Clone(c.shapedBy) }

// DroppedAt returns when it was dropped (UTC), or the zero time.
func (c Commitment) DroppedAt() time.Time { return c.dropped }

// DropReason returns why it was dropped, or "".
func (c Commitment) DropReason() string { return c.dropReason }

// Status returns where the commitment stands: dropped, done (every milestone
// done), in progress (some done) or planned (none done); 0 for the zero
// Commitment.
func (c Commitment) Status() CommitmentStatus {
	done := 0
	for _, m := range c.milestones {
		if m.Done() {
			done++
		}
	}
	switch {
	case !c.dropped.IsZero():
		return CommitmentStatusDropped
	case len(c.milestones) == 0:
		return 0
	case done == len(c.milestones):
		return CommitmentStatusDone
	case done > 0:
		return CommitmentStatusInProgress
	}
	return CommitmentStatusPlanned
}

// Progress returns the weighted progress: the weight of the done milestones
// over the total weight, an exact ratio (see [metrics.Ratio] for its value
// and percentage). A dropped commitment keeps the progress it had made. The
// zero Commitment has the undefined ratio 0/0.
//
// Example: milestones weighted 1, 3 and 6 with the first two done give 4/10,
// "40.00 %".
func (c Commitment) Progress() metrics.Ratio {
	var done, total int64
	for _, m := range c.milestones {
		total += int64(m.Weight)
		if m.Done() {
			done += int64(m.Weight)
		}
	}
	// Cannot fail: weights are positive, so 0 ≤ done ≤ total.
	r, _ := metrics.NewProportion(done, total)
	return r
}

// DoneAt returns when the last milestone was done, and false unless every
// milestone is done and the commitment was not dropped.
func (c Commitment) DoneAt() (time.Time, bool) {
	if c.Status() != CommitmentStatusDone {
		return time.Time{}, false
	}
	var last time.Time
	for _, m := range c.milestones {
		if m.DoneAt.After(last) {
			last = m.DoneAt
		}
	}
	return last, true
}

// Overdue reports whether, at t, the commitment is past its due date and
// neither done nor dropped.
func (c Commitment) Overdue(t time.Time) bool {
	s := c.Status()
	return (s == CommitmentStatusPlanned || s == CommitmentStatusInProgress) && t.After(c.spec.Due)
}
