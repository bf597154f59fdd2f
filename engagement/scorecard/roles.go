package scorecard

import "github.com/civitas-go/civitas/stakeholder/concerns"

// Role is a role in the field of community engagement and relations, named
// as job descriptions name it; each is judged by its own success
// indicators, the [Role.Figures] of its default scorecard ([ForRole]). (A
// member's role in a community group is participation.MemberRole.)
//
// The zero value is invalid. Role's text form is its wire name, such as
// "community_relations_officer"; [Role.Label] is its title.
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
	// visibility (exposures, visibility), earned media included.
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

// roleRow is everything about one role: its wire name, its title and the
// figures of its default scorecard.
type roleRow struct {
	name, label string
	figures     []Figure
	// complaints are the figures of the concerns register the role is
	// also judged by, defined in package concerns.
	complaints []concerns.Figure
}

// roleTable is the one table of the roles, indexed by Role. "Community
// input in decisions" and "voice in decisions" are the influence rate;
// "feedback gathered" is the contributions; "conflicts resolved" are the
// objections resolved; "inclusion" is representativeness; "reach" is the
// exposures.
var roleTable = [...]roleRow{
	RoleCivicEngagementSpecialist: {"civic_engagement_specialist", "Civic Engagement Specialist",
		[]Figure{FigureVolunteerRate, FigureAttendanceRate, FigureInfluenceRate}, nil},
	RoleCommunityRelationsManager: {"community_relations_manager", "Community Relations Manager",
		[]Figure{FigureCoverageQuality, FigureRelationshipGrowth, FigureReputationTrend},
		[]concerns.Figure{concerns.FigureAcceptedShare, concerns.FigureEscalationRate, concerns.FigureReopenRate,
			concerns.FigureRepeatComplainants, concerns.FigureIssuesTrendingUp}},
	RolePublicOutreachCoordinator: {"public_outreach_coordinator", "Public Outreach Coordinator",
		[]Figure{FigureExposures, FigureVisibility, FigureMediaMentions}, nil},
	RolePublicEngagementCoordinator: {"public_engagement_coordinator", "Public Engagement Coordinator",
		[]Figure{FigureParticipants, FigureContributions, FigureSubstantiveShare, FigureJustification}, nil},
	RoleCommunityRelationsOfficer: {"community_relations_officer", "Community Relations Officer",
		[]Figure{FigureInquiriesOnTime, FigureConflictsResolved, FigureContributions},
		[]concerns.Figure{concerns.FigureAcknowledgedOnTime, concerns.FigureProposedOnTime,
			concerns.FigureMedianDaysToClose, concerns.FigureResolvedShare}},
	RoleCommunityEngagementOfficer: {"community_engagement_officer", "Community Engagement Officer",
		[]Figure{FigureDialogueShare, FigureRepresentativeness, FigureInfluenceRate}, nil},
}

// Label returns the role's title, such as "Public Outreach Coordinator", or
// String's fallback for an undeclared value.
func (r Role) Label() string {
	if !r.IsValid() {
		return r.String()
	}
	return roleTable[r].label
}

// Figures returns the figures of the role's default scorecard, in order:
//
//	Civic Engagement Specialist     volunteer rate, attendance rate, influence rate
//	Community Relations Manager     coverage quality, relationship growth, reputation trend
//	Public Outreach Coordinator     exposures, visibility, media mentions
//	Public Engagement Coordinator   participants, contributions, substantive share, justification
//	Community Relations Officer     inquiries on time, conflicts resolved, contributions
//	Community Engagement Officer    dialogue share, representativeness, influence rate
//
// The Community Relations Officer and Manager are also judged by the
// concerns register ([Role.ComplaintFigures]) when the input has one.
//
// It returns nil for an undeclared role.
func (r Role) Figures() []Figure {
	if !r.IsValid() {
		return nil
	}
	return append([]Figure(nil), roleTable[r].figures...)
}

// ComplaintFigures returns the figures of the concerns register
// (stakeholder/concerns) that role r is judged by, in order:
//
//	Community Relations Officer   acknowledged on time, resolution proposed on time,
//	                              median days to close, share resolved
//	Community Relations Manager   accepted by the complainant, appealed or escalated,
//	                              reopened, repeat complainants, issues trending up
//
// and nil for the other roles and an undeclared one. They are defined, once,
// in package concerns.
func (r Role) ComplaintFigures() []concerns.Figure {
	if !r.IsValid() {
		return nil
	}
	return append([]concerns.Figure(nil), roleTable[r].complaints...)
}

// roleWireNames returns the wire names of the roles table in order.
func roleWireNames() []string {
	names := make([]string, 0, len(roleTable)-1)
	for _, r := range roleTable[1:] {
		names = append(names, r.name)
	}
	return names
}
