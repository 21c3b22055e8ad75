package intake

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// readHeader reads the CSV header and decides where each column goes.
func (rd *Reader) readHeader() error {
	names, line, err := rd.csv.read()
	if err != nil {
		if se, ok := err.(*scanError); ok {
			return &RowError{File: rd.name, Line: se.line, Reason: "header: " + se.reason, Code: se.code, Value: se.value, Accepted: se.accepted}
		}
		if err == io.EOF {
			return &RowError{File: rd.name, Line: 1, Reason: "the file is empty (a CSV file starts with a header line)", Code: RowEmptyFile}
		}
		return fmt.Errorf("%s: %w", rd.name, err)
	}
	hdrErr := func(field, reason string) *RowError {
		return &RowError{File: rd.name, Line: line, Field: field, Reason: reason}
	}
	rd.cols = make([]column, len(names))
	given := map[fieldID]string{}
	var unknown []string
	for i, raw := range names {
		if e := checkTextCode(raw, false); e != nil {
			e.File, e.Line, e.Field, e.Reason = rd.name, line, fmt.Sprintf("column %d", i+1), "name "+e.Reason
			return e
		}
		name := strings.TrimSpace(raw)
		c := column{name: name}
		t, mapped := rd.m.target(name)
		switch {
		case mapped && t.Field == "-":
			c.ignore = true
		case mapped:
			c.field, _ = fieldByName(t.Field)
			c.kind, c.role = t.Kind, t.Role
		case name == "":
			c.ignore, c.unnamed = true, true
		default:
			f, ok := fieldByName(strings.ToLower(name))
			if !ok || f == fLosses {
				unknown = append(unknown, name)
				continue
			}
			c.field = f
		}
		if !c.ignore {
			if c.field == fLosses {
				e := hdrErr(name, "losses is for JSON only; a CSV file gives loss_amount and loss_currency")
				e.Code = RowLossesInCSV
				return e
			}
			c.selector = c.field == fSelectors
			if prev, dup := given[c.field]; dup && !c.selector {
				e := hdrErr(name, fmt.Sprintf("gives %s, as column %s does already", c.field, quote(prev)))
				e.Code, e.Value = RowDuplicateColumn, prev
				return e
			}
			given[c.field] = name
		}
		rd.cols[i] = c
	}
	if len(unknown) > 0 {
		reason := fmt.Sprintf("unknown column (a mapping file can map it to a field or ignore it with \"-\"; the fields are %s)", strings.Join(Columns, ", "))
		if len(unknown) > 1 {
			reason += "; other unknown columns: " + strings.Join(unknown[1:], ", ")
		}
		e := hdrErr(unknown[0], reason)
		e.Code, e.Accepted = RowUnknownColumn, strings.Join(Columns, ", ")
		return e
	}
	for _, f := range requiredFields {
		if _, ok := given[f]; !ok && (rd.m == nil || strings.TrimSpace(rd.m.Defaults[f.String()]) == "") {
			e := hdrErr(f.String(), "no column gives it (add the column, or map one to it in a mapping file)")
			e.Code = RowNoColumn
			return e
		}
	}
	return nil
}

// nextCSV reads the next CSV record.
func (rd *Reader) nextCSV() (*Record, error) {
	fields, line, err := rd.csv.read()
	if err != nil {
		return nil, rd.scanErr(err)
	}
	if len(fields) != len(rd.cols) {
		return nil, &RowError{File: rd.name, Line: line, Reason: fmt.Sprintf("has %d fields; the header has %d", len(fields), len(rd.cols)),
			Code: RowFieldCount, Value: strconv.Itoa(len(fields)), Accepted: strconv.Itoa(len(rd.cols))}
	}
	row := &rd.row
	row.reset()
	sep := rd.m.selectorSeparator()
	for i, v := range fields {
		c := &rd.cols[i]
		switch {
		case c.unnamed:
			if strings.TrimSpace(v) != "" {
				return nil, &RowError{File: rd.name, Line: line, Field: fmt.Sprintf("column %d", i+1), Reason: "the column has no name in the header but holds a value here", Code: RowUnnamedValue}
			}
		case c.ignore:
		case c.selector:
			row.splitSelectors(v, sep, c.kind, c.role)
		default:
			row.val[c.field], row.has[c.field] = v, true
		}
	}
	rec, rerr := rd.b.build(row, line)
	if rerr != nil {
		return nil, rerr
	}
	return rec, nil
}
