package intake

import (
	"bufio"
	"errors"
	"io"
)

// errLong says a line went past the limit; the rest of it has been skipped.
var errLong = errors.New("line too long")

// lineReader reads physical lines with a limit on their length, counting
// lines and bytes. A line longer than the limit is skipped up to its end
// without ever being held in memory whole.
type lineReader struct {
	br   *bufio.Reader
	off  int64 // bytes consumed
	line int   // lines consumed
	buf  []byte
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10)}
}

// skipBOM drops a UTF-8 byte order mark at the start of the input.
func (l *lineReader) skipBOM() error {
	b, err := l.br.Peek(3)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return err
	}
	if len(b) == 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		l.br.Discard(3)
		l.off += 3
	}
	return nil
}

// next returns the next line without its "\n" or "\r\n", valid until the
// following call. A line longer than max bytes is skipped through its
// newline and errLong returned. At the end of the input it returns io.EOF.
func (l *lineReader) next(max int) ([]byte, error) {
	l.buf = l.buf[:0]
	for {
		frag, err := l.br.ReadSlice('\n')
		l.off += int64(len(frag))
		switch err {
		case nil:
			l.line++
			line := frag
			if len(l.buf) > 0 {
				l.buf = append(l.buf, frag...)
				line = l.buf
			}
			line = trimEOL(line[:len(line)-1])
			if len(line) > max {
				return nil, errLong
			}
			return line, nil
		case bufio.ErrBufferFull:
			// +1 leaves room for a '\r' that trimEOL will drop.
			if len(l.buf)+len(frag) > max+1 {
				return nil, l.skip()
			}
			l.buf = append(l.buf, frag...)
		default:
			if len(frag) == 0 && len(l.buf) == 0 {
				return nil, err
			}
			if err != io.EOF {
				return nil, err
			}
			l.line++ // a last line without a newline
			line := trimEOL(append(l.buf, frag...))
			if len(line) > max {
				return nil, errLong
			}
			return line, nil
		}
	}
}

// skip discards input through the next newline and returns errLong.
func (l *lineReader) skip() error {
	for {
		frag, err := l.br.ReadSlice('\n')
		l.off += int64(len(frag))
		switch err {
		case nil:
			l.line++
			return errLong
		case bufio.ErrBufferFull:
		case io.EOF:
			l.line++
			return errLong
		default:
			return err
		}
	}
}

func trimEOL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\r' {
		return b[:n-1]
	}
	return b
}
