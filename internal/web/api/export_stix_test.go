package api

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"counterscam/internal/stix"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// TestSTIXExportKeepsToWhatTheCallerMayRead: CNP's AMBER report reaches
// KNPA's bundle marked AMBER, with its wallet; CNP's AMBER+STRICT and RED
// reports, and the account only they name, do not; the export is audited.
func TestSTIXExportKeepsToWhatTheCallerMayRead(t *testing.T) {
	srv := newTestServer(t, Options{})
	cnp := srv.tokens["a@cnp.test"]
	for _, body := range []string{
		`{"external_ref":"c-amber","received_at":"2025-03-01T00:00:00Z","scam_type":"crypto_investment","narrative":"shared with partners","selectors":"TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL","tlp":"AMBER"}`,
		`{"external_ref":"c-strict","received_at":"2025-03-02T00:00:00Z","scam_type":"loan","narrative":"inside CNP only","selectors":"ABA 012 345 678;TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL","tlp":"AMBER+STRICT"}`,
		`{"external_ref":"c-red","received_at":"2025-03-03T00:00:00Z","scam_type":"loan","narrative":"informant","selectors":"+855 12 345 678","tlp":"RED"}`,
	} {
		if code, b, _ := doAs(t, srv, cnp, exchange{method: "POST", path: "/api/v1/reports", body: body}); code != 201 {
			t.Fatalf("CNP's report: %d %s", code, b)
		}
	}
	code, body, h := do(t, srv, exchange{method: "GET", path: "/api/v1/export/stix"})
	if code != 200 || h.Get("Content-Type") != stix.MediaType {
		t.Fatalf("export: %d %s %s", code, h.Get("Content-Type"), body)
	}
	var b struct {
		Type    string           `json:"type"`
		Objects []map[string]any `json:"objects"`
	}
	if err := json.Unmarshal(body, &b); err != nil || b.Type != "bundle" {
		t.Fatalf("not a bundle: %v %s", err, body)
	}
	var reports, patterns []string
	for _, o := range b.Objects {
		switch o["type"] {
		case "report":
			reports = append(reports, o["description"].(string))
			if marks := o["object_marking_refs"].([]any); marks[0] != stix.MarkingID(store.TLPAmber) {
				t.Errorf("the AMBER report is marked %v", marks)
			}
		case "indicator":
			patterns = append(patterns, o["pattern"].(string))
		}
	}
	if len(reports) != 1 || reports[0] != "shared with partners" {
		t.Errorf("KNPA's bundle holds the reports %q; want only CNP's AMBER one", reports)
	}
	if len(patterns) != 1 || !strings.Contains(patterns[0], "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL") {
		t.Errorf("KNPA's bundle holds the indicators %q; want only the AMBER report's wallet", patterns)
	}
	if s := string(body); strings.Contains(s, "inside CNP only") || strings.Contains(s, "informant") || strings.Contains(s, "012345678") || strings.Contains(s, "85512345678") {
		t.Error("the bundle holds what only CNP's AMBER+STRICT or RED reports say")
	}
	var exports []string
	srv.trust.Audit(context.Background(), trust.Operator(), store.AuditFilter{Action: "export"}, func(e *store.AuditEntry) error {
		exports = append(exports, e.Org+" "+e.RecordID)
		return nil
	})
	if len(exports) != 1 || exports[0] != "KNPA 1 report as STIX 2.1, up to TLP:AMBER" {
		t.Errorf("audited exports %q; want KNPA's of 1 report as STIX 2.1, up to TLP:AMBER (the default)", exports)
	}
	if code, _, _ := doAs(t, srv, srv.tokens["s@bank.test"], exchange{method: "GET", path: "/api/v1/export/stix"}); code != 403 {
		t.Errorf("a bank's partner token exported: %d", code)
	}
}

// TestSTIXExportMaxTLP: max_tlp leaves out the reports marked more
// restrictively, so that a bundle meant for another platform holds no
// AMBER+STRICT or RED report, and that is what a bundle holds unless the
// caller asks for more; a label that is not TLP 2.0 is refused.
func TestSTIXExportMaxTLP(t *testing.T) {
	srv := newTestServer(t, Options{})
	postEveryLabel(t, srv)
	for q, want := range map[string]int{"": 2, "?max_tlp=AMBER": 2, "?max_tlp=AMBER%2BSTRICT": 3, "?max_tlp=green": 1, "?max_tlp=RED": 4,
		// As a person types it: "+" unescaped, a "TLP:" prefix.
		"?max_tlp=AMBER+STRICT": 3, "?max_tlp=tlp:amber+strict": 3, "?max_tlp=TLP:GREEN": 1} {
		code, body, _ := do(t, srv, exchange{method: "GET", path: "/api/v1/export/stix" + q})
		if got := strings.Count(string(body), `"type":"report"`); code != 200 || got != want {
			t.Errorf("export%s: %d, %d reports; want %d", q, code, got, want)
		}
	}
	run(t, srv, []exchange{{"GET", "/api/v1/export/stix?max_tlp=WHITE", "", 400, "max_tlp"}, {"GET", "/api/v1/export/stix?max_tlp=AMBER+RED", "", 400, "max_tlp"}})
}
