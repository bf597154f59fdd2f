package sortition

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"math/big"
	"strconv"
	"unicode/utf8"
)

// documentHeader is the first line of the inputs document.
const documentHeader = "civitas sortition v1"

// Draw is the record of a publicly verifiable draw: what was hashed, the
// seed it gave, and the panel it picked (see the package doc for the
// procedure). It is plain data, and encodes to JSON as it reads.
type Draw struct {
	// Algorithm is the algorithm of the distribution, or the legacy draw.
	Algorithm Algorithm `json:"algorithm"`
	// Randomness is the public randomness, named in advance, exactly as
	// it was hashed.
	Randomness string `json:"randomness"`
	// InputsHash is the SHA-256 of the inputs document, in lowercase hex.
	InputsHash string `json:"inputs_hash"`
	// Seed is SHA-256(inputs hash ‖ randomness), in lowercase hex.
	Seed string `json:"seed"`
	// LotterySize is the number of panels of the lottery, m; 0 for the
	// legacy draw.
	LotterySize int `json:"lottery_size,omitempty"`
	// Ticket is the panel the seed picked, 1 to m; 0 for the legacy draw.
	Ticket int `json:"ticket,omitempty"`
	// Panel lists the selected respondents' IDs, in pool order.
	Panel []string `json:"panel"`
}

// Inputs returns the inputs document of the lottery: the bytes whose
// SHA-256 is the inputs hash of its draw (see the package doc).
func (l *Lottery) Inputs() []byte {
	in := l.d.in
	var b bytes.Buffer
	w := writeHead(&b, in, l.d.algorithm, len(l.panels))
	for t, panel := range l.panels {
		rec := []string{"panel", strconv.Itoa(t + 1)}
		for _, i := range panel {
			rec = append(rec, in.pool.respondents[i].ID)
		}
		_ = w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

// writeHead writes the lines of the inputs document before the panels;
// m = 0 leaves the lottery size out.
func writeHead(b *bytes.Buffer, in *instance, alg Algorithm, m int) *csv.Writer {
	b.WriteString(documentHeader + "\n")
	w := csv.NewWriter(b)
	_ = w.Write([]string{"algorithm", alg.String()})
	_ = w.Write([]string{"panel_size", strconv.Itoa(in.spec.PanelSize)})
	if m > 0 {
		_ = w.Write([]string{"lottery_size", strconv.Itoa(m)})
	}
	_ = w.Write(append([]string{"features"}, in.pool.features...))
	for _, q := range in.spec.Quotas {
		_ = w.Write([]string{"quota", q.Feature, q.Value, strconv.Itoa(q.Min), strconv.Itoa(q.Max)})
	}
	for _, r := range in.pool.respondents {
		_ = w.Write(append([]string{"respondent", r.ID, r.Household}, r.Values...))
	}
	return w
}

// seed returns the inputs hash of doc and the seed it gives with
// randomness, or [ErrInvalid] for randomness that is empty or not UTF-8.
func seed(doc []byte, randomness string) (hash, s [32]byte, err error) {
	if randomness == "" || !utf8.ValidString(randomness) {
		return hash, s, fieldErr("randomness", randomness, ErrInvalid)
	}
	hash = sha256.Sum256(doc)
	h := sha256.New()
	h.Write(hash[:])
	h.Write([]byte(randomness))
	copy(s[:], h.Sum(nil))
	return hash, s, nil
}

// Draw draws one panel of the lottery with the public randomness, as the
// package doc describes, and returns its record. It returns [ErrInvalid]
// for randomness that is empty or not valid UTF-8.
func (l *Lottery) Draw(randomness string) (Draw, error) {
	hash, s, err := seed(l.Inputs(), randomness)
	if err != nil {
		return Draw{}, err
	}
	n := new(big.Int).SetBytes(s[:])
	t := int(n.Mod(n, big.NewInt(int64(len(l.panels)))).Int64())
	return Draw{
		Algorithm: l.d.algorithm, Randomness: randomness,
		InputsHash: hex.EncodeToString(hash[:]), Seed: hex.EncodeToString(s[:]),
		LotterySize: len(l.panels), Ticket: t + 1, Panel: l.Panel(t),
	}, nil
}
