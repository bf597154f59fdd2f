package stakeholder_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// TestWriteBetweennessGraph writes the benchmark map's network as an edge
// list (one "a b" line per relationship, stakeholders numbered in map
// order) for stakeholder/testdata/betweenness_igraph.py, and prints the CPU
// time civitas's exact betweenness takes on it, when
// CIVITAS_GRAPH_OUT names a file:
//
//	CIVITAS_GRAPH_OUT=/tmp/graph.txt go test ./stakeholder -run TestWriteBetweennessGraph -v -cpu 1
//	python3 stakeholder/testdata/betweenness_igraph.py /tmp/graph.txt
func TestWriteBetweennessGraph(t *testing.T) {
	out := os.Getenv("CIVITAS_GRAPH_OUT")
	if out == "" {
		t.Skip("set CIVITAS_GRAPH_OUT=FILE to write the benchmark graph for stakeholder/testdata/betweenness_igraph.py")
	}
	m := benchMap()
	index := map[uuid.UUID]int{}
	for s := range m.All() {
		index[s.ID()] = len(index)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d\n", len(index))
	for r := range m.Relationships() {
		fmt.Fprintf(&b, "%d %d\n", index[r.From], index[r.To])
	}
	require.NoError(t, os.WriteFile(out, []byte(b.String()), 0o644))

	cpu := func() time.Duration {
		var ru syscall.Rusage
		require.NoError(t, syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	before, wall := cpu(), time.Now()
	got, err := m.BetweennessContext(context.Background())
	require.NoError(t, err)
	used, elapsed := cpu()-before, time.Since(wall)
	top := got[0]
	for _, c := range got {
		if c.Betweenness.GreaterThan(top.Betweenness) {
			top = c
		}
	}
	fmt.Printf("civitas: exact betweenness of %d stakeholders: %.2f s CPU, %.2f s wall (GOMAXPROCS as set by -cpu); highest %s (node %d)\n",
		len(got), used.Seconds(), elapsed.Seconds(), top.Betweenness, index[top.Stakeholder.ID()])
}
