package budgeting_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// ballotIDs returns voter i's ballot as project IDs.
func ballotIDs(e *budgeting.Election, i int) []string {
	var ids []string
	for _, p := range e.Profile().Ballot(i).Projects() {
		ids = append(ids, e.Instance().ProjectID(p))
	}
	return ids
}

// featuresText has a byte-order mark, CRLF and lone-CR line ends, titles in
// any case, blank lines, spaces around cells, quoted cells with ";" and ""
// inside, none in any case, a decimal comma and a decimal point, Unicode
// spaces.
const featuresText = "\ufeffmeta\r\nkey;value\r\n description ; a \"quoted\" word \r\n" +
	"budget;2532645,83\r\nvote_type; approval\rnum_votes;3\n\n" +
	"Projects\r\nproject_id;cost;name;category;votes\r\n" +
	"1;400000.0;\"Park; trees\";Nature, Sport;12\r\n" +
	"2; 5 ;\"Say \"\"hi\"\"\";none;NONE\r\n" +
	"\u00a03\u00a0;7;;;\r\n" +
	"VOTES\r\nvoter_id;vote;age;sex\r\n" +
	"x1;1,2;34;F\r\nx2; 3 , 1 ;none;\"none\"\r\nx3;;;\r\n"

func TestParseFeatures(t *testing.T) {
	// A byte-order mark, CRLF and lone-CR line ends, titles in any case,
	// blank lines, spaces around cells, quoted cells with ";" and "" inside,
	// none in any case, a decimal comma and a decimal point, Unicode spaces.
	e, err := budgeting.Parse([]byte(featuresText))
	require.NoError(t, err)
	in := e.Instance()
	assert.Equal(t, budgeting.VoteTypeApproval, in.VoteType())
	assert.Equal(t, "2532645.83", in.Budget().String())
	assert.Equal(t, []budgeting.Field{
		{Key: "description", Value: `a "quoted" word`},
		{Key: "budget", Value: "2532645.83"}, // canonical: a decimal point
		{Key: "vote_type", Value: "approval"},
		{Key: "num_votes", Value: "3"},
	}, in.MetaFields())
	require.Equal(t, 3, in.Len())
	p := in.Project(0)
	assert.Equal(t, "1", p.ID)
	assert.Equal(t, "400000.0", p.Cost.StringFixed(1))
	assert.Equal(t, int32(-1), p.Cost.Exponent()) // "400000.0" keeps its place
	assert.Equal(t, "Park; trees", p.Name)
	assert.Equal(t, []string{"Nature", "Sport"}, p.Categories)
	assert.Equal(t, []budgeting.Field{{Key: "votes", Value: "12"}}, p.Extra)
	q := in.Project(1)
	assert.Equal(t, `Say "hi"`, q.Name)
	assert.Nil(t, q.Categories)
	v, ok := q.Field("votes")
	assert.True(t, ok)
	assert.Equal(t, "", v) // NONE: no value
	_, ok = q.Field("score")
	assert.False(t, ok)
	assert.Equal(t, "3", in.ProjectID(2)) // no-break spaces trimmed
	assert.Equal(t, []string{"project_id", "cost", "name", "category", "votes"}, in.Columns())
	i, ok := in.Index("3")
	assert.True(t, ok)
	assert.Equal(t, 2, i)
	_, ok = in.Index("4")
	assert.False(t, ok)

	pr := e.Profile()
	require.Equal(t, 3, pr.Len())
	assert.Equal(t, []string{"1", "2"}, ballotIDs(e, 0))
	assert.Equal(t, []string{"3", "1"}, ballotIDs(e, 1))
	assert.Empty(t, ballotIDs(e, 2))
	x2 := pr.Voter(1)
	assert.Equal(t, "x2", x2.ID())
	age, ok := x2.Attribute("age")
	assert.True(t, ok)
	assert.Equal(t, "", age)
	assert.Equal(t, "none", x2.Sex()) // quoted: a literal value
	assert.Equal(t, []string{"age", "sex"}, pr.AttributeColumns())
	assert.Equal(t, []string{"voter_id", "vote", "age", "sex"}, pr.Columns())
	// The irregular text the file holds on purpose is read, and reported.
	ws := e.Warnings()
	require.NotEmpty(t, ws)
	for _, w := range ws {
		assert.ErrorIs(t, w, budgeting.ErrIrregularText)
		assert.Positive(t, w.Line)
	}
	_, err = budgeting.Parse([]byte(featuresText), budgeting.Strict())
	require.ErrorIs(t, err, budgeting.ErrIrregularText)
}

func TestParsePoints(t *testing.T) {
	text := "META\nkey;value\nbudget;10\nvote_type;cumulative\nmax_sum_points;5\n" +
		"PROJECTS\nproject_id;cost\na;4\nb;4\nVOTES\nvoter_id;vote;points\n" +
		"v1;a,b;3,1.5\nv2;b;2\nv3;;\n"
	e := mustParse(t, text)
	b := e.Profile().Ballot(0)
	require.Equal(t, 2, b.Len())
	assert.Equal(t, "3", b.Points(0).String())
	assert.Equal(t, "1.5", b.Points(1).String())
	assert.True(t, b.Contains(1))
	assert.False(t, e.Profile().Ballot(1).Contains(0))
	// Approval ballots carry no points: each listed project counts 1.
	a := mustParse(t, instanceA).Profile().Ballot(0)
	assert.Equal(t, "1", a.Points(0).String())
}

func TestVoterAttributes(t *testing.T) {
	e, err := budgeting.ReadFile("testdata/Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb")
	require.NoError(t, err)
	v := e.Profile().Voter(0) // 5642;427;33;F;internet
	age, ok := v.Age()
	assert.True(t, ok)
	assert.Equal(t, 33, age)
	assert.Equal(t, "F", v.Sex())
	assert.Equal(t, "internet", v.VotingMethod())
	assert.Equal(t, "", v.Area())
	assert.Equal(t, []budgeting.Field{{Key: "age", Value: "33"}, {Key: "sex", Value: "F"}, {Key: "voting_method", Value: "internet"}}, v.Attributes())
	assert.True(t, e.Profile().HasAttribute("sex"))
	assert.False(t, e.Profile().HasAttribute("district"))

	text := "META\nkey;value\nbudget;1\nvote_type;approval\nPROJECTS\nproject_id;cost\na;1\n" +
		"VOTES\nvoter_id;vote;age;neighborhood\nv1;a;old;North\nv2;a;;\n"
	w := mustParse(t, text).Profile()
	_, ok = w.Voter(0).Age()
	assert.False(t, ok, "not a number")
	assert.Equal(t, "North", w.Voter(0).Area())
	n := 0
	for i, v := range w.Voters() {
		assert.Equal(t, i, n)
		assert.NotEmpty(t, v.ID())
		n++
	}
	assert.Equal(t, 2, n)
}

func TestParseErrors(t *testing.T) {
	meta := "META\nkey;value\nbudget;10\nvote_type;approval\n"
	projects := "PROJECTS\nproject_id;cost\na;4\nb;4\n"
	votes := "VOTES\nvoter_id;vote\n"
	tests := []struct {
		name string
		text string
		want error
		line int
	}{
		{"empty file", "", budgeting.ErrMissingSection, 0},
		{"projects first", "PROJECTS\n", budgeting.ErrSectionOrder, 1},
		{"no META header", "META\n", budgeting.ErrMissingSection, 1},
		{"no PROJECTS", meta, budgeting.ErrMissingSection, 0},
		{"VOTES before PROJECTS", meta + votes, budgeting.ErrSectionOrder, 5},
		{"no VOTES", meta + projects, budgeting.ErrMissingSection, 0},
		{"PROJECTS after PROJECTS", meta + projects + "PROJECTS\n", budgeting.ErrSectionOrder, 9},
		{"no VOTES header", meta + projects + "VOTES\n", budgeting.ErrMissingSection, 9},
		{"META after VOTES", meta + projects + votes + "v1;a\nmeta\n", budgeting.ErrSectionOrder, 12},
		{"META row of three cells", "META\nkey;value\nbudget;10;x\n", budgeting.ErrSyntax, 3},
		{"duplicate META key", meta + "budget;10\n" + projects + votes, budgeting.ErrDuplicate, 5},
		{"no budget", "META\nkey;value\nvote_type;approval\n" + projects + votes, budgeting.ErrMissingField, 2}, // the META header
		{"no vote type", "META\nkey;value\nbudget;10\n" + projects + votes, budgeting.ErrMissingField, 2},
		{"budget not a number", "META\nkey;value\nbudget;1e6\nvote_type;approval\n" + projects + votes, budgeting.ErrInvalidNumber, 3},
		{"negative budget", "META\nkey;value\nbudget;-10\nvote_type;approval\n" + projects + votes, budgeting.ErrNegativeCost, 3},
		{"unknown vote type", "META\nkey;value\nbudget;10\nvote_type;quadratic\n" + projects + votes, budgeting.ErrInvalid, 4},
		{"max_length not a number", meta + "max_length;five\n" + projects + votes, budgeting.ErrInvalidNumber, 5},
		{"max_sum_points not a number", meta + "max_sum_points;x\n" + projects + votes, budgeting.ErrInvalidNumber, 5},
		{"no cost column", meta + "PROJECTS\nproject_id;name\n" + votes, budgeting.ErrMissingField, 6},
		{"duplicate column", meta + "PROJECTS\nproject_id;cost;cost\n" + votes, budgeting.ErrDuplicate, 6},
		{"duplicate project", meta + "PROJECTS\nproject_id;cost\na;4\na;5\n" + votes, budgeting.ErrDuplicate, 8},
		{"negative cost", meta + "PROJECTS\nproject_id;cost\na;-4\n" + votes, budgeting.ErrNegativeCost, 7},
		{"cost not a number", meta + "PROJECTS\nproject_id;cost\na;4 000\n" + votes, budgeting.ErrInvalidNumber, 7},
		{"no cost", meta + "PROJECTS\nproject_id;cost\na;none\n" + votes, budgeting.ErrInvalidNumber, 7},
		{"project row too long", meta + "PROJECTS\nproject_id;cost\na;4;x\n" + votes, budgeting.ErrSyntax, 7},
		{"project ID with a comma", meta + "PROJECTS\nproject_id;cost\n\"a,b\";4\n" + votes, budgeting.ErrInvalid, 7},
		{"empty project ID", meta + "PROJECTS\nproject_id;cost\n;4\n" + votes, budgeting.ErrInvalid, 7},
		{"category with an empty element", meta + "PROJECTS\nproject_id;cost;category\na;4;x,,y\n" + votes, budgeting.ErrInvalid, 7},
		{"no vote column", meta + projects + "VOTES\nvoter_id;age\n", budgeting.ErrMissingField, 10},
		{"no points column", "META\nkey;value\nbudget;10\nvote_type;scoring\n" + projects + votes, budgeting.ErrMissingField, 10},
		{"unknown project", meta + projects + votes + "v1;a\nv2;a,c\n", budgeting.ErrUnknownProject, 12},
		{"trailing comma", meta + projects + votes + "v1;a,\n", budgeting.ErrUnknownProject, 11},
		{"repeated project", meta + projects + votes + "v1;a,b,a\n", budgeting.ErrRepeatedProject, 11},
		{"over max_length", meta + "max_length;1\n" + projects + votes + "v1;a\nv2;a,b\n", budgeting.ErrBallotTooLong, 13},
		{"two on choose-1", "META\nkey;value\nbudget;10\nvote_type;choose-1\n" + projects + votes + "v1;a,b\n", budgeting.ErrBallotTooLong, 11},
		{"duplicate voter in order", meta + projects + votes + "1;a\n2;b\n2;a\n", budgeting.ErrDuplicate, 13},
		{"duplicate voter out of order", meta + projects + votes + "3;a\n1;b\n3;a\n", budgeting.ErrDuplicate, 13},
		{"empty voter ID", meta + projects + votes + ";a\n", budgeting.ErrInvalid, 11},
		{"vote row too long", meta + projects + votes + "v1;a;x\n", budgeting.ErrSyntax, 11},
		{"unterminated quote", meta + projects + votes + "v1;\"a\n", budgeting.ErrSyntax, 11},
		{"text after a quote", meta + projects + votes + "v1;\"a\"b\n", budgeting.ErrIrregularText, 11},
		{"quote in a header", "META\n\"key;value\n", budgeting.ErrSyntax, 2},
		{"quote in META", "META\nkey;value\n\"budget;10\n", budgeting.ErrSyntax, 3},
		{"quote in PROJECTS", meta + "PROJECTS\nproject_id;cost\n\"a;4\n", budgeting.ErrSyntax, 7},
		{"points do not match", "META\nkey;value\nbudget;10\nvote_type;cumulative\n" + projects +
			"VOTES\nvoter_id;vote;points\nv1;a,b;1\n", budgeting.ErrPointsMismatch, 11},
		{"points not a number", "META\nkey;value\nbudget;10\nvote_type;cumulative\n" + projects +
			"VOTES\nvoter_id;vote;points\nv1;a;x\n", budgeting.ErrInvalidNumber, 11},
		{"negative points", "META\nkey;value\nbudget;10\nvote_type;scoring\n" + projects +
			"VOTES\nvoter_id;vote;points\nv1;a;-1\n", budgeting.ErrInvalidNumber, 11},
		{"trailing comma in points", "META\nkey;value\nbudget;10\nvote_type;scoring\n" + projects +
			"VOTES\nvoter_id;vote;points\nv1;a;1,\n", budgeting.ErrInvalidNumber, 11},
		{"over max_sum_points", "META\nkey;value\nbudget;10\nvote_type;cumulative\nmax_sum_points;3\n" + projects +
			"VOTES\nvoter_id;vote;points\nv1;a;3\nv2;a,b;2,2\n", budgeting.ErrTooManyPoints, 13},
		{"over max_points", "META\nkey;value\nbudget;10\nvote_type;scoring\nmax_points;2.5\n" + projects +
			"VOTES\nvoter_id;vote;points\nv1;a;2.75\n", budgeting.ErrTooManyPoints, 12},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := budgeting.Parse([]byte(tc.text), budgeting.Strict())
			require.ErrorIs(t, err, tc.want)
			var pe *budgeting.ParseError
			require.True(t, errors.As(err, &pe), "%v is not a *ParseError", err)
			assert.Equal(t, tc.line, pe.Line, "%v", err)
			if tc.line > 0 {
				assert.True(t, strings.HasPrefix(err.Error(), "line "), err.Error())
			}
		})
	}
}

func TestParseWarnings(t *testing.T) {
	text := "META\nkey;value\nbudget;10\nvote_type;cumulative\nnum_votes;5\nnum_projects;2\n" +
		"min_length;2\nmin_sum_points;2\nmin_points;1\n" +
		"PROJECTS\nproject_id;cost;votes\na;4;1\nb;4\n" +
		"VOTES\nvoter_id;vote;points;age\nv1;a;1\nv2;b;0;20\nv3;a,b;1,1;30\n"
	e := mustParse(t, text)
	ws := e.Warnings()
	require.Len(t, ws, 6)
	// short rows: the project b (line 13) and voter v1 (line 16)
	assert.ErrorIs(t, ws[0], budgeting.ErrShortRow)
	assert.Equal(t, 13, ws[0].Line)
	assert.ErrorIs(t, ws[1], budgeting.ErrShortRow)
	assert.Equal(t, 16, ws[1].Line)
	// v1 and v2 list one project, min_length is 2: counted once, twice
	assert.ErrorIs(t, ws[2], budgeting.ErrBallotTooShort)
	assert.Equal(t, 16, ws[2].Line)
	assert.Equal(t, 2, ws[2].Count)
	assert.Contains(t, ws[2].Error(), "(2 times)")
	// v1 gives 1 point and v2 0: both under min_sum_points 2; v2's 0 is
	// under min_points 1 too
	assert.ErrorIs(t, ws[3], budgeting.ErrBallotTooShort)
	assert.Equal(t, 2, ws[3].Count)
	assert.Contains(t, ws[3].Error(), "min_sum_points")
	assert.ErrorIs(t, ws[4], budgeting.ErrBallotTooShort)
	assert.Equal(t, 17, ws[4].Line)
	assert.Contains(t, ws[4].Error(), "min_points")
	// num_votes says 5, the file has 3
	assert.ErrorIs(t, ws[5], budgeting.ErrCountMismatch)
	assert.Equal(t, 0, ws[5].Line)
	assert.NotContains(t, ws[5].Error(), "line")
}

func TestReadSources(t *testing.T) {
	const path = "testdata/Poland_Zabrze_2020_Konczyce.pb"
	want, err := budgeting.ReadFile(path)
	require.NoError(t, err)
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	got, err := budgeting.Read(f)
	require.NoError(t, err)
	assert.True(t, want.Equal(got))

	_, err = budgeting.ReadFile("testdata/absent.pb")
	require.ErrorIs(t, err, os.ErrNotExist)
	_, err = budgeting.Read(failingReader{})
	require.ErrorIs(t, err, errRead)
}

var errRead = errors.New("read failed")

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errRead }

func TestParseErrorText(t *testing.T) {
	err := &budgeting.ParseError{Line: 7, Err: budgeting.ErrSyntax}
	assert.Equal(t, "line 7: "+budgeting.ErrSyntax.Error(), err.Error())
	whole := &budgeting.ParseError{Err: budgeting.ErrMissingSection}
	assert.Equal(t, budgeting.ErrMissingSection.Error(), whole.Error())
	w := budgeting.Warning{Line: 3, Count: 1, Err: budgeting.ErrShortRow}
	assert.Equal(t, "line 3: "+budgeting.ErrShortRow.Error(), w.Error())
}

func TestBudgetDecimals(t *testing.T) {
	// Costs and budget keep the exact decimals the file gives.
	e := mustParse(t, "META\nkey;value\nbudget;100,50\nvote_type;approval\n"+
		"PROJECTS\nproject_id;cost\na;50.25\nb;50,25\nc;0.01\nVOTES\nvoter_id;vote\nv;a,b,c\n")
	assert.True(t, e.Instance().Budget().Equal(decimal.RequireFromString("100.5")))
	assert.Equal(t, "100.50", e.Instance().MetaFields()[0].Value)
	res := run(t, e, "greedy_cost")
	// a and b (50.25 each) fill 100.50 exactly; c (0.01) no longer fits.
	assert.Equal(t, []string{"a", "b"}, res)
}

func TestLongProjectIDs(t *testing.T) {
	// IDs over 8 bytes take the reader's slower path; both paths agree.
	text := "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n" +
		"garden-north-2024;4\ngarden-south-2024;4\nL1;2\nVOTES\nvoter_id;vote\n" +
		"v1;garden-south-2024,L1\nv2;garden-north-2024\n"
	e := mustParse(t, text)
	assert.Equal(t, []string{"garden-south-2024", "L1"}, ballotIDs(e, 0))
	assert.Equal(t, []string{"garden-north-2024"}, ballotIDs(e, 1))
	_, err := budgeting.Parse([]byte(text + "v3;garden-east-2024\n"))
	require.ErrorIs(t, err, budgeting.ErrUnknownProject)
	_, err = budgeting.Parse([]byte(text + "v3;L2\n"))
	require.ErrorIs(t, err, budgeting.ErrUnknownProject)
}

func TestParseWordScan(t *testing.T) {
	// The reader looks for ";" and "," eight bytes at a time, reaching past a
	// cell into the next ones and past a line into the next: IDs and cells of
	// every length around 8, an empty extra cell, and a last line shorter than
	// a word with no line end.
	ids := []string{"a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijkl"}
	var b strings.Builder
	b.WriteString("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n")
	for _, id := range ids {
		b.WriteString(id + ";1\n")
	}
	b.WriteString("VOTES\nvoter_id;vote;district\n")
	votes := [][]string{ids, {"abcdefgh", "a"}, {"abcdefghi", "abcdefg", "ab"}, {"abcdefghijkl"}, {"abc", "abcdefgh", "abcde"}}
	districts := []string{"", "none", "abcdefg", "abcdefgh", "abcdefghi"}
	for i, v := range votes {
		b.WriteString("v" + strings.Repeat("x", i) + ";" + strings.Join(v, ",") + ";" + districts[i])
		if i == 1 {
			b.WriteString(";") // an empty extra cell
		}
		b.WriteString("\n")
	}
	b.WriteString("w;a;d") // shorter than a word, no line end
	e := mustParse(t, b.String())
	require.Equal(t, len(votes)+1, e.Profile().Len())
	for i, v := range votes {
		assert.Equal(t, v, ballotIDs(e, i), "ballot %d", i)
		got, ok := e.Profile().Voter(i).Attribute("district")
		require.True(t, ok)
		want := districts[i]
		if want == "none" {
			want = ""
		}
		assert.Equal(t, want, got, "district %d", i)
	}
	assert.Equal(t, []string{"a"}, ballotIDs(e, len(votes)))
	assert.Equal(t, "w", e.Profile().Voter(len(votes)).ID())
	d, _ := e.Profile().Voter(len(votes)).Attribute("district")
	assert.Equal(t, "d", d)
	assert.Empty(t, e.Warnings())
}
