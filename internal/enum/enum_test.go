package enum_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/internal/enum"
)

type colour int

var errBad = errors.New("test: invalid value")

var colours = enum.New[colour]("Colour", func(field, value string) error {
	return fmt.Errorf("%w: %s %s", errBad, field, value)
}, "red", "dark_green", "sky_blue")

func TestTable(t *testing.T) {
	assert.Equal(t, []colour{1, 2, 3}, colours.Values())
	assert.Equal(t, []string{"red", "dark_green", "sky_blue"}, colours.Names())
	assert.Equal(t, "dark_green", colours.String(2))
	assert.Equal(t, "Colour(4)", colours.String(4))
	assert.Equal(t, "Colour(0)", colours.String(0))
	assert.Equal(t, "Dark green", colours.Title(2))
	assert.Equal(t, "dark green", colours.Text(2))
	assert.Equal(t, "Colour(7)", colours.Text(7))
	assert.False(t, colours.Valid(0))
	assert.True(t, colours.Valid(3))

	for _, in := range []string{"dark_green", "Dark green", "DARK-GREEN", "  dark - green ", "dark__green"} {
		v, err := colours.Parse(in)
		require.NoError(t, err, in)
		assert.Equal(t, colour(2), v, in)
	}
	_, err := colours.Parse("purple")
	require.ErrorIs(t, err, errBad)
	assert.Contains(t, err.Error(), `"purple"`)
	assert.Contains(t, err.Error(), "red, dark_green, sky_blue")

	b, err := colours.Marshal(3)
	require.NoError(t, err)
	assert.Equal(t, "sky_blue", string(b))
	_, err = colours.Marshal(9)
	require.ErrorIs(t, err, errBad)

	v := colour(1)
	require.Error(t, colours.Unmarshal(&v, []byte("nope")))
	assert.Equal(t, colour(1), v, "unchanged on error")
	require.NoError(t, colours.Unmarshal(&v, []byte("Sky Blue")))
	assert.Equal(t, colour(3), v)
}

func TestParseClipsLongInput(t *testing.T) {
	long := make([]byte, 10000)
	for i := range long {
		long[i] = 'x'
	}
	_, err := colours.Parse(string(long))
	require.ErrorIs(t, err, errBad)
	assert.Less(t, len(err.Error()), 300)
}

func TestNewRejectsBadNames(t *testing.T) {
	noErr := func(string, string) error { return nil }
	assert.Panics(t, func() { enum.New[colour]("C", noErr, "Red") })
	assert.Panics(t, func() { enum.New[colour]("C", noErr, "a-b") })
	assert.Panics(t, func() { enum.New[colour]("C", noErr, "a", "a") })
	assert.Panics(t, func() { enum.New[colour]("C", noErr, "") })
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"Higher-is-better": "higher_is_better",
		" a  b ":           "a_b",
		"_x_":              "x",
		"Ünïcode Word":     "ünïcode_word",
	} {
		assert.Equal(t, want, enum.Key(in), in)
	}
}
