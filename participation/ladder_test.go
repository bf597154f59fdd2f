package participation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/participation"
)

func TestRungGroups(t *testing.T) {
	// Arnstein 1969, figure 2: rungs 1–2 nonparticipation, 3–5 tokenism,
	// 6–8 citizen power.
	want := map[participation.RungGroup][]participation.Rung{
		participation.RungGroupNonparticipation: {participation.RungManipulation, participation.RungTherapy},
		participation.RungGroupTokenism:         {participation.RungInforming, participation.RungConsultation, participation.RungPlacation},
		participation.RungGroupCitizenPower:     {participation.RungPartnership, participation.RungDelegatedPower, participation.RungCitizenControl},
	}
	for g, rungs := range want {
		assert.Equal(t, rungs, g.Rungs(), g.String())
		for _, r := range rungs {
			assert.Equal(t, g, r.Group(), r.String())
		}
	}
	assert.Equal(t, participation.RungGroup(0), participation.Rung(0).Group())
	assert.Nil(t, participation.RungGroup(0).Rungs())
	assert.Less(t, participation.RungConsultation, participation.RungPartnership, "rungs order by power")
}

func TestAssess(t *testing.T) {
	want := map[participation.Outcome]participation.Rung{
		participation.OutcomeIgnored:              participation.RungInforming,
		participation.OutcomeAcknowledged:         participation.RungConsultation,
		participation.OutcomePartlyAdopted:        participation.RungPlacation,
		participation.OutcomeAdoptedWithCommunity: participation.RungPartnership,
		participation.OutcomeCommunityRun:         participation.RungCitizenControl,
	}
	prev := participation.Rung(0)
	for _, o := range participation.Outcomes() {
		got, err := participation.Assess(o)
		require.NoError(t, err)
		assert.Equal(t, want[o], got, o.String())
		assert.Greater(t, got, prev, "more community power, a higher rung")
		prev = got
	}
	_, err := participation.Assess(0)
	require.ErrorIs(t, err, participation.ErrInvalid)
}

func TestInitiativeAssess(t *testing.T) {
	answered := func(o participation.AnswerOutcome) func(t testing.TB) *participation.Initiative {
		return func(t testing.TB) *participation.Initiative {
			in := fixtures()[4].build(t)
			require.NoError(t, in.Answer(participation.Response{Outcome: o, Text: "Our answer.", At: at(12)}))
			return in
		}
	}
	submitted := fixtures()[4].build
	tests := []struct {
		name    string
		build   func(t testing.TB) *participation.Initiative
		outcome participation.Outcome
		want    participation.Rung
		err     error
	}{
		{"unanswered and ignored", submitted, participation.OutcomeIgnored, participation.RungInforming, nil},
		{"not submitted", fixtures()[3].build, participation.OutcomeIgnored, 0, participation.ErrWrongState},
		{"undeclared outcome", submitted, 0, 0, participation.ErrInvalid},
		{"answered cannot be ignored", answered(participation.AnswerOutcomeAccepted), participation.OutcomeIgnored, 0, participation.ErrInconsistent},
		{"rejected is acknowledged", answered(participation.AnswerOutcomeRejected), participation.OutcomeAcknowledged, participation.RungConsultation, nil},
		{"rejected cannot be adopted", answered(participation.AnswerOutcomeRejected), participation.OutcomePartlyAdopted, 0, participation.ErrInconsistent},
		{"accepted but nothing done", answered(participation.AnswerOutcomeAccepted), participation.OutcomeAcknowledged, participation.RungConsultation, nil},
		{"adopted and run by the community", answered(participation.AnswerOutcomeAdopted), participation.OutcomeCommunityRun, participation.RungCitizenControl, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.build(t).Assess(tt.outcome)
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}
