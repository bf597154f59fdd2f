package riverside

import (
	"fmt"
	"io"
)

// printer writes formatted text and keeps the first write error, so a story
// can be told in many small writes and checked once.
type printer struct {
	w    io.Writer
	err  error
	bare bool // leave out section headings
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) println(args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintln(p.w, args...)
	}
}
