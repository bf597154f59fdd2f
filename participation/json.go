package participation

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/stakeholder"
)

// initiativeJSON is the wire form of an Initiative. State is derived from
// the history and written for readers; decoding checks it agrees.
type initiativeJSON struct {
	ID         uuid.UUID       `json:"id"`
	Title      string          `json:"title"`
	Summary    string          `json:"summary,omitempty"`
	Kind       Kind            `json:"kind"`
	Initiators []uuid.UUID     `json:"initiators"`
	Committee  Committee       `json:"committee,omitzero"`
	Area       string          `json:"area,omitempty"`
	Created    time.Time       `json:"created"`
	Rules      *SupportRules   `json:"rules,omitempty"`
	State      State           `json:"state"`
	History    []HistoryEntry  `json:"history"`
	Supports   json.RawMessage `json:"supports,omitempty"` // written by appendSupports
}

// MarshalJSON writes the initiative: its description, its rules if any, its
// state, its history and every support in storage order, as
//
//	{"person":"…","profile":{"age_band":"25_34","sex":"f","area":"north","resident":true},"channel":"online","at":"2025-05-01T09:30:00Z"}
//
// (the encoding/json form of [Support]). Times are in UTC with as many
// fractional digits as they need, so decoding gives back the same
// initiative and encoding it again the same bytes.
func (in *Initiative) MarshalJSON() ([]byte, error) {
	in.use.BeginRead(misuse)
	defer in.use.EndRead()
	head, err := json.Marshal(initiativeJSON{
		ID:         in.id,
		Title:      in.title,
		Summary:    in.summary,
		Kind:       in.kind,
		Initiators: in.initiators,
		Committee:  in.committee,
		Area:       in.area,
		Created:    in.created,
		Rules:      in.rules,
		State:      in.state,
		History:    in.history,
	})
	if err != nil {
		return nil, err
	}
	// Splice the supports in as the last member rather than pass them as a
	// json.RawMessage, which encoding/json would scan and copy once more.
	buf := make([]byte, 0, len(head)+16+180*len(in.supports.recs))
	buf = append(buf, head[:len(head)-1]...)
	buf = append(buf, `,"supports":`...)
	buf = in.appendSupports(buf)
	return append(buf, '}'), nil
}

// appendSupports appends the supports as a JSON array, written by hand with
// each interned label encoded once: encoding a million supports through
// reflection would build a million Support values first.
func (in *Initiative) appendSupports(buf []byte) []byte {
	s := in.supports
	quoted := func(labels []string) [][]byte {
		out := make([][]byte, len(labels))
		for i, l := range labels {
			out[i], _ = json.Marshal(l) // a string always marshals
		}
		return out
	}
	areas, sexes := quoted(s.areas), quoted(s.sexes)
	buf = append(buf, '[')
	for i, r := range s.recs {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, `{"person":"`...)
		buf = appendUUID(buf, r.person)
		buf = append(buf, `","profile":{`...)
		if r.age != 0 {
			buf = append(buf, `"age_band":"`...)
			buf = append(buf, stakeholder.AgeBand(r.age).String()...) // plain ASCII: "25_34", "75_plus"
			buf = append(buf, `",`...)
		}
		if r.sex != 0 {
			buf = append(buf, `"sex":`...)
			buf = append(buf, sexes[r.sex]...)
			buf = append(buf, ',')
		}
		if r.area != 0 {
			buf = append(buf, `"area":`...)
			buf = append(buf, areas[r.area]...)
			buf = append(buf, ',')
		}
		buf = append(buf, `"resident":`...)
		buf = strconv.AppendBool(buf, r.resident)
		buf = append(buf, `},"channel":"`...)
		buf = append(buf, SigningMethod(r.channel).String()...)
		buf = append(buf, `","at":"`...)
		buf = time.Unix(0, r.at).UTC().AppendFormat(buf, time.RFC3339Nano)
		buf = append(buf, `"}`...)
	}
	return append(buf, ']')
}

// UnmarshalJSON reads what MarshalJSON writes and validates it as the
// constructors and events would have: the description as [NewInitiative],
// the rules as [Initiative.SetRules], every history event on its own
// ([HistoryEntry.Validate]) and as a legal sequence from "created" (each allowed
// in the state before it, with the preconditions that can be checked
// afterwards: time order, the committee's size, the withdrawing
// initiator, one milestone after another), and every support as
// [Initiative.Sign] would have accepted it (valid, eligible, inside the
// window, no person twice). Then it checks the parts agree
// ([ErrInconsistent]): the state is the one the history leads to, the
// first event is the creation, a draft has no supports, every milestone
// the supports reach is recorded, a qualified initiative meets its
// thresholds and an expired one does not, and no support is dated after
// gathering ended. Malformed JSON and a value of the wrong type are
// [ErrInvalid]. On error the initiative is unchanged.
func (in *Initiative) UnmarshalJSON(data []byte) error {
	in.use.BeginWrite(misuse)
	defer in.use.EndWrite()
	var w initiativeJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return decodeErr(err)
	}
	got, err := NewInitiative(InitiativeSpec{
		ID: w.ID, Title: w.Title, Summary: w.Summary, Kind: w.Kind, Initiators: w.Initiators,
		Committee: w.Committee, Area: w.Area, Created: w.Created,
	})
	if err != nil {
		return err
	}
	if w.Rules != nil {
		if err := got.SetRules(*w.Rules); err != nil {
			return fmt.Errorf("rules: %w", err)
		}
	}
	end, err := got.replay(w.History)
	if err != nil {
		return err
	}
	if w.State != got.state {
		return fmt.Errorf("%w: state %s, history leads to %s", ErrInconsistent, w.State, got.state)
	}
	if err := got.loadSupports(w.Supports); err != nil {
		return err
	}
	if err := got.checkGathering(end); err != nil {
		return err
	}
	in.initiative = got.initiative
	return nil
}

// replay applies a decoded history after the creation event that
// NewInitiative recorded, checking each event. It returns the event that
// ended support gathering (qualified, expired, or withdrawn while open), or
// the zero Event.
func (in *Initiative) replay(history []HistoryEntry) (HistoryEntry, error) {
	if len(history) == 0 {
		return HistoryEntry{}, fmt.Errorf("%w: empty history", ErrInconsistent)
	}
	if first := history[0]; first.Validate() != nil || first.Kind != EventCreated || !first.At.Equal(in.created) {
		return HistoryEntry{}, fmt.Errorf("%w: history must start with the creation at %s", ErrInconsistent, in.created.Format(time.RFC3339Nano))
	}
	var end HistoryEntry
	for i, e := range history[1:] {
		e.At = e.At.UTC()
		if err := in.replayOne(e); err != nil {
			return HistoryEntry{}, fmt.Errorf("history[%d]: %w", i+1, err)
		}
		if e.Kind != EventMilestone && in.state == StateOpen { // every other event from open ends the gathering
			end = e
		}
		in.record(e)
	}
	return end, nil
}

// replayOne checks one decoded event against the initiative as the history
// before it left it, as [Initiative.commit] would have, except for what
// depends on the supports, which are loaded afterwards (see
// checkGathering).
func (in *Initiative) replayOne(e HistoryEntry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	switch e.Kind {
	case EventCreated:
		return fmt.Errorf("%w: a second creation", ErrInconsistent)
	case EventMilestone:
		if err := in.allowed(e.Kind); err != nil {
			return err
		}
		if in.rules == nil || e.Percent != 25*(in.quarters+1) {
			return fmt.Errorf("%w: milestone %d %% after %d %%", ErrInconsistent, e.Percent, 25*in.quarters)
		}
		if e.At.Before(in.opened) || !in.gate.contains(e.At) {
			return fmt.Errorf("%w: milestone outside the window", ErrInconsistent)
		}
		if e.At.Before(in.latest) {
			// Milestones are dated with the latest signing time so far,
			// which never goes back.
			return fmt.Errorf("%w: %d %% milestone at %s, before the %d %% one at %s", ErrInconsistent,
				e.Percent, e.At.Format(time.RFC3339Nano), 25*in.quarters, in.latest.Format(time.RFC3339Nano))
		}
		return nil
	}
	if err := in.begin(e.Kind, e.At); err != nil {
		return err
	}
	if err := in.precondition(e); err != nil {
		return &TransitionError{State: in.state, Event: e.Kind, Err: err}
	}
	return nil
}

// loadSupports decodes the supports array element by element and admits
// each as Sign would, without recording milestones (the history has them).
func (in *Initiative) loadSupports(raw json.RawMessage) error {
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return invalidf("supports is not an array")
	}
	for i := 0; dec.More(); i++ {
		var s Support
		if err := dec.Decode(&s); err != nil {
			return fmt.Errorf("supports[%d]: %w", i, decodeErr(err))
		}
		if in.opened.IsZero() {
			return fmt.Errorf("supports[%d]: %w: a support of an initiative never opened (state %s)", i, ErrInconsistent, states.Text(in.state))
		}
		r, err := in.admit(s.Person, s.Profile, s.Channel, s.At)
		if err == nil {
			err = in.accept(r, s.Profile)
		}
		if err != nil {
			return fmt.Errorf("supports[%d]: %w", i, &SupportError{Person: s.Person, Err: err})
		}
	}
	_, err := dec.Token() // the closing bracket
	return decodeErr(err)
}

// checkGathering checks the supports against the history: every milestone
// they reach is recorded, the event that ended gathering (if any) is not
// before a support, qualification met every threshold and expiry did not.
func (in *Initiative) checkGathering(end HistoryEntry) error {
	for q := in.quarters + 1; q <= 4; q++ {
		if in.meets(q) {
			return fmt.Errorf("%w: supports reach %d %%, history records %d %%", ErrInconsistent, 25*q, 25*in.quarters)
		}
	}
	if end.Kind == 0 {
		return nil
	}
	if end.At.Before(in.latest) {
		return fmt.Errorf("%w: a support is dated %s, after the initiative %s at %s", ErrInconsistent,
			in.latest.Format(time.RFC3339Nano), end.Kind, end.At.Format(time.RFC3339Nano))
	}
	met := in.meets(4)
	switch {
	case end.Kind == EventQualified && !met:
		return fmt.Errorf("%w: qualified below its threshold", ErrInconsistent)
	case end.Kind == EventExpired && met:
		return fmt.Errorf("%w: expired with its threshold met", ErrInconsistent)
	}
	return nil
}

// appendUUID appends id in the canonical form uuid.UUID.String writes
// (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), without allocating.
func appendUUID(buf []byte, id uuid.UUID) []byte {
	var text [36]byte
	hex.Encode(text[0:8], id[0:4])
	text[8] = '-'
	hex.Encode(text[9:13], id[4:6])
	text[13] = '-'
	hex.Encode(text[14:18], id[6:8])
	text[18] = '-'
	hex.Encode(text[19:23], id[8:10])
	text[23] = '-'
	hex.Encode(text[24:], id[10:])
	return append(buf, text[:]...)
}
