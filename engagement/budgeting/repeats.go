package budgeting

import (
	"slices"
)

// rawBallot is a ballot that named a project more than once, as the file
// wrote it: the reader keeps each project once (as pabutools does), and
// Pabulib's checker counts every mention, so the recount needs the text.
type rawBallot struct {
	voter  int32
	line   int32
	vote   string
	points string
}

// repeated handles a project named again by the ballot being read (the
// reader has recorded the error addProject found): it becomes a warning, and
// the ballot's text is kept for the recount.
func (b *profileBuilder) repeated(j int32, line int, vote, points string) {
	b.errs = b.errs[:len(b.errs)-1]
	b.ws.add("repeated project", line, ErrRepeatedProject,
		"the ballot names project %q more than once; it counts once", b.inst.projects[j].ID)
	v := int32(len(b.prof.ids))
	if n := len(b.repeats); n > 0 && b.repeats[n-1].voter == v {
		return
	}
	b.repeats = append(b.repeats, rawBallot{voter: v, line: int32(line),
		vote: string([]byte(vote)), points: string([]byte(points))})
}

// setPoints sets the points of project j, already on the ballot being
// built, to v with places decimal places.
func (b *profileBuilder) setPoints(j int32, v int64, places int32, line int) {
	v, ok := b.scalePoints(v, places, line)
	if !ok {
		return
	}
	if k := slices.Index(b.prof.items[b.start:], j); k >= 0 && int(b.start)+k < len(b.prof.points) {
		b.prof.points[int(b.start)+k] = v
	}
}
