package selector

import (
	"errors"
	"fmt"
	"testing"
)

// Parse must put each input in the right kind, whatever else it could be
// read as.
func TestParseDetectsKind(t *testing.T) {
	tests := []struct {
		in, region string
		kind       Kind
		value      string
	}{
		{"+855 12 345 678", "", Phone, "+85512345678"},
		{"+855 12 345 678", "KR", Phone, "+85512345678"},
		{"012 345 678", "KH", Phone, "+85512345678"},
		{"012-345-678", "KH", Phone, "+85512345678"},
		{"010-1234-5678", "KR", Phone, "+821012345678"},
		{"០១២ ៣៤៥ ៦៧៨", "KH", Phone, "+85512345678"},
		{"00855 12 345 678", "", Phone, "+85512345678"},
		{"tel:+85512345678", "", Phone, "+85512345678"},
		// The country code in brackets, as many write it in Vietnam,
		// China and the Philippines.
		{"(+84) 912 345 678", "", Phone, "+84912345678"},
		{"(+86)13800138000", "KR", Phone, "+8613800138000"},
		{"(+855)-12-345-678", "", Phone, "+85512345678"},
		{"（＋６３）９１７ １２３ ４５６７", "", Phone, "+639171234567"},
		{"recruit@example.com", "KH", Email, "recruit@example.com"},
		{"recruit[@]example[.]com", "", Email, "recruit@example.com"},
		{"mailto:Recruit@Example.com", "", Email, "Recruit@example.com"},
		{"example.com", "", Domain, "example.com"},
		{"Example[.]COM", "", Domain, "example.com"},
		{"bücher.de", "", Domain, "xn--bcher-kva.de"},
		{"ether_promo.kissr.com", "", Domain, "ether_promo.kissr.com"},
		{"example.com/login", "", URL, "https://example.com/login"},
		{"example.com:8443", "", URL, "https://example.com:8443/"},
		{"https://example.com", "", URL, "https://example.com/"},
		{"hxxps://evil[.]example[.]com/claim", "", URL, "https://evil.example.com/claim"},
		{"1.2.3.4:8080", "", URL, "https://1.2.3.4:8080/"},
		{"192.0.2.1", "KH", IP, "192.0.2.1"},
		{"192.0.2[.]1", "", IP, "192.0.2.1"},
		{"2001:db8::1", "", IP, "2001:db8::1"},
		{"[2001:db8::1]", "", IP, "2001:db8::1"},
		// Payment URIs, as wallets' QR codes give them, whatever their
		// query.
		{"bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa?amount=0.1&label=x", "", Crypto, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"},
		{"BITCOIN:BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ?amount=1", "", Crypto, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"},
		{"ethereum:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed@1?value=1e18", "", Crypto, "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"},
		{"tron:TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL?amount=100", "", Crypto, "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL"},
		{"bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a?amount=0.5", "", Crypto, "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a"},
	}
	for _, tc := range tests {
		s, err := Parse(tc.in, Options{Region: tc.region})
		if err != nil || s.Kind != tc.kind || s.Value != tc.value {
			t.Errorf("Parse(%q, %q) = %s %q, %v; want %s %q", tc.in, tc.region, s.Kind, s.Value, err, tc.kind, tc.value)
		}
	}
}

// The kinds other parsers own come first for their shapes, so that no
// parser of this file can take them.
func TestDetectOrder(t *testing.T) {
	tests := []struct {
		in    string
		first Kind
	}{
		{"@scam_recruiter", Handle},
		{"@example.com", Handle},
		{"t.me/scam_recruiter", Handle},
		{"https://t.me/scam_recruiter", Handle},
		{"line.me/ti/p/~scam", Handle},
		{"0x52908400098527886E0F7030069857D2E4169EE7", Crypto},
		{"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", Crypto},
		{"TJRabPrwbZy45sbavfcjinPJC18kjpRTv8", Crypto},
		{"+85512345678", Phone},
		{"4111 1111 1111 1111", IP},
		{"recruit@example.com", Email},
		{"example.com", IP},
	}
	for _, tc := range tests {
		if got := detect(tc.in); len(got) == 0 || got[0] != tc.first {
			t.Errorf("detect(%q) = %v, want %s first", tc.in, got, tc.first)
		}
	}
	// Whatever the input, the lists hold each kind at most once and only
	// known kinds.
	for _, in := range []string{"@a", "tel:1", "mailto:a", "a://b", "123", "+1", "a@b", "a/b", "a:b", "a.b", "ab"} {
		seen := map[Kind]bool{}
		for _, k := range detect(in) {
			if _, ok := parsers[k]; !ok || seen[k] {
				t.Errorf("detect(%q) = %v", in, detect(in))
			}
			seen[k] = true
		}
	}
}

func TestParseRejects(t *testing.T) {
	for _, in := range []string{"", "   ", "report.pdf", "localhost", "hello world", "12", "\xff\xfe", "http://", "user@", "::::"} {
		if s, err := Parse(in, Options{Region: "KH"}); err == nil && (s.Kind == Domain || s.Kind == URL || s.Kind == Email || s.Kind == Phone || s.Kind == IP) {
			t.Errorf("Parse(%q) = %+v, want an error", in, s)
		}
	}
}

// ownKindSamples are valid inputs of this file's kinds.
var ownKindSamples = []struct {
	kind       Kind
	in, region string
}{
	{Phone, "+855 12 345 678", ""}, {Phone, "010-1234-5678", "KR"}, {Phone, "081 234 5678", "TH"},
	{Phone, "0912 345 678", "VN"}, {Phone, "138 0013 8000", "CN"}, {Phone, "0917 123 4567", "PH"},
	{Phone, "+800 1234 5678", ""}, {Phone, "+39 06 6988 4010", ""},
	{Email, "John.Doe@Example.COM", ""}, {Email, `"a b"@bücher.de`, ""}, {Email, "x[@]y[.]com", ""},
	{URL, "hxxps://Evil[.]Example.COM:443/a/../b/%7euser?x=%2f#frag", ""}, {URL, "example.com/path", ""},
	{URL, "http://[::ffff:1.2.3.4]:80", ""}, {URL, "https://bücher.de/ä ö?q=ü", ""}, {URL, "http://u:p@1.2.3.4:81/%zz", ""},
	{Domain, "Bücher.DE.", ""}, {Domain, "xn--niswap-oya.com", ""}, {Domain, "ether_promo.kissr.com", ""},
	{IP, "::ffff:1.2.3.4", ""}, {IP, "fe80::1%eth0", ""}, {IP, "2001:DB8::1", ""},
}

// Canonical values are fixed points: parsing Value again, with no
// options, gives the same selector.
func TestCanonicalIsFixedPoint(t *testing.T) {
	for _, c := range ownKindSamples {
		s, err := ParseAs(c.kind, c.in, Options{Region: c.region})
		if err != nil {
			t.Errorf("ParseAs(%s, %q): %v", c.kind, c.in, err)
			continue
		}
		again, err := ParseAs(c.kind, s.Value, Options{})
		if err != nil || again != s {
			t.Errorf("ParseAs(%s, %q) = %+v, %v; want %+v", c.kind, s.Value, again, err, s)
		}
		if s.ID() != IDOf(c.kind, again.Value) {
			t.Errorf("%s %q: ID changed", c.kind, s.Value)
		}
	}
}

// The Normalizer returns what Parse and ParseAs return, cached or not.
func TestNormalizerMatchesParse(t *testing.T) {
	inputs := []string{"", "nothing", "12", "+855 12 345 678", "012 345 678", "recruit@example.com", "example.com",
		"example.com/x", "1.2.3.4", "hxxp://a[.]com", "@handle", "0x52908400098527886E0F7030069857D2E4169EE7"}
	for _, c := range ownKindSamples {
		inputs = append(inputs, c.in)
	}
	for _, size := range []int{0, 1, 64} {
		n := NewNormalizer(size)
		for round := 0; round < 3; round++ {
			for _, in := range inputs {
				for _, region := range []string{"", "KH", "KR"} {
					o := Options{Region: region}
					want, werr := Parse(in, o)
					got, gerr := n.Parse(in, o)
					if got != want || fmt.Sprint(gerr) != fmt.Sprint(werr) {
						t.Errorf("size %d: Normalizer.Parse(%q, %q) = %+v, %v; Parse = %+v, %v", size, in, region, got, gerr, want, werr)
					}
					wantID := ""
					if werr == nil {
						wantID = want.ID().String()
					}
					// ParseID in turn before and after Parse: both orders fill the cache.
					for range 2 {
						got, id, gerr := n.ParseID(in, o)
						if got != want || id != wantID || fmt.Sprint(gerr) != fmt.Sprint(werr) {
							t.Errorf("size %d: Normalizer.ParseID(%q, %q) = %+v, %q, %v; Parse = %+v, %q, %v", size, in, region, got, id, gerr, want, wantID, werr)
						}
					}
					for _, k := range []Kind{Phone, Email, URL, Domain, IP} {
						want, werr := ParseAs(k, in, o)
						got, gerr := n.ParseAs(k, in, o)
						if got != want || fmt.Sprint(gerr) != fmt.Sprint(werr) {
							t.Errorf("size %d: Normalizer.ParseAs(%s, %q, %q) = %+v, %v; ParseAs = %+v, %v", size, k, in, region, got, gerr, want, werr)
						}
					}
				}
			}
		}
	}
	if _, err := NewNormalizer(8).ParseAs("nope", "x", Options{}); err == nil {
		t.Error("unknown kind accepted")
	}
}

// The cache stays within its bound however many distinct inputs pass.
func TestNormalizerBounded(t *testing.T) {
	n := NewNormalizer(320)
	for i := 0; i < 20000; i++ {
		n.ParseAs(Domain, fmt.Sprintf("host%d.example.com", i), Options{})
	}
	total := 0
	for i := range n.shards {
		total += n.shards[i].cur.Len() + n.shards[i].old.Len()
	}
	if total > 320 || total < 100 {
		t.Errorf("cache holds %d entries, want at most 320 and not nearly empty", total)
	}
}

func TestParseDetectsCanonicalBankAccounts(t *testing.T) {
	for _, in := range []string{"KR:004:12345678901234", "KR::123456789012"} {
		s, err := Parse(in, Options{})
		if err != nil || s.Kind != BankAccount || s.Value != in {
			t.Errorf("Parse(%q) = %+v, %v; want the bank account itself", in, s, err)
		}
	}
}

func TestParseFullWidthForms(t *testing.T) {
	for _, c := range []struct {
		kind Kind
		in   string
		want string
	}{
		{URL, "ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ／ｊｏｂ", "https://example.com/job"},
		{Email, "ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ", "john@example.com"},
		{Handle, "＠ｇｏｌｄｅｎ＿ｊｏｂ８８", "telegram:golden_job88"},
	} {
		s, err := ParseAs(c.kind, c.in, Options{})
		if err != nil || s.Value != c.want {
			t.Errorf("ParseAs(%s, %q) = %q, %v; want %q", c.kind, c.in, s.Value, err, c.want)
		}
	}
}

// A value no kind takes is refused with the problem of the kind it
// plainly is (a wallet whose checksum fails, an IBAN with wrong check
// digits, a name under no top-level domain, the one kind its shape
// admits), so that whoever typed it can fix it; a value of no clear
// kind is unrecognised.
func TestParseNamesTheProblem(t *testing.T) {
	tests := []struct {
		in   string
		kind Kind
		code ErrorCode
		text string
	}{
		{"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", Crypto, CodeCryptoChecksum,
			`"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD" is not a valid crypto: mixed-case EIP-55 checksum does not match (mistyped address?)`},
		{"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", Crypto, CodeCryptoEVMLength, ""},
		{"TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeM", Crypto, CodeCryptoChecksum, ""}, // TRON, last character changed
		{"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", Crypto, CodeCryptoChecksum, ""},
		{"t1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWM", Crypto, CodeCryptoChecksum, ""},
		{"rnXyVQzgxZe7TR1EPzTkGj2jxH4LMJYh67", Crypto, CodeCryptoChecksum, ""},
		{"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr", Crypto, CodeCryptoChecksum, ""},
		{"GB82 WEST 1234 5698 7654 33", BankAccount, CodeBankIBAN,
			`"GB82 WEST 1234 5698 7654 33" is not a valid bank_account: IBAN check digits do not match (mistyped?)`},
		{"yugalabs.and", Domain, CodeDomainTLD, `"yugalabs.and" is not a valid domain: not a top-level domain: and`},
		{"@golden job", Handle, CodeHandleSpaces, ""},
		{"+999 1234 5678", Phone, CodePhoneInvalid, ""},
		{"bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb?amount=0.1", Crypto, CodeCryptoChecksum, ""},
		// No kind is plain: base58 needs digits and both cases, and a
		// word is not a wallet.
		{"hello world", "", CodeUnrecognised, ""},
		{"ThisIsMyLongTelegramNameForScam1", "", CodeUnrecognised, ""},
		{"tnpeeaafb7k9cmo4uqpcu32zgk8g1nyqel", "", CodeUnrecognised, ""},
		{"chromewebdata", "", CodeUnrecognised, ""},
	}
	n := NewNormalizer(64)
	for _, tc := range tests {
		for _, parse := range []func(string, Options) (Selector, error){Parse, n.Parse} {
			_, err := parse(tc.in, Options{})
			var e *Error
			if !errors.As(err, &e) || e.Kind != tc.kind || e.Code != tc.code || tc.text != "" && e.Error() != tc.text {
				t.Errorf("Parse(%q) = %v, want %s %s %s", tc.in, err, tc.kind, tc.code, tc.text)
			}
		}
	}
}
