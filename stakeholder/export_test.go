package stakeholder

import "math/big"

// BetweennessExact returns the fast exact betweenness of every stakeholder,
// in map order, unrounded.
func BetweennessExact(m *Map) []*big.Rat { return m.network().betweenness() }

// BetweennessReference returns the same from the plain math/big version of
// Brandes' algorithm, the reference the fast one is tested against.
func BetweennessReference(m *Map) []*big.Rat { return m.network().betweennessBig() }
