package stakeholder_test

import (
	"testing"

	"github.com/civitas-go/civitas/internal/zerocheck"
	"github.com/civitas-go/civitas/stakeholder"
)

// TestZeroValues calls every method of the zero value of every exported
// type: each works or returns an error, none panics, and every error's
// Error works on a nil receiver.
func TestZeroValues(t *testing.T) {
	zerocheck.Methods(t,
		stakeholder.Kind(0), stakeholder.Attitude(0), stakeholder.Score(0), stakeholder.FieldError{},
		stakeholder.Centrality{}, stakeholder.Quadrant(0), stakeholder.Grid{}, stakeholder.Channel(0),
		stakeholder.Direction(0), stakeholder.Interaction{}, stakeholder.Responsiveness{}, stakeholder.Map{},
		stakeholder.Filter(nil), stakeholder.AgeBand(0), stakeholder.Profile{}, stakeholder.Dimension(0),
		stakeholder.RelationType(0), stakeholder.Relationship{}, stakeholder.SalienceClass(0),
		stakeholder.Assessment{}, stakeholder.Details{}, stakeholder.Stakeholder{},
	)
	zerocheck.NilErrors(t, (*stakeholder.FieldError)(nil))
}
