package selector

import (
	"strings"
	"unicode/utf8"
)

// Digit runs: digits with the separators people put in phone, account and
// card numbers ("+855 (0)12 345 678", "010-1234-5678", "012.345.678",
// "4111 1111 1111 1111"), in any of the scripts foldAt reads.

// digitGroup is one group of digits of a run: text[start:end], n digits.
type digitGroup struct{ start, end, n int }

const (
	// maxRunDigits and maxRunGroups bound a digit run; the rest of a longer
	// one starts a new run.
	maxRunDigits = 24
	maxRunGroups = 12
	// maxPhoneTries bounds the phone parses per digit run.
	maxPhoneTries = 8
	// minPhoneDigits is the fewest digits of a phone number: short codes
	// (87121) are not phone selectors.
	minPhoneDigits = 7
)

// digitsIn starts the digit runs whose first character is in the word run r.
func (sc *scanner) digitsIn(r *run) {
	s := r.s
	for k := 0; k < len(s); k++ {
		c := s[k]
		if !isDigit(c) && c != '+' && c != '(' {
			continue
		}
		p := r.at(k)
		if p < sc.digitCursor || sc.isCovered(p) || !sc.digitStart(p) {
			continue
		}
		sc.digitCursor = sc.digitRun(p)
	}
}

// currencySigns may stand before an amount, which is not a phone number.
const currencySigns = "$£€¥₩₫฿៛₹₱"

// digitStart reports whether a digit run may start at text[p]: a digit, a
// "+" or "(" before one, not inside a word, an amount or a decimal number.
func (sc *scanner) digitStart(p int) bool {
	text := sc.text
	c, size := byteAt(text, p)
	if c == '(' || c == '+' {
		if p+size >= len(text) {
			return false
		}
		d, sz := byteAt(text, p+size)
		if c == '(' && d == '+' && p+size+sz < len(text) {
			d, _ = byteAt(text, p+size+sz)
		}
		if !isDigit(d) {
			return false
		}
	}
	if p == 0 {
		return true
	}
	r, rsize := utf8.DecodeLastRuneInString(text[:p])
	if r >= utf8.RuneSelf {
		if fc, fs := foldAt(text, p-rsize); fs == rsize {
			return !isAlnum(fc) && fc != '+'
		}
		return !strings.ContainsRune(currencySigns, r)
	}
	b := byte(r)
	switch {
	case isAlpha(b):
		return gluedPhoneWord(text[:p])
	case isDigit(b), strings.IndexByte("_@/\\#&=%$*+", b) >= 0:
		return false
	case b == '.' || b == ',':
		return p < 2 || !isDigit(text[p-2])
	}
	return true
}

// phoneGlue are the words that people run into the number after them
// ("call09050000327", "Help08714742804", "Tel0123456789").
var phoneGlue = []string{"call", "tel", "ph", "phone", "mob", "mobile", "hotline", "help", "helpline", "whatsapp", "zalo"}

// gluedPhoneWord reports whether text ends with one of phoneGlue, itself
// not glued to a longer word.
func gluedPhoneWord(text string) bool {
	k := len(text)
	for k > 0 && len(text)-k < 10 && isAlpha(text[k-1]) {
		k--
	}
	if k > 0 && isAlnum(text[k-1]) {
		return false
	}
	w := text[k:]
	for _, g := range phoneGlue {
		if equalFoldASCII(w, g) {
			return true
		}
	}
	return false
}

// digitRun reads the digit run starting at text[p], finds the selectors in
// it, and returns where it ends.
func (sc *scanner) digitRun(p int) int {
	text := sc.text
	n := len(text)
	i := p
	plus := false
	if c, size := byteAt(text, i); c == '(' {
		i += size
	}
	if c, size := byteAt(text, i); c == '+' {
		plus = true
		i += size
	}
	groups := sc.groups[:0]
	total := 0
	for i < n {
		gs, cnt := i, 0
		for i < n {
			c, size := byteAt(text, i)
			if !isDigit(c) {
				break
			}
			cnt++
			i += size
		}
		if cnt == 0 {
			break
		}
		if len(groups) > 0 && (total+cnt > maxRunDigits || len(groups) == maxRunGroups) {
			break
		}
		groups = append(groups, digitGroup{gs, i, cnt})
		total += cnt
		if !sc.separator(i) {
			break
		}
		for {
			c, size := byteAt(text, i)
			if isDigit(c) {
				break
			}
			i += size
		}
	}
	sc.groups = groups
	if len(groups) == 0 {
		return p + 1
	}
	if end := groups[len(groups)-1].end; end < n && (text[end] == '*' || text[end] == '#') {
		return end // masked ("078498****7") or a USSD code: no selector
	}
	sc.digitCandidates(p, groups, plus, total)
	return groups[len(groups)-1].end
}

// separator reports whether text[i:] starts with the separator between two
// digit groups: up to three of space, "-", ".", "(" and ")", each
// punctuation mark at most once and at most two spaces (one when alone),
// followed by a digit.
func (sc *scanner) separator(i int) bool {
	text := sc.text
	var seen [5]bool
	seps, spaces := 0, 0
	for i < len(text) {
		c, size := byteAt(text, i)
		if isDigit(c) {
			return seps > 0 && (spaces <= 1 || spaces < seps)
		}
		k := strings.IndexByte(" -.()", c)
		if k < 0 || seps == 3 || c == 0 {
			return false
		}
		if k == 0 {
			spaces++
			if spaces > 2 {
				return false
			}
		} else if seen[k] {
			return false
		}
		seen[k] = true
		seps++
		i += size
	}
	return false
}

// digitCandidates decides what a digit run is: a bank account (named bank,
// account word), a payment card (Luhn, 13-19 digits), or one or more phone
// numbers.
func (sc *scanner) digitCandidates(p int, groups []digitGroup, plus bool, total int) {
	first, last := groups[0].start, groups[len(groups)-1].end
	if !plus && total >= bankMinOther && total <= bankMaxOther+4 {
		account := sc.namedBankAccount(p, first, last)
		if !account && sc.ctx.bankAt(p) {
			// After an English "account", a valid phone number is a
			// phone number ("Account Statement for 07742676969").
			if sc.ctx.bWeak && sc.phones(p, groups, plus) {
				return
			}
			// A number written the way the region writes its phone
			// numbers ("010-9876-5432") is a phone number even there:
			// "입금계좌 ... 연락은 010-9876-5432".
			if sc.phoneShaped(p, groups) {
				return
			}
			account = sc.ctxBankAccount(p, first, last, total)
		}
		if account {
			if total >= 13 && total <= 19 && sc.luhn(groups) {
				sc.try(Card, first, last, Options{})
			}
			return
		}
	}
	if !plus && total >= 13 && total <= 19 && sc.luhn(groups) {
		if _, ok := sc.try(Card, first, last, Options{}); ok {
			return
		}
	}
	sc.phones(p, groups, plus)
}

// phoneShaped reads the digit run at p (at least two groups, no "+") as
// a phone number of the account context's region (the named bank's
// country, else Hints.Region), and emits it when it is valid there and
// its groups are the ones that region's format gives it, the first group
// possibly with the trunk prefix before it: "010-9876-5432" is
// "+82 10-9876-5432" in Korea, while "1002-123-456789" or a run of digits
// without separators stays an account.
func (sc *scanner) phoneShaped(p int, groups []digitGroup) bool {
	if len(groups) < 2 || p != groups[0].start {
		return false
	}
	region := sc.ctx.bRegion
	if region == "" {
		region = sc.h.Region
	}
	if region == "" {
		return false
	}
	first, last := groups[0].start, groups[len(groups)-1].end
	o := Options{Region: region}
	sel, ok := sc.parse(Phone, sc.text[first:last], o)
	if !ok || sel.Kind != Phone || sel.Region != normalizeRegion(region) {
		return false
	}
	// The national groups of the display: "+82 10-9876-5432" gives 2, 4, 4.
	_, national, _ := strings.Cut(sel.Display, " ")
	var shown [maxRunGroups]int
	n := 0
	for i := 0; i < len(national); {
		if !isDigit(national[i]) {
			i++
			continue
		}
		if n == len(shown) {
			return false
		}
		j := i
		for j < len(national) && isDigit(national[j]) {
			j++
		}
		shown[n] = j - i
		n++
		i = j
	}
	if n != len(groups) || groups[0].n < shown[0] {
		return false
	}
	for k := 1; k < n; k++ {
		if groups[k].n != shown[k] {
			return false
		}
	}
	sc.emit(sel, first, last, o)
	return true
}

// luhn checks the Luhn digit of the run's digits, to skip the card parser
// for most numbers.
func (sc *scanner) luhn(groups []digitGroup) bool {
	digits := sc.digBuf[:0]
	for _, g := range groups {
		for i := g.start; i < g.end; {
			c, size := byteAt(sc.text, i)
			digits = append(digits, c)
			i += size
		}
	}
	sc.digBuf = digits
	sum := 0
	for k := 0; k < len(digits); k++ {
		d := int(digits[len(digits)-1-k] - '0')
		if k%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// phones finds the phone numbers of a digit run: the longest run of groups
// from the left with 7 to 15 digits (17 after an international prefix 00)
// that is a valid number, then the same for the rest. So "012 345 678
// 098 765 432" gives two numbers.
func (sc *scanner) phones(p int, groups []digitGroup, plus bool) bool {
	text := sc.text
	if sc.h.Region == "" && !plus && !sc.twoZeros(groups[0].start) && !sc.ctx.phoneAt(p) {
		// Without a region only international numbers can be read, and a
		// digit string without "+" is too often something else.
		return false
	}
	foundAny := false
	tries := 0
	for k := 0; k < len(groups) && tries < maxPhoneTries; {
		start := groups[k].start
		if k == 0 {
			start = p
		}
		intl := k == 0 && plus
		d0, _ := byteAt(text, groups[k].start)
		var ends [maxRunGroups]int
		ne, cnt, ones := 0, 0, 0
		for j := k; j < len(groups); j++ {
			cnt += groups[j].n
			if groups[j].n == 1 {
				ones++
			}
			if cnt > 17 || (cnt > 15 && !sc.twoZeros(groups[k].start)) {
				break
			}
			if cnt >= minPhoneDigits && ones <= 2 {
				ends[ne] = j
				ne++
			}
		}
		found := -1
		for x := ne - 1; x >= 0 && tries < maxPhoneTries; x-- {
			j := ends[x]
			if j-k == 2 && sc.isDate(groups[k:j+1]) {
				continue
			}
			tries++
			o := Options{Region: sc.h.Region}
			if sc.ctx.handleAt(p) && sc.ctx.hPlatform == platZalo {
				o.Region = "VN" // Zalo numbers are Vietnamese
			}
			sel, ok := sc.parse(Phone, text[start:groups[j].end], o)
			if !ok {
				continue
			}
			// A number without "+" or a trunk 0 read as international
			// ("85512345678") is only taken when it is written like a
			// phone number or introduced as one: order numbers and the
			// like are often valid numbers of some country.
			if !intl && d0 != '0' && sel.Region != sc.h.Region && j-k < 2 && !sc.ctx.phoneAt(p) {
				continue
			}
			sc.emit(sel, start, groups[j].end, o)
			found = j
			foundAny = true
			break
		}
		if found >= 0 {
			k = found + 1
		} else {
			k++
		}
	}
	if !foundAny && len(groups) == 1 {
		return sc.gluedPhone(p, groups[0])
	}
	return foundAny
}

// gluedPhone reads a number run into the word after it
// ("0871277810910p/min", "087123002209am-7pm"): when the whole is no
// valid number, the longest valid one that leaves one to three digits to
// the word is taken.
func (sc *scanner) gluedPhone(p int, g digitGroup) bool {
	text := sc.text
	if g.end-g.start != g.n || g.n < minPhoneDigits+1 || g.end >= len(text) || !isAlpha(text[g.end]) || p != g.start {
		return false
	}
	if text[g.start] != '0' {
		return false // only national numbers, whose length the trunk 0 hints at
	}
	for cut := 1; cut <= 3 && g.n-cut >= minPhoneDigits; cut++ {
		o := Options{Region: sc.h.Region}
		if sel, ok := sc.parse(Phone, text[g.start:g.end-cut], o); ok {
			sc.emit(sel, g.start, g.end-cut, o)
			return true
		}
	}
	return false
}

// twoZeros reports whether the digits at text[i] start with 00, an
// international prefix.
func (sc *scanner) twoZeros(i int) bool {
	c, size := byteAt(sc.text, i)
	if c != '0' || i+size >= len(sc.text) {
		return false
	}
	c, _ = byteAt(sc.text, i+size)
	return c == '0'
}

// groupValue is the number a digit group spells.
func (sc *scanner) groupValue(g digitGroup) int {
	v := 0
	for i := g.start; i < g.end; {
		c, size := byteAt(sc.text, i)
		v = v*10 + int(c-'0')
		i += size
	}
	return v
}

// isDate reports whether three digit groups spell a date (21.05.2025,
// 2025-05-21, 5/21/2025), which is no phone number however valid its
// digits would be.
func (sc *scanner) isDate(g []digitGroup) bool {
	a, b, c := g[0].n, g[1].n, g[2].n
	var y, m, d int
	switch {
	case c == 4 && a <= 2 && b <= 2:
		y = sc.groupValue(g[2])
		m, d = sc.groupValue(g[1]), sc.groupValue(g[0])
		if m > 12 {
			m, d = d, m
		}
	case a == 4 && b <= 2 && c <= 2:
		y, m, d = sc.groupValue(g[0]), sc.groupValue(g[1]), sc.groupValue(g[2])
	default:
		return false
	}
	return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31
}
