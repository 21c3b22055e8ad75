package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs the command line with stdin and returns status, stdout, stderr.
const lureAd = "customer service in Cambodia, $3,000 a month, no experience, flight and visa paid, contact on Telegram @kh_hr88"

func TestScreenJSON(t *testing.T) {
	code, out, errs := run(t, lureAd, "screen", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		Level    string `json:"level"`
		Score    int    `json:"score"`
		Language string `json:"language"`
		Reasons  []struct {
			Code    string `json:"code"`
			Message string `json:"message"`
			Start   int    `json:"start"`
			End     int    `json:"end"`
		} `json:"reasons"`
		Selectors []struct {
			Kind   string `json:"kind"`
			Value  string `json:"value"`
			Status string `json:"status"`
		} `json:"selectors"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	if err := dec.Decode(&res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if dec.More() {
		t.Error("more than one JSON value printed")
	}
	if res.Level != "high" || res.Score < 60 || res.Language != "en" || len(res.Reasons) < 5 {
		t.Errorf("verdict %+v", res)
	}
	for _, r := range res.Reasons {
		if r.Code == "" || r.Message == "" || r.Start < 0 || r.End > len(lureAd) || r.Start >= r.End {
			t.Errorf("reason %+v breaks the contract", r)
		}
	}
	if len(res.Selectors) == 0 || res.Selectors[0].Status == "" {
		t.Errorf("selectors %+v", res.Selectors)
	}
	// The same text with Korean messages.
	_, out, _ = run(t, lureAd, "screen", "--json", "--lang", "ko")
	if !strings.Contains(out, "경력") || !strings.Contains(out, `"message_language": "ko"`) {
		t.Errorf("--lang ko: %s", out)
	}
}

func TestScreenHuman(t *testing.T) {
	code, out, _ := run(t, "월 1,000만 원 벌 수 있다, 경력 무관, 캄보디아 근무", "screen")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"HIGH risk", "looks like a job lure", "language ko", "Why:", `"월 1,000만 원"`, "경력이 필요 없는"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run(t, "See you at the cinema at 7", "screen")
	if code != 0 || !strings.Contains(out, "LOW risk") || !strings.Contains(out, "No warning signs") {
		t.Errorf("ordinary message: exit %d\n%s", code, out)
	}
}

func TestScreenBadInput(t *testing.T) {
	tests := []struct {
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"", []string{"screen"}, 1, "no text on standard input"},
		{strings.Repeat("a", 2000), []string{"screen", "--max-bytes", "1000"}, 1, "larger than 1000 bytes"},
		{"a\x00b", []string{"screen"}, 1, "not text"},
		{"x", []string{"screen", "extra"}, 2, "read from standard input"},
		{"x", []string{"screen", "--lang", "Korean"}, 2, "--lang"},
		{"x", []string{"screen", "--max-bytes", "0"}, 2, "must be positive"},
		{"x", []string{"screen", "--bogus"}, 2, "bogus"},
		{"x", []string{"screen", "--rules", "/nonexistent/rules"}, 1, "rules:"},
		{"", []string{"screen", "eval"}, 2, "needs one FILE"},
		{"", []string{"screen", "eval", "/nonexistent.tsv"}, 1, "nonexistent"},
		{"", []string{"screen", "rules"}, 2, "check or export"},
		{"", []string{"screen", "rules", "frobnicate"}, 2, "unknown screen rules command"},
	}
	for _, tt := range tests {
		code, _, errs := run(t, tt.stdin, tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, errs, tt.code, tt.want)
		}
	}
	// A large text under the CLI's own limit is accepted.
	big := strings.Repeat("ordinary words here ", 10000) // 200 kB, above the API's 64 KiB
	if code, out, errs := run(t, big, "screen", "--json"); code != 0 || !strings.Contains(out, `"level": "low"`) {
		t.Errorf("200 kB text: exit %d %s", code, errs)
	}
}

func TestScreenEval(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "eval.tsv")
	data := "label\ttext\n" +
		"lure\t" + lureAd + "\n" +
		"spam\tURGENT! Your mobile number has been awarded with a £2000 prize GUARANTEED. Call 09058094455 from land line.\n" +
		"ham\tSee you at 7\n" +
		"benign\tWe are hiring an accountant, bachelor's degree, 3 years of experience, salary USD 700 per month\n"
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "screen", "eval", "--misses", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"texts: 4", "precision", "recall", "confusion", "[en] 4 texts", "lure           1"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run(t, "", "screen", "eval", "--sweep", p)
	row10 := false
	for _, l := range strings.Split(out, "\n") {
		row10 = row10 || strings.Join(strings.Fields(l), " ") == "10 1 1.000 2 0 0"
	}
	if code != 0 || !strings.Contains(out, "sweep of the elevated threshold") || !row10 {
		t.Errorf("eval --sweep: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "", "screen", "eval", "--json", p)
	var rep struct {
		All struct {
			N         int                       `json:"n"`
			Confusion map[string]map[string]int `json:"confusion"`
		} `json:"all"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || rep.All.N != 4 ||
		rep.All.Confusion["lure"]["lure"] != 1 || rep.All.Confusion["scam"]["scam"] != 1 || rep.All.Confusion["benign"]["benign"] != 2 {
		t.Errorf("eval --json: exit %d %+v\n%s", code, rep, out)
	}
	if err := os.WriteFile(p, []byte("maybe\ttext\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "", "screen", "eval", p); code != 1 || !strings.Contains(errs, "line 1") {
		t.Errorf("bad label: exit %d %q", code, errs)
	}
}

func TestScreenRules(t *testing.T) {
	code, out, errs := run(t, "", "screen", "rules", "check")
	if code != 0 || !strings.Contains(out, ": 0 failures") {
		t.Fatalf("rules check: exit %d\n%s%s", code, out, errs)
	}
	dir := t.TempDir()
	if code, out, errs := run(t, "", "screen", "rules", "export", dir); code != 0 || !strings.Contains(out, "wrote 11 files") {
		t.Fatalf("export: exit %d %s %s", code, out, errs)
	}
	if code, _, errs := run(t, "", "screen", "rules", "export", dir); code != 1 || !strings.Contains(errs, "--force") {
		t.Errorf("second export: exit %d %s", code, errs)
	}
	// An analyst edits a rule so that its example no longer fires: check fails
	// and names the file and line; screening uses the edited rules.
	p := filepath.Join(dir, "en.rules")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), "pattern = flight and visa paid\n", "", 1)
	edited = strings.Replace(edited, "example = Flight and visa paid by the company\n", "example = Flight and visa paid by the company\nexample = a free jetpack\n", 1)
	if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, "", "screen", "rules", "check", "--rules", dir)
	if code != 1 || !strings.Contains(out, "en.rules:") || !strings.Contains(out, `"a free jetpack" does not trigger it`) {
		t.Errorf("check of edited rules: exit %d\n%s", code, out)
	}
	// A broken file is reported with its line.
	if err := os.WriteFile(p, []byte("version = 1\nlang = en\n[rule x]\nweight = 7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "hello", "screen", "--rules", dir); code != 1 || !strings.Contains(errs, "en.rules:4: weight") {
		t.Errorf("broken rules: exit %d %s", code, errs)
	}
}
