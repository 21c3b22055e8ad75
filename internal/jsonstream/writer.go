// Package jsonstream writes a JSON document whose arrays are too long to
// hold in memory (the objects of a STIX bundle, the attributes of a MISP
// event): the text around the arrays as is, and each element as it comes.
package jsonstream

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"
)

// Writer writes one document. The first error stops it; Flush reports it.
type Writer struct {
	w     *bufio.Writer
	first bool
	err   error
}

// New starts a document on w.
func New(w io.Writer) *Writer { return &Writer{w: bufio.NewWriterSize(w, 64<<10)} }

// Text writes s as is. After a text that ends in "[", the next element is
// the first of an array.
func (x *Writer) Text(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
		x.first = strings.HasSuffix(s, "[")
	}
}

// Element writes v as the next element of the array being written, on a
// line of its own.
func (x *Writer) Element(v any) {
	if x.err != nil {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		x.err = err
		return
	}
	if !x.first {
		x.w.WriteByte(',')
	}
	x.first = false
	x.w.WriteByte('\n')
	_, x.err = x.w.Write(b)
}

// Err is the first error met.
func (x *Writer) Err() error { return x.err }

// Flush writes out what is buffered, or returns the first error met.
func (x *Writer) Flush() error {
	if x.err != nil {
		return x.err
	}
	return x.w.Flush()
}
