package match

import (
	"math"
	"slices"
	"testing"
)

func TestNameKeysShared(t *testing.T) {
	const want = "#박|MiNHo"
	for _, text := range []string{"Park Minho", "PAK MIN HO", "Bak Min-Ho", "Minho Park", "박민호", "PARK, Min-ho", "bák mín hó"} {
		keys := NameKeys(Name{Text: text})
		if !slices.Contains(keys, want) {
			t.Errorf("NameKeys(%q) = %v, want it to contain %q", text, keys, want)
		}
	}
	if keys := NameKeys(Name{Text: "Park Minsu"}); slices.Contains(keys, want) {
		t.Errorf("Park Minsu shares the key of Park Minho: %v", keys)
	}
}

func TestSkeleton(t *testing.T) {
	same := [][]string{
		{"Jung", "Jeong", "Chung", "Joung"},
		{"Seo", "Suh", "Seoh"},
		{"Heo", "Hur", "Huh"},
		{"Noh", "No"},
		{"Sohn", "Son"},
		{"Min-Ho", "Min Ho", "MINHO", "minho"},
		{"Hyun", "Hyeon"},
		{"Zhang", "Chang", "Jang"},
		{"Stephen", "Steven"},
	}
	for _, group := range same {
		k := Skeleton(group[0])
		for _, s := range group[1:] {
			if got := Skeleton(s); got != k {
				t.Errorf("Skeleton(%q) = %q, Skeleton(%q) = %q; want equal", group[0], k, s, got)
			}
		}
	}
	differ := [][2]string{{"Minho", "Minsu"}, {"Kim", "Park"}, {"Jeon", "Jeong"}, {"Sin", "Sim"}}
	for _, p := range differ {
		if Skeleton(p[0]) == Skeleton(p[1]) {
			t.Errorf("Skeleton(%q) == Skeleton(%q) = %q", p[0], p[1], Skeleton(p[0]))
		}
	}
}

func TestFoldLatin(t *testing.T) {
	cases := map[string]string{
		"Évelyne Müller-Łukasz": "evelyne mullerlukasz",
		"  PARK,  Min-Ho ":      "park minho",
		"Nguyễn Văn":            "nguyen van",
		"Lǚ Xīn":                "lu xin",
		"O'Neil ß":              "oneil ss",
		"Ĳssel Œuvre":           "ijssel oeuvre",
	}
	for in, want := range cases {
		if got := foldLatin(in); got != want {
			t.Errorf("foldLatin(%q) = %q, want %q", in, got, want)
		}
	}
	if len(latin1Fold) != 64 || len(latinExtAFold) != 128 {
		t.Fatalf("fold tables: %d, %d", len(latin1Fold), len(latinExtAFold))
	}
}

func TestJaroWinkler(t *testing.T) {
	cases := []struct {
		a, b string
		want float64
	}{
		{"martha", "marhta", 0.961},
		{"dwayne", "duane", 0.840},
		{"dixon", "dicksonx", 0.813},
		{"abc", "abc", 1},
		{"abc", "xyz", 0},
		{"", "abc", 0},
	}
	for _, c := range cases {
		if got := jaroWinkler(c.a, c.b); math.Abs(got-c.want) > 0.001 {
			t.Errorf("jaroWinkler(%q, %q) = %.3f, want %.3f", c.a, c.b, got, c.want)
		}
	}
}

func TestEditDistanceAtMost1(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"M12345678", "M12345679", true},
		{"M12345678", "M1234567", true},
		{"M12345678", "M21345678", true},
		{"M12345678", "M21345687", false},
		{"abc", "abcde", false},
		{"", "a", true},
	}
	for _, c := range cases {
		if got := editDistanceAtMost1(c.a, c.b); got != c.want {
			t.Errorf("editDistanceAtMost1(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

func TestHanPinyin(t *testing.T) {
	cases := map[rune]string{'张': "zhang", '吕': "lv", '明': "ming", '朴': "pu", '金': "jin"}
	for r, want := range cases {
		if got, ok := HanPinyin(r); !ok || got != want {
			t.Errorf("HanPinyin(%q) = %q, %v; want %q", r, got, ok, want)
		}
	}
	if _, ok := HanPinyin('A'); ok {
		t.Error("HanPinyin('A') found")
	}
	if f, g := romanizeHanName("朴志成"); f != "piao" || g != "zhicheng" {
		t.Errorf("romanizeHanName(朴志成) = %q %q", f, g)
	}
}

func TestTransliterate(t *testing.T) {
	khmer := map[string]string{"សុខ": "sokh", "ដារ៉ា": "dara", "ចាន់": "chan", "កុសល": "kosal"}
	for in, want := range khmer {
		if got := TransliterateKhmer(in); got != want {
			t.Errorf("TransliterateKhmer(%q) = %q, want %q", in, got, want)
		}
	}
	thai := map[string]string{"สมชาย": "somchai", "คน": "khon", "ใจดี": "chaidi", "แก้ว": "kaeo", "มาลี": "mali", "ประยุทธ์": "prayut"}
	for in, want := range thai {
		if got := TransliterateThai(in); got != want {
			t.Errorf("TransliterateThai(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDetectScript(t *testing.T) {
	cases := map[string]Script{"박민호": ScriptHangul, "张伟": ScriptHan, "សុខ": ScriptKhmer, "สมชาย": ScriptThai, "Park": ScriptLatin, "123": ScriptLatin}
	for in, want := range cases {
		if got := DetectScript(in); got != want {
			t.Errorf("DetectScript(%q) = %q, want %q", in, got, want)
		}
	}
}
