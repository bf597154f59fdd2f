package engagement_test

import (
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The reporting period of the role tests: 30 days from 16 March 09:00; the
// earlier period is the 30 days before.
var rolePeriod = participation.Period{Start: date(time.March, 16), End: date(time.April, 15)}

// roleMap returns a map with two stakeholders and six interactions, two
// before the period and four in it:
//
//	1 Mar  A inbound  −1   (earlier)
//	3 Mar  B outbound  0   (earlier)
//	20 Mar A inbound  +1   an inquiry
//	23 Mar A two-way  +2   the reply, 3 days later
//	25 Mar B inbound   0   an inquiry never answered
//	1 Apr  B outbound +1
func roleMap(t testing.TB) *stakeholder.Map {
	m := stakeholder.NewMap()
	addStakeholder(t, m, id(601), "Friends of the Park", stakeholder.KindCommunityGroup, 4, 5, 5, 5)
	addStakeholder(t, m, id(602), "Cafe owners", stakeholder.KindBusiness, 5, 5, 4, 2)
	log := []stakeholder.Interaction{
		{ID: id(701), Stakeholder: id(601), At: date(time.March, 1), Channel: stakeholder.ChannelEmail, Direction: stakeholder.DirectionInbound, Sentiment: -1},
		{ID: id(702), Stakeholder: id(602), At: date(time.March, 3), Channel: stakeholder.ChannelLetter, Direction: stakeholder.DirectionOutbound},
		{ID: id(703), Stakeholder: id(601), At: date(time.March, 20), Channel: stakeholder.ChannelEmail, Direction: stakeholder.DirectionInbound, Sentiment: 1},
		{ID: id(704), Stakeholder: id(601), At: date(time.March, 23), Channel: stakeholder.ChannelMeeting, Direction: stakeholder.DirectionTwoWay, Sentiment: 2, InReplyTo: id(703)},
		{ID: id(705), Stakeholder: id(602), At: date(time.March, 25), Channel: stakeholder.ChannelPhone, Direction: stakeholder.DirectionInbound},
		{ID: id(706), Stakeholder: id(602), At: date(time.April, 1), Channel: stakeholder.ChannelLetter, Direction: stakeholder.DirectionOutbound, Sentiment: 1},
	}
	for _, x := range log {
		require.NoError(t, m.Log(x))
	}
	return m
}

// cleanUp returns a volunteer clean-up in which three people gave two hours
// each on 20 March.
func cleanUp(t testing.TB) *participation.VolunteerActivity {
	a, err := participation.NewActivity(id(800), "River clean-up", id(601))
	require.NoError(t, err)
	for n := range 3 {
		require.NoError(t, a.Log(id(810+n), date(time.March, 20), 2*time.Hour))
	}
	return a
}

// roleInput is the rich fixture with the map, the clean-up (10 people
// eligible) and a target population of 8,000.
func roleInput(t testing.TB) engagement.ScorecardInput {
	return engagement.ScorecardInput{
		Process: richProcess(t), Options: engagement.ScorecardOptions{TargetPopulation: 8000},
		Map: roleMap(t), Period: rolePeriod, Volunteering: []*participation.VolunteerActivity{cleanUp(t)}, Eligible: 10,
	}
}

// TestRoleScorecards works each role's default scorecard out by hand (the
// process figures are worked out in TestProcessScorecard).
func TestRoleScorecards(t *testing.T) {
	in := roleInput(t)
	want := map[engagement.Role][]cardRow{
		engagement.RoleCivicEngagementSpecialist: {
			{"30.00 %", "3 of 10", "at least 25 %", met}, // three volunteers of ten eligible
			{"100.00 %", "2 of 2", "at least 60 %", met},
			{"50.00 %", "3 of 6", "at least 10 %", met},
		},
		engagement.RoleCommunityRelationsManager: {
			// Of the two mentions, only the negative one (23 March) falls
			// in the period: (0 − 1) / 1.
			{"-1.000000", "-1 of 1", "at least 0", notMet},
			// Strength before the period: A's inbound −1 counts 2 × 2/3,
			// B's outbound 0 counts 1: 7/3, 2.3333. At its end the four
			// new contacts add 2 × 4/3, 3 × 5/3, 2 × 1 and 4/3: 40/3,
			// 13.3333 (no contact is a half-life old). (13.3333 − 2.3333)
			// / 2.3333 = 4.714353.
			{"471.44 %", "", "at least 0 %", met},
			// Mean sentiment 4/4 = 1 in the period, −1/2 before:
			// (4·2 − (−1)·4) / (2·4) = 12/8 = 1.5.
			{"1.500000", "12 of 8", "at least 0", met},
		},
		engagement.RolePublicOutreachCoordinator: {
			{"5200", "", "at least 4000", met},
			{"65.00 %", "5200 of 8000", "at least 50 %", met},
			{"1", "", "at least 1", met},
		},
		engagement.RolePublicEngagementCoordinator: {
			{"4", "", "at least 2", met},
			{"6", "", "at least 2", met},
			// Three rated: 1000 (substantive, 3), 1001 (substantive, 2),
			// 1002 (not, 0). Two of three substantive; mean score 5/3.
			{"66.67 %", "2 of 3", "at least 75 %", notMet},
			{"1.666667", "5 of 3", "at least 2", notMet},
		},
		engagement.RoleCommunityRelationsOfficer: {
			// Two inquiries in the period, one answered after 3 days.
			{"50.00 %", "1 of 2", "at least 90 %", notMet},
			// The one objection (1001) was declined with its reason.
			{"100.00 %", "1 of 1", "at least 90 %", met},
			{"6", "", "at least 2", met},
		},
		engagement.RoleCommunityEngagementOfficer: {
			// One two-way contact of four in the period.
			{"25.00 %", "1 of 4", "at least 50 %", notMet},
			{"undefined", "", "at least 0.8", undefined},
			{"50.00 %", "3 of 6", "at least 10 %", met},
		},
	}
	for _, r := range engagement.Roles() {
		t.Run(r.String(), func(t *testing.T) {
			sc, err := engagement.RoleScorecard(r, in)
			require.NoError(t, err)
			assert.Equal(t, r.Label()+": Riverside Park redesign", sc.Title())
			var got []cardRow
			for i, e := range sc.All() {
				assert.Equal(t, r.Figures()[i].Label(), e.Indicator().Name())
				got = append(got, cardRow{e.ValueText(), e.Basis(), e.Indicator().TargetText(), e.Verdict()})
			}
			assert.Equal(t, want[r], got)
		})
	}
}

// TestRoleFiguresWithoutInputs: a figure whose input is missing is
// undefined, not an error.
func TestRoleFiguresWithoutInputs(t *testing.T) {
	roleFigures := []engagement.Figure{engagement.FigureVolunteerRate, engagement.FigureRelationshipGrowth,
		engagement.FigureReputationTrend, engagement.FigureInquiriesOnTime, engagement.FigureDialogueShare,
		engagement.FigureCoverageQuality, engagement.FigureSubstantiveShare}
	verdicts := func(in engagement.ScorecardInput) []metrics.Verdict {
		sc, err := engagement.NewScorecard("Card", in, roleFigures...)
		require.NoError(t, err)
		var out []metrics.Verdict
		for _, e := range sc.All() {
			out = append(out, e.Verdict())
		}
		return out
	}
	p := newProcess(t)
	// No map, no period, no volunteering, no mention, no rating.
	assert.Equal(t, []metrics.Verdict{undefined, undefined, undefined, undefined, undefined, undefined, undefined},
		verdicts(engagement.ScorecardInput{Process: p}))
	// A map but no period: only the dialogue share, over every contact (1
	// two-way of 6), is defined.
	assert.Equal(t, []metrics.Verdict{undefined, undefined, undefined, undefined, notMet, undefined, undefined},
		verdicts(engagement.ScorecardInput{Process: p, Map: roleMap(t)}))
	// An earlier period with no contact leaves the trend undefined; a
	// period in which nothing grows from zero leaves growth undefined.
	empty := participation.Period{Start: date(time.January, 1), End: date(time.January, 2)}
	assert.Equal(t, []metrics.Verdict{undefined, undefined, undefined, undefined, undefined, undefined, undefined},
		verdicts(engagement.ScorecardInput{Process: p, Map: roleMap(t), Period: empty, Earlier: participation.Period{Start: date(time.January, 3), End: date(time.January, 4)}}))
}

func TestRoleScorecardRefuses(t *testing.T) {
	_, err := engagement.RoleScorecard(0, roleInput(t))
	require.ErrorIs(t, err, engagement.ErrInvalid)
	_, err = engagement.RoleScorecard(engagement.RoleCivicEngagementSpecialist, engagement.ScorecardInput{})
	require.ErrorIs(t, err, engagement.ErrInvalid)

	// Three volunteers cannot be a share of two eligible people.
	in := roleInput(t)
	in.Eligible = 2
	_, err = engagement.RoleScorecard(engagement.RoleCivicEngagementSpecialist, in)
	require.ErrorIs(t, err, metrics.ErrPartExceedsWhole)

}

// TestRelationshipGrowthHalfLife: with a 30-day half-life the two contacts
// of early March are a half-life old by the end of the period and count
// half: 2/3 + 1/2 + 8/3 + 5 + 2 + 4/3 = 73/6, 12.1667, against 2.3333
// before: (12.1667 − 2.3333) / 2.3333 = 4.214374.
func TestRelationshipGrowthHalfLife(t *testing.T) {
	in := roleInput(t)
	in.HalfLife = 30 * engagement.Day
	sc, err := engagement.NewScorecard("Card", in, engagement.FigureRelationshipGrowth)
	require.NoError(t, err)
	rows, _ := card(t, sc)
	assert.Equal(t, "421.44 %", rows["Relationship growth"].value)
}

// TestCoverageQualityAllMentions: over an unbounded period both mentions
// count, one positive and one negative: (1 − 1) / 2 = 0.
func TestCoverageQualityAllMentions(t *testing.T) {
	sc, err := engagement.NewScorecard("Card", engagement.ScorecardInput{Process: richProcess(t)}, engagement.FigureCoverageQuality, engagement.FigureMediaMentions)
	require.NoError(t, err)
	rows, _ := card(t, sc)
	assert.Equal(t, cardRow{"0.000000", "0 of 2", "at least 0", met}, rows["Media coverage quality"])
	assert.Equal(t, cardRow{"2", "", "at least 1", met}, rows["Media mentions"])
}
