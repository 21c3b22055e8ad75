package selector

import "strings"

// Links and hosts: URLs with a scheme, scheme-less ones (www.example.com,
// t.me/name), bare domains, IP addresses, and the handles and numbers
// that messenger links carry.

// urlSchemes are the schemes of web links, with their defanged spellings.
var urlSchemes = []string{"https", "http", "hxxps", "hxxp", "hxtps", "hxtp", "ftp", "fxp", "wss", "ws"}

// trimURLEnd drops the punctuation that ends a sentence rather than a URL
// from s[a:e], and closing brackets that were not opened in it.
func trimURLEnd(s string, a, e int) int {
	opens := [2]int{strings.Count(s[a:e], "("), strings.Count(s[a:e], "[")}
	closes := [2]int{strings.Count(s[a:e], ")"), strings.Count(s[a:e], "]")}
	for e > a {
		switch c := s[e-1]; c {
		case '.', ':', '?', '!', '-', '=', '&':
			e--
			continue
		case ')', ']':
			k := 0
			if c == ']' {
				k = 1
			}
			if opens[k] < closes[k] {
				closes[k]--
				e--
				continue
			}
		}
		break
	}
	return e
}

// schemeURL reads the URL whose "://" is at s[i].
func (sc *scanner) schemeURL(r *run, i int) bool {
	s := r.s
	b := i
	for b > 0 && i-b < 8 && isAlpha(s[b-1]) {
		b--
	}
	name := s[b:i]
	found := false
	for _, sch := range urlSchemes {
		if len(name) >= len(sch) && equalFoldASCII(name[len(name)-len(sch):], sch) {
			b = i - len(sch)
			found = true
			break
		}
	}
	if !found {
		return false
	}
	e := trimURLEnd(s, b, len(s))
	if e <= i+3 {
		return false
	}
	start, end := r.at(b), r.at(e)
	u, ok := sc.try(URL, start, end, Options{})
	if !ok {
		return false
	}
	sc.cover(start, end)
	sc.urlStart, sc.urlEnd = start, end
	sc.linkExtras(start, end, u)
	return true
}

// linkExtras reads the URL text[start:end] as a messenger link too: t.me,
// line.me, open.kakao.com and profile links name a handle; wa.me,
// zalo.me and api.whatsapp.com/send links carry a phone number, which is
// reported on its digits.
func (sc *scanner) linkExtras(start, end int, u Selector) {
	if !isMessengerSite(u.Subtype) {
		return
	}
	sel, ok := sc.parse(Handle, sc.text[start:end], Options{})
	if !ok {
		return
	}
	switch sel.Kind {
	case Handle:
		sc.emit(sel, start, end, Options{})
	case Phone:
		// The number is the last run of digits (with a leading "+").
		raw := sc.text[start:end]
		e := len(raw)
		for e > 0 && !isDigit(raw[e-1]) {
			e--
		}
		b := e
		for b > 0 && isDigit(raw[b-1]) {
			b--
		}
		if b > 0 && raw[b-1] == '+' {
			b--
		}
		if b < e {
			sc.try(Phone, start+b, start+e, Options{})
		}
	}
}

// messengerSites are the registrable domains of the links that the handle
// parser reads as accounts or phone numbers.
var messengerSites = []string{
	"t.me", "telegram.me", "telegram.dog", "wa.me", "whatsapp.com", "line.me", "kakao.com",
	"signal.me", "signal.group", "zalo.me", "facebook.com", "fb.com", "fb.me", "instagram.com",
	"tiktok.com", "x.com", "twitter.com",
}

func isMessengerSite(domain string) bool {
	for _, s := range messengerSites {
		if domain == s {
			return true
		}
	}
	return false
}

// hosts reads the host names of a run: bare domains (example.co.kr,
// binance-vip[.]com), URLs without a scheme (www.example.com,
// t.me/name) and IPv4 addresses.
func (sc *scanner) hosts(r *run) bool {
	s := r.s
	matched := false
	for k := 0; k < len(s); {
		if asciiClass[s[k]]&clHost == 0 {
			k++
			continue
		}
		a := k
		for k < len(s) && asciiClass[s[k]]&clHost != 0 {
			k++
		}
		if strings.IndexByte(s[a:k], '.') >= 0 {
			matched = sc.host(r, a, k) || matched
		}
	}
	return matched
}

// host reads the host-name characters s[a:k] of a run.
func (sc *scanner) host(r *run, a, k int) bool {
	s := r.s
	if a > 0 && strings.IndexByte("/@%&?#~_+", s[a-1]) >= 0 {
		return false
	}
	if k < len(s) && (s[k] == '@' || s[k] == '_') {
		return false // an e-mail's local part, or part of a longer name
	}
	for a < k && (s[a] == '.' || s[a] == '-') {
		a++
	}
	e := k
	for e > a && (s[e-1] == '.' || s[e-1] == '-') {
		e--
	}
	if a == e || sc.isCovered(r.at(a)) {
		return false
	}
	h := s[a:e]
	dot := strings.LastIndexByte(h, '.')
	if dot <= 0 {
		return false
	}
	if isIPv4Shape(h) {
		start, end := r.at(a), r.at(e)
		if _, ok := sc.try(IP, start, end, Options{}); ok {
			sc.cover(start, end)
			return true
		}
		return false
	}
	// The top-level label: letters, or punycode. "www.Ldew.com1win150"
	// (a name run into the next word) is cut after its letters.
	tld := h[dot+1:]
	cut := false
	if !isTLDShape(tld) {
		l := 0
		for l < len(tld) && isAlpha(tld[l]) {
			l++
		}
		if l < 2 || !isDigit(tld[l]) {
			return false
		}
		e = a + dot + 1 + l
		tld = tld[:l]
		cut = true
	}
	www := e-a > 4 && equalFoldASCII(s[a:a+4], "www.")
	path := !cut && e < len(s) && s[e] == '/'
	start := r.at(a)
	if !www && !path && !cut && r.at(e)-start == e-a {
		// Not written as a link: check the name looks like one.
		if !bareTLDOK(tld) && (len(tld) != 2 || strings.Count(h, ".") == 1) {
			return false
		}
		if strings.IndexByte(h, '.') < 2 {
			return false // "2.IM", "a.so"
		}
	}
	if path || www {
		ue := e
		if path {
			ue = trimURLEnd(s, a, len(s))
		}
		if u, ok := sc.try(URL, start, r.at(ue), Options{}); ok {
			sc.cover(start, r.at(ue))
			sc.urlStart, sc.urlEnd = start, r.at(ue)
			sc.linkExtras(start, r.at(ue), u)
			return true
		}
	}
	if _, ok := sc.try(Domain, start, r.at(e), Options{}); ok {
		sc.cover(start, r.at(e))
		return true
	}
	return false
}

// bareTLDOK says whether a name written without "www.", a path or
// defanging may end with the top-level label tld (names of three labels
// may also end with any country's: example.co.kr). Sentences run
// together ("tomorrow.call", "her.love", "days.so", "home.So") look like
// such names; so the label must be one of the old generic ones or those
// scam sites favour, or a country's that is no English word, and written
// in one case.
func bareTLDOK(tld string) bool {
	if len(tld) > 4 && equalFoldASCII(tld[:4], "xn--") {
		return true
	}
	if tld[0] >= 'A' && tld[0] <= 'Z' && strings.ToUpper(tld) != tld {
		return false
	}
	var buf [24]byte
	if len(tld) > len(buf) {
		return false
	}
	for i := 0; i < len(tld); i++ {
		buf[i] = lower(tld[i])
	}
	l := string(buf[:len(tld)])
	if len(l) == 2 {
		return !strings.Contains(wordCCTLDs, " "+l+" ")
	}
	return strings.Contains(webTLDs, " "+l+" ")
}

// webTLDs are the generic top-level labels accepted on bare names.
const webTLDs = " com net org info biz edu gov int mobi asia xyz top vip online site shop club icu app " +
	"live pro fun bet win store tech link click cyou buzz cloud website space finance exchange trade " +
	"market money global network digital email group agency services support social games casino " +
	"loan loans credit bank investments capital fund company ltd inc "

// wordCCTLDs are the country top-level labels that are English words or
// chat abbreviations, pair by pair.
const wordCCTLDs = " so be my in is it at to us as do no am me go hi by of on or an if up we he pa ma "

// isIPv4Shape reports whether s is four dot-separated digit groups.
func isIPv4Shape(s string) bool {
	dots := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.':
			dots++
		case !isDigit(c):
			return false
		}
	}
	return dots == 3
}

// isTLDShape reports whether s may be a top-level label: letters, or
// punycode.
func isTLDShape(s string) bool {
	if len(s) < 2 {
		return false
	}
	if len(s) > 4 && equalFoldASCII(s[:4], "xn--") {
		return true
	}
	for i := 0; i < len(s); i++ {
		if !isAlpha(s[i]) {
			return false
		}
	}
	return true
}

// ipv6 reads IPv6 addresses: runs of hex digits and colons with a "::" or
// seven colons.
func (sc *scanner) ipv6(r *run) bool {
	s := r.s
	matched := false
	for k := 0; k < len(s); {
		if !isHexOrColon(s[k]) {
			k++
			continue
		}
		a := k
		colons := 0
		for k < len(s) && (isHexOrColon(s[k]) || s[k] == '.') {
			if s[k] == ':' {
				colons++
			}
			k++
		}
		if colons < 2 || k-a > 45 || (colons < 7 && !strings.Contains(s[a:k], "::")) {
			continue
		}
		start, end := r.at(a), r.at(k)
		if sc.isCovered(start) {
			continue
		}
		if _, ok := sc.try(IP, start, end, Options{}); ok {
			sc.cover(start, end)
			matched = true
		}
	}
	return matched
}

func isHexOrColon(c byte) bool {
	return isDigit(c) || c == ':' || (c|0x20 >= 'a' && c|0x20 <= 'f')
}
