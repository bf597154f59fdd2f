package budgeting

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
)

// censusVersion is the version of the census document.
const censusVersion = 1

// keyCheckDomain is what the key check of a census document is the HMAC
// of.
const keyCheckDomain = "civitas/budgeting/key-check\x00"

// censusJSON is the JSON form of a Census. It holds what the census holds,
// and no more: pseudonyms, second-factor tags and profiles, never a
// document number, a birth date or the secret. The key check lets decoding
// refuse a secret other than the one the pseudonyms were made with.
type censusJSON struct {
	Version  int                `json:"version"`
	KeyCheck string             `json:"key_check"`
	AsOf     time.Time          `json:"as_of"`
	People   []censusPersonJSON `json:"people"`
}

// censusPersonJSON is one person: the pseudonym and profile, and the
// birth-date tag as 16 hex digits (omitted when the register gave no birth
// date).
type censusPersonJSON struct {
	personJSON
	Check string `json:"check,omitempty"`
}

// keyCheck returns the key check of the pseudonymizer's secret: 16 bytes
// of the HMAC of a fixed text, in hex. It tells two secrets apart and, an
// HMAC being a pseudorandom function of its key, says nothing of the
// secret.
func (p *Pseudonymizer) keyCheck() string {
	st := p.pool.Get().(*macState)
	defer p.pool.Put(st)
	st.msg = append(st.msg[:0], keyCheckDomain...)
	return hex.EncodeToString(st.digest()[:16])
}

// MarshalJSON encodes the census: its version, a key check of its secret,
// the date ages are computed on, and each person in the order of the
// records it was built from, as a pseudonym, a second-factor tag, an age
// band, a sex, an area and residency. It writes no document number, no
// birth date and not the secret: [DecodeCensus] takes the secret. A zero
// Census is an error wrapping [ErrInvalid].
func (c *Census) MarshalJSON() ([]byte, error) {
	if c == nil || c.ps == nil {
		return nil, errorf(ErrInvalid, "a zero Census: nothing to encode")
	}
	w := censusJSON{Version: censusVersion, KeyCheck: c.ps.keyCheck(), AsOf: c.asOf, People: make([]censusPersonJSON, len(c.people))}
	for i := range c.people {
		e := &c.people[i]
		p := censusPersonJSON{personJSON: personJSON{ID: e.id, AgeBand: stakeholder.AgeBand(e.band), Sex: c.labels[e.sex], Area: c.labels[e.area], Resident: e.resident}}
		if e.tag != 0 {
			p.Check = checkText16(e.tag)
		}
		w.People[i] = p
	}
	return json.Marshal(w)
}

// DecodeCensus decodes what [Census.MarshalJSON] encodes, with the secret
// the census was built with: the document does not hold it, so whoever
// keeps the document without the secret can neither verify anyone with it
// nor tell whose pseudonyms it holds. Decoding does not re-key a census: a
// census under a new secret is built again from the register.
//
// It returns an error wrapping [ErrInvalid] for a short secret, malformed
// JSON (the encoding/json error kept in the chain), another version, a
// zero or unrepresentable date, a Nil pseudonym or one no [Pseudonymizer]
// makes (not version 8), a check that is not 16 hex digits or is even, an
// undeclared age band, or a category a census refuses; [ErrInconsistent]
// for a key check of another secret, or a person with a check and no age
// band or the reverse (both come from the birth date); [ErrDuplicate] for a
// pseudonym given twice; and [ErrOverflow] past 65,535 categories. The
// problems of the people are joined, each naming its place.
func DecodeCensus(data []byte, secret []byte) (*Census, error) {
	ps, err := NewPseudonymizer(secret)
	if err != nil {
		return nil, err
	}
	var w censusJSON
	if err := decodeJSON("census", data, &w); err != nil {
		return nil, err
	}
	switch {
	case w.Version != censusVersion:
		return nil, errorf(ErrInvalid, "census version %d, want %d", w.Version, censusVersion)
	case w.KeyCheck != ps.keyCheck():
		return nil, errorf(ErrInconsistent, "the census was made with another secret")
	case !representable(w.AsOf):
		return nil, errorf(ErrInvalid, "census date %s", w.AsOf)
	}
	cb := newCensusBuild(ps, w.AsOf, len(w.People))
	var errs []error
	for i, p := range w.People {
		if err := cb.decodePerson(p); err != nil {
			errs = append(errs, fmt.Errorf("people[%d]: %w", i, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return cb.c, nil
}

// decodePerson checks one person of a census document and adds them.
func (cb *censusBuild) decodePerson(p censusPersonJSON) error {
	e := censusEntry{id: p.ID, band: uint8(p.AgeBand), resident: p.Resident}
	switch {
	case p.ID == uuid.Nil || p.ID.Version() != 8 || p.ID.Variant() != uuid.RFC4122:
		return errorf(ErrInvalid, "pseudonym %s", p.ID)
	case p.AgeBand != 0 && !p.AgeBand.IsValid():
		return errorf(ErrInvalid, "age band %d", p.AgeBand)
	case (p.Check == "") != (p.AgeBand == 0):
		return errorf(ErrInconsistent, "a check and an age band both come from the birth date")
	}
	if p.Check != "" {
		t, err := strconv.ParseUint(p.Check, 16, 64)
		if err != nil || t&1 == 0 || checkText16(t) != p.Check {
			return errorf(ErrInvalid, "check %q (want 16 lowercase hex digits, odd)", clip(p.Check))
		}
		e.tag = t
	}
	if err := cb.categories(&e, p.Sex, p.Area); err != nil {
		return err
	}
	return cb.add(e)
}

// checkText16 writes a birth-date tag as 16 lowercase hex digits.
func checkText16(t uint64) string { return fmt.Sprintf("%016x", t) }
