package main

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/civitas-go/civitas/internal/riverside"
)

// A report is what the tour tells: sections of paragraphs, lists, tables
// and pictures. One report renders three ways, so the terminal, report.md
// and report.html always say the same thing: a terminal aligns the tables
// (or lists a wide one row by row), Markdown and HTML make them real tables.
//
// To add a section, write a method of story that calls
// st.report.section(title, lead) and fills it with say, list, table, doc,
// picture and answers, then add the method to the steps in tell.
type report struct {
	title    string
	sections []*section
}

// A section is one numbered part of the report: its title, a lead that says
// what it shows, and its blocks.
type section struct {
	title, lead string
	blocks      []block
}

// A block is a paragraph (prose), a list (items, after the lead-in prose),
// a table, or a picture (svg, written as name with a caption).
type block struct {
	prose         string
	items         []string
	table         *riverside.Table
	name, caption string
	svg           []byte
}

// section adds a section with its title and lead paragraph.
func (r *report) section(title, lead string) *section {
	s := &section{title: title, lead: lead}
	r.sections = append(r.sections, s)
	return s
}

// say adds a paragraph.
func (s *section) say(format string, args ...any) {
	s.blocks = append(s.blocks, block{prose: fmt.Sprintf(format, args...)})
}

// table adds a table.
func (s *section) table(t riverside.Table) {
	if len(t.Rows) > 0 {
		s.blocks = append(s.blocks, block{table: &t})
	}
}

// doc adds every block of a part of a report written for people.
func (s *section) doc(d riverside.Doc) {
	for _, b := range d.Blocks {
		switch {
		case b.Table != nil:
			s.table(*b.Table)
		case b.Items != nil:
			s.blocks = append(s.blocks, block{prose: b.Text, items: b.Items})
		default:
			s.blocks = append(s.blocks, block{prose: b.Text})
		}
	}
}

// picture adds an SVG picture that is written to the output folder as name.
func (s *section) picture(name, caption string, write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	s.blocks = append(s.blocks, block{name: name, caption: caption, svg: b.Bytes()})
	return nil
}

// pictures returns every picture in the order the report shows them.
func (r *report) pictures() []block {
	var out []block
	for _, s := range r.sections {
		for _, b := range s.blocks {
			if b.svg != nil {
				out = append(out, b)
			}
		}
	}
	return out
}

// textWidth is the width of the terminal report, in runes.
const textWidth = 78

// writeText renders the report for a terminal. Pictures are named, since a
// terminal cannot show them; they are in the output folder.
func (r *report) writeText(w io.Writer, outDir string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n", r.title, strings.Repeat("=", utf8.RuneCountInString(r.title)))
	for i, s := range r.sections {
		head := fmt.Sprintf("%d. %s", i+1, s.title)
		fmt.Fprintf(&b, "\n%s\n%s\n", head, strings.Repeat("-", utf8.RuneCountInString(head)))
		fmt.Fprintf(&b, "\n%s\n", wrap(s.lead, textWidth, ""))
		for _, bl := range s.blocks {
			switch {
			case bl.svg != nil:
				fmt.Fprintf(&b, "\n%s\n", wrap(fmt.Sprintf("[picture: %s, %s]", filepath.ToSlash(filepath.Join(outDir, bl.name)), bl.caption), textWidth, "  "))
			case bl.table != nil:
				b.WriteString("\n")
				textTable(&b, bl.table)
			case bl.items != nil:
				if bl.prose != "" {
					fmt.Fprintf(&b, "\n%s\n", wrap(bl.prose, textWidth, ""))
				}
				for _, it := range bl.items {
					fmt.Fprintf(&b, "  - %s\n", wrap(it, textWidth-4, "    "))
				}
			default:
				fmt.Fprintf(&b, "\n%s\n", wrap(bl.prose, textWidth, ""))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// textTable writes a table for a terminal: its caption, then aligned
// columns (figures to the right) when they fit the width, or else each row
// as a heading (its first cell) with one line per other cell.
func textTable(b *strings.Builder, t *riverside.Table) {
	fmt.Fprintf(b, "%s\n", wrap(t.Caption+":", textWidth, ""))
	widths := make([]int, len(t.Head))
	for _, row := range append([][]string{t.Head}, t.Rows...) {
		for i, cell := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	total := 2 * len(widths)
	for _, n := range widths {
		total += n
	}
	if total > textWidth {
		for _, row := range t.Rows {
			fmt.Fprintf(b, "  %s\n", wrap(row[0], textWidth-2, "  "))
			for i, cell := range row[1:] {
				if cell != "" {
					fmt.Fprintf(b, "    %s\n", wrap(t.Head[i+1]+": "+cell, textWidth-4, "      "))
				}
			}
		}
		return
	}
	for _, row := range append([][]string{t.Head}, t.Rows...) {
		var line strings.Builder
		for i, cell := range row {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
			if t.Figure(i) {
				line.WriteString(pad + cell)
			} else {
				line.WriteString(cell + pad)
			}
			line.WriteString("  ")
		}
		fmt.Fprintf(b, "  %s\n", strings.TrimRight(line.String(), " "))
	}
}

// writeMarkdown renders report.md; pictures are linked as the SVG files
// written beside it.
func (r *report) writeMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", r.title)
	for i, s := range r.sections {
		fmt.Fprintf(&b, "\n## %d. %s\n\n%s\n", i+1, s.title, s.lead)
		for _, bl := range s.blocks {
			switch {
			case bl.svg != nil:
				fmt.Fprintf(&b, "\n![%s](%s)\n", bl.caption, bl.name)
			case bl.table != nil:
				t := bl.table
				fmt.Fprintf(&b, "\n**%s**\n\n| %s |\n|", t.Caption, strings.Join(mdCells(t.Head), " | "))
				for i := range t.Head {
					if t.Figure(i) {
						b.WriteString("---:|")
					} else {
						b.WriteString("---|")
					}
				}
				b.WriteString("\n")
				for _, row := range t.Rows {
					fmt.Fprintf(&b, "| %s |\n", strings.Join(mdCells(row), " | "))
				}
			case bl.items != nil:
				if bl.prose != "" {
					fmt.Fprintf(&b, "\n%s\n", bl.prose)
				}
				b.WriteString("\n")
				for _, it := range bl.items {
					fmt.Fprintf(&b, "- %s\n", it)
				}
			default:
				fmt.Fprintf(&b, "\n%s\n", bl.prose)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCells escapes the pipes of table cells for Markdown.
func mdCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.ReplaceAll(c, "|", `\|`)
	}
	return out
}

// style is the page's style sheet: one font, the pictures' own, for text
// and pictures; tables that wrap their cells; and, on a narrow screen,
// each table row shown as a card of labelled cells, so no text scrolls
// sideways, and each picture at four fifths of its own size or more, so
// its labels stay readable, in a frame that scrolls sideways.
const style = `:root { --ink: #1a1a1a; --muted: #555555; --rule: #d4d4d0; --tint: #f3f3ef; }
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; max-width: 62rem; margin: 2rem auto; padding: 0 1rem;
  color: var(--ink); line-height: 1.5; font-size: 1rem; overflow-wrap: break-word; }
h1 { font-size: 1.7rem; line-height: 1.25; }
h2 { font-size: 1.35rem; margin-top: 2.6rem; padding-top: 1rem; border-top: 2px solid var(--rule); line-height: 1.3; }
p.lead { font-size: 1.05rem; }
nav ol { padding-left: 1.4rem; }
table { border-collapse: collapse; margin: 1rem 0 1.5rem; font-size: .92rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0 .5rem; }
th, td { border: 1px solid var(--rule); padding: .35rem .55rem; text-align: left; vertical-align: top; }
thead th { background: var(--tint); }
tbody th { font-weight: normal; }
td.num { text-align: right; white-space: nowrap; }
table.answers tbody th { font-weight: bold; }
figure { margin: 1.5rem 0; }
.picture { overflow-x: auto; border: 1px solid var(--rule); width: fit-content; max-width: 100%; }
.picture svg { display: block; width: 100%; max-width: var(--w); height: auto; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: .4rem; }
.hint { display: none; }
@media (max-width: 40rem) {
  body { margin: 1rem auto; padding: 0 .75rem; }
  table, thead, tbody, tr, th, td, caption { display: block; width: auto; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  tbody tr { border: 1px solid var(--rule); margin: 0 0 .75rem; padding: .3rem .5rem; }
  tbody th, tbody td { border: none; padding: .15rem 0; }
  tbody th { font-weight: bold; }
  td.num { text-align: left; white-space: normal; }
  td:empty { display: none; }
  td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
  .picture svg { width: max(100%, calc(var(--w) * 0.8)); max-width: none; }
  .picture { width: auto; }
  .hint { display: inline; }
}
`

// writeHTML renders report.html, a single file with every picture inline,
// so it opens anywhere with nothing beside it.
func (r *report) writeHTML(w io.Writer) error {
	var b strings.Builder
	esc := html.EscapeString
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n", esc(r.title), style)
	fmt.Fprintf(&b, "<h1>%s</h1>\n<nav>\n<ol>\n", esc(r.title))
	for i, s := range r.sections {
		fmt.Fprintf(&b, "<li><a href=\"#s%d\">%s</a></li>\n", i+1, esc(s.title))
	}
	b.WriteString("</ol>\n</nav>\n")
	for i, s := range r.sections {
		fmt.Fprintf(&b, "<section id=\"s%d\">\n<h2>%d. %s</h2>\n<p class=\"lead\">%s</p>\n", i+1, i+1, esc(s.title), esc(s.lead))
		for _, bl := range s.blocks {
			switch {
			case bl.svg != nil:
				fmt.Fprintf(&b, "<figure id=\"%s\">\n<div class=\"picture\" style=\"--w: %dpx\">\n%s</div>\n"+
					"<figcaption>%s (<a href=\"%s\">open the picture on its own</a>)<span class=\"hint\"> On a narrow screen the picture keeps a readable size: scroll it sideways.</span></figcaption>\n</figure>\n",
					esc(strings.TrimSuffix(bl.name, ".svg")), svgWidth(bl.svg), stripXMLDecl(bl.svg), esc(bl.caption), esc(bl.name))
			case bl.table != nil:
				htmlTable(&b, bl.table)
			case bl.items != nil:
				if bl.prose != "" {
					fmt.Fprintf(&b, "<p>%s</p>\n", esc(bl.prose))
				}
				b.WriteString("<ul>\n")
				for _, it := range bl.items {
					fmt.Fprintf(&b, "<li>%s</li>\n", esc(it))
				}
				b.WriteString("</ul>\n")
			default:
				fmt.Fprintf(&b, "<p>%s</p>\n", esc(bl.prose))
			}
		}
		b.WriteString("</section>\n")
	}
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// htmlTable writes a table with its caption, its head, and its first column
// as the row headers; every cell carries its column's head for the narrow
// layout.
func htmlTable(b *strings.Builder, t *riverside.Table) {
	esc := html.EscapeString
	class := ""
	if t.Head[0] == answersHead[0] {
		class = ` class="answers"`
	}
	fmt.Fprintf(b, "<table%s>\n<caption>%s</caption>\n<thead><tr>", class, esc(t.Caption))
	for _, h := range t.Head {
		fmt.Fprintf(b, "<th scope=\"col\">%s</th>", esc(h))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, row := range t.Rows {
		fmt.Fprintf(b, "<tr><th scope=\"row\">%s</th>", esc(row[0]))
		for i, cell := range row[1:] {
			num := ""
			if t.Figure(i + 1) {
				num = ` class="num"`
			}
			fmt.Fprintf(b, "<td%s data-label=\"%s\">%s</td>", num, esc(t.Head[i+1]), esc(cell))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
}

// writeFiles writes report.md, report.html and every picture into dir.
func (r *report) writeFiles(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, p := range r.pictures() {
		if err := os.WriteFile(filepath.Join(dir, p.name), p.svg, 0o644); err != nil {
			return err
		}
	}
	for name, write := range map[string]func(io.Writer) error{
		"report.md":   r.writeMarkdown,
		"report.html": r.writeHTML,
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// svgWidth returns the width a picture declares on its root, in pixels
// (760 when it declares none).
func svgWidth(svg []byte) int {
	s := string(svg)
	if i := strings.Index(s, "<svg"); i >= 0 {
		s = s[i:]
		if j := strings.Index(s, ` width="`); j >= 0 {
			if n, err := strconv.Atoi(s[j+8 : j+8+strings.IndexByte(s[j+8:], '"')]); err == nil {
				return n
			}
		}
	}
	return 760
}

// stripXMLDecl drops an <?xml ...?> declaration, which may not appear
// inside an HTML document.
func stripXMLDecl(svg []byte) string {
	s := string(svg)
	if strings.HasPrefix(s, "<?xml") {
		if i := strings.Index(s, "?>"); i >= 0 {
			s = strings.TrimLeft(s[i+2:], "\n")
		}
	}
	return s
}

// wrap breaks prose into lines of at most width runes at spaces; every line
// after the first starts with indent.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	line := 0
	for i, word := range strings.Fields(text) {
		n := utf8.RuneCountInString(word)
		if i > 0 {
			if line+1+n > width {
				b.WriteString("\n" + indent)
				line = utf8.RuneCountInString(indent)
			} else {
				b.WriteByte(' ')
				line++
			}
		}
		b.WriteString(word)
		line += n
	}
	return b.String()
}
