package concerns

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/civitas-go/civitas/metrics"
)

// performanceWire has Performance's fields without its methods, so that
// encoding/json reads and writes them as tagged.
type performanceWire Performance

// UnmarshalJSON reads the encoding/json form of Performance and checks that
// the figures agree with one another, as [Register.Performance] makes them
// ([ErrInconsistent] otherwise): valid rules and period, a time, no
// negative count, every ratio a part of its whole; the days to close
// defined exactly when a case closed, the median no longer than the 90th
// percentile, and resolved counted over the cases closed; accepted and
// escalated over the same proposals and together no more; the backlog one
// count per band, in order, summing to the open cases, and the aged
// backlog its last two bands over them; at most as many cases counted for
// a deadline as were received; issues trending up a count exactly when the
// period is bounded. Errors of encoding/json are wrapped in [ErrInvalid].
// On error fs is unchanged.
func (fs *Performance) UnmarshalJSON(data []byte) error {
	var w performanceWire
	if err := json.Unmarshal(data, &w); err != nil {
		return decodeErr(err)
	}
	got := Performance(w)
	if err := got.check(); err != nil {
		return err
	}
	*fs = got
	return nil
}

// check returns every disagreement among the figures, joined.
func (fs Performance) check() error {
	var errs []error
	bad := func(field, why string) {
		errs = append(errs, &FieldError{Field: field, Value: why, Err: ErrInconsistent})
	}
	if err := fs.Rules.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := fs.Period.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("%w: %w", ErrInvalid, err))
	}
	if err := checkTime("as_of", fs.AsOf); err != nil {
		errs = append(errs, err)
	}
	for _, n := range []struct {
		field string
		v     int
	}{{"received", fs.Received}, {"closed", fs.Closed}, {"open", fs.Open}} {
		if n.v < 0 {
			bad(n.field, fmt.Sprintf("%d (negative)", n.v))
		}
	}
	for _, r := range []struct {
		field string
		v     metrics.Ratio
	}{{"acknowledged_on_time", fs.AcknowledgedOnTime}, {"proposed_on_time", fs.ProposedOnTime}, {"resolved", fs.Resolved},
		{"accepted", fs.Accepted}, {"escalated", fs.Escalated}, {"reopened", fs.Reopened}, {"aged_backlog", fs.AgedBacklog},
		{"repeat_complainants", fs.RepeatComplainants}} {
		if r.v.Numerator() < 0 || r.v.Numerator() > r.v.Denominator() {
			bad(r.field, r.v.String()+" (not a part of its whole)")
		}
	}
	for _, r := range []struct {
		field string
		v     metrics.Ratio
	}{{"acknowledged_on_time", fs.AcknowledgedOnTime}, {"proposed_on_time", fs.ProposedOnTime}} {
		if r.v.Denominator() > int64(fs.Received) {
			bad(r.field, fmt.Sprintf("%s (more cases than the %d received)", r.v, fs.Received))
		}
	}
	if fs.Resolved.Denominator() != int64(fs.Closed) {
		bad("resolved", fmt.Sprintf("%s (not over the %d closed)", fs.Resolved, fs.Closed))
	}
	med, medOK := fs.MedianToClose.Duration()
	p90, p90OK := fs.P90ToClose.Duration()
	switch {
	case fs.Closed > 0 && (!medOK || !p90OK):
		bad("median_to_close", "(not a duration although cases closed)")
	case fs.Closed == 0 && (fs.MedianToClose.Defined() || fs.P90ToClose.Defined()):
		bad("median_to_close", "(defined although no case closed)")
	case medOK && p90OK && med > p90:
		bad("p90_to_close", fmt.Sprintf("%s (shorter than the median %s)", p90, med))
	}
	if fs.Accepted.Denominator() != fs.Escalated.Denominator() || fs.Accepted.Numerator()+fs.Escalated.Numerator() > fs.Accepted.Denominator() {
		bad("escalated", fmt.Sprintf("%s (does not fit accepted %s)", fs.Escalated, fs.Accepted))
	}
	bands := BacklogBands()
	sum, aged := 0, 0
	if len(fs.Backlog) != len(bands) {
		bad("backlog", fmt.Sprintf("%d bands (want %d)", len(fs.Backlog), len(bands)))
	} else {
		for i, b := range fs.Backlog {
			if b.Band != bands[i] || b.Count < 0 {
				bad(fmt.Sprintf("backlog[%d]", i), fmt.Sprintf("%s %d", b.Band, b.Count))
			}
			sum += b.Count
			if b.Band >= BacklogBand31To90Days {
				aged += b.Count
			}
		}
	}
	if sum != fs.Open || fs.AgedBacklog.Denominator() != int64(fs.Open) || fs.AgedBacklog.Numerator() != int64(aged) {
		bad("backlog", fmt.Sprintf("%d in the bands, %d over 30 days, aged %s, %d open", sum, aged, fs.AgedBacklog, fs.Open))
	}
	n, isCount := fs.IssuesTrendingUp.Count()
	switch {
	case fs.Period.IsZero() && fs.IssuesTrendingUp.Defined():
		bad("issues_trending_up", "(defined for the unbounded period)")
	case !fs.Period.IsZero() && (!isCount || n < 0):
		bad("issues_trending_up", "(not a count for a bounded period)")
	}
	return errors.Join(errs...)
}
