package match

import "strings"

const medI = 20 // ㅣ

// writeStandardWord romanises a run of syllables as pronounced. Each boundary
// between a final and the next initial is resolved once, left to right:
//
//   - liaison: a final before a silent ㅇ moves over (백암 Baegam); ㅎ is
//     dropped (좋아 joa); ㅇ stays and a hyphen marks the boundary (Jung-ang);
//   - palatalisation: ㄷ ㅌ before 이 become ㅈ ㅊ (해돋이 haedoji), ㄷ before
//     히 becomes ㅊ (굳히다 guchida);
//   - aspiration: ㅎ before ㄱ ㄷ ㅈ gives ㅋ ㅌ ㅊ (좋고 joko); a plosive before
//     ㅎ keeps its ㅎ as in nouns (묵호 Mukho, 집현전 Jiphyeonjeon);
//   - ㄹ after ㅁ ㅇ ㄱ ㅂ is read ㄴ (종로 Jongno, 왕십리 Wangsimni);
//   - lateralisation: ㄴㄹ and ㄹㄴ are read ㄹㄹ (신라 Silla, 별내 Byeollae);
//   - nasalisation: ㄱ ㄷ ㅂ before ㄴ ㅁ become ㅇ ㄴ ㅁ (백마 Baengma);
//   - tensing is never written (압구정 Apgujeong).
//
// Rules that depend on word structure (ㄴ insertion in 학여울 Hangnyeoul,
// compound boundaries in 신문로 Sinmunno, verb-only aspiration in 잡혀
// japyeo, hyphens before administrative units) are out of reach without a
// dictionary and are not attempted.
func writeStandardWord(b *strings.Builder, word []syllable) {
	n := len(word)
	var iniBuf, finBuf [16]int8
	var hyBuf [16]bool
	ini, fin, hy := iniBuf[:0], finBuf[:0], hyBuf[:0]
	if n > len(iniBuf) {
		ini, fin, hy = make([]int8, 0, n), make([]int8, 0, n), make([]bool, 0, n)
	}
	for _, sy := range word {
		ini = append(ini, sy.ini)
		fin = append(fin, cNone)
		hy = append(hy, false)
	}
	for i := range n {
		if i == n-1 {
			fin[i] = neutral(soundedFinal(word[i].fin))
			break
		}
		fin[i], ini[i+1], hy[i+1] = boundary(word[i].fin, word[i+1].ini, word[i+1].med)
	}
	for i, sy := range word {
		if i > 0 {
			if hy[i] || (fin[i-1] == cNone && ini[i] == cNone && vowelsJoin(medialRR[word[i-1].med], medialRR[sy.med])) {
				b.WriteByte('-')
			}
		}
		if ini[i] == cR && i > 0 && fin[i-1] == cR {
			b.WriteByte('l')
		} else {
			b.WriteString(initialRR[ini[i]])
		}
		b.WriteString(medialRR[sy.med])
		b.WriteString(finalRR[fin[i]])
	}
}

// vowelsJoin reports whether two vowels written side by side would read as
// another vowel (세운 "seun" could be 스운), which calls for a hyphen.
func vowelsJoin(prev, next string) bool {
	switch string([]byte{prev[len(prev)-1], next[0]}) {
	case "eo", "eu", "ae", "oe", "ui":
		return true
	}
	return false
}

// boundary resolves the final f of one syllable against the initial of the
// next (whose vowel is nextMed). It returns the sounded final, the new initial
// and whether a hyphen is needed between them.
func boundary(f [2]int8, next, nextMed int8) (int8, int8, bool) {
	if f[0] == cNone {
		return cNone, next, false
	}
	if next == cNone {
		if f[1] == cNone {
			switch f[0] {
			case cNG:
				return cNG, cNone, true
			case cH:
				return cNone, cNone, false
			}
			return cNone, palatalise(f[0], nextMed), false
		}
		if f[1] == cH { // ㄶ ㅀ: ㅎ drops, the other consonant moves
			return cNone, f[0], false
		}
		return neutral(f[0]), palatalise(f[1], nextMed), false
	}
	fc := soundedFinal(f)
	if f[0] == cH || f[1] == cH {
		fc = cNone
		if f[1] == cH {
			fc = f[0]
		}
		switch next {
		case cG:
			next = cK
		case cD:
			next = cT
		case cJ:
			next = cCH
		case cN:
			if fc == cNone {
				fc = cN // 놓는 [논는]
			}
		}
	}
	if next == cH {
		if (fc == cD || fc == cT) && nextMed == medI {
			return cNone, cCH, false
		}
		return neutral(fc), cH, false
	}
	fc = neutral(fc)
	if next == cR {
		switch fc {
		case cM, cNG, cG, cB, cD:
			next = cN
		case cN:
			fc = cR
		}
	}
	if fc == cR && next == cN {
		next = cR
	}
	if next == cN || next == cM {
		switch fc {
		case cG:
			fc = cNG
		case cD:
			fc = cN
		case cB:
			fc = cM
		}
	}
	return fc, next, fc == cN && next == cG
}

func palatalise(c, med int8) int8 {
	if med == medI {
		switch c {
		case cD:
			return cJ
		case cT:
			return cCH
		}
	}
	return c
}
