package riverside

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/civitas-go/civitas/stakeholder"
	"github.com/shopspring/decimal"
)

// WriteStakeholderTables writes what a map says about its stakeholders: the
// power/interest grid with the strategy per quadrant (Mendelow), the salience
// classes (Mitchell, Agle & Wood), the brokers by betweenness centrality,
// the coalitions, and the attitude gaps in priority order.
func WriteStakeholderTables(w io.Writer, m *stakeholder.Map, grid stakeholder.Grid) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Power/interest grid (Mendelow), cut at %d\n", grid.PowerCut())
	counts := m.QuadrantCounts(grid)
	for _, q := range stakeholder.Quadrants() {
		fmt.Fprintf(tw, "  %s\t%d\t%s\n", q.Label(), counts[q], names(collect(m, stakeholder.InQuadrant(grid, q))))
	}
	fmt.Fprintln(tw, "\nSalience (Mitchell, Agle & Wood)")
	classes := m.SalienceCounts()
	for _, c := range stakeholder.SalienceClasses() {
		if classes[c] > 0 {
			fmt.Fprintf(tw, "  %s\t%d\t%s\n", c, classes[c], names(collect(m, stakeholder.InClass(c))))
		}
	}
	fmt.Fprintln(tw, "\nBrokers (betweenness centrality)")
	for _, b := range m.Brokers(3) {
		fmt.Fprintf(tw, "  %s\t%s\n", b.Stakeholder.Name(), b.Betweenness.StringFixed(2))
	}
	fmt.Fprintln(tw, "\nCoalitions (cooperative ties)")
	for i, c := range m.Coalitions() {
		fmt.Fprintf(tw, "  %d\t%s\n", i+1, names(c))
	}
	fmt.Fprintln(tw, "\nAttitude gaps, by priority")
	for _, s := range m.Prioritised(grid) {
		if gap := s.AttitudeGap(); gap != 0 {
			a := s.Assessment()
			fmt.Fprintf(tw, "  %s\t%s → %s\t%+d\t%s\n", s.Name(), a.Attitude, a.Desired, gap, grid.Quadrant(s).Label())
		}
	}
	return tw.Flush()
}

// WriteRelationshipFigures writes the council's relationship figures for the
// first half of 2025: growth in relationship strength from the end of March
// to the end of June, how inquiries were answered, and overdue follow-ups.
func WriteRelationshipFigures(w io.Writer, m *stakeholder.Map) error {
	f, err := relationships2025(m)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Relationship strength (half-life 90 days): %s at 31 March → %s at 30 June (%s %%)\n",
		f.before.StringFixed(2), f.after.StringFixed(2), signed(f.growth.StringFixed(2)))
	fmt.Fprintf(w, "Inquiries answered: %d of %d (%s), %s within 7 days, median time to answer %s\n",
		f.resp.Answered.Numerator(), f.resp.Answered.Denominator(), f.resp.Answered.PercentText(),
		f.resp.Within(7*24*time.Hour).PercentText(), f.medianAnswer())
	fmt.Fprintln(w, "Overdue follow-ups on 30 June:")
	for i, x := range f.overdue {
		fmt.Fprintf(w, "  %s: %q, due %s\n", f.overdueParties[i], x.Topic, x.FollowUpDue.Format("2 January"))
	}
	return nil
}

// Days writes a duration in days, such as "3 days" or "1.5 days" (rounded
// half away from zero to a tenth of a day).
func Days(d time.Duration) string {
	whole, rest := d/(24*time.Hour), d%(24*time.Hour)
	unit := "days"
	if d == 24*time.Hour {
		unit = "day"
	}
	if rest == 0 {
		return fmt.Sprintf("%d %s", whole, unit)
	}
	return decimal.NewFromInt(int64(d)).DivRound(decimal.NewFromInt(int64(24*time.Hour)), 1).StringFixed(1) + " " + unit
}

// signed puts a plus before a figure that has no minus.
func signed(figure string) string {
	if strings.HasPrefix(figure, "-") {
		return figure
	}
	return "+" + figure
}

func names(list []*stakeholder.Stakeholder) string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = s.Name()
	}
	return strings.Join(out, ", ")
}

func collect(m *stakeholder.Map, filters ...stakeholder.Filter) []*stakeholder.Stakeholder {
	var out []*stakeholder.Stakeholder
	for s := range m.Select(filters...) {
		out = append(out, s)
	}
	return out
}
