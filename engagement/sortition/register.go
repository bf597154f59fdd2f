package sortition

import (
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
)

// ParticipantMap says how a selected respondent becomes a participant of
// an engagement process: the participant's ID is derived from the
// respondent's ID under a namespace (uuid.NewSHA1, so the same respondent
// always gets the same ID and the pool's IDs stay pseudonymous), and the
// profile is filled from the named features. The zero value maps no
// feature and has a Nil namespace, which [ParticipantMap.Participant]
// refuses.
type ParticipantMap struct {
	// Namespace is the UUID namespace of the participants' IDs; never Nil.
	Namespace uuid.UUID
	// AgeBand, Sex and Area name the features that fill the profile's
	// fields, or "" to leave a field unknown. The age band's values must
	// be stakeholder's band names ("25-34", "75+").
	AgeBand, Sex, Area string
	// Resident is the profile's residency for everyone selected.
	Resident bool
}

// Participant returns the participant for respondent i of pool. It
// returns [ErrInvalid] for a Nil namespace, a feature the pool does not
// have, or an age value that is not a band of stakeholder.
func (m ParticipantMap) Participant(pool *Pool, i int) (engagement.Participant, error) {
	if m.Namespace == uuid.Nil {
		return engagement.Participant{}, fieldErr("namespace", uuid.Nil.String(), ErrInvalid)
	}
	r := pool.respondents[i]
	value := func(field, feature string) (string, error) {
		if feature == "" {
			return "", nil
		}
		v, ok := pool.Value(i, feature)
		if !ok {
			return "", fieldErr(field, feature, ErrInvalid)
		}
		return v, nil
	}
	var prof stakeholder.Profile
	age, err := value("age_band", m.AgeBand)
	if err != nil {
		return engagement.Participant{}, err
	}
	if age != "" {
		if prof.AgeBand, err = stakeholder.ParseAgeBand(age); err != nil {
			return engagement.Participant{}, fieldErr("respondents["+r.ID+"].age_band", age, errors.Join(ErrInvalid, err))
		}
	}
	if prof.Sex, err = value("sex", m.Sex); err != nil {
		return engagement.Participant{}, err
	}
	if prof.Area, err = value("area", m.Area); err != nil {
		return engagement.Participant{}, err
	}
	prof.Resident = m.Resident
	return engagement.Participant{ID: uuid.NewSHA1(m.Namespace, []byte(r.ID)), Profile: prof}, nil
}

// Register registers every member of panel (respondent IDs of pool) for
// the activity with ID activityID of process p, at at, through
// [engagement.Process.Register], as the participants m maps them to. The
// activity must be a citizens' assembly or a citizens' panel.
//
// It checks first, and changes nothing when a check fails: the activity
// exists ([ErrNotFound]) and uses [engagement.MethodCitizensAssembly] or
// [engagement.MethodCitizensPanel] ([ErrInvalid]); every ID is in the pool
// ([ErrNotFound]) and given once ([ErrDuplicate]); every participant can
// be built (see [ParticipantMap.Participant]) and is valid, not yet
// registered for the activity ([ErrDuplicate]) and, when the process
// already knows them, with the same profile ([ErrInvalid]); all joined.
// The process's own refusals (its state, the time) come from the first
// registration, before anything changed, wrapped with the member's ID.
// Once the first member is registered the others cannot be refused (the
// same state and time, checks already passed), so the panel is registered
// whole or not at all.
func Register(p *engagement.Process, activityID uuid.UUID, pool *Pool, panel []string, m ParticipantMap, at time.Time) error {
	a, ok := p.Activity(activityID)
	if !ok {
		return fieldErr("activity", activityID.String(), ErrNotFound)
	}
	if meth := a.Method(); meth != engagement.MethodCitizensAssembly && meth != engagement.MethodCitizensPanel {
		return fieldErr("activity.method", meth.String(), ErrInvalid)
	}
	registered := map[uuid.UUID]bool{}
	for rec := range p.Attendance(activityID) {
		if rec.Registered() {
			registered[rec.Participant.ID] = true
		}
	}
	var errs []error
	seen := map[string]bool{}
	who := make([]engagement.Participant, 0, len(panel))
	for j, id := range panel {
		field := fmt.Sprintf("panel[%d]", j)
		i, ok := pool.Lookup(id)
		if !ok {
			errs = append(errs, fieldErr(field, id, ErrNotFound))
			continue
		}
		if seen[id] {
			errs = append(errs, fieldErr(field, id, ErrDuplicate))
			continue
		}
		seen[id] = true
		part, err := m.Participant(pool, i)
		if err == nil {
			err = part.Validate()
		}
		if err != nil {
			errs = append(errs, fieldErr(field, id, errors.Join(ErrInvalid, err)))
			continue
		}
		if registered[part.ID] {
			errs = append(errs, fieldErr(field, id, ErrDuplicate))
		}
		if known, ok := p.Participant(part.ID); ok && known.Profile != part.Profile {
			errs = append(errs, fieldErr(field+".profile", id, ErrInvalid))
		}
		who = append(who, part)
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for j, part := range who {
		if err := p.Register(activityID, part, at); err != nil {
			return fmt.Errorf("sortition: registering %s (%d of %d registered before): %w", panel[j], j, len(who), err)
		}
	}
	return nil
}

// Breakdown counts the members of panel (respondent IDs of pool) by their
// value of feature, in the order the values first appear in the pool,
// leaving out values with no member: the participants' side of
// [metrics.PublishRepresentativeness] and [metrics.CompareToPopulation].
// It returns [ErrInvalid] for a feature the pool does not have and
// [ErrNotFound] for an ID it does not hold.
func Breakdown(pool *Pool, panel []string, feature string) ([]metrics.GroupCount, error) {
	f := -1
	for j, name := range pool.features {
		if name == feature {
			f = j
		}
	}
	if f < 0 {
		return nil, fieldErr("feature", feature, ErrInvalid)
	}
	counts := map[string]int64{}
	for j, id := range panel {
		i, ok := pool.Lookup(id)
		if !ok {
			return nil, fieldErr(fmt.Sprintf("panel[%d]", j), id, ErrNotFound)
		}
		counts[pool.respondents[i].Values[f]]++
	}
	var out []metrics.GroupCount
	done := map[string]bool{}
	for _, r := range pool.respondents {
		v := r.Values[f]
		if counts[v] > 0 && !done[v] {
			done[v] = true
			out = append(out, metrics.GroupCount{Group: v, Count: counts[v]})
		}
	}
	return out, nil
}

// Representativeness publishes how the panel compares with the population
// on one feature, through [metrics.PublishRepresentativeness] (small
// cells suppressed under spec's policy), with every member classified by
// their value of feature. It returns the errors of [Breakdown] and of
// metrics.
func Representativeness(pool *Pool, panel []string, feature string, spec metrics.RepresentativenessSpec) (metrics.Representativeness, error) {
	counts, err := Breakdown(pool, panel, feature)
	if err != nil {
		return metrics.Representativeness{}, err
	}
	return metrics.PublishRepresentativeness(counts, 0, spec)
}
