#!/usr/bin/env python3
"""igraph's betweenness on the graph civitas's BenchmarkBetweenness uses.

    CIVITAS_GRAPH_OUT=/tmp/graph.txt go test ./stakeholder -run TestWriteBetweennessGraph -v -cpu 1
    python3 stakeholder/testdata/betweenness_igraph.py /tmp/graph.txt

Reads the edge list (first line: the number of nodes), builds an undirected
simple graph (several relationships between two stakeholders are one step,
as civitas counts them), and prints the CPU time of igraph's betweenness
(floating point) and the highest value, to compare with civitas's exact one.
"""
import sys
import time

import igraph


def main():
    with open(sys.argv[1]) as f:
        n = int(f.readline())
        edges = [tuple(map(int, line.split())) for line in f]
    g = igraph.Graph(n=n, edges=edges, directed=False)
    g.simplify()
    cpu, wall = time.process_time(), time.perf_counter()
    b = g.betweenness(directed=False)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    top = max(range(n), key=lambda v: b[v])
    print(f"igraph {igraph.__version__}: betweenness of {n} nodes: {cpu:.2f} s CPU, {wall:.2f} s wall; "
          f"highest {b[top]:.6f} (node {top})")


if __name__ == "__main__":
    main()
