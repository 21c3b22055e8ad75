package intake

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Reader reads the records of one file, one at a time, holding at most one
// record in memory.
type Reader struct {
	name   string
	format Format
	m      *Mapping
	b      builder
	lr     *lineReader
	max    int
	row    rawRow

	// CSV
	csv  *csvScanner
	cols []column

	// JSON: nil for JSON Lines
	arr *jsonArrayScanner

	fatal error // once set, Next returns it
}

// column is where one CSV column's values go.
type column struct {
	name     string
	field    fieldID
	ignore   bool
	unnamed  bool // a column without a name: ignored, but its cells must be empty
	kind     string
	role     string
	selector bool
}

// NewReader starts reading a file of reports. name is used for format
// detection and in errors; format Auto detects it from name's extension,
// else from the first character (a '{' or '[' means JSON). m may be nil.
//
// For CSV, NewReader reads the header and returns a *RowError when it has a
// column that is neither a field nor mapped, when two columns give the same
// field, or when nothing gives a required field (external_ref, origin,
// received_at, scam_type).
func NewReader(name string, r io.Reader, format Format, m *Mapping) (*Reader, error) {
	return newReader(name, r, format, m, MaxRecordBytes)
}

func newReader(name string, r io.Reader, format Format, m *Mapping, max int) (*Reader, error) {
	if m != nil {
		mc := *m
		if err := mc.check(); err != nil {
			return nil, fmt.Errorf("mapping: %v", err)
		}
		m = &mc
	}
	rd := &Reader{name: name, format: format, m: m, b: builder{file: name, m: m}, lr: newLineReader(r), max: max}
	if err := rd.lr.skipBOM(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if rd.format == Auto {
		rd.format = FormatOf(name)
	}
	first, err := rd.firstByte()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if rd.format == Auto {
		rd.format = CSV
		if first == '{' || first == '[' {
			rd.format = JSONL
		}
	}
	switch rd.format {
	case CSV:
		comma := byte(',')
		if strings.EqualFold(filepath.Ext(name), ".tsv") {
			comma = '\t'
		}
		if m != nil && m.Delimiter != "" {
			comma = m.Delimiter[0]
		}
		rd.csv = &csvScanner{lr: rd.lr, comma: comma, max: max}
		if err := rd.readHeader(); err != nil {
			return nil, err
		}
	case JSONL:
		if first == '{' {
			if what := foreignFormat(rd.peekHead(4096), m); what != "" {
				return nil, &ForeignFormatError{File: name, What: what}
			}
		}
		if first == '[' {
			rd.arr = &jsonArrayScanner{lr: rd.lr, file: name, max: max}
		}
	default:
		return nil, fmt.Errorf("%s: unknown format %q", name, format)
	}
	return rd, nil
}

// firstByte peeks at the first byte that is not white space (0 if there is
// none in the first 64 KiB).
func (rd *Reader) firstByte() (byte, error) {
	for n := 1; n <= 64<<10; n++ {
		b, err := rd.lr.br.Peek(n)
		if len(b) < n {
			if err == io.EOF || err == bufio.ErrBufferFull {
				return 0, nil
			}
			return 0, err
		}
		switch b[n-1] {
		case ' ', '\t', '\r', '\n':
		default:
			return b[n-1], nil
		}
	}
	return 0, nil
}

// Format returns the format being read.
func (rd *Reader) Format() Format { return rd.format }

// Offset returns how many bytes of the input have been consumed, for a
// progress bar.
func (rd *Reader) Offset() int64 { return rd.lr.off }

// Next returns the next record. A *RowError means this record is rejected
// and reading can go on; io.EOF means the end; any other error is fatal
// (a read error, or a JSON array broken beyond repair), and Next keeps
// returning it.
func (rd *Reader) Next() (*Record, error) {
	if rd.fatal != nil {
		return nil, rd.fatal
	}
	rec, err := rd.next()
	if err != nil && err != io.EOF {
		var re *RowError
		if !errors.As(err, &re) {
			rd.fatal = err
		}
	}
	return rec, err
}

func (rd *Reader) next() (*Record, error) {
	switch {
	case rd.csv != nil:
		return rd.nextCSV()
	case rd.arr != nil:
		data, line, err := rd.arr.next()
		if err != nil {
			return nil, rd.scanErr(err)
		}
		return rd.jsonRecord(data, line)
	}
	for {
		line := rd.lr.line + 1
		ln, err := rd.lr.next(rd.max)
		if err == errLong {
			return nil, &RowError{File: rd.name, Line: line, Reason: fmt.Sprintf("line longer than %s", sizeText(rd.max)),
				Code: RowTooLong, Accepted: sizeText(rd.max)}
		}
		if err != nil {
			return nil, rd.scanErr(err)
		}
		if len(strings.TrimSpace(string(ln))) == 0 {
			continue
		}
		return rd.jsonRecord(ln, line)
	}
}

// scanErr turns a scanner's error into Next's.
func (rd *Reader) scanErr(err error) error {
	var se *scanError
	var be *brokenError
	switch {
	case err == io.EOF:
		return io.EOF
	case errors.As(err, &se):
		return &RowError{File: rd.name, Line: se.line, Reason: se.reason, Code: se.code, Value: se.value, Accepted: se.accepted}
	case errors.As(err, &be):
		return err
	}
	return fmt.Errorf("%s: %w", rd.name, err)
}
