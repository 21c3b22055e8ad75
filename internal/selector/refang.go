package selector

import "strings"

// Threat reports "defang" indicators so that nobody clicks them:
// hxxps://scam[.]example(dot)com, user[@]example[.]com. The refang helpers
// undo the common spellings so that a defanged and a live indicator get the
// same canonical value.

// refang modes: which bracketed tokens may be undone.
const (
	refangDots  = 1 << iota // [.] (.) {.} [dot] (dot) {dot}
	refangColon             // [:] [://] [/]
	refangAt                // [@] (@) {@} [at] (at) {at}
)

// refangTokens maps a bracketed token (lower case, without its brackets) to
// what it stands for and the mode that allows undoing it.
var refangTokens = [...]struct {
	token, repl string
	mode        int
}{
	{".", ".", refangDots},
	{"dot", ".", refangDots},
	{":", ":", refangColon},
	{"://", "://", refangColon},
	{"/", "/", refangColon},
	{"@", "@", refangAt},
	{"at", "@", refangAt},
}

// refangBrackets replaces the bracketed tokens that mode allows. It returns
// s itself when there is nothing to replace.
func refangBrackets(s string, mode int) string {
	if !strings.ContainsAny(s, "[({") {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var closer byte
		switch c {
		case '[':
			closer = ']'
		case '(':
			closer = ')'
		case '{':
			closer = '}'
		default:
			continue
		}
		// Tokens are at most three bytes long.
		end := strings.IndexByte(s[i+1:min(len(s), i+6)], closer)
		if end < 0 {
			continue
		}
		inner := s[i+1 : i+1+end]
		for _, t := range refangTokens {
			if t.mode&mode != 0 && strings.EqualFold(inner, t.token) {
				if b.Len() == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[last:i])
				b.WriteString(t.repl)
				i += end + 1
				last = i + 1
				break
			}
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// refangHost undoes defanged dots in a host name or address.
func refangHost(s string) string { return refangBrackets(s, refangDots) }

// refangEmail undoes defanged dots and at signs in an e-mail address.
func refangEmail(s string) string { return refangBrackets(s, refangDots|refangAt) }

// defangedSchemes maps defanged scheme names to the real ones.
var defangedSchemes = [...]struct{ from, to string }{
	{"hxxps", "https"},
	{"hxxp", "http"},
	{"hxtps", "https"},
	{"hxtp", "http"},
	{"fxp", "ftp"},
}

// refangURL undoes defanged schemes (hxxp, hxxps, fxp), colons and dots in
// a URL.
func refangURL(s string) string {
	s = refangBrackets(s, refangDots|refangColon)
	for _, d := range defangedSchemes {
		if len(s) > len(d.from) && strings.EqualFold(s[:len(d.from)], d.from) && s[len(d.from)] == ':' {
			return d.to + s[len(d.from):]
		}
	}
	return s
}
