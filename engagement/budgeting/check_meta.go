package budgeting

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// field types of Pabulib's schema
const (
	ftText = iota
	ftInt
	ftFloat
	ftList
)

// schemaField is one field of Pabulib's schema: its name and type, in the
// schema's order.
type schemaField struct {
	name string
	typ  int
}

// metaSchema is the order and types of META keys.
var metaSchema = []schemaField{{"description", ftText}, {"country", ftText}, {"unit", ftText}, {"district", ftText},
	{"subunit", ftText}, {"instance", ftText}, {"num_projects", ftInt}, {"num_votes", ftInt}, {"budget", ftFloat},
	{"vote_type", ftText}, {"rule", ftText}, {"date_begin", ftText}, {"date_end", ftText}, {"min_length", ftInt},
	{"max_length", ftInt}, {"min_sum_cost", ftFloat}, {"max_sum_cost", ftFloat}, {"min_points", ftInt},
	{"max_points", ftInt}, {"min_sum_points", ftInt}, {"max_sum_points", ftInt}, {"default_score", ftInt},
	{"min_project_cost", ftInt}, {"max_project_cost", ftInt}, {"min_project_score_threshold", ftInt},
	{"neighborhoods", ftList}, {"subdistricts", ftList}, {"categories", ftList}, {"edition", ftText},
	{"language", ftText}, {"currency", ftText}, {"fully_funded", ftInt}, {"experimental", ftInt},
	{"comment", ftText}, {"acknowledgments", ftText}, {"leftover_budget", ftText},
	{"budget_per_category", ftList}, {"budget_per_neighborhood", ftList}, {"min_length_per_category", ftInt},
	{"max_length_per_category", ftInt}, {"min_sum_cost_per_category", ftList}, {"max_sum_cost_per_category", ftList}}

// projectSchema is the order and types of PROJECTS columns.
var projectSchema = []schemaField{{"project_id", ftText}, {"cost", ftFloat}, {"votes", ftInt}, {"score", ftInt},
	{"name", ftText}, {"category", ftList}, {"beneficiaries", ftList}, {"selected", ftInt}, {"neighborhood", ftText},
	{"subunit", ftText}, {"district", ftText}, {"description", ftText}, {"proposer", ftText}, {"public_id", ftText},
	{"latitude", ftFloat}, {"longitude", ftFloat}}

// voteSchema is the order and types of VOTES columns.
var voteSchema = []schemaField{{"voter_id", ftText}, {"vote", ftList}, {"points", ftList}, {"age", ftText},
	{"sex", ftText}, {"voting_method", ftText}, {"district", ftText}, {"neighborhood", ftText}, {"education", ftText},
	{"topic_preference_transport", ftInt}, {"topic_preference_culture", ftInt}, {"topic_preference_nature", ftInt},
	{"district_preference", ftText}, {"time_taken_seconds", ftInt}, {"format_easiness", ftText},
	{"format_expressiveness", ftText}, {"format_rank", ftText}}

// requiredMeta are the META keys every file must have.
var requiredMeta = []string{"description", "country", "unit", "instance", "num_projects", "num_votes", "budget",
	"vote_type", "rule", "date_begin", "date_end"}

// checkerVoteTypes are the vote types the checker knows.
var checkerVoteTypes = []string{"ordinal", "approval", "cumulative", "choose-1"}

// knownRules are the values of META rule the checker knows.
var knownRules = append(pabulibRuleNames[1:len(pabulibRuleNames):len(pabulibRuleNames)], "unknown")

// schemaIndex returns the position of name in schema, or -1.
func schemaIndex(schema []schemaField, name string) int {
	for i, f := range schema {
		if f.name == name {
			return i
		}
	}
	return -1
}

var (
	pyFloatRe = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)
	dateRe    = regexp.MustCompile(`^([0-9]{4})$|^([0-9]{2})\.([0-9]{2})\.([0-9]{4})$`)
	markerRe  = regexp.MustCompile(`#([0-9]+):`)
)

// typeOK reports whether v reads as a value of type typ, as Python's int
// and float read it.
func typeOK(v string, typ int) bool {
	switch typ {
	case ftInt:
		return isWhole(v)
	case ftFloat:
		return pyFloatRe.MatchString(v)
	}
	return true
}

// isWhole reports whether v is an optional sign and digits.
func isWhole(v string) bool {
	if v != "" && (v[0] == '+' || v[0] == '-') {
		v = v[1:]
	}
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// metaValue returns META key's value and line, and whether it is there.
func (c *checker) metaValue(key string) (string, int, bool) {
	for _, m := range c.meta {
		if m.key == key {
			return m.value, m.line, true
		}
	}
	return "", 0, false
}

// checkMeta checks the META section.
func (c *checker) checkMeta() {
	if !c.headOK && len(c.meta) == 0 {
		return
	}
	voteType, _, _ := c.metaValue("vote_type")
	for _, k := range requiredMeta {
		if _, _, ok := c.metaValue(k); !ok {
			c.add(CategoryMissingMetaFieldValue, 0, "META has no %s", k)
		}
	}
	if _, _, ok := c.metaValue("max_sum_points"); !ok && voteType == "cumulative" {
		c.add(CategoryMissingMetaFieldValue, 0, "META has no max_sum_points for cumulative ballots")
	}
	last := -1
	for _, m := range c.meta {
		i := schemaIndex(metaSchema, m.key)
		if i < 0 {
			c.add(CategoryNotKnownMetaFields, m.line, "META key %q is not in Pabulib's schema", clip(m.key))
			continue
		}
		if i < last {
			c.add(CategoryWrongMetaFieldsOrder, m.line, "META key %s comes after %s", m.key, metaSchema[last].name)
		}
		last = max(last, i)
		c.checkMetaValue(m, metaSchema[i].typ, voteType)
	}
	c.checkMetaRelations(voteType)
}

// checkMetaValue checks one META value against its type and allowed values.
func (c *checker) checkMetaValue(m metaRow, typ int, voteType string) {
	v := m.value
	switch {
	case m.key == "num_votes" && v == "":
		c.add(CategoryMissingNumVotesField, m.line, "num_votes has no value")
		return
	case m.key == "num_votes" && !typeOK(v, ftInt):
		c.add(CategoryInvalidNumVotesField, m.line, "num_votes %q is not a whole number", clip(v))
		return
	case v == "":
		c.add(CategoryInvalidMetaFieldValue, m.line, "META %s has no value", m.key)
		return
	case (m.key == "budget" || m.key == "max_sum_cost") && strings.Contains(v, ","):
		c.add(CategoryCommaInFloat, m.line, "%s %q has a decimal comma", m.key, clip(v))
		return
	case !typeOK(v, typ):
		c.add(CategoryIncorrectMetaFieldDatatype, m.line, "META %s %q is not a %s", m.key, clip(v), typeNames[typ])
		return
	case typ == ftList:
		c.checkList(v, m.line, "META "+m.key)
	}
	bad := ""
	switch m.key {
	case "country":
		if v != "Worldwide" && !strings.Contains(isoCountries, "|"+strings.ToLower(v)+"|") {
			bad = "is not a country"
		}
	case "currency":
		if !strings.Contains(isoCurrencies, "|"+v+"|") || len(v) != 3 {
			bad = "is not an ISO 4217 currency code"
		}
	case "language":
		if !strings.Contains(isoLanguages, "|"+v+"|") || len(v) != 2 {
			bad = "is not an ISO 639-1 language code"
		}
	case "vote_type":
		if !slices.Contains(checkerVoteTypes, v) {
			bad = "is not one of " + strings.Join(checkerVoteTypes, ", ")
		}
	case "date_begin", "date_end":
		if !dateRe.MatchString(v) {
			bad = "is not a date written YYYY or DD.MM.YYYY"
		}
	case "comment":
		if !strings.HasPrefix(v, "#1: ") {
			bad = "does not start with #1: "
		}
		c.checkComment(v, m.line)
	case "fully_funded", "experimental":
		if v != "1" {
			bad = "is not 1"
		}
		if m.key == "fully_funded" && v != "1" {
			c.add(CategoryFullyFundedFlagDifferentThan1, m.line, "fully_funded is %q", clip(v))
		}
	case "rule":
		if !slices.Contains(knownRules, v) {
			c.add(CategoryUnknownRuleValue, m.line, "rule %q is not one Pabulib knows", clip(v))
		}
	}
	if bad != "" {
		c.add(CategoryInvalidMetaFieldValue, m.line, "META %s %q %s", m.key, clip(v), bad)
	}
}

var typeNames = [...]string{ftText: "text", ftInt: "whole number", ftFloat: "number", ftList: "list"}

// checkComment checks the numbering of the comment's #n: markers.
func (c *checker) checkComment(v string, line int) {
	ms := markerRe.FindAllStringSubmatch(v, -1)
	if len(ms) == 0 {
		c.add(CategoryInvalidCommentNumbering, line, "the comment has no #n: marker")
		return
	}
	for i, m := range ms {
		if m[1] != strconv.Itoa(i+1) {
			c.add(CategoryNonSequentialCommentNumbering, line, "comment marker #%s: where #%d: was due", m[1], i+1)
			return
		}
	}
}

// checkList reports spaces around the commas of a list.
func (c *checker) checkList(v string, line int, what string) {
	if strings.Contains(v, ", ") || strings.Contains(v, " ,") {
		c.add(CategoryWhitespaceAroundListSeparator, line, "%s %q has spaces around a comma", what, clip(v))
	}
}

// metaInt returns META key as a whole number.
func (c *checker) metaInt(key string) (int64, bool) {
	v, _, ok := c.metaValue(key)
	if !ok || !typeOK(v, ftInt) {
		return 0, false
	}
	n, err := strconv.ParseInt(v, 10, 64)
	return n, err == nil
}

// metaDate reads a date as year, month, day (0 for YYYY).
func metaDate(v string) (int, bool) {
	m := dateRe.FindStringSubmatch(v)
	if m == nil {
		return 0, false
	}
	if m[1] != "" {
		y, _ := strconv.Atoi(m[1])
		return y * 10000, true
	}
	d, _ := strconv.Atoi(m[2])
	mo, _ := strconv.Atoi(m[3])
	y, _ := strconv.Atoi(m[4])
	return y*10000 + mo*100 + d, true
}

// checkMetaRelations checks META values against each other.
func (c *checker) checkMetaRelations(voteType string) {
	b, _, _ := c.metaValue("date_begin")
	e, line, _ := c.metaValue("date_end")
	if db, ok := metaDate(b); ok {
		if de, ok := metaDate(e); ok && db > de {
			c.add(CategoryDateRangeMissmatch, line, "date_begin %s is after date_end %s", b, e)
		}
	}
	minL, hasMin := c.metaInt("min_length")
	maxL, hasMax := c.metaInt("max_length")
	_, mline, _ := c.metaValue("max_length")
	if voteType == "choose-1" && (hasMin && minL != 1 || hasMax && maxL != 1) {
		c.add(CategoryInvalidChoose1MetaConstraint, mline, "choose-1 ballots with min_length or max_length other than 1")
	}
	if voteType != "choose-1" && hasMax && maxL == 1 {
		c.add(CategoryChoose1VoteTypeSuggested, mline, "max_length is 1 with %s ballots: they are choose-1 ballots", voteType)
	}
	if n, ok := c.metaInt("num_projects"); ok && hasMax && maxL > n {
		c.add(CategoryInvalidMetaFieldValue, mline, "max_length %d is over num_projects %d", maxL, n)
	}
	if voteType == "approval" || voteType == "choose-1" {
		for _, k := range [...]string{"min_points", "max_points", "min_sum_points", "max_sum_points"} {
			if _, line, ok := c.metaValue(k); ok {
				c.add(CategoryIncompatibleMetaFieldForVoteType, line, "%s with %s ballots, which carry no points", k, voteType)
			}
		}
	}
	if n, ok := c.metaInt("num_projects"); ok && c.headOK && n != int64(len(c.prows)) {
		_, line, _ := c.metaValue("num_projects")
		c.add(CategoryDifferentNumberOfProjects, line, "num_projects is %d, PROJECTS has %d rows", n, len(c.prows))
	}
	if n, ok := c.metaInt("num_votes"); ok && c.e != nil && n != int64(c.e.prof.Len()) {
		_, line, _ := c.metaValue("num_votes")
		c.add(CategoryDifferentNumberOfVotes, line, "num_votes is %d, VOTES has %d rows", n, c.e.prof.Len())
	}
}

// budgetUnits returns ⌊budget⌋, and whether META has a budget that reads.
func (c *checker) budgetUnits() (decimal.Decimal, bool) {
	v, _, ok := c.metaValue("budget")
	d, ok2 := parseDecimal(v)
	if !ok || !ok2 {
		return decimal.Zero, false
	}
	return d.Floor(), true
}

// col returns the position of PROJECTS column name, or -1.
func (c *checker) col(name string) int { return slices.Index(c.pcols, name) }

// cell returns row's value of column name, and whether the column exists.
func (c *checker) cell(r projRow, name string) (string, bool) {
	if i := c.col(name); i >= 0 {
		return r.cells[i], true
	}
	return "", false
}

// costUnits returns ⌊cost⌋ of a row, reading a decimal comma as the checker
// does (what comes before it).
func costUnits(v string) (decimal.Decimal, bool) {
	if i := strings.IndexByte(v, ','); i >= 0 {
		v = v[:i]
	}
	d, ok := parseDecimal(v)
	if !ok {
		return decimal.Zero, false
	}
	return d.Floor(), true
}
