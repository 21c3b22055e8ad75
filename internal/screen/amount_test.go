package screen

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseAmounts(t *testing.T) {
	tests := []struct {
		in       string
		text     string // the amount's text; "" for none found
		value    float64
		high     float64 // 0: same as value
		currency string
		period   Period
		pay      bool
	}{
		// Korean
		{"일당 페이 20만", "20만", 2e5, 0, "", PeriodDay, true},
		{"월 1,000만 원 벌 수 있다", "1,000만 원", 1e7, 0, "KRW", PeriodMonth, true},
		{"누구나 월 2000", "2000", 2000, 0, "", PeriodMonth, true},
		{"₩10,000,000/월 보장", "₩10,000,000/월", 1e7, 0, "KRW", PeriodMonth, false},
		{"1000만원 가능", "1000만원", 1e7, 0, "KRW", PeriodNone, false},
		{"월 500~1000만원", "500~1000만원", 5e6, 1e7, "KRW", PeriodMonth, true},
		{"연봉 1억 2천만원", "1억 2천만원", 1.2e8, 0, "KRW", PeriodYear, true},
		{"월 천만원 보장", "천만원", 1e7, 0, "KRW", PeriodMonth, true},
		{"일당 30만원", "30만원", 3e5, 0, "KRW", PeriodDay, true},
		{"시급 10,030원", "10,030원", 10030, 0, "KRW", PeriodHour, true},
		{"3000불 드립니다", "3000불", 3000, 0, "USD", PeriodNone, false},
		{"1,000만 원을 벌었다", "1,000만 원", 1e7, 0, "KRW", PeriodNone, false},
		// English
		{"customer service in Cambodia, $3,000 a month", "$3,000 a month", 3000, 0, "USD", PeriodMonth, false},
		{"earn $3k monthly", "$3k monthly", 3000, 0, "USD", PeriodMonth, true},
		{"Salary: USD 2,000 - 5,000", "USD 2,000 - 5,000", 2000, 5000, "USD", PeriodNone, true},
		{"pays $500 a day", "$500 a day", 500, 0, "USD", PeriodDay, true},
		{"US$3,300 per month", "US$3,300 per month", 3300, 0, "USD", PeriodMonth, false},
		{"up to RM15,000 per month", "RM15,000 per month", 15000, 0, "MYR", PeriodMonth, false},
		{"£1.50/wk", "£1.50/wk", 1.5, 0, "GBP", PeriodWeek, false},
		{"3000U", "3000U", 3000, 0, "USD", PeriodNone, false},
		{"USD3000 monthly", "USD3000 monthly", 3000, 0, "USD", PeriodMonth, false},
		{"paying Rs 1 lakh per month", "Rs 1 lakh per month", 1e5, 0, "INR", PeriodMonth, true},
		{"compensation of $2,500 monthly", "$2,500 monthly", 2500, 0, "USD", PeriodMonth, true},
		// Chinese
		{"3万/月", "3万/月", 3e4, 0, "", PeriodMonth, false},
		{"月薪3万包机票", "3万", 3e4, 0, "", PeriodMonth, true},
		{"月薪三万", "三万", 3e4, 0, "", PeriodMonth, true},
		{"底薪1500U", "1500U", 1500, 0, "USD", PeriodNone, true},
		{"月入可达1-2万", "1-2万", 1e4, 2e4, "", PeriodMonth, true},
		{"五千元", "五千元", 5000, 0, "CNY", PeriodNone, false},
		{"¥8000每月", "¥8000每月", 8000, 0, "CNY", PeriodMonth, false},
		// Chinese in traditional characters
		{"時薪316元", "316元", 316, 0, "CNY", PeriodHour, true},
		{"週薪2萬", "2萬", 2e4, 0, "", PeriodWeek, true},
		{"月薪10萬新台幣", "10萬新台幣", 1e5, 0, "TWD", PeriodMonth, true},
		{"時薪NT$316", "NT$316", 316, 0, "TWD", PeriodHour, true},
		{"月薪3萬港元", "3萬港元", 3e4, 0, "HKD", PeriodMonth, true},
		// A pay word after the sum, Chinese with 的, English bare.
		{"對方提供1個月至少30萬台幣的薪資", "30萬台幣的薪資", 3e5, 0, "TWD", PeriodNone, true},
		{"开出2万元工资", "2万元工资", 2e4, 0, "CNY", PeriodNone, true},
		{"a $800 salary and free food", "$800 salary", 800, 0, "USD", PeriodNone, true},
		{"买了30萬台幣的房子", "30萬台幣", 3e5, 0, "TWD", PeriodNone, false},
		{"a $800 salad", "$800", 800, 0, "USD", PeriodNone, false},
		// Khmer
		{"៣០០០ដុល្លារ", "៣០០០ដុល្លារ", 3000, 0, "USD", PeriodNone, false},
		{"ប្រាក់ខែ ១៥០០ ដុល្លារ ក្នុងមួយខែ", "១៥០០ ដុល្លារ ក្នុងមួយខែ", 1500, 0, "USD", PeriodMonth, true},
		{"៤០០,០០០ រៀល", "៤០០,០០០ រៀល", 400000, 0, "KHR", PeriodNone, false},
		// Thai
		{"เงินเดือน 50,000 บาท", "50,000 บาท", 50000, 0, "THB", PeriodMonth, true},
		{"รายได้ ๓๐,๐๐๐ บาท/เดือน", "๓๐,๐๐๐ บาท/เดือน", 30000, 0, "THB", PeriodMonth, true},
		{"วันละ 1,500 บาท", "1,500 บาท", 1500, 0, "THB", PeriodDay, true},
		{"฿1 ล้าน", "฿1 ล้าน", 1e6, 0, "THB", PeriodNone, false},
		{"ค่าตอบแทน 50,000 บาท", "50,000 บาท", 50000, 0, "THB", PeriodNone, true},
		{"ค่าแรง 500 บาทต่อวัน", "500 บาทต่อวัน", 500, 0, "THB", PeriodDay, true},
		// Vietnamese
		{"lương cứng 15 triệu đồng", "15 triệu đồng", 15e6, 0, "VND", PeriodMonth, true},
		{"lương tháng đầu 23 triệu đồng", "23 triệu đồng", 23e6, 0, "VND", PeriodMonth, true},
		{"lương khởi điểm 20 triệu", "20 triệu", 20e6, 0, "", PeriodMonth, true},
		{"lương cơ bản 12 triệu đồng", "12 triệu đồng", 12e6, 0, "VND", PeriodMonth, true},
		{"tháng đầu 23 triệu đồng", "23 triệu đồng", 23e6, 0, "VND", PeriodNone, false}, // no pay word
		{"15tr/tháng", "15tr/tháng", 15e6, 0, "", PeriodMonth, false},
		{"lương 20 củ/tháng", "20 củ/tháng", 20e6, 0, "", PeriodMonth, true},
		{"15.000.000đ/tháng", "15.000.000đ/tháng", 15e6, 0, "VND", PeriodMonth, false},
		{"thu nhập 500.000 - 1 triệu đồng/ngày", "500.000 - 1 triệu đồng/ngày", 5e5, 1e6, "VND", PeriodDay, true},
		{"lương 8-10 triệu đồng/tháng", "8-10 triệu đồng/tháng", 8e6, 10e6, "VND", PeriodMonth, true},
		{"1,5 triệu", "1,5 triệu", 1.5e6, 0, "", PeriodNone, false},
		{"lương 2000$", "2000$", 2000, 0, "USD", PeriodNone, true},
		{"500k/ngày", "500k/ngày", 5e5, 0, "", PeriodDay, false},
		{"luong 20 trieu/thang", "20 trieu/thang", 2e7, 0, "", PeriodMonth, true},                                                  // typed without marks
		{"lương 20 trie\u0323\u0302u đồng/tha\u0301ng", "20 trie\u0323\u0302u đồng/tha\u0301ng", 2e7, 0, "VND", PeriodMonth, true}, // marks typed apart
		{"thu nhap tu 5 den 10 trieu", "5 den 10 trieu", 5e6, 1e7, "", PeriodNone, true},
		// Indonesian: Rp with dots for thousands and a comma for decimals,
		// juta/jt (million) and ribu/rb (thousand), per bulan/hari/minggu
		{"gaji Rp 15.000.000 per bulan", "Rp 15.000.000 per bulan", 15e6, 0, "IDR", PeriodMonth, true},
		{"Rp15 juta", "Rp15 juta", 15e6, 0, "IDR", PeriodNone, false},
		{"gaji 15jt/bulan", "15jt/bulan", 15e6, 0, "", PeriodMonth, true},
		{"upah harian 500rb", "500rb", 5e5, 0, "", PeriodDay, true},
		{"gaji 2000 USD per bulan", "2000 USD per bulan", 2000, 0, "USD", PeriodMonth, true},
		{"gaji Rp 5,4 juta", "Rp 5,4 juta", 5.4e6, 0, "IDR", PeriodNone, true},
		{"gaji 1.000 hingga 1.500 dolar AS", "1.000 hingga 1.500 dolar AS", 1000, 1500, "USD", PeriodNone, true},
		{"bayaran Rp. 900.000 per hari", "Rp. 900.000 per hari", 9e5, 0, "IDR", PeriodDay, true},
		{"gaji mulai dari Rp 7 juta", "Rp 7 juta", 7e6, 0, "IDR", PeriodNone, true},
		{"gaji pokok Rp 4.500.000", "Rp 4.500.000", 4.5e6, 0, "IDR", PeriodMonth, true},
		{"penghasilan 3 jt seminggu", "3 jt seminggu", 3e6, 0, "", PeriodWeek, true},
		{"komisi 50 ribu/hari", "50 ribu/hari", 5e4, 0, "", PeriodDay, true},
		{"gaji sebesar Rp 10 juta sebulan", "Rp 10 juta sebulan", 1e7, 0, "IDR", PeriodMonth, true},
		{"kontrak 3 bulan", "", 0, 0, "", PeriodNone, false},
		// Particles, adverbs and currency names between or after
		{"월급은 600만원이며", "600만원", 6e6, 0, "KRW", PeriodMonth, true},
		{"주급이 100만원", "100만원", 1e6, 0, "KRW", PeriodWeek, true},
		{"薪资就有8000,另外还有提成", "8000", 8000, 0, "", PeriodNone, true},
		{"一个月轻轻松松2、3万", "2、3万", 2e4, 3e4, "", PeriodMonth, true},
		{"Pay per Month 1,800,000~2,300,000 Korean Won", "1,800,000~2,300,000 Korean Won", 1.8e6, 2.3e6, "KRW", PeriodMonth, true},
		{"earn easily $2,000 per month", "$2,000 per month", 2000, 0, "USD", PeriodMonth, true},
		// Full-width digits
		{"月薪３０００美元", "３０００美元", 3000, 0, "USD", PeriodMonth, true},
		// Not amounts
		{"call 010-1234-5678 now", "", 0, 0, "", "", false},
		{"+855 12 345 678", "", 0, 0, "", "", false},
		{"flight A320 at 9:30", "", 0, 0, "", "", false},
		{"3월 15일", "", 0, 0, "", "", false},
		{"천천히 만나요", "", 0, 0, "", "", false},
		{"2024-2025 season", "", 0, 0, "", "", false},
		{"I have 3 kids", "", 0, 0, "", "", false},
		{"5km away", "", 0, 0, "", "", false},
	}
	for _, tt := range tests {
		got := ParseAmounts(tt.in)
		if tt.text == "" {
			if len(got) != 0 {
				t.Errorf("ParseAmounts(%q) = %+v, want none", tt.in, got)
			}
			continue
		}
		if len(got) != 1 {
			t.Errorf("ParseAmounts(%q) found %d amounts %+v, want 1", tt.in, len(got), got)
			continue
		}
		a := got[0]
		high := tt.high
		if high == 0 {
			high = tt.value
		}
		if a.Text != tt.text || math.Abs(a.Value-tt.value) > 1e-6 || math.Abs(a.High-high) > 1e-6 ||
			a.Currency != tt.currency || a.Period != tt.period || a.Pay != tt.pay {
			t.Errorf("ParseAmounts(%q) = {text %q value %v high %v cur %q period %q pay %v}, want {%q %v %v %q %q %v}",
				tt.in, a.Text, a.Value, a.High, a.Currency, a.Period, a.Pay, tt.text, tt.value, high, tt.currency, tt.period, tt.pay)
		}
		if tt.in[a.Start:a.End] != a.Text {
			t.Errorf("ParseAmounts(%q): offsets %d:%d do not give %q", tt.in, a.Start, a.End, a.Text)
		}
	}
}

func TestMultiplierCurrency(t *testing.T) {
	for in, want := range map[string]string{
		"luong 15 trieu": "VND", "8-10 triệu đồng": "VND", "월 300만": "KRW", "月薪3万": "", "$3k": "", "500k/ngày": "",
		"gaji 15 juta": "IDR", "500rb/hari": "IDR", "gaji 2 jt": "IDR",
	} {
		got := ParseAmounts(in)
		if len(got) != 1 || got[0].hint != want {
			t.Errorf("ParseAmounts(%q) = %+v, want one amount with hint %q", in, got, want)
		}
	}
}

func TestParseAmountsMany(t *testing.T) {
	in := strings.Repeat("$100 a day ", MaxAmounts+10)
	if got := ParseAmounts(in); len(got) != MaxAmounts {
		t.Errorf("got %d amounts, want the cap %d", len(got), MaxAmounts)
	}
	got := ParseAmounts("월 300만원, 일당 20만원 and $50/hour")
	if len(got) != 3 || got[0].Period != PeriodMonth || got[1].Period != PeriodDay || got[2].Period != PeriodHour {
		t.Errorf("three amounts: got %+v", got)
	}
}

func FuzzParseAmounts(f *testing.F) {
	for _, s := range []string{
		"월 1,000만 원", "$3k/month", "3万/月", "៣០០០ដុល្លារ", "15.000.000đ/tháng", "เงินเดือน ๓๐,๐๐๐ บาท",
		"1억 2천만원", "500~1000만원", "9999999999999999999999", "1.2.3.4", "\xff1,000\xfe만", "천만에요",
		"lương 20 trie\u0323\u0302u/tha\u0301ng", "\u03011\u0301,\u0301000", "2、3万、4", "월급은 600만원이며",
		"提供30萬台幣的薪資", "$800 salary", "5万 的 工资", "gaji Rp 5,4 juta per bulan", "15jt/bln", "Rp. 900.000",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prevEnd := 0
		for _, a := range ParseAmounts(s) {
			if a.Start < 0 || a.End > len(s) || a.Start >= a.End {
				t.Fatalf("bad span %d:%d in %q", a.Start, a.End, s)
			}
			if s[a.Start:a.End] != a.Text {
				t.Fatalf("span text %q != %q", s[a.Start:a.End], a.Text)
			}
			if a.End < prevEnd && a.Start < prevEnd && a.Start > prevEnd {
				t.Fatalf("overlapping amounts in %q", s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(a.Text) {
				t.Fatalf("span cuts a rune: %q", a.Text)
			}
			if math.IsNaN(a.Value) || math.IsInf(a.Value, 0) || a.Value < 0 || a.High < a.Value {
				t.Fatalf("bad value %v..%v for %q", a.Value, a.High, a.Text)
			}
			prevEnd = a.End
		}
	})
}
