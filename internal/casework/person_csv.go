package casework

import (
	"io"
	"strings"

	"counterscam/internal/store"
)

// PersonColumns are the columns of a persons CSV file. external_ref and
// name are required; the others may be left out or empty.
//
//	external_ref     the origin's own reference (unique per origin)
//	name             the name in the person's own script (Hangul, Khmer...)
//	name_latin       the Latin spelling as in the passport
//	date_of_birth    YYYY-MM-DD, YYYY-MM or YYYY
//	sex              M, F or X
//	nationality      ISO 3166-1 alpha-2 or alpha-3, or the country's name (readCountry)
//	passport_number  as printed
//	passport_status  held, held_by_captors, lost, invalidated, replaced, seized, expired
//	aliases          other names and nicknames, separated by ;
//	phones           separated by ;
//	languages        BCP 47 tags separated by ;
//	notes
var PersonColumns = []string{"external_ref", "name", "name_latin", "date_of_birth", "sex", "nationality",
	"passport_number", "passport_status", "aliases", "phones", "languages", "notes"}

// PersonRecord is one row of a persons file, ready for the service (which
// checks it again as it stores it).
type PersonRecord struct {
	File  string
	Line  int
	Input PersonInput
}

// PersonReader reads a persons CSV file row by row.
type PersonReader struct {
	t *csvTable
}

// NewPersonReader reads the header of a persons CSV file.
func NewPersonReader(file string, r io.Reader) (*PersonReader, error) {
	t, err := newCSVTable(file, r, []string{"external_ref", "name"}, PersonColumns)
	if err != nil {
		return nil, err
	}
	return &PersonReader{t: t}, nil
}

// Next returns the next row. A row that cannot be a person is a *RowError
// naming the column and the reason (read on); io.EOF ends the file.
func (pr *PersonReader) Next() (*PersonRecord, error) {
	r, err := pr.t.next()
	if err != nil {
		return nil, err
	}
	bad := func(field, reason string) (*PersonRecord, error) {
		return nil, &RowError{File: pr.t.file, Line: r.line, Field: field, Reason: reason}
	}
	in := PersonInput{ExternalRef: r.get("external_ref"), DOB: r.get("date_of_birth"), Sex: r.get("sex"), Notes: r.get("notes")}
	if in.ExternalRef == "" {
		return bad("external_ref", "missing")
	}
	name, latin := r.get("name"), r.get("name_latin")
	if name == "" {
		return bad("name", "missing")
	}
	in.Names = append(in.Names, store.PersonName{Kind: "primary", Text: name})
	if latin != "" && latin != name {
		in.Names = append(in.Names, store.PersonName{Kind: "passport", Script: "Latn", Text: latin})
	}
	for _, a := range splitList(r.get("aliases")) {
		in.Names = append(in.Names, store.PersonName{Kind: "alias", Text: a})
	}
	if _, err := ParseDOB(in.DOB); err != nil {
		return bad("date_of_birth", err.Error())
	}
	if _, err := normSex(in.Sex); err != nil {
		return bad("sex", "not M, F or X")
	}
	if nat := r.get("nationality"); nat != "" {
		cc, err := readCountry("nationality", nat)
		if err != nil {
			return bad("nationality", err.(*FieldError).Reason)
		}
		in.Nationalities = []string{cc}
	}
	if num := r.get("passport_number"); num != "" {
		d := store.IdentityDocument{Type: "passport", Number: num, Status: strings.ToLower(r.get("passport_status"))}
		if len(in.Nationalities) > 0 {
			d.Country = in.Nationalities[0]
		}
		if _, err := checkDocument(d); err != nil {
			fe := err.(*FieldError)
			field := fe.Field
			if field == "document_status" { // the file's name for it
				field = "passport_status"
			}
			return bad(field, fe.Reason)
		}
		in.Documents = []store.IdentityDocument{d}
	} else if r.get("passport_status") != "" {
		return bad("passport_status", "given without a passport_number")
	}
	for _, ph := range splitList(r.get("phones")) {
		in.Selectors = append(in.Selectors, SelectorInput{Value: ph, Kind: "phone"})
	}
	in.Languages = splitList(r.get("languages"))
	return &PersonRecord{File: pr.t.file, Line: r.line, Input: in}, nil
}
