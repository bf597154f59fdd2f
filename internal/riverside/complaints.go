package riverside

import (
	_ "embed"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/metrics"
	"github.com/civitas-go/civitas/stakeholder/concerns"
)

// complaintsLog is the community relations officer's log of the quarter of
// the park works, as the spreadsheet exports it (with a byte-order mark
// and its own column titles).
//
//go:embed complaints.csv
var complaintsLog string

// ComplaintsQuarter is a quarter of concerns and complaints around the
// Riverside park works, a fictional construction site: the register built
// from the officer's log, the cases it left open carried through their next
// steps (an appeal to the manager and the independent panel, a question to
// a complainant, an extension), and the recurring cases grouped into issues
// raised with the park consultation and answered by its commitment.
type ComplaintsQuarter struct {
	// Register is the community relations register.
	Register *concerns.Register
	// Log is what became of each row of the officer's spreadsheet.
	Log concerns.ImportResult
	// Quarter is April to June 2025; AsOf, 7 July, is when the figures are read.
	Quarter metrics.Period
	AsOf    time.Time
}

// Complaints builds the quarter. Every ID and time is fixed.
func Complaints() (*ComplaintsQuarter, error) {
	reg, err := concerns.NewRegister(concerns.DefaultRules())
	if err != nil {
		return nil, err
	}
	q := &ComplaintsQuarter{Register: reg, Quarter: complaintsQuarter, AsOf: complaintsAsOf}
	if q.Log, err = importLog(reg); err != nil {
		return nil, err
	}
	if err := followUp(reg); err != nil {
		return nil, err
	}
	if err := issues(reg); err != nil {
		return nil, err
	}
	return q, nil
}

// StaffName returns the role of a member of staff who signs the register's
// steps ("officer", "manager", "independent panel"), or "" for another ID.
func StaffName(id uuid.UUID) string { return staff[id] }

// ComplaintCase returns the ID of the n-th case of the log.
func ComplaintCase(n int) uuid.UUID { return caseID(n) }

// NightWorkIssue is the ID of the issue "Night-time noise from the park
// works", raised with the park consultation and answered by its commitment.
var NightWorkIssue = issueID(1)

// Fixed IDs: cases 0…01nn, staff 0…09nn, issues 0…04nn, actions 0…05nn,
// the engagement process and its commitment 0…06nn.
func caseID(n int) uuid.UUID  { return fixedComplaintID(100 + n) }
func issueID(n int) uuid.UUID { return fixedComplaintID(400 + n) }

func fixedComplaintID(n int) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("00000000-0000-4000-8000-%012d", n))
}

var (
	crOfficer = fixedComplaintID(901) // community relations officer
	crManager = fixedComplaintID(902) // community relations manager
	crPanel   = fixedComplaintID(903) // independent review panel

	parkProcess      = fixedComplaintID(601) // the park redesign consultation (engagement.Process)
	barrierPromise   = fixedComplaintID(602) // its commitment to an acoustic barrier (engagement.Commitment)
	parkConsultation = concerns.Link{Kind: concerns.LinkKindProcess, ID: parkProcess}

	staff = map[uuid.UUID]string{crOfficer: "officer", crManager: "manager", crPanel: "independent panel"}

	nightWork = NightWorkIssue
	schoolWay = issueID(2)
	elmDust   = issueID(3)
)

// at reads a time of the quarter, "2025-04-02 09:10", in UTC.
func complaintTime(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

// quarter is the second quarter of 2025; the figures are as of 7 July.
var (
	complaintsQuarter = metrics.Period{Start: complaintTime("2025-04-01 00:00"), End: complaintTime("2025-07-01 00:00")}
	complaintsAsOf    = complaintTime("2025-07-07 09:00")
)

// importLog reads the officer's spreadsheet; the row refused for a
// missing reason is then completed by hand, as the officer would.
func importLog(reg *concerns.Register) (concerns.ImportResult, error) {
	res, err := reg.ImportCSV(strings.NewReader(complaintsLog))
	if err != nil {
		return res, err
	}
	// One row stopped at its closure, which needs a reason when the
	// complainant did not accept: the case is kept as far as it went, and
	// the officer adds the reason.
	err = reg.Close(caseID(24), "The complainant wants compensation for cleaning, outside the works' remit", crOfficer, complaintTime("2025-06-23 12:00"))
	return res, err
}

// followUp carries the cases the log leaves open through their next steps.
func followUp(reg *concerns.Register) error {
	steps := []func() error{
		// Case 2 appealed the shorter hours: the manager offers a barrier.
		func() error {
			return reg.ProposeResolution(caseID(2), "Acoustic barrier on the east side by 15 May", crManager, complaintTime("2025-04-20 10:00"))
		},
		func() error { return reg.Accept(caseID(2), crManager, complaintTime("2025-04-22 09:00")) },
		func() error {
			return reg.Close(caseID(2), "Barrier built on 15 May", crManager, complaintTime("2025-05-20 12:00"))
		},
		// Case 8: the officer asks which nights; the clock stops for 7 days.
		func() error {
			return reg.RequestInformation(caseID(8), "Which nights, and at what times?", crOfficer, complaintTime("2025-05-07 10:00"))
		},
		func() error {
			return reg.ProvideInformation(caseID(8), "A noise log for three nights", crOfficer, complaintTime("2025-05-14 10:00"))
		},
		func() error {
			return reg.ProposeResolution(caseID(8), "Pumps switched off at 19:00 with the machinery", crOfficer, complaintTime("2025-05-22 15:00"))
		},
		func() error { return reg.Accept(caseID(8), crOfficer, complaintTime("2025-05-23 09:00")) },
		func() error {
			return reg.Close(caseID(8), "Pumps off at night", crOfficer, complaintTime("2025-06-10 12:00"))
		},
		// Case 20 climbs every level and ends unresolved.
		func() error {
			return reg.Link(caseID(20), parkConsultation, crOfficer, complaintTime("2025-05-12 10:00"))
		},
		func() error {
			return reg.ProposeResolution(caseID(20), "Independent arborist survey; trees kept unless unsafe", crManager, complaintTime("2025-05-26 10:00"))
		},
		func() error {
			return reg.Escalate(caseID(20), "Wants the independent crPanel", crManager, complaintTime("2025-06-02 09:00"))
		},
		func() error {
			return reg.ProposeResolution(caseID(20), "Four trees kept; two unsafe trees felled and replaced by six", crPanel, complaintTime("2025-06-16 10:00"))
		},
		func() error {
			return reg.Close(caseID(20), "The complainant did not accept the crPanel's decision; the crPanel is the last level", crPanel, complaintTime("2025-06-30 12:00"))
		},
		// Case 15: the air quality results come late; the deadline is extended.
		func() error {
			return reg.Extend(caseID(15), 10, "Air quality monitor results due on 30 June", crOfficer, complaintTime("2025-06-20 10:00"))
		},
	}
	return each(steps)
}

// issues groups the recurring cases and records what was done about them.
func issues(reg *concerns.Register) error {
	action := func(n int, text, due string) concerns.Action {
		a := concerns.Action{ID: fixedComplaintID(500 + n), Text: text}
		if due != "" {
			a.Due = complaintTime(due)
		}
		return a
	}
	add := func(issue uuid.UUID, when string, cases ...int) func() error {
		return func() error {
			for _, c := range cases {
				if err := reg.AddToIssue(issue, caseID(c), crManager, complaintTime(when)); err != nil {
					return err
				}
			}
			return nil
		}
	}
	steps := []func() error{
		// The school path: closed, reopened when the warden missed two mornings, closed again.
		func() error {
			return reg.OpenIssue(concerns.IssueDetails{ID: schoolWay, Title: "School path closed by the works", Topic: "path_closure", Area: "riverside"},
				crManager, complaintTime("2025-04-09 10:00"))
		},
		add(schoolWay, "2025-04-09 10:00", 9, 10, 11),
		func() error {
			return reg.AddAction(schoolWay, action(1, "Temporary path via Elm Street", "2025-04-10 07:00"), crManager, complaintTime("2025-04-09 10:00"))
		},
		func() error {
			return reg.CompleteAction(schoolWay, fixedComplaintID(501), crManager, complaintTime("2025-04-10 07:00"))
		},
		// Night work: raised with the park consultation, answered by its commitment.
		func() error {
			return reg.OpenIssue(concerns.IssueDetails{ID: nightWork, Title: "Night-time noise from the park works", Topic: "night_work", Area: "riverside"},
				crManager, complaintTime("2025-04-12 09:00"))
		},
		add(nightWork, "2025-04-12 09:00", 1, 2, 3, 4, 5),
		func() error {
			return reg.AddAction(nightWork, action(2, "Machinery stops at 19:00", "2025-04-14 07:00"), crManager, complaintTime("2025-04-12 09:00"))
		},
		func() error {
			return reg.RaiseWithProcess(nightWork, parkProcess, crManager, complaintTime("2025-04-14 09:00"))
		},
		func() error {
			return reg.CompleteAction(nightWork, fixedComplaintID(502), crManager, complaintTime("2025-04-14 09:00"))
		},
		add(schoolWay, "2025-04-15 10:00", 12),
		add(nightWork, "2025-04-16 09:00", 6),
		func() error {
			return reg.AddAction(schoolWay, action(3, "Crossing warden at school times", "2025-04-22 08:00"), crManager, complaintTime("2025-04-17 15:00"))
		},
		func() error {
			return reg.AddAction(nightWork, action(4, "Acoustic barrier on the east side", "2025-05-15 17:00"), crManager, complaintTime("2025-04-20 10:00"))
		},
		func() error {
			return reg.CompleteAction(schoolWay, fixedComplaintID(503), crManager, complaintTime("2025-04-22 08:00"))
		},
		add(nightWork, "2025-04-23 09:00", 7),
		func() error {
			return reg.AnswerWithCommitment(nightWork, barrierPromise, crManager, complaintTime("2025-05-01 12:00"))
		},
		func() error {
			return reg.CloseIssue(schoolWay, "Temporary path lit and signed; a warden at school times", crManager, complaintTime("2025-05-02 15:00"))
		},
		add(nightWork, "2025-05-06 09:00", 8),
		func() error {
			return reg.ReopenIssue(schoolWay, "The warden was missing on two mornings", crManager, complaintTime("2025-05-12 09:00"))
		},
		func() error {
			return reg.Reopen(caseID(12), "The warden was missing on two mornings", crOfficer, complaintTime("2025-05-12 09:00"))
		},
		func() error {
			return reg.Assess(caseID(12), concerns.Assessment{Scope: concerns.ScopeIn}, crOfficer, complaintTime("2025-05-12 10:00"))
		},
		func() error {
			return reg.ProposeResolution(caseID(12), "A warden rota with a stand-in", crOfficer, complaintTime("2025-05-13 09:00"))
		},
		func() error { return reg.Accept(caseID(12), crOfficer, complaintTime("2025-05-13 16:00")) },
		func() error {
			return reg.CompleteAction(nightWork, fixedComplaintID(504), crManager, complaintTime("2025-05-15 17:00"))
		},
		func() error {
			return reg.Close(caseID(12), "Stand-in warden on every school day", crOfficer, complaintTime("2025-05-23 12:00"))
		},
		func() error {
			return reg.CloseIssue(schoolWay, "Warden rota kept for a week", crManager, complaintTime("2025-05-26 09:00"))
		},
		add(nightWork, "2025-06-05 10:00", 22),
		func() error {
			return reg.CloseIssue(nightWork, "Hours kept and the barrier built; no night-work case since 5 June", crManager, complaintTime("2025-06-12 09:00"))
		},
		// Dust on Elm Street: growing, still open.
		func() error {
			return reg.OpenIssue(concerns.IssueDetails{ID: elmDust, Title: "Dust on Elm Street", Topic: "elm_street", Area: "riverside"},
				crManager, complaintTime("2025-06-11 11:00"))
		},
		add(elmDust, "2025-06-11 11:00", 13, 24, 14, 15),
		func() error {
			return reg.AddAction(elmDust, action(5, "Wheel wash at the site gate", "2025-06-30 17:00"), crManager, complaintTime("2025-06-11 11:00"))
		},
		func() error {
			return reg.RaiseWithProcess(elmDust, parkProcess, crManager, complaintTime("2025-06-12 09:00"))
		},
		add(elmDust, "2025-06-27 09:00", 16, 17, 18),
	}
	return each(steps)
}

// each runs the steps in order and returns the first error.
func each(steps []func() error) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
