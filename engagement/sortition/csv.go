package sortition

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ReadPool reads a pool from CSV (RFC 4180, comma-separated, first row a
// header): the columns id and household, then one column per feature,
// named by the feature:
//
//	id,household,sex,age,area
//	P001,H17,female,25-34,north
//	P002,,male,65-74,centre
//
// Cells are taken as written (no trimming; [NewPool] refuses padded
// values). An empty household is a household of one. Errors name the
// line: malformed CSV or a header that does not start with id,household
// ([ErrInvalid]), and every error of [NewPool], which names the
// respondent by position (respondents[0] is line 2).
func ReadPool(r io.Reader) (*Pool, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err != nil {
		return nil, csvErr("pool", err)
	}
	if len(header) < 2 || header[0] != "id" || header[1] != "household" {
		return nil, fieldErr("pool line 1", strings.Join(header, ","), ErrInvalid)
	}
	features := header[2:]
	var rs []Respondent
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvErr("pool", err)
		}
		rs = append(rs, Respondent{ID: rec[0], Household: rec[1], Values: rec[2:]})
	}
	return NewPool(features, rs)
}

// ReadQuotas reads quotas from CSV (RFC 4180, first row the header
// feature,value,min,max):
//
//	feature,value,min,max
//	sex,female,9,11
//	sex,male,9,11
//
// It returns [ErrInvalid] for malformed CSV, a wrong header or a bound that
// is not a whole number, naming the line; [Spec.Validate] checks the rest.
func ReadQuotas(r io.Reader) ([]Quota, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 4
	header, err := cr.Read()
	if err != nil {
		return nil, csvErr("quotas", err)
	}
	if strings.Join(header, ",") != "feature,value,min,max" {
		return nil, fieldErr("quotas line 1", strings.Join(header, ","), ErrInvalid)
	}
	var qs []Quota
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return qs, nil
		}
		if err != nil {
			return nil, csvErr("quotas", err)
		}
		q := Quota{Feature: rec[0], Value: rec[1]}
		if q.Min, err = strconv.Atoi(rec[2]); err != nil {
			return nil, fieldErr(fmt.Sprintf("quotas line %d min", line), rec[2], ErrInvalid)
		}
		if q.Max, err = strconv.Atoi(rec[3]); err != nil {
			return nil, fieldErr(fmt.Sprintf("quotas line %d max", line), rec[3], ErrInvalid)
		}
		qs = append(qs, q)
	}
}

// csvErr wraps an error of encoding/csv (or of the reader) in
// ErrInvalid, keeping it in the chain.
func csvErr(what string, err error) error {
	if errors.Is(err, io.EOF) {
		return fieldErr(what, "empty", ErrInvalid)
	}
	return fmt.Errorf("%w: %s: %w", ErrInvalid, what, err)
}
