package riverside

import (
	"fmt"
	"time"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/shopspring/decimal"
)

// Share writes a ratio as a person reads it: "4 of 5 (80.00 %)".
func Share(r metrics.Ratio) string {
	return fmt.Sprintf("%d of %d (%s)", r.Numerator(), r.Denominator(), r.PercentText())
}

// StakeholderDoc tells what a map says about its stakeholders, as tables:
// the power/interest grid with what each quadrant calls for (Mendelow), the
// salience classes (Mitchell, Agle & Wood), the brokers by betweenness
// centrality, the coalitions, and the attitude gaps in priority order.
func StakeholderDoc(m *stakeholder.Map, grid stakeholder.Grid) Doc {
	var d Doc
	counts := m.QuadrantCounts(grid)
	quad := Table{Caption: fmt.Sprintf("Power/interest grid (Mendelow): power and interest scored 1 to 5, %d or more is high", grid.PowerCut()),
		Head: []string{"Quadrant", "What it calls for", "Stakeholders", "Who"}, Figures: []bool{false, false, true, false}}
	for _, q := range stakeholder.Quadrants() {
		quad.Rows = append(quad.Rows, []string{q.Label(), strategy(q), fmt.Sprint(counts[q]), names(collect(m, stakeholder.InQuadrant(grid, q)))})
	}
	d.Add(quad)

	classes := m.SalienceCounts()
	sal := Table{Caption: "Salience (Mitchell, Agle & Wood): which of power, legitimacy and urgency each stakeholder has",
		Head: []string{"Class", "Has", "Stakeholders", "Who"}, Figures: []bool{false, false, true, false}}
	for _, c := range stakeholder.SalienceClasses() {
		if classes[c] > 0 {
			sal.Rows = append(sal.Rows, []string{Sentence(c.Text()), attributes(c), fmt.Sprint(classes[c]), names(collect(m, stakeholder.InClass(c)))})
		}
	}
	d.Add(sal)

	brokers := Table{Caption: "Brokers: the stakeholders that most often lie on the shortest path between two others (betweenness centrality)",
		Head: []string{"Stakeholder", "Betweenness"}, Figures: []bool{false, true}}
	for _, b := range m.Brokers(3) {
		brokers.Rows = append(brokers.Rows, []string{b.Stakeholder.Name(), b.Betweenness.StringFixed(2)})
	}
	d.Add(brokers)

	coalitions := Table{Caption: "Coalitions: groups joined by cooperative ties (member of, partner of, funds, represents)",
		Head: []string{"Coalition", "Members"}}
	for i, c := range m.Coalitions() {
		coalitions.Rows = append(coalitions.Rows, []string{fmt.Sprint(i + 1), names(c)})
	}
	d.Add(coalitions)

	gaps := Table{Caption: "Attitude gaps, most urgent first: where each stakeholder stands and where the project needs it",
		Head: []string{"Stakeholder", "Attitude now", "Attitude needed", "Steps to go", "Quadrant"}, Figures: []bool{false, false, false, true, false}}
	for _, s := range m.Prioritised(grid) {
		if gap := s.AttitudeGap(); gap != 0 {
			a := s.Assessment()
			gaps.Rows = append(gaps.Rows, []string{s.Name(), a.Attitude.Text(), a.Desired.Text(), fmt.Sprintf("%+d", gap), grid.Quadrant(s).Label()})
		}
	}
	d.Add(gaps)
	return d
}

// strategy is what a quadrant calls for, without its name in front.
func strategy(q stakeholder.Quadrant) string {
	s := q.Strategy()
	if i := len(q.Label()) + 2; len(s) > i && s[:i] == q.Label()+": " {
		s = Sentence(s[i:])
	}
	return s
}

// attributes names the salience attributes of a class: "power and
// urgency", or "none".
func attributes(c stakeholder.SalienceClass) string {
	var has []string
	if c.Power() {
		has = append(has, "power")
	}
	if c.Legitimacy() {
		has = append(has, "legitimacy")
	}
	if c.Urgency() {
		has = append(has, "urgency")
	}
	if len(has) == 0 {
		return "none"
	}
	return And(has)
}

// relationshipFigures are the council's relationship figures for the first
// half of 2025: the strength of its relationships at the end of March and at
// the end of June, how it answered inquiries, and the follow-ups overdue at
// the end of June.
type relationshipFigures struct {
	q1, q2         time.Time
	before, after  decimal.Decimal
	growth         decimal.Decimal // percent
	resp           stakeholder.Responsiveness
	overdue        []stakeholder.Interaction
	overdueParties []string // the stakeholder of each overdue follow-up
}

func relationships2025(m *stakeholder.Map) (relationshipFigures, error) {
	f := relationshipFigures{q1: day(time.March, 31), q2: day(time.June, 30)}
	growth, err := m.TotalGrowth(f.q1, f.q2, stakeholder.DefaultHalfLife)
	if err != nil {
		return f, err
	}
	if f.growth, err = growth.RelativePercent(); err != nil {
		return f, err
	}
	f.before, f.after = growth.Before(), growth.After()
	if f.resp, err = m.Responsiveness(day(time.January, 1), day(time.July, 1)); err != nil {
		return f, err
	}
	f.overdue = m.Overdue(f.q2)
	for _, x := range f.overdue {
		s, ok := m.Get(x.Stakeholder)
		if !ok {
			return f, fmt.Errorf("overdue follow-up %s names no stakeholder of the map", x.ID)
		}
		f.overdueParties = append(f.overdueParties, s.Name())
	}
	return f, nil
}

// medianAnswer is the median time to answer an inquiry, in days.
func (f relationshipFigures) medianAnswer() string {
	if median, ok := f.resp.Median(); ok {
		return Days(median)
	}
	return "none answered"
}

// RelationshipDoc tells the council's relationship figures for the first
// half of 2025: growth in relationship strength from the end of March to
// the end of June, how inquiries were answered, and overdue follow-ups.
func RelationshipDoc(m *stakeholder.Map) (Doc, error) {
	f, err := relationships2025(m)
	if err != nil {
		return Doc{}, err
	}
	var d Doc
	d.Say("The council's relationships grew stronger: their total strength (each contact counting less as it ages, "+
		"by half every 90 days) went from %s on %s to %s on %s, %s %%.",
		f.before.StringFixed(2), Day(f.q1), f.after.StringFixed(2), Day(f.q2), signed(f.growth.StringFixed(2)))
	d.Say("Inquiries from January to June: %s answered, %s within 7 days; the median answer took %s.",
		Share(f.resp.Answered), Share(f.resp.Within(7*24*time.Hour)), f.medianAnswer())
	items := make([]string, len(f.overdue))
	for i, x := range f.overdue {
		items[i] = fmt.Sprintf("%s: “%s”, due %s", f.overdueParties[i], x.Topic, Day(x.FollowUpDue))
	}
	d.List(fmt.Sprintf("Follow-ups still overdue on %s:", Day(f.q2)), items...)
	return d, nil
}
