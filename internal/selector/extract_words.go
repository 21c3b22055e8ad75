package selector

import "strings"

// Marks say which kinds of character a word run has, to skip the
// detectors that cannot match.
const (
	mAlpha uint8 = 1 << iota
	mDigit
	mAt
	mDot
	mColon
	mSlash
)

var markOf = func() (t [128]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = mDigit
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = mAlpha, mAlpha
	}
	t['@'], t['.'], t[':'], t['/'] = mAt, mDot, mColon, mSlash
	return t
}()

// words finds the selectors in one word run: context words, URLs,
// domains, e-mail addresses, @handles, IP addresses, wallets, IBANs, and
// handles that a context word announced. Digit runs are digitsIn's. It
// returns the run's marks. depth counts the context words read off the
// front of the run so far ("ID:abc": one).
func (sc *scanner) words(r *run, depth int) uint8 {
	s := r.s
	var marks uint8
	colons := 0
	for k := 0; k < len(s); k++ {
		c := s[k]
		marks |= markOf[c&0x7f]
		if c == ':' {
			colons++
		}
	}
	// The core of the run, without the brackets and sentence punctuation
	// around it.
	a, e := 0, len(s)
	for a < e && (s[a] == '(' || s[a] == '[' || s[a] == ':' || s[a] == '=') {
		a++
	}
	for e > a && isTrailing(s[e-1]) {
		e--
	}
	if a == e {
		return marks
	}
	// A context word, alone ("Telegram", "account:") or glued to what it
	// names ("ID:abc123", "WA:+85512345678").
	m := a
	for m < e && (isAlpha(s[m]) || (s[m] == '/' && m == a+1 && e > a+2)) {
		m++
	}
	if m > a && (m == e || s[m] == ':' || s[m] == '=') && depth < 2 {
		if cw, ok := asciiCtx(s[a:m]); ok {
			colon := m < len(s) && (s[m] == ':' || s[m] == '=')
			if m == e && !colon {
				colon = colonAfter(sc.text, r.end)
			}
			sc.applyCtx(cw, r.at(a), r.at(m), colon)
			if m == e {
				return marks
			}
			for m < e && (s[m] == ':' || s[m] == '=') {
				m++
			}
			sub := r.slice(m, len(s))
			sc.words(&sub, depth+1)
			return marks
		}
		if m == e && m-a <= 5 && isPairSecond(s[a]) && sc.pairCtx(r.start, r.at(m)) {
			return marks
		}
	}
	matched := false
	if marks&(mColon|mSlash) == mColon|mSlash {
		if i := strings.Index(s, "://"); i > 0 {
			matched = sc.schemeURL(r, i)
		}
	}
	if marks&mAt != 0 {
		matched = sc.atSigns(r) || matched
	}
	if marks&mDot != 0 {
		matched = sc.hosts(r) || matched
	}
	if colons >= 2 {
		matched = sc.ipv6(r) || matched
	}
	if e-a >= 4 && (marks&mDigit != 0 || e-a >= 25) {
		matched = sc.segments(r) || matched
	}
	if sc.ctx.handleAt(r.start) {
		if !matched {
			matched = sc.ctxHandle(r, a, e)
		}
		// A colon or an ID word vouches for the one token after it.
		sc.ctx.hExplicit, sc.ctx.hASCII = false, true
	}
	if !matched && marks&mAlpha != 0 {
		sc.ctx.plainWord()
	}
	return marks
}

// isPairSecond reports whether c may start the second word of a phrase of
// asciiPairs ("khoan", "hang", "tk", "thoai").
func isPairSecond(c byte) bool {
	c |= 0x20
	return c == 'k' || c == 'h' || c == 't'
}

// isTrailing reports whether c is punctuation that ends a sentence or a
// bracket rather than a selector.
func isTrailing(c byte) bool {
	switch c {
	case '.', '?', ')', ']', ':', '(':
		return true
	}
	return false
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
			sc.applyCtx(&ctxWord{w: p.first, kind: p.kind}, sc.prevStart, end, colonAfter(sc.text, end))
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
