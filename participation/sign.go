package participation

import (
	"fmt"
	"iter"
	"time"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
)

// Support is one supporter's signature: who, their pseudonymous profile as
// given when signing, the channel and the signing time (in UTC, to the
// nanosecond). The zero value is no support.
type Support struct {
	// Person is the supporter's ID.
	Person uuid.UUID `json:"person"`
	// Profile is what the supporter's eligibility was checked against and
	// what representativeness is measured on.
	Profile stakeholder.Profile `json:"profile"`
	// Channel is how the signature was collected.
	Channel SigningMethod `json:"channel"`
	// At is when the supporter signed.
	At time.Time `json:"at"`
}

// gate is an initiative's rules compiled for the signing path: flat fields,
// times as Unix nanoseconds, areas as indexes into the support store.
// Without rules it accepts everyone through both channels at any time and
// has no threshold.
type gate struct {
	rules           bool
	threshold       int
	channels        uint8 // bit c set: Channel c accepted
	windowed        bool
	start, end      int64
	minAge          int
	residentsOnly   bool
	areaOK          []bool // by area index; nil: every area
	need            []areaNeed
	allowWithdrawal bool
}

// areaNeed is a per-area threshold with its area interned.
type areaNeed struct {
	area      uint16
	threshold int
}

// openGate is the gate of an initiative without rules.
func openGate() gate {
	return gate{channels: 1<<SigningMethodOnline | 1<<SigningMethodOffline, allowWithdrawal: true}
}

// contains reports whether t is inside the gate's window (always without
// one).
func (g *gate) contains(t time.Time) bool {
	if !g.windowed {
		return true
	}
	ns := t.UnixNano()
	return ns >= g.start && ns < g.end
}

// closedBy reports whether the gate's window has closed by t; a gate
// without a window never closes.
func (g *gate) closedBy(t time.Time) bool { return g.windowed && t.UnixNano() >= g.end }

// compile returns the gate for valid rules r, interning r's areas in s.
// Validate bounds the number of areas so that interning cannot fail.
func compile(r *SupportRules, s *store) gate {
	g := openGate()
	g.rules = true
	g.threshold = r.Threshold
	if len(r.Channels) > 0 {
		g.channels = 0
		for _, c := range r.Channels {
			g.channels |= 1 << c
		}
	}
	if !r.Window.IsZero() {
		g.windowed = true
		g.start, g.end = r.Window.Start.UnixNano(), r.Window.End.UnixNano()
	}
	g.minAge = r.MinAge
	g.residentsOnly = r.ResidentsOnly
	g.allowWithdrawal = r.AllowWithdrawal
	if len(r.Areas) > 0 {
		for _, a := range r.Areas {
			// Cannot fail: Validate bounds the number of areas.
			_, _, _ = s.intern(a, "")
		}
		g.areaOK = make([]bool, len(s.areas))
		for _, a := range r.Areas {
			g.areaOK[s.areaIdx[a]] = true
		}
	}
	for _, t := range r.AreaThresholds {
		a, _, _ := s.intern(t.Area, "")
		g.need = append(g.need, areaNeed{area: a, threshold: t.Threshold})
	}
	return g
}

// Sign records person's support through channel ch at time at, with the
// profile their eligibility is checked against. Signing is idempotent per
// person: a second signature is refused with [ErrAlreadySigned] and the
// count does not move. The checks, in order, each a reason for refusal:
//
//   - the initiative is open ([ErrWrongState]);
//   - person is not uuid.Nil and ch is declared ([ErrInvalid]), and p is valid
//     ([stakeholder.ErrInvalidProfile]);
//   - person has not signed ([ErrAlreadySigned]);
//   - the rules accept ch ([ErrChannelNotAccepted]);
//   - at is inside the signature window and not before the initiative
//     opened ([ErrOutsideWindow]);
//   - p is eligible: old enough ([ErrTooYoung]), from a listed area
//     ([ErrOutsideArea]), a resident if required ([ErrNotResident]), all
//     wrapping [ErrNotEligible];
//   - the support store can index p's area and sex
//     ([ErrTooManyCategories]).
//
// Every refusal but the first is a [*SupportError] naming person, and
// leaves the initiative unchanged. A signature that brings progress to a
// new milestone records it in the history ([EventMilestone]). Signing does
// not qualify the initiative: call [Initiative.Qualify] when
// [Initiative.ThresholdMet] reports true (or on the 100 % milestone).
//
// Sign does not allocate once the store has room, and is not safe for
// concurrent use (see [Initiative]).
func (in *Initiative) Sign(person uuid.UUID, p stakeholder.Profile, ch SigningMethod, at time.Time) error {
	in.use.BeginWrite(misuse)
	defer in.use.EndWrite()
	return in.sign(person, p, ch, at)
}

// sign is [Initiative.Sign] without the guard, for [Initiative.Import].
func (in *Initiative) sign(person uuid.UUID, p stakeholder.Profile, ch SigningMethod, at time.Time) error {
	if in.state != StateOpen {
		return wrongState("sign", in.state)
	}
	r, err := in.admit(person, p, ch, at)
	if err == nil {
		err = in.accept(r, p)
	}
	if err != nil {
		return &SupportError{Person: person, Err: err}
	}
	in.advance()
	return nil
}

// admit checks one signature against everything but the state and returns
// its record, areas and sexes not yet interned.
func (in *Initiative) admit(person uuid.UUID, p stakeholder.Profile, ch SigningMethod, at time.Time) (support, error) {
	switch {
	case person == uuid.Nil:
		return support{}, &FieldError{Field: "person", Value: person.String(), Err: ErrInvalid}
	case !ch.IsValid():
		return support{}, undeclared("channel", ch)
	}
	if err := p.Validate(); err != nil {
		return support{}, err
	}
	if _, dup := in.supports.lookup(person); dup {
		return support{}, ErrAlreadySigned
	}
	g := &in.gate
	if g.channels&(1<<ch) == 0 {
		return support{}, &FieldError{Field: "channel", Value: ch.String() + " " + oneOf(in.rules.Channels), Err: ErrChannelNotAccepted}
	}
	if at.Before(in.opened) {
		return support{}, &TimeOrderError{Field: "at", At: at, Blocker: "the opening", BlockerAt: in.opened, Err: ErrOutsideWindow}
	}
	if !inNanoRange(at) || !g.contains(at) {
		return support{}, &FieldError{Field: "at", Value: at.Format(time.RFC3339Nano) + " " + in.window(), Err: ErrOutsideWindow}
	}
	if err := in.eligible(p); err != nil {
		return support{}, err
	}
	return support{person: person, at: at.UnixNano(), age: uint8(p.AgeBand), channel: uint8(ch), resident: p.Resident}, nil
}

// eligible checks p against the rules' eligibility: age, area, residency.
// Each refusal is a [*FieldError] naming the profile field and saying what
// the rules accept.
func (in *Initiative) eligible(p stakeholder.Profile) error {
	g := &in.gate
	if g.minAge > 0 && !p.AgeBand.AtLeast(g.minAge) {
		value := fmt.Sprintf("%s (want an age band entirely at or above %d)", quote(p.AgeBand.Label()), g.minAge)
		if p.AgeBand == 0 {
			return &FieldError{Field: "profile.age_band", Value: value, Err: ErrAgeUnknown}
		}
		return &FieldError{Field: "profile.age_band", Value: value, Err: ErrTooYoung}
	}
	if g.areaOK != nil {
		a, ok := in.supports.areaIdx[p.Area]
		if !ok || int(a) >= len(g.areaOK) || !g.areaOK[a] {
			return &FieldError{Field: "profile.area", Value: quote(p.Area) + " " + oneOf(in.rules.Areas), Err: ErrOutsideArea}
		}
	}
	if g.residentsOnly && !p.Resident {
		return &FieldError{Field: "profile.resident", Value: "false (residents only)", Err: ErrNotResident}
	}
	return nil
}

// accept interns r's profile labels and stores r.
func (in *Initiative) accept(r support, p stakeholder.Profile) error {
	var err error
	if r.area, r.sex, err = in.supports.intern(p.Area, p.Sex); err != nil {
		return err
	}
	in.supports.add(r)
	in.latest = latestOf(in.latest, time.Unix(0, r.at).UTC())
	return nil
}

// advance records every milestone that progress has newly reached. A
// milestone is dated with the latest signing time among the signatures
// recorded so far (see Milestones on [Initiative]): the earliest time by
// which every signature it counts had been given, never before an earlier
// milestone.
func (in *Initiative) advance() {
	for in.quarters < 4 && in.meets(in.quarters+1) {
		in.record(HistoryEntry{Kind: EventMilestone, At: in.latest, Percent: 25 * (in.quarters + 1)})
	}
}

// meets reports whether every requirement has reached q quarters of its
// threshold: count ≥ q/4 · threshold, compared in integers as 4·count ≥
// q·threshold.
func (in *Initiative) meets(q int) bool {
	g := &in.gate
	if !g.rules || 4*in.supports.len() < q*g.threshold {
		return false
	}
	for _, n := range g.need {
		if 4*in.supports.areaCount[n.area] < q*n.threshold {
			return false
		}
	}
	return true
}

// WithdrawSupport removes person's support. It is allowed only while the
// initiative is open ([ErrWrongState]) and when
// the rules allow withdrawal ([ErrWithdrawalNotAllowed]; without rules it
// is allowed). Other refusals, each a [*SupportError] that leaves the
// initiative unchanged: person is uuid.Nil ([ErrInvalid]), has no support
// ([ErrNotSigned]), at is before their signature ([ErrTimeOrder]) or
// outside the window ([ErrOutsideWindow]: once the window closes the count
// is final). The withdrawn support is forgotten, profile included, and the
// person may sign again; milestones already recorded stay.
func (in *Initiative) WithdrawSupport(person uuid.UUID, at time.Time) error {
	in.use.BeginWrite(misuse)
	defer in.use.EndWrite()
	if in.state != StateOpen {
		return wrongState("withdraw a support", in.state)
	}
	pos, err := in.withdrawable(person, at)
	if err != nil {
		return &SupportError{Person: person, Err: err}
	}
	in.supports.remove(pos)
	return nil
}

// withdrawable checks a withdrawal and returns the support's position.
func (in *Initiative) withdrawable(person uuid.UUID, at time.Time) (int, error) {
	if person == uuid.Nil {
		return 0, &FieldError{Field: "person", Value: person.String(), Err: ErrInvalid}
	}
	if !in.gate.allowWithdrawal {
		return 0, ErrWithdrawalNotAllowed
	}
	pos, ok := in.supports.lookup(person)
	if !ok {
		return 0, ErrNotSigned
	}
	if signed := time.Unix(0, in.supports.recs[pos].at).UTC(); at.Before(signed) {
		return 0, &TimeOrderError{Field: "at", At: at, Blocker: "the signature", BlockerAt: signed, Err: ErrTimeOrder}
	}
	if err := checkTime("at", at); err != nil {
		return 0, err
	}
	if in.gate.closedBy(at) {
		return 0, &FieldError{Field: "at", Value: at.Format(time.RFC3339Nano) + " " + in.window(), Err: ErrOutsideWindow}
	}
	return pos, nil
}

// Count returns the number of supports.
func (in *Initiative) Count() int {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return in.supports.len()
}

// Signed returns person's support and true, or false if they have none.
func (in *Initiative) Signed(person uuid.UUID) (Support, bool) {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	pos, ok := in.supports.lookup(person)
	if !ok {
		return Support{}, false
	}
	return in.supports.export(in.supports.recs[pos]), true
}

// Supports yields every support in storage order: signing order, except
// that a withdrawal moves the last support into the place it frees. The
// initiative must not change during the iteration: a change panics (see
// Concurrency on [Initiative]).
func (in *Initiative) Supports() iter.Seq[Support] {
	return func(yield func(Support) bool) {
		in.use.BeginRead(misuse)
		defer in.use.EndRead()
		for _, r := range in.supports.recs {
			if !yield(in.supports.export(r)) {
				return
			}
		}
	}
}

// ThresholdMet reports whether the supports meet the overall threshold and
// every per-area threshold, so that [Initiative.Qualify] would succeed on
// the count. Without rules it is false.
func (in *Initiative) ThresholdMet() bool {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return in.meets(4)
}

// Milestone returns the highest progress milestone recorded: 0, 25, 50, 75
// or 100 (percent).
func (in *Initiative) Milestone() int {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return 25 * in.quarters
}

// Requirement is one threshold an initiative must meet and how far it is:
// the overall threshold (Area "") or one area's. The zero value is an
// unnamed requirement of nothing.
type Requirement struct {
	// Area is the area the threshold counts, or "" for the overall
	// threshold, which counts every supporter.
	Area string
	// Threshold is the number of supports needed.
	Threshold int
	// Count is the number of supports counted.
	Count int
}

// Met reports whether Count has reached Threshold.
func (r Requirement) Met() bool { return r.Count >= r.Threshold }

// Progress returns Count/Threshold as an exact ratio; it may exceed 1 once
// the threshold is passed. A requirement with no threshold is undefined.
func (r Requirement) Progress() metrics.Ratio {
	p, err := metrics.NewRatio(int64(r.Count), int64(r.Threshold))
	if err != nil {
		// Only a negative threshold, which no valid rules hold, fails: it
		// has no meaningful progress either.
		return metrics.Ratio{}
	}
	return p
}

// Requirements returns the overall requirement first and then one per area
// threshold, in the rules' order; nil without rules.
func (in *Initiative) Requirements() []Requirement {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	return in.requirements()
}

// requirements is [Initiative.Requirements] without the guard.
func (in *initiative) requirements() []Requirement {
	if in.rules == nil {
		return nil
	}
	out := []Requirement{{Threshold: in.rules.Threshold, Count: in.supports.len()}}
	for _, n := range in.gate.need {
		out = append(out, Requirement{
			Area:      in.supports.areas[n.area],
			Threshold: n.threshold,
			Count:     in.supports.areaCount[n.area],
		})
	}
	return out
}
