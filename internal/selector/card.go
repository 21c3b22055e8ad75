package selector

import (
	"strings"
	"unicode/utf8"
)

// Payment cards. A card number is 13 to 19 digits (spaces and dashes
// allowed between them) that pass the Luhn check and fall in a known
// issuer (IIN) range with a length that issuer uses; Subtype is the brand.
//
// Value is the full number (the PAN): investigators and the banks that
// freeze cards need it, and two reports of one card must meet. Display
// masks everything but the first four and last four digits
// ("4111 •••• •••• 1111") and is the only form to show the public or to
// write where the full number is not needed.

const (
	cardMinDigits = 13
	cardMaxDigits = 19
	cardMaxInput  = 64
)

// cardBrand is an IIN range: numbers whose first len(lo) digits lie in
// [lo, hi] and whose length is one of lengths.
type cardBrand struct {
	brand   string
	lo, hi  string
	lengths []int
}

// cardBrands is checked in order; the first match wins, so narrower ranges
// come before the wider ones that contain them.
var cardBrands = []cardBrand{
	{"amex", "34", "34", []int{15}},
	{"amex", "37", "37", []int{15}},
	{"mir", "2200", "2204", []int{16, 17, 18, 19}},
	{"mastercard", "2221", "2720", []int{16}},
	{"mastercard", "51", "55", []int{16}},
	{"jcb", "3528", "3589", []int{16, 17, 18, 19}},
	{"diners", "300", "305", []int{14, 15, 16, 17, 18, 19}},
	{"diners", "36", "36", []int{14, 15, 16, 17, 18, 19}},
	{"diners", "38", "39", []int{14, 15, 16, 17, 18, 19}},
	{"discover", "6011", "6011", []int{16, 17, 18, 19}},
	{"discover", "644", "649", []int{16, 17, 18, 19}},
	{"discover", "65", "65", []int{16, 17, 18, 19}},
	{"unionpay", "62", "62", []int{16, 17, 18, 19}},
	{"unionpay", "81", "81", []int{16, 17, 18, 19}},
	{"maestro", "5018", "5018", []int{12, 13, 14, 15, 16, 17, 18, 19}},
	{"maestro", "5020", "5020", []int{12, 13, 14, 15, 16, 17, 18, 19}},
	{"maestro", "5038", "5038", []int{12, 13, 14, 15, 16, 17, 18, 19}},
	{"maestro", "5893", "5893", []int{12, 13, 14, 15, 16, 17, 18, 19}},
	{"maestro", "6304", "6304", []int{12, 13, 14, 15, 16, 17, 18, 19}},
	{"maestro", "6759", "6759", []int{12, 13, 14, 15, 16, 17, 18, 19}},
	{"maestro", "6761", "6763", []int{12, 13, 14, 15, 16, 17, 18, 19}},
	{"visa", "4", "4", []int{13, 16, 19}},
}

func parseCard(raw string, o Options) (Selector, error) {
	if len(raw) > cardMaxInput {
		return Selector{}, invalid(Card, CodeTooLong, raw, "too long for a card number")
	}
	if !utf8.ValidString(raw) {
		return Selector{}, invalid(Card, CodeBadUTF8, raw, "not valid UTF-8")
	}
	digits, ok := cardDigits(raw)
	if !ok {
		return Selector{}, invalid(Card, CodeCardCharacters, raw, "a card number is digits with optional spaces or dashes")
	}
	if len(digits) < cardMinDigits || len(digits) > cardMaxDigits {
		return Selector{}, fault{code: CodeCardLength, accepted: "13–19", reason: "a card number has 13 to 19 digits"}.err(Card, raw)
	}
	if !cardLuhn(digits) {
		return Selector{}, invalid(Card, CodeCardLuhn, raw, "Luhn check fails (mistyped or made-up number)")
	}
	brand := cardBrandOf(digits)
	if brand == "" {
		return Selector{}, invalid(Card, CodeCardBrand, raw, "no card brand issues numbers like this")
	}
	return Selector{Kind: Card, Value: digits, Display: cardMask(digits, brand), Subtype: brand}, nil
}

// cardDigits strips single spaces and dashes between digits.
func cardDigits(raw string) (string, bool) {
	var b strings.Builder
	b.Grow(len(raw))
	prevSep := true // no separator first
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c >= '0' && c <= '9':
			b.WriteByte(c)
			prevSep = false
		case c == ' ' || c == '-':
			if prevSep {
				return "", false
			}
			prevSep = true
		default:
			return "", false
		}
	}
	if prevSep {
		return "", false
	}
	return b.String(), true
}

// cardLuhn is the ISO/IEC 7812 check: doubling every second digit from the
// right, the digit sum is a multiple of ten.
func cardLuhn(digits string) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

func cardBrandOf(digits string) string {
	for _, b := range cardBrands {
		p := digits[:len(b.lo)]
		if p < b.lo || p > b.hi {
			continue
		}
		for _, n := range b.lengths {
			if n == len(digits) {
				return b.brand
			}
		}
	}
	return ""
}

// cardMask keeps the first four and last four digits and groups the
// number as the brand prints it (4-6-5 for American Express, 4-6-4 for
// 14-digit Diners, fours otherwise).
func cardMask(digits, brand string) string {
	masked := []rune(digits)
	for i := 4; i < len(masked)-4; i++ {
		masked[i] = '•'
	}
	groups := []int{}
	switch {
	case brand == "amex" || (brand == "diners" && len(digits) == 14):
		groups = []int{4, 6, len(digits) - 10}
	default:
		for n := len(digits); n > 0; n -= 4 {
			groups = append(groups, min(4, n))
		}
	}
	var b strings.Builder
	pos := 0
	for i, g := range groups {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(string(masked[pos : pos+g]))
		pos += g
	}
	return b.String()
}
