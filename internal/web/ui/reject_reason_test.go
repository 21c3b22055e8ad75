package ui

import (
	"strings"
	"testing"

	"counterscam/internal/intake"
	"counterscam/internal/intel"
)

// TestRejectReasonsInEveryLanguage: every code intake and intel give a
// rejected record has a message in every language, taking the arguments
// its entry names and saying them all.
func TestRejectReasonsInEveryLanguage(t *testing.T) {
	c, err := loadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if len(rowReasons) != len(intake.RowCodes) || len(fieldReasons) != len(intel.FieldCodes) {
		t.Errorf("%d and %d codes have messages, intake has %d and intel %d",
			len(rowReasons), len(fieldReasons), len(intake.RowCodes), len(intel.FieldCodes))
	}
	type coded struct {
		r     importReject
		parts []string
		ok    bool
	}
	var all []coded
	for _, code := range intake.RowCodes {
		parts, ok := rowReasons[code]
		all = append(all, coded{importReject{RowError: intake.RowError{Code: code}}, parts, ok})
	}
	for _, code := range intel.FieldCodes {
		parts, ok := fieldReasons[code]
		all = append(all, coded{importReject{FieldCode: code}, parts, ok})
	}
	for _, a := range all {
		a.r.Value, a.r.Accepted = "어제", "KRW, USD"
		name := string(a.r.Code) + string(a.r.FieldCode)
		if !a.ok {
			t.Errorf("%s: no entry", name)
			continue
		}
		m := a.r.Msg()
		if !c.has(m.Key) {
			t.Errorf("%s: no message %q", name, m.Key)
			continue
		}
		if n := argCount(c.msgs["en"][m.Key]); n != len(a.parts) {
			t.Errorf("%s: the message takes %d arguments, its entry gives %d", name, n, len(a.parts))
		}
		for _, l := range Languages {
			s, err := c.T(l, m.Key, m.Args...)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range a.parts {
				w := map[string]string{"value": `"어제"`, "raw": "어제", "accepted": "KRW, USD"}[p]
				if !strings.Contains(s, w) {
					t.Errorf("%s %s: %q does not say %q", l, name, s, w)
				}
			}
			if strings.Contains(s, "%!") {
				t.Errorf("%s %s: %q", l, name, s)
			}
		}
	}
	if m := (importReject{RowError: intake.RowError{Reason: "a reason with no code yet"}}).Msg(); m.Key != "" {
		t.Errorf("a reason with no code has the message %q", m.Key)
	}
}
