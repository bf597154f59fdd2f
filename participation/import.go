package participation

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/civitas-go/civitas/internal/enum"
	"github.com/civitas-go/civitas/internal/errs"
	"github.com/civitas-go/civitas/stakeholder"
)

// OfflineSignature is one signature collected on paper or in person, to be
// entered with [Initiative.Import]. The zero value is not a valid
// signature.
type OfflineSignature struct {
	// Person is the supporter's ID.
	Person uuid.UUID
	// Profile is the supporter's pseudonymous profile.
	Profile stakeholder.Profile
	// At is when the supporter signed (not when the sheet was entered).
	At time.Time
}

// ImportReport accounts for every row of an offline batch: each is either
// accepted or listed in Rejected with its reason, so Accepted +
// len(Rejected) = Rows always holds and no row is lost or silently dropped.
// The zero value is the report of an empty batch.
type ImportReport struct {
	// Rows is the number of rows in the batch.
	Rows int
	// Accepted is the number of rows signed.
	Accepted int
	// Rejected lists the refused rows in row order, each with its 1-based
	// row number and the reason (a sentinel such as [ErrAlreadySigned] or
	// [ErrMalformedRow], matched with errors.Is).
	Rejected []*RowError
}

// reject records row as refused for err.
func (r *ImportReport) reject(row int, person uuid.UUID, err error) {
	r.Rejected = append(r.Rejected, &RowError{Row: row, Person: person, Err: err})
}

// Import signs every row through [SigningMethodOffline] as [Initiative.Sign]
// would, in order, and reports each row's fate. A person twice in the batch
// (or already signed) has the later row rejected with [ErrAlreadySigned].
// When the initiative is not open or does not accept offline signatures,
// every row is rejected with that reason. Rows 1..len(rows) are numbered in
// the slice's order. Milestones reached are recorded as [Initiative.Sign]
// records them. Import never fails as a whole: see [ImportReport].
func (in *Initiative) Import(rows []OfflineSignature) ImportReport {
	in.use.BeginWrite(misuse)
	defer in.use.EndWrite()
	rep := ImportReport{Rows: len(rows)}
	for i, r := range rows {
		in.importRow(&rep, i+1, r)
	}
	return rep
}

// importRow signs one row and accounts for it in rep.
func (in *Initiative) importRow(rep *ImportReport, row int, r OfflineSignature) {
	if in.state != StateOpen {
		rep.reject(row, r.Person, wrongState("import a signature", in.state))
		return
	}
	err := in.sign(r.Person, r.Profile, SigningMethodOffline, r.At)
	if err == nil {
		rep.Accepted++
		return
	}
	var se *SupportError
	if errors.As(err, &se) {
		err = se.Err
	}
	rep.reject(row, r.Person, err)
}

// SheetHeader returns the header row an offline sheet must start with, in
// this order: the supporter's ID, the signing time (RFC 3339, with a time
// and a zone, such as 2025-05-01T09:30:00Z or 2025-05-01T11:30:00+02:00), the
// age band in the census notation of [stakeholder.AgeBand.Label] ("25-34",
// "75+"; a wire name such as "75_plus" is read too; empty when not given),
// the sex category (may be empty), the area code (may be empty) and
// residency ("true" or "false"; strconv.ParseBool's other spellings, such as
// "1" or "FALSE", are read too).
func SheetHeader() []string {
	return []string{"person", "signed_at", "age_band", "sex", "area", "resident"}
}

// ImportCSV reads an offline sheet, a CSV file that starts with
// [SheetHeader], and signs each data row as [Initiative.Import] does.
//
// What spreadsheet programs write is read as they write it: a UTF-8
// byte-order mark at the start is skipped, and the header's names match in
// any letter case, with surrounding space ignored and '_', '-' or ' '
// between words ("Signed At" is signed_at), in the order of [SheetHeader].
// A signing time must be RFC 3339: a date alone ("2025-05-01") is refused,
// since the hour decides whether a signature falls inside the window, and
// the sheet does not say which zone its midnight would be in.
//
// A row that cannot be read (a CSV quoting error, a wrong number of fields,
// a bad ID, time, age band, profile or residency) is rejected with
// [ErrMalformedRow] in a [*RowError], with a [*FieldError] in its chain
// that names the column and says what it accepts, and reading goes on with
// the next row. Rows are numbered as a spreadsheet program numbers them:
// the header is row 1, the first data row row 2, a blank line counts as a
// row (encoding/csv skips it, so it is neither accepted nor rejected), and
// a record whose quoted field spans lines is one row.
//
// It returns an error, and signs nothing, when the header is missing or
// wrong ([ErrHeader], listing the expected names) or cannot be read. An I/O
// error after the header stops reading and is returned with the report of
// the rows read so far, which are all accounted for.
func (in *Initiative) ImportCSV(r io.Reader) (ImportReport, error) {
	in.use.BeginWrite(misuse)
	defer in.use.EndWrite()
	br := bufio.NewReader(r)
	if bom, _ := br.Peek(len(byteOrderMark)); string(bom) == byteOrderMark {
		_, _ = br.Discard(len(byteOrderMark)) // cannot fail: the bytes are buffered
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // a short or long row is one malformed row, not a failure
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) || errors.As(err, new(*csv.ParseError)) {
			return ImportReport{}, fmt.Errorf("%w: %w; want %s", ErrHeader, err, strings.Join(SheetHeader(), ","))
		}
		return ImportReport{}, err
	}
	if err := checkSheetHeader(header); err != nil {
		return ImportReport{}, err
	}
	var rep ImportReport
	row, end := 1, lastLine(cr, header)
	for {
		before := cr.InputOffset()
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rep, nil
		}
		var pe *csv.ParseError
		if err != nil && !errors.As(err, &pe) {
			return rep, err
		}
		rep.Rows++
		if err != nil {
			row, end = row+pe.StartLine-end, pe.Line
			rep.reject(row, uuid.Nil, fmt.Errorf("%w: %w", ErrMalformedRow, pe))
			if cr.InputOffset() == before {
				// encoding/csv consumes input on every error; stop rather
				// than loop should that ever change.
				return rep, err
			}
			continue
		}
		start, _ := cr.FieldPos(0)
		row, end = row+start-end, lastLine(cr, fields)
		sig, err := parseSheetRow(fields)
		if err != nil {
			rep.reject(row, sig.Person, err)
			continue
		}
		in.importRow(&rep, row, sig)
	}
}

// byteOrderMark is the UTF-8 byte-order mark spreadsheet programs write at
// the start of a CSV file.
const byteOrderMark = "\uFEFF"

// lastLine returns the line on which the record just read, fields, ends:
// where its last field starts, plus the line breaks inside it.
func lastLine(cr *csv.Reader, fields []string) int {
	last := len(fields) - 1
	line, _ := cr.FieldPos(last)
	return line + strings.Count(fields[last], "\n")
}

// checkSheetHeader checks a sheet's header against [SheetHeader], names
// compared under the enum parsing rule.
func checkSheetHeader(header []string) error {
	want := SheetHeader()
	ok := len(header) == len(want)
	for i := 0; ok && i < len(want); i++ {
		ok = enum.Key(header[i]) == want[i]
	}
	if !ok {
		return fmt.Errorf("%w: %s; want %s (in this order, any letter case)", ErrHeader, errs.Clip(strings.Join(header, ",")), strings.Join(want, ","))
	}
	return nil
}

// rfc3339Example shows the accepted form of a signing time in errors.
const rfc3339Example = "RFC 3339, such as 2025-05-01T09:30:00Z"

// parseSheetRow reads one data row of an offline sheet. On error the
// returned signature holds the person's ID if it could be read.
func parseSheetRow(f []string) (OfflineSignature, error) {
	var sig OfflineSignature
	if n := len(SheetHeader()); len(f) != n {
		return sig, fmt.Errorf("%w: %d fields, want %d: %s", ErrMalformedRow, len(f), n, strings.Join(SheetHeader(), ","))
	}
	malformed := func(field, value, want string) error {
		return &FieldError{Field: field, Value: quote(value) + " (want " + want + ")", Err: ErrMalformedRow}
	}
	id, err := uuid.Parse(f[0])
	if err != nil || id == uuid.Nil {
		return sig, malformed("person", f[0], "a UUID other than the nil UUID")
	}
	sig.Person = id
	if sig.At, err = time.Parse(time.RFC3339Nano, f[1]); err != nil {
		if _, dateOnly := time.Parse(time.DateOnly, strings.TrimSpace(f[1])); dateOnly == nil {
			return sig, malformed("signed_at", f[1], "a time of day and a zone too: "+rfc3339Example)
		}
		return sig, malformed("signed_at", f[1], rfc3339Example)
	}
	band, err := sheetAgeBand(f[2])
	if err != nil {
		labels := []string{""}
		for _, b := range stakeholder.AgeBands() {
			labels = append(labels, b.Label())
		}
		return sig, malformed("age_band", f[2], errs.OneOf(labels))
	}
	resident, err := strconv.ParseBool(f[5])
	if err != nil {
		return sig, malformed("resident", f[5], "true or false")
	}
	sig.Profile = stakeholder.Profile{AgeBand: band, Sex: f[3], Area: f[4], Resident: resident}
	if err := sig.Profile.Validate(); err != nil {
		return sig, fmt.Errorf("%w: %w", ErrMalformedRow, err)
	}
	return sig, nil
}

// sheetAgeBand reads the age band of a sheet row: empty for not given, the
// band's census label ("75+") as the sheet format writes it, or its wire
// name under the one parsing rule.
func sheetAgeBand(s string) (stakeholder.AgeBand, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	if b, ok := stakeholder.AgeBandOfLabel(s); ok {
		return b, nil
	}
	return stakeholder.ParseAgeBand(s)
}
