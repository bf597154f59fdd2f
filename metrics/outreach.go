package metrics

import (
	"encoding/json"
	"fmt"
	"iter"
)

// This file holds the figures of one-way outreach: informing people and
// raising awareness, judged by how many people a message reached, how often,
// what share of the intended public that is, and how the media covered it.
// The terms follow media planning (Sissors & Baron, Advertising Media
// Planning): reach is the unduplicated audience, impressions the gross number
// of exposures, frequency their quotient.

// Audience is the audience of one outreach effort (a campaign, a mailing, a
// notice): its reach, the number of distinct people exposed to it at least
// once, and its impressions, the number of exposures counting every repeat.
// Reach never exceeds impressions: everybody reached was exposed at least
// once.
//
// The zero value is an audience of nobody: reach 0, impressions 0, frequency
// undefined. Audience is a comparable value type, safe for concurrent use.
type Audience struct {
	reach, impressions int64
}

// NewAudience returns the audience of reach distinct people exposed
// impressions times in all. It rejects a negative count with [ErrNegative] and
// a reach larger than the impressions with [ErrPartExceedsWhole].
func NewAudience(reach, impressions int64) (Audience, error) {
	if _, err := namedProportion("reach", reach, "impressions", impressions); err != nil {
		return Audience{}, err
	}
	return Audience{reach: reach, impressions: impressions}, nil
}

// CountAudience counts the audience of an exposure log that yields the
// pseudonymous key of the person exposed, once per exposure (per delivered
// message, view or visit). Impressions is the number of keys yielded; reach is
// the number of distinct keys. It reads the sequence once and keeps one map
// entry per distinct person.
func CountAudience[K comparable](exposures iter.Seq[K]) Audience {
	seen := make(map[K]struct{})
	var impressions int64
	for k := range exposures {
		impressions++
		seen[k] = struct{}{}
	}
	return Audience{reach: int64(len(seen)), impressions: impressions}
}

// Reach returns the number of distinct people exposed at least once.
func (a Audience) Reach() int64 { return a.reach }

// Impressions returns the number of exposures, every repeat counted.
func (a Audience) Impressions() int64 { return a.impressions }

// Frequency returns the average number of exposures per person reached, the
// media-planning "average frequency":
//
//	frequency = impressions / reach
//
// The denominator is the reach. It is at least 1 when defined and undefined
// when nobody was reached.
func (a Audience) Frequency() Ratio {
	return Ratio{num: a.impressions, den: a.reach}
}

// Visibility returns the share of the target population the outreach reached
// (the "reach %" or penetration of media planning):
//
//	visibility = reach / target population
//
// The denominator is the target population: the people the outreach was
// meant for. The reach must count only people of that population, so it
// cannot exceed it. Visibility rejects a negative target with [ErrNegative]
// and a reach larger than the target with [ErrPartExceedsWhole]; a target of
// zero gives an undefined Ratio.
func (a Audience) Visibility(target int64) (Ratio, error) {
	return namedProportion("reach", a.reach, "target", target)
}

// audienceJSON is the wire form of an Audience. Frequency is derived and
// written for readers; decoding checks it agrees when present.
type audienceJSON struct {
	Reach       int64  `json:"reach"`
	Impressions int64  `json:"impressions"`
	Frequency   string `json:"frequency"`
}

// MarshalJSON writes the reach, the impressions and, for readers, the
// frequency as text with [ValuePlaces] decimals ("undefined" when nobody was
// reached).
func (a Audience) MarshalJSON() ([]byte, error) {
	return json.Marshal(audienceJSON{
		Reach:       a.reach,
		Impressions: a.impressions,
		Frequency:   a.Frequency().ValueText(),
	})
}

// UnmarshalJSON reads what MarshalJSON writes, validating like [NewAudience]:
// it returns [ErrNegative] or [ErrPartExceedsWhole] for bad counts and
// [ErrInconsistent] for a frequency that disagrees with them.
func (a *Audience) UnmarshalJSON(b []byte) error {
	var w audienceJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	got, err := NewAudience(w.Reach, w.Impressions)
	if err != nil {
		return err
	}
	if err := derivedAgrees("frequency", w.Frequency, got.Frequency().ValueText()); err != nil {
		return err
	}
	*a = got
	return nil
}

// ShareOfVoice returns the share of the conversation about a topic that was
// about the body, as media analysis defines it:
//
//	share of voice = our mentions / all mentions
//
// where both count mentions in the same period and the same set of sources,
// and "all mentions" includes ours (of the topic, or of us and the
// organisations we compare ourselves with). The denominator is all mentions.
// It rejects a negative count with [ErrNegative] and ours larger than all
// with [ErrPartExceedsWhole]; no mentions at all give an undefined Ratio.
func ShareOfVoice(ours, all int64) (Ratio, error) {
	return namedProportion("ours", ours, "all", all)
}

// Tone is the coded tone of a media mention towards the body or the topic,
// on the three-point scale of media content analysis. Its weight in
// [CoverageQuality] is −1, 0 or +1.
//
// The zero value is not a valid tone.
type Tone int

// The tones, from least to most favourable.
const (
	// ToneNegative is coverage unfavourable to the body or the topic.
	ToneNegative Tone = iota + 1
	// ToneNeutral is coverage that is balanced or purely factual.
	ToneNeutral
	// TonePositive is coverage favourable to the body or the topic.
	TonePositive
)

// Weight returns the tone's weight in [CoverageQuality]: −1 for negative, 0
// for neutral, +1 for positive, and 0 for a value that is not a tone.
func (t Tone) Weight() int64 {
	switch t {
	case ToneNegative:
		return -1
	case TonePositive:
		return 1
	}
	return 0
}

// Mention is one item of media coverage (an article, a broadcast segment, a
// post) as a media analyst codes it: the audience it could reach and its
// tone. It is an input record, checked by [CoverageQuality].
type Mention struct {
	// Reach is the audience of the item: the distinct people it could have
	// reached (circulation, unique visitors, audience figures). Not negative.
	Reach int64
	// Tone is the coded tone of the item.
	Tone Tone
}

// CoverageQuality returns the net tone-weighted reach of a set of media
// mentions: the balance of favourable over unfavourable coverage, each
// mention counted by the audience it reached.
//
//	quality = Σ reachᵢ·wᵢ / Σ reachᵢ,  wᵢ = +1 positive, 0 neutral, −1 negative
//
// The denominator is the total reach of all mentions, neutral ones included,
// so neutral coverage pulls the figure towards 0. The value runs from −1 (all
// coverage negative) through 0 (balanced or neutral) to +1 (all positive).
//
// It follows the Barcelona Principles of the International Association for
// the Measurement and Evaluation of Communication (AMEC, 2010; 3.0, 2020),
// that media measurement needs quality (tone, audience) as well as quantity
// and that advertising value equivalents are not the value of communication;
// and the "net tone" (favourable minus unfavourable over all) of media
// content analysis, weighted here by reach so that a hostile national story
// outweighs a friendly newsletter item.
//
// No mentions, or mentions that together reached nobody, give an undefined
// Ratio. It rejects a negative reach with [ErrNegative], a tone that is not
// valid with [ErrOutOfRange] and a total reach beyond int64 with
// [ErrOverflow], each in an [*FieldError] naming the mention.
func CoverageQuality(mentions []Mention) (Ratio, error) {
	var net, total int64
	for i, m := range mentions {
		// Names are built only on error: this loop may run over millions.
		if m.Reach < 0 {
			return Ratio{}, inputErr(fmt.Sprintf("mentions[%d].reach", i), m.Reach, ErrNegative)
		}
		if !m.Tone.IsValid() {
			return Ratio{}, inputErr(fmt.Sprintf("mentions[%d].tone", i), int64(m.Tone), ErrOutOfRange)
		}
		var err error
		if total, err = addChecked(total, m.Reach); err != nil {
			return Ratio{}, inputErr(fmt.Sprintf("mentions[%d].reach", i), m.Reach, ErrOverflow)
		}
		// |net| ≤ total, so once total fits net does too.
		net += m.Tone.Weight() * m.Reach
	}
	return Ratio{num: net, den: total}, nil
}

// derivedAgrees checks a derived field read from JSON: empty (absent) is
// fine, anything else must equal what the counts give, or the record is
// [ErrInconsistent].
func derivedAgrees(field, got, want string) error {
	if got != "" && got != want {
		return &FieldError{Field: field, Value: got, Err: ErrInconsistent}
	}
	return nil
}
