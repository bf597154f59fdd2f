package main

import (
	"fmt"
	"slices"
	"time"

	"github.com/civitas-go/civitas/metrics"
	"github.com/shopspring/decimal"
)

// consultation holds the raw records of a sample consultation: who the
// outreach reached, who registered and came to the workshop, what residents
// said and how the city answered. The scorecard is computed from these
// records, never typed in.
type consultation struct {
	households    int64    // target population of the outreach
	exposures     []string // one pseudonymous household key per delivered notice
	registered    []string // workshop registrations
	attended      []string // workshop attendance (a subset of registered)
	contributions []contribution
	recommend     []int // "would you recommend taking part?" 0–10
}

type contribution struct {
	participant string
	answeredIn  time.Duration // 0: not answered
	shaped      bool          // cited by the decision
}

// sampleConsultation returns the built-in records: 400 households, a notice
// delivered 620 times to 310 of them, 48 registrations, 36 attendees and 60
// contributions from 30 people.
func sampleConsultation() consultation {
	var c consultation
	c.households = 400
	for i := range 310 {
		key := fmt.Sprintf("hh-%03d", i)
		c.exposures = append(c.exposures, key, key) // each got the notice twice
	}
	for i := range 48 {
		c.registered = append(c.registered, fmt.Sprintf("p-%02d", i))
		if i%4 != 3 { // every fourth registrant stayed home
			c.attended = append(c.attended, fmt.Sprintf("p-%02d", i))
		}
	}
	for i := range 60 {
		ct := contribution{participant: fmt.Sprintf("p-%02d", i%30)}
		if i%10 != 9 { // six inputs still wait for an answer
			ct.answeredIn = time.Duration(2+i%12) * 24 * time.Hour
		}
		ct.shaped = i%5 == 0
		c.contributions = append(c.contributions, ct)
	}
	c.recommend = []int{10, 9, 9, 8, 8, 7, 6, 10, 9, 5, 3, 9, 10, 8, 7, 9, 9, 4, 10, 8}
	return c
}

// consultationScorecard computes the figures of c and holds each against a
// target.
func consultationScorecard(c consultation) (metrics.Scorecard, error) {
	audience := metrics.CountAudience(slices.Values(c.exposures))
	visibility, err := audience.Visibility(c.households)
	if err != nil {
		return metrics.Scorecard{}, err
	}
	attendance, err := metrics.AttendanceRate(int64(len(c.attended)), int64(len(c.registered)))
	if err != nil {
		return metrics.Scorecard{}, err
	}
	var answered, shaped int64
	var times []time.Duration
	people := map[string]bool{}
	for _, ct := range c.contributions {
		people[ct.participant] = true
		if ct.answeredIn > 0 {
			answered++
			times = append(times, ct.answeredIn)
		}
		if ct.shaped {
			shaped++
		}
	}
	inputs := int64(len(c.contributions))
	closing, err := metrics.ClosingTheLoopRate(answered, inputs)
	if err != nil {
		return metrics.Scorecard{}, err
	}
	influence, err := metrics.InfluenceRate(shaped, inputs)
	if err != nil {
		return metrics.Scorecard{}, err
	}
	rt, err := metrics.SummarizeResponseTimes(times)
	if err != nil {
		return metrics.Scorecard{}, err
	}
	rec, err := metrics.ScoreRecommendations(c.recommend)
	if err != nil {
		return metrics.Scorecard{}, err
	}
	recScore, err := rec.Score()
	if err != nil {
		return metrics.Scorecard{}, err
	}
	reach, err := metrics.FromCount(audience.Reach())
	if err != nil {
		return metrics.Scorecard{}, err
	}
	unique, err := metrics.FromCount(int64(len(people)))
	if err != nil {
		return metrics.Scorecard{}, err
	}
	median, err := metrics.FromDuration(rt.Median)
	if err != nil {
		return metrics.Scorecard{}, err
	}
	p90, err := metrics.FromDuration(rt.P90)
	if err != nil {
		return metrics.Scorecard{}, err
	}
	rows := []struct {
		name, definition string
		unit             metrics.Unit
		target           metrics.Target
		value            metrics.Measurement
	}{
		{"reach", "distinct households the notice reached", metrics.UnitCount, metrics.TargetAtLeast(decimal.NewFromInt(300)), reach},
		{"visibility", "households reached / households in the area", metrics.UnitPercent, metrics.TargetAtLeast(decimal.NewFromInt(70)), metrics.FromRatio(visibility)},
		{"attendance rate", "workshop attendees / registrations", metrics.UnitPercent, metrics.TargetAtLeast(decimal.NewFromInt(80)), metrics.FromRatio(attendance)},
		{"unique participants", "distinct people who contributed", metrics.UnitCount, metrics.TargetAtLeast(decimal.NewFromInt(25)), unique},
		{"closing-the-loop rate", "contributions answered / contributions", metrics.UnitPercent, metrics.TargetAtLeast(decimal.NewFromInt(100)), metrics.FromRatio(closing)},
		{"median response time", "median days from contribution to answer (nearest rank)", metrics.UnitDays, metrics.TargetAtMost(decimal.NewFromInt(10)), median},
		{"90th percentile response time", "90th percentile days to answer (nearest rank)", metrics.UnitDays, metrics.TargetAtMost(decimal.NewFromInt(14)), p90},
		{"influence rate", "contributions the decision cites / contributions", metrics.UnitPercent, metrics.TargetAtLeast(decimal.NewFromInt(15)), metrics.FromRatio(influence)},
		{"recommendation score", "% answering 9–10 minus % answering 0–6", metrics.UnitNumber, metrics.TargetAtLeast(decimal.Zero), metrics.FromDecimal(recScore)},
	}
	evals := make([]metrics.Evaluation, 0, len(rows))
	for _, r := range rows {
		better := metrics.HigherIsBetter
		if r.unit == metrics.UnitDays {
			better = metrics.LowerIsBetter
		}
		ind, err := metrics.NewIndicator(r.name, r.definition, r.unit, better, r.target)
		if err != nil {
			return metrics.Scorecard{}, err
		}
		ev, err := ind.Evaluate(r.value)
		if err != nil {
			return metrics.Scorecard{}, fmt.Errorf("%s: %w", r.name, err)
		}
		evals = append(evals, ev)
	}
	return metrics.NewScorecard("Riverside park consultation: scorecard", evals...)
}
