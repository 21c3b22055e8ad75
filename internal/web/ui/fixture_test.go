package ui_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"counterscam/internal/auth"
	"counterscam/internal/casework"
	"counterscam/internal/cli"
	"counterscam/internal/demo"
	"counterscam/internal/intel"
	"counterscam/internal/screen"
	"counterscam/internal/store"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
	"counterscam/internal/web/api"
	"counterscam/internal/web/ui"
)

// fixture is a server over a fresh embedded store holding the demo scene,
// loaded by the same code as `counterscam demo`; the pages and the API are
// mounted as `counterscam serve` mounts them.
type fixture struct {
	st      store.Store
	svc     *intel.Service
	ts      *trust.Service
	scr     *screen.Screener
	pages   *ui.Server
	handler http.Handler
	srv     *httptest.Server
	users   []cli.DemoUser
	// consular is the demo's consular scene; cw the casework service the
	// pages use.
	consular *demo.ConsularScene
	cw       *casework.Service
	dir      string
}

var (
	fixOnce sync.Once
	fix     *fixture
	fixErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if fix != nil {
		fix.srv.Close()
		fix.pages.Close(context.Background())
		fix.st.Close()
		os.RemoveAll(fix.dir)
	}
	os.Exit(code)
}

// demoFixture returns the package's shared demo server, built on first use.
func demoFixture(t testing.TB) *fixture {
	t.Helper()
	// Many tests file public forms from the same address; the limits
	// themselves are tested on servers of their own.
	fixOnce.Do(func() { fix, fixErr = newFixture(ui.Options{ReportsPerHour: 1000}) })
	if fixErr != nil {
		t.Fatal(fixErr)
	}
	return fix
}

func newFixture(o ui.Options) (*fixture, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "counterscam-ui-test-")
	if err != nil {
		return nil, err
	}
	f := &fixture{dir: dir}
	if f.st, err = sqlite.Open(ctx, dir); err != nil {
		return nil, err
	}
	if f.svc, err = intel.New(ctx, f.st, intel.Config{}); err != nil {
		return nil, err
	}
	if f.ts, err = trust.New(f.st, trust.Options{Params: auth.TestParams}); err != nil {
		return nil, err
	}
	if f.users, err = cli.LoadDemo(ctx, f.svc, f.ts, 2025); err != nil {
		return nil, err
	}
	if f.consular, err = demo.LoadConsular(ctx, f.st, f.svc, f.ts, 2025, demo.ConsularOptions{Password: cli.DemoPassword}); err != nil {
		return nil, err
	}
	if err := f.svc.Warm(ctx); err != nil {
		return nil, err
	}
	if f.scr, err = screen.New(screen.Config{Extract: screen.SelectorContacts, Lookup: screen.LookupFunc(f.svc.ListingStatus)}); err != nil {
		return nil, err
	}
	var logTo io.Writer = io.Discard
	if os.Getenv("COUNTERSCAM_TEST_LOG") != "" {
		logTo = os.Stderr
	}
	quiet := slog.New(slog.NewTextHandler(logTo, nil))
	o.Logger, o.Screener, o.ImportDir = quiet, f.scr, dir
	f.cw = casework.New(f.st, f.svc, casework.Config{})
	o.Casework = f.cw
	if f.pages, err = ui.New(f.svc, f.ts, o); err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", api.New(f.svc, f.ts, api.Options{Logger: quiet, Screener: f.scr, CheckRate: 1000}))
	mux.Handle("/", f.pages)
	f.handler = mux
	f.srv = httptest.NewServer(mux)
	return f, nil
}

// user returns the demo user with this e-mail.
func (f *fixture) user(t testing.TB, email string) cli.DemoUser {
	t.Helper()
	for _, u := range f.users {
		if u.Email == email {
			return u
		}
	}
	t.Fatalf("no demo user %s", email)
	return cli.DemoUser{}
}

// largestNetwork is the largest network the user sees, as the API says:
// its ID, reports and linking selectors.
func (f *fixture) largestNetwork(t testing.TB, token string) (id string, reports, selectors int) {
	t.Helper()
	var list struct {
		Networks []struct{ ID string } `json:"networks"`
	}
	f.apiGet(t, token, "/api/v1/networks?limit=1", &list)
	if len(list.Networks) == 0 {
		t.Fatal("the API lists no network")
	}
	var n struct {
		ID        string `json:"id"`
		Reports   int    `json:"reports"`
		Selectors int    `json:"selectors"`
	}
	f.apiGet(t, token, "/api/v1/networks/"+list.Networks[0].ID, &n)
	return n.ID, n.Reports, n.Selectors
}

func (f *fixture) apiGet(t testing.TB, token, path string, v any) {
	t.Helper()
	req, _ := http.NewRequest("GET", f.srv.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %s", path, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}

// reportWith finds a stored report matching fn, whatever its marking.
func (f *fixture) reportWith(t testing.TB, fn func(*store.Report) bool) *store.Report {
	t.Helper()
	reps, err := f.st.ListReports(context.Background(), store.ReportFilter{Scope: store.Scope{All: true}, Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reps {
		if fn(r) {
			return r
		}
	}
	t.Fatal("no such report in the demo scene")
	return nil
}

// client is a browser-like HTTP client: cookies kept, redirects not followed.
func client(t testing.TB) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// get fetches a page and returns its status and body.
func get(t testing.TB, c *http.Client, u string, hdr ...string) (int, string, http.Header) {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// csrf reads the CSRF token of the first form of a page.
func csrf(t testing.TB, body string) string {
	t.Helper()
	m := csrfRe.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no CSRF token on the page")
	}
	return m[1]
}

// post sends a form and returns status, body and Location.
func post(t testing.TB, c *http.Client, u string, form url.Values) (int, string, string) {
	t.Helper()
	resp, err := c.PostForm(u, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header.Get("Location")
}

// signIn signs a demo user in and returns their client.
func (f *fixture) signIn(t testing.TB, email string) *http.Client {
	t.Helper()
	c := client(t)
	_, body, _ := get(t, c, f.srv.URL+"/login")
	code, _, loc := post(t, c, f.srv.URL+"/login", url.Values{"csrf": {csrf(t, body)}, "email": {email}, "password": {cli.DemoPassword}, "next": {"/dashboard"}})
	want := "/dashboard"
	switch email {
	case "worker@shelter.demo":
		want = "/referrals" // a shelter's worker lands on the referrals
	case "screening@bank.demo":
		want = "/" // a bank's screener on the check, the one page theirs
	}
	if code != http.StatusSeeOther || loc != want {
		t.Fatalf("signing in %s: %d to %q, want %s", email, code, loc, want)
	}
	return c
}

// messages reads a language's catalogue as the tests see it.
func messages(t testing.TB, lang string) map[string]string {
	t.Helper()
	m, err := ui.ReadMessages(os.DirFS("."), lang)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// esc is how html/template writes a text.
func esc(s string) string {
	r := strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "+", "&#43;")
	return r.Replace(s)
}

var discardLog = slog.New(slog.NewTextHandler(io.Discard, nil))

// emptyServices are the services over a fresh embedded store of one test,
// without the demo scene.
func emptyServices(t testing.TB) (*intel.Service, *trust.Service, store.Store) {
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
	ts, err := trust.New(st, trust.Options{Params: auth.TestParams})
	if err != nil {
		t.Fatal(err)
	}
	return svc, ts, st
}

// newServer serves h for one test.
func newServer(t testing.TB, h http.Handler) *httptest.Server {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}
