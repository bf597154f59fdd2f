package stakeholder

// SalienceClass is a stakeholder's class in the salience typology of
// Mitchell, Agle & Wood (1997), "Toward a theory of stakeholder
// identification and salience". Three attributes decide it: power (the
// ability to impose one's will), legitimacy (a claim others see as proper)
// and urgency (a claim that is time-sensitive and critical to its holder).
// Each attribute is present or absent; the eight combinations are:
//
//	power  legitimacy  urgency   class
//	  -        -          -      NonStakeholder  (text "none")
//	  x        -          -      Dormant         latent: one attribute
//	  -        x          -      Discretionary
//	  -        -          x      Demanding
//	  x        x          -      Dominant        expectant: two attributes
//	  x        -          x      Dangerous
//	  -        x          x      Dependent
//	  x        x          x      Definitive      all three
//
// Salience, the priority managers give a stakeholder's claims, grows with the
// number of attributes present ([SalienceClass.Attributes]). The zero value
// is invalid.
type SalienceClass int

// The salience classes: latent, then expectant, then definitive, then none.
const (
	SalienceClassDormant        SalienceClass = iota + 1 // power only
	SalienceClassDiscretionary                           // legitimacy only
	SalienceClassDemanding                               // urgency only
	SalienceClassDominant                                // power and legitimacy
	SalienceClassDangerous                               // power and urgency
	SalienceClassDependent                               // legitimacy and urgency
	SalienceClassDefinitive                              // power, legitimacy and urgency
	SalienceClassNonStakeholder                          // none of the three
)

// salienceByBits maps power<<2 | legitimacy<<1 | urgency to the class.
var salienceByBits = [8]SalienceClass{
	0b000: SalienceClassNonStakeholder, 0b100: SalienceClassDormant, 0b010: SalienceClassDiscretionary, 0b001: SalienceClassDemanding,
	0b110: SalienceClassDominant, 0b101: SalienceClassDangerous, 0b011: SalienceClassDependent, 0b111: SalienceClassDefinitive,
}

// AttributeCut is the lowest [Score] at which a salience attribute counts as
// present. It equals [DefaultCut], so that a stakeholder whose power is high
// on a default [Grid] also holds power in the salience typology.
const AttributeCut Score = 3

// Classify returns the class of a stakeholder who holds the given attributes.
func Classify(power, legitimacy, urgency bool) SalienceClass {
	i := 0
	if power {
		i |= 0b100
	}
	if legitimacy {
		i |= 0b010
	}
	if urgency {
		i |= 0b001
	}
	return salienceByBits[i]
}

// SalienceOf returns the class for three scores, each attribute present when
// its score is at least [AttributeCut].
func SalienceOf(power, legitimacy, urgency Score) SalienceClass {
	return Classify(power >= AttributeCut, legitimacy >= AttributeCut, urgency >= AttributeCut)
}

// Power reports whether the class holds power.
func (c SalienceClass) Power() bool { return c.bits()&0b100 != 0 }

// Legitimacy reports whether the class holds legitimacy.
func (c SalienceClass) Legitimacy() bool { return c.bits()&0b010 != 0 }

// Urgency reports whether the class holds urgency.
func (c SalienceClass) Urgency() bool { return c.bits()&0b001 != 0 }

// Attributes returns how many of the three attributes the class holds: 0 for
// NonStakeholder, 1 for the latent classes, 2 for the expectant ones, 3 for
// Definitive; -1 for an undeclared value.
func (c SalienceClass) Attributes() int {
	if !c.IsValid() {
		return -1
	}
	b := c.bits()
	return b>>2 + b>>1&1 + b&1
}

func (c SalienceClass) bits() int {
	for i, v := range salienceByBits {
		if v == c {
			return i
		}
	}
	return 0
}
