package participation

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/civitas-go/civitas/metrics"
)

// SupportRules are the optional conditions under which an initiative
// gathers support: how many supports it needs, when, from whom and through
// which channels. They follow what the platforms that host bottom-up
// initiatives let organisers set: Decidim's signature thresholds per
// territorial scope and signature period, CONSUL's support threshold (1 % of
// the census) with a minimum age, Go Vocal's reaction threshold with expiry.
//
// Rules are not needed to create or even to open an initiative: an informal
// initiative with no rules accepts support from anyone through any channel
// at any time after it opens, but having no threshold it can never qualify
// or expire. Rules are set while the initiative is a draft
// ([Initiative.SetRules]) and fixed once it opens, so that no supporter is
// judged by a rule changed after they signed.
//
// The zero value is not valid (it has no threshold). SupportRules is a plain
// value: [Initiative.SetRules] copies it, and [Initiative.Rules] returns a
// copy.
type SupportRules struct {
	// Threshold is the number of supports the initiative needs to qualify,
	// at least 1.
	Threshold int `json:"threshold"`
	// Window is the signature window: supports dated outside it are refused,
	// and the initiative expires once it closes short of a threshold. The
	// zero Period is no window: support is open until the initiative
	// qualifies or is withdrawn. Its times must lie in years 1678 to 2262.
	Window metrics.Period `json:"window,omitzero"`
	// MinAge is the minimum age of a supporter in years, 0 for none. A
	// supporter is eligible only if their whole age band is at or above it
	// (stakeholder.AgeBand.AtLeast), so an unknown age band is refused
	// whenever a minimum is set.
	MinAge int `json:"min_age,omitempty"`
	// Areas lists the area codes whose residents may support; empty for any
	// area. Codes are compared exactly with the supporter's Profile.Area.
	Areas []string `json:"areas,omitempty"`
	// ResidentsOnly requires supporters to be residents (Profile.Resident).
	ResidentsOnly bool `json:"residents_only,omitempty"`
	// Channels lists the accepted channels; empty accepts both online and
	// offline.
	Channels []SigningMethod `json:"channels,omitempty"`
	// AreaThresholds are further thresholds, each counting only the
	// supporters from one area; every one of them must be met as well as
	// Threshold for the initiative to qualify (Decidim's per-scope
	// thresholds, the European Citizens' Initiative's minimum per member
	// state). When Areas is not empty each must name one of its areas.
	AreaThresholds []AreaThreshold `json:"area_thresholds,omitempty"`
	// AllowWithdrawal lets a supporter withdraw their support while the
	// initiative is open and its window has not closed.
	AllowWithdrawal bool `json:"allow_withdrawal,omitempty"`
}

// AreaThreshold is the number of supporters an initiative needs from one
// area. The zero value is not valid.
type AreaThreshold struct {
	// Area is the area code, compared exactly with Profile.Area. Not empty.
	Area string `json:"area"`
	// Threshold is the number of supporters needed from the area, at least 1.
	Threshold int `json:"threshold"`
}

// maxMinAge bounds SupportRules.MinAge: no age band starts above it.
const maxMinAge = 130

// Validate reports every problem with the rules, joined, each wrapping
// [ErrInvalid] (an undeclared channel included): a
// threshold below 1, an invalid window, a minimum age outside 0..130, an
// empty, padded or repeated area or channel, more than 65,535 areas and area
// thresholds together, an area threshold below 1, for an area listed twice,
// or for an area outside a non-empty Areas.
func (r SupportRules) Validate() error {
	var errs []error
	if r.Threshold < 1 {
		errs = append(errs, invalidf("threshold %d below 1", r.Threshold))
	}
	if err := checkPeriod("window", r.Window); err != nil {
		errs = append(errs, err)
	}
	if r.MinAge < 0 || r.MinAge > maxMinAge {
		errs = append(errs, invalidf("minimum age %d outside 0..%d", r.MinAge, maxMinAge))
	}
	areas := make(map[string]bool, len(r.Areas))
	for i, a := range r.Areas {
		if err := checkLabel(fmt.Sprintf("areas[%d]", i), a); err != nil {
			errs = append(errs, err)
		}
		if areas[a] {
			errs = append(errs, invalidf("areas[%d] %q listed twice", i, a))
		}
		areas[a] = true
	}
	var channels uint8 // bit c set: channel c listed; an undeclared one is not
	for i, c := range r.Channels {
		switch {
		case !c.IsValid():
			errs = append(errs, undeclared(fmt.Sprintf("channels[%d]", i), c))
		case channels&(1<<c) != 0:
			errs = append(errs, invalidf("channels[%d] %s listed twice", i, c))
		}
		if c.IsValid() {
			channels |= 1 << c
		}
	}
	if n := len(r.Areas) + len(r.AreaThresholds); n > math.MaxUint16 {
		errs = append(errs, invalidf("%d areas and area thresholds, more than %d", n, math.MaxUint16))
	}
	counted := make(map[string]bool, len(r.AreaThresholds))
	for i, t := range r.AreaThresholds {
		if err := checkLabel(fmt.Sprintf("area_thresholds[%d].area", i), t.Area); err != nil {
			errs = append(errs, err)
		}
		if t.Threshold < 1 {
			errs = append(errs, invalidf("area_thresholds[%d] threshold %d below 1", i, t.Threshold))
		}
		if counted[t.Area] {
			errs = append(errs, invalidf("area_thresholds[%d] area %q listed twice", i, t.Area))
		}
		counted[t.Area] = true
		if len(r.Areas) > 0 && !areas[t.Area] {
			errs = append(errs, invalidf("area_thresholds[%d] area %q not among the eligible areas", i, t.Area))
		}
	}
	return errors.Join(errs...)
}

// Accepts reports whether the rules accept signatures through c.
func (r SupportRules) Accepts(c SigningMethod) bool {
	return c.IsValid() && (len(r.Channels) == 0 || slices.Contains(r.Channels, c))
}

// clone returns a deep copy of r with its window in UTC.
func (r SupportRules) clone() SupportRules {
	r.Window = utcPeriod(r.Window)
	r.Areas = slices.Clone(r.Areas)
	r.Channels = slices.Clone(r.Channels)
	r.AreaThresholds = slices.Clone(r.AreaThresholds)
	return r
}
