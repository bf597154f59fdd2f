package metrics_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
)

// population of 1,000 in four groups; the figures below are worked by hand.
var fourGroups = []metrics.GroupCount{{"A", 400}, {"B", 300}, {"C", 200}, {"D", 100}}

func TestPublishRepresentativeness(t *testing.T) {
	r, err := publish(repIn{
		// labels in another case: matched by GroupKey
		Participants: []metrics.GroupCount{{"a", 20}, {"b ", 12}, {"C", 3}, {"d", 1}},
		Population:   fourGroups,
	})
	require.NoError(t, err)
	assert.Equal(t, int64(36), r.Total())
	a, ok := r.Classified()
	require.True(t, ok)
	assert.Equal(t, int64(36), a)
	n, ok := r.Unclassified().Count()
	assert.True(t, ok, "a zero unclassified count is shown")
	assert.Zero(t, n)
	// C (3) and D (1) are below the default k = 5: two suppressed cells
	// protect each other, so nothing else is withheld.
	assert.Equal(t, []string{"C", "D"}, r.SuppressedGroups())

	// Published grouping: A 20/400, B 12/300, C+D merged 4/300.
	// Dissimilarity ½(|20/36−0.4| + |12/36−0.3| + |4/36−0.3|)
	//   = ½(56 + 12 + 68)/360 = 68/360 = 0.1888…
	d, err := r.Dissimilarity()
	require.NoError(t, err)
	assert.Equal(t, "0.188889", d.StringFixed(6))
	// Score: rates 20/400 = 0.05, 12/300 = 0.04, 4/300 = 0.01333…;
	// min/max = (4/300)/(20/400) = 0.2666…
	s, err := r.Score()
	require.NoError(t, err)
	assert.Equal(t, "0.266667", s.StringFixed(6))

	rowA, ok := r.Lookup("A")
	require.True(t, ok)
	share, ok := rowA.ParticipantShare()
	require.True(t, ok)
	assert.Equal(t, "20/36", share.String())
	ratio, ok := rowA.RepresentationRatio() // (20/36)/0.4 = 1.3888…
	require.True(t, ok)
	assert.Equal(t, "1.388889", ratio.StringFixed(6))
	rowC, _ := r.Lookup("c")
	assert.True(t, rowC.Participants().Suppressed())
	_, ok = rowC.ParticipantShare()
	assert.False(t, ok)
	_, ok = rowC.ParticipationRate()
	assert.False(t, ok)
	_, ok = rowC.RepresentationRatio()
	assert.False(t, ok)
	assert.Equal(t, "200/1000", rowC.PopulationShare().String())
}

func TestRepresentativenessUnclassified(t *testing.T) {
	in := repIn{
		Participants: []metrics.GroupCount{{"A", 20}, {"B", 12}, {"C", 30}, {"D", 10}},
		Unclassified: 2,
		Population:   fourGroups,
	}
	r, err := publish(in)
	require.NoError(t, err, "unclassified participants never fail the figure")
	assert.Equal(t, int64(74), r.Total())
	assert.True(t, r.Unclassified().Suppressed(), "2 is below k")
	_, ok := r.Classified()
	assert.False(t, ok, "the classified total would reveal the unclassified count")
	// The lone suppressed unclassified cell needs a complementary one: the
	// smallest visible group, D.
	assert.Equal(t, []string{"D"}, r.SuppressedGroups())
	_, err = r.Dissimilarity()
	require.ErrorIs(t, err, metrics.ErrWithheld)
	var w *metrics.WithheldError
	require.ErrorAs(t, err, &w)
	assert.Contains(t, w.Reason, "unclassified")
	rowA, _ := r.Lookup("A")
	_, ok = rowA.ParticipantShare()
	assert.False(t, ok, "a share needs the withheld classified total")
	rate, ok := rowA.ParticipationRate()
	require.True(t, ok, "a rate needs only the group's own counts")
	assert.Equal(t, "20/400", rate.String())

	in.Unclassified = 7 // visible now
	r, err = publish(in)
	require.NoError(t, err)
	n, ok := r.Unclassified().Count()
	require.True(t, ok)
	assert.Equal(t, int64(7), n)
	a, ok := r.Classified()
	require.True(t, ok)
	assert.Equal(t, int64(72), a)
	_, err = r.Dissimilarity()
	require.NoError(t, err)
}

func TestRepresentativenessErrors(t *testing.T) {
	_, err := publish(repIn{
		Participants: []metrics.GroupCount{{"E", 3}}, Population: fourGroups})
	require.ErrorIs(t, err, metrics.ErrMismatchedGroups)
	assert.Contains(t, err.Error(), `"E"`, "the mismatch names the group")
	assert.Contains(t, err.Error(), `"A", "B"`, "and lists the population's groups")

	_, err = publish(repIn{Population: nil})
	require.ErrorIs(t, err, metrics.ErrEmpty)
	_, err = publish(repIn{Population: fourGroups, Unclassified: -1})
	require.ErrorIs(t, err, metrics.ErrNegative)
	_, err = publish(repIn{
		Population: []metrics.GroupCount{{"f", 3}, {"F", 4}}})
	require.ErrorIs(t, err, metrics.ErrMismatchedGroups, "f and F are one group")
	_, err = publish(repIn{
		Participants: []metrics.GroupCount{{"A", 9}}, Population: []metrics.GroupCount{{"A", 0}, {"B", 5}}})
	require.ErrorIs(t, err, metrics.ErrPartExceedsWhole)
	_, err = publish(repIn{
		Population: fourGroups, Policy: metrics.SuppressionPolicy{MinCellSize: -1}})
	require.ErrorIs(t, err, metrics.ErrOutOfRange)
}

// TestRepresentativenessAcrossReleases shows the differencing attack and
// its remedy: week 1 suppresses C; in week 2 one more supporter joins C.
func TestRepresentativenessAcrossReleases(t *testing.T) {
	week1 := repIn{
		Participants: []metrics.GroupCount{{"A", 20}, {"B", 12}, {"C", 4}, {"D", 8}},
		Population:   fourGroups,
	}
	r1, err := publish(week1)
	require.NoError(t, err)
	// C is below k; D, the smallest visible count, protects it.
	require.Equal(t, []string{"C", "D"}, r1.SuppressedGroups())

	week2 := week1
	week2.Participants = []metrics.GroupCount{{"A", 20}, {"B", 12}, {"C", 5}, {"D", 8}}
	naive, err := publish(week2)
	require.NoError(t, err)
	c, ok := mustLookup(t, naive, "C").Participants().Count()
	require.True(t, ok, "without protection C is now shown...")
	// ...and the totals give week 1 away: 45 − 44 = 1 newcomer, so C held
	// 4 or 5 in week 1, and with D's 8 now shown, 44 − 20 − 12 − 8 = 4.
	assert.Equal(t, int64(5), c)

	week2.KeepSuppressed = r1.SuppressedGroups()
	kept, err := publish(week2)
	require.NoError(t, err)
	assert.True(t, mustLookup(t, kept, "C").Participants().Suppressed())
	assert.Equal(t, []string{"C", "D"}, kept.SuppressedGroups())
}

func mustLookup(t *testing.T, r metrics.Representativeness, g string) metrics.RepresentedGroup {
	t.Helper()
	row, ok := r.Lookup(g)
	require.True(t, ok, g)
	return row
}

// TestRepresentativenessPublishesNothingSuppressed renders every output of
// a result whose suppressed counts are distinctive numbers and checks that
// none of them, nor any figure computed from them, appears.
func TestRepresentativenessPublishesNothingSuppressed(t *testing.T) {
	r, err := publish(repIn{
		Participants: []metrics.GroupCount{{"A", 211}, {"B", 150}, {"C", 3}, {"D", 1}},
		Unclassified: 2,
		Population:   fourGroups,
	})
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	for name, out := range map[string]string{"JSON": string(b), "String": r.String()} {
		for _, secret := range []string{`"count":3`, `"count":1}`, `"count":2}`, "3/200", "1/100", "3/364", "211/362"} {
			assert.NotContains(t, out, secret, name)
		}
		assert.NotContains(t, out, "dissimilarity\":\"", name)
	}
	var fields map[string]any
	require.NoError(t, json.Unmarshal(b, &fields))
	assert.NotContains(t, fields, "dissimilarity")
	assert.NotContains(t, fields, "classified")

	var back metrics.Representativeness
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, r.String(), back.String())
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
}

func TestRepresentativenessJSONRejects(t *testing.T) {
	r, err := publish(repIn{
		Participants: []metrics.GroupCount{{"A", 20}, {"B", 12}, {"C", 3}, {"D", 1}}, Population: fourGroups})
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var back metrics.Representativeness
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, r.String(), back.String())

	for name, tc := range map[string]struct {
		from, to string
		want     error
	}{
		"tampered score": {`"score":"0.266667"`, `"score":"0.300000"`, metrics.ErrInconsistent},
		"tampered total": {`"total":36`, `"total":30`, metrics.ErrInconsistent},
		"one suppressed": {`{"suppressed":"primary"},"population":100`, `{"count":1},"population":100`, metrics.ErrUnprotectable},
		"not JSON":       {`{`, `[`, metrics.ErrInvalid},
		"unknown status": {`"primary"`, `"secret"`, metrics.ErrInvalid},
	} {
		t.Run(name, func(t *testing.T) {
			in := strings.Replace(string(b), tc.from, tc.to, 1)
			require.NotEqual(t, string(b), in, "the case must change the document")
			got := back
			require.ErrorIs(t, got.UnmarshalJSON([]byte(in)), tc.want)
			assert.Equal(t, back.String(), got.String(), "a failed decode changes nothing")
		})
	}
}

func TestRepresentativenessZeroValue(t *testing.T) {
	var r metrics.Representativeness
	_, err := r.Dissimilarity()
	require.ErrorIs(t, err, metrics.ErrUndefined)
	_, err = r.Score()
	require.ErrorIs(t, err, metrics.ErrUndefined)
	assert.Zero(t, r.Len())
	assert.NotPanics(t, func() { _ = r.String() })
	var w *metrics.WithheldError
	assert.NotPanics(t, func() { _ = w.Error() })
}

// repIn gathers the arguments of PublishRepresentativeness for the tables
// above.
type repIn struct {
	Participants   []metrics.GroupCount
	Unclassified   int64
	Population     []metrics.GroupCount
	Policy         metrics.SuppressionPolicy
	KeepSuppressed []string
}

func publish(in repIn) (metrics.Representativeness, error) {
	return metrics.PublishRepresentativeness(in.Participants, in.Unclassified, metrics.RepresentativenessSpec{
		Population: in.Population, Policy: in.Policy, KeepSuppressed: in.KeepSuppressed})
}

func TestGroupKey(t *testing.T) {
	for in, want := range map[string]string{
		"f": "f", "F": "f", " north  ward ": "north ward", "North\tWard": "north ward", "18-24": "18-24",
		"65+": "65+", "Zürich": "zürich", "a b": "a b", "": "", "   ": "",
	} {
		assert.Equal(t, want, metrics.GroupKey(in), "%q", in)
	}
}
