package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"counterscam/internal/selector"
)

func TestSelectorParse(t *testing.T) {
	id := selector.IDOf(selector.Phone, "+85512345678").String()
	for _, c := range []struct {
		name       string
		args       []string
		code       int
		out, errIn string // errIn: a substring of stderr
	}{
		{"phone with region", []string{"selector", "parse", "--region", "KH", "012 345 678"}, 0,
			"phone\t+85512345678\t+855 12 345 678\t" + id + "\n", ""},
		{"flags after values", []string{"selector", "parse", "+855 12 345 678", "--kind", "phone"}, 0,
			"phone\t+85512345678\t+855 12 345 678\t" + id + "\n", ""},
		{"detected kinds", []string{"selector", "parse", "hxxps://Evil[.]Example.com/a", "@scam_boss"}, 0,
			"url\thttps://evil.example.com/a\thttps://evil.example.com/a\t" + selector.IDOf(selector.URL, "https://evil.example.com/a").String() + "\n" +
				"handle\ttelegram:scam_boss\t@scam_boss (Telegram)\t" + selector.IDOf(selector.Handle, "telegram:scam_boss").String() + "\n", ""},
		{"platform for a bare handle", []string{"selector", "parse", "--kind", "handle", "--platform", "kakaotalk", "lucky7707"}, 0,
			"handle\tkakaotalk:lucky7707\t", ""},
		{"an invalid value among valid ones", []string{"selector", "parse", "--region", "KH", "012 345 678", "not-a-selector", "+855 12 345 678"}, 1,
			"phone\t+85512345678\t+855 12 345 678\t" + id + "\nphone\t+85512345678\t+855 12 345 678\t" + id + "\n", `"not-a-selector"`},
		{"wrong kind for the value", []string{"selector", "parse", "--kind", "email", "012 345 678"}, 1, "", `"012 345 678" is not a valid email`},
		{"unknown kind", []string{"selector", "parse", "--kind", "fax", "1"}, 2, "", "unknown selector kind"},
		{"no value", []string{"selector", "parse"}, 2, "", "no VALUE"},
		{"no subcommand", []string{"selector"}, 2, "", "missing subcommand"},
		{"unknown subcommand", []string{"selector", "frob"}, 2, "", `unknown subcommand "frob"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(t, "", c.args...)
			if code != c.code {
				t.Errorf("exit status %d, want %d (stderr %q)", code, c.code, errs)
			}
			if !strings.HasPrefix(out, c.out) || (c.out == "" && out != "") || (strings.HasSuffix(c.out, "\n") && out != c.out) {
				t.Errorf("stdout:\n%s\nwant:\n%s", out, c.out)
			}
			if c.errIn != "" && !strings.Contains(errs, c.errIn) {
				t.Errorf("stderr %q does not say %q", errs, c.errIn)
			}
			if c.errIn == "" && errs != "" {
				t.Errorf("unexpected stderr %q", errs)
			}
		})
	}
}

func TestSelectorParseJSON(t *testing.T) {
	code, out, errs := run(t, "", "selector", "parse", "--json", "--region", "kr", "010-1234-5678", "DE89 3704 0044 0532 0130 00")
	if code != 0 || errs != "" {
		t.Fatalf("exit status %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2:\n%s", len(lines), out)
	}
	want := []map[string]string{
		{"kind": "phone", "value": "+821012345678", "display": "+82 10-1234-5678", "region": "KR", "subtype": "mobile", "id": selector.IDOf(selector.Phone, "+821012345678").String()},
		{"kind": "bank_account", "value": "DE89370400440532013000", "display": "DE89 3704 0044 0532 0130 00", "region": "DE", "subtype": "iban", "id": selector.IDOf(selector.BankAccount, "DE89370400440532013000").String()},
	}
	for i, line := range lines {
		var got map[string]string
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, line)
		}
		for k, v := range want[i] {
			if got[k] != v {
				t.Errorf("line %d: %s = %q, want %q", i+1, k, got[k], v)
			}
		}
		if len(got) != 6 {
			t.Errorf("line %d has %d fields, want 6: %s", i+1, len(got), line)
		}
	}
}

func TestSelectorExtract(t *testing.T) {
	text := "텔레그램 @job_manager88 으로 연락, 전화 010-2345-6789\nsite: hxxps://global-job-korea[.]com/apply\n"
	type match struct {
		Kind, Value, Display, Region, Subtype, ID, Raw string
		Start, End                                     int
	}
	for _, args := range [][]string{
		{"selector", "extract", "--region", "KR"},
		{"selector", "extract", "--json", "--region=KR"},
	} {
		code, out, errs := run(t, text, args...)
		if code != 0 || errs != "" {
			t.Fatalf("%v: exit status %d, stderr %q", args, code, errs)
		}
		var got []match
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			var m match
			if err := json.Unmarshal([]byte(line), &m); err != nil {
				t.Fatalf("%v: %v: %s", args, err, line)
			}
			got = append(got, m)
		}
		want := []struct{ kind, value, raw string }{
			{"handle", "telegram:job_manager88", "@job_manager88"},
			{"phone", "+821023456789", "010-2345-6789"},
			{"url", "https://global-job-korea.com/apply", "hxxps://global-job-korea[.]com/apply"},
		}
		if len(got) != len(want) {
			t.Fatalf("%v: %d matches, want %d:\n%s", args, len(got), len(want), out)
		}
		for i, w := range want {
			m := got[i]
			if m.Kind != w.kind || m.Value != w.value || m.Raw != w.raw {
				t.Errorf("%v: match %d = %s %s %q, want %s %s %q", args, i, m.Kind, m.Value, m.Raw, w.kind, w.value, w.raw)
			}
			if m.Start < 0 || m.End > len(text) || text[m.Start:m.End] != m.Raw {
				t.Errorf("%v: match %d: [%d,%d) is not %q in the input", args, i, m.Start, m.End, m.Raw)
			}
			if m.ID != selector.IDOf(selector.Kind(m.Kind), m.Value).String() || m.Display == "" {
				t.Errorf("%v: match %d: id %q display %q", args, i, m.ID, m.Display)
			}
		}
	}
}

func TestSelectorExtractTable(t *testing.T) {
	code, out, errs := run(t, "call +855 12 345 678 now", "selector", "extract", "--table")
	if code != 0 || errs != "" {
		t.Fatalf("exit status %d, stderr %q", code, errs)
	}
	if want := "5-20\tphone\t+85512345678\t+855 12 345 678\n"; out != want {
		t.Errorf("table %q, want %q", out, want)
	}
	code, out, _ = run(t, "no selectors here", "selector", "extract")
	if code != 0 || out != "" {
		t.Errorf("text without selectors: exit status %d, output %q", code, out)
	}
}

func TestSelectorExtractTooLarge(t *testing.T) {
	defer func(n int64) { maxExtractInput = n }(maxExtractInput)
	maxExtractInput = 16
	code, out, errs := run(t, strings.Repeat("x", 17), "selector", "extract")
	if code != 1 || out != "" || !strings.Contains(errs, "larger than 16 bytes") {
		t.Errorf("exit status %d, stdout %q, stderr %q", code, out, errs)
	}
	if code, _, errs := run(t, strings.Repeat("x", 16), "selector", "extract"); code != 0 {
		t.Errorf("16 bytes: exit status %d, stderr %q", code, errs)
	}
	if code, _, errs := run(t, "", "selector", "extract", "extra"); code != 2 || !strings.Contains(errs, "no arguments") {
		t.Errorf("argument: exit status %d, stderr %q", code, errs)
	}
}
