package selector

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// found is one expected match: its kind, canonical value and the text it
// spans: the first occurrence of raw after the previous expected match. A
// raw "ctx»span" means the span right after the text ctx.
type found struct {
	kind  Kind
	value string
	raw   string
}

// extractCase is a text, the region hint, and every selector Extract must
// find in it, in order; nothing else may be found.
type extractCase struct {
	name   string
	region string
	text   string
	want   []found
}

// runExtractCases checks the kind, value and exact byte span of every
// match, and that each match parses again from its Raw.
func runExtractCases(t *testing.T, cases []extractCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Extract(c.text, Hints{Region: c.region})
			var gl, wl []string
			for _, m := range got {
				gl = append(gl, fmt.Sprintf("%s %s [%d,%d) %q", m.Kind, m.Value, m.Start, m.End, m.Raw))
				checkMatch(t, c.text, m)
			}
			from := 0
			for _, w := range c.want {
				before, raw, ok := strings.Cut(w.raw, "»")
				if !ok {
					before, raw = "", w.raw
				}
				i := strings.Index(c.text[from:], before+raw)
				if i < 0 {
					t.Fatalf("bad test: %q not in the text after byte %d", before+raw, from)
				}
				start := from + i + len(before)
				w.raw = raw
				wl = append(wl, fmt.Sprintf("%s %s [%d,%d) %q", w.kind, w.value, start, start+len(w.raw), w.raw))
				from = start
			}
			if strings.Join(gl, "\n") != strings.Join(wl, "\n") {
				t.Errorf("Extract(%q, %q):\n got:\n  %s\nwant:\n  %s", c.text, c.region, strings.Join(gl, "\n  "), strings.Join(wl, "\n  "))
			}
		})
	}
}

// checkMatch checks what every match promises: its span is in the text and
// is its Raw, and Raw parses again, with the match's Options, into the
// same selector.
func checkMatch(t testing.TB, text string, m Match) {
	t.Helper()
	if m.Start < 0 || m.Start >= m.End || m.End > len(text) {
		t.Fatalf("match %+v: span [%d,%d) outside a text of %d bytes", m, m.Start, m.End, len(text))
	}
	if text[m.Start:m.End] != m.Raw {
		t.Fatalf("match %+v: text[%d:%d] = %q, Raw %q", m, m.Start, m.End, text[m.Start:m.End], m.Raw)
	}
	s, err := ParseAs(m.Kind, m.Raw, m.Options)
	if err != nil {
		t.Fatalf("match %+v: Raw does not parse again: %v", m, err)
	}
	if s != m.Selector {
		t.Fatalf("match %q: parses again as %+v, extracted as %+v", m.Raw, s, m.Selector)
	}
}

func TestExtractPhones(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"brackets and trunk zero", "KH", "Call +855 (0)12 345 678 or 012.345.678 now, or (+855) 96 123 4567.", []found{
			{Phone, "+85512345678", "+855 (0)12 345 678"},
			{Phone, "+85512345678", "012.345.678"},
			{Phone, "+855961234567", "(+855) 96 123 4567"},
		}},
		{"korean mobile", "KR", "연락처 010-1234-5678 로 문자 주세요", []found{
			{Phone, "+821012345678", "010-1234-5678"},
		}},
		{"full-width digits", "KR", "전화０１０－１２３４－５６７８입니다", []found{
			{Phone, "+821012345678", "０１０－１２３４－５６７８"},
		}},
		{"khmer digits", "KH", "លេខទូរស័ព្ទ ០១២ ៣៤៥ ៦៧៨ ។", []found{
			{Phone, "+85512345678", "០១២ ៣៤៥ ៦៧៨"},
		}},
		{"khmer digits split by zero-width spaces", "KH", "ទូរស័ព្ទ\u200b០១២\u200b៣៤៥\u200b៦៧៨\u200bណា", []found{
			{Phone, "+85512345678", "០១២\u200b៣៤៥\u200b៦៧៨"},
		}},
		{"thai digits", "TH", "โทร ๐๘๑ ๒๓๔ ๕๖๗๘ ได้เลย", []found{
			{Phone, "+66812345678", "๐๘๑ ๒๓๔ ๕๖๗๘"},
		}},
		{"chinese mobile without trunk prefix", "CN", "电话：138 0013 8000，手机13800138000", []found{
			{Phone, "+8613800138000", "138 0013 8000"},
			{Phone, "+8613800138000", "13800138000"},
		}},
		{"zalo numbers are vietnamese", "KR", "Zalo 0912 345 678", []found{
			{Phone, "+84912345678", "0912 345 678"},
		}},
		{"international prefix 00", "KR", "현지 번호 00855 12 345 678", []found{
			{Phone, "+85512345678", "00855 12 345 678"},
		}},
		{"two numbers in one run", "KH", "numbers 012 345 678 098 765 432", []found{
			{Phone, "+85512345678", "012 345 678"},
			{Phone, "+85598765432", "098 765 432"},
		}},
		{"country code without plus needs a reason", "KR", "order 85512345678 / WhatsApp 85512345678", []found{
			{Phone, "+85512345678", "WhatsApp »85512345678"},
		}},
		{"no region: international only", "", "call 012 345 678 or +855 12 345 678", []found{
			{Phone, "+85512345678", "+855 12 345 678"},
		}},
		{"uk premium and non-geographic, not short codes", "GB", "Text FA to 87121 to receive entry question(std txt rate)T&C's apply 08452810075over18's. Call 09061701461.", []found{
			{Phone, "+448452810075", "08452810075"},
			{Phone, "+449061701461", "09061701461"},
		}},
		{"dates, times, amounts and codes are not numbers", "KR", "Meeting 21/05/2025 at 10:30, on 2025-05-21 and 21.05.2025; ticket #88412345, cost $1,250,000, ₩5000000, v1.0123456, KL3414567", nil},
	})
}

func TestExtractLinks(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"defanged url", "", "visit hxxps://binance-vip[.]com/login now", []found{
			{URL, "https://binance-vip.com/login", "hxxps://binance-vip[.]com/login"},
		}},
		{"defanged colon", "", "C2: hxxp[:]//evil[.]example[.]net/gate.php?id=7.", []found{
			{URL, "http://evil.example.net/gate.php?id=7", "hxxp[:]//evil[.]example[.]net/gate.php?id=7"},
		}},
		{"bare domains", "", "See binance-vip[.]com or example.co.kr, and evil(dot)example(dot)com.", []found{
			{Domain, "binance-vip.com", "binance-vip[.]com"},
			{Domain, "example.co.kr", "example.co.kr"},
			{Domain, "evil.example.com", "evil(dot)example(dot)com"},
		}},
		{"www and paths without scheme", "", "www.getzed.co.uk. Login at usdt-profit.vip/login!", []found{
			{URL, "https://www.getzed.co.uk/", "www.getzed.co.uk"},
			{URL, "https://usdt-profit.vip/login", "usdt-profit.vip/login"},
		}},
		{"a name run into the next word", "GB", "www.Ldew.com1win150ppmx3age16", []found{
			{URL, "https://www.ldew.com/", "www.Ldew.com"},
		}},
		{"not domains", "", "Hi there.So what? e.g. U.S. report.pdf lar... 1.50", nil},
		{"urls in korean and chinese text", "KR", "사이트는https://kh-jobs.com/apply입니다 网站http://usdt-profit.vip/login已经", []found{
			{URL, "https://kh-jobs.com/apply", "https://kh-jobs.com/apply"},
			{URL, "http://usdt-profit.vip/login", "http://usdt-profit.vip/login"},
		}},
		{"messenger links", "KR", "join t.me/scam_support or wa.me/85512345678", []found{
			{Handle, "telegram:scam_support", "t.me/scam_support"},
			{URL, "https://t.me/scam_support", "t.me/scam_support"},
			{URL, "https://wa.me/85512345678", "wa.me/85512345678"},
			{Phone, "+85512345678", "85512345678"},
		}},
		{"e-mail addresses", "", "mail john.doe@example.co.kr or support(at)scam-help.com, not a@b or @@", []found{
			{Email, "john.doe@example.co.kr", "john.doe@example.co.kr"},
			{Email, "support@scam-help.com", "support(at)scam-help.com"},
		}},
		{"ip addresses", "", "C2 at 203.0.113[.]45:8080 and [2001:db8::1]; version 1.2.3 and 10:30:45", []found{
			{IP, "203.0.113.45", "203.0.113[.]45"},
			{IP, "2001:db8::1", "2001:db8::1"},
		}},
		{"explorer link with a wallet", "", "https://etherscan.io/address/0x52908400098527886E0F7030069857D2E4169EE7", []found{
			{URL, "https://etherscan.io/address/0x52908400098527886E0F7030069857D2E4169EE7", "https://etherscan.io/address/0x52908400098527886E0F7030069857D2E4169EE7"},
			{Crypto, "0x52908400098527886e0f7030069857d2e4169ee7", "0x52908400098527886E0F7030069857D2E4169EE7"},
		}},
	})
}

func TestExtractWallets(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"every chain", "", "USDT: TLTgW1UFTfW4U2BoaeejS1coXt9EpHEhEY, BTC 181BVVHZy9bpooDWnoLtPM7hu3vrKxigb3 or bc1qf6r3mvsj7t0yzhwhnke54dt0mwngnzhnmtm8va, LTC LgEVjDTDMBDMbvyBMbJbnMWgzvR2DXx25q, ETH 0xd60c83c551e43b195c2fd79dad35a9d40a917764.", []found{
			{Crypto, "TLTgW1UFTfW4U2BoaeejS1coXt9EpHEhEY", "TLTgW1UFTfW4U2BoaeejS1coXt9EpHEhEY"},
			{Crypto, "181BVVHZy9bpooDWnoLtPM7hu3vrKxigb3", "181BVVHZy9bpooDWnoLtPM7hu3vrKxigb3"},
			{Crypto, "bc1qf6r3mvsj7t0yzhwhnke54dt0mwngnzhnmtm8va", "bc1qf6r3mvsj7t0yzhwhnke54dt0mwngnzhnmtm8va"},
			{Crypto, "LgEVjDTDMBDMbvyBMbJbnMWgzvR2DXx25q", "LgEVjDTDMBDMbvyBMbJbnMWgzvR2DXx25q"},
			{Crypto, "0xd60c83c551e43b195c2fd79dad35a9d40a917764", "0xd60c83c551e43b195c2fd79dad35a9d40a917764"},
		}},
		{"checksums keep look-alikes out", "", "TSRq3YESpfACjY6CwHTL2MtVX4jTvMG8cV 181BVVHZy9bpooDWnoLtPM7hu3vrKxigb4 0x52908400098527886E0F7030069857D2E4169Ee7 0x52908400098527886E0F7030069857D2E4169EE7ab", nil},
		{"wallet in chinese text", "CN", "把USDT转到TYGLVQnPNFUN1zyTAL9R5BnMeqCgjrvW1D。", []found{
			{Crypto, "TYGLVQnPNFUN1zyTAL9R5BnMeqCgjrvW1D", "TYGLVQnPNFUN1zyTAL9R5BnMeqCgjrvW1D"},
		}},
	})
}

func TestExtractAccountsAndCards(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"korean bank names", "KR", "국민은행 123-456-789012 으로 보내고 신한 110-123-456789 로 추가 입금", []found{
			{BankAccount, "KR:004:123456789012", "국민은행 123-456-789012"},
			{BankAccount, "KR:088:110123456789", "신한 110-123-456789"},
		}},
		{"korean account word", "KR", "입금 계좌: 1002-123-456789 (예금주 홍길동)", []found{
			{BankAccount, "KR::1002123456789", "1002-123-456789"},
		}},
		{"bank named before the account word", "KR", "우리은행으로 보내세요. 계좌 1002-123-456789", []found{
			{BankAccount, "KR::1002123456789", "1002-123-456789"},
		}},
		{"cambodia", "KH", "ផ្ទេរប្រាក់ទៅគណនី ABA 000 123 456 ។", []found{
			{BankAccount, "KH:ABA:000123456", "ABA 000 123 456"},
		}},
		{"thailand", "TH", "โอนเงินเข้าบัญชี กสิกรไทย 123-4-56789-0 นะ", []found{
			{BankAccount, "TH:004:1234567890", "กสิกรไทย 123-4-56789-0"},
		}},
		{"vietnam", "VN", "chuyển vào STK Vietcombank 0123456789 nhé", []found{
			{BankAccount, "VN:VCB:0123456789", "Vietcombank 0123456789"},
		}},
		{"vietnamese account word", "VN", "Số tài khoản: 0123456789", []found{
			{BankAccount, "VN::0123456789", "0123456789"},
		}},
		{"a bank card number is an account and a card", "CN", "银行卡 6212 2602 0012 3456 788 是收款账户", []found{
			{BankAccount, "CN::6212260200123456788", "6212 2602 0012 3456 788"},
			{Card, "6212260200123456788", "6212 2602 0012 3456 788"},
		}},
		{"a phone word ends the account context", "KR", "계좌 확인 후 전화 010-1234-5678", []found{
			{Phone, "+821012345678", "010-1234-5678"},
		}},
		{"a mobile number after the account is a phone", "KR", "입금계좌 0342185000134 으로 보내고 연락은 010-9876-5432 로 주세요", []found{
			{BankAccount, "KR::0342185000134", "0342185000134"},
			{Phone, "+821098765432", "010-9876-5432"},
		}},
		// Without a region a national number is not read at all, and the
		// account word alone names no country for either.
		{"no region: neither a national number nor a bank-less account", "", "입금계좌 0342185000134 으로 보내고 연락은 010-9876-5432 로 주세요", nil},
		{"no region: the bank's country reads the phone", "", "국민은행 입금계좌 0342185000134 으로 보내고 연락은 010-9876-5432 로 주세요", []found{
			{BankAccount, "KR:004:0342185000134", "국민은행 입금계좌 0342185000134"},
			{Phone, "+821098765432", "010-9876-5432"},
		}},
		{"a mobile number grouped as typed right after the account word", "KR", "입금계좌 010-9876-5432", []found{
			{Phone, "+821098765432", "010-9876-5432"},
		}},
		{"account digits without a phone's grouping stay an account", "KR", "계좌 01098765432 / 계좌 012-34-567890 / 계좌 3333-01-1234567", []found{
			{BankAccount, "KR::01098765432", "01098765432"},
			{BankAccount, "KR::01234567890", "012-34-567890"},
			{BankAccount, "KR::3333011234567", "3333-01-1234567"},
		}},
		{"cambodian mobile after the khmer account word", "KH", "គណនី 000 123 456 ទូរស័ព្ទ 012 345 678 គណនី 012 345 678", []found{
			{BankAccount, "KH::000123456", "000 123 456"},
			{Phone, "+85512345678", "012 345 678"},
			{Phone, "+85512345678", "គណនី »012 345 678"},
		}},
		{"vietnamese account word: a phone's digits not grouped as a phone stay an account", "VN", "Số tài khoản: 091 234 5678, STK 0912345678", []found{
			{BankAccount, "VN::0912345678", "091 234 5678"},
			{BankAccount, "VN::0912345678", "0912345678"},
		}},
		{"a number valid in another country stays an account", "KH", "입금계좌 010-9876-5432", []found{
			{BankAccount, "KH::01098765432", "010-9876-5432"},
		}},
		{"ibans", "", "IBAN DE89 3704 0044 0532 0130 00 or GB82WEST12345698765432; not DE89 3704 0044 0532 0130 01", []found{
			{BankAccount, "DE89370400440532013000", "DE89 3704 0044 0532 0130 00"},
			{BankAccount, "GB82WEST12345698765432", "GB82WEST12345698765432"},
		}},
		{"cards", "", "card 4111 1111 1111 1111, not 4111 1111 1111 1112", []found{
			{Card, "4111111111111111", "4111 1111 1111 1111"},
		}},
	})
}

func TestExtractHandles(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"korean messengers", "KR", "텔레그램 @job_manager88 과 카톡 아이디 lucky7707 로 연락", []found{
			{Handle, "telegram:job_manager88", "@job_manager88"},
			{Handle, "kakaotalk:lucky7707", "lucky7707"},
		}},
		{"line id", "TH", "ติดต่อทาง LINE ID: thai_love99 นะคะ", []found{
			{Handle, "line:thai_love99", "thai_love99"},
		}},
		{"wechat", "CN", "微信号：wx_invest_8888，让我下载 app 并充值", []found{
			{Handle, "wechat:wx_invest_8888", "wx_invest_8888"},
		}},
		{"glued to its context word", "", "ID:abc_123 WeChat:wx_abc123 Telegram:@scam_boss", []found{
			{Handle, "wechat:wx_abc123", "wx_abc123"},
			{Handle, "telegram:scam_boss", "@scam_boss"},
		}},
		{"english words are not handles", "", "Join our Telegram channel for more signals, or the WhatsApp group", nil},
		{"the colon vouches for one token", "", "Telegram (username: @sweet_lily_sg). She showed me profits", []found{
			{Handle, "telegram:sweet_lily_sg", "@sweet_lily_sg"},
		}},
		{"a messenger's number is a phone", "KR", "WhatsApp +65 8123 4567", []found{
			{Phone, "+6581234567", "+65 8123 4567"},
		}},
		{"bare @name is telegram", "", "DM @crypto_queen now", []found{
			{Handle, "telegram:crypto_queen", "@crypto_queen"},
		}},
		{"short names", "KR", "TG: scam_boss77 | tele @abc_defg | VX: wx_abc123 | Kakao ID: lucky7707 | 라인 아이디 thai_love99 주세요. 온라인 상담 abc_12345", []found{
			{Handle, "telegram:scam_boss77", "scam_boss77"},
			{Handle, "telegram:abc_defg", "@abc_defg"},
			{Handle, "wechat:wx_abc123", "wx_abc123"},
			{Handle, "kakaotalk:lucky7707", "lucky7707"},
			{Handle, "line:thai_love99", "thai_love99"},
		}},
		{"instagram", "", "follow instagram: @lily.travels", []found{
			{Handle, "instagram:lily.travels", "@lily.travels"},
		}},
	})
}

// The multilingual sample finds what a reader finds in it.
func TestExtractMultilingualSample(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "extract_multilingual.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	count := map[Kind]int{}
	values := map[string]bool{}
	for _, m := range Extract(text, Hints{Region: "KR"}) {
		checkMatch(t, text, m)
		count[m.Kind]++
		values[m.Value] = true
	}
	for _, v := range []string{
		"+821023456789", "+85512345678", "+821098765432", "+855961234567", "+8613800138000",
		"+66812345678", "+84912345678", "+6581234567",
		"KR:004:123456789012", "KR:088:110123456789", "KH:ABA:000123456", "TH:004:1234567890", "VN:VCB:0123456789",
		"GB82WEST12345698765432", "6212260200123456788", "4111111111111111",
		"telegram:job_manager88", "kakaotalk:lucky7707", "telegram:kh_recruit_2025", "wechat:wx_invest_8888",
		"telegram:profit_teacher", "line:thai_love99", "telegram:vn_tuyendung", "telegram:sweet_lily_sg",
		"telegram:binance_support_vip",
		"TLTgW1UFTfW4U2BoaeejS1coXt9EpHEhEY", "TYGLVQnPNFUN1zyTAL9R5BnMeqCgjrvW1D", "bc1qf6r3mvsj7t0yzhwhnke54dt0mwngnzhnmtm8va",
		"0xd60c83c551e43b195c2fd79dad35a9d40a917764", "181BVVHZy9bpooDWnoLtPM7hu3vrKxigb3",
		"https://global-job-korea.com/apply", "https://kh-jobs-now.com/register?ref=fb", "http://usdt-profit.vip/login",
		"http://global-crypto-trade.io/dashboard", "https://www.vieclam-campuchia.com/", "https://t.me/binance_support_vip",
		"crypto-th-profit.net", "binance-vip.com",
		"hr.team@kh-jobs-now.com", "tuyendung.vn@gmail.com", "support@global-crypto-trade.io",
		"203.0.113.45", "198.51.100.7",
	} {
		if !values[v] {
			t.Errorf("the sample's %s was not found", v)
		}
	}
	if values["TSRq3YESpfACjY6CwHTL2MtVX4jTvMG8cV"] {
		t.Error("a TRON look-alike with a wrong checksum was reported")
	}
}

// Matches come in order of Start, and a (kind, value) once per position.
func TestExtractOrderAndDuplicates(t *testing.T) {
	text := "t.me/abc_def t.me/abc_def +855 12 345 678"
	got := Extract(text, Hints{})
	seen := map[string]bool{}
	for i, m := range got {
		checkMatch(t, text, m)
		if i > 0 && got[i-1].Start > m.Start {
			t.Errorf("match %d starts at %d, before match %d at %d", i, m.Start, i-1, got[i-1].Start)
		}
		k := fmt.Sprint(m.Start, m.Kind, m.Value)
		if seen[k] {
			t.Errorf("%s reported twice at %d", m.Value, m.Start)
		}
		seen[k] = true
	}
	if len(got) != 5 {
		t.Errorf("got %d matches, want 5 (two URLs, two handles, a phone): %+v", len(got), got)
	}
}
