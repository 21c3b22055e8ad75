package ui_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// upload sends a file to /import as the signed-in client and returns the
// job's page address.
func upload(t *testing.T, f *fixture, c *http.Client, name, content string) (int, string, string) {
	t.Helper()
	_, page, _ := get(t, c, f.srv.URL+"/import")
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("csrf", csrf(t, page))
	mw.WriteField("format", "auto")
	fw, _ := mw.CreateFormFile("file", name)
	io.WriteString(fw, content)
	mw.Close()
	req, _ := http.NewRequest("POST", f.srv.URL+"/import", &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(body)
}

// TestImportJob uploads a CSV with good and bad rows: the job runs the
// import pipeline in the background, the page polls its progress, and the
// rejected rows are listed with their line and reason; the good rows are
// stored with the analyst's organisation as origin and creator.
func TestImportJob(t *testing.T) {
	f := demoFixture(t)
	an := f.signIn(t, "analyst@mps-vn.demo")
	csv := "external_ref,origin,received_at,scam_type,narrative,victim_country,loss_amount,loss_currency,selectors,tlp\n" +
		"VN-UI-1,MPS-VN,2025-10-01T08:00:00Z,job_lure,Offered a job in Bavet by +84 912 345 678,VN,500,USD,+84 912 345 678,AMBER\n" +
		"VN-UI-2,CNP,2025-10-02T08:00:00Z,romance,Met online,VN,,,,AMBER\n" +
		"VN-UI-3,MPS-VN,2025-10-03T08:00:00Z,not_a_type,Something,VN,,,,AMBER\n" +
		"VN-UI-4,MPS-VN,yesterday,romance,Something,VN,,,,AMBER\n" +
		"VN-UI-5,MPS-VN,2025-10-05T08:00:00Z,loan,Asked a fee first,VN,,,,RED\n"
	code, loc, _ := upload(t, f, an, "vn-reports.csv", csv)
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/import/") {
		t.Fatalf("upload: %d to %q", code, loc)
	}
	st := waitJobStatus(t, f, an, loc)
	if st.Status != "done" || st.Percent != 100 || st.Counts.Read != 5 || st.Counts.Inserted != 2 || st.Counts.Rejected != 3 {
		t.Fatalf("job ended %+v", st)
	}
	_, page, _ := get(t, an, f.srv.URL+loc)
	for _, want := range []string{`id="rejects"`, `<td class="n">3</td><td><code>origin</code></td>`, `<td class="n">4</td><td><code>scam_type</code></td>`, `<td class="n">5</td><td><code>received_at</code></td>`, "is not your organisation"} {
		if !strings.Contains(page, esc(want)) && !strings.Contains(page, want) {
			t.Errorf("the job page lacks %q", want)
		}
	}
	u := f.user(t, "analyst@mps-vn.demo")
	r, err := f.st.GetReportByRef(context.Background(), "MPS-VN", "VN-UI-5")
	if err != nil {
		t.Fatal(err)
	}
	if r.TLP != store.TLPRed || r.CreatedBy != u.ID {
		t.Errorf("the RED row is stored as %s by %q, want by the importing analyst %q", r.TLP, r.CreatedBy, u.ID)
	}
	if _, err := f.svc.GetReport(context.Background(), trust.Operator(), r.ID); err != nil {
		t.Error(err)
	}
	other := f.signIn(t, "analyst@knpa.demo")
	if code, _, _ := get(t, other, f.srv.URL+loc); code != http.StatusNotFound {
		t.Errorf("another analyst opened the job: %d", code)
	}
	if code, _, body := upload(t, f, an, "empty.csv", ""); code != http.StatusUnprocessableEntity || !strings.Contains(body, "This file is empty.") {
		t.Errorf("empty upload: %d", code)
	}
}

// TestUploadsAreForMembers: a visitor's upload is refused before its body
// is read, even with a valid token, wherever it is sent.
func TestUploadsAreForMembers(t *testing.T) {
	f := demoFixture(t)
	c := client(t)
	_, page, _ := get(t, c, f.srv.URL+"/report")
	tok := csrf(t, page)
	for _, path := range []string{"/import", "/report", "/login"} {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		mw.WriteField("csrf", tok)
		mw.WriteField("scam_type", "other")
		mw.WriteField("narrative", "a long enough story of what happened")
		fw, _ := mw.CreateFormFile("file", "x.csv")
		io.WriteString(fw, "external_ref,origin\n")
		mw.Close()
		req, _ := http.NewRequest("POST", f.srv.URL+path, &b)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("a visitor's upload to %s: %d, want 401", path, resp.StatusCode)
		}
	}
}

// TestImportRejectsInKorean: the rejected rows of an import are listed in
// the page's language, each with its line and field, where the reason has
// a code (a control character in a selector, a selector's unknown kind or
// bad role among them); a reason without one is shown in English, marked
// so.
func TestImportRejectsInKorean(t *testing.T) {
	f := demoFixture(t)
	an := f.signIn(t, "analyst@mps-vn.demo")
	row := func(ref, origin, received, occurred, narrative, amount, currency, sels string) string {
		return strings.Join([]string{ref, origin, received, occurred, "romance", narrative, amount, currency, sels}, ",") + "\n"
	}
	const at = "2025-10-01T08:00:00Z"
	csv := "external_ref,origin,received_at,occurred_at,scam_type,narrative,loss_amount,loss_currency,selectors\n" +
		row("K-2", "", at, "", "x", "", "", "") +
		"K-3,MPS-VN," + at + "\n" +
		row("K-4", "MPS-VN", "yesterday", "", "x", "", "", "") +
		row("K-5", "MPS-VN", "1900-01-01T00:00:00Z", "", "x", "", "", "") +
		row("K-6", "MPS-VN", at, "2025-11-01", "x", "", "", "") +
		row("K-7", "MPS-VN", at, "", "x", "12.3.4", "USD", "") +
		row("K-8", "MPS-VN", at, "", "x", "-5", "USD", "") +
		row("K-9", "MPS-VN", at, "", "x", "5", "dollars", "") +
		row("K-10", "MPS-VN", at, "", "x", "5", "", "") +
		row("K-11", "MPS-VN", at, "", "x", "", "USD", "") +
		row("K-12", "MPS-VN", at, "", "caf\xe9", "", "", "") +
		row("K-13", "MPS\x01VN", at, "", "x", "", "", "") +
		row("K-14", strings.Repeat("M", 129), at, "", "x", "", "", "") +
		row("K-15", "MPS-VN", at, "", strings.Repeat("n", 1<<20), "", "", "") +
		row("K-16", "CNP", at, "", "x", "", "", "") +
		row("K-17", "MPS-VN", at, "", "x", "", "", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD") +
		"K-18,MPS-VN," + at + ",,lottery,x,,,\n" +
		row("K-19", "MPS-VN", at, "", "Paid a fee", "100", "USD", "") +
		row("K-20", "MPS-VN", at, "", "x", "1.234", "USD", "") +
		row("K-21", "MPS-VN", at, "", "x", "", "", "+855 12\x01345") +
		"K-22,\"MPS-VN," + at + "\n"
	code, loc, _ := upload(t, f, an, "ko-rejects.csv", csv)
	if code != http.StatusSeeOther {
		t.Fatalf("upload: %d", code)
	}
	if status, read, inserted, rejected := waitJob(t, f, an, loc); status != "done" || read != 21 || inserted != 1 || rejected != 20 {
		t.Fatalf("job %s: read %d, inserted %d, rejected %d", status, read, inserted, rejected)
	}
	_, page, _ := get(t, an, f.srv.URL+loc+"?lang=ko")
	for _, w := range []struct {
		line, field, reason string
	}{
		{"2", "origin", "필수 항목인데 비어 있습니다."},
		{"3", "", "이 행에는 값이 3개 있지만 머리글에는 열이 9개 있습니다."},
		{"4", "received_at", `"yesterday"은(는) 날짜와 시간으로 읽을 수 없습니다. 다음처럼 쓰세요: 2025-03-01T14:30:00+09:00.`},
		{"5", "received_at", `"1900-01-01T00:00:00Z"은(는) 1970년과 2100년 사이가 아닙니다.`},
		{"6", "occurred_at", `"2025-11-01"은(는) 신고 접수 시각(received_at)보다 늦습니다.`},
		{"7", "loss_amount", `"12.3.4"은(는) 금액이 아닙니다.`},
		{"8", "loss_amount", `"-5"은(는) 음수입니다.`},
		{"9", "loss_currency", `"dollars"은(는) 통화 코드가 아닙니다. 다음과 같은 코드를 쓰세요: KRW, USD, THB`},
		{"10", "loss_currency", "피해 금액에 통화(loss_currency)가 없습니다."},
		{"11", "loss_amount", "통화는 있지만 피해 금액(loss_amount)이 없습니다."},
		{"12", "narrative", "글자가 올바른 UTF-8이 아닙니다."},
		{"13", "origin", "값에 탭이나 줄바꿈 같은 제어 문자(U+0001)가 들어 있습니다."},
		{"14", "origin", "값이 128바이트보다 깁니다."},
		{"15", "", "레코드가 1 MiB보다 길어서 읽지 않았습니다."},
		{"16", "origin", `"CNP"은(는) 소속 기관(MPS-VN)이 아닙니다.`},
		{"17", "selectors", `"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA…"의 검사 값이 맞지 않습니다(EIP-55). 글자가 잘못 입력되었을 수 있습니다.`},
		{"20", "loss_amount", `"1.234"은(는) 통화의 소수 자릿수보다 소수점 아래 숫자가 많습니다. 최대 2자리까지 쓰세요.`},
		{"22", "", "2번째 열의 따옴표로 묶은 값이 파일 끝까지 닫히지 않았습니다."},
		{"18", "scam_type", `"lottery"은(는) 사기 유형이 아닙니다. 다음 중 하나를 쓰세요: romance, crypto_investment,`},
		{"21", "selectors", "식별자 중 1번째 값에 탭이나 줄바꿈 같은 제어 문자(U+0001)가 들어 있습니다. 지우세요."},
	} {
		want := `<td class="n">` + w.line + `</td><td><code>` + w.field + `</code></td><td>` + esc(w.reason)
		if !strings.Contains(page, want) {
			t.Errorf("the Korean page lacks %s", want)
		}
	}
	if n := strings.Count(page, `<td lang="en">`); n != 0 {
		t.Errorf("%d reasons in English, want none: every reason here has a code", n)
	}
	// intake gives every reason a record can have a code by now: one with
	// none is made up, to see the page fall back to English.
	if !f.pages.AddCodelessReject(strings.TrimPrefix(loc, "/import/"), 99, "selectors", "a reason with no code yet") {
		t.Fatalf("no job at %s", loc)
	}
	_, page, _ = get(t, an, f.srv.URL+loc+"?lang=ko")
	if want := `<td class="n">99</td><td><code>selectors</code></td><td lang="en">a reason with no code yet</td>`; !strings.Contains(page, want) {
		t.Errorf("the reason with no code is not in English: the page lacks %s", want)
	}
	if n := strings.Count(page, `<td lang="en">`); n != 1 {
		t.Errorf("%d reasons in English, want 1", n)
	}

	// A selector's kind and role, given per selector in JSON Lines.
	const rec = `{"external_ref":%q,"origin":"MPS-VN","received_at":"2025-10-01T08:00:00Z","scam_type":"romance","selectors":[{"value":"+855 12 345 678",%s}]}` + "\n"
	jsonl := fmt.Sprintf(rec, "J-1", `"kind":"fone"`) + fmt.Sprintf(rec, "J-2", `"role":"paid-to"`)
	code, loc, _ = upload(t, f, an, "ko-kinds.jsonl", jsonl)
	if code != http.StatusSeeOther {
		t.Fatalf("upload: %d", code)
	}
	if status, _, _, rejected := waitJob(t, f, an, loc); status != "done" || rejected != 2 {
		t.Fatalf("job %s: rejected %d", status, rejected)
	}
	for lang, want := range map[string][]string{
		"ko": {`"fone"은(는) 식별자 종류가 아닙니다. 다음 중 하나를 쓰세요: phone, email,`, `"paid-to"은(는) 역할로 쓸 수 없습니다.`},
		"km": {`"fone" មិនមែនជាប្រភេទអត្តសញ្ញាណទេ។`, `"paid-to" មិនមែនជាតួនាទីទេ៖`},
	} {
		_, page, _ := get(t, an, f.srv.URL+loc+"?lang="+lang)
		for i, w := range want {
			if row := fmt.Sprintf(`<td class="n">%d</td><td><code>selectors</code></td><td>%s`, i+1, esc(w)); !strings.Contains(page, row) {
				t.Errorf("the %s page lacks %s", lang, row)
			}
		}
	}
}

// TestImportHeaderInKorean: a CSV file whose header cannot be used fails
// the import, and the page says what is wrong with the header and where in
// its language.
func TestImportHeaderInKorean(t *testing.T) {
	f := demoFixture(t)
	an := f.signIn(t, "analyst@mps-vn.demo")
	for _, c := range []struct{ name, csv, want string }{
		{"colour.csv", "external_ref,origin,received_at,scam_type,colour\nR,MPS-VN,2025-10-01T08:00:00Z,romance,red\n",
			`머리글 1번째 줄, 열 colour:` + "\n    <span>이 열은 항목이 아닙니다. 매핑 파일에서 항목에 연결하거나 &#34;-&#34;로 무시할 수 있습니다. 항목: external_ref, origin,"},
		{"no-type.csv", "external_ref,origin,received_at\nR,MPS-VN,2025-10-01T08:00:00Z\n",
			`머리글 1번째 줄, 열 scam_type:` + "\n    <span>머리글의 어느 열도 이 필수 항목을 채우지 않습니다."},
		{"twice.csv", "external_ref,origin,Origin,received_at,scam_type\n",
			`머리글 1번째 줄, 열 Origin:` + "\n    <span>이 열은 &#34;origin&#34; 열과 같은 항목을 채웁니다."},
		{"open-quote.csv", "external_ref,\"origin\"s,received_at,scam_type\n",
			`머리글 1번째 줄:` + "\n    <span>2번째 열에 닫는 따옴표 뒤에 글자가 있습니다."},
	} {
		code, loc, _ := upload(t, f, an, c.name, c.csv)
		if code != http.StatusSeeOther {
			t.Fatalf("%s: upload %d", c.name, code)
		}
		if status, _, _, _ := waitJob(t, f, an, loc); status != "failed" {
			t.Errorf("%s: the job is %s", c.name, status)
		}
		_, page, _ := get(t, an, f.srv.URL+loc+"?lang=ko")
		if !strings.Contains(page, c.want) {
			i := strings.Index(page, `id="job-header"`)
			t.Errorf("%s: the page lacks %q: %.300s", c.name, c.want, page[max(i, 0):])
		}
	}
}

// TestImportJSONShapesTranslated: a JSON report with a field given by two
// keys, or selectors or losses of the wrong shape, or a loss without its
// currency or with a wrong one, is rejected in the page's language, none
// of them in English.
func TestImportJSONShapesTranslated(t *testing.T) {
	f := demoFixture(t)
	an := f.signIn(t, "analyst@mps-vn.demo")
	rec := func(ref, extra string) string {
		return `{"external_ref":"` + ref + `","origin":"MPS-VN","received_at":"2025-10-01T08:00:00Z","scam_type":"romance"` + extra + "}\n"
	}
	jsonl := rec("J-1", `,"Scam_Type":"romance"`) +
		rec("J-2", `,"selectors":{"phone":"+855 12 345 678"}`) +
		rec("J-3", `,"selectors":["+855 12 345 678",["+855 12 345 679"]]`) +
		rec("J-4", `,"losses":"500 USD"`) +
		rec("J-5", `,"losses":[{"amount":5,"currency":"USD"},{"amount":{"value":5},"currency":"USD"}]`) +
		rec("J-6", `,"selectors":["+855 12 345 678"],"losses":[{"amount":"5","currency":"USD"}]`) +
		rec("J-7", `,"losses":[{"amount":5,"currency":"USD"},{"currency":"USD"}]`) +
		rec("J-8", `,"losses":[{"amount":5,"currency":"dollars"}]`)
	code, loc, _ := upload(t, f, an, "shapes.jsonl", jsonl)
	if code != http.StatusSeeOther {
		t.Fatalf("upload: %d", code)
	}
	if status, read, inserted, rejected := waitJob(t, f, an, loc); status != "done" || read != 8 || inserted != 1 || rejected != 7 {
		t.Fatalf("job %s: read %d, inserted %d, rejected %d", status, read, inserted, rejected)
	}
	want := map[string][]struct{ line, field, reason string }{
		"ko": {
			{"1", "scam_type", `"Scam_Type" 키가 이미 이 항목을 채웁니다.`},
			{"2", "selectors", `식별자(selectors)는 값들을 적은 문자열이거나,`},
			{"3", "selectors", `2번째 식별자는 문자열이거나,`},
			{"4", "losses", `피해액(losses)은 {"amount", "currency"} 객체이거나`},
			{"5", "losses", `2번째 피해액은 "amount"와 "currency"를 가진 객체여야 하고,`},
			{"7", "losses", `2번째 피해액에는 "amount"와 "currency"가 모두 있어야 합니다.`},
			{"8", "losses", `"DOLLARS"은(는) 통화 코드가 아닙니다.`},
		},
		"km": {
			{"1", "scam_type", `គន្លឹះ "Scam_Type" ផ្ដល់ប្រអប់នេះរួចហើយ។`},
			{"2", "selectors", `អត្តសញ្ញាណ (selectors) ត្រូវតែជាខ្សែអក្សរនៃតម្លៃ`},
			{"3", "selectors", `អត្តសញ្ញាណទី 2 ត្រូវតែជាខ្សែអក្សរ`},
			{"4", "losses", `ការខាតបង់ (losses) ត្រូវតែជាវត្ថុ`},
			{"5", "losses", `ការខាតបង់ទី 2 ត្រូវតែជាវត្ថុដែលមាន "amount" និង "currency"`},
			{"7", "losses", `ការខាតបង់ទី 2 ត្រូវការទាំង "amount" និង "currency"។`},
			{"8", "losses", `"DOLLARS" មិនមែនជាកូដរូបិយប័ណ្ណទេ។`},
		},
	}
	for lang, ws := range want {
		_, page, _ := get(t, an, f.srv.URL+loc+"?lang="+lang)
		for _, w := range ws {
			want := `<td class="n">` + w.line + `</td><td><code>` + w.field + `</code></td><td>` + esc(w.reason)
			if !strings.Contains(page, want) {
				t.Errorf("%s: the page lacks %s", lang, want)
			}
		}
		if n := strings.Count(page, `<td lang="en">`); n != 0 {
			t.Errorf("%s: %d reasons in English, want none", lang, n)
		}
	}
}
