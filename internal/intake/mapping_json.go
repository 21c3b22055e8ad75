package intake

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"
)

// jkind is the kind of a JSON value.
type jkind int

const (
	jNull jkind = iota
	jString
	jScalar // a number or a boolean
	jObject
	jArray
)

// jnode is one value of a mapping file and the line it starts on; an
// object keeps its members in the file's order with their keys' lines.
// Containers nested deeper than a mapping has any are read but not kept.
type jnode struct {
	kind     jkind
	line     int
	str      string
	keys     []string
	keyLines []int
	vals     []*jnode
}

// jparser reads a mapping file into jnodes, knowing each token's line.
type jparser struct {
	d     *json.Decoder
	data  []byte
	lines []int // offsets of the line breaks
}

// mappingKeep is how deep a mapping's containers go: the file's object,
// a setting's object, a column's target or a field's translations.
const mappingKeep = 3

// parseMappingJSON reads data as one JSON value and nothing after it.
func parseMappingJSON(data []byte) (*jnode, error) {
	// A byte-order mark, as some editors on Windows write, is no mistake:
	// skipped as the CSV reader skips it.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	p := &jparser{d: json.NewDecoder(bytes.NewReader(data)), data: data}
	for i, c := range data {
		if c == '\n' {
			p.lines = append(p.lines, i)
		}
	}
	n, err := p.value(0)
	if err != nil {
		if errors.Is(err, io.EOF) && n == nil && len(bytes.TrimSpace(data)) == 0 {
			return nil, &MappingError{Code: MapEmpty, Line: 1, text: "the file holds nothing (a mapping file is one JSON object)"}
		}
		return nil, p.syntaxError(err)
	}
	off := p.d.InputOffset()
	if _, err := p.d.Token(); !errors.Is(err, io.EOF) {
		return nil, &MappingError{Code: MapTrailing, Line: p.lineAt(off, true),
			text: "there is more after the mapping's closing } (a mapping file is one JSON object)"}
	}
	return n, nil
}

// syntaxError says where the JSON went wrong.
func (p *jparser) syntaxError(err error) *MappingError {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		off := max(se.Offset-1, 0)
		return &MappingError{Code: MapSyntax, Line: p.lineAt(off, false), text: se.Error()}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		// The line of the file's last character: where to add what is
		// missing (not the empty line after a final line break).
		last := len(bytes.TrimRight(p.data, " \t\r\n")) - 1
		return &MappingError{Code: MapTruncated, Line: p.lineAt(int64(max(last, 0)), false),
			text: "unexpected EOF: the file ends before its JSON is complete (a } ] or \" may be missing)"}
	}
	return &MappingError{Code: MapSyntax, Line: p.lineAt(p.d.InputOffset(), true), text: err.Error()}
}

// lineAt is the line of the byte at off; with skip, of the next token
// from off (past spaces, commas and colons).
func (p *jparser) lineAt(off int64, skip bool) int {
	i := int(min(off, int64(len(p.data))))
	for skip && i < len(p.data) && bytes.IndexByte([]byte(" \t\r\n,:"), p.data[i]) >= 0 {
		i++
	}
	return 1 + sort.SearchInts(p.lines, i)
}

func (p *jparser) value(depth int) (*jnode, error) {
	off := p.d.InputOffset()
	tok, err := p.d.Token()
	if err != nil {
		return nil, err
	}
	n := &jnode{line: p.lineAt(off, true)}
	switch t := tok.(type) {
	case string:
		n.kind, n.str = jString, t
	case nil:
		n.kind = jNull
	case json.Delim:
		n.kind = jObject
		if t == '[' {
			n.kind = jArray
		}
		if depth >= mappingKeep {
			return n, p.skip()
		}
		for p.d.More() {
			if n.kind == jObject {
				koff := p.d.InputOffset()
				k, err := p.d.Token()
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, k.(string))
				n.keyLines = append(n.keyLines, p.lineAt(koff, true))
			}
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			n.vals = append(n.vals, v)
		}
		if _, err := p.d.Token(); err != nil {
			return nil, err
		}
	default:
		n.kind = jScalar
	}
	return n, nil
}

// skip reads the rest of a container just opened, without recursion.
func (p *jparser) skip() error {
	for depth := 1; depth > 0; {
		tok, err := p.d.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}
