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
	in, err := budgeting.NewInstance(dec("10"), budgeting.VoteTypeApproval, ps, budgeting.Field{Key: "country", Value: "Poland"})
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
	in, err = budgeting.NewInstance(dec("10"), budgeting.VoteTypeOrdinal, nil,
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
		{"negative budget", "-1", budgeting.VoteTypeApproval, nil, nil, budgeting.ErrNegativeCost},
		{"no vote type", "1", 0, nil, nil, budgeting.ErrInvalid},
		{"negative cost", "1", budgeting.VoteTypeApproval, []budgeting.Project{{ID: "a", Cost: dec("-1")}}, nil, budgeting.ErrNegativeCost},
		{"duplicate project", "1", budgeting.VoteTypeApproval, []budgeting.Project{ok, ok}, nil, budgeting.ErrDuplicate},
		{"empty ID", "1", budgeting.VoteTypeApproval, []budgeting.Project{{Cost: dec("1")}}, nil, budgeting.ErrInvalid},
		{"padded ID", "1", budgeting.VoteTypeApproval, []budgeting.Project{{ID: " a", Cost: dec("1")}}, nil, budgeting.ErrInvalid},
		{"ID with a comma", "1", budgeting.VoteTypeApproval, []budgeting.Project{{ID: "a,b", Cost: dec("1")}}, nil, budgeting.ErrInvalid},
		{"name with a line break", "1", budgeting.VoteTypeApproval, []budgeting.Project{{ID: "a", Cost: dec("1"), Name: "x\ny"}}, nil, budgeting.ErrInvalid},
		{"category with a comma", "1", budgeting.VoteTypeApproval, []budgeting.Project{{ID: "a", Cost: dec("1"), Categories: []string{"x,y"}}}, nil, budgeting.ErrInvalid},
		{"empty target", "1", budgeting.VoteTypeApproval, []budgeting.Project{{ID: "a", Cost: dec("1"), Targets: []string{""}}}, nil, budgeting.ErrInvalid},
		{"extra field named like a column", "1", budgeting.VoteTypeApproval, []budgeting.Project{{ID: "a", Cost: dec("1"), Extra: []budgeting.Field{{Key: "Category", Value: "x"}}}}, nil, budgeting.ErrInvalid},
		{"extra field twice", "1", budgeting.VoteTypeApproval, []budgeting.Project{{ID: "a", Cost: dec("1"), Extra: []budgeting.Field{{Key: "v", Value: "1"}, {Key: "v", Value: "2"}}}}, nil, budgeting.ErrDuplicate},
		{"extra value padded", "1", budgeting.VoteTypeApproval, []budgeting.Project{{ID: "a", Cost: dec("1"), Extra: []budgeting.Field{{Key: "v", Value: " 1"}}}}, nil, budgeting.ErrInvalid},
		{"extra column clashes", "1", budgeting.VoteTypeApproval, []budgeting.Project{{ID: "a", Cost: dec("1"), Name: "n", Extra: []budgeting.Field{{Key: "name", Value: "x"}}}}, nil, budgeting.ErrDuplicate},
		{"META budget disagrees", "1", budgeting.VoteTypeApproval, nil, []budgeting.Field{{Key: "budget", Value: "2"}}, budgeting.ErrInvalid},
		{"META vote type disagrees", "1", budgeting.VoteTypeApproval, nil, []budgeting.Field{{Key: "vote_type", Value: "ordinal"}}, budgeting.ErrInvalid},
		{"META key twice", "1", budgeting.VoteTypeApproval, nil, []budgeting.Field{{Key: "unit", Value: "a"}, {Key: "unit", Value: "b"}}, budgeting.ErrDuplicate},
		{"empty META key", "1", budgeting.VoteTypeApproval, nil, []budgeting.Field{{Key: "", Value: "a"}}, budgeting.ErrInvalid},
		{"bad min_length", "1", budgeting.VoteTypeApproval, nil, []budgeting.Field{{Key: "min_length", Value: "-1"}}, budgeting.ErrInvalidNumber},
		{"bad max_points", "1", budgeting.VoteTypeApproval, nil, []budgeting.Field{{Key: "max_points", Value: "many"}}, budgeting.ErrInvalidNumber},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := budgeting.NewInstance(dec(tc.budget), tc.vt, tc.projects, tc.meta...)
			require.ErrorIs(t, err, tc.want)
		})
	}
	// Every problem is reported, joined.
	_, err := budgeting.NewInstance(dec("-1"), budgeting.VoteTypeApproval, []budgeting.Project{{ID: "a", Cost: dec("-1")}, {ID: "a", Cost: dec("1")}})
	require.ErrorIs(t, err, budgeting.ErrNegativeCost)
	require.ErrorIs(t, err, budgeting.ErrDuplicate)
}

func TestNewElectionErrors(t *testing.T) {
	approval, err := budgeting.NewInstance(dec("10"), budgeting.VoteTypeApproval,
		[]budgeting.Project{{ID: "a", Cost: dec("1")}, {ID: "b", Cost: dec("1")}}, budgeting.Field{Key: "max_length", Value: "1"})
	require.NoError(t, err)
	scoring, err := budgeting.NewInstance(dec("10"), budgeting.VoteTypeScoring,
		[]budgeting.Project{{ID: "a", Cost: dec("1")}}, budgeting.Field{Key: "max_points", Value: "3"})
	require.NoError(t, err)
	one := []decimal.Decimal{dec("1")}
	tests := []struct {
		name  string
		inst  *budgeting.Instance
		votes []budgeting.Vote
		want  error
	}{
		{"no instance", nil, nil, budgeting.ErrInvalid},
		{"unknown project", approval, []budgeting.Vote{{VoterID: "1", Projects: []string{"c"}}}, budgeting.ErrUnknownProject},
		{"over max_length", approval, []budgeting.Vote{{VoterID: "1", Projects: []string{"a", "b"}}}, budgeting.ErrBallotTooLong},
		{"repeated project", scoring, []budgeting.Vote{{VoterID: "1", Projects: []string{"a", "a"}, Points: []decimal.Decimal{dec("1"), dec("1")}}}, budgeting.ErrRepeatedProject},
		{"duplicate voter", approval, []budgeting.Vote{{VoterID: "1"}, {VoterID: "1"}}, budgeting.ErrDuplicate},
		{"empty voter ID", approval, []budgeting.Vote{{}}, budgeting.ErrInvalid},
		{"points on approval", approval, []budgeting.Vote{{VoterID: "1", Projects: []string{"a"}, Points: one}}, budgeting.ErrPointsMismatch},
		{"missing points", scoring, []budgeting.Vote{{VoterID: "1", Projects: []string{"a"}}}, budgeting.ErrPointsMismatch},
		{"negative points", scoring, []budgeting.Vote{{VoterID: "1", Projects: []string{"a"}, Points: []decimal.Decimal{dec("-1")}}}, budgeting.ErrInvalid},
		{"too many decimals", scoring, []budgeting.Vote{{VoterID: "1", Projects: []string{"a"}, Points: []decimal.Decimal{dec("0.0000000000000000001")}}}, budgeting.ErrInvalidNumber},
		{"over max_points", scoring, []budgeting.Vote{{VoterID: "1", Projects: []string{"a"}, Points: []decimal.Decimal{dec("3.5")}}}, budgeting.ErrTooManyPoints},
		{"attribute twice", approval, []budgeting.Vote{{VoterID: "1", Attributes: []budgeting.Field{{Key: "age", Value: "1"}, {Key: "age", Value: "2"}}}}, budgeting.ErrDuplicate},
		{"attribute padded", approval, []budgeting.Vote{{VoterID: "1", Attributes: []budgeting.Field{{Key: "age", Value: "1 "}}}}, budgeting.ErrInvalid},
		{"attribute named vote", approval, []budgeting.Vote{{VoterID: "1", Attributes: []budgeting.Field{{Key: "vote", Value: "1"}}}}, budgeting.ErrDuplicate},
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
	inst, err := budgeting.NewInstance(dec("10"), budgeting.VoteTypeCumulative, []budgeting.Project{{ID: "a", Cost: dec("1")}, {ID: "b", Cost: dec("1")}})
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
		{budgeting.VoteTypeApproval, "approval", func(s string) (enum, error) { return budgeting.ParseVoteType(s) }},
		{budgeting.VoteTypeChooseOne, "choose_1", func(s string) (enum, error) { return budgeting.ParseVoteType(s) }},
		{budgeting.VoteTypeCumulative, "cumulative", func(s string) (enum, error) { return budgeting.ParseVoteType(s) }},
		{budgeting.VoteTypeScoring, "scoring", func(s string) (enum, error) { return budgeting.ParseVoteType(s) }},
		{budgeting.VoteTypeOrdinal, "ordinal", func(s string) (enum, error) { return budgeting.ParseVoteType(s) }},
		{budgeting.UtilityCost, "cost", func(s string) (enum, error) { return budgeting.ParseUtility(s) }},
		{budgeting.UtilityCardinality, "card", func(s string) (enum, error) { return budgeting.ParseUtility(s) }},
		{budgeting.MethodGreedy, "greedy", func(s string) (enum, error) { return budgeting.ParseMethod(s) }},
		{budgeting.MethodEqualShares, "mes", func(s string) (enum, error) { return budgeting.ParseMethod(s) }},
		{budgeting.MethodPhragmen, "phragmen", func(s string) (enum, error) { return budgeting.ParseMethod(s) }},
		{budgeting.CompletionNone, "none", func(s string) (enum, error) { return budgeting.ParseCompletion(s) }},
		{budgeting.CompletionAdd1, "add1", func(s string) (enum, error) { return budgeting.ParseCompletion(s) }},
		{budgeting.CompletionExh1pct, "exh1pct", func(s string) (enum, error) { return budgeting.ParseCompletion(s) }},
		{budgeting.StepKindFunded, "funded", func(s string) (enum, error) { return budgeting.ParseStepKind(s) }},
		{budgeting.StepKindSkipped, "skipped", func(s string) (enum, error) { return budgeting.ParseStepKind(s) }},
		{budgeting.StepKindStopped, "stopped", func(s string) (enum, error) { return budgeting.ParseStepKind(s) }},
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
		require.ErrorIs(t, err, budgeting.ErrInvalid)
	}
	_, err := budgeting.ParseVoteType("quadratic")
	require.ErrorIs(t, err, budgeting.ErrInvalid)
	_, err = budgeting.ParseUtility("joy")
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)
	_, err = budgeting.ParseMethod("borda")
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)
	_, err = budgeting.ParseCompletion("add2")
	require.ErrorIs(t, err, budgeting.ErrInvalidRule)
	_, err = budgeting.ParseStepKind("won")
	require.ErrorIs(t, err, budgeting.ErrInvalid)
	// Vote types parse in any case, with '-', '_' or ' ' between words.
	for _, s := range []string{"Approval", "choose-1", "CHOOSE 1", " choose_1 "} {
		v, err := budgeting.ParseVoteType(s)
		require.NoError(t, err, s)
		assert.Contains(t, []budgeting.VoteType{budgeting.VoteTypeApproval, budgeting.VoteTypeChooseOne}, v)
	}
	// A rule's parts are a case of ErrInvalid too.
	_, err = budgeting.ParseMethod("borda")
	require.ErrorIs(t, err, budgeting.ErrInvalid)
	// Every enum lists its values in order.
	assert.Equal(t, []budgeting.VoteType{budgeting.VoteTypeApproval, budgeting.VoteTypeChooseOne, budgeting.VoteTypeCumulative,
		budgeting.VoteTypeScoring, budgeting.VoteTypeOrdinal}, budgeting.VoteTypes())
	assert.Equal(t, []budgeting.Method{budgeting.MethodGreedy, budgeting.MethodEqualShares, budgeting.MethodPhragmen}, budgeting.Methods())
	assert.Len(t, budgeting.Utilities(), 2)
	assert.Len(t, budgeting.Completions(), 3)
	assert.Len(t, budgeting.StepKinds(), 3)
	assert.Len(t, budgeting.ReasonKinds(), 9)
	assert.Len(t, budgeting.VoterAttributes(), 4)
	assert.Len(t, budgeting.TieBreaks(), 4)
	assert.Len(t, budgeting.OfficialRules(), 9)
	assert.Len(t, budgeting.FindingLevels(), 2)
	assert.Len(t, budgeting.Categories(), 80)
	// The enums h-official added are ErrInvalid on an unknown name too.
	_, err = budgeting.ParseTieBreak("coin")
	require.ErrorIs(t, err, budgeting.ErrInvalid)
	_, err = budgeting.ParseOfficialRule("lottery")
	require.ErrorIs(t, err, budgeting.ErrInvalid)
	_, err = budgeting.ParseFindingLevel("fatal")
	require.ErrorIs(t, err, budgeting.ErrInvalid)
	_, err = budgeting.ParseCategory("comma in float!")
	require.ErrorIs(t, err, budgeting.ErrInvalid)
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
		{"vote type", &vt, "ordinal", func() any { return vt }, budgeting.VoteTypeOrdinal, budgeting.ErrInvalid},
		{"utility", &u, "card", func() any { return u }, budgeting.UtilityCardinality, budgeting.ErrInvalidRule},
		{"method", &m, "phragmen", func() any { return m }, budgeting.MethodPhragmen, budgeting.ErrInvalidRule},
		{"completion", &c, "add1", func() any { return c }, budgeting.CompletionAdd1, budgeting.ErrInvalidRule},
		{"step kind", &k, "skipped", func() any { return k }, budgeting.StepKindSkipped, budgeting.ErrInvalid},
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
