package concerns

import "github.com/civitas-go/civitas/internal/enum"

// The enums of this package, each backed by the one table implementation of
// internal/enum (see its doc for the naming and parsing rules). The types
// and their values are declared beside the code that uses them.

var caseKinds = enum.New[CaseKind]("CaseKind", invalidName, "concern", "complaint")

// CaseKinds returns every declared CaseKind, in declaration order.
func CaseKinds() []CaseKind { return caseKinds.Values() }

// ParseCaseKind returns the CaseKind named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseCaseKind(s string) (CaseKind, error) { return caseKinds.Parse(s) }

// IsValid reports whether c is a declared CaseKind.
func (c CaseKind) IsValid() bool { return caseKinds.Valid(c) }

// String returns the wire name, such as "concern", or "CaseKind(n)" for an
// undeclared value.
func (c CaseKind) String() string { return caseKinds.String(c) }

// Text returns the name written for people, in words; see String for the
// wire name.
func (c CaseKind) Text() string { return caseKinds.Text(c) }

// MarshalText returns the wire name; an undeclared value is an error.
func (c CaseKind) MarshalText() ([]byte, error) { return caseKinds.Marshal(c) }

// UnmarshalText parses a name as [ParseCaseKind] does, leaving c unchanged on error.
func (c *CaseKind) UnmarshalText(b []byte) error { return caseKinds.Unmarshal(c, b) }

var intakeChannels = enum.New[IntakeChannel]("IntakeChannel", invalidName, "phone", "email", "letter", "web_form", "in_person", "grievance_box", "community_meeting", "social_media", "third_party")

// IntakeChannels returns every declared IntakeChannel, in declaration order.
func IntakeChannels() []IntakeChannel { return intakeChannels.Values() }

// ParseIntakeChannel returns the IntakeChannel named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseIntakeChannel(s string) (IntakeChannel, error) { return intakeChannels.Parse(s) }

// IsValid reports whether i is a declared IntakeChannel.
func (i IntakeChannel) IsValid() bool { return intakeChannels.Valid(i) }

// String returns the wire name, such as "phone", or "IntakeChannel(n)" for an
// undeclared value.
func (i IntakeChannel) String() string { return intakeChannels.String(i) }

// Text returns the name written for people, in words; see String for the
// wire name.
func (i IntakeChannel) Text() string { return intakeChannels.Text(i) }

// MarshalText returns the wire name; an undeclared value is an error.
func (i IntakeChannel) MarshalText() ([]byte, error) { return intakeChannels.Marshal(i) }

// UnmarshalText parses a name as [ParseIntakeChannel] does, leaving i unchanged on error.
func (i *IntakeChannel) UnmarshalText(b []byte) error { return intakeChannels.Unmarshal(i, b) }

var severities = enum.New[Severity]("Severity", invalidName, "low", "medium", "high", "critical")

// Severities returns every declared Severity, in declaration order.
func Severities() []Severity { return severities.Values() }

// ParseSeverity returns the Severity named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseSeverity(s string) (Severity, error) { return severities.Parse(s) }

// IsValid reports whether s is a declared Severity.
func (s Severity) IsValid() bool { return severities.Valid(s) }

// String returns the wire name, such as "low", or "Severity(n)" for an
// undeclared value.
func (s Severity) String() string { return severities.String(s) }

// Text returns the name written for people, in words; see String for the
// wire name.
func (s Severity) Text() string { return severities.Text(s) }

// MarshalText returns the wire name; an undeclared value is an error.
func (s Severity) MarshalText() ([]byte, error) { return severities.Marshal(s) }

// UnmarshalText parses a name as [ParseSeverity] does, leaving s unchanged on error.
func (s *Severity) UnmarshalText(b []byte) error { return severities.Unmarshal(s, b) }

var disclosures = enum.New[Disclosure]("Disclosure", invalidName, "named", "pseudonymous", "anonymous")

// Disclosures returns every declared Disclosure, in declaration order.
func Disclosures() []Disclosure { return disclosures.Values() }

// ParseDisclosure returns the Disclosure named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseDisclosure(s string) (Disclosure, error) { return disclosures.Parse(s) }

// IsValid reports whether d is a declared Disclosure.
func (d Disclosure) IsValid() bool { return disclosures.Valid(d) }

// String returns the wire name, such as "named", or "Disclosure(n)" for an
// undeclared value.
func (d Disclosure) String() string { return disclosures.String(d) }

// Text returns the name written for people, in words; see String for the
// wire name.
func (d Disclosure) Text() string { return disclosures.Text(d) }

// MarshalText returns the wire name; an undeclared value is an error.
func (d Disclosure) MarshalText() ([]byte, error) { return disclosures.Marshal(d) }

// UnmarshalText parses a name as [ParseDisclosure] does, leaving d unchanged on error.
func (d *Disclosure) UnmarshalText(b []byte) error { return disclosures.Unmarshal(d, b) }

var states = enum.New[State]("State", invalidName, "received", "acknowledged", "assessed", "awaiting_information", "investigating", "resolution_proposed", "accepted", "escalated", "closed")

// States returns every declared State, in declaration order.
func States() []State { return states.Values() }

// ParseState returns the State named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseState(s string) (State, error) { return states.Parse(s) }

// IsValid reports whether s is a declared State.
func (s State) IsValid() bool { return states.Valid(s) }

// String returns the wire name, such as "received", or "State(n)" for an
// undeclared value.
func (s State) String() string { return states.String(s) }

// Text returns the name written for people, in words; see String for the
// wire name.
func (s State) Text() string { return states.Text(s) }

// MarshalText returns the wire name; an undeclared value is an error.
func (s State) MarshalText() ([]byte, error) { return states.Marshal(s) }

// UnmarshalText parses a name as [ParseState] does, leaving s unchanged on error.
func (s *State) UnmarshalText(b []byte) error { return states.Unmarshal(s, b) }

var events = enum.New[Event]("Event", invalidName, "received", "acknowledged", "assessed", "information_requested", "information_provided", "extended", "investigation_started", "resolution_proposed", "accepted", "escalated", "closed", "withdrawn", "reopened", "linked")

// Events returns every declared Event, in declaration order.
func Events() []Event { return events.Values() }

// ParseEvent returns the Event named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseEvent(s string) (Event, error) { return events.Parse(s) }

// IsValid reports whether e is a declared Event.
func (e Event) IsValid() bool { return events.Valid(e) }

// String returns the wire name, such as "received", or "Event(n)" for an
// undeclared value.
func (e Event) String() string { return events.String(e) }

// Text returns the name written for people, in words; see String for the
// wire name.
func (e Event) Text() string { return events.Text(e) }

// MarshalText returns the wire name; an undeclared value is an error.
func (e Event) MarshalText() ([]byte, error) { return events.Marshal(e) }

// UnmarshalText parses a name as [ParseEvent] does, leaving e unchanged on error.
func (e *Event) UnmarshalText(b []byte) error { return events.Unmarshal(e, b) }

var outcomes = enum.New[Outcome]("Outcome", invalidName, "resolved", "unresolved", "withdrawn", "referred")

// Outcomes returns every declared Outcome, in declaration order.
func Outcomes() []Outcome { return outcomes.Values() }

// ParseOutcome returns the Outcome named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseOutcome(s string) (Outcome, error) { return outcomes.Parse(s) }

// IsValid reports whether o is a declared Outcome.
func (o Outcome) IsValid() bool { return outcomes.Valid(o) }

// String returns the wire name, such as "resolved", or "Outcome(n)" for an
// undeclared value.
func (o Outcome) String() string { return outcomes.String(o) }

// Text returns the name written for people, in words; see String for the
// wire name.
func (o Outcome) Text() string { return outcomes.Text(o) }

// MarshalText returns the wire name; an undeclared value is an error.
func (o Outcome) MarshalText() ([]byte, error) { return outcomes.Marshal(o) }

// UnmarshalText parses a name as [ParseOutcome] does, leaving o unchanged on error.
func (o *Outcome) UnmarshalText(b []byte) error { return outcomes.Unmarshal(o, b) }

var scopes = enum.New[Scope]("Scope", invalidName, "in", "out")

// Scopes returns every declared Scope, in declaration order.
func Scopes() []Scope { return scopes.Values() }

// ParseScope returns the Scope named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseScope(s string) (Scope, error) { return scopes.Parse(s) }

// IsValid reports whether s is a declared Scope.
func (s Scope) IsValid() bool { return scopes.Valid(s) }

// String returns the wire name, such as "in", or "Scope(n)" for an
// undeclared value.
func (s Scope) String() string { return scopes.String(s) }

// Text returns the name written for people, in words; see String for the
// wire name.
func (s Scope) Text() string { return scopes.Text(s) }

// MarshalText returns the wire name; an undeclared value is an error.
func (s Scope) MarshalText() ([]byte, error) { return scopes.Marshal(s) }

// UnmarshalText parses a name as [ParseScope] does, leaving s unchanged on error.
func (s *Scope) UnmarshalText(b []byte) error { return scopes.Unmarshal(s, b) }

var linkKinds = enum.New[LinkKind]("LinkKind", invalidName, "interaction", "process", "commitment")

// LinkKinds returns every declared LinkKind, in declaration order.
func LinkKinds() []LinkKind { return linkKinds.Values() }

// ParseLinkKind returns the LinkKind named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseLinkKind(s string) (LinkKind, error) { return linkKinds.Parse(s) }

// IsValid reports whether l is a declared LinkKind.
func (l LinkKind) IsValid() bool { return linkKinds.Valid(l) }

// String returns the wire name, such as "interaction", or "LinkKind(n)" for an
// undeclared value.
func (l LinkKind) String() string { return linkKinds.String(l) }

// Text returns the name written for people, in words; see String for the
// wire name.
func (l LinkKind) Text() string { return linkKinds.Text(l) }

// MarshalText returns the wire name; an undeclared value is an error.
func (l LinkKind) MarshalText() ([]byte, error) { return linkKinds.Marshal(l) }

// UnmarshalText parses a name as [ParseLinkKind] does, leaving l unchanged on error.
func (l *LinkKind) UnmarshalText(b []byte) error { return linkKinds.Unmarshal(l, b) }

var issueStates = enum.New[IssueState]("IssueState", invalidName, "open", "closed")

// IssueStates returns every declared IssueState, in declaration order.
func IssueStates() []IssueState { return issueStates.Values() }

// ParseIssueState returns the IssueState named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseIssueState(s string) (IssueState, error) { return issueStates.Parse(s) }

// IsValid reports whether i is a declared IssueState.
func (i IssueState) IsValid() bool { return issueStates.Valid(i) }

// String returns the wire name, such as "open", or "IssueState(n)" for an
// undeclared value.
func (i IssueState) String() string { return issueStates.String(i) }

// Text returns the name written for people, in words; see String for the
// wire name.
func (i IssueState) Text() string { return issueStates.Text(i) }

// MarshalText returns the wire name; an undeclared value is an error.
func (i IssueState) MarshalText() ([]byte, error) { return issueStates.Marshal(i) }

// UnmarshalText parses a name as [ParseIssueState] does, leaving i unchanged on error.
func (i *IssueState) UnmarshalText(b []byte) error { return issueStates.Unmarshal(i, b) }

var issueEvents = enum.New[IssueEvent]("IssueEvent", invalidName, "opened", "case_added", "process_linked", "commitment_linked", "action_added", "action_completed", "closed", "reopened")

// IssueEvents returns every declared IssueEvent, in declaration order.
func IssueEvents() []IssueEvent { return issueEvents.Values() }

// ParseIssueEvent returns the IssueEvent named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseIssueEvent(s string) (IssueEvent, error) { return issueEvents.Parse(s) }

// IsValid reports whether i is a declared IssueEvent.
func (i IssueEvent) IsValid() bool { return issueEvents.Valid(i) }

// String returns the wire name, such as "opened", or "IssueEvent(n)" for an
// undeclared value.
func (i IssueEvent) String() string { return issueEvents.String(i) }

// Text returns the name written for people, in words; see String for the
// wire name.
func (i IssueEvent) Text() string { return issueEvents.Text(i) }

// MarshalText returns the wire name; an undeclared value is an error.
func (i IssueEvent) MarshalText() ([]byte, error) { return issueEvents.Marshal(i) }

// UnmarshalText parses a name as [ParseIssueEvent] does, leaving i unchanged on error.
func (i *IssueEvent) UnmarshalText(b []byte) error { return issueEvents.Unmarshal(i, b) }

var backlogBands = enum.New[BacklogBand]("BacklogBand", invalidName, "up_to_7_days", "8_to_30_days", "31_to_90_days", "over_90_days")

// BacklogBands returns every declared BacklogBand, in declaration order.
func BacklogBands() []BacklogBand { return backlogBands.Values() }

// ParseBacklogBand returns the BacklogBand named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseBacklogBand(s string) (BacklogBand, error) { return backlogBands.Parse(s) }

// IsValid reports whether band is a declared BacklogBand.
func (band BacklogBand) IsValid() bool { return backlogBands.Valid(band) }

// String returns the wire name, such as "up_to_7_days", or "BacklogBand(n)" for an
// undeclared value.
func (band BacklogBand) String() string { return backlogBands.String(band) }

// MarshalText returns the wire name; an undeclared value is an error.
func (band BacklogBand) MarshalText() ([]byte, error) { return backlogBands.Marshal(band) }

// UnmarshalText parses a name as [ParseBacklogBand] does, leaving b unchanged on error.
func (band *BacklogBand) UnmarshalText(b []byte) error { return backlogBands.Unmarshal(band, b) }

var trends = enum.New[Trend]("Trend", invalidName, "down", "flat", "up")

// Trends returns every declared Trend, in declaration order.
func Trends() []Trend { return trends.Values() }

// ParseTrend returns the Trend named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseTrend(s string) (Trend, error) { return trends.Parse(s) }

// IsValid reports whether t is a declared Trend.
func (t Trend) IsValid() bool { return trends.Valid(t) }

// String returns the wire name, such as "down", or "Trend(n)" for an
// undeclared value.
func (t Trend) String() string { return trends.String(t) }

// Text returns the name written for people, in words; see String for the
// wire name.
func (t Trend) Text() string { return trends.Text(t) }

// MarshalText returns the wire name; an undeclared value is an error.
func (t Trend) MarshalText() ([]byte, error) { return trends.Marshal(t) }

// UnmarshalText parses a name as [ParseTrend] does, leaving t unchanged on error.
func (t *Trend) UnmarshalText(b []byte) error { return trends.Unmarshal(t, b) }

var rowStatuses = enum.New[RowStatus]("RowStatus", invalidName, "recorded", "partial", "rejected")

// RowStatuses returns every declared RowStatus, in declaration order.
func RowStatuses() []RowStatus { return rowStatuses.Values() }

// ParseRowStatus returns the RowStatus named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseRowStatus(s string) (RowStatus, error) { return rowStatuses.Parse(s) }

// IsValid reports whether r is a declared RowStatus.
func (r RowStatus) IsValid() bool { return rowStatuses.Valid(r) }

// String returns the wire name, such as "recorded", or "RowStatus(n)" for an
// undeclared value.
func (r RowStatus) String() string { return rowStatuses.String(r) }

// Text returns the name written for people, in words; see String for the
// wire name.
func (r RowStatus) Text() string { return rowStatuses.Text(r) }

// MarshalText returns the wire name; an undeclared value is an error.
func (r RowStatus) MarshalText() ([]byte, error) { return rowStatuses.Marshal(r) }

// UnmarshalText parses a name as [ParseRowStatus] does, leaving r unchanged on error.
func (r *RowStatus) UnmarshalText(b []byte) error { return rowStatuses.Unmarshal(r, b) }

var figureNames = enum.New[Figure]("Figure", invalidName, "acknowledged_on_time", "proposed_on_time", "median_days_to_close", "p90_days_to_close", "resolved_share", "accepted_share", "escalation_rate", "reopen_rate", "aged_backlog", "repeat_complainants", "issues_trending_up")

// Figures returns every declared Figure, in declaration order.
func Figures() []Figure { return figureNames.Values() }

// ParseFigure returns the Figure named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseFigure(s string) (Figure, error) { return figureNames.Parse(s) }

// IsValid reports whether f is a declared Figure.
func (f Figure) IsValid() bool { return figureNames.Valid(f) }

// String returns the wire name, such as "acknowledged_on_time", or "Figure(n)" for an
// undeclared value.
func (f Figure) String() string { return figureNames.String(f) }

// Text returns the name written for people, in words; see String for the
// wire name.
func (f Figure) Text() string { return figureNames.Text(f) }

// MarshalText returns the wire name; an undeclared value is an error.
func (f Figure) MarshalText() ([]byte, error) { return figureNames.Marshal(f) }

// UnmarshalText parses a name as [ParseFigure] does, leaving f unchanged on error.
func (f *Figure) UnmarshalText(b []byte) error { return figureNames.Unmarshal(f, b) }
