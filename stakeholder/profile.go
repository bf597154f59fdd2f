package stakeholder

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalidProfile reports a profile field outside its documented values.
var ErrInvalidProfile = errors.New("stakeholder: invalid profile")

// AgeBand is a pseudonymous age range. civitas never stores a birth date or an
// exact age: a band is enough to check an eligibility rule ("16 or older") and
// to compare participants with the population, and it keeps people harder to
// re-identify. The bands follow the usual census breaks, with 16–17 split out
// because many participation rules start at 16.
//
// The zero value is AgeUnknown, a valid "not given" answer.
type AgeBand int

// The age bands, youngest first.
const (
	AgeUnknown AgeBand = iota // not given
	AgeUnder16                // 0–15
	Age16to17                 // 16–17
	Age18to24                 // 18–24
	Age25to34                 // 25–34
	Age35to44                 // 35–44
	Age45to54                 // 45–54
	Age55to64                 // 55–64
	Age65to74                 // 65–74
	Age75Plus                 // 75 and over
)

var ageBands = [...]struct {
	name     string
	min, max int // max -1: open-ended
}{
	AgeUnknown: {"unknown", -1, -1},
	AgeUnder16: {"0-15", 0, 15},
	Age16to17:  {"16-17", 16, 17},
	Age18to24:  {"18-24", 18, 24},
	Age25to34:  {"25-34", 25, 34},
	Age35to44:  {"35-44", 35, 44},
	Age45to54:  {"45-54", 45, 54},
	Age55to64:  {"55-64", 55, 64},
	Age65to74:  {"65-74", 65, 74},
	Age75Plus:  {"75+", 75, -1},
}

// AgeBands returns every known band, youngest first, without AgeUnknown.
func AgeBands() []AgeBand {
	out := make([]AgeBand, 0, len(ageBands)-1)
	for b := AgeUnder16; int(b) < len(ageBands); b++ {
		out = append(out, b)
	}
	return out
}

// IsValid reports whether b is one of the declared bands (AgeUnknown included).
func (b AgeBand) IsValid() bool { return b >= 0 && int(b) < len(ageBands) }

// String returns the band as "25-34", "75+" or "unknown"; an undeclared value
// prints as "AgeBand(12)".
func (b AgeBand) String() string {
	if !b.IsValid() {
		return fmt.Sprintf("AgeBand(%d)", int(b))
	}
	return ageBands[b].name
}

// MinAge returns the youngest age in the band, or -1 for AgeUnknown.
func (b AgeBand) MinAge() int {
	if !b.IsValid() {
		return -1
	}
	return ageBands[b].min
}

// AtLeast reports whether everyone in the band is at least age years old. A
// band that straddles the age (18–24 against 21) and AgeUnknown both report
// false: an eligibility rule must not admit someone who may be too young.
func (b AgeBand) AtLeast(age int) bool {
	return b.IsValid() && b != AgeUnknown && ageBands[b].min >= age
}

// MarshalText returns the band's name.
func (b AgeBand) MarshalText() ([]byte, error) {
	if !b.IsValid() {
		return nil, fmt.Errorf("%w: age band %d", ErrInvalidProfile, int(b))
	}
	return []byte(b.String()), nil
}

// UnmarshalText parses a band's name.
func (b *AgeBand) UnmarshalText(text []byte) error {
	v, err := ParseAgeBand(string(text))
	if err != nil {
		return err
	}
	*b = v
	return nil
}

// ParseAgeBand parses a band's name as String prints it ("16-17", "75+",
// "unknown"). It returns an error wrapping [ErrInvalidProfile] that quotes
// any other text.
func ParseAgeBand(s string) (AgeBand, error) {
	for i, a := range ageBands {
		if a.name == s {
			return AgeBand(i), nil
		}
	}
	return AgeUnknown, fmt.Errorf("%w: age band %q", ErrInvalidProfile, s)
}

// Profile is what civitas knows of a person who takes part: pseudonymous
// categories only, never a name, an address or a birth date. It is what an
// eligibility rule is checked against and what representativeness is
// measured on. The zero value is a valid profile with nothing known.
//
// Profile is a comparable value type.
type Profile struct {
	// AgeBand is the person's age range.
	AgeBand AgeBand `json:"age_band"`
	// Sex is a self-described category as the source records it ("f", "m",
	// "x"), or "" when not given.
	Sex string `json:"sex,omitempty"`
	// Area is the district, ward or neighbourhood code, or "" when unknown.
	Area string `json:"area,omitempty"`
	// Resident reports whether the person lives in the public body's territory.
	Resident bool `json:"resident"`
}

// Dimension names a field of [Profile] by which participants are grouped for
// representativeness.
type Dimension int

// The dimensions of a profile.
const (
	DimensionAgeBand Dimension = iota + 1
	DimensionSex
	DimensionArea
	DimensionResidency
)

// String returns the dimension's lowercase name, such as "age_band".
func (d Dimension) String() string {
	switch d {
	case DimensionAgeBand:
		return "age_band"
	case DimensionSex:
		return "sex"
	case DimensionArea:
		return "area"
	case DimensionResidency:
		return "residency"
	}
	return fmt.Sprintf("Dimension(%d)", int(d))
}

// Group returns the profile's group in dimension d: the age band's name, the
// sex, the area, or "resident"/"non-resident". An unknown value is
// "unknown"; an undeclared dimension returns "".
func (p Profile) Group(d Dimension) string {
	switch d {
	case DimensionAgeBand:
		return p.AgeBand.String()
	case DimensionSex:
		return orUnknown(p.Sex)
	case DimensionArea:
		return orUnknown(p.Area)
	case DimensionResidency:
		if p.Resident {
			return "resident"
		}
		return "non-resident"
	}
	return ""
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// Validate reports every problem with the profile, joined, each wrapping
// [ErrInvalidProfile]: an undeclared age band, or a category with leading or
// trailing spaces (which would split one group into two).
func (p Profile) Validate() error {
	var errs []error
	if !p.AgeBand.IsValid() {
		errs = append(errs, fmt.Errorf("%w: age band %d", ErrInvalidProfile, int(p.AgeBand)))
	}
	for _, f := range [...]struct{ name, value string }{{"sex", p.Sex}, {"area", p.Area}} {
		if strings.TrimSpace(f.value) != f.value {
			errs = append(errs, fmt.Errorf("%w: %s %q has surrounding spaces", ErrInvalidProfile, f.name, f.value))
		}
	}
	return errors.Join(errs...)
}
