package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/internal/riverside"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/civitas-go/civitas/stakeholder/concerns"
)

// story is one run of the tour: the records it built and the report it tells
// about them.
type story struct {
	report  *report
	c       *riverside.Consultation
	records records
	// readers lists, per role, the sections whose answers it reads.
	readers map[scorecard.Role][]int
}

// records is everything the run built, as written by -json: each field
// round-trips through encoding/json, and decoding validates it as the
// constructors do.
type records struct {
	Stakeholders *stakeholder.Map          `json:"stakeholders"`
	Process      *engagement.Process       `json:"process"`
	Petition     *participation.Initiative `json:"petition"`
	Audit        engagement.Audit          `json:"audit"`
	Scorecards   []metrics.Scorecard       `json:"scorecards"`
	Funnel       []metrics.FunnelStep      `json:"funnel"`
	Budget       budgetRecords             `json:"participatory_budget"`
	// Complaints is the organisation's own register: it holds complainants'
	// pseudonymous IDs and is never published as it is.
	Complaints *concerns.Register `json:"complaints"`
}

// tell builds the records and the report, section by section. Each step
// adds one section; the guide to the report goes first once every section
// has said whom it answers.
func tell() (*story, error) {
	c, err := riverside.BuildConsultation()
	if err != nil {
		return nil, err
	}
	cards, err := c.Scorecards()
	if err != nil {
		return nil, err
	}
	a, err := c.Audit()
	if err != nil {
		return nil, err
	}
	st := &story{
		report: &report{title: "Riverside, a fictional city: its park, its residents and its budget, told by civitas"},
		c:      c,
		records: records{
			Stakeholders: c.Stakeholders,
			Process:      c.Process,
			Petition:     c.Petition,
			Audit:        a,
			Scorecards:   cards,
		},
		readers: map[scorecard.Role][]int{},
	}
	for _, step := range []func() error{
		st.stakeholders,
		st.plan,
		st.consultation,
		st.petition,
		st.meeting,
		st.complaints,
		st.budget,
		st.wardBudget,
		st.assembly,
		st.scorecards,
		st.audit,
		st.sideBySide,
	} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	st.guide()
	return st, nil
}

// section starts a section and returns it with a function that adds its
// table of answers and notes, for the guide, which roles read it.
func (st *story) section(title, lead string) (*section, func(...answer) error) {
	s := st.report.section(title, lead)
	n := len(st.report.sections) + 1 // the guide goes first
	return s, func(list ...answer) error {
		for _, a := range list {
			if r := st.readers[a.role]; len(r) == 0 || r[len(r)-1] != n {
				st.readers[a.role] = append(r, n)
			}
		}
		return st.answers(s, list...)
	}
}

// guide puts first a section that says how to read the report: who each
// role is, what it is judged by, and which sections answer it.
func (st *story) guide() {
	s := &section{title: "How to read this report",
		lead: "Riverside is a fictional city; every record is made up, and every figure is computed from the records by civitas, " +
			"exactly, with its denominator. The report follows the council and its residents through one year: who matters to " +
			"the riverside park, how the council consulted them (engagement: top-down and formal), how residents petitioned " +
			"on their own (participation: bottom-up and informal), where the two met, a real participatory budget, and a " +
			"ward's budget run as a process from the first proposal to the monitoring of what it funded."}
	s.say("Each section ends with a table that says which of its figures answers which question of the role that owns " +
		"it: the six roles in the field of community engagement, each judged by its own figures.")
	t := riverside.Table{Caption: "The six roles, what each is judged by, and where to read its answers",
		Head: []string{"Role", "Judged by", "Sections"}}
	for _, r := range scorecard.Roles() {
		var figures []string
		for _, f := range r.Figures() {
			figures = append(figures, strings.ToLower(f.Label()))
		}
		var sections []string
		for _, n := range st.readers[r] {
			sections = append(sections, fmt.Sprint(n))
		}
		t.Rows = append(t.Rows, []string{r.Label(), riverside.Sentence(riverside.And(figures)), riverside.And(sections)})
	}
	s.table(t)
	st.report.sections = slices.Insert(st.report.sections, 0, s)
}

// parts adds parts of the consultation report to s, in order.
func (st *story) parts(s *section, parts ...riverside.Part) error {
	for _, p := range parts {
		d, err := st.c.Doc(p)
		if err != nil {
			return err
		}
		s.doc(d)
	}
	return nil
}

// stakeholders tells who matters to the park and how.
func (st *story) stakeholders() error {
	m := st.c.Stakeholders
	var grid stakeholder.Grid
	s, answers := st.section("Who matters: the stakeholder map",
		fmt.Sprintf("Riverside's council plans to redesign its riverside park. Before it engages anyone it maps who matters and how: "+
			"%d stakeholders, placed on Mendelow's power/interest grid, classed by Mitchell, Agle & Wood salience (power, legitimacy, "+
			"urgency), linked by relationships, and assessed for the gap between their attitude now and the attitude the project needs.", m.Len()))
	s.doc(riverside.StakeholderDoc(m, grid))
	if err := s.picture("grid.svg", "Power/interest grid: each stakeholder marked by its attitude now, by colour and by shape",
		func(w io.Writer) error { return m.WriteGridSVG(w, grid) }); err != nil {
		return err
	}
	if err := s.picture("network.svg", "Relationships: who is a member of, funds, influences or opposes whom, with the coalitions and the brokers",
		m.WriteNetworkSVG); err != nil {
		return err
	}
	rel, err := riverside.RelationshipDoc(m)
	if err != nil {
		return err
	}
	s.doc(rel)
	return answers(
		ask(scorecard.RoleCommunityRelationsManager, "Are the council's relationships with stakeholders growing?", scorecard.FigureRelationshipGrowth),
		ask(scorecard.RoleCommunityRelationsManager, "Is the mood of its contacts improving?", scorecard.FigureReputationTrend),
		ask(scorecard.RoleCommunityRelationsOfficer, "Are inquiries answered on time?", scorecard.FigureInquiriesOnTime),
		ask(scorecard.RoleCommunityEngagementOfficer, "Is contact with stakeholders a dialogue?", scorecard.FigureDialogueShare),
	)
}

// plan tells the plan the map gives, and whom it shows the council missed.
func (st *story) plan() error {
	s, answers := st.section("The plan derived from the map",
		"From each stakeholder's quadrant and salience civitas recommends an IAP2 level and methods, then checks the "+
			"activities actually planned: a key player or a definitive stakeholder that no activity reaches is named, not averaged away.")
	if err := st.parts(s, riverside.PartPlan); err != nil {
		return err
	}
	pl, err := st.c.Process.Plan(st.c.Stakeholders, stakeholder.Grid{})
	if err != nil {
		return err
	}
	cov := pl.Coverage()
	return answers(told(scorecard.RolePublicEngagementCoordinator, "Does the plan reach every key stakeholder at the level it needs?",
		"Key stakeholders reached", fmt.Sprintf("%s; %d of them only below the level they need", riverside.Share(cov.Reached), len(cov.Shallow))))
}

// consultation tells the formal, top-down process.
func (st *story) consultation() error {
	s, answers := st.section("Engagement: the council consults, top-down and formal",
		"Engagement is started by a public body under rules it sets and must keep. The council promises the IAP2 level "+
			"involve, gives notice, reaches households with one-way outreach (the weakest form of engagement), then holds "+
			"two-way activities: a design workshop, a survey and a town hall with the ward councillors. Every contribution is answered.")
	if err := st.parts(s, riverside.PartHeader, riverside.PartOutreach, riverside.PartActivities, riverside.PartInput); err != nil {
		return err
	}
	funnel, err := consultationFunnel(st.c.Process)
	if err != nil {
		return err
	}
	st.records.Funnel = funnel
	s.say("The engagement funnel, each stage over the one before: most people the outreach reached never " +
		"took part, which is why one-way reach alone says little about engagement.")
	s.table(funnelTable(funnel))
	if err := s.picture("funnel.svg", "Engagement funnel: from the outreach's exposures to the people whose input shaped the decision, on a scale of powers of ten",
		func(w io.Writer) error { return writeFunnelSVG(w, funnel) }); err != nil {
		return err
	}
	return answers(
		ask(scorecard.RolePublicOutreachCoordinator, "How often did the outreach reach people?", scorecard.FigureExposures),
		ask(scorecard.RolePublicOutreachCoordinator, "What share of the residents heard of it?", scorecard.FigureVisibility),
		ask(scorecard.RolePublicOutreachCoordinator, "Did the media cover it?", scorecard.FigureMediaMentions),
		ask(scorecard.RoleCommunityRelationsManager, "Was the coverage favourable?", scorecard.FigureCoverageQuality),
		ask(scorecard.RoleCivicEngagementSpecialist, "Do the people who sign up come?", scorecard.FigureAttendanceRate),
		ask(scorecard.RolePublicEngagementCoordinator, "How many people took part?", scorecard.FigureParticipants),
		ask(scorecard.RolePublicEngagementCoordinator, "Is the input about the question asked?", scorecard.FigureSubstantiveShare),
		ask(scorecard.RolePublicEngagementCoordinator, "Is the input reasoned?", scorecard.FigureJustification),
		ask(scorecard.RoleCommunityRelationsOfficer, "How much feedback was gathered?", scorecard.FigureContributions),
		ask(scorecard.RoleCommunityRelationsOfficer, "Were the objections resolved?", scorecard.FigureConflictsResolved),
	)
}

// petition tells the residents' own initiative, bottom-up and informal.
func (st *story) petition() error {
	in := st.c.Petition
	s, answers := st.section("Participation: residents petition for a bike lane, bottom-up and informal",
		fmt.Sprintf("Participation starts with residents, not with the council. %s neighbours draft a petition for a protected "+
			"bike lane on Elm Street and set their own rules for gathering support. No official procedure is needed to start; "+
			"the rules only decide when the council must answer.", riverside.Sentence(numberWord(len(in.Initiators())))))
	d, err := st.c.PetitionDoc()
	if err != nil {
		return err
	}
	s.doc(d)
	var overall, elm string
	for _, r := range in.Requirements() {
		text := fmt.Sprintf("%d of the %d needed (%s)", r.Count, r.Threshold, r.Progress().PercentText())
		if r.Area == "" {
			overall = text
		} else {
			elm = text
		}
	}
	return answers(
		told(scorecard.RoleCivicEngagementSpecialist, "Can residents gather support on their own?", "Supports", overall),
		told(scorecard.RoleCommunityEngagementOfficer, "Is the street most concerned heard?", "Supports from Elm", elm),
	)
}

// meeting tells where the two meet: the petition taken up by the process,
// the decision that cites the input, and the commitments residents monitor.
func (st *story) meeting() error {
	s, answers := st.section("Where they meet: the petition taken up, the decision, the commitments",
		"A qualified initiative submitted to the council is taken up by the consultation and answered "+
			"when the process decides; both records keep the link. The decision names the contributions that "+
			"shaped it, and each commitment can be traced back to them.")
	if err := st.parts(s, riverside.PartPetition, riverside.PartDecision, riverside.PartCommitments); err != nil {
		return err
	}
	tu, ok := st.c.Process.Initiative(st.c.Petition.ID())
	if !ok {
		return fmt.Errorf("the consultation did not take up the petition")
	}
	rung, err := st.c.Petition.Assess(riverside.PetitionOutcome)
	if err != nil {
		return err
	}
	s.say("What the petition achieved is another matter than what the council answered. The council answered "+
		"“%s”, and builds a protected lane on Elm Street; but it set the route and the date itself, as part of the park's "+
		"redesign, and shared no decision with the petitioners. An assessor therefore finds the petition %s: "+
		"%s on Arnstein's ladder (%s).", tu.Answer.Outcome.Text(), riverside.PetitionOutcome.Text(), rung.Text(), rung.Group().Text())
	return answers(
		ask(scorecard.RoleCivicEngagementSpecialist, "Did community input shape the decision?", scorecard.FigureInfluenceRate),
		ask(scorecard.RoleCommunityEngagementOfficer, "Was every district heard?", scorecard.FigureRepresentativeness),
		ask(scorecard.RolePublicEngagementCoordinator, "Is the council doing what it committed to, on time?", scorecard.FigureImplementationProgress),
	)
}

// scorecards tells the process's and the six roles' scorecards.
func (st *story) scorecards() error {
	s, answers := st.section("Scorecards: the process and the six roles in the field",
		"Each figure has one written definition, its denominator and an exact value, held against a "+
			"target. The six roles in the field are each judged by their own figures; each table below is one role's scorecard.")
	if err := st.parts(s, riverside.PartScorecards); err != nil {
		return err
	}
	return answers(
		ask(scorecard.RoleCivicEngagementSpecialist, "Do residents give their time?", scorecard.FigureVolunteerRate),
		ask(scorecard.RoleCommunityEngagementOfficer, "Do residents have a voice in the decision?", scorecard.FigureInfluenceRate),
	)
}

// audit tells what the council promised against what it did.
func (st *story) audit() error {
	s, answers := st.section("The promise audit and the rung of Arnstein's ladder reached",
		"The commonest failure of engagement is tokenism: a body that promises to consult and never says "+
			"what the input changed. The audit holds each element of the promised IAP2 level against the "+
			"records, kept or broken with its evidence, and names the rung of Arnstein's ladder the residents "+
			"reached in practice.")
	if err := st.parts(s, riverside.PartAudit); err != nil {
		return err
	}
	a := st.records.Audit
	return answers(
		told(scorecard.RolePublicEngagementCoordinator, "Did the council keep the promise of its IAP2 level?", "Elements of the promise kept",
			fmt.Sprintf("%d of %d", a.Count(engagement.PromiseStatusKept), len(a.Findings))),
		ask(scorecard.RoleCommunityRelationsOfficer, "Was every contribution answered?", scorecard.FigureClosingTheLoop),
		ask(scorecard.RoleCommunityRelationsOfficer, "Were answers on time?", scorecard.FigureP90ResponseTime),
	)
}

// numberWord writes a small count as a word: "two".
func numberWord(n int) string {
	if words := []string{"no", "one", "two", "three", "four", "five"}; n < len(words) {
		return words[n]
	}
	return fmt.Sprint(n)
}

// writeJSON writes the run's records to dir/tour.json.
func (st *story) writeJSON(dir string) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(st.records); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "tour.json"), b.Bytes(), 0o644)
}
