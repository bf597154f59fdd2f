package check_test

import (
	"testing"

	"github.com/civitas-go/civitas/internal/check"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// page wraps a body in a minimal XHTML page.
func page(body string) []byte {
	return []byte(`<!DOCTYPE html><html lang="en"><head><title>t</title><style>td.num { x_y: 1.23456 }</style></head><body>` +
		body + `</body></html>`)
}

func TestPageProblemsFindsEach(t *testing.T) {
	for name, tc := range map[string]struct{ body, want string }{
		"pre outside code":     {`<pre>Manage closely  6  Riverside</pre>`, "<pre> block that is not a code sample"},
		"pre holding a table":  {`<pre><b>x</b></pre>`, "<pre> block that is not a code sample"},
		"empty pre":            {`<pre></pre>`, "<pre> block that is not a code sample"},
		"snake_case in prose":  {`<p>budget columns greedy_cost and more</p>`, "snake_case identifier"},
		"snake_case in a cell": {`<table><tr><td>mes_cost_add1</td></tr></table>`, "snake_case identifier"},
		"snake_case in a label": {`<table><tr><td data-label="partly_adopted">x</td></tr></table>`,
			"snake_case identifier"},
		"truncated name":    {`<p>Riverside Residents' Associat…</p>`, "truncated name"},
		"six decimals":      {`<td>0.168168</td>`, "more than 2 decimals"},
		"three decimals":    {`<p>index 0.235</p>`, "more than 2 decimals"},
		"an ID":             {`<p>answered by process c17c0000-0007-4000-8000-000000000001</p>`, "an ID"},
		"a Go slice":        {`<p>funded [3 9 8 11 2]</p>`, "Go slice"},
		"in an SVG tooltip": {`<svg xmlns="http://www.w3.org/2000/svg"><title>Riverside Residents' Associat…</title></svg>`, "truncated name"},
		"in an SVG text":    {`<svg xmlns="http://www.w3.org/2000/svg"><text>greedy_cost</text></svg>`, "snake_case identifier"},
	} {
		t.Run(name, func(t *testing.T) {
			problems, err := check.PageProblems(page(tc.body))
			require.NoError(t, err)
			require.Len(t, problems, 1, "%v", problems)
			assert.Contains(t, problems[0], tc.want)
		})
	}
}

func TestPageProblemsPassesReadableText(t *testing.T) {
	problems, err := check.PageProblems(page(`<p>Key stakeholders reached: 5 of 6 (83.33 %), on 5 May 2025 at 18:00.</p>` +
		`<pre><code>go run ./examples/tour -out dir_name</code></pre>` +
		`<p>Use <code>budgeting.RuleByName("mes_cost_add1") // 0.123456</code> for it.</p>` +
		`<table><tr><td class="num" data-label="Share">12.28 %</td></tr></table>` +
		`<svg xmlns="http://www.w3.org/2000/svg"><marker id="arrow-member_of"/><text x="1.25">Member of</text></svg>`))
	require.NoError(t, err)
	assert.Empty(t, problems)
}

func TestPageProblemsRejectsBrokenPages(t *testing.T) {
	_, err := check.PageProblems([]byte(`<p>unclosed`))
	require.Error(t, err)
}

func TestProseProblems(t *testing.T) {
	assert.Empty(t, check.ProseProblems("Greedy: 7 of 14 projects, 99.20 % of the budget; Gini 0.32."))
	assert.Len(t, check.ProseProblems("Justification score 2.000000 · 20 of 10; greedy_cost"), 2)
}
