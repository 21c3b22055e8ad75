package screen

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Latin letters with diacritics reach the matcher as their canonical
// decomposition (base letter, then combining marks), so a phrase written
// with precomposed letters ("việc", NFC) also matches text typed with
// combining marks ("vie\u0323\u0302c", as some Vietnamese keyboards send
// it), and the reverse. Marks are kept: "cao" does not match "cáo".

// Ranges of precomposed Latin letters the matcher decomposes: Latin-1
// Supplement and Latin Extended-A/B (U+00C0-U+024F), Latin Extended
// Additional (U+1E00-U+1EFF, most Vietnamese letters with tones).
const (
	latinLo1, latinHi1 = 0x00C0, 0x0250
	latinLo2, latinHi2 = 0x1E00, 0x1F00
)

// latinFold holds, for each rune of the ranges above, its lower-cased
// canonical decomposition and how many runes that is; "" when the rune
// does not decompose.
var (
	latinFold1 [latinHi1 - latinLo1]foldedRune
	latinFold2 [latinHi2 - latinLo2]foldedRune
)

type foldedRune struct {
	s string
	n int
}

func init() {
	fill := func(dst []foldedRune, lo rune) {
		for i := range dst {
			r := lo + rune(i)
			d := norm.NFD.String(string(r))
			if utf8.RuneCountInString(d) < 2 {
				continue
			}
			var b strings.Builder
			for _, x := range d {
				b.WriteRune(unicode.ToLower(x))
			}
			dst[i] = foldedRune{b.String(), utf8.RuneCountInString(d)}
		}
	}
	fill(latinFold1[:], latinLo1)
	fill(latinFold2[:], latinLo2)
}

// decomposeLatin returns the lower-cased decomposition of r, or ok false
// when r is not a precomposed Latin letter.
func decomposeLatin(r rune) (foldedRune, bool) {
	var f foldedRune
	switch {
	case r >= latinLo1 && r < latinHi1:
		f = latinFold1[r-latinLo1]
	case r >= latinLo2 && r < latinHi2:
		f = latinFold2[r-latinLo2]
	}
	return f, f.n > 0
}

// isCombiningMark reports the combining diacritical marks (U+0300-U+036F)
// that Latin letters decompose into.
func isCombiningMark(r rune) bool { return r >= 0x0300 && r <= 0x036F }

// stripDiacritics removes the marks from Latin letters ("việc nhẹ" ->
// "viec nhe"; "đ" -> "d"), the way Vietnamese is often typed without them.
// Other scripts are left alone.
func stripDiacritics(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		case isCombiningMark(r):
		default:
			if _, ok := decomposeLatin(r); ok {
				d := norm.NFD.String(string(r))
				_, w := utf8.DecodeRuneInString(d)
				b.WriteString(d[:w])
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// strippedVariant returns the diacritic-free spelling of a phrase when it
// differs and is long enough not to collide with other words: two words or
// more, or a single word of six letters or more ("lào" -> "lao" is left
// out: "lao" is also the start of "lao động").
func strippedVariant(p string) (string, bool) {
	s := stripDiacritics(p)
	if s == p {
		return "", false
	}
	core := strings.Trim(s, "* ")
	if strings.Contains(core, " ") || utf8.RuneCountInString(core) >= 6 {
		return s, true
	}
	return "", false
}
