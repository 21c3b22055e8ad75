package screen

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// matcher finds many literal phrases in one pass over a text: an
// Aho–Corasick automaton compiled to a dense DFA over byte classes. Text is
// case-folded rune by rune while it is fed in (full-width ASCII is folded to
// ASCII too), so patterns are stored folded and offsets still point into the
// original text.
type matcher struct {
	class    [256]uint16
	nclass   int
	next     []int32 // state*nclass + class -> state
	outStart []int32 // outputs of a state: outList[outStart[s]:outStart[s+1]]
	outList  []int32 // pattern indexes
	pats     []mpattern
	maxRunes int
}

// mpattern is one compiled phrase.
type mpattern struct {
	owner     int32 // what the phrase belongs to (index kept by the caller)
	except    bool  // an exception phrase: suppresses its owner's overlapping hits
	near      uint8 // 1 or 2: first or second part of a "A .. B" phrase (see nearSep)
	runes     int   // folded length in runes
	leftWord  bool  // must not be preceded by a Latin letter or digit
	rightWord bool  // must not be followed by a Latin letter or digit
	plural    bool  // a Latin phrase that may take an English plural 's' ("free flight" matches "free flights")
}

// mhit is one phrase found: text[start:end].
type mhit struct {
	pat        int32
	start, end int
}

// foldRune is the case folding used for patterns and text alike; it also
// folds traditional Chinese characters to simplified ones (matcher_han.go).
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if 0xFF01 <= r && r <= 0xFF5E { // full-width ASCII
		r -= 0xFEE0
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	if 0x4E00 <= r && r <= 0x9FFF { // Han: traditional folds to simplified
		if s, ok := hanFold[r]; ok {
			return s
		}
		return r
	}
	return unicode.ToLower(r)
}

// isInvisible reports characters the matcher skips: zero-width spaces and
// joiners (Khmer is often typed with zero-width spaces between words), the
// byte-order mark and the soft hyphen.
func isInvisible(r rune) bool {
	return r == 0x200B || r == 0x200C || r == 0x200D || r == 0xFEFF || r == 0x00AD
}

// foldString folds every rune of s and drops invisible ones. Phrases are
// composed (NFC) first, as the text is (see composeText).
func foldString(s string) string {
	s = norm.NFC.String(s)
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if !isInvisible(r) {
			b = utf8.AppendRune(b, foldRune(r))
		}
	}
	return string(b)
}

// isWordRune reports whether r continues a Latin word (for word boundaries).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_'
	}
	return unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Mn, r)
}

// matcherPhrase is a phrase to compile. A leading or trailing '*' turns off
// the word boundary on that side; boundaries only apply where the phrase
// begins or ends with a Latin letter or digit.
type matcherPhrase struct {
	text   string
	owner  int32
	except bool
	near   uint8
}

// newMatcher compiles phrases. Empty phrases (after trimming '*') are skipped.
func newMatcher(phrases []matcherPhrase) *matcher {
	m := &matcher{}
	type raw struct {
		b []byte
		p mpattern
	}
	var raws []raw
	for _, ph := range phrases {
		t := ph.text
		left, right := true, true
		if len(t) > 0 && t[0] == '*' {
			left, t = false, t[1:]
		}
		if len(t) > 0 && t[len(t)-1] == '*' {
			right, t = false, t[:len(t)-1]
		}
		f := foldString(t)
		if f == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(f)
		last, _ := utf8.DecodeLastRuneInString(f)
		p := mpattern{
			owner:     ph.owner,
			except:    ph.except,
			near:      ph.near,
			runes:     utf8.RuneCountInString(f),
			leftWord:  left && isWordRune(first),
			rightWord: right && isWordRune(last),
			plural:    right && 'a' <= last && last <= 'z' && last != 's',
		}
		if p.runes > m.maxRunes {
			m.maxRunes = p.runes
		}
		raws = append(raws, raw{[]byte(f), p})
		m.pats = append(m.pats, p)
	}
	// Byte classes: every byte used by some pattern gets its own class;
	// all other bytes share class 0, which always leads back toward the root.
	n := 1
	for _, r := range raws {
		for _, c := range r.b {
			if m.class[c] == 0 {
				m.class[c] = uint16(n)
				n++
			}
		}
	}
	m.nclass = n
	// Count the trie's states first, so its table is allocated once.
	count := map[int64]int32{}
	total := int32(1)
	for _, r := range raws {
		st := int32(0)
		for _, c := range r.b {
			k := int64(st)<<16 | int64(m.class[c])
			nx, ok := count[k]
			if !ok {
				nx = total
				total++
				count[k] = nx
			}
			st = nx
		}
	}
	// Trie.
	goTo := make([]int32, 0, int(total)*n)
	newState := func() int32 {
		k := len(goTo)
		goTo = goTo[:k+n]
		for i := k; i < k+n; i++ {
			goTo[i] = -1
		}
		return int32(k / n)
	}
	newState() // root
	ownOut := map[int32][]int32{}
	for i, r := range raws {
		s := int32(0)
		for _, c := range r.b {
			cl := int32(m.class[c])
			nx := goTo[s*int32(n)+cl]
			if nx < 0 {
				nx = newState()
				goTo[s*int32(n)+cl] = nx
			}
			s = nx
		}
		ownOut[s] = append(ownOut[s], int32(i))
	}
	states := len(goTo) / n
	fail := make([]int32, states)
	outs := make([][]int32, states)
	outs[0] = ownOut[0]
	// Breadth-first, turning the trie into the DFA in place: a missing
	// transition takes that of the failure state, whose row is already
	// complete because it is shallower.
	queue := make([]int32, 0, states)
	for c := 0; c < n; c++ {
		if nx := goTo[c]; nx < 0 {
			goTo[c] = 0
		} else {
			fail[nx] = 0
			queue = append(queue, nx)
		}
	}
	for qi := 0; qi < len(queue); qi++ {
		s := queue[qi]
		outs[s] = append(append([]int32(nil), ownOut[s]...), outs[fail[s]]...)
		row, frow := int(s)*n, int(fail[s])*n
		for c := 0; c < n; c++ {
			nx := goTo[row+c]
			if nx < 0 {
				goTo[row+c] = goTo[frow+c]
				continue
			}
			fail[nx] = goTo[frow+c]
			queue = append(queue, nx)
		}
	}
	m.next = goTo
	m.outStart = make([]int32, states+1)
	for s := 0; s < states; s++ {
		m.outStart[s] = int32(len(m.outList))
		m.outList = append(m.outList, outs[s]...)
	}
	m.outStart[states] = int32(len(m.outList))
	if m.maxRunes == 0 {
		m.maxRunes = 1
	}
	return m
}

// scan calls fn for every phrase occurrence in text, in order of end offset.
// Invalid UTF-8 bytes match nothing.
func (m *matcher) scan(text string, fn func(h mhit)) {
	if len(m.pats) == 0 {
		return
	}
	ring := make([]int, m.maxRunes) // start offsets of the last maxRunes runes
	n := int32(m.nclass)
	s := int32(0)
	ri := 0 // rune index
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(text); {
		c := text[i]
		var w int
		if c >= utf8.RuneSelf {
			if r, rw := utf8.DecodeRuneInString(text[i:]); isInvisible(r) {
				i += rw // not fed, not counted: a phrase matches across it
				continue
			}
		}
		ring[ri%len(ring)] = i
		if c < utf8.RuneSelf {
			w = 1
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			s = m.next[s*n+int32(m.class[c])]
		} else {
			var r rune
			r, w = utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && w == 1 {
				s = m.next[s*n] // class 0
			} else {
				k := utf8.EncodeRune(buf[:], foldRune(r))
				for j := 0; j < k; j++ {
					s = m.next[s*n+int32(m.class[buf[j]])]
				}
			}
		}
		end := i + w
		if lo, hi := m.outStart[s], m.outStart[s+1]; lo < hi {
			for _, pi := range m.outList[lo:hi] {
				p := &m.pats[pi]
				start := ring[(ri-p.runes+1+len(ring)*2)%len(ring)]
				if p.leftWord && start > 0 {
					if r, _ := utf8.DecodeLastRuneInString(text[:start]); isWordRune(r) {
						continue
					}
				}
				hitEnd := end
				if p.rightWord && end < len(text) {
					if r, _ := utf8.DecodeRuneInString(text[end:]); isWordRune(r) {
						if !p.plural || r|0x20 != 's' {
							continue
						}
						if after, _ := utf8.DecodeRuneInString(text[end+1:]); end+1 < len(text) && isWordRune(after) {
							continue
						}
						hitEnd = end + 1 // "flights" for "flight"
					}
				}
				fn(mhit{pat: pi, start: start, end: hitEnd})
			}
		}
		ri++
		i = end
	}
}
