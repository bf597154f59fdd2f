package engagement_test

import (
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRecommendLevel checks the whole table: each quadrant's usual and
// raised level, raised for the three classes whose claim is legitimate and
// holds another attribute (dominant, dependent, definitive) and for no
// other.
func TestRecommendLevel(t *testing.T) {
	levels := map[stakeholder.Quadrant][2]engagement.Level{ // usual, raised
		stakeholder.QuadrantManageClosely: {engagement.LevelInvolve, engagement.LevelCollaborate},
		stakeholder.QuadrantKeepSatisfied: {engagement.LevelConsult, engagement.LevelInvolve},
		stakeholder.QuadrantKeepInformed:  {engagement.LevelInform, engagement.LevelInvolve},
		stakeholder.QuadrantMonitor:       {engagement.LevelInform, engagement.LevelConsult},
	}
	raises := map[stakeholder.SalienceClass]bool{
		stakeholder.SalienceClassDormant: false, stakeholder.SalienceClassDiscretionary: false, stakeholder.SalienceClassDemanding: false,
		stakeholder.SalienceClassDominant: true, stakeholder.SalienceClassDangerous: false, stakeholder.SalienceClassDependent: true,
		stakeholder.SalienceClassDefinitive: true, stakeholder.SalienceClassNonStakeholder: false,
	}
	require.Len(t, raises, len(stakeholder.SalienceClasses()))
	for q, want := range levels {
		for c, raised := range raises {
			t.Run(q.String()+"/"+c.String(), func(t *testing.T) {
				w := want[0]
				if raised {
					w = want[1]
				}
				assert.Equal(t, w, engagement.RecommendLevel(q, c))
			})
		}
	}
	t.Run("undeclared", func(t *testing.T) {
		assert.Equal(t, engagement.LevelInform, engagement.RecommendLevel(0, 0))
		assert.Equal(t, engagement.LevelInform, engagement.RecommendLevel(stakeholder.QuadrantMonitor, 99))
	})
	t.Run("never empower", func(t *testing.T) {
		for _, q := range stakeholder.Quadrants() {
			for _, c := range stakeholder.SalienceClasses() {
				assert.Less(t, engagement.RecommendLevel(q, c), engagement.LevelEmpower)
			}
		}
	})
}

func TestRecommendMethods(t *testing.T) {
	cases := []struct {
		level engagement.Level
		kind  stakeholder.Kind
		want  []engagement.Method
	}{
		{engagement.LevelInform, stakeholder.KindBusiness, []engagement.Method{engagement.MethodFactSheet, engagement.MethodWebsite,
			engagement.MethodNewsletter, engagement.MethodPressRelease, engagement.MethodSocialMedia, engagement.MethodOpenHouse}},
		{engagement.LevelConsult, stakeholder.KindResident, []engagement.Method{engagement.MethodPublicMeeting, engagement.MethodTownHall,
			engagement.MethodPublicHearing, engagement.MethodSurvey, engagement.MethodFocusGroup, engagement.MethodPublicForum, engagement.MethodOnlineConsultation}},
		{engagement.LevelInvolve, stakeholder.KindResident, []engagement.Method{engagement.MethodWorkshop, engagement.MethodDeliberativePoll}},
		{engagement.LevelInvolve, stakeholder.KindCommunityGroup, []engagement.Method{engagement.MethodWorkshop}},
		{engagement.LevelCollaborate, stakeholder.KindVoter, []engagement.Method{engagement.MethodCitizensPanel, engagement.MethodCitizensAssembly, engagement.MethodAdvisoryCommittee}},
		{engagement.LevelCollaborate, stakeholder.KindCommunityActivist, []engagement.Method{engagement.MethodCitizensPanel, engagement.MethodCitizensAssembly, engagement.MethodAdvisoryCommittee}},
		{engagement.LevelCollaborate, stakeholder.KindNonprofit, []engagement.Method{engagement.MethodAdvisoryCommittee}},
		{engagement.LevelEmpower, stakeholder.KindResident, []engagement.Method{engagement.MethodBudgetVote}},
		{0, stakeholder.KindResident, nil},
	}
	for _, tc := range cases {
		t.Run(tc.level.String()+"/"+tc.kind.String(), func(t *testing.T) {
			assert.Equal(t, tc.want, engagement.RecommendMethods(tc.level, tc.kind))
		})
	}
}

// addStakeholder adds a stakeholder with the given scores (power, interest,
// legitimacy, urgency) to m.
func addStakeholder(t testing.TB, m *stakeholder.Map, sid uuid.UUID, name string, kind stakeholder.Kind, scores ...stakeholder.Score) {
	t.Helper()
	s, err := stakeholder.New(sid, stakeholder.Details{Name: name, Kind: kind, Assessment: stakeholder.Assessment{
		Power: scores[0], Interest: scores[1], Legitimacy: scores[2], Urgency: scores[3],
		Attitude: stakeholder.AttitudeNeutral, Desired: stakeholder.AttitudeSupportive,
	}})
	require.NoError(t, err)
	require.NoError(t, m.Add(s))
}

// TestPlan derives the plan and its coverage: the friends of the park are
// reached by an advisory committee at their level, the cafe owners only by
// a leaflet, and the river authority by nothing.
func TestPlan(t *testing.T) {
	m := stakeholder.NewMap()
	addStakeholder(t, m, fixture.CityID, "City of Riverton", stakeholder.KindGovernmentBody, 5, 5, 5, 5)
	addStakeholder(t, m, fixture.ID(501), "Friends of the Park", stakeholder.KindCommunityGroup, 4, 5, 5, 5) // manage closely, definitive
	addStakeholder(t, m, fixture.ID(502), "River Authority", stakeholder.KindGovernmentBody, 4, 2, 4, 4)     // keep satisfied, definitive
	addStakeholder(t, m, fixture.ID(503), "Cafe owners", stakeholder.KindBusiness, 5, 5, 4, 2)               // manage closely, dominant
	addStakeholder(t, m, fixture.ID(504), "Bank Street residents", stakeholder.KindResident, 2, 5, 4, 4)     // keep informed, dependent
	addStakeholder(t, m, fixture.ID(505), "Chamber of Commerce", stakeholder.KindBusiness, 4, 2, 2, 1)       // keep satisfied, dormant
	addStakeholder(t, m, fixture.ID(506), "Day visitors", stakeholder.KindVoter, 1, 1, 1, 1)                 // monitor, none

	p := fixture.NewProcess(t)
	friends, err := engagement.NewAudience("", fixture.ID(501), fixture.ID(504))
	require.NoError(t, err)
	cafes, err := engagement.NewAudience("shops on the promenade", fixture.ID(503))
	require.NoError(t, err)
	require.NoError(t, p.AddActivity(engagement.ActivitySpec{ID: fixture.ID(10), Title: "Park advisory committee", Method: engagement.MethodAdvisoryCommittee,
		Start: fixture.Opened, End: fixture.Opened.Add(2 * time.Hour), Audience: friends}, fixture.Created))
	require.NoError(t, p.AddCampaign(engagement.CampaignSpec{ID: fixture.ID(20), Name: "Leaflets", Medium: engagement.MediumPrint, Audience: cafes}, fixture.Created))

	pl, err := p.Plan(m, stakeholder.Grid{})
	require.NoError(t, err)
	assert.Equal(t, fixture.ProcessID, pl.Process)

	type row struct {
		name    string
		level   engagement.Level
		key     bool
		reached []uuid.UUID
		deepest engagement.Level
	}
	// Priority order: three attributes first (manage closely before keep
	// satisfied), then two, one, none.
	want := []row{
		{"Friends of the Park", engagement.LevelCollaborate, true, []uuid.UUID{fixture.ID(10)}, engagement.LevelCollaborate},
		{"River Authority", engagement.LevelInvolve, true, nil, 0},
		{"Cafe owners", engagement.LevelCollaborate, true, []uuid.UUID{fixture.ID(20)}, engagement.LevelInform},
		{"Bank Street residents", engagement.LevelInvolve, false, []uuid.UUID{fixture.ID(10)}, engagement.LevelCollaborate},
		{"Chamber of Commerce", engagement.LevelConsult, false, nil, 0},
		{"Day visitors", engagement.LevelInform, false, nil, 0},
	}
	var got []row
	for _, r := range pl.Recommendations {
		got = append(got, row{r.Name, r.Level, r.Key, r.ReachedBy, r.Deepest})
		assert.Equal(t, engagement.RecommendMethods(r.Level, r.Kind), r.Methods, r.Name)
	}
	assert.Equal(t, want, got, "the city's own stakeholder is left out")

	c := pl.Coverage()
	assert.Equal(t, "2/3", c.Reached.String(), "two of the three key stakeholders are reached")
	require.Len(t, c.Unreached, 1)
	assert.Equal(t, "River Authority", c.Unreached[0].Name)
	require.Len(t, c.Shallow, 1)
	assert.Equal(t, "Cafe owners", c.Shallow[0].Name)
	assert.True(t, c.Shallow[0].Reached())
	assert.True(t, c.Shallow[0].Shallow())
	assert.False(t, pl.Recommendations[0].Shallow())
}

func TestPlanRefusesNilMap(t *testing.T) {
	_, err := fixture.NewProcess(t).Plan(nil, stakeholder.Grid{})
	require.ErrorIs(t, err, engagement.ErrInvalid)
}

// TestCoverageWithoutKeyStakeholders has no key stakeholder: the share
// reached is undefined, not 100 %.
func TestCoverageWithoutKeyStakeholders(t *testing.T) {
	m := stakeholder.NewMap()
	addStakeholder(t, m, fixture.ID(506), "Day visitors", stakeholder.KindVoter, 1, 1, 1, 1)
	pl, err := fixture.NewProcess(t).Plan(m, stakeholder.Grid{})
	require.NoError(t, err)
	c := pl.Coverage()
	assert.False(t, c.Reached.Defined())
	assert.Empty(t, c.Unreached)
}
