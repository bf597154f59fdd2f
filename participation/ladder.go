package participation

import "fmt"

// Rung is a rung of Arnstein's ladder of citizen participation (Sherry R.
// Arnstein, "A Ladder of Citizen Participation", Journal of the American
// Institute of Planners 35(4):216–224, 1969): how much power residents
// actually hold over what happens, from none to full control. The eight
// rungs run from the bottom; [Rung.Group] gives the three groups Arnstein
// drew around them.
//
// Rungs are ordered: a higher value is more citizen power, so rungs compare
// with < and >. The zero value is invalid.
type Rung int

// The eight rungs, bottom to top.
const (
	// RungManipulation: participation staged to win support ("rubber-stamp"
	// advisory committees); power-holders "educate" residents.
	RungManipulation Rung = iota + 1
	// RungTherapy: participation used to "cure" residents of their views rather
	// than address the conditions they raise.
	RungTherapy
	// RungInforming: residents are told of their rights and options, one way,
	// with no channel for feedback and no power to negotiate.
	RungInforming
	// RungConsultation: residents are asked (surveys, meetings, hearings) with
	// no assurance their ideas will be taken into account.
	RungConsultation
	// RungPlacation: residents have some influence (a few seats, advice
	// invited), but power-holders keep the right to judge its legitimacy
	// or feasibility and decide.
	RungPlacation
	// RungPartnership: power is redistributed by negotiation; planning and
	// decision-making responsibilities are shared.
	RungPartnership
	// RungDelegatedPower: residents hold the dominant decision-making authority
	// over a particular plan or program.
	RungDelegatedPower
	// RungCitizenControl: residents govern a program or institution, in full
	// charge of its policy and management.
	RungCitizenControl
)

// Group returns the group the rung belongs to: nonparticipation
// (manipulation, therapy), tokenism (informing, consultation, placation) or
// citizen power (partnership, delegated power, citizen control). An
// undeclared rung returns the invalid zero RungGroup.
func (r Rung) Group() RungGroup {
	switch {
	case !r.IsValid():
		return 0
	case r <= RungTherapy:
		return RungGroupNonparticipation
	case r <= RungPlacation:
		return RungGroupTokenism
	}
	return RungGroupCitizenPower
}

// RungGroup is one of the three groups of rungs on Arnstein's ladder.
// Groups are ordered like the rungs. The zero value is invalid.
type RungGroup int

// The three groups, bottom to top.
const (
	// RungGroupNonparticipation: the aim is not to enable people to participate but
	// to let power-holders "educate" or "cure" them.
	RungGroupNonparticipation RungGroup = iota + 1
	// RungGroupTokenism: residents may hear and be heard, but lack the power to
	// ensure their views are heeded.
	RungGroupTokenism
	// RungGroupCitizenPower: residents hold increasing degrees of decision-making
	// clout.
	RungGroupCitizenPower
)

// Rungs returns the rungs of the group, bottom to top; nil for an
// undeclared group.
func (g RungGroup) Rungs() []Rung {
	var out []Rung
	for _, r := range Rungs() {
		if r.Group() == g {
			out = append(out, r)
		}
	}
	return out
}

// Outcome is what became of an initiative in the end, as an assessor
// observes it: not what the public body answered but what it did. It is
// what [Assess] places on Arnstein's ladder. The zero value is invalid.
type Outcome int

// The outcomes, from least to most community power.
const (
	// OutcomeIgnored: the body never engaged with the initiative: no answer,
	// or none of substance.
	OutcomeIgnored Outcome = iota + 1
	// OutcomeAcknowledged: the body answered but changed nothing.
	OutcomeAcknowledged
	// OutcomePartlyAdopted: the body took up part of it, on its own terms.
	OutcomePartlyAdopted
	// OutcomeAdoptedWithCommunity: the body adopted it and carried it out
	// together with the community, sharing decisions along the way.
	OutcomeAdoptedWithCommunity
	// OutcomeCommunityRun: the community runs what it proposed, in charge of
	// its policy and management.
	OutcomeCommunityRun
)

// outcomeRungs is the mapping documented on Assess.
var outcomeRungs = [...]Rung{
	OutcomeIgnored:              RungInforming,
	OutcomeAcknowledged:         RungConsultation,
	OutcomePartlyAdopted:        RungPlacation,
	OutcomeAdoptedWithCommunity: RungPartnership,
	OutcomeCommunityRun:         RungCitizenControl,
}

// Assess places an initiative's outcome on Arnstein's ladder: the rung of
// power the community held in the end. The mapping:
//
//	outcome                  rung             group
//	ignored                  informing        tokenism
//	acknowledged             consultation     tokenism
//	partly adopted           placation        tokenism
//	adopted with community   partnership      citizen power
//	community run            citizen control  citizen power
//
// Why each outcome sits where it does:
//
//   - Ignored → informing. The residents spoke and nothing came back: the
//     flow was one way, "with no channel provided for feedback and no power
//     for negotiation", which is how Arnstein describes informing. It is
//     not placed lower because manipulation and therapy are about what
//     power-holders do to residents (stage participation to win consent,
//     treat their views as a pathology), which an unanswered initiative
//     does not show.
//   - Acknowledged without change → consultation: residents were heard
//     and answered, with no assurance, and here no sign, that their ideas
//     were taken into account.
//   - Partly adopted → placation: the initiative had some influence, but
//     the body kept the right to judge what was legitimate or feasible and
//     took what it chose.
//   - Adopted and carried out with the community → partnership: planning
//     and decision responsibilities were shared as it was carried out.
//   - Run by the community → citizen control: the community governs what it
//     proposed, in charge of policy and management, the top rung.
//
// Three rungs are never assigned from an outcome alone. Manipulation and
// therapy need evidence of intent that an outcome does not carry, and
// delegated power (residents hold the dominant, but not the whole,
// authority, as a board with a resident majority) lies between two
// outcomes; an assessor with that evidence places the rung directly.
//
// Assess returns an [*FieldError] wrapping [ErrInvalid] for an undeclared
// outcome.
func Assess(o Outcome) (Rung, error) {
	if !o.IsValid() {
		return 0, undeclared("outcome", o)
	}
	return outcomeRungs[o], nil
}

// Assess places the initiative's outcome o on Arnstein's ladder as the
// package-level [Assess] does, after checking o against the record: the
// initiative must have been submitted to a public body (an outcome is what
// a body made of it; [ErrWrongState] otherwise); a
// body that answered did not ignore it; and a body that rejected it changed
// nothing, so only [OutcomeAcknowledged] fits ([ErrInconsistent]). An
// accepted or adopted initiative may still end acknowledged without change
// if nothing was done: that is the assessor's finding, and why the outcome
// is an input.
func (in *Initiative) Assess(o Outcome) (Rung, error) {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	rung, err := Assess(o)
	if err != nil {
		return 0, err
	}
	if _, submitted := in.Submission(); !submitted {
		return 0, wrongState("assess the outcome", in.state)
	}
	resp, answered := in.Response()
	switch {
	case answered && o == OutcomeIgnored:
		return 0, fmt.Errorf("%w: the body answered %s, so it did not ignore the initiative", ErrInconsistent, resp.Outcome)
	case answered && resp.Outcome == AnswerOutcomeRejected && o != OutcomeAcknowledged:
		return 0, fmt.Errorf("%w: the body rejected the initiative, outcome %s", ErrInconsistent, o)
	}
	return rung, nil
}
