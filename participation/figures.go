package participation

import (
	"cmp"
	"maps"
	"slices"
	"time"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
)

// DayCount is the number of supports signed on one calendar day. The zero
// value is no support on the zero day.
type DayCount struct {
	// Day is the day's midnight in the location asked for.
	Day time.Time
	// Count is the number of supports signed that day.
	Count int
}

// SupportsPerDay returns the number of current supports (withdrawn ones
// are gone) signed on each calendar day in loc (UTC when nil), from the day
// of the earliest support to that of the latest, days without support
// included with a count of 0; nil when there is no support. It is the
// momentum curve organisers watch: a campaign day shows as a spike.
func (in *Initiative) SupportsPerDay(loc *time.Location) []DayCount {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	if in.supports.len() == 0 {
		return nil
	}
	if loc == nil {
		loc = time.UTC
	}
	type civil struct {
		y int
		m time.Month
		d int
	}
	counts := make(map[civil]int)
	for _, r := range in.supports.recs {
		y, m, d := time.Unix(0, r.at).In(loc).Date()
		counts[civil{y, m, d}]++
	}
	days := slices.SortedFunc(maps.Keys(counts), func(a, b civil) int {
		return cmp.Or(cmp.Compare(a.y, b.y), cmp.Compare(a.m, b.m), cmp.Compare(a.d, b.d))
	})
	first, last := days[0], days[len(days)-1]
	var out []DayCount
	// AddDate on the civil date, not Add(24h): days around a daylight-saving
	// change are 23 or 25 hours long.
	for day := time.Date(first.y, first.m, first.d, 0, 0, 0, 0, loc); ; day = day.AddDate(0, 0, 1) {
		y, m, d := day.Date()
		out = append(out, DayCount{Day: day, Count: counts[civil{y, m, d}]})
		if (civil{y, m, d}) == last {
			return out
		}
	}
}

// TimeToThreshold returns how long the initiative took to meet every
// threshold: from when gathering could start (the later of its opening and
// the window's start) to the signing time of the support that brought the
// current supports over the last threshold, taking them in signing order.
// It reports false when the current supports do not meet every threshold
// (or there are no rules). Because it is computed from the signing times,
// offline signatures entered late count at the time they were signed.
func (in *Initiative) TimeToThreshold() (time.Duration, bool) {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	if !in.meets(4) {
		return 0, false
	}
	type entry struct {
		at   int64
		area uint16
	}
	recs := make([]entry, len(in.supports.recs))
	for i, r := range in.supports.recs {
		recs[i] = entry{r.at, r.area}
	}
	slices.SortFunc(recs, func(a, b entry) int { return cmp.Compare(a.at, b.at) })
	// Count again in signing order until every requirement is met.
	g := &in.gate
	areaCount := make([]int, len(in.supports.areas))
	unmet := len(g.need)
	needOf := make(map[uint16]int, len(g.need))
	for _, n := range g.need {
		needOf[n.area] = n.threshold
	}
	for i, e := range recs {
		areaCount[e.area]++
		if need, ok := needOf[e.area]; ok && areaCount[e.area] == need {
			unmet--
		}
		if unmet == 0 && i+1 >= g.threshold {
			start := in.opened
			if g.windowed {
				start = latestOf(start, time.Unix(0, g.start).UTC())
			}
			return time.Unix(0, e.at).Sub(start), true
		}
	}
	return 0, false // unreachable: meets(4) holds
}

func latestOf(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// ChannelShares is how the supports divide between online and offline
// signatures, each as an exact share of all supports. With no support both
// are undefined (0/0). The zero value is that of no support.
type ChannelShares struct {
	// Online is online supports / all supports.
	Online metrics.Ratio
	// Offline is offline supports / all supports.
	Offline metrics.Ratio
}

// ChannelShares returns the online and offline shares of the current
// supports.
func (in *Initiative) ChannelShares() ChannelShares {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	var online int64
	for _, r := range in.supports.recs {
		if SigningMethod(r.channel) == SigningMethodOnline {
			online++
		}
	}
	total := int64(in.supports.len())
	// Counts of a subset of the supports: NewProportion cannot fail.
	on, _ := metrics.NewProportion(online, total)
	off, _ := metrics.NewProportion(total-online, total)
	return ChannelShares{Online: on, Offline: off}
}

// supporterCounts returns the number of current supporters in each group
// of dimension d ([stakeholder.Profile.Group]), in increasing order of the
// group's label, and the number whose profile has no value in d
// (unclassified). It returns an [*FieldError] wrapping [ErrInvalid] for an
// undeclared dimension.
func (in *Initiative) supporterCounts(d stakeholder.Dimension) ([]metrics.GroupCount, int64, error) {
	if !d.IsValid() {
		return nil, 0, undeclared("dimension", d)
	}
	var c metrics.GroupCounter[string]
	var unclassified int64
	for _, r := range in.supports.recs {
		if g := in.supports.profile(r).Group(d); g != "" {
			c.Add(g)
		} else {
			unclassified++
		}
	}
	return c.GroupCounts(), unclassified, nil
}

// Representativeness compares the current supporters with the population
// they are meant to speak for, by one dimension of their profile (did
// support come from everyone, or from the usual few?), as it may be
// published: the result of [metrics.PublishRepresentativeness], the one
// path from counts to a published figure in civitas. Each supporter counts
// in the group [stakeholder.Profile.Group] gives, matched to spec's
// population labels by [metrics.GroupKey]; a supporter whose profile has
// no value in d (no age band, sex or area given) is counted as
// unclassified, never dropped and never an error. Small cells are
// suppressed under spec.Policy before any figure is derived, and no field,
// method or JSON of the result carries a suppressed count or a figure
// derived from one (see [metrics.Representativeness]). Pass the previous
// release's SuppressedGroups as spec.KeepSuppressed when publishing again
// as support grows.
//
// It returns an [*FieldError] wrapping [ErrInvalid] for an undeclared
// dimension, and the errors of metrics.PublishRepresentativeness, such as
// [metrics.ErrMismatchedGroups] for a supporter group the population lacks
// and [metrics.ErrUnprotectable].
func (in *Initiative) Representativeness(d stakeholder.Dimension, spec metrics.RepresentativenessSpec) (metrics.Representativeness, error) {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	counts, unclassified, err := in.supporterCounts(d)
	if err != nil {
		return metrics.Representativeness{}, err
	}
	return metrics.PublishRepresentativeness(counts, unclassified, spec)
}

// CompareSupportersUnsuppressed compares the classified supporters with
// population by dimension d exactly, every group's count included however
// small ([metrics.CompareToPopulation]): the representation ratio per
// group, the index of dissimilarity, the representation score. Supporters
// with no value in d are left out; a group of the population without
// supporters counts zero.
//
// It is for the initiators' own analysis only and must never be
// published: its counts and every figure derived from them can identify
// the few supporters of a small group. Publish
// [Initiative.Representativeness] instead.
//
// It returns an [*FieldError] wrapping [ErrInvalid] for an undeclared
// dimension, and the errors of metrics.CompareToPopulation, such as
// [metrics.ErrMismatchedGroups] for a supporter group the population lacks.
func (in *Initiative) CompareSupportersUnsuppressed(d stakeholder.Dimension, population []metrics.GroupCount) (metrics.Representation, error) {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	counts, _, err := in.supporterCounts(d)
	if err != nil {
		return metrics.Representation{}, err
	}
	// Align the supporters with the population's groups, zeros included;
	// a group only the supporters have is kept so that the comparison
	// reports it.
	byGroup := make(map[string]metrics.GroupCount, len(counts))
	for _, c := range counts {
		byGroup[metrics.GroupKey(c.Group)] = c
	}
	aligned := make([]metrics.GroupCount, 0, len(population))
	for _, p := range population {
		key := metrics.GroupKey(p.Group)
		aligned = append(aligned, metrics.GroupCount{Group: p.Group, Count: byGroup[key].Count})
		delete(byGroup, key)
	}
	for _, c := range counts {
		if _, extra := byGroup[metrics.GroupKey(c.Group)]; extra {
			aligned = append(aligned, c)
		}
	}
	return metrics.CompareToPopulation(aligned, population)
}
