package riverside

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
)

// Part names one part of the consultation report, in the order
// [Consultation.WriteReport] tells them.
type Part int

// The parts of the consultation report.
const (
	PartHeader      Part = iota + 1 // the process, its promise, rules and history
	PartPlan                        // the plan from the stakeholder map and its coverage
	PartOutreach                    // one-way outreach campaigns and media mentions
	PartActivities                  // the activities held
	PartInput                       // contributions and the council's answers
	PartPetition                    // the residents' petition taken up
	PartDecision                    // the decision and the input that shaped it
	PartCommitments                 // commitments and their progress
	PartAudit                       // the promise audit and the Arnstein rung reached
	PartScorecards                  // the process and role scorecards
)

var parts = [...]func(*printer, *Consultation) error{
	PartHeader: header, PartPlan: plan, PartOutreach: outreachSection, PartActivities: activitySection,
	PartInput: inputSection, PartPetition: petitionSection, PartDecision: decisionSection,
	PartCommitments: commitmentSection, PartAudit: auditSection, PartScorecards: scorecards,
}

// WriteReport writes the whole consultation report, part by part, each
// under a numbered heading.
func (c *Consultation) WriteReport(w io.Writer) error {
	p := &printer{w: w}
	for part := PartHeader; part <= PartScorecards; part++ {
		if err := parts[part](p, c); err != nil {
			return err
		}
	}
	return p.err
}

// WritePart writes one part of the report without its heading, for a
// program (the tour) that gives the part a heading of its own.
func (c *Consultation) WritePart(w io.Writer, part Part) error {
	if part < PartHeader || part > PartScorecards {
		return fmt.Errorf("riverside: no report part %d", int(part))
	}
	p := &printer{w: w, bare: true}
	if err := parts[part](p, c); err != nil {
		return err
	}
	return p.err
}

// header names the process, its promise and its rules.
func header(p *printer, c *Consultation) error {
	pr := c.Process
	r := pr.Rules()
	p.printf("%s\n%s\n\n", pr.Title(), strings.Repeat("=", utf8.RuneCountInString(pr.Title())))
	p.printf("%s asks: %s\n", pr.Authority().Name(), pr.Question())
	p.printf("It promises to %s (IAP2): %s\n", pr.Level().Text(), pr.Level().Promise())
	p.printf("Rules: %d days' notice; every contribution answered within %d days and before the decision;\n"+
		"at least %d contributors, residents aged %d or over.\n", r.NoticeDays, r.ResponseDays, r.MinParticipants, r.Eligibility.MinAge)
	for t := range pr.History() {
		p.printf("  %s  %s\n", date(t.At), t.To.Text())
	}
	return nil
}

// plan prints the plan the map gives and its coverage report.
func plan(p *printer, c *Consultation) error {
	pl, err := c.Process.Plan(c.Stakeholders, stakeholder.Grid{})
	if err != nil {
		return err
	}
	p.section("1. Plan from the stakeholder map")
	rows := [][]string{{"Stakeholder", "Quadrant", "Salience", "Level", "Reached at", "Methods"}}
	for _, r := range pl.Recommendations {
		reached, methods := recommended(r, "-")
		rows = append(rows, []string{r.Name, strings.ToLower(r.Quadrant.Label()), r.Salience.String(), r.Level.Text(), reached, strings.Join(methods, ", ")})
	}
	p.table(rows, nil)
	cov := pl.Coverage()
	p.printf("\nKey stakeholders (key players and definitive ones) reached: %d of %d (%s)\n",
		cov.Reached.Numerator(), cov.Reached.Denominator(), cov.Reached.PercentText())
	for _, r := range cov.Unreached {
		p.printf("  not reached at all: %s (%s, %s; should be: %s)\n", r.Name, r.Quadrant.Label(), r.Salience, r.Level.Text())
	}
	for _, r := range cov.Shallow {
		p.printf("  reached only at %s, below %s: %s\n", r.Deepest.Text(), r.Level.Text(), r.Name)
	}
	return nil
}

// outreachSection prints the campaigns, their figures and mentions.
func outreachSection(p *printer, c *Consultation) error {
	p.section("2. Outreach (one-way)")
	for cp := range c.Process.Campaigns() {
		f, _, _ := cp.Reach()
		p.printf("%s (%s): %s, %s reached\n", cp.Name(), cp.Medium().Text(), plural(f.Impressions(), "impression", "impressions"),
			plural(f.Reach(), "person", "people"))
		for t, m := range cp.Mentions() {
			p.printf("  %s  %-8s %s (audience %d): %q\n", date(t), m.Mention.Tone, m.Outlet, m.Mention.Reach, m.Headline)
		}
	}
	exposures, err := c.Process.Exposures()
	if err != nil {
		return err
	}
	p.printf("Exposures: %d in all; a person both campaigns reached counts twice, so this is not a count of people.\n", exposures)
	return nil
}

// activitySection prints the activities with their attendance or input.
func activitySection(p *printer, c *Consultation) error {
	p.section("3. Activities")
	through := contributionsByActivity(c.Process)
	for a := range c.Process.Activities() {
		what := plural(int64(through[a.ID().String()]), "contribution", "contributions")
		switch {
		case a.Method().Direction() == engagement.CommunicationOneWay:
			what = "one-way information"
		case a.RegistrationRequired():
			what = fmt.Sprintf("%d registered, %d attended; %s", a.Registered(), a.Attended(), what)
		case a.Method().Attended():
			what = fmt.Sprintf("%d attended; %s", a.Attended(), what)
		}
		p.printf("%-36s %-12s %s  %s\n", a.Title(), a.Method().Text(), date(a.Start()), what)
	}
	return nil
}

// inputSection prints the contributions by kind and the answers by kind,
// and the workshop's ideas with their answers.
func inputSection(p *printer, c *Consultation) error {
	pr := c.Process
	p.section("4. Input and answers")
	t := tallyInput(pr)
	kinds, answers, late := t.kinds, t.answers, t.late
	p.printf("%s from %s (%s took part in all):\n", plural(int64(pr.ContributionCount()), "contribution", "contributions"),
		plural(int64(pr.ContributorCount()), "person", "people"), plural(int64(pr.ParticipantCount()), "person", "people"))
	for k := engagement.ContributionKindComment; k.IsValid(); k++ {
		if kinds[k] > 0 {
			p.printf("  %-16s %3d\n", k.Text(), kinds[k])
		}
	}
	p.printf("%d answered, %d of them after more than %d days:\n", pr.AnsweredCount(), late, pr.Rules().ResponseDays)
	for k := engagement.ResponseKindAccepted; k.IsValid(); k++ {
		p.printf("  %-16s %3d\n", k.Text(), answers[k])
	}
	p.printf("\nWhat the design workshop proposed, and the answers:\n")
	for ct := range pr.Contributions() {
		if ct.Activity() != workshop() {
			continue
		}
		r, _ := ct.Response()
		p.printf("  %q\n    %s: %s\n", ct.Text(), r.Kind.Text(), r.Text)
	}
	return nil
}

// petitionSection prints the petition and how the process answered it.
func petitionSection(p *printer, c *Consultation) error {
	p.section("5. The residents' petition (bottom-up)")
	in := c.Petition
	sub, _ := in.Submission()
	p.printf("%q (%s), %d supports, submitted to %s on %s\n", in.Title(), in.Kind().Text(), in.Count(), sub.To.Name, date(sub.At))
	for t := range c.Process.Initiatives() {
		p.printf("Taken up by the consultation on %s; answered on %s: %s\n  %q\n", date(t.At), date(t.Answer.At), t.Answer.Outcome.Text(), t.Answer.Text)
	}
	r, _ := in.Response()
	p.printf("The petition's own record: %s, answered by process %s (this one: %v)\n", in.State().Text(), r.Process, r.Process == c.Process.ID())
	return nil
}

// decisionSection prints the decision and the input it names.
func decisionSection(p *printer, c *Consultation) error {
	d, ok := c.Process.Decision()
	if !ok {
		return fmt.Errorf("the process has not decided")
	}
	at, _ := c.Process.EnteredAt(engagement.StateDecided)
	p.section("6. Decision of " + date(at))
	p.printf("%s.\nWhy: %s\n", d.Outcome, d.Rationale)
	p.printf("It names %s as the input that shaped it:\n", plural(int64(len(d.ShapedBy)), "contribution", "contributions"))
	for ct := range c.Process.DecisionInputs() {
		tr, err := c.Process.Trace(ct.ID())
		if err != nil {
			return err
		}
		p.printf("  %s %q → %s\n", ct.Kind().Text(), ct.Text(), plural(int64(len(tr.Commitments)), "commitment", "commitments"))
	}
	return nil
}

// commitmentSection prints each commitment's progress at the report date.
func commitmentSection(p *printer, c *Consultation) error {
	p.section("7. Commitments on " + date(reportDate()))
	rows := [][]string{{"Action", "Owner", "Due", "Progress", "Status"}}
	for cm := range c.Process.Commitments() {
		status := cm.Status().Text()
		if cm.Overdue(reportDate()) {
			status += ", overdue"
		}
		rows = append(rows, []string{cm.Action(), cm.Owner(), date(cm.Due()), cm.Progress().PercentText(), status})
	}
	p.table(rows, []bool{false, false, false, true, false})
	return nil
}

// Audit returns the promise audit of the consultation on the report date.
func (c *Consultation) Audit() (engagement.Audit, error) {
	return c.Process.Audit(reportDate())
}

// Scorecards returns the process scorecard and the six roles' scorecards on
// the report date, in the order of [scorecard.Roles].
func (c *Consultation) Scorecards() ([]metrics.Scorecard, error) {
	in := c.scorecardInput()
	sc, err := scorecard.ForProcess(in)
	if err != nil {
		return nil, err
	}
	cards := []metrics.Scorecard{sc}
	for _, r := range scorecard.Roles() {
		sc, err := scorecard.ForRole(r, in)
		if err != nil {
			return nil, err
		}
		cards = append(cards, sc)
	}
	return cards, nil
}

// auditSection prints the promise audit.
func auditSection(p *printer, c *Consultation) error {
	a, err := c.Audit()
	if err != nil {
		return err
	}
	p.section("8. Promise audit on " + date(reportDate()))
	for _, line := range a.Lines() {
		p.printf("%s\n", line)
	}
	verdict := "the rung its promise expects"
	if a.FellShort() {
		verdict = "below the rung its promise expects (" + a.Expected.Text() + ")"
	}
	p.printf("%d kept, %d broken, %d pending; the residents reached %s, %s\n",
		a.Count(engagement.PromiseStatusKept), a.Count(engagement.PromiseStatusBroken), a.Count(engagement.PromiseStatusPending), a.Rung.Text(), verdict)
	return nil
}

// scorecards prints the process scorecard, each role's, and the
// definitions of every figure shown.
func scorecards(p *printer, c *Consultation) error {
	p.section("9. Scorecards on " + date(reportDate()))
	p.printf("Role figures cover %s to %s; representativeness compares participants by area with\n"+
		"the districts' residents aged 16 and over, counts under 5 merged before the score.\n",
		date(quarter().Start), date(quarter().End.Add(-time.Nanosecond)))
	cards, err := c.Scorecards()
	if err != nil {
		return err
	}
	for _, sc := range cards {
		p.card(sc)
	}
	shown := scorecard.ProcessFigures()
	for _, r := range scorecard.Roles() {
		shown = append(shown, r.Figures()...)
	}
	slices.Sort(shown)
	p.printf("\nDefinitions\n")
	for _, f := range slices.Compact(shown) {
		p.printf("  %s: %s\n", f.Label(), f.Definition())
	}
	return nil
}

// plural writes n with its noun in the right number: "1 person", "2
// people".
func plural(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Grouped(n) + " " + many
}

// Grouped writes n with its thousands grouped by commas, as people read
// counts: 14,416 and 1,000, not 14416.
func Grouped(n int64) string {
	digits := strconv.FormatInt(n, 10)
	sign := ""
	if n < 0 {
		sign, digits = "-", digits[1:]
	}
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	return sign + b.String()
}

// date formats a time as its date.
func date(t time.Time) string { return t.Format(time.DateOnly) }

// section starts a section with its title.
func (p *printer) section(title string) {
	if p.bare {
		return
	}
	p.printf("\n%s\n%s\n", title, strings.Repeat("-", utf8.RuneCountInString(title)))
}

// table writes rows in columns padded by rune count, the first row as the
// header; right marks the columns to align right.
func (p *printer) table(rows [][]string, right []bool) {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, cell := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, cell := range r {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
			if i < len(right) && right[i] {
				b.WriteString(pad + cell)
			} else {
				b.WriteString(cell + pad)
			}
			if i < len(r)-1 {
				b.WriteString("  ")
			}
		}
		p.printf("  %s\n", strings.TrimRight(b.String(), " "))
	}
}

// card writes a scorecard as a table: indicator, value, basis, target,
// verdict, and a summary line.
func (p *printer) card(sc metrics.Scorecard) {
	p.printf("\n%s\n", sc.Title())
	rows := [][]string{{"Indicator", "Value", "Basis", "Target", "Verdict"}}
	for _, e := range sc.All() {
		rows = append(rows, []string{e.Indicator().Name(), e.ValueText(), e.Basis(), e.Indicator().TargetText(), e.Verdict().Text()})
	}
	p.table(rows, []bool{false, true, true, false, false})
	p.printf("  %d met, %d not met, %d undefined\n", sc.Count(metrics.VerdictMet), sc.Count(metrics.VerdictNotMet), sc.Count(metrics.VerdictUndefined))
}
