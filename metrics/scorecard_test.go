package metrics_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/civitas-go/civitas/metrics"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ with the current output")

// sampleScorecard evaluates six indicators of a consultation; the value and
// verdict of each are worked by hand in the comment above its row.
func sampleScorecard(t testing.TB) metrics.Scorecard {
	t.Helper()
	evaluate := func(name, definition string, unit metrics.Unit, better metrics.Polarity, target metrics.Target, m metrics.Measurement) metrics.Evaluation {
		ind, err := metrics.NewIndicator(name, definition, unit, better, target)
		require.NoError(t, err)
		e, err := ind.Evaluate(m)
		require.NoError(t, err)
		return e
	}
	up, down := metrics.PolarityHigherIsBetter, metrics.PolarityLowerIsBetter
	sc, err := metrics.NewScorecard("Riverside park consultation",
		// 45/60 = 75 % ≥ 60 %: met.
		evaluate("Attendance rate", "people who attended / people who registered",
			metrics.UnitPercent, up, metrics.TargetAtLeast(decOf("60")), metrics.FromRatio(mustRatio(t, 45, 60))),
		// 312/4800 = 6.5 % < 10 %: not met.
		evaluate("Turnout", "residents who took part / residents eligible",
			metrics.UnitPercent, up, metrics.TargetAtLeast(decOf("10")), metrics.FromRatio(mustRatio(t, 312, 4800))),
		// 0/0: no input received yet, so undefined.
		evaluate("Closing-the-loop rate", "inputs answered / inputs received",
			metrics.UnitPercent, up, metrics.TargetAtLeast(decOf("90")), metrics.FromRatio(metrics.Ratio{})),
		// 84 h = 3.5 d ≤ 14 d: met.
		evaluate("Median response time", "median time from an inquiry to its answer, nearest rank",
			metrics.UnitDays, down, metrics.TargetAtMost(decOf("14")), mustDuration(t, 84*time.Hour)),
		// 1200 ≥ 1000: met. (The comma in the definition is quoted in CSV.)
		evaluate("Reach", "distinct people who saw at least one item, any channel",
			metrics.UnitCount, up, metrics.TargetAtLeast(decOf("1000")), mustCount(t, 1200)),
		// 0.42 > 0.40: not met.
		evaluate("Gini of contributions", "Gini coefficient of inputs per participant",
			metrics.UnitNumber, down, metrics.TargetAtMost(decOf("0.40")), metrics.FromDecimal(decOf("0.42"))),
	)
	require.NoError(t, err)
	return sc
}

// golden compares got with testdata/name, or rewrites the file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./metrics/ -run %s -update to create it", t.Name())
	assert.Equal(t, string(want), string(got))
}

func TestScorecardGolden(t *testing.T) {
	sc := sampleScorecard(t)
	for _, tt := range []struct {
		file  string
		write func(metrics.Scorecard, *bytes.Buffer) error
	}{
		{"scorecard.txt", func(s metrics.Scorecard, b *bytes.Buffer) error { return s.WriteText(b) }},
		{"scorecard.md", func(s metrics.Scorecard, b *bytes.Buffer) error { return s.WriteMarkdown(b) }},
		{"scorecard.csv", func(s metrics.Scorecard, b *bytes.Buffer) error { return s.WriteCSV(b) }},
	} {
		t.Run(tt.file, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, tt.write(sc, &b))
			golden(t, tt.file, b.Bytes())
		})
	}
	t.Run("String is the text table", func(t *testing.T) {
		var b bytes.Buffer
		require.NoError(t, sc.WriteText(&b))
		assert.Equal(t, b.String(), sc.String())
	})
}

func TestScorecardAccessors(t *testing.T) {
	sc := sampleScorecard(t)
	assert.Equal(t, "Riverside park consultation", sc.Title())
	assert.Equal(t, 6, sc.Len())
	// Met: attendance, response time, reach; not met: turnout, Gini;
	// undefined: closing the loop.
	assert.Equal(t, 3, sc.Count(metrics.VerdictMet))
	assert.Equal(t, 2, sc.Count(metrics.VerdictNotMet))
	assert.Equal(t, 1, sc.Count(metrics.VerdictUndefined))

	var names []string
	for i, e := range sc.All() {
		assert.Equal(t, len(names), i)
		names = append(names, e.Indicator().Name())
		if i == 2 {
			break // All must stop when the loop does
		}
	}
	assert.Equal(t, []string{"Attendance rate", "Turnout", "Closing-the-loop rate"}, names)
}

func TestNewScorecardRejects(t *testing.T) {
	e := sampleScorecardRow(t)
	tests := []struct {
		name  string
		title string
		rows  []metrics.Evaluation
		want  []error
	}{
		{"empty title", "", []metrics.Evaluation{e}, []error{metrics.ErrEmpty}},
		{"title on two lines", "a\nb", []metrics.Evaluation{e}, []error{metrics.ErrOutOfRange}},
		{"no rows", "t", nil, []error{metrics.ErrEmpty}},
		{"zero row", "t", []metrics.Evaluation{e, {}}, []error{metrics.ErrOutOfRange}},
		{"every problem", " ", []metrics.Evaluation{{}}, []error{metrics.ErrEmpty, metrics.ErrOutOfRange}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := metrics.NewScorecard(tt.title, tt.rows...)
			for _, want := range tt.want {
				require.ErrorIs(t, err, want)
			}
		})
	}

	t.Run("rows are copied", func(t *testing.T) {
		rows := []metrics.Evaluation{e}
		sc, err := metrics.NewScorecard("t", rows...)
		require.NoError(t, err)
		rows[0] = metrics.Evaluation{}
		for _, got := range sc.All() {
			assert.Equal(t, e, got)
		}
	})
}

func sampleScorecardRow(t testing.TB) metrics.Evaluation {
	t.Helper()
	e, err := mustIndicator(t, "rate", metrics.UnitPercent, metrics.PolarityHigherIsBetter, metrics.TargetAtLeast(decOf("50"))).
		Evaluate(metrics.FromRatio(mustRatio(t, 1, 2)))
	require.NoError(t, err)
	return e
}

func TestScorecardMarkdownEscapes(t *testing.T) {
	ind, err := metrics.NewIndicator("Share | *press*", "mentions_with [links] <b>", metrics.UnitPercent,
		metrics.PolarityHigherIsBetter, metrics.TargetAtLeast(decOf("50")))
	require.NoError(t, err)
	e, err := ind.Evaluate(metrics.FromRatio(mustRatio(t, 1, 2)))
	require.NoError(t, err)
	sc, err := metrics.NewScorecard(`A\B`, e)
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, sc.WriteMarkdown(&b))
	assert.Contains(t, b.String(), `## A\\B`)
	assert.Contains(t, b.String(), `| Share \| \*press\* | 50.00 % | 1 of 2 | at least 50 % | met |`)
	assert.Contains(t, b.String(), `- **Share \| \*press\***: mentions\_with \[links\] \<b\>`)
}

// failingWriter fails every write, to check that writer errors surface.
type failingWriter struct{}

var errWrite = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestScorecardWriteErrors(t *testing.T) {
	sc := sampleScorecard(t)
	require.ErrorIs(t, sc.WriteText(failingWriter{}), errWrite)
	require.ErrorIs(t, sc.WriteMarkdown(failingWriter{}), errWrite)
	require.ErrorIs(t, sc.WriteCSV(failingWriter{}), errWrite)
}

func TestScorecardCSVHeader(t *testing.T) {
	var b strings.Builder
	require.NoError(t, sampleScorecard(t).WriteCSV(&b))
	first, _, _ := strings.Cut(b.String(), "\n")
	assert.Equal(t, strings.Join(metrics.CSVHeader(), ","), first)
}

func TestScorecardJSON(t *testing.T) {
	sc := sampleScorecard(t)
	got, _ := stableJSON(t, sc)
	assert.Equal(t, sc.String(), got.String())

	assertDecodeRejects(t, sc, []jsonDecodeCase{
		{"no title", `{"rows":[]}`, metrics.ErrEmpty},
		{"no rows", `{"title":"t","rows":[]}`, metrics.ErrEmpty},
		{"bad row", `{"title":"t","rows":[{"verdict":"met"}]}`, metrics.ErrOutOfRange},
	})
	t.Run("not JSON", func(t *testing.T) {
		var got metrics.Scorecard
		var syntaxErr *json.SyntaxError
		require.ErrorAs(t, json.Unmarshal([]byte(`{"title":`), &got), &syntaxErr)
	})
}
