package scorecard

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"
	"unicode"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/civitas-go/civitas/stakeholder/concerns"
	"github.com/shopspring/decimal"
)

// DefaultResponseDays is the response time a scorecard holds answers and
// inquiries to when the rules make no response commitment: two weeks.
const DefaultResponseDays = 14

// Options are what a process scorecard needs beyond the process: the
// population it is for and the targets. The zero value draws the scorecard
// at the process's latest change, with every default target and visibility
// and representativeness undefined.
type Options struct {
	// At is when the scorecard is drawn: the implementation schedule is
	// read at this time. The zero time is the process's latest change.
	At time.Time
	// TargetPopulation is the number of people the process is meant to
	// reach, the denominator of visibility; 0 leaves visibility undefined.
	TargetPopulation int64
	// Dimension is the profile field representativeness compares by, such
	// as stakeholder.DimensionArea; it is needed only with a population.
	Dimension stakeholder.Dimension
	// Representativeness is the population profile by Dimension (one count
	// per group), the small-cell policy (the zero policy is metrics'
	// default) and the groups an earlier release suppressed, as
	// [engagement.Process.Representativeness] takes them. An empty
	// Population leaves representativeness undefined.
	Representativeness metrics.RepresentativenessSpec
	// Targets replaces the default target of a figure (see [Figure]);
	// figures without an entry keep theirs.
	Targets map[Figure]metrics.Target
}

// Input is what a scorecard is computed from: a process, its options, and
// for the roles' figures the stakeholder map with its interaction log, the
// reporting period and volunteering. The zero value has no process and is
// refused.
type Input struct {
	// Process is the process the figures are about; required.
	Process *engagement.Process
	// Options hold the population and the targets.
	Options Options
	// Map is the stakeholder map with the team's interactions, for
	// relationship growth, reputation, inquiries and dialogue; nil leaves
	// those undefined.
	Map *stakeholder.Map
	// Period is the reporting period. Interactions, media mentions and
	// volunteering are counted in it; the zero Period is unbounded, which
	// leaves the figures that compare two times (growth, trend, inquiries)
	// undefined.
	Period metrics.Period
	// Earlier is the period the reputation trend compares with; the zero
	// Period is the one of the same length just before Period.
	Earlier metrics.Period
	// Volunteering are the volunteer activities of the period; nil leaves
	// the volunteer participation rate undefined.
	Volunteering []*participation.VolunteerActivity
	// Eligible is the number of people eligible to volunteer, the
	// denominator of the volunteer participation rate.
	Eligible int64
	// HalfLife is the half-life of relationship strength; zero is
	// stakeholder.DefaultHalfLife.
	HalfLife time.Duration
	// Concerns is the register of concerns and complaints, whose figures
	// join the Community Relations Officer's and Manager's scorecards
	// ([Role.ComplaintFigures]), counted over Period; nil leaves them out.
	Concerns *concerns.Register
	// AsOf is when the register's figures are read: deadlines and the ages
	// of open cases run to it. It is needed with Concerns.
	AsOf time.Time
}

// ForProcess returns the process scorecard of in.Process, titled "Process
// scorecard: " and the process's title: the [ProcessFigures], from exposures
// to implementation progress, each against its target. Its errors are those
// of [New].
func ForProcess(in Input) (metrics.Scorecard, error) {
	title := "Process scorecard"
	if in.Process != nil {
		title += ": " + in.Process.Title()
	}
	return New(title, in, ProcessFigures()...)
}

// ForRole returns the default scorecard of role r, titled with the role and
// the process: its [Role.Figures], each against its target. It returns an
// error wrapping [ErrInvalid] for an undeclared role, and the errors of
// [New].
func ForRole(r Role, in Input) (metrics.Scorecard, error) {
	if !r.IsValid() {
		return metrics.Scorecard{}, invalid("role", r.String())
	}
	title := r.Label()
	if in.Process != nil {
		title += ": " + in.Process.Title()
	}
	card, err := New(title, in, r.Figures()...)
	if err != nil || in.Concerns == nil || len(r.ComplaintFigures()) == 0 {
		return card, err
	}
	return withComplaints(card, r, in)
}

// withComplaints appends to card the register's figures role r is judged
// by, each held against the target the register's published rules give it.
func withComplaints(card metrics.Scorecard, r Role, in Input) (metrics.Scorecard, error) {
	if in.AsOf.IsZero() {
		return metrics.Scorecard{}, invalid("as_of", "(not set, needed with a concerns register)")
	}
	perf, err := in.Concerns.Performance(in.Period, in.AsOf)
	if err != nil {
		return metrics.Scorecard{}, fmt.Errorf("scorecard: concerns register: %w", err)
	}
	var rows []metrics.Evaluation
	for _, e := range card.All() {
		rows = append(rows, e)
	}
	for _, f := range r.ComplaintFigures() {
		ind, err := f.Indicator(perf.Rules)
		if err != nil {
			return metrics.Scorecard{}, err
		}
		e, err := ind.Evaluate(perf.Measurement(f))
		if err != nil {
			return metrics.Scorecard{}, fmt.Errorf("scorecard: %s: %w", f.Label(), err)
		}
		rows = append(rows, e)
	}
	return metrics.NewScorecard(card.Title(), rows...)
}

// New returns a scorecard titled title with one row per figure, in the order
// given, each computed from in and held against its target. The title's
// characters that a scorecard cannot show (line breaks, control characters)
// become spaces.
//
// It returns an error wrapping [ErrInvalid] for: no process, no figure or an
// undeclared one, a title with nothing printable in it, a negative target
// population or eligible count, an invalid period, time or target, and a
// negative half-life; and, wrapped with the figure's name, the errors of the
// figure's sources: engagement (an undeclared dimension), metrics
// (metrics.ErrMismatchedGroups for a participant group the population
// lacks, an invalid suppression policy) and participation
// (SummarizeVolunteering). The errors are joined.
func New(title string, in Input, figures ...Figure) (metrics.Scorecard, error) {
	title = printable(title)
	var errs []error
	if strings.TrimSpace(title) == "" {
		errs = append(errs, invalid("title", fmt.Sprintf("%q", title)))
	}
	if err := errors.Join(append(errs, in.validate(figures))...); err != nil {
		return metrics.Scorecard{}, err
	}
	m := newMeasure(&in)
	rows := make([]metrics.Evaluation, 0, len(figures))
	for _, f := range figures {
		e, err := m.evaluate(f)
		errs = append(errs, err)
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
func (in *Input) validate(figures []Figure) error {
	var errs []error
	add := func(field, value string) { errs = append(errs, invalid(field, value)) }
	if in.Process == nil {
		add("process", "nil")
	}
	if len(figures) == 0 {
		add("figures", "none")
	}
	for _, f := range figures {
		if !f.IsValid() {
			add("figure", f.String())
		}
	}
	o := &in.Options
	if !o.At.IsZero() && !time.Unix(0, o.At.UnixNano()).Equal(o.At) { // as a process keeps times
		add("options.at", o.At.String())
	}
	if o.TargetPopulation < 0 {
		add("options.target_population", fmt.Sprint(o.TargetPopulation))
	}
	if in.Eligible < 0 {
		add("eligible", fmt.Sprint(in.Eligible))
	}
	for f, t := range o.Targets {
		if !f.IsValid() || !t.IsValid() {
			add("options.targets", f.String())
		}
	}
	for _, pd := range []struct {
		name string
		v    metrics.Period
	}{{"period", in.Period}, {"earlier", in.Earlier}} {
		if pd.v.Validate() != nil {
			add(pd.name, pd.v.Start.String()+" – "+pd.v.End.String())
		}
	}
	if in.HalfLife < 0 {
		add("half_life", in.HalfLife.String())
	}
	return errors.Join(errs...)
}

// measure computes the figures of one scorecard, sharing one tally of the
// process among them.
type measure struct {
	in    *Input
	p     *engagement.Process
	rules engagement.Rules
	at    time.Time
	t     engagement.Tallies
	pct   []time.Duration // median and 90th percentile response times, once computed
}

func newMeasure(in *Input) *measure {
	p := in.Process
	m := &measure{in: in, p: p, rules: p.Rules(), at: in.Options.At}
	if m.at.IsZero() {
		m.at = p.LastChange()
	}
	m.t = p.Tallies(time.Time{})
	return m
}

// has reports whether the input holds what a figure needs.
func (m *measure) has(n needs) bool {
	in := m.in
	switch {
	case n&needTargetPopulation != 0 && in.Options.TargetPopulation <= 0,
		n&needProfile != 0 && len(in.Options.Representativeness.Population) == 0,
		n&needMap != 0 && in.Map == nil,
		n&needPeriod != 0 && in.Period.IsZero(),
		n&needVolunteering != 0 && in.Volunteering == nil:
		return false
	}
	return true
}

// evaluate computes figure f from its row and holds it against its target.
func (m *measure) evaluate(f Figure) (metrics.Evaluation, error) {
	row := &figureTable[f]
	var v metrics.Measurement // undefined unless every input is there
	if m.has(row.needs) {
		var err error
		if v, err = row.measure(m); err != nil {
			return metrics.Evaluation{}, fmt.Errorf("scorecard: %s: %w", row.name, err)
		}
	}
	target, ok := m.in.Options.Targets[f]
	if !ok {
		target = row.target(m)
	}
	ind, err := metrics.NewIndicator(row.label, row.definition, row.unit, row.better, target)
	if err != nil {
		return metrics.Evaluation{}, fmt.Errorf("scorecard: %s: %w: %w", row.name, ErrInvalid, err)
	}
	return ind.Evaluate(v)
}

// responseDays is the response commitment in days, or DefaultResponseDays.
func (m *measure) responseDays() int {
	if d := m.rules.ResponseDays; d > 0 {
		return d
	}
	return DefaultResponseDays
}

// responseTime returns the median (i 0) or the 90th percentile (i 1) of
// the response times, nearest rank; undefined when none is answered.
func (m *measure) responseTime(i int) (metrics.Measurement, error) {
	if m.pct == nil {
		times := m.t.ResponseTimes()
		if len(times) == 0 {
			return metrics.Measurement{}, nil
		}
		pct, err := metrics.SelectPercentiles(times, 50, 90)
		if err != nil {
			return metrics.Measurement{}, err
		}
		m.pct = pct
	}
	return metrics.FromDuration(m.pct[i])
}

// mentions returns the media mentions the campaigns earned in the period,
// each with its recorded audience.
func (m *measure) mentions() []metrics.Mention {
	var out []metrics.Mention
	for c := range m.p.Campaigns() {
		for at, cl := range c.Mentions() {
			if m.in.Period.Contains(at) {
				out = append(out, cl.Mention)
			}
		}
	}
	return out
}

// openCommitments returns the commitments that are not dropped.
func (m *measure) openCommitments() []engagement.Commitment {
	var out []engagement.Commitment
	for c := range m.p.Commitments() {
		if c.DroppedAt().IsZero() {
			out = append(out, c)
		}
	}
	return out
}

// progress computes FigureImplementationProgress: the exact mean of the
// commitments' done weight over their total weight.
func (m *measure) progress() metrics.Measurement {
	cs := m.openCommitments()
	if len(cs) == 0 {
		return metrics.Measurement{}
	}
	sum := new(big.Rat)
	for _, c := range cs {
		r := c.Progress()
		sum.Add(sum, big.NewRat(r.Numerator(), r.Denominator()))
	}
	return metrics.FromDecimal(ratDecimal(sum.Quo(sum, big.NewRat(int64(len(cs)), 1)), metrics.ValuePlaces, false))
}

// schedule returns the default target of implementation progress: the mean
// share of each open commitment's time to its due date that has passed at
// the scorecard's time, in percent, rounded down to metrics.PercentPlaces;
// 0 with no open commitment.
func (m *measure) schedule() decimal.Decimal {
	cs := m.openCommitments()
	sum := new(big.Rat)
	for _, c := range cs {
		span, passed := c.Due().Sub(c.AddedAt()), m.at.Sub(c.AddedAt())
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

// ratio turns a metrics ratio and its error into a measurement.
func ratio(r metrics.Ratio, err error) (metrics.Measurement, error) {
	if err != nil {
		return metrics.Measurement{}, err
	}
	return metrics.FromRatio(r), nil
}
