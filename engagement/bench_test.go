package engagement_test

import (
	"encoding/binary"
	"testing"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// seqID returns a distinct ID for each n, cheaply.
func seqID(n uint64) uuid.UUID {
	var u uuid.UUID
	binary.BigEndian.PutUint64(u[8:], n)
	u[0] = 0xbe
	return u
}

// benchPeople returns n eligible participants with varied profiles.
func benchPeople(n int) []engagement.Participant {
	bands := []stakeholder.AgeBand{stakeholder.AgeBand18To24, stakeholder.AgeBand25To34, stakeholder.AgeBand35To44, stakeholder.AgeBand65To74}
	areas := []string{"north", "south"}
	out := make([]engagement.Participant, n)
	for i := range out {
		out[i] = engagement.Participant{ID: seqID(1<<40 + uint64(i)), Profile: stakeholder.Profile{
			AgeBand: bands[i%len(bands)], Area: areas[i%len(areas)], Resident: true}}
	}
	return out
}

// BenchmarkContribute records contributions from 100,000 people in turn, the
// hot path of a large online consultation. B/op includes the amortised
// growth of the compact store and its ID index.
func BenchmarkContribute(b *testing.B) {
	p := inState(b, engagement.StateOpen)
	people := benchPeople(100_000)
	at := p.LastChange()
	b.ReportAllocs()
	n := uint64(0)
	for b.Loop() {
		s := engagement.Submission{ID: seqID(n), Participant: people[n%uint64(len(people))], Kind: engagement.ContributionKindComment, Text: "More trees"}
		if err := p.Contribute(s, at); err != nil {
			b.Fatal(err)
		}
		n++
	}
}

// bigProcess returns an open process with n contributions from people
// participants, every other one answered.
func bigProcess(tb testing.TB, n, people int) *engagement.Process {
	p := inState(tb, engagement.StateOpen)
	who := benchPeople(people)
	at := p.LastChange()
	for i := range n {
		require.NoError(tb, p.Contribute(engagement.Submission{ID: seqID(uint64(i)), Participant: who[i%people], Kind: engagement.ContributionKindIdea, Text: "Benches"}, at))
	}
	for i := 0; i < n; i += 2 {
		require.NoError(tb, p.Respond(seqID(uint64(i)), engagement.Response{Kind: engagement.ResponseKindNoted, Responder: officerID}, at))
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
		if err := p.Respond(seqID(i), engagement.Response{Kind: engagement.ResponseKindAccepted, Responder: officerID}, at); err != nil {
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
