// Package scorecard holds a process's figures against documented targets:
// one scorecard for the process ([ForProcess]) and one for each of the six
// roles in the field ([ForRole]): the Civic Engagement Specialist, the
// Community Relations Manager, the Public Outreach Coordinator, the Public
// Engagement Coordinator, the Community Relations Officer and the Community
// Engagement Officer, each judged by its own success indicators.
//
// It reads what it needs and changes nothing: the process's read-only view
// ([engagement.Process.Tallies]), its campaigns and commitments, its
// published representativeness ([engagement.Process.Representativeness]),
// and, for the roles' figures, a stakeholder map with its interaction log
// (package stakeholder) and volunteering (package participation). Every
// figure is computed by package metrics, its one definition; a figure whose
// input the caller did not give is undefined, neither met nor missed.
// Nothing in civitas imports this package but programs.
//
// # One row per figure
//
// Everything about a figure is in one place: its [Figure] constant (whose
// doc says how it is counted and why its default target is what it is) and
// its row in the figures table, which holds its wire name, its label for
// people, its one-line definition, its unit, the direction in which it
// improves, whether the process scorecard shows it, the inputs it needs, its
// default target and the function that measures it. The roles' table lists
// the figures each role owns.
//
// # How to add a figure
//
// Add its constant at the end of the Figure constants, with a doc comment
// that defines it, and its row in figureTable (figures.go), indexed by the
// constant; add the constant to a role's row in roleTable (roles.go) if the
// role owns it. Nothing else changes: the enum's names, parsing, labels,
// units, the process scorecard's list and the measuring all read the row.
// For example, a figure for the share of contributions made online:
//
//	// FigureOnlineShare is the share of contributions made through an
//	// online method. Default target: at least 50 %.
//	FigureOnlineShare
//
//	FigureOnlineShare: {
//		name: "online_share", label: "Online share", definition: "contributions online / contributions",
//		unit: metrics.UnitPercent, better: metrics.PolarityHigherIsBetter,
//		target: atLeast(50),
//		measure: func(m *measure) (metrics.Measurement, error) {
//			online := … // read from m.t (the tallies) or m.p (the process's views)
//			return ratio(metrics.NewProportion(online, m.t.Contributions()))
//		},
//	},
//
// A figure that needs an input the caller may leave out (a stakeholder map,
// a bounded period, a population) says so in needs, and is undefined
// without it; its measure function is then only called when the input is
// there.
//
// # Conventions
//
// Errors of this package match [ErrInvalid] with errors.Is and arrive in a
// [*FieldError]; the errors of the packages a figure reads arrive wrapped
// with the figure's name and keep their own sentinels. Scorecards are
// values of package metrics ([metrics.Scorecard]) and round-trip through
// encoding/json there.
package scorecard
