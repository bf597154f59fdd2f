package lp

// DetBits returns the bit length of the basis determinant: the size of the
// numbers the simplex works with.
func (m *Model) DetBits() int { return m.det.BitLen() }

// AdjDensity returns the share of non-zero entries of the basis inverse, in
// percent.
func (m *Model) AdjDensity() int {
	nz := 0
	for i := range m.adj {
		for k := range m.adj[i] {
			if m.adj[i][k].Sign() != 0 {
				nz++
			}
		}
	}
	if len(m.adj) == 0 {
		return 0
	}
	return 100 * nz / (len(m.adj) * len(m.adj))
}
