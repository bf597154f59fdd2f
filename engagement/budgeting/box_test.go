package budgeting_test

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// people is a census of five residents: three in the north, one in the
// south, and a child.
var people = []string{
	"A-1,1980-01-02,f,north", "A-2,1990-05-06,m,north", "A-3,1975-07-08,f,north",
	"B-1,1985-03-04,m,south", "K-1,2015-09-09,f,north",
}

// newBox returns an open box on the district instance with the given form
// and revote policy; voters must be 16 or over.
func newBox(t testing.TB, form budgeting.BallotForm, revote budgeting.RevotePolicy) *budgeting.Box {
	t.Helper()
	rules, err := budgeting.NewBallotRules(districtInstance(t, budgeting.VoteTypeApproval, meta("max_length", "4")...), form)
	require.NoError(t, err)
	c := census(t, people...)
	box, err := budgeting.NewBox(budgeting.BoxSpec{Rules: rules, Verifier: c, Revote: revote, Opens: opens,
		Eligibility: engagement.Eligibility{MinAge: 16}, Electorate: c.Len()})
	require.NoError(t, err)
	return box
}

// ballot is a cast by document doc (birth date from the census) at minute m.
func ballot(doc string, ch budgeting.BallotChannel, m int, projects ...string) budgeting.Cast {
	birth := map[string]string{"A1": "1980-01-02", "A2": "1990-05-06", "A3": "1975-07-08", "B1": "1985-03-04", "K1": "2015-09-09"}
	return budgeting.Cast{Claim: budgeting.Claim{Document: doc, BirthDate: birth[budgeting.NormalizeDocument(doc)]},
		Channel: ch, At: opens.Add(time.Duration(m) * time.Minute), Projects: projects}
}

func TestBoxRevote(t *testing.T) {
	t.Run("last counts", func(t *testing.T) {
		box := newBox(t, budgeting.BallotForm{}, budgeting.RevotePolicyLastCounts)
		r1, err := box.Cast(ballot("A-1", budgeting.BallotChannelOnline, 1, "n1"))
		require.NoError(t, err)
		// the same person on paper, the document written differently
		r2, err := box.Cast(ballot("a 1", budgeting.BallotChannelPaper, 2, "n2", "s2"))
		require.NoError(t, err)
		assert.Equal(t, r1.Voter, r2.Voter, "one person through two channels")
		assert.Equal(t, budgeting.BallotStatusCounted, r2.Status)
		assert.Equal(t, 1, r2.Replaced)
		old, _ := box.Record(1)
		assert.Equal(t, budgeting.BallotStatusSuperseded, old.Status)
		assert.Equal(t, 2, old.SupersededBy)
		assert.Equal(t, []string{"n1"}, old.Projects, "the superseded ballot is kept as cast")
		seq, ok := box.CountedBallot(r1.Voter)
		require.True(t, ok)
		assert.Equal(t, 2, seq)
		f := box.Figures()
		assert.Equal(t, int64(1), f.Counted)
		assert.Equal(t, int64(1), f.Superseded)
		assert.Equal(t, int64(0), f.ByChannel[0].Count, "online no longer counts")
		assert.Equal(t, int64(1), f.ByChannel[1].Count)
	})
	t.Run("first counts", func(t *testing.T) {
		box := newBox(t, budgeting.BallotForm{}, budgeting.RevotePolicyFirstCounts)
		_, err := box.Cast(ballot("A-1", budgeting.BallotChannelBooth, 1, "n1"))
		require.NoError(t, err)
		r2, err := box.Cast(ballot("A1", budgeting.BallotChannelOnline, 2, "n2"))
		require.NoError(t, err)
		assert.Equal(t, budgeting.BallotStatusRejected, r2.Status)
		require.ErrorIs(t, r2.Reason, budgeting.ErrAlreadyVoted)
		require.ErrorIs(t, r2.Reason, budgeting.ErrDuplicate)
		seq, _ := box.CountedBallot(r2.Voter)
		assert.Equal(t, 1, seq)
	})
	t.Run("a rejected ballot does not block a later one", func(t *testing.T) {
		box := newBox(t, budgeting.BallotForm{MinProjects: 2}, budgeting.RevotePolicyFirstCounts)
		r1, err := box.Cast(ballot("A-1", budgeting.BallotChannelOnline, 1, "n1"))
		require.NoError(t, err)
		require.ErrorIs(t, r1.Reason, budgeting.ErrMinProjects)
		r2, err := box.Cast(ballot("A-1", budgeting.BallotChannelOnline, 2, "n1", "n2"))
		require.NoError(t, err)
		assert.Equal(t, budgeting.BallotStatusCounted, r2.Status)
	})
}

func TestBoxRejects(t *testing.T) {
	box := newBox(t, budgeting.BallotForm{MinBudgetShare: decimal.NewFromInt(70)}, budgeting.RevotePolicyFirstCounts)
	cases := []struct {
		name string
		cast budgeting.Cast
		want error
		key  string
	}{
		{"not on the census", ballot("Z-9", budgeting.BallotChannelOnline, 1, "n1", "n2"), budgeting.ErrNotVerified, "not verified"},
		{"wrong birth date", budgeting.Cast{Claim: budgeting.Claim{Document: "A-2", BirthDate: "1990-05-07"}, Channel: budgeting.BallotChannelOnline,
			At: opens.Add(time.Minute), Projects: []string{"n1", "n2"}}, budgeting.ErrNotVerified, ""},
		{"too young", ballot("K-1", budgeting.BallotChannelPaper, 2, "n1", "n2"), budgeting.ErrNotEligible, "not eligible"},
		{"spends too little", ballot("A-3", budgeting.BallotChannelOnline, 3, "s2"), budgeting.ErrMinBudgetShare, "min budget share"},
		{"unknown project", ballot("B-1", budgeting.BallotChannelOnline, 4, "n1", "zz"), budgeting.ErrUnknownProject, "malformed"},
	}
	for _, c := range cases {
		r, err := box.Cast(c.cast)
		require.NoError(t, err, c.name)
		assert.Equal(t, budgeting.BallotStatusRejected, r.Status, c.name)
		require.ErrorIs(t, r.Reason, c.want, c.name)
		rec, ok := box.Record(r.Seq)
		require.True(t, ok)
		assert.Equal(t, c.cast.Projects, rec.Projects, "kept as cast")
		require.ErrorIs(t, rec.Reason, c.want)
	}
	f := box.Figures()
	assert.Equal(t, int64(len(cases)), f.Rejected)
	assert.Equal(t, int64(0), f.Counted)
	assert.Equal(t, len(cases), len(slices.Collect(box.Rejected())))
	assert.Equal(t, "5/5", f.RejectedShare.String())
	reasons := map[string]int64{}
	for _, g := range f.RejectedByReason {
		reasons[g.Group] = g.Count
	}
	assert.Equal(t, map[string]int64{"not verified": 2, "not eligible": 1, "min budget share": 1, "malformed": 1}, reasons)
}

// A call the box cannot take records nothing.
func TestBoxRefusesAndChangesNothing(t *testing.T) {
	box := newBox(t, budgeting.BallotForm{}, budgeting.RevotePolicyLastCounts)
	_, err := box.Cast(ballot("A-1", budgeting.BallotChannelOnline, 10, "n1"))
	require.NoError(t, err)
	cases := []struct {
		name string
		cast budgeting.Cast
		want error
	}{
		{"before the latest ballot", ballot("A-2", budgeting.BallotChannelOnline, 9, "n1"), budgeting.ErrTimeOrder},
		{"zero time", budgeting.Cast{Claim: budgeting.Claim{Document: "A-2"}, Channel: budgeting.BallotChannelOnline}, budgeting.ErrTimeOrder},
		{"no channel", ballot("A-2", 0, 11, "n1"), budgeting.ErrInvalid},
	}
	for _, c := range cases {
		_, err := box.Cast(c.cast)
		require.ErrorIs(t, err, c.want, c.name)
		assert.Equal(t, 1, box.Len(), c.name)
	}
	require.ErrorIs(t, box.Close(opens), budgeting.ErrTimeOrder)
	require.NoError(t, box.Close(opens.Add(time.Hour)))
	_, err = box.Cast(ballot("A-2", budgeting.BallotChannelOnline, 61, "n1"))
	require.ErrorIs(t, err, budgeting.ErrWrongState)
	require.ErrorIs(t, box.Close(opens.Add(2*time.Hour)), budgeting.ErrWrongState)
	assert.Equal(t, 1, box.Len())
	at, closed := box.Closed()
	assert.True(t, closed)
	assert.Equal(t, opens.Add(time.Hour), at)
}

func TestNewBoxRefuses(t *testing.T) {
	_, err := budgeting.NewBox(budgeting.BoxSpec{Electorate: -1, Eligibility: engagement.Eligibility{MinAge: -1}})
	require.ErrorIs(t, err, budgeting.ErrInvalid)
	for _, s := range []string{"box without ballot rules", "without a verifier", "revote policy", "eligibility", "opening time", "electorate"} {
		assert.Contains(t, err.Error(), s)
	}
}

// The counted ballots make an election that writes a .pb file that reads
// back equal, with one voter per person and the voters' attributes from
// the census.
func TestBoxElectionRoundTrip(t *testing.T) {
	box := newBox(t, budgeting.BallotForm{DistrictColumn: "district"}, budgeting.RevotePolicyLastCounts)
	for i, c := range []budgeting.Cast{
		ballot("A-1", budgeting.BallotChannelOnline, 1, "n1", "n2"),
		ballot("A-2", budgeting.BallotChannelPaper, 2, "n1", "s1"), // two districts: rejected
		ballot("B-1", budgeting.BallotChannelBooth, 3, "s1", "s2"),
		ballot("A-1", budgeting.BallotChannelPaper, 4, "n3"), // supersedes
		ballot("A-3", budgeting.BallotChannelOnline, 5),      // an empty ballot counts
	} {
		_, err := box.Cast(c)
		require.NoError(t, err, i)
	}
	e, err := box.Election()
	require.NoError(t, err)
	assert.Equal(t, 3, e.Profile().Len())
	assert.Empty(t, e.Warnings())
	n, _ := e.Instance().Meta("num_votes")
	assert.Equal(t, "3", n)
	var buf bytes.Buffer
	_, err = e.WriteTo(&buf)
	require.NoError(t, err)
	back, err := budgeting.Parse(buf.Bytes())
	require.NoError(t, err)
	assert.True(t, back.Equal(e), buf.String())
	v := back.Profile().Voter(0) // voters come in the order of their counted ballots
	assert.Equal(t, "booth", v.VotingMethod())
	assert.Equal(t, "south", v.Area())
	assert.Equal(t, "m", v.Sex())
	band, _ := v.Attribute("age_band")
	assert.Equal(t, "35-44", band)
	assert.Equal(t, "paper", back.Profile().Voter(1).VotingMethod(), "A-1's counted ballot is the paper one")
	_, err = uuid.Parse(back.Profile().Voter(0).ID())
	require.NoError(t, err)
}

// Property: whatever is cast, every counted ballot keeps every META limit
// and every rule of the form, and Election → .pb → Election is equal.
func TestBoxPropertyAcceptedKeepLimits(t *testing.T) {
	lines := make([]string, 200)
	for i := range lines {
		lines[i] = "P-" + strconv.Itoa(i) + ",,," + []string{"north", "south"}[i%2]
	}
	c := census(t, lines...)
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 7))
		m := meta("min_length", strconv.Itoa(rng.IntN(2)), "max_length", strconv.Itoa(2+rng.IntN(3)),
			"min_sum_cost", strconv.Itoa(rng.IntN(30000)), "max_sum_cost", strconv.Itoa(60000+rng.IntN(60000)))
		inst := districtInstance(t, budgeting.VoteTypeApproval, m...)
		form := budgeting.BallotForm{MinBudgetShare: decimal.NewFromInt(int64(rng.IntN(60))), Knapsack: rng.IntN(2) == 0}
		rules, err := budgeting.NewBallotRules(inst, form)
		require.NoError(t, err)
		box, err := budgeting.NewBox(budgeting.BoxSpec{Rules: rules, Verifier: c, Revote: budgeting.RevotePolicies()[rng.IntN(2)], Opens: opens})
		require.NoError(t, err)
		ids := []string{"n1", "n2", "n3", "s1", "s2", "c1", "zz"}
		for k := range 300 {
			var vote []string
			for range rng.IntN(6) {
				vote = append(vote, ids[rng.IntN(len(ids))])
			}
			_, err := box.Cast(budgeting.Cast{Claim: budgeting.Claim{Document: "P-" + strconv.Itoa(rng.IntN(220))},
				Channel: budgeting.BallotChannels()[rng.IntN(3)], At: opens.Add(time.Duration(k) * time.Second), Projects: vote})
			require.NoError(t, err)
		}
		e, err := box.Election()
		require.NoError(t, err)
		for _, v := range e.Profile().Voters() {
			b := v.Ballot()
			var sum decimal.Decimal
			var projects []string
			for _, j := range b.Projects() {
				sum = sum.Add(inst.Cost(j))
				projects = append(projects, inst.ProjectID(j))
			}
			lo, _ := inst.Meta("min_length")
			hi, _ := inst.Meta("max_length")
			minCost, _ := inst.Meta("min_sum_cost")
			maxCost, _ := inst.Meta("max_sum_cost")
			assert.GreaterOrEqual(t, strconv.Itoa(b.Len()), lo)
			assert.LessOrEqual(t, b.Len(), atoi(t, hi))
			assert.GreaterOrEqual(t, b.Len(), atoi(t, lo))
			assert.True(t, sum.GreaterThanOrEqual(decimal.RequireFromString(minCost)), "seed %d: %v costs %s", seed, projects, sum)
			assert.True(t, sum.LessThanOrEqual(decimal.RequireFromString(maxCost)))
			assert.NoError(t, rules.Check(projects, nil, ""))
		}
		var buf bytes.Buffer
		_, err = e.WriteTo(&buf)
		require.NoError(t, err)
		back, err := budgeting.Parse(buf.Bytes())
		require.NoError(t, err)
		require.True(t, back.Equal(e), "seed %d", seed)
		assert.Equal(t, box.Counted(), e.Profile().Len())
	}
}

func atoi(t *testing.T, s string) int {
	n, err := strconv.Atoi(s)
	require.NoError(t, err)
	return n
}

func TestImportPaper(t *testing.T) {
	box := newBox(t, budgeting.BallotForm{}, budgeting.RevotePolicyFirstCounts)
	sheets := strings.Join([]string{
		"Sheet,Document,Birth date,Vote,Cast at,Channel",
		`1,A-1,1980-01-02,"n1,n2",2025-05-01T08:30:00Z,`,
		`2,A-2,1990-05-06,n1;s2,2025-05-01T09:00:00Z,booth`,
		`3,A-1,1980-01-02,n3,,`,                     // second ballot: rejected, kept
		`4,B-1,1985-03-04,n1,yesterday,`,            // unreadable time: not cast
		`5,B-1,1985-03-04,n1,,online`,               // paper sheets are not online
		`6,A-3,1975-07-08,n1,2025-05-01T08:00:00Z,`, // before the previous row
		`7,"A-3,1975-07-08,n1`,                      // bare quote
	}, "\n")
	rows, err := box.ImportPaper(strings.NewReader(sheets), opens.Add(90*time.Minute))
	require.NoError(t, err)
	require.Len(t, rows, 7)
	assert.Equal(t, budgeting.BallotStatusCounted, rows[0].Receipt.Status)
	assert.Equal(t, budgeting.BallotStatusCounted, rows[1].Receipt.Status)
	require.ErrorIs(t, rows[2].Receipt.Reason, budgeting.ErrAlreadyVoted)
	require.ErrorIs(t, rows[3].Err, budgeting.ErrInvalid)
	require.ErrorIs(t, rows[4].Err, budgeting.ErrInvalid)
	require.ErrorIs(t, rows[5].Err, budgeting.ErrTimeOrder)
	require.ErrorIs(t, rows[6].Err, budgeting.ErrInvalid)
	assert.Equal(t, 3, box.Len())
	for i, r := range rows {
		assert.Equal(t, i+2, r.Line)
		assert.Equal(t, i < 3, r.Received())
	}
	rec, _ := box.Record(2)
	assert.Equal(t, budgeting.BallotChannelBooth, rec.Channel)
	assert.Equal(t, opens.Add(time.Hour), rec.At)

	_, err = box.ImportPaper(strings.NewReader("document,ballot\nA-1,n1\n"), opens.Add(3*time.Hour))
	require.ErrorIs(t, err, budgeting.ErrMissingField)
	_, err = box.ImportPaper(strings.NewReader(""), opens.Add(3*time.Hour))
	require.ErrorIs(t, err, budgeting.ErrInvalid)
	assert.Equal(t, 3, box.Len())
}

func FuzzImportPaper(f *testing.F) {
	f.Add("document,vote\nA-1,\"n1,n2\"\n")
	f.Add("document,birth_date,vote,points,cast_at,channel\nA-1,1980-01-02,n1;n2,1;2,2025-05-01T09:00:00Z,booth\nx,,,,,\n")
	f.Add("document,vote\n\"A-1,n1\n")
	f.Add("vote,document\nn1,A-2\nn1,A-2\n")
	f.Add("0")
	rules, err := budgeting.NewBallotRules(districtInstance(f, budgeting.VoteTypeApproval, meta("max_length", "3")...), budgeting.BallotForm{MinProjects: 1})
	require.NoError(f, err)
	c := census(f, people...)
	f.Fuzz(func(t *testing.T, sheets string) {
		box, err := budgeting.NewBox(budgeting.BoxSpec{Rules: rules, Verifier: c, Revote: budgeting.RevotePolicyLastCounts, Opens: opens})
		require.NoError(t, err)
		rows, err := box.ImportPaper(strings.NewReader(sheets), opens.Add(time.Hour))
		if err != nil {
			if !errors.Is(err, budgeting.ErrMissingField) {
				require.ErrorIs(t, err, budgeting.ErrInvalid)
			}
			require.Zero(t, box.Len(), "a refused import casts nothing")
			return
		}
		received := 0
		for _, r := range rows {
			if r.Received() {
				received++
				assert.NoError(t, r.Err)
			} else {
				require.Error(t, r.Err)
			}
		}
		require.Equal(t, received, box.Len())
		e, err := box.Election()
		require.NoError(t, err)
		for _, v := range e.Profile().Voters() {
			var ids []string
			for _, j := range v.Ballot().Projects() {
				ids = append(ids, e.Instance().ProjectID(j))
			}
			require.NoError(t, rules.Check(ids, nil, ""))
		}
	})
}

// manyAreas is a verifier whose every voter lives in an area of their own.
type manyAreas struct{}

func (manyAreas) Verify(c budgeting.Claim) (budgeting.Identity, error) {
	n, err := strconv.Atoi(c.Document)
	if err != nil {
		return budgeting.Identity{}, budgeting.ErrNotVerified
	}
	return budgeting.Identity{ID: uuid.UUID{0: 0xab, 12: byte(n >> 24), 13: byte(n >> 16), 14: byte(n >> 8), 15: byte(n)},
		Profile: stakeholder.Profile{Area: "area " + c.Document, Sex: "x", Resident: true}}, nil
}

// TestBoxRefusesBeyondItsLabels fills the box's 16-bit table of sexes and
// areas: the voter who would need one more label is refused before
// anything is recorded, instead of being merged into another area.
func TestBoxRefusesBeyondItsLabels(t *testing.T) {
	rules, err := budgeting.NewBallotRules(districtInstance(t, budgeting.VoteTypeApproval, meta("max_length", "4")...), budgeting.BallotForm{})
	require.NoError(t, err)
	box, err := budgeting.NewBox(budgeting.BoxSpec{Rules: rules, Verifier: manyAreas{}, Opens: opens, Revote: budgeting.RevotePolicyLastCounts})
	require.NoError(t, err)
	// "" (no value), "x" and 65,534 areas fill the 65,536 labels.
	n := 0
	for ; n < 65534; n++ {
		_, err := box.Cast(budgeting.Cast{Claim: budgeting.Claim{Document: strconv.Itoa(n)}, Channel: budgeting.BallotChannelOnline, At: opens, Projects: []string{"1"}})
		require.NoError(t, err, n)
	}
	before := box.Figures()
	_, err = box.Cast(budgeting.Cast{Claim: budgeting.Claim{Document: strconv.Itoa(n)}, Channel: budgeting.BallotChannelOnline, At: opens, Projects: []string{"1"}})
	require.ErrorIs(t, err, budgeting.ErrOverflow)
	assert.Equal(t, before, box.Figures(), "the refused cast recorded nothing")
}
