package screen

import (
	"sort"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// hasCombiningMark reports whether text holds a combining diacritical mark,
// as Vietnamese typed with separate tone marks ("tha\u0301ng") does.
func hasCombiningMark(text string) bool {
	for i := 0; i < len(text); i++ {
		// U+0300-U+036F is encoded as 0xCC 0x80 .. 0xCD 0xAF.
		if c := text[i]; c == 0xCC || c == 0xCD {
			if r, _ := utf8.DecodeRuneInString(text[i:]); isCombiningMark(r) {
				return true
			}
		}
	}
	return false
}

// composedText is a text in NFC with the way back to the original offsets:
// phrases and amount words are matched on it, so they match however the
// marks were typed (precomposed, or apart and in any order).
type composedText struct {
	text           string
	compAt, origAt []int // where each segment (a rune and its marks) starts in each
	origLen        int
}

// composeText composes text segment by segment.
func composeText(text string) *composedText {
	c := &composedText{origLen: len(text)}
	var comp []byte
	for i := 0; i < len(text); {
		j := i
		_, w := utf8.DecodeRuneInString(text[j:])
		j += w
		for j < len(text) {
			r, w := utf8.DecodeRuneInString(text[j:])
			if !isCombiningMark(r) {
				break
			}
			j += w
		}
		c.compAt = append(c.compAt, len(comp))
		c.origAt = append(c.origAt, i)
		comp = norm.NFC.AppendString(comp, text[i:j])
		i = j
	}
	c.compAt = append(c.compAt, len(comp))
	c.origAt = append(c.origAt, len(text))
	c.text = string(comp)
	return c
}

// start maps an offset of the composed text to the start of its segment
// in the original.
func (c *composedText) start(k int) int {
	n := sort.SearchInts(c.compAt, k+1) - 1
	if n < 0 {
		return 0
	}
	return c.origAt[n]
}

// end maps the end of a span of the composed text to the end of the
// segment it falls in, so the marks of a span's last letter stay inside.
func (c *composedText) end(k int) int {
	n := sort.SearchInts(c.compAt, k)
	if n >= len(c.origAt) {
		return c.origLen
	}
	return c.origAt[n]
}
