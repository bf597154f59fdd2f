package budgeting_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/budgeting"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// The ballot box's benchmarks: a million approval ballots of about five
// projects each, cast through the box with verification against a census
// of a million people (an HMAC-SHA256 pseudonym and a SHA-256 birth-date
// check) and every rule checked. The goal is at most 2 µs and 120 bytes
// retained per ballot, with margin: 1.5 µs and 100 bytes. Run them with
//
//	go test -run='^$' -bench=BoxCast -benchmem -cpu=1 ./engagement/budgeting/

// benchVoters is the size of the census and of the big box.
const benchVoters = 1_000_000

// benchSetup is a census, ballot rules and the ballots to cast.
type benchSetup struct {
	census *budgeting.Census
	rules  budgeting.BallotRules
	claims []budgeting.Claim
	votes  [][]string
}

// newBenchSetup builds the census of n people and 1,024 distinct ballots of
// 3 to 7 projects (5 on average) among 40, each costing 10,000 to 49,000 of
// a budget of 400,000, with a 5 % minimum share and the knapsack rule.
func newBenchSetup(b *testing.B, n int) benchSetup {
	b.Helper()
	records := make([]budgeting.CensusRecord, n)
	claims := make([]budgeting.Claim, n)
	for i := range records {
		doc := "ID" + strconv.Itoa(10_000_000+i)
		birth := fmt.Sprintf("19%02d-%02d-%02d", 30+i%70, 1+i%12, 1+i%28)
		records[i] = budgeting.CensusRecord{Document: doc, BirthDate: birth, Area: "district " + strconv.Itoa(i%12), Sex: "fm"[i%2 : i%2+1], Resident: true}
		claims[i] = budgeting.Claim{Document: doc, BirthDate: birth}
	}
	c, err := budgeting.NewCensus(secret, opens, records)
	require.NoError(b, err)
	projects := make([]budgeting.Project, 40)
	for i := range projects {
		projects[i] = budgeting.Project{ID: strconv.Itoa(i + 1), Cost: decimal.NewFromInt(int64(10_000 + 1_000*i))}
	}
	inst, err := budgeting.NewInstance(decimal.NewFromInt(400_000), budgeting.VoteTypeApproval, projects, meta("max_length", "10")...)
	require.NoError(b, err)
	rules, err := budgeting.NewBallotRules(inst, budgeting.BallotForm{MinBudgetShare: decimal.NewFromInt(5), Knapsack: true})
	require.NoError(b, err)
	rng := rand.New(rand.NewPCG(1, 2))
	votes := make([][]string, 1024)
	for k := range votes {
		for _, j := range rng.Perm(40)[:3+rng.IntN(5)] {
			votes[k] = append(votes[k], projects[j].ID)
		}
	}
	return benchSetup{census: c, rules: rules, claims: claims, votes: votes}
}

// box returns a new open box of the setup.
func (s benchSetup) box(b *testing.B) *budgeting.Box {
	box, err := budgeting.NewBox(budgeting.BoxSpec{Rules: s.rules, Verifier: s.census, Revote: budgeting.RevotePolicyLastCounts,
		Opens: opens, Eligibility: engagement.Eligibility{MinAge: 16}, Electorate: s.census.Len()})
	require.NoError(b, err)
	return box
}

// BenchmarkBoxCast casts one ballot per operation, each by the next person
// on the census, into a box that is replaced once it holds a million.
func BenchmarkBoxCast(b *testing.B) {
	s := newBenchSetup(b, benchVoters)
	box := s.box(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i == benchVoters {
			b.StopTimer()
			box, i = s.box(b), 0
			b.StartTimer()
		}
		c := budgeting.Cast{Claim: s.claims[i], Channel: budgeting.BallotChannelOnline, At: opens, Projects: s.votes[i&1023]}
		r, err := box.Cast(c)
		if err != nil || r.Status != budgeting.BallotStatusCounted {
			b.Fatal(err, r.Reason)
		}
		i++
	}
}

// BenchmarkBoxCastMillion casts a million ballots, one per person, and
// reports the time per ballot (ns/ballot), the CPU time per ballot
// (cpu-ns/ballot: the fairer figure on a machine other jobs keep busy,
// where wall-clock time is inflated) and the heap the full box retains per
// ballot after a garbage collection (retained-B/ballot).
func BenchmarkBoxCastMillion(b *testing.B) {
	s := newBenchSetup(b, benchVoters)
	b.ReportAllocs()
	var retained float64
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		b.StartTimer()
		start := processCPU()
		box := s.box(b)
		at := opens
		for i := range benchVoters {
			r, err := box.Cast(budgeting.Cast{Claim: s.claims[i], Channel: budgeting.BallotChannelOnline, At: at, Projects: s.votes[i&1023]})
			if err != nil || r.Status != budgeting.BallotStatusCounted {
				b.Fatal(err, r.Reason)
			}
			at = at.Add(time.Millisecond)
		}
		cpu += processCPU() - start
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&after)
		retained = float64(after.HeapAlloc-before.HeapAlloc) / benchVoters
		runtime.KeepAlive(box)
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchVoters, "ns/ballot")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/benchVoters, "cpu-ns/ballot")
	b.ReportMetric(retained, "retained-B/ballot")
}
