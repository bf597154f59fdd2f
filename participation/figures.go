package participation

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/shopspring/decimal"

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

// SupporterCounts returns the number of current supporters in each group of
// dimension d (stakeholder.Profile.Group: an age band, a sex, an area, or
// resident/non-resident), in increasing order of the group's label, for
// the figures of package metrics. Groups without supporters are absent.
// It returns an error wrapping [ErrInvalidValue] for an undeclared
// dimension.
func (in *Initiative) SupporterCounts(d stakeholder.Dimension) ([]metrics.GroupCount, error) {
	if (stakeholder.Profile{}).Group(d) == "" {
		return nil, fmt.Errorf("%w: %v", ErrInvalidValue, d)
	}
	var c metrics.GroupCounter[string]
	for _, r := range in.supports.recs {
		c.Add(in.supports.profile(r).Group(d))
	}
	return c.GroupCounts(), nil
}

// Representativeness compares an initiative's supporters with the
// population they are meant to speak for, by one dimension of their
// profile: did support come from everyone, or from the usual few?
//
// Comparison is the exact comparison of every group (the representation
// ratio per group, the index of dissimilarity, the representation score;
// see metrics.Representation). It is computed from every count, small ones
// included, so it is for the initiators' own analysis, not for
// publication. Published holds the rows fit to publish: each group's
// supporter count under small-cell suppression (metrics.SuppressGroups,
// complementary cells included), and its shares and representation ratio
// only when its count is visible, since those would give a suppressed
// count away.
//
// The zero value compares nothing.
type Representativeness struct {
	// Dimension is the profile field compared.
	Dimension stakeholder.Dimension
	// Comparison compares every group exactly; not for publication.
	Comparison metrics.Representation
	// Published has one row per group of the population, in its order.
	Published []PublishedGroup
}

// PublishedGroup is one group's row of a [Representativeness] as it may be
// published. The zero value is an unnamed, suppressed row.
type PublishedGroup struct {
	// Group is the group's label.
	Group string
	// Supporters is the group's supporter count, or suppressed.
	Supporters metrics.Cell
	// PopulationShare is the group's share of the population.
	PopulationShare metrics.Ratio
	// SupporterShare is the group's share of all supporters; undefined
	// (0/0) when Supporters is suppressed.
	SupporterShare metrics.Ratio
	// Ratio is SupporterShare over PopulationShare, rounded to
	// metrics.ValuePlaces: 1 is proportional, below 1 under-represented.
	// It is meaningful only when RatioDefined is set.
	Ratio decimal.Decimal
	// RatioDefined reports whether Ratio is published: the count is visible
	// and there are supporters and population in the group's population.
	RatioDefined bool
}

// Representativeness compares the current supporters with population, a
// breakdown by dimension d with one count per group (every group a
// supporter falls in must be present, see [Initiative.SupporterCounts]),
// and suppresses small cells with policy. It returns the errors of
// metrics.CompareToPopulation (such as [metrics.ErrMismatchedGroups] for a
// supporter group missing from the population) and metrics.SuppressGroups
// (such as [metrics.ErrUnprotectable]), and [ErrInvalidValue] for an
// undeclared dimension.
func (in *Initiative) Representativeness(d stakeholder.Dimension, population []metrics.GroupCount, policy metrics.SuppressionPolicy) (Representativeness, error) {
	counts, err := in.SupporterCounts(d)
	if err != nil {
		return Representativeness{}, err
	}
	// Align the supporters with the population's groups, zeros included;
	// a group only the supporters have is kept so that the comparison
	// reports it.
	byGroup := make(map[string]int64, len(counts))
	for _, c := range counts {
		byGroup[c.Group] = c.Count
	}
	aligned := make([]metrics.GroupCount, 0, len(population))
	for _, p := range population {
		aligned = append(aligned, metrics.GroupCount{Group: p.Group, Count: byGroup[p.Group]})
		delete(byGroup, p.Group)
	}
	for _, c := range counts {
		if _, extra := byGroup[c.Group]; extra {
			aligned = append(aligned, c)
		}
	}
	cmpn, err := metrics.CompareToPopulation(aligned, population)
	if err != nil {
		return Representativeness{}, err
	}
	cells, err := metrics.SuppressGroups(aligned, policy)
	if err != nil {
		return Representativeness{}, err
	}
	out := Representativeness{Dimension: d, Comparison: cmpn}
	i := 0
	for g := range cmpn.All() {
		row := PublishedGroup{Group: g.Group(), Supporters: cells.Cell(i), PopulationShare: g.PopulationShare()}
		if !row.Supporters.Suppressed() {
			row.SupporterShare = g.ParticipantShare()
			row.Ratio, err = g.RepresentationRatio()
			row.RatioDefined = err == nil
		}
		out.Published = append(out.Published, row)
		i++
	}
	return out, nil
}
