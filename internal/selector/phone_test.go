package selector

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

func TestParsePhone(t *testing.T) {
	kh := Selector{Kind: Phone, Value: "+85512345678", Display: "+855 12 345 678", Region: "KH", Subtype: "mobile"}
	kr := Selector{Kind: Phone, Value: "+821012345678", Display: "+82 10-1234-5678", Region: "KR", Subtype: "mobile"}
	th := Selector{Kind: Phone, Value: "+66812345678", Display: "+66 81 234 5678", Region: "TH", Subtype: "mobile"}
	tests := []struct {
		in, region string
		want       Selector
	}{
		// Cambodia: every way people write one number.
		{"+855 12 345 678", "", kh},
		{"+855-12-345-678", "KR", kh},
		{"+855 (0)12 345 678", "", kh},
		{"+855 012 345 678", "", kh},
		{"00855 12 345 678", "", kh},
		{"00855 12 345 678", "TH", kh}, // 008 is a Thai IDD, but 55 12... is no valid number
		{"001 855 12 345 678", "KR", kh},
		{"855 12 345 678", "", kh},
		{"85512345678", "KR", kh},
		{"012 345 678", "KH", kh},
		{"012-345-678", "kh", kh},
		{"12 345 678", "KH", kh},
		{"(012) 345.678", "KH", kh},
		{"tel:+85512345678", "", kh},
		{"០១២ ៣៤៥ ៦៧៨", "KH", kh},
		{"+៨៥៥ ១២ ៣៤៥ ៦៧៨", "", kh},
		{"\u00a0+855\u200912\u2009345\u2009678", "", kh},
		// Korea.
		{"010-1234-5678", "KR", kr},
		{"010 1234 5678", "KR", kr},
		{"01012345678", "KR", kr},
		{"+82 10-1234-5678", "", kr},
		{"+82 010 1234 5678", "", kr},
		{"０１０－１２３４－５６７８", "KR", kr},
		{"＋８２ １０ １２３４ ５６７８", "", kr},
		{"82-10-1234-5678", "", kr},
		{"02-312-3456", "KR", Selector{Kind: Phone, Value: "+8223123456", Display: "+82 2-312-3456", Region: "KR", Subtype: "fixed_line"}},
		// Thailand, Vietnam, China, the Philippines, Laos, Myanmar,
		// Indonesia, Malaysia.
		{"081 234 5678", "TH", th},
		{"๐๘๑ ๒๓๔ ๕๖๗๘", "TH", th},
		{"+66 2 123 4567", "", Selector{Kind: Phone, Value: "+6621234567", Display: "+66 2 123 4567", Region: "TH", Subtype: "fixed_line"}},
		{"0912 345 678", "VN", Selector{Kind: Phone, Value: "+84912345678", Display: "+84 912 345 678", Region: "VN", Subtype: "mobile"}},
		{"138 0013 8000", "CN", Selector{Kind: Phone, Value: "+8613800138000", Display: "+86 138 0013 8000", Region: "CN", Subtype: "mobile"}},
		{"+86 10 6552 9988", "", Selector{Kind: Phone, Value: "+861065529988", Display: "+86 10 6552 9988", Region: "CN", Subtype: "fixed_line"}},
		{"0917 123 4567", "PH", Selector{Kind: Phone, Value: "+639171234567", Display: "+63 917 123 4567", Region: "PH", Subtype: "mobile"}},
		{"020 5555 5555", "LA", Selector{Kind: Phone, Value: "+8562055555555", Display: "+856 20 55 555 555", Region: "LA", Subtype: "mobile"}},
		{"09 7812 34567", "MM", Selector{Kind: Phone, Value: "+959781234567", Display: "+95 9 781 234567", Region: "MM", Subtype: "mobile"}},
		{"၀၉ ၇၈၁၂ ၃၄၅၆၇", "MM", Selector{Kind: Phone, Value: "+959781234567", Display: "+95 9 781 234567", Region: "MM", Subtype: "mobile"}},
		{"0812-3456-789", "ID", Selector{Kind: Phone, Value: "+628123456789", Display: "+62 812-3456-789", Region: "ID", Subtype: "mobile"}},
		{"012-345 6789", "MY", Selector{Kind: Phone, Value: "+60123456789", Display: "+60 12-345 6789", Region: "MY", Subtype: "mobile"}},
		// Types and non-geographic numbers.
		{"+1 800 555 0199", "", Selector{Kind: Phone, Value: "+18005550199", Display: "+1 800-555-0199", Region: "US", Subtype: "toll_free"}},
		{"+1 416 555 0123", "", Selector{Kind: Phone, Value: "+14165550123", Display: "+1 416-555-0123", Region: "CA", Subtype: "fixed_line_or_mobile"}},
		{"+800 1234 5678", "", Selector{Kind: Phone, Value: "+80012345678", Display: "+800 1234 5678", Region: "", Subtype: "toll_free"}},
		{"+882 16 0000 0000", "", Selector{Kind: Phone, Value: "+8821600000000", Display: "+882 16 0000 0000", Region: "", Subtype: "voip"}},
		{"+39 06 6988 4010", "", Selector{Kind: Phone, Value: "+390669884010", Display: "+39 06 6988 4010", Region: "VA", Subtype: "fixed_line"}}, // leading zero kept; Vatican range
		{"+39 02 1234 5678", "", Selector{Kind: Phone, Value: "+390212345678", Display: "+39 02 1234 5678", Region: "IT", Subtype: "fixed_line"}},
	}
	for _, tc := range tests {
		got, err := ParseAs(Phone, tc.in, Options{Region: tc.region})
		if err != nil {
			t.Errorf("ParseAs(phone, %q, %q): %v", tc.in, tc.region, err)
			continue
		}
		if got != tc.want {
			t.Errorf("ParseAs(phone, %q, %q)\n got %+v\nwant %+v", tc.in, tc.region, got, tc.want)
		}
	}
}

func TestParsePhoneRejects(t *testing.T) {
	tests := []struct{ in, region, reason string }{
		{"010-1234-5678", "", "no region given"},
		{"012 345 678", "", "no region given"},
		{"+855 12 345", "", "not a valid number"},
		{"+855 99 999 999 999", "", "not a valid number"},
		{"+999 1234 5678", "", "not a valid number"},
		{"+0 123 456 789", "", "not a valid number"},
		{"123", "KH", "not a valid number for KH"},
		{"12", "KH", "too few digits"},
		{"1-800-FLOWERS", "US", "only digits"},
		{"+855 12 345 678 ext 9", "", "only digits"},
		{"855+12345678", "", "misplaced +"},
		{"++85512345678", "", "misplaced +"},
		{"+855 1234567890123456", "", "too many digits"},
		{"\xff\xfe012345678", "KH", "only digits"},
		{strings.Repeat("1", 65), "KH", "too long"},
		{strings.Repeat("1", 10<<20), "KH", "too long"},
		{"abc", "KH", "only digits"},
	}
	for _, tc := range tests {
		s, err := ParseAs(Phone, tc.in, Options{Region: tc.region})
		var pe *Error
		if !errors.As(err, &pe) || !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseAs(phone, %.20q) = %+v, %v; want an *Error", tc.in, s, err)
			continue
		}
		if pe.Kind != Phone || !strings.Contains(pe.Reason, tc.reason) {
			t.Errorf("ParseAs(phone, %.20q): kind %q reason %q, want %q", tc.in, pe.Kind, pe.Reason, tc.reason)
		}
	}
}

// phoneSamples returns numbers from every region's example numbers, in
// international and national spellings, plus random digit strings, with
// the default regions to read them with.
func phoneSamples(randomPerRegion int) []struct{ raw, region string } {
	var out []struct{ raw, region string }
	add := func(raw, region string) { out = append(out, struct{ raw, region string }{raw, region}) }
	var regions []string
	for r := range phonenumbers.GetSupportedRegions() {
		regions = append(regions, r)
	}
	sort.Strings(regions)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, r := range regions {
		for typ := phonenumbers.FIXED_LINE; typ <= phonenumbers.VOICEMAIL; typ++ {
			n := phonenumbers.GetExampleNumberForType(r, typ)
			if n == nil {
				continue
			}
			add(phonenumbers.Format(n, phonenumbers.E164), "")
			add(phonenumbers.Format(n, phonenumbers.INTERNATIONAL), "")
			add(phonenumbers.Format(n, phonenumbers.NATIONAL), r)
			add(phonenumbers.GetNationalSignificantNumber(n), r)
		}
		cc := phonenumbers.GetCountryCodeForRegion(r)
		for i := 0; i < randomPerRegion; i++ {
			var b strings.Builder
			l := 4 + rng.IntN(11)
			for j := 0; j < l; j++ {
				b.WriteByte(byte('0' + rng.IntN(10)))
			}
			d := b.String()
			add(d, r)
			add(fmt.Sprintf("+%d%s", cc, d), "")
			add("0"+d, r)
			add("00"+d, r)
			add(fmt.Sprintf("%d%s", cc, d), r)
			add(fmt.Sprintf("+%d0%s", cc, d), "")
			add(fmt.Sprintf("00%d%s", cc, d), r)
		}
	}
	for cc := range phonenumbers.GetSupportedGlobalNetworkCallingCodes() {
		n := phonenumbers.GetExampleNumberForNonGeoEntity(cc)
		if n != nil {
			add(phonenumbers.Format(n, phonenumbers.E164), "")
		}
	}
	return out
}

// The engine and the library must agree on every input: same selector,
// same error.
func TestPhoneEngineMatchesLibrary(t *testing.T) {
	per := 40
	if testing.Short() {
		per = 5
	}
	eng := newPhoneEngine()
	valid := 0
	for _, c := range phoneSamples(per) {
		o := Options{Region: c.region}
		want, werr := parsePhoneWith(c.raw, o, nil)
		got, gerr := parsePhoneWith(c.raw, o, eng)
		if got != want || fmt.Sprint(gerr) != fmt.Sprint(werr) {
			t.Errorf("%q in %q:\nengine  %+v %v\nlibrary %+v %v", c.raw, c.region, got, gerr, want, werr)
		}
		if werr == nil {
			valid++
		}
	}
	if valid < 2000 {
		t.Errorf("only %d valid numbers among the samples", valid)
	}
}

// readPhone's library path must agree with the plain library calls the
// package promises to follow.
func TestPhoneMatchesPlainLibrary(t *testing.T) {
	for _, c := range phoneSamples(3) {
		var buf [maxPhoneDigits + 1]byte
		digits, plus, f := phoneDigits(c.raw, buf[:0])
		if f.failed() || !plus {
			continue
		}
		s, ok := readPhone(digits, true, "", nil)
		n, err := phonenumbers.Parse(c.raw, "")
		libOK := err == nil && phonenumbers.IsValidNumber(n)
		if ok != libOK {
			t.Errorf("%q: valid %v, library says %v", c.raw, ok, libOK)
			continue
		}
		if ok && s.Value != phonenumbers.Format(n, phonenumbers.E164) {
			t.Errorf("%q: %s, library says %s", c.raw, s.Value, phonenumbers.Format(n, phonenumbers.E164))
		}
	}
}
