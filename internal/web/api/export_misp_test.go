package api

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"counterscam/internal/misp"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

type mispEvent struct {
	Event struct {
		UUID      string                  `json:"uuid"`
		Tag       []struct{ Name string } `json:"Tag"`
		Attribute []struct {
			UUID, Type, Category, Value string
			ToIDS                       bool `json:"to_ids"`
			Tag                         []struct{ Name string }
		} `json:"Attribute"`
		Object []struct {
			Comment   string
			Attribute []struct {
				ObjectRelation string `json:"object_relation"`
				Value          string
			}
		} `json:"Object"`
	} `json:"Event"`
}

func getMISP(t *testing.T, srv *testServer, token, query string) mispEvent {
	t.Helper()
	code, body, h := doAs(t, srv, token, exchange{method: "GET", path: "/api/v1/export/misp" + query})
	if code != 200 || h.Get("Content-Type") != misp.MediaType {
		t.Fatalf("export%s: %d %s %s", query, code, h.Get("Content-Type"), body)
	}
	var e mispEvent
	if err := json.Unmarshal(body, &e); err != nil || e.Event.UUID == "" {
		t.Fatalf("not a MISP event: %v %s", err, body)
	}
	return e
}

// TestMISPExportKeepsToWhatTheCallerMayRead: KNPA's event holds CNP's
// AMBER report and its wallet, tagged tlp:amber, not CNP's AMBER+STRICT or
// RED reports nor what only they name; RTP, no partner of CNP, gets none
// of it; a bank's token and no token are refused; the export is audited.
func TestMISPExportKeepsToWhatTheCallerMayRead(t *testing.T) {
	srv := newTestServer(t, Options{})
	cnp := srv.tokens["a@cnp.test"]
	for _, body := range []string{
		`{"external_ref":"c-amber","received_at":"2025-03-01T00:00:00Z","scam_type":"crypto_investment","narrative":"shared with partners","selectors":"TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL;https://t.me/golden_job_kh","tlp":"AMBER","contact_email":"victim@mail.test"}`,
		`{"external_ref":"c-strict","received_at":"2025-03-02T00:00:00Z","scam_type":"loan","narrative":"inside CNP only","selectors":"ABA 012 345 678;TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL","tlp":"AMBER+STRICT"}`,
		`{"external_ref":"c-red","received_at":"2025-03-03T00:00:00Z","scam_type":"loan","narrative":"informant","selectors":"+855 12 345 678","tlp":"RED"}`,
	} {
		if code, b, _ := doAs(t, srv, cnp, exchange{method: "POST", path: "/api/v1/reports", body: body}); code != 201 {
			t.Fatalf("CNP's report: %d %s", code, b)
		}
	}
	e := getMISP(t, srv, srv.tokens["a@knpa.test"], "")
	if want := misp.NewWriter(io.Discard, misp.Options{Producer: "KNPA", MaxTLP: "AMBER"}).EventUUID(); e.Event.UUID != want {
		t.Errorf("event %s; KNPA's export of everything up to AMBER is %s", e.Event.UUID, want)
	}
	if len(e.Event.Tag) != 2 || e.Event.Tag[0].Name != "tlp:amber" || e.Event.Tag[1].Name != `counterscam:scam-type="crypto_investment"` {
		t.Errorf("event tags %v", e.Event.Tag)
	}
	var values []string
	for _, a := range e.Event.Attribute {
		values = append(values, a.Type+" "+a.Value)
	}
	if strings.Join(values, ", ") != "text TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL, text golden_job_kh" {
		t.Errorf("attributes %v; want the AMBER report's wallet and Telegram ID", values)
	}
	if len(e.Event.Object) != 1 || e.Event.Object[0].Attribute[2].Value != "shared with partners" {
		t.Errorf("objects %+v; want CNP's AMBER report alone", e.Event.Object)
	}
	_, body, _ := do(t, srv, exchange{method: "GET", path: "/api/v1/export/misp"})
	if s := string(body); strings.Contains(s, "inside CNP only") || strings.Contains(s, "informant") || strings.Contains(s, "012345678") ||
		strings.Contains(s, "85512345678") || strings.Contains(s, "victim@mail.test") {
		t.Error("the event holds what only CNP's AMBER+STRICT or RED reports say, or the reporter's contact")
	}
	if rtp := getMISP(t, srv, srv.tokens["a@rtp.test"], ""); len(rtp.Event.Attribute) != 0 || len(rtp.Event.Object) != 0 {
		t.Errorf("RTP, no partner of CNP, exported %+v", rtp.Event)
	}
	var exports []string
	srv.trust.Audit(context.Background(), trust.Operator(), store.AuditFilter{Action: "export"}, func(e *store.AuditEntry) error {
		exports = append(exports, e.Org+" "+e.RecordID)
		return nil
	})
	want := []string{"KNPA 1 report as MISP, up to TLP:AMBER", "KNPA 1 report as MISP, up to TLP:AMBER", "RTP 0 reports as MISP, up to TLP:AMBER"}
	if strings.Join(exports, "|") != strings.Join(want, "|") {
		t.Errorf("audited exports %q; want %q", exports, want)
	}
	run(t, srv, []exchange{{"GET", "/api/v1/export/misp?max_tlp=WHITE", "", 400, "max_tlp"}})
	runAs(t, srv, srv.tokens["s@bank.test"], []exchange{{"GET", "/api/v1/export/misp", "", 403, ""}})
	runAs(t, srv, "", []exchange{{"GET", "/api/v1/export/misp", "", 401, ""}})
}

// TestMISPExportMaxTLP: as for STIX, a RED report is in the event only when
// max_tlp=RED is asked for, and the event's TLP tag follows what it holds.
func TestMISPExportMaxTLP(t *testing.T) {
	srv := newTestServer(t, Options{})
	for i, tlp := range []string{"CLEAR", "AMBER", "AMBER+STRICT", "RED"} {
		body := fmt.Sprintf(`{"external_ref":"m-%d","received_at":"2025-03-01T00:00:00Z","scam_type":"loan","selectors":"@loan_%d","tlp":%q}`, i, i, tlp)
		if code, b, _ := do(t, srv, exchange{method: "POST", path: "/api/v1/reports", body: body}); code != 201 {
			t.Fatalf("%s report: %d %s", tlp, code, b)
		}
	}
	for q, want := range map[string]struct {
		n   int
		tag string
	}{"": {2, "tlp:amber"}, "?max_tlp=green": {1, "tlp:clear"}, "?max_tlp=AMBER%2BSTRICT": {3, "tlp:amber+strict"}, "?max_tlp=AMBER+STRICT": {3, "tlp:amber+strict"}, "?max_tlp=RED": {4, "tlp:red"}} {
		e := getMISP(t, srv, srv.tokens["a@knpa.test"], q)
		if len(e.Event.Object) != want.n || e.Event.Tag[0].Name != want.tag {
			t.Errorf("export%s: %d reports, tagged %s; want %d, %s", q, len(e.Event.Object), e.Event.Tag[0].Name, want.n, want.tag)
		}
	}
}

// TestExportMarks: in the MISP event a selector an analyst marked "does not
// link" goes in without to_ids, and in the STIX bundle it is an observable
// with no indicator; an allow-listed one (t.me, on the shipped allow-list)
// stays out of both.
func TestExportMarks(t *testing.T) {
	srv := newTestServer(t, Options{})
	code, b, _ := do(t, srv, exchange{method: "POST", path: "/api/v1/reports",
		body: `{"external_ref":"k-1","received_at":"2025-03-01T00:00:00Z","scam_type":"job_lure","narrative":"see t.me for the job","selectors":"+855 95 756 407;hr@goldenjob-recruit.net;t.me","tlp":"GREEN"}`})
	if code != 201 {
		t.Fatalf("report: %d %s", code, b)
	}
	var created struct{ ID string }
	json.Unmarshal(b, &created)
	_, b, _ = do(t, srv, exchange{method: "GET", path: "/api/v1/reports/" + created.ID})
	var rep struct {
		Selectors []struct{ ID, Kind string }
	}
	json.Unmarshal(b, &rep)
	for _, s := range rep.Selectors {
		if s.Kind == "email" {
			run(t, srv, []exchange{{"POST", "/api/v1/selectors/" + s.ID + "/marks", `{"no_link": true}`, 200, ""}})
		}
	}
	e := getMISP(t, srv, srv.tokens["a@knpa.test"], "")
	got := map[string]string{}
	for _, a := range e.Event.Attribute {
		got[a.Value] = fmt.Sprintf("%s/%s to_ids=%v", a.Type, a.Category, a.ToIDS)
	}
	want := map[string]string{"+85595756407": "phone-number/Financial fraud to_ids=true", "hr@goldenjob-recruit.net": "email-src/Payload delivery to_ids=false"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("attributes %v; want %v (t.me, allow-listed, left out)", got, want)
	}

	code, body, _ := do(t, srv, exchange{method: "GET", path: "/api/v1/export/stix"})
	var bundle struct {
		Objects []map[string]any `json:"objects"`
	}
	if err := json.Unmarshal(body, &bundle); code != 200 || err != nil {
		t.Fatalf("STIX export: %d %v", code, err)
	}
	var patterns, observables []string
	for _, o := range bundle.Objects {
		switch o["type"] {
		case "indicator":
			patterns = append(patterns, o["pattern"].(string))
		case "email-addr", "domain-name", "url":
			observables = append(observables, o["value"].(string))
		}
	}
	if fmt.Sprint(patterns) != "[[phone-number:value = '+85595756407']]" || fmt.Sprint(observables) != "[hr@goldenjob-recruit.net]" {
		t.Errorf("STIX indicators %q and observables %q; want the phone's indicator and the e-mail address's observable (t.me left out)", patterns, observables)
	}
	if strings.Contains(string(body), `t.me'`) || strings.Contains(string(body), `"t.me"`) {
		t.Error("the allow-listed t.me is in the STIX bundle")
	}
}

// TestEmptyExportsSayNoMoreThanAsked: a network export in which no report
// passes is a MISP event tagged with max_tlp's label and distributed no
// wider (its info names the network and the organisation), not a CLEAR
// event for all communities; the STIX bundle holds only the exporting
// organisation's identity, which names neither the network nor anything
// to mark. Both are audited as exports of 0 reports.
func TestEmptyExportsSayNoMoreThanAsked(t *testing.T) {
	srv := newTestServer(t, Options{})
	knpa := srv.tokens["a@knpa.test"]
	const network = "01K0000000000000000000000Z"
	for q, want := range map[string][2]string{"": {"tlp:amber", "0"}, "&max_tlp=GREEN": {"tlp:green", "1"}, "&max_tlp=RED": {"tlp:red", "0"}} {
		code, body, _ := doAs(t, srv, knpa, exchange{method: "GET", path: "/api/v1/export/misp?network_id=" + network + q})
		var e struct {
			Event struct {
				Info, Distribution string
				Tag                []struct{ Name string }
			}
		}
		if err := json.Unmarshal(body, &e); code != 200 || err != nil {
			t.Fatalf("MISP export%s: %d %v %s", q, code, err, body)
		}
		if len(e.Event.Tag) != 1 || e.Event.Tag[0].Name != want[0] || e.Event.Distribution != want[1] || !strings.Contains(e.Event.Info, network) {
			t.Errorf("empty MISP export%s: tags %v, distribution %s, info %q; want %s, %s", q, e.Event.Tag, e.Event.Distribution, e.Event.Info, want[0], want[1])
		}
	}
	code, body, _ := doAs(t, srv, knpa, exchange{method: "GET", path: "/api/v1/export/stix?network_id=" + network})
	var b struct {
		Objects []map[string]any `json:"objects"`
	}
	if err := json.Unmarshal(body, &b); code != 200 || err != nil {
		t.Fatalf("STIX export: %d %v %s", code, err, body)
	}
	if len(b.Objects) != 1 || b.Objects[0]["type"] != "identity" || b.Objects[0]["name"] != "KNPA" || strings.Contains(string(body), network) {
		t.Errorf("empty STIX bundle %s; want KNPA's identity alone", body)
	}
	var exports []string
	srv.trust.Audit(context.Background(), trust.Operator(), store.AuditFilter{Action: "export"}, func(e *store.AuditEntry) error {
		exports = append(exports, e.RecordID)
		return nil
	})
	if len(exports) != 4 || exports[3] != "0 reports as STIX 2.1, up to TLP:AMBER, network "+network {
		t.Errorf("audited exports %q", exports)
	}
}
