package budgeting

import (
	"strings"
)

// scanHead reads the META and PROJECTS sections and the VOTES header as the
// checker does, cell by cell and untrimmed, reporting what is wrong with
// their structure.
func (c *checker) scanHead() {
	s := c.text
	if strings.HasPrefix(s, "\ufeff") {
		c.add(CategoryFileStructureError, 1, "the file starts with a byte-order mark: META is not found")
		s = s[len("\ufeff"):]
	}
	line, pos := 0, 0
	sec := secNone
	header := false // the next row is the current section's header
	seenKeys := map[string]bool{}
	c.pindex = map[string]int{}
	for pos < len(s) {
		end := strings.IndexAny(s[pos:], "\r\n")
		next := len(s)
		if end < 0 {
			end = len(s)
		} else {
			end += pos
			next = end + 1
			if s[end] == '\r' && next < len(s) && s[next] == '\n' {
				next++
			}
		}
		text := s[pos:end]
		pos = next
		line++
		if strings.TrimSpace(text) == "" {
			if pos < len(s) {
				c.add(CategoryEmptyLinesRemoved, line, "a blank line")
			}
			continue
		}
		if t := titleOf(text); t != secNone {
			if text != sectionNames[t] {
				c.add(CategoryFileStructureError, line, "the section title %q has spaces or cells around it", clip(text))
			}
			if t != c.sections+1 {
				c.add(CategoryFileStructureError, line, "section %s out of order or repeated", sectionNames[t])
			}
			c.sections = max(c.sections, t)
			sec, header = t, true
			if t == secVotes {
				c.headOK = true
				c.scanVotesHeader(s[pos:], line)
				return
			}
			continue
		}
		cells := rawCells(text)
		c.checkCells(cells, line)
		switch {
		case sec == secNone:
			c.add(CategoryFileStructureError, line, "data before the META title: %q", clip(text))
		case header && sec == secMeta:
			header = false
			if len(trimEmpty(cells)) != 2 || cells[0] != "key" || cells[1] != "value" {
				c.add(CategoryFileStructureError, line, "the META header is %q, not key;value", clip(text))
			}
		case sec == secMeta:
			cells = trimEmpty(cells)
			if len(cells) > 2 {
				c.add(CategoryFileStructureWarning, line, "the META row %q has more than a key and a value", clip(text))
			}
			key, value := "", ""
			if len(cells) > 0 {
				key = cells[0]
			}
			if len(cells) > 1 {
				value = cells[1]
			}
			key, value = strings.TrimSpace(key), strings.TrimSpace(value)
			switch {
			case key == "":
				c.add(CategoryFileStructureError, line, "a META row without a key")
			case seenKeys[key]:
				c.add(CategoryFileStructureError, line, "META key %q given twice", key)
			default:
				seenKeys[key] = true
				c.meta = append(c.meta, metaRow{key: key, value: value, line: line})
			}
		case header:
			header = false
			c.pcols, c.pline = c.columns(trimEmpty(cells), "project_id", line), line
		default:
			c.projectRow(cells, line)
		}
	}
	if c.sections < secVotes {
		c.add(CategoryFileStructureError, 0, "the file has no %s section", sectionNames[c.sections+1])
	}
}

// scanVotesHeader reads the VOTES header from rest, the text after the VOTES
// title at line.
func (c *checker) scanVotesHeader(rest string, line int) {
	for rest != "" {
		end := strings.IndexAny(rest, "\r\n")
		text := rest
		if end >= 0 {
			text = rest[:end]
			rest = strings.TrimLeft(rest[end:], "\r\n")
			line += 1
		} else {
			rest = ""
			line++
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		cells := rawCells(text)
		c.checkCells(cells, line)
		c.vcols, c.vline = c.columns(trimEmpty(cells), "voter_id", line), line
		return
	}
	c.add(CategoryFileStructureError, line, "VOTES has no header")
}

// columns checks a header row whose first column must be first, and returns
// its trimmed column names.
func (c *checker) columns(cells []string, first string, line int) []string {
	cols := make([]string, len(cells))
	for i, x := range cells {
		cols[i] = strings.TrimSpace(x)
		if cols[i] == "" {
			c.add(CategoryFileStructureError, line, "an empty column name")
		}
		for _, y := range cols[:i] {
			if y == cols[i] && y != "" {
				c.add(CategoryFileStructureError, line, "column %q given twice", y)
			}
		}
	}
	if len(cols) == 0 || cols[0] != first {
		c.add(CategoryFileStructureError, line, "the first column is not %s", first)
	}
	return cols
}

// projectRow stores a PROJECTS row, checking its ID.
func (c *checker) projectRow(cells []string, line int) {
	if len(c.pcols) == 0 {
		return // reported with the header
	}
	if len(cells) > len(c.pcols) {
		if len(trimEmpty(cells)) > len(c.pcols) {
			c.add(CategoryFileStructureWarning, line, "the row has %d cells, the header %d", len(trimEmpty(cells)), len(c.pcols))
		}
		cells = cells[:len(c.pcols)]
	}
	for len(cells) < len(c.pcols) {
		cells = append(cells, "")
	}
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	id := cells[0]
	switch _, dup := c.pindex[id]; {
	case id == "":
		c.add(CategoryFileStructureError, line, "a project without an ID")
	case dup:
		c.add(CategoryFileStructureError, line, "project %q given twice", id)
	default:
		c.pindex[id] = len(c.prows)
		c.prows = append(c.prows, projRow{cells: cells, line: line})
	}
}

// checkCells reports cells with spaces around them.
func (c *checker) checkCells(cells []string, line int) {
	for _, x := range cells {
		if x != strings.TrimSpace(x) {
			c.add(CategoryFileStructureError, line, "the cell %q has spaces around it", clip(x))
			return
		}
	}
}

// titleOf returns the section a line names as a title, its spaces and
// trailing empty cells ignored, or secNone.
func titleOf(line string) int {
	t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(line), ";"))
	for s := secMeta; s <= secVotes; s++ {
		if t == sectionNames[s] {
			return s
		}
	}
	return secNone
}

// trimEmpty drops trailing empty cells.
func trimEmpty(cells []string) []string {
	for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1]) == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// rawCells splits a line into cells as a CSV reader with ";" does, keeping
// spaces: a quoted cell loses its quotes, "" inside it is one quote, and
// text after its closing quote joins it.
func rawCells(line string) []string {
	var out []string
	for i := 0; i <= len(line); {
		j := i
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		if j < len(line) && line[j] == '"' {
			var b strings.Builder
			b.WriteString(line[i:j])
			k := j + 1
			for k < len(line) {
				if line[k] == '"' {
					if k+1 < len(line) && line[k+1] == '"' {
						b.WriteByte('"')
						k += 2
						continue
					}
					k++
					break
				}
				b.WriteByte(line[k])
				k++
			}
			e := k
			for e < len(line) && line[e] != ';' {
				e++
			}
			b.WriteString(line[k:e])
			out = append(out, b.String())
			i = e + 1
			continue
		}
		e := strings.IndexByte(line[i:], ';')
		if e < 0 {
			out = append(out, line[i:])
			break
		}
		out = append(out, line[i:i+e])
		i += e + 1
		if i == len(line) {
			out = append(out, "")
			break
		}
	}
	return out
}
