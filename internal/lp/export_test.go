package lp

import "math/big"

// ImprovingLP is improvingLP, for the tests.
func (s *Selection) ImprovingLP(weights []*big.Int, threshold *big.Int, most int) ([]Pick, error) {
	return s.improvingLP(weights, threshold, most)
}

// VerifyFloat is verifyFloat, for the tests.
func (m *Model) VerifyFloat() bool { return m.verifyFloat() }
