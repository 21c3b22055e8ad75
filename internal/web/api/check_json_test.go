package api

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"counterscam/internal/intel"
	"counterscam/internal/selector"
)

// selectorJSON and checkResponse are the documented shape of a check
// answer, as encoding/json writes it: appendCheck must write exactly this.
type selectorJSON struct {
	Kind    string `json:"kind"`
	Value   string `json:"value"`
	Display string `json:"display"`
	ID      string `json:"id"`
}

type checkResponse struct {
	*intel.CheckResult
	Accounts []accountJSON `json:"accounts,omitempty"`
	Selector *selectorJSON `json:"selector"`
}

// accountJSON is a listed account of a number checked without its bank.
type accountJSON struct {
	Bank     string        `json:"bank"`
	Reports  int           `json:"reports"`
	Sources  int           `json:"sources"`
	Selector *selectorJSON `json:"selector"`
}

func checkJSON(r *intel.CheckResult) checkResponse {
	out := checkResponse{CheckResult: r}
	if r.Selector != nil {
		out.Selector = &selectorJSON{Kind: string(r.Selector.Kind), Value: r.Selector.Value, Display: r.Selector.Display, ID: r.SelectorID()}
	}
	for _, a := range r.Accounts {
		out.Accounts = append(out.Accounts, accountJSON{Bank: a.Bank, Reports: a.Reports, Sources: a.Sources,
			Selector: &selectorJSON{Kind: string(a.Selector.Kind), Value: a.Selector.Value, Display: a.Selector.Display, ID: a.ID}})
	}
	return out
}

// reference encodes v as writeJSON does.
func reference(t testing.TB, v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkResults are answers of every status, through the service, for
// values that need every kind of escaping.
func checkResults(t testing.TB, queries ...string) []*intel.CheckResult {
	srv, _ := benchServerTB(t, 200)
	var out []*intel.CheckResult
	for _, q := range queries {
		for _, region := range []string{"", "KR"} {
			r, err := srv.svc.Check(t.Context(), q, region)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, r)
		}
	}
	return out
}

func TestCheckJSONAsEncodingJSON(t *testing.T) {
	queries := []string{
		benchPhone(1), "0" + benchPhone(2)[4:], benchPhone(999_999), "t.me", "not <b>an</b> identifier & \"quoted\"",
		"\x00\x1f\u2028\u2029 bad \xff utf-8", "한국어 텍스트 010-1234-5678", "@scam_handle", "https://example.com/a?b=<c>&d",
	}
	rs := checkResults(t, queries...)
	// And answers the service does not give but the encoder must write
	// alike: times with and without nanoseconds, many scam types.
	at := time.Date(2025, 3, 4, 5, 6, 7, 890, time.UTC)
	sel, _ := selector.Parse("+82 10-1234-5678", selector.Options{})
	acct, _ := selector.Parse("신한 316159-26-535851", selector.Options{})
	rs = append(rs,
		&intel.CheckResult{Query: "x", Status: intel.StatusListed, Reports: 3, Sources: 2, FirstSeen: at, LastSeen: at.Add(time.Hour),
			ScamTypes: []string{"a<b", "romance"}, NetworkSize: 7, ListedAs: "https://www.ex<am>ple.com/", Advice: "A & B", Selector: &sel},
		&intel.CheckResult{Query: "y", Status: intel.StatusListed, FirstSeen: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)},
		&intel.CheckResult{Query: "316159-26-535851", Status: intel.StatusListed, Code: selector.CodeBankNeedsBank, Reports: 3, Sources: 3, Selector: &acct,
			Accounts: []intel.AccountMatch{{Selector: acct, ID: "id<1>", Bank: "Shinhan Bank (신한은행)", Reports: 3, Sources: 3}, {Selector: acct, ID: "id2", Reports: 2, Sources: 1}}},
		&intel.CheckResult{})
	statuses := map[string]bool{}
	for _, r := range rs {
		statuses[r.Status] = true
		got := appendCheck(nil, r)
		got = append(got, '\n')
		if want := reference(t, checkJSON(r)); !bytes.Equal(got, want) {
			t.Errorf("check %q:\n got  %s\n want %s", r.Query, got, want)
		}
	}
	for _, s := range []string{intel.StatusListed, intel.StatusNotListed, intel.StatusAllowlisted, intel.StatusInvalid} {
		if !statuses[s] {
			t.Errorf("no answer %s among the cases", s)
		}
	}

	w := httptest.NewRecorder()
	writeChecks(w, rs, true)
	out := make([]checkResponse, len(rs))
	for i, r := range rs {
		out[i] = checkJSON(r)
	}
	if want := reference(t, map[string]any{"results": out}); !bytes.Equal(w.Body.Bytes(), want) {
		t.Errorf("bulk answer:\n got  %s\n want %s", w.Body.Bytes(), want)
	}
	if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" || w.Code != 200 {
		t.Errorf("bulk answer: %d %q", w.Code, ct)
	}
}

// FuzzCheckJSON: whatever the query (the public types it), the answer
// reads as encoding/json writes it.
func FuzzCheckJSON(f *testing.F) {
	for _, s := range []string{"", "+82 10-1234-5678", "<script>", "\u2028", "\xff\xfe", "a\"b\\c", "\t\n\r\b\f"} {
		f.Add(s, "reason "+s)
	}
	at := time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)
	f.Fuzz(func(t *testing.T, query, reason string) {
		sel := selector.Selector{Kind: selector.Phone, Value: query, Display: reason}
		for _, r := range []*intel.CheckResult{
			{Query: query, Status: intel.StatusInvalid, Reason: reason, Advice: reason},
			{Query: query, Status: intel.StatusListed, Reports: 1, Sources: 1, FirstSeen: at, LastSeen: at, ScamTypes: []string{reason}, Selector: &sel},
			{Query: query, Status: intel.StatusListed, Reports: 1, Sources: 1, Selector: &sel, Accounts: []intel.AccountMatch{{Selector: sel, ID: query, Bank: reason, Reports: 1, Sources: 1}}},
		} {
			got := append(appendCheck(nil, r), '\n')
			if want := reference(t, checkJSON(r)); !bytes.Equal(got, want) {
				t.Fatalf("got  %q\nwant %q", got, want)
			}
		}
	})
}

// TestCheckAnswerHeaders: over HTTP, a single check's answer and a bulk
// answer (which is larger than net/http's buffer) both carry their type,
// nosniff and their exact length, not chunks.
func TestCheckAnswerHeaders(t *testing.T) {
	srv := newTestServer(t, Options{CheckRate: 1e9})
	qs := make([]string, 200)
	for i := range qs {
		qs[i] = `"+855 96 100 ` + strconv.Itoa(1000+i) + `"`
	}
	for _, x := range []struct {
		token, path, body string
	}{
		{"", "/api/v1/check", `{"query":"+855 96 765 4321"}`},
		{srv.tokens["s@bank.test"], "/api/v1/check/batch", `{"queries":[` + strings.Join(qs, ",") + `]}`},
	} {
		req, err := http.NewRequest("POST", srv.URL+x.path, strings.NewReader(x.body))
		if err != nil {
			t.Fatal(err)
		}
		if x.token != "" {
			req.Header.Set("Authorization", "Bearer "+x.token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json; charset=utf-8" ||
			resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.ContentLength != int64(len(b)) ||
			len(resp.TransferEncoding) != 0 {
			t.Errorf("%s: %d, %v, length %d (%d bytes read), transfer %v", x.path, resp.StatusCode, resp.Header, resp.ContentLength, len(b), resp.TransferEncoding)
		}
		if x.path == "/api/v1/check/batch" && len(b) < 4096 {
			t.Errorf("the bulk answer is %d bytes: too small to test chunking", len(b))
		}
	}
}

// TestOpenAPICheckResult keeps the documented check answer in step with
// the answer written: the same fields.
func TestOpenAPICheckResult(t *testing.T) {
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openapiDoc, &doc); err != nil {
		t.Fatal(err)
	}
	var documented []string
	for k := range doc.Components.Schemas["CheckResult"].Properties {
		documented = append(documented, k)
	}
	var written []string
	rt := reflect.TypeFor[checkResponse]()
	for f := range rt.Fields() {
		if f.Anonymous {
			for g := range f.Type.Elem().Fields() {
				if name, _, _ := strings.Cut(g.Tag.Get("json"), ","); name != "-" && g.IsExported() {
					written = append(written, name)
				}
			}
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		written = append(written, name)
	}
	slices.Sort(documented)
	slices.Sort(written)
	written = slices.Compact(written)
	if !slices.Equal(documented, written) {
		t.Errorf("CheckResult documented %v, written %v", documented, written)
	}
	if _, ok := doc.Components.Schemas["Error"].Properties["code"]; !ok {
		t.Error("the Error schema lacks code")
	}
}
