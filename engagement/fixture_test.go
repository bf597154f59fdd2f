package engagement_test

import (
	"encoding/json"
	"regexp"
	"testing"

	"github.com/civitas-go/civitas/engagement"
	"github.com/stretchr/testify/require"
)

// marshal returns the process's JSON.
func marshal(t testing.TB, p *engagement.Process) []byte {
	t.Helper()
	b, err := json.Marshal(p)
	require.NoError(t, err)
	return b
}

// seqField matches a change number of the wire form and the comma before
// it.
var seqField = regexp.MustCompile(`,"(seq|registered_seq|attended_seq|done_seq|drop_seq)":\d+`)

// legacy returns the document as written before changes were numbered:
// without any "seq".
func legacy(b []byte) []byte { return seqField.ReplaceAll(b, nil) }

// unmarshal decodes a process.
func unmarshal(b []byte) (*engagement.Process, error) {
	var p engagement.Process
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, err
	}
	return &p, nil
}
