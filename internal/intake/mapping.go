package intake

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
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
	lines   map[string]int    // where settings and names are in the file read
}

// Target is where a column goes: a field name, "-" to ignore the column, or
// "selectors" with a selector kind and role for every value in it.
type Target struct {
	Field string `json:"field"`
	Kind  string `json:"kind,omitempty"`
	Role  string `json:"role,omitempty"`
}

// LoadMapping reads and checks a mapping file. What is wrong with one is a
// *MappingError naming the line and the setting at fault.
func LoadMapping(r io.Reader) (*Mapping, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxMappingBytes+1))
	if err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	if len(data) > MaxMappingBytes {
		return nil, &MappingError{Code: MapTooBig, text: fmt.Sprintf("the file is larger than %d KiB", MaxMappingBytes>>10)}
	}
	root, err := parseMappingJSON(data)
	if err != nil {
		return nil, err
	}
	m := &Mapping{lines: map[string]int{}}
	if err := m.fill(root); err != nil {
		return nil, err
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	return m, nil
}

// fold is how column names are compared.
func fold(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// at is the line of a setting, or of a name under it, in the file read.
func (m *Mapping) at(key, name string) int {
	if name == "" {
		return m.lines[key]
	}
	return m.lines[key+"\x00"+name]
}

// fail is a mistake in setting key (and name under it), at its line.
func (m *Mapping) fail(code MappingCode, key, name, value, accepted, format string, args ...any) *MappingError {
	return &MappingError{Code: code, Line: m.at(key, name), Key: key, Name: name, Value: value, Accepted: accepted,
		text: fmt.Sprintf(format, args...)}
}

// members walks an object's members, refusing a key given twice.
func members(n *jnode, key string, fn func(k string, line int, v *jnode) error) error {
	seen := map[string]bool{}
	for i, k := range n.keys {
		if seen[k] {
			what := fmt.Sprintf("%q is given twice", k)
			if key != "" {
				what = key + ": " + what
			}
			return &MappingError{Code: MapDuplicateKey, Line: n.keyLines[i], Key: key, Name: k, text: what}
		}
		seen[k] = true
		if err := fn(k, n.keyLines[i], n.vals[i]); err != nil {
			return err
		}
	}
	return nil
}

// fill takes the settings from the file's JSON, checking their shapes.
func (m *Mapping) fill(root *jnode) error {
	if root.kind != jObject {
		return &MappingError{Code: MapNotObject, Line: root.line, text: "a mapping file is one JSON object, {...}"}
	}
	text := func(key, name string, v *jnode, dst *string) error {
		switch v.kind {
		case jString:
			*dst = v.str
			return nil
		case jNull:
			return nil
		}
		where := key
		if name != "" {
			where = fmt.Sprintf("%s: %q", key, name)
		}
		return &MappingError{Code: MapWantText, Line: v.line, Key: key, Name: name, text: where + ": want a string in quotes"}
	}
	object := func(key, name string, v *jnode) error {
		if v.kind == jObject || v.kind == jNull {
			return nil
		}
		where := key
		if name != "" {
			where = fmt.Sprintf("%s: %q", key, name)
		}
		return &MappingError{Code: MapWantObject, Line: v.line, Key: key, Name: name, text: where + ": want an object, {...}"}
	}
	// each walks the members of setting key's object, noting their lines.
	each := func(key string, v *jnode, fn func(name string, v *jnode) error) error {
		if err := object(key, "", v); err != nil {
			return err
		}
		return members(v, key, func(name string, line int, v *jnode) error {
			m.lines[key+"\x00"+name] = line
			return fn(name, v)
		})
	}
	return members(root, "", func(key string, line int, v *jnode) error {
		m.lines[key] = line
		switch key {
		case "columns":
			m.Columns = map[string]Target{}
			return each(key, v, func(name string, v *jnode) error {
				t, err := m.readTarget(name, v)
				m.Columns[name] = t
				return err
			})
		case "defaults":
			m.Defaults = map[string]string{}
			return each(key, v, func(name string, v *jnode) error {
				var s string
				err := text(key, name, v, &s)
				m.Defaults[name] = s
				return err
			})
		case "values":
			m.Values = map[string]map[string]string{}
			return each(key, v, func(name string, v *jnode) error {
				if err := object(key, name, v); err != nil {
					return err
				}
				tr := map[string]string{}
				m.Values[name] = tr
				return members(v, key, func(from string, _ int, v *jnode) error {
					var s string
					err := text(key, name, v, &s)
					tr[from] = s
					return err
				})
			})
		case "time_format":
			return text(key, "", v, &m.TimeFormat)
		case "time_zone":
			return text(key, "", v, &m.TimeZone)
		case "delimiter":
			return text(key, "", v, &m.Delimiter)
		case "selector_separator":
			return text(key, "", v, &m.SelectorSeparator)
		case "thousands_separator":
			return text(key, "", v, &m.ThousandsSeparator)
		}
		return &MappingError{Code: MapUnknownKey, Line: line, Key: key, Accepted: strings.Join(mappingKeys, ", "),
			text: fmt.Sprintf("unknown field %q (the settings are %s)", key, strings.Join(mappingKeys, ", "))}
	})
}

// readTarget reads a column's target: a field's name or {"field", "kind", "role"}.
func (m *Mapping) readTarget(name string, v *jnode) (Target, error) {
	const shape = `a column's target is a field name or {"field", "kind", "role"}`
	wrong := func(line int) error {
		return &MappingError{Code: MapWantTarget, Line: line, Key: "columns", Name: name,
			text: fmt.Sprintf("columns: %q: %s, with strings in quotes", name, shape)}
	}
	switch v.kind {
	case jString:
		return Target{Field: v.str}, nil
	case jObject:
	default:
		return Target{}, wrong(v.line)
	}
	var t Target
	err := members(v, "columns", func(k string, line int, v *jnode) error {
		if v.kind != jString && v.kind != jNull {
			return wrong(v.line)
		}
		switch k {
		case "field":
			t.Field = v.str
		case "kind":
			t.Kind = v.str
		case "role":
			t.Role = v.str
		default:
			return &MappingError{Code: MapUnknownTargetKey, Line: line, Key: "columns", Name: name, Value: k,
				Accepted: strings.Join(targetKeys, ", "),
				text:     fmt.Sprintf("columns: %q: unknown field %q (%s)", name, k, shape)}
		}
		return nil
	})
	return t, err
}

func (m *Mapping) check() error {
	m.columns = map[string]Target{}
	for _, name := range sortedKeys(m.Columns) {
		t := m.Columns[name]
		t.Kind, t.Role = strings.ToLower(strings.TrimSpace(t.Kind)), strings.ToLower(strings.TrimSpace(t.Role))
		if t.Field != "-" {
			if _, ok := fieldByName(t.Field); !ok {
				fields := strings.Join(Columns, ", ")
				return m.fail(MapUnknownField, "columns", name, t.Field, fields,
					"columns: %q: unknown field %q (fields: %s, or \"-\" to ignore)", name, t.Field, fields)
			}
		}
		if (t.Kind != "" || t.Role != "") && t.Field != "selectors" {
			return m.fail(MapKindNotSelectors, "columns", name, "", "",
				"columns: %q: kind and role apply only to \"selectors\"", name)
		}
		if err := m.checkKindRole(name, t.Kind, t.Role); err != nil {
			return err
		}
		if _, dup := m.columns[fold(name)]; dup {
			return m.fail(MapDuplicateColumn, "columns", name, "", "",
				"columns: %q is given twice (names of columns are compared without regard to case or surrounding spaces)", name)
		}
		m.columns[fold(name)] = t
	}
	m.loc = time.UTC
	if m.TimeZone != "" {
		loc, err := parseZone(m.TimeZone)
		if err != nil {
			return m.fail(MapBadTimeZone, "time_zone", "", m.TimeZone, "Asia/Seoul, Asia/Phnom_Penh, +09:00, +07:00",
				"time_zone %q: use an IANA zone such as Asia/Seoul or an offset such as +09:00", m.TimeZone)
		}
		m.loc = loc
	}
	switch m.Delimiter {
	case "", ",", ";", "|", "\t":
	default:
		return m.fail(MapBadDelimiter, "delimiter", "", m.Delimiter, `",", ";", "|", "\t"`,
			"delimiter %q: use \",\", \";\", \"|\" or \"\\t\"", m.Delimiter)
	}
	if strings.ContainsAny(m.SelectorSeparator, "\r\n") {
		return m.fail(MapBadSelectorSep, "selector_separator", "", m.SelectorSeparator, `";", "/", "|"`,
			"selector_separator cannot hold a line break")
	}
	if m.ThousandsSeparator == "." || strings.ContainsAny(m.ThousandsSeparator, "0123456789") {
		return m.fail(MapBadThousandsSep, "thousands_separator", "", m.ThousandsSeparator, `",", " ", "'"`,
			"thousands_separator %q would change amounts", m.ThousandsSeparator)
	}
	for _, f := range sortedKeys(m.Values) {
		id, ok := fieldByName(f)
		if !ok || id == fSelectors || id == fLosses || id == fNarrative {
			return m.fail(MapNoValues, "values", f, "", fieldsExcept(fSelectors, fLosses, fNarrative),
				"values: %q is not a field whose values can be translated", f)
		}
	}
	for _, f := range sortedKeys(m.Defaults) {
		id, ok := fieldByName(f)
		if !ok || id == fSelectors || id == fLosses || id == fExternalRef {
			return m.fail(MapNoDefault, "defaults", f, "", fieldsExcept(fSelectors, fLosses, fExternalRef),
				"defaults: %q cannot have a default", f)
		}
	}
	return m.checkDefaults()
}

// checkKindRole checks a selectors column's kind and role.
func (m *Mapping) checkKindRole(name, kind, role string) error {
	e := checkKindRole(kind, role)
	switch {
	case e == nil:
		return nil
	case e.Code == RowSelectorKind:
		return m.fail(MapUnknownKind, "columns", name, kind, e.Accepted, "columns: %q: %s", name, e.Reason)
	}
	return m.fail(MapBadRole, "columns", name, role, e.Accepted, "columns: %q: %s", name, e.Reason)
}

// checkDefaults checks the defaults as if they made up a record of their
// own, in the layout's order.
func (m *Mapping) checkDefaults() error {
	b := builder{m: m}
	for f := fieldID(0); f < numFields; f++ {
		v, ok := m.Defaults[f.String()]
		if !ok {
			continue
		}
		var row rawRow
		row.val[f], row.has[f] = v, true
		s, e := b.value(&row, f)
		name := f.String()
		switch {
		case e != nil && checkText(v, f == fNarrative) != "":
			return m.fail(MapDefaultControl, "defaults", name, controlChar(v), "",
				"defaults: %s: %s", name, e.Reason)
		case e != nil:
			return m.fail(MapDefaultTooLong, "defaults", name, "", strconv.Itoa(maxLen[f]),
				"defaults: %s: %s", name, e.Reason)
		case s != "":
			if _, e = b.norm(f, s); e != nil {
				return m.fail(MapBadDefault, "defaults", name, v, acceptedDefault(f, m),
					"defaults: %s: %s", name, e.Reason)
			}
		}
	}
	return nil
}

// controlChar names the first control character in s, as U+0009.
func controlChar(s string) string {
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return fmt.Sprintf("U+%04X", r)
		}
	}
	return ""
}

// fieldsExcept lists the fields of the layout but those given.
func fieldsExcept(not ...fieldID) string {
	var out []string
	for f := fieldID(0); f < numFields; f++ {
		if !slices.Contains(not, f) {
			out = append(out, f.String())
		}
	}
	return strings.Join(out, ", ")
}

func parseZone(z string) (*time.Location, error) {
	if t, err := time.Parse("-07:00", z); err == nil {
		_, off := t.Zone()
		return time.FixedZone(z, off), nil
	}
	loc, err := time.LoadLocation(z)
	if err != nil {
		return nil, err
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
