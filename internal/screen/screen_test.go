package screen

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkSpans verifies the contract: every reason's start/end are byte
// offsets into the text, and Text is what they cut out.
func checkSpans(t *testing.T, text string, r *Result) {
	t.Helper()
	for _, x := range r.Reasons {
		if x.Start < 0 || x.End > len(text) || x.Start >= x.End || text[x.Start:x.End] != x.Text {
			t.Errorf("reason %s: span %d:%d does not cut %q out of the text", x.Code, x.Start, x.End, x.Text)
		}
		if x.Message == "" || strings.Contains(x.Message, "{") {
			t.Errorf("reason %s: message %q is empty or has an unfilled placeholder", x.Code, x.Message)
		}
		for _, sp := range x.Spans {
			if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
				t.Errorf("reason %s: extra span %d:%d out of range", x.Code, sp.Start, sp.End)
			}
		}
	}
	for _, c := range r.Selectors {
		if c.Start < 0 || c.End > len(text) || c.Start >= c.End {
			t.Errorf("selector %s: span %d:%d out of range", c.Value, c.Start, c.End)
		}
	}
}

func TestAssessByLanguage(t *testing.T) {
	s := defaultTestScreener(t)
	tests := []struct {
		name, text, lang string
		level            Level
		kind             string
		codes            []string // codes that must be among the reasons
	}{
		// Korean
		{"ko lure", "캄보디아 시아누크빌 고객상담 알바, 월 1000만원 보장, 경력 무관, 항공권·숙소 제공. 텔레 @kh_jobs88", "ko", High, "lure",
			[]string{"destination.level3", "pay.far_above_unskilled", "no_experience", "travel_paid", "contact.messenger_only_job"}},
		// A job applied for only through a messenger: a lure sign, elevated
		// with a vague job title; alone (a Seoul café on KakaoTalk) it stays
		// low, and outside a job offer it is the weaker contact sign.
		{"en vague job over Telegram only", "Hiring customer service staff, DM @fastjob_hr on Telegram", "en", Elevated, "lure",
			[]string{"contact.messenger_only_job", "cs_job"}},
		{"ko genuine café on KakaoTalk", "서울 강남 카페 바리스타 모집, 시급 11,000원, 카톡 ID coffee_seoul 로 연락", "ko", Low, "", []string{"contact.messenger_only_job"}},
		{"en friend on WhatsApp", "Dinner at 7? wa.me/85512345678", "en", Low, "", []string{"contact.messenger_only"}},
		{"ko account lending", "국제발신 정상 계좌구함 월 300만원 선지급 해드립니다. 간단한 이체업무", "ko", High, "lure", []string{"account_request"}},
		{"ko genuine factory", "생산직 모집, 경력 무관, 기숙사 제공, 월 280만원, 4대보험, 주 5일", "ko", Low, "", nil},
		{"ko genuine Seoul developer", "[채용] 백엔드 개발자 경력 5년 이상, 서울, 연봉 8,000만 원, 이력서 recruit@example.co.kr", "ko", Low, "", nil},
		{"ko ordinary", "엄마 오늘 저녁에 늦어. 밥 먼저 먹어.", "ko", Low, "", nil},
		// English
		{"en lure", "customer service in Cambodia, $3,000 a month, no experience, flight and visa paid, contact on Telegram", "en", High, "lure",
			[]string{"pay.far_above_unskilled", "no_experience", "travel_paid", "messenger_contact", "destination.country"}},
		{"en pig butchering", "Sorry, wrong number! Since we're here, can we be friends? My uncle taught me a trading platform with daily profit.", "en", High, "scam",
			[]string{"wrong_number", "investment"}},
		{"en prize", "URGENT! Your Mobile number has been awarded with a £2000 prize GUARANTEED. Call 09058094455 from land line. Claim 3030. Valid 12hrs only", "en", High, "scam", []string{"prize"}},
		{"en genuine Phnom Penh", "We are hiring a Customer Service Representative in Phnom Penh. Salary USD 450 per month, NSSF, annual leave, 1 year of experience. Send your CV to hr@example.com.kh", "en", Low, "", nil},
		{"en ordinary", "Hey, are you coming to football tonight? We start at 7.", "en", Low, "", nil},
		// Chinese
		{"zh lure", "西港急招客服,月薪3000U起,包吃包住包机票,小白可做,加飞机详聊", "zh", High, "lure",
			[]string{"destination.level3", "pay.far_above_unskilled", "travel_paid", "no_experience", "messenger_contact"}},
		{"zh genuine", "招聘Java后端开发工程师,工作地点上海,月薪25k-35k,五险一金,三年以上工作经验,请发送简历。", "zh", Low, "", nil},
		{"zh ordinary", "明天下午三点开会,记得带上报告。", "zh", Low, "", nil},
		// Khmer
		{"km lure", "ជ្រើសរើសបុគ្គលិកវាយអត្ថបទនៅប៉ោយប៉ែត ប្រាក់ខែ ១៥០០ ដុល្លារ មិនត្រូវការបទពិសោធន៍ ទាក់ទងតាមតេឡេក្រាម", "km", High, "lure",
			[]string{"destination.level4", "pay.far_above_unskilled", "no_experience"}},
		{"km genuine", "រោងចក្រកាត់ដេរ ជ្រើសរើសកម្មករ ប្រាក់ខែ ២០៨ ដុល្លារ មាន ប.ស.ស ធ្វើការ ៨ ម៉ោង", "km", Low, "", nil},
		{"km ordinary", "ម៉ាក់ ខ្ញុំផ្ញើលុយទៅហើយ", "km", Low, "", nil},
		// Thai
		{"th lure", "รับสมัครแอดมินตอบแชท ทำงานที่เมียวดี เงินเดือน 50,000 บาท ไม่ต้องมีประสบการณ์ ออกค่าเดินทางให้ สนใจทักไลน์", "th", High, "lure",
			[]string{"destination.hub", "pay.far_above_unskilled", "no_experience", "travel_paid"}},
		{"th genuine", "รับสมัครพนักงานบัญชี วุฒิปริญญาตรี ประสบการณ์อย่างน้อย 2 ปี เงินเดือน 25,000 บาท มีประกันสังคม", "th", Low, "", nil},
		{"th ordinary", "พรุ่งนี้เจอกันที่ร้านกาแฟตอนเก้าโมงนะ", "th", Low, "", nil},
		// Vietnamese
		{"vi lure", "Tuyển gấp nhân viên chăm sóc khách hàng làm việc tại Campuchia, lương 40 triệu/tháng, không cần kinh nghiệm, bao vé máy bay, bao ăn ở", "vi", High, "lure",
			[]string{"pay.far_above_unskilled", "no_experience", "travel_paid"}},
		{"vi genuine", "Tuyển nhân viên chăm sóc khách hàng tại Hà Nội, lương 9-12 triệu đồng/tháng, đóng BHXH đầy đủ, ký hợp đồng lao động.", "vi", Low, "", nil},
		{"vi ordinary", "Chiều nay con về muộn, mẹ đừng đợi cơm nhé.", "vi", Low, "", nil},
		// Vietnamese typed without marks is detected as Vietnamese, and its phrases match.
		{"vi lure without marks", "Tuyen gap nhan vien cham soc khach hang sang Campuchia, luong 40 trieu/thang, khong can kinh nghiem, bao ve may bay, bao an o", "vi", High, "lure",
			[]string{"pay.far_above_unskilled", "no_experience", "travel_paid", "cs_job"}},
		// The same lure with tones typed as separate combining marks.
		{"vi lure with combining marks", "Tuye\u0309n ga\u0302\u0301p nhân viên chăm sóc khách hàng ta\u0323i Campuchia, lương 40 trie\u0323\u0302u/tha\u0301ng, không câ\u0300n kinh nghiê\u0323m, bao vé máy bay", "vi", High, "lure",
			[]string{"pay.far_above_unskilled", "no_experience", "travel_paid"}},
		{"vi fee", "Tuyển cộng tác viên, nộp phí hồ sơ 300.000 đồng để nhận việc", "vi", Elevated, "lure", []string{"fee"}},
		// Indonesian
		{"id lure", "Dibutuhkan segera customer service di Kamboja, gaji 30 juta per bulan, tanpa pengalaman, tiket pesawat gratis, mess disediakan. Minat hubungi WA 0812-3456-7890", "id", High, "lure",
			[]string{"destination.country", "pay.far_above_unskilled", "no_experience", "travel_paid", "housing_provided", "messenger_contact", "urgency"}},
		{"id lure in dollars", "Dicari admin online untuk perusahaan di Thailand, gaji 1.500 dolar AS per bulan, visa dan tiket ditanggung perusahaan, langsung berangkat", "id", High, "lure",
			[]string{"pay.above", "travel_paid", "typing_job"}},
		{"id task scam", "Kerja paruh waktu dari rumah, like video YouTube, komisi per tugas Rp 15.000. Minat chat WA", "id", Elevated, "scam", []string{"task_scam", "side_job", "messenger_contact"}},
		{"id fee", "Lowongan kerja kantor, biaya pendaftaran Rp 250.000 ditransfer dulu sebelum wawancara", "id", Elevated, "lure", []string{"fee"}},
		{"id genuine Jakarta well paid", "PT Maju Jaya membuka lowongan Senior Software Engineer di Jakarta. Gaji Rp 35-45 juta per bulan, pengalaman minimal 5 tahun, BPJS, THR. Kirim CV melalui situs karier kami.", "id", Low, "", nil},
		{"id genuine admin Jakarta", "Lowongan staf administrasi di Jakarta Selatan, gaji Rp 5,4 juta per bulan, BPJS Ketenagakerjaan, kontrak kerja 1 tahun. Kirim CV ke hrd@contoh.co.id", "id", Low, "", nil},
		{"id warning", "Waspada lowongan kerja ke Kamboja dengan gaji besar dan tanpa pengalaman. Cek dulu ke BP2MI atau KBRI sebelum berangkat.", "id", Low, "", nil},
		{"id ordinary", "Ma, aku sampai rumah jam tujuh ya, jangan lupa beli telur.", "id", Low, "", nil},
		// A genuine overseas teaching job: flight and housing paid, pay in won.
		{"en genuine teacher in Korea", "Pay per Month 2,100,000 Korean Won. Airfare: roundtrip ticket is paid for. Housing provided. Bachelor degree required, E-2 visa.", "en", Low, "", nil},
		// Mixed scripts: a Korean ad with English and Khmer in it.
		{"mixed", "Bavet 바벳 office, 월 800만원, no experience, ការងារស្រួល, Telegram @bv_office", "en", High, "lure",
			[]string{"destination.level4", "no_experience", "easy_work"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := assessCase(t, s, tt.text, tt.level, tt.kind, tt.codes)
			if res.Language != tt.lang || res.MessageLanguage != tt.lang {
				t.Errorf("language %s, messages in %s, want the text's language %s", res.Language, res.MessageLanguage, tt.lang)
			}
		})
	}
}

// assessCase screens text and checks its level, kind and that codes are
// among the reasons.
func assessCase(t *testing.T, s *Screener, text string, level Level, kind string, codes []string) *Result {
	t.Helper()
	res, err := s.Assess(context.Background(), text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, text, res)
	if res.Level != level || res.Kind != kind {
		t.Errorf("got level %s kind %q (score %d), want %s %q; reasons %v", res.Level, res.Kind, res.Score, level, kind, codesOf(res))
	}
	for _, c := range codes {
		if !hasCode(res, c) {
			t.Errorf("missing reason %s; got %v", c, codesOf(res))
		}
	}
	return res
}

func codesOf(r *Result) []string {
	var out []string
	for _, x := range r.Reasons {
		out = append(out, x.Code)
	}
	return out
}

// TestAssessPayMessage checks the reason a person reads for the example.
func TestAssessPayMessage(t *testing.T) {
	text := "월 1,000만 원 벌 수 있다, 경력 무관, 캄보디아 근무"
	res, err := Assess(text)
	if err != nil {
		t.Fatal(err)
	}
	var pay *Reason
	for i := range res.Reasons {
		if res.Reasons[i].Code == "pay.far_above_unskilled" {
			pay = &res.Reasons[i]
		}
	}
	if pay == nil {
		t.Fatalf("no pay reason: %v", codesOf(res))
	}
	if pay.Text != "월 1,000만 원" {
		t.Errorf("pay reason quotes %q, want the amount with its period", pay.Text)
	}
	for _, want := range []string{"KRW 10,000,000", "경력이 필요 없는", "캄보디아", "190–400"} {
		if !strings.Contains(pay.Message, want) {
			t.Errorf("pay message %q lacks %q", pay.Message, want)
		}
	}
	if len(res.Amounts) != 1 || res.Amounts[0].MonthlyUSD != 6900 || res.Amounts[0].Country != "KH" {
		t.Errorf("amounts = %+v", res.Amounts)
	}
	en, _ := defaultTestScreener(t).Assess(context.Background(), text, Options{Lang: "en"})
	for _, x := range en.Reasons {
		if x.Code == "pay.far_above_unskilled" && !strings.Contains(x.Message, "offers KRW 10,000,000 a month") {
			t.Errorf("English message %q", x.Message)
		}
	}
}

// TestAssessIndonesianPay checks that Indonesian pay is read and compared
// with Indonesia's usual pay: 30 million rupiah a month for customer
// service is far above it, a Jakarta admin's 5.4 million is not, and pay in
// dollars in an Indonesian ad says the job is abroad.
func TestAssessIndonesianPay(t *testing.T) {
	for _, tc := range []struct {
		text       string
		code       string // a pay reason it must have, or ""
		monthlyUSD float64
		role       string
	}{
		{"gaji 30 juta per bulan untuk customer service tanpa pengalaman", "pay.far_above_unskilled", 1800, "customer_service"},
		{"Lowongan customer service, gaji Rp 15jt/bulan", "pay.above", 900, "customer_service"},
		{"Lowongan staf admin di Jakarta, gaji Rp 5,4 juta per bulan", "", 324, "typing"},
		{"Dicari operator produksi, gaji pokok Rp 4.500.000", "", 270, "factory"},
		{"Lowongan staf admin, gaji 2000 USD per bulan", "pay.foreign_currency", 2000, "typing"},
		{"Lowongan staf admin, upah harian Rp 1jt", "pay.far_above", 1320, "typing"},
	} {
		res, err := Assess(tc.text)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Amounts) != 1 || res.Amounts[0].MonthlyUSD != tc.monthlyUSD || res.Amounts[0].Role != tc.role || res.Amounts[0].Country != "ID" {
			t.Errorf("%q: amounts %+v, want one of %v USD a month for %s in ID", tc.text, res.Amounts, tc.monthlyUSD, tc.role)
		}
		var pays []string
		for _, r := range res.Reasons {
			if strings.HasPrefix(r.Code, "pay.") {
				pays = append(pays, r.Code)
			}
		}
		if tc.code == "" && len(pays) > 0 {
			t.Errorf("%q: pay reasons %v, want none", tc.text, pays)
		}
		if tc.code != "" && !slices.Contains(pays, tc.code) {
			t.Errorf("%q: pay reasons %v, want %s", tc.text, pays, tc.code)
		}
	}
}

// TestIndonesianMessages checks that an Indonesian text gets its reasons
// in Indonesian, with the pay, job and country named in Indonesian.
func TestIndonesianMessages(t *testing.T) {
	res, err := Assess("gaji 30 juta per bulan untuk customer service tanpa pengalaman")
	if err != nil {
		t.Fatal(err)
	}
	if res.MessageLanguage != "id" {
		t.Fatalf("MessageLanguage = %q, want id", res.MessageLanguage)
	}
	var pay string
	for _, r := range res.Reasons {
		if r.Code == "pay.far_above_unskilled" {
			pay = r.Message
		}
	}
	for _, want := range []string{"IDR 30,000,000 per bulan", "sekitar US$1,800 per bulan", "tanpa pengalaman", "layanan pelanggan di Indonesia", "US$180–600"} {
		if !strings.Contains(pay, want) {
			t.Errorf("pay message %q lacks %q", pay, want)
		}
	}
}

// TestAssessVietnamesePayKinds checks that pay named by its kind (first
// month, starting, base) is read as monthly pay and compared, and that the
// same sum without a pay word is not.
func TestAssessVietnamesePayKinds(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Tuyển nhân viên, lương tháng đầu 23 triệu đồng, không cần kinh nghiệm", true},
		{"Tuyển nhân viên, lương khởi điểm 25 triệu đồng, không cần kinh nghiệm", true},
		{"Tuyen nhan vien, luong co ban 30 trieu, khong can kinh nghiem", true},
		{"Tuyển nhân viên, tháng đầu 23 triệu đồng tiền nhà, không cần kinh nghiệm", false},
		{"Tuyển nhân viên, lương cơ bản 8 triệu đồng, không cần kinh nghiệm", false},
	} {
		res, err := Assess(tc.text)
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, r := range res.Reasons {
			if r.Code == "pay.above" || strings.HasPrefix(r.Code, "pay.far_above") {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("%q: pay above the usual = %v, want %v (%v)", tc.text, got, tc.want, codesOf(res))
		}
	}
}

// TestMessagesInEveryLanguage asks for every language's messages on texts
// that fire most signals and checks each is filled in.
func TestMessagesInEveryLanguage(t *testing.T) {
	s := defaultTestScreener(t)
	texts := []string{
		"customer service in Bavet, $3,000 a month, no experience, flight and visa paid, send a photo of your passport, contact Telegram @hr_bavet",
		"Job in Sihanoukville, Myawaddy, Phnom Penh, Siem Reap or the Golden Triangle, $1,000 a month, WhatsApp only",
		"Sorry, wrong number. Can we be friends? Guaranteed profit on my trading platform. You have won a prize, claim now.",
	}
	for _, lang := range []string{"ko", "en", "zh", "km", "th", "vi", "id"} {
		for _, text := range texts {
			res, err := s.Assess(context.Background(), text, Options{Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, text, res)
			if res.MessageLanguage != lang {
				t.Errorf("MessageLanguage = %s, want %s", res.MessageLanguage, lang)
			}
			if len(res.Reasons) < 4 {
				t.Errorf("%s: only %d reasons for %q", lang, len(res.Reasons), text)
			}
		}
	}
}

func TestAssessBadInput(t *testing.T) {
	s := defaultTestScreener(t)
	ctx := context.Background()
	tests := []struct {
		name string
		text string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"blank", " \n\t ", ErrEmpty},
		{"too large", strings.Repeat("a", DefaultMaxBytes+1), ErrTooLarge},
		{"NUL", "hello\x00world", ErrNotText},
		{"binary", string([]byte{0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0xfd, 0xfc, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88}), ErrNotText},
	}
	for _, tt := range tests {
		_, err := s.Assess(ctx, tt.text, Options{})
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
	}
	// At the limit is fine, and a few stray bytes in real text are tolerated.
	big := strings.Repeat("월 1,000만 원 경력 무관 ", DefaultMaxBytes/40)
	if res, err := s.Assess(ctx, big, Options{}); err != nil || res.Level != High {
		t.Errorf("big text: %v, %+v", err, res)
	}
	if res, err := s.Assess(ctx, "no experience \xff\xfe needed, $3,000 a month in Bavet", Options{}); err != nil || res.Level == Low {
		t.Errorf("text with two bad bytes: %v, %+v", err, res)
	}
	// A larger limit can be configured.
	s2, err := New(Config{MaxBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s2.Assess(ctx, strings.Repeat("a ", 100000), Options{}); err != nil {
		t.Errorf("200 kB under a 1 MiB limit: %v", err)
	}
	// Punctuation only has no language but is judged.
	if res, err := s.Assess(ctx, "!!! ??? 123", Options{}); err != nil || res.Language != "und" || res.Level != Low || res.MessageLanguage != "en" {
		t.Errorf("punctuation: %v %+v", err, res)
	}
}

type fakeLookup map[string]string

func (f fakeLookup) Status(ctx context.Context, kind, value string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if st, ok := f[kind+":"+value]; ok {
		if st == "error" {
			return "", errors.New("store down")
		}
		return st, nil
	}
	return NotListed, nil
}

func TestAssessListedContacts(t *testing.T) {
	lookup := fakeLookup{"handle:@scam_hr": Listed, "phone:+85512345678": Allowlisted, "handle:@broken": "error"}
	s, err := New(Config{Lookup: lookup})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// A listed contact in an otherwise plain text raises low to elevated.
	res, err := s.Assess(ctx, "Hello, please message @scam_hr about the job", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Level != Elevated || !hasCode(res, "contact.listed") || len(res.Selectors) != 1 || res.Selectors[0].Status != Listed {
		t.Errorf("listed handle: level %s reasons %v selectors %+v", res.Level, codesOf(res), res.Selectors)
	}
	// With other signs it goes to high.
	res, _ = s.Assess(ctx, "Customer service job in Poipet, contact @scam_hr", Options{})
	if res.Level != High {
		t.Errorf("listed handle with a banned destination: level %s score %d", res.Level, res.Score)
	}
	// Allowlisted and failing lookups are reported, not counted.
	res, _ = s.Assess(ctx, "Call the embassy at +855 12 345 678 or ask @broken", Options{})
	st := map[string]string{}
	for _, c := range res.Selectors {
		st[c.Value] = c.Status
	}
	if st["+85512345678"] != Allowlisted || st["@broken"] != Unknown || hasCode(res, "contact.listed") {
		t.Errorf("statuses %v, reasons %v", st, codesOf(res))
	}
	// Without a lookup every status is unknown.
	res, _ = Assess("message @scam_hr")
	if len(res.Selectors) != 1 || res.Selectors[0].Status != Unknown {
		t.Errorf("no lookup: %+v", res.Selectors)
	}
	// A cancelled context stops the assessment.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Assess(cctx, "message @scam_hr", Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestAssessInjectedExtractor(t *testing.T) {
	text := "call me at my office line"
	s, err := New(Config{Extract: func(string) []Contact {
		return []Contact{
			{Kind: "phone", Value: "+82212345678", Start: 11, End: 25},
			{Kind: "phone", Value: "bad", Start: 20, End: 999}, // out of range: dropped
			{Kind: "handle", Value: "@x", Start: -1, End: 2},   // out of range: dropped
		}
	}, Lookup: LookupFunc(func(ctx context.Context, kind, value string) (string, error) { return Listed, nil })})
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Assess(context.Background(), text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Selectors) != 1 || res.Selectors[0].Status != Listed || !hasCode(res, "contact.listed") || res.Level != Elevated {
		t.Errorf("selectors %+v reasons %v level %s", res.Selectors, codesOf(res), res.Level)
	}
	checkSpans(t, text, res)
}

func FuzzAssess(f *testing.F) {
	for _, s := range []string{
		"customer service in Cambodia, $3,000 a month, no experience, flight and visa paid, contact on Telegram @hr",
		"캄보디아 고객상담 월 1,000만 원, 경력 무관", "西港急招客服,月薪3000U起", "ការងារស្រួល ៣០០០ដុល្លារ",
		"งานออนไลน์ รายได้สูง", "Việc nhẹ lương cao 15tr/tháng", "\xff\xfe@a t.me/ 010-", "월 천만에요 1억 2천만원",
		"Vie\u0323\u0302c nhe\u0323 lương cao 15 trie\u0323\u0302u/tha\u0301ng", "\u0301\u0300a\u0323\u0302", "viec nhe luong cao 20 trieu",
	} {
		f.Add(s)
	}
	s, err := New(Config{MaxBytes: 1 << 16})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		res, err := s.Assess(context.Background(), text, Options{})
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrNotText) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if res.Score < 0 || res.Score > 100 || (res.Level != Low && res.Level != Elevated && res.Level != High) {
			t.Fatalf("bad verdict %d %s", res.Score, res.Level)
		}
		for _, x := range res.Reasons {
			if x.Start < 0 || x.End > len(text) || x.Start >= x.End || text[x.Start:x.End] != x.Text {
				t.Fatalf("reason %s span %d:%d", x.Code, x.Start, x.End)
			}
			if utf8.ValidString(text) && !utf8.ValidString(x.Text) {
				t.Fatalf("reason %s cuts a rune: %q", x.Code, x.Text)
			}
		}
	})
}

// TestAssessJobOnlyOnMessengerLink checks a fake recruiter's text whose only
// contact is a wa.me or zalo.me link, as the CLI and web screen it (with
// the selector extractor): such a link makes the job "messenger only", and
// with an unsolicited "you have passed our interview" the text reaches
// elevated as a lure; the same words with an e-mail address stay low.
func TestAssessJobOnlyOnMessengerLink(t *testing.T) {
	s, err := New(Config{Extract: SelectorContacts})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		level      Level
		kind       string
		codes      []string
	}{
		{"en passed interview, WhatsApp link only", "Dear you have passed our interview, wage is Rs 8000/ day. Please contact discuss detail: wa.me/919165146378 SSBO.",
			Elevated, "lure", []string{"unsolicited_hire", "contact.messenger_only_job"}},
		{"en passed interview, e-mail", "Dear you have passed our interview, wage is Rs 8000/ day. Please send your documents to hr@example.co.in",
			Low, "", []string{"unsolicited_hire"}},
		{"en WhatsApp link, no job", "Dinner at 7? wa.me/85512345678", Low, "", []string{"contact.messenger_only"}},
		// "Add Zalo" written in a job offer with no e-mail or site leans
		// the same way as an extracted handle; with an e-mail it does not,
		// and outside a job offer it is only the contact sign.
		{"vi job, contact only by 'add Zalo'", "Cty TikTok tuyển nhân viên làm tại nhà!. Chỉ cần có thời gian rảnh là đều có thể làm việc. Xin add số zalo liên hệ: xxxxxxxxxx",
			Elevated, "lure", []string{"messenger_contact", "side_job"}},
		{"vi job, Zalo or e-mail", "Cty TikTok tuyển nhân viên làm tại nhà!. Xin add số zalo liên hệ hoặc email hr@example.vn",
			Elevated, "scam", []string{"messenger_contact", "side_job"}},
		{"vi friend on Zalo", "Tối nay đi ăn không? add zalo mình nhé", Low, "", []string{"messenger_contact"}},
		{"vi work from home, Zalo link only", "Amazon hợp tác với cty DSC cần tuyển nhân viên làm việc tại nhà!!! Số lượng có hạn . Công việc: Xử lý đơn hàng trên nền tảng ứng dụng . Thu nhập 300k - 1000k . Liên hệ zalo: zalo.me/84901234567",
			Elevated, "lure", []string{"contact.messenger_only_job", "side_job"}},
		// An unsolicited part-time job "at home" whose pay is "easily"
		// earned (the dev half of real-2711.tsv); each sign alone is low.
		{"en brand part-time job at home, easy pay", "Hello, we are from Amazon, we have a part-time job at home and would like to invite you to cooperate. You can easily earn around 200-1000 reais a day, and the salary is paid on the same day. Interested??",
			Elevated, "lure", []string{"side_job", "unsolicited_hire", "easy_work"}},
		{"en job at home alone", "Our shop has a part-time job at home for students", Low, "", []string{"side_job"}},
		{"en invitation to cooperate alone", "We would like to invite you to cooperate on the new bridge project", Low, "", []string{"unsolicited_hire"}},
		// "You have become a paid TikTok commenter, add us on Zalo" (the dev
		// half of real-2711.tsv): a job never applied for, offered only
		// through a messenger; the congratulation alone is low.
		{"vi congratulated commenter job, Zalo only", "Xin chào! Chúc mừng bạn đã trở thành nhân viên bình luận TikTok. Kết bạn Zalo theo số điện thoại để nhận được 10.000-100.000 đồng miễn phí",
			Elevated, "lure", []string{"unsolicited_hire", "side_job", "messenger_contact"}},
		{"vi congratulated on being hired, alone", "Chúc mừng bạn đã trúng tuyển vị trí trợ lý, mời bạn đến văn phòng ký hợp đồng", Low, "", []string{"unsolicited_hire"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assessCase(t, s, tt.text, tt.level, tt.kind, tt.codes) })
	}
}

// TestAssessUpToPay checks that "up to" a range compares the range's top:
// simple part-time work "up to 15-30 million a month" is far above the
// usual pay, while the same range without "up to" is compared by its low
// end (15 million, about US$570, not far enough above).
func TestAssessUpToPay(t *testing.T) {
	s := defaultTestScreener(t)
	res := assessCase(t, s, "Tuyển nhân viên bán thời gian, công việc đơn giản, thu nhập lên đến 15-30 triệu một tháng.", High, "lure",
		[]string{"pay.far_above_unskilled", "easy_work"})
	if len(res.Amounts) != 1 || res.Amounts[0].Value != 30e6 {
		t.Errorf("amounts %+v, want the range's top, 30,000,000, compared", res.Amounts)
	}
	res = assessCase(t, s, "Tuyển nhân viên bán thời gian, công việc đơn giản, thu nhập 15-30 triệu một tháng.", Low, "", []string{"easy_work"})
	if hasCode(res, "pay.far_above_unskilled") || hasCode(res, "pay.above") {
		t.Errorf("a range without 'up to' compared by its top: %v", codesOf(res))
	}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"salary up to $3,000", true},
		{"月薪最高3万", true},
		{"월 최대 500만원", true},
		{"salary $3,000", false},
		{"what are you up to? $3,000", false},
		{"salary: up to 3,000", true},
		{strings.Repeat("İ Ứng tuyển ngay. ", 400) + "Lương LÊN ĐẾN $3,000", true},
		{strings.Repeat("İ Ứng tuyển ngay. ", 400) + "Lương $3,000", false},
		{"ប្រាក់ខែ រហូតដល់ $3,000", true},
	} {
		i := strings.IndexAny(tt.text, "$35")
		if j := strings.Index(tt.text, "$"); j >= 0 {
			i = j
		}
		if got := upToBefore(tt.text, i, i); got != tt.want {
			t.Errorf("upToBefore(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
