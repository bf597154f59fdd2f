package metrics

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"iter"
	"maps"
	"math"
	"slices"
	"strconv"
	"time"
)

// The accumulators of this file count large data in one pass: a record at a
// time, in memory that grows with the number of distinct keys, not of
// records. Each has the shape of Apache Beam's CombineFn (create, add input,
// merge accumulators, extract output):
//
//	create    the zero value, ready to use
//	add       Add, one record at a time, with no allocation once the key
//	          has been seen (integers only: no decimal in the loop)
//	merge     Merge, which adds another accumulator's records; merging
//	          shards in any order and any grouping gives exactly the
//	          accumulator of one pass over all records, because every state
//	          is a sum or a union
//	extract   Count, Share, GroupCounts, Percentile, … read the result
//
// so a large input can be split into shards, each counted on its own
// goroutine or machine, and the shards merged. Each accumulator encodes to
// JSON and back exactly, so a shard can travel between machines.
//
// An accumulator is not safe for concurrent use: give each goroutine its own
// and Merge them when all are done.

// GroupCounter counts records by group: participants by area, inputs by
// topic, responses by age band. It is Apache Beam's CombineFn "count per
// key" in Go: the zero value is the empty accumulator, Add adds one record,
// Merge adds another accumulator (shards merged in any order give exactly
// the one-pass result) and the read methods extract the result.
//
// The zero value is an empty counter, ready to use. A GroupCounter is not
// safe for concurrent use. Keys are compared as Go map keys, so a
// floating-point NaN key is never found again: use strings or integers.
type GroupCounter[K cmp.Ordered] struct {
	counts map[K]int64
	total  int64
}

// Add counts one record in group k. Once k has been seen it does not
// allocate. (The total cannot overflow: that would take 2⁶³ calls.)
func (g *GroupCounter[K]) Add(k K) {
	if g.counts == nil {
		g.counts = make(map[K]int64)
	}
	g.counts[k]++
	g.total++
}

// Merge adds every record counted by o to g; o is not changed, and a nil o
// adds nothing. Merging is commutative and associative. If the total would
// overflow an int64 it returns [ErrOverflow] and changes nothing.
func (g *GroupCounter[K]) Merge(o *GroupCounter[K]) error {
	if o == nil || o.total == 0 {
		return nil
	}
	// Every count is at most the total, so if the totals add up, so does
	// every count.
	total, err := addChecked(g.total, o.total)
	if err != nil {
		return err
	}
	if g.counts == nil {
		g.counts = make(map[K]int64, len(o.counts))
	}
	for k, n := range o.counts {
		g.counts[k] += n
	}
	g.total = total
	return nil
}

// Total returns the number of records counted.
func (g *GroupCounter[K]) Total() int64 { return g.total }

// Len returns the number of groups with at least one record.
func (g *GroupCounter[K]) Len() int { return len(g.counts) }

// Count returns the number of records in group k (0 for a group never
// seen).
func (g *GroupCounter[K]) Count(k K) int64 { return g.counts[k] }

// Share returns the proportion of records in group k: Count(k) / Total().
// It is undefined when nothing was counted.
func (g *GroupCounter[K]) Share(k K) Ratio { return Ratio{num: g.counts[k], den: g.total} }

// All yields each group and its count, in increasing order of the group.
// It sorts the groups when called: read it once per result.
func (g *GroupCounter[K]) All() iter.Seq2[K, int64] {
	keys := slices.Sorted(maps.Keys(g.counts))
	return func(yield func(K, int64) bool) {
		for _, k := range keys {
			if !yield(k, g.counts[k]) {
				return
			}
		}
	}
}

// GroupCounts returns the counts as a breakdown for [CompareToPopulation]
// and the other figures that take one, in increasing order of the group,
// each label written with fmt.Sprint. It returns nil when nothing was
// counted.
func (g *GroupCounter[K]) GroupCounts() []GroupCount {
	var out []GroupCount
	for k, n := range g.All() {
		out = append(out, GroupCount{Group: fmt.Sprint(k), Count: n})
	}
	return out
}

// MarshalJSON writes the counts as an array of [group, count] pairs in
// increasing order of the group, such as [["north",3],["south",1]]: the
// same counter always gives the same bytes. It fails for a key JSON cannot
// write, such as NaN.
func (g GroupCounter[K]) MarshalJSON() ([]byte, error) {
	pairs := make([][2]any, 0, len(g.counts))
	for k, n := range g.All() {
		pairs = append(pairs, [2]any{k, n})
	}
	return json.Marshal(pairs)
}

// UnmarshalJSON reads what MarshalJSON writes, replacing g's counts. An
// entry that is not a pair or repeats a group is rejected with
// [ErrInconsistent], a negative count with [ErrNegative], a zero count
// with [ErrOutOfRange] (the counter never holds one), and a total beyond
// an int64 with [ErrOverflow]. On error g is not changed.
func (g *GroupCounter[K]) UnmarshalJSON(b []byte) error {
	var raw [][]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return decodeErr(err)
	}
	got := GroupCounter[K]{counts: make(map[K]int64, len(raw))}
	for i, pair := range raw {
		input := "counts[" + strconv.Itoa(i) + "]"
		if len(pair) != 2 {
			return &FieldError{Field: input, Value: strconv.Itoa(len(pair)) + " elements", Err: ErrInconsistent}
		}
		var k K
		var n int64
		if err := json.Unmarshal(pair[0], &k); err != nil {
			return decodeErr(err)
		}
		if err := json.Unmarshal(pair[1], &n); err != nil {
			return decodeErr(err)
		}
		if err := got.addCount(input, k, n); err != nil {
			return err
		}
	}
	*g = got
	return nil
}

// addCount adds a decoded count n of group k, checking it as
// UnmarshalJSON documents.
func (g *GroupCounter[K]) addCount(input string, k K, n int64) error {
	if err := nonNegative(input, n); err != nil {
		return err
	}
	if n == 0 {
		return inputErr(input, n, ErrOutOfRange)
	}
	if _, dup := g.counts[k]; dup {
		return &FieldError{Field: input, Value: fmt.Sprint(k), Err: ErrInconsistent}
	}
	total, err := addChecked(g.total, n)
	if err != nil {
		return &FieldError{Field: input, Value: strconv.FormatInt(n, 10), Err: err}
	}
	g.counts[k] = n
	g.total = total
	return nil
}

// DistinctCounter counts distinct keys exactly: the people reached by
// outreach however often they were reached, the participants of a process
// however many inputs each made. It holds the set of keys seen (for
// pseudonymous IDs such as uuid.UUID, 16 bytes a key plus the map's
// overhead), so the count is exact, not an estimate like HyperLogLog.
// Like [GroupCounter] it has the shape of a Beam CombineFn: Add, Merge (a
// set union, so shards merge in any order), Count.
//
// The zero value is an empty set, ready to use. A DistinctCounter is not
// safe for concurrent use.
type DistinctCounter[K comparable] struct {
	seen map[K]struct{}
}

// Add records key k. Once k has been seen it does not allocate.
func (d *DistinctCounter[K]) Add(k K) {
	if d.seen == nil {
		d.seen = make(map[K]struct{})
	}
	d.seen[k] = struct{}{}
}

// Merge adds every key of o to d (a set union); o is not changed, and a nil
// o adds nothing.
func (d *DistinctCounter[K]) Merge(o *DistinctCounter[K]) {
	if o == nil || len(o.seen) == 0 {
		return
	}
	if d.seen == nil {
		d.seen = make(map[K]struct{}, len(o.seen))
	}
	for k := range o.seen {
		d.seen[k] = struct{}{}
	}
}

// Count returns the number of distinct keys seen.
func (d *DistinctCounter[K]) Count() int64 { return int64(len(d.seen)) }

// Contains reports whether k has been seen.
func (d *DistinctCounter[K]) Contains(k K) bool {
	_, ok := d.seen[k]
	return ok
}

// MarshalJSON writes the keys as a JSON array, each key as encoding/json
// writes it, sorted by those bytes so that the same set always gives the
// same bytes. It fails for a key JSON cannot write.
func (d DistinctCounter[K]) MarshalJSON() ([]byte, error) {
	keys := make([]json.RawMessage, 0, len(d.seen))
	for k := range d.seen {
		b, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		keys = append(keys, b)
	}
	slices.SortFunc(keys, func(a, b json.RawMessage) int { return bytes.Compare(a, b) })
	return json.Marshal(keys)
}

// UnmarshalJSON reads what MarshalJSON writes, replacing d's keys. A key
// that appears twice is rejected with [ErrInconsistent]; on error d is not
// changed.
func (d *DistinctCounter[K]) UnmarshalJSON(b []byte) error {
	var keys []K
	if err := json.Unmarshal(b, &keys); err != nil {
		return decodeErr(err)
	}
	got := make(map[K]struct{}, len(keys))
	for i, k := range keys {
		if _, dup := got[k]; dup {
			return &FieldError{Field: "keys[" + strconv.Itoa(i) + "]", Value: fmt.Sprint(k), Err: ErrInconsistent}
		}
		got[k] = struct{}{}
	}
	d.seen = got
	return nil
}

// ResponseTimes is the exact distribution of response times (from an
// inquiry or input to the body's answer) at a resolution of one second:
// Add truncates each duration to whole seconds and counts how many
// responses took each number of seconds. Its percentiles are therefore
// exactly [NearestRankPercentile] of the truncated durations.
//
// Times below [DenseResponseSeconds] (35 days) are counted in an array
// indexed by the second that holds the low 8 bits of each count, with the
// rest carried into pages allocated only where a count passes 255: one
// byte a second (3 MiB for a distribution that reaches 35 days), so that
// adding a response is an increment on memory that mostly stays in cache,
// whatever the number of responses. Longer times go to a map. Like
// [GroupCounter] it has the shape of a Beam CombineFn: Add, Merge (a sum of
// counts per second, so shards merge in any order), Percentile.
//
// The zero value holds no responses and is ready to use. ResponseTimes is
// not safe for concurrent use.
type ResponseTimes struct {
	low    []uint8             // low[s]: the low 8 bits of the count of s seconds
	high   [][]int64           // high[s>>carryShift][s&carryMask]: the count of s seconds >> 8
	sparse GroupCounter[int64] // counts of DenseResponseSeconds seconds or more
	total  int64
}

// DenseResponseSeconds is the bound below which [ResponseTimes] counts in
// an array: 35 days, past the 30 days most response commitments allow.
const DenseResponseSeconds = 35 * 24 * 3600

// The carry pages of ResponseTimes cover 4,096 seconds each.
const (
	carryShift = 12
	carryMask  = 1<<carryShift - 1
)

// Add counts one response that took d, truncated to whole seconds (1.9 s
// counts as 1 s). A negative d (an answer before its question) is rejected
// with [ErrNegative] and changes nothing. Once that number of seconds has
// been seen, Add does not allocate.
func (rt *ResponseTimes) Add(d time.Duration) error {
	if d < 0 {
		return &FieldError{Field: "response time", Value: d.String(), Err: ErrNegative}
	}
	rt.addSeconds(int64(d/time.Second), 1)
	return nil
}

// AddSeconds counts one response that took secs whole seconds, as Add does
// for a duration; a negative secs is rejected with [ErrNegative]. It is the
// entry point for records that store times in seconds.
func (rt *ResponseTimes) AddSeconds(secs int64) error {
	// The common case stays small enough for the compiler to inline.
	if uint64(secs) < uint64(len(rt.low)) {
		if rt.low[secs]++; rt.low[secs] == 0 {
			rt.carry(int(secs), 1)
		}
		rt.total++
		return nil
	}
	return rt.addSecondsChecked(secs)
}

// addSecondsChecked is AddSeconds's path for a time beyond the dense
// array's length: checks, then growth or the sparse map.
func (rt *ResponseTimes) addSecondsChecked(secs int64) error {
	if secs < 0 {
		return inputErr("seconds", secs, ErrNegative)
	}
	if secs > math.MaxInt64/int64(time.Second) {
		return inputErr("seconds", secs, ErrOutOfRange)
	}
	rt.addSeconds(secs, 1)
	return nil
}

// AddAllSeconds counts one response for each entry of secs, as AddSeconds
// does; on a negative entry it stops and returns the error, having counted
// the entries before it.
func (rt *ResponseTimes) AddAllSeconds(secs []int32) error {
	for i, s := range secs {
		if s < 0 {
			return inputErr(fmt.Sprintf("seconds[%d]", i), int64(s), ErrNegative)
		}
		if err := rt.AddSeconds(int64(s)); err != nil {
			return err
		}
	}
	return nil
}

// addSeconds counts n > 0 responses of secs ≥ 0 seconds.
func (rt *ResponseTimes) addSeconds(secs, n int64) {
	rt.total += n
	if secs >= DenseResponseSeconds {
		rt.sparse.counts = lazyMap(rt.sparse.counts)
		rt.sparse.counts[secs] += n
		rt.sparse.total += n
		return
	}
	if int(secs) >= len(rt.low) {
		low := make([]uint8, min(DenseResponseSeconds, max(int(secs)+1, 2*len(rt.low), 4096)))
		copy(low, rt.low)
		rt.low = low
	}
	sum := int64(rt.low[secs]) + n
	rt.low[secs] = uint8(sum)
	if sum > 255 {
		rt.carry(int(secs), sum>>8)
	}
}

// carry adds c·256 responses of secs seconds to the carry pages.
func (rt *ResponseTimes) carry(secs int, c int64) {
	page := secs >> carryShift
	if page >= len(rt.high) {
		high := make([][]int64, DenseResponseSeconds>>carryShift+1)
		copy(high, rt.high)
		rt.high = high
	}
	if rt.high[page] == nil {
		rt.high[page] = make([]int64, 1<<carryShift)
	}
	rt.high[page][secs&carryMask] += c
}

// countAt returns the number of responses of secs < len(rt.low) seconds.
func (rt *ResponseTimes) countAt(secs int) int64 {
	n := int64(rt.low[secs])
	if page := secs >> carryShift; page < len(rt.high) && rt.high[page] != nil {
		n += rt.high[page][secs&carryMask] << 8
	}
	return n
}

// lazyMap returns m, or a new map when m is nil.
func lazyMap(m map[int64]int64) map[int64]int64 {
	if m == nil {
		return make(map[int64]int64)
	}
	return m
}

// Merge adds every response of o to rt; o is not changed, and a nil o adds
// nothing. It returns [ErrOverflow] and changes nothing if the count would
// overflow an int64.
func (rt *ResponseTimes) Merge(o *ResponseTimes) error {
	if o == nil {
		return nil
	}
	if rt.total > math.MaxInt64-o.total {
		return &FieldError{Field: "responses", Value: strconv.FormatInt(o.total, 10), Err: ErrOverflow}
	}
	for secs, n := range o.all() {
		rt.addSeconds(secs, n)
	}
	return nil
}

// Count returns the number of responses counted.
func (rt *ResponseTimes) Count() int64 { return rt.total }

// all yields each number of seconds seen and its count, in increasing
// order of seconds.
func (rt *ResponseTimes) all() iter.Seq2[int64, int64] {
	return func(yield func(int64, int64) bool) {
		for secs := range rt.low {
			if n := rt.countAt(secs); n != 0 && !yield(int64(secs), n) {
				return
			}
		}
		for secs, n := range rt.sparse.All() {
			if !yield(secs, n) {
				return
			}
		}
	}
}

// Percentile returns the p-th percentile by the nearest-rank method, as
// [NearestRankPercentile] defines it: the smallest counted time t (in
// whole seconds) such that at least p % of the responses took t or less,
// that is the value at rank [NearestRank](n, p) of the n sorted times. It
// returns [ErrOutOfRange] for p outside 1..100 and [ErrEmpty] when no
// response has been counted.
func (rt *ResponseTimes) Percentile(p int) (time.Duration, error) {
	if p < 1 || p > 100 {
		return 0, inputErr("p", int64(p), ErrOutOfRange)
	}
	if rt.total == 0 {
		return 0, &FieldError{Field: "response times", Value: "none", Err: ErrEmpty}
	}
	rank := NearestRank(rt.total, p)
	var seen int64
	for secs, n := range rt.all() {
		if seen += n; seen >= rank {
			return time.Duration(secs) * time.Second, nil
		}
	}
	return 0, nil // unreachable: the counts add up to total
}

// Summary returns the count, the median and the 90th percentile, as
// [SummarizeResponseTimes] would for the truncated durations, or
// [ErrEmpty] when no response has been counted.
func (rt *ResponseTimes) Summary() (ResponseTimeSummary, error) {
	median, err := rt.Percentile(50)
	if err != nil {
		return ResponseTimeSummary{}, err
	}
	p90, _ := rt.Percentile(90) // cannot fail once Percentile(50) did not
	return ResponseTimeSummary{Count: int(rt.Count()), Median: median, P90: p90}, nil
}

// ShareWithin returns the proportion of responses that took limit or less,
// comparing each response's whole-second time with limit: the timely
// response rate against a commitment such as "we answer within 14 days".
// It is undefined when no response has been counted.
func (rt *ResponseTimes) ShareWithin(limit time.Duration) Ratio {
	var within int64
	for secs, count := range rt.all() {
		// A response of secs whole seconds is within limit when
		// secs·1s ≤ limit, that is secs ≤ ⌊limit / 1s⌋ for limit ≥ 0.
		if limit < 0 || secs > int64(limit/time.Second) {
			break
		}
		within += count
	}
	return Ratio{num: within, den: rt.total}
}

// responseTimesJSON is the wire form of ResponseTimes.
type responseTimesJSON struct {
	Seconds *GroupCounter[int64] `json:"seconds"`
}

// MarshalJSON writes {"seconds": [[120,3],[300,1]]}: [whole seconds,
// number of responses] pairs in increasing order of seconds.
func (rt ResponseTimes) MarshalJSON() ([]byte, error) {
	var seconds GroupCounter[int64]
	for secs, n := range rt.all() {
		seconds.counts = lazyMap(seconds.counts)
		seconds.counts[secs] = n
		seconds.total += n
	}
	return json.Marshal(responseTimesJSON{Seconds: &seconds})
}

// UnmarshalJSON reads what MarshalJSON writes, replacing rt's counts, and
// validates it as [GroupCounter.UnmarshalJSON] does; a negative number of
// seconds is rejected with [ErrNegative], and one beyond the range of
// [time.Duration] with [ErrOutOfRange]. On error rt is not changed.
func (rt *ResponseTimes) UnmarshalJSON(b []byte) error {
	var w responseTimesJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return decodeErr(err)
	}
	var got ResponseTimes
	if w.Seconds != nil {
		for secs := range w.Seconds.counts {
			if err := nonNegative("seconds", secs); err != nil {
				return err
			}
			if secs > math.MaxInt64/int64(time.Second) {
				return inputErr("seconds", secs, ErrOutOfRange)
			}
		}
		for secs, n := range w.Seconds.counts {
			got.addSeconds(secs, n)
		}
	}
	*rt = got
	return nil
}
