package ui

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"counterscam/internal/store"
)

func TestParseMinor(t *testing.T) {
	for _, tc := range []struct {
		in   string
		exp  int
		want int64
		ok   bool
	}{
		{"1500000", 0, 1500000, true},
		{"1,500,000", 0, 1500000, true},
		{"1 500 000", 0, 1500000, true},
		{"1,500.50", 2, 150050, true},
		{"1500.5", 2, 150050, true},
		{".5", 2, 50, true},
		{"0", 2, 0, true},
		{"12.123456", 6, 12123456, true},
		{"1500.505", 2, 0, false},
		{"1500.", 0, 1500, true},
		{"-5", 2, 0, false},
		{"12abc", 2, 0, false},
		{"1e5", 2, 0, false},
		{"", 2, 0, true},
		{"92233720368547758.08", 2, 0, false},
		{"92233720368547758.07", 2, 9223372036854775807, true},
		{"١٢٣", 0, 0, false},
	} {
		got, ok := parseMinor(tc.in, tc.exp)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("parseMinor(%q, %d) = %d, %v; want %d, %v", tc.in, tc.exp, got, ok, tc.want, tc.ok)
		}
	}
}

func TestFormatMoney(t *testing.T) {
	for _, tc := range []struct {
		minor int64
		cur   string
		want  string
	}{
		{3000000, "KRW", "3,000,000 KRW"},
		{150050, "USD", "1,500.50 USD"},
		{5, "USD", "0.05 USD"},
		{1234567, "USDT", "1.234567 USDT"},
		{1000000, "USDT", "1.00 USDT"},
		{999, "XYZ", "999 XYZ"},
		{-150000, "USD", "-1,500.00 USD"},
	} {
		if got := formatMoney(tc.minor, tc.cur); got != tc.want {
			t.Errorf("formatMoney(%d, %s) = %q, want %q", tc.minor, tc.cur, got, tc.want)
		}
	}
}

func TestReportFormInput(t *testing.T) {
	today := time.Date(2025, 11, 1, 12, 0, 0, 0, time.UTC)
	good := url.Values{"scam_type": {"job_lure"}, "narrative": {"They promised a job in Bavet."}, "country": {"KH"},
		"identifiers": {" 012 345 678 \n\n@golden_job_kh\n"}, "when": {"2025-10-30"}, "amount": {"250"}, "currency": {"USD"}}
	f := readReportForm(good)
	in := f.input(today)
	if len(f.Errors) > 0 {
		t.Fatalf("a sound form has errors: %v", f.Errors)
	}
	if len(in.Selectors) != 2 || in.Selectors[0].Kind != "phone" || in.Selectors[1].Kind != "handle" {
		t.Errorf("selectors %+v", in.Selectors)
	}
	if len(in.Losses) != 1 || in.Losses[0] != (store.Loss{AmountMinor: 25000, Currency: "USD"}) || in.Contact != nil {
		t.Errorf("losses %+v, contact %+v", in.Losses, in.Contact)
	}
	for name, tc := range map[string]struct {
		change url.Values
		field  string
	}{
		"no type":          {url.Values{"scam_type": {""}}, "scam_type"},
		"unknown type":     {url.Values{"scam_type": {"lottery"}}, "scam_type"},
		"short story":      {url.Values{"narrative": {"   help   "}}, "narrative"},
		"bad identifier":   {url.Values{"identifiers": {"+855 12 345 678\n???"}}, "identifiers"},
		"future date":      {url.Values{"when": {"2025-12-24"}}, "when"},
		"bad date":         {url.Values{"when": {"30/10/2025"}}, "when"},
		"bad amount":       {url.Values{"amount": {"lots"}}, "amount"},
		"bad currency":     {url.Values{"currency": {"GBP"}}, "amount"},
		"contact, no yes":  {url.Values{"email": {"a@example.com"}}, "consent"},
		"yes, no contact":  {url.Values{"consent": {"yes"}, "name": {"Sok"}}, "email"},
		"bad e-mail":       {url.Values{"consent": {"yes"}, "email": {"not-an-address"}}, "email"},
		"bad phone":        {url.Values{"consent": {"yes"}, "phone": {"12"}}, "phone"},
		"too many numbers": {url.Values{"identifiers": {strings.Repeat("+855 12 345 678\n", maxIdentifiers+1)}}, "identifiers"},
	} {
		v := url.Values{}
		for k, x := range good {
			v[k] = x
		}
		for k, x := range tc.change {
			v[k] = x
		}
		f := readReportForm(v)
		f.input(today)
		if len(f.Errors[tc.field]) == 0 {
			t.Errorf("%s: no error on %s (errors: %v)", name, tc.field, f.Errors)
		}
		for k := range f.Errors {
			if k != tc.field {
				t.Errorf("%s: an error on %s too", name, k)
			}
		}
	}
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"/networks?x=1": "/networks?x=1", "": "/dashboard", "//evil.example": "/dashboard",
		"/\\evil.example": "/dashboard", "https://evil.example/": "/dashboard", "/a\r\nSet-Cookie: x": "/dashboard",
		// A browser drops every tab and newline of a Location before it
		// reads it: these are //evil.example and /\evil.example to it.
		"/\t/evil.example/": "/dashboard", "/\n/evil.example/": "/dashboard", "/\t\\evil.example/": "/dashboard",
		"/\x00/evil.example": "/dashboard", "/persons?q=a\tb": "/dashboard",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRateLimiter(t *testing.T) {
	l := newRateLimiter(1, 3)
	t0 := time.Unix(1000, 0)
	for i := 0; i < 3; i++ {
		if ok, _ := l.allow("a", t0); !ok {
			t.Fatalf("request %d refused within the burst", i+1)
		}
	}
	ok, wait := l.allow("a", t0)
	if ok || wait != time.Second {
		t.Errorf("past the burst: %v, wait %v; want refused, 1s", ok, wait)
	}
	if ok, _ := l.allow("b", t0); !ok {
		t.Error("another address was refused")
	}
	if ok, _ := l.allow("a", t0.Add(time.Second)); !ok {
		t.Error("refused after a token came back")
	}
}

func TestAcceptLanguage(t *testing.T) {
	for h, want := range map[string]string{
		"ko": "ko", "ko-KR,en;q=0.5": "ko", "km-KH": "km", "en-GB": "en", "th,vi;q=0.8": "en",
		"": "en", "*": "en", "de;q=0.9,km;q=0.8": "km", ";;;,,": "en",
	} {
		if got := acceptLanguage(h); got != want {
			t.Errorf("acceptLanguage(%q) = %s, want %s", h, got, want)
		}
	}
}

func TestTimeline(t *testing.T) {
	at := func(s string) *store.Report {
		tm, _ := time.Parse("2006-01-02", s)
		return &store.Report{ReceivedAt: tm}
	}
	tl := buildTimeline([]*store.Report{at("2025-11-20"), at("2026-02-01"), at("2025-11-02"), at("2026-02-28")})
	var got []string
	for _, b := range tl.Bars {
		got = append(got, b.Month+"="+strconv.Itoa(b.N)+b.Year)
	}
	if strings.Join(got, " ") != "2025-11=22025 2025-12=0 2026-01=02026 2026-02=2" {
		t.Errorf("bars %v", got)
	}
	if tl.Max != 2 || tl.Bars[0].H != timelinePlot || tl.Bars[1].H != 0 || !tl.Fit {
		t.Errorf("heights %d, %d of max %d", tl.Bars[0].H, tl.Bars[1].H, tl.Max)
	}
	if buildTimeline(nil) != nil {
		t.Error("a timeline of nothing")
	}
}

// FuzzReportForm: any form, however malformed, gives either errors or a
// report input whose amounts and identifiers are sound; never a panic.
func FuzzReportForm(f *testing.F) {
	f.Add("job_lure", "They promised a job", "+855 12 345 678\n@x_y", "KH", "2025-01-02", "1,500.50", "USD", "a@b.co", "012 345 678", true)
	f.Add("", "", "\x00\xff", "ZZ", "9999-99-99", "..", "KRW", "@", "+", false)
	f.Fuzz(func(t *testing.T, typ, story, ids, country, when, amount, cur, email, phone string, consent bool) {
		v := url.Values{"scam_type": {typ}, "narrative": {story}, "identifiers": {ids}, "country": {country},
			"when": {when}, "amount": {amount}, "currency": {cur}, "email": {email}, "phone": {phone}}
		if consent {
			v.Set("consent", "yes")
		}
		fm := readReportForm(v)
		in := fm.input(time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
		if len(fm.Errors) > 0 {
			return
		}
		for _, l := range in.Losses {
			if l.AmountMinor <= 0 {
				t.Errorf("loss %+v", l)
			}
		}
		if len(in.Selectors) > maxIdentifiers || strings.TrimSpace(in.Narrative) == "" {
			t.Errorf("accepted %d identifiers, narrative %q", len(in.Selectors), in.Narrative)
		}
	})
}

// FuzzParseMinor: an accepted amount formats back to the same value.
func FuzzParseMinor(f *testing.F) {
	for _, s := range []string{"1,500.50", "0.05", "92233720368547758.07", "1 000", ".", "00012.3"} {
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, s string, exp int) {
		exps := []int{0, 2, 3, 4, 6, 8, 9}
		exp = exps[((exp%len(exps))+len(exps))%len(exps)]
		v, ok := parseMinor(s, exp)
		if !ok {
			return
		}
		if v < 0 {
			t.Fatalf("parseMinor(%q, %d) = %d", s, exp, v)
		}
		back := strings.ReplaceAll(strings.TrimSuffix(formatMoneyExp(v, exp), " X"), ",", "")
		if again, ok := parseMinor(back, exp); !ok || again != v {
			t.Fatalf("%q read as %d, written %q, read back as %d (%v)", s, v, back, again, ok)
		}
	})
}

// formatMoneyExp formats with a given exponent, through a currency that has it.
func formatMoneyExp(minor int64, exp int) string {
	cur := map[int]string{0: "KRW", 2: "USD", 3: "KWD", 4: "CLF", 6: "USDT", 8: "BTC", 9: "ETH"}[exp]
	return strings.TrimSuffix(formatMoney(minor, cur), " "+cur) + " X"
}
