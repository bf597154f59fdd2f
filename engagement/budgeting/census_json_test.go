package budgeting_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCensusJSONRoundTrip(t *testing.T) {
	c := census(t, append(slices.Clone(people), "N-1,,,")...)
	doc := encode(t, c)
	for _, raw := range []string{"A-1", "A1", "1980-01-02", string(secret)} {
		assert.NotContains(t, string(doc), raw, "no document number, birth date or secret is written")
	}
	d, err := budgeting.DecodeCensus(doc, secret)
	require.NoError(t, err)
	assert.Equal(t, string(doc), string(encode(t, d)), "encode, decode, encode: the same bytes")
	assert.Equal(t, c.Len(), d.Len())
	assert.Equal(t, c.AsOf(), d.AsOf())
	for _, cl := range []budgeting.Claim{
		{Document: "A-1", BirthDate: "1980-01-02"}, {Document: "A-1", BirthDate: "1980-01-03"},
		{Document: "K-1", BirthDate: "2015-09-09"}, {Document: "N-1"}, {Document: "Z-9"},
	} {
		want, werr := c.Verify(cl)
		got, gerr := d.Verify(cl)
		assert.Equal(t, want, got, cl.Document)
		assert.Equal(t, werr, gerr, cl.Document)
	}
}

func TestDecodeCensusRefuses(t *testing.T) {
	doc := string(encode(t, census(t, people...)))
	cases := []struct {
		name     string
		old, new string
		want     error
	}{
		{"malformed", `"people":[`, `"people":{`, budgeting.ErrInvalid},
		{"another version", `"version":1`, `"version":0`, budgeting.ErrInvalid},
		{"another secret's key check", `"key_check":"`, `"key_check":"0`, budgeting.ErrInconsistent},
		{"no date", `"as_of":"2025-05-01T08:00:00Z"`, `"as_of":"0001-01-01T00:00:00Z"`, budgeting.ErrInvalid},
		{"a pseudonym no pseudonymizer makes", `"id":"`, `"id":"00000000-0000-4000-8000-000000000000","x":"`, budgeting.ErrInvalid},
		{"a check without an age band", `"age_band":"45_54",`, ``, budgeting.ErrInconsistent},
		{"an even check", `"check":"`, `"check":"0000000000000000","x":"`, budgeting.ErrInvalid},
		{"a padded area", `"area":"north"`, `"area":" north"`, budgeting.ErrInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Contains(t, doc, c.old)
			_, err := budgeting.DecodeCensus([]byte(strings.Replace(doc, c.old, c.new, 1)), secret)
			require.ErrorIs(t, err, c.want)
		})
	}
	twice := strings.Replace(doc, `"people":[`, `"people":[`+firstPerson(t, doc)+`,`, 1)
	_, err := budgeting.DecodeCensus([]byte(twice), secret)
	require.ErrorIs(t, err, budgeting.ErrDuplicate)
	_, err = budgeting.DecodeCensus([]byte(doc), []byte(strings.Repeat("y", budgeting.MinSecretSize)))
	require.ErrorIs(t, err, budgeting.ErrInconsistent, "another organisation's secret")
	_, err = budgeting.DecodeCensus([]byte(doc), secret[:8])
	require.ErrorIs(t, err, budgeting.ErrInvalid, "a short secret")
	_, err = (&budgeting.Census{}).MarshalJSON()
	require.ErrorIs(t, err, budgeting.ErrInvalid)
}

// firstPerson returns the first person of a census document.
func firstPerson(t *testing.T, doc string) string {
	i := strings.Index(doc, `"people":[`) + len(`"people":[`)
	j := strings.Index(doc[i:], "}")
	require.Positive(t, j)
	return doc[i : i+j+1]
}

// FuzzDecodeCensus: no document makes decoding panic, and a document it
// accepts encodes to one that decodes and encodes to the same bytes.
func FuzzDecodeCensus(f *testing.F) {
	doc := encode(f, census(f, people...))
	f.Add(doc)
	f.Add([]byte(strings.Replace(string(doc), `"resident":true`, `"resident":false`, 1)))
	f.Add([]byte(`{"version":1,"people":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		requireStableJSON(t, data, func(d []byte) (*budgeting.Census, error) { return budgeting.DecodeCensus(d, secret) })
	})
}
