package ui

import (
	"strings"
	"testing"

	"counterscam/internal/intake"
)

// TestMappingReasonsInEveryLanguage: every kind of mistake intake finds in
// a mapping file has a message in every language taking the file's name
// and what the mistake names, and says them all: the file, the line, the
// name, the value and what is accepted.
func TestMappingReasonsInEveryLanguage(t *testing.T) {
	c, err := loadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if len(mappingReasons) != len(intake.MappingCodes) {
		t.Errorf("%d codes have messages, intake has %d", len(mappingReasons), len(intake.MappingCodes))
	}
	for _, code := range intake.MappingCodes {
		parts, ok := mappingReasons[code]
		if !ok {
			t.Errorf("%s: no entry in mappingReasons", code)
			continue
		}
		key := mappingKeys + string(code)
		if !c.has(key) {
			t.Errorf("%s: no message %q", code, key)
			continue
		}
		if n := argCount(c.msgs["en"][key]); n != 1+len(parts) {
			t.Errorf("%s: the message takes %d arguments, mappingReasons gives %d", code, n, 1+len(parts))
		}
		e := &intake.MappingError{Code: code, Line: 417, Key: "columns", Name: "피해금액", Value: "telepathy", Accepted: "phone, email"}
		m := mappingMessage("partner-map.json", e)
		if m.Key != key {
			t.Errorf("%s: message %q", code, m.Key)
		}
		for _, l := range Languages {
			s, err := c.T(l, m.Key, m.Args...)
			if err != nil {
				t.Fatal(err)
			}
			wants := []string{"partner-map.json"}
			for _, p := range parts {
				wants = append(wants, map[string]string{
					"line": "417", "key": `"columns"`, "where": `columns › "피해금액"`, "name": `"피해금액"`,
					"value": `"telepathy"`, "accepted": "phone, email",
				}[p])
			}
			for _, w := range wants {
				if !strings.Contains(s, w) {
					t.Errorf("%s %s: %q does not say %q", l, code, s, w)
				}
			}
			if strings.Contains(s, "%!") {
				t.Errorf("%s %s: %q", l, code, s)
			}
		}
	}
}

func TestShownName(t *testing.T) {
	for in, want := range map[string]string{
		"Phone":                 `"Phone"`,
		"\t":                    `"\t"`,
		"접수번호":                  `"접수번호"`,
		strings.Repeat("a", 45): `"` + strings.Repeat("a", 40) + `…"`,
	} {
		if got := shownName(in); got != want {
			t.Errorf("shownName(%q) = %s, want %s", in, got, want)
		}
	}
}
