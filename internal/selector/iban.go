package selector

import (
	"strconv"
	"strings"
)

// International Bank Account Numbers (ISO 13616): country, two check
// digits, and a national BBAN whose length the country fixes. Valid when
// the number with its first four characters moved to the end, letters read
// as 10..35, leaves 1 modulo 97.

// ibanLengths is the IBAN length of each country in the SWIFT registry
// (plus the long-standing experimental ones). A country not listed does not
// issue IBANs, so a string naming it is not an IBAN.
var ibanLengths = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16,
	"BG": 22, "BH": 22, "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22,
	"CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20,
	"EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22,
	"GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28,
	"IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30,
	"KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
	"LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27,
	"MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24,
	"PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33,
	"SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
	"SO": 23, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29,
	"VA": 22, "VG": 24, "XK": 20, "YE": 30,
}

// ibanCompact upper-cases s and drops spaces, dashes and a leading "IBAN"
// (with or without a colon). It returns "" unless what is left looks like
// an IBAN: two letters, two digits, then letters and digits, 15 to 34
// characters in all.
func ibanCompact(s string) string {
	if len(s) > 64 {
		return ""
	}
	if len(s) >= 4 && strings.EqualFold(s[:4], "IBAN") {
		s = strings.TrimLeft(s[4:], " :")
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '-':
			continue
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		default:
			return ""
		}
		b.WriteByte(c)
	}
	out := b.String()
	if len(out) < 15 || len(out) > 34 {
		return ""
	}
	if out[0] < 'A' || out[0] > 'Z' || out[1] < 'A' || out[1] > 'Z' ||
		out[2] < '0' || out[2] > '9' || out[3] < '0' || out[3] > '9' {
		return ""
	}
	return out
}

// ibanCheck says why a compact upper-case IBAN does not have its
// country's length or valid check digits, or nothing.
func ibanCheck(iban string) fault {
	cc := iban[:2]
	n, known := ibanLengths[cc]
	if !known {
		return fault{code: CodeBankIBAN, region: cc, reason: "country " + cc + " does not issue IBANs"}
	}
	if len(iban) != n {
		return fault{code: CodeBankIBAN, region: cc, accepted: strconv.Itoa(n), reason: "an IBAN from " + cc + " has " + strconv.Itoa(n) + " characters"}
	}
	rem := 0
	add := func(c byte) {
		if c >= 'A' {
			v := int(c-'A') + 10
			rem = (rem*100 + v) % 97
		} else {
			rem = (rem*10 + int(c-'0')) % 97
		}
	}
	for i := 4; i < len(iban); i++ {
		add(iban[i])
	}
	for i := 0; i < 4; i++ {
		add(iban[i])
	}
	if rem != 1 {
		return fault{code: CodeBankIBAN, region: cc, reason: "IBAN check digits do not match (mistyped?)"}
	}
	return fault{}
}

// ibanGroup writes an IBAN in groups of four for people to read.
func ibanGroup(iban string) string {
	var b strings.Builder
	for i := 0; i < len(iban); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(iban[i:min(i+4, len(iban))])
	}
	return b.String()
}
