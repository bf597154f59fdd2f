package engagement

import (
	"iter"
	"math"
	"slices"
	"time"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
)

// MaxEvidenceIDs is the largest number of record IDs a finding of a promise
// audit lists as evidence (the first unanswered inputs, the first late
// answers): enough to follow up, few enough to print for a process with a
// million contributions. The counts always cover every record.
const MaxEvidenceIDs = 10

// Tallies is a read-only view of what a process's records add up to at one
// time: the counts of contributions, inputs, answers and their timeliness,
// objections, ratings, participants and their profiles, registrations and
// attendance, and outreach exposures. The promise audit ([Process.Audit])
// and the plan read it, and so does package engagement/scorecard, which
// turns it into figures; reading it needs no access to the process's
// storage.
//
// Inputs are the contributions other than votes: a vote is a choice to be
// counted, and its answer is the result, not a reply to each voter.
//
// A Tallies is an immutable snapshot: later changes to the process do not
// show in it, and it is safe for concurrent use. The zero value tallies an
// empty process. Build one with [Process.Tallies].
type Tallies struct {
	at           time.Time
	contributors int
	participants []participant // a capped snapshot: elements before len never change their profile

	contributions int64 // every contribution, votes included
	inputs        int64 // contributions other than votes
	answered      int64 // inputs with a response
	byResponse    [ResponseKindOutOfScope + 1]int64
	shaped        int64   // inputs cited by the decision or a commitment
	onTime        int64   // inputs answered within the response commitment
	lateAnswered  int64   // answered after the deadline
	overdue       int64   // unanswered past the deadline at the tally's time
	late          []int32 // the first late or overdue inputs
	unanswered    []int32 // the first unanswered inputs

	objections, resolved int64 // objections; answered accepted, partly or not accepted

	rated, substantive int64
	scores             []int // justification scores of the rated contributions

	recommendations    int64 // inputs through deliberative activities
	recAnswered        int64
	recAccepted        int64 // accepted or partly accepted
	recIncorporated    int64 // accepted or partly accepted, and cited
	recNotIncorporated []int32

	times []int64 // response times in nanoseconds of the answered inputs

	registered, registeredAttended int64 // registrations; of them, attended
	attendees                      metrics.Audience

	exposures    int64
	exposuresErr error
}

// Tallies returns the tallies of the process's records as they stand, with
// the deadlines of the response commitment judged at at: an input still
// unanswered at at past its deadline is overdue. The zero time judges no
// input overdue. It makes one pass over the contributions, accumulating
// integers, so a million contributions take a few milliseconds; it copies
// the response times and quality scores it keeps.
func (p *Process) Tallies(at time.Time) Tallies {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	t := Tallies{at: at, contributors: p.contributors, participants: p.participants[:len(p.participants):len(p.participants)]}
	t.exposures, t.exposuresErr = p.Exposures()
	t.countContributions(p)
	var log []int32 // who attended, once per attendance
	for i := range p.activities {
		for _, r := range p.activities[i].attendance {
			if r.done[registered] {
				t.registered++
				if r.done[attended] {
					t.registeredAttended++
				}
			}
			if r.done[attended] {
				log = append(log, r.participant)
			}
		}
	}
	t.attendees = metrics.CountAudience(slices.Values(log))
	return t
}

// appendEvidence appends i to ids while they are fewer than MaxEvidenceIDs.
func appendEvidence(ids []int32, i int32) []int32 {
	if len(ids) < MaxEvidenceIDs {
		ids = append(ids, i)
	}
	return ids
}

// countContributions makes the pass over the contributions.
func (t *Tallies) countContributions(p *Process) {
	t.contributions = int64(len(p.contributions))
	cited := p.citedSet()
	deliberate := make([]bool, len(p.activities))
	for i := range p.activities {
		deliberate[i] = p.activities[i].spec.Method.Deliberative()
	}
	deadline := int64(-1) // the response commitment in nanoseconds; -1 for none
	if p.rules.ResponseDays > 0 {
		deadline = int64(p.rules.ResponseDays) * int64(Day)
	}
	now := int64(0)
	if !t.at.IsZero() {
		now = stamp(t.at)
	}
	t.times = make([]int64, 0, p.answered)
	for i := range p.contributions {
		c, r := &p.contributions[i], &p.responses[i]
		if c.rated {
			t.rated++
			if c.substantive {
				t.substantive++
			}
			t.scores = append(t.scores, int(c.score))
		}
		if ContributionKind(c.kind) == ContributionKindVote {
			continue
		}
		t.inputs++
		isCited := cited[i>>6]&(1<<(i&63)) != 0
		if isCited {
			t.shaped++
		}
		kind := ResponseKind(r.kind)
		if kind != 0 {
			t.answered++
			t.byResponse[kind]++
			took := r.at - c.at
			t.times = append(t.times, took)
			if deadline < 0 || took <= deadline {
				t.onTime++
			} else {
				t.lateAnswered++
				t.late = appendEvidence(t.late, int32(i))
			}
		} else {
			t.unanswered = appendEvidence(t.unanswered, int32(i))
			if deadline >= 0 && now > 0 && now-c.at > deadline {
				t.overdue++
				t.late = appendEvidence(t.late, int32(i))
			}
		}
		accepted := kind == ResponseKindAccepted || kind == ResponseKindPartlyAccepted
		if ContributionKind(c.kind) == ContributionKindObjection {
			t.objections++
			if accepted || kind == ResponseKindNotAccepted {
				t.resolved++
			}
		}
		if c.activity != noIndex && deliberate[c.activity] {
			t.recommendations++
			if kind != 0 {
				t.recAnswered++
			}
			if accepted {
				t.recAccepted++
				if isCited {
					t.recIncorporated++
				} else {
					t.recNotIncorporated = appendEvidence(t.recNotIncorporated, int32(i))
				}
			}
		}
	}
}

// At returns the time the deadlines were judged at (the zero time for none).
func (t Tallies) At() time.Time { return t.at }

// Contributions returns the number of contributions, votes included.
func (t Tallies) Contributions() int64 { return t.contributions }

// Inputs returns the number of inputs: contributions other than votes.
func (t Tallies) Inputs() int64 { return t.inputs }

// Answered returns the number of inputs the body answered.
func (t Tallies) Answered() int64 { return t.answered }

// AnsweredAs returns the number of inputs answered with response kind k (0
// for an undeclared kind).
func (t Tallies) AnsweredAs(k ResponseKind) int64 {
	if !k.IsValid() {
		return 0
	}
	return t.byResponse[k]
}

// Shaped returns the number of inputs the decision or a commitment cites:
// the inputs that shaped the outcome.
func (t Tallies) Shaped() int64 { return t.shaped }

// OnTime returns the number of inputs answered within the rules' response
// commitment (every answered input when the rules make none).
func (t Tallies) OnTime() int64 { return t.onTime }

// AnsweredLate returns the number of inputs answered after their deadline.
func (t Tallies) AnsweredLate() int64 { return t.lateAnswered }

// Overdue returns the number of inputs still unanswered past their deadline
// at [Tallies.At]; 0 when the rules make no response commitment or no time
// was given.
func (t Tallies) Overdue() int64 { return t.overdue }

// Objections returns the number of objections.
func (t Tallies) Objections() int64 { return t.objections }

// Resolved returns the number of objections the body resolved: answered
// accepted, partly accepted or not accepted (with its reason). An objection
// only noted, or ruled out of scope, is not resolved.
func (t Tallies) Resolved() int64 { return t.resolved }

// Rated returns the number of contributions the body rated for quality.
func (t Tallies) Rated() int64 { return t.rated }

// Substantive returns the number of rated contributions that address the
// decision at stake ([Quality.Substantive]).
func (t Tallies) Substantive() int64 { return t.substantive }

// QualityScores returns a copy of the justification scores (0 to
// [MaxQualityScore]) of the rated contributions, in the order received.
func (t Tallies) QualityScores() []int { return slices.Clone(t.scores) }

// ResponseTimes returns a copy of the times from each answered input to its
// answer, in the order of the inputs; the caller may reorder it.
func (t Tallies) ResponseTimes() []time.Duration {
	out := make([]time.Duration, len(t.times))
	for i, d := range t.times {
		out[i] = time.Duration(d)
	}
	return out
}

// Participants returns the number of distinct people who took part:
// contributed, registered or attended.
func (t Tallies) Participants() int { return len(t.participants) }

// Contributors returns the number of distinct people who contributed.
func (t Tallies) Contributors() int { return t.contributors }

// Profiles yields the pseudonymous profile of each participant, in the order
// they first took part.
func (t Tallies) Profiles() iter.Seq[stakeholder.Profile] {
	return seqMap(t.participants, func(pt *participant) stakeholder.Profile { return pt.profile })
}

// Registered returns the number of registrations for the process's
// activities (one per person and activity).
func (t Tallies) Registered() int64 { return t.registered }

// RegisteredAttended returns the number of registrations whose person
// attended; walk-ins are not among them.
func (t Tallies) RegisteredAttended() int64 { return t.registeredAttended }

// Attendees returns the audience the activities reached in person: the
// distinct people who attended at least one (its Reach) and the attendances
// in all (its Impressions). Unlike [Tallies.Exposures], it counts people.
func (t Tallies) Attendees() metrics.Audience { return t.attendees }

// Exposures returns [Process.Exposures] as it stood.
func (t Tallies) Exposures() (int64, error) { return t.exposures, t.exposuresErr }

// Exposures returns the sum of the outreach campaigns' latest reported
// reach: how many exposures to the outreach there were, counting a person
// two campaigns reached twice (campaigns report counts, not people). It is
// an upper bound of the distinct people reached, not a count of them: the
// distinct people of one campaign are its [Campaign.Reach], those who
// attended an activity [Tallies.Attendees], and those who took part
// [Process.ParticipantCount]. It returns an error wrapping
// [metrics.ErrOverflow] if the sum does not fit an int64.
func (p *Process) Exposures() (int64, error) {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	var sum int64
	for i := range p.campaigns {
		c := &p.campaigns[i]
		if n := len(c.figures); n > 0 {
			r := c.figures[n-1].v.Reach()
			if sum > math.MaxInt64-r {
				return 0, metrics.ErrOverflow
			}
			sum += r
		}
	}
	return sum, nil
}

// citedSet returns a bit set of the contributions that the decision or a
// commitment cites: the inputs that shaped the outcome.
func (p *Process) citedSet() []uint64 {
	set := make([]uint64, (len(p.contributions)+63)/64)
	mark := func(idx []int32) {
		for _, i := range idx {
			set[i>>6] |= 1 << (i & 63)
		}
	}
	mark(p.decision.shaped)
	for k := range p.commitments {
		mark(p.commitments[k].shaped)
	}
	return set
}

// idsOf returns the IDs of the contributions at the given indexes.
func (p *Process) idsOf(idx []int32) []uuid.UUID {
	if len(idx) == 0 {
		return nil
	}
	return p.ids(idx)
}
