package intake

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// RowError is a problem with one record (or, from NewReader, with the
// header). Reading goes on after a RowError; any other error from Next is
// fatal.
//
// Reason never quotes personal data: values of the narrative, victim_ref,
// selectors and contact fields are described, not repeated.
type RowError struct {
	File   string
	Line   int
	Field  string // the field or column at fault; "" for the whole record
	Reason string
}

func (e *RowError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
	} else {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// RejectHeader is the first line of a reject file.
const RejectHeader = "file\tline\tfield\treason\n"

// WriteReject writes e as one line of a tab-separated reject file: file,
// line, field, reason. It writes no data from the rejected record beyond
// what Reason says (see RowError), so a reject file can be handled like a
// log. Tabs and line breaks inside the values become spaces.
func WriteReject(w io.Writer, e *RowError) error {
	_, err := fmt.Fprintf(w, "%s\t%d\t%s\t%s\n", tsvClean(e.File), e.Line, tsvClean(e.Field), tsvClean(e.Reason))
	return err
}

func tsvClean(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.NewReplacer("\t", " ", "\r", " ", "\n", " ").Replace(s)
}

// quote shows a non-personal value in a reason: single-quoted, control
// characters escaped, cut to 40 characters.
func quote(v string) string {
	r := []rune(v)
	cut := false
	if len(r) > 40 {
		r, cut = r[:40], true
	}
	q := strconv.QuoteToGraphic(string(r))
	q = q[1 : len(q)-1]
	if cut {
		q += "…"
	}
	return "'" + q + "'"
}
