package budgeting_test

import (
	"encoding"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/budgeting"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestNewInstance(t *testing.T) {
	ps := []budgeting.Project{
		{ID: "1", Cost: dec("5"), Name: "Lamps", Categories: []string{"safety"}, Extra: []budgeting.Field{{Key: "votes", Value: "3"}}},
		{ID: "2", Cost: dec("7.50")},
	}
	in, err := budgeting.NewInstance(dec("10"), budgeting.Approval, ps, budgeting.Field{Key: "country", Value: "Poland"})
	require.NoError(t, err)
	assert.Equal(t, []budgeting.Field{{Key: "budget", Value: "10"}, {Key: "vote_type", Value: "approval"}, {Key: "country", Value: "Poland"}}, in.MetaFields())
	assert.Equal(t, []string{"project_id", "cost", "name", "category", "votes"}, in.Columns())
	// The instance keeps copies: changing the caller's slices changes
	// nothing, and the projects returned are copies too.
	ps[0].Categories[0] = "changed"
	p := in.Project(0)
	assert.Equal(t, []string{"safety"}, p.Categories)
	p.Categories[0] = "changed"
	assert.Equal(t, []string{"safety"}, in.Project(0).Categories)
	// Project 2 gets the extra column with no value.
	assert.Equal(t, []budgeting.Field{{Key: "votes", Value: ""}}, in.Project(1).Extra)
	assert.True(t, in.Cost(1).Equal(dec("7.5")))
	country, ok := in.Meta("country")
	assert.True(t, ok)
	assert.Equal(t, "Poland", country)
	_, ok = in.Meta("unit")
	assert.False(t, ok)
	n := 0
	for i, p := range in.Projects() {
		assert.Equal(t, in.ProjectID(i), p.ID)
		n++
		break // stopping early is allowed
	}
	assert.Equal(t, 1, n)

	// budget and vote_type given in meta keep their place.
	in, err = budgeting.NewInstance(dec("10"), budgeting.Ordinal, nil,
		budgeting.Field{Key: "description", Value: "x"}, budgeting.Field{Key: "vote_type", Value: "ordinal"},
		budgeting.Field{Key: "budget", Value: "10.0"})
	require.NoError(t, err)
	assert.Equal(t, []budgeting.Field{{Key: "description", Value: "x"}, {Key: "vote_type", Value: "ordinal"}, {Key: "budget", Value: "10"}}, in.MetaFields())
	assert.Equal(t, 0, in.Len())
}

func TestNewInstanceErrors(t *testing.T) {
	ok := budgeting.Project{ID: "a", Cost: dec("1")}
	tests := []struct {
		name     string
		budget   string
		vt       budgeting.VoteType
		projects []budgeting.Project
		meta     []budgeting.Field
		want     error
	}{
		{"negative budget", "-1", budgeting.Approval, nil, nil, budgeting.ErrNegativeCost},
		{"no vote type", "1", 0, nil, nil, budgeting.ErrInvalidValue},
		{"negative cost", "1", budgeting.Approval, []budgeting.Project{{ID: "a", Cost: dec("-1")}}, nil, budgeting.ErrNegativeCost},
		{"duplicate project", "1", budgeting.Approval, []budgeting.Project{ok, ok}, nil, budgeting.ErrDuplicateID},
		{"empty ID", "1", budgeting.Approval, []budgeting.Project{{Cost: dec("1")}}, nil, budgeting.ErrInvalidValue},
		{"padded ID", "1", budgeting.Approval, []budgeting.Project{{ID: " a", Cost: dec("1")}}, nil, budgeting.ErrInvalidValue},
		{"ID with a comma", "1", budgeting.Approval, []budgeting.Project{{ID: "a,b", Cost: dec("1")}}, nil, budgeting.ErrInvalidValue},
		{"name with a line break", "1", budgeting.Approval, []budgeting.Project{{ID: "a", Cost: dec("1"), Name: "x\ny"}}, nil, budgeting.ErrInvalidValue},
		{"category with a comma", "1", budgeting.Approval, []budgeting.Project{{ID: "a", Cost: dec("1"), Categories: []string{"x,y"}}}, nil, budgeting.ErrInvalidValue},
		{"empty target", "1", budgeting.Approval, []budgeting.Project{{ID: "a", Cost: dec("1"), Targets: []string{""}}}, nil, budgeting.ErrInvalidValue},
		{"extra field named like a column", "1", budgeting.Approval, []budgeting.Project{{ID: "a", Cost: dec("1"), Extra: []budgeting.Field{{Key: "Category", Value: "x"}}}}, nil, budgeting.ErrInvalidValue},
		{"extra field twice", "1", budgeting.Approval, []budgeting.Project{{ID: "a", Cost: dec("1"), Extra: []budgeting.Field{{Key: "v", Value: "1"}, {Key: "v", Value: "2"}}}}, nil, budgeting.ErrDuplicateID},
		{"extra value padded", "1", budgeting.Approval, []budgeting.Project{{ID: "a", Cost: dec("1"), Extra: []budgeting.Field{{Key: "v", Value: " 1"}}}}, nil, budgeting.ErrInvalidValue},
		{"extra column clashes", "1", budgeting.Approval, []budgeting.Project{{ID: "a", Cost: dec("1"), Name: "n", Extra: []budgeting.Field{{Key: "name", Value: "x"}}}}, nil, budgeting.ErrDuplicateID},
		{"META budget disagrees", "1", budgeting.Approval, nil, []budgeting.Field{{Key: "budget", Value: "2"}}, budgeting.ErrInvalidValue},
		{"META vote type disagrees", "1", budgeting.Approval, nil, []budgeting.Field{{Key: "vote_type", Value: "ordinal"}}, budgeting.ErrInvalidValue},
		{"META key twice", "1", budgeting.Approval, nil, []budgeting.Field{{Key: "unit", Value: "a"}, {Key: "unit", Value: "b"}}, budgeting.ErrDuplicateID},
		{"empty META key", "1", budgeting.Approval, nil, []budgeting.Field{{Key: "", Value: "a"}}, budgeting.ErrInvalidValue},
		{"bad min_length", "1", budgeting.Approval, nil, []budgeting.Field{{Key: "min_length", Value: "-1"}}, budgeting.ErrInvalidNumber},
		{"bad max_points", "1", budgeting.Approval, nil, []budgeting.Field{{Key: "max_points", Value: "many"}}, budgeting.ErrInvalidNumber},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := budgeting.NewInstance(dec(tc.budget), tc.vt, tc.projects, tc.meta...)
			require.ErrorIs(t, err, tc.want)
		})
	}
	// Every problem is reported, joined.
	_, err := budgeting.NewInstance(dec("-1"), budgeting.Approval, []budgeting.Project{{ID: "a", Cost: dec("-1")}, {ID: "a", Cost: dec("1")}})
	require.ErrorIs(t, err, budgeting.ErrNegativeCost)
	require.ErrorIs(t, err, budgeting.ErrDuplicateID)
}

func TestNewElectionErrors(t *testing.T) {
	approval, err := budgeting.NewInstance(dec("10"), budgeting.Approval,
		[]budgeting.Project{{ID: "a", Cost: dec("1")}, {ID: "b", Cost: dec("1")}}, budgeting.Field{Key: "max_length", Value: "1"})
	require.NoError(t, err)
	scoring, err := budgeting.NewInstance(dec("10"), budgeting.Scoring,
		[]budgeting.Project{{ID: "a", Cost: dec("1")}}, budgeting.Field{Key: "max_points", Value: "3"})
	require.NoError(t, err)
	one := []decimal.Decimal{dec("1")}
	tests := []struct {
		name  string
		inst  *budgeting.Instance
		votes []budgeting.Vote
		want  error
	}{
		{"no instance", nil, nil, budgeting.ErrInvalidValue},
		{"unknown project", approval, []budgeting.Vote{{VoterID: "1", Projects: []string{"c"}}}, budgeting.ErrUnknownProject},
		{"over max_length", approval, []budgeting.Vote{{VoterID: "1", Projects: []string{"a", "b"}}}, budgeting.ErrBallotTooLong},
		{"repeated project", scoring, []budgeting.Vote{{VoterID: "1", Projects: []string{"a", "a"}, Points: []decimal.Decimal{dec("1"), dec("1")}}}, budgeting.ErrRepeatedProject},
		{"duplicate voter", approval, []budgeting.Vote{{VoterID: "1"}, {VoterID: "1"}}, budgeting.ErrDuplicateID},
		{"empty voter ID", approval, []budgeting.Vote{{}}, budgeting.ErrInvalidValue},
		{"points on approval", approval, []budgeting.Vote{{VoterID: "1", Projects: []string{"a"}, Points: one}}, budgeting.ErrPointsMismatch},
		{"missing points", scoring, []budgeting.Vote{{VoterID: "1", Projects: []string{"a"}}}, budgeting.ErrPointsMismatch},
		{"negative points", scoring, []budgeting.Vote{{VoterID: "1", Projects: []string{"a"}, Points: []decimal.Decimal{dec("-1")}}}, budgeting.ErrInvalidValue},
		{"too many decimals", scoring, []budgeting.Vote{{VoterID: "1", Projects: []string{"a"}, Points: []decimal.Decimal{dec("0.0000000000000000001")}}}, budgeting.ErrInvalidNumber},
		{"over max_points", scoring, []budgeting.Vote{{VoterID: "1", Projects: []string{"a"}, Points: []decimal.Decimal{dec("3.5")}}}, budgeting.ErrTooManyPoints},
		{"attribute twice", approval, []budgeting.Vote{{VoterID: "1", Attributes: []budgeting.Field{{Key: "age", Value: "1"}, {Key: "age", Value: "2"}}}}, budgeting.ErrDuplicateID},
		{"attribute padded", approval, []budgeting.Vote{{VoterID: "1", Attributes: []budgeting.Field{{Key: "age", Value: "1 "}}}}, budgeting.ErrInvalidValue},
		{"attribute named vote", approval, []budgeting.Vote{{VoterID: "1", Attributes: []budgeting.Field{{Key: "vote", Value: "1"}}}}, budgeting.ErrDuplicateID},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := budgeting.NewElection(tc.inst, tc.votes)
			require.ErrorIs(t, err, tc.want)
		})
	}
}

func TestPointsScale(t *testing.T) {
	// Points with different numbers of decimals share one exact scale.
	inst, err := budgeting.NewInstance(dec("10"), budgeting.Cumulative, []budgeting.Project{{ID: "a", Cost: dec("1")}, {ID: "b", Cost: dec("1")}})
	require.NoError(t, err)
	e, err := budgeting.NewElection(inst, []budgeting.Vote{
		{VoterID: "1", Projects: []string{"a"}, Points: []decimal.Decimal{dec("2")}},
		{VoterID: "2", Projects: []string{"a", "b"}, Points: []decimal.Decimal{dec("0.25"), dec("1.5")}},
	})
	require.NoError(t, err)
	assert.Equal(t, "2", e.Profile().Ballot(0).Points(0).String())
	assert.Equal(t, "0.25", e.Profile().Ballot(1).Points(0).String())
	assert.Equal(t, "1.5", e.Profile().Ballot(1).Points(1).String())
}

func TestEnums(t *testing.T) {
	type enum interface {
		String() string
		MarshalText() ([]byte, error)
		IsValid() bool
	}
	tests := []struct {
		v     enum
		name  string
		parse func(string) (enum, error)
	}{
		{budgeting.Approval, "approval", func(s string) (enum, error) { return budgeting.ParseVoteType(s) }},
		{budgeting.ChooseOne, "choose-1", func(s string) (enum, error) { return budgeting.ParseVoteType(s) }},
		{budgeting.Cumulative, "cumulative", func(s string) (enum, error) { return budgeting.ParseVoteType(s) }},
		{budgeting.Scoring, "scoring", func(s string) (enum, error) { return budgeting.ParseVoteType(s) }},
		{budgeting.Ordinal, "ordinal", func(s string) (enum, error) { return budgeting.ParseVoteType(s) }},
		{budgeting.CostUtility, "cost", func(s string) (enum, error) { return budgeting.ParseUtility(s) }},
		{budgeting.CardinalityUtility, "card", func(s string) (enum, error) { return budgeting.ParseUtility(s) }},
		{budgeting.Greedy, "greedy", func(s string) (enum, error) { return budgeting.ParseMethod(s) }},
		{budgeting.EqualShares, "mes", func(s string) (enum, error) { return budgeting.ParseMethod(s) }},
		{budgeting.Phragmen, "phragmen", func(s string) (enum, error) { return budgeting.ParseMethod(s) }},
		{budgeting.NoCompletion, "none", func(s string) (enum, error) { return budgeting.ParseCompletion(s) }},
		{budgeting.Add1, "add1", func(s string) (enum, error) { return budgeting.ParseCompletion(s) }},
		{budgeting.Exh1pct, "exh1pct", func(s string) (enum, error) { return budgeting.ParseCompletion(s) }},
		{budgeting.Funded, "funded", func(s string) (enum, error) { return budgeting.ParseStepKind(s) }},
		{budgeting.Skipped, "skipped", func(s string) (enum, error) { return budgeting.ParseStepKind(s) }},
		{budgeting.Stopped, "stopped", func(s string) (enum, error) { return budgeting.ParseStepKind(s) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.True(t, tc.v.IsValid())
			assert.Equal(t, tc.name, tc.v.String())
			b, err := tc.v.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tc.name, string(b))
			got, err := tc.parse(tc.name)
			require.NoError(t, err)
			assert.Equal(t, tc.v, got)
		})
	}
}

func TestEnumsOutOfRange(t *testing.T) {
	bad := []interface {
		String() string
		MarshalText() ([]byte, error)
		IsValid() bool
	}{budgeting.VoteType(0), budgeting.VoteType(9), budgeting.Utility(3), budgeting.Method(0),
		budgeting.Completion(4), budgeting.StepKind(-1)}
	names := []string{"VoteType(0)", "VoteType(9)", "Utility(3)", "Method(0)", "Completion(4)", "StepKind(-1)"}
	for i, v := range bad {
		assert.False(t, v.IsValid())
		assert.Equal(t, names[i], v.String())
		_, err := v.MarshalText()
		require.ErrorIs(t, err, budgeting.ErrInvalidValue)
	}
	_, err := budgeting.ParseVoteType("quadratic")
	require.ErrorIs(t, err, budgeting.ErrInvalidValue)
	_, err = budgeting.ParseUtility("joy")
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)
	_, err = budgeting.ParseMethod("borda")
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)
	_, err = budgeting.ParseCompletion("add2")
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)
	_, err = budgeting.ParseStepKind("won")
	require.ErrorIs(t, err, budgeting.ErrInvalidValue)
	// Vote types parse in any case, as META writes them.
	v, err := budgeting.ParseVoteType("Approval")
	require.NoError(t, err)
	assert.Equal(t, budgeting.Approval, v)
}

func TestEnumsUnmarshalText(t *testing.T) {
	var (
		vt budgeting.VoteType
		u  budgeting.Utility
		m  budgeting.Method
		c  budgeting.Completion
		k  budgeting.StepKind
	)
	tests := []struct {
		name     string
		target   encoding.TextUnmarshaler
		text     string
		get      func() any
		want     any
		sentinel error
	}{
		{"vote type", &vt, "ordinal", func() any { return vt }, budgeting.Ordinal, budgeting.ErrInvalidValue},
		{"utility", &u, "card", func() any { return u }, budgeting.CardinalityUtility, budgeting.ErrInvalidRule},
		{"method", &m, "phragmen", func() any { return m }, budgeting.Phragmen, budgeting.ErrInvalidRule},
		{"completion", &c, "add1", func() any { return c }, budgeting.Add1, budgeting.ErrInvalidRule},
		{"step kind", &k, "skipped", func() any { return k }, budgeting.Skipped, budgeting.ErrInvalidValue},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.NoError(t, tc.target.UnmarshalText([]byte(tc.text)))
			assert.Equal(t, tc.want, tc.get())
			require.ErrorIs(t, tc.target.UnmarshalText([]byte("x")), tc.sentinel)
			assert.Equal(t, tc.want, tc.get(), "unchanged on error")
		})
	}
}
