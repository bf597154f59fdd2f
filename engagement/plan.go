package engagement

import (
	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
)

// RecommendLevel returns the IAP2 level at which a public body should engage
// a stakeholder, from its quadrant on Mendelow's power/interest grid and its
// salience class (Mitchell, Agle & Wood 1997). The quadrant gives a range
// and the salience picks its end:
//
//	quadrant        usual level   raised level
//	manage closely  involve       collaborate
//	keep satisfied  consult       involve
//	keep informed   inform        involve
//	monitor         inform        consult
//
// The usual levels follow the strategy of each quadrant (Mendelow 1991, in
// the wording of the PMBOK Guide and of Johnson & Scholes): key players are
// managed closely, so the body works with them throughout (involve);
// stakeholders with power but little interest are kept satisfied, so their
// views are sought (consult); those with interest but little power are kept
// informed, and the crowd is monitored with the least effort (inform).
//
// A stakeholder is raised to the top of its range when its claim is
// legitimate and holds at least one other attribute: dominant (power and
// legitimacy), dependent (legitimacy and urgency) or definitive (all three).
// Mitchell, Agle & Wood find that salience grows with the number of
// attributes, and legitimacy is what makes a claim proper for the body to
// share its decision with: residents next to a park with an urgent,
// legitimate claim but no power (dependent) are involved, not merely told.
// A dangerous stakeholder (power and urgency without legitimacy) is not
// raised: deeper engagement would reward coercion. An undeclared quadrant or
// class counts as monitor and not raised.
//
// The result is never [Empower]: handing the final decision to the public is
// a choice the body makes for a process as a whole, not a way of managing
// one stakeholder.
func RecommendLevel(q stakeholder.Quadrant, c stakeholder.SalienceClass) Level {
	usual, raised := LevelInform, LevelConsult
	switch q {
	case stakeholder.QuadrantManageClosely:
		usual, raised = LevelInvolve, LevelCollaborate
	case stakeholder.QuadrantKeepSatisfied:
		usual, raised = LevelConsult, LevelInvolve
	case stakeholder.QuadrantKeepInformed:
		usual, raised = LevelInform, LevelInvolve
	}
	if c.IsValid() && c.Legitimacy() && c.Attributes() >= 2 {
		return raised
	}
	return usual
}

// RecommendMethods returns the methods that first serve level l (those whose
// [Method.MinLevel] is l, in declaration order) and suit a stakeholder of
// kind k. Citizens' panels, citizens' assemblies and deliberative polls draw
// individuals by lot (OECD 2020, Innovative Citizen Participation and New
// Democratic Institutions), so they are left out for an organisation: any
// kind but resident, voter and community activist. An undeclared level
// returns nil.
func RecommendMethods(l Level, k stakeholder.Kind) []Method {
	var out []Method
	for _, m := range Methods() {
		if m.MinLevel() == l && (individual(k) || !byLot(m)) {
			out = append(out, m)
		}
	}
	return out
}

// individual reports whether stakeholders of kind k are single people.
func individual(k stakeholder.Kind) bool {
	return k == stakeholder.KindResident || k == stakeholder.KindVoter || k == stakeholder.KindCommunityActivist
}

// byLot reports whether m selects its participants by lot.
func byLot(m Method) bool {
	return m == MethodCitizensPanel || m == MethodCitizensAssembly || m == MethodDeliberativePoll
}

// Recommendation is a plan's advice for one stakeholder: where the map
// places it, the level and methods to engage it with, and whom the
// process's activities and campaigns actually reach. It is plain data.
type Recommendation struct {
	// Stakeholder is the stakeholder's ID on the map.
	Stakeholder uuid.UUID
	// Name is the stakeholder's name.
	Name string
	// Kind is what sort of party it is.
	Kind stakeholder.Kind
	// Quadrant is its place on the power/interest grid.
	Quadrant stakeholder.Quadrant
	// Salience is its salience class.
	Salience stakeholder.SalienceClass
	// Level is the recommended IAP2 level (see [RecommendLevel]).
	Level Level
	// Methods are the recommended methods (see [RecommendMethods]).
	Methods []Method
	// Key reports a key stakeholder, one the coverage report names when no
	// activity reaches it: a key player (manage closely) or a definitive
	// stakeholder.
	Key bool
	// ReachedBy lists the IDs of the activities, then the campaigns, whose
	// audience names the stakeholder, in the order they were added.
	ReachedBy []uuid.UUID
	// Deepest is the highest level among what reaches it: the lowest level
	// of each activity's method ([Method.MinLevel]), and inform for a
	// campaign, which is one-way outreach; 0 when nothing reaches it.
	Deepest Level
}

// Reached reports whether an activity or a campaign names the stakeholder
// in its audience.
func (r Recommendation) Reached() bool { return len(r.ReachedBy) > 0 }

// Shallow reports whether the stakeholder is reached, but by nothing that
// serves its recommended level: a key player the body only sends leaflets.
func (r Recommendation) Shallow() bool { return r.Reached() && r.Deepest < r.Level }

// Plan is the engagement plan a process derives from a stakeholder map: one
// [Recommendation] per stakeholder, the ones that need the most attention
// first ([stakeholder.Grid.ComparePriority]). The authority's own stakeholder
// is left out: the body does not engage itself. Plan is plain data; the zero
// value recommends nothing.
type Plan struct {
	// Process is the ID of the process the plan is for.
	Process uuid.UUID
	// Grid is the power/interest grid the quadrants were read on.
	Grid stakeholder.Grid
	// Recommendations holds one entry per stakeholder, in priority order.
	Recommendations []Recommendation
}

// Plan returns the engagement plan for the stakeholders of m, read on grid
// g, with whom the process's activities and campaigns reach as they stand.
// A stakeholder is reached when an audience names its ID: a segment
// described in words is no evidence that a particular stakeholder was
// reached (see [Audience.Reaches]). It returns an error wrapping
// [ErrInvalid] for a nil map.
func (p *Process) Plan(m *stakeholder.Map, g stakeholder.Grid) (Plan, error) {
	p.use.BeginRead(misuse)
	defer p.use.EndRead()
	if m == nil {
		return Plan{}, fieldErr("map", "nil", ErrInvalid)
	}
	pl := Plan{Process: p.ID(), Grid: g}
	for _, s := range m.Prioritised(g) {
		if s.ID() == p.Authority().Stakeholder() {
			continue
		}
		q, c := g.Quadrant(s), s.Salience()
		l := RecommendLevel(q, c)
		r := Recommendation{Stakeholder: s.ID(), Name: s.Name(), Kind: s.Kind(), Quadrant: q, Salience: c,
			Level: l, Methods: RecommendMethods(l, s.Kind()), Key: q == stakeholder.QuadrantManageClosely || c == stakeholder.SalienceClassDefinitive}
		for a := range p.Activities() {
			if a.Audience().Reaches(s.ID()) {
				r.ReachedBy = append(r.ReachedBy, a.ID())
				r.Deepest = max(r.Deepest, a.Method().MinLevel())
			}
		}
		for c := range p.Campaigns() {
			if c.Audience().Reaches(s.ID()) {
				r.ReachedBy = append(r.ReachedBy, c.ID())
				r.Deepest = max(r.Deepest, LevelInform)
			}
		}
		pl.Recommendations = append(pl.Recommendations, r)
	}
	return pl, nil
}

// Coverage is the plan's coverage report: how many key stakeholders (key
// players and definitive stakeholders, see [Recommendation.Key]) the
// process reaches, and which it does not reach at all or reaches only below
// their recommended level. It is plain data.
type Coverage struct {
	// Reached is the key stakeholders reached over the key stakeholders.
	Reached metrics.Ratio
	// Unreached lists the key stakeholders no activity or campaign reaches,
	// in priority order.
	Unreached []Recommendation
	// Shallow lists the key stakeholders reached only below their
	// recommended level, in priority order.
	Shallow []Recommendation
}

// Coverage returns the coverage report of the plan. With no key
// stakeholder, Reached is the undefined ratio 0/0.
func (pl Plan) Coverage() Coverage {
	var c Coverage
	var key, reached int64
	for _, r := range pl.Recommendations {
		if !r.Key {
			continue
		}
		key++
		switch {
		case !r.Reached():
			c.Unreached = append(c.Unreached, r)
		case r.Shallow():
			reached++
			c.Shallow = append(c.Shallow, r)
		default:
			reached++
		}
	}
	// reached ≤ key, both counts: NewProportion cannot fail.
	c.Reached, _ = metrics.NewProportion(reached, key)
	return c
}
