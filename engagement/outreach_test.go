package engagement_test

import (
	"strings"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/metrics"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCampaign(t *testing.T) {
	p := newProcess(t)
	aud, err := engagement.NewAudience("park neighbours")
	require.NoError(t, err)
	spec := engagement.CampaignSpec{ID: campaignID, Name: "Leaflets", Medium: engagement.MediumDirectMail, Audience: aud}
	require.NoError(t, p.AddCampaign(spec, created))

	c, ok := p.Campaign(campaignID)
	require.True(t, ok)
	_, _, ok = c.Reach()
	assert.False(t, ok, "no reach reported yet")

	require.NoError(t, p.RecordReach(campaignID, audienceOf(800, 1000), announced))
	require.NoError(t, p.RecordReach(campaignID, audienceOf(900, 1500), opened))
	require.NoError(t, p.AddMention(campaignID, engagement.Clipping{Outlet: "Gazette", Mention: metrics.Mention{Tone: metrics.ToneNeutral}}, opened))
	assert.Equal(t, 0, c.MentionCount(), "a view is a snapshot")

	c, _ = p.Campaign(campaignID)
	assert.Equal(t, campaignID, c.ID())
	assert.Equal(t, "Leaflets", c.Name())
	assert.Equal(t, engagement.MediumDirectMail, c.Medium())
	assert.Equal(t, aud, c.Audience())
	assert.Equal(t, created, c.AddedAt())
	f, at, ok := c.Reach()
	require.True(t, ok)
	assert.Equal(t, audienceOf(900, 1500), f, "the latest report is current")
	assert.Equal(t, opened, at)
	reports := 0
	for at, f := range c.ReachReports() {
		reports++
		if reports == 1 {
			assert.Equal(t, announced, at)
			assert.Equal(t, int64(800), f.Reach())
		}
	}
	assert.Equal(t, 2, reports)
	assert.Equal(t, 1, c.MentionCount())
	for at, m := range c.Mentions() {
		assert.Equal(t, opened, at)
		assert.Equal(t, metrics.ToneNeutral, m.Mention.Tone)
	}
	assert.Len(t, collect(p.Campaigns()), 1)
	_, ok = p.Campaign(id(99))
	assert.False(t, ok)
}

func TestCampaignRefused(t *testing.T) {
	p := newProcess(t)
	aud, err := engagement.NewAudience("", id(500))
	require.NoError(t, err)
	require.NoError(t, p.AddCampaign(engagement.CampaignSpec{ID: campaignID, Name: "Posts", Medium: engagement.MediumSocialMedia, Audience: aud}, created))
	before := marshal(t, p)
	tests := []struct {
		name string
		run  func() error
		want []error
	}{
		{"duplicate ID", func() error {
			return p.AddCampaign(engagement.CampaignSpec{ID: campaignID, Name: "x", Medium: engagement.MediumPrint, Audience: aud}, created)
		}, []error{engagement.ErrDuplicate}},
		{"no audience, no channel, no name, Nil ID", func() error { return p.AddCampaign(engagement.CampaignSpec{}, created) },
			[]error{engagement.ErrInvalid}},
		{"reach of an unknown campaign", func() error { return p.RecordReach(id(99), metrics.Audience{}, created) },
			[]error{engagement.ErrNotFound}},
		{"mention without outlet or tone", func() error { return p.AddMention(campaignID, engagement.Clipping{Headline: "\xff"}, created) },
			[]error{engagement.ErrInvalid}},
		{"mention with a negative audience", func() error {
			return p.AddMention(campaignID, engagement.Clipping{Outlet: "Gazette", Mention: metrics.Mention{Reach: -1, Tone: metrics.TonePositive}}, created)
		}, []error{engagement.ErrInvalid}},
		{"mention before the latest change", func() error {
			return p.AddMention(campaignID, engagement.Clipping{Outlet: "Gazette", Mention: metrics.Mention{Tone: metrics.TonePositive}}, created.Add(-time.Hour))
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
	assert.ErrorIs(t, inState(t, engagement.StateCancelled).AddMention(uuid.Nil, engagement.Clipping{}, completed), engagement.ErrWrongState)

	// A metrics.Audience cannot hold a reach above its impressions or a
	// negative count; a document that states one is refused on decoding.
	require.NoError(t, p.RecordReach(campaignID, audienceOf(800, 1000), created))
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
	p := newProcess(t)
	require.NoError(t, p.Publish(engagement.Publication{Kind: engagement.PublicationKindPublicNotice, Title: "Notice", Link: "https://riverton.example"}, announced))
	require.NoError(t, p.Publish(engagement.Publication{Kind: engagement.PublicationKindBackgroundInfo, Title: "Options"}, opened))
	var kinds []engagement.PublicationKind
	var times []time.Time
	for at, pub := range p.Publications() {
		kinds = append(kinds, pub.Kind)
		times = append(times, at)
	}
	assert.Equal(t, []engagement.PublicationKind{engagement.PublicationKindPublicNotice, engagement.PublicationKindBackgroundInfo}, kinds)
	assert.Equal(t, []time.Time{announced, opened}, times)
	err := p.Publish(engagement.Publication{Title: "x", Link: " "}, opened)
	assert.ErrorIs(t, err, engagement.ErrInvalid)
	assert.ErrorContains(t, err, "publication.kind")
	assert.ErrorContains(t, err, "publication.link")
}
