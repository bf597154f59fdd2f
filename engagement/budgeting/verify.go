package budgeting

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"hash"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
)

// Claim is what a voter presents to prove who they are: the number of an
// identity document (or any identifier the organisation's register holds)
// and, where the register asks for it, the birth date as a second factor,
// as CONSUL Democracy's census check does. A claim is raw personal data: a
// [Verifier] reads it and keeps nothing of it but a pseudonym.
type Claim struct {
	// Document is the identifier as the voter gives it: spaces, hyphens,
	// dots, slashes and letter case do not matter ("12345678-z" and
	// "12345678Z" are one document).
	Document string
	// BirthDate is the birth date as YYYY-MM-DD, "" when not given.
	BirthDate string
}

// Identity is a verified voter: a pseudonymous ID derived from the claim
// with the organisation's secret, and what the register says of the person
// that eligibility needs (age band, sex, area, residency). The same person
// has the same ID through every channel; nobody without the secret can
// recompute it from a document number.
type Identity struct {
	// ID is the person's pseudonym; never Nil for a verified voter.
	ID uuid.UUID
	// Profile is what the register says of the person, not what the voter
	// says.
	Profile stakeholder.Profile
}

// Verifier checks a [Claim] against a register and returns the person's
// [Identity]. A claim that matches nobody, or whose second factor does not
// match, is an error wrapping [ErrNotVerified]. Implementations must be
// safe for concurrent use and must not keep the raw claim.
type Verifier interface {
	Verify(c Claim) (Identity, error)
}

// MinSecretSize is the smallest per-organisation secret a [Pseudonymizer]
// accepts, in bytes: the size of an HMAC-SHA256 key.
const MinSecretSize = 32

// Pseudonymizer derives pseudonymous IDs from identifiers with a
// per-organisation secret: HMAC-SHA256 of the normalized identifier, its
// first 16 bytes made a version-8 UUID (RFC 9562, the version for
// application-defined UUIDs). Two organisations with different secrets get
// unrelated IDs for one person, and an ID does not reveal the identifier.
//
// A Pseudonymizer is safe for concurrent use. The zero value is not usable;
// build one with [NewPseudonymizer].
type Pseudonymizer struct {
	pool sync.Pool // of *macState
}

// macState is one reusable HMAC with its scratch buffers.
type macState struct {
	mac hash.Hash
	msg []byte
	sum [sha256.Size]byte
}

// Domain separation: the pseudonym and the second-factor tag of one
// document are unrelated, and each hash says what it is for.
const (
	pseudonymDomain = "civitas/budgeting/pseudonym\x00"
	birthDomain     = "civitas/budgeting/birth-date\x00"
)

// NewPseudonymizer returns a pseudonymizer keyed with a copy of secret. It
// returns an error wrapping [ErrInvalid] for a secret shorter than
// [MinSecretSize].
func NewPseudonymizer(secret []byte) (*Pseudonymizer, error) {
	if len(secret) < MinSecretSize {
		return nil, errorf(ErrInvalid, "secret of %d bytes, want at least %d", len(secret), MinSecretSize)
	}
	key := append([]byte(nil), secret...)
	p := &Pseudonymizer{}
	p.pool.New = func() any { return &macState{mac: hmac.New(sha256.New, key), msg: make([]byte, 0, 64)} }
	return p, nil
}

// ID returns the pseudonym of the identifier document, normalized as
// [NormalizeDocument] does; uuid.Nil when nothing is left of it, and for a
// zero Pseudonymizer, which has no secret.
func (p *Pseudonymizer) ID(document string) uuid.UUID {
	id, _ := p.derive(document)
	return id
}

// personKey is the half of a document's HMAC that its pseudonym does not
// show: 128 bits nobody can compute without the secret, and from which
// nobody learns the document.
type personKey [16]byte

// derive returns the pseudonym of the document and its person key, from
// one HMAC: the pseudonym is made of the digest's first 16 bytes, the key is
// the last 16, which are never written anywhere. It returns uuid.Nil when
// nothing is left of the document, or for a zero Pseudonymizer.
func (p *Pseudonymizer) derive(document string) (uuid.UUID, personKey) {
	if p == nil || p.pool.New == nil {
		return uuid.Nil, personKey{} // a zero Pseudonymizer has no secret
	}
	st := p.pool.Get().(*macState)
	defer p.pool.Put(st)
	st.msg = append(st.msg[:0], pseudonymDomain...)
	n := len(st.msg)
	st.msg = appendNormalized(st.msg, document)
	if len(st.msg) == n {
		return uuid.Nil, personKey{}
	}
	sum := st.digest()
	var u uuid.UUID
	copy(u[:], sum[:16])
	u[6] = u[6]&0x0f | 0x80 // version 8
	u[8] = u[8]&0x3f | 0x80 // RFC 9562 variant
	return u, personKey(sum[16:32])
}

// birthTag returns the second-factor tag of a birth date for the person
// whose key is k: the first 8 bytes of SHA-256 over the birth-date domain,
// the key and the date, never 0.
//
// One SHA-256 is enough where a second HMAC was used before, and the tag
// stays a keyed, one-way check: the key is 128 bits of the document's
// HMAC under the organisation's secret that the pseudonym does not reveal
// (it is the digest's other half), so without the secret nobody can
// compute a person's key, and so no tag, from a document and a birth date;
// and a tag, a truncated SHA-256, gives back neither the key nor the date.
// Hashing a secret-prefixed message is weak as a MAC only through length
// extension, which needs the whole 256-bit state; the tag keeps 64 bits and
// is never shown to voters, who only present dates to be checked.
func birthTag(k personKey, birthDate string) uint64 {
	var buf [64]byte
	msg := append(buf[:0], birthDomain...)
	msg = append(msg, k[:]...)
	msg = append(msg, strings.TrimSpace(birthDate)...)
	sum := sha256.Sum256(msg)
	return binary.BigEndian.Uint64(sum[:8]) | 1
}

// digest returns the HMAC of msg.
func (st *macState) digest() []byte {
	st.mac.Reset()
	st.mac.Write(st.msg)
	return st.mac.Sum(st.sum[:0])
}

// NormalizeDocument returns an identifier in the form pseudonyms are
// derived from: ASCII letters upper-cased, and spaces, hyphens, dots and
// slashes removed, so that "12.345.678-z" and "12345678Z" are one
// document.
func NormalizeDocument(document string) string {
	return string(appendNormalized(nil, document))
}

// appendNormalized appends the normalized document to b.
func appendNormalized(b []byte, document string) []byte {
	for i := 0; i < len(document); i++ {
		c := document[i]
		switch {
		case c == ' ' || c == '-' || c == '.' || c == '/' || c == '\t':
			continue
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// CensusRecord is one person of a census as the organisation's register
// gives it, the input to [NewCensus]: raw data that the census turns into
// a pseudonym and a profile at once.
type CensusRecord struct {
	// Document is the person's identifier.
	Document string
	// BirthDate is the birth date as YYYY-MM-DD; "" when the register has
	// none, and then no age band is known and no second factor is asked.
	BirthDate string
	// Sex is the register's category ("f", "m", "x"), "" when unknown.
	Sex string
	// Area is the district the person lives in, "" when unknown.
	Area string
	// Resident reports whether the person lives in the territory.
	Resident bool
}

// Census is a [Verifier] backed by a population register: for each person,
// a pseudonym, a second-factor tag of the birth date, and the profile
// eligibility needs (the age band on the census's reference date, sex,
// area, residency). It keeps no document number and no birth date.
//
// A Census is immutable and safe for concurrent use. The zero value is not
// usable; build one with [NewCensus] or [ReadCensus].
type Census struct {
	ps     *Pseudonymizer
	asOf   time.Time
	people []censusEntry // in the order of the records
	index  idIndex       // of people, by pseudonym
	labels []string      // sexes and areas, interned
}

// censusEntry is one person of a census, in 32 bytes.
type censusEntry struct {
	id       uuid.UUID
	tag      uint64 // 0: no second factor
	sex      uint16 // index into labels
	area     uint16 // index into labels
	band     uint8
	resident bool
}

// key returns the person's pseudonym, for the census's index.
func (e censusEntry) key() uuid.UUID { return e.id }

// NewCensus builds a census from records, with the per-organisation secret
// and the date ages are computed on (the first day of voting, say). It
// returns an error wrapping [ErrInvalid] for a short secret, an empty
// document, a birth date that is not YYYY-MM-DD or is after asOf, or a
// category with surrounding spaces; [ErrDuplicate] for a document given
// twice; and [ErrOverflow] past 65,535 distinct areas and sexes. Problems
// are joined, each naming its record (1-based).
func NewCensus(secret []byte, asOf time.Time, records []CensusRecord) (*Census, error) {
	ps, err := NewPseudonymizer(secret)
	if err != nil {
		return nil, err
	}
	cb := newCensusBuild(ps, asOf, len(records))
	var errs []error
	for i, r := range records {
		e, err := cb.entry(r)
		if err == nil {
			err = cb.add(e)
		}
		if err != nil {
			errs = append(errs, &ParseError{Line: i + 1, Err: err})
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return cb.c, nil
}

// censusBuild is a census being built, by NewCensus or by decoding, with
// the index of its labels.
type censusBuild struct {
	c      *Census
	labels map[string]uint16
}

// newCensusBuild returns an empty census sized for n people.
func newCensusBuild(ps *Pseudonymizer, asOf time.Time, n int) *censusBuild {
	c := &Census{ps: ps, asOf: asOf.UTC(), people: make([]censusEntry, 0, n), index: newIDIndex(n), labels: []string{""}}
	return &censusBuild{c: c, labels: map[string]uint16{"": 0}}
}

// entry builds the stored form of one record.
func (cb *censusBuild) entry(r CensusRecord) (censusEntry, error) {
	var e censusEntry
	var k personKey
	if e.id, k = cb.c.ps.derive(r.Document); e.id == uuid.Nil {
		return e, errorf(ErrInvalid, "empty document")
	}
	if r.BirthDate != "" {
		b, err := time.Parse(time.DateOnly, strings.TrimSpace(r.BirthDate))
		if err != nil || b.After(cb.c.asOf) {
			return e, errorf(ErrInvalid, "birth date %q", clip(r.BirthDate))
		}
		e.band = uint8(ageBandOf(ageOn(b, cb.c.asOf)))
		e.tag = birthTag(k, r.BirthDate)
	}
	e.resident = r.Resident
	return e, cb.categories(&e, r.Sex, r.Area)
}

// categories checks a person's sex and area and sets them in e, interned.
// It refuses, with [ErrInvalid], a category with surrounding spaces (it
// would split a group) or that is not UTF-8 (JSON could not keep it), and
// with [ErrOverflow] one past 65,536 distinct categories.
func (cb *censusBuild) categories(e *censusEntry, sex, area string) error {
	for _, s := range [...]string{sex, area} {
		if strings.TrimSpace(s) != s || !utf8.ValidString(s) {
			return errorf(ErrInvalid, "category %q has surrounding spaces or is not UTF-8", s)
		}
	}
	var ok1, ok2 bool
	e.sex, ok1 = cb.intern(sex)
	e.area, ok2 = cb.intern(area)
	if !ok1 || !ok2 {
		return errorf(ErrOverflow, "more than 65535 areas and sexes")
	}
	return nil
}

// intern returns the number of a label, adding it when new; false when the
// 16-bit numbers are used up.
func (cb *censusBuild) intern(s string) (uint16, bool) {
	if k, ok := cb.labels[s]; ok {
		return k, true
	}
	c := cb.c
	if len(c.labels) > 1<<16-1 {
		return 0, false
	}
	cb.labels[s] = uint16(len(c.labels))
	c.labels = append(c.labels, s)
	return uint16(len(c.labels) - 1), true
}

// add adds a person; [ErrDuplicate] when the census has the pseudonym.
func (cb *censusBuild) add(e censusEntry) error {
	c := cb.c
	if _, dup := find(&c.index, c.people, e.id); dup {
		return errorf(ErrDuplicate, "document given twice")
	}
	c.people = append(c.people, e)
	add(&c.index, c.people, int32(len(c.people)-1))
	return nil
}

// ageOn returns the age in whole years on day of someone born on birth.
func ageOn(birth, day time.Time) int {
	y := day.Year() - birth.Year()
	if day.Month() < birth.Month() || (day.Month() == birth.Month() && day.Day() < birth.Day()) {
		y--
	}
	return y
}

// ageBandOf returns the band of an age.
func ageBandOf(age int) stakeholder.AgeBand {
	bands := stakeholder.AgeBands()
	for i := len(bands) - 1; i >= 0; i-- {
		if age >= bands[i].MinAge() {
			return bands[i]
		}
	}
	return 0
}

// Verify returns the identity of the person the claim names. It returns an
// error wrapping [ErrNotVerified] for a claim with no document, a document
// the census does not hold, or a birth date that does not match (or is
// missing) where the census has one. The error does not say which, so that
// the census cannot be probed for who is on it.
func (c *Census) Verify(cl Claim) (Identity, error) {
	if c == nil || c.ps == nil {
		return Identity{}, ErrNotVerified // a zero Census holds no one
	}
	id, k := c.ps.derive(cl.Document)
	i, ok := find(&c.index, c.people, id)
	if !ok {
		return Identity{}, ErrNotVerified
	}
	e := &c.people[i]
	if e.tag != 0 && (cl.BirthDate == "" || birthTag(k, cl.BirthDate) != e.tag) {
		return Identity{}, ErrNotVerified
	}
	return Identity{ID: id, Profile: stakeholder.Profile{
		AgeBand: stakeholder.AgeBand(e.band), Sex: c.labels[e.sex], Area: c.labels[e.area], Resident: e.resident,
	}}, nil
}

// Len returns the number of people on the census: the electorate, before
// eligibility rules.
func (c *Census) Len() int { return len(c.people) }

// AsOf returns the date the census computes ages on.
func (c *Census) AsOf() time.Time { return c.asOf }

// ReadCensus reads a census from CSV with a header row naming the columns
// document (required), birth_date, sex, area and resident ("yes", "no",
// "true", "false", "1", "0"; everyone is a resident when the column is
// absent), in any order and any case; other columns are ignored. See
// [NewCensus] for the secret, asOf and the checks; problems name their
// line. It returns an error wrapping [ErrInvalid] for malformed CSV (the
// encoding/csv error kept in the chain) and [ErrMissingField] for a header
// without document.
func ReadCensus(r io.Reader, secret []byte, asOf time.Time) (*Census, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return nil, errorf(ErrInvalid, "census header: %w", err)
	}
	col := columnsOf(head, "document", "birth_date", "sex", "area", "resident")
	if col[0] < 0 {
		return nil, errorf(ErrMissingField, "census has no document column")
	}
	var records []CensusRecord
	var errs []error
	for line := 2; ; line++ {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, &ParseError{Line: line, Err: errorf(ErrInvalid, "%w", err)}
		}
		cell := func(k int) string {
			if col[k] < 0 || col[k] >= len(row) {
				return ""
			}
			return strings.TrimSpace(row[col[k]])
		}
		rec := CensusRecord{Document: cell(0), BirthDate: cell(1), Sex: cell(2), Area: cell(3), Resident: true}
		if col[4] >= 0 {
			b, ok := parseYesNo(cell(4))
			if !ok {
				errs = append(errs, &ParseError{Line: line, Err: errorf(ErrInvalid, "resident %q", clip(cell(4)))})
			}
			rec.Resident = b
		}
		records = append(records, rec)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	c, err := NewCensus(secret, asOf, records)
	if err != nil {
		return nil, shiftLines(err, 1)
	}
	return c, nil
}

// shiftLines adds off to the line of every *ParseError joined in err (record
// numbers become file lines past the header).
func shiftLines(err error, off int) error {
	var out []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, shiftLines(e, off))
		}
		return errors.Join(out...)
	}
	var pe *ParseError
	if errors.As(err, &pe) && pe.Line > 0 {
		return &ParseError{Line: pe.Line + off, Err: pe.Err}
	}
	return err
}

// columnsOf returns the position of each wanted column in a header (names
// compared as enum names are: any case, '_', '-' or ' ' between words), -1
// when absent.
func columnsOf(head []string, want ...string) []int {
	pos := make([]int, len(want))
	for k, w := range want {
		pos[k] = -1
		for i, h := range head {
			if strings.EqualFold(strings.NewReplacer("-", "_", " ", "_").Replace(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))), w) {
				pos[k] = i
				break
			}
		}
	}
	return pos
}

// parseYesNo reads a yes/no cell.
func parseYesNo(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "yes", "y", "true", "1":
		return true, true
	case "no", "n", "false", "0":
		return false, true
	}
	b, err := strconv.ParseBool(s)
	return b, err == nil
}
