package selector

import (
	"cmp"
	"slices"
)

// Hints steer extraction.
type Hints struct {
	// Region is the ISO 3166-1 alpha-2 country for national phone numbers
	// and for bank accounts whose bank is not named ("KR", "KH", "GB").
	// Without it only international numbers (+CC or 00CC) are found.
	Region string
	// Normalizer, when set, parses the candidates: it is faster on phone
	// numbers and remembers results across calls. Without it Extract
	// uses ParseAs.
	Normalizer *Normalizer
}

// Match is one selector found in a text, with the byte offsets of the text
// it came from: text[Start:End] == Raw.
type Match struct {
	Selector
	Start int    `json:"start"`
	End   int    `json:"end"`
	Raw   string `json:"raw"`
	// Options are those Raw was parsed with: ParseAs(m.Kind, m.Raw,
	// m.Options) gives m.Selector again. They carry Hints.Region, a
	// named bank's country, and the messenger a context word named.
	Options Options `json:"-"`
}

// Extract finds every selector in text: phone numbers (national ones of
// h.Region, international ones of any country, in any common grouping and
// in ASCII, full-width, Khmer, Thai, Lao or Myanmar digits), e-mail
// addresses, URLs and bare domains (defanged or not), IP addresses, crypto
// wallets, IBANs and bank accounts introduced by a bank or account word,
// payment card numbers, "@handles" and messenger IDs introduced by a
// messenger's name. Each candidate is validated by its kind's parser, so
// what is returned always parses again: ParseAs(m.Kind, m.Raw, m.Options).
//
// Matches come in order of Start; a (kind, value) is reported once per
// position. Different kinds may share a span: a t.me link is a URL and a
// Telegram handle, a bank card number after "银行卡" is an account and a
// card.
//
// Extract reads text once, byte by byte, in time linear in its length.
func Extract(text string, h Hints) []Match {
	sc := scanner{text: text, h: h, ctx: newCtxState()}
	sc.out = make([]Match, 0, min(len(text)/128+4, 256))
	sc.h.Region = normalizeRegion(h.Region)
	sc.scan()
	return sc.finish()
}

// scanner is the state of one Extract call.
type scanner struct {
	text string
	h    Hints
	out  []Match
	ctx  ctxState

	// digitCursor is where the last digit run ended: digit runs never
	// overlap.
	digitCursor int
	// coverBits marks the bytes of the current word run (from coverBase)
	// taken by URLs, e-mail addresses, domains, IPs, wallets and IBANs:
	// no digit run starts inside them. urlStart, urlEnd: the run's URL.
	coverBits        [maxRun/64 + 1]uint64
	coverBase        int
	coverLen         int
	urlStart, urlEnd int
	// prevWord is the last ASCII word run, for two-word phrases.
	prevStart, prevEnd int

	// parseFn replaces the parsers in benchmarks of the scanner alone.
	parseFn func(Kind, string, Options) (Selector, error)

	memo    []memoEntry
	parses  int
	memoMap map[memoKey]memoVal
	normBuf []byte
	posBuf  []int
	digBuf  []byte
	groups  []digitGroup
}

type memoKey struct {
	kind             Kind
	raw              string
	region, platform string
}

type memoVal struct {
	sel Selector
	ok  bool
}

type memoEntry struct {
	key memoKey
	val memoVal
}

// The memo keeps the last memoList answers in a ring (a number or site
// often comes back a few lines later); a text that needs more than
// memoMapAfter parses (a long report, a whole corpus) gets a map instead,
// bounded to maxMemo entries.
const (
	memoList     = 32
	memoMapAfter = 256
	maxMemo      = 4096
)

func (sc *scanner) memoGet(key memoKey) (memoVal, bool) {
	if sc.memoMap != nil {
		v, ok := sc.memoMap[key]
		return v, ok
	}
	for i := range sc.memo {
		// The raw text differs first, mostly in its length.
		if e := &sc.memo[i]; e.key.raw == key.raw && e.key.kind == key.kind && e.key.region == key.region && e.key.platform == key.platform {
			return e.val, true
		}
	}
	return memoVal{}, false
}

func (sc *scanner) memoPut(key memoKey, v memoVal) {
	switch {
	case sc.memoMap != nil:
		if len(sc.memoMap) < maxMemo {
			sc.memoMap[key] = v
		}
	case sc.parses >= memoMapAfter:
		sc.memoMap = make(map[memoKey]memoVal, 2*memoMapAfter)
		for _, e := range sc.memo {
			sc.memoMap[e.key] = e.val
		}
		sc.memoMap[key] = v
		sc.memo = nil
	case len(sc.memo) < memoList:
		// Grown as needed: most texts (a report's narrative) parse a few
		// candidates, and a memo entry is 150 bytes.
		sc.memo = append(sc.memo, memoEntry{key, v})
	default:
		sc.memo[sc.parses%memoList] = memoEntry{key, v}
	}
}

// parse runs a kind's parser on a candidate, remembering the answer for the
// rest of the text: the same number or domain often comes back.
func (sc *scanner) parse(k Kind, raw string, o Options) (Selector, bool) {
	key := memoKey{k, raw, o.Region, o.Platform}
	if v, ok := sc.memoGet(key); ok {
		return v.sel, v.ok
	}
	var s Selector
	var err error
	if sc.parseFn != nil {
		s, err = sc.parseFn(k, raw, o)
	} else if sc.h.Normalizer != nil {
		s, err = sc.h.Normalizer.ParseAs(k, raw, o)
	} else {
		s, err = ParseAs(k, raw, o)
	}
	v := memoVal{s, err == nil}
	sc.parses++
	sc.memoPut(key, v)
	return v.sel, v.ok
}

// try parses text[start:end] as a selector of kind k and records a match
// when it is one.
func (sc *scanner) try(k Kind, start, end int, o Options) (Selector, bool) {
	if start < 0 || end > len(sc.text) || start >= end {
		return Selector{}, false
	}
	raw := sc.text[start:end]
	s, ok := sc.parse(k, raw, o)
	// Some parsers answer with another kind (a wa.me link read as a
	// handle is a phone number): such a match would not parse again as k.
	if !ok || s.Kind != k {
		return Selector{}, false
	}
	sc.emit(s, start, end, o)
	return s, true
}

func (sc *scanner) emit(s Selector, start, end int, o Options) {
	sc.out = append(sc.out, Match{Selector: s, Start: start, End: end, Raw: sc.text[start:end], Options: o})
}

// cover marks text[start:end] as taken by a selector of the current word
// run.
func (sc *scanner) cover(start, end int) {
	start = max(start-sc.coverBase, 0)
	end = min(end-sc.coverBase, sc.coverLen)
	for p := start; p < end; p++ {
		sc.coverBits[p>>6] |= 1 << (p & 63)
	}
}

func (sc *scanner) isCovered(p int) bool {
	p -= sc.coverBase
	return p >= 0 && p < sc.coverLen && sc.coverBits[p>>6]&(1<<(p&63)) != 0
}

// startCover starts the coverage of the word run text[start:end].
func (sc *scanner) startCover(start, end int) {
	clear(sc.coverBits[:(sc.coverLen+63)>>6])
	sc.coverBase, sc.coverLen = start, end-start
	sc.urlStart, sc.urlEnd = 0, 0
}

// scan walks the text once. ASCII bytes go through a table; other bytes are
// folded (full-width forms, other scripts' digits) or read as part of a
// script run, in which only context words matter.
func (sc *scanner) scan() {
	text := sc.text
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		if c < 0x80 {
			cl := asciiClass[c]
			if cl&clWord == 0 {
				i++
				continue
			}
			if cl&clAlpha != 0 {
				// The common case: a word of letters alone.
				j := i + 1
				for j < n && text[j] < 0x80 && asciiClass[text[j]]&clAlpha != 0 {
					j++
				}
				if j-i < 25 && (j == n || (text[j] < 0x80 && asciiClass[text[j]]&clWord == 0)) && sc.plainWord(i, j) {
					i = j
					continue
				}
			}
			i = sc.wordRun(i)
			continue
		}
		fc, size := foldAt(text, i)
		if fc != 0 {
			if asciiClass[fc]&clWord != 0 {
				i = sc.wordRun(i)
				continue
			}
			i += size
			continue
		}
		// A script run: every non-ASCII character up to the next ASCII
		// byte or foldable character.
		j := i + 1
		for j < n {
			b := text[j]
			if b < 0x80 {
				break
			}
			if b >= 0xC0 {
				if fc, _ := foldAt(text, j); fc != 0 {
					break
				}
			}
			j++
		}
		i = max(j, sc.scriptRun(i, j))
	}
}

// plainWord takes the word of letters text[i:j] as a plain word, and
// reports whether it is one: no context word, not the second word of a
// context phrase, not a handle a context word may announce. Otherwise
// wordRun reads it.
func (sc *scanner) plainWord(i, j int) bool {
	w := sc.text[i:j]
	if _, ok := asciiCtx(w); ok || sc.ctx.handleAt(i) {
		return false
	}
	if j-i <= 5 && isPairSecond(w[0]) && sc.prevEnd+1 == i && sc.prevEnd-sc.prevStart <= 4 {
		return false
	}
	sc.ctx.plainWord()
	sc.prevStart, sc.prevEnd = i, j
	return true
}

// wordRun handles the word run that starts at text[i] and returns its end.
func (sc *scanner) wordRun(i int) int {
	j, fold := wordEnd(sc.text, i)
	r := sc.makeRun(i, j, fold)
	sc.startCover(i, j)
	if sc.words(&r, 0)&mDigit != 0 {
		sc.digitsIn(&r)
	}
	sc.prevStart, sc.prevEnd = i, j
	return j
}

// finish orders the matches by position and drops repeats of a (kind,
// value) at the same position.
func (sc *scanner) finish() []Match {
	out := sc.out
	slices.SortStableFunc(out, func(a, b Match) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Kind, b.Kind); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Value, b.Value); c != 0 {
			return c
		}
		return cmp.Compare(b.End, a.End)
	})
	w := 0
	for k := range out {
		if w > 0 {
			p := &out[w-1]
			if p.Start == out[k].Start && p.Kind == out[k].Kind && p.Value == out[k].Value {
				continue
			}
		}
		out[w] = out[k]
		w++
	}
	return out[:w]
}
