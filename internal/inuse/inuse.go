// Package inuse detects the concurrent misuse of an aggregate that is not
// safe for concurrent use: a Guard set for the duration of each method
// panics at once, with a message that names the missing lock, when two
// goroutines use the aggregate together and one of them changes it, instead
// of letting them corrupt it (a hash table that loops forever, a fatal
// concurrent map write).
//
// It does not make the aggregate safe: the caller's mutex does. It makes
// forgetting the mutex fail loudly on the first overlap. Two calls that do
// not overlap in time pass, and the guard's atomic operations order them,
// so what the first wrote the second reads.
package inuse

import "sync/atomic"

// Guard is an in-use flag: the number of readers inside the aggregate, or
// -1 while a writer is. The zero value is free. A Guard must not be copied
// once used; an aggregate keeps it beside its data, not in it, so that the
// data can be replaced wholesale.
type Guard struct {
	n atomic.Int32
}

// writing is the count of a guard held by a writer.
const writing = -1

// BeginWrite marks the start of a change; it panics with msg when another
// goroutine is inside. Pair it with defer g.EndWrite().
func (g *Guard) BeginWrite(msg string) {
	if !g.n.CompareAndSwap(0, writing) {
		panic(msg)
	}
}

// EndWrite marks the end of a change begun with BeginWrite.
func (g *Guard) EndWrite() { g.n.Store(0) }

// BeginRead marks the start of a read; it panics with msg when a writer is
// inside. Readers may overlap. Pair it with defer g.EndRead().
func (g *Guard) BeginRead(msg string) {
	for {
		n := g.n.Load()
		if n < 0 {
			panic(msg)
		}
		if g.n.CompareAndSwap(n, n+1) {
			return
		}
	}
}

// EndRead marks the end of a read begun with BeginRead.
func (g *Guard) EndRead() { g.n.Add(-1) }
