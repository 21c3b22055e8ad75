package jsonstream

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
)

// TestArrays: two arrays, one empty, written element by element, make one
// JSON document with the elements in order.
func TestArrays(t *testing.T) {
	var buf bytes.Buffer
	w := New(&buf)
	w.Text(`{"a":[`)
	w.Element(map[string]int{"n": 1})
	w.Element("two")
	w.Text("\n],\"b\":[")
	w.Text("\n]}")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		A []any
		B []any
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil || len(doc.A) != 2 || doc.A[1] != "two" || len(doc.B) != 0 {
		t.Fatalf("%v %+v\n%s", err, doc, buf.Bytes())
	}
	if want := "{\"a\":[\n{\"n\":1},\n\"two\"\n],\"b\":[\n]}"; buf.String() != want {
		t.Errorf("%q; want %q", buf.String(), want)
	}
}

// TestErrorStops: a value that does not marshal stops the document, and
// Flush says why.
func TestErrorStops(t *testing.T) {
	var buf bytes.Buffer
	w := New(&buf)
	w.Text("[")
	w.Element(func() {})
	w.Element(1)
	var unsupported *json.UnsupportedTypeError
	if err := w.Flush(); !errors.As(err, &unsupported) || buf.Len() != 0 {
		t.Errorf("Flush: %v, %q written", err, buf.String())
	}
}
