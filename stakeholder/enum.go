package stakeholder

import (
	"github.com/google/uuid"

	"github.com/civitas-go/civitas/internal/enum"
)

// The enums of this package are typed ints starting at 1, so that the zero
// value is invalid, each backed by one table of internal/enum: wire names
// are lowercase words joined by underscores, and ParseX accepts them in any
// case with '_', '-' or ' ' between words (see internal/DESIGN.md). An
// undeclared value or unknown name is an [*FieldError] wrapping
// [ErrInvalid].

// Kind is what sort of party a stakeholder is. The kinds are those a
// community relations team keeps apart in practice: individuals (residents,
// voters, community activists), organised civil society (community groups,
// nonprofits), the market (businesses), the media, and the public side
// (government bodies, elected officials, partner organisations). A party
// that fits none is [KindOther] with a free label.
//
// The zero value is invalid. The text form is the lowercase name with
// underscores, such as "community_activist".
type Kind int

// The kinds of stakeholder.
const (
	KindResident            Kind = iota + 1 // a person who lives in the area
	KindVoter                               // a person addressed as an elector
	KindCommunityActivist                   // a person who organises others
	KindCommunityGroup                      // an informal or registered local group
	KindNonprofit                           // a charity, foundation or NGO
	KindBusiness                            // a firm or a business association
	KindMedia                               // a newspaper, broadcaster, blog or channel
	KindGovernmentBody                      // an authority, agency or public utility
	KindElectedOfficial                     // a councillor, mayor or member of parliament
	KindPartnerOrganisation                 // an organisation that co-delivers the work
	KindOther                               // anything else, described by a label
)

// Attitude is a stakeholder's stance towards the project, on the five
// levels of the Stakeholder Engagement Assessment Matrix (PMI, PMBOK Guide,
// 6th ed., Plan Stakeholder Engagement): unaware of the project, resistant
// to it, neutral, supportive, or leading (actively engaged in making it
// succeed). The matrix records each stakeholder's current attitude and the
// one the team needs; the distance between them is the
// [Stakeholder.AttitudeGap].
//
// The levels are ordered as the matrix orders them, Unaware lowest: an
// unaware stakeholder must first learn of the project before anything else.
// The zero value is invalid.
type Attitude int

// The attitudes, lowest first.
const (
	AttitudeUnaware    Attitude = iota + 1 // does not know of the project or its impact
	AttitudeResistant                      // knows and resists change
	AttitudeNeutral                        // knows, neither supports nor resists
	AttitudeSupportive                     // knows and supports change
	AttitudeLeading                        // knows and actively works for its success
)

var kinds = enum.New[Kind]("Kind", invalidName, "resident", "voter", "community_activist", "community_group", "nonprofit", "business", "media", "government_body", "elected_official", "partner_organisation", "other")

// Kinds returns every declared Kind, in declaration order.
func Kinds() []Kind { return kinds.Values() }

// ParseKind returns the Kind named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseKind(s string) (Kind, error) { return kinds.Parse(s) }

// IsValid reports whether k is a declared Kind.
func (k Kind) IsValid() bool { return kinds.Valid(k) }

// String returns the wire name, such as "resident", or "Kind(n)" for an
// undeclared value.
func (k Kind) String() string { return kinds.String(k) }

// MarshalText returns the wire name; an undeclared value is an error.
func (k Kind) MarshalText() ([]byte, error) { return kinds.Marshal(k) }

// UnmarshalText parses a name as [ParseKind] does, leaving k unchanged on error.
func (k *Kind) UnmarshalText(b []byte) error { return kinds.Unmarshal(k, b) }

var attitudes = enum.New[Attitude]("Attitude", invalidName, "unaware", "resistant", "neutral", "supportive", "leading")

// Attitudes returns every declared Attitude, in declaration order.
func Attitudes() []Attitude { return attitudes.Values() }

// ParseAttitude returns the Attitude named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseAttitude(s string) (Attitude, error) { return attitudes.Parse(s) }

// IsValid reports whether a is a declared Attitude.
func (a Attitude) IsValid() bool { return attitudes.Valid(a) }

// String returns the wire name, such as "unaware", or "Attitude(n)" for an
// undeclared value.
func (a Attitude) String() string { return attitudes.String(a) }

// MarshalText returns the wire name; an undeclared value is an error.
func (a Attitude) MarshalText() ([]byte, error) { return attitudes.Marshal(a) }

// UnmarshalText parses a name as [ParseAttitude] does, leaving a unchanged on error.
func (a *Attitude) UnmarshalText(b []byte) error { return attitudes.Unmarshal(a, b) }

var quadrants = enum.New[Quadrant]("Quadrant", invalidName, "manage_closely", "keep_satisfied", "keep_informed", "monitor")

// Quadrants returns every declared Quadrant, in declaration order.
func Quadrants() []Quadrant { return quadrants.Values() }

// ParseQuadrant returns the Quadrant named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseQuadrant(s string) (Quadrant, error) { return quadrants.Parse(s) }

// IsValid reports whether q is a declared Quadrant.
func (q Quadrant) IsValid() bool { return quadrants.Valid(q) }

// String returns the wire name, such as "manage_closely", or "Quadrant(n)" for an
// undeclared value.
func (q Quadrant) String() string { return quadrants.String(q) }

// MarshalText returns the wire name; an undeclared value is an error.
func (q Quadrant) MarshalText() ([]byte, error) { return quadrants.Marshal(q) }

// UnmarshalText parses a name as [ParseQuadrant] does, leaving q unchanged on error.
func (q *Quadrant) UnmarshalText(b []byte) error { return quadrants.Unmarshal(q, b) }

var salienceClasses = enum.New[SalienceClass]("SalienceClass", invalidName, "dormant", "discretionary", "demanding", "dominant", "dangerous", "dependent", "definitive", "none")

// SalienceClasses returns every declared SalienceClass, in declaration order.
func SalienceClasses() []SalienceClass { return salienceClasses.Values() }

// ParseSalienceClass returns the SalienceClass named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseSalienceClass(s string) (SalienceClass, error) { return salienceClasses.Parse(s) }

// IsValid reports whether s is a declared SalienceClass.
func (s SalienceClass) IsValid() bool { return salienceClasses.Valid(s) }

// String returns the wire name, such as "dormant", or "SalienceClass(n)" for an
// undeclared value.
func (s SalienceClass) String() string { return salienceClasses.String(s) }

// MarshalText returns the wire name; an undeclared value is an error.
func (s SalienceClass) MarshalText() ([]byte, error) { return salienceClasses.Marshal(s) }

// UnmarshalText parses a name as [ParseSalienceClass] does, leaving s unchanged on error.
func (s *SalienceClass) UnmarshalText(b []byte) error { return salienceClasses.Unmarshal(s, b) }

var relationTypes = enum.New[RelationType]("RelationType", invalidName, "member_of", "partner_of", "funds", "influences", "opposes", "represents", "covers_as_media")

// RelationTypes returns every declared RelationType, in declaration order.
func RelationTypes() []RelationType { return relationTypes.Values() }

// ParseRelationType returns the RelationType named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseRelationType(s string) (RelationType, error) { return relationTypes.Parse(s) }

// IsValid reports whether r is a declared RelationType.
func (r RelationType) IsValid() bool { return relationTypes.Valid(r) }

// String returns the wire name, such as "member_of", or "RelationType(n)" for an
// undeclared value.
func (r RelationType) String() string { return relationTypes.String(r) }

// MarshalText returns the wire name; an undeclared value is an error.
func (r RelationType) MarshalText() ([]byte, error) { return relationTypes.Marshal(r) }

// UnmarshalText parses a name as [ParseRelationType] does, leaving r unchanged on error.
func (r *RelationType) UnmarshalText(b []byte) error { return relationTypes.Unmarshal(r, b) }

var channels = enum.New[Channel]("Channel", invalidName, "meeting", "phone", "email", "letter", "social_media", "event", "media_interview", "site_visit")

// Channels returns every declared Channel, in declaration order.
func Channels() []Channel { return channels.Values() }

// ParseChannel returns the Channel named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseChannel(s string) (Channel, error) { return channels.Parse(s) }

// IsValid reports whether c is a declared Channel.
func (c Channel) IsValid() bool { return channels.Valid(c) }

// String returns the wire name, such as "meeting", or "Channel(n)" for an
// undeclared value.
func (c Channel) String() string { return channels.String(c) }

// MarshalText returns the wire name; an undeclared value is an error.
func (c Channel) MarshalText() ([]byte, error) { return channels.Marshal(c) }

// UnmarshalText parses a name as [ParseChannel] does, leaving c unchanged on error.
func (c *Channel) UnmarshalText(b []byte) error { return channels.Unmarshal(c, b) }

var directions = enum.New[Direction]("Direction", invalidName, "outbound", "inbound", "two_way")

// Directions returns every declared Direction, in declaration order.
func Directions() []Direction { return directions.Values() }

// ParseDirection returns the Direction named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseDirection(s string) (Direction, error) { return directions.Parse(s) }

// IsValid reports whether d is a declared Direction.
func (d Direction) IsValid() bool { return directions.Valid(d) }

// String returns the wire name, such as "outbound", or "Direction(n)" for an
// undeclared value.
func (d Direction) String() string { return directions.String(d) }

// MarshalText returns the wire name; an undeclared value is an error.
func (d Direction) MarshalText() ([]byte, error) { return directions.Marshal(d) }

// UnmarshalText parses a name as [ParseDirection] does, leaving d unchanged on error.
func (d *Direction) UnmarshalText(b []byte) error { return directions.Unmarshal(d, b) }

var dimensions = enum.New[Dimension]("Dimension", invalidName, "age_band", "sex", "area", "residency")

// Dimensions returns every declared Dimension, in declaration order.
func Dimensions() []Dimension { return dimensions.Values() }

// ParseDimension returns the Dimension named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseDimension(s string) (Dimension, error) { return dimensions.Parse(s) }

// IsValid reports whether d is a declared Dimension.
func (d Dimension) IsValid() bool { return dimensions.Valid(d) }

// String returns the wire name, such as "age_band", or "Dimension(n)" for an
// undeclared value.
func (d Dimension) String() string { return dimensions.String(d) }

// MarshalText returns the wire name; an undeclared value is an error.
func (d Dimension) MarshalText() ([]byte, error) { return dimensions.Marshal(d) }

// UnmarshalText parses a name as [ParseDimension] does, leaving d unchanged on error.
func (d *Dimension) UnmarshalText(b []byte) error { return dimensions.Unmarshal(d, b) }

var ageBands = enum.New[AgeBand]("AgeBand", invalidName, "0_15", "16_17", "18_24", "25_34", "35_44", "45_54", "55_64", "65_74", "75_plus")

// AgeBands returns every declared AgeBand, in declaration order.
func AgeBands() []AgeBand { return ageBands.Values() }

// ParseAgeBand returns the AgeBand named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseAgeBand(s string) (AgeBand, error) { return ageBands.Parse(s) }

// IsValid reports whether a is a declared AgeBand.
func (a AgeBand) IsValid() bool { return ageBands.Valid(a) }

// String returns the wire name, such as "0_15", or "AgeBand(n)" for an
// undeclared value.
func (a AgeBand) String() string { return ageBands.String(a) }

// MarshalText returns the wire name; an undeclared value is an error.
func (a AgeBand) MarshalText() ([]byte, error) { return ageBands.Marshal(a) }

// UnmarshalText parses a name as [ParseAgeBand] does, leaving a unchanged on error.
func (a *AgeBand) UnmarshalText(b []byte) error { return ageBands.Unmarshal(a, b) }

// Score is an assessment on the five-point scale this package uses for
// power, interest, legitimacy and urgency, and for relationship strength:
//
//	1 very low   2 low   3 moderate   4 high   5 very high
//
// Mendelow (1991) and Mitchell, Agle & Wood (1997) describe their attributes
// as high or low, present or absent; a five-point scale lets a team record
// what it actually judged and move the cut later (see [Grid] and
// [AttributeCut]) without re-assessing anyone. The zero value is invalid:
// "not assessed" is not a score.
type Score int

// The ends of the [Score] scale.
const (
	MinScore Score = 1
	MaxScore Score = 5
)

// IsValid reports whether s lies on the scale, MinScore to MaxScore.
func (s Score) IsValid() bool { return s >= MinScore && s <= MaxScore }

func checkScore(id uuid.UUID, field string, s Score) error {
	if !s.IsValid() {
		return fieldErr(id, field, int(s), ErrOutOfRange)
	}
	return nil
}

// Text returns the Kind's name for people in running text, such as
// "resident"; "Kind(n)" for an undeclared value.
func (k Kind) Text() string { return kinds.Text(k) }

// Text returns the Attitude's name for people in running text, such as
// "unaware"; "Attitude(n)" for an undeclared value.
func (a Attitude) Text() string { return attitudes.Text(a) }

// Text returns the Quadrant's name for people in running text, such as
// "manage closely"; "Quadrant(n)" for an undeclared value.
func (q Quadrant) Text() string { return quadrants.Text(q) }

// Text returns the SalienceClass's name for people in running text, such as
// "dormant"; "SalienceClass(n)" for an undeclared value.
func (s SalienceClass) Text() string { return salienceClasses.Text(s) }

// Text returns the RelationType's name for people in running text, such as
// "member of"; "RelationType(n)" for an undeclared value.
func (r RelationType) Text() string { return relationTypes.Text(r) }

// Text returns the Channel's name for people in running text, such as
// "meeting"; "Channel(n)" for an undeclared value.
func (c Channel) Text() string { return channels.Text(c) }

// Text returns the Direction's name for people in running text, such as
// "outbound"; "Direction(n)" for an undeclared value.
func (d Direction) Text() string { return directions.Text(d) }

// Text returns the Dimension's name for people in running text, such as
// "age band"; "Dimension(n)" for an undeclared value.
func (d Dimension) Text() string { return dimensions.Text(d) }

// Text returns the AgeBand's name for people in running text, such as
// "0 15"; "AgeBand(n)" for an undeclared value.
func (a AgeBand) Text() string { return ageBands.Text(a) }
