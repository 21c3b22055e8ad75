package match

import "strings"

// Khmer transliteration, after the UNGEGN system in a simplified form: each
// consonant has an initial value and a series (a or o) that selects the
// value of the vowel after it; a consonant with no vowel after a vowelled
// one closes the syllable; a consonant with no vowel of its own and nothing
// before it carries the inherent vowel (a / o). The result is a matching key,
// not a publishable romanisation.

type khmerConsonant struct {
	latin  string
	oSerie bool
}

// khmerConsonants covers U+1780..U+17A2.
var khmerConsonants = [...]khmerConsonant{
	{"k", false}, {"kh", false}, {"k", true}, {"kh", true}, {"ng", true}, // ក ខ គ ឃ ង
	{"ch", false}, {"chh", false}, {"ch", true}, {"chh", true}, {"nh", true}, // ច ឆ ជ ឈ ញ
	{"d", false}, {"th", false}, {"d", true}, {"th", true}, {"n", false}, // ដ ឋ ឌ ឍ ណ
	{"t", false}, {"th", false}, {"t", true}, {"th", true}, {"n", true}, // ត ថ ទ ធ ន
	{"b", false}, {"ph", false}, {"p", true}, {"ph", true}, {"m", true}, // ប ផ ព ភ ម
	{"y", true}, {"r", true}, {"l", true}, {"v", true}, {"s", false}, // យ រ ល វ ឝ
	{"s", false}, {"s", false}, {"h", false}, {"l", false}, {"", false}, // ឞ ស ហ ឡ អ
}

// khmerVowels maps dependent vowels U+17B6..U+17C5 to their a- and o-series values.
var khmerVowels = [...][2]string{
	{"a", "ea"}, {"e", "i"}, {"ei", "i"}, {"oe", "ue"}, {"eu", "eu"}, // ា ិ ី ឹ ឺ
	{"o", "u"}, {"ou", "u"}, {"uo", "uo"}, {"aeu", "eu"}, {"oea", "oea"}, // ុ ូ ួ ើ ឿ
	{"ie", "ie"}, {"e", "e"}, {"ae", "ae"}, {"ai", "ey"}, {"ao", "o"}, {"au", "ov"}, // ៀ េ ែ ៃ ោ ៅ
}

// khmerIndependent maps independent vowels U+17A3..U+17B3.
var khmerIndependent = [...]string{"a", "a", "e", "ei", "o", "ou", "ou", "rue", "rue", "lue", "lue", "e", "ai", "ao", "ao", "au", "au"}

func isKhmer(r rune) bool { return r >= 0x1780 && r <= 0x17FF }

// TransliterateKhmer writes Khmer text in Latin letters (lower case);
// other characters are copied.
func TransliterateKhmer(s string) string {
	rs := []rune(s)
	var b strings.Builder
	syllableOpen := false // a consonant is waiting for its vowel
	hasVowel := false     // the current syllable has a vowel
	oSerie := false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case r >= 0x1780 && r <= 0x17A2:
			c := khmerConsonants[r-0x1780]
			if next == 0x17CD || next == 0x17CC { // toandakhiat, robat: silent
				i++
				continue
			}
			if hasVowel && !khmerVowelAfter(rs, i+1) && !khmerLastConsonantNext(rs, i+1) {
				b.WriteString(khmerFinal(c.latin))
				hasVowel = false
				syllableOpen = false
				continue
			}
			if syllableOpen { // previous consonant had no vowel: inherent one
				b.WriteString(khmerInherent(oSerie))
				if !khmerVowelAfter(rs, i+1) && (i+1 >= len(rs) || !isKhmer(next) || next == 0x17CB) {
					b.WriteString(khmerFinal(c.latin)) // and this one closes it
					syllableOpen = false
					continue
				}
			}
			b.WriteString(c.latin)
			oSerie = c.oSerie
			syllableOpen = true
			hasVowel = false
		case r == 0x17D2: // coeng: the next consonant is subscript, same syllable
			if next >= 0x1780 && next <= 0x17A2 {
				c := khmerConsonants[next-0x1780]
				b.WriteString(c.latin)
				if c.oSerie && (next == 0x1784 || next == 0x1789 || next == 0x1793 || next == 0x1798 || next == 0x1799 || next == 0x179A || next == 0x179B || next == 0x179C) {
					oSerie = true
				}
				i++
			}
		case r == 0x17C9: // musikatoan: to a-series
			oSerie = false
		case r == 0x17CA: // triisap: to o-series
			oSerie = true
		case r >= 0x17B6 && r <= 0x17C5:
			v := khmerVowels[r-0x17B6]
			val := v[0]
			if oSerie {
				val = v[1]
			}
			if r == 0x17BB && next == 0x17C6 { // ុំ
				val = "om"
				if oSerie {
					val = "um"
				}
				i++
			} else if r == 0x17B6 && next == 0x17C6 { // ាំ
				val = "am"
				if oSerie {
					val = "oam"
				}
				i++
			}
			b.WriteString(val)
			hasVowel, syllableOpen = true, false
		case r == 0x17C6: // nikahit
			if oSerie {
				b.WriteString("um")
			} else {
				b.WriteString("am")
			}
			hasVowel, syllableOpen = false, false
		case r == 0x17C7: // reahmuk
			if syllableOpen {
				b.WriteString(khmerInherent(oSerie))
			}
			b.WriteString("h")
			hasVowel, syllableOpen = false, false
		case r >= 0x17A3 && r <= 0x17B3:
			if syllableOpen {
				b.WriteString(khmerInherent(oSerie))
			}
			b.WriteString(khmerIndependent[r-0x17A3])
			hasVowel, syllableOpen = true, false
		case r >= 0x17C8 && r <= 0x17DD: // other signs
		case r >= 0x17E0 && r <= 0x17E9:
			b.WriteRune('0' + r - 0x17E0)
		default:
			if syllableOpen {
				b.WriteString(khmerInherent(oSerie))
			}
			syllableOpen, hasVowel = false, false
			b.WriteRune(r)
		}
	}
	if syllableOpen {
		b.WriteString(khmerInherent(oSerie))
	}
	return b.String()
}

func khmerInherent(oSerie bool) string {
	if oSerie {
		return "o"
	}
	return "a"
}

// khmerFinal gives a final consonant its closing value.
func khmerFinal(s string) string {
	switch s {
	case "chh", "ch":
		return "ch"
	case "nh":
		return "nh"
	case "v":
		return "v"
	}
	return s
}

// khmerVowelAfter reports whether a dependent vowel (or a sign that stands
// for one) follows position i, skipping register and subscript marks.
func khmerVowelAfter(rs []rune, i int) bool {
	for ; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == 0x17C9 || r == 0x17CA:
			continue
		case r == 0x17D2:
			i++
			continue
		case r >= 0x17B6 && r <= 0x17C5, r == 0x17C7:
			return true
		}
		return false
	}
	return false
}

// khmerLastConsonantNext reports whether position i holds a bare consonant
// that ends the word: the consonant before it then opens a syllable of its
// own (កុសល ko-sal) rather than closing the previous one.
func khmerLastConsonantNext(rs []rune, i int) bool {
	if i >= len(rs) || rs[i] < 0x1780 || rs[i] > 0x17A2 {
		return false
	}
	return i+1 >= len(rs) || !isKhmer(rs[i+1]) || rs[i+1] == 0x17CB
}
