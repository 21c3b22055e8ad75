package intake

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// jsonRecord decodes one JSON object into a record.
func (r *Reader) jsonRecord(data []byte, line int) (*Record, error) {
	failCode := func(code RowCode, field, accepted, reason string) (*Record, error) {
		return nil, &RowError{File: r.name, Line: line, Field: field, Reason: reason, Code: code, Accepted: accepted}
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil || obj == nil {
		reason := "is not a JSON object"
		var se *json.SyntaxError
		if err != nil && asSyntax(err, &se) {
			reason = "is not valid JSON: " + se.Error()
		}
		return failCode(RowNotJSON, "", "", reason)
	}
	if jsonMembers(data) != len(obj) {
		// A name given twice: decoding kept the last value and
		// dropped the other without a word.
		if k := duplicateName(data); k != "" {
			t, ok := r.m.target(k)
			if !ok {
				if f, known := fieldByName(strings.ToLower(strings.TrimSpace(k))); known {
					t, ok = Target{Field: f.String()}, true
				}
			}
			if ok && t.Field != "-" {
				return nil, &RowError{File: r.name, Line: line, Field: t.Field, Code: RowDuplicateKey, Value: k,
					Reason: fmt.Sprintf("%s is given twice", quote(k))}
			}
		}
	}
	row := &r.row
	row.reset()
	var from [numFields]string // the key that gave each field
	for _, k := range sortedKeys(obj) {
		t, ok := r.m.target(k)
		if !ok {
			name := strings.ToLower(strings.TrimSpace(k))
			if exportedOnly[name] {
				continue
			}
			f, known := fieldByName(name)
			if !known {
				return failCode(RowUnknownKey, k, strings.Join(Columns, ", "), "unknown key (a mapping file can map it to a field or ignore it with \"-\")")
			}
			t = Target{Field: f.String()}
		}
		if t.Field == "-" {
			continue
		}
		f, _ := fieldByName(t.Field)
		raw := obj[k]
		if !utf8.Valid(raw) {
			return failCode(RowBadUTF8, f.String(), "", "is not valid UTF-8")
		}
		if isNull(raw) {
			continue
		}
		var e *RowError
		switch f {
		case fSelectors:
			e = row.jsonSelectors(raw, r.m.selectorSeparator(), t.Kind, t.Role)
		case fLosses:
			e = row.jsonLosses(raw)
		default:
			if from[f] != "" {
				return nil, &RowError{File: r.name, Line: line, Field: f.String(), Code: RowDuplicateKey, Value: from[f],
					Reason: fmt.Sprintf("given by both %s and %s", quote(from[f]), quote(k))}
			}
			var reason string
			row.val[f], reason = jsonScalar(raw)
			row.has[f] = true
			if reason == jsonNotScalar {
				return failCode(RowJSONType, f.String(), "", reason)
			}
			e = why(reason)
		}
		if e != nil {
			e.File, e.Line, e.Field = r.name, line, f.String()
			return nil, e
		}
		from[f] = k
	}
	if !utf8.Valid(data) {
		return failCode(RowBadUTF8, "", "", "a key is not valid UTF-8")
	}
	rec, rerr := r.b.build(row, line)
	if rerr != nil {
		return nil, rerr
	}
	return rec, nil
}

func asSyntax(err error, se **json.SyntaxError) bool {
	s, ok := err.(*json.SyntaxError)
	if ok {
		*se = s
	}
	return ok
}

func isNull(raw json.RawMessage) bool { return bytes.Equal(bytes.TrimSpace(raw), []byte("null")) }

// jsonScalar turns a string, number or boolean into text. A number keeps
// its literal digits, so amounts are never rounded through a float.
func jsonScalar(raw json.RawMessage) (string, string) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) > 0 && raw[0] == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", "is not a valid JSON string"
		}
		return s, ""
	case bytes.Equal(raw, []byte("true")), bytes.Equal(raw, []byte("false")):
		return string(raw), ""
	case len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9'):
		return string(raw), ""
	}
	return "", jsonNotScalar
}

// jsonNotScalar is why a field's JSON value is not text.
const jsonNotScalar = "must be a string, number or boolean"

// exportedOnly are the keys of counterscam's JSON Lines export that are
// the exporting server's own (its report and network IDs): a file exported
// by one server imports into another, which mints its own.
var exportedOnly = map[string]bool{"id": true, "network_id": true}

// jsonSelector is a selector object: {value, role, kind}, or a selector of
// counterscam's export, which adds its id, display form and source. One
// whose source is "narrative" was found in the narrative, and is found
// there again.
type jsonSelector struct {
	Value   *string `json:"value"`
	Role    string  `json:"role"`
	Kind    string  `json:"kind"`
	ID      string  `json:"id"`
	Display string  `json:"display"`
	Source  string  `json:"source"`
}

// jsonSelectors reads a selectors value: a string of values separated by
// sep, or an array of strings and {value, role, kind} objects.
func (row *rawRow) jsonSelectors(raw json.RawMessage, sep, kind, role string) *RowError {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return why("is not a valid JSON string")
		}
		row.splitSelectors(s, sep, kind, role)
		return nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return &RowError{Code: RowSelectorsShape, Reason: "must be a string or an array of strings and {value, role, kind} objects"}
	}
	for i, it := range items {
		it = bytes.TrimSpace(it)
		if len(it) > 0 && it[0] == '"' {
			var s string
			if err := json.Unmarshal(it, &s); err != nil {
				return why(fmt.Sprintf("[%d] is not a valid JSON string", i))
			}
			row.sels = append(row.sels, RawSelector{Value: s, Kind: kind, Role: role})
			continue
		}
		var js jsonSelector
		d := json.NewDecoder(bytes.NewReader(it))
		d.DisallowUnknownFields()
		if err := d.Decode(&js); err != nil || js.Value == nil {
			reason := fmt.Sprintf("[%d] must be a string or an object with value and optional role and kind", i)
			if k := unknownKey(it, selectorKeys); k != "" {
				reason = fmt.Sprintf("[%d] has the unknown key %s (a selector object has value and optional role and kind)", i, quote(k))
			}
			return &RowError{Code: RowSelectorShape, Value: strconv.Itoa(i + 1), Reason: reason}
		}
		if js.Source == "narrative" {
			continue
		}
		s := RawSelector{Value: *js.Value, Kind: js.Kind, Role: js.Role}
		if s.Kind == "" {
			s.Kind = kind
		}
		if s.Role == "" {
			s.Role = role
		}
		row.sels = append(row.sels, s)
	}
	return nil
}

// The keys a selector object and a loss object may have (those of
// counterscam's export included).
var (
	selectorKeys = []string{"value", "role", "kind", "id", "display", "source"}
	lossKeys     = []string{"amount", "amount_minor", "currency"}
)

// unknownKey is the first key of the JSON object raw that is not one of
// known ("" when raw is no object, or has none).
func unknownKey(raw json.RawMessage, known []string) string {
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return ""
	}
	for _, k := range sortedKeys(obj) {
		if !slices.Contains(known, k) {
			return k
		}
	}
	return ""
}

// jsonLosses reads a losses value: one {amount, currency} object or an
// array of them. An amount may be a number or a string; amount_minor, in
// place of amount, is an integer in the currency's minor unit, as
// counterscam's export writes it.
func (row *rawRow) jsonLosses(raw json.RawMessage) *RowError {
	raw = bytes.TrimSpace(raw)
	var items []json.RawMessage
	if len(raw) > 0 && raw[0] == '{' {
		items = []json.RawMessage{raw}
	} else if err := json.Unmarshal(raw, &items); err != nil {
		return &RowError{Code: RowLossesShape, Reason: "must be an array of {amount, currency} objects"}
	}
	for i, it := range items {
		shape := func(reason string) *RowError {
			return &RowError{Code: RowLossShape, Value: strconv.Itoa(i + 1), Reason: reason}
		}
		var l struct {
			Amount      json.RawMessage `json:"amount"`
			AmountMinor json.RawMessage `json:"amount_minor"`
			Currency    json.RawMessage `json:"currency"`
		}
		d := json.NewDecoder(bytes.NewReader(it))
		d.DisallowUnknownFields()
		if err := d.Decode(&l); err != nil {
			if k := unknownKey(it, lossKeys); k != "" {
				return shape(fmt.Sprintf("[%d] has the unknown key %s (a loss has amount and currency)", i, quote(k)))
			}
			return shape(fmt.Sprintf("[%d] must be an object with amount and currency", i))
		}
		var amount, minor, cur string
		var reason string
		if len(l.Amount) > 0 && !isNull(l.Amount) {
			if amount, reason = jsonScalar(l.Amount); reason != "" {
				return shape(fmt.Sprintf("[%d]: amount %s", i, reason))
			}
		}
		if len(l.AmountMinor) > 0 && !isNull(l.AmountMinor) {
			if amount != "" {
				return shape(fmt.Sprintf("[%d] must give amount or amount_minor, not both", i))
			}
			if minor, reason = jsonScalar(l.AmountMinor); reason != "" {
				return shape(fmt.Sprintf("[%d]: amount_minor %s", i, reason))
			}
		}
		if len(l.Currency) > 0 && !isNull(l.Currency) {
			if cur, reason = jsonScalar(l.Currency); reason != "" {
				return shape(fmt.Sprintf("[%d]: currency %s", i, reason))
			}
		}
		row.losses = append(row.losses, rawLoss{amount: amount, minor: minor, currency: cur})
	}
	return nil
}

// jsonMembers counts the members of the JSON object data (valid JSON):
// the colons at its top level, outside strings.
func jsonMembers(data []byte) int {
	n, depth := 0, 0
	var str jsonStrings
	for _, c := range data {
		switch {
		case !str.outside(c):
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
		case c == ':' && depth == 1:
			n++
		}
	}
	return n
}

// jsonStrings follows JSON text byte by byte to tell what is inside
// strings.
type jsonStrings struct{ in, escaped bool }

// outside takes the next byte c and reports whether it stands outside
// every string (a string's quotes are inside it).
func (s *jsonStrings) outside(c byte) bool {
	switch {
	case s.in:
		switch {
		case s.escaped:
			s.escaped = false
		case c == '\\':
			s.escaped = true
		case c == '"':
			s.in = false
		}
		return false
	case c == '"':
		s.in = true
		return false
	}
	return true
}

// duplicateName is the first name the JSON object data (valid JSON)
// gives twice, or "".
func duplicateName(data []byte) string {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return ""
	}
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		k, ok := t.(string)
		if err != nil || !ok {
			return ""
		}
		if seen[k] {
			return k
		}
		seen[k] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return ""
		}
	}
	return ""
}
