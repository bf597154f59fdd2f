package engagement

// NearestRanks exposes the percentile selection to the external tests, which
// hold it against metrics.NearestRankPercentile.
var NearestRanks = nearestRanks
