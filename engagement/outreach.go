package engagement

import (
	"errors"
	"iter"
	"time"

	"github.com/civitas-go/civitas/metrics"
	"github.com/google/uuid"
)

// Medium is the medium of an outreach campaign: print, a website, the press.
// (How a stakeholder interaction took place is a stakeholder.Channel; the
// two are kept apart.)
//
// The zero value is invalid. Medium's text form is its wire name, such as
// "direct_mail".
type Medium int

// The outreach media.
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
	// Medium is the medium it goes out on.
	Medium Medium
	// Audience is whom it is meant to reach; it must not be the zero
	// Audience.
	Audience Audience
}

// Validate reports a Nil ID, a blank name, an undeclared medium and an
// unspecified audience, joined; each wraps [ErrInvalid].
func (s CampaignSpec) Validate() error {
	var errs problems
	errs.add(checkID("campaign.id", s.ID), checkText("campaign.name", s.Name))
	errs.add(checkEnum("campaign.medium", s.Medium))
	if s.Audience.IsZero() {
		errs.add(fieldErr("campaign.audience", "", ErrInvalid))
	}
	return errors.Join(errs...)
}

// Clipping is one piece of media coverage a campaign earned, as the body's
// media monitoring clips it: where it appeared, its headline, and the
// mention itself (the audience it could reach and its tone) in the one form
// package metrics defines and [metrics.CoverageQuality] weighs. It is the
// input to [Process.AddMention]; plain data.
//
// The audience of a mention is recorded where the monitoring reports it
// (circulation, unique visitors, audience figures) as Mention.Reach. When it
// is unknown, record 0: the mention still counts as a mention, but weighs
// nothing in media coverage quality, which weighs each mention by its
// audience; when no mention of a period has a known audience, coverage
// quality is undefined rather than a guess.
type Clipping struct {
	// Outlet names the medium, such as "Riverton Gazette". Never blank.
	Outlet string
	// Headline is the piece's headline, or "".
	Headline string
	// Mention is the mention's audience (Reach, 0 when unknown, never
	// negative) and tone (a declared metrics.Tone).
	Mention metrics.Mention
}

// Validate reports a blank outlet, an invalid headline, a negative reach
// and an undeclared tone, joined; each wraps [ErrInvalid].
func (c Clipping) Validate() error {
	return errors.Join(checkText("mention.outlet", c.Outlet), checkOptionalText("mention.headline", c.Headline),
		checkCount("mention.reach", c.Mention.Reach), checkEnum("mention.tone", c.Mention.Tone))
}

// campaign is the stored form. figures and mentions only ever grow, so a
// view may share them.
type campaign struct {
	spec     CampaignSpec
	added    time.Time
	seq      uint64 // the change that added it
	figures  []dated[metrics.Audience]
	mentions []dated[Clipping]
}

// dated is a record with the time it was made.
type dated[T any] struct {
	v   T
	at  time.Time
	seq uint64 // the change that made it
}

// AddCampaign records the campaign described by spec, started at at. It is
// allowed in every state but the final ones and refuses, with an [*OpError]
// and every reason joined: a final state ([ErrWrongState]), a time before
// the latest change ([ErrTimeOrder]), an invalid spec ([ErrInvalid]) and an
// ID already in use ([ErrDuplicate]).
func (p *Process) AddCampaign(spec CampaignSpec, at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	errs := p.precheck(notFinal, at)
	errs.add(spec.Validate())
	if _, dup := p.campaignIndex[spec.ID]; dup {
		errs.add(fieldErr("campaign.id", spec.ID.String(), ErrDuplicate))
	}
	if err := p.refuse("add campaign", errs); err != nil {
		return err
	}
	p.campaignIndex[spec.ID] = int32(len(p.campaigns))
	p.campaigns = append(p.campaigns, campaign{spec: spec, added: utc(at), seq: p.touch(at)})
	return nil
}

// addToCampaign is operation op: it checks the shared preconditions of a
// record v made at at on the campaign with ID id (invalid is v's own
// problem, or nil), and appends it to the campaign's list that list returns.
func addToCampaign[T any](p *Process, op string, id uuid.UUID, v T, invalid error, at time.Time, list func(*campaign) *[]dated[T]) error {
	errs := p.precheck(notFinal, at)
	errs.add(invalid)
	i, ok := p.campaignIndex[id]
	if !ok {
		errs.add(fieldErr("campaign", id.String(), ErrNotFound))
	}
	if err := p.refuse(op, errs); err != nil {
		return err
	}
	l := list(&p.campaigns[i])
	*l = append(*l, dated[T]{v, utc(at), p.touch(at)})
	return nil
}

// RecordReach records the campaign's cumulative audience as of at, as its
// medium reports it: the distinct people it reached (a reach that counts
// each person once, within this campaign) and the impressions. A later
// report replaces an earlier one as the campaign's current audience, and the
// earlier ones stay in its record, so a figure may also be corrected
// downwards. A metrics.Audience is valid by construction (see
// [metrics.NewAudience]). It refuses, with an [*OpError] and every reason
// joined: a final state ([ErrWrongState]), a time before the latest change
// ([ErrTimeOrder]) and an unknown campaign ([ErrNotFound]).
func (p *Process) RecordReach(campaignID uuid.UUID, a metrics.Audience, at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	return addToCampaign(p, "record reach", campaignID, a, nil, at, func(c *campaign) *[]dated[metrics.Audience] { return &c.figures })
}

// AddMention records a piece of media coverage the campaign earned,
// published at at (see [Clipping] for its audience). It refuses, with an
// [*OpError] and every reason joined: a final state ([ErrWrongState]), a
// time before the latest change ([ErrTimeOrder]), an invalid clipping
// ([ErrInvalid]) and an unknown campaign ([ErrNotFound]).
func (p *Process) AddMention(campaignID uuid.UUID, c Clipping, at time.Time) error {
	p.use.BeginWrite(misuse)
	defer p.use.EndWrite()
	return addToCampaign(p, "add mention", campaignID, c, c.Validate(), at, func(c *campaign) *[]dated[Clipping] { return &c.mentions })
}

// Campaign returns the campaign with ID id, and false when the process holds
// none.
func (p *Process) Campaign(id uuid.UUID) (Campaign, bool) {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return lookup(p.campaignIndex, p.campaigns, id, campaignView)
}

func campaignView(c *campaign) Campaign { return Campaign{c: *c} }

// Campaigns yields the campaigns in the order they were added.
func (p *Process) Campaigns() iter.Seq[Campaign] {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	return guardSeq(&p.use, seqMap(p.campaigns, campaignView))
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

// Medium returns the medium it goes out on.
func (c Campaign) Medium() Medium { return c.c.spec.Medium }

// Audience returns whom it is meant to reach.
func (c Campaign) Audience() Audience { return c.c.spec.Audience }

// AddedAt returns when it started (UTC).
func (c Campaign) AddedAt() time.Time { return c.c.added }

// Reach returns its latest reported audience (distinct people reached
// within this campaign, and impressions) and when it was reported, and
// false when none was.
func (c Campaign) Reach() (metrics.Audience, time.Time, bool) {
	n := len(c.c.figures)
	if n == 0 {
		return metrics.Audience{}, time.Time{}, false
	}
	last := c.c.figures[n-1]
	return last.v, last.at, true
}

// ReachReports yields every reach report with its time (UTC), oldest first.
func (c Campaign) ReachReports() iter.Seq2[time.Time, metrics.Audience] { return seqDated(c.c.figures) }

// Mentions yields its media mentions with their times (UTC), oldest first.
func (c Campaign) Mentions() iter.Seq2[time.Time, Clipping] { return seqDated(c.c.mentions) }

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
