package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/trust"
	"counterscam/internal/web/ui"
)

// reportPage opens the public form and returns the client and its token.
func reportPage(t *testing.T, f *fixture, lang string) (*http.Client, string) {
	c := client(t)
	_, body, _ := get(t, c, f.srv.URL+"/report?lang="+lang)
	return c, csrf(t, body)
}

// TestReportFormKeepsInputAndSaysWhatToFix sends a form with mistakes in
// several fields: it comes back with everything typed and a message next
// to each field at fault, in the page's language.
func TestReportFormKeepsInputAndSaysWhatToFix(t *testing.T) {
	f := demoFixture(t)
	for _, lang := range []string{"en", "ko", "km"} {
		msgs := messages(t, lang)
		c, tok := reportPage(t, f, lang)
		form := url.Values{
			"csrf":        {tok},
			"scam_type":   {"job_lure"},
			"narrative":   {"short"},
			"identifiers": {"+855 95 756 407\nnot-a-thing ???\n@golden_job_kh"},
			"country":     {"KH"},
			"when":        {"17/07/2025"},
			"amount":      {"12abc"},
			"currency":    {"USD"},
			"email":       {"someone@example.org"},
		}
		code, body, _ := post(t, c, f.srv.URL+"/report", form)
		if code != http.StatusUnprocessableEntity {
			t.Fatalf("%s: status %d, want 422", lang, code)
		}
		for _, typed := range []string{"short", "+855 95 756 407\nnot-a-thing ???\n@golden_job_kh", "17/07/2025", "12abc", "someone@example.org"} {
			if !strings.Contains(body, esc(typed)) {
				t.Errorf("%s: the form lost %q", lang, typed)
			}
		}
		if !strings.Contains(body, `value="job_lure" checked`) || !strings.Contains(body, `value="KH" selected`) {
			t.Errorf("%s: the form lost the chosen scam type or country", lang)
		}
		for field, want := range map[string]string{
			"narrative":   msgs["report.err.narrative_short"],
			"identifiers": strings.Replace(strings.Replace(msgs["report.err.identifier"], "%d", "2", 1), "%s", "not-a-thing ???", 1),
			"when":        msgs["report.err.when"],
			"amount":      strings.Replace(msgs["report.err.amount"], "%d", "2", 1),
			"consent":     msgs["report.err.consent"],
		} {
			i := strings.Index(body, `id="`+field+`-err"`)
			if i < 0 {
				t.Errorf("%s: no error box for %s", lang, field)
				continue
			}
			if box := body[i:min(len(body), i+1200)]; !strings.Contains(box, esc(want)) {
				t.Errorf("%s: next to %s, want %q; got %s", lang, field, want, box[:min(len(box), 300)])
			}
		}
		if strings.Contains(body, `id="identifiers-err"><ul class="ferr"><li>`+esc(strings.Replace(msgs["report.err.identifier"], "%d", "1", 1))) {
			t.Errorf("%s: a valid identifier line was flagged", lang)
		}
		if !strings.Contains(body, `id="narrative" name="narrative" rows="7" aria-describedby="narrative-hint narrative-err" aria-invalid="true"`) {
			t.Errorf("%s: the narrative is not marked invalid for assistive technology", lang)
		}
	}
}

// TestReportFormSaysHowLongInCharacters: a story longer than a report
// keeps is refused next to it with the limit in characters of the text
// typed (a Korean story holds about a third as many as one in Latin
// letters), never in kilobytes, and the story is kept in the form.
func TestReportFormSaysHowLongInCharacters(t *testing.T) {
	f := demoFixture(t)
	story := strings.Repeat("돈을 보냈어요. ", 3500) // 31,500 characters, 73,500 bytes
	for _, lang := range []string{"en", "ko", "km"} {
		msgs := messages(t, lang)
		c, tok := reportPage(t, f, lang)
		code, body, _ := post(t, c, f.srv.URL+"/report", url.Values{
			"csrf": {tok}, "scam_type": {"job_lure"}, "narrative": {story}, "consent": {"yes"},
		})
		if code != http.StatusUnprocessableEntity {
			t.Fatalf("%s: status %d, want 422", lang, code)
		}
		want := strings.Replace(msgs["report.err.narrative_long"], "%d", "28086", 1) // 65,536 bytes of the story
		i := strings.Index(body, `id="narrative-err"`)
		if i < 0 {
			t.Fatalf("%s: no error box for the story", lang)
		}
		if box := body[i:min(len(body), i+600)]; !strings.Contains(box, esc(want)) {
			t.Errorf("%s: next to the story, want %q; got %s", lang, want, box[:min(len(box), 300)])
		}
		if strings.Contains(body, "KB") {
			t.Errorf("%s: the page speaks of kilobytes", lang)
		}
		if !strings.Contains(body, esc(strings.TrimSpace(story))) {
			t.Errorf("%s: the form lost the story", lang)
		}
	}
}

// TestReportFormFilesAPublicGreenReport sends a sound form: the report is
// stored through the service as the public's (origin public, GREEN, web),
// with its identifiers, loss and consenting contact, and the person gets
// its reference.
func TestReportFormFilesAPublicGreenReport(t *testing.T) {
	f := demoFixture(t)
	c, tok := reportPage(t, f, "ko")
	code, _, loc := post(t, c, f.srv.URL+"/report", url.Values{
		"csrf": {tok}, "scam_type": {"romance"},
		"narrative":   {"인스타그램에서 만난 사람이 코인 투자를 권했고 세 번 송금했습니다."},
		"identifiers": {"010-2345-6789\nTJRabPrwbZy45sbavfcjinPJC18kjpRTv8"},
		"country":     {"KR"}, "when": {"2025-06-02"}, "amount": {"3,000,000"}, "currency": {"KRW"},
		"name": {"홍길동"}, "phone": {"010 9876 5432"}, "consent": {"yes"},
	})
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/report/sent?ref=") {
		t.Fatalf("status %d to %q, want 303 to the confirmation", code, loc)
	}
	ref := strings.TrimPrefix(loc, "/report/sent?ref=")
	_, body, _ := get(t, c, f.srv.URL+loc)
	if !strings.Contains(body, `<code id="reference">`+ref+`</code>`) {
		t.Error("the confirmation does not show the reference")
	}
	r, err := f.svc.GetReport(context.Background(), trust.Operator(), ref)
	if err != nil {
		t.Fatal(err)
	}
	if r.Origin != intel.PublicOrigin || r.TLP != store.TLPGreen || r.Channel != "web" || r.ScamType != "romance" || r.VictimCountry != "KR" {
		t.Errorf("stored as origin %q, TLP %q, channel %q, type %q, country %q", r.Origin, r.TLP, r.Channel, r.ScamType, r.VictimCountry)
	}
	if len(r.Losses) != 1 || r.Losses[0].AmountMinor != 3000000 || r.Losses[0].Currency != "KRW" {
		t.Errorf("losses %+v, want 3000000 KRW", r.Losses)
	}
	values := map[string]bool{}
	for _, s := range r.Selectors {
		values[s.Kind+" "+s.Value] = true
	}
	for _, want := range []string{"phone +821023456789", "crypto TJRabPrwbZy45sbavfcjinPJC18kjpRTv8"} {
		if !values[want] {
			t.Errorf("selector %s not stored; got %v", want, values)
		}
	}
	ct, err := f.st.GetContact(context.Background(), ref)
	if err != nil {
		t.Fatal(err)
	}
	if !ct.Consent || ct.Phone != "+821098765432" || ct.Name != "홍길동" {
		t.Errorf("contact %+v", ct)
	}
}

// TestFormsNeedTheirCSRFToken: every state-changing form is refused
// without a valid token, whoever sends it.
func TestFormsNeedTheirCSRFToken(t *testing.T) {
	f := demoFixture(t)
	c, _ := reportPage(t, f, "en")
	for _, tok := range []string{"", "forged-token", strings.Repeat("A", 86)} {
		code, body, _ := post(t, c, f.srv.URL+"/report", url.Values{"csrf": {tok}, "scam_type": {"other"}, "narrative": {"a long enough narrative"}})
		if code != http.StatusForbidden || !strings.Contains(body, "This form has expired") {
			t.Errorf("report with token %q: %d", tok, code)
		}
	}
	code, _, _ := post(t, c, f.srv.URL+"/login", url.Values{"email": {"analyst@knpa.demo"}, "password": {"demo-password-2025"}})
	if code != http.StatusForbidden {
		t.Errorf("login without a token: %d, want 403", code)
	}
	an := f.signIn(t, "analyst@knpa.demo")
	_, page, _ := get(t, client(t), f.srv.URL+"/report")
	other := csrf(t, page) // a token of another visitor's secret
	sel := f.reportWith(t, func(r *store.Report) bool { return r.Origin == "KNPA" && len(r.Selectors) > 0 }).Selectors[0].SelectorID
	for _, path := range []string{"/logout", "/selectors/" + sel + "/marks", "/import"} {
		if code, _, _ := post(t, an, f.srv.URL+path, url.Values{"csrf": {other}, "mark": {"confirm"}}); code != http.StatusForbidden {
			t.Errorf("POST %s with another session's token: %d, want 403", path, code)
		}
	}
	if code, _, _ := get(t, an, f.srv.URL+"/dashboard"); code != 200 {
		t.Errorf("the session did not survive the refused logout: %d", code)
	}
}

// TestPublicReportsAreRateLimited: a client address may file only so many
// reports an hour; mistakes in the form do not count.
func TestPublicReportsAreRateLimited(t *testing.T) {
	base := demoFixture(t)
	pages, err := ui.New(base.svc, base.ts, ui.Options{ReportsPerHour: 2, Logger: discardLog})
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, pages)
	c := client(t)
	_, body, _ := get(t, c, srv.URL+"/report")
	tok := csrf(t, body)
	bad := url.Values{"csrf": {tok}, "scam_type": {"other"}, "narrative": {"x"}}
	for i := 0; i < 3; i++ {
		if code, _, _ := post(t, c, srv.URL+"/report", bad); code != http.StatusUnprocessableEntity {
			t.Fatalf("form with mistakes: %d", code)
		}
	}
	good := url.Values{"csrf": {tok}, "scam_type": {"other"}, "narrative": {"Someone called and asked for my bank password."}}
	for i, want := range []int{303, 303, 429} {
		code, body, _ := post(t, c, srv.URL+"/report", good)
		if code != want {
			t.Fatalf("report %d: %d, want %d", i+1, code, want)
		}
		if code == 429 && !strings.Contains(body, "Too many requests") {
			t.Error("the 429 page does not say why")
		}
	}
}

// TestAmountInACurrencyWithoutDecimals: an amount with decimals in won
// (or dong) is refused on both public forms with a message that gives
// whole-number examples and names the currency, not "1,500.50 (at most 0
// decimals)"; a currency with decimals keeps its own message.
func TestAmountInACurrencyWithoutDecimals(t *testing.T) {
	f := demoFixture(t)
	for _, lang := range []string{"en", "ko", "km"} {
		msgs := messages(t, lang)
		whole := strings.Replace(msgs["report.err.amount_whole"], "%s", "KRW", 1)
		for _, form := range []struct {
			path string
			open func() (*http.Client, string)
			rest url.Values
		}{
			{"/report", func() (*http.Client, string) { return reportPage(t, f, lang) },
				url.Values{"scam_type": {"romance"}, "narrative": {"She asked me to pay a fee to release the money."}}},
			{"/missing", func() (*http.Client, string) { return missingPage(t, f.srv.URL, lang) },
				url.Values{"name": {"김민수"}, "rep_phone": {"+82 10 2233 4455"}}},
		} {
			c, tok := form.open()
			v := url.Values{"csrf": {tok}, "amount": {"1500000.50"}, "currency": {"KRW"}}
			for k, x := range form.rest {
				v[k] = x
			}
			code, body, _ := post(t, c, f.srv.URL+form.path, v)
			if code != http.StatusUnprocessableEntity {
				t.Fatalf("%s %s: status %d, want 422", lang, form.path, code)
			}
			i := strings.Index(body, `id="amount-err"`)
			if i < 0 {
				t.Fatalf("%s %s: no error next to the amount", lang, form.path)
			}
			box := body[i:min(len(body), i+600)]
			if !strings.Contains(box, esc(whole)) {
				t.Errorf("%s %s: next to the amount, want %q; got %s", lang, form.path, whole, box[:min(len(box), 300)])
			}
			if strings.Contains(box, "1,500.50") {
				t.Errorf("%s %s: a won amount is given an example with decimals: %s", lang, form.path, box[:min(len(box), 300)])
			}
		}
	}
}

// TestReportFormSaysEveryContactMistakeAtOnce: contact details with a
// mistake and the consent box not ticked are answered with both at once,
// not the consent first and the mistyped e-mail address only after the
// person has ticked it and sent the form again.
func TestReportFormSaysEveryContactMistakeAtOnce(t *testing.T) {
	f := demoFixture(t)
	msgs := messages(t, "en")
	c, tok := reportPage(t, f, "en")
	code, body, _ := post(t, c, f.srv.URL+"/report", url.Values{
		"csrf": {tok}, "scam_type": {"romance"}, "narrative": {"She asked me to pay a fee to release the money."},
		"currency": {"USD"}, "name": {"Kim"}, "email": {"kim@"}, "phone": {"12"},
	})
	if code != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", code)
	}
	for field, want := range map[string]string{
		"consent": msgs["report.err.consent"],
		"email":   msgs["report.err.email"],
		"phone":   msgs["report.err.phone"],
	} {
		i := strings.Index(body, `id="`+field+`-err"`)
		if i < 0 || !strings.Contains(body[i:min(len(body), i+600)], esc(want)) {
			t.Errorf("next to %s, want %q", field, want)
		}
	}
}
