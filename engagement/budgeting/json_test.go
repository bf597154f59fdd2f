package budgeting_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

func TestElectionJSONRoundTrip(t *testing.T) {
	files, err := filepath.Glob("testdata/*.pb")
	require.NoError(t, err)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			e, err := budgeting.ReadFile(f)
			require.NoError(t, err)
			data, err := json.Marshal(e)
			require.NoError(t, err)
			var back budgeting.Election
			require.NoError(t, json.Unmarshal(data, &back))
			assert.True(t, e.Equal(&back))
			again, err := json.Marshal(&back)
			require.NoError(t, err)
			assert.JSONEq(t, string(data), string(again))
		})
	}
}

func TestElectionJSONForm(t *testing.T) {
	e := mustParse(t, "META\nkey;value\nbudget;10.0\nvote_type;scoring\nPROJECTS\nproject_id;cost;votes\na;4.50;1\n"+
		"VOTES\nvoter_id;vote;points;age\nv1;a;2.5;40\n")
	data, err := json.Marshal(e)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"meta": [{"key": "budget", "value": "10.0"}, {"key": "vote_type", "value": "scoring"}],
		"project_columns": ["project_id", "cost", "votes"],
		"projects": [{"id": "a", "cost": "4.50", "extra": [{"key": "votes", "value": "1"}]}],
		"vote_columns": ["voter_id", "vote", "points", "age"],
		"votes": [{"voter_id": "v1", "vote": ["a"], "points": ["2.5"], "attributes": [{"key": "age", "value": "40"}]}]
	}`, string(data))
}

func TestElectionJSONErrors(t *testing.T) {
	good := `{"meta":[{"key":"budget","value":"10"},{"key":"vote_type","value":"approval"}],` +
		`"project_columns":["project_id","cost"],"projects":[{"id":"a","cost":"4"}],` +
		`"vote_columns":["voter_id","vote"],"votes":[{"voter_id":"v1","vote":["a"]}]}`
	var e budgeting.Election
	require.NoError(t, json.Unmarshal([]byte(good), &e))
	tests := []struct {
		name, from, to string
		want           error
	}{
		{"no budget", `{"key":"budget","value":"10"},`, ``, budgeting.ErrMissingField},
		{"negative budget", `"value":"10"`, `"value":"-10"`, budgeting.ErrNegativeCost},
		{"bad cost", `"cost":"4"`, `"cost":"4,5"`, budgeting.ErrInvalidNumber},
		{"no cost column", `["project_id","cost"]`, `["project_id"]`, budgeting.ErrMissingField},
		{"unknown project", `"vote":["a"]`, `"vote":["b"]`, budgeting.ErrUnknownProject},
		{"attribute not a column", `"vote":["a"]}`, `"vote":["a"],"attributes":[{"key":"age","value":"1"}]}`, budgeting.ErrInvalid},
		{"no vote column", `["voter_id","vote"]`, `["voter_id"]`, budgeting.ErrMissingField},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(good, tc.from, tc.to, 1)
			require.NotEqual(t, good, bad)
			var got budgeting.Election
			require.ErrorIs(t, json.Unmarshal([]byte(bad), &got), tc.want)
			assert.Nil(t, got.Instance(), "unchanged on error")
		})
	}
	var got budgeting.Election
	require.Error(t, json.Unmarshal([]byte(`{"meta": 3}`), &got))
}

// TestDecodersWrapJSONErrors: every decoder of the package reports
// malformed JSON, or a value of the wrong JSON type, as ErrInvalid, with
// encoding/json's error kept in the chain.
func TestDecodersWrapJSONErrors(t *testing.T) {
	targets := map[string]any{
		"election":    &budgeting.Election{},
		"explanation": &budgeting.Explanation{},
		"analysis":    &budgeting.Analysis{},
		"fraction":    &budgeting.Fraction{},
	}
	for name, v := range targets {
		t.Run(name, func(t *testing.T) {
			err := json.Unmarshal([]byte(`[1]`), v)
			require.ErrorIs(t, err, budgeting.ErrInvalid)
			var typeErr *json.UnmarshalTypeError
			require.ErrorAs(t, err, &typeErr)
			err = v.(json.Unmarshaler).UnmarshalJSON([]byte(`{"a":`))
			require.ErrorIs(t, err, budgeting.ErrInvalid)
			var syntaxErr *json.SyntaxError
			require.ErrorAs(t, err, &syntaxErr)
		})
	}
}

// TestErrorsOfZeroValues: a nil or zero ParseError and a zero Warning print
// without panicking.
func TestErrorsOfZeroValues(t *testing.T) {
	var nilErr *budgeting.ParseError
	assert.NotPanics(t, func() { assert.NotEmpty(t, nilErr.Error()) })
	assert.NoError(t, nilErr.Unwrap())
	assert.NotPanics(t, func() { assert.NotEmpty(t, (&budgeting.ParseError{}).Error()) })
	assert.NotPanics(t, func() { assert.NotEmpty(t, budgeting.Warning{}.Error()) })
	assert.Equal(t, "line 3: budgeting: malformed .pb file", (&budgeting.ParseError{Line: 3}).Error())
}
