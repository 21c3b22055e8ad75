package selector

import (
	"errors"
	"strings"
	"testing"
)

func TestParseBankAccount(t *testing.T) {
	kb := "KB Kookmin Bank (KB국민은행) "
	tests := []struct {
		name, in string
		o        Options
		value    string // "" means the input must fail
		display  string
		region   string
		subtype  string
	}{
		{"Hangul bank name", "국민은행 123-456-789012", Options{}, "KR:004:123456789012", kb + "123456789012", "KR", "004"},
		{"abbreviation", "KB 123456-01-234567", Options{}, "KR:004:12345601234567", kb + "12345601234567", "KR", "004"},
		{"KB국민 with 계좌번호", "KB국민 계좌번호: 123456-01-234567", Options{}, "KR:004:12345601234567", kb + "12345601234567", "KR", "004"},
		{"name after number", "110-123-456789 신한은행", Options{}, "KR:088:110123456789", "Shinhan Bank (신한은행) 110123456789", "KR", "088"},
		{"English name", "Shinhan 110-123-456789", Options{}, "KR:088:110123456789", "Shinhan Bank (신한은행) 110123456789", "KR", "088"},
		{"KakaoBank", "카카오뱅크 3333-01-2345678", Options{}, "KR:090:3333012345678", "KakaoBank (카카오뱅크) 3333012345678", "KR", "090"},
		{"카뱅 slang", "카뱅 3333012345678", Options{}, "KR:090:3333012345678", "KakaoBank (카카오뱅크) 3333012345678", "KR", "090"},
		{"Toss Bank", "토스뱅크 1000-1234-5678", Options{}, "KR:092:100012345678", "Toss Bank (토스뱅크) 100012345678", "KR", "092"},
		{"iM / Daegu", "대구은행 508-10-123456-7", Options{}, "KR:031:508101234567", "iM Bank (formerly Daegu Bank) (iM뱅크) 508101234567", "KR", "031"},
		{"우체국", "우체국 012345-01-234567", Options{}, "KR:071:01234501234567", "Korea Post (우체국) 01234501234567", "KR", "071"},
		{"NH농협", "NH농협 301-1234-5678-91", Options{}, "KR:011:3011234567891", "NongHyup Bank (NH농협은행) 3011234567891", "KR", "011"},
		{"full-width digits", "하나은행 １２３４５６７８９０１２", Options{}, "KR:081:123456789012", "Hana Bank (하나은행) 123456789012", "KR", "081"},
		{"Korean account too short", "국민은행 123-456-789", Options{}, "", "", "", ""},
		{"Korean account too long", "국민은행 1234567890123456", Options{}, "", "", "", ""},
		{"ABA Bank Cambodia", "ABA Bank 000 123 456", Options{}, "KH:ABA:000123456", "ABA Bank 000123456", "KH", "ABA"},
		{"ACLEDA", "ACLEDA 0001-01-234567-1-2", Options{}, "KH:ACLEDA:00010123456712", "ACLEDA Bank 00010123456712", "KH", "ACLEDA"},
		{"Wing", "Wing 012 345 678", Options{}, "KH:WING:012345678", "Wing Bank 012345678", "KH", "WING"},
		{"Thai in Thai script", "ธนาคารกสิกรไทย 123-4-56789-0", Options{}, "TH:004:1234567890", "Kasikornbank (ธนาคารกสิกรไทย) 1234567890", "TH", "004"},
		{"Chinese bank", "中国工商银行 6222 0212 3456 7890 123", Options{}, "CN:102:6222021234567890123", "Industrial and Commercial Bank of China (中国工商银行) 6222021234567890123", "CN", "102"},
		{"Vietcombank", "Vietcombank 0071001234567", Options{}, "VN:VCB:0071001234567", "Vietcombank 0071001234567", "VN", "VCB"},
		{"Vietnamese name", "Ngân hàng TMCP Quân đội 0342185000134", Options{}, "VN:MB:0342185000134", "MB Bank 0342185000134", "VN", "MB"},
		{"Vietnamese name unmarked", "Ngan hang Quan doi: 0342185000134", Options{}, "VN:MB:0342185000134", "MB Bank 0342185000134", "VN", "MB"},
		{"KBank ambiguous", "KBank 123-4-56789-0", Options{}, "", "", "", ""},
		{"KBank with region TH", "KBank 123-4-56789-0", Options{Region: "TH"}, "TH:004:1234567890", "Kasikornbank (ธนาคารกสิกรไทย) 1234567890", "TH", "004"},
		{"KBank with region KR", "KBank 100-123-456789", Options{Region: "kr"}, "KR:089:100123456789", "K Bank (케이뱅크) 100123456789", "KR", "089"},
		{"country code", "KR 123456789012", Options{}, "KR::123456789012", "KR 123456789012", "KR", ""},
		{"bare digits", "123-456-789012", Options{}, "", "", "", ""},
		{"bare digits with region", "123-456-789012", Options{Region: "KR"}, "KR::123456789012", "KR 123456789012", "KR", ""},
		{"bare digits with region KH", "000 123 456", Options{Region: "KH"}, "KH::000123456", "KH 000123456", "KH", ""},
		{"unknown bank", "Foo Bank 123456789", Options{}, "", "", "", ""},
		{"two numbers", "국민 123-456 신한 789012", Options{}, "", "", "", ""},
		{"holder name left in", "국민 123-456-789012 홍길동", Options{}, "", "", "", ""},
		{"canonical", "KR:004:12345678901234", Options{}, "KR:004:12345678901234", kb + "12345678901234", "KR", "004"},
		{"canonical, no bank code", "KR::123456789012", Options{}, "KR::123456789012", "KR 123456789012", "KR", ""},
		{"canonical, lower case", "kh:aba:000123456", Options{}, "KH:ABA:000123456", "ABA Bank 000123456", "KH", "ABA"},
		{"canonical, unknown code kept", "KR:999:123456789012", Options{}, "KR:999:123456789012", "KR 999 123456789012", "KR", "999"},
		{"canonical with dashes", "KR:004:123-456", Options{}, "", "", "", ""},
		{"canonical bad code", "KR:0-4:123456789012", Options{}, "", "", "", ""},

		// IBANs.
		{"IBAN grouped", "DE89 3704 0044 0532 0130 00", Options{}, "DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "DE", "iban"},
		{"IBAN lower, prefixed", "iban: gb82west12345698765432", Options{}, "GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32", "GB", "iban"},
		{"IBAN with letters", "FR14 2004 1010 0505 0001 3M02 606", Options{}, "FR1420041010050500013M02606", "FR14 2004 1010 0505 0001 3M02 606", "FR", "iban"},
		{"IBAN wrong check digits", "DE88 3704 0044 0532 0130 00", Options{}, "", "", "", ""},
		{"IBAN one digit changed", "DE89 3704 0044 0532 0130 01", Options{}, "", "", "", ""},
		{"IBAN wrong length", "DE89 3704 0044 0532 0130 0", Options{}, "", "", "", ""},
		{"IBAN country without IBANs", "US12 3456 7890 1234 5678", Options{}, "", "", "", ""},

		// Garbage.
		{"invalid UTF-8", "국민 \xff123456789012", Options{}, "", "", "", ""},
		{"huge", "국민 " + strings.Repeat("1", 10<<20), Options{}, "", "", "", ""},
		{"letters only", "국민은행", Options{}, "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAs(BankAccount, tt.in, tt.o)
			if tt.value == "" {
				if err == nil {
					t.Fatalf("ParseAs(%.60q) = %+v, want an error", tt.in, got)
				}
				var e *Error
				if !errors.As(err, &e) || e.Kind != BankAccount {
					t.Fatalf("error %v is not a bank_account *Error", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseAs(%q): %v", tt.in, err)
			}
			want := Selector{Kind: BankAccount, Value: tt.value, Display: tt.display, Region: tt.region, Subtype: tt.subtype}
			if got != want {
				t.Fatalf("ParseAs(%q)\n got %+v\nwant %+v", tt.in, got, want)
			}
			for _, o := range []Options{{}, {Region: "VN"}} {
				again, err := ParseAs(BankAccount, got.Value, o)
				if err != nil || again != got {
					t.Fatalf("not a fixed point with %+v: ParseAs(%q) = %+v, %v", o, got.Value, again, err)
				}
			}
		})
	}
}

func TestLookupBank(t *testing.T) {
	tests := []struct {
		name, cc, code string
		ok             bool
	}{
		{"국민은행", "KR", "004", true},
		{"KB국민은행", "KR", "004", true},
		{"kb", "KR", "004", true},
		{"기업", "KR", "003", true},
		{"IBK기업은행", "KR", "003", true},
		{"농협", "KR", "011", true},
		{"신한", "KR", "088", true},
		{"우리은행", "KR", "020", true},
		{"하나", "KR", "081", true},
		{"SC제일은행", "KR", "023", true},
		{"씨티", "KR", "027", true},
		{"카카오뱅크", "KR", "090", true},
		{"케이뱅크", "KR", "089", true},
		{"토스뱅크", "KR", "092", true},
		{"우체국", "KR", "071", true},
		{"새마을금고", "KR", "045", true},
		{"신협", "KR", "048", true},
		{"수협", "KR", "007", true},
		{"부산은행", "KR", "032", true},
		{"iM뱅크", "KR", "031", true},
		{"경남", "KR", "039", true},
		{"광주은행", "KR", "034", true},
		{"전북은행", "KR", "037", true},
		{"제주은행", "KR", "035", true},
		{"산업은행", "KR", "002", true},
		{"ABA Bank", "KH", "ABA", true},
		{"aba bank plc", "KH", "ABA", true},
		{"ACLEDA Bank Plc.", "KH", "ACLEDA", true},
		{"Canadia", "KH", "CANADIA", true},
		{"PPCB", "KH", "PPCB", true},
		{"Huione Pay", "KH", "HUIONE", true},
		{"Bangkok Bank", "TH", "002", true},
		{"ไทยพาณิชย์", "TH", "014", true},
		{"Techcombank", "VN", "TCB", true},
		{"Ngân hàng Vietcombank", "VN", "VCB", true},
		// Vietnamese names, with their marks precomposed or combining,
		// and without them.
		{"Ngân hàng TMCP Quân đội", "VN", "MB", true},
		{"NGÂN HÀNG TMCP QUÂN ĐỘI", "VN", "MB", true},
		{"Nga\u0302n ha\u0300ng Qua\u0302n đo\u0323\u0302i", "VN", "MB", true},
		{"Ngan hang Quan doi", "VN", "MB", true},
		{"Ngân hàng TMCP Ngoại thương Việt Nam", "VN", "VCB", true},
		{"Ngân hàng TMCP Công Thương Việt Nam", "VN", "ICB", true},
		{"Ngân hàng TMCP Đầu tư và Phát triển Việt Nam", "VN", "BIDV", true},
		{"Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam", "VN", "VBA", true},
		{"Ngân hàng TMCP Kỹ Thương Việt Nam", "VN", "TCB", true},
		{"Ngân hàng TMCP Á Châu", "VN", "ACB", true},
		{"Ngân hàng TMCP Việt Nam Thịnh Vượng", "VN", "VPB", true},
		{"Ngân hàng TMCP Sài Gòn Thương Tín", "VN", "STB", true},
		{"招商银行", "CN", "308", true},
		{"中国银行", "CN", "104", true},
		{"KBank", "", "", false}, // Korea's K Bank and Thailand's Kasikornbank
		{"Bank", "", "", false},
		{"은행", "", "", false},
		{"", "", "", false},
		{"nonsense", "", "", false},
	}
	for _, tt := range tests {
		cc, code, disp, ok := LookupBank(tt.name)
		if cc != tt.cc || code != tt.code || ok != tt.ok || ok == (disp == "") {
			t.Errorf("LookupBank(%q) = %q, %q, %q, %v; want %q, %q, _, %v", tt.name, cc, code, disp, ok, tt.cc, tt.code, tt.ok)
		}
	}
	if cc, code, _, ok := LookupBankIn("KBank", "TH"); !ok || cc != "TH" || code != "004" {
		t.Errorf(`LookupBankIn("KBank", "TH") = %q, %q, %v`, cc, code, ok)
	}
}

// Every alias in the directory must find its own bank, and only the names
// listed here may be shared between banks.
func TestBankDirectoryAliases(t *testing.T) {
	shared := map[string]bool{"kbank": true}
	for k, idx := range bankByAlias {
		if len(idx) > 1 && !shared[k] {
			var names []string
			for _, i := range idx {
				names = append(names, bankDirectory[i].Country+":"+bankDirectory[i].Code)
			}
			t.Errorf("alias %q is shared by %v", k, names)
		}
	}
	seen := map[string]bool{}
	for _, e := range bankDirectory {
		if seen[e.Country+":"+e.Code] {
			t.Errorf("duplicate bank %s:%s", e.Country, e.Code)
		}
		seen[e.Country+":"+e.Code] = true
		for _, a := range append([]string{e.Name, e.Local}, e.Aliases...) {
			if a == "" || shared[bankNormName(a)] {
				continue
			}
			b, ok := bankLookup(a, "")
			if !ok || b.Country != e.Country || b.Code != e.Code {
				t.Errorf("alias %q of %s:%s finds %+v, %v", a, e.Country, e.Code, b, ok)
			}
		}
	}
}

func FuzzParseBankAccount(f *testing.F) {
	for _, s := range []string{
		"국민은행 123-456-789012", "KB 123456-01-234567", "ABA Bank 000 123 456", "KR:004:12345678901234",
		"KR::123456789012", "DE89 3704 0044 0532 0130 00", "iban: gb82west12345698765432", "１２３",
		"中国工商银行 6222 0212 3456 7890 123", "SC 1234 5678 9012 3456", "\xff",
	} {
		f.Add(s, "")
		f.Add(s, "KR")
	}
	f.Fuzz(func(t *testing.T, in, region string) {
		o := Options{Region: region}
		s, err := ParseAs(BankAccount, in, o)
		if err != nil {
			return
		}
		if s.Kind != BankAccount || s.Value == "" || s.Region == "" {
			t.Fatalf("ParseAs(%q) = %+v", in, s)
		}
		again, err := ParseAs(BankAccount, s.Value, o)
		if err != nil || again != s {
			t.Fatalf("not a fixed point: %q -> %+v -> %+v, %v", in, s, again, err)
		}
	})
}

func BenchmarkParseBank(b *testing.B) {
	inputs := []string{
		"국민은행 123-456-789012", "KB 123456-01-234567", "ABA Bank 000 123 456", "KR:004:12345678901234",
		"DE89 3704 0044 0532 0130 00", "Foo Bank 123456789",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, _ = ParseAs(BankAccount, inputs[i%len(inputs)], Options{})
	}
}

func TestBankFillerWordsInTheVictimsLanguages(t *testing.T) {
	for _, in := range []string{"Vietcombank STK 0123456789", "ABA គណនី 000 123 456", "Kasikornbank เลขที่บัญชี 123-4-56789-0"} {
		s, err := ParseAs(BankAccount, in, Options{})
		if err != nil || s.Subtype == "" {
			t.Errorf("ParseAs(bank_account, %q) = %+v, %v; want the bank's code kept", in, s, err)
		}
	}
}
