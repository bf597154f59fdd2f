package stakeholder

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// The pictures are plain SVG 1.1 with no scripts, fonts or external
// references, so any browser opens them. They are built from integers and
// from coordinates printed with one decimal, in map order, so the same map
// gives the same bytes every time and a golden file can hold them.

// attitudeColours are the fill colours of the five attitudes: grey for
// unaware, red to green through amber for resistant to supportive, blue for
// leading. The palette stays apart for common colour-vision deficiencies
// because every point also carries its name.
var attitudeColours = [...]string{AttitudeUnaware: "#9e9e9e", AttitudeResistant: "#d62728", AttitudeNeutral: "#f2a900",
	AttitudeSupportive: "#2ca02c", AttitudeLeading: "#1f77b4"}

// quadrantFills are the background tints of the grid's quadrants.
var quadrantFills = [...]string{QuadrantManageClosely: "#fbe3e1", QuadrantKeepSatisfied: "#fdf0d5", QuadrantKeepInformed: "#e2eef9",
	QuadrantMonitor: "#eeeff1"}

// edgeStyle is how the network draws one relationship type.
type edgeStyle struct {
	colour, dash string
}

var edgeStyles = [...]edgeStyle{
	RelationTypeMemberOf:      {"#6b6b6b", ""},
	RelationTypePartnerOf:     {"#2ca02c", ""},
	RelationTypeFunds:         {"#1f77b4", ""},
	RelationTypeInfluences:    {"#9467bd", "7 4"},
	RelationTypeOpposes:       {"#d62728", "3 3"},
	RelationTypeRepresents:    {"#0e8c99", "2 3"},
	RelationTypeCoversAsMedia: {"#e377c2", "10 3 2 3"},
}

// svgWriter accumulates an SVG document.
type svgWriter struct{ bytes.Buffer }

func (w *svgWriter) printf(format string, args ...any) { fmt.Fprintf(&w.Buffer, format, args...) }

// text writes s XML-escaped.
func (w *svgWriter) text(s string) { _ = xml.EscapeText(&w.Buffer, []byte(s)) }

// label writes a <text> element with escaped content.
func (w *svgWriter) label(x, y float64, attrs, s string) {
	w.printf(`<text x="%s" y="%s"%s>`, num(x), num(y), attrs)
	w.text(s)
	w.printf("</text>\n")
}

func (w *svgWriter) open(width, height int, title string) {
	w.printf(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="DejaVu Sans, Verdana, Arial, sans-serif">`+"\n",
		width, height, width, height)
	w.printf(`<title>`)
	w.text(title)
	w.printf("</title>\n")
	w.printf(`<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
}

func (w *svgWriter) close(dst io.Writer) error {
	w.printf("</svg>\n")
	_, err := dst.Write(w.Bytes())
	return err
}

// attitudeLegend draws the attitude colours in one row from (x, y).
func (w *svgWriter) attitudeLegend(x, y float64, heading string) {
	w.label(x, y, ` font-size="12" font-weight="bold"`, heading)
	x += 8 + 7.5*float64(utf8.RuneCountInString(heading))
	for _, a := range Attitudes() {
		w.printf(`<circle cx="%s" cy="%s" r="5" fill="%s" stroke="#333333" stroke-width="0.8"/>`+"\n",
			num(x+5), num(y-4), attitudeColours[a])
		w.label(x+14, y, ` font-size="12"`, attitudes.Text(a))
		x += 105 // wider than the longest name, "supportive", and its gap
	}
}

// num prints a coordinate with one decimal, without "-0.0".
func num(x float64) string {
	x = math.Round(x*10) / 10
	if x == 0 {
		x = 0
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// clip shortens s to at most n runes, ending it with "…" when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// The grid's geometry, in pixels.
const (
	gridLeft    = 90  // room for the power axis
	gridTop     = 56  // room for the title
	gridCellW   = 220 // one interest score
	gridCellH   = 112 // one power score
	gridHeader  = 24  // top of each cell kept for the quadrant label
	gridLine    = 15  // one stakeholder per line
	gridNameLen = 30  // runes of a name that fit a cell
)

// WriteGridSVG draws Mendelow's power/interest grid on g: interest across,
// power up, one column and one row per score, the quadrants shaded and
// labelled with their strategy, the cuts drawn as dashed lines. Each
// stakeholder is a point coloured by its current attitude, with its name,
// listed in map order in the cell of its two scores; a cell too full shows
// "+N more". Hovering a point shows the full name, the quadrant, the
// salience class and both attitudes. The only error is dst's.
func (m *Map) WriteGridSVG(dst io.Writer, g Grid) error {
	const plotW, plotH = 5 * gridCellW, 5 * gridCellH
	width, height := gridLeft+plotW+30, gridTop+plotH+100
	var w svgWriter
	w.open(width, height, "Power/interest grid")
	w.label(gridLeft, 30, ` font-size="18" font-weight="bold"`, "Power/interest grid (Mendelow)")

	x := func(interest Score) float64 { return gridLeft + float64(interest-1)*gridCellW }
	y := func(power Score) float64 { return gridTop + float64(MaxScore-power)*gridCellH }
	pc, ic := g.PowerCut(), g.InterestCut()
	// Quadrants: a rectangle each, from the low score to the high one.
	for _, q := range Quadrants() {
		i0, i1 := MinScore, ic-1
		if q.HighInterest() {
			i0, i1 = ic, MaxScore
		}
		p0, p1 := MinScore, pc-1
		if q.HighPower() {
			p0, p1 = pc, MaxScore
		}
		x0, y0 := x(i0), y(p1)
		w.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n",
			num(x0), num(y0), num(float64(i1-i0+1)*gridCellW), num(float64(p1-p0+1)*gridCellH), quadrantFills[q])
		w.label(x0+8, y0+17, ` font-size="13" font-weight="bold" fill="#333333"`, q.Label())
	}
	// Cell lines, then the cuts over them.
	for s := MinScore; s <= MaxScore+1; s++ {
		w.printf(`<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="#c8c8c8"/>`+"\n", num(x(s)), gridTop, num(x(s)), gridTop+plotH)
		w.printf(`<line x1="%d" y1="%s" x2="%d" y2="%s" stroke="#c8c8c8"/>`+"\n", gridLeft, num(y(s-1)), gridLeft+plotW, num(y(s-1)))
	}
	w.printf(`<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="#333333" stroke-width="2" stroke-dasharray="8 4"/>`+"\n",
		num(x(ic)), gridTop, num(x(ic)), gridTop+plotH)
	w.printf(`<line x1="%d" y1="%s" x2="%d" y2="%s" stroke="#333333" stroke-width="2" stroke-dasharray="8 4"/>`+"\n",
		gridLeft, num(y(pc-1)), gridLeft+plotW, num(y(pc-1)))
	// Axes: a tick label per score and a title per axis.
	for s := MinScore; s <= MaxScore; s++ {
		w.label(x(s)+gridCellW/2, gridTop+plotH+20, ` font-size="12" text-anchor="middle"`, strconv.Itoa(int(s)))
		w.label(gridLeft-12, y(s)+gridCellH/2+4, ` font-size="12" text-anchor="end"`, strconv.Itoa(int(s)))
	}
	w.label(gridLeft+plotW/2, gridTop+plotH+42, ` font-size="14" text-anchor="middle"`, "Interest →")
	w.printf(`<text x="0" y="0" font-size="14" text-anchor="middle" transform="translate(%d %d) rotate(-90)">Power →</text>`+"\n",
		gridLeft-40, gridTop+plotH/2)

	// Stakeholders, cell by cell in map order.
	var cells [MaxScore + 1][MaxScore + 1][]*Stakeholder
	for _, s := range m.people {
		a := s.assessment
		cells[a.Power][a.Interest] = append(cells[a.Power][a.Interest], s)
	}
	const lines = (gridCellH - gridHeader - 4) / gridLine
	for p := MaxScore; p >= MinScore; p-- {
		for i := MinScore; i <= MaxScore; i++ {
			list := cells[p][i]
			shown := len(list)
			if shown > lines {
				shown = lines - 1
			}
			for k, s := range list[:shown] {
				lx, ly := x(i)+10, y(p)+gridHeader+float64(k+1)*gridLine-3
				w.printf(`<g><title>`)
				w.text(fmt.Sprintf("%s (%s): %s, %s; attitude %s, desired %s", s.name, s.KindLabel(),
					g.Quadrant(s).Label(), salienceClasses.Text(s.Salience()), attitudes.Text(s.assessment.Attitude), attitudes.Text(s.assessment.Desired)))
				w.printf("</title>\n")
				w.printf(`<circle cx="%s" cy="%s" r="5" fill="%s" stroke="#333333" stroke-width="0.8"/>`+"\n",
					num(lx+5), num(ly-4), attitudeColours[s.assessment.Attitude])
				w.label(lx+15, ly, ` font-size="11"`, clip(s.name, gridNameLen))
				w.printf("</g>\n")
			}
			if shown < len(list) {
				w.label(x(i)+25, y(p)+gridHeader+float64(lines)*gridLine-3, ` font-size="11" font-style="italic"`,
					fmt.Sprintf("+%d more", len(list)-shown))
			}
		}
	}
	w.attitudeLegend(gridLeft, float64(gridTop+plotH+80), "Attitude now:")
	return w.close(dst)
}

// The network's geometry, in pixels.
const (
	netWidth    = 1100
	netHeight   = 1010
	netCX       = netWidth / 2
	netCY       = 440
	netRadius   = 300
	netNameLen  = 34  // runes of a name shown beside a node
	netMaxNames = 120 // beyond this many nodes names would overlap: hover instead
)

// WriteNetworkSVG draws the relationship network: the stakeholders on a
// circle in map order, clockwise from the top, each a node coloured by its
// current attitude and named beside it (for maps of more than 120
// stakeholders names show on hover only). Each relationship is a line
// coloured and dashed by its type, thicker the stronger it is, with an
// arrowhead at To for directed types; several relationships between the same
// two stakeholders are drawn side by side. A legend explains both. The only
// error is dst's.
func (m *Map) WriteNetworkSVG(dst io.Writer) error {
	var w svgWriter
	w.open(netWidth, netHeight, "Stakeholder relationship network")
	w.label(40, 34, ` font-size="18" font-weight="bold"`, "Stakeholder relationships")
	w.printf("<defs>\n")
	for _, t := range RelationTypes() {
		if t.Directed() {
			w.printf(`<marker id="arrow-%s" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto"><path d="M0,1 L10,5 L0,9 z" fill="%s"/></marker>`+"\n",
				t, edgeStyles[t].colour)
		}
	}
	w.printf("</defs>\n")

	n := len(m.people)
	nodeR := 9.0
	if n > netMaxNames {
		nodeR = 3
	}
	px, py := make([]float64, n), make([]float64, n)
	for i := range n {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		px[i], py[i] = netCX+netRadius*math.Cos(a), netCY+netRadius*math.Sin(a)
	}
	// Relationships between the same pair are spread side by side.
	type pair struct{ a, b int }
	count, seen := make(map[pair]int), make(map[pair]int)
	pairOf := func(r Relationship) pair {
		a, b := m.index[r.From], m.index[r.To]
		return pair{min(a, b), max(a, b)}
	}
	for _, r := range m.rels {
		count[pairOf(r)]++
	}
	for _, r := range m.rels {
		p := pairOf(r)
		k := seen[p]
		seen[p]++
		a, b := m.index[r.From], m.index[r.To]
		dx, dy := px[b]-px[a], py[b]-py[a]
		d := math.Hypot(dx, dy)
		ux, uy := dx/d, dy/d
		// The offset is measured across the pair's canonical direction so
		// that both ends agree whichever way each relationship reads.
		off := (float64(k) - float64(count[p]-1)/2) * 6
		if a != p.a {
			off = -off
		}
		ox, oy := -uy*off, ux*off
		x1, y1 := px[a]+ux*nodeR+ox, py[a]+uy*nodeR+oy
		x2, y2 := px[b]-ux*(nodeR+1)+ox, py[b]-uy*(nodeR+1)+oy
		st := edgeStyles[r.Type]
		w.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"`,
			num(x1), num(y1), num(x2), num(y2), st.colour, num(0.5+0.5*float64(r.Strength)))
		if st.dash != "" {
			w.printf(` stroke-dasharray="%s"`, st.dash)
		}
		if r.Type.Directed() {
			w.printf(` marker-end="url(#arrow-%s)"`, r.Type)
		}
		w.printf("><title>")
		w.text(fmt.Sprintf("%s %s %s (strength %d)", m.people[a].name, relationTypes.Text(r.Type), m.people[b].name, r.Strength))
		w.printf("</title></line>\n")
	}
	for i, s := range m.people {
		w.printf(`<g><title>`)
		w.text(fmt.Sprintf("%s (%s): attitude %s", s.name, s.KindLabel(), attitudes.Text(s.assessment.Attitude)))
		w.printf("</title>\n")
		w.printf(`<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="#333333" stroke-width="1"/>`+"\n",
			num(px[i]), num(py[i]), num(nodeR), attitudeColours[s.assessment.Attitude])
		if n <= netMaxNames {
			a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
			c, sn := math.Cos(a), math.Sin(a)
			anchor := "start"
			switch {
			case c < -0.2:
				anchor = "end"
			case c <= 0.2:
				anchor = "middle"
			}
			lx, ly := px[i]+c*(nodeR+6), py[i]+sn*(nodeR+6)+4
			if anchor == "middle" {
				ly += sn * 10
			}
			w.label(lx, ly, ` font-size="12" text-anchor="`+anchor+`"`, clip(s.name, netNameLen))
		}
		w.printf("</g>\n")
	}
	// Legend: the relationship types in two rows, then the attitudes.
	w.label(40, 850, ` font-size="12" font-weight="bold"`, "Relationships:")
	for i, t := range RelationTypes() {
		lx, ly := 150+float64(i%4)*230, 850+float64(i/4)*28
		st := edgeStyles[t]
		w.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2.5"`, num(lx), num(ly-4), num(lx+44), num(ly-4), st.colour)
		if st.dash != "" {
			w.printf(` stroke-dasharray="%s"`, st.dash)
		}
		if t.Directed() {
			w.printf(` marker-end="url(#arrow-%s)"`, t)
		}
		w.printf("/>\n")
		w.label(lx+52, ly, ` font-size="12"`, t.Label())
	}
	w.label(150, 932, ` font-size="11" fill="#555555"`, "Arrows point from a stakeholder to the one it relates to; partner of is mutual. Thicker lines are stronger ties.")
	w.attitudeLegend(40, 972, "Attitude now:")
	return w.close(dst)
}
