package engagement_test

import (
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/civitas-go/civitas/internal/enum"
	"github.com/civitas-go/civitas/participation"
	"github.com/stretchr/testify/require"
)

// FuzzParseReport parses arbitrary text with the parsers of the audit: a parse never panics, and text it accepts is exactly the
// value's name.
func FuzzParseReport(f *testing.F) {
	for _, s := range []string{"community_relations_officer", "p90_response_time", "input_answered", "kept", "", "Kept", "role\x00"} {
		f.Add(s)
	}
	parsers := []func(string) (string, string, error){
		parser(engagement.ParsePromiseElement),
		parser(engagement.ParsePromiseStatus),
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, parse := range parsers {
			name, text, err := parse(s)
			if err != nil {
				require.ErrorIs(t, err, engagement.ErrInvalid)
				continue
			}
			require.Equal(t, enum.Key(s), name, "accepted text names the value by the one rule")
			require.Equal(t, name, text)
		}
	})
}

// FuzzUnmarshalInitiatives decodes arbitrary bytes as a process, seeded
// with processes that took up initiatives: decoding never panics, and a
// document it accepts encodes to one that decodes to the same bytes.
func FuzzUnmarshalInitiatives(f *testing.F) {
	answered := fixture.InState(f, engagement.StateClosed)
	in := submitted(f)
	require.NoError(f, answered.TakeUp(in, fixture.Closed))
	require.NoError(f, answered.Decide(fixture.Decision(), fixture.Decided))
	require.NoError(f, answered.AnswerInitiative(in, participation.AnswerOutcomeAdopted, "Adopted", fixture.Decided.Add(time.Hour)))
	f.Add(marshal(f, answered))
	open := fixture.NewProcess(f)
	require.NoError(f, open.TakeUp(submitted(f), fixture.Created))
	f.Add(marshal(f, open))
	f.Fuzz(fuzzDecode)
}

// fuzzDecode decodes b as a process; when it is accepted, the process must
// encode to a document that decodes again to the same bytes: decoding never
// yields a process its own encoding cannot reproduce.
func fuzzDecode(t *testing.T, b []byte) {
	p, err := unmarshal(b)
	if err != nil {
		return
	}
	requireStableJSON(t, p)
}

// requireStableJSON requires that p's JSON decodes to a process whose JSON
// is the same bytes.
func requireStableJSON(t *testing.T, p *engagement.Process) {
	t.Helper()
	first := marshal(t, p)
	q, err := unmarshal(first)
	require.NoError(t, err, "decoding a process's own JSON")
	require.Equal(t, string(first), string(marshal(t, q)))
}

// FuzzOperationsInitiatives runs scripts of method calls as FuzzOperations
// does, with two more calls: take up one of two submitted petitions, and
// answer it. Whatever the script, the process decodes from its own JSON to
// the same bytes.
func FuzzOperationsInitiatives(f *testing.F) {
	// Take up both, then the whole lifecycle, answering both at decision.
	life := []byte{21, 0, 0, 21, 1, 0, 0, 0, 1, 1, 0, 1, 14, 0, 0, 15, 0, 0, 2, 0, 0, 3, 0, 0, 22, 0, 0, 22, 1, 1, 17, 0, 0,
		4, 0, 0, 20, 0, 0, 5, 0, 0}
	f.Add(life)
	f.Add([]byte{21, 0, 1, 0, 0, 1, 1, 0, 1, 2, 0, 1, 3, 0, 1, 22, 0, 1, 6, 0, 1})
	f.Fuzz(func(t *testing.T, script []byte) {
		in := []*participation.Initiative{submitted(t), petition(t, fixture.ID(902), cityBody, fixture.Date(time.February, 12))}
		at := fixture.Created
		p := fixture.LooseProcess(t)
		acts := []engagement.ActivitySpec{{ID: fixture.ID(10), Title: "Open house", Method: engagement.MethodOpenHouse}}
		aud, err := engagement.NewAudience("everyone")
		require.NoError(t, err)
		contributions := 0
		for ; len(script) >= 3; script = script[3:] {
			op, arg := script[0]%23, int(script[1])
			switch op {
			case 21:
				_ = p.TakeUp(in[arg%2], at)
			case 22:
				_ = p.AnswerInitiative(in[arg%2], participation.AnswerOutcome(arg%3+1), "", at)
			default:
				_ = runOp(p, op, arg, at, acts, aud, fixture.ID(1000+arg%max(contributions, 1)), fixture.ID(40+arg%2), &contributions)
			}
			if script[2]&1 == 1 {
				at = at.Add(time.Hour)
			}
		}
		requireStableJSON(t, p)
	})
}
