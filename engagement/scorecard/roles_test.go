package scorecard_test

import (
	"strings"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/civitas-go/civitas/stakeholder/concerns"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The reporting period of the role tests: 30 days from 16 March 09:00; the
// earlier period is the 30 days before.
var rolePeriod = metrics.Period{Start: fixture.Date(time.March, 16), End: fixture.Date(time.April, 15)}

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
	addStakeholder(t, m, fixture.ID(601), "Friends of the Park", stakeholder.KindCommunityGroup, 4, 5, 5, 5)
	addStakeholder(t, m, fixture.ID(602), "Cafe owners", stakeholder.KindBusiness, 5, 5, 4, 2)
	log := []stakeholder.Interaction{
		{ID: fixture.ID(701), Stakeholder: fixture.ID(601), At: fixture.Date(time.March, 1), Channel: stakeholder.ChannelEmail, Direction: stakeholder.DirectionInbound, Sentiment: -1},
		{ID: fixture.ID(702), Stakeholder: fixture.ID(602), At: fixture.Date(time.March, 3), Channel: stakeholder.ChannelLetter, Direction: stakeholder.DirectionOutbound},
		{ID: fixture.ID(703), Stakeholder: fixture.ID(601), At: fixture.Date(time.March, 20), Channel: stakeholder.ChannelEmail, Direction: stakeholder.DirectionInbound, Sentiment: 1},
		{ID: fixture.ID(704), Stakeholder: fixture.ID(601), At: fixture.Date(time.March, 23), Channel: stakeholder.ChannelMeeting, Direction: stakeholder.DirectionTwoWay, Sentiment: 2, InReplyTo: fixture.ID(703)},
		{ID: fixture.ID(705), Stakeholder: fixture.ID(602), At: fixture.Date(time.March, 25), Channel: stakeholder.ChannelPhone, Direction: stakeholder.DirectionInbound},
		{ID: fixture.ID(706), Stakeholder: fixture.ID(602), At: fixture.Date(time.April, 1), Channel: stakeholder.ChannelLetter, Direction: stakeholder.DirectionOutbound, Sentiment: 1},
	}
	for _, x := range log {
		require.NoError(t, m.Log(x))
	}
	return m
}

// cleanUp returns a volunteer clean-up in which three people gave two hours
// each on 20 March.
func cleanUp(t testing.TB) *participation.VolunteerActivity {
	a, err := participation.NewActivity(fixture.ID(800), "River clean-up", fixture.ID(601))
	require.NoError(t, err)
	for n := range 3 {
		require.NoError(t, a.Log(fixture.ID(810+n), fixture.Date(time.March, 20), 2*time.Hour))
	}
	return a
}

// roleInput is the rich fixture with the map, the clean-up (10 people
// eligible) and a target population of 8,000.
func roleInput(t testing.TB) scorecard.Input {
	return scorecard.Input{
		Process: fixture.RichProcess(t), Options: scorecard.Options{TargetPopulation: 8000},
		Map: roleMap(t), Period: rolePeriod, Volunteering: []*participation.VolunteerActivity{cleanUp(t)}, Eligible: 10,
	}
}

// TestRoleScorecards works each role's default scorecard out by hand (the
// process figures are worked out in TestProcessScorecard).
func TestRoleScorecards(t *testing.T) {
	in := roleInput(t)
	want := map[scorecard.Role][]cardRow{
		scorecard.RoleCivicEngagementSpecialist: {
			{"30.00 %", "3 of 10", "at least 25 %", met}, // three volunteers of ten eligible
			{"100.00 %", "2 of 2", "at least 60 %", met},
			{"50.00 %", "3 of 6", "at least 10 %", met},
		},
		scorecard.RoleCommunityRelationsManager: {
			// Of the two mentions, only the negative one (23 March, an
			// audience of 3,000) falls in the period: −3000 / 3000.
			{"-1.000000", "-3000 of 3000", "at least 0", notMet},
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
		scorecard.RolePublicOutreachCoordinator: {
			{"5200", "", "at least 4000", met},
			{"65.00 %", "5200 of 8000", "at least 50 %", met},
			{"1", "", "at least 1", met},
		},
		scorecard.RolePublicEngagementCoordinator: {
			{"4", "", "at least 2", met},
			{"6", "", "at least 2", met},
			// Three rated: 1000 (substantive, 3), 1001 (substantive, 2),
			// 1002 (not, 0). Two of three substantive; mean score 5/3.
			{"66.67 %", "2 of 3", "at least 75 %", notMet},
			{"1.666667", "5 of 3", "at least 2", notMet},
		},
		scorecard.RoleCommunityRelationsOfficer: {
			// Two inquiries in the period, one answered after 3 days.
			{"50.00 %", "1 of 2", "at least 90 %", notMet},
			// The one objection (1001) was declined with its reason.
			{"100.00 %", "1 of 1", "at least 90 %", met},
			{"6", "", "at least 2", met},
		},
		scorecard.RoleCommunityEngagementOfficer: {
			// One two-way contact of four in the period.
			{"25.00 %", "1 of 4", "at least 50 %", notMet},
			{"undefined", "", "at least 0.8", undefined},
			{"50.00 %", "3 of 6", "at least 10 %", met},
		},
	}
	for _, r := range scorecard.Roles() {
		t.Run(r.String(), func(t *testing.T) {
			sc, err := scorecard.ForRole(r, in)
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
	roleFigures := []scorecard.Figure{scorecard.FigureVolunteerRate, scorecard.FigureRelationshipGrowth,
		scorecard.FigureReputationTrend, scorecard.FigureInquiriesOnTime, scorecard.FigureDialogueShare,
		scorecard.FigureCoverageQuality, scorecard.FigureSubstantiveShare}
	verdicts := func(in scorecard.Input) []metrics.Verdict {
		sc, err := scorecard.New("Card", in, roleFigures...)
		require.NoError(t, err)
		var out []metrics.Verdict
		for _, e := range sc.All() {
			out = append(out, e.Verdict())
		}
		return out
	}
	p := fixture.NewProcess(t)
	// No map, no period, no volunteering, no mention, no rating.
	assert.Equal(t, []metrics.Verdict{undefined, undefined, undefined, undefined, undefined, undefined, undefined},
		verdicts(scorecard.Input{Process: p}))
	// A map but no period: only the dialogue share, over every contact (1
	// two-way of 6), is defined.
	assert.Equal(t, []metrics.Verdict{undefined, undefined, undefined, undefined, notMet, undefined, undefined},
		verdicts(scorecard.Input{Process: p, Map: roleMap(t)}))
	// An earlier period with no contact leaves the trend undefined; a
	// period in which nothing grows from zero leaves growth undefined.
	empty := metrics.Period{Start: fixture.Date(time.January, 1), End: fixture.Date(time.January, 2)}
	assert.Equal(t, []metrics.Verdict{undefined, undefined, undefined, undefined, undefined, undefined, undefined},
		verdicts(scorecard.Input{Process: p, Map: roleMap(t), Period: empty, Earlier: metrics.Period{Start: fixture.Date(time.January, 3), End: fixture.Date(time.January, 4)}}))
}

func TestRoleScorecardRefuses(t *testing.T) {
	_, err := scorecard.ForRole(0, roleInput(t))
	require.ErrorIs(t, err, scorecard.ErrInvalid)
	_, err = scorecard.ForRole(scorecard.RoleCivicEngagementSpecialist, scorecard.Input{})
	require.ErrorIs(t, err, scorecard.ErrInvalid)

	// Three volunteers cannot be a share of two eligible people.
	in := roleInput(t)
	in.Eligible = 2
	_, err = scorecard.ForRole(scorecard.RoleCivicEngagementSpecialist, in)
	require.ErrorIs(t, err, metrics.ErrPartExceedsWhole)

}

// TestRelationshipGrowthHalfLife: with a 30-day half-life the two contacts
// of early March are a half-life old by the end of the period and count
// half: 2/3 + 1/2 + 8/3 + 5 + 2 + 4/3 = 73/6, 12.1667, against 2.3333
// before: (12.1667 − 2.3333) / 2.3333 = 4.214374.
func TestRelationshipGrowthHalfLife(t *testing.T) {
	in := roleInput(t)
	in.HalfLife = 30 * engagement.Day
	sc, err := scorecard.New("Card", in, scorecard.FigureRelationshipGrowth)
	require.NoError(t, err)
	rows, _ := card(t, sc)
	assert.Equal(t, "421.44 %", rows["Relationship growth"].value)
}

// TestCoverageQualityAllMentions: over an unbounded period both mentions
// count, each weighted by its recorded audience: the Gazette's positive
// piece (12,000) and the radio's negative one (3,000): (12000 − 3000) /
// 15000 = 0.6. Counted once each, they would balance out at 0: the reach
// is what tells a national story from a newsletter item.
func TestCoverageQualityAllMentions(t *testing.T) {
	sc, err := scorecard.New("Card", scorecard.Input{Process: fixture.RichProcess(t)}, scorecard.FigureCoverageQuality, scorecard.FigureMediaMentions)
	require.NoError(t, err)
	rows, _ := card(t, sc)
	assert.Equal(t, cardRow{"0.600000", "9000 of 15000", "at least 0", met}, rows["Media coverage quality"])
	assert.Equal(t, cardRow{"2", "", "at least 1", met}, rows["Media mentions"])
}

// TestCoverageQualityUnknownAudience: a mention recorded with an unknown
// audience (0) counts as a mention but weighs nothing; with no mention of
// known audience, coverage quality is undefined, not a guess.
func TestCoverageQualityUnknownAudience(t *testing.T) {
	p := fixture.NewProcess(t)
	aud, err := engagement.NewAudience("everyone")
	require.NoError(t, err)
	require.NoError(t, p.AddCampaign(engagement.CampaignSpec{ID: fixture.CampaignID, Name: "Press", Medium: engagement.MediumPress, Audience: aud}, fixture.Created))
	require.NoError(t, p.AddMention(fixture.CampaignID, engagement.Clipping{Outlet: "Blog", Mention: metrics.Mention{Tone: metrics.ToneNegative}}, fixture.Created))
	sc, err := scorecard.New("Card", scorecard.Input{Process: p}, scorecard.FigureCoverageQuality, scorecard.FigureMediaMentions)
	require.NoError(t, err)
	rows, _ := card(t, sc)
	assert.Equal(t, undefined, rows["Media coverage quality"].verdict)
	assert.Equal(t, "1", rows["Media mentions"].value)
	require.NoError(t, p.AddMention(fixture.CampaignID, engagement.Clipping{Outlet: "Gazette", Mention: metrics.Mention{Reach: 500, Tone: metrics.TonePositive}}, fixture.Created))
	sc, err = scorecard.New("Card", scorecard.Input{Process: p}, scorecard.FigureCoverageQuality)
	require.NoError(t, err)
	rows, _ = card(t, sc)
	assert.Equal(t, cardRow{"1.000000", "500 of 500", "at least 0", met}, rows["Media coverage quality"])
}

// TestComplaintFiguresJoinTheRelationsRoles reads two complaints into the
// officer's and the manager's scorecards. By hand: case 1 was acknowledged
// 6 hours after it came in (the rules allow 2 days), accepted and closed
// resolved; case 2 was acknowledged after 3 days, late, and is still open.
// Acknowledged on time: 1 of 2. Resolved: of the cases closed resolved or
// unresolved, 1 (case 1) of 1.
func TestComplaintFiguresJoinTheRelationsRoles(t *testing.T) {
	reg, err := concerns.NewRegister(concerns.DefaultRules())
	require.NoError(t, err)
	const log = "Case,Received at,Officer,Kind,Channel,Category,Topics,Severity,Area,Stakeholders,Disclosure,Complainant,Confidential,Acknowledged at,Assessed at,Scope,Scope reason,Referral,Investigating at,Proposed at,Proposal,Response,Response note,Responded at,Closed at,Close note,Withdrawn at,Withdraw reason\n" +
		"00000000-0000-4000-8000-000000000101,2025-04-02 09:10,00000000-0000-4000-8000-000000000901,complaint,phone,noise,night_work,medium,riverside,,named,00000000-0000-4000-8000-000000000201,,2025-04-02 15:00,2025-04-03 10:00,in,,,2025-04-03 11:00,2025-04-10 16:00,Machinery stops at 19:00,accepted,,2025-04-11 09:30,2025-04-25 12:00,Hours kept,,\n" +
		"00000000-0000-4000-8000-000000000102,2025-04-03 08:45,00000000-0000-4000-8000-000000000901,complaint,email,noise,night_work,high,riverside,,named,00000000-0000-4000-8000-000000000202,,2025-04-06 09:00,,,,,,,,,,,,,,\n"
	res, err := reg.ImportCSV(strings.NewReader(log))
	require.NoError(t, err)
	require.Equal(t, 2, reg.Len(), "%+v", res)

	in := roleInput(t)
	in.Period = metrics.Period{Start: time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)}
	in.Earlier = metrics.Period{}
	in.Concerns = reg
	in.AsOf = time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	officer, err := scorecard.ForRole(scorecard.RoleCommunityRelationsOfficer, in)
	require.NoError(t, err)
	rows := map[string]string{}
	for _, e := range officer.All() {
		rows[e.Indicator().Name()] = e.ValueText() + " · " + e.Basis()
	}
	assert.Equal(t, "50.00 % · 1 of 2", rows[concerns.FigureAcknowledgedOnTime.Label()])
	assert.Equal(t, "100.00 % · 1 of 1", rows[concerns.FigureResolvedShare.Label()])
	assert.Len(t, rows, len(scorecard.RoleCommunityRelationsOfficer.Figures())+4)

	manager, err := scorecard.ForRole(scorecard.RoleCommunityRelationsManager, in)
	require.NoError(t, err)
	assert.Equal(t, len(scorecard.RoleCommunityRelationsManager.Figures())+5, manager.Len())

	civic, err := scorecard.ForRole(scorecard.RoleCivicEngagementSpecialist, in)
	require.NoError(t, err)
	assert.Equal(t, len(scorecard.RoleCivicEngagementSpecialist.Figures()), civic.Len(), "other roles are not judged by complaints")

	in.AsOf = time.Time{}
	_, err = scorecard.ForRole(scorecard.RoleCommunityRelationsOfficer, in)
	require.ErrorIs(t, err, scorecard.ErrInvalid, "a register needs the time its figures are read")
}
