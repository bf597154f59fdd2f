package budgeting

import (
	"encoding/json"
	"slices"
	"strings"
)

// electionJSON is the JSON form of an Election: the file's sections as
// lists, with costs as strings so that "400000.0" keeps its decimal.
type electionJSON struct {
	instanceJSON
	VoteColumns []string `json:"vote_columns"`
	Votes       []Vote   `json:"votes"`
}

// instanceJSON is the JSON form of an Instance: its META rows, its PROJECTS
// columns and its projects. An election and a ballot box write it.
type instanceJSON struct {
	Meta           []Field       `json:"meta"`
	ProjectColumns []string      `json:"project_columns"`
	Projects       []projectJSON `json:"projects"`
}

type projectJSON struct {
	ID         string   `json:"id"`
	Cost       string   `json:"cost"`
	Name       string   `json:"name,omitempty"`
	Categories []string `json:"categories,omitempty"`
	Targets    []string `json:"targets,omitempty"`
	Extra      []Field  `json:"extra,omitempty"`
}

// MarshalJSON encodes the election as an object with its META rows, its
// PROJECTS columns and projects, and its VOTES columns and votes; amounts
// and points are strings, exact. Warnings are not encoded. A zero Election
// is an error wrapping [ErrInvalid].
func (e *Election) MarshalJSON() ([]byte, error) {
	if e == nil || e.inst == nil || e.prof == nil {
		return nil, errorf(ErrInvalid, "a zero Election: nothing to encode")
	}
	in, pr := e.inst, e.prof
	w := electionJSON{
		instanceJSON: instanceToJSON(in),
		VoteColumns:  pr.columns,
		Votes:        make([]Vote, pr.Len()),
	}
	for i := range w.Votes {
		v := pr.Voter(i)
		b := v.Ballot()
		vote := Vote{VoterID: v.ID(), Projects: make([]string, b.Len())}
		for k, p := range b.Projects() {
			vote.Projects[k] = in.projects[p].ID
			if pr.points != nil {
				vote.Points = append(vote.Points, b.Points(k))
			}
		}
		if len(pr.attrCols) > 0 {
			vote.Attributes = v.Attributes()
		}
		w.Votes[i] = vote
	}
	return json.Marshal(w)
}

// UnmarshalJSON decodes what MarshalJSON encodes and checks it as [Parse]
// checks a file, returning an error wrapping the same sentinels; warnings
// are found again. On error e is unchanged.
func (e *Election) UnmarshalJSON(data []byte) error {
	var w electionJSON
	if err := decodeJSON("election", data, &w); err != nil {
		return err
	}
	inst, err := w.instance()
	if err != nil {
		return err
	}
	el, err := newElection(inst, w.VoteColumns, w.Votes)
	if err != nil {
		return err
	}
	*e = Election{inst: el.inst, prof: el.prof, warnings: el.warnings}
	return nil
}

// instanceToJSON returns the JSON form of in.
func instanceToJSON(in *Instance) instanceJSON {
	w := instanceJSON{Meta: in.meta, ProjectColumns: in.columns, Projects: make([]projectJSON, len(in.projects))}
	for i, p := range in.projects {
		w.Projects[i] = projectJSON{ID: p.ID, Cost: decimalText(p.Cost), Name: p.Name,
			Categories: p.Categories, Targets: p.Targets, Extra: p.Extra}
	}
	return w
}

// instance builds the instance w describes, checked as [Parse] checks a
// file.
func (w instanceJSON) instance() (*Instance, error) {
	b := instanceBuilder{}
	if err := b.readMeta(slices.Clone(w.Meta), nil); err != nil {
		return nil, err
	}
	b.setColumns(w.ProjectColumns, 0)
	for _, p := range w.Projects {
		cost, ok := parseDecimal(p.Cost)
		if !ok || strings.IndexByte(p.Cost, ',') >= 0 {
			b.fail(0, errorf(ErrInvalidNumber, "project %q costs %q", p.ID, p.Cost))
			continue
		}
		b.addProject(Project{ID: p.ID, Cost: cost, Name: p.Name, Categories: p.Categories,
			Targets: p.Targets, Extra: p.Extra}, 0)
	}
	return b.finish()
}
