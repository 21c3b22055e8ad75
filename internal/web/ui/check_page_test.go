package ui_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestCheckPageFindsListedSiteByDomain: the demo's scam site is listed as
// "https://www.coin-tiger-pro.net/"; someone who types only its domain, or
// its address over http, is told it is reported, and under which name.
func TestCheckPageFindsListedSiteByDomain(t *testing.T) {
	f := demoFixture(t)
	for _, q := range []string{"coin-tiger-pro.net", "http://coin-tiger-pro.net/register"} {
		code, body, _ := get(t, client(t), f.srv.URL+"/?lang=en&q="+url.QueryEscape(q))
		if code != 200 {
			t.Fatalf("%q: status %d", q, code)
		}
		if !strings.Contains(body, `data-status="listed"`) || strings.Contains(body, `data-status="not_listed"`) {
			t.Errorf("%q: not shown as listed", q)
		}
		if !strings.Contains(body, "<dt>Reported under the site</dt><dd><bdi>https://www.coin-tiger-pro.net/</bdi></dd>") {
			t.Errorf("%q: the listed site is not named", q)
		}
	}
}
