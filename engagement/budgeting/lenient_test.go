package budgeting_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// TestRepeatedProjectReadOnce reads ballots that name a project twice as
// pabutools does: an approval ballot lists it once, an ordinal ballot keeps
// its first position, a cumulative ballot its last points; each is a
// warning naming the line, and an error with Strict.
func TestRepeatedProjectReadOnce(t *testing.T) {
	head := "META\nkey;value\nbudget;10\nvote_type;%s\nPROJECTS\nproject_id;cost\na;4\nb;4\nc;4\nVOTES\n"
	cases := []struct {
		voteType, votes string
		ids             []string
		points          []string
	}{
		{"approval", "voter_id;vote\nv1;a\nv2;b,a,b\n", []string{"b", "a"}, nil},
		{"ordinal", "voter_id;vote\nv1;a\nv2;c,a,c,b\n", []string{"c", "a", "b"}, nil},
		{"cumulative", "voter_id;vote;points\nv1;a;1\nv2;a,b,a;1,2,5\n", []string{"a", "b"}, []string{"5", "2"}},
	}
	for _, c := range cases {
		t.Run(c.voteType, func(t *testing.T) {
			text := fmt.Sprintf(head, c.voteType) + c.votes
			e := mustParse(t, text)
			assert.Equal(t, c.ids, ballotIDs(e, 1))
			if c.points != nil {
				b := e.Profile().Ballot(1)
				for k, want := range c.points {
					assert.Equal(t, want, b.Points(k).String())
				}
			}
			ws := e.Warnings()
			require.Len(t, ws, 1)
			assert.ErrorIs(t, ws[0], budgeting.ErrRepeatedProject)
			assert.Equal(t, 13, ws[0].Line)

			_, err := budgeting.Parse([]byte(text), budgeting.Strict())
			require.ErrorIs(t, err, budgeting.ErrRepeatedProject)
			var pe *budgeting.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, 13, pe.Line)
		})
	}
}

// TestTextAfterClosingQuote reads `"Odkupmy" i my` as Czestochowa 2020
// Grabowka's line 29 is read by pabutools and the checker: one cell.
func TestTextAfterClosingQuote(t *testing.T) {
	text := "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost;name;votes\n" +
		"a;4;\"Odkupmy\" i my - zakup;1\nb;4;x;0\nVOTES\nvoter_id;vote\nv1;a\n"
	e := mustParse(t, text)
	assert.Equal(t, "Odkupmy i my - zakup", e.Instance().Project(0).Name)
	v, _ := e.Instance().Project(0).Field("votes")
	assert.Equal(t, "1", v)
	ws := e.Warnings()
	require.Len(t, ws, 1)
	assert.ErrorIs(t, ws[0], budgeting.ErrIrregularText)
	assert.Equal(t, 7, ws[0].Line)
}
