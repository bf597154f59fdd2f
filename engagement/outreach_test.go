package engagement_test

import (
	"strings"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/civitas-go/civitas/metrics"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCampaign(t *testing.T) {
	p := fixture.NewProcess(t)
	aud, err := engagement.NewAudience("park neighbours")
	require.NoError(t, err)
	spec := engagement.CampaignSpec{ID: fixture.CampaignID, Name: "Leaflets", Medium: engagement.MediumDirectMail, Audience: aud}
	require.NoError(t, p.AddCampaign(spec, fixture.Created))

	c, ok := p.Campaign(fixture.CampaignID)
	require.True(t, ok)
	_, _, ok = c.Reach()
	assert.False(t, ok, "no reach reported yet")

	require.NoError(t, p.RecordReach(fixture.CampaignID, fixture.AudienceOf(800, 1000), fixture.Announced))
	require.NoError(t, p.RecordReach(fixture.CampaignID, fixture.AudienceOf(900, 1500), fixture.Opened))
	require.NoError(t, p.AddMention(fixture.CampaignID, engagement.Clipping{Outlet: "Gazette", Mention: metrics.Mention{Tone: metrics.ToneNeutral}}, fixture.Opened))
	assert.Equal(t, 0, c.MentionCount(), "a view is a snapshot")

	c, _ = p.Campaign(fixture.CampaignID)
	assert.Equal(t, fixture.CampaignID, c.ID())
	assert.Equal(t, "Leaflets", c.Name())
	assert.Equal(t, engagement.MediumDirectMail, c.Medium())
	assert.Equal(t, aud, c.Audience())
	assert.Equal(t, fixture.Created, c.AddedAt())
	f, at, ok := c.Reach()
	require.True(t, ok)
	assert.Equal(t, fixture.AudienceOf(900, 1500), f, "the latest report is current")
	assert.Equal(t, fixture.Opened, at)
	reports := 0
	for at, f := range c.ReachReports() {
		reports++
		if reports == 1 {
			assert.Equal(t, fixture.Announced, at)
			assert.Equal(t, int64(800), f.Reach())
		}
	}
	assert.Equal(t, 2, reports)
	assert.Equal(t, 1, c.MentionCount())
	for at, m := range c.Mentions() {
		assert.Equal(t, fixture.Opened, at)
		assert.Equal(t, metrics.ToneNeutral, m.Mention.Tone)
	}
	assert.Len(t, collect(p.Campaigns()), 1)
	_, ok = p.Campaign(fixture.ID(99))
	assert.False(t, ok)
}

func TestCampaignRefused(t *testing.T) {
	p := fixture.NewProcess(t)
	aud, err := engagement.NewAudience("", fixture.ID(500))
	require.NoError(t, err)
	require.NoError(t, p.AddCampaign(engagement.CampaignSpec{ID: fixture.CampaignID, Name: "Posts", Medium: engagement.MediumSocialMedia, Audience: aud}, fixture.Created))
	before := marshal(t, p)
	tests := []struct {
		name string
		run  func() error
		want []error
	}{
		{"duplicate ID", func() error {
			return p.AddCampaign(engagement.CampaignSpec{ID: fixture.CampaignID, Name: "x", Medium: engagement.MediumPrint, Audience: aud}, fixture.Created)
		}, []error{engagement.ErrDuplicate}},
		{"no audience, no channel, no name, Nil ID", func() error { return p.AddCampaign(engagement.CampaignSpec{}, fixture.Created) },
			[]error{engagement.ErrInvalid}},
		{"reach of an unknown campaign", func() error { return p.RecordReach(fixture.ID(99), metrics.Audience{}, fixture.Created) },
			[]error{engagement.ErrNotFound}},
		{"mention without outlet or tone", func() error {
			return p.AddMention(fixture.CampaignID, engagement.Clipping{Headline: "\xff"}, fixture.Created)
		},
			[]error{engagement.ErrInvalid}},
		{"mention with a negative audience", func() error {
			return p.AddMention(fixture.CampaignID, engagement.Clipping{Outlet: "Gazette", Mention: metrics.Mention{Reach: -1, Tone: metrics.TonePositive}}, fixture.Created)
		}, []error{engagement.ErrInvalid}},
		{"mention before the latest change", func() error {
			return p.AddMention(fixture.CampaignID, engagement.Clipping{Outlet: "Gazette", Mention: metrics.Mention{Tone: metrics.TonePositive}}, fixture.Created.Add(-time.Hour))
		}, []error{engagement.ErrTimeOrder}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			for _, want := range tt.want {
				assert.ErrorIs(t, err, want)
			}
			assert.Equal(t, string(before), string(marshal(t, p)))
		})
	}
	assert.ErrorIs(t, fixture.InState(t, engagement.StateCancelled).AddMention(uuid.Nil, engagement.Clipping{}, fixture.Completed), engagement.ErrWrongState)

	// A metrics.Audience cannot hold a reach above its impressions or a
	// negative count; a document that states one is refused on decoding.
	require.NoError(t, p.RecordReach(fixture.CampaignID, fixture.AudienceOf(800, 1000), fixture.Created))
	good := string(marshal(t, p))
	require.Contains(t, good, `"impressions":1000,"reach":800`)
	for name, bad := range map[string]struct {
		figures string
		want    error
	}{
		"reach above impressions": {`"impressions":10,"reach":11`, metrics.ErrPartExceedsWhole},
		"negative impressions":    {`"impressions":-1,"reach":-2`, metrics.ErrNegative},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := unmarshal([]byte(strings.Replace(good, `"impressions":1000,"reach":800`, bad.figures, 1)))
			require.ErrorIs(t, err, engagement.ErrInvalid)
			require.ErrorIs(t, err, bad.want)
		})
	}
}

func TestPublish(t *testing.T) {
	p := fixture.NewProcess(t)
	require.NoError(t, p.Publish(engagement.Publication{Kind: engagement.PublicationKindPublicNotice, Title: "Notice", Link: "https://riverton.example"}, fixture.Announced))
	require.NoError(t, p.Publish(engagement.Publication{Kind: engagement.PublicationKindBackgroundInfo, Title: "Options"}, fixture.Opened))
	var kinds []engagement.PublicationKind
	var times []time.Time
	for at, pub := range p.Publications() {
		kinds = append(kinds, pub.Kind)
		times = append(times, at)
	}
	assert.Equal(t, []engagement.PublicationKind{engagement.PublicationKindPublicNotice, engagement.PublicationKindBackgroundInfo}, kinds)
	assert.Equal(t, []time.Time{fixture.Announced, fixture.Opened}, times)
	err := p.Publish(engagement.Publication{Title: "x", Link: " "}, fixture.Opened)
	assert.ErrorIs(t, err, engagement.ErrInvalid)
	assert.ErrorContains(t, err, "publication.kind")
	assert.ErrorContains(t, err, "publication.link")
}
