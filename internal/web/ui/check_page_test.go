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

// TestCheckPageOffersTheCountriesOfANationalNumber: on the English page,
// which reads no country into national numbers, the demo's listed
// Cambodian number typed as "095 756 407" is not recognised, and the page
// offers it as a Cambodian number, a link that finds it listed. Told the
// country, or on the Khmer page, it is checked at once.
func TestCheckPageOffersTheCountriesOfANationalNumber(t *testing.T) {
	f := demoFixture(t)
	c := client(t)
	_, body, _ := get(t, c, f.srv.URL+"/?lang=en&q="+url.QueryEscape("095 756 407"))
	link := `<a href="/?q=%2b85595756407">Cambodia: <bdi>&#43;855 95 756 407</bdi></a>`
	if !strings.Contains(body, `data-status="invalid"`) || !strings.Contains(body, link) {
		t.Fatalf("no link to the Cambodian reading %s in:\n%s", link, body)
	}
	if strings.Contains(body, "Myanmar:") {
		t.Error("offered as a number of a country where it is none")
	}
	_, body, _ = get(t, c, f.srv.URL+"/?q=%2b85595756407")
	if !strings.Contains(body, `data-status="listed"`) {
		t.Error("the offered link does not find the number listed")
	}
	// The Korean page reads national numbers as Korean; a Cambodian one
	// typed there the national way is offered as Cambodian.
	_, body, _ = get(t, c, f.srv.URL+"/?lang=ko&q="+url.QueryEscape("095 756 407"))
	if !strings.Contains(body, `<a href="/?q=%2b85595756407">캄보디아: <bdi>&#43;855 95 756 407</bdi></a>`) {
		t.Error("the Korean page does not offer a Cambodian national number as one")
	}
	for _, u := range []string{"/?lang=en&region=KH&q=", "/?lang=km&q="} {
		_, body, _ = get(t, c, f.srv.URL+u+url.QueryEscape("095 756 407"))
		if !strings.Contains(body, `data-status="listed"`) || strings.Contains(body, `class="readings"`) {
			t.Errorf("%s: not checked as the Cambodian number", u)
		}
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
