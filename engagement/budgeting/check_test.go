package budgeting_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

// checkBase is a small file the validator finds nothing wrong with: greedy
// funds a (3 votes) and c (1 vote); b (50) no longer fits.
const checkBase = "META\nkey;value\ndescription;Test\ncountry;Poland\nunit;Testville\ninstance;2024\n" +
	"num_projects;3\nnum_votes;4\nbudget;100\nvote_type;approval\nrule;greedy\ndate_begin;01.01.2024\n" +
	"date_end;31.01.2024\nmin_length;1\nmax_length;2\n" +
	"PROJECTS\nproject_id;cost;votes;name;category;selected\n" +
	"a;60;3;A;x;1\nb;50;2;B;y;0\nc;30;1;C;x;1\n" +
	"VOTES\nvoter_id;vote;age;sex;voting_method\n" +
	"1;a,b;30;F;internet\n2;a,c;40;M;paper\n3;a;25;F;internet\n4;b;50;M;internet\n"

// checkCumulative is the same election with cumulative ballots, ranked by
// score.
const checkCumulative = "META\nkey;value\ndescription;Test\ncountry;Poland\nunit;Testville\ninstance;2024\n" +
	"num_projects;3\nnum_votes;4\nbudget;100\nvote_type;cumulative\nrule;greedy\ndate_begin;2024\n" +
	"date_end;2024\nmin_length;1\nmax_length;2\nmax_sum_points;3\n" +
	"PROJECTS\nproject_id;cost;votes;score;name;category;selected\n" +
	"a;60;3;5;A;x;1\nb;50;2;4;B;y;0\nc;30;1;1;C;x;1\n" +
	"VOTES\nvoter_id;vote;points\n1;a,b;2,1\n2;a,c;2,1\n3;a;1\n4;b;3\n"

// edit returns base with each pair old → new replaced once; it fails the
// test when old is not there.
func edit(t *testing.T, base string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		require.Contains(t, base, pairs[i])
		base = strings.Replace(base, pairs[i], pairs[i+1], 1)
	}
	return base
}

func TestCheckCleanFiles(t *testing.T) {
	for _, text := range []string{checkBase, checkCumulative} {
		r := budgeting.Check([]byte(text))
		assert.Empty(t, r.Findings())
		assert.True(t, r.Valid())
		require.NotNil(t, r.Outcome())
		assert.Equal(t, []string{"a", "c"}, r.Outcome().SelectedIDs())
		require.NotNil(t, r.Election())
	}
}

// TestCheckCategories triggers every category of Pabulib's checker with a
// small edit of a clean file.
func TestCheckCategories(t *testing.T) {
	B, C := checkBase, checkCumulative
	threshold := "max_length;2\n"
	cases := []struct {
		cat   budgeting.Category
		level budgeting.FindingLevel
		text  string
		opts  []budgeting.CheckOption
	}{
		{budgeting.CategoryFileStructureError, budgeting.FindingLevelError, edit(t, B, "a;60;3;A;", "a;60;3;A ;"), nil},
		{budgeting.CategoryFileStructureWarning, budgeting.FindingLevelWarning, edit(t, B, "4;b;50;M;internet", "4;b;50;M;internet;extra"), nil},
		{budgeting.CategoryEmptyLinesRemoved, budgeting.FindingLevelWarning, edit(t, B, "budget;100\n", "budget;100\n\n"), nil},
		{budgeting.CategoryProcessingError, budgeting.FindingLevelError, edit(t, B, "b;50;2;B;y;0", "b;50;2;B;y;"), nil},
		{budgeting.CategoryMissingMetaFieldValue, budgeting.FindingLevelError, edit(t, B, "instance;2024\n", ""), nil},
		{budgeting.CategoryInvalidMetaFieldValue, budgeting.FindingLevelError, edit(t, B, "country;Poland", "country;Atlantis"), nil},
		{budgeting.CategoryIncorrectMetaFieldDatatype, budgeting.FindingLevelError, edit(t, B, "max_length;2", "max_length;two"), nil},
		{budgeting.CategoryNotKnownMetaFields, budgeting.FindingLevelError, edit(t, B, threshold, threshold+"colour;blue\n"), nil},
		{budgeting.CategoryWrongMetaFieldsOrder, budgeting.FindingLevelWarning, edit(t, B, "country;Poland\nunit;Testville", "unit;Testville\ncountry;Poland"), nil},
		{budgeting.CategoryMissingNumVotesField, budgeting.FindingLevelError, edit(t, B, "num_votes;4", "num_votes;"), nil},
		{budgeting.CategoryInvalidNumVotesField, budgeting.FindingLevelError, edit(t, B, "num_votes;4", "num_votes;4.0"), nil},
		{budgeting.CategoryDifferentNumberOfVotes, budgeting.FindingLevelError, edit(t, B, "num_votes;4", "num_votes;5"), nil},
		{budgeting.CategoryDifferentNumberOfProjects, budgeting.FindingLevelError, edit(t, B, "num_projects;3", "num_projects;4"), nil},
		{budgeting.CategoryCommaInFloat, budgeting.FindingLevelError, edit(t, B, "budget;100", "budget;100,5"), nil},
		{budgeting.CategoryDateRangeMissmatch, budgeting.FindingLevelError, edit(t, B, "date_begin;01.01.2024", "date_begin;01.02.2024"), nil},
		{budgeting.CategoryInvalidChoose1MetaConstraint, budgeting.FindingLevelError, edit(t, B, "vote_type;approval", "vote_type;choose-1"), nil},
		{budgeting.CategoryChoose1VoteTypeSuggested, budgeting.FindingLevelWarning, edit(t, B, "max_length;2", "max_length;1"), nil},
		{budgeting.CategoryIncompatibleMetaFieldForVoteType, budgeting.FindingLevelWarning, edit(t, B, threshold, threshold+"max_points;3\n"), nil},
		{budgeting.CategoryWrongFullyFundedFlag, budgeting.FindingLevelError, edit(t, B, threshold, threshold+"fully_funded;1\n"), nil},
		{budgeting.CategoryFullyFundedFlagDifferentThan1, budgeting.FindingLevelError, edit(t, B, threshold, threshold+"fully_funded;2\n"), nil},
		{budgeting.CategoryAllProjectsFunded, budgeting.FindingLevelError, edit(t, B, "budget;100", "budget;200"), nil},
		{budgeting.CategoryInvalidCommentNumbering, budgeting.FindingLevelError, edit(t, B, threshold, threshold+"comment;a note\n"), nil},
		{budgeting.CategoryNonSequentialCommentNumbering, budgeting.FindingLevelWarning, edit(t, B, threshold, threshold+"comment;#1: a #3: b\n"), nil},
		{budgeting.CategoryUnusedDeclaredMetadataValues, budgeting.FindingLevelWarning, edit(t, B, threshold, threshold+"categories;x,y,z\n"), nil},
		{budgeting.CategoryUndeclaredMetadataValuesUsed, budgeting.FindingLevelWarning, edit(t, B, threshold, threshold+"categories;x\n"), nil},
		{budgeting.CategoryWhitespaceAroundListSeparator, budgeting.FindingLevelError, edit(t, B, "a;60;3;A;x;", "a;60;3;A;x, y;"), nil},
		{budgeting.CategoryProjectWithNoCost, budgeting.FindingLevelError, edit(t, B, "c;30;", "c;0.5;"), nil},
		{budgeting.CategorySingleProjectExceededWholeBudget, budgeting.FindingLevelError, edit(t, B, "b;50;", "b;150;"), nil},
		{budgeting.CategorySingleProjectExceededWholeBudget, budgeting.FindingLevelWarning, edit(t, B, "b;50;", "b;999999999;"), nil},
		{budgeting.CategorySelectedSentinelCostProject, budgeting.FindingLevelError, edit(t, B, "b;50;2;B;y;0", "b;999999999;2;B;y;1"), nil},
		{budgeting.CategoryBudgetExceeded, budgeting.FindingLevelError, edit(t, B, "b;50;2;B;y;0", "b;50;2;B;y;1"), nil},
		{budgeting.CategoryUnusedBudget, budgeting.FindingLevelError, edit(t, B, "c;30;1;C;x;1", "c;30;1;C;x;0"), nil},
		{budgeting.CategoryUnusedBudget, budgeting.FindingLevelWarning, edit(t, B, "c;30;1;C;x;1", "c;30;1;C;x;0", "rule;greedy", "rule;greedy-exclusive"), nil},
		{budgeting.CategoryProjectWithNoVotes, budgeting.FindingLevelWarning, edit(t, B, "num_projects;3", "num_projects;4", "c;30;1;C;x;1\n", "c;30;1;C;x;1\nd;99;0;D;x;0\n"), nil},
		{budgeting.CategoryDifferentValuesInVotes, budgeting.FindingLevelError, edit(t, B, "a;60;3;", "a;60;4;"), nil},
		{budgeting.CategoryDifferentValuesInScores, budgeting.FindingLevelError, edit(t, C, "a;60;3;5;", "a;60;3;6;"), nil},
		{budgeting.CategoryNoVotesOrScoreCounted, budgeting.FindingLevelWarning, edit(t, B, "project_id;cost;votes;", "project_id;cost;public_id;"), nil},
		{budgeting.CategoryNotKnownProjectsFields, budgeting.FindingLevelError, edit(t, B, "votes;name;", "votes;title;"), nil},
		{budgeting.CategoryMissingProjectsFieldValue, budgeting.FindingLevelError, edit(t, B, "b;50;", "b;;"), nil},
		{budgeting.CategoryIncorrectProjectsFieldDatatype, budgeting.FindingLevelError, edit(t, B, "b;50;2;", "b;50;2.5;"), nil},
		{budgeting.CategoryInvalidProjectsFieldValue, budgeting.FindingLevelError, edit(t, B, "b;50;2;B;y;0", "b;50;2;B;y;5"), nil},
		{budgeting.CategoryInvalidProjectsFieldValue, budgeting.FindingLevelError, edit(t, B, "name;category;", "name;target;"), nil},
		{budgeting.CategoryWrongProjectsFieldsOrder, budgeting.FindingLevelWarning, edit(t, B, "votes;name;", "name;votes;",
			"a;60;3;A;", "a;60;A;3;", "b;50;2;B;", "b;50;B;2;", "c;30;1;C;", "c;30;C;1;"), nil},
		{budgeting.CategoryDuplicateValuesInsideListField, budgeting.FindingLevelWarning, edit(t, B, "a;60;3;A;x;", "a;60;3;A;x,x;"), nil},
		{budgeting.CategoryInconsistentLabelNormalization, budgeting.FindingLevelWarning, edit(t, B, "c;30;1;C;x;", "c;30;1;C;X;"), nil},
		{budgeting.CategoryIdenticalProjectCoordinates, budgeting.FindingLevelWarning, edit(t, B, "category;selected\n", "category;selected;latitude;longitude\n",
			"a;60;3;A;x;1", "a;60;3;A;x;1;52.1;52.1", "b;50;2;B;y;0", "b;50;2;B;y;0;52.1;21", "c;30;1;C;x;1", "c;30;1;C;x;1;52;21"), nil},
		{budgeting.CategoryWhitespaceAroundVoteSeparator, budgeting.FindingLevelError, edit(t, B, "1;a,b;", "1;a, b;"), nil},
		{budgeting.CategoryVoteForNonExistentProject, budgeting.FindingLevelError, edit(t, B, "4;b;", "4;z;"), nil},
		{budgeting.CategoryVoteLengthExceeded, budgeting.FindingLevelError, edit(t, B, "3;a;", "3;a,b,c;"), nil},
		{budgeting.CategoryVoteLengthTooShort, budgeting.FindingLevelError, edit(t, B, "min_length;1", "min_length;2"), nil},
		{budgeting.CategoryNoMaxLengthUsed, budgeting.FindingLevelWarning, edit(t, B, "max_length;2", "max_length;3"), nil},
		{budgeting.CategoryAverageVoteLengthEqualsOne, budgeting.FindingLevelWarning, edit(t, B, "1;a,b;", "1;a;", "2;a,c;", "2;c;"), nil},
		{budgeting.CategoryMissingPointsForVoteType, budgeting.FindingLevelError, edit(t, B, "vote_type;approval", "vote_type;cumulative"), nil},
		{budgeting.CategoryUnexpectedPointsForVoteType, budgeting.FindingLevelError, edit(t, B, "voter_id;vote;", "voter_id;vote;points;",
			"1;a,b;", "1;a,b;1,1;", "2;a,c;", "2;a,c;1,1;", "3;a;", "3;a;1;", "4;b;", "4;b;1;"), nil},
		{budgeting.CategoryInvalidChoose1VoteLength, budgeting.FindingLevelError, edit(t, B, "vote_type;approval", "vote_type;choose-1"), nil},
		{budgeting.CategoryVotePointsLengthMismatch, budgeting.FindingLevelError, edit(t, C, "1;a,b;2,1", "1;a,b;2"), nil},
		{budgeting.CategoryInvalidPointsValue, budgeting.FindingLevelError, edit(t, C, "1;a,b;2,1", "1;a,b;x,1"), nil},
		{budgeting.CategoryInvalidPointsValue, budgeting.FindingLevelError, edit(t, C, "1;a,b;2,1", "1;a,b;1.5,1"), nil},
		{budgeting.CategoryNegativeCumulativePoints, budgeting.FindingLevelError, edit(t, C, "1;a,b;2,1", "1;a,b;2,-1"), nil},
		{budgeting.CategoryPointsBelowMinimum, budgeting.FindingLevelError, edit(t, C, "max_sum_points;3\n", "max_sum_points;3\nmin_points;2\n"), nil},
		{budgeting.CategoryPointsAboveMaximum, budgeting.FindingLevelError, edit(t, C, "max_sum_points;3\n", "max_sum_points;3\nmax_points;2\n"), nil},
		{budgeting.CategoryPointsSumBelowMinimum, budgeting.FindingLevelWarning, edit(t, C, "max_sum_points;3\n", "min_sum_points;2\nmax_sum_points;3\n"), nil},
		{budgeting.CategoryPointsSumAboveMaximum, budgeting.FindingLevelError, edit(t, C, "max_sum_points;3\n", "max_sum_points;2\n"), nil},
		{budgeting.CategoryVoteOrderNotSortedByPoints, budgeting.FindingLevelWarning, edit(t, C, "2;a,c;2,1", "2;c,a;1,2"), nil},
		{budgeting.CategoryApprovalVoteCostBelowMinimum, budgeting.FindingLevelWarning, edit(t, B, threshold, threshold+"min_sum_cost;60\n"), nil},
		{budgeting.CategoryApprovalVoteCostAboveMaximum, budgeting.FindingLevelWarning, edit(t, B, threshold, threshold+"max_sum_cost;100\n"), nil},
		{budgeting.CategoryNotKnownVotesFields, budgeting.FindingLevelError, edit(t, B, "age;sex;", "age;gender;"), nil},
		{budgeting.CategoryMissingVotesFieldValue, budgeting.FindingLevelError, edit(t, B, "voter_id;vote;", "voter_id;ballot;"), nil},
		{budgeting.CategoryInvalidVotesFieldValue, budgeting.FindingLevelError, edit(t, B, "4;b;50;M;", "4;b;50;X;"), nil},
		{budgeting.CategoryIncorrectVotesFieldDatatype, budgeting.FindingLevelError, edit(t, B, "sex;voting_method\n", "sex;voting_method;time_taken_seconds\n",
			"4;b;50;M;internet", "4;b;50;M;internet;fast"), nil},
		{budgeting.CategoryWrongVotesFieldsOrder, budgeting.FindingLevelWarning, edit(t, B, "age;sex;", "sex;age;",
			"1;a,b;30;F;", "1;a,b;F;30;", "2;a,c;40;M;", "2;a,c;M;40;", "3;a;25;F;", "3;a;F;25;", "4;b;50;M;", "4;b;M;50;"), nil},
		{budgeting.CategoryVoteWithDuplicatedProjects, budgeting.FindingLevelWarning, edit(t, B, "3;a;", "3;a,a;", "a;60;3;", "a;60;4;"),
			[]budgeting.CheckOption{budgeting.WithDuplicateCheck()}},
		{budgeting.CategoryMissingSelectedField, budgeting.FindingLevelWarning, edit(t, B, "category;selected\n", "category\n",
			"a;60;3;A;x;1", "a;60;3;A;x", "b;50;2;B;y;0", "b;50;2;B;y", "c;30;1;C;x;1", "c;30;1;C;x"), nil},
		{budgeting.CategoryUnknownRuleValue, budgeting.FindingLevelError, edit(t, B, "rule;greedy", "rule;majority"), nil},
		{budgeting.CategoryRuleValidationSkipped, budgeting.FindingLevelWarning, edit(t, B, "rule;greedy", "rule;unknown"), nil},
		{budgeting.CategoryRuleNotFollowed, budgeting.FindingLevelError, edit(t, B, "a;60;3;A;x;1", "a;60;3;A;x;0", "b;50;2;B;y;0", "b;50;2;B;y;1"), nil},
		{budgeting.CategoryThresholdViolation, budgeting.FindingLevelError, edit(t, B, "rule;greedy", "rule;greedy-threshold", threshold, threshold+"min_project_score_threshold;2\n"), nil},
		{budgeting.CategoryIncorrectRuleWithThreshold, budgeting.FindingLevelError, edit(t, B, threshold, threshold+"min_project_score_threshold;1\n"), nil},
		{budgeting.CategoryMissingThresholdField, budgeting.FindingLevelError, edit(t, B, "rule;greedy", "rule;greedy-threshold"), nil},
		{budgeting.CategoryGreedyExclusivePotentialMismatch, budgeting.FindingLevelWarning, edit(t, B, "rule;greedy", "rule;greedy-exclusive",
			"a;60;3;A;x;1", "a;60;3;A;x;0", "b;50;2;B;y;0", "b;50;2;B;y;1"), nil},
		{budgeting.CategoryGreedyCustomCannotBeVerified, budgeting.FindingLevelWarning, edit(t, B, "rule;greedy", "rule;greedy-custom"), nil},
		{budgeting.CategoryMissingCommentForGreedyCustom, budgeting.FindingLevelWarning, edit(t, B, "rule;greedy", "rule;greedy-custom"), nil},
		{budgeting.CategoryEqualsharesUnsupportedVoteType, budgeting.FindingLevelWarning, edit(t, B, "rule;greedy", "rule;equalshares", "vote_type;approval", "vote_type;ordinal"), nil},
		{budgeting.CategoryPoznanRuleNotFollowed, budgeting.FindingLevelError, edit(t, B, "rule;greedy", "rule;greedy-custom", "unit;Testville", "unit;Poznań"), nil},
		{budgeting.CategoryPoznanRuleNotFollowed, budgeting.FindingLevelWarning, edit(t, B, "rule;greedy", "rule;greedy-custom", "unit;Testville", "unit;Poznań",
			"a;60;3;A;x;1", "a;60;3;A;x;0"), nil},
	}
	covered := map[budgeting.Category]bool{}
	for _, c := range cases {
		t.Run(c.cat.String()+"/"+c.level.String(), func(t *testing.T) {
			r := budgeting.Check([]byte(c.text), c.opts...)
			var found *budgeting.Finding
			for _, f := range r.Findings() {
				if f.Category == c.cat && f.Level == c.level {
					found = &f
					break
				}
			}
			require.NotNil(t, found, "%s not found in:\n%s", c.cat, findingsText(r))
			assert.NotEmpty(t, found.Message)
			assert.Equal(t, c.level == budgeting.FindingLevelWarning && r.Valid(), c.level == budgeting.FindingLevelWarning && !hasError(r))
			if c.level == budgeting.FindingLevelError {
				assert.False(t, r.Valid())
			}
			covered[c.cat] = true
		})
	}
	for _, cat := range budgeting.Categories() {
		assert.True(t, covered[cat], "no test triggers %s", cat)
	}
}

// findingsText lists a report's findings for a failure message.
func findingsText(r *budgeting.Report) string {
	var b strings.Builder
	_ = r.WriteText(&b)
	return b.String()
}

// hasError reports whether the report has an error-level finding.
func hasError(r *budgeting.Report) bool {
	for _, f := range r.Findings() {
		if f.Level == budgeting.FindingLevelError {
			return true
		}
	}
	return false
}

func TestCheckEnums(t *testing.T) {
	names := map[budgeting.Category]string{}
	for _, c := range budgeting.Categories() {
		names[c] = c.String()
		assert.NotEmpty(t, c.CheckerName())
		assert.NotEmpty(t, c.Text())
	}
	assert.Len(t, names, 80)
	checkEnum(t, names, budgeting.Category(81), "Category(81)", "nope")
	assert.Equal(t, "comma in float!", budgeting.CategoryCommaInFloat.CheckerName())
	assert.Equal(t, "", budgeting.Category(81).CheckerName())
	checkEnum(t, map[budgeting.FindingLevel]string{budgeting.FindingLevelError: "error", budgeting.FindingLevelWarning: "warning"},
		budgeting.FindingLevel(3), "FindingLevel(3)", "fatal")
}

func TestFindingText(t *testing.T) {
	f := budgeting.Finding{Level: budgeting.FindingLevelError, Category: budgeting.CategoryRuleNotFollowed, Line: 4, Count: 2,
		Rule: "greedy-threshold", Message: "the rule funds a, not selected"}
	assert.Equal(t, "greedy-threshold rule not followed", f.Name())
	assert.Equal(t, "line 4: error: greedy-threshold rule not followed: the rule funds a, not selected (2 times)", f.String())
	r := budgeting.Check([]byte(edit(t, checkBase, "a;60;3;A;x;1", "a;60;3;A;x;0", "b;50;2;B;y;0", "b;50;2;B;y;1")))
	assert.Equal(t, []string{"greedy rule not followed"}, r.Names(budgeting.FindingLevelError))
	assert.Contains(t, findingsText(r), "error: greedy rule not followed")
	// Past MaxFindings, occurrences are counted in the last finding.
	var rows strings.Builder
	for i := 0; i < 50; i++ {
		rows.WriteString("x" + strings.Repeat("1", i+1) + ";a;30;Q;internet\n")
	}
	r = budgeting.Check([]byte(checkBase + rows.String()))
	n, total := 0, 0
	for _, f := range r.Findings() {
		if f.Category == budgeting.CategoryInvalidVotesFieldValue {
			n++
			total += f.Count
		}
	}
	assert.Equal(t, budgeting.MaxFindings, n)
	assert.Equal(t, 50, total)
}
