package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestQuickStartOutput runs the program and checks what it prints: a
// consult process that has answered nobody has reached only "informing".
func TestQuickStartOutput(t *testing.T) {
	out := captureStdout(t, main)
	assert.True(t, strings.HasPrefix(out, "promised consult (consultation); reached informing (tokenism)\n"), out)
	assert.Contains(t, out, "kept: input gathered: 1 contribution from 1 person\n")
	assert.Contains(t, out, "pending: input answered: 0 of 1 input answered\n")
}

// TestREADMEShowsThisProgram keeps the README's quick start true: its Go
// block must be this file, byte for byte.
func TestREADMEShowsThisProgram(t *testing.T) {
	src, err := os.ReadFile("main.go")
	require.NoError(t, err)
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	assert.Contains(t, string(readme), "```go\n"+string(src)+"```\n",
		"README.md's quick start must be examples/quickstart/main.go verbatim")
}

func captureStdout(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	require.NoError(t, err)
	stdout := os.Stdout
	os.Stdout = w
	defer func() { os.Stdout = stdout }()
	f()
	require.NoError(t, w.Close())
	var b bytes.Buffer
	_, err = io.Copy(&b, r)
	require.NoError(t, err)
	return b.String()
}
