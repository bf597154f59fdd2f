package stakeholder_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func rel(from, to int, t stakeholder.RelationType) stakeholder.Relationship {
	return stakeholder.Relationship{From: id(from), To: id(to), Type: t, Strength: 3}
}

func TestRelationships(t *testing.T) {
	m := mapOf(t, 4)
	require.NoError(t, m.AddRelationship(rel(1, 2, stakeholder.RelationTypeMemberOf)))
	require.NoError(t, m.AddRelationship(rel(2, 1, stakeholder.RelationTypeMemberOf)), "directed: the other way is another tie")
	require.NoError(t, m.AddRelationship(rel(1, 2, stakeholder.RelationTypeFunds)), "another type is another tie")
	require.NoError(t, m.AddRelationship(rel(3, 1, stakeholder.RelationTypePartnerOf)))
	before := snapshot(t, m)

	tests := []struct {
		name string
		r    stakeholder.Relationship
		want error
		id   uuid.UUID
	}{
		{"nil from", stakeholder.Relationship{To: id(1), Type: stakeholder.RelationTypeFunds, Strength: 1}, stakeholder.ErrInvalid, uuid.Nil},
		{"nil to", stakeholder.Relationship{From: id(1), Type: stakeholder.RelationTypeFunds, Strength: 1}, stakeholder.ErrInvalid, uuid.Nil},
		{"dangling from", rel(9, 1, stakeholder.RelationTypeFunds), stakeholder.ErrNotFound, id(9)},
		{"dangling to", rel(1, 9, stakeholder.RelationTypeFunds), stakeholder.ErrNotFound, id(9)},
		{"self", rel(1, 1, stakeholder.RelationTypeFunds), stakeholder.ErrInvalid, id(1)},
		{"type 0", rel(1, 3, 0), stakeholder.ErrInvalid, id(1)},
		{"strength 0", stakeholder.Relationship{From: id(1), To: id(3), Type: stakeholder.RelationTypeFunds}, stakeholder.ErrOutOfRange, id(1)},
		{"strength 6", stakeholder.Relationship{From: id(1), To: id(3), Type: stakeholder.RelationTypeFunds, Strength: 6}, stakeholder.ErrOutOfRange, id(1)},
		{"duplicate", rel(1, 2, stakeholder.RelationTypeMemberOf), stakeholder.ErrDuplicate, id(1)},
		{"mutual duplicate the other way", rel(1, 3, stakeholder.RelationTypePartnerOf), stakeholder.ErrDuplicate, id(1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := m.AddRelationship(tt.r)
			require.ErrorIs(t, err, tt.want)
			var e *stakeholder.FieldError
			require.ErrorAs(t, err, &e)
			assertNames(t, e, tt.id)
			assert.Equal(t, before, snapshot(t, m))
		})
	}

	// Update changes only the strength, and finds a mutual tie either way.
	up := rel(1, 3, stakeholder.RelationTypePartnerOf)
	up.Strength = 5
	require.NoError(t, m.UpdateRelationship(up))
	assert.Equal(t, stakeholder.Score(5), collect(m.Relationships())[3].Strength)
	require.ErrorIs(t, m.UpdateRelationship(rel(1, 4, stakeholder.RelationTypeFunds)), stakeholder.ErrNotFound)
	require.ErrorIs(t, m.UpdateRelationship(rel(1, 9, stakeholder.RelationTypeFunds)), stakeholder.ErrNotFound)
	require.ErrorIs(t, m.UpdateRelationship(rel(1, 1, stakeholder.RelationTypeFunds)), stakeholder.ErrInvalid)

	deg, err := m.Degree(id(1))
	require.NoError(t, err)
	assert.Equal(t, 4, deg, "1 is an end of all four")
	deg, err = m.Degree(id(4))
	require.NoError(t, err)
	assert.Zero(t, deg)
	_, err = m.Degree(id(9))
	require.ErrorIs(t, err, stakeholder.ErrNotFound)

	nb, err := m.Neighbours(id(1))
	require.NoError(t, err)
	assert.Equal(t, []string{"S2", "S3"}, namesOf(nb), "each neighbour once, in map order")
	nb, err = m.Neighbours(id(4))
	require.NoError(t, err)
	assert.Empty(t, nb)
	_, err = m.Neighbours(id(9))
	require.ErrorIs(t, err, stakeholder.ErrNotFound)
	assert.Len(t, collect(m.RelationshipsOf(id(2))), 3)
	assert.Empty(t, collect(m.RelationshipsOf(id(9))))
	for range m.RelationshipsOf(id(1)) {
		break // stopping early must not panic
	}
	for range m.Relationships() {
		break
	}

	// Removal: a mutual tie either way round, then errors.
	require.NoError(t, m.RemoveRelationship(id(1), id(3), stakeholder.RelationTypePartnerOf))
	require.NoError(t, m.RemoveRelationship(id(1), id(2), stakeholder.RelationTypeMemberOf))
	require.ErrorIs(t, m.RemoveRelationship(id(1), id(2), stakeholder.RelationTypeMemberOf), stakeholder.ErrNotFound)
	assert.Equal(t, []stakeholder.Relationship{rel(2, 1, stakeholder.RelationTypeMemberOf), rel(1, 2, stakeholder.RelationTypeFunds)},
		collect(m.Relationships()))
	require.NoError(t, m.RemoveRelationship(id(1), id(2), stakeholder.RelationTypeFunds), "the index followed the shift")
}

// buildGraph returns a map of n stakeholders with a MemberOf tie for each
// edge.
func buildGraph(t testing.TB, n int, edges [][2]int) *stakeholder.Map {
	t.Helper()
	m := mapOf(t, n)
	for _, e := range edges {
		require.NoError(t, m.AddRelationship(rel(e[0], e[1], stakeholder.RelationTypeMemberOf)))
	}
	return m
}

func TestBetweenness(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		edges [][2]int
		want  []string
	}{
		// Path 1-2-3-4-5: 2 lies between 1 and {3,4,5}: 3 pairs; 3 between
		// {1,2} and {4,5}: 4 pairs; ends lie between nothing.
		{"path", 5, [][2]int{{1, 2}, {2, 3}, {3, 4}, {4, 5}}, []string{"0", "3", "4", "3", "0"}},
		// Square 1-2-3-4-1: the pair {1,3} has two shortest paths, via 2
		// and via 4, so each gets 1/2; likewise {2,4} gives 1 and 3 1/2.
		{"square", 4, [][2]int{{1, 2}, {2, 3}, {3, 4}, {4, 1}}, []string{"0.5", "0.5", "0.5", "0.5"}},
		// 1 and 5 joined through 2, 3 and 4: three paths, 1/3 each to 2, 3,
		// 4 (rounded to 0.333333). The pairs {2,3}, {2,4}, {3,4} each have
		// two paths, via 1 and via 5: 3 × 1/2 = 1.5 for 1 and for 5.
		{"thirds", 5, [][2]int{{1, 2}, {1, 3}, {1, 4}, {2, 5}, {3, 5}, {4, 5}}, []string{"1.5", "0.333333", "0.333333", "0.333333", "1.5"}},
		// A star: the hub lies between all 3·2/2 = 3 pairs of leaves. Two
		// relationships between the same pair are one step.
		{"star with a double tie", 4, [][2]int{{1, 2}, {1, 3}, {1, 4}, {2, 1}}, []string{"3", "0", "0", "0"}},
		// Two components: 1-2-3 and 4-5. Unconnected pairs count nothing.
		{"two components", 5, [][2]int{{1, 2}, {2, 3}, {4, 5}}, []string{"0", "1", "0", "0", "0"}},
		{"one stakeholder", 1, nil, []string{"0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := buildGraph(t, tt.n, tt.edges)
			got := m.Betweenness()
			require.Len(t, got, tt.n)
			for i, c := range got {
				assert.Equal(t, fmt.Sprintf("S%d", i+1), c.Stakeholder.Name())
				assert.Equal(t, tt.want[i], c.Betweenness.String(), c.Stakeholder.Name())
			}
		})
	}
	assert.Empty(t, stakeholder.NewMap().Betweenness())
}

func TestBetweennessMatchesReference(t *testing.T) {
	// Random graphs, dense enough for many equal shortest paths, checked
	// against the plain math/big version of Brandes' algorithm.
	for seed := range uint64(8) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 7))
			n := 10 + r.IntN(40)
			var edges [][2]int
			seen := map[[2]int]bool{}
			for range n * (2 + r.IntN(3)) {
				a, b := 1+r.IntN(n), 1+r.IntN(n)
				if a == b || seen[[2]int{a, b}] {
					continue
				}
				seen[[2]int{a, b}] = true
				edges = append(edges, [2]int{a, b})
			}
			m := buildGraph(t, n, edges)
			fast, ref := stakeholder.BetweennessExact(m), stakeholder.BetweennessReference(m)
			require.Len(t, fast, n)
			for i := range fast {
				assert.Zero(t, fast[i].Cmp(ref[i]), "node %d: %s != %s", i+1, fast[i], ref[i])
			}
		})
	}
}

func TestBetweennessWithWideDenominators(t *testing.T) {
	// A chain of fans, one per prime p up to 47: a_p joined to p middle
	// nodes, each joined to b_p, and b_p joined to the next fan's a. Path
	// counts along the chain are products of consecutive primes, so their
	// least common multiple is 2·3·5·…·47 ≈ 2^59, and with the headroom for
	// ~360 nodes the sums need two 64-bit words: the multiword arithmetic
	// and the growing of the common denominator are both exercised.
	primes := []int{2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47}
	var edges [][2]int
	next := 1
	prevB := 0
	for _, p := range primes {
		a := next
		next++
		if prevB != 0 {
			edges = append(edges, [2]int{prevB, a})
		}
		b := next + p
		for k := range p {
			edges = append(edges, [2]int{a, next + k}, [2]int{next + k, b})
		}
		next = b + 1
		prevB = b
	}
	m := buildGraph(t, next-1, edges)
	fast, ref := stakeholder.BetweennessExact(m), stakeholder.BetweennessReference(m)
	require.Len(t, fast, next-1)
	for i := range fast {
		require.Zero(t, fast[i].Cmp(ref[i]), "node %d: %s != %s", i+1, fast[i], ref[i])
	}
	// The middle nodes of the fan of 2 (stakeholders 2 and 3) share the
	// paths from a_2 = 1 to b_2 = 4 and everything beyond: 1 node before,
	// n−4 after b_2 plus b_2 itself, each pair split between the two: (n−3)/2.
	n := next - 1
	assert.Equal(t, fmt.Sprintf("%d/2", n-3), fast[1].RatString())
}

func TestBetweennessSourceLcmBeyond64Bits(t *testing.T) {
	// A hub (stakeholder 1) joined to 61 middle nodes, and one leaf per
	// prime p up to 61 joined to the first p middle nodes: from the hub, leaf
	// p has p shortest paths, so the hub's path counts fit a word while
	// their least common multiple, 2·3·5·…·61 ≈ 2^76, does not. That source
	// takes the multiword path, the others the two-word one, into the same
	// sums.
	primes := []int{2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61}
	const middles = 61
	var edges [][2]int
	for k := range middles {
		edges = append(edges, [2]int{1, 2 + k})
	}
	for i, p := range primes {
		leaf := 2 + middles + i
		for k := range p {
			edges = append(edges, [2]int{2 + k, leaf})
		}
	}
	n := 1 + middles + len(primes)
	m := buildGraph(t, n, edges)
	fast, ref := stakeholder.BetweennessExact(m), stakeholder.BetweennessReference(m)
	require.Len(t, fast, n)
	for i := range fast {
		require.Zero(t, fast[i].Cmp(ref[i]), "node %d: %s != %s", i+1, fast[i], ref[i])
	}
}

func TestBetweennessBeyond64BitPathCounts(t *testing.T) {
	// A chain of 70 diamonds: joint j0 - {a,b} - j1 - {a,b} - j2 ... Between
	// the two ends there are 2^70 shortest paths, more than a uint64 holds,
	// so the computation falls back to math/big throughout. By symmetry the
	// two sides of a diamond tie exactly.
	const diamonds = 70
	n := 1 + 3*diamonds
	var edges [][2]int
	for d := range diamonds {
		j, a, b, next := 1+3*d, 2+3*d, 3+3*d, 4+3*d
		edges = append(edges, [2]int{j, a}, [2]int{j, b}, [2]int{a, next}, [2]int{b, next})
	}
	m := buildGraph(t, n, edges)
	got := m.Betweenness()
	require.Len(t, got, n)
	assert.True(t, got[1].Betweenness.Equal(got[2].Betweenness), "the two sides of a diamond")
	// Joint k (0-based; stakeholder 1+3k) separates the 3k stakeholders
	// before it from the n−1−3k after it: every path between the two sides
	// runs through it. It also carries half of the pair of sides of each
	// diamond it bounds (their two paths go via joint k and the other joint):
	// 1/2 + 1/2. For k = 35: 105·105 + 1 = 11026.
	const k = diamonds / 2
	assert.Equal(t, "11026", got[3*k].Betweenness.String())
	ref, fast := stakeholder.BetweennessReference(m), stakeholder.BetweennessExact(m)
	for i := range ref {
		require.Zero(t, fast[i].Cmp(ref[i]))
	}
}

func TestBrokers(t *testing.T) {
	// Path 1-2-3-4-5 plus 6 hanging off 3. The pairs through 3 have one end
	// in {1,2} and the other in {4,5,6} (2·3 = 6) or are {4,6} and {5,6}:
	// 8. 2 lies between 1 and {3,4,5,6}: 4. 4 lies between 5 and
	// {1,2,3,6}: 4. The leaves 1, 5 and 6 lie between no pair.
	m := buildGraph(t, 6, [][2]int{{1, 2}, {2, 3}, {3, 4}, {4, 5}, {3, 6}})
	got := m.Brokers(0)
	require.Len(t, got, 3, "the leaves broker nothing")
	assert.Equal(t, "S3", got[0].Stakeholder.Name())
	assert.Equal(t, "8", got[0].Betweenness.String())
	assert.Equal(t, "S2", got[1].Stakeholder.Name(), "a tie keeps map order")
	assert.Equal(t, "S4", got[2].Stakeholder.Name())
	assert.Equal(t, "4", got[2].Betweenness.String())
	top := m.Brokers(1)
	require.Len(t, top, 1)
	assert.Equal(t, "S3", top[0].Stakeholder.Name())
	assert.Len(t, m.Brokers(10), 3)
}

func TestComponentsAndCoalitions(t *testing.T) {
	m := mapOf(t, 7)
	for _, r := range []stakeholder.Relationship{
		rel(2, 1, stakeholder.RelationTypeMemberOf),
		rel(3, 2, stakeholder.RelationTypeFunds),
		rel(4, 5, stakeholder.RelationTypePartnerOf),
		rel(5, 3, stakeholder.RelationTypeOpposes),
		rel(6, 1, stakeholder.RelationTypeCoversAsMedia),
	} {
		require.NoError(t, m.AddRelationship(r))
	}
	names := func(groups [][]*stakeholder.Stakeholder) [][]string {
		var out [][]string
		for _, g := range groups {
			out = append(out, namesOf(g))
		}
		return out
	}
	assert.Equal(t, [][]string{{"S1", "S2", "S3", "S4", "S5", "S6"}, {"S7"}}, names(m.Components()))
	assert.Equal(t, [][]string{{"S1", "S2", "S3"}, {"S4", "S5"}, {"S6"}, {"S7"}},
		names(m.Components(stakeholder.RelationTypeMemberOf, stakeholder.RelationTypeFunds, stakeholder.RelationTypePartnerOf)))
	assert.Equal(t, [][]string{{"S1", "S2", "S3"}, {"S4", "S5"}}, names(m.Coalitions()),
		"opposition and media coverage join no coalition; singletons are no coalition")
	assert.Empty(t, stakeholder.NewMap().Components())
}

func TestBetweennessContext(t *testing.T) {
	m := buildGraph(t, 4, [][2]int{{1, 2}, {2, 3}, {3, 4}})
	got, err := m.BetweennessContext(context.Background())
	require.NoError(t, err)
	assert.Equal(t, m.Betweenness(), got)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got, err = m.BetweennessContext(ctx)
	require.ErrorIs(t, err, context.Canceled)
	assert.Nil(t, got)
	// The math/big path stops too.
	_, err = stakeholder.BetweennessReferenceContext(ctx, m)
	require.ErrorIs(t, err, context.Canceled)
}
