package api

import (
	"bytes"
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
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
