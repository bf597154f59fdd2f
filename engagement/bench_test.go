package engagement_test

import (
	"testing"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/stretchr/testify/require"
)

// BenchmarkContribute records contributions from 100,000 people in turn, the
// hot path of a large online consultation. B/op includes the amortised
// growth of the compact store and its ID index.
func BenchmarkContribute(b *testing.B) {
	p := fixture.InState(b, engagement.StateOpen)
	people := fixture.BenchPeople(100_000)
	at := p.LastChange()
	b.ReportAllocs()
	n := uint64(0)
	for b.Loop() {
		s := engagement.Submission{ID: fixture.SeqID(n), Participant: people[n%uint64(len(people))], Kind: engagement.ContributionKindComment, Text: "More trees"}
		if err := p.Contribute(s, at); err != nil {
			b.Fatal(err)
		}
		n++
	}
}

// bigProcess returns an open process with n contributions from people
// participants, every other one answered.
func bigProcess(tb testing.TB, n, people int) *engagement.Process {
	p := fixture.InState(tb, engagement.StateOpen)
	who := fixture.BenchPeople(people)
	at := p.LastChange()
	for i := range n {
		require.NoError(tb, p.Contribute(engagement.Submission{ID: fixture.SeqID(uint64(i)), Participant: who[i%people], Kind: engagement.ContributionKindIdea, Text: "Benches"}, at))
	}
	for i := 0; i < n; i += 2 {
		require.NoError(tb, p.Respond(fixture.SeqID(uint64(i)), engagement.Response{Kind: engagement.ResponseKindNoted, Responder: fixture.OfficerID}, at))
	}
	return p
}

// BenchmarkRespond answers contributions of a 100,000-contribution process.
func BenchmarkRespond(b *testing.B) {
	const n = 100_000
	p := bigProcess(b, n, 10_000)
	at := p.LastChange()
	b.ReportAllocs()
	i := uint64(1)
	for b.Loop() {
		if i >= n {
			b.StopTimer()
			p = bigProcess(b, n, 10_000)
			i = 1
			b.StartTimer()
		}
		if err := p.Respond(fixture.SeqID(i), engagement.Response{Kind: engagement.ResponseKindAccepted, Responder: fixture.OfficerID}, at); err != nil {
			b.Fatal(err)
		}
		i += 2
	}
}

// BenchmarkJSON encodes and decodes a process with 10,000 contributions from
// 1,000 people.
func BenchmarkJSON(b *testing.B) {
	p := bigProcess(b, 10_000, 1_000)
	data := marshal(b, p)
	b.Run("marshal", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			marshal(b, p)
		}
	})
	b.Run("unmarshal", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := unmarshal(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}
