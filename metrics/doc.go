// Package metrics computes the figures by which engagement and participation
// are judged, each with one written definition, its denominator and an exact
// value.
//
// Today's platforms disagree with themselves about what "participants" means;
// here every figure has one definition, written in its doc comment with its
// formula, its denominator and the source it follows.
//
// # Exact figures
//
// Every figure is built on [Ratio], an exact quotient of two integers that
// keeps its numerator and denominator, so a report can say "45 of 60" beside
// "75.00 %". Values are [decimal.Decimal] rounded once, half away from zero,
// to [ValuePlaces] (or [PercentPlaces] for percentages). A zero denominator
// is not a panic but an undefined figure ([ErrUndefined]); bad input is
// rejected with a sentinel error such as [ErrNegative] or
// [ErrPartExceedsWhole] that errors.Is matches, usually inside an
// [*FieldError] that names the input. The one figure that cannot be exact,
// the chi-square p-value, is a float64 and says so.
//
// # The figures
//
//   - One-way outreach: [Audience] (reach, impressions, frequency,
//     visibility), [ShareOfVoice], [CoverageQuality] of media mentions by
//     [Tone].
//   - Two-way engagement: [AttendanceRate], [Turnout], [ConversionFunnel],
//     [Retention] and [RetentionOf], [ClosingTheLoopRate],
//     [SummarizeResponseTimes] (nearest-rank median and 90th percentile),
//     [InfluenceRate], [AssessFeedback] against a [Rubric].
//   - Representativeness: [CompareToPopulation] gives representation
//     ratios, the dissimilarity index, the representation score and a
//     chi-square goodness of fit.
//   - Inequality of contribution: [Gini], [GiniCorrected], [TopShare].
//   - Surveys: [RecommendationScore], [LikertSummary].
//   - Change over time: [Change].
//   - Small-cell suppression for published breakdowns: [SuppressGroups] and
//     [SuppressTable] under a [SuppressionPolicy], primary and
//     complementary, so no hidden cell can be recovered from the totals.
//
// # Indicators, targets and scorecards
//
// An [Indicator] names a figure, defines it, gives its [Unit] and the
// [Polarity] in which it improves, and holds it against a [Target].
// [Indicator.Evaluate] turns a [Measurement] into an [Evaluation] with a
// [Verdict]: met, not met, or undefined. A [Scorecard] lists evaluations and
// renders as a text table, Markdown, CSV and JSON.
//
// # Large data
//
// [GroupCounter], [DistinctCounter] and [ResponseTimes] accumulate records
// one at a time without allocating per record, and merge: shards added up
// separately and merged in any order give exactly the one-pass result. That is
// the create/add/merge/extract shape of a combiner in a distributed engine
// such as Apache Beam's CombineFn. They are not safe for concurrent use: give
// each goroutine its own and merge.
//
// The package imports nothing else of civitas, so any program can use it on
// its own records.
package metrics
