package riverside

import (
	"fmt"
	"slices"
	"time"

	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/metrics"
	"github.com/shopspring/decimal"
)

// Reading is a scorecard's figure written for people: its name, its value
// (percentages with two decimals, numbers with at most two, durations in
// days), what the value is out of, its target with what the target means,
// and the verdict.
type Reading struct {
	Figure, Value, Basis, Target, Verdict string
}

// FigureOf returns the figure an evaluation of a civitas scorecard
// measures, found by its name.
func FigureOf(e metrics.Evaluation) (scorecard.Figure, bool) {
	for _, f := range scorecard.Figures() {
		if f.Label() == e.Indicator().Name() {
			return f, true
		}
	}
	return 0, false
}

// Find returns the evaluation of figure f on sc.
func Find(sc metrics.Scorecard, f scorecard.Figure) (metrics.Evaluation, bool) {
	for _, e := range sc.All() {
		if e.Indicator().Name() == f.Label() {
			return e, true
		}
	}
	return metrics.Evaluation{}, false
}

// Read writes an evaluation for people.
func Read(e metrics.Evaluation) Reading {
	f, _ := FigureOf(e)
	ind := e.Indicator()
	r := Reading{Figure: ind.Name(), Value: e.ValueText(), Basis: e.Basis(), Target: targetText(ind, f), Verdict: e.Verdict().Text()}
	m := e.Measurement()
	switch {
	case !m.Defined():
		r.Value, r.Basis = "not measured", ""
	case ind.Unit() == metrics.UnitNumber:
		r.Value, r.Basis = numberText(m, f)
	case f == scorecard.FigureRelationshipGrowth:
		r.Value = signed(r.Value)
	}
	if d, ok := m.Duration(); ok {
		r.Value = Days(d)
	}
	return r
}

// numberText writes a figure read as a plain number with two decimals, and
// what it is out of in words.
func numberText(m metrics.Measurement, f scorecard.Figure) (value, basis string) {
	var v decimal.Decimal
	var den int64
	if r, ok := m.Ratio(); ok {
		v, _ = r.Round(2)
		den = r.Denominator()
	} else if d, ok := m.Decimal(); ok {
		v = d.Round(2)
	}
	value = v.StringFixed(2)
	switch f {
	case scorecard.FigureCoverageQuality:
		basis = fmt.Sprintf("net tone from −1 to +1, over an audience of %d", den)
	case scorecard.FigureReputationTrend:
		value, basis = signed(value), "change of the mean mood of contacts, on a scale from −2 to +2"
	case scorecard.FigureJustification:
		basis = fmt.Sprintf("mean of %s, on a scale from 0 to 3", plural(den, "rated contribution", "rated contributions"))
	case scorecard.FigureRepresentativeness:
		basis = "the least heard district's rate of taking part over the most heard district's, from 0 to 1"
	}
	return value, basis
}

// targetText writes an indicator's target for people, with why it is what
// it is where that is not plain.
func targetText(ind metrics.Indicator, f scorecard.Figure) string {
	t := ind.Target()
	var parts []string
	if v, ok := t.Min(); ok {
		parts = append(parts, "at least "+amount(v, ind.Unit()))
	}
	if v, ok := t.Max(); ok {
		parts = append(parts, "at most "+amount(v, ind.Unit()))
	}
	s := And(parts)
	switch f {
	case scorecard.FigureImplementationProgress:
		s += ", the schedule: the share of the time from each commitment to its due date that has passed"
	case scorecard.FigureRepresentativeness:
		s += ", the four-fifths rule"
	case scorecard.FigureExposures:
		s += fmt.Sprintf(", half the %d residents it is for", targetPopulation)
	}
	return s
}

// amount writes a threshold in its unit.
func amount(v decimal.Decimal, u metrics.Unit) string {
	switch u {
	case metrics.UnitPercent:
		return v.String() + " %"
	case metrics.UnitNumber:
		return v.StringFixed(2)
	case metrics.UnitDays:
		return Days(time.Duration(v.Mul(decimal.NewFromInt(int64(24 * time.Hour))).IntPart()))
	}
	if s := u.Symbol(); s != "" {
		return v.String() + " " + s
	}
	return v.String()
}

// scorecardDoc tells the process scorecard, each role's, and the
// definitions of every figure shown.
func scorecardDoc(c *Consultation) (Doc, error) {
	var d Doc
	d.Say("On %s. The roles' figures cover %s to %s. Representativeness compares the participants by district with the "+
		"districts' residents aged 16 and over; districts with fewer than 5 participants are merged before the score.",
		Day(reportDate()), Day(quarter().Start), Day(quarter().End.Add(-time.Nanosecond)))
	cards, err := c.Scorecards()
	if err != nil {
		return Doc{}, err
	}
	for _, sc := range cards {
		d.Add(ScorecardTable(sc))
	}
	shown := scorecard.ProcessFigures()
	for _, r := range scorecard.Roles() {
		shown = append(shown, r.Figures()...)
	}
	slices.Sort(shown)
	defs := Table{Caption: "How each figure is counted", Head: []string{"Figure", "Definition"}}
	for _, f := range slices.Compact(shown) {
		defs.Rows = append(defs.Rows, []string{f.Label(), Sentence(f.Definition())})
	}
	d.Add(defs)
	return d, nil
}

// ScorecardTable writes a scorecard as a table for people, its verdicts
// counted in the caption.
func ScorecardTable(sc metrics.Scorecard) Table {
	t := Table{Caption: fmt.Sprintf("%s: %d met, %d not met, %d not measured", sc.Title(),
		sc.Count(metrics.VerdictMet), sc.Count(metrics.VerdictNotMet), sc.Count(metrics.VerdictUndefined)),
		Head: []string{"Figure", "Value", "Out of", "Target", "Verdict"}, Figures: []bool{false, true}}
	for _, e := range sc.All() {
		r := Read(e)
		t.Rows = append(t.Rows, []string{r.Figure, r.Value, r.Basis, r.Target, r.Verdict})
	}
	return t
}
