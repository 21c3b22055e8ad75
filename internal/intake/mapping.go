package intake

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// Mapping adapts another layout to counterscam's: it renames or ignores
// columns (or JSON keys), fills in defaults, translates values and says how
// times and amounts are written. See the package documentation for the file
// format.
type Mapping struct {
	// Columns maps a column name (matched without regard to case or
	// surrounding spaces) to a target.
	Columns map[string]Target `json:"columns,omitempty"`
	// Defaults gives a field's value where its column is absent or empty.
	Defaults map[string]string `json:"defaults,omitempty"`
	// Values translates values of a field before they are checked:
	// {"scam_type": {"로맨스": "romance"}}. Matched exactly after trimming.
	Values map[string]map[string]string `json:"values,omitempty"`
	// TimeFormat is a Go time layout ("2006-01-02 15:04") tried before RFC
	// 3339 for received_at and occurred_at.
	TimeFormat string `json:"time_format,omitempty"`
	// TimeZone is the zone of times without one: an IANA name
	// ("Asia/Seoul") or an offset ("+09:00"). Default UTC.
	TimeZone string `json:"time_zone,omitempty"`
	// Delimiter is the CSV field separator: ",", ";", "|" or "\t".
	Delimiter string `json:"delimiter,omitempty"`
	// SelectorSeparator splits a selectors cell (default ";").
	SelectorSeparator string `json:"selector_separator,omitempty"`
	// ThousandsSeparator, when set, is dropped from amounts ("1,234,567").
	ThousandsSeparator string `json:"thousands_separator,omitempty"`

	loc     *time.Location
	columns map[string]Target // folded names
}

// Target is where a column goes: a field name, "-" to ignore the column, or
// "selectors" with a selector kind and role for every value in it.
type Target struct {
	Field string `json:"field"`
	Kind  string `json:"kind,omitempty"`
	Role  string `json:"role,omitempty"`
}

// UnmarshalJSON accepts "field" as well as {"field":..., "kind":..., "role":...}.
func (t *Target) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*t = Target{Field: s}
		return nil
	}
	type plain Target
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	var p plain
	if err := d.Decode(&p); err != nil {
		return fmt.Errorf("a column's target is a field name or {\"field\", \"kind\", \"role\"}: %v", err)
	}
	*t = Target(p)
	return nil
}

// LoadMapping reads and checks a mapping file.
func LoadMapping(r io.Reader) (*Mapping, error) {
	d := json.NewDecoder(io.LimitReader(r, 1<<20))
	d.DisallowUnknownFields()
	var m Mapping
	if err := d.Decode(&m); err != nil {
		return nil, fmt.Errorf("mapping: %v", err)
	}
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("mapping: %v", err)
	}
	return &m, nil
}

// fold is how column names are compared.
func fold(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

func (m *Mapping) check() error {
	m.columns = map[string]Target{}
	for _, name := range sortedKeys(m.Columns) {
		t := m.Columns[name]
		t.Kind, t.Role = strings.ToLower(strings.TrimSpace(t.Kind)), strings.ToLower(strings.TrimSpace(t.Role))
		if t.Field != "-" {
			if _, ok := fieldByName(t.Field); !ok {
				return fmt.Errorf("columns: %q: unknown field %q (fields: %s, or \"-\" to ignore)", name, t.Field, strings.Join(Columns, ", "))
			}
		}
		if (t.Kind != "" || t.Role != "") && t.Field != "selectors" {
			return fmt.Errorf("columns: %q: kind and role apply only to \"selectors\"", name)
		}
		if reason := checkKindRole(t.Kind, t.Role); reason != "" {
			return fmt.Errorf("columns: %q: %s", name, reason)
		}
		if _, dup := m.columns[fold(name)]; dup {
			return fmt.Errorf("columns: %q is given twice", name)
		}
		m.columns[fold(name)] = t
	}
	m.loc = time.UTC
	if m.TimeZone != "" {
		loc, err := parseZone(m.TimeZone)
		if err != nil {
			return err
		}
		m.loc = loc
	}
	switch m.Delimiter {
	case "", ",", ";", "|", "\t":
	default:
		return fmt.Errorf("delimiter %q: use \",\", \";\", \"|\" or \"\\t\"", m.Delimiter)
	}
	if strings.ContainsAny(m.SelectorSeparator, "\r\n") {
		return fmt.Errorf("selector_separator cannot hold a line break")
	}
	if m.ThousandsSeparator == "." || strings.ContainsAny(m.ThousandsSeparator, "0123456789") {
		return fmt.Errorf("thousands_separator %q would change amounts", m.ThousandsSeparator)
	}
	for _, f := range sortedKeys(m.Values) {
		id, ok := fieldByName(f)
		if !ok || id == fSelectors || id == fLosses || id == fNarrative {
			return fmt.Errorf("values: %q is not a field whose values can be translated", f)
		}
	}
	for _, f := range sortedKeys(m.Defaults) {
		id, ok := fieldByName(f)
		if !ok || id == fSelectors || id == fLosses || id == fExternalRef {
			return fmt.Errorf("defaults: %q cannot have a default", f)
		}
	}
	// Check the defaults as if they made up a record of their own.
	var row rawRow
	for f, v := range m.Defaults {
		id, _ := fieldByName(f)
		row.val[id], row.has[id] = v, true
	}
	b := builder{m: m}
	if e := b.checkDefaults(&row); e != nil {
		return fmt.Errorf("defaults: %s: %s", e.Field, e.Reason)
	}
	return nil
}

func parseZone(z string) (*time.Location, error) {
	if t, err := time.Parse("-07:00", z); err == nil {
		_, off := t.Zone()
		return time.FixedZone(z, off), nil
	}
	loc, err := time.LoadLocation(z)
	if err != nil {
		return nil, fmt.Errorf("time_zone %q: use an IANA zone such as Asia/Seoul or an offset such as +09:00", z)
	}
	return loc, nil
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func (m *Mapping) target(name string) (Target, bool) {
	if m == nil {
		return Target{}, false
	}
	t, ok := m.columns[fold(name)]
	return t, ok
}

func (m *Mapping) selectorSeparator() string {
	if m == nil || m.SelectorSeparator == "" {
		return ";"
	}
	return m.SelectorSeparator
}
