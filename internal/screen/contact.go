package screen

import (
	"context"
	"strings"
	"sync"
	"unicode/utf8"
)

// Contact is a phone number, handle, e-mail address or link found in a
// text: text[Start:End]. Kind uses counterscam's selector kinds (phone,
// email, url, domain, handle, ...). Platform names the messenger a handle
// or link belongs to (telegram, whatsapp, line, kakaotalk, wechat, zalo).
type Contact struct {
	Kind     string `json:"kind"`
	Value    string `json:"value"`
	Platform string `json:"platform,omitempty"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

// ContactFound is a contact with its listing status in counterscam.
type ContactFound struct {
	Contact
	Status string `json:"status"`
}

// Listing statuses.
const (
	Listed      = "listed"
	NotListed   = "not_listed"
	Allowlisted = "allowlisted"
	Unknown     = "unknown" // no lookup configured, or it failed
)

// ListingLookup tells whether a contact is already reported in counterscam.
// Status returns Listed, NotListed or Allowlisted.
type ListingLookup interface {
	Status(ctx context.Context, kind, value string) (string, error)
}

// LookupFunc adapts a function to ListingLookup.
type LookupFunc func(ctx context.Context, kind, value string) (string, error)

// Status calls f.
func (f LookupFunc) Status(ctx context.Context, kind, value string) (string, error) {
	return f(ctx, kind, value)
}

// messengerWords name messengers; the text after them may be an ID.
var messengerWords = []struct{ word, platform string }{
	{"telegram", "telegram"}, {"텔레그램", "telegram"}, {"텔레", "telegram"}, {"텔그", "telegram"},
	{"纸飞机", "telegram"}, {"飞机", "telegram"}, {"电报", "telegram"}, {"tg", "telegram"},
	{"เทเลแกรม", "telegram"}, {"តេឡេក្រាម", "telegram"},
	{"whatsapp", "whatsapp"}, {"왓츠앱", "whatsapp"}, {"wa", "whatsapp"},
	{"line", "line"}, {"라인", "line"}, {"ไลน์", "line"},
	{"kakaotalk", "kakaotalk"}, {"kakao", "kakaotalk"}, {"카카오톡", "kakaotalk"}, {"카톡", "kakaotalk"}, {"카카오", "kakaotalk"},
	{"wechat", "wechat"}, {"微信", "wechat"}, {"vx", "wechat"},
	{"zalo", "zalo"}, {"signal", "signal"},
}

var (
	messengerMatcherOnce sync.Once
	messengerMatcher     *matcher
)

// messengerLinks are link prefixes that lead to a messenger chat.
var messengerLinks = []struct{ prefix, platform string }{
	{"t.me/", "telegram"}, {"telegram.me/", "telegram"}, {"telegram.dog/", "telegram"},
	{"wa.me/", "whatsapp"}, {"chat.whatsapp.com/", "whatsapp"}, {"line.me/", "line"},
	{"open.kakao.com/", "kakaotalk"}, {"zalo.me/", "zalo"}, {"m.me/", "messenger"},
}

// messengerLinkAt returns the messenger link whose prefix s (a link from
// its host on) starts with, or nil.
func messengerLinkAt(s string) *struct{ prefix, platform string } {
	for k := range messengerLinks {
		if hasPrefixFold(s, messengerLinks[k].prefix) {
			return &messengerLinks[k]
		}
	}
	return nil
}

// messengerURL names the messenger a link leads to ("https://wa.me/855..."
// is WhatsApp): such a link is a chat handle, not a company's web site.
func messengerURL(u string) (platform string, ok bool) {
	for _, p := range []string{"https://", "http://"} {
		if hasPrefixFold(u, p) {
			u = u[len(p):]
			break
		}
	}
	if hasPrefixFold(u, "www.") {
		u = u[4:]
	}
	ml := messengerLinkAt(u)
	if ml == nil || len(u) <= len(ml.prefix) {
		return "", false
	}
	return ml.platform, true
}

// idMarkers may sit between a messenger's name and an ID.
var idMarkers = []string{"id", "아이디", "号", "ไอดี", "អាយឌី", ":", "：", "@"}

// FindContacts is a crude contact finder used when no extractor is
// configured: links, e-mail addresses, @handles, IDs after a messenger's
// name, and runs of digits that look like phone numbers.
func FindContacts(text string) []Contact {
	var out []Contact
	covered := func(i int) bool {
		for _, c := range out {
			if i >= c.Start && i < c.End {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(text) && len(out) < 256; {
		c := text[i]
		// Links.
		if linkStart[c] && !prevIsWord(text, i) {
			if ct, end, ok := linkAt(text, i); ok {
				out = append(out, ct)
				i = end
				continue
			}
		}
		if c == '@' && !covered(i) {
			if ct, ok := atSign(text, i); ok {
				out = append(out, ct)
				i = ct.End
				continue
			}
		}
		if (c == '+' || (c >= '0' && c <= '9')) && !prevIsWord(text, i) && !covered(i) {
			if ct, end, ok := phoneAt(text, i); ok {
				out = append(out, ct)
				i = end
				continue
			} else if end > i {
				i = end
				continue
			}
		}
		_, w := utf8.DecodeRuneInString(text[i:])
		i += w
	}
	// IDs written after a messenger's name ("카톡 abc123", "Line ID: hr888").
	out = append(out, messengerIDs(text, covered)...)
	// Give platforms to handles from the words before them.
	for k := range out {
		if out[k].Kind == "handle" && out[k].Platform == "" {
			out[k].Platform = platformBefore(text, out[k].Start)
		}
	}
	sortContacts(out)
	return out
}

func prevIsWord(text string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r < utf8.RuneSelf && (isWordRune(r) || r == '.' || r == '/' || r == '-')
}

func isURLByte(c byte) bool {
	return c > ' ' && c < 0x7f && !strings.ContainsRune("\"'<>()[]{}`,", rune(c))
}

// linkStart marks the bytes a link can start with (http, www, t.me, wa.me...).
var linkStart = func() (b [256]bool) {
	for _, c := range "hwtlozmcHWTLOZMC" {
		b[c] = true
	}
	return
}()

func linkAt(text string, i int) (Contact, int, bool) {
	j := i
	for _, p := range []string{"https://", "http://"} {
		if hasPrefixFold(text[i:], p) {
			j = i + len(p)
			break
		}
	}
	h := j // the host starts here
	www := hasPrefixFold(text[h:], "www.")
	if www {
		h += 4
	}
	ml := messengerLinkAt(text[h:])
	if ml == nil && j == i && !www {
		return Contact{}, 0, false // not a link
	}
	end := j
	for end < len(text) && isURLByte(text[end]) {
		end++
	}
	for end > j && strings.ContainsRune(".!?;:", rune(text[end-1])) {
		end--
	}
	if ml != nil {
		if h+len(ml.prefix) >= end {
			return Contact{}, 0, false
		}
		name := text[h+len(ml.prefix) : end]
		v := text[i:end]
		if ml.platform == "telegram" && isHandleName(name) {
			v = "@" + name
		}
		return Contact{Kind: "handle", Value: v, Platform: ml.platform, Start: i, End: end}, end, true
	}
	host := text[h:end]
	if k := strings.IndexAny(host, "/?#"); k >= 0 {
		host = host[:k]
	}
	if !strings.Contains(host, ".") || end-i < 8 {
		return Contact{}, 0, false
	}
	return Contact{Kind: "url", Value: text[i:end], Start: i, End: end}, end, true
}

func isHandleName(s string) bool {
	if len(s) < 3 || len(s) > 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z') {
			return false
		}
	}
	return true
}

// atSign reads an e-mail address or an @handle around the '@' at i.
func atSign(text string, i int) (Contact, bool) {
	s := i
	for s > 0 && (isWordRune(rune(text[s-1])) && text[s-1] < utf8.RuneSelf || strings.IndexByte(".%+-", text[s-1]) >= 0) {
		s--
	}
	e := i + 1
	for e < len(text) && text[e] < utf8.RuneSelf && (isWordRune(rune(text[e])) || text[e] == '.' || text[e] == '-') {
		e++
	}
	for e > i+1 && (text[e-1] == '.' || text[e-1] == '-') {
		e--
	}
	if s < i { // local part: an e-mail address?
		dom := text[i+1 : e]
		if k := strings.LastIndexByte(dom, '.'); k > 0 && len(dom)-k-1 >= 2 {
			return Contact{Kind: "email", Value: strings.ToLower(text[s:e]), Start: s, End: e}, true
		}
		return Contact{}, false
	}
	e = i + 1
	for e < len(text) && text[e] < utf8.RuneSelf && (isWordRune(rune(text[e]))) {
		e++
	}
	if !isHandleName(text[i+1 : e]) {
		return Contact{}, false
	}
	return Contact{Kind: "handle", Value: text[i:e], Start: i, End: e}, true
}

// phoneAt reads a run of digits, spaces, dashes, dots and brackets holding
// 8 to 15 digits. end is where scanning should continue either way.
func phoneAt(text string, i int) (Contact, int, bool) {
	j, digits, lastDigit := i, 0, i
	if text[j] == '+' {
		j++
	}
	for j < len(text) {
		c := text[j]
		if c >= '0' && c <= '9' {
			digits++
			j++
			lastDigit = j
			continue
		}
		if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') && j+1 < len(text) && (text[j+1] >= '0' && text[j+1] <= '9' || text[j+1] == '(') {
			j++
			continue
		}
		break
	}
	end := lastDigit
	if digits < 8 || digits > 15 {
		return Contact{}, end, false
	}
	if end < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[end:]); isWordRune(r) || smallCJK[r] > 0 || bigCJK[r] > 0 {
			return Contact{}, end, false // 1000만, 15000000đ
		}
	}
	if _, n := matchSuffixTok(text, end, currencySuffix); n > 0 {
		return Contact{}, end, false // 20000000원, 3000000 VND
	}
	if i > 0 && (text[i-1] == '#' || text[i-1] == '$') {
		return Contact{}, end, false // order #12345678
	}
	raw := text[i:end]
	if strings.Count(raw, ".") > 0 && !strings.ContainsAny(raw, " -") {
		return Contact{}, end, false // 15.000.000 is money
	}
	// Amounts written with currency right before are not phone numbers.
	if _, s := currencyBefore(text, i); s >= 0 {
		return Contact{}, end, false
	}
	var b strings.Builder
	for k := 0; k < len(raw); k++ {
		if raw[k] == '+' || raw[k] >= '0' && raw[k] <= '9' {
			b.WriteByte(raw[k])
		}
	}
	return Contact{Kind: "phone", Value: b.String(), Start: i, End: end}, end, true
}

// messengerIDs finds IDs written after a messenger's name.
func messengerIDs(text string, covered func(int) bool) []Contact {
	var out []Contact
	messengerMatcherOnce.Do(func() {
		var ph []matcherPhrase
		for i, mw := range messengerWords {
			ph = append(ph, matcherPhrase{text: mw.word, owner: int32(i)})
		}
		messengerMatcher = newMatcher(ph)
	})
	type hit struct{ end, word int }
	var hits []hit
	messengerMatcher.scan(text, func(h mhit) {
		if len(hits) < 64 {
			hits = append(hits, hit{h.end, int(messengerMatcher.pats[h.pat].owner)})
		}
	})
	for _, h := range hits {
		mw := messengerWords[h.word]
		func() {
			j, marked := h.end, false
			for step := 0; step < 3; step++ {
				j = skipSpaces(text, j)
				hit := false
				for _, m := range idMarkers {
					if hasPrefixFold(text[j:], m) {
						if m == "@" {
							break
						}
						j += len(m)
						marked, hit = true, true
						break
					}
				}
				if !hit {
					break
				}
			}
			j = skipSpaces(text, j)
			if j < len(text) && text[j] == '@' {
				return // the @handle finder has it
			}
			e := j
			for e < len(text) && text[e] < utf8.RuneSelf && (isWordRune(rune(text[e])) || text[e] == '.' || text[e] == '-') {
				e++
			}
			for e > j && (text[e-1] == '.' || text[e-1] == '-') {
				e--
			}
			id := text[j:e]
			if len(id) < 3 || len(id) > 32 || covered(j) {
				return
			}
			if !marked && !strings.ContainsAny(id, "0123456789_") {
				return // "Telegram for details"
			}
			for _, o := range out {
				if o.Start == j {
					return // "카카오톡" and "카톡" both end before it
				}
			}
			out = append(out, Contact{Kind: "handle", Value: id, Platform: mw.platform, Start: j, End: e})
		}()
	}
	return out
}

// platformBefore names the messenger mentioned just before i, if any.
func platformBefore(text string, i int) string {
	lo := i - 40
	if lo < 0 {
		lo = 0
	}
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo++
	}
	head := foldString(text[lo:i])
	best, bestAt := "", -1
	for _, mw := range messengerWords {
		if k := strings.LastIndex(head, mw.word); k > bestAt {
			if isWordRune(rune(mw.word[0])) && k > 0 {
				if r, _ := utf8.DecodeLastRuneInString(head[:k]); isWordRune(r) {
					continue
				}
			}
			best, bestAt = mw.platform, k
		}
	}
	return best
}

func sortContacts(cs []Contact) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Start < cs[j-1].Start; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}
