package engagement_test

import (
	"testing"

	"github.com/civitas-go/civitas/engagement"
	"github.com/stretchr/testify/require"
)

// FuzzUnmarshalProcess decodes arbitrary bytes as a process. Decoding must
// never panic, and a document it accepts must encode to a document that
// decodes again to the same bytes: decoding never yields a process its own
// encoding cannot reproduce.
func FuzzUnmarshalProcess(f *testing.F) {
	f.Add(marshal(f, richProcess(f)))
	f.Add(marshal(f, sameInstant(f)))
	for _, s := range engagement.States() {
		f.Add(marshal(f, inState(f, s)))
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := unmarshal(b)
		if err != nil {
			return
		}
		first := marshal(t, p)
		q, err := unmarshal(first)
		require.NoError(t, err, "a decoded process encodes to a valid document")
		require.Equal(t, string(first), string(marshal(t, q)))
	})
}

// FuzzParse parses arbitrary text with every enum parser of the package. A
// parse must never panic, and text it accepts is exactly the value's name.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"consult", "citizens_assembly", "two_way", "", "Open", "partly_accepted", "x\x00"} {
		f.Add(s)
	}
	parsers := []func(string) (string, string, error){
		parser(engagement.ParseLevel), parser(engagement.ParsePhaseKind), parser(engagement.ParseState),
		parser(engagement.ParseEvent), parser(engagement.ParseDirection), parser(engagement.ParseMethod),
		parser(engagement.ParseChannel), parser(engagement.ParseTone), parser(engagement.ParseContributionKind),
		parser(engagement.ParseResponseKind), parser(engagement.ParsePublicationKind), parser(engagement.ParseCommitmentStatus),
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, parse := range parsers {
			name, text, err := parse(s)
			if err != nil {
				require.ErrorIs(t, err, engagement.ErrInvalid)
				continue
			}
			require.Equal(t, s, name)
			require.Equal(t, s, text)
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
