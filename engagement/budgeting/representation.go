package budgeting

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/civitas-go/civitas/metrics"
)

// AnalysisOption sets one option of [Analyze].
type AnalysisOption func(*analysisOptions)

type analysisOptions struct {
	compare bool // WithPopulation was given
	by      VoterAttribute
	spec    metrics.RepresentativenessSpec
}

// WithPopulation makes [Analyze] hold the voters against the population
// the budget was for, broken down by one [VoterAttribute], and publish the
// comparison through [metrics.PublishRepresentativeness]: spec gives the
// population (each group's size), the small-cell policy and the groups an
// earlier release suppressed.
//
// For [VoterAttributeAge] the population's labels are age bands, "18-24"
// or "65+" (whole years, both ends included; an en dash works too; bands
// must not overlap), and each voter's age is classified into its band. For
// the other attributes the labels are the values the file gives ("F", "M";
// "internet", "paper"; an area's name), matched as [metrics.GroupKey]
// matches labels, so a file's "F" is a census's "f". A voter with no value,
// or an age outside every band, is counted as unclassified; a value that
// is present but names no group of the population is an error (see
// [Analyze]).
func WithPopulation(by VoterAttribute, spec metrics.RepresentativenessSpec) AnalysisOption {
	spec.Population = slices.Clone(spec.Population)
	spec.KeepSuppressed = slices.Clone(spec.KeepSuppressed)
	return func(o *analysisOptions) { o.compare, o.by, o.spec = true, by, spec }
}

// represent classifies the voters of prof by the attribute by and
// publishes them against spec's population.
func represent(prof *BallotProfile, by VoterAttribute, spec metrics.RepresentativenessSpec) (*metrics.Representativeness, error) {
	if !by.IsValid() {
		return nil, errorf(ErrInvalid, "voter attribute %d", int(by))
	}
	value := voterValue(by)
	classify := func(s string) (string, bool) { return s, true }
	if by == VoterAttributeAge {
		var err error
		if classify, err = ageBands(spec.Population); err != nil {
			return nil, err
		}
	}
	var voters []metrics.GroupCount
	index := map[string]int{} // position in voters, by metrics.GroupKey
	var unclassified int64
	known := false
	for _, v := range prof.Voters() {
		s := value(v)
		known = known || s != ""
		group, ok := classify(s)
		if s == "" || !ok {
			unclassified++
			continue
		}
		key := metrics.GroupKey(group)
		i, seen := index[key]
		if !seen {
			i = len(voters)
			index[key] = i
			voters = append(voters, metrics.GroupCount{Group: group})
		}
		voters[i].Count++
	}
	if !known {
		return nil, errorf(ErrMissingField, "the file gives no voter's %s", by.Text())
	}
	r, err := metrics.PublishRepresentativeness(voters, unclassified, spec)
	if err != nil {
		var fe *metrics.FieldError
		var j int
		if errors.Is(err, metrics.ErrMismatchedGroups) && errors.As(err, &fe) {
			if _, scanErr := fmt.Sscanf(fe.Field, "participants[%d].group", &j); scanErr == nil && j >= 0 && j < len(voters) {
				return nil, errorf(ErrInvalid, "voters' %s %q names no group of the population: %w", by.Text(), voters[j].Group, err)
			}
		}
		return nil, errorf(ErrInvalid, "voters by %s: %w", by.Text(), err)
	}
	return &r, nil
}

// voterValue returns the function that reads a voter's value of the
// attribute by: "" when the voter has none.
func voterValue(by VoterAttribute) func(Voter) string {
	switch by {
	case VoterAttributeAge:
		return func(v Voter) string {
			if n, ok := v.Age(); ok {
				return strconv.Itoa(n)
			}
			return ""
		}
	case VoterAttributeSex:
		return Voter.Sex
	case VoterAttributeArea:
		return Voter.Area
	}
	return Voter.VotingMethod
}

// ageBands returns the function that names the band of an age, given as
// text, from labels "18-24" and "65+" (an en dash works too), or an error
// wrapping ErrInvalid for a label that is not a band or bands that
// overlap.
func ageBands(groups []metrics.GroupCount) (func(string) (string, bool), error) {
	type band struct {
		lo, hi int
		label  string
	}
	bands := make([]band, 0, len(groups))
	for _, g := range groups {
		lo, hi, ok := parseBand(g.Group)
		if !ok {
			return nil, errorf(ErrInvalid, "age band %q: want \"18-24\" or \"65+\"", g.Group)
		}
		bands = append(bands, band{lo, hi, g.Group})
	}
	slices.SortFunc(bands, func(a, b band) int { return a.lo - b.lo })
	for i := 1; i < len(bands); i++ {
		if bands[i].lo <= bands[i-1].hi {
			return nil, errorf(ErrInvalid, "age bands %q and %q overlap", bands[i-1].label, bands[i].label)
		}
	}
	return func(s string) (string, bool) {
		age, err := strconv.Atoi(s)
		if err != nil {
			return "", false
		}
		for _, b := range bands {
			if b.lo <= age && age <= b.hi {
				return b.label, true
			}
		}
		return "", false
	}, nil
}

// parseBand reads "18-24", "18–24" or "65+" as whole years, both ends
// included.
func parseBand(s string) (lo, hi int, ok bool) {
	if rest, open := strings.CutSuffix(s, "+"); open {
		lo, err := strconv.Atoi(rest)
		return lo, math.MaxInt, err == nil && lo >= 0 && rest == strconv.Itoa(lo)
	}
	a, b, found := strings.Cut(s, "-")
	if !found {
		a, b, found = strings.Cut(s, "–")
	}
	lo, err1 := strconv.Atoi(a)
	hi, err2 := strconv.Atoi(b)
	return lo, hi, found && err1 == nil && err2 == nil && lo >= 0 && lo <= hi &&
		a == strconv.Itoa(lo) && b == strconv.Itoa(hi)
}

// writeRepresentation writes r, the voters by the attribute by against the
// population, as a table; suppressed counts, and the figures they would
// give away, are shown as "*".
func writeRepresentation(b *strings.Builder, by VoterAttribute, r *metrics.Representativeness) {
	fmt.Fprintf(b, "Voters by %s against the population (counts under %d not shown: *):\n", by.Text(), r.Policy().Threshold())
	tb := &table{head: []string{"group", "voters", "share", "population", "share", "ratio"},
		right: []bool{false, true, true, true, true, true}}
	for g := range r.All() {
		row := []string{g.Group(), g.Participants().String(), "*", strconv.FormatInt(g.Population(), 10),
			g.PopulationShare().PercentText(), "*"}
		if share, ok := g.ParticipantShare(); ok {
			row[2] = share.PercentText()
			row[5] = "undefined"
		}
		if ratio, ok := g.RepresentationRatio(); ok {
			row[5] = ratio.StringFixed(metrics.ValuePlaces)
		}
		tb.rows = append(tb.rows, row)
	}
	writeTable(b, tb, "  ")
	why := "no " + by.Text() + " given"
	if by == VoterAttributeAge {
		why = "no age given, or one in no band"
	}
	if a, ok := r.Classified(); ok {
		fmt.Fprintf(b, "  %s in all: %d classified, %s not (%s).\n", plural(r.Total(), "voter"), a, r.Unclassified(), why)
	} else {
		fmt.Fprintf(b, "  %s in all; how many were not classified (%s) is not shown.\n", plural(r.Total(), "voter"), why)
	}
	dissim, err := r.Dissimilarity()
	if err != nil {
		var w *metrics.WithheldError
		why := "undefined: no voter is classified"
		if errors.As(err, &w) {
			why = "withheld: " + w.Reason
		}
		fmt.Fprintf(b, "  Index of dissimilarity and representation score %s.\n", why)
		return
	}
	score, _ := r.Score()
	fmt.Fprintf(b, "  Index of dissimilarity %s (0: the voters mirror the population); representation score %s "+
		"(1: every group voted at the same rate); groups not shown are merged for both.\n",
		dissim.StringFixed(metrics.ValuePlaces), score.StringFixed(metrics.ValuePlaces))
}
