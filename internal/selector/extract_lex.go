package selector

import "unicode/utf8"

// Byte classes of the extraction scanner. The scanner looks at each byte
// once through this table; only non-ASCII bytes take the slower path of
// foldAt and utf8 decoding.
const (
	clSpace uint8 = 1 << iota // ASCII white space and control bytes
	clDigit                   // 0-9
	clAlpha                   // A-Z a-z
	clWord                    // may be part of a word run
	clHost                    // may be part of a host name: A-Z a-z 0-9 . -
	clLocal                   // may be part of an e-mail local part
	clB58                     // in the base58 alphabet
)

var asciiClass = func() (t [128]uint8) {
	for c := 0; c < 128; c++ {
		switch {
		case c <= ' ' || c == 0x7f:
			t[c] |= clSpace
		case c >= '0' && c <= '9':
			t[c] |= clDigit | clWord | clHost | clLocal
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z':
			t[c] |= clAlpha | clWord | clHost | clLocal
		}
	}
	for _, c := range "._%+-@:/~?#=&[]()" {
		t[c] |= clWord
	}
	t['.'] |= clHost | clLocal
	t['-'] |= clHost | clLocal
	for _, c := range "_%+" {
		t[c] |= clLocal
	}
	for _, c := range "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz" {
		t[c] |= clB58
	}
	return t
}()

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlpha(c byte) bool { return c < 0x80 && asciiClass[c]&clAlpha != 0 }
func isAlnum(c byte) bool { return c < 0x80 && asciiClass[c]&(clAlpha|clDigit) != 0 }
func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// foldAt reads the non-ASCII character at text[i] and returns the ASCII byte
// it stands for in selectors, with its length: full-width forms (０-９, Ａ-Ｚ,
// ＠, ．, ：, ＋, （ ...), the digits of Khmer, Thai, Lao and Myanmar, the
// Unicode dashes and spaces, and the ideographic full stop. c is 0 for any
// other character, and size is then 0.
func foldAt(text string, i int) (c byte, size int) {
	n := len(text)
	switch text[i] {
	case 0xC2:
		if i+1 < n && text[i+1] == 0xA0 { // no-break space
			return ' ', 2
		}
	case 0xE0:
		if i+2 < n {
			b1, b2 := text[i+1], text[i+2]
			if (b1 == 0xB9 || b1 == 0xBB) && b2 >= 0x90 && b2 <= 0x99 { // Thai, Lao digits
				return '0' + b2 - 0x90, 3
			}
		}
	case 0xE1:
		if i+2 < n {
			b1, b2 := text[i+1], text[i+2]
			if b1 == 0x9F && b2 >= 0xA0 && b2 <= 0xA9 { // Khmer digits
				return '0' + b2 - 0xA0, 3
			}
			if b1 == 0x81 && b2 >= 0x80 && b2 <= 0x89 { // Myanmar digits
				return '0' + b2 - 0x80, 3
			}
		}
	case 0xE2:
		if i+2 < n {
			b1, b2 := text[i+1], text[i+2]
			switch {
			case b1 == 0x80 && (b2 <= 0x8B || b2 == 0xAF): // en quad ... zero-width space, narrow no-break space
				return ' ', 3
			case b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95: // hyphen ... horizontal bar
				return '-', 3
			case b1 == 0x88 && b2 == 0x92: // minus sign
				return '-', 3
			}
		}
	case 0xE3:
		if i+2 < n && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x80: // ideographic space
				return ' ', 3
			case 0x82: // ideographic full stop
				return '.', 3
			}
		}
	case 0xEF:
		if i+2 < n {
			b1, b2 := text[i+1], text[i+2]
			if b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF { // U+FF01-FF3F
				return 0x21 + b2 - 0x81, 3
			}
			if b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E { // U+FF40-FF5E
				return 0x60 + b2 - 0x80, 3
			}
		}
	}
	return 0, 0
}

// byteAt returns the ASCII byte that text[i] stands for (folding non-ASCII
// characters) and the length of the character; c is 0 for a character that
// stands for nothing ASCII.
func byteAt(text string, i int) (c byte, size int) {
	if c := text[i]; c < 0x80 {
		return c, 1
	}
	if c, size := foldAt(text, i); c != 0 {
		return c, size
	}
	_, size = utf8.DecodeRuneInString(text[i:])
	return 0, size
}

// byteBefore returns the ASCII byte that the character ending at text[i]
// stands for, as byteAt does for the character starting there; 0 at the
// start of the text or for another character.
func byteBefore(text string, i int) byte {
	if i <= 0 {
		return 0
	}
	if c := text[i-1]; c < 0x80 {
		return c
	}
	_, size := utf8.DecodeLastRuneInString(text[:i])
	if c, fs := foldAt(text, i-size); fs == size {
		return c
	}
	return 0
}

// run is a word run: text[start:end], and s, the same characters with
// full-width forms and other scripts' digits folded to ASCII and defanging
// undone ("[.]" -> "."). pos maps s back to the text: s[k] came from
// text[pos[k]:pos[k+1]]; a nil pos means s == text[start:end].
type run struct {
	start, end int
	s          string
	pos        []int
}

// at returns the text offset of s[k] (k may be len(s)).
func (r *run) at(k int) int {
	if r.pos == nil {
		return r.start + k
	}
	return r.pos[k]
}

// slice returns the part of the run made of s[a:b].
func (r *run) slice(a, b int) run {
	if r.pos == nil {
		return run{start: r.start + a, end: r.start + b, s: r.s[a:b]}
	}
	return run{start: r.pos[a], end: r.pos[b], s: r.s[a:b], pos: r.pos[a : b+1]}
}

// maxRun caps a word run: longer stretches without a break (base64 blobs,
// binary garbage) are cut into pieces so that no step works on more than
// this many bytes at once.
const maxRun = 4096

// wordEnd returns the end of the word run starting at text[i] and whether
// the run needs folding (non-ASCII forms or defanging brackets).
func wordEnd(text string, i int) (end int, fold bool) {
	n := len(text)
	j := i
	limit := min(n, i+maxRun)
	for j < limit {
		c := text[j]
		if c < 0x80 {
			cl := asciiClass[c]
			if cl&clWord == 0 {
				break
			}
			if (c == '[' || c == '(') && !fold {
				if l, _ := markerAt(text, j, limit); l > 0 {
					fold = true
				}
			}
			j++
			continue
		}
		fc, size := foldAt(text, j)
		if fc == 0 || fc >= 0x80 || asciiClass[fc]&clWord == 0 {
			break
		}
		fold = true
		j += size
	}
	return j, fold
}

// defangMarkers are the bracketed spellings that analysts and scammers
// use to keep a link from being clicked, and what they stand for.
var defangMarkers = []struct {
	m string
	r byte
}{
	{"[.]", '.'}, {"(.)", '.'}, {"{.}", '.'}, {"[dot]", '.'}, {"(dot)", '.'},
	{"[:]", ':'}, {"[@]", '@'}, {"(@)", '@'}, {"[at]", '@'}, {"(at)", '@'}, {"[/]", '/'},
}

// markerAt returns the length of a defang marker at text[i:end] and the
// byte it stands for.
func markerAt(text string, i, end int) (int, byte) {
	for _, d := range defangMarkers {
		if i+len(d.m) <= end && equalFoldASCII(text[i:i+len(d.m)], d.m) {
			return len(d.m), d.r
		}
	}
	return 0, 0
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}

// makeRun builds the run text[i:j], folding it when needed. Folded runs
// reuse the scanner's buffers; their s is a fresh string.
func (sc *scanner) makeRun(i, j int, fold bool) run {
	if !fold {
		return run{start: i, end: j, s: sc.text[i:j]}
	}
	text := sc.text
	buf, pos := sc.normBuf[:0], sc.posBuf[:0]
	for k := i; k < j; {
		c := text[k]
		if c == '[' || c == '(' || c == '{' {
			if l, r := markerAt(text, k, j); l > 0 {
				buf, pos = append(buf, r), append(pos, k)
				k += l
				continue
			}
		}
		if c < 0x80 {
			buf, pos = append(buf, c), append(pos, k)
			k++
			continue
		}
		fc, size := foldAt(text, k)
		if size == 0 { // cannot happen inside a run; keep going safely
			size = 1
			fc = '?'
		}
		buf, pos = append(buf, fc), append(pos, k)
		k += size
	}
	pos = append(pos, j)
	sc.normBuf, sc.posBuf = buf, pos
	return run{start: i, end: j, s: string(buf), pos: pos}
}
