package intake

import (
	"strconv"
	"strings"
)

// FormatMinor writes integer minor units as a decimal amount with its
// currency, as people read it: 1234567 KRW as "1,234,567 KRW", 150000 USD as "1,500.00 USD".
func FormatMinor(minor int64, cur string) string {
	exp, ok := CurrencyExponent(cur)
	if !ok {
		exp = 0
	}
	neg := minor < 0
	if neg {
		minor = -minor
	}
	s := strconv.FormatInt(minor, 10)
	frac := ""
	if exp > 0 {
		for len(s) <= exp {
			s = "0" + s
		}
		s, frac = s[:len(s)-exp], s[len(s)-exp:]
		frac = strings.TrimRight(frac, "0")
		if len(frac) < 2 && exp >= 2 {
			frac += strings.Repeat("0", 2-len(frac))
		}
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, ch := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(ch)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String() + " " + cur
}
