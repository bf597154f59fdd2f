package budgeting_test

import (
	"strings"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPseudonymizer(t *testing.T) {
	p, err := budgeting.NewPseudonymizer(secret)
	require.NoError(t, err)
	id := p.ID("12.345.678-z")
	assert.Equal(t, id, p.ID(" 12345678Z"), "formatting does not make another person")
	assert.Equal(t, uuid.Version(8), id.Version())
	assert.Equal(t, uuid.RFC4122, id.Variant())
	assert.NotEqual(t, id, p.ID("12345679Z"))
	other, err := budgeting.NewPseudonymizer([]byte(strings.Repeat("x", budgeting.MinSecretSize)))
	require.NoError(t, err)
	assert.NotEqual(t, id, other.ID("12345678Z"), "another organisation, another pseudonym")
	assert.Equal(t, uuid.Nil, p.ID(" - . "))
	assert.Equal(t, "12345678Z", budgeting.NormalizeDocument("12.345.678-z"))
	_, err = budgeting.NewPseudonymizer(secret[:budgeting.MinSecretSize-1])
	require.ErrorIs(t, err, budgeting.ErrInvalid)
}

func TestCensusVerify(t *testing.T) {
	c := census(t, "A-1,1980-01-02,f,north", "N-1,,m,south")
	cases := []struct {
		name  string
		claim budgeting.Claim
		want  error
		area  string
		band  stakeholder.AgeBand
	}{
		{"match", budgeting.Claim{Document: "a1", BirthDate: "1980-01-02"}, nil, "north", stakeholder.AgeBand45To54},
		{"wrong birth date", budgeting.Claim{Document: "A-1", BirthDate: "1980-01-03"}, budgeting.ErrNotVerified, "", 0},
		{"no birth date", budgeting.Claim{Document: "A-1"}, budgeting.ErrNotVerified, "", 0},
		{"no second factor on file", budgeting.Claim{Document: "N-1"}, nil, "south", 0},
		{"unknown", budgeting.Claim{Document: "Q-1", BirthDate: "1980-01-02"}, budgeting.ErrNotVerified, "", 0},
		{"empty", budgeting.Claim{}, budgeting.ErrNotVerified, "", 0},
	}
	for _, cs := range cases {
		t.Run(cs.name, func(t *testing.T) {
			id, err := c.Verify(cs.claim)
			if cs.want != nil {
				require.ErrorIs(t, err, cs.want)
				return
			}
			require.NoError(t, err)
			assert.NotEqual(t, uuid.Nil, id.ID)
			assert.Equal(t, cs.area, id.Profile.Area)
			assert.Equal(t, cs.band, id.Profile.AgeBand)
			assert.True(t, id.Profile.Resident)
		})
	}
	assert.Equal(t, 2, c.Len())
	assert.Equal(t, opens, c.AsOf())
}

func TestReadCensusRefuses(t *testing.T) {
	cases := map[string]struct {
		csv  string
		want error
	}{
		"no document column": {"name,area\nx,y\n", budgeting.ErrMissingField},
		"empty":              {"", budgeting.ErrInvalid},
		"bare quote":         {"document\n\"A-1\n", budgeting.ErrInvalid},
		"bad birth date":     {"document,birth_date\nA-1,1980-13-01\n", budgeting.ErrInvalid},
		"born later":         {"document,birth_date\nA-1,2030-01-01\n", budgeting.ErrInvalid},
		"twice":              {"document\nA-1\na 1\n", budgeting.ErrDuplicate},
		"no document":        {"document\n \n", budgeting.ErrInvalid},
		"resident":           {"document,resident\nA-1,perhaps\n", budgeting.ErrInvalid},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := budgeting.ReadCensus(strings.NewReader(c.csv), secret, opens)
			require.ErrorIs(t, err, c.want)
		})
	}
	_, err := budgeting.NewCensus(secret, opens, []budgeting.CensusRecord{{Document: "A-1", Area: " north"}})
	require.ErrorIs(t, err, budgeting.ErrInvalid, "a padded area would split a group")
	_, err = budgeting.ReadCensus(strings.NewReader("document,birth_date\nA-1,1980-13-01\n"), secret, opens)
	var pe *budgeting.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 2, pe.Line, "the line in the file")
	c, err := budgeting.ReadCensus(strings.NewReader("Document,Resident\nA-1,no\n"), secret, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	id, err := c.Verify(budgeting.Claim{Document: "A-1"})
	require.NoError(t, err)
	assert.False(t, id.Profile.Resident)
}
