package main

import (
	"fmt"
	"html"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/civitas-go/civitas/engagement"
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

// writeFunnelTable writes each stage with its two conversion rates.
func writeFunnelTable(w io.Writer, steps []metrics.FunnelStep) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "stage\tpeople\tof the stage before\tof those reached\t")
	for _, s := range steps {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t\n", s.Name, s.Count, s.FromPrevious.PercentText(), s.FromFirst.PercentText())
	}
	return tw.Flush()
}

// writeFunnelSVG draws the funnel as horizontal bars on a linear scale: the
// honest picture, in which the stages after outreach are thin. Each bar is
// labelled with its count and its rate over the stage before.
func writeFunnelSVG(w io.Writer, steps []metrics.FunnelStep) error {
	const (
		width, left, barMax, rowH, top = 760, 190, 440, 46, 56
	)
	height := top + rowH*len(steps) + 30
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="13">`+"\n",
		width, height, width, height)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	b.WriteString(`<text x="20" y="30" font-size="17" font-weight="bold">Engagement funnel</text>` + "\n")
	first := steps[0].Count
	for i, s := range steps {
		y := top + i*rowH
		bar := 2
		if first > 0 {
			bar = max(2, int(s.Count*barMax/first))
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", left-10, y+20, html.EscapeString(s.Name))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="28" fill="#3b7dd8"/>`+"\n", left, y+2, bar)
		label := fmt.Sprintf("%d", s.Count)
		if i > 0 {
			label += " (" + s.FromPrevious.PercentText() + " of the stage before)"
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d">%s</text>`+"\n", left+bar+8, y+20, html.EscapeString(label))
	}
	fmt.Fprintf(&b, `<text x="20" y="%d" fill="#555" font-size="11">Bars on one linear scale: the width is the number of people.</text>`+"\n", height-12)
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
