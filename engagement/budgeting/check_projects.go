package budgeting

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// nullableProject are the PROJECTS columns that may be empty; votes, score
// and selected have checks of their own.
var nullableProject = []string{"category", "beneficiaries", "latitude", "longitude", "votes", "score", "selected"}

// checkProjects checks the PROJECTS section.
func (c *checker) checkProjects() {
	if c.pcols == nil {
		return
	}
	var cols []string
	for _, name := range c.pcols {
		if name == "target" || name == "targets" {
			c.add(CategoryInvalidProjectsFieldValue, c.pline, "the column %s is legacy: Pabulib calls it beneficiaries", name)
			continue
		}
		cols = append(cols, name)
	}
	c.checkOrder("PROJECTS", cols, c.pline, projectSchema, CategoryNotKnownProjectsFields, CategoryWrongProjectsFieldsOrder)
	for _, name := range [...]string{"project_id", "cost"} {
		if c.col(name) < 0 {
			c.add(CategoryMissingProjectsFieldValue, c.pline, "PROJECTS has no %s column", name)
		}
	}
	if c.col("votes") < 0 && c.col("score") < 0 {
		c.add(CategoryNoVotesOrScoreCounted, c.pline, "PROJECTS has neither votes nor score")
	}
	labels := map[string]map[string]bool{} // normalized label → spellings
	for _, r := range c.prows {
		c.checkProjectCells(r, labels)
	}
	for key, spellings := range labels {
		if len(spellings) > 1 {
			c.add(CategoryInconsistentLabelNormalization, c.pline, "the label %q is written %d ways", key, len(spellings))
		}
	}
	c.checkDeclared("categories", "category")
	c.checkDeclared("neighborhoods", "neighborhood")
	c.checkBudget()
}

// checkProjectCells checks one project's cells.
func (c *checker) checkProjectCells(r projRow, labels map[string]map[string]bool) {
	id := r.cells[0]
	for i, name := range c.pcols {
		v := r.cells[i]
		k := schemaIndex(projectSchema, name)
		if k < 0 {
			continue
		}
		typ := projectSchema[k].typ
		switch {
		case v == "" && (name == "project_id" || name == "cost"):
			c.add(CategoryMissingProjectsFieldValue, r.line, "project %q has no %s", id, name)
		case v == "" && !containsString(nullableProject, name):
			c.add(CategoryInvalidProjectsFieldValue, r.line, "project %q has no %s", id, name)
		case v == "":
		case name == "cost" && strings.Contains(v, ","):
			c.add(CategoryCommaInFloat, r.line, "project %q costs %q, with a decimal comma", id, clip(v))
		case !typeOK(v, typ):
			c.add(CategoryIncorrectProjectsFieldDatatype, r.line, "project %q: %s %q is not a %s", id, name, clip(v), typeNames[typ])
		case name == "selected" && (v < "0" || v > "3" || len(v) != 1):
			c.add(CategoryInvalidProjectsFieldValue, r.line, "project %q: selected is %s, not 0 to 3", id, v)
		case name == "latitude" || name == "longitude":
			f, _ := strconv.ParseFloat(v, 64)
			if limit := map[string]float64{"latitude": 90, "longitude": 180}[name]; f < -limit || f > limit {
				c.add(CategoryInvalidProjectsFieldValue, r.line, "project %q: %s %s is out of range", id, name, v)
			}
		case typ == ftList:
			c.checkList(v, r.line, "project "+strconvQuote(id)+" "+name)
			seen := map[string]bool{}
			for _, x := range strings.Split(v, ",") {
				x = strings.TrimSpace(x)
				if seen[x] {
					c.add(CategoryDuplicateValuesInsideListField, r.line, "project %q lists %q twice in %s", id, x, name)
				}
				seen[x] = true
				key := strings.Join(strings.Fields(strings.ToLower(x)), " ")
				if labels[key] == nil {
					labels[key] = map[string]bool{}
				}
				labels[key][x] = true
			}
		}
	}
	lat, _ := c.cell(r, "latitude")
	lon, _ := c.cell(r, "longitude")
	if lat != "" && lat == lon {
		c.add(CategoryIdenticalProjectCoordinates, r.line, "project %q has the same latitude and longitude, %s: one was copied into the other", id, lat)
	}
}

// containsString reports whether list holds s.
func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// strconvQuote quotes s for a message.
func strconvQuote(s string) string { return strconv.Quote(clip(s)) }

// checkDeclared compares the values META key lists with those the PROJECTS
// column col uses.
func (c *checker) checkDeclared(key, col string) {
	v, line, ok := c.metaValue(key)
	if !ok || c.col(col) < 0 {
		return
	}
	declared := map[string]bool{}
	for _, x := range strings.Split(v, ",") {
		declared[strings.TrimSpace(x)] = true
	}
	used := map[string]bool{}
	for _, r := range c.prows {
		cell, _ := c.cell(r, col)
		if cell == "" {
			continue
		}
		for _, x := range strings.Split(cell, ",") {
			x = strings.TrimSpace(x)
			used[x] = true
			if !declared[x] {
				c.add(CategoryUndeclaredMetadataValuesUsed, r.line, "project %q has %s %q, which META %s does not list", r.cells[0], col, x, key)
			}
		}
	}
	for x := range declared {
		if !used[x] {
			c.add(CategoryUnusedDeclaredMetadataValues, line, "META %s lists %q, which no project has", key, x)
		}
	}
}

// selectedOf returns a row's selected value, -1 when empty or not 0 to 3.
func (c *checker) selectedOf(r projRow) int {
	v, _ := c.cell(r, "selected")
	if len(v) != 1 || v < "0" || v > "3" {
		return -1
	}
	return int(v[0] - '0')
}

// checkBudget checks the costs against the budget and the selection.
func (c *checker) checkBudget() {
	budget, ok := c.budgetUnits()
	if !ok || c.col("cost") < 0 {
		return
	}
	withdrawn := decimal.NewFromInt(withdrawnCost)
	all, spent := decimal.Zero, decimal.Zero
	for _, r := range c.prows {
		v, _ := c.cell(r, "cost")
		cost, ok := costUnits(v)
		if !ok {
			continue
		}
		all = all.Add(cost)
		sel := c.selectedOf(r)
		if sel == 1 {
			spent = spent.Add(cost)
		}
		switch {
		case cost.IsZero():
			c.add(CategoryProjectWithNoCost, r.line, "project %q costs nothing", r.cells[0])
		case cost.GreaterThan(budget) && cost.Equal(withdrawn):
			c.addLevel(CategorySingleProjectExceededWholeBudget, FindingLevelWarning, r.line, "",
				"project %q costs %s, the mark of a withdrawn project, more than the budget %s", r.cells[0], cost, budget)
		case cost.GreaterThan(budget):
			c.add(CategorySingleProjectExceededWholeBudget, r.line, "project %q costs %s, more than the budget %s", r.cells[0], cost, budget)
		}
		if cost.Equal(withdrawn) && sel == 1 {
			c.add(CategorySelectedSentinelCostProject, r.line, "project %q, withdrawn (cost 999999999), is selected", r.cells[0])
		}
	}
	if spent.GreaterThan(budget) {
		c.add(CategoryBudgetExceeded, 0, "the selected projects cost %s, the budget is %s", spent, budget)
	}
	if v, line, ok := c.metaValue("fully_funded"); ok {
		if v == "1" && budget.LessThan(all) {
			c.add(CategoryWrongFullyFundedFlag, line, "fully_funded is 1, but the budget %s is under the cost of all projects, %s", budget, all)
		}
		return
	}
	if budget.GreaterThanOrEqual(all) {
		c.add(CategoryAllProjectsFunded, 0, "the budget %s covers every project (%s in all), and META has no fully_funded flag", budget, all)
	}
	c.unusedBudget(budget.Sub(spent))
}

// unusedBudget reports the projects not selected that still fit in left,
// best tally first, for the rules that must use the budget up.
func (c *checker) unusedBudget(left decimal.Decimal) {
	rule, _, _ := c.metaValue("rule")
	level := FindingLevelError
	switch rule {
	case "greedy", "greedy-threshold":
	case "greedy-exclusive", "greedy-custom":
		level = FindingLevelWarning
	default:
		return
	}
	if c.col("selected") < 0 {
		return
	}
	t, _ := c.metaInt("min_project_score_threshold")
	col := "votes"
	if c.col("score") >= 0 {
		col = "score"
	}
	tally := make([]int64, len(c.prows))
	rank := make([]int32, len(c.prows))
	for i, r := range c.prows {
		v, _ := c.cell(r, col)
		tally[i], _ = parseTally(v)
		rank[i] = int32(i)
	}
	for _, p := range mostFirst(tally, rank) {
		r := c.prows[p]
		if c.selectedOf(r) != 0 || t > 0 && tally[p] <= t {
			continue
		}
		v, _ := c.cell(r, "cost")
		cost, ok := costUnits(v)
		if ok && cost.LessThanOrEqual(left) {
			left = left.Sub(cost)
			c.addLevel(CategoryUnusedBudget, level, r.line, "", "project %q (cost %s) is not selected, yet fits in what is left", r.cells[0], cost)
		}
	}
}

// checkOrder reports the columns of section not in schema, and those out of
// its order.
func (c *checker) checkOrder(section string, cols []string, line int, schema []schemaField, notKnown, wrongOrder Category) {
	last := -1
	for _, name := range cols {
		i := schemaIndex(schema, name)
		switch {
		case i < 0:
			c.add(notKnown, line, "the %s column %q is not in Pabulib's schema", section, clip(name))
			continue
		case i < last:
			c.add(wrongOrder, line, "the column %s comes after %s", name, schema[last].name)
		}
		last = max(last, i)
	}
}
