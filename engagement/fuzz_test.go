package engagement_test

import (
	"testing"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/internal/fixture"
	"github.com/civitas-go/civitas/internal/enum"
	"github.com/civitas-go/civitas/metrics"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// FuzzUnmarshalProcess decodes arbitrary bytes as a process. Decoding must
// never panic, and a document it accepts must encode to a document that
// decodes again to the same bytes: decoding never yields a process its own
// encoding cannot reproduce.
func FuzzUnmarshalProcess(f *testing.F) {
	f.Add(marshal(f, fixture.RichProcess(f)))
	f.Add(marshal(f, sameInstant(f)))
	for _, s := range engagement.States() {
		f.Add(marshal(f, fixture.InState(f, s)))
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`null`))
	f.Fuzz(fuzzDecode)
}

// FuzzParse parses arbitrary text with every enum parser of the package. A
// parse must never panic, and text it accepts is exactly the value's name under the one matching rule (enum.Key).
func FuzzParse(f *testing.F) {
	for _, s := range []string{"consult", "citizens_assembly", "two_way", "", "Open", "partly_accepted", "x\x00"} {
		f.Add(s)
	}
	parsers := []func(string) (string, string, error){
		parser(engagement.ParseLevel), parser(engagement.ParsePhaseKind), parser(engagement.ParseState),
		parser(engagement.ParseEvent), parser(engagement.ParseCommunication), parser(engagement.ParseMethod),
		parser(engagement.ParseMedium), parser(engagement.ParseContributionKind),
		parser(engagement.ParseResponseKind), parser(engagement.ParsePublicationKind), parser(engagement.ParseCommitmentStatus),
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

// parser adapts a ParseX function: it returns the parsed value's String and
// MarshalText.
func parser[E interface {
	String() string
	MarshalText() ([]byte, error)
}](parse func(string) (E, error)) func(string) (string, string, error) {
	return func(s string) (string, string, error) {
		v, err := parse(s)
		if err != nil {
			return "", "", err
		}
		b, err := v.MarshalText()
		return v.String(), string(b), err
	}
}

// FuzzOperations reads arbitrary bytes as a script of method calls on one
// process, many of them at the same instant, ignoring the calls the process
// refuses. Whatever the script, the process must decode from its own JSON
// to the same bytes: the replay in decoding finds an order for any record a
// script can produce.
func FuzzOperations(f *testing.F) {
	// A whole process at one instant, then the same an hour apart each.
	life := []byte{0, 0, 1, 0, 7, 0, 7, 1, 8, 1, 9, 1, 9, 0, 14, 0, 14, 1, 15, 0, 15, 1, 16, 1, 10, 0, 11, 9, 12, 0, 13, 0,
		2, 0, 3, 0, 17, 0, 17, 1, 4, 0, 20, 0, 19, 1, 5, 0}
	var sameInstant, hourly []byte
	for i := 0; i+1 < len(life); i += 2 {
		sameInstant = append(sameInstant, life[i], life[i+1], 0)
		hourly = append(hourly, life[i], life[i+1], 1)
	}
	f.Add(sameInstant)
	f.Add(hourly)
	f.Add([]byte{10, 0, 0, 11, 0, 1, 12, 0, 0, 13, 0, 1, 0, 0, 0, 6, 0, 0})
	f.Fuzz(func(t *testing.T, script []byte) {
		requireStableJSON(t, scriptedProcess(t, script))
	})
}

// scriptedProcess runs script on a fresh process, three bytes a call: the
// operation, its argument, and a tick whose low bit moves the clock on by an
// hour after the call, so that many calls share an instant.
func scriptedProcess(t *testing.T, script []byte) *engagement.Process {
	at := fixture.Created
	p := fixture.LooseProcess(t)
	acts := []engagement.ActivitySpec{
		{ID: fixture.ID(10), Title: "Open house", Method: engagement.MethodOpenHouse},
		{ID: fixture.ID(11), Title: "Workshop", Method: engagement.MethodWorkshop, RegistrationRequired: true},
		{ID: fixture.ID(12), Title: "Survey", Method: engagement.MethodSurvey},
	}
	aud, err := engagement.NewAudience("everyone")
	require.NoError(t, err)
	contributions := 0
	for ; len(script) >= 3; script = script[3:] {
		op, arg := script[0], int(script[1])
		c := fixture.ID(1000 + arg%max(contributions, 1))
		commit := fixture.ID(40 + arg%2)
		_ = runOp(p, op%21, arg, at, acts, aud, c, commit, &contributions)
		if script[2]&1 == 1 {
			at = at.Add(time.Hour)
		}
	}
	return p
}

// runOp makes call op of a script; see scriptedProcess.
func runOp(p *engagement.Process, op byte, arg int, at time.Time, acts []engagement.ActivitySpec, aud engagement.Audience,
	c, commit uuid.UUID, contributions *int) error {
	who := fixture.Person(arg % 4)
	act := acts[arg%len(acts)]
	switch op {
	case 0:
		return p.Announce(at)
	case 1:
		return p.Open(at)
	case 2:
		return p.Close(at)
	case 3:
		return p.Decide(engagement.Decision{Outcome: "o", Rationale: "r", ShapedBy: []uuid.UUID{c}}, at)
	case 4:
		return p.StartImplementation(at)
	case 5:
		return p.Complete(at)
	case 6:
		return p.Cancel("stop", at)
	case 7:
		act.Start, act.End = at, at.Add(3*time.Hour)
		return p.AddActivity(act, at)
	case 8:
		return p.Register(act.ID, who, at)
	case 9:
		return p.Attend(act.ID, who, at)
	case 10:
		return p.AddCampaign(engagement.CampaignSpec{ID: fixture.ID(20 + arg%2), Name: "c", Medium: engagement.MediumPrint, Audience: aud}, at)
	case 11:
		return p.RecordReach(fixture.ID(20+arg%2), fixture.AudienceOf(int64(arg/2), int64(arg)), at)
	case 12:
		return p.AddMention(fixture.ID(20+arg%2), engagement.Clipping{Outlet: "o", Mention: metrics.Mention{Tone: metrics.ToneNeutral}}, at)
	case 13:
		return p.Publish(engagement.Publication{Kind: engagement.PublicationKindBackgroundInfo, Title: "t"}, at)
	case 14:
		var via uuid.UUID
		if arg%2 == 1 {
			via = act.ID
		}
		err := p.Contribute(engagement.Submission{ID: fixture.ID(1000 + *contributions), Participant: who, Kind: engagement.ContributionKindComment, Text: "x", Activity: via}, at)
		if err == nil {
			*contributions++
		}
		return err
	case 15:
		return p.Respond(c, engagement.Response{Kind: engagement.ResponseKindNoted, Responder: fixture.OfficerID}, at)
	case 16:
		return p.Rate(c, engagement.Quality{Substantive: true, Score: arg % 4})
	case 17:
		s := fixture.CommitmentSpec(commit)
		s.ShapedBy = []uuid.UUID{c}
		return p.AddCommitment(s, at)
	case 18:
		return p.CompleteMilestone(commit, []string{"Design", "Build"}[arg/2%2], at)
	case 19:
		return p.DropCommitment(commit, "dropped", at)
	case 20:
		if err := p.CompleteMilestone(commit, "Design", at); err != nil {
			return err
		}
		return p.CompleteMilestone(commit, "Build", at)
	}
	return nil
}
