package participation

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

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
// this order: the supporter's ID, the signing time (RFC 3339), the age band
// in the census notation of [stakeholder.AgeBand.Label] ("25-34", "75+"; a
// wire name such as "75_plus" is read too; empty when not given), the sex
// category (may be empty), the area code (may be empty) and residency
// ("true" or "false", as strconv.ParseBool reads it).
func SheetHeader() []string {
	return []string{"person", "signed_at", "age_band", "sex", "area", "resident"}
}

// ImportCSV reads an offline sheet, a CSV file that starts with
// [SheetHeader], and signs each data row as [Initiative.Import] does. A row
// that cannot be read (a CSV quoting error, a wrong number of fields, a bad
// ID, time, age band, profile or residency) is rejected with
// [ErrMalformedRow] and its row number, and reading goes on with the next
// row. A row is what encoding/csv reads as one record: usually a line, or
// several when a quoted field spans lines; rows are numbered from 1 after
// the header.
//
// It returns an error, and signs nothing, when the header is missing or
// wrong ([ErrHeader]) or cannot be read. An I/O error after the header
// stops reading and is returned with the report of the rows read so far,
// which are all accounted for.
func (in *Initiative) ImportCSV(r io.Reader) (ImportReport, error) {
	in.use.BeginWrite(misuse)
	defer in.use.EndWrite()
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // a short or long row is one malformed row, not a failure
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) || errors.As(err, new(*csv.ParseError)) {
			return ImportReport{}, fmt.Errorf("%w: %v", ErrHeader, err)
		}
		return ImportReport{}, err
	}
	if want := SheetHeader(); !slices.Equal(header, want) {
		return ImportReport{}, fmt.Errorf("%w: %q, want %q", ErrHeader, header, want)
	}
	var rep ImportReport
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
			rep.reject(rep.Rows, uuid.Nil, fmt.Errorf("%w: %v", ErrMalformedRow, pe.Err))
			if cr.InputOffset() == before {
				// encoding/csv consumes input on every error; stop rather
				// than loop should that ever change.
				return rep, err
			}
			continue
		}
		sig, err := parseSheetRow(fields)
		if err != nil {
			rep.reject(rep.Rows, sig.Person, err)
			continue
		}
		in.importRow(&rep, rep.Rows, sig)
	}
}

// parseSheetRow reads one data row of an offline sheet. On error the
// returned signature holds the person's ID if it could be read.
func parseSheetRow(f []string) (OfflineSignature, error) {
	var sig OfflineSignature
	if n := len(SheetHeader()); len(f) != n {
		return sig, fmt.Errorf("%w: %d fields, want %d", ErrMalformedRow, len(f), n)
	}
	id, err := uuid.Parse(f[0])
	if err != nil {
		return sig, fmt.Errorf("%w: person %q", ErrMalformedRow, f[0])
	}
	sig.Person = id
	if sig.At, err = time.Parse(time.RFC3339, f[1]); err != nil {
		return sig, fmt.Errorf("%w: signed_at %q", ErrMalformedRow, f[1])
	}
	band, err := sheetAgeBand(f[2])
	if err != nil {
		return sig, fmt.Errorf("%w: %w", ErrMalformedRow, err)
	}
	resident, err := strconv.ParseBool(f[5])
	if err != nil {
		return sig, fmt.Errorf("%w: resident %q", ErrMalformedRow, f[5])
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
