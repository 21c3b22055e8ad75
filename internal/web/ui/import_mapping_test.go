package ui_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"counterscam/internal/store"
)

// uploadMapped sends a data file and, when mapName is not empty, a mapping
// file to /import?lang=LANG, with the format chosen.
func uploadMapped(t *testing.T, f *fixture, c *http.Client, lang, format, name, content, mapName, mapping string) (int, string, string) {
	t.Helper()
	_, page, _ := get(t, c, f.srv.URL+"/import")
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("csrf", csrf(t, page))
	mw.WriteField("format", format)
	fw, _ := mw.CreateFormFile("file", name)
	io.WriteString(fw, content)
	if mapName != "" {
		mf, _ := mw.CreateFormFile("mapping", mapName)
		io.WriteString(mf, mapping)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", f.srv.URL+"/import?lang="+lang, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(body)
}

// jobStatus is an import job's status.json.
type jobStatus struct {
	Status   string `json:"status"`
	Finished bool   `json:"finished"`
	Percent  int    `json:"percent"`
	Counts   struct{ Read, Inserted, Duplicates, Rejected int }
}

// waitJobStatus polls a job's status until it ends and returns it.
func waitJobStatus(t *testing.T, f *fixture, c *http.Client, loc string) jobStatus {
	t.Helper()
	var st jobStatus
	deadline := time.Now().Add(30 * time.Second)
	for !st.Finished && time.Now().Before(deadline) {
		_, body, _ := get(t, c, f.srv.URL+loc+"/status.json")
		if err := json.Unmarshal([]byte(body), &st); err != nil {
			t.Fatalf("status: %v: %s", err, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return st
}

// waitJob is waitJobStatus's status and counts.
func waitJob(t *testing.T, f *fixture, c *http.Client, loc string) (status string, read, inserted, rejected int) {
	t.Helper()
	st := waitJobStatus(t, f, c, loc)
	return st.Status, st.Counts.Read, st.Counts.Inserted, st.Counts.Rejected
}

// A partner's own layout: other column names, ";" between fields, local
// times, translated scam types, thousands separators and a phone column.
const (
	mappedCSV = "Số hồ sơ;Ngày nhận;Loại;Nội dung;Số tiền;Điện thoại;Cán bộ\n" +
		"HS-0001;03/10/2025 14:30;Việc làm;Offered a job in Bavet, kept in a compound;12,500,000;+84 912 345 678;Nguyen\n" +
		"HS-0002;04/10/2025 09:05;Tình cảm;Met online, asked for money;3,000,000;;Tran\n"
	mappedJSON = `{
  "columns": {
    "Số hồ sơ": "external_ref", "Ngày nhận": "received_at", "Loại": "scam_type",
    "Nội dung": "narrative", "Số tiền": "loss_amount",
    "Điện thoại": {"field": "selectors", "kind": "phone", "role": "contacted_by"},
    "Cán bộ": "-"
  },
  "defaults": {"origin": "MPS-VN", "victim_country": "VN", "loss_currency": "VND", "tlp": "AMBER"},
  "values": {"scam_type": {"Việc làm": "job_lure", "Tình cảm": "romance"}},
  "time_format": "02/01/2006 15:04", "time_zone": "+07:00",
  "delimiter": ";", "thousands_separator": ","
}`
)

// TestImportWithMapping: a CSV in a partner's own layout, uploaded with its
// mapping file, is read through the mapping exactly as `counterscam import
// --mapping` reads it: the reports are stored with the mapped fields.
func TestImportWithMapping(t *testing.T) {
	f := demoFixture(t)
	an := f.signIn(t, "analyst@mps-vn.demo")
	code, loc, body := uploadMapped(t, f, an, "en", "csv", "hoso.csv", mappedCSV, "hoso-mapping.json", mappedJSON)
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/import/") {
		t.Fatalf("upload: %d to %q: %s", code, loc, body)
	}
	if status, read, inserted, rejected := waitJob(t, f, an, loc); status != "done" || read != 2 || inserted != 2 || rejected != 0 {
		t.Fatalf("job ended %s: read %d, inserted %d, rejected %d", status, read, inserted, rejected)
	}
	_, page, _ := get(t, an, f.srv.URL+loc)
	if want := `<dd id="job-mapping"><bdi>hoso-mapping.json</bdi></dd>`; !strings.Contains(page, want) {
		t.Errorf("the job page does not name its mapping: lacks %q", want)
	}
	ctx := context.Background()
	r, err := f.st.GetReportByRef(ctx, "MPS-VN", "HS-0001")
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2025, 10, 3, 7, 30, 0, 0, time.UTC); !r.ReceivedAt.Equal(want) {
		t.Errorf("received_at %s, want %s (14:30 at +07:00)", r.ReceivedAt, want)
	}
	if r.ScamType != "job_lure" || r.VictimCountry != "VN" || r.TLP != store.TLPAmber {
		t.Errorf("stored %q %q %q, want job_lure VN AMBER", r.ScamType, r.VictimCountry, r.TLP)
	}
	if r.Narrative != "Offered a job in Bavet, kept in a compound" {
		t.Errorf("narrative %q", r.Narrative)
	}
	if len(r.Losses) != 1 || r.Losses[0].Currency != "VND" || r.Losses[0].AmountMinor != 12500000 {
		t.Errorf("losses %+v, want 12500000 VND", r.Losses)
	}
	if len(r.Selectors) != 1 || r.Selectors[0].Kind != "phone" || r.Selectors[0].Role != "contacted_by" || r.Selectors[0].Value != "+84912345678" {
		t.Errorf("selectors %+v, want the phone +84912345678 as contacted_by", r.Selectors)
	}
	r2, err := f.st.GetReportByRef(ctx, "MPS-VN", "HS-0002")
	if err != nil {
		t.Fatal(err)
	}
	if r2.ScamType != "romance" || len(r2.Selectors) != 0 || len(r2.Losses) != 1 || r2.Losses[0].AmountMinor != 3000000 {
		t.Errorf("second report %q %+v %+v", r2.ScamType, r2.Losses, r2.Selectors)
	}

	// Without the mapping the same file is not in the import layout.
	code, loc, _ = uploadMapped(t, f, an, "en", "csv", "hoso2.csv", strings.ReplaceAll(mappedCSV, "HS-", "HX-"), "", "")
	if code != http.StatusSeeOther {
		t.Fatalf("upload without mapping: %d", code)
	}
	if status, _, inserted, _ := waitJob(t, f, an, loc); status != "failed" || inserted != 0 {
		t.Errorf("without its mapping the file ended %s with %d stored", status, inserted)
	}
}

// TestImportBadMapping: a mapping file that cannot be used is named by the
// mapping field with what is wrong, the line and what would do instead,
// all in the page's language; the format
// chosen is kept, no job starts and nothing is stored.
func TestImportBadMapping(t *testing.T) {
	f := demoFixture(t)
	an := f.signIn(t, "analyst@mps-vn.demo")
	// The package's server is shared: these rows have references of their own.
	data := strings.ReplaceAll(mappedCSV, "HS-", "HB-")
	broken := strings.Replace(mappedJSON, `"Cán bộ": "-"`, `"Cán bộ": "officer"`, 1)
	cases := []struct {
		lang, mapName, mapping string
		want                   []string
	}{
		{"en", "hoso-mapping.json", broken, []string{"The mapping file hoso-mapping.json, line 6: column &#34;Cán bộ&#34; goes to &#34;officer&#34;, which is not a field. Use one of: external_ref, origin,"}},
		{"ko", "hoso-mapping.json", broken, []string{"매핑 파일 hoso-mapping.json, 6번째 줄: 열 &#34;Cán bộ&#34;이(가) 가리키는 &#34;officer&#34;은(는) 항목이 아닙니다. 다음 중 하나를 쓰세요: external_ref, origin,"}},
		{"km", "hoso-mapping.json", broken, []string{"ឯកសារផ្គូផ្គង hoso-mapping.json បន្ទាត់ទី 6៖ ជួរឈរ &#34;Cán bộ&#34; ទៅកាន់ &#34;officer&#34; ដែលមិនមែនជាប្រអប់ទេ។"}},
		{"ko", "tz.json", strings.Replace(mappedJSON, `"+07:00"`, `"Asia/Hanoi City"`, 1), []string{"매핑 파일 tz.json, 10번째 줄: time_zone &#34;Asia/Hanoi City&#34;은(는) 시간대가 아닙니다.", "예: Asia/Seoul"}},
		{"ko", "comma.json", strings.Replace(mappedJSON, `"Loại": "scam_type",`, `"Loại": "scam_type",,`, 1), []string{"매핑 파일 comma.json의 3번째 줄이 올바른 JSON이 아닙니다."}},
		{"km", "defaults.json", strings.Replace(mappedJSON, `"tlp": "AMBER"`, `"tlp": "ORANGE"`, 1), []string{"ឯកសារផ្គូផ្គង defaults.json បន្ទាត់ទី 8៖ defaults៖ &#34;ORANGE&#34; មិនមែនជាតម្លៃត្រឹមត្រូវសម្រាប់ &#34;tlp&#34; ទេ។", "CLEAR, GREEN, AMBER, AMBER&#43;STRICT, RED"}},
		{"en", "trailing.json", mappedJSON[:len(mappedJSON)-2], []string{"The mapping file trailing.json ends at line 11 before its JSON is complete"}},
		{"en", "empty.json", "", []string{"The mapping file empty.json is empty."}},
		{"en", "big.json", `{"columns": {` + strings.Repeat(" ", 64<<10) + `}}`, []string{"The mapping file big.json is larger than 64 KiB."}},
	}
	for _, tc := range cases {
		code, loc, body := uploadMapped(t, f, an, tc.lang, "csv", "hoso.csv", data, tc.mapName, tc.mapping)
		if code != http.StatusUnprocessableEntity || loc != "" {
			t.Fatalf("%s %s: %d to %q, want 422 and no job", tc.lang, tc.mapName, code, loc)
		}
		for _, want := range tc.want {
			if !strings.Contains(body, want) {
				t.Errorf("%s %s: the page lacks %q", tc.lang, tc.mapName, want)
			}
		}
		// The reason is the page's own, not the import command's English.
		for _, en := range []string{"unknown field", "is not a TLP label", "use an IANA zone", "invalid character"} {
			if strings.Contains(body, en) {
				t.Errorf("%s %s: the page says %q", tc.lang, tc.mapName, en)
			}
		}
		if !strings.Contains(body, `<div class="field invalid">
    <label for="mapping">`) || !strings.Contains(body, `id="mapping" name="mapping" accept=".json,application/json" aria-describedby="mapping-hint" aria-invalid="true"`) {
			t.Errorf("%s %s: the mapping field is not marked invalid", tc.lang, tc.mapName)
		}
		if strings.Contains(body, `id="file" name="file" accept=".csv,.tsv,.jsonl,.ndjson,.json,text/csv,application/json" required aria-describedby="file-hint" aria-invalid`) {
			t.Errorf("%s %s: the data file is marked invalid", tc.lang, tc.mapName)
		}
		if !strings.Contains(body, `<option value="csv" selected>`) {
			t.Errorf("%s %s: the format chosen is lost", tc.lang, tc.mapName)
		}
	}
	for _, ref := range []string{"HB-0001", "HB-0002"} {
		if _, err := f.st.GetReportByRef(context.Background(), "MPS-VN", ref); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s: %v, want it not stored", ref, err)
		}
	}
	// The same data file with its mapping put right is then imported.
	code, loc, _ := uploadMapped(t, f, an, "en", "csv", "hoso.csv", data, "hoso-mapping.json", mappedJSON)
	if code != http.StatusSeeOther {
		t.Fatalf("corrected upload: %d", code)
	}
	if status, _, inserted, _ := waitJob(t, f, an, loc); status != "done" || inserted != 2 {
		t.Errorf("corrected upload ended %s with %d stored", status, inserted)
	}
}
