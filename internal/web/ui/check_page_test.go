package ui_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"counterscam/internal/intel"
	"counterscam/internal/trust"
	"counterscam/internal/web/ui"
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
// alone is looked up by its digits at every bank: the demo's listed MB
// Bank account is found and its bank named; a number no bank lists is
// told so, with the advice to put the bank's name before it; with the
// name, the listed account is found.
func TestCheckPageTellsHowToWriteAnAccount(t *testing.T) {
	f := demoFixture(t)
	c := client(t)
	msgs := messages(t, "en")
	_, body, _ := get(t, c, f.srv.URL+"/?lang=en&q=0342185000134")
	if !strings.Contains(body, `data-status="listed"`) || !strings.Contains(body, esc(msgs["check.accounts"])) || !strings.Contains(body, "<bdi>MB Bank 0342185000134</bdi></a>") {
		t.Errorf("a bare listed account number: not found with its bank")
	}
	_, body, _ = get(t, c, f.srv.URL+"/?lang=en&q="+url.QueryEscape("0342-185-000-999"))
	if !strings.Contains(body, `data-status="invalid"`) || !strings.Contains(body, esc(msgs["check.account_no_bank"])) ||
		!strings.Contains(body, "write the bank&#39;s name before the number") || strings.Contains(body, esc(msgs["advice.invalid"])) {
		t.Errorf("a bare account number no bank lists: no advice to name the bank")
	}
	_, body, _ = get(t, c, f.srv.URL+"/?lang=en&q="+url.QueryEscape("MB Bank 0342185000134"))
	if !strings.Contains(body, `data-status="listed"`) || strings.Contains(body, `class="accounts"`) {
		t.Errorf("the account with its bank's name is not found listed, alone")
	}
}

// TestCheckPageNamesEveryBankOfAnAccountNumber: the digits scammers send
// without a bank, listed at two banks, are answered as listed with both
// banks named and their reports counted, in every language and whether
// the page reads national numbers as Korean or not; an account below the
// publication threshold is named nowhere; a Korean mobile number whose
// digits are a listed account is answered as the account, and offered as
// a phone number too.
func TestCheckPageNamesEveryBankOfAnAccountNumber(t *testing.T) {
	ctx := context.Background()
	svc, ts, _ := emptyServices(t)
	add := func(origin, ref, value string) {
		in := &intel.ReportInput{Origin: origin, ExternalRef: ref, ScamType: "romance", VictimCountry: "KR", TLP: "CLEAR",
			Selectors: []intel.SelectorInput{{Value: value, Role: "paid_to"}}}
		if _, _, err := svc.CreateReport(ctx, trust.Operator(), in); err != nil {
			t.Fatal(err)
		}
	}
	add("KNPA", "k1", "국민 316159-26-535851")
	add("CNP", "k2", "KB국민은행 316159-26-535851")
	add("KNPA", "s1", "신한 316159-26-535851")
	add("CNP", "s2", "신한 316159-26-535851")
	add("RTP", "s3", "신한 316159-26-535851")
	add("KNPA", "w1", "우리 1002-345-678901") // one source: not listed
	add("KNPA", "p1", "KR:004:01012345678")
	add("CNP", "p2", "KR:004:01012345678")
	pages, err := ui.New(svc, ts, ui.Options{Logger: discardLog, CheckRate: 1000})
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, pages)
	c := client(t)
	for _, tc := range []struct{ lang, shinhan, kb string }{
		{"en", "Shinhan Bank (신한은행) 31615926535851", "KB Kookmin Bank (KB국민은행) 31615926535851"},
		{"ko", "Shinhan Bank (신한은행) 31615926535851", "KB Kookmin Bank (KB국민은행) 31615926535851"},
		{"km", "Shinhan Bank (신한은행) 31615926535851", "KB Kookmin Bank (KB국민은행) 31615926535851"},
	} {
		msgs := messages(t, tc.lang)
		_, body, _ := get(t, c, srv.URL+"/?lang="+tc.lang+"&q="+url.QueryEscape("316159-26-535851"))
		want := []string{
			`data-status="listed"`,
			"<strong>" + esc(msgs["check.stop_one"]) + "</strong>",
			"<p>" + esc(msgs["check.accounts"]) + "</p>",
			`<a href="/?q=KR%3a088%3a31615926535851"><bdi>` + tc.shinhan + "</bdi></a> · " + strings.Replace(msgs["check.account_reports"], "%d", "3", 1),
			`<a href="/?q=KR%3a004%3a31615926535851"><bdi>` + tc.kb + "</bdi></a> · " + strings.Replace(msgs["check.account_reports"], "%d", "2", 1),
			"<dt>" + esc(msgs["check.fact.reports"]) + "</dt><dd>3</dd>",
		}
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: the answer lacks %s", tc.lang, w)
			}
		}
		if strings.Index(body, tc.shinhan) > strings.Index(body, tc.kb) {
			t.Errorf("%s: the most reported account is not first", tc.lang)
		}

		_, body, _ = get(t, c, srv.URL+"/?lang="+tc.lang+"&q="+url.QueryEscape("1002-345-678901"))
		status := `data-status="invalid"`
		if tc.lang != "en" {
			status = `data-status="not_listed"` // read as an account at no bank in Korea, or Cambodia
		}
		if !strings.Contains(body, status) || !strings.Contains(body, esc(msgs["check.account_no_bank"])) || strings.Contains(body, `class="accounts"`) {
			t.Errorf("%s: a number no bank lists is not told so", tc.lang)
		}
		for _, leak := range []string{"Woori", "우리은행", "KR%3a020"} {
			if strings.Contains(body, leak) {
				t.Errorf("%s: the unlisted account is named (%s)", tc.lang, leak)
			}
		}
	}

	msgs := messages(t, "en")
	_, body, _ := get(t, c, srv.URL+"/?lang=en&q="+url.QueryEscape("010-1234-5678"))
	for _, w := range []string{
		`data-status="listed"`,
		`<bdi>KB Kookmin Bank (KB국민은행) 01012345678</bdi></a>`,
		"<p>" + esc(msgs["check.also_phone"]) + "</p>",
		`<a href="/?q=%2b821012345678">South Korea: <bdi>&#43;82 10-1234-5678</bdi></a>`,
	} {
		if !strings.Contains(body, w) {
			t.Errorf("phone digits listed as an account: the answer lacks %s", w)
		}
	}
}

// TestCheckPageFindsAListedAccountInAMessage: a pasted message that gives
// the demo's listed MB Bank account without its bank shows the account,
// with its bank, among the message's findings, beside its phone number;
// a message whose digits no bank lists shows no account.
func TestCheckPageFindsAListedAccountInAMessage(t *testing.T) {
	f := demoFixture(t)
	c := client(t)
	for _, tc := range []struct{ lang, text string }{
		{"ko", "오늘까지 0342185000134 으로 보증금 보내주세요. 문의는 010-9876-5432 로 연락 주세요"},
		{"en", "Please send the deposit to 0342-185-000-134 today. Questions: +82 10-9876-5432"},
	} {
		msgs := messages(t, tc.lang)
		_, body, _ := get(t, c, f.srv.URL+"/?lang="+tc.lang+"&q="+url.QueryEscape(tc.text))
		if !strings.Contains(body, `data-status="listed"`) || !strings.Contains(body, esc(msgs["check.accounts"])) ||
			!strings.Contains(body, "<bdi>MB Bank 0342185000134</bdi></a>") || strings.Count(body, `<li class="result `) != 2 {
			t.Errorf("%s: the listed account in the message is not shown with its bank", tc.lang)
		}
		if !strings.Contains(body, `<span class="kind">`+esc(msgs["kind.phone"])+`</span> <bdi>&#43;82 10-9876-5432</bdi>`) {
			t.Errorf("%s: the message's phone number is not answered as one", tc.lang)
		}
	}
	_, body, _ := get(t, c, f.srv.URL+"/?lang=en&q="+url.QueryEscape("Order 20261127004512 of 2026-11-27: pay 1,500,000 to 0342-185-000-999. Call +82 10-9876-5432"))
	if strings.Count(body, `<li class="result `) != 1 || strings.Contains(body, `class="accounts"`) || strings.Contains(body, "0342185000999") {
		t.Errorf("digits no bank lists: an account is shown")
	}
}

// TestCheckPageSaysAWalletIsMistyped: a wallet address with one character
// wrong (its checksum fails) is told so, in the page's language, not "this
// does not look like a phone number, account, wallet...", which sends the
// person to doubt what kind of value they have rather than to copy it
// again; and what to do next is to copy it again from where it was given
// (nothing was checked), not "type a phone with its country code".
func TestCheckPageSaysAWalletIsMistyped(t *testing.T) {
	f := demoFixture(t)
	for _, w := range []struct{ addr, format string }{
		{"TExMBvm1f6nD7SRXdX2euQxb9Ba8W3zgpX", "base58check"}, // a demo TRON wallet, last letter changed
		{"bc1qqwtc7sl0wh9s9nzyf7nt97pjgnvxm9d9p2emtx", "bech32"},
		{"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "EIP-55"},
	} {
		for _, lang := range []string{"en", "ko", "km"} {
			msgs := messages(t, lang)
			_, body, _ := get(t, client(t), f.srv.URL+"/?lang="+lang+"&q="+url.QueryEscape(w.addr))
			shown := w.addr
			if len(shown) > 40 {
				shown = shown[:40] + "…" // the message quotes a long value cut short; the result names it whole
			}
			want := strings.Replace(strings.Replace(msgs["selector.err.crypto_checksum"], "%s", `"`+shown+`"`, 1), "%s", w.format, 1)
			if !strings.Contains(body, `data-status="invalid"`) || !strings.Contains(body, esc(want)) {
				t.Errorf("%s %s: want %q", lang, w.addr, want)
			}
			if strings.Contains(body, esc(msgs["advice.invalid"])) {
				t.Errorf("%s %s: told it does not look like a wallet", lang, w.addr)
			}
			next := `<p class="next"><strong>` + esc(msgs["check.next"]) + `</strong> ` + esc(msgs["next.mistyped"]) + `</p>`
			if !strings.Contains(body, next) || strings.Contains(body, esc(msgs["next.invalid"])) {
				t.Errorf("%s %s: what to do next is not to copy the address again: want %s", lang, w.addr, next)
			}
		}
	}
}

// TestCheckPageSaysHowLongInCharacters: a pasted text longer than the
// check reads is refused with its limit in characters of the text pasted
// (a Korean message holds about a third as many as one in Latin letters),
// never in kilobytes, which the public cannot count.
func TestCheckPageSaysHowLongInCharacters(t *testing.T) {
	f := demoFixture(t)
	text := strings.Repeat("캄보디아 고수익 알바", 600) // 6,600 characters, 17,400 bytes
	for _, lang := range []string{"en", "ko", "km"} {
		msgs := messages(t, lang)
		_, body, _ := get(t, client(t), f.srv.URL+"/?lang="+lang+"&q="+url.QueryEscape(text))
		want := strings.Replace(msgs["check.too_long"], "%d", "6214", 1) // 16,384 bytes of the text
		if !strings.Contains(body, `<p class="ferr" id="q-err">`+esc(want)+`</p>`) {
			t.Errorf("%s: want %q", lang, want)
		}
		if strings.Contains(body, "KB") {
			t.Errorf("%s: the page speaks of kilobytes", lang)
		}
	}
}
