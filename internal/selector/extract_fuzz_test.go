package selector

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzExtract: Extract never panics, and every match is a real span of the
// text, in order, that parses again into the selector reported.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Call +855 (0)12 345 678 or 012.345.678, (+855) 96 123 4567",
		"연락처 010-1234-5678 텔레그램 @scam_king 카톡 아이디 lucky777 국민은행 123-456-789012",
		"ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ 전화０１０－１２３４－５６７８",
		"លេខ ០១២ ៣៤៥ ៦៧៨ ធនាគារ ABA 000 123 456",
		"hxxps://binance-vip[.]com/login binance-vip[.]com john(at)x[.]com 192.168[.]1[.]10 2001:db8::1",
		"0x52908400098527886E0F7030069857D2E4169EE7 1BoatSLRHtKNngkdXEeobR76b53LETtpyT t.me/scam wa.me/85512345678",
		"IBAN DE89 3704 0044 0532 0130 00 card 4111 1111 1111 1111 银行卡 6212 2602 0012 3456 788",
		"微信号：wx_invest_8888 LINE ID: thai_love99 Số tài khoản Vietcombank 0123456789 Zalo 0912 345 678",
		"www.Ldew.com1win150ppmx3age16 0871277810910p/min call09050000327 078498****7",
		"\xff\xfe\x00 +855\xe1\x9f\xa0\xe1\x9f 12 [.]( [ ( @ @@ a@ @a :// hxxp:// 0x",
		"ID:ID:ID: Telegram:Telegram: 계좌 계좌 ธนาคาร",
		"입금계좌 0342185000134 으로 보내고 연락은 010-9876-5432 로 주세요 គណនី 012 345 678",
	} {
		f.Add(s, "KH")
		f.Add(s, "")
	}
	if raw, err := os.ReadFile(filepath.Join("testdata", "extract_multilingual.txt")); err == nil {
		for _, line := range strings.Split(string(raw), "\n") {
			f.Add(line, "KR")
		}
	}
	norm := NewNormalizer(0)
	f.Fuzz(func(t *testing.T, text, region string) {
		got := Extract(text, Hints{Region: region})
		for i, m := range got {
			checkMatch(t, text, m)
			if i > 0 && got[i-1].Start > m.Start {
				t.Fatalf("match %d at %d comes after match %d at %d", i, m.Start, i-1, got[i-1].Start)
			}
		}
		// A Normalizer finds the same.
		with := Extract(text, Hints{Region: region, Normalizer: norm})
		if len(with) != len(got) {
			t.Fatalf("%d matches with a Normalizer, %d without", len(with), len(got))
		}
		for i := range got {
			if with[i] != got[i] {
				t.Fatalf("match %d: %+v with a Normalizer, %+v without", i, with[i], got[i])
			}
		}
	})
}

// Broken and hostile input: invalid UTF-8, binary garbage, long runs of
// what each detector looks for, a 10 MB line. Extract must finish (in time
// linear in the input: see BenchmarkExtractHostile) and still find what
// is there.
func TestExtractHostileInput(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	garbage := make([]byte, 1<<20)
	x := uint32(2463534242)
	for i := range garbage {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		garbage[i] = byte(x)
	}
	for _, c := range []struct {
		name  string
		text  string
		count int // matches expected; -1: any
	}{
		{"binary garbage", string(garbage), -1},
		{"invalid utf-8", strings.Repeat("\xe1\x9f\xff\xc2+\xef\xbc", 100000), 0},
		{"digits and spaces", strings.Repeat("1 ", 1<<20), 0},
		{"one long number", strings.Repeat("9", 1<<20), 0},
		{"at signs", strings.Repeat("a@", 1<<20), 0},
		{"dots", strings.Repeat("a.", 1<<20), 0},
		{"brackets", strings.Repeat("[.](dot)", 1<<18), 0},
		{"colons", strings.Repeat("a:", 1<<20), 0},
		{"hex", strings.Repeat("0x", 1<<20), 0},
		{"context words", strings.Repeat("Telegram: 계좌 ", 1<<16), 0},
		{"context prefixes", strings.Repeat("ID:", 1<<20), 0},
		{"closing brackets", "http://a.com/" + strings.Repeat(")", 1<<20), -1},
		{"addresses in one run", strings.Repeat("ab@cd.com/", 1<<18), -1},
		{"10 MB line", strings.Repeat("call +855 12 345 678 or see t.me/scam_support or mail a.b@example.com ", 10<<20/69), 4 * (10 << 20 / 69)},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Extract(c.text, Hints{Region: "KH"})
			if c.count >= 0 && len(got) != c.count {
				t.Errorf("%d matches, want %d", len(got), c.count)
			}
			for _, m := range got[:min(len(got), 1000)] {
				checkMatch(t, c.text, m)
			}
		})
	}
}

// BenchmarkExtractHostile times the hostile inputs per byte: a rate that
// falls as the input grows would mean worse than linear time.
func BenchmarkExtractHostile(b *testing.B) {
	for _, c := range []struct{ name, unit string }{
		{"digits", "1 "}, {"at", "a@"}, {"dots", "a."}, {"brackets", "[.]"}, {"prefixes", "ID:"},
		{"closing", "http://a.com/))))))"}, {"addresses", "ab@cd.com/"},
		{"mixed", "call +855 12 345 678 t.me/x_y_z a@b.co "},
	} {
		for _, size := range []int{1 << 16, 1 << 20} {
			text := strings.Repeat(c.unit, size/len(c.unit))
			b.Run(fmt.Sprintf("%s/%dKiB", c.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				cpu := cpuTime()
				for b.Loop() {
					Extract(text, Hints{Region: "KH"})
				}
				reportCPURate(b, cpu, len(text))
			})
		}
	}
}
