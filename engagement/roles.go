package engagement

import (
	"time"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
)

// Role is a role in the field of community engagement and relations, named
// as job descriptions name it; each is judged by its own success
// indicators, the [Role.Figures] of its default scorecard
// ([RoleScorecard]).
//
// The zero value is invalid. Role's text form is its lowercase name with
// underscores, such as "community_relations_officer".
type Role int

// The roles.
const (
	// RoleCivicEngagementSpecialist builds the public's part in civic life:
	// judged by the volunteer participation rate, event attendance and the
	// community's input in decisions.
	RoleCivicEngagementSpecialist Role = iota + 1
	// RoleCommunityRelationsManager looks after the body's standing with the
	// community: judged by the quality of media coverage, the growth of
	// stakeholder relationships and reputation (the trend of the sentiment
	// of contacts).
	RoleCommunityRelationsManager
	// RolePublicOutreachCoordinator runs one-way outreach: judged by reach and
	// visibility, earned media included.
	RolePublicOutreachCoordinator
	// RolePublicEngagementCoordinator runs two-way engagement: judged by the
	// level of engagement (participants, contributions) and the quality of
	// the feedback.
	RolePublicEngagementCoordinator
	// RoleCommunityRelationsOfficer handles the day-to-day contact: judged by
	// timely answers to inquiries, conflicts resolved and the feedback
	// gathered.
	RoleCommunityRelationsOfficer
	// RoleCommunityEngagementOfficer fosters dialogue and inclusion: judged by
	// the share of dialogue, the inclusion of every group
	// (representativeness) and the public's voice in decisions.
	RoleCommunityEngagementOfficer
)

var roleNames = [...]string{"", "civic_engagement_specialist", "community_relations_manager",
	"public_outreach_coordinator", "public_engagement_coordinator", "community_relations_officer",
	"community_engagement_officer"}

var roleLabels = [...]string{"", "Civic Engagement Specialist", "Community Relations Manager",
	"Public Outreach Coordinator", "Public Engagement Coordinator", "Community Relations Officer",
	"Community Engagement Officer"}

// roleFigures is the default scorecard of each role; see the constants.
var roleFigures = [...][]Figure{
	{},
	{FigureVolunteerRate, FigureAttendanceRate, FigureInfluenceRate},
	{FigureCoverageQuality, FigureRelationshipGrowth, FigureReputationTrend},
	{FigureReach, FigureVisibility, FigureMediaMentions},
	{FigureParticipants, FigureContributions, FigureSubstantiveShare, FigureJustification},
	{FigureInquiriesOnTime, FigureConflictsResolved, FigureContributions},
	{FigureDialogueShare, FigureRepresentativeness, FigureInfluenceRate},
}

// Roles returns the six roles in declaration order.
func Roles() []Role {
	return []Role{RoleCivicEngagementSpecialist, RoleCommunityRelationsManager, RolePublicOutreachCoordinator,
		RolePublicEngagementCoordinator, RoleCommunityRelationsOfficer, RoleCommunityEngagementOfficer}
}

// IsValid reports whether r is a declared role.
func (r Role) IsValid() bool { return enumValid(r, roleNames[:]) }

// String returns the role's lowercase name, such as
// "public_outreach_coordinator", or "Role(9)" for an undeclared value.
func (r Role) String() string { return enumString(r, roleNames[:], "Role") }

// Label returns the role's title, such as "Public Outreach Coordinator", or
// String's fallback for an undeclared value.
func (r Role) Label() string {
	if !r.IsValid() {
		return r.String()
	}
	return roleLabels[r]
}

// Figures returns the figures of the role's default scorecard, in order:
//
//	Civic Engagement Specialist     volunteer rate, attendance rate, influence rate
//	Community Relations Manager     coverage quality, relationship growth, reputation trend
//	Public Outreach Coordinator     reach, visibility, media mentions
//	Public Engagement Coordinator   participants, contributions, substantive share, justification
//	Community Relations Officer     inquiries on time, conflicts resolved, contributions
//	Community Engagement Officer    dialogue share, representativeness, influence rate
//
// "Community input in decisions" and "voice in decisions" are the influence
// rate; "feedback gathered" is the contributions; "conflicts resolved" are
// the objections resolved (see [FigureConflictsResolved]); "inclusion" is
// representativeness. It returns nil for an undeclared role.
func (r Role) Figures() []Figure {
	if !r.IsValid() {
		return nil
	}
	return append([]Figure(nil), roleFigures[r]...)
}

// MarshalText returns the role's name; an undeclared role is an error
// wrapping [ErrInvalid].
func (r Role) MarshalText() ([]byte, error) { return enumMarshal(r, roleNames[:], "Role") }

// UnmarshalText parses a role's name with [ParseRole], leaving r unchanged
// on error.
func (r *Role) UnmarshalText(text []byte) error {
	return enumUnmarshal(r, text, roleNames[:], "Role")
}

// ParseRole returns the role named s, such as "community_relations_manager".
// Any other text is an error wrapping [ErrInvalid] that quotes s.
func ParseRole(s string) (Role, error) { return enumParse[Role](s, roleNames[:], "Role") }

// RoleScorecard returns the default scorecard of role r, titled with the
// role and the process: its [Role.Figures] computed from in, each against
// its target (see [Figure]). It returns an error wrapping [ErrInvalid] for
// an undeclared role, and the errors of [NewScorecard].
func RoleScorecard(r Role, in ScorecardInput) (metrics.Scorecard, error) {
	if !r.IsValid() {
		return metrics.Scorecard{}, fieldErr("role", r.String(), ErrInvalid)
	}
	title := r.Label()
	if in.Process != nil {
		title += ": " + in.Process.title
	}
	return NewScorecard(title, in, r.Figures()...)
}

// measureRole computes the figures the roles add to the process's.
func (m *measurer) measureRole(f Figure) (metrics.Measurement, error) {
	in, t := m.in, &m.t
	switch f {
	case FigureVolunteerRate:
		if in.Volunteering == nil {
			return metrics.Measurement{}, nil
		}
		v, err := participation.SummarizeVolunteering(in.Volunteering, in.Period, in.Eligible)
		return ratio(v.ParticipationRate, err)
	case FigureCoverageQuality, FigureMediaMentions:
		var mentions []metrics.Mention
		for i := range m.p.campaigns {
			for _, d := range m.p.campaigns[i].mentions {
				if in.Period.Contains(d.at) {
					mentions = append(mentions, metrics.Mention{Reach: 1, Tone: toneOf(d.v.Tone)})
				}
			}
		}
		if f == FigureMediaMentions {
			return metrics.FromCount(int64(len(mentions)))
		}
		return ratio(metrics.CoverageQuality(mentions))
	case FigureSubstantiveShare:
		return ratio(metrics.NewProportion(t.substantive, t.rated))
	case FigureJustification:
		q, err := metrics.AssessFeedback(metrics.JustificationRubric(), t.scores)
		return ratio(q.MeanScore, err)
	case FigureConflictsResolved:
		return ratio(metrics.NewProportion(t.resolved, t.objections))
	}
	if in.Map == nil {
		return metrics.Measurement{}, nil
	}
	switch f {
	case FigureDialogueShare:
		var dialogue, all int64
		for x := range in.Map.Interactions() {
			if in.Period.Contains(x.At) {
				all++
				if x.Direction == stakeholder.DirectionTwoWay {
					dialogue++
				}
			}
		}
		return ratio(metrics.NewProportion(dialogue, all))
	}
	if in.Period.IsZero() {
		return metrics.Measurement{}, nil
	}
	switch f {
	case FigureRelationshipGrowth:
		halfLife := in.HalfLife
		if halfLife == 0 {
			halfLife = stakeholder.DefaultHalfLife
		}
		// Strength just before the period against just before its end: the
		// period is half-open.
		g, err := in.Map.TotalGrowth(in.Period.Start.Add(-1), in.Period.End.Add(-1), halfLife)
		if err != nil {
			return metrics.Measurement{}, err
		}
		rel, err := g.Relative()
		if err != nil {
			return metrics.Measurement{}, nil // growth from nothing has no rate
		}
		return metrics.FromDecimal(rel), nil
	case FigureReputationTrend:
		earlier := in.Earlier
		if earlier.IsZero() {
			earlier = participation.Period{Start: in.Period.Start.Add(-in.Period.Duration()), End: in.Period.Start}
		}
		s1, c1 := sentiment(in.Map, in.Period)
		s0, c0 := sentiment(in.Map, earlier)
		if c0 == 0 || c1 == 0 {
			return metrics.Measurement{}, nil
		}
		return ratio(metrics.NewRatio(s1*c0-s0*c1, c0*c1))
	case FigureInquiriesOnTime:
		r, err := in.Map.Responsiveness(in.Period.Start, in.Period.End)
		if err != nil {
			return metrics.Measurement{}, err
		}
		return metrics.FromRatio(r.Within(time.Duration(m.responseDays()) * Day)), nil
	}
	return metrics.Measurement{}, fieldErr("figure", f.String(), ErrInvalid)
}

// sentiment returns the sum of the sentiments of the interactions logged in
// period and their number.
func sentiment(m *stakeholder.Map, period participation.Period) (sum, n int64) {
	for x := range m.Interactions() {
		if period.Contains(x.At) {
			sum += int64(x.Sentiment)
			n++
		}
	}
	return sum, n
}

// toneOf converts a mention's tone to the metrics package's.
func toneOf(t Tone) metrics.Tone {
	switch t {
	case TonePositive:
		return metrics.TonePositive
	case ToneNegative:
		return metrics.ToneNegative
	}
	return metrics.ToneNeutral
}
