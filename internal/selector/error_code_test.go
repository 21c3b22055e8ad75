package selector

import (
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"
)

// errorCodeCases are real bad values, one or more for every ErrorCode,
// with the facts their errors must carry and the English text they
// already said (partners' reject files and API clients read it).
var errorCodeCases = []struct {
	kind   Kind // "" for Parse
	raw    string
	region string
	plat   string
	want   Error // Input is raw unless set
	text   string
}{
	{"", "   ", "", "", Error{Code: CodeEmpty, Input: ""}, `"": empty value`},
	{Phone, " ", "", "", Error{Kind: Phone, Code: CodeEmpty, Input: ""}, `"" is not a valid phone: empty value`},
	{"fax", "123", "", "", Error{Code: CodeUnknownKind, Accepted: kindNames}, `"123": unknown selector kind fax`},
	{"", "hello world", "", "", Error{Code: CodeUnrecognised}, `"hello world": not a phone number, e-mail, URL, domain, IP address, wallet, bank account, card or handle`},
	{Phone, strings.Repeat("1", 70), "", "", Error{Kind: Phone, Code: CodeTooLong}, ""},
	{Email, "a\xff@example.com", "", "", Error{Kind: Email, Code: CodeBadUTF8}, ""},
	{Phone, "010-1234-567x", "KR", "", Error{Kind: Phone, Code: CodePhoneCharacters}, `"010-1234-567x" is not a valid phone: only digits, spaces, punctuation and a leading + may appear in a phone number`},
	{Phone, "010+1234", "KR", "", Error{Kind: Phone, Code: CodePhonePlus}, `"010+1234" is not a valid phone: misplaced +`},
	{Phone, "12", "KR", "", Error{Kind: Phone, Code: CodePhoneTooFewDigits}, `"12" is not a valid phone: too few digits`},
	{Phone, "+8210123456789012345", "", "", Error{Kind: Phone, Code: CodePhoneTooMany}, `"+8210123456789012345" is not a valid phone: too many digits`},
	{Phone, "010 1234", "", "", Error{Kind: Phone, Code: CodePhoneNoRegion}, `"010 1234" is not a valid phone: not a valid international number (no region given for a national one)`},
	{Phone, "+999 1234 5678", "", "", Error{Kind: Phone, Code: CodePhoneInvalid}, `"+999 1234 5678" is not a valid phone: not a valid number`},
	{Phone, "010 1234", "kr", "", Error{Kind: Phone, Code: CodePhoneNotInRegion, Region: "KR"}, `"010 1234" is not a valid phone: not a valid number for KR nor an international one`},
	{Email, "nobody.example.com", "", "", Error{Kind: Email, Code: CodeEmailNoAt}, `"nobody.example.com" is not a valid email: no @`},
	{Email, "a..b@example.com", "", "", Error{Kind: Email, Code: CodeEmailLocalPart}, `"a..b@example.com" is not a valid email: misplaced dot in local part`},
	{Email, "ab@", "", "", Error{Kind: Email, Code: CodeEmailNoDomain}, `"ab@" is not a valid email: no domain after @`},
	{Email, "ab@example.invalidtld", "", "", Error{Kind: Email, Code: CodeEmailBadDomain}, `"ab@example.invalidtld" is not a valid email: bad domain: not a top-level domain: invalidtld`},
	{Domain, "xn--a.com", "", "", Error{Kind: Domain, Code: CodeDomainIDN}, `"xn--a.com" is not a valid domain: not a valid internationalised domain name`},
	{Domain, "exa$mple.com", "", "", Error{Kind: Domain, Code: CodeDomainCharacters}, ""},
	{Domain, "-bad.com", "", "", Error{Kind: Domain, Code: CodeDomainLabel}, `"-bad.com" is not a valid domain: a label cannot start or end with a hyphen`},
	{Domain, "a..com", "", "", Error{Kind: Domain, Code: CodeDomainLabel}, `"a..com" is not a valid domain: empty label`},
	{Domain, "localhost", "", "", Error{Kind: Domain, Code: CodeDomainOneLabel}, `"localhost" is not a valid domain: a single label is not a domain name`},
	{Domain, "scam.notatld", "", "", Error{Kind: Domain, Code: CodeDomainTLD}, `"scam.notatld" is not a valid domain: not a top-level domain: notatld`},
	{URL, "ftps://example.com/x", "", "", Error{Kind: URL, Code: CodeURLScheme, Accepted: "http, https, ftp, ws, wss"}, `"ftps://example.com/x" is not a valid url: not a web URL (scheme ftps)`},
	{URL, "https:///path", "", "", Error{Kind: URL, Code: CodeURLNoHost}, `"https:///path" is not a valid url: no host`},
	{URL, "https://example.com:99999/", "", "", Error{Kind: URL, Code: CodeURLBadHost}, ""},
	{URL, "https://exa mple.com/", "", "", Error{Kind: URL, Code: CodeURLBadHost}, ""},
	{URL, "user@example.com/x", "", "", Error{Kind: URL, Code: CodeURLBadForm}, `"user@example.com/x" is not a valid url: a URL without a scheme cannot carry user information`},
	{IP, "10.0.0.1%eth0", "", "", Error{Kind: IP, Code: CodeIPZone}, `"10.0.0.1%eth0" is not a valid ip: a zone is only allowed on IPv6 addresses`},
	{IP, "300.1.1.1", "", "", Error{Kind: IP, Code: CodeIPInvalid}, `"300.1.1.1" is not a valid ip: not an IPv4 or IPv6 address`},
	{Crypto, "0x5aAe b6053", "", "", Error{Kind: Crypto, Code: CodeCryptoCharacters}, ""},
	{Crypto, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "", "", Error{Kind: Crypto, Code: CodeCryptoChecksum, Accepted: "EIP-55"}, `"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD" is not a valid crypto: mixed-case EIP-55 checksum does not match (mistyped address?)`},
	{Crypto, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx", "", "", Error{Kind: Crypto, Code: CodeCryptoChecksum, Accepted: "bech32"}, ""},
	{Crypto, segwitEncode("bc1x", 0, make([]byte, 20), bechConstBech32), "", "", Error{Kind: Crypto, Code: CodeCryptoPrefix}, ""},
	{Crypto, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "", "", Error{Kind: Crypto, Code: CodeCryptoChecksum, Accepted: "base58check"}, ""},
	{Crypto, "0x12345", "", "", Error{Kind: Crypto, Code: CodeCryptoEVMLength}, `"0x12345" is not a valid crypto: an EVM address is 0x and 40 hex digits`},
	{Crypto, "hello", "", "", Error{Kind: Crypto, Code: CodeCryptoUnknown}, `"hello" is not a valid crypto: not a known wallet address format`},
	{BankAccount, "DE89 3704 0044 0532 0130 01", "", "", Error{Kind: BankAccount, Code: CodeBankIBAN, Region: "DE"}, `"DE89 3704 0044 0532 0130 01" is not a valid bank_account: IBAN check digits do not match (mistyped?)`},
	{BankAccount, "DE89 3704 0044 0532 0130", "", "", Error{Kind: BankAccount, Code: CodeBankIBAN, Region: "DE", Accepted: "22"}, `"DE89 3704 0044 0532 0130" is not a valid bank_account: an IBAN from DE has 22 characters`},
	{BankAccount, "123-456 and 789", "KR", "", Error{Kind: BankAccount, Code: CodeBankOneNumber}, ""},
	{BankAccount, "1234567890", "", "", Error{Kind: BankAccount, Code: CodeBankNeedsBank}, `"1234567890" is not a valid bank_account: a bare number needs a bank name or a country`},
	{BankAccount, "Nowhere Bank 1234567890", "KR", "", Error{Kind: BankAccount, Code: CodeBankUnknown}, ""},
	{BankAccount, "KBank 1234567890", "", "", Error{Kind: BankAccount, Code: CodeBankAmbiguous}, `"KBank 1234567890" is not a valid bank_account: bank name KBank is used in several countries; give the country`},
	{BankAccount, "KR:ABCDEFGHIJKLMNOPQ:12345678901", "", "", Error{Kind: BankAccount, Code: CodeBankCode}, ""},
	{BankAccount, "KR:A-1:12345678901", "", "", Error{Kind: BankAccount, Code: CodeBankCode}, ""},
	{BankAccount, "KR:004:1234x678901", "", "", Error{Kind: BankAccount, Code: CodeBankDigitsOnly}, ""},
	{BankAccount, "123", "KR", "", Error{Kind: BankAccount, Code: CodeBankLength, Region: "KR", Accepted: "10–14"}, ""},
	{Card, "4111-1111-1111-111x", "", "", Error{Kind: Card, Code: CodeCardCharacters}, ""},
	{Card, "4111 1111", "", "", Error{Kind: Card, Code: CodeCardLength, Accepted: "13–19"}, `"4111 1111" is not a valid card: a card number has 13 to 19 digits`},
	{Card, "9000 0000 0000 0001", "", "", Error{Kind: Card, Code: CodeCardBrand}, `"9000 0000 0000 0001" is not a valid card: no card brand issues numbers like this`},
	{Card, "4111 1111 1111 1112", "", "", Error{Kind: Card, Code: CodeCardLuhn}, `"4111 1111 1111 1112" is not a valid card: Luhn check fails (mistyped or made-up number)`},
	{Handle, "scam boss", "", "", Error{Kind: Handle, Code: CodeHandleSpaces}, `"scam boss" is not a valid handle: a handle has no spaces`},
	{Handle, "scamboss", "", "myspace", Error{Kind: Handle, Code: CodeHandleUnknownPlatform, Platform: "myspace", Accepted: platformNames}, `"scamboss" is not a valid handle: unknown platform myspace`},
	{Handle, "scamboss", "", "", Error{Kind: Handle, Code: CodeHandleNeedsPlatform}, ""},
	{Handle, "telegram:", "", "", Error{Kind: Handle, Code: CodeHandleNoName}, `"telegram:" is not a valid handle: no name after the platform`},
	{Handle, "@abc", "", "", Error{Kind: Handle, Code: CodeHandleBadName, Platform: "Telegram"}, `"@abc" is not a valid handle: a username has 5 to 32 characters on Telegram`},
	{Handle, "https://t.me/c/12345", "", "", Error{Kind: Handle, Code: CodeHandleBadLink}, ""},
}

// TestErrorCodes: every code comes from real bad input, with its facts,
// and the English text stays as it was.
func TestErrorCodes(t *testing.T) {
	seen := map[ErrorCode]bool{}
	for _, c := range errorCodeCases {
		o := Options{Region: c.region, Platform: c.plat}
		var err error
		switch {
		case c.kind == "":
			_, err = Parse(c.raw, o)
		default:
			_, err = ParseAs(c.kind, c.raw, o)
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s %q: %v, want an *Error", c.kind, c.raw, err)
			continue
		}
		want := c.want
		if want.Input == "" && want.Code != CodeEmpty {
			want.Input = c.raw
		}
		got := *e
		got.Reason = ""
		if got != want {
			t.Errorf("%s %q:\n got %+v\nwant %+v", c.kind, c.raw, got, want)
		}
		if c.text != "" && e.Error() != c.text {
			t.Errorf("%s %q: Error() = %q, want %q", c.kind, c.raw, e.Error(), c.text)
		}
		// The Normalizer remembers errors: a second parse gives the same.
		n := NewNormalizer(64)
		for range 2 {
			if c.kind == "" {
				_, err = n.Parse(c.raw, o)
			} else {
				_, err = n.ParseAs(c.kind, c.raw, o)
			}
			var ne *Error
			if !errors.As(err, &ne) || *ne != *e {
				t.Errorf("%s %q: the Normalizer says %#v, Parse %#v", c.kind, c.raw, err, e)
			}
		}
		seen[e.Code] = true
	}
	if _, err := RegistrableDomain("co.uk"); err.(*Error).Code != CodeDomainSuffix ||
		err.Error() != `"co.uk" is not a valid domain: a public suffix has no registrable domain` {
		t.Errorf("RegistrableDomain(co.uk): %#v", err)
	} else {
		seen[CodeDomainSuffix] = true
	}
	for _, code := range ErrorCodes {
		if !seen[code] {
			t.Errorf("no bad input gives %s", code)
		}
	}
	if len(ErrorCodes) != len(slices.Compact(slices.Sorted(slices.Values(ErrorCodes)))) {
		t.Error("ErrorCodes has a code twice")
	}
	var keys []string
	for k := range hdlPlatforms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	names := strings.Split(platformNames, ", ")
	sort.Strings(names)
	if !slices.Equal(keys, names) {
		t.Errorf("platformNames %v, platforms %v", names, keys)
	}
}

// FuzzErrorCode: whatever the input, a parse failure of any kind is an
// *Error with one of the listed codes.
func FuzzErrorCode(f *testing.F) {
	for _, c := range errorCodeCases {
		f.Add(c.raw, c.region, c.plat)
	}
	known := map[ErrorCode]bool{}
	for _, c := range ErrorCodes {
		known[c] = true
	}
	f.Fuzz(func(t *testing.T, in, region, platform string) {
		o := Options{Region: region, Platform: platform}
		for _, k := range append([]Kind{""}, Kinds...) {
			var err error
			if k == "" {
				_, err = Parse(in, o)
			} else {
				_, err = ParseAs(k, in, o)
			}
			if err == nil {
				continue
			}
			var e *Error
			if !errors.As(err, &e) || !known[e.Code] {
				t.Fatalf("%s %q: %#v has no listed code", k, in, err)
			}
		}
	})
}
