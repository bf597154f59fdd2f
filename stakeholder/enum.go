package stakeholder

import (
	"strconv"

	"github.com/google/uuid"
)

// The enums of this package are typed ints starting at 1, so that the zero
// value is invalid, with a table of lowercase names behind them (index 0
// unused). These helpers hold the one implementation of String, IsValid,
// MarshalText and Parse that every enum shares.

func enumValid[E ~int](v E, names []string) bool { return v >= 1 && int(v) < len(names) }

func enumString[E ~int](v E, names []string, typ string) string {
	if !enumValid(v, names) {
		return typ + "(" + strconv.Itoa(int(v)) + ")"
	}
	return names[v]
}

func enumMarshal[E ~int](v E, names []string, typ string) ([]byte, error) {
	if !enumValid(v, names) {
		return nil, &FieldError{Field: typ, Value: strconv.Itoa(int(v)), Err: ErrOutOfRange}
	}
	return []byte(names[v]), nil
}

func enumParse[E ~int](s string, names []string, typ string) (E, error) {
	for i := 1; i < len(names); i++ {
		if names[i] == s {
			return E(i), nil
		}
	}
	return 0, &FieldError{Field: typ, Value: strconv.Quote(s), Err: ErrOutOfRange}
}

func enumUnmarshal[E ~int](dst *E, text []byte, names []string, typ string) error {
	v, err := enumParse[E](string(text), names, typ)
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

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
	KindOther                           // anything else, described by a label
)

var kindNames = []string{"", "resident", "voter", "community_activist", "community_group", "nonprofit",
	"business", "media", "government_body", "elected_official", "partner_organisation", "other"}

// Kinds returns every declared kind in declaration order.
func Kinds() []Kind { return enumAll[Kind](kindNames) }

// IsValid reports whether k is a declared kind.
func (k Kind) IsValid() bool { return enumValid(k, kindNames) }

// String returns the kind's lowercase name, or "Kind(n)" for an undeclared value.
func (k Kind) String() string { return enumString(k, kindNames, "Kind") }

// MarshalText returns the kind's name; an undeclared kind is an
// [ErrOutOfRange] error.
func (k Kind) MarshalText() ([]byte, error) { return enumMarshal(k, kindNames, "kind") }

// UnmarshalText parses a kind's name, as [ParseKind] does.
func (k *Kind) UnmarshalText(text []byte) error { return enumUnmarshal(k, text, kindNames, "kind") }

// ParseKind parses a kind's name as String prints it. Any other text is an
// [*FieldError] wrapping [ErrOutOfRange] that quotes it.
func ParseKind(s string) (Kind, error) { return enumParse[Kind](s, kindNames, "kind") }

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

var attitudeNames = []string{"", "unaware", "resistant", "neutral", "supportive", "leading"}

// Attitudes returns every attitude, lowest first.
func Attitudes() []Attitude { return enumAll[Attitude](attitudeNames) }

// IsValid reports whether a is a declared attitude.
func (a Attitude) IsValid() bool { return enumValid(a, attitudeNames) }

// String returns the attitude's lowercase name, or "Attitude(n)".
func (a Attitude) String() string { return enumString(a, attitudeNames, "Attitude") }

// MarshalText returns the attitude's name; an undeclared value is an
// [ErrOutOfRange] error.
func (a Attitude) MarshalText() ([]byte, error) { return enumMarshal(a, attitudeNames, "attitude") }

// UnmarshalText parses an attitude's name, as [ParseAttitude] does.
func (a *Attitude) UnmarshalText(text []byte) error {
	return enumUnmarshal(a, text, attitudeNames, "attitude")
}

// ParseAttitude parses an attitude's name as String prints it. Any other
// text is an [*FieldError] wrapping [ErrOutOfRange].
func ParseAttitude(s string) (Attitude, error) {
	return enumParse[Attitude](s, attitudeNames, "attitude")
}

func enumAll[E ~int](names []string) []E {
	out := make([]E, 0, len(names)-1)
	for i := 1; i < len(names); i++ {
		out = append(out, E(i))
	}
	return out
}

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
