package casework

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// RowError is a problem with one row of a CSV file (or, line 1, with its
// header). Reading goes on after a RowError. Reason never repeats a
// personal value: it says what is wrong, not what was written.
type RowError struct {
	File   string
	Line   int
	Field  string // the column at fault; "" for the whole row
	Reason string
}

func (e *RowError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	b.WriteByte(':')
	b.WriteString(strconv.Itoa(e.Line))
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// maxRowBytes bounds one CSV row.
const maxRowBytes = 64 << 10

// csvTable reads a CSV file with a header row naming its columns.
type csvTable struct {
	file string
	r    *csv.Reader
	cols map[string]int
}

// newCSVTable reads the header: column names are matched without case or
// surrounding space (a UTF-8 byte order mark is dropped); required must
// all be there, and every column must be one of known.
func newCSVTable(file string, in io.Reader, required, known []string) (*csvTable, error) {
	r := csv.NewReader(in)
	r.ReuseRecord = true
	r.TrimLeadingSpace = true
	head, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, &RowError{File: file, Line: 1, Reason: "empty file: a header row is needed"}
	}
	if err != nil {
		return nil, &RowError{File: file, Line: 1, Reason: "unreadable header: " + csvReason(err)}
	}
	t := &csvTable{file: file, r: r, cols: map[string]int{}}
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !slices.Contains(known, h) {
			return nil, &RowError{File: file, Line: 1, Field: h,
				Reason: fmt.Sprintf("unknown column (known: %s)", strings.Join(known, ", "))}
		}
		if _, dup := t.cols[h]; dup {
			return nil, &RowError{File: file, Line: 1, Field: h, Reason: "column given twice"}
		}
		t.cols[h] = i
	}
	for _, c := range required {
		if _, ok := t.cols[c]; !ok {
			return nil, &RowError{File: file, Line: 1, Field: c, Reason: "missing column"}
		}
	}
	r.FieldsPerRecord = len(head)
	return t, nil
}

// row is one record: its line and a getter by column name.
type row struct {
	line   int
	fields []string
	cols   map[string]int
}

func (r row) get(col string) string {
	if i, ok := r.cols[col]; ok && i < len(r.fields) {
		return strings.TrimSpace(r.fields[i])
	}
	return ""
}

// next returns the next row; a malformed one is a *RowError (go on).
func (t *csvTable) next() (row, error) {
	rec, err := t.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return row{}, &RowError{File: t.file, Line: pe.StartLine, Reason: csvReason(err)}
		}
		return row{}, err
	}
	line, _ := t.r.FieldPos(0)
	n := 0
	for _, f := range rec {
		n += len(f)
	}
	if n > maxRowBytes {
		return row{}, &RowError{File: t.file, Line: line, Reason: fmt.Sprintf("row longer than %d bytes", maxRowBytes)}
	}
	return row{line: line, fields: rec, cols: t.cols}, nil
}

// csvReason says what encoding/csv found wrong, without the row's text.
func csvReason(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, csv.ErrFieldCount):
			return "wrong number of fields (not as many as the header's columns)"
		case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
			return "a quote out of place (a field with quotes, commas or line breaks must be quoted whole)"
		}
		return pe.Err.Error()
	}
	return err.Error()
}

// splitList splits a ;-separated cell.
func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ";") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
