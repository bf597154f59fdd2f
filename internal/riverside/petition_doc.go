package riverside

import (
	"fmt"
	"strings"
	"time"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
)

// PetitionOutcome is the assessor's judgement of what became of the
// petition: the council accepted it and builds a protected lane on Elm
// Street, but on its own terms (it set the route and the date as part of
// the park's redesign, and builds it itself) with no decision shared with
// the petitioners. It took up part of the petition on its own terms, which
// Arnstein's ladder places at placation.
const PetitionOutcome = participation.OutcomePartlyAdopted

// PetitionDoc tells the petition from its draft to its submission: its
// rules, its committee, the signatures refused and why, its history, its
// progress and its supporters against the neighbourhood's population.
func (c *Consultation) PetitionDoc() (Doc, error) {
	in, log := c.Petition, c.Signing
	rules, ok := in.Rules()
	if !ok {
		return Doc{}, fmt.Errorf("the petition has no support rules")
	}
	var d Doc
	d.Say("“%s”: %s", in.Title(), in.Summary())
	areas := make([]string, len(rules.Areas))
	for i, a := range rules.Areas {
		areas[i] = Sentence(a)
	}
	d.List("The rules its initiators chose:",
		fmt.Sprintf("%d supports, %d of them from %s", rules.Threshold, rules.AreaThresholds[0].Threshold, Sentence(rules.AreaThresholds[0].Area)),
		fmt.Sprintf("signed from %s to %s", Day(rules.Window.Start), Day(rules.Window.End.Add(-time.Nanosecond))),
		fmt.Sprintf("by residents of %s aged %d or over", And(areas), rules.MinAge))
	if h := in.History(); len(h) > 1 {
		d.Say("The rules need a committee of %d to open a petition; with %s it could not open. A third neighbour joined, and it opened on %s.",
			log.Needed, plural(int64(log.Committee), "member", "members"), Day(h[1].At))
	}
	refused := Table{Caption: "Signatures refused, and why", Head: []string{"Signed", "When", "Reason"}}
	for _, r := range log.Refused {
		how, when := "online", DayTime(r.At)
		if r.Row > 0 {
			how, when = fmt.Sprintf("paper sheet, row %d", r.Row), "on the sheet"
		}
		refused.Rows = append(refused.Rows, []string{how, when, Sentence(r.Reason)})
	}
	d.Say("%d people signed online in the window; the paper sheet from the street stall had %s, of which %d were accepted.",
		log.Online, plural(int64(log.Sheet.Rows), "row", "rows"), log.Sheet.Accepted)
	d.Add(refused)

	hist := Table{Caption: "The petition's history", Head: []string{"When", "What happened"}}
	for _, e := range in.History() {
		what := Sentence(e.Kind.Text())
		switch e.Kind {
		case participation.EventMilestone:
			what = fmt.Sprintf("%d %% of the supports needed", e.Percent)
		case participation.EventSubmitted:
			what += " to " + e.To.Name
		}
		hist.Rows = append(hist.Rows, []string{DayTime(e.At), what})
	}
	d.Add(hist)

	prog := Table{Caption: "Supports against the thresholds", Head: []string{"Where", "Supports", "Needed", "Progress"},
		Figures: []bool{false, true, true, true}}
	for _, r := range in.Requirements() {
		name := "All districts"
		if r.Area != "" {
			name = Sentence(r.Area)
		}
		prog.Rows = append(prog.Rows, []string{name, fmt.Sprint(r.Count), fmt.Sprint(r.Threshold), r.Progress().PercentText()})
	}
	d.Add(prog)
	shares := in.ChannelShares()
	met := ""
	if t, ok := in.TimeToThreshold(); ok {
		met = fmt.Sprintf(" The threshold was met %s after the window opened.", days(t))
	}
	d.Say("Of the %d supports, %s were given online and %s on paper.%s", in.Count(),
		Share(shares.Online), Share(shares.Offline), met)

	perDay := Table{Caption: "Supports per day", Head: []string{"Day", "Supports"}, Figures: []bool{false, true}}
	for _, x := range in.SupportsPerDay(time.UTC) {
		perDay.Rows = append(perDay.Rows, []string{x.Day.Format("Monday 2 January"), fmt.Sprint(x.Count)})
	}
	d.Add(perDay)

	policy := metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize5}
	for _, dim := range []stakeholder.Dimension{stakeholder.DimensionArea, stakeholder.DimensionAgeBand} {
		part, err := representativenessDoc(in, dim, metrics.RepresentativenessSpec{Population: population(dim), Policy: policy})
		if err != nil {
			return Doc{}, err
		}
		d.Append(part)
	}
	return d, nil
}

// cellText writes a published count, or "not shown" for a suppressed one.
func cellText(c metrics.Cell) string {
	if n, ok := c.Count(); ok {
		return fmt.Sprint(n)
	}
	return "not shown"
}

// representativenessDoc tells the supporters against the population by one
// dimension as it is published (see printer.representativeness): no figure
// is shown that a suppressed count could be worked out from.
func representativenessDoc(in *participation.Initiative, dim stakeholder.Dimension, spec metrics.RepresentativenessSpec) (Doc, error) {
	rep, err := in.Representativeness(dim, spec)
	if err != nil {
		return Doc{}, err
	}
	return RepresentativenessDoc(rep, "Supporters", dim.Text(), spec.Policy), nil
}

// RepresentativenessDoc tells a published comparison with the population
// aged 16 and over: a table of the people counted (who, such as
// "Supporters") by the groups of one dimension, then the index of
// dissimilarity and the representation score, or why they are withheld.
// No figure is shown that a suppressed count could be worked out from.
func RepresentativenessDoc(rep metrics.Representativeness, who, dimension string, policy metrics.SuppressionPolicy) Doc {
	var d Doc
	t := Table{Caption: fmt.Sprintf("%s by %s against the population aged 16 and over (groups of fewer than %d are not shown)", who, dimension, policy.Threshold()),
		Head: []string{Sentence(dimension), who, "Share of " + strings.ToLower(who), "Share of the population", "Ratio"}, Figures: []bool{false, true, true, true, true}}
	for g := range rep.All() {
		share, ratio := groupFigures(g, "not shown")
		t.Rows = append(t.Rows, []string{Sentence(g.Group()), cellText(g.Participants()), share, g.PopulationShare().PercentText(), ratio})
	}
	t.Rows = append(t.Rows, []string{"Total", fmt.Sprint(rep.Total()), "", "", ""})
	d.Add(t)
	dis, err := rep.Dissimilarity()
	if err != nil {
		d.Say("The index of dissimilarity and the representation score are not published: %s.", withheld(err))
		return d
	}
	score, _ := rep.Score()
	merged := ""
	if len(rep.SuppressedGroups()) > 0 {
		merged = " Both are computed with the groups not shown merged into one."
	}
	d.Say("Index of dissimilarity %s (0 when the %s mirror the population); representation score %s (1 when every group takes part alike).%s",
		dis.Round(2).StringFixed(2), strings.ToLower(who), score.Round(2).StringFixed(2), merged)
	return d
}
