package participation_test

import (
	"encoding"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/participation"
)

// enum is what every enum of the package provides.
type enum interface {
	comparable
	fmt.Stringer
	encoding.TextMarshaler
	IsValid() bool
	Text() string
}

// checkEnum tests every declared value of an enum against its expected
// names, and one value out of range on each side.
func checkEnum[T enum, P interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, typ string, all []T, names []string, parse func(string) (T, error), outOfRange T) {
	t.Helper()
	require.Len(t, all, len(names))
	for i, v := range all {
		t.Run(names[i], func(t *testing.T) {
			assert.True(t, v.IsValid())
			assert.Equal(t, names[i], v.String())
			assert.Equal(t, strings.ReplaceAll(names[i], "_", " "), v.Text(), "text for people")
			text, err := v.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, names[i], string(text))
			got, err := parse(names[i])
			require.NoError(t, err)
			assert.Equal(t, v, got)
			// The one parsing rule: any case, '-' or ' ' between words,
			// surrounding space.
			got, err = parse(" " + strings.ToUpper(strings.ReplaceAll(names[i], "_", " ")) + "\t")
			require.NoError(t, err)
			assert.Equal(t, v, got)
			var back T
			require.NoError(t, P(&back).UnmarshalText(text))
			assert.Equal(t, v, back)
		})
	}
	for _, bad := range []T{*new(T), outOfRange} {
		assert.False(t, bad.IsValid())
		assert.Contains(t, bad.String(), typ+"(")
		_, err := bad.MarshalText()
		require.ErrorIs(t, err, participation.ErrInvalid)
	}
	_, err := parse("no such " + typ)
	require.ErrorIs(t, err, participation.ErrInvalid)
	var fe *participation.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Contains(t, fe.Value, `"no such `+typ+`"`, "the error quotes the input")
	assert.Contains(t, fe.Value, names[0], "and lists the accepted names")
	keep := all[0]
	require.ErrorIs(t, P(&keep).UnmarshalText([]byte("nope")), participation.ErrInvalid)
	assert.Equal(t, all[0], keep, "a failed UnmarshalText leaves the value unchanged")
}

func TestEnums(t *testing.T) {
	t.Run("Kind", func(t *testing.T) {
		checkEnum(t, "Kind", participation.Kinds(),
			[]string{"petition", "proposal", "campaign", "volunteer_project", "community_event", "mutual_aid"},
			participation.ParseKind, participation.Kind(7))
	})
	t.Run("State", func(t *testing.T) {
		checkEnum(t, "State", participation.States(),
			[]string{"draft", "open", "qualified", "submitted", "answered", "expired", "withdrawn"},
			participation.ParseState, participation.State(8))
	})
	t.Run("SigningMethod", func(t *testing.T) {
		checkEnum(t, "SigningMethod", participation.SigningMethods(), []string{"online", "offline"},
			participation.ParseSigningMethod, participation.SigningMethod(3))
	})
	t.Run("AnswerOutcome", func(t *testing.T) {
		checkEnum(t, "AnswerOutcome", participation.AnswerOutcomes(), []string{"accepted", "rejected", "adopted"},
			participation.ParseAnswerOutcome, participation.AnswerOutcome(4))
	})
	t.Run("Event", func(t *testing.T) {
		checkEnum(t, "Event", participation.Events(),
			[]string{"created", "opened", "milestone", "qualified", "submitted", "answered", "expired", "withdrawn"},
			participation.ParseEvent, participation.Event(9))
	})
	t.Run("Rung", func(t *testing.T) {
		checkEnum(t, "Rung", participation.Rungs(),
			[]string{"manipulation", "therapy", "informing", "consultation", "placation", "partnership", "delegated_power", "citizen_control"},
			participation.ParseRung, participation.Rung(9))
	})
	t.Run("RungGroup", func(t *testing.T) {
		checkEnum(t, "RungGroup", participation.RungGroups(), []string{"nonparticipation", "tokenism", "citizen_power"},
			participation.ParseRungGroup, participation.RungGroup(4))
	})
	t.Run("Outcome", func(t *testing.T) {
		checkEnum(t, "Outcome", participation.Outcomes(),
			[]string{"ignored", "acknowledged", "partly_adopted", "adopted_with_community", "community_run"},
			participation.ParseOutcome, participation.Outcome(6))
	})
	t.Run("GroupKind", func(t *testing.T) {
		checkEnum(t, "GroupKind", participation.GroupKinds(), []string{"grassroots", "coalition"},
			participation.ParseGroupKind, participation.GroupKind(3))
	})
	t.Run("MemberRole", func(t *testing.T) {
		checkEnum(t, "MemberRole", participation.MemberRoles(), []string{"initiator", "organiser", "member", "volunteer"},
			participation.ParseMemberRole, participation.MemberRole(5))
	})
}

func TestNegativeEnumValues(t *testing.T) {
	assert.False(t, participation.Kind(-1).IsValid())
	assert.Equal(t, "Kind(-1)", participation.Kind(-1).String())
}
