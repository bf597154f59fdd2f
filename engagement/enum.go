package engagement

import "github.com/civitas-go/civitas/internal/enum"

// The enums of this package, each backed by the one table implementation of
// internal/enum (see its doc for the naming and parsing rules; internal/DESIGN.md
// for the rest). Text for people uses the tables' Text and Title, never the
// wire name.

// invalidName builds the error of an undeclared enum value or unknown name: a
// [*FieldError] wrapping [ErrInvalid] whose value is already quoted.
func invalidName(field, value string) error {
	return &FieldError{Field: field, Value: value, Err: ErrInvalid}
}

var levels = enum.New[Level]("Level", invalidName, "inform", "consult", "involve", "collaborate", "empower")

// Levels returns every declared Level, in declaration order.
func Levels() []Level { return levels.Values() }

// ParseLevel returns the Level named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseLevel(s string) (Level, error) { return levels.Parse(s) }

// IsValid reports whether l is a declared Level.
func (l Level) IsValid() bool { return levels.Valid(l) }

// String returns the wire name, such as "inform", or "Level(n)" for an
// undeclared value.
func (l Level) String() string { return levels.String(l) }

// Text returns the name written for people, in lowercase words ("consult"), or
// "Level(n)" for an undeclared value: the form for reports and audit text.
func (l Level) Text() string { return levels.Text(l) }

// MarshalText returns the wire name; an undeclared value is an error.
func (l Level) MarshalText() ([]byte, error) { return levels.Marshal(l) }

// UnmarshalText parses a name as [ParseLevel] does, leaving l unchanged on error.
func (l *Level) UnmarshalText(b []byte) error { return levels.Unmarshal(l, b) }

var states = enum.New[State]("State", invalidName, "draft", "announced", "open", "closed", "decided", "implementing", "completed", "cancelled")

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

// Text returns the name written for people, in lowercase words ("open"), or
// "State(n)" for an undeclared value: the form for reports and audit text.
func (s State) Text() string { return states.Text(s) }

// MarshalText returns the wire name; an undeclared value is an error.
func (s State) MarshalText() ([]byte, error) { return states.Marshal(s) }

// UnmarshalText parses a name as [ParseState] does, leaving s unchanged on error.
func (s *State) UnmarshalText(b []byte) error { return states.Unmarshal(s, b) }

var events = enum.New[Event]("Event", invalidName, "announce", "open", "close", "decide", "start_implementation", "complete", "cancel")

// Events returns every declared Event, in declaration order.
func Events() []Event { return events.Values() }

// ParseEvent returns the Event named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseEvent(s string) (Event, error) { return events.Parse(s) }

// IsValid reports whether e is a declared Event.
func (e Event) IsValid() bool { return events.Valid(e) }

// String returns the wire name, such as "announce", or "Event(n)" for an
// undeclared value.
func (e Event) String() string { return events.String(e) }

// Text returns the name written for people, in lowercase words ("start implementation"), or
// "Event(n)" for an undeclared value: the form for reports and audit text.
func (e Event) Text() string { return events.Text(e) }

// MarshalText returns the wire name; an undeclared value is an error.
func (e Event) MarshalText() ([]byte, error) { return events.Marshal(e) }

// UnmarshalText parses a name as [ParseEvent] does, leaving e unchanged on error.
func (e *Event) UnmarshalText(b []byte) error { return events.Unmarshal(e, b) }

var communications = enum.New[Communication]("Communication", invalidName, "one_way", "two_way")

// Communications returns every declared Communication, in declaration order.
func Communications() []Communication { return communications.Values() }

// ParseCommunication returns the Communication named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseCommunication(s string) (Communication, error) { return communications.Parse(s) }

// IsValid reports whether c is a declared Communication.
func (c Communication) IsValid() bool { return communications.Valid(c) }

// String returns the wire name, such as "one_way", or "Communication(n)" for an
// undeclared value.
func (c Communication) String() string { return communications.String(c) }

// Text returns the name written for people, in lowercase words ("two way"), or
// "Communication(n)" for an undeclared value: the form for reports and audit text.
func (c Communication) Text() string { return communications.Text(c) }

// MarshalText returns the wire name; an undeclared value is an error.
func (c Communication) MarshalText() ([]byte, error) { return communications.Marshal(c) }

// UnmarshalText parses a name as [ParseCommunication] does, leaving c unchanged on error.
func (c *Communication) UnmarshalText(b []byte) error { return communications.Unmarshal(c, b) }

var methodNames = enum.New[Method]("Method", invalidName, methodWireNames()...)

// Methods returns every declared Method, in declaration order.
func Methods() []Method { return methodNames.Values() }

// ParseMethod returns the Method named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseMethod(s string) (Method, error) { return methodNames.Parse(s) }

// IsValid reports whether m is a declared Method.
func (m Method) IsValid() bool { return methodNames.Valid(m) }

// String returns the wire name, such as "fact_sheet", or "Method(n)" for an
// undeclared value.
func (m Method) String() string { return methodNames.String(m) }

// Text returns the name written for people, in lowercase words ("citizens assembly"), or
// "Method(n)" for an undeclared value: the form for reports and audit text.
func (m Method) Text() string { return methodNames.Text(m) }

// MarshalText returns the wire name; an undeclared value is an error.
func (m Method) MarshalText() ([]byte, error) { return methodNames.Marshal(m) }

// UnmarshalText parses a name as [ParseMethod] does, leaving m unchanged on error.
func (m *Method) UnmarshalText(b []byte) error { return methodNames.Unmarshal(m, b) }

var media = enum.New[Medium]("Medium", invalidName, "print", "website", "newsletter", "email", "direct_mail", "press", "social_media", "broadcast", "outdoor")

// Media returns every declared Medium, in declaration order.
func Media() []Medium { return media.Values() }

// ParseMedium returns the Medium named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseMedium(s string) (Medium, error) { return media.Parse(s) }

// IsValid reports whether m is a declared Medium.
func (m Medium) IsValid() bool { return media.Valid(m) }

// String returns the wire name, such as "print", or "Medium(n)" for an
// undeclared value.
func (m Medium) String() string { return media.String(m) }

// Text returns the name written for people, in lowercase words ("direct mail"), or
// "Medium(n)" for an undeclared value: the form for reports and audit text.
func (m Medium) Text() string { return media.Text(m) }

// MarshalText returns the wire name; an undeclared value is an error.
func (m Medium) MarshalText() ([]byte, error) { return media.Marshal(m) }

// UnmarshalText parses a name as [ParseMedium] does, leaving m unchanged on error.
func (m *Medium) UnmarshalText(b []byte) error { return media.Unmarshal(m, b) }

var phaseKinds = enum.New[PhaseKind]("PhaseKind", invalidName, "information", "consultation", "deliberation", "decision", "implementation", "custom")

// PhaseKinds returns every declared PhaseKind, in declaration order.
func PhaseKinds() []PhaseKind { return phaseKinds.Values() }

// ParsePhaseKind returns the PhaseKind named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParsePhaseKind(s string) (PhaseKind, error) { return phaseKinds.Parse(s) }

// IsValid reports whether k is a declared PhaseKind.
func (k PhaseKind) IsValid() bool { return phaseKinds.Valid(k) }

// String returns the wire name, such as "information", or "PhaseKind(n)" for an
// undeclared value.
func (k PhaseKind) String() string { return phaseKinds.String(k) }

// Text returns the name written for people, in lowercase words ("consultation"), or
// "PhaseKind(n)" for an undeclared value: the form for reports and audit text.
func (k PhaseKind) Text() string { return phaseKinds.Text(k) }

// MarshalText returns the wire name; an undeclared value is an error.
func (k PhaseKind) MarshalText() ([]byte, error) { return phaseKinds.Marshal(k) }

// UnmarshalText parses a name as [ParsePhaseKind] does, leaving k unchanged on error.
func (k *PhaseKind) UnmarshalText(b []byte) error { return phaseKinds.Unmarshal(k, b) }

var publicationKinds = enum.New[PublicationKind]("PublicationKind", invalidName, "public_notice", "background_info", "input_summary", "feedback_report", "decision_notice", "progress_report")

// PublicationKinds returns every declared PublicationKind, in declaration order.
func PublicationKinds() []PublicationKind { return publicationKinds.Values() }

// ParsePublicationKind returns the PublicationKind named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParsePublicationKind(s string) (PublicationKind, error) { return publicationKinds.Parse(s) }

// IsValid reports whether k is a declared PublicationKind.
func (k PublicationKind) IsValid() bool { return publicationKinds.Valid(k) }

// String returns the wire name, such as "public_notice", or "PublicationKind(n)" for an
// undeclared value.
func (k PublicationKind) String() string { return publicationKinds.String(k) }

// Text returns the name written for people, in lowercase words ("decision notice"), or
// "PublicationKind(n)" for an undeclared value: the form for reports and audit text.
func (k PublicationKind) Text() string { return publicationKinds.Text(k) }

// MarshalText returns the wire name; an undeclared value is an error.
func (k PublicationKind) MarshalText() ([]byte, error) { return publicationKinds.Marshal(k) }

// UnmarshalText parses a name as [ParsePublicationKind] does, leaving k unchanged on error.
func (k *PublicationKind) UnmarshalText(b []byte) error { return publicationKinds.Unmarshal(k, b) }

var contributionKinds = enum.New[ContributionKind]("ContributionKind", invalidName, "comment", "idea", "objection", "question", "survey_response", "vote")

// ContributionKinds returns every declared ContributionKind, in declaration order.
func ContributionKinds() []ContributionKind { return contributionKinds.Values() }

// ParseContributionKind returns the ContributionKind named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseContributionKind(s string) (ContributionKind, error) { return contributionKinds.Parse(s) }

// IsValid reports whether k is a declared ContributionKind.
func (k ContributionKind) IsValid() bool { return contributionKinds.Valid(k) }

// String returns the wire name, such as "comment", or "ContributionKind(n)" for an
// undeclared value.
func (k ContributionKind) String() string { return contributionKinds.String(k) }

// Text returns the name written for people, in lowercase words ("survey response"), or
// "ContributionKind(n)" for an undeclared value: the form for reports and audit text.
func (k ContributionKind) Text() string { return contributionKinds.Text(k) }

// MarshalText returns the wire name; an undeclared value is an error.
func (k ContributionKind) MarshalText() ([]byte, error) { return contributionKinds.Marshal(k) }

// UnmarshalText parses a name as [ParseContributionKind] does, leaving k unchanged on error.
func (k *ContributionKind) UnmarshalText(b []byte) error { return contributionKinds.Unmarshal(k, b) }

var responseKinds = enum.New[ResponseKind]("ResponseKind", invalidName, "accepted", "partly_accepted", "not_accepted", "noted", "out_of_scope")

// ResponseKinds returns every declared ResponseKind, in declaration order.
func ResponseKinds() []ResponseKind { return responseKinds.Values() }

// ParseResponseKind returns the ResponseKind named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseResponseKind(s string) (ResponseKind, error) { return responseKinds.Parse(s) }

// IsValid reports whether k is a declared ResponseKind.
func (k ResponseKind) IsValid() bool { return responseKinds.Valid(k) }

// String returns the wire name, such as "accepted", or "ResponseKind(n)" for an
// undeclared value.
func (k ResponseKind) String() string { return responseKinds.String(k) }

// Text returns the name written for people, in lowercase words ("partly accepted"), or
// "ResponseKind(n)" for an undeclared value: the form for reports and audit text.
func (k ResponseKind) Text() string { return responseKinds.Text(k) }

// MarshalText returns the wire name; an undeclared value is an error.
func (k ResponseKind) MarshalText() ([]byte, error) { return responseKinds.Marshal(k) }

// UnmarshalText parses a name as [ParseResponseKind] does, leaving k unchanged on error.
func (k *ResponseKind) UnmarshalText(b []byte) error { return responseKinds.Unmarshal(k, b) }

var commitmentStatuses = enum.New[CommitmentStatus]("CommitmentStatus", invalidName, "planned", "in_progress", "done", "dropped")

// CommitmentStatuses returns every declared CommitmentStatus, in declaration order.
func CommitmentStatuses() []CommitmentStatus { return commitmentStatuses.Values() }

// ParseCommitmentStatus returns the CommitmentStatus named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParseCommitmentStatus(s string) (CommitmentStatus, error) { return commitmentStatuses.Parse(s) }

// IsValid reports whether s is a declared CommitmentStatus.
func (s CommitmentStatus) IsValid() bool { return commitmentStatuses.Valid(s) }

// String returns the wire name, such as "planned", or "CommitmentStatus(n)" for an
// undeclared value.
func (s CommitmentStatus) String() string { return commitmentStatuses.String(s) }

// Text returns the name written for people, in lowercase words ("in progress"), or
// "CommitmentStatus(n)" for an undeclared value: the form for reports and audit text.
func (s CommitmentStatus) Text() string { return commitmentStatuses.Text(s) }

// MarshalText returns the wire name; an undeclared value is an error.
func (s CommitmentStatus) MarshalText() ([]byte, error) { return commitmentStatuses.Marshal(s) }

// UnmarshalText parses a name as [ParseCommitmentStatus] does, leaving s unchanged on error.
func (s *CommitmentStatus) UnmarshalText(b []byte) error { return commitmentStatuses.Unmarshal(s, b) }

var promiseElements = enum.New[PromiseElement]("PromiseElement", invalidName, "informed_before_opening", "decision_published", "progress_reported", "input_gathered", "input_answered", "answered_on_time", "feedback_published", "decision_cites_input", "dialogue_held", "input_reflected", "deliberation_held", "recommendations_incorporated", "public_choice_followed", "choice_implemented", "initiatives_answered")

// PromiseElements returns every declared PromiseElement, in declaration order.
func PromiseElements() []PromiseElement { return promiseElements.Values() }

// ParsePromiseElement returns the PromiseElement named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParsePromiseElement(s string) (PromiseElement, error) { return promiseElements.Parse(s) }

// IsValid reports whether e is a declared PromiseElement.
func (e PromiseElement) IsValid() bool { return promiseElements.Valid(e) }

// String returns the wire name, such as "informed_before_opening", or "PromiseElement(n)" for an
// undeclared value.
func (e PromiseElement) String() string { return promiseElements.String(e) }

// Text returns the name written for people, in lowercase words ("input answered"), or
// "PromiseElement(n)" for an undeclared value: the form for reports and audit text.
func (e PromiseElement) Text() string { return promiseElements.Text(e) }

// MarshalText returns the wire name; an undeclared value is an error.
func (e PromiseElement) MarshalText() ([]byte, error) { return promiseElements.Marshal(e) }

// UnmarshalText parses a name as [ParsePromiseElement] does, leaving e unchanged on error.
func (e *PromiseElement) UnmarshalText(b []byte) error { return promiseElements.Unmarshal(e, b) }

var promiseStatuses = enum.New[PromiseStatus]("PromiseStatus", invalidName, "kept", "broken", "pending")

// PromiseStatuses returns every declared PromiseStatus, in declaration order.
func PromiseStatuses() []PromiseStatus { return promiseStatuses.Values() }

// ParsePromiseStatus returns the PromiseStatus named s. Names match in any case, with '_', '-'
// or ' ' between words; any other text is an error that quotes it and lists
// the accepted names.
func ParsePromiseStatus(s string) (PromiseStatus, error) { return promiseStatuses.Parse(s) }

// IsValid reports whether s is a declared PromiseStatus.
func (s PromiseStatus) IsValid() bool { return promiseStatuses.Valid(s) }

// String returns the wire name, such as "kept", or "PromiseStatus(n)" for an
// undeclared value.
func (s PromiseStatus) String() string { return promiseStatuses.String(s) }

// Text returns the name written for people, in lowercase words ("kept"), or
// "PromiseStatus(n)" for an undeclared value: the form for reports and audit text.
func (s PromiseStatus) Text() string { return promiseStatuses.Text(s) }

// MarshalText returns the wire name; an undeclared value is an error.
func (s PromiseStatus) MarshalText() ([]byte, error) { return promiseStatuses.Marshal(s) }

// UnmarshalText parses a name as [ParsePromiseStatus] does, leaving s unchanged on error.
func (s *PromiseStatus) UnmarshalText(b []byte) error { return promiseStatuses.Unmarshal(s, b) }
