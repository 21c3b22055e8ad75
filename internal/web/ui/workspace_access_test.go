package ui_test

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/cli"
	"counterscam/internal/intel"
	"counterscam/internal/misp"
	"counterscam/internal/stix"
	"counterscam/internal/store"
	"counterscam/internal/trust"
	"counterscam/internal/web/ui"
)

// TestSessionCookie: the session cookie is HttpOnly and SameSite=Lax, and
// Secure with the __Host- prefix when the request came over TLS.
func TestSessionCookie(t *testing.T) {
	f := demoFixture(t)
	for _, tls := range []bool{false, true} {
		var srv *httptest.Server
		if tls {
			srv = httptest.NewTLSServer(f.handler)
		} else {
			srv = httptest.NewServer(f.handler)
		}
		_, resp := signInOn(t, srv, "analyst@cnp.demo")
		var sess *http.Cookie
		for _, ck := range resp.Cookies() {
			if strings.HasSuffix(ck.Name, "cs_session") {
				sess = ck
			}
		}
		switch {
		case sess == nil:
			t.Errorf("tls=%v: no session cookie (status %d)", tls, resp.StatusCode)
		case !sess.HttpOnly || sess.SameSite != http.SameSiteLaxMode || sess.Secure != tls || sess.Path != "/":
			t.Errorf("tls=%v: cookie %+v", tls, sess)
		case tls && sess.Name != "__Host-cs_session":
			t.Errorf("over TLS the cookie is %q, want the __Host- prefix", sess.Name)
		}
		srv.Close()
	}
}

// TestTLSReadsOnlyTheHostOnlySessionCookie: over TLS the session is
// read from the __Host- cookie alone. A plain cs_session cookie is one
// anyone who can answer the browser over plain HTTP, or who runs a
// sibling subdomain, can plant (what the prefix guards against); were it
// read, they could sign a visitor in as themselves, and whatever the
// visitor then types (a case note, a report) would land in their account.
func TestTLSReadsOnlyTheHostOnlySessionCookie(t *testing.T) {
	f := demoFixture(t)
	srv := httptest.NewTLSServer(f.handler)
	defer srv.Close()
	c, resp := signInOn(t, srv, "analyst@cnp.demo")
	id := ""
	for _, ck := range resp.Cookies() {
		if ck.Name == "__Host-cs_session" {
			id = ck.Value
		}
	}
	if id == "" {
		t.Fatalf("no __Host-cs_session cookie after signing in over TLS (status %d)", resp.StatusCode)
	}
	for name, want := range map[string]int{"__Host-cs_session": http.StatusOK, "cs_session": http.StatusSeeOther} {
		fresh := &http.Client{Transport: c.Transport, CheckRedirect: c.CheckRedirect} // no jar: only the cookie sent
		code, _, hdr := get(t, fresh, srv.URL+"/dashboard", "Cookie", name+"="+id)
		if code != want {
			t.Errorf("over TLS with the session in %s: %d (Location %q), want %d", name, code, hdr.Get("Location"), want)
		}
	}
}

// TestTLSIgnoresAPlantedVisitorCookie: over TLS the CSRF secret of a
// visitor not yet signed in lives in a __Host- cookie. A plain cs_visitor
// cookie, which a sibling subdomain or a plain-HTTP answer can plant, is
// not read: else the planter, knowing the secret, could sign the visitor
// in to the planter's own account from another site (a sign-in CSRF).
func TestTLSIgnoresAPlantedVisitorCookie(t *testing.T) {
	f := demoFixture(t)
	srv := httptest.NewTLSServer(f.handler)
	defer srv.Close()
	secret := make([]byte, 32) // the planter's: all zeros
	planted := "cs_visitor=" + strings.Repeat("00", 32)
	form := url.Values{"csrf": {auth.CSRFToken(secret)}, "email": {"analyst@rtp.demo"}, "password": {cli.DemoPassword}}
	req, _ := http.NewRequest("POST", srv.URL+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Cookie", planted)
	c := &http.Client{Transport: srv.Client().Transport, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for _, ck := range resp.Cookies() {
		if strings.HasSuffix(ck.Name, "cs_session") && ck.Value != "" {
			t.Errorf("a sign-in carried by a planted cs_visitor cookie opened a session (status %d)", resp.StatusCode)
		}
	}
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("a sign-in carried by a planted cs_visitor cookie: %d, want 403", resp.StatusCode)
	}
	_, resp = signInOn(t, srv, "analyst@rtp.demo")
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("signing in over TLS from the page: %d, want 303", resp.StatusCode)
	}
}

// signInOn signs a demo user in on srv, returning the client (with its
// cookie jar, following no redirect) and the sign-in's answer.
func signInOn(t *testing.T, srv *httptest.Server, email string) (*http.Client, *http.Response) {
	t.Helper()
	c := srv.Client()
	c.Jar = client(t).Jar
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	_, body, _ := get(t, c, srv.URL+"/login")
	resp, err := c.PostForm(srv.URL+"/login", url.Values{"csrf": {csrf(t, body)}, "email": {email}, "password": {cli.DemoPassword}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return c, resp
}

// TestSignInMistakesAndSignOut: a wrong password keeps the e-mail and says
// so; signing out ends the session on the server.
func TestSignInMistakesAndSignOut(t *testing.T) {
	f := demoFixture(t)
	c := client(t)
	_, body, _ := get(t, c, f.srv.URL+"/login?lang=ko")
	code, body, _ := post(t, c, f.srv.URL+"/login", url.Values{"csrf": {csrf(t, body)}, "email": {"analyst@rtp.demo"}, "password": {"wrong"}})
	if code != http.StatusUnauthorized || !strings.Contains(body, esc(messages(t, "ko")["login.err.wrong"])) || !strings.Contains(body, `value="analyst@rtp.demo"`) {
		t.Errorf("wrong password: %d; message or e-mail missing", code)
	}
	code, _, loc := post(t, c, f.srv.URL+"/login", url.Values{"csrf": {csrf(t, body)}, "email": {"analyst@rtp.demo"}, "password": {cli.DemoPassword}, "next": {"//evil.example/"}})
	if code != http.StatusSeeOther || loc != "/dashboard" {
		t.Errorf("sign-in with a foreign next: %d to %q, want /dashboard", code, loc)
	}
	_, body, _ = get(t, c, f.srv.URL+"/dashboard")
	if code, _, _ := post(t, c, f.srv.URL+"/logout", url.Values{"csrf": {csrf(t, body)}}); code != http.StatusSeeOther {
		t.Fatalf("sign-out: %d", code)
	}
	if code, _, loc := get(t, c, f.srv.URL+"/networks"); code != http.StatusSeeOther || !strings.HasPrefix(loc.Get("Location"), "/login?next=") {
		t.Errorf("after sign-out /networks answers %d to %q", code, loc.Get("Location"))
	}
}

// TestRecordsOfOtherOrganisationsStayClosed: an analyst of one
// organisation opening another's AMBER+STRICT or RED report by its URL
// gets the same 404 as for a report that does not exist, and nothing of
// it; the owner's analyst reads it, with its TLP label.
func TestRecordsOfOtherOrganisationsStayClosed(t *testing.T) {
	f := demoFixture(t)
	strict := f.reportWith(t, func(r *store.Report) bool {
		return r.Origin == "CNP" && r.TLP == store.TLPAmberStrict && len(r.Narrative) > 20
	})
	red := f.reportWith(t, func(r *store.Report) bool { return r.Origin == "CNP" && r.TLP == store.TLPRed && len(r.Narrative) > 20 })
	knpa := f.signIn(t, "analyst@knpa.demo")
	_, missing, _ := get(t, knpa, f.srv.URL+"/reports/01JZ0000000000000000000000")
	for _, r := range []*store.Report{strict, red} {
		code, body, _ := get(t, knpa, f.srv.URL+"/reports/"+r.ID)
		if code != http.StatusNotFound {
			t.Errorf("KNPA opened CNP's %s report: %d", r.TLP, code)
		}
		if strings.Contains(body, esc(r.Narrative[:20])) || strings.Contains(strip(body), r.ID) {
			t.Errorf("the refusal shows something of CNP's %s report", r.TLP)
		}
		if strip(body) != strip(missing) {
			t.Errorf("the refusal of a %s report differs from a missing report's page", r.TLP)
		}
	}
	cnp := f.signIn(t, "analyst@cnp.demo")
	code, body, _ := get(t, cnp, f.srv.URL+"/reports/"+strict.ID)
	if code != 200 || !strings.Contains(body, `<span class="tlp tlp-amber">TLP:AMBER&#43;STRICT</span>`) {
		t.Errorf("CNP reading its own AMBER+STRICT report: %d, TLP label shown: %v", code, strings.Contains(body, "TLP:AMBER"))
	}
	bank := f.signIn(t, "screening@bank.demo")
	if code, _, _ := get(t, bank, f.srv.URL+"/networks"); code != http.StatusForbidden {
		t.Errorf("a bank's partner account opened the network list: %d", code)
	}
}

// strip drops what differs between two renders of the same page.
func strip(body string) string {
	body = csrfRe.ReplaceAllString(body, "")
	if i := strings.Index(body, "<main"); i >= 0 {
		body = body[i:]
	}
	return body
}

// TestSelectorMarks: an analyst confirms a selector for public listing
// and withdraws it; the public check follows.
func TestSelectorMarks(t *testing.T) {
	f := demoFixture(t)
	an := f.signIn(t, "analyst@knpa.demo")
	r := f.reportWith(t, func(r *store.Report) bool {
		return r.Origin == "KNPA" && r.TLP == store.TLPAmber && len(r.Selectors) > 0 && r.Selectors[0].Kind == "phone"
	})
	sel := r.Selectors[0]
	mark := func(m string) {
		t.Helper()
		_, body, _ := get(t, an, f.srv.URL+"/selectors/"+sel.SelectorID)
		code, _, loc := post(t, an, f.srv.URL+"/selectors/"+sel.SelectorID+"/marks", url.Values{"csrf": {csrf(t, body)}, "mark": {m}})
		if code != http.StatusSeeOther || loc != "/selectors/"+sel.SelectorID+"?done="+m {
			t.Fatalf("mark %s: %d to %q", m, code, loc)
		}
	}
	status := func() string {
		res, err := f.svc.Check(context.Background(), sel.Value, "")
		if err != nil {
			t.Fatal(err)
		}
		return res.Status
	}
	mark("confirm")
	if s := status(); s != intel.StatusListed {
		t.Errorf("after confirming, the public check says %s", s)
	}
	_, body, _ := get(t, an, f.srv.URL+"/selectors/"+sel.SelectorID+"?done=confirm")
	if !strings.Contains(body, "Confirmed for public listing.") || !strings.Contains(body, `value="unconfirm"`) {
		t.Error("the selector page does not show the confirmation")
	}
	// Each button's hint says what that button does, not what its
	// opposite does.
	en := messages(t, "en")
	if !strings.Contains(body, html.EscapeString(en["sel.do.unconfirm_hint"])) || strings.Contains(body, html.EscapeString(en["sel.do.confirm_hint"])) {
		t.Error("under “Remove the confirmation” the page does not say what removing it does")
	}
	mark("withdraw")
	if s := status(); s != intel.StatusNotListed {
		t.Errorf("after withdrawing, the public check says %s", s)
	}
	mark("nolink")
	_, body, _ = get(t, an, f.srv.URL+"/selectors/"+sel.SelectorID)
	for _, h := range []struct{ want, not string }{{"sel.do.restore_hint", "sel.do.withdraw_hint"}, {"sel.do.link_hint", "sel.do.nolink_hint"}} {
		if !strings.Contains(body, html.EscapeString(en[h.want])) || strings.Contains(body, html.EscapeString(en[h.not])) {
			t.Errorf("a withdrawn, unlinked selector's page shows %q, not %q", en[h.not], en[h.want])
		}
	}
	mark("link")
	mark("restore")
}

// TestGraphAsTable: the network page lists every selector the graph
// draws, in a table with no script (the graph's reports are in its table
// of reports): most-named first, each linked to its page, with its kind
// and the number of reports that name it, in the page's language; more
// than the key infrastructure's 25.
func TestGraphAsTable(t *testing.T) {
	f := demoFixture(t)
	ctx := context.Background()
	u := f.user(t, "analyst@knpa.demo")
	p, err := f.ts.Authenticate(ctx, u.Token, "test")
	if err != nil {
		t.Fatal(err)
	}
	// Three reports naming 30 handles, the first ten of them thrice.
	var netID string
	for i, n := range []int{30, 30, 10} {
		in := &intel.ReportInput{ExternalRef: fmt.Sprintf("GRAPH-TABLE-%d", i), ReceivedAt: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), ScamType: "romance", VictimCountry: "KR", TLP: store.TLPGreen}
		for j := range n {
			in.Selectors = append(in.Selectors, intel.SelectorInput{Value: fmt.Sprintf("@graph_table_%02d", j)})
		}
		r, _, err := f.svc.CreateReport(ctx, p, in)
		if err != nil {
			t.Fatal(err)
		}
		netID = r.NetworkID
	}
	g, err := f.svc.NetworkGraph(ctx, p, netID)
	if err != nil || len(g.Selectors) != 30 || len(g.Reports) != 3 {
		t.Fatalf("the graph draws %d selectors and %d reports, want 30 and 3: %v", len(g.Selectors), len(g.Reports), err)
	}
	an := f.signIn(t, u.Email)
	row := regexp.MustCompile(`(?s)<tr>\s*<td class="n">(\d+)</td>\s*<td><a href="/selectors/([^"]+)"><bdi>([^<]*)</bdi></a></td>\s*<td>([^<]*)</td>\s*<td class="n">(\d+)</td>`)
	for _, lang := range []string{"en", "km"} {
		code, body, _ := get(t, an, f.srv.URL+"/networks/"+netID+"?lang="+lang)
		if code != 200 {
			t.Fatalf("%s: network page %d", lang, code)
		}
		words := messages(t, lang)
		if want := esc(fmt.Sprintf(words["net.graph_list"], 30)); !strings.Contains(body, "<summary>"+want+"</summary>") {
			t.Errorf("%s: the page does not offer %q", lang, want)
		}
		i := strings.Index(body, `id="graph-selectors"`)
		if i < 0 {
			t.Fatalf("%s: no table of the graph's selectors", lang)
		}
		table := body[i : i+strings.Index(body[i:], "</table>")]
		rows := row.FindAllStringSubmatch(table, -1)
		if len(rows) != len(g.Selectors) {
			t.Fatalf("%s: the table lists %d selectors, the graph draws %d", lang, len(rows), len(g.Selectors))
		}
		for j, r := range rows {
			sc := g.Selectors[j]
			want := []string{strconv.Itoa(j + 1), sc.ID, esc(sc.Display), esc(words["kind."+sc.Kind]), strconv.Itoa(sc.Count)}
			if got := r[1:]; strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("%s: row %d is %q, want %q", lang, j+1, got, want)
			}
		}
		if rows[0][5] != "3" || rows[29][5] != "2" {
			t.Errorf("%s: the table runs from %s reports to %s, want from 3 to 2", lang, rows[0][5], rows[29][5])
		}
	}
}

// TestGraphHasTheAPIsNodes: the graph's JSON holds as many reports and
// selectors as the API reports for the network.
func TestGraphHasTheAPIsNodes(t *testing.T) {
	f := demoFixture(t)
	u := f.user(t, "analyst@knpa.demo")
	id, reports, selectors := f.largestNetwork(t, u.Token)
	an := f.signIn(t, u.Email)
	code, body, _ := get(t, an, f.srv.URL+"/networks/"+id+"/graph.json")
	if code != 200 {
		t.Fatalf("graph: %d", code)
	}
	var g struct {
		Nodes []struct{ Type string } `json:"nodes"`
		Edges []struct{ Source, Target string }
	}
	if err := json.Unmarshal([]byte(body), &g); err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, x := range g.Nodes {
		n[x.Type]++
	}
	if n["report"] != reports || n["selector"] != selectors {
		t.Errorf("graph has %d reports and %d selectors, the API %d and %d", n["report"], n["selector"], reports, selectors)
	}
	if len(g.Edges) < reports {
		t.Errorf("graph has %d links for %d reports", len(g.Edges), reports)
	}

	// Each node is named for a screen reader in the page's language.
	code, body, _ = get(t, an, f.srv.URL+"/networks/"+id+"/graph.json?lang=ko")
	if code != 200 {
		t.Fatalf("graph in Korean: %d", code)
	}
	var ko struct {
		Nodes []struct {
			Type, Label, Kind, Name, TLP string
			ScamType                     string `json:"scam_type"`
			Reports                      int
		} `json:"nodes"`
	}
	if err := json.Unmarshal([]byte(body), &ko); err != nil {
		t.Fatal(err)
	}
	words := messages(t, "ko")
	for _, x := range ko.Nodes {
		want := fmt.Sprintf("%s %s, 신고 %d건", words["kind."+x.Kind], x.Label, x.Reports)
		if x.Type == "report" {
			want = "신고 " + x.Label + ": " + words["scamtype."+x.ScamType] + ", "
			if !strings.HasPrefix(x.Name, want) || !strings.HasSuffix(x.Name, " 접수, TLP:"+x.TLP) {
				t.Errorf("report node %s is named %q, want %q… 접수, TLP:%s", x.Label, x.Name, want, x.TLP)
			}
			continue
		}
		if x.Name != want {
			t.Errorf("selector node %s is named %q, want %q", x.Label, x.Name, want)
		}
	}
}

// TestServerErrorsShowNoInternals: when the store fails, the page says
// the server could not finish, and nothing of why.
func TestServerErrorsShowNoInternals(t *testing.T) {
	svc, ts, st := emptyServices(t)
	pages, err := ui.New(svc, ts, ui.Options{Logger: discardLog})
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, pages)
	st.Close()
	code, body, _ := get(t, client(t), srv.URL+"/?q="+url.QueryEscape("+855 12 345 678"))
	if code != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", code)
	}
	if !strings.Contains(body, "The server could not finish this.") {
		t.Error("the 500 page does not say what happened")
	}
	for _, leak := range []string{"sql", "closed", "database", "sqlite", ".go:"} {
		if strings.Contains(strings.ToLower(body), leak) {
			t.Errorf("the 500 page shows %q", leak)
		}
	}
}

// TestWorkspaceMenuOffersOnlyWhatTheRoleMayOpen: every link in the
// workspace menu leads to a page the signed-in role may open, so nobody
// is offered a page that only refuses them.
func TestWorkspaceMenuOffersOnlyWhatTheRoleMayOpen(t *testing.T) {
	f := demoFixture(t)
	cases := []struct {
		email      string
		want, dont []string
	}{
		{"analyst@knpa.demo", []string{"/dashboard", "/networks", "/search", "/import", "/places"}, []string{"/triage", "/referrals"}},
		{consul, []string{"/dashboard", "/networks", "/search", "/triage", "/flights", "/places"}, []string{"/import", "/referrals"}},
		{shelterWorker, []string{"/referrals"}, []string{"/dashboard", "/networks", "/search", "/import", "/triage", "/flights", "/places"}},
	}
	for _, tc := range cases {
		c := f.signIn(t, tc.email)
		_, body, _ := get(t, c, f.srv.URL+"/safety")
		menu := body[strings.Index(body, `class="menu workspace"`):]
		menu = menu[:strings.Index(menu, "</nav>")]
		for _, href := range tc.want {
			if !strings.Contains(menu, `href="`+href+`"`) {
				t.Errorf("%s: the menu lacks %s", tc.email, href)
			}
			if code, _, _ := get(t, c, f.srv.URL+href); code != http.StatusOK {
				t.Errorf("%s: the menu offers %s, which answers %d", tc.email, href, code)
			}
		}
		for _, href := range tc.dont {
			if strings.Contains(menu, `href="`+href+`"`) {
				t.Errorf("%s: the menu offers %s", tc.email, href)
			}
		}
	}
}

// TestMergedNetworkSaysSo: a network's old ID, once it merged into an
// older network, leads to the survivor's page, which says the old one
// joined it; a made-up ?merged= says nothing.
func TestMergedNetworkSaysSo(t *testing.T) {
	f := demoFixture(t)
	ctx := context.Background()
	p, err := f.ts.Authenticate(ctx, f.user(t, "analyst@knpa.demo").Token, "test")
	if err != nil {
		t.Fatal(err)
	}
	mk := func(ref string, sels ...string) string {
		t.Helper()
		in := &intel.ReportInput{ExternalRef: ref, ReceivedAt: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), ScamType: "romance", VictimCountry: "KR", TLP: store.TLPGreen}
		for _, s := range sels {
			in.Selectors = append(in.Selectors, intel.SelectorInput{Value: s})
		}
		r, _, err := f.svc.CreateReport(ctx, p, in)
		if err != nil {
			t.Fatal(err)
		}
		return r.NetworkID
	}
	older := mk("MERGE-1", "@merge_test_older")
	younger := mk("MERGE-2", "@merge_test_younger")
	if joined := mk("MERGE-3", "@merge_test_older", "@merge_test_younger"); joined != older {
		t.Fatalf("the joining report is in %s; want the older network %s", joined, older)
	}
	an := f.signIn(t, "analyst@knpa.demo")
	code, _, h := get(t, an, f.srv.URL+"/networks/"+younger+"?lang=en")
	if code != http.StatusSeeOther || h.Get("Location") != "/networks/"+older+"?merged="+younger {
		t.Fatalf("the merged network's page: %d to %q", code, h.Get("Location"))
	}
	_, body, _ := get(t, an, f.srv.URL+h.Get("Location"))
	if want := fmt.Sprintf(messages(t, "en")["net.merged"], younger); !strings.Contains(body, html.EscapeString(want)) {
		t.Errorf("the survivor's page does not say %q", want)
	}
	other, _, _ := f.largestNetwork(t, f.user(t, "analyst@knpa.demo").Token)
	if _, body, _ := get(t, an, f.srv.URL+"/networks/"+older+"?merged="+other); strings.Contains(body, `id="merged"`) {
		t.Error("a network that did not merge is said to have merged")
	}
}

// TestNetworkListSaysWhenItIsCut: the list is sorted and paged from at
// most so many networks; when more match, the page says so instead of
// counting only those it holds.
func TestNetworkListSaysWhenItIsCut(t *testing.T) {
	f := demoFixture(t)
	an := f.signIn(t, "analyst@knpa.demo")
	en := messages(t, "en")
	_, body, _ := get(t, an, f.srv.URL+"/networks?lang=en&min=2")
	m := regexp.MustCompile(`<p id="net-count">(\d+) networks match.</p>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no count on the list")
	}
	all, _ := strconv.Atoi(m[1])
	if all < 4 {
		t.Fatalf("only %d networks of two reports or more", all)
	}
	defer ui.SetNetworksFetch(all - 1)()
	_, body, _ = get(t, an, f.srv.URL+"/networks?lang=en&min=2")
	want := strings.ReplaceAll(en["nets.capped"], "%[1]d", strconv.Itoa(all-1))
	if !strings.Contains(body, html.EscapeString(want)) || strings.Contains(body, fmt.Sprintf("%d networks match.", all-1)) {
		t.Errorf("a list cut at %d of %d networks does not say so", all-1, all)
	}
	restore := ui.SetNetworksFetch(all)
	_, body, _ = get(t, an, f.srv.URL+"/networks?lang=en&min=2")
	restore()
	if !strings.Contains(body, fmt.Sprintf(">%d networks match.<", all)) {
		t.Errorf("a list holding every match does not count them")
	}
}

// TestCodesShownInThePagesLanguage: a report from the public form and a
// phone number's type are said in the page's language, not as the codes
// the store keeps ("public", "mobile").
func TestCodesShownInThePagesLanguage(t *testing.T) {
	f := demoFixture(t)
	an := f.signIn(t, "analyst@knpa.demo")
	pub := f.reportWith(t, func(r *store.Report) bool { return r.Origin == intel.PublicOrigin && r.TLP == store.TLPGreen })
	ko := messages(t, "ko")
	_, body, _ := get(t, an, f.srv.URL+"/reports/"+pub.ID+"?lang=ko")
	if !strings.Contains(body, html.EscapeString(ko["origin.public"])) || strings.Contains(body, "<dd>public") {
		t.Errorf("a public report's page in Korean does not name its origin in Korean")
	}
	phone := f.reportWith(t, func(r *store.Report) bool {
		return r.Origin == "KNPA" && r.TLP == store.TLPGreen && len(r.Selectors) > 0 && r.Selectors[0].Kind == "phone" && r.Selectors[0].Subtype == "mobile"
	})
	km := messages(t, "km")
	_, body, _ = get(t, an, f.srv.URL+"/selectors/"+phone.Selectors[0].SelectorID+"?lang=km")
	if !strings.Contains(body, "<dd>"+km["phonetype.mobile"]+"</dd>") {
		t.Errorf("a mobile number's page in Khmer does not say its type in Khmer")
	}
}

// TestNetworkSTIXDownload: the network page offers its STIX 2.1 bundle;
// KNPA's download holds a report object per report KNPA may read in the
// network, and none of CNP's AMBER+STRICT or RED reports in it.
func TestNetworkSTIXDownload(t *testing.T) {
	f := demoFixture(t)
	u := f.user(t, "analyst@knpa.demo")
	id, reports, _ := f.largestNetwork(t, u.Token)
	an := f.signIn(t, u.Email)
	if _, body, _ := get(t, an, f.srv.URL+"/networks/"+id+"?lang=en"); !strings.Contains(body, `href="/networks/`+id+`/stix.json"`) {
		t.Fatal("the network page offers no STIX download")
	}
	code, body, h := get(t, an, f.srv.URL+"/networks/"+id+"/stix.json")
	if code != 200 || h.Get("Content-Type") != stix.MediaType {
		t.Fatalf("download: %d %s", code, h.Get("Content-Type"))
	}
	var b struct {
		Objects []struct {
			Type string `json:"type"`
			Refs []struct {
				Source string `json:"source_name"`
				ID     string `json:"external_id"`
			} `json:"external_references"`
		} `json:"objects"`
	}
	if err := json.Unmarshal([]byte(body), &b); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, o := range b.Objects {
		if o.Type == "report" {
			got[o.Refs[0].ID] = true
		}
	}
	all, err := f.st.ListReports(context.Background(), store.ReportFilter{Scope: store.Scope{All: true}, NetworkID: id, Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	p, err := f.ts.Authenticate(context.Background(), u.Token, "test")
	if err != nil {
		t.Fatal(err)
	}
	readable, hidden, left := 0, 0, 0
	for _, r := range all {
		restricted := r.TLP == store.TLPAmberStrict || r.TLP == store.TLPRed
		switch {
		case !auth.CanRead(p.Viewer, auth.Marking{Origin: r.Origin, TLP: r.TLP, CreatedBy: r.CreatedBy, Recipients: r.Recipients}):
			hidden++
		case restricted:
			left++
		default:
			readable++
		}
		if restricted && got[r.ID] {
			t.Errorf("%s's %s report %s is in KNPA's bundle", r.Origin, r.TLP, r.ID)
		}
	}
	if len(got) != readable {
		t.Errorf("%d report objects; KNPA reads %d reports marked up to AMBER in the network", len(got), readable)
	}
	if hidden == 0 || reports != readable+left {
		t.Errorf("the network holds %d reports hidden from KNPA, %d it reads but may not pass on, of %d it reads: the test proves little", hidden, left, reports)
	}
	f.wantExportAudited(t, "KNPA", fmt.Sprintf("%d reports as STIX 2.1, up to TLP:AMBER, network %s", readable, id))
}

// wantExportAudited fails t unless the audit trail holds an export by org
// recorded as what.
func (f *fixture) wantExportAudited(t *testing.T, org, what string) {
	t.Helper()
	found := false
	f.ts.Audit(context.Background(), trust.Operator(), store.AuditFilter{Action: "export", Org: org}, func(e *store.AuditEntry) error {
		found = found || e.RecordID == what
		return nil
	})
	if !found {
		t.Errorf("no audit entry %q", what)
	}
}

// TestREDReportSaysWithWhom: a TLP:RED report's page tells its readers
// with whom it is shared (the creator and the named recipients), so that
// none passes it to someone else by mistake; other labels say nothing of
// the kind.
func TestREDReportSaysWithWhom(t *testing.T) {
	f := demoFixture(t)
	ctx := context.Background()
	p, err := f.ts.Authenticate(ctx, f.user(t, "analyst@knpa.demo").Token, "test")
	if err != nil {
		t.Fatal(err)
	}
	red, _, err := f.svc.CreateReport(ctx, p, &intel.ReportInput{ExternalRef: "RED-WITH-RTP", ReceivedAt: time.Date(2025, 10, 2, 0, 0, 0, 0, time.UTC),
		ScamType: "sextortion", Narrative: "informant", VictimCountry: "KR", TLP: store.TLPRed, RecipientEmails: []string{"analyst@rtp.demo"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, who := range []string{"analyst@knpa.demo", "analyst@rtp.demo"} {
		_, body, _ := get(t, f.signIn(t, who), f.srv.URL+"/reports/"+red.ID+"?lang=en")
		if !strings.Contains(body, `<p id="red-readers"><strong>Shared with:</strong> <bdi>analyst@knpa.demo</bdi>, <bdi>analyst@rtp.demo</bdi></p>`) {
			t.Errorf("%s reading the RED report is not told with whom it is shared", who)
		}
	}
	if code, _, _ := get(t, f.signIn(t, "analyst@cnp.demo"), f.srv.URL+"/reports/"+red.ID); code != http.StatusNotFound {
		t.Errorf("CNP's analyst read a RED report not shared with them: %d", code)
	}
	amber := f.reportWith(t, func(r *store.Report) bool { return r.Origin == "KNPA" && r.TLP == store.TLPAmber })
	if _, body, _ := get(t, f.signIn(t, "analyst@knpa.demo"), f.srv.URL+"/reports/"+amber.ID); strings.Contains(body, "red-readers") {
		t.Error("an AMBER report's page names readers")
	}
}

// TestSelectorReportsPageOn: a selector named by more reports than its
// page lists says how many more and links to a search that pages through
// them all, each once.
func TestSelectorReportsPageOn(t *testing.T) {
	f := demoFixture(t)
	u := f.user(t, "analyst@knpa.demo")
	id, _, _ := f.largestNetwork(t, u.Token)
	key := keyInfrastructure(t, f, u.Token, id)
	sel, total := key[0].ID, key[0].Reports
	if total < 12 {
		t.Fatalf("the key selector is in %d reports only", total)
	}
	defer ui.SetListLimits(5)()
	an := f.signIn(t, u.Email)
	_, body, _ := get(t, an, f.srv.URL+"/selectors/"+sel+"?lang=en")
	m := regexp.MustCompile(`<p id="sel-more">(\d+) later reports name it too. <a href="([^"]+)">`).FindStringSubmatch(body)
	if m == nil || m[1] != strconv.Itoa(total-5) {
		t.Fatalf("the selector page lists 5 of %d reports and says %q", total, m)
	}
	rowRe := regexp.MustCompile(`<a href="/reports/([0-9A-Z]{26})">`)
	seen := map[string]bool{}
	for _, r := range rowRe.FindAllStringSubmatch(body, -1) {
		seen[r[1]] = true
	}
	next := html.UnescapeString(m[2])
	for pages := 0; next != "" && pages < 20; pages++ {
		_, body, _ = get(t, an, f.srv.URL+next)
		for _, r := range rowRe.FindAllStringSubmatch(body, -1) {
			if seen[r[1]] {
				t.Errorf("report %s listed twice", r[1])
			}
			seen[r[1]] = true
		}
		next = ""
		if m := regexp.MustCompile(`<a href="([^"]+)" rel="next" id="search-next">`).FindStringSubmatch(body); m != nil {
			next = html.UnescapeString(m[1])
		}
	}
	if len(seen) != total {
		t.Errorf("the selector page and the search pages listed %d reports; the selector is in %d", len(seen), total)
	}
}

// TestNetworkSelectorCountSaysWhatItCounts: the count beside a network's
// reports takes in every selector its reports name, shared services
// (allow-listed, linking nothing) among them, and its label says so rather
// than calling them all "linking".
func TestNetworkSelectorCountSaysWhatItCounts(t *testing.T) {
	f := demoFixture(t)
	u := f.user(t, "analyst@knpa.demo")
	id, _, selectors := f.largestNetwork(t, u.Token)
	key := keyInfrastructure(t, f, u.Token, id)
	shared := 0
	for _, k := range key {
		var s struct {
			Allowlisted bool `json:"allowlisted"`
		}
		f.apiGet(t, u.Token, "/api/v1/selectors/"+k.ID, &s)
		if s.Allowlisted {
			shared++
		}
	}
	if shared == 0 || len(key) != selectors {
		t.Fatalf("the largest network names %d selectors (%d listed), %d of them shared services: the test proves nothing", selectors, len(key), shared)
	}
	_, body, _ := get(t, f.signIn(t, u.Email), f.srv.URL+"/networks/"+id+"?lang=en")
	want := fmt.Sprintf(`<span class="num" id="net-selectors">%d</span> <span>%s</span>`, selectors, messages(t, "en")["net.selectors"])
	if !strings.Contains(body, want) || strings.Contains(body, "linking selectors") {
		t.Errorf("the network page does not say %q", want)
	}
}

// keyInfrastructure is a network's ranked selectors as the API gives them.
func keyInfrastructure(t *testing.T, f *fixture, token, network string) []struct {
	ID      string `json:"id"`
	Reports int    `json:"reports"`
} {
	t.Helper()
	var n struct {
		Key []struct {
			ID      string `json:"id"`
			Reports int    `json:"reports"`
		} `json:"key_infrastructure"`
	}
	f.apiGet(t, token, "/api/v1/networks/"+network, &n)
	if len(n.Key) == 0 {
		t.Fatalf("network %s has no key infrastructure", network)
	}
	return n.Key
}

// TestNetworkMISPDownload: beside the STIX download, the network page
// offers a MISP event (its link in the page's language) holding a report
// object for each report of the STIX bundle, the same event as the API's
// export of the network (same UUID), and audited.
func TestNetworkMISPDownload(t *testing.T) {
	f := demoFixture(t)
	u := f.user(t, "analyst@knpa.demo")
	id, _, _ := f.largestNetwork(t, u.Token)
	an := f.signIn(t, u.Email)
	for _, lang := range []string{"en", "ko", "km"} {
		_, body, _ := get(t, an, f.srv.URL+"/networks/"+id+"?lang="+lang)
		if link := `href="/networks/` + id + `/misp.json" download>` + messages(t, lang)["net.misp"] + `</a>`; !strings.Contains(body, link) {
			t.Errorf("the %s network page has no link %s", lang, link)
		}
	}
	_, stixBody, _ := get(t, an, f.srv.URL+"/networks/"+id+"/stix.json")
	code, body, h := get(t, an, f.srv.URL+"/networks/"+id+"/misp.json")
	if code != 200 || h.Get("Content-Type") != misp.MediaType || !strings.Contains(h.Get("Content-Disposition"), "network-"+id+".misp.json") {
		t.Fatalf("download: %d %s %s", code, h.Get("Content-Type"), h.Get("Content-Disposition"))
	}
	var e struct {
		Event struct {
			UUID   string
			Tag    []struct{ Name string }
			Object []struct{ Comment string }
		}
	}
	if err := json.Unmarshal([]byte(body), &e); err != nil {
		t.Fatal(err)
	}
	if want := misp.NewWriter(io.Discard, misp.Options{Producer: "KNPA", NetworkID: id, MaxTLP: store.TLPAmber}).EventUUID(); e.Event.UUID != want {
		t.Errorf("event %s; the API's export of the network is %s", e.Event.UUID, want)
	}
	n := 0
	for _, o := range e.Event.Object {
		rid := strings.Fields(o.Comment)[2]
		rid = strings.TrimSuffix(rid, ",")
		if !strings.Contains(stixBody, `"external_id":"`+rid+`"`) {
			t.Errorf("report %s is in the MISP event, not in the STIX bundle", rid)
		}
		n++
	}
	if n == 0 || n != strings.Count(stixBody, `"type":"report"`) || e.Event.Tag[0].Name == "tlp:red" || e.Event.Tag[0].Name == "tlp:amber+strict" {
		t.Errorf("%d report objects, tagged %v; the STIX bundle has %d reports", n, e.Event.Tag, strings.Count(stixBody, `"type":"report"`))
	}
	f.wantExportAudited(t, "KNPA", fmt.Sprintf("%d reports as MISP, up to TLP:AMBER, network %s", n, id))
}

// TestSignInSendsNobodyAway: the sign-in page sends a member who is
// signed in already (or who just signed in) to next, never off the site,
// however next is spelt: /\t/evil.example/ in a Location is
// //evil.example/ to a browser, which drops tabs and newlines.
func TestSignInSendsNobodyAway(t *testing.T) {
	f := demoFixture(t)
	c := f.signIn(t, "analyst@knpa.demo")
	for _, next := range []string{"/%09/evil.example/", "/%0A/evil.example/", "/%09%5Cevil.example/", "%09//evil.example/"} {
		// One round trip: Go's client refuses to follow such a Location,
		// a browser follows it.
		req, _ := http.NewRequest("GET", f.srv.URL+"/login?next="+next, nil)
		for _, ck := range c.Jar.Cookies(req.URL) {
			req.AddCookie(ck)
		}
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != "/dashboard" {
			t.Errorf("signed in, /login?next=%s: %d to %q, want /dashboard", next, resp.StatusCode, loc)
		}
	}
}

// TestEveryRoleLandsOnAPageItMayOpen: whoever signs in, from the sign-in
// page as it is first opened, lands on a page of their own, not on "Your
// role does not allow this" (as a bank's screener did on the dashboard).
func TestEveryRoleLandsOnAPageItMayOpen(t *testing.T) {
	f := demoFixture(t)
	for _, email := range []string{"analyst@knpa.demo", "admin@knpa.demo", "screening@bank.demo",
		"consul@mofa-kh.demo", "prosecutor@spo.demo", "worker@shelter.demo"} {
		c := client(t)
		_, page, _ := get(t, c, f.srv.URL+"/login")
		next := regexp.MustCompile(`name="next" value="([^"]*)"`).FindStringSubmatch(page)
		if next == nil {
			t.Fatal("the sign-in form carries no next page")
		}
		code, _, loc := post(t, c, f.srv.URL+"/login", url.Values{"csrf": {csrf(t, page)}, "email": {email},
			"password": {cli.DemoPassword}, "next": {next[1]}})
		if code != http.StatusSeeOther {
			t.Fatalf("%s: signing in answered %d", email, code)
		}
		code, body, _ := get(t, c, f.srv.URL+loc)
		if code != http.StatusOK || !strings.Contains(body, `<body class="signed-in`) {
			t.Errorf("%s lands on %s: %d", email, loc, code)
		}
	}
}

// TestSignInPageIsEveryStaffMembers: consular officers, prosecutors and
// shelter workers sign in on the same page as analysts; its heading
// speaks to all of them, not to analysts alone, in every language.
func TestSignInPageIsEveryStaffMembers(t *testing.T) {
	f := demoFixture(t)
	for lang, analyst := range map[string]string{"en": "Analyst", "ko": "분석관", "km": "អ្នកវិភាគ"} {
		_, body, _ := get(t, client(t), f.srv.URL+"/login?lang="+lang)
		h1 := regexp.MustCompile(`<h1>([^<]*)</h1>`).FindStringSubmatch(body)
		if h1 == nil || h1[1] != esc(messages(t, lang)["login.heading"]) || strings.Contains(h1[1], analyst) {
			t.Errorf("%s: the sign-in page's heading is %q", lang, h1)
		}
	}
}

// TestSearchOffersTheCountriesOfANationalNumber: a Korean analyst who
// types a Cambodian number the national way ("095 756 407", as a Khmer
// narrative writes it) is not left with the narratives that spell it so:
// the page offers it as a number of each country where it is one, and
// the Cambodian link finds every report naming the number, as the hint
// promises. A number with its country code is offered nothing.
func TestSearchOffersTheCountriesOfANationalNumber(t *testing.T) {
	f := demoFixture(t)
	an := f.signIn(t, "analyst@knpa.demo")
	count := func(body string) int {
		m := regexp.MustCompile(`<p id="search-count">(\d+) `).FindStringSubmatch(body)
		if m == nil {
			t.Fatal("no count of the reports found")
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}
	_, body, _ := get(t, an, f.srv.URL+"/search?lang=en&q="+url.QueryEscape("095 756 407"))
	link := `<a href="/search?q=%2b85595756407">Cambodia: <bdi>&#43;855 95 756 407</bdi></a>`
	if !strings.Contains(body, esc(messages(t, "en")["search.readings"])) || !strings.Contains(body, link) {
		t.Fatalf("the national number is not offered as Cambodia's: no %s", link)
	}
	asText := count(body)
	_, body, _ = get(t, an, f.srv.URL+"/search?lang=en&q=%2b85595756407")
	if n := count(body); n <= asText {
		t.Errorf("searched as Cambodia's number: %d reports, as text %d", n, asText)
	}
	if strings.Contains(body, `id="search-readings"`) {
		t.Error("a number with its country code is offered other countries")
	}
}
