package metrics

import (
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"time"
)

// This file holds the figures of two-way engagement: dialogue between
// residents and decision-makers, judged by who turns up, who stays, whether
// the body answers what it hears, how fast, whether what it hears changes the
// decision, and how good the input is.

// AttendanceRate returns the share of registered people who attended an
// event, the show-up rate of event management:
//
//	attendance rate = attended / registered
//
// The denominator is the number registered. Walk-ins who never registered
// belong in neither count. It rejects a negative count with [ErrNegative]
// and more attendees than registrations with [ErrPartExceedsWhole]; nobody
// registered gives an undefined Ratio.
func AttendanceRate(attended, registered int64) (Ratio, error) {
	return namedProportion("attended", attended, "registered", registered)
}

// Turnout returns the share of the eligible population that took part, as
// election statistics define voter turnout (International IDEA: votes cast
// over registered voters):
//
//	turnout = participants / eligible
//
// The denominator is the number eligible: residents of the area, members of
// the group, everybody entitled to vote on a participatory budget. It rejects
// a negative count with [ErrNegative] and more participants than eligible
// people with [ErrPartExceedsWhole]; nobody eligible gives an undefined Ratio.
func Turnout(participants, eligible int64) (Ratio, error) {
	return namedProportion("participants", participants, "eligible", eligible)
}

// FunnelStage is one named stage of a conversion funnel and the number of
// people who reached it, such as {"invited", 1200} or {"submitted", 85}. It is
// an input record, checked by [ConversionFunnel].
type FunnelStage struct {
	// Name names the stage. Not empty.
	Name string
	// Count is the number of people who reached the stage. Not negative.
	Count int64
}

// FunnelStep is one stage of a computed conversion funnel with its two
// conversion rates. The zero value is an unnamed empty stage with both rates
// undefined.
type FunnelStep struct {
	// Name names the stage.
	Name string `json:"name"`
	// Count is the number of people who reached the stage.
	Count int64 `json:"count"`
	// FromPrevious is Count over the previous stage's count: the step
	// conversion rate. For the first stage it is Count over itself.
	FromPrevious Ratio `json:"from_previous"`
	// FromFirst is Count over the first stage's count: the cumulative
	// conversion rate.
	FromFirst Ratio `json:"from_first"`
}

// ConversionFunnel returns the conversion rates of a funnel: the stages a
// person passes on the way from first contact to full participation (invited,
// visited the page, registered, attended, submitted input), in order, each a
// subset of the one before. It is the conversion funnel of marketing, the
// "ladder of engagement" of organising. For stage i ≥ 1:
//
//	from previous = countᵢ / countᵢ₋₁
//	from first    = countᵢ / count₀
//
// The first stage is its own base: both its rates are count₀ / count₀ (100 %,
// or undefined when nobody entered the funnel). A stage after one that
// nobody reached has an undefined rate from the previous stage.
//
// It returns [ErrEmpty] for no stages or a stage without a name,
// [ErrNegative] for a negative count, and [ErrPartExceedsWhole] for a stage
// larger than the one before it (people cannot appear half-way down a
// funnel), each in an [*FieldError] naming the stage.
func ConversionFunnel(stages ...FunnelStage) ([]FunnelStep, error) {
	if len(stages) == 0 {
		return nil, &FieldError{Field: "stages", Value: "[]", Err: ErrEmpty}
	}
	steps := make([]FunnelStep, len(stages))
	for i, s := range stages {
		if s.Name == "" {
			return nil, &FieldError{Field: fmt.Sprintf("stages[%d].name", i), Value: `""`, Err: ErrEmpty}
		}
		previous := s.Count
		if i > 0 {
			previous = stages[i-1].Count
		}
		switch {
		case s.Count < 0:
			return nil, inputErr(fmt.Sprintf("stages[%d].count", i), s.Count, ErrNegative)
		case s.Count > previous:
			return nil, inputErr(fmt.Sprintf("stages[%d].count", i), s.Count, ErrPartExceedsWhole)
		}
		steps[i] = FunnelStep{
			Name:         s.Name,
			Count:        s.Count,
			FromPrevious: Ratio{num: s.Count, den: previous},
			// count ≤ previous ≤ … ≤ count₀, checked one step at a time.
			FromFirst: Ratio{num: s.Count, den: stages[0].Count},
		}
	}
	return steps, nil
}

// Retention returns the share of the people active in an earlier period who
// were active again in a later one, as cohort retention and the volunteer
// retention rate (Corporation for National and Community Service, Volunteering
// in America: volunteers of one year who volunteer again the next) define it:
//
//	retention = active in both periods / active in the earlier period
//
// The denominator is the number active in the earlier period; newcomers of
// the later period count in neither. It rejects a negative count with
// [ErrNegative] and more retained than earlier with [ErrPartExceedsWhole];
// nobody active earlier gives an undefined Ratio. [RetentionOf] counts the
// two numbers from participant keys.
func Retention(retained, earlier int64) (Ratio, error) {
	return namedProportion("retained", retained, "earlier", earlier)
}

// RetentionOf returns [Retention] counted from the pseudonymous keys of the
// participants active in each period. A key may repeat within a period (one
// per activity); each person counts once. It reads each sequence once and
// keeps one map entry per person active in the earlier period.
func RetentionOf[K comparable](earlier, later iter.Seq[K]) Ratio {
	// back[k] says whether earlier participant k came back.
	back := make(map[K]bool)
	for k := range earlier {
		back[k] = false
	}
	var retained int64
	for k := range later {
		if came, ok := back[k]; ok && !came {
			back[k] = true
			retained++
		}
	}
	return Ratio{num: retained, den: int64(len(back))}
}

// ClosingTheLoopRate returns the share of inputs the body answered: told the
// person what happened to their comment, question or proposal. It measures
// the core value of the International Association for Public Participation
// (IAP2) that participants are told how their input affected the decision,
// and step 8 of the OECD Guidelines for Citizen Participation Processes
// (2022), "use citizen input and provide feedback":
//
//	closing-the-loop rate = inputs answered / inputs received
//
// The denominator is the inputs received. It rejects a negative count with
// [ErrNegative] and more answered than received with [ErrPartExceedsWhole];
// no inputs give an undefined Ratio.
func ClosingTheLoopRate(answered, inputs int64) (Ratio, error) {
	return namedProportion("answered", answered, "inputs", inputs)
}

// InfluenceRate returns the share of inputs that shaped the decision: those
// the body's decision record names as having changed or confirmed a part of
// it. It is the measure behind the difference between consultation as
// tokenism and citizen power (Arnstein 1969) and behind the IAP2 promise to
// show how public input influenced the decision:
//
//	influence rate = inputs that shaped the decision / inputs received
//
// The denominator is the inputs received. It rejects a negative count with
// [ErrNegative] and more influential inputs than inputs with
// [ErrPartExceedsWhole]; no inputs give an undefined Ratio.
func InfluenceRate(shaped, inputs int64) (Ratio, error) {
	return namedProportion("shaped", shaped, "inputs", inputs)
}

// ResponseTimeSummary summarises how long the body took to answer inquiries
// or inputs, the timely-response indicator of a community relations officer.
// Both percentiles are nearest-rank ([NearestRankPercentile]), so each is one
// of the observed times, exact, with no interpolation.
//
// The zero value is the summary of no responses; [SummarizeResponseTimes]
// never returns it without an error.
type ResponseTimeSummary struct {
	// Count is the number of response times summarised, at least 1.
	Count int `json:"count"`
	// Median is the 50th percentile: for an even count, the lower of the two
	// middle values.
	Median time.Duration `json:"median"`
	// P90 is the 90th percentile: at least 90 % of responses took no longer.
	P90 time.Duration `json:"p90"`
}

// SummarizeResponseTimes returns the count, median and 90th percentile of
// response times, each the time from receiving an inquiry or input to
// answering it. It does not change durations. It returns [ErrEmpty] for no
// durations and [ErrNegative] for a negative one (an answer before the
// question is a data error).
func SummarizeResponseTimes(durations []time.Duration) (ResponseTimeSummary, error) {
	sorted, err := checkedDurations(durations)
	if err != nil {
		return ResponseTimeSummary{}, err
	}
	q, _ := SelectPercentiles(sorted, 50, 90) // not empty, ranks in order
	return ResponseTimeSummary{Count: len(sorted), Median: q[0], P90: q[1]}, nil
}

// NearestRankPercentile returns the p-th percentile of durations by the
// nearest-rank method (Hyndman & Fan 1996, definition 1, the inverse of the
// empirical distribution function): of the n values sorted in increasing
// order, the one at rank
//
//	rank = ⌈p/100 · n⌉   (ranks count from 1)
//
// so that at least p % of the values are no larger. p runs from 1 to 100;
// the 100th percentile is the maximum. It does not change durations. It
// returns [ErrOutOfRange] for p outside 1..100, [ErrEmpty] for no durations
// and [ErrNegative] for a negative one.
func NearestRankPercentile(durations []time.Duration, p int) (time.Duration, error) {
	if p < 1 || p > 100 {
		return 0, inputErr("p", int64(p), ErrOutOfRange)
	}
	values, err := checkedDurations(durations)
	if err != nil {
		return 0, err
	}
	q, _ := SelectPercentiles(values, p)
	return q[0], nil
}

// checkedDurations returns a copy of durations to reorder, or ErrEmpty or
// ErrNegative.
func checkedDurations(durations []time.Duration) ([]time.Duration, error) {
	if len(durations) == 0 {
		return nil, &FieldError{Field: "durations", Value: "[]", Err: ErrEmpty}
	}
	for i, d := range durations {
		if d < 0 {
			return nil, &FieldError{Field: fmt.Sprintf("durations[%d]", i), Value: d.String(), Err: ErrNegative}
		}
	}
	return slices.Clone(durations), nil
}

// Rubric is an integer scale on which a reviewer scores each piece of
// feedback, from Lowest to Highest, with a level from which a piece counts as
// substantive. [JustificationRubric] is the one this package proposes;
// [NewRubric] builds others.
//
// The zero value is not a valid rubric. Rubric is a comparable value type.
type Rubric struct {
	lowest, highest, substantive int
}

// NewRubric returns the scale lowest..highest on which a score of at least
// substantiveFrom marks a piece of feedback as substantive. It returns
// [ErrOutOfRange] unless lowest < highest and lowest ≤ substantiveFrom ≤
// highest.
func NewRubric(lowest, highest, substantiveFrom int) (Rubric, error) {
	if lowest >= highest {
		return Rubric{}, inputErr("highest", int64(highest), ErrOutOfRange)
	}
	if substantiveFrom < lowest || substantiveFrom > highest {
		return Rubric{}, inputErr("substantiveFrom", int64(substantiveFrom), ErrOutOfRange)
	}
	return Rubric{lowest: lowest, highest: highest, substantive: substantiveFrom}, nil
}

// JustificationRubric returns the "level of justification" scale of the
// Discourse Quality Index (Steenbergen, Bächtiger, Spörndli & Steiner 2003,
// "Measuring political deliberation", Comparative European Politics 1:21–48),
// on which feedback counts as substantive from 2:
//
//	0  no justification: a demand or opinion with no reason given
//	1  inferior justification: a reason with no link to the demand
//	2  qualified justification: one complete reason for the demand
//	3  sophisticated justification: several complete reasons
func JustificationRubric() Rubric {
	return Rubric{lowest: 0, highest: 3, substantive: 2}
}

// Lowest returns the lowest score of the scale.
func (r Rubric) Lowest() int { return r.lowest }

// Highest returns the highest score of the scale.
func (r Rubric) Highest() int { return r.highest }

// SubstantiveFrom returns the lowest score that counts as substantive.
func (r Rubric) SubstantiveFrom() int { return r.substantive }

// IsValid reports whether r is a scale NewRubric accepts; the zero value is
// not.
func (r Rubric) IsValid() bool {
	return r.lowest < r.highest && r.lowest <= r.substantive && r.substantive <= r.highest
}

// String returns the scale as "lowest..highest, substantive from s", such as
// "0..3, substantive from 2".
func (r Rubric) String() string {
	return fmt.Sprintf("%d..%d, substantive from %d", r.lowest, r.highest, r.substantive)
}

// rubricJSON is the wire form of a Rubric.
type rubricJSON struct {
	Lowest          int `json:"lowest"`
	Highest         int `json:"highest"`
	SubstantiveFrom int `json:"substantive_from"`
}

// MarshalJSON writes the lowest, highest and substantive scores.
func (r Rubric) MarshalJSON() ([]byte, error) {
	return json.Marshal(rubricJSON{Lowest: r.lowest, Highest: r.highest, SubstantiveFrom: r.substantive})
}

// UnmarshalJSON reads what MarshalJSON writes, validating like [NewRubric]
// ([ErrOutOfRange]).
func (r *Rubric) UnmarshalJSON(b []byte) error {
	var w rubricJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	got, err := NewRubric(w.Lowest, w.Highest, w.SubstantiveFrom)
	if err != nil {
		return err
	}
	*r = got
	return nil
}

// FeedbackQuality is the quality of the feedback a process gathered, as
// scored on a [Rubric]: the indicator a public engagement coordinator is
// judged by beside the amount of feedback. The zero value has both figures
// undefined, as for no feedback.
type FeedbackQuality struct {
	// Substantive is the share of pieces scored at or above the rubric's
	// substantive level: substantive pieces / pieces scored.
	Substantive Ratio `json:"substantive"`
	// MeanScore is the mean rubric score, exact: Σ scores / pieces scored.
	MeanScore Ratio `json:"mean_score"`
}

// AssessFeedback returns the quality of feedback from one rubric score per
// piece of feedback:
//
//	substantive share = pieces with score ≥ substantive level / pieces
//	mean score        = Σ scores / pieces
//
// Both have the number of pieces scored as denominator, so no scores give two
// undefined Ratios. It returns [ErrOutOfRange] for an invalid rubric or a
// score outside it, and [ErrOverflow] for a sum of scores beyond int64 (only
// possible on a rubric with scores near the int64 limits), in an
// [*FieldError] naming the score.
func AssessFeedback(rubric Rubric, scores []int) (FeedbackQuality, error) {
	if !rubric.IsValid() {
		return FeedbackQuality{}, &FieldError{Field: "rubric", Value: rubric.String(), Err: ErrOutOfRange}
	}
	var substantive, sum int64
	for i, s := range scores {
		if s < rubric.lowest || s > rubric.highest {
			return FeedbackQuality{}, inputErr(fmt.Sprintf("scores[%d]", i), int64(s), ErrOutOfRange)
		}
		if s >= rubric.substantive {
			substantive++
		}
		// Only a rubric with scores near the int64 limits can overflow.
		var err error
		if sum, err = addChecked(sum, int64(s)); err != nil {
			return FeedbackQuality{}, inputErr(fmt.Sprintf("scores[%d]", i), int64(s), ErrOverflow)
		}
	}
	n := int64(len(scores))
	return FeedbackQuality{
		Substantive: Ratio{num: substantive, den: n},
		MeanScore:   Ratio{num: sum, den: n},
	}, nil
}
