package match

import (
	"strings"
	"unicode"
)

// latin1Fold gives the base letters of U+00C0..U+00FF, lower case; '*' marks
// a sign that is not a letter (× ÷).
const latin1Fold = "aaaaaaaceeeeiiiidnooooo*ouuuuyts" + "aaaaaaaceeeeiiiidnooooo*ouuuuyty"

// latinExtAFold gives the base letters of U+0100..U+017F, lower case, one per
// code point; ligatures are expanded in foldRune.
const latinExtAFold = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii" +
	"**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"

// foldRune returns the lower-case ASCII letters a Latin letter stands for
// without its marks ("É" -> "e", "ß" -> "ss", "ǚ" -> "u"), "" for combining
// marks, and ok=false for anything that is not a Latin letter.
func foldRune(r rune) (string, bool) {
	switch {
	case r >= 'a' && r <= 'z':
		return string(r), true
	case r >= 'A' && r <= 'Z':
		return string(r + 'a' - 'A'), true
	case r >= 0x0300 && r <= 0x036F:
		return "", true // combining diacritics
	case r == 'ß':
		return "ss", true
	case r == 'Æ' || r == 'æ':
		return "ae", true
	case r == 'Ĳ' || r == 'ĳ':
		return "ij", true
	case r == 'Œ' || r == 'œ':
		return "oe", true
	case r >= 0xC0 && r <= 0xFF:
		c := latin1Fold[r-0xC0]
		return string(c), c != '*'
	case r >= 0x100 && r <= 0x17F:
		c := latinExtAFold[r-0x100]
		return string(c), c != '*'
	case r >= 0x1CD && r <= 0x1DC: // Ǎǎ Ǐǐ Ǒǒ Ǔǔ Ǖǖ Ǘǘ Ǚǚ Ǜǜ (pinyin tones)
		return string("aaiioouuuuuuuuuu"[r-0x1CD]), true
	case r >= 0x1EA0 && r <= 0x1EF9: // Vietnamese letters with two marks
		return string(vietFold(r)), true
	case r == 'Ơ' || r == 'ơ':
		return "o", true
	case r == 'Ư' || r == 'ư':
		return "u", true
	case r == 'ɑ':
		return "a", true
	case r == 'ŉ':
		return "n", true
	}
	if unicode.IsLetter(r) && r < 0x0250 {
		return "", true // another Latin letter: dropped, the word goes on
	}
	return "", false
}

// vietFold gives the base of U+1EA0..U+1EF9, which run in blocks of one
// vowel: a (24), e (16), i (4), o (24), u (14), y (8).
func vietFold(r rune) byte {
	switch n := r - 0x1EA0; {
	case n < 24:
		return 'a'
	case n < 40:
		return 'e'
	case n < 44:
		return 'i'
	case n < 68:
		return 'o'
	case n < 82:
		return 'u'
	}
	return 'y'
}

// foldLatin lower-cases s, strips diacritics and keeps only letters, with
// one space between words. Hyphens and apostrophes inside a word join its
// parts ("Min-Ho" -> "minho", "O'Neil" -> "oneil"); digits are dropped.
func foldLatin(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == '-' || r == '\'' || r == '’' || r == '.' {
			continue
		}
		f, ok := foldRune(r)
		if !ok {
			space = b.Len() > 0
			continue
		}
		if f == "" {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteString(f)
	}
	return b.String()
}
