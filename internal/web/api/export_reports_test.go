package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// TestExportReimports exports reports as JSON Lines from one server and
// sends each line, as it is, to another: what is stored there is what the
// first server holds (IDs and networks are each server's own).
func TestExportReimports(t *testing.T) {
	from := newTestServer(t, Options{CheckRate: 1e6})
	to := newTestServer(t, Options{CheckRate: 1e6})
	bodies := []string{
		reportA,
		`{"external_ref":"A-2","received_at":"2025-06-02T10:00:00Z","occurred_at":"2025-05-30","scam_type":"romance",
		  "narrative":"She asked me to pay into 0x52908400098527886E0F7030069857D2E4169EE7 and wrote from lina.hart@mail-box.net",
		  "victim_country":"KR","tlp":"AMBER","pap":"GREEN","legal_basis":"Act on Fraud Victims art. 3","purpose":"investigation",
		  "losses":[{"amount":"1234.56","currency":"USD"},{"amount":"0.5","currency":"BTC"},{"amount":"150000","currency":"KRW"}],
		  "selectors":[{"value":"+82 10 2345 6789","role":"contacted_by"},{"value":"https://goldentrade-vip.com/login","role":"website"}]}`,
	}
	for _, b := range bodies {
		if code, body, _ := do(t, from, exchange{method: "POST", path: "/api/v1/reports", body: b}); code != http.StatusCreated {
			t.Fatalf("creating a report: %d %s", code, body)
		}
	}
	code, exported, _ := do(t, from, exchange{method: "GET", path: "/api/v1/export/reports"})
	lines := strings.Split(strings.TrimSpace(string(exported)), "\n")
	if code != http.StatusOK || len(lines) != len(bodies) {
		t.Fatalf("export: %d, %d lines, want %d: %s", code, len(lines), len(bodies), exported)
	}
	for _, line := range lines {
		code, body, _ := do(t, to, exchange{method: "POST", path: "/api/v1/reports", body: line})
		if code != http.StatusCreated {
			t.Errorf("importing the export's line %.80s...: %d %s", line, code, body)
			continue
		}
		var created struct{ ID string }
		json.Unmarshal(body, &created)
		_, again, _ := do(t, to, exchange{method: "GET", path: "/api/v1/reports/" + created.ID})
		if got, want := comparable(t, again), comparable(t, []byte(line)); !reflect.DeepEqual(got, want) {
			t.Errorf("re-imported report:\n%v\nwant what was exported:\n%v", got, want)
		}
	}
	// What the export carries beyond the import layout is there to be read back.
	for _, want := range []string{`"pap":"GREEN"`, `"legal_basis":"Act on Fraud Victims art. 3"`, `"purpose":"investigation"`, `"amount_minor":123456`, `"amount_minor":50000000`} {
		if !bytes.Contains(exported, []byte(want)) {
			t.Errorf("export lacks %s: %s", want, exported)
		}
	}
}

// comparable is a report's JSON without what each server mints (IDs,
// networks), and with its selectors in order of value and role.
func comparable(t *testing.T, raw []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	delete(m, "id")
	delete(m, "network_id")
	var sels []string
	for _, s := range m["selectors"].([]any) {
		o := s.(map[string]any)
		sels = append(sels, o["kind"].(string)+" "+o["value"].(string)+" "+o["role"].(string)+" "+o["source"].(string))
	}
	slices.Sort(sels)
	m["selectors"] = sels
	return m
}

// TestReportsExportMaxTLP: the JSON Lines export, now that another server
// imports it, takes max_tlp as the STIX and MISP exports do, and the audit
// says the label asked for; without it every label the caller reads goes.
func TestReportsExportMaxTLP(t *testing.T) {
	srv := newTestServer(t, Options{})
	postEveryLabel(t, srv)
	for q, want := range map[string]int{"": 4, "?max_tlp=AMBER": 2, "?max_tlp=AMBER+STRICT": 3, "?max_tlp=clear": 1} {
		code, body, _ := do(t, srv, exchange{method: "GET", path: "/api/v1/export/reports" + q})
		if got := strings.Count(string(body), "\n"); code != 200 || got != want {
			t.Errorf("export%s: %d, %d reports; want %d", q, code, got, want)
		}
	}
	run(t, srv, []exchange{{"GET", "/api/v1/export/reports?max_tlp=WHITE", "", 400, `max_tlp: \"WHITE\" is not a TLP 2.0 label (CLEAR, GREEN, AMBER, AMBER+STRICT or RED)`}})
	var exports []string
	srv.trust.Audit(context.Background(), trust.Operator(), store.AuditFilter{Action: "export"}, func(e *store.AuditEntry) error {
		exports = append(exports, e.RecordID)
		return nil
	})
	slices.Sort(exports)
	want := []string{"1 report as JSON Lines, up to TLP:CLEAR", "2 reports as JSON Lines, up to TLP:AMBER",
		"3 reports as JSON Lines, up to TLP:AMBER+STRICT", "4 reports as JSON Lines, up to TLP:RED"}
	if !slices.Equal(exports, want) {
		t.Errorf("audited exports %q; want %q", exports, want)
	}
}

// postEveryLabel files one report of the caller's at each of CLEAR, AMBER,
// AMBER+STRICT and RED.
func postEveryLabel(t *testing.T, srv *testServer) {
	t.Helper()
	for i, tlp := range []string{"CLEAR", "AMBER", "AMBER+STRICT", "RED"} {
		body := fmt.Sprintf(`{"external_ref":"m-%d","received_at":"2025-03-01T00:00:00Z","scam_type":"loan","selectors":"@loan_%d","tlp":%q}`, i, i, tlp)
		if code, b, _ := do(t, srv, exchange{method: "POST", path: "/api/v1/reports", body: body}); code != 201 {
			t.Fatalf("%s report: %d %s", tlp, code, b)
		}
	}
}
