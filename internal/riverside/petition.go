package riverside

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
)

// sheet is the paper signature sheet from the street stall, as typed in.
//
//go:embed sheet.csv
var sheet string

// person returns the fixed ID of resident n.
func person(n byte) uuid.UUID { return uuid.UUID{15: n} }

// districts are the neighbourhood's three districts.
func districts() []string { return []string{"elm", "oak", "birch"} }

// population returns the neighbourhood's population aged 16 and over (the
// eligible population) by d, one of DimensionArea and DimensionAgeBand; age
// groups are labelled in census notation, as stakeholder.AgeBand.Label
// writes them.
func population(d stakeholder.Dimension) []metrics.GroupCount {
	if d == stakeholder.DimensionArea {
		return []metrics.GroupCount{{Group: "elm", Count: 2400}, {Group: "oak", Count: 2900}, {Group: "birch", Count: 2700}}
	}
	return []metrics.GroupCount{
		{Group: "16-17", Count: 240}, {Group: "18-24", Count: 760}, {Group: "25-34", Count: 1500},
		{Group: "35-44", Count: 1400}, {Group: "45-54", Count: 1300}, {Group: "55-64", Count: 1100},
		{Group: "65-74", Count: 980}, {Group: "75+", Count: 720},
	}
}

// onlineSupporter returns the profile of the i-th online supporter
// (0-based): half from Elm, the rest from Oak and Birch, mostly younger.
func onlineSupporter(i int) stakeholder.Profile {
	bands := []stakeholder.AgeBand{
		stakeholder.AgeBand25To34, stakeholder.AgeBand18To24, stakeholder.AgeBand35To44, stakeholder.AgeBand25To34,
		stakeholder.AgeBand45To54, stakeholder.AgeBand25To34, stakeholder.AgeBand35To44, stakeholder.AgeBand55To64,
		stakeholder.AgeBand18To24,
	}
	return stakeholder.Profile{
		AgeBand:  bands[i%len(bands)],
		Sex:      []string{"f", "m", "f", "m", "x"}[i%5],
		Area:     []string{"elm", "oak", "elm", "birch"}[i%4],
		Resident: true,
	}
}

// CouncilName is the public body that runs Riverside's consultations and
// receives its residents' petitions.
const CouncilName = "Riverside City Council"

// CouncilID returns the fixed stakeholder ID of Riverside City Council.
func CouncilID() uuid.UUID { return uuid.MustParse("c0c0c11a-0000-4000-8000-000000000001") }

// may returns the first day of the signature window.
func may() time.Time { return time.Date(2025, time.May, 1, 0, 0, 0, 0, time.UTC) }

// Petition tells the residents' petition for a protected bike lane on Elm
// Street, from its draft to its submission to the council, writing the
// story to w, and returns the submitted initiative, which awaits the
// council's answer.
func Petition(w io.Writer) (*participation.Initiative, error) {
	in, _, err := petition(w)
	return in, err
}

// SigningLog is what the petition's records do not keep: the signatures its
// rules refused, and the committee it had when its first opening was
// refused.
type SigningLog struct {
	// Committee is the committee's size when the petition first asked to
	// open, and Needed the size its rules need.
	Committee, Needed int
	// Refused lists the refused signatures in the order they came.
	Refused []Refusal
	// Online is the number of online signatures accepted in the window.
	Online int
	// Sheet is the import of the paper sheet from the street stall.
	Sheet participation.ImportReport
}

// Refusal is one refused signature: online (Row 0) or a row of the paper
// sheet, with the reason in words.
type Refusal struct {
	At     time.Time // when it was given online; the zero time for a row
	Row    int
	Reason string
}

// petition tells the petition to w and returns it with its signing log.
func petition(w io.Writer) (*participation.Initiative, *SigningLog, error) {
	p := &printer{w: w}
	log := &SigningLog{}
	in, err := draft(p)
	if err == nil {
		err = open(p, in, log)
	}
	if err == nil {
		err = gather(p, in, log)
	}
	if err == nil {
		err = submit(p, in)
	}
	if err == nil {
		err = petitionReport(p, in)
	}
	if err == nil {
		err = p.err
	}
	if err != nil {
		return nil, nil, err
	}
	return in, log, nil
}

// draft writes the petition and its rules.
func draft(p *printer) (*participation.Initiative, error) {
	in, err := participation.NewInitiative(participation.InitiativeSpec{
		ID:         person(200),
		Title:      "Protected bike lane on Elm Street",
		Summary:    "Separate the Elm Street bike lane from traffic with kerbs, from the station to the school.",
		Kind:       participation.KindPetition,
		Initiators: []uuid.UUID{person(201), person(202)},
		Committee:  participation.Committee{MinSize: 3},
		Area:       "elm",
		Created:    may().AddDate(0, 0, -10),
	})
	if err != nil {
		return nil, err
	}
	rules := participation.SupportRules{
		Threshold:      40,
		Window:         metrics.Period{Start: may(), End: may().AddDate(0, 1, 0)},
		MinAge:         16,
		Areas:          districts(),
		ResidentsOnly:  true,
		AreaThresholds: []participation.AreaThreshold{{Area: "elm", Threshold: 15}},
	}
	if err := in.SetRules(rules); err != nil {
		return nil, err
	}
	p.printf("%s (%s)\n%s\n", in.Title(), in.Kind().Text(), in.Summary())
	p.printf("Rules: %d supports, %d of them from elm, %s to %s, aged %d+, residents of %s\n\n",
		rules.Threshold, rules.AreaThresholds[0].Threshold, rules.Window.Start.Format(time.DateOnly),
		rules.Window.End.Add(-time.Nanosecond).Format(time.DateOnly), rules.MinAge, strings.Join(rules.Areas, ", "))
	return in, nil
}

// open opens the petition once its committee has the three members it
// needs: the two initiators alone are refused.
func open(p *printer, in *participation.Initiative, log *SigningLog) error {
	log.Committee, log.Needed = in.CommitteeSize(), 3
	err := in.Open(may().AddDate(0, 0, -3))
	if !errors.Is(err, participation.ErrCommitteeTooSmall) {
		return fmt.Errorf("opening with two of three committee members: %v", err)
	}
	p.printf("Opening refused: %v\n", err)
	if _, err := in.AddPromoter(person(203)); err != nil {
		return err
	}
	opened := may().AddDate(0, 0, -2)
	if err := in.Open(opened); err != nil {
		return err
	}
	p.printf("Opened on %s with a committee of %d\n\n", opened.Format(time.DateOnly), in.CommitteeSize())
	return nil
}

// gather collects signatures online, then from the paper sheet, printing
// every refusal with its reason.
func gather(p *printer, in *participation.Initiative, log *SigningLog) error {
	p.printf("Online signatures\n")
	sign := p.signer(in, log)
	sign(90, onlineSupporter(0), may().Add(-20*time.Hour)) // before the window
	for i := range byte(36) {
		sign(i+1, onlineSupporter(int(i)), may().Add(time.Duration(24+10*int(i))*time.Hour))
	}
	sign(91, stakeholder.Profile{AgeBand: stakeholder.AgeBandUnder16, Area: "elm", Resident: true}, may().AddDate(0, 0, 3))
	sign(92, stakeholder.Profile{AgeBand: stakeholder.AgeBand25To34, Area: "elm"}, may().AddDate(0, 0, 4))
	sign(93, stakeholder.Profile{AgeBand: stakeholder.AgeBand35To44, Area: "maple", Resident: true}, may().AddDate(0, 0, 5))
	sign(5, onlineSupporter(4), may().AddDate(0, 0, 6)) // again
	p.printf("  %d accepted\n\n", in.Count())
	log.Online = in.Count()

	rep, err := in.ImportCSV(strings.NewReader(sheet))
	if err != nil {
		return err
	}
	p.printf("Paper sheet from the street stall: %s, %d accepted, %d rejected\n", count(rep.Rows, "row", "rows"), rep.Accepted, len(rep.Rejected))
	log.Sheet = rep
	for _, r := range rep.Rejected {
		p.printf("  row %2d: %s\n", r.Row, reason(r))
		log.Refused = append(log.Refused, Refusal{Row: r.Row, Reason: reason(r)})
	}
	p.printf("\nAfter the window closed\n")
	sign(94, onlineSupporter(5), may().AddDate(0, 1, 0).Add(2*time.Hour))
	return nil
}

// signer returns a function that signs online for resident n and prints a
// refusal.
func (p *printer) signer(in *participation.Initiative, log *SigningLog) func(n byte, prof stakeholder.Profile, when time.Time) {
	return func(n byte, prof stakeholder.Profile, when time.Time) {
		if err := in.Sign(person(n), prof, participation.SigningMethodOnline, when); err != nil {
			p.printf("  refused resident %d on %s: %s\n", n, when.Format("2006-01-02 15:04"), reason(err))
			log.Refused = append(log.Refused, Refusal{At: when, Reason: reason(err)})
		}
	}
}

// submit qualifies the petition and hands it to the city.
func submit(p *printer, in *participation.Initiative) error {
	city := participation.PublicBody{ID: CouncilID(), Name: CouncilName}
	if err := in.Qualify(may().AddDate(0, 1, 0).Add(9 * time.Hour)); err != nil {
		return err
	}
	if err := in.Submit(city, may().AddDate(0, 1, 2).Add(10*time.Hour)); err != nil {
		return err
	}
	p.printf("  qualified; submitted to %s, awaiting its answer\n", city.Name)
	return nil
}

// petitionReport prints the history with its milestones, the progress, the
// campaign's figures and the supporters' representativeness.
func petitionReport(p *printer, in *participation.Initiative) error {
	p.printf("\nHistory\n")
	for _, e := range in.History() {
		line := fmt.Sprintf("  %s  %s", e.At.Format("2006-01-02 15:04"), e.Kind.Text())
		switch e.Kind {
		case participation.EventMilestone:
			line += fmt.Sprintf(" %d %%", e.Percent)
		case participation.EventSubmitted:
			line += " to " + e.To.Name
		}
		p.println(line)
	}

	p.printf("\nProgress\n")
	for _, r := range in.Requirements() {
		name := "all districts"
		if r.Area != "" {
			name = r.Area
		}
		p.printf("  %-13s %d of %s (%s)\n", name, r.Count, count(r.Threshold, "support", "supports"), r.Progress().PercentText())
	}
	shares := in.ChannelShares()
	p.printf("  online %s, offline %s\n", shares.Online.PercentText(), shares.Offline.PercentText())
	if d, ok := in.TimeToThreshold(); ok {
		p.printf("  threshold met %s after the window opened\n", days(d))
	}

	p.printf("\nSupports per day\n")
	for _, d := range in.SupportsPerDay(time.UTC) {
		p.printf("  %s %2d %s\n", d.Day.Format("Mon 02 Jan"), d.Count, strings.Repeat("#", d.Count))
	}

	policy := metrics.SuppressionPolicy{MinCellSize: metrics.MinCellSize5}
	for _, d := range []stakeholder.Dimension{stakeholder.DimensionArea, stakeholder.DimensionAgeBand} {
		spec := metrics.RepresentativenessSpec{Population: population(d), Policy: policy}
		if err := p.representativeness(in, d, spec); err != nil {
			return err
		}
	}
	return nil
}

// representativeness prints the supporters against the population by one
// dimension as it is published: the suppressed table of
// metrics.Representativeness, and the index of dissimilarity and the
// representation score computed on the published grouping (suppressed
// groups merged), or why they are withheld. No figure is printed that a
// suppressed count could be worked out from.
func (p *printer) representativeness(in *participation.Initiative, d stakeholder.Dimension, spec metrics.RepresentativenessSpec) error {
	rep, err := in.Representativeness(d, spec)
	if err != nil {
		return err
	}
	p.printf("\nSupporters by %s against the population (counts under %d suppressed: *)\n", d.Text(), spec.Policy.Threshold())
	p.printf("  %-12s %10s %9s %10s %6s\n", "group", "supporters", "share", "population", "ratio")
	for g := range rep.All() {
		share, ratio := groupFigures(g, "*")
		p.printf("  %-12s %10s %9s %10s %6s\n", g.Group(), g.Participants(), share, g.PopulationShare().PercentText(), ratio)
	}
	p.printf("  %-12s %10s\n", "not given", rep.Unclassified())
	p.printf("  %-12s %10d\n", "total", rep.Total())
	dis, err := rep.Dissimilarity()
	if err != nil {
		p.printf("  index of dissimilarity and representation score not published: %s\n", withheld(err))
		return nil
	}
	score, _ := rep.Score() // published exactly when the dissimilarity is
	p.printf("  index of dissimilarity %s (0: supporters mirror the population)\n", dis.StringFixed(3))
	p.printf("  representation score %s (1: every group alike)\n", score.StringFixed(3))
	if len(rep.SuppressedGroups()) > 0 {
		p.printf("  both computed with the suppressed groups merged into one\n")
	}
	return nil
}

// groupFigures returns a published group's share of the supporters and
// its representation ratio, or hidden for each that is suppressed.
func groupFigures(g metrics.RepresentedGroup, hidden string) (share, ratio string) {
	share, ratio = hidden, hidden
	if s, ok := g.ParticipantShare(); ok {
		share = s.PercentText()
	}
	if r, ok := g.RepresentationRatio(); ok {
		ratio = r.StringFixed(2)
	}
	return share, ratio
}

// withheld says why a figure of a published table is not printed.
func withheld(err error) string {
	var w *metrics.WithheldError
	if errors.As(err, &w) {
		return w.Reason
	}
	if errors.Is(err, metrics.ErrUndefined) {
		return "undefined, no supporter is classified"
	}
	return err.Error()
}

// reason names why a signature or a row was refused.
func reason(err error) string {
	for _, r := range []struct {
		err  error
		text string
	}{
		{participation.ErrAlreadySigned, "signed twice"},
		{participation.ErrOutsideWindow, "outside the signature window"},
		{participation.ErrTooYoung, "younger than 16"},
		{participation.ErrNotResident, "not a resident"},
		{participation.ErrOutsideArea, "not from the neighbourhood"},
		{participation.ErrMalformedRow, "unreadable"},
	} {
		if errors.Is(err, r.err) {
			return r.text
		}
	}
	return err.Error()
}

// days prints a duration as days and hours, such as "1 day 10 hours".
func days(d time.Duration) string {
	return count(int(d/(24*time.Hour)), "day", "days") + " " + count(int(d%(24*time.Hour)/time.Hour), "hour", "hours")
}

// count writes n with its noun in the right number: "1 row", "2 rows".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
