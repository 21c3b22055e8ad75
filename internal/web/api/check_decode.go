package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"unicode/utf8"
)

// readCheck reads a public check's body. The usual body, {"query": "...",
// "region": "..."} with plain strings, is parsed by decodeCheckFast; any
// other goes through readJSON's decoder, which words the errors. Both
// give the same request for every body the fast one takes.
func readCheck(w http.ResponseWriter, r *http.Request, req *checkRequest) error {
	bp := bufPool.Get().(*[]byte)
	defer bufPool.Put(bp)
	b, err := readAllInto((*bp)[:0], http.MaxBytesReader(w, r.Body, maxCheckBody))
	*bp = b[:0]
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return &httpError{Code: http.StatusRequestEntityTooLarge, Msg: "request body larger than the limit of " + formatBytes(maxCheckBody)}
		}
		return &httpError{Code: http.StatusBadRequest, Msg: "reading the body: " + err.Error()}
	}
	if fast, ok := decodeCheckFast(b); ok {
		*req = fast
		return nil
	}
	return decodeJSON(bytes.NewReader(b), maxCheckBody, req)
}

// readAllInto appends everything rd yields to b.
func readAllInto(b []byte, rd io.Reader) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := rd.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// decodeCheckFast parses a check body made of an object whose members are
// only "query" and "region" (spelt so), each a string without escapes,
// control characters or invalid UTF-8, with JSON whitespace around: as
// encoding/json does (a repeated member: the last one). ok is false for
// any other body, well-formed or not.
func decodeCheckFast(b []byte) (req checkRequest, ok bool) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return req, false
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return req, skipSpace(b, i+1) == len(b)
	}
	for {
		key, j, ok := plainString(b, i)
		if !ok {
			return req, false
		}
		i = skipSpace(b, j)
		if i >= len(b) || b[i] != ':' {
			return req, false
		}
		val, j, ok := plainString(b, skipSpace(b, i+1))
		if !ok {
			return req, false
		}
		switch string(key) {
		case "query":
			req.Query = string(val)
		case "region":
			req.Region = string(val)
		default:
			return req, false
		}
		i = skipSpace(b, j)
		if i >= len(b) {
			return req, false
		}
		switch b[i] {
		case ',':
			i = skipSpace(b, i+1)
		case '}':
			return req, skipSpace(b, i+1) == len(b)
		default:
			return req, false
		}
	}
}

// skipSpace returns the index of the first byte at or after i that is not
// JSON whitespace.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// plainString reads a JSON string at b[i] that needs no unescaping: its
// contents and the index after it.
func plainString(b []byte, i int) ([]byte, int, bool) {
	if i >= len(b) || b[i] != '"' {
		return nil, i, false
	}
	end := bytes.IndexByte(b[i+1:], '"')
	if end < 0 {
		return nil, i, false
	}
	s := b[i+1 : i+1+end]
	for _, c := range s {
		if c < 0x20 || c == '\\' {
			return nil, i, false
		}
	}
	if !utf8.Valid(s) {
		return nil, i, false
	}
	return s, i + 2 + end, true
}

// decodeJSON decodes one JSON value from rd (limited to limit bytes) into
// v, refusing unknown fields and trailing data, with a message a client
// can act on.
func decodeJSON(rd io.Reader, limit int64, v any) error {
	dec := json.NewDecoder(rd)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &mbe):
			return &httpError{Code: http.StatusRequestEntityTooLarge, Msg: "request body larger than the limit of " + formatBytes(limit)}
		case errors.As(err, &se):
			return &httpError{Code: http.StatusBadRequest, Msg: "malformed JSON at byte " + itoa(se.Offset)}
		case errors.As(err, &te):
			return &httpError{Code: http.StatusBadRequest, Msg: "field " + te.Field + ": expected " + te.Type.String()}
		default:
			return &httpError{Code: http.StatusBadRequest, Msg: "malformed JSON: " + err.Error()}
		}
	}
	if dec.More() {
		return &httpError{Code: http.StatusBadRequest, Msg: "malformed JSON: more than one value in the body"}
	}
	return nil
}
