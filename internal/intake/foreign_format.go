package intake

import (
	"bytes"
	"encoding/json"
)

// ForeignFormatError refuses a file written in an exchange format that
// holds no rows of reports (What says which).
type ForeignFormatError struct{ File, What string }

func (e *ForeignFormatError) Error() string {
	return e.File + ": this is " + e.What + ", not reports: counterscam imports reports from CSV or JSON Lines (one report a line) and reads no STIX, TAXII, MISP or FollowTheMoney file"
}

// foreignFormat names the exchange format a JSON file that starts with
// head is written in, when it is one that holds no rows of reports: a STIX
// 2.1 bundle, a TAXII 2.1 envelope, a MISP event or FollowTheMoney
// entities (what partners send through their platforms). Read as reports,
// each of its lines would be rejected as broken JSON or unknown keys; the
// file is refused whole, naming what it is. "" when head is no such file,
// or when m maps the keys that would say so (a layout of its own).
func foreignFormat(head []byte, m *Mapping) string {
	dec := json.NewDecoder(bytes.NewReader(head))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return ""
	}
	seen := map[string]bool{}
	// The first keys of the first object say it: a bundle's "type" is
	// "bundle", an envelope holds "objects", an object has its
	// "spec_version", an event is under "Event" (or
	// bare, with its "Attribute" list, "Object" list, "Orgc" or
	// "threat_level_id"), an entity has its "schema" and "properties".
	for range 8 {
		if !dec.More() {
			break
		}
		t, err := dec.Token()
		if err != nil {
			break
		}
		key, _ := t.(string)
		if _, mapped := m.target(key); mapped {
			return ""
		}
		var v json.RawMessage
		switch key {
		case "Event", "Attribute", "Object", "Orgc", "threat_level_id":
			return "a MISP event"
		case "objects":
			return "STIX objects (a STIX 2.1 bundle or a TAXII 2.1 envelope)"
		case "spec_version":
			return "a STIX 2.1 object"
		}
		if err := dec.Decode(&v); err != nil {
			break // a value longer than head: the reader says what is wrong
		}
		seen[key] = true
		if key == "type" && bytes.Equal(bytes.TrimSpace(v), []byte(`"bundle"`)) {
			return "a STIX 2.1 bundle"
		}
		if seen["schema"] && seen["properties"] {
			return "FollowTheMoney entities"
		}
	}
	return ""
}

// peekHead returns up to n bytes of what is left to read, without
// consuming them (fewer at the end of the input, or past the buffer; a
// read error is left for the reading to meet).
func (rd *Reader) peekHead(n int) []byte {
	b, _ := rd.lr.br.Peek(min(n, rd.lr.br.Size()))
	return b
}
