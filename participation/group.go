package participation

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"maps"
	"slices"
	"time"

	"github.com/civitas-go/civitas/internal/inuse"
	"github.com/google/uuid"
)

// GroupKind is what kind of informal group a [Group] is. The zero value is
// invalid.
type GroupKind int

// The kinds of group.
const (
	// GroupKindGrassroots is a group of residents organised around a shared
	// concern: a tenants' association, a street's residents, a friends-of
	// group for a park.
	GroupKindGrassroots GroupKind = iota + 1
	// GroupKindCoalition is an alliance of groups (its members are usually the
	// member groups' IDs) pursuing a shared aim.
	GroupKindCoalition
)

// MemberRole is what a member does in a group. The zero value is invalid.
type MemberRole int

// The roles in a group, from most to least responsibility.
const (
	// MemberRoleInitiator started the group (or the initiative it carries).
	MemberRoleInitiator MemberRole = iota + 1
	// MemberRoleOrganiser runs its activities: meetings, campaigns, rotas.
	MemberRoleOrganiser
	// MemberRoleMember belongs to it and takes part in its decisions.
	MemberRoleMember
	// MemberRoleVolunteer gives time to its activities without being a member.
	MemberRoleVolunteer
)

// Member is one member of a group: who, in which role, since when. The
// zero value is not a member.
type Member struct {
	// ID is the member's person, stakeholder or (in a coalition) group ID.
	ID uuid.UUID `json:"id"`
	// Role is what the member does in the group.
	Role MemberRole `json:"role"`
	// Since is when the member joined, in UTC.
	Since time.Time `json:"since"`
}

// Group is an informal grassroots group or coalition: residents who
// organise themselves, with no legal form required. It keeps its members
// and their roles. Joining and leaving are idempotent, as informal
// membership is: joining twice is being a member, leaving twice is being
// gone.
//
// A Group is not safe for concurrent use: hold one sync.Mutex around every
// call on a shared Group. Forgetting it fails loudly, as for an
// [Initiative]: a change that overlaps another call panics with a message
// naming the missing mutex, rather than a fatal concurrent map write. The
// zero value is not usable as a group (joining it is refused), but every
// method works on it or returns an error: create one with [NewGroup] or
// decode one from JSON.
type Group struct {
	use   inuse.Guard // see Concurrency on [Initiative]: the same guard
	group             // the data, replaced as a whole by UnmarshalJSON
}

// misuseGroup is the panic message of a Group used without its mutex.
const misuseGroup = "participation: Group used by two goroutines at once; hold one sync.Mutex around every call on a shared Group"

// group is the data of a [Group].
type group struct {
	id      uuid.UUID
	name    string
	kind    GroupKind
	area    string
	founded time.Time
	members map[uuid.UUID]Member
}

// NewGroup returns a group founded at founded by founders, who become its
// initiators. area is the area code it is rooted in ("" for none). It
// returns every problem, joined, each wrapping [ErrInvalid] (an
// undeclared kind included): a nil ID, an empty or padded
// name, a padded area, no founder, a nil or repeated founder, a zero or
// out-of-range time.
func NewGroup(id uuid.UUID, name string, kind GroupKind, area string, founders []uuid.UUID, founded time.Time) (*Group, error) {
	errs := checkGroup(id, name, kind, area, founded)
	if len(founders) == 0 {
		errs = append(errs, invalidf("no founder"))
	}
	errs = append(errs, checkIDs("founders", founders, nil)...)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	g := &Group{group: group{id: id, name: name, kind: kind, area: area, founded: founded.UTC(), members: make(map[uuid.UUID]Member, len(founders))}}
	for _, f := range founders {
		g.members[f] = Member{ID: f, Role: MemberRoleInitiator, Since: g.founded}
	}
	return g, nil
}

// checkGroup reports the problems of a group's own fields.
func checkGroup(id uuid.UUID, name string, kind GroupKind, area string, founded time.Time) []error {
	errs := checkIdentity("group", id, "name", name)
	if !kind.IsValid() {
		errs = append(errs, undeclared("kind", kind))
	}
	if err := checkTrimmed("group area", area); err != nil {
		errs = append(errs, err)
	}
	if err := checkTime("founded", founded); err != nil {
		errs = append(errs, err)
	}
	return errs
}

// ID returns the group's ID.
func (g *Group) ID() uuid.UUID {
	g.use.BeginRead(misuseGroup)
	defer g.use.EndRead()
	return g.id
}

// Name returns the group's name.
func (g *Group) Name() string {
	g.use.BeginRead(misuseGroup)
	defer g.use.EndRead()
	return g.name
}

// Kind returns whether it is a grassroots group or a coalition.
func (g *Group) Kind() GroupKind {
	g.use.BeginRead(misuseGroup)
	defer g.use.EndRead()
	return g.kind
}

// Area returns the area code the group is rooted in, or "".
func (g *Group) Area() string {
	g.use.BeginRead(misuseGroup)
	defer g.use.EndRead()
	return g.area
}

// Founded returns when the group was founded, in UTC.
func (g *Group) Founded() time.Time {
	g.use.BeginRead(misuseGroup)
	defer g.use.EndRead()
	return g.founded
}

// Join makes id a member with role as of at, and reports whether anything
// changed. Joining again in the same role changes nothing (false); joining
// in another role changes the role and keeps the original join date
// (true). It returns [ErrInvalid] for a nil ID or a time that is zero, out
// of range or before the group was founded, and [ErrInvalid] for an
// undeclared role, changing nothing.
func (g *Group) Join(id uuid.UUID, role MemberRole, at time.Time) (bool, error) {
	g.use.BeginWrite(misuseGroup)
	defer g.use.EndWrite()
	switch {
	case g.members == nil:
		return false, &FieldError{Field: "group", Value: "the zero Group (create one with NewGroup)", Err: ErrInvalid}
	case id == uuid.Nil:
		return false, invalidf("member ID is nil")
	case !role.IsValid():
		return false, undeclared("role", role)
	}
	if err := checkTime("join time", at); err != nil {
		return false, err
	}
	if at.Before(g.founded) {
		return false, invalidf("join time %s before the group was founded", at.UTC().Format(time.RFC3339))
	}
	m, ok := g.members[id]
	if ok && m.Role == role {
		return false, nil
	}
	if !ok {
		m = Member{ID: id, Since: at.UTC()}
	}
	m.Role = role
	g.members[id] = m
	return true, nil
}

// Leave removes id from the group and reports whether it was a member;
// leaving when not a member changes nothing and returns false. It returns
// [ErrInvalid] for a nil ID.
func (g *Group) Leave(id uuid.UUID) (bool, error) {
	g.use.BeginWrite(misuseGroup)
	defer g.use.EndWrite()
	if id == uuid.Nil {
		return false, invalidf("member ID is nil")
	}
	if _, ok := g.members[id]; !ok {
		return false, nil
	}
	delete(g.members, id)
	return true, nil
}

// Member returns id's membership and true, or false if id is not a member.
func (g *Group) Member(id uuid.UUID) (Member, bool) {
	g.use.BeginRead(misuseGroup)
	defer g.use.EndRead()
	m, ok := g.members[id]
	return m, ok
}

// Len returns the number of members.
func (g *Group) Len() int {
	g.use.BeginRead(misuseGroup)
	defer g.use.EndRead()
	return len(g.members)
}

// CountByRole returns the number of members in role r.
func (g *Group) CountByRole(r MemberRole) int {
	g.use.BeginRead(misuseGroup)
	defer g.use.EndRead()
	n := 0
	for _, m := range g.members {
		if m.Role == r {
			n++
		}
	}
	return n
}

// Members yields the members in order of joining, earliest first, and by
// ID among those who joined at the same time. The group must not change
// during the iteration.
func (g *Group) Members() iter.Seq[Member] {
	g.use.BeginRead(misuseGroup)
	defer g.use.EndRead()
	return slices.Values(g.sorted())
}

func (g *Group) sorted() []Member {
	return slices.SortedFunc(maps.Values(g.members), func(a, b Member) int {
		return cmp.Or(a.Since.Compare(b.Since), slices.Compare(a.ID[:], b.ID[:]))
	})
}

type groupJSON struct {
	ID      uuid.UUID `json:"id"`
	Name    string    `json:"name"`
	Kind    GroupKind `json:"kind"`
	Area    string    `json:"area,omitempty"`
	Founded time.Time `json:"founded"`
	Members []Member  `json:"members"`
}

// MarshalJSON writes the group and its members in the order of
// [Group.Members].
func (g *Group) MarshalJSON() ([]byte, error) {
	g.use.BeginRead(misuseGroup)
	defer g.use.EndRead()
	return json.Marshal(groupJSON{ID: g.id, Name: g.name, Kind: g.kind, Area: g.area, Founded: g.founded, Members: g.sorted()})
}

// UnmarshalJSON reads what MarshalJSON writes and validates it as
// [NewGroup] and [Group.Join] would: every problem of the group itself, and
// a member with a nil or repeated ID, an undeclared role or a join date
// before the founding. It does not require the founders to still be
// members or initiators: members come and go. On error the group is
// unchanged.
func (g *Group) UnmarshalJSON(data []byte) error {
	g.use.BeginWrite(misuseGroup)
	defer g.use.EndWrite()
	var w groupJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return decodeErr(err)
	}
	if err := errors.Join(checkGroup(w.ID, w.Name, w.Kind, w.Area, w.Founded)...); err != nil {
		return err
	}
	got := &Group{group: group{id: w.ID, name: w.Name, kind: w.Kind, area: w.Area, founded: w.Founded.UTC(), members: make(map[uuid.UUID]Member, len(w.Members))}}
	for i, m := range w.Members {
		if _, dup := got.members[m.ID]; dup {
			return invalidf("members[%d] %s listed twice", i, m.ID)
		}
		if _, err := got.Join(m.ID, m.Role, m.Since); err != nil {
			return fmt.Errorf("members[%d]: %w", i, err)
		}
	}
	g.group = got.group
	return nil
}
