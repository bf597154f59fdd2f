package concerns_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/stakeholder/concerns"
)

// TestConfidentialComplainantAppearsInNoOutput checks that the confidential
// complainant of the quarter (cases 6 and 7) appears in no output meant to
// be read or published: a case's String, the report, the published figures
// and their JSON, the scorecard in each of its forms, the issues' lines and
// the errors of refused events. A named complainant who did not ask for
// confidentiality is shown, as a check that the test looks in the right
// place.
func TestConfidentialComplainantAppearsInNoOutput(t *testing.T) {
	r := quarter(t)
	secret := id(confidentialComplainant).String()
	var outputs []string
	add := func(s string) { outputs = append(outputs, s) }

	for c := range r.Cases() {
		add(c.String())
	}
	var report bytes.Buffer
	require.NoError(t, r.WriteReport(&report, "Park works", q1, asOf))
	add(report.String())
	fs, err := r.Performance(q1, asOf)
	require.NoError(t, err)
	b, err := json.Marshal(fs)
	require.NoError(t, err)
	add(string(b))
	card, err := fs.Scorecard("Park works")
	require.NoError(t, err)
	add(card.String())
	var md, csv bytes.Buffer
	require.NoError(t, card.WriteMarkdown(&md))
	require.NoError(t, card.WriteCSV(&csv))
	add(md.String())
	add(csv.String())
	b, err = json.Marshal(card)
	require.NoError(t, err)
	add(string(b))
	for is := range r.Issues() {
		b, err := json.Marshal(is.Summary(q1))
		require.NoError(t, err)
		add(string(b))
	}
	// Refusals on the confidential cases.
	add(r.Accept(id(6), officer, asOf).Error())
	add(r.Receive(func() concerns.CaseDetails {
		d := details(6, 0)
		d.Complainant = named(confidentialComplainant, true)
		return d
	}(), officer, asOf).Error())

	for i, out := range outputs {
		assert.NotContains(t, out, secret, "output %d reveals the confidential complainant", i)
	}
	c6, err := r.Case(id(6))
	require.NoError(t, err)
	assert.Contains(t, c6.String(), "a confidential complainant")
	c1, err := r.Case(id(1))
	require.NoError(t, err)
	assert.Contains(t, c1.String(), id(101).String(), "a named complainant without confidentiality is shown")

	// The register's own JSON keeps the complainant: it is the record.
	b, err = json.Marshal(r)
	require.NoError(t, err)
	assert.True(t, strings.Contains(string(b), secret))
}

// TestSummaryNeverPrinted checks that a case's words stay out of its
// String, since they may identify the complainant.
func TestSummaryNeverPrinted(t *testing.T) {
	r := newRegister(t)
	d := details(1, 0)
	d.Summary = "I live at 12 Elm Street"
	require.NoError(t, r.Receive(d, officer, t0))
	c, err := r.Case(id(1))
	require.NoError(t, err)
	assert.NotContains(t, c.String(), "Elm Street")
	assert.Equal(t, "complaint c0000000-0000-0000-0000-000000000001, noise (night work), medium severity, area north, "+
		"received 6 Jan 2025 by phone from an anonymous complainant: received", c.String())
}
