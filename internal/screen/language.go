package screen

import (
	"sort"
	"unicode"
)

// LangShare is one language's share of a text's letters.
type LangShare struct {
	Lang  string  `json:"lang"`
	Share float64 `json:"share"`
}

// Languages counterscam has rules for, in a fixed order (ties go to the first).
var detectOrder = []string{"ko", "zh", "ja", "km", "th", "vi", "en", "lo", "my", "id"}

// Weights per letter: a Hangul syllable or Han character carries about as
// much as a short Latin word, so a Korean ad with a Telegram handle in it is
// still Korean.
const (
	weightSyllable = 3.0
	weightLetter   = 1.0
)

// isVietnameseRune reports letters that, among Latin-script languages,
// practically only Vietnamese uses.
func isVietnameseRune(r rune) bool {
	switch r {
	case 'đ', 'Đ', 'ơ', 'Ơ', 'ư', 'Ư', 'ă', 'Ă':
		return true
	}
	return r >= 0x1EA0 && r <= 0x1EF9 // Latin Extended Additional: ạ ả ấ ầ ẩ ẫ ậ ... ỹ
}

// DetectLanguage guesses a text's language from its scripts: Hangul is
// Korean, Khmer is Khmer, Thai is Thai, Han without kana is Chinese, Latin
// with Vietnamese letters is Vietnamese, Latin made mostly of common
// Indonesian (or Malay) words is Indonesian, other Latin is English. It returns
// "und" for a text with no letters, and every language's share.
func DetectLanguage(text string) (string, []LangShare) {
	var w [10]float64 // by detectOrder index
	var latin, viet, kana int
	for _, r := range text {
		switch {
		case r < 0x80:
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				latin++
			}
		case unicode.Is(unicode.Hangul, r):
			w[0] += weightSyllable
		case unicode.Is(unicode.Han, r):
			w[1] += weightSyllable
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			kana++
		case unicode.Is(unicode.Khmer, r):
			w[3] += weightLetter
		case unicode.Is(unicode.Thai, r):
			w[4] += weightLetter
		case unicode.Is(unicode.Lao, r):
			w[7] += weightLetter
		case unicode.Is(unicode.Myanmar, r):
			w[8] += weightLetter
		case unicode.Is(unicode.Latin, r):
			latin++
			if isVietnameseRune(r) {
				viet++
			}
		}
	}
	if kana > 0 {
		w[2] += w[1] + float64(kana)*weightSyllable
		w[1] = 0
	}
	// Vietnamese: a few tell-tale letters among the Latin ones, or, typed
	// without marks, mostly Vietnamese syllables.
	vietBare, indonesian := false, false
	if latin >= 12 && viet < 2 {
		vietBare, indonesian = latinLooks(text)
	}
	if viet >= 2 || (viet >= 1 && latin <= 20) || vietBare {
		w[5] += float64(latin) * weightLetter
	} else if indonesian {
		w[9] += float64(latin) * weightLetter
	} else {
		w[6] += float64(latin) * weightLetter
	}
	total := 0.0
	for _, x := range w {
		total += x
	}
	if total == 0 {
		return "und", nil
	}
	best := -1
	var shares []LangShare
	for i, x := range w {
		if x == 0 {
			continue
		}
		if best < 0 || x > w[best] {
			best = i
		}
		shares = append(shares, LangShare{Lang: detectOrder[i], Share: round3(x / total)})
	}
	sort.SliceStable(shares, func(i, j int) bool { return shares[i].Share > shares[j].Share })
	return detectOrder[best], shares
}

func round3(x float64) float64 {
	return float64(int(x*1000+0.5)) / 1000
}
