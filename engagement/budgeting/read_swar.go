package budgeting

import "math/bits"

// The reader looks for a cell's or a project ID's end eight bytes at a
// time: a word of the file is loaded at once and the bytes equal to the
// separator are found with the carry trick of "Bit Twiddling Hacks"
// (determine if a word has a byte equal to n). A word may reach past the
// cell into the rest of the file, never past its end; what lies beyond the
// cell is ignored.

const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
	semis    = ';' * lowBits
	commas   = ',' * lowBits
)

// word returns the eight bytes of s from i, the first in the lowest byte;
// it needs i+8 ≤ len(s).
func word(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// firstEqual returns the index (0 to 7) of the first byte of w equal to the
// byte repeated in pattern, or 8 when none is. Borrows only run upwards, so
// the lowest flagged byte is always a true match.
func firstEqual(w, pattern uint64) int {
	x := w ^ pattern
	return bits.TrailingZeros64((x-lowBits)&^x&highBits) >> 3
}

// indexFrom returns the index of the first byte equal to pattern's in
// s[i:end], or end, where s[i:end] is the text to search and s goes on
// beyond it.
func indexFrom(s string, i, end int, pattern uint64) int {
	for i+8 <= len(s) && i < end {
		if k := firstEqual(word(s, i), pattern); k < 8 {
			return min(i+k, end)
		}
		i += 8
	}
	sep := byte(pattern)
	for i < end && s[i] != sep {
		i++
	}
	return min(i, end)
}
