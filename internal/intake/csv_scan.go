package intake

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
)

// csvScanner reads CSV records (RFC 4180: quoted fields may hold commas,
// doubled quotes and line breaks) with a limit on a record's size, so a
// huge or broken record never sits in memory whole. encoding/csv is not
// used because it buffers a whole record, however long.
//
// It is lenient where that loses nothing (a quote inside an unquoted field
// is kept as is; blank lines are skipped) and strict where a mistake would
// shift fields (text after a closing quote is an error).
//
// After a record that is too long, scanning resumes at the next line
// break, whatever the quoting state: that is where a forgotten closing
// quote is most likely to have been meant.
type csvScanner struct {
	lr     *lineReader
	comma  byte
	max    int
	rec    []byte
	ends   []int
	fields []string
}

// scanError is a problem with one record; scanning can go on.
type scanError struct {
	line   int
	reason string
	// code, value and accepted, when set, are the RowError's (see RowCode).
	code     RowCode
	value    string
	accepted string
}

func (e *scanError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.reason) }

// read returns the fields of the next record and the line it starts on.
// Errors are *scanError (go on), io.EOF, or a read error.
func (s *csvScanner) read() ([]string, int, error) {
	var ln []byte
	var line int
	for {
		line = s.lr.line + 1
		var err error
		ln, err = s.lr.next(s.max)
		if err == errLong {
			return nil, line, &scanError{line: line, reason: fmt.Sprintf("record longer than %s", sizeText(s.max)), code: RowTooLong, accepted: sizeText(s.max)}
		}
		if err != nil {
			return nil, line, err
		}
		if len(ln) > 0 {
			break
		}
	}
	s.rec, s.ends = s.rec[:0], s.ends[:0]
	pos, col := 0, 1
	for {
		if pos < len(ln) && ln[pos] == '"' {
			pos++
			for {
				i := bytes.IndexByte(ln[pos:], '"')
				if i < 0 {
					// The quoted field goes on past the line break.
					s.rec = append(s.rec, ln[pos:]...)
					s.rec = append(s.rec, '\n')
					var err error
					ln, err = s.lr.next(s.max - len(s.rec))
					switch err {
					case nil:
					case errLong:
						return nil, line, &scanError{line: line, reason: fmt.Sprintf("record longer than %s (is a closing quote missing in column %d?)", sizeText(s.max), col),
							code: RowQuoteTooLong, value: strconv.Itoa(col), accepted: sizeText(s.max)}
					case io.EOF:
						return nil, line, &scanError{line: line, reason: fmt.Sprintf("the quoted field in column %d is not closed before the end of the file", col),
							code: RowUnclosedQuote, value: strconv.Itoa(col)}
					default:
						return nil, line, err
					}
					pos = 0
					continue
				}
				s.rec = append(s.rec, ln[pos:pos+i]...)
				pos += i + 1
				if pos < len(ln) && ln[pos] == '"' {
					s.rec = append(s.rec, '"')
					pos++
					continue
				}
				break
			}
			s.ends = append(s.ends, len(s.rec))
			if pos == len(ln) {
				break
			}
			if ln[pos] != s.comma {
				return nil, line, &scanError{line: line, reason: fmt.Sprintf("column %d: text after a closing quote (a quote inside a quoted field is written twice: \"\")", col),
					code: RowTextAfterQuote, value: strconv.Itoa(col)}
			}
			pos++
			col++
			continue
		}
		i := bytes.IndexByte(ln[pos:], s.comma)
		if i < 0 {
			s.rec = append(s.rec, ln[pos:]...)
			s.ends = append(s.ends, len(s.rec))
			break
		}
		s.rec = append(s.rec, ln[pos:pos+i]...)
		s.ends = append(s.ends, len(s.rec))
		pos += i + 1
		col++
	}
	all := string(s.rec)
	s.fields = s.fields[:0]
	start := 0
	for _, end := range s.ends {
		s.fields = append(s.fields, all[start:end])
		start = end
	}
	return s.fields, line, nil
}

func sizeText(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
