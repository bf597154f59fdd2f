package metrics_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/civitas-go/civitas/metrics"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var sentinels = []error{
	metrics.ErrUndefined, metrics.ErrNegative, metrics.ErrPartExceedsWhole,
	metrics.ErrMismatchedGroups, metrics.ErrEmpty, metrics.ErrOutOfRange,
	metrics.ErrInconsistent, metrics.ErrOverflow, metrics.ErrUnitMismatch,
}

func TestSentinelsAreDistinct(t *testing.T) {
	for i, a := range sentinels {
		for j, b := range sentinels {
			assert.Equal(t, i == j, errors.Is(a, b), "errors.Is(%v, %v)", a, b)
		}
	}
}

func TestInputError(t *testing.T) {
	_, err := metrics.NewProportion(61, 60)
	require.Error(t, err)

	t.Run("Is matches the sentinel it wraps and no other", func(t *testing.T) {
		for _, s := range sentinels {
			assert.Equal(t, s == metrics.ErrPartExceedsWhole, errors.Is(err, s), "%v", s)
		}
	})

	t.Run("As gives the input and its value", func(t *testing.T) {
		var ie *metrics.FieldError
		require.ErrorAs(t, err, &ie)
		assert.Equal(t, "part", ie.Field)
		assert.Equal(t, "61", ie.Value)
		assert.Equal(t, metrics.ErrPartExceedsWhole, ie.Err)
		assert.Equal(t, metrics.ErrPartExceedsWhole, ie.Unwrap())
	})

	t.Run("message quotes the input", func(t *testing.T) {
		assert.Equal(t, "metrics: part exceeds whole: part = 61", err.Error())
	})

	t.Run("still matches when wrapped again or joined", func(t *testing.T) {
		wrapped := fmt.Errorf("loading attendance: %w", err)
		require.ErrorIs(t, wrapped, metrics.ErrPartExceedsWhole)
		var ie *metrics.FieldError
		require.ErrorAs(t, wrapped, &ie)
		assert.Equal(t, "part", ie.Field)

		_, neg := metrics.NewRatio(1, -1)
		joined := errors.Join(err, neg)
		require.ErrorIs(t, joined, metrics.ErrPartExceedsWhole)
		require.ErrorIs(t, joined, metrics.ErrNegative)
	})
}
