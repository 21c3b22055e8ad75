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

// TestCheckPageOffersTheCountriesOfANationalNumber: a number typed the
// national way that is no number of the page's country is offered as a
// number of each country where it is one, each a link that checks it; a
// listed one (the demo's Cambodian "095 756 407") is answered at once,
// on the English page (no country) and on the Korean one (Korea) alike;
// told the country, it is read as that country's.
func TestCheckPageOffersTheCountriesOfANationalNumber(t *testing.T) {
	f := demoFixture(t)
	c := client(t)
	for _, tc := range []struct{ lang, kh, mm string }{{"en", "Cambodia", "Myanmar"}, {"ko", "캄보디아", "미얀마"}} {
		_, body, _ := get(t, c, f.srv.URL+"/?lang="+tc.lang+"&q="+url.QueryEscape("012 345 678"))
		for _, link := range []string{
			`<a href="/?q=%2b85512345678">` + tc.kh + `: <bdi>&#43;855 12 345 678</bdi></a>`,
			`<a href="/?q=%2b9512345678">` + tc.mm + `: <bdi>&#43;95 1 234 5678</bdi></a>`,
		} {
			if !strings.Contains(body, `data-status="invalid"`) || !strings.Contains(body, link) {
				t.Errorf("%s: no link %s", tc.lang, link)
			}
		}
		if strings.Contains(body, "Thailand:") || strings.Contains(body, "태국:") {
			t.Errorf("%s: offered as a number of a country where it is none", tc.lang)
		}
		_, body, _ = get(t, c, f.srv.URL+"/?lang="+tc.lang+"&q="+url.QueryEscape("095 756 407"))
		if !strings.Contains(body, `data-status="listed"`) || !strings.Contains(body, "<bdi>&#43;855 95 756 407</bdi>") || strings.Contains(body, `class="readings"`) {
			t.Errorf("%s: the listed Cambodian number typed the national way is not answered at once", tc.lang)
		}
	}
	_, body, _ := get(t, c, f.srv.URL+"/?lang=en&region=KH&q="+url.QueryEscape("012 345 678"))
	if !strings.Contains(body, `data-status="not_listed"`) || strings.Contains(body, `class="readings"`) {
		t.Error("told the country, the number is not read as that country's")
	}
}

// TestCheckPageListedAnswerSaysWhatToDo: one listed value is told as one
// ("this has been reported", not "at least one of these"), and "report it
// here" leads to the report form, in every language.
func TestCheckPageListedAnswerSaysWhatToDo(t *testing.T) {
	f := demoFixture(t)
	for _, lang := range []string{"en", "ko", "km"} {
		msgs := messages(t, lang)
		_, body, _ := get(t, client(t), f.srv.URL+"/?lang="+lang+"&q="+url.QueryEscape("+855 95 756 407"))
		if !strings.Contains(body, "<strong>"+esc(msgs["check.stop_one"])+"</strong>") || strings.Contains(body, esc(msgs["check.stop"])) {
			t.Errorf("%s: one listed value is not told as one", lang)
		}
		next := esc(msgs["next.listed"]) + ` <a href="/report">` + esc(msgs["nav.report"]) + `</a>`
		if !strings.Contains(body, next) {
			t.Errorf("%s: what to do next does not lead to the report form: want %s", lang, next)
		}
		_, body, _ = get(t, client(t), f.srv.URL+"/?lang="+lang+"&q="+url.QueryEscape("+855 95 756 407 and coin-tiger-pro.net\nand @nobody_here_x"))
		if !strings.Contains(body, "<strong>"+esc(msgs["check.stop"])+"</strong>") {
			t.Errorf("%s: several values with a listed one are not told as several", lang)
		}
	}
}

// TestScreenedAdSeparatesReassuringSigns: a genuine ad's sign of a real
// job ("2 years experience") is listed apart from the warning signs, under
// its own heading, and marked apart in the text; a lure keeps its
// warning signs under theirs.
func TestScreenedAdSeparatesReassuringSigns(t *testing.T) {
	f := demoFixture(t)
	for _, lang := range []string{"en", "ko", "km"} {
		msgs := messages(t, lang)
		genuine := "Seoul hospital seeks a registered nurse. Requirements: nursing licence, 2 years experience. Apply on our website by 30 June."
		_, body, _ := get(t, client(t), f.srv.URL+"/?lang="+lang+"&q="+url.QueryEscape(genuine))
		if strings.Contains(body, esc(msgs["screen.why"])) {
			t.Errorf("%s: a genuine ad is said to have warning signs", lang)
		}
		if !strings.Contains(body, "<h3>"+esc(msgs["screen.why_good"])+"</h3>") || !strings.Contains(body, `<mark class="good">years experience`) {
			t.Errorf("%s: the sign of a genuine job is not shown as one", lang)
		}
		_, body, _ = get(t, client(t), f.srv.URL+"/?lang="+lang+"&q="+url.QueryEscape(lureText))
		if !strings.Contains(body, "<h3>"+esc(msgs["screen.why"])+"</h3>") || strings.Contains(body, `<mark class="good">`) {
			t.Errorf("%s: a lure's warning signs are not shown as such", lang)
		}
	}
}

// TestCheckPageTellsHowToWriteAnAccount: a bank account number typed
// alone is no identifier (accounts are known by bank), and the answer
// says to put the bank's name before it; with the name, the demo's listed
// account is found.
func TestCheckPageTellsHowToWriteAnAccount(t *testing.T) {
	f := demoFixture(t)
	c := client(t)
	_, body, _ := get(t, c, f.srv.URL+"/?lang=en&q=0342185000134")
	if !strings.Contains(body, `data-status="invalid"`) || !strings.Contains(body, "write the bank&#39;s name before the number") {
		t.Errorf("a bare account number: no advice to name the bank")
	}
	_, body, _ = get(t, c, f.srv.URL+"/?lang=en&q="+url.QueryEscape("MB Bank 0342185000134"))
	if !strings.Contains(body, `data-status="listed"`) {
		t.Errorf("the account with its bank's name is not found listed")
	}
}
