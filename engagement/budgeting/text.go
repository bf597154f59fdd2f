package budgeting

import (
	"fmt"
	"io"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Precision of text. Every figure is computed exactly, as a rational, and
// rounded once, half away from zero, only to be shown: 1896.115 becomes
// 1896.12 and −0.5 becomes −1 at 0 places.
const (
	// AmountPlaces is the fewest decimal places of an amount of money that
	// is not a whole number of the file's smallest unit (a share of the
	// budget, a payment, a load) in text: the cent. An election whose
	// amounts carry more places shows that many.
	AmountPlaces = 2
	// FigureDigits is the number of significant digits of a figure that
	// has no unit of money (ρ, a greedy score, a mean utility) in text,
	// with never fewer than 0 decimal places: ρ = 1/27002 shows as
	// 0.0000370343.
	FigureDigits = 6
)

const maxGroupRows = 12

// nameRunes is the most runes of a project's name that text shows; a
// longer name ends in "…".
const nameRunes = 40

// WriteText writes x for a resident, in plain sentences and aligned
// tables: the rule and the budget, each round, and each project not funded
// with why. Amounts of money are shown to [AmountPlaces] decimal places
// (more when the file's amounts have more), other figures to
// [FigureDigits] significant digits, marked "≈" when rounded and followed
// by the exact fraction when its numerator and denominator are both
// below 1,000,000; all are rounded half away from zero. A round of the
// Method of Equal Shares lists at most 12 groups of supporters and sums up
// the others. It returns the first error of w.
func (x *Explanation) WriteText(w io.Writer) error {
	t := newTextOut(x)
	t.header()
	rounds := x.Rounds
	switch x.Rule.Method() {
	case MethodGreedy:
		t.greedyTable(rounds)
	case MethodPhragmen:
		t.phragmenRounds(rounds)
	default:
		n := 0
		for n < len(rounds) && rounds[n].Method == MethodEqualShares {
			t.shareRound(rounds[n])
			n++
		}
		if n < len(rounds) {
			t.line("")
			t.line("Then greedy funds, highest score first, whatever still fits in what is left of the budget:")
			t.greedyTable(rounds[n:])
		}
	}
	t.unfunded()
	_, err := io.WriteString(w, t.b.String())
	return err
}

// textOut renders an Explanation.
type textOut struct {
	x      *Explanation
	b      strings.Builder
	places int32             // decimal places of the election's amounts
	names  map[string]string // project ID → name
}

func newTextOut(x *Explanation) *textOut {
	t := &textOut{x: x, places: significantPlaces(x.Budget), names: map[string]string{}}
	for _, rd := range x.Rounds {
		t.places = max(t.places, significantPlaces(rd.Cost), significantPlaces(rd.Before), significantPlaces(rd.After))
		t.names[rd.Project] = rd.Name
	}
	for _, u := range x.Unfunded {
		t.places = max(t.places, significantPlaces(u.Cost))
		t.names[u.Project] = u.Name
	}
	return t
}

func (t *textOut) line(format string, args ...any) {
	fmt.Fprintf(&t.b, format, args...)
	t.b.WriteByte('\n')
}

// amount shows an amount of money of the election.
func (t *textOut) amount(d decimal.Decimal) string { return d.StringFixed(t.places) + t.unit() }

// money shows an exact amount of money, to the cent or finer.
func (t *textOut) money(f Fraction) string {
	p := max(AmountPlaces, t.places)
	return f.Round(p).StringFixed(p) + t.unit()
}

func (t *textOut) unit() string {
	if t.x.Currency == "" {
		return ""
	}
	return " " + t.x.Currency
}

// figure shows a figure without a unit, in a table: "0.0625",
// "≈0.0833333".
func figure(f Fraction) string {
	d := f.Significant(FigureDigits)
	if d.Rat().Cmp(f.rat()) != 0 {
		return "≈" + d.String()
	}
	return d.String()
}

// equals shows a figure without a unit after its name, in a sentence:
// "= 1/16 = 0.0625", "= 1/12 ≈ 0.0833333", "≈ 0.0000370339".
func equals(f Fraction) string {
	d := f.Significant(FigureDigits)
	op := "= "
	if d.Rat().Cmp(f.rat()) != 0 {
		op = "≈ "
	}
	if f.isSmall() {
		return "= " + f.String() + " " + op + d.String()
	}
	return op + d.String()
}

// project shows a project's ID and name: 427 “Akademia Szkraba”.
func (t *textOut) project(id string) string {
	if name := t.names[id]; name != "" {
		return id + " “" + shorten(name, nameRunes) + "”"
	}
	return id
}

// plural writes n and the noun, with an s unless n is 1.
func plural(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.FormatInt(n, 10) + " " + noun + "s"
}

// shorten cuts s to at most n runes, ending it with "…" when cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// header writes the rule, the budget and how the rule works.
func (t *textOut) header() {
	x := t.x
	if t.officialHeader() {
		return
	}
	m := x.Rule.Method()
	t.line("%s: budget %s, %s, %s; %s spent.", x.Rule.Title(),
		t.amount(x.Budget), plural(int64(x.Voters), "voter"), plural(int64(x.Projects), "project"), t.amount(x.Spent))
	worth := "its cost if she approved it, the points she gave it, or its Borda score if she ranked it"
	score := "with approval ballots and cost utility, its number of votes"
	if x.Rule.Utility() == UtilityCardinality {
		worth = "1 for every project on her ballot"
		score = "with cardinality utility, its number of votes per unit of cost"
	}
	switch m {
	case MethodGreedy:
		t.line("Projects are considered one at a time, highest score first (ties by project ID), and each is funded "+
			"if its cost fits in what is left of the budget. A project's score is the total utility per unit of cost: "+
			"%s.", score)
		t.line("Scores are rounded to %d significant digits; ≈ marks a rounded figure.", FigureDigits)
		return
	case MethodPhragmen:
		t.line("Voters earn money at the same steady rate. A project is bought as soon as its approvers have earned " +
			"its cost between them, and each of them then carries the same load ℓ: all she has paid so far. So each " +
			"round funds the project with the smallest load (the loads of its approvers + its cost) / its approvers; " +
			"the rule stops when a project tied for the smallest load does not fit in what is left of the budget.")
	default:
		t.voterBudget()
		t.line("In each round the project that its supporters can buy at the lowest price ρ per unit of utility is "+
			"funded: each supporter pays ρ times what the project is worth to her (%s), or all she has left if that "+
			"is less. A project whose supporters hold less than its cost in all can no longer be funded.", worth)
	}
	t.line("Shares, payments and loads are rounded to %d decimal places, other figures to %d significant digits; "+
		"≈ marks a rounded figure.", max(AmountPlaces, t.places), FigureDigits)
}

// voterBudget writes what each voter started with under equal shares.
func (t *textOut) voterBudget() {
	x := t.x
	if x.Voters == 0 || x.VoterBudget == nil {
		t.line("Nobody voted, so nobody holds any of the budget.")
		return
	}
	share := NewFraction(new(big.Rat).Quo(x.Budget.Rat(), big.NewRat(int64(x.Voters), 1)))
	if x.VoterBudget.Cmp(share) == 0 {
		t.line("Every voter started with an equal share of the budget: %s / %d = %s.", t.amount(x.Budget), x.Voters, t.money(share))
		return
	}
	how := "one currency unit at a time by the " + CompletionAdd1.Text()
	if x.Rule.Completion() == CompletionExh1pct {
		how = "by the " + CompletionExh1pct.Text() + ", which raises the whole budget 1 % at a time,"
	}
	t.line("Every voter started with %s: the equal share of the budget, %s / %d = %s, raised %s until the "+
		"outcome left nothing that still fits, or the next raise would overspend (%s of the method).",
		t.money(*x.VoterBudget), t.amount(x.Budget), x.Voters, t.money(share), how, plural(int64(x.Runs), "run"))
}

// shareRound writes a round of the Method of Equal Shares.
func (t *textOut) shareRound(rd Round) {
	t.line("")
	if rd.Rho == nil {
		t.line("Round %d: %s funded at once: it costs %s and some voters gain from it.", rd.Number, t.project(rd.Project), t.amount(rd.Cost))
		return
	}
	t.line("Round %d: %s funded for %s at ρ %s.", rd.Number, t.project(rd.Project), t.amount(rd.Cost), equals(*rd.Rho))
	mixed := false
	for _, g := range rd.Supporters {
		mixed = mixed || g.Utility.Cmp(rd.Supporters[0].Utility) != 0
	}
	tb := &table{head: []string{"supporters", "had each", "paid each", "left each"}, right: []bool{true, true, true, true}}
	if mixed {
		tb.head = slices.Insert(tb.head, 1, "utility each")
		tb.right = append(tb.right, true)
	}
	for i, g := range rd.Supporters {
		if i == maxGroupRows-1 && len(rd.Supporters) > maxGroupRows {
			var voters int64
			paid := new(big.Rat)
			for _, h := range rd.Supporters[i:] {
				voters += h.Voters
				paid.Add(paid, new(big.Rat).Mul(h.Paid.rat(), big.NewRat(h.Voters, 1)))
			}
			t.lines(tb, "  ")
			t.line("  … and %d more groups: %s, who paid %s in all.", len(rd.Supporters)-i, plural(voters, "supporter"), t.money(NewFraction(paid)))
			t.line("  %s of the budget left.", t.amount(rd.After))
			return
		}
		row := []string{strconv.FormatInt(g.Voters, 10), t.money(g.Before), t.money(g.Paid), t.money(g.After)}
		if mixed {
			row = slices.Insert(row, 1, figure(g.Utility))
		}
		tb.rows = append(tb.rows, row)
	}
	t.lines(tb, "  ")
	t.line("  %s of the budget left.", t.amount(rd.After))
}

// greedyTable writes greedy's rounds as one table.
func (t *textOut) greedyTable(rounds []Round) {
	t.line("")
	tb := &table{head: []string{"round", "project", "votes", "score", "cost", "left before", "decision"},
		right: []bool{true, false, true, true, true, true, false}}
	for _, rd := range rounds {
		score, decision := "+∞", "funded"
		if rd.Score != nil {
			score = figure(*rd.Score)
		}
		switch rd.Kind {
		case StepKindSkipped:
			decision = "skipped: does not fit"
		case StepKindStopped:
			decision = "does not fit: the walk stops"
		}
		tb.rows = append(tb.rows, []string{strconv.Itoa(rd.Number), t.project(rd.Project), strconv.FormatInt(rd.Votes, 10),
			score, t.amount(rd.Cost), t.amount(rd.Before), decision})
	}
	t.lines(tb, "  ")
}

// phragmenRounds writes Phragmén's rounds as a table and the round that
// stopped it as a sentence.
func (t *textOut) phragmenRounds(rounds []Round) {
	t.line("")
	tb := &table{head: []string{"round", "project", "approvers", "load ℓ", "cost", "left after"},
		right: []bool{true, false, true, true, true, true}}
	var stop *Round
	for i, rd := range rounds {
		if rd.Kind != StepKindFunded {
			stop = &rounds[i]
			continue
		}
		tb.rows = append(tb.rows, []string{strconv.Itoa(rd.Number), t.project(rd.Project), strconv.FormatInt(rd.Votes, 10),
			t.load(rd.Load), t.amount(rd.Cost), t.amount(rd.After)})
	}
	t.lines(tb, "  ")
	if stop != nil {
		left := "only " + t.amount(stop.Before)
		if stop.Before.IsZero() {
			left = "nothing"
		}
		t.line("Round %d: %s came next, with load ℓ = %s, but it costs %s and %s was left: the rule stopped.",
			stop.Number, t.project(stop.Project), t.load(stop.Load), t.amount(stop.Cost), left)
	}
}

// load shows a Phragmén load; nil is +∞ (nobody approves the project).
func (t *textOut) load(f *Fraction) string {
	if f == nil {
		return "+∞"
	}
	return t.money(*f)
}

// unfunded writes each project not funded with why.
func (t *textOut) unfunded() {
	x := t.x
	t.line("")
	if len(x.Unfunded) == 0 {
		t.line("Every project was funded.")
		return
	}
	t.line("Not funded (%d of %s):", len(x.Unfunded), plural(int64(x.Projects), "project"))
	for _, u := range x.Unfunded {
		t.line("  %s, %s, %s:", t.project(u.Project), t.amount(u.Cost), plural(u.Votes, "vote"))
		for _, r := range u.Reasons {
			t.line("    %s: %s", t.by(r.Method), t.why(r))
		}
	}
}

// by names the method that gave a reason.
func (t *textOut) by(m Method) string {
	switch {
	case m == MethodGreedy && t.x.Rule.Method() == MethodEqualShares:
		return "Greedy completion"
	case m == MethodEqualShares:
		return "Equal shares"
	}
	return m.Title()
}

// why says a reason in a sentence.
func (t *textOut) why(r Reason) string {
	if s, ok := t.officialWhy(r); ok {
		return s
	}
	remaining := func() string {
		if r.Remaining == nil || r.Remaining.IsZero() {
			return "nothing"
		}
		return "only " + t.amount(*r.Remaining)
	}
	held := func() string {
		if r.Held == nil {
			return t.money(Fraction{})
		}
		return t.money(*r.Held)
	}
	switch r.Kind {
	case ReasonKindNoSupport:
		return "no voter gains anything from it under this rule's utility, so it was never a candidate."
	case ReasonKindUnaffordable:
		return fmt.Sprintf("its supporters held only %s in all from the start, less than its cost.", held())
	case ReasonKindOutbid:
		var rho, rival Fraction
		if r.Rho != nil {
			rho = *r.Rho
		}
		if r.RivalRho != nil {
			rival = *r.RivalRho
		}
		s := fmt.Sprintf("in round %d, %s cost less per unit of utility (ρ %s, against ρ %s for this project)",
			r.Round, t.project(r.Rival), equals(rival), equals(rho))
		if rho.Cmp(rival) == 0 {
			s = fmt.Sprintf("in round %d, %s was just as cheap per unit of utility (ρ %s) and comes first by project ID",
				r.Round, t.project(r.Rival), equals(rho))
		}
		return s + fmt.Sprintf("; after that round its supporters held %s in all, less than its cost.", held())
	case ReasonKindDidNotFit:
		if r.Method == MethodPhragmen {
			return fmt.Sprintf("in round %d it came next, with load ℓ = %s, but %s was left, so the rule stopped.",
				r.Round, t.load(r.Load), remaining())
		}
		return fmt.Sprintf("in round %d it did not fit: %s was left.", r.Round, remaining())
	case ReasonKindOverBudget:
		return "it costs more than the whole budget, so the rule set it aside before the first round."
	case ReasonKindNotReached:
		return fmt.Sprintf("the rule stopped in round %d, when %s (load ℓ = %s) did not fit (%s was left), "+
			"before this project's turn (its load ℓ would have been %s).", r.Round, t.project(r.Rival), t.load(r.RivalLoad),
			remaining(), t.load(r.Load))
	}
	return r.Kind.Text() + "."
}

// table is a text table whose columns are padded to the widest cell, in
// runes, and aligned left or right.
type table struct {
	head  []string
	right []bool
	rows  [][]string
}

// lines writes tb, each line starting with indent.
func (t *textOut) lines(tb *table, indent string) { writeTable(&t.b, tb, indent) }

// writeTable writes tb to b, each line starting with indent; the last
// column is not padded, so no line ends in spaces.
func writeTable(b *strings.Builder, tb *table, indent string) {
	width := make([]int, len(tb.head))
	for _, row := range append([][]string{tb.head}, tb.rows...) {
		for j, c := range row {
			width[j] = max(width[j], utf8.RuneCountInString(c))
		}
	}
	for _, row := range append([][]string{tb.head}, tb.rows...) {
		b.WriteString(indent)
		for j, c := range row {
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(c))
			switch {
			case tb.right[j]:
				b.WriteString(pad + c)
			case j < len(row)-1:
				b.WriteString(c + pad)
			default:
				b.WriteString(c)
			}
			if j < len(row)-1 {
				b.WriteString("  ")
			}
		}
		b.WriteByte('\n')
	}
}
