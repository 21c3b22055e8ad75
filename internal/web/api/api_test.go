package api

import (
	"bytes"
	"context"
	"counterscam/internal/web/proxy"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/intel"
	"counterscam/internal/screen"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

// testServer is a server over a fresh embedded store with two partner
// police units and an unrelated one, an analyst in each, and a bank.
type testServer struct {
	*httptest.Server
	svc    *intel.Service
	trust  *trust.Service
	tokens map[string]string // e-mail -> API token
	clock  *testClock
}

// testClock is the trust layer's clock, which a test moves forward.
type testClock struct {
	mu  sync.Mutex
	off time.Duration
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.off)
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.off += d
	c.mu.Unlock()
}

func newTestServer(t testing.TB, o Options) *testServer {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc, err := intel.New(ctx, st, intel.Config{})
	if err != nil {
		t.Fatal(err)
	}
	clock := &testClock{}
	ts, err := trust.New(st, trust.Options{Params: auth.TestParams, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	op := trust.Operator()
	for _, o := range [][3]string{{"KNPA", "KR", "police"}, {"CNP", "KH", "police"}, {"RTP", "TH", "police"}, {"BANK", "KR", "bank"}} {
		if _, err := ts.AddOrg(ctx, op, o[0], o[1], o[2], nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := ts.SetPartners(ctx, op, "KNPA", []string{"CNP"}); err != nil {
		t.Fatal(err)
	}
	if err := ts.SetPartners(ctx, op, "CNP", []string{"KNPA"}); err != nil {
		t.Fatal(err)
	}
	tokens := map[string]string{}
	for _, u := range [][3]string{{"KNPA", "a@knpa.test", "analyst"}, {"CNP", "a@cnp.test", "analyst"}, {"RTP", "a@rtp.test", "analyst"}, {"BANK", "s@bank.test", "partner"}, {"KNPA", "admin@knpa.test", "admin"}} {
		if _, err := ts.AddUser(ctx, op, u[0], u[1], u[2], "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		tok, _, err := ts.CreateToken(ctx, op, u[1], "test", time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		tokens[u[1]] = tok
	}
	srv := httptest.NewServer(New(svc, ts, o))
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, svc: svc, trust: ts, tokens: tokens, clock: clock}
}

type exchange struct {
	method, path, body string
	code               int
	want               string // a substring of the answer
}

func do(t *testing.T, srv *testServer, x exchange) (int, []byte, http.Header) {
	return doAs(t, srv, srv.tokens["a@knpa.test"], x)
}

// doAs sends x with a bearer token ("" for none).
func doAs(t *testing.T, srv *testServer, token string, x exchange) (int, []byte, http.Header) {
	t.Helper()
	req, err := http.NewRequest(x.method, srv.URL+x.path, strings.NewReader(x.body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b, resp.Header
}

func run(t *testing.T, srv *testServer, xs []exchange) {
	t.Helper()
	runAs(t, srv, srv.tokens["a@knpa.test"], xs)
}

func runAs(t *testing.T, srv *testServer, token string, xs []exchange) {
	t.Helper()
	for _, x := range xs {
		code, body, _ := doAs(t, srv, token, x)
		if code != x.code || !strings.Contains(string(body), x.want) {
			t.Errorf("%s %s %.60q: %d %s; want %d containing %q", x.method, x.path, x.body, code, body, x.code, x.want)
		}
	}
}

const reportA = `{"external_ref":"A-1","origin":"KNPA","received_at":"2025-06-01T09:00:00+09:00","scam_type":"crypto_investment",
 "narrative":"Paid USDT to TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL after a Telegram chat with @goldentrade_vip","victim_country":"KR",
 "loss_amount":"15000000","loss_currency":"KRW","selectors":"010-2345-6789;TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL","tlp":"CLEAR"}`

func TestAPIScenarios(t *testing.T) {
	srv := newTestServer(t, Options{})
	code, body, _ := do(t, srv, exchange{method: "POST", path: "/api/v1/reports", body: reportA})
	if code != http.StatusCreated {
		t.Fatalf("create: %d %s", code, body)
	}
	var created struct {
		ID        string `json:"id"`
		Selectors int    `json:"selectors"`
	}
	json.Unmarshal(body, &created)
	if len(created.ID) != 26 || created.Selectors != 3 {
		t.Fatalf("create answered %s; want a ULID and 3 selectors (two given, the handle found in the narrative)", body)
	}
	code, body, _ = do(t, srv, exchange{method: "POST", path: "/api/v1/reports", body: reportA})
	if code != http.StatusOK || !strings.Contains(string(body), created.ID) {
		t.Fatalf("re-create: %d %s; want 200 with the same id %s", code, body, created.ID)
	}
	// The same wallet reported by the Cambodian side: a second source.
	second := strings.NewReplacer(`"A-1"`, `"B-7"`, "010-2345-6789;", "").Replace(reportA)
	runAs(t, srv, srv.tokens["a@cnp.test"], []exchange{
		{"POST", "/api/v1/reports", second, 201, `"network_id":"` + created.ID},
	})
	run(t, srv, []exchange{
		{"GET", "/api/v1/reports/" + created.ID, "", 200, `"loss`},
		{"GET", "/api/v1/reports/01ARZ3NDEKTSV4RRFFQ69G5FAV", "", 404, "not found"},
		{"GET", "/api/v1/networks", "", 200, `"reports":2`},
		{"GET", "/api/v1/networks?scam_type=lottery", "", 400, "scam_type"},
		{"GET", "/api/v1/networks?since=yesterday", "", 400, "since"},
		{"GET", "/api/v1/networks/" + created.ID, "", 200, `"victims":2`},
		{"POST", "/api/v1/check", `{"query":"TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL"}`, 200, `"status":"listed"`},
		{"POST", "/api/v1/check", `{"query":"+82 10-2345-6789"}`, 200, `"status":"not_listed"`},
		{"POST", "/api/v1/check", `{"query":"t.me"}`, 200, `"status":"allowlisted"`},
		{"POST", "/api/v1/check", `{"query":"hello world"}`, 200, `"status":"invalid","reason":"not a phone number, e-mail, URL, domain, IP address, wallet, bank account, card or handle","code":"unrecognised"`},
		{"POST", "/api/v1/check", `{"query":""}`, 400, "query"},
		{"POST", "/api/v1/check", `{"query":"095 756 407","region":"XX"}`, 400, "region: not an ISO 3166-1 alpha-2 code"},
		{"POST", "/api/v1/check", `{"query":"095 756 407","region":"kh"}`, 200, `"status":"not_listed"`},
		{"POST", "/api/v1/check/batch", `{"queries":["095 756 407"],"region":"ZZ"}`, 400, "region: not an ISO 3166-1 alpha-2 code"},
		{"POST", "/api/v1/check", `{"query":`, 400, "malformed JSON"},
		{"POST", "/api/v1/check", `{"q":"x"}`, 400, "unknown field"},
		{"POST", "/api/v1/check", `{"query":"` + strings.Repeat("9", 20<<10) + `"}`, 413, "limit"},
		{"POST", "/api/v1/check/batch", `{"queries":["t.me","TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL","junk"]}`, 200, `"status":"allowlisted"`},
		{"POST", "/api/v1/check/batch", `{"queries":[` + strings.Repeat(`"x",`, 1000) + `"x"]}`, 413, "1000"},
		// A value longer than the single check takes is refused as there,
		// saying which one.
		{"POST", "/api/v1/check/batch", `{"queries":["t.me","` + strings.Repeat("a", 2049) + `"]}`, 400, "queries[1]: longer than 2048 bytes"},
		{"GET", "/api/v1/range/abcde", "", 200, ":0"},
		{"GET", "/api/v1/range/xyz", "", 400, "prefix"},
		{"GET", "/api/v1/selectors/not-a-uuid", "", 404, "not found"},
		{"GET", "/api/v1/nothing-here", "", 404, "no such endpoint"},
		{"POST", "/api/v1/reports", `{"external_ref":"x","origin":"KNPA","received_at":"2025-13-01T00:00:00Z","scam_type":"romance"}`, 400, "received_at"},
		{"POST", "/api/v1/reports", `[1,2]`, 400, "one JSON object"},
		{"POST", "/api/v1/reports", `{"external_ref":"y","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","selectors":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"}`, 400,
			`{"code":"crypto_checksum","error":"selectors: \"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD\" is not a valid crypto: mixed-case EIP-55 checksum does not match (mistyped address?)"}`},
		{"POST", "/api/v1/reports", `{"external_ref":"y","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","selectors":[{"value":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD","kind":"crypto"}]}`, 400,
			`{"code":"crypto_checksum","error":"selectors: \"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD\" is not a valid crypto: mixed-case EIP-55 checksum does not match (mistyped address?)"}`},
		{"POST", "/api/v1/reports", `{"external_ref":"y","origin":"KNPA","received_at":"2025-13-01T00:00:00Z","scam_type":"romance"}`, 400, `{"error":"received_at:`},
		{"POST", "/api/v1/reports", `{"external_ref":"y","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","victim_country":"KR","selectors":[{"value":"010 1234","kind":"phone"}]}`, 400,
			`{"code":"phone_not_in_region","error":"selectors: \"010 1234\" is not a valid phone: not a valid number for KR nor an international one"}`},
		{"GET", "/api/v1/stats", "", 200, `"reports":2`},
		{"GET", "/api/v1/health", "", 200, `"ok"`},
	})
	// The batch answers one result per value, in order.
	_, body, _ = do(t, srv, exchange{method: "POST", path: "/api/v1/check/batch", body: `{"queries":["junk","t.me","TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL"]}`})
	var batch struct {
		Results []struct {
			Status string `json:"status"`
		} `json:"results"`
	}
	json.Unmarshal(body, &batch)
	var got []string
	for _, r := range batch.Results {
		got = append(got, r.Status)
	}
	if !slices.Equal(got, []string{"invalid", "allowlisted", "listed"}) {
		t.Fatalf("batch statuses %v", got)
	}
}

func TestNetworkRedirectsAfterMerge(t *testing.T) {
	srv := newTestServer(t, Options{})
	mk := func(ref, sels string) string {
		body := `{"external_ref":"` + ref + `","origin":"KNPA","received_at":"2025-06-01T00:00:00Z","scam_type":"romance","victim_country":"KH","selectors":"` + sels + `"}`
		_, b, _ := do(t, srv, exchange{method: "POST", path: "/api/v1/reports", body: body})
		var r struct{ ID string }
		json.Unmarshal(b, &r)
		return r.ID
	}
	a := mk("1", "012 345 678")
	b := mk("2", "@scam_recruiter")
	mk("3", "012345678;@scam_recruiter")
	code, _, h := do(t, srv, exchange{method: "GET", path: "/api/v1/networks/" + b})
	if code != http.StatusPermanentRedirect || h.Get("Location") != "/api/v1/networks/"+a {
		t.Fatalf("absorbed network: %d to %q; want 308 to %s", code, h.Get("Location"), a)
	}
}

func TestScreenEndpoint(t *testing.T) {
	scr, err := screen.New(screen.Config{Extract: screen.SelectorContacts})
	if err != nil {
		t.Fatal(err)
	}
	srv := newTestServer(t, Options{Screener: scr})
	lure := "Customer service job in Sihanoukville, $3,000 a month, no experience needed, flight and visa paid. Contact only on Telegram @kh_jobs_hr"
	code, body, _ := do(t, srv, exchange{method: "POST", path: "/api/v1/screen", body: `{"text":` + strconvQuote(lure) + `}`})
	var res struct {
		Level   string `json:"level"`
		Reasons []struct {
			Code       string
			Start, End int
		} `json:"reasons"`
	}
	if err := json.Unmarshal(body, &res); err != nil || code != 200 {
		t.Fatalf("screen: %d %s", code, body)
	}
	if res.Level != "high" || len(res.Reasons) < 3 {
		t.Fatalf("lure screened %s with %d reasons; want high with several", res.Level, len(res.Reasons))
	}
	for _, r := range res.Reasons {
		if r.Start < 0 || r.End > len(lure) || r.Start >= r.End {
			t.Fatalf("reason %s has span %d-%d outside the text", r.Code, r.Start, r.End)
		}
	}
	run(t, srv, []exchange{
		{"POST", "/api/v1/screen", `{"text":""}`, 400, "empty"},
		{"POST", "/api/v1/screen", `{"text":"` + strings.Repeat("a", 70<<10) + `"}`, 413, "64 KiB"},
		{"POST", "/api/v1/screen", `{"text":"Hi, are we still on for lunch tomorrow?"}`, 200, `"level":"low"`},
		// The messages' language must be one the screener has messages in.
		{"POST", "/api/v1/screen", `{"text":"Hi, are we still on for lunch tomorrow?","lang":"km"}`, 200, `"message_language":"km"`},
		{"POST", "/api/v1/screen", `{"text":"Hi, are we still on for lunch tomorrow?","lang":"xx"}`, 400, "lang: one of en, id, km, ko, th, vi, zh"},
	})
}

func strconvQuote(s string) string { b, _ := json.Marshal(s); return string(b) }

func TestRateLimit(t *testing.T) {
	srv := newTestServer(t, Options{CheckRate: 1})
	var last int
	var hdr http.Header
	for range 15 {
		last, _, hdr = do(t, srv, exchange{method: "POST", path: "/api/v1/check", body: `{"query":"t.me"}`})
	}
	if last != http.StatusTooManyRequests || hdr.Get("Retry-After") == "" {
		t.Fatalf("after 15 checks at 1/s (burst 10): %d, Retry-After %q", last, hdr.Get("Retry-After"))
	}
}

// TestOpenAPIMatchesRoutes keeps the OpenAPI document in step with the
// route table: every route is documented and every documented path served.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openapiDoc, &doc); err != nil {
		t.Fatal(err)
	}
	var documented, served []string
	for p, ops := range doc.Paths {
		for m := range ops {
			documented = append(documented, strings.ToUpper(m)+" "+p)
		}
	}
	for _, r := range (&Server{}).routes() {
		served = append(served, r.method+" "+r.pattern)
	}
	slices.Sort(documented)
	slices.Sort(served)
	if !slices.Equal(documented, served) {
		t.Fatalf("OpenAPI paths and routes differ:\ndocumented %v\nserved     %v", documented, served)
	}
}

func FuzzCheckBody(f *testing.F) {
	for _, s := range []string{`{"query":"+855 12 345 678"}`, `{"query":1}`, `{`, `{"query":"t.me","region":"KH"}`, "\xff"} {
		f.Add(s)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, f.TempDir())
	if err != nil {
		f.Fatal(err)
	}
	defer st.Close()
	svc, err := intel.New(ctx, st, intel.Config{})
	if err != nil {
		f.Fatal(err)
	}
	ts, err := trust.New(st, trust.Options{Params: auth.TestParams})
	if err != nil {
		f.Fatal(err)
	}
	h := New(svc, ts, Options{CheckRate: 1e9})
	f.Fuzz(func(t *testing.T, body string) {
		for _, path := range []string{"/api/v1/check", "/api/v1/check/batch"} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("POST", path, bytes.NewBufferString(body)))
			if rec.Code >= 500 {
				t.Fatalf("%s %q: %d %s", path, body, rec.Code, rec.Body)
			}
		}
	})
}

// TestReportWithoutOrigin: the origin is the caller's organisation, as the
// README says, so a report sent without one is taken as theirs.
func TestReportWithoutOrigin(t *testing.T) {
	srv := newTestServer(t, Options{})
	noOrigin := `{"external_ref":"K-9","received_at":"2025-06-01T00:00:00Z","scam_type":"romance","victim_country":"KR","selectors":"@romance_ring88","tlp":"GREEN"}`
	code, body, _ := doAs(t, srv, srv.tokens["a@cnp.test"], exchange{method: "POST", path: "/api/v1/reports", body: noOrigin})
	if code != http.StatusCreated {
		t.Fatalf("a report without origin: %d %s; want 201", code, body)
	}
	var created struct{ ID string }
	json.Unmarshal(body, &created)
	runAs(t, srv, srv.tokens["a@cnp.test"], []exchange{
		{"GET", "/api/v1/reports/" + created.ID, "", 200, `"origin":"CNP"`},
		{"POST", "/api/v1/reports", noOrigin, 200, `"created":false`},
	})
}

// TestRateLimitBehindAProxy: behind a trusted proxy each client (as its
// X-Forwarded-For names it) has its own budget, an IPv6 client's whole
// /64 one budget; a client that spends its own leaves the others theirs.
func TestRateLimitBehindAProxy(t *testing.T) {
	base := newTestServer(t, Options{CheckRate: 1})
	trusted, err := proxy.Parse("127.0.0.1, ::1")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(trusted.Handler(New(base.svc, base.trust, Options{CheckRate: 1})))
	defer srv.Close()
	check := func(client string) int {
		req, _ := http.NewRequest("POST", srv.URL+"/api/v1/check", strings.NewReader(`{"query":"t.me"}`))
		req.Header.Set("X-Forwarded-For", client)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, c := range []struct{ spender, same, other string }{
		{"203.0.113.9", "203.0.113.9", "198.51.100.4"},
		{"2001:db8:1:2::1", "2001:db8:1:2::99", "2001:db8:1:3::1"},
	} {
		last := 0
		for range 15 {
			last = check(c.spender)
		}
		if last != http.StatusTooManyRequests {
			t.Fatalf("%s after 15 checks at 1/s: %d, want 429", c.spender, last)
		}
		if got := check(c.same); got != http.StatusTooManyRequests {
			t.Errorf("%s, counted with %s: %d, want 429", c.same, c.spender, got)
		}
		if got := check(c.other); got != http.StatusOK {
			t.Errorf("%s, another client behind the same proxy: %d, want 200", c.other, got)
		}
	}
}
