package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"

	"github.com/civitas-go/civitas/internal/riverside"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
)

// story is one run of the tour: the records it built and the report it tells
// about them.
type story struct {
	report  *report
	records records
}

// records is everything the run built, as written by -json: each field
// round-trips through encoding/json.
type records struct {
	Stakeholders *stakeholder.Map          `json:"stakeholders"`
	Scorecard    metrics.Scorecard         `json:"consultation_scorecard"`
	Petition     *participation.Initiative `json:"petition"`
}

// tell builds the records and the report, section by section.
func tell() (*story, error) {
	st := &story{report: &report{title: "civitas tour: Riverside, a fictional city"}}
	for _, step := range []func() error{
		st.stakeholders,
		st.consultation,
		st.petition,
	} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// stakeholders tells who matters to the park and how.
func (st *story) stakeholders() error {
	m, err := riverside.Stakeholders()
	if err != nil {
		return err
	}
	st.records.Stakeholders = m
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

// consultation tells the consultation's scorecard.
func (st *story) consultation() error {
	card, err := consultationScorecard(sampleConsultation())
	if err != nil {
		return err
	}
	st.records.Scorecard = card
	s := st.report.section("Engagement: the council consults")
	s.say("The council runs a formal consultation: it reaches households with a notice, holds a workshop, " +
		"gathers contributions and answers them. Each figure below is computed from the records and held " +
		"against a target.")
	return s.tableFrom(card.WriteText)
}

// petition tells the residents' own initiative, bottom-up and informal.
func (st *story) petition() error {
	s := st.report.section("Participation: residents petition for a bike lane")
	s.say("Participation starts with residents, not with the council. Three neighbours draft a petition " +
		"for a protected bike lane on Elm Street and set their own rules for gathering support. " +
		"No official procedure is needed to start; the rules only decide when the council must answer.")
	var b bytes.Buffer
	in, err := riverside.Petition(&b)
	if err != nil {
		return err
	}
	st.records.Petition = in
	s.table(b.String())
	return nil
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
