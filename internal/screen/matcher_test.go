package screen

import (
	"context"
	"strings"
	"testing"
)

func TestMatcher(t *testing.T) {
	m := newMatcher([]matcherPhrase{
		{text: "no experience", owner: 0},
		{text: "telegram", owner: 1},
		{text: "t.me/*", owner: 2},
		{text: "recruit*", owner: 3},
		{text: "경력 무관", owner: 4},
		{text: "包吃包住", owner: 5},
		{text: "មិនត្រូវការបទពិសោធន៍", owner: 6},
		{text: "lương cao", owner: 7},
		{text: "experience", owner: 8},
		{text: "高薪", owner: 9},
	})
	tests := []struct {
		in   string
		want []string // "owner:text"
	}{
		{"NO EXPERIENCE needed", []string{"0:NO EXPERIENCE", "8:EXPERIENCE"}},
		{"noexperience", nil},                            // word boundary on the left of "experience" fails too
		{"Contact on Telegram!", []string{"1:Telegram"}}, // punctuation is a boundary
		{"Telegramming", nil},                            // right boundary
		{"Telegrams and experiences", []string{"1:Telegrams", "8:experiences"}}, // an English plural 's' is allowed
		{"experiencesx", nil},
		{"telegrams로", []string{"1:telegrams"}},   // Hangul after the plural is a boundary
		{"telegram으로 연락", []string{"1:telegram"}}, // Hangul after a Latin word is a boundary
		{"加Telegram联系", []string{"1:Telegram"}},   // so is Han
		{"see t.me/abc_hr", []string{"2:t.me/"}},  // '*' drops the right boundary
		{"recruiting now", []string{"3:recruit"}}, // prefix match
		{"경력무관 경력 무관입니다", []string{"4:경력 무관"}},    // spaces inside a phrase count
		{"月薪3万包吃包住", []string{"5:包吃包住"}},          // no boundaries in Han
		{"ការងារមិនត្រូវការបទពិសោធន៍", []string{"6:មិនត្រូវការបទពិសោធន៍"}},
		{"មិន\u200bត្រូវការ\u200bបទពិសោធន៍", []string{"6:មិន\u200bត្រូវការ\u200bបទពិសោធន៍"}}, // zero-width spaces are skipped
		{"LƯƠNG CAO", []string{"7:LƯƠNG CAO"}}, // non-ASCII case folding
		{"lương cào", nil},                     // a mark on the last letter makes another word
		{"luong cao", nil},                     // the matcher keeps marks; screen.New adds diacritic-free variants
		{"ＴＥＬＥＧＲＡＭ", []string{"1:ＴＥＬＥＧＲＡＭ"}}, // full-width folding
		{"\xff高薪\xfe", []string{"9:高薪"}},     // invalid bytes match nothing but do not stop the scan
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		m.scan(tt.in, func(h mhit) {
			got = append(got, string(rune('0'+m.pats[h.pat].owner))+":"+tt.in[h.start:h.end])
		})
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("scan(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMatcherEmpty(t *testing.T) {
	m := newMatcher(nil)
	n := 0
	m.scan("anything", func(mhit) { n++ })
	if n != 0 {
		t.Errorf("an empty matcher found %d hits", n)
	}
}

func TestStrippedVariant(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"việc nhẹ lương cao", "viec nhe luong cao", true},
		{"Đi ngay*", "Di ngay*", true},
		{"nghìn", "", false},        // one short word: too likely to collide
		{"Lào", "", false},          // "lao" is also the start of "lao động"
		{"không*", "", false},       // five letters
		{"telegram", "", false},     // nothing to strip
		{"เงินเดือนสูง", "", false}, // Thai marks are not Latin diacritics
	} {
		got, ok := strippedVariant(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("strippedVariant(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestHanFold checks that Chinese phrases match traditional characters.
func TestHanFold(t *testing.T) {
	s := defaultTestScreener(t)
	for _, tc := range []struct{ text, code string }{
		{"輕輕鬆鬆月入過萬", "pay_claim"},
		{"無需經驗,包機票", "no_experience"},
		{"無需經驗,包機票", "travel_paid"},
	} {
		r, err := s.Assess(context.Background(), tc.text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, x := range r.Reasons {
			if x.Code == tc.code {
				found = true
				if x.Text == "" || !strings.Contains(tc.text, x.Text) {
					t.Errorf("%q: %s cut %q out of the text", tc.text, tc.code, x.Text)
				}
			}
		}
		if !found {
			t.Errorf("%q: no %s (reasons %v)", tc.text, tc.code, r.Reasons)
		}
	}
	if foldRune('過') != '过' || foldRune('过') != '过' || foldRune('한') != '한' {
		t.Error("foldRune does not fold traditional Han to simplified alone")
	}
}
