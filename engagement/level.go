package engagement

// Level is a level of the IAP2 Spectrum of Public Participation (IAP2
// International Federation, 2018): what a public body promises the public
// about its influence on a decision. The five levels are ordered by that
// influence, Inform < Consult < Involve < Collaborate < Empower, so levels
// compare with < and >.
//
// Each level has a goal (what the body sets out to do) and a promise (what it
// tells the public). IAP2 holds the copyright of the Spectrum's wording; the
// texts returned by [Level.Goal] and [Level.Promise] are this package's own
// paraphrase of it. Whether a process kept its promise is a question of its
// records, not of its label: a process that promised to consult and answered
// nobody did not consult.
//
// The zero value is invalid. Level's text form is its lowercase name.
type Level int

// The IAP2 levels, from least to most public influence.
const (
	// LevelInform: the public is told, not asked.
	LevelInform Level = iota + 1
	// LevelConsult: the public is asked for feedback and told what it changed.
	LevelConsult
	// LevelInvolve: the public works with the body throughout, and its concerns
	// shape the options.
	LevelInvolve
	// LevelCollaborate: the public is a partner in every part of the decision.
	LevelCollaborate
	// LevelEmpower: the public makes the final decision.
	LevelEmpower
)

var levelTexts = [...]struct{ goal, promise string }{
	LevelInform: {
		"To give the public balanced, factual information that helps them understand the issue, the options and the possible solutions.",
		"We will keep you up to date."},
	LevelConsult: {
		"To gather the public's feedback on the analysis, the options and the decision.",
		"We will keep you up to date, hear and acknowledge your concerns and ideas, and tell you how your input affected the decision."},
	LevelInvolve: {
		"To work with the public throughout the process so that their concerns and hopes are understood and taken into account at every step.",
		"We will work with you so that your concerns and hopes show directly in the options we develop, and tell you how your input affected the decision."},
	LevelCollaborate: {
		"To partner with the public in each part of the decision, including developing the options and choosing the preferred solution.",
		"We will look to you for advice and new ideas in shaping solutions, and build your advice and recommendations into the decision as far as we can."},
	LevelEmpower: {
		"To put the final decision in the hands of the public.",
		"We will carry out what you decide."},
}

// Goal returns the level's public participation goal, paraphrased from the
// IAP2 Spectrum (2018), or "" for an undeclared level.
func (l Level) Goal() string {
	if !l.IsValid() {
		return ""
	}
	return levelTexts[l].goal
}

// Promise returns the level's promise to the public, paraphrased from the
// IAP2 Spectrum (2018), or "" for an undeclared level.
func (l Level) Promise() string {
	if !l.IsValid() {
		return ""
	}
	return levelTexts[l].promise
}
