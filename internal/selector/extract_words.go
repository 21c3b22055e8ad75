package selector

import "strings"

// words finds the selectors in one word run: context words, URLs,
// domains, e-mail addresses, @handles, IP addresses, wallets, IBANs, and
// handles that a context word announced. Digit runs are digitsIn's.
func (sc *scanner) words(r *run) {
	s := r.s
	// The core of the run, without the brackets and sentence punctuation
	// around it.
	a, e := 0, len(s)
	for a < e && (s[a] == '(' || s[a] == '[' || s[a] == ':' || s[a] == '=') {
		a++
	}
	for e > a && strings.IndexByte(".?)]:(", s[e-1]) >= 0 {
		e--
	}
	if a == e {
		return
	}
	// A context word, alone ("Telegram", "account:") or glued to what it
	// names ("ID:abc123", "WA:+85512345678").
	m := a
	for m < e && (isAlpha(s[m]) || (s[m] == '/' && m == a+1 && e > a+2)) {
		m++
	}
	if m > a && (m == e || s[m] == ':' || s[m] == '=') {
		if cw, ok := asciiCtx(s[a:m]); ok {
			colon := m < len(s) && (s[m] == ':' || s[m] == '=')
			if m == e && !colon {
				colon = colonAfter(sc.text, r.end)
			}
			sc.applyCtx(cw, r.at(a), r.at(m), colon)
			if m == e {
				return
			}
			for m < e && (s[m] == ':' || s[m] == '=') {
				m++
			}
			sub := r.slice(m, len(s))
			sc.words(&sub)
			return
		}
		if m == e && sc.pairCtx(r.start, r.at(m)) {
			return
		}
	}
	hasAlpha := m > a
	matched := false
	if i := strings.Index(s, "://"); i > 0 {
		matched = sc.schemeURL(r, i)
	}
	if strings.IndexByte(s, '@') >= 0 {
		matched = sc.atSigns(r) || matched
	}
	if strings.IndexByte(s, '.') > 0 {
		matched = sc.hosts(r) || matched
	}
	if strings.Count(s, ":") >= 2 {
		matched = sc.ipv6(r) || matched
	}
	if e-a >= 4 {
		matched = sc.segments(r) || matched
	}
	if sc.ctx.handleAt(r.start) {
		if !matched {
			matched = sc.ctxHandle(r, a, e)
		}
		// A colon or an ID word vouches for the one token after it.
		sc.ctx.hExplicit, sc.ctx.hASCII = false, true
	}
	if !matched {
		if !hasAlpha {
			for k := a; k < e; k++ {
				if isAlpha(s[k]) {
					hasAlpha = true
					break
				}
			}
		}
		if hasAlpha {
			sc.ctx.plainWord()
		}
	}
}

// pairCtx recognises the second word of a two-word context phrase ("tai
// khoan") ending at end, the first being the previous word run.
func (sc *scanner) pairCtx(start, end int) bool {
	if sc.prevEnd+1 != start || sc.text[sc.prevEnd] != ' ' {
		return false
	}
	first, second := sc.text[sc.prevStart:sc.prevEnd], sc.text[start:end]
	for _, p := range asciiPairs {
		if equalFoldASCII(first, p.first) && equalFoldASCII(second, p.second) {
			sc.applyCtx(ctxWord{w: p.first + " " + p.second, kind: p.kind}, sc.prevStart, end, colonAfter(sc.text, end))
			return true
		}
	}
	return false
}

// urlSchemes are the schemes of web links, with their defanged spellings.
var urlSchemes = []string{"https", "http", "hxxps", "hxxp", "hxtps", "hxtp", "ftp", "fxp", "wss", "ws"}

// trimURLEnd drops the punctuation that ends a sentence rather than a URL
// from s[a:e], and closing brackets that were not opened in it.
func trimURLEnd(s string, a, e int) int {
	for e > a {
		switch c := s[e-1]; c {
		case '.', ':', '?', '!', '-', '=', '&':
			e--
			continue
		case ')', ']':
			open := byte('(')
			if c == ']' {
				open = '['
			}
			if strings.Count(s[a:e], string(open)) < strings.Count(s[a:e], string(c)) {
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

// atSigns reads the e-mail addresses and @handles of a run.
func (sc *scanner) atSigns(r *run) bool {
	s := r.s
	matched := false
	for k := strings.IndexByte(s, '@'); k >= 0; {
		a := k
		for a > 0 && k-a <= maxLocalLen && asciiClass[s[a-1]]&clLocal != 0 {
			a--
		}
		for a < k && s[a] == '.' {
			a++
		}
		e := k + 1
		for e < len(s) && e-k <= maxDomainLen && asciiClass[s[e]]&clHost != 0 {
			e++
		}
		for e > k+1 && (s[e-1] == '.' || s[e-1] == '-') {
			e--
		}
		switch {
		case a < k && k-a <= maxLocalLen && strings.IndexByte(s[k+1:e], '.') > 0:
			start, end := r.at(a), r.at(e)
			if _, ok := sc.try(Email, start, end, Options{}); ok {
				sc.cover(start, end)
				matched = true
			}
		case a == k && (k == 0 || !isAlnum(s[k-1])):
			q := k + 1
			for q < len(s) && q-k <= 64 && (isAlnum(s[q]) || s[q] == '_' || s[q] == '.') {
				q++
			}
			for q > k+1 && s[q-1] == '.' {
				q--
			}
			if q > k+1 && (q == len(s) || s[q] != '@') {
				matched = sc.handle(r.at(k), r.at(q)) || matched
			}
		}
		next := strings.IndexByte(s[k+1:], '@')
		if next < 0 {
			break
		}
		k += 1 + next
	}
	return matched
}

// handle tries text[start:end] as a handle of the platform the context
// names, or of none.
func (sc *scanner) handle(start, end int) bool {
	if sc.ctx.handleAt(start) && sc.ctx.hPlatform != "" {
		if _, ok := sc.try(Handle, start, end, Options{Platform: sc.ctx.hPlatform}); ok {
			return true
		}
	}
	_, ok := sc.try(Handle, start, end, Options{})
	return ok
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

// segments reads the letter-and-digit segments of a run that may be wallet
// addresses or IBANs.
func (sc *scanner) segments(r *run) bool {
	s := r.s
	matched := false
	for k := 0; k < len(s); {
		if !isAlnum(s[k]) {
			k++
			continue
		}
		a := k
		for k < len(s) && isAlnum(s[k]) {
			k++
		}
		if k-a < 4 {
			continue
		}
		start, end := r.at(a), r.at(k)
		if end-start != k-a || sc.isCovered(start) && !sc.walletInLink(start) {
			continue // folded characters: wallets and IBANs are ASCII
		}
		if kind := walletShape(s[a:k]); kind != "" {
			if kind == "cash" && a >= 12 && equalFoldASCII(s[a-12:a], "bitcoincash:") {
				start = r.at(a - 12)
			}
			if _, ok := sc.try(Crypto, start, end, Options{}); ok {
				sc.cover(start, end)
				matched = true
			}
			continue
		}
		if isIBANStart(s[a:k]) {
			matched = sc.iban(r, a, k) || matched
		}
	}
	return matched
}

// walletInLink reports whether the covered position p is inside a URL,
// where a wallet in the path (an explorer's address page) still counts.
func (sc *scanner) walletInLink(p int) bool {
	for i := len(sc.out) - 1; i >= 0 && sc.out[i].End > p; i-- {
		if sc.out[i].Kind == URL && sc.out[i].Start <= p {
			return true
		}
	}
	return false
}

// walletShape says whether a segment has the length and alphabet of a
// wallet address, before any checksum is computed: "evm", "bech32",
// "cash", "b58" or "".
func walletShape(w string) string {
	n := len(w)
	switch {
	case n == 42 && w[0] == '0' && (w[1] == 'x' || w[1] == 'X'):
		for i := 2; i < n; i++ {
			if !isHexOrColon(w[i]) || w[i] == ':' {
				return ""
			}
		}
		return "evm"
	case n >= 14 && n <= 90 && (equalFoldASCII(w[:3], "bc1") || equalFoldASCII(w[:4], "ltc1")):
		return "bech32"
	case n == 42 && (w[0] == 'q' || w[0] == 'p'):
		return "cash"
	case n >= 25 && n <= 36, n == 95, n == 106:
		for i := 0; i < n; i++ {
			if asciiClass[w[i]]&clB58 == 0 {
				return ""
			}
		}
		return "b58"
	}
	return ""
}

// isIBANStart reports whether w starts like an IBAN: two capital letters
// and two check digits.
func isIBANStart(w string) bool {
	return len(w) >= 4 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' && w[1] <= 'Z' && isDigit(w[2]) && isDigit(w[3])
}

// maxIBAN is the longest IBAN (ISO 13616 allows 34 characters).
const maxIBAN = 34

// iban reads an IBAN starting at the segment s[a:k]: written in one piece
// (DE89370400440532013000) or in groups of four (DE89 3704 0044 0532 0130
// 00).
func (sc *scanner) iban(r *run, a, k int) bool {
	s := r.s
	if k-a >= 15 && k-a <= maxIBAN {
		start, end := r.at(a), r.at(k)
		if _, ok := sc.try(BankAccount, start, end, Options{}); ok {
			sc.cover(start, end)
			return true
		}
		return false
	}
	if k-a != 4 || k != len(s) || r.pos != nil {
		return false
	}
	// Grouped: read the next groups from the text.
	text := sc.text
	var ends [9]int
	groups := 0
	total := 4
	p := r.end
	for groups < len(ends) && p+1 < len(text) && text[p] == ' ' {
		q := p + 1
		for q < len(text) && q-p <= 4 && (isDigit(text[q]) || (text[q] >= 'A' && text[q] <= 'Z')) {
			q++
		}
		if q == p+1 || q-p > 5 || (q < len(text) && isAlnum(text[q])) || total+q-p-1 > maxIBAN {
			break
		}
		total += q - p - 1
		ends[groups] = q
		groups++
		p = q
	}
	start := r.at(a)
	for g := groups - 1; g >= 0 && g >= groups-3; g-- {
		if ends[g]-start < 15 {
			break
		}
		if _, ok := sc.try(BankAccount, start, ends[g], Options{}); ok {
			sc.cover(start, ends[g])
			sc.digitCursor = max(sc.digitCursor, ends[g])
			return true
		}
	}
	return false
}

// ctxHandle tries the token s[a:e] as the handle a context word announced
// ("Telegram: scam_support", "카톡 아이디 lucky777").
func (sc *scanner) ctxHandle(r *run, a, e int) bool {
	c := &sc.ctx
	if c.hWeak && !c.hExplicit {
		return false
	}
	s := r.s
	for a < e && s[a] == '@' {
		a++
	}
	if e-a < 3 || e-a > 64 {
		return false
	}
	letters, digits, marks := 0, 0, 0
	for k := a; k < e; k++ {
		switch ch := s[k]; {
		case isAlpha(ch):
			letters++
		case isDigit(ch):
			digits++
		case ch == '_' || ch == '.' || ch == '-':
			marks++
		default:
			return false
		}
	}
	if letters == 0 {
		return false
	}
	if !c.hExplicit && c.hASCII && digits == 0 && marks == 0 {
		return false // "Telegram channel": an English word, not a handle
	}
	start, end := r.at(a), r.at(e)
	if end-start != e-a {
		return false
	}
	_, ok := sc.try(Handle, start, end, Options{Platform: c.hPlatform})
	if ok {
		c.hWords = ctxMaxWords // a list may go on; a sentence may not
	}
	return ok
}
