package budgeting

import (
	"encoding/binary"

	"github.com/google/uuid"
)

// keyed is a record that a pseudonym identifies: a voter of a box, a person
// of a census.
type keyed interface {
	key() uuid.UUID
}

// idIndex finds records by their pseudonym: an open-addressing hash table
// with linear probing whose slots hold a record's position plus one (0 for
// an empty slot), 4 bytes a slot, at most half full, so that it costs 8 to
// 16 bytes a record where a map[uuid.UUID]int32 costs about 40 and a lookup
// touches one small slot instead of a map group. The records, and so their
// pseudonyms, stay with the caller, which passes them to every call.
//
// It is not [metrics.IDIndex], which keeps each ID in its slot and again in
// a list, 36 to 56 bytes an ID: right for a caller that has no records of
// its own, twice the memory here, where the box's voters and the census's
// people already hold their pseudonyms.
//
// Pseudonyms are hashed before they are placed: those of a [Pseudonymizer]
// are uniformly random, but a [Verifier] may hand out IDs with a pattern
// (sequential ones, say), which unhashed would crowd into neighbouring
// slots.
type idIndex struct {
	slots []int32
	n     int
}

// newIDIndex returns an index sized for hint records without growing.
func newIDIndex(hint int) idIndex {
	size := 8
	for size < 2*hint {
		size *= 2
	}
	return idIndex{slots: make([]int32, size)}
}

// slotOf hashes a pseudonym to its first slot in a table of mask+1 slots:
// both halves folded and mixed by the finalizer of MurmurHash3.
func slotOf(id uuid.UUID, mask int) int {
	h := binary.LittleEndian.Uint64(id[:8]) ^ binary.LittleEndian.Uint64(id[8:])
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return int(h) & mask
}

// find returns the position in recs of the record with pseudonym id.
func find[T keyed](x *idIndex, recs []T, id uuid.UUID) (int32, bool) {
	mask := len(x.slots) - 1
	if mask < 0 {
		return 0, false
	}
	for i := slotOf(id, mask); ; i = (i + 1) & mask {
		s := x.slots[i]
		if s == 0 {
			return 0, false
		}
		if recs[s-1].key() == id {
			return s - 1, true
		}
	}
}

// add indexes recs[pos], which no other record's pseudonym equals; recs
// holds every record indexed so far.
func add[T keyed](x *idIndex, recs []T, pos int32) {
	if 2*(x.n+1) > len(x.slots) {
		grown := newIDIndex(max(x.n+1, 2*x.n))
		for i, s := range x.slots {
			if s != 0 {
				grown.place(recs[s-1].key(), x.slots[i])
			}
		}
		grown.n = x.n
		*x = grown
	}
	x.place(recs[pos].key(), pos+1)
	x.n++
}

// place puts slot value s for id in the first free slot of its probe
// sequence.
func (x *idIndex) place(id uuid.UUID, s int32) {
	mask := len(x.slots) - 1
	i := slotOf(id, mask)
	for x.slots[i] != 0 {
		i = (i + 1) & mask
	}
	x.slots[i] = s
}
