package concerns_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder/concerns"
)

// bigRegister returns a register of n cases received an hour apart from t0,
// with varied stories: resolved, appealed then resolved, paused and
// rejected, referred, withdrawn, still open; 2,000 complainants, a tenth
// anonymous; one issue per 1,000 cases.
func bigRegister(b *testing.B, n int) *concerns.Register {
	b.Helper()
	r := newRegister(b)
	in := concerns.Assessment{Scope: concerns.ScopeIn}
	for i := 0; i < n; i++ {
		c := uuid.UUID{0: 0xb0, 12: byte(i >> 24), 13: byte(i >> 16), 14: byte(i >> 8), 15: byte(i)}
		d := details(0, 0)
		d.ID = c
		if i%10 != 0 {
			d.Complainant = concerns.Complainant{Disclosure: concerns.DisclosurePseudonymous, ID: uuid.UUID{0: 0xa0, 14: byte(i % 2000 >> 8), 15: byte(i % 2000)}}
		}
		at := t0.Add(time.Duration(i) * time.Hour)
		h := func(k int) time.Time { return at.Add(time.Duration(k) * 12 * time.Hour) }
		require.NoError(b, r.Receive(d, officer, at))
		var err error
		switch i % 6 {
		case 0, 1: // resolved
			err = firstErr(r.Acknowledge(c, officer, h(1)), r.Assess(c, in, officer, h(2)), r.Investigate(c, officer, h(3)),
				r.ProposeResolution(c, "Fix", officer, h(10+i%40)), r.Accept(c, officer, h(50)), r.Close(c, "", officer, h(60)))
		case 2: // appealed, resolved at level 2
			err = firstErr(r.Acknowledge(c, officer, h(5)), r.Assess(c, in, officer, h(5)), r.ProposeResolution(c, "Fix", officer, h(20)),
				r.Escalate(c, "Appeal", officer, h(22)), r.ProposeResolution(c, "Better fix", officer, h(30)),
				r.Accept(c, officer, h(31)), r.Close(c, "", officer, h(40)))
		case 3: // paused, rejected
			err = firstErr(r.Acknowledge(c, officer, h(1)), r.RequestInformation(c, "When?", officer, h(2)),
				r.ProvideInformation(c, "", officer, h(8)), r.Assess(c, in, officer, h(9)), r.ProposeResolution(c, "Fix", officer, h(30)),
				r.Close(c, "Rejected", officer, h(36)))
		case 4: // referred or withdrawn
			if i%12 == 4 {
				err = firstErr(r.Acknowledge(c, officer, h(1)),
					r.Assess(c, concerns.Assessment{Scope: concerns.ScopeOut, Reason: "Not ours", Referral: "Utility"}, officer, h(2)))
			} else {
				err = r.Withdraw(c, "", officer, h(1))
			}
		case 5: // open
			err = r.Acknowledge(c, officer, h(1+i%5))
		}
		require.NoError(b, err)
		if i%1000 == 0 {
			require.NoError(b, r.OpenIssue(concerns.IssueDetails{ID: uuid.UUID{0: 0xe0, 14: byte(i / 1000 >> 8), 15: byte(i / 1000)},
				Title: "Issue", Topic: "noise"}, officer, at))
		}
		require.NoError(b, r.AddToIssue(uuid.UUID{0: 0xe0, 14: byte(i / 1000 >> 8), 15: byte(i / 1000)}, c, officer, at))
	}
	return r
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkPerformance100k computes every figure of a register of 100,000
// cases (about 11.4 years of hourly cases, 640,000 history entries) for one
// year as of its end. Goal: under 50 ms.
func BenchmarkPerformance100k(b *testing.B) {
	r := bigRegister(b, 100_000)
	p := metrics.Period{Start: t0.AddDate(5, 0, 0), End: t0.AddDate(6, 0, 0)}
	now := t0.AddDate(12, 0, 0)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Performance(p, now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPerformance100kAllTime is the same over the unbounded period:
// every case counts for every figure.
func BenchmarkPerformance100kAllTime(b *testing.B) {
	r := bigRegister(b, 100_000)
	now := t0.AddDate(12, 0, 0)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Performance(metrics.Period{}, now); err != nil {
			b.Fatal(err)
		}
	}
}
