package concerns

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/civitas-go/civitas/metrics"
)

// Figure is one figure of the register: whether the organisation keeps
// its word to complainants. Each is defined once, in the table below (its
// [Figure.Definition], unit, polarity, default target and how it is
// measured, [Figure.HowMeasured]), computed once by [Register.Performance] and
// read from there ([Performance.Measurement]) by every scorecard.
//
//	figure                 definition (numerator / denominator)                                  unit     better  default target
//	acknowledged_on_time   acknowledged by the deadline / cases received in the period that fell due  percent  higher  ≥ 95 %
//	proposed_on_time       first resolution proposed by the deadline / in-scope cases received in the period that fell due  percent  higher  ≥ 90 %
//	median_days_to_close   median time from receipt to closure, cases closed resolved or unresolved in the period  days  lower  ≤ ProposeWithinDays
//	p90_days_to_close      90th percentile of the same times                                     days     lower   ≤ ProposeWithinDays + MaxExtensionDays
//	resolved_share         closed resolved / closed resolved or unresolved in the period          percent  higher  ≥ 80 %
//	accepted_share         proposals accepted / proposals answered in the period                 percent  higher  ≥ 75 %
//	escalation_rate        proposals appealed or escalated / proposals answered in the period    percent  lower   ≤ 15 %
//	reopen_rate            cases closed in the period and reopened since / cases closed in the period  percent  lower  ≤ 5 %
//	aged_backlog           open cases received over 30 days before / open cases                  percent  lower   ≤ 10 %
//	repeat_complainants    identified complainants with 2 or more cases / with a case in the period  percent  lower  ≤ 20 %
//	issues_trending_up     issues with more cases in the period than in the one before          count    lower   ≤ 0
//
// A case is a concern or a complaint and every figure counts both; the
// labels say "complaints" for short. Percentiles are nearest rank
// (metrics.NearestRank). A figure with a zero
// denominator, or without the bounded period it needs, is undefined:
// neither met nor missed.
//
// The zero value is invalid.
type Figure int

// The figures, in the order of the table.
const (
	// FigureAcknowledgedOnTime is the share of cases acknowledged within
	// [Rules.AcknowledgeWithinDays].
	FigureAcknowledgedOnTime Figure = iota + 1
	// FigureProposedOnTime is the share of in-scope cases whose first
	// resolution was proposed within [Case.ProposeDue].
	FigureProposedOnTime
	// FigureMedianDaysToClose is the median time to close.
	FigureMedianDaysToClose
	// FigureP90DaysToClose is the 90th percentile time to close.
	FigureP90DaysToClose
	// FigureResolvedShare is the share of cases closed resolved.
	FigureResolvedShare
	// FigureAcceptedShare is the share of proposals the complainant accepted.
	FigureAcceptedShare
	// FigureEscalationRate is the share of proposals appealed or escalated.
	FigureEscalationRate
	// FigureReopenRate is the share of closed cases reopened.
	FigureReopenRate
	// FigureAgedBacklog is the share of open cases older than 30 days.
	FigureAgedBacklog
	// FigureRepeatComplainants is the share of complainants who came back.
	FigureRepeatComplainants
	// FigureIssuesTrendingUp is the number of issues with more cases than in
	// the period before.
	FigureIssuesTrendingUp
)

// figureInfo is a figure's row of the one table behind its methods.
type figureInfo struct {
	label, definition, measured string
	unit                        metrics.Unit
	polarity                    metrics.Polarity
	target                      func(Rules) metrics.Target
}

func atLeastPercent(n int64) func(Rules) metrics.Target {
	return func(Rules) metrics.Target { return metrics.TargetAtLeast(decimal.NewFromInt(n)) }
}

func atMost(n int64) func(Rules) metrics.Target {
	return func(Rules) metrics.Target { return metrics.TargetAtMost(decimal.NewFromInt(n)) }
}

// figureTable is the one definition of every figure.
var figureTable = [...]figureInfo{
	{},
	FigureAcknowledgedOnTime: {"Complaints acknowledged on time",
		"cases acknowledged by the deadline / cases received in the period whose acknowledgement fell due",
		"Cases received in the period. A case counts once it is acknowledged, or once its deadline (received + AcknowledgeWithinDays) has passed unacknowledged by the time of the figures; a case withdrawn unacknowledged before its deadline is left out. On time means acknowledged at or before the deadline.",
		metrics.UnitPercent, metrics.PolarityHigherIsBetter, atLeastPercent(95)},
	FigureProposedOnTime: {"Resolutions proposed on time",
		"cases whose first resolution was proposed by the deadline / cases received in the period whose resolution fell due",
		"Cases received in the period, except those referred out of scope. A case counts once a resolution is proposed, or once its deadline (received + ProposeWithinDays + extensions + pauses, see Case.ProposeDue) has passed without one, at its closure or by the time of the figures; a case closed without a proposal before its deadline is left out.",
		metrics.UnitPercent, metrics.PolarityHigherIsBetter, atLeastPercent(90)},
	FigureMedianDaysToClose: {"Median days to close a complaint",
		"median time from receipt to closure of cases closed resolved or unresolved in the period (nearest rank)",
		"Cases closed, as of the figures, whose latest closure falls in the period with outcome resolved or unresolved; the time runs from receipt to that closure, pauses included, as the complainant lived it. Withdrawn and referred cases are left out. Target: the published resolution deadline.",
		metrics.UnitDays, metrics.PolarityLowerIsBetter, func(r Rules) metrics.Target {
			return metrics.TargetAtMost(decimal.NewFromInt(int64(r.ProposeWithinDays)))
		}},
	FigureP90DaysToClose: {"90th percentile days to close a complaint",
		"90th percentile time from receipt to closure of cases closed resolved or unresolved in the period (nearest rank)",
		"The same cases and times as the median. Target: the published resolution deadline with its longest extension.",
		metrics.UnitDays, metrics.PolarityLowerIsBetter, func(r Rules) metrics.Target {
			return metrics.TargetAtMost(decimal.NewFromInt(int64(r.ProposeWithinDays + r.MaxExtensionDays)))
		}},
	FigureResolvedShare: {"Complaints resolved",
		"cases closed resolved / cases closed resolved or unresolved in the period",
		"The cases of the median days to close. Resolved means closed after the complainant accepted the resolution.",
		metrics.UnitPercent, metrics.PolarityHigherIsBetter, atLeastPercent(80)},
	FigureAcceptedShare: {"Resolutions accepted by the complainant",
		"proposals accepted / proposals answered in the period",
		"Each proposed resolution whose answer falls in the period counts once: accepted, appealed or escalated, or closed unresolved (rejected without appeal). A proposal the complainant left by withdrawing is left out.",
		metrics.UnitPercent, metrics.PolarityHigherIsBetter, atLeastPercent(75)},
	FigureEscalationRate: {"Resolutions appealed or escalated",
		"proposals appealed or escalated / proposals answered in the period",
		"The proposals of the accepted share.",
		metrics.UnitPercent, metrics.PolarityLowerIsBetter, atMost(15)},
	FigureReopenRate: {"Complaints reopened",
		"cases closed in the period and reopened since / cases closed in the period",
		"Cases with a closure (any outcome) in the period; reopened if a reopening follows that closure by the time of the figures.",
		metrics.UnitPercent, metrics.PolarityLowerIsBetter, atMost(5)},
	FigureAgedBacklog: {"Complaints open over 30 days",
		"open cases received more than 30 days before / open cases",
		"Cases not closed at the time of the figures, whatever the period; a case's age is whole days of 24 hours since receipt, and over 30 days means the bands 31 to 90 days and over 90 days.",
		metrics.UnitPercent, metrics.PolarityLowerIsBetter, atMost(10)},
	FigureRepeatComplainants: {"Repeat complainants",
		"identified complainants with two or more cases received in the period / identified complainants with a case in the period",
		"Named and pseudonymous complainants, told apart by ID; anonymous ones cannot be and are left out. Counted, never listed.",
		metrics.UnitPercent, metrics.PolarityLowerIsBetter, atMost(20)},
	FigureIssuesTrendingUp: {"Issues trending up",
		"issues with more cases received in the period than in the period before",
		"Every issue, open or closed, comparing the cases received in the period with those received in the period of the same length before it (metrics.Period.Previous). Undefined for the unbounded period.",
		metrics.UnitCount, metrics.PolarityLowerIsBetter, atMost(0)},
}

// Label returns the figure's name for people, such as "Complaints
// acknowledged on time", or String's fallback for an undeclared figure.
func (f Figure) Label() string {
	if !f.IsValid() {
		return f.String()
	}
	return figureTable[f].label
}

// Definition returns the figure's one-line definition: numerator /
// denominator, or what is counted.
func (f Figure) Definition() string {
	if !f.IsValid() {
		return ""
	}
	return figureTable[f].definition
}

// HowMeasured returns how the figure is measured: which cases count, when,
// and what is left out.
func (f Figure) HowMeasured() string {
	if !f.IsValid() {
		return ""
	}
	return figureTable[f].measured
}

// Unit returns the unit the figure is read in; 0 for an undeclared figure.
func (f Figure) Unit() metrics.Unit {
	if !f.IsValid() {
		return 0
	}
	return figureTable[f].unit
}

// Polarity returns which way the figure improves; 0 for an undeclared
// figure.
func (f Figure) Polarity() metrics.Polarity {
	if !f.IsValid() {
		return 0
	}
	return figureTable[f].polarity
}

// DefaultTarget returns the figure's default target under rules; the zero
// Target for an undeclared figure.
func (f Figure) DefaultTarget(rules Rules) metrics.Target {
	if !f.IsValid() {
		return metrics.Target{}
	}
	return figureTable[f].target(rules)
}

// Indicator returns the figure as a metrics.Indicator with its default
// target under rules. An undeclared figure is a [*FieldError] wrapping
// [ErrInvalid].
func (f Figure) Indicator(rules Rules) (metrics.Indicator, error) {
	if !f.IsValid() {
		return metrics.Indicator{}, &FieldError{Field: "figure", Value: f.String(), Err: ErrInvalid}
	}
	info := figureTable[f]
	return metrics.NewIndicator(info.label, info.definition, info.unit, info.polarity, info.target(rules))
}

// BacklogBand is an age band of the open backlog: whole days of 24 hours
// since receipt. The zero value is invalid.
type BacklogBand int

// The age bands.
const (
	// BacklogBandUpTo7Days is 0 to 7 days old.
	BacklogBandUpTo7Days BacklogBand = iota + 1
	// BacklogBand8To30Days is 8 to 30 days old.
	BacklogBand8To30Days
	// BacklogBand31To90Days is 31 to 90 days old.
	BacklogBand31To90Days
	// BacklogBandOver90Days is more than 90 days old.
	BacklogBandOver90Days
)

// bandOf returns the band of an age in whole days.
func bandOf(age int64) BacklogBand {
	switch {
	case age <= 7:
		return BacklogBandUpTo7Days
	case age <= 30:
		return BacklogBand8To30Days
	case age <= 90:
		return BacklogBand31To90Days
	}
	return BacklogBandOver90Days
}

// BacklogCount is the number of open cases in one age band.
type BacklogCount struct {
	// Band is the age band.
	Band BacklogBand `json:"band"`
	// Count is the number of open cases in it.
	Count int `json:"count"`
}

// Performance is the register's published figures for a period, as of a
// time: counts and exact ratios with their denominators, the backlog by
// age band, and the rules they are held against. They hold no complainant
// and no case: only counts. Read one figure with [Performance.Measurement],
// hold them against targets with [Performance.Scorecard].
//
// Performance is a value; its JSON form is its fields as tagged, and decoding
// checks that the figures agree with one another ([ErrInconsistent]).
type Performance struct {
	// Period is the period the figures cover; the zero period is all time.
	Period metrics.Period `json:"period"`
	// AsOf is the time of the figures: deadlines and ages run to it.
	AsOf time.Time `json:"as_of"`
	// Rules are the published rules the figures are held against.
	Rules Rules `json:"rules"`
	// Received is the number of cases received in the period.
	Received int `json:"received"`
	// AcknowledgedOnTime is [FigureAcknowledgedOnTime].
	AcknowledgedOnTime metrics.Ratio `json:"acknowledged_on_time"`
	// ProposedOnTime is [FigureProposedOnTime].
	ProposedOnTime metrics.Ratio `json:"proposed_on_time"`
	// Closed is the number of cases closed resolved or unresolved in the
	// period: the cases of the days to close.
	Closed int `json:"closed"`
	// MedianToClose and P90ToClose are [FigureMedianDaysToClose] and
	// [FigureP90DaysToClose]: durations, undefined when Closed is 0.
	MedianToClose metrics.Measurement `json:"median_to_close"`
	P90ToClose    metrics.Measurement `json:"p90_to_close"`
	// Resolved is [FigureResolvedShare].
	Resolved metrics.Ratio `json:"resolved"`
	// Accepted is [FigureAcceptedShare].
	Accepted metrics.Ratio `json:"accepted"`
	// Escalated is [FigureEscalationRate].
	Escalated metrics.Ratio `json:"escalated"`
	// Reopened is [FigureReopenRate].
	Reopened metrics.Ratio `json:"reopened"`
	// Open is the number of open cases at AsOf.
	Open int `json:"open"`
	// Backlog is the open cases by age band, one entry per band in order.
	Backlog []BacklogCount `json:"backlog"`
	// AgedBacklog is [FigureAgedBacklog].
	AgedBacklog metrics.Ratio `json:"aged_backlog"`
	// RepeatComplainants is [FigureRepeatComplainants].
	RepeatComplainants metrics.Ratio `json:"repeat_complainants"`
	// IssuesTrendingUp is [FigureIssuesTrendingUp]: a count, undefined for
	// the zero period.
	IssuesTrendingUp metrics.Measurement `json:"issues_trending_up"`
}

// Measurement returns the value of figure f; the zero (undefined)
// Measurement for an undeclared figure.
func (fs Performance) Measurement(f Figure) metrics.Measurement {
	switch f {
	case FigureAcknowledgedOnTime:
		return metrics.FromRatio(fs.AcknowledgedOnTime)
	case FigureProposedOnTime:
		return metrics.FromRatio(fs.ProposedOnTime)
	case FigureMedianDaysToClose:
		return fs.MedianToClose
	case FigureP90DaysToClose:
		return fs.P90ToClose
	case FigureResolvedShare:
		return metrics.FromRatio(fs.Resolved)
	case FigureAcceptedShare:
		return metrics.FromRatio(fs.Accepted)
	case FigureEscalationRate:
		return metrics.FromRatio(fs.Escalated)
	case FigureReopenRate:
		return metrics.FromRatio(fs.Reopened)
	case FigureAgedBacklog:
		return metrics.FromRatio(fs.AgedBacklog)
	case FigureRepeatComplainants:
		return metrics.FromRatio(fs.RepeatComplainants)
	case FigureIssuesTrendingUp:
		return fs.IssuesTrendingUp
	}
	return metrics.Measurement{}
}

// Evaluate holds figure f against its default target under the figures'
// rules. An undeclared figure is [ErrInvalid].
func (fs Performance) Evaluate(f Figure) (metrics.Evaluation, error) {
	ind, err := f.Indicator(fs.Rules)
	if err != nil {
		return metrics.Evaluation{}, err
	}
	return ind.Evaluate(fs.Measurement(f))
}

// Scorecard returns a scorecard titled title of the figures fs (every
// figure, in order, when none is given), each against its default target.
// It returns [ErrInvalid] for an undeclared figure and the errors of
// metrics.NewScorecard.
func (fs Performance) Scorecard(title string, figs ...Figure) (metrics.Scorecard, error) {
	if len(figs) == 0 {
		figs = Figures()
	}
	rows := make([]metrics.Evaluation, 0, len(figs))
	for _, f := range figs {
		e, err := fs.Evaluate(f)
		if err != nil {
			return metrics.Scorecard{}, err
		}
		rows = append(rows, e)
	}
	return metrics.NewScorecard(title, rows...)
}

// span is a period in Unix ns; all holds for the zero period.
type span struct {
	start, end int64
	all        bool
}

func spanOf(p metrics.Period) span {
	if p.IsZero() {
		return span{all: true}
	}
	return span{start: p.Start.UnixNano(), end: p.End.UnixNano()}
}

func (s span) contains(t int64) bool { return s.all || (t >= s.start && t < s.end) }

// tally accumulates the integer counts behind the figures; decimals come
// once, at the end.
type tally struct {
	ackOn, ackDue, propOn, propDue int64
	closed, resolved               int64
	answered, accepted, escalated  int64
	closedInP, reopened            int64
	open, aged                     int64
	bands                          [5]int
	times                          []time.Duration
	complainants                   []uuid.UUID
	received                       int
}

// Performance computes the register's figures for period p as of now (see
// [Figure] for each definition). now must be set and not before the
// register's latest change ([ErrTimeOrder]), so that the register's state
// is its state at now; p must be valid ([ErrInvalid]). Its cost is linear
// in the number of cases and history entries, with the repeat complainants
// sorted: about 20 ms for 100,000 cases.
func (r *Register) Performance(p metrics.Period, now time.Time) (Performance, error) {
	if err := p.Validate(); err != nil {
		return Performance{}, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	if err := checkTime("now", now); err != nil {
		return Performance{}, err
	}
	now = now.UTC()
	if latest := r.latest(); now.Before(latest) {
		return Performance{}, fmt.Errorf("%w: figures as of %s, latest change at %s", ErrTimeOrder, now.Format(time.RFC3339Nano), latest.Format(time.RFC3339Nano))
	}
	sp, at := spanOf(p), now.UnixNano()
	t := tally{times: make([]time.Duration, 0, len(r.cases)), complainants: make([]uuid.UUID, 0, len(r.cases))}
	for _, c := range r.cases {
		t.add(c, sp, at, &r.rules)
	}
	fs := Performance{Period: p, AsOf: now, Rules: r.rules, Received: t.received, Closed: int(t.closed), Open: int(t.open)}
	var errs []error
	ratio := func(num, den int64) metrics.Ratio {
		x, err := metrics.NewProportion(num, den)
		errs = append(errs, err)
		return x
	}
	fs.AcknowledgedOnTime = ratio(t.ackOn, t.ackDue)
	fs.ProposedOnTime = ratio(t.propOn, t.propDue)
	fs.Resolved = ratio(t.resolved, t.closed)
	fs.Accepted = ratio(t.accepted, t.answered)
	fs.Escalated = ratio(t.escalated, t.answered)
	fs.Reopened = ratio(t.reopened, t.closedInP)
	fs.AgedBacklog = ratio(t.aged, t.open)
	if len(t.times) > 0 {
		q, err := metrics.SelectPercentiles(t.times, 50, 90)
		errs = append(errs, err)
		if err == nil {
			fs.MedianToClose, err = metrics.FromDuration(q[0])
			errs = append(errs, err)
			fs.P90ToClose, err = metrics.FromDuration(q[1])
			errs = append(errs, err)
		}
	}
	fs.RepeatComplainants = ratio(repeats(t.complainants))
	for b := BacklogBandUpTo7Days; b <= BacklogBandOver90Days; b++ {
		fs.Backlog = append(fs.Backlog, BacklogCount{Band: b, Count: t.bands[b]})
	}
	if !p.IsZero() {
		prev := spanOf(p.Previous())
		up := 0
		for _, is := range r.issues {
			now, before := 0, 0
			for _, c := range is.cases {
				if sp.contains(c.received) {
					now++
				} else if prev.contains(c.received) {
					before++
				}
			}
			if trendOf(now, before) == TrendUp {
				up++
			}
		}
		m, err := metrics.FromCount(int64(up))
		errs = append(errs, err)
		fs.IssuesTrendingUp = m
	}
	if err := errors.Join(errs...); err != nil {
		return Performance{}, fmt.Errorf("%w: %w", ErrInconsistent, err) // unreachable: the counts are consistent by construction
	}
	return fs, nil
}

// repeats returns how many of the IDs occur twice or more, and how many
// distinct IDs there are. It sorts ids.
func repeats(ids []uuid.UUID) (repeated, distinct int64) {
	slices.SortFunc(ids, func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
	for i := 0; i < len(ids); {
		j := i + 1
		for j < len(ids) && ids[j] == ids[i] {
			j++
		}
		distinct++
		if j-i > 1 {
			repeated++
		}
		i = j
	}
	return repeated, distinct
}

// add counts case c into the tally for span sp as of now (Unix ns).
func (t *tally) add(c *Case, sp span, now int64, rules *Rules) {
	inP := sp.contains(c.received)
	var ack, prop, lastClose, firstCloseInP int64 = -1, -1, -1, -1
	reopenedAfter := false
	proposed := false
	for _, m := range c.marks {
		ev := Event(m.event)
		switch {
		case ev == EventAcknowledged && ack < 0:
			ack = m.at
		case ev == EventResolutionProposed:
			if prop < 0 {
				prop = m.at
			}
			proposed = true
			continue
		case ev == EventReopened && firstCloseInP >= 0:
			reopenedAfter = true
		}
		if proposed && ev != EventLinked {
			// the event that answers a proposal
			proposed = false
			if sp.contains(m.at) && ev != EventWithdrawn {
				t.answered++
				switch ev {
				case EventAccepted:
					t.accepted++
				case EventEscalated:
					t.escalated++
				}
			}
		}
		if m.closes() {
			lastClose = m.at
			if firstCloseInP < 0 && sp.contains(m.at) {
				firstCloseInP = m.at
			}
		}
	}
	if firstCloseInP >= 0 {
		t.closedInP++
		if reopenedAfter {
			t.reopened++
		}
	}
	closed := c.state == StateClosed
	if closed && sp.contains(lastClose) && (c.outcome == OutcomeResolved || c.outcome == OutcomeUnresolved) {
		t.closed++
		if c.outcome == OutcomeResolved {
			t.resolved++
		}
		t.times = append(t.times, time.Duration(lastClose-c.received))
	}
	if !closed {
		t.open++
		band := bandOf((now - c.received) / days(1))
		t.bands[band]++
		if band >= BacklogBand31To90Days {
			t.aged++
		}
	}
	if !inP {
		return
	}
	t.received++
	if cp := c.details.Complainant; cp.Identified() {
		t.complainants = append(t.complainants, cp.ID)
	}
	end := now // when the clock stopped for a case with no answer
	if closed {
		end = lastClose
	}
	counted, onTime := due(ack, c.received+days(rules.AcknowledgeWithinDays), end)
	t.ackDue += counted
	t.ackOn += onTime
	if c.outcome == OutcomeReferred && closed {
		return
	}
	stop := end
	if prop >= 0 {
		stop = prop
	}
	counted, onTime = due(prop, c.proposeDue(stop), end)
	t.propDue += counted
	t.propOn += onTime
}

// due decides whether a deadline counts and was met: done is when the
// thing was done (-1 if never), deadline when it was due, end when the
// clock stopped (the closure of a closed case, otherwise now). A thing
// done counts, on time if by the deadline; a thing not done counts, late,
// once the deadline passed before end.
func due(done, deadline, end int64) (counted, onTime int64) {
	switch {
	case done >= 0 && done <= deadline:
		return 1, 1
	case done >= 0, end > deadline:
		return 1, 0
	}
	return 0, 0
}
