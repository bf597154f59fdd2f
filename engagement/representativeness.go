package engagement

import (
	"fmt"
	"slices"
	"strings"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
)

// Representativeness answers "did we hear from everyone?" for the process:
// everyone who took part (contributed, registered or attended), counted by
// their profile's group in dimension d ([stakeholder.Profile.Group]), held
// against spec's population through the one publishing path of civitas,
// [metrics.PublishRepresentativeness], which suppresses small cells before
// any figure is derived. A participant with no value for d (an empty group)
// is counted as unclassified: shown and counted, never dropped, never an
// error.
//
// It returns an error wrapping [ErrInvalid] for an undeclared dimension, and
// the errors of metrics.PublishRepresentativeness (metrics.ErrEmpty for no
// population, metrics.ErrMismatchedGroups for a participant group the
// population lacks, naming it, …), wrapped with the dimension.
func (p *Process) Representativeness(d stakeholder.Dimension, spec metrics.RepresentativenessSpec) (metrics.Representativeness, error) {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	if !d.IsValid() {
		return metrics.Representativeness{}, fieldErr("dimension", d.String(), ErrInvalid)
	}
	counts := map[string]int64{}
	var unclassified int64
	for i := range p.participants {
		if g := p.participants[i].profile.Group(d); g != "" {
			counts[g]++
		} else {
			unclassified++
		}
	}
	groups := make([]metrics.GroupCount, 0, len(counts))
	for g, n := range counts {
		groups = append(groups, metrics.GroupCount{Group: g, Count: n})
	}
	// In label order, so that an error names the same group on every run.
	slices.SortFunc(groups, func(a, b metrics.GroupCount) int { return strings.Compare(a.Group, b.Group) })
	r, err := metrics.PublishRepresentativeness(groups, unclassified, spec)
	if err != nil {
		return metrics.Representativeness{}, fmt.Errorf("engagement: representativeness by %s: %w", d, err)
	}
	return r, nil
}
