package budgeting

import (
	"regexp"
	"sort"
	"strings"
)

var ageBucketRe = regexp.MustCompile(`^([0-9]+)-([0-9]+)$`)

// checkVotes checks the VOTES section of the election read.
func (c *checker) checkVotes() {
	e := c.e
	for _, w := range e.warnings {
		switch w.kind {
		case "padded cell in VOTES":
			c.add(CategoryFileStructureError, w.Line, "a cell has spaces around it")
			c.findings[len(c.findings)-1].Count = w.Count
		case "padded vote in VOTES":
			c.add(CategoryWhitespaceAroundVoteSeparator, w.Line, "a vote has spaces around a comma")
			c.findings[len(c.findings)-1].Count = w.Count
		case "blank line in VOTES":
			c.add(CategoryEmptyLinesRemoved, w.Line, "a blank line")
			c.findings[len(c.findings)-1].Count = w.Count
		case "extra cells in VOTES":
			c.add(CategoryFileStructureWarning, w.Line, "%v", w.Err)
			c.findings[len(c.findings)-1].Count = w.Count
		}
	}
	c.checkBallots()
	c.checkAttributes()
	c.checkTallies()
}

// checkVoteColumns checks the VOTES header against the schema and the vote
// type.
func (c *checker) checkVoteColumns() {
	if c.vcols == nil {
		return
	}
	c.checkOrder("VOTES", c.vcols, c.vline, voteSchema, CategoryNotKnownVotesFields, CategoryWrongVotesFieldsOrder)
	for _, name := range [...]string{"voter_id", "vote"} {
		if !containsString(c.vcols, name) {
			c.add(CategoryMissingVotesFieldValue, c.vline, "VOTES has no %s column", name)
		}
	}
	vt, _, _ := c.metaValue("vote_type")
	points := vt == "cumulative" || vt == "scoring"
	hasPointsCol := containsString(c.vcols, "points")
	switch {
	case points && !hasPointsCol:
		c.add(CategoryMissingPointsForVoteType, c.vline, "%s ballots without a points column", vt)
	case !points && hasPointsCol:
		c.add(CategoryUnexpectedPointsForVoteType, c.vline, "%s ballots with a points column", vt)
	}
}

// voterLine returns the line of voter i, 0 when unknown.
func (c *checker) voterLine(i int, starts *[]int) int {
	pr := c.e.prof
	r := pr.ids[i]
	if r&refExtra != 0 {
		return 0
	}
	if *starts == nil {
		sep := byte('\n')
		if strings.IndexByte(pr.text, '\n') < 0 {
			sep = '\r'
		}
		s := []int{0}
		for k := 0; k < len(pr.text); {
			j := strings.IndexByte(pr.text[k:], sep)
			if j < 0 {
				break
			}
			k += j + 1
			s = append(s, k)
		}
		*starts = s
	}
	off := int(r >> refLenBits)
	return sort.SearchInts(*starts, off+1)
}

// checkBallots checks each ballot's length, points and cost against META.
func (c *checker) checkBallots() {
	e := c.e
	in, pr := e.inst, e.prof
	var starts []int
	line := func(i int) int { return c.voterLine(i, &starts) }
	minL, hasMin := c.metaInt("min_length")
	maxL, hasMax := c.metaInt("max_length")
	minP, hasMinP := c.metaInt("min_points")
	maxP, hasMaxP := c.metaInt("max_points")
	minS, hasMinS := c.metaInt("min_sum_points")
	maxS, hasMaxS := c.metaInt("max_sum_points")
	minC, hasMinC := c.metaFloatUnits("min_sum_cost")
	maxC, hasMaxC := c.metaFloatUnits("max_sum_cost")
	approval := in.voteType == VoteTypeApproval
	var cost []int64
	if approval && (hasMinC || hasMaxC) {
		cost = make([]int64, len(in.projects))
		for p, x := range in.projects {
			cost[p] = x.Cost.Floor().IntPart()
		}
	}
	unit := pow10(pr.places)
	raw := 0
	longest, total := int64(0), int64(0)
	for i := 0; i < pr.Len(); i++ {
		lo, hi := pr.offsets[i], pr.offsets[i+1]
		n := int64(hi - lo)
		if raw < len(e.repeats) && int(e.repeats[raw].voter) == i {
			n = int64(strings.Count(e.repeats[raw].vote, ",") + 1)
			if c.cfg.duplicates {
				c.add(CategoryVoteWithDuplicatedProjects, line(i), "voter %q names a project more than once", pr.str(pr.ids[i]))
			}
			raw++
		}
		longest, total = max(longest, n), total+n
		if hasMin && n < minL {
			c.add(CategoryVoteLengthTooShort, line(i), "voter %q lists %d projects, min_length is %d", pr.str(pr.ids[i]), n, minL)
		}
		if hasMax && n > maxL {
			c.add(CategoryVoteLengthExceeded, line(i), "voter %q lists %d projects, max_length is %d", pr.str(pr.ids[i]), n, maxL)
		}
		if in.voteType == VoteTypeChooseOne && n != 1 {
			c.add(CategoryInvalidChoose1VoteLength, line(i), "voter %q lists %d projects on a choose-1 ballot", pr.str(pr.ids[i]), n)
		}
		if cost != nil {
			var sum int64
			for _, p := range pr.items[lo:hi] {
				sum += cost[p]
			}
			if hasMinC && sum < minC {
				c.add(CategoryApprovalVoteCostBelowMinimum, line(i), "voter %q approves projects costing %d, min_sum_cost is %d", pr.str(pr.ids[i]), sum, minC)
			}
			if hasMaxC && sum > maxC {
				c.add(CategoryApprovalVoteCostAboveMaximum, line(i), "voter %q approves projects costing %d, max_sum_cost is %d", pr.str(pr.ids[i]), sum, maxC)
			}
		}
		if pr.points == nil {
			continue
		}
		var sum int64
		sorted := true
		for k := lo; k < hi; k++ {
			v := pr.points[k]
			sum += v
			if v%unit != 0 {
				c.add(CategoryInvalidPointsValue, line(i), "voter %q gives %s points, not a whole number", pr.str(pr.ids[i]), unscaled(v, pr.places))
			}
			if hasMinP && v < minP*unit {
				c.add(CategoryPointsBelowMinimum, line(i), "voter %q gives %s points, min_points is %d", pr.str(pr.ids[i]), unscaled(v, pr.places), minP)
			}
			if hasMaxP && v > maxP*unit {
				c.add(CategoryPointsAboveMaximum, line(i), "voter %q gives %s points, max_points is %d", pr.str(pr.ids[i]), unscaled(v, pr.places), maxP)
			}
			if k > lo && v > pr.points[k-1] {
				sorted = false
			}
		}
		if !sorted {
			c.add(CategoryVoteOrderNotSortedByPoints, line(i), "voter %q does not list the projects most points first", pr.str(pr.ids[i]))
		}
		if hasMinS && sum < minS*unit {
			c.add(CategoryPointsSumBelowMinimum, line(i), "voter %q gives %s points in all, min_sum_points is %d", pr.str(pr.ids[i]), unscaled(sum, pr.places), minS)
		}
		if hasMaxS && sum > maxS*unit {
			c.add(CategoryPointsSumAboveMaximum, line(i), "voter %q gives %s points in all, max_sum_points is %d", pr.str(pr.ids[i]), unscaled(sum, pr.places), maxS)
		}
	}
	if hasMax && pr.Len() > 0 && longest < maxL {
		c.add(CategoryNoMaxLengthUsed, c.vline, "no ballot lists max_length %d projects (the longest lists %d)", maxL, longest)
	}
	if approval && pr.Len() > 0 && total == int64(pr.Len()) && len(in.projects) > 1 {
		c.add(CategoryAverageVoteLengthEqualsOne, c.vline, "approval ballots list one project each on average: they are choose-1 ballots")
	}
}

// metaFloatUnits returns META key rounded down to whole units.
func (c *checker) metaFloatUnits(key string) (int64, bool) {
	v, _, ok := c.metaValue(key)
	d, ok2 := parseDecimal(strings.Replace(v, ",", ".", 1))
	if !ok || !ok2 {
		return 0, false
	}
	return d.Floor().IntPart(), true
}

// checkAttributes checks the voters' age, sex, voting method and the whole
// numbers the schema asks for. The common values are checked inline; the
// others (age buckets, numbers) keep the verdict of a value equal to the one
// before, since voters' values repeat.
func (c *checker) checkAttributes() {
	pr := c.e.prof
	var starts []int
	k := len(pr.attrCols)
	for j, col := range pr.attrCols {
		i := schemaIndex(voteSchema, col)
		if i < 0 {
			continue
		}
		typ := voteSchema[i].typ
		age, sex, method := col == "age", col == "sex", col == "voting_method"
		if !age && !sex && !method && typ != ftInt && typ != ftFloat {
			continue // any text will do
		}
		verdict := func(x string) (bad, wrongType bool) {
			switch {
			case age:
				if m := ageBucketRe.FindStringSubmatch(x); m != nil {
					bad = len(m[1]) > len(m[2]) || len(m[1]) == len(m[2]) && m[1] > m[2]
				} else {
					bad = true
				}
			default:
				wrongType = !typeOK(x, typ)
			}
			return bad, wrongType
		}
		var last string
		var lastBad, lastWrong bool
		for v := 0; v < pr.Len(); v++ {
			x := pr.str(pr.attrs[v*k+j])
			var bad, wrongType bool
			switch {
			case x == "":
			case sex:
				bad = x != "M" && x != "F" && x != "O"
			case method:
				bad = x != "internet" && x != "paper"
			case age && isWhole(x):
			default:
				if x != last || last == "" {
					last = x
					lastBad, lastWrong = verdict(x)
				}
				bad, wrongType = lastBad, lastWrong
			}
			if wrongType {
				c.add(CategoryIncorrectVotesFieldDatatype, c.voterLine(v, &starts), "voter %q: %s %q is not a %s", pr.str(pr.ids[v]), col, clip(x), typeNames[typ])
			}
			if bad {
				c.add(CategoryInvalidVotesFieldValue, c.voterLine(v, &starts), "voter %q: %s %q is not a value Pabulib knows", pr.str(pr.ids[v]), col, clip(x))
			}
		}
	}
}

// checkTallies compares the votes and score columns with the ballots.
func (c *checker) checkTallies() {
	e := c.e
	for _, col := range [...]string{"votes", "score"} {
		if c.col(col) < 0 {
			continue
		}
		counted := recount(e, col == "score")
		for _, r := range c.prows {
			p, ok := e.inst.index[r.cells[0]]
			if !ok {
				continue
			}
			v, _ := c.cell(r, col)
			pub, ok := parseTally(v)
			if !ok {
				continue
			}
			if col == "votes" && pub == 0 {
				c.add(CategoryProjectWithNoVotes, r.line, "project %q has no votes: perhaps it was not put to the vote", r.cells[0])
			}
			if pub != counted[p] {
				cat := CategoryDifferentValuesInVotes
				if col == "score" {
					cat = CategoryDifferentValuesInScores
				}
				c.add(cat, r.line, "project %q: the file says %s %d, the ballots give %d", r.cells[0], col, pub, counted[p])
			}
		}
	}
}
