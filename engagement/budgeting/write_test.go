package budgeting_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// TestRoundTrip reads every instance, writes it, and reads it again: the
// same election, and writing once more gives the same bytes.
func TestRoundTrip(t *testing.T) {
	files, err := filepath.Glob("testdata/*.pb")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	if shared, _ := filepath.Glob(filepath.Join(sharedDir, "*.pb")); !raceEnabled {
		files = append(files, shared...)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			e, err := budgeting.ReadFile(f)
			require.NoError(t, err)
			var first bytes.Buffer
			n, err := e.WriteTo(&first)
			require.NoError(t, err)
			assert.Equal(t, int64(first.Len()), n)
			again, err := budgeting.Parse(first.Bytes())
			require.NoError(t, err)
			assert.True(t, e.Equal(again), "the re-read election differs")
			var second bytes.Buffer
			_, err = again.WriteTo(&second)
			require.NoError(t, err)
			assert.Equal(t, first.String(), second.String())
			// Nothing the file holds is lost: every META key, column and
			// ballot.
			assert.Equal(t, e.Instance().MetaFields(), again.Instance().MetaFields())
			assert.Equal(t, e.Profile().Columns(), again.Profile().Columns())
		})
	}
}

func TestWriteCanonical(t *testing.T) {
	// Cells that need quotes get them: a separator, a quote, a literal
	// "none", and a first cell that would read as a section title. A
	// decimal comma becomes a point; "400000.0" keeps its decimal.
	text := "\ufeffMETA\r\nkey;value\r\nbudget; 400000,50 \r\nvote_type;Approval\r\ndescription;\"a;b\"\r\n" +
		"PROJECTS\r\nid;cost;name;categories;votes\r\nvotes;400000.0;\"say \"\"hi\"\"\";x, y;NONE\r\n" +
		"p2;1;\"none\";;\r\n" +
		"VOTES\r\nvoter_id;vote;age\r\nmeta;votes,p2;none\r\n"
	e := mustParse(t, text)
	var out bytes.Buffer
	_, err := e.WriteTo(&out)
	require.NoError(t, err)
	want := "META\nkey;value\nbudget;400000.50\nvote_type;Approval\ndescription;\"a;b\"\n" +
		"PROJECTS\nid;cost;name;categories;votes\n\"votes\";400000.0;\"say \"\"hi\"\"\";x,y;\n" +
		"p2;1;\"none\";;\n" +
		"VOTES\nvoter_id;vote;age\n\"meta\";votes,p2;\n"
	assert.Equal(t, want, out.String())
}

func TestWritePoints(t *testing.T) {
	// Points are written in their shortest exact form.
	e := mustParse(t, "META\nkey;value\nbudget;10\nvote_type;scoring\nPROJECTS\nproject_id;cost\na;1\nb;2\n"+
		"VOTES\nvoter_id;vote;points\nv1;a,b;1.50,2\nv2;;\n")
	var out bytes.Buffer
	_, err := e.WriteTo(&out)
	require.NoError(t, err)
	assert.Contains(t, out.String(), "\nv1;a,b;1.5,2\nv2;;\n")
}

var errWrite = errors.New("disk full")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestWriteError(t *testing.T) {
	e := mustParse(t, instanceA)
	_, err := e.WriteTo(failingWriter{})
	require.ErrorIs(t, err, errWrite)
}

func TestBuiltElectionRoundTrip(t *testing.T) {
	// An election built in Go writes and reads back equal, sparse extra
	// fields and attributes included.
	inst, err := budgeting.NewInstance(decimal.RequireFromString("1000.00"), budgeting.VoteTypeCumulative, []budgeting.Project{
		{ID: "a", Cost: decimal.RequireFromString("250.5"), Name: "Benches", Categories: []string{"public space"}},
		{ID: "b", Cost: decimal.NewFromInt(600), Targets: []string{"seniors", "children"}, Extra: []budgeting.Field{{Key: "district", Value: "North"}}},
	}, budgeting.Field{Key: "description", Value: "Test"}, budgeting.Field{Key: "max_sum_points", Value: "3"})
	require.NoError(t, err)
	e, err := budgeting.NewElection(inst, []budgeting.Vote{
		{VoterID: "1", Projects: []string{"a", "b"}, Points: []decimal.Decimal{decimal.NewFromInt(2), decimal.RequireFromString("0.5")},
			Attributes: []budgeting.Field{{Key: "age", Value: "40"}}},
		{VoterID: "2", Projects: []string{"b"}, Points: []decimal.Decimal{decimal.NewFromInt(3)},
			Attributes: []budgeting.Field{{Key: "sex", Value: "M"}}},
	})
	require.NoError(t, err)
	var out bytes.Buffer
	_, err = e.WriteTo(&out)
	require.NoError(t, err)
	assert.Equal(t, "META\nkey;value\nbudget;1000.00\nvote_type;cumulative\ndescription;Test\nmax_sum_points;3\n"+
		"PROJECTS\nproject_id;cost;name;category;target;district\n"+
		"a;250.5;Benches;public space;;\nb;600;;;seniors,children;North\n"+
		"VOTES\nvoter_id;vote;points;age;sex\n1;a,b;2,0.5;40;\n2;b;3;;M\n", out.String())
	again, err := budgeting.Parse(out.Bytes())
	require.NoError(t, err)
	assert.True(t, e.Equal(again))
	assert.True(t, e.Instance().Equal(again.Instance()))
	assert.True(t, e.Profile().Equal(again.Profile()))
}

func TestEqual(t *testing.T) {
	a := mustParse(t, instanceA)
	c := mustParse(t, instanceC)
	assert.True(t, a.Equal(mustParse(t, instanceA)))
	assert.False(t, a.Equal(c))
	assert.False(t, a.Equal(nil))
	assert.True(t, (*budgeting.Election)(nil).Equal(nil))
	assert.False(t, a.Instance().Equal(c.Instance()))
	assert.False(t, a.Instance().Equal(nil))
	assert.False(t, a.Profile().Equal(c.Profile()))
	assert.False(t, a.Profile().Equal(nil))
	// Same ballots, different points.
	p1 := mustParse(t, "META\nkey;value\nbudget;1\nvote_type;scoring\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote;points\nv;a;1\n")
	p2 := mustParse(t, "META\nkey;value\nbudget;1\nvote_type;scoring\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote;points\nv;a;2\n")
	assert.False(t, p1.Profile().Equal(p2.Profile()))
	// Same ballots, points or not.
	p3 := mustParse(t, "META\nkey;value\nbudget;1\nvote_type;approval\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote\nv;a\n")
	assert.False(t, p1.Profile().Equal(p3.Profile()))
}

func TestSharedFilesParse(t *testing.T) {
	// Every shared instance reads without error, and with no warning but
	// irregular text (Wieliczka mixes CRLF and LF line ends).
	files, _ := filepath.Glob(filepath.Join(sharedDir, "*.pb"))
	if len(files) == 0 {
		t.Skipf("no instances in %s (the shared Pabulib files live beside the repository)", sharedDir)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		e, err := budgeting.Parse(data)
		require.NoError(t, err, f)
		for _, w := range e.Warnings() {
			assert.ErrorIs(t, w, budgeting.ErrIrregularText, f)
		}
	}
}

// TestPabulibVoteType holds the .pb format to Pabulib's own words: a file
// says "choose-1" (in any case) where the wire name is "choose_1", and an
// instance built in Go writes "choose-1" back.
func TestPabulibVoteType(t *testing.T) {
	e := mustParse(t, "META\nkey;value\nbudget;10\nvote_type;Choose-1\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote\nv1;a\n")
	assert.Equal(t, budgeting.VoteTypeChooseOne, e.Instance().VoteType())
	inst, err := budgeting.NewInstance(decimal.NewFromInt(10), budgeting.VoteTypeChooseOne,
		[]budgeting.Project{{ID: "a", Cost: decimal.NewFromInt(1)}})
	require.NoError(t, err)
	v, ok := inst.Meta("vote_type")
	require.True(t, ok)
	assert.Equal(t, "choose-1", v)
	_, err = budgeting.NewInstance(decimal.NewFromInt(10), budgeting.VoteTypeChooseOne,
		[]budgeting.Project{{ID: "a", Cost: decimal.NewFromInt(1)}}, budgeting.Field{Key: "vote_type", Value: "choose-1"})
	require.NoError(t, err)
	// The wire name is not Pabulib's word.
	_, err = budgeting.Parse([]byte("META\nkey;value\nbudget;10\nvote_type;choose_1\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote\nv1;a\n"))
	require.ErrorIs(t, err, budgeting.ErrInvalid)
}
