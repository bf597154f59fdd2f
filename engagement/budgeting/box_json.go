package budgeting

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/stakeholder"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// boxVersion is the version of the ballot box document.
const boxVersion = 1

// boxJSON is the JSON form of a Box: its spec (the instance and the form
// of its ballot rules, eligibility, revote policy, opening, electorate),
// when it closed, the people who voted with the profile the box keeps of
// each, and every ballot received, in order. It is written from the box's
// records, not from its layout in memory: positions, labels and indexes
// are not written.
type boxJSON struct {
	Version     int                    `json:"version"`
	Instance    instanceJSON           `json:"instance"`
	Form        formJSON               `json:"form"`
	Eligibility engagement.Eligibility `json:"eligibility"`
	Revote      RevotePolicy           `json:"revote"`
	Opens       time.Time              `json:"opens"`
	Electorate  int                    `json:"electorate"`
	ClosedAt    time.Time              `json:"closed_at,omitzero"`
	Voters      []personJSON           `json:"voters"`
	Ballots     []ballotJSON           `json:"ballots"`
}

// formJSON is the JSON form of a BallotForm.
type formJSON struct {
	MinProjects    int          `json:"min_projects,omitempty"`
	MaxProjects    int          `json:"max_projects,omitempty"`
	MinBudgetShare plainDecimal `json:"min_budget_share"`
	Knapsack       bool         `json:"knapsack,omitempty"`
	DistrictColumn string       `json:"district_column,omitempty"`
	OwnDistrict    bool         `json:"own_district,omitempty"`
}

// formToJSON returns the JSON form of f.
func formToJSON(f BallotForm) formJSON {
	return formJSON{MinProjects: f.MinProjects, MaxProjects: f.MaxProjects, MinBudgetShare: plainDecimal(f.MinBudgetShare),
		Knapsack: f.Knapsack, DistrictColumn: f.DistrictColumn, OwnDistrict: f.OwnDistrict}
}

// form returns the BallotForm w describes.
func (w formJSON) form() BallotForm {
	return BallotForm{MinProjects: w.MinProjects, MaxProjects: w.MaxProjects, MinBudgetShare: decimal.Decimal(w.MinBudgetShare),
		Knapsack: w.Knapsack, DistrictColumn: w.DistrictColumn, OwnDistrict: w.OwnDistrict}
}

// plainDecimal is a decimal written as a JSON string in plain notation
// ("25000.50"), and read back as the .pb reader reads a number: no
// exponent, at most [MaxDigits] digits, so that a document cannot hand the
// arithmetic a number of a billion digits.
type plainDecimal decimal.Decimal

// MarshalJSON writes the decimal as a string, every place kept.
func (d plainDecimal) MarshalJSON() ([]byte, error) {
	return json.Marshal(decimalText(decimal.Decimal(d)))
}

// UnmarshalJSON reads a string that parseDecimal accepts; an error
// wrapping [ErrInvalidNumber] otherwise.
func (d *plainDecimal) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, ok := parseDecimal(s)
	if !ok {
		return errorf(ErrInvalidNumber, "%q", clip(s))
	}
	*d = plainDecimal(v)
	return nil
}

// convertAll converts each element of a list, nil for none.
func convertAll[T, U any](ts []T, conv func(T) U) []U {
	if len(ts) == 0 {
		return nil
	}
	us := make([]U, len(ts))
	for i, t := range ts {
		us[i] = conv(t)
	}
	return us
}

// toPlain and fromPlain convert a decimal to its JSON form and back.
func toPlain(d decimal.Decimal) plainDecimal   { return plainDecimal(d) }
func fromPlain(d plainDecimal) decimal.Decimal { return decimal.Decimal(d) }

// personJSON is a pseudonymous person: a voter of a box, a person of a
// census.
type personJSON struct {
	ID       uuid.UUID           `json:"id"`
	AgeBand  stakeholder.AgeBand `json:"age_band,omitzero"`
	Sex      string              `json:"sex,omitempty"`
	Area     string              `json:"area,omitempty"`
	Resident bool                `json:"resident"`
}

// ballotJSON is one ballot received. Voter is omitted for a voter not
// verified, and Unverified then says why, as the verifier said it.
// Projects and points are as given for a rejected ballot, as counted
// otherwise.
type ballotJSON struct {
	Seq          int            `json:"seq"`
	Voter        uuid.UUID      `json:"voter,omitzero"`
	Unverified   string         `json:"unverified,omitempty"`
	Channel      BallotChannel  `json:"channel"`
	At           time.Time      `json:"at"`
	Projects     []string       `json:"projects"`
	Points       []plainDecimal `json:"points,omitempty"`
	Status       BallotStatus   `json:"status"`
	Reason       string         `json:"reason,omitempty"`
	SupersededBy int            `json:"superseded_by,omitempty"`
}

// MarshalJSON encodes the box: its rules (the instance, with every META
// row, project and column, and the form), eligibility, revote policy,
// opening time, electorate and closing time; each person who voted, as a
// pseudonym and the profile the box keeps; and every ballot received, in
// order, with its voter, channel, time, projects and points, status, the
// reason a rejected ballot was rejected for and the ballot that replaced a
// superseded one. The verifier is not written: [DecodeBox] takes it. A
// zero Box is an error wrapping [ErrInvalid].
func (b *Box) MarshalJSON() ([]byte, error) {
	if b == nil || b.rules.inst == nil {
		return nil, errorf(ErrInvalid, "a zero Box: nothing to encode")
	}
	return json.Marshal(b.document())
}

// document returns the box's JSON form.
func (b *Box) document() *boxJSON {
	w := &boxJSON{Version: boxVersion, Instance: instanceToJSON(b.rules.inst), Form: formToJSON(b.rules.form),
		Eligibility: b.elig, Revote: b.revote, Opens: b.opens, Electorate: b.elect, ClosedAt: b.closedAt,
		Voters: make([]personJSON, len(b.voters)), Ballots: make([]ballotJSON, len(b.records))}
	for i := range b.voters {
		v := &b.voters[i]
		p := b.profile(v)
		w.Voters[i] = personJSON{ID: v.id, AgeBand: p.AgeBand, Sex: p.Sex, Area: p.Area, Resident: p.Resident}
	}
	for i := range b.records {
		r := b.view(int32(i))
		bj := ballotJSON{Seq: r.Seq, Voter: r.Voter, Channel: r.Channel, At: r.At, Projects: nonNil(r.Projects),
			Points: convertAll(r.Points, toPlain), Status: r.Status, SupersededBy: r.SupersededBy}
		if r.Reason != nil {
			bj.Reason = r.Reason.Error()
			if b.records[i].voter < 0 {
				bj.Unverified = firstJoined(r.Reason).Error()
			}
		}
		w.Ballots[i] = bj
	}
	return w
}

// firstJoined returns the first error joined in err, err itself when it
// joins none.
func firstJoined(err error) error {
	if j, ok := err.(interface{ Unwrap() []error }); ok && len(j.Unwrap()) > 0 {
		return j.Unwrap()[0]
	}
	return err
}

// unverified is, on decoding, what the verifier said of a voter it did
// not verify: its text, matching [ErrNotVerified].
type unverified string

// Error returns the verifier's text.
func (u unverified) Error() string { return string(u) }

// Is reports that the error is a case of ErrNotVerified.
func (unverified) Is(target error) bool { return target == ErrNotVerified }

// DecodeBox decodes what [Box.MarshalJSON] encodes into a box that takes
// further ballots from voters verifier verifies, exactly as the box that
// was encoded would have: the document does not hold the verifier, and
// the verifier must be the one the ballots were verified with (its
// pseudonyms are how a person who voted already is found).
//
// It rebuilds the ballot rules and the box from the spec ([NewBox] checks
// it) and replays every ballot through the box's own checks, in order,
// with the voter and profile the document gives (raw claims are not kept,
// so they are not verified again), and refuses a document that the box
// could not have written. It returns an error wrapping [ErrInvalid] for
// malformed JSON (the encoding/json error kept in the chain), another
// version, or an invalid spec, voter or ballot; [ErrDuplicate] for a
// person listed twice; [ErrTimeOrder] for ballots out of time order or a
// closing time before the last; and [ErrInconsistent] for a ballot
// numbered out of order, of an unlisted voter, whose status or reason is
// not what the rules give, or for voters, replacements or anything else
// that the ballots do not produce. The error names the ballot.
func DecodeBox(data []byte, verifier Verifier) (*Box, error) {
	var w boxJSON
	if err := decodeJSON("box", data, &w); err != nil {
		return nil, err
	}
	b, err := w.replay(verifier)
	if err != nil {
		return nil, fmt.Errorf("decoding ballot box: %w", err)
	}
	return b, nil
}

// replay builds the box w describes.
func (w *boxJSON) replay(verifier Verifier) (*Box, error) {
	if w.Version != boxVersion {
		return nil, errorf(ErrInvalid, "version %d, want %d", w.Version, boxVersion)
	}
	inst, err := w.Instance.instance()
	if err != nil {
		return nil, err
	}
	rules, err := NewBallotRules(inst, w.Form.form())
	if err != nil {
		return nil, err
	}
	spec := BoxSpec{Rules: rules, Verifier: verifier, Eligibility: w.Eligibility, Revote: w.Revote,
		Opens: w.Opens, Electorate: w.Electorate}
	if err := spec.validate(); err != nil {
		return nil, err
	}
	// Room for the people who voted, not for an electorate the document
	// may inflate: the box grows as more vote.
	b := newBox(spec, min(w.Electorate, len(w.Voters), maxPresize))
	voters := make(map[uuid.UUID]stakeholder.Profile, len(w.Voters))
	for i, v := range w.Voters {
		switch _, dup := voters[v.ID]; {
		case v.ID == uuid.Nil || (v.AgeBand != 0 && !v.AgeBand.IsValid()):
			return nil, errorf(ErrInvalid, "voters[%d]: pseudonym %s, age band %d", i, v.ID, v.AgeBand)
		case dup:
			return nil, errorf(ErrDuplicate, "voters[%d]: %s", i, v.ID)
		}
		voters[v.ID] = stakeholder.Profile{AgeBand: v.AgeBand, Sex: v.Sex, Area: v.Area, Resident: v.Resident}
	}
	for i := range w.Ballots {
		if err := b.replayBallot(&w.Ballots[i], i, voters); err != nil {
			return nil, fmt.Errorf("ballots[%d]: %w", i, err)
		}
	}
	if !w.ClosedAt.IsZero() {
		if err := b.Close(w.ClosedAt); err != nil {
			return nil, fmt.Errorf("closed_at: %w", err)
		}
	}
	// What the replay checked ballot by ballot aside, the voters'
	// order, which ballots were replaced by which, and the closing time
	// must be what the box holds now: the document must be the one the
	// box writes.
	want, err1 := json.Marshal(w)
	got, err2 := json.Marshal(b.document())
	if err := errors.Join(err1, err2); err != nil {
		return nil, errorf(ErrInvalid, "%w", err)
	}
	if !bytes.Equal(want, got) {
		return nil, errorf(ErrInconsistent, "the voters or the replaced ballots are not those the ballots make, or the times are not in UTC")
	}
	return b, nil
}

// replayBallot casts ballot i of a document again.
func (b *Box) replayBallot(bj *ballotJSON, i int, voters map[uuid.UUID]stakeholder.Profile) error {
	if bj.Seq != i+1 {
		return errorf(ErrInconsistent, "numbered %d", bj.Seq)
	}
	if !bj.Channel.IsValid() || !bj.Status.IsValid() {
		return errorf(ErrInvalid, "channel %s, status %s", bj.Channel, bj.Status)
	}
	at, err := b.precheck(bj.At)
	if err != nil {
		return err
	}
	var who Identity
	var verr error
	if bj.Voter == uuid.Nil {
		if bj.Unverified == "" {
			return errorf(ErrInconsistent, "a ballot without a voter must say why the voter was not verified")
		}
		verr = unverified(bj.Unverified)
	} else {
		p, ok := voters[bj.Voter]
		if !ok || bj.Unverified != "" {
			return errorf(ErrInconsistent, "voter %s is not listed, or is both verified and not", bj.Voter)
		}
		who = Identity{ID: bj.Voter, Profile: p}
	}
	r, err := b.record(Cast{Channel: bj.Channel, Projects: bj.Projects, Points: convertAll(bj.Points, fromPlain)}, at, who, verr)
	if err != nil {
		return err
	}
	reason := ""
	if r.Reason != nil {
		reason = r.Reason.Error()
	}
	if (r.Status == BallotStatusRejected) != (bj.Status == BallotStatusRejected) || reason != bj.Reason {
		return errorf(ErrInconsistent, "the rules make it %s (%q), the document says %s (%q)",
			r.Status, clip(reason), bj.Status, clip(bj.Reason))
	}
	return nil
}
