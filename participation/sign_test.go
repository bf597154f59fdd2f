package participation_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
)

// strictRules: threshold 10, window hours 1–100, age 18+, areas north and
// south, residents only, online only, 2 from south, no withdrawal.
func strictRules() participation.SupportRules {
	return participation.SupportRules{
		Threshold:      10,
		Window:         metrics.Period{Start: at(1), End: at(100)},
		MinAge:         18,
		Areas:          []string{"north", "south"},
		ResidentsOnly:  true,
		Channels:       []participation.SigningMethod{participation.SigningMethodOnline},
		AreaThresholds: []participation.AreaThreshold{{Area: "south", Threshold: 2}},
	}
}

func strictInitiative(t *testing.T) *participation.Initiative {
	t.Helper()
	in := newInitiative(t, 0)
	require.NoError(t, in.SetRules(strictRules()))
	require.NoError(t, in.Open(at(1)))
	return in
}

func TestSignRefusals(t *testing.T) {
	with := func(f func(*stakeholder.Profile)) stakeholder.Profile {
		p := adult
		f(&p)
		return p
	}
	tests := []struct {
		name    string
		person  uuid.UUID
		profile stakeholder.Profile
		channel participation.SigningMethod
		when    time.Time
		want    error
	}{
		{"nil person", uuid.Nil, adult, participation.SigningMethodOnline, at(5), participation.ErrInvalid},
		{"undeclared channel", id(2), adult, 7, at(5), participation.ErrInvalid},
		{"invalid profile", id(2), with(func(p *stakeholder.Profile) { p.Area = " north" }), participation.SigningMethodOnline, at(5), stakeholder.ErrInvalidProfile},
		{"second signature", id(1), adult, participation.SigningMethodOnline, at(6), participation.ErrAlreadySigned},
		{"offline channel", id(2), adult, participation.SigningMethodOffline, at(5), participation.ErrChannelNotAccepted},
		{"before the window", id(2), adult, participation.SigningMethodOnline, at(1).Add(-time.Nanosecond), participation.ErrOutsideWindow},
		{"at the window's end", id(2), adult, participation.SigningMethodOnline, at(100), participation.ErrOutsideWindow},
		{"far future", id(2), adult, participation.SigningMethodOnline, time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC), participation.ErrOutsideWindow},
		// 16–17 straddles no age but lies wholly below 18.
		{"too young", id(2), with(func(p *stakeholder.Profile) { p.AgeBand = stakeholder.AgeBand16To17 }), participation.SigningMethodOnline, at(5), participation.ErrTooYoung},
		{"age unknown", id(2), with(func(p *stakeholder.Profile) { p.AgeBand = stakeholder.AgeBand(0) }), participation.SigningMethodOnline, at(5), participation.ErrAgeUnknown},
		{"other area", id(2), with(func(p *stakeholder.Profile) { p.Area = "east" }), participation.SigningMethodOnline, at(5), participation.ErrOutsideArea},
		{"area unknown", id(2), with(func(p *stakeholder.Profile) { p.Area = "" }), participation.SigningMethodOnline, at(5), participation.ErrOutsideArea},
		{"non-resident", id(2), with(func(p *stakeholder.Profile) { p.Resident = false }), participation.SigningMethodOnline, at(5), participation.ErrNotResident},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strictInitiative(t)
			require.NoError(t, in.Sign(id(1), adult, participation.SigningMethodOnline, at(5)))
			before, err := json.Marshal(in)
			require.NoError(t, err)

			err = in.Sign(tt.person, tt.profile, tt.channel, tt.when)

			require.ErrorIs(t, err, tt.want)
			var se *participation.SupportError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.person, se.Person)
			assert.Equal(t, 1, in.Count())
			after, err := json.Marshal(in)
			require.NoError(t, err)
			assert.JSONEq(t, string(before), string(after))
		})
	}
}

func TestIneligibleReasonsWrapIneligible(t *testing.T) {
	for _, err := range []error{participation.ErrTooYoung, participation.ErrOutsideArea, participation.ErrNotResident} {
		assert.ErrorIs(t, err, participation.ErrNotEligible)
	}
}

func TestSignWithoutRulesAcceptsAnyone(t *testing.T) {
	in := openInitiative(t, 0)
	young := stakeholder.Profile{AgeBand: stakeholder.AgeBandUnder16, Area: "elsewhere"}
	require.NoError(t, in.Sign(id(1), young, participation.SigningMethodOffline, at(1000)))
	require.NoError(t, in.Sign(id(2), stakeholder.Profile{}, participation.SigningMethodOnline, at(2)))
	assert.Equal(t, 2, in.Count())
	assert.False(t, in.ThresholdMet())
	assert.Nil(t, in.Requirements())
	assert.Equal(t, 0, in.Milestone())
	_, ok := in.Rules()
	assert.False(t, ok)
	// Without rules a supporter may withdraw.
	require.NoError(t, in.WithdrawSupport(id(1), at(1001)))
	assert.Equal(t, 1, in.Count())
}

func TestSignedAndSupports(t *testing.T) {
	in := strictInitiative(t)
	south := stakeholder.Profile{AgeBand: stakeholder.AgeBand65To74, Sex: "m", Area: "south", Resident: true}
	require.NoError(t, in.Sign(id(1), adult, participation.SigningMethodOnline, at(5)))
	require.NoError(t, in.Sign(id(2), south, participation.SigningMethodOnline, at(6).Add(123*time.Nanosecond)))

	s, ok := in.Signed(id(2))
	require.True(t, ok)
	assert.Equal(t, participation.Support{Person: id(2), Profile: south, Channel: participation.SigningMethodOnline, At: at(6).Add(123 * time.Nanosecond)}, s)
	_, ok = in.Signed(id(3))
	assert.False(t, ok)

	var people []uuid.UUID
	for s := range in.Supports() {
		people = append(people, s.Person)
		break // the iterator stops when asked
	}
	assert.Equal(t, []uuid.UUID{id(1)}, people)

	// Requirements: overall 2 of 10, south 1 of 2.
	reqs := in.Requirements()
	require.Len(t, reqs, 2)
	assert.Equal(t, participation.Requirement{Threshold: 10, Count: 2}, reqs[0])
	assert.Equal(t, participation.Requirement{Area: "south", Threshold: 2, Count: 1}, reqs[1])
	assert.False(t, reqs[1].Met())
	// 1/2 = 50.00 %.
	assert.Equal(t, "50.00 %", reqs[1].Progress().PercentText())
	assert.Equal(t, "undefined", participation.Requirement{}.Progress().PercentText())
	assert.Equal(t, "undefined", participation.Requirement{Threshold: -1}.Progress().PercentText())
}

// TestMilestonesWithAreaThresholds: progress is that of the least advanced
// requirement. Threshold 8 overall, 4 from south.
func TestMilestonesWithAreaThresholds(t *testing.T) {
	in := newInitiative(t, 0)
	r := rules(8)
	r.AreaThresholds = []participation.AreaThreshold{{Area: "south", Threshold: 4}}
	require.NoError(t, in.SetRules(r))
	require.NoError(t, in.Open(at(1)))
	south := adult
	south.Area = "south"

	// 6 from north: overall 6/8 = 75 %, south 0/4 = 0 %: no milestone.
	signMany(t, in, 1, 6, 2)
	assert.Equal(t, 0, in.Milestone())
	// 1 from south (hour 3): overall 7/8, south 1/4 = 25 %: 25 %.
	require.NoError(t, in.Sign(id(101), south, participation.SigningMethodOnline, at(3)))
	assert.Equal(t, 25, in.Milestone())
	// 2nd from south (hour 4): 8/8, 2/4 = 50 %.
	require.NoError(t, in.Sign(id(102), south, participation.SigningMethodOnline, at(4)))
	assert.Equal(t, 50, in.Milestone())
	assert.False(t, in.ThresholdMet())
	// 3rd (hour 5): 3/4 = 75 %; 4th (hour 6): every threshold met, 100 %.
	require.NoError(t, in.Sign(id(103), south, participation.SigningMethodOnline, at(5)))
	require.NoError(t, in.Sign(id(104), south, participation.SigningMethodOnline, at(6)))
	assert.Equal(t, 100, in.Milestone())
	assert.True(t, in.ThresholdMet())

	var got []participation.HistoryEntry
	for _, e := range in.History() {
		if e.Kind == participation.EventMilestone {
			got = append(got, e)
		}
	}
	assert.Equal(t, []participation.HistoryEntry{
		{Kind: participation.EventMilestone, At: at(3), Percent: 25},
		{Kind: participation.EventMilestone, At: at(4), Percent: 50},
		{Kind: participation.EventMilestone, At: at(5), Percent: 75},
		{Kind: participation.EventMilestone, At: at(6), Percent: 100},
	}, got)

	// A withdrawal takes south back to 3/4; the milestone stays, and
	// qualifying is refused until the area is met again.
	require.NoError(t, in.WithdrawSupport(id(104), at(7)))
	assert.Equal(t, 100, in.Milestone())
	require.ErrorIs(t, in.Qualify(at(8)), participation.ErrThresholdNotMet)
	require.NoError(t, in.Sign(id(104), south, participation.SigningMethodOnline, at(9)))
	assert.Len(t, in.History(), 2+4, "regaining a milestone does not repeat it")
	require.NoError(t, in.Qualify(at(10)))
}

// TestMilestoneSkips: one signature can pass several milestones (threshold
// 2: the first signature is 50 %, so it records 25 and 50 at once).
func TestMilestoneSkips(t *testing.T) {
	in := openInitiative(t, 2)
	signMany(t, in, 1, 1, 2)
	var percents []int
	for e := range in.Events() {
		percents = append(percents, e.Percent)
	}
	assert.Equal(t, []int{0, 0, 25, 50}, percents)
}

func TestWithdrawSupport(t *testing.T) {
	t.Run("refusals", func(t *testing.T) {
		tests := []struct {
			name   string
			person uuid.UUID
			when   time.Time
			want   error
		}{
			{"nil person", uuid.Nil, at(10), participation.ErrInvalid},
			{"never signed", id(9), at(10), participation.ErrNotSigned},
			{"before signing", id(1), at(4), participation.ErrTimeOrder},
			{"zero time", id(1), time.Time{}, participation.ErrTimeOrder},
			{"after the window", id(1), at(100), participation.ErrOutsideWindow},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				in := openInitiative(t, 4)
				signMany(t, in, 1, 2, 5)
				err := in.WithdrawSupport(tt.person, tt.when)
				require.ErrorIs(t, err, tt.want)
				var se *participation.SupportError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, 2, in.Count())
			})
		}
	})
	t.Run("not allowed by the rules", func(t *testing.T) {
		in := strictInitiative(t)
		require.NoError(t, in.Sign(id(1), adult, participation.SigningMethodOnline, at(5)))
		require.ErrorIs(t, in.WithdrawSupport(id(1), at(6)), participation.ErrWithdrawalNotAllowed)
		assert.Equal(t, 1, in.Count())
	})
	t.Run("withdraw and sign again", func(t *testing.T) {
		in := openInitiative(t, 4)
		signMany(t, in, 1, 3, 5)
		require.NoError(t, in.WithdrawSupport(id(1), at(6)))
		assert.Equal(t, 2, in.Count())
		_, ok := in.Signed(id(1))
		assert.False(t, ok)
		// The last support moved into the freed place.
		var order []uuid.UUID
		for s := range in.Supports() {
			order = append(order, s.Person)
		}
		assert.Equal(t, []uuid.UUID{id(3), id(2)}, order)
		require.ErrorIs(t, in.WithdrawSupport(id(1), at(7)), participation.ErrNotSigned)
		require.NoError(t, in.Sign(id(1), adult, participation.SigningMethodOffline, at(8)))
		s, ok := in.Signed(id(1))
		require.True(t, ok)
		assert.Equal(t, participation.SigningMethodOffline, s.Channel)
		assert.Equal(t, at(8), s.At)
	})
}

// TestStoreAgainstModel signs and withdraws thousands of people in a fixed
// pseudo-random order and checks the initiative against a plain map after
// every step: it exercises the hash index's growth and backward-shift
// deletion through the public API.
func TestStoreAgainstModel(t *testing.T) {
	in := newInitiative(t, 0)
	r := rules(1_000_000)
	r.Window = metrics.Period{}
	require.NoError(t, in.SetRules(r))
	require.NoError(t, in.Open(at(1)))
	model := map[uuid.UUID]bool{}
	x := uint32(12345)
	next := func() uint32 { // xorshift32: a fixed sequence
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return x
	}
	for step := range 20_000 {
		p := id(uint64(next()%3000) + 1)
		when := at(2 + step)
		if next()%3 == 0 {
			err := in.WithdrawSupport(p, when)
			if model[p] {
				require.NoError(t, err)
				delete(model, p)
			} else {
				require.ErrorIs(t, err, participation.ErrNotSigned)
			}
		} else {
			err := in.Sign(p, adult, participation.SigningMethodOnline, when)
			if model[p] {
				require.ErrorIs(t, err, participation.ErrAlreadySigned)
			} else {
				require.NoError(t, err)
				model[p] = true
			}
		}
		require.Equal(t, len(model), in.Count())
	}
	for n := range uint64(3001) {
		_, ok := in.Signed(id(n))
		require.Equal(t, model[id(n)], ok, "person %d", n)
	}
	var seen []uuid.UUID
	for s := range in.Supports() {
		seen = append(seen, s.Person)
	}
	assert.Len(t, seen, len(model))
	slices.SortFunc(seen, func(a, b uuid.UUID) int { return slices.Compare(a[:], b[:]) })
	assert.Len(t, slices.Compact(seen), len(model), "no support twice")
}

// TestConcurrentSigning shows the concurrency contract: an Initiative is
// not safe for concurrent use, so eight goroutines share one mutex. Each
// signs 1,000 people of its own and the same 1,000 shared people as every
// other goroutine. Exactly 9,000 distinct people sign; each shared person
// is accepted once and refused with ErrAlreadySigned seven times. Run it
// with -race.
func TestConcurrentSigning(t *testing.T) {
	const goroutines, own, shared = 8, 1000, 1000
	in := openInitiative(t, 1_000_000)
	var (
		mu                sync.Mutex
		wg                sync.WaitGroup
		accepted, refused [goroutines]int
		unexpected        [goroutines]error
		sign              = func(p uuid.UUID) error {
			mu.Lock()
			defer mu.Unlock()
			return in.Sign(p, adult, participation.SigningMethodOnline, at(5))
		}
	)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range own + shared {
				// Shared people 1..1000, the same for every goroutine, each
				// starting at a different one so that they collide.
				p := id(uint64((i+125*g)%shared) + 1)
				if i >= shared {
					p = id(uint64(100_000*(g+1) + i))
				}
				switch err := sign(p); {
				case err == nil:
					accepted[g]++
				case errors.Is(err, participation.ErrAlreadySigned):
					refused[g]++
				default:
					unexpected[g] = err
				}
			}
		}()
	}
	wg.Wait()
	var acc, ref int
	for g := range goroutines {
		require.NoError(t, unexpected[g])
		acc += accepted[g]
		ref += refused[g]
	}
	// 8 × 1000 own + 1000 shared accepted; 7 × 1000 shared refused.
	assert.Equal(t, goroutines*own+shared, in.Count())
	assert.Equal(t, goroutines*own+shared, acc)
	assert.Equal(t, (goroutines-1)*shared, ref)
}

// TestTooManyCategories: the store indexes sex categories in 8 bits; the
// 256th distinct one (after "" and 254 others) is refused, changing nothing.
func TestTooManyCategories(t *testing.T) {
	in := openInitiative(t, 0)
	p := adult
	for i := range 255 {
		p.Sex = "s" + strconv.Itoa(i)
		require.NoError(t, in.Sign(id(uint64(i+1)), p, participation.SigningMethodOnline, at(2)))
	}
	p.Sex = "one too many"
	err := in.Sign(id(1000), p, participation.SigningMethodOnline, at(2))
	require.ErrorIs(t, err, participation.ErrTooManyCategories)
	assert.Equal(t, 255, in.Count())
	p.Sex = "s0" // a known category still signs
	require.NoError(t, in.Sign(id(1000), p, participation.SigningMethodOnline, at(2)))
}
