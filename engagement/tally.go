package engagement

import (
	"time"

	"github.com/google/uuid"
)

// MaxEvidenceIDs is the largest number of record IDs a finding of a promise
// audit lists as evidence (the first unanswered inputs, the first late
// answers): enough to follow up, few enough to print for a process with a
// million contributions. The counts always cover every record.
const MaxEvidenceIDs = 10

// tally is what one pass over the contributions finds: the integer counts
// that the promise audit and the scorecards are built on. Inputs are the
// contributions other than votes: a vote is a choice to be counted, and its
// answer is the result, not a reply to each voter.
type tally struct {
	contributions int64 // every contribution, votes included
	inputs        int64 // contributions other than votes
	answered      int64 // inputs with a response
	byResponse    [len(responseKindNames)]int64
	shaped        int64   // inputs cited by the decision or a commitment
	onTime        int64   // inputs answered within the response commitment
	lateAnswered  int64   // answered after the deadline
	overdue       int64   // unanswered past the deadline at the audit time
	late          []int32 // the first late or overdue inputs
	unanswered    []int32 // the first unanswered inputs

	objections, resolved int64 // objections; answered accepted, partly or not accepted

	rated, substantive int64
	scores             []int // justification scores of the rated contributions, if wanted

	recommendations    int64 // inputs through deliberative activities
	recAnswered        int64
	recAccepted        int64 // accepted or partly accepted
	recIncorporated    int64 // accepted or partly accepted, and cited
	recNotIncorporated []int32

	times []int64 // response times in nanoseconds of the answered inputs, if wanted
}

// tallyOptions say what a pass collects beyond the counts.
type tallyOptions struct {
	at     time.Time // the audit time, for deadlines; zero counts none as passed
	times  bool      // collect response times
	scores bool      // collect quality scores
}

// appendEvidence appends i to ids while they are fewer than MaxEvidenceIDs.
func appendEvidence(ids []int32, i int32) []int32 {
	if len(ids) < MaxEvidenceIDs {
		ids = append(ids, i)
	}
	return ids
}

// tally makes one pass over the contributions. It accumulates integers
// only, so a million contributions take a few milliseconds.
func (p *Process) tally(o tallyOptions) tally {
	var t tally
	n := len(p.contributions)
	t.contributions = int64(n)
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
	if !o.at.IsZero() {
		now = stamp(o.at)
	}
	if o.times {
		t.times = make([]int64, 0, p.answered)
	}
	for i := range p.contributions {
		c, r := &p.contributions[i], &p.responses[i]
		if c.rated {
			t.rated++
			if c.substantive {
				t.substantive++
			}
			if o.scores {
				t.scores = append(t.scores, int(c.score))
			}
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
			if o.times {
				t.times = append(t.times, took)
			}
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
	return t
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
