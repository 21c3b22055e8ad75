package selector

import (
	"strings"
	"unicode/utf8"
)

// foldFullWidth turns full-width ASCII forms (U+FF01–U+FF5E, typed by
// Chinese, Japanese and Korean input methods: "ｈｔｔｐｓ：／／", "＠ｎａｍｅ")
// and the ideographic space into their ASCII counterparts. Text without
// them is returned as it is, without allocating.
func foldFullWidth(s string) string {
	if !strings.Contains(s, "\xef\xbc") && !strings.Contains(s, "\xef\xbd") && !strings.Contains(s, "\u3000") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			b.WriteByte(byte(r - 0xFF01 + '!'))
		case r == 0x3000:
			b.WriteByte(' ')
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
