package main

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// A report is what the tour tells: sections of prose, preformatted tables and
// pictures. One report renders three ways, so the terminal, report.md and
// report.html always say the same thing.
type report struct {
	title    string
	sections []*section
}

type section struct {
	title  string
	blocks []block
}

// A block is a paragraph (prose), a preformatted table (pre), a table of
// cells (head and rows: a real table in Markdown and HTML, one row per
// paragraph on a terminal) or a picture (svg, written as name with a caption).
type block struct {
	prose, pre    string
	head          []string
	rows          [][]string
	name, caption string
	svg           []byte
}

func (r *report) section(title string) *section {
	s := &section{title: title}
	r.sections = append(r.sections, s)
	return s
}

// say adds a paragraph.
func (s *section) say(format string, args ...any) {
	s.blocks = append(s.blocks, block{prose: fmt.Sprintf(format, args...)})
}

// table adds preformatted text, such as a scorecard's WriteText output.
func (s *section) table(text string) {
	s.blocks = append(s.blocks, block{pre: strings.TrimRight(text, "\n")})
}

// tableFrom adds what write writes as preformatted text.
func (s *section) tableFrom(write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	s.table(b.String())
	return nil
}

// grid adds a table whose first column names the rows and whose other
// columns are headed by head[1:].
func (s *section) grid(head []string, rows [][]string) {
	s.blocks = append(s.blocks, block{head: head, rows: rows})
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

// writeText renders the report for a terminal. Pictures are named, since a
// terminal cannot show them; they are in the output folder.
func (r *report) writeText(w io.Writer, outDir string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n", r.title, strings.Repeat("=", len([]rune(r.title))))
	for i, s := range r.sections {
		head := fmt.Sprintf("%d. %s", i+1, s.title)
		fmt.Fprintf(&b, "\n%s\n%s\n", head, strings.Repeat("-", len([]rune(head))))
		for _, bl := range s.blocks {
			switch {
			case bl.svg != nil:
				fmt.Fprintf(&b, "\n[picture: %s, %s]\n", filepath.ToSlash(filepath.Join(outDir, bl.name)), bl.caption)
			case bl.pre != "":
				fmt.Fprintf(&b, "\n%s\n", indent(bl.pre, "  "))
			case bl.rows != nil:
				for _, row := range bl.rows {
					fmt.Fprintf(&b, "\n  %s\n", row[0])
					for i, cell := range row[1:] {
						fmt.Fprintf(&b, "    %s: %s\n", bl.head[i+1], cell)
					}
				}
			default:
				fmt.Fprintf(&b, "\n%s\n", wrap(bl.prose, 78))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeMarkdown renders report.md; pictures are linked as the SVG files
// written beside it.
func (r *report) writeMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", r.title)
	for i, s := range r.sections {
		fmt.Fprintf(&b, "\n## %d. %s\n", i+1, s.title)
		for _, bl := range s.blocks {
			switch {
			case bl.svg != nil:
				fmt.Fprintf(&b, "\n![%s](%s)\n", bl.caption, bl.name)
			case bl.pre != "":
				fmt.Fprintf(&b, "\n```text\n%s\n```\n", bl.pre)
			case bl.rows != nil:
				fmt.Fprintf(&b, "\n| %s |\n|%s\n", strings.Join(bl.head, " | "), strings.Repeat("---|", len(bl.head)))
				for _, row := range bl.rows {
					fmt.Fprintf(&b, "| %s |\n", strings.Join(row, " | "))
				}
			default:
				fmt.Fprintf(&b, "\n%s\n", bl.prose)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeHTML renders report.html, a single file with every picture inline,
// so it opens anywhere with nothing beside it.
func (r *report) writeHTML(w io.Writer) error {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", html.EscapeString(r.title))
	b.WriteString(`<style>
body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
pre { background: #f6f6f4; padding: .8rem; overflow-x: auto; font-size: .85rem; }
figure { margin: 1.5rem 0; }
figure svg { max-width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { color: #555; font-size: .9rem; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #ddd; padding: .35rem .6rem; text-align: left; vertical-align: top; }
tr:first-child th { background: #f0f0ec; }
</style>
</head>
<body>
`)
	fmt.Fprintf(&b, "<h1>%s</h1>\n", html.EscapeString(r.title))
	for i, s := range r.sections {
		fmt.Fprintf(&b, "<h2>%d. %s</h2>\n", i+1, html.EscapeString(s.title))
		for _, bl := range s.blocks {
			switch {
			case bl.svg != nil:
				fmt.Fprintf(&b, "<figure id=\"%s\">\n%s\n<figcaption>%s</figcaption>\n</figure>\n",
					html.EscapeString(strings.TrimSuffix(bl.name, ".svg")), stripXMLDecl(bl.svg), html.EscapeString(bl.caption))
			case bl.pre != "":
				fmt.Fprintf(&b, "<pre>%s</pre>\n", html.EscapeString(bl.pre))
			case bl.rows != nil:
				b.WriteString("<table>\n<tr>")
				for _, h := range bl.head {
					fmt.Fprintf(&b, "<th>%s</th>", html.EscapeString(h))
				}
				b.WriteString("</tr>\n")
				for _, row := range bl.rows {
					fmt.Fprintf(&b, "<tr><th>%s</th>", html.EscapeString(row[0]))
					for _, cell := range row[1:] {
						fmt.Fprintf(&b, "<td>%s</td>", html.EscapeString(cell))
					}
					b.WriteString("</tr>\n")
				}
				b.WriteString("</table>\n")
			default:
				fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(bl.prose))
			}
		}
	}
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
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

func indent(text, prefix string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}

// wrap breaks prose into lines of at most width runes at spaces.
func wrap(text string, width int) string {
	var b strings.Builder
	line := 0
	for i, word := range strings.Fields(text) {
		n := len([]rune(word))
		if i > 0 {
			if line+1+n > width {
				b.WriteByte('\n')
				line = 0
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
