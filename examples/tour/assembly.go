package main

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/civitas-go/civitas/engagement/scorecard"
	"github.com/civitas-go/civitas/internal/riverside"
	"github.com/civitas-go/civitas/metrics"
)

// newAssembly selects the assembly once per run of the program: the exact
// leximin distribution takes a second or two, the tests tell the tour many
// times, and nothing in the result changes between tellings (sortition's own
// tests hold that the same inputs give the same distribution and draw). The
// tour only reads the assembly.
var newAssembly = sync.OnceValues(riverside.NewAssembly)

// assembly tells the river-front citizens' assembly: a panel drawn by lot
// from volunteers, under quotas, as fairly as the quotas allow and by a
// draw anyone can redo.
func (st *story) assembly() error {
	a, err := newAssembly()
	if err != nil {
		return err
	}
	d, pool := a.Distribution, a.Pool
	panels := riverside.Grouped(int64(a.Lottery.Len()))
	s, answers := st.section("A citizens' assembly drawn by lot: fair to every volunteer, and checkable",
		fmt.Sprintf("For the river front the council wants more than a consultation: %d residents who meet over four weekends, hear "+
			"experts, deliberate and recommend (a citizens' assembly; the OECD counted hundreds by 2020). The members are drawn "+
			"by lot from volunteers, so that the panel meets quotas on sex, age, area and education at once, while every "+
			"volunteer's chance is as equal as the quotas allow: the leximin distribution of Flanigan, Gölz, Gupta, Hennig "+
			"and Procaccia (Nature, 2021), computed exactly, then rounded to a lottery of %s panels published before the "+
			"draw (Fair sortition made transparent, NeurIPS 2021).", a.Spec.PanelSize, panels))

	women := 0
	for i := range pool.Len() {
		if v, _ := pool.Value(i, "sex"); v == "female" {
			women++
		}
	}
	n := big.NewRat(int64(a.Spec.PanelSize), int64(pool.Len()))
	s.say("%d residents volunteered after the invitation letters; like every such pool it leans older, female (%d of %d) and "+
		"more educated than the town, which is why a plain draw from it would not do. If everyone could have the same chance, "+
		"it would be %s each (%s).",
		pool.Len(), women, pool.Len(), n.RatString(), ratPercent(n))

	inPanel := map[string]bool{}
	for _, id := range a.Draw.Panel {
		inPanel[id] = true
	}
	quotas := riverside.Table{Caption: "The quotas, the drawn panel, and the seats each group can expect over the lottery",
		Head:    []string{"Group", "Seats, at least", "Seats, at most", "Drawn panel", "Expected seats", "Volunteers"},
		Figures: []bool{false, true, true, true, true, true}}
	for _, q := range a.Spec.Quotas {
		var drawn, volunteers int
		expected := new(big.Rat)
		for i := range pool.Len() {
			if v, _ := pool.Value(i, q.Feature); v != q.Value {
				continue
			}
			volunteers++
			expected.Add(expected, d.Probability(i))
			if inPanel[pool.Respondent(i).ID] {
				drawn++
			}
		}
		quotas.Rows = append(quotas.Rows, []string{riverside.Sentence(q.Feature) + ": " + q.Value, strconv.Itoa(q.Min), strconv.Itoa(q.Max),
			strconv.Itoa(drawn), expected.FloatString(2), strconv.Itoa(volunteers)})
	}
	s.table(quotas)

	least := d.Min()
	s.say("The quotas cannot give everyone %s: the over-represented volunteers must be chosen less often. Leximin gives the "+
		"least chance its highest possible value, %s (%s), then raises the next least, and so on; every probability is an exact "+
		"fraction and they sum to %d seats. The lottery's %s panels each meet every quota and the one-per-household rule; "+
		"rounding moves no volunteer's chance by more than %s percentage points.",
		n.RatString(), least.RatString(), ratPercent(least), a.Spec.PanelSize, panels, strings.TrimSuffix(ratPercent(a.Lottery.MaxDeviation()), " %"))

	redone, err := redoDraw(a.Lottery.Inputs(), riverside.AssemblyRandomness, a.Lottery.Len())
	if err != nil {
		return err
	}
	if redone != a.Draw.Ticket {
		return fmt.Errorf("the draw redone by hand picks panel %d, the library panel %d", redone, a.Draw.Ticket)
	}
	s.say("The draw: the council published the inputs (the pool, the quotas and the %s panels) with their SHA-256, %s, and "+
		"named in advance the public randomness, the winning numbers of the national lottery of 10 January 2026. The seed is "+
		"the SHA-256 of that hash and the numbers; it picked panel %d of %s. Anyone with the published inputs can redo every "+
		"step the sortition package documents; this tour redoes them with nothing but SHA-256 and integer arithmetic, and "+
		"gets panel %d too.", panels, a.Draw.InputsHash, a.Draw.Ticket, panels, redone)

	chances := riverside.Table{Caption: "How many volunteers have each chance of selection",
		Head: []string{"Chance of selection", "Volunteers", "Of them in the drawn panel"}, Figures: []bool{false, true, true}}
	var levels []*big.Rat
	count, drawn := map[string]int{}, map[string]int{}
	for i := range pool.Len() {
		p := d.Probability(i)
		key := p.RatString()
		if count[key] == 0 {
			levels = append(levels, p)
		}
		count[key]++
		if inPanel[pool.Respondent(i).ID] {
			drawn[key]++
		}
	}
	slices.SortFunc(levels, func(x, y *big.Rat) int { return x.Cmp(y) })
	for _, p := range levels {
		key := p.RatString()
		chances.Rows = append(chances.Rows, []string{key + " (" + ratPercent(p) + ")", strconv.Itoa(count[key]), strconv.Itoa(drawn[key])})
	}
	s.table(chances)
	s.say("The panel drawn, by pseudonymous volunteer ID: %s.", riverside.And(a.Draw.Panel))
	s.doc(riverside.RepresentativenessDoc(a.BySex, "Members", "sex", metrics.SuppressionPolicy{}))

	act, _ := a.Process.Activity(a.Sessions)
	registered := act.Registered()
	s.say("The members are registered for the assembly's sessions in the council's engagement process (%s, at the IAP2 level "+
		"%s): %d people, each under a participant ID derived from the volunteer's pseudonym, so the process's figures, audit "+
		"and scorecards see the assembly like any other activity.",
		a.Process.Title(), a.Process.Level().Text(), registered)

	dis, err := a.BySex.Dissimilarity()
	match := "not published"
	if err == nil {
		match = "index of dissimilarity " + dis.Round(2).StringFixed(2)
	}
	return answers(
		told(scorecard.RoleCivicEngagementSpecialist, "Did every volunteer get a fair chance?", "Least chance of selection (leximin)",
			fmt.Sprintf("%s, against %s if the quotas allowed equal chances", ratPercent(least), ratPercent(n))),
		told(scorecard.RolePublicEngagementCoordinator, "Can the public check the draw?", "Draw redone from the published inputs",
			fmt.Sprintf("yes: panel %d of %s, redone by hand: panel %d", a.Draw.Ticket, panels, redone)),
		told(scorecard.RoleCommunityEngagementOfficer, "Does the panel look like the town?", "Members by sex against the population", match),
	)
}

// redoDraw redoes the draw as package sortition documents it, from the
// published inputs document and randomness alone: the inputs hash is the
// SHA-256 of the document, the seed the SHA-256 of that hash's 32 bytes
// followed by the randomness, and the ticket the seed, read as a big-endian
// integer, modulo m, plus one.
func redoDraw(inputs []byte, randomness string, m int) (int, error) {
	if m < 1 {
		return 0, errors.New("no panel to draw from")
	}
	hash := sha256.Sum256(inputs)
	seed := sha256.Sum256(append(hash[:], randomness...))
	n := new(big.Int).SetBytes(seed[:])
	return int(n.Mod(n, big.NewInt(int64(m))).Int64()) + 1, nil
}

// ratPercent writes r as a percentage with two decimals.
func ratPercent(r *big.Rat) string {
	return new(big.Rat).Mul(r, big.NewRat(100, 1)).FloatString(2) + " %"
}
