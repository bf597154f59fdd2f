package engagement

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/shopspring/decimal"
)

// Figure is one figure a scorecard holds against a target: a process figure
// (reach, attendance, closing the loop, response times, influence,
// representativeness, implementation) or one that a role in the field is
// judged by (volunteering, media coverage, relationships, reputation,
// feedback quality, inquiries, conflicts, dialogue). Each has one written
// definition ([Figure.Definition]), the unit it is read in, the direction in
// which it improves and a default target; the constants below say how each
// is counted and why its default target is what it is. A figure whose input
// the caller did not give (no population profile, no stakeholder map, no
// period) is undefined, shown as such, neither met nor missed.
//
// Inputs are the contributions other than votes, as in the promise audit: a
// vote is a choice to be counted, not an input to answer. (A Figure names a
// figure; [Figures] are a campaign's outreach counts.)
//
// The zero value is invalid. Figure's text form is its lowercase name.
type Figure int

// The figures: the process figures first, then the roles' own.
const (
	// FigureReach is the number of people the outreach campaigns reached:
	// the sum of each campaign's latest reported reach. Channels report
	// reach separately, so a person two campaigns reached counts twice: the
	// sum is an upper bound of the distinct people reached. Default target:
	// at least half the target population (rounded up), the reach that the
	// default visibility target needs; at least 1 without a target
	// population.
	FigureReach Figure = iota + 1
	// FigureVisibility is the share of the target population the outreach
	// reached (metrics.Audience.Visibility): reach / target population, the
	// reach capped at the population since the summed reach may count people
	// twice. Undefined without a target population. Default target: at least
	// 50 %: most of the people the decision concerns heard of the process.
	FigureVisibility
	// FigureAttendanceRate is the share of the people registered for the
	// process's activities who attended (metrics.AttendanceRate): registered
	// attendees / registrations, walk-ins in neither count. Default target:
	// at least 60 %, a common show-up rate for free public events.
	FigureAttendanceRate
	// FigureParticipants is the number of distinct people who took part:
	// contributed, registered or attended ([Process.ParticipantCount]).
	// Default target: at least the rules' minimum of participants (at
	// least 1).
	FigureParticipants
	// FigureContributions is the number of contributions, votes included.
	// Default target: at least one per participant the rules require (at
	// least 1).
	FigureContributions
	// FigureClosingTheLoop is the share of inputs answered
	// (metrics.ClosingTheLoopRate): answered inputs / inputs. Default
	// target: 100 %, since every IAP2 promise from consult up answers every
	// input.
	FigureClosingTheLoop
	// FigureMedianResponseTime is the median time from an input to its
	// answer, nearest rank (metrics.SummarizeResponseTimes), over the
	// answered inputs; undefined when none is answered. Default target: at
	// most the rules' response commitment, or 14 days when they make none.
	FigureMedianResponseTime
	// FigureP90ResponseTime is the 90th percentile of the same times,
	// nearest rank: 90 % of answers took no longer. Default target: the
	// same as the median's, since the commitment holds for every answer.
	FigureP90ResponseTime
	// FigureInfluenceRate is the share of inputs that shaped the outcome
	// (metrics.InfluenceRate): inputs cited by the decision or a commitment
	// / inputs. Default target: at least 10 %, one input in ten named as
	// shaping the outcome; many inputs repeat one another, so a useful
	// target depends on the process and should be set for it.
	FigureInfluenceRate
	// FigureRepresentativeness is the representation score of the
	// participants against the population profile by one dimension
	// (metrics.Representation.Score: the participation rate of the least
	// heard group over that of the most heard). Small cells are suppressed
	// first (metrics.SuppressGroups) and the suppressed groups merged into
	// one, so that the published score gives away no count that the
	// suppressed breakdown hides. Undefined without a population profile or
	// with fewer than two groups left. Default target: at least 0.8, the
	// four-fifths rule behind the score (US Uniform Guidelines on Employee
	// Selection Procedures, 1978).
	FigureRepresentativeness
	// FigureImplementationProgress is the mean weighted progress of the
	// commitments that are not dropped ([Commitment.Progress]), each
	// commitment counting once, exact and rounded once to
	// metrics.ValuePlaces. Undefined with no such commitment. Default
	// target: at least the straight-line schedule at the scorecard's time:
	// the mean, over the same commitments, of the share of the time from
	// each one's making to its due date that has passed (rounded down to
	// metrics.PercentPlaces).
	FigureImplementationProgress
	// FigureVolunteerRate is the volunteer participation rate of the period
	// (participation.SummarizeVolunteering): distinct volunteers / people
	// eligible to volunteer. Undefined without volunteering activities.
	// Default target: at least 25 %, about the share of adults who volunteer
	// formally in national surveys (AmeriCorps and US Census Bureau,
	// Volunteering and Civic Life in America).
	FigureVolunteerRate
	// FigureCoverageQuality is the net tone of the media mentions the
	// campaigns earned in the period (metrics.CoverageQuality, each mention
	// counted once as the process records no audience per mention):
	// (positive − negative) / mentions, from −1 to +1. Undefined with no
	// mention. Default target: at least 0, coverage no worse than balanced.
	FigureCoverageQuality
	// FigureRelationshipGrowth is the relative change of the total strength
	// of the relationships on the stakeholder map over the period
	// (stakeholder.Map.TotalGrowth), from just before the period starts to
	// just before it ends. Undefined without a map, without a bounded period,
	// or from a strength of zero. Default target: at least 0 %: the
	// relationships did not weaken.
	FigureRelationshipGrowth
	// FigureReputationTrend is the change of the mean sentiment (−2 to +2)
	// of the interactions logged on the map, from the earlier period to the
	// period: mean(period) − mean(earlier), exact. Undefined without a map,
	// a bounded period, or interactions in either period. Default target: at
	// least 0: the mood of contacts did not worsen.
	FigureReputationTrend
	// FigureMediaMentions is the number of media mentions the campaigns
	// earned in the period: earned visibility. Default target: at least 1.
	FigureMediaMentions
	// FigureSubstantiveShare is the share of the rated contributions that
	// address the decision at stake ([Quality.Substantive]). Undefined with
	// no rating. Default target: at least 75 %: most input is on topic.
	FigureSubstantiveShare
	// FigureJustification is the mean justification score of the rated
	// contributions on the Discourse Quality Index scale 0–3
	// (metrics.AssessFeedback with metrics.JustificationRubric). Undefined
	// with no rating. Default target: at least 2, on average one complete
	// reason per contribution.
	FigureJustification
	// FigureInquiriesOnTime is the share of the inquiries logged on the map
	// in the period (inbound interactions) answered within the response
	// commitment (stakeholder.Responsiveness.Within), or within 14 days when
	// the rules make none. Undefined without a map or a bounded period.
	// Default target: at least 90 %.
	FigureInquiriesOnTime
	// FigureConflictsResolved is the share of objections the body resolved:
	// objections answered accepted, partly accepted or not accepted (with
	// its reason) / objections. An objection only noted, or ruled out of
	// scope, is not resolved: the objector still has no decision on it.
	// Default target: at least 90 %.
	FigureConflictsResolved
	// FigureDialogueShare is the share of the interactions logged on the map
	// in the period that were two-way: dialogue rather than one-way messages
	// or unanswered calls. Undefined without a map. Default target: at least
	// 50 %.
	FigureDialogueShare
)

// figureInfo is a figure's row of the table behind its methods.
type figureInfo struct {
	name, label, definition string
	unit                    metrics.Unit
	better                  metrics.Polarity
}

var figures = [...]figureInfo{
	{},
	{"reach", "Reach", "sum of the campaigns' latest reach (people)", metrics.UnitCount, metrics.PolarityHigherIsBetter},
	{"visibility", "Visibility", "people reached / target population", metrics.UnitPercent, metrics.PolarityHigherIsBetter},
	{"attendance_rate", "Attendance rate", "registered people who attended / people registered", metrics.UnitPercent, metrics.PolarityHigherIsBetter},
	{"participants", "Unique participants", "distinct people who contributed, registered or attended", metrics.UnitCount, metrics.PolarityHigherIsBetter},
	{"contributions", "Contributions", "contributions received, votes included", metrics.UnitCount, metrics.PolarityHigherIsBetter},
	{"closing_the_loop", "Closing-the-loop rate", "inputs answered / inputs (contributions other than votes)", metrics.UnitPercent, metrics.PolarityHigherIsBetter},
	{"median_response_time", "Median response time", "median time from an input to its answer (nearest rank)", metrics.UnitDays, metrics.PolarityLowerIsBetter},
	{"p90_response_time", "90th percentile response time", "90th percentile time from an input to its answer (nearest rank)", metrics.UnitDays, metrics.PolarityLowerIsBetter},
	{"influence_rate", "Influence rate", "inputs cited by the decision or a commitment / inputs", metrics.UnitPercent, metrics.PolarityHigherIsBetter},
	{"representativeness", "Representativeness", "lowest group participation rate / highest, small cells merged", metrics.UnitNumber, metrics.PolarityHigherIsBetter},
	{"implementation_progress", "Implementation progress", "mean weighted progress of the commitments not dropped", metrics.UnitPercent, metrics.PolarityHigherIsBetter},
	{"volunteer_rate", "Volunteer participation rate", "distinct volunteers in the period / people eligible", metrics.UnitPercent, metrics.PolarityHigherIsBetter},
	{"coverage_quality", "Media coverage quality", "(positive - negative mentions) / mentions in the period", metrics.UnitNumber, metrics.PolarityHigherIsBetter},
	{"relationship_growth", "Relationship growth", "change of total relationship strength over the period / strength before", metrics.UnitPercent, metrics.PolarityHigherIsBetter},
	{"reputation_trend", "Reputation trend", "mean interaction sentiment in the period - in the earlier period", metrics.UnitNumber, metrics.PolarityHigherIsBetter},
	{"media_mentions", "Media mentions", "media mentions the campaigns earned in the period", metrics.UnitCount, metrics.PolarityHigherIsBetter},
	{"substantive_share", "Substantive feedback", "rated contributions on the decision at stake / rated contributions", metrics.UnitPercent, metrics.PolarityHigherIsBetter},
	{"justification", "Justification score", "mean level of justification of rated contributions (0-3)", metrics.UnitNumber, metrics.PolarityHigherIsBetter},
	{"inquiries_on_time", "Inquiries answered on time", "inquiries answered within the commitment / inquiries in the period", metrics.UnitPercent, metrics.PolarityHigherIsBetter},
	{"conflicts_resolved", "Conflicts resolved", "objections accepted, partly accepted or declined with a reason / objections", metrics.UnitPercent, metrics.PolarityHigherIsBetter},
	{"dialogue_share", "Dialogue share", "two-way interactions / interactions in the period", metrics.UnitPercent, metrics.PolarityHigherIsBetter},
}

var figureNames = func() [len(figures)]string {
	var names [len(figures)]string
	for i, f := range figures {
		names[i] = f.name
	}
	return names
}()

// AllFigures returns every figure in declaration order.
func AllFigures() []Figure {
	out := make([]Figure, len(figures)-1)
	for i := range out {
		out[i] = Figure(i + 1)
	}
	return out
}

// ProcessFigures returns the figures of the process scorecard
// ([Process.Scorecard]): reach to implementation progress, in order.
func ProcessFigures() []Figure { return AllFigures()[:FigureImplementationProgress] }

// IsValid reports whether f is a declared figure.
func (f Figure) IsValid() bool { return enumValid(f, figureNames[:]) }

// String returns the figure's lowercase name, such as "closing_the_loop",
// or "Figure(99)" for an undeclared value.
func (f Figure) String() string { return enumString(f, figureNames[:], "Figure") }

// Label returns the figure's name for people, such as "Closing-the-loop
// rate", or String's fallback for an undeclared value.
func (f Figure) Label() string {
	if !f.IsValid() {
		return f.String()
	}
	return figures[f].label
}

// Definition returns the figure's definition in one line, such as "inputs
// answered / inputs (contributions other than votes)", or "" for an
// undeclared value. The constants' docs say more.
func (f Figure) Definition() string {
	if !f.IsValid() {
		return ""
	}
	return figures[f].definition
}

// Unit returns the unit the figure is read in, or 0 for an undeclared value.
func (f Figure) Unit() metrics.Unit {
	if !f.IsValid() {
		return 0
	}
	return figures[f].unit
}

// MarshalText returns the figure's name; an undeclared figure is an error
// wrapping [ErrInvalid].
func (f Figure) MarshalText() ([]byte, error) { return enumMarshal(f, figureNames[:], "Figure") }

// UnmarshalText parses a figure's name with [ParseFigure], leaving f
// unchanged on error.
func (f *Figure) UnmarshalText(text []byte) error {
	return enumUnmarshal(f, text, figureNames[:], "Figure")
}

// ParseFigure returns the figure named s. Any other text is an error
// wrapping [ErrInvalid] that quotes s.
func ParseFigure(s string) (Figure, error) { return enumParse[Figure](s, figureNames[:], "Figure") }

// DefaultResponseDays is the response time a scorecard holds answers and
// inquiries to when the rules make no response commitment: two weeks.
const DefaultResponseDays = 14

// ScorecardOptions are what a process scorecard needs beyond the process:
// the population it is for and the targets. The zero value draws the
// scorecard at the process's latest change, with every default target and
// visibility and representativeness undefined.
type ScorecardOptions struct {
	// At is when the scorecard is drawn: the implementation schedule is
	// read at this time. The zero time is the process's latest change.
	At time.Time
	// TargetPopulation is the number of people the process is meant to
	// reach, the denominator of visibility; 0 leaves visibility undefined.
	TargetPopulation int64
	// Dimension is the profile field representativeness compares by, such
	// as stakeholder.ByArea; it is needed only with a Population.
	Dimension stakeholder.Dimension
	// Population is the population profile by Dimension: one count per
	// group, every group a participant falls in included. Nil leaves
	// representativeness undefined.
	Population []metrics.GroupCount
	// Suppression is the small-cell policy applied before
	// representativeness is computed. The zero value suppresses counts from
	// 1 to 4, as is common in published survey tables
	// (metrics.MinCellSize5), and zeros.
	Suppression metrics.SuppressionPolicy
	// Targets replaces the default target of a figure (see [Figure]);
	// figures without an entry keep theirs.
	Targets map[Figure]metrics.Target
}

// ScorecardInput is what a scorecard is computed from: a process, its
// options, and for the roles' figures the stakeholder map with its
// interaction log, the reporting period and volunteering. The zero value has
// no process and is refused.
type ScorecardInput struct {
	// Process is the process the figures are about; required.
	Process *Process
	// Options hold the population and the targets.
	Options ScorecardOptions
	// Map is the stakeholder map with the team's interactions, for
	// relationship growth, reputation, inquiries and dialogue; nil leaves
	// those undefined.
	Map *stakeholder.Map
	// Period is the reporting period. Interactions, media mentions and
	// volunteering are counted in it; the zero Period is unbounded, which
	// leaves the figures that compare two times (growth, trend, inquiries)
	// undefined.
	Period participation.Period
	// Earlier is the period the reputation trend compares with; the zero
	// Period is the one of the same length just before Period.
	Earlier participation.Period
	// Volunteering are the volunteer activities of the period; nil leaves
	// the volunteer participation rate undefined.
	Volunteering []*participation.VolunteerActivity
	// Eligible is the number of people eligible to volunteer, the
	// denominator of the volunteer participation rate.
	Eligible int64
	// HalfLife is the half-life of relationship strength; zero is
	// stakeholder.DefaultHalfLife.
	HalfLife time.Duration
}

// Scorecard returns the process scorecard: the [ProcessFigures], from reach
// to implementation progress, each against its target (see [Figure] for the
// definitions and default targets). It returns an error wrapping
// [ErrInvalid] for invalid options (see [NewScorecard]) and the errors of
// package metrics for a population profile that does not fit the
// participants (metrics.ErrMismatchedGroups).
func (p *Process) Scorecard(o ScorecardOptions) (metrics.Scorecard, error) {
	return NewScorecard("Process scorecard: "+p.title, ScorecardInput{Process: p, Options: o}, ProcessFigures()...)
}

// NewScorecard returns a scorecard titled title with one row per figure, in
// the order given, each computed from in and held against its target. The
// title's characters that a scorecard cannot show (line breaks, control
// characters) become spaces.
//
// It returns an error wrapping [ErrInvalid] for: no process, no figure or an
// undeclared one, a title with nothing printable in it, a negative target population or eligible count, a
// population without a declared dimension, an invalid suppression policy,
// period, time or target, and a negative half-life; and the errors of
// package metrics (metrics.ErrMismatchedGroups for a participant group the
// population lacks) and of participation.SummarizeVolunteering. The errors
// are joined.
func NewScorecard(title string, in ScorecardInput, figures ...Figure) (metrics.Scorecard, error) {
	title = printable(title)
	if err := in.validate(figures); err != nil || strings.TrimSpace(title) == "" {
		return metrics.Scorecard{}, errors.Join(err, checkText("title", title))
	}
	m := newMeasurer(&in, figures)
	rows := make([]metrics.Evaluation, 0, len(figures))
	var errs problems
	for _, f := range figures {
		e, err := m.evaluate(f)
		errs.add(err)
		rows = append(rows, e)
	}
	if err := errors.Join(errs...); err != nil {
		return metrics.Scorecard{}, err
	}
	return metrics.NewScorecard(title, rows...)
}

// printable replaces the characters a scorecard title cannot hold with
// spaces.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsGraphic(r) {
			return r
		}
		return ' '
	}, strings.ToValidUTF8(s, " "))
}

// validate checks the input for the given figures.
func (in *ScorecardInput) validate(figures []Figure) error {
	var errs problems
	if in.Process == nil {
		errs.add(fieldErr("process", "nil", ErrInvalid))
	}
	if len(figures) == 0 {
		errs.add(fieldErr("figures", "none", ErrInvalid))
	}
	for _, f := range figures {
		errs.add(checkEnum("figure", f))
	}
	o := &in.Options
	if !o.At.IsZero() {
		errs.add(checkTime("options.at", o.At))
	}
	errs.add(checkCount("options.target_population", o.TargetPopulation), checkCount("eligible", in.Eligible))
	if o.Population != nil && (stakeholder.Profile{}).Group(o.Dimension) == "" {
		errs.add(fieldErr("options.dimension", fmt.Sprint(int(o.Dimension)), ErrInvalid))
	}
	if o.Suppression != (metrics.SuppressionPolicy{}) && o.Suppression.Validate() != nil {
		errs.add(fieldErr("options.suppression", fmt.Sprint(o.Suppression.MinCellSize), ErrInvalid))
	}
	for f, t := range o.Targets {
		if !f.IsValid() || !t.IsValid() {
			errs.add(fieldErr("options.targets", f.String(), ErrInvalid))
		}
	}
	for _, pd := range []struct {
		name string
		v    participation.Period
	}{{"period", in.Period}, {"earlier", in.Earlier}} {
		if pd.v.Validate() != nil {
			errs.add(fieldErr(pd.name, pd.v.Start.String()+" – "+pd.v.End.String(), ErrInvalid))
		}
	}
	if in.HalfLife < 0 {
		errs.add(fieldErr("half_life", in.HalfLife.String(), ErrInvalid))
	}
	return errors.Join(errs...)
}

// measurer computes the figures of one scorecard, sharing one pass over the
// contributions among them.
type measurer struct {
	in       *ScorecardInput
	p        *Process
	at       time.Time
	t        tally
	p50, p90 int64 // response time percentiles in nanoseconds, if t.times is not empty
}

func newMeasurer(in *ScorecardInput, figures []Figure) *measurer {
	p := in.Process
	m := &measurer{in: in, p: p, at: in.Options.At}
	if m.at.IsZero() {
		m.at = p.last
	}
	m.t = p.tally(tallyOptions{
		times:  slices.Contains(figures, FigureMedianResponseTime) || slices.Contains(figures, FigureP90ResponseTime),
		scores: slices.Contains(figures, FigureJustification),
	})
	if len(m.t.times) > 0 {
		// Both percentiles at once; the tally's times are its own to reorder.
		r := nearestRanks(m.t.times, 50, 90)
		m.p50, m.p90 = r[0], r[1]
	}
	return m
}

// evaluate computes figure f and holds it against its target.
func (m *measurer) evaluate(f Figure) (metrics.Evaluation, error) {
	v, err := m.measure(f)
	if err != nil {
		return metrics.Evaluation{}, fmt.Errorf("engagement: %s: %w", f, err)
	}
	target, ok := m.in.Options.Targets[f]
	if !ok {
		target = m.defaultTarget(f)
	}
	info := figures[f]
	ind, err := metrics.NewIndicator(info.label, info.definition, info.unit, info.better, target)
	if err != nil {
		return metrics.Evaluation{}, fmt.Errorf("engagement: %s: %w: %w", f, ErrInvalid, err)
	}
	return ind.Evaluate(v)
}

// responseDays is the response commitment in days, or DefaultResponseDays.
func (m *measurer) responseDays() int {
	if d := m.p.rules.ResponseDays; d > 0 {
		return d
	}
	return DefaultResponseDays
}

// defaultTarget returns the documented default target of f (see [Figure]).
func (m *measurer) defaultTarget(f Figure) metrics.Target {
	atLeast := func(n int64) metrics.Target { return metrics.TargetAtLeast(decimal.NewFromInt(n)) }
	minimum := int64(max(m.p.rules.MinParticipants, 1))
	switch f {
	case FigureReach:
		if pop := m.in.Options.TargetPopulation; pop > 0 {
			return atLeast(pop/2 + pop%2)
		}
		return atLeast(1)
	case FigureVisibility, FigureDialogueShare:
		return atLeast(50)
	case FigureAttendanceRate:
		return atLeast(60)
	case FigureParticipants, FigureContributions:
		return atLeast(minimum)
	case FigureClosingTheLoop:
		return atLeast(100)
	case FigureMedianResponseTime, FigureP90ResponseTime:
		return metrics.TargetAtMost(decimal.NewFromInt(int64(m.responseDays())))
	case FigureInfluenceRate:
		return atLeast(10)
	case FigureRepresentativeness:
		return metrics.TargetAtLeast(decimal.New(8, -1))
	case FigureImplementationProgress:
		return metrics.TargetAtLeast(m.schedule())
	case FigureVolunteerRate:
		return atLeast(25)
	case FigureSubstantiveShare:
		return atLeast(75)
	case FigureJustification:
		return atLeast(2)
	case FigureInquiriesOnTime, FigureConflictsResolved:
		return atLeast(90)
	case FigureMediaMentions:
		return atLeast(1)
	}
	return atLeast(0) // coverage quality, relationship growth, reputation trend
}

// measure computes figure f. A figure whose input is missing is the zero
// (undefined) Measurement.
func (m *measurer) measure(f Figure) (metrics.Measurement, error) {
	p, t := m.p, &m.t
	switch f {
	case FigureReach:
		reach, err := m.reach()
		if err != nil {
			return metrics.Measurement{}, err
		}
		return metrics.FromCount(reach)
	case FigureVisibility:
		reach, err := m.reach()
		if err != nil {
			return metrics.Measurement{}, err
		}
		pop := m.in.Options.TargetPopulation
		return ratio(metrics.NewProportion(min(reach, pop), pop))
	case FigureAttendanceRate:
		var came, signedUp int64
		for i := range p.activities {
			for _, r := range p.activities[i].attendance {
				if r.done[registered] {
					signedUp++
					if r.done[attended] {
						came++
					}
				}
			}
		}
		return ratio(metrics.AttendanceRate(came, signedUp))
	case FigureParticipants:
		return metrics.FromCount(int64(len(p.participants)))
	case FigureContributions:
		return metrics.FromCount(t.contributions)
	case FigureClosingTheLoop:
		return ratio(metrics.ClosingTheLoopRate(t.answered, t.inputs))
	case FigureMedianResponseTime, FigureP90ResponseTime:
		if len(t.times) == 0 {
			return metrics.Measurement{}, nil
		}
		if f == FigureMedianResponseTime {
			return metrics.FromDuration(time.Duration(m.p50))
		}
		return metrics.FromDuration(time.Duration(m.p90))
	case FigureInfluenceRate:
		return ratio(metrics.InfluenceRate(t.shaped, t.inputs))
	case FigureRepresentativeness:
		return m.representativeness()
	case FigureImplementationProgress:
		return m.progress(), nil
	}
	return m.measureRole(f)
}

// ratio turns a metrics ratio and its error into a measurement.
func ratio(r metrics.Ratio, err error) (metrics.Measurement, error) {
	if err != nil {
		return metrics.Measurement{}, err
	}
	return metrics.FromRatio(r), nil
}

// reach is [Process.Reach] for the scorecard.
func (m *measurer) reach() (int64, error) { return m.p.Reach() }

// Reach returns the number of people the process's outreach reached: the sum
// of each campaign's latest reported reach, the figure behind [FigureReach].
// A person reached by two campaigns counts twice, since campaigns report
// counts, not people. It returns an error wrapping [metrics.ErrOverflow] if
// the sum does not fit an int64.
func (p *Process) Reach() (int64, error) {
	var sum int64
	for i := range p.campaigns {
		c := &p.campaigns[i]
		if n := len(c.figures); n > 0 {
			r := c.figures[n-1].v.Reach
			if sum > math.MaxInt64-r {
				return 0, metrics.ErrOverflow
			}
			sum += r
		}
	}
	return sum, nil
}

// representativeness computes FigureRepresentativeness (see its doc).
func (m *measurer) representativeness() (metrics.Measurement, error) {
	o := &m.in.Options
	if o.Population == nil {
		return metrics.Measurement{}, nil
	}
	policy := o.Suppression
	if policy == (metrics.SuppressionPolicy{}) {
		policy = metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize5}
	}
	counts := map[string]int64{}
	for i := range m.p.participants {
		counts[m.p.participants[i].profile.Group(o.Dimension)]++
	}
	part := make([]metrics.GroupCount, len(o.Population))
	for i, g := range o.Population {
		part[i] = metrics.GroupCount{Group: g.Group, Count: counts[g.Group]}
		delete(counts, g.Group)
	}
	if len(counts) > 0 {
		missing := slices.Sorted(func(yield func(string) bool) {
			for g := range counts {
				if !yield(g) {
					return
				}
			}
		})
		return metrics.Measurement{}, fmt.Errorf("participant group %q not in the population: %w", missing[0], metrics.ErrMismatchedGroups)
	}
	if len(part) < 2 {
		return metrics.Measurement{}, nil
	}
	sup, err := metrics.SuppressGroups(part, policy)
	if err != nil {
		return metrics.Measurement{}, err
	}
	label := "(suppressed)"
	for slices.ContainsFunc(o.Population, func(g metrics.GroupCount) bool { return g.Group == label }) {
		label = "(" + label + ")"
	}
	var mergedPart, mergedPop []metrics.GroupCount
	var hidden, hiddenPop int64
	for i, g := range o.Population {
		if sup.Cell(i).Suppressed() {
			hidden += part[i].Count
			hiddenPop += g.Count
			continue
		}
		mergedPart = append(mergedPart, part[i])
		mergedPop = append(mergedPop, g)
	}
	if hiddenPop > 0 || hidden > 0 {
		mergedPart = append(mergedPart, metrics.GroupCount{Group: label, Count: hidden})
		mergedPop = append(mergedPop, metrics.GroupCount{Group: label, Count: hiddenPop})
	}
	if len(mergedPart) < 2 {
		return metrics.Measurement{}, nil
	}
	rep, err := metrics.CompareToPopulation(mergedPart, mergedPop)
	if err != nil {
		return metrics.Measurement{}, err
	}
	score, err := rep.Score()
	if err != nil {
		return metrics.Measurement{}, nil // no participants: undefined, not an error
	}
	return metrics.FromDecimal(score), nil
}

// openCommitments returns the commitments that are not dropped.
func (m *measurer) openCommitments() []*commitment {
	var out []*commitment
	for k := range m.p.commitments {
		if c := &m.p.commitments[k]; c.dropped.IsZero() {
			out = append(out, c)
		}
	}
	return out
}

// progress computes FigureImplementationProgress: the exact mean of the
// commitments' done weight over their total weight.
func (m *measurer) progress() metrics.Measurement {
	cs := m.openCommitments()
	if len(cs) == 0 {
		return metrics.Measurement{}
	}
	sum := new(big.Rat)
	for _, c := range cs {
		var done, total int64
		for _, ms := range c.milestones {
			total += int64(ms.Weight)
			if ms.Done() {
				done += int64(ms.Weight)
			}
		}
		sum.Add(sum, big.NewRat(done, total))
	}
	return metrics.FromDecimal(ratDecimal(sum.Quo(sum, big.NewRat(int64(len(cs)), 1)), metrics.ValuePlaces, false))
}

// schedule returns the default target of implementation progress: the mean
// share of each open commitment's time to its due date that has passed at
// the scorecard's time, in percent, rounded down to metrics.PercentPlaces;
// 0 with no open commitment.
func (m *measurer) schedule() decimal.Decimal {
	cs := m.openCommitments()
	sum := new(big.Rat)
	for _, c := range cs {
		span, passed := c.spec.Due.Sub(c.added), m.at.Sub(c.added)
		switch {
		case passed <= 0:
		case passed >= span:
			sum.Add(sum, big.NewRat(1, 1))
		default:
			sum.Add(sum, big.NewRat(int64(passed), int64(span)))
		}
	}
	if len(cs) > 0 {
		sum.Quo(sum, big.NewRat(int64(len(cs)), 1))
	}
	return ratDecimal(sum.Mul(sum, big.NewRat(100, 1)), metrics.PercentPlaces, true)
}

// ratDecimal returns r, which is never negative here, as a decimal with the
// given places, rounded half away from zero, or rounded down when down is
// set.
func ratDecimal(r *big.Rat, places int32, down bool) decimal.Decimal {
	num, den := decimal.NewFromBigInt(r.Num(), 0), decimal.NewFromBigInt(r.Denom(), 0)
	if down {
		q, _ := num.QuoRem(den, places)
		return q
	}
	return num.DivRound(den, places)
}
