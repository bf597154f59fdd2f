// Package riverside holds the built-in records of Riverside, the fictional
// city whose story the example programs tell: the stakeholders of its park
// redevelopment, the council's consultation, the residents' petition for a
// bike lane. The records live here once, so the tour and the examples tell
// the same story; each program shows a different part of the library with them.
package riverside

import (
	"fmt"
	"time"

	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
)

// The stakeholders, numbered; [StakeholderID] turns a number into its fixed
// UUID, so the data needs no package-level variables.
const (
	residentsAssoc = iota + 1
	elmStreet
	businessAssoc
	cyclingClub
	activeTravel
	gazette
	cllrOkafor
	cllrLindqvist
	water
	boathouse
	dogWalkers
	heritageFund
	youthCouncil
	towpath
)

// StakeholderID returns the fixed ID of stakeholder n of the sample map
// (1 to 14, in the order of the table below).
func StakeholderID(n int) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("5a1c0e8e-%04x-4000-8000-%012x", n, n))
}

type entry struct {
	id uuid.UUID
	d  stakeholder.Details
}

// assess is shorthand for an assessment: power, interest, legitimacy,
// urgency, then the current and the desired attitude.
func assess(p, i, l, u stakeholder.Score, now, want stakeholder.Attitude) stakeholder.Assessment {
	return stakeholder.Assessment{Power: p, Interest: i, Legitimacy: l, Urgency: u, Attitude: now, Desired: want}
}

func stakeholders() []entry {
	return []entry{
		{StakeholderID(residentsAssoc), stakeholder.Details{Name: "Riverside Residents' Association", Kind: stakeholder.KindCommunityGroup,
			Area: "riverside", Tags: []string{"housing", "park"},
			Assessment: assess(3, 5, 5, 4, stakeholder.AttitudeResistant, stakeholder.AttitudeSupportive)}},
		{StakeholderID(elmStreet), stakeholder.Details{Name: "Elm Street households", Kind: stakeholder.KindResident,
			Area: "riverside", Tags: []string{"flood-risk", "park"},
			Assessment: assess(2, 5, 4, 4, stakeholder.AttitudeNeutral, stakeholder.AttitudeSupportive)}},
		{StakeholderID(businessAssoc), stakeholder.Details{Name: "Riverside Business Association", Kind: stakeholder.KindBusiness,
			Area: "riverside", Tags: []string{"economy"},
			Assessment: assess(4, 4, 4, 2, stakeholder.AttitudeSupportive, stakeholder.AttitudeLeading)}},
		{StakeholderID(cyclingClub), stakeholder.Details{Name: "Riverside Cycling Club", Kind: stakeholder.KindCommunityGroup,
			Area: "riverside", Tags: []string{"cycling", "park"},
			Assessment: assess(2, 4, 3, 3, stakeholder.AttitudeSupportive, stakeholder.AttitudeLeading)}},
		{StakeholderID(activeTravel), stakeholder.Details{Name: "Active Travel Alliance", Kind: stakeholder.KindNonprofit,
			Tags:       []string{"cycling"},
			Assessment: assess(3, 3, 4, 2, stakeholder.AttitudeSupportive, stakeholder.AttitudeSupportive)}},
		{StakeholderID(gazette), stakeholder.Details{Name: "The Riverside Gazette", Kind: stakeholder.KindMedia,
			Assessment: assess(4, 3, 3, 2, stakeholder.AttitudeNeutral, stakeholder.AttitudeSupportive)}},
		{StakeholderID(cllrOkafor), stakeholder.Details{Name: "Cllr Ada Okafor", Kind: stakeholder.KindElectedOfficial,
			Area: "riverside", Assessment: assess(5, 4, 5, 3, stakeholder.AttitudeSupportive, stakeholder.AttitudeLeading)}},
		{StakeholderID(cllrLindqvist), stakeholder.Details{Name: "Cllr Bo Lindqvist", Kind: stakeholder.KindElectedOfficial,
			Area: "harbour", Assessment: assess(4, 2, 5, 1, stakeholder.AttitudeNeutral, stakeholder.AttitudeSupportive)}},
		{StakeholderID(water), stakeholder.Details{Name: "Rivergate Water", Kind: stakeholder.KindGovernmentBody,
			Tags:       []string{"flood-risk", "utility"},
			Assessment: assess(5, 2, 4, 2, stakeholder.AttitudeUnaware, stakeholder.AttitudeNeutral)}},
		{StakeholderID(boathouse), stakeholder.Details{Name: "Friends of the Old Boathouse", Kind: stakeholder.KindCommunityGroup,
			Area: "riverside", Tags: []string{"heritage"},
			Assessment: assess(1, 5, 2, 5, stakeholder.AttitudeResistant, stakeholder.AttitudeNeutral)}},
		{StakeholderID(dogWalkers), stakeholder.Details{Name: "Towpath dog walkers", Kind: stakeholder.KindOther,
			KindLabel: "online group", Area: "riverside",
			Assessment: assess(1, 3, 2, 2, stakeholder.AttitudeUnaware, stakeholder.AttitudeNeutral)}},
		{StakeholderID(heritageFund), stakeholder.Details{Name: "Riverside Heritage Fund", Kind: stakeholder.KindNonprofit,
			Tags:       []string{"heritage"},
			Assessment: assess(4, 2, 2, 1, stakeholder.AttitudeSupportive, stakeholder.AttitudeSupportive)}},
		{StakeholderID(youthCouncil), stakeholder.Details{Name: "Youth Council", Kind: stakeholder.KindCommunityGroup,
			Assessment: assess(1, 2, 4, 1, stakeholder.AttitudeUnaware, stakeholder.AttitudeSupportive)}},
		{StakeholderID(towpath), stakeholder.Details{Name: "Save Our Towpath", Kind: stakeholder.KindCommunityActivist,
			Area: "riverside", Tags: []string{"park"},
			Assessment: assess(3, 5, 2, 5, stakeholder.AttitudeResistant, stakeholder.AttitudeNeutral)}},
	}
}

func relationships() []stakeholder.Relationship {
	return []stakeholder.Relationship{
		{From: StakeholderID(elmStreet), To: StakeholderID(residentsAssoc), Type: stakeholder.RelationTypeMemberOf, Strength: 4},
		{From: StakeholderID(cyclingClub), To: StakeholderID(activeTravel), Type: stakeholder.RelationTypeMemberOf, Strength: 4},
		{From: StakeholderID(cyclingClub), To: StakeholderID(businessAssoc), Type: stakeholder.RelationTypePartnerOf, Strength: 3},
		{From: StakeholderID(businessAssoc), To: StakeholderID(cyclingClub), Type: stakeholder.RelationTypeFunds, Strength: 2},
		{From: StakeholderID(cllrOkafor), To: StakeholderID(elmStreet), Type: stakeholder.RelationTypeRepresents, Strength: 3},
		{From: StakeholderID(residentsAssoc), To: StakeholderID(cllrOkafor), Type: stakeholder.RelationTypeInfluences, Strength: 4},
		{From: StakeholderID(cllrLindqvist), To: StakeholderID(cllrOkafor), Type: stakeholder.RelationTypeInfluences, Strength: 3},
		{From: StakeholderID(gazette), To: StakeholderID(cllrOkafor), Type: stakeholder.RelationTypeCoversAsMedia, Strength: 3},
		{From: StakeholderID(gazette), To: StakeholderID(towpath), Type: stakeholder.RelationTypeCoversAsMedia, Strength: 4},
		{From: StakeholderID(towpath), To: StakeholderID(cyclingClub), Type: stakeholder.RelationTypeOpposes, Strength: 4},
		{From: StakeholderID(boathouse), To: StakeholderID(towpath), Type: stakeholder.RelationTypePartnerOf, Strength: 4},
		{From: StakeholderID(heritageFund), To: StakeholderID(boathouse), Type: stakeholder.RelationTypeFunds, Strength: 3},
		{From: StakeholderID(water), To: StakeholderID(cllrLindqvist), Type: stakeholder.RelationTypeInfluences, Strength: 2},
		{From: StakeholderID(youthCouncil), To: StakeholderID(cllrOkafor), Type: stakeholder.RelationTypeInfluences, Strength: 2},
		{From: StakeholderID(dogWalkers), To: StakeholderID(towpath), Type: stakeholder.RelationTypePartnerOf, Strength: 2},
		{From: StakeholderID(activeTravel), To: StakeholderID(cllrLindqvist), Type: stakeholder.RelationTypeInfluences, Strength: 2},
	}
}

// day returns 10:00 UTC on the given day of 2025.
func day(month time.Month, d int) time.Time { return time.Date(2025, month, d, 10, 0, 0, 0, time.UTC) }

func interactionID(n int) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("1e7e0000-0000-4000-8000-%012d", n))
}

func interactions() []stakeholder.Interaction {
	return []stakeholder.Interaction{
		{ID: interactionID(1), Stakeholder: StakeholderID(residentsAssoc), At: day(time.January, 14), Channel: stakeholder.ChannelEmail,
			Direction: stakeholder.DirectionInbound, Topic: "loss of the riverside lawn", Sentiment: -2},
		{ID: interactionID(2), Stakeholder: StakeholderID(residentsAssoc), At: day(time.January, 17), Channel: stakeholder.ChannelEmail,
			Direction: stakeholder.DirectionOutbound, Topic: "loss of the riverside lawn", Sentiment: 0, InReplyTo: interactionID(1)},
		{ID: interactionID(3), Stakeholder: StakeholderID(residentsAssoc), At: day(time.February, 3), Channel: stakeholder.ChannelMeeting,
			Direction: stakeholder.DirectionTwoWay, Topic: "lawn and play area options", Sentiment: -1,
			FollowUpDue: day(time.February, 17)},
		{ID: interactionID(4), Stakeholder: StakeholderID(residentsAssoc), At: day(time.February, 14), Channel: stakeholder.ChannelLetter,
			Direction: stakeholder.DirectionOutbound, Topic: "revised layout", Sentiment: 0, InReplyTo: interactionID(3)},
		{ID: interactionID(5), Stakeholder: StakeholderID(residentsAssoc), At: day(time.April, 8), Channel: stakeholder.ChannelSiteVisit,
			Direction: stakeholder.DirectionTwoWay, Topic: "walk of the revised layout", Sentiment: 1},
		{ID: interactionID(6), Stakeholder: StakeholderID(businessAssoc), At: day(time.January, 21), Channel: stakeholder.ChannelMeeting,
			Direction: stakeholder.DirectionTwoWay, Topic: "market stalls on the promenade", Sentiment: 2},
		{ID: interactionID(7), Stakeholder: StakeholderID(businessAssoc), At: day(time.May, 6), Channel: stakeholder.ChannelEvent,
			Direction: stakeholder.DirectionTwoWay, Topic: "traders' evening", Sentiment: 2},
		{ID: interactionID(8), Stakeholder: StakeholderID(cyclingClub), At: day(time.March, 2), Channel: stakeholder.ChannelSocialMedia,
			Direction: stakeholder.DirectionInbound, Topic: "segregated cycle lane?", Sentiment: 1},
		{ID: interactionID(9), Stakeholder: StakeholderID(cyclingClub), At: day(time.March, 4), Channel: stakeholder.ChannelSocialMedia,
			Direction: stakeholder.DirectionOutbound, Topic: "segregated cycle lane", Sentiment: 1, InReplyTo: interactionID(8)},
		{ID: interactionID(10), Stakeholder: StakeholderID(towpath), At: day(time.March, 10), Channel: stakeholder.ChannelEmail,
			Direction: stakeholder.DirectionInbound, Topic: "cyclists on the towpath", Sentiment: -2},
		{ID: interactionID(11), Stakeholder: StakeholderID(towpath), At: day(time.March, 24), Channel: stakeholder.ChannelPhone,
			Direction: stakeholder.DirectionTwoWay, Topic: "cyclists on the towpath", Sentiment: -1, InReplyTo: interactionID(10),
			FollowUpDue: day(time.April, 7)},
		{ID: interactionID(12), Stakeholder: StakeholderID(gazette), At: day(time.April, 2), Channel: stakeholder.ChannelMediaInterview,
			Direction: stakeholder.DirectionTwoWay, Topic: "what the park will look like", Sentiment: 1},
		{ID: interactionID(13), Stakeholder: StakeholderID(elmStreet), At: day(time.April, 15), Channel: stakeholder.ChannelLetter,
			Direction: stakeholder.DirectionInbound, Topic: "flooding of back gardens", Sentiment: -1},
		{ID: interactionID(14), Stakeholder: StakeholderID(water), At: day(time.April, 22), Channel: stakeholder.ChannelEmail,
			Direction: stakeholder.DirectionOutbound, Topic: "drainage survey request", Sentiment: 0, FollowUpDue: day(time.May, 6)},
		{ID: interactionID(15), Stakeholder: StakeholderID(cllrOkafor), At: day(time.May, 12), Channel: stakeholder.ChannelMeeting,
			Direction: stakeholder.DirectionTwoWay, Topic: "ward briefing", Sentiment: 1},
		{ID: interactionID(16), Stakeholder: StakeholderID(boathouse), At: day(time.May, 20), Channel: stakeholder.ChannelEvent,
			Direction: stakeholder.DirectionInbound, Topic: "keep the boathouse", Sentiment: -1},
		{ID: interactionID(17), Stakeholder: StakeholderID(boathouse), At: day(time.May, 23), Channel: stakeholder.ChannelEmail,
			Direction: stakeholder.DirectionTwoWay, Topic: "boathouse survey", Sentiment: 0, InReplyTo: interactionID(16)},
	}
}

// Stakeholders returns a new map of the park redevelopment's stakeholders,
// their relationships and the council's interactions with them in the first
// half of 2025. Each call builds a fresh map the caller may change.
func Stakeholders() (*stakeholder.Map, error) {
	m := stakeholder.NewMap()
	for _, e := range stakeholders() {
		s, err := stakeholder.New(e.id, e.d)
		if err != nil {
			return nil, err
		}
		if err := m.Add(s); err != nil {
			return nil, err
		}
	}
	for _, r := range relationships() {
		if err := m.AddRelationship(r); err != nil {
			return nil, err
		}
	}
	for _, x := range interactions() {
		if err := m.Log(x); err != nil {
			return nil, err
		}
	}
	return m, nil
}
