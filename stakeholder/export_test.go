package stakeholder

import (
	"context"
	"math/big"
)

// BetweennessExact returns the fast exact betweenness of every stakeholder,
// in map order, unrounded.
func BetweennessExact(m *Map) []*big.Rat {
	out, _ := m.network().betweenness(context.Background())
	return out
}

// BetweennessReference returns the same from the plain math/big version of
// Brandes' algorithm, the reference the fast one is tested against.
func BetweennessReference(m *Map) []*big.Rat {
	out, _ := m.network().betweennessBig(context.Background())
	return out
}

// BetweennessReferenceContext is BetweennessReference under ctx.
func BetweennessReferenceContext(ctx context.Context, m *Map) ([]*big.Rat, error) {
	return m.network().betweennessBig(ctx)
}
