package concerns_test

import (
	"encoding"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/stakeholder/concerns"
)

// enumCase is one enum type: its values' wire names, an undeclared value,
// its parser and a fresh value to unmarshal into.
type enumCase struct {
	names     []string
	values    []fmt.Stringer
	undefined fmt.Stringer
	parse     func(string) (fmt.Stringer, error)
	fresh     func() encoding.TextUnmarshaler
}

func stringers[E fmt.Stringer](vs ...E) []fmt.Stringer {
	out := make([]fmt.Stringer, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

func parser[E fmt.Stringer](p func(string) (E, error)) func(string) (fmt.Stringer, error) {
	return func(s string) (fmt.Stringer, error) { return p(s) }
}

// TestEnums checks every value of every enum: its wire name, parsing in
// any case and separator, text round trip, and one value out of range.
func TestEnums(t *testing.T) {
	tests := map[string]enumCase{
		"CaseKind": {[]string{"concern", "complaint"}, stringers(concerns.CaseKinds()...), concerns.CaseKind(3),
			parser(concerns.ParseCaseKind), func() encoding.TextUnmarshaler { return new(concerns.CaseKind) }},
		"IntakeChannel": {[]string{"phone", "email", "letter", "web_form", "in_person", "grievance_box", "community_meeting", "social_media", "third_party"},
			stringers(concerns.IntakeChannels()...), concerns.IntakeChannel(10), parser(concerns.ParseIntakeChannel),
			func() encoding.TextUnmarshaler { return new(concerns.IntakeChannel) }},
		"Severity": {[]string{"low", "medium", "high", "critical"}, stringers(concerns.Severities()...), concerns.Severity(5),
			parser(concerns.ParseSeverity), func() encoding.TextUnmarshaler { return new(concerns.Severity) }},
		"Disclosure": {[]string{"named", "pseudonymous", "anonymous"}, stringers(concerns.Disclosures()...), concerns.Disclosure(4),
			parser(concerns.ParseDisclosure), func() encoding.TextUnmarshaler { return new(concerns.Disclosure) }},
		"State": {[]string{"received", "acknowledged", "assessed", "awaiting_information", "investigating", "resolution_proposed", "accepted", "escalated", "closed"},
			stringers(concerns.States()...), concerns.State(10), parser(concerns.ParseState), func() encoding.TextUnmarshaler { return new(concerns.State) }},
		"Event": {[]string{"received", "acknowledged", "assessed", "information_requested", "information_provided", "extended", "investigation_started",
			"resolution_proposed", "accepted", "escalated", "closed", "withdrawn", "reopened", "linked"},
			stringers(concerns.Events()...), concerns.Event(15), parser(concerns.ParseEvent), func() encoding.TextUnmarshaler { return new(concerns.Event) }},
		"Outcome": {[]string{"resolved", "unresolved", "withdrawn", "referred"}, stringers(concerns.Outcomes()...), concerns.Outcome(5),
			parser(concerns.ParseOutcome), func() encoding.TextUnmarshaler { return new(concerns.Outcome) }},
		"Scope": {[]string{"in", "out"}, stringers(concerns.Scopes()...), concerns.Scope(3), parser(concerns.ParseScope),
			func() encoding.TextUnmarshaler { return new(concerns.Scope) }},
		"LinkKind": {[]string{"interaction", "process", "commitment"}, stringers(concerns.LinkKinds()...), concerns.LinkKind(4),
			parser(concerns.ParseLinkKind), func() encoding.TextUnmarshaler { return new(concerns.LinkKind) }},
		"IssueState": {[]string{"open", "closed"}, stringers(concerns.IssueStates()...), concerns.IssueState(3),
			parser(concerns.ParseIssueState), func() encoding.TextUnmarshaler { return new(concerns.IssueState) }},
		"IssueEvent": {[]string{"opened", "case_added", "process_linked", "commitment_linked", "action_added", "action_completed", "closed", "reopened"},
			stringers(concerns.IssueEvents()...), concerns.IssueEvent(9), parser(concerns.ParseIssueEvent),
			func() encoding.TextUnmarshaler { return new(concerns.IssueEvent) }},
		"BacklogBand": {[]string{"up_to_7_days", "8_to_30_days", "31_to_90_days", "over_90_days"}, stringers(concerns.BacklogBands()...),
			concerns.BacklogBand(5), parser(concerns.ParseBacklogBand), func() encoding.TextUnmarshaler { return new(concerns.BacklogBand) }},
		"Trend": {[]string{"down", "flat", "up"}, stringers(concerns.Trends()...), concerns.Trend(4), parser(concerns.ParseTrend),
			func() encoding.TextUnmarshaler { return new(concerns.Trend) }},
		"RowStatus": {[]string{"recorded", "partial", "rejected"}, stringers(concerns.RowStatuses()...), concerns.RowStatus(4),
			parser(concerns.ParseRowStatus), func() encoding.TextUnmarshaler { return new(concerns.RowStatus) }},
		"Figure": {[]string{"acknowledged_on_time", "proposed_on_time", "median_days_to_close", "p90_days_to_close", "resolved_share",
			"accepted_share", "escalation_rate", "reopen_rate", "aged_backlog", "repeat_complainants", "issues_trending_up"},
			stringers(concerns.Figures()...), concerns.Figure(12), parser(concerns.ParseFigure), func() encoding.TextUnmarshaler { return new(concerns.Figure) }},
	}
	for typ, tc := range tests {
		t.Run(typ, func(t *testing.T) {
			require.Len(t, tc.values, len(tc.names))
			for i, v := range tc.values {
				assert.Equal(t, tc.names[i], v.String())
				got, err := tc.parse(" " + upperDashed(tc.names[i]) + " ")
				require.NoError(t, err)
				assert.Equal(t, v, got)
				text, err := v.(encoding.TextMarshaler).MarshalText()
				require.NoError(t, err)
				u := tc.fresh()
				require.NoError(t, u.UnmarshalText(text))
				assert.Equal(t, v.String(), u.(fmt.Stringer).String())
			}
			assert.Equal(t, fmt.Sprintf("%s(%d)", typ, len(tc.names)+1), tc.undefined.String())
			_, err := tc.undefined.(encoding.TextMarshaler).MarshalText()
			require.ErrorIs(t, err, concerns.ErrInvalid)
			_, err = tc.parse("no such name")
			require.ErrorIs(t, err, concerns.ErrInvalid)
			require.ErrorIs(t, tc.fresh().UnmarshalText([]byte("nope")), concerns.ErrInvalid)
		})
	}
}

// upperDashed writes a wire name as "MANAGE-CLOSELY".
func upperDashed(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case c == '_':
			b[i] = '-'
		case c >= 'a' && c <= 'z':
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
