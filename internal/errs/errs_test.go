package errs_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/internal/errs"
)

var (
	errInvalid  = errors.New("pkg: invalid value")
	errNegative = errors.New("pkg: negative")
	errOther    = errors.New("other: invalid value")
)

func TestFieldError(t *testing.T) {
	for _, tt := range []struct {
		e    *errs.FieldError
		want string
	}{
		{&errs.FieldError{Field: "f", Value: `"x"`, Err: errInvalid}, `pkg: invalid value: f = "x"`},
		{&errs.FieldError{Field: "f", Err: errInvalid}, "pkg: invalid value: f"},
		{&errs.FieldError{Value: "v", Err: errInvalid}, "pkg: invalid value: v"},
		{&errs.FieldError{}, "invalid value"},
		{nil, "invalid value"},
	} {
		assert.Equal(t, tt.want, tt.e.Error())
	}
	var nilErr *errs.FieldError
	assert.NoError(t, nilErr.Unwrap())
	assert.ErrorIs(t, &errs.FieldError{Err: errNegative}, errNegative)
}

func TestDecode(t *testing.T) {
	assert.NoError(t, errs.Decode(nil, errInvalid))
	own := &errs.FieldError{Field: "n", Err: errNegative}
	assert.Same(t, error(own), errs.Decode(own, errInvalid), "a field error of the package passes")
	foreign := &errs.FieldError{Field: "n", Err: errOther}
	got := errs.Decode(foreign, errInvalid)
	require.ErrorIs(t, got, errInvalid, "another package's error is wrapped")
	require.ErrorIs(t, got, errOther)
	var syntax *json.SyntaxError
	got = errs.Decode(json.Unmarshal([]byte("{"), new(any)), errInvalid)
	require.ErrorIs(t, got, errInvalid)
	require.ErrorAs(t, got, &syntax)
}

func TestClip(t *testing.T) {
	assert.Equal(t, "short", errs.Clip("short"))
	long := strings.Repeat("é", 100)
	c := errs.Clip(long)
	assert.LessOrEqual(t, len(c), 64+len("…"))
	assert.True(t, strings.HasSuffix(c, "…"))
	assert.True(t, strings.HasPrefix(long, strings.TrimSuffix(c, "…")), "cut on a rune boundary")
}
