package ui_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

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
	var st struct {
		Status   string `json:"status"`
		Finished bool   `json:"finished"`
		Percent  int    `json:"percent"`
		Counts   struct{ Read, Inserted, Duplicates, Rejected int }
	}
	deadline := time.Now().Add(30 * time.Second)
	for !st.Finished && time.Now().Before(deadline) {
		_, body, _ := get(t, an, f.srv.URL+loc+"/status.json")
		if err := json.Unmarshal([]byte(body), &st); err != nil {
			t.Fatalf("status: %v: %s", err, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
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
