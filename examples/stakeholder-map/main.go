// Command stakeholder-map maps the stakeholders of a riverside park
// redevelopment: who they are, where they sit on Mendelow's power/interest
// grid, their Mitchell-Agle-Wood salience, who brokers between them, how far
// their attitudes are from where the project needs them, and how the
// council's relationships with them are going.
//
// It prints a report and writes grid.svg and network.svg into the current
// directory, or into the directory given with -out. All data is built in,
// with fixed IDs and times, so every run prints and writes the same.
//
// Usage:
//
//	go run ./examples/stakeholder-map [-out DIR]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
)

func main() {
	out := flag.String("out", ".", "directory to write grid.svg and network.svg into")
	flag.Parse()
	if err := run(os.Stdout, *out); err != nil {
		fmt.Fprintln(os.Stderr, "stakeholder-map:", err)
		os.Exit(1)
	}
}

// The stakeholders' fixed IDs.
var (
	residentsAssoc = uuid.MustParse("5a1c0e8e-0001-4000-8000-000000000001")
	elmStreet      = uuid.MustParse("5a1c0e8e-0002-4000-8000-000000000002")
	businessAssoc  = uuid.MustParse("5a1c0e8e-0003-4000-8000-000000000003")
	cyclingClub    = uuid.MustParse("5a1c0e8e-0004-4000-8000-000000000004")
	activeTravel   = uuid.MustParse("5a1c0e8e-0005-4000-8000-000000000005")
	gazette        = uuid.MustParse("5a1c0e8e-0006-4000-8000-000000000006")
	cllrOkafor     = uuid.MustParse("5a1c0e8e-0007-4000-8000-000000000007")
	cllrLindqvist  = uuid.MustParse("5a1c0e8e-0008-4000-8000-000000000008")
	water          = uuid.MustParse("5a1c0e8e-0009-4000-8000-000000000009")
	boathouse      = uuid.MustParse("5a1c0e8e-000a-4000-8000-00000000000a")
	dogWalkers     = uuid.MustParse("5a1c0e8e-000b-4000-8000-00000000000b")
	heritageFund   = uuid.MustParse("5a1c0e8e-000c-4000-8000-00000000000c")
	youthCouncil   = uuid.MustParse("5a1c0e8e-000d-4000-8000-00000000000d")
	towpath        = uuid.MustParse("5a1c0e8e-000e-4000-8000-00000000000e")
)

type entry struct {
	id uuid.UUID
	d  stakeholder.Details
}

// assess is shorthand for an assessment: power, interest, legitimacy,
// urgency, then the current and the desired attitude.
func assess(p, i, l, u stakeholder.Score, now, want stakeholder.Attitude) stakeholder.Assessment {
	return stakeholder.Assessment{Power: p, Interest: i, Legitimacy: l, Urgency: u, Attitude: now, Desired: want}
}

var stakeholders = []entry{
	{residentsAssoc, stakeholder.Details{Name: "Riverside Residents' Association", Kind: stakeholder.CommunityGroup,
		Area: "riverside", Tags: []string{"housing", "park"},
		Assessment: assess(3, 5, 5, 4, stakeholder.Resistant, stakeholder.Supportive)}},
	{elmStreet, stakeholder.Details{Name: "Elm Street households", Kind: stakeholder.Resident,
		Area: "riverside", Tags: []string{"flood-risk", "park"},
		Assessment: assess(2, 5, 4, 4, stakeholder.Neutral, stakeholder.Supportive)}},
	{businessAssoc, stakeholder.Details{Name: "Riverside Business Association", Kind: stakeholder.Business,
		Area: "riverside", Tags: []string{"economy"},
		Assessment: assess(4, 4, 4, 2, stakeholder.Supportive, stakeholder.Leading)}},
	{cyclingClub, stakeholder.Details{Name: "Riverside Cycling Club", Kind: stakeholder.CommunityGroup,
		Area: "riverside", Tags: []string{"cycling", "park"},
		Assessment: assess(2, 4, 3, 3, stakeholder.Supportive, stakeholder.Leading)}},
	{activeTravel, stakeholder.Details{Name: "Active Travel Alliance", Kind: stakeholder.Nonprofit,
		Tags:       []string{"cycling"},
		Assessment: assess(3, 3, 4, 2, stakeholder.Supportive, stakeholder.Supportive)}},
	{gazette, stakeholder.Details{Name: "The Riverside Gazette", Kind: stakeholder.Media,
		Assessment: assess(4, 3, 3, 2, stakeholder.Neutral, stakeholder.Supportive)}},
	{cllrOkafor, stakeholder.Details{Name: "Cllr Ada Okafor", Kind: stakeholder.ElectedOfficial,
		Area: "riverside", Assessment: assess(5, 4, 5, 3, stakeholder.Supportive, stakeholder.Leading)}},
	{cllrLindqvist, stakeholder.Details{Name: "Cllr Bo Lindqvist", Kind: stakeholder.ElectedOfficial,
		Area: "harbour", Assessment: assess(4, 2, 5, 1, stakeholder.Neutral, stakeholder.Supportive)}},
	{water, stakeholder.Details{Name: "Rivergate Water", Kind: stakeholder.GovernmentBody,
		Tags:       []string{"flood-risk", "utility"},
		Assessment: assess(5, 2, 4, 2, stakeholder.Unaware, stakeholder.Neutral)}},
	{boathouse, stakeholder.Details{Name: "Friends of the Old Boathouse", Kind: stakeholder.CommunityGroup,
		Area: "riverside", Tags: []string{"heritage"},
		Assessment: assess(1, 5, 2, 5, stakeholder.Resistant, stakeholder.Neutral)}},
	{dogWalkers, stakeholder.Details{Name: "Towpath dog walkers", Kind: stakeholder.OtherKind,
		KindLabel: "online group", Area: "riverside",
		Assessment: assess(1, 3, 2, 2, stakeholder.Unaware, stakeholder.Neutral)}},
	{heritageFund, stakeholder.Details{Name: "Riverside Heritage Fund", Kind: stakeholder.Nonprofit,
		Tags:       []string{"heritage"},
		Assessment: assess(4, 2, 2, 1, stakeholder.Supportive, stakeholder.Supportive)}},
	{youthCouncil, stakeholder.Details{Name: "Youth Council", Kind: stakeholder.CommunityGroup,
		Assessment: assess(1, 2, 4, 1, stakeholder.Unaware, stakeholder.Supportive)}},
	{towpath, stakeholder.Details{Name: "Save Our Towpath", Kind: stakeholder.CommunityActivist,
		Area: "riverside", Tags: []string{"park"},
		Assessment: assess(3, 5, 2, 5, stakeholder.Resistant, stakeholder.Neutral)}},
}

var relationships = []stakeholder.Relationship{
	{From: elmStreet, To: residentsAssoc, Type: stakeholder.MemberOf, Strength: 4},
	{From: cyclingClub, To: activeTravel, Type: stakeholder.MemberOf, Strength: 4},
	{From: cyclingClub, To: businessAssoc, Type: stakeholder.PartnerOf, Strength: 3},
	{From: businessAssoc, To: cyclingClub, Type: stakeholder.Funds, Strength: 2},
	{From: cllrOkafor, To: elmStreet, Type: stakeholder.Represents, Strength: 3},
	{From: residentsAssoc, To: cllrOkafor, Type: stakeholder.Influences, Strength: 4},
	{From: cllrLindqvist, To: cllrOkafor, Type: stakeholder.Influences, Strength: 3},
	{From: gazette, To: cllrOkafor, Type: stakeholder.CoversAsMedia, Strength: 3},
	{From: gazette, To: towpath, Type: stakeholder.CoversAsMedia, Strength: 4},
	{From: towpath, To: cyclingClub, Type: stakeholder.Opposes, Strength: 4},
	{From: boathouse, To: towpath, Type: stakeholder.PartnerOf, Strength: 4},
	{From: heritageFund, To: boathouse, Type: stakeholder.Funds, Strength: 3},
	{From: water, To: cllrLindqvist, Type: stakeholder.Influences, Strength: 2},
	{From: youthCouncil, To: cllrOkafor, Type: stakeholder.Influences, Strength: 2},
	{From: dogWalkers, To: towpath, Type: stakeholder.PartnerOf, Strength: 2},
	{From: activeTravel, To: cllrLindqvist, Type: stakeholder.Influences, Strength: 2},
}

// day returns 10:00 UTC on the given day of 2025.
func day(month time.Month, d int) time.Time { return time.Date(2025, month, d, 10, 0, 0, 0, time.UTC) }

func interactionID(n int) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("1e7e0000-0000-4000-8000-%012d", n))
}

var interactions = []stakeholder.Interaction{
	{ID: interactionID(1), Stakeholder: residentsAssoc, At: day(time.January, 14), Channel: stakeholder.Email,
		Direction: stakeholder.Inbound, Topic: "loss of the riverside lawn", Sentiment: -2},
	{ID: interactionID(2), Stakeholder: residentsAssoc, At: day(time.January, 17), Channel: stakeholder.Email,
		Direction: stakeholder.Outbound, Topic: "loss of the riverside lawn", Sentiment: 0, InReplyTo: interactionID(1)},
	{ID: interactionID(3), Stakeholder: residentsAssoc, At: day(time.February, 3), Channel: stakeholder.Meeting,
		Direction: stakeholder.TwoWay, Topic: "lawn and play area options", Sentiment: -1,
		FollowUpDue: day(time.February, 17)},
	{ID: interactionID(4), Stakeholder: residentsAssoc, At: day(time.February, 14), Channel: stakeholder.Letter,
		Direction: stakeholder.Outbound, Topic: "revised layout", Sentiment: 0, InReplyTo: interactionID(3)},
	{ID: interactionID(5), Stakeholder: residentsAssoc, At: day(time.April, 8), Channel: stakeholder.SiteVisit,
		Direction: stakeholder.TwoWay, Topic: "walk of the revised layout", Sentiment: 1},
	{ID: interactionID(6), Stakeholder: businessAssoc, At: day(time.January, 21), Channel: stakeholder.Meeting,
		Direction: stakeholder.TwoWay, Topic: "market stalls on the promenade", Sentiment: 2},
	{ID: interactionID(7), Stakeholder: businessAssoc, At: day(time.May, 6), Channel: stakeholder.Event,
		Direction: stakeholder.TwoWay, Topic: "traders' evening", Sentiment: 2},
	{ID: interactionID(8), Stakeholder: cyclingClub, At: day(time.March, 2), Channel: stakeholder.SocialMedia,
		Direction: stakeholder.Inbound, Topic: "segregated cycle lane?", Sentiment: 1},
	{ID: interactionID(9), Stakeholder: cyclingClub, At: day(time.March, 4), Channel: stakeholder.SocialMedia,
		Direction: stakeholder.Outbound, Topic: "segregated cycle lane", Sentiment: 1, InReplyTo: interactionID(8)},
	{ID: interactionID(10), Stakeholder: towpath, At: day(time.March, 10), Channel: stakeholder.Email,
		Direction: stakeholder.Inbound, Topic: "cyclists on the towpath", Sentiment: -2},
	{ID: interactionID(11), Stakeholder: towpath, At: day(time.March, 24), Channel: stakeholder.Phone,
		Direction: stakeholder.TwoWay, Topic: "cyclists on the towpath", Sentiment: -1, InReplyTo: interactionID(10),
		FollowUpDue: day(time.April, 7)},
	{ID: interactionID(12), Stakeholder: gazette, At: day(time.April, 2), Channel: stakeholder.MediaInterview,
		Direction: stakeholder.TwoWay, Topic: "what the park will look like", Sentiment: 1},
	{ID: interactionID(13), Stakeholder: elmStreet, At: day(time.April, 15), Channel: stakeholder.Letter,
		Direction: stakeholder.Inbound, Topic: "flooding of back gardens", Sentiment: -1},
	{ID: interactionID(14), Stakeholder: water, At: day(time.April, 22), Channel: stakeholder.Email,
		Direction: stakeholder.Outbound, Topic: "drainage survey request", Sentiment: 0, FollowUpDue: day(time.May, 6)},
	{ID: interactionID(15), Stakeholder: cllrOkafor, At: day(time.May, 12), Channel: stakeholder.Meeting,
		Direction: stakeholder.TwoWay, Topic: "ward briefing", Sentiment: 1},
	{ID: interactionID(16), Stakeholder: boathouse, At: day(time.May, 20), Channel: stakeholder.Event,
		Direction: stakeholder.Inbound, Topic: "keep the boathouse", Sentiment: -1},
	{ID: interactionID(17), Stakeholder: boathouse, At: day(time.May, 23), Channel: stakeholder.Email,
		Direction: stakeholder.TwoWay, Topic: "boathouse survey", Sentiment: 0, InReplyTo: interactionID(16)},
}

// buildMap assembles the map from the tables above.
func buildMap() (*stakeholder.Map, error) {
	m := stakeholder.NewMap()
	for _, e := range stakeholders {
		s, err := stakeholder.New(e.id, e.d)
		if err != nil {
			return nil, err
		}
		if err := m.Add(s); err != nil {
			return nil, err
		}
	}
	for _, r := range relationships {
		if err := m.AddRelationship(r); err != nil {
			return nil, err
		}
	}
	for _, x := range interactions {
		if err := m.Log(x); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// signed puts a plus before a figure that has no minus.
func signed(figure string) string {
	if strings.HasPrefix(figure, "-") {
		return figure
	}
	return "+" + figure
}

func names(list []*stakeholder.Stakeholder) string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = s.Name()
	}
	return strings.Join(out, ", ")
}

func collect(m *stakeholder.Map, filters ...stakeholder.Filter) []*stakeholder.Stakeholder {
	var out []*stakeholder.Stakeholder
	for s := range m.Select(filters...) {
		out = append(out, s)
	}
	return out
}

func run(stdout io.Writer, outDir string) error {
	m, err := buildMap()
	if err != nil {
		return err
	}
	var grid stakeholder.Grid // the default cut: 3 or more is high
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)

	fmt.Fprintf(tw, "Riverside park redevelopment: %d stakeholders, %d relationships\n\n", m.Len(), len(relationships))
	fmt.Fprintln(tw, "Power/interest grid (Mendelow), cut at 3")
	counts := m.QuadrantCounts(grid)
	for _, q := range stakeholder.Quadrants() {
		fmt.Fprintf(tw, "  %s\t%d\t%s\n", q.Label(), counts[q], names(collect(m, stakeholder.InQuadrant(grid, q))))
	}
	fmt.Fprintln(tw, "\nSalience (Mitchell, Agle & Wood)")
	classes := m.SalienceCounts()
	for _, c := range stakeholder.SalienceClasses() {
		if classes[c] > 0 {
			fmt.Fprintf(tw, "  %s\t%d\t%s\n", c, classes[c], names(collect(m, stakeholder.InClass(c))))
		}
	}
	fmt.Fprintln(tw, "\nBrokers (betweenness centrality)")
	for _, b := range m.Brokers(3) {
		fmt.Fprintf(tw, "  %s\t%s\n", b.Stakeholder.Name(), b.Betweenness.StringFixed(2))
	}
	fmt.Fprintln(tw, "\nCoalitions (cooperative ties)")
	for i, c := range m.Coalitions() {
		fmt.Fprintf(tw, "  %d\t%s\n", i+1, names(c))
	}
	fmt.Fprintln(tw, "\nAttitude gaps, by priority")
	for _, s := range m.Prioritised(grid) {
		if gap := s.AttitudeGap(); gap != 0 {
			a := s.Assessment()
			fmt.Fprintf(tw, "  %s\t%s → %s\t%+d\t%s\n", s.Name(), a.Attitude, a.Desired, gap, grid.Quadrant(s).Label())
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := report(stdout, m); err != nil {
		return err
	}

	var gridSVG, netSVG bytes.Buffer
	if err := m.WriteGridSVG(&gridSVG, grid); err != nil {
		return err
	}
	if err := m.WriteNetworkSVG(&netSVG); err != nil {
		return err
	}
	for name, b := range map[string][]byte{"grid.svg": gridSVG.Bytes(), "network.svg": netSVG.Bytes()} {
		if err := os.WriteFile(filepath.Join(outDir, name), b, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "\nwrote grid.svg and network.svg to %s\n", outDir)
	return nil
}

// report prints the relationship figures: growth over the first half of
// 2025, how inquiries were answered, and what follow-ups are overdue.
func report(w io.Writer, m *stakeholder.Map) error {
	q1, q2 := day(time.March, 31), day(time.June, 30)
	growth, err := m.TotalGrowth(q1, q2, stakeholder.DefaultHalfLife)
	if err != nil {
		return err
	}
	rel, err := growth.RelativePercent()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nRelationship strength (half-life 90 days): %s at 31 March → %s at 30 June (%s %%)\n",
		growth.Before().StringFixed(2), growth.After().StringFixed(2), signed(rel.StringFixed(2)))
	resp, err := m.Responsiveness(day(time.January, 1), day(time.July, 1))
	if err != nil {
		return err
	}
	median, _ := resp.Median()
	fmt.Fprintf(w, "Inquiries answered: %d of %d (%s), %s within 7 days, median time to answer %s\n",
		resp.Answered.Numerator(), resp.Answered.Denominator(), resp.Answered.PercentText(),
		resp.Within(7*24*time.Hour).PercentText(), median)
	fmt.Fprintln(w, "Overdue follow-ups on 30 June:")
	for _, x := range m.Overdue(q2) {
		s, _ := m.Get(x.Stakeholder)
		fmt.Fprintf(w, "  %s: %q, due %s\n", s.Name(), x.Topic, x.FollowUpDue.Format("2 January"))
	}
	return nil
}
