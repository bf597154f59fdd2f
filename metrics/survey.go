package metrics

import (
	"encoding/json"
	"fmt"
	"iter"
	"math"

	"github.com/shopspring/decimal"
)

// This file holds survey figures: the recommendation score of a 0–10
// "would you recommend" question and the summary of a Likert item.

// The 0–10 scale of the recommendation question ("How likely are you to
// recommend this process to a neighbour?") and the bands [RecommendationScore]
// sorts its answers into.
const (
	// RecommendationMin is the lowest answer, "not at all likely".
	RecommendationMin = 0
	// RecommendationMax is the highest answer, "extremely likely".
	RecommendationMax = 10
	// PromoterFrom is the lowest answer counted as a promoter (9 and 10).
	PromoterFrom = 9
	// DetractorUpTo is the highest answer counted as a detractor (0 to 6).
	DetractorUpTo = 6
)

// RecommendationScore is the balance of promoters over detractors among the
// answers to a 0–10 "how likely are you to recommend" question, the method
// of Reichheld ("The One Number You Need to Grow", Harvard Business Review,
// 2003). Answers of 9 or 10 are promoters, 7 or 8 passives, 0 to 6
// detractors:
//
//	score = 100 · (promoters − detractors) / responses
//
// The denominator is all responses, passives included. The score runs from
// −100 (all detractors) to +100 (all promoters). "Net Promoter" and "NPS"
// are trademarks of their owners (Bain & Company, Inc., NICE Systems, Inc.
// and Fred Reichheld); this package uses the method under a neutral name.
//
// The zero value has no responses and an undefined score. RecommendationScore
// is a comparable value type, safe for concurrent use.
type RecommendationScore struct {
	promoters, passives, detractors int64
}

// NewRecommendationScore returns the score of the given numbers of
// promoters, passives and detractors. It rejects a negative count with
// [ErrNegative] and a total beyond int64 with [ErrOverflow].
func NewRecommendationScore(promoters, passives, detractors int64) (RecommendationScore, error) {
	var total int64
	for _, c := range [...]struct {
		name  string
		count int64
	}{{"promoters", promoters}, {"passives", passives}, {"detractors", detractors}} {
		if err := nonNegative(c.name, c.count); err != nil {
			return RecommendationScore{}, err
		}
		var err error
		if total, err = addChecked(total, c.count); err != nil {
			return RecommendationScore{}, inputErr(c.name, c.count, ErrOverflow)
		}
	}
	return RecommendationScore{promoters: promoters, passives: passives, detractors: detractors}, nil
}

// ScoreRecommendations sorts answers on the 0–10 scale into promoters,
// passives and detractors. It returns [ErrOutOfRange] for an answer outside
// 0..10, in an [*FieldError] naming it.
func ScoreRecommendations(answers []int) (RecommendationScore, error) {
	var s RecommendationScore
	for i, a := range answers {
		switch {
		case a < RecommendationMin || a > RecommendationMax:
			return RecommendationScore{}, inputErr(fmt.Sprintf("answers[%d]", i), int64(a), ErrOutOfRange)
		case a >= PromoterFrom:
			s.promoters++
		case a > DetractorUpTo:
			s.passives++
		default:
			s.detractors++
		}
	}
	return s, nil
}

// Promoters returns the number of answers of 9 or 10.
func (s RecommendationScore) Promoters() int64 { return s.promoters }

// Passives returns the number of answers of 7 or 8.
func (s RecommendationScore) Passives() int64 { return s.passives }

// Detractors returns the number of answers from 0 to 6.
func (s RecommendationScore) Detractors() int64 { return s.detractors }

// Responses returns the number of answers, the denominator of every share.
func (s RecommendationScore) Responses() int64 {
	// The constructors keep the sum within int64.
	return s.promoters + s.passives + s.detractors
}

// PromoterShare returns promoters / responses.
func (s RecommendationScore) PromoterShare() Ratio {
	return Ratio{num: s.promoters, den: s.Responses()}
}

// DetractorShare returns detractors / responses.
func (s RecommendationScore) DetractorShare() Ratio {
	return Ratio{num: s.detractors, den: s.Responses()}
}

// Net returns (promoters − detractors) / responses, from −1 to +1: the score
// as a Ratio, for adding up or comparing exactly. It is undefined with no
// responses.
func (s RecommendationScore) Net() Ratio {
	return Ratio{num: s.promoters - s.detractors, den: s.Responses()}
}

// Score returns 100 · (promoters − detractors) / responses, from −100 to
// 100, rounded half away from zero to [PercentPlaces] decimal places, or
// [ErrUndefined] with no responses.
func (s RecommendationScore) Score() (decimal.Decimal, error) {
	return s.Net().Percent()
}

// String returns the score with exactly [PercentPlaces] decimals and its
// sign, such as "+30.00" or "-12.50", or "undefined".
func (s RecommendationScore) String() string {
	v, err := s.Score()
	if err != nil {
		return "undefined"
	}
	text := v.StringFixed(PercentPlaces)
	if v.IsPositive() {
		text = "+" + text
	}
	return text
}

// recommendationJSON is the wire form of a RecommendationScore. Responses
// and Score are derived and written for readers; decoding checks them when
// present.
type recommendationJSON struct {
	Promoters  int64  `json:"promoters"`
	Passives   int64  `json:"passives"`
	Detractors int64  `json:"detractors"`
	Responses  *int64 `json:"responses,omitempty"`
	Score      string `json:"score"`
}

// MarshalJSON writes the three counts and, for readers, the number of
// responses and the score as [RecommendationScore.String] gives it.
func (s RecommendationScore) MarshalJSON() ([]byte, error) {
	n := s.Responses()
	return json.Marshal(recommendationJSON{
		Promoters:  s.promoters,
		Passives:   s.passives,
		Detractors: s.detractors,
		Responses:  &n,
		Score:      s.String(),
	})
}

// UnmarshalJSON reads what MarshalJSON writes, validating like
// [NewRecommendationScore] ([ErrNegative], [ErrOverflow]); a responses or
// score field that disagrees with the counts gives [ErrInconsistent].
func (s *RecommendationScore) UnmarshalJSON(b []byte) error {
	var w recommendationJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	got, err := NewRecommendationScore(w.Promoters, w.Passives, w.Detractors)
	if err != nil {
		return err
	}
	if w.Responses != nil && *w.Responses != got.Responses() {
		return inputErr("responses", *w.Responses, ErrInconsistent)
	}
	if err := derivedAgrees("score", w.Score, got.String()); err != nil {
		return err
	}
	*s = got
	return nil
}

// The number of points a Likert item may have. Likert (1932) used five;
// seven is common; eleven is the most this package accepts, since a longer
// scale is a rating scale rather than a Likert item and would make the
// top-two-box share meaningless.
const (
	// MinLikertPoints is the fewest points of a Likert item.
	MinLikertPoints = 3
	// MaxLikertPoints is the most points of a Likert item.
	MaxLikertPoints = 11
)

// LikertSummary summarises the answers to one Likert item (Likert 1932, "A
// technique for the measurement of attitudes", Archives of Psychology 140):
// a statement rated on k ordered points coded 1 (strongly disagree) to k
// (strongly agree). It reports
//
//	distribution  share of point i = countᵢ / responses, for i = 1..k
//	mean          Σ i · countᵢ / responses, from 1 to k
//	top-two-box   (count_k + count_k−1) / responses
//	bottom-two-box (count_1 + count_2) / responses
//
// all with the number of responses as denominator. The mean treats ordered
// categories as equally spaced numbers, which they are not (Jamieson 2004,
// "Likert scales: how to (ab)use them", Medical Education 38:1217), so read
// it beside the distribution and the box shares of market research, which
// make no such assumption.
//
// The zero value has no scale: Points is 0 and every figure is undefined.
// LikertSummary is immutable and safe for concurrent use.
type LikertSummary struct {
	counts              []int64 // counts[i] is the count of point i+1
	responses, weighted int64   // weighted = Σ i·countᵢ, the mean's numerator
}

// NewLikertSummary returns the summary of a k-point item from its counts per
// point: counts[0] answered 1, counts[k−1] answered k; k = len(counts). It
// does not keep counts. It returns [ErrOutOfRange] for k outside
// [MinLikertPoints]..[MaxLikertPoints], [ErrNegative] for a negative count
// and [ErrOverflow] when the responses or Σ i·countᵢ do not fit in an int64.
func NewLikertSummary(counts []int64) (LikertSummary, error) {
	k := len(counts)
	if k < MinLikertPoints || k > MaxLikertPoints {
		return LikertSummary{}, inputErr("points", int64(k), ErrOutOfRange)
	}
	s := LikertSummary{counts: make([]int64, k)}
	for i, c := range counts {
		if c < 0 {
			return LikertSummary{}, inputErr(fmt.Sprintf("counts[%d]", i), c, ErrNegative)
		}
		point := int64(i + 1)
		var err error
		if c > math.MaxInt64/point {
			err = ErrOverflow
		} else {
			s.weighted, err = addChecked(s.weighted, point*c)
		}
		if err != nil {
			return LikertSummary{}, inputErr(fmt.Sprintf("counts[%d]", i), c, err)
		}
		// responses ≤ weighted (every point is at least 1), so it fits too.
		s.responses += c
		s.counts[i] = c
	}
	return s, nil
}

// SummarizeLikert returns the summary of answers to a Likert item of the
// given number of points, each answer from 1 to points. It returns
// [ErrOutOfRange] for points outside [MinLikertPoints]..[MaxLikertPoints] or
// an answer outside 1..points, in an [*FieldError] naming it.
func SummarizeLikert(points int, answers []int) (LikertSummary, error) {
	if points < MinLikertPoints || points > MaxLikertPoints {
		return LikertSummary{}, inputErr("points", int64(points), ErrOutOfRange)
	}
	counts := make([]int64, points)
	for i, a := range answers {
		if a < 1 || a > points {
			return LikertSummary{}, inputErr(fmt.Sprintf("answers[%d]", i), int64(a), ErrOutOfRange)
		}
		counts[a-1]++
	}
	return NewLikertSummary(counts)
}

// Points returns k, the number of points of the scale, or 0 for the zero
// value.
func (s LikertSummary) Points() int { return len(s.counts) }

// Responses returns the number of answers, the denominator of every figure.
func (s LikertSummary) Responses() int64 { return s.responses }

// Count returns the number of answers at point (1..k), or 0 for a point
// outside the scale, which no answer can hold.
func (s LikertSummary) Count(point int) int64 {
	if point < 1 || point > len(s.counts) {
		return 0
	}
	return s.counts[point-1]
}

// Share returns the share of answers at point: Count(point) / Responses.
func (s LikertSummary) Share(point int) Ratio {
	return Ratio{num: s.Count(point), den: s.responses}
}

// Distribution yields each point of the scale from 1 to k with its share.
func (s LikertSummary) Distribution() iter.Seq2[int, Ratio] {
	return func(yield func(int, Ratio) bool) {
		for point := 1; point <= len(s.counts); point++ {
			if !yield(point, s.Share(point)) {
				return
			}
		}
	}
}

// Mean returns the mean point, Σ i · countᵢ / responses, exact.
func (s LikertSummary) Mean() Ratio {
	return Ratio{num: s.weighted, den: s.responses}
}

// TopTwoBox returns the share of answers at the two highest points,
// (count_k + count_k−1) / responses: the "agree" share of market research.
func (s LikertSummary) TopTwoBox() Ratio {
	k := len(s.counts)
	return Ratio{num: s.Count(k) + s.Count(k-1), den: s.responses}
}

// BottomTwoBox returns the share of answers at the two lowest points,
// (count_1 + count_2) / responses: the "disagree" share.
func (s LikertSummary) BottomTwoBox() Ratio {
	return Ratio{num: s.Count(1) + s.Count(2), den: s.responses}
}

// likertJSON is the wire form of a LikertSummary. Mean and TopTwoBox are
// derived and written for readers; decoding checks them when present.
type likertJSON struct {
	Counts    []int64 `json:"counts"`
	Mean      string  `json:"mean"`
	TopTwoBox string  `json:"top_two_box"`
}

// MarshalJSON writes the counts per point (an empty list for the zero value)
// and, for readers, the mean with [ValuePlaces] decimals and the top-two-box
// share as a percentage.
func (s LikertSummary) MarshalJSON() ([]byte, error) {
	counts := s.counts
	if counts == nil {
		counts = []int64{}
	}
	return json.Marshal(likertJSON{
		Counts:    counts,
		Mean:      s.Mean().ValueText(),
		TopTwoBox: s.TopTwoBox().PercentText(),
	})
}

// UnmarshalJSON reads what MarshalJSON writes, validating like
// [NewLikertSummary] ([ErrOutOfRange], [ErrNegative], [ErrOverflow]); empty
// counts give the zero value, and a mean or top-two-box field that disagrees
// with the counts gives [ErrInconsistent].
func (s *LikertSummary) UnmarshalJSON(b []byte) error {
	var w likertJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	var got LikertSummary
	if len(w.Counts) > 0 {
		var err error
		if got, err = NewLikertSummary(w.Counts); err != nil {
			return err
		}
	}
	if err := derivedAgrees("mean", w.Mean, got.Mean().ValueText()); err != nil {
		return err
	}
	if err := derivedAgrees("top_two_box", w.TopTwoBox, got.TopTwoBox().PercentText()); err != nil {
		return err
	}
	*s = got
	return nil
}
