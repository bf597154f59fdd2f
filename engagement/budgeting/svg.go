package budgeting

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// The picture is plain SVG 1.1 with no scripts, fonts or external
// references, so any browser opens it. Coordinates are printed with one
// decimal and everything is drawn in a fixed order, so the same results
// give the same bytes every time and a golden file can hold them. Pixel
// positions are the only floating point here: every figure written in the
// picture comes from exact decimals and metrics ratios.

// projectColours are the fill colours of funded projects: the Okabe–Ito
// palette, which stays apart for the common colour-vision deficiencies.
// Projects take them in the order the two rules first fund them, so that
// up to seven funded projects all differ; past seven the colours come round
// again, backed by a pattern (stripes, then dots, then both), so that no
// two projects in a column look the same, and each is labelled besides.
var projectColours = [...]string{"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}

// projectPatterns are the overlays of the rounds of colours after the first.
var projectPatterns = [...]string{"", "stripes", "dots", "cross"}

// The picture's geometry, in pixels.
const (
	svgBarW      = 90
	svgBarGap    = 100  // between the two bars
	svgMinBarH   = 360  // height of a bar, unless its labels need more
	svgLabelGap  = 15   // the least distance between two labels' baselines
	svgRuneW     = 6.8  // the width of a character of a label at 11 px, generously
	svgShareW    = 520  // width of the full 100 % of a share bar
	svgShareX    = 20   // x of the share bars
	svgFont      = 11.0 // font size of the labels
	svgTitleRune = 26   // runes of a rule's title on one line above its column
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
// side, as an SVG picture: for each rule a column as tall as the budget,
// headed by the rule's title ([Rule.Title]), the funded projects stacked in
// it from the bottom in the order the rule funded them and labelled with
// their ID, whole name and cost, the unspent rest hatched on top; then, for
// each rule, a bar of the share of voters whose ballot lists at least one
// funded project. A project has the same colour in both columns and no two
// projects in a column look alike (see projectColours); its label is bold
// when only that rule funded it, and its tooltip names it, its cost and the
// rule. The picture is as wide as its longest label needs, so no name is
// cut. Labels are XML-escaped and spread out so that none overlaps another;
// the column grows when there are many.
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
	c := &compareCols{in: in, places: significantPlaces(in.budget), colour: map[int]int{}}
	for _, p := range in.projects {
		c.places = max(c.places, significantPlaces(p.Cost))
	}
	if cur, ok := in.Meta("currency"); ok && cur != "" {
		c.unit = " " + cur
	}
	for _, r := range []*Result{a, b} {
		for _, p := range r.selected {
			if _, ok := c.colour[p]; !ok {
				c.colour[p] = len(c.colour)
			}
		}
	}
	// The labels' room decides where the bars stand.
	runes := utf8.RuneCountInString("unspent: " + c.amount(in.budget))
	for _, r := range []*Result{a, b} {
		for _, p := range r.selected {
			runes = max(runes, utf8.RuneCountInString(c.label(&in.projects[p])))
		}
	}
	room := float64(runes)*svgRuneW + 28
	c.leftBar = 20 + room
	c.rightBar = c.leftBar + svgBarW + svgBarGap
	width := int(math.Ceil(max(c.rightBar+svgBarW+room+20, svgShareX+svgShareW+190)))
	titles := [2][]string{wrapWords(a.rule.Title(), svgTitleRune), wrapWords(b.rule.Title(), svgTitleRune)}
	c.headTop = 84
	c.barTop = c.headTop + 17*float64(max(len(titles[0]), len(titles[1]))) + 36
	barH := float64(max(svgMinBarH, (max(len(a.selected), len(b.selected))+1)*svgLabelGap))
	shareTop := c.barTop + barH + 64
	height := int(shareTop) + 2*52 + 64

	var d svgDoc
	title, ok := in.Meta("description")
	if !ok || title == "" {
		title = "Participatory budget"
	}
	d.printf(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="DejaVu Sans, Verdana, Arial, sans-serif">`+"\n",
		width, height, width, height)
	d.printf("<title>")
	_ = xml.EscapeText(&d.Buffer, []byte(title+": "+a.rule.Title()+" and "+b.rule.Title()))
	d.printf("</title>\n")
	d.printf(`<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	d.printf(`<defs><pattern id="unspent" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
		`<rect width="8" height="8" fill="#f4f4f4"/><line x1="0" y1="0" x2="0" y2="8" stroke="#c8c8c8" stroke-width="3"/></pattern>` + "\n" +
		`<pattern id="stripes" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">` +
		`<line x1="0" y1="0" x2="0" y2="7" stroke="#ffffff" stroke-width="2.5"/></pattern>` + "\n" +
		`<pattern id="dots" width="7" height="7" patternUnits="userSpaceOnUse"><circle cx="3.5" cy="3.5" r="1.6" fill="#ffffff"/></pattern>` + "\n" +
		`<pattern id="cross" width="7" height="7" patternUnits="userSpaceOnUse"><path d="M0,0 L7,7 M7,0 L0,7" stroke="#ffffff" stroke-width="1.5"/></pattern>` +
		"</defs>\n")
	d.text(20, 32, ` font-size="18" font-weight="bold"`, title)
	d.text(20, 54, ` font-size="13" fill="#444444"`, fmt.Sprintf("Budget %s, %d voters, %d projects: what two rules fund",
		c.amount(in.budget), a.election.prof.Len(), in.Len()))

	c.column(&d, a, b, c.leftBar, barH, true, titles[0])
	c.column(&d, b, a, c.rightBar, barH, false, titles[1])

	d.text(20, shareTop, ` font-size="14" font-weight="bold"`, "Voters with at least one funded project they voted for")
	for i, an := range []*Analysis{aa, ab} {
		y := shareTop + 22 + float64(i)*52
		d.text(svgShareX, y, ` font-size="12" font-weight="bold"`, an.Rule.Title())
		d.printf(`<rect x="%d" y="%s" width="%d" height="22" fill="#eeeeee"/>`+"\n", svgShareX, px(y+6), svgShareW)
		fill := 0.0
		if v, err := an.Satisfied.Value(); err == nil {
			fill = v.InexactFloat64() * svgShareW
		}
		d.printf(`<rect x="%d" y="%s" width="%s" height="22" fill="#0072B2"><title>`, svgShareX, px(y+6), px(fill))
		_ = xml.EscapeText(&d.Buffer, []byte(fmt.Sprintf("%s: %d of %d voters (%s) have a funded project they voted for",
			an.Rule.Title(), an.Satisfied.Numerator(), an.Voters, an.Satisfied.PercentText())))
		d.printf("</title></rect>\n")
		d.text(svgShareX+svgShareW+8, y+22, ` font-size="12"`, fmt.Sprintf("%s (%d of %d)",
			an.Satisfied.PercentText(), an.Satisfied.Numerator(), an.Voters))
	}
	d.text(20, float64(height-24), ` font-size="11" fill="#444444"`, "Each column is the whole budget, with the funded "+
		"projects stacked from the bottom in the order the rule chose them.")
	d.text(20, float64(height-10), ` font-size="11" fill="#444444"`, "A project has the same colour and pattern in both columns; "+
		"a bold label marks a project only that rule funds.")
	d.printf("</svg>\n")
	_, err = w.Write(d.Bytes())
	return err
}

// wrapWords breaks s at spaces into lines of at most n runes (a longer word
// stands alone on its line).
func wrapWords(s string, n int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= n:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	return append(lines, line)
}

// compareCols draws the columns of CompareSVG.
type compareCols struct {
	in     *Instance
	places int32
	unit   string
	// colour is the place of each funded project in projectColours and
	// its rounds of patterns, in the order the rules first fund them.
	colour            map[int]int
	leftBar, rightBar float64 // x of each column's bar
	headTop, barTop   float64 // y of the first title line and of the bars
}

func (c *compareCols) amount(d decimal.Decimal) string { return d.StringFixed(c.places) + c.unit }

// column draws r's column with its bar at x, its labels to the left of the
// bar when left, else to its right; other is the other rule's result.
func (c *compareCols) column(d *svgDoc, r, other *Result, x, barH float64, left bool, title []string) {
	mid := x + svgBarW/2
	for i, line := range title {
		d.text(mid, c.headTop+17*float64(i), ` font-size="14" font-weight="bold" text-anchor="middle"`, line)
	}
	spent := r.spent.StringFixed(c.places) + c.unit + " spent"
	share := "no budget"
	if !c.in.budget.IsZero() {
		share = r.spent.Mul(decimal.NewFromInt(100)).DivRound(c.in.budget, 2).StringFixed(2) + " % of the budget"
	}
	d.text(mid, c.barTop-22, ` font-size="12" text-anchor="middle" fill="#444444"`, spent)
	d.text(mid, c.barTop-7, ` font-size="12" text-anchor="middle" fill="#444444"`, share)
	barTop := c.barTop

	bottom := barTop + barH
	scale := 0.0
	if b := c.in.budget.InexactFloat64(); b > 0 {
		scale = barH / b
	}
	d.printf(`<rect x="%s" y="%s" width="%d" height="%s" fill="url(#unspent)" stroke="#888888"/>`+"\n",
		px(x), px(barTop), svgBarW, px(barH))
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
		_ = xml.EscapeText(&d.Buffer, []byte(fmt.Sprintf("%s %s: %s (%s)", pr.ID, pr.Name, c.amount(pr.Cost), r.rule.Title())))
		d.printf("</title>\n")
		k := c.colour[p]
		d.printf(`<rect x="%s" y="%s" width="%d" height="%s" fill="%s" stroke="#ffffff" stroke-width="1"/>`+"\n",
			px(x), px(top), svgBarW, px(y-top), projectColours[k%len(projectColours)])
		if pat := projectPatterns[k/len(projectColours)%len(projectPatterns)]; pat != "" {
			d.printf(`<rect x="%s" y="%s" width="%d" height="%s" fill="url(#%s)"/>`+"\n", px(x), px(top), svgBarW, px(y-top), pat)
		}
		d.printf("</g>\n")
		want = append(want, (y+top)/2)
		labels = append(labels, c.label(pr))
		bold = append(bold, !other.Funded(p))
		y = top
	}
	if rest := c.in.budget.Sub(cum); rest.IsPositive() {
		want = append(want, (y+barTop)/2)
		labels = append(labels, "unspent: "+c.amount(rest))
		bold = append(bold, false)
	}
	// The labels go bottom-up like the segments: spread them so that each
	// is at least svgLabelGap above the one below, within the bar.
	at := spread(want, barTop+svgFont, bottom, svgLabelGap)
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

// label is a project's label: ID, whole name and cost.
func (c *compareCols) label(p *Project) string {
	head, tail := p.ID, " · "+c.amount(p.Cost)
	if p.Name == "" {
		return head + tail
	}
	return head + " " + p.Name + tail
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
