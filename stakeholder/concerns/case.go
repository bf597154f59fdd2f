package concerns

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// CaseKind says what was raised. The zero value is invalid.
type CaseKind int

// The kinds of case.
const (
	// CaseKindConcern is a worry, question or warning about something the
	// organisation does or plans, raised before or without a claim of harm:
	// "will the works block the school path?".
	CaseKindConcern CaseKind = iota + 1
	// CaseKindComplaint is an expression of dissatisfaction about the
	// organisation's activities, where a response or resolution is
	// expected (the definition of ISO 10002): "the site's dust covers our
	// cars every day".
	CaseKindComplaint
)

// IntakeChannel is how a case reached the register. A grievance mechanism
// owes several routes, so that nobody is kept out by cost, literacy or
// distance (IFC Performance Standard 1, ISO 10002 "accessibility"); this
// list is the routes' own, not the channels of an interaction log
// (stakeholder.Channel). The zero value is invalid.
type IntakeChannel int

// The intake channels.
const (
	// IntakeChannelPhone is a call to the hotline or an officer.
	IntakeChannelPhone IntakeChannel = iota + 1
	// IntakeChannelEmail is an email.
	IntakeChannelEmail
	// IntakeChannelLetter is a letter on paper.
	IntakeChannelLetter
	// IntakeChannelWebForm is the organisation's online form.
	IntakeChannelWebForm
	// IntakeChannelInPerson is a visit to an office, site cabin or
	// information point.
	IntakeChannelInPerson
	// IntakeChannelGrievanceBox is a form left in a grievance or
	// suggestion box, often anonymous.
	IntakeChannelGrievanceBox
	// IntakeChannelCommunityMeeting is a concern raised at a public or
	// community meeting.
	IntakeChannelCommunityMeeting
	// IntakeChannelSocialMedia is a post or message on a social platform.
	IntakeChannelSocialMedia
	// IntakeChannelThirdParty is a case brought on the complainant's behalf
	// by a councillor, an NGO, a residents' association or an ombudsman.
	IntakeChannelThirdParty
)

// Severity is how much harm or risk a case describes, which decides how
// fast and how high it is handled ("scaled to the risks and impacts", IFC
// Performance Standard 1). The zero value is invalid.
type Severity int

// The severities.
const (
	// SeverityLow is an inconvenience: litter, a missing sign.
	SeverityLow Severity = iota + 1
	// SeverityMedium is a nuisance that recurs or lasts: noise out of
	// hours, dust, a blocked path.
	SeverityMedium
	// SeverityHigh is harm to property, livelihood or access: a cracked
	// wall, a shop cut off from its customers.
	SeverityHigh
	// SeverityCritical is a risk to health or safety, or an allegation of
	// retaliation: handled at once and at the top.
	SeverityCritical
)

// Disclosure is how far a complainant made themselves known. The zero value
// is invalid.
type Disclosure int

// The disclosures.
const (
	// DisclosureNamed is a complainant who gave their identity: the case
	// holds their stakeholder or person ID, whose record is kept elsewhere.
	DisclosureNamed Disclosure = iota + 1
	// DisclosurePseudonymous is a complainant known only by an ID that
	// links to no identity (a reference number they were given), so that
	// their cases can be followed and counted together.
	DisclosurePseudonymous
	// DisclosureAnonymous is a complainant who left no ID: the case cannot
	// be answered to them directly, nor counted with their other cases.
	DisclosureAnonymous
)

// Complainant is who raised a case. The register keeps only an ID, never a
// name or contact details: those stay in the organisation's own records
// (civitas keeps personal data pseudonymous).
//
// A confidential complainant's ID appears in no output of this package:
// not in [Case.String], not in a report, not in [Figures] or their JSON;
// only in the register's own JSON, which is the organisation's record and
// must be stored under its access rules. Repeat complainants are counted,
// never listed.
//
// The zero value is invalid.
type Complainant struct {
	// Disclosure is how far the complainant made themselves known.
	Disclosure Disclosure `json:"disclosure"`
	// ID is the stakeholder or person ID of a named or pseudonymous
	// complainant; uuid.Nil for an anonymous one.
	ID uuid.UUID `json:"id,omitzero"`
	// Confidential asks that the complainant never be revealed outside the
	// people handling the case (ISO 10002 "confidentiality"). An anonymous
	// complainant is never revealed anyway.
	Confidential bool `json:"confidential,omitempty"`
}

// Identified reports whether the complainant can be followed across cases:
// named or pseudonymous, with an ID.
func (c Complainant) Identified() bool {
	return c.Disclosure != DisclosureAnonymous && c.ID != uuid.Nil
}

// Validate returns nil for a valid complainant, and otherwise a
// [*FieldError] wrapping [ErrInvalid]: an undeclared disclosure, a named or
// pseudonymous complainant without an ID, or an anonymous one with one. The
// ID is never quoted.
func (c Complainant) Validate() error {
	switch {
	case !c.Disclosure.IsValid():
		return &FieldError{Field: "complainant.disclosure", Value: c.Disclosure.String(), Err: ErrInvalid}
	case c.Disclosure == DisclosureAnonymous && c.ID != uuid.Nil:
		return &FieldError{Field: "complainant.id", Value: "(set for an anonymous complainant)", Err: ErrInvalid}
	case c.Disclosure != DisclosureAnonymous && c.ID == uuid.Nil:
		return &FieldError{Field: "complainant.id", Value: "(not set for a " + c.Disclosure.String() + " complainant)", Err: ErrInvalid}
	}
	return nil
}

// revealed reports whether the complainant may be named in output: named
// and not confidential.
func (c Complainant) revealed() bool {
	return c.Disclosure == DisclosureNamed && !c.Confidential
}

// LinkKind is what a link from a case or issue points to. Links are by ID,
// since this package sits below the engagement package that holds processes
// and commitments. The zero value is invalid.
type LinkKind int

// The kinds of link.
const (
	// LinkKindInteraction is an interaction logged on a stakeholder map
	// (stakeholder.Interaction): the call or visit the case came from, or a
	// reply.
	LinkKindInteraction LinkKind = iota + 1
	// LinkKindProcess is an engagement process (engagement.Process) the case
	// or issue was raised with.
	LinkKindProcess
	// LinkKindCommitment is a commitment (engagement.Commitment) that
	// answers the case or issue.
	LinkKindCommitment
)

// Link points from a case to an interaction, engagement process or
// commitment by ID. The zero value is no link.
type Link struct {
	// Kind is what the ID names.
	Kind LinkKind `json:"kind"`
	// ID is the linked record's ID. Not uuid.Nil.
	ID uuid.UUID `json:"id"`
}

// Validate returns a [*FieldError] wrapping [ErrInvalid] for an undeclared
// kind or a Nil ID.
func (l Link) Validate() error {
	if !l.Kind.IsValid() {
		return &FieldError{Field: "link.kind", Value: l.Kind.String(), Err: ErrInvalid}
	}
	return checkID("link.id", l.ID)
}

// CaseDetails is what is recorded when a case is received: what was raised,
// how, by whom, about whom and where. It is given to [Register.Receive] and
// fixed from then on (later facts go into the history).
type CaseDetails struct {
	// ID identifies the case. Not uuid.Nil; unique in the register.
	ID uuid.UUID `json:"id"`
	// Kind is a concern or a complaint.
	Kind CaseKind `json:"kind"`
	// Channel is how the case reached the register.
	Channel IntakeChannel `json:"channel"`
	// Category is the organisation's category code, such as "noise" or
	// "access": a code (see [Register.Receive] for its form), compared
	// exactly.
	Category string `json:"category"`
	// Topics are finer codes, such as "night_work" or "school_path"; none
	// twice. Recurring topics are what issues group.
	Topics []string `json:"topics,omitempty"`
	// Severity is how much harm or risk the case describes.
	Severity Severity `json:"severity"`
	// Area is the code of the area concerned, "" for none in particular.
	Area string `json:"area,omitempty"`
	// Stakeholders are the stakeholders the case concerns (a residents'
	// association, a shop, a school), by ID; none Nil, none twice.
	Stakeholders []uuid.UUID `json:"stakeholders,omitempty"`
	// Complainant is who raised it.
	Complainant Complainant `json:"complainant"`
	// Summary says what was raised, in the organisation's words; may be
	// empty. It is never printed for a confidential or anonymous case,
	// since it may identify the complainant.
	Summary string `json:"summary,omitempty"`
	// Links point to the interactions, processes and commitments the case
	// relates to; none twice. More can be added with [Register.Link].
	Links []Link `json:"links,omitempty"`
}

// Validate reports every problem with the details, joined: each is a
// [*FieldError] wrapping [ErrInvalid] (a Nil ID, an undeclared kind,
// channel or severity, a bad code or text, a bad complainant or link) or
// [ErrDuplicate] (a topic, stakeholder or link given twice).
func (d CaseDetails) Validate() error {
	errs := []error{checkID("id", d.ID)}
	if !d.Kind.IsValid() {
		errs = append(errs, &FieldError{Field: "kind", Value: d.Kind.String(), Err: ErrInvalid})
	}
	if !d.Channel.IsValid() {
		errs = append(errs, &FieldError{Field: "channel", Value: d.Channel.String(), Err: ErrInvalid})
	}
	if !d.Severity.IsValid() {
		errs = append(errs, &FieldError{Field: "severity", Value: d.Severity.String(), Err: ErrInvalid})
	}
	errs = append(errs, checkCode("category", d.Category))
	for i, t := range d.Topics {
		errs = append(errs, checkCode(fmt.Sprintf("topics[%d]", i), t))
	}
	errs = append(errs, noRepeats("topics", d.Topics, func(s string) string { return quote(s) }))
	if d.Area != "" {
		errs = append(errs, checkCode("area", d.Area))
	}
	for i, s := range d.Stakeholders {
		errs = append(errs, checkID(fmt.Sprintf("stakeholders[%d]", i), s))
	}
	errs = append(errs, noRepeats("stakeholders", d.Stakeholders, uuid.UUID.String))
	errs = append(errs, d.Complainant.Validate(), checkOptionalText("summary", d.Summary))
	for i, l := range d.Links {
		if err := l.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("links[%d]: %w", i, err))
		}
	}
	errs = append(errs, noRepeats("links", d.Links, func(l Link) string { return l.Kind.String() + " " + l.ID.String() }))
	return errors.Join(errs...)
}

// clone returns a deep copy of d, so that the caller's slices are never
// shared with the register.
func (d CaseDetails) clone() CaseDetails {
	d.Topics = slices.Clone(d.Topics)
	d.Stakeholders = slices.Clone(d.Stakeholders)
	d.Links = slices.Clone(d.Links)
	return d
}

// Case is one concern or complaint in a [Register]: its details and its
// history. A Case is read through its methods; every change goes through
// the register, which keeps the journal. The methods are safe to call
// from many goroutines while nothing changes the register.
//
// # Lifecycle
//
// A case moves through these states, one [Register] method per event. Each
// method checks every precondition before it changes anything and, when it
// refuses, returns an error and leaves the register as it was. An event the
// state does not allow is a [*TransitionError] wrapping
// [ErrInvalidTransition]. The table gives the state each allowed event
// leads to ("·" is refused, "=" keeps the state):
//
//	state \ event         Acknowledge   Assess        RequestInformation  ProvideInformation  Extend  Investigate    ProposeResolution    Accept    Escalate   Close   Withdraw  Reopen        Link
//	received              acknowledged  ·             ·                   ·                   ·       ·              ·                    ·         ·          ·       closed    ·             =
//	acknowledged          ·             assessed (1)  awaiting info       ·                   =       ·              ·                    ·         ·          ·       closed    ·             =
//	assessed              ·             ·             ·                   ·                   =       investigating  resolution proposed  ·         ·          ·       closed    ·             =
//	awaiting information  ·             ·             ·                   (2)                 ·       ·              ·                    ·         ·          closed  closed    ·             =
//	investigating         ·             ·             awaiting info       ·                   =       ·              resolution proposed  ·         ·          ·       closed    ·             =
//	resolution proposed   ·             ·             ·                   ·                   ·       ·              ·                    accepted  escalated  closed  closed    ·             =
//	accepted              ·             ·             ·                   ·                   ·       ·              ·                    ·         ·          closed  ·         ·             =
//	escalated             ·             ·             ·                   ·                   ·       ·              resolution proposed  ·         ·          closed  closed    ·             =
//	closed                ·             ·             ·                   ·                   ·       ·              ·                    ·         ·          ·       ·         acknowledged  =
//
// (1) in scope; out of scope, with its reason and referral, closes the case
// as [OutcomeReferred]. (2) back to the state the request was made in
// (acknowledged or investigating).
//
// The outcome of a closed case follows from how it closed: [Register.Close]
// from accepted is [OutcomeResolved], from any other state
// [OutcomeUnresolved] (and needs a reason); [Register.Withdraw] is
// [OutcomeWithdrawn]; an out-of-scope assessment is [OutcomeReferred].
// [Register.Escalate] moves the case to the next level of review and is
// refused at the last one ([ErrNoFurtherLevel]); at the new level a new
// resolution is proposed. [Register.Reopen] needs a reason and is refused
// while the case's issue is closed ([ErrWrongState]).
//
// # Deadlines
//
// The register's published [Rules] set two deadlines, counted in days of
// 24 hours from the time the case was received: acknowledge within
// [Rules.AcknowledgeWithinDays], and propose a resolution within
// [Rules.ProposeWithinDays] plus any extension ([Register.Extend], up to
// [Rules.MaxExtensionDays] in all, each before the deadline passes). When
// [Rules.PauseStopsClock] is set, the time the case waits for information
// from the complainant ([Register.RequestInformation] to
// [Register.ProvideInformation]) is added to the resolution deadline, if
// the request was made before that deadline passed. See [Case.AcknowledgeDue]
// and [Case.ProposeDue].
//
// Every event is dated no earlier than the case's latest one
// ([ErrTimeOrder]) and attributed to the member of staff who recorded it;
// events the complainant takes (accepting, appealing, withdrawing,
// providing information) are theirs, recorded by that member of staff.
type Case struct {
	reg      *Register
	details  CaseDetails
	received int64 // Unix ns
	state    State
	outcome  Outcome
	level    int
	resume   State // the state to return to when information is provided
	extended int   // days of extension granted
	issue    *Issue
	history  []HistoryEntry
	marks    []mark // the history in brief, for the figures' hot loop
}

// mark is a history entry in brief: what the figures and deadlines need,
// 16 bytes instead of a whole entry, so that figures over a large register
// scan little memory and convert no time.
type mark struct {
	at       int64 // Unix ns
	days     int32 // an extension's length
	event    uint8 // an Event
	scopeOut bool
}

// closes reports whether the entry closed the case.
func (m mark) closes() bool {
	return Event(m.event) == EventClosed || Event(m.event) == EventWithdrawn || (Event(m.event) == EventAssessed && m.scopeOut)
}

// ID returns the case's ID.
func (c *Case) ID() uuid.UUID { return c.details.ID }

// Details returns a copy of what was recorded when the case was received,
// links added since included.
func (c *Case) Details() CaseDetails { return c.details.clone() }

// State returns the case's current state.
func (c *Case) State() State { return c.state }

// Outcome returns how a closed case closed, or 0 while it is open.
func (c *Case) Outcome() Outcome {
	if c.state != StateClosed {
		return 0
	}
	return c.outcome
}

// Level returns the level of review the case is at: 1 at first, one more
// for each escalation.
func (c *Case) Level() int { return c.level }

// Received returns when the case was received, in UTC.
func (c *Case) Received() time.Time { return time.Unix(0, c.received).UTC() }

// Issue returns the ID of the issue the case belongs to, or uuid.Nil.
func (c *Case) Issue() uuid.UUID {
	if c.issue == nil {
		return uuid.Nil
	}
	return c.issue.id
}

// History returns a copy of the case's history, oldest first.
func (c *Case) History() []HistoryEntry {
	out := make([]HistoryEntry, len(c.history))
	for i, e := range c.history {
		out[i] = e.clone()
	}
	return out
}

// AcknowledgeDue returns when the acknowledgement is due: the time the case
// was received plus [Rules.AcknowledgeWithinDays].
func (c *Case) AcknowledgeDue() time.Time {
	return time.Unix(0, c.received+days(c.reg.rules.AcknowledgeWithinDays)).UTC()
}

// ProposeDue returns when a resolution is due as the history stands up to
// now: the time received plus [Rules.ProposeWithinDays], the extensions
// granted and, under [Rules.PauseStopsClock], the time spent waiting for
// information (up to now, for a request still open) that began before the
// deadline.
func (c *Case) ProposeDue(now time.Time) time.Time {
	return time.Unix(0, c.proposeDue(now.UnixNano())).UTC()
}

// String returns one line for people, such as
//
//	complaint c1000000-0000-0000-0000-000000000002, noise (night work), medium severity, area riverside,
//	received 3 Mar 2025 by phone from a confidential complainant: closed resolved
//
// (on one line).
//
// The complainant is named by ID only when named and not confidential; a
// confidential or anonymous case says so and shows neither the ID nor the
// summary.
func (c *Case) String() string {
	d := c.details
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s, %s", caseKinds.Text(d.Kind), d.ID, codeText(d.Category))
	if len(d.Topics) > 0 {
		topics := make([]string, len(d.Topics))
		for i, t := range d.Topics {
			topics[i] = codeText(t)
		}
		fmt.Fprintf(&b, " (%s)", strings.Join(topics, ", "))
	}
	fmt.Fprintf(&b, ", %s severity", severities.Text(d.Severity))
	if d.Area != "" {
		fmt.Fprintf(&b, ", area %s", d.Area)
	}
	fmt.Fprintf(&b, ", received %s by %s", c.Received().Format("2 Jan 2006"), intakeChannels.Text(d.Channel))
	switch {
	case d.Complainant.revealed():
		fmt.Fprintf(&b, " from %s", d.Complainant.ID)
	case d.Complainant.Disclosure == DisclosureAnonymous:
		b.WriteString(" from an anonymous complainant")
	case d.Complainant.Confidential:
		b.WriteString(" from a confidential complainant")
	default:
		b.WriteString(" from a pseudonymous complainant")
	}
	b.WriteString(": " + states.Text(c.state))
	if c.state == StateClosed {
		b.WriteString(" " + outcomes.Text(c.outcome))
	}
	if c.level > 1 {
		fmt.Fprintf(&b, " at level %d", c.level)
	}
	return b.String()
}

// codeText writes a code for people: underscores as spaces.
func codeText(code string) string { return strings.ReplaceAll(code, "_", " ") }

// days returns n days of 24 hours in nanoseconds.
func days(n int) int64 { return int64(n) * int64(24*time.Hour) }

// checkID returns a *FieldError wrapping ErrInvalid for uuid.Nil.
func checkID(field string, id uuid.UUID) error {
	if id == uuid.Nil {
		return &FieldError{Field: field, Value: "(Nil)", Err: ErrInvalid}
	}
	return nil
}

// maxCode is the longest code, in bytes.
const maxCode = 64

// checkCode checks a code (category, topic, area): 1 to 64 bytes of
// lowercase letters, digits, '_' and '-', so that codes compare exactly and
// print cleanly in every output.
func checkCode(field, s string) error {
	if s == "" || len(s) > maxCode || strings.IndexFunc(s, func(r rune) bool {
		return !(unicode.IsLower(r) || unicode.IsDigit(r) || r == '_' || r == '-')
	}) >= 0 {
		return fieldErr(field, s, ErrInvalid)
	}
	return nil
}

// maxText is the longest free text, in bytes.
const maxText = 4000

// checkText checks a required free text: not empty, no surrounding space,
// valid UTF-8, at most 4,000 bytes, printable (line breaks allowed).
func checkText(field, s string) error {
	if s == "" {
		return &FieldError{Field: field, Value: `""`, Err: ErrInvalid}
	}
	return checkOptionalText(field, s)
}

// checkOptionalText checks a free text that may be empty, as checkText
// does otherwise.
func checkOptionalText(field, s string) error {
	if s == "" {
		return nil
	}
	if len(s) > maxText || !utf8.ValidString(s) || strings.TrimSpace(s) != s ||
		strings.IndexFunc(s, func(r rune) bool { return !unicode.IsGraphic(r) && r != '\n' }) >= 0 {
		return fieldErr(field, s, ErrInvalid)
	}
	return nil
}

// checkTime checks that t is set and representable in Unix nanoseconds
// (years 1678 to 2262).
func checkTime(field string, t time.Time) error {
	if t.IsZero() || t.Year() < 1678 || t.Year() > 2261 {
		return fieldErr(field, t.Format(time.RFC3339Nano), ErrInvalid)
	}
	return nil
}

// noRepeats returns a *FieldError wrapping ErrDuplicate for the first value
// of xs given twice.
func noRepeats[T comparable](field string, xs []T, text func(T) string) error {
	for i, x := range xs {
		if slices.Index(xs[:i], x) >= 0 {
			return &FieldError{Field: field, Value: text(x), Err: ErrDuplicate}
		}
	}
	return nil
}
