package selector

import (
	"strings"
	"unicode/utf8"
)

// E-mail addresses.
//
// The local part is kept exactly as written (RFC 5321 says only the
// receiving host may interpret it, and some hosts do distinguish case);
// it must be an RFC 5322 dot-atom, which may contain UTF-8 as RFC 6531
// allows, or a quoted string. The domain is normalised as a domain
// selector is (lower case, punycode, a real top-level domain); address
// literals such as user@[192.0.2.1] are refused, since no scam uses them
// and they cannot be checked. "mailto:", angle brackets and defanged
// forms (user[@]example[.]com, user(at)example.com) are accepted.
// Value is local@domain in punycode, Display the same with the domain in
// Unicode.

// maxEmailLen bounds the input; RFC 5321 limits a path to 256 octets.
const maxEmailLen = 512

// maxLocalLen is RFC 5321's limit on the local part.
const maxLocalLen = 64

func parseEmail(raw string, o Options) (Selector, error) {
	raw = foldFullWidth(raw)
	if len(raw) > maxEmailLen {
		return Selector{}, invalid(Email, CodeTooLong, raw, "too long for an e-mail address")
	}
	if !utf8.ValidString(raw) {
		return Selector{}, invalid(Email, CodeBadUTF8, raw, "not valid UTF-8")
	}
	s := refangEmail(raw)
	if len(s) > 7 && strings.EqualFold(s[:7], "mailto:") {
		s = s[7:]
	}
	if len(s) > 2 && s[0] == '<' && s[len(s)-1] == '>' {
		s = s[1 : len(s)-1]
	}
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return Selector{}, invalid(Email, CodeEmailNoAt, raw, "no @")
	}
	local, domain := s[:at], s[at+1:]
	if reason := checkLocalPart(local); reason != "" {
		return Selector{}, invalid(Email, CodeEmailLocalPart, raw, reason)
	}
	if domain == "" {
		return Selector{}, invalid(Email, CodeEmailNoDomain, raw, "no domain after @")
	}
	d, f := normalizeDomain(domain)
	if f.failed() {
		return Selector{}, invalid(Email, CodeEmailBadDomain, raw, "bad domain: "+f.reason)
	}
	return Selector{
		Kind:    Email,
		Value:   local + "@" + d,
		Display: local + "@" + displayHost(d),
	}, nil
}

// checkLocalPart says why l is not an RFC 5322 dot-atom or quoted string.
func checkLocalPart(l string) string {
	switch {
	case l == "":
		return "empty local part"
	case len(l) > maxLocalLen:
		return "local part longer than 64 octets"
	case l[0] == '"':
		return checkQuotedLocal(l)
	}
	prevDot := true // no leading dot
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case c == '.':
			if prevDot {
				return "misplaced dot in local part"
			}
			prevDot = true
			continue
		case c >= utf8.RuneSelf, isAtext(c):
		default:
			return "character " + strconvQuoteByte(c) + " not allowed in local part"
		}
		prevDot = false
	}
	if prevDot {
		return "local part ends with a dot"
	}
	return ""
}

// checkQuotedLocal checks a quoted-string local part: printable ASCII
// (or UTF-8) between the quotes, with backslash escapes.
func checkQuotedLocal(l string) string {
	if len(l) < 2 || l[len(l)-1] != '"' {
		return "unterminated quoted local part"
	}
	inner := l[1 : len(l)-1]
	for i := 0; i < len(inner); i++ {
		c := inner[i]
		switch {
		case c == '\\':
			if i+1 >= len(inner) || inner[i+1] < 0x20 || inner[i+1] == 0x7f {
				return "bad escape in quoted local part"
			}
			i++
		case c == '"':
			return "unescaped quote in quoted local part"
		case c < 0x20 || c == 0x7f:
			return "control character in quoted local part"
		}
	}
	return ""
}

// isAtext reports whether c is an RFC 5322 atext character.
func isAtext(c byte) bool {
	if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
		return true
	}
	return strings.IndexByte("!#$%&'*+-/=?^_`{|}~", c) >= 0
}

func strconvQuoteByte(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return "'" + string(rune(c)) + "'"
	}
	const hex = "0123456789abcdef"
	return "0x" + string([]byte{hex[c>>4], hex[c&15]})
}
