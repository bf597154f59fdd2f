//go:build race

package budgeting_test

// raceEnabled reports that the tests run under the race detector, which
// makes the biggest instances and the longest property tests too slow;
// they run without it.
const raceEnabled = true
