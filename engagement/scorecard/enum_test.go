package scorecard_test

import (
	"testing"

	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/internal/enum"
	"github.com/civitas-go/civitas/metrics"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEnums checks the package's two enums: every name, its text form and
// its parse, the values just outside, and the one matching rule.
func TestEnums(t *testing.T) {
	figures := []string{"exposures", "visibility", "attendance_rate", "participants",
		"contributions", "closing_the_loop", "median_response_time", "p90_response_time", "influence_rate",
		"representativeness", "implementation_progress", "volunteer_rate", "coverage_quality", "relationship_growth",
		"reputation_trend", "media_mentions", "substantive_share", "justification", "inquiries_on_time",
		"conflicts_resolved", "dialogue_share"}
	require.Len(t, scorecard.Figures(), len(figures))
	for i, name := range figures {
		f := scorecard.Figure(i + 1)
		assert.Equal(t, name, f.String())
		b, err := f.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, name, string(b))
		got, err := scorecard.ParseFigure(name)
		require.NoError(t, err)
		assert.Equal(t, f, got)
	}
	roles := []string{"civic_engagement_specialist", "community_relations_manager",
		"public_outreach_coordinator", "public_engagement_coordinator", "community_relations_officer", "community_engagement_officer"}
	require.Len(t, scorecard.Roles(), len(roles))
	for i, name := range roles {
		r := scorecard.Role(i + 1)
		assert.Equal(t, name, r.String())
		var got scorecard.Role
		require.NoError(t, got.UnmarshalText([]byte(name)))
		assert.Equal(t, r, got)
	}
	for _, bad := range []scorecard.Figure{0, scorecard.Figure(len(figures) + 1)} {
		assert.False(t, bad.IsValid())
		_, err := bad.MarshalText()
		assert.ErrorIs(t, err, scorecard.ErrInvalid)
	}
	assert.Equal(t, "Role(0)", scorecard.Role(0).String())
	f, err := scorecard.ParseFigure("Closing the loop")
	require.NoError(t, err)
	assert.Equal(t, scorecard.FigureClosingTheLoop, f, "names match by the one rule")
	_, err = scorecard.ParseRole("Bogus")
	assert.ErrorIs(t, err, scorecard.ErrInvalid)
	assert.ErrorContains(t, err, `"Bogus"`)
	r := scorecard.RoleCommunityRelationsOfficer
	assert.ErrorIs(t, r.UnmarshalText([]byte("")), scorecard.ErrInvalid)
	assert.Equal(t, scorecard.RoleCommunityRelationsOfficer, r, "a failed UnmarshalText leaves the value unchanged")
}

// TestRoles checks each role's title and default figures against the table
// on Role.Figures.
func TestRoles(t *testing.T) {
	want := map[scorecard.Role]struct {
		label   string
		figures []scorecard.Figure
	}{
		scorecard.RoleCivicEngagementSpecialist: {"Civic Engagement Specialist",
			[]scorecard.Figure{scorecard.FigureVolunteerRate, scorecard.FigureAttendanceRate, scorecard.FigureInfluenceRate}},
		scorecard.RoleCommunityRelationsManager: {"Community Relations Manager",
			[]scorecard.Figure{scorecard.FigureCoverageQuality, scorecard.FigureRelationshipGrowth, scorecard.FigureReputationTrend}},
		scorecard.RolePublicOutreachCoordinator: {"Public Outreach Coordinator",
			[]scorecard.Figure{scorecard.FigureExposures, scorecard.FigureVisibility, scorecard.FigureMediaMentions}},
		scorecard.RolePublicEngagementCoordinator: {"Public Engagement Coordinator",
			[]scorecard.Figure{scorecard.FigureParticipants, scorecard.FigureContributions, scorecard.FigureSubstantiveShare, scorecard.FigureJustification}},
		scorecard.RoleCommunityRelationsOfficer: {"Community Relations Officer",
			[]scorecard.Figure{scorecard.FigureInquiriesOnTime, scorecard.FigureConflictsResolved, scorecard.FigureContributions}},
		scorecard.RoleCommunityEngagementOfficer: {"Community Engagement Officer",
			[]scorecard.Figure{scorecard.FigureDialogueShare, scorecard.FigureRepresentativeness, scorecard.FigureInfluenceRate}},
	}
	roles := scorecard.Roles()
	require.Len(t, roles, len(want))
	for _, r := range roles {
		assert.Equal(t, want[r].label, r.Label())
		assert.Equal(t, want[r].figures, r.Figures())
	}
	assert.Equal(t, "Role(7)", scorecard.Role(7).Label())
	assert.Nil(t, scorecard.Role(0).Figures())
	f := scorecard.RoleCivicEngagementSpecialist.Figures()
	f[0] = scorecard.FigureExposures
	assert.Equal(t, scorecard.FigureVolunteerRate, scorecard.RoleCivicEngagementSpecialist.Figures()[0], "Figures returns a copy")
}

// TestFigures checks that every figure has a label, a one-line definition
// and a unit, and that the process scorecard holds the first eleven.
func TestFigures(t *testing.T) {
	all := scorecard.Figures()
	require.Len(t, all, 21)
	for _, f := range all {
		assert.NotEmpty(t, f.Label(), f)
		assert.NotContains(t, f.Definition(), "\n", f)
		assert.True(t, f.Unit().IsValid(), f)
	}
	assert.Equal(t, all[:11], scorecard.ProcessFigures())
	assert.Equal(t, scorecard.FigureImplementationProgress, scorecard.ProcessFigures()[10])
	bad := scorecard.Figure(0)
	assert.Equal(t, "Figure(0)", bad.Label())
	assert.Empty(t, bad.Definition())
	assert.Equal(t, metrics.Unit(0), bad.Unit())
	assert.Equal(t, metrics.UnitDays, scorecard.FigureP90ResponseTime.Unit())
}

// FuzzParse parses arbitrary text: a parse never panics, and text it
// accepts names the value by the one matching rule.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"community_relations_officer", "p90_response_time", "Closing the loop", "", "role\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, err := scorecard.ParseFigure(s); err == nil {
			require.Equal(t, enum.Key(s), v.String())
		} else {
			require.ErrorIs(t, err, scorecard.ErrInvalid)
		}
		if v, err := scorecard.ParseRole(s); err == nil {
			require.Equal(t, enum.Key(s), v.String())
		} else {
			require.ErrorIs(t, err, scorecard.ErrInvalid)
		}
	})
}
