package participation

import "github.com/civitas-go/civitas/internal/enum"

// The enums of this package are typed ints starting at 1, so that the zero
// value is invalid, each backed by one table of internal/enum: wire names
// are lowercase words joined by underscores, and ParseX accepts them in any
// case with '_', '-' or ' ' between words (see internal/DESIGN.md). An
// undeclared value or unknown name is an [*FieldError] wrapping
// [ErrInvalid].

// invalidName builds the error of an undeclared enum value or unknown name,
// for the enum tables.
func invalidName(field, value string) error {
	return &FieldError{Field: field, Value: value, Err: ErrInvalid}
}

var kinds = enum.New[Kind]("Kind", invalidName, "petition", "proposal", "campaign", "volunteer_project", "community_event", "mutual_aid")

// Kinds returns every declared Kind, in declaration order.
func Kinds() []Kind { return kinds.Values() }

// ParseKind returns the Kind named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseKind(s string) (Kind, error) { return kinds.Parse(s) }

// IsValid reports whether k is a declared Kind.
func (k Kind) IsValid() bool { return kinds.Valid(k) }

// String returns the wire name, such as "petition", or "Kind(n)" for an
// undeclared value.
func (k Kind) String() string { return kinds.String(k) }

// MarshalText returns the wire name; an undeclared value is an error.
func (k Kind) MarshalText() ([]byte, error) { return kinds.Marshal(k) }

// UnmarshalText parses a name as [ParseKind] does, leaving k unchanged on error.
func (k *Kind) UnmarshalText(b []byte) error { return kinds.Unmarshal(k, b) }

var states = enum.New[State]("State", invalidName, "draft", "open", "qualified", "submitted", "answered", "expired", "withdrawn")

// States returns every declared State, in declaration order.
func States() []State { return states.Values() }

// ParseState returns the State named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseState(s string) (State, error) { return states.Parse(s) }

// IsValid reports whether s is a declared State.
func (s State) IsValid() bool { return states.Valid(s) }

// String returns the wire name, such as "draft", or "State(n)" for an
// undeclared value.
func (s State) String() string { return states.String(s) }

// MarshalText returns the wire name; an undeclared value is an error.
func (s State) MarshalText() ([]byte, error) { return states.Marshal(s) }

// UnmarshalText parses a name as [ParseState] does, leaving s unchanged on error.
func (s *State) UnmarshalText(b []byte) error { return states.Unmarshal(s, b) }

var signingMethods = enum.New[SigningMethod]("SigningMethod", invalidName, "online", "offline")

// SigningMethods returns every declared SigningMethod, in declaration order.
func SigningMethods() []SigningMethod { return signingMethods.Values() }

// ParseSigningMethod returns the SigningMethod named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseSigningMethod(s string) (SigningMethod, error) { return signingMethods.Parse(s) }

// IsValid reports whether s is a declared SigningMethod.
func (s SigningMethod) IsValid() bool { return signingMethods.Valid(s) }

// String returns the wire name, such as "online", or "SigningMethod(n)" for an
// undeclared value.
func (s SigningMethod) String() string { return signingMethods.String(s) }

// MarshalText returns the wire name; an undeclared value is an error.
func (s SigningMethod) MarshalText() ([]byte, error) { return signingMethods.Marshal(s) }

// UnmarshalText parses a name as [ParseSigningMethod] does, leaving s unchanged on error.
func (s *SigningMethod) UnmarshalText(b []byte) error { return signingMethods.Unmarshal(s, b) }

var answerOutcomes = enum.New[AnswerOutcome]("AnswerOutcome", invalidName, "accepted", "rejected", "adopted")

// AnswerOutcomes returns every declared AnswerOutcome, in declaration order.
func AnswerOutcomes() []AnswerOutcome { return answerOutcomes.Values() }

// ParseAnswerOutcome returns the AnswerOutcome named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseAnswerOutcome(s string) (AnswerOutcome, error) { return answerOutcomes.Parse(s) }

// IsValid reports whether a is a declared AnswerOutcome.
func (a AnswerOutcome) IsValid() bool { return answerOutcomes.Valid(a) }

// String returns the wire name, such as "accepted", or "AnswerOutcome(n)" for an
// undeclared value.
func (a AnswerOutcome) String() string { return answerOutcomes.String(a) }

// MarshalText returns the wire name; an undeclared value is an error.
func (a AnswerOutcome) MarshalText() ([]byte, error) { return answerOutcomes.Marshal(a) }

// UnmarshalText parses a name as [ParseAnswerOutcome] does, leaving a unchanged on error.
func (a *AnswerOutcome) UnmarshalText(b []byte) error { return answerOutcomes.Unmarshal(a, b) }

var events = enum.New[Event]("Event", invalidName, "created", "opened", "milestone", "qualified", "submitted", "answered", "expired", "withdrawn")

// Events returns every declared Event, in declaration order.
func Events() []Event { return events.Values() }

// ParseEvent returns the Event named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseEvent(s string) (Event, error) { return events.Parse(s) }

// IsValid reports whether e is a declared Event.
func (e Event) IsValid() bool { return events.Valid(e) }

// String returns the wire name, such as "created", or "Event(n)" for an
// undeclared value.
func (e Event) String() string { return events.String(e) }

// MarshalText returns the wire name; an undeclared value is an error.
func (e Event) MarshalText() ([]byte, error) { return events.Marshal(e) }

// UnmarshalText parses a name as [ParseEvent] does, leaving e unchanged on error.
func (e *Event) UnmarshalText(b []byte) error { return events.Unmarshal(e, b) }

var groupKinds = enum.New[GroupKind]("GroupKind", invalidName, "grassroots", "coalition")

// GroupKinds returns every declared GroupKind, in declaration order.
func GroupKinds() []GroupKind { return groupKinds.Values() }

// ParseGroupKind returns the GroupKind named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseGroupKind(s string) (GroupKind, error) { return groupKinds.Parse(s) }

// IsValid reports whether g is a declared GroupKind.
func (g GroupKind) IsValid() bool { return groupKinds.Valid(g) }

// String returns the wire name, such as "grassroots", or "GroupKind(n)" for an
// undeclared value.
func (g GroupKind) String() string { return groupKinds.String(g) }

// MarshalText returns the wire name; an undeclared value is an error.
func (g GroupKind) MarshalText() ([]byte, error) { return groupKinds.Marshal(g) }

// UnmarshalText parses a name as [ParseGroupKind] does, leaving g unchanged on error.
func (g *GroupKind) UnmarshalText(b []byte) error { return groupKinds.Unmarshal(g, b) }

var memberRoles = enum.New[MemberRole]("MemberRole", invalidName, "initiator", "organiser", "member", "volunteer")

// MemberRoles returns every declared MemberRole, in declaration order.
func MemberRoles() []MemberRole { return memberRoles.Values() }

// ParseMemberRole returns the MemberRole named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseMemberRole(s string) (MemberRole, error) { return memberRoles.Parse(s) }

// IsValid reports whether m is a declared MemberRole.
func (m MemberRole) IsValid() bool { return memberRoles.Valid(m) }

// String returns the wire name, such as "initiator", or "MemberRole(n)" for an
// undeclared value.
func (m MemberRole) String() string { return memberRoles.String(m) }

// MarshalText returns the wire name; an undeclared value is an error.
func (m MemberRole) MarshalText() ([]byte, error) { return memberRoles.Marshal(m) }

// UnmarshalText parses a name as [ParseMemberRole] does, leaving m unchanged on error.
func (m *MemberRole) UnmarshalText(b []byte) error { return memberRoles.Unmarshal(m, b) }

var rungs = enum.New[Rung]("Rung", invalidName, "manipulation", "therapy", "informing", "consultation", "placation", "partnership", "delegated_power", "citizen_control")

// Rungs returns every declared Rung, in declaration order.
func Rungs() []Rung { return rungs.Values() }

// ParseRung returns the Rung named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseRung(s string) (Rung, error) { return rungs.Parse(s) }

// IsValid reports whether r is a declared Rung.
func (r Rung) IsValid() bool { return rungs.Valid(r) }

// String returns the wire name, such as "manipulation", or "Rung(n)" for an
// undeclared value.
func (r Rung) String() string { return rungs.String(r) }

// MarshalText returns the wire name; an undeclared value is an error.
func (r Rung) MarshalText() ([]byte, error) { return rungs.Marshal(r) }

// UnmarshalText parses a name as [ParseRung] does, leaving r unchanged on error.
func (r *Rung) UnmarshalText(b []byte) error { return rungs.Unmarshal(r, b) }

var rungGroups = enum.New[RungGroup]("RungGroup", invalidName, "nonparticipation", "tokenism", "citizen_power")

// RungGroups returns every declared RungGroup, in declaration order.
func RungGroups() []RungGroup { return rungGroups.Values() }

// ParseRungGroup returns the RungGroup named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseRungGroup(s string) (RungGroup, error) { return rungGroups.Parse(s) }

// IsValid reports whether r is a declared RungGroup.
func (r RungGroup) IsValid() bool { return rungGroups.Valid(r) }

// String returns the wire name, such as "nonparticipation", or "RungGroup(n)" for an
// undeclared value.
func (r RungGroup) String() string { return rungGroups.String(r) }

// MarshalText returns the wire name; an undeclared value is an error.
func (r RungGroup) MarshalText() ([]byte, error) { return rungGroups.Marshal(r) }

// UnmarshalText parses a name as [ParseRungGroup] does, leaving r unchanged on error.
func (r *RungGroup) UnmarshalText(b []byte) error { return rungGroups.Unmarshal(r, b) }

var outcomes = enum.New[Outcome]("Outcome", invalidName, "ignored", "acknowledged", "partly_adopted", "adopted_with_community", "community_run")

// Outcomes returns every declared Outcome, in declaration order.
func Outcomes() []Outcome { return outcomes.Values() }

// ParseOutcome returns the Outcome named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseOutcome(s string) (Outcome, error) { return outcomes.Parse(s) }

// IsValid reports whether o is a declared Outcome.
func (o Outcome) IsValid() bool { return outcomes.Valid(o) }

// String returns the wire name, such as "ignored", or "Outcome(n)" for an
// undeclared value.
func (o Outcome) String() string { return outcomes.String(o) }

// MarshalText returns the wire name; an undeclared value is an error.
func (o Outcome) MarshalText() ([]byte, error) { return outcomes.Marshal(o) }

// UnmarshalText parses a name as [ParseOutcome] does, leaving o unchanged on error.
func (o *Outcome) UnmarshalText(b []byte) error { return outcomes.Unmarshal(o, b) }

// Text returns the Kind's name for people in running text, such as
// "petition"; "Kind(n)" for an undeclared value.
func (k Kind) Text() string { return kinds.Text(k) }

// Text returns the State's name for people in running text, such as
// "draft"; "State(n)" for an undeclared value.
func (s State) Text() string { return states.Text(s) }

// Text returns the SigningMethod's name for people in running text, such as
// "online"; "SigningMethod(n)" for an undeclared value.
func (s SigningMethod) Text() string { return signingMethods.Text(s) }

// Text returns the AnswerOutcome's name for people in running text, such as
// "accepted"; "AnswerOutcome(n)" for an undeclared value.
func (a AnswerOutcome) Text() string { return answerOutcomes.Text(a) }

// Text returns the Event's name for people in running text, such as
// "created"; "Event(n)" for an undeclared value.
func (e Event) Text() string { return events.Text(e) }

// Text returns the GroupKind's name for people in running text, such as
// "grassroots"; "GroupKind(n)" for an undeclared value.
func (g GroupKind) Text() string { return groupKinds.Text(g) }

// Text returns the MemberRole's name for people in running text, such as
// "initiator"; "MemberRole(n)" for an undeclared value.
func (m MemberRole) Text() string { return memberRoles.Text(m) }

// Text returns the Rung's name for people in running text, such as
// "manipulation"; "Rung(n)" for an undeclared value.
func (r Rung) Text() string { return rungs.Text(r) }

// Text returns the RungGroup's name for people in running text, such as
// "nonparticipation"; "RungGroup(n)" for an undeclared value.
func (r RungGroup) Text() string { return rungGroups.Text(r) }

// Text returns the Outcome's name for people in running text, such as
// "ignored"; "Outcome(n)" for an undeclared value.
func (o Outcome) Text() string { return outcomes.Text(o) }
