package match

import "strings"

// Thai transliteration in the manner of the Royal Thai General System, the
// way Thai names are spelled in passports (สมชาย -> somchai). CLDR's
// Thai-Latin transform follows ISO 11940, a letter-for-letter scheme with
// diacritics that passports do not use, so this small table is written for
// matching instead. Preposed vowels (เ แ โ ใ ไ) are moved after their
// consonant; a consonant with no vowel before another consonant takes an
// implicit "o" (คน -> khon); consonants after a vowel take their final value.

type thaiConsonant struct{ initial, final string }

// thaiConsonants covers U+0E01..U+0E2E.
var thaiConsonants = [...]thaiConsonant{
	{"k", "k"}, {"kh", "k"}, {"kh", "k"}, {"kh", "k"}, {"kh", "k"}, {"kh", "k"}, // ก ข ฃ ค ฅ ฆ
	{"ng", "ng"}, {"ch", "t"}, {"ch", "t"}, {"ch", "t"}, {"s", "t"}, {"ch", "t"}, // ง จ ฉ ช ซ ฌ
	{"y", "n"}, {"d", "t"}, {"t", "t"}, {"th", "t"}, {"th", "t"}, {"th", "t"}, // ญ ฎ ฏ ฐ ฑ ฒ
	{"n", "n"}, {"d", "t"}, {"t", "t"}, {"th", "t"}, {"th", "t"}, {"th", "t"}, // ณ ด ต ถ ท ธ
	{"n", "n"}, {"b", "p"}, {"p", "p"}, {"ph", "p"}, {"f", "p"}, {"ph", "p"}, // น บ ป ผ ฝ พ
	{"f", "p"}, {"ph", "p"}, {"m", "m"}, {"y", "i"}, {"r", "n"}, {"rue", "rue"}, // ฟ ภ ม ย ร ฤ
	{"l", "n"}, {"lue", "lue"}, {"w", "o"}, {"s", "t"}, {"s", "t"}, {"s", "t"}, // ล ฦ ว ศ ษ ส
	{"h", ""}, {"l", "n"}, {"", ""}, {"h", ""}, // ห ฬ อ ฮ
}

func isThai(r rune) bool { return r >= 0x0E00 && r <= 0x0E7F }

func isThaiConsonant(r rune) bool { return r >= 0x0E01 && r <= 0x0E2E }

func isThaiFollowingVowel(r rune) bool {
	return r >= 0x0E30 && r <= 0x0E39 || r == 0x0E47
}

// thaiVowel gives following and above/below vowels.
var thaiVowel = map[rune]string{
	'ะ': "a", 'ั': "a", 'า': "a", 'ำ': "am", 'ิ': "i", 'ี': "i", 'ึ': "ue", 'ื': "ue", 'ุ': "u", 'ู': "u",
}

// TransliterateThai writes Thai text in Latin letters (lower case); other
// characters are copied.
func TransliterateThai(s string) string {
	rs := []rune(s)
	var b strings.Builder
	hasVowel := false              // the syllable being written has its vowel
	open := false                  // a consonant was written and waits for a vowel
	var pre rune                   // a preposed vowel waiting for its consonant
	skipMarks := func(i int) int { // index of the next rune that is not a tone mark
		for i < len(rs) && (rs[i] >= 0x0E48 && rs[i] <= 0x0E4B || rs[i] == 0x0E47) {
			i++
		}
		return i
	}
	at := func(i int) rune {
		if i < len(rs) {
			return rs[i]
		}
		return 0
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r >= 0x0E40 && r <= 0x0E44: // เ แ โ ใ ไ
			if open {
				b.WriteString("o")
				open = false
			}
			pre, hasVowel = r, false
		case isThaiConsonant(r):
			c := thaiConsonants[r-0x0E01]
			j := skipMarks(i + 1)
			if at(j) == 0x0E4C { // thanthakhat: silent consonant
				i = j
				continue
			}
			if pre != 0 {
				b.WriteString(c.initial)
				// a consonant cluster (ปร, กล, ...) before the vowel
				if k := skipMarks(i + 1); thaiCluster(r, at(k)) && at(k+1) != 0 {
					b.WriteString(thaiConsonants[at(k)-0x0E01].initial)
					i = k
					j = skipMarks(k + 1)
				}
				v, n := thaiPreposed(pre, rs, j)
				b.WriteString(v)
				i = j + n - 1
				pre, hasVowel, open = 0, true, false
				continue
			}
			nextVowel := isThaiFollowingVowel(at(j)) || at(j) == 'ั'
			if open && r == 'อ' && !nextVowel { // อ as the vowel "o" (ทอง thong)
				b.WriteString("o")
				open, hasVowel = false, true
				continue
			}
			if hasVowel && !nextVowel {
				b.WriteString(c.final)
				hasVowel, open = false, false
				continue
			}
			if open { // the previous consonant had no vowel
				if thaiCluster(rs[i-1], r) {
					b.WriteString(c.initial)
					continue
				}
				if !nextVowel {
					b.WriteString("o")
					b.WriteString(c.final)
					open = false
					continue
				}
				b.WriteString("a")
			}
			b.WriteString(c.initial)
			open, hasVowel = true, false
		case r == 'ั' && at(i+1) == 'ว':
			b.WriteString("ua")
			i++
			hasVowel, open = true, false
		case thaiVowel[r] != "":
			b.WriteString(thaiVowel[r])
			hasVowel, open = true, false
			if r == 'ะ' || r == 'ำ' {
				hasVowel = false
			}
		case r >= 0x0E47 && r <= 0x0E4E: // tone marks and other signs
		case r >= 0x0E50 && r <= 0x0E59:
			b.WriteRune('0' + r - 0x0E50)
		default:
			if open {
				b.WriteString("o")
			}
			open, hasVowel, pre = false, false, 0
			b.WriteRune(r)
		}
	}
	return b.String()
}

// thaiPreposed resolves a preposed vowel with what follows its consonant
// (starting at j) and returns its value and how many runes it used.
func thaiPreposed(pre rune, rs []rune, j int) (string, int) {
	at := func(i int) rune {
		if i < len(rs) {
			return rs[i]
		}
		return 0
	}
	switch pre {
	case 'เ':
		switch {
		case at(j) == 'า':
			return "ao", 1
		case at(j) == 'ี' && at(j+1) == 'ย':
			return "ia", 2
		case at(j) == 'ื' && at(j+1) == 'อ':
			return "uea", 2
		case at(j) == 'อ':
			return "oe", 1
		case at(j) == 'ิ':
			return "oe", 1
		case at(j) == 'ะ':
			return "e", 1
		}
		return "e", 0
	case 'แ':
		if at(j) == 'ะ' {
			return "ae", 1
		}
		return "ae", 0
	case 'โ':
		if at(j) == 'ะ' {
			return "o", 1
		}
		return "o", 0
	}
	return "ai", 0 // ใ ไ
}

// thaiCluster reports whether consonants a and b form an initial cluster
// (ปร pr, กล kl, ศร sr...), written without a vowel between them.
func thaiCluster(a, b rune) bool {
	if b != 'ร' && b != 'ล' {
		return false
	}
	switch a {
	case 'ก', 'ข', 'ค', 'ป', 'ผ', 'พ', 'ต', 'บ', 'ศ', 'ส':
		return true
	}
	return false
}
