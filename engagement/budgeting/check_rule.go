package budgeting

import (
	"context"
	"slices"
	"strings"
)

// checkRule checks that the selected projects are those the file's rule
// gives, as Pabulib's checker does.
func (c *checker) checkRule() {
	rule, line, ok := c.metaValue("rule")
	if !ok || !c.headOK {
		return
	}
	o, known := officialByPabulibName(rule)
	if c.e != nil && known {
		if r, err := NewOfficialRule(o); err == nil {
			c.outcome, _ = r.Run(context.Background(), c.e)
		}
	}
	sel := c.col("selected")
	if sel < 0 || len(c.prows) == 0 || c.prows[0].cells[sel] == "" {
		c.add(CategoryMissingSelectedField, c.pline, "PROJECTS has no selected column, or its first cell is empty: the rule is not checked")
		return
	}
	if rule == "unknown" {
		c.add(CategoryRuleValidationSkipped, line, "the rule is unknown, so the selection is not checked")
	}
	if !known {
		return
	}
	for _, r := range c.prows {
		if r.cells[sel] == "" {
			c.add(CategoryProcessingError, r.line, "project %q has an empty selected cell", r.cells[0])
			return
		}
		if c.selectedOf(r) < 0 {
			return // reported as an invalid value
		}
	}
	_, _, hasT := c.metaValue("min_project_score_threshold")
	unit, _, _ := c.metaValue("unit")
	switch {
	case o == OfficialRuleGreedy && hasT:
		c.add(CategoryIncorrectRuleWithThreshold, line, "rule greedy with a min_project_score_threshold")
		return
	case o == OfficialRuleGreedyThreshold && !hasT:
		c.add(CategoryMissingThresholdField, line, "rule greedy-threshold without min_project_score_threshold")
		return
	case o == OfficialRuleGreedyCustom && unit != poznanUnit:
		c.add(CategoryGreedyCustomCannotBeVerified, line, "the city's own greedy-custom rule is not in the file")
		if _, _, ok := c.metaValue("comment"); !ok {
			c.add(CategoryMissingCommentForGreedyCustom, line, "greedy-custom without a comment saying what the rule is")
		}
		return
	case o.equalShares() && c.e != nil && c.e.inst.voteType != VoteTypeApproval:
		c.add(CategoryEqualsharesUnsupportedVoteType, line, "%s is checked on approval ballots only, not %s", rule, c.e.inst.voteType)
		return
	}
	col := "votes"
	if c.col("score") >= 0 {
		col = "score"
	}
	for _, r := range c.prows {
		if v, _ := c.cell(r, col); v != "" {
			if _, ok := parseTally(v); !ok {
				c.add(CategoryProcessingError, r.line, "project %q: %s %q is not a whole number", r.cells[0], col, v)
				return
			}
		}
	}
	res := c.outcome
	if res == nil || len(c.prows) != c.e.inst.Len() {
		return
	}
	if res.UnbrokenTie() {
		c.add(CategoryProcessingError, line, "%s meets a tie that neither the lower cost nor more supporters breaks", rule)
	}
	want := make([]bool, len(c.prows))
	for _, p := range res.selected {
		want[p] = true
	}
	if o == OfficialRuleGreedyCustom {
		c.checkPoznan(res, want)
		return
	}
	var missing, extra []string
	t, _ := c.metaInt("min_project_score_threshold")
	for p, r := range c.prows {
		marked := c.selectedOf(r) == 1
		switch {
		case marked && !want[p]:
			extra = append(extra, r.cells[0])
		case want[p] && !marked:
			missing = append(missing, r.cells[0])
		}
		if marked && o == OfficialRuleGreedyThreshold && res.official.tallies[p].Published < t {
			c.add(CategoryThresholdViolation, r.line, "project %q is selected with a tally under the threshold %d", r.cells[0], t)
		}
	}
	if len(missing)+len(extra) == 0 {
		return
	}
	if o == OfficialRuleGreedyExclusive {
		c.add(CategoryGreedyExclusivePotentialMismatch, line, "plain greedy %s; the city's rules on exclusive projects are not in the file",
			selectionDiff(missing, extra))
		return
	}
	c.addLevel(CategoryRuleNotFollowed, FindingLevelError, line, rule, "the rule %s", selectionDiff(missing, extra))
}

// selectionDiff says how a rule's selection differs from the file's.
func selectionDiff(missing, extra []string) string {
	var parts []string
	if len(missing) > 0 {
		parts = append(parts, "funds "+strings.Join(missing, ", ")+", not selected")
	}
	if len(extra) > 0 {
		parts = append(parts, "does not fund "+strings.Join(extra, ", ")+", selected")
	}
	return strings.Join(parts, " and ")
}

// checkPoznan compares Poznań's selection (1s, the 80 % step's 2 and the 3s
// paid from reserve funds) with its rule: the rule's projects and, for k 3s,
// the next k of the walk.
func (c *checker) checkPoznan(res *Result, want []bool) {
	reserve := 0
	for _, r := range c.prows {
		if c.selectedOf(r) == 3 {
			reserve++
		}
	}
	for _, p := range res.official.order {
		if reserve == 0 {
			break
		}
		if !want[p] && !slices.Contains(res.selected, int(p)) && c.walkedPast(res, int(p)) {
			want[p] = true
			reserve--
		}
	}
	for p, r := range c.prows {
		marked := c.selectedOf(r) > 0
		switch {
		case marked && !want[p]:
			c.add(CategoryPoznanRuleNotFollowed, r.line, "project %q is selected, but Poznań's rule does not fund it", r.cells[0])
		case want[p] && !marked:
			c.addLevel(CategoryPoznanRuleNotFollowed, FindingLevelWarning, r.line, "", "Poznań's rule funds project %q, which is not selected", r.cells[0])
		}
	}
}

// walkedPast reports whether p comes at or after the project the walk
// stopped at: a candidate for the reserve funds.
func (c *checker) walkedPast(res *Result, p int) bool {
	if len(res.steps) == 0 {
		return true
	}
	stop := res.steps[len(res.steps)-1].project
	for _, q := range res.official.order {
		if int(q) == stop {
			return true // p comes at or after the stop: reached below
		}
		if int(q) == p {
			return false
		}
	}
	return true
}
