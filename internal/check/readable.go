package check

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The words a reader should never meet in text written for people, each
// with what it is.
var unreadable = []struct {
	re   *regexp.Regexp
	what string
}{
	{regexp.MustCompile(`\b[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9]\b`), "a snake_case identifier"},
	{regexp.MustCompile(`…`), "a truncated name"},
	{regexp.MustCompile(`\d\.\d{3,}`), "a figure with more than 2 decimals"},
	{regexp.MustCompile(`(?i)\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b`), "an ID"},
	{regexp.MustCompile(`\[\d+(?: \d+)+\]`), "a Go slice"},
}

// ProseProblems returns what in text meant for people a person should not
// have to read: a snake_case identifier, a truncated name ("…"), a figure
// with more than two decimals, an ID (a UUID) or a Go slice of numbers
// ("[3 9 8]"). Each problem quotes the text around it.
func ProseProblems(text string) []string {
	var out []string
	for _, u := range unreadable {
		for _, at := range u.re.FindAllStringIndex(text, -1) {
			out = append(out, fmt.Sprintf("%s: %q", u.what, around(text, at[0], at[1])))
		}
	}
	return out
}

// around returns the text from a little before start to a little after
// end, on one line.
func around(text string, start, end int) string {
	from, to := max(0, start-30), min(len(text), end+30)
	for from > 0 && !utf8Start(text[from]) {
		from--
	}
	for to < len(text) && !utf8Start(text[to]) {
		to++
	}
	return strings.Join(strings.Fields(text[from:to]), " ")
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// PageProblems returns what in a page (XHTML, or an SVG picture) a person
// should not have to read: a <pre> block that is not a code sample (a
// <pre> whose content is one <code> element), and the problems of
// [ProseProblems] in every text a person sees: the text of every element
// but code, style and script (a picture's text and tooltips included), and
// the attributes shown (alt, title, aria-label, and data-label, which the
// report's narrow layout shows before each cell). The error is a page that
// is not well-formed XML.
func PageProblems(doc []byte) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	dec.Strict = true
	var out []string
	hidden := 0    // depth inside code, style or script
	inPre := false // inside a <pre> that has shown nothing yet
	preCode := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if inPre && !preCode {
				if name == "code" {
					preCode = true
				} else {
					out = append(out, fmt.Sprintf("a <pre> block that is not a code sample: it holds <%s>", name))
					inPre = false
				}
			}
			if name == "pre" {
				inPre, preCode = true, false
			}
			if name == "code" || name == "style" || name == "script" {
				hidden++
			}
			if hidden == 0 {
				for _, a := range t.Attr {
					switch strings.ToLower(a.Name.Local) {
					case "alt", "title", "aria-label", "data-label":
						out = append(out, ProseProblems(a.Value)...)
					}
				}
			}
		case xml.EndElement:
			name := strings.ToLower(t.Name.Local)
			if name == "pre" && inPre && !preCode {
				out = append(out, "a <pre> block that is not a code sample")
			}
			if name == "pre" {
				inPre = false
			}
			if name == "code" || name == "style" || name == "script" {
				hidden--
			}
		case xml.CharData:
			if inPre && !preCode && strings.TrimSpace(string(t)) != "" {
				out = append(out, fmt.Sprintf("a <pre> block that is not a code sample: %q", around(string(t), 0, min(len(t), 40))))
				inPre = false
			}
			if hidden == 0 {
				out = append(out, ProseProblems(string(t))...)
			}
		}
	}
}

// Readable reports a test failure for each problem [PageProblems] finds in
// doc (a page or a picture meant for people); name says which file it is.
func Readable(t testing.TB, name string, doc []byte) {
	t.Helper()
	problems, err := PageProblems(doc)
	require.NoError(t, err, "%s is not well-formed XML", name)
	assert.Empty(t, problems, "%s shows people what they should not have to read", name)
}
