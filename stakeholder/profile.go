package stakeholder

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/civitas-go/civitas/internal/errs"
)

// AgeBand is a pseudonymous age range. civitas never stores a birth date or an
// exact age: a band is enough to check an eligibility rule ("16 or older") and
// to compare participants with the population, and it keeps people harder to
// re-identify. The bands follow the usual census breaks, with 16–17 split out
// because many participation rules start at 16.
//
// The zero value is invalid as a band; in a [Profile] it means "not given".
// The wire names are "0_15", "16_17", … "65_74" and "75_plus" (so "16-17"
// parses too); [AgeBand.Label] gives the census notation "16-17" and "75+"
// that group labels and offline sheets use.
type AgeBand int

// The age bands, youngest first.
const (
	AgeBandUnder16 AgeBand = iota + 1 // 0–15
	AgeBand16To17                     // 16–17
	AgeBand18To24                     // 18–24
	AgeBand25To34                     // 25–34
	AgeBand35To44                     // 35–44
	AgeBand45To54                     // 45–54
	AgeBand55To64                     // 55–64
	AgeBand65To74                     // 65–74
	AgeBand75Plus                     // 75 and over
)

// ageBandRanges holds each band's census label and its ages (max -1:
// open-ended), indexed by band.
var ageBandRanges = [...]struct {
	label    string
	min, max int
}{
	AgeBandUnder16: {"0-15", 0, 15},
	AgeBand16To17:  {"16-17", 16, 17},
	AgeBand18To24:  {"18-24", 18, 24},
	AgeBand25To34:  {"25-34", 25, 34},
	AgeBand35To44:  {"35-44", 35, 44},
	AgeBand45To54:  {"45-54", 45, 54},
	AgeBand55To64:  {"55-64", 55, 64},
	AgeBand65To74:  {"65-74", 65, 74},
	AgeBand75Plus:  {"75+", 75, -1},
}

// Label returns the band in census notation, as group labels, population
// tables and offline sheets write it: "16-17", "75+"; "" for the zero
// value (not given) and String's fallback for an undeclared value.
func (b AgeBand) Label() string {
	switch {
	case b == 0:
		return ""
	case !b.IsValid():
		return b.String()
	}
	return ageBandRanges[b].label
}

// AgeBandOfLabel returns the band whose [AgeBand.Label] is label (surrounding
// space ignored), and false when there is none.
func AgeBandOfLabel(label string) (AgeBand, bool) {
	label = strings.TrimSpace(label)
	for _, b := range AgeBands() {
		if ageBandRanges[b].label == label {
			return b, true
		}
	}
	return 0, false
}

// MinAge returns the youngest age in the band, or -1 for the zero value or
// an undeclared band.
func (b AgeBand) MinAge() int {
	if !b.IsValid() {
		return -1
	}
	return ageBandRanges[b].min
}

// AtLeast reports whether everyone in the band is at least age years old. A
// band that straddles the age (18–24 against 21) and the zero value (not
// given) both report false: an eligibility rule must not admit someone who
// may be too young.
func (b AgeBand) AtLeast(age int) bool {
	return b.IsValid() && ageBandRanges[b].min >= age
}

// Profile is what civitas knows of a person who takes part: pseudonymous
// categories only, never a name, an address or a birth date. It is what an
// eligibility rule is checked against and what representativeness is
// measured on. The zero value is a valid profile with nothing known.
//
// Profile is a comparable value type.
type Profile struct {
	// AgeBand is the person's age range, the zero value when not given.
	AgeBand AgeBand `json:"age_band,omitzero"`
	// Sex is a self-described category as the source records it ("f", "m",
	// "x"), or "" when not given.
	Sex string `json:"sex,omitempty"`
	// Area is the district, ward or neighbourhood code, or "" when unknown.
	Area string `json:"area,omitempty"`
	// Resident reports whether the person lives in the public body's territory.
	Resident bool `json:"resident"`
}

// Dimension names a field of [Profile] by which participants are grouped for
// representativeness. [Profile.Group] gives a profile's group label in a
// dimension. Group labels follow the one rule of civitas for matching
// labels, [metrics.GroupKey]: surrounding space is ignored, inner space runs
// count as one space and letters match in any case, so a population's
// "Elm" is the group of a profile whose area is "elm". Punctuation is kept:
// "16-17" and "16_17" are two labels, which is why age bands are labelled in
// census notation ([AgeBand.Label]) on both sides.
//
// The zero value is invalid.
type Dimension int

// The dimensions of a profile.
const (
	DimensionAgeBand   Dimension = iota + 1 // the age band, labelled as [AgeBand.Label] writes it
	DimensionSex                            // the self-described sex category, as recorded
	DimensionArea                           // the area code, as recorded
	DimensionResidency                      // "resident" or "non-resident"
)

// Group returns the profile's group label in dimension d: the age band's
// census label ("25-34"), the sex, the area, or "resident"/"non-resident".
// It returns "" when the profile has no value in d (no age band, sex or
// area given) and for an undeclared dimension: a person with no value is
// unclassified on that dimension, never a group of its own. Labels are
// matched with [metrics.GroupKey] (see [Dimension]).
func (p Profile) Group(d Dimension) string {
	switch d {
	case DimensionAgeBand:
		return p.AgeBand.Label()
	case DimensionSex:
		return p.Sex
	case DimensionArea:
		return p.Area
	case DimensionResidency:
		if p.Resident {
			return "resident"
		}
		return "non-resident"
	}
	return ""
}

// Validate reports every problem with the profile, joined, each an
// [*FieldError] wrapping [ErrInvalidProfile] (a case of [ErrInvalid]): an
// undeclared age band (the zero value, not given, is valid), or a category
// with leading or trailing spaces (which would split one group into two) or
// that is not valid UTF-8 (which encoding/json would rewrite). Categories
// are never trimmed: the one text rule of civitas.
func (p Profile) Validate() error {
	var found []error
	if p.AgeBand != 0 && !p.AgeBand.IsValid() {
		found = append(found, &FieldError{Field: "profile.age_band", Value: strconv.Itoa(int(p.AgeBand)) + " (want one of " + strings.Join(ageBands.Names(), ", ") + ")", Err: ErrInvalidProfile})
	}
	for _, f := range [...]struct{ name, value string }{{"sex", p.Sex}, {"area", p.Area}} {
		switch {
		case !utf8.ValidString(f.value):
			found = append(found, &FieldError{Field: "profile." + f.name, Value: strconv.Quote(errs.Clip(f.value)) + " (invalid UTF-8)", Err: ErrInvalidProfile})
		case strings.TrimSpace(f.value) != f.value:
			found = append(found, &FieldError{Field: "profile." + f.name, Value: strconv.Quote(errs.Clip(f.value)) + " (surrounding spaces)", Err: ErrInvalidProfile})
		}
	}
	return errors.Join(found...)
}
