package stakeholder_test

import (
	"encoding"
	"fmt"
	"strings"
	"testing"

	"github.com/civitas-go/civitas/stakeholder"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// enumCase checks one enum type: every declared value and its name, and
// the undeclared values just outside.
type enumCase struct {
	name   string
	values []fmt.Stringer
	want   []string
	bad    []fmt.Stringer // undeclared values
	parse  func(string) (fmt.Stringer, error)
	newPtr func() encoding.TextUnmarshaler
}

func wrap[E fmt.Stringer](f func(string) (E, error)) func(string) (fmt.Stringer, error) {
	return func(s string) (fmt.Stringer, error) { return f(s) }
}

func stringers[E fmt.Stringer](vs ...E) []fmt.Stringer {
	out := make([]fmt.Stringer, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

func TestEnums(t *testing.T) {
	cases := []enumCase{
		{"Kind", stringers(stakeholder.Kinds()...), []string{"resident", "voter", "community_activist",
			"community_group", "nonprofit", "business", "media", "government_body", "elected_official",
			"partner_organisation", "other"}, stringers(stakeholder.Kind(0), stakeholder.Kind(12)),
			wrap(stakeholder.ParseKind), func() encoding.TextUnmarshaler { return new(stakeholder.Kind) }},
		{"Attitude", stringers(stakeholder.Attitudes()...), []string{"unaware", "resistant", "neutral",
			"supportive", "leading"}, stringers(stakeholder.Attitude(0), stakeholder.Attitude(6)),
			wrap(stakeholder.ParseAttitude), func() encoding.TextUnmarshaler { return new(stakeholder.Attitude) }},
		{"Quadrant", stringers(stakeholder.Quadrants()...), []string{"manage_closely", "keep_satisfied",
			"keep_informed", "monitor"}, stringers(stakeholder.Quadrant(0), stakeholder.Quadrant(5)),
			wrap(stakeholder.ParseQuadrant), func() encoding.TextUnmarshaler { return new(stakeholder.Quadrant) }},
		{"SalienceClass", stringers(stakeholder.SalienceClasses()...), []string{"dormant", "discretionary",
			"demanding", "dominant", "dangerous", "dependent", "definitive", "none"},
			stringers(stakeholder.SalienceClass(0), stakeholder.SalienceClass(9)),
			wrap(stakeholder.ParseSalienceClass), func() encoding.TextUnmarshaler { return new(stakeholder.SalienceClass) }},
		{"RelationType", stringers(stakeholder.RelationTypes()...), []string{"member_of", "partner_of", "funds",
			"influences", "opposes", "represents", "covers_as_media"},
			stringers(stakeholder.RelationType(0), stakeholder.RelationType(8)),
			wrap(stakeholder.ParseRelationType), func() encoding.TextUnmarshaler { return new(stakeholder.RelationType) }},
		{"Channel", stringers(stakeholder.Channels()...), []string{"meeting", "phone", "email", "letter",
			"social_media", "event", "media_interview", "site_visit"},
			stringers(stakeholder.Channel(0), stakeholder.Channel(9)),
			wrap(stakeholder.ParseChannel), func() encoding.TextUnmarshaler { return new(stakeholder.Channel) }},
		{"Direction", stringers(stakeholder.Directions()...), []string{"outbound", "inbound", "two_way"},
			stringers(stakeholder.Direction(0), stakeholder.Direction(4)),
			wrap(stakeholder.ParseDirection), func() encoding.TextUnmarshaler { return new(stakeholder.Direction) }},
		{"Dimension", stringers(stakeholder.Dimensions()...), []string{"age_band", "sex", "area", "residency"},
			stringers(stakeholder.Dimension(0), stakeholder.Dimension(5)),
			wrap(stakeholder.ParseDimension), func() encoding.TextUnmarshaler { return new(stakeholder.Dimension) }},
		{"AgeBand", stringers(stakeholder.AgeBands()...), []string{"0_15", "16_17", "18_24", "25_34", "35_44",
			"45_54", "55_64", "65_74", "75_plus"},
			stringers(stakeholder.AgeBand(0), stakeholder.AgeBand(10)),
			wrap(stakeholder.ParseAgeBand), func() encoding.TextUnmarshaler { return new(stakeholder.AgeBand) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Len(t, c.values, len(c.want))
			for i, v := range c.values {
				assert.Equal(t, c.want[i], v.String())
				assert.Equal(t, strings.ReplaceAll(c.want[i], "_", " "), v.(interface{ Text() string }).Text(), "text for people")
				assert.True(t, v.(interface{ IsValid() bool }).IsValid(), v.String())
				text, err := v.(encoding.TextMarshaler).MarshalText()
				require.NoError(t, err)
				assert.Equal(t, c.want[i], string(text))
				got, err := c.parse(c.want[i])
				require.NoError(t, err)
				assert.Equal(t, v, got)
				// The one parsing rule: any case, '-' or ' ' between words,
				// surrounding space.
				got, err = c.parse("  " + strings.ToUpper(strings.ReplaceAll(c.want[i], "_", "-")) + " ")
				require.NoError(t, err)
				assert.Equal(t, v, got)
				p := c.newPtr()
				require.NoError(t, p.UnmarshalText(text))
				assert.Equal(t, c.want[i], p.(fmt.Stringer).String())
			}
			for _, v := range c.bad {
				assert.False(t, v.(interface{ IsValid() bool }).IsValid())
				assert.Contains(t, v.String(), c.name+"(")
				_, err := v.(encoding.TextMarshaler).MarshalText()
				require.ErrorIs(t, err, stakeholder.ErrInvalid)
			}
			_, err := c.parse("Nope")
			require.ErrorIs(t, err, stakeholder.ErrInvalid)
			var fe *stakeholder.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Contains(t, fe.Value, `"Nope"`, "the error quotes the input")
			assert.Contains(t, fe.Value, c.want[0], "and lists the accepted names")
			require.ErrorIs(t, c.newPtr().UnmarshalText([]byte("")), stakeholder.ErrInvalid)
		})
	}
}

func TestAgeBandLabels(t *testing.T) {
	want := []string{"0-15", "16-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"}
	for i, b := range stakeholder.AgeBands() {
		assert.Equal(t, want[i], b.Label())
		got, ok := stakeholder.AgeBandOfLabel(" " + want[i])
		require.True(t, ok, want[i])
		assert.Equal(t, b, got)
	}
	_, ok := stakeholder.AgeBandOfLabel("75_plus")
	assert.False(t, ok, "wire names are not labels")
	assert.Equal(t, "", stakeholder.AgeBand(0).Label(), "not given")
	assert.Equal(t, "AgeBand(10)", stakeholder.AgeBand(10).Label())
	assert.Equal(t, -1, stakeholder.AgeBand(0).MinAge())
	assert.False(t, stakeholder.AgeBand(0).AtLeast(0), "an unknown band may be too young")
	assert.True(t, stakeholder.AgeBand16To17.AtLeast(16))
	assert.False(t, stakeholder.AgeBand16To17.AtLeast(17))
}

func TestProfileGroup(t *testing.T) {
	full := stakeholder.Profile{AgeBand: stakeholder.AgeBand75Plus, Sex: "f", Area: "elm", Resident: true}
	for d, want := range map[stakeholder.Dimension]string{stakeholder.DimensionAgeBand: "75+",
		stakeholder.DimensionSex: "f", stakeholder.DimensionArea: "elm", stakeholder.DimensionResidency: "resident"} {
		assert.Equal(t, want, full.Group(d), d.String())
	}
	var none stakeholder.Profile
	for _, d := range []stakeholder.Dimension{stakeholder.DimensionAgeBand, stakeholder.DimensionSex, stakeholder.DimensionArea} {
		assert.Equal(t, "", none.Group(d), "no value: unclassified on %s", d)
	}
	assert.Equal(t, "non-resident", none.Group(stakeholder.DimensionResidency))
	assert.Equal(t, "", full.Group(stakeholder.Dimension(9)))
	require.NoError(t, none.Validate(), "the zero profile is valid: nothing known")
	err := stakeholder.Profile{AgeBand: 12, Area: " elm"}.Validate()
	require.ErrorIs(t, err, stakeholder.ErrInvalidProfile)
	require.ErrorIs(t, err, stakeholder.ErrInvalid, "a case of ErrInvalid")
	assert.Len(t, flatten(err), 2)
}

func TestLabels(t *testing.T) {
	assert.Equal(t, "Manage closely", stakeholder.QuadrantManageClosely.Label())
	assert.Equal(t, "Covers as media", stakeholder.RelationTypeCoversAsMedia.Label())
	assert.Equal(t, "Quadrant(9)", stakeholder.Quadrant(9).Label())
	assert.Equal(t, "", stakeholder.Quadrant(9).Strategy())
	for _, q := range stakeholder.Quadrants() {
		assert.Contains(t, q.Strategy(), q.Label()+":")
	}
}

func TestRelationTypeDirected(t *testing.T) {
	for _, rt := range stakeholder.RelationTypes() {
		assert.Equal(t, rt != stakeholder.RelationTypePartnerOf, rt.Directed(), rt.String())
	}
	assert.False(t, stakeholder.RelationType(0).Directed())
}
