package intake

import (
	"fmt"
	"io"
)

// maxDepth is how deeply a JSON array element may nest.
const maxDepth = 512

// jsonArrayScanner splits a file holding one JSON array into its elements
// without decoding them, and without holding more than max bytes of one
// element. Unlike JSON Lines, a broken array cannot always be resumed: a
// structural mistake (a bracket that does not match, an unclosed array)
// ends the file with a fatal error.
type jsonArrayScanner struct {
	lr        *lineReader
	file      string
	max       int
	buf       []byte
	stack     []byte
	started   bool
	needComma bool
	done      bool
}

func (j *jsonArrayScanner) readByte() (byte, error) {
	c, err := j.lr.br.ReadByte()
	if err != nil {
		return 0, err
	}
	j.lr.off++
	if c == '\n' {
		j.lr.line++
	}
	return c, nil
}

func (j *jsonArrayScanner) skipSpace() (byte, error) {
	for {
		c, err := j.readByte()
		if err != nil {
			return 0, err
		}
		switch c {
		case ' ', '\t', '\r', '\n':
		default:
			return c, nil
		}
	}
}

// brokenError is a fatal flaw in a file's structure.
type brokenError struct {
	file   string
	line   int
	reason string
}

func (e *brokenError) Error() string { return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.reason) }

func (j *jsonArrayScanner) fatal(format string, a ...any) error {
	return &brokenError{j.file, j.lr.line + 1, fmt.Sprintf(format, a...)}
}

// next returns the next element and the line it starts on. Errors are
// *scanError (the element was too long; go on), io.EOF, or fatal.
func (j *jsonArrayScanner) next() ([]byte, int, error) {
	if j.done {
		return nil, 0, io.EOF
	}
	c, err := j.skipSpace()
	if !j.started {
		if err != nil || c != '[' {
			return nil, 0, j.fatal("a JSON file must hold one array of report objects or one object per line")
		}
		j.started = true
		c, err = j.skipSpace()
	}
	if err == io.EOF {
		return nil, 0, j.fatal("the JSON array is not closed (] is missing)")
	}
	if err != nil {
		return nil, 0, err
	}
	if c == ']' {
		j.done = true
		if c, err := j.skipSpace(); err == nil {
			return nil, 0, j.fatal("unexpected %q after the end of the JSON array", c)
		} else if err != io.EOF {
			return nil, 0, err
		}
		return nil, 0, io.EOF
	}
	if j.needComma {
		if c != ',' {
			return nil, 0, j.fatal("expected , or ] between array elements, found %q", c)
		}
		if c, err = j.skipSpace(); err != nil {
			if err == io.EOF {
				return nil, 0, j.fatal("the JSON array is not closed (] is missing)")
			}
			return nil, 0, err
		}
		if c == ']' {
			return nil, 0, j.fatal("a comma before ] is not allowed in JSON")
		}
	}
	j.needComma = true
	line := j.lr.line + 1
	j.buf = j.buf[:0]
	long := false
	put := func(b byte) {
		if long {
			return
		}
		if len(j.buf) >= j.max {
			long, j.buf = true, j.buf[:0]
			return
		}
		j.buf = append(j.buf, b)
	}
	if err := j.value(c, put); err != nil {
		if err == io.EOF {
			return nil, 0, &brokenError{j.file, line, "the array element starting here is not closed"}
		}
		return nil, 0, err
	}
	if long {
		return nil, line, &scanError{line: line, reason: fmt.Sprintf("array element longer than %s", sizeText(j.max)), code: RowTooLong, accepted: sizeText(j.max)}
	}
	return j.buf, line, nil
}

// value scans one JSON value that starts with c, passing its bytes to put.
func (j *jsonArrayScanner) value(c byte, put func(byte)) error {
	if c != '{' && c != '[' && c != '"' {
		// A bare number, true, false or null: up to a delimiter.
		put(c)
		for {
			c, err := j.readByte()
			if err != nil {
				return err
			}
			switch c {
			case ',', ']', ' ', '\t', '\r', '\n':
				if err := j.lr.br.UnreadByte(); err != nil {
					return err
				}
				j.lr.off--
				if c == '\n' {
					j.lr.line--
				}
				return nil
			}
			put(c)
		}
	}
	j.stack = j.stack[:0]
	var str jsonStrings
	for {
		put(c)
		switch {
		case !str.outside(c):
		case c == '{' || c == '[':
			if len(j.stack) >= maxDepth {
				return j.fatal("JSON nested deeper than %d levels", maxDepth)
			}
			j.stack = append(j.stack, c+2) // '{'+2 == '}', '['+2 == ']'
		case c == '}' || c == ']':
			if n := len(j.stack); n == 0 || j.stack[n-1] != c {
				return j.fatal("broken JSON: unexpected %q (a JSON array cannot be resumed after this; JSON Lines can)", c)
			}
			j.stack = j.stack[:len(j.stack)-1]
		}
		if !str.in && len(j.stack) == 0 {
			return nil
		}
		var err error
		if c, err = j.readByte(); err != nil {
			return err
		}
	}
}
