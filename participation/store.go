package participation

import (
	"hash/maphash"
	"math"
	"time"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/stakeholder"
)

// support is one stored signature, 32 bytes with no pointer, so that a
// million of them are one allocation the garbage collector never scans.
// The profile's strings are interned: area and sex are indexes into the
// store's tables.
type support struct {
	person   uuid.UUID
	at       int64  // Unix nanoseconds
	area     uint16 // index into store.areas
	sex      uint8  // index into store.sexes
	age      uint8  // stakeholder.AgeBand
	channel  uint8  // Channel
	resident bool
}

// store keeps an initiative's supports compactly: a slice of fixed-size
// records, an open-addressing hash index from person to record, and the
// interned area and sex labels with the count of supports per area.
//
// The index is a power-of-two table of 64-bit slots, kept at most three
// quarters full, probed linearly, with backward-shift deletion so that no
// tombstone is left. A slot holds the record's position plus 1 in its high
// 32 bits (0: empty) and the low 32 bits of the ID's hash in its low bits:
// a probe compares hashes without touching the record (a cache miss at a
// million supports), and growing or deleting finds each entry's home
// without rehashing.
//
// Per supporter that is 32 bytes of record plus 8 to 16 bytes of index,
// against about 60 for a Go map keyed by the ID beside the same records.
// IDs are hashed with a per-store random seed (hash/maphash), so chosen
// IDs cannot force collisions; the seed decides only where an entry sits
// in the table, never an observable order or result.
//
// The zero value is an empty store; its tables are set up by the first
// change (init).
type store struct {
	recs      []support
	slots     []uint64 // position+1 << 32 | uint32(hash); 0: empty
	seed      maphash.Seed
	areas     []string // areas[0] is "", unknown
	areaIdx   map[string]uint16
	areaCount []int    // active supports per area index
	sexes     []string // sexes[0] is "", not given
	sexIdx    map[string]uint8
}

// init sets up the tables of a zero store: the hash seed and the empty
// labels at index 0. Every method that changes the store calls it first.
func (s *store) init() {
	if s.areas != nil {
		return
	}
	s.seed = maphash.MakeSeed()
	s.areas, s.areaIdx, s.areaCount = []string{""}, map[string]uint16{"": 0}, []int{0}
	s.sexes, s.sexIdx = []string{""}, map[string]uint8{"": 0}
}

// len returns the number of supports.
func (s *store) len() int { return len(s.recs) }

// hash returns the low 32 bits of id's hash: enough for tables of up to
// 2³² slots.
func (s *store) hash(id uuid.UUID) uint32 { return uint32(maphash.Comparable(s.seed, id)) }

// find returns the table position holding id and true, or the empty
// position where id would go and false.
func (s *store) find(id uuid.UUID) (slot int, found bool) {
	if len(s.slots) == 0 {
		return -1, false
	}
	h := s.hash(id)
	mask := len(s.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		e := s.slots[i]
		if e == 0 {
			return i, false
		}
		if uint32(e) == h && s.recs[e>>32-1].person == id {
			return i, true
		}
	}
}

// lookup returns the position in recs of id's support.
func (s *store) lookup(id uuid.UUID) (int, bool) {
	slot, ok := s.find(id)
	if !ok {
		return -1, false
	}
	return int(s.slots[slot]>>32) - 1, true
}

// add appends r, whose person must not be in the store yet.
func (s *store) add(r support) {
	s.init()
	if 4*(len(s.recs)+1) > 3*len(s.slots) {
		s.grow()
	}
	s.recs = append(s.recs, r)
	slot, _ := s.find(r.person)
	s.slots[slot] = uint64(len(s.recs))<<32 | uint64(s.hash(r.person))
	s.areaCount[r.area]++
}

// grow doubles the table (16 slots at first) and moves every entry to its
// place in the new one, from the hash bits it holds.
func (s *store) grow() {
	old := s.slots
	s.slots = make([]uint64, max(16, 2*len(old)))
	mask := len(s.slots) - 1
	for _, e := range old {
		if e == 0 {
			continue
		}
		i := int(uint32(e)) & mask
		for s.slots[i] != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = e
	}
}

// remove deletes the support at position pos in recs. The last record moves
// into its place, so positions (and the order of [Initiative.Supports]) are
// stable only until a withdrawal.
func (s *store) remove(pos int) {
	r := s.recs[pos]
	slot, _ := s.find(r.person)
	s.deleteSlot(slot)
	last := len(s.recs) - 1
	if pos != last {
		moved := s.recs[last]
		ms, _ := s.find(moved.person)
		s.slots[ms] = uint64(pos+1)<<32 | uint64(uint32(s.slots[ms]))
		s.recs[pos] = moved
	}
	s.recs = s.recs[:last]
	s.areaCount[r.area]--
}

// deleteSlot empties table position i and shifts back the entries after it
// whose probe sequence passes through i, so every remaining entry stays
// reachable from its home without tombstones (Knuth, TAOCP vol. 3, 6.4,
// algorithm R).
func (s *store) deleteSlot(i int) {
	mask := len(s.slots) - 1
	for j := (i + 1) & mask; s.slots[j] != 0; j = (j + 1) & mask {
		h := int(uint32(s.slots[j])) & mask
		// The entry at j may move to i unless its home lies cyclically in
		// (i, j]: then it is already as close to home as it can be.
		if (i <= j && (h <= i || h > j)) || (i > j && h <= i && h > j) {
			s.slots[i] = s.slots[j]
			i = j
		}
	}
	s.slots[i] = 0
}

// intern returns the indexes of area and sex, adding them to the tables if
// new. It fails with ErrTooManyCategories, changing nothing, when a table
// is full.
func (s *store) intern(area, sex string) (uint16, uint8, error) {
	s.init()
	a, aok := s.areaIdx[area]
	x, xok := s.sexIdx[sex]
	if (!aok && len(s.areas) > math.MaxUint16) || (!xok && len(s.sexes) > math.MaxUint8) {
		return 0, 0, ErrTooManyCategories
	}
	if !aok {
		a = uint16(len(s.areas))
		s.areas = append(s.areas, area)
		s.areaIdx[area] = a
		s.areaCount = append(s.areaCount, 0)
	}
	if !xok {
		x = uint8(len(s.sexes))
		s.sexes = append(s.sexes, sex)
		s.sexIdx[sex] = x
	}
	return a, x, nil
}

// profile returns the profile stored in r.
func (s *store) profile(r support) stakeholder.Profile {
	return stakeholder.Profile{
		AgeBand:  stakeholder.AgeBand(r.age),
		Sex:      s.sexes[r.sex],
		Area:     s.areas[r.area],
		Resident: r.resident,
	}
}

// export returns r as the public Support value.
func (s *store) export(r support) Support {
	return Support{
		Person:  r.person,
		Profile: s.profile(r),
		Channel: SigningMethod(r.channel),
		At:      time.Unix(0, r.at).UTC(),
	}
}
