package budgeting

import (
	"bufio"
	"io"
	"strings"
)

// WriteTo writes the election to w as a Pabulib .pb file in canonical form:
// sections titled META, PROJECTS and VOTES, every META row and column in
// the order held, cells separated by ";" and quoted only when needed, "\n"
// line ends, no byte-order mark. Costs keep their decimal places
// ("400000.0"); a decimal comma is written as a point. Reading the output
// gives an election [Election.Equal] to e.
//
// It returns the number of bytes written and any error from w; for a zero
// Election, an error wrapping [ErrInvalid] and nothing written.
func (e *Election) WriteTo(w io.Writer) (int64, error) {
	if e == nil || e.inst == nil || e.prof == nil {
		return 0, errorf(ErrInvalid, "a zero Election: nothing to write")
	}
	cw := &countWriter{w: w}
	bw := bufio.NewWriterSize(cw, 64<<10)
	var row []byte
	line := func(cells ...string) {
		row = row[:0]
		for i, c := range cells {
			if i > 0 {
				row = append(row, ';')
			}
			row = appendCell(row, c, i == 0)
		}
		row = append(row, '\n')
		bw.Write(row) // errors surface at Flush
	}
	in, pr := e.inst, e.prof
	bw.WriteString("META\nkey;value\n")
	for _, f := range in.meta {
		line(f.Key, f.Value)
	}
	bw.WriteString("PROJECTS\n")
	line(in.columns...)
	cells := make([]string, len(in.columns))
	for _, p := range in.projects {
		x := 0
		for i, role := range in.roles {
			switch role {
			case colID:
				cells[i] = p.ID
			case colCost:
				cells[i] = decimalText(p.Cost)
			case colName:
				cells[i] = p.Name
			case colCategory:
				cells[i] = strings.Join(p.Categories, ",")
			case colTarget:
				cells[i] = strings.Join(p.Targets, ",")
			default:
				cells[i] = p.Extra[x].Value
				x++
			}
		}
		line(cells...)
	}
	bw.WriteString("VOTES\n")
	line(pr.columns...)
	cells = make([]string, len(pr.columns))
	var list []byte
	nAttr := len(pr.attrCols)
	raw := 0 // the next ballot that named a project twice
	for v := range pr.ids {
		lo, hi := pr.offsets[v], pr.offsets[v+1]
		x := 0
		var rb *rawBallot
		if raw < len(e.repeats) && int(e.repeats[raw].voter) == v {
			rb = &e.repeats[raw] // written as read, so that nothing is lost
			raw++
		}
		for i, role := range pr.roles {
			switch role {
			case vcolID:
				cells[i] = pr.str(pr.ids[v])
			case vcolVote:
				if rb != nil {
					cells[i] = rb.vote
					continue
				}
				list = list[:0]
				for k := lo; k < hi; k++ {
					if k > lo {
						list = append(list, ',')
					}
					list = append(list, in.projects[pr.items[k]].ID...)
				}
				cells[i] = string(list)
			case vcolPoints:
				if rb != nil {
					cells[i] = rb.points
					continue
				}
				list = list[:0]
				for k := lo; k < hi; k++ {
					if k > lo {
						list = append(list, ',')
					}
					list = append(list, unscaled(pr.points[k], pr.places).String()...)
				}
				cells[i] = string(list)
			default:
				cells[i] = pr.str(pr.attrs[v*nAttr+x])
				x++
			}
		}
		line(cells...)
	}
	err := bw.Flush()
	return cw.n, err
}

// appendCell appends s to row, quoted when reading it back would otherwise
// give something else: a separator or quote inside, a literal "none" (which
// unquoted means no value), or a first cell that would read as a section
// title.
func appendCell(row []byte, s string, first bool) []byte {
	needs := strings.ContainsAny(s, ";\"") || (s != "" && isNone(s)) ||
		(first && sectionOf(s) != secNone)
	if !needs {
		return append(row, s...)
	}
	row = append(row, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			row = append(row, '"')
		}
		row = append(row, s[i])
	}
	return append(row, '"')
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
