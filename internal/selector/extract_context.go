package selector

import "unicode/utf8"

// Context words: "텔레그램", "WhatsApp", "계좌", "บัญชี", "tài khoản" ... say
// what the next token is. A messenger name makes the next handle-looking
// token a handle of that platform; an account or bank word makes the next
// digit run a bank account; a phone word ("call", "전화") makes it a phone
// number again.

type ctxKind uint8

const (
	ctxNone   ctxKind = iota // a word that looks like a context word but is not one ("텔레비전")
	ctxHandle                // a messenger: the next handle-looking token is a handle
	ctxID                    // "ID", "아이디": a handle follows, of the messenger just named
	ctxBank                  // an account number follows
	ctxIDBank                // "账号": an ID right after a messenger's name, else an account
	ctxPhone                 // a phone number follows
	ctxFiller                // "number", "no", "is": keeps the current context alive
)

// ctxWord is one context word.
type ctxWord struct {
	w        string // ASCII words in lower case
	kind     ctxKind
	platform string
	// weak words are common in plain English ("line", "signal"): the
	// handle must then follow a colon or an ID word.
	weak bool
	// exact ASCII words match only as written ("WA").
	exact bool
	// runStart non-ASCII words match only at the start of a script run
	// ("라인" but not "온라인").
	runStart bool
	// back is how many ASCII bytes come before the first non-ASCII rune
	// (Vietnamese "tài khoản" is anchored on "à", one byte in).
	back int
	// named bank words ("은행", "bank") make the scanner look for a bank's
	// name around them.
	named bool
}

// asciiCtx looks an ASCII word (letters, or "a/c") up among the context
// words.
func asciiCtx(w string) (*ctxWord, bool) {
	n := len(w)
	if n < 2 || n > 9 {
		return nil, false
	}
	f := w[0] | 0x20 - 'a'
	if f >= 26 {
		return nil, false
	}
	key, ninth := packLower(w)
	for _, e := range asciiCtxIndex[f] {
		if e.key != key || e.n != uint8(n) || e.ninth != ninth {
			continue
		}
		cw := &asciiCtxWords[e.i]
		if cw.exact && w != cw.w {
			continue
		}
		if !cw.exact && cw.platform == platLine && w == "LINE" {
			continue // the exact entry is strong
		}
		return cw, true
	}
	return nil, false
}

// packLower packs the first eight bytes of a word of letters, in lower
// case, into an integer, and returns the ninth apart.
func packLower(w string) (key uint64, ninth byte) {
	for i := 0; i < len(w) && i < 9; i++ {
		c := w[i] | 0x20
		if i < 8 {
			key |= uint64(c) << (8 * i)
		} else {
			ninth = c
		}
	}
	return key, ninth
}

// ctxState is what the recent context words say.
type ctxState struct {
	// A messenger: the platform, where its word ended, whether a colon or
	// an ID word followed it, how many plain words came since.
	hEnd      int
	hPlatform string
	hWeak     bool
	hExplicit bool // a colon or an ID word followed the messenger's name
	hASCII    bool // the messenger was named in ASCII (English text)
	hWords    int
	// An account: where the word ended, and the bank's country and code
	// when a bank was named.
	bEnd    int
	bWords  int
	bRegion string
	// bWeak: the word was English ("account"), which says "account
	// number" less surely than "계좌" or "บัญชี" do.
	bWeak bool
	// bNameStart, bNameEnd: where the bank was named (bNameEnd 0: not).
	bNameStart, bNameEnd int
	// A phone word: where it ended.
	pEnd int
}

// ctxWindow is how far (in bytes) a context word reaches, and ctxMaxWords
// how many plain words may come between it and its selector.
const (
	ctxWindow   = 64
	ctxMaxWords = 3
)

func newCtxState() ctxState { return ctxState{hEnd: -1 << 30, bEnd: -1 << 30, pEnd: -1 << 30} }

// handleAt reports whether a handle context covers a token starting at p.
func (c *ctxState) handleAt(p int) bool {
	return p-c.hEnd <= ctxWindow && c.hWords <= ctxMaxWords
}

// bankAt reports whether an account context covers a digit run at p: the
// account word came after any phone word or messenger's name.
func (c *ctxState) bankAt(p int) bool {
	return p-c.bEnd <= ctxWindow && c.bWords <= ctxMaxWords && c.bEnd > c.pEnd && c.bEnd > c.hEnd
}

// phoneAt reports whether a phone or messenger word covers a digit run at p.
func (c *ctxState) phoneAt(p int) bool {
	return (p-c.pEnd <= ctxWindow) || c.handleAt(p)
}

// plainWord notes a word that is neither a context word nor a selector.
func (c *ctxState) plainWord() {
	c.hWords++
	c.bWords++
}

// apply records the context word cw that ends at end; colon says whether a
// colon or equals sign follows it.
func (sc *scanner) applyCtx(cw *ctxWord, start, end int, colon bool) {
	c := &sc.ctx
	adjacentHandle := start-c.hEnd <= 3 && c.hWords == 0
	switch cw.kind {
	case ctxHandle:
		c.hEnd, c.hPlatform, c.hWeak, c.hExplicit, c.hWords = end, cw.platform, cw.weak, colon, 0
		c.hASCII = cw.w[0] < utf8.RuneSelf
	case ctxID:
		if c.handleAt(start) {
			c.hEnd, c.hWeak, c.hExplicit = end, false, true
		} else {
			c.hEnd, c.hPlatform, c.hWeak, c.hExplicit, c.hWords = end, "", false, true, 0
			c.hASCII = cw.w[0] < utf8.RuneSelf
		}
	case ctxIDBank:
		if adjacentHandle {
			c.hEnd, c.hWeak, c.hExplicit = end, false, true
			return
		}
		c.bEnd, c.bWords, c.bRegion, c.bWeak = end, 0, "", false
	case ctxBank:
		if start-c.bEnd > 8 || c.bWords > 0 {
			c.bRegion, c.bNameStart, c.bNameEnd = "", 0, 0
		}
		c.bEnd, c.bWords, c.bWeak = end, 0, cw.weak
		if cw.named {
			if ns, country, ok := sc.bankNameEndingAt(end); ok {
				c.bRegion, c.bNameStart, c.bNameEnd = country, ns, end
			}
		}
	case ctxPhone:
		c.pEnd = end
	case ctxFiller:
		if end-c.hEnd <= len(cw.w)+4 {
			c.hEnd = end
			c.hExplicit = c.hExplicit || colon
		}
		if end-c.bEnd <= len(cw.w)+4 {
			c.bEnd = end
		}
		if end-c.pEnd <= len(cw.w)+4 {
			c.pEnd = end
		}
	}
}

// colonAfter reports whether a colon, full-width colon or equals sign
// follows text[i] after at most two spaces.
func colonAfter(text string, i int) bool {
	for k := 0; k < 3 && i < len(text); k++ {
		c, size := byteAt(text, i)
		switch c {
		case ':', '=':
			return true
		case ' ':
			i += size
			continue
		}
		return false
	}
	return false
}

// scriptRun handles a run of non-ASCII characters text[i:j] that are not
// part of any selector (Hangul, Khmer, Han, Thai, Vietnamese letters): it
// looks for context words in it. It returns how far a matched context
// word reaches (it may end after j: "tài khoản" spans ASCII letters).
func (sc *scanner) scriptRun(i, j int) int {
	text := sc.text
	reach := j
	matched := false
	defer func() {
		if !matched {
			sc.ctx.plainWord()
		}
	}()
	for p := i; p < j; {
		r, size := rune(text[p]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[p:j])
		}
		if r > 0xFFFF || otherCtxBits[r>>6&1023]&(1<<(r&63)) == 0 {
			p += size
			continue
		}
		best := -1
		bestStart := 0
		for _, k := range otherCtxIndex[r] {
			cw := &otherCtxWords[k]
			s := p - cw.back
			if s < 0 || len(text)-s < len(cw.w) || (best >= 0 && len(cw.w) <= len(otherCtxWords[best].w)) {
				continue
			}
			if cw.runStart && p != i {
				continue
			}
			if cw.back > 0 && (!equalFoldASCII(text[s:p], cw.w[:cw.back]) || isAlpha(byteBefore(text, s))) {
				continue
			}
			if text[p:s+len(cw.w)] != cw.w[cw.back:] {
				continue
			}
			best, bestStart = k, s
		}
		if best < 0 {
			p += size
			continue
		}
		cw := &otherCtxWords[best]
		end := bestStart + len(cw.w)
		matched = true
		if cw.kind != ctxNone {
			sc.applyCtx(cw, bestStart, end, colonAfter(text, end))
		}
		reach = max(reach, end)
		p = end
	}
	return reach
}
