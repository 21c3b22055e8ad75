package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSelectorShow: selector show says what the store holds of a value
// written any way: its reports, origins, period, scam types and networks;
// a value no report names has zero counts; a value that is no selector is
// an error on standard error and exit status 1. (AMBER reports, the
// import's default, do not list a selector publicly.)
func TestSelectorShow(t *testing.T) {
	data := importedStore(t, `external_ref,origin,received_at,scam_type,narrative,victim_country,selectors
r1,KNPA,2025-03-01T10:00:00Z,romance,a,KR,+855 12 345 678
r2,CNP,2025-03-05T10:00:00Z,loan,b,KH,012 345 678;ABA 012 345 678
r3,CNP,2025-04-01T10:00:00Z,loan,c,KH,ABA 099 999 999
`)
	code, out, errs := run(t, "", "selector", "show", data, "--json", "--region", "KH", "012-345-678", "+82 10 5555 0199")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 {
		t.Fatalf("selector show: %d %q %s", code, out, errs)
	}
	var got, none selectorShowJSON
	json.Unmarshal([]byte(lines[0]), &got)
	json.Unmarshal([]byte(lines[1]), &none)
	if got.Value != "+85512345678" || got.Reports != 2 || got.Sources != 2 || len(got.Networks) != 1 || strings.Join(got.ScamTypes, ",") != "loan,romance" ||
		got.FirstSeen.Format("2006-01-02") != "2025-03-01" || got.LastSeen.Format("2006-01-02") != "2025-03-05" || got.Listed {
		t.Errorf("the number in two reports from two origins: %s", lines[0])
	}
	if none.Reports != 0 || len(none.Networks) != 0 || none.Listed {
		t.Errorf("a number in no report: %s", lines[1])
	}
	code, out, errs = run(t, "", "selector", "show", data, "ABA 099 999 999", "not a selector")
	if code != 1 || !strings.Contains(out, "ABA Bank 099999999") || !strings.Contains(errs, "not a selector") {
		t.Errorf("selector show with a bad value: %d %q %q", code, out, errs)
	}
}
