package main

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/internal/riverside"
	"github.com/civitas-go/civitas/metrics"
	"github.com/google/uuid"
)

// consultationFunnel counts the engagement funnel of a process from its
// records: the outreach's exposures (the campaigns' reach summed, an upper
// bound of the people reached, since a person two campaigns reached counts
// twice), people who took part, people who contributed, and people whose
// input the decision cites.
func consultationFunnel(p *engagement.Process) ([]metrics.FunnelStep, error) {
	reached, err := p.Exposures()
	if err != nil {
		return nil, err
	}
	shapers := map[uuid.UUID]bool{}
	for c := range p.DecisionInputs() {
		shapers[c.Participant().ID] = true
	}
	return metrics.ConversionFunnel(
		metrics.FunnelStage{Name: "outreach exposures", Count: reached},
		metrics.FunnelStage{Name: "took part", Count: int64(p.ParticipantCount())},
		metrics.FunnelStage{Name: "contributed", Count: int64(p.ContributorCount())},
		metrics.FunnelStage{Name: "shaped the decision", Count: int64(len(shapers))},
	)
}

// funnelTable is the funnel as a table: each stage with its two rates,
// each with its denominator.
func funnelTable(steps []metrics.FunnelStep) riverside.Table {
	t := riverside.Table{Caption: "The engagement funnel", Head: []string{"Stage", "Count", "Of the stage before", "Of the exposures"},
		Figures: []bool{false, true, true, true}}
	for i, s := range steps {
		before, first := "", ""
		if i > 0 {
			before, first = riverside.Share(s.FromPrevious), riverside.Share(s.FromFirst)
		}
		t.Rows = append(t.Rows, []string{riverside.Sentence(s.Name), fmt.Sprint(s.Count), before, first})
	}
	return t
}

// svgFont is the font of every picture of the tour, the one the library's
// pictures use.
const svgFont = "DejaVu Sans, Verdana, Arial, sans-serif"

// writeFunnelSVG draws the funnel as horizontal bars on a logarithmic
// scale, a power of ten per grid line, so that a stage of 7 people shows
// beside one of 6200; each bar is labelled with its count and its rate over
// the stage before, and its tooltip says both rates with their
// denominators.
func writeFunnelSVG(w io.Writer, steps []metrics.FunnelStep) error {
	const (
		width, left, barMax, rowH, top = 720, 200, 380, 56, 70
	)
	height := top + rowH*len(steps) + 56
	decades := 1
	for p := int64(10); p < steps[0].Count; p *= 10 {
		decades++
	}
	x := func(n int64) float64 {
		if n <= 1 {
			return 0
		}
		return barMax * math.Log10(float64(n)) / float64(decades)
	}
	var b strings.Builder
	text := func(x, y float64, attrs, s string) {
		fmt.Fprintf(&b, `<text x="%s" y="%s"%s>`, px(x), px(y), attrs)
		_ = xml.EscapeText(&b, []byte(s))
		b.WriteString("</text>\n")
	}
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="%s" font-size="14">`+"\n",
		width, height, width, height, svgFont)
	b.WriteString("<title>Engagement funnel</title>\n")
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	text(20, 32, ` font-size="18" font-weight="bold"`, "Engagement funnel")
	text(20, 52, ` font-size="13" fill="#444444"`, "Exposures, then people, at each stage, on a scale of powers of ten")
	bottom := float64(top + rowH*len(steps))
	for d, p := 0, int64(1); d <= decades; d, p = d+1, p*10 {
		gx := float64(left) + x(p)
		fmt.Fprintf(&b, `<line x1="%s" y1="%d" x2="%s" y2="%s" stroke="#d0d0d0"/>`+"\n", px(gx), top-6, px(gx), px(bottom))
		text(gx, bottom+18, ` font-size="12" text-anchor="middle" fill="#444444"`, strconv.FormatInt(p, 10))
	}
	for i, s := range steps {
		y := float64(top + i*rowH)
		bar := max(3, x(s.Count))
		tip := fmt.Sprintf("%s: %d", riverside.Sentence(s.Name), s.Count)
		label := strconv.FormatInt(s.Count, 10)
		if i > 0 {
			tip += fmt.Sprintf("; %s of the stage before, %s of the exposures", riverside.Share(s.FromPrevious), riverside.Share(s.FromFirst))
			label += " · " + s.FromPrevious.PercentText() + " of the stage before"
		}
		b.WriteString("<g><title>")
		_ = xml.EscapeText(&b, []byte(tip))
		b.WriteString("</title>\n")
		text(left-12, y+24, ` text-anchor="end"`, riverside.Sentence(s.Name))
		fmt.Fprintf(&b, `<rect x="%d" y="%s" width="%s" height="32" fill="#0072B2"/>`+"\n", left, px(y+4), px(bar))
		text(float64(left)+bar+8, y+25, "", label)
		b.WriteString("</g>\n")
	}
	text(20, float64(height-12), ` font-size="12" fill="#444444"`, "Each grid line is ten times the one before, so that small stages stay visible: compare the numbers, not the lengths.")
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// px prints a coordinate with one decimal, without "-0".
func px(x float64) string {
	x = math.Round(x*10) / 10
	if x == 0 {
		x = 0
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}
