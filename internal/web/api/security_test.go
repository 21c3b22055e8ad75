package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// TestTokensAsAnAttackerWouldTry: missing, malformed, forged, expired and
// revoked tokens all get 401 on every signed-in route, never anything else.
func TestTokensAsAnAttackerWouldTry(t *testing.T) {
	srv := newTestServer(t, Options{})
	ctx := context.Background()
	expiring, _, err := srv.trust.CreateToken(ctx, trust.Operator(), "a@knpa.test", "short", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	revoked, tok, err := srv.trust.CreateToken(ctx, trust.Operator(), "a@knpa.test", "revoked", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.trust.RevokeToken(ctx, trust.Operator(), tok.ID); err != nil {
		t.Fatal(err)
	}
	forged, _ := auth.NewToken() // well-formed, never issued
	valid := srv.tokens["a@knpa.test"]
	srv.clock.Advance(2 * time.Minute) // the short token has expired
	headers := map[string]string{
		"missing":      "",
		"no scheme":    valid,
		"basic":        "Basic " + valid,
		"empty bearer": "Bearer ",
		"garbage":      "Bearer ' OR 1=1 --",
		"forged":       "Bearer " + forged,
		"expired":      "Bearer " + expiring,
		"revoked":      "Bearer " + revoked,
		"truncated":    "Bearer " + valid[:len(valid)-2],
	}
	for _, rt := range (&Server{}).routes() {
		if rt.access != signedIn {
			continue
		}
		path := strings.NewReplacer("{id}", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "{prefix}", "abcde").Replace(rt.pattern)
		for name, h := range headers {
			req, _ := http.NewRequest(rt.method, srv.URL+path, strings.NewReader(`{}`))
			if h != "" {
				req.Header.Set("Authorization", h)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusUnauthorized || resp.Header.Get("WWW-Authenticate") == "" {
				t.Errorf("%s %s with %s token: %d, want 401 with WWW-Authenticate", rt.method, path, name, resp.StatusCode)
			}
		}
	}
	// A bad token is refused even on open routes: never read as the public.
	code, _, _ := doAs(t, srv, forged, exchange{method: "GET", path: "/api/v1/stats"})
	if code != http.StatusUnauthorized {
		t.Errorf("forged token on an open route: %d, want 401", code)
	}
}

// TestGuessedIDsOfOtherOrganisations: an AMBER+STRICT report of KNPA is,
// for anyone else, exactly a report that does not exist.
func TestGuessedIDsOfOtherOrganisations(t *testing.T) {
	srv := newTestServer(t, Options{})
	_, body, _ := do(t, srv, exchange{method: "POST", path: "/api/v1/reports",
		body: `{"external_ref":"s1","origin":"x","received_at":"2025-01-01T00:00:00Z","scam_type":"sextortion","narrative":"informant statement","tlp":"AMBER+STRICT"}`})
	var r struct{ ID string }
	json.Unmarshal(body, &r)
	for _, who := range []string{"a@cnp.test", "a@rtp.test", "s@bank.test"} {
		code, got, _ := doAs(t, srv, srv.tokens[who], exchange{method: "GET", path: "/api/v1/reports/" + r.ID})
		_, none, _ := doAs(t, srv, srv.tokens[who], exchange{method: "GET", path: "/api/v1/reports/01ARZ3NDEKTSV4RRFFQ69G5FAV"})
		if code != http.StatusNotFound || string(got) != string(none) {
			t.Errorf("%s reading KNPA's AMBER+STRICT report: %d %s; want the missing-ID answer %s", who, code, got, none)
		}
		code, _, _ = doAs(t, srv, srv.tokens[who], exchange{method: "GET", path: "/api/v1/networks/" + r.ID})
		if code != http.StatusNotFound && code != http.StatusForbidden {
			t.Errorf("%s reading the network of KNPA's AMBER+STRICT report: %d", who, code)
		}
	}
	code, _, _ := do(t, srv, exchange{method: "GET", path: "/api/v1/reports/" + r.ID})
	if code != http.StatusOK {
		t.Fatalf("the origin's own analyst: %d", code)
	}
}

// TestInjectionInEveryTextField: SQL and template syntax in every text
// field is stored and returned as plain text, and nothing answers 500.
func TestInjectionInEveryTextField(t *testing.T) {
	srv := newTestServer(t, Options{CheckRate: 1e6})
	payloads := []string{
		`'; DROP TABLE reports; --`, `" OR "1"="1`, `{{.}}{{printf "%s" .Narrative}}`, `<script>alert(1)</script>`,
		`\u0000`, `%00`, `$1`, `?`, `' UNION SELECT hash FROM tokens --`, strings.Repeat("'", 300),
	}
	for i, p := range payloads {
		q, _ := json.Marshal(p)
		fields := []string{"external_ref", "narrative", "victim_ref", "selectors", "occurred_at", "scam_type", "victim_country", "loss_amount", "loss_currency", "tlp", "channel"}
		for _, f := range fields {
			body := fmt.Sprintf(`{"external_ref":"inj-%d-%s","origin":"x","received_at":"2025-01-01T00:00:00Z","scam_type":"other",%q:%s}`, i, f, f, q)
			if f == "external_ref" || f == "scam_type" {
				body = fmt.Sprintf(`{"origin":"x","received_at":"2025-01-01T00:00:00Z","scam_type":"other","external_ref":"e%d%s",%q:%s}`, i, f, f, q)
			}
			code, resp, _ := do(t, srv, exchange{method: "POST", path: "/api/v1/reports", body: body})
			if code >= 500 {
				t.Fatalf("%s = %s: %d %s", f, p, code, resp)
			}
			if f == "narrative" && code == http.StatusCreated {
				var r struct{ ID string }
				json.Unmarshal(resp, &r)
				_, got, _ := do(t, srv, exchange{method: "GET", path: "/api/v1/reports/" + r.ID})
				var rep struct{ Narrative string }
				json.Unmarshal(got, &rep)
				if rep.Narrative != p && !(p == `\u0000` || strings.ContainsRune(p, 0)) {
					t.Errorf("narrative %q came back as %q", p, rep.Narrative)
				}
			}
		}
		for _, path := range []string{"/api/v1/check", "/api/v1/screen", "/api/v1/check/batch"} {
			body := `{"query":` + string(q) + `}`
			if path == "/api/v1/screen" {
				body = `{"text":` + string(q) + `}`
			} else if path == "/api/v1/check/batch" {
				body = `{"queries":[` + string(q) + `]}`
			}
			if code, resp, _ := do(t, srv, exchange{method: "POST", path: path, body: body}); code >= 500 {
				t.Fatalf("%s with %s: %d %s", path, p, code, resp)
			}
		}
		for _, path := range []string{"/api/v1/networks?scam_type=", "/api/v1/networks?after=", "/api/v1/reports/", "/api/v1/selectors/", "/api/v1/range/"} {
			if code, resp, _ := do(t, srv, exchange{method: "GET", path: path + urlEscape(p)}); code >= 500 {
				t.Fatalf("GET %s%s: %d %s", path, p, code, resp)
			}
		}
	}
	// The tables are all still there.
	if code, body, _ := do(t, srv, exchange{method: "GET", path: "/api/v1/stats"}); code != 200 || !strings.Contains(string(body), `"reports":`) {
		t.Fatalf("after the payloads: %d %s", code, body)
	}
}

// TestMalformedAndOversizedBodies never answer 500.
func TestMalformedAndOversizedBodies(t *testing.T) {
	srv := newTestServer(t, Options{CheckRate: 1e6})
	bodies := []string{"", "{", "[]", "null", `{"query":[]}`, strings.Repeat("{", 10000), "\xff\xfe\xfd", strings.Repeat("x", 5<<20)}
	for _, rt := range (&Server{}).routes() {
		if rt.method != "POST" {
			continue
		}
		path := strings.ReplaceAll(rt.pattern, "{id}", "00000000-0000-5000-8000-000000000000")
		for _, b := range bodies {
			code, resp, _ := do(t, srv, exchange{method: "POST", path: path, body: b})
			if code >= 500 || code < 400 {
				t.Errorf("POST %s with a %d-byte bad body: %d %.80s", path, len(b), code, resp)
			}
		}
	}
}

func urlEscape(s string) string {
	r := strings.NewReplacer("%", "%25", "#", "%23", "?", "%3F", " ", "%20", "/", "%2F", "\\", "%5C", "\"", "%22", "<", "%3C", ">", "%3E", "{", "%7B", "}", "%7D", "'", "%27", "$", "%24", "=", "%3D", ";", "%3B")
	return r.Replace(s)
}

// TestReadsByAnotherOrganisationAreDisclosures: the origin's own reads are
// audited as reads; a partner's as disclosures, with the basis and the
// purpose the reader stated.
func TestReadsByAnotherOrganisationAreDisclosures(t *testing.T) {
	srv := newTestServer(t, Options{})
	_, body, _ := do(t, srv, exchange{method: "POST", path: "/api/v1/reports",
		body: `{"external_ref":"d1","origin":"x","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","narrative":"victim statement","tlp":"AMBER"}`})
	var r struct{ ID string }
	json.Unmarshal(body, &r)
	req, _ := http.NewRequest("GET", srv.URL+"/api/v1/reports/"+r.ID, nil)
	req.Header.Set("Authorization", "Bearer "+srv.tokens["a@cnp.test"])
	req.Header.Set("X-Purpose", "joint task force case 2025-17")
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("partner read: %v %v", err, resp)
	}
	resp.Body.Close()
	do(t, srv, exchange{method: "GET", path: "/api/v1/reports/" + r.ID})
	var actions []string
	err = srv.trust.Audit(context.Background(), trust.Operator(), store.AuditFilter{RecordID: r.ID}, func(e *store.AuditEntry) error {
		actions = append(actions, e.Action+" by "+e.Org+" ("+e.Purpose+")")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"disclose by CNP (basis: unstated; purpose: joint task force case 2025-17)", "read by KNPA ()"}
	if len(actions) != 3 || actions[1] != want[0] || actions[2] != want[1] {
		t.Fatalf("audit of the report: %q; want its creation, then %q", actions, want)
	}
}

// TestREDReachesNamedRecipientsOnly: a RED report names its recipients by
// e-mail; they and the creator read it, nobody else, whatever their
// organisation; an unknown recipient is refused.
func TestREDReachesNamedRecipientsOnly(t *testing.T) {
	srv := newTestServer(t, Options{})
	code, body, _ := do(t, srv, exchange{method: "POST", path: "/api/v1/reports",
		body: `{"external_ref":"red1","origin":"x","received_at":"2025-01-01T00:00:00Z","scam_type":"other","narrative":"informant","tlp":"RED","recipients":"A@rtp.test","legal_basis":"MLA treaty art. 1","purpose":"joint investigation"}`})
	var r struct{ ID string }
	json.Unmarshal(body, &r)
	if code != http.StatusCreated {
		t.Fatalf("create RED: %d %s", code, body)
	}
	for who, want := range map[string]int{"a@knpa.test": 200, "a@rtp.test": 200, "a@cnp.test": 404, "admin@knpa.test": 404} {
		if code, _, _ := doAs(t, srv, srv.tokens[who], exchange{method: "GET", path: "/api/v1/reports/" + r.ID}); code != want {
			t.Errorf("%s reading the RED report: %d, want %d", who, code, want)
		}
	}
	code, body, _ = do(t, srv, exchange{method: "POST", path: "/api/v1/reports",
		body: `{"external_ref":"red2","origin":"x","received_at":"2025-01-01T00:00:00Z","scam_type":"other","tlp":"RED","recipients":"nobody@nowhere.test"}`})
	if code != http.StatusBadRequest || !strings.Contains(string(body), "recipients") {
		t.Fatalf("RED for an unknown recipient: %d %s", code, body)
	}
}

// TestRefusedReadsAreAudited: reading another organisation's AMBER+STRICT
// report, its network or a selector only it names answers as a missing
// record would, and each attempt is in the audit trail as a refusal; an ID
// that exists nowhere leaves no entry.
func TestRefusedReadsAreAudited(t *testing.T) {
	srv := newTestServer(t, Options{})
	_, body, _ := do(t, srv, exchange{method: "POST", path: "/api/v1/reports",
		body: `{"external_ref":"s1","received_at":"2025-01-01T00:00:00Z","scam_type":"loan","narrative":"informant","selectors":"ABA 012 345 678","tlp":"AMBER+STRICT"}`})
	var r struct {
		ID        string `json:"id"`
		NetworkID string `json:"network_id"`
	}
	json.Unmarshal(body, &r)
	rep, err := srv.svc.GetReport(context.Background(), trust.Operator(), r.ID)
	if err != nil || len(rep.Selectors) == 0 {
		t.Fatalf("the report: %v", err)
	}
	sel := rep.Selectors[0].SelectorID
	cnp := srv.tokens["a@cnp.test"]
	for _, path := range []string{"/api/v1/reports/" + r.ID, "/api/v1/networks/" + r.NetworkID, "/api/v1/selectors/" + sel,
		"/api/v1/networks/01ARZ3NDEKTSV4RRFFQ69G5FAV", "/api/v1/selectors/6ba7b810-9dad-11d1-80b4-00c04fd430c8"} {
		if code, _, _ := doAs(t, srv, cnp, exchange{method: "GET", path: path}); code != http.StatusNotFound {
			t.Errorf("CNP GET %s: %d, want 404", path, code)
		}
	}
	var got []string
	srv.trust.Audit(context.Background(), trust.Operator(), store.AuditFilter{Org: "CNP"}, func(e *store.AuditEntry) error {
		got = append(got, e.Action+" "+e.RecordType+" "+e.RecordID+" "+e.Decision)
		return nil
	})
	want := []string{"read report " + r.ID + " deny", "read network " + r.NetworkID + " deny", "read selector " + sel + " deny"}
	if !slices.Equal(got, want) {
		t.Errorf("CNP's audit entries %q; want %q", got, want)
	}
}

// TestNetworkReadsAreAudited: a network's summary (its key infrastructure,
// losses and victims) read through the API is in the audit trail with
// the reader's stated purpose, as a report or a selector read is, not
// only when it is refused.
func TestNetworkReadsAreAudited(t *testing.T) {
	srv := newTestServer(t, Options{})
	_, body, _ := do(t, srv, exchange{method: "POST", path: "/api/v1/reports",
		body: `{"external_ref":"n1","received_at":"2025-01-01T00:00:00Z","scam_type":"loan","narrative":"mule account","selectors":"ABA 012 345 678","tlp":"AMBER"}`})
	var r struct {
		NetworkID string `json:"network_id"`
	}
	json.Unmarshal(body, &r)
	req, _ := http.NewRequest("GET", srv.URL+"/api/v1/networks/"+r.NetworkID, nil)
	req.Header.Set("Authorization", "Bearer "+srv.tokens["a@cnp.test"])
	req.Header.Set("X-Purpose", "joint task force case 2025-17")
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("the partner's read of the network: %v %v", err, resp)
	}
	resp.Body.Close()
	var got []string
	srv.trust.Audit(context.Background(), trust.Operator(), store.AuditFilter{Org: "CNP"}, func(e *store.AuditEntry) error {
		got = append(got, e.Action+" "+e.RecordType+" "+e.RecordID+" "+e.Decision+" ("+e.Purpose+")")
		return nil
	})
	want := []string{"read network " + r.NetworkID + " allow (joint task force case 2025-17)"}
	if !slices.Equal(got, want) {
		t.Errorf("CNP's audit entries %q; want %q", got, want)
	}
}

// TestARefAlreadyTakenRevealsNoHiddenReport: posting a report under an
// external_ref that a RED report of one's own organisation holds (KNPA's
// admin is no recipient of the analyst's RED report) cannot store it, and
// must not hand back what the label hides: its ID, its network or how many
// selectors it names. The creator sending it again gets the stored report.
func TestARefAlreadyTakenRevealsNoHiddenReport(t *testing.T) {
	srv := newTestServer(t, Options{})
	const red = `{"external_ref":"KNPA-2025-0042","received_at":"2025-01-01T00:00:00Z","scam_type":"crypto_investment","narrative":"informant","selectors":"TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL","tlp":"RED","recipients":"a@rtp.test"}`
	code, body, _ := do(t, srv, exchange{method: "POST", path: "/api/v1/reports", body: red})
	var r struct {
		ID        string `json:"id"`
		NetworkID string `json:"network_id"`
	}
	json.Unmarshal(body, &r)
	if code != http.StatusCreated || r.ID == "" {
		t.Fatalf("create RED: %d %s", code, body)
	}
	code, body, _ = doAs(t, srv, srv.tokens["admin@knpa.test"], exchange{method: "POST", path: "/api/v1/reports",
		body: `{"external_ref":"KNPA-2025-0042","received_at":"2025-02-01T00:00:00Z","scam_type":"loan","narrative":"a guess","tlp":"AMBER"}`})
	if code < 400 || code >= 500 || strings.Contains(string(body), r.ID) || strings.Contains(string(body), r.NetworkID) || strings.Contains(string(body), `"selectors"`) {
		t.Errorf("KNPA's admin reusing the RED report's reference: %d %s; want a refusal naming nothing of report %s", code, body, r.ID)
	}
	code, body, _ = do(t, srv, exchange{method: "POST", path: "/api/v1/reports", body: red})
	if code != http.StatusOK || !strings.Contains(string(body), `"id":"`+r.ID+`"`) {
		t.Errorf("the creator sending it again: %d %s, want 200 with %s", code, body, r.ID)
	}
}
