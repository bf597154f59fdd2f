package riverside

import (
	"fmt"
	"strings"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/stakeholder"
)

// partDocs are the parts of the report for people, indexed by Part.
var partDocs = [...]func(*Consultation) (Doc, error){
	PartHeader: headerDoc, PartPlan: planDoc, PartOutreach: outreachDoc, PartActivities: activityDoc,
	PartInput: inputDoc, PartPetition: petitionDoc, PartDecision: decisionDoc,
	PartCommitments: commitmentDoc, PartAudit: auditDoc, PartScorecards: scorecardDoc,
}

// Doc returns one part of the report written for people, as a [Doc] of
// paragraphs, lists and tables that a program renders in its own form.
func (c *Consultation) Doc(part Part) (Doc, error) {
	if part < PartHeader || part > PartScorecards {
		return Doc{}, fmt.Errorf("riverside: no report part %d", int(part))
	}
	return partDocs[part](c)
}

// headerDoc names the process, its promise, its rules and its history.
func headerDoc(c *Consultation) (Doc, error) {
	pr := c.Process
	r := pr.Rules()
	var d Doc
	d.Say("%s asks: “%s” It promises the IAP2 level %s: “%s”", pr.Authority().Name(), pr.Question(), pr.Level().Text(), pr.Level().Promise())
	d.List("The rules it sets itself, and must keep:",
		fmt.Sprintf("%d days' notice before the consultation opens", r.NoticeDays),
		fmt.Sprintf("every contribution answered within %d days, and before the decision", r.ResponseDays),
		fmt.Sprintf("at least %d contributors, residents aged %d or over", r.MinParticipants, r.Eligibility.MinAge))
	t := Table{Caption: "The process, step by step", Head: []string{"Date", "Step"}}
	for h := range pr.History() {
		t.Rows = append(t.Rows, []string{Day(h.At), Sentence(h.To.Text())})
	}
	d.Add(t)
	return d, nil
}

// planDoc tells the plan the map gives and its coverage.
func planDoc(c *Consultation) (Doc, error) {
	pl, err := c.Process.Plan(c.Stakeholders, stakeholder.Grid{})
	if err != nil {
		return Doc{}, err
	}
	var d Doc
	t := Table{Caption: "Level and methods recommended for each stakeholder, and the deepest level the planned activities reach it at",
		Head: []string{"Stakeholder", "Quadrant", "Salience", "Recommended level", "Reached at", "Suggested methods"}}
	for _, r := range pl.Recommendations {
		reached, methods := recommended(r, "not reached")
		t.Rows = append(t.Rows, []string{r.Name, r.Quadrant.Label(), r.Salience.Text(), r.Level.Text(), reached, Or(methods)})
	}
	d.Add(t)
	cov := pl.Coverage()
	var gaps []string
	for _, r := range cov.Unreached {
		gaps = append(gaps, fmt.Sprintf("%s is not reached at all (%s, %s; it should be %s)", r.Name, strings.ToLower(r.Quadrant.Label()), r.Salience.Text(), levelVerb(r.Level)))
	}
	for _, r := range cov.Shallow {
		gaps = append(gaps, fmt.Sprintf("%s is reached only at %s, below %s", r.Name, r.Deepest.Text(), r.Level.Text()))
	}
	d.List(fmt.Sprintf("Key stakeholders (key players and definitive ones) reached: %s. What the plan shows the council missed:", Share(cov.Reached)), gaps...)
	return d, nil
}

// recommended returns the level a recommendation is reached at (or
// unreached when none) and its methods' names.
func recommended(r engagement.Recommendation, unreached string) (reached string, methods []string) {
	reached = unreached
	if r.Reached() {
		reached = r.Deepest.Text()
	}
	methods = make([]string, len(r.Methods))
	for i, m := range r.Methods {
		methods[i] = m.Text()
	}
	return reached, methods
}

// levelVerb says what a level asks of the council: "involved".
func levelVerb(l engagement.Level) string {
	switch l {
	case engagement.LevelInform:
		return "informed"
	case engagement.LevelConsult:
		return "consulted"
	case engagement.LevelInvolve:
		return "involved"
	case engagement.LevelCollaborate:
		return "collaborated with"
	}
	return "empowered"
}

// outreachDoc tells the campaigns, their figures and mentions.
func outreachDoc(c *Consultation) (Doc, error) {
	var d Doc
	camps := Table{Caption: "One-way outreach campaigns", Head: []string{"Campaign", "Medium", "People reached", "Times seen"},
		Figures: []bool{false, false, true, true}}
	mentions := Table{Caption: "What the media wrote", Head: []string{"Date", "Outlet", "Headline", "Tone", "Audience"},
		Figures: []bool{false, false, false, false, true}}
	for cp := range c.Process.Campaigns() {
		f, _, _ := cp.Reach()
		camps.Rows = append(camps.Rows, []string{cp.Name(), cp.Medium().Text(), fmt.Sprint(f.Reach()), fmt.Sprint(f.Impressions())})
		for t, m := range cp.Mentions() {
			mentions.Rows = append(mentions.Rows, []string{Day(t), m.Outlet, "“" + m.Headline + "”", m.Mention.Tone.Text(), fmt.Sprint(m.Mention.Reach)})
		}
	}
	d.Add(camps)
	exposures, err := c.Process.Exposures()
	if err != nil {
		return Doc{}, err
	}
	d.Say("Together the campaigns made %d exposures: a person both reached counts twice, so this is at most the number of people reached, not a count of them.", exposures)
	d.Add(mentions)
	return d, nil
}

// activityDoc tells the activities with their attendance and input.
func activityDoc(c *Consultation) (Doc, error) {
	through := contributionsByActivity(c.Process)
	t := Table{Caption: "The activities", Head: []string{"Activity", "Method", "Date", "Kind", "Registered", "Attended", "Contributions"},
		Figures: []bool{false, false, false, false, true, true, true}}
	for a := range c.Process.Activities() {
		kind, registered, attended := "two-way", "", ""
		if a.Method().Direction() == engagement.CommunicationOneWay {
			kind = "one-way information"
		}
		if a.RegistrationRequired() {
			registered = fmt.Sprint(a.Registered())
		}
		if a.Method().Attended() {
			attended = fmt.Sprint(a.Attended())
		}
		t.Rows = append(t.Rows, []string{a.Title(), a.Method().Text(), Day(a.Start()), kind, registered, attended, fmt.Sprint(through[a.ID().String()])})
	}
	var d Doc
	d.Add(t)
	return d, nil
}

// contributionsByActivity counts the contributions made through each
// activity, by the activity's ID.
func contributionsByActivity(p *engagement.Process) map[string]int {
	through := map[string]int{}
	for ct := range p.Contributions() {
		through[ct.Activity().String()]++
	}
	return through
}

// tally counts the contributions by kind and by the kind of their answer,
// and the answers that came after the rules' response time.
type tally struct {
	kinds   map[engagement.ContributionKind]int
	answers map[engagement.ResponseKind]int
	late    int
}

func tallyInput(pr *engagement.Process) tally {
	t := tally{kinds: map[engagement.ContributionKind]int{}, answers: map[engagement.ResponseKind]int{}}
	for ct := range pr.Contributions() {
		t.kinds[ct.Kind()]++
		r, _ := ct.Response()
		t.answers[r.Kind]++
		if took, _ := ct.ResponseTime(); took > time.Duration(pr.Rules().ResponseDays)*engagement.Day {
			t.late++
		}
	}
	return t
}

// inputDoc tells the contributions by kind, the answers by kind, and the
// workshop's ideas with their answers.
func inputDoc(c *Consultation) (Doc, error) {
	pr := c.Process
	t := tallyInput(pr)
	var d Doc
	d.Say("%s from %s; %s took part in all. The council answered %d, %d of them after more than %d days.",
		plural(int64(pr.ContributionCount()), "contribution", "contributions"), plural(int64(pr.ContributorCount()), "person", "people"),
		plural(int64(pr.ParticipantCount()), "person", "people"), pr.AnsweredCount(), t.late, pr.Rules().ResponseDays)
	kinds := Table{Caption: "Contributions by kind", Head: []string{"Kind", "Contributions"}, Figures: []bool{false, true}}
	for k := engagement.ContributionKindComment; k.IsValid(); k++ {
		if t.kinds[k] > 0 {
			kinds.Rows = append(kinds.Rows, []string{Sentence(k.Text()), fmt.Sprint(t.kinds[k])})
		}
	}
	d.Add(kinds)
	answers := Table{Caption: "The council's answers", Head: []string{"Answer", "Contributions"}, Figures: []bool{false, true}}
	for k := engagement.ResponseKindAccepted; k.IsValid(); k++ {
		answers.Rows = append(answers.Rows, []string{Sentence(k.Text()), fmt.Sprint(t.answers[k])})
	}
	d.Add(answers)
	ideas := Table{Caption: "What the design workshop proposed, and the answers", Head: []string{"Idea", "Answer", "The council's reply"}}
	for ct := range pr.Contributions() {
		if ct.Activity() == workshop() {
			r, _ := ct.Response()
			ideas.Rows = append(ideas.Rows, []string{ct.Text(), r.Kind.Text(), r.Text})
		}
	}
	d.Add(ideas)
	return d, nil
}

// petitionDoc tells the petition and how the process answered it.
func petitionDoc(c *Consultation) (Doc, error) {
	in := c.Petition
	sub, _ := in.Submission()
	var d Doc
	d.Say("The %s “%s”, with %s, was submitted to %s on %s.", in.Kind().Text(), in.Title(), plural(int64(in.Count()), "support", "supports"), sub.To.Name, Day(sub.At))
	for t := range c.Process.Initiatives() {
		d.Say("The consultation took it up on %s and answered it on %s, when the council decided: %s. “%s”",
			Day(t.At), Day(t.Answer.At), t.Answer.Outcome.Text(), t.Answer.Text)
	}
	r, _ := in.Response()
	which := "another process"
	if r.Process == c.Process.ID() {
		which = "this consultation"
	}
	d.Say("The petition's own record agrees: it stands %s, and names %s as the process that answered it.", in.State().Text(), which)
	return d, nil
}

// decisionDoc tells the decision and the input it names.
func decisionDoc(c *Consultation) (Doc, error) {
	dec, ok := c.Process.Decision()
	if !ok {
		return Doc{}, fmt.Errorf("the process has not decided")
	}
	at, _ := c.Process.EnteredAt(engagement.StateDecided)
	var d Doc
	d.Say("The council decided on %s. %s.", Day(at), dec.Outcome)
	d.Say("Why: %s", dec.Rationale)
	t := Table{Caption: fmt.Sprintf("The %s the decision names as the input that shaped it", plural(int64(len(dec.ShapedBy)), "contribution", "contributions")),
		Head: []string{"Kind", "Contribution", "Answer", "Commitments"}, Figures: []bool{false, false, false, true}}
	for ct := range c.Process.DecisionInputs() {
		tr, err := c.Process.Trace(ct.ID())
		if err != nil {
			return Doc{}, err
		}
		r, _ := ct.Response()
		t.Rows = append(t.Rows, []string{Sentence(ct.Kind().Text()), "“" + ct.Text() + "”", r.Kind.Text(), fmt.Sprint(len(tr.Commitments))})
	}
	d.Add(t)
	return d, nil
}

// commitmentDoc tells each commitment's progress at the report date.
func commitmentDoc(c *Consultation) (Doc, error) {
	t := Table{Caption: "The commitments on " + Day(reportDate()), Head: []string{"Action", "Owner", "Due", "Progress", "Steps done", "Status"},
		Figures: []bool{false, false, false, true, false, false}}
	for cm := range c.Process.Commitments() {
		status := cm.Status().Text()
		if cm.Overdue(reportDate()) {
			status += ", overdue"
		}
		var done []string
		for _, m := range cm.Milestones() {
			if m.Done() {
				done = append(done, m.Name)
			}
		}
		steps := fmt.Sprintf("%d of %d", len(done), len(cm.Milestones()))
		if len(done) > 0 {
			steps += ": " + And(done)
		}
		t.Rows = append(t.Rows, []string{cm.Action(), cm.Owner(), Day(cm.Due()), cm.Progress().PercentText(), steps, status})
	}
	var d Doc
	d.Add(t)
	d.Say("Progress weighs each step by its share of the work: building a play area is 4 parts build to 1 part design and 1 part tender.")
	return d, nil
}

// auditDoc tells the promise audit.
func auditDoc(c *Consultation) (Doc, error) {
	a, err := c.Audit()
	if err != nil {
		return Doc{}, err
	}
	var d Doc
	d.Say("The council promised to %s, which corresponds to %s on Arnstein's ladder; its records show the residents reached %s (%s).",
		a.Level.Text(), a.Expected.Text(), a.Rung.Text(), a.Rung.Group().Text())
	t := Table{Caption: fmt.Sprintf("Each element of the promise on %s, with its evidence", Day(a.At)), Head: []string{"Element of the promise", "Finding", "Evidence"}}
	for _, f := range a.Findings {
		detail := f.Detail
		if !f.At.IsZero() {
			detail = strings.ReplaceAll(detail, f.At.Format(time.DateOnly), Day(f.At))
		}
		t.Rows = append(t.Rows, []string{Sentence(f.Element.Text()), f.Status.Text(), Sentence(detail)})
	}
	d.Add(t)
	verdict := "the rung its promise expects"
	if a.FellShort() {
		verdict = "below the rung its promise expects (" + a.Expected.Text() + ")"
	}
	d.Say("%d kept, %d broken, %d pending: the residents reached %s, %s.",
		a.Count(engagement.PromiseStatusKept), a.Count(engagement.PromiseStatusBroken), a.Count(engagement.PromiseStatusPending), a.Rung.Text(), verdict)
	return d, nil
}
