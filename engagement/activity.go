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
		checkTime("activity.start", s.Start),
		checkTime("activity.end", s.End),
		checkOptionalText("activity.place", s.Place),
	)
	if !s.Method.IsValid() {
		errs.add(fieldErr("activity.method", s.Method.String(), ErrInvalid))
	}
	if !s.End.After(s.Start) {
		errs.add(fieldErr("activity.end", s.End.String(), ErrInvalid))
	}
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
	registered int
	attended   int
}

// attendance is one person's record at one activity; a zero time means the
// step did not happen (see stamp: valid times are never the zero time).
type attendance struct {
	participant  int32
	registeredAt int64
	attendedAt   int64
	registered   bool
	attended     bool
}

// AddActivity records the activity described by spec, planned at at. It is
// allowed in every state but the final ones and refuses, with an [*OpError]
// and every reason joined: a final state ([ErrWrongState]), a time before
// the latest change ([ErrTimeOrder]), an invalid spec (see
// [ActivitySpec.Validate]) and an ID already in use ([ErrDuplicate]).
func (p *Process) AddActivity(spec ActivitySpec, at time.Time) error {
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
	p.activities = append(p.activities, activity{spec: spec, added: utc(at), index: map[int32]int32{}})
	p.touch(at)
	return nil
}

// attendanceFor checks the shared preconditions of a registration or an
// attendance of who at the activity with ID id, at at. It returns the
// activity (nil when unknown), who's participant index (-1 for a newcomer),
// who's record at the activity (nil when none) and the errors found.
func (p *Process) attendanceFor(id uuid.UUID, who Participant, at time.Time) (*activity, int32, *attendance, problems) {
	errs := p.precheck(notFinal, at)
	pi, err := p.checkParticipant(who)
	errs.add(err)
	ai, ok := p.activityIndex[id]
	if !ok {
		errs.add(fieldErr("activity", id.String(), ErrUnknownID))
		return nil, pi, nil, errs
	}
	a := &p.activities[ai]
	if !a.spec.Method.Attended() {
		errs.add(fieldErr("activity", a.spec.Method.String(), ErrMethodMismatch))
	}
	var rec *attendance
	if k, ok := a.index[pi]; ok && pi >= 0 {
		rec = &a.attendance[k]
	}
	return a, pi, rec, errs
}

// record returns who's record at a, adding an empty one for a newcomer to
// the process or to the activity.
func (p *Process) record(a *activity, who Participant, pi int32) *attendance {
	pi = p.addParticipant(who, pi)
	k, ok := a.index[pi]
	if !ok {
		k = int32(len(a.attendance))
		a.attendance = append(a.attendance, attendance{participant: pi})
		a.index[pi] = k
	}
	return &a.attendance[k]
}

// Register records that who registered, at at, for the activity with ID id.
// Registration is open until the activity ends. It refuses, with an
// [*OpError] and every reason joined: a final state ([ErrWrongState]), a
// time before the latest change or at or after the activity's end
// ([ErrTimeOrder]), an invalid participant ([ErrInvalid]) or one whose
// profile differs from the recorded one ([ErrProfileConflict]), an unknown
// activity ([ErrUnknownID]) or one nobody attends ([ErrMethodMismatch]), and
// a second registration ([ErrDuplicate]).
func (p *Process) Register(id uuid.UUID, who Participant, at time.Time) error {
	a, pi, rec, errs := p.attendanceFor(id, who, at)
	if a != nil && !at.Before(a.spec.End) {
		errs.add(fieldErr("at", at.UTC().String(), ErrTimeOrder))
	}
	if rec != nil && rec.registered {
		errs.add(fieldErr("participant", who.ID.String(), ErrDuplicate))
	}
	if err := p.refuse("register", errs); err != nil {
		return err
	}
	rec = p.record(a, who, pi)
	rec.registered, rec.registeredAt = true, stamp(at)
	a.registered++
	p.touch(at)
	return nil
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
// ([ErrUnknownID]) or one nobody attends ([ErrMethodMismatch]), an
// unregistered person where registration is required ([ErrNotRegistered]),
// and a second attendance ([ErrDuplicate]).
func (p *Process) Attend(id uuid.UUID, who Participant, at time.Time) error {
	a, pi, rec, errs := p.attendanceFor(id, who, at)
	if a != nil {
		if at.Before(a.spec.Start) {
			errs.add(fieldErr("at", at.UTC().String(), ErrTimeOrder))
		}
		if a.spec.RegistrationRequired && (rec == nil || !rec.registered) {
			errs.add(fieldErr("participant", who.ID.String(), ErrNotRegistered))
		}
	}
	if rec != nil && rec.attended {
		errs.add(fieldErr("participant", who.ID.String(), ErrDuplicate))
	}
	if err := p.refuse("attend", errs); err != nil {
		return err
	}
	rec = p.record(a, who, pi)
	rec.attended, rec.attendedAt = true, stamp(at)
	a.attended++
	p.touch(at)
	return nil
}

// Activity returns the activity with ID id, and false when the process holds
// none.
func (p *Process) Activity(id uuid.UUID) (Activity, bool) {
	i, ok := p.activityIndex[id]
	if !ok {
		return Activity{}, false
	}
	return p.activityView(&p.activities[i]), true
}

// Activities yields the activities in the order they were added.
func (p *Process) Activities() iter.Seq[Activity] {
	return func(yield func(Activity) bool) {
		for i := range p.activities {
			if !yield(p.activityView(&p.activities[i])) {
				return
			}
		}
	}
}

func (p *Process) activityView(a *activity) Activity {
	return Activity{spec: a.spec, added: a.added, registered: a.registered, attended: a.attended}
}

// Attendance yields the registration and attendance record of every person
// at the activity with ID id, in the order they first registered or
// attended; nothing when there is no such activity.
func (p *Process) Attendance(id uuid.UUID) iter.Seq[Attendance] {
	return func(yield func(Attendance) bool) {
		i, ok := p.activityIndex[id]
		if !ok {
			return
		}
		for _, r := range p.activities[i].attendance {
			v := Attendance{Participant: p.participants[r.participant].view()}
			if r.registered {
				v.RegisteredAt = unstamp(r.registeredAt)
			}
			if r.attended {
				v.AttendedAt = unstamp(r.attendedAt)
			}
			if !yield(v) {
				return
			}
		}
	}
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
	spec                 ActivitySpec
	added                time.Time
	registered, attended int
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
func (a Activity) Registered() int { return a.registered }

// Attended returns the number of people who attended, walk-ins included.
func (a Activity) Attended() int { return a.attended }
