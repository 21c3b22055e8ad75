package screen

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// isCombiningMark reports the combining diacritical marks (U+0300-U+036F)
// that Latin letters carry when typed apart from them.
func isCombiningMark(r rune) bool { return r >= 0x0300 && r <= 0x036F }

// stripDiacritics removes the marks from Latin letters ("việc nhẹ" ->
// "viec nhe"; "đ" -> "d"), the way Vietnamese is often typed without them.
// Other scripts are left alone.
func stripDiacritics(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		case isCombiningMark(r):
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// strippedVariant returns the diacritic-free spelling of a phrase when it
// differs and is long enough not to collide with other words: two words or
// more, or a single word of six letters or more ("lào" -> "lao" is left
// out: "lao" is also the start of "lao động").
func strippedVariant(p string) (string, bool) {
	s := stripDiacritics(p)
	if s == norm.NFC.String(p) {
		return "", false
	}
	core := strings.Trim(s, "* ")
	if strings.Contains(core, " ") || utf8.RuneCountInString(core) >= 6 {
		return s, true
	}
	return "", false
}
