package screen

import (
	"sort"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// hasCombiningMark reports whether text holds a combining diacritical mark,
// as Vietnamese typed with decomposed tones ("thán\u0301g") does.
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

// parseAmountsComposed parses the NFC form of text, so the words the parser
// knows ("triệu", "tháng") match however the marks were typed, and maps
// the amounts' offsets back to text.
func parseAmountsComposed(text string) []Amount {
	// Compose segment by segment (a rune and the marks after it), keeping
	// where each composed segment starts in both strings.
	var comp []byte
	var compAt, origAt []int
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
		compAt = append(compAt, len(comp))
		origAt = append(origAt, i)
		comp = norm.NFC.AppendString(comp, text[i:j])
		i = j
	}
	compAt = append(compAt, len(comp))
	origAt = append(origAt, len(text))
	back := func(k int) int {
		// The last segment starting at or before k.
		n := sort.SearchInts(compAt, k+1) - 1
		if n < 0 {
			return 0
		}
		return origAt[n]
	}
	amounts := parseAmounts(string(comp))
	for i := range amounts {
		a := &amounts[i]
		a.Start, a.PrefixStart = back(a.Start), back(a.PrefixStart)
		// The end maps to the end of its segment, so the marks of the last
		// letter stay inside the span.
		end := sort.SearchInts(compAt, a.End)
		if end >= len(origAt) {
			end = len(origAt) - 1
		}
		a.End = origAt[end]
		if a.End < a.Start {
			a.End = a.Start
		}
		a.Text = text[a.Start:a.End]
	}
	return amounts
}
