package budgeting

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"time"
)

// PaperRow is the result of one row of a paper ballot import: the ballot's
// receipt when the box received it (counted or rejected, with its reason),
// or the error that kept the row out of the box.
type PaperRow struct {
	// Line is the row's line in the file (the header is line 1).
	Line int
	// Receipt is what became of the ballot; its Seq is 0 when the box did
	// not receive it.
	Receipt Receipt
	// Err is why the box did not receive the row: unreadable
	// ([ErrInvalid], [ErrInvalidNumber]) or refused by the box
	// ([ErrTimeOrder], [ErrWrongState]). Nil when the box received it.
	Err error
}

// Received reports whether the box received the row's ballot.
func (r PaperRow) Received() bool { return r.Receipt.Seq > 0 }

// ImportPaper casts the paper ballot sheets of a CSV file, one ballot a
// row, in order, and returns a result for every row. The header names the
// columns, in any order and any case:
//
//	document     the voter's identifier, checked at the count (required)
//	vote         the project IDs marked, separated by "," (quote the cell)
//	             or ";" (required; empty for a blank ballot)
//	birth_date   YYYY-MM-DD, the second factor where the census has one
//	points       the points of each project, separated as the vote
//	cast_at      when the ballot was cast, RFC 3339; at when absent or empty
//	channel      "paper" (the default) or "booth"
//
// Other columns (a sheet number, a polling station) are ignored. Each row
// goes through [Box.Cast], so a sheet that breaks a rule, of a voter not
// verified, or of a person who voted already, is recorded as rejected with
// its reason, exactly as online. Rows are independent: a row that cannot be
// read or that the box refuses is reported and the next row is cast.
//
// It returns an error, and casts nothing, when the header cannot be read
// ([ErrInvalid], the encoding/csv error kept in the chain) or lacks the
// document or vote column ([ErrMissingField]).
func (b *Box) ImportPaper(r io.Reader, at time.Time) ([]PaperRow, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, errorf(ErrInvalid, "paper sheets header: %w", err)
	}
	col := columnsOf(head, "document", "vote", "birth_date", "points", "cast_at", "channel")
	if col[0] < 0 || col[1] < 0 {
		return nil, errorf(ErrMissingField, "paper sheets need the columns document and vote")
	}
	var rows []PaperRow
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return rows, errorf(ErrInvalid, "paper sheets: %w", err)
			}
			rows = append(rows, PaperRow{Line: pe.StartLine, Err: errorf(ErrInvalid, "%w", err)})
			continue
		}
		line, _ := cr.FieldPos(0)
		res := PaperRow{Line: line}
		c, err := paperCast(row, col, at)
		if err == nil {
			res.Receipt, err = b.Cast(c)
		}
		res.Err = err
		rows = append(rows, res)
	}
}

// paperCast reads one row into a Cast.
func paperCast(row []string, col []int, at time.Time) (Cast, error) {
	cell := func(k int) string {
		if col[k] < 0 || col[k] >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[col[k]])
	}
	c := Cast{Claim: Claim{Document: cell(0), BirthDate: cell(2)}, Channel: BallotChannelPaper, At: at, Projects: splitVote(cell(1))}
	var errs []error
	if s := cell(4); s != "" {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			errs = append(errs, errorf(ErrInvalid, "cast_at %q", clip(s)))
		}
		c.At = t
	}
	if s := cell(5); s != "" {
		ch, err := ParseBallotChannel(s)
		if err != nil || ch == BallotChannelOnline {
			errs = append(errs, errorf(ErrInvalid, "channel %q (want paper or booth)", clip(s)))
		}
		c.Channel = ch
	}
	if col[3] >= 0 {
		for _, p := range splitVote(cell(3)) {
			d, ok := parseDecimal(p)
			if !ok {
				errs = append(errs, errorf(ErrInvalidNumber, "points %q", clip(p)))
				continue
			}
			c.Points = append(c.Points, d)
		}
	}
	return c, errors.Join(errs...)
}

// splitVote splits a vote or points cell at "," or ";", trimming each
// element; nil for an empty cell.
func splitVote(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' })
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
