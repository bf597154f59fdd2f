package engagement_test

import (
	"testing"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/metrics"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReportEnums checks the enumerations of the audit and the scorecards
// with the shared table test of enum_test.go.
func TestReportEnums(t *testing.T) {
	cases := []enumCase{
		enumOf[engagement.PromiseElement]("PromiseElement", engagement.ParsePromiseElement, "informed_before_opening",
			"decision_published", "progress_reported", "input_gathered", "input_answered", "answered_on_time",
			"feedback_published", "decision_cites_input", "dialogue_held", "input_reflected", "deliberation_held",
			"recommendations_incorporated", "public_choice_followed", "choice_implemented", "initiatives_answered"),
		enumOf[engagement.PromiseStatus]("PromiseStatus", engagement.ParsePromiseStatus, "kept", "broken", "pending"),
		enumOf[engagement.Role]("Role", engagement.ParseRole, "civic_engagement_specialist", "community_relations_manager",
			"public_outreach_coordinator", "public_engagement_coordinator", "community_relations_officer", "community_engagement_officer"),
		enumOf[engagement.Figure]("Figure", engagement.ParseFigure, "reach", "visibility", "attendance_rate", "participants",
			"contributions", "closing_the_loop", "median_response_time", "p90_response_time", "influence_rate",
			"representativeness", "implementation_progress", "volunteer_rate", "coverage_quality", "relationship_growth",
			"reputation_trend", "media_mentions", "substantive_share", "justification", "inquiries_on_time",
			"conflicts_resolved", "dialogue_share"),
	}
	for _, c := range cases {
		t.Run(c.typ, func(t *testing.T) {
			for i, name := range c.names {
				v, err := c.parse(name)
				require.NoError(t, err)
				assert.Equal(t, c.value(i+1), v)
				b, err := c.text(i + 1).MarshalText()
				require.NoError(t, err)
				assert.Equal(t, name, string(b))
				v, err = c.unmarshal(name)
				require.NoError(t, err)
				assert.Equal(t, c.value(i+1), v)
				assert.True(t, c.valid(i+1))
			}
			for _, n := range []int{0, len(c.names) + 1} {
				assert.False(t, c.valid(n))
				_, err := c.text(n).MarshalText()
				assert.ErrorIs(t, err, engagement.ErrInvalid)
			}
			_, err := c.parse("Bogus")
			assert.ErrorIs(t, err, engagement.ErrInvalid)
			v, err := c.unmarshal("")
			assert.ErrorIs(t, err, engagement.ErrInvalid)
			assert.Equal(t, c.value(1), v, "a failed UnmarshalText leaves the value unchanged")
		})
	}
}

// TestRoles checks each role's title and default figures against the table
// on Role.Figures.
func TestRoles(t *testing.T) {
	want := map[engagement.Role]struct {
		label   string
		figures []engagement.Figure
	}{
		engagement.RoleCivicEngagementSpecialist: {"Civic Engagement Specialist",
			[]engagement.Figure{engagement.FigureVolunteerRate, engagement.FigureAttendanceRate, engagement.FigureInfluenceRate}},
		engagement.RoleCommunityRelationsManager: {"Community Relations Manager",
			[]engagement.Figure{engagement.FigureCoverageQuality, engagement.FigureRelationshipGrowth, engagement.FigureReputationTrend}},
		engagement.RolePublicOutreachCoordinator: {"Public Outreach Coordinator",
			[]engagement.Figure{engagement.FigureReach, engagement.FigureVisibility, engagement.FigureMediaMentions}},
		engagement.RolePublicEngagementCoordinator: {"Public Engagement Coordinator",
			[]engagement.Figure{engagement.FigureParticipants, engagement.FigureContributions, engagement.FigureSubstantiveShare, engagement.FigureJustification}},
		engagement.RoleCommunityRelationsOfficer: {"Community Relations Officer",
			[]engagement.Figure{engagement.FigureInquiriesOnTime, engagement.FigureConflictsResolved, engagement.FigureContributions}},
		engagement.RoleCommunityEngagementOfficer: {"Community Engagement Officer",
			[]engagement.Figure{engagement.FigureDialogueShare, engagement.FigureRepresentativeness, engagement.FigureInfluenceRate}},
	}
	roles := engagement.Roles()
	require.Len(t, roles, len(want))
	for _, r := range roles {
		assert.Equal(t, want[r].label, r.Label())
		assert.Equal(t, want[r].figures, r.Figures())
	}
	assert.Equal(t, "Role(7)", engagement.Role(7).Label())
	assert.Nil(t, engagement.Role(0).Figures())
	f := engagement.RoleCivicEngagementSpecialist.Figures()
	f[0] = engagement.FigureReach
	assert.Equal(t, engagement.FigureVolunteerRate, engagement.RoleCivicEngagementSpecialist.Figures()[0], "Figures returns a copy")
}

// TestFigures checks that every figure has a label, a one-line definition
// and a unit, and that the process scorecard holds the first eleven.
func TestFigures(t *testing.T) {
	all := engagement.AllFigures()
	require.Len(t, all, 21)
	for _, f := range all {
		assert.NotEmpty(t, f.Label(), f)
		assert.NotContains(t, f.Definition(), "\n", f)
		assert.True(t, f.Unit().IsValid(), f)
	}
	assert.Equal(t, all[:11], engagement.ProcessFigures())
	assert.Equal(t, engagement.FigureImplementationProgress, engagement.ProcessFigures()[10])
	bad := engagement.Figure(0)
	assert.Equal(t, "Figure(0)", bad.Label())
	assert.Empty(t, bad.Definition())
	assert.Equal(t, metrics.Unit(0), bad.Unit())
	assert.Equal(t, metrics.UnitDays, engagement.FigureP90ResponseTime.Unit())
}
