package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/internal/riverside"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
)

// story is one run of the tour: the records it built and the report it tells
// about them.
type story struct {
	report  *report
	c       *riverside.Consultation
	records records
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
}

// tell builds the records and the report, section by section.
func tell() (*story, error) {
	c, err := riverside.BuildConsultation()
	if err != nil {
		return nil, err
	}
	st := &story{
		report: &report{title: "civitas tour: Riverside, a fictional city"},
		c:      c,
		records: records{
			Stakeholders: c.Stakeholders,
			Process:      c.Process,
			Petition:     c.Petition,
		},
	}
	for _, step := range []func() error{
		st.stakeholders,
		st.plan,
		st.consultation,
		st.petition,
		st.meeting,
		st.budget,
		st.scorecards,
		st.audit,
		st.sideBySide,
	} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// part adds one part of the consultation report to s, as a table.
func (st *story) part(s *section, p riverside.Part) error {
	return s.tableFrom(func(w io.Writer) error { return st.c.WritePart(w, p) })
}

// stakeholders tells who matters to the park and how.
func (st *story) stakeholders() error {
	m := st.c.Stakeholders
	var grid stakeholder.Grid
	s := st.report.section("Who matters: the stakeholder map")
	s.say("Riverside's council plans to redesign its riverside park. Before it engages anyone it maps "+
		"who matters and how: %d stakeholders, placed on Mendelow's power/interest grid, classed by "+
		"Mitchell, Agle & Wood salience (power, legitimacy, urgency), linked by relationships, "+
		"and assessed for the gap between their attitude now and the attitude the project needs.", m.Len())
	if err := s.tableFrom(func(w io.Writer) error { return riverside.WriteStakeholderTables(w, m, grid) }); err != nil {
		return err
	}
	if err := s.tableFrom(func(w io.Writer) error { return riverside.WriteRelationshipFigures(w, m) }); err != nil {
		return err
	}
	if err := s.picture("grid.svg", "Power/interest grid: each stakeholder coloured by its attitude now",
		func(w io.Writer) error { return m.WriteGridSVG(w, grid) }); err != nil {
		return err
	}
	return s.picture("network.svg", "Relationships: who is a member of, funds, influences or opposes whom",
		m.WriteNetworkSVG)
}

// plan tells the plan the map gives, and whom it shows the council missed.
func (st *story) plan() error {
	s := st.report.section("The plan derived from the map")
	s.say("From each stakeholder's quadrant and salience the engagement package recommends an IAP2 level " +
		"and methods, then checks the activities actually planned: a key player or a definitive stakeholder " +
		"that no activity reaches is named, not averaged away.")
	return st.part(s, riverside.PartPlan)
}

// consultation tells the formal, top-down process.
func (st *story) consultation() error {
	s := st.report.section("Engagement: the council consults, top-down and formal")
	s.say("Engagement is started by a public body under rules it sets and must keep. The council promises " +
		"the IAP2 level 'involve', gives notice, reaches households with one-way outreach (the weakest form " +
		"of engagement), then holds two-way activities: a design workshop, a survey and a town hall with the " +
		"ward councillors. Every contribution is answered.")
	for _, p := range []riverside.Part{riverside.PartHeader, riverside.PartOutreach, riverside.PartActivities, riverside.PartInput} {
		if err := st.part(s, p); err != nil {
			return err
		}
	}
	funnel, err := consultationFunnel(st.c.Process)
	if err != nil {
		return err
	}
	st.records.Funnel = funnel
	s.say("The engagement funnel, each stage over the one before: most people the outreach reached never " +
		"took part, which is why one-way reach alone says little about engagement.")
	if err := s.tableFrom(func(w io.Writer) error { return writeFunnelTable(w, funnel) }); err != nil {
		return err
	}
	return s.picture("funnel.svg", "Engagement funnel: from people reached to input that shaped the decision",
		func(w io.Writer) error { return writeFunnelSVG(w, funnel) })
}

// petition tells the residents' own initiative, bottom-up and informal.
func (st *story) petition() error {
	s := st.report.section("Participation: residents petition for a bike lane, bottom-up and informal")
	s.say("Participation starts with residents, not with the council. Three neighbours draft a petition " +
		"for a protected bike lane on Elm Street and set their own rules for gathering support. " +
		"No official procedure is needed to start; the rules only decide when the council must answer.")
	s.table(st.c.PetitionStory)
	return nil
}

// meeting tells where the two meet: the petition taken up by the process,
// the decision that cites the input, and the commitments residents monitor.
func (st *story) meeting() error {
	s := st.report.section("Where they meet: the petition taken up, the decision, the commitments")
	s.say("A qualified initiative submitted to the council is taken up by the consultation and answered " +
		"when the process decides; both records keep the link. The decision names the contributions that " +
		"shaped it, and each commitment can be traced back to them.")
	for _, p := range []riverside.Part{riverside.PartPetition, riverside.PartDecision, riverside.PartCommitments} {
		if err := st.part(s, p); err != nil {
			return err
		}
	}
	return nil
}

// scorecards tells the process's and the six roles' scorecards.
func (st *story) scorecards() error {
	s := st.report.section("Scorecards: the process and the six roles in the field")
	s.say("Each figure has one written definition, its denominator and an exact value, held against a " +
		"target. The six roles in the field are each judged by their own figures.")
	cards, err := st.c.Scorecards()
	if err != nil {
		return err
	}
	st.records.Scorecards = cards
	return st.part(s, riverside.PartScorecards)
}

// audit tells what the council promised against what it did.
func (st *story) audit() error {
	s := st.report.section("The promise audit and the rung of Arnstein's ladder reached")
	s.say("The commonest failure of engagement is tokenism: a body that promises to consult and never says " +
		"what the input changed. The audit holds each element of the promised IAP2 level against the " +
		"records, kept or broken with its evidence, and names the rung of Arnstein's ladder the residents " +
		"reached in practice.")
	a, err := st.c.Audit()
	if err != nil {
		return err
	}
	st.records.Audit = a
	return st.part(s, riverside.PartAudit)
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
