package scorecard

import (
	"math/big"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/shopspring/decimal"
)

// Figure is one figure a scorecard holds against a target: a process figure
// (exposures, attendance, closing the loop, response times, influence,
// representativeness, implementation) or one that a role in the field is
// judged by (volunteering, media coverage, relationships, reputation,
// feedback quality, inquiries, conflicts, dialogue). Each has one row in the
// figures table: its name, label, one-line definition ([Figure.Definition]),
// unit, the direction in which it improves, the inputs it needs, its
// default target and how it is measured; the constants below say how each
// is counted and why its default target is what it is. A figure whose input
// the caller did not give (no target population, no population profile, no
// stakeholder map, no bounded period, no volunteering) is undefined, shown
// as such, neither met nor missed.
//
// Inputs are the contributions other than votes, as in the promise audit: a
// vote is a choice to be counted, not an input to answer.
//
// The zero value is invalid. Figure's text form is its wire name, such as
// "closing_the_loop"; [Figure.Label] is its name for people.
type Figure int

// The figures: the process figures first, then the roles' own.
const (
	// FigureExposures is the sum of the campaigns' latest reported reach
	// ([engagement.Process.Exposures]): exposures, not people, since a
	// person two campaigns reached counts twice. It is an upper bound of the
	// distinct people reached. Default target: at least half the target
	// population (rounded up), the exposures the default visibility target
	// needs; at least 1 without a target population.
	FigureExposures Figure = iota + 1
	// FigureVisibility is the share of the target population the outreach
	// reached: exposures / target population, the exposures capped at the
	// population. Since exposures may count people twice, it is an upper
	// bound of the share of distinct people reached. Undefined without a
	// target population. Default target: at least 50 %: most of the people
	// the decision concerns heard of the process.
	FigureVisibility
	// FigureAttendanceRate is the share of the people registered for the
	// process's activities who attended (metrics.AttendanceRate): registered
	// attendees / registrations, walk-ins in neither count. Default target:
	// at least 60 %, a common show-up rate for free public events.
	FigureAttendanceRate
	// FigureParticipants is the number of distinct people who took part:
	// contributed, registered or attended. Default target: at least the
	// rules' minimum of participants (at least 1).
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
	// answer, nearest rank (metrics.SelectPercentiles), over the answered
	// inputs; undefined when none is answered. Default target: at most the
	// rules' response commitment, or [DefaultResponseDays] when they make
	// none.
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
	// participants against the population profile by one dimension, as
	// published by [engagement.Process.Representativeness]
	// (metrics.Representativeness.Score: the participation rate of the least
	// heard group over that of the most heard, small cells suppressed and
	// merged first). Participants with no value in the dimension are
	// unclassified, not an error. Undefined without a population profile,
	// and when the score is withheld or undefined. Default target: at least
	// 0.8, the four-fifths rule behind the score (US Uniform Guidelines on
	// Employee Selection Procedures, 1978).
	FigureRepresentativeness
	// FigureImplementationProgress is the mean weighted progress of the
	// commitments that are not dropped ([engagement.Commitment.Progress]),
	// each commitment counting once, exact and rounded once to
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
	// campaigns earned in the period, each weighted by its recorded
	// audience (metrics.CoverageQuality): Σ reach·tone / Σ reach, from −1
	// to +1. A mention whose audience is unknown (recorded as 0) weighs
	// nothing (see [engagement.Clipping]). Undefined with no mention of known
	// audience. Default target: at least 0, coverage no worse than balanced.
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
	// address the decision at stake ([engagement.Quality]). Undefined with
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
	// commitment (stakeholder.Responsiveness.Within), or within
	// [DefaultResponseDays] when the rules make none. Undefined without a
	// map or a bounded period. Default target: at least 90 %.
	FigureInquiriesOnTime
	// FigureConflictsResolved is the share of objections the body resolved
	// ([engagement.Tallies.Resolved]): objections answered accepted, partly
	// accepted or not accepted (with its reason) / objections. An objection
	// only noted, or ruled out of scope, is not resolved: the objector still
	// has no decision on it. Default target: at least 90 %.
	FigureConflictsResolved
	// FigureDialogueShare is the share of the interactions logged on the map
	// in the period that were two-way: dialogue rather than one-way messages
	// or unanswered calls. Undefined without a map. Default target: at least
	// 50 %.
	FigureDialogueShare
)

// needs is a set of the optional inputs a figure needs; a figure whose
// input is missing is undefined. The checks are in [measure.has].
type needs uint8

const (
	needTargetPopulation needs = 1 << iota // Options.TargetPopulation > 0
	needProfile                            // Options.Representativeness.Population
	needMap                                // Input.Map
	needPeriod                             // a bounded Input.Period
	needVolunteering                       // Input.Volunteering
)

// figureRow is everything about one figure, in one place: adding a figure
// is adding its constant and its row (see the package doc).
type figureRow struct {
	name       string // wire name
	label      string // name for people
	definition string // one line; the constant's doc says more
	unit       metrics.Unit
	better     metrics.Polarity
	process    bool  // one of the process scorecard's figures
	needs      needs // inputs without which the figure is undefined
	target     func(*measure) metrics.Target
	measure    func(*measure) (metrics.Measurement, error)
}

// The default targets the rows share.
func atLeast(n int64) func(*measure) metrics.Target {
	return func(*measure) metrics.Target { return metrics.TargetAtLeast(decimal.NewFromInt(n)) }
}

func atLeastMinimum(m *measure) metrics.Target {
	return metrics.TargetAtLeast(decimal.NewFromInt(int64(max(m.rules.MinParticipants, 1))))
}

func atMostResponseDays(m *measure) metrics.Target {
	return metrics.TargetAtMost(decimal.NewFromInt(int64(m.responseDays())))
}

// figureTable is the one table of the figures, indexed by Figure.
var figureTable = [...]figureRow{
	FigureExposures: {
		name: "exposures", label: "Exposures", definition: "sum of the campaigns' latest reach (a person reached twice counts twice)",
		unit: metrics.UnitCount, better: metrics.PolarityHigherIsBetter, process: true,
		target: func(m *measure) metrics.Target {
			if pop := m.in.Options.TargetPopulation; pop > 0 {
				return metrics.TargetAtLeast(decimal.NewFromInt(pop/2 + pop%2))
			}
			return metrics.TargetAtLeast(decimal.NewFromInt(1))
		},
		measure: func(m *measure) (metrics.Measurement, error) {
			n, err := m.t.Exposures()
			if err != nil {
				return metrics.Measurement{}, err
			}
			return metrics.FromCount(n)
		},
	},
	FigureVisibility: {
		name: "visibility", label: "Visibility", definition: "exposures (at most the population) / target population",
		unit: metrics.UnitPercent, better: metrics.PolarityHigherIsBetter, process: true, needs: needTargetPopulation,
		target: atLeast(50),
		measure: func(m *measure) (metrics.Measurement, error) {
			n, err := m.t.Exposures()
			if err != nil {
				return metrics.Measurement{}, err
			}
			pop := m.in.Options.TargetPopulation
			return ratio(metrics.NewProportion(min(n, pop), pop))
		},
	},
	FigureAttendanceRate: {
		name: "attendance_rate", label: "Attendance rate", definition: "registered people who attended / people registered",
		unit: metrics.UnitPercent, better: metrics.PolarityHigherIsBetter, process: true,
		target: atLeast(60),
		measure: func(m *measure) (metrics.Measurement, error) {
			return ratio(metrics.AttendanceRate(m.t.RegisteredAttended(), m.t.Registered()))
		},
	},
	FigureParticipants: {
		name: "participants", label: "Unique participants", definition: "distinct people who contributed, registered or attended",
		unit: metrics.UnitCount, better: metrics.PolarityHigherIsBetter, process: true,
		target: atLeastMinimum,
		measure: func(m *measure) (metrics.Measurement, error) {
			return metrics.FromCount(int64(m.t.Participants()))
		},
	},
	FigureContributions: {
		name: "contributions", label: "Contributions", definition: "contributions received, votes included",
		unit: metrics.UnitCount, better: metrics.PolarityHigherIsBetter, process: true,
		target: atLeastMinimum,
		measure: func(m *measure) (metrics.Measurement, error) {
			return metrics.FromCount(m.t.Contributions())
		},
	},
	FigureClosingTheLoop: {
		name: "closing_the_loop", label: "Closing-the-loop rate", definition: "inputs answered / inputs (contributions other than votes)",
		unit: metrics.UnitPercent, better: metrics.PolarityHigherIsBetter, process: true,
		target: atLeast(100),
		measure: func(m *measure) (metrics.Measurement, error) {
			return ratio(metrics.ClosingTheLoopRate(m.t.Answered(), m.t.Inputs()))
		},
	},
	FigureMedianResponseTime: {
		name: "median_response_time", label: "Median response time", definition: "median time from an input to its answer (nearest rank)",
		unit: metrics.UnitDays, better: metrics.PolarityLowerIsBetter, process: true,
		target:  atMostResponseDays,
		measure: func(m *measure) (metrics.Measurement, error) { return m.responseTime(0) },
	},
	FigureP90ResponseTime: {
		name: "p90_response_time", label: "90th percentile response time", definition: "90th percentile time from an input to its answer (nearest rank)",
		unit: metrics.UnitDays, better: metrics.PolarityLowerIsBetter, process: true,
		target:  atMostResponseDays,
		measure: func(m *measure) (metrics.Measurement, error) { return m.responseTime(1) },
	},
	FigureInfluenceRate: {
		name: "influence_rate", label: "Influence rate", definition: "inputs cited by the decision or a commitment / inputs",
		unit: metrics.UnitPercent, better: metrics.PolarityHigherIsBetter, process: true,
		target: atLeast(10),
		measure: func(m *measure) (metrics.Measurement, error) {
			return ratio(metrics.InfluenceRate(m.t.Shaped(), m.t.Inputs()))
		},
	},
	FigureRepresentativeness: {
		name: "representativeness", label: "Representativeness", definition: "lowest group participation rate / highest, small cells suppressed and merged",
		unit: metrics.UnitNumber, better: metrics.PolarityHigherIsBetter, process: true, needs: needProfile,
		target: func(*measure) metrics.Target { return metrics.TargetAtLeast(decimal.New(8, -1)) },
		measure: func(m *measure) (metrics.Measurement, error) {
			o := &m.in.Options
			r, err := m.p.Representativeness(o.Dimension, o.Representativeness)
			if err != nil {
				return metrics.Measurement{}, err
			}
			score, err := r.Score()
			if err != nil {
				return metrics.Measurement{}, nil // withheld or undefined: shown as undefined
			}
			return metrics.FromDecimal(score), nil
		},
	},
	FigureImplementationProgress: {
		name: "implementation_progress", label: "Implementation progress", definition: "mean weighted progress of the commitments not dropped",
		unit: metrics.UnitPercent, better: metrics.PolarityHigherIsBetter, process: true,
		target:  func(m *measure) metrics.Target { return metrics.TargetAtLeast(m.schedule()) },
		measure: func(m *measure) (metrics.Measurement, error) { return m.progress(), nil },
	},
	FigureVolunteerRate: {
		name: "volunteer_rate", label: "Volunteer participation rate", definition: "distinct volunteers in the period / people eligible",
		unit: metrics.UnitPercent, better: metrics.PolarityHigherIsBetter, needs: needVolunteering,
		target: atLeast(25),
		measure: func(m *measure) (metrics.Measurement, error) {
			v, err := participation.SummarizeVolunteering(m.in.Volunteering,
				m.in.Period, m.in.Eligible)
			return ratio(v.ParticipationRate, err)
		},
	},
	FigureCoverageQuality: {
		name: "coverage_quality", label: "Media coverage quality", definition: "(positive - negative mentions) / mentions in the period, each weighted by its audience",
		unit: metrics.UnitNumber, better: metrics.PolarityHigherIsBetter,
		target:  atLeast(0),
		measure: func(m *measure) (metrics.Measurement, error) { return ratio(metrics.CoverageQuality(m.mentions())) },
	},
	FigureRelationshipGrowth: {
		name: "relationship_growth", label: "Relationship growth", definition: "change of total relationship strength over the period / strength before",
		unit: metrics.UnitPercent, better: metrics.PolarityHigherIsBetter, needs: needMap | needPeriod,
		target: atLeast(0),
		measure: func(m *measure) (metrics.Measurement, error) {
			halfLife := m.in.HalfLife
			if halfLife == 0 {
				halfLife = stakeholder.DefaultHalfLife
			}
			// Strength just before the period against just before its end:
			// the period is half-open.
			g, err := m.in.Map.TotalGrowth(m.in.Period.Start.Add(-1), m.in.Period.End.Add(-1), halfLife)
			if err != nil {
				return metrics.Measurement{}, err
			}
			rel, err := g.Relative()
			if err != nil {
				return metrics.Measurement{}, nil // growth from nothing has no rate
			}
			return metrics.FromDecimal(rel), nil
		},
	},
	FigureReputationTrend: {
		name: "reputation_trend", label: "Reputation trend", definition: "mean interaction sentiment in the period - in the earlier period",
		unit: metrics.UnitNumber, better: metrics.PolarityHigherIsBetter, needs: needMap | needPeriod,
		target: atLeast(0),
		measure: func(m *measure) (metrics.Measurement, error) {
			earlier := m.in.Earlier
			if earlier.IsZero() {
				earlier = m.in.Period.Previous()
			}
			s1, c1 := sentiment(m.in.Map, m.in.Period)
			s0, c0 := sentiment(m.in.Map, earlier)
			if c0 == 0 || c1 == 0 {
				return metrics.Measurement{}, nil
			}
			return ratio(metrics.NewRatio(s1*c0-s0*c1, c0*c1))
		},
	},
	FigureMediaMentions: {
		name: "media_mentions", label: "Media mentions", definition: "media mentions the campaigns earned in the period",
		unit: metrics.UnitCount, better: metrics.PolarityHigherIsBetter,
		target:  atLeast(1),
		measure: func(m *measure) (metrics.Measurement, error) { return metrics.FromCount(int64(len(m.mentions()))) },
	},
	FigureSubstantiveShare: {
		name: "substantive_share", label: "Substantive feedback", definition: "rated contributions on the decision at stake / rated contributions",
		unit: metrics.UnitPercent, better: metrics.PolarityHigherIsBetter,
		target: atLeast(75),
		measure: func(m *measure) (metrics.Measurement, error) {
			return ratio(metrics.NewProportion(m.t.Substantive(), m.t.Rated()))
		},
	},
	FigureJustification: {
		name: "justification", label: "Justification score", definition: "mean level of justification of rated contributions (0-3)",
		unit: metrics.UnitNumber, better: metrics.PolarityHigherIsBetter,
		target: atLeast(2),
		measure: func(m *measure) (metrics.Measurement, error) {
			q, err := metrics.AssessFeedback(metrics.JustificationRubric(), m.t.QualityScores())
			return ratio(q.MeanScore, err)
		},
	},
	FigureInquiriesOnTime: {
		name: "inquiries_on_time", label: "Inquiries answered on time", definition: "inquiries answered within the commitment / inquiries in the period",
		unit: metrics.UnitPercent, better: metrics.PolarityHigherIsBetter, needs: needMap | needPeriod,
		target: atLeast(90),
		measure: func(m *measure) (metrics.Measurement, error) {
			r, err := m.in.Map.Responsiveness(m.in.Period.Start, m.in.Period.End)
			if err != nil {
				return metrics.Measurement{}, err
			}
			return metrics.FromRatio(r.Within(time.Duration(m.responseDays()) * engagement.Day)), nil
		},
	},
	FigureConflictsResolved: {
		name: "conflicts_resolved", label: "Conflicts resolved", definition: "objections accepted, partly accepted or declined with a reason / objections",
		unit: metrics.UnitPercent, better: metrics.PolarityHigherIsBetter,
		target: atLeast(90),
		measure: func(m *measure) (metrics.Measurement, error) {
			return ratio(metrics.NewProportion(m.t.Resolved(), m.t.Objections()))
		},
	},
	FigureDialogueShare: {
		name: "dialogue_share", label: "Dialogue share", definition: "two-way interactions / interactions in the period",
		unit: metrics.UnitPercent, better: metrics.PolarityHigherIsBetter, needs: needMap,
		target: atLeast(50),
		measure: func(m *measure) (metrics.Measurement, error) {
			var dialogue, all int64
			for x := range m.in.Map.Interactions() {
				if m.in.Period.Contains(x.At) {
					all++
					if x.Direction == stakeholder.DirectionTwoWay {
						dialogue++
					}
				}
			}
			return ratio(metrics.NewProportion(dialogue, all))
		},
	},
}

// Label returns the figure's name for people, such as "Closing-the-loop
// rate", or String's fallback for an undeclared value.
func (f Figure) Label() string {
	if !f.IsValid() {
		return f.String()
	}
	return figureTable[f].label
}

// Definition returns the figure's definition in one line, such as "inputs
// answered / inputs (contributions other than votes)", or "" for an
// undeclared value. The constants' docs say more.
func (f Figure) Definition() string {
	if !f.IsValid() {
		return ""
	}
	return figureTable[f].definition
}

// Unit returns the unit the figure is read in, or 0 for an undeclared value.
func (f Figure) Unit() metrics.Unit {
	if !f.IsValid() {
		return 0
	}
	return figureTable[f].unit
}

// Polarity returns the direction in which the figure improves, or 0 for an
// undeclared value.
func (f Figure) Polarity() metrics.Polarity {
	if !f.IsValid() {
		return 0
	}
	return figureTable[f].better
}

// ProcessFigures returns the figures of the process scorecard
// ([ForProcess]), in declaration order: exposures to implementation
// progress.
func ProcessFigures() []Figure {
	var out []Figure
	for _, f := range Figures() {
		if figureTable[f].process {
			out = append(out, f)
		}
	}
	return out
}

// figureWireNames returns the wire names of the figures table in order, so
// that the enum table and the figures table cannot disagree.
func figureWireNames() []string {
	names := make([]string, 0, len(figureTable)-1)
	for _, r := range figureTable[1:] {
		names = append(names, r.name)
	}
	return names
}

// sentiment returns the sum of the sentiments of the interactions logged in
// period and their number.
func sentiment(m *stakeholder.Map, period metrics.Period) (sum, n int64) {
	for x := range m.Interactions() {
		if period.Contains(x.At) {
			sum += int64(x.Sentiment)
			n++
		}
	}
	return sum, n
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
