package casework

import (
	"errors"
	"io"

	"counterscam/internal/match"
)

// PartnerColumns are the columns of a partner's arrest or deportation
// list. row_ref and name_latin are required.
//
//	row_ref          the partner's reference of the row (unique in the file)
//	name_latin       the name as the partner spelled it
//	date_of_birth    as the partner wrote it (1990-03-05, 05/03/1990, 5 Mar 1990, 1990-03, 1990 ...)
//	nationality      ISO 3166-1 alpha-2 or alpha-3, or the country's name (readCountry)
//	passport_number  may be empty
//	place_of_arrest
var PartnerColumns = []string{"row_ref", "name_latin", "date_of_birth", "nationality", "passport_number", "place_of_arrest"}

// MaxPartnerRows bounds a partner list.
const MaxPartnerRows = 200_000

// ReadPartnerList reads a partner's list. Rows that cannot be read are
// returned as *RowError (file, line, column, reason) and left out; any
// other error stops the reading.
func ReadPartnerList(file string, r io.Reader) ([]PartnerRow, []*RowError, error) {
	t, err := newCSVTable(file, r, []string{"row_ref", "name_latin"}, PartnerColumns)
	var re *RowError
	if errors.As(err, &re) {
		return nil, []*RowError{re}, nil
	}
	if err != nil {
		return nil, nil, err
	}
	var rows []PartnerRow
	var rejects []*RowError
	seen := map[string]int{}
	for {
		rw, err := t.next()
		if errors.Is(err, io.EOF) {
			return rows, rejects, nil
		}
		if errors.As(err, &re) {
			rejects = append(rejects, re)
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		bad := func(field, reason string) {
			rejects = append(rejects, &RowError{File: file, Line: rw.line, Field: field, Reason: reason})
		}
		p := PartnerRow{Line: rw.line, RowRef: rw.get("row_ref"), NameLatin: rw.get("name_latin"),
			PassportNumber: rw.get("passport_number"), PlaceOfArrest: rw.get("place_of_arrest")}
		switch {
		case p.RowRef == "":
			bad("row_ref", "missing")
			continue
		case len(p.RowRef) > maxText:
			bad("row_ref", "too long")
			continue
		case seen[p.RowRef] != 0:
			bad("row_ref", "the same reference is on an earlier row")
			continue
		case p.NameLatin == "":
			bad("name_latin", "missing")
			continue
		case len(p.NameLatin) > maxText:
			bad("name_latin", "too long")
			continue
		}
		if d := rw.get("date_of_birth"); d != "" {
			if p.DOB, err = match.ParseDate(d); err != nil {
				bad("date_of_birth", "not a date of birth the partner lists use")
				continue
			}
		}
		if nat := rw.get("nationality"); nat != "" {
			if p.Nationality, err = readCountry("nationality", nat); err != nil {
				bad("nationality", err.(*FieldError).Reason)
				continue
			}
		}
		if len(p.PassportNumber) > 40 {
			bad("passport_number", "too long")
			continue
		}
		if len(rows) == MaxPartnerRows {
			bad("", "more rows than a list may have")
			return rows, rejects, nil
		}
		seen[p.RowRef] = rw.line
		rows = append(rows, p)
	}
}
