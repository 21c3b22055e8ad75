package selector

import (
	"slices"
	"strings"
	"testing"
)

func fuzzSeeds(f *testing.F) {
	for _, c := range ownKindSamples {
		f.Add(c.in, c.region)
	}
	for _, s := range []string{"@scam", "t.me/scam", "0x52908400098527886E0F7030069857D2E4169EE7", "[::1]:80",
		"hxxp[://]a(dot)b", "\xff\xfe", "+", "00", "tel:", "mailto:", "a@b@c", "%", "http://a.com/%", "http://[", "1.2.3.4%x",
		"(+84) 912 345 678", "(+86)13800138000", "(+)", "WhatsApp +855 12 345 678", "Zalo 0912 345 678", "Signal  +1 ",
		"bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa?amount=0.1", "ethereum:0x52908400098527886E0F7030069857D2E4169EE7@56?value=1", "tron:?", "bitcoincash:?"} {
		f.Add(s, "KH")
	}
}

// checkFixedPoint fails when s's Value does not parse back to s.
func checkFixedPoint(t *testing.T, in string, s Selector, o Options) {
	t.Helper()
	if !slices.Contains(Kinds, s.Kind) {
		t.Fatalf("%q: unknown kind %q", in, s.Kind)
	}
	again, err := ParseAs(s.Kind, s.Value, o)
	if err != nil || again != s {
		t.Fatalf("%q -> %+v, but its value parses to %+v, %v", in, s, again, err)
	}
}

func FuzzParse(f *testing.F) {
	fuzzSeeds(f)
	n := NewNormalizer(64)
	f.Fuzz(func(t *testing.T, in, region string) {
		o := Options{Region: region}
		s, err := Parse(in, o)
		ns, nerr := n.Parse(in, o)
		if ns != s || (err == nil) != (nerr == nil) {
			t.Fatalf("%q: Parse %+v %v, Normalizer %+v %v", in, s, err, ns, nerr)
		}
		if err != nil {
			return
		}
		checkFixedPoint(t, in, s, o)
	})
}

func FuzzParsePhone(f *testing.F) {
	fuzzSeeds(f)
	for _, s := range []string{"+855 12 345 678", "០១២ ៣៤៥ ៦៧៨", "00855 12", "001 855 12 345 678", "82 10 1234 5678",
		"(+84) 912 345 678", "（＋６３）９１７ １２３ ４５６７", "(+)84 912", "((+855", "+(84)+912"} {
		f.Add(s, "KR")
	}
	eng := newPhoneEngine()
	f.Fuzz(func(t *testing.T, in, region string) {
		o := Options{Region: region}
		s, err := ParseAs(Phone, in, o)
		es, eerr := parsePhoneWith(strings.TrimSpace(in), o, eng)
		if strings.TrimSpace(in) != "" && (es != s || (err == nil) != (eerr == nil)) {
			t.Fatalf("%q in %q: library %+v %v, engine %+v %v", in, region, s, err, es, eerr)
		}
		if err != nil {
			return
		}
		if !strings.HasPrefix(s.Value, "+") || len(s.Value) > 18 {
			t.Fatalf("%q: value %q is not E.164", in, s.Value)
		}
		checkFixedPoint(t, in, s, Options{})
	})
}

func FuzzParseURL(f *testing.F) {
	fuzzSeeds(f)
	for _, s := range []string{"https://a.com/?utm_source=x&fbclid=y", "a.com/?a=1&&fbclid=2&", "a.com/?%75tm_x=1&b", "a.com/?UTM_=&=&"} {
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, in, _ string) {
		for _, k := range []Kind{URL, Domain, Email, IP} {
			s, err := ParseAs(k, in, Options{})
			if err != nil {
				continue
			}
			if s.Kind != k {
				t.Fatalf("ParseAs(%s, %q) gave kind %s", k, in, s.Kind)
			}
			checkFixedPoint(t, in, s, Options{})
		}
	})
}

// Huge and binary inputs fail fast and cleanly.
func TestParseHostileInput(t *testing.T) {
	big := strings.Repeat("9", 10<<20)
	inputs := []string{big, "+" + big, "http://a.com/" + big, big + "@a.com", strings.Repeat("a.", 5<<20) + "com",
		strings.Repeat("[.]", 1<<20), "\x00\x01\x02\xff\xfe", strings.Repeat("\xff", 1000)}
	n := NewNormalizer(16)
	for _, in := range inputs {
		for _, k := range []Kind{Phone, Email, URL, Domain, IP} {
			if s, err := ParseAs(k, in, Options{Region: "KH"}); err == nil {
				t.Errorf("ParseAs(%s, %.20q...) = %+v", k, in, s)
			}
			if s, err := n.ParseAs(k, in, Options{Region: "KH"}); err == nil {
				t.Errorf("Normalizer.ParseAs(%s, %.20q...) = %+v", k, in, s)
			}
		}
		if s, err := Parse(in, Options{}); err == nil {
			t.Errorf("Parse(%.20q...) = %+v", in, s)
		}
	}
}
