package engagement

import (
	"errors"
	"iter"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// Medium is the medium of an outreach campaign.
//
// The zero value is invalid. Medium's text form is its lowercase name.
type Medium int

// The outreach channels.
const (
	// MediumPrint: leaflets, fact sheets, brochures.
	MediumPrint Medium = iota + 1
	// MediumWebsite: the body's web pages.
	MediumWebsite
	// MediumNewsletter: the body's newsletter.
	MediumNewsletter
	// MediumEmail: e-mail to a list.
	MediumEmail
	// MediumDirectMail: letters or cards to households.
	MediumDirectMail
	// MediumPress: press releases and briefings to the media.
	MediumPress
	// MediumSocialMedia: posts and adverts on social media.
	MediumSocialMedia
	// MediumBroadcast: radio and television.
	MediumBroadcast
	// MediumOutdoor: posters, signs and billboards.
	MediumOutdoor
)

var channelNames = [...]string{"", "print", "website", "newsletter", "email", "direct_mail", "press", "social_media", "broadcast", "outdoor"}

// IsValid reports whether c is a declared channel.
func (c Medium) IsValid() bool { return enumValid(c, channelNames[:]) }

// String returns the channel's lowercase name, such as "direct_mail", or
// "Channel(99)" for an undeclared value.
func (c Medium) String() string { return enumString(c, channelNames[:], "Channel") }

// MarshalText returns the channel's name; an undeclared channel is an error
// wrapping [ErrInvalid].
func (c Medium) MarshalText() ([]byte, error) { return enumMarshal(c, channelNames[:], "Channel") }

// UnmarshalText parses a channel's name with [ParseChannel], leaving c
// unchanged on error.
func (c *Medium) UnmarshalText(text []byte) error {
	return enumUnmarshal(c, text, channelNames[:], "Channel")
}

// ParseChannel returns the channel named s. Any other text is an error
// wrapping [ErrInvalid] that quotes s.
func ParseChannel(s string) (Medium, error) {
	return enumParse[Medium](s, channelNames[:], "Channel")
}

// Tone is the tone of a media mention towards the process, as the body's
// media monitoring codes it: the basis of media coverage quality, a Community
// Relations Manager's indicator.
//
// The zero value is invalid. Tone's text form is its lowercase name.
type Tone int

// The tones.
const (
	// TonePositive: favourable coverage.
	TonePositive Tone = iota + 1
	// ToneNeutral: factual or balanced coverage.
	ToneNeutral
	// ToneNegative: unfavourable coverage.
	ToneNegative
)

var toneNames = [...]string{"", "positive", "neutral", "negative"}

// IsValid reports whether t is a declared tone.
func (t Tone) IsValid() bool { return enumValid(t, toneNames[:]) }

// String returns the tone's lowercase name, or "Tone(9)" for an undeclared
// value.
func (t Tone) String() string { return enumString(t, toneNames[:], "Tone") }

// MarshalText returns the tone's name; an undeclared tone is an error
// wrapping [ErrInvalid].
func (t Tone) MarshalText() ([]byte, error) { return enumMarshal(t, toneNames[:], "Tone") }

// UnmarshalText parses a tone's name with [ParseTone], leaving t unchanged on
// error.
func (t *Tone) UnmarshalText(text []byte) error {
	return enumUnmarshal(t, text, toneNames[:], "Tone")
}

// ParseTone returns the tone named s. Any other text is an error wrapping
// [ErrInvalid] that quotes s.
func ParseTone(s string) (Tone, error) { return enumParse[Tone](s, toneNames[:], "Tone") }

// CampaignSpec describes an outreach campaign: one-way communication that
// informs the public and raises awareness of the process. Outreach is
// measured by reach and visibility, not by input: it is the weakest form of
// engagement, and a process made of outreach alone only informs. It is the
// input to [Process.AddCampaign]; plain data.
type CampaignSpec struct {
	// ID identifies the campaign; never Nil, unique among the process's
	// campaigns.
	ID uuid.UUID
	// Name names it, such as "Park redesign leaflet drop".
	Name string
	// Channel is its medium.
	Channel Medium
	// Audience is whom it is meant to reach; it must not be the zero
	// Audience.
	Audience Audience
}

// Validate reports a Nil ID, a blank name, an undeclared channel and an
// unspecified audience, joined; each wraps [ErrInvalid].
func (s CampaignSpec) Validate() error {
	var errs problems
	errs.add(checkID("campaign.id", s.ID), checkText("campaign.name", s.Name))
	errs.add(checkEnum("campaign.channel", s.Channel))
	if s.Audience.IsZero() {
		errs.add(fieldErr("campaign.audience", "", ErrInvalid))
	}
	return errors.Join(errs...)
}

// Figures are a campaign's cumulative outreach figures at a point in time,
// as its channel reports them.
//
//   - Impressions: how many times the message was shown or delivered
//     (leaflets delivered, page views, post impressions).
//   - Reach: how many distinct people saw it at least once.
//
// Reach never exceeds impressions, since each person reached saw at least
// one impression; impressions over reach is the average frequency. The zero
// value is a valid report of nothing yet.
type Figures struct {
	// Impressions is the number of times the message was shown.
	Impressions int64 `json:"impressions"`
	// Reach is the number of distinct people who saw it.
	Reach int64 `json:"reach"`
}

// Validate reports a negative count ([ErrInvalid]) and a reach above the
// impressions ([ErrInvalid]), joined.
func (f Figures) Validate() error {
	var errs problems
	errs.add(checkCount("figures.impressions", f.Impressions), checkCount("figures.reach", f.Reach))
	if f.Reach > f.Impressions {
		errs.add(fieldErr("figures.reach", strconv.FormatInt(f.Reach, 10), ErrInvalid))
	}
	return errors.Join(errs...)
}

// Mention is one piece of media coverage a campaign earned: the input to
// [Process.AddMention]; plain data.
type Mention struct {
	// Outlet names the medium, such as "Riverton Gazette". Never blank.
	Outlet string `json:"outlet"`
	// Headline is the piece's headline, or "".
	Headline string `json:"headline,omitempty"`
	// Tone is its tone towards the process.
	Tone Tone `json:"tone"`
}

// Validate reports a blank outlet, an invalid headline and an undeclared
// tone, joined; each wraps [ErrInvalid].
func (m Mention) Validate() error {
	return errors.Join(checkText("mention.outlet", m.Outlet), checkOptionalText("mention.headline", m.Headline),
		checkEnum("mention.tone", m.Tone))
}

// campaign is the stored form. figures and mentions only ever grow, so a
// view may share them.
type campaign struct {
	spec     CampaignSpec
	added    time.Time
	figures  []dated[Figures]
	mentions []dated[Mention]
}

// dated is a record with the time it was made.
type dated[T any] struct {
	v  T
	at time.Time
}

// AddCampaign records the campaign described by spec, started at at. It is
// allowed in every state but the final ones and refuses, with an [*OpError]
// and every reason joined: a final state ([ErrWrongState]), a time before
// the latest change ([ErrTimeOrder]), an invalid spec ([ErrInvalid]) and an
// ID already in use ([ErrDuplicate]).
func (p *Process) AddCampaign(spec CampaignSpec, at time.Time) error {
	errs := p.precheck(notFinal, at)
	errs.add(spec.Validate())
	if _, dup := p.campaignIndex[spec.ID]; dup {
		errs.add(fieldErr("campaign.id", spec.ID.String(), ErrDuplicate))
	}
	if err := p.refuse("add campaign", errs); err != nil {
		return err
	}
	p.campaignIndex[spec.ID] = int32(len(p.campaigns))
	p.campaigns = append(p.campaigns, campaign{spec: spec, added: utc(at)})
	p.touch(at)
	return nil
}

// addToCampaign is operation op: it checks the shared preconditions of a
// record v made at at on the campaign with ID id, and appends it to the
// campaign's list that list returns.
func addToCampaign[T interface{ Validate() error }](p *Process, op string, id uuid.UUID, v T, at time.Time, list func(*campaign) *[]dated[T]) error {
	errs := p.precheck(notFinal, at)
	errs.add(v.Validate())
	i, ok := p.campaignIndex[id]
	if !ok {
		errs.add(fieldErr("campaign", id.String(), ErrNotFound))
	}
	if err := p.refuse(op, errs); err != nil {
		return err
	}
	l := list(&p.campaigns[i])
	*l = append(*l, dated[T]{v, utc(at)})
	p.touch(at)
	return nil
}

// RecordFigures records the campaign's cumulative figures as of at. A later
// report replaces an earlier one as the campaign's current figures, and the
// earlier ones stay in its record, so a figure may also be corrected
// downwards. It refuses, with an [*OpError] and every reason joined: a
// final state ([ErrWrongState]), a time before the latest change
// ([ErrTimeOrder]), invalid figures ([ErrInvalid]) and an unknown campaign
// ([ErrNotFound]).
func (p *Process) RecordFigures(campaignID uuid.UUID, f Figures, at time.Time) error {
	return addToCampaign(p, "record figures", campaignID, f, at, func(c *campaign) *[]dated[Figures] { return &c.figures })
}

// AddMention records a media mention the campaign earned, published at at.
// It refuses, with an [*OpError] and every reason joined: a final state
// ([ErrWrongState]), a time before the latest change ([ErrTimeOrder]), an
// invalid mention ([ErrInvalid]) and an unknown campaign ([ErrNotFound]).
func (p *Process) AddMention(campaignID uuid.UUID, m Mention, at time.Time) error {
	return addToCampaign(p, "add mention", campaignID, m, at, func(c *campaign) *[]dated[Mention] { return &c.mentions })
}

// Campaign returns the campaign with ID id, and false when the process holds
// none.
func (p *Process) Campaign(id uuid.UUID) (Campaign, bool) {
	return lookup(p.campaignIndex, p.campaigns, id, campaignView)
}

func campaignView(c *campaign) Campaign { return Campaign{c: *c} }

// Campaigns yields the campaigns in the order they were added.
func (p *Process) Campaigns() iter.Seq[Campaign] {
	return seqMap(p.campaigns, campaignView)
}

// Campaign is an outreach campaign as the process holds it. It is a
// snapshot: later figures and mentions do not show in it.
//
// The zero value is an empty view with a Nil ID.
type Campaign struct {
	c campaign
}

// ID returns the campaign's ID.
func (c Campaign) ID() uuid.UUID { return c.c.spec.ID }

// Name returns its name.
func (c Campaign) Name() string { return c.c.spec.Name }

// Channel returns its medium.
func (c Campaign) Channel() Medium { return c.c.spec.Channel }

// Audience returns whom it is meant to reach.
func (c Campaign) Audience() Audience { return c.c.spec.Audience }

// AddedAt returns when it started (UTC).
func (c Campaign) AddedAt() time.Time { return c.c.added }

// Figures returns its latest figures and when they were reported, and false
// when none were.
func (c Campaign) Figures() (Figures, time.Time, bool) {
	n := len(c.c.figures)
	if n == 0 {
		return Figures{}, time.Time{}, false
	}
	last := c.c.figures[n-1]
	return last.v, last.at, true
}

// FigureReports yields every figures report with its time (UTC), oldest
// first.
func (c Campaign) FigureReports() iter.Seq2[time.Time, Figures] { return seqDated(c.c.figures) }

// Mentions yields its media mentions with their times (UTC), oldest first.
func (c Campaign) Mentions() iter.Seq2[time.Time, Mention] { return seqDated(c.c.mentions) }

// MentionCount returns the number of its media mentions.
func (c Campaign) MentionCount() int { return len(c.c.mentions) }

// seqDated yields the records of s with their times.
func seqDated[T any](s []dated[T]) iter.Seq2[time.Time, T] {
	return func(yield func(time.Time, T) bool) {
		for _, d := range s {
			if !yield(d.at, d.v) {
				return
			}
		}
	}
}
