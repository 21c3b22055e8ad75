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

// missingPage opens the public missing person form and returns the client
// and its token.
func missingPage(t *testing.T, srvURL, lang string) (*http.Client, string) {
	c := client(t)
	code, body, _ := get(t, c, srvURL+"/missing?lang="+lang)
	if code != 200 {
		t.Fatalf("/missing: %d", code)
	}
	return c, csrf(t, body)
}

// goodMissing is a sound missing person report.
func goodMissing(tok, name string) url.Values {
	return url.Values{
		"csrf": {tok}, "danger_now": {"yes"}, "name": {name}, "name_latin": {"KIM MINSU"},
		"dob": {"1999-04-02"}, "sex": {"M"}, "nationality": {"KR"}, "passport": {"M12345678"},
		"contacts":     {"+82 10 4821 7730\n@minsu_kh99"},
		"location":     {"Prince Manor compound, Sihanoukville, building C"},
		"last_contact": {"2025-10-02"}, "amount": {"15,000"}, "currency": {"USD"},
		"payee":     {"TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"},
		"recruiter": {"@golden_job_kh"},
		"job_ad":    {"캄보디아 단순 컴퓨터 작업, 월 1,000만 원 보장, 항공권 제공. 텔레그램 @golden_job_kh"},
		"rep_name":  {"김영희"}, "rep_relation": {"mother"}, "rep_phone": {"010 2233 4455"},
	}
}

// TestMissingFormKeepsInputAndSaysWhatToFix sends a form with mistakes in
// several fields: it comes back with everything typed and a message next
// to each field at fault, in the page's language.
func TestMissingFormKeepsInputAndSaysWhatToFix(t *testing.T) {
	f := demoFixture(t)
	for _, lang := range []string{"en", "ko", "km"} {
		msgs := messages(t, lang)
		c, tok := missingPage(t, f.srv.URL, lang)
		form := url.Values{
			"csrf": {tok}, "danger_now": {"yes"}, "name_latin": {""}, "dob": {"last spring"},
			"nationality": {"KR"}, "contacts": {"+82 10 4821 7730\nnot a thing ???"},
			"location": {"near the casino in Bavet"}, "last_contact": {"02/10/2025"},
			"amount": {"15k"}, "currency": {"USD"}, "payee": {"TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"},
			"job_ad": {"월 1,000만 원 보장"}, "rep_relation": {"sibling"},
		}
		code, body, _ := post(t, c, f.srv.URL+"/missing", form)
		if code != http.StatusUnprocessableEntity {
			t.Fatalf("%s: status %d, want 422", lang, code)
		}
		for _, typed := range []string{"last spring", "+82 10 4821 7730\nnot a thing ???", "near the casino in Bavet", "02/10/2025", "15k", "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE", "월 1,000만 원 보장"} {
			if !strings.Contains(body, esc(typed)) {
				t.Errorf("%s: the form lost %q", lang, typed)
			}
		}
		if !strings.Contains(body, `name="danger_now" value="yes" checked`) || !strings.Contains(body, `value="KR" selected`) || !strings.Contains(body, `value="sibling" selected`) {
			t.Errorf("%s: the form lost the danger flag, the nationality or the relation", lang)
		}
		for field, want := range map[string]string{
			"name":         msgs["missing.err.name"],
			"dob":          msgs["missing.err.dob"],
			"contacts":     strings.Replace(strings.Replace(msgs["missing.err.contact"], "%d", "2", 1), "%s", "not a thing ???", 1),
			"last_contact": msgs["report.err.when"],
			"amount":       strings.Replace(msgs["report.err.amount"], "%d", "2", 1),
			"rep_phone":    msgs["missing.err.reporter"],
		} {
			i := strings.Index(body, `id="`+field+`-err"`)
			if i < 0 {
				t.Errorf("%s: no error box for %s", lang, field)
				continue
			}
			if box := body[i:min(len(body), i+600)]; !strings.Contains(box, esc(want)) {
				t.Errorf("%s: next to %s, want %q; got %s", lang, field, want, box[:min(len(box), 300)])
			}
		}
		// The contacts' mistake points to a field of this form, not the
		// scam report's "What happened?".
		if i := strings.Index(body, `id="contacts-err"`); i < 0 || !strings.Contains(body[i:i+600], esc(msgs["missing.f.narrative"])) || strings.Contains(body[i:i+600], esc(msgs["report.f.narrative"])) {
			t.Errorf("%s: the contacts' error does not point to %q", lang, msgs["missing.f.narrative"])
		}
		if !strings.Contains(body, `id="dob" name="dob" value="last spring" inputmode="numeric" autocomplete="off" aria-describedby="dob-hint dob-err" aria-invalid="true"`) {
			t.Errorf("%s: the date of birth is not marked invalid for assistive technology", lang)
		}
	}
}

// TestMissingFormFilesAPublicIntake sends a sound form: the intake is
// stored through casework as the public's (GREEN, web channel), with the
// person, the ransom and the reporter; the family gets its reference and
// the numbers to call, and the intake waits in the triage queue ahead of
// every report not flagged as danger now.
func TestMissingFormFilesAPublicIntake(t *testing.T) {
	f := demoFixture(t)
	c, tok := missingPage(t, f.srv.URL, "ko")
	code, _, loc := post(t, c, f.srv.URL+"/missing", goodMissing(tok, "김민수"))
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/missing/sent?ref=") {
		t.Fatalf("status %d to %q, want 303 to the confirmation", code, loc)
	}
	ref := strings.TrimPrefix(loc, "/missing/sent?ref=")
	_, body, _ := get(t, c, f.srv.URL+loc)
	if !strings.Contains(body, `<code id="reference">`+ref+`</code>`) || !strings.Contains(body, `href="tel:&#43;82232100404"`) {
		t.Error("the confirmation does not show the reference and the consular call centre")
	}
	in, err := f.cw.GetIntake(context.Background(), trust.Operator(), ref)
	if err != nil {
		t.Fatalf("the reference names no intake: %v", err)
	}
	if in.Origin != intel.PublicOrigin || in.TLP != store.TLPGreen || in.Channel != "web" || !in.DangerNow {
		t.Errorf("stored as origin %q, TLP %q, channel %q, danger %v", in.Origin, in.TLP, in.Channel, in.DangerNow)
	}
	s := in.Subject
	if s.Name != "김민수" || s.NameLatin != "KIM MINSU" || s.DOB != "1999-04-02" || s.Nationality != "KR" || s.PassportNumber != "M12345678" ||
		len(s.Phones) != 1 || len(s.Handles) != 1 {
		t.Errorf("subject %+v", s)
	}
	if in.Ransom == nil || in.Ransom.AmountMinor != 1500000 || in.Ransom.Currency != "USD" || in.Ransom.PayeeAccount != "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE" {
		t.Errorf("ransom %+v", in.Ransom)
	}
	if in.Reporter.Phone != "+821022334455" || in.Reporter.Relation != "mother" || in.Reporter.Language != "ko" {
		t.Errorf("reporter %+v", in.Reporter)
	}
	if in.RecruiterHandle != "@golden_job_kh" || in.LastContactAt.Format("2006-01-02") != "2025-10-02" || in.ReportID == "" {
		t.Errorf("recruiter %q, last contact %v, report %q", in.RecruiterHandle, in.LastContactAt, in.ReportID)
	}
	q, err := f.cw.TriageQueue(context.Background(), trust.Operator())
	if err != nil {
		t.Fatal(err)
	}
	pos, firstCalm := -1, len(q)
	for i, it := range q {
		if it.Intake.ID == ref {
			pos = i
		}
		if !it.Intake.DangerNow && firstCalm == len(q) {
			firstCalm = i
		}
	}
	if pos < 0 || pos > firstCalm {
		t.Errorf("the intake is at %d of the queue, the first not in danger at %d", pos, firstCalm)
	}
}

// TestMissingFormsAreRateLimited: a client address may file only so many
// missing person reports an hour; mistakes do not count.
func TestMissingFormsAreRateLimited(t *testing.T) {
	base := demoFixture(t)
	pages, err := ui.New(base.svc, base.ts, ui.Options{ReportsPerHour: 2, Logger: discardLog, Casework: base.cw})
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, pages)
	c, tok := missingPage(t, srv.URL, "en")
	for i := 0; i < 3; i++ {
		if code, _, _ := post(t, c, srv.URL+"/missing", url.Values{"csrf": {tok}, "name": {"x"}}); code != http.StatusUnprocessableEntity {
			t.Fatalf("form with mistakes: %d", code)
		}
	}
	for i, want := range []int{303, 303, 429} {
		code, body, _ := post(t, c, srv.URL+"/missing", goodMissing(tok, "Rate Limit"))
		if code != want {
			t.Fatalf("report %d: %d, want %d", i+1, code, want)
		}
		if code == 429 && !strings.Contains(body, "Too many requests") {
			t.Error("the 429 page does not say why")
		}
	}
	if code, _, _ := post(t, c, srv.URL+"/missing", url.Values{"csrf": {"forged"}, "name": {"x"}}); code != http.StatusForbidden {
		t.Errorf("a forged token: %d, want 403", code)
	}
}

// TestMissingFormSaysHowLongInCharacters: a last known place longer than
// casework keeps is refused next to its field in the page's language (not
// casework's English "longer than 1000 bytes"), and a limit is said in
// the characters the family typed: a job ad in Hangul holds a third as
// many characters as one in Latin letters.
func TestMissingFormSaysHowLongInCharacters(t *testing.T) {
	f := demoFixture(t)
	for _, lang := range []string{"en", "ko", "km"} {
		msgs := messages(t, lang)
		c, tok := missingPage(t, f.srv.URL, lang)
		place := strings.Repeat("Near the casino in Bavet, ", 50) // 1,300 letters
		ad := strings.Repeat("캄보디아 고수익 알바", 450)                  // 4,950 characters, 13,050 bytes
		code, body, _ := post(t, c, f.srv.URL+"/missing", url.Values{
			"csrf": {tok}, "name": {"김민수"}, "rep_phone": {"+82 10 2233 4455"},
			"location": {place}, "job_ad": {ad},
		})
		if code != http.StatusUnprocessableEntity {
			t.Fatalf("%s: status %d, want 422", lang, code)
		}
		for field, want := range map[string]string{
			"location": strings.Replace(msgs["missing.err.long"], "%d", "1000", 1),
			"job_ad":   strings.Replace(msgs["missing.err.long"], "%d", "1553", 1), // 4096 bytes of "캄보디아 고수익 알바"
		} {
			i := strings.Index(body, `id="`+field+`-err"`)
			if i < 0 {
				t.Errorf("%s: no error box for %s", lang, field)
				continue
			}
			if box := body[i:min(len(body), i+600)]; !strings.Contains(box, esc(want)) {
				t.Errorf("%s: next to %s, want %q; got %s", lang, field, want, box[:min(len(box), 300)])
			}
		}
		if strings.Contains(body, "bytes") {
			t.Errorf("%s: the page speaks of bytes", lang)
		}
		if !strings.Contains(body, esc(strings.TrimSpace(place))) || !strings.Contains(body, esc(ad)) {
			t.Errorf("%s: the form lost the place or the ad", lang)
		}
	}
}
