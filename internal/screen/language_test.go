package screen

import "testing"

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"캄보디아 고객상담 월 1,000만 원, 텔레그램 @kh_job_recruiter", "ko"},
		{"Customer service in Cambodia, $3,000 a month", "en"},
		{"月薪3万包机票, contact on Telegram", "zh"},
		{"日本語のテキストです", "ja"},
		{"ការងារងាយស្រួលជាមួយប្រាក់ខែខ្ពស់", "km"},
		{"งานออนไลน์ รายได้สูง", "th"},
		{"Việc nhẹ lương cao, nhận việc ngay", "vi"},
		{"Lương cao", "vi"},
		{"Café in Phnom Penh", "en"}, // one accented letter is not Vietnamese
		{"Tuyen nhan vien cham soc khach hang, luong 15 trieu/thang", "vi"}, // typed without marks
		{"Can gap 10 ban nu lam viec nhe luong cao, lien he Zalo", "vi"},
		{"Nguyen Van Anh will join the Hanoi office as a sales manager next month", "en"}, // a Vietnamese name in English
		{"Toi and Cac are not words; this is an English sentence about a trip", "en"},
		// Indonesian (and Malay, which reads as Indonesian) is told from
		// English by its common words; Vietnamese without marks stays
		// Vietnamese.
		{"Dibutuhkan customer service untuk kerja di Kamboja, gaji 15 juta per bulan, tiket pesawat ditanggung", "id"},
		{"Lowongan kerja admin, tanpa pengalaman, hubungi WA 0812 3456 7890", "id"},
		{"Nanti saya telepon ya, lagi di jalan", "id"},
		{"Ma, aku sampai rumah jam tujuh ya, jangan lupa beli telur.", "id"},
		{"Kami mencari pekerja kilang, gaji RM1,800 sebulan, tempat tinggal disediakan", "id"}, // Malay
		{"Our Jakarta office is hiring a data analyst; Ada and Dan will interview you", "en"},
		{"Flight to Bali at 7 am, hotel in Ubud, back on Sunday", "en"},
		{"Can gap nhan vien lam viec tai nha, luong cao, lien he Zalo ngay", "vi"},
		{"Tuyen nhan vien di Campuchia, luong 1000 do, bao an o", "vi"},
		{"12345 !!! ???", "und"},
		{"", "und"},
	}
	for _, tt := range tests {
		got, shares := DetectLanguage(tt.in)
		if got != tt.want {
			t.Errorf("DetectLanguage(%q) = %q (%v), want %q", tt.in, got, shares, tt.want)
		}
		sum := 0.0
		for _, s := range shares {
			sum += s.Share
		}
		if len(shares) > 0 && (sum < 0.99 || sum > 1.01) {
			t.Errorf("DetectLanguage(%q) shares sum to %v", tt.in, sum)
		}
	}
}

func TestVietBareWords(t *testing.T) {
	for _, w := range vietBareWords {
		if len(w) > maxVietSyllable {
			t.Errorf("%q is longer than maxVietSyllable (%d)", w, maxVietSyllable)
		}
	}
}

func TestIndoWords(t *testing.T) {
	english := map[string]bool{"per": true, "a": true, "the": true, "on": true, "in": true, "man": true, "bad": true, "data": true, "minimal": true, "online": true}
	seen := map[string]bool{}
	for _, w := range indoWords {
		if seen[w] {
			t.Errorf("%q is listed twice", w)
		}
		seen[w] = true
		if len(w) > maxIndoWord {
			t.Errorf("%q is longer than maxIndoWord (%d)", w, maxIndoWord)
		}
		if english[w] {
			t.Errorf("%q is an English word", w)
		}
		if latinWords[wordKey([]byte(w))]&wordID == 0 {
			t.Errorf("%q is not in latinWords as Indonesian", w)
		}
	}
}
