package budgeting

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/civitas-go/civitas/internal/enum"
)

// TieBreak is how a rule orders projects its own criterion cannot tell apart
// (equal votes, an equal ρ, an equal load). A [Rule] applies a list of them
// in turn ([WithTieBreak]); the list always ends, in effect, with a total
// order: the rule's default, project ID for the research rules (as
// pabutools), PROJECTS row order for the official rules (as Pabulib's
// checker).
//
// The zero value is invalid.
type TieBreak int

const (
	// TieBreakRowOrder puts the project listed first in PROJECTS first, as
	// a stable sort does: what cities' greedy rules and Pabulib's checker use.
	TieBreakRowOrder TieBreak = iota + 1
	// TieBreakProjectID puts the project whose ID comes first as a string in
	// byte order first ("10" before "9"): what pabutools uses.
	TieBreakProjectID
	// TieBreakLowerCost puts the cheaper project first.
	TieBreakLowerCost
	// TieBreakMoreSupporters puts first the project more ballots list.
	TieBreakMoreSupporters
)

var tieBreaks = enum.New[TieBreak]("TieBreak", invalidName, "row_order", "project_id", "lower_cost", "more_supporters")

// TieBreaks returns every declared TieBreak, in declaration order.
func TieBreaks() []TieBreak { return tieBreaks.Values() }

// ParseTieBreak returns the TieBreak named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names, wrapping [ErrInvalid].
func ParseTieBreak(s string) (TieBreak, error) { return tieBreaks.Parse(s) }

// IsValid reports whether t is a declared TieBreak.
func (t TieBreak) IsValid() bool { return tieBreaks.Valid(t) }

// String returns the wire name, such as "row_order", or "TieBreak(n)" for an
// undeclared value.
func (t TieBreak) String() string { return tieBreaks.String(t) }

// Text returns the name for people, such as "row order".
func (t TieBreak) Text() string { return tieBreaks.Text(t) }

// MarshalText returns the wire name; an undeclared value is an error.
func (t TieBreak) MarshalText() ([]byte, error) { return tieBreaks.Marshal(t) }

// UnmarshalText parses a name as [ParseTieBreak] does, leaving t unchanged on error.
func (t *TieBreak) UnmarshalText(b []byte) error { return tieBreaks.Unmarshal(t, b) }

// maxTieBreaks is how many tie-breaks a rule holds: one of each kind.
const maxTieBreaks = 4

// tieOrder is a rule's list of tie-breaks, zero-terminated; the zero value
// means the rule's default.
type tieOrder [maxTieBreaks]TieBreak

// WithTieBreak sets how the rule breaks ties: by ts in turn, then by its
// default order (project ID for the research rules, row order for the
// official ones). [NewRule] and [NewOfficialRule] reject an undeclared or
// repeated tie-break with [ErrInvalidRule].
func WithTieBreak(ts ...TieBreak) Option {
	return func(r *Rule) {
		r.ties = tieOrder{}
		if len(ts) > maxTieBreaks || slices.Contains(ts, 0) {
			r.ties[0] = -1 // rejected by validate
			return
		}
		copy(r.ties[:], ts)
	}
}

// list returns the explicit tie-breaks.
func (o tieOrder) list() []TieBreak {
	n := 0
	for n < len(o) && o[n] != 0 {
		n++
	}
	return o[:n:n]
}

// validate rejects an undeclared or repeated tie-break.
func (o tieOrder) validate() error {
	l := o.list()
	for i, t := range l {
		if !t.IsValid() || slices.Contains(l[:i], t) {
			return errorf(ErrInvalidRule, "tie-break %s", t)
		}
	}
	for _, t := range o[len(l):] {
		if t != 0 {
			return errorf(ErrInvalidRule, "tie-break %s", t)
		}
	}
	return nil
}

// TieBreaks returns how the rule breaks ties, in turn: what [WithTieBreak]
// set, completed by the rule's default.
func (r Rule) TieBreaks() []TieBreak {
	out := slices.Clone(r.ties.list())
	if r.official == OfficialRuleEqualShares || r.official == OfficialRuleEqualSharesAdd1 ||
		r.official == OfficialRuleEqualSharesComparison || r.official == OfficialRuleEqualSharesAdd1Comparison {
		if len(out) == 0 {
			out = append(out, TieBreakLowerCost, TieBreakMoreSupporters)
		}
	}
	def := TieBreakProjectID
	if r.official != 0 {
		def = TieBreakRowOrder
	}
	if !slices.Contains(out, TieBreakRowOrder) && !slices.Contains(out, TieBreakProjectID) {
		out = append(out, def)
	}
	return out
}

// name returns the suffix of a rule's name that spells its explicit
// tie-breaks: "@lower_cost,row_order", or "" for the default.
func (o tieOrder) name() string { return o.join("@", TieBreak.String, ",", "") }

// text says how the rule breaks ties, for [Rule.Title]: "" for the
// default, else " (ties broken by lower cost, then row order)".
func (o tieOrder) text() string {
	return o.join(" (ties broken by ", TieBreak.Text, ", then ", ")")
}

// join spells the explicit tie-breaks by name, between prefix and suffix
// and separated by sep; "" for the default.
func (o tieOrder) join(prefix string, name func(TieBreak) string, sep, suffix string) string {
	l := o.list()
	if len(l) == 0 {
		return ""
	}
	names := make([]string, len(l))
	for i, t := range l {
		names[i] = name(t)
	}
	return prefix + strings.Join(names, sep) + suffix
}

// parseTieSuffix reads the suffix tieName writes.
func parseTieSuffix(s string) (Option, error) {
	var ts []TieBreak
	for _, part := range strings.Split(s, ",") {
		t, err := ParseTieBreak(part)
		if err != nil {
			return nil, errorf(ErrInvalidRule, "tie-break %q", part)
		}
		ts = append(ts, t)
	}
	return WithTieBreak(ts...), nil
}

// tieRank returns each project's position when ordered by the tie-breaks
// order, each a total or partial order, the last one total.
func tieRank(e *Election, order []TieBreak) []int32 {
	in := e.inst
	n := len(in.projects)
	var supporters []int64
	if slices.Contains(order, TieBreakMoreSupporters) {
		supporters = ballotsPerProject(e)
	}
	byRank := make([]int32, n)
	for i := range byRank {
		byRank[i] = int32(i)
	}
	slices.SortStableFunc(byRank, func(a, b int32) int {
		for _, t := range order {
			var c int
			switch t {
			case TieBreakRowOrder:
				c = cmp.Compare(a, b)
			case TieBreakProjectID:
				c = compareIDs(in.projects[a].ID, in.projects[b].ID)
			case TieBreakLowerCost:
				c = in.projects[a].Cost.Cmp(in.projects[b].Cost)
			case TieBreakMoreSupporters:
				c = cmp.Compare(supporters[b], supporters[a])
			}
			if c != 0 {
				return c
			}
		}
		return 0
	})
	rank := make([]int32, n)
	for r, p := range byRank {
		rank[p] = int32(r)
	}
	return rank
}

// ballotsPerProject counts the ballots that list each project.
func ballotsPerProject(e *Election) []int64 {
	out := make([]int64, len(e.inst.projects))
	for _, p := range e.prof.items {
		out[p]++
	}
	return out
}

// tieLog records the ties a run broke by rank alone: pairs (winner, loser)
// whose order decided something and that the rule's own criterion could not
// tell apart. It is nil when nobody asks.
type tieLog struct {
	pairs [][2]int32
	seen  map[[2]int32]bool
}

// add records that w was preferred to l by rank alone.
func (l *tieLog) add(w, lo int32) {
	if l == nil {
		return
	}
	k := [2]int32{w, lo}
	if l.seen[k] {
		return
	}
	if l.seen == nil {
		l.seen = map[[2]int32]bool{}
	}
	l.seen[k] = true
	l.pairs = append(l.pairs, k)
}

// tieLess reports whether a comes before b by rank, projects the rule's
// criterion ranks equal, and records the tie.
func (pe *prepared) tieLess(a, b int32) bool {
	if pe.rank[a] < pe.rank[b] {
		pe.ties.add(a, b)
		return true
	}
	pe.ties.add(b, a)
	return false
}

// setRank makes rank the order in which pe breaks ties.
func (pe *prepared) setRank(rank []int32) {
	pe.rank = rank
	for p, r := range rank {
		pe.byRank[r] = int32(p)
	}
}

// DefaultTieLimit is how many runs [Rule.TiedOutcomes] makes at most when
// given a limit of 0 or less.
const DefaultTieLimit = 1000

// TiedOutcomes returns every outcome the rule gives on e under some way of
// breaking its ties, instead of the one its tie-breaks pick: the rule's own
// outcome first, then each different outcome (a different set of funded
// projects) once. It reruns the rule, each time letting a project that lost
// a tie win it instead, until no new way of breaking the ties that mattered
// is left, or limit runs were made (0 or less: [DefaultTieLimit]).
//
// It returns the errors of [Rule.Run], and an error wrapping
// [ErrTooManyTies], with the outcomes found so far, when the limit is
// reached.
func (r Rule) TiedOutcomes(ctx context.Context, e *Election, limit int) ([]*Result, error) {
	if limit <= 0 {
		limit = DefaultTieLimit
	}
	if err := r.validate(); err != nil {
		return nil, err
	}
	if e == nil || e.inst == nil || e.prof == nil {
		return nil, errorf(ErrInvalid, "no election")
	}
	rank := tieRank(e, r.TieBreaks())
	order := make([]int32, len(rank))
	for p, k := range rank {
		order[k] = int32(p)
	}
	queue := [][]int32{order}
	visited := map[string]bool{orderKey(order): true}
	seen := map[string]bool{}
	var out []*Result
	for runs := 0; len(queue) > 0; runs++ {
		if runs == limit {
			return out, errorf(ErrTooManyTies, "%d runs found %d outcomes and more ways to break ties", limit, len(out))
		}
		order := queue[0]
		queue = queue[1:]
		rank := make([]int32, len(order))
		for k, p := range order {
			rank[p] = int32(k)
		}
		log := &tieLog{}
		res, err := r.run(ctx, e, rank, log)
		if err != nil {
			return out, err
		}
		if k := selectionKey(res.selected); !seen[k] {
			seen[k] = true
			out = append(out, res)
		}
		for _, pr := range log.pairs {
			next := promote(order, rank, pr[1], pr[0])
			if k := orderKey(next); !visited[k] {
				visited[k] = true
				queue = append(queue, next)
			}
		}
	}
	return out, nil
}

// promote returns order with project l moved just before project w.
func promote(order, rank []int32, l, w int32) []int32 {
	out := make([]int32, 0, len(order))
	for _, p := range order {
		if p == l {
			continue
		}
		if p == w {
			out = append(out, l)
		}
		out = append(out, p)
	}
	return out
}

// orderKey is a map key for an order of projects.
func orderKey(order []int32) string {
	var b strings.Builder
	for _, p := range order {
		b.WriteString(strconv.Itoa(int(p)))
		b.WriteByte(',')
	}
	return b.String()
}

// selectionKey is a map key for a set of funded projects.
func selectionKey(sel []int) string {
	s := slices.Clone(sel)
	slices.Sort(s)
	var b strings.Builder
	for _, p := range s {
		b.WriteString(strconv.Itoa(p))
		b.WriteByte(',')
	}
	return b.String()
}

// order sets how pe breaks ties for r: by rank when given, else by r's
// tie-breaks (nothing to do for the default, project ID), and records the
// ties broken in log.
func (pe *prepared) order(r Rule, rank []int32, log *tieLog) {
	pe.ties = log
	switch {
	case rank != nil:
		pe.setRank(rank)
	case r.ties != tieOrder{}:
		pe.setRank(tieRank(pe.e, r.TieBreaks()))
	}
}
