package engagement_test

import (
	"encoding"
	"fmt"
	"testing"

	"github.com/civitas-go/civitas/engagement"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// enumCase describes one enumeration for the shared table test.
type enumCase struct {
	names []string // the declared values' names, from value 1
	value func(n int) fmt.Stringer
	valid func(n int) bool
	text  func(n int) encoding.TextMarshaler
	parse func(s string) (fmt.Stringer, error)
	// unmarshal parses into a variable holding value 1 and returns it.
	unmarshal func(s string) (fmt.Stringer, error)
	typ       string
}

func enumOf[E interface {
	~int
	fmt.Stringer
	encoding.TextMarshaler
	IsValid() bool
}, P interface {
	*E
	encoding.TextUnmarshaler
}](typ string, parse func(string) (E, error), names ...string) enumCase {
	return enumCase{
		names: names,
		typ:   typ,
		value: func(n int) fmt.Stringer { return E(n) },
		valid: func(n int) bool { return E(n).IsValid() },
		text:  func(n int) encoding.TextMarshaler { return E(n) },
		parse: func(s string) (fmt.Stringer, error) { return parse(s) },
		unmarshal: func(s string) (fmt.Stringer, error) {
			v := E(1)
			err := P(&v).UnmarshalText([]byte(s))
			return v, err
		},
	}
}

// TestEnums checks every declared value of every enumeration (name, text
// form, parse) and the values just outside: 0 and one past the last.
func TestEnums(t *testing.T) {
	cases := []enumCase{
		enumOf[engagement.Level]("Level", engagement.ParseLevel, "inform", "consult", "involve", "collaborate", "empower"),
		enumOf[engagement.PhaseKind]("PhaseKind", engagement.ParsePhaseKind, "information", "consultation", "deliberation", "decision", "implementation", "custom"),
		enumOf[engagement.State]("State", engagement.ParseState, "draft", "announced", "open", "closed", "decided", "implementing", "completed", "cancelled"),
		enumOf[engagement.Event]("Event", engagement.ParseEvent, "announce", "open", "close", "decide", "start_implementation", "complete", "cancel"),
		enumOf[engagement.Communication]("Communication", engagement.ParseCommunication, "one_way", "two_way"),
		enumOf[engagement.Method]("Method", engagement.ParseMethod, "fact_sheet", "website", "newsletter", "press_release", "social_media",
			"open_house", "public_meeting", "town_hall", "public_hearing", "survey", "focus_group", "workshop", "public_forum",
			"online_consultation", "citizens_panel", "citizens_assembly", "deliberative_poll", "advisory_committee", "budget_vote"),
		enumOf[engagement.Medium]("Medium", engagement.ParseMedium, "print", "website", "newsletter", "email", "direct_mail", "press", "social_media", "broadcast", "outdoor"),
		enumOf[engagement.ContributionKind]("ContributionKind", engagement.ParseContributionKind, "comment", "idea", "objection", "question", "survey_response", "vote"),
		enumOf[engagement.ResponseKind]("ResponseKind", engagement.ParseResponseKind, "accepted", "partly_accepted", "not_accepted", "noted", "out_of_scope"),
		enumOf[engagement.PublicationKind]("PublicationKind", engagement.ParsePublicationKind, "public_notice", "background_info", "input_summary", "feedback_report", "decision_notice", "progress_report"),
		enumOf[engagement.CommitmentStatus]("CommitmentStatus", engagement.ParseCommitmentStatus, "planned", "in_progress", "done", "dropped"),
	}
	for _, c := range cases {
		t.Run(c.typ, func(t *testing.T) {
			for i, name := range c.names {
				n := i + 1
				assert.True(t, c.valid(n), name)
				assert.Equal(t, name, c.value(n).String())
				b, err := c.text(n).MarshalText()
				require.NoError(t, err)
				assert.Equal(t, name, string(b))
				v, err := c.parse(name)
				require.NoError(t, err)
				assert.Equal(t, c.value(n), v)
				v, err = c.unmarshal(name)
				require.NoError(t, err)
				assert.Equal(t, c.value(n), v)
			}
			for _, n := range []int{0, len(c.names) + 1} {
				assert.False(t, c.valid(n))
				assert.Equal(t, fmt.Sprintf("%s(%d)", c.typ, n), c.value(n).String())
				_, err := c.text(n).MarshalText()
				assert.ErrorIs(t, err, engagement.ErrInvalid)
			}
			_, err := c.parse("Bogus")
			assert.ErrorIs(t, err, engagement.ErrInvalid)
			assert.ErrorContains(t, err, `"Bogus"`, "a parse error quotes its input")
			v, err := c.unmarshal("")
			assert.ErrorIs(t, err, engagement.ErrInvalid)
			assert.Equal(t, c.value(1), v, "a failed UnmarshalText leaves the value unchanged")
		})
	}
}

func TestLevels(t *testing.T) {
	levels := engagement.Levels()
	require.Len(t, levels, 5)
	for i, l := range levels {
		assert.NotEmpty(t, l.Goal(), l)
		assert.NotEmpty(t, l.Promise(), l)
		if i > 0 {
			assert.Less(t, levels[i-1], l, "levels grow in public influence")
		}
	}
	assert.Empty(t, engagement.Level(0).Goal())
	assert.Empty(t, engagement.Level(6).Promise())
	assert.Equal(t, "We will carry out what you decide.", engagement.LevelEmpower.Promise())
}

// TestMethods checks each method's direction, lowest level and attendance
// against the mapping documented on Method.
func TestMethods(t *testing.T) {
	type row struct {
		dir      engagement.Communication
		level    engagement.Level
		attended bool
	}
	one := func(l engagement.Level) row { return row{engagement.CommunicationOneWay, l, false} }
	two := func(l engagement.Level, attended bool) row { return row{engagement.CommunicationTwoWay, l, attended} }
	want := map[engagement.Method]row{
		engagement.MethodFactSheet:          one(engagement.LevelInform),
		engagement.MethodWebsite:            one(engagement.LevelInform),
		engagement.MethodNewsletter:         one(engagement.LevelInform),
		engagement.MethodPressRelease:       one(engagement.LevelInform),
		engagement.MethodSocialMedia:        one(engagement.LevelInform),
		engagement.MethodOpenHouse:          two(engagement.LevelInform, true),
		engagement.MethodPublicMeeting:      two(engagement.LevelConsult, true),
		engagement.MethodTownHall:           two(engagement.LevelConsult, true),
		engagement.MethodPublicHearing:      two(engagement.LevelConsult, true),
		engagement.MethodSurvey:             two(engagement.LevelConsult, false),
		engagement.MethodFocusGroup:         two(engagement.LevelConsult, true),
		engagement.MethodWorkshop:           two(engagement.LevelInvolve, true),
		engagement.MethodPublicForum:        two(engagement.LevelConsult, true),
		engagement.MethodOnlineConsultation: two(engagement.LevelConsult, false),
		engagement.MethodCitizensPanel:      two(engagement.LevelCollaborate, true),
		engagement.MethodCitizensAssembly:   two(engagement.LevelCollaborate, true),
		engagement.MethodDeliberativePoll:   two(engagement.LevelInvolve, true),
		engagement.MethodAdvisoryCommittee:  two(engagement.LevelCollaborate, true),
		engagement.MethodBudgetVote:         two(engagement.LevelEmpower, false),
	}
	methods := engagement.Methods()
	require.Len(t, methods, 19)
	for _, m := range methods {
		t.Run(m.String(), func(t *testing.T) {
			w, ok := want[m]
			require.True(t, ok)
			assert.Equal(t, w, row{m.Direction(), m.MinLevel(), m.Attended()})
			for _, l := range engagement.Levels() {
				assert.Equal(t, l >= w.level, m.Serves(l), "serves %s", l)
			}
		})
	}
	bad := engagement.Method(0)
	assert.Zero(t, bad.Direction())
	assert.Zero(t, bad.MinLevel())
	assert.False(t, bad.Attended())
	assert.False(t, bad.Serves(engagement.LevelEmpower))
	assert.False(t, engagement.MethodSurvey.Serves(engagement.Level(9)))
}

func TestStatesAndEvents(t *testing.T) {
	assert.Len(t, engagement.States(), 8)
	assert.Len(t, engagement.Events(), 7)
	for _, s := range engagement.States() {
		assert.Equal(t, s == engagement.StateCompleted || s == engagement.StateCancelled, s.Final(), s)
	}
}
