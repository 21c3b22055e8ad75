package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"counterscam/internal/store"
)

// lureText is a job ad with the signs of a recruitment lure and a number.
const lureText = "급구! 캄보디아 단순 컴퓨터 작업, 월 1,000만 원 보장, 경력 무관, 항공권 제공. 텔레그램 @golden_job_kh 또는 +855 95 756 407 로 연락"

// TestEveryPageRendersInEveryLanguage renders every route in English,
// Korean and Khmer, signed out and signed in, and checks the status, the
// page's language and that its menu is in that language: a template error
// or a missing message would answer 500.
func TestEveryPageRendersInEveryLanguage(t *testing.T) {
	f := demoFixture(t)
	an := f.user(t, "analyst@knpa.demo")
	netID, _, _ := f.largestNetwork(t, an.Token)
	rep := f.reportWith(t, func(r *store.Report) bool {
		return r.Origin == "KNPA" && r.TLP == store.TLPAmber && len(r.Selectors) > 0
	})
	sel := rep.Selectors[0].SelectorID
	analyst := f.signIn(t, "analyst@knpa.demo")
	public := client(t)

	routes := []struct {
		path   string
		signed bool
		want   int
	}{
		{"/", false, 200},
		{"/?q=" + url.QueryEscape("+855 95 756 407"), false, 200},
		{"/?q=" + url.QueryEscape("+82 10 5555 0199"), false, 200},
		{"/?q=" + url.QueryEscape(lureText), false, 200},
		{"/?q=" + url.QueryEscape("no identifier here"), false, 200},
		{"/report", false, 200},
		{"/report/sent?ref=01JZ0000000000000000000000", false, 200},
		{"/report/sent?ref=nonsense", false, 404},
		{"/safety", false, 200},
		{"/login", false, 200},
		{"/no-such-page", false, 404},
		{"/dashboard", false, 303},
		{"/dashboard", true, 200},
		{"/dashboard?period=all", true, 200},
		{"/networks", true, 200},
		{"/networks?sort=last_seen&scam_type=romance&country=KR&min=2&since=2025-01-01&until=2025-12-31", true, 200},
		{"/networks?since=yesterday&min=-1", true, 200},
		{"/networks/" + netID, true, 200},
		{"/networks/" + netID + "/graph.json", true, 200},
		{"/networks/01JZ0000000000000000000000", true, 404},
		{"/reports/" + rep.ID, true, 200},
		{"/reports/01JZ0000000000000000000000", true, 404},
		{"/selectors/" + sel, true, 200},
		{"/search", true, 200},
		{"/search?q=" + url.QueryEscape("+855 95 756 407"), true, 200},
		{"/search?q=telegram", true, 200},
		{"/import", true, 200},
		{"/import/0123456789abcdef01234567", true, 404},
		{"/", true, 200},
	}
	for _, lang := range []string{"en", "ko", "km"} {
		msgs := messages(t, lang)
		for _, rt := range routes {
			c := public
			if rt.signed {
				c = analyst
			}
			sep := "?"
			if strings.Contains(rt.path, "?") {
				sep = "&"
			}
			code, body, hdr := get(t, c, f.srv.URL+rt.path+sep+"lang="+lang)
			if code != rt.want {
				t.Errorf("%s %s: status %d, want %d", lang, rt.path, code, rt.want)
				continue
			}
			if code != 200 || strings.HasSuffix(rt.path, ".json") {
				if code == 404 && !strings.Contains(body, `<html lang="`+lang+`">`) {
					t.Errorf("%s %s: the 404 page is not in %s", lang, rt.path, lang)
				}
				continue
			}
			if !strings.Contains(body, `<html lang="`+lang+`">`) || hdr.Get("Content-Language") != lang {
				t.Errorf("%s %s: page not marked as %s", lang, rt.path, lang)
			}
			if !strings.Contains(body, ">"+esc(msgs["nav.check"])+"<") {
				t.Errorf("%s %s: the menu is not in %s (no %q)", lang, rt.path, lang, msgs["nav.check"])
			}
			if rt.signed && !strings.Contains(body, esc(msgs["nav.logout"])) {
				t.Errorf("%s %s: signed-in page without the sign-out button", lang, rt.path)
			}
			if strings.Contains(body, "%!") {
				t.Errorf("%s %s: a message got the wrong arguments: %s", lang, rt.path, excerpt(body, "%!"))
			}
		}
	}
}

// excerpt returns the text around the first occurrence of s.
func excerpt(body, s string) string {
	i := strings.Index(body, s)
	if i < 0 {
		return ""
	}
	return body[max(0, i-80):min(len(body), i+80)]
}

// TestLanguageChoice: Accept-Language picks the language; ?lang= picks it
// and sticks; the switcher links every language.
func TestLanguageChoice(t *testing.T) {
	f := demoFixture(t)
	for _, tc := range []struct{ accept, want string }{
		{"ko-KR,ko;q=0.9,en;q=0.5", "ko"},
		{"km", "km"},
		{"km-KH", "km"},
		{"fr-FR,fr;q=0.9", "en"},
		{"", "en"},
		{"en-US,en;q=0.8,ko;q=0.5", "en"},
	} {
		_, body, _ := get(t, client(t), f.srv.URL+"/safety", "Accept-Language", tc.accept)
		if !strings.Contains(body, `<html lang="`+tc.want+`">`) {
			t.Errorf("Accept-Language %q: want %s", tc.accept, tc.want)
		}
	}
	c := client(t)
	_, body, _ := get(t, c, f.srv.URL+"/report?lang=km", "Accept-Language", "ko")
	if !strings.Contains(body, `<html lang="km">`) {
		t.Fatal("?lang=km did not pick Khmer")
	}
	for _, l := range []string{"en", "ko", "km"} {
		if !strings.Contains(body, `href="/report?lang=`+l+`" lang="`+l+`"`) {
			t.Errorf("the switcher has no link to %s", l)
		}
	}
	_, body, _ = get(t, c, f.srv.URL+"/safety", "Accept-Language", "ko")
	if !strings.Contains(body, `<html lang="km">`) {
		t.Error("the chosen language did not stick over Accept-Language")
	}
	_, body, _ = get(t, c, f.srv.URL+"/safety?lang=xx")
	if !strings.Contains(body, `<html lang="km">`) {
		t.Error("an unknown ?lang= changed the language")
	}
}

// TestAssetsFingerprintedAndCached: static files are served only under
// their content hash, cached for good, gzipped when asked.
func TestAssetsFingerprintedAndCached(t *testing.T) {
	f := demoFixture(t)
	c := client(t)
	_, body, _ := get(t, c, f.srv.URL+"/")
	i := strings.Index(body, `href="/static/app.`)
	if i < 0 {
		t.Fatal("no fingerprinted stylesheet on the page")
	}
	href := body[i+6:]
	href = href[:strings.IndexByte(href, '"')]
	if !strings.HasSuffix(href, ".css") || len(href) < len("/static/app.0123456789ab.css") {
		t.Fatalf("stylesheet URL %q has no hash", href)
	}
	req, _ := http.NewRequest("GET", f.srv.URL+href, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" || resp.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("asset: %d, Cache-Control %q, Content-Encoding %q", resp.StatusCode, resp.Header.Get("Cache-Control"), resp.Header.Get("Content-Encoding"))
	}
	if code, _, _ := get(t, c, f.srv.URL+"/static/app.css"); code != 404 {
		t.Errorf("unhashed asset name: %d, want 404", code)
	}
	if code, _, _ := get(t, c, f.srv.URL+"/static/app.000000000000.css"); code != 404 {
		t.Errorf("wrong hash: %d, want 404", code)
	}
	_, _, hdr := get(t, c, f.srv.URL+"/")
	if csp := hdr.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("pages may load code from elsewhere: CSP %q", csp)
	}
}

// TestSearchSaysHowLongInCharacters: a search longer than the search
// takes is refused with the limit in characters of the text typed (a
// Korean search holds a third as many as one in Latin letters), and the
// box keeps what was typed.
func TestSearchSaysHowLongInCharacters(t *testing.T) {
	f := demoFixture(t)
	c := f.signIn(t, "analyst@knpa.demo")
	q := strings.TrimSpace(strings.Repeat("캄보디아 ", 30)) // 149 characters, 389 bytes
	for _, lang := range []string{"en", "ko", "km"} {
		msgs := messages(t, lang)
		code, body, _ := get(t, c, f.srv.URL+"/search?lang="+lang+"&q="+url.QueryEscape(q))
		if code != http.StatusOK {
			t.Fatalf("%s: status %d", lang, code)
		}
		want := strings.Replace(msgs["search.err.long"], "%d", "98", 1) // the first 256 bytes
		if !strings.Contains(body, `<p class="ferr" id="sq-err">`+esc(want)+`</p>`) {
			t.Errorf("%s: want %q; got %s", lang, want, excerpt(body, `id="sq-err"`))
		}
		if !strings.Contains(body, `value="`+q+`"`) {
			t.Errorf("%s: the search box lost what was typed", lang)
		}
	}
}
