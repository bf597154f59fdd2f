package stakeholder

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The pictures are plain SVG 1.1 with no scripts, fonts or external
// references, so any browser opens them. They are built from integers and
// from coordinates printed with one decimal, in map order, so the same map
// gives the same bytes every time and a golden file can hold them.

// attitudeColours are the fill colours of the five attitudes, from the
// Okabe–Ito palette, which stays apart for the common colour-vision
// deficiencies: white for unaware, vermillion for resistant, yellow for
// neutral, bluish green for supportive, blue for leading. Each attitude also
// has its own shape (attitudeShapes), so no reader depends on colour alone.
var attitudeColours = [...]string{AttitudeUnaware: "#ffffff", AttitudeResistant: "#D55E00", AttitudeNeutral: "#F0E442",
	AttitudeSupportive: "#009E73", AttitudeLeading: "#0072B2"}

// attitudeShapes are the marker shapes of the five attitudes: an open
// circle for unaware, a triangle pointing down for resistant, a square for
// neutral, a triangle pointing up for supportive, a diamond for leading.
var attitudeShapes = [...]string{AttitudeUnaware: "circle", AttitudeResistant: "down", AttitudeNeutral: "square",
	AttitudeSupportive: "up", AttitudeLeading: "diamond"}

// quadrantFills are the background tints of the grid's quadrants: pale
// greys and a pale blue that no marker colour is mistaken for.
var quadrantFills = [...]string{QuadrantManageClosely: "#e6eef6", QuadrantKeepSatisfied: "#f2f2ee", QuadrantKeepInformed: "#eef3ef",
	QuadrantMonitor: "#f7f7f7"}

// edgeStyle is how the network draws one relationship type.
type edgeStyle struct {
	colour, dash string
}

// edgeStyles keep clear of the attitude colours: black, grey, sky blue,
// orange and reddish purple, each type with its own dash pattern as well.
var edgeStyles = [...]edgeStyle{
	RelationTypeMemberOf:      {"#444444", ""},
	RelationTypePartnerOf:     {"#56B4E9", ""},
	RelationTypeFunds:         {"#E69F00", ""},
	RelationTypeInfluences:    {"#CC79A7", "7 4"},
	RelationTypeOpposes:       {"#000000", "3 3"},
	RelationTypeRepresents:    {"#56B4E9", "2 3"},
	RelationTypeCoversAsMedia: {"#E69F00", "10 3 2 3"},
}

// coalitionFills are the tints of the bands that mark the coalitions on the
// network, each also named in words beside its band.
var coalitionFills = [...]string{"#cfe3f3", "#f6dcc2", "#d3ecdf", "#ecd5e3", "#e4e4e4"}

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

// marker draws an attitude's marker, its shape and colour, centred on
// (cx, cy) with radius r.
func (w *svgWriter) marker(a Attitude, cx, cy, r float64) {
	const stroke = ` stroke="#222222" stroke-width="1"`
	fill := attitudeColours[a]
	switch attitudeShapes[a] {
	case "down":
		w.printf(`<path d="M%s,%s L%s,%s L%s,%s z" fill="%s"%s/>`+"\n",
			num(cx-r*1.1), num(cy-r*0.8), num(cx+r*1.1), num(cy-r*0.8), num(cx), num(cy+r*1.1), fill, stroke)
	case "up":
		w.printf(`<path d="M%s,%s L%s,%s L%s,%s z" fill="%s"%s/>`+"\n",
			num(cx-r*1.1), num(cy+r*0.8), num(cx+r*1.1), num(cy+r*0.8), num(cx), num(cy-r*1.1), fill, stroke)
	case "square":
		w.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"%s/>`+"\n", num(cx-r*0.85), num(cy-r*0.85), num(r*1.7), num(r*1.7), fill, stroke)
	case "diamond":
		w.printf(`<path d="M%s,%s L%s,%s L%s,%s L%s,%s z" fill="%s"%s/>`+"\n",
			num(cx), num(cy-r*1.2), num(cx+r*1.2), num(cy), num(cx), num(cy+r*1.2), num(cx-r*1.2), num(cy), fill, stroke)
	default:
		w.printf(`<circle cx="%s" cy="%s" r="%s" fill="%s"%s/>`+"\n", num(cx), num(cy), num(r*0.9), fill, stroke)
	}
}

// attitudeLegend draws the attitude markers in one row from (x, y).
func (w *svgWriter) attitudeLegend(x, y float64, heading string) {
	w.label(x, y, ` font-size="13" font-weight="bold"`, heading)
	x += 10 + 8*float64(utf8.RuneCountInString(heading))
	for _, a := range Attitudes() {
		w.marker(a, x+6, y-5, 6)
		w.label(x+17, y, ` font-size="13"`, attitudes.Text(a))
		x += 115 // wider than the longest name, "supportive", and its gap
	}
}

// wrapName breaks a name at spaces into lines of at most n runes (a longer
// word stands alone on its line), so that no name is cut.
func wrapName(s string, n int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) <= n:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	return append(lines, line)
}

// num prints a coordinate with one decimal, without "-0.0".
func num(x float64) string {
	x = math.Round(x*10) / 10
	if x == 0 {
		x = 0
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// The grid's geometry, in pixels.
const (
	gridLeft    = 90  // room for the power axis
	gridTop     = 56  // room for the title
	gridCellW   = 220 // one interest score
	gridCellH   = 112 // one power score
	gridHeader  = 24  // top of each cell kept for the quadrant label
	gridLine    = 15  // one line of a name
	gridNameLen = 25  // runes of a name's line that fit a cell at 12 px
)

// WriteGridSVG draws Mendelow's power/interest grid on g: interest across,
// power up, one column and one row per score, the quadrants shaded and
// labelled with their strategy, the cuts drawn as dashed lines. Each
// stakeholder is a marker whose colour and shape both show its current
// attitude, with its whole name (on two lines or more when long), listed in
// map order in the cell of its two scores; a cell too full shows "+N more".
// Hovering a marker shows the name, the quadrant, the salience class and
// both attitudes. The only error is dst's.
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
			used := 0
			for k, s := range list {
				name := wrapName(s.name, gridNameLen)
				// The last line of the cell is kept for "+N more" when
				// anyone is left after this one.
				room := lines - used
				if k < len(list)-1 {
					room--
				}
				if len(name) > room {
					w.label(x(i)+25, y(p)+gridHeader+float64(used+1)*gridLine-3, ` font-size="12" font-style="italic"`,
						fmt.Sprintf("+%d more", len(list)-k))
					break
				}
				lx, ly := x(i)+10, y(p)+gridHeader+float64(used+1)*gridLine-3
				w.printf(`<g><title>`)
				w.text(fmt.Sprintf("%s (%s): %s, %s; attitude %s, desired %s", s.name, s.KindLabel(),
					g.Quadrant(s).Label(), salienceClasses.Text(s.Salience()), attitudes.Text(s.assessment.Attitude), attitudes.Text(s.assessment.Desired)))
				w.printf("</title>\n")
				w.marker(s.assessment.Attitude, lx+5, ly-4, 5)
				for j, line := range name {
					w.label(lx+15, ly+float64(j)*gridLine, ` font-size="12"`, line)
				}
				w.printf("</g>\n")
				used += len(name)
			}
		}
	}
	w.attitudeLegend(gridLeft, float64(gridTop+plotH+80), "Attitude now:")
	return w.close(dst)
}

// The network's geometry, in pixels.
const (
	netWidth    = 1100
	netHeight   = 1090
	netCX       = netWidth / 2
	netCY       = 450
	netRadius   = 290
	netMaxNames = 120 // beyond this many nodes names would overlap: hover instead
	netBrokers  = 3   // the brokers marked: the most central, if central at all
)

// WriteNetworkSVG draws the relationship network: the stakeholders on a
// circle clockwise from the top, each coalition's members side by side (in
// map order, coalitions in the order of [Map.Coalitions], then everyone in
// none) on a tinted band named "Coalition 1", "Coalition 2"…; each
// stakeholder a marker whose colour and shape show its current attitude,
// named beside it (for maps of more than 120 stakeholders names show on
// hover only); the three brokers ([Map.Brokers]) ringed and labelled as
// such. Each relationship is a line coloured and dashed by its type,
// thicker the stronger it is, with an arrowhead at To for directed types;
// several relationships between the same two stakeholders are drawn side
// by side. A legend explains it all, and every mark has a tooltip. The only
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
	// Places on the circle: the coalitions first, each together.
	coalitions := m.Coalitions()
	order := make([]int, 0, n)
	coalitionOf := make([]int, n) // 1-based; 0 for none
	for c, members := range coalitions {
		for _, s := range members {
			coalitionOf[m.index[s.id]] = c + 1
		}
	}
	for c := range coalitions {
		for i := range m.people {
			if coalitionOf[i] == c+1 {
				order = append(order, i)
			}
		}
	}
	for i := range m.people {
		if coalitionOf[i] == 0 {
			order = append(order, i)
		}
	}
	angle := make([]float64, n)
	px, py := make([]float64, n), make([]float64, n)
	for place, i := range order {
		angle[i] = -math.Pi/2 + 2*math.Pi*float64(place)/float64(n)
		px[i], py[i] = netCX+netRadius*math.Cos(angle[i]), netCY+netRadius*math.Sin(angle[i])
	}
	// Coalition bands: an arc along the circle from the first member to the
	// last, under everything else, named inside the circle.
	step := 2 * math.Pi / float64(max(n, 1))
	place := 0
	for c, members := range coalitions {
		a0 := -math.Pi/2 + step*(float64(place)-0.4)
		a1 := -math.Pi/2 + step*(float64(place+len(members)-1)+0.4)
		place += len(members)
		fill := coalitionFills[c%len(coalitionFills)]
		large := 0
		if a1-a0 > math.Pi {
			large = 1
		}
		w.printf(`<path d="M%s,%s A%d,%d 0 %d 1 %s,%s" fill="none" stroke="%s" stroke-width="34" stroke-linecap="round"><title>`,
			num(netCX+netRadius*math.Cos(a0)), num(netCY+netRadius*math.Sin(a0)), netRadius, netRadius, large,
			num(netCX+netRadius*math.Cos(a1)), num(netCY+netRadius*math.Sin(a1)), fill)
		names := make([]string, len(members))
		for i, s := range members {
			names[i] = s.name
		}
		w.text(fmt.Sprintf("Coalition %d: %s", c+1, strings.Join(names, ", ")))
		w.printf("</title></path>\n")
		mid := (a0 + a1) / 2
		anchor := "middle"
		switch c := math.Cos(mid); {
		case c > 0.3:
			anchor = "end"
		case c < -0.3:
			anchor = "start"
		}
		w.label(netCX+(netRadius-36)*math.Cos(mid), netCY+(netRadius-36)*math.Sin(mid)+4,
			` font-size="13" font-weight="bold" fill="#333333" text-anchor="`+anchor+`"`, fmt.Sprintf("Coalition %d", c+1))
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
		x1, y1 := px[a]+ux*(nodeR+2)+ox, py[a]+uy*(nodeR+2)+oy
		x2, y2 := px[b]-ux*(nodeR+3)+ox, py[b]-uy*(nodeR+3)+oy
		st := edgeStyles[r.Type]
		w.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"`,
			num(x1), num(y1), num(x2), num(y2), st.colour, num(0.75+0.5*float64(r.Strength)))
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

	brokers := map[int]Centrality{}
	for _, b := range m.Brokers(netBrokers) {
		brokers[m.index[b.Stakeholder.id]] = b
	}
	for i, s := range m.people {
		w.printf(`<g><title>`)
		tip := fmt.Sprintf("%s (%s): attitude %s", s.name, s.KindLabel(), attitudes.Text(s.assessment.Attitude))
		if c := coalitionOf[i]; c > 0 {
			tip += fmt.Sprintf("; coalition %d", c)
		}
		b, broker := brokers[i]
		if broker {
			tip += "; broker, betweenness " + b.Betweenness.StringFixed(2)
		}
		w.text(tip)
		w.printf("</title>\n")
		if broker {
			w.printf(`<circle cx="%s" cy="%s" r="%s" fill="#ffffff" stroke="#000000" stroke-width="2.5"/>`+"\n",
				num(px[i]), num(py[i]), num(nodeR+6))
		}
		w.marker(s.assessment.Attitude, px[i], py[i], nodeR)
		if n <= netMaxNames {
			c, sn := math.Cos(angle[i]), math.Sin(angle[i])
			anchor := "start"
			switch {
			case c < -0.2:
				anchor = "end"
			case c <= 0.2:
				anchor = "middle"
			}
			gap := nodeR + 22
			lx, ly := px[i]+c*gap, py[i]+sn*gap+4
			if anchor == "middle" {
				ly += sn * 8
			}
			w.label(lx, ly, ` font-size="13" text-anchor="`+anchor+`"`, s.name)
			if broker {
				w.label(lx, ly+15, ` font-size="12" font-style="italic" fill="#333333" text-anchor="`+anchor+`"`, "broker")
			}
		}
		w.printf("</g>\n")
	}
	// Legend: the relationship types in two rows, then the attitudes, the
	// brokers and the coalitions.
	const legend = 860
	w.label(40, legend, ` font-size="13" font-weight="bold"`, "Relationships:")
	for i, t := range RelationTypes() {
		lx, ly := 160+float64(i%4)*230, legend+float64(i/4)*28
		st := edgeStyles[t]
		w.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2.5"`, num(lx), num(ly-4), num(lx+44), num(ly-4), st.colour)
		if st.dash != "" {
			w.printf(` stroke-dasharray="%s"`, st.dash)
		}
		if t.Directed() {
			w.printf(` marker-end="url(#arrow-%s)"`, t)
		}
		w.printf("/>\n")
		w.label(lx+52, ly, ` font-size="13"`, t.Label())
	}
	w.label(160, legend+62, ` font-size="12" fill="#444444"`, "Arrows point from a stakeholder to the one it relates to; partner of is mutual. Thicker lines are stronger ties.")
	w.attitudeLegend(40, legend+104, "Attitude now:")
	y := float64(legend + 146)
	if len(brokers) > 0 {
		w.printf(`<circle cx="56" cy="%s" r="10" fill="#ffffff" stroke="#000000" stroke-width="2.5"/>`+"\n", num(y-5))
		w.label(76, y, ` font-size="13"`, fmt.Sprintf("broker: one of the %d most often on the shortest path between two others", netBrokers))
		y += 35
	}
	if len(coalitions) > 0 {
		w.printf(`<rect x="40" y="%s" width="32" height="16" rx="8" fill="%s"/>`+"\n", num(y-13), coalitionFills[0])
		w.label(80, y, ` font-size="13"`, "coalition: stakeholders joined by member of, partner of, funds or represents")
	}
	return w.close(dst)
}
