package match

import (
	"bufio"
	"counterscam/internal/shareddata"
	"os"
	"strings"
	"testing"
)

func TestRomanizeHangul(t *testing.T) {
	cases := []struct {
		in   string
		mode RRMode
		want string
	}{
		{"박민호", RRName, "bakminho"},
		{"한복남", RRName, "hanboknam"},
		{"한복남", RRStandard, "hanbongnam"},
		{"홍빛나", RRName, "hongbitna"},
		{"대관령", RRStandard, "daegwallyeong"},
		{"독립문", RRStandard, "dongnimmun"},
		{"해돋이", RRStandard, "haedoji"},
		{"좋아", RRStandard, "joa"},
		{"않아", RRStandard, "ana"},
		{"중앙", RRStandard, "jung-ang"},
		{"반구대", RRStandard, "ban-gudae"},
		{"세운", RRStandard, "se-un"},
		{"물엿", RRTransliteration, "mul-yeos"},
		{"없었습니다", RRTransliteration, "eobs-eoss-seubnida"},
		{"서울 2024", RRStandard, "seoul 2024"},
		{"abc", RRStandard, "abc"},
		{"", RRName, ""},
	}
	for _, c := range cases {
		if got := RomanizeHangul(c.in, c.mode); got != c.want {
			t.Errorf("RomanizeHangul(%q, %d) = %q, want %q", c.in, c.mode, got, c.want)
		}
	}
}

func TestRomanizeKoreanName(t *testing.T) {
	cases := map[string]string{
		"민용하":  "Min Yongha",
		"송나리":  "Song Nari",
		"황보영수": "Hwangbo Yeongsu",
		"남궁민":  "Namgung Min",
		"이 서연": "I Seoyeon",
		"김":    "Gim",
		"제갈공명": "Jegal Gongmyeong",
	}
	for in, want := range cases {
		if got := RomanizeKoreanName(in); got != want {
			t.Errorf("RomanizeKoreanName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNIKLExamples romanises the official examples and counts how many each
// mode reproduces exactly (ignoring capitals, which the examples use only for
// proper nouns). Name rows ("Min Yongha (Min Yong-ha)") are checked in name
// mode against either written form. The minimums guard against regressions.
func TestNIKLExamples(t *testing.T) {
	f, err := os.Open(shareddata.Path(t, "romanization/korean-rr-nikl-examples.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows, std, noHyphen, translit, names, nameRows, any int
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 {
			continue
		}
		rows++
		hangul, want := strings.TrimSuffix(cols[0], "."), strings.ToLower(cols[1])
		hit := false
		if alt, ok := strings.CutSuffix(want, ")"); ok && strings.Contains(alt, " (") {
			nameRows++
			a, b, _ := strings.Cut(alt, " (")
			got := strings.ToLower(RomanizeKoreanName(hangul))
			if got == a || got == b {
				names++
				hit = true
			} else {
				t.Logf("name  %s: got %q, want %q", hangul, got, cols[1])
			}
		}
		gotStd := RomanizeHangul(hangul, RRStandard)
		if gotStd == want {
			std++
			hit = true
		}
		if strings.ReplaceAll(gotStd, "-", "") == strings.ReplaceAll(want, "-", "") {
			noHyphen++
		}
		if gotTr := RomanizeHangul(hangul, RRTransliteration); gotTr == want {
			translit++
			hit = true
		}
		if hit {
			any++
		} else {
			t.Logf("miss  %s: standard %q, transliteration %q, want %q", hangul, gotStd, RomanizeHangul(hangul, RRTransliteration), cols[1])
		}
	}
	t.Logf("NIKL examples: %d rows; standard mode exact %d (%d ignoring hyphens); transliteration mode exact %d; name mode %d/%d name rows; reproduced by some mode %d",
		rows, std, noHyphen, translit, names, nameRows, any)
	if rows < 90 {
		t.Fatalf("only %d rows read", rows)
	}
	if std < 60 || translit < 12 || names != nameRows || any < 78 {
		t.Errorf("regression: standard %d (min 60), transliteration %d (min 12), names %d/%d, any %d (min 78)", std, translit, names, nameRows, any)
	}
}
