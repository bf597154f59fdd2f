package sortition_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/engagement/sortition"
)

// smallPool is a pool of eight in two households and four singles.
func smallPool(t *testing.T) (*sortition.Pool, sortition.Spec) {
	t.Helper()
	pool, err := sortition.NewPool([]string{"sex", "area"}, []sortition.Respondent{
		{ID: "a", Household: "h1", Values: []string{"f", "north"}},
		{ID: "b", Household: "h1", Values: []string{"m", "north"}},
		{ID: "c", Values: []string{"f", "south"}},
		{ID: "d", Values: []string{"m", "south"}},
		{ID: "e", Household: "h2", Values: []string{"f", "south"}},
		{ID: "f", Household: "h2", Values: []string{"m", "north"}},
		{ID: "g", Values: []string{"m", "north"}},
		{ID: "h, jr", Values: []string{"f", "north"}},
	})
	require.NoError(t, err)
	spec := sortition.Spec{PanelSize: 3, Quotas: []sortition.Quota{
		{Feature: "sex", Value: "f", Min: 1, Max: 2},
		{Feature: "sex", Value: "m", Min: 1, Max: 2},
		{Feature: "area", Value: "south", Min: 1, Max: 1},
	}}
	return pool, spec
}

// TestDrawByHand redoes the documented procedure with crypto/sha256 and
// gets the same inputs hash, seed, ticket and panel.
func TestDrawByHand(t *testing.T) {
	pool, spec := smallPool(t)
	d, err := sortition.Fair(pool, spec, sortition.AlgorithmLeximin)
	require.NoError(t, err)
	l, err := d.Round(10)
	require.NoError(t, err)
	const randomness = "EuroMillions 2026-01-06: 04 17 23 38 45 * 02 11"
	draw, err := l.Draw(randomness)
	require.NoError(t, err)

	// Step 1: the inputs document, written by hand.
	var doc strings.Builder
	doc.WriteString("civitas sortition v1\n")
	doc.WriteString("algorithm,leximin\npanel_size,3\nlottery_size,10\nfeatures,sex,area\n")
	doc.WriteString("quota,sex,f,1,2\nquota,sex,m,1,2\nquota,area,south,1,1\n")
	doc.WriteString("respondent,a,h1,f,north\nrespondent,b,h1,m,north\nrespondent,c,,f,south\n" +
		"respondent,d,,m,south\nrespondent,e,h2,f,south\nrespondent,f,h2,m,north\n" +
		"respondent,g,,m,north\nrespondent,\"h, jr\",,f,north\n")
	for tk := range l.Len() {
		doc.WriteString("panel," + strconv.Itoa(tk+1))
		for _, id := range l.Panel(tk) {
			if strings.Contains(id, ",") {
				id = `"` + id + `"`
			}
			doc.WriteString("," + id)
		}
		doc.WriteString("\n")
	}
	require.Equal(t, doc.String(), string(l.Inputs()))
	// Step 2: the inputs hash.
	hash := sha256.Sum256([]byte(doc.String()))
	assert.Equal(t, hex.EncodeToString(hash[:]), draw.InputsHash)
	// Step 3: the seed.
	seed := sha256.Sum256(append(hash[:], []byte(randomness)...))
	assert.Equal(t, hex.EncodeToString(seed[:]), draw.Seed)
	// Step 4: the ticket and its panel.
	n := new(big.Int).SetBytes(seed[:])
	ticket := int(n.Mod(n, big.NewInt(10)).Int64()) + 1
	assert.Equal(t, ticket, draw.Ticket)
	assert.Equal(t, l.Panel(ticket-1), draw.Panel)
	assert.Equal(t, 10, draw.LotterySize)

	// The same inputs and randomness give the same draw, and the JSON
	// record reads as it is.
	again, err := l.Draw(randomness)
	require.NoError(t, err)
	assert.Equal(t, draw, again)
	b, err := json.Marshal(draw)
	require.NoError(t, err)
	var back sortition.Draw
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, draw, back)

	// Another randomness gives another seed.
	other, err := l.Draw(randomness + " ")
	require.NoError(t, err)
	assert.NotEqual(t, draw.Seed, other.Seed)
	assert.Equal(t, draw.InputsHash, other.InputsHash)

	_, err = l.Draw("")
	require.ErrorIs(t, err, sortition.ErrInvalid)
	_, err = l.Draw("\xff")
	require.ErrorIs(t, err, sortition.ErrInvalid)
}

// TestLegacyDrawByHand: the legacy draw hashes the document without the
// lottery lines and is reproducible.
func TestLegacyDrawByHand(t *testing.T) {
	pool, spec := smallPool(t)
	draw, err := sortition.LegacyDraw(pool, spec, "42")
	require.NoError(t, err)
	doc := "civitas sortition v1\nalgorithm,legacy\npanel_size,3\nfeatures,sex,area\n" +
		"quota,sex,f,1,2\nquota,sex,m,1,2\nquota,area,south,1,1\n" +
		"respondent,a,h1,f,north\nrespondent,b,h1,m,north\nrespondent,c,,f,south\n" +
		"respondent,d,,m,south\nrespondent,e,h2,f,south\nrespondent,f,h2,m,north\n" +
		"respondent,g,,m,north\nrespondent,\"h, jr\",,f,north\n"
	hash := sha256.Sum256([]byte(doc))
	assert.Equal(t, hex.EncodeToString(hash[:]), draw.InputsHash)
	seed := sha256.Sum256(append(hash[:], '4', '2'))
	assert.Equal(t, hex.EncodeToString(seed[:]), draw.Seed)
	assert.Zero(t, draw.Ticket)
	again, err := sortition.LegacyDraw(pool, spec, "42")
	require.NoError(t, err)
	assert.Equal(t, draw, again)
	members := make([]int, len(draw.Panel))
	for j, id := range draw.Panel {
		members[j], _ = pool.Lookup(id)
	}
	require.NoError(t, panelOK(pool, spec, members))
}

func TestLotteryRounding(t *testing.T) {
	pool, spec := genPool(3, 80, 4, 10)
	d, err := sortition.Fair(pool, spec, sortition.AlgorithmLeximin)
	require.NoError(t, err)
	l, err := d.Round(sortition.DefaultLotterySize)
	require.NoError(t, err)
	assert.Same(t, d, l.Distribution())
	// Each person's rounded probability stays close to the exact one.
	dev := l.MaxDeviation()
	assert.Negative(t, dev.Cmp(big.NewRat(3, 100)), "max deviation %s", dev.FloatString(4))
	assert.LessOrEqual(t, l.Min().Cmp(new(big.Rat).Add(d.Min(), dev)), 0)
	_, err = d.Round(0)
	require.ErrorIs(t, err, sortition.ErrOutOfRange)
}
