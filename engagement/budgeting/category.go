package budgeting

import "github.com/civitas-go/civitas/internal/enum"

// Category is a kind of finding of [Check], one for each category Pabulib's
// checker (pabulib/checker) reports, under its name ([Category.CheckerName]).
//
// The zero value is invalid.
type Category int

// The categories, in the order the checker's report gives them: structure,
// META, PROJECTS, VOTES, the rule.
const (
	// CategoryFileStructureError ("file structure error", error): outer whitespace in a cell, header or title; a section missing, repeated or out of order; a META header other than key;value; a first column other than project_id or voter_id; a column, META key, project or voter ID given twice; an empty key or ID; data before a header.
	CategoryFileStructureError Category = iota + 1
	// CategoryFileStructureWarning ("file structure warning", warning): a row with more cells than its header.
	CategoryFileStructureWarning
	// CategoryEmptyLinesRemoved ("empty lines removed", warning): blank lines other than a final one.
	CategoryEmptyLinesRemoved
	// CategoryProcessingError ("processing error", error): the checker would stop: a fractional tally, an empty selected cell, an Equal Shares tie its tie-breaks cannot break.
	CategoryProcessingError
	// CategoryMissingMetaFieldValue ("missing meta field value", error): a required META key absent: description, country, unit, instance, num_projects, num_votes, budget, vote_type, rule, date_begin, date_end, and max_sum_points for cumulative ballots.
	CategoryMissingMetaFieldValue
	// CategoryInvalidMetaFieldValue ("invalid meta field value", error): an empty META value; a country, currency, language, vote_type or date Pabulib does not know; a comment not starting #1:; fully_funded or experimental other than 1; max_length over num_projects.
	CategoryInvalidMetaFieldValue
	// CategoryIncorrectMetaFieldDatatype ("incorrect meta field datatype", error): a META value of the wrong type (a whole number, a decimal number).
	CategoryIncorrectMetaFieldDatatype
	// CategoryNotKnownMetaFields ("not known meta fields", error): a META key outside Pabulib's schema.
	CategoryNotKnownMetaFields
	// CategoryWrongMetaFieldsOrder ("wrong meta fields order", warning): META keys out of the schema's order.
	CategoryWrongMetaFieldsOrder
	// CategoryMissingNumVotesField ("missing num_votes field", error): num_votes with no value.
	CategoryMissingNumVotesField
	// CategoryInvalidNumVotesField ("invalid num_votes field", error): num_votes not a whole number.
	CategoryInvalidNumVotesField
	// CategoryDifferentNumberOfVotes ("different number of votes", error): num_votes disagrees with the VOTES rows.
	CategoryDifferentNumberOfVotes
	// CategoryDifferentNumberOfProjects ("different number of projects", error): num_projects disagrees with the PROJECTS rows.
	CategoryDifferentNumberOfProjects
	// CategoryCommaInFloat ("comma in float!", error): a decimal comma in budget, max_sum_cost or a cost.
	CategoryCommaInFloat
	// CategoryDateRangeMissmatch ("date range missmatch", error): date_begin after date_end.
	CategoryDateRangeMissmatch
	// CategoryInvalidChoose1MetaConstraint ("invalid choose-1 meta constraint", error): choose-1 ballots with min_length or max_length other than 1.
	CategoryInvalidChoose1MetaConstraint
	// CategoryChoose1VoteTypeSuggested ("choose-1 vote_type suggested", warning): max_length 1 with another vote_type.
	CategoryChoose1VoteTypeSuggested
	// CategoryIncompatibleMetaFieldForVoteType ("incompatible meta field for vote_type", warning): points limits with approval or choose-1 ballots.
	CategoryIncompatibleMetaFieldForVoteType
	// CategoryWrongFullyFundedFlag ("wrong fully_funded flag", error): fully_funded 1 while the budget is under the cost of all projects.
	CategoryWrongFullyFundedFlag
	// CategoryFullyFundedFlagDifferentThan1 ("fully_funded flag different than 1!", error): fully_funded other than 1.
	CategoryFullyFundedFlagDifferentThan1
	// CategoryAllProjectsFunded ("all projects funded", error): no fully_funded flag while the budget covers every project.
	CategoryAllProjectsFunded
	// CategoryInvalidCommentNumbering ("invalid comment numbering", error): a comment with no #n: marker.
	CategoryInvalidCommentNumbering
	// CategoryNonSequentialCommentNumbering ("non-sequential comment numbering", warning): comment markers not #1:, #2:, … in order.
	CategoryNonSequentialCommentNumbering
	// CategoryUnusedDeclaredMetadataValues ("unused declared metadata values", warning): a category or neighborhood META lists that no project has.
	CategoryUnusedDeclaredMetadataValues
	// CategoryUndeclaredMetadataValuesUsed ("undeclared metadata values used", warning): a category or neighborhood a project has that META does not list.
	CategoryUndeclaredMetadataValuesUsed
	// CategoryWhitespaceAroundListSeparator ("whitespace around list separator", error): a space beside a comma in a META list, a category or beneficiaries.
	CategoryWhitespaceAroundListSeparator
	// CategoryProjectWithNoCost ("project with no cost", error): a cost that rounds down to 0.
	CategoryProjectWithNoCost
	// CategorySingleProjectExceededWholeBudget ("single project exceeded whole budget", error): a project costing more than the budget (a warning for a withdrawn project, cost 999999999).
	CategorySingleProjectExceededWholeBudget
	// CategorySelectedSentinelCostProject ("selected sentinel-cost project", error): a withdrawn project (cost 999999999) marked selected.
	CategorySelectedSentinelCostProject
	// CategoryBudgetExceeded ("budget exceeded", error): the selected projects cost more than the budget.
	CategoryBudgetExceeded
	// CategoryUnusedBudget ("unused budget", error): projects not selected that still fit in what the selected ones leave (a warning for greedy-exclusive and greedy-custom).
	CategoryUnusedBudget
	// CategoryProjectWithNoVotes ("project with no votes", warning): votes 0 or empty.
	CategoryProjectWithNoVotes
	// CategoryDifferentValuesInVotes ("different values in votes", error): a votes cell that disagrees with the ballots.
	CategoryDifferentValuesInVotes
	// CategoryDifferentValuesInScores ("different values in scores", error): a score cell that disagrees with the ballots.
	CategoryDifferentValuesInScores
	// CategoryNoVotesOrScoreCounted ("No votes or score counted in PROJECTS section", warning): PROJECTS has neither votes nor score.
	CategoryNoVotesOrScoreCounted
	// CategoryNotKnownProjectsFields ("not known projects fields", error): a PROJECTS column outside Pabulib's schema.
	CategoryNotKnownProjectsFields
	// CategoryMissingProjectsFieldValue ("missing projects field value", error): project_id or cost absent or empty.
	CategoryMissingProjectsFieldValue
	// CategoryIncorrectProjectsFieldDatatype ("incorrect projects field datatype", error): a PROJECTS cell of the wrong type.
	CategoryIncorrectProjectsFieldDatatype
	// CategoryInvalidProjectsFieldValue ("invalid projects field value", error): an empty cell where a value is required; selected other than 0 to 3; the legacy target column; coordinates out of range.
	CategoryInvalidProjectsFieldValue
	// CategoryWrongProjectsFieldsOrder ("wrong projects fields order", warning): PROJECTS columns out of the schema's order.
	CategoryWrongProjectsFieldsOrder
	// CategoryDuplicateValuesInsideListField ("duplicate values inside list field", warning): a category or beneficiary listed twice in one cell.
	CategoryDuplicateValuesInsideListField
	// CategoryInconsistentLabelNormalization ("inconsistent label normalization", warning): one label written two ways (case, spaces).
	CategoryInconsistentLabelNormalization
	// CategoryIdenticalProjectCoordinates ("identical project coordinates", warning): a project whose latitude and longitude are the same number.
	CategoryIdenticalProjectCoordinates
	// CategoryWhitespaceAroundVoteSeparator ("whitespace around vote separator", error): a space beside a comma in a vote or points.
	CategoryWhitespaceAroundVoteSeparator
	// CategoryVoteForNonExistentProject ("vote for non-existent project", error): a ballot naming a project PROJECTS does not list.
	CategoryVoteForNonExistentProject
	// CategoryVoteLengthExceeded ("vote length exceeded", error): a ballot longer than max_length.
	CategoryVoteLengthExceeded
	// CategoryVoteLengthTooShort ("vote length too short", error): a ballot shorter than min_length.
	CategoryVoteLengthTooShort
	// CategoryNoMaxLengthUsed ("no_max_length_used", warning): max_length set and no ballot reaching it.
	CategoryNoMaxLengthUsed
	// CategoryAverageVoteLengthEqualsOne ("average vote length equals one", warning): approval ballots of one project each on average, with more than one project to choose from.
	CategoryAverageVoteLengthEqualsOne
	// CategoryMissingPointsForVoteType ("missing points for vote_type", error): no points with cumulative or scoring ballots.
	CategoryMissingPointsForVoteType
	// CategoryUnexpectedPointsForVoteType ("unexpected points for vote_type", error): points with approval or choose-1 ballots.
	CategoryUnexpectedPointsForVoteType
	// CategoryInvalidChoose1VoteLength ("invalid choose-1 vote length", error): a choose-1 ballot not naming exactly one project.
	CategoryInvalidChoose1VoteLength
	// CategoryVotePointsLengthMismatch ("vote/points length mismatch", error): a ballot whose points do not match its projects one to one.
	CategoryVotePointsLengthMismatch
	// CategoryInvalidPointsValue ("invalid points value", error): points that are not a whole number.
	CategoryInvalidPointsValue
	// CategoryNegativeCumulativePoints ("negative cumulative points", error): negative points.
	CategoryNegativeCumulativePoints
	// CategoryPointsBelowMinimum ("points below minimum", error): points under min_points.
	CategoryPointsBelowMinimum
	// CategoryPointsAboveMaximum ("points above maximum", error): points over max_points.
	CategoryPointsAboveMaximum
	// CategoryPointsSumBelowMinimum ("points sum below minimum", warning): a ballot's points summing under min_sum_points.
	CategoryPointsSumBelowMinimum
	// CategoryPointsSumAboveMaximum ("points sum above maximum", warning): a ballot's points summing over max_sum_points.
	CategoryPointsSumAboveMaximum
	// CategoryVoteOrderNotSortedByPoints ("vote order not sorted by points", warning): a points ballot not listed most points first.
	CategoryVoteOrderNotSortedByPoints
	// CategoryApprovalVoteCostBelowMinimum ("approval vote cost below minimum", warning): an approval ballot's projects costing under min_sum_cost.
	CategoryApprovalVoteCostBelowMinimum
	// CategoryApprovalVoteCostAboveMaximum ("approval vote cost above maximum", warning): an approval ballot's projects costing over max_sum_cost.
	CategoryApprovalVoteCostAboveMaximum
	// CategoryNotKnownVotesFields ("not known votes fields", error): a VOTES column outside Pabulib's schema.
	CategoryNotKnownVotesFields
	// CategoryMissingVotesFieldValue ("missing votes field value", error): voter_id or vote absent.
	CategoryMissingVotesFieldValue
	// CategoryInvalidVotesFieldValue ("invalid votes field value", error): an age, sex or voting_method Pabulib does not know.
	CategoryInvalidVotesFieldValue
	// CategoryIncorrectVotesFieldDatatype ("incorrect votes field datatype", error): a VOTES cell of the wrong type.
	CategoryIncorrectVotesFieldDatatype
	// CategoryWrongVotesFieldsOrder ("wrong votes fields order", warning): VOTES columns out of the schema's order.
	CategoryWrongVotesFieldsOrder
	// CategoryVoteWithDuplicatedProjects ("vote with duplicated projects", warning): a ballot naming a project twice; defined by the checker but never run, so reported only with WithDuplicateCheck.
	CategoryVoteWithDuplicatedProjects
	// CategoryMissingSelectedField ("missing selected field in projects", warning): no selected column, or an empty first cell: the rule is not checked.
	CategoryMissingSelectedField
	// CategoryUnknownRuleValue ("unknown rule value", error): META rule names no rule Pabulib knows.
	CategoryUnknownRuleValue
	// CategoryRuleValidationSkipped ("rule validation skipped", warning): META rule is unknown.
	CategoryRuleValidationSkipped
	// CategoryRuleNotFollowed ("rule not followed", error): the selected projects are not what the rule gives (greedy, greedy-threshold, greedy-no-skip, the Equal Shares rules): the checker names it '<rule> rule not followed'.
	CategoryRuleNotFollowed
	// CategoryThresholdViolation ("threshold violation", error): a project selected with a tally under the threshold.
	CategoryThresholdViolation
	// CategoryIncorrectRuleWithThreshold ("incorrect rule with threshold", error): rule greedy with a threshold.
	CategoryIncorrectRuleWithThreshold
	// CategoryMissingThresholdField ("missing threshold field", error): rule greedy-threshold without min_project_score_threshold.
	CategoryMissingThresholdField
	// CategoryGreedyExclusivePotentialMismatch ("greedy-exclusive potential mismatch", warning): greedy-exclusive outcomes plain greedy does not reproduce.
	CategoryGreedyExclusivePotentialMismatch
	// CategoryGreedyCustomCannotBeVerified ("greedy-custom cannot be verified", warning): greedy-custom outside Poznań.
	CategoryGreedyCustomCannotBeVerified
	// CategoryMissingCommentForGreedyCustom ("missing comment for greedy-custom", warning): greedy-custom outside Poznań with no comment.
	CategoryMissingCommentForGreedyCustom
	// CategoryEqualsharesUnsupportedVoteType ("equalshares unsupported vote_type", warning): an Equal Shares rule on ballots other than approval.
	CategoryEqualsharesUnsupportedVoteType
	// CategoryPoznanRuleNotFollowed ("poznan rule not followed", error): Poznań's selection differs from its rule (an unmarked project the rule funds is a warning).
	CategoryPoznanRuleNotFollowed
)

var categories = enum.New[Category]("Category", invalidName, "file_structure_error", "file_structure_warning", "empty_lines_removed", "processing_error", "missing_meta_field_value", "invalid_meta_field_value", "incorrect_meta_field_datatype", "not_known_meta_fields", "wrong_meta_fields_order", "missing_num_votes_field", "invalid_num_votes_field", "different_number_of_votes", "different_number_of_projects", "comma_in_float", "date_range_missmatch", "invalid_choose_1_meta_constraint", "choose_1_vote_type_suggested", "incompatible_meta_field_for_vote_type", "wrong_fully_funded_flag", "fully_funded_flag_different_than_1", "all_projects_funded", "invalid_comment_numbering", "non_sequential_comment_numbering", "unused_declared_metadata_values", "undeclared_metadata_values_used", "whitespace_around_list_separator", "project_with_no_cost", "single_project_exceeded_whole_budget", "selected_sentinel_cost_project", "budget_exceeded", "unused_budget", "project_with_no_votes", "different_values_in_votes", "different_values_in_scores", "no_votes_or_score_counted", "not_known_projects_fields", "missing_projects_field_value", "incorrect_projects_field_datatype", "invalid_projects_field_value", "wrong_projects_fields_order", "duplicate_values_inside_list_field", "inconsistent_label_normalization", "identical_project_coordinates", "whitespace_around_vote_separator", "vote_for_non_existent_project", "vote_length_exceeded", "vote_length_too_short", "no_max_length_used", "average_vote_length_equals_one", "missing_points_for_vote_type", "unexpected_points_for_vote_type", "invalid_choose_1_vote_length", "vote_points_length_mismatch", "invalid_points_value", "negative_cumulative_points", "points_below_minimum", "points_above_maximum", "points_sum_below_minimum", "points_sum_above_maximum", "vote_order_not_sorted_by_points", "approval_vote_cost_below_minimum", "approval_vote_cost_above_maximum", "not_known_votes_fields", "missing_votes_field_value", "invalid_votes_field_value", "incorrect_votes_field_datatype", "wrong_votes_fields_order", "vote_with_duplicated_projects", "missing_selected_field", "unknown_rule_value", "rule_validation_skipped", "rule_not_followed", "threshold_violation", "incorrect_rule_with_threshold", "missing_threshold_field", "greedy_exclusive_potential_mismatch", "greedy_custom_cannot_be_verified", "missing_comment_for_greedy_custom", "equalshares_unsupported_vote_type", "poznan_rule_not_followed")

// checkerNames are the names Pabulib's checker gives the categories.
var checkerNames = [...]string{"", "file structure error", "file structure warning", "empty lines removed", "processing error", "missing meta field value", "invalid meta field value", "incorrect meta field datatype", "not known meta fields", "wrong meta fields order", "missing num_votes field", "invalid num_votes field", "different number of votes", "different number of projects", "comma in float!", "date range missmatch", "invalid choose-1 meta constraint", "choose-1 vote_type suggested", "incompatible meta field for vote_type", "wrong fully_funded flag", "fully_funded flag different than 1!", "all projects funded", "invalid comment numbering", "non-sequential comment numbering", "unused declared metadata values", "undeclared metadata values used", "whitespace around list separator", "project with no cost", "single project exceeded whole budget", "selected sentinel-cost project", "budget exceeded", "unused budget", "project with no votes", "different values in votes", "different values in scores", "No votes or score counted in PROJECTS section", "not known projects fields", "missing projects field value", "incorrect projects field datatype", "invalid projects field value", "wrong projects fields order", "duplicate values inside list field", "inconsistent label normalization", "identical project coordinates", "whitespace around vote separator", "vote for non-existent project", "vote length exceeded", "vote length too short", "no_max_length_used", "average vote length equals one", "missing points for vote_type", "unexpected points for vote_type", "invalid choose-1 vote length", "vote/points length mismatch", "invalid points value", "negative cumulative points", "points below minimum", "points above maximum", "points sum below minimum", "points sum above maximum", "vote order not sorted by points", "approval vote cost below minimum", "approval vote cost above maximum", "not known votes fields", "missing votes field value", "invalid votes field value", "incorrect votes field datatype", "wrong votes fields order", "vote with duplicated projects", "missing selected field in projects", "unknown rule value", "rule validation skipped", "rule not followed", "threshold violation", "incorrect rule with threshold", "missing threshold field", "greedy-exclusive potential mismatch", "greedy-custom cannot be verified", "missing comment for greedy-custom", "equalshares unsupported vote_type", "poznan rule not followed"}

// defaultLevels are the levels of the categories, before exceptions.
var defaultLevels = [...]FindingLevel{0, FindingLevelError, FindingLevelWarning, FindingLevelWarning, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelWarning, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelWarning, FindingLevelWarning, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelWarning, FindingLevelWarning, FindingLevelWarning, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelWarning, FindingLevelError, FindingLevelError, FindingLevelWarning, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelWarning, FindingLevelWarning, FindingLevelWarning, FindingLevelWarning, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelWarning, FindingLevelWarning, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelWarning, FindingLevelWarning, FindingLevelWarning, FindingLevelWarning, FindingLevelWarning, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelWarning, FindingLevelWarning, FindingLevelWarning, FindingLevelError, FindingLevelWarning, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelError, FindingLevelWarning, FindingLevelWarning, FindingLevelWarning, FindingLevelWarning, FindingLevelError}

// Categories returns every declared Category, in declaration order.
func Categories() []Category { return categories.Values() }

// ParseCategory returns the Category named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names, wrapping [ErrInvalid].
func ParseCategory(s string) (Category, error) { return categories.Parse(s) }

// IsValid reports whether c is a declared Category.
func (c Category) IsValid() bool { return categories.Valid(c) }

// String returns the wire name, such as "file_structure_error", or "Category(n)" for an
// undeclared value.
func (c Category) String() string { return categories.String(c) }

// MarshalText returns the wire name; an undeclared value is an error.
func (c Category) MarshalText() ([]byte, error) { return categories.Marshal(c) }

// UnmarshalText parses a name as [ParseCategory] does, leaving c unchanged on error.
func (c *Category) UnmarshalText(b []byte) error { return categories.Unmarshal(c, b) }

// CheckerName returns the name Pabulib's checker gives the category, such as
// "comma in float!" or "No votes or score counted in PROJECTS section";
// [CategoryRuleNotFollowed] is "rule not followed", which the checker
// prefixes with the rule's name ([Finding.Name]). "" for an undeclared
// value.
func (c Category) CheckerName() string {
	if !c.IsValid() {
		return ""
	}
	return checkerNames[c]
}

// Text returns the category's name for people, such as "file structure
// error".
func (c Category) Text() string { return categories.Text(c) }

// FindingLevel is how serious a [Finding] is: an error makes a file
// invalid, a warning does not. (It is not [engagement.Level], a level of
// public participation.)
//
// The zero value is invalid.
type FindingLevel int

const (
	// FindingLevelError marks a finding that makes the file invalid.
	FindingLevelError FindingLevel = iota + 1
	// FindingLevelWarning marks a finding worth a look that leaves the file valid.
	FindingLevelWarning
)

var findingLevels = enum.New[FindingLevel]("FindingLevel", invalidName, "error", "warning")

// FindingLevels returns every declared FindingLevel, in declaration order.
func FindingLevels() []FindingLevel { return findingLevels.Values() }

// ParseFindingLevel returns the FindingLevel named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names, wrapping [ErrInvalid].
func ParseFindingLevel(s string) (FindingLevel, error) { return findingLevels.Parse(s) }

// IsValid reports whether l is a declared FindingLevel.
func (l FindingLevel) IsValid() bool { return findingLevels.Valid(l) }

// String returns the wire name, such as "error", or "FindingLevel(n)" for an
// undeclared value.
func (l FindingLevel) String() string { return findingLevels.String(l) }

// MarshalText returns the wire name; an undeclared value is an error.
func (l FindingLevel) MarshalText() ([]byte, error) { return findingLevels.Marshal(l) }

// UnmarshalText parses a name as [ParseFindingLevel] does, leaving l unchanged on error.
func (l *FindingLevel) UnmarshalText(b []byte) error { return findingLevels.Unmarshal(l, b) }
