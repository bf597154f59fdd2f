package budgeting

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// The picture is plain SVG 1.1 with no scripts, fonts or external
// references, so any browser opens it. Coordinates are printed with one
// decimal and everything is drawn in a fixed order, so the same results
// give the same bytes every time and a golden file can hold them. Pixel
// positions are the only floating point here: every figure written in the
// picture comes from exact decimals and metrics ratios.

// projectColours are the fill colours of funded projects, by the project's
// position in the file; neighbours in a column differ, and the white line
// between segments keeps two of the same colour apart.
var projectColours = [...]string{"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
	"#b07aa1", "#ff9da7", "#9c755f", "#8cd17d", "#a0cbe8", "#ffbe7d"}

// The picture's geometry, in pixels.
const (
	svgWidth     = 940
	svgBarW      = 90
	svgLeftBar   = 330  // x of the first column's bar
	svgRightBar  = 520  // x of the second column's bar
	svgBarTop    = 122  // y of the top of the bars
	svgMinBarH   = 360  // height of a bar, unless its labels need more
	svgLabelGap  = 15   // the least distance between two labels' baselines
	svgLabelRune = 40   // runes of a label that fit beside a bar at 11 px
	svgShareW    = 560  // width of the full 100 % of a share bar
	svgShareX    = 200  // x of the share bars
	svgFont      = 11.0 // font size of the labels
)

// svgDoc accumulates an SVG document.
type svgDoc struct{ bytes.Buffer }

func (d *svgDoc) printf(format string, args ...any) { fmt.Fprintf(&d.Buffer, format, args...) }

// text writes a <text> element at (x, y) whose content s is XML-escaped.
func (d *svgDoc) text(x, y float64, attrs, s string) {
	d.printf(`<text x="%s" y="%s"%s>`, px(x), px(y), attrs)
	_ = xml.EscapeText(&d.Buffer, []byte(s)) // a bytes.Buffer does not fail
	d.printf("</text>\n")
}

// px prints a coordinate with one decimal, without "-0".
func px(x float64) string {
	x = math.Round(x*10) / 10
	if x == 0 {
		x = 0
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// CompareSVG draws the outcomes of two rules on the same election side by
// side, as an SVG picture: for each rule a column as tall as the budget, the
// funded projects stacked in it from the bottom in the order the rule
// funded them and labelled with their ID, name (shortened with "…") and
// cost, the unspent rest hatched on top; then, for each rule, a bar of the
// share of voters whose ballot lists at least one funded project. A project
// has the same colour in both columns, and its label is bold when only that
// rule funded it. Labels are XML-escaped and spread out so that none
// overlaps another; the column grows when there are many.
//
// The same results always give the same bytes. It returns an error
// wrapping [ErrInvalid] when a or b is nil or zero or the two ran on
// different elections (neither the same *Election nor [Election.Equal]),
// and any error of w.
func CompareSVG(w io.Writer, a, b *Result) error {
	for _, r := range []*Result{a, b} {
		if r == nil || r.election == nil || !r.rule.IsValid() {
			return errorf(ErrInvalid, "no result to draw")
		}
	}
	if a.election != b.election && !a.election.Equal(b.election) {
		return errorf(ErrInvalid, "results of different elections")
	}
	aa, err := Analyze(a)
	if err != nil {
		return err
	}
	ab, err := Analyze(b)
	if err != nil {
		return err
	}
	in := a.election.inst
	c := &compareCols{in: in, places: significantPlaces(in.budget)}
	for _, p := range in.projects {
		c.places = max(c.places, significantPlaces(p.Cost))
	}
	if cur, ok := in.Meta("currency"); ok && cur != "" {
		c.unit = " " + cur
	}
	barH := float64(max(svgMinBarH, (max(len(a.selected), len(b.selected))+1)*svgLabelGap))
	shareTop := svgBarTop + barH + 64
	height := int(shareTop) + 2*34 + 64

	var d svgDoc
	title, ok := in.Meta("description")
	if !ok || title == "" {
		title = "Participatory budget"
	}
	d.printf(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="DejaVu Sans, Verdana, Arial, sans-serif">`+"\n",
		svgWidth, height, svgWidth, height)
	d.printf("<title>")
	_ = xml.EscapeText(&d.Buffer, []byte(title+": "+a.rule.Name()+" and "+b.rule.Name()))
	d.printf("</title>\n")
	d.printf(`<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", svgWidth, height)
	d.printf(`<defs><pattern id="unspent" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
		`<rect width="8" height="8" fill="#f4f4f4"/><line x1="0" y1="0" x2="0" y2="8" stroke="#c8c8c8" stroke-width="3"/></pattern></defs>` + "\n")
	d.text(20, 32, ` font-size="18" font-weight="bold"`, shorten(title, 80))
	d.text(20, 54, ` font-size="13" fill="#444444"`, fmt.Sprintf("Budget %s, %d voters, %d projects: what two rules fund",
		c.amount(in.budget), a.election.prof.Len(), in.Len()))

	c.column(&d, a, b, svgLeftBar, barH, true)
	c.column(&d, b, a, svgRightBar, barH, false)

	d.text(20, shareTop, ` font-size="14" font-weight="bold"`, "Voters with at least one funded project they voted for")
	for i, an := range []*Analysis{aa, ab} {
		y := shareTop + 16 + float64(i)*34
		d.text(svgShareX-12, y+15, ` font-size="12" font-weight="bold" text-anchor="end"`, an.Rule.Name())
		d.printf(`<rect x="%d" y="%s" width="%d" height="22" fill="#eeeeee"/>`+"\n", svgShareX, px(y), svgShareW)
		fill := 0.0
		if v, err := an.Satisfied.Value(); err == nil {
			fill = v.InexactFloat64() * svgShareW
		}
		d.printf(`<rect x="%d" y="%s" width="%s" height="22" fill="#4e79a7"/>`+"\n", svgShareX, px(y), px(fill))
		d.text(svgShareX+svgShareW+8, y+15, ` font-size="12"`, fmt.Sprintf("%s (%d of %d)",
			an.Satisfied.PercentText(), an.Satisfied.Numerator(), an.Voters))
	}
	d.text(20, float64(height-24), ` font-size="11" fill="#444444"`, "Each column is the whole budget, with the funded "+
		"projects stacked from the bottom in the order the rule chose them.")
	d.text(20, float64(height-10), ` font-size="11" fill="#444444"`, "A project has the same colour in both columns; "+
		"a bold label marks a project only that rule funds.")
	d.printf("</svg>\n")
	_, err = w.Write(d.Bytes())
	return err
}

// compareCols draws the columns of CompareSVG.
type compareCols struct {
	in     *Instance
	places int32
	unit   string
}

func (c *compareCols) amount(d decimal.Decimal) string { return d.StringFixed(c.places) + c.unit }

// column draws r's column with its bar at x, its labels to the left of the
// bar when left, else to its right; other is the other rule's result.
func (c *compareCols) column(d *svgDoc, r, other *Result, x, barH float64, left bool) {
	mid := x + svgBarW/2
	d.text(mid, 86, ` font-size="14" font-weight="bold" text-anchor="middle"`, r.rule.Name())
	spent := r.spent.StringFixed(c.places) + c.unit + " spent"
	share := "no budget"
	if !c.in.budget.IsZero() {
		share = r.spent.Mul(decimal.NewFromInt(100)).DivRound(c.in.budget, 2).StringFixed(2) + " % of the budget"
	}
	d.text(mid, 103, ` font-size="12" text-anchor="middle" fill="#444444"`, spent)
	d.text(mid, 117, ` font-size="12" text-anchor="middle" fill="#444444"`, share)

	bottom := svgBarTop + barH
	scale := 0.0
	if b := c.in.budget.InexactFloat64(); b > 0 {
		scale = barH / b
	}
	d.printf(`<rect x="%s" y="%s" width="%d" height="%s" fill="url(#unspent)" stroke="#888888"/>`+"\n",
		px(x), px(svgBarTop), svgBarW, px(barH))
	// Segments from the bottom; each label wants the middle of its segment.
	want := make([]float64, 0, len(r.selected)+1)
	labels := make([]string, 0, len(r.selected)+1)
	bold := make([]bool, 0, len(r.selected)+1)
	y := bottom
	cum := decimal.Zero
	for _, p := range r.selected {
		pr := &c.in.projects[p]
		cum = cum.Add(pr.Cost)
		top := bottom - cum.InexactFloat64()*scale
		d.printf(`<g><title>`)
		_ = xml.EscapeText(&d.Buffer, []byte(fmt.Sprintf("%s %s: %s (%s)", pr.ID, pr.Name, c.amount(pr.Cost), r.rule.Name())))
		d.printf("</title>\n")
		d.printf(`<rect x="%s" y="%s" width="%d" height="%s" fill="%s" stroke="#ffffff" stroke-width="1"/>`+"\n</g>\n",
			px(x), px(top), svgBarW, px(y-top), projectColours[p%len(projectColours)])
		want = append(want, (y+top)/2)
		labels = append(labels, c.label(pr))
		bold = append(bold, !other.Funded(p))
		y = top
	}
	if rest := c.in.budget.Sub(cum); rest.IsPositive() {
		want = append(want, (y+svgBarTop)/2)
		labels = append(labels, "unspent: "+c.amount(rest))
		bold = append(bold, false)
	}
	// The labels go bottom-up like the segments: spread them so that each
	// is at least svgLabelGap above the one below, within the bar.
	at := spread(want, svgBarTop+svgFont, bottom, svgLabelGap)
	lx, anchor, edge := x-14, ` text-anchor="end"`, x
	if !left {
		lx, anchor, edge = x+svgBarW+14, "", x+svgBarW
	}
	for i, l := range labels {
		d.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#888888" stroke-width="0.8"/>`+"\n",
			px(edge), px(want[i]), px((lx+edge)/2), px(at[i]-4))
		weight := ""
		if bold[i] {
			weight = ` font-weight="bold"`
		}
		d.text(lx, at[i], ` font-size="11"`+anchor+weight, l)
	}
	d.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#333333" stroke-width="1.5"/>`+"\n",
		px(x-4), px(bottom), px(x+svgBarW+4), px(bottom))
}

// label is a project's label: ID, name shortened to fit, and cost.
func (c *compareCols) label(p *Project) string {
	head, tail := p.ID, " · "+c.amount(p.Cost)
	if p.Name == "" {
		return head + tail
	}
	room := svgLabelRune - utf8.RuneCountInString(head) - utf8.RuneCountInString(tail) - 1
	if room < 2 {
		return head + tail
	}
	return head + " " + shorten(p.Name, room) + tail
}

// spread returns baselines for labels that want the given positions,
// listed bottom-up (decreasing y): each at most its wish, at least gap
// above the next one below, kept within [lo, hi] when there is room.
func spread(want []float64, lo, hi, gap float64) []float64 {
	at := make([]float64, len(want))
	for i, w := range want {
		at[i] = min(w+svgFont/2-1, hi) // the baseline that centres the text
		if i > 0 {
			at[i] = min(at[i], at[i-1]-gap)
		}
	}
	// Pushed above the top: push back down from the top.
	for i := len(at) - 1; i >= 0; i-- {
		limit := lo
		if i < len(at)-1 {
			limit = at[i+1] + gap
		}
		if at[i] >= limit {
			break
		}
		at[i] = limit
	}
	return at
}
