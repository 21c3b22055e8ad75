package match

import "strings"

// RRMode selects how Hangul is written in Latin letters under the Revised
// Romanization of Korean (Ministry of Culture notice 2000-8).
type RRMode int

const (
	// RRStandard writes what is pronounced: sound changes across syllable
	// boundaries (liaison, nasalisation, lateralisation, palatalisation,
	// aspiration after ㅎ) are applied, tensing is not, and a hyphen is put
	// where a reading would otherwise be ambiguous (Jung-ang, Ban-gudae).
	RRStandard RRMode = iota
	// RRName romanises each syllable on its own, as Korean passports write
	// personal names: 한복남 gives "hanboknam", not "hanbongnam".
	RRName
	// RRTransliteration writes the spelling letter by letter (article 8 of
	// the rules): ㄱ ㄷ ㅂ ㄹ are always g d b l, and a hyphen separates a
	// final from a silent ㅇ initial (물엿 mul-yeos).
	RRTransliteration
)

const (
	hangulBase   = 0xAC00
	hangulLast   = 0xD7A3
	numMedials   = 21
	numFinals    = 28
	syllableSpan = numMedials * numFinals
)

// Consonant letters, shared by initials and finals. cNone is the silent ㅇ
// initial and the empty final.
const (
	cNone = iota
	cG    // ㄱ
	cKK   // ㄲ
	cN    // ㄴ
	cD    // ㄷ
	cTT   // ㄸ
	cR    // ㄹ
	cM    // ㅁ
	cB    // ㅂ
	cPP   // ㅃ
	cS    // ㅅ
	cSS   // ㅆ
	cNG   // ㅇ as a final
	cJ    // ㅈ
	cJJ   // ㅉ
	cCH   // ㅊ
	cK    // ㅋ
	cT    // ㅌ
	cP    // ㅍ
	cH    // ㅎ
)

// initialLetters maps the 19 initial jamo, in Unicode order, to consonants.
var initialLetters = [19]int8{cG, cKK, cN, cD, cTT, cR, cM, cB, cPP, cS, cSS, cNone, cJ, cJJ, cCH, cK, cT, cP, cH}

// finalLetters maps the 28 finals, in Unicode order, to one or two consonants.
var finalLetters = [numFinals][2]int8{
	{}, {cG}, {cKK}, {cG, cS}, {cN}, {cN, cJ}, {cN, cH}, {cD}, {cR}, {cR, cG},
	{cR, cM}, {cR, cB}, {cR, cS}, {cR, cT}, {cR, cP}, {cR, cH}, {cM}, {cB},
	{cB, cS}, {cS}, {cSS}, {cNG}, {cJ}, {cCH}, {cK}, {cT}, {cP}, {cH},
}

// medialRR holds the vowels ㅏ..ㅣ in Unicode order.
var medialRR = [numMedials]string{
	"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe",
	"yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
}

// initialRR is how a consonant is written before a vowel.
var initialRR = [...]string{
	cNone: "", cG: "g", cKK: "kk", cN: "n", cD: "d", cTT: "tt", cR: "r", cM: "m",
	cB: "b", cPP: "pp", cS: "s", cSS: "ss", cNG: "", cJ: "j", cJJ: "jj",
	cCH: "ch", cK: "k", cT: "t", cP: "p", cH: "h",
}

// translitRR is the letter-by-letter spelling used in transliteration mode.
var translitRR = [...]string{
	cNone: "", cG: "g", cKK: "kk", cN: "n", cD: "d", cTT: "tt", cR: "l", cM: "m",
	cB: "b", cPP: "pp", cS: "s", cSS: "ss", cNG: "ng", cJ: "j", cJJ: "jj",
	cCH: "ch", cK: "k", cT: "t", cP: "p", cH: "h",
}

// neutral reduces a final consonant to one of the seven that can close a
// syllable: ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅇ.
func neutral(c int8) int8 {
	switch c {
	case cG, cKK, cK:
		return cG
	case cD, cS, cSS, cJ, cCH, cT, cH, cTT, cJJ:
		return cD
	case cB, cP, cPP:
		return cB
	}
	return c
}

// finalRR is how a neutralised final is written.
var finalRR = [...]string{cNone: "", cG: "k", cN: "n", cD: "t", cR: "l", cM: "m", cB: "p", cNG: "ng"}

// syllable is a decomposed Hangul syllable. fin holds one or two consonants.
type syllable struct {
	ini int8
	med int8
	fin [2]int8
}

func decompose(r rune) (syllable, bool) {
	if r < hangulBase || r > hangulLast {
		return syllable{}, false
	}
	n := int(r - hangulBase)
	return syllable{
		ini: initialLetters[n/syllableSpan],
		med: int8(n % syllableSpan / numFinals),
		fin: finalLetters[n%numFinals],
	}, true
}

// isHangulSyllable reports whether r is a precomposed Hangul syllable.
func isHangulSyllable(r rune) bool { return r >= hangulBase && r <= hangulLast }

// RomanizeHangul writes s in Latin letters under mode, in lower case. Runs of
// Hangul syllables are romanised as words; everything else is copied.
func RomanizeHangul(s string, mode RRMode) string {
	var b strings.Builder
	b.Grow(len(s) * 2)
	var word []syllable
	flush := func() {
		if len(word) > 0 {
			switch mode {
			case RRName:
				writeNameWord(&b, word)
			case RRTransliteration:
				writeTranslitWord(&b, word)
			default:
				writeStandardWord(&b, word)
			}
			word = word[:0]
		}
	}
	for _, r := range s {
		if sy, ok := decompose(r); ok {
			word = append(word, sy)
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}

// writeNameWord romanises every syllable as if it stood alone.
func writeNameWord(b *strings.Builder, word []syllable) {
	for _, sy := range word {
		b.WriteString(syllableAlone(sy))
	}
}

// syllableAlone romanises one syllable with no neighbours: a double final is
// reduced to the consonant that is pronounced, then neutralised.
func syllableAlone(sy syllable) string {
	return initialRR[sy.ini] + medialRR[sy.med] + finalRR[neutral(soundedFinal(sy.fin))]
}

// soundedFinal picks which consonant of a final is heard before a pause.
func soundedFinal(f [2]int8) int8 {
	if f[1] == cNone {
		return f[0]
	}
	switch {
	case f[0] == cR && (f[1] == cG || f[1] == cM || f[1] == cP):
		return f[1] // ㄺ ㄻ ㄿ
	case f[0] == cB:
		return cB // ㅄ
	}
	return f[0] // ㄳ ㄵ ㄶ ㄼ ㄽ ㄾ ㅀ
}

func writeTranslitWord(b *strings.Builder, word []syllable) {
	prevEnd := ""
	for i, sy := range word {
		ini := translitRR[sy.ini]
		if i > 0 && prevEnd != "" {
			// A silent ㅇ after a final, or a doubled letter across the
			// boundary (었습 eoss-seub), would be misread without a hyphen.
			if sy.ini == cNone || (ini != "" && prevEnd[len(prevEnd)-1] == ini[0]) {
				b.WriteByte('-')
			}
		}
		b.WriteString(ini)
		b.WriteString(medialRR[sy.med])
		fin := translitRR[sy.fin[0]] + translitRR[sy.fin[1]]
		if sy.fin[0] == cNone {
			fin = ""
		}
		b.WriteString(fin)
		prevEnd = fin
	}
}
