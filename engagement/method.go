package engagement

// Communication says which way communication flows in an engagement method.
// One-way outreach informs and raises awareness and is measured by reach and
// visibility; two-way engagement brings the public's input back to the body
// and is measured by engagement and feedback quality. Outreach is the weakest
// form of engagement: it tells, it does not listen.
//
// The zero value is invalid. Communication's text form is its lowercase name.
type Communication int

// The directions.
const (
	// CommunicationOneWay: from the body to the public only.
	CommunicationOneWay Communication = iota + 1
	// CommunicationTwoWay: the public's input comes back to the body.
	CommunicationTwoWay
)

// Method is a way a public body engages the public: the tool of an
// [Activity]. Each method has a [Communication], the lowest IAP2 [Level] it
// serves, and whether people attend it (and so register and show up).
//
// The lowest level is where the method starts to be enough: a method serves
// its level and every level above it (a consult-level process may use a fact
// sheet; a fact sheet alone never consults). The mapping follows the example
// techniques that the IAP2 Spectrum lists under each level (fact sheets, web
// sites, open houses under inform; public comment, focus groups, surveys,
// public meetings under consult; workshops, deliberative polling under
// involve; citizen advisory committees under collaborate; ballots and
// delegated decisions under empower), and OECD (2020), Innovative Citizen
// Participation and New Democratic Institutions: Catching the Deliberative
// Wave, for the deliberative methods: citizens' panels and assemblies give
// informed recommendations the body commits to answer (collaborate; an
// assembly is empower only where its decision binds, which is the process's
// level to say, not the method's). Methods neither source names are placed
// beside their nearest listed technique: press releases, newsletters and
// social media beside fact sheets; town halls, hearings and public forums
// beside public meetings; online consultations beside public comment.
//
// The zero value is invalid. Method's text form is its lowercase name.
type Method int

// The methods: one-way outreach first, then two-way methods from the least to
// the most public influence.
const (
	// MethodFactSheet: a printed or downloadable summary. One-way, inform.
	MethodFactSheet Method = iota + 1
	// MethodWebsite: a project page. One-way, inform.
	MethodWebsite
	// MethodNewsletter: a mailed or e-mailed bulletin. One-way, inform.
	MethodNewsletter
	// MethodPressRelease: a statement to the media. One-way, inform.
	MethodPressRelease
	// MethodSocialMedia: posts on the body's social media accounts. One-way,
	// inform: replies to posts are not input the body commits to answer.
	MethodSocialMedia
	// MethodOpenHouse: a drop-in exhibition with staff to talk to. Two-way,
	// inform, attended.
	MethodOpenHouse
	// MethodPublicMeeting: a meeting open to all with questions from the floor.
	// Two-way, consult, attended.
	MethodPublicMeeting
	// MethodTownHall: a meeting with elected representatives. Two-way, consult,
	// attended.
	MethodTownHall
	// MethodPublicHearing: a formal hearing where the public testifies on the
	// record. Two-way, consult, attended.
	MethodPublicHearing
	// MethodSurvey: a questionnaire. Two-way, consult.
	MethodSurvey
	// MethodFocusGroup: a moderated discussion with a small group. Two-way,
	// consult, attended.
	MethodFocusGroup
	// MethodWorkshop: participants work on options with staff. Two-way, involve,
	// attended.
	MethodWorkshop
	// MethodPublicForum: an open discussion among residents and officials.
	// Two-way, consult, attended.
	MethodPublicForum
	// MethodOnlineConsultation: comments and ideas on a consultation platform.
	// Two-way, consult.
	MethodOnlineConsultation
	// MethodCitizensPanel: a small randomly selected panel that deliberates and
	// recommends. Two-way, collaborate, attended.
	MethodCitizensPanel
	// MethodCitizensAssembly: a large randomly selected body that deliberates over
	// several sessions and recommends. Two-way, collaborate, attended.
	MethodCitizensAssembly
	// MethodDeliberativePoll: a poll before and after informed deliberation
	// (Fishkin 1991). Two-way, involve, attended.
	MethodDeliberativePoll
	// MethodAdvisoryCommittee: standing residents' committee advising the body.
	// Two-way, collaborate, attended.
	MethodAdvisoryCommittee
	// MethodBudgetVote: residents vote on how to spend part of a budget, and the
	// body carries out the result. Two-way, empower.
	MethodBudgetVote
)

var methods = [...]struct {
	name      string
	direction Communication
	level     Level
	attended  bool
}{
	MethodFactSheet:          {"fact_sheet", CommunicationOneWay, LevelInform, false},
	MethodWebsite:            {"website", CommunicationOneWay, LevelInform, false},
	MethodNewsletter:         {"newsletter", CommunicationOneWay, LevelInform, false},
	MethodPressRelease:       {"press_release", CommunicationOneWay, LevelInform, false},
	MethodSocialMedia:        {"social_media", CommunicationOneWay, LevelInform, false},
	MethodOpenHouse:          {"open_house", CommunicationTwoWay, LevelInform, true},
	MethodPublicMeeting:      {"public_meeting", CommunicationTwoWay, LevelConsult, true},
	MethodTownHall:           {"town_hall", CommunicationTwoWay, LevelConsult, true},
	MethodPublicHearing:      {"public_hearing", CommunicationTwoWay, LevelConsult, true},
	MethodSurvey:             {"survey", CommunicationTwoWay, LevelConsult, false},
	MethodFocusGroup:         {"focus_group", CommunicationTwoWay, LevelConsult, true},
	MethodWorkshop:           {"workshop", CommunicationTwoWay, LevelInvolve, true},
	MethodPublicForum:        {"public_forum", CommunicationTwoWay, LevelConsult, true},
	MethodOnlineConsultation: {"online_consultation", CommunicationTwoWay, LevelConsult, false},
	MethodCitizensPanel:      {"citizens_panel", CommunicationTwoWay, LevelCollaborate, true},
	MethodCitizensAssembly:   {"citizens_assembly", CommunicationTwoWay, LevelCollaborate, true},
	MethodDeliberativePoll:   {"deliberative_poll", CommunicationTwoWay, LevelInvolve, true},
	MethodAdvisoryCommittee:  {"advisory_committee", CommunicationTwoWay, LevelCollaborate, true},
	MethodBudgetVote:         {"budget_vote", CommunicationTwoWay, LevelEmpower, false},
}

// methodWireNames returns the wire names of the methods table in order, so
// that the enum table and the methods table cannot disagree.
func methodWireNames() []string {
	names := make([]string, 0, len(methods)-1)
	for _, m := range methods[1:] {
		names = append(names, m.name)
	}
	return names
}

// Direction returns whether the method is one-way outreach or two-way
// engagement, or 0 for an undeclared method.
func (m Method) Direction() Communication {
	if !m.IsValid() {
		return 0
	}
	return methods[m].direction
}

// MinLevel returns the lowest IAP2 level the method serves (see [Method] for
// the mapping and its sources), or 0 for an undeclared method.
func (m Method) MinLevel() Level {
	if !m.IsValid() {
		return 0
	}
	return methods[m].level
}

// Serves reports whether the method is enough for a process at level l:
// whether l is at or above the method's lowest level.
func (m Method) Serves(l Level) bool { return m.IsValid() && l.IsValid() && l >= m.MinLevel() }

// Attended reports whether people attend the method at a time and place (in
// person or online), so that it has registrations and attendance. Surveys,
// online consultations and budget votes gather contributions instead; one-way
// materials have readers, counted as reach.
func (m Method) Attended() bool { return m.IsValid() && methods[m].attended }
