package engagement

import (
	"errors"
	"iter"
	"time"

	"github.com/google/uuid"
)

// ActivitySpec describes an engagement activity: a method used at a time and
// place for an audience. It is the input to [Process.AddActivity]; plain
// data.
type ActivitySpec struct {
	// ID identifies the activity; never Nil, unique among the process's
	// activities.
	ID uuid.UUID
	// Title names it, such as "Design workshop, north bank".
	Title string
	// Method is how it engages (see [Method]).
	Method Method
	// Start and End bound it: the session of a meeting, the field period of
	// a survey, the time a fact sheet is available. End must be after Start.
	Start, End time.Time
	// Place is the venue or the URL, or "".
	Place string
	// RegistrationRequired admits only registered people. It is allowed only
	// for methods people attend (see [Method.Attended]).
	RegistrationRequired bool
	// Audience is whom it is meant to reach; the zero Audience leaves it
	// unspecified.
	Audience Audience
}

// Validate reports a Nil ID, a blank title, an undeclared method, invalid
// times or an End not after Start, and an invalid place ([ErrInvalid]), and
// a registration requirement on a method nobody attends
// ([ErrMethodMismatch]), joined.
func (s ActivitySpec) Validate() error {
	var errs problems
	errs.add(
		checkID("activity.id", s.ID),
		checkText("activity.title", s.Title),
		checkEnum("activity.method", s.Method),
		checkSpan("activity", s.Start, s.End),
		checkOptionalText("activity.place", s.Place),
	)
	if s.RegistrationRequired && !s.Method.Attended() {
		errs.add(fieldErr("activity.registration_required", s.Method.String(), ErrMethodMismatch))
	}
	return errors.Join(errs...)
}

// activity is the stored form of an activity.
type activity struct {
	spec       ActivitySpec
	added      time.Time
	attendance []attendance
	index      map[int32]int32 // participant → index in attendance
	count      [2]int          // people registered, people attended
	seq        uint64          // the change that added it
}

// The two steps of attendance, indexes into attendance.at and activity.count.
const (
	registered = 0
	attended   = 1
)

// attendance is one person's record at one activity: for each step whether
// it happened and when (see stamp).
type attendance struct {
	participant int32
	at          [2]int64
	done        [2]bool
	seq         [2]uint64 // the changes that registered and marked attended
}

// AddActivity records the activity described by spec, planned at at. It is
// allowed in every state but the final ones and refuses, with an [*OpError]
// and every reason joined: a final state ([ErrWrongState]), a time before
// the latest change ([ErrTimeOrder]), an invalid spec (see
// [ActivitySpec.Validate]) and an ID already in use ([ErrDuplicate]).
func (p *Process) AddActivity(spec ActivitySpec, at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	errs := p.precheck(notFinal, at)
	errs.add(spec.Validate())
	if _, dup := p.activityIndex[spec.ID]; dup {
		errs.add(fieldErr("activity.id", spec.ID.String(), ErrDuplicate))
	}
	if err := p.refuse("add activity", errs); err != nil {
		return err
	}
	spec.Start, spec.End = utc(spec.Start), utc(spec.End)
	p.activityIndex[spec.ID] = int32(len(p.activities))
	p.activities = append(p.activities, activity{spec: spec, added: utc(at), index: map[int32]int32{}, seq: p.touch(at)})
	return nil
}

// mark records step (registered or attended) of who at the activity with
// ID id, at at, as operation op. It checks what both steps share (the
// state, the time, the participant, the activity and its method, that the
// step is not recorded twice) and then the step's own preconditions with
// check, and changes nothing unless all hold.
func (p *Process) mark(op string, step int, id uuid.UUID, who Participant, at time.Time, check func(a *activity, rec *attendance, errs *problems)) error {
	errs := p.precheck(notFinal, at)
	pi, err := p.checkParticipant(who)
	errs.add(err)
	ai, ok := p.activityIndex[id]
	var a *activity
	var rec *attendance
	if !ok {
		errs.add(fieldErr("activity", id.String(), ErrNotFound))
	} else {
		a = &p.activities[ai]
		if !a.spec.Method.Attended() {
			errs.add(fieldErr("activity", a.spec.Method.String(), ErrMethodMismatch))
		}
		if k, ok := a.index[pi]; ok && pi >= 0 {
			rec = &a.attendance[k]
		}
		if rec != nil && rec.done[step] {
			errs.add(fieldErr("participant", who.ID.String(), ErrDuplicate))
		}
		check(a, rec, &errs)
	}
	if err := p.refuse(op, errs); err != nil {
		return err
	}
	pi = p.addParticipant(who, pi)
	k, ok := a.index[pi]
	if !ok {
		k = int32(len(a.attendance))
		a.attendance = append(a.attendance, attendance{participant: pi})
		a.index[pi] = k
	}
	rec = &a.attendance[k]
	rec.done[step], rec.at[step] = true, stamp(at)
	a.count[step]++
	rec.seq[step] = p.touch(at)
	return nil
}

// Register records that who registered, at at, for the activity with ID id.
// Registration is open until the activity ends. It refuses, with an
// [*OpError] and every reason joined: a final state ([ErrWrongState]), a
// time before the latest change or at or after the activity's end
// ([ErrTimeOrder]), an invalid participant ([ErrInvalid]) or one whose
// profile differs from the recorded one ([ErrProfileConflict]), an unknown
// activity ([ErrNotFound]) or one nobody attends ([ErrMethodMismatch]), and
// a second registration ([ErrDuplicate]).
func (p *Process) Register(id uuid.UUID, who Participant, at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	return p.mark("register", registered, id, who, at, func(a *activity, _ *attendance, errs *problems) {
		if !at.Before(a.spec.End) {
			errs.add(&TimeOrderError{Field: "at", At: at, Blocker: "the end of the activity", BlockerAt: a.spec.End, Err: ErrTimeOrder})
		}
	})
}

// Attend records that who attended the activity with ID id, checked in at
// at, which must not be before the activity starts.
//
// When the activity requires registration only registered people are
// admitted; otherwise anyone may attend, and an attendee who did not
// register is a walk-in ([Attendance.WalkIn]). Attend refuses, with an
// [*OpError] and every reason joined: a final state ([ErrWrongState]), a
// time before the latest change or the activity's start ([ErrTimeOrder]),
// an invalid participant ([ErrInvalid]) or one whose profile differs from
// the recorded one ([ErrProfileConflict]), an unknown activity
// ([ErrNotFound]) or one nobody attends ([ErrMethodMismatch]), an
// unregistered person where registration is required ([ErrNotRegistered]),
// and a second attendance ([ErrDuplicate]).
func (p *Process) Attend(id uuid.UUID, who Participant, at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	return p.mark("attend", attended, id, who, at, func(a *activity, rec *attendance, errs *problems) {
		if at.Before(a.spec.Start) {
			errs.add(&TimeOrderError{Field: "at", At: at, Blocker: "the start of the activity", BlockerAt: a.spec.Start, Err: ErrTimeOrder})
		}
		if a.spec.RegistrationRequired && (rec == nil || !rec.done[registered]) {
			errs.add(fieldErr("participant", who.ID.String(), ErrNotRegistered))
		}
	})
}

// Activity returns the activity with ID id, and false when the process holds
// none.
func (p *Process) Activity(id uuid.UUID) (Activity, bool) {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return lookup(p.activityIndex, p.activities, id, p.activityView)
}

// Activities yields the activities in the order they were added.
func (p *Process) Activities() iter.Seq[Activity] {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return guardSeq(&p.use, seqMap(p.activities, p.activityView))
}

func (p *Process) activityView(a *activity) Activity {
	return Activity{spec: a.spec, added: a.added, count: a.count}
}

// Attendance yields the registration and attendance record of every person
// at the activity with ID id, in the order they first registered or
// attended; nothing when there is no such activity.
func (p *Process) Attendance(id uuid.UUID) iter.Seq[Attendance] {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	var recs []attendance
	if i, ok := p.activityIndex[id]; ok {
		recs = p.activities[i].attendance
	}
	return guardSeq(&p.use, seqMap(recs, p.attendanceView))
}

func (p *Process) attendanceView(r *attendance) Attendance {
	v := Attendance{Participant: p.participants[r.participant].view()}
	if r.done[registered] {
		v.RegisteredAt = unstamp(r.at[registered])
	}
	if r.done[attended] {
		v.AttendedAt = unstamp(r.at[attended])
	}
	return v
}

// Attendance is one person's record at one activity: who, and when they
// registered and attended (the zero time for a step that did not happen).
type Attendance struct {
	// Participant is the person, with their profile.
	Participant Participant
	// RegisteredAt is when they registered (UTC), or the zero time.
	RegisteredAt time.Time
	// AttendedAt is when they checked in (UTC), or the zero time.
	AttendedAt time.Time
}

// Registered reports whether the person registered.
func (a Attendance) Registered() bool { return !a.RegisteredAt.IsZero() }

// Attended reports whether the person attended.
func (a Attendance) Attended() bool { return !a.AttendedAt.IsZero() }

// WalkIn reports whether the person attended without registering.
func (a Attendance) WalkIn() bool { return a.Attended() && !a.Registered() }

// Activity is an activity as the process holds it: its spec, when it was
// added, and its registration and attendance counts. It is a snapshot: later
// changes to the process do not show in it.
//
// The zero value is an empty view with a Nil ID.
type Activity struct {
	spec  ActivitySpec
	added time.Time
	count [2]int
}

// ID returns the activity's ID.
func (a Activity) ID() uuid.UUID { return a.spec.ID }

// Title returns its title.
func (a Activity) Title() string { return a.spec.Title }

// Method returns its method.
func (a Activity) Method() Method { return a.spec.Method }

// Start returns when it starts (UTC).
func (a Activity) Start() time.Time { return a.spec.Start }

// End returns when it ends (UTC).
func (a Activity) End() time.Time { return a.spec.End }

// Place returns its venue or URL, or "".
func (a Activity) Place() string { return a.spec.Place }

// RegistrationRequired reports whether only registered people may attend.
func (a Activity) RegistrationRequired() bool { return a.spec.RegistrationRequired }

// Audience returns whom it is meant to reach.
func (a Activity) Audience() Audience { return a.spec.Audience }

// AddedAt returns when it was added to the process (UTC).
func (a Activity) AddedAt() time.Time { return a.added }

// Registered returns the number of people who registered.
func (a Activity) Registered() int { return a.count[registered] }

// Attended returns the number of people who attended, walk-ins included.
func (a Activity) Attended() int { return a.count[attended] }
