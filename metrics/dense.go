package metrics

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"iter"
	"math"
	"math/bits"
	"strconv"

	"github.com/google/uuid"
)

// The accumulators of this file are for counts over millions of records and
// hundreds of thousands of distinct people, where a Go map per key costs a
// random memory access and an allocation per new key. They work on dense
// numbers: a participant is a number 0, 1, 2, … (a row number in the
// organisation's own table, or one handed out by an [IDIndex]), a group is
// a small index into a table of labels. Then a set of people is a bitmap
// (one bit per participant), a count per group an array, and adding a
// record costs a few instructions on memory that stays in cache. They keep
// the shape of the other accumulators (Add, AddAll, Merge, exact results)
// and give exactly the figures the map-based ones give on the same records.

// IDIndex hands out dense participant numbers for pseudonymous IDs: the
// first ID it sees gets 0, the next new one 1, and so on, and an ID seen
// again gets its number back. It is an open-addressing hash table
// specialised for 16-byte IDs (linear probing over a power-of-two table
// kept at most half full), so a lookup is one hash and, almost always, one
// cache line; it allocates only when it grows.
//
// Numbers fit a uint32: an index holds at most 2³¹ IDs ([ErrOverflow]
// beyond). The Nil UUID is an ordinary ID here; callers that must reject
// it do so before. The zero value is an empty index, ready to use. An
// IDIndex is not safe for concurrent use.
type IDIndex struct {
	slots []idSlot // len is a power of two, or 0
	ids   []uuid.UUID
}

// idSlot is one slot of the table: the ID and its number plus one (0 marks
// an empty slot).
type idSlot struct {
	id  uuid.UUID
	num uint32
}

// maxIDs is the capacity of an IDIndex.
const maxIDs = 1 << 31

// Number returns id's number, giving it the next one if it is new. It
// returns [ErrOverflow] when the index is full.
func (x *IDIndex) Number(id uuid.UUID) (uint32, error) {
	if 2*(len(x.ids)+1) > len(x.slots) {
		if len(x.ids) >= maxIDs {
			return 0, &FieldError{Field: "ids", Value: strconv.Itoa(len(x.ids)), Err: ErrOverflow}
		}
		x.grow()
	}
	mask := uint64(len(x.slots) - 1)
	for i := idHash(id) & mask; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.num == 0 {
			x.ids = append(x.ids, id)
			s.id, s.num = id, uint32(len(x.ids))
			return s.num - 1, nil
		}
		if s.id == id {
			return s.num - 1, nil
		}
	}
}

// Lookup returns id's number and true, or 0 and false when the index has
// not seen id.
func (x *IDIndex) Lookup(id uuid.UUID) (uint32, bool) {
	if len(x.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(x.slots) - 1)
	for i := idHash(id) & mask; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.num == 0 {
			return 0, false
		}
		if s.id == id {
			return s.num - 1, true
		}
	}
}

// Len returns the number of IDs in the index.
func (x *IDIndex) Len() int { return len(x.ids) }

// ID returns the ID with number n. It panics when n ≥ Len().
func (x *IDIndex) ID(n uint32) uuid.UUID { return x.ids[n] }

// grow doubles the table (16 slots at first) and reinserts every ID.
func (x *IDIndex) grow() {
	size := max(16, 2*len(x.slots))
	slots := make([]idSlot, size)
	mask := uint64(size - 1)
	for n, id := range x.ids {
		i := idHash(id) & mask
		for slots[i].num != 0 {
			i = (i + 1) & mask
		}
		slots[i] = idSlot{id: id, num: uint32(n + 1)}
	}
	x.slots = slots
}

// idHash mixes the 16 bytes of an ID into 64 bits. Pseudonymous IDs are
// random or HMAC outputs, so two multiply-xorshift rounds (the finaliser of
// SplitMix64) spread even sequential test IDs over the table.
func idHash(id uuid.UUID) uint64 {
	h := binary.LittleEndian.Uint64(id[:8]) ^ bits.RotateLeft64(binary.LittleEndian.Uint64(id[8:]), 31)
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}

// DistinctIDs is the exact set of participant numbers seen: the people
// reached, the distinct contributors of an age band. It is a bitmap, one
// bit per number up to the largest seen, so it holds a million people in
// 125 KiB and adds one without allocating once the bitmap is large enough.
// Like [DistinctCounter], which it equals on the same records, it merges
// by union, in any order.
//
// The zero value is an empty set, ready to use. A DistinctIDs is not safe
// for concurrent use.
type DistinctIDs struct {
	words []uint64
	count int64
}

// Add records participant n.
func (d *DistinctIDs) Add(n uint32) {
	w := int(n >> 6)
	if w >= len(d.words) {
		d.extend(w)
	}
	// Branch-free: a set bit adds 0 to the count, a new one 1.
	old := d.words[w]
	d.words[w] = old | 1<<(n&63)
	d.count += int64(^old >> (n & 63) & 1)
}

// AddAll records every participant of ns.
func (d *DistinctIDs) AddAll(ns []uint32) {
	for _, n := range ns {
		d.Add(n)
	}
}

// Grow makes room for participant numbers below n, so that adding them
// does not allocate.
func (d *DistinctIDs) Grow(n uint32) {
	if n > 0 {
		d.extend(int((n - 1) >> 6))
	}
}

// extend makes words long enough to hold word w, growing by doubling.
func (d *DistinctIDs) extend(w int) {
	size := max(w+1, 2*len(d.words))
	words := make([]uint64, size)
	copy(words, d.words)
	d.words = words
}

// Contains reports whether participant n has been seen.
func (d *DistinctIDs) Contains(n uint32) bool {
	w := int(n >> 6)
	return w < len(d.words) && d.words[w]&(1<<(n&63)) != 0
}

// Count returns the number of distinct participants seen.
func (d *DistinctIDs) Count() int64 { return d.count }

// Merge adds every participant of o to d (a set union); o is not changed,
// and a nil o adds nothing.
func (d *DistinctIDs) Merge(o *DistinctIDs) {
	if o == nil || len(o.words) == 0 {
		return
	}
	if len(o.words) > len(d.words) {
		d.extend(len(o.words) - 1)
	}
	var count int64
	for i := range d.words {
		if i < len(o.words) {
			d.words[i] |= o.words[i]
		}
		count += int64(bits.OnesCount64(d.words[i]))
	}
	d.count = count
}

// All yields the participant numbers seen, in increasing order.
func (d *DistinctIDs) All() iter.Seq[uint32] {
	return func(yield func(uint32) bool) {
		for i, w := range d.words {
			for w != 0 {
				b := bits.TrailingZeros64(w)
				if !yield(uint32(i<<6 + b)) {
					return
				}
				w &= w - 1
			}
		}
	}
}

// MarshalJSON writes the participant numbers as a JSON array in increasing
// order.
func (d DistinctIDs) MarshalJSON() ([]byte, error) {
	ns := make([]uint32, 0, d.count)
	for n := range d.All() {
		ns = append(ns, n)
	}
	return json.Marshal(ns)
}

// UnmarshalJSON reads what MarshalJSON writes, replacing d's set. A number
// given twice is [ErrInconsistent]; malformed JSON is [ErrInvalid]. On
// error d is not changed.
func (d *DistinctIDs) UnmarshalJSON(b []byte) error {
	var ns []uint32
	if err := json.Unmarshal(b, &ns); err != nil {
		return decodeErr(err)
	}
	var got DistinctIDs
	for i, n := range ns {
		if got.Contains(n) {
			return &FieldError{Field: fmt.Sprintf("ids[%d]", i), Value: strconv.FormatUint(uint64(n), 10) + " (given twice)", Err: ErrInconsistent}
		}
		got.Add(n)
	}
	*d = got
	return nil
}

// IndexCounter counts records by group when groups are small indexes
// 0..n−1 into a table of labels the caller keeps (areas, age bands): an
// array instead of a map, so adding a record is one increment. Like
// [GroupCounter], which it equals on the same records, it merges by
// summing.
//
// The zero value is an empty counter, ready to use. An IndexCounter is not
// safe for concurrent use.
type IndexCounter struct {
	counts []int64
	total  int64
}

// Add counts one record in group i.
func (c *IndexCounter) Add(i uint32) {
	if int(i) >= len(c.counts) {
		counts := make([]int64, max(int(i)+1, 2*len(c.counts)))
		copy(counts, c.counts)
		c.counts = counts
	}
	c.counts[i]++
	c.total++
}

// AddAll counts one record in each group of is.
func (c *IndexCounter) AddAll(is []uint32) {
	for _, i := range is {
		c.Add(i)
	}
}

// Count returns the number of records in group i.
func (c *IndexCounter) Count(i uint32) int64 {
	if int(i) >= len(c.counts) {
		return 0
	}
	return c.counts[i]
}

// Total returns the number of records counted.
func (c *IndexCounter) Total() int64 { return c.total }

// Merge adds every record of o to c; o is not changed, and a nil o adds
// nothing. It returns [ErrOverflow] and changes nothing if a count would
// overflow.
func (c *IndexCounter) Merge(o *IndexCounter) error {
	if o == nil {
		return nil
	}
	if c.total > math.MaxInt64-o.total {
		return &FieldError{Field: "total", Value: strconv.FormatInt(o.total, 10), Err: ErrOverflow}
	}
	if len(o.counts) > len(c.counts) {
		counts := make([]int64, len(o.counts))
		copy(counts, c.counts)
		c.counts = counts
	}
	for i, n := range o.counts {
		c.counts[i] += n
	}
	c.total += o.total
	return nil
}

// GroupCounts returns the counts as a breakdown, one entry per label of
// labels (group i is labels[i]), zeros included, for [CompareToPopulation]
// and [PublishRepresentativeness]. It returns [ErrMismatchedGroups] when a
// record was counted in a group beyond the labels.
func (c *IndexCounter) GroupCounts(labels []string) ([]GroupCount, error) {
	for i := len(labels); i < len(c.counts); i++ {
		if c.counts[i] > 0 {
			return nil, &FieldError{Field: "labels", Value: fmt.Sprintf("%d labels, records in group %d", len(labels), i), Err: ErrMismatchedGroups}
		}
	}
	out := make([]GroupCount, len(labels))
	for i, l := range labels {
		out[i] = GroupCount{Group: l, Count: c.Count(uint32(i))}
	}
	return out, nil
}
